//! Acronyms and short names that a story defines itself ("the Quadrilateral Security Dialogue
//! (Quad)", "NATO (North Atlantic Treaty Organization)"), so that a claim naming the long form and
//! one naming the short form share a term.
//!
//! A definition is a parenthesis that holds one word right after a run of capitalised words (or
//! the other way round) where the word is the initials of the run's capitalised words ("DHS" for
//! "Department of Homeland Security") or the beginning of its first word ("Quad"). Only what the
//! story's own text defines is used: no list of acronyms, no guess from one word alone.

use crate::analyze::tokens::{content_terms, words, Token};
use crate::lexicon::Lexicon;
use crate::Claim;
use std::sync::Arc;

/// One definition: the short form's term and the content terms of the long form (sorted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acronym {
    pub short: Arc<str>,
    pub long: Vec<Arc<str>>,
}

/// Lower-case words that may stand inside a long form between capitalised words.
const CONNECTORS: [&str; 7] = ["of", "and", "for", "the", "on", "in", "&"];

/// Most words of a long form.
const MAX_LONG_WORDS: usize = 8;

/// The definitions in the claims of a story (each once).
pub fn learn(claims: &[Claim]) -> Vec<Acronym> {
    let lex = Lexicon::get();
    let mut out: Vec<Acronym> = Vec::new();
    for c in claims {
        let text = c.text.as_str();
        if !text.contains('(') {
            continue;
        }
        for (open, _) in text.match_indices('(') {
            let Some(len) = text[open..].find(')') else {
                continue;
            };
            let inside = &text[open + 1..open + len];
            let before = words(&text[..open], 0);
            // Spans of both runs are offsets into `text`.
            let inner = words(inside, open + 1);
            let found = match inner[..] {
                // "Long Form (LF)"
                [short] => long_form(&before, short.text).map(|long| (short.text, long)),
                // "LF (Long Form)"
                _ => before
                    .last()
                    .filter(|w| text[w.span.end_byte..open].trim().is_empty())
                    .and_then(|w| long_form(&inner, w.text).map(|long| (w.text, long))),
            };
            let Some((short, long)) = found else {
                continue;
            };
            let (Some(first), Some(last)) = (long.first(), long.last()) else {
                continue;
            };
            let long_terms = content_terms(
                lex,
                text.get(first.span.start_byte..last.span.end_byte).unwrap_or_default(),
            );
            let short_terms = content_terms(lex, short);
            let [short] = &short_terms[..] else {
                continue;
            };
            if long_terms.len() < 2 || long_terms.contains(short) {
                continue;
            }
            let a = Acronym {
                short: Arc::clone(short),
                long: long_terms,
            };
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

/// The words of the long form that `short` abbreviates, at the end of `run` (a sentence's words
/// before the parenthesis, or the words inside it), or `None`.
fn long_form<'r, 't>(run: &'r [Token<'t>], short: &str) -> Option<&'r [Token<'t>]> {
    let letters: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let upper_start = short.chars().next().is_some_and(char::is_uppercase);
    if letters.len() < 2 || letters.len() > 10 || !upper_start || short.chars().any(char::is_numeric) {
        return None;
    }
    // The longest tail of capitalised words and connectors that ends in a capitalised word.
    let mut start = run.len();
    while start > 0 && run.len() - start < MAX_LONG_WORDS {
        let w = &run[start - 1];
        if !(w.is_capitalised() || CONNECTORS.contains(&w.text)) {
            break;
        }
        start -= 1;
    }
    let tail = &run[start..];
    tail.last().filter(|w| w.is_capitalised())?;
    // Initials: the capitalised words of a tail of the run, one per letter.
    let capitals: Vec<usize> = (0..tail.len()).filter(|&i| tail[i].is_capitalised()).collect();
    if capitals.len() >= letters.len() {
        let from = capitals[capitals.len() - letters.len()];
        let initials = capitals[capitals.len() - letters.len()..]
            .iter()
            .filter_map(|&i| tail[i].text.chars().next())
            .flat_map(char::to_lowercase);
        if initials.eq(letters.iter().copied()) && tail.len() - from >= 2 {
            return Some(&tail[from..]);
        }
    }
    // A short name: the beginning of the first word of the long form, three letters at least.
    let short_lower: String = letters.iter().collect();
    if short_lower.len() >= 3 {
        for (i, w) in tail.iter().enumerate() {
            let lower = w.text.to_lowercase();
            if w.is_capitalised() && lower.starts_with(&short_lower) && lower != short_lower && tail.len() - i >= 2 {
                return Some(&tail[i..]);
            }
        }
    }
    None
}

/// `terms` (sorted, one claim's) with every defined long form they contain replaced by its short
/// form's term.
pub fn normalise(terms: &[Arc<str>], acronyms: &[Acronym]) -> Vec<Arc<str>> {
    let mut out = terms.to_vec();
    for a in acronyms {
        if a.long.iter().all(|t| out.binary_search(t).is_ok()) {
            out.retain(|t| a.long.binary_search(t).is_err());
            if let Err(at) = out.binary_search(&a.short) {
                out.insert(at, Arc::clone(&a.short));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document};

    fn claims(text: &str) -> Vec<Claim> {
        crate::extract_claims(&Document::new("d", text), &Config::default()).unwrap_or_default()
    }

    fn learned(text: &str) -> Vec<(String, Vec<String>)> {
        learn(&claims(text))
            .into_iter()
            .map(|a| (a.short.to_string(), a.long.iter().map(|t| t.to_string()).collect()))
            .collect()
    }

    #[test]
    fn definitions_are_learned_both_ways() {
        let quad = learned("Japan and India sit in the Quadrilateral Security Dialogue (Quad) with Australia.");
        assert_eq!(quad.len(), 1, "{quad:?}");
        assert_eq!(quad[0].0, "quad");
        assert_eq!(quad[0].1.len(), 3);
        let dhs = learned("The Department of Homeland Security (DHS) said so.");
        assert_eq!(dhs.len(), 1, "{dhs:?}");
        assert_eq!(dhs[0].0, "dhs");
        let nato = learned("NATO (North Atlantic Treaty Organization) met in Brussels.");
        assert_eq!(nato.len(), 1, "{nato:?}");
        assert_eq!(nato[0].1.len(), 4);
    }

    #[test]
    fn a_parenthesis_that_defines_nothing_is_ignored() {
        for text in [
            "The minister (who spoke on Monday) left.",
            "Officials at the Interior Ministry (Reuters) said so.",
            "Shares of Apple Inc (AAPL) rose.",
            "It rose by 4 (four) per cent.",
        ] {
            assert!(learned(text).is_empty(), "{text}: {:?}", learned(text));
        }
    }

    #[test]
    fn a_long_form_becomes_the_short_form() {
        let story = claims(
            "Japan and India sit in the Quadrilateral Security Dialogue (Quad) with Australia. \
             The Quad will meet in Tokyo. Leaders of the Quadrilateral Security Dialogue will meet in Tokyo.",
        );
        let acronyms = learn(&story);
        let lex = Lexicon::get();
        let terms: Vec<Vec<Arc<str>>> = story
            .iter()
            .map(|c| normalise(&content_terms(lex, &c.text), &acronyms))
            .collect();
        let quad: Arc<str> = Arc::from("quad");
        assert!(terms.iter().all(|t| t.contains(&quad)), "{terms:?}");
        assert!(!terms[2].iter().any(|t| &**t == "dialogu"), "{:?}", terms[2]);
        assert!(terms.iter().all(|t| t.windows(2).all(|w| w[0] < w[1])));
    }
}
