//! Named features of one aligned pair, the inputs of the judge's model.
//!
//! Every feature is symmetric in the two claims (the judge does not know which
//! one is the premise) and has a name a person can read in a verdict's reasons.

use super::substitutions::{Difference, Scores, Substitutions, MAX_SIDE};
use crate::analyze::tokens::words;
use crate::detect::numeric_conflict::{compatible, same_thing};
use crate::lexicon::Lexicon;
use crate::{Claim, Modality};
use std::sync::Arc;

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

/// Articles, auxiliaries and connectives: not compared by the learned substitutions.
const GLUE: [&str; 18] = [
    "a", "an", "the", "is", "are", "was", "were", "be", "being", "been", "and", "of", "there", "some", "who", "which",
    "that", "its",
];

/// What the judge reads from one claim, whichever pair it is in. The sets are sorted and
/// deduplicated once per claim, so each pair compares them by merging. The words share one
/// buffer, and stems, stem bigrams and entities are held as 64-bit keys ([`key`]): a big story
/// holds the cues of tens of thousands of claims at once, and the pair features only count what
/// two sets share. Where the strings are needed (the learned substitutions look them up), they
/// are read again from the words ([`ClaimCues::diff_stem_strings`]).
#[derive(Debug)]
pub struct ClaimCues {
    /// Lower-cased words outside the attribution, one after another; `ends` splits them.
    lowered: String,
    /// End byte of each word in `lowered`, in order.
    ends: Vec<u32>,
    /// Positions of the distinct words, sorted by word (the first of equal words).
    word_set: Vec<u32>,
    /// Keys of the stems of the content words (sorted, no repeats).
    pub stems: Vec<u64>,
    /// Keys of the stems of all words but negators, numbers and [`GLUE`] words (sorted, no
    /// repeats): what the learned substitutions compare ("on" vs "off" counts, "the" vs "a"
    /// does not).
    pub diff_stems: Vec<u64>,
    /// Keys of adjacent content-word stems, in claim order (sorted, no repeats).
    pub stem_bigrams: Vec<u64>,
    /// Keys of the canonical names of the claim's entities (sorted, no repeats).
    pub entities: Vec<u64>,
    /// The claim refutes something (its [`Refutation`](crate::Refutation), not negated).
    pub refutes: bool,
    /// The claim's refutation is negated ("is not a hoax"): it affirms the content.
    pub affirms: bool,
    /// Keys of the content stems the refutation governs (sorted, no repeats; empty when it only
    /// refers back, "denied the report").
    pub target_stems: Vec<u64>,
    /// Negations of the claim's main clauses (all clauses when every one is a side clause).
    pub negators: usize,
    /// Keys of the negated words: the first two content words after each negation of a main
    /// clause, in its clause ("did not [warn] Valdorian", "has not been [captured]"); sorted, no
    /// repeats. A pair's negation flip is one side negating what the other states.
    pub negated: Vec<u64>,
}

impl ClaimCues {
    pub fn of(lex: &Lexicon, c: &Claim) -> ClaimCues {
        let mut lowered = String::with_capacity(c.text.len());
        let mut ends = Vec::new();
        // The attribution ("a spokesperson said") is not part of what is asserted.
        for t in words(&c.text, c.span.start_byte) {
            if !c.speaker.span.is_some_and(|s| s.contains(t.span)) {
                // `str::to_lowercase`, not per character: a final sigma lower-cases differently.
                lowered.push_str(&t.text.to_lowercase());
                ends.push(u32::try_from(lowered.len()).unwrap_or(u32::MAX));
            }
        }
        ends.shrink_to_fit();
        let mut cues = ClaimCues {
            lowered,
            ends,
            word_set: Vec::new(),
            stems: Vec::new(),
            diff_stems: Vec::new(),
            stem_bigrams: Vec::new(),
            entities: sorted_set(c.entities.iter().map(|e| key(&e.canonical)).collect()),
            refutes: c.refutation.as_ref().is_some_and(|r| !r.negated),
            affirms: c.refutation.as_ref().is_some_and(|r| r.negated),
            target_stems: Vec::new(),
            negators: 0,
            negated: Vec::new(),
        };
        cues.scope(lex, c);
        let mut set: Vec<u32> = (0..u32::try_from(cues.ends.len()).unwrap_or(u32::MAX)).collect();
        set.sort_by(|&x, &y| cues.word(x).cmp(cues.word(y)));
        set.dedup_by(|x, y| cues.word(*x) == cues.word(*y));
        cues.word_set = set;
        let ordered: Vec<u64> = cues
            .words()
            .filter(|w| !lex.is_stopword(w) && !lex.is_negator(w) && !number(w))
            .map(|w| key(&lex.shared_stem(w)))
            .collect();
        cues.stem_bigrams = sorted_set(ordered.windows(2).map(|p| pair_key(p[0], p[1])).collect());
        cues.diff_stems = sorted_set(cues.diff_words(lex).map(|w| key(&lex.shared_stem(w))).collect());
        cues.stems = sorted_set(ordered);
        cues
    }

