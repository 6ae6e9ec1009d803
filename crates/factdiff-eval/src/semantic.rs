//! The semantic mode (sentence vectors, `factdiff_core::Embedder`), measured and trained with
//! vectors computed outside Rust (all-MiniLM-L6-v2 in numpy, `bench/minilm.py`):
//!
//! 1. `embed-texts FILE` writes every claim text the two other steps need (one JSON string per
//!    line): MSRP val and the first [`MSRP_TRAIN`] pairs of MSRP train, STS headlines 2013 and
//!    2014, the first [`STORIES`] validation and training FNC-1 stories.
//! 2. `python bench/minilm.py FILE CACHE` writes `CACHE.f32` and `CACHE.jsonl` (time-bounded).
//! 3. `embed-vectors CACHE` prints MSRP val, STS headlines 2013 / 2014 and the story mode on
//!    those validation stories, each with and without the vectors, through the same `compare` as
//!    the main evaluation (a [`Cache`] is the `Embedder`); `train-embed CACHE` fits
//!    `embed_weights.txt` on the training splits only (MSRP train, STS 2013, FNC-1 training
//!    stories).

use crate::align_train::GROUPS;
use crate::data::Res;
use crate::metrics::{fnc_score, pearson, Confusion};
use crate::paraphrase::{self, SentencePair};
use crate::story::{self, Story, HEADLINE};
use factdiff_core::training::align::{self, AlignModel};
use factdiff_core::training::embed::{EmbedModel, Vectors};
use factdiff_core::{extract_claims, Claim, CompareOptions, Config, Document, Embedder};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// How many FNC-1 stories of each split the semantic mode is measured and trained on (every
/// claim goes through the sentence encoder, which is slow in numpy).
pub const STORIES: usize = 30;
/// How many MSRP training pairs it is trained on.
pub const MSRP_TRAIN: usize = 1_000;

/// Where `train-embed` writes the weights.
pub const WEIGHTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../factdiff-core/src/align/embed_weights.txt"
);

/// The data the semantic mode is measured (`val`) and trained (`train`) on.
struct Data {
    msrp_val: Vec<SentencePair>,
    sts: Vec<(u32, Vec<SentencePair>)>,
    stories_val: Vec<Story>,
    msrp_train: Vec<SentencePair>,
    stories_train: Vec<Story>,
}

impl Data {
    fn load(dir: &Path) -> Res<Data> {
        let first = |mut v: Vec<Story>| {
            v.truncate(STORIES);
            v
        };
        let mut msrp_train = paraphrase::msrp(&dir.join("msrp/msr-para-train.tsv"))?;
        msrp_train.truncate(MSRP_TRAIN);
        Ok(Data {
            msrp_val: paraphrase::msrp(&dir.join("msrp/msr-para-val.tsv"))?,
            sts: [2013, 2014]
                .into_iter()
                .map(|y| {
                    Ok((
                        y,
                        paraphrase::sts(&dir.join(format!("sts_headlines/headlines-{y}.tsv")))?,
                    ))
                })
                .collect::<Res<_>>()?,
            stories_val: first(story::stories(&dir.join("fnc1"), true)?),
            msrp_train,
            stories_train: first(story::stories(&dir.join("fnc1"), false)?),
        })
    }

    /// Every document set the steps compare.
    fn document_sets(&self) -> Vec<Vec<Document>> {
        let pairs = self
            .msrp_val
            .iter()
            .chain(self.sts.iter().flat_map(|(_, p)| p))
            .chain(&self.msrp_train);
        let stories = self.stories_val.iter().chain(&self.stories_train);
        pairs
            .map(|p| paraphrase::documents(p).to_vec())
            .chain(stories.map(Story::documents))
            .collect()
    }
}

