//! What the judge reads from one claim ([`ClaimCues`]), whichever pair it is in: its words,
//! stems, stem bigrams and entities, computed once per claim and compared by the pair features.

use crate::analyze::clauses;
use crate::analyze::tokens::words;
use crate::lexicon::Lexicon;
use crate::Claim;
use std::sync::Arc;

/// Articles, auxiliaries and connectives: not compared by the learned substitutions.
const GLUE: [&str; 18] = [
    "a", "an", "the", "is", "are", "was", "were", "be", "being", "been", "and", "of", "there", "some", "who", "which",
    "that", "its",
];

/// What the judge reads from one claim, whichever pair it is in. The sets are sorted and
/// deduplicated once per claim, so each pair compares them by merging. The words share one
/// buffer, and stems, stem bigrams and entities are held as 64-bit keys ([`key`]): a big story
/// holds the cues of tens of thousands of claims at once, and the pair features only count what
/// two sets share. The learned substitutions look stems up by name: those strings are read from
/// the words the first time a pair asks ([`ClaimCues::diff_stem_strings`]) and kept, so a claim
/// in many pairs stems its words once.
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
    /// The stems behind `diff_stems`, as strings (sorted, no repeats), once asked for.
    diff_stem_strings: std::sync::OnceLock<Vec<Arc<str>>>,
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
                // ASCII words (most) are lower-cased in place, without a copy.
                if t.text.is_ascii() {
                    lowered.extend(t.text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                } else {
                    lowered.push_str(&t.text.to_lowercase());
                }
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
            diff_stem_strings: std::sync::OnceLock::new(),
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
        // Only the words of the set are read, so equal words may come in any order.
        set.sort_unstable_by(|&x, &y| cues.word(x).cmp(cues.word(y)));
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
        if let Some(t) = c.refutation.as_ref().and_then(|r| r.target) {
            let t = crate::Span::new(
                t.start_byte.saturating_sub(c.span.start_byte),
                t.end_byte.saturating_sub(c.span.start_byte),
            );
            self.target_stems = sorted_set(
                words(t.slice(&c.text), 0)
                    .iter()
                    .filter_map(|w| stem_key(w.text))
                    .collect(),
            );
        }
        let scan = lex.scan(&c.text);
        let clauses = clauses::split(lex, &scan);
        let all_side = clauses.iter().all(|k| k.side);
        let main: Vec<&clauses::Clause> = clauses.iter().filter(|k| all_side || !k.side).collect();
        self.negators = main.iter().map(|k| k.negations as usize).sum();
        if self.negators == 0 {
            return;
        }
        let toks = words(&c.text, 0);
        let mut negated = Vec::new();
        for n in clauses::negation_spans(lex, &scan) {
            let Some(clause) = main.iter().find(|k| k.span.contains(n)) else {
                continue;
            };
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
    pub fn diff_stem_strings(&self, lex: &Lexicon) -> &[Arc<str>] {
        self.diff_stem_strings
            .get_or_init(|| sorted_set(self.diff_words(lex).map(|w| lex.shared_stem(w)).collect()))
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

fn sorted_set<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    items.sort_unstable();
    items.dedup();
    items
}

/// How many items two sorted, deduplicated sequences have in common.
pub(super) fn shared<T: Ord>(a: impl Iterator<Item = T>, b: impl Iterator<Item = T>) -> usize {
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
