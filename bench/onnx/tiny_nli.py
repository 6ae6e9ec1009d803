"""Build a tiny NLI model in ONNX, to run the neural judge (`--features onnx`) end to end without
downloading a pretrained model (only PyPI, crates.io and Debian are reachable here).

It is a bag-of-words softmax regression trained on SICK *train* only: the graph one-hot encodes
the tokens, sums them per segment (token_type_ids 0 = premise, 1 = hypothesis) and applies one
linear layer to [hypothesis counts, premise counts, shared, hypothesis-only, premise-only].
It is far weaker than a transformer cross-encoder; its purpose is to exercise the real path
(tokenizer.json -> input_ids/attention_mask/token_type_ids -> ONNX Runtime -> logits -> labels).

    python -m venv target/onnx-venv
    target/onnx-venv/bin/pip install onnxruntime onnx numpy tokenizers
    target/onnx-venv/bin/python bench/onnx/tiny_nli.py --out target/tiny-nli

Writes model.onnx, tokenizer.json and config.json (id2label) into --out, and prints the
accuracy of onnxruntime's Python API on SICK trial as a cross-check for the Rust run.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors

# Deliberately not the order of the engine's verdicts: config.json tells the judge.
LABELS = ["CONTRADICTION", "NEUTRAL", "ENTAILMENT"]
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]


def read_sick(path: Path) -> list[tuple[str, str, int]]:
    with path.open(encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["sentence_A"], r["sentence_B"], LABELS.index(r["entailment_judgment"])) for r in rows]


def build_tokenizer(pairs: list[tuple[str, str, int]], min_count: int) -> Tokenizer:
    norm = normalizers.BertNormalizer(lowercase=True)
    pre = pre_tokenizers.BertPreTokenizer()
    counts: Counter[str] = Counter()
    for a, b, _ in pairs:
        for text in (a, b):
            counts.update(w for w, _ in pre.pre_tokenize_str(norm.normalize_str(text)))
    words = sorted(w for w, c in counts.items() if c >= min_count)
    vocab = {tok: i for i, tok in enumerate(SPECIALS + words)}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tok.normalizer = norm
    tok.pre_tokenizer = pre
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])],
    )
    return tok


def features(tok: Tokenizer, pairs: list[tuple[str, str, int]], vocab: int) -> np.ndarray:
    """The same features the ONNX graph computes, from the same token ids."""
    hyp = np.zeros((len(pairs), vocab), np.float32)
    prem = np.zeros((len(pairs), vocab), np.float32)
    for i, enc in enumerate(tok.encode_batch([(a, b) for a, b, _ in pairs])):
        for tid, seg in zip(enc.ids, enc.type_ids):
            (hyp if seg == 1 else prem)[i, tid] += 1
    return np.concatenate(
        [hyp, prem, np.minimum(hyp, prem), np.maximum(hyp - prem, 0), np.maximum(prem - hyp, 0)], axis=1
    )


def train(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 400, lr: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression, full batch, Adam."""
    rng = np.random.default_rng(0)
    w = rng.normal(0, 0.01, (x.shape[1], 3)).astype(np.float32)
    b = np.zeros(3, np.float32)
    onehot = np.eye(3, dtype=np.float32)[y]
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    for t in range(1, steps + 1):
        z = x @ w + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) / len(y)
        grads = [x.T @ g + l2 * w, g.sum(axis=0)]
        for k, (param, grad) in enumerate(zip((w, b), grads)):
            m[k] = 0.9 * m[k] + 0.1 * grad
            v[k] = 0.999 * v[k] + 0.001 * grad * grad
            param -= lr * (m[k] / (1 - 0.9**t)) / (np.sqrt(v[k] / (1 - 0.999**t)) + 1e-8)
    return w, b


def accuracy(x: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray) -> float:
    return float(((x @ w + b).argmax(axis=1) == y).mean())


