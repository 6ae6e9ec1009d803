//! `overstatement`: a source states with certainty or intensity what another
//! source, on the same fact, hedges or says without the intensifier.

use super::{claim_evidence, finding, part_evidence, Detector, Input};
use crate::{Finding, FindingKind, Modality, Severity, VerdictLabel};

#[derive(Debug)]
pub struct Overstatement;

impl Detector for Overstatement {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, j, al) in &input.alignment.pairs {
            if al.verdict.label == VerdictLabel::Contradict {
                continue;
            }
            for (strong, mild) in [
                (&input.claims[*i], &input.claims[*j]),
                (&input.claims[*j], &input.claims[*i]),
            ] {
                let mild_lower = mild.text.to_lowercase();
                let added: Vec<_> = strong
                    .intensifiers
                    .iter()
                    .filter(|x| !mild_lower.contains(&x.text.to_lowercase()))
                    .collect();
                let hedged = mild.modality == Modality::Hedged && strong.modality == Modality::Fact;
                if added.is_empty() && !hedged {
                    continue;
                }
                let mut reasons: Vec<String> = added
                    .iter()
                    .map(|x| format!("intensifier '{}' not in {}", x.text, mild.doc))
                    .collect();
                if hedged {
                    reasons.push(format!("{} hedges the same claim", mild.doc));
                }
                let words: Vec<String> = added.iter().map(|x| format!("'{}'", x.text)).collect();
                let how = if words.is_empty() {
                    "as certain".to_string()
                } else {
                    format!("with {}", words.join(", "))
                };
                let mut evidence = vec![
                    claim_evidence(strong, format!("{} states it {how}", strong.doc)),
                    claim_evidence(mild, format!("{} says it more mildly", mild.doc)),
                ];
                evidence.extend(added.iter().map(|x| part_evidence(strong, x.span, "intensifier")));
                out.push(finding(
                    FindingKind::Overstatement,
                    if hedged { Severity::Medium } else { Severity::Low },
                    format!(
                        "{} states {how} what {} says {}.",
                        strong.doc,
                        mild.doc,
                        if hedged { "with a hedge" } else { "more mildly" }
                    ),
                    &[strong, mild],
                    evidence,
                    reasons,
                ));
                break;
            }
        }
        out
    }
}
