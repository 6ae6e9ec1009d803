//! Confusion matrices, per-class F1, macro-F1, accuracy and the FNC-1 score.

/// A confusion matrix over `labels`: `m[gold][pred]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Confusion {
    pub labels: Vec<&'static str>,
    pub m: Vec<Vec<usize>>,
}

impl Confusion {
    pub fn new(labels: &[&'static str]) -> Self {
        Confusion {
            labels: labels.to_vec(),
            m: vec![vec![0; labels.len()]; labels.len()],
        }
    }

    pub fn add(&mut self, gold: usize, pred: usize) {
        if let Some(cell) = self.m.get_mut(gold).and_then(|row| row.get_mut(pred)) {
            *cell += 1;
        }
    }

    pub fn total(&self) -> usize {
        self.m.iter().flatten().sum()
    }

    /// Accuracy in percent.
    pub fn accuracy(&self) -> f64 {
        let right: usize = (0..self.labels.len()).map(|i| self.m[i][i]).sum();
        pct(right as f64, self.total() as f64)
    }

    /// F1 of class `k` in 0..=1 (0 when the class is never gold nor predicted).
    pub fn f1(&self, k: usize) -> f64 {
        let tp = self.m[k][k] as f64;
        let gold: usize = self.m[k].iter().sum();
        let pred: usize = self.m.iter().map(|row| row[k]).sum();
        if gold + pred == 0 {
            return 0.0;
        }
        2.0 * tp / (gold + pred) as f64
    }

    pub fn macro_f1(&self) -> f64 {
        let n = self.labels.len();
        (0..n).map(|k| self.f1(k)).sum::<f64>() / n as f64
    }

    /// Macro-F1 if every item were given the most frequent gold class.
    pub fn majority_macro_f1(&self) -> f64 {
        let n = self.labels.len();
        let count = self.m.iter().map(|row| row.iter().sum::<usize>()).max().unwrap_or(0);
        let total = self.total();
        if total == 0 || n == 0 {
            return 0.0;
        }
        // The majority class has recall 1 and precision count/total; every other class has F1 0.
        2.0 * count as f64 / (count + total) as f64 / n as f64
    }

    /// Accuracy of always predicting the most frequent gold class, in percent.
    pub fn majority_accuracy(&self) -> f64 {
        let top = self.m.iter().map(|row| row.iter().sum::<usize>()).max().unwrap_or(0);
        pct(top as f64, self.total() as f64)
    }

    /// The matrix as aligned text lines.
    pub fn render(&self) -> String {
        let w = self.labels.iter().map(|l| l.len()).max().unwrap_or(4).max(7);
        let mut out = format!("{:>w$} |", "gold\\pred");
        for l in &self.labels {
            out.push_str(&format!(" {l:>w$}"));
        }
        out.push('\n');
        for (i, row) in self.m.iter().enumerate() {
            out.push_str(&format!("{:>w$} |", self.labels[i]));
            for c in row {
                out.push_str(&format!(" {c:>w$}"));
            }
            out.push('\n');
        }
        out
    }
}

pub fn pct(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        100.0 * a / b
    }
}

/// FNC-1 labels, in the scorer's order; index 3 is `unrelated`.
pub const FNC_LABELS: [&str; 4] = ["agree", "disagree", "discuss", "unrelated"];
pub const UNRELATED: usize = 3;

/// Official FNC-1 score of a confusion matrix over [`FNC_LABELS`], as a percentage of the
/// score of the gold labels themselves (`fnc-1/scorer.py`).
pub fn fnc_score(c: &Confusion) -> f64 {
    let (mut got, mut max) = (0.0, 0.0);
    for g in 0..4 {
        for p in 0..4 {
            let n = c.m[g][p] as f64;
            let mut s = 0.0;
            if g == p {
                s += 0.25;
                if g != UNRELATED {
                    s += 0.50;
                }
            }
            if g != UNRELATED && p != UNRELATED {
                s += 0.25;
            }
            got += s * n;
            max += n * if g == UNRELATED { 0.25 } else { 1.0 };
        }
    }
    pct(got, max)
}

/// Pearson correlation of two equally long series (0 when either is constant or empty).
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    if n == 0 {
        return 0.0;
    }
    let mean = |v: &[f64]| v[..n].iter().sum::<f64>() / n as f64;
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y).take(n) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pearson_of_lines_and_constants() {
        assert!((pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]) - 1.0).abs() < 1e-12);
        assert!((pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
        assert_eq!(pearson(&[1.0, 2.0], &[5.0, 5.0]), 0.0);
        assert!((pearson(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]) - 0.8).abs() < 1e-12);
    }

    #[test]
    fn fnc_score_matches_the_scorer_definition() {
        let mut c = Confusion::new(&FNC_LABELS);
        c.add(0, 0); // 1.0
        c.add(1, 2); // 0.25
        c.add(3, 3); // 0.25
        c.add(2, 3); // 0
                     // max: 1 + 1 + 0.25 + 1 = 3.25
        assert!((fnc_score(&c) - 100.0 * 1.5 / 3.25).abs() < 1e-9);
        assert!((c.f1(0) - 1.0).abs() < 1e-9);
        assert!((c.accuracy() - 50.0).abs() < 1e-9);
    }
}
