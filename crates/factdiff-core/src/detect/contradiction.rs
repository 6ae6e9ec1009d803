//! `contradiction`: claims in different sources that cannot both hold.
//!
//! - negation flip or antonymous predicates on aligned claims (the judge's verdict);
//! - incompatible stance of the same actor toward the same targets: one source
//!   has the actor take a side (support A against B, or support A vs oppose A),
//!   another has it call on both sides;
//! - the same direct quote given to different speakers.
//!
//! Claims about different dates are never contradictions. One finding per fact (the claims
//! joined by contradictory verdicts, an actor's stances, a quotation), every source with what it
//! says.

use super::facts::{components, shorten, FactFinding, Group};
use super::{claim_evidence, different_dates, part_evidence, Detector, Input};
use crate::{Claim, Finding, FindingKind, Polarity, Severity, SpeakerKind, Stance, StanceKind, VerdictLabel};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

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

/// One finding per fact: the claims joined by contradictory verdicts, split into the two sides
/// the verdicts put them on, each with the claims that entail one of its members.
fn judged(input: &Input<'_>) -> Vec<Finding> {
    let claims = input.claims;
    let contradicts: Vec<(usize, usize, &crate::Alignment)> = input
        .alignment
        .pairs
        .iter()
        .filter(|(i, j, al)| al.verdict.label == VerdictLabel::Contradict && !different_dates(&claims[*i], &claims[*j]))
        .map(|(i, j, al)| (*i, *j, al))
        .collect();
    if contradicts.is_empty() {
        return Vec::new();
    }
    let mut next: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, j, _) in &contradicts {
        next.entry(*i).or_default().push(*j);
        next.entry(*j).or_default().push(*i);
    }
    let facts = components(claims.len(), contradicts.iter().map(|(i, j, _)| (*i, *j)));
    // Each claim's side (0 or 1) within its fact, alternating along contradictions.
    let mut side: FxHashMap<usize, usize> = FxHashMap::default();
    let mut fact_of: FxHashMap<usize, usize> = FxHashMap::default();
    for (f, fact) in facts.iter().enumerate() {
        let mut queue = std::collections::VecDeque::from([fact[0]]);
        side.insert(fact[0], 0);
        while let Some(x) = queue.pop_front() {
            let s = side.get(&x).copied().unwrap_or(0);
            for &y in next.get(&x).map_or(&[][..], Vec::as_slice) {
                if let std::collections::hash_map::Entry::Vacant(e) = side.entry(y) {
                    e.insert(1 - s);
                    queue.push_back(y);
                }
            }
        }
        for &x in fact {
            fact_of.insert(x, f);
        }
    }
    // Claims that entail a member join its side (one hop), so every source on the fact is listed.
    let mut members: Vec<[Vec<usize>; 2]> = vec![[Vec::new(), Vec::new()]; facts.len()];
    for (&x, &f) in &fact_of {
        members[f][side.get(&x).copied().unwrap_or(0)].push(x);
    }
    for (i, j, al) in &input.alignment.pairs {
        if al.verdict.label != VerdictLabel::Entail {
            continue;
        }
        for (member, other) in [(*i, *j), (*j, *i)] {
            if let (Some(&f), None) = (fact_of.get(&member), fact_of.get(&other)) {
                members[f][side.get(&member).copied().unwrap_or(0)].push(other);
            }
        }
    }
    let mut out = Vec::new();
    for (f, sides) in members.iter_mut().enumerate() {
        for s in sides.iter_mut() {
            s.sort_unstable();
            s.dedup();
        }
        let mut reasons: Vec<String> = Vec::new();
        for (i, _, al) in &contradicts {
            if fact_of.get(i) == Some(&f) {
                for r in &al.verdict.reasons {
                    if !reasons.contains(r) && reasons.len() < 6 {
                        reasons.push(r.clone());
                    }
                }
            }
        }
        let of = |k: usize| -> Vec<&Claim> { sides[k].iter().map(|&x| &claims[x]).collect() };
        let (one, two) = (of(0), of(1));
        let (label_one, label_two) = side_labels(&one, &two);
        // The fact is named by a claim of the side that asserts it (the first side otherwise).
        let named = if says_not(&one) && !says_not(&two) { &two } else { &one };
        let fact = named.first().map_or_else(String::new, |c| format!("“{}”", shorten(&c.text, 80)));
        let evidence = one
            .iter()
            .chain(&two)
            .map(|c| claim_evidence(c, format!("{} says", c.doc)))
            .collect();
        out.push(
            FactFinding {
                kind: FindingKind::Contradiction,
                severity: Severity::Medium,
                fact,
                groups: vec![
                    Group {
                        value: label_one,
                        claims: one,
                    },
                    Group {
                        value: label_two,
                        claims: two,
                    },
                ],
                evidence,
                reasons,
            }
            .finding(),
        );
    }
    out
}

