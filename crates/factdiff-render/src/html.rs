//! A self-contained HTML report: inline CSS, no scripts, no external resources.
//!
//! Every piece of text that comes from a document or the report (ids, titles, evidence,
//! explanations, URLs) goes through [`esc`]; links are only made for `http`/`https` URLs.
//! Spans are byte offsets and are clamped to the text and to character boundaries before any
//! slicing, so a report with bad spans renders (less precisely) instead of panicking.
//!
//! Sources are named by their label (title or headline) with the id beside it. Findings come in
//! report order (most important first); low-severity ones are collapsed. The page shows every
//! section; the fragment (a notebook cell) shows the summary and the top findings, with the rest
//! behind `<details>` and the documents without their text, so its size does not grow with the
//! documents'.

use crate::{percent, plural, removal_counts};
use factdiff_core::{
    Claim, ClaimStatus, Cluster, DocumentReport, Evidence, Finding, FindingKind, Report, Severity, Span, VerdictLabel,
};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::hash::{BuildHasher, Hasher};

/// Characters of context shown on each side of an evidence span.
const CONTEXT_CHARS: usize = 90;

/// Class of the wrapper element in full-page mode.
const PAGE_SCOPE: &str = "factdiff";

/// Findings shown before the fold in a fragment.
pub(crate) const TOP_FINDINGS: usize = 5;

/// At most this many findings and matrix rows in a fragment (the page has all of them).
const FRAGMENT_LIMIT: usize = 200;

/// A whole HTML document (`<!DOCTYPE html>` … `</html>`).
pub(crate) fn page(report: &Report) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>factdiff report</title>\n",
    );
    let _ = writeln!(
        out,
        "<style>\nbody {{ margin: 0; background: #f6f7f9; }}\n{}</style>",
        css(PAGE_SCOPE)
    );
    out.push_str("</head>\n<body>\n");
    let _ = writeln!(out, "<div class=\"{PAGE_SCOPE}\">");
    Html::new(&mut out, report, true).body();
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

/// An HTML fragment for embedding (notebooks): one `<div>` with a class unique to this call, and
/// a `<style>` whose rules all sit under that class, so they cannot leak into the host page.
pub(crate) fn fragment(report: &Report) -> String {
    let scope = unique_scope();
    let mut out = format!("<div class='{scope}'><style>{}</style>", css(&scope));
    Html::new(&mut out, report, false).body();
    out.push_str("</div>");
    out
}

/// `factdiff-` and 12 hex digits, different for every call (random hasher keys, a counter, the clock).
fn unique_scope() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    h.write_u128(nanos);
    format!("factdiff-{:012x}", h.finish() & 0xffff_ffff_ffff)
}

