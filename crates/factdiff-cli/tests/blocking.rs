//! Blocking degrades gracefully: claims whose every shared word, name and number is common (in
//! more than half of the claims, or in more than 64) are still compared, within a bounded budget,
//! and the report says what the budget left out. Through the binary, on the cases that used to
//! fall off a cliff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{run, stderr, stdout, TempDir};
use serde_json::Value;

/// The JSON report of one JSONL file holding `texts`, one document each.
fn report_of(name: &str, texts: &[String]) -> Value {
    let dir = TempDir::new(name);
    let lines: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": format!("outlet{i:03}"), "text": t}).to_string())
        .collect();
    let path = dir.file("story.jsonl", lines.join("\n"));
    let o = run(&["report", &path, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

/// Per numeric conflict finding: how many outlets it lists and how many different values.
type Facts = Vec<(usize, usize)>;

/// The [`Facts`] of a report.
fn numeric_facts(r: &Value) -> Facts {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "numeric_conflict")
        .map(|f| {
            let sources = f["sources"].as_array().unwrap();
            let docs: std::collections::BTreeSet<&str> = sources.iter().map(|s| s["doc"].as_str().unwrap()).collect();
            let groups: std::collections::BTreeSet<u64> =
                sources.iter().map(|s| s["group"].as_u64().unwrap()).collect();
            (docs.len(), groups.len())
        })
        .collect()
}

#[test]
fn nine_reports_differing_in_one_number_conflict() {
    for n in [8usize, 9, 12] {
        let texts: Vec<String> = (0..n)
            .map(|i| format!("Ana Silva said {} people were hurt in Paris on Monday.", 10 + i))
            .collect();
        let r = report_of(&format!("nine-{n}"), &texts);
        // Every two reports disagree on the count: one finding for the fact, every report in it
        // with its own number.
        assert_eq!(numeric_facts(&r), vec![(n, n)], "{n} reports");
    }
}

#[test]
fn identical_headlines_corroborate_each_other() {
    let texts = vec!["Valdoria opens the Tovan Dam floodgates after talks with Kessaria fail".to_string(); 12];
    let r = report_of("headlines", &texts);
    let clusters = r["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), 1, "{clusters:#?}");
    assert_eq!(clusters[0]["docs"].as_array().unwrap().len(), 12);
    for s in r["sources"].as_array().unwrap() {
        assert_eq!(s["corroborated"], 1, "{s}");
    }
}

/// `outlets` outlets that each report the same six events in the same words, each with its own
/// counts: every word of an event is in one claim per outlet. No count is a round hundred, which
/// would be read as a rounding of the counts within 5% of it.
fn templated(outlets: usize) -> Vec<String> {
    (0..outlets)
        .map(|o| {
            format!(
                "Officials in Marin counted {} damaged homes after the flood on Monday. \
                 Rescuers near Tovan pulled {} survivors from the collapsed bridge. \
                 The regional governor said {} families had been moved to shelters in Kessaria. \
                 Power was cut to {} households across the northern districts. \
                 Firefighters from Valdoria sent {} trucks to help with the pumping. \
                 Insurers estimate the damage at {} million euros.",
                120 + o % 11,
                20 + (o * 3) % 7,
                310 + o % 13,
                5000 + o % 17,
                10 + o % 5,
                40 + o % 19
            )
        })
        .collect()
}

#[test]
fn sixty_four_and_sixty_five_templated_outlets_behave_alike() {
    let counts: Vec<(usize, Facts, bool)> = [64usize, 65, 66]
        .iter()
        .map(|&n| {
            let r = report_of(&format!("outlets-{n}"), &templated(n));
            let warned = r["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|w| w.as_str().unwrap().contains("comparisons left out"));
            (n, numeric_facts(&r), warned)
        })
        .collect();
    assert!(!counts[0].2, "nothing is left out at 64 outlets: {counts:?}");
    for (n, facts, _) in &counts {
        // Five of the six events carry counts that differ beyond rounding (the households differ
        // by under 2%): one finding each, listing every outlet — one outlet more adds itself to
        // each finding, never a cliff to nothing.
        assert_eq!(facts.len(), 5, "{counts:?}");
        assert!(
            facts.iter().all(|(docs, values)| docs == n && *values >= 2),
            "{counts:?}"
        );
    }
    // At 66 outlets the budget (64 nearest claims per key) leaves some comparisons out, and the
    // report says so.
    assert!(counts[2].2, "{counts:?}");
}
