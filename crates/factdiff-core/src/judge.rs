//! Judges: pairwise verdicts (entail / neutral / contradict) on aligned claims.
//!
//! The [`LexicalJudge`] is the embedded default: negation flips, antonymous
//! predicates and refutation words, each reported as a reason. Other judges
//! (a Python callable, an NLI model) implement [`Judge`] and are called only on
//! the candidate pairs that alignment produced, in one batch. With the cargo feature
//! `onnx`, [`onnx::OnnxJudge`] runs an NLI model through ONNX Runtime.

use crate::analyze::tokens::words;
use crate::lexicon::Lexicon;
use crate::{Claim, Polarity, Verdict, VerdictLabel};
use std::collections::HashMap;

#[cfg(feature = "onnx")]
pub mod onnx;

/// Decides whether a premise supports, contradicts or says nothing about a hypothesis.
pub trait Judge: Sync {
    /// One verdict per pair, in order. `overlap` is the alignment's term overlap (0..=1).
    fn judge(&self, pairs: &[(&Claim, &Claim, f64)]) -> Vec<Verdict>;
}

/// The default judge, from word lists only.
#[derive(Clone, Copy, Debug, Default)]
pub struct LexicalJudge;

impl Judge for LexicalJudge {
    fn judge(&self, pairs: &[(&Claim, &Claim, f64)]) -> Vec<Verdict> {
        let lex = Lexicon::get();
        // A claim appears in many pairs: read its words and cues once.
        let mut cues: HashMap<&str, ClaimCues> = HashMap::new();
        for (a, b, _) in pairs {
            for c in [a, b] {
                cues.entry(c.id.as_str()).or_insert_with(|| ClaimCues::of(lex, c));
            }
        }
        pairs
            .iter()
            .map(
                |(a, b, overlap)| match (cues.get(a.id.as_str()), cues.get(b.id.as_str())) {
                    (Some(ca), Some(cb)) => verdict_with_cues(lex, a, b, ca, cb, *overlap),
                    _ => lexical_verdict(lex, a, b, *overlap),
                },
            )
            .collect()
    }
}

/// A verdict from an external judge's three scores (an NLI model, a Python callable).
///
/// The label is the strictly highest score; a tie goes to neutral. `reason` names the judge.
///
/// ```
/// use factdiff_core::{judge::verdict_from_scores, VerdictLabel};
/// let v = verdict_from_scores(0.1, 0.2, 0.7, "nli model".into());
/// assert_eq!(v.label, VerdictLabel::Contradict);
/// assert_eq!(v.reasons, ["nli model: contradict 0.70"]);
/// ```
pub fn verdict_from_scores(entail: f64, neutral: f64, contradict: f64, reason: String) -> Verdict {
    let (label, score) = if contradict > entail && contradict > neutral {
        (VerdictLabel::Contradict, contradict)
    } else if entail > contradict && entail > neutral {
        (VerdictLabel::Entail, entail)
    } else {
        (VerdictLabel::Neutral, neutral)
    };
    let name = match label {
        VerdictLabel::Entail => "entail",
        VerdictLabel::Neutral => "neutral",
        VerdictLabel::Contradict => "contradict",
    };
    Verdict {
        label,
        entail,
        neutral,
        contradict,
        reasons: vec![format!("{reason}: {name} {score:.2}")],
    }
}

/// What the lexical judge reads from one claim, whichever pair it is in.
struct ClaimCues {
    /// Lower-cased words.
    words: Vec<String>,
    /// Whether a refutation word occurs.
    refutes: bool,
}

impl ClaimCues {
    fn of(lex: &Lexicon, c: &Claim) -> ClaimCues {
        ClaimCues {
            words: words(&c.text, 0).into_iter().map(|t| t.text.to_lowercase()).collect(),
            refutes: lex.refuters.any(&c.text),
        }
    }
}

/// Verdict for one pair from named lexical cues.
pub fn lexical_verdict(lex: &Lexicon, a: &Claim, b: &Claim, overlap: f64) -> Verdict {
    verdict_with_cues(lex, a, b, &ClaimCues::of(lex, a), &ClaimCues::of(lex, b), overlap)
}

