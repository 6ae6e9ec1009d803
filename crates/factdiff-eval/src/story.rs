//! Story mode: FNC-1 scored through the report a user gets.
//!
//! A story is one FNC-1 headline written as a one-sentence document, the bodies labelled agree /
//! disagree / discuss with it (at most [`MAX_RELATED`], stories with at least two only) and up to
//! [`MAX_UNRELATED`] of its unrelated bodies, all run through the public
//! [`factdiff_core::compare`] with [`Config::default`] — one call per story, as `factdiff report`
//! runs it. Each body's label is read off the report as a reader would ([`read_labels`]):
//!
//! 1. a conflict finding (contradiction, numeric or date conflict) about a headline claim that
//!    puts the headline and the body on different sides ([`factdiff_core::Finding::opposes`]) →
//!    `disagree`;
//! 2. else the body's position on the cluster that holds a headline claim: corroborates →
//!    `agree`, disputes → `disagree`, reports → `discuss`;
//! 3. else `unrelated`.
//!
//! Validation stories take their bodies from `fnc1/splits/hold_out_ids.txt`, training stories
//! from the other bodies (FNC-1 splits by body, so one headline can head a story in each).

use crate::data::{join_sentences, Res};
use crate::metrics::{fnc_score, Confusion, FNC_LABELS, UNRELATED};
use crate::Metrics;
use factdiff_core::{compare, Cluster, CompareOptions, Config, Document, PositionLabel, Report};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// At most this many agree / disagree / discuss bodies per story.
pub const MAX_RELATED: usize = 8;
/// At most this many unrelated bodies per story.
pub const MAX_UNRELATED: usize = 2;
/// Stories in the smoke subset (every k-th validation story).
const SMOKE_STORIES: usize = 100;
/// Document id of the headline.
pub const HEADLINE: &str = "headline";

/// One story: the headline and its bodies with their gold labels ([`FNC_LABELS`] indices).
#[derive(Clone, Debug)]
pub struct Story {
    pub headline: String,
    pub bodies: Vec<Body>,
}

#[derive(Clone, Debug)]
pub struct Body {
    pub id: u32,
    pub text: Arc<str>,
    pub gold: usize,
}

impl Body {
    /// The body's document id in the story's report.
    pub fn doc_id(&self) -> String {
        format!("body-{}", self.id)
    }
}

impl Story {
    /// The story's documents: the headline (ending in punctuation, so it is a sentence and not a
    /// title line) first, then the bodies in order.
    pub fn documents(&self) -> Vec<Document> {
        let mut docs = vec![Document::new(
            HEADLINE,
            join_sentences(std::iter::once(self.headline.as_str())),
        )];
        docs.extend(self.bodies.iter().map(|b| Document::new(b.doc_id(), &*b.text)));
        docs
    }
}

/// The FNC-1 stories whose bodies are (`hold_out` = true) or are not in the hold-out split, in
/// headline order; each story's bodies in the order of the stance file, related ones first.
pub fn stories(dir: &Path, hold_out: bool) -> Res<Vec<Story>> {
    let held = crate::data::read_ids(&dir.join("splits/hold_out_ids.txt"))?;
    let bodies = crate::data::fnc1_bodies(dir)?;
    let mut by_headline: BTreeMap<String, (Vec<Body>, Vec<Body>)> = BTreeMap::new();
    let mut seen: HashSet<(String, u32)> = HashSet::new();
    let mut rdr = csv::Reader::from_path(dir.join("train_stances.csv"))?;
    for row in rdr.records() {
        let row = row?;
        let headline = row.get(0).ok_or("missing Headline")?.to_string();
        let id: u32 = row.get(1).ok_or("missing Body ID")?.trim().parse()?;
        if held.contains(&id) != hold_out || !seen.insert((headline.clone(), id)) {
            continue;
        }
        let gold = crate::data::label_index(&FNC_LABELS, row.get(2).ok_or("missing Stance")?)?;
        let text = bodies.get(&id).cloned().ok_or_else(|| format!("body {id} missing"))?;
        let (related, unrelated) = by_headline.entry(headline).or_default();
        let list = if gold == UNRELATED { unrelated } else { related };
        list.push(Body { id, text, gold });
    }
    Ok(by_headline
        .into_iter()
        .filter(|(_, (related, _))| related.len() >= 2)
        .map(|(headline, (mut related, mut unrelated))| {
            related.truncate(MAX_RELATED);
            unrelated.truncate(MAX_UNRELATED);
            related.append(&mut unrelated);
            Story {
                headline,
                bodies: related,
            }
        })
        .collect())
}

