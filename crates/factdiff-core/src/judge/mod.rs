//! Judges: pairwise verdicts (entail / neutral / contradict) on aligned claims.
//!
//! The [`LexicalJudge`] is the embedded default: a small multinomial logistic
//! regression ([`model`]) over named lexical features of the pair ([`features`]:
//! negation flip, antonymous predicates, refutation words, hedges, numbers,
//! term and entity overlap, ...). Its weights are a data file trained by
//! `factdiff-eval --train`; every verdict lists the features that decided it. Other judges
//! (a Python callable, an NLI model) implement [`Judge`] and are called only on
//! the candidate pairs that alignment produced, in one batch. With the cargo feature
//! `onnx`, [`onnx::OnnxJudge`] runs an NLI model through ONNX Runtime.

mod cues;
pub mod features;
pub mod model;
pub mod substitutions;

use crate::lexicon::Lexicon;
use crate::{Claim, Verdict, VerdictLabel};
pub(crate) use cues::key;
pub use cues::ClaimCues;
pub use features::{antonym_pair, PairFeatures};
pub use model::Model;
use rustc_hash::FxHashMap;
pub use substitutions::{Difference, Substitutions};

#[cfg(feature = "onnx")]
pub mod onnx;

/// Decides whether a premise supports, contradicts or says nothing about a hypothesis.
pub trait Judge: Sync {
    /// One verdict per pair, in order. `overlap` is the alignment's term overlap (0..=1).
    fn judge(&self, pairs: &[(&Claim, &Claim, f64)]) -> Vec<Verdict>;

    /// [`Judge::judge`] for a caller that keeps the reasons of pair `k` only when `reasons[k]` is
    /// true or the verdict is contradict: a judge may leave the other verdicts' reasons empty
    /// (the lexical judge then does not write them; most pairs of a big story are not shown).
    /// By default the same as `judge`.
    fn judge_terse(&self, pairs: &[(&Claim, &Claim, f64)], reasons: &[bool]) -> Vec<Verdict> {
        let _ = reasons;
        self.judge(pairs)
    }
}

/// The default judge, from word lists only.
#[derive(Clone, Copy, Debug, Default)]
pub struct LexicalJudge;

/// Read the built-in judge's tables (the learned substitutions and weights) now instead of at
/// their first use, so that a caller can read them beside the word lists.
pub fn load_tables() {
    Substitutions::get();
    model::Model::get();
}

impl Judge for LexicalJudge {
    fn judge(&self, pairs: &[(&Claim, &Claim, f64)]) -> Vec<Verdict> {
        lexical_verdicts(pairs, &|_| true)
    }

    fn judge_terse(&self, pairs: &[(&Claim, &Claim, f64)], reasons: &[bool]) -> Vec<Verdict> {
        lexical_verdicts(pairs, &|k| reasons.get(k).copied().unwrap_or(true))
    }
}

/// The lexical judge's verdicts on `pairs`, with reasons for pair `k` when `reasons(k)` or the
/// verdict is contradict.
fn lexical_verdicts(pairs: &[(&Claim, &Claim, f64)], reasons: &(dyn Fn(usize) -> bool + Sync)) -> Vec<Verdict> {
    use rayon::prelude::*;
    let lex = Lexicon::get();
    // A claim appears in many pairs: read its words and cues once (claims in parallel).
    // The cues sit in a list, found through a small map of claim ids to positions: a big
    // story has tens of thousands of claims, and a map of the cues themselves held a slot
    // of their size for every free entry of the table.
    let mut unique: Vec<&Claim> = Vec::new();
    let mut slot: FxHashMap<&str, usize> = FxHashMap::default();
    for (a, b, _) in pairs {
        for c in [*a, *b] {
            slot.entry(&*c.id).or_insert_with(|| {
                unique.push(c);
                unique.len() - 1
            });
        }
    }
    let cues: Vec<ClaimCues> = unique.par_iter().map(|c| ClaimCues::of(lex, c)).collect();
    drop(unique);
    let cue = |c: &Claim| slot.get(&*c.id).and_then(|&k| cues.get(k));
    pairs
        .par_iter()
        .enumerate()
        .map(|(k, (a, b, overlap))| match (cue(a), cue(b)) {
            (Some(ca), Some(cb)) => verdict_with_cues(lex, a, b, ca, cb, *overlap, reasons(k)),
            _ => lexical_verdict(lex, a, b, *overlap),
        })
        .collect()
}

