//! Benchmarks: the 5-seed report, and end-to-end throughput over FNC-1 stories
//! (a story = the bodies labelled agree/disagree/discuss for one headline).
//! Run: `cargo bench -p factdiff-core`. Needs ../shared beside the repository.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use factdiff_core::{compare, ingest, Config, Document};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn fnc1_stories(limit: usize) -> Vec<Vec<Document>> {
    let dir = shared().join("data/fnc1");
    let mut bodies: HashMap<String, String> = HashMap::new();
    let mut r = csv::Reader::from_path(dir.join("train_bodies.csv")).unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        bodies.insert(rec[0].to_string(), rec[1].to_string());
    }
    let mut stories: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut r = csv::Reader::from_path(dir.join("train_stances.csv")).unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        if &rec[2] != "unrelated" {
            let ids = stories.entry(rec[0].to_string()).or_default();
            if !ids.contains(&rec[1].to_string()) {
                ids.push(rec[1].to_string());
            }
        }
    }
    stories
        .into_values()
        .filter(|ids| ids.len() >= 2)
        .take(limit)
        .map(|ids| {
            ids.iter()
                .filter_map(|id| bodies.get(id).map(|t| Document::new(format!("body{id}"), t.clone())))
                .collect()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    if !shared().is_dir() {
        eprintln!("../shared not found: nothing to benchmark");
        return;
    }
    let config = Config::default();
    let seeds = ingest::load_paths(&[shared().join("seeds")], ingest::DEFAULT_MAX_BYTES).unwrap();
    let seed_bytes: usize = seeds.iter().map(|d| d.text.len()).sum();
    let mut g = c.benchmark_group("seeds");
    g.throughput(Throughput::Bytes(seed_bytes as u64));
    g.bench_function("report_5_seeds", |b| b.iter(|| compare(&seeds, &config).unwrap()));
    g.finish();

    let stories = fnc1_stories(100);
    let bytes: usize = stories.iter().flatten().map(|d| d.text.len()).sum();
    let mut g = c.benchmark_group("fnc1");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("100_stories", |b| {
        b.iter(|| {
            stories
                .iter()
                .map(|s| compare(s, &config).unwrap().findings.len())
                .sum::<usize>()
        })
    });
    // The same work on one thread, for the per-core figure.
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    g.bench_function("100_stories_1_thread", |b| {
        b.iter(|| {
            one.install(|| {
                stories
                    .iter()
                    .map(|s| compare(s, &config).unwrap().findings.len())
                    .sum::<usize>()
            })
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
