"""Typed Python objects over the report JSON that the Rust core produces.

The JSON (``Report.to_json()``) keeps byte offsets, as the Rust core does. The objects here add
character offsets: every spanned object has ``start``/``end`` (characters, so
``document.text[x.start:x.end]`` works) beside ``start_byte``/``end_byte``.

Objects are built lazily, on first access of ``report.claims``, ``report.findings``, and so on,
so a report that is only counted or serialised costs no more than parsing its JSON.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import Any, Dict, List, Optional

Json = Dict[str, Any]


@dataclass(frozen=True)
class Document:
    """One input document. ``published`` is ``YYYY-MM-DD`` when known."""

    id: str
    text: str
    title: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    start_byte: int
    end_byte: int


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int
    start_byte: int
    end_byte: int


@dataclass(frozen=True)
class Entity:
    canonical: str
    kind: str
    text: str
    start: int
    end: int
    start_byte: int
    end_byte: int
    role: Optional[str]
    affiliation: Optional[str]


@dataclass(frozen=True)
class Speaker:
    kind: str
    name: Optional[str]
    role: Optional[str]
    affiliation: Optional[str]
    verb: Optional[str]
    span: Optional[Span]


@dataclass(frozen=True)
class Stance:
    actor: str
    kind: str
    targets: List[str]
    against: List[str]
    cue: Cue


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: Optional[str]
    counted: Optional[str]
    qualifier: Optional[str]
    text: str
    start: int
    end: int
    start_byte: int
    end_byte: int


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    start_byte: int
    end_byte: int
    value: Optional[str]
    relative: bool


@dataclass(frozen=True)
class Claim:
    """One checkable assertion inside a sentence of document ``doc``."""

    id: str
    doc: str
    text: str
    start: int
    end: int
    start_byte: int
    end_byte: int
    sentence: int
    headline: bool
    speaker: Speaker
    quote: Optional[Span]
    entities: List[Entity]
    subject: Optional[str]
    predicate: Optional[str]
    polarity: str
    modality: str
    intensifiers: List[Cue]
    stances: List[Stance]
    quantities: List[Quantity]
    dates: List[DateMention]
    evaluative: List[Cue]
    check_worthiness: float


@dataclass(frozen=True)
class Verdict:
    label: str
    entail: float
    neutral: float
    contradict: float
    reasons: List[str]


@dataclass(frozen=True)
class AlignFeatures:
    term_overlap: float
    text_similarity: float
    entity_overlap: float
    number_overlap: float
    shared_terms: List[str]
    shared_entities: List[str]
    shared_numbers: List[str]


@dataclass(frozen=True)
class Alignment:
    """Claims ``a`` and ``b`` (ids) from different documents, judged to be about the same fact."""

    a: str
    b: str
    score: float
    features: AlignFeatures
    verdict: Verdict


@dataclass(frozen=True)
class Cluster:
    id: str
    claims: List[str]
    docs: List[str]
    alignments: List[Alignment]


@dataclass(frozen=True)
class Evidence:
    doc: str
    text: str
    start: int
    end: int
    start_byte: int
    end_byte: int
    note: str
    claim: Optional[str]


@dataclass(frozen=True)
class Finding:
    id: str
    kind: str
    severity: str
    explanation: str
    claims: List[str]
    docs: List[str]
    evidence: List[Evidence]
    reasons: List[str]


@dataclass(frozen=True)
class SourceStats:
    doc: str
    claims: int
    corroborated: int
    contradicted: int
    unsupported: int
    repeated: int
    removed_bytes: int
    corroborated_share: float
    unsupported_share: float
    consistency: float


@dataclass(frozen=True)
class Agreement:
    """``matrix[i][j]``: agreement of ``docs[i]`` with ``docs[j]``; ``None`` when they share no claim."""

    docs: List[str]
    matrix: List[List[Optional[float]]]


@dataclass(frozen=True)
class RemovedSpan:
    text: str
    start: int
    end: int
    start_byte: int
    end_byte: int
    reason: str
    repeats: Optional[Span]


@dataclass(frozen=True)
class DocumentReport:
    """A document as it went into the report, with what cleaning set aside."""

    id: str
    title: Optional[str]
    source: Optional[str]
    published: Optional[str]
    url: Optional[str]
    text: str
    removed: List[RemovedSpan]
    sentences: int


class Offsets:
    """Byte offsets of one text to character offsets."""

    def __init__(self, text: str) -> None:
        self._starts: Optional[List[int]] = None
        if not text.isascii():
            sizes = (1 if c < "\x80" else 2 if c < "\u0800" else 3 if c < "\U00010000" else 4 for c in text)
            self._starts = list(accumulate(sizes, initial=0))

    def char(self, byte: int) -> int:
        return byte if self._starts is None else bisect_left(self._starts, byte)

    def span(self, d: Json) -> Json:
        """``start``/``end``/``start_byte``/``end_byte`` for a JSON object with byte offsets."""
        b0, b1 = d["start_byte"], d["end_byte"]
        return {"start": self.char(b0), "end": self.char(b1), "start_byte": b0, "end_byte": b1}


def _span(d: Optional[Json], o: Offsets) -> Optional[Span]:
    return None if d is None else Span(**o.span(d))


def _cue(d: Json, o: Offsets) -> Cue:
    return Cue(text=d["text"], **o.span(d))


def claim_from_json(d: Json, o: Offsets) -> Claim:
    s = d["speaker"]
    return Claim(
        id=d["id"],
        doc=d["doc"],
        text=d["text"],
        **o.span(d),
        sentence=d["sentence"],
        headline=d["headline"],
        speaker=Speaker(s["kind"], s["name"], s["role"], s["affiliation"], s["verb"], _span(s["span"], o)),
        quote=_span(d["quote"], o),
        entities=[
            Entity(e["canonical"], e["kind"], e["text"], **o.span(e), role=e["role"], affiliation=e["affiliation"])
            for e in d["entities"]
        ],
        subject=d["subject"],
        predicate=d["predicate"],
        polarity=d["polarity"],
        modality=d["modality"],
        intensifiers=[_cue(c, o) for c in d["intensifiers"]],
        stances=[Stance(s["actor"], s["kind"], s["targets"], s["against"], _cue(s["cue"], o)) for s in d["stances"]],
        quantities=[
            Quantity(q["value"], q["unit"], q["counted"], q["qualifier"], q["text"], **o.span(q))
            for q in d["quantities"]
        ],
        dates=[DateMention(t["text"], **o.span(t), value=t["value"], relative=t["relative"]) for t in d["dates"]],
        evaluative=[_cue(c, o) for c in d["evaluative"]],
        check_worthiness=d["check_worthiness"],
    )


def evidence_from_json(d: Json, o: Offsets) -> Evidence:
    return Evidence(doc=d["doc"], text=d["text"], **o.span(d), note=d["note"], claim=d["claim"])


def _alignment(d: Json) -> Alignment:
    return Alignment(d["a"], d["b"], d["score"], AlignFeatures(**d["features"]), Verdict(**d["verdict"]))


class Report:
    """What factdiff found in a set of documents.

    ``findings``, ``claims``, ``clusters``, ``sources``, ``documents`` and ``agreement`` are typed
    objects; ``to_json()``/``Report.from_json()`` round-trip the stable JSON layout
    (docs/report.schema.json); ``to_pandas()``/``to_polars()`` give tidy tables. Reports pickle
    (through their JSON), so they travel to worker processes.
    """

    def __init__(self, data: Json) -> None:
        self._data = data

    @classmethod
    def from_json(cls, text: str) -> Report:
        return cls(json.loads(text))

    def to_json(self, indent: Optional[int] = None) -> str:
        return json.dumps(self._data, indent=indent, ensure_ascii=False)

    def __getstate__(self) -> Json:
        return {"json": self.to_json()}

    def __setstate__(self, state: Json) -> None:
        self.__dict__.clear()
        self._data = json.loads(state["json"])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Report) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    @property
    def schema_version(self) -> str:
        return str(self._data["schema_version"])

    @property
    def consistency(self) -> float:
        """Overall consistency in 0..1: 1 when no claim is contradicted."""
        return float(self._data["consistency"])

    @property
    def warnings(self) -> List[str]:
        return list(self._data["warnings"])

    @cached_property
    def _offsets(self) -> Dict[str, Offsets]:
        return {d["id"]: Offsets(d["text"]) for d in self._data["documents"]}

    @cached_property
    def documents(self) -> List[DocumentReport]:
        out = []
        for d in self._data["documents"]:
            o = self._offsets[d["id"]]
            removed = [
                RemovedSpan(r["text"], **o.span(r), reason=r["reason"], repeats=_span(r["repeats"], o))
                for r in d["removed"]
            ]
            out.append(
                DocumentReport(
                    d["id"], d["title"], d["source"], d["published"], d["url"], d["text"], removed, d["sentences"]
                )
            )
        return out

    @cached_property
    def claims(self) -> List[Claim]:
        return [claim_from_json(c, self._offsets[c["doc"]]) for c in self._data["claims"]]

    @cached_property
    def clusters(self) -> List[Cluster]:
        return [
            Cluster(c["id"], c["claims"], c["docs"], [_alignment(a) for a in c["alignments"]])
            for c in self._data["clusters"]
        ]

    @cached_property
    def findings(self) -> List[Finding]:
        return [
            Finding(
                f["id"],
                f["kind"],
                f["severity"],
                f["explanation"],
                f["claims"],
                f["docs"],
                [evidence_from_json(e, self._offsets[e["doc"]]) for e in f["evidence"]],
                f["reasons"],
            )
            for f in self._data["findings"]
        ]

    @cached_property
    def sources(self) -> List[SourceStats]:
        return [SourceStats(**s) for s in self._data["sources"]]

    @cached_property
    def agreement(self) -> Agreement:
        return Agreement(**self._data["agreement"])

    def document(self, id: str) -> Optional[DocumentReport]:
        return next((d for d in self.documents if d.id == id), None)

    def claim(self, id: str) -> Optional[Claim]:
        return next((c for c in self.claims if c.id == id), None)

    def counts(self) -> Dict[str, int]:
        """Number of findings per kind, in report order."""
        out: Dict[str, int] = {}
        for f in self._data["findings"]:
            out[f["kind"]] = out.get(f["kind"], 0) + 1
        return out

    def __repr__(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in self.counts().items())
        d = self._data
        return (
            f"<factdiff.Report: {len(d['documents'])} documents, {len(d['claims'])} claims, "
            f"{len(d['findings'])} findings{f' ({kinds})' if kinds else ''}, "
            f"consistency {self.consistency:.0%}>"
        )

    def _repr_html_(self) -> str:
        from ._html import report_html

        return report_html(self)

    def to_pandas(self) -> Dict[str, Any]:
        """Tidy pandas DataFrames: findings, claims, evidence, sources, agreement."""
        from ._tables import to_pandas

        return to_pandas(self)

    def to_polars(self) -> Dict[str, Any]:
        """Tidy polars DataFrames: findings, claims, evidence, sources, agreement."""
        from ._tables import to_polars

        return to_polars(self)


@dataclass(frozen=True)
class Check:
    """The result of ``check_claim``: ``verdict`` is "supported", "contradicted" or "not_covered".

    ``evidence`` are the spans in the sources behind the verdict; ``report`` is the full comparison
    of the claim (document id ``claim_doc``) with the sources.
    """

    claim: str
    verdict: str
    evidence: List[Evidence]
    report: Report
    claim_doc: str
