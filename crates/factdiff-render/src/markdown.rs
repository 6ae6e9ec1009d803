//! GitHub-flavoured Markdown report. Every piece of document text is escaped,
//! so an article cannot inject links, HTML or table cells into the report.

use crate::{one_line, percent, removal_counts, summary};
use factdiff_core::{Finding, FindingKind, Report};
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
            finding(&mut out, f);
        }
    }

    out.push_str("\n## Sources\n\n");
    if report.sources.is_empty() {
        out.push_str("No sources.\n");
    } else {
        out.push_str(
            "| doc | claims | corroborated | unsupported | contradicted | repeated | removed bytes | consistency |\n\
             |:--|--:|--:|--:|--:|--:|--:|--:|\n",
        );
        for s in &report.sources {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                esc(&s.doc),
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

/// Severity and explanation, each evidence as its own blockquote, then the reasons.
fn finding(out: &mut String, f: &Finding) {
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
        let _ = write!(out, "\n> **\\[{}\\]** \"{}\"", esc(&ev.doc), esc(&ev.text));
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
