//! Candidate blocking: an inverted index from interned keys (stems, entities,
//! numbers) to the claims that contain them. Keys that occur in too many claims
//! carry little information and are not used to propose candidates.

use crate::Config;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Interned keys: each distinct key string gets a dense id.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// One map per kind of key (term, entity, number), so equal strings of different kinds differ.
    ids: [FxHashMap<Arc<str>, u32>; 3],
    /// Each id's key, shared with the alignments that name it.
    pub keys: Vec<Arc<str>>,
}

/// The kinds of index key.
#[derive(Clone, Copy, Debug)]
pub enum KeyKind {
    Term = 0,
    Entity = 1,
    Number = 2,
}

impl Vocabulary {
    pub fn intern(&mut self, kind: KeyKind, key: &str) -> u32 {
        let map = &mut self.ids[kind as usize];
        if let Some(&id) = map.get(key) {
            return id;
        }
        let id = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        let key: Arc<str> = Arc::from(key);
        map.insert(Arc::clone(&key), id);
        self.keys.push(key);
        id
    }
    /// The key of `id` (empty for an unknown id).
    pub fn name(&self, id: u32) -> Arc<str> {
        self.keys.get(id as usize).map_or_else(|| Arc::from(""), Arc::clone)
    }
}

#[derive(Debug, Default)]
pub struct Index {
    postings: Vec<Vec<u32>>,
    idf: Vec<f64>,
    claims: usize,
}

impl Index {
    /// Build from each claim's sorted key ids.
    pub fn build<K: AsRef<[u32]>>(keys_per_claim: &[K], vocabulary_size: usize) -> Index {
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocabulary_size];
        for (i, keys) in keys_per_claim.iter().map(AsRef::as_ref).enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            for &k in keys {
                postings[k as usize].push(i);
            }
        }
        let n = keys_per_claim.len() as f64;
        let idf = postings
            .iter()
            .map(|p| ((n + 1.0) / (p.len() as f64 + 1.0)).ln() + 1.0)
            .collect();
        Index {
            postings,
            idf,
            claims: keys_per_claim.len(),
        }
    }

    /// Inverse document frequency of a key (over claims).
    pub fn idf(&self, key: u32) -> f64 {
        self.idf.get(key as usize).copied().unwrap_or(1.0)
    }

    /// Pairs (i < j) that share at least `min_shared_features` selective keys.
    pub fn candidates<K: AsRef<[u32]>>(&self, keys_per_claim: &[K], config: &Config) -> Vec<(usize, usize)> {
        let max_df =
            ((self.claims as f64 * config.max_term_share).ceil() as usize).clamp(8, config.max_postings.max(8));
        let mut out = Vec::new();
        let mut counts = vec![0u32; self.claims];
        let mut touched: Vec<usize> = Vec::new();
        for (i, keys) in keys_per_claim.iter().map(AsRef::as_ref).enumerate() {
            for &k in keys {
                let list = &self.postings[k as usize];
                if list.len() > max_df {
                    continue;
                }
                // Postings are sorted: only look forward.
                let from = list.partition_point(|&j| j as usize <= i);
                for &j in &list[from..] {
                    let j = j as usize;
                    if counts[j] == 0 {
                        touched.push(j);
                    }
                    counts[j] += 1;
                }
            }
            touched.sort_unstable();
            for &j in &touched {
                if counts[j] as usize >= config.min_shared_features {
                    out.push((i, j));
                }
                counts[j] = 0;
            }
            touched.clear();
        }
        out
    }
}
