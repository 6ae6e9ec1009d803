"""``Report``: what factdiff found in a set of documents, and ``Check``: one claim checked.

A report from ``compare`` keeps each top-level section of the JSON (documents, claims, clusters,
findings, …) as the text the Rust core wrote, parses a section on first access, and builds the
typed objects of ``report.claims``, ``report.findings``, and so on, on first access too. Reading
the findings and the summary never parses the claims and clusters, the bulk of a report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Set, Tuple, Union, cast, overload

from . import _native
from ._display import card, esc, marked, shorten
from ._model import (
    FINDING_KINDS,
    SEVERITIES,
    Agreement,
    CheckVerdict,
    Claim,
    Cluster,
    DocumentReport,
    Evidence,
    Finding,
    FindingKind,
    Severity,
    SourceCheck,
    SourceStats,
    claim_from_json,
    cluster_from_json,
    counts,
    document_from_json,
    finding_from_json,
    with_labels,
)
from ._offsets import Json, Offsets
from ._tables import TableName, check_table, pandas_frame, polars_frame, rows

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]
    import polars

#: Findings shown as cards by ``Findings._repr_html_`` before "… and N more".
_SHOWN = 50


class Findings(List[Finding]):
    """A list of findings (``Report.findings``, ``Report.filter(…)``) that shows itself in a
    notebook as one card per finding."""

    def _repr_html_(self) -> str:
        if not self:
            return "<p>No findings.</p>"
        cards = [f._repr_html_() for f in self[:_SHOWN]]
        if len(self) > _SHOWN:
            cards.append(f"<p>… and {len(self) - _SHOWN} more.</p>")
        return "".join(cards)


def _choices(argument: str, value: object, allowed: Tuple[str, ...]) -> Optional[Set[str]]:
    """``value`` (one choice, or several) as a set, or None; a value that is not a choice raises
    ``ValueError`` naming the argument and the choices."""
    if value is None:
        return None
    values = [value] if isinstance(value, str) else list(value) if isinstance(value, Iterable) else [value]
    for v in values:
        if not isinstance(v, str):
            raise TypeError(f"filter() {argument} must be a str or a list of str, not {type(v).__name__} ({v!r:.60})")
        if v not in allowed:
            raise ValueError(f"filter() {argument}={v!r} is not one of: {', '.join(allowed)}")
    return set(values)


class Report:
    """What factdiff found in a set of documents.

    A report is a sequence of its findings, most important first: ``len(report)``,
    ``for finding in report``, ``report[0]``, ``report["f3"]``; ``report.filter(kind=…,
    severity=…, doc=…)`` selects some and ``report.explain(0)`` tells one in plain text.
    ``documents``, ``claims``, ``clusters``, ``sources`` and ``agreement`` are typed objects;
    ``to_pandas()``/``to_polars()`` give tables; ``to_json()``/``Report.from_json()``
    round-trip the stable JSON layout, and reports pickle (through their JSON), so they travel to
    worker processes. In a notebook a report shows its summary and top findings.
    """

    def __init__(self, data: Json) -> None:
        """A report over its parsed JSON (a dict); ``Report.from_json`` reads a JSON text."""
        self._init(list(data), {}, dict(data), {})

    def _init(self, keys: List[str], raw: Dict[str, str], parsed: Json, lengths: Dict[str, int]) -> None:
        self._keys = keys  # the sections, in the order of the Rust struct (and of to_json())
        self._raw = raw  # section → its JSON, as the Rust core wrote it (kept: pickling, __eq__)
        self._parsed = parsed  # section → its parsed JSON, once read; then it is what counts
        self._lengths = lengths  # list section → number of items, without parsing it

    @classmethod
    def _from_sections(cls, sections: List[Tuple[str, str]], lengths: Dict[str, int]) -> Report:
        """A report over ``factdiff._native.compare``'s output: (section, JSON) pairs in order."""
        report = cls.__new__(cls)
        report._init([name for name, _ in sections], dict(sections), {}, dict(lengths))
        return report

    def _section(self, name: str) -> Any:
        """A top-level section of the JSON, parsed on first access."""
        try:
            return self._parsed[name]
        except KeyError:
            # setdefault: threads racing to parse the same section all get the same object.
            return self._parsed.setdefault(name, json.loads(self._raw[name]))

    def _section_json(self, name: str) -> str:
        if name in self._parsed:
            return json.dumps(self._parsed[name], ensure_ascii=False)
        return self._raw[name]

    def _len(self, name: str) -> int:
        """Number of items of a list section, without parsing it when the Rust core counted them."""
        if name not in self._parsed and name in self._lengths:
            return self._lengths[name]
        return len(self._section(name))

    @property
    def _data(self) -> Json:
        """The whole report as parsed JSON (parses every section)."""
        return {name: self._section(name) for name in self._keys}

    @classmethod
    def from_json(cls, text: str) -> Report:
        """A report from the JSON that ``to_json()`` (or ``factdiff report --format json``) wrote.

        Raises ``TypeError`` when ``text`` is not a str and ``FactdiffError`` when it is not a
        factdiff report (the message says what is missing or wrong).
        """
        if not isinstance(text, str):
            raise TypeError(f"Report.from_json() text must be a str, not {type(text).__name__}")
        _native.check_report(text)
        return cls(json.loads(text))

    def to_json(self, indent: Optional[int] = None) -> str:
        """The report as JSON (byte offsets, as in Rust); ``Report.from_json`` reads it back."""
        return json.dumps(self._data, indent=indent, ensure_ascii=False)

    def _report_json(self) -> str:
        """The report as one JSON object, from its sections as they are (unread ones stay unparsed)."""
        return "{" + ",".join(f"{json.dumps(name)}:{self._section_json(name)}" for name in self._keys) + "}"

    def __getstate__(self) -> Json:
        # Section by section, so that pickling does not parse the sections nobody read.
        lists = [name for name in self._keys if name in self._lengths or isinstance(self._parsed.get(name), list)]
        lengths = {name: self._len(name) for name in lists}
        return {"sections": [(name, self._section_json(name)) for name in self._keys], "lengths": lengths}

    def __setstate__(self, state: Json) -> None:
        self.__dict__.clear()
        if "sections" in state:
            sections = [(str(name), str(text)) for name, text in state["sections"]]
            self._init([name for name, _ in sections], dict(sections), {}, dict(state["lengths"]))
        else:  # pickled by factdiff 0.1.0 and earlier: the whole JSON
            data = json.loads(state["json"])
            self._init(list(data), {}, data, {})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report) or set(self._keys) != set(other._keys):
            return False
        for name in self._keys:
            unparsed = name not in self._parsed and name not in other._parsed
            if unparsed and self._raw[name] == other._raw[name]:
                continue  # the same JSON text: the same data, no need to parse it
            if self._section(name) != other._section(name):
                return False
        return True

    __hash__ = None  # type: ignore[assignment]

    # ---- the summary ------------------------------------------------------------------------

    @property
    def schema_version(self) -> str:
        """The version of the JSON layout."""
        return str(self._section("schema_version"))

    @property
    def consistency(self) -> float:
        """Overall consistency in 0..1: 1 when no claim is contradicted."""
        return float(self._section("consistency"))

    @property
    def warnings(self) -> List[str]:
        """What the reader should know that is not a finding (also issued as ``FactdiffWarning``)."""
        return list(self._section("warnings"))

    def counts(self) -> Dict[str, int]:
        """Number of findings per kind, in report order."""
        return counts(f["kind"] for f in self._section("findings"))

    def __repr__(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in self.counts().items())
        return (
            f"<factdiff.Report: {self._len('documents')} documents, {self._len('claims')} claims, "
            f"{self._len('findings')} findings{f' ({kinds})' if kinds else ''}, "
            f"consistency {self.consistency:.0%}>"
        )

    # ---- typed sections ---------------------------------------------------------------------

    @cached_property
    def _offsets(self) -> Dict[str, Offsets]:
        return {d["id"]: Offsets(d["text"]) for d in self._section("documents")}

    @cached_property
    def _labels(self) -> Dict[str, str]:
        return {d["id"]: d.get("label") or d["id"] for d in self._section("documents")}

    @cached_property
    def documents(self) -> List[DocumentReport]:
        """The documents as they went in, with their labels and what cleaning set aside."""
        return [document_from_json(d, self._offsets[d["id"]]) for d in self._section("documents")]

    @cached_property
    def claims(self) -> List[Claim]:
        """Every claim of every document, in document order."""
        labels = self._labels
        return [with_labels(claim_from_json(c, self._offsets[c["doc"]]), labels) for c in self._section("claims")]

    @cached_property
    def clusters(self) -> List[Cluster]:
        """Claims from several documents about the same fact, with alignments and positions."""
        return [cluster_from_json(c) for c in self._section("clusters")]

    @cached_property
    def findings(self) -> Findings:
        """The findings, most important first (by severity, then conflicts before other kinds)."""
        labels = self._labels
        return Findings(with_labels(finding_from_json(f, self._offsets), labels) for f in self._section("findings"))

    @cached_property
    def sources(self) -> List[SourceStats]:
        """Per-document statistics, in document order."""
        return [SourceStats(**s) for s in self._section("sources")]

    @cached_property
    def agreement(self) -> Agreement:
        """The source × source agreement matrix."""
        a = self._section("agreement")
        return Agreement(tuple(a["docs"]), tuple(tuple(row) for row in a["matrix"]))

    def document(self, id: str) -> Optional[DocumentReport]:
        """The document with this id, or None."""
        return next((d for d in self.documents if d.id == id), None)

    def claim(self, id: str) -> Optional[Claim]:
        """The claim with this id, or None."""
        return next((c for c in self.claims if c.id == id), None)

    def label(self, doc: str) -> str:
        """The readable label of a document id (its title, headline or first words)."""
        try:
            return self._labels[doc]
        except KeyError:
            raise KeyError(f"no document {doc!r} in this report; documents: {', '.join(self._labels)}") from None

    # ---- exploring the findings -------------------------------------------------------------

    def __len__(self) -> int:
        """The number of findings."""
        return self._len("findings")

    def __iter__(self) -> Iterator[Finding]:
        """The findings, most important first."""
        return iter(self.findings)

    @overload
    def __getitem__(self, key: int) -> Finding: ...
    @overload
    def __getitem__(self, key: str) -> Finding: ...
    @overload
    def __getitem__(self, key: slice) -> Findings: ...
    def __getitem__(self, key: Union[int, str, slice]) -> Union[Finding, Findings]:
        """A finding by position (``report[0]`` is the most important) or by id (``report["f3"]``);
        a slice gives a list of findings."""
        if isinstance(key, slice):
            return Findings(self.findings[key])
        if isinstance(key, str):
            found = next((f for f in self.findings if f.id == key), None)
            if found is None:
                raise KeyError(f"no finding with id {key!r} (ids run f0 … f{len(self) - 1})")
            return found
        if isinstance(key, bool) or not isinstance(key, int):
            raise TypeError(f"report indices must be int, str (a finding id) or slice, not {type(key).__name__}")
        try:
            return self.findings[key]
        except IndexError:
            raise IndexError(f"finding index {key} out of range: the report has {len(self)} findings") from None

    def filter(
        self,
        kind: Union[FindingKind, Iterable[FindingKind], None] = None,
        severity: Union[Severity, Iterable[Severity], None] = None,
        doc: Optional[str] = None,
    ) -> Findings:
        """The findings of some kinds, severities, or about one document (its id or its label),
        most important first. Each argument takes one value or several::

            report.filter(kind="contradiction")
            report.filter(kind=["numeric_conflict", "date_conflict"], severity="high")
            report.filter(doc="river_times")

        A value that is not a kind, a severity or a document raises ``ValueError`` naming it.
        """
        kinds = _choices("kind", kind, FINDING_KINDS)
        severities = _choices("severity", severity, SEVERITIES)
        ids: Optional[Set[str]] = None
        if doc is not None:
            if not isinstance(doc, str):
                raise TypeError(f"filter() doc must be a str (a document id or label), not {type(doc).__name__}")
            ids = {i for i, label in self._labels.items() if doc in (i, label)}
            if not ids:
                raise ValueError(f"filter() doc={doc!r} is not a document of this report; documents: {', '.join(self._labels)}")
        return Findings(
            f
            for f in self.findings
            if (kinds is None or f.kind in kinds)
            and (severities is None or f.severity in severities)
            and (ids is None or ids.intersection(f.docs))
        )

    def explain(self, finding: Union[int, str, Finding] = 0) -> str:
        """One finding (by position, id, or the finding itself) in plain text: what it is, each
        piece of evidence with its source and its cues in ``[brackets]``, and the reasons."""
        chosen: Finding = finding if isinstance(finding, Finding) else self[finding]
        return cast(Finding, with_labels(chosen, self._labels)).explain()

    # ---- output -----------------------------------------------------------------------------

    def _repr_html_(self) -> str:
        """The notebook view: the summary and the top findings; the rest behind ``<details>``."""
        return _native.render_html(self._report_json(), True)

    def to_html(self, *, fragment: bool = False) -> str:
        """The HTML report (as ``factdiff report --format html``): a whole self-contained page with
        every section and every document, or with ``fragment=True`` the notebook view."""
        return _native.render_html(self._report_json(), fragment)

    def _rows(self, table: str) -> List[Dict[str, Any]]:
        return rows(
            check_table(table),
            findings=lambda: self.findings,
            claims=lambda: self.claims,
            sources=lambda: self.sources,
            agreement=lambda: self.agreement,
            documents=lambda: self.documents,
            labels=self._labels,
        )

    def to_pandas(self, table: TableName = "findings") -> pandas.DataFrame:
        """One table of the report as a pandas DataFrame (``pip install 'factdiff[pandas]'``).

        Start from ``"findings"`` (the default: one row per finding, with its ``docs``, their
        readable ``sources``, ``claims`` and ``reasons`` as list columns); the other tables are
        ``"evidence"`` (one row per piece of evidence, its ``cues`` a list column), ``"claims"``,
        ``"sources"`` (per-document statistics), ``"agreement"`` (one row per ordered pair of
        documents) and ``"documents"``. Columns that name a document hold its id (``doc``) and
        its label (``source``).
        """
        return cast("pandas.DataFrame", pandas_frame(check_table(table), self._rows(table)))

    def to_polars(self, table: TableName = "findings") -> polars.DataFrame:
        """One table of the report as a polars DataFrame (``pip install 'factdiff[polars]'``); the
        same tables and columns as ``to_pandas``, lists as ``List(String)`` columns."""
        return cast("polars.DataFrame", polars_frame(check_table(table), self._rows(table)))


