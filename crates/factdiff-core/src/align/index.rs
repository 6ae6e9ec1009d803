//! Candidate blocking: an inverted index from interned keys (stems, entities,
//! numbers) to the claims that contain them. Keys that occur in too many claims
//! carry little information and are not used to propose candidates, so that
//! no claim is compared with every other one.
//!
//! That must not leave a claim with nothing to be compared with: a claim with
//! fewer selective keys than a pair must share (nine reports of "Ana Silva said
//! N people were hurt in Paris on Monday.", the same headline in twelve
//! outlets, one templated story in 65 outlets) is compared with the claims
//! nearest to it in the postings of its rarest key, at most `max_postings` of
//! them, that look like the same fact told again (enough keys of any kind in
//! common). What that budget leaves out is counted, for the report to say.

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
    /// Each id's WordNet senses ([`crate::lexicon::synonyms`]), looked up once per distinct term
    /// (empty for entities and numbers).
    senses: Vec<&'static [u32]>,
    /// The ids of the character bigrams of the claims' texts (a numbering of their own).
    pub bigrams: super::bigrams::BigramIds,
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
        self.senses.push(match kind {
            KeyKind::Term => crate::lexicon::synonyms::sense_list(key),
            KeyKind::Entity | KeyKind::Number => &[],
        });
        let key: Arc<str> = Arc::from(key);
        map.insert(Arc::clone(&key), id);
        self.keys.push(key);
        id
    }

    /// The WordNet senses of term `id` (none for other keys and unknown ids).
    pub fn senses(&self, id: u32) -> &'static [u32] {
        self.senses.get(id as usize).copied().unwrap_or_default()
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

    /// The IDF of a key that `share` of the claims hold, or two claims if that is more: the
    /// least IDF of a key that is rare in the story.
    pub fn rare_idf(&self, share: f64) -> f64 {
        let most = (self.claims as f64 * share).max(2.0);
        ((self.claims as f64 + 1.0) / (most + 1.0)).ln() + 1.0
    }

    /// The IDF of a key only one claim has (the largest there is).
    pub fn max_idf(&self) -> f64 {
        ((self.claims as f64 + 1.0) / 2.0).ln() + 1.0
    }

    /// Pairs (i < j), in order, that share at least `min_shared_features` selective keys (those in
    /// at most `max_postings` claims and at most `max_term_share` of them); and, for each claim
    /// with fewer selective keys than that, the claims among the nearest [`Fallback::budget`] in
    /// the postings of its rarest key that are [`alike`] it.
    pub fn candidates<K: AsRef<[u32]>>(&self, keys_per_claim: &[K], config: &Config) -> Candidates {
        let max_df = self.max_df(config);
        let mut out = Vec::new();
        let mut counts = vec![0u32; self.claims];
        let mut touched: Vec<usize> = Vec::new();
        // Claims with too few selective keys to share with anyone, and their rarest key.
        let mut stranded: Vec<(usize, u32)> = Vec::new();
        for (i, keys) in keys_per_claim.iter().map(AsRef::as_ref).enumerate() {
            let mut selective = 0;
            let mut rarest: Option<(usize, u32)> = None;
            for &k in keys {
                let list = &self.postings[k as usize];
                if list.len() > max_df {
                    if rarest.is_none_or(|r| (list.len(), k) < r) {
                        rarest = Some((list.len(), k));
                    }
                    continue;
                }
                selective += 1;
                // Postings are sorted: only look forward.
                let from = list.partition_point(|&j| j as usize <= i);
                for &j in &list[from..] {
                    if counts[j as usize] == 0 {
                        touched.push(j as usize);
                    }
                    counts[j as usize] += 1;
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
            if let Some((_, k)) = rarest.filter(|_| selective < config.min_shared_features) {
                stranded.push((i, k));
            }
        }
        let fallback = self.fallback(keys_per_claim, &stranded, config, &mut out);
        Candidates { pairs: out, fallback }
    }

    /// Compare each stranded claim with the claims nearest to it in the postings of its rarest
    /// key (both sides): as many as the budget allows, up to `max_postings`. The budget is
    /// [`FALLBACK_COMPARISONS`] spread over the stranded claims, at least two each, so that their
    /// comparisons (and the alignments and findings that come of them) stay linear in the input.
    /// A claim whose rarest key is in more than [`FALLBACK_MAX_POSTINGS`] claims is compared with
    /// none: a word that common says nothing about which claims tell the same fact. Pairs are
    /// added to `out`, which is kept sorted and without repeats.
    fn fallback<K: AsRef<[u32]>>(
        &self,
        keys_per_claim: &[K],
        stranded: &[(usize, u32)],
        config: &Config,
        out: &mut Vec<(usize, usize)>,
    ) -> Fallback {
        let rare_enough = |k: u32| self.postings[k as usize].len() <= FALLBACK_MAX_POSTINGS;
        let compared = stranded.iter().filter(|&&(_, k)| rare_enough(k)).count();
        let budget = (FALLBACK_COMPARISONS / compared.max(1)).clamp(2, config.max_postings.max(8));
        let mut fallback = Fallback {
            claims: compared,
            uncompared: stranded.len() - compared,
            budget,
            left_out: 0,
        };
        let before = out.len();
        for &(i, k) in stranded.iter().filter(|&&(_, k)| rare_enough(k)) {
            let list = &self.postings[k as usize];
            let at = list.partition_point(|&j| (j as usize) < i);
            let start = at.saturating_sub(budget / 2).min(list.len().saturating_sub(budget + 1));
            let window = &list[start..(start + budget + 1).min(list.len())];
            fallback.left_out += list.len() - window.len();
            let keys = keys_per_claim[i].as_ref();
            for &j in window {
                let j = j as usize;
                if j != i && alike(keys, keys_per_claim[j].as_ref(), config.min_shared_features) {
                    out.push((i.min(j), i.max(j)));
                }
            }
        }
        if out.len() > before {
            out.sort_unstable();
            out.dedup();
        }
        fallback
    }

    /// The most claims a key may be in and still propose candidates on its own.
    fn max_df(&self, config: &Config) -> usize {
        ((self.claims as f64 * config.max_term_share).ceil() as usize).clamp(8, config.max_postings.max(8))
    }
}

/// Whether two claims that share only common keys still look like one fact told twice: they share
/// at least `min_shared` keys and at least half of the keys of the one with more (two long claims
/// that share a few common words are not compared).
fn alike(a: &[u32], b: &[u32], min_shared: usize) -> bool {
    shared(a, b) >= min_shared.max(a.len().max(b.len()).div_ceil(2))
}

/// How many keys two sorted key lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut x, mut y, mut n) = (0, 0, 0);
    while let (Some(p), Some(q)) = (a.get(x), b.get(y)) {
        match p.cmp(q) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                x += 1;
                y += 1;
            }
        }
    }
    n
}

