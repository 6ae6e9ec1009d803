//! Thresholds and switches. Defaults are tuned on the seed articles and the
//! development splits in ../shared/data; each field says what it controls.

use serde::{Deserialize, Serialize};

/// Every threshold and switch of the pipeline; `Config::default()` is the tuned configuration.
/// Deserialising fills missing fields with their defaults.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Two claims are aligned (the same fact) when the aligner's probability reaches this. The
    /// learned model's bias is set so that one half is its decision on the training data.
    pub align_threshold: f64,
    /// Pairs whose IDF-weighted term overlap is below this are not scored (0: the model decides).
    pub min_term_overlap: f64,
    /// Candidate pairs must share at least this many indexed features.
    pub min_shared_features: usize,
    /// Index terms that occur in more than this share of claims are not used for blocking. Half,
    /// not less: the words that name a story's event are in many of its claims and must still
    /// propose pairs (chosen on ECB+ train, see docs/performance.md).
    pub max_term_share: f64,
    /// ... nor those in more than this many claims (keeps alignment near-linear on big inputs).
    pub max_postings: usize,
    /// Claims at or above this check-worthiness are tested for `unsupported`.
    pub check_worthy: f64,
    /// Two sentences of one document at or above this similarity are a repetition.
    pub repeat_similarity: f64,
    /// Paragraphs at or above this similarity to an earlier one are removed as repeats.
    pub repeat_paragraph_similarity: f64,
    /// Headlines shorter than this many words are not claims (section titles).
    pub min_headline_words: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            align_threshold: 0.5,
            min_shared_features: 2,
            min_term_overlap: 0.0,
            max_term_share: 0.5,
            max_postings: 64,
            check_worthy: 0.5,
            repeat_similarity: 0.8,
            repeat_paragraph_similarity: 0.9,
            min_headline_words: 6,
        }
    }
}

impl Config {
    /// Check that every threshold is in its range (shares and similarities in 0..=1, counts that
    /// must be at least 1); the error names the first option that is not.
    ///
    /// ```
    /// let mut config = factdiff_core::Config::default();
    /// assert!(config.validate().is_ok());
    /// config.align_threshold = -5.0;
    /// let err = config.validate().unwrap_err().to_string();
    /// assert_eq!(err, "option align_threshold must be a number from 0 to 1, not -5");
    /// ```
    pub fn validate(&self) -> crate::Result<()> {
        let shares = [
            ("align_threshold", self.align_threshold),
            ("min_term_overlap", self.min_term_overlap),
            ("max_term_share", self.max_term_share),
            ("check_worthy", self.check_worthy),
            ("repeat_similarity", self.repeat_similarity),
            ("repeat_paragraph_similarity", self.repeat_paragraph_similarity),
        ];
        for (name, value) in shares {
            if !(0.0..=1.0).contains(&value) {
                return Err(crate::Error::InvalidOption {
                    name,
                    message: format!("must be a number from 0 to 1, not {value}"),
                });
            }
        }
        let counts = [
            ("min_shared_features", self.min_shared_features),
            ("max_postings", self.max_postings),
        ];
        for (name, value) in counts {
            if value < 1 {
                return Err(crate::Error::InvalidOption {
                    name,
                    message: format!("must be at least 1, not {value}"),
                });
            }
        }
        Ok(())
    }
}
