//! GitHub-flavoured Markdown report. Every piece of document text is escaped,
//! so an article cannot inject links, HTML or table cells into the report.

use crate::{one_line, percent, removal_counts, summary};
use factdiff_core::{Evidence, Finding, FindingKind, Report};
use std::fmt::Write;

pub(crate) fn render(report: &Report) -> String {
    let mut out = String::from("# factdiff report\n\n");
    let _ = writeln!(out, "{}.", summary(report));
    for w in &report.warnings {
        let _ = write!(out, "\n> **Warning:** {}\n", esc(w));
    }

    out.push_str("\n## Findings\n");
    if report.findings.is_empty() {
        out.push_str("\nNo findings.\n");
    }
    for kind in FindingKind::ALL {
        let group: Vec<&Finding> = report.findings.iter().filter(|f| f.kind == kind).collect();
        if group.is_empty() {
            continue;
        }
        let _ = write!(out, "\n### {} ({})\n", esc(kind.as_str()), group.len());
        for f in group {
            finding(&mut out, report, f);
        }
    }

    out.push_str("\n## Sources\n\n");
    if report.sources.is_empty() {
        out.push_str("No sources.\n");
    } else {
        out.push_str(
            "| source | claims | corroborated | unsupported | contradicted | repeated | removed bytes | consistency |\n\
             |:--|--:|--:|--:|--:|--:|--:|--:|\n",
        );
        for s in &report.sources {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                source(report, &s.doc),
                s.claims,
                percent(s.corroborated_share),
                percent(s.unsupported_share),
                s.contradicted,
                s.repeated,
                s.removed_bytes,
                percent(s.consistency)
            );
        }
    }

    out.push_str("\n## Agreement between sources\n\n");
    agreement(&mut out, report);

    out.push_str("\n## Removed from analysis\n\n");
    let mut any = false;
    for doc in &report.documents {
        let counts = removal_counts(doc);
        if counts.is_empty() {
            continue;
        }
        any = true;
        let list: Vec<String> = counts.iter().map(|(r, n)| format!("{} × {n}", r.describe())).collect();
        let _ = writeln!(out, "- **{}**: {}", esc(&doc.id), list.join(", "));
    }
    if !any {
        out.push_str("Nothing removed.\n");
    }
    out
}

/// A source by its label, with its id after it when they differ.
fn source(report: &Report, id: &str) -> String {
    match report.document(id).map(|d| d.name()) {
        Some(label) if label != id => format!("{} ({})", esc(label), esc(id)),
        _ => esc(id),
    }
}

/// Severity and explanation, each evidence as its own blockquote (its cues in bold), then the
/// reasons.
fn finding(out: &mut String, report: &Report, f: &Finding) {
    let _ = write!(out, "\n**{}** — {}\n", f.severity.as_str(), esc(&f.explanation));
    let groups = crate::value_groups(f);
    if !groups.is_empty() {
        let fact = esc(f.fact.as_deref().unwrap_or("value"));
        let _ = write!(out, "\n| {fact} | sources |\n|---|---|\n");
        for (value, docs) in groups {
            let docs: Vec<String> = docs.iter().map(|d| esc(d)).collect();
            let _ = writeln!(out, "| {} | {} |", esc(value), docs.join(", "));
        }
    }
    for ev in &f.evidence {
        let _ = write!(out, "\n> **\\[{}\\]** \"{}\"", source(report, &ev.doc), with_cues(ev));
        let note = esc(&ev.note);
        if note.is_empty() {
            out.push('\n');
        } else {
            // A trailing backslash is a hard line break inside the quote.
            let _ = write!(out, "\\\n> — *{note}*\n");
        }
    }
    if !f.reasons.is_empty() {
        let reasons: Vec<String> = f.reasons.iter().map(|r| esc(r)).collect();
        let _ = write!(out, "\nReasons: {}\n", reasons.join("; "));
    }
}

/// The evidence text, escaped, with each cue in bold (cues that overlap an earlier one are left
/// plain).
fn with_cues(ev: &Evidence) -> String {
    let start = ev.span.start_byte;
    let mut cues: Vec<(usize, usize)> = ev
        .cues
        .iter()
        .filter_map(|c| {
            let (s, e) = (
                c.span.start_byte.checked_sub(start)?,
                c.span.end_byte.checked_sub(start)?,
            );
            (s < e && ev.text.get(s..e).is_some()).then_some((s, e))
        })
        .collect();
    cues.sort_unstable();
    let mut out = String::new();
    let mut pos = 0;
    for (s, e) in cues {
        if s < pos {
            continue;
        }
        out.push_str(&esc_piece(ev.text.get(pos..s).unwrap_or("")));
        let _ = write!(out, "**{}**", esc(ev.text.get(s..e).unwrap_or("")));
        pos = e;
    }
    out.push_str(&esc_piece(ev.text.get(pos..).unwrap_or("")));
    out
}

/// [`esc`] for a piece of a line: a space it starts or ends with is kept.
fn esc_piece(s: &str) -> String {
    let inner = esc(s);
    let space = |edge: Option<char>| if edge.is_some_and(char::is_whitespace) { " " } else { "" };
    if inner.is_empty() {
        return space(s.chars().next()).to_string();
    }
    format!("{}{inner}{}", space(s.chars().next()), space(s.chars().last()))
}

fn agreement(out: &mut String, report: &Report) {
    let a = &report.agreement;
    if a.docs.is_empty() {
        out.push_str("No pairs to compare.\n");
        return;
    }
    let names: Vec<String> = a.docs.iter().map(|d| esc(d)).collect();
    let _ = writeln!(out, "| | {} |", names.join(" | "));
    let _ = writeln!(out, "|:--|{}", "--:|".repeat(names.len()));
    for (i, name) in names.iter().enumerate() {
        let cells: Vec<String> = (0..names.len())
            .map(
                |j| match a.matrix.get(i).and_then(|row| row.get(j)).copied().flatten() {
                    Some(v) => percent(v),
                    None => "–".to_string(),
                },
            )
            .collect();
        let _ = writeln!(out, "| **{name}** | {} |", cells.join(" | "));
    }
}

/// Document text as one line of inert Markdown: every character that could
/// start markup (including `|`, which would split a table cell) is backslash-escaped.
fn esc(s: &str) -> String {
    let mut out = String::new();
    for c in one_line(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
