//! How a sentence asserts: polarity (asserted or negated), modality (fact,
//! hedged, prediction, conditional, call to action), intensifiers and
//! evaluative words.

use crate::lexicon::{CueList, Lexicon, Scan};
use crate::{Cue, Modality, Span};

pub fn modality(lex: &Lexicon, scan: &Scan<'_>) -> Modality {
    let sentence = scan.text;
    // "May" with a capital inside a sentence is the month.
    let hedged = scan
        .find(&lex.hedges)
        .iter()
        .any(|(s, _)| s.start_byte == 0 || s.slice(sentence) != "May");
    if hedged || asks(sentence) {
        Modality::Hedged
    } else if scan
        .find(&lex.conditionals)
        .first()
        .is_some_and(|(s, _)| s.start_byte < 3)
        || starts_with_if(sentence)
    {
        Modality::Conditional
    } else if scan.any(&lex.calls) {
        Modality::CallToAction
    } else if scan.any(&lex.predictions) {
        Modality::Prediction
    } else {
        Modality::Fact
    }
}

/// A question ("Is the actor dead?") asserts nothing: it ends in a question mark (before closing
/// quotes).
fn asks(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')'))
        .ends_with('?')
}

/// True when the sentence, lower-cased, starts with "if " after leading whitespace.
///
/// Only `I`, `F` and the space lower-case to `i`, `f` and a space as a whole ("İ" becomes "i̇"),
/// so comparing the first three bytes without case is the same test.
fn starts_with_if(sentence: &str) -> bool {
    sentence
        .trim_start()
        .as_bytes()
        .get(..3)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"if "))
}

/// Matches of `list` in the scanned sentence as cues with absolute spans.
pub fn cues(scan: &Scan<'_>, list: &CueList, base: usize) -> Vec<Cue> {
    scan.find(list)
        .into_iter()
        .map(|(s, _)| Cue {
            text: s.slice(scan.text).to_string(),
            span: Span::new(base + s.start_byte, base + s.end_byte),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modality_of_sentences() {
        let lex = Lexicon::get();
        let modality = |s| modality(lex, &lex.scan(s));
        assert_eq!(modality("The talks could fail."), Modality::Hedged);
        assert_eq!(modality("Japan urged dialogue."), Modality::CallToAction);
        assert_eq!(modality("The meeting will take place in May."), Modality::Prediction);
        assert_eq!(modality("The meeting took place in May."), Modality::Fact);
        assert_eq!(modality("Is the actor dead?"), Modality::Hedged);
        assert_eq!(modality("“Is the actor dead?”"), Modality::Hedged);
        assert_eq!(modality("The death has not been confirmed."), Modality::Hedged);
        assert_eq!(modality("It is unclear whether the dam broke."), Modality::Hedged);
        for s in [
            "If it rains",
            "  iF x",
            "if",
            "İf it",
            "Iff x",
            "\u{212a}if x",
            " IF\tx",
            "IF ",
            "ıf x",
        ] {
            let expected = s.trim_start().to_lowercase().starts_with("if ");
            assert_eq!(starts_with_if(s), expected, "{s:?}");
        }
    }
}
