//! Conflict findings read by a person: precision of contradiction, numeric and date conflicts on
//! FNC-1 training stories, against labels written by reading the sentences.
//!
//! The unit is one *opposed pair*: a conflict finding of a story's report puts two claims of two
//! different documents on different sides of its fact; the pair is its kind and the two
//! sentences (whitespace collapsed, the two in sorted order). The labels live in
//! `data/conflicts.tsv` beside this crate (the labelling rule is at its top); each line is
//! `real|not <TAB> kind <TAB> sentence <TAB> sentence`. Pairs are taken from every
//! [`STRIDE`]-th training story (the bodies outside the hold-out split, built as in the story
//! mode), never from validation stories.
//!
//! `factdiff-eval conflicts` prints, for the default engine, how many opposed pairs it finds,
//! how many of them are labelled, and the precision (real / labelled) of contradictions and of
//! numeric and date conflicts, with the number of real conflicts found beside it, for each
//! [`Half`] of the stories and for all of them: rules are tuned on the tuning half, and the
//! held-out half shows whether they carry over.
//! `factdiff-eval conflicts-dump FILE` writes every found pair with its label (`?` when it has
//! none yet), for reading, the tuning half first.

use crate::data::Res;
use crate::story::{stories, Story};
use factdiff_core::{compare, CompareOptions, Config, FindingKind, Report};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The labelled pairs, in the repository.
const LABELS: &str = include_str!("../data/conflicts.tsv");
/// Every this many-th training story is read.
pub const STRIDE: usize = 4;

/// One opposed pair: the finding's kind and its two sentences, sorted.
pub type Pair = (FindingKind, String, String);

/// The opposed pairs of one report (see the module documentation).
pub fn opposed_pairs(report: &Report) -> BTreeSet<Pair> {
    let mut out = BTreeSet::new();
    let text = |id: &str| {
        report
            .claim(id)
            .map(|c| c.text.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    for f in report.findings.iter().filter(|f| f.kind.is_conflict()) {
        for (i, s) in f.sources.iter().enumerate() {
            for t in &f.sources[i + 1..] {
                if s.group == t.group || s.doc == t.doc {
                    continue;
                }
                for a in s.claims.iter().filter_map(|c| text(c)) {
                    for b in t.claims.iter().filter_map(|c| text(c)) {
                        let (a, b) = if a <= b { (a.clone(), b) } else { (b, a.clone()) };
                        out.insert((f.kind, a, b));
                    }
                }
            }
        }
    }
    out
}

/// The training stories read for this evaluation.
fn training_stories(dir: &Path) -> Res<Vec<Story>> {
    Ok(stories(&dir.join("fnc1"), false)?.into_iter().step_by(STRIDE).collect())
}

/// Which half of the stories read a story is in. FNC-1 stories share bodies (several headlines
/// about one event), so the stories are first joined into topics (stories that share a related
/// body, and so on; the unrelated bodies a story is given are drawn from anywhere and join
/// nothing), and a stable hash (FNV-1a) of a topic's smallest related body id puts all of its
/// stories in one half, so that a topic's pairs are not found in both. The halves do not change
/// when the engine or the label file does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Half {
    /// Rules are developed on these stories' findings.
    Tuning,
    /// Read only to check that the rules carry over.
    HeldOut,
}

impl Half {
    /// The half of a topic whose smallest body id is `id`.
    pub fn of(id: u32) -> Half {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in id.to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // The top bit: FNV-1a's lowest bit only sums the lowest bits of the bytes.
        if h >> 63 == 0 {
            Half::Tuning
        } else {
            Half::HeldOut
        }
    }

    /// Each story's half (see [`Half`]).
    pub fn of_stories(stories: &[Story]) -> Vec<Half> {
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let mut parent: Vec<usize> = (0..stories.len()).collect();
        let mut first: BTreeMap<u32, usize> = BTreeMap::new();
        fn related(s: &Story) -> impl Iterator<Item = u32> + '_ {
            s.bodies
                .iter()
                .filter(|b| b.gold != crate::metrics::UNRELATED)
                .map(|b| b.id)
        }
        for (n, s) in stories.iter().enumerate() {
            for b in related(s) {
                let m = *first.entry(b).or_insert(n);
                let (rn, rm) = (root(&mut parent, n), root(&mut parent, m));
                parent[rn.max(rm)] = rn.min(rm);
            }
        }
        let mut smallest: BTreeMap<usize, u32> = BTreeMap::new();
        for (n, s) in stories.iter().enumerate() {
            let r = root(&mut parent, n);
            for b in related(s) {
                let e = smallest.entry(r).or_insert(b);
                *e = (*e).min(b);
            }
        }
        (0..stories.len())
            .map(|n| {
                let r = root(&mut parent, n);
                Half::of(smallest.get(&r).copied().unwrap_or(0))
            })
            .collect()
    }

    fn name(self) -> &'static str {
        match self {
            Half::Tuning => "tuning",
            Half::HeldOut => "held-out",
        }
    }
}

