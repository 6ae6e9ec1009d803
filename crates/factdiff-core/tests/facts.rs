//! One finding per fact, and what the consistency score means (docs/detectors.md).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdiff_core::{compare, CompareOptions, Config, Document, FindingKind, Report};

fn report(texts: &[(&str, &str)]) -> Report {
    let docs: Vec<Document> = texts.iter().map(|(id, t)| Document::new(*id, *t)).collect();
    compare(&docs, &Config::default(), &CompareOptions::default()).unwrap()
}

#[test]
fn a_numeric_conflict_is_one_finding_listing_every_source_with_its_number() {
    let r = report(&[
        ("a", "Floods in Hengal killed 52 people on Tuesday, officials said."),
        ("b", "Floods in Hengal killed 48 people on Tuesday, officials said."),
        ("c", "Floods in Hengal killed 52 people on Tuesday, the mayor said."),
        ("d", "Floods in Hengal killed dozens of people on Tuesday, police said."),
        ("e", "Floods in Hengal killed 52 people on Tuesday, witnesses said."),
    ]);
    let numeric: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::NumericConflict)
        .collect();
    assert_eq!(numeric.len(), 1, "{:#?}", r.findings);
    let f = numeric[0];
    assert_eq!(f.fact.as_deref(), Some("people (Hengal)"));
    let group_of = |doc: &str| f.sources.iter().find(|s| s.doc == doc).unwrap().group;
    assert_eq!(group_of("a"), group_of("c"));
    assert_eq!(group_of("a"), group_of("e"));
    assert_ne!(group_of("a"), group_of("b"));
    assert_ne!(group_of("a"), group_of("d"));
    assert!(f.opposes("b", "e") && !f.opposes("a", "c"));
    // The largest group first, its number as written.
    assert!(
        f.explanation.starts_with("people (Hengal): 52 (a, c, e)"),
        "{}",
        f.explanation
    );
    assert_eq!(f.docs.len(), 5);
}

#[test]
fn findings_grow_with_facts_not_with_pairs_of_sources() {
    let outlets = 12;
    let texts: Vec<(String, String)> = (0..outlets)
        .map(|k| {
            let toll = if k % 3 == 0 { 40 } else { 52 };
            let evacuated = if k % 4 == 0 { 900 } else { 1200 };
            (
                format!("outlet{k}"),
                format!(
                    "Floods in Hengal killed {toll} people on Tuesday, officials said.\n\n\
                     Firefighters evacuated {evacuated} residents from Dorvin on Friday, the mayor said.\n"
                ),
            )
        })
        .collect();
    let texts: Vec<(&str, &str)> = texts.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let r = report(&texts);
    let numeric = r.count(FindingKind::NumericConflict);
    // Two facts in dispute: two findings, whatever the number of outlets (one per pair of
    // outlets that disagree would be 4 × 8 + 3 × 9 = 59).
    assert_eq!(numeric, 2, "{:#?}", r.findings);
    for f in r.findings.iter().filter(|f| f.kind == FindingKind::NumericConflict) {
        assert_eq!(f.docs.len(), outlets);
    }
}

#[test]
fn a_story_where_one_source_refutes_another_is_not_fully_consistent() {
    let agreeing = report(&[
        (
            "a",
            "Troops from Valdoria crossed the border into Esk on Monday, the ministry said.",
        ),
        (
            "c",
            "Valdorian troops crossed the border into Esk on Monday, witnesses said.",
        ),
    ]);
    assert_eq!(agreeing.consistency, 1.0);
    let refuted = report(&[
        (
            "a",
            "Troops from Valdoria crossed the border into Esk on Monday, the ministry said.",
        ),
        (
            "b",
            "The ministry of Valdoria denied that its troops crossed the border into Esk on Monday.",
        ),
        (
            "c",
            "Valdorian troops crossed the border into Esk on Monday, witnesses said.",
        ),
    ]);
    assert!(refuted.consistency < 1.0, "{}", refuted.consistency);
    let b = refuted.sources.iter().find(|s| s.doc == "b").unwrap();
    assert!(b.consistency < 1.0);
    // Many undisputed shared facts beside one disputed one: still below 100% once rounded.
    let mut a_text = String::from("Troops from Valdoria crossed the border into Esk on Monday, the ministry said.\n\n");
    let mut b_text =
        String::from("The ministry of Valdoria denied that its troops crossed the border into Esk on Monday.\n\n");
    let (who, what, town) = (
        [
            "Painters",
            "Engineers",
            "Volunteers",
            "Farmers",
            "Students",
            "Nurses",
            "Teachers",
            "Miners",
            "Sailors",
            "Bakers",
        ],
        [
            "bridge", "school", "market", "library", "station", "harbour", "clinic", "museum", "tower", "stadium",
        ],
        [
            "Dorvin", "Merith", "Tovan", "Hengal", "Lorva", "Kessa", "Valdo", "Marin", "Esker", "Brann",
        ],
    );
    for (k, w) in who.iter().enumerate() {
        for (n, x) in what.iter().enumerate() {
            let line = format!(
                "{w} repaired the old {x} of {} in {} days.\n\n",
                town[(k + n) % 10],
                3 + k * 10 + n
            );
            a_text.push_str(&line);
            b_text.push_str(&line);
        }
    }
    let many = report(&[("a", &a_text), ("b", &b_text)]);
    assert!(many.consistency <= 0.99, "{}", many.consistency);
    assert!(many.consistency > 0.9, "{}", many.consistency);
}
