//! Align: find claims in different documents that state the same fact.
//!
//! Candidates come from an inverted index over content stems, canonical
//! entities and numbers ([`index`]); only pairs that share enough rare keys are
//! scored ([`similarity`]), so no stage loops over all claim pairs. Scored
//! pairs above the threshold are judged in one batch and grouped into
//! clusters ([`cluster`]). A source never aligns with itself: pairs inside one
//! document are kept apart as possible repetitions.

pub mod bigrams;
pub mod cluster;
pub mod index;
pub mod similarity;

use crate::analyze::tokens::content_terms;
use crate::judge::Judge;
use crate::lexicon::Lexicon;
use crate::{Alignment, Claim, Config};
use std::sync::Arc;

/// Alignment result: judged cross-document pairs (by claim index) and near-identical pairs
/// inside one document. The report's clusters are built from the pairs last
/// ([`cluster::clusters`] takes them over), so no alignment is held twice.
#[derive(Clone, Debug, Default)]
pub struct Aligned {
    pub pairs: Vec<(usize, usize, Alignment)>,
    /// (i, j, similarity) for claims of the same document that nearly repeat each other.
    pub repeats: Vec<(usize, usize, f64)>,
}

/// Align `claims`, splitting each text into content terms first.
pub fn align(claims: &[Claim], judge: &dyn Judge, lex: &Lexicon, config: &Config) -> Aligned {
    let terms: Vec<Vec<Arc<str>>> = claims.iter().map(|c| content_terms(lex, &c.text)).collect();
    let terms: Vec<&[Arc<str>]> = terms.iter().map(Vec::as_slice).collect();
    align_with_terms(claims, &terms, judge, config)
}

/// [`align`] with each claim's content terms already known (from [`crate::analyze::Analyzed::terms`]).
pub fn align_with_terms(claims: &[Claim], terms: &[&[Arc<str>]], judge: &dyn Judge, config: &Config) -> Aligned {
    align_cancellable(claims, terms, judge, config, &|| false).unwrap_or_default()
}

/// How many candidate pairs are scored between two polls of `should_stop`.
const POLL_EVERY: usize = 4_096;

/// [`align_with_terms`] that gives up (`None`) once `should_stop` returns true; it is polled
/// every [`POLL_EVERY`] candidate pairs and before the judge is called.
pub fn align_cancellable(
    claims: &[Claim],
    terms: &[&[Arc<str>]],
    judge: &dyn Judge,
    config: &Config,
    should_stop: &(dyn Fn() -> bool + Sync),
) -> Option<Aligned> {
    let scored = score_candidates(claims, terms, config, should_stop)?;
    judge_scored(claims, scored, judge, should_stop)
}

/// Candidate pairs that passed scoring, before the judge: see [`score_candidates`].
#[derive(Debug, Default)]
pub struct Scored {
    /// Cross-document pairs at or above the threshold: claim indices, score and features.
    pairs: Vec<(usize, usize, f64, crate::AlignFeatures)>,
    repeats: Vec<(usize, usize, f64)>,
}

/// Judge the scored cross-document pairs in one batch (`None` when `should_stop` returns true
/// first): the second half of [`align_cancellable`]. The caller may free what scoring needed
/// (the claims' terms) before calling it.
pub fn judge_scored(
    claims: &[Claim],
    scored: Scored,
    judge: &dyn Judge,
    should_stop: &(dyn Fn() -> bool + Sync),
) -> Option<Aligned> {
    let Scored { pairs: scored, repeats } = scored;
    if should_stop() {
        return None;
    }
    let batch: Vec<(&Claim, &Claim, f64)> = scored
        .iter()
        .map(|(i, j, _, f)| (&claims[*i], &claims[*j], f.term_overlap))
        .collect();
    let verdicts = judge.judge(&batch);
    drop(batch);
    let pairs: Vec<(usize, usize, Alignment)> = scored
        .into_iter()
        .zip(verdicts)
        .map(|((i, j, score, features), verdict)| {
            let (a, b) = (claims[i].id.clone(), claims[j].id.clone());
            (
                i,
                j,
                Alignment {
                    a,
                    b,
                    score: round3(score),
                    features,
                    verdict,
                },
            )
        })
        .collect();
    Some(Aligned { pairs, repeats })
}

