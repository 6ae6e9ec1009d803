//! Streaming mode of `factdiff report`: `--jsonl-in FILE --group-by FIELD [--jsonl-out FILE]`.
//!
//! The input is JSON Lines, one document per line, read exactly as a `.jsonl` file is (same
//! fields, same default ids). Consecutive lines with the same value of FIELD form one story;
//! each story is compared on its own and written as one JSON line ([`StoryLine`]). Memory holds
//! only the stories in flight (at most [`window`] of them) plus the keys of the stories already
//! done, so a corpus of any size streams through.
//!
//! Stories are expected to be contiguous. A key that comes back after its story was closed is an
//! error naming both places: comparing half a story would silently miss the contradictions
//! between its halves.

use crate::args::{FailOn, ReportArgs};
use crate::input::CliError;
use factdiff_core::{ingest, Config, Document, Finding, FindingKind, SourceStats};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// One output line: the comparison of one story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryLine {
    /// The value of the --group-by field, as written in the input (string or number).
    pub story: Value,
    /// Line numbers (1-based, in the input) of the story's first and last document.
    pub lines: [usize; 2],
    /// Number of documents in the story.
    pub documents: usize,
    /// Counts for the story.
    pub summary: Summary,
    /// The findings, exactly as in `report --format json` for the story alone (after
    /// --min-severity). Evidence spans are byte offsets into each document's `text` in the input.
    pub findings: Vec<Finding>,
    /// Per-document statistics, as in the JSON report.
    pub sources: Vec<SourceStats>,
    /// The report's warnings for the story, as in the JSON report.
    pub warnings: Vec<String>,
}

/// Counts for one story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Claims extracted from the story's documents.
    pub claims: usize,
    /// Findings after --min-severity.
    pub findings: usize,
    /// Findings per kind; every kind is present, zero included.
    pub by_kind: BTreeMap<FindingKind, usize>,
    /// Overall consistency of the story in 0..=1, as in the JSON report.
    pub consistency: f64,
}

/// How many stories may be read ahead of the one being written: two per worker thread, so
/// every thread has work while the oldest story is still running.
pub fn window() -> usize {
    2 * rayon::current_num_threads().max(1)
}

/// `factdiff report --jsonl-in …`. Returns whether any story had a finding matching --fail-on.
pub fn report(args: &ReportArgs) -> Result<bool, CliError> {
    let (Some(input), Some(field)) = (&args.stream.jsonl_in, &args.stream.group_by) else {
        return Err(CliError::Message("--group-by works with --jsonl-in FILE only".into()));
    };
    if !crate::judge::is_lexical(&args.judge) {
        return Err(CliError::Message(
            "--jsonl-in runs with the built-in judge only; drop --judge".into(),
        ));
    }
    let (name, reader): (PathBuf, Box<dyn Read>) = if input.as_os_str() == "-" {
        (PathBuf::from("stdin"), Box::new(io::stdin()))
    } else {
        let file = std::fs::File::open(input).map_err(|e| io_error(input, e))?;
        (input.clone(), Box::new(file))
    };
    let mut stories = StoryReader::new(name, BufReader::with_capacity(1 << 20, reader), field, args.max_bytes);
    let mut out = Output::open(args.stream.jsonl_out.as_deref(), args.quiet)?;
    let job = Arc::new(Job {
        config: Config::default(),
        min_severity: args.min_severity.map(|m| m.severity()),
        fail_on: args.fail_on.clone(),
    });
    let mut progress = Progress::start(args.quiet);
    let result = run_stories(&mut stories, &job, &mut out, &mut progress);
    progress.finish(result.is_ok());
    if result.is_ok() && stories.stories == 0 {
        return Err(factdiff_core::Error::NoDocuments { path: stories.name }.into());
    }
    result
}

