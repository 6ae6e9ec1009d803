//! factdiff-core: a diff for facts.
//!
//! Give it several accounts of one story; it lines up what each source claims and
//! reports where sources agree, where they contradict each other, and what only
//! one source asserts. The whole pipeline is [`compare`]:
//!
//! ```
//! use factdiff_core::{compare, Config, Document, CompareOptions};
//! let docs = vec![
//!     Document::new("a", "Japan firmly backed India against Pakistan on Monday."),
//!     Document::new("b", "Japan urged both India and Pakistan to hold talks on Monday."),
//! ];
//! let report = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
//! assert_eq!(report.documents.len(), 2);
//! ```
//!
//! What a caller needs is at the crate root: [`compare`] with [`CompareOptions`] and [`Config`],
//! [`extract_claims`], [`check_claim`], the [`Judge`] trait (and [`verdict_from_scores`] for a
//! judge that scores pairs), the report types ([`Report`] and what it holds), [`Error`], and
//! [`report_schema_json`]. [`ingest`] loads files, directories and stdin as the CLI does. With the
//! `onnx` feature, `OnnxJudge` runs an NLI model as the judge. The `training` feature adds the
//! `training` module: the inside of the pipeline that `factdiff-eval` trains and measures, not part
//! of the stable API.

#![warn(missing_docs)]

// The stages and the model, private: what a caller needs is re-exported below.
mod align;
mod analyze;
mod check;
mod clean;
mod config;
mod detect;
mod document;
mod error;
mod judge;
mod label;
mod lexicon;
mod linear;
mod pipeline;
mod position;
mod report;
mod schema;
mod segment;
mod stats;
#[cfg(test)]
mod test_support;
mod text;

// Loading files, directories and stdin bytes as the CLI does: part of the API.
pub mod ingest;

// What factdiff-eval trains and measures from inside the pipeline; not part of the stable API.
#[cfg(feature = "training")]
pub mod training;

pub use align::embed::Embedder;
pub use check::check_claim;
pub use config::Config;
pub use document::{Document, SetAside};
pub use error::{Error, Result};
#[cfg(feature = "onnx")]
pub use judge::onnx::{LabelOrder, NliLabel, OnnxError, OnnxJudge, OnnxOptions};
pub use judge::{verdict_from_scores, Judge};
pub use pipeline::{compare, extract_claims, CompareOptions};
pub use report::{
    Agreement, AlignFeatures, Alignment, Check, CheckVerdict, Claim, ClaimStatus, Cluster, Cue, DateMention,
    DocumentReport, EntityKind, EntityMention, Evidence, EvidenceCue, Finding, FindingKind, Modality, PairTally,
    Polarity, Position, PositionLabel, Quantity, Refutation, RemovalReason, RemovedSpan, Report, Severity, SourceCheck,
    SourceStats, SourceValue, SourceVerdict, Span, Speaker, SpeakerKind, Stance, StanceKind, Verdict, VerdictLabel,
    SCHEMA_VERSION,
};
pub use schema::report_schema_json;
