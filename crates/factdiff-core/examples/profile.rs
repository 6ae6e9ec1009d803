//! Runs the pipeline repeatedly on the given files, for profilers:
//! `cargo run --release -p factdiff-core --example profile -- ../shared/seeds 200`.
//! `fnc1` instead of paths runs the 100 benchmark FNC-1 stories, one `compare` per story:
//! `valgrind --tool=callgrind target/release/examples/profile fnc1 1`.
use factdiff_core::{compare, ingest, CompareOptions, Config, Document};
use std::path::PathBuf;

#[path = "../benches/common/fnc1.rs"]
mod fnc1;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let rounds: usize = args.pop().and_then(|n| n.parse().ok()).unwrap_or(100);
    let stories: Vec<Vec<Document>> = if args.first().map(String::as_str) == Some("fnc1") {
        fnc1::stories(&fnc1::shared().join("data/fnc1"), 100)?
    } else {
        let paths: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
        vec![ingest::load(&paths, &ingest::LoadOptions::default())?.docs]
    };
    let bytes: usize = stories.iter().flatten().map(|d| d.text.len()).sum();
    let config = Config::default();
    let start = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..rounds {
        for docs in &stories {
            findings += compare(docs, &config, &CompareOptions::default())?.findings.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for d in stories.iter().flatten() {
            factdiff_core::extract_claims(d, &config)?;
        }
    }
    println!(
        "analysis alone: {:.3} ms/round",
        t.elapsed().as_secs_f64() * 1e3 / rounds as f64
    );
    println!(
        "{rounds} rounds, {findings} findings, {:.3} ms/round, {:.2} MB/s",
        secs * 1e3 / rounds as f64,
        (bytes * rounds) as f64 / secs / 1e6
    );
    Ok(())
}
