"""Text handling for the statement checker: normalising, splitting a statement into
claims, and recognising places, dates, negation and the mediator in a claim.

Everything here is rules and small tables, no model: the checker works (and is tested)
without any optional dependency. Russian is handled for the story's vocabulary: Cyrillic
is transliterated before matching, so "Гянджа" and "Ganja" meet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)
_LATIN_EXTRA = {"ə": "a", "ı": "i", "ğ": "g", "ş": "sh", "ç": "ch", "ö": "o", "ü": "u"}


def fold(text: str) -> str:
    """Lower case, Cyrillic transliterated, diacritics and Azerbaijani letters folded,
    punctuation to spaces: the form every comparison uses."""
    out = []
    for ch in text.lower():
        if ch in _CYRILLIC:
            out.append(_CYRILLIC[ch])
        elif ch in _LATIN_EXTRA:
            out.append(_LATIN_EXTRA[ch])
        else:
            out.append(ch)
    s = unicodedata.normalize("NFKD", "".join(out))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9:]+", " ", s).strip()


def words(text: str) -> list[str]:
    return fold(text).split()


def similar(a: str, b: str) -> float:
    """Similarity of two folded words or phrases, 0..1 (transliteration variants of a
    place name score about 0.8 and up)."""
    return SequenceMatcher(None, fold(a), fold(b)).ratio()


# --- places ---------------------------------------------------------------------------

PLACES: dict[str, tuple[str, ...]] = {
    # canonical name: variants (any script; folded before use)
    "Ganja": ("Ganja", "Gəncə", "Gyanja", "Gandja", "Гянджа", "Гандзак", "Gandzak"),
    "Aghdam": ("Aghdam", "Ağdam", "Agdam", "Агдам", "Akna", "Акна"),
    "Stepanakert": ("Stepanakert", "Степанакерт", "Khankendi", "Xankəndi", "Ханкенди"),
    "Yevlakh": ("Yevlakh", "Yevlax", "Евлах"),
    "Baku": ("Baku", "Bakı", "Баку"),
    "Yerevan": ("Yerevan", "Ереван"),
    "Shusha": ("Shusha", "Şuşa", "Shushi", "Шуша", "Шуши"),
    "Goris": ("Goris", "Горис"),
    "Moscow": ("Moscow", "Москва", "Moskva"),
    "Brussels": ("Brussels", "Брюссель"),
    "Mission HQ": (
        "headquarters of the peacekeeping mission",
        "peacekeepers headquarters",
        "peacekeeping headquarters",
        "mission headquarters",
        "штаб миротворцев",
        "штабе миротворческого контингента",
        "штабе российского миротворческого контингента",
        "штаб российского миротворческого контингента",
    ),
}


def canonical_place(name: str) -> str | None:
    """The gazetteer's name for a venue text, if it is one of the known places."""
    f = fold(name)
    for canon, variants in PLACES.items():
        for v in variants:
            fv = fold(v)
            if fv == f or (len(fv.split()) > 1 and fv in f) or fold(canon) in f.split():
                return canon
    if "headquarters" in f and ("peacekeep" in f or "mission" in f):
        return "Mission HQ"
    return None


def places_in(text: str) -> list[str]:
    """Known places a claim names, in order, matched fuzzily on each word (so
    transliteration variants and small misspellings count)."""
    f = fold(text)
    toks = f.split()
    found: list[str] = []
    for canon, variants in PLACES.items():
        hit = False
        for v in variants:
            fv = fold(v)
            if " " in fv:
                hit = fv in f or _stem_phrase(fv) in _stem_phrase(f)
            else:
                hit = any(
                    t == fv or (len(t) >= 4 and SequenceMatcher(None, t, fv).ratio() >= 0.8)
                    for t in toks
                )
            if hit:
                break
        if hit and canon not in found:
            found.append(canon)
    hq = ("headquarters" in f or "shtab" in f) and any(
        m in f for m in ("peacekeep", "mission", "mirotvor")
    )
    if hq and "Mission HQ" not in found:
        found.append("Mission HQ")
    return found


def _stem_phrase(s: str) -> str:
    return " ".join(w[:5] for w in s.split())


# --- dates ----------------------------------------------------------------------------

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    # Russian genitive and nominative, transliterated by fold()
    "yanvarya": 1, "fevralya": 2, "marta": 3, "aprelya": 4, "maya": 5, "iyunya": 6,
    "iyulya": 7, "avgusta": 8, "sentyabrya": 9, "oktyabrya": 10, "noyabrya": 11,
    "dekabrya": 12, "mart": 3,
}  # fmt: skip


