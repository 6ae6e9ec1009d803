//! `build-synonyms [--wordnet DIR] [--out FILE]`: writes `crates/factdiff-core/src/lexicon/synonyms.txt`
//! (by default), the
//! aligner's table of word senses, from WordNet 3.0 (Debian's `wordnet-base`, by default
//! `/usr/share/wordnet`) and word counts of the training splits.
//!
//! Each line is a content term (the stem alignment matches, `content_terms`) and the ids of the
//! senses it can stand for: the synsets of its most frequent senses (at most [`SENSES`] per part of
//! speech) and the synsets those senses are derivationally related to ("decide" → "decision").
//! Two terms that share an id are synonyms or derivations of each other in WordNet. Only terms
//! that occur in at least [`MIN_TEXTS`] training texts (FNC-1 bodies outside the hold-out split,
//! MSRP train, STS headlines 2013) are kept, and only ids that two kept terms share; ids are
//! renumbered in order. The lines are sorted by term (byte order), so the core finds a term by
//! binary search without building anything. The WordNet licence notice heads the file.

use crate::data::{self, Res};
use crate::paraphrase;
use factdiff_core::training::content_terms;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// Senses per word and part of speech, most frequent first.
const SENSES: usize = 2;

/// Training texts a term must occur in.
const MIN_TEXTS: usize = 2;

/// Parts of speech: the file suffix and the letter WordNet's pointers use.
const POS: [(&str, char); 4] = [("noun", 'n'), ("verb", 'v'), ("adj", 'a'), ("adv", 'r')];

/// The Debian copyright file that carries WordNet's licence.
const COPYRIGHT: &str = "/usr/share/doc/wordnet-base/copyright";

/// A synset: part of speech (satellites as adjectives) and byte offset in its data file.
type Synset = (char, u32);

fn read(path: &Path) -> Res<String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e} (install Debian's wordnet-base)", path.display()).into())
}

/// In how many training texts each content term occurs.
fn news_counts(dir: &Path) -> Res<HashMap<Arc<str>, usize>> {
    let held = data::read_ids(&dir.join("fnc1/splits/hold_out_ids.txt"))?;
    let mut texts: Vec<String> = data::fnc1_bodies(&dir.join("fnc1"))?
        .into_iter()
        .filter(|(id, _)| !held.contains(id))
        .map(|(_, body)| body.to_string())
        .collect();
    for p in paraphrase::msrp(&dir.join("msrp/msr-para-train.tsv"))?
        .into_iter()
        .chain(paraphrase::sts(&dir.join("sts_headlines/headlines-2013.tsv"))?)
    {
        texts.push(p.a);
        texts.push(p.b);
    }
    let mut counts: HashMap<Arc<str>, usize> = HashMap::new();
    for t in &texts {
        for term in content_terms(t) {
            *counts.entry(term).or_default() += 1;
        }
    }
    Ok(counts)
}

/// For each synset of one data file: its derivational links, as (word number in the synset,
/// target synset) pairs.
fn derivations(text: &str, pos: char) -> HashMap<Synset, Vec<(usize, Synset)>> {
    let mut out: HashMap<Synset, Vec<(usize, Synset)>> = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with(' ')) {
        let fields: Vec<&str> = line.split('|').next().unwrap_or("").split_whitespace().collect();
        let (Some(offset), Some(words)) = (fields.first(), fields.get(3)) else {
            continue;
        };
        let (Ok(offset), Ok(words)) = (offset.parse::<u32>(), usize::from_str_radix(words, 16)) else {
            continue;
        };
        let at = 4 + 2 * words;
        let Some(Ok(pointers)) = fields.get(at).map(|p| p.parse::<usize>()) else {
            continue;
        };
        let links = out.entry((pos, offset)).or_default();
        for p in 0..pointers {
            let Some(ptr) = fields.get(at + 1 + 4 * p..at + 5 + 4 * p) else {
                break;
            };
            let (Ok(target), Some(tpos)) = (ptr[1].parse::<u32>(), ptr[2].chars().next()) else {
                continue;
            };
            let source = usize::from_str_radix(ptr[3].get(..2).unwrap_or("00"), 16).unwrap_or(0);
            if ptr[0] == "+" && source > 0 {
                links.push((source, (if tpos == 's' { 'a' } else { tpos }, target)));
            }
        }
    }
    out
}

