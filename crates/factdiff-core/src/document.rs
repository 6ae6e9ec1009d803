//! An input document: its text and what is known about where it came from.

use crate::{RemovalReason, Span};
use serde::{Deserialize, Serialize};

/// One account of the story. `text` is the text every span indexes into.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// A unique name within one comparison (a file stem, a JSONL `id`); findings and claims refer
    /// to the document by it.
    pub id: String,
    /// The text; every span of this document is a byte range into it.
    pub text: String,
    /// The headline or page title, when known.
    pub title: Option<String>,
    /// The outlet or author, when known.
    pub source: Option<String>,
    /// Publication date as `YYYY-MM-DD` (used to resolve "on Monday", "yesterday").
    pub published: Option<String>,
    /// Where the document was published, when known.
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
    /// The bytes of the document's text set aside.
    #[serde(flatten)]
    pub span: Span,
    /// Why (navigation, page header, footer, aside, form, graphic, outside the article).
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
