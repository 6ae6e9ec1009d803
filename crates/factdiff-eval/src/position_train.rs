//! `--train`, second step: fits the position model (`factdiff_core::training::position`) on FNC-1 training
//! stories (bodies outside `fnc1/splits/hold_out_ids.txt`, built as the story mode builds them)
//! and writes `crates/factdiff-core/src/position/weights.txt`.
//!
//! Each story goes through `compare` with the default configuration and the judge
//! model fitted just before (so one `--train` run leaves both weight files consistent); the
//! examples are each related body's position features on the clusters that hold the headline
//! claim, labelled corroborates (agree), reports (discuss) or disputes (disagree). Full-batch
//! gradient descent with class weights (disagree is rare), L2 penalty, fixed iterations; then the
//! two class biases are shifted by a fixed grid search for the best story-mode reading of the
//! training bodies (FNC score + macro-F1, [`objective`]). The same data always give the same bytes.

use crate::data::Res;
use crate::metrics::{fnc_score, Confusion, FNC_LABELS};
use crate::story::{self, Story};
use factdiff_core::training::judge::{pair_features, Model, Substitutions};
use factdiff_core::training::position::{self, PositionFeatures, PositionModel};
use factdiff_core::{compare, Claim, CompareOptions, Config, Judge, PositionLabel, Verdict, VerdictLabel};
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

/// One body of a training story as the story mode reads it: its gold FNC-1 label, whether a
/// conflict finding opposes it to the headline, and its position features on each cluster that
/// holds a headline claim (in the report's order).
#[derive(Clone, Debug)]
pub struct BodyExample {
    pub gold: usize,
    pub conflict: bool,
    pub positions: Vec<PositionFeatures>,
}

impl BodyExample {
    /// The label the story mode reads for this body under `model` ([`story::label`] of the
    /// strongest position).
    pub fn read(&self, model: &PositionModel) -> usize {
        let strongest = self
            .positions
            .iter()
            .map(|x| model.decide(x))
            .max_by(|a, b| a.1[a.0].total_cmp(&b.1[b.0]));
        story::label(self.conflict, strongest.map(|(k, _)| PositionLabel::ALL[k]))
    }
}

/// FNC-1 training stories through the default report with `judge`: every body (related or not)
/// with what the story mode reads off it.
pub fn examples(stories: &[Story], judge: &dyn Judge) -> Vec<BodyExample> {
    stories
        .par_iter()
        .flat_map_iter(|story| {
            let options = CompareOptions {
                judge,
                ..CompareOptions::default()
            };
            let Ok(report) = compare(&story.documents(), &Config::default(), &options) else {
                return Vec::new();
            };
            let reading = story::read_labels(story, &report);
            let clusters = story::headline_clusters(&report);
            let features = position::features(&clusters, &report.claims);
            story
                .bodies
                .iter()
                .zip(&reading.conflict)
                .map(|(body, &conflict)| {
                    let doc = body.doc_id();
                    let positions = features
                        .iter()
                        .flatten()
                        .filter(|(d, _)| *d == doc)
                        .map(|(_, x)| x.clone())
                        .collect();
                    BodyExample {
                        gold: body.gold,
                        conflict,
                        positions,
                    }
                })
                .collect()
        })
        .collect()
}

