//! From report signals to dataset labels. The thresholds are tuned on training data only
//! (FNC-1 bodies outside the hold-out split, SICK train) with `factdiff-eval --tune`.

use crate::signals::Signals;

/// Thresholds of the label mapping.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mapping {
    /// A pair is related when its best alignment score reaches this ...
    pub related_score: f64,
    /// ... or one alignment shares at least this many terms and entities.
    pub related_shared: usize,
    /// FNC-1 disagree also when this many source claims carry a refutation cue.
    pub refuting_claims: usize,
    /// FNC-1 agree needs the best entail score to reach this ...
    pub agree_entail: f64,
    /// ... and at most this share of hedged or attributed source claims, and an unhedged headline.
    pub agree_hedged_share: f64,
    /// SICK entailment / claim supported when the best entail score reaches this.
    pub entail: f64,
}

impl Default for Mapping {
    fn default() -> Self {
        Mapping {
            related_score: 0.15,
            related_shared: 2,
            refuting_claims: 4,
            agree_entail: 0.1,
            agree_hedged_share: 0.4,
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

    /// FNC-1: agree / disagree / discuss / unrelated.
    pub fn fnc(&self, s: &Signals) -> usize {
        let hedged_share = s.source_hedged_all as f64 / s.source_claims.max(1) as f64;
        if !self.related(s) {
            3
        } else if conflict(s) || s.source_refuting >= self.refuting_claims {
            1
        } else if s.max_entail >= self.agree_entail && !s.claim_hedged && hedged_share <= self.agree_hedged_share {
            0
        } else {
            2
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

    /// Emergent: for / against / observing (stance of the article headline = source).
    pub fn emergent(&self, s: &Signals) -> usize {
        if conflict(s) || s.source_refuting > 0 {
            1
        } else if s.source_any_hedged || s.source_question {
            2
        } else {
            0
        }
    }

    /// Claim verification: supports / refutes / not enough info.
    pub fn verify(&self, s: &Signals) -> usize {
        if self.related(s) && conflict(s) {
            1
        } else if s.max_entail >= self.entail {
            0
        } else {
            2
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
