//! Detect: one file per finding kind. Each detector reads the aligned claims
//! and returns findings with evidence spans and a one-line explanation.

mod contradiction;
mod date_conflict;
mod facts;
mod numeric_conflict;
mod opposition;
mod overstatement;
mod repetition;
mod same_event;
mod unsupported;

use crate::align::Aligned;
use crate::analyze::Outline;
use crate::lexicon::Lexicon;
use crate::{Claim, Config, Document, Evidence, EvidenceCue, Finding, FindingKind, Severity, Span};

/// Everything a detector may read.
#[derive(Debug)]
pub struct Input<'a> {
    pub docs: &'a [Document],
    /// What each document's cleaning and segmentation left (parallel to `docs`).
    pub outlines: &'a [Outline],
    pub claims: &'a [Claim],
    pub alignment: &'a Aligned,
    pub lex: &'a Lexicon,
    pub config: &'a Config,
}

/// A finding kind's detector.
pub trait Detector {
    fn detect(&self, input: &Input<'_>) -> Vec<Finding>;
}

/// Run every detector; findings are numbered in a stable order, most important first.
pub fn detect_all(input: &Input<'_>) -> Vec<Finding> {
    let detectors: [&(dyn Detector + Sync); 6] = [
        &contradiction::Contradiction,
        &numeric_conflict::NumericConflict,
        &date_conflict::DateConflict,
        &overstatement::Overstatement,
        &unsupported::Unsupported,
        &repetition::Repetition,
    ];
    // Detectors are independent: run in parallel, findings kept in detector order.
    let per_detector: Vec<Vec<Finding>> = {
        use rayon::prelude::*;
        detectors.par_iter().map(|d| d.detect(input)).collect()
    };
    let mut findings: Vec<Finding> = per_detector.into_iter().flatten().collect();
    // Most important first: by severity, then conflicts before the other kinds (kind order).
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.kind.cmp(&b.kind))
            .then(a.claims.cmp(&b.claims))
    });
    for (n, f) in findings.iter_mut().enumerate() {
        f.id = format!("f{n}");
    }
    findings
}

/// Evidence for a whole claim.
pub(crate) fn claim_evidence(c: &Claim, note: impl Into<String>) -> Evidence {
    Evidence {
        doc: c.doc.to_string(),
        span: c.span,
        text: c.text.clone(),
        note: note.into(),
        claim: Some(c.id.to_string()),
        cues: Vec::new(),
    }
}

/// The text of claim `c` before `span` (a part of it: a number, a date).
pub(crate) fn text_before(c: &Claim, span: Span) -> &str {
    c.text
        .get(..span.start_byte.saturating_sub(c.span.start_byte))
        .unwrap_or("")
}

/// Evidence for a part of a claim (a cue, a number, a date): sliced from the claim's own text,
/// since every such span lies inside the claim's sentence.
pub(crate) fn part_evidence(c: &Claim, span: Span, note: impl Into<String>) -> Evidence {
    let rel = |b: usize| b.saturating_sub(c.span.start_byte);
    let text = c
        .text
        .get(rel(span.start_byte)..rel(span.end_byte))
        .unwrap_or("")
        .to_string();
    Evidence {
        doc: c.doc.to_string(),
        span,
        text,
        note: note.into(),
        claim: Some(c.id.to_string()),
        cues: Vec::new(),
    }
}

/// Evidence for a span of a document.
pub(crate) fn span_evidence(doc: &Document, span: Span, note: impl Into<String>) -> Evidence {
    Evidence {
        doc: doc.id.clone(),
        span,
        text: span.slice(&doc.text).to_string(),
        note: note.into(),
        claim: None,
        cues: Vec::new(),
    }
}

