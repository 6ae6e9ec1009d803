//! The report as pretty-printed JSON, exactly the serde model of `factdiff_core::Report`.

use factdiff_core::Report;

pub(crate) fn render(report: &Report) -> String {
    match serde_json::to_string_pretty(report) {
        Ok(json) => json + "\n",
        // Cannot happen for this model, but a caller piping JSON should still get JSON.
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string() + "\n",
    }
}
