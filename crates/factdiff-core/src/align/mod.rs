//! Align: find claims in different documents that state the same fact.
//!
//! Candidates come from an inverted index over content stems, canonical
//! entities and numbers ([`index`]); only pairs that share enough rare keys are
//! scored ([`similarity`], [`model`]), so no stage loops over all claim pairs. Scored
//! pairs above the threshold that are mutual best matches ([`best`]) are judged in one batch and
//! grouped into clusters ([`cluster`]). A source never aligns with itself: pairs inside one
//! document are kept apart as possible repetitions.

pub mod acronyms;
pub mod best;
pub mod bigrams;
pub mod cluster;
pub mod embed;
pub mod index;
pub mod model;
pub mod similarity;

use crate::judge::Judge;
use crate::{Alignment, Claim, Config, Verdict, VerdictLabel};
use std::sync::Arc;

/// Alignment result: judged cross-document pairs (by claim index) and near-identical pairs
/// inside one document. The report's clusters are built from the pairs last
/// ([`cluster::clusters`] takes them over), so no alignment is held twice.
#[derive(Clone, Debug, Default)]
pub struct Aligned {
    pub pairs: Vec<(usize, usize, Alignment)>,
    /// For each pair: whether the report lists it (a spanning set of the pairs,
    /// [`cluster::spanning`], or all of them). The pairs it does not list keep what the detectors
    /// and the positions read (indices, score, shared entities, the verdict's label and
    /// probabilities, and a contradict verdict's reasons), not their other reasons and shared keys.
    pub keep: Vec<bool>,
    /// (i, j, similarity) for claims of the same document that nearly repeat each other.
    pub repeats: Vec<(usize, usize, f64)>,
    /// Claims that blocking could pair only through common keys, and what its budget left out.
    pub fallback: index::Fallback,
    /// What blocking by sentence vectors left out (semantic mode only).
    pub semantic: embed::Blocking,
}

/// How many candidate pairs are scored between two polls of `should_stop`.
const POLL_EVERY: usize = 4_096;

/// Align `claims`, whose content terms ([`crate::analyze::Analysis::terms`]) are `terms`: score
/// the candidate pairs (each claim's terms are dropped once its features are made), then have
/// `judge` give each pair above the threshold its verdict. `None` once `should_stop` returns
/// true; it is polled every [`POLL_EVERY`] candidate pairs and before each call of the judge.
/// With the claims' sentence `vectors` (semantic mode, [`embed`]), their nearest neighbours are
/// candidates too and the cosine is a feature. The report will list a spanning set of the pairs
/// ([`Aligned::keep`]), or with `all_alignments` every pair.
pub fn align(
    claims: &[Claim],
    terms: Vec<Vec<Arc<str>>>,
    vectors: Option<&embed::Vectors>,
    judge: &dyn Judge,
    config: &Config,
    all_alignments: bool,
    should_stop: &(dyn Fn() -> bool + Sync),
) -> Option<Aligned> {
    // The terms are only for the features: each claim's are freed once its features are made.
    let mut scored = score_candidates(claims, terms, vectors, config, should_stop)?;
    // Each claim keeps its best counterpart per other source (see [`best`]).
    scored.pairs = best::mutual_best(claims, std::mem::take(&mut scored.pairs));
    scored.pairs.shrink_to_fit(); // the filter kept the room of every scored pair
    let keep = if all_alignments {
        vec![true; scored.pairs.len()]
    } else {
        let keep = cluster::spanning(claims.len(), scored.pairs.iter().map(|(i, j, al)| (*i, *j, al.score)));
        // What no one reads of a pair the report leaves out goes now: a 60-source story has
        // hundreds of thousands of pairs.
        for ((_, _, al), kept) in scored.pairs.iter_mut().zip(&keep) {
            if !kept {
                al.reasons = Vec::new();
                al.features.shared_terms = Vec::new();
                al.features.shared_numbers = Vec::new();
            }
        }
        keep
    };
    judge_scored(claims, scored, keep, judge, should_stop)
}

/// Candidate pairs that passed scoring, before the judge: see [`score_candidates`].
#[derive(Debug, Default)]
struct Scored {
    /// Cross-document pairs at or above the threshold: claim indices and their alignment, whose
    /// verdict the judge fills in where it stands (no second list of the pairs is built).
    pairs: Vec<(usize, usize, Alignment)>,
    repeats: Vec<(usize, usize, f64)>,
    fallback: index::Fallback,
    semantic: embed::Blocking,
}

/// How many pairs the judge sees at once. A story's pairs are judged chunk by chunk, each
/// verdict written into its alignment, so neither the judge's per-claim cues for every claim of
/// a big story nor a list of all its verdicts is held beside the alignments.
const JUDGE_EVERY: usize = 8_192;

