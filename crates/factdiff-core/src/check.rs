//! Check one claim against sources (grounding: an LLM answer against the documents it cites).
//!
//! The rule, in one place for the CLI and the Python package: the claim is compared as its own
//! document with the sources; it is contradicted when a contradiction, numeric or date conflict
//! involves one of its claims, else supported when one of its claims aligns (without a
//! contradict verdict) with a claim of a source, else not covered.

use crate::pipeline::{compare, CompareOptions};
use crate::{Check, CheckVerdict, Config, Document, Evidence, Report, Result};

/// Check `claim` against `sources`; see the module docs for the rule.
///
/// ```
/// use factdiff_core::{check_claim, CheckVerdict, CompareOptions, Config, Document};
/// let sources = vec![Document::new("a", "Officials said 12 people were rescued from the river on Monday.")];
/// let claim = "Officials said 40 people were rescued from the river on Monday.";
/// let check = check_claim(claim, &sources, &Config::default(), &CompareOptions::default()).unwrap();
/// assert_eq!(check.verdict, CheckVerdict::Contradicted);
/// assert_eq!(check.evidence[0].doc, "a");
/// ```
pub fn check_claim(claim: &str, sources: &[Document], config: &Config, options: &CompareOptions<'_>) -> Result<Check> {
    let claim_doc = free_id(sources);
    let mut docs = sources.to_vec();
    docs.push(Document::new(claim_doc.clone(), claim));
    let report = compare(&docs, config, options)?;
    let (verdict, evidence) = verdict(&report, &claim_doc);
    Ok(Check {
        claim: claim.to_string(),
        verdict,
        evidence,
        claim_doc,
        report,
    })
}

/// `claim`, else the first of `claim1`, `claim2`, … that no source has as its id.
fn free_id(sources: &[Document]) -> String {
    let taken = |name: &str| sources.iter().any(|d| d.id == name);
    std::iter::once("claim".to_string())
        .chain((1..).map(|i| format!("claim{i}")))
        .find(|name| !taken(name))
        .unwrap_or_default()
}

/// The verdict on document `claim_doc` of `report` and the evidence behind it.
fn verdict(report: &Report, claim_doc: &str) -> (CheckVerdict, Vec<Evidence>) {
    let mine: Vec<&str> = report
        .claims
        .iter()
        .filter(|c| c.doc == claim_doc)
        .map(|c| c.id.as_str())
        .collect();
    let conflicts: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind.is_conflict() && f.claims.iter().any(|c| mine.contains(&c.as_str())))
        .collect();
    if !conflicts.is_empty() {
        let evidence = conflicts
            .iter()
            .flat_map(|f| &f.evidence)
            .filter(|e| e.doc != claim_doc)
            .cloned()
            .collect();
        return (CheckVerdict::Contradicted, evidence);
    }
    let mut supporting = Vec::new();
    for al in report.clusters.iter().flat_map(|c| &c.alignments) {
        let a_mine = mine.contains(&&*al.a);
        if al.verdict.label != crate::VerdictLabel::Contradict && a_mine != mine.contains(&&*al.b) {
            let other = if a_mine { &al.b } else { &al.a };
            if let Some(c) = report.claim(other) {
                supporting.push(Evidence {
                    doc: c.doc.clone(),
                    span: c.span,
                    text: c.text.clone(),
                    note: format!("supports the claim (alignment score {:.2})", al.score),
                    claim: Some(c.id.clone()),
                    cues: Vec::new(),
                });
            }
        }
    }
    let verdict = if supporting.is_empty() {
        CheckVerdict::NotCovered
    } else {
        CheckVerdict::Supported
    };
    (verdict, supporting)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_is_supported_contradicted_or_not_covered() {
        let sources = vec![
            Document::new(
                "a",
                "The Marin river dam broke on Sunday night after heavy rain, officials said.",
            ),
            Document::new(
                "claim",
                "Rescue teams reached the flooded town of Esk by boat on Monday.",
            ),
        ];
        let check = |text: &str| {
            check_claim(text, &sources, &Config::default(), &CompareOptions::default())
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let supported = check("The dam on the Marin river broke on Sunday night after heavy rain.");
        assert_eq!(supported.verdict, CheckVerdict::Supported);
        // "claim" is a source's id: the claim's own document is the next free name.
        assert_eq!(supported.claim_doc, "claim1");
        assert!(supported.evidence.iter().all(|e| e.doc != "claim1"));
        assert!(supported.evidence[0].note.starts_with("supports the claim"));
        let contradicted = check("The dam on the Marin river did not break on Sunday night after heavy rain.");
        assert_eq!(contradicted.verdict, CheckVerdict::Contradicted);
        assert!(!contradicted.evidence.is_empty());
        let unrelated = check("The choir sang old songs in the town hall of Lisbon.");
        assert_eq!(unrelated.verdict, CheckVerdict::NotCovered);
        assert!(unrelated.evidence.is_empty());
        let json = serde_json::to_value(&unrelated).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({"claim": unrelated.claim, "verdict": "not_covered", "evidence": []})
        );
    }
}