/// Read stories, compare them on the rayon pool with at most [`window`] in flight, and write
/// their lines in input order. Returns whether any story matched --fail-on.
fn run_stories<R: BufRead>(
    stories: &mut StoryReader<R>,
    job: &Arc<Job>,
    out: &mut Output,
    progress: &mut Progress,
) -> Result<bool, CliError> {
    let (tx, rx) = mpsc::channel();
    let (mut submitted, mut written, mut failed) = (0usize, 0usize, false);
    let mut done: BTreeMap<usize, Result<(String, bool), CliError>> = BTreeMap::new();
    // A bad line ends the reading, but the stories before it are still finished and written.
    let (mut more, mut read_error) = (true, None);
    loop {
        while more && submitted - written < window() {
            match stories.next_story() {
                Ok(Some(story)) => {
                    let (job, tx, index) = (Arc::clone(job), tx.clone(), submitted);
                    // The worker may outlive this function when a story fails; it then finds the
                    // channel closed, and its result is dropped.
                    rayon::spawn(move || {
                        let _ = tx.send((index, job.run(story)));
                    });
                    submitted += 1;
                }
                Ok(None) => more = false,
                Err(e) => (more, read_error) = (false, Some(e)),
            }
        }
        if written == submitted {
            break;
        }
        let (index, result) = rx
            .recv()
            .map_err(|_| CliError::Message("a worker thread stopped without a result".into()))?;
        done.insert(index, result);
        while let Some(result) = done.remove(&written) {
            let (line, story_failed) = result?;
            out.write_line(&line)?;
            failed |= story_failed;
            written += 1;
            progress.update(written, stories.bytes_read);
        }
    }
    match read_error {
        Some(e) => Err(e),
        None => Ok(failed),
    }
}

/// What every story shares: the configuration and the command's filters.
#[derive(Debug)]
struct Job {
    config: Config,
    min_severity: Option<factdiff_core::Severity>,
    fail_on: Vec<FailOn>,
}

impl Job {
    /// Compare one story and serialize its line; also whether it matched --fail-on.
    fn run(&self, story: Story) -> Result<(String, bool), CliError> {
        let report = factdiff_core::compare(&story.docs, &self.config, &factdiff_core::CompareOptions::default())
            .map_err(|e| CliError::Message(format!("story {} ({}): {e}", story.key, line_range(story.lines))))?;
        drop(story.docs);
        let mut findings = report.findings;
        if let Some(min) = self.min_severity {
            findings.retain(|f| f.severity >= min);
        }
        let failed = findings.iter().any(|f| self.fail_on.iter().any(|k| k.matches(f.kind)));
        let mut by_kind: BTreeMap<FindingKind, usize> = FindingKind::ALL.iter().map(|&k| (k, 0)).collect();
        for f in &findings {
            *by_kind.entry(f.kind).or_default() += 1;
        }
        let line = StoryLine {
            story: story.key,
            lines: story.lines,
            documents: report.documents.len(),
            summary: Summary {
                claims: report.claims.len(),
                findings: findings.len(),
                by_kind,
                consistency: report.consistency,
            },
            findings,
            sources: report.sources,
            warnings: report.warnings,
        };
        let text = serde_json::to_string(&line).map_err(|e| CliError::Message(e.to_string()))?;
        Ok((text, failed))
    }
}

/// The documents of one story, in input order.
#[derive(Debug)]
struct Story {
    key: Value,
    lines: [usize; 2],
    docs: Vec<Document>,
}

