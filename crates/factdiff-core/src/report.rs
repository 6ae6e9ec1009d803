//! The report model: everything factdiff found, as plain serde data.
//!
//! Every span is a byte range into the `text` of the document it names, so any
//! claim, quote or piece of evidence can be sliced back out of its source.
//! This module holds data only; the stages that fill it live elsewhere.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Version of the JSON layout; bumped when a field changes meaning.
pub const SCHEMA_VERSION: &str = "1";

/// A half-open byte range `start_byte..end_byte` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// First byte of the range.
    pub start_byte: usize,
    /// One past the last byte of the range.
    pub end_byte: usize,
}

impl Span {
    /// The span `start_byte..end_byte`.
    pub fn new(start_byte: usize, end_byte: usize) -> Self {
        Span { start_byte, end_byte }
    }
    /// Its length in bytes (0 when `end_byte` is before `start_byte`).
    pub fn len(&self) -> usize {
        self.end_byte.saturating_sub(self.start_byte)
    }
    /// True when it covers no byte.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The text this span covers, or "" when it does not fit `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start_byte..self.end_byte).unwrap_or("")
    }
    /// True when `other` lies inside this span (the ends included).
    pub fn contains(&self, other: Span) -> bool {
        self.start_byte <= other.start_byte && other.end_byte <= self.end_byte
    }
}

/// The whole result of comparing several documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// The version of this layout ([`SCHEMA_VERSION`]).
    pub schema_version: String,
    /// The input documents, in input order.
    pub documents: Vec<DocumentReport>,
    /// Every claim of every document, in document order.
    pub claims: Vec<Claim>,
    /// Claims of different documents about the same fact, grouped.
    pub clusters: Vec<Cluster>,
    /// What the comparison found: conflicts, overstatements, unsupported claims, repetitions.
    pub findings: Vec<Finding>,
    /// Per-document statistics, one entry per document in input order.
    pub sources: Vec<SourceStats>,
    /// How often each pair of sources agrees on the claims they share.
    pub agreement: Agreement,
    /// Overall consistency in 0..=1: the share of the facts stated by two or more sources that no
    /// source disputes (a conflict finding between two of them, or a `disputes` position); 1 when
    /// no shared fact is disputed, at most 0.99 when one is (docs/detectors.md, "Consistency").
    pub consistency: f64,
    /// Things the user should know that are not findings (e.g. an empty document).
    pub warnings: Vec<String>,
}

impl Report {
    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&DocumentReport> {
        self.documents.iter().find(|d| d.id == id)
    }
    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| &*c.id == id)
    }
    /// Number of findings of one kind.
    pub fn count(&self, kind: FindingKind) -> usize {
        self.findings.iter().filter(|f| f.kind == kind).count()
    }
}

/// One input document as it went in, with what cleaning removed from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentReport {
    /// The document's id, unique within the report.
    pub id: String,
    /// A short readable name for the document, for wherever a source is named (tables, matrix
    /// columns, evidence): its title, else its headline (the first line when it has no final
    /// punctuation), else its first words; suffixed with ` (id)` when two documents would share it.
    #[serde(default)]
    pub label: String,
    /// Its title, when the input gives one.
    pub title: Option<String>,
    /// The outlet or publisher, when known.
    pub source: Option<String>,
    /// Publication date, `YYYY-MM-DD`, when known.
    pub published: Option<String>,
    /// Where the document came from, when known.
    pub url: Option<String>,
    /// The full text; every span of this document indexes into it.
    pub text: String,
    /// Spans left out of analysis, each with its reason. Nothing is dropped silently.
    pub removed: Vec<RemovedSpan>,
    /// Number of sentences kept for analysis.
    pub sentences: usize,
}

impl DocumentReport {
    /// The label, or the id when the report has no label (JSON written before labels existed).
    pub fn name(&self) -> &str {
        if self.label.is_empty() {
            &self.id
        } else {
            &self.label
        }
    }
}

/// A piece of text that cleaning kept out of the analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RemovedSpan {
    /// Where the removed text is.
    #[serde(flatten)]
    pub span: Span,
    /// The removed text itself.
    pub text: String,
    /// Why it was removed.
    pub reason: RemovalReason,
    /// For repeats: the earlier span this one repeats.
    pub repeats: Option<Span>,
}