pub(crate) fn finding(
    kind: FindingKind,
    severity: Severity,
    explanation: String,
    claims: &[&Claim],
    evidence: Vec<Evidence>,
    reasons: Vec<String>,
) -> Finding {
    let mut docs: Vec<String> = claims.iter().map(|c| c.doc.to_string()).collect();
    docs.dedup();
    Finding {
        id: String::new(),
        kind,
        severity,
        explanation,
        claims: claims.iter().map(|c| c.id.to_string()).collect(),
        docs,
        evidence: fold_cues(evidence),
        reasons,
        fact: None,
        sources: Vec::new(),
    }
}

/// Evidence that lies strictly inside another piece of evidence of the same document (a stance
/// word, an intensifier or a number inside its sentence) becomes a cue of the smallest piece that
/// holds it, so each sentence is given once with its cues marked in it. Nothing is dropped: the
/// cue keeps its span, text and note. Pieces with the same span both stay.
pub(crate) fn fold_cues(evidence: Vec<Evidence>) -> Vec<Evidence> {
    let n = evidence.len();
    let holder = |i: usize| -> Option<usize> {
        let e = &evidence[i];
        (0..n)
            .filter(|&j| {
                let o = &evidence[j];
                j != i && o.doc == e.doc && o.span != e.span && o.span.contains(e.span)
            })
            .min_by_key(|&j| (evidence[j].span.len(), j))
    };
    let holders: Vec<Option<usize>> = (0..n).map(holder).collect();
    // A holder is strictly longer than what it holds, so following holders ends.
    let root = |mut i: usize| {
        while let Some(j) = holders[i] {
            i = j;
        }
        i
    };
    let roots: Vec<usize> = (0..n).map(root).collect();
    let mut cues: Vec<Vec<EvidenceCue>> = vec![Vec::new(); n];
    let mut kept: Vec<Option<Evidence>> = Vec::with_capacity(n);
    for (i, e) in evidence.into_iter().enumerate() {
        if roots[i] == i {
            kept.push(Some(e));
        } else {
            kept.push(None);
            cues[roots[i]].push(EvidenceCue {
                span: e.span,
                text: e.text,
                note: e.note,
            });
            cues[roots[i]].extend(e.cues);
        }
    }
    kept.into_iter()
        .zip(cues)
        .filter_map(|(e, mut found)| {
            e.map(|mut e| {
                e.cues.append(&mut found);
                e.cues.sort_by_key(|c| c.span);
                e
            })
        })
        .collect()
}

/// Resolved dates of a claim that could tell two events apart.
pub(crate) fn absolute_dates(c: &Claim) -> Vec<&str> {
    c.dates
        .iter()
        .filter_map(|d| d.value.as_deref())
        .filter(|v| !v.starts_with("--") && v.len() >= 7)
        .collect()
}

/// Whether a claim can be on a side of a conflict: it states something, not hedged, questioned
/// or unconfirmed ("may have", "Is it true?", "has not been confirmed" leave the claim open: a
/// reader's discuss, not a dispute), not a condition, a fear or an indirect question.
pub(crate) fn takes_a_side(c: &Claim) -> bool {
    c.modality != crate::Modality::Hedged && !asks_whether(&c.text) && !conditional(&c.text) && !feared(&c.text)
}

