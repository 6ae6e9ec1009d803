//! `--judge onnx` (cargo feature `onnx`): every missing piece is one error line and exit code 2,
//! never a panic. Running a real model is shown in docs/evaluation.md ("Neural judge").
#![cfg(feature = "onnx")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Runs `factdiff report examples/ --judge onnx` plus `extra` in a fresh directory.
fn run(name: &str, extra: &[&str], files: &[(&str, &[u8])], ort: Option<&str>) -> (Output, PathBuf) {
    let dir = std::env::temp_dir().join(format!("factdiff-onnx-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).unwrap();
    }
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factdiff"));
    cmd.current_dir(&dir)
        .arg("report")
        .arg(examples())
        .args(["--judge", "onnx"])
        .args(extra);
    match ort {
        Some(path) => cmd.env("ORT_DYLIB_PATH", path),
        None => cmd.env_remove("ORT_DYLIB_PATH"),
    };
    (cmd.output().unwrap(), dir)
}

fn assert_one_error(out: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains(needle), "expected '{needle}' in: {stderr}");
}

#[test]
fn model_and_tokenizer_flags_are_required() {
    let (out, dir) = run("flags", &[], &[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--model"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn each_missing_piece_is_named() {
    let args = [
        "--model",
        "model.onnx",
        "--tokenizer",
        "tokenizer.json",
        "--labels",
        "entailment,neutral,contradiction",
    ];
    let (out, dir) = run("model", &args, &[], None);
    assert_one_error(&out, "model model.onnx: no such file");
    let _ = std::fs::remove_dir_all(dir);

    let (out, dir) = run("tok", &args, &[("model.onnx", b"x")], None);
    assert_one_error(&out, "tokenizer tokenizer.json: no such file");
    let _ = std::fs::remove_dir_all(dir);

    let files: &[(&str, &[u8])] = &[("model.onnx", b"x"), ("tokenizer.json", b"{")];
    let (out, dir) = run("badtok", &args, files, None);
    assert_one_error(&out, "tokenizer tokenizer.json:");
    let _ = std::fs::remove_dir_all(dir);

    let bad_labels = [
        "--model",
        "model.onnx",
        "--tokenizer",
        "tokenizer.json",
        "--labels",
        "yes,no,maybe",
    ];
    let (out, dir) = run(
        "labels",
        &bad_labels,
        &[("model.onnx", b"x"), ("tokenizer.json", b"{}")],
        None,
    );
    assert_one_error(&out, "label order: 'yes' is not entailment, neutral or contradiction");
    let _ = std::fs::remove_dir_all(dir);

    // No --labels and no config.json beside the model.
    let no_labels = ["--model", "model.onnx", "--tokenizer", "tokenizer.json"];
    let (out, dir) = run(
        "nolabels",
        &no_labels,
        &[("model.onnx", b"x"), ("tokenizer.json", b"{}")],
        None,
    );
    assert_one_error(&out, "config.json cannot be read");
    let _ = std::fs::remove_dir_all(dir);
}

/// The smallest tokenizer.json the tokenizers crate accepts, so the runtime is reached.
const TOKENIZER: &str = r#"{"version": "1.0", "truncation": null, "padding": null, "added_tokens": [],
 "normalizer": null, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null, "decoder": null,
 "model": {"type": "WordLevel", "vocab": {"[UNK]": 0, "the": 1}, "unk_token": "[UNK]"}}"#;

#[test]
fn a_missing_or_broken_runtime_is_an_error() {
    let args = [
        "--model",
        "model.onnx",
        "--tokenizer",
        "tokenizer.json",
        "--labels",
        "entailment,neutral,contradiction",
    ];
    let files: &[(&str, &[u8])] = &[
        ("model.onnx", b"x"),
        ("tokenizer.json", TOKENIZER.as_bytes()),
        ("libfake.so", b"not a library"),
    ];
    let (out, dir) = run("nolib", &args, files, None);
    assert_one_error(&out, "no ONNX Runtime library: set ORT_DYLIB_PATH");
    let _ = std::fs::remove_dir_all(dir);

    let (out, dir) = run("libgone", &args, files, Some("/nonexistent/libonnxruntime.so"));
    assert_one_error(
        &out,
        "ONNX Runtime library /nonexistent/libonnxruntime.so: no such file",
    );
    let _ = std::fs::remove_dir_all(dir);

    let mut with_flag = args.to_vec();
    with_flag.extend(["--ort-library", "libfake.so"]);
    let (out, dir) = run("libfake", &with_flag, files, Some("/nonexistent/libonnxruntime.so"));
    assert_one_error(&out, "ONNX Runtime library libfake.so: cannot be loaded");
    let _ = std::fs::remove_dir_all(dir);
}
