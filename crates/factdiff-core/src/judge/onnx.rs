//! The neural judge (cargo feature `onnx`): a natural-language-inference model, exported to ONNX by
//! the user, run by ONNX Runtime on the aligned claim pairs.
//!
//! ONNX Runtime is not linked at build time: `ort`'s `load-dynamic` feature opens the shared library
//! at run time, from [`OnnxOptions::library`] or the `ORT_DYLIB_PATH` variable (the `onnxruntime`
//! Python wheel ships one as `onnxruntime/capi/libonnxruntime.so.*`). The tokenizer is the model's
//! own `tokenizer.json`, read by the `tokenizers` crate, so WordPiece (BERT), BPE (RoBERTa) and
//! Unigram (DeBERTa-v3) models all get their own special tokens and segment ids.
//!
//! Every failure (library, model, tokenizer, label order, inference) is an [`OnnxError`]; nothing
//! here panics on user input. Inference errors cannot travel through [`Judge::judge`], so the
//! first one is kept, later batches are skipped (neutral verdicts) and [`OnnxJudge::take_error`]
//! hands it to the caller after the comparison.

use super::{verdict_from_scores, Judge};
use crate::{Claim, Verdict};
use ort::session::Session;
use ort::value::Tensor;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Mutex, OnceLock};
use tokenizers::{Tokenizer, TruncationParams};

/// What went wrong while loading or running the neural judge. Each displays as one line.
#[derive(Debug, thiserror::Error)]
pub enum OnnxError {
    #[error(
        "no ONNX Runtime library: set ORT_DYLIB_PATH or pass its path (after `pip install onnxruntime` it is \
         onnxruntime/capi/libonnxruntime.so.* in site-packages)"
    )]
    /// No ONNX Runtime library was given or found.
    NoLibrary,
    /// The given ONNX Runtime library does not exist.
    #[error("ONNX Runtime library {0}: no such file")]
    LibraryMissing(PathBuf),
    /// The ONNX Runtime library exists but cannot be loaded.
    #[error("ONNX Runtime library {path}: cannot be loaded: {message}")]
    LibraryLoad {
        /// The library.
        path: PathBuf,
        /// Why it cannot be loaded.
        message: String,
    },
    /// This process already loaded another ONNX Runtime library.
    #[error("ONNX Runtime was already loaded from {loaded} in this process; cannot switch to {wanted}")]
    LibraryConflict {
        /// The library loaded first.
        loaded: PathBuf,
        /// The library asked for now.
        wanted: PathBuf,
    },
    /// The model cannot be read or run.
    #[error("model {path}: {message}")]
    Model {
        /// The model file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The tokenizer cannot be read or used.
    #[error("tokenizer {path}: {message}")]
    Tokenizer {
        /// The tokenizer file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The model's label order is missing or not the three NLI classes.
    #[error("label order: {0}")]
    Labels(String),
    /// An option is out of range.
    #[error("neural judge options: {0}")]
    Options(String),
    /// Running the model on a batch failed.
    #[error("the neural judge failed: {0}")]
    Inference(String),
}

/// One of the three NLI classes, as a model's output names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NliLabel {
    /// The hypothesis follows from the premise.
    Entailment,
    /// Neither follows nor contradicts.
    Neutral,
    /// The two cannot both be true.
    Contradiction,
}

impl FromStr for NliLabel {
    type Err = OnnxError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "entailment" | "entail" | "entails" => Ok(NliLabel::Entailment),
            "neutral" => Ok(NliLabel::Neutral),
            "contradiction" | "contradict" | "contradicts" => Ok(NliLabel::Contradiction),
            other => Err(OnnxError::Labels(format!(
                "'{other}' is not entailment, neutral or contradiction"
            ))),
        }
    }
}

