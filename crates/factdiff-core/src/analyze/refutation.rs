//! Refutation: a cue that denies, debunks or dismisses something, and the content it governs.
//!
//! The content is the reported or quoted claim, not the sentence that reports it: in "North Korea
//! denied reports that Kim plans to open a restaurant in Scotland" the ministry disputes "Kim plans
//! to open a restaurant in Scotland"; in "Reports that Comcast will cut off Tor users are false, the
//! company says" it disputes "Comcast will cut off Tor users". Two scopes:
//!
//! - after a copula ("is a hoax", "was staged", "are greatly exaggerated", "is not true"), the cue
//!   disputes its subject: from the start of the clause (after a reporting frame, "said that")
//!   to the copula;
//! - elsewhere ("denied", "debunked", "no evidence", "cast doubt on", "does not conclude that", "a
//!   hoax report claimed that"), it disputes what follows, to the end of its clause.
//!
//! Framing words are taken off the content ("reports that", "the claim that", "rumours of"); a
//! content that is only a framing noun or a pronoun ("denied the report", "it is a hoax") refers
//! back and has no span. A cue negated by the three words before it ("did not deny", "is not a
//! hoax", "no hoax") affirms its content. When a sentence has several cues, the one whose content
//! holds the others is kept ("Reports that Comcast will deny service are false": "false").
//!
//! Not for: polarity ([`super::clauses`] counts refutation cues as negations).

use super::clauses::Clause;
use super::tokens::Token;
use crate::lexicon::{Lexicon, Scan};
use crate::{Cue, Refutation, Span};

/// Words that make the next word a predicate of the subject before them.
const COPULAS: [&str; 27] = [
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "isn’t",
    "wasn’t",
    "aren’t",
    "weren’t",
    "seems",
    "seemed",
    "appears",
    "appeared",
    "remains",
    "proved",
    "proven",
    "look",
    "looks",
    "looked",
    "seem",
    "appear",
];
/// Words that may stand between a copula and a predicate cue ("is not a hoax", "was clearly fake").
const BETWEEN: [&str; 26] = [
    "a",
    "an",
    "all",
    "completely",
    "totally",
    "entirely",
    "just",
    "simply",
    "merely",
    "clearly",
    "likely",
    "probably",
    "apparently",
    "allegedly",
    "actually",
    "reportedly",
    "greatly",
    "grossly",
    "wildly",
    "vastly",
    "largely",
    "also",
    "not",
    "never",
    "nothing",
    "but",
];
/// Cues that are never a predicate of the subject before them ("there is no evidence that …").
const NEVER_PREDICATE: [&str; 5] = ["no ", "cast", "casting", "poured", "not the case"];
/// Cues that refute only as a predicate ("the video was staged", not "they staged a protest").
const PREDICATE_ONLY: [&str; 3] = ["staged", "exaggerated", "greatly exaggerated"];
/// Auxiliaries between a subject and its copula.
const AUXILIARIES: [&str; 12] = [
    "may", "might", "must", "have", "has", "had", "will", "would", "could", "should", "can", "to",
];
/// Nouns that name a claim rather than its content ("the report", "rumours").
const FRAMING: [&str; 30] = [
    "report",
    "reports",
    "claim",
    "claims",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "allegation",
    "allegations",
    "suggestion",
    "suggestions",
    "speculation",
    "story",
    "stories",
    "news",
    "accusation",
    "accusations",
    "idea",
    "notion",
    "assertion",
    "assertions",
    "theory",
    "hoax",
    "article",
    "articles",
    "charge",
    "charges",
    "post",
    "posts",
];
/// Words before a framing noun that do not belong to the content.
const DETERMINERS: [&str; 18] = [
    "the", "a", "an", "these", "those", "this", "all", "any", "such", "recent", "earlier", "media", "online", "viral",
    "if", "but", "and", "so",
];
/// Words that join a framing noun to its content ("reports that …", "rumours of …").
const CONNECTORS: [&str; 9] = [
    "that",
    "of",
    "about",
    "claiming",
    "saying",
    "suggesting",
    "alleging",
    "stating",
    "which",
];
/// Pronouns that refer back: no content of their own.
const PRONOUNS: [&str; 9] = ["it", "this", "that", "these", "those", "they", "them", "he", "she"];
/// Verbs that, negated before a "that" clause or a quotation, withhold it: "the study does not
/// conclude that …" (not "confirm": "has not confirmed that …" leaves the claim open).
const WITHHELD: [&str; 14] = [
    "conclude",
    "concluded",
    "show",
    "showed",
    "shown",
    "prove",
    "proved",
    "proven",
    "find",
    "found",
    "establish",
    "established",
    "demonstrate",
    "demonstrated",
];

