//! Word lists as data. Each list is a `.txt` file in this folder (one entry per
//! line, `#` comments). The phrase lists are compiled once per process into
//! Aho-Corasick automata (one shared by every case-insensitive list), so that a
//! sentence is scanned in one pass; the large word lists (names, person nouns,
//! stopwords) become hash tables when the crate is built (`build.rs`, [`table`]).
//! A linguist can extend the lists without touching Rust.

pub mod synonyms;
mod table;

use crate::report::{EntityKind, Span, StanceKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc, OnceLock};

/// A list of phrases matched on word boundaries.
#[derive(Debug)]
pub struct CueList {
    /// The automaton that holds this list's entries as patterns `first..first + entries.len()`:
    /// its own (the case-sensitive lists) or the one every case-insensitive list shares
    /// ([`Lexicon::index_cue_lists`]).
    automaton: Option<Arc<AhoCorasick>>,
    first: usize,
    entries: Vec<String>,
    /// This list's bit in a [`Scan`], for the case-insensitive lists that a sentence is checked against.
    slot: Option<u32>,
}

/// An automaton that reports every occurrence of every pattern (overlapping).
///
/// Built at every process start: a contiguous NFA builds in a fraction of a DFA's time (DFAs were
/// 40 M of the 126 M instructions of a five-article report); scanning is slower, which only
/// outweighs that past about 0.5 MB of input (docs/performance.md). One automaton serves all
/// case-insensitive lists, so each pattern is compiled once.
fn automaton<P: AsRef<[u8]>>(patterns: &[P], case_insensitive: bool) -> Option<Arc<AhoCorasick>> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(case_insensitive)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .ok()
        .map(Arc::new)
}

impl CueList {
    /// A case-insensitive list; its entries join the shared automaton in [`Lexicon::index_cue_lists`].
    fn new<'a>(entries: impl IntoIterator<Item = &'a str>) -> Self {
        CueList {
            automaton: None,
            first: 0,
            entries: entries.into_iter().map(str::to_string).collect(),
            slot: None,
        }
    }

    /// A case-sensitive list with an automaton of its own.
    fn case_sensitive<'a>(entries: impl IntoIterator<Item = &'a str>) -> Self {
        let mut list = CueList::new(entries);
        list.automaton = automaton(&list.entries, false);
        list
    }

    /// Matches in `text` as (span relative to `text`, entry index), on word boundaries.
    ///
    /// A match that breaks a word ("an official" inside "Russian officials") is skipped by one
    /// character only, so a real match overlapping it is still found.
    pub fn find(&self, text: &str) -> Vec<(Span, usize)> {
        self.matches(text, 0..text.len()).collect()
    }

    /// True when any entry occurs in `text` (on word boundaries): what [`Scan::any`] answers from
    /// one pass over the text, here for the tests to compare with.
    #[cfg(test)]
    fn any(&self, text: &str) -> bool {
        self.matches(text, 0..text.len()).next().is_some()
    }

    /// The matches of [`CueList::find`] that lie inside `range` of `text`.
    ///
    /// Each match is the leftmost-longest one from where the last ended (earliest start, then the
    /// longest, then the first entry), taken from all occurrences in `range`.
    fn matches<'t>(&'t self, text: &'t str, range: std::ops::Range<usize>) -> impl Iterator<Item = (Span, usize)> + 't {
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        if let Some(ac) = &self.automaton {
            let input = aho_corasick::Input::new(text).range(range.clone());
            for m in ac.find_overlapping_iter(input) {
                let entry = m.pattern().as_usize().wrapping_sub(self.first);
                if entry < self.entries.len() {
                    found.push((m.start(), m.end(), entry));
                }
            }
        }
        found.sort_unstable_by_key(|&(start, end, entry)| (start, std::cmp::Reverse(end), entry));
        let mut at = range.start;
        found.into_iter().filter_map(move |(start, end, entry)| {
            if start < at {
                return None;
            }
            if on_word_boundaries(text, start, end) {
                at = end;
                return Some((Span::new(start, end), entry));
            }
            at = start + text[start..].chars().next().map_or(1, char::len_utf8);
            None
        })
    }

    #[cfg(test)]
    fn entry(&self, index: usize) -> &str {
        self.entries.get(index).map(String::as_str).unwrap_or("")
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let matched = &text[start..end];
    // Contractions ("isn't") attach to the word before them.
    let clitic = matched.starts_with("n'") || matched.starts_with("n’");
    let first = matched.chars().next().filter(|_| !clitic);
    let last = matched.chars().next_back();
    let left_ok = !first.is_some_and(char::is_alphanumeric)
        || !text[..start].chars().next_back().is_some_and(char::is_alphanumeric);
    let right_ok =
        !last.is_some_and(char::is_alphanumeric) || !text[end..].chars().next().is_some_and(char::is_alphanumeric);
    left_ok && right_ok
}

