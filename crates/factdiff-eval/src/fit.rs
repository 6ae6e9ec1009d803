//! Fitting the engine's three-class linear models (the judge's and the position model's), and
//! the decision threshold of the binary ones (the aligner's and the semantic mode's).

use factdiff_core::training::linear::{logits, softmax, Weights};

/// Gradient descent for the engine's three-class linear models ([`factdiff_core::training::linear`]):
/// full batch, log loss with a weight per gold class, an L2 pull towards `start` (not on the bias,
/// feature 0), a fixed step and number of iterations, so the same rows give the same weights.
pub fn fit_linear<X, const N: usize>(
    rows: &[(X, usize)],
    values: fn(&X) -> &[f64; N],
    start: &Weights<N>,
    class_weight: [f64; 3],
    rate: f64,
    iterations: usize,
    l2: f64,
) -> Weights<N> {
    let mut weights = *start;
    if rows.is_empty() {
        return weights;
    }
    let total: f64 = rows.iter().map(|(_, y)| class_weight[*y]).sum();
    for _ in 0..iterations {
        let mut grad = [[0.0; N]; 3];
        for (x, y) in rows {
            let x = values(x);
            let p = softmax(logits(&weights, x));
            for (k, g) in grad.iter_mut().enumerate() {
                let err = class_weight[*y] * (p[k] - if k == *y { 1.0 } else { 0.0 });
                for (gf, v) in g.iter_mut().zip(x) {
                    *gf += err * v;
                }
            }
        }
        for ((w, g), s) in weights.iter_mut().zip(&grad).zip(start) {
            for f in 0..N {
                let penalty = if f == 0 { 0.0 } else { l2 * (w[f] - s[f]) };
                w[f] -= rate * (g[f] / total + penalty);
            }
        }
    }
    weights
}

/// The decision threshold among 0.30, 0.32, …, 0.80 with the best `accuracy` (the first of equals)
/// and that accuracy, to be folded into a binary model's bias so that one half is its decision.
pub fn best_threshold(accuracy: impl Fn(f64) -> f64) -> (f64, f64) {
    let (mut best_t, mut best) = (0.5, f64::NEG_INFINITY);
    for step in 0..=25 {
        let t = 0.3 + 0.02 * f64::from(step);
        let a = accuracy(t);
        if a > best + 1e-12 {
            (best_t, best) = (t, a);
        }
    }
    (best_t, best)
}
