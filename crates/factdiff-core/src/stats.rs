//! Assemble the report: per-source statistics, the source × source agreement
//! matrix and consistency scores, from the claims, alignments and findings.

use crate::align::Aligned;
use crate::analyze::Analyzed;
use crate::{
    Agreement, Claim, Document, DocumentReport, Finding, FindingKind, Report, SourceStats, VerdictLabel, SCHEMA_VERSION,
};
use std::collections::{HashMap, HashSet};

/// Above this many documents the N × N agreement matrix is not built (it grows quadratically).
pub const MAX_AGREEMENT_DOCS: usize = 500;

fn is_conflict(kind: FindingKind) -> bool {
    matches!(
        kind,
        FindingKind::Contradiction | FindingKind::NumericConflict | FindingKind::DateConflict
    )
}

fn share(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        ((n as f64 / of as f64) * 1000.0).round() / 1000.0
    }
}

pub(crate) fn assemble(
    docs: &[Document],
    prepared: Vec<Analyzed>,
    claims: Vec<Claim>,
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
    let contradicted = claim_ids_of(is_conflict);
    let unsupported = claim_ids_of(|k| k == FindingKind::Unsupported);
    let repeated = claim_ids_of(|k| k == FindingKind::Repetition);
    let corroborated: HashSet<&str> = alignment
        .pairs
        .iter()
        .filter(|(_, _, al)| al.verdict.label != VerdictLabel::Contradict)
        .flat_map(|(_, _, al)| [al.a.as_str(), al.b.as_str()])
        .collect();
    let mut by_doc: HashMap<&str, Vec<&Claim>> = HashMap::new();
    for c in &claims {
        by_doc.entry(c.doc.as_str()).or_default().push(c);
    }
    let sources: Vec<SourceStats> = docs
        .iter()
        .zip(&prepared)
        .map(|(d, a)| {
            let mine: &[&Claim] = by_doc.get(d.id.as_str()).map_or(&[], Vec::as_slice);
            let count = |set: &HashSet<&str>| mine.iter().filter(|c| set.contains(c.id.as_str())).count();
            let n = mine.len();
            let contradicted_n = count(&contradicted);
            SourceStats {
                doc: d.id.clone(),
                claims: n,
                corroborated: count(&corroborated),
                contradicted: contradicted_n,
                unsupported: count(&unsupported),
                repeated: count(&repeated),
                removed_bytes: a.removed.iter().map(|r| r.span.len()).sum(),
                corroborated_share: share(count(&corroborated), n),
                unsupported_share: share(count(&unsupported), n),
                consistency: 1.0 - share(contradicted_n, n),
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
    let total = claims.len();
    let consistency = 1.0
        - share(
            claims.iter().filter(|c| contradicted.contains(c.id.as_str())).count(),
            total,
        );
    for d in docs {
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
    let documents = docs
        .iter()
        .zip(prepared)
        .map(|(d, a)| DocumentReport {
            id: d.id.clone(),
            title: d.title.clone(),
            source: d.source.clone(),
            published: d.published.clone(),
            url: d.url.clone(),
            text: d.text.clone(),
            removed: a.removed,
            sentences: a.sentences,
        })
        .collect();
    drop(by_doc);
    // Last, so that the alignments move from the pair list into their clusters.
    let clusters = crate::align::cluster::clusters(&claims, alignment.pairs);
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
        if let (Some(&a), Some(&b)) = (pos.get(claims[*i].doc.as_str()), pos.get(claims[*j].doc.as_str())) {
            agree[a][b] += 1;
            agree[b][a] += 1;
        }
    }
    for f in findings.iter().filter(|f| is_conflict(f.kind)) {
        if let [a, b] = f.docs.as_slice() {
            if let (Some(&a), Some(&b)) = (pos.get(a.as_str()), pos.get(b.as_str())) {
                conflict[a][b] += 1;
                conflict[b][a] += 1;
            }
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
    // Mostly letters of another script (CJK, Arabic, Hebrew, Cyrillic, …): even a short text says so.
    let latin = |c: char| c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c);
    // One lower-case buffer for every word (this reads up to 2,000 words of every document).
    let mut lower = String::new();
    let (mut words, mut letters, mut other_script, mut english) = (0usize, 0usize, 0usize, 0usize);
    for w in text.split_whitespace().take(2_000) {
        crate::analyze::tokens::lowercase_into(&mut lower, w);
        if !w.is_ascii() {
            other_script += lower.chars().filter(|&c| c.is_alphabetic() && !latin(c)).count();
        }
        words += 1;
        letters += lower.chars().filter(|c| c.is_alphabetic()).count();
        english += usize::from(lex.is_stopword(lower.trim_matches(|c: char| !c.is_alphanumeric())));
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
