//! Ingest: turn files and bytes into [`Document`]s.
//!
//! Formats: `.txt`, `.md`/`.markdown` (markup stripped), `.html`/`.htm` (main
//! text), `.jsonl` (one document per line). This is the only module that
//! touches the file system, so the CLI and the Python package load the same way.

mod html;
mod html_depth;
mod jsonl;
mod markdown;

use crate::{Document, Error, RemovalReason, Result, SetAside, Span};
use std::borrow::Cow;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Default cap on one input file (bytes).
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// How many leading bytes are searched for a NUL when sniffing binary files.
const SNIFF_BYTES: usize = 8 * 1024;

/// Leading bytes of common binary formats: PNG, PDF, ZIP, gzip, ELF.
const MAGIC: &[&[u8]] = &[
    b"\x89PNG\r\n\x1a\n",
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x1f\x8b",
    b"\x7fELF",
];

/// An input format, chosen from the file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text, kept byte for byte (only a UTF-8 BOM is removed).
    Text,
    /// Markdown; markup is stripped to plain text.
    Markdown,
    /// HTML; the main text is extracted.
    Html,
    /// JSON Lines: one document object per line.
    Jsonl,
}

impl Format {
    /// Format from a file extension; `None` for unsupported files.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "jsonl" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// How inputs are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    /// Files over this many bytes are refused (checked from the metadata before reading).
    pub max_bytes: u64,
    /// Skip JSONL lines that are not a valid document (listed in [`Loaded::skipped`]) instead of
    /// refusing the whole file.
    pub skip_bad_lines: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            skip_bad_lines: false,
        }
    }
}

/// A JSONL line left out because it was not a valid document (with `skip_bad_lines`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedLine {
    /// The JSONL file.
    pub path: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with the line.
    pub message: String,
}

/// What loading produced: the documents, and the JSONL lines skipped on the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    /// The documents, files in name order, a JSONL file's documents in line order.
    pub docs: Vec<Document>,
    /// JSONL lines left out (only with `skip_bad_lines`; otherwise a bad line is an error).
    pub skipped: Vec<SkippedLine>,
}

/// Load files and directories (their supported files, sorted by name); stdin is the caller's job
/// (pass its bytes to [`parse`]).
///
/// Directories are walked recursively, skipping hidden entries; an explicitly
/// named file with an unknown extension is read as plain text.
pub fn load(paths: &[PathBuf], options: &LoadOptions) -> Result<Loaded> {
    let mut loaded = Loaded::default();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
        if meta.is_dir() {
            let files = list_dir(path)?;
            if files.is_empty() {
                return Err(Error::NoDocuments { path: path.clone() });
            }
            for (file, format) in files {
                load_file(&file, format, options, &mut loaded)?;
            }
        } else {
            let format = Format::from_path(path).unwrap_or(Format::Text);
            load_file(path, format, options, &mut loaded)?;
        }
    }
    Ok(loaded)
}

/// Parse the bytes of one input. `name` is used for the id (its file stem) and in errors.
pub fn parse(name: &Path, bytes: &[u8], format: Format) -> Result<Vec<Document>> {
    parse_into(name, bytes, format, None)
}

/// [`parse`], with bad JSONL lines recorded in `skipped` instead of failing, when it is given.
fn parse_into(
    name: &Path,
    bytes: &[u8],
    format: Format,
    skipped: Option<&mut Vec<SkippedLine>>,
) -> Result<Vec<Document>> {
    let text = decode(name, bytes)?;
    let id = doc_id(name);
    Ok(match format {
        Format::Text => vec![Document::new(id, text)],
        Format::Markdown => vec![markdown::to_document(id, &normalize_newlines(text))],
        Format::Html => vec![html::to_document(id, &normalize_newlines(text))],
        Format::Jsonl => jsonl::parse(name, &id, text, skipped)?,
    })
}

/// Parse one line of a JSON Lines input that is read line by line (the CLI's streaming mode).
///
/// The line is read exactly as in a `.jsonl` file (same fields; a missing id becomes
/// `<stem of name>-<number>`) and must also carry `group_field`, a string or a number, which is
/// returned as written. Blank lines give `Ok(None)`. Errors name `name` and the line `number`.
pub fn parse_jsonl_line(
    name: &Path,
    number: usize,
    line: &str,
    group_field: &str,
) -> Result<Option<(Document, serde_json::Value)>> {
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.trim().is_empty() {
        return Ok(None);
    }
    jsonl::parse_grouped_line(line, &doc_id(name), number, group_field)
        .map(Some)
        .map_err(|message| Error::BadJsonl {
            path: name.to_path_buf(),
            line: number,
            message,
        })
}

