//! Streaming mode: `factdiff report --jsonl-in FILE --group-by FIELD --jsonl-out FILE`, run through
//! the binary. Each story's line must carry the same findings as `report --format json` on that
//! story alone.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{factdiff, run, run_with_stdin, stderr, stdout, TempDir};
use factdiff_cli::StoryLine;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Output;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("factdiff-stream-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

fn line(story: Value, id: &str, text: &str) -> String {
    json!({"story": story, "id": id, "text": text}).to_string()
}

/// The bundled examples as one story.
fn examples_story(key: Value) -> Vec<String> {
    let mut out = Vec::new();
    for name in ["river_times.txt", "valley_courier.txt"] {
        let text = std::fs::read_to_string(root().join("examples").join(name)).unwrap();
        out.push(line(key.clone(), name.trim_end_matches(".txt"), &text));
    }
    out
}

/// Up to `stories` FNC-1 stories from ../shared/data/fnc1: the bodies related to one headline
/// (at most four), `None` when the data is absent (a failure under CI).
fn fnc1_stories(stories: usize) -> Option<Vec<Vec<(String, String)>>> {
    let dir = root().join("../shared/data/fnc1");
    let (Ok(mut bodies), Ok(mut stances)) = (
        csv::Reader::from_path(dir.join("train_bodies.csv")),
        csv::Reader::from_path(dir.join("train_stances.csv")),
    ) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "FNC-1 data missing under CI: {}",
            dir.display()
        );
        return None;
    };
    let bodies: std::collections::HashMap<String, String> = bodies
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[1].to_string())
        })
        .collect();
    let mut by_headline: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for r in stances.records() {
        let r = r.unwrap();
        if &r[2] == "unrelated" {
            continue;
        }
        let body = (format!("body-{}", &r[1]), bodies[&r[1]].clone());
        match by_headline.iter().position(|(h, _)| h == &r[0]) {
            Some(i) => {
                let docs = &mut by_headline[i].1;
                if docs.len() < 4 && !docs.contains(&body) {
                    docs.push(body);
                }
            }
            None if by_headline.len() < stories => by_headline.push((r[0].to_string(), vec![body])),
            None => {}
        }
    }
    Some(by_headline.into_iter().map(|(_, docs)| docs).collect())
}

/// Story keys and their lines: examples, then FNC-1 stories (string and number keys), then a
/// story of one short document.
fn corpus() -> Vec<(Value, Vec<String>)> {
    let mut stories = vec![(json!("examples"), examples_story(json!("examples")))];
    for (i, docs) in fnc1_stories(8).unwrap_or_default().into_iter().enumerate() {
        let key = if i % 2 == 0 {
            json!(i)
        } else {
            json!(format!("fnc-{i}"))
        };
        let lines = docs.iter().map(|(id, text)| line(key.clone(), id, text)).collect();
        stories.push((key, lines));
    }
    stories.push((
        json!("single"),
        vec![line(
            json!("single"),
            "only",
            "Officials said 12 people were hurt on Monday.",
        )],
    ));
    stories
}

