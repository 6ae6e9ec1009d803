//! `unsupported`: a check-worthy claim that no other source corroborates,
//! with the reasons a reader should be careful (no attribution, anonymous
//! sourcing, evaluative or predictive language, intensifiers) and, for a named
//! speaker, whose claim it is (a named person is not anonymous sourcing).

use super::{claim_evidence, finding, Detector, Input};
use crate::{Finding, FindingKind, Modality, Severity, SpeakerKind, VerdictLabel};
use std::collections::HashSet;

#[derive(Debug)]
pub struct Unsupported;

impl Detector for Unsupported {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding> {
        if input.docs.len() < 2 {
            return Vec::new();
        }
        let corroborated: HashSet<usize> = input
            .alignment
            .pairs
            .iter()
            .filter(|(_, _, al)| al.verdict.label != VerdictLabel::Contradict)
            .flat_map(|(i, j, _)| [*i, *j])
            .collect();
        let mut out = Vec::new();
        for (n, c) in input.claims.iter().enumerate() {
            if corroborated.contains(&n) || c.headline || c.check_worthiness < input.config.check_worthy {
                continue;
            }
            let mut reasons = vec!["no other source corroborates it".to_string()];
            let mut risk = 0;
            match c.speaker.kind {
                SpeakerKind::Author => {
                    reasons.push("no attribution: stated in the article's own voice".into());
                    risk += 1;
                }
                SpeakerKind::Anonymous => {
                    reasons.push(format!(
                        "anonymous sourcing ({})",
                        c.speaker.name.as_deref().unwrap_or("unnamed")
                    ));
                    risk += 2;
                }
                // Named: not anonymous sourcing; the reader learns whose claim it is.
                SpeakerKind::Person => reasons.push(format!("attributed to a named person: {}", c.speaker.label())),
                SpeakerKind::Organisation => {
                    reasons.push(format!("attributed to an organisation: {}", c.speaker.label()))
                }
            }
            if !c.evaluative.is_empty() && c.speaker.kind == SpeakerKind::Author {
                reasons.push(format!(
                    "evaluative language: {}",
                    c.evaluative
                        .iter()
                        .map(|e| format!("'{}'", e.text))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                risk += 1;
            }
            if !c.intensifiers.is_empty() {
                reasons.push(format!(
                    "intensifier: {}",
                    c.intensifiers
                        .iter()
                        .map(|e| format!("'{}'", e.text))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                risk += 1;
            }
            if c.modality == Modality::Prediction {
                reasons.push("prediction stated as fact".into());
                risk += 1;
            }
            let severity = if risk >= 3 { Severity::Medium } else { Severity::Low };
            out.push(finding(
                FindingKind::Unsupported,
                severity,
                format!(
                    "Only {} asserts this; {}.",
                    c.doc,
                    reasons[1..]
                        .first()
                        .map_or("no other source mentions it", String::as_str)
                ),
                &[c],
                vec![claim_evidence(c, format!("only in {}", c.doc))],
                reasons,
            ));
        }
        out
    }
}
