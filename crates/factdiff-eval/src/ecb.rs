//! ECB+ dev: do event mentions that corefer across documents land in aligned claims?
//!
//! Each document is rebuilt from its annotated sentences (`full_sentence`, one per line); all
//! documents of one topic go through one [`compare`]. Gold: same `coref_chain`. Every
//! cross-document mention pair of a topic is scored, and a prediction is read three ways
//! ([`Readings`]):
//!
//! * sentence: the two mentions' sentences are aligned (two different events in one pair of
//!   aligned sentences both count as aligned);
//! * mention: ... and the alignment's evidence, the words it says the two sentences share, covers
//!   each mention (a word of each mention is among them);
//! * same word: ... and one word of that evidence is in both mentions.
//!
//! factdiff's evidence is an alignment's `shared_terms` (stems); the script's
//! (`bench/tfidf_baseline.py`, [`score_pairs`]) is the lower-cased tokens its two sentences share,
//! what rapidfuzz's token-set intersection compares.

use crate::data::Res;
use factdiff_core::training::content_terms;
use factdiff_core::{compare, CompareOptions, Config, Document};
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
    /// factdiff's content terms (stems) of the mention.
    #[serde(skip)]
    stems: Vec<String>,
    /// Lower-cased whitespace tokens of the mention (the script's view of words).
    #[serde(skip)]
    words: Vec<String>,
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

/// One aligner's predictions read at the sentence and at the mention level (see the module doc).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Readings {
    pub sentence: Pairwise,
    pub mention: Pairwise,
    pub same_word: Pairwise,
}

impl Readings {
    fn add(&mut self, o: Readings) {
        self.sentence.add(o.sentence);
        self.mention.add(o.mention);
        self.same_word.add(o.same_word);
    }
}

/// Scores of one evaluation run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scores {
    /// factdiff: the two sentences' claims share a cluster (aligned directly or through others);
    /// the evidence on each side is what the sentence's claims share with their neighbours in it.
    pub clusters: Readings,
    /// factdiff: a claim of one sentence is aligned directly with a claim of the other (the same
    /// kind of prediction as the sentence pairs of `--ecb-pairs`).
    pub pairs: Readings,
    /// Baseline: the two mentions are the same string.
    pub same_string: Pairwise,
    /// Floor: every cross-document sentence pair of a topic aligned, with all the stems the two
    /// sentences share as evidence (its "same word" reading: the mentions share a stem).
    pub all_pairs: Readings,
    /// Ceiling of sentence alignment (reads gold): two sentences are aligned when they hold
    /// coreferent mentions, with all the stems they share as evidence.
    pub oracle_sentences: Readings,
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

/// The one scorer: every cross-document mention pair of one topic, predicted coreferent (under
/// each of `N` readings) when `predict` says so, against gold (same `coref_chain`).
fn score<const N: usize>(ms: &[&Mention], predict: impl Fn(&Mention, &Mention) -> [bool; N]) -> [Pairwise; N] {
    let mut acc = [Pairwise::default(); N];
    for (i, a) in ms.iter().enumerate() {
        for b in &ms[i + 1..] {
            if a.doc_id == b.doc_id {
                continue;
            }
            let gold = a.coref_chain == b.coref_chain;
            for (acc, pred) in acc.iter_mut().zip(predict(a, b)) {
                acc.gold += usize::from(gold);
                acc.predicted += usize::from(pred);
                acc.tp += usize::from(gold && pred);
            }
        }
    }
    acc
}

/// Words an aligner names as shared by two sentences.
type Evidence = HashSet<String>;

/// One link between the sentences of mentions `a` and `b` (an alignment, or a cluster both are
/// in): the evidence on `a`'s side and on `b`'s side.
type Link<'e> = (&'e Evidence, &'e Evidence);

/// The three readings of the links between two mentions' sentences, with `a` and `b` the words of
/// the two mentions in the evidence's vocabulary.
fn read(links: &[Link<'_>], a: &[String], b: &[String]) -> [bool; 3] {
    let covers = |e: &Evidence, m: &[String]| m.iter().any(|w| e.contains(w));
    [
        !links.is_empty(),
        links.iter().any(|(ea, eb)| covers(ea, a) && covers(eb, b)),
        links
            .iter()
            .any(|(ea, eb)| a.iter().any(|w| b.contains(w) && ea.contains(w) && eb.contains(w))),
    ]
}

/// Score links under the three readings; `words` picks a mention's words in the evidence's
/// vocabulary.
fn readings<'e>(
    ms: &[&Mention],
    words: fn(&Mention) -> &[String],
    links: impl Fn(&Mention, &Mention) -> Vec<Link<'e>>,
) -> Readings {
    let [sentence, mention, same_word] = score(ms, |a, b| read(&links(a, b), words(a), words(b)));
    Readings {
        sentence,
        mention,
        same_word,
    }
}

