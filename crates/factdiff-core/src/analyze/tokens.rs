//! Word tokens with absolute byte spans, and the content terms used for alignment.

use crate::lexicon::Lexicon;
use crate::Span;
use std::borrow::Cow;
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
    /// Starts with a decimal digit of any script this module reads ([`digit`]).
    pub fn is_number(&self) -> bool {
        self.text.chars().next().and_then(digit).is_some()
    }
}

/// Number words and their values (quantities read them; content terms leave them out).
pub(crate) const NUMBER_WORDS: [(&str, f64); 31] = [
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("dozen", 12.0),
    ("dozens", 24.0),
];

/// Longest entry of [`NUMBER_WORDS`], in bytes.
pub(crate) const LONGEST_NUMBER_WORD: usize = 9;

/// The value of a number word in any case ("seven", "Dozen"), or `None`.
pub(crate) fn word_value(w: &str) -> Option<f64> {
    // Every word of every sentence comes through here: ASCII words are lower-cased on the stack
    // and looked up in a map of the number words.
    if w.is_ascii() {
        // Most words cannot be a number word: reject them by their first letter and length.
        if w.len() > LONGEST_NUMBER_WORD
            || !w
                .bytes()
                .next()
                .is_some_and(|b| b"otfsenhd".contains(&b.to_ascii_lowercase()))
        {
            return None;
        }
        let mut buf = [0u8; LONGEST_NUMBER_WORD];
        let lower = &mut buf[..w.len()];
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        return number_words().get(&*lower).copied();
    }
    let lower = w.to_lowercase();
    NUMBER_WORDS.iter().find(|(n, _)| *n == lower).map(|(_, v)| *v)
}

/// [`NUMBER_WORDS`] as a map from the word's bytes.
fn number_words() -> &'static rustc_hash::FxHashMap<&'static [u8], f64> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static [u8], f64>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| NUMBER_WORDS.iter().map(|(n, v)| (n.as_bytes(), *v)).collect())
}

/// Code points of the digit zero of decimal digit blocks besides ASCII: Arabic-Indic, Extended
/// Arabic-Indic, NKo, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada,
/// Malayalam, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian, full-width.
const DIGIT_ZEROS: [u32; 19] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50, 0x0ED0,
    0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
];

/// The value of a decimal digit: ASCII `0`–`9`, or a digit of one of the [`DIGIT_ZEROS`] blocks
/// ("１２" and "١٢" are twelve, as "12" is).
pub fn digit(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    let c = u32::from(c);
    DIGIT_ZEROS
        .iter()
        .find_map(|&zero| c.checked_sub(zero).filter(|d| *d < 10))
}

/// `w` with its digits in ASCII and the full-width and Arabic separators as `,` and `.`, so that a
/// number in another script parses like one in ASCII. Borrowed when `w` is ASCII.
pub fn ascii_digits(w: &str) -> Cow<'_, str> {
    if w.is_ascii() {
        return Cow::Borrowed(w);
    }
    Cow::Owned(
        w.chars()
            .map(|c| match (digit(c), c) {
                (Some(d), _) => char::from_digit(d, 10).unwrap_or(c),
                (None, '\u{FF0C}' | '\u{066C}' | '\u{060C}') => ',',
                (None, '\u{FF0E}' | '\u{066B}') => '.',
                (None, c) => c,
            })
            .collect(),
    )
}

/// Words of `text` (those containing a letter or digit); spans are offset by `base`.
///
/// UAX #29 word boundaries; ASCII text takes [`ascii_words_into`], which gives the same words. Other
/// text is cut at each ASCII space followed by an ASCII character (or the end): UAX #29 always
/// breaks on both sides of such a space (only another space or a following Extend, Format or ZWJ
/// character attaches to it, WB3d and WB4) and no rule looks across it, so each piece has the
/// words it has in the whole text; ASCII pieces take the fast path, the others the Unicode tables.
pub fn words(text: &str, base: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    if text.is_ascii() {
        ascii_words_into(&mut out, text, base);
        return out;
    }
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' && bytes.get(i + 1).is_none_or(u8::is_ascii) {
            piece_words(&mut out, &text[start..i], base + start);
            start = i + 1;
        }
    }
    piece_words(&mut out, &text[start..], base + start);
    out
}

