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
    /// Where the sentence is in the document.
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
    for (offset, piece) in sentence_pieces(slice) {
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

/// UAX #29 sentence pieces of `text` with their offsets. Text whose characters all have a class in
/// [`sentence_class`] (ASCII, Latin-1 letters, curly quotes, dashes, a few signs) takes
/// [`sentence_ends`]; other text the Unicode iterator.
pub fn sentence_pieces(text: &str) -> Vec<(usize, &str)> {
    let mut classes = Vec::with_capacity(text.len());
    if text.is_ascii() {
        classes.extend(
            text.bytes()
                .enumerate()
                .map(|(i, b)| (i, ASCII_CLASSES[usize::from(b)])),
        );
    } else {
        for (i, c) in text.char_indices() {
            let Some(k) = sentence_class(c) else {
                return text.split_sentence_bound_indices().collect();
            };
            classes.push((i, k));
        }
    }
    let mut start = 0;
    let mut out = Vec::new();
    for end in sentence_ends(&classes, text.len()) {
        out.push((start, &text[start..end]));
        start = end;
    }
    out
}

/// Sentence-break classes of UAX #29 (SB rules), for the characters the fast path knows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SClass {
    Upper,
    Lower,
    Digit,
    /// ATerm: `.`
    FullStop,
    /// STerm: `!` `?`
    Term,
    Close,
    Space,
    /// SContinue: `,` `-` `:` `;` en and em dashes.
    Continue,
    Cr,
    Lf,
    Other,
}

/// [`sentence_class`] of each ASCII byte, looked up instead of matched.
const ASCII_CLASSES: [SClass; 128] = {
    let mut table = [SClass::Other; 128];
    let mut b = 0;
    while b < 128 {
        if let Some(k) = sentence_class(b as u8 as char) {
            table[b] = k;
        }
        b += 1;
    }
    table
};

/// The class of `c`, or `None` for a character the fast path leaves to the Unicode tables.
const fn sentence_class(c: char) -> Option<SClass> {
    use SClass::*;
    Some(match c {
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => Upper,
        'a'..='z' | '\u{aa}' | '\u{b5}' | '\u{ba}' | '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' => Lower,
        '0'..='9' => Digit,
        '.' => FullStop,
        '!' | '?' => Term,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{ab}' | '\u{bb}' | '\u{2018}'..='\u{201f}' => Close,
        ' ' | '\t' | '\u{b}' | '\u{c}' | '\u{a0}' => Space,
        ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}' => Continue,
        '\r' => Cr,
        '\n' => Lf,
        c if c.is_ascii() => Other,
        '\u{a2}' | '\u{a3}' | '\u{a5}' | '\u{a9}' | '\u{ae}' | '\u{b0}' | '\u{d7}' | '\u{2026}' | '\u{20ac}' => Other,
        _ => return None,
    })
}

