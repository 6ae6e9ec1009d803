//! Similarity of two claims from named features: IDF-weighted overlap of
//! content stems, character-bigram similarity (strsim), and the share of
//! canonical entities and numbers they have in common.

use super::bigrams::Bigrams;
use super::index::{Index, KeyKind, Vocabulary};
use super::round3;
use crate::{AlignFeatures, Claim};
use std::sync::Arc;

/// What one claim contributes to alignment: sorted, interned key ids by kind.
#[derive(Clone, Debug, Default)]
pub struct Features {
    pub terms: Vec<u32>,
    pub entities: Vec<u32>,
    pub numbers: Vec<u32>,
    /// All keys, sorted (for the index).
    pub keys: Vec<u32>,
    /// Sorted character bigrams of the lower-cased text without whitespace, for [`dice`].
    pub bigrams: Bigrams,
    /// Bytes of the lower-cased text without whitespace.
    pub squashed_len: usize,
    /// Summed IDF of `terms`: set by [`Features::weigh`] once the index is built, for [`term_overlap`].
    pub term_weight: f64,
}

impl Features {
    /// Features of claim `c`, whose content terms ([`crate::analyze::tokens::content_terms`]) are `terms`.
    pub fn of(c: &Claim, terms: &[Arc<str>], vocab: &mut Vocabulary) -> Features {
        let mut ids = |kind: KeyKind, keys: &mut dyn Iterator<Item = &str>| {
            let mut v: Vec<u32> = keys.map(|k| vocab.intern(kind, k)).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let terms = ids(KeyKind::Term, &mut terms.iter().map(|t| &**t));
        let entities = ids(KeyKind::Entity, &mut c.entities.iter().map(|e| e.canonical.as_str()));
        let values: Vec<String> = c.quantities.iter().map(|q| q.value.to_string()).collect();
        let numbers = ids(KeyKind::Number, &mut values.iter().map(String::as_str));
        let mut keys: Vec<u32> = terms.iter().chain(&entities).chain(&numbers).copied().collect();
        keys.sort_unstable();
        let lower = c.text.to_lowercase();
        let squashed = lower.chars().filter(|c| !c.is_whitespace());
        let squashed_len = squashed.clone().map(char::len_utf8).sum();
        let bigrams = Bigrams::of(squashed);
        Features {
            terms,
            entities,
            numbers,
            keys,
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

/// The named features of a pair, except the character similarity (see [`with_text_similarity`]).
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

/// Fill in the character-bigram similarity (the costly feature, computed last).
pub fn with_text_similarity(mut f: AlignFeatures, a: &Features, b: &Features) -> AlignFeatures {
    f.text_similarity = round3(dice(a, b));
    f
}

/// The best score these features could reach whatever the character similarity.
pub fn score_bound(f: &AlignFeatures) -> f64 {
    score_with_text(f, 1.0)
}

/// The best score these features could reach with the character similarity of `a` and `b`
/// at most [`dice_bound`].
pub fn score_bound_for(f: &AlignFeatures, a: &Features, b: &Features) -> f64 {
    score_with_text(f, round3(dice_bound(a, b)))
}

/// One score from the features; entity and number weights apply only when either side has some.
pub fn score(f: &AlignFeatures) -> f64 {
    score_with_text(f, f.text_similarity)
}

/// [`score`] with `text_similarity` in place of the features' own.
fn score_with_text(f: &AlignFeatures, text_similarity: f64) -> f64 {
    // Character bigrams overlap a lot even between unrelated sentences: only the excess counts.
    let text = ((text_similarity - 0.3) / 0.7).max(0.0);
    let mut total = 0.6 * f.term_overlap + 0.2 * text;
    let mut weight = 0.8;
    if f.entity_overlap > 0.0 || !f.shared_entities.is_empty() {
        total += 0.2 * f.entity_overlap;
        weight += 0.2;
    }
    if f.number_overlap > 0.0 {
        total += 0.1 * f.number_overlap;
        weight += 0.1;
    }
    total / weight
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