/// The position model's training rows: every position of a related body, with the body's class.
pub fn rows(bodies: &[BodyExample]) -> Vec<(PositionFeatures, usize)> {
    bodies
        .iter()
        .filter_map(|b| Some((b, class(b.gold)?)))
        .flat_map(|(b, y)| b.positions.iter().map(move |x| (x.clone(), y)))
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

/// The story mode's confusion matrix over `bodies` under `model`.
pub fn confusion(model: &PositionModel, bodies: &[BodyExample]) -> Confusion {
    let mut c = Confusion::new(&FNC_LABELS);
    for b in bodies {
        c.add(b.gold, b.read(model));
    }
    c
}

/// What the bias search maximises: the story mode's FNC score (0..=1) plus its macro-F1 over the
/// four labels, both on the training bodies — the two numbers the story mode is judged by.
pub fn objective(model: &PositionModel, bodies: &[BodyExample]) -> f64 {
    let c = confusion(model, bodies);
    fnc_score(&c) / 100.0 + c.macro_f1()
}

/// Shift the corroborates and disputes biases (relative to reports) to the best [`objective`]
/// on a fixed grid (the first of equals).
pub fn shift_biases(model: &mut PositionModel, bodies: &[BodyExample]) {
    let base = (model.weights[0][0], model.weights[2][0]);
    let mut best = (f64::NEG_INFINITY, 0.0, 0.0);
    for i in -20..=20 {
        for j in -20..=20 {
            let (a, b) = (0.1 * f64::from(i), 0.1 * f64::from(j));
            model.weights[0][0] = base.0 + a;
            model.weights[2][0] = base.1 + b;
            let f = objective(model, bodies);
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
    let bodies = examples(stories, &ModelJudge { model: judge, table });
    let rows = rows(&bodies);
    let mut counts = [0usize; 3];
    for (_, y) in &rows {
        counts[*y] += 1;
    }
    // Square-root balanced class weights: rare classes count more, but not fully balanced.
    let n = rows.len().max(1) as f64;
    let class_weight = counts.map(|c| (n / (3.0 * c.max(1) as f64)).sqrt());
    let mut model = fit(&rows, class_weight, 2000, 1e-3);
    shift_biases(&mut model, &bodies);
    let c = confusion(&model, &bodies);
    println!(
        "train: {} FNC-1 training stories, {} positions of bodies on headline clusters \
         (corroborates / reports / disputes {} / {} / {}); story mode on the training bodies: \
         FNC score {:.2}, macro-F1 {:.2}, disagree F1 {:.2}",
        stories.len(),
        rows.len(),
        counts[0],
        counts[1],
        counts[2],
        fnc_score(&c),
        100.0 * c.macro_f1(),
        100.0 * c.f1(1)
    );
    let header = format!(
        "factdiff positions: multinomial logistic regression over the named position features.\n\
         Written by `cargo run --release -p factdiff-eval -- --train` from {} positions of bodies on the\n\
         clusters that hold the headline claim in FNC-1 training stories (story mode; bodies outside\n\
         fnc1/splits/hold_out_ids.txt; agree / discuss / disagree = corroborates / reports / disputes),\n\
         after the judge; class biases set for the story mode's training FNC score + macro-F1.\n\
         Do not edit by hand.",
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
        let body = |x: PositionFeatures, gold: usize| BodyExample {
            gold,
            conflict: false,
            positions: vec![x],
        };
        let mut bodies = Vec::new();
        for i in 0..20 {
            let v = 0.5 + f64::from(i) / 40.0;
            bodies.push(body(row(v, 0.0), 0));
            bodies.push(body(row(v - 0.5, 0.0), 2));
            bodies.push(body(row(v - 0.5, v), 1));
        }
        bodies.push(BodyExample {
            gold: 3,
            conflict: false,
            positions: Vec::new(),
        });
        let rows = rows(&bodies);
        assert_eq!(rows.len(), 60);
        let mut model = fit(&rows, [1.0, 1.0, 1.0], 3000, 1e-4);
        shift_biases(&mut model, &bodies);
        let c = confusion(&model, &bodies);
        assert!(c.macro_f1() > 0.95, "{c:?}");
        assert_eq!(c.m[3][3], 1, "a body on no headline cluster reads unrelated");
        let mut again = fit(&rows, [1.0, 1.0, 1.0], 3000, 1e-4);
        shift_biases(&mut again, &bodies);
        assert_eq!(again, model, "deterministic");
    }

    #[test]
    fn a_conflict_finding_reads_disagree_whatever_the_position() {
        let b = BodyExample {
            gold: 0,
            conflict: true,
            positions: vec![row(1.0, 0.0)],
        };
        assert_eq!(b.read(&PositionModel::zero()), 1);
        let b = BodyExample { conflict: false, ..b };
        assert_eq!(b.read(&PositionModel::zero()), 2, "zero weights say reports: discuss");
    }

    #[test]
    fn fnc_labels_map_to_positions() {
        assert_eq!([0, 1, 2, 3].map(class), [Some(0), Some(2), Some(1), None]);
    }
}
