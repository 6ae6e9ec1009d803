//! Errors factdiff reports to its callers. Each message says what to do next.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: no such file or directory")]
    NotFound { path: PathBuf },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 text ({}); convert it to UTF-8 first{}", utf8_problem(*offset, *encoding), iconv_hint(*encoding))]
    NotUtf8 {
        path: PathBuf,
        /// The first invalid byte.
        offset: usize,
        /// The encoding the bytes are recognised as, when one is ("UTF-16LE").
        encoding: Option<&'static str>,
    },
    #[error("{path}: looks like a binary file, not text")]
    Binary { path: PathBuf },
    #[error("{path}: no documents found (supported: .txt, .md, .html, .htm, .jsonl)")]
    NoDocuments { path: PathBuf },
    #[error("{path}: line {line}: {message}")]
    BadJsonl {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("no input documents: give at least one file, directory or '-' for stdin")]
    NoInput,
    #[error("every input document is empty or only whitespace: {}", list(.ids))]
    EmptyInput { ids: Vec<String> },
    #[error("duplicate document id '{id}': ids are file names without extension and JSONL \"id\" fields; give each document a distinct name")]
    DuplicateId { id: String },
    #[error("invalid document '{id}': {message}")]
    InvalidDocument { id: String, message: String },
    #[error("option {name} {message}")]
    InvalidOption { name: &'static str, message: String },
    #[error("cancelled before the comparison finished")]
    Cancelled,
}

/// What is wrong with text that is not UTF-8: the encoding it is in, or the first invalid byte.
fn utf8_problem(offset: usize, encoding: Option<&'static str>) -> String {
    match encoding {
        Some(encoding) => format!("it is {encoding} text"),
        None => format!("byte {offset} is invalid"),
    }
}

/// How to convert text in a recognised encoding.
fn iconv_hint(encoding: Option<&'static str>) -> String {
    encoding.map_or_else(String::new, |e| format!(" (for example: iconv -f {e} -t UTF-8)"))
}

/// The first few ids, quoted, then how many more there are.
fn list(ids: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut out: Vec<String> = ids.iter().take(SHOWN).map(|id| format!("'{id}'")).collect();
    if ids.len() > SHOWN {
        out.push(format!("and {} more", ids.len() - SHOWN));
    }
    out.join(", ")
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
