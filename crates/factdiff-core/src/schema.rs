//! The JSON Schema of [`Report`](crate::Report), generated from the types.
/// The schema as pretty JSON (what docs/report.schema.json holds).
pub fn report_schema_json() -> String {
    let schema = schemars::schema_for!(crate::Report);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
