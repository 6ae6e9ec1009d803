//! Keep only mutual best matches: a claim aligns, in each other document, with the claim that
//! matches it best there, and only when it is that claim's best match in its own document too.
//!
//! A story's claims share its topic words, so a claim resembles many claims of another source a
//! little; pairing each claim with its one counterpart per source (as a reader lines two articles
//! up) keeps the pairs that state the same fact and stops clusters chaining a whole topic
//! together. A one-sentence document (a headline) still gets its best match in every source.

use crate::Claim;
use rustc_hash::FxHashMap;

/// The pairs of `pairs` whose claim indices into `claims` (from different documents) and score
/// are `key(pair)` that are, for both claims, the best-scoring pair with the other claim's
/// document (ties all kept). Order is kept.
pub fn mutual_best<T>(claims: &[Claim], mut pairs: Vec<T>, key: impl Fn(&T) -> (usize, usize, f64)) -> Vec<T> {
    let mut doc_index: FxHashMap<&str, u32> = FxHashMap::default();
    let docs: Vec<u32> = claims
        .iter()
        .map(|c| {
            let n = doc_index.len() as u32;
            *doc_index.entry(&*c.doc).or_insert(n)
        })
        .collect();
    // The best score of each (claim, other document): a sorted list rather than a hash map (a
    // story of 60 sources has a million of them, and a map's buckets were its alignment's peak).
    let mut best: Vec<(u32, u32, f64)> = Vec::with_capacity(2 * pairs.len());
    for p in &pairs {
        let (i, j, score) = key(p);
        best.push((i as u32, docs[j], score));
        best.push((j as u32, docs[i], score));
    }
    best.sort_unstable_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(y.2.total_cmp(&x.2)));
    best.dedup_by_key(|e| (e.0, e.1));
    best.shrink_to_fit();
    let is_best = |a: usize, b: usize, score: f64| {
        let key = (a as u32, docs[b]);
        best.binary_search_by(|e| (e.0, e.1).cmp(&key))
            .is_ok_and(|k| score >= best[k].2)
    };
    pairs.retain(|p| {
        let (i, j, score) = key(p);
        is_best(i, j, score) && is_best(j, i, score)
    });
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document};

    /// A one-sentence headline `h`, a three-sentence body `b` and a one-sentence body `c`.
    fn claims() -> Vec<Claim> {
        let docs = [
            ("h", "The council approved the new bridge over the river on Monday."),
            (
                "b",
                "The council approved the new bridge on Monday. The bridge will cost the town 3 million dollars. The river floods the valley every spring.",
            ),
            ("c", "The town council voted for the bridge on Monday."),
        ];
        let claims: Vec<Claim> = docs
            .iter()
            .flat_map(|(id, text)| {
                crate::extract_claims(&Document::new(*id, *text), &Config::default()).unwrap_or_default()
            })
            .collect();
        let ids: Vec<&str> = claims.iter().map(|c| &*c.id).collect();
        assert_eq!(ids, ["h#0", "b#0", "b#1", "b#2", "c#0"]);
        claims
    }

    fn kept(claims: &[Claim], pairs: &[(usize, usize, f64)]) -> Vec<(usize, usize)> {
        mutual_best(claims, pairs.to_vec(), |&p| p)
            .into_iter()
            .map(|(i, j, _)| (i, j))
            .collect()
    }

    #[test]
    fn each_claim_keeps_its_mutual_best_counterpart_per_document() {
        let c = claims();
        // h#0's second-best match in b (b#1) goes; b#2–c#0 loses to b#0–c#0 on c#0's side.
        let pairs = [(0, 1, 0.9), (0, 2, 0.6), (0, 4, 0.7), (3, 4, 0.55), (1, 4, 0.8)];
        assert_eq!(kept(&c, &pairs), [(0, 1), (0, 4), (1, 4)]);
        // Without its better rival, b#2–c#0 stays: c#0's best in b, b#2's best in c.
        assert_eq!(kept(&c, &[(3, 4, 0.55)]), [(3, 4)]);
    }

    #[test]
    fn ties_are_all_kept() {
        let c = claims();
        assert_eq!(kept(&c, &[(0, 1, 0.7), (0, 2, 0.7)]), [(0, 1), (0, 2)]);
    }
}
