//! `repetition`: the same content repeated inside one document — paragraphs
//! that cleaning set aside as repeats, and near-identical sentences. A
//! document's repeats never count as corroboration (alignment only pairs
//! claims of different documents).

use super::{claim_evidence, finding, span_evidence, Detector, Input};
use crate::{Finding, FindingKind, RemovalReason, Severity};

#[derive(Debug)]
pub struct Repetition;

impl Detector for Repetition {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        for (doc, outline) in input.docs.iter().zip(input.outlines) {
            let repeats: Vec<_> = outline
                .removed
                .iter()
                .filter(|r| r.reason == RemovalReason::RepeatedParagraph)
                .collect();
            if repeats.is_empty() {
                continue;
            }
            let mut evidence = Vec::new();
            for r in &repeats {
                if let Some(first) = r.repeats {
                    evidence.push(span_evidence(doc, first, "first occurrence"));
                }
                evidence.push(span_evidence(doc, r.span, "repeated copy (left out of analysis)"));
            }
            let bytes: usize = repeats.iter().map(|r| r.span.len()).sum();
            let mut f = finding(
                FindingKind::Repetition,
                Severity::Medium,
                format!("{} repeats {} paragraph(s) ({bytes} bytes); the copies are not counted as claims or corroboration.", doc.id, repeats.len()),
                &[],
                evidence,
                vec![format!("{} repeated paragraph(s)", repeats.len())],
            );
            f.docs = vec![doc.id.clone()];
            out.push(f);
        }
        for (i, j, sim) in &input.alignment.repeats {
            let (a, b) = (&input.claims[*i], &input.claims[*j]);
            out.push(finding(
                FindingKind::Repetition,
                Severity::Low,
                format!("{} says nearly the same thing twice (similarity {:.2}).", a.doc, sim),
                &[a, b],
                vec![claim_evidence(a, "first"), claim_evidence(b, "near-identical repeat")],
                vec![format!("sentence similarity {:.2}", sim)],
            ));
        }
        out
    }
}
