//! ECB+ dev: do event mentions that corefer across documents land in aligned claims?
//!
//! Each document is rebuilt from its annotated sentences (`full_sentence`, one per line); all
//! documents of one topic go through one [`compare`]. A cross-document mention pair is predicted
//! coreferent when the claims of their two sentences share a cluster. Gold: same `coref_chain`.
//! This is sentence-level alignment scored on mentions, so two different events in one pair of
//! aligned sentences both count as aligned.

use crate::data::Res;
use factdiff_core::{compare, Config, Document};
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

#[derive(Deserialize, Clone)]
struct Mention {
    doc_id: String,
    sent_id: String,
    topic: String,
    coref_chain: String,
    full_sentence: String,
    tokens_str: String,
}

/// Pairwise counts: true positives, predicted pairs, gold pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pairwise {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Pairwise {
    pub fn precision(&self) -> f64 {
        crate::metrics::pct(self.tp as f64, self.predicted as f64)
    }
    pub fn recall(&self) -> f64 {
        crate::metrics::pct(self.tp as f64, self.gold as f64)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Pairwise) {
        self.tp += o.tp;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

/// Scores of one evaluation run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scores {
    /// factdiff: the two sentences' claims share a cluster (aligned directly or through others).
    pub clusters: Pairwise,
    /// factdiff: a claim of one sentence is aligned directly with a claim of the other (the same
    /// kind of prediction as the sentence pairs of `--ecb-pairs`).
    pub pairs: Pairwise,
    /// Baseline: the two mentions are the same string.
    pub same_string: Pairwise,
    /// Floor: every cross-document pair of a topic predicted coreferent.
    pub all_pairs: Pairwise,
    /// Ceiling of sentence-level alignment (reads gold): two sentences are aligned when they hold
    /// coreferent mentions, so every mention pair of those sentences is predicted.
    pub oracle_sentences: Pairwise,
    pub mentions: usize,
    pub claims: usize,
}

/// Scores over the topics of `path` (the first `max_topics` of them).
pub fn evaluate(path: &Path, config: &Config, max_topics: usize) -> Res<Scores> {
    let mentions = load(path)?;
    let topics: Vec<Vec<&Mention>> = by_topic(&mentions).into_iter().take(max_topics).collect();
    let results: Vec<Scores> = topics.par_iter().map(|ms| topic(ms, config)).collect::<Res<Vec<_>>>()?;
    let mut total = Scores::default();
    for r in results {
        total.clusters.add(r.clusters);
        total.pairs.add(r.pairs);
        total.same_string.add(r.same_string);
        total.all_pairs.add(r.all_pairs);
        total.oracle_sentences.add(r.oracle_sentences);
        total.mentions += r.mentions;
        total.claims += r.claims;
    }
    Ok(total)
}

/// The one scorer: every cross-document mention pair of one topic, predicted coreferent when
/// `aligned` says so, against gold (same `coref_chain`).
fn score(ms: &[&Mention], aligned: impl Fn(&Mention, &Mention) -> bool) -> Pairwise {
    let mut acc = Pairwise::default();
    for (i, a) in ms.iter().enumerate() {
        for b in &ms[i + 1..] {
            if a.doc_id == b.doc_id {
                continue;
            }
            let gold = a.coref_chain == b.coref_chain;
            let pred = aligned(a, b);
            acc.gold += usize::from(gold);
            acc.predicted += usize::from(pred);
            acc.tp += usize::from(gold && pred);
        }
    }
    acc
}

fn load(path: &Path) -> Res<Vec<Mention>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(serde_json::from_str(&text)?)
}

fn by_topic(mentions: &[Mention]) -> Vec<Vec<&Mention>> {
    let mut topics: BTreeMap<&str, Vec<&Mention>> = BTreeMap::new();
    for m in mentions {
        topics.entry(m.topic.as_str()).or_default().push(m);
    }
    topics.into_values().collect()
}

/// A sentence of the corpus as external predictions name it: `(doc_id, sent_id)`.
type SentenceRef = (String, String);

/// Score sentence alignments made by another program (`bench/tfidf_baseline.py --ecb`) with the
/// same scorer: `pairs_path` holds a JSON list of `[doc_a, sent_a, doc_b, sent_b]`; mentions in
/// two matched sentences count as aligned. Returns (pairwise counts, pairs read).
pub fn score_pairs(mentions_path: &Path, pairs_path: &Path) -> Res<(Pairwise, usize)> {
    let mentions = load(mentions_path)?;
    let text = std::fs::read_to_string(pairs_path).map_err(|e| format!("{}: {e}", pairs_path.display()))?;
    let raw: Vec<(String, String, String, String)> = serde_json::from_str(&text)?;
    let mut matched: HashSet<(SentenceRef, SentenceRef)> = HashSet::new();
    for (da, sa, db, sb) in &raw {
        let (a, b) = ((da.clone(), sa.clone()), (db.clone(), sb.clone()));
        matched.insert((a.clone(), b.clone()));
        matched.insert((b, a));
    }
    let mut total = Pairwise::default();
    for ms in by_topic(&mentions) {
        total.add(score(&ms, |a, b| {
            matched.contains(&(
                (a.doc_id.clone(), a.sent_id.clone()),
                (b.doc_id.clone(), b.sent_id.clone()),
            ))
        }));
    }
    Ok((total, raw.len()))
}

