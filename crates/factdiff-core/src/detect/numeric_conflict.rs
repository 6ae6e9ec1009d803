//! `numeric_conflict`: aligned claims that count the same thing with different
//! numbers ("26 lives" vs "28 lives"). Bounds are respected: "at least 40" does
//! not conflict with 45, and values within 2% are treated as rounding.

use super::{claim_evidence, different_dates, finding, oriented, part_evidence, Detector, Input};
use crate::analyze::quantities::{compatible, same_thing};
use crate::{Finding, FindingKind, Severity};

#[derive(Debug)]
pub struct NumericConflict;

impl Detector for NumericConflict {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, j, _) in &input.alignment.pairs {
            let (a, b) = oriented(&input.claims[*i], &input.claims[*j]);
            if different_dates(a, b) {
                continue;
            }
            let conflict = a.quantities.iter().find_map(|qa| {
                let qb = b.quantities.iter().find(|qb| same_thing(qa, qb))?;
                // A matching value elsewhere in b means they agree on this count.
                let agrees = b.quantities.iter().any(|x| same_thing(qa, x) && compatible(qa, x));
                (!agrees && !compatible(qa, qb)).then_some((qa, qb))
            });
            let Some((qa, qb)) = conflict else { continue };
            let what = qa.counted.clone().or_else(|| qa.unit.clone()).unwrap_or_default();
            out.push(finding(
                FindingKind::NumericConflict,
                Severity::High,
                format!("{} says \"{}\" but {} says \"{}\".", a.doc, qa.text, b.doc, qb.text),
                &[a, b],
                vec![
                    claim_evidence(a, format!("{} says {}", a.doc, qa.text)),
                    part_evidence(a, qa.span, "number"),
                    claim_evidence(b, format!("{} says {}", b.doc, qb.text)),
                    part_evidence(b, qb.span, "number"),
                ],
                vec![format!("{} vs {} (counting '{what}')", qa.value, qb.value)],
            ));
        }
        out
    }
}
