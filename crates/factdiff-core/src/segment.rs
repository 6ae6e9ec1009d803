//! Segment: split kept paragraphs into sentences with byte spans into the
//! original text. Starts from Unicode sentence boundaries (UAX #29) and undoes
//! the breaks that are wrong in news text: after abbreviations and initials
//! ("Gen.", "Mr.", "U.S.", "J."), before a lower-case continuation, and inside
//! an open quotation. A line with no final punctuation is a headline. A
//! dateline ("NEW DELHI:") is left out of the first sentence of its paragraph.

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
        let start = para.start_byte + dateline_len(para.slice(text));
        let body = Span::new(start, para.end_byte);
        let pieces = merge_fragments(text, fragments(text, body));
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

/// UAX #29 sentence pieces of `text` with their offsets; ASCII text takes [`ascii_sentence_ends`].
pub fn sentence_pieces(text: &str) -> Vec<(usize, &str)> {
    if !text.is_ascii() {
        return text.split_sentence_bound_indices().collect();
    }
    let mut start = 0;
    let mut out = Vec::new();
    for end in ascii_sentence_ends(text.as_bytes()) {
        out.push((start, &text[start..end]));
        start = end;
    }
    out
}

/// End offsets of the UAX #29 sentences of ASCII text (the last one is `text.len()`), by the rules
/// as they apply to ASCII: a break after a line break (SB4, CR × LF), and after `.` `!` `?`
/// followed by closing quotes or brackets and spaces (SB9–SB11), unless a digit follows the full
/// stop (SB6), a capital follows a full stop after a letter (SB7), a lower-case letter comes next
/// after anything but letters and terminators (SB8), or a `,` `-` `:` `;` or another terminator
/// comes next (SB8a).
fn ascii_sentence_ends(b: &[u8]) -> Vec<usize> {
    let is_close = |c: u8| matches!(c, b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}');
    let is_sp = |c: u8| matches!(c, b' ' | b'\t' | 0x0b | 0x0c);
    let is_term = |c: u8| matches!(c, b'.' | b'!' | b'?');
    let mut ends = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c == b'\r' || c == b'\n' {
            if c == b'\r' && b.get(i) == Some(&b'\n') {
                i += 1;
            }
            ends.push(i);
            continue;
        }
        if !is_term(c) {
            continue;
        }
        let full_stop = c == b'.';
        let next = b.get(i).copied();
        if full_stop && next.is_some_and(|n| n.is_ascii_digit()) {
            continue;
        }
        let after_letter = i >= 2 && b[i - 2].is_ascii_alphabetic();
        if full_stop && after_letter && next.is_some_and(|n| n.is_ascii_uppercase()) {
            continue;
        }
        while b.get(i).is_some_and(|&n| is_close(n)) {
            i += 1;
        }
        while b.get(i).is_some_and(|&n| is_sp(n)) {
            i += 1;
        }
        let Some(&n) = b.get(i) else { break };
        if n == b'\r' || n == b'\n' {
            continue; // the line break ends the sentence
        }
        if matches!(n, b',' | b'-' | b':' | b';') || is_term(n) {
            continue;
        }
        let lower_follows = b[i..]
            .iter()
            .find(|&&x| x.is_ascii_alphabetic() || is_term(x) || x == b'\r' || x == b'\n')
            .is_some_and(|x| x.is_ascii_lowercase());
        if full_stop && lower_follows {
            continue;
        }
        ends.push(i);
    }
    if ends.last() != Some(&b.len()) && !b.is_empty() {
        ends.push(b.len());
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

/// Length of a dateline such as "NEW DELHI: " or "Moscow: " at the start of a paragraph.
fn dateline_len(para: &str) -> usize {
    let Some(colon) = para.find(':') else { return 0 };
    let head = &para[..colon];
    let rest = &para[colon + 1..];
    let words: Vec<&str> = head.split_whitespace().collect();
    let place_like = !words.is_empty()
        && words.len() <= 3
        && head.len() <= 30
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
        });
    let all_caps = head.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let followed_by_sentence =
        rest.starts_with(' ') && rest.trim_start().chars().next().is_some_and(char::is_uppercase);
    // "Moscow: On Wednesday…" – a single capitalised word or an all-caps place, then a sentence.
    if place_like && followed_by_sentence && (all_caps || words.len() == 1) && rest.len() > 40 {
        colon + 1 + (rest.len() - rest.trim_start().len())
    } else {
        0
    }
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
    fn ascii_sentences_agree_with_uax29() {
        // Pseudo-random strings over the characters the ASCII rules treat specially.
        let alphabet = b"aZ5.!?\"')( ,-;:\r\n\tqX.  ";
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 28) as usize;
            let s: String = (0..len)
                .map(|k| alphabet[((state >> (k % 8 * 8)) as usize + k * 11) % alphabet.len()] as char)
                .collect();
            let expected: Vec<(usize, &str)> = s.split_sentence_bound_indices().collect();
            assert_eq!(sentence_pieces(&s), expected, "{s:?}");
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
    fn dateline_is_left_out_and_headline_flagged() {
        let text = "NEW DELHI: Pakistan is continuing with its policy, the minister told his counterpart on Monday.";
        let kept = vec![Span::new(0, text.len())];
        let s = segment(text, &kept, &Config::default());
        assert!(s[0].span.slice(text).starts_with("Pakistan is"));
        assert!(!s[0].headline);
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
