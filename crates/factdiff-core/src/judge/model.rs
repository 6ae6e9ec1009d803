//! The judge's model: a multinomial logistic regression over the named pair
//! features. Its weights are a data file (`weights.txt`, one line per feature:
//! `name entail neutral contradict`), written by `factdiff-eval --train`.

use super::features::{describe, PairFeatures, NAMES};
use std::sync::OnceLock;

/// Class order of the weights and of [`Model::probabilities`].
pub const CLASSES: [&str; 3] = ["entail", "neutral", "contradict"];

const WEIGHTS: &str = include_str!("weights.txt");

/// Weights per class and feature.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
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
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str(&format!("# {line}\n"));
        }
        out.push_str(&format!("contradict_threshold {:.2}\n", self.contradict_threshold));
        out.push_str("# feature entail neutral contradict\n");
        for (f, name) in NAMES.iter().enumerate() {
            out.push_str(&format!(
                "{name} {:.4} {:.4} {:.4}\n",
                self.weights[0][f], self.weights[1][f], self.weights[2][f]
            ));
        }
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
        let mut z = [0.0; 3];
        for (k, w) in self.weights.iter().enumerate() {
            z[k] = w.iter().zip(&x.values).map(|(w, v)| w * v).sum();
        }
        z
    }

    /// Probabilities of entail, neutral, contradict.
    pub fn probabilities(&self, x: &PairFeatures) -> [f64; 3] {
        softmax(self.logits(x))
    }

    /// The features that pushed class `k` most above the other classes, as
    /// `"negation flip +1.92"`, strongest first, at most `n`, positive ones only.
    pub fn top_reasons(&self, x: &PairFeatures, k: usize, n: usize) -> Vec<String> {
        let mut parts: Vec<(&str, f64)> = Vec::new();
        for (f, name) in NAMES.iter().enumerate().skip(1) {
            let others = self
                .weights
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .map(|(_, w)| w[f])
                .sum::<f64>()
                / 2.0;
            let push = x.values[f] * (self.weights[k][f] - others);
            if push <= 0.05 {
                continue;
            }
            let label = describe(name);
            match parts.iter_mut().find(|(l, _)| *l == label) {
                Some(p) => p.1 += push,
                None => parts.push((label, push)),
            }
        }
        parts.sort_by(|a, b| b.1.total_cmp(&a.1));
        parts.into_iter().take(n).map(|(l, v)| format!("{l} +{v:.2}")).collect()
    }
}

/// Softmax of three scores.
pub fn softmax(z: [f64; 3]) -> [f64; 3] {
    let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e = z.map(|v| (v - m).exp());
    let s: f64 = e.iter().sum();
    e.map(|v| v / s)
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

    #[test]
    fn softmax_sums_to_one_and_keeps_order() {
        let p = softmax([2.0, 0.0, -1.0]);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(p[0] > p[1] && p[1] > p[2]);
    }
}
