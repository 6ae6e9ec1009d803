//! Hostile and odd inputs through the `factdiff` binary. Each case has one asserted outcome:
//! processed (exit 0 and the expected report), or refused (exit 2 and one `factdiff: error:` line
//! naming the file). docs/reliability.md lists them in a table.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{factdiff, run, stderr, stdout, TempDir};
use std::io::Write;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

/// Exit code 2 and a single `factdiff: error:` line containing each of `needles`, never a panic.
fn assert_refused(o: &Output, needles: &[&str]) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(err.starts_with("factdiff: error: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    for needle in needles {
        assert!(err.contains(needle), "{needle:?} not in {err}");
    }
    err
}

/// Exit code 0 and the JSON report.
fn json_report(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let o = run(&all);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

/// The ids of the report's documents, in order.
fn doc_ids(report: &serde_json::Value) -> Vec<&str> {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect()
}

/// Every claim's text is the slice of its document's text at its byte span.
fn assert_claims_slice_back(report: &serde_json::Value) {
    for claim in report["claims"].as_array().unwrap() {
        let doc = report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == claim["doc"])
            .unwrap();
        let text = doc["text"].as_str().unwrap();
        let (start, end) = (
            claim["start_byte"].as_u64().unwrap() as usize,
            claim["end_byte"].as_u64().unwrap() as usize,
        );
        assert_eq!(text.get(start..end), claim["text"].as_str(), "{claim}");
    }
}

fn claim_texts(report: &serde_json::Value) -> Vec<String> {
    report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_string())
        .collect()
}

fn warnings(report: &serde_json::Value) -> Vec<String> {
    report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect()
}

const SENTENCE: &str = "Valdoria opened the floodgates of the dam on Monday, officials said.\n";

#[test]
fn empty_file_is_refused_naming_it() {
    let dir = TempDir::new("empty");
    let empty = dir.file("empty.txt", "");
    assert_refused(&run(&["report", &empty]), &["empty", "'empty'"]);
}

#[test]
fn whitespace_only_file_is_refused_naming_it() {
    let dir = TempDir::new("whitespace");
    let blank = dir.file("blank.txt", " \n\t\r\n  \u{a0}\n");
    assert_refused(&run(&["report", &blank]), &["only whitespace", "'blank'"]);
}

#[test]
fn an_empty_file_beside_a_real_one_is_processed_with_a_warning() {
    let dir = TempDir::new("empty-beside");
    let empty = dir.file("empty.txt", "");
    let real = dir.file("real.txt", SENTENCE);
    let r = json_report(&["report", &empty, &real]);
    assert_eq!(r["documents"].as_array().unwrap().len(), 2);
    assert!(
        warnings(&r).iter().any(|w| w.starts_with("empty: no claims found")),
        "{r}"
    );
}