/// `embed-texts`: every claim text of the data, once, sorted, one JSON string per line.
pub fn write_texts(dir: &Path, out: &Path) -> Res<()> {
    let data = Data::load(dir)?;
    let config = Config::default();
    let texts: BTreeSet<String> = data
        .document_sets()
        .par_iter()
        .flat_map_iter(|docs| docs.iter().flat_map(|d| extract_claims(d, &config).unwrap_or_default()))
        .map(|c| c.text)
        .collect();
    let mut body = String::new();
    for t in &texts {
        body.push_str(&serde_json::to_string(t).map_err(|e| e.to_string())?);
        body.push('\n');
    }
    std::fs::write(out, body).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("wrote {} sentences to {}", texts.len(), out.display());
    Ok(())
}

/// Sentence vectors read from `CACHE.jsonl` (the sentences) and `CACHE.f32` (their vectors,
/// little-endian float32 rows): an [`Embedder`] that looks sentences up.
pub struct Cache {
    rows: HashMap<String, usize>,
    dim: usize,
    data: Vec<f32>,
}

impl Cache {
    pub fn load(prefix: &Path) -> Res<Cache> {
        let read = |ext: &str| {
            let p = prefix.with_extension(ext);
            std::fs::read(&p).map_err(|e| format!("{}: {e} (run embed-texts, then bench/minilm.py)", p.display()))
        };
        let texts = String::from_utf8(read("jsonl")?).map_err(|e| e.to_string())?;
        let mut rows = HashMap::new();
        for (n, line) in texts.lines().enumerate() {
            let s: String = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
            rows.insert(s, n);
        }
        let bytes = read("f32")?;
        let data: Vec<f32> = bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let dim = data.len().checked_div(texts.lines().count()).unwrap_or(0);
        if dim == 0 || dim * texts.lines().count() != data.len() {
            return Err(format!(
                "{}: {} numbers for {} sentences",
                prefix.display(),
                data.len(),
                rows.len()
            )
            .into());
        }
        Ok(Cache { rows, dim, data })
    }
}

impl Embedder for Cache {
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        texts
            .iter()
            .map(|t| match self.rows.get(*t) {
                Some(&r) => Ok(self.data[r * self.dim..(r + 1) * self.dim].to_vec()),
                None => Err(format!(
                    "no vector for {t:?}: run embed-texts and bench/minilm.py again"
                )),
            })
            .collect()
    }
}

/// `embed-vectors`: the validation metrics with and without the vectors of `cache`.
pub fn evaluate(dir: &Path, cache: &Path) -> Res<()> {
    let data = Data::load(dir)?;
    let cache = Cache::load(cache)?;
    let config = Config::default();
    println!("| dataset | metric | words only | with MiniLM vectors |\n|---|---|---|---|");
    let modes = [
        CompareOptions::default(),
        CompareOptions {
            embed: Some(&cache),
            ..CompareOptions::default()
        },
    ];
    let mut seconds = [0.0; 2];
    let mut rows: Vec<(String, String, [f64; 2])> = Vec::new();
    let mut push =
        |name: &str, metric: &str, k: usize, v: f64| match rows.iter_mut().find(|r| r.0 == name && r.1 == metric) {
            Some(r) => r.2[k] = v,
            None => {
                let mut both = [f64::NAN; 2];
                both[k] = v;
                rows.push((name.to_string(), metric.to_string(), both));
            }
        };
    for (k, options) in modes.iter().enumerate() {
        let started = Instant::now();
        let got = paraphrase::run_with(&data.msrp_val, &config, options);
        let mut c = Confusion::new(&["paraphrase", "not"]);
        for (p, a) in data.msrp_val.iter().zip(&got) {
            c.add(usize::from(p.gold < 0.5), usize::from(!a.same));
        }
        let name = format!("MSRP val ({})", data.msrp_val.len());
        push(&name, "accuracy %", k, c.accuracy());
        push(&name, "paraphrase F1 ×100", k, 100.0 * c.f1(0));
        for (year, pairs) in &data.sts {
            let got = paraphrase::run_with(pairs, &config, options);
            let gold: Vec<f64> = pairs.iter().map(|p| p.gold).collect();
            let score: Vec<f64> = got.iter().map(|a| a.score).collect();
            push(
                &format!("STS headlines {year} ({})", pairs.len()),
                "Pearson r ×100",
                k,
                100.0 * pearson(&gold, &score),
            );
        }
        let readings: Vec<_> = data
            .stories_val
            .par_iter()
            .map(|s| story::run_story_with(s, &config, options))
            .collect();
        let s = story::score(&data.stories_val, &readings);
        let name = format!("FNC-1 validation stories (first {})", s.stories);
        push(&name, "FNC score %", k, fnc_score(&s.confusion));
        push(&name, "macro-F1 ×100", k, 100.0 * s.confusion.macro_f1());
        push(&name, "F1 disagree ×100", k, 100.0 * s.confusion.f1(1));
        let clustered = 100.0 * s.headline_clustered as f64 / s.stories.max(1) as f64;
        push(&name, "headline claim clustered %", k, clustered);
        seconds[k] = started.elapsed().as_secs_f64();
    }
    for (name, metric, [a, b]) in rows {
        println!("| {name} | {metric} | {a:.1} | {b:.1} |");
    }
    println!(
        "\nwall time of the comparisons: {:.1} s words only, {:.1} s with vectors (read from the cache; \
         computing them is bench/minilm.py's time)",
        seconds[0], seconds[1]
    );
    Ok(())
}

