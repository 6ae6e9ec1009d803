//! Clusters: connected groups of aligned claims (union–find over pairs).

use crate::{Alignment, Claim, Cluster};
use std::collections::BTreeMap;

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Clusters of claims joined by `pairs`, in order of their first claim; each cluster's
/// alignments are its pairs in their order, moved in rather than copied.
pub fn clusters(claims: &[Claim], pairs: Vec<(usize, usize, Alignment)>) -> Vec<Cluster> {
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    for (i, j, _) in &pairs {
        let (a, b) = (find(&mut parent, *i), find(&mut parent, *j));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    // Every group's lists get their exact size first: a big story has tens of thousands of
    // alignments, and growing the lists by doubling held up to twice their size.
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, _, _) in &pairs {
        *sizes.entry(find(&mut parent, *i)).or_default() += 1;
    }
    let mut groups: BTreeMap<usize, (Vec<usize>, Vec<Alignment>)> = sizes
        .into_iter()
        .map(|(root, n)| (root, (Vec::with_capacity(2 * n), Vec::with_capacity(n))))
        .collect();
    for (i, j, al) in pairs {
        let root = find(&mut parent, i);
        let g = groups.entry(root).or_default();
        g.0.extend([i, j]);
        g.1.push(al);
    }
    groups
        .into_values()
        .enumerate()
        .map(|(n, (mut members, alignments))| {
            members.sort_unstable();
            members.dedup();
            let mut docs: Vec<String> = members.iter().map(|&m| claims[m].doc.clone()).collect();
            docs.dedup();
            docs.sort();
            docs.dedup();
            Cluster {
                id: format!("k{n}"),
                claims: members.iter().map(|&m| claims[m].id.clone()).collect(),
                docs,
                alignments,
                positions: Vec::new(),
            }
        })
        .collect()
}
