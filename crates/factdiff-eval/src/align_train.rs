//! `--train-align`: fits the aligner (`factdiff_core::training::align`) on training splits only and
//! writes `crates/factdiff-core/src/align/weights.txt`.
//!
//! Every example is a candidate pair that blocking proposes under `Config::default()`, with the
//! features the report's aligner computes (`align::candidate_stats`, `model::values`):
//!
//! - **FNC-1 training stories** (bodies outside `splits/hold_out_ids.txt`, built as in the story
//!   mode): a headline claim and the claims of a body labelled agree / disagree / discuss form a
//!   bag, one of whose pairs should align — its best pair under the current weights is a positive
//!   (multiple-instance learning, re-chosen each round); a headline claim with a claim of an
//!   unrelated body, and a claim of an unrelated body with a claim of a related one (another story),
//!   are negatives.
//! - **MSRP train**: the best pair of each sentence pair, labelled paraphrase or not.
//! - **STS headlines 2013**: the best pair, with the gold similarity / 5 as a soft label.
//!
//! Each group has a fixed total weight ([`GROUPS`]); the features are standardised, then full-batch
//! gradient descent on the log loss with an L2 penalty, a fixed step and number of iterations, so the
//! same data give the same bytes. Last, the decision threshold with the best weighted training
//! accuracy is folded into the bias, so that one half is the decision.

use crate::data::Res;
use crate::paraphrase::{self, SentencePair};
use crate::story::{self, Story, HEADLINE};
use factdiff_core::training::align::{AlignModel, Values, NAMES};
use factdiff_core::training::{align, content_terms};
use factdiff_core::{extract_claims, Claim, Config, Document};
use rayon::prelude::*;
use std::path::Path;
use std::sync::Arc;

/// The training groups and their total weights (the semantic mode's training uses the same).
pub const GROUPS: [(&str, f64); 5] = [
    ("story headline, related body (best pair)", 1.0),
    ("story headline, unrelated body", 0.5),
    ("story unrelated body, related body", 1.0),
    ("MSRP train (best pair)", 0.5),
    ("STS headlines 2013 (best pair)", 0.5),
];
const HR: usize = 0;
const HU: usize = 1;
const BU: usize = 2;
const MSRP: usize = 3;
const STS: usize = 4;

/// Multiple-instance rounds, gradient steps per round, step size, L2 penalty.
const ROUNDS: usize = 3;
const STEPS: usize = 1500;
const RATE: f64 = 0.5;
const L2: f64 = 1e-3;

/// The claims of `docs` under the defaults and each claim's content terms (what blocking reads).
pub fn claims_and_terms(docs: &[Document]) -> (Vec<Claim>, Vec<Vec<Arc<str>>>) {
    let config = Config::default();
    let claims: Vec<Claim> = docs
        .iter()
        .flat_map(|d| extract_claims(d, &config).unwrap_or_default())
        .collect();
    let terms = claims.iter().map(|c| content_terms(&c.text)).collect();
    (claims, terms)
}

/// The candidate pairs of `docs` under the defaults, as (claim, claim, feature values).
fn candidates(docs: &[Document]) -> (Vec<Claim>, Vec<(usize, usize, Values)>) {
    let config = Config::default();
    let (claims, terms) = claims_and_terms(docs);
    let slices: Vec<&[Arc<str>]> = terms.iter().map(Vec::as_slice).collect();
    let pairs = align::candidate_stats(&claims, &slices, &config)
        .into_iter()
        .map(|(i, j, s)| (i, j, align::values(&s)))
        .collect();
    (claims, pairs)
}

/// One group's examples: bags of candidate pairs (one positive or negative decision per bag,
/// taken on the bag's best pair) with a label in 0..=1.
#[derive(Default)]
struct Group {
    bags: Vec<(Vec<Values>, f64)>,
}

