//! Robustness over real text: every FNC-1 training story (the bodies related to one
//! headline) goes through the whole pipeline without a panic, and every span slices back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use factdiff_core::{compare, CompareOptions, Config, Document};
use std::collections::{BTreeMap, HashMap};

#[test]
fn all_fnc1_stories_run_and_spans_hold() {
    let Some(dir) = common::fnc1_dir() else {
        return;
    };
    let mut bodies: HashMap<String, String> = HashMap::new();
    for rec in csv::Reader::from_path(dir.join("train_bodies.csv")).unwrap().records() {
        let rec = rec.unwrap();
        bodies.insert(rec[0].to_string(), rec[1].to_string());
    }
    let mut stories: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for rec in csv::Reader::from_path(dir.join("train_stances.csv")).unwrap().records() {
        let rec = rec.unwrap();
        let ids = stories.entry(rec[0].to_string()).or_default();
        if &rec[2] != "unrelated" && !ids.contains(&rec[1].to_string()) {
            ids.push(rec[1].to_string());
        }
    }
    let config = Config::default();
    let mut seen_bodies = std::collections::HashSet::new();
    let mut reports = 0;
    for ids in stories.values().filter(|ids| !ids.is_empty()) {
        // Each body once: stories that only repeat already-checked bodies add nothing.
        if ids.iter().all(|id| seen_bodies.contains(id)) {
            continue;
        }
        seen_bodies.extend(ids.iter().cloned());
        let docs: Vec<Document> = ids
            .iter()
            .map(|id| Document::new(format!("b{id}"), bodies[id].clone()))
            .collect();
        let Ok(r) = compare(&docs, &config, &CompareOptions::default()) else {
            continue;
        };
        reports += 1;
        for c in &r.claims {
            let d = r.document(&c.doc).unwrap();
            assert_eq!(d.text.get(c.span.start_byte..c.span.end_byte), Some(c.text.as_str()));
        }
        for f in &r.findings {
            for e in &f.evidence {
                let d = r.document(&e.doc).unwrap();
                assert_eq!(d.text.get(e.span.start_byte..e.span.end_byte), Some(e.text.as_str()));
            }
        }
    }
    assert!(reports > 100, "only {reports} stories ran");
}
