//! Writes the JSON report of the seeds, the bundled examples and the 100 benchmark FNC-1 stories
//! into a directory, so that a speed change can be checked for identical output:
//! `cargo run --release -p factdiff-core --example golden -- /tmp/before` (then `diff -r`).
use factdiff_core::{compare, ingest, CompareOptions, Config};
use std::path::PathBuf;

#[path = "../benches/common/fnc1.rs"]
mod fnc1;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::args().nth(1).ok_or("usage: golden OUT_DIR")?);
    std::fs::create_dir_all(&out)?;
    let config = Config::default();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut sets = vec![
        (
            "seeds".to_string(),
            ingest::load(&[fnc1::shared().join("seeds")], &ingest::LoadOptions::default())?.docs,
        ),
        (
            "examples".to_string(),
            ingest::load(&[root.join("examples")], &ingest::LoadOptions::default())?.docs,
        ),
    ];
    for (i, story) in fnc1::stories(&fnc1::shared().join("data/fnc1"), 100)?
        .into_iter()
        .enumerate()
    {
        sets.push((format!("fnc1_{i:03}"), story));
    }
    for (name, docs) in &sets {
        let report = compare(docs, &config, &CompareOptions::default())?;
        std::fs::write(out.join(format!("{name}.json")), serde_json::to_string_pretty(&report)?)?;
    }
    println!("{} reports written to {}", sets.len(), out.display());
    Ok(())
}