fn write_corpus(path: &Path, stories: &[(Value, Vec<String>)]) {
    let mut text = String::new();
    for (_, lines) in stories {
        for l in lines {
            text.push_str(l);
            text.push('\n');
        }
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn one_line_per_story_with_the_findings_of_the_story_alone() {
    let dir = temp_dir("same");
    let stories = corpus();
    let input = dir.0.join("corpus.jsonl");
    write_corpus(&input, &stories);
    let out_file = dir.0.join("findings.jsonl");
    let o = factdiff()
        .env("RAYON_NUM_THREADS", "2")
        .args(["report", "--jsonl-in"])
        .arg(&input)
        .args(["--group-by", "story", "--jsonl-out"])
        .arg(&out_file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    // Progress is for terminals only.
    assert_eq!(stderr(&o), "");
    let written = std::fs::read_to_string(&out_file).unwrap();
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(lines.len(), stories.len());

    let mut first_line = 1;
    let mut total_findings = 0;
    for ((key, story_lines), text) in stories.iter().zip(&lines) {
        let parsed: StoryLine = serde_json::from_str(text).unwrap();
        // Round trip: the typed line serialises back to the same JSON.
        assert_eq!(
            serde_json::to_value(&parsed).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
        assert_eq!(&parsed.story, key);
        let last_line = first_line + story_lines.len() - 1;
        assert_eq!(parsed.lines, [first_line, last_line]);
        first_line = last_line + 1;
        assert_eq!(parsed.documents, story_lines.len());

        // The same story on its own through the ordinary JSON report.
        let alone = dir.0.join("alone.jsonl");
        std::fs::write(&alone, story_lines.join("\n")).unwrap();
        let o = run(&["report", alone.to_str().unwrap(), "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let report: factdiff_core::Report = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(parsed.findings, report.findings, "story {key}");
        assert_eq!(parsed.sources, report.sources, "story {key}");
        assert_eq!(parsed.warnings, report.warnings, "story {key}");
        assert_eq!(parsed.summary.claims, report.claims.len());
        assert_eq!(parsed.summary.findings, report.findings.len());
        assert_eq!(parsed.summary.consistency, report.consistency);
        for (kind, n) in &parsed.summary.by_kind {
            assert_eq!(*n, report.count(*kind), "{kind} in story {key}");
        }
        assert_eq!(parsed.summary.by_kind.len(), 6);
        total_findings += parsed.findings.len();

        // Evidence spans are byte offsets into each document's text as given in the input.
        for e in parsed.findings.iter().flat_map(|f| &f.evidence) {
            let doc = story_lines
                .iter()
                .map(|l| serde_json::from_str::<Value>(l).unwrap())
                .find(|d| d["id"] == e.doc.as_str())
                .unwrap();
            let source = doc["text"].as_str().unwrap();
            assert_eq!(e.span.slice(source), e.text, "evidence of story {key}");
        }
    }
    assert!(
        total_findings > 5,
        "the corpus should produce findings, got {total_findings}"
    );
}

#[test]
fn output_order_and_content_do_not_depend_on_threads() {
    let dir = temp_dir("threads");
    // Many stories of different sizes, so later ones often finish first.
    let mut stories = Vec::new();
    for i in 0..30 {
        let key = json!(format!("s{i}"));
        let mut lines = examples_story(key.clone());
        lines.truncate(1 + i % 2);
        lines.push(line(
            key.clone(),
            "extra",
            &format!("Officials said {} people were hurt.", i + 2),
        ));
        stories.push((key, lines));
    }
    let input = dir.0.join("corpus.jsonl");
    write_corpus(&input, &stories);
    let outputs: Vec<String> = ["1", "2", "4"]
        .iter()
        .map(|threads| {
            let o = factdiff()
                .env("RAYON_NUM_THREADS", threads)
                .args(["report", "--group-by", "story", "--jsonl-in", input.to_str().unwrap()])
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            stdout(&o)
        })
        .collect();
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
    let keys: Vec<Value> = outputs[0]
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["story"].clone())
        .collect();
    let wanted: Vec<Value> = stories.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(keys, wanted);
}

#[test]
fn stdin_to_stdout_fail_on_and_min_severity() {
    let calm = line(json!(2), "calm", "The weather was mild on Monday.");
    let input = format!("{}\n{calm}", examples_story(json!(1)).join("\n"));
    let run_input = |input: &str, args: &[&str]| {
        let mut all = vec!["report", "--jsonl-in", "-", "--group-by", "story", "--jsonl-out", "-"];
        all.extend_from_slice(args);
        run_with_stdin(&all, input)
    };
    let run_stdin = |args: &[&str]| run_input(&input, args);
    let o = run_stdin(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<StoryLine> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].summary.by_kind[&factdiff_core::FindingKind::Contradiction] > 0);
    assert!(lines[1]
        .findings
        .iter()
        .all(|f| f.kind != factdiff_core::FindingKind::Contradiction));

    // Any story with a contradiction fails the run; every story is still written.
    let o = run_stdin(&["--fail-on", "contradiction"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2);
    let o = run_input(&calm, &["--fail-on", "contradiction"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);

    // --min-severity filters the findings and the counts, and --fail-on looks at what is kept.
    let o = run_stdin(&["--min-severity", "high", "--fail-on", "any"]);
    let high: Vec<StoryLine> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(high[0]
        .findings
        .iter()
        .all(|f| f.severity == factdiff_core::Severity::High));
    assert_eq!(high[0].summary.findings, high[0].findings.len());
    assert!(high[0].findings.len() < lines[0].findings.len());
    assert_eq!(o.status.code(), Some(1));

    // --quiet without a file: only the exit code.
    let o = run_stdin(&["--quiet", "--fail-on", "contradiction"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
}

/// Exit code 2 and one `factdiff: error:` line.
fn assert_error(o: &Output) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(err.starts_with("factdiff: error: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

#[test]
fn bad_input_is_an_error_naming_the_line() {
    let dir = temp_dir("errors");
    let input = dir.0.join("c.jsonl");
    let out = dir.0.join("out.jsonl");
    let stream = |lines: &[String]| {
        std::fs::write(&input, lines.join("\n")).unwrap();
        factdiff()
            .args(["report", "--group-by", "story", "--jsonl-in"])
            .arg(&input)
            .arg("--jsonl-out")
            .arg(&out)
            .output()
            .unwrap()
    };
    let a = |id: &str| line(json!("a"), id, "Officials said 12 people were hurt.");
    let b = |id: &str| line(json!("b"), id, "Officials said 14 people were hurt.");

    let err = assert_error(&stream(&[a("1"), r#"{"id":"2","text":"no story"}"#.into()]));
    assert!(err.contains("c.jsonl: line 2: missing \"story\" field"), "{err}");

    // A story that comes back after another one: both places named; the stories that ended
    // before the bad line are complete in the output.
    let err = assert_error(&stream(&[a("1"), a("2"), b("3"), a("4"), b("5")]));
    assert!(
        err.contains("c.jsonl: line 4: story \"a\" appears again after its lines 1-2"),
        "{err}"
    );
    let written: Vec<StoryLine> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let keys: Vec<&Value> = written.iter().map(|l| &l.story).collect();
    assert_eq!(keys, [&json!("a"), &json!("b")]);
    assert_eq!((written[0].lines, written[1].lines), ([1, 2], [3, 3]));

    let err = assert_error(&stream(&[a("1"), a("1")]));
    assert!(
        err.contains("story \"a\" (lines 1-2): duplicate document id '1'"),
        "{err}"
    );

    let err = assert_error(&stream(&[]));
    assert!(err.contains("no documents found"), "{err}");

    let o = run(&["report", "--jsonl-in", "missing.jsonl", "--group-by", "story"]);
    assert!(assert_error(&o).contains("missing.jsonl: no such file"));

    // Streaming options do not mix with the ordinary report's.
    let examples = root().join("examples");
    let o = run(&["report", examples.to_str().unwrap(), "--group-by", "story"]);
    assert!(assert_error(&o).contains("--jsonl-in"));
    let o = run(&["report", "--jsonl-in", "x.jsonl", "--group-by", "s", "--format", "md"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["report", "--jsonl-in", "x.jsonl"]);
    assert_eq!(o.status.code(), Some(2));
}
