//! Clusters: connected groups of aligned claims (union–find over pairs).

use crate::{Alignment, Claim, Cluster};

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Clusters of claims joined by `pairs`, in order of their first claim; each cluster's
/// alignments are its pairs in their order, moved in rather than copied.
pub fn clusters(claims: &[Claim], mut pairs: Vec<(usize, usize, Alignment)>) -> Vec<Cluster> {
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    for (i, j, _) in &pairs {
        let (a, b) = (find(&mut parent, *i), find(&mut parent, *j));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    // A group's root is its smallest claim. The pair list is put in cluster order in place
    // (by root, then by position), and each cluster's alignments are then moved out of its tail,
    // last cluster first, the list shrinking as it goes: a big story has tens of thousands of
    // alignments, and a second list of them beside the first was the report's memory peak.
    let mut order: Vec<(usize, usize)> = pairs
        .iter()
        .enumerate()
        .map(|(k, (i, _, _))| (find(&mut parent, *i), k))
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
        let mut members: Vec<usize> = pairs[start..].iter().flat_map(|(i, j, _)| [*i, *j]).collect();
        let alignments: Vec<Alignment> = pairs.drain(start..).map(|(_, _, al)| al).collect();
        if pairs.len() < pairs.capacity() / 2 {
            pairs.shrink_to_fit();
        }
        members.sort_unstable();
        members.dedup();
        let mut docs: Vec<String> = members.iter().map(|&m| claims[m].doc.to_string()).collect();
        docs.dedup();
        docs.sort();
        docs.dedup();
        out.push(Cluster {
            id: format!("k{n}"),
            claims: members.iter().map(|&m| claims[m].id.to_string()).collect(),
            docs,
            alignments,
            positions: Vec::new(),
        });
    }
    out.reverse();
    out
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
