//! Align: find claims in different documents that state the same fact.
//!
//! Candidates come from an inverted index over content stems, canonical
//! entities and numbers ([`index`]); only pairs that share enough rare keys are
//! scored ([`similarity`]), so no stage loops over all claim pairs. Scored
//! pairs above the threshold are judged in one batch and grouped into
//! clusters ([`cluster`]). A source never aligns with itself: pairs inside one
//! document are kept apart as possible repetitions.

pub mod cluster;
pub mod index;
pub mod similarity;

use crate::judge::Judge;
use crate::lexicon::Lexicon;
use crate::{Alignment, Claim, Cluster, Config};

/// Alignment result: judged cross-document pairs (by claim index), their
/// clusters, and near-identical pairs inside one document.
#[derive(Clone, Debug, Default)]
pub struct Aligned {
    pub pairs: Vec<(usize, usize, Alignment)>,
    pub clusters: Vec<Cluster>,
    /// (i, j, similarity) for claims of the same document that nearly repeat each other.
    pub repeats: Vec<(usize, usize, f64)>,
}

pub fn align(claims: &[Claim], judge: &dyn Judge, lex: &Lexicon, config: &Config) -> Aligned {
    let features: Vec<similarity::Features> = claims.iter().map(|c| similarity::Features::of(lex, c)).collect();
    let idx = index::Index::build(&features, config);
    let mut scored = Vec::new();
    let mut repeats = Vec::new();
    for (i, j) in idx.candidates(&features, config) {
        let f = similarity::compare(&features[i], &features[j], &idx, &claims[i].text, &claims[j].text);
        if claims[i].doc == claims[j].doc {
            let sim = f.text_similarity.max(f.term_overlap);
            if sim >= config.repeat_similarity {
                repeats.push((i, j, sim));
            }
        } else {
            let score = similarity::score(&f);
            if score >= config.align_threshold {
                scored.push((i, j, score, f));
            }
        }
    }
    let batch: Vec<(&Claim, &Claim, f64)> = scored
        .iter()
        .map(|(i, j, _, f)| (&claims[*i], &claims[*j], f.term_overlap))
        .collect();
    let verdicts = judge.judge(&batch);
    let pairs: Vec<(usize, usize, Alignment)> = scored
        .into_iter()
        .zip(verdicts)
        .map(|((i, j, score, features), verdict)| {
            (
                i,
                j,
                Alignment {
                    a: claims[i].id.clone(),
                    b: claims[j].id.clone(),
                    score: round3(score),
                    features,
                    verdict,
                },
            )
        })
        .collect();
    let clusters = cluster::clusters(claims, &pairs);
    Aligned {
        pairs,
        clusters,
        repeats,
    }
}

pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
