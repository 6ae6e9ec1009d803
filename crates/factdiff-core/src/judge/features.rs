//! Named features of one aligned pair, the inputs of the judge's model.
//!
//! Every feature is symmetric in the two claims (the judge does not know which
//! one is the premise) and has a name a person can read in a verdict's reasons.

use super::cues::{shared, ClaimCues};
use super::substitutions::{Difference, Scores, Substitutions, MAX_SIDE};
use crate::analyze::quantities::{compatible, same_thing};
use crate::lexicon::Lexicon;
use crate::{Claim, Modality};

/// Feature names, in the order of [`PairFeatures::values`] (the weights file uses them).
pub const NAMES: [&str; 43] = [
    "bias",
    "term_overlap",
    "negation_flip",
    "negation_flip_x_overlap",
    "negated_both",
    "antonym_pair",
    "antonym_pair_x_overlap",
    "refutation_one_side",
    "refutation_one_side_x_overlap",
    "hedge_one_side",
    "numeric_mismatch",
    "numeric_match",
    "entity_overlap",
    "unseen_terms_max",
    "unseen_terms_min",
    "word_jaccard",
    "length_ratio",
    "intensifier_one_side",
    "negator_count_gap",
    "stem_jaccard",
    "negation_flip_x_stem_jaccard",
    "covered_without_cue",
    "negation_one_side",
    "negation_one_side_x_stem_jaccard",
    "substituted_words",
    "content_bigram_jaccard",
    "learned_pair_entail",
    "learned_pair_neutral",
    "learned_pair_contradict",
    "learned_word_entail",
    "learned_word_neutral",
    "learned_word_contradict",
    "learned_pair_entail_max",
    "learned_pair_neutral_max",
    "learned_pair_contradict_max",
    "learned_word_entail_max",
    "learned_word_neutral_max",
    "learned_word_contradict_max",
    "learned_pair_unknown",
    "refutes_other_content",
    "refutes_other_content_x_overlap",
    "refuting_both",
    "affirms_what_other_refutes",
];

/// Index of the first learned feature in [`NAMES`] (three word-pair scores, then three
/// one-side-word scores, see [`PairFeatures::set_learned`]).
const LEARNED: usize = 26;

/// How each feature reads in a verdict's reasons.
pub fn describe(name: &str) -> &'static str {
    match name {
        "term_overlap" => "term overlap",
        "negation_flip" | "negation_flip_x_overlap" => "negation flip",
        "negated_both" => "both negated",
        "antonym_pair" | "antonym_pair_x_overlap" => "antonym pair",
        "refutation_one_side" | "refutation_one_side_x_overlap" => "refutation word",
        "hedge_one_side" => "hedged on one side",
        "numeric_mismatch" => "different numbers",
        "numeric_match" => "same numbers",
        "entity_overlap" => "shared entities",
        "unseen_terms_max" | "unseen_terms_min" => "terms only one side has",
        "word_jaccard" => "shared words",
        "length_ratio" => "similar length",
        "intensifier_one_side" => "intensifier on one side",
        "negator_count_gap" => "negation words on one side",
        "stem_jaccard" => "shared content words",
        "negation_flip_x_stem_jaccard" => "negation flip",
        "covered_without_cue" => "one side's content words all in the other",
        "negation_one_side" | "negation_one_side_x_stem_jaccard" => "negation words on one side",
        "substituted_words" => "words substituted",
        "content_bigram_jaccard" => "content words in the same order",
        "refutes_other_content" | "refutes_other_content_x_overlap" => "one side refutes what the other says",
        "refuting_both" => "both refute",
        "affirms_what_other_refutes" => "one side affirms what the other refutes",
        n if n.starts_with("learned_pair") => "learned word substitution",
        n if n.starts_with("learned_word") => "learned words on one side",
        _ => "bias",
    }
}

/// The antonym pair `(x in a, y in b)` when one exists (neither claim has both words).
pub fn antonym_pair(lex: &Lexicon, ca: &ClaimCues, cb: &ClaimCues) -> Option<(String, String)> {
    ca.words().find_map(|x| {
        let opposite = lex.antonyms.get(x)?;
        let y = opposite.iter().find(|y| cb.has_word(y) && !ca.has_word(y))?;
        (!cb.has_word(x)).then(|| (x.to_string(), y.clone()))
    })
}

/// Feature values of one pair, in the order of [`NAMES`].
#[derive(Clone, Debug, PartialEq)]
pub struct PairFeatures {
    /// One value per feature of [`NAMES`], the bias first.
    pub values: [f64; NAMES.len()],
}

impl PairFeatures {
    /// The features of the pair (`a`, `b`) with their cues and the aligner's overlap.
    pub fn of(lex: &Lexicon, a: &Claim, b: &Claim, ca: &ClaimCues, cb: &ClaimCues, overlap: f64) -> PairFeatures {
        PairFeatures::with_table(lex, a, b, ca, cb, overlap, Substitutions::get())
    }

