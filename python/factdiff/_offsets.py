"""Byte offsets (the Rust core's) to character offsets (what ``text[start:end]`` needs)."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import Any, Dict, List, Optional

Json = Dict[str, Any]

#: One non-ASCII character.
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _utf8_len(c: str) -> int:
    return 1 if c < "\x80" else 2 if c < "\u0800" else 3 if c < "\U00010000" else 4


class Offsets:
    """Byte offsets of one text to character offsets.

    ``char(byte)`` is the number of characters that start before ``byte`` (an offset inside a
    character gives the next one). ASCII text: offsets are equal. Text with few non-ASCII
    characters (most news: curly quotes, dashes, accents): only those are recorded, found by a
    regex, which is several times faster than walking every character. Otherwise: the byte start of
    every character.
    """

    def __init__(self, text: str) -> None:
        self._starts: Optional[List[int]] = None  # byte start of every character, then the length
        self._wide: Optional[List[int]] = None  # byte start of every non-ASCII character
        if text.isascii():
            return
        wide = len(text) - len(text.encode("ascii", "ignore"))
        if wide * 8 > len(text):
            self._starts = list(accumulate(map(_utf8_len, text), initial=0))
            return
        self._wide, self._chars, self._sizes = [], [], []
        extra = 0  # bytes beyond one per character, so far
        for m in _NON_ASCII.finditer(text):
            size = _utf8_len(m.group())
            self._wide.append(m.start() + extra)
            self._chars.append(m.start())
            self._sizes.append(size)
            extra += size - 1
        self._length = len(text)
        self._bytes = len(text) + extra

    def char(self, byte: int) -> int:
        """The character offset of a byte offset."""
        if self._starts is not None:
            return bisect_left(self._starts, byte)
        if self._wide is None:
            return byte
        if byte <= 0:
            return 0
        if byte > self._bytes:
            return self._length + 1
        i = bisect_left(self._wide, byte) - 1  # the last non-ASCII character that starts before
        if i < 0:
            return byte
        return self._chars[i] + 1 + max(0, byte - self._wide[i] - self._sizes[i])

    def span(self, d: Json) -> Json:
        """``start``/``end``/``start_byte``/``end_byte`` for a JSON object with byte offsets."""
        b0, b1 = d["start_byte"], d["end_byte"]
        return {"start": self.char(b0), "end": self.char(b1), "start_byte": b0, "end_byte": b1}
