//! Check one claim against sources (grounding: an LLM answer against the documents it cites).
//!
//! The rule, in one place for the CLI and the Python package: the claim is compared as its own
//! document with the sources, and each source gets its own verdict on it, with its evidence and
//! its value:
//!
//! - **contradicts**: the source is on another side than the claim of a contradiction, numeric or
//!   date conflict that involves the claim (its value is the one it gives: "3 March 2026");
//! - **supports**: it is on the claim's side of such a conflict, or one of its claims aligns with
//!   the claim (without a contradict verdict) and states it plainly: as a fact, not refuted, with
//!   the claim's polarity;
//! - **mentions**: one of its claims aligns with the claim but takes no position on it: it leaves
//!   out the value other sources contest (when a conflict involves the claim, only the sources on
//!   its fact take a side), it is hedged ("may have"), predicted, conditional, called for, refuted
//!   without a finding, or of the other polarity without a finding ("did not warn … before it
//!   opened the floodgates" against "it opened the floodgates"), or the judge leans to contradict
//!   where no detector raised a conflict;
//! - **silent**: none of its claims is about the claim.
//!
//! A source on both sides of a conflict (one of its claims agrees, another contradicts) is said
//! to contradict. The overall verdict follows from the sources: `disputed` when some support and
//! some contradict, else `contradicted`, `supported`, `mentioned` when a source contradicts,
//! supports or only mentions it, else `not_covered`.

use crate::pipeline::{compare, CompareOptions};
use crate::{
    Alignment, Check, CheckVerdict, Claim, Config, Document, Evidence, Modality, Report, Result, SourceCheck,
    SourceVerdict, VerdictLabel,
};
use rustc_hash::FxHashSet;

/// Check `claim` against `sources`; see the module docs for the rule.
///
/// ```
/// use factdiff_core::{check_claim, CheckVerdict, CompareOptions, Config, Document, SourceVerdict};
/// let sources = vec![Document::new("a", "Officials said 12 people were rescued from the river on Monday.")];
/// let claim = "Officials said 40 people were rescued from the river on Monday.";
/// let check = check_claim(claim, &sources, &Config::default(), &CompareOptions::default()).unwrap();
/// assert_eq!(check.verdict, CheckVerdict::Contradicted);
/// assert_eq!(check.sources[0].verdict, SourceVerdict::Contradicts);
/// assert_eq!(check.sources[0].value.as_deref(), Some("12"));
/// ```
pub fn check_claim(claim: &str, sources: &[Document], config: &Config, options: &CompareOptions<'_>) -> Result<Check> {
    let claim_doc = free_id(sources);
    let mut docs = sources.to_vec();
    docs.push(Document::new(claim_doc.clone(), claim));
    // Every pair of the claim's sentences is read, not a spanning set of each cluster's.
    let options = CompareOptions {
        all_alignments: true,
        ..*options
    };
    let report = compare(&docs, config, &options)?;
    let aligned = aligned_with(&report, &claim_doc);
    let per_source: Vec<SourceCheck> = sources
        .iter()
        .map(|d| source_check(&report, &aligned, &claim_doc, &d.id))
        .collect();
    Ok(Check {
        claim: claim.to_string(),
        verdict: overall(&per_source),
        sources: per_source,
        claim_doc,
        report,
    })
}

/// `claim`, else the first of `claim1`, `claim2`, … that no source has as its id.
fn free_id(sources: &[Document]) -> String {
    let taken = |name: &str| sources.iter().any(|d| d.id == name);
    std::iter::once("claim".to_string())
        .chain((1..).map(|i| format!("claim{i}")))
        .find(|name| !taken(name))
        .unwrap_or_default()
}

/// The overall verdict of the per-source verdicts (the module docs give the rule).
fn overall(sources: &[SourceCheck]) -> CheckVerdict {
    let any = |v: SourceVerdict| sources.iter().any(|s| s.verdict == v);
    match (any(SourceVerdict::Supports), any(SourceVerdict::Contradicts)) {
        (true, true) => CheckVerdict::Disputed,
        (false, true) => CheckVerdict::Contradicted,
        (true, false) => CheckVerdict::Supported,
        (false, false) if any(SourceVerdict::Mentions) => CheckVerdict::Mentioned,
        (false, false) => CheckVerdict::NotCovered,
    }
}

/// Whether `c` states its content plainly: as a fact, and not refuted.
fn states_plainly(c: &Claim) -> bool {
    c.modality == Modality::Fact && c.refutation.as_ref().is_none_or(|r| r.negated)
}

/// A claim of the checked document, a claim of a source aligned with it, and their alignment.
type Aligned<'r> = (&'r Claim, &'r Claim, &'r Alignment);