/// What the report of one story says about each body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// The label read for each body, in the story's order ([`FNC_LABELS`] indices).
    pub labels: Vec<usize>,
    /// The headline became a claim.
    pub headline_claim: bool,
    /// A cluster holds a headline claim.
    pub headline_clustered: bool,
    /// For each body, whether a conflict finding joins a headline claim and the body.
    pub conflict: Vec<bool>,
    /// Claims in the report.
    pub claims: usize,
}

/// A body's label ([`FNC_LABELS`] index) from whether a conflict finding opposes it to the
/// headline and its position on the headline cluster (the strongest one, if several).
pub fn label(conflict: bool, position: Option<PositionLabel>) -> usize {
    match (conflict, position) {
        (true, _) | (false, Some(PositionLabel::Disputes)) => 1,
        (false, Some(PositionLabel::Corroborates)) => 0,
        (false, Some(PositionLabel::Reports)) => 2,
        (false, None) => UNRELATED,
    }
}

/// The clusters of `report` that hold a headline claim (the ones the story mode reads positions
/// on), in the report's order.
pub fn headline_clusters(report: &Report) -> Vec<Cluster> {
    let headline = |id: &String| report.claim(id).is_some_and(|c| *c.doc == *HEADLINE);
    report
        .clusters
        .iter()
        .filter(|c| c.claims.iter().any(headline))
        .cloned()
        .collect()
}

/// Read each body's label off `report` (see the module documentation).
pub fn read_labels(story: &Story, report: &Report) -> Reading {
    let headline_claims: HashSet<&str> = report
        .claims
        .iter()
        .filter(|c| *c.doc == *HEADLINE)
        .map(|c| &*c.id)
        .collect();
    let is_headline = |id: &String| headline_claims.contains(id.as_str());
    let clusters: Vec<_> = report
        .clusters
        .iter()
        .filter(|c| c.claims.iter().any(is_headline))
        .collect();
    let mut reading = Reading {
        headline_claim: !headline_claims.is_empty(),
        headline_clustered: !clusters.is_empty(),
        claims: report.claims.len(),
        ..Reading::default()
    };
    for body in &story.bodies {
        let doc = body.doc_id();
        let conflict = report
            .findings
            .iter()
            .any(|f| f.kind.is_conflict() && f.claims.iter().any(is_headline) && f.opposes(HEADLINE, &doc));
        let position = clusters
            .iter()
            .flat_map(|c| &c.positions)
            .filter(|p| p.doc == doc)
            .max_by(|a, b| a.score.total_cmp(&b.score));
        reading.labels.push(label(conflict, position.map(|p| p.label)));
        reading.conflict.push(conflict);
    }
    reading
}

/// Run one story through `compare` with `config` and read it (a failed comparison reads as
/// all unrelated, no headline claim).
pub fn run_story(story: &Story, config: &Config) -> Reading {
    run_story_with(story, config, &CompareOptions::default())
}

/// [`run_story`] with `options` (the semantic mode's embedder).
pub fn run_story_with(story: &Story, config: &Config, options: &CompareOptions<'_>) -> Reading {
    match compare(&story.documents(), config, options) {
        Ok(report) => read_labels(story, &report),
        Err(_) => Reading {
            labels: vec![UNRELATED; story.bodies.len()],
            conflict: vec![false; story.bodies.len()],
            ..Reading::default()
        },
    }
}

/// Scores of a set of story readings.
#[derive(Clone, Debug)]
pub struct Scores {
    pub confusion: Confusion,
    pub stories: usize,
    pub headline_claim: usize,
    pub headline_clustered: usize,
    /// Headline–body conflict findings (counted per body), and those on gold-disagree bodies.
    pub conflicts: usize,
    pub conflicts_on_disagree: usize,
}

