//! Turning command-line inputs (files, directories, `-`) into documents, and the CLI's error type.

use factdiff_core::ingest::{self, Format, LoadOptions};
use factdiff_core::Document;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Everything that can stop a command. Each displays as one line.
#[derive(Debug)]
pub enum CliError {
    Core(factdiff_core::Error),
    /// An I/O error with what we were doing ("report.json: cannot write").
    Io(String, io::Error),
    Message(String),
}

impl CliError {
    /// True when stdout was closed by the reader, which is not worth reporting.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Io(_, e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // The same hint as for stdin: the CLI's name for the limit.
            CliError::Core(e @ factdiff_core::Error::TooLarge { .. }) => write!(f, "{e} (raise it with --max-bytes)"),
            CliError::Core(e) => write!(f, "{e}"),
            CliError::Io(what, e) => write!(f, "{what}: {e}"),
            CliError::Message(m) => f.write_str(m),
        }
    }
}

impl From<factdiff_core::Error> for CliError {
    fn from(e: factdiff_core::Error) -> Self {
        CliError::Core(e)
    }
}

/// Load every input in order. Runs of paths go to the core's loader together;
/// `-` reads stdin fully and parses it as plain text named "stdin".
pub fn load(inputs: &[PathBuf], max_bytes: u64) -> Result<Vec<Document>, CliError> {
    let options = LoadOptions {
        max_bytes,
        skip_bad_lines: false,
    };
    load_with(inputs, &options)
}

/// [`load`] with all options; JSONL lines skipped with `skip_bad_lines` are listed on stderr as
/// one warning per file (`factdiff: warning: feed.jsonl: skipped bad lines 2, 4 (line 2: …)`).
pub fn load_with(inputs: &[PathBuf], options: &LoadOptions) -> Result<Vec<Document>, CliError> {
    let mut loaded = ingest::Loaded::default();
    let mut paths: Vec<PathBuf> = Vec::new();
    let flush = |paths: &mut Vec<PathBuf>, loaded: &mut ingest::Loaded| -> Result<(), CliError> {
        if !paths.is_empty() {
            let more = ingest::load(paths, options)?;
            loaded.docs.extend(more.docs);
            loaded.skipped.extend(more.skipped);
            paths.clear();
        }
        Ok(())
    };
    for input in inputs {
        if input.as_os_str() == "-" {
            flush(&mut paths, &mut loaded)?;
            loaded.docs.extend(read_stdin(options.max_bytes)?);
        } else {
            paths.push(input.clone());
        }
    }
    flush(&mut paths, &mut loaded)?;
    warn_skipped(&loaded.skipped);
    Ok(loaded.docs)
}

fn warn_skipped(skipped: &[ingest::SkippedLine]) {
    let mut by_file: Vec<(&Path, Vec<&ingest::SkippedLine>)> = Vec::new();
    for s in skipped {
        match by_file.last_mut() {
            Some((path, lines)) if *path == s.path.as_path() => lines.push(s),
            _ => by_file.push((&s.path, vec![s])),
        }
    }
    let mut err = io::stderr().lock();
    for (path, lines) in by_file {
        let numbers: Vec<String> = lines.iter().map(|s| s.line.to_string()).collect();
        let warning = format!(
            "{}: skipped bad line{} {} (line {}: {})",
            path.display(),
            if lines.len() == 1 { "" } else { "s" },
            numbers.join(", "),
            lines[0].line,
            lines[0].message
        );
        let _ = writeln!(err, "factdiff: warning: {}", factdiff_render::one_line(&warning));
    }
}

fn read_stdin(max_bytes: u64) -> Result<Vec<Document>, CliError> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::Io("stdin: cannot read".into(), e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(CliError::Message(format!(
            "stdin: input is over the limit of {max_bytes} bytes (raise it with --max-bytes)"
        )));
    }
    Ok(ingest::parse(Path::new("stdin"), &bytes, Format::Text)?)
}