    /// [`PairFeatures::of`] with the learned features read from `table` instead of the embedded
    /// one (training reads a table it has just counted).
    pub fn with_table(
        lex: &Lexicon,
        a: &Claim,
        b: &Claim,
        ca: &ClaimCues,
        cb: &ClaimCues,
        overlap: f64,
        table: &Substitutions,
    ) -> PairFeatures {
        let flag = |x: bool| if x { 1.0_f64 } else { 0.0 };
        let overlap = overlap.clamp(0.0, 1.0);
        // One side negates what the other states (and negates nothing itself).
        let (neg_a, neg_b) = (ca.negators, cb.negators);
        let flip = flag(ca.negates_what(cb) || cb.negates_what(ca));
        let antonym = flag(antonym_pair(lex, ca, cb).is_some());
        // A refutation on one side against neither a refutation nor a negation on the other ("denied
        // the report" and "it did not happen" say the same).
        let refute = flag((ca.refutes && !cb.refutes && neg_b == 0) || (cb.refutes && !ca.refutes && neg_a == 0));
        let hedged = |c: &Claim| c.modality != Modality::Fact;
        let mismatch = a.quantities.iter().any(|qa| {
            b.quantities.iter().any(|qb| same_thing(qa, qb))
                && !b.quantities.iter().any(|qb| same_thing(qa, qb) && compatible(qa, qb))
        });
        let matched = a
            .quantities
            .iter()
            .any(|qa| b.quantities.iter().any(|qb| compatible(qa, qb)));
        let shared_stems = shared(ca.stems.iter(), cb.stems.iter());
        let unseen = |x: &[u64]| {
            if x.is_empty() {
                0.0
            } else {
                (x.len() - shared_stems) as f64 / x.len() as f64
            }
        };
        let (ua, ub) = (unseen(&ca.stems), unseen(&cb.stems));
        let (na, nb) = (ca.word_count() as f64, cb.word_count() as f64);
        let stem_jaccard = jaccard(ca.stems.iter(), cb.stems.iter());
        let negation_one_side = flag((neg_a == 0) != (neg_b == 0));
        // What one side refutes, the other states without a negation of its own.
        let refutes_content = (if neg_b == 0 { ca.refutes_content_of(cb) } else { 0.0 }).max(if neg_a == 0 {
            cb.refutes_content_of(ca)
        } else {
            0.0
        });
        let no_cue = 1.0 - flip.max(antonym).max(refute).max(negation_one_side);
        let substituted = ca.stems.len().min(cb.stems.len()) - shared_stems;
        let mut x = PairFeatures {
            values: [
                1.0,
                overlap,
                flip,
                flip * overlap,
                flag(shared(ca.negated.iter(), cb.negated.iter()) > 0),
                antonym,
                antonym * overlap,
                refute,
                refute * overlap,
                flag(hedged(a) != hedged(b)),
                flag(mismatch),
                flag(matched),
                jaccard(ca.entities.iter(), cb.entities.iter()),
                ua.max(ub),
                ua.min(ub),
                jaccard(ca.word_set(), cb.word_set()),
                if na.max(nb) > 0.0 { na.min(nb) / na.max(nb) } else { 0.0 },
                flag(a.intensifiers.is_empty() != b.intensifiers.is_empty()),
                (neg_a.abs_diff(neg_b) as f64).min(2.0) / 2.0,
                stem_jaccard,
                flip * stem_jaccard,
                no_cue * (1.0 - ua.min(ub)),
                negation_one_side,
                negation_one_side * stem_jaccard,
                (substituted as f64).min(3.0) / 3.0,
                jaccard(ca.stem_bigrams.iter(), cb.stem_bigrams.iter()),
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                refutes_content,
                refutes_content * overlap,
                flag(ca.refutes && cb.refutes),
                flag((ca.affirms && cb.refutes) || (cb.affirms && ca.refutes)),
            ],
        };
        // Most news pairs differ in too many words for the table (it would give no scores):
        // count before building the difference.
        let same = shared(ca.diff_stems.iter(), cb.diff_stems.iter());
        if ca.diff_stems.len() - same <= MAX_SIDE && cb.diff_stems.len() - same <= MAX_SIDE {
            x.set_learned(&table.scores(&Difference::of(ca, cb), None));
        }
        x
    }

    /// Put the learned substitution scores of the pair into the `learned_*` features.
    pub fn set_learned(&mut self, s: &Scores) {
        for k in 0..3 {
            self.values[LEARNED + k] = s.pair[k];
            self.values[LEARNED + 3 + k] = s.word[k];
            self.values[LEARNED + 6 + k] = s.pair_max[k];
            self.values[LEARNED + 9 + k] = s.word_max[k];
        }
        self.values[LEARNED + 12] = s.unknown_pairs;
    }

    /// The value of the feature called `name`.
    pub fn get(&self, name: &str) -> f64 {
        NAMES.iter().position(|n| *n == name).map_or(0.0, |i| self.values[i])
    }
}

/// Jaccard similarity of two sorted, deduplicated lists.
fn jaccard<T: Ord>(a: impl ExactSizeIterator<Item = T>, b: impl ExactSizeIterator<Item = T>) -> f64 {
    let (na, nb) = (a.len(), b.len());
    let inter = shared(a, b);
    let union = na + nb - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}
