//! Word substitutions learned from labelled pairs: which content words differ between two claims,
//! and how often such a difference came with each label in the training data.
//!
//! For a pair, the *difference* is the content-word stems only the first claim has and those only
//! the second has. The table counts, per label (entail, neutral, contradict), each unordered pair
//! of such stems (`man`/`woman`: one claim says "man" where the other says "woman") and each stem
//! on one side only (`old`: one claim adds "old"). It is a data file (`substitutions.txt`) written
//! by `factdiff-eval --train` from SICK train; entries seen once are left out (they carry no
//! evidence once their own pair is held out, see [`Substitutions::scores`]).

use super::cues::{key, ClaimCues};
use std::borrow::Cow;
use std::sync::OnceLock;

const TABLE: &str = include_str!("substitutions.txt");

/// Pairs whose claims differ in more stems than this on either side get no learned scores.
pub const MAX_SIDE: usize = 8;

/// Pseudo-counts spread by the label prior, so rare entries stay close to the prior.
const SMOOTHING: f64 = 2.0;

/// The content-word stems only one claim of a pair has (each list sorted, no repeats).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Difference {
    /// The words only the first claim has.
    pub left: Vec<String>,
    /// The words only the second claim has.
    pub right: Vec<String>,
}

impl Difference {
    /// The words in which two claims differ.
    pub fn of(ca: &ClaimCues, cb: &ClaimCues) -> Difference {
        let lex = crate::lexicon::Lexicon::get();
        let only = |x: &ClaimCues, y: &ClaimCues| -> Vec<String> {
            x.diff_stem_strings(lex)
                .iter()
                .filter(|w| y.diff_stems.binary_search(&key(w)).is_err())
                .map(|w| w.to_string())
                .collect()
        };
        Difference {
            left: only(ca, cb),
            right: only(cb, ca),
        }
    }

    /// Unordered word pairs `(x, y)` with `x < y`, one stem from each side.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.left.iter().take(MAX_SIDE).flat_map(move |x| {
            self.right.iter().take(MAX_SIDE).map(move |y| {
                if x < y {
                    (x.as_str(), y.as_str())
                } else {
                    (y.as_str(), x.as_str())
                }
            })
        })
    }

    /// Stems on one side only, either side.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.left.iter().chain(&self.right).map(String::as_str)
    }
}

/// What the table says about one pair's difference: per label, the mean log-ratio of the smoothed
/// label share among its known word pairs (and one-side words) over the label's prior share.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub pair: [f64; 3],
    pub word: [f64; 3],
    /// Per label, the strongest word pair's (one-side word's) log-ratio (0 when none is known).
    pub pair_max: [f64; 3],
    pub word_max: [f64; 3],
    /// Share of the word pairs the table does not know (0 when there are no word pairs).
    pub unknown_pairs: f64,
    /// The known word pair that most suggests a contradiction, when one does.
    pub contradicting_pair: Option<(String, String)>,
}

/// Two words, the first before the second.
pub type WordPair<'a> = (Cow<'a, str>, Cow<'a, str>);

/// Label counts (entail, neutral, contradict) of word pairs and one-side words.
///
/// The words borrow from the text the table was read from (the embedded table is read at the start
/// of every process: no allocation per entry), or are owned when the table was just counted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Substitutions<'a> {
    /// Labelled pairs the table was counted from, per label.
    pub totals: [u32; 3],
    /// Sorted by `(x, y)`.
    pub pairs: Vec<(WordPair<'a>, [u32; 3])>,
    /// Sorted by word.
    pub words: Vec<(Cow<'a, str>, [u32; 3])>,
}

/// Why a substitutions file cannot be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TableError {
    #[error("line {0}: expected `totals e n c`, `pair x y e n c` or `word w e n c`")]
    Line(usize),
    #[error("line {0}: entries are not sorted")]
    Order(usize),
}

impl<'a> Substitutions<'a> {
    /// The embedded table. An unreadable file (a test guards against it) gives an empty table.
    pub fn get() -> &'static Substitutions<'static> {
        static TABLE_CELL: OnceLock<Substitutions<'static>> = OnceLock::new();
        TABLE_CELL.get_or_init(|| Substitutions::parse(TABLE).unwrap_or_default())
    }

