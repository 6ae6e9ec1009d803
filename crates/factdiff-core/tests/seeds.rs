//! End-to-end checks on the real articles in ../shared/seeds and on examples/.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdiff_core::{compare, ingest, CompareOptions, Config, Document, FindingKind, Report, StanceKind};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed documents; None (and a failure under CI) when ../shared is absent.
fn seeds() -> Option<Vec<Document>> {
    let dir = root().join("../shared/seeds");
    if !dir.is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "seed articles missing at {}",
            dir.display()
        );
        eprintln!("skipping: {} not found", dir.display());
        return None;
    }
    Some(ingest::load(&[dir], &ingest::LoadOptions::default()).unwrap().docs)
}

fn seeds_report() -> Option<Report> {
    seeds().map(|docs| compare(&docs, &Config::default(), &CompareOptions::default()).unwrap())
}

fn examples_report() -> Report {
    let docs = ingest::load(&[root().join("examples")], &ingest::LoadOptions::default())
        .unwrap()
        .docs;
    compare(&docs, &Config::default(), &CompareOptions::default()).unwrap()
}

#[test]
fn japan_backing_india_vs_urging_both_sides_is_reported() {
    let Some(r) = seeds_report() else { return };
    let f = r
        .findings
        .iter()
        .find(|f| {
            matches!(f.kind, FindingKind::Contradiction | FindingKind::Overstatement)
                && f.docs.iter().any(|d| d.starts_with("000_"))
                && f.docs.iter().any(|d| d.starts_with("002_"))
        })
        .expect("a finding between seed 000 and seed 002");
    let e000 = f.evidence.iter().find(|e| e.doc.starts_with("000_")).unwrap();
    let e002 = f.evidence.iter().find(|e| e.doc.starts_with("002_")).unwrap();
    assert!(
        e000.text
            .contains("Japan openly supported India's stance against Pakistan"),
        "{}",
        e000.text
    );
    assert!(
        e002.text.contains("both India and Pakistan to engage in dialogue"),
        "{}",
        e002.text
    );
    assert!(
        f.explanation.contains("Japan backs India against Pakistan"),
        "{}",
        f.explanation
    );
    assert!(f.explanation.contains("Iwaya Takeshi"), "{}", f.explanation);
    let c002 = r.claim(e002.claim.as_deref().unwrap()).unwrap();
    assert!(c002
        .stances
        .iter()
        .any(|s| s.actor == "Japan" && s.kind == StanceKind::BothSides));
}

#[test]
fn no_boilerplate_becomes_a_claim() {
    let Some(r) = seeds_report() else { return };
    for bad in [
        "Photo:",
        "Pexels",
        "Advertisment",
        "Exit mobile version",
        "Site icon",
        "You may also like",
        "Jennifer Aniston",
    ] {
        assert!(
            r.claims.iter().all(|c| !c.text.contains(bad)),
            "{bad} appears in a claim"
        );
    }
    let glued = r
        .claims
        .iter()
        .find(|c| c.text.starts_with("This move by Japan is not merely"))
        .unwrap();
    assert!(r
        .document(&glued.doc)
        .unwrap()
        .removed
        .iter()
        .any(|x| x.text == "Photo: Werner Pfennig / Pexels"));
}

#[test]
fn seed_003_repetition_is_reported_and_never_corroborates() {
    let Some(r) = seeds_report() else { return };
    let doc = r.documents.iter().find(|d| d.id.starts_with("003_")).unwrap();
    let rep = r
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::Repetition && f.docs == [doc.id.clone()])
        .unwrap();
    assert!(rep.explanation.contains("8 paragraph"), "{}", rep.explanation);
    // The repeated copies are not claims, so nothing in the second half aligns with anything.
    let copy_start = doc.text.rfind("With Pakistan on Saturday testing").unwrap();
    assert!(r
        .claims
        .iter()
        .filter(|c| *c.doc == *doc.id)
        .all(|c| c.span.start_byte < copy_start));
    for k in &r.clusters {
        for a in &k.alignments {
            assert_ne!(
                a.a.split('#').next(),
                a.b.split('#').next(),
                "a source corroborates itself"
            );
        }
    }
}

