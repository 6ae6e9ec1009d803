//! Which judge gives the verdicts on aligned pairs. Without the cargo feature `onnx` this is always
//! the lexical judge and [`JudgeArgs`] adds no flags; with it, `--judge onnx --model … --tokenizer …`
//! runs an NLI model through ONNX Runtime.

use crate::input::CliError;
use clap::Args;
use factdiff_core::{CompareOptions, Config, Document, Report};
#[cfg(feature = "onnx")]
use std::path::PathBuf;

/// The judge flags shared by `report`, `align` and `check`.
#[derive(Args, Debug, Default)]
pub struct JudgeArgs {
    /// Who judges aligned pairs: the built-in word lists, or an NLI model (ONNX).
    #[cfg(feature = "onnx")]
    #[arg(long, value_enum, default_value_t = JudgeKind::Lexical)]
    pub judge: JudgeKind,
    /// The NLI model file (.onnx) for `--judge onnx`.
    #[cfg(feature = "onnx")]
    #[arg(long, value_name = "FILE", required_if_eq("judge", "onnx"))]
    pub model: Option<PathBuf>,
    /// The model's tokenizer.json for `--judge onnx`.
    #[cfg(feature = "onnx")]
    #[arg(long, value_name = "FILE", required_if_eq("judge", "onnx"))]
    pub tokenizer: Option<PathBuf>,
    /// The model's output order, e.g. contradiction,entailment,neutral [default: id2label of
    /// config.json beside the model].
    #[cfg(feature = "onnx")]
    #[arg(long, value_name = "L1,L2,L3")]
    pub labels: Option<String>,
    /// The ONNX Runtime shared library [default: $ORT_DYLIB_PATH].
    #[cfg(feature = "onnx")]
    #[arg(long, value_name = "FILE")]
    pub ort_library: Option<PathBuf>,
    /// Pairs per model call.
    #[cfg(feature = "onnx")]
    #[arg(long, value_name = "N", default_value_t = 16)]
    pub batch_size: usize,
}

#[cfg(feature = "onnx")]
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum JudgeKind {
    #[default]
    Lexical,
    Onnx,
}

/// Whether the flags leave the built-in word-list judge in charge.
pub fn is_lexical(args: &JudgeArgs) -> bool {
    #[cfg(feature = "onnx")]
    if args.judge == JudgeKind::Onnx {
        return false;
    }
    let _ = args;
    true
}

/// [`factdiff_core::compare`] with the judge the flags ask for.
pub fn compare(docs: &[Document], args: &JudgeArgs) -> Result<Report, CliError> {
    with_options(args, |options| {
        factdiff_core::compare(docs, &Config::default(), options)
    })
}

/// Run `f` with the [`CompareOptions`] the flags ask for (their judge).
pub fn with_options<T>(
    args: &JudgeArgs,
    f: impl FnOnce(&CompareOptions<'_>) -> factdiff_core::Result<T>,
) -> Result<T, CliError> {
    #[cfg(feature = "onnx")]
    if args.judge == JudgeKind::Onnx {
        return with_onnx(args, f);
    }
    let _ = args;
    Ok(f(&CompareOptions::default())?)
}

#[cfg(feature = "onnx")]
fn with_onnx<T>(
    args: &JudgeArgs,
    f: impl FnOnce(&CompareOptions<'_>) -> factdiff_core::Result<T>,
) -> Result<T, CliError> {
    use factdiff_core::{OnnxJudge, OnnxOptions};
    let onnx = |e: factdiff_core::OnnxError| CliError::Message(e.to_string());
    let (Some(model), Some(tokenizer)) = (&args.model, &args.tokenizer) else {
        return Err(CliError::Message(
            "--judge onnx needs --model FILE and --tokenizer FILE".into(),
        ));
    };
    let mut options = OnnxOptions::new(model, tokenizer);
    options.library = args.ort_library.clone();
    options.labels = args.labels.as_deref().map(str::parse).transpose().map_err(onnx)?;
    options.batch_size = args.batch_size;
    let judge = OnnxJudge::load(&options).map_err(onnx)?;
    let options = CompareOptions {
        judge: &judge,
        ..CompareOptions::default()
    };
    let out = f(&options)?;
    match judge.take_error() {
        Some(e) => Err(onnx(e)),
        None => Ok(out),
    }
}
