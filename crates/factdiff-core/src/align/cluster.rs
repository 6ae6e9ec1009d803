//! Clusters: connected groups of aligned claims (union–find over pairs).
//!
//! A cluster keeps a spanning set of its pairs ([`spanning`]: each claim with the alignment that
//! put it there) and counts every pair per document ([`PairTally`]), so a fact that sixty sources
//! state lists sixty claims and fifty-nine alignments, not 1,770 pairs.

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

/// Clusters of claims joined by `pairs`, in order of their first claim. Each cluster's
/// alignments are its pairs that `keep` marks (a spanning set, or all of them), in their order,
/// moved in rather than copied; its tallies count all its pairs.
pub fn clusters(claims: &[Claim], pairs: Vec<(usize, usize, Alignment)>, keep: Vec<bool>) -> Vec<Cluster> {
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    for (i, j, _) in &pairs {
        union(&mut parent, *i, *j);
    }
    // A group's root is its smallest claim. The pair list is put in cluster order in place
    // (by root, then by position), and each cluster's alignments are then moved out of its tail,
    // last cluster first, the list shrinking as it goes: a big story has tens of thousands of
    // alignments, and a second list of them beside the first was the report's memory peak.
    let mut pairs: Vec<(usize, usize, Alignment, bool)> = pairs
        .into_iter()
        .zip(keep.into_iter().chain(std::iter::repeat(true)))
        .map(|((i, j, al), k)| (i, j, al, k))
        .collect();
    let mut order: Vec<(usize, usize)> = pairs
        .iter()
        .enumerate()
        .map(|(k, (i, _, _, _))| (find(&mut parent, *i), k))
        .collect();
    order.sort_unstable();
    let roots: Vec<usize> = order.iter().map(|&(root, _)| root).collect();
    let mut from: Vec<usize> = order.into_iter().map(|(_, k)| k).collect();
    gather(&mut pairs, &mut from);
    let bounds: Vec<usize> = (0..roots.len())
        .filter(|&k| k == 0 || roots[k] != roots[k - 1])
        .collect();
    let mut out: Vec<Cluster> = Vec::with_capacity(bounds.len());
    for (n, &start) in bounds.iter().enumerate().rev() {
        let mut members: Vec<usize> = pairs[start..].iter().flat_map(|(i, j, _, _)| [*i, *j]).collect();
        members.sort_unstable();
        members.dedup();
        let mut docs: Vec<String> = members.iter().map(|&m| claims[m].doc.to_string()).collect();
        docs.dedup();
        docs.sort();
        docs.dedup();
        let tallies = tallies(claims, &docs, &pairs[start..]);
        let alignments: Vec<Alignment> = pairs
            .drain(start..)
            .filter_map(|(_, _, al, kept)| kept.then_some(al))
            .collect();
        if pairs.len() < pairs.capacity() / 2 {
            pairs.shrink_to_fit();
        }
        out.push(Cluster {
            id: format!("k{n}"),
            claims: members.iter().map(|&m| claims[m].id.to_string()).collect(),
            docs,
            alignments,
            tallies,
            positions: Vec::new(),
        });
    }
    out.reverse();
    out
}

/// One tally per document of `docs` (sorted ids) over a cluster's `pairs`, each pair counted for
/// the documents of both its claims, in the pairs' order.
fn tallies(claims: &[Claim], docs: &[String], pairs: &[(usize, usize, Alignment, bool)]) -> Vec<PairTally> {
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
    for (i, j, al, _) in pairs {
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

/// Reorder `items` in place so that position `k` holds the item that was at `from[k]` (`from` is
/// a permutation; it is used up).
fn gather<T>(items: &mut [T], from: &mut [usize]) {
    for start in 0..from.len() {
        let mut k = start;
        while from[k] != k {
            let src = from[k];
            from[k] = k;
            if src == start {
                break;
            }
            items.swap(k, src);
            k = src;
        }
    }
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
            let al = Alignment {
                a: std::sync::Arc::clone(&c[i].id),
                b: std::sync::Arc::clone(&c[j].id),
                score,
                features: Default::default(),
                reasons: Vec::new(),
                verdict: verdict(contradict),
            };
            (i, j, al)
        };
        let pairs = vec![pair(0, 1, 0.9, 0.0), pair(0, 2, 0.7, 1.0), pair(1, 2, 0.8, 0.0)];
        let keep = spanning(3, pairs.iter().map(|(i, j, al)| (*i, *j, al.score)));
        let all = clusters(&c, pairs.clone(), vec![true; 3]);
        let spanned = clusters(&c, pairs, keep);
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

    #[test]
    fn gather_applies_any_permutation() {
        let perms: [&[usize]; 5] = [&[], &[0], &[1, 0], &[2, 0, 1], &[3, 4, 0, 2, 1]];
        for perm in perms {
            let mut items: Vec<usize> = (0..perm.len()).map(|k| 10 * k).collect();
            let want: Vec<usize> = perm.iter().map(|&k| 10 * k).collect();
            gather(&mut items, &mut perm.to_vec());
            assert_eq!(items, want, "{perm:?}");
        }
    }
}
