//! Quantities: numbers in digits or words, with a unit, a bound ("at least")
//! and the noun they count ("nine key terror sites" → 9 sites).

use super::dates::MONTHS;
use super::tokens::{word_value, Token};
use crate::lexicon::Lexicon;
use crate::{Quantity, Span};

const SCALES: [(&str, f64); 5] = [
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];
const UNITS: [&str; 22] = [
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "mile",
    "m",
    "metres",
    "meters",
    "kg",
    "tonnes",
    "tons",
    "percent",
    "per",
    "%",
    "dollars",
    "euros",
    "rupees",
    "yen",
    "hours",
    "days",
    "years",
    "minutes",
];
const QUALIFIERS: [&str; 12] = [
    "at least",
    "more than",
    "over",
    "nearly",
    "about",
    "around",
    "approximately",
    "up to",
    "less than",
    "fewer than",
    "almost",
    "some",
];

/// Words after a counted noun that say what happened to it, not what is counted.
const AFTER_NOUN: [&str; 8] = ["dead", "died", "dies", "die", "alive", "missing", "hurt", "left"];

fn digit_value(w: &str) -> Option<f64> {
    // Digits of other scripts ("１２", "١٢") are read as ASCII ones.
    let w = &*super::tokens::ascii_digits(w);
    // Digits with separators only: `f64::from_str` also accepts words ("inf", "NaN", "infinity")
    // and exponents, and a long run of digits overflows to infinity.
    let numeric =
        w.bytes().any(|b| b.is_ascii_digit()) && w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
    if !numeric {
        return None;
    }
    let value = if w.contains(',') {
        w.replace(',', "").parse::<f64>().ok()
    } else {
        w.parse::<f64>().ok()
    };
    value.filter(|v| v.is_finite())
}

/// Quantities in one sentence. `toks` are the sentence's words, `base` its start in the document.
pub fn find(lex: &Lexicon, sentence: &str, base: usize, toks: &[Token<'_>]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let Some(mut value) = digit_value(t.text).or_else(|| word_value(t.text)) else {
            i += 1;
            continue;
        };
        let prev = i.checked_sub(1).map(|p| toks[p].text.to_lowercase());
        let next = toks.get(i + 1).map(|n| n.text.to_lowercase());
        if let Some(tokens) = super::dates::iso_date_tokens(sentence, base, &toks[i..]) {
            // "2024-05-03" is a date, not the numbers 2024, 5 and 3.
            i += tokens;
            continue;
        }
        let is_year =
            t.is_number() && super::tokens::ascii_digits(t.text).len() == 4 && (1800.0..=2100.0).contains(&value);
        let is_day = prev.as_deref().is_some_and(|p| MONTHS.contains(&p))
            || next.as_deref().is_some_and(|n| MONTHS.contains(&n));
        if is_year || is_day || (value == 1.0 && !t.is_number()) || names_a_model(sentence, base, t) {
            i += 1;
            continue;
        }
        if let Some(tokens) = clock_time(sentence, base, &toks[i..]) {
            // "1:00 p.m.", "10 a.m.": a time of day, not a count.
            i += tokens;
            continue;
        }
        let mut end = t.span.end_byte;
        let mut j = i + 1;
        let mut unit = None;
        while let Some(n) = toks.get(j) {
            let lower = n.text.to_lowercase();
            if let Some((_, scale)) = SCALES.iter().find(|(s, _)| *s == lower) {
                value *= scale;
            } else if word_value(&lower).is_some_and(|v| v < 10.0) && !t.is_number() {
                value += word_value(&lower).unwrap_or(0.0); // "twenty-six"
            } else {
                break;
            }
            end = n.span.end_byte;
            j += 1;
        }
        let after = &sentence[end - base..];
        if after.starts_with('%') {
            unit = Some("%".to_string());
            end += 1;
        } else if let Some(n) = toks.get(j) {
            let lower = n.text.to_lowercase();
            let glued = sentence[end - base..n.span.start_byte - base].trim().len() <= 1;
            if glued && UNITS.contains(&lower.as_str()) {
                unit = Some(if lower == "per" { "%".to_string() } else { lower });
                end = n.span.end_byte;
                j += 1;
            }
        }
        // "dozens of people", "thousands of homes": the counted noun follows "of".
        if t.text.eq_ignore_ascii_case("dozens") && toks.get(j).is_some_and(|n| n.text.eq_ignore_ascii_case("of")) {
            j += 1;
        }
        // The counted noun: the last content word of the run that follows, up to a word that
        // says what happened to it ("76 people died", "left 81 people dead").
        let mut counted = None;
        for n in toks.iter().skip(j).take(4) {
            let lower = n.text.to_lowercase();
            let gap = &sentence[end.min(n.span.start_byte) - base..n.span.start_byte - base];
            if lex.is_stopword(&lower) || gap.contains([',', '.', ';', ':', '(']) || n.is_number() {
                break;
            }
            if counted.is_some() && (AFTER_NOUN.contains(&lower.as_str()) || (lower.len() > 4 && lower.ends_with("ed")))
            {
                break;
            }
            counted = Some(lex.stem(&lower));
            end = end.max(n.span.end_byte);
        }
        let start_rel = t.span.start_byte - base;
        let before = lowercase_tail(&sentence[..start_rel]);
        let qualifier = QUALIFIERS.iter().find(|q| before.ends_with(*q)).map(|q| q.to_string());
        out.push(Quantity {
            value,
            unit,
            counted,
            qualifier,
            text: sentence[start_rel..end - base].to_string(),
            span: Span::new(t.span.start_byte, end),
        });
        i = j.max(i + 1);
    }
    out
}

