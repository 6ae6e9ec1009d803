//! `--train`: fits the judge's logistic regression on SICK **train** pairs and writes
//! `crates/factdiff-core/src/judge/weights.txt`; then the position model with that judge
//! ([`crate::position_train`]).
//!
//! Each pair goes through `compare` exactly as in the report; a recording judge
//! keeps the named features of every pair alignment hands to the judge, labelled with the
//! pair's gold class. Full-batch gradient descent, L2 penalty (not on the bias), fixed
//! iterations: the same data always give the same weights.

use crate::data::{self, Pair, Res};
use crate::story::{Story, HEADLINE};
use factdiff_core::training::judge::{
    pair_differences, pair_features, Difference, LexicalJudge, Model, PairFeatures, Substitutions, NAMES,
};
use factdiff_core::{compare, Claim, CompareOptions, Config, Document, Judge, Verdict};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

/// One judged pair: its features, its word differences and the documents of its two claims.
type Recorded = (PairFeatures, Difference, [String; 2]);

/// Records the features, word differences and documents of every pair it is asked about;
/// answers like the lexical judge.
#[derive(Default)]
struct Recorder(Mutex<Vec<Recorded>>);

impl Judge for Recorder {
    fn judge(&self, pairs: &[(&Claim, &Claim, f64)]) -> Vec<Verdict> {
        if let Ok(mut rows) = self.0.lock() {
            let docs = pairs.iter().map(|(a, b, _)| [a.doc.to_string(), b.doc.to_string()]);
            rows.extend(
                pair_features(pairs, Substitutions::get())
                    .into_iter()
                    .zip(pair_differences(pairs))
                    .zip(docs)
                    .map(|((x, d), docs)| (x, d, docs)),
            );
        }
        LexicalJudge.judge(pairs)
    }
}

/// A headline–body pair's class from the body's FNC-1 stance (`FNC_LABELS` order): agree →
/// entail; disagree → contradict when the pair carries a conflict cue (one side negates what the
/// other states, an antonym, a refutation), else neutral; discuss and unrelated → neutral. So the
/// cues learn how often they mean a conflict in news, not only in SICK.
pub fn story_pair_class(gold: usize, x: &PairFeatures) -> usize {
    let cue = [
        "negation_flip",
        "antonym_pair",
        "refutation_one_side",
        "refutes_other_content",
        "affirms_what_other_refutes",
    ]
    .iter()
    .any(|f| x.get(f) > 0.0);
    match gold {
        0 => 0,
        1 if cue => 2,
        _ => 1,
    }
}

/// FNC-1 training stories through the default report: every judged pair of a headline claim and a
/// body claim, with its class ([`story_pair_class`]).
pub fn story_examples(stories: &[Story]) -> Vec<(PairFeatures, Difference, usize)> {
    stories
        .par_iter()
        .flat_map_iter(|story| {
            let rec = Recorder::default();
            let options = CompareOptions {
                judge: &rec,
                ..CompareOptions::default()
            };
            let _ = compare(&story.documents(), &Config::default(), &options);
            let gold: HashMap<String, usize> = story.bodies.iter().map(|b| (b.doc_id(), b.gold)).collect();
            let rows = rec.0.into_inner().unwrap_or_default();
            rows.into_iter().filter_map(move |(x, d, [da, db])| {
                let body = match (da == HEADLINE, db == HEADLINE) {
                    (true, false) => db,
                    (false, true) => da,
                    _ => return None,
                };
                let y = story_pair_class(*gold.get(&body)?, &x);
                Some((x, d, y))
            })
        })
        .collect()
}

/// The judged pairs' features and word differences of every labelled pair, each with its pair's
/// label.
pub fn examples(pairs: &[Pair], config: &Config) -> Vec<(PairFeatures, Difference, usize)> {
    pairs
        .par_iter()
        .flat_map_iter(|p| {
            let docs = [Document::new("claim", &*p.claim), Document::new("source", &*p.source)];
            let rec = Recorder::default();
            let options = CompareOptions {
                judge: &rec,
                ..CompareOptions::default()
            };
            let _ = compare(&docs, config, &options);
            let rows = rec.0.into_inner().unwrap_or_default();
            rows.into_iter().map(move |(x, d, _)| (x, d, p.gold))
        })
        .collect()
}

/// Where the training data say little, the weights stay near these hand-set rule values
/// (SICK has almost no antonym pairs from the word list, refutation words or numbers): each
/// conflict cue pushes towards "contradict", more so when the claims share their terms.
pub fn prior() -> Model {
    let mut model = Model {
        weights: [[0.0; NAMES.len()]; 3],
        contradict_threshold: 0.5,
    };
    for (name, w) in [
        ("negation_flip", 1.0),
        ("negation_flip_x_overlap", 3.0),
        ("antonym_pair", 1.0),
        ("antonym_pair_x_overlap", 4.0),
        ("refutation_one_side", 0.5),
        ("refutation_one_side_x_overlap", 4.0),
    ] {
        if let Some(f) = NAMES.iter().position(|n| *n == name) {
            model.weights[2][f] = w;
        }
    }
    model
}

/// Multinomial logistic regression by full-batch gradient descent, L2-penalised towards `start`
/// (the bias is not penalised).
pub fn fit(rows: &[(PairFeatures, usize)], start: &Model, iterations: usize, l2: f64) -> Model {
    Model {
        weights: crate::fit::fit_linear(rows, |x| &x.values, &start.weights, [1.0; 3], 1.0, iterations, l2),
        contradict_threshold: start.contradict_threshold,
    }
}

