"""Typed Python objects over the report JSON that the Rust core produces.

Each class mirrors one object of the JSON report (docs/report.schema.json in the repository; a
test keeps them in step): the same field names, label fields as ``Literal`` types, lists as
tuples, so every object is immutable and hashable. Spanned objects add character offsets: ``start``
and ``end`` (``document.text[x.start:x.end] == x.text``) beside the JSON's ``start_byte`` and
``end_byte``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Dict, Literal, Mapping, Optional, Tuple

from ._display import card, esc, marked, shorten, source_html, source_text
from ._offsets import Json, Offsets
from .errors import InputError

#: What a finding is about.
FindingKind = Literal["contradiction", "numeric_conflict", "date_conflict", "overstatement", "unsupported", "repetition"]
#: How much a finding matters.
Severity = Literal["low", "medium", "high"]
#: Whether a claim asserts or negates.
Polarity = Literal["asserted", "negated"]
#: How a claim is put.
Modality = Literal["fact", "hedged", "prediction", "conditional", "call_to_action"]
#: Who asserts a claim.
SpeakerKind = Literal["author", "person", "organisation", "anonymous"]
#: What an entity is.
EntityKind = Literal["country", "organisation", "person", "place"]
#: An actor's position toward targets.
StanceKind = Literal["support", "oppose", "both_sides", "concern"]
#: The judge's verdict on an aligned pair.
VerdictLabel = Literal["entail", "neutral", "contradict"]
#: Where a document stands on a cluster.
PositionLabel = Literal["corroborates", "reports", "disputes"]
#: Why cleaning (or loading, for an HTML page's furniture) set a span aside.
RemovalReason = Literal[
    "photo_credit",
    "ad_marker",
    "site_furniture",
    "link_list",
    "repeated_paragraph",
    "dateline",
    "byline",
    "heading",
    "short_sentence",
    "navigation",
    "page_header",
    "page_footer",
    "aside",
    "form",
    "graphic",
    "outside_article",
]
#: Where a claim stands once the sources are compared (one status per claim, worst first).
ClaimStatus = Literal["contradicted", "unsupported", "repeated", "corroborated", "only_here"]
#: The overall verdict of ``check_claim``, derived from the sources' verdicts.
CheckVerdict = Literal["supported", "contradicted", "disputed", "mentioned", "not_covered"]
#: One source's verdict on a claim checked with ``check_claim``.
SourceVerdict = Literal["supports", "contradicts", "mentions", "silent"]

#: Finding kinds, most important first (the order of ``Report.findings`` within a severity).
FINDING_KINDS: Tuple[FindingKind, ...] = (
    "contradiction",
    "numeric_conflict",
    "date_conflict",
    "overstatement",
    "unsupported",
    "repetition",
)
#: Severities, most important first.
SEVERITIES: Tuple[Severity, ...] = ("high", "medium", "low")


def _optional_str(owner: str, name: str, value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{owner} {name} must be a str or None, not {type(value).__name__} ({value!r:.60})")


@dataclass(frozen=True)
class SetAside:
    """A part of a document's text known not to be article text when it was loaded (an HTML
    page's navigation, header, footer, asides, forms; text outside its ``<article>``), as byte
    offsets into the text, with its reason. The report lists it among the removed spans."""

    start_byte: int
    end_byte: int
    reason: RemovalReason


@dataclass(frozen=True)
class Document:
    """One input document: an ``id`` (unique within a comparison) and its ``text``.

    ``title`` (used as the document's label in reports), ``source`` (the publication),
    ``published`` (``YYYY-MM-DD``: resolves "on Monday", "yesterday") and ``url`` are optional;
    ``set_aside`` is filled by ``load`` for HTML and Markdown files. Every field is checked when
    the document is made: a wrong type raises ``TypeError``, an empty id ``InputError``.
    """

    id: str
    text: str
    title: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    set_aside: Tuple[SetAside, ...] = ()

    def __post_init__(self) -> None:
        for name in ("id", "text"):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise TypeError(f"Document {name} must be a str, not {type(value).__name__} ({value!r:.60})")
        for name in ("title", "source", "published", "url"):
            _optional_str("Document", name, getattr(self, name))
        if not isinstance(self.set_aside, tuple) or not all(isinstance(a, SetAside) for a in self.set_aside):
            raise TypeError(f"Document set_aside must be a tuple of SetAside, not {self.set_aside!r:.60}")
        if not self.id.strip():
            raise InputError("Document id must not be empty")

    @staticmethod
    def _from_json(d: Json) -> Document:
        aside = tuple(SetAside(**a) for a in d.get("set_aside", ()))
        return Document(**{**d, "set_aside": aside})

    def __repr__(self) -> str:
        title = f" {shorten(self.title, 60)!r}" if self.title else ""
        return f"Document({self.id!r},{title} {len(self.text):,} characters)"


@dataclass(frozen=True)
class Span:
    """A span of a document: characters ``start:end``, bytes ``start_byte:end_byte``."""

    start: int
    end: int
    start_byte: int
    end_byte: int


@dataclass(frozen=True)
class Cue:
    """A word or phrase that carries meaning for a detector (an intensifier, an evaluative word)."""

    text: str
    start: int
    end: int
    start_byte: int
    end_byte: int


@dataclass(frozen=True)
class Entity:
    """A named entity in a claim: ``canonical`` is its resolved name ("Japan" for "Tokyo")."""

    canonical: str
    kind: EntityKind
    text: str
    start: int
    end: int
    start_byte: int
    end_byte: int
    role: Optional[str]
    affiliation: Optional[str]


@dataclass(frozen=True)
class Speaker:
    """Who asserts a claim: the article itself (``kind="author"``), a person, an organisation or
    unnamed sources; with the reporting ``verb`` and where the attribution is."""

    kind: SpeakerKind
    name: Optional[str]
    role: Optional[str]
    affiliation: Optional[str]
    verb: Optional[str]
    span: Optional[Span]

    def label(self) -> str:
        """A short description: "Ines Barro (Foreign Minister, Lorvania)", "the article's own voice"."""
        if self.kind == "author":
            return "the article's own voice"
        if self.name:
            extra = ", ".join(x for x in (self.role, self.affiliation) if x)
            return f"{self.name} ({extra})" if extra else self.name
        return "unnamed sources" if self.kind == "anonymous" else "an unnamed speaker"


@dataclass(frozen=True)
class Stance:
    """An actor's position (``kind``) toward ``targets``, possibly ``against`` others."""

    actor: str
    kind: StanceKind
    targets: Tuple[str, ...]
    against: Tuple[str, ...]
    cue: Cue


@dataclass(frozen=True)
class Quantity:
    """A number in a claim, with its unit, what it counts and a bound ("at least")."""

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
    """A date in a claim; ``value`` is ISO (``YYYY-MM-DD``, ``YYYY-MM``, …) when known, and
    ``relative`` says it was computed from "on Monday" and the published date."""

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


@dataclass(frozen=True, repr=False)
class Claim:
    """One checkable assertion (a sentence) of document ``doc``, with who says it and how."""

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
    entities: Tuple[Entity, ...]
    subject: Optional[str]
    predicate: Optional[str]
    polarity: Polarity
    modality: Modality
    intensifiers: Tuple[Cue, ...]
    stances: Tuple[Stance, ...]
    quantities: Tuple[Quantity, ...]
    dates: Tuple[DateMention, ...]
    evaluative: Tuple[Cue, ...]
    check_worthiness: float
    #: Where the claim stands in the comparison, computed by the Rust core: "contradicted",
    #: "unsupported", "repeated", "corroborated" or "only_here" (one per claim, worst first).
    status: ClaimStatus = "only_here"
    #: The refutation the claim makes ("denied the report"), with the content it governs.
    refutation: Optional[Refutation] = None

    #: Document id → label, set on the claims of a report (for display only).
    _labels: ClassVar[Mapping[str, str]] = {}

    def __repr__(self) -> str:
        how = self.modality if self.polarity == "asserted" else f"{self.modality}, negated"
        return f"<Claim {self.id} {shorten(self.text, 70)!r} ({how})>"

    def _cues(self) -> Tuple[Tuple[int, int, str], ...]:
        """Character ranges inside the claim's text worth marking, with what they are."""
        parts = (
            [(q.start, q.end, "number") for q in self.quantities]
            + [(d.start, d.end, f"date {d.value or ''}".strip()) for d in self.dates]
            + [(c.start, c.end, "intensifier") for c in self.intensifiers]
            + [(c.start, c.end, "evaluative word") for c in self.evaluative]
        )
        return tuple((s - self.start, e - self.start, what) for s, e, what in parts)

    def _repr_html_(self) -> str:
        speaker = self.speaker.label()
        facts = [self.modality, self.polarity, f"check-worthiness {self.check_worthiness:.2f}"]
        return card(
            "",
            [
                f'<p><span class="doc">{source_html(self.doc, self._labels.get(self.doc))}</span>'
                f'<span class="id">{esc(self.id)}</span></p>',
                f"<blockquote><mark>{marked(self.text, self._cues(), html_out=True)}</mark></blockquote>",
                f'<p class="note">{esc(speaker)} · {esc(" · ".join(facts))}</p>',
            ],
        )


@dataclass(frozen=True)
class Verdict:
    """The judge's verdict on an aligned pair: ``label`` and the three scores, with reasons."""

    label: VerdictLabel
    entail: float
    neutral: float
    contradict: float
    reasons: Tuple[str, ...]


@dataclass(frozen=True)
class AlignFeatures:
    """The named features behind an alignment score (overlaps in 0..1 and what is shared)."""

    term_overlap: float
    text_similarity: float
    entity_overlap: float
    number_overlap: float
    shared_terms: Tuple[str, ...]
    shared_entities: Tuple[str, ...]
    shared_numbers: Tuple[str, ...]


@dataclass(frozen=True)
class Alignment:
    """Claims ``a`` and ``b`` (ids) from different documents, judged to be about the same fact."""

    a: str
    b: str
    score: float
    features: AlignFeatures
    verdict: Verdict
    reasons: Tuple[str, ...] = ()
    """What moved the aligner's score most, e.g. ``"shared rare terms +1.92"``."""


@dataclass(frozen=True)
class Position:
    """Where document ``doc`` stands on a cluster: ``label`` is ``"corroborates"``, ``"reports"``
    (mentions it hedged, attributed or questioned) or ``"disputes"``; ``score`` is its probability."""

    doc: str
    label: PositionLabel
    score: float
    corroborates: float
    reports: float
    disputes: float
    reasons: Tuple[str, ...]


@dataclass(frozen=True)
class PairTally:
    """The judge's verdicts on every aligned pair between document ``doc``'s claims in a cluster
    and the other documents' claims there, counted (what its position is computed from)."""

    doc: str
    pairs: int
    entail: int
    contradict: int
    best_score: float
    max_entail: float
    mean_entail: float
    max_contradict: float
    mean_contradict: float


@dataclass(frozen=True, repr=False)
class Cluster:
    """Claims (ids) from several documents about the same fact, with the alignments that join them
    (a spanning set: each claim's strongest alignment is among them, one fewer than the claims),
    every pair counted per document (``tallies``) and where each document stands on it."""

    id: str
    claims: Tuple[str, ...]
    docs: Tuple[str, ...]
    alignments: Tuple[Alignment, ...]
    positions: Tuple[Position, ...] = ()
    tallies: Tuple[PairTally, ...] = ()

    def __repr__(self) -> str:
        return f"<Cluster {self.id}: {len(self.claims)} claims from {len(self.docs)} documents>"


@dataclass(frozen=True)
class EvidenceCue:
    """A cue inside a piece of evidence (a stance word, an intensifier, a number) and what it shows."""

    start: int
    end: int
    start_byte: int
    end_byte: int
    text: str
    note: str


@dataclass(frozen=True, repr=False)
class Evidence:
    """A span of document ``doc`` behind a finding (usually a sentence), what it shows (``note``),
    the claim it is (``claim``, when it is one) and the cues inside it."""

    doc: str
    start: int
    end: int
    start_byte: int
    end_byte: int
    text: str
    note: str
    claim: Optional[str]
    cues: Tuple[EvidenceCue, ...] = ()

    def __repr__(self) -> str:
        return f"<Evidence {self.doc}[{self.start}:{self.end}] {shorten(self.text, 60)!r}>"

    def _marks(self) -> Tuple[Tuple[int, int, str], ...]:
        return tuple((c.start - self.start, c.end - self.start, c.note) for c in self.cues)

    def _html(self, label: Optional[str]) -> str:
        parts = [
            f'<blockquote><span class="doc">{source_html(self.doc, label)}</span> '
            f"<mark>{marked(self.text, self._marks(), html_out=True)}</mark>"
        ]
        if self.note.strip():
            parts.append(f'<br><span class="note">— {esc(self.note)}</span>')
        if self.cues:
            cues = "; ".join(f"<b>{esc(c.text)}</b> {esc(c.note)}" for c in self.cues)
            parts.append(f'<br><span class="note">cues: {cues}</span>')
        return "".join(parts) + "</blockquote>"

    def _text(self, label: Optional[str]) -> str:
        lines = [f"  {source_text(self.doc, label)}:", f'    "{" ".join(marked(self.text, self._marks(), html_out=False).split())}"']
        if self.note.strip():
            lines.append(f"    — {self.note}")
        lines.extend(f"    [{c.text}]: {c.note}" for c in self.cues)
        return "\n".join(lines)



@dataclass(frozen=True, repr=False)
class SourceCheck:
    """What source ``doc`` says about a checked claim: ``verdict`` ("supports", "contradicts",
    "mentions" without a position, "silent"), the ``value`` it gives when the claim is in a
    conflict ("3 March 2026"), and its sentences behind the verdict, each with a note."""

    doc: str
    verdict: SourceVerdict
    value: Optional[str]
    evidence: Tuple[Evidence, ...]

    def __repr__(self) -> str:
        value = "" if self.value is None else f" {shorten(self.value, 40)!r}"
        return f"<SourceCheck {self.doc} {self.verdict}{value} ({len(self.evidence)} evidence)>"

@dataclass(frozen=True)
class SourceValue:
    """What source ``doc`` says about a finding's fact; sources in one ``group`` say the same."""

    doc: str
    value: str
    group: int
    claims: Tuple[str, ...]


@dataclass(frozen=True, repr=False)
class Finding:
    """Something worth a reader's attention: a contradiction, a numeric or date conflict, an
    overstatement, an unsupported claim or a repetition; with the claims and documents involved,
    the evidence (each sentence once, its cues marked) and the named reasons behind it."""

    id: str
    kind: FindingKind
    severity: Severity
    explanation: str
    claims: Tuple[str, ...]
    docs: Tuple[str, ...]
    evidence: Tuple[Evidence, ...]
    reasons: Tuple[str, ...]
    #: What a conflict or overstatement is about ("people (Valdoria)"); ``None`` for findings
    #: about one source.
    fact: Optional[str] = None
    #: Every source on the fact with its value or stance, one entry per (source, value).
    sources: Tuple[SourceValue, ...] = ()

    #: Document id → label, set on the findings of a report (for display only).
    _labels: ClassVar[Mapping[str, str]] = {}

    def opposes(self, a: str, b: str) -> bool:
        """True when documents ``a`` and ``b`` are both among the sources and say different things
        (for a conflict without sources, when they are its two documents)."""
        if not self.sources:
            return a != b and a in self.docs and b in self.docs
        ga = {s.group for s in self.sources if s.doc == a}
        gb = {s.group for s in self.sources if s.doc == b}
        return any(x != y for x in ga for y in gb)

    def __repr__(self) -> str:
        return f"<Finding {self.id} {self.kind} {self.severity}: {shorten(self.explanation, 90)}>"

    def explain(self) -> str:
        """The finding in plain text: what it is, each piece of evidence with its cues in
        ``[brackets]`` and where it comes from, and the reasons."""
        lines = [f"{self.kind} ({self.severity}, {self.id})", self.explanation, "", "Evidence:"]
        lines.extend(e._text(self._labels.get(e.doc)) for e in self.evidence)
        if self.reasons:
            lines += ["", "Reasons:"] + [f"  - {r}" for r in self.reasons]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = (
            f'<p><span class="sev sev-{esc(self.severity)}">{esc(self.severity)}</span>'
            f'<span class="kind">{esc(self.kind)}</span><span class="id">{esc(self.id)}</span> '
            f"{esc(self.explanation)}</p>"
        )
        parts = [head] + [e._html(self._labels.get(e.doc)) for e in self.evidence]
        if self.reasons:
            parts.append(f'<p class="note">Reasons: {esc("; ".join(self.reasons))}</p>')
        return card(self.severity, parts)


@dataclass(frozen=True)
class SourceStats:
    """Per-document statistics: claims, how many are corroborated, contradicted, unsupported or
    repeated, bytes removed as boilerplate, and the document's consistency (0..1)."""

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

    docs: Tuple[str, ...]
    matrix: Tuple[Tuple[Optional[float], ...], ...]


@dataclass(frozen=True)
class RemovedSpan:
    """A span that cleaning kept out of the analysis, with why (``repeats``: the span it repeats)."""

    text: str
    start: int
    end: int
    start_byte: int
    end_byte: int
    reason: RemovalReason
    repeats: Optional[Span]


@dataclass(frozen=True, repr=False)
class DocumentReport:
    """A document as it went into the report: its metadata, its ``label`` (the short readable name
    reports use for it: title, headline or first words), its text and what cleaning set aside."""

    id: str
    label: str
    title: Optional[str]
    source: Optional[str]
    published: Optional[str]
    url: Optional[str]
    text: str
    removed: Tuple[RemovedSpan, ...]
    sentences: int

    def __repr__(self) -> str:
        return f"<DocumentReport {self.id} {shorten(self.label, 60)!r}: {len(self.text):,} characters, {self.sentences} sentences>"

    def _repr_html_(self) -> str:
        meta = [m for m in (self.source, self.published, self.url) if m]
        meta += [f"{len(self.text):,} characters", f"{self.sentences} sentences"]
        if self.removed:
            meta.append(f"{len(self.removed)} spans removed as boilerplate")
        return card(
            "",
            [
                f'<p><span class="doc">{source_html(self.id, self.label)}</span></p>',
                f'<p class="note">{esc(" · ".join(meta))}</p>',
                f"<blockquote>{esc(shorten(self.text, 400))}</blockquote>",
            ],
        )


# ---- building the objects from the report JSON ----------------------------------------------


def _span(d: Optional[Json], o: Offsets) -> Optional[Span]:
    return None if d is None else Span(**o.span(d))


def _cue(d: Json, o: Offsets) -> Cue:
    return Cue(text=d["text"], **o.span(d))


def _refutation(d: Optional[Json], o: Offsets) -> Optional[Refutation]:
    if d is None:
        return None
    return Refutation(cue=_cue(d["cue"], o), target=_span(d["target"], o), negated=d["negated"])


def claim_from_json(d: Json, o: Offsets) -> Claim:
    """A ``Claim`` from its JSON object; ``o`` converts its document's byte offsets."""
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
        entities=tuple(
            Entity(e["canonical"], e["kind"], e["text"], **o.span(e), role=e["role"], affiliation=e["affiliation"])
            for e in d["entities"]
        ),
        subject=d["subject"],
        predicate=d["predicate"],
        polarity=d["polarity"],
        modality=d["modality"],
        intensifiers=tuple(_cue(c, o) for c in d["intensifiers"]),
        stances=tuple(
            Stance(s["actor"], s["kind"], tuple(s["targets"]), tuple(s["against"]), _cue(s["cue"], o))
            for s in d["stances"]
        ),
        quantities=tuple(
            Quantity(q["value"], q["unit"], q["counted"], q["qualifier"], q["text"], **o.span(q))
            for q in d["quantities"]
        ),
        dates=tuple(DateMention(t["text"], **o.span(t), value=t["value"], relative=t["relative"]) for t in d["dates"]),
        evaluative=tuple(_cue(c, o) for c in d["evaluative"]),
        check_worthiness=d["check_worthiness"],
        status=d.get("status", "only_here"),
        refutation=_refutation(d.get("refutation"), o),
    )


