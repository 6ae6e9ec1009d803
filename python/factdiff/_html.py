"""The notebook view of a report (``Report._repr_html_``).

An HTML fragment: CSS scoped under a class unique to this rendering, no scripts, and every piece
of text from the documents or the report escaped.
"""

from __future__ import annotations

import uuid
from html import escape
from typing import TYPE_CHECKING, List

if TYPE_CHECKING:
    from ._model import Report

#: Findings shown before the rest are summarised as "… and N more".
MAX_FINDINGS = 50

_CSS = """
.{c} {{ font-family: system-ui, sans-serif; font-size: 13px; line-height: 1.4; }}
.{c} table {{ border-collapse: collapse; margin: 4px 0 12px; }}
.{c} th, .{c} td {{ border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }}
.{c} th {{ background: #f3f3f3; }}
.{c} .high {{ color: #b00020; font-weight: 600; }}
.{c} .medium {{ color: #a15c00; }}
.{c} .low {{ color: #555; }}
.{c} q {{ background: #fff6d5; }}
.{c} .note {{ color: #555; font-size: 12px; }}
"""


def report_html(report: Report) -> str:
    c = f"factdiff-{uuid.uuid4().hex[:12]}"
    e = escape
    out: List[str] = [f"<div class='{c}'><style>{_CSS.format(c=c)}</style>"]
    out.append(
        f"<p><b>factdiff</b>: {report._len('documents')} documents, {report._len('claims')} claims, "
        f"{len(report.findings)} findings, consistency {report.consistency:.0%}</p>"
    )
    if report.findings:
        out.append("<table><tr><th>kind</th><th>severity</th><th>finding and evidence</th></tr>")
        for f in report.findings[:MAX_FINDINGS]:
            evidence = "".join(
                f"<br><span class='note'>[{e(x.doc)}]</span> <q>{e(x.text)}</q> <span class='note'>— {e(x.note)}</span>"
                for x in f.evidence
            )
            out.append(
                f"<tr><td>{e(f.kind)}</td><td class='{e(f.severity)}'>{e(f.severity)}</td>"
                f"<td>{e(f.explanation)}{evidence}</td></tr>"
            )
        out.append("</table>")
        if len(report.findings) > MAX_FINDINGS:
            out.append(f"<p>… and {len(report.findings) - MAX_FINDINGS} more findings (see Report.findings).</p>")
    out.append(
        "<table><tr><th>source</th><th>claims</th><th>corroborated</th><th>contradicted</th>"
        "<th>unsupported</th><th>consistency</th></tr>"
    )
    for s in report.sources:
        out.append(
            f"<tr><td>{e(s.doc)}</td><td>{s.claims}</td><td>{s.corroborated}</td><td>{s.contradicted}</td>"
            f"<td>{s.unsupported}</td><td>{s.consistency:.0%}</td></tr>"
        )
    out.append("</table>")
    for w in report.warnings:
        out.append(f"<p class='note'>warning: {e(w)}</p>")
    out.append("</div>")
    return "".join(out)