/// Which logit is which class: the model's output index `i` is `self.0[i]`.
///
/// Models differ (`roberta-large-mnli`: contradiction, neutral, entailment; the `cross-encoder/nli-*`
/// models: contradiction, entailment, neutral), so the order is always stated or read from the
/// model's `config.json` (`id2label`).
///
/// ```
/// use factdiff_core::{LabelOrder, NliLabel};
/// let order: LabelOrder = "contradiction,entailment,neutral".parse().unwrap();
/// assert_eq!(order.0, [NliLabel::Contradiction, NliLabel::Entailment, NliLabel::Neutral]);
/// assert!("entailment,neutral".parse::<LabelOrder>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabelOrder(pub [NliLabel; 3]);

impl FromStr for LabelOrder {
    type Err = OnnxError;

    /// Three comma-separated names, each class once.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let labels = s.split(',').map(str::parse).collect::<Result<Vec<NliLabel>, _>>()?;
        LabelOrder::new(&labels)
    }
}

impl LabelOrder {
    fn new(labels: &[NliLabel]) -> Result<LabelOrder, OnnxError> {
        match labels {
            [a, b, c] if a != b && a != c && b != c => Ok(LabelOrder([*a, *b, *c])),
            _ => Err(OnnxError::Labels(format!(
                "need entailment, neutral and contradiction once each, got {labels:?}"
            ))),
        }
    }

    /// The order in a Hugging Face `config.json` (`"id2label": {"0": "CONTRADICTION", …}`).
    pub fn from_config_json(text: &str) -> Result<LabelOrder, OnnxError> {
        let config: serde_json::Value =
            serde_json::from_str(text).map_err(|e| OnnxError::Labels(format!("config.json: {e}")))?;
        let id2label = config
            .get("id2label")
            .and_then(|v| v.as_object())
            .ok_or_else(|| OnnxError::Labels("config.json has no id2label".into()))?;
        let labels = (0..id2label.len())
            .map(|i| {
                id2label
                    .get(&i.to_string())
                    .and_then(|v| v.as_str())
                    .ok_or_else(|| OnnxError::Labels(format!("config.json id2label has no entry {i}")))?
                    .parse()
            })
            .collect::<Result<Vec<NliLabel>, _>>()?;
        LabelOrder::new(&labels)
    }

    /// (entail, neutral, contradict) probabilities from one row of logits: a softmax, then each
    /// probability goes to the class at its index.
    ///
    /// ```
    /// use factdiff_core::LabelOrder;
    /// let order: LabelOrder = "contradiction,neutral,entailment".parse().unwrap();
    /// let (e, n, c) = order.scores(&[3.0, 0.0, -1.0]);
    /// assert!(c > 0.9 && n < 0.1 && e < n);
    /// ```
    pub fn scores(&self, logits: &[f32; 3]) -> (f64, f64, f64) {
        let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let exp: Vec<f64> = logits.iter().map(|&x| f64::from(x - max).exp()).collect();
        let sum: f64 = exp.iter().sum();
        let (mut e, mut n, mut c) = (0.0, 0.0, 0.0);
        for (label, p) in self.0.iter().zip(&exp) {
            let p = if sum.is_finite() && sum > 0.0 { p / sum } else { 0.0 };
            match label {
                NliLabel::Entailment => e = p,
                NliLabel::Neutral => n = p,
                NliLabel::Contradiction => c = p,
            }
        }
        (e, n, c)
    }
}

/// Where the model, tokenizer and runtime are, and how to call the model.
#[derive(Clone, Debug)]
pub struct OnnxOptions {
    /// The NLI model (`.onnx`), inputs named `input_ids`, `attention_mask` and optionally
    /// `token_type_ids`; its first output holds one row of three logits per pair.
    pub model: PathBuf,
    /// The model's `tokenizer.json`.
    pub tokenizer: PathBuf,
    /// The ONNX Runtime shared library; `None` reads `ORT_DYLIB_PATH`.
    pub library: Option<PathBuf>,
    /// Which logit is which class; `None` reads `id2label` from `config.json` beside the model.
    pub labels: Option<LabelOrder>,
    /// Pairs per model call.
    pub batch_size: usize,
    /// Longest input in tokens (premise and hypothesis together); longer pairs are truncated.
    pub max_tokens: usize,
    /// Judge each pair both ways (a→b and b→a) and average: alignment pairs have no direction.
    pub both_directions: bool,
}

