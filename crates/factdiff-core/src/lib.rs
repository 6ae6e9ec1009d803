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

pub mod align;
pub mod analyze;
mod check;
pub mod clean;
pub mod config;
pub mod detect;
pub mod document;
pub mod error;
pub mod ingest;
pub mod judge;
pub mod lexicon;
pub mod linear;
mod pipeline;
pub mod position;
pub mod report;
pub mod schema;
pub mod segment;
mod stats;
#[cfg(test)]
mod test_support;
mod text;

pub use check::check_claim;
pub use config::Config;
pub use document::{Document, SetAside};
pub use error::{Error, Result};
pub use pipeline::{compare, extract_claims, CompareOptions};
pub use report::{
    Agreement, AlignFeatures, Alignment, Check, CheckVerdict, Claim, ClaimStatus, Cluster, Cue, DateMention,
    DocumentReport, EntityKind, EntityMention, Evidence, Finding, FindingKind, Modality, Polarity, Position,
    PositionLabel, Quantity, Refutation, RemovalReason, RemovedSpan, Report, Severity, SourceStats, SourceValue, Span,
    Speaker, SpeakerKind, Stance, StanceKind, Verdict, VerdictLabel, SCHEMA_VERSION,
};
