//! `factdiff._native`: the Python binding of factdiff-core, and nothing more.
//!
//! What it does: convert (data crosses as JSON strings, through serde), release the GIL around
//! the pipeline, and map errors to Python exceptions. What it does not do: any analysis. The typed
//! Python objects (Report, Claim, character offsets, DataFrames) live in `python/factdiff/`.
//!
//! Rule for long calls: take inputs as owned Rust values, then run the pipeline inside
//! [`detached`], which releases the GIL (other Python threads keep running, so a thread pool, Dask
//! or Ray get real parallelism) and turns a panic into `FactdiffError` instead of an abort.
//! `compare` and `check_claim` run in [`interruptible`] instead: the pipeline works on a helper thread while the
//! calling thread waits in short slices and checks for signals, so Ctrl-C stops a long run.

#![warn(missing_docs)]

use factdiff_core::Embedder;
use factdiff_core::{ingest, Claim, CompareOptions, Config, Document, Error, Report, Verdict};
use factdiff_core::{verdict_from_scores, Judge};
use pyo3::exceptions::{PyFileNotFoundError, PyOSError};
use pyo3::prelude::*;
use std::collections::HashMap;
use std::ffi::OsString;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};
use std::time::Duration;

// The exception classes are plain Python (python/factdiff/errors.py), so that `InputError` can
// subclass both `FactdiffError` and `ValueError`.
pyo3::import_exception!(factdiff.errors, FactdiffError);
pyo3::import_exception!(factdiff.errors, InputError);

/// Why a detached call failed; turned into a Python exception once the GIL is back.
enum Failure {
    Core(Error),
    Input(String),
    NotAReport(String),
    Panic(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> PyErr {
        match f {
            Failure::Core(e) => core_error(e),
            Failure::Input(message) => InputError::new_err(message),
            Failure::NotAReport(message) => FactdiffError::new_err(format!("not a factdiff report: {message}")),
            Failure::Panic(message) => FactdiffError::new_err(format!(
                "internal error (a bug in factdiff, please report it): {message}"
            )),
        }
    }
}

/// Every core error, mapped on purpose (no catch-all): files that are not there or not readable
/// become Python's own OSError subclasses, everything about the input itself is an `InputError`.
fn core_error(e: Error) -> PyErr {
    let message = e.to_string();
    match e {
        Error::NotFound { path } => {
            PyFileNotFoundError::new_err((2, "No such file or directory", path.display().to_string()))
        }
        // OSError(errno, strerror, filename) picks the subclass (PermissionError, …) from errno.
        Error::Io { path, source } => match source.raw_os_error() {
            Some(errno) => PyOSError::new_err((errno, source.to_string(), path.display().to_string())),
            None => PyOSError::new_err(message),
        },
        Error::NotUtf8 { .. }
        | Error::Binary { .. }
        | Error::NoDocuments { .. }
        | Error::BadJsonl { .. }
        | Error::TooLarge { .. }
        | Error::NoInput
        | Error::EmptyInput { .. }
        | Error::DuplicateId { .. }
        | Error::InvalidDocument { .. }
        | Error::InvalidOption { .. }
        | Error::Embedding { .. } => InputError::new_err(message),
        // Only reached when the caller asked to stop; `interruptible` raises the signal's error.
        Error::Cancelled => FactdiffError::new_err(message),
    }
}

/// Run `f` without the GIL and with panics caught.
fn detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> Result<T, Failure> + Send) -> PyResult<T> {
    py.detach(|| {
        catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| Err(Failure::Panic(panic_message(payload.as_ref()))))
    })
    .map_err(PyErr::from)
}

/// The message of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// How long the waiting thread sleeps between two checks for Ctrl-C.
const SIGNAL_SLICE: Duration = Duration::from_millis(50);

/// A stop flag that Python code can set from another thread (`factdiff.compare_many` sets it on
/// Ctrl-C, so that the stories still running on its worker threads stop too).
#[pyclass(frozen, module = "factdiff._native")]
struct StopFlag {
    stop: AtomicBool,
}

