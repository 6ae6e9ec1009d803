//! Plain-text report for a terminal, optionally coloured with ANSI codes.

use crate::{one_line, percent, removal_counts, summary, Options};
use factdiff_core::{Evidence, Finding, FindingKind, Report, Severity};
use std::fmt::Write;

/// Narrowest width we wrap to, whatever the caller asks for.
const MIN_WIDTH: usize = 40;

pub(crate) fn render(report: &Report, opts: &Options) -> String {
    let p = Paint(opts.color);
    let width = opts.width.max(MIN_WIDTH);
    let mut out = String::new();

    wrap(
        &mut out,
        &format!("{} ", p.bold("factdiff:")),
        10,
        10,
        &summary(report),
        width,
    );
    for w in &report.warnings {
        wrap(&mut out, &p.paint(YELLOW, "warning: "), 9, 9, &one_line(w), width);
    }

    heading(&mut out, &p, "Findings");
    if report.findings.is_empty() {
        out.push_str("  no findings\n");
    }
    for kind in FindingKind::ALL {
        let group: Vec<&Finding> = report.findings.iter().filter(|f| f.kind == kind).collect();
        if group.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(&p.bold(&format!("{kind} ({})", group.len())));
        out.push('\n');
        for f in group {
            finding(&mut out, &p, f, width);
        }
    }

    heading(&mut out, &p, "Sources");
    sources(&mut out, &p, report);
    labels(&mut out, report, width);

    heading(&mut out, &p, "Where each source stands");
    positions(&mut out, report, width);

    heading(&mut out, &p, "Agreement between sources");
    agreement(&mut out, &p, report, width);

    heading(&mut out, &p, "Removed from analysis");
    let mut any = false;
    for doc in &report.documents {
        let counts = removal_counts(doc);
        if counts.is_empty() {
            continue;
        }
        any = true;
        let list: Vec<String> = counts.iter().map(|(r, n)| format!("{} × {n}", r.describe())).collect();
        let prefix = format!("  {}: ", one_line(&doc.id));
        let w = prefix.chars().count();
        wrap(&mut out, &prefix, w, w, &list.join(", "), width);
    }
    if !any {
        out.push_str("  nothing removed\n");
    }
    out
}

/// One finding: severity and explanation, its evidence, then its reasons.
fn finding(out: &mut String, p: &Paint, f: &Finding, width: usize) {
    let sev = f.severity.as_str();
    let prefix = format!("  {}  ", p.paint(severity_color(f.severity), sev));
    let w = sev.chars().count() + 4;
    wrap(out, &prefix, w, w, &one_line(&f.explanation), width);
    // The explanation names at most eight sources per value: list them all when it named fewer.
    let groups = crate::value_groups(f);
    if groups.iter().any(|(_, docs)| docs.len() > 8) {
        let all: Vec<String> = groups
            .iter()
            .map(|(v, docs)| format!("{} ({})", one_line(v), docs.join(", ")))
            .collect();
        wrap(out, &p.dim("    sources: "), 13, 13, &all.join("; "), width);
    }
    for ev in &f.evidence {
        evidence(out, p, ev, width);
    }
    if !f.reasons.is_empty() {
        let reasons: Vec<String> = f.reasons.iter().map(|r| one_line(r)).collect();
        wrap(out, &p.dim("    reasons: "), 13, 13, &reasons.join("; "), width);
    }
}

/// `    [doc] "quoted text"`, wrapped with continuation lines aligned after the quote mark.
fn evidence(out: &mut String, p: &Paint, ev: &Evidence, width: usize) {
    let prefix = format!("    [{}] ", one_line(&ev.doc));
    let w = prefix.chars().count();
    wrap(out, &prefix, w, w + 1, &format!("\"{}\"", one_line(&ev.text)), width);
    let note = one_line(&ev.note);
    if !note.is_empty() {
        let indent = " ".repeat(w + 1);
        wrap(out, &p.dim(&format!("{indent}— ")), w + 3, w + 3, &note, width);
    }
    if !ev.cues.is_empty() {
        let cues: Vec<String> = ev
            .cues
            .iter()
            .map(|c| format!("\"{}\" ({})", one_line(&c.text), one_line(&c.note)))
            .collect();
        let indent = " ".repeat(w + 1);
        wrap(
            out,
            &p.dim(&format!("{indent}cues: ")),
            w + 7,
            w + 7,
            &cues.join("; "),
            width,
        );
    }
}

/// Each document's label (its title or headline) when it is not just its id.
fn labels(out: &mut String, report: &Report, width: usize) {
    let named: Vec<_> = report.documents.iter().filter(|d| d.name() != d.id).collect();
    if !named.is_empty() {
        out.push('\n');
    }
    for d in named {
        let prefix = format!("  {}: ", one_line(&d.id));
        let w = prefix.chars().count();
        wrap(out, &prefix, w, w, &one_line(d.name()), width);
    }
}