fn css(c: &str) -> String {
    format!(
        "\
.{c} {{ font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 14px; line-height: 1.5;
  color: #1d2330; max-width: 1180px; margin: 0 auto; padding: 16px 24px; background: #fff; }}
.{c} h1 {{ font-size: 24px; margin: 4px 0 8px; }}
.{c} h2 {{ font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #e3e6eb; }}
.{c} h3 {{ font-size: 16px; margin: 18px 0 6px; }}
.{c} .lead {{ font-size: 15px; color: #3b4352; margin: 0 0 12px; }}
.{c} .cards {{ display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0 14px; }}
.{c} .card {{ border: 1px solid #dde1e7; border-radius: 8px; padding: 8px 14px; min-width: 110px; background: #fafbfc; }}
.{c} .card b {{ display: block; font-size: 22px; }}
.{c} .card span {{ color: #5b6474; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }}
.{c} table {{ border-collapse: collapse; margin: 6px 0 14px; }}
.{c} table th, .{c} table td {{ border: 1px solid #d6dae1; padding: 4px 8px; text-align: left; vertical-align: top; }}
.{c} th {{ background: #f0f2f5; font-weight: 600; }}
.{c} td.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
.{c} .bar {{ display: inline-block; height: 8px; background: #3a8f5b; border-radius: 4px; vertical-align: middle; margin-right: 6px; }}
.{c} .bar.bad {{ background: #c0392b; }}
.{c} .sev {{ display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; color: #fff; }}
.{c} .sev-high {{ background: #b3261e; }}
.{c} .sev-medium {{ background: #b76e00; }}
.{c} .sev-low {{ background: #6b7280; }}
.{c} .finding {{ border: 1px solid #dde1e7; border-left: 5px solid #6b7280; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }}
.{c} .finding.high {{ border-left-color: #b3261e; }}
.{c} .finding.medium {{ border-left-color: #b76e00; }}
.{c} .finding .fid {{ color: #5b6474; font-size: 12px; margin-left: 6px; }}
.{c} .finding p {{ margin: 4px 0; }}
.{c} blockquote {{ margin: 6px 0 6px 4px; padding: 4px 10px; border-left: 3px solid #c9ced6; background: #f8f9fb; }}
.{c} blockquote .doc {{ font-weight: 600; color: #2c4a7a; margin-right: 6px; }}
.{c} mark {{ background: #ffe58a; padding: 0 1px; border-radius: 2px; }}
.{c} .note, .{c} .reasons {{ color: #5b6474; font-size: 13px; }}
.{c} .ctx {{ color: #4b5363; }}
.{c} .nowrap {{ white-space: nowrap; }}
.{c} table.heat td {{ text-align: center; min-width: 48px; }}
.{c} .heat th {{ max-width: 220px; overflow-wrap: anywhere; font-size: 12px; font-weight: 500; }}
.{c} table.matrix {{ table-layout: fixed; width: 100%; }}
.{c} .matrix col.claim {{ width: 34%; }}
.{c} .matrix col.k {{ width: 64px; }}
.{c} .matrix col.src {{ min-width: 60px; }}
.{c} table.matrix td.cell {{ text-align: center; font-size: 12px; overflow-wrap: anywhere; }}
.{c} table.matrix td.claim {{ overflow-wrap: anywhere; text-align: left; }}
.{c} th.src {{ overflow-wrap: anywhere; font-size: 12px; font-weight: 500; }}
.{c} .id {{ color: #7a8291; font-size: 11px; font-weight: 400; margin-left: 4px; overflow-wrap: anywhere; }}
.{c} .tw {{ overflow-x: auto; max-width: 100%; }}
.{c} .kind {{ display: inline-block; font-size: 12px; font-weight: 600; color: #2c4a7a; margin-right: 6px; }}
.{c} mark .cue {{ background: #f5b94a; border-radius: 2px; padding: 0 1px; font-weight: 600; }}
.{c} details.more {{ margin: 10px 0; }}
.{c} .st {{ border-radius: 3px; padding: 0 2px; }}
.{c} .st-corroborated {{ background: #d4f0dc; }}
.{c} .st-contradicted {{ background: #f9d0cc; }}
.{c} .st-unsupported {{ background: #fde7c2; }}
.{c} .st-only {{ background: #e6ebf3; }}
.{c} .st-repeated {{ background: #ece3f5; }}
.{c} .legend span {{ margin-right: 10px; }}
.{c} .doctext {{ white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #e3e6eb; border-radius: 6px;
  padding: 10px 12px; background: #fcfcfd; max-height: 640px; overflow-y: auto; }}
.{c} .removed {{ color: #9aa1ad; text-decoration: line-through; text-decoration-color: #c5cad3; }}
.{c} .meta {{ color: #5b6474; font-size: 13px; }}
.{c} .warning {{ background: #fff4e5; border: 1px solid #f0c987; border-radius: 6px; padding: 4px 10px; }}
.{c} details > summary {{ cursor: pointer; font-weight: 600; }}
"
    )
}

/// The CSS class that colours a claim of this status.
fn status_class(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Contradicted => "st st-contradicted",
        ClaimStatus::Unsupported => "st st-unsupported",
        ClaimStatus::Repeated => "st st-repeated",
        ClaimStatus::Corroborated => "st st-corroborated",
        ClaimStatus::OnlyHere => "st st-only",
    }
}

/// How a status reads on the page ("only here").
fn status_label(status: ClaimStatus) -> String {
    status.as_str().replace('_', " ")
}

struct Html<'a> {
    out: &'a mut String,
    report: &'a Report,
    /// Full page: anchors, every section in full and documents shown open; else a fragment.
    full: bool,
    /// Document id → label.
    labels: HashMap<&'a str, &'a str>,
}

impl<'a> Html<'a> {
    fn new(out: &'a mut String, report: &'a Report, full: bool) -> Self {
        let labels = report.documents.iter().map(|d| (d.id.as_str(), d.name())).collect();
        Html {
            out,
            report,
            full,
            labels,
        }
    }

    /// The label of a document id (the id itself for an unknown document).
    fn label(&self, id: &'a str) -> &'a str {
        self.labels.get(id).copied().unwrap_or(id)
    }

    /// A source by its label, with its id beside it when they differ.
    fn source(&self, id: &str) -> String {
        let label = self.labels.get(id).copied().unwrap_or(id);
        if label == id {
            esc(id)
        } else {
            format!("{}<span class=\"id\">{}</span>", esc(label), esc(id))
        }
    }

    fn body(&mut self) {
        self.summary();
        self.findings();
        if self.full {
            self.matrix();
            self.agreement();
            self.documents();
        } else {
            for (title, section) in [
                ("Claims across sources", Self::matrix as fn(&mut Self)),
                ("Agreement between sources", Self::agreement),
                ("Documents", Self::document_list),
            ] {
                let _ = writeln!(self.out, "<details class=\"more\"><summary>{title}</summary>");
                section(self);
                self.out.push_str("</details>\n");
            }
            self.out.push_str(
                "<p class=\"note\">The whole report, with every document's text and its claims highlighted: \
                 <code>report.to_html()</code>.</p>\n",
            );
        }
    }

    fn summary(&mut self) {
        let r = self.report;
        self.out.push_str("<h1>factdiff report</h1>\n");
        let _ = writeln!(
            self.out,
            "<p class=\"lead\">{}, {}, {}; consistency {}.</p>",
            plural(r.documents.len(), "source"),
            plural(r.claims.len(), "claim"),
            plural(r.findings.len(), "finding"),
            percent(r.consistency)
        );
        self.out.push_str("<div class=\"cards\">");
        for (value, label) in [
            (r.documents.len().to_string(), "sources"),
            (r.claims.len().to_string(), "claims"),
            (r.findings.len().to_string(), "findings"),
            (r.count(FindingKind::Contradiction).to_string(), "contradictions"),
            (percent(r.consistency), "consistency"),
        ] {
            let _ = write!(
                self.out,
                "<div class=\"card\"><b>{}</b><span>{label}</span></div>",
                esc(&value)
            );
        }
        self.out.push_str("</div>\n");
        for w in &r.warnings {
            let _ = writeln!(self.out, "<p class=\"warning\">Warning: {}</p>", esc(w));
        }
        if !self.full {
            return;
        }
        self.out
            .push_str("<h3>Findings by kind</h3>\n<table class=\"kinds\"><tr><th>kind</th><th>findings</th></tr>");
        for kind in FindingKind::ALL {
            let n = r.count(kind);
            let _ = write!(
                self.out,
                "<tr><td>{}</td><td class=\"num\">{n}</td></tr>",
                kind.as_str()
            );
        }
        self.out.push_str("</table>\n");
        self.out.push_str("<h3>Sources</h3>\n");
        self.sources();
    }

    fn sources(&mut self) {
        let r = self.report;
        self.out.push_str(
            "<div class=\"tw\"><table class=\"sources\"><tr><th>source</th><th>claims</th><th>corroborated</th>\
             <th>contradicted</th><th>unsupported</th><th>repeated</th><th>removed bytes</th><th>consistency</th></tr>",
        );
        if r.sources.is_empty() {
            self.out.push_str("<tr><td colspan=\"8\">No sources.</td></tr>");
        }
        for s in &r.sources {
            let share = if s.consistency.is_finite() {
                s.consistency.clamp(0.0, 1.0)
            } else {
                0.0
            };
            let bad = if share < 0.75 { " bad" } else { "" };
            let _ = write!(
                self.out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{} ({})</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{} ({})</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"nowrap\"><span class=\"bar{bad}\" style=\"width:{:.0}px\"></span>{}</td></tr>",
                self.source(&s.doc),
                s.claims,
                s.corroborated,
                percent(s.corroborated_share),
                s.contradicted,
                s.unsupported,
                percent(s.unsupported_share),
                s.repeated,
                s.removed_bytes,
                share * 60.0,
                percent(s.consistency)
            );
        }
        self.out.push_str("</table></div>\n");
    }

    /// Findings in report order (most important first); low severity collapsed. A fragment shows
    /// the first [`TOP_FINDINGS`] high or medium ones and folds the rest.
    fn findings(&mut self) {
        let r = self.report;
        self.out.push_str("<h2>Findings</h2>\n");
        if r.findings.is_empty() {
            self.out.push_str("<p>No findings.</p>\n");
            return;
        }
        let (low, important): (Vec<&Finding>, Vec<&Finding>) =
            r.findings.iter().partition(|f| f.severity == Severity::Low);
        let top = if self.full {
            important.len()
        } else {
            TOP_FINDINGS.min(important.len())
        };
        if important.is_empty() {
            self.out.push_str("<p>No high or medium severity findings.</p>\n");
        }
        for f in &important[..top] {
            self.finding(f);
        }
        let limit = if self.full { usize::MAX } else { FRAGMENT_LIMIT };
        let rest = &important[top..];
        if !rest.is_empty() {
            let _ = writeln!(
                self.out,
                "<details class=\"more\"><summary>{} ({})</summary>",
                plural(rest.len(), "more finding"),
                by_kind(rest)
            );
            self.finding_list(rest, limit.saturating_sub(top));
            self.out.push_str("</details>\n");
        }
        if !low.is_empty() {
            let _ = writeln!(
                self.out,
                "<details class=\"more\"><summary>{} of low severity ({})</summary>",
                plural(low.len(), "finding"),
                by_kind(&low)
            );
            self.finding_list(&low, limit.saturating_sub(important.len()));
            self.out.push_str("</details>\n");
        }
    }

    /// Up to `limit` findings, then how many more there are.
    fn finding_list(&mut self, findings: &[&Finding], limit: usize) {
        for f in findings.iter().take(limit) {
            self.finding(f);
        }
        if findings.len() > limit {
            let _ = writeln!(
                self.out,
                "<p class=\"note\">… and {} more: <code>report.to_html()</code> has them all.</p>",
                findings.len() - limit
            );
        }
    }

    fn finding(&mut self, f: &Finding) {
        let sev = f.severity.as_str();
        let id = if self.full {
            format!(" id=\"finding-{}\"", esc(&f.id))
        } else {
            String::new()
        };
        let _ = write!(
            self.out,
            "<article class=\"finding {sev}\"{id}><p><span class=\"sev sev-{sev}\">{sev}</span> \
             <span class=\"kind\">{}</span><span class=\"fid\">{}</span> {}</p>",
            f.kind.as_str(),
            esc(&f.id),
            esc(&f.explanation)
        );
        let groups = crate::value_groups(f);
        if !groups.is_empty() {
            let _ = write!(
                self.out,
                "<table class=\"values\"><tr><th>{}</th><th>sources</th></tr>",
                esc(f.fact.as_deref().unwrap_or("value"))
            );
            for (value, docs) in groups {
                let docs: Vec<String> = docs.iter().map(|d| esc(d)).collect();
                let _ = write!(self.out, "<tr><td>{}</td><td>{}</td></tr>", esc(value), docs.join(", "));
            }
            self.out.push_str("</table>");
        }
        for ev in &f.evidence {
            self.evidence(ev);
        }
        if !f.reasons.is_empty() {
            let reasons: Vec<String> = f.reasons.iter().map(|r| esc(r)).collect();
            let _ = write!(self.out, "<p class=\"reasons\">Reasons: {}</p>", reasons.join("; "));
        }
        self.out.push_str("</article>\n");
    }

    /// One piece of evidence: its source, the span (a sentence, usually) highlighted in its
    /// context with the cues inside it marked, what it shows, and what each cue shows.
    fn evidence(&mut self, ev: &Evidence) {
        let _ = write!(
            self.out,
            "<blockquote><span class=\"doc\">{}</span> ",
            self.source(&ev.doc)
        );
        match self.report.document(&ev.doc).and_then(|d| context(d, ev.span)) {
            Some(cx) => {
                let _ = write!(
                    self.out,
                    "<span class=\"ctx\">{}{}</span><mark>{}</mark><span class=\"ctx\">{}{}</span>",
                    if cx.lead { "…" } else { "" },
                    esc(cx.before),
                    marked(cx.hit, cx.hit_start, ev),
                    esc(cx.after),
                    if cx.tail { "…" } else { "" }
                );
            }
            None => {
                let _ = write!(self.out, "<mark>{}</mark>", esc(&ev.text));
            }
        }
        if !ev.note.trim().is_empty() {
            let _ = write!(self.out, "<br><span class=\"note\">— {}</span>", esc(&ev.note));
        }
        if !ev.cues.is_empty() {
            let cues: Vec<String> = ev
                .cues
                .iter()
                .map(|c| format!("<b>{}</b> {}", esc(&c.text), esc(&c.note)))
                .collect();
            let _ = write!(self.out, "<br><span class=\"note\">cues: {}</span>", cues.join("; "));
        }
        self.out.push_str("</blockquote>");
    }

    /// Claims clustered across sources, one row per cluster and one column per source. The table
    /// takes the width it is given (fixed layout): labels and cells wrap instead of scrolling.
    fn matrix(&mut self) {
        let r = self.report;
        let docs: Vec<&str> = r.documents.iter().map(|d| d.id.as_str()).collect();
        let n = docs.len();
        let clusters: Vec<&Cluster> = r.clusters.iter().filter(|c| !c.claims.is_empty()).collect();
        if self.full {
            self.out.push_str("<h2>Claims across sources</h2>\n");
        }
        if clusters.is_empty() {
            self.out.push_str("<p>No claims were clustered across sources.</p>\n");
            return;
        }
        self.out.push_str(
            "<p class=\"legend\"><span class=\"st st-corroborated\">✓ corroborated</span>\
             <span class=\"st st-contradicted\">✗ contradicted</span><span class=\"st st-only\">● only here</span>\
             <span>k/N: asserted by k of N sources</span></p>\n",
        );
        self.out
            .push_str("<div class=\"tw\"><table class=\"matrix\"><colgroup><col class=\"claim\"><col class=\"k\">");
        for _ in &docs {
            self.out.push_str("<col class=\"src\">");
        }
        self.out.push_str("</colgroup><tr><th>claim</th><th>k/N</th>");
        for d in &docs {
            let _ = write!(
                self.out,
                "<th class=\"src\" title=\"{}\">{}</th>",
                esc(d),
                esc(self.label(d))
            );
        }
        self.out.push_str("</tr>\n");
        // Lookups by id, so that large reports stay linear.
        let by_id: HashMap<&str, &Claim> = r.claims.iter().map(|c| (&*c.id, c)).collect();
        let conflicts: Vec<&Finding> = r.findings.iter().filter(|f| f.kind.is_conflict()).collect();
        let limit = if self.full { usize::MAX } else { FRAGMENT_LIMIT };
        for c in clusters.iter().take(limit) {
            let first = c.claims.iter().find_map(|id| by_id.get(id.as_str()));
            let text = first.map_or_else(|| c.id.as_str(), |cl| cl.text.as_str());
            let in_cluster: HashSet<&str> = c.claims.iter().map(String::as_str).collect();
            // The cluster's claims of each source.
            let mut per_doc: HashMap<&str, Vec<&str>> = HashMap::new();
            for id in &c.claims {
                if let Some(cl) = by_id.get(id.as_str()) {
                    per_doc.entry(&*cl.doc).or_default().push(&*cl.id);
                }
            }
            let k = docs.iter().filter(|d| per_doc.contains_key(*d)).count();
            let _ = write!(
                self.out,
                "<tr><td class=\"claim\">{}</td><td class=\"num\" title=\"asserted by {k} of {n} sources\">{k}/{n}</td>",
                esc(&crate::one_line(text))
            );
            for d in &docs {
                let ids: &[&str] = per_doc.get(d).map_or(&[], Vec::as_slice);
                if ids.is_empty() {
                    self.out.push_str("<td class=\"cell\"></td>");
                    continue;
                }
                // Contradicted here: a contradict verdict on a pair of this source inside the
                // cluster (its tally counts every pair), or a conflict finding that joins this
                // source's claim with another claim of the cluster.
                let contradicted = c.tallies.iter().any(|t| t.doc == *d && t.contradict > 0)
                    || c.alignments.iter().any(|a| {
                        a.verdict.label == VerdictLabel::Contradict && (ids.contains(&&*a.a) || ids.contains(&&*a.b))
                    })
                    || conflicts.iter().any(|f| {
                        f.claims.iter().any(|x| ids.contains(&x.as_str()))
                            && f.claims
                                .iter()
                                .any(|x| !ids.contains(&x.as_str()) && in_cluster.contains(x.as_str()))
                    });
                let status = if contradicted {
                    ClaimStatus::Contradicted
                } else if k >= 2 {
                    ClaimStatus::Corroborated
                } else {
                    ClaimStatus::OnlyHere
                };
                let mark = match status {
                    ClaimStatus::Contradicted => "✗",
                    ClaimStatus::Corroborated => "✓",
                    _ => "●",
                };
                let _ = write!(
                    self.out,
                    "<td class=\"cell\"><span class=\"{}\" title=\"{}\">{mark} {}</span>",
                    status_class(status),
                    esc(&ids.join(", ")),
                    status_label(status)
                );
                // Where this source stands on the cluster, with the reasons on hover.
                if let Some(p) = c.positions.iter().find(|p| p.doc == *d) {
                    let _ = write!(
                        self.out,
                        "<br><span class=\"pos\" title=\"{}\">{} {:.2}</span>",
                        esc(&p.reasons.join("; ")),
                        p.label.as_str(),
                        p.score
                    );
                }
                self.out.push_str("</td>");
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</table></div>\n");
        if clusters.len() > limit {
            let _ = writeln!(
                self.out,
                "<p class=\"note\">… and {} more clusters: <code>report.to_html()</code> has them all.</p>",
                clusters.len() - limit
            );
        }
    }

    /// Source × source agreement as a table with red (0%) to green (100%) cell backgrounds.
    fn agreement(&mut self) {
        let a = &self.report.agreement;
        if self.full {
            self.out.push_str("<h2>Agreement between sources</h2>\n");
        }
        if a.docs.is_empty() {
            self.out.push_str("<p>No pairs to compare.</p>\n");
            return;
        }
        self.out
            .push_str("<div class=\"tw\"><table class=\"heat\"><tr><th></th>");
        for d in &a.docs {
            let _ = write!(
                self.out,
                "<th class=\"src\" title=\"{}\">{}</th>",
                esc(d),
                esc(self.label(d))
            );
        }
        self.out.push_str("</tr>\n");
        for (i, d) in a.docs.iter().enumerate() {
            let _ = write!(self.out, "<tr><th title=\"{}\">{}</th>", esc(d), esc(self.label(d)));
            for j in 0..a.docs.len() {
                match a.matrix.get(i).and_then(|row| row.get(j)).copied().flatten() {
                    Some(v) if v.is_finite() => {
                        let v = v.clamp(0.0, 1.0);
                        let _ = write!(
                            self.out,
                            "<td style=\"background:hsl({:.0},70%,{:.0}%)\">{}</td>",
                            v * 120.0,
                            82.0 - 10.0 * (1.0 - (2.0 * v - 1.0).abs()),
                            percent(v)
                        );
                    }
                    _ => self
                        .out
                        .push_str("<td style=\"background:#eef0f3;color:#8a919c\">–</td>"),
                }
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str(
            "</table></div>\n<p class=\"note\">Share of aligned claims that agree; – where two sources share no claim.</p>\n",
        );
    }

    /// A fragment's documents: the source table and each document's metadata, without its text.
    fn document_list(&mut self) {
        self.sources();
        for doc in &self.report.documents {
            let _ = write!(self.out, "<p class=\"meta\"><b>{}</b> · ", self.source(&doc.id));
            self.meta(doc);
            self.out.push_str("</p>\n");
        }
    }

    /// A document's metadata: source, date, link, sentences, what cleaning removed.
    fn meta(&mut self, doc: &DocumentReport) {
        let mut meta: Vec<String> = Vec::new();
        if let Some(t) = doc
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty() && *t != doc.name())
        {
            meta.push(format!("title: {}", esc(t)));
        }
        if let Some(s) = &doc.source {
            meta.push(format!("source: {}", esc(s)));
        }
        if let Some(p) = &doc.published {
            meta.push(format!("published: {}", esc(p)));
        }
        if let Some(u) = &doc.url {
            meta.push(match safe_href(u) {
                Some(href) => format!(
                    "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>",
                    esc(href),
                    esc(u)
                ),
                None => format!("url: {}", esc(u)),
            });
        }
        meta.push(plural(doc.sentences, "sentence"));
        let removed: Vec<String> = removal_counts(doc)
            .iter()
            .map(|(reason, n)| format!("{} × {n}", reason.describe()))
            .collect();
        if !removed.is_empty() {
            meta.push(format!("removed: {}", removed.join(", ")));
        }
        self.out.push_str(&meta.join(" · "));
    }

    fn documents(&mut self) {
        self.out.push_str("<h2>Documents</h2>\n<p class=\"legend\">");
        for s in [
            ClaimStatus::Corroborated,
            ClaimStatus::Contradicted,
            ClaimStatus::Unsupported,
            ClaimStatus::Repeated,
            ClaimStatus::OnlyHere,
        ] {
            let _ = write!(
                self.out,
                "<span class=\"{}\">{}</span>",
                status_class(s),
                status_label(s)
            );
        }
        self.out
            .push_str("<span class=\"removed\">removed from analysis</span></p>\n");
        for doc in &self.report.documents {
            self.document(doc);
        }
    }

    fn document(&mut self, doc: &DocumentReport) {
        let _ = write!(
            self.out,
            "<details class=\"document\" id=\"doc-{}\" open><summary>{}</summary>\n<p class=\"meta\">",
            esc(&doc.id),
            self.source(&doc.id)
        );
        self.meta(doc);
        self.out.push_str("</p>\n<div class=\"doctext\">");

        // Removed spans first: they win over a claim that overlaps them.
        let mut marks: Vec<(usize, usize, String)> = Vec::new();
        for r in &doc.removed {
            if let Some((s, e)) = clamp(&doc.text, r.span) {
                let title = format!("removed: {}", r.reason.describe());
                marks.push((s, e, format!("<span class=\"removed\" title=\"{}\">", esc(&title))));
            }
        }
        for c in self.report.claims.iter().filter(|c| *c.doc == *doc.id) {
            if let Some((s, e)) = clamp(&doc.text, c.span) {
                let title = format!("{}: {}", c.id, status_label(c.status));
                marks.push((
                    s,
                    e,
                    format!("<span class=\"{}\" title=\"{}\">", status_class(c.status), esc(&title)),
                ));
            }
        }
        // Stable sort keeps removed spans before claims at the same start.
        marks.sort_by_key(|m| m.0);
        let mut pos = 0;
        for (s, e, open_tag) in marks {
            if s < pos {
                continue; // overlaps what is already shown
            }
            self.out.push_str(&esc(doc.text.get(pos..s).unwrap_or("")));
            self.out.push_str(&open_tag);
            self.out.push_str(&esc(doc.text.get(s..e).unwrap_or("")));
            self.out.push_str("</span>");
            pos = e;
        }
        self.out.push_str(&esc(doc.text.get(pos..).unwrap_or("")));
        self.out.push_str("</div>\n</details>\n");
    }
}

/// "3 contradiction, 2 unsupported": how many findings of each kind, in kind order.
fn by_kind(findings: &[&Finding]) -> String {
    FindingKind::ALL
        .iter()
        .map(|&k| (k, findings.iter().filter(|f| f.kind == k).count()))
        .filter(|&(_, n)| n > 0)
        .map(|(k, n)| format!("{n} {}", k.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `hit` (the text of `ev`'s span, which starts at byte `start` of its document) escaped, with the
/// cues of `ev` inside it wrapped in `<b class="cue">` (their note on hover).
fn marked(hit: &str, start: usize, ev: &Evidence) -> String {
    let mut cues: Vec<(usize, usize, &str)> = ev
        .cues
        .iter()
        .filter_map(|c| {
            let (s, e) = clamp(
                hit,
                Span::new(
                    c.span.start_byte.checked_sub(start)?,
                    c.span.end_byte.checked_sub(start)?,
                ),
            )?;
            Some((s, e, c.note.as_str()))
        })
        .collect();
    cues.sort_by_key(|c| (c.0, c.1));
    let mut out = String::with_capacity(hit.len() + 40 * cues.len());
    let mut pos = 0;
    for (s, e, note) in cues {
        if s < pos {
            continue; // overlaps the previous cue
        }
        out.push_str(&esc(hit.get(pos..s).unwrap_or("")));
        let _ = write!(
            out,
            "<b class=\"cue\" title=\"{}\">{}</b>",
            esc(note),
            esc(hit.get(s..e).unwrap_or(""))
        );
        pos = e;
    }
    out.push_str(&esc(hit.get(pos..).unwrap_or("")));
    out
}

/// `span` clamped to `text` and widened to character boundaries; `None` when nothing is left.
fn clamp(text: &str, span: Span) -> Option<(usize, usize)> {
    let len = text.len();
    let mut start = span.start_byte.min(len);
    let mut end = span.end_byte.min(len);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    while end < len && !text.is_char_boundary(end) {
        end += 1;
    }
    (start < end).then_some((start, end))
}

/// The evidence span with up to [`CONTEXT_CHARS`] characters either side, cut at the line
/// around it and at removed boilerplate. `None` when the span does not fit the text.
fn context(doc: &DocumentReport, span: Span) -> Option<Context<'_>> {
    let text = doc.text.as_str();
    if span.end_byte > text.len() || span.start_byte >= span.end_byte {
        return None;
    }
    let (s, e) = clamp(text, span)?;
    let before_all = text.get(..s)?;
    let after_all = text.get(e..)?;
    let mut b = before_all
        .char_indices()
        .rev()
        .take(CONTEXT_CHARS)
        .last()
        .map_or(s, |(i, _)| i);
    if let Some(p) = before_all.rfind('\n').map(|p| p + 1) {
        b = b.max(p);
    }
    let mut a = after_all
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| e + i);
    if let Some(p) = after_all.find('\n') {
        a = a.min(e + p);
    }
    // Removed boilerplate (photo credits, ads, …) is not context: stop at it.
    for r in &doc.removed {
        if r.span.end_byte <= s && r.span.end_byte > b {
            b = r.span.end_byte;
        }
        if r.span.start_byte >= e && r.span.start_byte < a {
            a = r.span.start_byte;
        }
    }
    let (b, a) = (
        clamp(text, Span::new(b, s)).map_or(s, |x| x.0),
        clamp(text, Span::new(e, a)).map_or(e, |x| x.1),
    );
    // Cut mid-line: start and end at whole words.
    let mut b = b;
    let mut a = a;
    if b > 0 && !text.get(..b)?.ends_with(char::is_whitespace) {
        if let Some(p) = text.get(b..s)?.find(char::is_whitespace) {
            b += p + 1;
        }
    }
    if a < text.len() && !text.get(a..)?.starts_with(char::is_whitespace) {
        if let Some(p) = text.get(e..a)?.rfind(char::is_whitespace) {
            a = e + p;
        }
    }
    let before = text.get(b..s)?;
    let after = text.get(e..a)?;
    let lead = b > 0 && !text.get(..b)?.ends_with('\n');
    let tail = a < text.len() && !text.get(a..)?.starts_with('\n');
    Some(Context {
        lead,
        before,
        hit: text.get(s..e)?,
        hit_start: s,
        after,
        tail,
    })
}

/// An evidence span in its surrounding text; `lead`/`tail` say the context was cut mid-paragraph.
struct Context<'t> {
    lead: bool,
    before: &'t str,
    hit: &'t str,
    /// Byte offset of `hit` in the document.
    hit_start: usize,
    after: &'t str,
    tail: bool,
}

/// The URL when it is `http://` or `https://` (any case) and has no whitespace or control characters.
fn safe_href(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let ok_scheme = lower.starts_with("http://") || lower.starts_with("https://");
    let clean = !u.chars().any(|c| c.is_whitespace() || c.is_control());
    (ok_scheme && clean).then_some(u)
}

/// Escape for HTML element text and quoted attribute values. Control characters other than
/// newline and tab become U+FFFD.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            '\r' => {}
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
