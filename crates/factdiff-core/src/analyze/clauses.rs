//! Clauses: which part of a sentence each negation belongs to.
//!
//! A sentence is cut into clauses at semicolons, spaced dashes, sentence ends inside a
//! quotation ("“It is not true. We never sent troops,” he said."), and before a conjunction or
//! relative pronoun that follows a comma (", but", ", which", ", saying"), and before " but ".
//! A clause that opens with a contrast or a relative pronoun ("…, but doesn't say when") is a side
//! clause: its negations do not change what the sentence asserts.
//!
//! Each clause counts its negations: negation words, verbs that negate what follows them
//! ("prevented him from leaving" says what "so that he would not leave" says) and refutation cues
//! ("denied", "a hoax"); cues that overlap count once ("not true"). Left out: negations of a detail
//! only ("did not say when", "declined to comment", "could not be reached") and phrases that do not
//! negate ("not only").
//!
//! Not for: what a refutation governs ([`super::refutation`]).

use crate::lexicon::{Lexicon, Scan};
use crate::{Polarity, Span};

/// One clause of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clause {
    /// Byte range relative to the sentence.
    pub span: Span,
    /// Opens with a contrast or a relative pronoun: its negations are not the sentence's.
    pub side: bool,
    /// Negations inside it (see the module documentation).
    pub negations: u32,
}

/// Words that open a side clause.
const SIDE_OPENERS: [&str; 12] = [
    "but", "although", "though", "whereas", "yet", "however", "which", "who", "whom", "whose", "while", "except",
];
/// Words that open a new clause after a comma (besides the side openers).
const OPENERS: [&str; 10] = [
    "and", "saying", "adding", "because", "since", "after", "before", "when", "so", "as",
];

/// "not only", "no doubt", "not every night" and the like do not negate the clause.
pub(crate) const NOT_NEGATING: [&str; 19] = [
    "not only",
    "not merely",
    "not just",
    "not limited",
    "no doubt",
    "no less",
    "not every",
    "not all",
    "not always",
    "not least",
    "not long",
    "not far",
    "not to mention",
    "not surprisingly",
    "no wonder",
    // "is made up of 13 aircraft": what a thing consists of, not an invention.
    "made up of",
    // "This is not the first time the capsule was unearthed": it was, and before.
    "not the first",
    "not the only",
    "not the last",
];

/// Verbs whose negation denies a detail, not the content: "did not say when", "would not say how".
const DETAIL_VERBS: [&str; 24] = [
    "say",
    "said",
    "specify",
    "specified",
    "explain",
    "explained",
    "reveal",
    "revealed",
    "disclose",
    "disclosed",
    "elaborate",
    "elaborated",
    "know",
    "knew",
    "indicate",
    "indicated",
    "identify",
    "identified",
    "name",
    "named",
    "detail",
    "detailed",
    "give",
    "gave",
];
/// What a detail verb asks about.
const DETAIL_OBJECTS: [&str; 11] = [
    "when", "how", "why", "where", "who", "what", "whether", "which", "details", "further", "more",
];
/// Verbs whose negation is no statement at all: "did not comment", "did not immediately respond".
const NO_STATEMENT: [&str; 10] = [
    "comment",
    "commented",
    "commenting",
    "respond",
    "responded",
    "responding",
    "reply",
    "replied",
    "return",
    "returned",
];

/// Words whose negation says that something is not (yet) confirmed, verified or known: "has not
/// been confirmed", "could not independently verify", "it is not clear whether", "declined to
/// confirm", "no official confirmation". That is hedging (the claim is open), not a denial.
const UNCONFIRMED: [&str; 22] = [
    "confirm",
    "confirmed",
    "confirming",
    "confirmation",
    "verify",
    "verified",
    "verification",
    "authenticate",
    "authenticated",
    "corroborate",
    "corroborated",
    "substantiate",
    "substantiated",
    "clear",
    "sure",
    "certain",
    "known",
    "determine",
    "determined",
    "notification",
    "authenticity",
    "validate",
];

/// The clauses of a scanned sentence, in order; together they cover it.
pub fn split(lex: &Lexicon, scan: &Scan<'_>) -> Vec<Clause> {
    let text = scan.text;
    let bounds = boundaries(text);
    let negations = negation_spans(lex, scan);
    let mut clauses = Vec::with_capacity(bounds.len() + 1);
    let mut start = 0;
    for end in bounds.into_iter().chain(std::iter::once(text.len())) {
        if end <= start {
            continue;
        }
        let span = Span::new(start, end);
        let n = negations.iter().filter(|s| span.contains(**s)).count();
        clauses.push(Clause {
            span,
            side: opens_side(span.slice(text)),
            negations: u32::try_from(n).unwrap_or(u32::MAX),
        });
        start = end;
    }
    clauses
}