fn piece_words<'t>(out: &mut Vec<Token<'t>>, piece: &'t str, base: usize) {
    if piece.is_ascii() {
        ascii_words_into(out, piece, base);
    } else {
        out.extend(uax29_tokens(piece, base));
    }
}

/// [`words`] through the Unicode word-boundary iterator, whatever the text: the reference the
/// fast path is tested against.
#[cfg(test)]
pub fn uax29_words(text: &str, base: usize) -> Vec<Token<'_>> {
    uax29_tokens(text, base).collect()
}

fn uax29_tokens(text: &str, base: usize) -> impl Iterator<Item = Token<'_>> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(move |(i, w)| Token {
            text: w,
            span: Span::new(base + i, base + i + w.len()),
        })
}

/// Word classes of the UAX #29 rules that can join ASCII characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// `_` (ExtendNumLet): joins any letter, digit or underscore.
    Underscore,
    /// `:` (MidLetter): joins two letters.
    MidLetter,
    /// `.` and `'` (MidNumLet, Single_Quote): join two letters or two digits.
    MidBoth,
    /// `,` and `;` (MidNum): join two digits.
    MidNum,
    Other,
}

const fn class_of(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        b':' => Class::MidLetter,
        b'.' | b'\'' => Class::MidBoth,
        b',' | b';' => Class::MidNum,
        _ => Class::Other,
    }
}

/// [`class_of`] of every byte, looked up instead of matched in the word loop.
const CLASSES: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = class_of(b as u8);
        b += 1;
    }
    table
};

fn class(b: u8) -> Class {
    CLASSES[usize::from(b)]
}

fn is_word(c: Class) -> bool {
    matches!(c, Class::Letter | Class::Digit | Class::Underscore)
}

/// True when a middle character of class `mid` joins `before` and `after` (WB6/7, WB11/12).
fn mid_joins(before: Class, mid: Class, after: Class) -> bool {
    match mid {
        Class::MidLetter => before == Class::Letter && after == Class::Letter,
        Class::MidBoth => before == after && matches!(before, Class::Letter | Class::Digit),
        Class::MidNum => before == Class::Digit && after == Class::Digit,
        _ => false,
    }
}

/// UAX #29 words of ASCII `text`: runs of letters, digits and underscores (WB5, WB8–WB10, WB13a/b),
/// joined across one `:` `.` `'` `,` `;` between the classes that WB6/7 and WB11/12 allow. Other
/// characters are segments of their own and never contain a letter or digit.
#[cfg(test)]
fn ascii_words(text: &str, base: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    ascii_words_into(&mut out, text, base);
    out
}

/// [`ascii_words`] appended to `out`.
fn ascii_words_into<'t>(out: &mut Vec<Token<'t>>, text: &'t str, base: usize) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !is_word(class(bytes[i])) {
            i += 1;
            continue;
        }
        let start = i;
        let mut alnum = false;
        loop {
            let c = class(bytes[i]);
            alnum |= c != Class::Underscore;
            let next = bytes.get(i + 1).map_or(Class::Other, |&b| class(b));
            if is_word(next) {
                i += 1;
            } else if bytes.get(i + 2).is_some_and(|&b| mid_joins(c, next, class(b))) {
                i += 2;
            } else {
                i += 1;
                break;
            }
        }
        if alnum {
            out.push(Token {
                text: &text[start..i],
                span: Span::new(base + start, base + i),
            });
        }
    }
}

/// Stemmed content terms of `text` (no stopwords, no negators, no bare numbers).
pub fn content_terms(lex: &Lexicon, text: &str) -> Vec<Arc<str>> {
    content_terms_of(lex, &words(text, 0))
}

