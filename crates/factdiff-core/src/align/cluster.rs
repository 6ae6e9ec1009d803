//! Clusters: connected groups of aligned claims (union–find over pairs).
//!
//! A cluster keeps a spanning set of its pairs ([`spanning`]: each claim with the alignment that
//! put it there) and counts every pair per document ([`PairTally`]), so a fact that sixty sources
//! state lists sixty claims and fifty-nine alignments, not 1,770 pairs.

use super::{Listed, Pair};
use crate::{Alignment, Claim, Cluster, PairTally, VerdictLabel};

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Join the groups of `i` and `j`; true when they were apart. A group's root is its smallest item.
fn union(parent: &mut [usize], i: usize, j: usize) -> bool {
    let (a, b) = (find(parent, i), find(parent, j));
    if a != b {
        parent[a.max(b)] = a.min(b);
    }
    a != b
}

/// Which of `pairs` (claim indices below `n`, with their scores) form a maximum spanning forest:
/// the pairs taken strongest first (ties in list order), each kept when it joins two claims not
/// yet connected. The kept pairs connect exactly the claims all the pairs connect, one fewer
/// than the claims of each group, and each claim's strongest pair is among them (the first
/// pair taken that touches a claim finds it alone).
pub fn spanning(n: usize, pairs: impl ExactSizeIterator<Item = (usize, usize, f64)>) -> Vec<bool> {
    let pairs: Vec<(usize, usize, f64)> = pairs.collect();
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by(|&x, &y| pairs[y].2.total_cmp(&pairs[x].2).then(x.cmp(&y)));
    let mut parent: Vec<usize> = (0..n).collect();
    let mut keep = vec![false; pairs.len()];
    for k in order {
        let (i, j, _) = pairs[k];
        keep[k] = union(&mut parent, i, j);
    }
    keep
}

/// The positions of `pairs` (claim indices below `n`) in cluster order, each with its cluster's
/// root (its smallest claim): by root, then by position.
pub fn by_cluster(n: usize, pairs: impl Iterator<Item = (usize, usize)> + Clone) -> Vec<(usize, usize)> {
    let mut parent: Vec<usize> = (0..n).collect();
    for (i, j) in pairs.clone() {
        union(&mut parent, i, j);
    }
    let mut order: Vec<(usize, usize)> = pairs.enumerate().map(|(k, (i, _))| (find(&mut parent, i), k)).collect();
    order.sort_unstable();
    order
}

/// Clusters of claims joined by `pairs`, in order of their first claim. Each cluster's
/// alignments are its listed pairs ([`Pair::listed`], whose details are `listed` in the order of
/// `pairs`), in their order; its tallies count all its pairs.
pub fn clusters(claims: &[Claim], pairs: Vec<(usize, usize, Pair)>, listed: Vec<Listed>) -> Vec<Cluster> {
    let order = by_cluster(claims.len(), pairs.iter().map(|(i, j, _)| (*i, *j)));
    // Each listed pair's details are `listed[rank[k]]` (its position among the listed pairs).
    let mut rank: Vec<u32> = Vec::with_capacity(pairs.len());
    let mut n = 0;
    for (_, _, p) in &pairs {
        rank.push(n);
        n += u32::from(p.listed);
    }
    let mut listed: Vec<Option<Listed>> = listed.into_iter().map(Some).collect();
    let mut out: Vec<Cluster> = Vec::new();
    for group in order.chunk_by(|x, y| x.0 == y.0) {
        let of_group = || group.iter().map(|&(_, k)| &pairs[k]);
        let mut members: Vec<usize> = of_group().flat_map(|(i, j, _)| [*i, *j]).collect();
        members.sort_unstable();
        members.dedup();
        let mut docs: Vec<String> = members.iter().map(|&m| claims[m].doc.to_string()).collect();
        docs.dedup();
        docs.sort();
        docs.dedup();
        let tallies = tallies(claims, &docs, of_group());
        let alignments: Vec<Alignment> = group
            .iter()
            .filter(|&&(_, k)| pairs[k].2.listed)
            .filter_map(|&(_, k)| {
                let (i, j, pair) = &pairs[k];
                let details = listed.get_mut(rank[k] as usize)?.take()?;
                Some(Alignment {
                    a: std::sync::Arc::clone(&claims[*i].id),
                    b: std::sync::Arc::clone(&claims[*j].id),
                    score: pair.score,
                    features: details.features,
                    reasons: details.reasons,
                    verdict: pair.verdict.clone(),
                })
            })
            .collect();
        out.push(Cluster {
            id: format!("k{}", out.len()),
            claims: members.iter().map(|&m| claims[m].id.to_string()).collect(),
            docs,
            alignments,
            tallies,
            positions: Vec::new(),
        });
    }
    out
}