@dataclass(frozen=True, repr=False)
class Check:
    """The result of ``check_claim``: each source's verdict on the claim (``sources``, in input
    order: "supports", "contradicts", "mentions" without a position, "silent", with its value and
    evidence) and the overall ``verdict`` derived from them: "disputed" when some support and some
    contradict, else "contradicted", "supported", "mentioned", or "not_covered".

    ``evidence`` is every source's evidence; ``report`` is the full comparison of the claim
    (document id ``claim_doc``) with the sources.
    """

    claim: str
    verdict: CheckVerdict
    sources: Tuple[SourceCheck, ...]
    report: Report
    claim_doc: str

    @property
    def evidence(self) -> Tuple[Evidence, ...]:
        """The evidence of every source, source by source."""
        return tuple(e for s in self.sources for e in s.evidence)

    def source(self, doc: str) -> SourceCheck:
        """The verdict of source ``doc`` (``KeyError`` when no source has that id)."""
        for s in self.sources:
            if s.doc == doc:
                return s
        raise KeyError(doc)

    def __repr__(self) -> str:
        return f"<Check {self.verdict}: {shorten(self.claim, 70)!r} ({len(self.evidence)} evidence)>"

    def _repr_html_(self) -> str:
        labels = self.report._labels
        parts = [
            f'<p><span class="sev sev-{esc(self.verdict)}">{esc(self.verdict.replace("_", " "))}</span> '
            f"<mark>{marked(self.claim, (), html_out=True)}</mark></p>"
        ]
        for s in self.sources:
            if s.verdict == "silent":
                continue
            value = "" if s.value is None else f" ({esc(s.value)})"
            parts.append(f'<p><span class="kind">{esc(s.verdict)}{value}</span></p>')
            parts += [e._html(labels.get(e.doc)) for e in s.evidence]
        silent = [s.doc for s in self.sources if s.verdict == "silent"]
        if not self.evidence:
            parts.append('<p class="note">No source says anything about this claim.</p>')
        elif silent:
            parts.append(f'<p class="note">Silent: {esc(", ".join(silent))}.</p>')
        return card(self.verdict, parts)