/// Most lists a sentence is scanned for; lists beyond these are scanned in full.
const MAX_SLOTS: usize = 16;

/// The slot of a pattern whose list has none.
const NO_SLOT: u32 = u32::MAX;

/// A sentence checked against all case-insensitive word lists in one pass.
///
/// Most lists match nothing in most sentences, yet each list's own scan reads the whole sentence:
/// one automaton over every entry records which lists occur anywhere (on word boundaries or not)
/// and where their occurrences start and end, and [`Scan::find`] runs a list's own
/// leftmost-longest scan only for those, and only from the first occurrence's start to the last
/// one's end (no match of the list lies outside). The matches are exactly those of
/// [`CueList::find`].
#[derive(Clone, Copy, Debug)]
pub struct Scan<'t> {
    pub text: &'t str,
    /// Bit `slot` is set when some entry of that list occurs in `text`.
    present: u64,
    /// For each slot that is present: the first start and the last end of its occurrences.
    ranges: [(u32, u32); MAX_SLOTS],
}

impl<'t> Scan<'t> {
    /// Where `list` can match in the text, or `None` when it cannot.
    fn range(&self, list: &CueList) -> Option<std::ops::Range<usize>> {
        let Some(slot) = list.slot else {
            return Some(0..self.text.len());
        };
        if self.present & (1 << slot) == 0 {
            return None;
        }
        let (start, end) = self.ranges.get(slot as usize).copied().unwrap_or_default();
        Some(start as usize..end as usize)
    }

    /// [`CueList::find`] on the scanned text.
    pub fn find(&self, list: &CueList) -> Vec<(Span, usize)> {
        self.range(list)
            .map(|r| list.matches(self.text, r).collect())
            .unwrap_or_default()
    }

    /// True when an entry of `list` occurs in the scanned text (on word boundaries).
    pub fn any(&self, list: &CueList) -> bool {
        self.range(list)
            .is_some_and(|r| list.matches(self.text, r).next().is_some())
    }
}

/// What a boilerplate rule does with a matching line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Boilerplate {
    Ad,
    Furniture,
    Prefix,
    Tail,
    Byline,
}

/// The pronoun a given name usually takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Either,
}

impl Gender {
    /// True when "he" (`self` = Male) or "she" (Female) may refer to a person of gender `of`.
    pub fn admits(self, of: Gender) -> bool {
        self == Gender::Either || of == Gender::Either || self == of
    }
}

/// A gazetteer entry: canonical name and kind.
#[derive(Clone, Debug)]
pub struct Place {
    pub canonical: String,
    pub kind: EntityKind,
}

