//! The `report` and `claims` subcommands.

use crate::input::{self, CliError};
use clap::{Args, ValueEnum};
use factdiff_core::{ingest::DEFAULT_MAX_BYTES, Claim, Config, Modality, Polarity, StanceKind};
use factdiff_render::{Format, Options};
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Files, directories (their .txt, .md, .html and .jsonl files) or `-` for stdin.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Write the report to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Refuse input files larger than N bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Colour the text report: auto = only on a terminal and when NO_COLOR is unset.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Args, Debug)]
pub struct ClaimsArgs {
    /// A file, a directory or `-` for stdin.
    pub input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Text)]
    pub format: ClaimsFormat,
    /// Refuse input files larger than N bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ReportFormat {
    Text,
    #[value(alias = "markdown")]
    Md,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ClaimsFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `factdiff report`: compare the inputs and render the report.
pub fn report(args: &ReportArgs) -> Result<(), CliError> {
    let docs = input::load(&args.inputs, args.max_bytes)?;
    let report = factdiff_core::compare(&docs, &Config::default())?;
    let format = match args.format {
        ReportFormat::Text => Format::Text,
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Json => Format::Json,
    };
    let color = matches!(format, Format::Text) && use_color(args.color, args.output.is_some());
    let out = factdiff_render::render(&report, format, &Options { color, width: width() });
    emit(args.output.as_deref(), &out)
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
            let _ = writeln!(out, "{}== {} ==", if i > 0 { "\n" } else { "" }, one_line(doc));
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
        one_line(&c.speaker.label()),
        one_line(&c.text)
    );
    let modality = match c.modality {
        Modality::Fact => None,
        Modality::Hedged => Some("hedged"),
        Modality::Prediction => Some("prediction"),
        Modality::Conditional => Some("conditional"),
        Modality::CallToAction => Some("call to action"),
    };
    if let Some(m) = modality {
        let _ = writeln!(out, "    modality: {m}");
    }
    if c.polarity == Polarity::Negated {
        out.push_str("    polarity: negated\n");
    }
    for s in &c.stances {
        let kind = match s.kind {
            StanceKind::Support => "support",
            StanceKind::Oppose => "oppose",
            StanceKind::BothSides => "both sides",
            StanceKind::Concern => "concern",
        };
        let mut line = format!(
            "    stance: {} → {kind} {}",
            one_line(&s.actor),
            one_line(&s.targets.join(", "))
        );
        if !s.against.is_empty() {
            let _ = write!(line, " (against {})", one_line(&s.against.join(", ")));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !c.quantities.is_empty() {
        let qs: Vec<String> = c
            .quantities
            .iter()
            .map(|q| {
                let mut s = format!("{} (= {}", one_line(&q.text), q.value);
                for part in [&q.unit, &q.qualifier].into_iter().flatten() {
                    let _ = write!(s, " {}", one_line(part));
                }
                if let Some(counted) = &q.counted {
                    let _ = write!(s, ", counts {}", one_line(counted));
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
                    Some(v) => format!("{} (= {}{rel})", one_line(&d.text), one_line(v)),
                    None => one_line(&d.text),
                }
            })
            .collect();
        let _ = writeln!(out, "    dates: {}", ds.join("; "));
    }
    if !c.intensifiers.is_empty() {
        let is: Vec<String> = c.intensifiers.iter().map(|i| one_line(&i.text)).collect();
        let _ = writeln!(out, "    intensifiers: {}", is.join(", "));
    }
    let _ = writeln!(out, "    check-worthiness: {:.2}", c.check_worthiness);
}

/// Text on one line with control characters made harmless for the terminal.
fn one_line(s: &str) -> String {
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| w.chars().map(|c| if c.is_control() { '\u{FFFD}' } else { c }).collect())
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use factdiff_core::{Cue, DateMention, Quantity, Span, Speaker, SpeakerKind, Stance};

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