impl OnnxOptions {
    /// Options with the defaults: batches of 16, 256 tokens, both directions.
    pub fn new(model: impl Into<PathBuf>, tokenizer: impl Into<PathBuf>) -> OnnxOptions {
        OnnxOptions {
            model: model.into(),
            tokenizer: tokenizer.into(),
            library: None,
            labels: None,
            batch_size: 16,
            max_tokens: 256,
            both_directions: true,
        }
    }
}

/// What the model reads; anything else in its inputs is refused when it is loaded.
#[derive(Clone, Copy, Debug)]
enum ModelInput {
    Ids,
    Mask,
    TypeIds,
}

/// The neural judge. Build it with [`OnnxJudge::load`]; pass it to [`crate::compare`] in [`crate::CompareOptions::judge`];
/// then call [`OnnxJudge::take_error`].
pub struct OnnxJudge {
    session: Mutex<Session>,
    inputs: Vec<(String, ModelInput)>,
    tokenizer: Tokenizer,
    pad_id: u32,
    labels: LabelOrder,
    batch_size: usize,
    both_directions: bool,
    error: Mutex<Option<OnnxError>>,
}

impl std::fmt::Debug for OnnxJudge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OnnxJudge")
            .field("inputs", &self.inputs)
            .field("labels", &self.labels)
            .field("batch_size", &self.batch_size)
            .field("both_directions", &self.both_directions)
            .finish_non_exhaustive()
    }
}

