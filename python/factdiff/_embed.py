"""A Python callable that gives sentences vectors (the optional semantic mode): the adapter
between it and the native side.

The native side calls ``adapter(embed)`` with a batch of sentences (the claims' texts) and wants
one list of floats per sentence, all of one length. An embedder may answer with a list of
sequences of numbers or with a 2-D array (anything with ``tolist()``, such as a numpy array).

Whatever the embedder raises stops the comparison: ``KeyboardInterrupt`` and ``SystemExit`` as
they are, any other exception as ``FactdiffError`` (the original as ``__cause__``). An answer of
the wrong shape (not one vector per sentence, vectors of different lengths, an empty vector) or
with a number that is not finite raises ``InputError`` naming the sentence.
"""

from __future__ import annotations

import math
from typing import Any, Callable, List, Sequence

from ._judge import check_batch_size, to_float
from .errors import FactdiffError, InputError

#: An embedder: a batch of sentences in, one vector (a sequence of floats) per sentence out; a
#: 2-D numpy array of shape (len(sentences), dim) will do.
EmbedFn = Callable[[List[str]], Any]


def check_embed(embed: object, batch_size: object) -> None:
    """``TypeError``/``ValueError`` for an embedder that is not callable or a bad batch size."""
    if embed is not None and not callable(embed):
        raise TypeError(
            f"embed= must be a callable taking a list of sentences, not {type(embed).__name__} ({embed!r:.60})"
        )
    check_batch_size("embed_batch_size", batch_size)


def adapter(embed: EmbedFn) -> Callable[[List[str]], List[List[float]]]:
    """Wrap a user embedder so that the native side always gets one list of finite floats per
    sentence, all of one length."""
    dim: List[int] = []  # the length of the first vector seen, kept across batches

    def call(sentences: List[str]) -> List[List[float]]:
        try:
            result = embed(sentences)
        except Exception as e:
            message = str(e)
            raise FactdiffError(f"embed= raised {type(e).__name__}{': ' + message if message else ''}") from e
        rows = _rows(result, len(sentences))
        out = [_vector(row, i) for i, row in enumerate(rows)]
        for i, v in enumerate(out):
            if not dim:
                dim.append(len(v))
            if len(v) != dim[0]:
                raise InputError(
                    f"embed= returned a vector of {len(v)} numbers for sentence {i} of a batch, "
                    f"and {dim[0]} before it (every vector must have the same length)"
                )
        return out

    return call


def _rows(result: object, n: int) -> Sequence[Any]:
    """The answer as a sequence of ``n`` rows."""
    tolist = getattr(result, "tolist", None)
    if callable(tolist) and not isinstance(result, (str, bytes)):
        result = tolist()
    if isinstance(result, (str, bytes)) or not isinstance(result, Sequence):
        raise InputError(
            f"embed= must return one vector per sentence (a list of lists of floats or a 2-D array), "
            f"not {type(result).__name__} ({result!r:.60})"
        )
    if len(result) != n:
        raise InputError(f"embed= returned {len(result)} vectors for {n} sentences (one per sentence, in order)")
    return result


def _vector(row: object, i: int) -> List[float]:
    """One sentence's vector as finite floats; ``i`` is its index in the batch."""
    tolist = getattr(row, "tolist", None)
    if callable(tolist):
        row = tolist()
    if isinstance(row, (str, bytes)) or not isinstance(row, Sequence):
        raise InputError(f"embed= vector for sentence {i} is a {type(row).__name__} ({row!r:.60}), not a sequence of floats")
    if not row:
        raise InputError(f"embed= vector for sentence {i} is empty")
    out: List[float] = []
    for x in row:
        value = to_float(x)
        if value is None:
            raise InputError(f"embed= vector for sentence {i} holds {x!r:.60}, not a number")
        if not math.isfinite(value):
            raise InputError(f"embed= vector for sentence {i} holds {value}, not a finite number")
        out.append(value)
    return out