/// Judge the scored cross-document pairs, chunk by chunk (`None` when `should_stop` returns true
/// first): the second half of [`align`].
fn judge_scored(
    claims: &[Claim],
    scored: Scored,
    keep: Vec<bool>,
    judge: &dyn Judge,
    should_stop: &(dyn Fn() -> bool + Sync),
) -> Option<Aligned> {
    let Scored {
        mut pairs,
        repeats,
        fallback,
        semantic,
    } = scored;
    judge_in_chunks(claims, &mut pairs, &keep, judge, should_stop, JUDGE_EVERY)?;
    Some(Aligned {
        pairs,
        keep,
        repeats,
        fallback,
        semantic,
    })
}

/// Write the judge's verdict into every pair, `every` pairs per call of the judge; the reasons of
/// a verdict that is not contradict are kept only where `keep` says the report lists the pair.
fn judge_in_chunks(
    claims: &[Claim],
    pairs: &mut [(usize, usize, Alignment)],
    keep: &[bool],
    judge: &dyn Judge,
    should_stop: &(dyn Fn() -> bool + Sync),
    every: usize,
) -> Option<()> {
    let every = every.max(1);
    for (chunk, keep) in pairs
        .chunks_mut(every)
        .zip(keep.chunks(every).chain(std::iter::repeat(&[][..])))
    {
        if should_stop() {
            return None;
        }
        let batch: Vec<(&Claim, &Claim, f64)> = chunk
            .iter()
            .map(|(i, j, al)| (&claims[*i], &claims[*j], al.features.term_overlap))
            .collect();
        let mut verdicts = judge.judge(&batch).into_iter();
        for (k, (_, _, al)) in chunk.iter_mut().enumerate() {
            // A judge owes one verdict per pair; a pair it skipped says so instead of vanishing.
            al.verdict = verdicts.next().unwrap_or_else(|| {
                crate::judge::verdict_from_scores(0.0, 1.0, 0.0, "the judge gave no verdict".into())
            });
            if !keep.get(k).copied().unwrap_or(true) && al.verdict.label != VerdictLabel::Contradict {
                al.verdict.reasons = Vec::new();
            }
        }
    }
    Some(())
}

/// Score the candidate pairs of `claims`, whose content terms are `terms`: cross-document pairs
/// at or above the threshold, and repeats inside one document; `None` once `should_stop` returns
/// true. The per-claim features (character bigrams, key ids) and the index are dropped on return,
/// before the judge runs, so they never add to the judge's own memory. With sentence `vectors`,
/// each claim's nearest neighbours by cosine join the candidates ([`embed::Vectors::neighbours`]).
fn score_candidates(
    claims: &[Claim],
    terms: Vec<Vec<Arc<str>>>,
    vectors: Option<&embed::Vectors>,
    config: &Config,
    should_stop: &(dyn Fn() -> bool + Sync),
) -> Option<Scored> {
    let (mut features, idx, vocab) = weighted_features(claims, terms);
    // Pairs are scored independently: in parallel, collected in candidate order, one chunk of
    // POLL_EVERY pairs at a time so `should_stop` is polled between chunks; each chunk's outcomes
    // go straight to their list, so no list of every outcome is held beside them.
    let index::Candidates {
        pairs: mut candidates,
        fallback,
    } = idx.candidates(&features, config);
    let mut semantic = embed::Blocking::default();
    if let Some(v) = vectors {
        let (near, blocking) = v.neighbours(claims);
        semantic = blocking;
        candidates.extend(near);
        candidates.sort_unstable();
        candidates.dedup();
    }
    for f in &mut features {
        f.keys = Box::default(); // blocking is done: the keys are not read again
    }
    let (mut pairs, mut repeats) = (Vec::new(), Vec::new());
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut done = 0;
    for (k, chunk) in candidates.chunks(POLL_EVERY).enumerate() {
        if should_stop() {
            return None;
        }
        // Candidates come in order of their first claim, each paired only with later claims: a
        // claim before the first claim of the pairs still to come is in none of them, so its
        // character bigrams (the largest per-claim feature) are freed as scoring moves on.
        let next = candidates.get((k + 1) * POLL_EVERY).map_or(claims.len(), |&(i, _)| i);
        use rayon::prelude::*;
        outcomes.par_extend(chunk.par_iter().with_min_len(256).filter_map(|&(i, j)| {
            let cosine = vectors.map(|v| v.cosine(i, j));
            score_pair(claims, &features, &vocab, &idx, config, cosine, i, j)
        }));
        for outcome in outcomes.drain(..) {
            match outcome {
                Outcome::Aligned(i, j, score, features, reasons) => pairs.push((
                    i,
                    j,
                    Alignment {
                        a: Arc::clone(&claims[i].id),
                        b: Arc::clone(&claims[j].id),
                        score: round3(score),
                        features,
                        reasons,
                        verdict: pending(),
                    },
                )),
                Outcome::Repeat(i, j, sim) => repeats.push((i, j, sim)),
            }
        }
        for f in features.get_mut(done..next).unwrap_or_default() {
            f.bigrams = bigrams::Bigrams::default();
        }
        done = done.max(next);
    }
    drop((candidates, features, idx, vocab, outcomes));
    // The lists grew by doubling; they are kept until the judge is done.
    pairs.shrink_to_fit();
    repeats.shrink_to_fit();
    Some(Scored {
        pairs,
        repeats,
        fallback,
        semantic,
    })
}