impl OnnxJudge {
    /// Load the runtime, the tokenizer and the model. Cheap checks (files exist, label order)
    /// come first, so a wrong path is reported before the runtime is touched.
    pub fn load(options: &OnnxOptions) -> Result<OnnxJudge, OnnxError> {
        let model_error = |message: String| OnnxError::Model {
            path: options.model.clone(),
            message,
        };
        let tokenizer_error = |message: String| OnnxError::Tokenizer {
            path: options.tokenizer.clone(),
            message,
        };
        if !options.model.is_file() {
            return Err(model_error("no such file".into()));
        }
        if !options.tokenizer.is_file() {
            return Err(tokenizer_error("no such file".into()));
        }
        let labels = match options.labels {
            Some(order) => order,
            None => labels_beside(&options.model)?,
        };
        if options.batch_size == 0 || options.max_tokens < 8 {
            return Err(OnnxError::Options(
                "the batch size must be at least 1 and the token limit at least 8".into(),
            ));
        }
        let mut tokenizer = Tokenizer::from_file(&options.tokenizer).map_err(|e| tokenizer_error(e.to_string()))?;
        let pad_id = tokenizer
            .get_padding()
            .map(|p| p.pad_id)
            .or_else(|| tokenizer.token_to_id("[PAD]"))
            .or_else(|| tokenizer.token_to_id("<pad>"))
            .unwrap_or(0);
        // Padding is done here, to the longest pair of each batch, whatever tokenizer.json says.
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: options.max_tokens,
                ..TruncationParams::default()
            }))
            .map_err(|e| tokenizer_error(e.to_string()))?;
        init_runtime(options.library.clone())?;
        let session = Session::builder()
            .and_then(|b| b.commit_from_file(&options.model))
            .map_err(|e| model_error(e.to_string()))?;
        let inputs = session
            .inputs
            .iter()
            .map(|input| {
                let kind = match input.name.as_str() {
                    "input_ids" => ModelInput::Ids,
                    "attention_mask" => ModelInput::Mask,
                    "token_type_ids" => ModelInput::TypeIds,
                    other => {
                        return Err(model_error(format!(
                            "input '{other}' is not one of input_ids, attention_mask, token_type_ids"
                        )))
                    }
                };
                Ok((input.name.clone(), kind))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if !inputs.iter().any(|(_, k)| matches!(k, ModelInput::Ids)) {
            return Err(model_error("the model has no input_ids input".into()));
        }
        if session.outputs.is_empty() {
            return Err(model_error("the model has no output".into()));
        }
        Ok(OnnxJudge {
            session: Mutex::new(session),
            inputs,
            tokenizer,
            pad_id,
            labels,
            batch_size: options.batch_size,
            both_directions: options.both_directions,
            error: Mutex::new(None),
        })
    }

    /// The first inference error of the comparisons so far, if any (and forget it).
    pub fn take_error(&self) -> Option<OnnxError> {
        self.error
            .lock()
            .map_or_else(|e| e.into_inner().take(), |mut slot| slot.take())
    }

    /// (entail, neutral, contradict) for each (premise, hypothesis), in order.
    pub fn score_texts(&self, pairs: &[(&str, &str)]) -> Result<Vec<(f64, f64, f64)>, OnnxError> {
        let mut scores = Vec::with_capacity(pairs.len());
        for batch in pairs.chunks(self.batch_size) {
            let logits = self.run(batch)?;
            scores.extend(logits.iter().map(|row| self.labels.scores(row)));
        }
        Ok(scores)
    }

    /// One model call: tokenize, pad to the longest pair, run, read one row of logits per pair.
    fn run(&self, batch: &[(&str, &str)]) -> Result<Vec<[f32; 3]>, OnnxError> {
        let fail = |e: &dyn std::fmt::Display| OnnxError::Inference(e.to_string());
        let texts: Vec<(String, String)> = batch.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        let encodings = self.tokenizer.encode_batch(texts, true).map_err(|e| fail(&e))?;
        let width = encodings.iter().map(|e| e.get_ids().len()).max().unwrap_or(0).max(1);
        let rows = encodings.len();
        let mut ids = vec![i64::from(self.pad_id); rows * width];
        let mut mask = vec![0_i64; rows * width];
        let mut types = vec![0_i64; rows * width];
        for (r, enc) in encodings.iter().enumerate() {
            let at = r * width;
            for (k, ((&id, &m), &t)) in enc
                .get_ids()
                .iter()
                .zip(enc.get_attention_mask())
                .zip(enc.get_type_ids())
                .enumerate()
            {
                ids[at + k] = i64::from(id);
                mask[at + k] = i64::from(m);
                types[at + k] = i64::from(t);
            }
        }
        let shape = [rows, width];
        let mut values = Vec::with_capacity(self.inputs.len());
        for (name, kind) in &self.inputs {
            let data = match kind {
                ModelInput::Ids => ids.clone(),
                ModelInput::Mask => mask.clone(),
                ModelInput::TypeIds => types.clone(),
            };
            let tensor = Tensor::from_array((shape, data)).map_err(|e| fail(&e))?;
            values.push((name.as_str(), tensor));
        }
        let mut session = self
            .session
            .lock()
            .map_err(|_| OnnxError::Inference("an earlier model call panicked".into()))?;
        let outputs = session.run(values).map_err(|e| fail(&e))?;
        let (out_shape, logits) = outputs[0].try_extract_tensor::<f32>().map_err(|e| fail(&e))?;
        let dims: &[i64] = out_shape;
        if dims != [rows as i64, 3] {
            return Err(OnnxError::Inference(format!(
                "expected logits of shape [{rows}, 3], the model returned {dims:?}"
            )));
        }
        Ok(logits.chunks_exact(3).map(|row| [row[0], row[1], row[2]]).collect())
    }

    fn record(&self, error: OnnxError) {
        if let Ok(mut slot) = self.error.lock() {
            slot.get_or_insert(error);
        }
    }

    fn failed(&self) -> bool {
        self.error.lock().map_or(true, |slot| slot.is_some())
    }
}