#[pymethods]
impl StopFlag {
    #[new]
    fn new() -> Self {
        StopFlag {
            stop: AtomicBool::new(false),
        }
    }

    /// Ask every call given this flag to stop (they raise `FactdiffError("cancelled …")`).
    fn set(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Whether `set` was called.
    fn is_set(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// Run `f` on a helper thread without the GIL, with panics caught, while this thread checks for
/// signals every [`SIGNAL_SLICE`]. `f` gets a `should_stop` flag for the core to poll: it is true
/// once `external` is set, or once a signal handler raises (Ctrl-C → `KeyboardInterrupt`); then
/// the helper is joined (the core stops before its next document or stage) and the handler's
/// exception is returned.
fn interruptible<T: Send>(
    py: Python<'_>,
    external: Option<&StopFlag>,
    f: impl FnOnce(&(dyn Fn() -> bool + Sync)) -> Result<T, Failure> + Send,
) -> PyResult<T> {
    let stop = AtomicBool::new(false);
    let should_stop = || stop.load(Ordering::Relaxed) || external.is_some_and(StopFlag::is_set);
    let (tx, rx) = mpsc::channel();
    let rx = Mutex::new(rx);
    std::thread::scope(|scope| {
        let worker = scope.spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(|| f(&should_stop)))
                .unwrap_or_else(|payload| Err(Failure::Panic(panic_message(payload.as_ref()))));
            // The receiver outlives the scope; a failed send cannot happen.
            let _ = tx.send(result);
        });
        loop {
            let received = py.detach(|| match rx.lock() {
                Ok(rx) => rx.recv_timeout(SIGNAL_SLICE),
                Err(_) => Err(mpsc::RecvTimeoutError::Disconnected),
            });
            match received {
                Ok(result) => return result.map_err(PyErr::from),
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(Failure::Panic("the worker thread ended without a result".into()).into())
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
            if let Err(interrupted) = py.check_signals() {
                stop.store(true, Ordering::Relaxed);
                let _ = py.detach(|| worker.join());
                return Err(interrupted);
            }
        }
    })
}

fn from_json<T: serde::de::DeserializeOwned>(json: &str, what: &str) -> Result<T, Failure> {
    serde_json::from_str(json).map_err(|e| Failure::Input(format!("invalid {what}: {e}")))
}

/// Options as JSON, checked against their ranges ([`Config::validate`]).
fn config_from_json(json: &str) -> Result<Config, Failure> {
    let config: Config = from_json(json, "options")?;
    config.validate()?;
    Ok(config)
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string(value).map_err(|e| Failure::Panic(format!("cannot serialise: {e}")))
}

/// A report as its top-level fields in declaration order (the order of `serde_json`'s output), each
/// serialised on its own, so that Python parses only the sections it reads; and the number of items
/// of each list field (for `len()` and `repr()` without parsing).
type Sections = (Vec<(&'static str, String)>, HashMap<&'static str, usize>);

fn to_sections(report: &Report) -> Result<Sections, Failure> {
    // Exhaustive (no `..`): a new field of `Report` is a compile error here, not a missing section.
    let Report {
        schema_version,
        documents,
        claims,
        clusters,
        findings,
        sources,
        agreement,
        consistency,
        warnings,
    } = report;
    let sections = vec![
        ("schema_version", to_json(schema_version)?),
        ("documents", to_json(documents)?),
        ("claims", to_json(claims)?),
        ("clusters", to_json(clusters)?),
        ("findings", to_json(findings)?),
        ("sources", to_json(sources)?),
        ("agreement", to_json(agreement)?),
        ("consistency", to_json(consistency)?),
        ("warnings", to_json(warnings)?),
    ];
    let lengths = HashMap::from([
        ("documents", documents.len()),
        ("claims", claims.len()),
        ("clusters", clusters.len()),
        ("findings", findings.len()),
        ("sources", sources.len()),
        ("warnings", warnings.len()),
    ]);
    Ok((sections, lengths))
}

/// A judge that calls a Python callable with batches of `(premise, hypothesis)` strings. The
/// callable (wrapped by `adapter` in python/factdiff/_judge.py) returns one `(entail, neutral,
/// contradict)` tuple per pair. The first Python error is kept and later batches are skipped;
/// [`compare`] raises it once the pipeline returns.
struct PyJudge {
    callable: Py<PyAny>,
    batch_size: usize,
    error: Mutex<Option<PyErr>>,
}

impl PyJudge {
    fn call(&self, py: Python<'_>, batch: &[(&Claim, &Claim, f64)]) -> PyResult<Vec<(f64, f64, f64)>> {
        let texts: Vec<(&str, &str)> = batch
            .iter()
            .map(|(a, b, _)| (a.text.as_str(), b.text.as_str()))
            .collect();
        let scores: Vec<(f64, f64, f64)> = self.callable.call1(py, (texts,))?.extract(py)?;
        if scores.len() != batch.len() {
            return Err(FactdiffError::new_err(format!(
                "the judge returned {} verdicts for {} pairs",
                scores.len(),
                batch.len()
            )));
        }
        Ok(scores)
    }
}

impl Judge for PyJudge {
    fn judge(&self, pairs: &[(&Claim, &Claim, f64)]) -> Vec<Verdict> {
        let mut verdicts = Vec::with_capacity(pairs.len());
        for batch in pairs.chunks(self.batch_size.max(1)) {
            let failed = self.error.lock().map_or(true, |e| e.is_some());
            let scores = if failed {
                None
            } else {
                Python::attach(|py| self.call(py, batch))
                    .map_err(|e| self.error.lock().map(|mut slot| *slot = Some(e)))
                    .ok()
            };
            let scores = scores.unwrap_or_else(|| vec![(0.0, 1.0, 0.0); batch.len()]);
            verdicts.extend(
                scores
                    .into_iter()
                    .map(|(e, n, c)| verdict_from_scores(e, n, c, "judge".into())),
            );
        }
        verdicts
    }
}

/// An embedder that calls a Python callable with batches of sentences. The callable (wrapped by
/// `adapter` in python/factdiff/_embed.py, which checks the shapes) returns one list of floats per
/// sentence. The first Python error is kept and ends the comparison; [`with_callables`] raises it.
struct PyEmbedder {
    callable: Py<PyAny>,
    batch_size: usize,
    error: Mutex<Option<PyErr>>,
}

impl Embedder for PyEmbedder {
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        let mut vectors = Vec::with_capacity(texts.len());
        for batch in texts.chunks(self.batch_size.max(1)) {
            let called = Python::attach(|py| -> PyResult<Vec<Vec<f32>>> {
                self.callable.call1(py, (batch.to_vec(),))?.extract(py)
            });
            match called {
                Ok(v) => vectors.extend(v),
                Err(e) => {
                    let message = e.to_string();
                    if let Ok(mut slot) = self.error.lock() {
                        slot.get_or_insert(e);
                    }
                    return Err(format!("the embed callable failed: {message}"));
                }
            }
        }
        Ok(vectors)
    }
}

/// The Python callables of one call: a judge and an embedder, each with its batch size.
struct Callables {
    judge: Option<Py<PyAny>>,
    judge_batch: usize,
    embed: Option<Py<PyAny>>,
    embed_batch: usize,
}

/// Run `f` in [`interruptible`] (stopped by `stop` too) with the compare options for the
/// callables: the lexical judge or a Python callable called on the aligned pairs in batches, and,
/// when given, a Python embedder called on the claims' sentences in batches (semantic mode).
/// Whatever a callable raised is raised here as it is once the pipeline returns (the embedder's
/// first: it runs before the judge; python/factdiff/_judge.py and _embed.py shape the messages).
fn with_callables<T: Send>(
    py: Python<'_>,
    callables: Callables,
    stop: Option<&Py<StopFlag>>,
    f: impl FnOnce(&CompareOptions<'_>) -> Result<T, Failure> + Send,
) -> PyResult<T> {
    let python_judge = callables.judge.map(|callable| PyJudge {
        callable,
        batch_size: callables.judge_batch,
        error: Mutex::new(None),
    });
    let python_embed = callables.embed.map(|callable| PyEmbedder {
        callable,
        batch_size: callables.embed_batch,
        error: Mutex::new(None),
    });
    let result = interruptible(py, stop.map(|s| s.get()), |should_stop| {
        let mut options = CompareOptions {
            should_stop,
            ..CompareOptions::default()
        };
        if let Some(j) = &python_judge {
            options.judge = j;
        }
        if let Some(e) = &python_embed {
            options.embed = Some(e);
        }
        f(&options)
    });
    let embed_error = python_embed.and_then(|e| e.error.into_inner().unwrap_or_else(|e| e.into_inner()));
    let judge_error = python_judge.and_then(|j| j.error.into_inner().unwrap_or_else(|e| e.into_inner()));
    match embed_error.or(judge_error) {
        Some(raised) => Err(raised),
        None => result,
    }
}

/// Compare documents (a JSON list of Document objects) with options (a JSON Config) and return the
/// report as JSON, one string per top-level field (see [`Sections`]). `judge`, when given, is
/// called on the aligned pairs in batches of `batch_size`, `embed` on the claims' sentences in
/// batches of `embed_batch_size` (see [`with_callables`]). `stop`: a [`StopFlag`] that ends the call.
#[pyfunction]
#[pyo3(signature = (docs_json, config_json, judge=None, batch_size=64, stop=None, embed=None, embed_batch_size=64))]
#[allow(clippy::too_many_arguments)]
fn compare(
    py: Python<'_>,
    docs_json: String,
    config_json: String,
    judge: Option<Py<PyAny>>,
    batch_size: usize,
    stop: Option<Py<StopFlag>>,
    embed: Option<Py<PyAny>>,
    embed_batch_size: usize,
) -> PyResult<Sections> {
    let callables = Callables {
        judge,
        judge_batch: batch_size,
        embed,
        embed_batch: embed_batch_size,
    };
    with_callables(py, callables, stop.as_ref(), |options| {
        let docs: Vec<Document> = from_json(&docs_json, "documents")?;
        let config = config_from_json(&config_json)?;
        to_sections(&factdiff_core::compare(&docs, &config, options)?)
    })
}

/// Check one claim against sources (a JSON list of Document objects) with
/// [`factdiff_core::check_claim`]: the comparison as [`Sections`], and JSON of the overall
/// verdict, each source's verdict, value and evidence, and the claim's document id (`{"verdict",
/// "sources", "claim_doc"}`).
#[pyfunction]
#[pyo3(signature = (claim, sources_json, config_json, judge=None, batch_size=64, embed=None, embed_batch_size=64))]
#[allow(clippy::too_many_arguments)]
fn check_claim(
    py: Python<'_>,
    claim: String,
    sources_json: String,
    config_json: String,
    judge: Option<Py<PyAny>>,
    batch_size: usize,
    embed: Option<Py<PyAny>>,
    embed_batch_size: usize,
) -> PyResult<(Sections, String)> {
    let callables = Callables {
        judge,
        judge_batch: batch_size,
        embed,
        embed_batch: embed_batch_size,
    };
    with_callables(py, callables, None, |options| {
        let sources: Vec<Document> = from_json(&sources_json, "documents")?;
        let config = config_from_json(&config_json)?;
        let check = factdiff_core::check_claim(&claim, &sources, &config, options)?;
        let found = serde_json::json!({
            "verdict": check.verdict,
            "sources": check.sources,
            "claim_doc": check.claim_doc,
        });
        Ok((to_sections(&check.report)?, to_json(&found)?))
    })
}

/// Check that a JSON text (as `Report.to_json()` writes it) is a report: `FactdiffError` says what
/// is missing or of the wrong type when it is not. Python then parses it itself (its floats are
/// read back exactly).
#[pyfunction]
fn check_report(py: Python<'_>, report_json: String) -> PyResult<()> {
    detached(py, || {
        serde_json::from_str::<Report>(&report_json).map_err(|e| Failure::NotAReport(not_a_report(&e)))?;
        Ok(())
    })
}

/// Why a JSON text is not a report: where the JSON itself is broken, with its line and column;
/// where a field is missing or of the wrong type, what (the position says little to a reader).
fn not_a_report(e: &serde_json::Error) -> String {
    let message = e.to_string();
    if e.is_syntax() || e.is_eof() {
        return format!("not valid JSON: {message}");
    }
    let position = format!(" at line {} column {}", e.line(), e.column());
    message.strip_suffix(&position).unwrap_or(&message).to_string()
}

/// The claims of one document (JSON Document in, JSON list of claims out).
#[pyfunction]
fn extract_claims(py: Python<'_>, doc_json: String, config_json: String) -> PyResult<String> {
    detached(py, || {
        let doc: Document = from_json(&doc_json, "document")?;
        let config = config_from_json(&config_json)?;
        to_json(&factdiff_core::extract_claims(&doc, &config)?)
    })
}

/// A JSONL line skipped by `load(..., skip_bad_lines=True)`: path, line number, why.
type Skipped = (String, usize, String);

/// Load files and directories the way the CLI does; returns a JSON list of documents and the
/// JSONL lines skipped (only with `skip_bad_lines`; otherwise a bad line raises `InputError`).
#[pyfunction]
#[pyo3(signature = (paths, max_bytes=ingest::DEFAULT_MAX_BYTES, skip_bad_lines=false))]
fn load(py: Python<'_>, paths: Vec<PathBuf>, max_bytes: u64, skip_bad_lines: bool) -> PyResult<(String, Vec<Skipped>)> {
    detached(py, || {
        let options = ingest::LoadOptions {
            max_bytes,
            skip_bad_lines,
        };
        let loaded = ingest::load(&paths, &options)?;
        let skipped = loaded
            .skipped
            .into_iter()
            .map(|s| (s.path.display().to_string(), s.line, s.message))
            .collect();
        Ok((to_json(&loaded.docs)?, skipped))
    })
}

/// The default options as JSON (the Python side checks option names against it).
#[pyfunction]
fn default_config() -> PyResult<String> {
    Ok(to_json(&Config::default())?)
}

/// Render a report (its JSON) as HTML with the same renderer as `factdiff report --format html`:
/// a fragment for a notebook (`<div>` with scoped CSS) by default, or a whole page.
#[pyfunction]
#[pyo3(signature = (report_json, fragment=true))]
fn render_html(py: Python<'_>, report_json: String, fragment: bool) -> PyResult<String> {
    detached(py, || {
        let report: Report = from_json(&report_json, "report")?;
        Ok(if fragment {
            factdiff_render::render_html_fragment(&report)
        } else {
            factdiff_render::render(
                &report,
                factdiff_render::Format::Html,
                &factdiff_render::Options::default(),
            )
        })
    })
}

/// Run the `factdiff` command line (`argv[0]` is the program name); returns the exit code.
#[pyfunction]
fn run_cli(py: Python<'_>, argv: Vec<OsString>) -> PyResult<i32> {
    detached(py, || Ok(factdiff_cli::run(argv)))
}

/// factdiff's Rust core. Use the `factdiff` package, not this module.
#[pymodule(name = "_native")]
mod native {
    #[pymodule_export]
    use super::{
        check_claim, check_report, compare, default_config, extract_claims, load, render_html, run_cli, StopFlag,
    };
}
