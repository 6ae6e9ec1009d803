//! An input document: its text and what is known about where it came from.

use crate::{RemovalReason, Span};
use serde::{Deserialize, Serialize};

/// One account of the story. `text` is the text every span indexes into.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub title: Option<String>,
    pub source: Option<String>,
    /// Publication date as `YYYY-MM-DD` (used to resolve "on Monday", "yesterday").
    pub published: Option<String>,
    pub url: Option<String>,
    /// Parts of `text` known not to be article text when the document was loaded (an HTML page's
    /// navigation, header, footer, asides, forms; text outside its `<article>`), each with its
    /// reason. Cleaning lists them as removed spans, so they are shown, never analysed. Empty for
    /// plain text, and left out of JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<SetAside>,
}

/// A part of a document's text set aside when it was loaded, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    #[serde(flatten)]
    pub span: Span,
    pub reason: RemovalReason,
}

impl Document {
    /// A document with only an id and text.
    ///
    /// ```
    /// let d = factdiff_core::Document::new("a", "Japan backs India.");
    /// assert_eq!(d.id, "a");
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }
}
