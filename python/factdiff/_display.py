"""Small text and HTML helpers for the reprs of single objects (a finding, a claim, a document).

Plain functions over strings: every piece of text is escaped with ``html.escape``; no scripts.
The whole report's HTML comes from the Rust renderer instead (``Report._repr_html_``).
"""

from __future__ import annotations

import html
from typing import Iterable, Optional, Sequence, Tuple

#: CSS for the cards of single objects, scoped under ``.factdiff-card``.
CARD_CSS = (
    "<style>.factdiff-card{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:14px;"
    "line-height:1.5;color:#1d2330;border:1px solid #dde1e7;border-left:5px solid #6b7280;border-radius:6px;"
    "padding:8px 12px;margin:6px 0;max-width:1100px}"
    ".factdiff-card.high{border-left-color:#b3261e}.factdiff-card.medium{border-left-color:#b76e00}"
    ".factdiff-card p{margin:4px 0}.factdiff-card .sev{display:inline-block;border-radius:10px;padding:0 8px;"
    "font-size:12px;font-weight:600;color:#fff;background:#6b7280}"
    ".factdiff-card .sev-high{background:#b3261e}.factdiff-card .sev-medium{background:#b76e00}"
    ".factdiff-card .sev-supported{background:#3a8f5b}.factdiff-card .sev-contradicted{background:#b3261e}"
    ".factdiff-card .sev-disputed{background:#b76e00}"
    ".factdiff-card .kind{font-size:12px;font-weight:600;color:#2c4a7a;margin:0 6px}"
    ".factdiff-card .id{color:#7a8291;font-size:11px;margin-left:4px}"
    ".factdiff-card blockquote{margin:6px 0 6px 4px;padding:4px 10px;border-left:3px solid #c9ced6;"
    "background:#f8f9fb}.factdiff-card .doc{font-weight:600;color:#2c4a7a;margin-right:6px}"
    ".factdiff-card mark{background:#ffe58a;padding:0 1px;border-radius:2px}"
    ".factdiff-card mark b{background:#f5b94a;border-radius:2px}"
    ".factdiff-card .note{color:#5b6474;font-size:13px}</style>"
)


def esc(text: str) -> str:
    """Text escaped for HTML element content and quoted attributes."""
    return html.escape(text, quote=True)


def shorten(text: str, limit: int = 80) -> str:
    """``text`` on one line, cut at a word to at most ``limit`` characters (then "…")."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(",;:-–— ") + "…"


def marked(text: str, spans: Iterable[Tuple[int, int, str]], *, html_out: bool) -> str:
    """``text`` with the character ranges ``(start, end, title)`` marked: ``<b title=…>`` in HTML,
    ``[…]`` in plain text. Ranges that overlap an earlier one or fall outside ``text`` stay plain."""
    out = []
    pos = 0
    for start, end, title in sorted(spans):
        if start < pos or start >= end or end > len(text) or start < 0:
            continue
        piece = text[start:end]
        out.append(esc(text[pos:start]) if html_out else text[pos:start])
        out.append(f'<b title="{esc(title)}">{esc(piece)}</b>' if html_out else f"[{piece}]")
        pos = end
    out.append(esc(text[pos:]) if html_out else text[pos:])
    return "".join(out)


def source_html(doc: str, label: Optional[str]) -> str:
    """A source by its label, with its id beside it when they differ."""
    if not label or label == doc:
        return esc(doc)
    return f'{esc(label)}<span class="id">{esc(doc)}</span>'


def source_text(doc: str, label: Optional[str]) -> str:
    """A source by its label, with its id after it when they differ."""
    if not label or label == doc:
        return doc
    return f"{label} ({doc})"


def card(classes: str, parts: Sequence[str]) -> str:
    """A card (``<div class="factdiff-card …">``) of HTML parts, with its CSS."""
    return f'{CARD_CSS}<div class="factdiff-card {esc(classes)}">{"".join(parts)}</div>'
