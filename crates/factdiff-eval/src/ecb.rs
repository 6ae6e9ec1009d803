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

/// (factdiff, same-mention-string baseline, mentions, claims) over the dev topics (`max_topics` of them).
pub fn evaluate(path: &Path, config: &Config, max_topics: usize) -> Res<(Pairwise, Pairwise, usize, usize)> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mentions: Vec<Mention> = serde_json::from_str(&text)?;
    let mut topics: BTreeMap<&str, Vec<&Mention>> = BTreeMap::new();
    for m in &mentions {
        topics.entry(m.topic.as_str()).or_default().push(m);
    }
    let topics: Vec<Vec<&Mention>> = topics.into_values().take(max_topics).collect();
    let n: usize = topics.iter().map(Vec::len).sum();
    let results: Vec<(Pairwise, Pairwise, usize)> =
        topics.par_iter().map(|ms| topic(ms, config)).collect::<Res<Vec<_>>>()?;
    let (mut ours, mut base, mut claims) = (Pairwise::default(), Pairwise::default(), 0);
    for (o, b, c) in results {
        ours.add(o);
        base.add(b);
        claims += c;
    }
    Ok((ours, base, n, claims))
}

fn sent_key(m: &Mention) -> (String, u32) {
    (m.doc_id.clone(), m.sent_id.parse().unwrap_or(u32::MAX))
}

fn topic(ms: &[&Mention], config: &Config) -> Res<(Pairwise, Pairwise, usize)> {
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
    // (doc, sentence id) -> clusters of the claims inside its line
    let mut clusters: HashMap<(String, u32), HashSet<&str>> = HashMap::new();
    for c in &report.claims {
        let Some(k) = cluster_of_claim.get(c.id.as_str()) else {
            continue;
        };
        for ((doc, sid), (start, end)) in &lines {
            if *doc == c.doc && c.span.start_byte < *end && c.span.end_byte > *start {
                clusters.entry((doc.clone(), *sid)).or_default().insert(k);
            }
        }
    }
    let empty = HashSet::new();
    let (mut ours, mut base) = (Pairwise::default(), Pairwise::default());
    for (i, a) in ms.iter().enumerate() {
        for b in &ms[i + 1..] {
            if a.doc_id == b.doc_id {
                continue;
            }
            let gold = a.coref_chain == b.coref_chain;
            let ca = clusters.get(&sent_key(a)).unwrap_or(&empty);
            let cb = clusters.get(&sent_key(b)).unwrap_or(&empty);
            let pred = !ca.is_disjoint(cb);
            let same_string = a.tokens_str.trim().eq_ignore_ascii_case(b.tokens_str.trim());
            for (acc, p) in [(&mut ours, pred), (&mut base, same_string)] {
                acc.gold += usize::from(gold);
                acc.predicted += usize::from(p);
                acc.tp += usize::from(gold && p);
            }
        }
    }
    Ok((ours, base, report.claims.len()))
}