/// A training bag: candidate pairs as (aligner logit, cosine), one decision on its best pair.
type Bag = (Vec<[f64; 2]>, f64);

/// A candidate pair: its claims and (aligner logit, cosine).
type Candidate = (usize, usize, [f64; 2]);

/// The semantic-mode candidates of `docs`: claims and (i, j, [aligner logit, cosine]).
fn candidates(docs: &[Document], cache: &Cache) -> Res<(Vec<Claim>, Vec<Candidate>)> {
    let config = Config::default();
    let (claims, terms) = crate::align_train::claims_and_terms(docs);
    let slices: Vec<&[Arc<str>]> = terms.iter().map(Vec::as_slice).collect();
    let vectors = Vectors::of(&claims, cache, &|| false).map_err(|e| e.to_string())?;
    let model = AlignModel::get();
    let pairs = align::semantic_candidate_stats(&claims, &slices, &vectors, &config)
        .into_iter()
        .map(|(i, j, s, cos)| (i, j, [model.logit(&align::values(&s)), cos]))
        .collect();
    Ok((claims, pairs))
}

/// The bags of one training story: headline–related body (label 1), headline–unrelated body
/// and unrelated body–related body pairs (label 0, each its own bag).
fn story_bags(story: &Story, cache: &Cache) -> Res<[Vec<Bag>; 3]> {
    let (claims, pairs) = candidates(&story.documents(), cache)?;
    let unrelated = |doc: &str| {
        story
            .bodies
            .iter()
            .find(|b| b.doc_id() == doc)
            .map(|b| b.gold == crate::metrics::UNRELATED)
    };
    let mut related: HashMap<&str, Vec<[f64; 2]>> = HashMap::new();
    let (mut hu, mut bu) = (Vec::new(), Vec::new());
    for (i, j, x) in pairs {
        let (a, b) = (&*claims[i].doc, &*claims[j].doc);
        let body = [(a, b), (b, a)]
            .into_iter()
            .find(|(h, _)| *h == HEADLINE)
            .map(|(_, d)| d);
        match body {
            Some(d) if unrelated(d) == Some(true) => hu.push((vec![x], 0.0)),
            Some(d) => related.entry(d).or_default().push(x),
            None if unrelated(a).is_some() && unrelated(a) != unrelated(b) => bu.push((vec![x], 0.0)),
            None => {}
        }
    }
    let mut hr: Vec<(&str, Vec<[f64; 2]>)> = related.into_iter().collect();
    hr.sort_by(|x, y| x.0.cmp(y.0));
    Ok([hr.into_iter().map(|(_, v)| (v, 1.0)).collect(), hu, bu])
}

