//! Sentence vectors: the optional semantic mode, for callers who accept slower runs.
//!
//! An [`Embedder`] (a Python callable running a sentence encoder, any model the caller runs) gives
//! each claim a vector. Alignment then (a) also proposes, for each claim, its [`NEIGHBOURS`]
//! nearest claims of other documents by cosine as candidates, among the [`WINDOW`] claims around
//! it, so the cost stays linear in the claims; and (b) scores every candidate with the cosine as
//! one more named feature, "sentence vectors cosine", stacked on the aligner's logit with weights
//! of their own ([`EmbedModel`], `embed_weights.txt`, written by `factdiff-eval train-embed`).
//!
//! Without an embedder nothing here runs: the default path is unchanged and offline. What this
//! module does not do: compute vectors (the caller's model does), or change the aligner's own
//! weights (`weights.txt`).

use super::model::{strongest, AlignModel, Values};
use crate::{Claim, Error, Result};
use std::sync::OnceLock;

/// Gives sentences vectors (a sentence encoder). Implementations are called from the pipeline's
/// worker threads, in batches.
pub trait Embedder: Sync {
    /// One vector per text, in order, all of the same length. An `Err` (what went wrong, in
    /// words) ends the comparison with [`Error::Embedding`].
    fn embed(&self, texts: &[&str]) -> std::result::Result<Vec<Vec<f32>>, String>;
}

/// How many claims' texts are given to the embedder at once (`should_stop` is polled between).
pub const EMBED_EVERY: usize = 1_024;
/// Each claim's nearest claims of other documents proposed as candidates.
pub const NEIGHBOURS: usize = 5;
/// ... when their cosine reaches this.
pub const MIN_COSINE: f64 = 0.5;
/// Each claim is compared by cosine with at most this many claims: those nearest to it in input
/// order (so a story of up to 4,097 claims is compared all pairs).
pub const WINDOW: usize = 4_096;

/// The claims' vectors, each scaled to unit length (a zero vector stays zero: cosine 0).
#[derive(Clone, Debug, Default)]
pub struct Vectors {
    dim: usize,
    data: Vec<f32>,
}

impl Vectors {
    /// Every claim's vector from `embedder`, checked: one per claim, one length, finite numbers.
    /// [`Error::Cancelled`] once `should_stop` returns true (polled between batches).
    pub fn of(claims: &[Claim], embedder: &dyn Embedder, should_stop: &(dyn Fn() -> bool + Sync)) -> Result<Vectors> {
        let mut out = Vectors::default();
        let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
        for (k, batch) in texts.chunks(EMBED_EVERY).enumerate() {
            if should_stop() {
                return Err(Error::Cancelled);
            }
            let vectors = embedder.embed(batch).map_err(|message| Error::Embedding { message })?;
            if vectors.len() != batch.len() {
                return Err(Error::Embedding {
                    message: format!(
                        "{} vectors for {} sentences (one per sentence, in order)",
                        vectors.len(),
                        batch.len()
                    ),
                });
            }
            for (n, v) in vectors.iter().enumerate() {
                out.push(v, k * EMBED_EVERY + n)?;
            }
        }
        Ok(out)
    }

    /// Add sentence `n`'s vector, scaled to unit length.
    fn push(&mut self, v: &[f32], n: usize) -> Result<()> {
        let bad = |message: String| Error::Embedding { message };
        if v.is_empty() {
            return Err(bad(format!("the vector of sentence {n} is empty")));
        }
        if self.data.is_empty() {
            self.dim = v.len();
        } else if v.len() != self.dim {
            return Err(bad(format!(
                "the vector of sentence {n} has {} numbers, the ones before it {}",
                v.len(),
                self.dim
            )));
        }
        if let Some(x) = v.iter().find(|x| !x.is_finite()) {
            return Err(bad(format!(
                "the vector of sentence {n} holds {x}, not a finite number"
            )));
        }
        let norm = v.iter().map(|&x| f64::from(x) * f64::from(x)).sum::<f64>().sqrt();
        let scale = if norm > 0.0 { (1.0 / norm) as f32 } else { 0.0 };
        self.data.extend(v.iter().map(|&x| x * scale));
        Ok(())
    }

    /// How many vectors there are.
    pub fn len(&self) -> usize {
        self.data.len().checked_div(self.dim).unwrap_or(0)
    }

    /// Whether there are none.
    #[cfg(any(test, feature = "training"))]
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    fn row(&self, i: usize) -> &[f32] {
        self.data.get(i * self.dim..(i + 1) * self.dim).unwrap_or_default()
    }

    /// The cosine of claims `i` and `j` (0 for a claim without a vector).
    pub fn cosine(&self, i: usize, j: usize) -> f64 {
        let dot: f32 = self.row(i).iter().zip(self.row(j)).map(|(a, b)| a * b).sum();
        f64::from(dot).clamp(-1.0, 1.0)
    }