fn sent_key(m: &Mention) -> (String, u32) {
    (m.doc_id.clone(), m.sent_id.parse().unwrap_or(u32::MAX))
}

fn topic(ms: &[&Mention], config: &Config) -> Res<Scores> {
    // doc -> sentence id -> sentence text
    let mut docs: BTreeMap<&str, BTreeMap<u32, &str>> = BTreeMap::new();
    for m in ms {
        docs.entry(m.doc_id.as_str())
            .or_default()
            .insert(sent_key(m).1, m.full_sentence.as_str());
    }
    // (doc, sentence id) -> byte range of its line
    let mut lines: HashMap<(String, u32), (usize, usize)> = HashMap::new();
    let mut documents = Vec::new();
    for (doc, sents) in &docs {
        let mut text = String::new();
        for (sid, s) in sents {
            let start = text.len();
            text.push_str(s.trim());
            if !s.trim_end().ends_with(['.', '!', '?', '"']) {
                text.push('.');
            }
            lines.insert((doc.to_string(), *sid), (start, text.len()));
            text.push('\n');
        }
        documents.push(Document::new(*doc, text));
    }
    let report = compare(&documents, config).map_err(|e| e.to_string())?;
    let mut cluster_of_claim: HashMap<&str, &str> = HashMap::new();
    for c in &report.clusters {
        for id in &c.claims {
            cluster_of_claim.insert(id.as_str(), c.id.as_str());
        }
    }
    // (doc, sentence id) -> clusters of the claims inside its line; claim id -> its lines
    let mut clusters: HashMap<(String, u32), HashSet<&str>> = HashMap::new();
    let mut lines_of_claim: HashMap<&str, Vec<(String, u32)>> = HashMap::new();
    for c in &report.claims {
        for ((doc, sid), (start, end)) in &lines {
            if *doc == c.doc && c.span.start_byte < *end && c.span.end_byte > *start {
                lines_of_claim
                    .entry(c.id.as_str())
                    .or_default()
                    .push((doc.clone(), *sid));
                if let Some(k) = cluster_of_claim.get(c.id.as_str()) {
                    clusters.entry((doc.clone(), *sid)).or_default().insert(k);
                }
            }
        }
    }
    let mut matched: HashSet<((String, u32), (String, u32))> = HashSet::new();
    for al in report.clusters.iter().flat_map(|c| &c.alignments) {
        let (Some(la), Some(lb)) = (lines_of_claim.get(al.a.as_str()), lines_of_claim.get(al.b.as_str())) else {
            continue;
        };
        for x in la {
            for y in lb {
                matched.insert((x.clone(), y.clone()));
                matched.insert((y.clone(), x.clone()));
            }
        }
    }
    let empty = HashSet::new();
    let mut chains: HashMap<(String, u32), HashSet<&str>> = HashMap::new();
    for m in ms {
        chains.entry(sent_key(m)).or_default().insert(m.coref_chain.as_str());
    }
    Ok(Scores {
        clusters: score(ms, |a, b| {
            let ca = clusters.get(&sent_key(a)).unwrap_or(&empty);
            let cb = clusters.get(&sent_key(b)).unwrap_or(&empty);
            !ca.is_disjoint(cb)
        }),
        pairs: score(ms, |a, b| matched.contains(&(sent_key(a), sent_key(b)))),
        same_string: score(ms, |a, b| a.tokens_str.trim().eq_ignore_ascii_case(b.tokens_str.trim())),
        all_pairs: score(ms, |_, _| true),
        oracle_sentences: score(ms, |a, b| {
            let ca = chains.get(&sent_key(a)).unwrap_or(&empty);
            let cb = chains.get(&sent_key(b)).unwrap_or(&empty);
            !ca.is_disjoint(cb)
        }),
        mentions: ms.len(),
        claims: report.claims.len(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn mention(doc: &str, sent: &str, chain: &str) -> serde_json::Value {
        serde_json::json!({
            "doc_id": doc, "sent_id": sent, "topic": "1", "coref_chain": chain,
            "full_sentence": "x", "tokens_str": chain,
        })
    }

    #[test]
    fn external_sentence_pairs_are_scored_per_mention_pair() {
        let dir = std::env::temp_dir().join(format!("factdiff-ecb-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Gold cross-document pairs: (a0 e1, b0 e1) and (a0 e1, c0 e1) and (b0 e1, c0 e1).
        let mentions = serde_json::json!([
            mention("a", "0", "e1"),
            mention("a", "0", "e2"),
            mention("b", "0", "e1"),
            mention("c", "0", "e1"),
            mention("c", "1", "e3"),
        ]);
        std::fs::write(dir.join("m.json"), mentions.to_string()).unwrap();
        // a0 ~ b0 predicts (e1, e1) right and (e2, e1) wrong; c1 ~ a0 predicts two wrong pairs.
        std::fs::write(dir.join("p.json"), r#"[["b","0","a","0"],["a","0","c","1"]]"#).unwrap();
        let (p, n) = score_pairs(&dir.join("m.json"), &dir.join("p.json")).unwrap();
        assert_eq!(n, 2);
        assert_eq!(
            p,
            Pairwise {
                tp: 1,
                predicted: 4,
                gold: 3
            }
        );
        assert!((p.f1() - 100.0 * 2.0 / 7.0).abs() < 1e-9);
        let _ = std::fs::remove_dir_all(dir);
    }
}
