//! The report formats on the bundled examples, the exit-code flags and the `align`, `check` and
//! `completions` subcommands, run through the binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{stdout, TempDir};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn examples() -> String {
    root().join("examples").display().to_string()
}

/// The seed articles (`../shared/seeds` next to the repository), or `None` when absent.
fn seeds() -> Option<Vec<String>> {
    let dir = root().join("../shared/seeds");
    let mut paths: Vec<String> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    paths.sort();
    if paths.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "seed articles missing under CI: {}",
            dir.display()
        );
        return None;
    }
    Some(paths)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .args(args)
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    stdout(&o)
}

fn temp_dir(name: &str, files: &[(&str, &str)]) -> TempDir {
    let dir = std::env::temp_dir().join(format!("factdiff-formats-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in files {
        std::fs::write(dir.join(file), text).unwrap();
    }
    TempDir(dir)
}

const CONSISTENT_A: &str =
    "Officials in Valdoria evacuated 1,200 people from villages along the Marin river on Tuesday.\n\
The river authority said the water level fell by 2 metres on Thursday.\n";
const CONSISTENT_B: &str =
    "On Tuesday, officials in Valdoria evacuated 1,200 people from villages along the Marin river.\n\
The water level fell by 2 metres on Thursday, the river authority said.\n";

#[test]
fn text_report_on_examples() {
    let out = ok(&["report", &examples(), "--color", "never"]);
    assert!(out.starts_with("factdiff: 3 documents, "), "{out}");
    assert!(out.contains("\ncontradiction ("));
    assert!(out.contains("[valley_courier] \"Lorvania has unequivocally backed Valdoria against Kessaria"));
    assert!(out.contains("Agreement"));
}

#[test]
fn markdown_report_on_examples() {
    let out = ok(&["report", &examples(), "--format", "md"]);
    assert!(out.starts_with("# factdiff report\n"));
    assert!(out.contains("\n## Findings\n"));
    assert!(out.contains("\n### contradiction ("));
    assert!(out.contains("| **lowland\\_post** |"));
}

#[test]
fn json_report_on_examples() {
    let out = ok(&["report", &examples(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let docs: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(docs, ["lowland_post", "river_times", "valley_courier"]);
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"contradiction") && kinds.contains(&"date_conflict"),
        "{kinds:?}"
    );
}

#[test]
fn csv_report_on_examples() {
    let out = ok(&["report", &examples(), "--format", "csv"]);
    let json: serde_json::Value = serde_json::from_str(&ok(&["report", &examples(), "--format", "json"])).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
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
            "value"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let expected: usize = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["evidence"].as_array().unwrap().len().max(1))
        .sum();
    assert_eq!(rows.len(), expected);
    // Each evidence row slices its document at the given bytes.
    let docs = json["documents"].as_array().unwrap();
    for row in rows.iter().filter(|r| !r[4].is_empty()) {
        let text = docs.iter().find(|d| d["id"] == row[4]).unwrap()["text"]
            .as_str()
            .unwrap();
        let (s, e): (usize, usize) = (row[5].parse().unwrap(), row[6].parse().unwrap());
        assert_eq!(text.get(s..e).unwrap(), row[7].trim_start_matches('\''));
    }
    // The numeric conflict's rows carry its fact and each source's number.
    let numeric: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[1] == "numeric_conflict").collect();
    assert!(numeric.iter().any(|r| &r[11] == "2,400") && numeric.iter().any(|r| &r[11] == "1,200"));
    assert!(numeric.iter().all(|r| r[10].starts_with("people")));
}

#[test]
fn html_report_on_examples() {
    let out = ok(&["report", &examples(), "--format", "html"]);
    assert!(out.starts_with("<!DOCTYPE html>") && out.ends_with("</html>\n"));
    assert!(!out.contains("<script") && !out.contains("http://") && !out.contains("https://"));
    for part in [
        "<h1>factdiff report</h1>",
        "<p class=\"lead\">3 sources, ",
        "<h2>Findings</h2>",
        "<span class=\"kind\">contradiction</span>",
        // Each sentence once, its cues marked inside it; sources by label, the id beside it.
        "<mark>Lorvania has <b class=\"cue\" title=\"intensifier in valley_courier\">unequivocally</b> \
         <b class=\"cue\" title=\"stance cue in valley_courier\">backed</b> Valdoria against Kessaria",
        "<span class=\"doc\">Lorvania sides with Valdoria in Marin river dam dispute<span class=\"id\">valley_courier</span>",
        "<h2>Claims across sources</h2>",
        "<th class=\"src\" title=\"river_times\">Kessaria says dam release was routine maintenance</th>",
        "/3</td>",
        "<h2>Agreement between sources</h2>",
        "<table class=\"heat\">",
        "<h2>Documents</h2>",
        "<span class=\"removed\" title=\"removed: advertisement marker\">",
        "<span class=\"st st-corroborated\"",
    ] {
        assert!(out.contains(part), "missing {part:?}");
    }
    // The tags that open also close.
    for tag in [
        "table",
        "section",
        "article",
        "blockquote",
        "details",
        "mark",
        "div",
        "b",
    ] {
        let opened = out.matches(&format!("<{tag}>")).count() + out.matches(&format!("<{tag} ")).count();
        assert_eq!(opened, out.matches(&format!("</{tag}>")).count(), "<{tag}>");
    }
}

