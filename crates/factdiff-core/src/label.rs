//! A document's label: the short readable name shown wherever a source is named (tables, matrix
//! columns, evidence), since ids are often file stems or hashes (`000_9e1a4f7eaa7ea2dc`).
//! Not for lookups: findings, claims and statistics refer to documents by id.

use crate::{Claim, DocumentReport, RemovalReason, Span};
use std::collections::HashMap;

/// Labels longer than this many characters are cut at a word and end in "…".
pub const MAX_LABEL_CHARS: usize = 60;

/// A first line with more words than this is not a headline.
const MAX_HEADLINE_WORDS: usize = 20;

/// One label per document, in order: its title (HTML `<title>`, JSONL or DataFrame `title`, a
/// Markdown heading), else its headline (its first line that cleaning kept, when that line has no
/// final punctuation), else its first claim, else its first kept line, else its id. When several
/// documents would get the same label, each of them gets ` (id)` after it.
pub(crate) fn labels(docs: &[DocumentReport], claims: &[Claim]) -> Vec<String> {
    let mut first_claim: HashMap<&str, &str> = HashMap::new();
    for c in claims {
        first_claim.entry(&*c.doc).or_insert(c.text.as_str());
    }
    let base: Vec<String> = docs
        .iter()
        .map(|d| {
            let line = first_kept_line(d);
            let candidates = [
                d.title.as_deref(),
                line.filter(|l| is_headline(l)),
                first_claim.get(d.id.as_str()).copied(),
                line,
            ];
            candidates
                .into_iter()
                .flatten()
                .map(shorten)
                .find(|l| !l.is_empty())
                .unwrap_or_else(|| d.id.clone())
        })
        .collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for l in &base {
        *count.entry(l.as_str()).or_default() += 1;
    }
    base.iter()
        .zip(docs)
        .map(|(l, d)| {
            if count.get(l.as_str()).copied().unwrap_or(0) > 1 && *l != d.id {
                format!("{l} ({})", d.id)
            } else {
                l.clone()
            }
        })
        .collect()
}

/// The first non-blank line of the text that no removed span overlaps (a heading, removed only
/// for being too short to be a claim, still counts: it is what a label is made of).
fn first_kept_line(d: &DocumentReport) -> Option<&str> {
    let mut start = 0;
    for line in d.text.split_inclusive('\n') {
        let span = Span::new(start, start + line.len());
        start += line.len();
        let removed = d.removed.iter().any(|r| {
            r.reason != RemovalReason::Heading && r.span.start_byte < span.end_byte && span.start_byte < r.span.end_byte
        });
        if !line.trim().is_empty() && !removed {
            return Some(line.trim());
        }
    }
    None
}

/// A line that reads as a headline: no final punctuation, not too many words.
fn is_headline(line: &str) -> bool {
    let last = line.trim_end().chars().last();
    let ends_sentence = last.is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '…' | '"' | '”' | '’'));
    !ends_sentence && line.split_whitespace().count() <= MAX_HEADLINE_WORDS
}

/// `text` on one line (whitespace runs and control characters become one space), cut at a word to
/// at most [`MAX_LABEL_CHARS`] characters.
fn shorten(text: &str) -> String {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let line = words.join(" ");
    if line.chars().count() <= MAX_LABEL_CHARS {
        return line;
    }
    let mut out = String::new();
    for w in words {
        let next = out.chars().count() + usize::from(!out.is_empty()) + w.chars().count();
        if next + 1 > MAX_LABEL_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        // One word longer than a label: cut inside it.
        out = line.chars().take(MAX_LABEL_CHARS - 1).collect();
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '-', '–', '—']).trim_end();
    format!("{trimmed}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RemovedSpan;

    fn doc(id: &str, text: &str, title: Option<&str>) -> DocumentReport {
        DocumentReport {
            id: id.into(),
            label: String::new(),
            title: title.map(String::from),
            source: None,
            published: None,
            url: None,
            text: text.into(),
            removed: vec![],
            sentences: 0,
        }
    }

    fn claim(doc: &str, text: &str) -> Claim {
        let mut c = crate::extract_claims(&crate::Document::new(doc, text), &crate::Config::default())
            .unwrap_or_default()
            .remove(0);
        c.doc = doc.into();
        c
    }

    #[test]
    fn title_then_headline_then_first_claim_then_id() {
        let mut photo = doc("d", "Photo: Reuters\nDam talks resume\nMore.", None);
        photo.removed.push(RemovedSpan {
            span: Span::new(0, 14),
            text: "Photo: Reuters".into(),
            reason: RemovalReason::PhotoCredit,
            repeats: None,
        });
        let docs = [
            doc("a", "Body.", Some("  Dam  talks\n planned ")),
            doc("b", "\n\nKessaria says dam release was routine\n\nMore text.", None),
            doc("c", "Kessaria opened the dam. Officials said so.", None),
            photo,
            doc("e", "   ", None),
        ];
        let claims = [claim("c", "Kessaria opened the dam.")];
        assert_eq!(
            labels(&docs, &claims),
            [
                "Dam talks planned",
                "Kessaria says dam release was routine",
                "Kessaria opened the dam.",
                "Dam talks resume",
                "e"
            ]
        );
    }

    #[test]
    fn long_labels_are_cut_at_a_word_and_duplicates_get_their_id() {
        let long = "Officials in the northern province said on Tuesday that the river had risen again, \
                    flooding three villages.";
        let docs = [
            doc("x", long, None),
            doc("y", "Same title", None),
            doc("z", "Same title", None),
        ];
        let got = labels(&docs, &[]);
        assert!(
            got[0].ends_with('…') && got[0].chars().count() <= MAX_LABEL_CHARS,
            "{}",
            got[0]
        );
        assert!(long.starts_with(got[0].trim_end_matches('…')));
        assert!(!got[0].contains(",…"));
        assert_eq!(got[1..], ["Same title (y)", "Same title (z)"]);
        assert_eq!(shorten(&"x".repeat(100)).chars().count(), MAX_LABEL_CHARS);
    }
}