/// Why cleaning kept a piece of text out of the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// A photo credit ("Photo: Reuters", "Getty Images").
    PhotoCredit,
    /// An advertisement marker ("Advertisement", "Sponsored content").
    AdMarker,
    /// Site furniture ("Share this article", "Skip to content", "Subscribe").
    SiteFurniture,
    /// A "You may also like" / "Read more" heading and the links after it.
    LinkList,
    /// A paragraph that repeats an earlier one word for word (see `repeats`).
    RepeatedParagraph,
    /// A place name opening a paragraph ("NEW DELHI:"), not part of its first sentence.
    Dateline,
    /// "By Ana Silva, Reuters".
    Byline,
    /// A heading too short to be a claim.
    Heading,
    /// A sentence of fewer than four words.
    ShortSentence,
    /// An HTML page's `<nav>`.
    Navigation,
    /// An HTML page's `<header>`.
    PageHeader,
    /// An HTML page's `<footer>`.
    PageFooter,
    /// An HTML page's `<aside>`.
    Aside,
    /// An HTML form and its controls (`<form>`, `<button>`, `<select>`, `<textarea>`).
    Form,
    /// Text inside an HTML graphic (`<svg>`, `<math>`).
    Graphic,
    /// Text of an HTML page outside its `<article>` (or `<main>`).
    OutsideArticle,
}

impl RemovalReason {
    /// Every reason, in the order reports list them.
    pub const ALL: [RemovalReason; 16] = [
        RemovalReason::PhotoCredit,
        RemovalReason::AdMarker,
        RemovalReason::SiteFurniture,
        RemovalReason::LinkList,
        RemovalReason::RepeatedParagraph,
        RemovalReason::Dateline,
        RemovalReason::Byline,
        RemovalReason::Heading,
        RemovalReason::ShortSentence,
        RemovalReason::Navigation,
        RemovalReason::PageHeader,
        RemovalReason::PageFooter,
        RemovalReason::Aside,
        RemovalReason::Form,
        RemovalReason::Graphic,
        RemovalReason::OutsideArticle,
    ];
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::PhotoCredit => "photo_credit",
            RemovalReason::AdMarker => "ad_marker",
            RemovalReason::SiteFurniture => "site_furniture",
            RemovalReason::LinkList => "link_list",
            RemovalReason::RepeatedParagraph => "repeated_paragraph",
            RemovalReason::Dateline => "dateline",
            RemovalReason::Byline => "byline",
            RemovalReason::Heading => "heading",
            RemovalReason::ShortSentence => "short_sentence",
            RemovalReason::Navigation => "navigation",
            RemovalReason::PageHeader => "page_header",
            RemovalReason::PageFooter => "page_footer",
            RemovalReason::Aside => "aside",
            RemovalReason::Form => "form",
            RemovalReason::Graphic => "graphic",
            RemovalReason::OutsideArticle => "outside_article",
        }
    }
    /// How the reason reads in a rendered report.
    pub fn describe(self) -> &'static str {
        match self {
            RemovalReason::PhotoCredit => "photo credit",
            RemovalReason::AdMarker => "advertisement marker",
            RemovalReason::SiteFurniture => "site furniture",
            RemovalReason::LinkList => "link list",
            RemovalReason::RepeatedParagraph => "repeated paragraph",
            RemovalReason::Dateline => "dateline",
            RemovalReason::Byline => "byline",
            RemovalReason::Heading => "heading (too short to be a claim)",
            RemovalReason::ShortSentence => "short sentence (fewer than four words)",
            RemovalReason::Navigation => "page navigation",
            RemovalReason::PageHeader => "page header",
            RemovalReason::PageFooter => "page footer",
            RemovalReason::Aside => "aside",
            RemovalReason::Form => "form or button",
            RemovalReason::Graphic => "graphic (svg, math)",
            RemovalReason::OutsideArticle => "outside the article",
        }
    }
}

