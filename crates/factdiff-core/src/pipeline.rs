//! The pipeline: [`compare`] runs the stages in one direction, each handing the next what it
//! needs — clean → segment → analyze (per document, in parallel) → align (candidates, scores,
//! the judge's verdicts) → detect → assemble the report (clusters, positions, statistics).
//!
//! This is the only module that knows the order of the stages; it holds no analysis of its own.

use crate::align;
use crate::align::embed::{Embedder, Vectors};
use crate::analyze::{self, Analysis, Analyzed};
use crate::clean;
use crate::detect;
use crate::judge::{self, Judge, LexicalJudge};
use crate::lexicon::Lexicon;
use crate::segment;
use crate::stats;
use crate::{Claim, Config, Document, Error, Report, Result};

/// How [`compare`] runs (what it finds is set by [`Config`]): who judges the aligned pairs, and
/// when to give up.
///
/// ```
/// use factdiff_core::{compare, Config, Document, Error, CompareOptions};
/// let docs = vec![Document::new("a", "Japan backed India on Monday.")];
/// let stop = CompareOptions { should_stop: &|| true, ..CompareOptions::default() };
/// let err = compare(&docs, &Config::default(), &stop).unwrap_err();
/// assert!(matches!(err, Error::Cancelled));
/// ```
#[derive(Clone, Copy)]
pub struct CompareOptions<'a> {
    /// Gives the verdicts on the aligned pairs (default: the built-in lexical judge); another
    /// judge (an NLI model, a Python callable) is called only on the pairs alignment produced.
    pub judge: &'a dyn Judge,
    /// Polled before each document is analysed, every few thousand candidate pairs in alignment
    /// and between the stages; once it returns true the comparison ends with
    /// [`Error::Cancelled`] (the Python binding uses it so that Ctrl-C interrupts a long run).
    pub should_stop: &'a (dyn Fn() -> bool + Sync),
    /// The optional semantic mode (default: none, the offline path): an [`Embedder`] that gives
    /// each claim a sentence vector, used to propose candidate pairs by cosine and as one more
    /// feature of the aligner ([`align::embed`]). Slower: every claim goes through the encoder.
    pub embed: Option<&'a dyn Embedder>,
    /// Keep every aligned pair in the report's clusters (`Cluster::alignments`) instead of a
    /// spanning set (default: false). The findings, positions and tallies are the same either
    /// way; a story stated by many sources has a pair for every two of them, so this is for
    /// reading the pairs of a few documents (`check_claim`, `factdiff align`).
    pub all_alignments: bool,
}

fn never() -> bool {
    false
}

impl Default for CompareOptions<'_> {
    fn default() -> Self {
        CompareOptions {
            judge: &LexicalJudge,
            should_stop: &never,
            embed: None,
            all_alignments: false,
        }
    }
}

impl std::fmt::Debug for CompareOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompareOptions").finish_non_exhaustive()
    }
}

/// Compare documents and build the consistency report.
///
/// Errors only for unusable input (no documents, duplicate ids, all empty), for unusable sentence
/// vectors from [`CompareOptions::embed`], and when [`CompareOptions::should_stop`] stops it.
///
/// ```
/// use factdiff_core::{compare, Config, Document, CompareOptions};
/// let docs = vec![
///     Document::new("a", "Japan firmly backed India against Pakistan on Monday."),
///     Document::new("b", "Japan urged both India and Pakistan to hold talks on Monday."),
/// ];
/// let report = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
/// assert_eq!(report.documents.len(), 2);
/// ```
pub fn compare(docs: &[Document], config: &Config, options: &CompareOptions<'_>) -> Result<Report> {
    let should_stop = options.should_stop;
    let check = || if should_stop() { Err(Error::Cancelled) } else { Ok(()) };
    validate(docs)?;
    // Every process reads the word lists and the judge's tables once; side by side, on two cores.
    let (lex, ()) = rayon::join(Lexicon::get, judge::load_tables);
    // Documents are analysed in parallel a batch at a time and each batch's claims moved onto
    // the story's list, so the per-document lists and the joined one overlap by one batch only.
    let mut analysis = Analysis::default();
    for batch in batches(docs, ANALYZE_BATCH_BYTES) {
        use rayon::prelude::*;
        let per_doc: Vec<Analyzed> = batch
            .par_iter()
            .map(|doc| {
                check()?;
                Ok(analyze_document(doc, lex, config))
            })
            .collect::<Result<_>>()?;
        analysis.extend(per_doc);
    }
    check()?;
    let Analysis {
        claims,
        terms,
        outlines,
    } = analysis;
    let vectors = match options.embed {
        Some(embedder) => Some(Vectors::of(&claims, embedder, should_stop)?),
        None => None,
    };
    let alignment = align::align(
        &claims,
        terms,
        vectors.as_ref(),
        options.judge,
        config,
        options.all_alignments,
        should_stop,
    )
    .ok_or(Error::Cancelled)?;
    drop(vectors);
    let findings = detect::detect_all(&detect::Input {
        docs,
        outlines: &outlines,
        claims: &claims,
        alignment: &alignment,
        lex,
        config,
    });
    check()?;
    Ok(stats::assemble(docs, outlines, claims, alignment, findings))
}