/// The words of a text (apostrophes inside a word kept), read without copying: the detectors ask
/// about every pair of claims they weigh.
fn words_of(text: &str) -> impl Iterator<Item = &str> + Clone {
    text.split(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
        .map(|w| w.trim_matches(|ch| ch == '\'' || ch == '’'))
        .filter(|w| !w.is_empty())
}

fn is(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// Whether a word of `first` is followed, within `within` words, by a word of `then`.
fn followed_by(text: &str, first: &[&str], within: usize, then: &[&str]) -> bool {
    let mut words = words_of(text);
    while let Some(w) = words.next() {
        if is(w, first) && words.clone().take(within).any(|n| is(n, then)) {
            return true;
        }
    }
    false
}

/// An indirect question: a verb of asking, demanding or wondering followed within six words by
/// "if", "whether" or "why" ("I asked the Department of Homeland Security if Hunter's comments
/// were true"; "parents are demanding to know why there was no supervision") leaves the claim
/// open.
fn asks_whether(text: &str) -> bool {
    const ASK: [&str; 12] = [
        "asked",
        "ask",
        "asks",
        "asking",
        "wondered",
        "wonder",
        "wonders",
        "wondering",
        "demand",
        "demands",
        "demanded",
        "demanding",
    ];
    // Most claims hold neither "ask", "wonder" nor "demand": one pass over the bytes rules them out.
    let bytes = text.as_bytes();
    let lower = |i: usize| bytes.get(i).map_or(0, |b| b | 0x20);
    let may_ask = (0..bytes.len()).any(|i| match lower(i) {
        b'a' => lower(i + 1) == b's' && lower(i + 2) == b'k',
        b'w' => bytes.get(i..i + 6).is_some_and(|w| w.eq_ignore_ascii_case(b"wonder")),
        b'd' => bytes.get(i..i + 6).is_some_and(|w| w.eq_ignore_ascii_case(b"demand")),
        _ => false,
    });
    may_ask && followed_by(text, &ASK, 6, &["if", "whether", "why"])
}

/// A conditional sentence ("If Woods failed a test, the Tour would announce a suspension"; "If
/// they catch five of them, there are dozens more") states neither its condition nor what follows
/// from it.
fn conditional(text: &str) -> bool {
    words_of(text).next().is_some_and(|w| is(w, &["if", "unless"]))
}

/// A fear, worry or hope that something is so ("raises fears that the girls will not be
/// released") does not state it.
fn feared(text: &str) -> bool {
    const FEAR: [&str; 12] = [
        "fear",
        "fears",
        "feared",
        "worry",
        "worries",
        "worried",
        "concern",
        "concerns",
        "concerned",
        "hope",
        "hopes",
        "hoped",
    ];
    (text.contains("that") || text.contains("That")) && followed_by(text, &FEAR, 1, &["that"])
}

/// Nouns of a document or a piece of news that a sentence can report without asserting it.
const DOCUMENT_NOUNS: [&str; 16] = [
    "story",
    "stories",
    "report",
    "reports",
    "article",
    "articles",
    "news",
    "post",
    "posts",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "headline",
    "headlines",
    "claims",
];
/// Words after a document noun (within four) that report its content ("of" is left out: "the
/// story of his arrest" tells it).
const REPORTS_CONTENT: [&str; 18] = [
    "that",
    "claims",
    "claimed",
    "claiming",
    "says",
    "said",
    "saying",
    "reads",
    "read",
    "reported",
    "states",
    "stated",
    "stating",
    "headlined",
    "suggests",
    "suggesting",
    "alleges",
    "alleging",
];

/// Whether a claim reports what a story, report or piece of news says without stating it
/// itself or refuting it ("A story circulating online claims that the actor died"; "the internet
/// is buzzing with news that the singer has died"; "'…,' read the report"): it takes no side
/// against a source that refutes or denies that content. A document noun after a capitalised word
/// is a verb or a name ("Variety reports that …", "Fox News"), not a document.
pub(crate) fn reports_a_report(c: &Claim) -> bool {
    if c.refutation.as_ref().is_some_and(|r| !r.negated) {
        return false;
    }
    let words: Vec<&str> = words_of(&c.text).collect();
    words.iter().enumerate().any(|(k, w)| {
        if !is(w, &DOCUMENT_NOUNS) {
            return false;
        }
        if k > 0 && words[k - 1].starts_with(char::is_uppercase) {
            return false;
        }
        words[k.saturating_sub(2)..k].iter().any(|p| is(p, &["read", "reads"]))
            || words[k + 1..].iter().take(4).any(|n| is(n, &REPORTS_CONTENT))
    })
}

/// True when both claims carry resolved dates and none of them agree: they are
/// about different days, so a difference between them is not a contradiction.
pub(crate) fn different_dates(a: &Claim, b: &Claim) -> bool {
    let (da, db) = (absolute_dates(a), absolute_dates(b));
    !da.is_empty() && !db.is_empty() && !da.iter().any(|x| db.contains(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(text: &str) -> Claim {
        let mut claims =
            crate::extract_claims(&crate::Document::new("a", text), &crate::Config::default()).unwrap_or_default();
        assert!(!claims.is_empty(), "{text}");
        claims.remove(0)
    }

    #[test]
    fn conditions_questions_and_fears_take_no_side() {
        for text in [
            "If the player failed a test, the tour would announce a suspension.",
            "Parents are demanding to know why there was no supervision on the trip.",
            "The violence raises fears that the girls will not be released.",
            "The agency said it had received no confirmation of Ebola cases from Iraq.",
        ] {
            assert!(!takes_a_side(&claim(text)), "{text}");
        }
        assert!(takes_a_side(&claim("The tour announced a suspension of the player.")));
    }

    #[test]
    fn a_sentence_that_reports_a_story_does_not_state_it() {
        for text in [
            "A story circulating online claims that the actor died of a heart attack.",
            "The internet is buzzing with news that the singer has died.",
        ] {
            assert!(reports_a_report(&claim(text)), "{text}");
        }
        for text in [
            "The Daily Mail reports that the parents are furious.",
            "And that is the story of his arrest, in full.",
            "A hoax report claimed that the actor had died.",
            "The actor died of a heart attack this morning.",
        ] {
            assert!(!reports_a_report(&claim(text)), "{text}");
        }
    }

    fn piece(doc: &str, start: usize, end: usize, note: &str) -> Evidence {
        Evidence {
            doc: doc.into(),
            span: Span::new(start, end),
            text: format!("{start}..{end}"),
            note: note.into(),
            claim: None,
            cues: Vec::new(),
        }
    }

    #[test]
    fn an_indirect_question_asks_whether() {
        assert!(asks_whether(
            "I asked the Department of Homeland Security if Hunter's comments were true."
        ));
        assert!(asks_whether("Reporters asked whether the dam would hold."));
        assert!(asks_whether("Residents WONDERED if the dam would hold."));
        assert!(!asks_whether(
            "The task force said the dam would hold if the rain stopped."
        ));
        assert!(!asks_whether("If the dam breaks, the village floods, officials said."));
        assert!(!asks_whether("He asked for help and the army came if only late."));
    }

    #[test]
    fn cues_fold_into_their_sentence_and_nothing_is_lost() {
        let folded = fold_cues(vec![
            piece("a", 0, 50, "a says"),
            piece("b", 0, 40, "b says"),
            piece("a", 30, 36, "intensifier"),
            piece("a", 10, 14, "stance cue"),
            piece("b", 60, 64, "outside every sentence"),
            piece("b", 0, 40, "b again"),
        ]);
        let shown: Vec<(&str, &str, Vec<&str>)> = folded
            .iter()
            .map(|e| {
                (
                    e.doc.as_str(),
                    e.note.as_str(),
                    e.cues.iter().map(|c| c.note.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                ("a", "a says", vec!["stance cue", "intensifier"]),
                ("b", "b says", vec![]),
                ("b", "outside every sentence", vec![]),
                ("b", "b again", vec![]),
            ]
        );
        assert_eq!(folded[0].cues[0].span, Span::new(10, 14));
        assert_eq!(folded[0].cues[0].text, "10..14");
    }

    #[test]
    fn a_cue_inside_a_cue_goes_to_the_sentence() {
        let folded = fold_cues(vec![
            piece("a", 5, 9, "word"),
            piece("a", 0, 50, "sentence"),
            piece("a", 2, 20, "phrase"),
        ]);
        assert_eq!(folded.len(), 1);
        let notes: Vec<&str> = folded[0].cues.iter().map(|c| c.note.as_str()).collect();
        assert_eq!(notes, vec!["phrase", "word"]);
    }
}