/// How many comparisons the fallback may make in all, spread over the claims that need it: enough
/// for 1,024 claims to be compared with 64 others each (a story of 16 sentences told in the same
/// words by 65 outlets, the same as the selective keys do at 64 outlets), fewer each beyond that,
/// at least 2, so linear in the claims.
pub const FALLBACK_COMPARISONS: usize = 65_536;

/// The fallback reads a claim's rarest key only when that key is in at most this many claims.
pub const FALLBACK_MAX_POSTINGS: usize = 512;

/// Candidate pairs, and what the fallback for claims without selective keys left out.
#[derive(Debug, Default)]
pub struct Candidates {
    /// Pairs (i < j), sorted.
    pub pairs: Vec<(usize, usize)>,
    pub fallback: Fallback,
}

/// Claims with fewer selective keys than a pair must share are compared only with claims near
/// them (by position, so in input order) in the postings of their rarest key: `budget` each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fallback {
    /// How many claims went through the fallback.
    pub claims: usize,
    /// How many claims needed it but were compared with none: even their rarest key is in more
    /// than [`FALLBACK_MAX_POSTINGS`] claims.
    pub uncompared: usize,
    /// For each of them, the claims sharing its rarest key beyond the budget, summed: comparisons
    /// left out although the claims share a key.
    pub left_out: usize,
    /// How many claims each was compared with this way: [`FALLBACK_COMPARISONS`] shared among
    /// them, at least 2 and at most `max_postings`.
    pub budget: usize,
}