impl Judge for OnnxJudge {
    fn judge(&self, pairs: &[(&Claim, &Claim, f64)]) -> Vec<Verdict> {
        let forward: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(a, b, _)| (a.text.as_str(), b.text.as_str()))
            .collect();
        let scores = (!self.failed())
            .then(|| {
                let mut scores = self.score_texts(&forward)?;
                if self.both_directions {
                    let backward: Vec<(&str, &str)> = forward.iter().map(|&(a, b)| (b, a)).collect();
                    let reverse = self.score_texts(&backward)?;
                    for (s, r) in scores.iter_mut().zip(reverse) {
                        *s = ((s.0 + r.0) / 2.0, (s.1 + r.1) / 2.0, (s.2 + r.2) / 2.0);
                    }
                }
                Ok(scores)
            })
            .and_then(|result| result.map_err(|e| self.record(e)).ok())
            .unwrap_or_else(|| vec![(0.0, 1.0, 0.0); pairs.len()]);
        scores
            .into_iter()
            .map(|(e, n, c)| verdict_from_scores(e, n, c, "nli model".into()))
            .collect()
    }
}

/// The label order from `config.json` in the model's folder.
fn labels_beside(model: &Path) -> Result<LabelOrder, OnnxError> {
    let config = model.with_file_name("config.json");
    let text = std::fs::read_to_string(&config).map_err(|e| {
        OnnxError::Labels(format!(
            "not given, and {} cannot be read ({e}): pass the order, e.g. contradiction,entailment,neutral",
            config.display()
        ))
    })?;
    LabelOrder::from_config_json(&text)
}

/// The first library path this process gave ort: ort keeps it for good, even when loading failed.
static LIBRARY: OnceLock<PathBuf> = OnceLock::new();

