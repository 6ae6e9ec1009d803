//! What the report says about one (claim document, source document) pair, read only from the
//! public [`Report`]: alignments touching the claim document's claims, their features and verdicts,
//! and conflict findings (and whether a claim's text refutes something).

use factdiff_core::training::refutes;
use factdiff_core::{
    compare, CompareOptions, Config, Document, FindingKind, Modality, PositionLabel, Report, SpeakerKind, VerdictLabel,
};

/// Document id of the claim side (headline, hypothesis, claim).
pub const CLAIM: &str = "claim";
/// Document id of the source side (body, premise, evidence).
pub const SOURCE: &str = "source";

/// Signals of one pair, all read from the report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Signals {
    /// Claims the engine extracted from the claim document.
    pub claim_claims: usize,
    /// Claims extracted from the source document.
    pub source_claims: usize,
    /// Alignments between a claim-document claim and a source claim.
    pub aligned: usize,
    pub best_score: f64,
    pub best_overlap: f64,
    pub best_entity: f64,
    /// Most shared terms + entities in one alignment.
    pub best_shared: usize,
    pub max_entail: f64,
    pub max_contradict: f64,
    pub entail: usize,
    pub neutral: usize,
    pub contradict: usize,
    /// A contradiction / numeric / date conflict finding involves a claim-document claim.
    pub conflict: bool,
    /// A verdict on an aligned pair names a refutation word.
    pub refutation: bool,
    /// Aligned source claims that are hedged or attributed to someone else.
    pub source_hedged: usize,
    /// Aligned source claims in the source's own voice, stated as fact.
    pub source_asserted: usize,
    /// The claim document's own claim is hedged or attributed.
    pub claim_hedged: bool,
    /// A source claim is a question.
    pub source_question: bool,
    /// Some source claim (aligned or not) is hedged or attributed.
    pub source_any_hedged: bool,
    /// Source claims (aligned or not) that are hedged or attributed.
    pub source_hedged_all: usize,
    /// Source claims carrying one of the engine's refutation cues (its `refuters` lexicon).
    pub source_refuting: usize,
    /// Aligned source claims carrying a refutation cue.
    pub aligned_refuting: usize,
    /// The source's position on the claim's cluster ([`claim_cluster`]), when there is one.
    pub position: Option<PositionLabel>,
}

/// The cluster holding the strongest alignment between a claim-document claim and a source
/// claim (for a one-sentence headline, the only cluster it is in).
pub fn claim_cluster(report: &Report) -> Option<usize> {
    let doc_of = |id: &str| report.claim(id).map(|c| &*c.doc);
    let mut best: Option<(usize, f64)> = None;
    for (k, cluster) in report.clusters.iter().enumerate() {
        for al in &cluster.alignments {
            let across = matches!(
                (doc_of(&al.a), doc_of(&al.b)),
                (Some(CLAIM), Some(SOURCE)) | (Some(SOURCE), Some(CLAIM))
            );
            if across && best.is_none_or(|(_, s)| al.score > s) {
                best = Some((k, al.score));
            }
        }
    }
    best.map(|(k, _)| k)
}

/// Compare a claim text with a source text through [`compare`] and read the signals.
pub fn pair(claim: &str, source: &str, config: &Config) -> Signals {
    let docs = [Document::new(CLAIM, claim), Document::new(SOURCE, source)];
    match compare(&docs, config, &CompareOptions::default()) {
        Ok(report) => read(&report),
        Err(_) => Signals::default(),
    }
}

/// Read the signals from a report over the documents [`CLAIM`] and [`SOURCE`].
pub fn read(report: &Report) -> Signals {
    let mut s = Signals::default();
    let doc_of = |id: &str| report.claim(id).map(|c| &*c.doc);
    for c in &report.claims {
        if *c.doc == *CLAIM {
            s.claim_claims += 1;
            if c.modality == Modality::Hedged || c.speaker.kind != SpeakerKind::Author {
                s.claim_hedged = true;
            }
        } else if *c.doc == *SOURCE {
            s.source_claims += 1;
            if c.modality == Modality::Hedged || c.speaker.kind != SpeakerKind::Author {
                s.source_any_hedged = true;
                s.source_hedged_all += 1;
            }
            if refutes(&c.text) {
                s.source_refuting += 1;
            }
            if c.text.trim_end().ends_with('?') {
                s.source_question = true;
            }
        }
    }
    let mut counted_sources: Vec<&str> = Vec::new();
    for cluster in &report.clusters {
        for al in &cluster.alignments {
            let (src, ok) = match (doc_of(&al.a), doc_of(&al.b)) {
                (Some(CLAIM), Some(SOURCE)) => (&*al.b, true),
                (Some(SOURCE), Some(CLAIM)) => (&*al.a, true),
                _ => ("", false),
            };
            if !ok {
                continue;
            }
            s.aligned += 1;
            let f = &al.features;
            s.best_score = s.best_score.max(al.score);
            s.best_overlap = s.best_overlap.max(f.term_overlap);
            s.best_entity = s.best_entity.max(f.entity_overlap);
            s.best_shared = s.best_shared.max(f.shared_terms.len() + f.shared_entities.len());
            s.max_entail = s.max_entail.max(al.verdict.entail);
            s.max_contradict = s.max_contradict.max(al.verdict.contradict);
            match al.verdict.label {
                VerdictLabel::Entail => s.entail += 1,
                VerdictLabel::Neutral => s.neutral += 1,
                VerdictLabel::Contradict => s.contradict += 1,
            }
            if al.verdict.reasons.iter().any(|r| r.starts_with("refutation")) {
                s.refutation = true;
            }
            if !counted_sources.contains(&src) {
                counted_sources.push(src);
                if let Some(c) = report.claim(src) {
                    if refutes(&c.text) {
                        s.aligned_refuting += 1;
                    }
                    if c.modality == Modality::Hedged || c.speaker.kind != SpeakerKind::Author {
                        s.source_hedged += 1;
                    } else if c.modality == Modality::Fact {
                        s.source_asserted += 1;
                    }
                }
            }
        }
    }
    let conflict_kinds = [
        FindingKind::Contradiction,
        FindingKind::NumericConflict,
        FindingKind::DateConflict,
    ];
    s.position = claim_cluster(report).and_then(|k| {
        report.clusters[k]
            .positions
            .iter()
            .find(|p| p.doc == SOURCE)
            .map(|p| p.label)
    });
    s.conflict = report.findings.iter().any(|f| {
        conflict_kinds.contains(&f.kind)
            && f.claims.iter().any(|id| doc_of(id) == Some(CLAIM))
            && f.docs.iter().any(|d| d == SOURCE)
    });
    s
}