def source_check_from_json(d: Json, o: Offsets) -> SourceCheck:
    """A ``SourceCheck`` from its JSON object (``o``: the offsets of its document)."""
    evidence = tuple(evidence_from_json(e, o) for e in d["evidence"])
    return SourceCheck(doc=d["doc"], verdict=d["verdict"], value=d["value"], evidence=evidence)


def evidence_from_json(d: Json, o: Offsets) -> Evidence:
    """An ``Evidence`` from its JSON object."""
    cues = tuple(EvidenceCue(**o.span(c), text=c["text"], note=c["note"]) for c in d.get("cues", ()))
    return Evidence(doc=d["doc"], **o.span(d), text=d["text"], note=d["note"], claim=d["claim"], cues=cues)


def finding_from_json(d: Json, offsets: Mapping[str, Offsets]) -> Finding:
    """A ``Finding`` from its JSON object; ``offsets`` per document id."""
    return Finding(
        d["id"],
        d["kind"],
        d["severity"],
        d["explanation"],
        tuple(d["claims"]),
        tuple(d["docs"]),
        tuple(evidence_from_json(e, offsets[e["doc"]]) for e in d["evidence"]),
        tuple(d["reasons"]),
        d.get("fact"),
        tuple(
            SourceValue(v["doc"], v["value"], v["group"], tuple(v["claims"])) for v in d.get("sources", ())
        ),
    )


