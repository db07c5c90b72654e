"""Machine drafts with CTranslate2 on the CPU and SentencePiece (the ``translate`` extra).

Each language pair's model is loaded on its first use and kept; loading is serialised per
pair, translating is not (a CTranslate2 translator takes calls from many threads and runs
them one at a time with ``inter_threads=1``, each on ``intra_threads`` cores). Decoding is
beam search without sampling, so one model gives one output for one input.

``ctranslate2`` and ``sentencepiece`` are imported here only, when a translator is built.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from parley.errors import ParleyError
from parley.translate.backend import (
    Limits,
    ModelDir,
    check_texts,
    default_threads,
    model_id_of,
    no_model,
    normalize_language,
    stat_key,
    translate_segments,
)

WORD_START = "\u2581"  # SentencePiece's mark of a piece that begins a word


def not_installed(exc: ImportError) -> ParleyError:
    return ParleyError(
        "translate.not_installed",
        "machine translation needs CTranslate2 and SentencePiece, which are not installed "
        f"({exc.name or exc}): pip install 'parley[translate]'",
    )


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


@dataclass(frozen=True)
class _Loaded:
    translator: Any  # ctranslate2.Translator
    source_sp: Any  # sentencepiece.SentencePieceProcessor
    target_sp: Any
    source_suffix: tuple[str, ...]  # ("</s>",) when the model wants it and does not add it
    model_id: str


def chunk_tokens(tokens: list[str], limit: int) -> list[list[str]]:
    """``tokens`` in pieces of at most ``limit``, cut before a word where one starts in
    the second half of the piece."""
    chunks: list[list[str]] = []
    while len(tokens) > limit:
        cut = next(
            (
                i
                for i in range(limit, max(limit // 2, 1) - 1, -1)
                if tokens[i].startswith(WORD_START)
            ),
            limit,
        )
        chunks.append(tokens[:cut])
        tokens = tokens[cut:]
    chunks.append(tokens)
    return chunks


def decoding_bound(source_tokens: int, limit: int) -> int:
    """At most how many tokens a draft of a sentence this long may have: twice its length
    and ten, rounded up to a multiple of 16, and never over twice ``limit``. (A model
    stops at its end token long before; the bound is for one that does not.)"""
    return min(2 * limit, -(-(2 * source_tokens + 10) // 16) * 16)


class CTranslate2Translator:
    """The models of one directory (``backend.discover``), served with CTranslate2."""

    engine = "ctranslate2"

    def __init__(
        self,
        models: Sequence[ModelDir],
        *,
        limits: Limits | None = None,
        beam_size: int = 4,
        intra_threads: int | None = None,
    ) -> None:
        try:
            import ctranslate2
            import sentencepiece
        except ImportError as exc:
            raise not_installed(exc) from exc
        self._ct2: Any = ctranslate2
        self._spm = sentencepiece
        self._models = {(m.source, m.target): m for m in models}
        self._limits = limits or Limits()
        self._beam_size = beam_size
        self._intra_threads = intra_threads or default_threads()
        self._loaded: dict[tuple[str, str], _Loaded] = {}
        self._locks = {pair: threading.Lock() for pair in self._models}

    # ---- the protocol -----------------------------------------------------------------

    def pairs(self) -> list[tuple[str, str]]:
        return sorted(self._models)

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        model = self._model(source, target)
        check_texts(texts, self._limits)
        if not any(t.strip() for t in texts):
            return list(texts)
        loaded = self._load(model)
        return translate_segments(texts, lambda sentences: self._run(loaded, sentences))

    def model_id(self, source: str, target: str) -> str:
        model = self._model(source, target)
        loaded = self._loaded.get((model.source, model.target))
        return loaded.model_id if loaded else model_id_of(model.name, model.model_bin)

    def describe(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "engine_version": str(self._ct2.__version__),
            "device": "cpu",
            "options": {
                "beam_size": self._beam_size,
                "compute_type": "default",
                "max_segment_tokens": self._limits.max_segment_tokens,
            },
            "limits": {"max_texts": self._limits.max_texts, "max_chars": self._limits.max_chars},
            "pairs": [
                {
                    "source": s,
                    "target": t,
                    "model": self.model_id(s, t),
                    "layout": self._models[s, t].layout,
                }
                for s, t in self.pairs()
            ],
        }

    # ---- loading ----------------------------------------------------------------------

    def _model(self, source: str, target: str) -> ModelDir:
        pair = (normalize_language(source), normalize_language(target))
        model = self._models.get(pair)
        if model is None:
            raise no_model(*pair, self._models)
        return model

    def _load(self, model: ModelDir) -> _Loaded:
        pair = (model.source, model.target)
        loaded = self._loaded.get(pair)
        if loaded is not None:
            return loaded
        with self._locks[pair]:
            loaded = self._loaded.get(pair)
            if loaded is None:
                loaded = self._loaded[pair] = self._read(model)
        return loaded

    def _read(self, model: ModelDir) -> _Loaded:
        def broken(why: str) -> ParleyError:
            return ParleyError(
                "translate.model_broken",
                f"the {model.source}→{model.target} model in {model.model_dir} cannot be "
                f"loaded: {why}",
                model=model.name,
            )

        try:
            before = stat_key(model.model_bin)
            mid = model_id_of(model.name, model.model_bin)
            config = json.loads((model.model_dir / "config.json").read_text(encoding="utf-8"))
            translator = self._ct2.Translator(
                str(model.model_dir),
                device="cpu",
                compute_type="default",
                inter_threads=1,
                intra_threads=self._intra_threads,
            )
            source_sp = self._spm.SentencePieceProcessor(model_file=str(model.source_spm))
            target_sp = (
                source_sp
                if model.target_spm == model.source_spm
                else self._spm.SentencePieceProcessor(model_file=str(model.target_spm))
            )
            after = stat_key(model.model_bin)
        except ParleyError:
            raise
        except Exception as exc:  # the libraries raise RuntimeError, ValueError, OSError...
            raise broken(_first_line(exc)) from exc
        if before != after:
            raise broken("model.bin changed while it was loaded; try again")
        # A model converted from Hugging Face's MarianMT (OPUS-MT) expects the source to end
        # with </s> but does not add it; one converted from Marian itself or OpenNMT says.
        suffix: tuple[str, ...] = ()
        if model.layout == "opus-mt" and not config.get("add_source_eos"):
            suffix = (str(config.get("eos_token") or "</s>"),)
        return _Loaded(translator, source_sp, target_sp, suffix, mid)

    # ---- translating ------------------------------------------------------------------

    def _run(self, loaded: _Loaded, sentences: list[str]) -> list[str]:
        limit = self._limits.max_segment_tokens
        tokenized: list[list[str]] = loaded.source_sp.encode(sentences, out_type=str)
        batch: list[list[str]] = []
        counts: list[int] = []
        for tokens in tokenized:
            chunks = chunk_tokens(tokens, limit)
            counts.append(len(chunks))
            batch += chunks
        # Sentences of like length are decoded together, under a bound on the draft's length
        # that depends on the sentence's own length only, not on what else was asked: a
        # sentence gets the same draft alone or among others (a test checks it).
        groups: dict[int, list[int]] = {}
        for i, tokens in enumerate(batch):
            groups.setdefault(decoding_bound(len(tokens), limit), []).append(i)
        hypotheses: list[list[str]] = [[] for _ in batch]
        for bound, members in sorted(groups.items()):
            try:
                results = loaded.translator.translate_batch(
                    [batch[i] + list(loaded.source_suffix) for i in members],
                    beam_size=self._beam_size,
                    max_batch_size=16,
                    max_decoding_length=bound,
                    replace_unknowns=True,
                )
            except Exception as exc:  # a model that loaded but cannot run (wrong vocabulary...)
                raise ParleyError(
                    "translate.model_broken",
                    f"the model {loaded.model_id} failed to translate: {_first_line(exc)}",
                    model=loaded.model_id,
                ) from exc
            for i, result in zip(members, results, strict=True):
                hypotheses[i] = result.hypotheses[0]
        decoded: list[str] = [loaded.target_sp.decode(h).strip() for h in hypotheses]
        out: list[str] = []
        at = 0
        for n in counts:
            out.append(" ".join(d for d in decoded[at : at + n] if d))
            at += n
        return out
