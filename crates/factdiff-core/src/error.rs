//! Errors factdiff reports to its callers. Each message says what to do next.

use std::path::PathBuf;

/// Everything that can go wrong for a caller of factdiff-core: unreadable or unusable input,
/// invalid options, or a comparison stopped on request. Each message names the input and says what
/// to do; the pipeline itself does not fail on any text.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A named file or directory does not exist.
    #[error("{path}: no such file or directory")]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// A file or directory exists but could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The path being read.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 text ({}); convert it to UTF-8 first{}", utf8_problem(*offset, *encoding), iconv_hint(*encoding))]
    /// A file's bytes are not UTF-8 text.
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// The first invalid byte.
        offset: usize,
        /// The encoding the bytes are recognised as, when one is ("UTF-16LE").
        encoding: Option<&'static str>,
    },
    /// A file looks binary (a NUL byte near its start, or a known binary file signature).
    #[error("{path}: looks like a binary file, not text")]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// A directory holds no file of a supported format.
    #[error("{path}: no documents found (supported: .txt, .md, .html, .htm, .jsonl)")]
    NoDocuments {
        /// The directory.
        path: PathBuf,
    },
    /// A line of a JSONL file is not a document object.
    #[error("{path}: line {line}: {message}")]
    BadJsonl {
        /// The JSONL file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// A file is over the size limit (`LoadOptions::max_bytes`).
    #[error("{path}: file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Nothing to compare: no path and no stdin.
    #[error("no input documents: give at least one file, directory or '-' for stdin")]
    NoInput,
    /// Every document is empty or whitespace.
    #[error("every input document is empty or only whitespace: {}", list(.ids))]
    EmptyInput {
        /// The ids of the empty documents.
        ids: Vec<String>,
    },
    /// Two documents have the same id.
    #[error("duplicate document id '{id}': ids are file names without extension and JSONL \"id\" fields; give each document a distinct name")]
    DuplicateId {
        /// The id given twice.
        id: String,
    },
    /// A document is unusable: an empty id, or a set-aside span outside its text.
    #[error("invalid document '{id}': {message}")]
    InvalidDocument {
        /// The document's id.
        id: String,
        /// What is wrong.
        message: String,
    },
    /// An option is out of its range ([`Config::validate`](crate::Config::validate)).
    #[error("option {name} {message}")]
    InvalidOption {
        /// The option's name, as in the JSON configuration.
        name: &'static str,
        /// What is wrong with its value.
        message: String,
    },
    /// The embedder (`CompareOptions::embed`) failed or gave unusable vectors: not one per
    /// sentence, of different lengths, or holding a number that is not finite.
    #[error("sentence vectors: {message}")]
    Embedding {
        /// What went wrong.
        message: String,
    },
    /// The caller's stop flag (`CompareOptions::should_stop`) was set.
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

/// A result whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