/// One checkable assertion inside a sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Claim {
    /// `<document id>#<sentence number>`, stable for the same input.
    // Shared strings: the alignments of a claim hold its id, and every claim of a document
    // holds that document's id, without a copy each.
    pub id: Arc<str>,
    /// The id of the document the claim is in.
    pub doc: Arc<str>,
    /// Where the claim is in its document.
    #[serde(flatten)]
    pub span: Span,
    /// The claim's text (the sentence).
    pub text: String,
    /// Sentence index within the document (0-based, over kept sentences).
    pub sentence: usize,
    /// A line without final punctuation (a headline or title).
    pub headline: bool,
    /// Who asserts it: the article's own voice or someone it quotes or paraphrases.
    pub speaker: Speaker,
    /// The directly quoted part of the sentence, if any.
    pub quote: Option<Span>,
    /// The countries, organisations, people and places it names.
    // The lists are boxed slices: sized exactly once the claim is made (a list grown by pushing
    // keeps room for at least four items), and 8 bytes smaller each than a `Vec`.
    pub entities: Box<[EntityMention]>,
    /// Canonical entity that the sentence is mainly about (first entity outside the attribution).
    pub subject: Option<Box<str>>,
    /// Main predicate (lemma-ish stem of the first content verb after the subject).
    pub predicate: Option<Box<str>>,
    /// Whether the sentence asserts or negates its predicate.
    pub polarity: Polarity,
    /// Whether it states a fact, hedges, predicts, sets a condition or calls for action.
    pub modality: Modality,
    /// Certainty and degree words ("unequivocally", "firmly") that an overstatement can rest on.
    pub intensifiers: Box<[Cue]>,
    /// Positions of actors toward targets that the sentence states ("Japan backed India").
    pub stances: Box<[Stance]>,
    /// The numbers in the sentence, with what they count.
    pub quantities: Box<[Quantity]>,
    /// The dates and times in the sentence.
    pub dates: Box<[DateMention]>,
    /// Judgement words ("significant", "crucial"): opinion, when the article's own voice uses them.
    pub evaluative: Box<[Cue]>,
    /// A cue that denies or debunks something in the sentence, with the content it governs.
    // Boxed: few claims have one, and the box keeps the rest 64 bytes smaller.
    #[serde(default)]
    pub refutation: Option<Box<Refutation>>,
    /// 0..=1: how much this sentence asserts something a fact-checker would verify.
    pub check_worthiness: f64,
    /// Where the claim stands in the comparison (one status per claim, worst first); a claim
    /// extracted on its own is `only_here`.
    #[serde(default)]
    pub status: ClaimStatus,
}

/// Where a claim stands once the sources are compared: the first that holds of contradicted
/// (in a contradiction, numeric or date conflict), unsupported, repeated (inside its own
/// document), corroborated (aligned with a claim of another source without a contradict
/// verdict), else only here. The source statistics count claims by this status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// In a contradiction, numeric or date conflict with another source.
    Contradicted,
    /// In an unsupported finding (a check-worthy claim no other source corroborates).
    Unsupported,
    /// Repeats another claim of its own document.
    Repeated,
    /// Another source states the same fact, and no conflict involves it.
    Corroborated,
    /// Only its own document states it.
    #[default]
    OnlyHere,
}

impl ClaimStatus {
    /// Every status, worst first.
    pub const ALL: [ClaimStatus; 5] = [
        ClaimStatus::Contradicted,
        ClaimStatus::Unsupported,
        ClaimStatus::Repeated,
        ClaimStatus::Corroborated,
        ClaimStatus::OnlyHere,
    ];
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Contradicted => "contradicted",
            ClaimStatus::Unsupported => "unsupported",
            ClaimStatus::Repeated => "repeated",
            ClaimStatus::Corroborated => "corroborated",
            ClaimStatus::OnlyHere => "only_here",
        }
    }
}

/// A refutation inside a claim: "denied reports that …", "… is a hoax", "no evidence that …".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Refutation {
    /// The refuting words ("denied", "a hoax", "not conclude").
    pub cue: Cue,
    /// The content the cue disputes: the reported or quoted claim, not the sentence that reports
    /// it. `None` when the cue only refers back ("denied the report", "it is a hoax").
    pub target: Option<Span>,
    /// The cue is itself negated ("did not deny", "is not a hoax"): the content is affirmed.
    pub negated: bool,
}

/// Who asserts a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Speaker {
    /// Whether the speaker is the author, a person, an organisation or anonymous.
    pub kind: SpeakerKind,
    /// The speaker as written ("Maria Zakharova", "sources", "the Indian government").
    pub name: Option<String>,
    /// The speaker's role as written ("Foreign Minister"), when given.
    pub role: Option<String>,
    /// Canonical affiliation (country or organisation) when known.
    pub affiliation: Option<String>,
    /// The reporting verb ("said", "stated", "believe").
    pub verb: Option<String>,
    /// Where the speaker is named in the sentence, when it is.
    pub span: Option<Span>,
}

impl Speaker {
    /// The article's own voice: the speaker of a claim that attributes it to nobody.
    pub fn author() -> Self {
        Speaker {
            kind: SpeakerKind::Author,
            name: None,
            role: None,
            affiliation: None,
            verb: None,
            span: None,
        }
    }
    /// A short human label: "Iwaya Takeshi (Foreign Minister, Japan)".
    pub fn label(&self) -> String {
        match (&self.kind, &self.name) {
            (SpeakerKind::Author, _) => "the article's own voice".to_string(),
            (_, Some(name)) => {
                let extra: Vec<&str> = [self.role.as_deref(), self.affiliation.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                if extra.is_empty() {
                    name.clone()
                } else {
                    format!("{name} ({})", extra.join(", "))
                }
            }
            (SpeakerKind::Anonymous, None) => "unnamed sources".to_string(),
            _ => "an unnamed speaker".to_string(),
        }
    }
}

/// What kind of speaker asserts a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// The article asserts it in its own voice.
    Author,
    /// A named person.
    Person,
    /// An organisation or government as a whole.
    Organisation,
    /// "sources said", "analysts believe", "an official said".
    Anonymous,
}