/// A verdict from an external judge's three scores (an NLI model, a Python callable).
///
/// The label is the strictly highest score; a tie goes to neutral. `reason` names the judge.
///
/// ```
/// use factdiff_core::{verdict_from_scores, VerdictLabel};
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
    Verdict {
        label,
        entail,
        neutral,
        contradict,
        reasons: vec![format!("{reason}: {} {score:.2}", label.as_str())],
    }
}

/// The named features of each pair, as the [`LexicalJudge`] computes them (for training its
/// model), with the learned features read from `table` ([`Substitutions::get`] is the embedded
/// one; training passes the table it has just counted).
#[cfg(any(test, feature = "training"))]
pub fn pair_features(pairs: &[(&Claim, &Claim, f64)], table: &Substitutions) -> Vec<PairFeatures> {
    let lex = Lexicon::get();
    pairs
        .iter()
        .map(|(a, b, overlap)| {
            PairFeatures::with_table(
                lex,
                a,
                b,
                &ClaimCues::of(lex, a),
                &ClaimCues::of(lex, b),
                *overlap,
                table,
            )
        })
        .collect()
}

/// What each pair's claims differ in (content-word stems only one side has), for counting the
/// learned substitution table.
#[cfg(any(test, feature = "training"))]
pub fn pair_differences(pairs: &[(&Claim, &Claim, f64)]) -> Vec<Difference> {
    let lex = Lexicon::get();
    pairs
        .iter()
        .map(|(a, b, _)| Difference::of(&ClaimCues::of(lex, a), &ClaimCues::of(lex, b)))
        .collect()
}

/// Verdict for one pair from named lexical cues.
pub fn lexical_verdict(lex: &Lexicon, a: &Claim, b: &Claim, overlap: f64) -> Verdict {
    verdict_with_cues(lex, a, b, &ClaimCues::of(lex, a), &ClaimCues::of(lex, b), overlap, true)
}

/// The verdict on `a` and `b`, whose cues are `ca` and `cb`; without `with_reasons`, a verdict that
/// is not contradict comes without its reasons.
fn verdict_with_cues(
    lex: &Lexicon,
    a: &Claim,
    b: &Claim,
    ca: &ClaimCues,
    cb: &ClaimCues,
    overlap: f64,
    with_reasons: bool,
) -> Verdict {
    let x = PairFeatures::of(lex, a, b, ca, cb, overlap);
    let model = Model::get();
    let (k, [entail, neutral, contradict]) = model.decide(&x);
    let label = VerdictLabel::ALL[k];
    let mut reasons = Vec::new();
    if label == VerdictLabel::Contradict {
        reasons = cue_reasons(lex, a, b, ca, cb, &x);
    } else if !with_reasons {
        return Verdict {
            label,
            entail,
            neutral,
            contradict,
            reasons,
        };
    }
    let top = model.top_reasons(&x, k, 3);
    let p = [entail, neutral, contradict][k];
    let mut reason = if top.is_empty() {
        format!("judge model: {} {p:.2}", label.as_str())
    } else {
        format!("judge model: {} {p:.2} ({})", label.as_str(), top.join(", "))
    };
    // Every aligned pair keeps its verdict in the report (a big story has tens of thousands):
    // `format!` leaves up to half of a string unused, and a list grown by one push holds four.
    reason.shrink_to_fit();
    reasons.push(reason);
    reasons.shrink_to_fit();
    Verdict {
        label,
        entail,
        neutral,
        contradict,
        reasons,
    }
}

