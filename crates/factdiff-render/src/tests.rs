#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{render, Format, Options};
use factdiff_core::*;

const TEXT_A: &str = "Photo: Reuters\nJapan firmly backed India against Pakistan on Monday. Japan firmly backed India against Pakistan on Monday. Officials said *all* talks <b>failed</b> | badly.";
const TEXT_B: &str = "Japan urged both India and Pakistan to hold talks on Monday.";

fn claim(doc: &str, sentence: usize, text: &str, full: &str) -> Claim {
    let start = full.find(text).unwrap();
    Claim {
        id: format!("{doc}#{sentence}"),
        doc: doc.into(),
        span: Span::new(start, start + text.len()),
        text: text.into(),
        sentence,
        headline: false,
        speaker: Speaker::author(),
        quote: None,
        entities: vec![],
        subject: Some("Japan".into()),
        predicate: Some("back".into()),
        polarity: Polarity::Asserted,
        modality: Modality::Fact,
        intensifiers: vec![],
        stances: vec![],
        quantities: vec![],
        dates: vec![],
        evaluative: vec![],
        check_worthiness: 0.75,
    }
}

fn evidence(doc: &str, c: &Claim, note: &str) -> Evidence {
    Evidence {
        doc: doc.into(),
        span: c.span,
        text: c.text.clone(),
        note: note.into(),
        claim: Some(c.id.clone()),
    }
}

fn doc(id: &str, text: &str, removed: Vec<RemovedSpan>) -> DocumentReport {
    DocumentReport {
        id: id.into(),
        title: None,
        source: None,
        published: Some("2025-05-12".into()),
        url: None,
        text: text.into(),
        removed,
        sentences: 3,
    }
}

fn stats(doc: &str, claims: usize, contradicted: usize, repeated: usize, removed_bytes: usize) -> SourceStats {
    SourceStats {
        doc: doc.into(),
        claims,
        corroborated: 1,
        contradicted,
        unsupported: 0,
        repeated,
        removed_bytes,
        corroborated_share: 0.5,
        unsupported_share: 0.0,
        consistency: 0.5,
    }
}

/// Two documents, a contradiction across them, a repetition inside `a`, and a removed photo credit.
fn sample() -> Report {
    let a0 = claim("a", 0, "Japan firmly backed India against Pakistan on Monday.", TEXT_A);
    let a2 = claim("a", 2, "Officials said *all* talks <b>failed</b> | badly.", TEXT_A);
    let b0 = claim("b", 0, TEXT_B, TEXT_B);
    let contradiction = Finding {
        id: "F1".into(),
        kind: FindingKind::Contradiction,
        severity: Severity::High,
        explanation: "Sources disagree on Japan's stance toward India and Pakistan.".into(),
        claims: vec![a0.id.clone(), b0.id.clone()],
        docs: vec!["a".into(), "b".into()],
        evidence: vec![
            evidence("a", &a0, "Japan backs India"),
            evidence("b", &b0, "Japan calls on both sides"),
        ],
        reasons: vec!["stance support vs both_sides".into(), "same actor 'Japan'".into()],
    };
    let repetition = Finding {
        id: "F2".into(),
        kind: FindingKind::Repetition,
        severity: Severity::Low,
        explanation: "Document a repeats a sentence.".into(),
        claims: vec![a0.id.clone()],
        docs: vec!["a".into()],
        evidence: vec![evidence("a", &a2, "")],
        reasons: vec![],
    };
    let removed = RemovedSpan {
        span: Span::new(0, 14),
        text: "Photo: Reuters".into(),
        reason: RemovalReason::PhotoCredit,
        repeats: None,
    };
    Report {
        schema_version: SCHEMA_VERSION.into(),
        documents: vec![doc("a", TEXT_A, vec![removed]), doc("b", TEXT_B, vec![])],
        claims: vec![a0, a2, b0],
        clusters: vec![],
        findings: vec![repetition, contradiction],
        sources: vec![stats("a", 2, 1, 1, 14), stats("b", 1, 1, 0, 0)],
        agreement: Agreement {
            docs: vec!["a".into(), "b".into()],
            matrix: vec![vec![None, Some(0.25)], vec![Some(0.25), None]],
        },
        consistency: 0.5,
        warnings: vec!["document 'c' is empty".into()],
    }
}

fn text(report: &Report, color: bool, width: usize) -> String {
    render(report, Format::Text, &Options { color, width })
}

#[test]
fn text_has_header_findings_sources_matrix_and_removals() {
    let out = text(&sample(), false, 100);
    assert!(
        out.starts_with("factdiff: 2 documents, 3 claims, 2 findings, consistency 50%\n"),
        "{out}"
    );
    assert!(out.contains("warning: document 'c' is empty"));
    assert!(out.contains("\ncontradiction (1)\n"));
    assert!(out.contains("  high  Sources disagree on Japan's stance toward India and Pakistan."));
    assert!(out.contains("    [a] \"Japan firmly backed India against Pakistan on Monday.\"\n"));
    assert!(out.contains("    [b] \"Japan urged both India and Pakistan to hold talks on Monday.\"\n"));
    assert!(out.contains("— Japan backs India"));
    assert!(out.contains("reasons: stance support vs both_sides; same actor 'Japan'"));
    assert!(out.contains("\nrepetition (1)\n  low  Document a repeats a sentence."));
    assert!(!out.contains("numeric_conflict"), "empty kinds are left out");
    // Kinds come in FindingKind::ALL order, whatever the order of findings.
    assert!(out.find("contradiction (1)").unwrap() < out.find("repetition (1)").unwrap());
    assert!(out.contains("doc  claims  corroborated  unsupported  contradicted  repeated  removed bytes  consistency"));
    assert!(
        out.contains("  a         2           50%           0%             1         1             14          50%")
    );
    assert!(out.contains("       a    b\n  a    –  25%\n  b  25%    –\n"), "{out}");
    assert!(out.contains("Removed from analysis\n  a: photo credit × 1\n"));
    assert!(out.ends_with('\n'));
}

