//! Runs the pipeline repeatedly on the given files, for profilers:
//! `cargo run --release -p factdiff-core --example profile -- ../shared/seeds 200`.
use factdiff_core::{compare, ingest, Config};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let rounds: usize = args.pop().and_then(|n| n.parse().ok()).unwrap_or(100);
    let paths: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
    let docs = ingest::load_paths(&paths, ingest::DEFAULT_MAX_BYTES)?;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let start = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..rounds {
        findings += compare(&docs, &Config::default())?.findings.len();
    }
    let secs = start.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            factdiff_core::extract_claims(d, &Config::default())?;
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
