//! JSON Lines: one document object per line.
//!
//! Fields: `text` (required; `body` or `content` are accepted instead), and
//! optional `id`, `title`, `source`, `published`, `url`. Blank lines are
//! skipped; a missing id becomes `<file stem>-<line number>`. A bad line is an
//! error naming its number, or, when the caller collects them, a [`SkippedLine`].

use super::{date_prefix, SkippedLine};
use crate::{Document, Error, Result};
use serde_json::{Map, Value};
use std::path::Path;

/// Names accepted for the document text, in order of preference.
const TEXT_FIELDS: &[&str] = &["text", "body", "content"];

/// Parse every non-blank line of `text` into a document. With `skipped`, bad lines are recorded
/// there and the rest is parsed; without, the first bad line is the error.
pub(super) fn parse(
    path: &Path,
    stem: &str,
    text: &str,
    mut skipped: Option<&mut Vec<SkippedLine>>,
) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let number = index + 1;
        match (parse_line(line, stem, number), skipped.as_deref_mut()) {
            (Ok(doc), _) => docs.push(doc),
            (Err(message), Some(skipped)) => skipped.push(SkippedLine {
                path: path.to_path_buf(),
                line: number,
                message,
            }),
            (Err(message), None) => {
                return Err(Error::BadJsonl {
                    path: path.to_path_buf(),
                    line: number,
                    message,
                })
            }
        }
    }
    if docs.is_empty() {
        return Err(Error::NoDocuments {
            path: path.to_path_buf(),
        });
    }
    Ok(docs)
}

fn parse_line(line: &str, stem: &str, number: usize) -> Result<Document, String> {
    document(&parse_object(line)?, stem, number)
}

/// One line that must also carry `field`, a string or a number naming the group (story) the
/// document belongs to. Returns the document and that value as written.
pub(super) fn parse_grouped_line(
    line: &str,
    stem: &str,
    number: usize,
    field: &str,
) -> Result<(Document, Value), String> {
    let object = parse_object(line)?;
    let key = match object.get(field) {
        Some(key @ (Value::String(_) | Value::Number(_))) => key.clone(),
        None | Some(Value::Null) => return Err(format!("missing {field:?} field to group by (a string or number)")),
        Some(_) => return Err(format!("{field:?} must be a string or a number to group by")),
    };
    Ok((document(&object, stem, number)?, key))
}

fn parse_object(line: &str) -> Result<Map<String, Value>, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| match lone_surrogate(line) {
        Some(column) => format!(
            "invalid JSON: the \\u escape at column {column} is half of a UTF-16 surrogate pair without \
             its other half, which is not a character; escape characters beyond U+FFFF as a pair \
             (\\ud83d\\ude00) or write them as UTF-8"
        ),
        None => format!("invalid JSON: {e}"),
    })?;
    match value {
        Value::Object(object) => Ok(object),
        _ => Err("expected a JSON object like {\"text\": \"...\"}".into()),
    }
}

/// The 1-based column of the first `\uD800`–`\uDFFF` escape in `line` that is not a high surrogate
/// followed by a low one (serde_json's own message for it is "unexpected end of hex escape").
fn lone_surrogate(line: &str) -> Option<usize> {
    let escape = |at: usize| -> Option<u16> {
        let hex = line.get(at..at + 6)?.strip_prefix("\\u")?;
        u16::from_str_radix(hex, 16).ok()
    };
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match escape(i) {
            Some(0xD800..=0xDBFF) if escape(i + 6).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) => i += 12,
            Some(0xD800..=0xDFFF) => return Some(line[..i].chars().count() + 1),
            _ => i += 2,
        }
    }
    None
}

fn document(object: &Map<String, Value>, stem: &str, number: usize) -> Result<Document, String> {
    let mut text = None;
    for &key in TEXT_FIELDS {
        if let Some(s) = string_field(object, key)? {
            text = Some(s);
            break;
        }
    }
    let Some(text) = text else {
        return Err("missing \"text\" field (a string)".into());
    };
    let id = match object.get("id") {
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => string_field(object, "id")?,
    };
    if id.as_deref().is_some_and(|id| id.trim().is_empty()) {
        return Err("\"id\" is only whitespace; give the document a name or leave \"id\" out".into());
    }
    let published = match string_field(object, "published")? {
        Some(date) => Some(
            date_prefix(&date).ok_or_else(|| format!("\"published\" must be a date like 2024-05-06, not {date:?}"))?,
        ),
        None => None,
    };
    Ok(Document {
        id: id.unwrap_or_else(|| format!("{stem}-{number}")),
        text,
        title: string_field(object, "title")?,
        source: string_field(object, "source")?,
        published,
        url: string_field(object, "url")?,
        set_aside: Vec::new(),
    })
}

