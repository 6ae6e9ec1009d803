//! Similarity of two claims from named features: IDF-weighted overlap of
//! content stems, character-bigram similarity (strsim), and the share of
//! canonical entities and numbers they have in common.

use super::bigrams::Bigrams;
use super::index::{Index, KeyKind, Vocabulary};
use super::round3;
use crate::{AlignFeatures, Claim};
use std::sync::Arc;

/// What one claim contributes to alignment: sorted, interned key ids by kind. One per claim of
/// the story, alive while its pairs are scored: the lists are boxed slices, sized exactly and
/// 8 bytes smaller each than a `Vec`.
#[derive(Clone, Debug, Default)]
pub struct Features {
    pub terms: Box<[u32]>,
    pub entities: Box<[u32]>,
    pub numbers: Box<[u32]>,
    /// All keys, sorted (for the index).
    pub keys: Box<[u32]>,
    /// WordNet senses of the terms ([`crate::lexicon::synonyms`]) as (sense, term id), sorted.
    pub senses: Vec<(u32, u32)>,
    /// Sorted ids of the character bigrams of the lower-cased text without whitespace, for [`dice`].
    pub bigrams: Bigrams,
    /// Bytes of the lower-cased text without whitespace.
    pub squashed_len: usize,
    /// Summed IDF of `terms`: set by [`Features::weigh`] once the index is built, for [`term_overlap`].
    pub term_weight: f64,
}

impl Features {
    /// Features of claim `c`, whose content terms ([`crate::analyze::tokens::content_terms`]) are `terms`.
    pub fn of(c: &Claim, terms: &[Arc<str>], vocab: &mut Vocabulary) -> Features {
        // Each term is interned once, its WordNet senses looked up beside it.
        let mut senses: Vec<(u32, u32)> = Vec::new();
        let mut term_ids: Vec<u32> = Vec::with_capacity(terms.len());
        for t in terms {
            let id = vocab.intern(KeyKind::Term, t);
            term_ids.push(id);
            senses.extend(vocab.senses(id).iter().map(|&s| (s, id)));
        }
        senses.sort_unstable();
        senses.dedup();
        term_ids.sort_unstable();
        term_ids.dedup();
        let terms = term_ids.into_boxed_slice();
        let mut ids = |kind: KeyKind, keys: &mut dyn Iterator<Item = &str>| {
            let mut v: Vec<u32> = keys.map(|k| vocab.intern(kind, k)).collect();
            v.sort_unstable();
            v.dedup();
            v.into_boxed_slice()
        };

        let entities = ids(KeyKind::Entity, &mut c.entities.iter().map(|e| e.canonical.as_str()));
        let values: Vec<String> = c.quantities.iter().map(|q| q.value.to_string()).collect();
        let numbers = ids(KeyKind::Number, &mut values.iter().map(String::as_str));
        let mut keys: Box<[u32]> = terms.iter().chain(&entities).chain(&numbers).copied().collect();
        keys.sort_unstable();
        let (bigrams, squashed_len) = if c.text.is_ascii() {
            // Most text: its lower case is byte for byte, its whitespace the ASCII kind.
            let squashed: Vec<u8> = c
                .text
                .bytes()
                .filter(|b| !matches!(b, b'\t'..=b'\r' | b' '))
                .map(|b| b.to_ascii_lowercase())
                .collect();
            let chars = squashed.iter().map(|&b| char::from(b));
            (Bigrams::of(chars, squashed.len(), &mut vocab.bigrams), squashed.len())
        } else {
            let lower = c.text.to_lowercase();
            let squashed = lower.chars().filter(|c| !c.is_whitespace());
            let squashed_len = squashed.clone().map(char::len_utf8).sum();
            (Bigrams::of(squashed, squashed_len, &mut vocab.bigrams), squashed_len)
        };
        Features {
            terms,
            entities,
            numbers,
            keys,
            senses,
            bigrams,
            squashed_len,
            term_weight: 0.0,
        }
    }

    /// Record the summed IDF of the terms (each pair's overlap needs it on both sides).
    pub fn weigh(&mut self, idx: &Index) {
        self.term_weight = self.terms.iter().map(|&t| idx.idf(t)).sum::<f64>();
    }
}

/// Sørensen–Dice similarity of character bigrams, the same value as
/// `strsim::sorensen_dice` on the two texts, from bigrams computed once per
/// claim: strsim rebuilds a hash map per call, and alignment scores thousands
/// of pairs per story.
pub fn dice(a: &Features, b: &Features) -> f64 {
    if a.squashed_len == b.squashed_len && a.bigrams.same(&b.bigrams) {
        return 1.0;
    }
    // A text of fewer than two bytes (whitespace aside) has no bigram. Two texts are equal word
    // for word exactly when they are equal without whitespace, i.e. when the test above held;
    // otherwise they share nothing.
    if a.squashed_len < 2 || b.squashed_len < 2 {
        return 0.0;
    }
    let inter = a.bigrams.shared(&b.bigrams);
    ((2 * inter) as f64 / (a.squashed_len + b.squashed_len - 2) as f64).min(1.0)
}