/// Reads lines and cuts them into stories, keeping the line that starts the next story.
struct StoryReader<R> {
    name: PathBuf,
    reader: R,
    field: String,
    max_bytes: u64,
    line_number: usize,
    bytes_read: u64,
    /// The first document of the next story, already read.
    next: Option<(Document, Value, usize)>,
    /// Keys (as JSON text) of the stories already cut, with their first and last line.
    closed: HashMap<String, [usize; 2]>,
    stories: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> StoryReader<R> {
    fn new(name: PathBuf, reader: R, field: &str, max_bytes: u64) -> Self {
        StoryReader {
            name,
            reader,
            field: field.to_string(),
            max_bytes,
            line_number: 0,
            bytes_read: 0,
            next: None,
            closed: HashMap::new(),
            stories: 0,
            buf: Vec::new(),
        }
    }

    /// The next story, or `None` at the end of the input.
    fn next_story(&mut self) -> Result<Option<Story>, CliError> {
        let first = match self.next.take() {
            Some(first) => first,
            None => match self.next_document()? {
                Some(first) => first,
                None => return Ok(None),
            },
        };
        let (doc, key, line) = first;
        let key_text = key.to_string();
        if let Some(&[start, end]) = self.closed.get(&key_text) {
            return Err(CliError::Message(format!(
                "{}: line {line}: story {key_text} appears again after its {} and other stories in between; \
                 put each story's lines together (e.g. sort the file by {:?})",
                self.name.display(),
                line_range([start, end]),
                self.field
            )));
        }
        let mut bytes = doc.text.len() as u64;
        let mut story = Story {
            key,
            lines: [line, line],
            docs: vec![doc],
        };
        while let Some((doc, key, line)) = self.next_document()? {
            if key != story.key {
                self.next = Some((doc, key, line));
                break;
            }
            bytes += doc.text.len() as u64;
            if bytes > self.max_bytes {
                return Err(CliError::Message(format!(
                    "{}: line {line}: story {key_text} (from line {}) is over the limit of {} bytes \
                     (raise it with --max-bytes)",
                    self.name.display(),
                    story.lines[0],
                    self.max_bytes
                )));
            }
            story.lines[1] = line;
            story.docs.push(doc);
        }
        self.closed.insert(key_text, story.lines);
        self.stories += 1;
        Ok(Some(story))
    }

    /// The next non-blank line as a document and its story key, with its line number.
    fn next_document(&mut self) -> Result<Option<(Document, Value, usize)>, CliError> {
        loop {
            self.buf.clear();
            let read = (&mut self.reader)
                .take(self.max_bytes.saturating_add(1))
                .read_until(b'\n', &mut self.buf)
                .map_err(|e| io_error(&self.name, e))?;
            if read == 0 {
                return Ok(None);
            }
            self.line_number += 1;
            let offset = self.bytes_read;
            self.bytes_read += read as u64;
            if self.buf.len() as u64 > self.max_bytes && !self.buf.ends_with(b"\n") {
                return Err(CliError::Message(format!(
                    "{}: line {}: line is over the limit of {} bytes (raise it with --max-bytes)",
                    self.name.display(),
                    self.line_number,
                    self.max_bytes
                )));
            }
            let mut bytes = self.buf.as_slice();
            if self.line_number == 1 {
                bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            }
            let line = std::str::from_utf8(bytes).map_err(|e| factdiff_core::Error::NotUtf8 {
                path: self.name.clone(),
                offset: usize::try_from(offset)
                    .unwrap_or(usize::MAX)
                    .saturating_add(e.valid_up_to()),
                encoding: None,
            })?;
            if let Some((doc, key)) = ingest::parse_jsonl_line(&self.name, self.line_number, line, &self.field)? {
                return Ok(Some((doc, key, self.line_number)));
            }
        }
    }
}

/// Where the story lines go: a file, stdout, or nowhere (`--quiet` without a file).
enum Output {
    File(PathBuf, BufWriter<std::fs::File>),
    Stdout(BufWriter<io::Stdout>),
    Nowhere,
}

impl Output {
    fn open(path: Option<&Path>, quiet: bool) -> Result<Output, CliError> {
        match path {
            Some(path) if path.as_os_str() != "-" => {
                let file = std::fs::File::create(path)
                    .map_err(|e| CliError::Io(format!("{}: cannot write", path.display()), e))?;
                Ok(Output::File(path.to_path_buf(), BufWriter::new(file)))
            }
            _ if quiet => Ok(Output::Nowhere),
            _ => Ok(Output::Stdout(BufWriter::new(io::stdout()))),
        }
    }

    /// One line, flushed so that a reader downstream sees each story as soon as it is done.
    fn write_line(&mut self, line: &str) -> Result<(), CliError> {
        let (what, result) = match self {
            Output::File(path, w) => (path.display().to_string(), write_flushed(w, line)),
            Output::Stdout(w) => ("stdout".to_string(), write_flushed(w, line)),
            Output::Nowhere => return Ok(()),
        };
        result.map_err(|e| CliError::Io(format!("cannot write to {what}"), e))
    }
}

fn write_flushed(w: &mut impl Write, line: &str) -> io::Result<()> {
    w.write_all(line.as_bytes())?;
    w.write_all(b"\n")?;
    w.flush()
}

/// Stories done, megabytes read and throughput on stderr, only when stderr is a terminal and
/// --quiet is not given; redrawn at most four times a second.
struct Progress {
    shown: bool,
    start: Instant,
    last: Instant,
    stories: usize,
    bytes: u64,
}

impl Progress {
    const EVERY: Duration = Duration::from_millis(250);

    fn start(quiet: bool) -> Progress {
        let now = Instant::now();
        Progress {
            shown: !quiet && io::stderr().is_terminal(),
            start: now,
            last: now,
            stories: 0,
            bytes: 0,
        }
    }

    fn update(&mut self, stories: usize, bytes: u64) {
        (self.stories, self.bytes) = (stories, bytes);
        if self.shown && self.last.elapsed() >= Self::EVERY {
            self.last = Instant::now();
            self.draw("");
        }
    }

