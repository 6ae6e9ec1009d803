//! Assemble the report: per-source statistics, the source × source agreement
//! matrix and consistency scores, from the claims, alignments and findings.

use crate::align::Aligned;
use crate::analyze::Outline;
use crate::{
    Agreement, Claim, ClaimStatus, Cluster, Document, DocumentReport, Finding, FindingKind, PositionLabel, Report,
    SourceStats, VerdictLabel, SCHEMA_VERSION,
};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Above this many documents the N × N agreement matrix is not built (it grows quadratically).
pub const MAX_AGREEMENT_DOCS: usize = 500;

fn share(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        ((n as f64 / of as f64) * 1000.0).round() / 1000.0
    }
}

pub(crate) fn assemble(
    docs: &[Document],
    outlines: Vec<Outline>,
    mut claims: Vec<Claim>,
    alignment: Aligned,
    findings: Vec<Finding>,
) -> Report {
    let claim_ids_of = |kind: fn(FindingKind) -> bool| -> HashSet<&str> {
        findings
            .iter()
            .filter(|f| kind(f.kind))
            .flat_map(|f| f.claims.iter().map(String::as_str))
            .collect()
    };
    let contradicted = claim_ids_of(FindingKind::is_conflict);
    let unsupported = claim_ids_of(|k| k == FindingKind::Unsupported);
    let repeated = claim_ids_of(|k| k == FindingKind::Repetition);
    let corroborated: HashSet<usize> = alignment
        .pairs
        .iter()
        .filter(|(_, _, al)| al.verdict.label != VerdictLabel::Contradict)
        .flat_map(|(i, j, _)| [*i, *j])
        .collect();
    for (n, c) in claims.iter_mut().enumerate() {
        let id = &*c.id;
        c.status = if contradicted.contains(id) {
            ClaimStatus::Contradicted
        } else if unsupported.contains(id) {
            ClaimStatus::Unsupported
        } else if repeated.contains(id) {
            ClaimStatus::Repeated
        } else if corroborated.contains(&n) {
            ClaimStatus::Corroborated
        } else {
            ClaimStatus::OnlyHere
        };
    }
    let mut by_doc: HashMap<&str, Vec<&Claim>> = HashMap::default();
    for c in &claims {
        by_doc.entry(&*c.doc).or_default().push(c);
    }
    let mut sources: Vec<SourceStats> = docs
        .iter()
        .zip(&outlines)
        .map(|(d, a)| {
            let mine: &[&Claim] = by_doc.get(d.id.as_str()).map_or(&[], Vec::as_slice);
            let count = |status: ClaimStatus| mine.iter().filter(|c| c.status == status).count();
            let n = mine.len();
            SourceStats {
                doc: d.id.clone(),
                claims: n,
                corroborated: count(ClaimStatus::Corroborated),
                contradicted: count(ClaimStatus::Contradicted),
                unsupported: count(ClaimStatus::Unsupported),
                repeated: count(ClaimStatus::Repeated),
                removed_bytes: a.removed.iter().map(|r| r.span.len()).sum(),
                corroborated_share: share(count(ClaimStatus::Corroborated), n),
                unsupported_share: share(count(ClaimStatus::Unsupported), n),
                // Filled in once the clusters are built (see `consistency`).
                consistency: 1.0,
            }
        })
        .collect();
    let mut warnings = Vec::new();
    let agreement = if docs.len() <= MAX_AGREEMENT_DOCS {
        agreement(docs, &claims, &alignment, &findings)
    } else {
        warnings.push(format!(
            "source × source agreement matrix left out: {} documents (it is computed for up to {MAX_AGREEMENT_DOCS})",
            docs.len()
        ));
        Agreement::default()
    };
    warnings.extend(alignment.fallback.warnings());
    warnings.extend(alignment.semantic.warnings());
    if docs.len() == 1 {
        warnings.push(
            "only one document: there is nothing to compare it with, so no claim can be corroborated or contradicted"
                .to_string(),
        );
    }
    for d in docs {
        if let Some(p) = d.published.as_deref() {
            if crate::analyze::dates::parse_published(p).is_none() {
                warnings.push(format!(
                    "{}: published date '{p}' is not a date (YYYY-MM-DD); relative dates in it are not resolved",
                    d.id
                ));
            }
        }
        if !by_doc.contains_key(d.id.as_str()) {
            warnings.push(format!("{}: no claims found (empty or only boilerplate)", d.id));
        }
        if looks_non_english(&d.text) {
            warnings.push(format!(
                "{}: does not look like English; factdiff's word lists are English, so findings may be missed",
                d.id
            ));
        }
    }
    let mut documents: Vec<DocumentReport> = docs
        .iter()
        .zip(outlines)
        .map(|(d, a)| DocumentReport {
            id: d.id.clone(),
            label: String::new(),
            title: d.title.clone(),
            source: d.source.clone(),
            published: d.published.clone(),
            url: d.url.clone(),
            text: d.text.clone(),
            removed: a.removed,
            sentences: a.sentences,
        })
        .collect();
    let labels = crate::label::labels(&documents, &claims);
    for (d, label) in documents.iter_mut().zip(labels) {
        d.label = label;
    }
    drop(by_doc);
    // Last, so that the listed pairs move from the pair list into their clusters.
    let mut clusters = crate::align::cluster::clusters(&claims, alignment.pairs, alignment.listed);
    crate::position::annotate(&mut clusters, &claims);
    let facts = shared_facts(&clusters, &findings);
    let consistency = consistency(&facts, None);
    for source in &mut sources {
        source.consistency = self::consistency(&facts, Some(&source.doc));
    }
    Report {
        schema_version: SCHEMA_VERSION.into(),
        documents,
        claims,
        clusters,
        findings,
        sources,
        agreement,
        consistency,
        warnings,
    }
}

