//! The aligner's model: whether two claims of different documents state the same fact, as the
//! probability of a logistic regression over named features of the pair (term overlap weighted
//! by rarity, how much of each claim the shared terms cover, character similarity, entity and
//! number agreement, lengths, and terms that are WordNet synonyms or derivations of each other). Its weights are a data file (`weights.txt`, one `name weight` line
//! per feature), written by `factdiff-eval --train-align` from training splits only; the bias is
//! set so that a probability of one half is the decision ([`crate::Config::align_threshold`]).

use super::similarity::PairStats;
use std::sync::OnceLock;

/// The features, in the order of the weights. `bias` is always 1.
pub const NAMES: [&str; 35] = [
    "bias",
    "term_jaccard",
    "shorter_covered",
    "longer_covered",
    "both_covered",
    "shared_weight",
    "shared_terms",
    "shorter_terms_shared",
    "rarest_shared",
    "rarest_x_covered",
    "shared_weight_x_longer_covered",
    "smaller_weight",
    "text_similarity",
    "text_excess",
    "text_x_length_ratio",
    "entity_overlap",
    "entity_conflict",
    "entities_unshared",
    "number_overlap",
    "number_conflict",
    "numbers_unshared",
    "length_ratio",
    "length_gap",
    "short_claim",
    "short_claim_x_covered",
    "unshared_weight_min",
    "unshared_weight_max",
    "synonym_weight",
    "synonym_covered",
    "unmatched_terms_min",
    "unmatched_terms_max",
    "unmatched_share_max",
    "entities_missing_min",
    "numbers_missing_min",
    "numbers_missing_max",
];

/// Where the character similarity's features are in [`NAMES`] (`text_similarity`, then
/// `text_excess` and `text_x_length_ratio`) and `length_ratio`: [`AlignModel::bound`] reads them.
const TEXT_SIMILARITY: usize = 12;
const TEXT_X_LENGTH_RATIO: usize = 14;
const LENGTH_RATIO: usize = 21;

/// Feature values of one pair, in the order of [`NAMES`].
pub type Values = [f64; NAMES.len()];

/// What a feature is about, for the reasons of an alignment (features with the same
/// description are summed).
fn describe(name: &str) -> &'static str {
    match name {
        "term_jaccard"
        | "shorter_covered"
        | "longer_covered"
        | "both_covered"
        | "rarest_x_covered"
        | "shared_weight_x_longer_covered"
        | "short_claim_x_covered" => "shared terms cover the claims",
        "shared_weight" | "shared_terms" | "shorter_terms_shared" | "rarest_shared" => "shared rare terms",
        "text_similarity" | "text_excess" | "text_x_length_ratio" => "similar wording",
        "entity_overlap" | "entity_conflict" | "entities_unshared" | "entities_missing_min" => "entities",
        "number_overlap" | "number_conflict" | "numbers_unshared" | "numbers_missing_min" | "numbers_missing_max" => {
            "numbers"
        }
        "unmatched_terms_min" | "unmatched_terms_max" | "unmatched_share_max" => "words only one claim has",
        "synonym_weight" | "synonym_covered" => "shared synonyms",
        _ => "lengths",
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        0.0
    }
}

