//! Renderers for factdiff reports: plain text for a terminal, Markdown for
//! GitHub, JSON for programs, CSV for spreadsheets and a self-contained HTML page; and the
//! views of the `claims`, `align` and `check` commands (text or JSON).
//!
//! ```
//! use factdiff_core::{compare, CompareOptions, Config, Document};
//! use factdiff_render::{render, Format, Options};
//! let docs = vec![Document::new("a", "Japan backed India on Monday.")];
//! let report = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
//! let text = render(&report, Format::Text, &Options::default());
//! assert!(text.contains("1 document"));
//! ```

#![warn(missing_docs)]

mod csv_out;
mod html;
mod json;
mod listing;
mod markdown;
mod text;

pub use listing::{render_alignments, render_check, render_claims, ListFormat};

use factdiff_core::{DocumentReport, RemovalReason, Report};

/// Output format of [`render`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A human-readable report for a terminal.
    Text,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// The full report as pretty-printed JSON.
    Json,
    /// One row per finding × evidence, with a header row.
    Csv,
    /// A self-contained HTML page (inline CSS, no scripts).
    Html,
}

/// How to render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Use ANSI colours (text format only).
    pub color: bool,
    /// Wrap text output to this many columns.
    pub width: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            color: false,
            width: 100,
        }
    }
}

/// Render a report. Never fails: the output always ends with a newline.
pub fn render(report: &Report, format: Format, opts: &Options) -> String {
    match format {
        Format::Text => text::render(report, opts),
        Format::Markdown => markdown::render(report),
        Format::Json => json::render(report),
        Format::Csv => csv_out::render(report),
        Format::Html => html::page(report),
    }
}

/// The JSON report written to `out` as it is made (the same bytes as `render` with
/// [`Format::Json`]), for reports too large to hold twice in memory.
pub fn write_json(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    json::write(report, out)
}

/// The HTML report as a fragment to embed in another page (a notebook cell): one `<div>` whose
/// class is unique to this call, with a `<style>` scoped under that class; no `<html>`/`<head>`.
pub fn render_html_fragment(report: &Report) -> String {
    html::fragment(report)
}

/// `(reason, count)` for each reason that removed something from `doc`.
/// A finding's values in group order, each with the sources that give it.
fn value_groups(f: &factdiff_core::Finding) -> Vec<(&str, Vec<&str>)> {
    let mut out: Vec<(usize, &str, Vec<&str>)> = Vec::new();
    for s in &f.sources {
        match out.iter_mut().find(|(g, _, _)| *g == s.group) {
            Some((_, _, docs)) => docs.push(&s.doc),
            None => out.push((s.group, &s.value, vec![&s.doc])),
        }
    }
    out.sort_by_key(|(g, _, _)| *g);
    out.into_iter().map(|(_, v, d)| (v, d)).collect()
}

fn removal_counts(doc: &DocumentReport) -> Vec<(RemovalReason, usize)> {
    RemovalReason::ALL
        .iter()
        .map(|&r| (r, doc.removed.iter().filter(|s| s.reason == r).count()))
        .filter(|&(_, n)| n > 0)
        .collect()
}

/// A share in 0..=1 as a whole percentage ("87%"), or "–" when not a number.
fn percent(share: f64) -> String {
    if share.is_finite() {
        format!("{:.0}%", share * 100.0)
    } else {
        "–".to_string()
    }
}

/// `n` followed by `word`, with an "s" when `n` is not 1.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The headline numbers of a report: "2 documents, 5 claims, 1 finding, consistency 80%".
fn summary(report: &Report) -> String {
    format!(
        "{}, {}, {}, consistency {}",
        plural(report.documents.len(), "document"),
        plural(report.claims.len(), "claim"),
        plural(report.findings.len(), "finding"),
        percent(report.consistency)
    )
}

/// Document text on one line: whitespace runs become one space; control characters (which could
/// drive a terminal) and bidirectional embedding, override and isolate characters (which could
/// reorder the rest of a report line, "Trojan Source" style) become U+FFFD.
pub fn one_line(s: &str) -> String {
    let words: Vec<String> = s.split_whitespace().map(neutralise).collect();
    words.join(" ")
}

/// `s` with every [`unsafe_char`] replaced by U+FFFD.
fn neutralise(s: &str) -> String {
    s.chars().map(|c| if unsafe_char(c) { '\u{FFFD}' } else { c }).collect()
}

/// A character that must not reach a terminal or a spreadsheet raw: a control character (C0 with
/// NUL, ESC and BEL, DEL, C1) or a bidirectional embedding, override or isolate (U+202A–U+202E,
/// U+2066–U+2069).
fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests;