/// Every claim of a side negates or refutes what it states.
fn says_not(side: &[&Claim]) -> bool {
    !side.is_empty()
        && side
            .iter()
            .all(|c| c.polarity == Polarity::Negated || c.refutation.as_ref().is_some_and(|r| !r.negated))
}

/// How each side puts the fact: "says so" / "says not" when one side negates or refutes it; else
/// the sides' predicates ("'rose'" / "'fell'"), or their first words that differ.
fn side_labels(one: &[&Claim], two: &[&Claim]) -> (String, String) {
    match (says_not(one), says_not(two)) {
        (true, false) => return ("says not".into(), "says so".into()),
        (false, true) => return ("says so".into(), "says not".into()),
        _ => {}
    }
    let predicate = |side: &[&Claim]| side.iter().find_map(|c| c.predicate.clone());
    if let (Some(p), Some(q)) = (predicate(one), predicate(two)) {
        if p != q {
            return (format!("says '{p}'"), format!("says '{q}'"));
        }
    }
    ("one account".into(), "the opposite account".into())
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

/// The stance an actor takes, without who says so ("Japan backs India against Pakistan").
fn stance_text(s: &Stance) -> String {
    match s.kind {
        StanceKind::Support if !s.against.is_empty() => format!(
            "{} backs {} against {}",
            s.actor,
            s.targets.join(", "),
            s.against.join(", ")
        ),
        StanceKind::Support => format!("{} supports {}", s.actor, s.targets.join(", ")),
        StanceKind::Oppose => format!("{} opposes {}", s.actor, s.targets.join(", ")),
        StanceKind::BothSides => format!("{} calls on both {}", s.actor, s.targets.join(" and ")),
        StanceKind::Concern => format!("{} is concerned about {}", s.actor, s.targets.join(", ")),
    }
}

/// Who states a stance: "doc (own voice)" or "doc quoting Speaker".
fn who(c: &Claim) -> String {
    if c.speaker.kind == SpeakerKind::Author {
        format!("{} (own voice)", c.doc)
    } else {
        format!("{} quoting {}", c.doc, c.speaker.label())
    }
}

/// One finding per actor whose stances in different sources cannot all hold: every stance that
/// conflicts with another source's, grouped by what it says, each with who says it.
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
    let mut out = Vec::new();
    for (actor, list) in &by_actor {
        let mut involved = vec![false; list.len()];
        let mut whys: Vec<String> = Vec::new();
        for (n, (ca, sa)) in list.iter().enumerate() {
            for (m, (cb, sb)) in list.iter().enumerate().skip(n + 1) {
                if ca.doc == cb.doc || different_dates(ca, cb) {
                    continue;
                }
                let Some(why) = incompatible(sa, sb) else { continue };
                involved[n] = true;
                involved[m] = true;
                if !whys.contains(&why) {
                    whys.push(why);
                }
            }
        }
        if whys.is_empty() {
            continue;
        }
        // Stances that take a side against someone first: they are what the others contradict.
        let mut groups: Vec<(String, Vec<(&Claim, &Stance)>)> = Vec::new();
        for ((c, s), _) in list.iter().zip(&involved).filter(|(_, i)| **i) {
            let text = stance_text(s);
            match groups.iter_mut().find(|(t, _)| *t == text) {
                Some((_, v)) => {
                    if !v.iter().any(|(x, _)| x.id == c.id) {
                        v.push((c, s));
                    }
                }
                None => groups.push((text, vec![(c, s)])),
            }
        }
        groups.sort_by_key(|(_, v)| std::cmp::Reverse(v.iter().any(|(_, s)| !s.against.is_empty())));
        let mut evidence = Vec::new();
        let mut reasons: Vec<String> = whys.iter().map(|w| format!("incompatible stance of {actor}: {w}")).collect();
        for (_, v) in &groups {
            for (c, s) in v {
                evidence.push(claim_evidence(c, format!("{}: {}", who(c), stance_text(s))));
                evidence.push(part_evidence(c, s.cue.span, format!("stance cue in {}", c.doc)));
                for i in &c.intensifiers {
                    evidence.push(part_evidence(c, i.span, format!("intensifier in {}", c.doc)));
                    let r = format!("intensifier '{}'", i.text);
                    if !reasons.contains(&r) {
                        reasons.push(r);
                    }
                }
            }
        }
        let explanation = groups
            .iter()
            .map(|(t, v)| {
                let mut names: Vec<String> = Vec::new();
                for (c, _) in v {
                    let w = who(c);
                    if !names.contains(&w) {
                        names.push(w);
                    }
                }
                format!("{t} ({})", names.join("; "))
            })
            .collect::<Vec<_>>()
            .join(" but ");
        let mut f = FactFinding {
            kind: FindingKind::Contradiction,
            severity: Severity::High,
            fact: format!("stance of {actor}"),
            groups: groups
                .into_iter()
                .map(|(value, v)| Group {
                    value,
                    claims: v.into_iter().map(|(c, _)| c).collect(),
                })
                .collect(),
            evidence,
            reasons,
        }
        .finding();
        f.explanation = format!("stance of {actor}: {explanation}.");
        out.push(f);
    }
    out
}