/// Each claim's matching features, weighed by the blocking index built over them; the index
/// (which proposes the candidate pairs) and the vocabulary of keys come back with them. The
/// claims' `terms` are read in order (owned ones are freed one claim at a time).
fn weighted_features<T: AsRef<[Arc<str>]>>(
    claims: &[Claim],
    terms: impl IntoIterator<Item = T>,
) -> (Vec<similarity::Features>, index::Index, index::Vocabulary) {
    let mut vocab = index::Vocabulary::default();
    // Long forms that the story abbreviates itself count as their short form.
    let acronyms = acronyms::learn(claims);
    let mut features: Vec<similarity::Features> = claims
        .iter()
        .zip(terms)
        .map(|(c, t)| match &acronyms[..] {
            [] => similarity::Features::of(c, t.as_ref(), &mut vocab),
            defined => similarity::Features::of(c, &acronyms::normalise(t.as_ref(), defined), &mut vocab),
        })
        .collect();
    let idx = index::Index::build(&features, vocab.keys.len());
    for f in &mut features {
        f.weigh(&idx);
    }
    (features, idx, vocab)
}

/// Every candidate pair of claims from different documents that blocking proposes under
/// `config`, with its raw statistics, before any threshold: what the aligner is trained on.
#[cfg(any(test, feature = "training"))]
pub fn candidate_stats(
    claims: &[Claim],
    terms: &[&[Arc<str>]],
    config: &Config,
) -> Vec<(usize, usize, similarity::PairStats)> {
    let (features, idx, _) = weighted_features(claims, terms);
    idx.candidates(&features, config)
        .pairs
        .into_iter()
        .filter(|&(i, j)| claims[i].doc != claims[j].doc)
        .map(|(i, j)| (i, j, raw_stats(&features, &idx, i, j)))
        .collect()
}

/// A candidate pair's statistics with its character similarity (what scoring computes last).
#[cfg(any(test, feature = "training"))]
fn raw_stats(features: &[similarity::Features], idx: &index::Index, i: usize, j: usize) -> similarity::PairStats {
    let mut s = similarity::pair_stats(&features[i], &features[j], idx);
    s.dice = similarity::dice(&features[i], &features[j]);
    s
}

/// [`candidate_stats`] in the semantic mode: the candidates of blocking and of the sentence
/// `vectors`' nearest neighbours ([`embed::Vectors::neighbours`]), each with its raw statistics and
/// cosine, before any threshold: what `factdiff-eval train-embed` fits the cosine's weight on.
#[cfg(any(test, feature = "training"))]
pub fn semantic_candidate_stats(
    claims: &[Claim],
    terms: &[&[Arc<str>]],
    vectors: &embed::Vectors,
    config: &Config,
) -> Vec<(usize, usize, similarity::PairStats, f64)> {
    let (features, idx, _) = weighted_features(claims, terms);
    let mut pairs = idx.candidates(&features, config).pairs;
    pairs.extend(vectors.neighbours(claims).0);
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .filter(|&(i, j)| claims[i].doc != claims[j].doc)
        .map(|(i, j)| (i, j, raw_stats(&features, &idx, i, j), vectors.cosine(i, j)))
        .collect()
}

/// The verdict of a pair the judge has not seen yet.
fn pending() -> Verdict {
    Verdict {
        label: VerdictLabel::Neutral,
        entail: 0.0,
        neutral: 0.0,
        contradict: 0.0,
        reasons: Vec::new(),
    }
}

/// A candidate pair that passed: aligned across documents, or a repeat inside one.
enum Outcome {
    Aligned(usize, usize, f64, crate::AlignFeatures, Vec<String>),
    Repeat(usize, usize, f64),
}