pub fn score(stories: &[Story], readings: &[Reading]) -> Scores {
    let mut s = Scores {
        confusion: Confusion::new(&FNC_LABELS),
        stories: stories.len(),
        headline_claim: 0,
        headline_clustered: 0,
        conflicts: 0,
        conflicts_on_disagree: 0,
    };
    for (story, r) in stories.iter().zip(readings) {
        s.headline_claim += usize::from(r.headline_claim);
        s.headline_clustered += usize::from(r.headline_clustered);
        for ((body, &label), &conflict) in story.bodies.iter().zip(&r.labels).zip(&r.conflict) {
            s.confusion.add(body.gold, label);
            if conflict {
                s.conflicts += 1;
                s.conflicts_on_disagree += usize::from(body.gold == 1);
            }
        }
    }
    s
}

/// The story-level evaluation on the validation stories: prints its table and pushes the
/// `story_fnc1.*` metrics; returns the number of claims the reports held.
pub fn evaluate(dir: &Path, smoke: bool, out: &mut Metrics, tables: &mut String) -> Res<usize> {
    let stories = crate::subset(stories(&dir.join("fnc1"), true)?, smoke, SMOKE_STORIES);
    let config = Config::default();
    let readings: Vec<Reading> = stories.par_iter().map(|s| run_story(s, &config)).collect();
    let s = score(&stories, &readings);
    let c = &s.confusion;
    let pct = |a: usize, b: usize| crate::metrics::pct(a as f64, b as f64);
    let name = format!("FNC-1 validation stories ({} stories, default report)", s.stories);
    let mut all_unrelated = Confusion::new(&FNC_LABELS);
    for b in stories.iter().flat_map(|s| &s.bodies) {
        all_unrelated.add(b.gold, UNRELATED);
    }
    let u = &all_unrelated;
    crate::row(&name, c.total(), "FNC score %", fnc_score(c), fnc_score(u));
    crate::row(
        &name,
        c.total(),
        "macro-F1 ×100",
        100.0 * c.macro_f1(),
        100.0 * u.macro_f1(),
    );
    for (k, l) in FNC_LABELS.iter().enumerate() {
        crate::row(
            &name,
            c.total(),
            &format!("F1 {l} ×100"),
            100.0 * c.f1(k),
            100.0 * u.f1(k),
        );
    }
    crate::row(
        &name,
        s.stories,
        "headline is a claim %",
        pct(s.headline_claim, s.stories),
        f64::NAN,
    );
    crate::row(
        &name,
        s.stories,
        "headline claim clustered %",
        pct(s.headline_clustered, s.stories),
        f64::NAN,
    );
    crate::row(
        &name,
        s.conflicts,
        "headline↔body conflicts on gold-disagree bodies %",
        pct(s.conflicts_on_disagree, s.conflicts),
        f64::NAN,
    );
    out.push("story_fnc1.score", fnc_score(c));
    out.push("story_fnc1.macro_f1", 100.0 * c.macro_f1());
    out.push("story_fnc1.f1.disagree", 100.0 * c.f1(1));
    out.push("story_fnc1.headline_clustered", pct(s.headline_clustered, s.stories));
    tables.push_str(&format!("\nFNC-1 validation stories confusion:\n{}", c.render()));
    Ok(readings.iter().map(|r| r.claims).sum())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn body(id: u32, text: &str, gold: usize) -> Body {
        Body {
            id,
            text: Arc::from(text),
            gold,
        }
    }

    #[test]
    fn labels_are_read_off_the_report() {
        let story = Story {
            headline: "Officials evacuated 1,200 people from villages along the Marin river".into(),
            bodies: vec![
                body(1, "Officials evacuated 1,200 people from villages along the Marin river on Sunday. The water rose fast.", 0),
                body(2, "Officials evacuated 2,400 people from villages along the Marin river on Sunday. The water rose fast.", 1),
                body(3, "The choir sang songs in the old hall. Tickets cost little.", 3),
            ],
        };
        let docs = story.documents();
        assert_eq!(
            docs[0].text,
            "Officials evacuated 1,200 people from villages along the Marin river.\n"
        );
        let r = run_story(&story, &Config::default());
        assert!(r.headline_claim && r.headline_clustered, "{r:?}");
        assert_eq!(r.labels[2], UNRELATED, "{r:?}");
        assert_ne!(r.labels[0], UNRELATED, "{r:?}");
        assert_eq!((r.labels[1], r.conflict[1]), (1, true), "{r:?}");
        let s = score(std::slice::from_ref(&story), std::slice::from_ref(&r));
        assert_eq!((s.conflicts, s.conflicts_on_disagree), (1, 1));
        assert_eq!(s.confusion.total(), 3);
    }
}
