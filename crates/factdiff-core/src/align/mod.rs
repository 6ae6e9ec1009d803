//! Align: find claims in different documents that state the same fact.
//!
//! Candidates come from an inverted index over content stems, canonical
//! entities and numbers ([`index`]); only pairs that share enough rare keys are
//! scored ([`similarity`], [`model`]), so no stage loops over all claim pairs. Scoring happens in
//! two phases: every candidate is scored into a compact record; mutual best matches ([`best`]) and
//! the pairs the report lists ([`cluster::spanning`]) are chosen on those; only the listed pairs
//! then get their named features and reasons. The kept pairs are judged in chunks and grouped
//! into clusters ([`cluster`]). A source never aligns with itself: pairs inside one document are
//! kept apart as possible repetitions.

pub mod acronyms;
pub mod best;
pub mod bigrams;
pub mod cluster;
pub mod embed;
pub mod index;
pub mod model;
pub mod similarity;

use crate::judge::Judge;
use crate::{AlignFeatures, Claim, Config, Verdict, VerdictLabel};
use std::sync::Arc;

/// Alignment result: judged cross-document pairs (by claim index) and near-identical pairs
/// inside one document. The report's clusters are built from the pairs last
/// ([`cluster::clusters`] takes them over).
#[derive(Clone, Debug, Default)]
pub struct Aligned {
    /// Every judged cross-document pair, in candidate order: what the detectors and the
    /// positions read (a 60-source story has hundreds of thousands of them, so each is small).
    pub pairs: Vec<(usize, usize, Pair)>,
    /// The named features and the aligner's reasons of the pairs the report lists
    /// ([`Pair::listed`]), in the order of `pairs`.
    pub listed: Vec<Listed>,
    /// (i, j, similarity) for claims of the same document that nearly repeat each other.
    pub repeats: Vec<(usize, usize, f64)>,
    /// Claims that blocking could pair only through common keys, and what its budget left out.
    pub fallback: index::Fallback,
    /// What blocking by sentence vectors left out (semantic mode only).
    pub semantic: embed::Blocking,
}

/// A judged cross-document pair, as the detectors and the positions read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// The aligner's probability that the two claims state the same fact (rounded as reported).
    pub score: f64,
    /// The judge's verdict. Its reasons are kept for a listed pair and for a contradict verdict
    /// (which the contradiction finding quotes), not for the others.
    pub verdict: Verdict,
    /// Whether the two claims share a canonical entity.
    pub shares_entity: bool,
    /// Whether the report lists the pair (a spanning set of the pairs, [`cluster::spanning`], or
    /// all of them); its details are then in [`Aligned::listed`].
    pub listed: bool,
}

/// What the report shows of a listed pair beside its score and verdict.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listed {
    /// The named features the score was computed from.
    pub features: AlignFeatures,
    /// The kinds of evidence that moved the score most.
    pub reasons: Vec<String>,
}

/// How many candidate pairs are scored between two polls of `should_stop`.
const POLL_EVERY: usize = 4_096;

/// Align `claims`, whose content terms ([`crate::analyze::Analysis::terms`]) are `terms`: score
/// the candidate pairs (each claim's terms are dropped once its features are made), keep the
/// mutual best ones, then have `judge` give each its verdict. `None` once `should_stop` returns
/// true; it is polled every [`POLL_EVERY`] candidate pairs and before each call of the judge.
/// With the claims' sentence `vectors` (semantic mode, [`embed`]), their nearest neighbours are
/// candidates too and the cosine is a feature. The report will list a spanning set of the pairs
/// ([`Pair::listed`]), or with `all_alignments` every pair.
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
    let (features, idx, vocab) = weighted_features(claims, terms);
    let mut scored = score_candidates(claims, features, &idx, vectors, config, should_stop)?;
    // Each claim keeps its best counterpart per other source (see [`best`]).
    let mut pairs = best::mutual_best(claims, std::mem::take(&mut scored.pairs), |s| {
        (s.i as usize, s.j as usize, s.score)
    });
    pairs.shrink_to_fit(); // the filter kept the room of every scored pair
    if !all_alignments {
        let keep = cluster::spanning(
            claims.len(),
            pairs.iter().map(|s| (s.i as usize, s.j as usize, s.score)),
        );
        for (s, kept) in pairs.iter_mut().zip(keep) {
            s.listed = kept;
        }
    }
    // Only the listed pairs are shown with their named features and reasons: the rest of a
    // 60-source story's pairs never build them.
    let listed = describe(claims, &pairs, &scored.features, &idx, &vocab, vectors);
    drop((scored.features, idx, vocab));
    let pairs = judge_in_chunks(claims, &pairs, judge, should_stop, JUDGE_EVERY)?;
    Some(Aligned {
        pairs,
        listed,
        repeats: scored.repeats,
        fallback: scored.fallback,
        semantic: scored.semantic,
    })
}