    /// Count the differences of labelled pairs (label 0 entail, 1 neutral, 2 contradict). Each
    /// pair counts a word pair or word once; entries seen in fewer than two pairs are dropped.
    #[cfg(any(test, feature = "training"))]
    pub fn count<'d>(rows: impl IntoIterator<Item = (&'d Difference, usize)>) -> Substitutions<'static> {
        let mut totals = [0u32; 3];
        let mut pairs: Vec<((String, String), usize)> = Vec::new();
        let mut words: Vec<(String, usize)> = Vec::new();
        for (d, y) in rows {
            let Some(t) = totals.get_mut(y) else { continue };
            *t += 1;
            let mut mine: Vec<(String, String)> = d.pairs().map(|(x, z)| (x.to_string(), z.to_string())).collect();
            mine.sort_unstable();
            mine.dedup();
            pairs.extend(mine.into_iter().map(|p| (p, y)));
            let mut mine: Vec<String> = d.words().map(str::to_string).collect();
            mine.sort_unstable();
            mine.dedup();
            words.extend(mine.into_iter().map(|w| (w, y)));
        }
        Substitutions {
            totals,
            pairs: tally(pairs)
                .into_iter()
                .map(|((x, y), c)| ((Cow::Owned(x), Cow::Owned(y)), c))
                .collect(),
            words: tally(words).into_iter().map(|(w, c)| (Cow::Owned(w), c)).collect(),
        }
    }

    /// Read `totals e n c`, `pair x y e n c` and `word w e n c` lines; `#` starts a comment.
    pub fn parse(text: &'a str) -> Result<Substitutions<'a>, TableError> {
        // Read at the first use of the judge in every process, so it is kept lean: one pass over
        // ASCII fields per line, no allocation but the entries themselves (a `lines()` /
        // `split_whitespace()` / `collect()` version cost about 20 M instructions, a fifth of a
        // small report).
        let mut table = Substitutions::default();
        for (n, line) in text.split('\n').enumerate() {
            let line = line
                .get(..line.bytes().position(|b| b == b'#').unwrap_or(line.len()))
                .unwrap_or(line);
            let mut fields = line.split_ascii_whitespace();
            let Some(tag) = fields.next() else { continue };
            let mut parts = [""; 5];
            let mut len = 0;
            for field in fields {
                *parts.get_mut(len).ok_or(TableError::Line(n + 1))? = field;
                len += 1;
            }
            let counts = |c: &[&str]| -> Result<[u32; 3], TableError> {
                let mut out = [0; 3];
                for (o, v) in out.iter_mut().zip(c) {
                    *o = v.parse().map_err(|_| TableError::Line(n + 1))?;
                }
                Ok(out)
            };
            match (tag, &parts[..len]) {
                ("totals", c @ [_, _, _]) => table.totals = counts(c)?,
                ("pair", [x, y, c @ ..]) if c.len() == 3 => {
                    let in_order = table
                        .pairs
                        .last()
                        .is_none_or(|((a, b), _)| (a.as_ref(), b.as_ref()) < (*x, *y));
                    if !in_order {
                        return Err(TableError::Order(n + 1));
                    }
                    table.pairs.push(((Cow::Borrowed(*x), Cow::Borrowed(*y)), counts(c)?));
                }
                ("word", [w, c @ ..]) if c.len() == 3 => {
                    if table.words.last().is_some_and(|(k, _)| k.as_ref() >= *w) {
                        return Err(TableError::Order(n + 1));
                    }
                    table.words.push((Cow::Borrowed(*w), counts(c)?));
                }
                _ => return Err(TableError::Line(n + 1)),
            }
        }
        Ok(table)
    }

    /// The table file (what `parse` reads), with a header comment.
    #[cfg(any(test, feature = "training"))]
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str(&format!("# {line}\n"));
        }
        let [e, n, c] = self.totals;
        out.push_str(&format!("totals {e} {n} {c}\n"));
        for ((x, y), [e, n, c]) in &self.pairs {
            out.push_str(&format!("pair {x} {y} {e} {n} {c}\n"));
        }
        for (w, [e, n, c]) in &self.words {
            out.push_str(&format!("word {w} {e} {n} {c}\n"));
        }
        out
    }

    /// The scores of a difference. `held_out`: the label of a training pair whose own counts are
    /// taken out of the table first (one per entry it has), so training sees what unseen pairs see.
    pub fn scores(&self, d: &Difference, held_out: Option<usize>) -> Scores {
        let total: u32 = self.totals.iter().sum();
        // The table knows small differences between short claims (what it was counted from);
        // claims that differ in more words than that get no learned scores.
        if total == 0 || d.left.len() > MAX_SIDE || d.right.len() > MAX_SIDE {
            return Scores::default();
        }
        let mut totals = self.totals;
        if let Some(t) = held_out.and_then(|y| totals.get_mut(y)) {
            *t = t.saturating_sub(1);
        }
        let n: f64 = totals.iter().map(|&t| f64::from(t)).sum();
        let prior = totals.map(|t| (f64::from(t) + 1.0) / (n + 3.0));
        let ratio = |counts: [u32; 3]| -> Option<[f64; 3]> {
            let mut c = counts;
            if let Some(v) = held_out.and_then(|y| c.get_mut(y)) {
                *v = v.saturating_sub(1);
            }
            let m: f64 = c.iter().map(|&v| f64::from(v)).sum();
            (m > 0.0).then(|| {
                std::array::from_fn(|k| ((f64::from(c[k]) + SMOOTHING * prior[k]) / (m + SMOOTHING) / prior[k]).ln())
            })
        };
        let mut out = Scores::default();
        let mut pairs: Vec<(&str, &str)> = d.pairs().collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut known = Summary::default();
        let mut best = 0.0;
        for &(x, y) in &pairs {
            let found = self
                .pairs
                .binary_search_by(|((a, b), _)| (a.as_ref(), b.as_ref()).cmp(&(x, y)));
            let Some(r) = found.ok().and_then(|i| ratio(self.pairs[i].1)) else {
                continue;
            };
            known.add(r);
            if r[2] > best {
                best = r[2];
                out.contradicting_pair = Some((x.to_string(), y.to_string()));
            }
        }
        (out.pair, out.pair_max) = (known.mean(), known.max);
        if !pairs.is_empty() {
            out.unknown_pairs = 1.0 - f64::from(known.n) / pairs.len() as f64;
        }
        let mut words: Vec<&str> = d.words().collect();
        words.sort_unstable();
        words.dedup();
        let mut known = Summary::default();
        for w in words {
            let found = self.words.binary_search_by(|(a, _)| a.as_ref().cmp(w));
            if let Some(r) = found.ok().and_then(|i| ratio(self.words[i].1)) {
                known.add(r);
            }
        }
        (out.word, out.word_max) = (known.mean(), known.max);
        out
    }
}

