//! Dates: absolute ("April 22", "22 April 2025", "2019", "2025-05-07") and
//! relative ("on Monday", "yesterday"), the latter resolved against the
//! document's published date when it is known.

use super::tokens::{ascii_digits, Token};
use crate::{DateMention, Span};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

/// Month names, lower-case, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

fn month(w: &str) -> Option<i8> {
    // Called for every capitalised word: most are rejected by their first letter, which for a
    // month is one of these in either case (no other character lower-cases to them).
    if !w.bytes().next().is_some_and(|b| b"jfmasondJFMASOND".contains(&b)) {
        return None;
    }
    month_of_any(w)
}

/// [`month`] without the first-letter check.
fn month_of_any(w: &str) -> Option<i8> {
    // Short ASCII words are lower-cased on the stack.
    let mut buf = [0u8; 24];
    let owned;
    let lower: &str = match buf.get_mut(..w.len()) {
        Some(b) if w.is_ascii() => {
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).unwrap_or_default()
        }
        _ => {
            owned = w.to_lowercase();
            &owned
        }
    };
    let lower = lower.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() >= 3 && m.starts_with(lower) && lower != "may" && lower != "mar"))
        .or_else(|| (lower == "may").then_some(4))
        .or_else(|| (lower == "mar").then_some(2))
        .and_then(|i| i8::try_from(i + 1).ok())
}

fn day(w: &str) -> Option<i8> {
    let w = ascii_digits(w);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    digits.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
}

