//! CSV: one row per finding × evidence (a finding without evidence gets one row with empty
//! evidence cells); the cues inside a piece of evidence are listed in its `cues` cell, and each row
//! carries the finding's fact and the value the evidence's source gives it. Cells that a
//! spreadsheet would run as a formula are prefixed with `'`; control characters other than tab
//! and line breaks (NUL, ESC, BEL, DEL, C1) and bidirectional embedding, override and isolate
//! characters become U+FFFD, so a cell can neither drive a terminal that shows the file nor
//! reorder what a spreadsheet displays.

use factdiff_core::Report;

const HEADER: [&str; 12] = [
    "finding_id",
    "kind",
    "severity",
    "explanation",
    "doc",
    "start_byte",
    "end_byte",
    "evidence",
    "note",
    "cues",
    "fact",
    "value",
];

pub(crate) fn render(report: &Report) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut rows: Vec<[String; 12]> = Vec::new();
    for f in &report.findings {
        let head = [
            f.id.clone(),
            f.kind.as_str().into(),
            f.severity.as_str().into(),
            f.explanation.clone(),
        ];
        let fact = f.fact.clone().unwrap_or_default();
        // The value the evidence's source gives the fact (several when it gives more than one).
        let value_of = |doc: &str| -> String {
            let mut values: Vec<&str> = f
                .sources
                .iter()
                .filter(|s| s.doc == doc)
                .map(|s| s.value.as_str())
                .collect();
            values.dedup();
            values.join("; ")
        };
        if f.evidence.is_empty() {
            let [a, b, c, d] = head.clone();
            rows.push([
                a,
                b,
                c,
                d,
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                fact.clone(),
                String::new(),
            ]);
        }
        for e in &f.evidence {
            let [a, b, c, d] = head.clone();
            rows.push([
                a,
                b,
                c,
                d,
                e.doc.clone(),
                e.span.start_byte.to_string(),
                e.span.end_byte.to_string(),
                e.text.clone(),
                e.note.clone(),
                e.cues
                    .iter()
                    .map(|c| format!("{} ({})", c.text, c.note))
                    .collect::<Vec<_>>()
                    .join("; "),
                fact.clone(),
                value_of(&e.doc),
            ]);
        }
    }
    // Writing to a Vec cannot fail for I/O reasons; a failure would only lose the row.
    let _ = w.write_record(HEADER);
    for row in rows {
        let _ = w.write_record(row.iter().map(|c| defuse(c)));
    }
    let bytes = w.into_inner().unwrap_or_else(|e| e.into_inner().get_ref().clone());
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A cell starting with `=`, `+`, `-`, `@` (or a tab or carriage return, which some spreadsheets
/// skip before such a character) gets a leading `'` so it is shown as text, not evaluated. Unsafe
/// characters other than tab and line breaks (which the `csv` crate quotes) become U+FFFD.
pub(crate) fn defuse(cell: &str) -> String {
    let safe: String = cell
        .chars()
        .map(|c| {
            if crate::unsafe_char(c) && !matches!(c, '\t' | '\n' | '\r') {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    if safe.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{safe}")
    } else {
        safe
    }
}
