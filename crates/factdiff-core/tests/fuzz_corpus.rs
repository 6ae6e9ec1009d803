//! Replays the committed fuzz corpus and crash artifacts (`crates/factdiff-fuzz/corpus/<target>/`,
//! `crates/factdiff-fuzz/artifacts/<target>/`) through the same checks the cargo-fuzz targets run,
//! so stable CI without cargo-fuzz keeps every interesting input as a regression test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../factdiff-fuzz/src/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../factdiff-fuzz");
    let corpus = files(&root.join("corpus").join(target));
    assert!(!corpus.is_empty(), "no committed corpus for fuzz target {target}");
    let artifacts = files(&root.join("artifacts").join(target));
    let mut failed = Vec::new();
    for path in corpus.iter().chain(&artifacts) {
        let bytes = std::fs::read(path).unwrap();
        if std::panic::catch_unwind(|| check(&bytes)).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "{target}: {} inputs fail: {failed:#?}", failed.len());
}

#[test]
fn ingest_corpus() {
    replay("ingest", checks::ingest);
}

#[test]
fn segment_corpus() {
    replay("segment", checks::segment);
}

#[test]
fn analyze_corpus() {
    replay("analyze", checks::analyze);
}

#[test]
fn report_corpus() {
    replay("report", checks::report);
}

#[test]
fn split_documents_cuts_two_to_four_parts() {
    let docs = checks::split_documents(b"\x01one two three four five six");
    assert_eq!(docs.len(), 3);
    assert_eq!(
        docs.iter().map(|d| d.text.as_str()).collect::<String>(),
        "one two three four five six"
    );
    let docs = checks::split_documents("\x00#!a|T|S|https://x.invalid/|2024-05-06\nBody.\u{1e}#!a|\nMore.".as_bytes());
    assert_eq!(docs.len(), 2);
    assert_eq!((docs[0].id.as_str(), docs[0].text.as_str()), ("a", "Body."));
    assert_eq!(docs[0].url.as_deref(), Some("https://x.invalid/"));
    assert_eq!(docs[1].id, "d1", "a repeated id falls back to d<n>");
}