/// The word number (1-based) of `lemma` in the synset at `offset` of a data file, read from the
/// line itself.
fn word_number(data: &HashMap<u32, &str>, offset: u32, lemma: &str) -> Option<usize> {
    let fields: Vec<&str> = data.get(&offset)?.split_whitespace().collect();
    let words = usize::from_str_radix(fields.get(3)?, 16).ok()?;
    (0..words)
        .find(|&k| {
            fields
                .get(4 + 2 * k)
                .and_then(|w| w.split('(').next())
                .is_some_and(|w| w.eq_ignore_ascii_case(lemma))
        })
        .map(|k| k + 1)
}

/// Build the table and write it to `out`.
pub fn build(dir: &Path, wordnet: &Path, out_file: &Path) -> Res<()> {
    let counts = news_counts(dir)?;
    let mut senses: BTreeMap<Arc<str>, BTreeSet<Synset>> = BTreeMap::new();
    for (name, pos) in POS {
        let index = read(&wordnet.join(format!("index.{name}")))?;
        let data_text = read(&wordnet.join(format!("data.{name}")))?;
        let links = derivations(&data_text, pos);
        let lines: HashMap<u32, &str> = data_text
            .lines()
            .filter(|l| !l.starts_with(' '))
            .filter_map(|l| Some((l.split(' ').next()?.parse().ok()?, l)))
            .collect();
        for line in index.lines().filter(|l| !l.starts_with(' ')) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let Some(lemma) = fields.first().filter(|l| !l.contains(['_', '-', '.'])) else {
                continue;
            };
            let [term] = &content_terms(lemma)[..] else {
                continue;
            };
            if counts.get(term).copied().unwrap_or(0) < MIN_TEXTS {
                continue;
            }
            // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets...
            let Some(Ok(pointers)) = fields.get(3).map(|p| p.parse::<usize>()) else {
                continue;
            };
            let offsets = fields.iter().skip(6 + pointers).filter_map(|o| o.parse::<u32>().ok());
            let own = senses.entry(Arc::clone(term)).or_default();
            for offset in offsets.take(SENSES) {
                own.insert((pos, offset));
                let number = word_number(&lines, offset, lemma);
                for (source, target) in links.get(&(pos, offset)).into_iter().flatten() {
                    if Some(*source) == number {
                        own.insert(*target);
                    }
                }
            }
        }
    }
    // Keep the ids that two terms share, renumbered in the order the sorted terms reach them.
    let mut holders: HashMap<Synset, usize> = HashMap::new();
    for s in senses.values().flatten() {
        *holders.entry(*s).or_default() += 1;
    }
    let mut ids: HashMap<Synset, usize> = HashMap::new();
    let mut body = String::new();
    let mut kept_terms = 0;
    let mut by_bytes: Vec<(&Arc<str>, &BTreeSet<Synset>)> = senses.iter().collect();
    by_bytes.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    for (term, own) in by_bytes {
        let mut line: Vec<usize> = own
            .iter()
            .filter(|s| holders.get(s).copied().unwrap_or(0) >= 2)
            .map(|s| {
                let next = ids.len();
                *ids.entry(*s).or_insert(next)
            })
            .collect();
        if line.is_empty() {
            continue;
        }
        line.sort_unstable();
        line.dedup();
        let joined: Vec<String> = line.iter().map(usize::to_string).collect();
        body.push_str(&format!("{term} {}\n", joined.join(" ")));
        kept_terms += 1;
    }
    let licence = licence_notice(&read(Path::new(COPYRIGHT))?);
    let seen: HashSet<&Arc<str>> = senses.keys().collect();
    let mut out = format!(
        "# Word senses for alignment: a content term (its stem) and the WordNet senses it can stand for.\n\
         # Written by `cargo run --release -p factdiff-eval -- --build-synonyms` from WordNet 3.0\n\
         # (Debian's wordnet-base) and the training splits: {kept_terms} of {} terms; {} shared senses;\n\
         # up to {SENSES} senses per part of speech, with their derivational links. Do not edit by hand.\n\
         #\n",
        seen.len(),
        ids.len()
    );
    for line in licence.lines() {
        out.push_str(&format!("# {line}\n").replace("# \n", "#\n"));
    }
    out.push_str(&body);
    println!(
        "build-synonyms: {kept_terms} terms, {} senses, {} bytes",
        ids.len(),
        out.len()
    );
    data::write_out(out_file, &out)?;
    Ok(())
}

/// The WordNet licence from the Debian copyright file: the indented lines of its first
/// `License:` paragraph, a lone `.` standing for an empty line.
fn licence_notice(copyright: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in copyright.lines() {
        if line.starts_with("License: WordNet") {
            inside = true;
            continue;
        }
        if inside {
            let Some(text) = line.strip_prefix(' ') else {
                break;
            };
            out.push_str(if text == "." { "" } else { text });
            out.push('\n');
        }
    }
    out
}