/// Polarity of what a sentence asserts: negated when one of its clauses that are not side
/// clauses (of all clauses, when every one is a side clause) has an odd number of negations.
/// Negations in different clauses do not cancel ("It is not true. We never sent troops.").
pub fn polarity(clauses: &[Clause]) -> Polarity {
    let all_side = clauses.iter().all(|c| c.side);
    let negated = clauses
        .iter()
        .filter(|c| all_side || !c.side)
        .any(|c| c.negations % 2 == 1);
    if negated {
        Polarity::Negated
    } else {
        Polarity::Asserted
    }
}

/// Where clauses start (relative byte offsets, ascending, none at 0).
fn boundaries(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let next_word = |from: usize| -> &str {
        let rest = text
            .get(from..)
            .unwrap_or("")
            .trim_start_matches([' ', '"', '“', '‘', '\'']);
        let end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        &rest[..end]
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let at = match b {
            b';' => Some(i + 1),
            b',' => {
                let w = next_word(i + 1).to_lowercase();
                (SIDE_OPENERS.contains(&w.as_str()) || OPENERS.contains(&w.as_str())).then_some(i + 1)
            }
            b' ' if next_word(i + 1) == "but" && i > 0 && bytes[i - 1] != b',' => Some(i + 1),
            b'.' | b'?' | b'!' => {
                // A sentence end inside the sentence (a quotation of several sentences): the
                // punctuation, closing quotes, a space and a capital or an opening quote.
                let rest = &text[i + 1..];
                let after_quotes = rest.trim_start_matches(['"', '”', '’', '\'']);
                let skipped = rest.len() - after_quotes.len();
                let after = after_quotes.strip_prefix(' ').map(|r| r.trim_start_matches(['"', '“']));
                after
                    .and_then(|r| r.chars().next())
                    .filter(|c| c.is_uppercase())
                    .map(|_| i + 1 + skipped)
            }
            _ => None,
        };
        if b == b' ' || b == b'-' {
            // A spaced dash: " — ", " – " or " -- ".
            for dash in [" — ", " – ", " -- "] {
                if text[i..].starts_with(dash) {
                    out.push(i + dash.len());
                }
            }
        }
        if let Some(at) = at.filter(|&a| a > 0 && a < text.len()) {
            out.push(at);
        }
        i += 1;
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn opens_side(clause: &str) -> bool {
    let first = clause
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    SIDE_OPENERS.contains(&first.as_str())
}

/// Spans of the negations of a sentence (relative to it), overlapping cues merged, details,
/// non-negating phrases and an answer's opening "No," left out.
pub fn negation_spans(lex: &Lexicon, scan: &Scan<'_>) -> Vec<Span> {
    let text = scan.text;
    let mut spans: Vec<Span> = scan
        .find(&lex.negators)
        .into_iter()
        .chain(scan.find(&lex.implicit_negators))
        .chain(scan.find(&lex.refuters))
        .map(|(s, _)| s)
        .collect();
    if spans.is_empty() {
        return spans;
    }
    spans.sort_unstable_by_key(|s| (s.start_byte, s.end_byte));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start_byte < last.end_byte => last.end_byte = last.end_byte.max(s.end_byte),
            _ => merged.push(s),
        }
    }
    let lower = text.to_lowercase();
    // "No, ESPN is not having …": the opening "No" answers; the clause's own negation follows.
    let answer = |s: &Span| {
        text[..s.start_byte]
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
            && lower
                .get(s.start_byte..)
                .is_some_and(|t| t.starts_with("no,") || t.starts_with("no."))
    };
    merged.retain(|s| {
        let from = lower.get(s.start_byte..).unwrap_or("");
        !NOT_NEGATING.iter().any(|p| from.starts_with(p))
            && !negates_a_detail(lower.get(s.end_byte..).unwrap_or(""))
            && !answer(s)
    });
    merged
}

