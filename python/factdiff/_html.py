"""The notebook view of a report (``Report._repr_html_``).

Rendered by the Rust core (``factdiff-render``), the same renderer as ``factdiff report --format
html``, in fragment mode: one ``<div>`` whose CSS is scoped under a class unique to the call, no
scripts, and every piece of text from the documents or the report escaped.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from . import _native

if TYPE_CHECKING:
    from ._model import Report


def report_json(report: Report) -> str:
    """The report as one JSON object, from its sections as they are (unread sections stay unparsed)."""
    return "{" + ",".join(f"{json.dumps(name)}:{report._section_json(name)}" for name in report._keys) + "}"


def report_html(report: Report, *, fragment: bool = True) -> str:
    """The report as an HTML fragment (default) or as a whole self-contained page."""
    return _native.render_html(report_json(report), fragment)