/// Sum, maximum and number of per-label score vectors.
#[derive(Default)]
struct Summary {
    sum: [f64; 3],
    max: [f64; 3],
    n: u32,
}

impl Summary {
    fn add(&mut self, r: [f64; 3]) {
        self.n += 1;
        for (k, v) in r.into_iter().enumerate() {
            self.sum[k] += v;
            self.max[k] = if self.n == 1 { v } else { self.max[k].max(v) };
        }
    }

    fn mean(&self) -> [f64; 3] {
        if self.n == 0 {
            [0.0; 3]
        } else {
            self.sum.map(|v| v / f64::from(self.n))
        }
    }
}

/// Per-key label counts of `(key, label)` items, keys sorted, keys seen fewer than twice dropped.
#[cfg(any(test, feature = "training"))]
fn tally<K: Ord>(mut items: Vec<(K, usize)>) -> Vec<(K, [u32; 3])> {
    items.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut out: Vec<(K, [u32; 3])> = Vec::new();
    for (key, y) in items {
        match out.last_mut() {
            Some((k, c)) if *k == key => c[y.min(2)] += 1,
            _ => {
                let mut c = [0; 3];
                c[y.min(2)] += 1;
                out.push((key, c));
            }
        }
    }
    out.retain(|(_, c)| c.iter().sum::<u32>() >= 2);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(left: &[&str], right: &[&str]) -> Difference {
        let own = |x: &[&str]| x.iter().map(|s| s.to_string()).collect();
        Difference {
            left: own(left),
            right: own(right),
        }
    }

    #[test]
    fn counted_pairs_score_their_label_and_held_out_pairs_do_not_see_themselves() {
        let rows = [
            (diff(&["man"], &["woman"]), 2),
            (diff(&["woman"], &["man"]), 2),
            (diff(&["man"], &["woman"]), 2),
            (diff(&["boy"], &["kid"]), 0),
            (diff(&["kid"], &["boy"]), 0),
            (diff(&["guitar"], &["piano"]), 1),
            (diff(&["dog"], &["cat"]), 0),
            (diff(&["cat"], &["dog"]), 2),
        ];
        let table = Substitutions::count(rows.iter().map(|(d, y)| (d, *y)));
        assert_eq!(table.totals, [3, 1, 4]);
        // Seen once: dropped.
        assert!(!table.pairs.iter().any(|((x, _), _)| x == "guitar"));
        let s = table.scores(&diff(&["woman"], &["man"]), None);
        assert!(s.pair[2] > 0.0 && s.pair[0] < 0.0, "{s:?}");
        assert_eq!(s.contradicting_pair, Some(("man".into(), "woman".into())));
        let s = table.scores(&diff(&["kid"], &["boy"]), None);
        assert!(s.pair[0] > 0.0 && s.pair[2] < 0.0, "{s:?}");
        // cat/dog was seen once as entail and once as contradict: held out, each sees the other.
        let held = table.scores(&diff(&["dog"], &["cat"]), Some(2));
        assert!(held.pair[0] > 0.0 && held.pair[2] < 0.0, "{held:?}");
        let held = table.scores(&diff(&["dog"], &["cat"]), Some(0));
        assert!(held.pair[2] > 0.0 && held.pair[0] < 0.0, "{held:?}");
        // Unknown words: no learned evidence, and the one word pair is unknown.
        let s = table.scores(&diff(&["cow"], &["hen"]), None);
        assert_eq!((s.pair, s.word, s.unknown_pairs), ([0.0; 3], [0.0; 3], 1.0));
        // Claims that differ in many words get no learned scores at all.
        let many = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "man"];
        assert_eq!(table.scores(&diff(&many, &["woman"]), None), Scores::default());
        let text = table.to_text("test");
        assert_eq!(Substitutions::parse(&text), Ok(table));
    }

    #[test]
    fn the_embedded_table_reads_and_bad_lines_are_errors() {
        assert!(Substitutions::parse(TABLE).is_ok());
        assert!(!Substitutions::get().pairs.is_empty());
        assert_eq!(Substitutions::parse("pair a b 1 2"), Err(TableError::Line(1)));
        assert_eq!(
            Substitutions::parse("word b 1 2 3\nword a 1 1 1"),
            Err(TableError::Order(2))
        );
    }
}
