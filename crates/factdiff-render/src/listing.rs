//! The outputs of `factdiff claims`, `align` and `check`: views of claims, of the alignments
//! between two inputs and of a checked claim, as text for a terminal or as JSON.

use crate::one_line;
use factdiff_core::{Alignment, Check, Claim, Modality, Polarity, Report};
use std::fmt::Write as _;

/// Output format of [`render_claims`], [`render_alignments`] and [`render_check`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    /// Lines for a terminal.
    Text,
    /// Pretty-printed JSON.
    Json,
}

/// Pretty JSON with a final newline; an error object in the unlikely case serialisation fails.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(json) => json + "\n",
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string() + "\n",
    }
}

/// The claims of each document (`(document id, its claims)`, in order), each with its notable
/// attributes; in JSON one list of every claim.
pub fn render_claims(per_doc: &[(String, Vec<Claim>)], format: ListFormat) -> String {
    match format {
        ListFormat::Text => claims_text(per_doc),
        ListFormat::Json => json(&per_doc.iter().flat_map(|(_, c)| c).collect::<Vec<&Claim>>()),
    }
}

/// The aligned claim pairs between the documents `a_docs` and the other documents of `report`,
/// the claim of `a_docs` first, strongest alignment first.
pub fn render_alignments(report: &Report, a_docs: &[String], format: ListFormat) -> String {
    let in_a = |claim: &str| {
        report
            .claim(claim)
            .is_some_and(|c| a_docs.iter().any(|d| **d == *c.doc))
    };
    let mut pairs: Vec<(&Alignment, &str, &str)> = report
        .clusters
        .iter()
        .flat_map(|c| &c.alignments)
        .filter_map(|al| match (in_a(&al.a), in_a(&al.b)) {
            (true, false) => Some((al, &*al.a, &*al.b)),
            (false, true) => Some((al, &*al.b, &*al.a)),
            _ => None,
        })
        .collect();
    pairs.sort_by(|x, y| y.0.score.total_cmp(&x.0.score));
    match format {
        ListFormat::Json => {
            let list: Vec<serde_json::Value> = pairs
                .iter()
                .map(|(al, ca, cb)| {
                    serde_json::json!({
                        "a": report.claim(ca),
                        "b": report.claim(cb),
                        "score": al.score,
                        "features": al.features,
                        "verdict": al.verdict,
                    })
                })
                .collect();
            json(&list)
        }
        ListFormat::Text => {
            let mut out = String::new();
            if pairs.is_empty() {
                out.push_str("No aligned claims.\n");
            }
            for (al, ca, cb) in &pairs {
                alignment_text(&mut out, report, al, [ca, cb]);
            }
            out
        }
    }
}

fn alignment_text(out: &mut String, report: &Report, al: &Alignment, ids: [&str; 2]) {
    let f = &al.features;
    let v = &al.verdict;
    let _ = writeln!(
        out,
        "{} (score {:.2}; entail {:.2}, neutral {:.2}, contradict {:.2})",
        v.label.as_str(),
        al.score,
        v.entail,
        v.neutral,
        v.contradict
    );
    for id in ids {
        let text = report.claim(id).map_or("", |c| c.text.as_str());
        let _ = writeln!(out, "  [{}] {}", one_line(id), one_line(text));
    }
    let _ = writeln!(
        out,
        "  features: terms {:.2}, text {:.2}, entities {:.2}, numbers {:.2}",
        f.term_overlap, f.text_similarity, f.entity_overlap, f.number_overlap
    );
    for (what, empty, list) in [
        ("shared terms", f.shared_terms.is_empty(), f.shared_terms.join(", ")),
        (
            "shared entities",
            f.shared_entities.is_empty(),
            f.shared_entities.join(", "),
        ),
        (
            "shared numbers",
            f.shared_numbers.is_empty(),
            f.shared_numbers.join(", "),
        ),
        ("reasons", v.reasons.is_empty(), v.reasons.join(", ")),
    ] {
        if !empty {
            let _ = writeln!(out, "  {what}: {}", one_line(&list));
        }
    }
    out.push('\n');
}

/// A checked claim: its overall verdict, then each source with its verdict and value, and the
/// evidence behind it with its note.
pub fn render_check(check: &Check, format: ListFormat) -> String {
    match format {
        ListFormat::Json => json(check),
        ListFormat::Text => {
            let mut out = format!("{}: {}\n", check.verdict.as_str(), one_line(&check.claim));
            for s in &check.sources {
                let value = s
                    .value
                    .as_deref()
                    .map(|v| format!(" ({})", one_line(v)))
                    .unwrap_or_default();
                let _ = writeln!(out, "  [{}] {}{value}", one_line(&s.doc), s.verdict.as_str());
                for e in &s.evidence {
                    let _ = writeln!(out, "      \"{}\"", one_line(&e.text));
                    if !e.note.is_empty() {
                        let _ = writeln!(out, "        — {}", one_line(&e.note));
                    }
                }
            }
            out
        }
    }
}

