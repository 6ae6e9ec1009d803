//! Speaker recognition against `data/speakers.tsv`: sentences of FNC-1 training bodies with their
//! gold speaker (kind and name, labelled by reading; the rule is at the top of the file).
//!
//! Each labelled body goes through [`factdiff_core::compare`] with the default configuration, the
//! path of every report; a labelled sentence takes the speaker of the claim that contains its first
//! byte (no claim: the article's own voice). Names match when, lower-cased and without a leading
//! "the" or a possessive, they are equal or one's words end the other's ("Lopez" and "Maria
//! Lopez"). Precision is over the sentences where factdiff names a person or organisation; recall
//! over those whose gold speaker has a name; kind accuracy over all sentences.

use crate::data::{fnc1_bodies, Res};
use factdiff_core::{compare, CompareOptions, Config, Document, SpeakerKind};
use std::collections::BTreeMap;
use std::path::Path;

/// The labelled file, kept in the repository.
const LABELS: &str = include_str!("../data/speakers.tsv");

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Gold {
    pub body: u32,
    pub tune: bool,
    pub kind: SpeakerKind,
    pub name: String,
    pub sentence: String,
}

/// Counts behind the three metrics.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub sentences: usize,
    pub kind_right: usize,
    /// factdiff named a person or organisation.
    pub named: usize,
    /// The gold speaker has a name.
    pub gold_named: usize,
    /// factdiff's name matches the gold name.
    pub name_right: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        100.0 * self.name_right as f64 / self.named.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        100.0 * self.name_right as f64 / self.gold_named.max(1) as f64
    }
    pub fn kind_accuracy(&self) -> f64 {
        100.0 * self.kind_right as f64 / self.sentences.max(1) as f64
    }
    fn add(&mut self, o: Counts) {
        self.sentences += o.sentences;
        self.kind_right += o.kind_right;
        self.named += o.named;
        self.gold_named += o.gold_named;
        self.name_right += o.name_right;
    }
}

fn kind(s: &str) -> Res<SpeakerKind> {
    Ok(match s {
        "person" => SpeakerKind::Person,
        "organisation" => SpeakerKind::Organisation,
        "anonymous" => SpeakerKind::Anonymous,
        "author" => SpeakerKind::Author,
        other => return Err(format!("speakers.tsv: unknown kind {other:?}").into()),
    })
}

/// The labelled sentences of `text` (comment lines and the header skipped).
pub fn parse(text: &str) -> Res<Vec<Gold>> {
    let mut out = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [body, split, k, name, sentence] = cols[..] else {
            return Err(format!("speakers.tsv: expected 5 columns in {line:?}").into());
        };
        out.push(Gold {
            body: body.parse()?,
            tune: split == "tune",
            kind: kind(k)?,
            name: name.to_string(),
            sentence: sentence.to_string(),
        });
    }
    Ok(out)
}

/// Lower-cased words of a name without a leading article or trailing possessive.
fn name_words(name: &str) -> Vec<String> {
    let lower = name.to_lowercase().replace(['’', '\''], "'");
    let mut words: Vec<String> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.first().is_some_and(|w| w == "the") {
        words.remove(0);
    }
    words
}

/// True when the two names name the same speaker: equal, or one's words end the other's.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a), name_words(b));
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    !short.is_empty() && long.ends_with(short)
}

/// factdiff's speaker of one labelled sentence: kind, name and the reporting verb it read.
type Predicted = (SpeakerKind, Option<String>, Option<String>);

/// factdiff's speaker of every labelled sentence, in the order of `gold`.
pub fn predict(dir: &Path, gold: &[Gold]) -> Res<Vec<Predicted>> {
    let bodies = fnc1_bodies(&dir.join("fnc1"))?;
    let mut by_body: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (i, g) in gold.iter().enumerate() {
        by_body.entry(g.body).or_default().push(i);
    }
    let mut out = vec![(SpeakerKind::Author, None, None); gold.len()];
    for (id, labelled) in by_body {
        let text = bodies
            .get(&id)
            .ok_or_else(|| format!("speakers.tsv: body {id} not in train_bodies.csv"))?;
        let doc = [Document::new(id.to_string(), text.to_string())];
        let report = compare(&doc, &Config::default(), &CompareOptions::default())?;
        for i in labelled {
            let g = &gold[i];
            let at = text
                .find(&g.sentence)
                .ok_or_else(|| format!("speakers.tsv: sentence not found in body {id}: {:?}", g.sentence))?;
            if let Some(s) = report
                .claims
                .iter()
                .find(|c| c.span.start_byte <= at && at < c.span.end_byte)
                .map(|c| &c.speaker)
            {
                out[i] = (s.kind, s.name.clone(), s.verb.clone());
            }
        }
    }
    Ok(out)
}