/// Whether the words after a negation say that only a detail is denied ("did not say when", "has
/// declined to comment", "could not be reached") or that the content is not confirmed ("has not
/// been confirmed", "could not independently verify", "is not clear whether").
fn negates_a_detail(after: &str) -> bool {
    let words: Vec<&str> = after
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    if words.first().is_some_and(|w| *w == "be") && words.get(1).is_some_and(|w| *w == "reached") {
        return true;
    }
    // Skip auxiliaries and adverbs before the verb ("did not immediately respond", "has not yet
    // been independently confirmed").
    let skip = [
        "immediately",
        "to",
        "be",
        "been",
        "yet",
        "publicly",
        "officially",
        "official",
        "independently",
        "independent",
        "able",
        "comment",
    ];
    for (k, w) in words.iter().enumerate() {
        if NO_STATEMENT.contains(w) || UNCONFIRMED.contains(w) {
            return true;
        }
        if DETAIL_VERBS.contains(w) {
            return words.get(k + 1).is_some_and(|n| DETAIL_OBJECTS.contains(n));
        }
        if !skip.contains(w) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(s: &str) -> Vec<(String, bool, u32)> {
        let lex = Lexicon::get();
        split(lex, &lex.scan(s))
            .into_iter()
            .map(|c| (c.span.slice(s).trim().to_string(), c.side, c.negations))
            .collect()
    }

    fn polarity_of(s: &str) -> Polarity {
        let lex = Lexicon::get();
        polarity(&split(lex, &lex.scan(s)))
    }

    #[test]
    fn a_negation_in_a_side_clause_does_not_negate_the_sentence() {
        let s = "The paper reports that the firm will close the plant, but doesn't say when.";
        assert_eq!(
            clauses(s),
            [
                (
                    "The paper reports that the firm will close the plant,".to_string(),
                    false,
                    0
                ),
                ("but doesn't say when.".to_string(), true, 0)
            ]
        );
        assert_eq!(polarity_of(s), Polarity::Asserted);
        assert_eq!(
            polarity_of("The firm will close the plant, but the union does not agree."),
            Polarity::Asserted
        );
        assert_eq!(polarity_of("The firm will not close the plant."), Polarity::Negated);
    }

    #[test]
    fn verbs_that_negate_count_as_negations() {
        assert_eq!(
            polarity_of("The guards locked the gate so that he would not leave."),
            Polarity::Negated
        );
        assert_eq!(
            polarity_of("The guards locked the gate to prevent him from leaving."),
            Polarity::Negated
        );
        assert_eq!(polarity_of("The team failed to win the final."), Polarity::Negated);
        assert_eq!(polarity_of("The ministry denied the report."), Polarity::Negated);
        assert_eq!(polarity_of("The ministry did not deny the report."), Polarity::Asserted);
        // One cue, not two: "not true" holds the negation word "not".
        assert_eq!(polarity_of("The report is not true."), Polarity::Negated);
        assert_eq!(polarity_of("The photo is not a hoax."), Polarity::Asserted);
    }

    #[test]
    fn not_confirmed_is_not_a_denial() {
        for s in [
            "The death of the actor has not been confirmed.",
            "CNN could not independently verify the authenticity of the tape.",
            "It is not clear whether the meteorite disintegrated on impact.",
            "Police declined to confirm the identity of the suspect.",
            "The officials have not yet been able to confirm the report.",
            "We have no official notification that it is Ebola.",
        ] {
            assert_eq!(polarity_of(s), Polarity::Asserted, "{s}");
        }
        assert_eq!(polarity_of("The actor has not died."), Polarity::Negated);
    }

    #[test]
    fn negations_of_a_detail_or_no_statement_do_not_count() {
        assert_eq!(
            polarity_of("The company will close the plant and did not say when."),
            Polarity::Asserted
        );
        assert_eq!(
            polarity_of("The ministry closed the border and declined to comment."),
            Polarity::Asserted
        );
        assert_eq!(
            polarity_of("Police arrested the driver and did not immediately respond to questions."),
            Polarity::Asserted
        );
        assert_eq!(polarity_of("It is not only a loss but a defeat."), Polarity::Asserted);
        assert_eq!(
            polarity_of("The airline's fleet is made up of 13 aircraft."),
            Polarity::Asserted
        );
        assert_eq!(polarity_of("The story was made up."), Polarity::Negated);
        assert_eq!(
            polarity_of("This is not the first time the capsule was unearthed."),
            Polarity::Asserted
        );
        assert_eq!(
            polarity_of("No, ESPN is not having an all-male panel tonight."),
            Polarity::Negated
        );
    }

    #[test]
    fn a_quotation_of_two_sentences_is_two_clauses() {
        let c = clauses("“It is not true. We never sent troops,” the ministry said.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!((c[0].2, c[1].2), (1, 1));
        assert_eq!(
            polarity_of("“It is not true. We never sent troops,” the ministry said."),
            Polarity::Negated
        );
    }
}
