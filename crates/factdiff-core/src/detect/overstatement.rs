//! `overstatement`: a source states with certainty or intensity what another
//! source, on the same fact, hedges or says without the intensifier. One finding per fact (the
//! claims joined by such pairs), every source with how it puts the fact.

use super::facts::{components, shorten, FactFinding, Group};
use super::{claim_evidence, part_evidence, Detector, Input};
use crate::{Claim, Cue, Finding, FindingKind, Modality, Severity, VerdictLabel};
use rustc_hash::FxHashMap;

#[derive(Debug)]
pub struct Overstatement;

impl Detector for Overstatement {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding> {
        let mut edges = Vec::new();
        let mut reasons_of: FxHashMap<usize, Vec<String>> = FxHashMap::default();
        for (i, j, al) in &input.alignment.pairs {
            if al.verdict.label == VerdictLabel::Contradict {
                continue;
            }
            let (a, b) = (&input.claims[*i], &input.claims[*j]);
            let gaps: Vec<Gap<'_>> = [(a, b), (b, a)]
                .into_iter()
                .filter_map(|(strong, mild)| Gap::between(strong, mild))
                .collect();
            if gaps.is_empty() {
                continue;
            }
            edges.push((*i, *j));
            let reasons = reasons_of.entry(*i).or_default();
            for g in &gaps {
                for r in g.reasons() {
                    if !reasons.contains(&r) {
                        reasons.push(r);
                    }
                }
            }
        }
        let mut out = Vec::new();
        for fact in components(input.claims.len(), edges) {
            let claims: Vec<&Claim> = fact.iter().map(|&k| &input.claims[k]).collect();
            let mut groups: Vec<Group<'_>> = Vec::new();
            for c in &claims {
                let value = how(c);
                match groups.iter_mut().find(|g| g.value == value) {
                    Some(g) => g.claims.push(c),
                    None => groups.push(Group { value, claims: vec![c] }),
                }
            }
            if groups.len() < 2 {
                continue;
            }
            // The strongest statement first, the mildest last.
            groups.sort_by_key(|g| strength(g.claims[0]));
            groups.reverse();
            let hedged = claims.iter().any(|c| c.modality == Modality::Hedged);
            let mut reasons: Vec<String> = Vec::new();
            for k in &fact {
                for r in reasons_of.get(k).map_or(&[][..], Vec::as_slice) {
                    if !reasons.contains(r) && reasons.len() < 6 {
                        reasons.push(r.clone());
                    }
                }
            }
            let mut evidence = Vec::new();
            for c in &claims {
                evidence.push(claim_evidence(c, format!("{} {}", c.doc, how(c))));
                evidence.extend(c.intensifiers.iter().map(|x| part_evidence(c, x.span, "intensifier")));
            }
            let strongest = groups[0].claims[0];
            out.push(
                FactFinding {
                    kind: FindingKind::Overstatement,
                    severity: if hedged { Severity::Medium } else { Severity::Low },
                    fact: format!("“{}”", shorten(&strongest.text, 80)),
                    groups,
                    evidence,
                    reasons,
                }
                .finding(),
            );
        }
        out
    }
}

/// How a claim states its fact: "hedges it", "states it with 'unequivocally'", "states it
/// plainly".
fn how(c: &Claim) -> String {
    if c.modality == Modality::Hedged {
        return "hedges it".into();
    }
    if c.intensifiers.is_empty() {
        return "states it plainly".into();
    }
    let mut words: Vec<String> = c
        .intensifiers
        .iter()
        .map(|x| format!("'{}'", x.text.to_lowercase()))
        .collect();
    words.dedup();
    format!("states it with {}", words.join(", "))
}

/// Order of strength: a hedge is weakest, then a plain statement, then more intensifiers.
fn strength(c: &Claim) -> (bool, usize) {
    (c.modality != Modality::Hedged, c.intensifiers.len())
}

/// What `strong` states more strongly than `mild`.
struct Gap<'a> {
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
        (!added.is_empty() || hedged).then_some(Gap { mild, added, hedged })
    }

    /// The reasons this gap gives: the intensifiers added, the hedge.
    fn reasons(&self) -> Vec<String> {
        let mut reasons: Vec<String> = self
            .added
            .iter()
            .map(|x| format!("intensifier '{}' not in {}", x.text, self.mild.doc))
            .collect();
        if self.hedged {
            reasons.push(format!("{} hedges the same claim", self.mild.doc));
        }
        reasons
    }
}
