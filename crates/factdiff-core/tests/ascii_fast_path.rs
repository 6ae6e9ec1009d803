//! The fast paths for word and sentence splitting give exactly the UAX #29 results on every
//! FNC-1 training body (whole bodies, so line breaks are covered, and each line on its own): words
//! and sentences of every text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use factdiff_core::{analyze::tokens, segment};
use unicode_segmentation::UnicodeSegmentation;

#[test]
fn fast_paths_agree_with_uax29_on_fnc1_bodies() {
    let Some(dir) = common::fnc1_dir() else {
        return;
    };
    let mut ascii_texts = 0;
    for rec in csv::Reader::from_path(dir.join("train_bodies.csv")).unwrap().records() {
        let rec = rec.unwrap();
        let body = &rec[1];
        for text in std::iter::once(body).chain(body.lines()) {
            assert_eq!(tokens::words(text, 7), tokens::uax29_words(text, 7), "{text:?}");
            ascii_texts += usize::from(text.is_ascii());
            let expected: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
            assert_eq!(segment::sentence_pieces(text), expected, "{text:?}");
        }
    }
    assert!(ascii_texts > 10_000, "only {ascii_texts} ASCII texts checked");
}