/// Share of rows the judge labels right.
pub fn accuracy(model: &Model, rows: &[(PairFeatures, usize)]) -> f64 {
    let right = rows.iter().filter(|(x, y)| model.decide(x).0 == *y).count();
    100.0 * right as f64 / rows.len().max(1) as f64
}

/// The contradict threshold with the best accuracy on `rows` (the lowest of equals).
pub fn choose_threshold(model: &mut Model, rows: &[(PairFeatures, usize)]) {
    let mut best = (f64::NEG_INFINITY, 0.5);
    for step in 0..=30 {
        model.contradict_threshold = 0.2 + 0.01 * f64::from(step);
        let a = accuracy(model, rows);
        if a > best.0 {
            best = (a, model.contradict_threshold);
        }
    }
    model.contradict_threshold = best.1;
}

/// How `--train` collects its labelled pairs: the defaults, except that weak alignments are kept
/// and short headlines count as claims, so that nearly every labelled pair reaches the judge and
/// the position model as an example. It only gathers training rows; nothing is measured or
/// reported with it (the evaluation and the report use [`Config::default`]).
pub fn collection_config() -> Config {
    Config {
        min_headline_words: 3,
        align_threshold: 0.04,
        min_term_overlap: 0.01,
        min_shared_features: 1,
        ..Config::default()
    }
}

/// Train on SICK train and write `judge/weights.txt` and `judge/substitutions.txt` under `out`
/// (the core's sources by default), then the position model.
pub fn train(dir: &Path, out: &Path) -> Res<()> {
    let config = &collection_config();
    let sick = data::sick(&dir.join("sick/SICK_train.txt"))?;
    let recorded = examples(&sick, config);
    let table = Substitutions::count(recorded.iter().map(|(_, d, y)| (d, *y)));
    // Each pair's learned features come from the table without that pair's own counts.
    let mut rows: Vec<(PairFeatures, usize)> = recorded
        .into_iter()
        .map(|(mut x, d, y)| {
            x.set_learned(&table.scores(&d, Some(y)));
            (x, y)
        })
        .collect();
    let sick_rows = rows.len();
    // News: the headline–body pairs of FNC-1 training stories, learned features from the SICK
    // table (they are not in it).
    let stories = crate::story::stories(&dir.join("fnc1"), false)?;
    let mut counts = [0usize; 3];
    for (mut x, d, y) in story_examples(&stories) {
        x.set_learned(&table.scores(&d, None));
        counts[y] += 1;
        rows.push((x, y));
    }
    let mut model = fit(&rows, &prior(), 3000, 3e-3);
    choose_threshold(&mut model, &rows);
    println!(
        "train: {} SICK train pairs ({} judged pairs) and {} FNC-1 training stories ({} headline–body pairs, \
         entail / neutral / contradict {} / {} / {}), contradict threshold {:.2}, training accuracy {:.2}% \
         (learned features with each SICK pair's own counts held out)",
        sick.len(),
        sick_rows,
        stories.len(),
        rows.len() - sick_rows,
        counts[0],
        counts[1],
        counts[2],
        model.contradict_threshold,
        accuracy(&model, &rows)
    );
    let header = format!(
        "factdiff judge: multinomial logistic regression over the named pair features.\n\
         Written by `cargo run --release -p factdiff-eval -- --train` from {} judged pairs of\n\
         SICK train (sick/SICK_train.txt; entailment / neutral / contradiction) and {} headline–body pairs\n\
         of FNC-1 training stories (bodies outside fnc1/splits/hold_out_ids.txt; agree = entail,\n\
         disagree with a conflict cue = contradict, else neutral). Do not edit by hand.",
        sick_rows,
        rows.len() - sick_rows
    );
    data::write_out(&out.join("judge/weights.txt"), &model.to_text(&header))?;
    let header = format!(
        "factdiff judge: learned word substitutions (label counts entail neutral contradict).\n\
         Written by `cargo run --release -p factdiff-eval -- --train` from {} judged pairs of\n\
         SICK train (sick/SICK_train.txt); entries seen in fewer than two pairs are left out.\n\
         {} word pairs, {} one-side words. Do not edit by hand.",
        sick_rows,
        table.pairs.len(),
        table.words.len()
    );
    data::write_out(&out.join("judge/substitutions.txt"), &table.to_text(&header))?;
    crate::position_train::train(&stories, &model, &table, &out.join("position/weights.txt"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(flip: f64, overlap: f64) -> PairFeatures {
        let mut values = [0.0; NAMES.len()];
        values[0] = 1.0;
        values[1] = overlap;
        values[2] = flip;
        PairFeatures { values }
    }

    #[test]
    fn fit_learns_a_separable_rule() {
        // contradict when flipped, entail at high overlap, neutral at low overlap.
        let mut rows = Vec::new();
        for i in 0..20 {
            let o = 0.5 + f64::from(i) / 40.0;
            rows.push((row(1.0, o), 2));
            rows.push((row(0.0, o), 0));
            rows.push((row(0.0, o - 0.5), 1));
        }
        let zero = Model {
            weights: [[0.0; NAMES.len()]; 3],
            contradict_threshold: 0.5,
        };
        let model = fit(&rows, &zero, 2000, 1e-4);
        assert!(accuracy(&model, &rows) > 95.0, "{}", accuracy(&model, &rows));
        assert_eq!(fit(&rows, &zero, 2000, 1e-4), model, "deterministic");
        let p = model.probabilities(&row(1.0, 0.8));
        assert!(p[2] > p[0] && p[2] > p[1]);
    }
}
