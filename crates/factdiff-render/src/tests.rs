#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{render, Format, Options};
use factdiff_core::*;

const TEXT_A: &str = "Photo: Reuters\nJapan firmly backed India against Pakistan on Monday. Japan firmly backed India against Pakistan on Monday. Officials said *all* talks <b>failed</b> | badly.";
const TEXT_B: &str = "Japan urged both India and Pakistan to hold talks on Monday.";

fn claim(doc: &str, sentence: usize, text: &str, full: &str) -> Claim {
    let start = full.find(text).unwrap();
    Claim {
        id: format!("{doc}#{sentence}").into(),
        doc: doc.into(),
        span: Span::new(start, start + text.len()),
        text: text.into(),
        sentence,
        headline: false,
        speaker: Speaker::author(),
        quote: None,
        entities: Box::default(),
        subject: Some("Japan".into()),
        predicate: Some("back".into()),
        polarity: Polarity::Asserted,
        modality: Modality::Fact,
        intensifiers: Box::default(),
        stances: Box::default(),
        quantities: Box::default(),
        dates: Box::default(),
        evaluative: Box::default(),
        refutation: None,
        check_worthiness: 0.75,
        status: ClaimStatus::OnlyHere,
    }
}

fn evidence(doc: &str, c: &Claim, note: &str) -> Evidence {
    Evidence {
        doc: doc.into(),
        span: c.span,
        text: c.text.clone(),
        note: note.into(),
        claim: Some(c.id.to_string()),
        cues: vec![],
    }
}