/// The feature values of a pair from its statistics.
pub fn values(s: &PairStats) -> Values {
    let (wmin, wmax) = (s.weight_a.min(s.weight_b), s.weight_a.max(s.weight_b));
    let (tmin, tmax) = (s.terms_a.min(s.terms_b) as f64, s.terms_a.max(s.terms_b) as f64);
    let shared = s.shared_terms as f64;
    let jaccard = ratio(s.shared_weight, s.weight_a + s.weight_b - s.shared_weight);
    let shorter_covered = ratio(s.shared_weight, wmin);
    let longer_covered = ratio(s.shared_weight, wmax);
    let shared_weight = s.shared_weight.min(30.0) / 10.0;
    let rarest = ratio(s.rarest_shared, s.max_idf);
    let entity_union = (s.entities_a + s.entities_b - s.shared_entities) as f64;
    let number_union = (s.numbers_a + s.numbers_b - s.shared_numbers) as f64;
    let conflict = |a: usize, b: usize, shared: usize| f64::from(u8::from(a > 0 && b > 0 && shared == 0));
    let unshared = |a: usize, b: usize, shared: usize| (a.max(b) - shared).min(3) as f64 / 3.0;
    let length_ratio = ratio(tmin, tmax.max(1.0));
    let short = f64::from(u8::from(tmin <= 6.0));
    // Terms of each side with neither the same term nor a synonym on the other.
    let synonyms_b = s.synonym_terms.saturating_sub(s.synonyms_a);
    let unmatched_a = s.terms_a.saturating_sub(s.shared_terms + s.synonyms_a) as f64;
    let unmatched_b = s.terms_b.saturating_sub(s.shared_terms + synonyms_b) as f64;
    let unmatched_share = ratio(unmatched_a, s.terms_a as f64).max(ratio(unmatched_b, s.terms_b as f64));
    // Names and numbers one side has and the other lacks.
    let missing =
        |a: usize, b: usize, shared: usize| (a.saturating_sub(shared) as f64, b.saturating_sub(shared) as f64);
    let (ea, eb) = missing(s.entities_a, s.entities_b, s.shared_entities);
    let (na, nb) = missing(s.numbers_a, s.numbers_b, s.shared_numbers);
    [
        1.0,
        jaccard,
        shorter_covered,
        longer_covered,
        shorter_covered * longer_covered,
        shared_weight,
        shared.min(8.0) / 8.0,
        shared.min(8.0) / tmin.max(1.0),
        rarest,
        rarest * shorter_covered,
        shared_weight * longer_covered,
        wmin.ln_1p() / 3.0,
        s.dice,
        (s.dice - 0.3).max(0.0),
        s.dice * length_ratio,
        ratio(s.shared_entities as f64, entity_union),
        conflict(s.entities_a, s.entities_b, s.shared_entities),
        unshared(s.entities_a, s.entities_b, s.shared_entities),
        ratio(s.shared_numbers as f64, number_union),
        conflict(s.numbers_a, s.numbers_b, s.shared_numbers),
        unshared(s.numbers_a, s.numbers_b, s.shared_numbers),
        length_ratio,
        (tmax - tmin).min(10.0) / 10.0,
        short,
        short * shorter_covered,
        (wmin - s.shared_weight).clamp(0.0, 20.0) / 10.0,
        (wmax - s.shared_weight).clamp(0.0, 40.0) / 10.0,
        s.synonym_weight.min(20.0) / 10.0,
        ratio(s.shared_weight + s.synonym_weight, wmin).min(1.0) - shorter_covered.min(1.0),
        unmatched_a.min(unmatched_b).min(5.0) / 5.0,
        unmatched_a.max(unmatched_b).min(10.0) / 10.0,
        unmatched_share,
        ea.min(eb).min(2.0) / 2.0,
        na.min(nb).min(2.0) / 2.0,
        na.max(nb).min(2.0) / 2.0,
    ]
}

const WEIGHTS: &str = include_str!("weights.txt");

/// The weights of the features.
#[derive(Clone, Debug, PartialEq)]
pub struct AlignModel {
    /// The weight of each feature of [`NAMES`], the bias first.
    pub weights: Values,
}

/// Why a weights file cannot be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum WeightsError {
    #[error("line {0}: expected `name weight`")]
    Line(usize),
    #[error("line {0}: unknown feature {1:?}")]
    Unknown(usize, String),
    #[error("feature {0:?} has no weight")]
    Missing(&'static str),
}

