//! The inside of the pipeline that training and evaluation need, behind the `training` feature.
//!
//! `factdiff-eval` fits the engine's three learned models (the aligner, the judge, the position
//! model) on the same features the report computes, and writes their weight files; it reaches them
//! here, and only here. The fuzz targets check the cleaning and segmentation stages one by one
//! through [`stages`]. None of this is part of the stable API: a user needs the crate root.

use crate::lexicon::Lexicon;
use std::sync::Arc;

/// The aligner's model: the candidate pairs blocking proposes, their features and the weights.
pub mod align {
    pub use crate::align::model::{values, AlignModel, Values, NAMES};
    pub use crate::align::similarity::PairStats;
    pub use crate::align::{candidate_stats, semantic_candidate_stats};
}

/// The semantic mode: the claims' sentence vectors and the weights stacked on the aligner.
pub mod embed {
    pub use crate::align::embed::{EmbedModel, Vectors};
}

/// The judge's model: the features of an aligned pair, the learned substitution table, the weights.
pub mod judge {
    pub use crate::judge::features::NAMES;
    pub use crate::judge::{
        pair_differences, pair_features, Difference, LexicalJudge, Model, PairFeatures, Substitutions,
    };
}

/// The position model: a document's features on a cluster and the weights.
pub mod position {
    pub use crate::position::features::NAMES;
    pub use crate::position::{features, PositionFeatures, PositionModel};
}

/// The linear three-class model the judge and the position model share.
pub mod linear {
    pub use crate::linear::{logits, softmax, Weights};
}

/// The first stages on their own, for the fuzz targets that check their spans.
pub mod stages {
    pub use crate::clean::{clean, Cleaned};
    pub use crate::segment::{segment, Sentence};
}

/// The content stems of `text` as blocking and the aligner's term overlap see them.
pub fn content_terms(text: &str) -> Vec<Arc<str>> {
    crate::analyze::tokens::content_terms(Lexicon::get(), text)
}

/// Whether `text` refutes something ("denied", "a hoax", "not true"), unless the refutation is
/// itself negated ("did not deny").
pub fn refutes(text: &str) -> bool {
    Lexicon::get().refutes(text)
}