/// Every opposed pair of the default engine's reports on the training stories read, each in the
/// half of the story it was found in (a pair found in stories of both halves is in both).
fn found(dir: &Path) -> Res<BTreeMap<Half, BTreeSet<Pair>>> {
    let config = Config::default();
    let stories = training_stories(dir)?;
    let halves = Half::of_stories(&stories);
    let per_story: Vec<(Half, BTreeSet<Pair>)> = stories
        .par_iter()
        .zip(halves)
        .map(|(s, half)| {
            let pairs = match compare(&s.documents(), &config, &CompareOptions::default()) {
                Ok(report) => opposed_pairs(&report),
                Err(_) => BTreeSet::new(),
            };
            (half, pairs)
        })
        .collect();
    let mut out: BTreeMap<Half, BTreeSet<Pair>> = BTreeMap::new();
    for (half, pairs) in per_story {
        out.entry(half).or_default().extend(pairs);
    }
    Ok(out)
}

fn kind_name(kind: FindingKind) -> &'static str {
    kind.as_str()
}

fn parse_kind(name: &str) -> Option<FindingKind> {
    [
        FindingKind::Contradiction,
        FindingKind::NumericConflict,
        FindingKind::DateConflict,
    ]
    .into_iter()
    .find(|k| k.as_str() == name)
}

/// The labels of the repository's file: pair → real.
pub fn labels(text: &str) -> Res<BTreeMap<Pair, bool>> {
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [label, kind, a, b] = cols[..] else {
            return Err(format!("conflicts.tsv line {}: 4 tab-separated columns expected", n + 1).into());
        };
        let real = match label {
            "real" => true,
            "not" => false,
            other => return Err(format!("conflicts.tsv line {}: label {other:?} (real or not)", n + 1).into()),
        };
        let kind = parse_kind(kind).ok_or_else(|| format!("conflicts.tsv line {}: kind {kind:?}", n + 1))?;
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        out.insert((kind, a.to_string(), b.to_string()), real);
    }
    Ok(out)
}

/// Precision of the found pairs of some kinds against the labels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Precision {
    pub found: usize,
    pub labelled: usize,
    pub real: usize,
}

impl Precision {
    pub fn of(found: &BTreeSet<Pair>, labels: &BTreeMap<Pair, bool>, kinds: &[FindingKind]) -> Precision {
        let mut p = Precision::default();
        for pair in found.iter().filter(|p| kinds.contains(&p.0)) {
            p.found += 1;
            if let Some(&real) = labels.get(pair) {
                p.labelled += 1;
                p.real += usize::from(real);
            }
        }
        p
    }

    /// real / labelled (0..=1; NaN when nothing is labelled).
    pub fn value(&self) -> f64 {
        self.real as f64 / self.labelled as f64
    }
}