/// The counts of one sentence: gold against factdiff's speaker.
fn count(g: &Gold, (k, name, _): &Predicted) -> Counts {
    let named = matches!(k, SpeakerKind::Person | SpeakerKind::Organisation) && name.is_some();
    let right = named && !g.name.is_empty() && name.as_deref().is_some_and(|n| same_name(n, &g.name));
    Counts {
        sentences: 1,
        kind_right: usize::from(*k == g.kind),
        named: usize::from(named),
        gold_named: usize::from(!g.name.is_empty()),
        name_right: usize::from(right),
    }
}

/// Counts over `gold` (tune half, test half).
pub fn score(dir: &Path, gold: &[Gold]) -> Res<(Counts, Counts)> {
    let (mut tune, mut test) = (Counts::default(), Counts::default());
    for (g, p) in gold.iter().zip(predict(dir, gold)?) {
        let c = count(g, &p);
        if g.tune {
            tune.add(c)
        } else {
            test.add(c)
        }
    }
    Ok((tune, test))
}

/// Print every sentence of the TUNE half whose kind or name factdiff gets wrong (the test half is
/// never listed: it stays held out).
pub fn print_tune_misses(dir: &Path) -> Res<()> {
    let gold: Vec<Gold> = parse(LABELS)?.into_iter().filter(|g| g.tune).collect();
    for (g, p) in gold.iter().zip(predict(dir, &gold)?) {
        let c = count(g, &p);
        let name_wrong = c.named != c.name_right || c.gold_named != c.name_right;
        if c.kind_right == 0 || name_wrong {
            println!(
                "{}\tgold {:?} {:?}\tgot {:?} {:?} (verb {:?})\n    {}",
                g.body,
                g.kind,
                g.name,
                p.0,
                p.1.as_deref().unwrap_or(""),
                p.2.as_deref().unwrap_or(""),
                g.sentence
            );
        }
    }
    Ok(())
}

/// Print the speaker table and record `speakers.*` (all labelled sentences).
pub fn evaluate(dir: &Path, out: &mut crate::Metrics) -> Res<()> {
    let gold = parse(LABELS)?;
    let (tune, test) = score(dir, &gold)?;
    let mut all = tune;
    all.add(test);
    println!("\nSpeakers (crates/factdiff-eval/data/speakers.tsv, FNC-1 training bodies, default config):");
    println!("| sentences | name precision | name recall | kind accuracy |");
    println!("|---|---|---|---|");
    for (label, c) in [("tune half", tune), ("test half", test), ("all", all)] {
        println!(
            "| {label}: {} | {:.1} ({}/{}) | {:.1} ({}/{}) | {:.1} |",
            c.sentences,
            c.precision(),
            c.name_right,
            c.named,
            c.recall(),
            c.name_right,
            c.gold_named,
            c.kind_accuracy()
        );
    }
    out.push("speakers.name_precision", all.precision());
    out.push("speakers.name_recall", all.recall());
    out.push("speakers.kind_accuracy", all.kind_accuracy());
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn names_match_by_their_last_words() {
        assert!(same_name("Maria Lopez", "Lopez"));
        assert!(same_name("the Associated Press", "Associated Press"));
        assert!(same_name("CNN's", "CNN"));
        assert!(!same_name("Maria Lopez", "Maria"));
        assert!(!same_name("", "Lopez"));
    }

    #[test]
    fn the_labelled_file_parses_and_is_large_enough() {
        let gold = parse(LABELS).unwrap();
        assert!(gold.len() >= 300, "{}", gold.len());
        assert!(gold.iter().any(|g| g.tune) && gold.iter().any(|g| !g.tune));
        assert!(parse("# c\nbody\tsplit\tkind\tname\tsentence\n1\ttune\twizard\t\tx\n").is_err());
    }
}
