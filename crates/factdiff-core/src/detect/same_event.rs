//! Same event: whether two claims that give a value (a count, a date) say the same thing apart
//! from the value, so that different values are a conflict and not two facts.
//!
//! Aligned claims of one story often give numbers or dates of different things in similar words
//! ("imprisoned for 44 days in Libya in 2011" / "held captive for 635 days"; "came to Ottawa on
//! October 2" / a tweet signed "October 22"). A numeric or date conflict needs the two claims'
//! content words, with the numbers, dates and the attribution left out, to share at least
//! [`MIN_SHARED`] stems (or all of the shorter claim's, when it has fewer: "Officials said 12 people
//! died" / "… 13 people died") and at least [`MIN_SHARE`] of the shorter claim's: the claims then state
//! one fact and differ in its value ("Rosenberg served four years in jail" / "She served three
//! years in jail for fraud": 'serve', 'year', 'jail' of four).

use crate::analyze::tokens::words;
use crate::judge::key;
use crate::lexicon::Lexicon;
use crate::{Claim, Span};

/// Fewest content stems two claims of one event share.
pub(crate) const MIN_SHARED: usize = 2;
/// Least share of the shorter claim's content stems the other states.
pub(crate) const MIN_SHARE: f64 = 0.4;

/// Content stems of claims, computed once per claim when first asked for.
#[derive(Debug)]
pub(crate) struct Stems<'a> {
    lex: &'a Lexicon,
    claims: &'a [Claim],
    cache: Vec<Option<Vec<u64>>>,
}

impl<'a> Stems<'a> {
    pub fn new(lex: &'a Lexicon, claims: &'a [Claim]) -> Stems<'a> {
        Stems {
            lex,
            claims,
            cache: vec![None; claims.len()],
        }
    }

    /// The content stems of claim `i` outside its numbers, dates and attribution (sorted).
    fn of(&mut self, i: usize) -> &[u64] {
        let (lex, claims) = (self.lex, self.claims);
        self.cache[i].get_or_insert_with(|| content_stems(lex, &claims[i]))
    }

    /// Whether claims `i` and `j` say the same thing apart from their values, with the shared
    /// stems and the shorter claim's count when they do.
    pub fn same_event(&mut self, i: usize, j: usize) -> Option<(usize, usize)> {
        let a = self.of(i).to_vec();
        let b = self.of(j);
        let shared = a.iter().filter(|k| b.binary_search(k).is_ok()).count();
        let shorter = a.len().min(b.len());
        // A claim of one content word ("Officials said 12 people died") shares all of it or nothing.
        let enough = shared >= MIN_SHARED || (shared >= 1 && shared == shorter);
        (enough && shared as f64 >= MIN_SHARE * shorter as f64).then_some((shared, shorter))
    }
}

fn content_stems(lex: &Lexicon, c: &Claim) -> Vec<u64> {
    let base = c.span.start_byte;
    let left_out: Vec<Span> = c
        .speaker
        .span
        .into_iter()
        .chain(c.quantities.iter().map(|q| q.span))
        .chain(c.dates.iter().map(|d| d.span))
        .collect();
    let mut out: Vec<u64> = words(&c.text, base)
        .iter()
        .filter(|t| {
            !left_out
                .iter()
                .any(|s| s.start_byte < t.span.end_byte && t.span.start_byte < s.end_byte)
        })
        .filter_map(|t| {
            let w = t.text.to_lowercase();
            let content = !lex.is_stopword(&w) && !lex.is_negator(&w) && !w.chars().any(|ch| ch.is_ascii_digit());
            content.then(|| key(&lex.shared_stem(&w)))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::{Config, Document};

    fn same(a: &str, b: &str) -> bool {
        let claims: Vec<Claim> = [("a", a), ("b", b)]
            .iter()
            .map(|(d, t)| {
                crate::extract_claims(&Document::new(*d, *t), &Config::default())
                    .unwrap()
                    .remove(0)
            })
            .collect();
        Stems::new(Lexicon::get(), &claims).same_event(0, 1).is_some()
    }

    #[test]
    fn one_fact_with_two_values_is_one_event() {
        assert!(same(
            "Officials said 12 people died on Monday.",
            "Officials said 13 people died on Monday."
        ));
        assert!(same(
            "Rosenberg served four years in jail.",
            "She served three years in jail for fraud."
        ));
        assert!(same(
            "Foley was also detained and held for 44 days in Libya in 2011.",
            "Foley had been captured previously in Libya for 45 days in 2011."
        ));
    }

    #[test]
    fn values_of_different_things_in_similar_words_are_not() {
        assert!(!same(
            "Foley was also detained and held for 44 days in Libya in 2011.",
            "He was held captive for 635 days."
        ));
        assert!(!same(
            "Zehaf Bibeau came to Ottawa on October 2 and was staying at the Ottawa Mission.",
            "CBC Ottawa (@CBCOttawa) October 22, 2014"
        ));
    }
}