impl Fallback {
    /// What the fallback left out, in words, for the report's warnings: nothing when every claim
    /// that needed it was compared with every claim sharing its rarest key.
    pub fn warnings(&self) -> Vec<String> {
        let claims = |n: usize| {
            if n == 1 {
                "1 claim".to_string()
            } else {
                format!("{n} claims")
            }
        };
        let mut out = Vec::new();
        if self.left_out > 0 {
            out.push(format!(
                "compared only with the {} nearest claims sharing their rarest word, name or number: {} with \
                 too few uncommon ones to be paired otherwise ({} comparisons left out)",
                self.budget,
                claims(self.claims),
                self.left_out
            ));
        }
        if self.uncompared > 0 {
            out.push(format!(
                "not compared with any other claim: {} with too few uncommon words, names and numbers, \
                 whose rarest is in more than {FALLBACK_MAX_POSTINGS} claims",
                claims(self.uncompared)
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Candidates of claims given as key lists (keys are small integers).
    fn blocks(claims: &[Vec<u32>], config: &Config) -> Candidates {
        let size = claims.iter().flatten().max().map_or(0, |&k| k as usize + 1);
        Index::build(claims, size).candidates(claims, config)
    }

    #[test]
    fn selective_keys_propose_pairs_and_common_ones_do_not() {
        // Key 0 is in every one of 20 claims (over half); keys 1 and 2 pair claims 0 and 1.
        let mut claims: Vec<Vec<u32>> = (0..20).map(|i| vec![0, 10 + i, 40 + i]).collect();
        claims[0] = vec![0, 1, 2];
        claims[1] = vec![0, 1, 2];
        let c = blocks(&claims, &Config::default());
        assert_eq!(c.pairs, [(0, 1)]);
        assert_eq!(
            c.fallback,
            Fallback {
                claims: 0,
                uncompared: 0,
                left_out: 0,
                budget: 64
            }
        );
    }

    #[test]
    fn claims_with_only_common_keys_fall_back_to_their_rarest_keys() {
        // Nine claims alike but for one number: every shared key is in all nine (over half).
        let claims: Vec<Vec<u32>> = (0..9).map(|i| vec![0, 1, 2, 3, 4, 100 + i]).collect();
        let c = blocks(&claims, &Config::default());
        let all: Vec<(usize, usize)> = (0..9).flat_map(|i| (i + 1..9).map(move |j| (i, j))).collect();
        assert_eq!(c.pairs, all);
        assert_eq!(c.fallback.claims, 9);
        assert_eq!(c.fallback.left_out, 0);
    }

    #[test]
    fn the_fallback_is_bounded_and_counts_what_it_leaves_out() {
        let config = Config::default();
        for n in [9usize, 20, 64, 65, 66, 200, 512, 513, 10_000] {
            // Every claim has the same two keys, so both are over the limit.
            let claims: Vec<Vec<u32>> = (0..n).map(|_| vec![0, 1]).collect();
            let c = blocks(&claims, &config);
            if n > FALLBACK_MAX_POSTINGS {
                // Words in that many claims tell nothing apart: no comparison, and it is said.
                assert!(c.pairs.is_empty(), "{n}");
                assert_eq!((c.fallback.claims, c.fallback.uncompared), (0, n), "{n}");
                continue;
            }
            let budget = c.fallback.budget;
            assert_eq!(budget, (FALLBACK_COMPARISONS / n).clamp(2, config.max_postings), "{n}");
            // Each claim is compared with its `budget` nearest claims, and with those that have it
            // among theirs: never with more than twice the budget.
            let mut partners = vec![0usize; n];
            for &(i, j) in &c.pairs {
                assert!(i < j);
                partners[i] += 1;
                partners[j] += 1;
            }
            let others = (n - 1).min(budget);
            assert!(partners.iter().all(|&p| p >= others && p <= 2 * budget), "{n}");
            assert_eq!(c.pairs.len() == n * (n - 1) / 2, n <= budget + 1, "{n}");
            assert!(
                c.pairs.len() <= FALLBACK_COMPARISONS.max(2 * n),
                "{n}: {}",
                c.pairs.len()
            );
            assert_eq!((c.fallback.claims, c.fallback.uncompared), (n, 0), "{n}");
            assert_eq!(c.fallback.left_out, n * (n - 1 - others), "{n}");
        }
    }

    #[test]
    fn the_fallback_keeps_to_the_rarest_key() {
        // Two events told in the same words by 70 outlets: the place (key 10 or 11) is in 70
        // claims, the shared words (keys 0, 1, 2) in all 140. A claim is compared only with claims
        // of its own event, which share the place.
        let claims: Vec<Vec<u32>> = (0..140).map(|i| vec![0, 1, 2, 10 + (i % 2) as u32]).collect();
        let c = blocks(&claims, &Config::default());
        assert!(!c.pairs.is_empty());
        assert!(c.pairs.iter().all(|&(i, j)| i % 2 == j % 2), "a pair across events");
    }

    #[test]
    fn the_warnings_say_what_was_left_out() {
        assert!(Fallback::default().warnings().is_empty());
        let some = Fallback {
            claims: 1,
            uncompared: 10_000,
            left_out: 32,
            budget: 64,
        };
        assert_eq!(
            some.warnings(),
            [
                "compared only with the 64 nearest claims sharing their rarest word, name or number: 1 claim with \
                 too few uncommon ones to be paired otherwise (32 comparisons left out)",
                "not compared with any other claim: 10000 claims with too few uncommon words, names and numbers, \
                 whose rarest is in more than 512 claims",
            ]
        );
    }
}