/// What kind of word a cue is, which decides what it can govern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// "deny", "debunked", "cast doubt on": refutes its object (or, passive, its subject).
    Verb,
    /// "false", "fake", "staged": refutes its subject after a copula, or a claim or picture it
    /// describes.
    Describer,
    /// "hoax", "a lie", "no evidence", "not true": refutes wherever it stands.
    Phrase,
}

impl Kind {
    fn of(cue: &str) -> Kind {
        const VERBS: [&str; 12] = [
            "deni", "deny", "refut", "debunk", "dismiss", "reject", "retract", "rubbish", "rebut", "cast", "casting",
            "poured",
        ];
        const PHRASES: [&str; 13] = [
            "hoax",
            "a lie",
            "the lie",
            "nothing but",
            "a myth",
            "nonsense",
            "satire",
            "no ",
            "not true",
            "not the case",
            "no truth",
            "denial",
            "retraction",
        ];
        if PHRASES.iter().any(|p| cue.starts_with(p)) {
            Kind::Phrase
        } else if VERBS.iter().any(|v| cue.starts_with(v)) {
            Kind::Verb
        } else {
            Kind::Describer
        }
    }
}

/// Nouns that name something that can be true or false: a claim or a picture of an event.
const MEDIA: [&str; 22] = [
    "photo",
    "photos",
    "photograph",
    "photographs",
    "image",
    "images",
    "picture",
    "pictures",
    "video",
    "videos",
    "footage",
    "clip",
    "quote",
    "quotes",
    "tweet",
    "tweets",
    "screenshot",
    "screenshots",
    "headline",
    "headlines",
    "website",
    "account",
];

/// Whether the lower-cased word names a claim or a picture ("reports", "photo").
fn names_a_claim(w: &str) -> bool {
    FRAMING.contains(&w) || MEDIA.contains(&w)
}

/// Whether the words after the verb cue `cue` (from word `last`) make a claim: a "that" clause, a
/// gerund ("denies causing"), a quotation or a colon, a pronoun ("denied it"), or a claim noun
/// among the first four words ("denied the Iraqi media reports").
fn governs_a_claim(text: &str, words: &[(Span, String)], cue: Span, last: usize) -> bool {
    let rest = text.get(cue.end_byte..).unwrap_or("").trim_start();
    if rest.starts_with(['"', '“', '\'', '‘', ':']) {
        return true;
    }
    let Some((_, first)) = words.get(last) else {
        return false;
    };
    first == "that"
        || (first.len() > 4 && first.ends_with("ing"))
        || PRONOUNS.contains(&first.as_str())
        || words[last..(last + 4).min(words.len())]
            .iter()
            .any(|(_, w)| names_a_claim(w))
}

/// One cue with its content, relative to the sentence.
#[derive(Debug)]
struct Candidate {
    cue: Span,
    target: Option<Span>,
    negated: bool,
}