/// Score candidate pair `(i, j)`, whose sentence vectors' `cosine` is known in semantic mode;
/// `None` when it is neither an alignment nor a repeat.
#[allow(clippy::too_many_arguments)]
fn score_pair(
    claims: &[Claim],
    features: &[similarity::Features],
    vocab: &index::Vocabulary,
    idx: &index::Index,
    config: &Config,
    cosine: Option<f64>,
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
    // A pair close in meaning is scored although it shares few words.
    if overlap < config.min_term_overlap && cosine.is_none_or(|c| c < embed::MIN_COSINE) {
        return None;
    }
    let model = model::AlignModel::get();
    let stacked = embed::EmbedModel::get();
    let with_cosine = |p: f64| cosine.map_or(p, |c| stacked.probability(p, c));
    let mut stats = similarity::pair_stats(fa, fb, idx);
    if with_cosine(model.bound(&stats, round3(similarity::dice_bound(fa, fb)))) < config.align_threshold {
        return None;
    }
    stats.dice = similarity::dice(fa, fb);
    let x = model::values(&stats);
    let p = with_cosine(model.probability(&x));
    if p < config.align_threshold {
        return None;
    }
    let mut f = similarity::compare(fa, fb, vocab, overlap);
    f.text_similarity = round3(stats.dice);
    let reasons = match cosine {
        Some(c) => stacked.reasons(model, &x, c, 3),
        None => model.reasons(&x, 3),
    };
    Some(Outcome::Aligned(i, j, p, f, reasons))
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
    use crate::analyze::tokens::content_terms;
    use crate::judge::LexicalJudge;
    use crate::lexicon::Lexicon;
    use crate::{Config, Document};

    fn terms(claims: &[Claim]) -> Vec<Vec<Arc<str>>> {
        claims.iter().map(|c| content_terms(Lexicon::get(), &c.text)).collect()
    }

    /// The claims of `(id, text)` documents under the default configuration (also used by the
    /// tests of the submodules).
    pub(super) fn claims(docs: &[(&str, &str)]) -> Vec<Claim> {
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
        let al = align(&c, terms(&c), None, &LexicalJudge, &Config::default(), false, &|| false).unwrap_or_default();
        assert!(al.pairs.iter().all(|(i, j, _)| c[*i].doc != c[*j].doc));
        assert!(al.pairs.iter().any(|(_, _, a)| &*a.a == "a#0" && &*a.b == "b#0"));
        assert!(
            !al.pairs.iter().any(|(_, _, a)| &*a.b == "b#1"),
            "unrelated sentence aligned"
        );
        assert_eq!(
            al.repeats.iter().map(|(i, j, _)| (*i, *j)).collect::<Vec<_>>(),
            [(0, 1)]
        );
        let pair = &al.pairs[0].2;
        assert!(pair.features.shared_terms.iter().any(|t| &**t == "evacu"));
        assert_eq!(cluster::clusters(&c, al.pairs, al.keep).len(), 1);
    }

    #[test]
    fn chunked_judging_gives_every_pair_its_own_verdict() {
        let c = claims(&[
            ("a", "Officials evacuated 1,200 people from villages along the Marin river. The dam on the Marin river broke on Sunday night after heavy rain. Rescue teams reached the flooded town of Esk by boat."),
            ("b", "Officials evacuated 2,400 people from villages along the Marin river. The dam on the Marin river did not break on Sunday night. Rescue teams reached the flooded town of Esk by helicopter."),
            ("c", "About 1,200 people left villages along the Marin river. The Marin river dam broke on Sunday after rain. Teams reached Esk, a flooded town, by boat."),
        ]);
        let terms = terms(&c);
        let scored =
            |c: &[Claim]| score_candidates(c, terms.clone(), None, &Config::default(), &|| false).unwrap_or_default();
        let all = |c: &[Claim]| vec![true; scored(c).pairs.len()];
        let whole = judge_scored(&c, scored(&c), all(&c), &LexicalJudge, &|| false).unwrap_or_default();
        assert!(whole.pairs.len() >= 4, "{}", whole.pairs.len());
        let mut pairs = scored(&c).pairs;
        judge_in_chunks(&c, &mut pairs, &all(&c), &LexicalJudge, &|| false, 2).unwrap_or_default();
        assert_eq!(pairs, whole.pairs);
        assert!(pairs.iter().all(|(_, _, al)| !al.verdict.reasons.is_empty()));
        let mut pairs = scored(&c).pairs;
        assert!(judge_in_chunks(&c, &mut pairs, &all(&c), &LexicalJudge, &|| true, 2).is_none());
        // A judge that answers only the first pair of each call: the others say so.
        struct FirstOnly;
        impl Judge for FirstOnly {
            fn judge(&self, pairs: &[(&Claim, &Claim, f64)]) -> Vec<Verdict> {
                LexicalJudge.judge(&pairs[..pairs.len().min(1)])
            }
        }
        let mut pairs = scored(&c).pairs;
        judge_in_chunks(&c, &mut pairs, &all(&c), &FirstOnly, &|| false, 2).unwrap_or_default();
        assert_eq!(pairs[0], whole.pairs[0]);
        assert_eq!(pairs[1].2.verdict.reasons, ["the judge gave no verdict: neutral 1.00"]);
    }
}