#[test]
fn html_escapes_hostile_documents() {
    let evil = "Officials said 12 people died on Monday. <script>alert(1)</script> <img src=x \"onerror=alert(2)\">\n\
                See <a href=\"javascript:alert(3)\">this</a>.\n";
    let jsonl = r#"{"id": "<evil>", "text": "Officials said 40 people died on Monday.", "url": "javascript:alert(4)", "title": "<b>\"onerror=x</b>"}
{"id": "good", "text": "Officials said 40 people died on Monday.", "url": "https://example.org/?a=1&b=2"}
"#;
    let dir = temp_dir("evil", &[("evil.txt", evil), ("more.jsonl", jsonl)]);
    let dir_s = dir.0.display().to_string();
    let out = ok(&["report", &dir_s, "--format", "html"]);
    assert!(!out.contains("<script"), "{out}");
    assert!(!out.contains("<img") && !out.contains("<a href=\"javascript") && !out.contains("\"onerror"));
    assert!(!out.contains("href=\"javascript:"));
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(out.contains("url: javascript:alert(4)"));
    assert!(out.contains("<a href=\"https://example.org/?a=1&amp;b=2\""));
    assert!(out.contains("&lt;evil&gt;"));
}

#[test]
fn fail_on_contradiction_exits_1_on_seeds_after_writing() {
    let Some(seeds) = seeds() else { return };
    let mut args = vec!["report", "--fail-on", "contradiction", "--color", "never"];
    args.extend(seeds.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("contradiction ("), "the report is still written");
    args.push("--quiet");
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty() && o.stderr.is_empty());
    // Without --fail-on the exit code stays 0.
    let mut plain = vec!["report", "--quiet"];
    plain.extend(seeds.iter().map(String::as_str));
    let o = run(&plain);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn fail_on_is_0_on_consistent_documents() {
    let dir = temp_dir("consistent", &[("a.txt", CONSISTENT_A), ("b.txt", CONSISTENT_B)]);
    let d = dir.0.display().to_string();
    let o = run(&[
        "report",
        &d,
        "--fail-on",
        "contradiction,numeric_conflict,date_conflict",
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty());
    let json = ok(&["report", &d, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["kind"] != "contradiction"));
}

#[test]
fn fail_on_values_are_checked_and_repeatable() {
    let ex = examples();
    assert_eq!(
        run(&["report", &ex, "--quiet", "--fail-on", "nonsense"]).status.code(),
        Some(2)
    );
    let o = run(&[
        "report",
        &ex,
        "--quiet",
        "--fail-on",
        "repetition",
        "--fail-on",
        "date_conflict",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        run(&["report", &ex, "--quiet", "--fail-on", "any"]).status.code(),
        Some(1)
    );
}

#[test]
fn min_severity_filters_findings_and_fail_on() {
    let ex = examples();
    let all: serde_json::Value = serde_json::from_str(&ok(&["report", &ex, "--format", "json"])).unwrap();
    let high: serde_json::Value =
        serde_json::from_str(&ok(&["report", &ex, "--format", "json", "--min-severity", "high"])).unwrap();
    let all = all["findings"].as_array().unwrap();
    let high = high["findings"].as_array().unwrap();
    assert!(high.iter().all(|f| f["severity"] == "high"));
    assert_eq!(high.len(), all.iter().filter(|f| f["severity"] == "high").count());
    assert!(high.len() < all.len());
    let low_kinds: Vec<&str> = all
        .iter()
        .filter(|f| f["severity"] != "high")
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    if let Some(kind) = low_kinds.iter().find(|k| !high.iter().any(|f| f["kind"] == **k)) {
        let o = run(&["report", &ex, "--quiet", "--min-severity", "high", "--fail-on", kind]);
        assert_eq!(o.status.code(), Some(0), "{kind} is filtered out");
    }
}

#[test]
fn quiet_still_writes_the_output_file() {
    let dir = temp_dir("quiet", &[]);
    let file = dir.0.join("r.html");
    let o = run(&[
        "report",
        &examples(),
        "--quiet",
        "--format",
        "html",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    assert!(std::fs::read_to_string(&file).unwrap().contains("<h2>Findings</h2>"));
}

#[test]
fn align_lists_pairs_with_features_and_verdict() {
    let ex = root().join("examples");
    let (a, b) = (ex.join("river_times.txt"), ex.join("valley_courier.txt"));
    let out = ok(&["align", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(out.contains("contradict (score "), "{out}");
    assert!(out.contains("  [river_times#") && out.contains("  [valley_courier#"));
    assert!(out.contains("  features: terms "));
    let json = ok(&["align", a.to_str().unwrap(), b.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let pairs = v.as_array().unwrap();
    assert!(!pairs.is_empty());
    for p in pairs {
        assert_eq!(p["a"]["doc"], "river_times");
        assert_eq!(p["b"]["doc"], "valley_courier");
        assert!(p["features"]["term_overlap"].is_number() && p["verdict"]["label"].is_string());
    }
}

#[test]
fn check_gives_each_source_its_verdict_and_an_overall_one() {
    let ex = examples();
    let json = |claim: &str| -> serde_json::Value {
        let out = ok(&["check", claim, &ex, "--format", "json"]);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
    };
    let source = |v: &serde_json::Value, doc: &str| -> (String, String) {
        let s = v["sources"].as_array().and_then(|a| a.iter().find(|s| s["doc"] == doc));
        let s = s.unwrap_or_else(|| panic!("no {doc} in {v}"));
        (
            s["verdict"].as_str().unwrap_or("").into(),
            s["value"].as_str().unwrap_or("").into(),
        )
    };
    // The source that says 3 March contradicts, the one that says 4 March supports: disputed.
    let v = json("Kessaria opened the floodgates on 4 March 2026.");
    assert_eq!(v["verdict"], "disputed", "{v}");
    assert_eq!(
        source(&v, "valley_courier"),
        ("contradicts".into(), "3 March 2026".into())
    );
    assert_eq!(source(&v, "river_times"), ("supports".into(), "4 March 2026".into()));
    // The source that says exactly 2,400 supports, the one that says 1,200 contradicts, the one
    // that says nothing of it is silent.
    let v = json("Valdorian officials evacuated 2,400 people.");
    assert_eq!(v["verdict"], "disputed", "{v}");
    assert_eq!(source(&v, "river_times"), ("supports".into(), "2,400".into()));
    assert_eq!(source(&v, "valley_courier"), ("contradicts".into(), "1,200".into()));
    assert_eq!(source(&v, "lowland_post"), ("silent".into(), String::new()));
    let river = v["sources"]
        .as_array()
        .and_then(|a| a.iter().find(|s| s["doc"] == "river_times"));
    assert!(river.is_some_and(|s| s["evidence"][0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("2,400 people"))));
    let v = json("Lorvanian Foreign Minister Ines Barro has offered to host the talks.");
    assert_eq!(v["verdict"], "supported", "{v}");
    assert_eq!(source(&v, "lowland_post").0, "supports");
    // Text: the overall verdict, then one line per source.
    let out = ok(&["check", "Valdorian officials evacuated 2,400 people.", &ex]);
    assert!(out.starts_with("disputed: "), "{out}");
    assert!(out.contains("  [valley_courier] contradicts (1,200)\n"), "{out}");
    let out = ok(&["check", "The moon is made of green cheese, astronomers said.", &ex]);
    assert!(out.starts_with("not_covered: "), "{out}");
    assert!(out.contains("  [river_times] silent\n"), "{out}");
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = ok(&["completions", shell]);
        assert!(out.contains("factdiff"), "{shell}");
        assert!(out.contains("fail-on") || out.contains("fail_on"), "{shell}");
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn help_lists_new_commands_with_examples() {
    let out = ok(&["--help"]);
    for part in ["align", "check", "completions", "--format html", "--fail-on"] {
        assert!(out.contains(part), "{part}");
    }
    for cmd in ["align", "check", "completions"] {
        assert!(ok(&[cmd, "--help"]).contains("Examples:"), "{cmd}");
    }
    let report = ok(&["report", "--help"]);
    for flag in ["--fail-on", "--min-severity", "--quiet", "csv", "html"] {
        assert!(report.contains(flag), "{flag}");
    }
}