fn load(path: &Path) -> Res<Vec<Mention>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut mentions: Vec<Mention> = serde_json::from_str(&text)?;
    for m in &mut mentions {
        m.stems = stems(&m.tokens_str).into_iter().collect();
        m.words = lower_words(&m.tokens_str).into_iter().collect();
    }
    Ok(mentions)
}

fn stems_of(m: &Mention) -> &[String] {
    &m.stems
}

fn words_of(m: &Mention) -> &[String] {
    &m.words
}

/// factdiff's content terms (stems) of `text`.
fn stems(text: &str) -> Evidence {
    content_terms(text).iter().map(|t| t.to_string()).collect()
}

/// Lower-cased whitespace tokens of `text`.
fn lower_words(text: &str) -> Evidence {
    text.split_whitespace().map(str::to_lowercase).collect()
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

fn sentence_ref(m: &Mention) -> SentenceRef {
    (m.doc_id.clone(), m.sent_id.clone())
}

/// Scores of sentence alignments made by another program, under each reading.
#[derive(Clone, Copy, Debug, Default)]
pub struct PairScores {
    /// Evidence: the lower-cased tokens the two sentences share (the script's own words).
    pub tokens: Readings,
    /// Evidence: the stems (factdiff's content terms) the two sentences share, for comparison.
    pub stems: Readings,
    /// Sentence pairs read.
    pub pairs: usize,
}

/// Score sentence alignments made by another program (`bench/tfidf_baseline.py --ecb`) with the
/// same scorer: `pairs_path` holds a JSON list of `[doc_a, sent_a, doc_b, sent_b]`; mentions in
/// two matched sentences count as aligned, and the words the two sentences share are the evidence.
pub fn score_pairs(mentions_path: &Path, pairs_path: &Path) -> Res<PairScores> {
    let mentions = load(mentions_path)?;
    let text = std::fs::read_to_string(pairs_path).map_err(|e| format!("{}: {e}", pairs_path.display()))?;
    let raw: Vec<(String, String, String, String)> = serde_json::from_str(&text)?;
    let sentences: HashMap<SentenceRef, &str> = mentions
        .iter()
        .map(|m| (sentence_ref(m), m.full_sentence.as_str()))
        .collect();
    // (sentence, sentence) -> (shared tokens, shared stems), both orders
    let mut matched: HashMap<(SentenceRef, SentenceRef), (Evidence, Evidence)> = HashMap::new();
    for (da, sa, db, sb) in &raw {
        let (a, b) = ((da.clone(), sa.clone()), (db.clone(), sb.clone()));
        let (Some(ta), Some(tb)) = (sentences.get(&a), sentences.get(&b)) else {
            return Err(format!("{}: sentence {a:?} or {b:?} has no mention", pairs_path.display()).into());
        };
        let tokens = &lower_words(ta) & &lower_words(tb);
        let shared_stems = &stems(ta) & &stems(tb);
        matched.insert((b.clone(), a.clone()), (tokens.clone(), shared_stems.clone()));
        matched.insert((a, b), (tokens, shared_stems));
    }
    let mut total = PairScores {
        pairs: raw.len(),
        ..PairScores::default()
    };
    for ms in by_topic(&mentions) {
        let evidence = |a: &Mention, b: &Mention| matched.get(&(sentence_ref(a), sentence_ref(b)));
        total.tokens.add(readings(&ms, words_of, |a, b| {
            evidence(a, b).map(|(t, _)| (t, t)).into_iter().collect()
        }));
        total.stems.add(readings(&ms, stems_of, |a, b| {
            evidence(a, b).map(|(_, s)| (s, s)).into_iter().collect()
        }));
    }
    Ok(total)
}

/// A sentence of one topic run: `(doc_id, sentence number)`.
type SentKey = (String, u32);

fn sent_key(m: &Mention) -> SentKey {
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
    let mut lines: HashMap<SentKey, (usize, usize)> = HashMap::new();
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
    // Every pair the aligner made is scored, not the spanning set a cluster lists by default.
    let options = CompareOptions {
        all_alignments: true,
        ..CompareOptions::default()
    };
    let report = compare(&documents, config, &options).map_err(|e| e.to_string())?;
    // claim id -> the lines it overlaps
    let mut lines_of_claim: HashMap<&str, Vec<SentKey>> = HashMap::new();
    for c in &report.claims {
        for ((doc, sid), (start, end)) in &lines {
            if **doc == *c.doc && c.span.start_byte < *end && c.span.end_byte > *start {
                lines_of_claim.entry(&*c.id).or_default().push((doc.clone(), *sid));
            }
        }
    }
    let no_lines = Vec::new();
    // Direct alignments: (line, line) -> the shared terms of the alignments joining them.
    // Clusters: (line, cluster) -> the shared terms of the cluster's alignments at that line.
    let mut matched: HashMap<(SentKey, SentKey), Evidence> = HashMap::new();
    let mut at_line: HashMap<(SentKey, &str), Evidence> = HashMap::new();
    for k in &report.clusters {
        for al in &k.alignments {
            let la = lines_of_claim.get(&*al.a).unwrap_or(&no_lines);
            let lb = lines_of_claim.get(&*al.b).unwrap_or(&no_lines);
            let shared = &al.features.shared_terms;
            for x in la.iter().chain(lb) {
                at_line
                    .entry((x.clone(), k.id.as_str()))
                    .or_default()
                    .extend(shared.iter().map(|t| t.to_string()));
            }
            for x in la {
                for y in lb {
                    matched
                        .entry((x.clone(), y.clone()))
                        .or_default()
                        .extend(shared.iter().map(|t| t.to_string()));
                    matched
                        .entry((y.clone(), x.clone()))
                        .or_default()
                        .extend(shared.iter().map(|t| t.to_string()));
                }
            }
        }
    }
    let mut clusters_at: HashMap<&SentKey, Vec<&str>> = HashMap::new();
    for (line, k) in at_line.keys() {
        clusters_at.entry(line).or_default().push(k);
    }
    // Baselines' evidence: all stems two lines share; their gold chains.
    let line_stems: HashMap<SentKey, Evidence> = ms.iter().map(|m| (sent_key(m), stems(&m.full_sentence))).collect();
    let mut shared_stems: HashMap<(SentKey, SentKey), Evidence> = HashMap::new();
    for (x, sx) in &line_stems {
        for (y, sy) in &line_stems {
            if x.0 != y.0 {
                shared_stems.insert((x.clone(), y.clone()), sx & sy);
            }
        }
    }
    let mut chains: HashMap<SentKey, HashSet<&str>> = HashMap::new();
    for m in ms {
        chains.entry(sent_key(m)).or_default().insert(m.coref_chain.as_str());
    }
    let all_shared = |a: &Mention, b: &Mention| shared_stems.get(&(sent_key(a), sent_key(b)));
    let [same_string] = score(ms, |a, b| {
        [a.tokens_str.trim().eq_ignore_ascii_case(b.tokens_str.trim())]
    });
    Ok(Scores {
        clusters: readings(ms, stems_of, |a, b| {
            let (x, y) = (sent_key(a), sent_key(b));
            let (Some(kx), Some(ky)) = (clusters_at.get(&x), clusters_at.get(&y)) else {
                return Vec::new();
            };
            kx.iter()
                .filter(|k| ky.contains(k))
                .filter_map(|k| Some((at_line.get(&(x.clone(), *k))?, at_line.get(&(y.clone(), *k))?)))
                .collect()
        }),
        pairs: readings(ms, stems_of, |a, b| {
            matched
                .get(&(sent_key(a), sent_key(b)))
                .map(|e| (e, e))
                .into_iter()
                .collect()
        }),
        same_string,
        all_pairs: readings(ms, stems_of, |a, b| {
            all_shared(a, b).map(|e| (e, e)).into_iter().collect()
        }),
        oracle_sentences: readings(ms, stems_of, |a, b| {
            let empty = HashSet::new();
            let ca = chains.get(&sent_key(a)).unwrap_or(&empty);
            let cb = chains.get(&sent_key(b)).unwrap_or(&empty);
            if ca.is_disjoint(cb) {
                return Vec::new();
            }
            all_shared(a, b).map(|e| (e, e)).into_iter().collect()
        }),
        mentions: ms.len(),
        claims: report.claims.len(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn mention(doc: &str, sent: &str, chain: &str, sentence: &str, words: &str) -> serde_json::Value {
        serde_json::json!({
            "doc_id": doc, "sent_id": sent, "topic": "1", "coref_chain": chain,
            "full_sentence": sentence, "tokens_str": words,
        })
    }

    /// Writes `mentions` and `pairs` into a fresh directory; returns their paths.
    fn files(name: &str, mentions: &serde_json::Value, pairs: &str) -> (std::path::PathBuf, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("factdiff-ecb-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("m.json"), mentions.to_string()).unwrap();
        std::fs::write(dir.join("p.json"), pairs).unwrap();
        (dir.join("m.json"), dir.join("p.json"))
    }

    fn set(words: &[&str]) -> Evidence {
        words.iter().map(|w| w.to_string()).collect()
    }

    fn strings(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn readings_need_a_link_then_evidence_on_each_side_then_one_word() {
        let (arrest, police) = (strings(&["arrest"]), strings(&["police"]));
        assert_eq!(read(&[], &arrest, &arrest), [false; 3]);
        let e = set(&["arrest", "police"]);
        assert_eq!(read(&[(&e, &e)], &arrest, &arrest), [true; 3]);
        assert_eq!(read(&[(&e, &e)], &arrest, &police), [true, true, false]);
        let other = set(&["singer"]);
        assert_eq!(read(&[(&other, &other)], &arrest, &arrest), [true, false, false]);
        // A cluster link: each side has its own evidence; the common word must be on both.
        let (left, right) = (set(&["arrest"]), set(&["police"]));
        let both = strings(&["arrest", "police"]);
        assert_eq!(read(&[(&left, &right)], &both, &both), [true, true, false]);
        assert_eq!(read(&[(&left, &right), (&e, &e)], &both, &both), [true; 3]);
    }

    #[test]
    fn external_sentence_pairs_are_read_per_sentence_and_per_mention() {
        let (a0, b0, c0) = (
            "Police arrested the singer after the concert",
            "The singer was arrested by police",
            "Fans left the concert early",
        );
        let mentions = serde_json::json!([
            mention("a", "0", "e1", a0, "arrested"),
            mention("a", "0", "e2", a0, "concert"),
            mention("b", "0", "e1", b0, "arrested"),
            mention("b", "0", "e4", b0, "police"),
            mention("c", "0", "e3", c0, "left"),
            mention("c", "0", "e2", c0, "concert"),
        ]);
        // Gold cross-document pairs: the two "arrested" and the two "concert".
        let (m, p) = files("pairs", &mentions, r#"[["b","0","a","0"],["a","0","c","0"]]"#);
        let s = score_pairs(&m, &p).unwrap();
        assert_eq!(s.pairs, 2);
        let counts = |tp, predicted| Pairwise { tp, predicted, gold: 2 };
        // Sentence: a0 ~ b0 predicts 2 × 2 mention pairs, a0 ~ c0 another 2 × 2; two are right.
        assert_eq!(s.tokens.sentence, counts(2, 8));
        // Mention: a0 ~ b0 share {police, arrested, the, singer}: arrested–arrested and
        // arrested–police; a0 ~ c0 share {the, concert}: concert–concert.
        assert_eq!(s.tokens.mention, counts(2, 3));
        assert_eq!(s.tokens.same_word, counts(2, 2));
        assert_eq!(s.stems, s.tokens);
        assert!((s.tokens.mention.f1() - 80.0).abs() < 1e-9);
        // A pair naming a sentence without mentions is an error, not a silent miss.
        let (m2, p2) = files("unknown", &mentions, r#"[["a","0","z","9"]]"#);
        assert!(score_pairs(&m2, &p2).is_err());
        for f in [m, p, m2, p2] {
            let _ = std::fs::remove_dir_all(f.parent().unwrap());
        }
    }

    #[test]
    fn factdiff_alignments_are_read_through_their_shared_terms() {
        let (a0, a1, b0) = (
            "Police arrested the singer Marla Venn after the concert in Boston on Tuesday",
            "The weather in the valley stayed dry for the whole week",
            "Marla Venn was arrested by police after her concert in Boston on Tuesday",
        );
        let mentions = serde_json::json!([
            mention("a", "0", "e1", a0, "arrested"),
            mention("a", "0", "e2", a0, "concert"),
            mention("a", "1", "e5", a1, "stayed"),
            mention("b", "0", "e1", b0, "arrested"),
            mention("b", "0", "e2", b0, "concert"),
        ]);
        let (m, _) = files("factdiff", &mentions, "[]");
        let s = evaluate(&m, &Config::default(), usize::MAX).unwrap();
        let counts = |tp, predicted| Pairwise { tp, predicted, gold: 2 };
        // a0 and b0 align (their claims share most terms); a1 aligns with nothing.
        assert_eq!(s.pairs.sentence, counts(2, 4));
        assert_eq!(s.pairs.mention, counts(2, 4));
        assert_eq!(s.pairs.same_word, counts(2, 2));
        assert_eq!(s.clusters, s.pairs);
        assert_eq!(s.all_pairs.sentence, counts(2, 6));
        assert_eq!(s.oracle_sentences.sentence, counts(2, 4));
        assert_eq!(s.same_string, counts(2, 2));
        let _ = std::fs::remove_dir_all(m.parent().unwrap());
    }
}
