//! `numeric_conflict`: aligned claims that count the same thing with different
//! numbers ("26 lives" vs "28 lives"). Bounds are respected: "at least 40" does
//! not conflict with 45, and values within 2% are treated as rounding. A claim that gives several
//! values of one thing ("the 12-inch model, smaller than the 13-inch") counts several things and
//! takes no side, and so does a hedged, questioned or unconfirmed claim. The two claims must say
//! the same thing apart from their numbers ([`super::same_event`]): "held for 44 days in Libya in
//! 2011" and "held captive for 635 days" count days of different things. One finding per fact:
//! the claims joined by aligned pairs that count the same thing, every source with its number
//! ("people (Valdoria): 2,400 (river_times); 1,200 (valley_courier)").

use super::facts::{components, main_entity, FactFinding, Group};
use super::same_event::Stems;
use super::{claim_evidence, different_dates, part_evidence, takes_a_side, text_before, Detector, Input};
use crate::analyze::quantities::{compatible, same_thing};
use crate::{Claim, Finding, FindingKind, Quantity, Severity};
use rustc_hash::FxHashSet;
use std::collections::BTreeMap;

#[derive(Debug)]
pub struct NumericConflict;

/// Whether the quantity `q` of `c` is said of another one of its kind ("another 40-year-old
/// man did the same"): a second person or thing, not the one the other claims count.
fn of_another(c: &Claim, q: &Quantity) -> bool {
    let before = text_before(c, q.span);
    before
        .split(|ch: char| !ch.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .is_some_and(|w| w.eq_ignore_ascii_case("another"))
}

/// Whether `q` measures a time or an age ("held for 44 days", "served three years", "a
/// 31-year-old nun"): the verbs around such a number vary freely ("imprisoned", "held",
/// "captured"), so they do not tell two facts apart.
fn a_duration_or_age(q: &Quantity) -> bool {
    const TIME: [&str; 7] = ["minut", "hour", "day", "week", "month", "year", "decad"];
    let time = |w: &Option<String>| w.as_deref().is_some_and(|w| TIME.iter().any(|t| w.starts_with(t)));
    time(&q.unit) || time(&q.counted) || q.text.to_lowercase().contains("year-old")
}

/// Whether the number `q` of `c` is a record's, not the counted thing's own ("where the biggest
/// catfish ever caught was 22 stone"): a superlative followed by "ever", or "record", before it
/// in its clause.
fn of_a_record(c: &Claim, q: &Quantity) -> bool {
    let before = text_before(c, q.span);
    let clause = before.rsplit([',', ';', ':', '(', '—', '–']).next().unwrap_or(before);
    let words: Vec<String> = clause.split_whitespace().map(str::to_lowercase).collect();
    words.iter().enumerate().any(|(k, w)| {
        let superlative = (w.len() > 5 && w.ends_with("est")) || w == "most";
        w == "record" || (superlative && words[k + 1..].iter().take(3).any(|n| n == "ever"))
    })
}

/// Whether `c` gives another value than `q` for the thing `q` counts.
fn several_values(c: &Claim, q: &Quantity) -> bool {
    c.quantities.iter().any(|x| same_thing(q, x) && !compatible(q, x))
}

impl Detector for NumericConflict {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding> {
        // Per counted thing (noun and unit): the aligned pairs that both count it (not about
        // different days), and those whose numbers disagree.
        type Key = (Option<String>, Option<String>);
        let mut edges: BTreeMap<Key, Vec<(usize, usize)>> = BTreeMap::new();
        let mut disputed: BTreeMap<Key, Vec<(usize, usize)>> = BTreeMap::new();
        let mut stems = Stems::new(input.lex, input.claims);
        for (i, j, _) in &input.alignment.pairs {
            let (a, b) = (&input.claims[*i], &input.claims[*j]);
            if different_dates(a, b) {
                continue;
            }
            // Both count one thing in claims that say the same thing apart from the numbers (the
            // cheap test first: most pairs count nothing in common).
            let counts_one_thing = a
                .quantities
                .iter()
                .any(|qa| b.quantities.iter().any(|qb| same_thing(qa, qb)));
            if !counts_one_thing || !takes_a_side(a) || !takes_a_side(b) || stems.same_event(*i, *j).is_none() {
                continue;
            }
            let mut keys: Vec<Key> = Vec::new();
            for (ka, qa) in a.quantities.iter().enumerate() {
                let Some((kb, qb)) = b.quantities.iter().enumerate().find(|(_, qb)| same_thing(qa, qb)) else {
                    continue;
                };
                // A claim that gives several values of the thing counts several things ("the
                // 12-inch model, smaller than the 13-inch"): no one value to dispute.
                if several_values(a, qa) || several_values(b, qb) || of_another(a, qa) || of_another(b, qb) {
                    continue;
                }
                // A record is another thing; and counts of different actions ("rescued 18
                // families" / "80 families have been evacuated") are different facts.
                if of_a_record(a, qa) || of_a_record(b, qb) {
                    continue;
                }
                if !a_duration_or_age(qa) && !stems.same_action_near((*i, ka), (*j, kb)) {
                    continue;
                }
                let key = (qa.counted.clone(), qa.unit.clone());
                if keys.contains(&key) {
                    continue;
                }
                keys.push(key.clone());
                edges.entry(key.clone()).or_default().push((*i, *j));
                // A matching value elsewhere in b means they agree on this count.
                let agrees = b.quantities.iter().any(|x| same_thing(qa, x) && compatible(qa, x));
                if !agrees && !compatible(qa, qb) {
                    disputed.entry(key).or_default().push((*i, *j));
                }
            }
        }
        let mut out = Vec::new();
        for (key, pairs) in &disputed {
            let Some(all) = edges.get(key) else { continue };
            let conflicting: FxHashSet<usize> = pairs.iter().map(|p| p.0).collect();
            for fact in components(input.claims.len(), all.iter().copied()) {
                if !fact.iter().any(|c| conflicting.contains(c)) {
                    continue;
                }
                if let Some(f) = fact_finding(input, key, &fact) {
                    out.push(f.finding());
                }
            }
        }
        out
    }
}

/// The finding for the claims `fact`, which count the thing `key`: their numbers grouped by
/// agreement (bounds and rounding respected), largest group first.
fn fact_finding<'a>(
    input: &Input<'a>,
    key: &(Option<String>, Option<String>),
    fact: &[usize],
) -> Option<FactFinding<'a>> {
    let mut counted: Vec<(&'a Claim, &'a Quantity)> = fact
        .iter()
        .filter_map(|&k| {
            let c = &input.claims[k];
            let q = c
                .quantities
                .iter()
                .find(|q| (&q.counted, &q.unit) == (&key.0, &key.1))?;
            Some((c, q))
        })
        .collect();
    counted.sort_by(|x, y| {
        x.1.value
            .total_cmp(&y.1.value)
            .then_with(|| (&x.0.doc, x.0.span).cmp(&(&y.0.doc, y.0.span)))
    });
    let mut groups: Vec<(&'a Quantity, Vec<&'a Claim>)> = Vec::new();
    for (c, q) in &counted {
        match groups.last_mut() {
            Some((first, claims)) if compatible(first, q) => claims.push(c),
            _ => groups.push((q, vec![c])),
        }
    }
    if groups.len() < 2 {
        return None;
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.1.len()));
    let (first, _) = groups[0];
    let (_, noun) = split_number(first);
    let what = if noun.is_empty() {
        key.1.clone().unwrap_or_else(|| "count".into())
    } else {
        noun
    };
    let claims: Vec<&Claim> = counted.iter().map(|(c, _)| *c).collect();
    let name = match main_entity(&claims) {
        Some(e) => format!("{what} ({e})"),
        None => what.clone(),
    };
    let mut evidence = Vec::new();
    for (c, q) in &counted {
        evidence.push(claim_evidence(c, format!("{} says {}", c.doc, q.text)));
        evidence.push(part_evidence(c, q.span, "number"));
    }
    let values: Vec<String> = groups.iter().map(|(q, _)| format!("{}", q.value)).collect();
    let stem = key.0.clone().or_else(|| key.1.clone()).unwrap_or_default();
    Some(FactFinding {
        kind: FindingKind::NumericConflict,
        severity: Severity::High,
        fact: name,
        groups: groups
            .into_iter()
            .map(|(q, claims)| Group {
                value: split_number(q).0,
                claims,
            })
            .collect(),
        evidence,
        reasons: vec![format!("{} (counting '{stem}')", values.join(" vs "))],
    })
}

