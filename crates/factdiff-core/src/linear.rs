//! What the engine's two small learned models share (the judge's pair model and the position
//! model): three classes scored linearly over named features, a softmax, the weight lines of their
//! data files, and reasons naming the features that pushed a class.

/// Weights per class (three) and feature (`N`).
pub type Weights<const N: usize> = [[f64; N]; 3];

/// Class scores before the softmax.
pub fn logits<const N: usize>(weights: &Weights<N>, x: &[f64; N]) -> [f64; 3] {
    let mut z = [0.0; 3];
    for (k, w) in weights.iter().enumerate() {
        z[k] = w.iter().zip(x).map(|(w, v)| w * v).sum();
    }
    z
}

/// Softmax of three scores.
pub fn softmax(z: [f64; 3]) -> [f64; 3] {
    let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e = z.map(|v| (v - m).exp());
    let s: f64 = e.iter().sum();
    e.map(|v| v / s)
}

/// One `name w0 w1 w2` line per feature, as the weights files hold them.
#[cfg(any(test, feature = "training"))]
pub fn weight_lines<const N: usize>(names: &[&str; N], weights: &Weights<N>) -> String {
    let mut out = String::new();
    for (f, name) in names.iter().enumerate() {
        out.push_str(&format!(
            "{name} {:.4} {:.4} {:.4}\n",
            weights[0][f], weights[1][f], weights[2][f]
        ));
    }
    out
}

/// The features (after the bias, the first) that pushed class `k` most above the mean of the
/// other two, as `"negation flip +1.92"`: features with the same description are summed,
/// strongest first, at most `n`, pushes above 0.05 only.
pub fn top_reasons<const N: usize>(
    names: &[&str; N],
    describe: fn(&str) -> &'static str,
    weights: &Weights<N>,
    x: &[f64; N],
    k: usize,
    n: usize,
) -> Vec<String> {
    let mut parts: Vec<(&str, f64)> = Vec::new();
    for (f, name) in names.iter().enumerate().skip(1) {
        let others = (0..3).filter(|j| *j != k).map(|j| weights[j][f]).sum::<f64>() / 2.0;
        let push = x[f] * (weights[k][f] - others);
        if push <= 0.05 {
            continue;
        }
        let label = describe(name);
        match parts.iter_mut().find(|(l, _)| *l == label) {
            Some(p) => p.1 += push,
            None => parts.push((label, push)),
        }
    }
    parts.sort_by(|a, b| b.1.total_cmp(&a.1));
    parts.into_iter().take(n).map(|(l, v)| format!("{l} +{v:.2}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softmax_sums_to_one_and_keeps_order() {
        let p = softmax([2.0, 0.0, -1.0]);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(p[0] > p[1] && p[1] > p[2]);
    }

    #[test]
    fn reasons_name_the_strongest_pushes_and_merge_equal_descriptions() {
        let names = ["bias", "a", "b", "c"];
        let describe = |n: &str| -> &'static str {
            match n {
                "a" | "b" => "a or b",
                _ => "c",
            }
        };
        let w = [[5.0, 1.0, 1.0, 3.0], [0.0; 4], [0.0; 4]];
        let x = [1.0, 1.0, 1.0, 0.5];
        assert_eq!(logits(&w, &x), [8.5, 0.0, 0.0]);
        assert_eq!(top_reasons(&names, describe, &w, &x, 0, 3), ["a or b +2.00", "c +1.50"]);
        assert_eq!(top_reasons(&names, describe, &w, &x, 1, 3), Vec::<String>::new());
        assert_eq!(
            weight_lines(&["bias"], &[[1.0], [2.0], [-0.5]]),
            "bias 1.0000 2.0000 -0.5000\n"
        );
    }
}