    /// Leave the last figures as a line of their own; after an error, erase them so that the
    /// error message starts a clean line.
    fn finish(&self, ok: bool) {
        if self.shown && ok {
            self.draw("\n");
        } else if self.shown {
            let mut err = io::stderr();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }

    fn draw(&self, end: &str) {
        let seconds = self.start.elapsed().as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let mut err = io::stderr();
        let _ = write!(
            err,
            "\r\x1b[2Kfactdiff: {} {}, {mb:.1} MB read, {:.1} MB/s{end}",
            self.stories,
            if self.stories == 1 { "story" } else { "stories" },
            mb / seconds.max(1e-9)
        );
        let _ = err.flush();
    }
}

/// "lines 3-7", or "line 3" for a story of one line.
fn line_range([first, last]: [usize; 2]) -> String {
    if first == last {
        format!("line {first}")
    } else {
        format!("lines {first}-{last}")
    }
}

fn io_error(path: &Path, e: io::Error) -> CliError {
    if e.kind() == io::ErrorKind::NotFound {
        factdiff_core::Error::NotFound {
            path: path.to_path_buf(),
        }
        .into()
    } else {
        CliError::Io(format!("{}: cannot read", path.display()), e)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn reader(input: &str, max_bytes: u64) -> StoryReader<&[u8]> {
        StoryReader::new(PathBuf::from("c.jsonl"), input.as_bytes(), "story", max_bytes)
    }

    /// A story as the tests see it: key, first and last line, document ids.
    type Cut = (Value, [usize; 2], Vec<String>);

    fn keys(input: &str) -> Result<Vec<Cut>, String> {
        let mut r = reader(input, 1000);
        let mut out = Vec::new();
        while let Some(s) = r.next_story().map_err(|e| e.to_string())? {
            out.push((s.key, s.lines, s.docs.into_iter().map(|d| d.id).collect()));
        }
        Ok(out)
    }

    #[test]
    fn consecutive_lines_form_stories() {
        let input = "\u{feff}{\"story\":\"a\",\"text\":\"1\"}\n{\"story\":\"a\",\"text\":\"2\"}\r\n\n\
                     {\"story\":7,\"id\":\"x\",\"text\":\"3\"}\n{\"story\":\"7\",\"text\":\"4\"}";
        let stories = keys(input).unwrap();
        assert_eq!(
            stories,
            vec![
                (Value::from("a"), [1, 2], vec!["c-1".to_string(), "c-2".to_string()]),
                (Value::from(7), [4, 4], vec!["x".to_string()]),
                // A number and a string with the same digits are different stories.
                (Value::from("7"), [5, 5], vec!["c-5".to_string()]),
            ]
        );
    }

    #[test]
    fn a_story_that_comes_back_is_an_error_naming_both_places() {
        let input = "{\"story\":\"a\",\"text\":\"1\"}\n{\"story\":\"a\",\"text\":\"1\"}\n\
                     {\"story\":\"b\",\"text\":\"2\"}\n{\"story\":\"a\",\"text\":\"3\"}\n";
        let err = keys(input).unwrap_err();
        assert!(
            err.contains("c.jsonl: line 4: story \"a\" appears again after its lines 1-2"),
            "{err}"
        );
        let err = keys("{\"story\":1,\"text\":\"1\"}\n{\"story\":2,\"text\":\"2\"}\n{\"story\":1,\"text\":\"3\"}\n")
            .unwrap_err();
        assert!(
            err.contains("line 3: story 1 appears again after its line 1 and"),
            "{err}"
        );
    }

    #[test]
    fn limits_and_bad_lines() {
        let err = keys("{\"story\":\"a\",\"text\":\"1\"}\n{\"text\":\"2\"}\n").unwrap_err();
        assert!(err.contains("c.jsonl: line 2: missing \"story\""), "{err}");

        let long = format!("{{\"story\":1,\"text\":\"{}\"}}\n", "x".repeat(2000));
        let err = keys(&long).map(|_| ()).unwrap_err();
        assert!(err.contains("line 1: line is over the limit of 1000 bytes"), "{err}");

        let line = format!("{{\"story\":1,\"text\":\"{}\"}}\n", "x".repeat(400));
        let err = keys(&line.repeat(3)).unwrap_err();
        assert!(err.contains("line 3: story 1 (from line 1) is over the limit"), "{err}");
        assert_eq!(keys(&line.repeat(2)).unwrap().len(), 1);

        // The offset is into the whole input: 13 bytes of the first line, then 19 of the second.
        let bytes = &b"{\"text\":\"a\"}\n{\"story\":1,\"text\":\"\xff\"}"[..];
        let mut r = StoryReader::new(PathBuf::from("c.jsonl"), bytes, "text", 99);
        let err = r.next_story().unwrap_err().to_string();
        assert!(err.contains("not UTF-8 text (byte 32 is invalid)"), "{err}");
    }
}
