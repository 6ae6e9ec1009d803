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

use crate::analyze::tokens::{words, Token};
use crate::judge::key;
use crate::lexicon::{synonyms::sense_list, Lexicon};
use crate::{Claim, Span};
use std::rc::Rc;

/// Fewest content stems two claims of one event share.
pub(crate) const MIN_SHARED: usize = 2;
/// Least share of the shorter claim's content stems the other states.
pub(crate) const MIN_SHARE: f64 = 0.4;

/// Past forms that do not end in "-ed", with the verb they are a form of.
const IRREGULAR: [(&str, &str); 48] = [
    ("arose", "arise"),
    ("ate", "eat"),
    ("began", "begin"),
    ("bought", "buy"),
    ("broke", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("drove", "drive"),
    ("fell", "fall"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("fought", "fight"),
    ("found", "find"),
    ("gave", "give"),
    ("got", "get"),
    ("grew", "grow"),
    ("heard", "hear"),
    ("held", "hold"),
    ("hid", "hide"),
    ("kept", "keep"),
    ("knew", "know"),
    ("led", "lead"),
    ("left", "leave"),
    ("lost", "lose"),
    ("made", "make"),
    ("met", "meet"),
    ("paid", "pay"),
    ("put", "put"),
    ("ran", "run"),
    ("rose", "rise"),
    ("sank", "sink"),
    ("sat", "sit"),
    ("saw", "see"),
    ("sent", "send"),
    ("set", "set"),
    ("shot", "shoot"),
    ("sold", "sell"),
    ("spent", "spend"),
    ("stole", "steal"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("swept", "sweep"),
    ("took", "take"),
    ("threw", "throw"),
    ("won", "win"),
];

/// Words after which an "-ed" or "-ing" word describes a noun ("the flooded valley"), and a year
/// dates a thing ("the 2011 directive").
pub(crate) const DETERMINERS: [&str; 9] = ["the", "a", "an", "its", "his", "her", "their", "this", "that"];
/// Words that open another clause: the words near a number stop before them ("rescued 18
/// families after their homes were covered").
const CLAUSE_OPENERS: [&str; 14] = [
    "after", "before", "when", "while", "because", "since", "until", "as", "that", "which", "who", "where", "and",
    "but",
];

/// The stem of `t` when it reads as an event — a verb in "-ed" or "-ing", an irregular past form
/// ("held", "fled"), a verb after "to" ("had to flee") or a noun of an act or a state ("captivity", "disappearance") — and is neither
/// a name, a stopword, a verb of reporting nor a word describing a noun after a determiner ("the
/// flooded valley"). `prev` is the word before it.
fn event_stem(lex: &Lexicon, t: &Token<'_>, prev: Option<&Token<'_>>) -> Option<String> {
    if t.is_capitalised() || prev.is_some_and(|p| DETERMINERS.iter().any(|d| p.text.eq_ignore_ascii_case(d))) {
        return None;
    }
    let w = t.text.to_lowercase();
    if lex.is_stopword(&w) || a_reporting_verb(lex, &w) {
        return None;
    }
    if let Some((_, base)) = IRREGULAR.iter().find(|(past, _)| *past == w) {
        return Some(lex.stem(base));
    }
    // "had to flee", "forced to leave": a verb after "to".
    if prev.is_some_and(|p| p.text.eq_ignore_ascii_case("to")) && w.chars().all(char::is_alphabetic) {
        return Some(lex.stem(&w));
    }
    const ACT_NOUNS: [&str; 4] = ["ion", "ity", "ance", "ment"];
    let verb = (w.len() >= 4 && w.ends_with("ed")) || (w.len() > 4 && w.ends_with("ing"));
    let act = w.len() > 6 && ACT_NOUNS.iter().any(|s| w.ends_with(s));
    ((verb || act) && w.chars().all(char::is_alphabetic)).then(|| lex.stem(&w))
}

/// Whether the lower-cased word `w` is, whole, a verb of reporting ("said", "reported").
pub(crate) fn a_reporting_verb(lex: &Lexicon, w: &str) -> bool {
    lex.reporting.find(w).iter().any(|(s, _)| s.len() == w.len())
}

/// Whether two sets of event stems name one action: a stem in common, or two stems that share a
/// WordNet sense ("captured" / "captivity", "released" / "freed"). Either set empty: nothing
/// tells the actions apart.
pub(crate) fn same_action(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    a.iter().any(|x| {
        let senses = sense_list(x);
        b.iter()
            .any(|y| x == y || sense_list(y).iter().any(|s| senses.binary_search(s).is_ok()))
    })
}

/// The event stems of the words `toks[from..to]`.
fn events_in(lex: &Lexicon, toks: &[Token<'_>], from: usize, to: usize) -> Vec<String> {
    let mut out: Vec<String> = (from..to)
        .filter_map(|k| event_stem(lex, &toks[k], k.checked_sub(1).map(|p| &toks[p])))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The event stems near a part of a claim (a number): the words from the part to a punctuation
/// mark or a word that opens a clause, at most `NEAR` on each side ("rescued 18 families after
/// …", "80 families have been evacuated").
pub(crate) fn events_near(lex: &Lexicon, c: &Claim, part: Span) -> Vec<String> {
    const NEAR: usize = 6;
    let toks = words(&c.text, c.span.start_byte);
    let gap_breaks = |a: &Token<'_>, b: &Token<'_>| {
        let rel = |x: usize| x.saturating_sub(c.span.start_byte);
        let opens = |t: &Token<'_>| CLAUSE_OPENERS.iter().any(|o| t.text.eq_ignore_ascii_case(o));
        opens(a)
            || opens(b)
            || c.text
                .get(rel(a.span.end_byte)..rel(b.span.start_byte))
                .is_some_and(|g| g.contains([',', ';', ':', '(', ')', '—', '–']) || g.contains(" - "))
    };
    let first = toks.partition_point(|t| t.span.end_byte <= part.start_byte);
    let last = toks.partition_point(|t| t.span.start_byte < part.end_byte);
    let mut from = first;
    while from > 0 && first - from < NEAR && !gap_breaks(&toks[from - 1], &toks[from]) {
        from -= 1;
    }
    let mut to = last;
    while to < toks.len() && to - last < NEAR && to > 0 && !gap_breaks(&toks[to - 1], &toks[to]) {
        to += 1;
    }
    let mut near = events_in(lex, &toks, from, first);
    near.extend(events_in(lex, &toks, last.min(to), to));
    near.sort_unstable();
    near.dedup();
    near
}

/// Content stems of claims, computed once per claim when first asked for.
#[derive(Debug)]
pub(crate) struct Stems<'a> {
    lex: &'a Lexicon,
    claims: &'a [Claim],
    cache: Vec<Option<Vec<u64>>>,
    events: Vec<Events>,
    /// Per claim, the event stems near each of its quantities ([`events_near`]), once asked for.
    near: Vec<Option<Vec<Events>>>,
}

/// A claim's event stems, or a part's, once read.
type Events = Option<Rc<[String]>>;

impl<'a> Stems<'a> {
    pub fn new(lex: &'a Lexicon, claims: &'a [Claim]) -> Stems<'a> {
        Stems {
            lex,
            claims,
            cache: vec![None; claims.len()],
            events: vec![None; claims.len()],
            near: vec![None; claims.len()],
        }
    }

    /// The event stems of claim `i`: its verbs ([`events_in`]).
    fn events(&mut self, i: usize) -> Rc<[String]> {
        let (lex, claims) = (self.lex, self.claims);
        Rc::clone(self.events[i].get_or_insert_with(|| {
            let toks = words(&claims[i].text, 0);
            events_in(lex, &toks, 0, toks.len()).into()
        }))
    }

    /// The event stems near quantity `k` of claim `i` ([`events_near`]): a claim is in many
    /// pairs, its quantities' words are read once.
    fn near(&mut self, i: usize, k: usize) -> Rc<[String]> {
        let (lex, claims) = (self.lex, self.claims);
        let c = &claims[i];
        let slots = self.near[i].get_or_insert_with(|| vec![None; c.quantities.len()]);
        Rc::clone(slots[k].get_or_insert_with(|| events_near(lex, c, c.quantities[k].span).into()))
    }

    /// Whether quantity `ka` of claim `i` and quantity `kb` of claim `j` count what one action
    /// did ([`same_action`] of the event stems near each).
    pub fn same_action_near(&mut self, (i, ka): (usize, usize), (j, kb): (usize, usize)) -> bool {
        same_action(&self.near(i, ka), &self.near(j, kb))
    }

    /// Whether claim `i` has no event word.
    pub fn has_no_events(&mut self, i: usize) -> bool {
        self.events(i).is_empty()
    }

    /// Whether claims `i` and `j` tell one action ([`same_action`] of their event stems): "died
    /// on Sept. 26" and "published an obituary on Oct. 7", "divorced in 2010" and "married in
    /// 2004" date different events.
    pub fn same_action(&mut self, i: usize, j: usize) -> bool {
        same_action(&self.events(i), &self.events(j))
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

    /// The first claims of two documents.
    fn two(a: &str, b: &str) -> Vec<Claim> {
        [("a", a), ("b", b)]
            .iter()
            .map(|(d, t)| {
                crate::extract_claims(&Document::new(*d, *t), &Config::default())
                    .unwrap()
                    .remove(0)
            })
            .collect()
    }

    fn same(a: &str, b: &str) -> bool {
        Stems::new(Lexicon::get(), &two(a, b)).same_event(0, 1).is_some()
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

    fn acts(a: &str, b: &str) -> bool {
        Stems::new(Lexicon::get(), &two(a, b)).same_action(0, 1)
    }

    #[test]
    fn claims_that_tell_different_actions_are_different_events() {
        assert!(!acts(
            "Supporters tweeted that the young boy had died on Sept. 26.",
            "Supporters on Oct. 7 published an obituary for the young boy."
        ));
        assert!(!acts(
            "The golfer divorced the model in 2010.",
            "The golfer married the model in 2004."
        ));
        // One verb, or two that share a WordNet sense, or no verb to tell.
        assert!(acts(
            "The girls were kidnapped on April 14.",
            "Gunmen raided the school on April 15, kidnapping the girls."
        ));
        assert!(acts(
            "He spent six weeks in captivity in 2011.",
            "He was first captured in 2012."
        ));
        assert!(acts("The crash on Monday.", "The plane crashed on Tuesday."));
    }

    #[test]
    fn the_actions_near_a_number_are_those_of_its_clause() {
        let lex = Lexicon::get();
        let near = |text: &str, number: &str| {
            let c = crate::extract_claims(&Document::new("a", text), &Config::default())
                .unwrap()
                .remove(0);
            let at = text.find(number).unwrap();
            events_near(lex, &c, Span::new(at, at + number.len()))
        };
        assert_eq!(
            near("Teams rescued 18 families after the homes were covered.", "18"),
            ["rescu"]
        );
        assert_eq!(
            near("At least 80 families have been evacuated, officials said.", "80"),
            ["evacu"]
        );
        assert!(!same_action(
            &near("Teams rescued 18 families, the ministry said.", "18"),
            &near("Police evacuated 80 families from the valley.", "80")
        ));
        assert!(same_action(
            &near("Dulaimi was one of 140 women released from jail.", "140"),
            &near("She was one of 150 women who were freed in March.", "150")
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
