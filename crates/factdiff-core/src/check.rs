//! Check one claim against sources (grounding: an LLM answer against the documents it cites).
//!
//! The rule, in one place for the CLI and the Python package: the claim is compared as its own
//! document with the sources; it is contradicted when a contradiction, numeric or date conflict
//! involves one of its claims, else supported when one of its claims aligns (without a
//! contradict verdict) with a claim of a source, else not covered A contradicted claim's evidence
//! lists every source on the conflicting facts, each noted as agreeing with the claim or
//! contradicting it (with its value), then the other sources that support it: a claim one source
//! confirms and another contradicts shows both.

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
    // Every source that aligns with the claim without contradicting it.
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
    if !conflicts.is_empty() {
        // Every source on the conflicting facts, each said to agree with the claim or contradict
        // it (its value in the finding beside the claim's), then the other supporting sources.
        let mut evidence: Vec<Evidence> = Vec::new();
        for f in &conflicts {
            let claim_groups: Vec<usize> = f
                .sources
                .iter()
                .filter(|s| s.doc == claim_doc)
                .map(|s| s.group)
                .collect();
            for e in f.evidence.iter().filter(|e| e.doc != claim_doc) {
                let mut e = e.clone();
                let theirs: Vec<&crate::SourceValue> = f.sources.iter().filter(|s| s.doc == e.doc).collect();
                if let Some(s) = theirs.first() {
                    let agrees = theirs.iter().any(|s| claim_groups.contains(&s.group));
                    let side = if agrees {
                        "agrees with the claim"
                    } else {
                        "contradicts the claim"
                    };
                    e.note = format!("{side}: {}", s.value);
                }
                if !evidence.iter().any(|x| x.doc == e.doc && x.span == e.span) {
                    evidence.push(e);
                }
            }
        }
        for e in supporting {
            if !evidence.iter().any(|x| x.doc == e.doc && x.span == e.span) {
                evidence.push(e);
            }
        }
        return (CheckVerdict::Contradicted, evidence);
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
        // The source that gives the claim's number is listed as agreeing, the other as
        // contradicting.
        let sources = vec![
            Document::new(
                "a",
                "Officials in Valdoria evacuated 1,200 people from villages along the river on Tuesday.",
            ),
            Document::new(
                "b",
                "Valdorian officials evacuated 2,400 people from villages along the river, the ministry said.",
            ),
        ];
        let split = check_claim(
            "Valdorian officials evacuated 2,400 people from villages along the river.",
            &sources,
            &Config::default(),
            &CompareOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(split.verdict, CheckVerdict::Contradicted);
        let note = |doc: &str| split.evidence.iter().find(|e| e.doc == doc).map(|e| e.note.clone());
        assert_eq!(
            note("a").as_deref(),
            Some("contradicts the claim: 1,200"),
            "{:?}",
            split.evidence
        );
        assert_eq!(
            note("b").as_deref(),
            Some("agrees with the claim: 2,400"),
            "{:?}",
            split.evidence
        );
        let json = serde_json::to_value(&unrelated).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({"claim": unrelated.claim, "verdict": "not_covered", "evidence": []})
        );
    }
}