/// Ids in both sorted lists, in order (a merge: scored pairs are many, so nothing is allocated).
fn shared_ids<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let mut j = 0;
    a.iter().copied().filter(move |&x| {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        j < b.len() && b[j] == x
    })
}

/// An upper bound of [`dice`] from the sizes alone (at best every bigram of the shorter text is
/// shared), so that pairs which cannot reach a threshold skip the bigram merge.
pub fn dice_bound(a: &Features, b: &Features) -> f64 {
    if a.squashed_len < 2 || b.squashed_len < 2 || a.bigrams.len() == b.bigrams.len() {
        return 1.0;
    }
    let most = a.bigrams.len().min(b.bigrams.len());
    ((2 * most) as f64 / (a.squashed_len + b.squashed_len - 2) as f64).min(1.0)
}

/// The index reads a claim's keys.
impl AsRef<[u32]> for Features {
    fn as_ref(&self) -> &[u32] {
        &self.keys
    }
}

fn shared(a: &[u32], b: &[u32]) -> Vec<u32> {
    shared_ids(a, b).collect()
}

fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let inter = shared_ids(a, b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// IDF-weighted overlap of content terms (0..=1); cheap, so it gates the rest.
/// Both sides must have been [weighed](Features::weigh) with `idx`.
pub fn term_overlap(a: &Features, b: &Features, idx: &Index) -> f64 {
    let inter: f64 = shared_ids(&a.terms, &b.terms).map(|t| idx.idf(t)).sum();
    let union = a.term_weight + b.term_weight - inter;
    if union > 0.0 {
        inter / union
    } else {
        0.0
    }
}

/// Raw counts and weights of one candidate pair, from which the aligner's features are made.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PairStats {
    /// Summed IDF of the shared terms, and of each side's terms.
    pub shared_weight: f64,
    /// Summed IDF of the first claim's terms.
    pub weight_a: f64,
    /// Summed IDF of the second claim's terms.
    pub weight_b: f64,
    /// Shared terms, and each side's terms.
    pub shared_terms: usize,
    /// Number of the first claim's terms.
    pub terms_a: usize,
    /// Number of the second claim's terms.
    pub terms_b: usize,
    /// IDF of the rarest shared term (0 when none), and the IDF of a term only one claim has.
    pub rarest_shared: f64,
    /// The IDF of a term only one claim has.
    pub max_idf: f64,
    /// Canonical entities of the first claim.
    pub entities_a: usize,
    /// Canonical entities of the second claim.
    pub entities_b: usize,
    /// Canonical entities the two share.
    pub shared_entities: usize,
    /// Numbers of the first claim.
    pub numbers_a: usize,
    /// Numbers of the second claim.
    pub numbers_b: usize,
    /// Numbers the two share.
    pub shared_numbers: usize,
    /// Character-bigram similarity (Sørensen–Dice over the two sentences).
    pub dice: f64,
    /// Terms of either claim that the other lacks but has a synonym or derivation of (WordNet):
    /// how many (a matched pair counts as one shared term in the weight below).
    pub synonym_terms: usize,
    /// The summed IDF of those terms, halved.
    pub synonym_weight: f64,
    /// How many of those terms are the first claim's.
    pub synonyms_a: usize,
}

/// A term at most this share of a story's claims hold (or two claims) is rare in it: synonyms
/// count for a pair only beside a shared term that rare ([`pair_stats`]).
pub const RARE_SHARE: f64 = 0.05;

/// ... or when the shared terms cover at least this much of the shorter claim's IDF weight.
pub const EARNED_COVER: f64 = 0.5;

/// Most terms of one claim that [`synonyms`] matches.
const MAX_SYNONYMS: usize = 16;

/// The terms of `a` and of `b` that the other claim lacks but shares a WordNet sense with
/// (each term once): (count of terms on both sides, of them on `a`'s side, their summed IDF halved).
fn synonyms(a: &Features, b: &Features, idx: &Index) -> (usize, usize, f64) {
    let (mut from_a, mut from_b) = ([0u32; MAX_SYNONYMS], [0u32; MAX_SYNONYMS]);
    let (mut na, mut nb) = (0, 0);
    let push = |list: &mut [u32; MAX_SYNONYMS], n: &mut usize, t: u32| {
        if *n < MAX_SYNONYMS && !list[..*n].contains(&t) {
            list[*n] = t;
            *n += 1;
        }
    };
    let (mut i, mut j) = (0, 0);
    while i < a.senses.len() && j < b.senses.len() {
        let (sa, sb) = (a.senses[i].0, b.senses[j].0);
        if sa < sb {
            i += 1;
        } else if sb < sa {
            j += 1;
        } else {
            // Every term of `a` with this sense against every term of `b` with it.
            let end_a = i + a.senses[i..].iter().take_while(|x| x.0 == sa).count();
            let end_b = j + b.senses[j..].iter().take_while(|x| x.0 == sa).count();
            for &(_, ta) in &a.senses[i..end_a] {
                for &(_, tb) in &b.senses[j..end_b] {
                    if ta != tb && b.terms.binary_search(&ta).is_err() && a.terms.binary_search(&tb).is_err() {
                        push(&mut from_a, &mut na, ta);
                        push(&mut from_b, &mut nb, tb);
                    }
                }
            }
            (i, j) = (end_a, end_b);
        }
    }
    let weight: f64 = from_a[..na].iter().chain(&from_b[..nb]).map(|&t| idx.idf(t)).sum();
    (na + nb, na, weight / 2.0)
}

