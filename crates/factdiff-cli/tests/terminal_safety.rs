//! What factdiff echoes of its input (file names, document ids, JSONL fields, document text) cannot
//! drive a terminal or a spreadsheet: control characters (ESC, BEL, NUL, C1) and bidirectional
//! embedding, override and isolate characters never reach stderr or a CSV cell raw. Usage errors
//! are one line, like every other error.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{run, stderr, stdout, TempDir};

/// An OSC 8 hyperlink around "CLICK", a bell, a clear-screen and a right-to-left override.
const HOSTILE: &str = "x\u{1b}]8;;evil\u{7}CLICK\u{1b}]8;;\u{7}\u{1b}[2J\u{202e}txt";

/// No character that could drive a terminal or reorder a line: only `\n` among the controls.
fn assert_inert(out: &str) {
    for c in out.chars() {
        assert!(
            c == '\n' || !(c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "{c:?} in {out:?}"
        );
    }
}

#[test]
fn file_names_and_ids_on_stderr_are_neutralised() {
    let dir = TempDir::new("stderr-names");
    // A missing file.
    let missing = dir.0.join(format!("{HOSTILE}.txt"));
    let o = run(&["report", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("no such file or directory"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_inert(&err);
    // A duplicate id, from two directories.
    let a = dir.file(&format!("a/{HOSTILE}.txt"), "Officials said 12 people died.");
    let b = dir.file(&format!("b/{HOSTILE}.txt"), "Officials said 13 people died.");
    let o = run(&["report", &a, &b]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("duplicate document id 'x\u{fffd}]8;;evil\u{fffd}CLICK"),
        "{err}"
    );
    assert_inert(&err);
    // A duplicate JSONL id, and a skipped line's warning naming the file and the JSON error.
    let feed = dir.file(
        &format!("{HOSTILE}.jsonl"),
        format!(
            "{{\"id\":\"{0}\",\"text\":\"Officials said 12 people died.\"}}\n{{\"id\":\"{0}\",\"text\":\"Officials said 13 people died.\"}}\n",
            "\\u001b]0;owned\\u0007\\u202e"
        ),
    );
    let o = run(&["report", &feed]);
    assert_eq!(o.status.code(), Some(2));
    assert_inert(&stderr(&o));
    let bad = dir.file(
        &format!("c/{HOSTILE}.jsonl"),
        "{\"text\":\"Officials said 12 people died.\"}\n{\"text\u{1b}[2J\n",
    );
    let o = run(&["report", &bad, "--skip-bad-lines", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.starts_with("factdiff: warning: ") && err.contains("skipped bad line 2"),
        "{err}"
    );
    assert_inert(&err);
}

#[test]
fn document_text_and_ids_in_the_text_report_are_neutralised() {
    let dir = TempDir::new("stdout-text");
    let a = dir.file(
        &format!("{HOSTILE}.txt"),
        "Officials said \u{1b}[2J 12 people died \u{7} on Monday.",
    );
    let b = dir.file("b.txt", "Officials said 13 people died on Monday.");
    let o = run(&["report", &a, &b, "--color", "never"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("numeric_conflict"), "{}", stdout(&o));
    assert_inert(&stdout(&o));
}

#[test]
fn csv_cells_carry_no_control_or_bidi_characters_and_no_formulas() {
    let dir = TempDir::new("csv");
    let feed = dir.file(
        "feed.jsonl",
        concat!(
            "{\"id\":\"=cmd|' /C calc'!A0\",\"text\":\"Officials said \\u001b[2J 12 people \\u202e died \\u0007 in ",
            "\\u009b town \\u0000 on Monday.\"}\n",
            "{\"id\":\"b\\u2066\",\"text\":\"Officials said 13 people died in town on Monday.\"}\n",
        ),
    );
    let o = run(&["report", &feed, "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_inert(&out);
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert!(!records.is_empty(), "{out}");
    let evidence: Vec<&str> = records.iter().map(|r| &r[7]).collect();
    assert!(
        evidence.contains(
            &"Officials said \u{fffd}[2J 12 people \u{fffd} died \u{fffd} in \u{fffd} town \u{fffd} on Monday."
        ),
        "{evidence:?}"
    );
    // The formula guard still holds.
    assert!(records.iter().all(|r| !r[4].starts_with('=')), "{out}");
    assert!(records.iter().any(|r| &r[4] == "'=cmd|' /C calc'!A0"), "{out}");
}

#[test]
fn usage_errors_are_one_line_naming_the_help_to_read() {
    let hostile_flag = format!("--{HOSTILE}");
    for (args, needles) in [
        (
            &["report", "--bogus"][..],
            &["unexpected argument '--bogus' found", "see 'factdiff report --help'"][..],
        ),
        (
            &["report", "a.txt", "--formt", "json"],
            &[
                "unexpected argument '--formt'",
                "(tip: a similar argument exists: '--format')",
            ],
        ),
        (
            &["check", "claim"],
            &[
                "required arguments were not provided",
                "<SOURCES>",
                "see 'factdiff check --help'",
            ],
        ),
        (
            &["report", "a.txt", "--format", "pdf"],
            &[
                "invalid value 'pdf' for '--format <FORMAT>'",
                "[possible values: text, md, json, csv, html]; see 'factdiff report --help'",
            ],
        ),
        (
            &["frobnicate"],
            &["unrecognized subcommand 'frobnicate'", "see 'factdiff --help'"],
        ),
        (&[hostile_flag.as_str()], &["unexpected argument"]),
    ] {
        let o = run(args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("factdiff: error: "), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert_inert(&err);
        assert!(!err.contains("For more information"), "{args:?}: {err}");
        for needle in needles {
            assert!(err.contains(needle), "{args:?}: {needle:?} not in {err}");
        }
    }
    // Help and version are still clap's own, on stdout, exit code 0.
    let o = run(&["report", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Usage: factdiff report"));
}