fn sources(out: &mut String, p: &Paint, report: &Report) {
    if report.sources.is_empty() {
        out.push_str("  no sources\n");
        return;
    }
    let headers = [
        "doc",
        "claims",
        "corroborated",
        "unsupported",
        "contradicted",
        "repeated",
        "removed bytes",
        "consistency",
    ];
    let rows: Vec<Vec<String>> = report
        .sources
        .iter()
        .map(|s| {
            vec![
                one_line(&s.doc),
                s.claims.to_string(),
                percent(s.corroborated_share),
                percent(s.unsupported_share),
                s.contradicted.to_string(),
                s.repeated.to_string(),
                s.removed_bytes.to_string(),
                percent(s.consistency),
            ]
        })
        .collect();
    table(out, p, &headers.map(String::from), &rows);
}

/// At most this many clusters are listed under "Where each source stands".
const MAX_POSITION_CLUSTERS: usize = 20;

/// Each cluster that spans several sources, with every source's position on it, one line each.
fn positions(out: &mut String, report: &Report, width: usize) {
    let shared: Vec<_> = report.clusters.iter().filter(|c| c.positions.len() >= 2).collect();
    if shared.is_empty() {
        out.push_str("  no claim shared by two sources\n");
        return;
    }
    for c in shared.iter().take(MAX_POSITION_CLUSTERS) {
        let text = c
            .claims
            .first()
            .and_then(|id| report.claim(id))
            .map_or_else(|| c.id.clone(), |cl| one_line(&cl.text));
        let short: String = text.chars().take(70).collect();
        let ellipsis = if short.len() < text.len() { "…" } else { "" };
        let stands: Vec<String> = c
            .positions
            .iter()
            .map(|p| format!("{} {} {:.2}", one_line(&p.doc), p.label.as_str(), p.score))
            .collect();
        wrap(
            out,
            "  ",
            2,
            4,
            &format!("\"{short}{ellipsis}\": {}", stands.join(", ")),
            width,
        );
    }
    if shared.len() > MAX_POSITION_CLUSTERS {
        let _ = writeln!(
            out,
            "  … and {} more (all in the JSON report)",
            shared.len() - MAX_POSITION_CLUSTERS
        );
    }
}

/// The source × source matrix; columns are numbered when document names would not fit.
fn agreement(out: &mut String, p: &Paint, report: &Report, width: usize) {
    let a = &report.agreement;
    if a.docs.is_empty() {
        out.push_str("  no pairs to compare\n");
        return;
    }
    let names: Vec<String> = a.docs.iter().map(|d| one_line(d)).collect();
    let cell = |i: usize, j: usize| match a.matrix.get(i).and_then(|row| row.get(j)).copied().flatten() {
        Some(v) => percent(v),
        None => "–".to_string(),
    };
    let build = |numbered: bool| {
        let mut headers = vec![String::new()];
        let mut rows = Vec::new();
        for (i, name) in names.iter().enumerate() {
            headers.push(if numbered { (i + 1).to_string() } else { name.clone() });
            let mut row = vec![if numbered {
                format!("{} {name}", i + 1)
            } else {
                name.clone()
            }];
            row.extend((0..names.len()).map(|j| cell(i, j)));
            rows.push(row);
        }
        (headers, rows)
    };
    let (headers, rows) = build(false);
    if table_width(&headers, &rows) <= width {
        table(out, p, &headers, &rows);
    } else {
        let (headers, rows) = build(true);
        table(out, p, &headers, &rows);
    }
}

/// Column widths: the widest cell of each column.
fn column_widths(headers: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    widths
}

fn table_width(headers: &[String], rows: &[Vec<String>]) -> usize {
    let widths = column_widths(headers, rows);
    2 + widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1)
}

/// A table indented by two spaces: first column left-aligned, the rest right-aligned.
fn table(out: &mut String, p: &Paint, headers: &[String], rows: &[Vec<String>]) {
    let widths = column_widths(headers, rows);
    let line = |cells: &[String]| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, &w))| {
                let pad = " ".repeat(w.saturating_sub(c.chars().count()));
                if i == 0 {
                    format!("{c}{pad}")
                } else {
                    format!("{pad}{c}")
                }
            })
            .collect();
        format!("  {}", parts.join("  ")).trim_end().to_string()
    };
    let _ = writeln!(out, "{}", p.bold(&line(headers)));
    for row in rows {
        let _ = writeln!(out, "{}", line(row));
    }
}

fn heading(out: &mut String, p: &Paint, title: &str) {
    out.push('\n');
    out.push_str(&p.bold(title));
    out.push('\n');
}

/// Append `text` word by word: the first line starts with `prefix` (which may hold
/// colour codes and shows as `prefix_width` columns), later lines with `indent` spaces.
/// A word longer than a line gets a line of its own; no text is ever dropped.
fn wrap(out: &mut String, prefix: &str, prefix_width: usize, indent: usize, text: &str, width: usize) {
    out.push_str(prefix);
    let mut col = prefix_width;
    let mut line_empty = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len = word.chars().count();
        if !line_empty && col + 1 + len > width {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = indent;
            line_empty = true;
        }
        if !line_empty {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
        line_empty = false;
    }
    out.push('\n');
}

const RED: &str = "31";
const YELLOW: &str = "33";
const BOLD: &str = "1";
const DIM: &str = "2";

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::High => RED,
        Severity::Medium => YELLOW,
        Severity::Low => DIM,
    }
}

/// Wraps text in ANSI SGR codes when colour is on.
struct Paint(bool);

impl Paint {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.0 && !s.is_empty() {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint(BOLD, s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint(DIM, s)
    }
}
