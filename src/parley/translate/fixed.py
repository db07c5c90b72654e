"""A deterministic stand-in for a translation model. FOR TESTS ONLY: it does not translate.

Each sentence becomes ``⟦<target>⟧ `` followed by the sentence with the letters of every
word reversed (``"Мир сегодня."`` → ``"⟦en⟧ риМ яндогес."`` for ru→en), so a
draft it made can never pass for a translation, and ``untranslate`` gives the input back.
Its ``engine`` is ``"test"`` and its model id ``parley-test-backend@reverse-words``.

It is chosen by ``FixedTranslator(...)`` in a test, or by a models directory holding a
``parley-test-backend.json`` file (and nothing else), e.g. ``{"pairs": [["ru", "en"]]}``,
so that a real server started by a test can be given it through ``--translation-models``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from parley.translate.backend import (
    Limits,
    check_texts,
    no_model,
    normalize_language,
    translate_segments,
)

LANGUAGES = ("ru", "hy", "az", "en")
MODEL_ID = "parley-test-backend@reverse-words"
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"⟦[^⟧\s]*⟧ ")


def _reverse_words(text: str) -> str:
    return _WORD.sub(lambda m: m[0][::-1], text)


def untranslate(draft: str) -> str:
    """The text a ``FixedTranslator`` draft was made from."""
    return _reverse_words(_TAG.sub("", draft))


class FixedTranslator:
    """Test-only backend (see the module's docstring): engine ``"test"``."""

    engine = "test"

    def __init__(
        self, pairs: Iterable[tuple[str, str]] | None = None, *, limits: Limits | None = None
    ) -> None:
        if pairs is None:
            pairs = [(s, t) for s in LANGUAGES for t in LANGUAGES if s != t]
        self._pairs = sorted({(normalize_language(s), normalize_language(t)) for s, t in pairs})
        self._limits = limits or Limits()

    def pairs(self) -> list[tuple[str, str]]:
        return list(self._pairs)

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        self.model_id(source, target)
        check_texts(texts, self._limits)
        tag = f"⟦{normalize_language(target)}⟧ "
        return translate_segments(texts, lambda ss: [tag + _reverse_words(s) for s in ss])

    def model_id(self, source: str, target: str) -> str:
        pair = (normalize_language(source), normalize_language(target))
        if pair not in self._pairs:
            raise no_model(*pair, self._pairs)
        return MODEL_ID

    def describe(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "note": "deterministic test backend: its drafts are not translations",
            "limits": {"max_texts": self._limits.max_texts, "max_chars": self._limits.max_chars},
            "pairs": [{"source": s, "target": t, "model": MODEL_ID} for s, t in self._pairs],
        }
