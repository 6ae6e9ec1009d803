//! Positions: where each document stands on each cluster of aligned claims.
//!
//! For every cluster and every document with claims in it, the position says whether the
//! document, taken as a whole, *corroborates* what the other documents in the cluster say,
//! *disputes* it, or only *reports* it (mentions it hedged, attributed or questioned without
//! taking a side). It combines the judge's verdicts on the document's aligned pairs with how the
//! document puts its claims ([`features`]); a small logistic regression ([`model`], weights
//! trained by `factdiff-eval --train` on FNC-1 train bodies) weighs them, and every position
//! lists the features that decided it. One position per (cluster, document with claims in it),
//! so the output grows with the clusters, not with claims × documents.

pub mod features;
pub mod model;

use crate::{Claim, Cluster, Position, PositionLabel};
pub use features::PositionFeatures;
pub use model::PositionModel;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// The features of every (cluster, document) position: per cluster, one `(doc, features)` per
/// document in `cluster.docs`.
pub fn features(clusters: &[Cluster], claims: &[Claim]) -> Vec<Vec<(String, PositionFeatures)>> {
    if clusters.is_empty() {
        return Vec::new();
    }
    let in_clusters: rustc_hash::FxHashSet<&str> = clusters
        .iter()
        .flat_map(|c| c.docs.iter().map(String::as_str))
        .collect();
    let mut by_id: FxHashMap<&str, (&Claim, features::ClaimFlags)> = FxHashMap::default();
    let mut cues: FxHashMap<&str, features::DocCues> = FxHashMap::default();
    let flags: Vec<(&Claim, features::ClaimFlags)> = claims
        .par_iter()
        .filter(|c| in_clusters.contains(&*c.doc))
        .map(|c| (c, features::ClaimFlags::of(c)))
        .collect();
    for (c, f) in flags {
        cues.entry(&*c.doc).or_default().add(c, f);
        by_id.insert(&*c.id, (c, f));
    }
    let lookup = |id: &str| by_id.get(id).copied();
    let empty = features::DocCues::default();
    clusters
        .par_iter()
        .map(|cluster| {
            cluster
                .docs
                .iter()
                .map(|d| {
                    let doc_cues = cues.get(d.as_str()).unwrap_or(&empty);
                    (d.clone(), features::of(cluster, d, &lookup, doc_cues))
                })
                .collect()
        })
        .collect()
}

/// A position from its features under `model`, with up to three reasons.
pub fn position(model: &PositionModel, doc: String, x: &PositionFeatures) -> Position {
    let (k, p) = model.decide(x);
    let label = PositionLabel::ALL[k];
    let top = model.top_reasons(x, k, 3);
    let reasons = if top.is_empty() {
        vec![format!("position model: {} {:.2}", label.as_str(), p[k])]
    } else {
        vec![format!(
            "position model: {} {:.2} ({})",
            label.as_str(),
            p[k],
            top.join(", ")
        )]
    };
    Position {
        doc,
        label,
        score: p[k],
        corroborates: p[0],
        reports: p[1],
        disputes: p[2],
        reasons,
    }
}

/// Fill `positions` of every cluster with the embedded model.
pub fn annotate(clusters: &mut [Cluster], claims: &[Claim]) {
    let model = PositionModel::get();
    let all = features(clusters, claims);
    for (cluster, docs) in clusters.iter_mut().zip(all) {
        cluster.positions = docs.into_iter().map(|(d, x)| position(model, d, &x)).collect();
    }
}

#[cfg(test)]
mod tests {
    use crate::{compare, CompareOptions, Config, Document, PositionLabel};

    #[test]
    fn every_document_in_a_cluster_gets_one_position_with_reasons() {
        let docs = [
            Document::new("a", "The mayor of Esk opened the new bridge over the river on Monday."),
            Document::new(
                "b",
                "The mayor of Esk opened the new bridge over the river on Monday, officials said.",
            ),
            Document::new("c", "Nothing about bridges here. The weather in Esk was cold."),
        ];
        let report = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        assert!(!report.clusters.is_empty());
        for cluster in &report.clusters {
            let docs: Vec<&str> = cluster.positions.iter().map(|p| p.doc.as_str()).collect();
            assert_eq!(docs, cluster.docs.iter().map(String::as_str).collect::<Vec<_>>());
            for p in &cluster.positions {
                let sum = p.corroborates + p.reports + p.disputes;
                assert!((sum - 1.0).abs() < 1e-9, "{p:?}");
                assert!(!p.reasons.is_empty());
                let want = match p.label {
                    PositionLabel::Corroborates => p.corroborates,
                    PositionLabel::Reports => p.reports,
                    PositionLabel::Disputes => p.disputes,
                };
                assert_eq!(p.score, want);
            }
        }
    }

    #[test]
    fn a_refuting_document_leans_towards_disputes_more_than_a_confirming_one() {
        let claim = "A shark was photographed swimming on a flooded highway in Houston.";
        let confirm =
            "A shark was photographed swimming on a flooded highway in Houston. The photo shows the shark clearly.";
        let refute = "A shark was photographed swimming on a flooded highway in Houston, the viral post claimed. \
                      The photo is a hoax. Experts said the image was fake and had been edited.";
        let disputes_of = |body: &str| {
            let docs = [Document::new("claim", claim), Document::new("body", body)];
            let report =
                compare(&docs, &Config::default(), &CompareOptions::default()).unwrap_or_else(|e| panic!("{e}"));
            report
                .clusters
                .iter()
                .flat_map(|c| &c.positions)
                .filter(|p| p.doc == "body")
                .map(|p| p.disputes)
                .fold(0.0, f64::max)
        };
        assert!(disputes_of(refute) > disputes_of(confirm));
    }
}