impl SpeakerKind {
    /// Every value, in declaration order.
    pub const ALL: [SpeakerKind; 4] = [
        SpeakerKind::Author,
        SpeakerKind::Person,
        SpeakerKind::Organisation,
        SpeakerKind::Anonymous,
    ];
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Author => "author",
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Anonymous => "anonymous",
        }
    }
}

/// A named entity in a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EntityMention {
    /// Canonical name: "Japan" for "Tokyo", "Japanese", "Japan's".
    pub canonical: String,
    /// Whether it is a country, an organisation, a person or a place.
    pub kind: EntityKind,
    /// The entity as written.
    pub text: String,
    /// Where it is written.
    #[serde(flatten)]
    pub span: Span,
    /// For people: the role given in the text ("Foreign Minister").
    pub role: Option<String>,
    /// For people: the country or organisation the role belongs to.
    pub affiliation: Option<String>,
}

/// The kind of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A country (or its people or capital standing for it).
    Country,
    /// A company, agency, party, government body or other organisation.
    Organisation,
    /// A person.
    Person,
    /// A city, region or other place that is not a country.
    Place,
}

impl EntityKind {
    /// Every value, in declaration order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Country,
        EntityKind::Organisation,
        EntityKind::Person,
        EntityKind::Place,
    ];
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Country => "country",
            EntityKind::Organisation => "organisation",
            EntityKind::Person => "person",
            EntityKind::Place => "place",
        }
    }
}

/// Whether a claim asserts or denies its predicate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// The claim asserts its predicate.
    Asserted,
    /// The claim denies its predicate ("did not", "never").
    Negated,
}

impl Polarity {
    /// Every value, in declaration order.
    pub const ALL: [Polarity; 2] = [Polarity::Asserted, Polarity::Negated];
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Asserted => "asserted",
            Polarity::Negated => "negated",
        }
    }
}

/// How firmly a claim states what it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as a fact.
    Fact,
    /// Hedged ("may", "reportedly", "believed to").
    Hedged,
    /// A prediction about the future ("will", "is expected to").
    Prediction,
    /// Conditional ("if", "unless").
    Conditional,
    /// A call on someone to act ("urged", "calls for", "must").
    CallToAction,
}

impl Modality {
    /// Every value, in declaration order.
    pub const ALL: [Modality; 5] = [
        Modality::Fact,
        Modality::Hedged,
        Modality::Prediction,
        Modality::Conditional,
        Modality::CallToAction,
    ];
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Fact => "fact",
            Modality::Hedged => "hedged",
            Modality::Prediction => "prediction",
            Modality::Conditional => "conditional",
            Modality::CallToAction => "call_to_action",
        }
    }
}

/// A word or phrase that carries meaning for a detector, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Cue {
    /// The cue as written.
    pub text: String,
    /// Where it is written.
    #[serde(flatten)]
    pub span: Span,
}

/// An actor's position toward one or more targets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Stance {
    /// Canonical actor ("Japan").
    pub actor: String,
    /// Support, opposition, both-sides or concern.
    pub kind: StanceKind,
    /// Canonical targets ("India"; for both-sides: "India", "Pakistan").
    pub targets: Vec<String>,
    /// Against whom the support is given, when the sentence says so.
    pub against: Vec<String>,
    /// The words that express the stance.
    pub cue: Cue,
}

/// The kind of a stance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StanceKind {
    /// The actor backs the targets.
    Support,
    /// The actor opposes or condemns the targets.
    Oppose,
    /// Calls on both sides (dialogue, restraint) without taking one.
    BothSides,
    /// The actor voices concern about the targets.
    Concern,
}

impl StanceKind {
    /// Every value, in declaration order.
    pub const ALL: [StanceKind; 4] = [
        StanceKind::Support,
        StanceKind::Oppose,
        StanceKind::BothSides,
        StanceKind::Concern,
    ];
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            StanceKind::Support => "support",
            StanceKind::Oppose => "oppose",
            StanceKind::BothSides => "both_sides",
            StanceKind::Concern => "concern",
        }
    }
}

