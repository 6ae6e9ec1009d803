//! How a sentence asserts: polarity (asserted or negated), modality (fact,
//! hedged, prediction, conditional, call to action), intensifiers and
//! evaluative words.

use crate::lexicon::{CueList, Lexicon};
use crate::{Cue, Modality, Polarity, Span};

/// "not only", "not just", "no doubt" do not negate the clause.
const NOT_NEGATING: [&str; 6] = [
    "not only",
    "not merely",
    "not just",
    "not limited",
    "no doubt",
    "no less",
];

pub fn polarity(lex: &Lexicon, sentence: &str) -> Polarity {
    let lower = sentence.to_lowercase();
    let negations = lex
        .negators
        .find(sentence)
        .into_iter()
        .filter(|(s, _)| !NOT_NEGATING.iter().any(|p| lower[s.start_byte..].starts_with(p)))
        .count();
    if negations % 2 == 1 {
        Polarity::Negated
    } else {
        Polarity::Asserted
    }
}

pub fn modality(lex: &Lexicon, sentence: &str) -> Modality {
    let lower = sentence.trim_start().to_lowercase();
    // "May" with a capital inside a sentence is the month.
    let hedged = lex
        .hedges
        .find(sentence)
        .iter()
        .any(|(s, _)| s.start_byte == 0 || s.slice(sentence) != "May");
    if hedged {
        Modality::Hedged
    } else if lex
        .conditionals
        .find(sentence)
        .first()
        .is_some_and(|(s, _)| s.start_byte < 3)
        || lower.starts_with("if ")
    {
        Modality::Conditional
    } else if lex.calls.any(sentence) {
        Modality::CallToAction
    } else if lex.predictions.any(sentence) {
        Modality::Prediction
    } else {
        Modality::Fact
    }
}

/// Matches of `list` as cues with absolute spans.
pub fn cues(list: &CueList, sentence: &str, base: usize) -> Vec<Cue> {
    list.find(sentence)
        .into_iter()
        .map(|(s, _)| Cue {
            text: s.slice(sentence).to_string(),
            span: Span::new(base + s.start_byte, base + s.end_byte),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polarity_and_modality() {
        let lex = Lexicon::get();
        assert_eq!(polarity(lex, "The minister did not attend."), Polarity::Negated);
        assert_eq!(
            polarity(lex, "It is not only economic but strategic."),
            Polarity::Asserted
        );
        assert_eq!(modality(lex, "The talks could fail."), Modality::Hedged);
        assert_eq!(modality(lex, "Japan urged dialogue."), Modality::CallToAction);
        assert_eq!(
            modality(lex, "The meeting will take place in May."),
            Modality::Prediction
        );
        assert_eq!(modality(lex, "The meeting took place in May."), Modality::Fact);
    }
}
