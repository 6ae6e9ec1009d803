//! Word senses from WordNet 3.0 (`synonyms.txt`, written by `factdiff-eval build-synonyms`):
//! for a content term, the ids of the senses it can stand for; two terms that share an id are
//! synonyms or derivations of each other ("discontinue" / "stop", "decide" / "decision").
//!
//! The crate's `build.rs` compiles the table into a hash table at build time
//! ([`super::table`]), so nothing is parsed or allocated when the program starts and a lookup is
//! one hash.

use super::table::WordTable;

include!(concat!(env!("OUT_DIR"), "/synonyms_table.rs"));

/// The sense ids of `term` (a stem as [`crate::analyze::tokens::content_terms`] gives it), in
/// increasing order; none when WordNet has no sense it shares with another listed term.
pub fn sense_list(term: &str) -> &'static [u32] {
    let (from, to) = SYNONYMS.get(term).copied().unwrap_or_default();
    SENSES.get(from as usize..to as usize).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn senses(term: &str) -> impl Iterator<Item = u32> {
        sense_list(term).iter().copied()
    }

    #[test]
    fn every_line_of_the_table_is_in_the_map_and_news_synonyms_share_a_sense() {
        let lines: Vec<&str> = include_str!("synonyms.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        assert!(lines.len() > 1000, "{}", lines.len());
        assert_eq!(lines.len(), SYNONYMS.words().count());
        for line in &lines {
            let mut parts = line.split(' ');
            let term = parts.next().unwrap_or_default();
            let ids: Vec<u32> = parts.filter_map(|id| id.parse().ok()).collect();
            assert!(!ids.is_empty(), "{term}");
            assert_eq!(senses(term).collect::<Vec<_>>(), ids, "{term}");
        }
        let shared = |a: &str, b: &str| senses(a).any(|x| senses(b).any(|y| x == y));
        // Stems, as content terms give them.
        assert!(shared("discontinu", "stop"), "discontinue / stop");
        assert!(shared("decid", "decis"), "decide / decision");
        assert!(!shared("monday", "tuesday"));
        assert_eq!(senses("no such term").count(), 0);
    }
}
