"""Machine drafts of translations, offline (docs/translation-models.md).

The server asks a ``Translator`` for a draft; a person signs a translation. No model ships
with Parley and nothing is downloaded: an operator installs models in a directory and
starts the server with ``--translation-models DIR`` (``PARLEY_TRANSLATION_MODELS``)::

    translator = load(directory)            # None when no directory is configured
    drafts = translator.translate(["Текст."], "ru", "en")
    model = translator.model_id("ru", "en")  # 'opus-mt-ru-en@sha256:…', for the entry

Every error is a ``parley.errors`` error with a ``translate.*`` code.
"""

from __future__ import annotations

import json
from pathlib import Path

from parley.errors import InvalidInput, ParleyError
from parley.translate.backend import (
    ENV_VAR,
    TEST_MARKER,
    Limits,
    ModelDir,
    Translator,
    bad_directory,
    discover,
    normalize_language,
)
from parley.translate.fixed import FixedTranslator, untranslate


def load(directory: Path | None, *, limits: Limits | None = None) -> Translator | None:
    """The translator for a models directory; ``None`` when ``directory`` is ``None``.

    A directory with ``parley-test-backend.json`` gives the test backend
    (``FixedTranslator``); any other gives CTranslate2 over its models, each loaded on
    first use. Raises ``ParleyError`` ``translate.bad_directory`` (not a directory, a
    subdirectory that is not a model, two models for one pair), ``translate.no_models``
    (nothing installed) or ``translate.not_installed`` (models, but no ``parley[translate]``).
    """
    if directory is None:
        return None
    directory = Path(directory)
    marker = directory / TEST_MARKER
    if marker.is_file():
        return _test_backend(directory, marker, limits)
    models = discover(directory)
    if not models:
        raise ParleyError(
            "translate.no_models",
            f"{directory} holds no translation model; install one as "
            "docs/translation-models.md says, or leave --translation-models unset",
            path=str(directory),
        )
    from parley.translate.ct2 import CTranslate2Translator

    return CTranslate2Translator(models, limits=limits)


def _test_backend(directory: Path, marker: Path, limits: Limits | None) -> FixedTranslator:
    if any(not p.name.startswith(".") and p.is_dir() for p in directory.iterdir()):
        raise bad_directory(
            directory, f"{TEST_MARKER} makes this the test backend, but it also holds models"
        )
    try:
        spec = json.loads(marker.read_text(encoding="utf-8"))
        pairs = spec.get("pairs") if isinstance(spec, dict) else None
        if pairs is not None:
            pairs = [(str(s), str(t)) for s, t in pairs]
        return FixedTranslator(pairs, limits=limits)
    except (OSError, ValueError, TypeError, InvalidInput) as exc:
        raise bad_directory(marker, f'is not {{"pairs": [["ru", "en"], ...]}} ({exc})') from exc


__all__ = [
    "ENV_VAR",
    "FixedTranslator",
    "Limits",
    "ModelDir",
    "Translator",
    "discover",
    "load",
    "normalize_language",
    "untranslate",
]