/// A cross-document candidate pair at or above the threshold, before the judge: its claim
/// indices and what describing and judging it later needs (compact: a story can have hundreds of
/// thousands).
#[derive(Clone, Copy, Debug, PartialEq)]
struct ScoredPair {
    i: u32,
    j: u32,
    /// The aligner's probability, rounded as reported.
    score: f64,
    /// Character similarity (the costly statistic, so it is not computed twice).
    dice: f64,
    term_overlap: f64,
    shares_entity: bool,
    /// Whether the report lists the pair: all are until [`cluster::spanning`] says otherwise.
    listed: bool,
}

/// Candidate pairs that passed scoring, before the judge: see [`score_candidates`].
#[derive(Debug, Default)]
struct Scored {
    pairs: Vec<ScoredPair>,
    repeats: Vec<(usize, usize, f64)>,
    fallback: index::Fallback,
    semantic: embed::Blocking,
    /// The claims' features without their character bigrams and keys: enough to describe a pair.
    features: Vec<similarity::Features>,
}

/// How many pairs the judge sees at once. A story's pairs are judged chunk by chunk, so neither
/// the judge's per-claim cues for every claim of a big story nor a list of all its verdicts is
/// held beside the pairs.
const JUDGE_EVERY: usize = 8_192;

/// The named features and reasons of each listed pair of `pairs`, in order: what scoring computed
/// and did not keep, computed again from the claims' `features` for these pairs only.
fn describe(
    claims: &[Claim],
    pairs: &[ScoredPair],
    features: &[similarity::Features],
    idx: &index::Index,
    vocab: &index::Vocabulary,
    vectors: Option<&embed::Vectors>,
) -> Vec<Listed> {
    use rayon::prelude::*;
    let model = model::AlignModel::get();
    let stacked = embed::EmbedModel::get();
    let listed: Vec<&ScoredPair> = pairs.iter().filter(|s| s.listed).collect();
    listed
        .par_iter()
        .with_min_len(256)
        .map(|s| {
            let (i, j) = (s.i as usize, s.j as usize);
            debug_assert!(claims[i].doc != claims[j].doc);
            let (fa, fb) = (&features[i], &features[j]);
            let mut stats = similarity::pair_stats(fa, fb, idx);
            stats.dice = s.dice;
            let x = model::values(&stats);
            let reasons = match vectors.map(|v| v.cosine(i, j)) {
                Some(c) => stacked.reasons(model, &x, c, 3),
                None => model.reasons(&x, 3),
            };
            let mut features = similarity::compare(fa, fb, vocab, s.term_overlap);
            features.text_similarity = round3(s.dice);
            Listed { features, reasons }
        })
        .collect()
}