/// The same quotation given to different named speakers: one finding per quotation, each
/// source with the speaker it names.
fn quotes(input: &Input<'_>) -> Vec<Finding> {
    let mut by_text: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for c in input.claims {
        let (Some(q), SpeakerKind::Person, Some(_)) = (c.quote, c.speaker.kind, c.speaker.name.as_deref()) else {
            continue;
        };
        let text: String = part_evidence(c, q, "")
            .text
            .chars()
            .filter(|ch| ch.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if text.len() >= 24 {
            by_text.entry(text).or_default().push(c);
        }
    }
    let mut out = Vec::new();
    for list in by_text.values() {
        let name = |c: &Claim| c.speaker.name.clone().unwrap_or_default();
        let mut groups: Vec<(String, Vec<&Claim>)> = Vec::new();
        for c in list {
            match groups.iter_mut().find(|(n, _)| *n == name(c)) {
                Some((_, v)) => v.push(c),
                None => groups.push((name(c), vec![c])),
            }
        }
        // Different speakers in different documents.
        let docs_of = |v: &[&Claim]| -> Vec<String> { v.iter().map(|c| c.doc.clone()).collect() };
        let split = groups
            .iter()
            .enumerate()
            .any(|(k, (_, a))| groups[k + 1..].iter().any(|(_, b)| docs_of(a).iter().any(|d| !docs_of(b).contains(d))));
        if groups.len() < 2 || !split {
            continue;
        }
        let first = list[0];
        let quote = first.quote.map(|q| part_evidence(first, q, "").text).unwrap_or_default();
        let evidence = groups
            .iter()
            .flat_map(|(n, v)| v.iter().map(move |c| claim_evidence(c, format!("quoted as {n}"))))
            .collect();
        out.push(
            FactFinding {
                kind: FindingKind::Contradiction,
                severity: Severity::High,
                fact: format!("who said {}", shorten(&quote, 80)),
                groups: groups
                    .into_iter()
                    .map(|(value, claims)| Group { value, claims })
                    .collect(),
                evidence,
                reasons: vec!["same quote, different speakers".into()],
            }
            .finding(),
        );
    }
    out
}
