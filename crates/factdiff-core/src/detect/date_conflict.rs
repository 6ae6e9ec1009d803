//! `date_conflict`: closely aligned claims that date the same event
//! differently ("the attack on April 22" vs "the attack on April 23").
//! Only dates of the same precision are compared.

use super::{claim_evidence, finding, oriented, part_evidence, Detector, Input};
use crate::{DateMention, Finding, FindingKind, Severity};

#[derive(Debug)]
pub struct DateConflict;

/// Minimum alignment score: the claims must clearly describe one event.
const SAME_EVENT: f64 = 0.45;

fn shape(v: &str) -> (usize, bool) {
    (v.len(), v.starts_with("--"))
}

impl Detector for DateConflict {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, j, al) in &input.alignment.pairs {
            let (a, b) = oriented(&input.claims[*i], &input.claims[*j]);
            if al.score < SAME_EVENT || al.features.shared_entities.is_empty() {
                continue;
            }
            let valued = |d: &&DateMention| d.value.is_some();
            let agree = a
                .dates
                .iter()
                .filter(valued)
                .any(|x| b.dates.iter().any(|y| x.value == y.value));
            if agree {
                continue;
            }
            let pair = a.dates.iter().filter(valued).find_map(|x| {
                let xv = x.value.as_deref()?;
                b.dates
                    .iter()
                    .filter(valued)
                    .find(|y| y.value.as_deref().is_some_and(|yv| shape(yv) == shape(xv) && yv != xv))
                    .map(|y| (x, y))
            });
            let Some((x, y)) = pair else { continue };
            out.push(finding(
                FindingKind::DateConflict,
                Severity::Medium,
                format!("{} dates it \"{}\" but {} says \"{}\".", a.doc, x.text, b.doc, y.text),
                &[a, b],
                vec![
                    claim_evidence(a, format!("{} says", a.doc)),
                    part_evidence(a, x.span, "date"),
                    claim_evidence(b, format!("{} says", b.doc)),
                    part_evidence(b, y.span, "date"),
                ],
                vec![format!(
                    "{} vs {}",
                    x.value.clone().unwrap_or_default(),
                    y.value.clone().unwrap_or_default()
                )],
            ));
        }
        out
    }
}