/// End offsets of the UAX #29 sentences of a text of `len` bytes whose characters are `classes`
/// (byte offset, class); the last end is `len`. The rules as they apply to these classes: a break
/// after a line break (SB4, CR × LF), and after `.` `!` `?` followed by closing quotes or
/// brackets and spaces (SB9–SB11), unless a digit follows the full stop (SB6), a capital follows
/// a full stop after a letter (SB7), a lower-case letter comes next after anything but letters,
/// terminators and line breaks (SB8), or a continuation or another terminator comes next (SB8a).
fn sentence_ends(classes: &[(usize, SClass)], len: usize) -> Vec<usize> {
    use SClass::*;
    let class = |k: usize| classes.get(k).map(|&(_, c)| c);
    let offset = |k: usize| classes.get(k).map_or(len, |&(o, _)| o);
    let mut ends = Vec::new();
    let mut k = 0;
    while k < classes.len() {
        let c = classes[k].1;
        k += 1;
        if c == Cr || c == Lf {
            if c == Cr && class(k) == Some(Lf) {
                k += 1;
            }
            ends.push(offset(k));
            continue;
        }
        if c != FullStop && c != Term {
            continue;
        }
        let full_stop = c == FullStop;
        let next = class(k);
        if full_stop && next == Some(Digit) {
            continue;
        }
        let after_letter = k >= 2 && matches!(classes[k - 2].1, Upper | Lower);
        if full_stop && after_letter && next == Some(Upper) {
            continue;
        }
        while class(k) == Some(Close) {
            k += 1;
        }
        while class(k) == Some(Space) {
            k += 1;
        }
        let Some(n) = class(k) else { break };
        if matches!(n, Cr | Lf | Continue | FullStop | Term) {
            continue; // a line break ends the sentence itself; SB8a joins the others
        }
        let lower_follows = classes[k..]
            .iter()
            .find(|(_, x)| matches!(x, Upper | Lower | FullStop | Term | Cr | Lf))
            .is_some_and(|&(_, x)| x == Lower);
        if full_stop && lower_follows {
            continue;
        }
        ends.push(offset(k));
    }
    if ends.last() != Some(&len) && len > 0 {
        ends.push(len);
    }
    ends
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
    fn fast_sentences_agree_with_uax29() {
        // Pseudo-random strings over the characters the ASCII rules treat specially.
        let alphabet = crate::test_support::ascii_pieces("aZ5.!?\"')( ,-;:\r\n\tqX.  ");
        let mut strings = crate::test_support::random_strings(0x2545_f491_4f6c_dd1d, &alphabet, 28, 11, 20_000);
        for s in strings.by_ref() {
            let expected: Vec<(usize, &str)> = s.split_sentence_bound_indices().collect();
            assert_eq!(sentence_pieces(&s), expected, "{s:?}");
        }
        // With the non-ASCII characters the fast path classifies, and some it does not.
        let mixed = [
            "a", "Z", "é", "É", "ÿ", "ß", "’", "“", "”", "«", "—", "–", "…", "€", "\u{a0}", ".", "?", " ", "5", "\n",
            "\u{301}", "ǅ", "ª", "×", ",",
        ];
        for s in crate::test_support::random_strings(strings.state(), &mixed, 20, 11, 20_000) {
            let expected: Vec<(usize, &str)> = s.split_sentence_bound_indices().collect();
            assert_eq!(sentence_pieces(&s), expected, "{s:?}");
        }
        for c in [
            '\u{a2}', '\u{a3}', '\u{a5}', '\u{a9}', '\u{ae}', '\u{b0}', '\u{d7}', '\u{2026}', '\u{20ac}',
        ] {
            for s in [
                format!("It was a{c}. The end"),
                format!("It was a.{c} the end"),
                format!("A. {c}b. c"),
            ] {
                let expected: Vec<(usize, &str)> = s.split_sentence_bound_indices().collect();
                assert_eq!(sentence_pieces(&s), expected, "{s:?}");
            }
        }
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

    /// The fast paths for word and sentence splitting give exactly the UAX #29 results on every
    /// FNC-1 training body (whole bodies, so line breaks are covered, and each line on its own).
    #[test]
    #[allow(clippy::unwrap_used)]
    fn fast_paths_agree_with_uax29_on_fnc1_bodies() {
        use crate::analyze::tokens;
        use unicode_segmentation::UnicodeSegmentation;
        let Some(dir) = crate::test_support::fnc1_dir() else {
            return;
        };
        let mut ascii_texts = 0;
        for rec in csv::Reader::from_path(dir.join("train_bodies.csv")).unwrap().records() {
            let rec = rec.unwrap();
            let body = &rec[1];
            for text in std::iter::once(body).chain(body.lines()) {
                assert_eq!(tokens::words(text, 7), tokens::uax29_words(text, 7), "{text:?}");
                ascii_texts += usize::from(text.is_ascii());
                let expected: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
                assert_eq!(sentence_pieces(text), expected, "{text:?}");
            }
        }
        assert!(ascii_texts > 10_000, "only {ascii_texts} ASCII texts checked");
    }
}