/// Load ONNX Runtime once per process, from `library` or `ORT_DYLIB_PATH`.
///
/// ort panics when the file is not a loadable ONNX Runtime (not a library, no `OrtGetApiBase`,
/// older than 1.22). That panic is caught here, with the panic message kept out of stderr, and
/// becomes [`OnnxError::LibraryLoad`]: a wrong path is a user error, not a crash.
fn init_runtime(library: Option<PathBuf>) -> Result<(), OnnxError> {
    let path = library
        .or_else(|| {
            std::env::var_os("ORT_DYLIB_PATH")
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
        })
        .ok_or(OnnxError::NoLibrary)?;
    if !path.is_file() {
        return Err(OnnxError::LibraryMissing(path));
    }
    let first = LIBRARY.get_or_init(|| path.clone());
    if *first != path {
        return Err(OnnxError::LibraryConflict {
            loaded: first.clone(),
            wanted: path,
        });
    }
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = std::panic::catch_unwind(|| ort::init_from(path.display().to_string()).commit());
    std::panic::set_hook(hook);
    let load_error = |message: String| OnnxError::LibraryLoad {
        path: path.clone(),
        message,
    };
    match outcome {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => Err(load_error(e.to_string())),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "not an ONNX Runtime library".into());
            Err(load_error(message))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_order_parses_names_and_refuses_repeats() -> Result<(), OnnxError> {
        let order: LabelOrder = " Entailment , NEUTRAL,contradict".parse()?;
        assert_eq!(
            order.0,
            [NliLabel::Entailment, NliLabel::Neutral, NliLabel::Contradiction]
        );
        assert!("entailment,entailment,neutral".parse::<LabelOrder>().is_err());
        assert!("entailment,neutral,contradiction,neutral"
            .parse::<LabelOrder>()
            .is_err());
        assert!("yes,no,maybe".parse::<LabelOrder>().is_err());
        Ok(())
    }

    #[test]
    fn label_order_from_config_json() -> Result<(), OnnxError> {
        let config = r#"{"id2label": {"0": "CONTRADICTION", "1": "NEUTRAL", "2": "ENTAILMENT"}}"#;
        assert_eq!(
            LabelOrder::from_config_json(config)?.0,
            [NliLabel::Contradiction, NliLabel::Neutral, NliLabel::Entailment]
        );
        assert!(
            LabelOrder::from_config_json(r#"{"id2label": {"0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2"}}"#).is_err()
        );
        assert!(LabelOrder::from_config_json(r#"{"id2label": {"0": "entailment", "2": "neutral"}}"#).is_err());
        assert!(LabelOrder::from_config_json("{}").is_err());
        assert!(LabelOrder::from_config_json("not json").is_err());
        Ok(())
    }

    #[test]
    fn logits_become_probabilities_of_the_right_class() -> Result<(), OnnxError> {
        let logits = [2.0_f32, -1.0, 0.5];
        let a: LabelOrder = "entailment,neutral,contradiction".parse()?;
        let b: LabelOrder = "contradiction,entailment,neutral".parse()?;
        let (e, n, c) = a.scores(&logits);
        assert!((e + n + c - 1.0).abs() < 1e-9);
        assert!(e > c && c > n);
        // The same logits under another order: the top logit is now contradiction.
        let (e2, n2, c2) = b.scores(&logits);
        assert!((c2 - e).abs() < 1e-9 && (e2 - n).abs() < 1e-9 && (n2 - c).abs() < 1e-9);
        let v = verdict_from_scores(e2, n2, c2, "nli model".into());
        assert_eq!(v.label, crate::VerdictLabel::Contradict);
        // Huge logits do not overflow; equal logits are a tie, which is neutral.
        let (e, n, c) = a.scores(&[1e30, 0.0, 0.0]);
        assert!(e > 0.99 && n < 1e-9 && c < 1e-9);
        let (e, n, c) = a.scores(&[0.0, 0.0, 0.0]);
        assert_eq!(
            verdict_from_scores(e, n, c, "m".into()).label,
            crate::VerdictLabel::Neutral
        );
        Ok(())
    }

    #[test]
    fn missing_files_and_library_are_errors_not_panics() {
        let dir = std::env::temp_dir().join(format!("factdiff-onnx-test-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let model = dir.join("model.onnx");
        let tokenizer = dir.join("tokenizer.json");
        let mut options = OnnxOptions::new(&model, &tokenizer);
        options.labels = Some(LabelOrder([
            NliLabel::Entailment,
            NliLabel::Neutral,
            NliLabel::Contradiction,
        ]));
        assert!(matches!(OnnxJudge::load(&options), Err(OnnxError::Model { .. })));
        let _ = std::fs::write(&model, b"not a model");
        assert!(matches!(OnnxJudge::load(&options), Err(OnnxError::Tokenizer { .. })));
        let _ = std::fs::write(&tokenizer, b"{ not json");
        let err = OnnxJudge::load(&options).err();
        assert!(matches!(err, Some(OnnxError::Tokenizer { .. })), "{err:?}");
        options.batch_size = 0;
        assert!(matches!(OnnxJudge::load(&options), Err(OnnxError::Options(_))));
        options.batch_size = 16;
        // No labels given and no config.json beside the model.
        options.labels = None;
        let err = OnnxJudge::load(&options).err();
        assert!(matches!(err, Some(OnnxError::Labels(_))), "{err:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_or_broken_runtime_library_is_an_error() {
        let dir = std::env::temp_dir().join(format!("factdiff-onnx-lib-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let missing = dir.join("libonnxruntime.so.0");
        assert!(matches!(
            init_runtime(Some(missing.clone())),
            Err(OnnxError::LibraryMissing(p)) if p == missing
        ));
        // A file that is not a shared library: ort's panic is caught and reported.
        let fake = dir.join("libonnxruntime.so.1");
        let _ = std::fs::write(&fake, b"not a library");
        let err = init_runtime(Some(fake.clone())).err();
        match err {
            Some(OnnxError::LibraryLoad { path, message }) => {
                assert_eq!(path, fake);
                assert!(!message.is_empty());
            }
            Some(OnnxError::LibraryConflict { .. }) => {} // another test loaded a real runtime first
            other => panic!("expected a load error, got {other:?}"),
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
