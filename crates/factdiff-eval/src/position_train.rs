//! `--train`, second step: fits the position model (`factdiff_core::training::position`) on FNC-1 training
//! stories (bodies outside `fnc1/splits/hold_out_ids.txt`, built as the story mode builds them)
//! and writes `crates/factdiff-core/src/position/weights.txt`.
//!
//! Each story goes through `compare` with the default configuration and the judge
//! model fitted just before (so one `--train` run leaves both weight files consistent); the
//! examples are each related body's position features on the clusters that hold the headline
//! claim, labelled corroborates (agree), reports (discuss) or disputes (disagree). Full-batch
//! gradient descent with class weights (disagree is rare), L2 penalty, fixed iterations; then the two class biases are shifted by a fixed grid search for the
//! best training macro-F1. The same data always give the same bytes.

use crate::data::Res;
use crate::story::{Story, HEADLINE};
use factdiff_core::training::judge::{pair_features, Model, Substitutions};
use factdiff_core::training::position::{self, PositionFeatures, PositionModel};
use factdiff_core::{compare, Claim, Cluster, CompareOptions, Config, Judge, Verdict, VerdictLabel};
use rayon::prelude::*;
use std::path::Path;

/// The lexical judge with a given model and substitution table (the ones just trained): labels
/// and scores as the embedded judge gives them once both files are embedded. Positions read only
/// those.
struct ModelJudge<'m> {
    model: &'m Model,
    table: &'m Substitutions<'m>,
}

impl Judge for ModelJudge<'_> {
    fn judge(&self, pairs: &[(&Claim, &Claim, f64)]) -> Vec<Verdict> {
        // The learned features from the fresh table, not the embedded one (which may be stale).
        pair_features(pairs, self.table)
            .iter()
            .map(|x| {
                let (k, [entail, neutral, contradict]) = self.model.decide(x);
                Verdict {
                    label: VerdictLabel::ALL[k],
                    entail,
                    neutral,
                    contradict,
                    reasons: Vec::new(),
                }
            })
            .collect()
    }
}

/// FNC-1 label (agree, disagree, discuss) → position class (corroborates, reports, disputes).
fn class(gold: usize) -> Option<usize> {
    match gold {
        0 => Some(0),
        1 => Some(2),
        2 => Some(1),
        _ => None,
    }
}

/// FNC-1 training stories through the default report with `judge`: for every body labelled
/// agree / discuss / disagree, its position features on each cluster that holds a headline claim,
/// with the body's class — the positions the story mode reads.
pub fn examples(stories: &[Story], judge: &dyn Judge) -> Vec<(PositionFeatures, usize)> {
    stories
        .par_iter()
        .flat_map_iter(|story| {
            let mut out = Vec::new();
            let options = CompareOptions {
                judge,
                ..CompareOptions::default()
            };
            let Ok(report) = compare(&story.documents(), &Config::default(), &options) else {
                return out;
            };
            let headline = |id: &String| report.claim(id).is_some_and(|c| *c.doc == *HEADLINE);
            let clusters: Vec<Cluster> = report
                .clusters
                .iter()
                .filter(|c| c.claims.iter().any(headline))
                .cloned()
                .collect();
            let gold: Vec<(String, usize)> = story
                .bodies
                .iter()
                .filter_map(|b| Some((b.doc_id(), class(b.gold)?)))
                .collect();
            for docs in position::features(&clusters, &report.claims) {
                for (doc, x) in docs {
                    if let Some((_, y)) = gold.iter().find(|(d, _)| *d == doc) {
                        out.push((x, *y));
                    }
                }
            }
            out
        })
        .collect()
}

/// Multinomial logistic regression by full-batch gradient descent with per-class example
/// weights, L2-penalised (not the bias).
pub fn fit(rows: &[(PositionFeatures, usize)], class_weight: [f64; 3], iterations: usize, l2: f64) -> PositionModel {
    let start = PositionModel::zero().weights;
    PositionModel {
        weights: crate::fit::fit_linear(rows, |x| &x.values, &start, class_weight, 0.5, iterations, l2),
    }
}