/// A number in a claim, with its unit and what it counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quantity {
    /// The number's value ("2,400" is 2400, "about 2 million" is 2000000).
    pub value: f64,
    /// Unit when one is written ("km", "%", "million").
    pub unit: Option<String>,
    /// What is counted ("sites", "lives"), as a stem.
    pub counted: Option<String>,
    /// Written as a bound: "at least", "more than", "about".
    pub qualifier: Option<String>,
    /// The quantity as written.
    pub text: String,
    /// Where it is written.
    #[serde(flatten)]
    pub span: Span,
}

/// A date or time expression in a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    /// The expression as written.
    pub text: String,
    /// Where it is written.
    #[serde(flatten)]
    pub span: Span,
    /// When known: an ISO date (`YYYY-MM-DD`, `--MM-DD` without year), a month (`YYYY-MM`,
    /// `--MM` without year), a year (`YYYY`) or a decade (`YYYYs`).
    pub value: Option<String>,
    /// True when computed from a relative expression and the published date.
    pub relative: bool,
}

/// Claims from different sources about the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Cluster {
    /// The cluster's id, unique within the report (`k0`, `k1`, ...).
    pub id: String,
    /// The ids of its claims.
    pub claims: Vec<String>,
    /// The ids of the documents its claims come from.
    pub docs: Vec<String>,
    /// The alignments that join the cluster, each with its verdict: a spanning set of its aligned
    /// pairs (the strongest first: each claim's strongest alignment is among them), one fewer than
    /// its claims, so a cluster stated by many sources lists its claims, not every pair of them.
    /// All its pairs are counted in `tallies`; [`crate::CompareOptions::all_alignments`] keeps
    /// every pair here.
    pub alignments: Vec<Alignment>,
    /// For each document of `docs` (in that order): what the judge said on every aligned pair
    /// joining one of its claims here to another document's claim, counted.
    #[serde(default)]
    pub tallies: Vec<PairTally>,
    /// Where each document with claims in this cluster stands on it (one entry per such document).
    #[serde(default)]
    pub positions: Vec<Position>,
}

/// The judge's verdicts on every aligned pair between one document's claims in a cluster and the
/// other documents' claims there, counted (what its position is computed from).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PairTally {
    /// The document's id.
    pub doc: String,
    /// Number of those pairs.
    pub pairs: usize,
    /// Pairs the judge labelled entail.
    pub entail: usize,
    /// Pairs the judge labelled contradict.
    pub contradict: usize,
    /// The highest alignment score among them.
    pub best_score: f64,
    /// The highest entail probability among them.
    pub max_entail: f64,
    /// The mean entail probability (0 without pairs).
    pub mean_entail: f64,
    /// The highest contradict probability among them.
    pub max_contradict: f64,
    /// The mean contradict probability (0 without pairs).
    pub mean_contradict: f64,
}

/// One document's position on a cluster: whether, taken as a whole, it corroborates what the
/// other documents in the cluster say, disputes it, or only reports it (mentions it hedged,
/// attributed or questioned, without taking a side).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Position {
    /// The document's id.
    pub doc: String,
    /// Its position: corroborates, reports or disputes.
    pub label: PositionLabel,
    /// Probability of `label` (0..=1).
    pub score: f64,
    /// Probability that the document corroborates the cluster (0..=1).
    pub corroborates: f64,
    /// Probability that it only reports it (0..=1).
    pub reports: f64,
    /// Probability that it disputes it (0..=1).
    pub disputes: f64,
    /// The named features that pushed most towards `label`, strongest first.
    pub reasons: Vec<String>,
}

/// A document's position on a cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PositionLabel {
    /// The document states the fact as the other sources do.
    Corroborates,
    /// The document mentions it without taking a side (hedged, attributed or questioned).
    Reports,
    /// The document denies or contradicts it.
    Disputes,
}

impl PositionLabel {
    /// In the order of the position model's classes.
    pub const ALL: [PositionLabel; 3] = [
        PositionLabel::Corroborates,
        PositionLabel::Reports,
        PositionLabel::Disputes,
    ];
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            PositionLabel::Corroborates => "corroborates",
            PositionLabel::Reports => "reports",
            PositionLabel::Disputes => "disputes",
        }
    }
}