/// How much text (bytes) is analysed in parallel before its claims join the story's list.
const ANALYZE_BATCH_BYTES: usize = 1 << 20;

/// `docs` cut, in order, into runs of whole documents holding about `bytes` of text each (a
/// longer document is a run of its own).
fn batches(docs: &[Document], bytes: usize) -> impl Iterator<Item = &[Document]> {
    let mut rest = docs;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut size = 0;
        let n = rest
            .iter()
            .take_while(|d| {
                size += d.text.len();
                size <= bytes
            })
            .count()
            .max(1);
        let (batch, tail) = rest.split_at(n);
        rest = tail;
        Some(batch)
    })
}

/// Analyse one text on its own and return its claims (no cross-source work).
///
/// ```
/// use factdiff_core::{extract_claims, Config, Document};
/// let doc = Document::new("a", "Officials said 12 people were rescued on Monday.");
/// let claims = extract_claims(&doc, &Config::default()).unwrap();
/// assert_eq!(claims[0].quantities[0].value, 12.0);
/// ```
pub fn extract_claims(doc: &Document, config: &Config) -> Result<Vec<Claim>> {
    validate_set_aside(doc)?;
    Ok(analyze_document(doc, Lexicon::get(), config).claims)
}

/// The stages that run on each document alone: clean, segment, analyze.
fn analyze_document(doc: &Document, lex: &Lexicon, config: &Config) -> Analyzed {
    let cleaned = clean::clean(&doc.text, &doc.set_aside, config);
    let sentences = segment::segment(&doc.text, &cleaned.kept, config);
    analyze::analyze(doc, &sentences, cleaned, lex, config)
}

/// A document's `set_aside` spans must lie in its text, on character boundaries, in order and
/// without overlapping.
fn validate_set_aside(doc: &Document) -> Result<()> {
    let mut end = 0;
    for a in &doc.set_aside {
        let span = a.span;
        let fits = end <= span.start_byte
            && span.start_byte <= span.end_byte
            && doc.text.is_char_boundary(span.start_byte)
            && doc.text.is_char_boundary(span.end_byte);
        if !fits {
            return Err(Error::InvalidDocument {
                id: doc.id.clone(),
                message: format!(
                    "set_aside span {}..{} is not inside the text on character boundaries, after the one before it",
                    span.start_byte, span.end_byte
                ),
            });
        }
        end = span.end_byte;
    }
    Ok(())
}

fn validate(docs: &[Document]) -> Result<()> {
    if docs.is_empty() {
        return Err(Error::NoInput);
    }
    let mut seen = std::collections::HashSet::new();
    for d in docs {
        if d.id.trim().is_empty() {
            return Err(Error::InvalidDocument {
                id: d.id.clone(),
                message: "empty id".into(),
            });
        }
        if !seen.insert(d.id.as_str()) {
            return Err(Error::DuplicateId { id: d.id.clone() });
        }
        validate_set_aside(d)?;
    }
    if docs.iter().all(|d| d.text.trim().is_empty()) {
        return Err(Error::EmptyInput {
            ids: docs.iter().map(|d| d.id.clone()).collect(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_keep_every_document_once_in_order() {
        let docs: Vec<Document> = [5, 3, 9, 1, 1, 20, 2]
            .iter()
            .enumerate()
            .map(|(i, &n)| Document::new(format!("d{i}"), "x".repeat(n)))
            .collect();
        let sizes: Vec<Vec<usize>> = batches(&docs, 9)
            .map(|b| b.iter().map(|d| d.text.len()).collect())
            .collect();
        assert_eq!(sizes, [vec![5, 3], vec![9], vec![1, 1], vec![20], vec![2]]);
        assert_eq!(batches(&docs, 1000).count(), 1);
        assert_eq!(batches(&[], 10).count(), 0);
    }
}
