//! The position model: a multinomial logistic regression over the named position features
//! (corroborates / reports / disputes). Its weights are a data file (`weights.txt`, one line per
//! feature: `name corroborates reports disputes`, the order of `PositionLabel::ALL`), written by `factdiff-eval --train`.

use super::features::{describe, PositionFeatures, NAMES};
use crate::linear;
use std::sync::OnceLock;

const WEIGHTS: &str = include_str!("weights.txt");

/// Weights per class and feature.
#[derive(Clone, Debug, PartialEq)]
pub struct PositionModel {
    /// For each class (corroborates, reports, disputes), one weight per feature of [`NAMES`].
    pub weights: [[f64; NAMES.len()]; 3],
}

/// Why a position weights file cannot be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PositionWeightsError {
    #[error("line {0}: expected `name corroborates reports disputes`")]
    Line(usize),
    #[error("line {0}: unknown feature {1:?}")]
    Unknown(usize, String),
    #[error("feature {0:?} has no weights")]
    Missing(&'static str),
}

impl PositionModel {
    /// All-zero weights: every position is "reports" with probability 1/3.
    pub fn zero() -> PositionModel {
        PositionModel {
            weights: [[0.0; NAMES.len()]; 3],
        }
    }

    /// The embedded model; an unreadable weights file (a test guards against it) gives
    /// [`PositionModel::zero`].
    pub fn get() -> &'static PositionModel {
        static MODEL: OnceLock<PositionModel> = OnceLock::new();
        MODEL.get_or_init(|| PositionModel::parse(WEIGHTS).unwrap_or_else(|_| PositionModel::zero()))
    }

    /// Read `name corroborates reports disputes` lines; `#` starts a comment.
    pub fn parse(text: &str) -> Result<PositionModel, PositionWeightsError> {
        let mut model = PositionModel::zero();
        let mut seen = [false; NAMES.len()];
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let parts: Vec<&str> = line.split_whitespace().collect();
            let [name, a, b, c] = parts.as_slice() else {
                return Err(PositionWeightsError::Line(n + 1));
            };
            let f = NAMES
                .iter()
                .position(|x| x == name)
                .ok_or_else(|| PositionWeightsError::Unknown(n + 1, name.to_string()))?;
            for (k, v) in [a, b, c].into_iter().enumerate() {
                model.weights[k][f] = v.parse().map_err(|_| PositionWeightsError::Line(n + 1))?;
            }
            seen[f] = true;
        }
        if let Some(i) = seen.iter().position(|s| !s) {
            return Err(PositionWeightsError::Missing(NAMES[i]));
        }
        Ok(model)
    }

    /// The weights file for this model (what `parse` reads), with a header comment.
    #[cfg(any(test, feature = "training"))]
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str(&format!("# {line}\n"));
        }
        out.push_str("# feature corroborates reports disputes\n");
        out.push_str(&linear::weight_lines(&NAMES, &self.weights));
        out
    }

    /// Probabilities of corroborates, reports, disputes.
    pub fn probabilities(&self, x: &PositionFeatures) -> [f64; 3] {
        linear::softmax(linear::logits(&self.weights, &x.values))
    }

    /// The most probable class (0 corroborates, 1 reports, 2 disputes; a tie goes to reports)
    /// and the three probabilities.
    pub fn decide(&self, x: &PositionFeatures) -> (usize, [f64; 3]) {
        let p = self.probabilities(x);
        let k = if p[0] > p[1] && p[0] > p[2] {
            0
        } else if p[2] > p[1] && p[2] > p[0] {
            2
        } else {
            1
        };
        (k, p)
    }

    /// The features that pushed class `k` most above the other classes, as
    /// `"hedged here +0.84"`, strongest first, at most `n`, positive ones only.
    pub fn top_reasons(&self, x: &PositionFeatures, k: usize, n: usize) -> Vec<String> {
        linear::top_reasons(&NAMES, describe, &self.weights, &x.values, k, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_weights_name_every_feature_and_round_trip() {
        let m = PositionModel::parse(WEIGHTS);
        assert!(m.is_ok(), "{m:?}");
        let text = PositionModel::get().to_text("x");
        assert_eq!(PositionModel::parse(&text).ok().as_ref(), Some(PositionModel::get()));
    }

    #[test]
    fn bad_weights_are_errors() {
        assert_eq!(PositionModel::parse("bias 1 2"), Err(PositionWeightsError::Line(1)));
        assert_eq!(
            PositionModel::parse("nope 1 2 3"),
            Err(PositionWeightsError::Unknown(1, "nope".into()))
        );
        assert_eq!(
            PositionModel::parse("bias 1 2 3"),
            Err(PositionWeightsError::Missing("best_score"))
        );
    }

    #[test]
    fn zero_weights_say_reports() {
        let x = PositionFeatures {
            values: [1.0; NAMES.len()],
        };
        let (k, p) = PositionModel::zero().decide(&x);
        assert_eq!(k, 1);
        assert!((p[1] - 1.0 / 3.0).abs() < 1e-12);
    }
}
