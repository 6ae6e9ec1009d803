//! Clean: find what is not the article: what ingest already set aside (an HTML page's
//! navigation, header, footer, ...), photo credits (also when glued to the next sentence),
//! advertisement markers, site furniture, bylines, link lists, datelines ("NEW DELHI:") and
//! paragraphs that repeat an earlier one. Nothing is deleted from the text; each removed span is
//! recorded with its reason, and the rest is returned as `kept` line spans for segmentation: every
//! non-whitespace byte of the text is in exactly one kept or removed span.

use crate::lexicon::{Boilerplate, Lexicon};
use crate::{Config, RemovalReason, RemovedSpan, SetAside, Span};
use rustc_hash::FxHashMap as HashMap;

/// The result of cleaning one text: kept line spans and removed spans, both in text order.
#[derive(Clone, Debug, Default)]
pub struct Cleaned {
    /// The paragraphs kept for analysis, in order.
    pub kept: Vec<Span>,
    /// What cleaning removed, each with its reason.
    pub removed: Vec<RemovedSpan>,
}

const CREDIT_PREFIXES: [&str; 7] = [
    "photo:",
    "photo credit:",
    "image:",
    "image credit:",
    "picture:",
    "credit:",
    "(photo",
];

/// Clean `text`, whose `set_aside` parts (sorted, not overlapping, as a valid document has them)
/// are removed with their reasons first; see the module docs.
pub fn clean(text: &str, set_aside: &[SetAside], config: &Config) -> Cleaned {
    let lex = Lexicon::get();
    let mut out = Cleaned::default();
    let mut aside: Vec<Span> = Vec::with_capacity(set_aside.len());
    for a in set_aside {
        let span = trim_span(text, a.span);
        if !span.is_empty() {
            remove(&mut out, text, span, a.reason);
            aside.push(span);
        }
    }
    let lines = line_spans(text, &aside);
    let mut lower = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let content = line.slice(text);
        crate::text::lowercase_into(&mut lower, content);
        if let Some(rule) = boilerplate_rule(lex, &lower, content) {
            if rule == Boilerplate::Tail {
                // The heading and the link-like lines after it: to the end of the text when
                // nothing but links follows (a trailing link list), else up to the next prose.
                let links = lines[i + 1..].iter().take_while(|l| !is_prose(l.slice(text))).count();
                remove_run(&mut out, text, &lines[i..=i + links], &aside);
                i += links + 1;
                continue;
            }
            let reason = match rule {
                Boilerplate::Ad => RemovalReason::AdMarker,
                Boilerplate::Byline => RemovalReason::Byline,
                _ => RemovalReason::SiteFurniture,
            };
            remove(&mut out, text, line, reason);
        } else if !content.chars().any(char::is_alphanumeric) {
            remove(&mut out, text, line, RemovalReason::SiteFurniture);
        } else if CREDIT_PREFIXES.iter().any(|p| lower.starts_with(p)) {
            let end = credit_end(lex, content).map_or(line.end_byte, |e| line.start_byte + e);
            remove(
                &mut out,
                text,
                Span::new(line.start_byte, end),
                RemovalReason::PhotoCredit,
            );
            let rest = trim_span(text, Span::new(end, line.end_byte));
            if !rest.is_empty() {
                keep(&mut out, text, rest);
            }
        } else {
            keep(&mut out, text, line);
        }
        i += 1;
    }
    remove_repeated_paragraphs(text, &mut out, config);
    out.removed.sort_by_key(|r| r.span);
    out
}

/// A line of article prose rather than a link: at least eight words, ending like a sentence.
fn is_prose(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']']);
    end.ends_with(['.', '!', '?']) && line.split_whitespace().nth(7).is_some()
}

/// Remove a link list's lines as one span, cut where a span set aside at ingest lies between two
/// of them.
fn remove_run(out: &mut Cleaned, text: &str, run: &[Span], aside: &[Span]) {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return;
    };
    let mut start = first.start_byte;
    for pair in run.windows(2) {
        if aside
            .iter()
            .any(|a| a.start_byte >= pair[0].end_byte && a.end_byte <= pair[1].start_byte)
        {
            remove(out, text, Span::new(start, pair[0].end_byte), RemovalReason::LinkList);
            start = pair[1].start_byte;
        }
    }
    remove(out, text, Span::new(start, last.end_byte), RemovalReason::LinkList);
}