fn year(w: &str) -> Option<i16> {
    let w = ascii_digits(w);
    (w.len() == 4)
        .then(|| w.parse::<i16>().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

/// The decade of a word such as "1920s".
fn decade(w: &str) -> Option<i16> {
    let digits = w.strip_suffix('s')?;
    year(digits).filter(|y| y % 10 == 0)
}

/// Whether word `i` (a month name) stands alone after a preposition ("in May", "since August"):
/// a month without a day, and not the verb "may".
fn month_alone_after(toks: &[Token<'_>], i: usize) -> bool {
    const BEFORE: [&str; 9] = ["in", "since", "by", "until", "from", "early", "late", "mid", "last"];
    let prev = i
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .map(|t| t.text.to_ascii_lowercase());
    prev.is_some_and(|p| BEFORE.contains(&p.as_str()))
}

/// How many of `toks` make an ISO date written with hyphens at their start ("2024-05-03" is the
/// three words "2024", "05" and "03"), and that date; `None` when they do not make a valid one.
fn iso_date_run(sentence: &str, base: usize, toks: &[Token<'_>]) -> Option<(usize, Date)> {
    let [y, m, d] = toks.get(..3)?.try_into().ok()?;
    let start = y.span.start_byte.checked_sub(base)?;
    let text = sentence.get(start..d.span.end_byte.checked_sub(base)?)?;
    let contiguous = [(y, m), (m, d)]
        .iter()
        .all(|(a, b)| sentence.get(a.span.end_byte - base..b.span.start_byte - base) == Some("-"));
    let digits = |t: &Token<'_>, n: usize| t.text.len() == n && t.text.bytes().all(|b| b.is_ascii_digit());
    // Not part of a longer run of numbers ("2024-05-03-7").
    let after = sentence[d.span.end_byte - base..].chars().take(2).collect::<String>();
    let longer = after.starts_with('-') && after[1..].starts_with(|c: char| c.is_ascii_digit());
    if !(contiguous && digits(&y, 4) && digits(&m, 2) && digits(&d, 2)) || longer {
        return None;
    }
    Some((3, text.parse::<Date>().ok()?))
}

/// [`iso_date_run`]'s number of words, for the quantity finder, which must not read a date's year,
/// month and day as three numbers.
pub(crate) fn iso_date_tokens(sentence: &str, base: usize, toks: &[Token<'_>]) -> Option<usize> {
    iso_date_run(sentence, base, toks).map(|(n, _)| n)
}

/// `text.parse::<Date>().ok()`, without trying text that cannot be one: jiff's ISO 8601 parser
/// starts with a sign or a four-digit year, and every failed parse allocates its error.
fn iso_date(text: &str) -> Option<Date> {
    let first = text.bytes().next()?;
    if !(first.is_ascii_digit() || first == b'+' || first == b'-') {
        return None;
    }
    text.parse::<Date>().ok()
}

/// Parse a published date given as `YYYY-MM-DD` (or a longer ISO timestamp).
pub fn parse_published(s: &str) -> Option<Date> {
    s.get(..10).and_then(|d| d.parse::<Date>().ok())
}

/// Date mentions in a sentence.
pub fn find(sentence: &str, base: usize, toks: &[Token<'_>], published: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let rel = |s: Span| &sentence[s.start_byte - base..s.end_byte - base];
    let mut i = 0;
    let mut lower = String::new();
    while i < toks.len() {
        let t = toks[i];
        // Dates start with a capital (months, weekdays), a digit, or one of three words.
        if !(t.is_capitalised() || t.is_number() || matches!(t.text, "yesterday" | "today" | "tomorrow")) {
            i += 1;
            continue;
        }
        crate::text::lowercase_into(&mut lower, t.text);
        let next = toks.get(i + 1).copied();
        let next2 = toks.get(i + 2).copied();
        let mut push = |end: Span, value: Option<String>, relative: bool| {
            let span = Span::new(t.span.start_byte, end.end_byte);
            out.push(DateMention {
                text: rel(span).to_string(),
                span,
                value,
                relative,
            });
        };
        if let Some((n, d)) = iso_date_run(sentence, base, &toks[i..]) {
            push(toks[i + n - 1].span, Some(d.to_string()), false);
            i += n;
            continue;
        } else if let Some(d) = iso_date(t.text) {
            push(t.span, Some(d.to_string()), false);
        } else if let (Some(m), Some(d)) = (
            month(t.text).filter(|_| t.is_capitalised()),
            next.and_then(|n| day(n.text)),
        ) {
            // "April 22" or "April 22, 2025"
            let y = next2.and_then(|n| year(n.text));
            let end = if y.is_some() {
                next2.map_or(t.span, |n| n.span)
            } else {
                next.map_or(t.span, |n| n.span)
            };
            push(end, full(y.or(published.map(|p| p.year())), m, d), false);
            i += if y.is_some() { 3 } else { 2 };
            continue;
        } else if let (Some(d), Some(m)) = (
            day(t.text).filter(|_| t.is_number()),
            next.filter(|n| n.is_capitalised()).and_then(|n| month(n.text)),
        ) {
            // "22 April 2025"
            let y = next2.and_then(|n| year(n.text));
            let end = if y.is_some() {
                next2.map_or(t.span, |n| n.span)
            } else {
                next.map_or(t.span, |n| n.span)
            };
            push(end, full(y.or(published.map(|p| p.year())), m, d), false);
            i += if y.is_some() { 3 } else { 2 };
            continue;
        } else if let (Some(m), Some(y)) = (
            month(t.text).filter(|_| t.is_capitalised() && lower != "may"),
            next.and_then(|n| year(n.text)),
        ) {
            push(next.map_or(t.span, |n| n.span), Some(format!("{y:04}-{m:02}")), false);
            i += 2;
            continue;
        } else if let Some(y) = year(t.text) {
            push(t.span, Some(format!("{y:04}")), false);
        } else if let Some(d) = decade(t.text) {
            // "the 1920s"
            push(t.span, Some(format!("{d:04}s")), false);
        } else if let Some(m) = month(t.text).filter(|_| t.is_capitalised() && month_alone_after(toks, i)) {
            // "in May", "since August": a month without day or year.
            push(t.span, Some(format!("--{m:02}")), false);
        } else if let Some((_, wd)) = WEEKDAYS.iter().find(|(n, _)| *n == lower) {
            let value = published.and_then(|p| previous_weekday(p, *wd)).map(|d| d.to_string());
            push(t.span, value, true);
        } else if let Some(offset) = match lower.as_str() {
            "yesterday" => Some(-1),
            "today" => Some(0),
            "tomorrow" => Some(1),
            _ => None,
        } {
            let value = published
                .and_then(|p| p.checked_add(offset.days()).ok())
                .map(|d| d.to_string());
            push(t.span, value, true);
        }
        i += 1;
    }
    out
}

fn full(y: Option<i16>, m: i8, d: i8) -> Option<String> {
    match y {
        Some(y) => Date::new(y, m, d).ok().map(|d| d.to_string()),
        None => Some(format!("--{m:02}-{d:02}")),
    }
}

/// The latest `wd` on or before `date` (news "on Monday" means the past week).
fn previous_weekday(date: Date, wd: Weekday) -> Option<Date> {
    let back = (date.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
    date.checked_sub(i64::from(back).days()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tokens::words;

    fn d(s: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        find(s, 0, &words(s, 0), published.and_then(parse_published))
            .into_iter()
            .map(|m| (m.text, m.value))
            .collect()
    }

    #[test]
    fn iso_dates_are_parsed_as_by_jiff() {
        let pieces = [
            "2024", "-", "+", "06", "14", "T", "a", " ", "Z", "002024", "June", "1", ":", "30",
        ];
        for w in crate::test_support::random_strings(0x9b05_688c_2b3e_6c1f, &pieces, 6, 3, 20_000) {
            assert_eq!(iso_date(&w), w.parse::<Date>().ok(), "{w:?}");
        }
        assert!(iso_date("2024-06-14").is_some());
    }

    #[test]
    fn months_are_rejected_by_first_letter_only_when_no_month() {
        let pieces = [
            "J", "j", "a", "n", "u", "M", "ay", "Sept", ".", "K", "\u{212a}", "İ", "É", "x", "Dec", "ember", "O", "ct",
        ];
        for w in crate::test_support::random_strings(0x510e_527f_ade6_82d1, &pieces, 5, 3, 20_000) {
            assert_eq!(month(&w), month_of_any(&w), "{w:?}");
        }
        assert_eq!(month("Sept."), Some(9));
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            d("the April 22 attack", None),
            [("April 22".into(), Some("--04-22".into()))]
        );
        assert_eq!(
            d("on 7 May 2025 it began", None),
            [("7 May 2025".into(), Some("2025-05-07".into()))]
        );
        assert_eq!(
            d("since the Balakot strikes in 2019", None),
            [("2019".into(), Some("2019".into()))]
        );
        assert_eq!(
            d("family-owned since the 1920s", None),
            [("1920s".into(), Some("1920s".into()))]
        );
        assert_eq!(
            d("the deal was signed in May", None),
            [("May".into(), Some("--05".into()))]
        );
        assert_eq!(d("talks in August and", None), [("August".into(), Some("--08".into()))]);
        assert!(d("Officials May leave", None).is_empty());
        assert_eq!(
            d("the April 22 attack", Some("2025-05-07")),
            [("April 22".into(), Some("2025-04-22".into()))]
        );
    }

    #[test]
    fn iso_dates_in_text_are_one_date() {
        assert_eq!(
            d("The dam opened on 2024-05-03 at dawn.", None),
            [("2024-05-03".into(), Some("2024-05-03".into()))]
        );
        // Not a valid day, or part of a longer code: only the year is a date.
        assert_eq!(d("code 2024-02-30 here", None), [("2024".into(), Some("2024".into()))]);
        assert_eq!(
            d("code 2024-05-03-7 here", None),
            [("2024".into(), Some("2024".into()))]
        );
        assert_eq!(
            d("in ２０１９ it began", None),
            [("２０１９".into(), Some("2019".into()))]
        );
        assert_eq!(
            d("on ٧ May ٢٠٢٥ it began", None),
            [("٧ May ٢٠٢٥".into(), Some("2025-05-07".into()))]
        );
    }

    #[test]
    fn relative_dates_resolve_against_published() {
        // 2025-05-07 is a Wednesday.
        assert_eq!(
            d("met on Monday", Some("2025-05-07")),
            [("Monday".into(), Some("2025-05-05".into()))]
        );
        assert_eq!(
            d("met on Wednesday", Some("2025-05-07")),
            [("Wednesday".into(), Some("2025-05-07".into()))]
        );
        assert_eq!(
            d("met yesterday", Some("2025-05-07")),
            [("yesterday".into(), Some("2025-05-06".into()))]
        );
        assert_eq!(d("met on Monday", None), [("Monday".into(), None)]);
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(d("Prices may 20 rise", None).is_empty() || d("Prices may 20 rise", None)[0].0 != "may 20");
    }
}
