//! `date_conflict`: closely aligned claims that date the same event differently ("the attack on
//! April 22" vs "the attack on April 23", "in May" vs "in August", "since 1907" vs "since the
//! 1920s"). Dates are compared at the same precision: days with days, months with months, years
//! with years and decades; a year the other side leaves out is not a difference. A hedged,
//! questioned or unconfirmed claim takes no side, and the two claims must say the same thing apart
//! from their dates ([`super::same_event`]). One finding per
//! fact: the claims joined by such pairs, every source with its date.

use super::facts::{components, main_entity, FactFinding, Group};
use super::same_event::{a_reporting_verb, Stems, DETERMINERS};
use super::{claim_evidence, part_evidence, takes_a_side, text_before, Detector, Input};
use crate::lexicon::Lexicon;
use crate::{Claim, DateMention, Finding, FindingKind, Severity};
use rustc_hash::FxHashMap;

#[derive(Debug)]
pub struct DateConflict;

/// Minimum alignment score: the claims must clearly describe one event.
const SAME_EVENT: f64 = 0.45;

/// How precise a date value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Precision {
    Day,
    Month,
    Year,
}

/// A date value in parts: the years it may fall in, its month and day when given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Parts {
    years: Option<(i32, i32)>,
    month: Option<u32>,
    day: Option<u32>,
}

impl Parts {
    /// Parts of a [`DateMention`] value (`YYYY-MM-DD`, `--MM-DD`, `YYYY-MM`, `--MM`, `YYYY`,
    /// `YYYYs`).
    fn of(value: &str) -> Option<Parts> {
        let num = |s: &str| s.parse::<u32>().ok();
        if let Some(decade) = value.strip_suffix('s') {
            let y = i32::try_from(num(decade)?).ok()?;
            return Some(Parts {
                years: Some((y, y + 9)),
                month: None,
                day: None,
            });
        }
        let (year, rest) = match value.strip_prefix("--") {
            Some(rest) => (None, rest),
            None => {
                let (y, rest) = value.split_once('-').unwrap_or((value, ""));
                (Some(i32::try_from(num(y)?).ok()?), rest)
            }
        };
        let mut fields = rest.split('-').filter(|f| !f.is_empty());
        let month = fields.next().map(num).map(|m| m.filter(|m| (1..=12).contains(m)));
        let day = fields.next().map(num);
        Some(Parts {
            years: year.map(|y| (y, y)),
            month: month.flatten(),
            day: day.flatten(),
        })
    }

    fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Whether the two dates can be the same: every part both give agrees (years overlap).
    fn compatible(&self, other: &Parts) -> bool {
        let years = match (self.years, other.years) {
            (Some((a, b)), Some((c, d))) => a <= d && c <= b,
            _ => true,
        };
        let same = |x: Option<u32>, y: Option<u32>| x.is_none() || y.is_none() || x == y;
        years && same(self.month, other.month) && same(self.day, other.day)
    }

    /// Whether the two dates are of one precision, so a difference between them is a conflict
    /// (a year only one side gives is not compared).
    fn comparable(&self, other: &Parts) -> bool {
        let p = self.precision();
        p == other.precision() && (p != Precision::Year || (self.years.is_some() && other.years.is_some()))
    }
}

/// The claim's dates with values, and their parts. A year that modifies a noun after a
/// determiner or possessive ("the 2011 directive", "Isaacson's 2011 biography", "last year's
/// film", "2013's film") dates that thing, and a date on a verb of reporting ("Variety reported on Oct. 15
/// that …") dates the report, not the event the claim tells: both are left out.
fn dated<'c>(lex: &Lexicon, c: &'c Claim) -> Vec<(&'c DateMention, Parts)> {
    c.dates
        .iter()
        .filter(|d| !modifies_a_noun(c, d) && !dates_the_report(lex, c, d))
        .filter_map(|d| Some((d, Parts::of(d.value.as_deref()?)?)))
        .collect()
}

