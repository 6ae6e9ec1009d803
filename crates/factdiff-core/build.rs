//! Compiles the large word lists of `src/lexicon/` into hash tables at build time, so that no
//! process spends its start-up hashing thousands of words (the lists are read on the first
//! sentence of every run; as run-time `HashSet`s they were about a tenth of a five-article report).
//!
//! Each list keeps the reading rules of `lexicon/mod.rs`: one entry per line, trimmed, blank lines
//! and `#` comments skipped. The generated file holds one `WordTable` (`lexicon/table.rs`) per
//! list, laid out with the hash that the lookups use (`lexicon/word_hash.rs`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

include!("src/lexicon/word_hash.rs");

/// The Rust expression of a `WordTable` holding `entries` (distinct words, each with the Rust
/// expression of its value); `empty` is the value written in empty slots.
fn table(entries: &[(String, String)], value_type: &str, empty: &str) -> String {
    let bits = (2 * entries.len()).max(2).next_power_of_two().trailing_zeros();
    let shift = 64 - bits;
    let mut slots = vec![None; 1 << bits];
    for (k, entry) in entries.iter().enumerate() {
        let mask = slots.len() - 1;
        let mut i = word_slot(entry.0.as_bytes(), shift);
        while slots[i].is_some() {
            i = (i + 1) & mask;
        }
        slots[i] = Some(k);
    }
    let (mut words, mut ranges, mut values) = (String::new(), String::new(), String::new());
    for slot in &slots {
        match slot {
            Some(k) => {
                let (word, value) = &entries[*k];
                assert!(!word.is_empty(), "build script: an empty word in a table");
                let from = words.len();
                words.push_str(word);
                let _ = write!(ranges, "({from}, {}), ", words.len());
                let _ = write!(values, "{value}, ");
            }
            None => {
                ranges.push_str("(0, 0), ");
                let _ = write!(values, "{empty}, ");
            }
        }
    }
    format!("WordTable::<{value_type}> {{ words: {words:?}, slots: &[{ranges}], values: &[{values}], shift: {shift} }}")
}

fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn read(name: &str) -> String {
    let path = format!("src/lexicon/{name}");
    println!("cargo:rerun-if-changed={path}");
    match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => panic!("build script: cannot read {path}: {e}"),
    }
}

/// A set of words, lower-cased when `lower` (duplicates collapse).
fn set(out: &mut String, static_name: &str, file: &str, lower: bool) {
    let data = read(file);
    let words: BTreeMap<String, ()> = entries(&data)
        .map(|w| (if lower { w.to_lowercase() } else { w.to_string() }, ()))
        .collect();
    let entries: Vec<(String, String)> = words.into_keys().map(|w| (w, "()".to_string())).collect();
    let _ = writeln!(
        out,
        "static {static_name}: WordTable<()> = {};",
        table(&entries, "()", "()")
    );
}

/// The aligner's WordNet sense table (`synonyms.txt`: `term id id ...` after the `#` header) as a
/// map from term to the range of its sense ids in `SENSES`, written to its own file for
/// `lexicon/synonyms.rs`.
fn synonyms(dir: &Path) {
    let data = read("synonyms.txt");
    let mut senses: Vec<u32> = Vec::new();
    let mut terms: Vec<(String, String)> = Vec::new();
    for line in entries(&data) {
        let mut parts = line.split(' ');
        let term = parts.next().unwrap_or_default();
        let from = senses.len();
        for id in parts {
            match id.parse::<u32>() {
                Ok(id) => senses.push(id),
                Err(e) => panic!("build script: synonyms.txt: bad sense id {id:?} of {term:?}: {e}"),
            }
        }
        terms.push((term.to_string(), format!("({from}, {})", senses.len())));
    }
    let ids: Vec<String> = senses.iter().map(u32::to_string).collect();
    let out = format!(
        "static SENSES: [u32; {}] = [{}];\nstatic SYNONYMS: WordTable<(u32, u32)> = {};\n",
        senses.len(),
        ids.join(", "),
        table(&terms, "(u32, u32)", "(0, 0)")
    );
    let path = dir.join("synonyms_table.rs");
    if let Err(e) = std::fs::write(&path, out) {
        panic!("build script: cannot write {}: {e}", path.display());
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut out = String::new();
    set(&mut out, "STOPWORDS", "stopwords.txt", false);
    set(&mut out, "ORGANISATION_WORDS", "organisation_words.txt", true);
    set(&mut out, "NOT_NAMES", "not_names.txt", true);
    set(&mut out, "PERSON_NOUNS", "person_nouns.txt", true);
    // Given names: "name g" with g one of m, f, -; a later line for the same name wins, as it did
    // when the list was collected into a map at run time.
    let data = read("first_names.txt");
    let names: BTreeMap<String, String> = entries(&data)
        .filter_map(|l| l.split_once(' '))
        .map(|(name, g)| {
            let gender = match g.trim() {
                "m" => "Gender::Male",
                "f" => "Gender::Female",
                _ => "Gender::Either",
            };
            (name.to_string(), gender.to_string())
        })
        .collect();
    let names: Vec<(String, String)> = names.into_iter().collect();
    let _ = writeln!(
        out,
        "static FIRST_NAMES: WordTable<Gender> = {};",
        table(&names, "Gender", "Gender::Either")
    );
    let dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_string());
    synonyms(Path::new(&dir));
    let path = Path::new(&dir).join("word_tables.rs");
    if let Err(e) = std::fs::write(&path, out) {
        panic!("build script: cannot write {}: {e}", path.display());
    }
}
