//! Turning command-line inputs (files, directories, `-`) into documents, and the CLI's error type.

use factdiff_core::ingest::{self, Format};
use factdiff_core::Document;
use std::io::{self, Read};
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
    let mut docs = Vec::new();
    let mut paths: Vec<PathBuf> = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            if !paths.is_empty() {
                docs.extend(ingest::load_paths(&paths, max_bytes)?);
                paths.clear();
            }
            docs.extend(read_stdin(max_bytes)?);
        } else {
            paths.push(input.clone());
        }
    }
    if !paths.is_empty() {
        docs.extend(ingest::load_paths(&paths, max_bytes)?);
    }
    Ok(docs)
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
