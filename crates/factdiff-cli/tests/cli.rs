//! End-to-end tests of the `factdiff` binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{factdiff, run, run_with_stdin, stderr, stdout, TempDir};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Output, Stdio};

const A: &str = "Japan firmly backed India against Pakistan on Monday, Foreign Minister Iwaya Takeshi said.\n";
const B: &str = "Japan urged both India and Pakistan to hold talks on Monday.\n";

impl std::ops::Deref for TempDir {
    type Target = PathBuf;
    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("factdiff-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

/// A directory holding `a.txt` and `b.txt`.
fn two_articles(name: &str) -> TempDir {
    let dir = temp_dir(name);
    std::fs::write(dir.join("a.txt"), A).unwrap();
    std::fs::write(dir.join("b.txt"), B).unwrap();
    dir
}

/// Exit code 2 and a single `factdiff: error:` line, never a panic.
fn assert_error(o: &Output) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(err.starts_with("factdiff: error: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn help_shows_examples() {
    for args in [
        &["--help"][..],
        &["report", "--help"],
        &["claims", "--help"],
        &["report", "-h"],
    ] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}");
        assert!(stdout(&o).contains("Examples:"), "{args:?}: {}", stdout(&o));
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["report"]).status.code(), Some(2));
    assert_eq!(run(&["report", "x.txt", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn missing_file_names_the_file() {
    let dir = two_articles("missing");
    let missing = dir.join("no-such-article.txt");
    let o = run(&["report", dir.join("a.txt").to_str().unwrap(), missing.to_str().unwrap()]);
    let err = assert_error(&o);
    assert!(err.contains("no-such-article.txt"), "{err}");
}

#[test]
fn empty_directory_is_an_error() {
    let dir = temp_dir("empty");
    assert_error(&run(&["report", dir.to_str().unwrap()]));
}

#[test]
fn binary_file_is_an_error() {
    let dir = temp_dir("binary");
    let path = dir.join("image.txt");
    std::fs::write(&path, b"GIF89a\x00\x01\x02\x00\x00binary").unwrap();
    let err = assert_error(&run(&["report", path.to_str().unwrap()]));
    assert!(err.contains("image.txt"), "{err}");
}

#[test]
fn invalid_utf8_is_an_error() {
    let dir = temp_dir("latin1");
    let path = dir.join("latin1.txt");
    std::fs::write(&path, b"Caf\xe9 au lait in M\xfcnchen.\n").unwrap();
    let err = assert_error(&run(&["report", path.to_str().unwrap()]));
    assert!(err.contains("latin1.txt"), "{err}");
}

#[test]
fn stdin_is_read_with_dash() {
    let o = run_with_stdin(&["claims", "-"], A);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run_with_stdin(&["report", "-", "--format", "json"], A);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["documents"][0]["id"], "stdin");
}

#[test]
fn invalid_utf8_on_stdin_is_an_error() {
    let mut child = factdiff()
        .args(["claims", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"caf\xe9\n").unwrap();
    let err = assert_error(&child.wait_with_output().unwrap());
    assert!(err.contains("stdin"), "{err}");
}

#[test]
fn json_report_parses() {
    let dir = two_articles("json");
    let o = run(&["report", dir.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["schema_version"].is_string());
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
}

#[test]
fn claims_json_is_an_array() {
    let dir = two_articles("claims-json");
    let o = run(&["claims", dir.join("a.txt").to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v.is_array());
}

#[test]
fn output_file_is_written_without_colour() {
    let dir = two_articles("output");
    let out = dir.join("report.txt");
    let o = run(&[
        "report",
        dir.join("a.txt").to_str().unwrap(),
        dir.join("b.txt").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("2 documents"), "{written}");
    assert!(!written.contains('\x1b'));
}

#[test]
fn markdown_report() {
    let dir = two_articles("markdown");
    let o = run(&[
        "report",
        dir.join("a.txt").to_str().unwrap(),
        dir.join("b.txt").to_str().unwrap(),
        "--format",
        "md",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("# factdiff report"));
}

#[test]
fn colour_follows_flag_and_no_color() {
    let dir = two_articles("colour");
    let a = dir.join("a.txt");
    let a = a.to_str().unwrap();
    // Piped stdout is not a terminal: no colour by default.
    assert!(!stdout(&run(&["report", a])).contains('\x1b'));
    assert!(stdout(&run(&["report", a, "--color", "always"])).contains('\x1b'));
    assert!(!stdout(&run(&["report", a, "--color", "never"])).contains('\x1b'));
    let o = factdiff().args(["report", a]).env("NO_COLOR", "1").output().unwrap();
    assert!(!stdout(&o).contains('\x1b'));
}

#[test]
fn closed_stdout_is_not_an_error() {
    let mut child = factdiff()
        .args(["report", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before factdiff has read its input, so its first write fails.
    drop(child.stdout.take());
    child.stdin.take().unwrap().write_all(A.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}
