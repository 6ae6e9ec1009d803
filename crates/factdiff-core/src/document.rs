//! An input document: its text and what is known about where it came from.

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
