//! The `report`, `claims`, `align`, `check` and `completions` subcommands.

use crate::args::{AlignArgs, CheckArgs, ClaimsArgs, ClaimsFormat, ColorChoice, ReportArgs, ReportFormat};
use crate::input::{self, CliError};
use crate::judge;
use factdiff_core::{Alignment, Claim, Config, Document, Evidence, Modality, Polarity, Report, VerdictLabel};
use factdiff_render::{Format, Options};
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

/// `factdiff report`: compare the inputs and render the report. Returns whether a finding matched
/// `--fail-on` (the caller turns that into exit code 1).
pub fn report(args: &ReportArgs) -> Result<bool, CliError> {
    let load = factdiff_core::ingest::LoadOptions {
        max_bytes: args.max_bytes,
        skip_bad_lines: args.skip_bad_lines,
    };
    let docs = input::load_with(&args.inputs, &load)?;
    let progress = Progress::start(&docs, args.quiet);
    let report = judge::compare(&docs, &args.judge);
    progress.finish();
    let mut report = report?;
    if let Some(min) = args.min_severity {
        report.findings.retain(|f| f.severity >= min.severity());
    }
    let failed = report
        .findings
        .iter()
        .any(|f| args.fail_on.iter().any(|k| k.matches(f.kind)));
    let format = match args.format {
        ReportFormat::Text => Format::Text,
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Json => Format::Json,
        ReportFormat::Csv => Format::Csv,
        ReportFormat::Html => Format::Html,
    };
    if args.quiet && args.output.is_none() {
        return Ok(failed);
    }
    let color = matches!(format, Format::Text) && use_color(args.color, args.output.is_some());
    let out = factdiff_render::render(&report, format, &Options { color, width: width() });
    emit(args.output.as_deref(), &out)?;
    Ok(failed)
}

/// A status line on stderr while a large comparison runs: only on a terminal, never with
/// `--quiet`, and erased when the work is done so it never mixes with the report.
struct Progress {
    shown: bool,
}

impl Progress {
    /// Inputs smaller than this finish before a person would notice.
    const MIN_BYTES: usize = 2_000_000;

    fn start(docs: &[factdiff_core::Document], quiet: bool) -> Progress {
        use std::io::{IsTerminal, Write};
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let shown = !quiet && bytes >= Self::MIN_BYTES && std::io::stderr().is_terminal();
        if shown {
            let mut err = std::io::stderr();
            let _ = write!(
                err,
                "factdiff: comparing {} documents ({:.1} MB)…",
                docs.len(),
                bytes as f64 / 1e6
            );
            let _ = err.flush();
        }
        Progress { shown }
    }