/// A fact that two or more sources state, and whether they dispute it.
#[derive(Debug)]
struct SharedFact {
    /// The documents that state it.
    docs: Vec<String>,
    disputed: bool,
}

/// The facts shared by sources: every cluster of claims from two or more documents, disputed when
/// a conflict finding puts two of its documents on different sides about its claims or a
/// document's position on it is `disputes`; and every conflict finding about claims in no such
/// cluster (an actor's stances, a quotation), disputed.
fn shared_facts(clusters: &[Cluster], findings: &[Finding]) -> Vec<SharedFact> {
    let conflicts: Vec<&Finding> = findings.iter().filter(|f| f.kind.is_conflict()).collect();
    let mut cluster_of: HashMap<&str, usize> = HashMap::default();
    for (k, c) in clusters.iter().enumerate() {
        for id in &c.claims {
            cluster_of.insert(id.as_str(), k);
        }
    }
    let mut facts: Vec<SharedFact> = clusters
        .iter()
        .map(|c| SharedFact {
            docs: c.docs.clone(),
            disputed: c.positions.iter().any(|p| p.label == PositionLabel::Disputes),
        })
        .collect();
    for f in conflicts {
        let in_cluster: Vec<usize> = f
            .claims
            .iter()
            .filter_map(|id| cluster_of.get(id.as_str()).copied())
            .collect();
        if in_cluster.is_empty() {
            facts.push(SharedFact {
                docs: f.docs.clone(),
                disputed: true,
            });
        }
        for k in in_cluster {
            let docs = &facts[k].docs;
            let mut groups = f.sources.iter().filter(|s| docs.contains(&s.doc)).map(|s| s.group);
            let first = groups.next();
            facts[k].disputed |= groups.any(|g| Some(g) != first);
        }
    }
    facts.retain(|f| f.docs.len() >= 2);
    facts
}

/// Consistency (0..=1) over the shared facts (of one document, or of all): the share of them
/// that no source disputes. 1 with no shared fact; at most 0.99 when one is disputed, so that a
/// story where one source disputes another never reads as 100%.
fn consistency(facts: &[SharedFact], doc: Option<&str>) -> f64 {
    let mine: Vec<&SharedFact> = facts
        .iter()
        .filter(|f| doc.is_none_or(|d| f.docs.iter().any(|x| x == d)))
        .collect();
    let disputed = mine.iter().filter(|f| f.disputed).count();
    if disputed == 0 {
        return 1.0;
    }
    (1.0 - share(disputed, mine.len())).min(0.99)
}

