//! The named features of one document's position on one cluster.
//!
//! Three groups: what the judge said about the document's aligned pairs in the cluster (entail /
//! contradict scores and labels, alignment strength), how the document's own claims in the
//! cluster are put (hedged, attributed, refuting, questioned), and cues of the whole document
//! (share of hedged or attributed claims, refutation cues anywhere and near the aligned claims).
//! Only verdict labels and scores are read, so any judge (lexical, NLI, Python) feeds them.

use crate::{Claim, Cluster, Modality, PairTally, SpeakerKind};

/// Feature names, in the order of [`PositionFeatures::values`] and of the weights file.
pub const NAMES: [&str; 29] = [
    "bias",
    "best_score",
    "max_entail",
    "mean_entail",
    "max_contradict",
    "mean_contradict",
    "entail_share",
    "contradict_share",
    "aligned_claims_log",
    "own_hedged_share",
    "own_attributed_share",
    "refuting_here_only",
    "refuting_other_only",
    "refuting_both",
    "negated_here_only",
    "negated_other_only",
    "own_question",
    "other_hedged_share",
    "doc_hedged_share",
    "doc_attributed_share",
    "doc_refuting_share",
    "doc_refuting_log",
    "doc_question_share",
    "near_refuting",
    "doc_claims_log",
    "cluster_share",
    "doc_refuting_x_score",
    "affirms_what_others_refute",
    "near_refers_back",
];

/// A short description of a feature for a position's reasons.
pub fn describe(name: &str) -> &'static str {
    match name {
        "best_score" => "strong alignment",
        "max_entail" | "mean_entail" | "entail_share" => "judge: entails",
        "max_contradict" | "mean_contradict" | "contradict_share" => "judge: contradicts",
        "aligned_claims_log" | "cluster_share" => "many claims on it",
        "own_hedged_share" => "hedged here",
        "own_attributed_share" => "attributed to others here",
        "refuting_here_only" => "refutation cue here, not in the others",
        "refuting_other_only" => "the claim itself refutes, this document does not",
        "refuting_both" => "refuted on both sides",
        "negated_here_only" => "negated here, not in the others",
        "negated_other_only" => "negated in the others, not here",
        "own_question" => "asked as a question",
        "other_hedged_share" => "the claim itself is hedged",
        "doc_hedged_share" => "document hedges much",
        "doc_attributed_share" => "document mostly quotes others",
        "doc_refuting_share" | "doc_refuting_log" | "doc_refuting_x_score" => "refutation cues in the document",
        "doc_question_share" => "questions in the document",
        "near_refuting" => "refutation cue near the aligned claim",
        "doc_claims_log" => "long document",
        "affirms_what_others_refute" => "affirms what the others refute, or the reverse",
        "near_refers_back" => "a refutation of 'it' or 'the report' near the aligned claim",
        _ => "base rate",
    }
}

/// Feature values of one (cluster, document) pair; `values[0]` is the bias (1).
#[derive(Clone, Debug, PartialEq)]
pub struct PositionFeatures {
    /// One value per feature of [`NAMES`].
    pub values: [f64; NAMES.len()],
}

/// What one claim contributes to the document-level cues.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClaimFlags {
    /// The claim is hedged.
    pub hedged: bool,
    /// The claim is attributed to someone other than the author.
    pub attributed: bool,
    /// The claim refutes something (a refutation that is not itself negated).
    pub refuting: bool,
    /// A negated refutation ("is not a hoax"): the claim affirms its content.
    pub affirming: bool,
    /// A refutation of something named only by reference ("denied the report", "it's a hoax").
    pub refers_back: bool,
    /// The claim is negated.
    pub negated: bool,
    /// The claim is a question.
    pub question: bool,
}

impl ClaimFlags {
    /// The flags of one claim.
    pub fn of(c: &Claim) -> ClaimFlags {
        let r = c.refutation.as_ref();
        ClaimFlags {
            hedged: c.modality == Modality::Hedged,
            attributed: c.speaker.kind != SpeakerKind::Author,
            refuting: r.is_some_and(|r| !r.negated),
            affirming: r.is_some_and(|r| r.negated),
            refers_back: r.is_some_and(|r| !r.negated && r.target.is_none()),
            negated: c.polarity == crate::Polarity::Negated,
            question: c.text.trim_end().ends_with('?'),
        }
    }
}

/// Cues of a whole document: counts over its claims and the sentences of refuting claims.
#[derive(Clone, Debug, Default)]
pub struct DocCues {
    /// Number of claims.
    pub claims: usize,
    /// Hedged claims.
    pub hedged: usize,
    /// Claims attributed to someone other than the author.
    pub attributed: usize,
    /// Refuting claims.
    pub refuting: usize,
    /// Questions.
    pub questions: usize,
    /// Sentence numbers of refuting claims, ascending.
    pub refuting_sentences: Vec<usize>,
    /// Sentence numbers of claims that refute something named only by reference, ascending.
    pub refers_back_sentences: Vec<usize>,
}

