//! FNC-1 training stories for the benchmark and the golden-output example: a story is the bodies
//! labelled agree/disagree/discuss for one headline, kept when it has at least two bodies.
use factdiff_core::Document;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// `../shared` beside the repository.
pub fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The first `limit` stories of `train_stances.csv` (headline order), bodies from `train_bodies.csv`.
pub fn stories(dir: &Path, limit: usize) -> Result<Vec<Vec<Document>>, csv::Error> {
    let mut bodies: HashMap<String, String> = HashMap::new();
    let mut r = csv::Reader::from_path(dir.join("train_bodies.csv"))?;
    for rec in r.records() {
        let rec = rec?;
        bodies.insert(rec[0].to_string(), rec[1].to_string());
    }
    let mut by_headline: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut r = csv::Reader::from_path(dir.join("train_stances.csv"))?;
    for rec in r.records() {
        let rec = rec?;
        if &rec[2] != "unrelated" {
            let ids = by_headline.entry(rec[0].to_string()).or_default();
            if !ids.contains(&rec[1].to_string()) {
                ids.push(rec[1].to_string());
            }
        }
    }
    Ok(by_headline
        .into_values()
        .filter(|ids| ids.len() >= 2)
        .take(limit)
        .map(|ids| {
            ids.iter()
                .filter_map(|id| bodies.get(id).map(|t| Document::new(format!("body{id}"), t.clone())))
                .collect()
        })
        .collect())
}