def graph(w: np.ndarray, b: np.ndarray, vocab: int) -> onnx.ModelProto:
    def const(name: str, value: np.ndarray) -> TensorProto:
        return numpy_helper.from_array(value, name)

    n = helper.make_node
    nodes = [
        n("OneHot", ["input_ids", "depth", "onehot_values"], ["onehot"], axis=-1),
        n("Cast", ["attention_mask"], ["mask"], to=TensorProto.FLOAT),
        n("Cast", ["token_type_ids"], ["types"], to=TensorProto.FLOAT),
        n("Mul", ["mask", "types"], ["hyp_mask"]),
        n("Sub", ["mask", "hyp_mask"], ["prem_mask"]),
        n("Unsqueeze", ["hyp_mask", "axis1"], ["hyp_row"]),
        n("Unsqueeze", ["prem_mask", "axis1"], ["prem_row"]),
        n("MatMul", ["hyp_row", "onehot"], ["hyp3"]),
        n("MatMul", ["prem_row", "onehot"], ["prem3"]),
        n("Squeeze", ["hyp3", "axis1"], ["hyp"]),
        n("Squeeze", ["prem3", "axis1"], ["prem"]),
        n("Min", ["hyp", "prem"], ["shared"]),
        n("Sub", ["hyp", "prem"], ["hyp_minus"]),
        n("Sub", ["prem", "hyp"], ["prem_minus"]),
        n("Relu", ["hyp_minus"], ["hyp_only"]),
        n("Relu", ["prem_minus"], ["prem_only"]),
        n("Concat", ["hyp", "prem", "shared", "hyp_only", "prem_only"], ["x"], axis=1),
        n("Gemm", ["x", "w", "b"], ["logits"]),
    ]
    inits = [
        const("depth", np.array(vocab, np.int64)),
        const("onehot_values", np.array([0.0, 1.0], np.float32)),
        const("axis1", np.array([1], np.int64)),
        const("w", w),
        const("b", b),
    ]
    ids = [helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "tokens"])
           for name in ("input_ids", "attention_mask", "token_type_ids")]
    out = helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 3])
    g = helper.make_graph(nodes, "tiny_nli", ids, [out], inits)
    model = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)], producer_name="factdiff tiny_nli")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def main() -> None:
    here = Path(__file__).resolve().parents[2]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=here.parent / "shared" / "data" / "sick")
    ap.add_argument("--out", type=Path, default=here / "target" / "tiny-nli")
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    train_pairs = read_sick(args.data / "SICK_train.txt")
    tok = build_tokenizer(train_pairs, args.min_count)
    vocab = tok.get_vocab_size()
    x = features(tok, train_pairs, vocab)
    y = np.array([label for _, _, label in train_pairs])
    # L2 strength chosen on the last 10% of train (trial is only reported, never used to choose).
    cut = len(y) * 9 // 10
    scores = {l2: accuracy(x[cut:], y[cut:], *train(x[:cut], y[:cut], l2)) for l2 in (1e-4, 1e-3, 1e-2)}
    l2 = max(scores, key=scores.get)
    print("held-out part of train, accuracy by L2:", {k: round(v, 4) for k, v in scores.items()}, "->", l2)
    w, b = train(x, y, l2)
    args.out.mkdir(parents=True, exist_ok=True)
    onnx.save(graph(w, b, vocab), str(args.out / "model.onnx"))
    tok.save(str(args.out / "tokenizer.json"))
    (args.out / "config.json").write_text(json.dumps({"id2label": dict(enumerate(LABELS))}, indent=1) + "\n")
    trial = read_sick(args.data / "SICK_trial.txt")
    session = onnxruntime.InferenceSession(str(args.out / "model.onnx"))
    encs = tok.encode_batch([(a, b) for a, b, _ in trial])
    width = max(len(e.ids) for e in encs)
    feed = {
        name: np.array([getattr(e, attr) + [0] * (width - len(e.ids)) for e in encs], np.int64)
        for name, attr in (("input_ids", "ids"), ("attention_mask", "attention_mask"), ("token_type_ids", "type_ids"))
    }
    pred = session.run(None, feed)[0].argmax(axis=1)
    gold = np.array([label for _, _, label in trial])
    print(f"vocabulary {vocab}, train accuracy {accuracy(x, y, w, b):.4f}")
    print(f"SICK trial ({len(trial)} pairs), onnxruntime Python: accuracy {float((pred == gold).mean()):.4f}")
    print(f"wrote {args.out}/model.onnx, tokenizer.json, config.json")


if __name__ == "__main__":
    main()
