//! From report signals to dataset labels. Stance labels (FNC-1 agree / disagree / discuss,
//! Emergent, Climate-FEVER) are the engine's document positions read from the report; the few
//! remaining thresholds are tuned on training data only (FNC-1 bodies outside the hold-out split,
//! SICK train) with `factdiff-eval --tune`.

use crate::signals::Signals;
use factdiff_core::PositionLabel;

/// Thresholds of the label mapping.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mapping {
    /// A pair is related when its best alignment score reaches this ...
    pub related_score: f64,
    /// ... or one alignment shares at least this many terms and entities.
    pub related_shared: usize,
    /// SICK entailment / claim supported when the best entail score reaches this.
    pub entail: f64,
}

impl Default for Mapping {
    fn default() -> Self {
        Mapping {
            related_score: 0.15,
            related_shared: 2,
            entail: 0.4,
        }
    }
}

fn conflict(s: &Signals) -> bool {
    s.conflict || s.refutation || s.contradict > 0
}

impl Mapping {
    pub fn related(&self, s: &Signals) -> bool {
        s.aligned > 0 && (s.best_score >= self.related_score || s.best_shared >= self.related_shared)
    }

    /// FNC-1: agree / disagree / discuss / unrelated: unrelated unless related, else the body's
    /// position on the headline's cluster.
    pub fn fnc(&self, s: &Signals) -> usize {
        if !self.related(s) {
            3
        } else {
            match s.position {
                Some(PositionLabel::Corroborates) => 0,
                Some(PositionLabel::Disputes) => 1,
                _ => 2,
            }
        }
    }

    /// SICK: entailment / neutral / contradiction.
    pub fn sick(&self, s: &Signals) -> usize {
        if conflict(s) {
            2
        } else if s.max_entail >= self.entail {
            0
        } else {
            1
        }
    }

    /// Emergent: for / against / observing, from the article headline's (source's) own cues, fixed
    /// a priori: against on a conflict or a refutation cue, observing when it is hedged, attributed
    /// or a question, else for. The position model is not used here: it is trained on FNC-1 bodies
    /// and reads one-sentence headlines worse (61.3% dev accuracy against this rule's 68.6%).
    pub fn emergent(&self, s: &Signals) -> usize {
        if conflict(s) || s.source_refuting > 0 {
            1
        } else if s.source_any_hedged || s.source_question {
            2
        } else {
            0
        }
    }

    /// Claim verification: supports / refutes / not enough info, from the evidence's position on
    /// the claim when the two are related.
    pub fn verify(&self, s: &Signals) -> usize {
        match s.position {
            Some(PositionLabel::Corroborates) if self.related(s) => 0,
            Some(PositionLabel::Disputes) if self.related(s) => 1,
            _ => 2,
        }
    }

    /// WiCE: supported / partially supported / not supported.
    pub fn wice(&self, s: &Signals) -> usize {
        if s.max_entail >= self.entail && !conflict(s) {
            0
        } else if self.related(s) {
            1
        } else {
            2
        }
    }
}