/// Keep a line, setting a leading dateline aside.
fn keep(out: &mut Cleaned, text: &str, line: Span) {
    let dateline = dateline_len(line.slice(text));
    if dateline > 0 {
        let place = trim_span(text, Span::new(line.start_byte, line.start_byte + dateline));
        remove(out, text, place, RemovalReason::Dateline);
    }
    out.kept.push(Span::new(line.start_byte + dateline, line.end_byte));
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

/// Non-empty lines outside the `aside` spans (sorted), trimmed, as byte spans.
fn line_spans(text: &str, aside: &[Span]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            spans.push(Span::new(start, i));
            start = i + 1;
        }
    }
    spans.push(Span::new(start, text.len()));
    if !aside.is_empty() {
        spans = spans.into_iter().flat_map(|line| outside(line, aside)).collect();
    }
    spans
        .into_iter()
        .map(|s| trim_span(text, s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The parts of `line` that no `aside` span (sorted, not overlapping) covers.
fn outside(line: Span, aside: &[Span]) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut start = line.start_byte;
    let first = aside.partition_point(|a| a.end_byte <= line.start_byte);
    for a in aside[first..].iter().take_while(|a| a.start_byte < line.end_byte) {
        if a.start_byte > start {
            parts.push(Span::new(start, a.start_byte));
        }
        start = start.max(a.end_byte);
    }
    if start < line.end_byte {
        parts.push(Span::new(start, line.end_byte));
    }
    parts
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    Span::new(span.start_byte + lead, span.start_byte + lead + trimmed.len())
}

fn boilerplate_rule(lex: &Lexicon, lower: &str, line_text: &str) -> Option<Boilerplate> {
    let line = lower.trim_end_matches([':', '.', ' ']);
    lex.boilerplate.iter().find_map(|(entry, rule)| {
        let hit = match rule {
            Boilerplate::Prefix => line.starts_with(entry.as_str()),
            // A link-list heading is short: "You may also like", "Also read: …" headlines are not.
            Boilerplate::Tail => line == entry || (line.starts_with(entry.as_str()) && line.len() < entry.len() + 3),
            Boilerplate::Byline => is_byline(line_text, entry),
            _ => line == entry,
        };
        hit.then_some(*rule)
    })
}

/// "By Ana Silva, Reuters", "Reporting by Ana Silva; Editing by Tom Li": `prefix` (lower-case)
/// then a capitalised name, in a short line that does not end like a sentence ("By Monday, the
/// water had receded." is not a byline).
fn is_byline(line: &str, prefix: &str) -> bool {
    let Some(rest) = line
        .get(..prefix.len())
        .filter(|head| head.eq_ignore_ascii_case(prefix))
        .map(|_| &line[prefix.len()..])
    else {
        return false;
    };
    let mut names = rest.split_whitespace();
    rest.starts_with(' ')
        && names.next().is_some_and(|w| w.starts_with(char::is_uppercase))
        && names
            .next()
            .is_none_or(|w| w.starts_with(char::is_uppercase) || w == "and")
        && line.split_whitespace().count() <= 12
        && !line.trim_end().ends_with(['.', '!', '?'])
}

/// End (relative to `line`) of a photo credit at the start of `line`, when text follows it.
///
/// A credit ends where the next sentence is glued on ("… / PexelsThis move"), or after
/// a known agency name. Returns `None` when the whole line is the credit.
fn credit_end(lex: &Lexicon, line: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let glued = chars
        .windows(2)
        .find(|w| w[0].1.is_lowercase() && w[1].1.is_uppercase())
        .map(|w| w[1].0);
    if let Some(at) = glued {
        return Some(at);
    }
    let agency_end = lex.photo_sources.find(line).last().map(|(s, _)| s.end_byte)?;
    let rest = line[agency_end..].trim_start_matches([')', ']', '.', ' ']);
    (rest.split_whitespace().count() >= 4).then(|| line.len() - rest.len())
}

fn remove(out: &mut Cleaned, text: &str, span: Span, reason: RemovalReason) {
    out.removed.push(RemovedSpan {
        span,
        text: span.slice(text).to_string(),
        reason,
        repeats: None,
    });
}

/// Words of a paragraph, lower-cased, for comparing paragraphs.
fn normalise(s: &str) -> String {
    if s.is_ascii() {
        // The same words as bytes: ASCII letters and digits are the alphanumeric characters.
        let mut out: Vec<u8> = Vec::with_capacity(s.len());
        for w in s
            .as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !out.is_empty() {
                out.push(b' ');
            }
            out.extend_from_slice(w);
        }
        out.make_ascii_lowercase();
        // ASCII bytes are always UTF-8.
        return String::from_utf8(out).unwrap_or_default();
    }
    normalise_chars(s, String::with_capacity(s.len()))
}

