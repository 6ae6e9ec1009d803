//! The aligner on news paraphrase data, through the code path that builds clusters: each pair is
//! two one-sentence documents run through the public [`factdiff_core::compare`] with
//! [`Config::default`]; the pair is "the same fact" when the report aligns a claim of one with a
//! claim of the other, and its score is the best such alignment's score (0 when none).
//!
//! - MSRP (`msrp/msr-para-val.tsv`): accuracy and F1 of the paraphrase class of that decision.
//! - STS headlines (`sts_headlines/headlines-2013.tsv`, `-2014.tsv`): Pearson r of the score
//!   against the gold similarity (0–5).

use crate::data::{join_sentences, Res};
use crate::metrics::{pearson, Confusion};
use crate::Metrics;
use factdiff_core::{compare, CompareOptions, Config, Document, Report};
use rayon::prelude::*;
use std::path::Path;

/// One sentence pair with its gold value (MSRP: 1 paraphrase / 0 not; STS: 0..=5).
#[derive(Clone, Debug, PartialEq)]
pub struct SentencePair {
    pub a: String,
    pub b: String,
    pub gold: f64,
}

/// MSRP pairs from a tab-separated file with a header (`Quality`, two ids, two strings).
pub fn msrp(path: &Path) -> Res<Vec<SentencePair>> {
    tsv(path, 1, [0, 3, 4])
}

/// STS pairs from a tab-separated file without a header (score, sentence, sentence).
pub fn sts(path: &Path) -> Res<Vec<SentencePair>> {
    tsv(path, 0, [0, 1, 2])
}

/// The non-empty lines of a tab-separated file (no quoting) after `skip` header lines, each with
/// exactly `columns[2] + 1` columns: the gold value, the first and the second sentence at the
/// given columns.
fn tsv(path: &Path, skip: usize, columns: [usize; 3]) -> Res<Vec<SentencePair>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().skip(skip) {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != columns[2] + 1 {
            return Err(format!(
                "{}:{}: expected {} tab-separated columns",
                path.display(),
                n + 1,
                columns[2] + 1
            )
            .into());
        }
        out.push(SentencePair {
            a: cols[columns[1]].to_string(),
            b: cols[columns[2]].to_string(),
            gold: cols[columns[0]].trim().parse()?,
        });
    }
    Ok(out)
}

/// What the report says about one pair.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Aligned {
    /// A claim of one document is aligned with a claim of the other.
    pub same: bool,
    /// The best such alignment's score (0 when none).
    pub score: f64,
    /// Claims in the report.
    pub claims: usize,
}

/// The two documents of a pair: each sentence ends in punctuation, so it is read as a sentence.
pub fn documents(p: &SentencePair) -> [Document; 2] {
    [
        Document::new("a", join_sentences(std::iter::once(p.a.as_str()))),
        Document::new("b", join_sentences(std::iter::once(p.b.as_str()))),
    ]
}

/// Read the alignment between documents `a` and `b` off a report.
pub fn read(report: &Report) -> Aligned {
    let doc_of = |id: &str| report.claim(id).map(|c| &*c.doc);
    let mut out = Aligned {
        claims: report.claims.len(),
        ..Aligned::default()
    };
    for al in report.clusters.iter().flat_map(|c| &c.alignments) {
        if doc_of(&al.a) != doc_of(&al.b) {
            out.same = true;
            out.score = out.score.max(al.score);
        }
    }
    out
}

/// Run every pair through `compare` with `config`.
pub fn run(pairs: &[SentencePair], config: &Config) -> Vec<Aligned> {
    run_with(pairs, config, &CompareOptions::default())
}

/// Run every pair through `compare` with `config` and `options` (the semantic mode's embedder).
pub fn run_with(pairs: &[SentencePair], config: &Config, options: &CompareOptions<'_>) -> Vec<Aligned> {
    pairs
        .par_iter()
        .map(|p| compare(&documents(p), config, options).map_or_else(|_| Aligned::default(), |r| read(&r)))
        .collect()
}

/// MSRP val and STS headlines 2013 / 2014: prints their rows and pushes `msrp.*` and
/// `sts_headlines.*`; returns the number of claims the reports held.
pub fn evaluate(dir: &Path, smoke: bool, out: &mut Metrics) -> Res<usize> {
    let config = Config::default();
    let mut claims = 0;
    let pairs = crate::subset(msrp(&dir.join("msrp/msr-para-val.tsv"))?, smoke, 200);
    let got = run(&pairs, &config);
    claims += got.iter().map(|a| a.claims).sum::<usize>();
    let mut c = Confusion::new(&["paraphrase", "not"]);
    for (p, a) in pairs.iter().zip(&got) {
        c.add(usize::from(p.gold < 0.5), usize::from(!a.same));
    }
    crate::row("MSRP val", c.total(), "accuracy %", c.accuracy(), c.majority_accuracy());
    crate::row("MSRP val", c.total(), "paraphrase F1 ×100", 100.0 * c.f1(0), f64::NAN);
    out.push("msrp.accuracy", c.accuracy());
    out.push("msrp.f1", 100.0 * c.f1(0));
    for year in [2013, 2014] {
        let pairs = crate::subset(
            sts(&dir.join(format!("sts_headlines/headlines-{year}.tsv")))?,
            smoke,
            200,
        );
        let got = run(&pairs, &config);
        claims += got.iter().map(|a| a.claims).sum::<usize>();
        let gold: Vec<f64> = pairs.iter().map(|p| p.gold).collect();
        let score: Vec<f64> = got.iter().map(|a| a.score).collect();
        let aligned = got.iter().filter(|a| a.same).count();
        let r = pearson(&gold, &score);
        crate::row(
            &format!("STS headlines {year} ({aligned} aligned)"),
            pairs.len(),
            "Pearson r ×100",
            100.0 * r,
            f64::NAN,
        );
        out.push(format!("sts_headlines.pearson_{year}"), 100.0 * r);
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn a_paraphrase_aligns_and_an_unrelated_pair_does_not() {
        let pairs = [
            SentencePair {
                a: "Officials evacuated 1,200 people from villages along the Marin river on Sunday".into(),
                b: "On Sunday officials evacuated 1,200 people from the villages along the Marin river.".into(),
                gold: 1.0,
            },
            SentencePair {
                a: "Officials evacuated 1,200 people from villages along the Marin river on Sunday.".into(),
                b: "The choir sang songs in the old hall before the concert.".into(),
                gold: 0.0,
            },
        ];
        let got = run(&pairs, &Config::default());
        assert!(got[0].same && got[0].score > 0.0, "{got:?}");
        assert!(!got[1].same && got[1].score == 0.0, "{got:?}");
    }

    #[test]
    fn loaders_read_the_columns_and_refuse_short_lines() {
        let dir = std::env::temp_dir().join(format!("factdiff-eval-para-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let m = dir.join("m.tsv");
        std::fs::write(
            &m,
            "\u{feff}Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tA \"b\".\tC d.\n",
        )
        .unwrap();
        assert_eq!(
            msrp(&m).unwrap(),
            [SentencePair {
                a: "A \"b\".".into(),
                b: "C d.".into(),
                gold: 1.0
            }]
        );
        let s = dir.join("s.tsv");
        std::fs::write(&s, "3.8\tWeak earnings drag stocks\tStocks fall\n").unwrap();
        assert_eq!(sts(&s).unwrap()[0].gold, 3.8);
        std::fs::write(&s, "3.8\tonly one\n").unwrap();
        assert!(sts(&s).is_err());
        let _ = std::fs::remove_dir_all(dir);
    }
}