/// Two claims from different documents judged to be about the same fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Alignment {
    /// The id of the first claim of the pair.
    // The two claims' ids: shared strings, one per claim of the story, however many pairs it
    // is in (a big story has tens of thousands of alignments).
    pub a: Arc<str>,
    /// The id of the second claim of the pair (from another document).
    pub b: Arc<str>,
    /// The aligner's probability that the two claims state the same fact (aligned at or above
    /// `Config::align_threshold`).
    pub score: f64,
    /// The named features the score was computed from.
    pub features: AlignFeatures,
    /// The kinds of evidence that moved the score most, with their push on the model's logit
    /// (e.g. `"shared rare terms +1.92"`).
    #[serde(default)]
    pub reasons: Vec<String>,
    /// What the judge says about the pair.
    pub verdict: Verdict,
}

/// The named features behind an alignment score.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AlignFeatures {
    /// IDF-weighted overlap of content stems (0..=1).
    pub term_overlap: f64,
    /// Character-bigram similarity of the sentences (strsim Sørensen–Dice).
    pub text_similarity: f64,
    /// Share of canonical entities in common (0..=1).
    pub entity_overlap: f64,
    /// Share of numbers in common (0..=1).
    pub number_overlap: f64,
    /// The content stems the two claims share.
    // Shared strings (one per distinct key of the story): a big story has tens of thousands of
    // aligned pairs, and a string per name and pair was the largest part of its report.
    pub shared_terms: Vec<Arc<str>>,
    /// The canonical entities the two claims share.
    pub shared_entities: Vec<Arc<str>>,
    /// The numbers the two claims share.
    pub shared_numbers: Vec<Arc<str>>,
}

/// What the judge says about an aligned pair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Verdict {
    /// The most probable label.
    pub label: VerdictLabel,
    /// Probability that the two claims state the same fact, one following from the other (0..=1).
    pub entail: f64,
    /// Probability that neither follows from nor contradicts the other (0..=1).
    pub neutral: f64,
    /// Probability that the two cannot both be true (0..=1).
    pub contradict: f64,
    /// The named features that pushed most towards `label`, strongest first.
    pub reasons: Vec<String>,
}

/// The judge's label for an aligned pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VerdictLabel {
    /// One claim follows from the other.
    Entail,
    /// Neither follows from the other nor contradicts it.
    Neutral,
    /// The two claims cannot both be true.
    Contradict,
}

impl VerdictLabel {
    /// Every value, in the order of the judge model's classes.
    pub const ALL: [VerdictLabel; 3] = [VerdictLabel::Entail, VerdictLabel::Neutral, VerdictLabel::Contradict];
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictLabel::Entail => "entail",
            VerdictLabel::Neutral => "neutral",
            VerdictLabel::Contradict => "contradict",
        }
    }
}

/// One finding. Conflicts (contradiction, numeric and date conflicts) and overstatements are
/// written once per fact: `fact` names it and `sources` lists every source with what it says,
/// sources that say the same thing in one group ("people evacuated: 2,400 (A, C), 1,200 (B)"), so
/// the findings grow with the facts, not with the pairs of sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// The finding's id, unique within the report (`f0`, `f1`, ...).
    pub id: String,
    /// What kind of finding it is.
    pub kind: FindingKind,
    /// How much it matters.
    pub severity: Severity,
    /// One line a person can read.
    pub explanation: String,
    /// The ids of the claims involved.
    pub claims: Vec<String>,
    /// The ids of the documents involved.
    pub docs: Vec<String>,
    /// The spans of the sources that show it, each with a note.
    pub evidence: Vec<Evidence>,
    /// Named reasons behind the finding (e.g. "no attribution", "intensifier 'unequivocally'").
    pub reasons: Vec<String>,
    /// The fact the sources disagree on ("people evacuated (Valdoria)", "stance of Lorvania");
    /// `None` for findings about one source (unsupported, repetition).
    #[serde(default)]
    pub fact: Option<String>,
    /// Every source on the fact with its value or stance, one entry per (source, value); empty
    /// for findings about one source.
    #[serde(default)]
    pub sources: Vec<SourceValue>,
}

impl Finding {
    /// True when documents `a` and `b` are both among the sources and say different things
    /// (their values are in different groups); for a conflict without sources (the same quote
    /// given to two people), when they are its two documents.
    pub fn opposes(&self, a: &str, b: &str) -> bool {
        if self.sources.is_empty() {
            return a != b && self.docs.iter().any(|d| d == a) && self.docs.iter().any(|d| d == b);
        }
        let of = |d: &str| -> Vec<usize> { self.sources.iter().filter(|s| s.doc == d).map(|s| s.group).collect() };
        let (ga, gb) = (of(a), of(b));
        ga.iter().any(|x| gb.iter().any(|y| y != x))
    }
}