/// The story groups of one training story: headline–related bags, headline–unrelated and
/// unrelated–related pairs (each its own bag).
fn story_groups(story: &Story) -> [Group; 3] {
    let (claims, pairs) = candidates(&story.documents());
    let gold_of = |doc: &str| story.bodies.iter().find(|b| b.doc_id() == doc).map(|b| b.gold);
    let unrelated = crate::metrics::UNRELATED;
    let mut bags: Vec<(String, Vec<Values>)> = Vec::new();
    let (mut hu, mut bu) = (Group::default(), Group::default());
    for (i, j, x) in pairs {
        let (a, b) = (&*claims[i].doc, &*claims[j].doc);
        let body = if a == HEADLINE {
            Some(b)
        } else if b == HEADLINE {
            Some(a)
        } else {
            None
        };
        match body {
            Some(body) if gold_of(body) == Some(unrelated) => hu.bags.push((vec![x], 0.0)),
            Some(body) => match bags.iter_mut().find(|(d, _)| d == body) {
                Some((_, v)) => v.push(x),
                None => bags.push((body.to_string(), vec![x])),
            },
            None if (gold_of(a) == Some(unrelated)) != (gold_of(b) == Some(unrelated)) => bu.bags.push((vec![x], 0.0)),
            None => {}
        }
    }
    let hr = Group {
        bags: bags.into_iter().map(|(_, v)| (v, 1.0)).collect(),
    };
    [hr, hu, bu]
}

/// One bag per sentence pair with candidates, labelled by `label(gold)`.
fn pair_group(pairs: &[SentencePair], label: fn(f64) -> f64) -> Group {
    Group {
        bags: pairs
            .par_iter()
            .filter_map(|p| {
                let (_, c) = candidates(&paraphrase::documents(p));
                let xs: Vec<Values> = c.into_iter().map(|(_, _, x)| x).collect();
                (!xs.is_empty()).then(|| (xs, label(p.gold)))
            })
            .collect(),
    }
}