impl AlignModel {
    /// The embedded model. An unreadable weights file (a test guards against it) gives a model
    /// that aligns nothing, rather than a panic.
    pub fn get() -> &'static AlignModel {
        static MODEL: OnceLock<AlignModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            AlignModel::parse(WEIGHTS).unwrap_or_else(|_| {
                let mut weights = [0.0; NAMES.len()];
                weights[0] = -30.0;
                AlignModel { weights }
            })
        })
    }

    /// Read `name weight` lines, one per feature; `#` starts a comment.
    pub fn parse(text: &str) -> Result<AlignModel, WeightsError> {
        let mut weights = [0.0; NAMES.len()];
        let mut seen = [false; NAMES.len()];
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let [name, w] = line.split_whitespace().collect::<Vec<_>>()[..] else {
                return Err(WeightsError::Line(n + 1));
            };
            let f = NAMES
                .iter()
                .position(|x| *x == name)
                .ok_or_else(|| WeightsError::Unknown(n + 1, name.to_string()))?;
            weights[f] = w.parse().map_err(|_| WeightsError::Line(n + 1))?;
            seen[f] = true;
        }
        if let Some(i) = seen.iter().position(|s| !s) {
            return Err(WeightsError::Missing(NAMES[i]));
        }
        Ok(AlignModel { weights })
    }

    /// The weights file for this model (what `parse` reads), with a header comment.
    #[cfg(any(test, feature = "training"))]
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str(&format!("# {line}\n"));
        }
        for (name, w) in NAMES.iter().zip(&self.weights) {
            out.push_str(&format!("{name} {w:.4}\n"));
        }
        out
    }

    /// The model's logit for one pair's feature values (above 0: aligned).
    pub fn logit(&self, x: &Values) -> f64 {
        self.weights.iter().zip(x).map(|(w, v)| w * v).sum()
    }

    /// The probability that the two claims state the same fact.
    pub fn probability(&self, x: &Values) -> f64 {
        1.0 / (1.0 + (-self.logit(x)).exp())
    }

    /// The highest probability the pair can reach whatever its character similarity in
    /// `0..=dice_bound` (the features are linear in it piece by piece, bending at 0.3), so that a
    /// pair that cannot align skips the costly bigram comparison.
    pub fn bound(&self, s: &PairStats, dice_bound: f64) -> f64 {
        // The logit without the character similarity, once; then the three features that read it.
        let x = values(&PairStats { dice: 0.0, ..*s });
        let base = self.logit(&x);
        let length_ratio = x[LENGTH_RATIO];
        let w = &self.weights;
        let best = [dice_bound.min(0.3), dice_bound]
            .into_iter()
            .map(|d| {
                base + w[TEXT_SIMILARITY] * d
                    + w[TEXT_SIMILARITY + 1] * (d - 0.3).max(0.0)
                    + w[TEXT_X_LENGTH_RATIO] * d * length_ratio
            })
            .fold(base, f64::max);
        1.0 / (1.0 + (-best).exp())
    }

    /// Each kind of evidence's push on the logit: features with the same description summed,
    /// in the order of [`NAMES`] (the bias left out).
    pub fn contributions(&self, x: &Values) -> Vec<(&'static str, f64)> {
        let mut parts: Vec<(&'static str, f64)> = Vec::new();
        for (f, name) in NAMES.iter().enumerate().skip(1) {
            let label = describe(name);
            let push = self.weights[f] * x[f];
            match parts.iter_mut().find(|(l, _)| *l == label) {
                Some(p) => p.1 += push,
                None => parts.push((label, push)),
            }
        }
        parts
    }

    /// The kinds of evidence that pushed the pair's score most, either way, as `"shared rare
    /// terms +1.92"`: features with the same description are summed, strongest first, at most `n`.
    pub fn reasons(&self, x: &Values, n: usize) -> Vec<String> {
        strongest(self.contributions(x), n)
    }
}

/// The `n` strongest pushes, either way, as `"name +1.92"` (pushes under 0.05 left out).
pub fn strongest(mut parts: Vec<(&str, f64)>, n: usize) -> Vec<String> {
    parts.retain(|(_, v)| v.abs() > 0.05);
    parts.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    parts.into_iter().take(n).map(|(l, v)| format!("{l} {v:+.2}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_weights_name_every_feature_and_round_trip() {
        let m = AlignModel::parse(WEIGHTS);
        assert!(m.is_ok(), "{m:?}");
        let text = AlignModel::get().to_text("x");
        assert_eq!(AlignModel::parse(&text).ok().as_ref(), Some(AlignModel::get()));
    }

    #[test]
    fn the_bound_reads_the_character_similarity_features_where_they_are() {
        assert_eq!(
            NAMES[TEXT_SIMILARITY..=TEXT_X_LENGTH_RATIO],
            ["text_similarity", "text_excess", "text_x_length_ratio"]
        );
        assert_eq!(NAMES[LENGTH_RATIO], "length_ratio");
    }

    #[test]
    fn bad_weights_are_errors() {
        assert_eq!(AlignModel::parse("bias 1 2"), Err(WeightsError::Line(1)));
        assert_eq!(
            AlignModel::parse("nope 1"),
            Err(WeightsError::Unknown(1, "nope".into()))
        );
        assert_eq!(AlignModel::parse("bias x"), Err(WeightsError::Line(1)));
        assert_eq!(AlignModel::parse("bias 1"), Err(WeightsError::Missing("term_jaccard")));
    }

    #[test]
    fn more_shared_rare_wording_scores_higher_and_the_bound_holds() {
        let m = AlignModel::get();
        let weak = PairStats {
            shared_weight: 2.0,
            weight_a: 20.0,
            weight_b: 25.0,
            shared_terms: 1,
            terms_a: 8,
            terms_b: 10,
            rarest_shared: 2.0,
            max_idf: 5.0,
            dice: 0.3,
            ..PairStats::default()
        };
        let strong = PairStats {
            shared_weight: 18.0,
            shared_terms: 7,
            rarest_shared: 5.0,
            dice: 0.8,
            ..weak
        };
        let (pw, ps) = (m.probability(&values(&weak)), m.probability(&values(&strong)));
        assert!(ps > 0.5 && pw < 0.5 && ps > pw, "{pw} {ps}");
        assert!(m.bound(&strong, 0.9) >= ps);
        assert!(!m.reasons(&values(&strong), 3).is_empty());
    }
}