/// Why an aligned claim takes no position on the checked claim `own`.
fn no_position(own: &Claim, c: &Claim) -> String {
    if c.polarity != own.polarity {
        format!(
            "mentions it ({} where the claim is {})",
            c.polarity.as_str(),
            own.polarity.as_str()
        )
    } else if c.modality != Modality::Fact {
        format!("mentions it ({})", c.modality.as_str().replace('_', " "))
    } else if let Some(r) = &c.refutation {
        format!("mentions it (refuted: '{}')", r.cue.text)
    } else {
        "mentions it".to_string()
    }
}

/// Every claim of another document aligned with a claim of document `claim_doc`: that claim,
/// the other, and their alignment.
fn aligned_with<'r>(report: &'r Report, claim_doc: &str) -> Vec<Aligned<'r>> {
    let mine: FxHashSet<&str> = report
        .claims
        .iter()
        .filter(|c| &*c.doc == claim_doc)
        .map(|c| &*c.id)
        .collect();
    let mut out = Vec::new();
    for al in report.clusters.iter().flat_map(|c| &c.alignments) {
        let (own, other) = match (mine.contains(&*al.a), mine.contains(&*al.b)) {
            (true, false) => (&al.a, &al.b),
            (false, true) => (&al.b, &al.a),
            _ => continue,
        };
        if let (Some(own), Some(other)) = (report.claim(own), report.claim(other)) {
            out.push((own, other, al));
        }
    }
    out
}