/// A quantity's number as written, with its bound ("at least 40", "15.4 million"), and the
/// counted words after it ("people").
fn split_number(q: &Quantity) -> (String, String) {
    const SCALE: [&str; 6] = ["hundred", "thousand", "million", "billion", "trillion", "%"];
    let mut cut = 0;
    for (i, w) in q.text.split(' ').enumerate() {
        let numeric = w.chars().any(|c| c.is_ascii_digit()) || SCALE.contains(&w.to_lowercase().as_str()) || i == 0;
        if !numeric {
            break;
        }
        cut += w.len() + usize::from(cut > 0);
    }
    let number = q.text.get(..cut).unwrap_or(&q.text).to_string();
    let rest = q.text.get(cut..).unwrap_or("").trim().to_string();
    let number = match &q.qualifier {
        Some(b) => format!("{b} {number}"),
        None => number,
    };
    (number, rest)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::{compare, CompareOptions, Config, Document, FindingKind};

    fn numeric_conflicts(a: &str, b: &str) -> usize {
        let docs = [Document::new("a", a), Document::new("b", b)];
        let r = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
        r.count(FindingKind::NumericConflict)
    }

    #[test]
    fn counts_of_different_actions_or_of_a_record_are_different_facts() {
        let a = "Civil defence teams in Hengal rescued 18 families from the flooded valley on Monday.";
        assert_eq!(
            numeric_conflicts(
                a,
                "Civil defence teams in Hengal rescued 80 families from the flooded valley on Monday."
            ),
            1
        );
        assert_eq!(
            numeric_conflicts(
                a,
                "Civil defence teams in Hengal evacuated 80 families from the flooded valley on Monday."
            ),
            0
        );
        let fish = "The fisherman caught a catfish weighing 20 stone in the Po Delta.";
        assert_eq!(
            numeric_conflicts(
                fish,
                "The fisherman caught a catfish weighing 22 stone in the Po Delta."
            ),
            1
        );
        assert_eq!(
            numeric_conflicts(
                fish,
                "The fisherman caught it in the Po Delta, where the biggest catfish ever caught weighed 22 stone."
            ),
            0
        );
    }

    #[test]
    fn another_one_of_a_kind_is_a_second_thing() {
        let a = "A 22-year-old man from Hengal cut off his own finger after a quarrel with his brother.";
        assert_eq!(
            numeric_conflicts(
                a,
                "A 40-year-old man from Hengal cut off his own finger after a quarrel with his brother."
            ),
            1
        );
        assert_eq!(
            numeric_conflicts(
                a,
                "Another 40-year-old man from Hengal cut off his own finger after a quarrel with his brother."
            ),
            0
        );
    }
}
