//! Run the neural judge on a SICK-format file (tab-separated, header row, columns `sentence_A`,
//! `sentence_B`, `entailment_judgment`) and print 3-way accuracy and contradiction F1.
//!
//! ```sh
//! ORT_DYLIB_PATH=…/onnxruntime/capi/libonnxruntime.so.1.32.0 \
//!   cargo run --release -p factdiff-core --features onnx --example nli_pairs -- \
//!   target/tiny-nli/model.onnx target/tiny-nli/tokenizer.json ../shared/data/sick/SICK_trial.txt
//! ```
//!
//! The premise is `sentence_A`, the hypothesis `sentence_B`; the label order comes from
//! `config.json` beside the model. Only train/trial files belong here: never the held-out test split.

use factdiff_core::VerdictLabel;
use factdiff_core::{OnnxJudge, OnnxOptions};
use std::error::Error;
use std::time::Instant;

const LABELS: [&str; 3] = ["ENTAILMENT", "NEUTRAL", "CONTRADICTION"];

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model, tokenizer, data] = args.as_slice() else {
        return Err("usage: nli_pairs MODEL.onnx TOKENIZER.json SICK_FILE.txt".into());
    };
    let judge = OnnxJudge::load(&OnnxOptions::new(model, tokenizer))?;
    let text = std::fs::read_to_string(data)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| format!("{data}: no column {name}"))
    };
    let (a, b, gold) = (
        column("sentence_A")?,
        column("sentence_B")?,
        column("entailment_judgment")?,
    );
    let mut pairs = Vec::new();
    let mut labels = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let (Some(x), Some(y), Some(g)) = (cells.get(a), cells.get(b), cells.get(gold)) else {
            return Err(format!("{data}: short line: {line}").into());
        };
        let label = LABELS
            .iter()
            .position(|l| l == g)
            .ok_or_else(|| format!("{data}: unknown label {g}"))?;
        pairs.push((*x, *y));
        labels.push(label);
    }
    let start = Instant::now();
    let scores = judge.score_texts(&pairs)?;
    let seconds = start.elapsed().as_secs_f64();
    let predicted: Vec<usize> = scores
        .iter()
        .map(
            |&(e, n, c)| match factdiff_core::verdict_from_scores(e, n, c, String::new()).label {
                VerdictLabel::Entail => 0,
                VerdictLabel::Neutral => 1,
                VerdictLabel::Contradict => 2,
            },
        )
        .collect();
    let correct = predicted.iter().zip(&labels).filter(|(p, g)| p == g).count();
    let count = |f: &dyn Fn(usize, usize) -> bool| predicted.iter().zip(&labels).filter(|(p, g)| f(**p, **g)).count();
    let tp = count(&|p, g| p == 2 && g == 2) as f64;
    let fp = count(&|p, g| p == 2 && g != 2) as f64;
    let fn_ = count(&|p, g| p != 2 && g == 2) as f64;
    let f1 = if tp == 0.0 {
        0.0
    } else {
        2.0 * tp / (2.0 * tp + fp + fn_)
    };
    println!(
        "{} pairs: accuracy {:.2}%, contradiction F1 {:.3}, {:.0} pairs/s",
        pairs.len(),
        100.0 * correct as f64 / pairs.len().max(1) as f64,
        f1,
        pairs.len() as f64 / seconds.max(1e-9)
    );
    Ok(())
}