/// All word lists, compiled.
pub struct Lexicon {
    pub reporting: CueList,
    pub anonymous: CueList,
    pub hedges: CueList,
    pub predictions: CueList,
    pub calls: CueList,
    pub conditionals: CueList,
    pub intensifiers: CueList,
    pub negators: CueList,
    /// Verbs that negate what follows them ("prevented", "failed to"): negations for polarity.
    pub implicit_negators: CueList,
    pub refuters: CueList,
    pub evaluative: CueList,
    pub titles: CueList,
    pub photo_sources: CueList,
    pub stance: CueList,
    pub stance_kinds: Vec<StanceKind>,
    pub gazetteer: CueList,
    pub places: Vec<Place>,
    /// Lower-cased whole lines and prefixes with their rule.
    pub boilerplate: Vec<(String, Boilerplate)>,
    /// Stem → stems it cannot hold together with.
    pub antonyms: HashMap<String, Vec<String>>,
    negator_words: HashSet<String>,
    /// Stem of a British spelling → stem of its American form (`spellings.txt`).
    spellings: HashMap<String, Arc<str>>,
    stemmer: rust_stemmers::Stemmer,
    /// Every entry of the case-insensitive lists, for [`Lexicon::scan`] (all occurrences, overlapping).
    all_cues: Option<Arc<AhoCorasick>>,
    /// For each pattern of `all_cues`, the slot of its list.
    cue_slots: Vec<u32>,
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

// The large lists as hash tables, written by `build.rs` from this folder's files:
// `STOPWORDS`, `ORGANISATION_WORDS`, `NOT_NAMES`, `PERSON_NOUNS` (lower-cased, but the stopwords
// as written) and `FIRST_NAMES` (given name → `Gender`).
use table::WordTable;
include!(concat!(env!("OUT_DIR"), "/word_tables.rs"));

fn pairs(data: &str) -> impl Iterator<Item = (&str, &str)> {
    lines(data).filter_map(|l| l.split_once(" | ").map(|(a, b)| (a.trim(), b.trim())))
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("reporting", &self.reporting.len())
            .finish_non_exhaustive()
    }
}