/// Whether the number `t` is glued by a hyphen to a word before it ("ATR-42", "F-16",
/// "Covid-19"): it names a model or a thing, it counts nothing.
fn names_a_model(sentence: &str, base: usize, t: Token<'_>) -> bool {
    let before = &sentence[..t.span.start_byte - base];
    before
        .strip_suffix('-')
        .and_then(|b| b.chars().next_back())
        .is_some_and(char::is_alphabetic)
}

/// How many tokens of the time of day that starts `toks` ("1:00 p.m.", "9:30", "10 a.m."), if
/// it is one.
fn clock_time(sentence: &str, base: usize, toks: &[Token<'_>]) -> Option<usize> {
    const MERIDIEM: [&str; 4] = ["a.m", "p.m", "am", "pm"];
    let first = toks.first()?;
    let after = &sentence[first.span.end_byte - base..];
    let minutes = after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit());
    let tokens = if minutes { 2 } else { 1 };
    let meridiem = toks
        .get(tokens)
        .is_some_and(|n| MERIDIEM.contains(&n.text.to_lowercase().trim_end_matches('.')));
    (minutes || meridiem).then_some(if meridiem { tokens + 1 } else { tokens })
}

/// The end of `text`, trimmed and lower-cased: enough to end with any of the [`QUALIFIERS`] exactly
/// when all of `text`, trimmed and lower-cased, does.
///
/// Trimming and lower-casing commute (no character lower-cases to or from white space). The last
/// 16 characters lower-case to at least 16 bytes, so the last 13 (the longest qualifier) come from
/// them alone; a character lower-cases the same wherever the text starts, except `Σ`, whose two
/// forms are both two non-ASCII bytes and so never part of an ASCII qualifier.
fn lowercase_tail(text: &str) -> String {
    const TAIL_CHARS: usize = 16;
    let text = text.trim_end();
    let start = text.char_indices().rev().nth(TAIL_CHARS - 1).map_or(0, |(i, _)| i);
    let mut out = String::new();
    crate::text::lowercase_into(&mut out, &text[start..]);
    out
}

/// Whether two values can be the same count: within 2% (rounding), or one is a bound the other
/// meets ("at least 40" and 45), or an approximation ("about 40") within 10%.
pub(crate) fn compatible(a: &Quantity, b: &Quantity) -> bool {
    let (lo, hi) = if a.value <= b.value { (a, b) } else { (b, a) };
    if (hi.value - lo.value).abs() <= 0.02 * hi.value.abs().max(1e-9) {
        return true;
    }
    let lower_bound = |q: &Quantity| matches!(q.qualifier.as_deref(), Some("at least" | "more than" | "over"));
    let upper_bound = |q: &Quantity| {
        matches!(
            q.qualifier.as_deref(),
            Some("up to" | "less than" | "fewer than" | "nearly" | "almost")
        )
    };
    let approx = |q: &Quantity| {
        matches!(
            q.qualifier.as_deref(),
            Some("about" | "around" | "approximately" | "some")
        )
    };
    // A rounder number ("$2,000", "15 million") and a precise one (three significant digits or
    // more) that rounds to it, less than 5% apart ("$2,084", "15.4 million"): the same value,
    // rounded. Two round numbers ("$2,000" / "$2,100", "19" / "20") are two values.
    let rounded = match (precision(a.value), precision(b.value)) {
        (Some(pa), Some(pb)) if pa != pb => {
            let (round, precise, p, q) = if pa > pb { (a, b, pa, pb) } else { (b, a, pb, pa) };
            let unit = 10f64.powi(p);
            let digits = (precise.value.abs() / 10f64.powi(q)).round();
            digits >= 100.0
                && (precise.value / unit).round() * unit == round.value
                && (hi.value - lo.value) < 0.05 * hi.value.abs()
        }
        _ => false,
    };
    lower_bound(lo)
        || upper_bound(hi)
        || rounded
        || ((approx(a) || approx(b)) && (hi.value - lo.value) <= 0.1 * hi.value)
}