/// The [`PairStats`] of two weighed claims, except the character similarity, which is left at 0
/// (the costly one: see [`super::model::AlignModel::bound`]).
pub fn pair_stats(a: &Features, b: &Features, idx: &Index) -> PairStats {
    let (mut shared_weight, mut rarest_shared, mut shared_terms) = (0.0, 0.0f64, 0);
    for t in shared_ids(&a.terms, &b.terms) {
        let w = idx.idf(t);
        shared_weight += w;
        rarest_shared = rarest_shared.max(w);
        shared_terms += 1;
    }
    // WordNet senses stand in for words only beside a word the pair shares that is rare in the
    // story, or when the shared words already cover much of the shorter claim: two sentences
    // that share only a story's topic words always have some words of related sense.
    let covered = shared_weight / a.term_weight.min(b.term_weight).max(f64::MIN_POSITIVE);
    let earned = rarest_shared >= idx.rare_idf(RARE_SHARE) || covered >= EARNED_COVER;
    let (synonym_terms, synonyms_a, synonym_weight) = if earned { synonyms(a, b, idx) } else { (0, 0, 0.0) };
    PairStats {
        shared_weight,
        weight_a: a.term_weight,
        weight_b: b.term_weight,
        shared_terms,
        terms_a: a.terms.len(),
        terms_b: b.terms.len(),
        rarest_shared,
        max_idf: idx.max_idf(),
        entities_a: a.entities.len(),
        entities_b: b.entities.len(),
        shared_entities: shared_ids(&a.entities, &b.entities).count(),
        numbers_a: a.numbers.len(),
        numbers_b: b.numbers.len(),
        shared_numbers: shared_ids(&a.numbers, &b.numbers).count(),
        dice: 0.0,
        synonym_terms,
        synonym_weight,
        synonyms_a,
    }
}

/// The named features of a pair; the character similarity is left at 0 for the caller to fill in.
pub fn compare(a: &Features, b: &Features, vocab: &Vocabulary, term_overlap: f64) -> AlignFeatures {
    let names = |ids: Vec<u32>| ids.into_iter().map(|id| vocab.name(id)).collect();
    AlignFeatures {
        term_overlap: round3(term_overlap),
        text_similarity: 0.0,
        entity_overlap: round3(jaccard(&a.entities, &b.entities)),
        number_overlap: round3(jaccard(&a.numbers, &b.numbers)),
        shared_terms: names(shared(&a.terms, &b.terms)),
        shared_entities: names(shared(&a.entities, &b.entities)),
        shared_numbers: names(shared(&a.numbers, &b.numbers)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tokens::content_terms;
    use crate::lexicon::Lexicon;
    use crate::{Config, Document};

    #[test]
    fn dice_equals_strsim() {
        let texts = [
            "Japan openly supported India's stance against Pakistan.",
            "Japan urged both India and Pakistan to hold dialogue.",
            "Kessaria opened the floodgates of the Tovan Dam on 3 March 2026.",
            "Kessaria opened the floodgates of the Tovan Dam on 4 March 2026.",
            "Café owners in Zürich said prices rose, “sharply”, this year.",
            "Flood waters 🌊 rose along the Marin river on Monday, 🌊 officials said.",
            "Rescue\tteams reached  Esk\u{b}by boat on Monday, OFFICIALS said.",
        ];
        let lex = Lexicon::get();
        let mut vocab = Vocabulary::default();
        let feats: Vec<(String, Features)> = texts
            .iter()
            .map(|t| {
                let claims = crate::extract_claims(&Document::new("d", *t), &Config::default()).unwrap_or_default();
                let f = Features::of(&claims[0], &content_terms(lex, &claims[0].text), &mut vocab);
                (claims[0].text.to_lowercase(), f)
            })
            .collect();
        for (la, a) in &feats {
            for (lb, b) in &feats {
                let expected = strsim::sorensen_dice(la, lb);
                assert!((dice(a, b) - expected).abs() < 1e-9, "{la} / {lb}");
            }
        }
    }
}
