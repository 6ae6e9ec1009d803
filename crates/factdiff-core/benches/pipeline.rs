//! Benchmarks: the 5-seed report, and end-to-end throughput over FNC-1 stories
//! (a story = the bodies labelled agree/disagree/discuss for one headline).
//! Run: `cargo bench -p factdiff-core --bench pipeline`. Needs ../shared beside the repository.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use factdiff_core::{compare, ingest, CompareOptions, Config, Document};
use rayon::prelude::*;

#[path = "common/fnc1.rs"]
mod fnc1;
use fnc1::shared;

fn fnc1_stories(limit: usize) -> Vec<Vec<Document>> {
    fnc1::stories(&shared().join("data/fnc1"), limit).unwrap()
}

fn bench(c: &mut Criterion) {
    if !shared().is_dir() {
        eprintln!("../shared not found: nothing to benchmark");
        return;
    }
    let config = Config::default();
    let seeds = ingest::load(&[shared().join("seeds")], &ingest::LoadOptions::default())
        .unwrap()
        .docs;
    let seed_bytes: usize = seeds.iter().map(|d| d.text.len()).sum();
    let mut g = c.benchmark_group("seeds");
    g.throughput(Throughput::Bytes(seed_bytes as u64));
    g.bench_function("report_5_seeds", |b| {
        b.iter(|| compare(&seeds, &config, &CompareOptions::default()).unwrap())
    });
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
                .map(|s| compare(s, &config, &CompareOptions::default()).unwrap().findings.len())
                .sum::<usize>()
        })
    });
    // The same work on one thread, for the per-core figure.
    let pool = |n| rayon::ThreadPoolBuilder::new().num_threads(n).build().unwrap();
    let (one, two) = (pool(1), pool(2));
    g.bench_function("100_stories_1_thread", |b| {
        b.iter(|| {
            one.install(|| {
                stories
                    .iter()
                    .map(|s| compare(s, &config, &CompareOptions::default()).unwrap().findings.len())
                    .sum::<usize>()
            })
        })
    });
    // Stories are independent: a corpus runs them in parallel (`par_iter` over stories).
    for (name, p) in [
        ("100_stories_parallel_1_thread", &one),
        ("100_stories_parallel_2_threads", &two),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                p.install(|| {
                    stories
                        .par_iter()
                        .map(|s| compare(s, &config, &CompareOptions::default()).unwrap().findings.len())
                        .sum::<usize>()
                })
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