/// One bag per sentence pair with candidates, labelled `label(gold)`.
fn pair_bags(pairs: &[SentencePair], cache: &Cache, label: fn(f64) -> f64) -> Res<Vec<Bag>> {
    let bags: Vec<Option<Bag>> = pairs
        .par_iter()
        .map(|p| {
            let (_, c) = candidates(&paraphrase::documents(p), cache)?;
            let xs: Vec<[f64; 2]> = c.into_iter().map(|(_, _, x)| x).collect();
            Ok((!xs.is_empty()).then(|| (xs, label(p.gold))))
        })
        .collect::<Res<_>>()?;
    Ok(bags.into_iter().flatten().collect())
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn stacked(w: &[f64; 3], x: &[f64; 2]) -> f64 {
    w[0] * x[0] + w[1] * x[1] + w[2]
}

/// Each bag's best pair under `w` with its label and its group's weight per bag.
fn rows(groups: &[Vec<Bag>], w: &[f64; 3]) -> Vec<([f64; 2], f64, f64)> {
    let mut out = Vec::new();
    for (bags, (_, total)) in groups.iter().zip(GROUPS) {
        let each = total / bags.len().max(1) as f64;
        for (xs, y) in bags {
            if let Some(x) = xs.iter().max_by(|a, b| stacked(w, a).total_cmp(&stacked(w, b))) {
                out.push((*x, *y, each));
            }
        }
    }
    out
}

/// Weighted logistic regression on (aligner logit, cosine, 1) by Newton's method with a small
/// ridge and step halving (a step that does not lower the loss is halved): three weights, so
/// exact and the same every run.
fn fit(rows: &[([f64; 2], f64, f64)], start: [f64; 3]) -> [f64; 3] {
    const RIDGE: f64 = 1e-3;
    let loss = |w: &[f64; 3]| {
        let data: f64 = rows
            .iter()
            .map(|(x, y, weight)| {
                let p = sigmoid(stacked(w, x)).clamp(1e-12, 1.0 - 1e-12);
                -weight * (y * p.ln() + (1.0 - y) * (1.0 - p).ln())
            })
            .sum();
        data + 0.5 * RIDGE * (w[0] * w[0] + w[1] * w[1])
    };
    let mut w = start;
    for _ in 0..50 {
        let mut grad = [0.0; 3];
        let mut hess = [[0.0; 3]; 3];
        for (x, y, weight) in rows {
            let v = [x[0], x[1], 1.0];
            let p = sigmoid(stacked(&w, x));
            for a in 0..3 {
                grad[a] += weight * (p - y) * v[a];
                for b in 0..3 {
                    hess[a][b] += weight * p * (1.0 - p) * v[a] * v[b];
                }
            }
        }
        for a in 0..2 {
            grad[a] += RIDGE * w[a];
            hess[a][a] += RIDGE;
        }
        let step = solve3(hess, grad);
        let before = loss(&w);
        let mut scale = 1.0;
        let mut next = w;
        for _ in 0..30 {
            next = [w[0] - scale * step[0], w[1] - scale * step[1], w[2] - scale * step[2]];
            if loss(&next) <= before {
                break;
            }
            scale /= 2.0;
        }
        if loss(&next) > before {
            break;
        }
        w = next;
    }
    w
}

/// `m · x = b` for a 3 × 3 system (Cramer's rule; a singular system gives no step).
fn solve3(m: [[f64; 3]; 3], b: [f64; 3]) -> [f64; 3] {
    let det = |m: &[[f64; 3]; 3]| {
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    };
    let d = det(&m);
    if d.abs() < 1e-12 {
        return [0.0; 3];
    }
    let mut out = [0.0; 3];
    for (k, o) in out.iter_mut().enumerate() {
        let mut mk = m;
        for r in 0..3 {
            mk[r][k] = b[r];
        }
        *o = det(&mk) / d;
    }
    out
}

/// Weighted accuracy of deciding at probability `t` on each bag's best pair (soft labels count
/// as positive from 0.6).
fn accuracy(groups: &[Vec<Bag>], w: &[f64; 3], t: f64) -> f64 {
    let mut got = 0.0;
    for (bags, (_, total)) in groups.iter().zip(GROUPS) {
        let right = bags
            .iter()
            .filter(|(xs, y)| {
                let best = xs.iter().map(|x| sigmoid(stacked(w, x))).fold(0.0, f64::max);
                (best >= t) == (*y >= 0.6)
            })
            .count();
        got += total * right as f64 / bags.len().max(1) as f64;
    }
    got / GROUPS.iter().map(|g| g.1).sum::<f64>()
}

/// `train-embed`: fit the semantic mode's weights on the training splits and write them.
pub fn train(dir: &Path, cache: &Path) -> Res<()> {
    let data = Data::load(dir)?;
    let cache = Cache::load(cache)?;
    let mut groups: Vec<Vec<Bag>> = vec![Vec::new(); GROUPS.len()];
    let per_story: Vec<[Vec<Bag>; 3]> = data
        .stories_train
        .par_iter()
        .map(|s| story_bags(s, &cache))
        .collect::<Res<_>>()?;
    for s in per_story {
        for (k, bags) in s.into_iter().enumerate() {
            groups[k].extend(bags);
        }
    }
    groups[3] = pair_bags(&data.msrp_train, &cache, |g| g)?;
    let sts2013 = data
        .sts
        .iter()
        .find(|(y, _)| *y == 2013)
        .map(|(_, p)| p.as_slice())
        .unwrap_or_default();
    groups[4] = pair_bags(sts2013, &cache, |g| g / 5.0)?;
    let mut w = [1.0, 0.0, 0.0];
    for _ in 0..3 {
        w = fit(&rows(&groups, &w), w);
    }
    let before = accuracy(&groups, &[1.0, 0.0, 0.0], 0.5);
    let (best_t, best) = crate::fit::best_threshold(|t| accuracy(&groups, &w, t));
    w[2] -= (best_t / (1.0 - best_t)).ln();
    let sizes: Vec<String> = groups
        .iter()
        .zip(GROUPS)
        .map(|(g, (name, _))| format!("{name}: {}", g.len()))
        .collect();
    println!(
        "train-embed: {}; threshold {best_t:.2} folded into the bias; weighted training accuracy {:.2}% \
         (the aligner alone on the same candidates: {:.2}%)",
        sizes.join(", "),
        100.0 * best,
        100.0 * before
    );
    let model = EmbedModel {
        logit_weight: w[0],
        cosine_weight: w[1],
        bias: w[2],
    };
    let header = format!(
        "factdiff aligner with sentence vectors (the optional semantic mode, align/embed.rs):\n\
         logistic(aligner_logit * aligner's logit + sentence_vectors_cosine * cosine + bias).\n\
         Written by `cargo run --release -p factdiff-eval -- train-embed CACHE` (all-MiniLM-L6-v2\n\
         vectors from bench/minilm.py) from training splits only: {}.\nDo not edit by hand.",
        sizes.join("; ")
    );
    let text = model.to_text(&header);
    EmbedModel::parse(&text).map_err(|e| format!("the fitted weights are unusable: {e}"))?;
    std::fs::write(WEIGHTS, text).map_err(|e| format!("{WEIGHTS}: {e}"))?;
    println!("wrote {WEIGHTS}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newton_recovers_the_weights_of_separable_enough_data() {
        // Labels from a known rule on the cosine alone: the fit must weigh the cosine, not the logit.
        let rows: Vec<([f64; 2], f64, f64)> = (0..200)
            .map(|k| {
                let cos = f64::from(k) / 200.0;
                let logit = f64::from(k % 7) - 3.0;
                ([logit, cos], sigmoid(10.0 * cos - 5.0), 1.0)
            })
            .collect();
        let w = fit(&rows, [1.0, 0.0, 0.0]);
        assert!(
            w[0].abs() < 0.1 && (w[1] - 10.0).abs() < 0.5 && (w[2] + 5.0).abs() < 0.3,
            "{w:?}"
        );
        assert_eq!(
            solve3([[2.0, 0.0, 0.0], [0.0, 4.0, 0.0], [0.0, 0.0, 1.0]], [2.0, 2.0, 3.0]),
            [1.0, 0.5, 3.0]
        );
    }
}
