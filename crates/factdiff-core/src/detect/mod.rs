//! Detect: one file per finding kind. Each detector reads the aligned claims
//! and returns findings with evidence spans and a one-line explanation.

mod contradiction;
mod date_conflict;
mod facts;
mod numeric_conflict;
mod overstatement;
mod repetition;
mod unsupported;

use crate::align::Aligned;
use crate::analyze::Outline;
use crate::lexicon::Lexicon;
use crate::{Claim, Config, Document, Evidence, Finding, FindingKind, Severity, Span};

/// Everything a detector may read.
#[derive(Debug)]
pub struct Input<'a> {
    pub docs: &'a [Document],
    /// What each document's cleaning and segmentation left (parallel to `docs`).
    pub outlines: &'a [Outline],
    pub claims: &'a [Claim],
    pub alignment: &'a Aligned,
    pub lex: &'a Lexicon,
    pub config: &'a Config,
}

/// A finding kind's detector.
pub trait Detector {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding>;
}

/// Run every detector; findings are numbered in a stable order.
pub fn detect_all(input: &Input<'_>) -> Vec<Finding> {
    let detectors: [&(dyn Detector + Sync); 6] = [
        &contradiction::Contradiction,
        &numeric_conflict::NumericConflict,
        &date_conflict::DateConflict,
        &overstatement::Overstatement,
        &unsupported::Unsupported,
        &repetition::Repetition,
    ];
    // Detectors are independent: run in parallel, findings kept in detector order.
    let per_detector: Vec<Vec<Finding>> = {
        use rayon::prelude::*;
        detectors.par_iter().map(|d| d.detect(input)).collect()
    };
    let mut findings: Vec<Finding> = per_detector.into_iter().flatten().collect();
    findings.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.severity.cmp(&a.severity))
            .then(a.claims.cmp(&b.claims))
    });
    for (n, f) in findings.iter_mut().enumerate() {
        f.id = format!("f{n}");
    }
    findings
}

/// Evidence for a whole claim.
pub(crate) fn claim_evidence(c: &Claim, note: impl Into<String>) -> Evidence {
    Evidence {
        doc: c.doc.clone(),
        span: c.span,
        text: c.text.clone(),
        note: note.into(),
        claim: Some(c.id.clone()),
    }
}

/// Evidence for a part of a claim (a cue, a number, a date): sliced from the claim's own text,
/// since every such span lies inside the claim's sentence.
pub(crate) fn part_evidence(c: &Claim, span: Span, note: impl Into<String>) -> Evidence {
    let rel = |b: usize| b.saturating_sub(c.span.start_byte);
    let text = c
        .text
        .get(rel(span.start_byte)..rel(span.end_byte))
        .unwrap_or("")
        .to_string();
    Evidence {
        doc: c.doc.clone(),
        span,
        text,
        note: note.into(),
        claim: Some(c.id.clone()),
    }
}

/// Evidence for a span of a document.
pub(crate) fn span_evidence(doc: &Document, span: Span, note: impl Into<String>) -> Evidence {
    Evidence {
        doc: doc.id.clone(),
        span,
        text: span.slice(&doc.text).to_string(),
        note: note.into(),
        claim: None,
    }
}

pub(crate) fn finding(
    kind: FindingKind,
    severity: Severity,
    explanation: String,
    claims: &[&Claim],
    evidence: Vec<Evidence>,
    reasons: Vec<String>,
) -> Finding {
    let mut docs: Vec<String> = claims.iter().map(|c| c.doc.clone()).collect();
    docs.dedup();
    Finding {
        id: String::new(),
        kind,
        severity,
        explanation,
        claims: claims.iter().map(|c| c.id.clone()).collect(),
        docs,
        evidence,
        reasons,
        fact: None,
        sources: Vec::new(),
    }
}

/// Resolved dates of a claim that could tell two events apart.
pub(crate) fn absolute_dates(c: &Claim) -> Vec<&str> {
    c.dates
        .iter()
        .filter_map(|d| d.value.as_deref())
        .filter(|v| !v.starts_with("--") && v.len() >= 7)
        .collect()
}

/// True when both claims carry resolved dates and none of them agree: they are
/// about different days, so a difference between them is not a contradiction.
pub(crate) fn different_dates(a: &Claim, b: &Claim) -> bool {
    let (da, db) = (absolute_dates(a), absolute_dates(b));
    !da.is_empty() && !db.is_empty() && !da.iter().any(|x| db.contains(x))
}