/// What one source says about the fact of a finding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SourceValue {
    /// The id of the source.
    pub doc: String,
    /// Its value or stance as written ("2,400", "3 March", "says not", "calls on both Valdoria
    /// and Kessaria").
    pub value: String,
    /// Sources with the same group say the same thing; different groups disagree. Groups are
    /// numbered from 0 in the order of `sources`.
    pub group: usize,
    /// The claims of this source that say it.
    pub claims: Vec<String>,
}

/// What a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Two sources make claims that cannot both be true (the judge's verdict, opposite stances, one
    /// quote given to two people).
    Contradiction,
    /// Two sources give different numbers for the same thing.
    NumericConflict,
    /// Two sources give different dates for the same event.
    DateConflict,
    /// A source states with certainty or intensity what another source hedges or says without the intensifier.
    Overstatement,
    /// A check-worthy claim that no other source corroborates, with the reasons to be careful.
    Unsupported,
    /// A document repeats its own content (a repeated paragraph, near-identical sentences).
    Repetition,
}

impl FindingKind {
    /// Every kind, in the order findings are listed.
    pub const ALL: [FindingKind; 6] = [
        FindingKind::Contradiction,
        FindingKind::NumericConflict,
        FindingKind::DateConflict,
        FindingKind::Overstatement,
        FindingKind::Unsupported,
        FindingKind::Repetition,
    ];
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Contradiction => "contradiction",
            FindingKind::NumericConflict => "numeric_conflict",
            FindingKind::DateConflict => "date_conflict",
            FindingKind::Overstatement => "overstatement",
            FindingKind::Unsupported => "unsupported",
            FindingKind::Repetition => "repetition",
        }
    }
    /// Whether the kind says two sources conflict (a contradiction, numeric or date conflict):
    /// the kinds that make a claim contradicted and lower consistency.
    pub fn is_conflict(self) -> bool {
        matches!(
            self,
            FindingKind::Contradiction | FindingKind::NumericConflict | FindingKind::DateConflict
        )
    }
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The least serious.
    Low,
    /// Between low and high.
    Medium,
    /// The most serious: sources clearly clash on a fact.
    High,
}

impl Severity {
    /// Every value, lowest first.
    pub const ALL: [Severity; 3] = [Severity::Low, Severity::Medium, Severity::High];
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

/// A span of one document shown as evidence for a finding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    /// The id of the document the span is in.
    pub doc: String,
    /// Where the span is in that document.
    #[serde(flatten)]
    pub span: Span,
    /// The text of the span.
    pub text: String,
    /// What this span shows ("Japan backs India", "quote by Iwaya Takeshi").
    pub note: String,
    /// The id of the claim the span is, when it is one.
    pub claim: Option<String>,
    /// Words inside this span that the finding rests on (a stance verb, an intensifier, a
    /// number), each with what it shows: the sentence is given once, its cues marked inside it.
    #[serde(default)]
    pub cues: Vec<EvidenceCue>,
}

/// A cue inside an evidence span: a word or phrase with what it shows ("stance cue", "number").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceCue {
    /// Where the cue is in the evidence's document.
    #[serde(flatten)]
    pub span: Span,
    /// The cue as written.
    pub text: String,
    /// What the cue shows ("stance cue", "number").
    pub note: String,
}

/// What [`crate::check_claim`] found for one claim.
///
/// Serialises as `{"claim", "verdict", "sources"}` (the output of `factdiff check --format
/// json`); the full comparison and the claim's document id travel beside it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    /// The claim as given.
    pub claim: String,
    /// The overall verdict, derived from the sources' verdicts.
    pub verdict: CheckVerdict,
    /// Every source, in input order, with its own verdict, value and evidence.
    pub sources: Vec<SourceCheck>,
    /// The id the claim's own document has in `report`.
    #[serde(skip)]
    pub claim_doc: String,
    /// The comparison of the claim (as document `claim_doc`) with the sources.
    #[serde(skip)]
    pub report: Report,
}

impl Check {
    /// The evidence of every source, source by source.
    pub fn evidence(&self) -> impl Iterator<Item = &Evidence> {
        self.sources.iter().flat_map(|s| &s.evidence)
    }
}

/// What one source says about a checked claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceCheck {
    /// The source's document id.
    pub doc: String,
    /// Supports, contradicts, mentions (without a position) or silent.
    pub verdict: SourceVerdict,
    /// The value the source gives on a conflicting fact ("3 March 2026", "1,200"), if the claim is
    /// in a conflict.
    pub value: Option<String>,
    /// The source's sentences behind its verdict, each with a note (its side and value).
    pub evidence: Vec<Evidence>,
}

