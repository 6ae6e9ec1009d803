//! `contradiction`: claims in different sources that cannot both hold.
//!
//! - negation flip or antonymous predicates on aligned claims (the judge's verdict);
//! - incompatible stance of the same actor toward the same targets: one source
//!   has the actor take a side (support A against B, or support A vs oppose A),
//!   another has it call on both sides;
//! - the same direct quote given to different speakers.
//!
//! Claims about different dates are never contradictions.

use super::{claim_evidence, different_dates, finding, part_evidence, Detector, Input};
use crate::{Claim, Finding, FindingKind, Severity, SpeakerKind, Stance, StanceKind, VerdictLabel};
use std::collections::{BTreeMap, HashMap};

#[derive(Debug)]
pub struct Contradiction;

impl Detector for Contradiction {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding> {
        let mut out = judged(input);
        out.extend(stances(input));
        out.extend(quotes(input));
        out
    }
}

fn judged(input: &Input<'_>) -> Vec<Finding> {
    input
        .alignment
        .pairs
        .iter()
        .filter(|(_, _, al)| al.verdict.label == VerdictLabel::Contradict)
        .filter(|(i, j, _)| !different_dates(&input.claims[*i], &input.claims[*j]))
        .map(|(i, j, al)| {
            let (a, b) = (&input.claims[*i], &input.claims[*j]);
            let why = al
                .verdict
                .reasons
                .first()
                .cloned()
                .unwrap_or_else(|| "judged contradictory".into());
            finding(
                FindingKind::Contradiction,
                Severity::Medium,
                format!(
                    "{} and {} say opposite things about the same fact ({why}).",
                    a.doc, b.doc
                ),
                &[a, b],
                vec![
                    claim_evidence(a, format!("{} says", a.doc)),
                    claim_evidence(b, format!("{} says", b.doc)),
                ],
                al.verdict.reasons.clone(),
            )
        })
        .collect()
}