/// Whether a claim has no word that can be a verb — no event word ([`Stems`]), auxiliary or
/// copula, nor a lower-case word in "-s" ("American journalist James Foley in Syria in July,
/// 2012."): a caption or a label, which dates no event.
fn a_caption(stems: &mut Stems<'_>, c: &Claim, i: usize) -> bool {
    const VERBS: [&str; 21] = [
        "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may",
        "might", "shall", "should", "must", "do", "does", "did",
    ];
    let verb_like = c
        .text
        .split(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
        .any(|w| {
            let lower = w.starts_with(|ch: char| ch.is_lowercase());
            VERBS.iter().any(|v| w.eq_ignore_ascii_case(v)) || (lower && w.len() > 2 && w.ends_with('s'))
        });
    !verb_like && stems.has_no_events(i)
}

/// Whether the date `d` follows a verb of reporting ("reported on Oct. 15", "said Monday").
fn dates_the_report(lex: &Lexicon, c: &Claim, d: &DateMention) -> bool {
    let before = text_before(c, d.span);
    let mut words = before.split_whitespace().rev();
    let mut last = words.next().unwrap_or("");
    if ["on", "in", "last", "this"]
        .iter()
        .any(|p| last.eq_ignore_ascii_case(p))
    {
        last = words.next().unwrap_or("");
    }
    let last = last.to_lowercase();
    !last.is_empty() && a_reporting_verb(lex, &last)
}

fn modifies_a_noun(c: &Claim, d: &DateMention) -> bool {
    let (start, end) = (
        d.span.start_byte.saturating_sub(c.span.start_byte),
        d.span.end_byte.saturating_sub(c.span.start_byte),
    );
    let (Some(year), Some(before), Some(after)) = (c.text.get(start..end), c.text.get(..start), c.text.get(end..))
    else {
        return false;
    };
    let bare_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    let prev = before.trim_end().rsplit(' ').next().unwrap_or("").to_lowercase();
    let determiner = DETERMINERS.contains(&prev.as_str()) || prev.ends_with("'s") || prev.ends_with("’s");
    let noun_after = after.starts_with(' ') && after[1..].starts_with(|ch: char| ch.is_lowercase());
    // "Last year's film", "2013's biopic": a possessive date names a thing.
    let possessive = after.starts_with("'s ") || after.starts_with("’s ");
    possessive || (bare_year && before.ends_with(' ') && determiner && noun_after)
}

/// The first pair of dates of `a` and `b` that conflict, unless some pair of their dates agrees.
fn conflict<'a>(lex: &Lexicon, a: &'a Claim, b: &'a Claim) -> Option<(Precision, &'a DateMention, &'a DateMention)> {
    let (da, db) = (dated(lex, a), dated(lex, b));
    let agree = da
        .iter()
        .any(|(_, x)| db.iter().any(|(_, y)| x.comparable(y) && x.compatible(y)));
    if agree {
        return None;
    }
    da.iter().find_map(|(x, px)| {
        db.iter()
            .find(|(_, py)| px.comparable(py) && !px.compatible(py))
            .map(|(y, _)| (px.precision(), *x, *y))
    })
}

impl Detector for DateConflict {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding> {
        let mut edges = Vec::new();
        // The first claim of each pair whose dates conflict, with the precision compared.
        let mut disputed: Vec<(usize, Precision)> = Vec::new();
        let mut stems = Stems::new(input.lex, input.claims);
        for (i, j, al) in &input.alignment.pairs {
            let (a, b) = (&input.claims[*i], &input.claims[*j]);
            // The cheap tests first: most pairs carry no dates.
            if al.score < SAME_EVENT
                || !al.shares_entity
                || a.dates.is_empty()
                || b.dates.is_empty()
                || !takes_a_side(a)
                || !takes_a_side(b)
                || stems.same_event(*i, *j).is_none()
                || !stems.same_action(*i, *j)
                || a_caption(&mut stems, a, *i)
                || a_caption(&mut stems, b, *j)
            {
                continue;
            }
            edges.push((*i, *j));
            if let Some((p, _, _)) = conflict(input.lex, a, b) {
                disputed.push((*i, p));
            }
        }
        let mut out = Vec::new();
        let disputed: FxHashMap<usize, Precision> = disputed.into_iter().collect();
        for fact in components(input.claims.len(), edges) {
            let Some(&precision) = fact.iter().find_map(|k| disputed.get(k)) else {
                continue;
            };
            if let Some(f) = fact_finding(input, &fact, precision) {
                out.push(f.finding());
            }
        }
        out
    }
}