/// The power of ten a value is a whole multiple of (2,000 → 3, 15.4 million → 5, 3.5 → -1); none
/// for zero or beyond the range a news number is written in.
fn precision(value: f64) -> Option<i32> {
    if value == 0.0 || !value.is_finite() {
        return None;
    }
    (-3..=12).rev().find(|&k| {
        let unit = 10f64.powi(k);
        let n = (value / unit).round();
        n != 0.0 && ((n * unit - value).abs() <= 1e-9 * value.abs())
    })
}

/// Whether two quantities count the same thing: the same counted noun and unit, or (when either
/// names nothing counted) the same unit.
pub(crate) fn same_thing(a: &Quantity, b: &Quantity) -> bool {
    match (&a.counted, &b.counted) {
        (Some(x), Some(y)) => x == y && a.unit == b.unit,
        _ => a.unit.is_some() && a.unit == b.unit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tokens::words;

    fn q(s: &str) -> Vec<(f64, Option<String>, Option<String>, String)> {
        find(Lexicon::get(), s, 0, &words(s, 0))
            .into_iter()
            .map(|q| (q.value, q.unit, q.counted, q.text))
            .collect()
    }

    #[test]
    fn qualifiers_are_found_from_the_tail_as_from_the_whole_text() {
        assert!(QUALIFIERS.iter().all(|q| q.len() <= 13 && q.is_ascii()));
        let pieces = [
            "a",
            "T",
            "o",
            " ",
            "  ",
            "\t",
            "Σ",
            "σ",
            "İ",
            "\u{212a}",
            "é",
            "ß",
            "over",
            "MORE THAN",
            "at least",
            "Up To",
            "approximately",
            "Nearly",
            ".",
            "\u{301}",
            "ǅ",
        ];
        for s in crate::test_support::random_strings(0x6a09_e667_f3bc_c908, &pieces, 12, 3, 20_000) {
            let whole = s.to_lowercase();
            let expected = QUALIFIERS.iter().find(|q| whole.trim_end().ends_with(*q));
            let got = QUALIFIERS.iter().find(|q| lowercase_tail(&s).ends_with(*q));
            assert_eq!(got, expected, "{s:?}");
        }
    }

    #[test]
    fn number_words_are_found_in_any_case() {
        use crate::analyze::tokens::{LONGEST_NUMBER_WORD, NUMBER_WORDS};
        assert_eq!(
            NUMBER_WORDS.iter().map(|(n, _)| n.len()).max(),
            Some(LONGEST_NUMBER_WORD)
        );
        for (w, v) in NUMBER_WORDS {
            assert_eq!(word_value(w), Some(v));
            assert_eq!(word_value(&w.to_uppercase()), Some(v));
        }
        for w in ["the", "on", "tens", "seventeens", "Ones", "hundreds", ""] {
            assert_eq!(word_value(w), None, "{w}");
        }
    }

    #[test]
    fn non_numbers_and_overflow_are_rejected() {
        for w in ["NaN", "inf", "Infinity", "-inf", "+5", "1e3", "e5", ""] {
            assert_eq!(digit_value(w), None, "{w}");
        }
        assert_eq!(digit_value(&"9".repeat(400)), None);
        assert_eq!(digit_value("1,000"), Some(1000.0));
        assert_eq!(digit_value("3.5"), Some(3.5));
    }

    #[test]
    fn digit_and_word_values() {
        let words = [
            "NaN",
            "nan",
            "inf",
            "Infinity",
            "-inf",
            "+5",
            "-3",
            ".5",
            ",5",
            "1,000",
            "3.5",
            "1e3",
            "Ten",
            "DOZENS",
            "hundred",
            "hello",
            "Officials",
            "eighty",
            "e5",
            "n",
            "",
            "ünf",
            "Zwölf",
        ];
        for w in words {
            // Only digits with `,` and `.` separators are numbers, and only finite ones.
            let digits = w.bytes().any(|b| b.is_ascii_digit())
                && w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
            let parsed = w
                .replace(',', "")
                .parse::<f64>()
                .ok()
                .filter(|v| digits && v.is_finite());
            assert_eq!(digit_value(w).map(f64::to_bits), parsed.map(f64::to_bits), "{w}");
            let lower = w.to_lowercase();
            let listed = crate::analyze::tokens::NUMBER_WORDS
                .iter()
                .find(|(n, _)| *n == lower)
                .map(|(_, v)| *v);
            assert_eq!(word_value(w), listed, "{w}");
        }
    }

    #[test]
    fn digits_words_units_and_counted_nouns() {
        assert_eq!(
            q("It targeted nine key terror sites in Pakistan."),
            [(9.0, None, Some("site".into()), "nine key terror sites".into())]
        );
        assert_eq!(
            q("the attack that claimed 26 innocent lives."),
            [(26.0, None, Some("live".into()), "26 innocent lives".into())]
        );
        assert_eq!(q("testing the 450-km Abdali missile")[0].1.as_deref(), Some("km"));
        assert_eq!(q("a rise of 3.5% in prices")[0].0, 3.5);
        assert_eq!(q("about 2 million people fled")[0].0, 2e6);
        // The noun, not what happened to it; "dozens of" counts what follows "of".
        let counted = |s: &str| q(s).first().and_then(|x| x.2.clone());
        assert_eq!(counted("At Esk, 76 people died in the floods."), Some("peopl".into()));
        assert_eq!(counted("The floods left 81 people dead."), Some("peopl".into()));
        assert_eq!(
            counted("The crash left 552 passengers injured."),
            Some("passeng".into())
        );
        assert_eq!(counted("Floods killed dozens of people."), Some("peopl".into()));
    }

    #[test]
    fn times_of_day_and_model_numbers_are_not_quantities() {
        assert!(q("A press conference is set for 1:00 p.m. Tuesday.").is_empty());
        assert!(q("A press conference is set for 1 p.m. CT Tuesday.").is_empty());
        assert!(q("The shop opens at 9:30 and closes at 10 am.").is_empty());
        assert!(q("The fleet has French ATR-42 turboprops and F-16 fighters.").is_empty());
        assert_eq!(q("They waited 9 hours for 40-year-old men.").len(), 2);
    }

    #[test]
    fn a_round_number_is_compatible_with_a_precise_one_near_it() {
        let one = |s: &str| find(Lexicon::get(), s, 0, &words(s, 0)).remove(0);
        let (round, precise) = (one("a $2,000 tip"), one("a $2,084 tip"));
        assert!(compatible(&round, &precise));
        assert!(!compatible(
            &one("a 100-year-old capsule"),
            &one("a 113-year-old capsule")
        ));
        assert!(!compatible(&one("a $2,100 tip"), &one("a $2,000 tip")));
        assert!(!compatible(&round, &one("a $2,400 tip")));
        assert!(compatible(&one("15 million units"), &one("15.4 million units")));
        assert!(!compatible(&one("a 20 stone catfish"), &one("a 19 stone catfish")));
        assert!(!compatible(&one("44 days"), &one("45 days")));
        assert_eq!(precision(2000.0), Some(3));
        assert_eq!(precision(15.4e6), Some(5));
        assert_eq!(precision(3.5), Some(-1));
        assert_eq!(precision(0.0), None);
    }

    #[test]
    fn years_and_days_are_not_quantities() {
        assert!(q("the April 22 attack in 2019").is_empty());
        assert!(q("the dam opened on 2024-05-03 at dawn").is_empty());
        assert!(q("the dam opened on ２０１９ at dawn").is_empty());
    }

    #[test]
    fn digits_of_other_scripts_are_numbers() {
        for (text, value) in [
            ("１２ people were hurt", 12.0),
            ("١٢ people were hurt", 12.0),
            ("۱۲ people were hurt", 12.0),
            ("१२ people were hurt", 12.0),
            ("１，２００ people were hurt", 1200.0),
            ("٣٫٥ people were hurt", 3.5),
        ] {
            let found = q(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].0, value, "{text}");
            assert_eq!(found[0].2.as_deref(), Some("peopl"), "{text}");
        }
    }

    #[test]
    fn qualifiers_are_kept() {
        let f = find(Lexicon::get(), "at least 40 homes", 0, &words("at least 40 homes", 0));
        assert_eq!(f[0].qualifier.as_deref(), Some("at least"));
    }
}
