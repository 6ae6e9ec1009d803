//! Inputs the fuzz targets (crates/factdiff-fuzz) found to break an invariant, reduced to what
//! triggers the bug, each with the behaviour that was fixed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdiff_core::{compare, extract_claims, CompareOptions, Config, Document};

/// Words that `f64::from_str` reads as numbers ("inf" in "the inf rastructure sector", "NaN",
/// "Infinity") and digit runs that overflow became quantities of infinite or NaN value, which JSON
/// writes as null, so a JSON report did not parse back.
#[test]
fn number_like_words_and_huge_digit_runs_are_not_infinite_quantities() {
    let huge = "9".repeat(400);
    let text = format!("Officials said inf boats, NaN people and Infinity homes were lost, and {huge} more.");
    let claims = extract_claims(&Document::new("a", text), &Config::default()).unwrap();
    let quantities: Vec<_> = claims.iter().flat_map(|c| &c.quantities).collect();
    assert!(quantities.iter().all(|q| q.value.is_finite()), "{quantities:?}");
    assert!(
        !quantities.iter().any(|q| q.text.starts_with(['i', 'I', 'N'])),
        "{quantities:?}"
    );

    let docs = vec![
        Document::new("a", "Japan invested in the inf sector, officials said."),
        Document::new("b", "Japan invested 5 billion in the sector, officials said."),
    ];
    let report = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
    let json = serde_json::to_string(&report).unwrap();
    let back: factdiff_core::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back.claims.len(), report.claims.len());
}