/// One source's verdict on a checked claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceVerdict {
    /// It states the claim, or is on the claim's side of a conflict.
    Supports,
    /// It is on another side of a contradiction, numeric or date conflict with the claim.
    Contradicts,
    /// It speaks of the claim without a position: hedged, predicted, conditional, refuted without a
    /// conflict.
    Mentions,
    /// It says nothing about the claim.
    Silent,
}

impl SourceVerdict {
    /// Every verdict.
    pub const ALL: [SourceVerdict; 4] = [
        SourceVerdict::Supports,
        SourceVerdict::Contradicts,
        SourceVerdict::Mentions,
        SourceVerdict::Silent,
    ];
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceVerdict::Supports => "supports",
            SourceVerdict::Contradicts => "contradicts",
            SourceVerdict::Mentions => "mentions",
            SourceVerdict::Silent => "silent",
        }
    }
}

/// The overall verdict on a checked claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CheckVerdict {
    /// Some sources support it and none contradicts it.
    Supported,
    /// Some sources contradict it and none supports it.
    Contradicted,
    /// The sources split: some support it, some contradict it.
    Disputed,
    /// Sources mention it, none takes a position.
    Mentioned,
    /// No source says anything about it.
    NotCovered,
}

impl CheckVerdict {
    /// Every verdict.
    pub const ALL: [CheckVerdict; 5] = [
        CheckVerdict::Supported,
        CheckVerdict::Contradicted,
        CheckVerdict::Disputed,
        CheckVerdict::Mentioned,
        CheckVerdict::NotCovered,
    ];
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckVerdict::Supported => "supported",
            CheckVerdict::Contradicted => "contradicted",
            CheckVerdict::Disputed => "disputed",
            CheckVerdict::Mentioned => "mentioned",
            CheckVerdict::NotCovered => "not_covered",
        }
    }
}

/// Per-document statistics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SourceStats {
    /// The document's id.
    pub doc: String,
    /// Number of claims extracted from it.
    pub claims: usize,
    /// Claims whose [`ClaimStatus`] is corroborated (another source corroborates them, and they
    /// are in no conflict, unsupported or repetition finding).
    pub corroborated: usize,
    /// Claims involved in a contradiction, numeric or date conflict.
    pub contradicted: usize,
    /// Claims whose status is unsupported.
    pub unsupported: usize,
    /// Claims whose status is repeated.
    pub repeated: usize,
    /// Total bytes that cleaning removed from it.
    pub removed_bytes: usize,
    /// `corroborated / claims` (0 when it has no claim).
    pub corroborated_share: f64,
    /// `unsupported / claims` (0 when it has no claim).
    pub unsupported_share: f64,
    /// The overall consistency over the shared facts this document states.
    pub consistency: f64,
}

/// Source × source agreement: for each pair, corroborated / (corroborated + conflicting)
/// over their aligned claims; `None` when they share no claim.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Agreement {
    /// The document ids, in the order of the matrix's rows and columns.
    pub docs: Vec<String>,
    /// `matrix[i][j]`: the agreement of `docs[i]` with `docs[j]` (0..=1); `None` when they share no claim.
    pub matrix: Vec<Vec<Option<f64>>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `as_str` is the JSON name, for every value of every label enum.
    #[test]
    fn label_names_are_the_json_names() {
        fn check<T: Serialize + Copy>(all: &[T], name: fn(T) -> &'static str) {
            for &v in all {
                assert_eq!(serde_json::to_value(v).ok(), Some(serde_json::Value::from(name(v))));
            }
        }
        check(&SpeakerKind::ALL, SpeakerKind::as_str);
        check(&EntityKind::ALL, EntityKind::as_str);
        check(&Polarity::ALL, Polarity::as_str);
        check(&Modality::ALL, Modality::as_str);
        check(&StanceKind::ALL, StanceKind::as_str);
        check(&RemovalReason::ALL, RemovalReason::as_str);
        check(&PositionLabel::ALL, PositionLabel::as_str);
        check(&VerdictLabel::ALL, VerdictLabel::as_str);
        check(&FindingKind::ALL, FindingKind::as_str);
        check(&Severity::ALL, Severity::as_str);
        check(&ClaimStatus::ALL, ClaimStatus::as_str);
        check(&CheckVerdict::ALL, CheckVerdict::as_str);
        check(&SourceVerdict::ALL, SourceVerdict::as_str);
        let conflicts: Vec<&str> = FindingKind::ALL
            .into_iter()
            .filter(|k| k.is_conflict())
            .map(FindingKind::as_str)
            .collect();
        assert_eq!(conflicts, ["contradiction", "numeric_conflict", "date_conflict"]);
    }
}