/// [`normalise`] character by character, appended to `out`.
fn normalise_chars(s: &str, mut out: String) -> String {
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            let from = out.len();
            out.push_str(w);
            out[from..].make_ascii_lowercase();
        } else {
            out.extend(w.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// The first four words of a normalised paragraph (words are separated by single spaces).
fn opening(norm: &str) -> &str {
    norm.match_indices(' ').nth(3).map_or(norm, |(i, _)| &norm[..i])
}

/// Move kept paragraphs that repeat an earlier one (exactly or nearly) to `removed`.
fn remove_repeated_paragraphs(text: &str, out: &mut Cleaned, config: &Config) {
    const MIN_WORDS: usize = 8;
    const MAX_BUCKET: usize = 32;
    let mut exact: HashMap<String, Span> = HashMap::default();
    // Near-duplicate candidates share their opening words; bounded buckets keep this linear.
    let mut by_opening: HashMap<String, Vec<(Span, String)>> = HashMap::default();
    let mut kept = Vec::with_capacity(out.kept.len());
    for span in std::mem::take(&mut out.kept) {
        let norm = normalise(span.slice(text));
        let words = norm.bytes().filter(|&b| b == b' ').count() + 1;
        if words < MIN_WORDS {
            kept.push(span);
            continue;
        }
        let key = opening(&norm);
        let earlier = exact.get(&norm).copied().or_else(|| {
            by_opening.get(key).and_then(|cands| {
                cands
                    .iter()
                    .find(|(_, c)| strsim::sorensen_dice(c, &norm) >= config.repeat_paragraph_similarity)
                    .map(|(s, _)| *s)
            })
        });
        match earlier {
            Some(first) => out.removed.push(RemovedSpan {
                span,
                text: span.slice(text).to_string(),
                reason: RemovalReason::RepeatedParagraph,
                repeats: Some(first),
            }),
            None => {
                let bucket = by_opening.entry(key.to_string()).or_default();
                if bucket.len() < MAX_BUCKET {
                    bucket.push((span, norm.clone()));
                }
                exact.insert(norm, span);
                kept.push(span);
            }
        }
    }
    out.kept = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(text: &str) -> Vec<(RemovalReason, String)> {
        clean(text, &[], &Config::default())
            .removed
            .into_iter()
            .map(|r| (r.reason, r.text))
            .collect()
    }

    #[test]
    fn ascii_paragraphs_normalise_as_characters_do() {
        let alphabet = crate::test_support::ascii_pieces("aZ5 .,'-\t_:Qz9!");
        for p in crate::test_support::random_strings(0x2d35_8dcc_aa6c_78a5, &alphabet, 40, 5, 20_000) {
            let norm = normalise(&p);
            assert_eq!(norm, normalise_chars(&p, String::new()), "{p:?}");
            let joined = norm.split(' ').take(4).collect::<Vec<_>>().join(" ");
            assert_eq!(opening(&norm), joined, "{p:?}");
        }
    }

    #[test]
    fn glued_photo_credit_is_split_from_the_sentence() {
        let text = "Intro line here.\nPhoto: Werner Pfennig / PexelsThis move by Japan is new.\n";
        let c = clean(text, &[], &Config::default());
        assert_eq!(c.removed[0].text, "Photo: Werner Pfennig / Pexels");
        assert_eq!(c.removed[0].reason, RemovalReason::PhotoCredit);
        assert_eq!(c.kept[1].slice(text), "This move by Japan is new.");
    }

    #[test]
    fn ads_furniture_and_link_lists_are_removed_with_reasons() {
        let text = "Site icon SHABD SANCHI\n\nBody text of the article.\n\nAdvertisment\n | \nMore body.\nYou may also like\nCar hits house\nOther story\n";
        let r = reasons(text);
        assert_eq!(r[0], (RemovalReason::SiteFurniture, "Site icon SHABD SANCHI".into()));
        assert_eq!(r[1], (RemovalReason::AdMarker, "Advertisment".into()));
        assert_eq!(r[2], (RemovalReason::SiteFurniture, "|".into()));
        assert_eq!(
            r[3],
            (
                RemovalReason::LinkList,
                "You may also like\nCar hits house\nOther story".into()
            )
        );
        assert_eq!(r.len(), 4);
    }

    #[test]
    fn repeated_paragraphs_point_at_their_first_copy() {
        let p = "The two ministers reaffirmed their commitment to strengthen the defence pillars.";
        let text = format!("{p}\nSomething else entirely happened on that day in the city.\n{p}\n");
        let c = clean(&text, &[], &Config::default());
        assert_eq!(c.removed.len(), 1);
        assert_eq!(c.removed[0].reason, RemovalReason::RepeatedParagraph);
        assert_eq!(c.removed[0].repeats, Some(Span::new(0, p.len())));
        assert_eq!(c.kept.len(), 2);
    }

    #[test]
    fn near_identical_paragraph_counts_as_repeat() {
        let a = "Officials said the storm damaged forty homes in the northern district on Sunday night.";
        let b = "Officials said the storm damaged forty homes in the northern district on Sunday evening.";
        let c = clean(&format!("{a}\n{b}"), &[], &Config::default());
        assert_eq!(c.removed.len(), 1);
    }

    #[test]
    fn dateline_is_set_aside_with_its_reason() {
        let text = "NEW DELHI: Pakistan is continuing with its policy, the minister told his counterpart on Monday.";
        let c = clean(text, &[], &Config::default());
        assert_eq!(c.removed.len(), 1);
        assert_eq!(c.removed[0].reason, RemovalReason::Dateline);
        assert_eq!(c.removed[0].text, "NEW DELHI:");
        assert_eq!(c.kept.len(), 1);
        assert!(c.kept[0].slice(text).starts_with("Pakistan is"));
        // A short "Label: text" line is not a dateline.
        assert!(clean("Note: see below.", &[], &Config::default()).removed.is_empty());
    }

    #[test]
    fn a_link_list_mid_article_is_removed_alone() {
        let text = "First paragraph of the story, which the officials confirmed on Monday.\n\
                    You may also like\nCar hits house\nOther story\n\
                    Second paragraph of the story, with more that the officials said today.\n\
                    Also read:\n\
                    Third paragraph of the story, which is the last one in this article.\n\
                    Read more\nOne link\nAnother link";
        let c = clean(text, &[], &Config::default());
        let removed: Vec<(RemovalReason, &str)> = c.removed.iter().map(|r| (r.reason, r.text.as_str())).collect();
        assert_eq!(
            removed,
            [
                (
                    RemovalReason::LinkList,
                    "You may also like\nCar hits house\nOther story"
                ),
                (RemovalReason::LinkList, "Also read:"),
                (RemovalReason::LinkList, "Read more\nOne link\nAnother link"),
            ]
        );
        assert_eq!(c.kept.len(), 3);
    }

    #[test]
    fn bylines_copyright_and_click_here_are_removed_with_reasons() {
        let r = reasons(
            "By Ana Silva and Tom Li, Reuters\nBy Monday, the water had receded from the town.\n\
             © 2024 Daily Example. All rights reserved.\nClick here to read more\n\
             Reporting by Ana Silva; Editing by Tom Li\nCopyright law was changed on Monday, officials said.",
        );
        assert_eq!(
            r,
            [
                (RemovalReason::Byline, "By Ana Silva and Tom Li, Reuters".to_string()),
                (
                    RemovalReason::SiteFurniture,
                    "© 2024 Daily Example. All rights reserved.".to_string()
                ),
                (RemovalReason::SiteFurniture, "Click here to read more".to_string()),
                (
                    RemovalReason::Byline,
                    "Reporting by Ana Silva; Editing by Tom Li".to_string()
                ),
            ]
        );
    }

    #[test]
    fn spans_set_aside_at_ingest_are_removed_and_cut_lines() {
        let text = "Home World\n\nThe story begins here and goes on.\n\nShare Tweet";
        let nav = SetAside {
            span: Span::new(0, 10),
            reason: RemovalReason::Navigation,
        };
        let form = SetAside {
            span: Span::new(48, 59),
            reason: RemovalReason::Form,
        };
        let c = clean(text, &[nav, form], &Config::default());
        let removed: Vec<(RemovalReason, &str)> = c.removed.iter().map(|r| (r.reason, r.text.as_str())).collect();
        assert_eq!(
            removed,
            [
                (RemovalReason::Navigation, "Home World"),
                (RemovalReason::Form, "Share Tweet")
            ]
        );
        let kept: Vec<&str> = c.kept.iter().map(|k| k.slice(text)).collect();
        assert_eq!(kept, ["The story begins here and goes on."]);
        // A span in the middle of a line leaves the two sides as lines of their own.
        let text = "Before the button Share after it.";
        let button = SetAside {
            span: Span::new(18, 23),
            reason: RemovalReason::Form,
        };
        let c = clean(text, &[button], &Config::default());
        let kept: Vec<&str> = c.kept.iter().map(|k| k.slice(text)).collect();
        assert_eq!(kept, ["Before the button", "after it."]);
    }

    #[test]
    fn a_short_credit_line_is_removed_whole() {
        let r = reasons("Photo: Reuters\nText of the story follows here.");
        assert_eq!(r, vec![(RemovalReason::PhotoCredit, "Photo: Reuters".to_string())]);
    }
}
