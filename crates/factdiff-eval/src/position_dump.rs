//! `position-dump FILE`: every body of the FNC-1 stories (training and validation) with its
//! position features on each cluster that holds the headline claim, as tab-separated lines, for
//! error analysis and exploring features and training objectives.
//!
//! One line per (body, headline cluster); a body on no headline cluster gets one line with
//! cluster `-1` and no features. Columns: `split story body gold conflict cluster` then the
//! features of [`NAMES`], then the headline and the body's claims in that cluster.

use crate::data::Res;
use crate::story::{self, Story};
use factdiff_core::training::position::{self, NAMES};
use factdiff_core::{compare, CompareOptions, Config};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::Path;

/// The lines of one story.
fn lines(split: &str, n: usize, story: &Story) -> String {
    let mut out = String::new();
    let Ok(report) = compare(&story.documents(), &Config::default(), &CompareOptions::default()) else {
        return out;
    };
    let reading = story::read_labels(story, &report);
    let clusters = story::headline_clusters(&report);
    let features = position::features(&clusters, &report.claims);
    let clean = |s: &str| s.replace(['\t', '\n'], " ");
    for (b, body) in story.bodies.iter().enumerate() {
        let doc = body.doc_id();
        let head = format!(
            "{split}\t{n}\t{}\t{}\t{}",
            body.id,
            body.gold,
            u8::from(reading.conflict[b])
        );
        let mut any = false;
        for (k, (cluster, docs)) in clusters.iter().zip(&features).enumerate() {
            let Some((_, x)) = docs.iter().find(|(d, _)| *d == doc) else {
                continue;
            };
            any = true;
            let _ = write!(out, "{head}\t{k}");
            for v in &x.values {
                let _ = write!(out, "\t{v:.4}");
            }
            let texts: Vec<String> = cluster
                .claims
                .iter()
                .filter_map(|id| report.claim(id))
                .filter(|c| *c.doc == *doc)
                .map(|c| clean(&c.text))
                .collect();
            let _ = writeln!(out, "\t{}\t{}", clean(&story.headline), texts.join(" || "));
        }
        if !any {
            let _ = writeln!(out, "{head}\t-1");
        }
    }
    out
}

/// Write the dump of the training and validation stories into `file`.
pub fn dump(dir: &Path, file: &Path) -> Res<()> {
    let fnc = dir.join("fnc1");
    let mut out = format!(
        "split\tstory\tbody\tgold\tconflict\tcluster\t{}\theadline\tclaims\n",
        NAMES.join("\t")
    );
    for (split, hold_out) in [("train", false), ("val", true)] {
        let stories = story::stories(&fnc, hold_out)?;
        let parts: Vec<String> = stories
            .par_iter()
            .enumerate()
            .map(|(n, s)| lines(split, n, s))
            .collect();
        out.extend(parts);
    }
    crate::data::write_out(file, &out)
}