#[test]
fn text_without_color_has_no_ansi_codes_and_with_color_has_them() {
    let report = sample();
    assert!(!text(&report, false, 100).contains('\x1b'));
    let coloured = text(&report, true, 100);
    assert!(coloured.contains("\x1b[31mhigh\x1b[0m"));
    assert!(coloured.contains("\x1b[2mlow\x1b[0m"));
    assert!(coloured.contains("\x1b[1mcontradiction (1)\x1b[0m"));
}

#[test]
fn text_wraps_evidence_without_losing_words() {
    let out = text(&sample(), false, 40);
    // Prose wraps; tables keep their rows whole.
    let prose = &out[..out.find("\nSources\n").unwrap()];
    for line in prose.lines() {
        assert!(
            line.chars().count() <= 40 || !line.trim().contains(' '),
            "too long: {line:?}"
        );
    }
    // Rejoining the wrapped evidence gives back the whole sentence, start and end included.
    let start = out.find("    [b] \"").unwrap();
    let end = start + out[start..].find("\"\n").unwrap();
    let joined: Vec<&str> = out[start..=end].split_whitespace().collect();
    assert_eq!(
        joined.join(" "),
        "[b] \"Japan urged both India and Pakistan to hold talks on Monday.\""
    );
}

#[test]
fn text_neutralises_control_characters() {
    let mut report = sample();
    report.findings[1].evidence[0].text = "evil \x1b[31m red".into();
    let out = text(&report, false, 100);
    assert!(!out.contains('\x1b'));
    assert!(out.contains("evil \u{FFFD}[31m red"));
}

#[test]
fn text_numbers_matrix_columns_when_names_are_too_wide() {
    let mut report = sample();
    let long = "a-very-long-document-name-that-goes-on-and-on".to_string();
    report.agreement.docs = vec![long.clone(), format!("{long}-2")];
    let out = text(&report, false, 60);
    assert!(out.contains("       1    2\n"), "{out}");
    assert!(out.contains(&format!("  1 {long}      –  25%\n")), "{out}");
}

#[test]
fn text_of_empty_report() {
    let mut report = sample();
    report.findings.clear();
    report.sources.clear();
    report.agreement = Agreement::default();
    report.documents[0].removed.clear();
    let out = text(&report, false, 100);
    assert!(out.contains("no findings"));
    assert!(out.contains("no sources"));
    assert!(out.contains("nothing removed"));
}

#[test]
fn markdown_has_sections_tables_and_blockquotes() {
    let out = render(&sample(), Format::Markdown, &Options::default());
    assert!(out.starts_with("# factdiff report\n"));
    assert!(out.contains("2 documents, 3 claims, 2 findings, consistency 50%."));
    assert!(out.contains("## Findings\n\n### contradiction (1)\n\n**high** — Sources disagree"));
    assert!(out.contains(
        "> **\\[a\\]** \"Japan firmly backed India against Pakistan on Monday.\"\\\n> — *Japan backs India*\n"
    ));
    assert!(out.contains("Reasons: stance support vs both\\_sides; same actor 'Japan'"));
    assert!(out.contains("| a | 2 | 50% | 0% | 1 | 1 | 14 | 50% |"));
    assert!(out.contains("| | a | b |\n|:--|--:|--:|\n| **a** | – | 25% |\n"));
    assert!(out.contains("- **a**: photo credit × 1"));
    assert!(out.contains("> **Warning:** document 'c' is empty"));
    assert!(!out.contains('\x1b'));
}

#[test]
fn markdown_escapes_document_text() {
    let mut report = sample();
    report.sources[0].doc = "x|y".into();
    report.findings[1].evidence[0].text = "a *b* _c_ [d](e) <f> `g` | h \\ i\nj".into();
    let out = render(&report, Format::Markdown, &Options::default());
    assert!(
        out.contains("\"a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\`g\\` \\| h \\\\ i j\""),
        "{out}"
    );
    assert!(out.contains("| x\\|y | 2 |"));
    assert!(!out.contains("<f>"));
}

#[test]
fn json_is_the_serde_model() {
    let report = sample();
    let out = render(&report, Format::Json, &Options::default());
    assert!(out.ends_with("}\n"));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["schema_version"], SCHEMA_VERSION);
    assert_eq!(value["findings"][1]["kind"], "contradiction");
    assert_eq!(value["documents"][0]["removed"][0]["reason"], "photo_credit");
    let back: Report = serde_json::from_str(&out).unwrap();
    assert_eq!(back, report);
}