/// What source `doc` says about the claim of document `claim_doc` in `report` (`aligned`: the
/// claims aligned with it).
fn source_check(report: &Report, aligned: &[Aligned<'_>], claim_doc: &str, doc: &str) -> SourceCheck {
    let mut evidence: Vec<Evidence> = Vec::new();
    let push = |e: Evidence, evidence: &mut Vec<Evidence>| {
        if !evidence.iter().any(|x| x.span == e.span) {
            evidence.push(e);
        }
    };
    let (mut supports, mut contradicts, mut mentions) = (false, false, false);
    // The claim's sentences that a conflict involves: only the sources on that fact take a side.
    let contested: FxHashSet<&str> = report
        .findings
        .iter()
        .filter(|f| f.kind.is_conflict())
        .flat_map(|f| &f.sources)
        .filter(|s| s.doc == claim_doc)
        .flat_map(|s| s.claims.iter().map(String::as_str))
        .collect();
    let mut value = None;
    // The conflicts that involve the claim: the source's side and value in each.
    for f in report.findings.iter().filter(|f| f.kind.is_conflict()) {
        let claim_groups: Vec<usize> = f
            .sources
            .iter()
            .filter(|s| s.doc == claim_doc)
            .map(|s| s.group)
            .collect();
        let theirs: Vec<&crate::SourceValue> = f.sources.iter().filter(|s| s.doc == doc).collect();
        let Some(first) = theirs.first() else { continue };
        if claim_groups.is_empty() {
            continue;
        }
        let agrees = theirs.iter().any(|s| claim_groups.contains(&s.group));
        let disagrees = theirs.iter().find(|s| !claim_groups.contains(&s.group));
        let (side, shown) = match disagrees {
            Some(s) => ("contradicts the claim", *s),
            None => ("agrees with the claim", *first),
        };
        contradicts |= disagrees.is_some();
        supports |= agrees;
        if value.is_none() || disagrees.is_some() {
            value = Some(shown.value.clone());
        }
        for e in f.evidence.iter().filter(|e| e.doc == doc) {
            let mut e = e.clone();
            e.note = format!("{side}: {}", shown.value);
            push(e, &mut evidence);
        }
    }
    // Its claims aligned with the claim.
    for &(own, c, al) in aligned.iter().filter(|(_, c, _)| &*c.doc == doc) {
        let note = if al.verdict.label == VerdictLabel::Contradict {
            mentions = true;
            "mentions it (the judge leans to contradict; no conflict found)".to_string()
        } else if contested.contains(&*own.id) {
            mentions = true;
            "mentions it without the contested value".to_string()
        } else if states_plainly(c) && c.polarity == own.polarity {
            supports = true;
            format!("supports the claim (alignment score {:.2})", al.score)
        } else {
            mentions = true;
            no_position(own, c)
        };
        push(
            Evidence {
                doc: c.doc.to_string(),
                span: c.span,
                text: c.text.clone(),
                note,
                claim: Some(c.id.to_string()),
                cues: Vec::new(),
            },
            &mut evidence,
        );
    }
    let verdict = if contradicts {
        SourceVerdict::Contradicts
    } else if supports {
        SourceVerdict::Supports
    } else if mentions {
        SourceVerdict::Mentions
    } else {
        SourceVerdict::Silent
    };
    SourceCheck {
        doc: doc.to_string(),
        verdict,
        value,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, sources: &[Document]) -> Check {
        check_claim(text, sources, &Config::default(), &CompareOptions::default()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn verdict_of(check: &Check, doc: &str) -> Option<SourceVerdict> {
        check.sources.iter().find(|s| s.doc == doc).map(|s| s.verdict)
    }

    #[test]
    fn a_claim_is_supported_contradicted_or_not_covered() {
        let sources = vec![
            Document::new(
                "a",
                "The Marin river dam broke on Sunday night after heavy rain, officials said.",
            ),
            Document::new(
                "claim",
                "Rescue teams reached the flooded town of Esk by boat on Monday.",
            ),
        ];
        let supported = check(
            "The dam on the Marin river broke on Sunday night after heavy rain.",
            &sources,
        );
        assert_eq!(supported.verdict, CheckVerdict::Supported);
        // "claim" is a source's id: the claim's own document is the next free name.
        assert_eq!(supported.claim_doc, "claim1");
        assert_eq!(verdict_of(&supported, "a"), Some(SourceVerdict::Supports));
        assert_eq!(verdict_of(&supported, "claim"), Some(SourceVerdict::Silent));
        assert!(supported.evidence().all(|e| e.doc == "a"));
        assert!(supported.sources[0].evidence[0].note.starts_with("supports the claim"));
        let contradicted = check(
            "The dam on the Marin river did not break on Sunday night after heavy rain.",
            &sources,
        );
        assert_eq!(contradicted.verdict, CheckVerdict::Contradicted);
        assert_eq!(verdict_of(&contradicted, "a"), Some(SourceVerdict::Contradicts));
        assert!(contradicted.evidence().next().is_some());
        let unrelated = check("The choir sang old songs in the town hall of Lisbon.", &sources);
        assert_eq!(unrelated.verdict, CheckVerdict::NotCovered);
        assert!(unrelated
            .sources
            .iter()
            .all(|s| s.verdict == SourceVerdict::Silent && s.evidence.is_empty()));
        let json = serde_json::to_value(&unrelated).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({"claim": unrelated.claim, "verdict": "not_covered", "sources": [
                {"doc": "a", "verdict": "silent", "value": null, "evidence": []},
                {"doc": "claim", "verdict": "silent", "value": null, "evidence": []},
            ]})
        );
    }

    #[test]
    fn sources_that_split_make_the_claim_disputed_each_with_its_value() {
        let sources = vec![
            Document::new(
                "a",
                "Officials in Valdoria evacuated 1,200 people from villages along the river on Tuesday.",
            ),
            Document::new(
                "b",
                "Valdorian officials evacuated 2,400 people from villages along the river, the ministry said.",
            ),
            Document::new("c", "The choir sang old songs in the town hall of Lisbon."),
        ];
        let split = check(
            "Valdorian officials evacuated 2,400 people from villages along the river.",
            &sources,
        );
        assert_eq!(split.verdict, CheckVerdict::Disputed, "{:?}", split.sources);
        let [a, b, c] = &split.sources[..] else {
            panic!("{:?}", split.sources)
        };
        assert_eq!(
            (a.verdict, a.value.as_deref()),
            (SourceVerdict::Contradicts, Some("1,200"))
        );
        assert_eq!(
            (b.verdict, b.value.as_deref()),
            (SourceVerdict::Supports, Some("2,400"))
        );
        assert_eq!((c.verdict, c.value.as_deref()), (SourceVerdict::Silent, None));
        assert_eq!(a.evidence[0].note, "contradicts the claim: 1,200");
        assert_eq!(b.evidence[0].note, "agrees with the claim: 2,400");
        // Only the contradicting source left: contradicted.
        let one = check(
            "Valdorian officials evacuated 2,400 people from villages along the river.",
            &sources[..1],
        );
        assert_eq!(one.verdict, CheckVerdict::Contradicted);
    }

    #[test]
    fn a_hedged_source_mentions_the_claim_without_a_position() {
        let sources = vec![Document::new(
            "a",
            "The Marin river dam may have broken on Sunday night after heavy rain, officials said.",
        )];
        let hedged = check("The Marin river dam broke on Sunday night after heavy rain.", &sources);
        assert_eq!(hedged.verdict, CheckVerdict::Mentioned, "{:?}", hedged.sources);
        assert_eq!(hedged.sources[0].verdict, SourceVerdict::Mentions);
        assert_eq!(hedged.sources[0].evidence[0].note, "mentions it (hedged)");
    }
}
