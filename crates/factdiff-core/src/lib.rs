//! factdiff-core: a diff for facts.
//!
//! Give it several accounts of one story; it lines up what each source claims and
//! reports where sources agree, where they contradict each other, and what only
//! one source asserts. The whole pipeline is [`compare`]:
//!
//! ```
//! use factdiff_core::{compare, Config, Document};
//! let docs = vec![
//!     Document::new("a", "Japan firmly backed India against Pakistan on Monday."),
//!     Document::new("b", "Japan urged both India and Pakistan to hold talks on Monday."),
//! ];
//! let report = compare(&docs, &Config::default()).unwrap();
//! assert_eq!(report.documents.len(), 2);
//! ```

pub mod align;
pub mod analyze;
pub mod clean;
pub mod config;
pub mod detect;
pub mod document;
pub mod error;
pub mod ingest;
pub mod judge;
pub mod lexicon;
pub mod linear;
pub mod position;
pub mod report;
pub mod schema;
pub mod segment;
mod stats;
#[cfg(test)]
mod test_support;

pub use config::Config;
pub use document::{Document, SetAside};
pub use error::{Error, Result};
pub use report::*;

/// Compare documents and build the consistency report.
///
/// The stages run in one direction: clean → segment → analyze → align → detect → assemble
/// (clusters, and each document's position on each cluster).
/// Errors only for unusable input (no documents, duplicate ids, all empty).
pub fn compare(docs: &[Document], config: &Config) -> Result<Report> {
    compare_with_judge(docs, config, &judge::LexicalJudge)
}

/// [`compare`] with another [`judge::Judge`] for the aligned pairs (an NLI model, a Python callable).
///
/// The judge is called only on the candidate pairs that alignment produced; its verdicts feed the
/// detectors exactly as the lexical judge's do.
pub fn compare_with_judge(docs: &[Document], config: &Config, judge: &dyn judge::Judge) -> Result<Report> {
    compare_cancellable(docs, config, judge, &|| false)
}

/// [`compare_with_judge`] that can be stopped from another thread: `should_stop` is polled before
/// each document is analysed, every few thousand candidate pairs in alignment and between the
/// stages, and once it returns true the comparison ends
/// with [`Error::Cancelled`]. The Python binding uses it so that Ctrl-C interrupts a long run.
///
/// ```
/// use factdiff_core::{compare_cancellable, judge::LexicalJudge, Config, Document, Error};
/// let docs = vec![Document::new("a", "Japan backed India on Monday.")];
/// let err = compare_cancellable(&docs, &Config::default(), &LexicalJudge, &|| true).unwrap_err();
/// assert!(matches!(err, Error::Cancelled));
/// ```
pub fn compare_cancellable(
    docs: &[Document],
    config: &Config,
    judge: &dyn judge::Judge,
    should_stop: &(dyn Fn() -> bool + Sync),
) -> Result<Report> {
    let check = || if should_stop() { Err(Error::Cancelled) } else { Ok(()) };
    validate(docs)?;
    let lex = lexicon::Lexicon::get();
    let mut prepared: Vec<analyze::Analyzed> = {
        use rayon::prelude::*;
        docs.par_iter()
            .map(|doc| {
                check()?;
                let cleaned = clean::clean(&doc.text, &doc.set_aside, config);
                let sentences = segment::segment(&doc.text, &cleaned.kept, config);
                Ok(analyze::analyze(doc, &sentences, cleaned, lex, config))
            })
            .collect::<Result<_>>()?
    };
    check()?;
    // The claims and their terms move out of the per-document analyses (nothing after this
    // reads them there); the terms are only for scoring candidate pairs and are dropped before
    // the judge runs.
    let mut claims: Vec<Claim> = Vec::with_capacity(prepared.iter().map(|a| a.claims.len()).sum());
    for a in &mut prepared {
        claims.append(&mut std::mem::take(&mut a.claims));
    }
    let terms: Vec<Vec<std::sync::Arc<str>>> = prepared.iter_mut().flat_map(|a| std::mem::take(&mut a.terms)).collect();
    let scored = {
        let term_slices: Vec<&[std::sync::Arc<str>]> = terms.iter().map(Vec::as_slice).collect();
        align::score_candidates(&claims, &term_slices, config, should_stop).ok_or(Error::Cancelled)?
    };
    drop(terms);
    let alignment = align::judge_scored(&claims, scored, judge, should_stop).ok_or(Error::Cancelled)?;
    let findings = detect::detect_all(&detect::Input {
        docs,
        prepared: &prepared,
        claims: &claims,
        alignment: &alignment,
        lex,
        config,
    });
    check()?;
    Ok(stats::assemble(docs, prepared, claims, alignment, findings))
}

/// Analyse one text on its own and return its claims (no cross-source work).
pub fn extract_claims(doc: &Document, config: &Config) -> Result<Vec<Claim>> {
    validate_set_aside(doc)?;
    let cleaned = clean::clean(&doc.text, &doc.set_aside, config);
    let sentences = segment::segment(&doc.text, &cleaned.kept, config);
    Ok(analyze::analyze(doc, &sentences, cleaned, lexicon::Lexicon::get(), config).claims)
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