#[test]
fn office_holders_of_different_years_do_not_contradict() {
    let Some(r) = seeds_report() else { return };
    // No two sources on different sides of a contradiction name different office holders.
    let names = ["Kamikawa", "Kihara", "Iwaya", "Nakatani"];
    for f in r.findings.iter().filter(|f| f.kind == FindingKind::Contradiction) {
        let named = |s: &factdiff_core::SourceValue| -> Vec<&str> {
            let text: String = f
                .evidence
                .iter()
                .filter(|e| e.doc == s.doc && e.claim.as_ref().is_some_and(|c| s.claims.contains(c)))
                .map(|e| e.text.as_str())
                .collect();
            names.iter().copied().filter(|n| text.contains(n)).collect()
        };
        for x in &f.sources {
            for y in f.sources.iter().filter(|y| y.group != x.group) {
                let (nx, ny) = (named(x), named(y));
                assert!(
                    !nx.iter().any(|a| ny.iter().any(|b| a != b)),
                    "contradiction between office holders: {}",
                    f.explanation
                );
            }
        }
    }
}

fn assert_spans_slice_back(r: &Report) {
    for d in &r.documents {
        for x in &d.removed {
            assert_eq!(&d.text[x.span.start_byte..x.span.end_byte], x.text);
        }
    }
    for c in &r.claims {
        let d = r.document(&c.doc).unwrap();
        assert_eq!(&d.text[c.span.start_byte..c.span.end_byte], c.text);
        for e in &c.entities {
            assert_eq!(&d.text[e.span.start_byte..e.span.end_byte], e.text);
        }
        for q in &c.quantities {
            assert_eq!(&d.text[q.span.start_byte..q.span.end_byte], q.text);
        }
    }
    for f in &r.findings {
        assert!(!f.evidence.is_empty(), "finding without evidence: {}", f.explanation);
        for e in &f.evidence {
            let d = r.document(&e.doc).unwrap();
            assert_eq!(
                d.text.get(e.span.start_byte..e.span.end_byte),
                Some(e.text.as_str()),
                "{}",
                f.explanation
            );
        }
    }
}

#[test]
fn every_evidence_span_slices_back_to_its_text() {
    if let Some(r) = seeds_report() {
        assert_spans_slice_back(&r);
    }
    assert_spans_slice_back(&examples_report());
}

#[test]
fn the_bundled_example_triggers_every_finding_kind() {
    let r = examples_report();
    for kind in FindingKind::ALL {
        assert!(r.count(kind) >= 1, "no {kind} finding on examples/");
    }
    let num = r
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::NumericConflict)
        .unwrap();
    // One finding for the fact, each source with its number, the two numbers on different sides.
    let value = |v: &str| num.sources.iter().find(|s| s.value == v).unwrap();
    assert_ne!(value("2,400").group, value("1,200").group, "{}", num.explanation);
    assert!(num.opposes(&value("2,400").doc, &value("1,200").doc));
    assert!(
        num.explanation.contains("2,400 (river_times)") && num.explanation.contains("1,200 (valley_courier)"),
        "{}",
        num.explanation
    );
    let date = r.findings.iter().find(|f| f.kind == FindingKind::DateConflict).unwrap();
    assert!(date.reasons[0].contains("2026-03-04") && date.reasons[0].contains("2026-03-03"));
    assert!(r
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::Unsupported && f.evidence[0].text.contains("reckless act of sabotage")));
}

#[test]
fn output_is_deterministic() {
    let a = serde_json::to_string(&examples_report()).unwrap();
    let b = serde_json::to_string(&examples_report()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_shared_stock_phrase_is_not_a_misattributed_quote() {
    let Some(r) = seeds_report() else { return };
    let flagged = r.findings.iter().any(|f| {
        f.explanation.starts_with("The same quote")
            && f.evidence.iter().any(|e| e.text.contains("terrorism in all its forms"))
    });
    assert!(
        !flagged,
        "the seeds' \"terrorism in all its forms\" is flagged as one quote given to two people"
    );
}