/// Score the candidate pairs of `claims`, whose content terms are `terms`: cross-document pairs
/// at or above the threshold, and repeats inside one document; `None` once `should_stop` returns
/// true. The per-claim features (character bigrams, key ids) and the index are dropped on return,
/// before the judge runs, so they never add to the judge's own memory.
pub fn score_candidates(
    claims: &[Claim],
    terms: &[&[Arc<str>]],
    config: &Config,
    should_stop: &(dyn Fn() -> bool + Sync),
) -> Option<Scored> {
    let mut vocab = index::Vocabulary::default();
    let mut features: Vec<similarity::Features> = claims
        .iter()
        .zip(terms)
        .map(|(c, t)| similarity::Features::of(c, t, &mut vocab))
        .collect();
    let idx = index::Index::build(&features, vocab.keys.len());
    for f in &mut features {
        f.weigh(&idx);
    }
    // Pairs are scored independently: in parallel, collected in candidate order, one chunk of
    // POLL_EVERY pairs at a time so `should_stop` is polled between chunks; each chunk's outcomes
    // go straight to their list, so no list of every outcome is held beside them.
    let candidates = idx.candidates(&features, config);
    let (mut pairs, mut repeats) = (Vec::new(), Vec::new());
    let mut outcomes: Vec<Outcome> = Vec::new();
    for chunk in candidates.chunks(POLL_EVERY) {
        if should_stop() {
            return None;
        }
        use rayon::prelude::*;
        outcomes.par_extend(
            chunk
                .par_iter()
                .with_min_len(256)
                .filter_map(|&(i, j)| score_pair(claims, &features, &vocab, &idx, config, i, j)),
        );
        for outcome in outcomes.drain(..) {
            match outcome {
                Outcome::Aligned(i, j, score, f) => pairs.push((i, j, score, f)),
                Outcome::Repeat(i, j, sim) => repeats.push((i, j, sim)),
            }
        }
    }
    drop((candidates, features, idx, vocab, outcomes));
    // The lists grew by doubling; they are kept until the judge is done.
    pairs.shrink_to_fit();
    repeats.shrink_to_fit();
    Some(Scored { pairs, repeats })
}

/// A candidate pair that passed: aligned across documents, or a repeat inside one.
enum Outcome {
    Aligned(usize, usize, f64, crate::AlignFeatures),
    Repeat(usize, usize, f64),
}

/// Score candidate pair `(i, j)`; `None` when it is neither an alignment nor a repeat.
fn score_pair(
    claims: &[Claim],
    features: &[similarity::Features],
    vocab: &index::Vocabulary,
    idx: &index::Index,
    config: &Config,
    i: usize,
    j: usize,
) -> Option<Outcome> {
    let (fa, fb) = (&features[i], &features[j]);
    let overlap = similarity::term_overlap(fa, fb, idx);
    if claims[i].doc == claims[j].doc {
        // Near-identical sentences share most of their terms; only those are compared further.
        if overlap >= 0.5 && (overlap >= config.repeat_similarity || dice_bound_reaches(fa, fb, config)) {
            let sim = similarity::dice(fa, fb).max(overlap);
            if sim >= config.repeat_similarity {
                return Some(Outcome::Repeat(i, j, round3(sim)));
            }
        }
        return None;
    }
    if overlap < config.min_term_overlap {
        return None;
    }
    let f = similarity::compare(fa, fb, vocab, overlap);
    if similarity::score_bound_for(&f, fa, fb) < config.align_threshold {
        return None;
    }
    let f = similarity::with_text_similarity(f, fa, fb);
    let score = similarity::score(&f);
    (score >= config.align_threshold).then_some(Outcome::Aligned(i, j, score, f))
}

/// Whether the character similarity of two claims can reach the repeat threshold at all.
fn dice_bound_reaches(a: &similarity::Features, b: &similarity::Features, config: &Config) -> bool {
    similarity::dice_bound(a, b) >= config.repeat_similarity
}

pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judge::LexicalJudge;
    use crate::{Config, Document};

    fn claims(docs: &[(&str, &str)]) -> Vec<Claim> {
        docs.iter()
            .flat_map(|(id, text)| {
                crate::extract_claims(&Document::new(*id, *text), &Config::default()).unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn aligns_across_documents_and_keeps_repeats_apart() {
        let c = claims(&[
            ("a", "Officials evacuated 1,200 people from villages along the Marin river. Officials evacuated 1,200 people from villages along the Marin river."),
            ("b", "Officials evacuated 2,400 people from villages along the Marin river. The choir sang songs in the old hall."),
        ]);
        let al = align(&c, &LexicalJudge, Lexicon::get(), &Config::default());
        assert!(al.pairs.iter().all(|(i, j, _)| c[*i].doc != c[*j].doc));
        assert!(al.pairs.iter().any(|(_, _, a)| a.a == "a#0" && a.b == "b#0"));
        assert!(
            !al.pairs.iter().any(|(_, _, a)| a.b == "b#1"),
            "unrelated sentence aligned"
        );
        assert_eq!(
            al.repeats.iter().map(|(i, j, _)| (*i, *j)).collect::<Vec<_>>(),
            [(0, 1)]
        );
        let pair = &al.pairs[0].2;
        assert!(pair.features.shared_terms.iter().any(|t| &**t == "evacu"));
        assert_eq!(cluster::clusters(&c, al.pairs).len(), 1);
    }
}