    /// Candidate pairs (i < j, sorted, no repeats) of claims of different documents: each claim's
    /// [`NEIGHBOURS`] nearest by cosine, from [`MIN_COSINE`], among the [`WINDOW`] claims nearest
    /// to it in input order; and how many comparisons that window left out.
    pub fn neighbours(&self, claims: &[Claim]) -> (Vec<(usize, usize)>, Blocking) {
        use rayon::prelude::*;
        let n = claims.len().min(self.len());
        // Claims come grouped by document: a document's ordinal per claim.
        let mut doc = Vec::with_capacity(n);
        for (i, c) in claims.iter().take(n).enumerate() {
            let same = i > 0 && claims[i - 1].doc == c.doc;
            doc.push(doc.last().map_or(0, |&d: &usize| if same { d } else { d + 1 }));
        }
        let width = WINDOW.min(n.saturating_sub(1));
        let mut pairs: Vec<(usize, usize)> = (0..n)
            .into_par_iter()
            .with_min_len(16)
            .flat_map_iter(|i| {
                let start = i.saturating_sub(width / 2).min(n - 1 - width);
                let mut best: Vec<(f64, usize)> = Vec::with_capacity(NEIGHBOURS + 1);
                for j in (start..=start + width).filter(|&j| doc[j] != doc[i]) {
                    let c = self.cosine(i, j);
                    if c >= MIN_COSINE && (best.len() < NEIGHBOURS || best.last().is_some_and(|b| c > b.0)) {
                        let at = best.partition_point(|b| b.0 >= c);
                        best.insert(at, (c, j));
                        best.truncate(NEIGHBOURS);
                    }
                }
                best.into_iter().map(move |(_, j)| (i.min(j), i.max(j)))
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let left_out = if n > 0 { n * (n - 1 - width) / 2 } else { 0 };
        (
            pairs,
            Blocking {
                window: width + 1,
                left_out,
            },
        )
    }
}

/// What comparing by cosine only inside a window left out (for the report's warnings).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Blocking {
    /// How many claims each claim was compared with by cosine, itself included.
    pub window: usize,
    /// About how many pairs of claims were not compared by cosine (half the claims times those
    /// outside each claim's window).
    pub left_out: usize,
}

impl Blocking {
    /// What was left out, in words: nothing when every pair was compared.
    pub fn warnings(&self) -> Vec<String> {
        if self.left_out == 0 {
            return Vec::new();
        }
        vec![format!(
            "sentence vectors: each claim compared by cosine only with the {} claims nearest to it in input \
             order ({} pairs left out; word blocking still compares them)",
            self.window, self.left_out
        )]
    }
}

const WEIGHTS: &str = include_str!("embed_weights.txt");

/// The aligner with sentence vectors: `logit_weight · aligner logit + cosine_weight · cosine +
/// bias`, through the logistic function. The aligner's own features keep their weights, so every
/// reason it gives still holds, scaled; the cosine is one more named reason.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EmbedModel {
    /// The weight of the aligner's logit (positive).
    pub logit_weight: f64,
    /// The weight of the cosine of the two claims' vectors.
    pub cosine_weight: f64,
    /// The bias (the decision is at probability one half).
    pub bias: f64,
}

/// The names of the [`EmbedModel`]'s weights in its file, in order.
pub const NAMES: [&str; 3] = ["aligner_logit", "sentence_vectors_cosine", "bias"];

/// The reason name of the cosine.
pub const REASON: &str = "sentence vectors cosine";