/// Why stance `x` and stance `y` of one actor cannot both hold, if they cannot.
fn incompatible(x: &Stance, y: &Stance) -> Option<String> {
    let side = |s: &Stance| s.kind == StanceKind::Support && !s.against.is_empty();
    let shares = |a: &[String], b: &[String]| a.iter().any(|t| b.contains(t));
    let (sided, other) = if side(x) {
        (x, y)
    } else if side(y) {
        (y, x)
    } else {
        (x, y)
    };
    if side(sided)
        && other.kind == StanceKind::BothSides
        && shares(&sided.targets, &other.targets)
        && shares(&sided.against, &other.targets)
    {
        return Some(format!(
            "takes {}'s side against {} vs calls on both {}",
            sided.targets.join(", "),
            sided.against.join(", "),
            other.targets.join(" and ")
        ));
    }
    let (s, o) = if x.kind == StanceKind::Support { (x, y) } else { (y, x) };
    if s.kind == StanceKind::Support && o.kind == StanceKind::Oppose && shares(&s.targets, &o.targets) {
        return Some(format!(
            "supports vs opposes {}",
            s.targets
                .iter()
                .filter(|t| o.targets.contains(t))
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    None
}

fn stance_note(c: &Claim, s: &Stance) -> String {
    let who = if c.speaker.kind == SpeakerKind::Author {
        format!("{} (own voice)", c.doc)
    } else {
        format!("{} quoting {}", c.doc, c.speaker.label())
    };
    match s.kind {
        StanceKind::Support if !s.against.is_empty() => format!(
            "{who}: {} backs {} against {}",
            s.actor,
            s.targets.join(", "),
            s.against.join(", ")
        ),
        StanceKind::Support => format!("{who}: {} supports {}", s.actor, s.targets.join(", ")),
        StanceKind::Oppose => format!("{who}: {} opposes {}", s.actor, s.targets.join(", ")),
        StanceKind::BothSides => format!("{who}: {} calls on both {}", s.actor, s.targets.join(" and ")),
        StanceKind::Concern => format!("{who}: {} is concerned about {}", s.actor, s.targets.join(", ")),
    }
}

/// Strength, the two claims with their stances, and why they conflict.
type Conflict<'a> = (usize, &'a Claim, &'a Stance, &'a Claim, &'a Stance, String);

/// One finding per (actor, pair of documents), with the strongest pair of claims as evidence.
fn stances(input: &Input<'_>) -> Vec<Finding> {
    const MAX_PER_ACTOR: usize = 400;
    let mut by_actor: BTreeMap<&str, Vec<(&Claim, &Stance)>> = BTreeMap::new();
    for c in input.claims {
        for s in &c.stances {
            let list = by_actor.entry(s.actor.as_str()).or_default();
            if list.len() < MAX_PER_ACTOR {
                list.push((c, s));
            }
        }
    }
    let mut best: HashMap<(&str, &str, &str), Conflict<'_>> = HashMap::new();
    for (actor, list) in &by_actor {
        for (n, (ca, sa)) in list.iter().enumerate() {
            for (cb, sb) in &list[n + 1..] {
                if ca.doc == cb.doc || different_dates(ca, cb) {
                    continue;
                }
                let Some(why) = incompatible(sa, sb) else { continue };
                let strength = ca.intensifiers.len()
                    + cb.intensifiers.len()
                    + usize::from(!sa.against.is_empty() || !sb.against.is_empty()) * 2;
                let (d1, d2) = if ca.doc < cb.doc {
                    (ca.doc.as_str(), cb.doc.as_str())
                } else {
                    (cb.doc.as_str(), ca.doc.as_str())
                };
                let entry = best.entry((actor, d1, d2)).or_insert((0, ca, sa, cb, sb, why.clone()));
                if strength > entry.0 {
                    *entry = (strength, ca, sa, cb, sb, why);
                }
            }
        }
    }
    let mut out: Vec<Finding> = best
        .into_iter()
        .map(|((actor, _, _), (_, ca, sa, cb, sb, why))| {
            let mut evidence = vec![
                claim_evidence(ca, stance_note(ca, sa)),
                claim_evidence(cb, stance_note(cb, sb)),
            ];
            for (c, s) in [(ca, sa), (cb, sb)] {
                evidence.push(part_evidence(c, s.cue.span, format!("stance cue in {}", c.doc)));
                for i in &c.intensifiers {
                    evidence.push(part_evidence(c, i.span, format!("intensifier in {}", c.doc)));
                }
            }
            let mut reasons = vec![format!("incompatible stance of {actor}: {why}")];
            reasons.extend(
                ca.intensifiers
                    .iter()
                    .chain(&cb.intensifiers)
                    .map(|i| format!("intensifier '{}'", i.text)),
            );
            finding(
                FindingKind::Contradiction,
                Severity::High,
                format!("{}; but {}.", stance_note(ca, sa), stance_note(cb, sb)),
                &[ca, cb],
                evidence,
                reasons,
            )
        })
        .collect();
    out.sort_by(|a, b| a.claims.cmp(&b.claims));
    out
}

/// The same quotation given to different named speakers.
fn quotes(input: &Input<'_>) -> Vec<Finding> {
    let mut seen: HashMap<String, &Claim> = HashMap::new();
    let mut out = Vec::new();
    for c in input.claims {
        let (Some(q), SpeakerKind::Person, Some(name)) = (c.quote, c.speaker.kind, c.speaker.name.as_deref()) else {
            continue;
        };
        let text: String = part_evidence(c, q, "")
            .text
            .chars()
            .filter(|ch| ch.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if text.len() < 24 {
            continue;
        }
        match seen.get(&text) {
            Some(first) if first.doc != c.doc && first.speaker.name.as_deref() != Some(name) => {
                let other = first.speaker.name.clone().unwrap_or_default();
                out.push(finding(
                    FindingKind::Contradiction,
                    Severity::High,
                    format!(
                        "The same quote is given to {other} in {} and to {name} in {}.",
                        first.doc, c.doc
                    ),
                    &[first, c],
                    vec![
                        claim_evidence(first, format!("quoted as {other}")),
                        claim_evidence(c, format!("quoted as {name}")),
                    ],
                    vec!["same quote, different speakers".into()],
                ));
            }
            Some(_) => {}
            None => {
                seen.insert(text, c);
            }
        }
    }
    out
}
