//! The judge's model: a multinomial logistic regression over the named pair
//! features. Its weights are a data file (`weights.txt`, one line per feature:
//! `name entail neutral contradict`, the order of `VerdictLabel::ALL`), written by `factdiff-eval --train`.

use super::features::{describe, PairFeatures, NAMES};
use crate::linear;
pub use crate::linear::softmax;
use std::sync::OnceLock;

const WEIGHTS: &str = include_str!("weights.txt");

/// Weights per class and feature.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// For each class (entail, neutral, contradict), one weight per feature of [`NAMES`].
    pub weights: [[f64; NAMES.len()]; 3],
    /// A pair with a conflict cue is contradictory when its contradict probability reaches this
    /// (chosen on the training data; the classes are unbalanced, so it is not simply 1/2).
    pub contradict_threshold: f64,
}

/// Why a weights file cannot be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum WeightsError {
    #[error("line {0}: expected `name entail neutral contradict`")]
    Line(usize),
    #[error("line {0}: unknown feature {1:?}")]
    Unknown(usize, String),
    #[error("feature {0:?} has no weights")]
    Missing(&'static str),
}

impl Model {
    /// The embedded model. An unreadable weights file (a test guards against it) gives all-zero
    /// weights, so every verdict is neutral rather than a panic.
    pub fn get() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::parse(WEIGHTS).unwrap_or(Model {
                weights: [[0.0; NAMES.len()]; 3],
                contradict_threshold: 1.0,
            })
        })
    }

    /// Read `name entail neutral contradict` lines and one `contradict_threshold t` line; `#`
    /// starts a comment.
    pub fn parse(text: &str) -> Result<Model, WeightsError> {
        let mut weights = [[0.0; NAMES.len()]; 3];
        let mut contradict_threshold = None;
        let mut seen = [false; NAMES.len()];
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let parts: Vec<&str> = line.split_whitespace().collect();
            if let ["contradict_threshold", t] = parts.as_slice() {
                contradict_threshold = Some(t.parse().map_err(|_| WeightsError::Line(n + 1))?);
                continue;
            }
            let [name, e, u, c] = parts.as_slice() else {
                return Err(WeightsError::Line(n + 1));
            };
            let f = NAMES
                .iter()
                .position(|x| x == name)
                .ok_or_else(|| WeightsError::Unknown(n + 1, name.to_string()))?;
            for (k, v) in [e, u, c].into_iter().enumerate() {
                weights[k][f] = v.parse().map_err(|_| WeightsError::Line(n + 1))?;
            }
            seen[f] = true;
        }
        if let Some(i) = seen.iter().position(|s| !s) {
            return Err(WeightsError::Missing(NAMES[i]));
        }
        let contradict_threshold = contradict_threshold.ok_or(WeightsError::Missing("contradict_threshold"))?;
        Ok(Model {
            weights,
            contradict_threshold,
        })
    }

    /// The weights file for this model (what `parse` reads), with a header comment.
    #[cfg(any(test, feature = "training"))]
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str(&format!("# {line}\n"));
        }
        out.push_str(&format!("contradict_threshold {:.2}\n", self.contradict_threshold));
        out.push_str("# feature entail neutral contradict\n");
        out.push_str(&linear::weight_lines(&NAMES, &self.weights));
        out
    }

    /// The judge's label (0 entail, 1 neutral, 2 contradict) and the three probabilities.
    ///
    /// Contradict needs a conflict cue (negation flip, antonym pair, refutation word, negation
    /// words on one side only, a learned contradicting substitution): either a negation flip,
    /// antonym pair or refutation word on claims sharing at least 30% of their terms (25% for
    /// antonyms), or any cue with a contradict probability reaching
    /// [`Model::contradict_threshold`]. Otherwise the likelier of entail and neutral.
    pub fn decide(&self, x: &PairFeatures) -> (usize, [f64; 3]) {
        let p = self.probabilities(x);
        let overlap = x.get("term_overlap");
        let cue = |n: &str| x.get(n) > 0.0;
        let cued = cue("negation_flip")
            || cue("antonym_pair")
            || cue("refutation_one_side")
            || cue("learned_pair_contradict")
            || cue("negation_one_side");
        let rule = (cue("negation_flip") && overlap >= 0.3)
            || (cue("antonym_pair") && overlap >= 0.25)
            || (cue("refutation_one_side") && overlap >= 0.3);
        let k = if rule || (cued && p[2] >= self.contradict_threshold) {
            2
        } else if p[0] > p[1] {
            0
        } else {
            1
        };
        (k, p)
    }

    /// Class scores (before the softmax).
    pub fn logits(&self, x: &PairFeatures) -> [f64; 3] {
        linear::logits(&self.weights, &x.values)
    }

    /// Probabilities of entail, neutral, contradict.
    pub fn probabilities(&self, x: &PairFeatures) -> [f64; 3] {
        softmax(self.logits(x))
    }

    /// The features that pushed class `k` most above the other classes, as
    /// `"negation flip +1.92"`, strongest first, at most `n`, positive ones only.
    pub fn top_reasons(&self, x: &PairFeatures, k: usize, n: usize) -> Vec<String> {
        linear::top_reasons(&NAMES, describe, &self.weights, &x.values, k, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_weights_name_every_feature() {
        let m = Model::parse(WEIGHTS);
        assert!(m.is_ok(), "{m:?}");
        let text = Model::get().to_text("x");
        assert_eq!(Model::parse(&text).ok().as_ref(), Some(Model::get()));
    }

    #[test]
    fn bad_weights_are_errors() {
        assert_eq!(Model::parse("bias 1 2"), Err(WeightsError::Line(1)));
        assert_eq!(Model::parse("nope 1 2 3"), Err(WeightsError::Unknown(1, "nope".into())));
        assert_eq!(Model::parse("bias 1 2 3"), Err(WeightsError::Missing("term_overlap")));
        let mut text = Model::get().to_text("x");
        text = text.replace("contradict_threshold", "# ");
        assert_eq!(Model::parse(&text), Err(WeightsError::Missing("contradict_threshold")));
    }
}