/// The refutation of a scanned sentence, if it has one. `toks` are the sentence's words and
/// `clauses` its clauses; `base` is the sentence's start in the document.
pub fn find(lex: &Lexicon, scan: &Scan<'_>, base: usize, toks: &[Token<'_>], clauses: &[Clause]) -> Option<Refutation> {
    let text = scan.text;
    let words: Vec<(Span, String)> = toks
        .iter()
        .map(|t| {
            (
                Span::new(t.span.start_byte - base, t.span.end_byte - base),
                t.text.to_lowercase(),
            )
        })
        .collect();
    // Each cue with the copula before it, if any (then it is a predicate of its subject).
    let mut cues: Vec<(Span, usize, usize, bool, Option<usize>)> = Vec::new();
    for (cue, _) in scan.find(&lex.refuters) {
        let cue_text = cue.slice(text).to_lowercase();
        // "is made up of 13 aircraft": a phrase that holds a cue and refutes nothing.
        let from = text.get(cue.start_byte..).unwrap_or("").to_lowercase();
        if super::clauses::NOT_NEGATING.iter().any(|p| from.starts_with(p)) {
            continue;
        }
        let first = words.partition_point(|(s, _)| s.start_byte < cue.start_byte);
        let last = words.partition_point(|(s, _)| s.end_byte <= cue.end_byte);
        let negated = words[first.saturating_sub(3)..first]
            .iter()
            .any(|(_, w)| lex.is_negator(w) || w.ends_with("n't") || w.ends_with("n’t"));
        let copula = copula_before(&words, first).filter(|_| !NEVER_PREDICATE.iter().any(|p| cue_text.starts_with(p)));
        if copula.is_none() && PREDICATE_ONLY.contains(&cue_text.as_str()) {
            continue;
        }
        cues.push((cue, first, last, negated, copula));
    }
    // What follows a cue ends where a later predicate cue's copula begins: in "Reports that
    // Comcast will deny service are false", "deny" governs "service", not "service are false".
    let copulas: Vec<usize> = cues.iter().filter_map(|c| c.4).map(|k| words[k].0.start_byte).collect();
    let mut candidates: Vec<Candidate> = Vec::new();
    for &(cue, _, last, negated, copula) in &cues {
        let after = || {
            let stop = copulas.iter().copied().filter(|&at| at > cue.end_byte).min();
            content_after(text, &words, clauses, last, stop)
        };
        let kind = Kind::of(&cue.slice(text).to_lowercase());
        let target = match (copula, kind) {
            // "The reports were denied": a passive refutes a claim, not a person ("he was
            // dismissed from his job").
            (Some(c), Kind::Verb) => {
                let clause = clause_at(clauses, words[c].0.start_byte);
                let from = words.partition_point(|(s, _)| s.start_byte < clause.start_byte);
                if !words[from..c].iter().any(|(_, w)| names_a_claim(w)) {
                    continue;
                }
                subject(lex, text, &words, clauses, c)
            }
            // "There is no evidence that …", "It is not the case that …": the content follows.
            (Some(c), _) => subject(lex, text, &words, clauses, c)
                .or_else(|| words.get(last).filter(|(_, w)| w == "that").and_then(|_| after())),
            // "denied reports that …", "denies causing …", "dismissed it": a verb refutes a
            // claim, not a thing ("denied entry", "dismissed from service").
            (None, Kind::Verb) => {
                if !governs_a_claim(text, &words, cue, last) {
                    continue;
                }
                after()
            }
            // "a fake photo", "false claims that …", not "fake passports".
            (None, Kind::Describer) => {
                if !words[last..(last + 2).min(words.len())]
                    .iter()
                    .any(|(_, w)| names_a_claim(w))
                {
                    continue;
                }
                after()
            }
            (None, Kind::Phrase) => after(),
        };
        candidates.push(Candidate { cue, target, negated });
    }
    candidates.extend(withheld(text, &words, clauses, lex));
    let holds = |c: &Candidate| {
        c.target
            .map_or(0, |t| candidates.iter().filter(|o| t.contains(o.cue)).count())
    };
    let best = candidates
        .iter()
        .enumerate()
        .max_by_key(|(k, c)| (holds(c), c.target.is_some(), std::cmp::Reverse(*k)))
        .map(|(_, c)| c)?;
    let abs = |s: Span| Span::new(base + s.start_byte, base + s.end_byte);
    Some(Refutation {
        cue: Cue {
            text: best.cue.slice(text).to_string(),
            span: abs(best.cue),
        },
        target: best.target.map(abs),
        negated: best.negated,
    })
}

/// The copula before word `first`, skipping up to three words such as "not", "a", "clearly".
fn copula_before(words: &[(Span, String)], first: usize) -> Option<usize> {
    let mut k = first;
    for _ in 0..4 {
        k = k.checked_sub(1)?;
        let w = words[k].1.as_str();
        // "it's", "that's" (a possessive, "the ministry's", is no copula).
        let contracted = ["it", "that", "he", "she", "there", "what", "this"]
            .iter()
            .any(|p| w.strip_prefix(p).is_some_and(|r| r == "'s" || r == "’s"));
        if COPULAS.contains(&w) || contracted {
            return Some(k);
        }
        if !BETWEEN.contains(&w) {
            return None;
        }
    }
    None
}

/// The clause of `clauses` that holds byte `at`.
fn clause_at(clauses: &[Clause], at: usize) -> Span {
    clauses
        .iter()
        .find(|c| c.span.start_byte <= at && at < c.span.end_byte)
        .map_or(Span::new(0, at), |c| c.span)
}