/// [`content_terms`] of words already split by [`words`], so that a sentence is tokenised once.
///
/// A word's term depends on the word alone: it is memoised per thread under the word as written
/// (news text repeats its words), so a repeated word costs one lookup.
pub fn content_terms_of(lex: &Lexicon, words: &[Token<'_>]) -> Vec<Arc<str>> {
    type Terms = rustc_hash::FxHashMap<String, Option<Arc<str>>>;
    thread_local! {
        static TERMS: std::cell::RefCell<Terms> = std::cell::RefCell::new(Terms::default());
    }
    const MAX_CACHED: usize = 200_000;
    let mut terms: Vec<Arc<str>> = Vec::with_capacity(words.len());
    let mut lower = String::new();
    TERMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        for t in words {
            let term = match cache.get(t.text) {
                Some(term) => term.clone(),
                None => {
                    let term = term_of(lex, t, &mut lower);
                    if cache.len() < MAX_CACHED {
                        cache.insert(t.text.to_string(), term.clone());
                    }
                    term
                }
            };
            terms.extend(term);
        }
    });
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// The content term of one word, if it has one (`lower` is a scratch buffer).
fn term_of(lex: &Lexicon, t: &Token<'_>, lower: &mut String) -> Option<Arc<str>> {
    // A number is matched by its value (a quantity's key), however it is written: "seven" gives
    // no term, as "7" gives none.
    if t.is_number() || word_value(t.text).is_some() {
        return None;
    }
    lower.clear();
    if t.text.is_ascii() {
        lower.push_str(t.text);
        lower.make_ascii_lowercase();
    } else {
        lower.extend(t.text.chars().flat_map(char::to_lowercase));
    }
    // Strip every trailing "'s", then every trailing "’s" (`trim_end_matches` builds a
    // substring searcher per call; these suffix checks do not).
    let mut w = lower.as_str();
    while let Some(rest) = w.strip_suffix("'s") {
        w = rest;
    }
    while let Some(rest) = w.strip_suffix("’s") {
        w = rest;
    }
    if w.chars().nth(1).is_none() || lex.is_stopword(w) || lex.is_negator(w) {
        return None;
    }
    Some(lex.spelling_stem(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_spellings_do_not_split_terms() {
        let lex = Lexicon::get();
        let terms = |s: &str| content_terms(lex, s);
        assert_eq!(
            terms("Seven out of ten residents were affected"),
            terms("7 out of 10 residents were affected")
        );
        assert_eq!(
            terms("The defence ministry organised talks"),
            terms("The defense ministry organized talks")
        );
        assert_ne!(terms("The defence ministry"), terms("The finance ministry"));
    }

    #[test]
    fn words_keep_absolute_spans() {
        let w = words("Japan's 450-km test", 10);
        let texts: Vec<&str> = w.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["Japan's", "450", "km", "test"]);
        assert_eq!(w[1].span, Span::new(18, 21));
    }

    #[test]
    fn ascii_words_agree_with_uax29() {
        // Pseudo-random strings over the characters the ASCII rules treat specially.
        let alphabet = crate::test_support::ascii_pieces("aZq09_:.',; -\"!?()\n\tX5");
        for s in crate::test_support::random_strings(0x9e37_79b9_7f4a_7c15, &alphabet, 24, 7, 20_000) {
            assert_eq!(ascii_words(&s, 3), uax29_words(&s, 3), "{s:?}");
        }
        for s in [
            "U.S. e.g. 3.5 1,000,000 a1b2 _x x_ a__b 12:30 don't 'quoted' a.5 5.a a:b 1:2 x;y 3;4",
            "",
        ] {
            assert_eq!(ascii_words(s, 0), uax29_words(s, 0), "{s:?}");
        }
    }

    #[test]
    fn words_of_mixed_text_agree_with_uax29() {
        // Spaces next to the characters that attach to a space (Extend, Format, ZWJ) or that
        // rules look across (mid-word punctuation, Hebrew letters and quotes, regional indicators).
        let mixed = [
            "a", "Z", "5", " ", " ", " ", "é", "’", "'", ".", ":", ",", "\u{301}", "\u{200d}", "\u{ad}", "\u{2060}",
            "👍", "🇯", "🇵", "א", "\"", "日", "\u{a0}", "_", "\n", "\t", "ǅ", "-",
        ];
        for s in crate::test_support::random_strings(0x5851_f42d_4c95_7f2d, &mixed, 24, 7, 50_000) {
            assert_eq!(words(&s, 3), uax29_words(&s, 3), "{s:?}");
        }
        let s = "Japan’s “first” test — 450 km, don't \u{301}x a \u{200d}b";
        assert_eq!(words(s, 0), uax29_words(s, 0));
    }

    #[test]
    fn content_terms_are_stemmed_without_stopwords() {
        let t = content_terms(Lexicon::get(), "The ministers were not meeting in Tokyo's offices");
        let t: Vec<&str> = t.iter().map(|s| &**s).collect();
        assert_eq!(t, ["meet", "minist", "offic", "tokyo"]);
    }
}