impl Lexicon {
    /// The compiled lexicon, built on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let list = |data: &'static str| CueList::new(lines(data));
        let stance: Vec<(&str, &str)> = pairs(include_str!("stance.txt")).collect();
        let stance_kinds = stance
            .iter()
            .map(|(k, _)| match *k {
                "support" => StanceKind::Support,
                "oppose" => StanceKind::Oppose,
                "both_sides" => StanceKind::BothSides,
                _ => StanceKind::Concern,
            })
            .collect();
        let gaz: Vec<(&str, &str, &str)> = lines(include_str!("gazetteer.txt"))
            .filter_map(|l| {
                let mut parts = l.split(" | ").map(str::trim);
                Some((parts.next()?, parts.next()?, parts.next()?))
            })
            .collect();
        let places = gaz
            .iter()
            .map(|(_, canonical, kind)| Place {
                canonical: canonical.to_string(),
                kind: match *kind {
                    "organisation" => EntityKind::Organisation,
                    "place" => EntityKind::Place,
                    _ => EntityKind::Country,
                },
            })
            .collect();
        let boilerplate = pairs(include_str!("boilerplate.txt"))
            .map(|(kind, text)| {
                let rule = match kind {
                    "ad" => Boilerplate::Ad,
                    "prefix" => Boilerplate::Prefix,
                    "tail" => Boilerplate::Tail,
                    "byline" => Boilerplate::Byline,
                    _ => Boilerplate::Furniture,
                };
                (text.to_lowercase(), rule)
            })
            .collect();
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let mut antonyms: HashMap<String, Vec<String>> = HashMap::default();
        for (a, b) in pairs(include_str!("antonyms.txt")) {
            let (a, b) = (a.to_lowercase(), b.to_lowercase());
            antonyms.entry(a.clone()).or_default().push(b.clone());
            antonyms.entry(b).or_default().push(a);
        }
        let spellings = pairs(include_str!("spellings.txt"))
            .map(|(gb, us)| (stemmer.stem(gb).into_owned(), Arc::from(stemmer.stem(us).as_ref())))
            .filter(|(gb, us): &(String, Arc<str>)| gb.as_str() != &**us)
            .collect();
        let mut lex = Lexicon {
            reporting: list(include_str!("reporting_verbs.txt")),
            anonymous: list(include_str!("anonymous.txt")),
            hedges: list(include_str!("hedges.txt")),
            predictions: list(include_str!("predictions.txt")),
            calls: list(include_str!("calls_to_action.txt")),
            conditionals: list(include_str!("conditionals.txt")),
            intensifiers: list(include_str!("intensifiers.txt")),
            negators: list(include_str!("negators.txt")),
            implicit_negators: list(include_str!("implicit_negators.txt")),
            refuters: list(include_str!("refuters.txt")),
            evaluative: list(include_str!("evaluative.txt")),
            titles: list(include_str!("titles.txt")),
            photo_sources: CueList::case_sensitive(lines(include_str!("photo_sources.txt"))),
            stance: CueList::new(stance.iter().map(|(_, phrase)| *phrase)),
            stance_kinds,
            gazetteer: CueList::case_sensitive(gaz.iter().map(|(alias, _, _)| *alias)),
            places,
            boilerplate,
            antonyms,
            negator_words: lines(include_str!("negators.txt"))
                .filter(|w| !w.contains(' '))
                .map(str::to_lowercase)
                .collect(),
            spellings,
            stemmer,
            all_cues: None,
            cue_slots: Vec::new(),
        };
        lex.index_cue_lists();
        lex
    }

    /// Give each case-insensitive list a slot and build the one automaton behind [`Lexicon::scan`].
    fn index_cue_lists(&mut self) {
        let lists = [
            &mut self.reporting,
            &mut self.anonymous,
            &mut self.hedges,
            &mut self.predictions,
            &mut self.calls,
            &mut self.conditionals,
            &mut self.intensifiers,
            &mut self.negators,
            &mut self.implicit_negators,
            &mut self.refuters,
            &mut self.evaluative,
            &mut self.titles,
            &mut self.stance,
        ];
        let mut patterns: Vec<&str> = Vec::new();
        let mut slots = Vec::new();
        let mut firsts = Vec::new();
        for (slot, list) in (0u32..).zip(lists.iter()) {
            firsts.push(patterns.len());
            patterns.extend(list.entries.iter().map(String::as_str));
            // A list without a slot (there are only `MAX_SLOTS`) is always scanned in full.
            let slot = if (slot as usize) < MAX_SLOTS { slot } else { NO_SLOT };
            slots.extend(std::iter::repeat_n(slot, list.entries.len()));
        }
        let shared = automaton(&patterns, true);
        for ((slot, list), first) in (0u32..).zip(lists).zip(firsts) {
            list.slot = ((slot as usize) < MAX_SLOTS).then_some(slot);
            list.first = first;
            list.automaton = shared.clone();
        }
        self.all_cues = shared;
        self.cue_slots = slots;
    }

    /// Check `text` against every case-insensitive list at once (see [`Scan`]).
    pub fn scan<'t>(&self, text: &'t str) -> Scan<'t> {
        let whole = (0, u32::try_from(text.len()).unwrap_or(u32::MAX));
        // Without the automaton (it cannot fail to build from the lists), or for a text too long
        // for the offsets, every list may match anywhere.
        let Some(ac) = self.all_cues.as_ref().filter(|_| text.len() < u32::MAX as usize) else {
            return Scan {
                text,
                present: !0,
                ranges: [whole; MAX_SLOTS],
            };
        };
        let mut present = 0u64;
        let mut ranges = [(u32::MAX, 0); MAX_SLOTS];
        for m in ac.find_overlapping_iter(text) {
            let Some(&slot) = self.cue_slots.get(m.pattern().as_usize()).filter(|s| **s != NO_SLOT) else {
                continue;
            };
            present |= 1 << slot;
            if let Some(r) = ranges.get_mut(slot as usize) {
                // Offsets fit: the text is shorter than `u32::MAX`.
                r.0 = r.0.min(m.start() as u32);
                r.1 = r.1.max(m.end() as u32);
            }
        }
        Scan { text, present, ranges }
    }

    /// English stem of a lower-cased word.
    pub fn stem(&self, word: &str) -> String {
        self.shared_stem(word).to_string()
    }

    /// [`Lexicon::stem`], shared: memoised per thread (news text repeats its words), so that
    /// the content terms of every sentence cost no allocation per word.
    pub fn shared_stem(&self, word: &str) -> Arc<str> {
        thread_local! {
            static CACHE: std::cell::RefCell<HashMap<String, Arc<str>>> = std::cell::RefCell::new(HashMap::default());
        }
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(stem) = cache.get(word) {
                return Arc::clone(stem);
            }
            let stem: Arc<str> = Arc::from(self.stemmer.stem(word));
            if cache.len() < 200_000 {
                cache.insert(word.to_string(), Arc::clone(&stem));
            }
            stem
        })
    }

    /// [`Lexicon::shared_stem`] in American spelling: the stem of a British spelling listed in
    /// `spellings.txt` ("organised", "defence") is that of its American form ("organ", "defens").
    pub fn spelling_stem(&self, word: &str) -> Arc<str> {
        let stem = self.shared_stem(word);
        match self.spellings.get(&*stem) {
            Some(us) => Arc::clone(us),
            None => stem,
        }
    }

    pub fn is_stopword(&self, lower: &str) -> bool {
        STOPWORDS.contains(lower)
    }

    /// True when the lower-cased word heads an organisation's name ("ministry", "news").
    pub fn is_organisation_word(&self, lower: &str) -> bool {
        ORGANISATION_WORDS.contains(lower)
    }

    /// The gender of a lower-cased given name ("james" → Male), or `None` when it is not one.
    /// Words that cannot start a name ([`Lexicon::is_not_name`]) are never given names.
    pub fn first_name(&self, lower: &str) -> Option<Gender> {
        if self.is_not_name(lower) {
            return None;
        }
        FIRST_NAMES.get(lower).copied()
    }

    /// True when the lower-cased singular noun names a person ("lawyer", "republican").
    pub fn is_person_noun(&self, lower: &str) -> bool {
        PERSON_NOUNS.contains(lower)
    }

    /// True when a capitalised word cannot start a person's name (stopwords, days, "Yesterday").
    pub fn is_not_name(&self, lower: &str) -> bool {
        STOPWORDS.contains(lower) || NOT_NAMES.contains(lower)
    }

    /// True for a single lower-cased word listed as a negator ("not", "never").
    pub fn is_negator(&self, lower: &str) -> bool {
        self.negator_words.contains(lower)
    }

    /// Whether `text` refutes something: a refutation word ("denied", "hoax", "not true") that is
    /// not itself negated by one of the three words before it ("did not deny", "no hoax").
    #[cfg(any(test, feature = "training"))]
    pub fn refutes(&self, text: &str) -> bool {
        self.refuters.find(text).iter().any(|(span, _)| {
            let before = text.get(..span.start_byte).unwrap_or("");
            !before.split_whitespace().rev().take(3).any(|w| {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                    .to_lowercase();
                self.is_negator(&w) || w.ends_with("n't") || w.ends_with("n’t")
            })
        })
    }

    /// Gazetteer entry for a match index.
    pub fn place(&self, index: usize) -> Option<&Place> {
        self.places.get(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_word_tables_hold_every_listed_word_and_nothing_else() {
        let stopwords: Vec<&str> = lines(include_str!("stopwords.txt")).collect();
        let nouns: Vec<String> = lines(include_str!("person_nouns.txt")).map(str::to_lowercase).collect();
        let distinct = |w: &[&str]| w.iter().collect::<std::collections::BTreeSet<_>>().len();
        assert_eq!(STOPWORDS.words().count(), distinct(&stopwords));
        assert!(stopwords.iter().all(|w| STOPWORDS.contains(w)));
        assert!(nouns.iter().all(|w| PERSON_NOUNS.contains(w)));
        let nouns: Vec<&str> = nouns.iter().map(String::as_str).collect();
        assert_eq!(PERSON_NOUNS.words().count(), distinct(&nouns));
        for (name, g) in lines(include_str!("first_names.txt")).filter_map(|l| l.split_once(' ')) {
            assert!(FIRST_NAMES.contains(name), "{name} {g}");
        }
        assert_eq!(FIRST_NAMES.get("james"), Some(&Gender::Male));
        for word in ["", "lawyers", "Lawyer", "the ", "zzqx", "jamesx"] {
            assert!(!PERSON_NOUNS.contains(word) && !FIRST_NAMES.contains(word), "{word:?}");
        }
    }

    #[test]
    fn lists_load_and_match_on_word_boundaries() {
        let lex = Lexicon::get();
        assert!(lex.reporting.len() > 40);
        let hits = lex
            .gazetteer
            .find("Japanese Foreign Minister met in Tokyo; Japanese-made");
        let names: Vec<&str> = hits
            .iter()
            .filter_map(|(_, i)| lex.place(*i))
            .map(|p| p.canonical.as_str())
            .collect();
        assert_eq!(names, ["Japan", "Japan", "Japan"]);
        assert!(lex
            .negators
            .find("nothing notable")
            .iter()
            .all(|(s, _)| s.start_byte == 0));
        assert_eq!(lex.negators.find("it isn't so").len(), 1);
        assert!(lex.intensifiers.any("Japan has unequivocally stated"));
        assert!(!lex.hedges.any("mayor"));
        // "an official" inside "Russian officials" must not hide "officials".
        let hits = lex.anonymous.find("Russian officials said");
        assert_eq!(
            hits.iter()
                .map(|(s, i)| (s.start_byte, lex.anonymous.entry(*i)))
                .collect::<Vec<_>>(),
            [(8, "officials")]
        );
    }

    #[test]
    fn scanned_lists_match_as_full_scans_do() {
        let lex = Lexicon::get();
        let lists = [
            &lex.reporting,
            &lex.anonymous,
            &lex.hedges,
            &lex.negators,
            &lex.titles,
            &lex.stance,
            &lex.intensifiers,
        ];
        let pieces = [
            "said ",
            "officials ",
            "an official ",
            "Russian",
            "may ",
            "May ",
            "not ",
            "isn't ",
            "Mr ",
            "President ",
            "according to ",
            "could ",
            "x",
            " ",
            "sources told ",
            "supports ",
            "reportedly ",
            "un",
            "said",
            ".",
        ];
        for s in crate::test_support::random_strings(0x1f83_d9ab_fb41_bd6b, &pieces, 12, 3, 5_000) {
            let scan = lex.scan(&s);
            for list in lists {
                assert_eq!(scan.find(list), list.find(&s), "{s:?}");
                assert_eq!(scan.any(list), list.any(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn negated_refutation_words_do_not_refute() {
        let lex = Lexicon::get();
        assert!(lex.refutes("Officials denied the report on Monday."));
        assert!(lex.refutes("The photo is a hoax."));
        assert!(lex.refutes("That is not true, the mayor said."));
        assert!(!lex.refutes("The ministry did not deny the report."));
        assert!(!lex.refutes("This is no hoax, the mayor said."));
        assert!(!lex.refutes("Police haven't dismissed the claim."));
        assert!(!lex.refutes("The mayor opened the bridge."));
    }

    #[test]
    fn british_spellings_take_the_american_stem() {
        let lex = Lexicon::get();
        for (gb, us) in [
            ("organised", "organization"),
            ("defence", "defense"),
            ("centres", "center"),
            ("colour", "colors"),
        ] {
            assert_eq!(lex.spelling_stem(gb), lex.spelling_stem(us), "{gb} {us}");
        }
        assert_ne!(lex.spelling_stem("defence"), lex.spelling_stem("centre"));
        assert_eq!(&*lex.spelling_stem("analysts"), "analyst");
    }

    #[test]
    fn antonyms_are_symmetric() {
        let lex = Lexicon::get();
        let antonyms = |a: &str, b: &str| lex.antonyms.get(a).is_some_and(|v| v.iter().any(|x| x == b));
        assert!(antonyms("rose", "fell"));
        assert!(antonyms("fell", "rose"));
        assert!(!antonyms("rose", "rose"));
    }
}
