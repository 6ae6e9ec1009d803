//! Segment: split kept paragraphs into sentences with byte spans into the
//! original text. Starts from Unicode sentence boundaries (UAX #29) and undoes
//! the breaks that are wrong in news text: after abbreviations and initials
//! ("Gen.", "Mr.", "U.S.", "J."), before a lower-case continuation, and inside
//! an open quotation. A line with no final punctuation is a headline. Datelines
//! ("NEW DELHI:") were already set aside by [`crate::clean`].

use crate::{Config, Span};
use unicode_segmentation::UnicodeSegmentation;

/// One sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index of the kept paragraph (line) it comes from.
    pub paragraph: usize,
    /// A line without final punctuation (title, headline, section heading).
    pub headline: bool,
}

/// Longest sentence, in bytes; longer runs without punctuation are cut at a space.
pub const MAX_SENTENCE_BYTES: usize = 2_000;
/// Longest run of sentences merged because a quotation is open.
const MAX_QUOTE_BYTES: usize = 1_200;

const ABBREVIATIONS: [&str; 40] = [
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "prof", "sr", "jr", "st", "no", "vol",
    "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "a.m", "p.m", "e.g", "i.e",
];

/// Sentences of `text` inside the `kept` spans, in order.
pub fn segment(text: &str, kept: &[Span], config: &Config) -> Vec<Sentence> {
    let _ = config;
    let mut out = Vec::new();
    for (paragraph, para) in kept.iter().enumerate() {
        let pieces = merge_fragments(text, fragments(text, *para));
        let headline = pieces.len() == 1 && !ends_sentence(pieces[0].slice(text));
        out.extend(pieces.into_iter().map(|span| Sentence {
            span,
            paragraph,
            headline,
        }));
    }
    out
}

/// UAX #29 sentence pieces of `span`, trimmed, with over-long pieces cut.
fn fragments(text: &str, span: Span) -> Vec<Span> {
    let slice = span.slice(text);
    let mut out = Vec::new();
    for (offset, piece) in slice.split_sentence_bound_indices() {
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            continue;
        }
        let mut s = span.start_byte + offset + lead;
        let end = s + trimmed.len();
        while end - s > MAX_SENTENCE_BYTES {
            let window = &text[s..s + floor_char_boundary(&text[s..], MAX_SENTENCE_BYTES)];
            let cut = window
                .rfind(char::is_whitespace)
                .filter(|&c| c > 0)
                .unwrap_or(window.len());
            out.push(Span::new(s, s + cut));
            s += cut;
            s += text[s..end].len() - text[s..end].trim_start().len();
        }
        if s < end {
            out.push(Span::new(s, end));
        }
    }
    out
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn merge_fragments(text: &str, pieces: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if let Some(last) = out.last_mut() {
            let prev = last.slice(text);
            let next = piece.slice(text);
            let join = ends_with_abbreviation(prev)
                || next.chars().next().is_some_and(|c| c.is_lowercase())
                || (quote_open(prev) && prev.len() + next.len() < MAX_QUOTE_BYTES);
            if join && piece.end_byte - last.start_byte <= MAX_SENTENCE_BYTES {
                last.end_byte = piece.end_byte;
                continue;
            }
        }
        out.push(piece);
    }
    out
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', ';', '…'])
}

fn ends_with_abbreviation(s: &str) -> bool {
    let Some(body) = s.trim_end().strip_suffix('.') else {
        return false;
    };
    let word = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial || ABBREVIATIONS.contains(&lower.as_str())
}

/// True when `s` opens a double quotation it does not close.
fn quote_open(s: &str) -> bool {
    let straight = s.matches('"').count();
    let open = s.matches('“').count();
    let close = s.matches('”').count();
    straight % 2 == 1 || open > close
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let kept = vec![Span::new(0, text.len())];
        segment(text, &kept, &Config::default())
            .iter()
            .map(|s| s.span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        let s = sentences(
            "Gen. Nakatani met Mr. Singh at 9 a.m. in the U.S. capital. Growth was 3.5 per cent. J. R. Smith agreed.",
        );
        assert_eq!(
            s,
            [
                "Gen. Nakatani met Mr. Singh at 9 a.m. in the U.S. capital.",
                "Growth was 3.5 per cent.",
                "J. R. Smith agreed."
            ]
        );
    }

    #[test]
    fn a_quote_across_sentence_ends_stays_whole() {
        let s = sentences("He said, \"We are worried. We urge both sides to talk.\" Then he left.");
        assert_eq!(
            s,
            [
                "He said, \"We are worried. We urge both sides to talk.\"",
                "Then he left."
            ]
        );
    }

    #[test]
    fn headline_is_flagged() {
        let text = "Japan and India deepen security ties";
        let s = segment(text, &[Span::new(0, text.len())], &Config::default());
        assert!(s[0].headline);
    }

    #[test]
    fn long_unpunctuated_text_is_cut_on_char_boundaries() {
        let text = "é word ".repeat(1000);
        let kept = vec![Span::new(0, text.trim_end().len())];
        let s = segment(&text, &kept, &Config::default());
        assert!(s.len() > 2);
        assert!(s
            .iter()
            .all(|x| x.span.len() <= MAX_SENTENCE_BYTES && text.is_char_boundary(x.span.start_byte)));
    }
}