def cluster_from_json(c: Json) -> Cluster:
    """A ``Cluster`` from its JSON object."""
    return Cluster(
        c["id"],
        tuple(c["claims"]),
        tuple(c["docs"]),
        tuple(_alignment(a) for a in c["alignments"]),
        tuple(
            Position(p["doc"], p["label"], p["score"], p["corroborates"], p["reports"], p["disputes"], tuple(p["reasons"]))
            for p in c.get("positions", ())
        ),
        tuple(
            PairTally(
                t["doc"],
                t["pairs"],
                t["entail"],
                t["contradict"],
                t["best_score"],
                t["max_entail"],
                t["mean_entail"],
                t["max_contradict"],
                t["mean_contradict"],
            )
            for t in c.get("tallies", ())
        ),
    )


def _alignment(a: Json) -> Alignment:
    f, v = a["features"], a["verdict"]
    features = AlignFeatures(
        f["term_overlap"],
        f["text_similarity"],
        f["entity_overlap"],
        f["number_overlap"],
        tuple(f["shared_terms"]),
        tuple(f["shared_entities"]),
        tuple(f["shared_numbers"]),
    )
    verdict = Verdict(v["label"], v["entail"], v["neutral"], v["contradict"], tuple(v["reasons"]))
    return Alignment(a["a"], a["b"], a["score"], features, verdict, tuple(a.get("reasons", ())))


def document_from_json(d: Json, o: Offsets) -> DocumentReport:
    """A ``DocumentReport`` from its JSON object (reports written before labels: the id)."""
    removed = tuple(
        RemovedSpan(r["text"], **o.span(r), reason=r["reason"], repeats=_span(r["repeats"], o)) for r in d["removed"]
    )
    return DocumentReport(
        d["id"], d.get("label") or d["id"], d["title"], d["source"], d["published"], d["url"], d["text"], removed, d["sentences"]
    )


def with_labels(obj: Any, labels: Mapping[str, str]) -> Any:
    """``obj`` (a Finding or Claim) told the labels of its report's documents, for display."""
    object.__setattr__(obj, "_labels", labels)
    return obj


def counts(kinds: Any) -> Dict[str, int]:
    """Number of items per kind, in first-seen order."""
    out: Dict[str, int] = {}
    for k in kinds:
        out[k] = out.get(k, 0) + 1
    return out