/// The subject of the copula at word `copula`: its clause up to the copula, after a reporting
/// frame ("Officials said that the photo was fake": "the photo").
fn subject(lex: &Lexicon, text: &str, words: &[(Span, String)], clauses: &[Clause], copula: usize) -> Option<Span> {
    let at = words[copula].0;
    // "it's a hoax": the subject is the word itself, minus its "'s".
    let end = if words[copula].1.ends_with("'s") || words[copula].1.ends_with("’s") {
        at.end_byte - 2
    } else {
        at.start_byte
    };
    let clause = clause_at(clauses, at.start_byte);
    let mut start = clause.start_byte;
    // Auxiliaries before the copula are not the subject ("may have been").
    let mut k = copula;
    while k > 0 && AUXILIARIES.contains(&words[k - 1].1.as_str()) && words[k - 1].0.start_byte >= start {
        k -= 1;
    }
    let end = if k < copula { words[k].0.start_byte } else { end };
    // A reporting frame before the subject ("Officials said that the photo …"), unless the
    // reporting word opens the clause as a noun ("Reports of his death …").
    let stretch = Span::new(start, end);
    if let Some((frame, _)) = lex.reporting.find(stretch.slice(text)).into_iter().next_back() {
        let opens = stretch.slice(text)[..frame.start_byte].trim().is_empty();
        if !opens {
            start += frame.end_byte;
        }
    }
    framed_content(text, words, Span::new(start, end))
}

/// What follows the cue ending before word `last`, to the end of its clause or to byte `stop`.
fn content_after(
    text: &str,
    words: &[(Span, String)],
    clauses: &[Clause],
    last: usize,
    stop: Option<usize>,
) -> Option<Span> {
    let (start, _) = words.get(last)?;
    let clause = clause_at(clauses, start.start_byte);
    let end = stop.map_or(clause.end_byte, |s| s.min(clause.end_byte));
    framed_content(text, words, Span::new(start.start_byte, end))
}

/// `stretch` without the framing words at its start and punctuation at its ends; `None` when
/// nothing but framing or a pronoun is left.
fn framed_content(text: &str, words: &[(Span, String)], stretch: Span) -> Option<Span> {
    let inside: Vec<&(Span, String)> = words.iter().filter(|(s, _)| stretch.contains(*s)).collect();
    let mut k = 0;
    while inside.get(k).is_some_and(|(_, w)| DETERMINERS.contains(&w.as_str())) {
        k += 1;
    }
    // "the Iraqi media reports that …": a framing noun among the first four words.
    let framing = (k..(k + 4).min(inside.len())).find(|&j| FRAMING.contains(&inside[j].1.as_str()));
    if let Some(j) = framing {
        k = j + 1;
        // "reports that", "reports on Monday that", "the claim, made online, that".
        let connector = (k..(k + 4).min(inside.len())).find(|&j| CONNECTORS.contains(&inside[j].1.as_str()));
        match connector {
            Some(j) => {
                k = j + 1;
                if inside.get(k).is_some_and(|(_, w)| w == "that") {
                    k += 1;
                }
            }
            None if inside.len() <= k + 2 => return None,
            None => {}
        }
    } else if inside.get(k).is_some_and(|(_, w)| w == "that") {
        k += 1;
    }
    let rest = &inside[k.min(inside.len())..];
    let content: Vec<&&(Span, String)> = rest.iter().filter(|(_, w)| !PRONOUNS.contains(&w.as_str())).collect();
    if content.is_empty() || (rest.len() == 1 && PRONOUNS.contains(&rest[0].1.as_str())) {
        return None;
    }
    let start = rest.first()?.0.start_byte;
    let end = rest.last()?.0.end_byte;
    (start < end && !text[start..end].trim().is_empty()).then_some(Span::new(start, end))
}