/// For each pair of documents: agreeing aligned pairs / (agreeing + conflicts).
fn agreement(docs: &[Document], claims: &[Claim], alignment: &Aligned, findings: &[Finding]) -> Agreement {
    let pos: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    let n = docs.len();
    let mut agree = vec![vec![0usize; n]; n];
    let mut conflict = vec![vec![0usize; n]; n];
    for (i, j, al) in &alignment.pairs {
        if al.verdict.label == VerdictLabel::Contradict {
            continue;
        }
        if let (Some(&a), Some(&b)) = (pos.get(&*claims[*i].doc), pos.get(&*claims[*j].doc)) {
            agree[a][b] += 1;
            agree[b][a] += 1;
        }
    }
    for f in findings.iter().filter(|f| f.kind.is_conflict()) {
        // Each pair of documents on different sides counts once (a finding without sources, the
        // same quote given to two people, sets its two documents apart).
        let mut opposed: HashSet<(usize, usize)> = HashSet::default();
        if f.sources.is_empty() {
            if let [a, b] = f.docs.as_slice() {
                if let (Some(&a), Some(&b)) = (pos.get(a.as_str()), pos.get(b.as_str())) {
                    opposed.insert((a.min(b), a.max(b)));
                }
            }
        }
        for x in &f.sources {
            for y in &f.sources {
                if x.group < y.group {
                    if let (Some(&a), Some(&b)) = (pos.get(x.doc.as_str()), pos.get(y.doc.as_str())) {
                        if a != b {
                            opposed.insert((a.min(b), a.max(b)));
                        }
                    }
                }
            }
        }
        for (a, b) in opposed {
            conflict[a][b] += 1;
            conflict[b][a] += 1;
        }
    }
    let matrix = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    if i == j {
                        return Some(1.0);
                    }
                    let total = agree[i][j] + conflict[i][j];
                    (total > 0).then(|| share(agree[i][j], total))
                })
                .collect()
        })
        .collect();
    Agreement {
        docs: docs.iter().map(|d| d.id.clone()).collect(),
        matrix,
    }
}

/// True for a text of some length in which English function words are rare.
fn looks_non_english(text: &str) -> bool {
    let lex = crate::lexicon::Lexicon::get();
    // One lower-case buffer for every word (this reads up to 2,000 words of every document).
    let mut lower = String::new();
    let (mut words, mut letters, mut other_script, mut english) = (0usize, 0usize, 0usize, 0usize);
    for w in text.split_whitespace().take(2_000) {
        let counts = if w.is_ascii() {
            ascii_word_counts(lex, w, &mut lower)
        } else {
            word_counts(lex, w, &mut lower)
        };
        words += 1;
        letters += counts.letters;
        other_script += counts.other_script;
        english += usize::from(counts.english);
    }
    if letters >= 12 && other_script * 2 > letters {
        return true;
    }
    if letters < 120 {
        return false;
    }
    // Function words are 40–50% of English prose; a tenth is far below any English text.
    (english as f64) < 0.12 * words as f64
}

/// What the language check counts in one word.
#[derive(Debug, PartialEq, Eq)]
struct WordCounts {
    letters: usize,
    /// Letters of another script than Latin (CJK, Arabic, Hebrew, Cyrillic, …).
    other_script: usize,
    /// The word, lower-cased and trimmed of non-alphanumeric characters, is a stopword.
    english: bool,
}

/// [`WordCounts`] of any word (`lower` is a scratch buffer).
fn word_counts(lex: &crate::lexicon::Lexicon, w: &str, lower: &mut String) -> WordCounts {
    let latin = |c: char| c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c);
    crate::text::lowercase_into(lower, w);
    WordCounts {
        letters: lower.chars().filter(|c| c.is_alphabetic()).count(),
        other_script: lower.chars().filter(|&c| c.is_alphabetic() && !latin(c)).count(),
        english: lex.is_stopword(lower.trim_matches(|c: char| !c.is_alphanumeric())),
    }
}

/// [`word_counts`] of an ASCII word, without lower-casing all of it: ASCII lower-casing keeps
/// letters letters and commutes with trimming, and ASCII letters and digits are its alphanumerics.
fn ascii_word_counts(lex: &crate::lexicon::Lexicon, w: &str, lower: &mut String) -> WordCounts {
    crate::text::lowercase_into(lower, w.trim_matches(|c: char| !c.is_ascii_alphanumeric()));
    WordCounts {
        letters: w.bytes().filter(u8::is_ascii_alphabetic).count(),
        other_script: 0,
        english: lex.is_stopword(lower),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_are_counted_as_any_word() {
        let lex = crate::lexicon::Lexicon::get();
        let mut lower = String::new();
        let pieces = [
            "The", "of", "a", "IS", "x", "\"", "'", "(", ".", "-", "9", "_", "and", "Z",
        ];
        for w in crate::test_support::random_strings(0x3c6e_f372_fe94_f82b, &pieces, 6, 5, 20_000) {
            let fast = ascii_word_counts(lex, &w, &mut lower);
            assert_eq!(fast, word_counts(lex, &w, &mut lower), "{w:?}");
        }
        assert!(ascii_word_counts(lex, "\"The", &mut lower).english);
    }

    #[test]
    fn other_scripts_and_missing_function_words_look_non_english() {
        assert!(looks_non_english("東京で会議が開かれた。日本と中国の代表が出席した。"));
        let english = "The minister said that the talks would resume in the spring, and that both sides were ready. ";
        assert!(!looks_non_english(&english.repeat(3)));
        let german = "Der Minister sagte, dass die Gespräche im Frühjahr wieder aufgenommen würden. ";
        assert!(looks_non_english(&german.repeat(3)));
    }
}
