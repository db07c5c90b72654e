"""What every translation backend shares: the protocol, the input limits, language codes,
splitting text into sentences (keeping line breaks), finding the models an operator
installed, and naming a model by the digest of its weights.

Nothing here imports a machine-translation library: Parley without the ``translate``
extra can still read a models directory and say what is missing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from parley.errors import InvalidInput, NotFound, ParleyError

#: The environment variable the server reads for ``--translation-models``.
ENV_VAR = "PARLEY_TRANSLATION_MODELS"
#: A file at the top of a models directory that makes it the test backend (``fixed.py``).
TEST_MARKER = "parley-test-backend.json"
#: An OPUS-MT model directory's own statement of its pair: {"source": "ru", "target": "en"}.
PAIR_FILE = "parley-pair.json"


@dataclass(frozen=True)
class Limits:
    """How much one ``translate`` call may ask for. A draft is for a message or an entry,
    not a book: larger inputs are refused (``translate.too_long``), not truncated."""

    max_texts: int = 64
    max_chars: int = 20_000  # all texts of one call together (an entry's longest field)
    max_segment_tokens: int = 256  # a longer sentence is cut into pieces of this many tokens


@runtime_checkable
class Translator(Protocol):
    """A machine-translation backend. Every method is safe to call from many threads."""

    def pairs(self) -> list[tuple[str, str]]:
        """The (source, target) language pairs this backend serves, as BCP-47 codes."""
        ...

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """One draft per text, in order. Line breaks and blank lines are kept.

        Raises ``NotFound("translate.no_model")`` when no model serves the pair,
        ``InvalidInput("translate.too_long" | "translate.bad_language" |
        "translate.bad_input")`` for input it will not take, and
        ``ParleyError("translate.model_broken")`` when the model cannot be loaded.
        """
        ...

    def model_id(self, source: str, target: str) -> str:
        """The id of the model that serves the pair (``directory@sha256:<16 hex>``): the one
        loaded and used, once it has been. Raises like ``translate`` for an unknown pair."""
        ...

    def describe(self) -> dict[str, Any]:
        """``{"engine": ..., "pairs": [{"source", "target", "model", ...}], ...}``."""
        ...


# ---- language codes -------------------------------------------------------------------

_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def normalize_language(code: str) -> str:
    """``RU`` → ``ru``, ``zh_hant_tw`` → ``zh-Hant-TW``; anything else is refused."""
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise InvalidInput(
            "translate.bad_language",
            f"{code!r} is not a language code (BCP-47, e.g. 'ru', 'hy', 'az', 'en')",
        )
    first, *rest = code.replace("_", "-").split("-")
    parts = [first.lower()]
    for sub in rest:
        if len(sub) == 4 and sub.isalpha():
            parts.append(sub.title())
        elif len(sub) == 2 and sub.isalpha():
            parts.append(sub.upper())
        else:
            parts.append(sub.lower())
    return "-".join(parts)


def no_model(source: str, target: str, available: Iterable[tuple[str, str]]) -> NotFound:
    pairs = sorted(available)
    shown = ", ".join(f"{s}→{t}" for s, t in pairs) or "none"
    return NotFound(
        "translate.no_model",
        f"no translation model for {source}→{target} (installed: {shown})",
        source=source,
        target=target,
        available=[list(p) for p in pairs],
    )


def check_texts(texts: object, limits: Limits) -> list[str]:
    """The texts, if they are a list of strings within ``limits``."""
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        raise InvalidInput("translate.bad_input", "texts must be a list of strings")
    if len(texts) > limits.max_texts:
        raise InvalidInput(
            "translate.too_long",
            f"at most {limits.max_texts} texts in one request ({len(texts)} given)",
            limit=limits.max_texts,
            given=len(texts),
        )
    total = sum(len(t) for t in texts)
    if total > limits.max_chars:
        raise InvalidInput(
            "translate.too_long",
            f"at most {limits.max_chars} characters in one request ({total} given)",
            limit=limits.max_chars,
            given=total,
        )
    return texts


# ---- sentences and lines --------------------------------------------------------------

# A sentence ends at . ! ? … or the Armenian full stop ։ (U+0589; Armenian ՞ and ՜ sit
# inside the word and end nothing), then closing quotes or brackets, then spaces.
_END = re.compile(r"([.!?…։]+[\"'»”’)\]]*)([ \t\u00a0\u2009\u202f]+)(?=\S)")
_LINE = re.compile(r"(\r\n|\n|\r|\u2028|\u2029)")
_EDGE = re.compile(r"^(\s*)(.*?)(\s*)$", re.DOTALL)


def _is_boundary(line: str, match: re.Match[str]) -> bool:
    after = line[match.end()]
    if after.islower():  # 'e.g. this', 'т. е. это': not a new sentence
        return False
    if match.group(1) == ".":
        before = line[: match.start()].rsplit(maxsplit=1)
        word = before[-1] if before else ""
        if len(word) == 1 and word.isalpha():  # 'A. Mirzoyan', '2023 г. В'
            return False
    return True


def split_sentences(line: str) -> list[str]:
    """A line (no line breaks, no outer spaces) as sentences and the spaces between them:
    ``["One.", " ", "Two?"]``; joining the list gives the line back."""
    parts: list[str] = []
    start = 0
    for match in _END.finditer(line):
        if _is_boundary(line, match):
            parts += [line[start : match.end(1)], match.group(2)]
            start = match.end()
    parts.append(line[start:])
    return parts


def segment(text: str) -> list[tuple[str, bool]]:
    """``text`` as pieces that join back to it exactly, each marked True when it is a
    sentence to translate, False when it is kept as is (line breaks, spaces)."""
    pieces: list[tuple[str, bool]] = []
    for i, chunk in enumerate(_LINE.split(text)):
        if i % 2:  # a line break
            pieces.append((chunk, False))
            continue
        match = _EDGE.match(chunk)
        assert match is not None  # the pattern matches any string
        lead, body, trail = match.groups()
        if lead:
            pieces.append((lead, False))
        if body:
            for j, part in enumerate(split_sentences(body)):
                pieces.append((part, j % 2 == 0))
        if trail:
            pieces.append((trail, False))
    return pieces


def translate_segments(texts: Sequence[str], run: Callable[[list[str]], list[str]]) -> list[str]:
    """Cuts ``texts`` into sentences, has ``run`` translate each distinct sentence once
    (one batch for the whole call), and puts every text back together around them."""
    split = [segment(t) for t in texts]
    unique = list(dict.fromkeys(p for pieces in split for p, todo in pieces if todo))
    done = dict(zip(unique, run(unique) if unique else [], strict=True))
    return ["".join(done[p] if todo else p for p, todo in pieces) for pieces in split]


# ---- the models an operator installed -------------------------------------------------


@dataclass(frozen=True)
class ModelDir:
    """One installed model: a language pair and where its files are."""

    name: str  # the subdirectory's name, the first half of the model id
    source: str
    target: str
    layout: Literal["argos", "opus-mt"]
    model_dir: Path  # the CTranslate2 model directory (model.bin, config.json, vocabulary)
    source_spm: Path
    target_spm: Path

    @property
    def model_bin(self) -> Path:
        return self.model_dir / "model.bin"


def bad_directory(path: Path, why: str) -> ParleyError:
    return ParleyError(
        "translate.bad_directory",
        f"{path}: {why} (docs/translation-models.md says what a model directory holds)",
        path=str(path),
    )


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad_directory(path, f"cannot be read as JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise bad_directory(path, "is not a JSON object")
    return data


def _code(path: Path, value: object) -> str:
    if not isinstance(value, str):
        raise bad_directory(path, f"names no language code ({value!r})")
    try:
        return normalize_language(value)
    except InvalidInput as exc:
        raise bad_directory(path, exc.message) from exc


_OPUS_NAME = re.compile(r"^opus-mt-(?:.+-)?([A-Za-z]{2,3}(?:_[A-Za-z]+)?)-([A-Za-z]{2,3})$")


def _model_dir(sub: Path) -> ModelDir:
    if (sub / "metadata.json").is_file() and (sub / "model").is_dir():
        meta = _read_json(sub / "metadata.json")
        source = _code(sub / "metadata.json", meta.get("from_code"))
        target = _code(sub / "metadata.json", meta.get("to_code"))
        spm = sub / "sentencepiece.model"
        if not spm.is_file():
            raise bad_directory(
                sub, "an argostranslate package without sentencepiece.model is not supported"
            )
        found = ModelDir(sub.name, source, target, "argos", sub / "model", spm, spm)
    elif (sub / "model.bin").is_file() or (sub / "source.spm").is_file():
        if (sub / PAIR_FILE).is_file():
            pair = _read_json(sub / PAIR_FILE)
            source = _code(sub / PAIR_FILE, pair.get("source"))
            target = _code(sub / PAIR_FILE, pair.get("target"))
        elif match := _OPUS_NAME.match(sub.name):
            source, target = normalize_language(match[1]), normalize_language(match[2])
        else:
            raise bad_directory(
                sub,
                f"the language pair is neither in {PAIR_FILE} nor in a name like opus-mt-ru-en",
            )
        found = ModelDir(
            sub.name, source, target, "opus-mt", sub, sub / "source.spm", sub / "target.spm"
        )
    else:
        raise bad_directory(
            sub,
            "neither an argostranslate package (metadata.json, model/, sentencepiece.model) "
            "nor a converted OPUS-MT model (model.bin, source.spm, target.spm)",
        )
    for needed in (found.model_bin, found.model_dir / "config.json"):
        if not needed.is_file():
            raise bad_directory(sub, f"{needed.relative_to(sub)} is missing")
    for spm_file in (found.source_spm, found.target_spm):
        if not spm_file.is_file():
            raise bad_directory(sub, f"{spm_file.relative_to(sub)} is missing")
    return found


# The directory's name is the first half of the model id a signed entry carries (at most
# 200 characters there): short, and plain.
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,119}$")


def discover(directory: Path) -> list[ModelDir]:
    """The models in ``directory``, one per subdirectory (hidden ones and plain files,
    such as a downloaded .argosmodel, are passed over). A subdirectory that is not a
    model, or two models for one pair, is an error: an operator's mistake is told at
    start-up, not at the first request."""
    if not directory.is_dir():
        raise bad_directory(directory, "is not a directory")
    found: dict[tuple[str, str], ModelDir] = {}
    for sub in sorted(directory.iterdir()):
        if sub.name.startswith(".") or not sub.is_dir():
            continue
        if not _NAME.match(sub.name):
            raise bad_directory(
                sub,
                "a model directory's name becomes its id: use at most 120 letters, digits "
                "and . _ + -",
            )
        model = _model_dir(sub)
        pair = (model.source, model.target)
        if pair in found:
            raise bad_directory(
                directory,
                f"two models for {pair[0]}→{pair[1]}: {found[pair].name} and {model.name}; "
                "keep one",
            )
        found[pair] = model
    return [found[p] for p in sorted(found)]


# ---- model ids ------------------------------------------------------------------------

_DIGESTS: dict[tuple[str, int, int, int], str] = {}
_DIGESTS_LOCK = threading.Lock()


def stat_key(path: Path) -> tuple[str, int, int, int]:
    st = path.stat()
    return (str(path), st.st_ino, st.st_size, st.st_mtime_ns)


def model_id_of(name: str, model_bin: Path) -> str:
    """``name@sha256:<first 16 hex digits of SHA-256(model.bin)>``. The digest is kept
    while the file's inode, size and modification time stay the same."""
    try:
        key = stat_key(model_bin)
        with _DIGESTS_LOCK:
            cached = _DIGESTS.get(key)
        if cached is None:
            digest = hashlib.sha256()
            with model_bin.open("rb") as f:
                while block := f.read(1 << 20):
                    digest.update(block)
            cached = digest.hexdigest()
            with _DIGESTS_LOCK:
                _DIGESTS[key] = cached
    except OSError as exc:
        raise ParleyError(
            "translate.model_broken", f"cannot read {model_bin}: {exc}", path=str(model_bin)
        ) from exc
    return f"{name}@sha256:{cached[:16]}"


def default_threads() -> int:
    """Threads for one translation on the CPU: the cores, at most four."""
    return max(1, min(4, os.cpu_count() or 1))