fn doc(id: &str, text: &str, removed: Vec<RemovedSpan>) -> DocumentReport {
    DocumentReport {
        id: id.into(),
        label: String::new(),
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
    // Statuses as the core sets them: the two sides of the contradiction, the repeated sentence.
    let status = |status, c: Claim| Claim { status, ..c };
    let a0 = status(
        ClaimStatus::Contradicted,
        claim("a", 0, "Japan firmly backed India against Pakistan on Monday.", TEXT_A),
    );
    let a2 = status(
        ClaimStatus::Repeated,
        claim("a", 2, "Officials said *all* talks <b>failed</b> | badly.", TEXT_A),
    );
    let b0 = status(ClaimStatus::Contradicted, claim("b", 0, TEXT_B, TEXT_B));
    let contradiction = Finding {
        id: "F1".into(),
        kind: FindingKind::Contradiction,
        severity: Severity::High,
        explanation: "Sources disagree on Japan's stance toward India and Pakistan.".into(),
        claims: vec![a0.id.to_string(), b0.id.to_string()],
        docs: vec!["a".into(), "b".into()],
        evidence: vec![
            evidence("a", &a0, "Japan backs India"),
            Evidence {
                cues: vec![EvidenceCue {
                    span: Span::new(12, 16),
                    text: "both".into(),
                    note: "stance cue in b".into(),
                }],
                ..evidence("b", &b0, "Japan calls on both sides")
            },
        ],
        reasons: vec!["stance support vs both_sides".into(), "same actor 'Japan'".into()],
        fact: Some("stance of Japan".into()),
        sources: vec![
            SourceValue {
                doc: "a".into(),
                value: "Japan backs India against Pakistan".into(),
                group: 0,
                claims: vec![a0.id.to_string()],
            },
            SourceValue {
                doc: "b".into(),
                value: "Japan calls on both India and Pakistan".into(),
                group: 1,
                claims: vec![b0.id.to_string()],
            },
        ],
    };
    let repetition = Finding {
        id: "F2".into(),
        kind: FindingKind::Repetition,
        severity: Severity::Low,
        explanation: "Document a repeats a sentence.".into(),
        claims: vec![a0.id.to_string()],
        docs: vec!["a".into()],
        evidence: vec![evidence("a", &a2, "")],
        reasons: vec![],
        fact: None,
        sources: vec![],
    };
    let removed = RemovedSpan {
        span: Span::new(0, 14),
        text: "Photo: Reuters".into(),
        reason: RemovalReason::PhotoCredit,
        repeats: None,
    };
    Report {
        schema_version: SCHEMA_VERSION.into(),
        documents: vec![
            doc("a", TEXT_A, vec![removed]),
            DocumentReport {
                label: "Tokyo urges talks".into(),
                ..doc("b", TEXT_B, vec![])
            },
        ],
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
    assert!(out.contains("cues: \"both\" (stance cue in b)"));
    assert!(out.contains("50%\n\n  b: Tokyo urges talks\n"), "labels listed: {out}");
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
fn text_and_markdown_neutralise_bidi_overrides() {
    let mut report = sample();
    report.findings[1].evidence[0].text = "safe \u{202E}txt.exe\u{2066} end \u{05E9}\u{05DC}\u{05D5}\u{05DD}".into();
    for out in [
        text(&report, false, 100),
        render(&report, Format::Markdown, &Options::default()),
    ] {
        assert!(!out.contains('\u{202E}') && !out.contains('\u{2066}'), "{out}");
        assert!(
            out.contains("safe \u{FFFD}txt.exe\u{FFFD} end \u{05E9}\u{05DC}\u{05D5}\u{05DD}"),
            "{out}"
        );
    }
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
    assert!(out.contains("| Tokyo urges talks (b) | 1 |"));
    assert!(
        out.contains("> **\\[Tokyo urges talks (b)\\]** \"Japan urged **both** India and Pakistan"),
        "{out}"
    );
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

/// The structure of a Markdown document: every parser event except plain text.
fn markdown_structure(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options as Md, Parser};
    Parser::new_ext(md, Md::ENABLE_TABLES | Md::ENABLE_STRIKETHROUGH | Md::ENABLE_TASKLISTS)
        .filter(|e| !matches!(e, Event::Text(_)))
        .map(|e| format!("{e:?}"))
        .collect()
}

#[test]
fn markdown_text_ids_and_metadata_add_no_structure() {
    let hostile = "[x](javascript:alert(1)) ![i](https://e.example/i.png) <img src=x onerror=alert(1)> \
                   <https://evil.example> | cell | # h `code` *em* __b__ ~~s~~ &amp; \\ \n- item\n> quote\n1. one";
    let clean = sample();
    let mut evil = sample();
    // Document ids appear in the sources table, the agreement matrix, evidence and the removal list.
    let id = "a](x) <b>|`";
    evil.documents[0].id = id.into();
    evil.sources[0].doc = id.into();
    evil.agreement.docs[0] = id.into();
    for f in &mut evil.findings {
        f.explanation = hostile.into();
        f.reasons = f.reasons.iter().map(|_| hostile.to_string()).collect();
        for e in &mut f.evidence {
            if e.doc == "a" {
                e.doc = id.into();
            }
            e.text = hostile.into();
            if !e.note.is_empty() {
                e.note = hostile.into();
            }
        }
    }
    evil.warnings = vec![hostile.into()];
    for d in &mut evil.documents {
        d.title = Some(hostile.into());
        d.source = Some(hostile.into());
        d.url = Some("javascript:alert(1)".into());
    }
    let md = |r: &Report| render(r, Format::Markdown, &Options::default());
    let out = md(&evil);
    // Same headings, tables (same cells), quotes, lists and emphasis as the harmless report:
    // the text added no link, image, HTML, code, cell, heading or list item.
    assert_eq!(markdown_structure(&out), markdown_structure(&md(&clean)), "{out}");
    assert!(!out.contains("javascript:alert(1)\n"), "metadata is not printed raw");
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
    // Written as it is made, the same bytes.
    let mut written = Vec::new();
    crate::write_json(&report, &mut written).unwrap();
    assert_eq!(String::from_utf8(written).unwrap(), out);
    // A reader that went away is told apart from other failures (the CLI exits quietly on it).
    struct Closed;
    impl std::io::Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let closed = crate::write_json(&report, &mut Closed).unwrap_err();
    assert_eq!(closed.kind(), std::io::ErrorKind::BrokenPipe);
}

fn html(report: &Report) -> String {
    render(report, Format::Html, &Options::default())
}

#[test]
fn html_is_a_self_contained_page_with_every_section() {
    let out = html(&sample());
    assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(out.ends_with("</html>\n"));
    assert!(out.contains("<style>") && !out.contains("<script") && !out.contains("<link"));
    assert!(
        !out.contains("src=") && !out.contains("@import"),
        "no external resources"
    );
    assert!(out.contains("2 sources, 3 claims, 2 findings; consistency 50%."));
    assert!(out.contains("<p class=\"warning\">Warning: document &#39;c&#39; is empty</p>"));
    // High and medium findings first, low severity collapsed; severity, kind, highlighted evidence.
    let contradiction = out.find("<span class=\"kind\">contradiction</span>").unwrap();
    let low = out
        .find("<summary>1 finding of low severity (1 repetition)</summary>")
        .unwrap();
    assert!(contradiction < low && low < out.find("<span class=\"kind\">repetition</span>").unwrap());
    assert!(out.contains("<span class=\"sev sev-high\">high</span>"));
    // The sentence once, its cue marked inside it; sources by label with the id beside it.
    assert!(out.contains(
        "<mark>Japan urged <b class=\"cue\" title=\"stance cue in b\">both</b> India and Pakistan to hold talks on Monday.</mark>"
    ));
    assert!(out.contains("<span class=\"note\">cues: <b>both</b> stance cue in b</span>"));
    assert!(out.contains("<span class=\"doc\">Tokyo urges talks<span class=\"id\">b</span></span>"));
    assert!(out.contains("<th class=\"src\" title=\"b\">Tokyo urges talks</th>"));
    assert!(out.contains("<td>Tokyo urges talks<span class=\"id\">b</span></td>"));
    assert!(out.contains("— Japan backs India"));
    assert!(out.contains("Reasons: stance support vs both_sides; same actor &#39;Japan&#39;"));
    // Agreement heatmap with inline colours; the missing diagonal greyed.
    assert!(
        out.contains("<td style=\"background:hsl(30,70%,77%)\">25%</td>"),
        "{out}"
    );
    assert!(out.contains("<td style=\"background:#eef0f3;color:#8a919c\">–</td>"));
    // Documents: removed boilerplate greyed, claims highlighted by status.
    assert!(out.contains("<span class=\"removed\" title=\"removed: photo credit\">Photo: Reuters</span>"));
    assert!(out.contains(
        "<span class=\"st st-contradicted\" title=\"a#0: contradicted\">Japan firmly backed India against Pakistan on Monday.</span>"
    ));
    assert!(
        out.contains("title=\"a#2: repeated\">Officials said *all* talks &lt;b&gt;failed&lt;/b&gt; | badly.</span>")
    );
}

#[test]
fn html_claim_matrix_counts_sources() {
    let mut report = sample();
    report.clusters = vec![Cluster {
        id: "c1".into(),
        claims: vec!["a#0".into(), "b#0".into()],
        docs: vec!["a".into(), "b".into()],
        alignments: vec![Alignment {
            reasons: vec![],
            a: "a#0".into(),
            b: "b#0".into(),
            score: 0.8,
            features: AlignFeatures::default(),
            verdict: Verdict {
                label: VerdictLabel::Contradict,
                entail: 0.0,
                neutral: 0.1,
                contradict: 0.9,
                reasons: vec![],
            },
        }],
        tallies: ["a", "b"]
            .map(|d| PairTally {
                doc: d.into(),
                pairs: 1,
                contradict: 1,
                best_score: 0.8,
                max_contradict: 0.9,
                mean_contradict: 0.9,
                ..PairTally::default()
            })
            .to_vec(),
        positions: vec![Position {
            doc: "b".into(),
            label: PositionLabel::Disputes,
            score: 0.61,
            corroborates: 0.1,
            reports: 0.29,
            disputes: 0.61,
            reasons: vec!["position model: disputes 0.61 (judge: contradicts +1.20)".into()],
        }],
    }];
    let out = html(&report);
    assert!(out.contains("asserted by 2 of 2 sources"));
    assert!(
        out.contains("title=\"position model: disputes 0.61 (judge: contradicts +1.20)\">disputes 0.61</span>"),
        "{out}"
    );
    assert!(out.contains("✗ contradicted"));
    let mut own = report.clusters[0].positions[0].clone();
    own.doc = "a".into();
    own.label = PositionLabel::Corroborates;
    own.score = 0.7;
    report.clusters[0].positions.insert(0, own);
    let t = text(&report, false, 200);
    assert!(t.contains("Where each source stands"), "{t}");
    assert!(t.contains(": a corroborates 0.70, b disputes 0.61"), "{t}");
    // A contradict verdict on a pair the cluster does not list (its spanning set left it out)
    // still marks the cell: the tallies count every pair.
    report.clusters[0].alignments[0].verdict.label = VerdictLabel::Entail;
    report.findings.retain(|f| f.kind != FindingKind::Contradiction);
    let out = html(&report);
    assert!(out.contains("✗ contradicted"), "{out}");
    for t in &mut report.clusters[0].tallies {
        (t.contradict, t.entail) = (0, 1);
    }
    let out = html(&report);
    assert!(out.contains("✓ corroborated"), "{out}");
}

#[test]
fn html_escapes_everything_and_links_only_http() {
    let mut report = sample();
    let evil = "<script>alert(1)</script> \"onerror=alert(2) x='y' & more";
    report.documents[1].text = format!("{evil} {TEXT_B}");
    report.documents[1].id = "<b onmouseover=\"x\">".into();
    report.documents[1].title = Some(evil.into());
    report.documents[1].url = Some("javascript:alert(3)".into());
    report.documents[0].url = Some("https://example.org/a?b=1&c=\"2\"".into());
    report.findings[0].explanation = evil.into();
    report.findings[1].evidence[0].note = evil.into();
    report.warnings = vec![evil.into()];
    report.agreement.docs[1] = evil.into();
    for out in [html(&report), crate::render_html_fragment(&report)] {
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<b onmouseover"));
        assert!(!out.contains("\"onerror"));
        assert!(!out.contains("href=\"javascript"));
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;onerror=alert(2) x=&#39;y&#39; &amp; more"));
        assert!(out.contains("url: javascript:alert(3)"));
        assert!(out.contains("<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\""));
    }
}

#[test]
fn html_survives_bad_spans() {
    let mut report = sample();
    report.documents[0].text = "é€😀 short".into();
    for c in &mut report.claims {
        c.span = Span::new(1, 7); // inside multi-byte characters
    }
    report.claims[0].span = Span::new(50, 10);
    report.claims[1].span = Span::new(3, 10_000);
    report.documents[0].removed[0].span = Span::new(usize::MAX - 1, usize::MAX);
    for f in &mut report.findings {
        for e in &mut f.evidence {
            e.span = Span::new(2, 5);
        }
    }
    report.agreement.matrix = vec![vec![Some(f64::NAN)], vec![]];
    report.consistency = f64::NAN;
    let out = html(&report);
    assert!(out.contains("<mark>"));
    let frag = crate::render_html_fragment(&report);
    assert!(frag.starts_with("<div class='factdiff-") && frag.ends_with("</div>"));
}

#[test]
fn html_fragment_is_scoped_and_unique() {
    let a = crate::render_html_fragment(&sample());
    let b = crate::render_html_fragment(&sample());
    let scope = a.split('\'').nth(1).unwrap();
    assert!(scope.starts_with("factdiff-") && scope != b.split('\'').nth(1).unwrap());
    assert!(!a.contains("<html") && !a.contains("<head") && !a.contains("<body"));
    let css = &a[a.find("<style>").unwrap() + 7..a.find("</style>").unwrap()];
    for rule in css.lines().filter(|l| l.contains('{')) {
        assert!(
            rule.trim_start().starts_with(&format!(".{scope}")),
            "unscoped rule: {rule}"
        );
    }
    assert_eq!(a.split("</style>").nth(1), b.split("</style>").nth(1));
}

#[test]
fn html_fragment_shows_the_summary_and_top_findings_and_folds_the_rest() {
    let mut report = sample();
    let template = report.findings[1].clone();
    report.findings = (0..8)
        .map(|i| Finding {
            id: format!("F{i}"),
            severity: if i < 7 { Severity::High } else { Severity::Low },
            ..template.clone()
        })
        .collect();
    report.documents[0].text.push_str(&" Long article text.".repeat(2000));
    let out = crate::render_html_fragment(&report);
    let fold = out
        .find("<summary>2 more findings (2 contradiction)</summary>")
        .unwrap();
    let before: Vec<&str> = out[..fold].matches("<article class=\"finding high\">").collect();
    assert_eq!(before.len(), super::html::TOP_FINDINGS);
    assert!(out.contains("<summary>1 finding of low severity (1 contradiction)</summary>"));
    for section in ["Claims across sources", "Agreement between sources", "Documents"] {
        assert!(
            out.contains(&format!("<details class=\"more\"><summary>{section}</summary>")),
            "{section}"
        );
    }
    // No document text: a long document does not make the cell long.
    assert!(
        !out.contains("Long article text.") && out.len() < 40_000,
        "{}",
        out.len()
    );
    assert!(html(&report).contains("Long article text."));
}

#[test]
fn csv_has_one_row_per_evidence_and_defuses_formulas() {
    let mut report = sample();
    report.findings[1].explanation = "=HYPERLINK(\"http://x\")".into();
    report.findings[1].evidence[1].note = "-1+2".into();
    report.findings[0].evidence[0].text = "@SUM(A1), \"quoted\"\nnext line".into();
    report.findings.push(Finding {
        id: "F3".into(),
        kind: FindingKind::Unsupported,
        severity: Severity::Medium,
        explanation: "+no evidence".into(),
        claims: vec![],
        docs: vec![],
        evidence: vec![],
        reasons: vec![],
        fact: None,
        sources: vec![],
    });
    let out = render(&report, Format::Csv, &Options::default());
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
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
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 1 + 2 + 1);
    assert_eq!(&records[0][0], "F2");
    assert_eq!(&records[0][1], "repetition");
    assert_eq!(&records[0][7], "'@SUM(A1), \"quoted\"\nnext line");
    assert_eq!(&records[1][3], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&records[1][4], "a");
    assert_eq!(&records[1][5], "15");
    assert_eq!(&records[2][8], "'-1+2");
    assert_eq!(&records[2][9], "both (stance cue in b)");
    assert_eq!(&records[3][3], "'+no evidence");
    assert_eq!(&records[3][4], "");
    let f1a = records.iter().find(|r| &r[0] == "F1" && &r[4] == "a").unwrap();
    assert_eq!(
        (&f1a[10], &f1a[11]),
        ("stance of Japan", "Japan backs India against Pakistan")
    );
    assert!(out.ends_with('\n'));
}

/// Random spans and multi-byte text: no format panics, and HTML never lets a tag through.
#[test]
fn every_format_survives_random_spans() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % (n as u64 + 1)) as usize
    };
    let pieces = [
        "é", "€", "😀", "<i>", "&", "\"", "'", "\n", "a b", "\u{0}", "\u{202e}", "=1+1",
    ];
    for _ in 0..200 {
        let mut report = sample();
        for d in &mut report.documents {
            d.text = (0..next(30)).map(|_| pieces[next(pieces.len() - 1)]).collect();
            d.url = Some(pieces[next(pieces.len() - 1)].repeat(2));
        }
        let spans: Vec<Span> = (0..50).map(|_| Span::new(next(80), next(80))).collect();
        for (i, c) in report.claims.iter_mut().enumerate() {
            c.span = spans[i];
        }
        for (i, r) in report
            .documents
            .iter_mut()
            .flat_map(|d| d.removed.iter_mut())
            .enumerate()
        {
            r.span = spans[10 + i];
        }
        for (i, e) in report
            .findings
            .iter_mut()
            .flat_map(|f| f.evidence.iter_mut())
            .enumerate()
        {
            e.span = spans[20 + i];
            e.text = pieces[next(pieces.len() - 1)].into();
        }
        for format in [Format::Text, Format::Markdown, Format::Json, Format::Csv, Format::Html] {
            let out = render(&report, format, &Options::default());
            if format == Format::Html {
                assert!(!out.contains("<i>"), "{out}");
            }
        }
        let _ = crate::render_html_fragment(&report);
    }
}

/// Every format of the sample report against a golden file in `tests/golden/`. After an
/// intended change, regenerate them with `FACTDIFF_BLESS=1 cargo test -p factdiff-render`.
#[test]
fn golden_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("FACTDIFF_BLESS").is_some_and(|v| !v.is_empty());
    let report = sample();
    for (name, format) in [
        ("sample.txt", Format::Text),
        ("sample.md", Format::Markdown),
        ("sample.json", Format::Json),
        ("sample.csv", Format::Csv),
        ("sample.html", Format::Html),
    ] {
        let out = render(&report, format, &Options::default());
        let path = dir.join(name);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &out).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (create it with FACTDIFF_BLESS=1)", path.display()));
        assert!(
            out == expected,
            "{name} differs from {} (regenerate with FACTDIFF_BLESS=1 if intended)\n{out}",
            path.display()
        );
    }
}
