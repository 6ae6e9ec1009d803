//! Word tokens with absolute byte spans, and the content terms used for alignment.

use crate::lexicon::Lexicon;
use crate::Span;
use std::sync::Arc;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    pub text: &'t str,
    pub span: Span,
}

impl Token<'_> {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is_number(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_ascii_digit())
    }
}

/// Words of `text` (those containing a letter or digit); spans are offset by `base`.
pub fn words(text: &str, base: usize) -> Vec<Token<'_>> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| Token {
            text: w,
            span: Span::new(base + i, base + i + w.len()),
        })
        .collect()
}

/// Stemmed content terms of `text` (no stopwords, no negators, no bare numbers).
pub fn content_terms(lex: &Lexicon, text: &str) -> Vec<Arc<str>> {
    content_terms_of(lex, &words(text, 0))
}

/// [`content_terms`] of words already split by [`words`], so that a sentence is tokenised once.
pub fn content_terms_of(lex: &Lexicon, words: &[Token<'_>]) -> Vec<Arc<str>> {
    let mut terms: Vec<Arc<str>> = Vec::new();
    let mut lower = String::new();
    for t in words {
        if t.is_number() {
            continue;
        }
        lower.clear();
        if t.text.is_ascii() {
            lower.push_str(t.text);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(t.text.chars().flat_map(char::to_lowercase));
        }
        let w = lower.trim_end_matches("'s").trim_end_matches("’s");
        if w.chars().nth(1).is_none() || lex.is_stopword(w) || lex.is_negator(w) {
            continue;
        }
        terms.push(lex.shared_stem(w));
    }
    terms.sort_unstable();
    terms.dedup();
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_absolute_spans() {
        let w = words("Japan's 450-km test", 10);
        let texts: Vec<&str> = w.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["Japan's", "450", "km", "test"]);
        assert_eq!(w[1].span, Span::new(18, 21));
    }

    #[test]
    fn content_terms_are_stemmed_without_stopwords() {
        let t = content_terms(Lexicon::get(), "The ministers were not meeting in Tokyo's offices");
        let t: Vec<&str> = t.iter().map(|s| &**s).collect();
        assert_eq!(t, ["meet", "minist", "offic", "tokyo"]);
    }
}
