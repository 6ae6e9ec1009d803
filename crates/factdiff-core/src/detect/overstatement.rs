//! `overstatement`: a source states with certainty or intensity what another
//! source, on the same fact, hedges or says without the intensifier.

use super::{claim_evidence, finding, part_evidence, Detector, Input};
use crate::{Claim, Cue, Finding, FindingKind, Modality, Severity, VerdictLabel};

#[derive(Debug)]
pub struct Overstatement;

impl Detector for Overstatement {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, j, al) in &input.alignment.pairs {
            if al.verdict.label == VerdictLabel::Contradict {
                continue;
            }
            let (a, b) = (&input.claims[*i], &input.claims[*j]);
            // When both directions overstate, keep the stronger one: a hedge beats an intensifier,
            // more added intensifiers beat fewer, then the earlier (document, span) is the strong
            // side. The choice never depends on the order of the documents.
            let best = [(a, b), (b, a)]
                .into_iter()
                .filter_map(|(strong, mild)| Gap::between(strong, mild))
                .max_by(|x, y| {
                    (x.hedged, x.added.len())
                        .cmp(&(y.hedged, y.added.len()))
                        .then_with(|| (&y.strong.doc, y.strong.span).cmp(&(&x.strong.doc, x.strong.span)))
                });
            if let Some(gap) = best {
                out.push(gap.finding());
            }
        }
        out
    }
}

/// What `strong` states more strongly than `mild`.
struct Gap<'a> {
    strong: &'a Claim,
    mild: &'a Claim,
    /// Intensifiers of `strong` that `mild` does not use.
    added: Vec<&'a Cue>,
    /// `mild` hedges what `strong` states as fact.
    hedged: bool,
}

impl<'a> Gap<'a> {
    fn between(strong: &'a Claim, mild: &'a Claim) -> Option<Gap<'a>> {
        // Most claims have no intensifier: lower-case the mild text only when one is checked.
        let added: Vec<&Cue> = if strong.intensifiers.is_empty() {
            Vec::new()
        } else {
            let mild_lower = mild.text.to_lowercase();
            strong
                .intensifiers
                .iter()
                .filter(|x| !mild_lower.contains(&x.text.to_lowercase()))
                .collect()
        };
        let hedged = mild.modality == Modality::Hedged && strong.modality == Modality::Fact;
        (!added.is_empty() || hedged).then_some(Gap {
            strong,
            mild,
            added,
            hedged,
        })
    }

    fn finding(&self) -> Finding {
        let Gap {
            strong, mild, hedged, ..
        } = *self;
        let mut reasons: Vec<String> = self
            .added
            .iter()
            .map(|x| format!("intensifier '{}' not in {}", x.text, mild.doc))
            .collect();
        if hedged {
            reasons.push(format!("{} hedges the same claim", mild.doc));
        }
        let words: Vec<String> = self.added.iter().map(|x| format!("'{}'", x.text)).collect();
        let how = if words.is_empty() {
            "as certain".to_string()
        } else {
            format!("with {}", words.join(", "))
        };
        let mut evidence = vec![
            claim_evidence(strong, format!("{} states it {how}", strong.doc)),
            claim_evidence(mild, format!("{} says it more mildly", mild.doc)),
        ];
        evidence.extend(self.added.iter().map(|x| part_evidence(strong, x.span, "intensifier")));
        finding(
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
        )
    }
}