/// Judge `pairs`, `every` pairs per call of the judge (`None` when `should_stop` returns true
/// first); the reasons of a verdict that is not contradict are kept only for a listed pair. When
/// it takes more than one call, the pairs go to the judge cluster by cluster: a claim's pairs then
/// fall in few calls, and the lexical judge reads each claim's cues once per call.
fn judge_in_chunks(
    claims: &[Claim],
    pairs: &[ScoredPair],
    judge: &dyn Judge,
    should_stop: &(dyn Fn() -> bool + Sync),
    every: usize,
) -> Option<Vec<(usize, usize, Pair)>> {
    let every = every.max(1);
    let mut out: Vec<(usize, usize, Pair)> = pairs
        .iter()
        .map(|s| {
            let pair = Pair {
                score: s.score,
                verdict: pending(),
                shares_entity: s.shares_entity,
                listed: s.listed,
            };
            (s.i as usize, s.j as usize, pair)
        })
        .collect();
    let order: Vec<usize> = if pairs.len() > every {
        let ends = pairs.iter().map(|s| (s.i as usize, s.j as usize));
        cluster::by_cluster(claims.len(), ends)
            .into_iter()
            .map(|(_, k)| k)
            .collect()
    } else {
        (0..pairs.len()).collect()
    };
    for chunk in order.chunks(every) {
        if should_stop() {
            return None;
        }
        // The judge reads the overlap as the report gives it (rounded).
        let batch: Vec<(&Claim, &Claim, f64)> = chunk
            .iter()
            .map(|&k| {
                (
                    &claims[pairs[k].i as usize],
                    &claims[pairs[k].j as usize],
                    round3(pairs[k].term_overlap),
                )
            })
            .collect();
        let listed: Vec<bool> = chunk.iter().map(|&k| pairs[k].listed).collect();
        let mut verdicts = judge.judge_terse(&batch, &listed).into_iter();
        for &k in chunk {
            // A judge owes one verdict per pair; a pair it skipped says so instead of vanishing.
            let mut verdict = verdicts.next().unwrap_or_else(|| {
                crate::judge::verdict_from_scores(0.0, 1.0, 0.0, "the judge gave no verdict".into())
            });
            if !pairs[k].listed && verdict.label != VerdictLabel::Contradict {
                verdict.reasons = Vec::new();
            }
            out[k].2.verdict = verdict;
        }
    }
    Some(out)
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

/// Score the candidate pairs of `claims`, whose weighed `features` and index are given:
/// cross-document pairs at or above the threshold, and repeats inside one document; `None` once
/// `should_stop` returns true. Each claim's character bigrams and keys are dropped as scoring
/// moves on (the rest of its features come back, to describe the listed pairs). With sentence
/// `vectors`, each claim's nearest neighbours by cosine join the candidates
/// ([`embed::Vectors::neighbours`]).
fn score_candidates(
    claims: &[Claim],
    mut features: Vec<similarity::Features>,
    idx: &index::Index,
    vectors: Option<&embed::Vectors>,
    config: &Config,
    should_stop: &(dyn Fn() -> bool + Sync),
) -> Option<Scored> {
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
            score_pair(claims, &features, idx, config, cosine, i, j)
        }));
        for outcome in outcomes.drain(..) {
            match outcome {
                Outcome::Aligned(pair) => pairs.push(pair),
                Outcome::Repeat(i, j, sim) => repeats.push((i, j, sim)),
            }
        }
        for f in features.get_mut(done..next).unwrap_or_default() {
            f.bigrams = bigrams::Bigrams::default();
        }
        done = done.max(next);
    }
    drop((candidates, outcomes));
    // The lists grew by doubling; they are kept until the judge is done.
    pairs.shrink_to_fit();
    repeats.shrink_to_fit();
    Some(Scored {
        pairs,
        repeats,
        fallback,
        semantic,
        features,
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

/// A candidate pair that passed: aligned across documents, or a repeat inside one.
enum Outcome {
    Aligned(ScoredPair),
    Repeat(usize, usize, f64),
}

/// Score candidate pair `(i, j)`, whose sentence vectors' `cosine` is known in semantic mode;
/// `None` when it is neither an alignment nor a repeat.
fn score_pair(
    claims: &[Claim],
    features: &[similarity::Features],
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
    let p = with_cosine(model.probability(&model::values(&stats)));
    if p < config.align_threshold {
        return None;
    }
    // Claim indices fit in 32 bits: a story of four billion claims would not fit in memory.
    Some(Outcome::Aligned(ScoredPair {
        i: i as u32,
        j: j as u32,
        score: round3(p),
        dice: stats.dice,
        term_overlap: overlap,
        shares_entity: stats.shared_entities > 0,
        listed: true,
    }))
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
        let ids = |(i, j, _): &(usize, usize, Pair)| (&*c[*i].id, &*c[*j].id);
        assert!(al.pairs.iter().any(|p| ids(p) == ("a#0", "b#0")));
        assert!(
            !al.pairs.iter().any(|p| ids(p).1 == "b#1"),
            "unrelated sentence aligned"
        );
        assert_eq!(
            al.repeats.iter().map(|(i, j, _)| (*i, *j)).collect::<Vec<_>>(),
            [(0, 1)]
        );
        assert!(al.pairs[0].2.listed);
        assert_eq!(
            al.pairs[0].2.shares_entity,
            !al.listed[0].features.shared_entities.is_empty()
        );
        assert_eq!(al.listed.len(), al.pairs.iter().filter(|p| p.2.listed).count());
        assert!(al.listed[0].features.shared_terms.iter().any(|t| &**t == "evacu"));
        assert!(!al.listed[0].reasons.is_empty());
        assert_eq!(cluster::clusters(&c, al.pairs, al.listed).len(), 1);
    }

    #[test]
    fn only_listed_pairs_keep_their_details_and_every_pair_its_verdict() {
        let c = claims(&[
            (
                "a",
                "Officials evacuated 1,200 people from villages along the Marin river on Sunday.",
            ),
            (
                "b",
                "Officials evacuated 1,200 people from villages along the Marin river on Sunday night.",
            ),
            (
                "c",
                "Officials evacuated 1,200 people from the villages along the Marin river on Sunday.",
            ),
        ]);
        let run =
            |all| align(&c, terms(&c), None, &LexicalJudge, &Config::default(), all, &|| false).unwrap_or_default();
        let (all, spanned) = (run(true), run(false));
        // Three sources of one fact: three pairs, two of them listed unless all are asked for.
        assert_eq!((all.pairs.len(), all.listed.len()), (3, 3));
        assert_eq!((spanned.pairs.len(), spanned.listed.len()), (3, 2));
        let keep = cluster::spanning(3, all.pairs.iter().map(|(i, j, p)| (*i, *j, p.score)));
        assert_eq!(keep.iter().filter(|k| **k).count(), 2);
        for ((pa, pb), &listed) in all.pairs.iter().zip(&spanned.pairs).zip(&keep) {
            assert_eq!((pa.0, pa.1, pa.2.score), (pb.0, pb.1, pb.2.score));
            assert_eq!(
                (pa.2.verdict.label, pa.2.verdict.entail),
                (pb.2.verdict.label, pb.2.verdict.entail)
            );
            assert!(pa.2.listed && !pa.2.verdict.reasons.is_empty());
            assert_eq!(pb.2.listed, listed);
            let contradict = pb.2.verdict.label == VerdictLabel::Contradict;
            assert_eq!(pb.2.verdict.reasons.is_empty(), !listed && !contradict);
        }
        // A listed pair's details are the same whichever pairs are listed beside it.
        let kept: Vec<Listed> = all
            .listed
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(l, _)| l.clone())
            .collect();
        assert_eq!(spanned.listed, kept);
    }

    #[test]
    fn chunked_judging_gives_every_pair_its_own_verdict() {
        let c = claims(&[
            ("a", "Officials evacuated 1,200 people from villages along the Marin river. The dam on the Marin river broke on Sunday night after heavy rain. Rescue teams reached the flooded town of Esk by boat."),
            ("b", "Officials evacuated 2,400 people from villages along the Marin river. The dam on the Marin river did not break on Sunday night. Rescue teams reached the flooded town of Esk by helicopter."),
            ("c", "About 1,200 people left villages along the Marin river. The Marin river dam broke on Sunday after rain. Teams reached Esk, a flooded town, by boat."),
        ]);
        let (features, idx, _) = weighted_features(&c, terms(&c));
        let scored = score_candidates(&c, features, &idx, None, &Config::default(), &|| false).unwrap_or_default();
        let judged = |judge: &dyn Judge, every| judge_in_chunks(&c, &scored.pairs, judge, &|| false, every);
        let whole = judged(&LexicalJudge, JUDGE_EVERY).unwrap_or_default();
        assert!(whole.len() >= 4, "{}", whole.len());
        assert_eq!(judged(&LexicalJudge, 2).unwrap_or_default(), whole);
        assert!(whole.iter().all(|(_, _, p)| !p.verdict.reasons.is_empty()));
        assert!(judge_in_chunks(&c, &scored.pairs, &LexicalJudge, &|| true, 2).is_none());
        // A judge that answers only the first pair of each call: the others say so.
        struct FirstOnly;
        impl Judge for FirstOnly {
            fn judge(&self, pairs: &[(&Claim, &Claim, f64)]) -> Vec<Verdict> {
                LexicalJudge.judge(&pairs[..pairs.len().min(1)])
            }
        }
        let pairs = judged(&FirstOnly, 2).unwrap_or_default();
        assert_eq!(pairs[0], whole[0]);
        assert_eq!(pairs[1].2.verdict.reasons, ["the judge gave no verdict: neutral 1.00"]);
    }
}
