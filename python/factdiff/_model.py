"""Typed Python objects over the report JSON that the Rust core produces.

The JSON (``Report.to_json()``) keeps byte offsets, as the Rust core does. The objects here add
character offsets: every spanned object has ``start``/``end`` (characters, so
``document.text[x.start:x.end]`` works) beside ``start_byte``/``end_byte``.

A report from ``compare`` keeps each top-level section of the JSON (documents, claims, clusters,
findings, …) as the text the Rust core wrote, parses a section on first access, and builds the
typed objects of ``report.claims``, ``report.findings``, and so on, on first access too. Reading
the findings and the summary never parses the claims and clusters, the bulk of a report.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Any, Dict, List, Optional, Tuple

Json = Dict[str, Any]


@dataclass(frozen=True)
class SetAside:
    """A part of a document's text known not to be article text when it was loaded (an HTML
    page's navigation, header, footer, asides, forms; text outside its ``<article>``), as byte
    offsets into the text, with its reason. The report lists it among the removed spans."""

    start_byte: int
    end_byte: int
    reason: str


@dataclass(frozen=True)
class Document:
    """One input document. ``published`` is ``YYYY-MM-DD`` when known; ``set_aside`` is filled by
    ``load`` for HTML and Markdown files."""

    id: str
    text: str
    title: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    set_aside: Tuple[SetAside, ...] = ()

    @staticmethod
    def _from_json(d: Json) -> "Document":
        aside = tuple(SetAside(**a) for a in d.get("set_aside", ()))
        return Document(**{**d, "set_aside": aside})


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
class Refutation:
    """A cue that denies or debunks something ("denied", "a hoax") and the content it governs
    (``target``: the reported or quoted claim; ``None`` when the cue only refers back). ``negated``:
    the cue is itself negated ("is not a hoax"), so the content is affirmed."""

    cue: Cue
    target: Optional[Span]
    negated: bool


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
    refutation: Optional[Refutation]
    check_worthiness: float
    #: Where the claim stands in the comparison, computed by the Rust core: "contradicted",
    #: "unsupported", "repeated", "corroborated" or "only_here" (one per claim, worst first).
    status: str = "only_here"


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
class Position:
    """Where document ``doc`` stands on a cluster: ``label`` is ``"corroborates"``, ``"reports"``
    (mentions it hedged, attributed or questioned) or ``"disputes"``; ``score`` is its probability."""

    doc: str
    label: str
    score: float
    corroborates: float
    reports: float
    disputes: float
    reasons: List[str]


@dataclass(frozen=True)
class Cluster:
    id: str
    claims: List[str]
    docs: List[str]
    alignments: List[Alignment]
    positions: List[Position] = field(default_factory=list)


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
class SourceValue:
    """What source ``doc`` says about a finding's fact; sources in one ``group`` say the same."""

    doc: str
    value: str
    group: int
    claims: List[str]


@dataclass(frozen=True)
class Finding:
    """One finding; conflicts and overstatements name their ``fact`` and list every source with
    its value in ``sources``."""

    id: str
    kind: str
    severity: str
    explanation: str
    claims: List[str]
    docs: List[str]
    evidence: List[Evidence]
    reasons: List[str]
    fact: Optional[str]
    sources: List[SourceValue]

    def opposes(self, a: str, b: str) -> bool:
        """True when documents ``a`` and ``b`` are both among the sources and say different things."""
        ga = {s.group for s in self.sources if s.doc == a}
        gb = {s.group for s in self.sources if s.doc == b}
        return any(x != y for x in ga for y in gb)


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


#: One non-ASCII character (``Offsets``).
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


def _span(d: Optional[Json], o: Offsets) -> Optional[Span]:
    return None if d is None else Span(**o.span(d))


def _cue(d: Json, o: Offsets) -> Cue:
    return Cue(text=d["text"], **o.span(d))


def _refutation(d: Optional[Json], o: Offsets) -> Optional[Refutation]:
    if d is None:
        return None
    return Refutation(cue=_cue(d["cue"], o), target=_span(d["target"], o), negated=d["negated"])


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
        refutation=_refutation(d.get("refutation"), o),
        check_worthiness=d["check_worthiness"],
        status=d.get("status", "only_here"),
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

    A report from ``compare`` holds the JSON of each top-level section (``documents``, ``claims``,
    ``findings``, …) as the Rust core wrote it, and parses a section the first time it is read.
    """

    def __init__(self, data: Json) -> None:
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
        return cls(json.loads(text))

    def to_json(self, indent: Optional[int] = None) -> str:
        return json.dumps(self._data, indent=indent, ensure_ascii=False)

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

    @property
    def schema_version(self) -> str:
        return str(self._section("schema_version"))

    @property
    def consistency(self) -> float:
        """Overall consistency in 0..1: 1 when no claim is contradicted."""
        return float(self._section("consistency"))

    @property
    def warnings(self) -> List[str]:
        return list(self._section("warnings"))

    @cached_property
    def _offsets(self) -> Dict[str, Offsets]:
        return {d["id"]: Offsets(d["text"]) for d in self._section("documents")}

    @cached_property
    def documents(self) -> List[DocumentReport]:
        out = []
        for d in self._section("documents"):
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
        return [claim_from_json(c, self._offsets[c["doc"]]) for c in self._section("claims")]

    @cached_property
    def clusters(self) -> List[Cluster]:
        return [
            Cluster(
                c["id"],
                c["claims"],
                c["docs"],
                [_alignment(a) for a in c["alignments"]],
                [Position(**p) for p in c.get("positions", [])],
            )
            for c in self._section("clusters")
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
                f.get("fact"),
                [SourceValue(**v) for v in f.get("sources", [])],
            )
            for f in self._section("findings")
        ]

    @cached_property
    def sources(self) -> List[SourceStats]:
        return [SourceStats(**s) for s in self._section("sources")]

    @cached_property
    def agreement(self) -> Agreement:
        return Agreement(**self._section("agreement"))

    def document(self, id: str) -> Optional[DocumentReport]:
        return next((d for d in self.documents if d.id == id), None)

    def claim(self, id: str) -> Optional[Claim]:
        return next((c for c in self.claims if c.id == id), None)

    def counts(self) -> Dict[str, int]:
        """Number of findings per kind, in report order."""
        out: Dict[str, int] = {}
        for f in self._section("findings"):
            out[f["kind"]] = out.get(f["kind"], 0) + 1
        return out

    def __repr__(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in self.counts().items())
        return (
            f"<factdiff.Report: {self._len('documents')} documents, {self._len('claims')} claims, "
            f"{self._len('findings')} findings{f' ({kinds})' if kinds else ''}, "
            f"consistency {self.consistency:.0%}>"
        )

    def _repr_html_(self) -> str:
        from ._html import report_html

        return report_html(self)

    def to_html(self, *, fragment: bool = False) -> str:
        """The HTML report (as ``factdiff report --format html``): a whole self-contained page, or
        with ``fragment=True`` a ``<div>`` with scoped CSS to embed in another page."""
        from ._html import report_html

        return report_html(self, fragment=fragment)

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