/// Macro-F1 (0..=1) of the model's decisions over the three classes.
pub fn macro_f1(model: &PositionModel, rows: &[(PositionFeatures, usize)]) -> f64 {
    let mut m = [[0usize; 3]; 3];
    for (x, y) in rows {
        m[*y][model.decide(x).0] += 1;
    }
    let f1 = |k: usize| {
        let tp = m[k][k] as f64;
        let predicted: usize = (0..3).map(|g| m[g][k]).sum();
        let gold: usize = m[k].iter().sum();
        if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (predicted + gold) as f64
        }
    };
    (f1(0) + f1(1) + f1(2)) / 3.0
}

/// Shift the corroborates and disputes biases (relative to reports) to the best training
/// macro-F1 on a fixed grid (the first of equals).
pub fn shift_biases(model: &mut PositionModel, rows: &[(PositionFeatures, usize)]) {
    let base = (model.weights[0][0], model.weights[2][0]);
    let mut best = (f64::NEG_INFINITY, 0.0, 0.0);
    for i in -20..=20 {
        for j in -20..=20 {
            let (a, b) = (0.1 * f64::from(i), 0.1 * f64::from(j));
            model.weights[0][0] = base.0 + a;
            model.weights[2][0] = base.1 + b;
            let f = macro_f1(model, rows);
            if f > best.0 {
                best = (f, a, b);
            }
        }
    }
    model.weights[0][0] = base.0 + best.1;
    model.weights[2][0] = base.1 + best.2;
}

/// Train on FNC-1 training stories (bodies outside the hold-out split) and write the position
/// weights file `out`.
pub fn train(stories: &[Story], judge: &Model, table: &Substitutions, out: &Path) -> Res<()> {
    let rows = examples(stories, &ModelJudge { model: judge, table });
    let mut counts = [0usize; 3];
    for (_, y) in &rows {
        counts[*y] += 1;
    }
    // Square-root balanced class weights: rare classes count more, but not fully balanced.
    let n = rows.len().max(1) as f64;
    let class_weight = counts.map(|c| (n / (3.0 * c.max(1) as f64)).sqrt());
    let mut model = fit(&rows, class_weight, 2000, 1e-3);
    shift_biases(&mut model, &rows);
    println!(
        "train: {} FNC-1 training stories, {} positions of bodies on headline clusters \
         (corroborates / reports / disputes {} / {} / {}), training macro-F1 {:.3}",
        stories.len(),
        rows.len(),
        counts[0],
        counts[1],
        counts[2],
        macro_f1(&model, &rows)
    );
    let header = format!(
        "factdiff positions: multinomial logistic regression over the named position features.\n\
         Written by `cargo run --release -p factdiff-eval -- --train` from {} positions of bodies on the\n\
         clusters that hold the headline claim in FNC-1 training stories (story mode; bodies outside\n\
         fnc1/splits/hold_out_ids.txt; agree / discuss / disagree = corroborates / reports / disputes),\n\
         after the judge. Do not edit by hand.",
        rows.len()
    );
    crate::data::write_out(out, &model.to_text(&header))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use factdiff_core::training::position::NAMES;

    fn row(entail: f64, refute: f64) -> PositionFeatures {
        let mut values = [0.0; NAMES.len()];
        values[0] = 1.0;
        values[2] = entail;
        values[20] = refute;
        PositionFeatures { values }
    }

    #[test]
    fn fit_and_bias_shift_learn_a_separable_rule_deterministically() {
        let mut rows = Vec::new();
        for i in 0..20 {
            let v = 0.5 + f64::from(i) / 40.0;
            rows.push((row(v, 0.0), 0));
            rows.push((row(v - 0.5, 0.0), 1));
            rows.push((row(v - 0.5, v), 2));
        }
        let mut model = fit(&rows, [1.0, 1.0, 1.0], 3000, 1e-4);
        shift_biases(&mut model, &rows);
        assert!(macro_f1(&model, &rows) > 0.95, "{}", macro_f1(&model, &rows));
        let mut again = fit(&rows, [1.0, 1.0, 1.0], 3000, 1e-4);
        shift_biases(&mut again, &rows);
        assert_eq!(again, model, "deterministic");
    }

    #[test]
    fn fnc_labels_map_to_positions() {
        assert_eq!([0, 1, 2, 3].map(class), [Some(0), Some(2), Some(1), None]);
    }
}