fn logit(w: &Values, x: &Values) -> f64 {
    w.iter().zip(x).map(|(w, v)| w * v).sum()
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Weighted binary logistic regression by full-batch gradient descent on standardised features
/// (bias unpenalised), returned on the original scale.
fn fit(rows: &[(Values, f64, f64)], start: &Values) -> Values {
    let n = NAMES.len();
    let total: f64 = rows.iter().map(|r| r.2).sum();
    let (mut mean, mut sd) = ([0.0; NAMES.len()], [1.0; NAMES.len()]);
    for f in 1..n {
        mean[f] = rows.iter().map(|r| r.0[f]).sum::<f64>() / rows.len().max(1) as f64;
        let var = rows.iter().map(|r| (r.0[f] - mean[f]).powi(2)).sum::<f64>() / rows.len().max(1) as f64;
        sd[f] = if var > 1e-12 { var.sqrt() } else { 1.0 };
    }
    let z: Vec<Values> = rows
        .iter()
        .map(|r| {
            let mut v = r.0;
            for f in 1..n {
                v[f] = (v[f] - mean[f]) / sd[f];
            }
            v
        })
        .collect();
    // The start on the standardised scale.
    let mut w = *start;
    for f in 1..n {
        w[f] = start[f] * sd[f];
        w[0] += start[f] * mean[f];
    }
    for _ in 0..STEPS {
        let mut grad = [0.0; NAMES.len()];
        for (x, r) in z.iter().zip(rows) {
            let err = r.2 * (sigmoid(logit(&w, x)) - r.1);
            for (g, v) in grad.iter_mut().zip(x) {
                *g += err * v;
            }
        }
        for f in 0..n {
            let penalty = if f == 0 { 0.0 } else { L2 * w[f] };
            w[f] -= RATE * (grad[f] / total + penalty);
        }
    }
    let mut out = w;
    for f in 1..n {
        out[f] = w[f] / sd[f];
        out[0] -= out[f] * mean[f];
    }
    out
}

/// The rows of one round: each bag's best pair under `w` (the first pair in round one, where
/// `w` is all zero, by term overlap), with its label and its group's weight per bag.
fn rows(groups: &[Group], w: &Values) -> Vec<(Values, f64, f64)> {
    let mut out = Vec::new();
    for (g, (_, total)) in groups.iter().zip(GROUPS) {
        let each = total / g.bags.len().max(1) as f64;
        for (xs, y) in &g.bags {
            let best = xs
                .iter()
                .max_by(|a, b| (logit(w, a) + a[1]).total_cmp(&(logit(w, b) + b[1])));
            if let Some(x) = best {
                out.push((*x, *y, each));
            }
        }
    }
    out
}

/// Weighted accuracy of deciding at probability `t` (a bag is positive when its best pair
/// reaches `t`; STS pairs count as positive from a gold similarity of 3).
fn accuracy(groups: &[Group], w: &Values, t: f64) -> f64 {
    let mut got = 0.0;
    for (g, (_, total)) in groups.iter().zip(GROUPS) {
        let right = g
            .bags
            .iter()
            .filter(|(xs, y)| {
                let best = xs.iter().map(|x| sigmoid(logit(w, x))).fold(0.0, f64::max);
                (best >= t) == (*y >= 0.6)
            })
            .count();
        got += total * right as f64 / g.bags.len().max(1) as f64;
    }
    got / GROUPS.iter().map(|g| g.1).sum::<f64>()
}

/// Train on the training splits and write the weights file `out`. The features named in `drop`
/// are left out (their weight 0), to measure what a feature adds.
pub fn train(dir: &Path, out: &Path, drop: &[String]) -> Res<()> {
    let dropped: Vec<usize> = drop
        .iter()
        .map(|d| {
            NAMES
                .iter()
                .position(|n| n == d)
                .ok_or_else(|| format!("--drop-features: unknown feature {d:?}"))
        })
        .collect::<Result<_, _>>()?;
    let stories = story::stories(&dir.join("fnc1"), false)?;
    let per_story: Vec<[Group; 3]> = stories.par_iter().map(story_groups).collect();
    let mut groups: Vec<Group> = (0..GROUPS.len()).map(|_| Group::default()).collect();
    for s in per_story {
        for (k, g) in s.into_iter().enumerate() {
            groups[k].bags.extend(g.bags);
        }
    }
    groups[MSRP] = pair_group(&paraphrase::msrp(&dir.join("msrp/msr-para-train.tsv"))?, |g| g);
    groups[STS] = pair_group(&paraphrase::sts(&dir.join("sts_headlines/headlines-2013.tsv"))?, |g| {
        g / 5.0
    });
    for g in &mut groups {
        for x in g.bags.iter_mut().flat_map(|(xs, _)| xs.iter_mut()) {
            for &f in &dropped {
                x[f] = 0.0;
            }
        }
    }
    let mut w = [0.0; NAMES.len()];
    for _ in 0..ROUNDS {
        w = fit(&rows(&groups, &w), &w);
    }
    let (best_t, best) = crate::fit::best_threshold(|t| accuracy(&groups, &w, t));
    w[0] -= (best_t / (1.0 - best_t)).ln();
    let model = AlignModel { weights: w };
    let sizes: Vec<String> = groups
        .iter()
        .zip(GROUPS)
        .map(|(g, (name, _))| format!("{name}: {}", g.bags.len()))
        .collect();
    println!(
        "train-align: {} training stories; {}; threshold {best_t:.2} folded into the bias; weighted training accuracy {:.2}%",
        stories.len(),
        sizes.join(", "),
        100.0 * best
    );
    let _ = (HR, HU, BU);
    let header = format!(
        "factdiff aligner: logistic regression over the named pair features (bias: decision at 0.5).\n\
         Written by `cargo run --release -p factdiff-eval -- train-align` from training splits only:\n\
         {}.{}\n\
         Do not edit by hand.",
        sizes.join("; "),
        if drop.is_empty() {
            String::new()
        } else {
            format!(" Left out: {}.", drop.join(", "))
        }
    );
    crate::data::write_out(out, &model.to_text(&header))?;
    Ok(())
}