/// `conflicts`: print the precision table.
pub fn evaluate(dir: &Path) -> Res<()> {
    let labels = labels(LABELS)?;
    let halves = found(dir)?;
    let all: BTreeSet<Pair> = halves.values().flatten().cloned().collect();
    let (real_labels, total_labels) = (labels.values().filter(|r| **r).count(), labels.len());
    println!(
        "Conflict findings on FNC-1 training stories (every {STRIDE}th story), labelled by reading: {total_labels} labelled pairs ({real_labels} real) in crates/factdiff-eval/data/conflicts.tsv"
    );
    println!("| findings | stories | opposed pairs found | labelled | real | precision |");
    println!("|---|---|---|---|---|---|");
    let parts: Vec<(&str, &BTreeSet<Pair>)> = halves
        .iter()
        .map(|(h, pairs)| (h.name(), pairs))
        .chain(std::iter::once(("all", &all)))
        .collect();
    for (name, kinds) in [
        ("contradiction", &[FindingKind::Contradiction][..]),
        (
            "numeric / date conflict",
            &[FindingKind::NumericConflict, FindingKind::DateConflict][..],
        ),
        (
            "all conflicts",
            &[
                FindingKind::Contradiction,
                FindingKind::NumericConflict,
                FindingKind::DateConflict,
            ][..],
        ),
    ] {
        for (part, found) in &parts {
            let p = Precision::of(found, &labels, kinds);
            println!(
                "| {name} | {part} | {} | {} | {} | {:.2} |",
                p.found,
                p.labelled,
                p.real,
                p.value()
            );
        }
    }
    Ok(())
}

/// `conflicts-dump FILE`: every found pair with its label (`real`, `not`, or `?` when it has
/// none yet), in the file's format.
pub fn dump(dir: &Path, out: &Path) -> Res<()> {
    let labels = labels(LABELS)?;
    let mut text = String::new();
    for (half, pairs) in found(dir)? {
        text.push_str(&format!("# {} half\n", half.name()));
        for (kind, a, b) in pairs {
            let label = match labels.get(&(kind, a.clone(), b.clone())) {
                Some(true) => "real",
                Some(false) => "not",
                None => "?",
            };
            text.push_str(&format!("{label}\t{}\t{a}\t{b}\n", kind_name(kind)));
        }
    }
    std::fs::write(out, text)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use factdiff_core::Document;

    #[test]
    fn the_labelled_file_parses_and_pairs_are_read_off_findings() {
        let labels = labels(LABELS).unwrap();
        assert!(labels.len() >= 200, "{}", labels.len());
        assert!(super::labels("real\tcontradiction\ta").is_err());
        assert!(super::labels("maybe\tcontradiction\ta\tb").is_err());
        let docs = [
            Document::new(
                "a",
                "Officials evacuated 1,200 people from villages along the Marin river.",
            ),
            Document::new(
                "b",
                "Officials evacuated  2,400 people from villages along the Marin river.",
            ),
        ];
        let report = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
        let pairs = opposed_pairs(&report);
        assert_eq!(
            pairs.into_iter().collect::<Vec<_>>(),
            [(
                FindingKind::NumericConflict,
                "Officials evacuated 1,200 people from villages along the Marin river.".to_string(),
                "Officials evacuated 2,400 people from villages along the Marin river.".to_string(),
            )]
        );
        let found: BTreeSet<Pair> = labels.keys().take(3).cloned().collect();
        let p = Precision::of(
            &found,
            &labels,
            &[
                FindingKind::Contradiction,
                FindingKind::NumericConflict,
                FindingKind::DateConflict,
            ],
        );
        assert_eq!((p.found, p.labelled), (3, 3));
    }

    #[test]
    fn halves_are_stable_and_both_are_used() {
        assert_eq!(Half::of(1234), Half::of(1234));
        let tuning = (0..16).filter(|id| Half::of(*id) == Half::Tuning).count();
        assert!(tuning > 0 && tuning < 16, "{tuning}");
        let story = |ids: &[u32]| Story {
            headline: String::new(),
            bodies: ids
                .iter()
                .map(|&id| crate::story::Body {
                    id,
                    text: "".into(),
                    gold: 0,
                })
                .collect(),
        };
        // Stories that share a body (directly or through another story) are in one half.
        let (a, b) = (0..64)
            .find(|&x| Half::of(x) != Half::of(x + 100))
            .map(|x| (x, x + 100))
            .unwrap();
        let halves = Half::of_stories(&[story(&[b, 500]), story(&[500, 600]), story(&[600, a]), story(&[b])]);
        assert_eq!(halves, [Half::of(a); 4]);
        let apart = Half::of_stories(&[story(&[a]), story(&[b])]);
        assert_eq!(apart, [Half::of(a), Half::of(b)]);
    }
}
