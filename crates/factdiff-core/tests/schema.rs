//! docs/report.schema.json is generated from the Report types; this test fails when they drift.
//! Regenerate with: `FACTDIFF_UPDATE_SCHEMA=1 cargo test -p factdiff-core --test schema`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[test]
fn schema_file_matches_the_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/report.schema.json");
    let generated = factdiff_core::report_schema_json();
    if std::env::var_os("FACTDIFF_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(on_disk == generated, "docs/report.schema.json is out of date: run FACTDIFF_UPDATE_SCHEMA=1 cargo test -p factdiff-core --test schema");
}

/// Each claim's status is in the schema with every value, and the source table counts claims by
/// it (the HTML colours claims by the same field, so the two cannot disagree).
#[test]
fn claim_status_is_in_the_schema_and_the_source_table_counts_it() {
    use factdiff_core::{compare, ingest, ClaimStatus, CompareOptions, Config};
    let schema: serde_json::Value = serde_json::from_str(&factdiff_core::report_schema_json()).unwrap();
    let names: Vec<&str> = ClaimStatus::ALL.iter().map(|s| s.as_str()).collect();
    // Each value is documented, so the schema lists them as `oneOf` constants with descriptions.
    let in_schema: Vec<&str> = schema["$defs"]["ClaimStatus"]["oneOf"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v["const"].as_str())
        .collect();
    assert_eq!(in_schema, names);
    assert!(schema["$defs"]["Claim"]["properties"]["status"].is_object());
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let docs = ingest::load(&[examples], &ingest::LoadOptions::default()).unwrap().docs;
    let report = compare(&docs, &Config::default(), &CompareOptions::default()).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for s in &report.sources {
        let count = |status| {
            report
                .claims
                .iter()
                .filter(|c| *c.doc == *s.doc && c.status == status)
                .count()
        };
        assert_eq!(s.corroborated, count(ClaimStatus::Corroborated), "{}", s.doc);
        assert_eq!(s.contradicted, count(ClaimStatus::Contradicted), "{}", s.doc);
        assert_eq!(s.unsupported, count(ClaimStatus::Unsupported), "{}", s.doc);
        assert_eq!(s.repeated, count(ClaimStatus::Repeated), "{}", s.doc);
        seen.extend(report.claims.iter().filter(|c| *c.doc == *s.doc).map(|c| c.status));
    }
    // The bundled example has contradicted, unsupported and corroborated claims.
    for status in [
        ClaimStatus::Contradicted,
        ClaimStatus::Unsupported,
        ClaimStatus::Corroborated,
    ] {
        assert!(seen.contains(&status), "no {status:?} claim in the example");
    }
}
