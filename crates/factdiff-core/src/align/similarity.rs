//! Similarity of two claims from named features: IDF-weighted overlap of
//! content stems, character-bigram similarity (strsim), and the share of
//! canonical entities and numbers they have in common.

use super::index::Index;
use super::round3;
use crate::analyze::tokens::content_terms;
use crate::lexicon::Lexicon;
use crate::{AlignFeatures, Claim};
use itertools::Itertools;

/// What one claim contributes to alignment.
#[derive(Clone, Debug, Default)]
pub struct Features {
    pub terms: Vec<String>,
    pub entities: Vec<String>,
    pub numbers: Vec<String>,
}

impl Features {
    pub fn of(lex: &Lexicon, c: &Claim) -> Features {
        let entities = c
            .entities
            .iter()
            .map(|e| e.canonical.clone())
            .sorted()
            .dedup()
            .collect();
        let numbers = c
            .quantities
            .iter()
            .map(|q| format!("{}", q.value))
            .sorted()
            .dedup()
            .collect();
        Features {
            terms: content_terms(lex, &c.text),
            entities,
            numbers,
        }
    }

    /// Index keys, each prefixed by its kind.
    pub fn keys(&self) -> impl Iterator<Item = String> + '_ {
        self.terms
            .iter()
            .map(|t| format!("t:{t}"))
            .chain(self.entities.iter().map(|e| format!("e:{e}")))
            .chain(self.numbers.iter().map(|n| format!("n:{n}")))
    }
}

fn shared<'a>(a: &'a [String], b: &[String]) -> Vec<&'a String> {
    a.iter().filter(|x| b.binary_search(x).is_ok()).collect()
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    let inter = shared(a, b).len();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// The named features of a pair.
pub fn compare(a: &Features, b: &Features, idx: &Index, text_a: &str, text_b: &str) -> AlignFeatures {
    let common = shared(&a.terms, &b.terms);
    let w = |terms: &[String]| terms.iter().map(|t| idx.idf(&format!("t:{t}"))).sum::<f64>();
    let inter: f64 = common.iter().map(|t| idx.idf(&format!("t:{t}"))).sum();
    let union = w(&a.terms) + w(&b.terms) - inter;
    let term_overlap = if union > 0.0 { inter / union } else { 0.0 };
    AlignFeatures {
        term_overlap: round3(term_overlap),
        text_similarity: round3(strsim::sorensen_dice(&text_a.to_lowercase(), &text_b.to_lowercase())),
        entity_overlap: round3(jaccard(&a.entities, &b.entities)),
        number_overlap: round3(jaccard(&a.numbers, &b.numbers)),
        shared_terms: common.into_iter().cloned().collect(),
        shared_entities: shared(&a.entities, &b.entities).into_iter().cloned().collect(),
        shared_numbers: shared(&a.numbers, &b.numbers).into_iter().cloned().collect(),
    }
}

/// One score from the features; entity and number weights apply only when either side has some.
pub fn score(f: &AlignFeatures) -> f64 {
    // Character bigrams overlap a lot even between unrelated sentences: only the excess counts.
    let text = ((f.text_similarity - 0.3) / 0.7).max(0.0);
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