/// The conflict cues present in a pair, quoted from the text.
fn cue_reasons(lex: &Lexicon, a: &Claim, b: &Claim, ca: &ClaimCues, cb: &ClaimCues, x: &PairFeatures) -> Vec<String> {
    let first = |list: &crate::lexicon::CueList, c: &Claim| {
        list.find(&c.text)
            .first()
            .map(|(s, _)| s.slice(&c.text).to_string())
            .unwrap_or_default()
    };
    let mut reasons = Vec::new();
    if x.get("refutes_other_content") > 0.0 {
        let (r, other) = if ca.refutes_content_of(cb) >= cb.refutes_content_of(ca) {
            (a, b)
        } else {
            (b, a)
        };
        if let Some(refutation) = &r.refutation {
            reasons.push(format!(
                "refutation: {} says '{}' of what {} states",
                r.doc, refutation.cue.text, other.doc
            ));
        }
    }
    if x.get("negation_flip") > 0.0 {
        let neg = if ca.negates_what(cb) { a } else { b };
        let cue = [&lex.negators, &lex.implicit_negators, &lex.refuters]
            .into_iter()
            .map(|list| first(list, neg))
            .find(|t| !t.is_empty())
            .unwrap_or_default();
        reasons.push(format!("negation flip: one source says '{cue}'"));
    }
    if let Some((p, q)) = antonym_pair(lex, ca, cb) {
        reasons.push(format!("antonymous predicates: '{p}' vs '{q}'"));
    }
    if x.get("learned_pair_contradict") > 0.0 {
        let learned = Substitutions::get().scores(&Difference::of(ca, cb), None);
        if let Some((p, q)) = learned.contradicting_pair {
            reasons.push(format!("learned substitution implies contradiction: '{p}' vs '{q}'"));
        }
    }
    if x.get("refutation_one_side") > 0.0 {
        let c = if ca.refutes { a } else { b };
        reasons.push(format!(
            "refutation word '{}' in one source only",
            first(&lex.refuters, c)
        ));
    }
    reasons
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
    fn terse_verdicts_are_the_verdicts_without_the_reasons_not_asked_for() {
        let of = |id: &str, text: &str| {
            crate::extract_claims(&Document::new(id, text), &Config::default())
                .unwrap_or_default()
                .remove(0)
        };
        let a = of("a", "The dam on the Marin river broke on Sunday night.");
        let b = of("b", "The dam on the Marin river did not break on Sunday night.");
        let c = of("c", "The Marin river dam broke on Sunday night after rain.");
        let pairs = [(&a, &b, 0.8), (&a, &c, 0.6), (&b, &c, 0.5), (&a, &c, 0.6)];
        let full = LexicalJudge.judge(&pairs);
        let terse = LexicalJudge.judge_terse(&pairs, &[false, false, true, true]);
        assert_eq!(full[0].label, VerdictLabel::Contradict);
        for (k, (f, t)) in full.iter().zip(&terse).enumerate() {
            assert!(!f.reasons.is_empty());
            let kept = k >= 2 || f.label == VerdictLabel::Contradict;
            let want = if kept {
                f.clone()
            } else {
                Verdict {
                    reasons: Vec::new(),
                    ..f.clone()
                }
            };
            assert_eq!(t, &want, "pair {k}");
        }
        assert!(terse[1].reasons.is_empty() && !terse[3].reasons.is_empty());
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
    fn negations_away_from_the_shared_content_do_not_contradict() {
        let lex = Lexicon::get();
        let label = |a: &str, b: &str| lexical_verdict(lex, &claim(a), &claim(b), 0.6).label;
        // A negation in a side clause.
        assert_ne!(
            label(
                "The paper reports that the firm will close the plant in Esk, but doesn't say when.",
                "The firm will close the plant in Esk."
            ),
            VerdictLabel::Contradict
        );
        // A negation and a verb that means it.
        assert_ne!(
            label(
                "The guards locked the gate of the Esk prison so that the prisoner would not leave.",
                "The guards locked the gate of the Esk prison to prevent the prisoner from leaving."
            ),
            VerdictLabel::Contradict
        );
        // Two sources quoting the same refutation, one with a quote of two sentences.
        assert_ne!(
            label(
                "The ministry denied the report about the troops in Esk, saying it is “not true.”",
                "“It is not true. We never sent troops to Esk,” the ministry said."
            ),
            VerdictLabel::Contradict
        );
    }

    #[test]
    fn a_denial_of_what_the_other_states_contradicts() {
        let lex = Lexicon::get();
        let v = lexical_verdict(
            lex,
            &claim("Troops from Valdoria crossed the border into Esk on Monday."),
            &claim("The ministry denied that troops from Valdoria crossed the border into Esk on Monday."),
            0.7,
        );
        assert_eq!(v.label, VerdictLabel::Contradict);
        assert!(
            v.reasons[0].starts_with("refutation: d says 'denied'"),
            "{:?}",
            v.reasons
        );
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
