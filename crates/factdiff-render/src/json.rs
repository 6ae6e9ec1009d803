//! The report as pretty-printed JSON, exactly the serde model of `factdiff_core::Report`.

use factdiff_core::Report;
use std::io::{self, Write};

pub(crate) fn render(report: &Report) -> String {
    match serde_json::to_string_pretty(report) {
        Ok(json) => json + "\n",
        // Cannot happen for this model, but a caller piping JSON should still get JSON.
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string() + "\n",
    }
}

/// The same bytes as [`render`], written to `out` as they are made: a large report is never
/// held as one string beside the report itself.
pub(crate) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::other)?;
    out.write_all(b"\n")
}
