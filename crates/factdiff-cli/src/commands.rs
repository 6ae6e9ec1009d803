//! The `report`, `claims`, `align`, `check` and `completions` subcommands.

use crate::args::{AlignArgs, CheckArgs, ClaimsArgs, ClaimsFormat, ColorChoice, ReportArgs, ReportFormat};
use crate::input::{self, CliError};
use crate::judge;
use factdiff_core::{check_claim, CompareOptions, Config};
use factdiff_render::{render_alignments, render_check, render_claims, Format, ListFormat, Options};
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
    if matches!(format, Format::Json) {
        // Written as it is made: a report of 200,000 claims is hundreds of MB of JSON.
        emit_with(args.output.as_deref(), &mut |out| {
            factdiff_render::write_json(&report, out)
        })?;
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
    // Every aligned pair between A and B, not a spanning set of each cluster's.
    let report = judge::with_options(&args.judge, |options| {
        let options = CompareOptions {
            all_alignments: true,
            ..*options
        };
        factdiff_core::compare(&docs, &Config::default(), &options)
    })?;
    emit(None, &render_alignments(&report, &a_ids, list_format(args.format)))
}

/// `factdiff check`: the claim against the sources ([`factdiff_core::check_claim`]).
pub fn check(args: &CheckArgs) -> Result<(), CliError> {
    if args.claim.trim().is_empty() {
        return Err(CliError::Message(
            "the claim to check is empty; give it as the first argument: factdiff check \"12 people died.\" SOURCES"
                .into(),
        ));
    }
    let sources = input::load(&args.sources, args.max_bytes)?;
    let check = judge::with_options(&args.judge, |options| {
        check_claim(&args.claim, &sources, &Config::default(), options)
    })?;
    emit(None, &render_check(&check, list_format(args.format)))
}

/// `factdiff claims`: the claims of each document in the input, without comparing.
pub fn claims(args: &ClaimsArgs) -> Result<(), CliError> {
    let docs = input::load(std::slice::from_ref(&args.input), args.max_bytes)?;
    let config = Config::default();
    let mut per_doc = Vec::new();
    for doc in &docs {
        per_doc.push((doc.id.clone(), factdiff_core::extract_claims(doc, &config)?));
    }
    emit(None, &render_claims(&per_doc, list_format(args.format)))
}

fn list_format(format: ClaimsFormat) -> ListFormat {
    match format {
        ClaimsFormat::Text => ListFormat::Text,
        ClaimsFormat::Json => ListFormat::Json,
    }
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
    emit_with(output, &mut |out| out.write_all(content.as_bytes()))
}

/// Run `write` on the output file (created or truncated) or on stdout, buffered, and flush.
fn emit_with(output: Option<&Path>, write: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>) -> Result<(), CliError> {
    match output {
        Some(path) => {
            let error = |e| CliError::Io(format!("{}: cannot write", path.display()), e);
            let mut out = io::BufWriter::new(std::fs::File::create(path).map_err(error)?);
            write(&mut out).and_then(|()| out.flush()).map_err(error)
        }
        None => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            write(&mut out)
                .and_then(|()| out.flush())
                .map_err(|e| CliError::Io("cannot write to stdout".into(), e))
        }
    }
}