    fn finish(self) {
        if self.shown {
            use std::io::Write;
            let mut err = std::io::stderr();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

/// `factdiff align A B`: the aligned claim pairs between the documents of A and those of B.
pub fn align(args: &AlignArgs) -> Result<(), CliError> {
    let a = input::load(std::slice::from_ref(&args.a), args.max_bytes)?;
    let b = input::load(std::slice::from_ref(&args.b), args.max_bytes)?;
    let a_ids: Vec<String> = a.iter().map(|d| d.id.clone()).collect();
    let mut docs = a;
    docs.extend(b);
    let report = judge::compare(&docs, &args.judge)?;
    let in_a = |claim: &str| report.claim(claim).is_some_and(|c| a_ids.contains(&c.doc));
    let mut pairs: Vec<(&Alignment, bool)> = report
        .clusters
        .iter()
        .flat_map(|c| &c.alignments)
        .filter_map(|al| match (in_a(&al.a), in_a(&al.b)) {
            (true, false) => Some((al, false)),
            (false, true) => Some((al, true)),
            _ => None,
        })
        .collect();
    pairs.sort_by(|x, y| y.0.score.total_cmp(&x.0.score));
    let out = match args.format {
        ClaimsFormat::Json => {
            let list: Vec<serde_json::Value> = pairs
                .iter()
                .map(|(al, swapped)| {
                    let (ca, cb) = if *swapped { (&al.b, &al.a) } else { (&al.a, &al.b) };
                    serde_json::json!({
                        "a": report.claim(ca),
                        "b": report.claim(cb),
                        "score": al.score,
                        "features": al.features,
                        "verdict": al.verdict,
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).map_err(|e| CliError::Message(e.to_string()))? + "\n"
        }
        ClaimsFormat::Text => {
            let mut out = String::new();
            if pairs.is_empty() {
                out.push_str("No aligned claims.\n");
            }
            for (al, swapped) in &pairs {
                let (ca, cb) = if *swapped { (&al.b, &al.a) } else { (&al.a, &al.b) };
                let f = &al.features;
                let v = &al.verdict;
                let _ = writeln!(
                    out,
                    "{} (score {:.2}; entail {:.2}, neutral {:.2}, contradict {:.2})",
                    v.label.as_str(),
                    al.score,
                    v.entail,
                    v.neutral,
                    v.contradict
                );
                for id in [ca, cb] {
                    let text = report.claim(id).map_or("", |c| c.text.as_str());
                    let _ = writeln!(
                        out,
                        "  [{}] {}",
                        factdiff_render::one_line(id),
                        factdiff_render::one_line(text)
                    );
                }
                let _ = writeln!(
                    out,
                    "  features: terms {:.2}, text {:.2}, entities {:.2}, numbers {:.2}",
                    f.term_overlap, f.text_similarity, f.entity_overlap, f.number_overlap
                );
                for (what, empty, list) in [
                    ("shared terms", f.shared_terms.is_empty(), f.shared_terms.join(", ")),
                    (
                        "shared entities",
                        f.shared_entities.is_empty(),
                        f.shared_entities.join(", "),
                    ),
                    (
                        "shared numbers",
                        f.shared_numbers.is_empty(),
                        f.shared_numbers.join(", "),
                    ),
                    ("reasons", v.reasons.is_empty(), v.reasons.join(", ")),
                ] {
                    if !empty {
                        let _ = writeln!(out, "  {what}: {}", factdiff_render::one_line(&list));
                    }
                }
                out.push('\n');
            }
            out
        }
    };
    emit(None, &out)
}

/// The verdict of `factdiff check` and the evidence behind it.
#[derive(Debug, serde::Serialize)]
struct Check {
    claim: String,
    verdict: &'static str,
    evidence: Vec<Evidence>,
}

/// `factdiff check`: the claim is compared as its own document with the sources. Contradicted when
/// a contradiction, numeric or date conflict involves it; else supported when it aligns (without a
/// contradict verdict) with a claim of a source; else not covered. Same logic as Python's `check_claim`.
pub fn check(args: &CheckArgs) -> Result<(), CliError> {
    if args.claim.trim().is_empty() {
        return Err(CliError::Message(
            "the claim to check is empty; give it as the first argument: factdiff check \"12 people died.\" SOURCES"
                .into(),
        ));
    }
    let mut docs = input::load(&args.sources, args.max_bytes)?;
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let claim_doc = std::iter::once("claim".to_string())
        .chain((1..).map(|i| format!("claim{i}")))
        .find(|name| !ids.contains(&name.as_str()))
        .unwrap_or_else(|| "claim".into());
    docs.push(Document::new(claim_doc.clone(), args.claim.clone()));
    let report = judge::compare(&docs, &args.judge)?;
    let result = check_verdict(&report, &claim_doc, &args.claim);
    let out = match args.format {
        ClaimsFormat::Json => {
            serde_json::to_string_pretty(&result).map_err(|e| CliError::Message(e.to_string()))? + "\n"
        }
        ClaimsFormat::Text => {
            let mut out = format!("{}: {}\n", result.verdict, factdiff_render::one_line(&result.claim));
            for e in &result.evidence {
                let _ = writeln!(
                    out,
                    "  [{}] \"{}\"",
                    factdiff_render::one_line(&e.doc),
                    factdiff_render::one_line(&e.text)
                );
                if !e.note.is_empty() {
                    let _ = writeln!(out, "      — {}", factdiff_render::one_line(&e.note));
                }
            }
            out
        }
    };
    emit(None, &out)
}

fn check_verdict(report: &Report, claim_doc: &str, text: &str) -> Check {
    let mine: Vec<&str> = report
        .claims
        .iter()
        .filter(|c| c.doc == claim_doc)
        .map(|c| c.id.as_str())
        .collect();
    let conflicts: Vec<&Evidence> = report
        .findings
        .iter()
        .filter(|f| f.kind.is_conflict() && f.claims.iter().any(|c| mine.contains(&c.as_str())))
        .flat_map(|f| &f.evidence)
        .filter(|e| e.doc != claim_doc)
        .collect();
    let any_conflict = report
        .findings
        .iter()
        .any(|f| f.kind.is_conflict() && f.claims.iter().any(|c| mine.contains(&c.as_str())));
    if any_conflict {
        return Check {
            claim: text.into(),
            verdict: "contradicted",
            evidence: conflicts.into_iter().cloned().collect(),
        };
    }
    let mut supporting = Vec::new();
    for al in report.clusters.iter().flat_map(|c| &c.alignments) {
        let a_mine = mine.contains(&&*al.a);
        if al.verdict.label != VerdictLabel::Contradict && a_mine != mine.contains(&&*al.b) {
            let other = if a_mine { &al.b } else { &al.a };
            if let Some(c) = report.claim(other) {
                supporting.push(Evidence {
                    doc: c.doc.clone(),
                    span: c.span,
                    text: c.text.clone(),
                    note: format!("supports the claim (alignment score {:.2})", al.score),
                    claim: Some(c.id.clone()),
                });
            }
        }
    }
    Check {
        claim: text.into(),
        verdict: if supporting.is_empty() {
            "not_covered"
        } else {
            "supported"
        },
        evidence: supporting,
    }
}

/// `factdiff claims`: the claims of each document in the input, without comparing.
pub fn claims(args: &ClaimsArgs) -> Result<(), CliError> {
    let docs = input::load(std::slice::from_ref(&args.input), args.max_bytes)?;
    let config = Config::default();
    let mut per_doc = Vec::new();
    for doc in &docs {
        per_doc.push((doc.id.clone(), factdiff_core::extract_claims(doc, &config)?));
    }
    let out = match args.format {
        ClaimsFormat::Text => claims_text(&per_doc),
        ClaimsFormat::Json => {
            let all: Vec<&Claim> = per_doc.iter().flat_map(|(_, c)| c).collect();
            serde_json::to_string_pretty(&all).map_err(|e| CliError::Message(e.to_string()))? + "\n"
        }
    };
    emit(None, &out)
}

/// Colour for `auto`: stdout is a terminal, not writing a file, and NO_COLOR is unset or empty.
/// An explicit `always`/`never` wins over everything.
fn use_color(choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = matches!(std::env::var_os("NO_COLOR"), Some(v) if !v.is_empty());
            !to_file && !no_color && io::stdout().is_terminal()
        }
    }
}

/// Terminal width from `COLUMNS`, else 100.
fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .filter(|&w| w > 0)
        .unwrap_or(100)
}

/// Write to the file, or to stdout (a closed pipe comes back as `BrokenPipe`).
fn emit(output: Option<&Path>, content: &str) -> Result<(), CliError> {
    match output {
        Some(path) => {
            std::fs::write(path, content).map_err(|e| CliError::Io(format!("{}: cannot write", path.display()), e))
        }
        None => {
            let mut out = io::stdout().lock();
            out.write_all(content.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| CliError::Io("cannot write to stdout".into(), e))
        }
    }
}

/// One line per claim, `#<sentence> [speaker] text`, then its notable attributes indented.
fn claims_text(per_doc: &[(String, Vec<Claim>)]) -> String {
    let mut out = String::new();
    for (i, (doc, claims)) in per_doc.iter().enumerate() {
        if per_doc.len() > 1 {
            let _ = writeln!(
                out,
                "{}== {} ==",
                if i > 0 { "\n" } else { "" },
                factdiff_render::one_line(doc)
            );
        }
        for c in claims {
            claim_text(&mut out, c);
        }
    }
    out
}

fn claim_text(out: &mut String, c: &Claim) {
    let _ = writeln!(
        out,
        "#{} [{}] {}",
        c.sentence,
        factdiff_render::one_line(&c.speaker.label()),
        factdiff_render::one_line(&c.text)
    );
    if c.modality != Modality::Fact {
        let _ = writeln!(out, "    modality: {}", c.modality.as_str().replace('_', " "));
    }
    if c.polarity == Polarity::Negated {
        out.push_str("    polarity: negated\n");
    }
    for s in &c.stances {
        let kind = s.kind.as_str().replace('_', " ");
        let mut line = format!(
            "    stance: {} → {kind} {}",
            factdiff_render::one_line(&s.actor),
            factdiff_render::one_line(&s.targets.join(", "))
        );
        if !s.against.is_empty() {
            let _ = write!(line, " (against {})", factdiff_render::one_line(&s.against.join(", ")));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !c.quantities.is_empty() {
        let qs: Vec<String> = c
            .quantities
            .iter()
            .map(|q| {
                let mut s = format!("{} (= {}", factdiff_render::one_line(&q.text), q.value);
                for part in [&q.unit, &q.qualifier].into_iter().flatten() {
                    let _ = write!(s, " {}", factdiff_render::one_line(part));
                }
                if let Some(counted) = &q.counted {
                    let _ = write!(s, ", counts {}", factdiff_render::one_line(counted));
                }
                s + ")"
            })
            .collect();
        let _ = writeln!(out, "    quantities: {}", qs.join("; "));
    }
    if !c.dates.is_empty() {
        let ds: Vec<String> = c
            .dates
            .iter()
            .map(|d| {
                let rel = if d.relative { ", relative" } else { "" };
                match &d.value {
                    Some(v) => format!(
                        "{} (= {}{rel})",
                        factdiff_render::one_line(&d.text),
                        factdiff_render::one_line(v)
                    ),
                    None => factdiff_render::one_line(&d.text),
                }
            })
            .collect();
        let _ = writeln!(out, "    dates: {}", ds.join("; "));
    }
    if !c.intensifiers.is_empty() {
        let is: Vec<String> = c
            .intensifiers
            .iter()
            .map(|i| factdiff_render::one_line(&i.text))
            .collect();
        let _ = writeln!(out, "    intensifiers: {}", is.join(", "));
    }
    let _ = writeln!(out, "    check-worthiness: {:.2}", c.check_worthiness);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use factdiff_core::{Cue, DateMention, Quantity, Span, Speaker, SpeakerKind, Stance, StanceKind};

    #[test]
    fn claim_lines_show_present_attributes() {
        let text = "Japan will not back India, an official said of the 5 sites on Monday.";
        let span = Span::new(0, text.len());
        let claim = Claim {
            id: "a#3".into(),
            doc: "a".into(),
            span,
            text: text.into(),
            sentence: 3,
            headline: false,
            speaker: Speaker {
                kind: SpeakerKind::Anonymous,
                ..Speaker::author()
            },
            quote: None,
            entities: vec![],
            subject: None,
            predicate: None,
            polarity: Polarity::Negated,
            modality: Modality::Prediction,
            intensifiers: vec![Cue {
                text: "firmly".into(),
                span,
            }],
            stances: vec![Stance {
                actor: "Japan".into(),
                kind: StanceKind::Support,
                targets: vec!["India".into()],
                against: vec!["Pakistan".into()],
                cue: Cue {
                    text: "back".into(),
                    span,
                },
            }],
            quantities: vec![Quantity {
                value: 5.0,
                unit: None,
                counted: Some("site".into()),
                qualifier: Some("at least".into()),
                text: "5 sites".into(),
                span,
            }],
            dates: vec![DateMention {
                text: "Monday".into(),
                span,
                value: Some("2025-05-12".into()),
                relative: true,
            }],
            evaluative: vec![],
            refutation: None,
            check_worthiness: 0.5,
        };
        let out = claims_text(&[("a".into(), vec![claim])]);
        assert_eq!(
            out,
            "#3 [unnamed sources] Japan will not back India, an official said of the 5 sites on Monday.\n\
             \x20   modality: prediction\n\
             \x20   polarity: negated\n\
             \x20   stance: Japan → support India (against Pakistan)\n\
             \x20   quantities: 5 sites (= 5 at least, counts site)\n\
             \x20   dates: Monday (= 2025-05-12, relative)\n\
             \x20   intensifiers: firmly\n\
             \x20   check-worthiness: 0.50\n"
        );
    }
}