#[test]
fn one_document_is_processed() {
    let dir = TempDir::new("one");
    let one = dir.file("one.txt", SENTENCE);
    let o = run(&["report", &one]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("factdiff: 1 document, 1 claim, 0 findings"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn ten_thousand_small_documents_are_processed() {
    let dir = TempDir::new("many");
    let lines: String = (0..10_000)
        .map(|i| format!("{{\"id\":\"n{i}\",\"text\":\"Officials counted {i} boats on the river on Monday.\"}}\n"))
        .collect();
    let feed = dir.file("feed.jsonl", lines);
    let r = json_report(&["report", &feed]);
    assert_eq!(r["documents"].as_array().unwrap().len(), 10_000);
    assert_eq!(r["claims"].as_array().unwrap().len(), 10_000);
    assert!(warnings(&r).iter().any(|w| w.contains("agreement matrix left out")));
    // The claims differ only in their number: every word is in all 10,000, too common to tell
    // which claims are about the same fact, and the report says they were not compared.
    assert!(
        warnings(&r)
            .iter()
            .any(|w| w.starts_with("not compared with any other claim: 10000 claims")),
        "{:?}",
        warnings(&r)
    );
}

#[test]
fn a_100_mb_file_is_refused_from_its_size_before_reading() {
    let dir = TempDir::new("huge");
    let path = dir.0.join("huge.txt");
    // Sparse: 100 MB on paper, no disk written. Reading it would be slow; the size check is not.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let start = Instant::now();
    let o = run(&["report", path.to_str().unwrap()]);
    assert_refused(&o, &["huge.txt", "104857600 bytes", "limit of 52428800"]);
    // Generous: reading and scanning 100 MB in a debug build takes far longer than this.
    assert!(start.elapsed() < Duration::from_secs(20), "{:?}", start.elapsed());
}

#[test]
fn max_bytes_is_the_limit_for_files() {
    let dir = TempDir::new("max-bytes");
    let small = dir.file("small.txt", SENTENCE);
    let size = SENTENCE.len().to_string();
    let under = (SENTENCE.len() - 1).to_string();
    assert_refused(
        &run(&["report", &small, "--max-bytes", &under]),
        &["small.txt", "over the limit", "(raise it with --max-bytes)"],
    );
    assert_eq!(run(&["report", &small, "--max-bytes", &size]).status.code(), Some(0));
}

#[test]
fn endless_stdin_is_cut_at_the_limit() {
    let mut child = factdiff()
        .args(["report", "-", "--max-bytes", "1000000"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Writes until factdiff stops reading and closes the pipe: it must not wait for the end.
    let writer = std::thread::spawn(move || {
        let chunk = SENTENCE.repeat(1_000);
        let mut written = 0usize;
        while stdin.write_all(chunk.as_bytes()).is_ok() {
            written += chunk.len();
            if written > 200_000_000 {
                break;
            }
        }
        written
    });
    let o = child.wait_with_output().unwrap();
    let written = writer.join().unwrap();
    assert_refused(&o, &["stdin", "over the limit of 1000000 bytes"]);
    assert!(written < 200_000_000, "factdiff read {written} bytes");
}

#[test]
fn one_megabyte_line_without_punctuation_is_processed() {
    let dir = TempDir::new("long-line");
    let words = [
        "river",
        "dam",
        "officials",
        "counted",
        "boats",
        "water",
        "talks",
        "Valdoria",
        "26",
    ];
    let mut line = String::new();
    let mut i = 0usize;
    while line.len() < 1_000_000 {
        line.push_str(words[i % words.len()]);
        line.push(' ');
        i = i.wrapping_mul(7).wrapping_add(3);
    }
    let path = dir.file("line.txt", line.trim_end());
    let r = json_report(&["report", &path]);
    let claims = r["claims"].as_array().unwrap();
    assert!(claims.len() >= 400, "{} claims", claims.len());
    assert!(claims
        .iter()
        .all(|c| c["end_byte"].as_u64().unwrap() - c["start_byte"].as_u64().unwrap() <= 2_000));
    assert_claims_slice_back(&r);
}

#[test]
fn invalid_utf8_is_refused_with_file_and_offset() {
    let dir = TempDir::new("utf8");
    let path = dir.file("latin1.txt", b"Valdoria opened the dam in M\xfcnchen.\n");
    assert_refused(&run(&["report", &path]), &["latin1.txt", "byte 28", "UTF-8"]);
}

#[test]
fn utf16_is_refused_naming_the_encoding() {
    let dir = TempDir::new("utf16");
    let with_bom: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(SENTENCE.bytes().flat_map(|b| [b, 0]))
        .collect();
    let path = dir.file("bom.txt", with_bom);
    let err = assert_refused(
        &run(&["report", &path]),
        &["bom.txt", "it is UTF-16LE text", "iconv -f UTF-16LE -t UTF-8"],
    );
    assert!(!err.contains("byte 0"), "{err}");
    let without_bom: Vec<u8> = SENTENCE.bytes().flat_map(|b| [0, b]).collect();
    let path = dir.file("nobom.txt", without_bom);
    assert_refused(&run(&["report", &path]), &["nobom.txt", "it is UTF-16BE text"]);
}

#[test]
fn jsonl_lone_surrogate_is_refused_saying_what_is_wrong() {
    let dir = TempDir::new("surrogate");
    let path = dir.file("feed.jsonl", "{\"text\":\"Officials said \\ud800 12 people died.\"}\n");
    assert_refused(
        &run(&["report", &path]),
        &["feed.jsonl: line 1", "column 25", "half of a UTF-16 surrogate pair"],
    );
}

#[test]
fn nul_bytes_are_refused_as_binary() {
    let dir = TempDir::new("nul");
    let path = dir.file("nul.txt", b"Valdoria opened\0 the dam.\n");
    assert_refused(&run(&["report", &path]), &["nul.txt", "binary"]);
}

#[test]
fn binary_files_are_refused() {
    let dir = TempDir::new("binary");
    for (name, bytes) in [
        ("image.png", &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..]),
        ("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        ("archive.txt", b"\x1f\x8b\x08\0\0\0\0\0"),
        ("program.md", b"\x7fELF\x02\x01\x01"),
    ] {
        let path = dir.file(name, bytes);
        assert_refused(&run(&["report", &path]), &[name]);
    }
}

#[test]
fn mixed_line_endings_split_lines_and_keep_offsets() {
    let dir = TempDir::new("line-endings");
    let text = "Valdoria opened the dam on Monday, officials said.\r\nKessaria closed the river crossing on Tuesday.\rOfficials counted 26 boats on the water on Friday.\nThe minister said the talks would continue next week.";
    let path = dir.file("mixed.txt", text);
    let r = json_report(&["report", &path]);
    assert_eq!(r["documents"][0]["text"], text, "text is kept byte for byte");
    assert_eq!(
        claim_texts(&r),
        [
            "Valdoria opened the dam on Monday, officials said.",
            "Kessaria closed the river crossing on Tuesday.",
            "Officials counted 26 boats on the water on Friday.",
            "The minister said the talks would continue next week."
        ]
    );
    assert_claims_slice_back(&r);
}

#[test]
fn rtl_and_cjk_text_is_processed_with_the_english_warning() {
    let dir = TempDir::new("scripts");
    let ja = dir.file(
        "ja.txt",
        "東京で両国の外相が月曜日に会談した。両国は水資源について協議を続けることで合意した。\n",
    );
    let ar = dir.file(
        "ar.txt",
        "وزير الخارجية قال إن المحادثات ستستمر يوم الاثنين. وأكد أن الاتفاق سيوقع قريبا.\n",
    );
    let he = dir.file(
        "he.txt",
        "שר החוץ אמר כי השיחות יימשכו ביום שני. הוא הוסיף כי ההסכם ייחתם בקרוב.\n",
    );
    let r = json_report(&["report", &ja, &ar, &he]);
    assert_eq!(
        claim_texts(&r),
        [
            "東京で両国の外相が月曜日に会談した。",
            "両国は水資源について協議を続けることで合意した。",
            "وزير الخارجية قال إن المحادثات ستستمر يوم الاثنين.",
            "وأكد أن الاتفاق سيوقع قريبا.",
            "שר החוץ אמר כי השיחות יימשכו ביום שני.",
            "הוא הוסיף כי ההסכם ייחתם בקרוב."
        ]
    );
    assert_claims_slice_back(&r);
    let w = warnings(&r);
    for id in ["ar", "he", "ja"] {
        assert!(
            w.iter()
                .any(|x| x.starts_with(&format!("{id}: does not look like English"))),
            "{id}: {w:?}"
        );
    }
}

#[test]
fn non_english_latin_text_gets_the_warning_on_the_text_report() {
    let dir = TempDir::new("german");
    let de = dir.file("de.txt", "Die Regierung in Berlin hat am Montag neue Gespräche mit den Nachbarländern angekündigt. Die Minister wollen über Wasserrechte am Fluss sprechen, nachdem es zu Überschwemmungen gekommen war. Beobachter erwarten schwierige Verhandlungen.\n");
    let o = run(&["report", &de]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("warning: de: does not look like English"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn emoji_are_kept_inside_claims_on_char_boundaries() {
    let dir = TempDir::new("emoji");
    let text = "Officials cheered 🎉🇯🇵 after 26 boats crossed the river on Monday, the minister said 👍🏽.\nThe dam 🏞️ was opened in March, engineers said.\n";
    let path = dir.file("emoji.txt", text);
    let r = json_report(&["report", &path]);
    assert_eq!(
        claim_texts(&r),
        [
            "Officials cheered 🎉🇯🇵 after 26 boats crossed the river on Monday, the minister said 👍🏽.",
            "The dam 🏞️ was opened in March, engineers said."
        ]
    );
    assert_claims_slice_back(&r);
}

#[test]
fn deeply_nested_html_is_processed() {
    let dir = TempDir::new("nested");
    let html = format!(
        "<html><body>{}<p>Valdoria opened the floodgates on Monday, officials said.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(10)
    );
    let path = dir.file("nested.html", html);
    let start = Instant::now();
    let r = json_report(&["report", &path]);
    assert_eq!(
        claim_texts(&r),
        ["Valdoria opened the floodgates on Monday, officials said."]
    );
    // Generous bound: recursion or quadratic work over 100,000 levels would overflow or take minutes.
    assert!(start.elapsed() < Duration::from_secs(60), "{:?}", start.elapsed());
}

#[test]
fn malformed_html_is_processed_without_markup_or_scripts() {
    let dir = TempDir::new("malformed");
    let html = "<html><body><p>Kessaria closed the dam on Tuesday, the minister said.<div><span><b>unclosed <i>tags <p>Officials counted 26 boats on the river near the dam.</td></tr><script>alert('x')</script><!-- never closed <p>Hidden text here.";
    let path = dir.file("broken.html", html);
    let r = json_report(&["report", &path]);
    let text = r["documents"][0]["text"].as_str().unwrap();
    assert!(!text.contains('<') && !text.contains("alert"), "{text}");
    assert_eq!(
        claim_texts(&r),
        [
            "Kessaria closed the dam on Tuesday, the minister said.",
            "Officials counted 26 boats on the river near the dam."
        ]
    );
}

/// A feed with bad lines 3 (not JSON) and 4 (no text).
fn feed(dir: &TempDir) -> String {
    dir.file(
        "feed.jsonl",
        concat!(
            "{\"id\":\"a\",\"text\":\"Valdoria opened the dam on Monday, officials said.\"}\n",
            "{\"id\":\"b\",\"text\":\"Kessaria closed the dam on Monday.\"}\n",
            "{oops\n",
            "{\"id\":\"c\"}\n",
            "{\"id\":\"d\",\"text\":\"Officials said the dam was opened on Monday.\"}\n",
        ),
    )
}

#[test]
fn jsonl_bad_line_is_refused_with_its_number() {
    let dir = TempDir::new("jsonl-bad");
    let path = feed(&dir);
    assert_refused(&run(&["report", &path]), &["feed.jsonl", "line 3", "invalid JSON"]);
}

#[test]
fn jsonl_bad_lines_are_skipped_when_asked_with_a_warning() {
    let dir = TempDir::new("jsonl-skip");
    let path = feed(&dir);
    let o = run(&["report", &path, "--skip-bad-lines", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("factdiff: warning: ")
            && err.contains("feed.jsonl: skipped bad lines 3, 4 (line 3: invalid JSON"),
        "{err}"
    );
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc_ids(&r), ["a", "b", "d"]);
}

#[test]
fn jsonl_whitespace_only_id_is_a_bad_line_that_can_be_skipped() {
    let dir = TempDir::new("jsonl-blank-id");
    let path = dir.file(
        "feed.jsonl",
        "{\"id\":\"a\",\"text\":\"Officials said 4 died.\"}\n{\"id\":\" \\t \",\"text\":\"Officials said 3 died.\"}\n",
    );
    assert_refused(
        &run(&["report", &path]),
        &["feed.jsonl: line 2", "\"id\" is only whitespace"],
    );
    let o = run(&["report", &path, "--skip-bad-lines", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("feed.jsonl: skipped bad line 2 (line 2: \"id\" is only whitespace"),
        "{err}"
    );
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(r["documents"].as_array().unwrap().len(), 1);
}

#[cfg(unix)]
#[test]
fn broken_and_looping_symbolic_links_in_a_directory_are_refused_naming_them() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("links");
    dir.file("a.txt", SENTENCE);
    symlink(dir.0.join("gone.txt"), dir.0.join("broken.txt")).unwrap();
    assert_refused(
        &run(&["report", dir.path()]),
        &["broken.txt: cannot read: broken symbolic link to", "gone.txt"],
    );
    std::fs::remove_file(dir.0.join("broken.txt")).unwrap();
    symlink("loop2.txt", dir.0.join("loop1.txt")).unwrap();
    symlink("loop1.txt", dir.0.join("loop2.txt")).unwrap();
    assert_refused(
        &run(&["report", dir.path()]),
        &["loop", "cannot follow symbolic link to"],
    );
    std::fs::remove_file(dir.0.join("loop1.txt")).unwrap();
    std::fs::remove_file(dir.0.join("loop2.txt")).unwrap();
    // A link to a directory is followed; one back to an ancestor does not walk it twice.
    std::fs::create_dir(dir.0.join("real")).unwrap();
    dir.file("real/b.txt", "Officials said 3 people died.");
    symlink(dir.0.join("real"), dir.0.join("linked")).unwrap();
    symlink("..", dir.0.join("real/up")).unwrap();
    let r = json_report(&["report", dir.path()]);
    assert_eq!(doc_ids(&r), ["a", "b"]);
}

#[test]
fn check_with_an_empty_claim_is_refused() {
    let dir = TempDir::new("check-empty");
    let path = dir.file("a.txt", SENTENCE);
    for claim in ["", "  \n"] {
        assert_refused(&run(&["check", claim, &path]), &["the claim to check is empty"]);
    }
}

#[test]
fn other_digits_are_numbers_and_iso_dates_are_dates() {
    let o = common::run_with_stdin(
        &["claims", "-", "--format", "json"],
        "The dam opened on 2024-05-03 and １２ people and ١٢ people were hurt.",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let claims: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let claim = &claims[0];
    let dates: Vec<(&str, &str)> = claim["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["text"].as_str().unwrap(), d["value"].as_str().unwrap()))
        .collect();
    assert_eq!(dates, [("2024-05-03", "2024-05-03")]);
    let quantities: Vec<(&str, f64)> = claim["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (q["text"].as_str().unwrap(), q["value"].as_f64().unwrap()))
        .collect();
    assert_eq!(quantities, [("１２ people", 12.0), ("١٢ people", 12.0)]);
}

#[test]
fn duplicate_document_ids_are_refused() {
    let dir = TempDir::new("duplicates");
    let x = dir.file("x/story.txt", SENTENCE);
    let y = dir.file("y/story.md", SENTENCE);
    assert_refused(
        &run(&["report", &x, &y]),
        &["duplicate document id 'story'", "distinct name"],
    );
    let feed = dir.file(
        "dup.jsonl",
        "{\"id\":\"a\",\"text\":\"One thing.\"}\n{\"id\":\"a\",\"text\":\"Two.\"}\n",
    );
    assert_refused(&run(&["report", &feed]), &["duplicate document id 'a'"]);
    // A directory holding both is refused the same way.
    assert_refused(&run(&["report", dir.path()]), &["duplicate document id"]);
}
