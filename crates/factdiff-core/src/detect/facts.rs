//! Facts: what several sources state about one thing, so that a detector writes one finding per
//! fact with every source's value, not one finding per pair of sources.
//!
//! A detector names the pairs of claims that state one fact (aligned pairs counting the same
//! thing, dating the same event, judged contradictory), joins them into facts ([`components`]),
//! gives each claim of a fact its value, and [`FactFinding`] lists the sources with their values,
//! sources that say the same thing in one group, and writes the explanation ("people
//! (Valdoria): 2,400 (river_times), 1,200 (valley_courier)").
//!
//! Not for: deciding what conflicts (the detectors do).

use crate::{Claim, Evidence, Finding, FindingKind, Severity, SourceValue};
use rustc_hash::FxHashMap;

/// Connected components of the graph on claim indices `0..n` with `edges`: each component's
/// claims ascending, components in the order of their first claim. Claims on no edge are in none.
pub(crate) fn components(n: usize, edges: impl IntoIterator<Item = (usize, usize)>) -> Vec<Vec<usize>> {
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut parent: Vec<usize> = (0..n).collect();
    let mut touched = vec![false; n];
    for (a, b) in edges {
        if a >= n || b >= n {
            continue;
        }
        touched[a] = true;
        touched[b] = true;
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut by_root: FxHashMap<usize, usize> = FxHashMap::default();
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (x, _) in touched.iter().enumerate().filter(|(_, t)| **t) {
        let r = root(&mut parent, x);
        let k = *by_root.entry(r).or_insert_with(|| {
            out.push(Vec::new());
            out.len() - 1
        });
        out[k].push(x);
    }
    out
}

/// One value of a fact and the claims (of any sources) that give it.
#[derive(Debug)]
pub(crate) struct Group<'a> {
    pub value: String,
    pub claims: Vec<&'a Claim>,
}

/// A finding about one fact, before it is written.
#[derive(Debug)]
pub(crate) struct FactFinding<'a> {
    pub kind: FindingKind,
    pub severity: Severity,
    /// What the sources state a value of ("people (Valdoria)").
    pub fact: String,
    /// At least two groups, each with its claims.
    pub groups: Vec<Group<'a>>,
    pub evidence: Vec<Evidence>,
    pub reasons: Vec<String>,
}

/// At most this many sources are named per value in an explanation (all are in `sources`).
const NAMED: usize = 8;

impl FactFinding<'_> {
    /// The finding: one source entry per (document, group), the explanation
    /// "fact: value (doc, doc), value (doc)".
    pub fn finding(self) -> Finding {
        let mut sources: Vec<SourceValue> = Vec::new();
        let mut parts = Vec::with_capacity(self.groups.len());
        for (g, group) in self.groups.iter().enumerate() {
            let mut docs: Vec<&str> = Vec::new();
            for c in &group.claims {
                match sources.iter_mut().find(|s| s.group == g && *s.doc == *c.doc) {
                    Some(s) => s.claims.push(c.id.to_string()),
                    None => {
                        docs.push(&c.doc);
                        sources.push(SourceValue {
                            doc: c.doc.to_string(),
                            value: group.value.clone(),
                            group: g,
                            claims: vec![c.id.to_string()],
                        });
                    }
                }
            }
            let mut named = docs.iter().take(NAMED).copied().collect::<Vec<_>>().join(", ");
            if docs.len() > NAMED {
                named.push_str(&format!(" and {} more", docs.len() - NAMED));
            }
            parts.push(format!("{} ({named})", group.value));
        }
        let mut claims: Vec<String> = self
            .groups
            .iter()
            .flat_map(|g| g.claims.iter().map(|c| c.id.to_string()))
            .collect();
        claims.sort();
        claims.dedup();
        let mut docs: Vec<String> = Vec::new();
        for s in &sources {
            if !docs.contains(&s.doc) {
                docs.push(s.doc.clone());
            }
        }
        Finding {
            id: String::new(),
            kind: self.kind,
            severity: self.severity,
            explanation: format!("{}: {}.", self.fact, parts.join("; ")),
            claims,
            docs,
            evidence: super::fold_cues(self.evidence),
            reasons: self.reasons,
            fact: Some(self.fact),
            sources,
        }
    }
}

/// What tells a fact apart in its name: the canonical entity named by most of `claims`, else the
/// capitalised word (not opening its sentence) most of them use ("Hengal"); the first of equals.
pub(crate) fn main_entity(claims: &[&Claim]) -> Option<String> {
    fn most<'a>(claims: &[&'a Claim], names: impl Fn(&'a Claim) -> Vec<&'a str>) -> Option<(&'a str, usize)> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for c in claims {
            let mut seen: Vec<&str> = Vec::new();
            for n in names(c) {
                if seen.contains(&n) {
                    continue;
                }
                seen.push(n);
                match counts.iter_mut().find(|(x, _)| *x == n) {
                    Some(x) => x.1 += 1,
                    None => counts.push((n, 1)),
                }
            }
        }
        let best = counts.iter().map(|(_, n)| *n).max()?;
        counts.into_iter().find(|(_, n)| *n == best)
    }
    if let Some((e, _)) = most(claims, |c| c.entities.iter().map(|e| e.canonical.as_str()).collect()) {
        return Some(e.to_string());
    }
    fn capitalised(c: &Claim) -> Vec<&str> {
        c.text
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .skip(1)
            .filter(|w| w.len() > 2 && w.chars().next().is_some_and(char::is_uppercase))
            .collect()
    }
    most(claims, capitalised)
        .filter(|(_, n)| 2 * n >= claims.len())
        .map(|(w, _)| w.to_string())
}

/// `text` cut at a word boundary to at most `max` bytes, with "…" when cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text[..end].rfind(' ').unwrap_or(end);
    format!("{}…", text[..cut].trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_join_chains_and_leave_lone_claims_out() {
        let c = components(7, [(5, 1), (1, 3), (4, 6), (9, 0)]);
        assert_eq!(c, vec![vec![1, 3, 5], vec![4, 6]]);
        assert!(components(3, []).is_empty());
    }
}