/// One tally per document of `docs` (sorted ids) over a cluster's `pairs`, each pair counted for
/// the documents of both its claims, in the pairs' order.
fn tallies<'p>(
    claims: &[Claim],
    docs: &[String],
    pairs: impl Iterator<Item = &'p (usize, usize, Pair)>,
) -> Vec<PairTally> {
    // Running sums beside each tally; the means are taken at the end.
    let mut out: Vec<(PairTally, f64, f64)> = docs
        .iter()
        .map(|d| {
            let tally = PairTally {
                doc: d.clone(),
                ..PairTally::default()
            };
            (tally, 0.0, 0.0)
        })
        .collect();
    for (i, j, al) in pairs {
        if claims[*i].doc == claims[*j].doc {
            continue; // pairs join documents; one inside a document says nothing on a position
        }
        for m in [*i, *j] {
            let Ok(d) = docs.binary_search_by(|x| x.as_str().cmp(&claims[m].doc)) else {
                continue;
            };
            let (t, sum_e, sum_c) = &mut out[d];
            let v = &al.verdict;
            t.pairs += 1;
            t.best_score = t.best_score.max(al.score);
            t.max_entail = t.max_entail.max(v.entail);
            t.max_contradict = t.max_contradict.max(v.contradict);
            *sum_e += v.entail;
            *sum_c += v.contradict;
            t.entail += usize::from(v.label == VerdictLabel::Entail);
            t.contradict += usize::from(v.label == VerdictLabel::Contradict);
        }
    }
    out.into_iter()
        .map(|(mut t, sum_e, sum_c)| {
            t.mean_entail = sum_e / t.pairs.max(1) as f64;
            t.mean_contradict = sum_c / t.pairs.max(1) as f64;
            t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanning_keeps_the_strongest_pairs_that_connect_each_group() {
        // Four claims all paired with each other (a 4-source fact), and a separate pair.
        let pairs = [
            (0, 1, 0.9),
            (0, 2, 0.6),
            (0, 3, 0.7),
            (1, 2, 0.8),
            (1, 3, 0.6),
            (2, 3, 0.95),
            (4, 5, 0.5),
        ];
        let keep = spanning(6, pairs.iter().copied());
        assert_eq!(keep, [true, false, false, true, false, true, true]);
        // One fewer than the claims per group, and each claim's strongest pair is kept.
        assert_eq!(keep.iter().filter(|k| **k).count(), 4 + 2 - 2);
        for c in 0..6 {
            let best = pairs
                .iter()
                .enumerate()
                .filter(|(_, p)| p.0 == c || p.1 == c)
                .max_by(|x, y| x.1 .2.total_cmp(&y.1 .2).then(y.0.cmp(&x.0)))
                .map(|(k, _)| k);
            assert!(best.is_some_and(|k| keep[k]), "claim {c}");
        }
        // Ties go to the earlier pair.
        assert_eq!(
            spanning(3, [(0, 1, 0.5), (1, 2, 0.5), (0, 2, 0.5)].into_iter()),
            [true, true, false]
        );
    }

    #[test]
    fn clusters_list_a_spanning_set_and_count_every_pair_per_document() {
        let c = super::super::tests::claims(&[
            (
                "a",
                "Officials evacuated 1,200 people from villages along the Marin river.",
            ),
            (
                "b",
                "Officials evacuated 1,200 people from villages along the Marin river on Sunday.",
            ),
            (
                "c",
                "Officials evacuated 1,200 people from the villages along the Marin river.",
            ),
        ]);
        let verdict = |label: f64| crate::judge::verdict_from_scores(1.0 - label, 0.0, label, String::new());
        let pair = |i: usize, j: usize, score: f64, contradict: f64| {
            let pair = Pair {
                score,
                verdict: verdict(contradict),
                shares_entity: true,
                listed: true,
            };
            (i, j, pair)
        };
        let pairs = vec![pair(0, 1, 0.9, 0.0), pair(0, 2, 0.7, 1.0), pair(1, 2, 0.8, 0.0)];
        let details = |n: usize| vec![Listed::default(); n];
        let all = clusters(&c, pairs.clone(), details(3));
        let keep = spanning(3, pairs.iter().map(|(i, j, p)| (*i, *j, p.score)));
        let spanned_pairs: Vec<(usize, usize, Pair)> = pairs
            .into_iter()
            .zip(&keep)
            .map(|((i, j, p), &listed)| (i, j, Pair { listed, ..p }))
            .collect();
        let spanned = clusters(&c, spanned_pairs, details(2));
        assert_eq!((all.len(), spanned.len()), (1, 1));
        assert_eq!(all[0].alignments.len(), 3);
        let kept: Vec<(&str, &str)> = spanned[0].alignments.iter().map(|al| (&*al.a, &*al.b)).collect();
        assert_eq!(kept, [("a#0", "b#0"), ("b#0", "c#0")]);
        // The tallies count all three pairs either way: a and c each in two, one contradict.
        assert_eq!(all[0].tallies, spanned[0].tallies);
        let t = &spanned[0].tallies;
        assert_eq!(t.iter().map(|t| t.doc.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(
            t.iter().map(|t| (t.pairs, t.contradict)).collect::<Vec<_>>(),
            [(2, 1), (2, 0), (2, 1)]
        );
        assert_eq!((t[0].best_score, t[2].best_score), (0.9, 0.8));
        assert!((t[0].mean_contradict - 0.5).abs() < 1e-9 && t[1].max_contradict < 1e-9);
    }
}
