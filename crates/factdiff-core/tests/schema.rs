//! docs/report.schema.json is generated from the Report types; this test fails when they drift.
//! Regenerate with: `FACTDIFF_UPDATE_SCHEMA=1 cargo test -p factdiff-core --test schema`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[test]
fn schema_file_matches_the_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/report.schema.json");
    let generated = factdiff_core::schema::report_schema_json();
    if std::env::var_os("FACTDIFF_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(on_disk == generated, "docs/report.schema.json is out of date: run FACTDIFF_UPDATE_SCHEMA=1 cargo test -p factdiff-core --test schema");
}