impl EmbedModel {
    /// The embedded weights. An unreadable file (a test guards against it) gives the aligner
    /// alone (cosine weight 0).
    pub fn get() -> &'static EmbedModel {
        static MODEL: OnceLock<EmbedModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            EmbedModel::parse(WEIGHTS).unwrap_or(EmbedModel {
                logit_weight: 1.0,
                cosine_weight: 0.0,
                bias: 0.0,
            })
        })
    }

    /// Read `name weight` lines for the three [`NAMES`]; `#` starts a comment. The aligner's
    /// logit weight must be positive (a better aligner score never lowers the probability).
    pub fn parse(text: &str) -> std::result::Result<EmbedModel, String> {
        let mut w = [None; 3];
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let [name, value] = line.split_whitespace().collect::<Vec<_>>()[..] else {
                return Err(format!("line {}: expected `name weight`", n + 1));
            };
            let f = NAMES
                .iter()
                .position(|x| *x == name)
                .ok_or_else(|| format!("line {}: unknown weight {name:?}", n + 1))?;
            let value: f64 = value.parse().map_err(|_| format!("line {}: not a number", n + 1))?;
            w[f] = Some(value).filter(|v| v.is_finite());
        }
        let [Some(logit_weight), Some(cosine_weight), Some(bias)] = w else {
            return Err(format!("every one of {NAMES:?} needs a finite weight"));
        };
        if logit_weight <= 0.0 {
            return Err("aligner_logit must be positive".into());
        }
        Ok(EmbedModel {
            logit_weight,
            cosine_weight,
            bias,
        })
    }

    /// The weights file for this model (what `parse` reads), with a header comment.
    #[cfg(any(test, feature = "training"))]
    pub fn to_text(self, header: &str) -> String {
        let mut out: String = header.lines().map(|l| format!("# {l}\n")).collect();
        for (name, w) in NAMES.iter().zip([self.logit_weight, self.cosine_weight, self.bias]) {
            out.push_str(&format!("{name} {w:.4}\n"));
        }
        out
    }

    /// The logit from the aligner's logit and the cosine.
    pub fn logit(&self, aligner_logit: f64, cosine: f64) -> f64 {
        self.logit_weight * aligner_logit + self.cosine_weight * cosine + self.bias
    }

    /// The probability from the aligner's probability (monotone in it: the aligner's bound
    /// stays a bound) and the cosine.
    pub fn probability(&self, aligner_probability: f64, cosine: f64) -> f64 {
        let p = aligner_probability.clamp(1e-12, 1.0 - 1e-12);
        sigmoid(self.logit((p / (1.0 - p)).ln(), cosine))
    }

    /// The kinds of evidence that pushed the pair most: the aligner's (scaled by its weight
    /// here) and the cosine, as [`super::model::AlignModel::reasons`] names them.
    pub fn reasons(&self, model: &AlignModel, x: &Values, cosine: f64, n: usize) -> Vec<String> {
        let mut parts: Vec<(&str, f64)> = model
            .contributions(x)
            .into_iter()
            .map(|(name, push)| (name, push * self.logit_weight))
            .collect();
        parts.push((REASON, self.cosine_weight * cosine));
        strongest(parts, n)
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tests::claims;

    struct Fixed(Vec<Vec<f32>>);
    impl Embedder for Fixed {
        fn embed(&self, texts: &[&str]) -> std::result::Result<Vec<Vec<f32>>, String> {
            Ok(self.0.iter().take(texts.len()).cloned().collect())
        }
    }

    #[test]
    fn the_embedded_weights_read_and_round_trip() {
        let m = EmbedModel::parse(WEIGHTS);
        assert!(m.is_ok(), "{m:?}");
        let text = EmbedModel::get().to_text("x");
        assert_eq!(EmbedModel::parse(&text).as_ref(), Ok(EmbedModel::get()));
        assert!(EmbedModel::parse("aligner_logit 1\nbias 0").is_err());
        assert!(EmbedModel::parse("aligner_logit -1\nsentence_vectors_cosine 1\nbias 0").is_err());
        assert!(EmbedModel::parse("nope 1").is_err());
        let m = EmbedModel::get();
        assert!(m.probability(0.6, 0.9) > m.probability(0.5, 0.9));
    }

    #[test]
    fn vectors_are_checked_and_scaled() {
        let c = claims(&[("a", "The dam broke on Sunday."), ("b", "The dam held firm on Sunday.")]);
        let v = Vectors::of(&c, &Fixed(vec![vec![3.0, 4.0], vec![0.0, 2.0]]), &|| false);
        let v = v.unwrap_or_default();
        assert_eq!(v.len(), 2);
        assert!((v.cosine(0, 1) - 0.8).abs() < 1e-6, "{}", v.cosine(0, 1));
        let err = |vs: Vec<Vec<f32>>| {
            Vectors::of(&c, &Fixed(vs), &|| false)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(err(vec![vec![1.0]]).contains("1 vectors for 2 sentences"));
        assert!(err(vec![vec![1.0], vec![1.0, 2.0]]).contains("sentence 1 has 2 numbers"));
        assert!(err(vec![vec![1.0], vec![f32::NAN]]).contains("not a finite number"));
        assert!(err(vec![vec![], vec![]]).contains("empty"));
        let stopped = Vectors::of(&c, &Fixed(vec![vec![1.0]; 2]), &|| true);
        assert!(matches!(stopped, Err(Error::Cancelled)));
    }

    #[test]
    fn neighbours_cross_documents_and_keep_the_nearest() {
        let c = claims(&[
            ("a", "The river flooded the old town on Monday. The mayor closed every school in the valley. Farmers sold their cattle at the spring market."),
            ("b", "Floods reached the old town after heavy rain. All schools in the valley stayed shut on Monday."),
        ]);
        assert_eq!(c.len(), 5);
        // Claims 0 and 3 point the same way, 1 and 4 nearly; 2 is apart from all.
        let v = vec![
            vec![1.0, 0.0, 0.0],
            vec![0.0, 1.0, 0.1],
            vec![0.0, 0.0, 1.0],
            vec![1.0, 0.1, 0.0],
            vec![0.1, 1.0, 0.0],
        ];
        let v = Vectors::of(&c, &Fixed(v), &|| false).unwrap_or_default();
        let (pairs, blocking) = v.neighbours(&c);
        assert_eq!(pairs, [(0, 3), (1, 4)]);
        assert_eq!(blocking, Blocking { window: 5, left_out: 0 });
        assert!(blocking.warnings().is_empty());
    }
}
