//! Loaders for the shared datasets (read-only files under the data directory).

use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::error::Error;
use std::path::Path;
use std::sync::Arc;

pub type Res<T> = Result<T, Box<dyn Error + Send + Sync>>;

/// Writes a trained model's file (creating its directory) and says where.
pub fn write_out(path: &std::path::Path, text: &str) -> Res<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}

/// One labelled (claim, source) pair. `gold` indexes the dataset's label list.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub claim: String,
    pub source: String,
    pub gold: usize,
}

pub fn label_index(labels: &[&str], label: &str) -> Res<usize> {
    labels
        .iter()
        .position(|l| l.eq_ignore_ascii_case(label.trim()))
        .ok_or_else(|| format!("unknown label {label:?}").into())
}

pub fn read_ids(path: &Path) -> Res<HashSet<u32>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.parse::<u32>()
                .map_err(|e| format!("{}: {l:?}: {e}", path.display()).into())
        })
        .collect()
}

/// FNC-1 article bodies by body id (`train_bodies.csv`).
pub fn fnc1_bodies(dir: &Path) -> Res<HashMap<u32, Arc<str>>> {
    let mut bodies = HashMap::new();
    let mut rdr = csv::Reader::from_path(dir.join("train_bodies.csv"))?;
    for row in rdr.records() {
        let row = row?;
        let id: u32 = row.get(0).ok_or("missing Body ID")?.trim().parse()?;
        bodies.insert(id, Arc::from(row.get(1).ok_or("missing articleBody")?));
    }
    Ok(bodies)
}

/// FNC-1 pairs whose body is (`hold_out` = true) or is not (false) in `splits/hold_out_ids.txt`.
pub fn fnc1(dir: &Path, hold_out: bool) -> Res<Vec<Pair>> {
    let held = read_ids(&dir.join("splits/hold_out_ids.txt"))?;
    let bodies = fnc1_bodies(dir)?;
    let mut out = Vec::new();
    let mut rdr = csv::Reader::from_path(dir.join("train_stances.csv"))?;
    for row in rdr.records() {
        let row = row?;
        let id: u32 = row.get(1).ok_or("missing Body ID")?.trim().parse()?;
        if held.contains(&id) != hold_out {
            continue;
        }
        let body = bodies.get(&id).ok_or_else(|| format!("body {id} missing"))?;
        out.push(Pair {
            claim: row.get(0).ok_or("missing Headline")?.to_string(),
            source: body.to_string(),
            gold: label_index(&crate::metrics::FNC_LABELS, row.get(2).ok_or("missing Stance")?)?,
        });
    }
    Ok(out)
}

pub const SICK_LABELS: [&str; 3] = ["entailment", "neutral", "contradiction"];

/// SICK pairs: premise = sentence A (source), hypothesis = sentence B (claim).
pub fn sick(path: &Path) -> Res<Vec<Pair>> {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .from_path(path)?;
    let mut out = Vec::new();
    for row in rdr.records() {
        let row = row?;
        out.push(Pair {
            source: row.get(1).ok_or("missing sentence_A")?.to_string(),
            claim: row.get(2).ok_or("missing sentence_B")?.to_string(),
            gold: label_index(&SICK_LABELS, row.get(4).ok_or("missing entailment_judgment")?)?,
        });
    }
    Ok(out)
}

pub const EMERGENT_LABELS: [&str; 3] = ["for", "against", "observing"];

/// Emergent dev: claim = the rumoured claim, source = the article headline.
pub fn emergent(path: &Path) -> Res<Vec<Pair>> {
    let mut rdr = csv::Reader::from_path(path)?;
    let mut out = Vec::new();
    for row in rdr.records() {
        let row = row?;
        out.push(Pair {
            claim: row.get(1).ok_or("missing claimHeadline")?.to_string(),
            source: row.get(2).ok_or("missing articleHeadline")?.to_string(),
            gold: label_index(&EMERGENT_LABELS, row.get(3).ok_or("missing articleHeadlineStance")?)?,
        });
    }
    Ok(out)
}

pub const VERIFY_LABELS: [&str; 3] = ["supports", "refutes", "not_enough_info"];

#[derive(Deserialize)]
struct CfClaim {
    claim: String,
    claim_label: String,
    evidences: Vec<CfEvidence>,
}

#[derive(Deserialize)]
struct CfEvidence {
    evidence: String,
}

/// Climate-FEVER dev at claim level; DISPUTED claims are left out (returned as the count).
pub fn climate_fever(path: &Path) -> Res<(Vec<Pair>, usize)> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    let mut disputed = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let c: CfClaim = serde_json::from_str(line)?;
        if c.claim_label == "DISPUTED" {
            disputed += 1;
            continue;
        }
        out.push(Pair {
            source: join_sentences(c.evidences.iter().map(|e| e.evidence.as_str())),
            claim: c.claim,
            gold: label_index(&VERIFY_LABELS, &c.claim_label)?,
        });
    }
    Ok((out, disputed))
}

pub const WICE_LABELS: [&str; 3] = ["supported", "partially_supported", "not_supported"];

#[derive(Deserialize)]
struct WiceClaim {
    label: String,
    claim: String,
    evidence: Vec<String>,
}

/// WiCE dev, claim level, with the whole cited page as the source.
pub fn wice(path: &Path) -> Res<Vec<Pair>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let c: WiceClaim = serde_json::from_str(line)?;
        out.push(Pair {
            source: join_sentences(c.evidence.iter().map(String::as_str)),
            claim: c.claim,
            gold: label_index(&WICE_LABELS, &c.label)?,
        });
    }
    Ok(out)
}

/// One sentence per line, each ending in punctuation so that none is read as a headline.
pub fn join_sentences<'a>(sentences: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for s in sentences.map(str::trim).filter(|s| !s.is_empty()) {
        out.push_str(s);
        if !s.ends_with(['.', '!', '?', '"', '\'', ')', '”']) {
            out.push('.');
        }
        out.push('\n');
    }
    out
}

/// FNC-1 training stories: for each headline (in sorted order), the distinct bodies labelled
/// agree / disagree / discuss, keeping stories with at least two bodies. The same stories as the
/// core crate's criterion benchmark. A body in several stories is shared, not copied.
pub fn fnc1_stories(dir: &Path) -> Res<Vec<Vec<Arc<str>>>> {
    let bodies = fnc1_bodies(dir)?;
    let mut stories: std::collections::BTreeMap<String, Vec<u32>> = std::collections::BTreeMap::new();
    let mut rdr = csv::Reader::from_path(dir.join("train_stances.csv"))?;
    for row in rdr.records() {
        let row = row?;
        if row.get(2).ok_or("missing Stance")?.trim() == "unrelated" {
            continue;
        }
        let id: u32 = row.get(1).ok_or("missing Body ID")?.trim().parse()?;
        let ids = stories
            .entry(row.get(0).ok_or("missing Headline")?.to_string())
            .or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    stories
        .into_values()
        .filter(|ids| ids.len() >= 2)
        .map(|ids| {
            ids.iter()
                .map(|id| {
                    bodies
                        .get(id)
                        .cloned()
                        .ok_or_else(|| format!("body {id} missing").into())
                })
                .collect()
        })
        .collect()
}