    /// The refutation's content stems, the negations of the main clauses and the words they
    /// negate.
    fn scope(&mut self, lex: &Lexicon, c: &Claim) {
        let stem_key = |w: &str| -> Option<u64> {
            let w = w.to_lowercase();
            (!lex.is_stopword(&w) && !lex.is_negator(&w) && !number(&w)).then(|| key(&lex.shared_stem(&w)))
        };
        let relative = |s: crate::Span| {
            crate::Span::new(
                s.start_byte.saturating_sub(c.span.start_byte),
                s.end_byte.saturating_sub(c.span.start_byte),
            )
        };
        if let Some(t) = c.refutation.as_ref().and_then(|r| r.target) {
            let t = relative(t);
            self.target_stems = sorted_set(words(t.slice(&c.text), 0).iter().filter_map(|w| stem_key(w.text)).collect());
        }
        let scan = lex.scan(&c.text);
        let clauses = crate::analyze::clauses::split(lex, &scan);
        let all_side = clauses.iter().all(|k| k.side);
        let main: Vec<&crate::analyze::clauses::Clause> = clauses.iter().filter(|k| all_side || !k.side).collect();
        self.negators = main.iter().map(|k| k.negations as usize).sum();
        if self.negators == 0 {
            return;
        }
        let toks = words(&c.text, 0);
        let mut negated = Vec::new();
        for n in crate::analyze::clauses::negation_spans(lex, &scan) {
            let Some(clause) = main.iter().find(|k| k.span.contains(n)) else { continue };
            negated.extend(
                toks.iter()
                    .filter(|t| t.span.start_byte >= n.end_byte && t.span.end_byte <= clause.span.end_byte)
                    .filter_map(|t| stem_key(t.text))
                    .take(2),
            );
        }
        self.negated = sorted_set(negated);
    }

    /// Whether this claim negates a word that `other` states without negating anything.
    pub fn negates_what(&self, other: &ClaimCues) -> bool {
        other.negated.is_empty() && shared(self.negated.iter(), other.stems.iter()) > 0
    }

    /// Share (0..=1) of the refuted content's stems that `other` states, when this claim refutes
    /// and `other` does not.
    pub fn refutes_content_of(&self, other: &ClaimCues) -> f64 {
        if !self.refutes || other.refutes || self.target_stems.is_empty() {
            return 0.0;
        }
        shared(self.target_stems.iter(), other.stems.iter()) as f64 / self.target_stems.len() as f64
    }

    /// The words whose stems the learned substitutions compare.
    fn diff_words<'a>(&'a self, lex: &'a Lexicon) -> impl Iterator<Item = &'a str> + 'a {
        self.words()
            .filter(move |w| !GLUE.contains(w) && !lex.is_negator(w) && !number(w))
    }

    /// The stems behind [`ClaimCues::diff_stems`], as strings (sorted, no repeats).
    pub fn diff_stem_strings(&self, lex: &Lexicon) -> Vec<Arc<str>> {
        sorted_set(self.diff_words(lex).map(|w| lex.shared_stem(w)).collect())
    }

    /// Word number `i` (lower-cased), or "" past the end.
    fn word(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).map_or(0, |&e| e as usize)
        };
        let end = self.ends.get(i).map_or(start, |&e| e as usize);
        self.lowered.get(start..end).unwrap_or("")
    }

    /// The lower-cased words outside the attribution, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        (0..u32::try_from(self.ends.len()).unwrap_or(u32::MAX)).map(|i| self.word(i))
    }

    /// How many words [`ClaimCues::words`] yields.
    pub fn word_count(&self) -> usize {
        self.ends.len()
    }

    /// The distinct words, sorted.
    pub fn word_set(&self) -> impl ExactSizeIterator<Item = &str> {
        self.word_set.iter().map(|&i| self.word(i))
    }

    /// Whether `w` is one of the words.
    pub fn has_word(&self, w: &str) -> bool {
        self.word_set.binary_search_by(|&i| self.word(i).cmp(w)).is_ok()
    }
}

/// Whether `text` refutes something: a refutation word ("denied", "hoax", "not true") that is not
/// itself negated by one of the three words before it ("did not deny", "no hoax").
pub fn refutes(lex: &Lexicon, text: &str) -> bool {
    lex.refuters.find(text).iter().any(|(span, _)| {
        let before = text.get(..span.start_byte).unwrap_or("");
        !before.split_whitespace().rev().take(3).any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .to_lowercase();
            lex.is_negator(&w) || w.ends_with("n't") || w.ends_with("n’t")
        })
    })
}

fn number(w: &str) -> bool {
    w.chars().all(|ch| ch.is_ascii_digit())
}

/// A 64-bit key of a string (rustc-hash, the same in every run). Two different stems of one
/// story share a key with a probability of about one in 10^10, and then count as one word.
pub fn key(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

/// The key of an ordered pair of keys.
fn pair_key(a: u64, b: u64) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write_u64(a);
    h.write_u64(b);
    h.finish()
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
    pub values: [f64; NAMES.len()],
}

impl PairFeatures {
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
        let refutes_content = (if neg_b == 0 { ca.refutes_content_of(cb) } else { 0.0 })
            .max(if neg_a == 0 { cb.refutes_content_of(ca) } else { 0.0 });
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

fn sorted_set<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    items.sort_unstable();
    items.dedup();
    items
}

/// How many items two sorted, deduplicated sequences have in common.
fn shared<T: Ord>(a: impl Iterator<Item = T>, b: impl Iterator<Item = T>) -> usize {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    let mut n = 0;
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => {
                a.next();
            }
            std::cmp::Ordering::Greater => {
                b.next();
            }
            std::cmp::Ordering::Equal => {
                a.next();
                b.next();
                n += 1;
            }
        }
    }
    n
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
