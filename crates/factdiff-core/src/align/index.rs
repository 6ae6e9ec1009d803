//! Candidate blocking: an inverted index from keys (stems, entities, numbers)
//! to the claims that contain them. Keys that occur in too many claims carry
//! little information and are not used to propose candidates.

use super::similarity::Features;
use crate::Config;
use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct Index {
    postings: HashMap<String, Vec<usize>>,
    claims: usize,
}

impl Index {
    pub fn build(features: &[Features], _config: &Config) -> Index {
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in features.iter().enumerate() {
            for key in f.keys() {
                postings.entry(key).or_default().push(i);
            }
        }
        Index {
            postings,
            claims: features.len(),
        }
    }

    /// Inverse document frequency of a key (over claims).
    pub fn idf(&self, key: &str) -> f64 {
        let df = self.postings.get(key).map_or(0, Vec::len);
        ((self.claims as f64 + 1.0) / (df as f64 + 1.0)).ln() + 1.0
    }

    /// Pairs (i < j) that share at least `min_shared_features` selective keys.
    pub fn candidates(&self, features: &[Features], config: &Config) -> Vec<(usize, usize)> {
        let max_df = ((self.claims as f64 * config.max_term_share).ceil() as usize).max(8);
        let mut out = Vec::new();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for (i, f) in features.iter().enumerate() {
            counts.clear();
            for key in f.keys() {
                let Some(list) = self.postings.get(&key) else { continue };
                if list.len() > max_df {
                    continue;
                }
                // Postings are sorted: only look forward.
                let from = list.partition_point(|&j| j <= i);
                for &j in &list[from..] {
                    *counts.entry(j).or_default() += 1;
                }
            }
            let mut js: Vec<usize> = counts
                .iter()
                .filter(|(_, &n)| n >= config.min_shared_features)
                .map(|(&j, _)| j)
                .collect();
            js.sort_unstable();
            out.extend(js.into_iter().map(|j| (i, j)));
        }
        out
    }
}
