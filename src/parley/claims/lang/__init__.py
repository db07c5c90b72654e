"""Per-language data for the statement checker: one JSON file per language (``en``,
``ru``, ``hy``, ``az``) with the general words of negotiations — negation, refusal,
hedging, reporting verbs, "next", "met", "agreed", the mediator's role, commitment
states, minutes outcomes — as prefixes of lower-cased words. Month and weekday names
come from CLDR (Babel), word stems from Snowball. Nothing here names a place, side,
person or topic: those come from the record.

Adding a language: copy ``en.json`` to ``<code>.json``, translate every list (prefixes
match inflected forms: "обсуд" matches "обсудили"), set ``locale`` (a CLDR locale) and
``stemmer`` (a Snowball algorithm), add the code to :data:`LANGS` and teach
:func:`detect` to recognise it (docs/claims.md).
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import snowballstemmer  # type: ignore[import-untyped]
from babel.dates import get_day_names, get_month_names

LANGS = ("en", "ru", "hy", "az")


@dataclass(frozen=True)
class Lang:
    code: str
    data: dict[str, Any]
    months: dict[str, int]
    """Every CLDR spelling of each month (wide and abbreviated, format and stand-alone),
    folded."""
    weekdays: dict[str, int]
    stem: Callable[[str], str] = field(repr=False)

    def words(self, key: str) -> list[str]:
        return list(self.data.get(key, []))


@cache
def load(code: str) -> Lang:
    text = resources.files(__package__).joinpath(f"{code}.json").read_text(encoding="utf-8")
    data = json.loads(text)
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for n, name in get_month_names(width, context, data["locale"]).items():
                key = lower(name).rstrip(".")
                if len(key) >= 3:
                    months.setdefault(key, int(n))
            for n, name in get_day_names(width, context, data["locale"]).items():
                key = lower(name).rstrip(".")
                if len(key) >= 3:
                    weekdays.setdefault(key, int(n))
    return Lang(code, data, months, weekdays, _stemmer(data["stemmer"]))


def _stemmer(algorithm: str) -> Callable[[str], str]:
    """Snowball's stemmer for ``algorithm``, one instance per thread: an instance keeps
    the word it is working on in itself, so two threads sharing one mangle each other's
    words (found by bench_flood: concurrent checks answered 500 with IndexError)."""
    local = threading.local()

    @lru_cache(maxsize=65536)
    def stem(word: str) -> str:
        st = getattr(local, "stemmer", None)
        if st is None:
            st = local.stemmer = snowballstemmer.stemmer(algorithm)
        return str(st.stemWord(word))

    return stem


def lower(text: str) -> str:
    """Lower case, NFC, typographic apostrophes and dashes made plain; every script kept."""
    t = unicodedata.normalize("NFC", text).lower().replace("i\u0307", "i")  # İ → i, not i + dot
    return t.replace("’", "'").replace("ʼ", "'").replace("–", "-").replace("—", "-")


_ARMENIAN = re.compile(r"[\u0531-\u058F]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_GEORGIAN = re.compile(r"[\u10A0-\u10FF]")
_AZ_LETTERS = re.compile(r"[əğıƏĞİ]")
_TURKIC = re.compile(r"[üöçşÜÖÇŞ]")
_AZ_WORDS = re.compile(
    r"\b(və|ilə|görüş\w*|tərəf\w*|keçiril\w*|müzakirə\w*|razılaş\w*|növbəti|olub|edib|"
    r"üçün|haqqında|bildirib|deyil|iclas\w*)\b",
    re.IGNORECASE,
)


@cache
def _stop(code: str) -> frozenset[str]:
    return frozenset(w for w in load(code).words("stop") if " " not in w)


def detect(text: str) -> str:
    """The statement's language among :data:`LANGS`, by script (Armenian, Cyrillic) and,
    for Latin script, by Azerbaijani letters and words; ``ka`` for Georgian (read with
    the general rules only)."""
    counts = {
        "hy": len(_ARMENIAN.findall(text)),
        "ru": len(_CYRILLIC.findall(text)),
        "ka": len(_GEORGIAN.findall(text)),
    }
    best = max(counts, key=lambda k: counts[k])
    if counts[best] >= 3:
        return best
    az_words = len(_AZ_WORDS.findall(text))
    words = re.findall(r"\w+", text)
    en_words = sum(1 for w in words if lower(w) in _stop("en"))
    az_stop = az_words + sum(1 for w in words if lower(w) in _stop("az"))
    # Azerbaijani letters in lower-case words only: a capitalised one may be a name
    # ("Dəmirli acknowledged the request", "the Karmrashen (Qızılkənd) station")
    az_lower = any(_AZ_LETTERS.search(w) for w in words if not w[:1].isupper())
    if (en_words >= 2 and en_words > 2 * az_stop) or (en_words and not az_stop and not az_lower):
        return "en"
    if _AZ_LETTERS.search(text) or az_words >= 2 or (az_words and _TURKIC.search(text)):
        return "az"
    return "en"