fn verdict_with_cues(lex: &Lexicon, a: &Claim, b: &Claim, ca: &ClaimCues, cb: &ClaimCues, overlap: f64) -> Verdict {
    let (wa, wb) = (&ca.words, &cb.words);
    let mut reasons = Vec::new();
    let mut contradict: f64 = 0.0;
    if a.polarity != b.polarity && overlap >= 0.3 {
        let (neg, _) = if a.polarity == Polarity::Negated {
            (a, b)
        } else {
            (b, a)
        };
        let cue = lex
            .negators
            .find(&neg.text)
            .first()
            .map(|(s, _)| s.slice(&neg.text).to_string())
            .unwrap_or_default();
        reasons.push(format!("negation flip: one source says '{cue}'"));
        contradict = contradict.max(0.55 + 0.4 * overlap);
    }
    let antonym = |x: &String| -> Option<(String, String)> {
        let opposite = lex.antonyms.get(x)?;
        let y = opposite.iter().find(|y| wb.contains(y) && !wa.contains(y))?;
        (!wb.contains(x)).then(|| (x.clone(), y.clone()))
    };
    if let Some((x, y)) = wa.iter().find_map(antonym) {
        if overlap >= 0.25 {
            reasons.push(format!("antonymous predicates: '{x}' vs '{y}'"));
            contradict = contradict.max(0.5 + 0.4 * overlap);
        }
    }
    if ca.refutes != cb.refutes && overlap >= 0.3 {
        let c = if ca.refutes { a } else { b };
        let cue = lex
            .refuters
            .find(&c.text)
            .first()
            .map(|(s, _)| s.slice(&c.text).to_string())
            .unwrap_or_default();
        reasons.push(format!("refutation word '{cue}' in one source only"));
        contradict = contradict.max(0.4 + 0.4 * overlap);
    }
    let entail = if contradict > 0.0 { 0.0 } else { overlap.min(1.0) };
    let neutral = (1.0 - entail - contradict).max(0.0);
    let label = if contradict >= 0.5 {
        VerdictLabel::Contradict
    } else if entail >= 0.35 {
        VerdictLabel::Entail
    } else {
        VerdictLabel::Neutral
    };
    Verdict {
        label,
        entail,
        neutral,
        contradict,
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document};

    fn claim(text: &str) -> Claim {
        let doc = Document::new("d", text);
        crate::extract_claims(&doc, &Config::default())
            .unwrap_or_default()
            .remove(0)
    }

    #[test]
    fn negation_flip_and_antonyms_contradict_with_reasons() {
        let lex = Lexicon::get();
        let v = lexical_verdict(
            lex,
            &claim("The minister attended the summit in Esk."),
            &claim("The minister did not attend the summit in Esk."),
            0.8,
        );
        assert_eq!(v.label, VerdictLabel::Contradict);
        assert!(v.reasons[0].starts_with("negation flip"));
        let v = lexical_verdict(
            lex,
            &claim("Prices rose sharply in the capital last year."),
            &claim("Prices fell sharply in the capital last year."),
            0.7,
        );
        assert_eq!(v.label, VerdictLabel::Contradict);
        assert!(v.reasons.iter().any(|r| r.contains("'rose' vs 'fell'")));
        let v = lexical_verdict(
            lex,
            &claim("Prices rose sharply in the capital last year."),
            &claim("Prices rose sharply in the capital last year."),
            0.9,
        );
        assert_eq!(v.label, VerdictLabel::Entail);
    }

    #[test]
    fn external_scores_take_the_highest_label_and_ties_are_neutral() {
        let label = |e, n, c| verdict_from_scores(e, n, c, "j".into()).label;
        assert_eq!(label(0.8, 0.1, 0.1), VerdictLabel::Entail);
        assert_eq!(label(0.1, 0.1, 0.8), VerdictLabel::Contradict);
        assert_eq!(label(0.1, 0.8, 0.1), VerdictLabel::Neutral);
        assert_eq!(label(0.5, 0.0, 0.5), VerdictLabel::Neutral);
        assert_eq!(label(0.0, 0.0, 0.0), VerdictLabel::Neutral);
    }
}