def dates_in(text: str, default_year: int) -> list[date]:
    """Calendar dates a claim names: 1 March 2023, March 1, 1 марта, 2023-03-01, 01.03.2023."""
    f = fold(text)
    out: list[date] = []
    for y, m, d in re.findall(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        out.append(date(int(y), int(m), int(d)))
    for d, m, y in re.findall(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", text):
        out.append(date(int(y), int(m), int(d)))
    month = "|".join(_MONTHS)
    for d, m, y in re.findall(rf"\b(\d{{1,2}}) ({month})\b(?: (\d{{4}}))?", f):
        out.append(date(int(y or default_year), _MONTHS[m], int(d)))
    for m, d, y in re.findall(rf"\b({month}) (\d{{1,2}})\b(?: (\d{{4}}))?", f):
        out.append(date(int(y or default_year), _MONTHS[m], int(d)))
    return list(dict.fromkeys(out))


def times_in(text: str) -> list[str]:
    """Clock times (HH:MM) a claim names."""
    return [f"{int(h):02d}:{m}" for h, m in re.findall(r"\b(\d{1,2}):(\d{2})\b", text)]


# --- negation, the mediator, reporting frames ----------------------------------------

_NEGATIONS = {"not", "no", "never", "nor", "without", "ne", "net", "bez", "nikogda", "didn"}
_MEDIATOR = ("mediator", "peacekeep", "mission", "commander", "mirotvorts", "posrednik")


def negated(text: str) -> bool:
    """Whether a claim is negated ("did not", "never", "не", ...), not counting "without"
    (which negates only what follows it: see :func:`without_mediator`)."""
    toks = set(words(text)) | {w[:-3] for w in words(text) if w.endswith("n't")}
    return bool((toks - {"without", "bez"}) & _NEGATIONS) or "n't" in text


def mentions_mediator(text: str) -> bool:
    f = fold(text)
    return any(m in f for m in _MEDIATOR)


def without_mediator(text: str) -> bool:
    """A claim that something happens *without* the mediator ("without the
    peacekeepers", "без миротворцев", "directly, bilaterally")."""
    f = fold(text)
    if re.search(r"\b(without|bez)\b(?: \w+){0,3} (" + "|".join(_MEDIATOR) + ")", f):
        return True
    return bool(re.search(r"\b(directly|bilateral|bilaterally|face to face|napryamuyu)\b", f))


_FRAME = re.compile(
    r"^(?P<who>[^,.;:]{2,80}?)\s+(?:said|says|told .{1,60}?(?=\s+that\b)|stated|claimed|announced|"
    r"declared|insisted|noted|added|reported|заявил[аи]?|сказал[аи]?|сообщил[аи]?)"
    r"(?:\s+that|\s*,?\s*что)?\s*[,:]?\s+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_ACCORDING = re.compile(r"^according to (?P<who>[^,]{2,80}),\s*(?P<rest>.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    text: str
    """The claim as the checker reads it (reporting frame removed)."""
    original: str
    """The sentence or clause it came from."""
    speaker: str | None = None
    """Who the statement attributes it to, if it says ("X said that ...")."""
    places: list[str] = field(default_factory=list)


def split_claims(statement: str) -> list[Claim]:
    """Sentences, then clauses joined by ";" or ", and" / ", but" with a verb each; the
    reporting frame ("the head told the press that ...") is stripped and kept as the
    speaker. Coordinated objects ("in Ganja or Aghdam") stay in one claim."""
    out: list[Claim] = []
    sentences = re.split(r"(?<=[.!?])\s+|\n+", statement.strip())
    for sentence in sentences:
        s = sentence.strip().strip('"“”«»')
        if not s:
            continue
        speaker = None
        for pattern in (_FRAME, _ACCORDING):
            m = pattern.match(s)
            if m and len(m.group("rest").split()) >= 3:
                speaker, s = m.group("who").strip(), m.group("rest").strip()
                break
        for clause in re.split(r";\s+|,\s+(?:and|but|while|а|но|и)\s+(?=\w+\s+\w+)", s):
            clause = clause.strip().strip('"“”«».')
            if len(clause.split()) >= 2:
                out.append(Claim(clause, sentence.strip(), speaker, places_in(clause)))
    return out