/// The supported files under `dir` (recursively, hidden entries skipped), sorted by path.
///
/// Symbolic links are followed, to files and to directories (a directory reached twice, as through
/// a link to an ancestor, is walked once). A link that cannot be followed (its target is missing,
/// or links loop) is an error naming it, like a file that cannot be read: nothing is skipped
/// without a word.
fn list_dir(dir: &Path) -> Result<Vec<(PathBuf, Format)>> {
    let mut files = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        if !seen.insert(fs::canonicalize(&current).map_err(|e| io_error(&current, e))?) {
            continue;
        }
        let entries = fs::read_dir(&current).map_err(|e| io_error(&current, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| io_error(&current, e))?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let mut kind = entry.file_type().map_err(|e| io_error(&path, e))?;
            if kind.is_symlink() {
                kind = fs::metadata(&path).map_err(|e| link_error(&path, e))?.file_type();
            }
            if kind.is_dir() {
                pending.push(path);
            } else if let Some(format) = Format::from_path(&path) {
                if kind.is_file() {
                    files.push((path, format));
                }
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// The error for a symbolic link that cannot be followed: "broken symbolic link to 'x.txt'" when
/// its target is missing (not "no such file", which would deny the link itself exists).
fn link_error(path: &Path, source: std::io::Error) -> Error {
    let source = match (source.kind(), fs::read_link(path)) {
        (std::io::ErrorKind::NotFound, Ok(target)) => std::io::Error::new(
            source.kind(),
            format!(
                "broken symbolic link to '{}' (remove it or fix its target)",
                target.display()
            ),
        ),
        // Links that point at each other: "Too many levels of symbolic links".
        (_, Ok(target)) => std::io::Error::new(
            source.kind(),
            format!("cannot follow symbolic link to '{}': {source}", target.display()),
        ),
        (_, Err(_)) => source,
    };
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Read one file (refusing files over `max_bytes` before reading them) and parse it into `loaded`.
fn load_file(path: &Path, format: Format, options: &LoadOptions, loaded: &mut Loaded) -> Result<()> {
    let max_bytes = options.max_bytes;
    let too_large = |size| Error::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: max_bytes,
    };
    let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.len() > max_bytes {
        return Err(too_large(meta.len()));
    }
    let file = fs::File::open(path).map_err(|e| io_error(path, e))?;
    let mut bytes = Vec::new();
    // The file may have grown since the metadata check (or be a pipe): cap the read too.
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > max_bytes {
        return Err(too_large(size));
    }
    let skipped = options.skip_bad_lines.then_some(&mut loaded.skipped);
    loaded.docs.extend(parse_into(path, &bytes, format, skipped)?);
    Ok(())
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    if source.kind() == std::io::ErrorKind::NotFound {
        Error::NotFound {
            path: path.to_path_buf(),
        }
    } else {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Check that `bytes` are UTF-8 text and return them without a leading BOM.
fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str> {
    // UTF-16 or UTF-32 text: say which and "convert to UTF-8" rather than "binary" (such text is
    // full of NULs).
    if let Some(encoding) = wide_encoding(bytes) {
        return Err(Error::NotUtf8 {
            path: path.to_path_buf(),
            offset: 0,
            encoding: Some(encoding),
        });
    }
    if is_binary(bytes) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.valid_up_to(),
        encoding: None,
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// UTF-32 or UTF-16 text, recognised by its byte-order mark or, for UTF-16 without one, by a NUL
/// in every other byte of the first 8 KiB (ASCII text encoded as UTF-16) and nowhere else.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    const MARKS: [(&[u8], &str); 4] = [
        (b"\xff\xfe\0\0", "UTF-32LE"),
        (b"\0\0\xfe\xff", "UTF-32BE"),
        (b"\xff\xfe", "UTF-16LE"),
        (b"\xfe\xff", "UTF-16BE"),
    ];
    if let Some((_, name)) = MARKS.iter().find(|(mark, _)| bytes.starts_with(mark)) {
        return Some(name);
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    if head.len() < 8 {
        return None;
    }
    let nul_at = |parity: usize| head.iter().skip(parity).step_by(2).all(|&b| b == 0);
    let none_at = |parity: usize| head.iter().skip(parity).step_by(2).all(|&b| b != 0);
    if nul_at(1) && none_at(0) {
        Some("UTF-16LE")
    } else if nul_at(0) && none_at(1) {
        Some("UTF-16BE")
    } else {
        None
    }
}

fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    head.contains(&0) || MAGIC.iter().any(|magic| bytes.starts_with(magic))
}

/// The document id for a file: its stem (`a/b.txt` → `b`).
fn doc_id(name: &Path) -> String {
    match name.file_stem() {
        Some(stem) => stem.to_string_lossy().into_owned(),
        None => name.to_string_lossy().into_owned(),
    }
}

/// CRLF and lone CR to LF (for formats whose text is derived, not kept verbatim).
fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Document text built paragraph by paragraph (Markdown blocks, HTML blocks), with the paragraphs
/// that are set aside and their reasons.
#[derive(Default)]
struct TextBuilder {
    text: String,
    set_aside: Vec<SetAside>,
}

impl TextBuilder {
    /// Append a paragraph after a blank line; see [`TextBuilder::push_after`].
    fn push(&mut self, paragraph: &str, reason: Option<RemovalReason>) {
        self.push_after("\n\n", paragraph, reason);
    }

    /// Append `paragraph` (trimmed; nothing when that leaves it empty) after `separator`. With a
    /// reason it is set aside; right after a paragraph set aside for the same reason, it joins
    /// that one's span on a line of its own.
    fn push_after(&mut self, separator: &str, paragraph: &str, reason: Option<RemovalReason>) {
        let paragraph = paragraph.trim();
        if paragraph.is_empty() {
            return;
        }
        let end = self.text.len();
        let joins = reason.is_some()
            && self
                .set_aside
                .last()
                .is_some_and(|last| Some(last.reason) == reason && last.span.end_byte == end);
        if !self.text.is_empty() {
            self.text.push_str(if joins { "\n" } else { separator });
        }
        let start = self.text.len();
        self.text.push_str(paragraph);
        match (reason, self.set_aside.last_mut()) {
            (Some(_), Some(last)) if joins => last.span.end_byte = self.text.len(),
            (Some(reason), _) => self.set_aside.push(SetAside {
                span: Span::new(start, self.text.len()),
                reason,
            }),
            (None, _) => {}
        }
    }

    /// Append everything `other` built, after a blank line.
    fn append(&mut self, other: TextBuilder) {
        if other.text.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.set_aside.extend(other.set_aside.into_iter().map(|a| SetAside {
            span: Span::new(a.span.start_byte + base, a.span.end_byte + base),
            reason: a.reason,
        }));
    }

    fn finish(self) -> (String, Vec<SetAside>) {
        (self.text, self.set_aside)
    }
}

/// A `YYYY-MM-DD` prefix of a date or timestamp (`2024-05-06T10:00Z` → `2024-05-06`).
fn date_prefix(value: &str) -> Option<String> {
    let value = value.trim();
    let date = value.get(..10)?;
    let ok = date.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    let rest_ok = !value[date.len()..].starts_with(|c: char| c.is_ascii_digit());
    (ok && rest_ok).then(|| date.to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn load_paths(paths: &[PathBuf], max_bytes: u64) -> Result<Vec<Document>> {
        let options = LoadOptions {
            max_bytes,
            ..LoadOptions::default()
        };
        Ok(load(paths, &options)?.docs)
    }

    /// A fresh, empty directory under the system temp dir.
    fn temp_dir(tag: &str) -> PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("factdiff-ingest-{}-{tag}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(Format::from_path(Path::new("a.TXT")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("a.text")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("a.md")), Some(Format::Markdown));
        assert_eq!(Format::from_path(Path::new("a.markdown")), Some(Format::Markdown));
        assert_eq!(Format::from_path(Path::new("a.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("d/a.html")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("a.jsonl")), Some(Format::Jsonl));
        assert_eq!(Format::from_path(Path::new("a.log")), None);
        assert_eq!(Format::from_path(Path::new("README")), None);
    }

    #[test]
    fn text_is_kept_verbatim_and_id_is_stem() {
        let docs = parse(
            Path::new("dir/000_9e1a4f7eaa7ea2dc.txt"),
            b"Line one.\r\nLine two.\rEnd",
            Format::Text,
        )
        .unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "000_9e1a4f7eaa7ea2dc");
        assert_eq!(docs[0].text, "Line one.\r\nLine two.\rEnd");
    }

    #[test]
    fn bom_is_stripped() {
        let docs = parse(Path::new("a.txt"), b"\xef\xbb\xbfHello", Format::Text).unwrap();
        assert_eq!(docs[0].text, "Hello");
        let docs = parse(Path::new("a.md"), b"\xef\xbb\xbf# Hi", Format::Markdown).unwrap();
        assert_eq!(docs[0].title.as_deref(), Some("Hi"));
    }

    #[test]
    fn invalid_utf8_reports_offset() {
        let err = parse(Path::new("a.txt"), b"abc\xffdef", Format::Text).unwrap_err();
        assert!(matches!(err, Error::NotUtf8 { offset: 3, .. }), "{err:?}");
        let err = parse(Path::new("a.txt"), b"\xff\xfeh\0i\0", Format::Text).unwrap_err();
        assert!(matches!(err, Error::NotUtf8 { offset: 0, .. }), "{err:?}");
        assert!(err.to_string().contains("it is UTF-16LE text"), "{err}");
        assert!(err.to_string().contains("iconv -f UTF-16LE -t UTF-8"), "{err}");
        assert!(!err.to_string().contains("byte 0"), "{err}");
        let utf16be: Vec<u8> = "Hello there.".bytes().flat_map(|b| [0, b]).collect();
        let err = parse(Path::new("a.txt"), &utf16be, Format::Text).unwrap_err();
        assert!(err.to_string().contains("it is UTF-16BE text"), "{err}");
        let err = parse(Path::new("a.txt"), b"\xff\xfe\0\0h\0\0\0", Format::Text).unwrap_err();
        assert!(err.to_string().contains("UTF-32LE"), "{err}");
    }

    #[test]
    fn binary_is_rejected() {
        for bytes in [
            &b"text\0more"[..],
            b"\x89PNG\r\n\x1a\nxxxx",
            b"%PDF-1.7 hello",
            b"PK\x03\x04zip",
            b"\x1f\x8bgz",
            b"\x7fELFbin",
        ] {
            let err = parse(Path::new("a.txt"), bytes, Format::Text).unwrap_err();
            assert!(matches!(err, Error::Binary { .. }), "{bytes:?}: {err:?}");
        }
        // A NUL beyond the sniffed prefix is not binary detection's business.
        let mut late = vec![b'a'; SNIFF_BYTES];
        late.push(0);
        assert!(parse(Path::new("a.txt"), &late, Format::Text).is_ok());
    }

    #[test]
    fn dates_are_cut_to_the_day() {
        assert_eq!(date_prefix("2024-05-06T10:00:00Z").as_deref(), Some("2024-05-06"));
        assert_eq!(date_prefix(" 2024-05-06 ").as_deref(), Some("2024-05-06"));
        assert_eq!(date_prefix("2024-5-6"), None);
        assert_eq!(date_prefix("20240-05-06"), None);
        assert_eq!(date_prefix("2024-05-066"), None);
        assert_eq!(date_prefix("May 6"), None);
        assert_eq!(date_prefix("2024-05-0é"), None);
    }

    #[test]
    fn jsonl_lines_one_at_a_time() {
        let name = Path::new("in/corpus.jsonl");
        let (doc, key) = parse_jsonl_line(name, 4, "{\"story\":\"s1\",\"text\":\"Hi.\"}\r\n", "story")
            .unwrap()
            .unwrap();
        assert_eq!((doc.id.as_str(), doc.text.as_str()), ("corpus-4", "Hi."));
        assert_eq!(key, serde_json::json!("s1"));
        let (_, key) = parse_jsonl_line(name, 1, r#"{"story":17,"id":"x","text":"t"}"#, "story")
            .unwrap()
            .unwrap();
        assert_eq!(key, serde_json::json!(17));
        assert!(parse_jsonl_line(name, 2, "  \n", "story").unwrap().is_none());
        for (line, wanted) in [
            (r#"{"text":"no key"}"#, "missing \"story\""),
            (r#"{"story":null,"text":"t"}"#, "missing \"story\""),
            (r#"{"story":[1],"text":"t"}"#, "string or a number"),
            (r#"{"story":"s"}"#, "missing \"text\""),
            ("{oops", "invalid JSON"),
        ] {
            match parse_jsonl_line(name, 9, line, "story") {
                Err(Error::BadJsonl { path, line: 9, message }) => {
                    assert_eq!(path, name);
                    assert!(message.contains(wanted), "{line}: {message}");
                }
                other => panic!("{line}: expected BadJsonl at line 9, got {other:?}"),
            }
        }
    }

    #[test]
    fn loads_directories_sorted_and_skips_hidden() {
        let dir = temp_dir("dir");
        fs::write(dir.join("b.txt"), "Bee.").unwrap();
        fs::write(dir.join("a.md"), "# Ay\n\nText.").unwrap();
        fs::write(dir.join(".hidden.txt"), "no").unwrap();
        fs::write(dir.join("notes.log"), "skipped in directories").unwrap();
        fs::create_dir(dir.join("sub")).unwrap();
        fs::write(dir.join("sub/c.html"), "<p>See</p>").unwrap();
        fs::write(dir.join("sub/d.jsonl"), "{\"text\":\"one\"}\n\n{\"text\":\"two\"}\n").unwrap();

        let docs = load_paths(std::slice::from_ref(&dir), DEFAULT_MAX_BYTES).unwrap();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d-1", "d-3"]);
        assert_eq!(docs[0].title.as_deref(), Some("Ay"));
        assert_eq!(docs[2].text, "See");

        // An explicitly named file with an unknown extension is plain text.
        let docs = load_paths(&[dir.join("notes.log")], DEFAULT_MAX_BYTES).unwrap();
        assert_eq!(docs[0].id, "notes");
        assert_eq!(docs[0].text, "skipped in directories");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_followed_or_refused_never_skipped() {
        use std::os::unix::fs::symlink;
        let dir = temp_dir("links");
        fs::write(dir.join("a.txt"), "Ay.").unwrap();
        fs::create_dir(dir.join("sub")).unwrap();
        fs::write(dir.join("sub/b.txt"), "Bee.").unwrap();
        symlink(dir.join("sub"), dir.join("linked")).unwrap();
        symlink("..", dir.join("sub/up")).unwrap();
        let docs = load_paths(std::slice::from_ref(&dir), DEFAULT_MAX_BYTES).unwrap();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        // `sub` is reached twice (`sub`, `linked`) and the root again through `sub/up`: walked once.
        assert_eq!(ids, ["a", "b"]);

        symlink("missing.txt", dir.join("broken.txt")).unwrap();
        let err = load_paths(std::slice::from_ref(&dir), DEFAULT_MAX_BYTES).unwrap_err();
        assert!(matches!(err, Error::Io { .. }), "{err:?}");
        let message = err.to_string();
        assert!(
            message.contains("broken.txt: cannot read: broken symbolic link to 'missing.txt'"),
            "{message}"
        );
        fs::remove_file(dir.join("broken.txt")).unwrap();

        symlink("loop2", dir.join("loop1")).unwrap();
        symlink("loop1", dir.join("loop2")).unwrap();
        let err = load_paths(std::slice::from_ref(&dir), DEFAULT_MAX_BYTES).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("cannot follow symbolic link to 'loop"), "{message}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn load_errors() {
        let dir = temp_dir("errors");
        let missing = dir.join("missing.txt");
        let err = load_paths(&[missing], DEFAULT_MAX_BYTES).unwrap_err();
        assert!(matches!(err, Error::NotFound { .. }), "{err:?}");

        fs::write(dir.join("big.txt"), "0123456789").unwrap();
        let err = load_paths(&[dir.join("big.txt")], 5).unwrap_err();
        assert!(matches!(err, Error::TooLarge { size: 10, limit: 5, .. }), "{err:?}");
        assert!(load_paths(&[dir.join("big.txt")], 10).is_ok());

        fs::write(dir.join("image.log"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
        let err = load_paths(&[dir.join("image.log")], DEFAULT_MAX_BYTES).unwrap_err();
        assert!(matches!(err, Error::Binary { .. }), "{err:?}");

        let empty = dir.join("empty");
        fs::create_dir(&empty).unwrap();
        fs::write(empty.join("x.log"), "unsupported").unwrap();
        let err = load_paths(&[empty], DEFAULT_MAX_BYTES).unwrap_err();
        assert!(matches!(err, Error::NoDocuments { .. }), "{err:?}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