/// The finding for the claims `fact`: each claim's first date of `precision`, grouped by date.
fn fact_finding<'a>(input: &Input<'a>, fact: &[usize], precision: Precision) -> Option<FactFinding<'a>> {
    let mut groups: Vec<(Parts, &'a DateMention, Vec<&'a Claim>)> = Vec::new();
    let mut dated_claims = Vec::new();
    for &k in fact {
        let c = &input.claims[k];
        let Some((d, p)) = dated(input.lex, c)
            .into_iter()
            .find(|(_, p)| p.precision() == precision)
        else {
            continue;
        };
        dated_claims.push((c, d));
        match groups.iter_mut().find(|(g, _, _)| g.comparable(&p) && g.compatible(&p)) {
            Some(g) => g.2.push(c),
            None => groups.push((p, d, vec![c])),
        }
    }
    if groups.len() < 2 {
        return None;
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.2.len()));
    let claims: Vec<&Claim> = dated_claims.iter().map(|(c, _)| *c).collect();
    let name = match main_entity(&claims) {
        Some(e) => format!("date ({e})"),
        None => "date".to_string(),
    };
    let mut evidence = Vec::new();
    for (c, d) in &dated_claims {
        evidence.push(claim_evidence(c, format!("{} says", c.doc)));
        evidence.push(part_evidence(c, d.span, "date"));
    }
    let values: Vec<String> = groups
        .iter()
        .map(|(_, d, _)| d.value.clone().unwrap_or_default())
        .collect();
    Some(FactFinding {
        kind: FindingKind::DateConflict,
        severity: Severity::Medium,
        fact: name,
        groups: groups
            .into_iter()
            .map(|(_, d, claims)| Group {
                value: d.text.clone(),
                claims,
            })
            .collect(),
        evidence,
        reasons: vec![values.join(" vs ")],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(v: &str) -> Parts {
        Parts::of(v).unwrap_or_else(|| panic!("{v}"))
    }

    #[test]
    fn dates_compare_at_one_precision() {
        let conflict = |x: &str, y: &str| {
            let (a, b) = (parts(x), parts(y));
            a.comparable(&b) && !a.compatible(&b)
        };
        assert!(conflict("2026-03-04", "2026-03-03"));
        assert!(conflict("--03-04", "2026-03-03"));
        assert!(!conflict("--03-03", "2026-03-03"));
        assert!(conflict("--05", "--08"));
        assert!(conflict("2025-05", "--08"));
        assert!(!conflict("2025-05", "--05"));
        assert!(conflict("1907", "1920s"));
        assert!(!conflict("1925", "1920s"));
        assert!(!conflict("2019", "2019"));
        // Different precisions are not compared.
        assert!(!conflict("2026", "2025-05-07"));
        assert!(!conflict("--05", "2025-05-07"));
    }

    #[test]
    fn a_caption_dates_no_event() {
        let docs = [
            crate::Document::new("a", "American journalist James Foley in Syria in July, 2012."),
            crate::Document::new(
                "b",
                "American journalist James Foley was captured in Syria in August, 2012.",
            ),
            crate::Document::new(
                "c",
                "American journalist James Foley was captured in Syria in July, 2012.",
            ),
        ];
        let r = crate::compare(&docs, &crate::Config::default(), &crate::CompareOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        let f: Vec<&crate::Finding> = r
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::DateConflict)
            .collect();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].opposes("b", "c") && !f[0].opposes("a", "b"), "{f:#?}");
    }

    #[test]
    fn a_year_that_modifies_a_noun_is_not_the_event_date() {
        let years = |text: &str| -> Vec<String> {
            let c = crate::extract_claims(&crate::Document::new("a", text), &crate::Config::default())
                .unwrap_or_default()
                .remove(0);
            dated(Lexicon::get(), &c)
                .iter()
                .filter_map(|(d, _)| d.value.clone())
                .collect()
        };
        assert!(years("The defector said she was sure the 2011 directive was real.").is_empty());
        assert!(years("The film is based on the author's 2011 biography of the founder.").is_empty());
        assert_eq!(years("The defector reached the south in 2008."), ["2008"]);
        assert!(years("The critics loved 2013's film about the founder.").is_empty());
        assert!(years("Variety reported on Oct. 15 that the actor was in talks.").is_empty());
        assert!(years("The company said Monday that the plant would close.").is_empty());
        assert_eq!(years("The plant closed on Oct. 15, the company said."), ["--10-15"]);
    }
}
