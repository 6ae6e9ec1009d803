//! `--align-dump FILE`: every candidate pair of the aligner's data (FNC-1 stories, MSRP, STS
//! headlines) with its raw statistics, as tab-separated lines, for exploring features.

use crate::data::Res;
use crate::paraphrase::{self, SentencePair};
use crate::story::{self, Story, HEADLINE};
use factdiff_core::training::{align, content_terms};
use factdiff_core::{extract_claims, Claim, Config, Document};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

fn claims_of(docs: &[Document], config: &Config) -> Vec<Claim> {
    docs.iter()
        .flat_map(|d| extract_claims(d, config).unwrap_or_default())
        .collect()
}

/// Lines `kind group a_role b_role a_claim b_claim stats...` for one set of documents.
fn lines(kind: &str, group: usize, docs: &[Document], role: &dyn Fn(&str) -> String, config: &Config) -> String {
    let claims = claims_of(docs, config);
    let terms: Vec<Vec<Arc<str>>> = claims.iter().map(|c| content_terms(&c.text)).collect();
    let slices: Vec<&[Arc<str>]> = terms.iter().map(Vec::as_slice).collect();
    let loose = Config {
        min_shared_features: 1,
        ..config.clone()
    };
    let mut out = String::new();
    // Claims per document, so that documents without any candidate still show up.
    for d in docs {
        let n = claims.iter().filter(|c| *c.doc == *d.id).count();
        let _ = writeln!(out, "{kind}\t{group}\tDOC\t{}\t{n}", role(&d.id));
    }
    for (i, j, s) in align::candidate_stats(&claims, &slices, &loose) {
        let _ = writeln!(
            out,
            "{kind}\t{group}\t{}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{:.4}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.4}\t{}\t{}",
            role(&claims[i].doc),
            role(&claims[j].doc),
            claims[i].id,
            claims[j].id,
            s.shared_weight,
            s.weight_a,
            s.weight_b,
            s.shared_terms,
            s.terms_a,
            s.terms_b,
            s.rarest_shared,
            s.max_idf,
            s.entities_a,
            s.entities_b,
            s.shared_entities,
            s.numbers_a,
            s.numbers_b,
            s.shared_numbers,
            s.dice,
            claims[i].text.replace(['\t', '\n'], " "),
            claims[j].text.replace(['\t', '\n'], " "),
        );
    }
    out
}

fn stories(kind: &str, stories: &[Story], config: &Config) -> String {
    stories
        .par_iter()
        .enumerate()
        .map(|(g, s)| {
            let role = |id: &str| {
                if id == HEADLINE {
                    "h".to_string()
                } else {
                    let gold = s.bodies.iter().find(|b| b.doc_id() == id).map_or(9, |b| b.gold);
                    format!("{id}:{gold}")
                }
            };
            lines(kind, g, &s.documents(), &role, config)
        })
        .collect()
}

fn pairs(kind: &str, pairs: &[SentencePair], config: &Config) -> String {
    pairs
        .par_iter()
        .enumerate()
        .map(|(g, p)| {
            let gold = p.gold;
            let role = move |id: &str| format!("{id}:{gold}");
            lines(kind, g, &paraphrase::documents(p), &role, config)
        })
        .collect()
}

pub fn dump(dir: &Path, out: &Path) -> Res<()> {
    let config = Config::default();
    let mut text = String::new();
    text += &stories("story_train", &story::stories(&dir.join("fnc1"), false)?, &config);
    text += &stories("story_val", &story::stories(&dir.join("fnc1"), true)?, &config);
    text += &pairs(
        "msrp_train",
        &paraphrase::msrp(&dir.join("msrp/msr-para-train.tsv"))?,
        &config,
    );
    text += &pairs(
        "msrp_val",
        &paraphrase::msrp(&dir.join("msrp/msr-para-val.tsv"))?,
        &config,
    );
    for year in [2013, 2014] {
        let p = paraphrase::sts(&dir.join(format!("sts_headlines/headlines-{year}.tsv")))?;
        text += &pairs(&format!("sts{year}"), &p, &config);
    }
    std::fs::write(out, text).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(())
}