/// A string field; `None` when absent, null or empty, an error for other types.
fn string_field(object: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("\"{key}\" must be a string")),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn run(text: &str) -> Result<Vec<Document>> {
        parse(Path::new("dir/feed.jsonl"), "feed", text, None)
    }

    fn bad_line(text: &str) -> (usize, String) {
        match run(text) {
            Err(Error::BadJsonl { line, message, path }) => {
                assert_eq!(path, Path::new("dir/feed.jsonl"));
                (line, message)
            }
            other => panic!("expected BadJsonl, got {other:?}"),
        }
    }

    #[test]
    fn good_lines() {
        let input = concat!(
            r#"{"id":"a","title":"T","source":"S","published":"2024-05-06T10:00:00Z","url":"https://x","text":"Hello."}"#,
            "\r\n\n   \n",
            r#"{"body":"Body alias.","extra":[1,2]}"#,
            "\n",
            r#"{"content":"Content alias.","id":7,"title":null}"#,
        );
        let docs = run(input).unwrap();
        assert_eq!(docs.len(), 3);
        assert_eq!(
            docs[0],
            Document {
                id: "a".into(),
                text: "Hello.".into(),
                title: Some("T".into()),
                source: Some("S".into()),
                published: Some("2024-05-06".into()),
                url: Some("https://x".into()),
                set_aside: Vec::new(),
            }
        );
        assert_eq!(docs[1].id, "feed-4");
        assert_eq!(docs[1].text, "Body alias.");
        assert_eq!(docs[2].id, "7");
        assert_eq!(docs[2].text, "Content alias.");
        assert_eq!(docs[2].title, None);
    }

    #[test]
    fn text_is_preferred_over_aliases() {
        let docs = run(r#"{"text":"main","body":"alias"}"#).unwrap();
        assert_eq!(docs[0].text, "main");
    }

    #[test]
    fn bad_lines_report_line_number() {
        let good = r#"{"text":"ok"}"#;
        let (line, message) = bad_line(&format!("{good}\n\n{{not json\n"));
        assert_eq!(line, 3);
        assert!(message.starts_with("invalid JSON"), "{message}");

        let (line, message) = bad_line(&format!("{good}\n{{\"title\":\"no text\"}}"));
        assert_eq!(line, 2);
        assert!(message.contains("missing \"text\""), "{message}");

        let (line, message) = bad_line(r#"{"text": 42}"#);
        assert_eq!(line, 1);
        assert!(message.contains("\"text\" must be a string"), "{message}");

        let (_, message) = bad_line("[1, 2]");
        assert!(message.contains("JSON object"), "{message}");

        let (_, message) = bad_line(r#"{"text":"x","published":"last week"}"#);
        assert!(message.contains("published"), "{message}");
    }

    #[test]
    fn bad_lines_can_be_skipped_and_are_listed() {
        let input = "{\"text\":\"one\"}\n{oops\n\n{\"title\":\"no text\"}\n{\"text\":\"five\"}\n";
        let mut skipped = Vec::new();
        let docs = parse(Path::new("f.jsonl"), "f", input, Some(&mut skipped)).unwrap();
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["one", "five"]);
        assert_eq!(docs[1].id, "f-5");
        let lines: Vec<usize> = skipped.iter().map(|s| s.line).collect();
        assert_eq!(lines, [2, 4]);
        assert!(skipped[0].message.starts_with("invalid JSON"), "{:?}", skipped[0]);
        assert!(skipped[1].message.contains("missing \"text\""), "{:?}", skipped[1]);
        // Nothing valid at all is still an error.
        let err = parse(Path::new("f.jsonl"), "f", "{oops\n", Some(&mut Vec::new())).unwrap_err();
        assert!(matches!(err, Error::NoDocuments { .. }), "{err:?}");
    }

    #[test]
    fn blank_ids_and_lone_surrogates_are_bad_lines_that_say_why() {
        let (line, message) = bad_line("{\"text\":\"ok\"}\n{\"id\":\" \\t \",\"text\":\"Hi.\"}");
        assert_eq!(line, 2);
        assert!(message.contains("\"id\" is only whitespace"), "{message}");
        let (_, message) = bad_line(r#"{"text":"a \ud800 b"}"#);
        assert!(
            message.contains("column 12 is half of a UTF-16 surrogate pair"),
            "{message}"
        );
        let (_, message) = bad_line(r#"{"text":"\\ \ude00 \ud83d\ude00"}"#);
        assert!(message.contains("column 13"), "{message}");
        // A proper pair is a character.
        assert_eq!(run(r#"{"text":"\ud83d\ude00 ok"}"#).unwrap()[0].text, "\u{1F600} ok");
        assert_eq!(lone_surrogate(r#"{"text":"\\ud800"}"#), None);
    }

    #[test]
    fn empty_file_has_no_documents() {
        assert!(matches!(run("\n  \n"), Err(Error::NoDocuments { .. })));
    }
}
