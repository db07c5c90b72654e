"""A real CTranslate2 model, tiny and random, built here: no download, no torch.

A SentencePiece model is trained on a few hundred generated lines in the four languages;
a one-layer Transformer (``ctranslate2.specs``) gets random weights from numpy and that
vocabulary, and is saved as CTranslate2 saves a converted model. It translates nothing
well, but it is the real engine: tokenizer, encoder, beam search, decoder, detokenizer.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SENTENCES = [
    "Стороны договорились провести следующую встречу на границе.",
    "Посредник предложил обменяться списками задержанных.",
    "Коммюнике подписано обеими делегациями.",
    "Կողմերը պայմանավորվեցին հաջորդ հանդիպումն անցկացնել սահմանին։",
    "Միջնորդը առաջարկեց փոխանակել կալանավորների ցուցակները։",
    "Tərəflər növbəti görüşü sərhəddə keçirməyə razılaşdılar.",
    "Vasitəçi saxlanılanların siyahılarını mübadilə etməyi təklif etdi.",
    "The parties agreed to hold the next meeting at the border.",
    "The mediator proposed an exchange of lists of detainees.",
    "The communiqué was signed by both delegations.",
]


def require_ct2() -> None:
    """Skip without the translate extra; under CI (``CI`` set) fail instead."""
    try:
        import ctranslate2  # noqa: F401
        import sentencepiece  # noqa: F401
    except ImportError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI installs the translate extra, but {exc.name} is missing: {exc}")
        pytest.skip(f"{exc.name} is not installed (pip install -e '.[translate]')")


def corpus(lines: int = 400) -> list[str]:
    import random

    rng = random.Random(7)
    words = [w for s in SENTENCES for w in s.split()]
    out = list(SENTENCES)
    while len(out) < lines:
        out.append(" ".join(rng.choice(words) for _ in range(rng.randint(4, 12))))
    return out


def train_sentencepiece() -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus()),
        model_writer=model,
        vocab_size=300,
        hard_vocab_limit=False,
        model_type="unigram",
        character_coverage=1.0,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
    )
    return model.getvalue()


def build_model(out: Path, spm_model: bytes, *, seed: int = 0, **config: Any) -> None:
    """A random one-layer Transformer over the SentencePiece vocabulary, saved in ``out``
    (model.bin, config.json, shared_vocabulary.json) as a converter would."""
    import numpy as np
    import sentencepiece as spm
    from ctranslate2.specs import transformer_spec

    sp = spm.SentencePieceProcessor(model_proto=spm_model)
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    rng = np.random.default_rng(seed)
    d, ff, v = 32, 64, len(vocab)

    def rand(*shape: int) -> Any:
        return (rng.standard_normal(shape) * 0.5).astype(np.float32)

    def norm(spec: Any) -> None:
        spec.gamma = np.ones(d, np.float32)
        spec.beta = np.zeros(d, np.float32)

    def linear(spec: Any, rows: int, cols: int) -> None:
        spec.weight = rand(rows, cols)
        spec.bias = rand(rows)

    spec = transformer_spec.TransformerSpec.from_config(num_layers=1, num_heads=2)
    for side in (spec.encoder, spec.decoder):
        embeddings = side.embeddings[0] if isinstance(side.embeddings, list) else side.embeddings
        embeddings.weight = rand(v, d)
        norm(side.layer_norm)
        for layer in side.layer:
            norm(layer.self_attention.layer_norm)
            linear(layer.self_attention.linear[0], 3 * d, d)  # fused query, key, value
            linear(layer.self_attention.linear[1], d, d)
            if hasattr(layer, "attention"):  # the decoder's attention to the encoder
                norm(layer.attention.layer_norm)
                linear(layer.attention.linear[0], d, d)
                linear(layer.attention.linear[1], 2 * d, d)
                linear(layer.attention.linear[2], d, d)
            norm(layer.ffn.layer_norm)
            linear(layer.ffn.linear_0, ff, d)
            linear(layer.ffn.linear_1, d, ff)
    linear(spec.decoder.projection, v, d)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    for key, value in config.items():
        setattr(spec.config, key, value)
    spec.validate()
    spec.optimize(quantization="int8")
    out.mkdir(parents=True)
    spec.save(str(out))


def lay_out(root: Path, spm_model: bytes, model: Path) -> None:
    """The three directories of the tests' models root, from one built model:
    ru→en as an argostranslate package, hy→en as OPUS-MT named by its directory, az→en as
    OPUS-MT named by parley-pair.json."""
    argos = root / "translate-ru_en-1_0"
    shutil.copytree(model, argos / "model")
    (argos / "sentencepiece.model").write_bytes(spm_model)
    (argos / "metadata.json").write_text(
        json.dumps({"package_version": "1.0", "from_code": "ru", "to_code": "en"})
    )
    for name in ("opus-mt-hy-en", "local-az-en"):
        opus = root / name
        shutil.copytree(model, opus)
        (opus / "source.spm").write_bytes(spm_model)
        (opus / "target.spm").write_bytes(spm_model)
    (root / "local-az-en" / "parley-pair.json").write_text('{"source": "az", "target": "en"}')


@pytest.fixture(scope="session")
def spm_model() -> bytes:
    require_ct2()
    return train_sentencepiece()


@pytest.fixture(scope="session")
def built_model(spm_model: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built") / "model"
    build_model(out, spm_model)
    return out


@pytest.fixture(scope="session")
def models_root(
    spm_model: bytes, built_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A models directory (read-only by convention: tests that change files copy it)."""
    root = tmp_path_factory.mktemp("models")
    lay_out(root, spm_model, built_model)
    return root


@pytest.fixture(scope="session")
def model_builder(spm_model: bytes) -> Callable[..., None]:
    """``build_model`` (tests import no conftest under --import-mode=importlib)."""
    return build_model


@pytest.fixture
def own_models(spm_model: bytes, built_model: Path, tmp_path: Path) -> Path:
    """A models directory of the test's own, to change."""
    root = tmp_path / "models"
    root.mkdir()
    lay_out(root, spm_model, built_model)
    return root
