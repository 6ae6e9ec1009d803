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
fn clusters_list_their_claims_with_a_spanning_set_of_alignments_not_every_pair() {
    let outlets = 12;
    let texts: Vec<(String, String)> = (0..outlets)
        .map(|k| {
            let said = ["officials said", "the mayor said", "police said"][k % 3];
            (
                format!("outlet{k}"),
                format!("Floods in Hengal killed 52 people on Tuesday, {said}.\n"),
            )
        })
        .collect();
    let docs: Vec<Document> = texts
        .iter()
        .map(|(id, t)| Document::new(id.as_str(), t.as_str()))
        .collect();
    let spanned = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
    let all = CompareOptions {
        all_alignments: true,
        ..CompareOptions::default()
    };
    let every = compare(&docs, &Config::default(), &all).unwrap();
    assert_eq!(spanned.clusters.len(), 1, "{:#?}", spanned.clusters);
    let (k, every_k) = (&spanned.clusters[0], &every.clusters[0]);
    assert_eq!(k.claims.len(), outlets);
    // One alignment fewer than the claims (a tree), each claim in at least one of them ...
    assert_eq!(k.alignments.len(), outlets - 1);
    for id in &k.claims {
        assert!(k.alignments.iter().any(|al| *al.a == **id || *al.b == **id), "{id}");
    }
    // ... each the strongest pair of one of its claims, every pair counted in the tallies.
    assert!(every_k.alignments.len() > 2 * outlets, "{}", every_k.alignments.len());
    for al in &k.alignments {
        let strongest = |id: &str| {
            every_k
                .alignments
                .iter()
                .filter(|x| &*x.a == id || &*x.b == id)
                .map(|x| x.score)
                .fold(0.0, f64::max)
        };
        assert!(al.score >= strongest(&al.a).min(strongest(&al.b)), "{al:?}");
    }
    let pairs: usize = k.tallies.iter().map(|t| t.pairs).sum();
    assert_eq!(pairs, 2 * every_k.alignments.len());
    assert_eq!(k.tallies, every_k.tallies);
    // Everything but the listed pairs is the same either way.
    assert_eq!((&spanned.findings, &spanned.claims), (&every.findings, &every.claims));
    assert_eq!(k.positions, every_k.positions);
    assert_eq!(
        (spanned.consistency, &spanned.agreement),
        (every.consistency, &every.agreement)
    );
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
