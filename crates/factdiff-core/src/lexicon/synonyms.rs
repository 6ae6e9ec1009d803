//! Word senses from WordNet 3.0 (`synonyms.txt`, written by `factdiff-eval --build-synonyms`):
//! for a content term, the ids of the senses it can stand for; two terms that share an id are
//! synonyms or derivations of each other ("discontinue" / "stop", "decide" / "decision").
//!
//! The table is sorted by term, so a term is found by binary search over the embedded text:
//! nothing is parsed or allocated when the program starts, and a run that never aligns never
//! reads it.

const TABLE: &str = include_str!("synonyms.txt");

/// The lines of the table after its header comments (found once).
fn body() -> &'static str {
    static BODY: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    BODY.get_or_init(|| {
        let mut rest = TABLE;
        while rest.starts_with('#') {
            rest = rest.find('\n').map_or("", |end| &rest[end + 1..]);
        }
        rest
    })
}

/// The sense ids of `term` (a stem as [`crate::analyze::tokens::content_terms`] gives it), in
/// increasing order; none when WordNet has no sense it shares with another listed term.
pub fn senses(term: &str) -> impl Iterator<Item = u32> + 'static {
    find(body(), term)
        .unwrap_or_default()
        .split(' ')
        .filter_map(|id| id.parse().ok())
}

/// The ids part of `term`'s line in `body` (sorted lines `term id id ...`), by binary search.
fn find<'b>(body: &'b str, term: &str) -> Option<&'b str> {
    let (mut lo, mut hi) = (0, body.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = body[..mid].rfind('\n').map_or(0, |i| i + 1).max(lo);
        let end = body[start..].find('\n').map_or(body.len(), |i| start + i);
        let line = &body[start..end];
        let (key, ids) = line.split_once(' ').unwrap_or((line, ""));
        match key.as_bytes().cmp(term.as_bytes()) {
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
            std::cmp::Ordering::Equal => return Some(ids),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_search_finds_every_line_and_nothing_else() {
        let body = "alpha 1 2\nbeta 3\ndelta 2 4\ngamma 5\n";
        for (term, ids) in [("alpha", "1 2"), ("beta", "3"), ("delta", "2 4"), ("gamma", "5")] {
            assert_eq!(find(body, term), Some(ids), "{term}");
        }
        for term in ["", "a", "alphab", "c", "zeta", "gamm"] {
            assert_eq!(find(body, term), None, "{term}");
        }
        assert_eq!(find("", "a"), None);
    }

    #[test]
    fn the_table_is_sorted_and_knows_news_synonyms() {
        let lines: Vec<&str> = body().lines().collect();
        assert!(lines.len() > 1000, "{}", lines.len());
        assert!(lines
            .windows(2)
            .all(|w| w[0].split(' ').next() < w[1].split(' ').next()));
        for line in &lines {
            let term = line.split(' ').next().unwrap_or_default();
            assert!(senses(term).next().is_some(), "{term}");
        }
        let shared = |a: &str, b: &str| senses(a).any(|x| senses(b).any(|y| x == y));
        // Stems, as content terms give them.
        assert!(shared("discontinu", "stop"), "discontinue / stop");
        assert!(shared("decid", "decis"), "decide / decision");
        assert!(!shared("monday", "tuesday"));
    }
}
