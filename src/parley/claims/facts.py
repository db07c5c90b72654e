"""What the checker compares claims with: a typed :class:`Fact` of the record, a
:class:`Place` the record names, and the stems of a record text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parley.claims.lang import detect, load
from parley.claims.text import stems


@dataclass(frozen=True)
class Fact:
    kind: str
    """meeting, proposal, item, minutes_item, commitment, communique, next_meeting, signed."""
    key: str
    text: str
    """The decisive record field, quoted in explanations."""
    entries: tuple[str, ...]
    public: bool
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Place:
    """A place the record names (in a venue): its words' phonetic keys."""

    name: str
    keys: frozenset[str]


def words_of(*texts: str) -> set[str]:
    """English-or-other stems of a record text, for overlap with a claim's."""
    out: set[str] = set()
    for text in texts:
        lang = load(code_of(text))
        stop = set(lang.words("stop")) | set(lang.months) | set(load("en").months)
        out |= stems(text.replace("-", " "), lang, stop)
    return out


def code_of(text: str) -> str:
    c = detect(text)
    return c if c in ("en", "ru", "hy", "az") else "en"


__all__ = ["Fact", "Place", "code_of", "words_of"]


VENUE_KINDS = frozenset(
    {
        "@hotel",
        "@school",
        "@tent",
        "@office",
        "@embassy",
        "@hospital",
        "@headquarters",
        "@online",
        "@hall",
    }
)
"""Concepts that say what kind of place a venue is ("Hotel Arevik": @hotel)."""