/// "does not conclude that …", "did not find that …": a negated verb of finding before a "that"
/// clause, a colon, a comma or a quotation.
fn withheld(text: &str, words: &[(Span, String)], clauses: &[Clause], lex: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (k, (span, w)) in words.iter().enumerate() {
        if !WITHHELD.contains(&w.as_str()) {
            continue;
        }
        let negated_by = words[k.saturating_sub(2)..k]
            .iter()
            .find(|(_, x)| lex.is_negator(x) || x.ends_with("n't") || x.ends_with("n’t"));
        let Some((neg, _)) = negated_by else { continue };
        let after = text.get(span.end_byte..).unwrap_or("").trim_start();
        let opens = after.starts_with([',', ':', '"', '“', '\'']) || words.get(k + 1).is_some_and(|(_, n)| n == "that");
        if !opens {
            continue;
        }
        out.push(Candidate {
            cue: Span::new(neg.start_byte, span.end_byte),
            target: content_after(text, words, clauses, k + 1, None),
            negated: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{clauses, tokens::words};

    /// (cue, content, negated) of a sentence's refutation.
    fn refutation(s: &str) -> Option<(String, Option<String>, bool)> {
        let lex = Lexicon::get();
        let scan = lex.scan(s);
        let r = find(lex, &scan, 0, &words(s, 0), &clauses::split(lex, &scan))?;
        Some((r.cue.text, r.target.map(|t| t.slice(s).to_string()), r.negated))
    }

    fn content(s: &str) -> Option<String> {
        refutation(s).and_then(|r| r.1)
    }

    #[test]
    fn a_denial_governs_the_reported_claim_not_the_sentence() {
        assert_eq!(
            content("North Korea has moved to deny reports its leader is planning to open a restaurant in Scotland."),
            Some("its leader is planning to open a restaurant in Scotland".into())
        );
        assert_eq!(
            content("The ministry denied reports that troops crossed the border on Monday, saying it is not true."),
            Some("troops crossed the border on Monday".into())
        );
        assert_eq!(
            content("Israel denies causing Gaza floods by opening dams"),
            Some("causing Gaza floods by opening dams".into())
        );
        let r = refutation("The ministry has denied the report.");
        assert_eq!(r, Some(("denied".into(), None, false)));
    }

    #[test]
    fn a_predicate_refutes_its_subject() {
        assert_eq!(
            content("Reports that Comcast will deny Internet service to Tor users are false, the company says."),
            Some("Comcast will deny Internet service to Tor users".into())
        );
        assert_eq!(
            content("Officials said that the photo of the shark was fake."),
            Some("the photo of the shark".into())
        );
        assert_eq!(
            content("Reports of his death may have been greatly exaggerated."),
            Some("his death".into())
        );
        assert_eq!(
            content("If the scene looks staged, that's because it was."),
            Some("scene".into())
        );
        assert_eq!(
            refutation("It's a hoax, the mayor said."),
            Some(("hoax".into(), None, false))
        );
        // Words that only look like cues: a verb of staging, a dismissal from a job, a fake
        // passport, a denied entry.
        assert_eq!(refutation("Workers staged a protest outside the plant."), None);
        assert_eq!(
            refutation("An official was dismissed from service for his absence."),
            None
        );
        assert_eq!(
            refutation("The couple were caught with fake passports at the border."),
            None
        );
        assert_eq!(refutation("The airline denied entry to three passengers."), None);
        assert_eq!(refutation("The state airline's fleet is made up of 13 aircraft."), None);
        assert_eq!(
            content("Officials refute Iraqi media reports that fighters have contracted Ebola."),
            Some("fighters have contracted Ebola".into())
        );
        assert_eq!(
            content("The ministry dismissed claims that it had signed a truce."),
            Some("it had signed a truce".into())
        );
    }

    #[test]
    fn the_lie_announces_a_refuted_claim() {
        let r = refutation("The lie is this: that the flooding was caused by the dams.");
        assert_eq!(r.map(|r| (r.0, r.2)), Some(("The lie is".into(), false)));
        assert_eq!(refutation("He passed the lie detector test."), None);
    }

    #[test]
    fn negated_cues_affirm() {
        let r = refutation("The shark photo is not a hoax.");
        assert_eq!(r, Some(("hoax".into(), Some("shark photo".into()), true)));
        let r = refutation("The ministry did not deny that troops crossed the border.");
        assert_eq!(r.map(|r| r.2), Some(true));
    }

    #[test]
    fn a_withheld_conclusion_refutes_what_follows() {
        let r = refutation("The study does not conclude that coffee causes cancer.");
        assert_eq!(
            r,
            Some(("not conclude".into(), Some("coffee causes cancer".into()), false))
        );
        assert_eq!(refutation("The study concludes that coffee causes cancer."), None);
        // Not confirming leaves a claim open.
        assert_eq!(
            refutation("Police have not confirmed that the man is the suspect."),
            None
        );
    }

    #[test]
    fn no_evidence_and_nominal_cues_govern_what_follows() {
        assert_eq!(
            content("There is no evidence that the water was poisoned."),
            Some("the water was poisoned".into())
        );
        assert_eq!(
            content("A hoax report claimed that the singer had died of a heart attack."),
            Some("the singer had died of a heart attack".into())
        );
    }
}