impl DocCues {
    /// Add one claim (claims of a document come in sentence order).
    pub fn add(&mut self, c: &Claim, f: ClaimFlags) {
        self.claims += 1;
        self.hedged += usize::from(f.hedged);
        self.attributed += usize::from(f.attributed);
        self.questions += usize::from(f.question);
        if f.refuting {
            self.refuting += 1;
            self.refuting_sentences.push(c.sentence);
        }
        if f.refers_back {
            self.refers_back_sentences.push(c.sentence);
        }
    }

    /// A refuting claim within `window` sentences of `sentence`.
    fn refuting_near(&self, sentence: usize, window: usize) -> bool {
        near(&self.refuting_sentences, sentence, window)
    }
}

/// A sentence number of the ascending list `sentences` within `window` of `sentence`.
fn near(sentences: &[usize], sentence: usize, window: usize) -> bool {
    let from = sentence.saturating_sub(window);
    let i = sentences.partition_point(|&s| s < from);
    sentences.get(i).is_some_and(|&s| s <= sentence + window)
}

impl DocCues {}

/// How many sentences around an aligned claim count as "near".
pub const NEAR: usize = 2;

fn share(n: usize, of: usize) -> f64 {
    n as f64 / of.max(1) as f64
}

/// The features of document `doc` on `cluster`. `claim` looks a claim id up (its claim and
/// flags); `cues` are the document's cues. The judge's verdicts are read from the document's
/// tally (`cluster.tallies`), counted once when the cluster was built.
pub fn of<'c>(
    cluster: &Cluster,
    doc: &str,
    claim: &dyn Fn(&str) -> Option<(&'c Claim, ClaimFlags)>,
    cues: &DocCues,
) -> PositionFeatures {
    let mut v = [0.0; NAMES.len()];
    v[0] = 1.0;
    // The judge's verdicts on every pair of this document's claims here, counted when the
    // cluster was built (its alignments are only a spanning set of them).
    let empty = PairTally::default();
    let t = cluster.tallies.iter().find(|t| t.doc == doc).unwrap_or(&empty);
    let (mut own, mut hedged, mut attributed, mut refuting, mut negated, mut question, mut near_cue) =
        (0usize, 0usize, 0usize, 0usize, 0usize, false, false);
    let (mut others, mut others_hedged, mut others_refuting, mut others_negated) = (0usize, 0usize, false, false);
    let (mut affirming, mut others_affirming, mut refers_back) = (false, false, false);
    for id in &cluster.claims {
        let Some((c, f)) = claim(id) else { continue };
        if &*c.doc == doc {
            own += 1;
            hedged += usize::from(f.hedged);
            attributed += usize::from(f.attributed);
            refuting += usize::from(f.refuting);
            negated += usize::from(f.negated);
            question |= f.question;
            affirming |= f.affirming;
            near_cue |= cues.refuting_near(c.sentence, NEAR);
            refers_back |= near(&cues.refers_back_sentences, c.sentence, NEAR);
        } else {
            others += 1;
            others_hedged += usize::from(f.hedged || f.attributed);
            others_refuting |= f.refuting;
            others_negated |= f.negated;
            others_affirming |= f.affirming;
        }
    }
    // Logarithms of counts are divided down to about 0..=1, like the other features.
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    // Refutation cues in this document say "disputes" only when the claim itself is not a
    // refutation (a headline "X is a hoax" is corroborated by a body calling it a hoax).
    let clean = if others_refuting { 0.0 } else { 1.0 };
    let doc_refuting_log = (1.0 + cues.refuting as f64).ln() / 3.0 * clean;
    let (own_refutes, own_negated) = (refuting > 0, negated > 0);
    let rest = [
        t.best_score,
        t.max_entail,
        t.mean_entail,
        t.max_contradict,
        t.mean_contradict,
        share(t.entail, t.pairs),
        share(t.contradict, t.pairs),
        (1.0 + own as f64).ln() / 3.0,
        share(hedged, own),
        share(attributed, own),
        flag(own_refutes && !others_refuting),
        flag(others_refuting && !own_refutes),
        flag(own_refutes && others_refuting),
        flag(own_negated && !others_negated),
        flag(others_negated && !own_negated),
        flag(question),
        share(others_hedged, others),
        share(cues.hedged, cues.claims),
        share(cues.attributed, cues.claims),
        share(cues.refuting, cues.claims) * clean,
        doc_refuting_log,
        share(cues.questions, cues.claims),
        flag(near_cue) * clean,
        (1.0 + cues.claims as f64).ln() / 5.0,
        share(own, cues.claims),
        doc_refuting_log * t.best_score,
        flag((affirming && others_refuting) || (own_refutes && others_affirming)),
        flag(refers_back) * clean,
    ];
    v[1..].copy_from_slice(&rest);
    PositionFeatures { values: v }
}
