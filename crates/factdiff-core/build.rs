//! Compiles the large word lists of `src/lexicon/` into perfect-hash tables at build time, so that
//! no process spends its start-up hashing thousands of words (the lists are read on the first
//! sentence of every run; as run-time `HashSet`s they were about a tenth of a five-article report).
//!
//! Each list keeps the reading rules of `lexicon/mod.rs`: one entry per line, trimmed, blank lines
//! and `#` comments skipped. The generated file holds one `phf` table per list.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

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
    let mut table = phf_codegen::Set::new();
    for w in words.keys() {
        table.entry(w.as_str());
    }
    let _ = writeln!(out, "static {static_name}: phf::Set<&'static str> = {};", table.build());
}

/// The aligner's WordNet sense table (`synonyms.txt`: `term id id ...` after the `#` header) as a
/// map from term to its sense ids, written to its own file for `lexicon/synonyms.rs`.
fn synonyms(dir: &Path) {
    let data = read("synonyms.txt");
    let mut table = phf_codegen::Map::new();
    for line in entries(&data) {
        let mut parts = line.split(' ');
        let term = parts.next().unwrap_or_default();
        let ids: Vec<String> = parts
            .map(|id| match id.parse::<u32>() {
                Ok(id) => id.to_string(),
                Err(e) => panic!("build script: synonyms.txt: bad sense id {id:?} of {term:?}: {e}"),
            })
            .collect();
        table.entry(term, &format!("&[{}]", ids.join(", ")));
    }
    let out = format!(
        "static SYNONYMS: phf::Map<&'static str, &'static [u32]> = {};\n",
        table.build()
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
    let names: BTreeMap<&str, &str> = entries(&data)
        .filter_map(|l| l.split_once(' '))
        .map(|(name, g)| {
            let gender = match g.trim() {
                "m" => "Gender::Male",
                "f" => "Gender::Female",
                _ => "Gender::Either",
            };
            (name, gender)
        })
        .collect();
    let mut table = phf_codegen::Map::new();
    for (name, gender) in &names {
        table.entry(*name, gender);
    }
    let _ = writeln!(
        out,
        "static FIRST_NAMES: phf::Map<&'static str, Gender> = {};",
        table.build()
    );
    let dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_string());
    synonyms(Path::new(&dir));
    let path = Path::new(&dir).join("word_tables.rs");
    if let Err(e) = std::fs::write(&path, out) {
        panic!("build script: cannot write {}: {e}", path.display());
    }
}