/// One line per claim, `#<sentence> [speaker] text`, then its notable attributes indented.
fn claims_text(per_doc: &[(String, Vec<Claim>)]) -> String {
    let mut out = String::new();
    for (i, (doc, claims)) in per_doc.iter().enumerate() {
        if per_doc.len() > 1 {
            let _ = writeln!(out, "{}== {} ==", if i > 0 { "\n" } else { "" }, one_line(doc));
        }
        for c in claims {
            claim_text(&mut out, c);
        }
    }
    out
}

fn claim_text(out: &mut String, c: &Claim) {
    let _ = writeln!(
        out,
        "#{} [{}] {}",
        c.sentence,
        one_line(&c.speaker.label()),
        one_line(&c.text)
    );
    if c.modality != Modality::Fact {
        let _ = writeln!(out, "    modality: {}", c.modality.as_str().replace('_', " "));
    }
    if c.polarity == Polarity::Negated {
        out.push_str("    polarity: negated\n");
    }
    for s in &c.stances {
        let kind = s.kind.as_str().replace('_', " ");
        let mut line = format!(
            "    stance: {} → {kind} {}",
            one_line(&s.actor),
            one_line(&s.targets.join(", "))
        );
        if !s.against.is_empty() {
            let _ = write!(line, " (against {})", one_line(&s.against.join(", ")));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !c.quantities.is_empty() {
        let qs: Vec<String> = c
            .quantities
            .iter()
            .map(|q| {
                let mut s = format!("{} (= {}", one_line(&q.text), q.value);
                for part in [&q.unit, &q.qualifier].into_iter().flatten() {
                    let _ = write!(s, " {}", one_line(part));
                }
                if let Some(counted) = &q.counted {
                    let _ = write!(s, ", counts {}", one_line(counted));
                }
                s + ")"
            })
            .collect();
        let _ = writeln!(out, "    quantities: {}", qs.join("; "));
    }
    if !c.dates.is_empty() {
        let ds: Vec<String> = c
            .dates
            .iter()
            .map(|d| {
                let rel = if d.relative { ", relative" } else { "" };
                match &d.value {
                    Some(v) => format!("{} (= {}{rel})", one_line(&d.text), one_line(v)),
                    None => one_line(&d.text),
                }
            })
            .collect();
        let _ = writeln!(out, "    dates: {}", ds.join("; "));
    }
    if !c.intensifiers.is_empty() {
        let is: Vec<String> = c.intensifiers.iter().map(|i| one_line(&i.text)).collect();
        let _ = writeln!(out, "    intensifiers: {}", is.join(", "));
    }
    let _ = writeln!(out, "    check-worthiness: {:.2}", c.check_worthiness);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use factdiff_core::{
        ClaimStatus, Cue, DateMention, Modality, Polarity, Quantity, Span, Speaker, SpeakerKind, Stance, StanceKind,
    };

    #[test]
    fn claim_lines_show_present_attributes() {
        let text = "Japan will not back India, an official said of the 5 sites on Monday.";
        let span = Span::new(0, text.len());
        let claim = Claim {
            id: "a#3".into(),
            doc: "a".into(),
            span,
            text: text.into(),
            sentence: 3,
            headline: false,
            speaker: Speaker {
                kind: SpeakerKind::Anonymous,
                ..Speaker::author()
            },
            quote: None,
            entities: Box::default(),
            subject: None,
            predicate: None,
            polarity: Polarity::Negated,
            modality: Modality::Prediction,
            intensifiers: vec![Cue {
                text: "firmly".into(),
                span,
            }]
            .into(),
            stances: vec![Stance {
                actor: "Japan".into(),
                kind: StanceKind::Support,
                targets: vec!["India".into()],
                against: vec!["Pakistan".into()],
                cue: Cue {
                    text: "back".into(),
                    span,
                },
            }]
            .into(),
            quantities: vec![Quantity {
                value: 5.0,
                unit: None,
                counted: Some("site".into()),
                qualifier: Some("at least".into()),
                text: "5 sites".into(),
                span,
            }]
            .into(),
            dates: vec![DateMention {
                text: "Monday".into(),
                span,
                value: Some("2025-05-12".into()),
                relative: true,
            }]
            .into(),
            evaluative: Box::default(),
            refutation: None,
            check_worthiness: 0.5,
            status: ClaimStatus::OnlyHere,
        };
        let out = claims_text(&[("a".into(), vec![claim])]);
        assert_eq!(
            out,
            "#3 [unnamed sources] Japan will not back India, an official said of the 5 sites on Monday.\n\
             \x20   modality: prediction\n\
             \x20   polarity: negated\n\
             \x20   stance: Japan → support India (against Pakistan)\n\
             \x20   quantities: 5 sites (= 5 at least, counts site)\n\
             \x20   dates: Monday (= 2025-05-12, relative)\n\
             \x20   intensifiers: firmly\n\
             \x20   check-worthiness: 0.50\n"
        );
    }
}
