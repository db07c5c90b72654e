"""Reading a statement: its language, its claims, and in each claim the words, names,
dates and times the checker compares with the record.

Every script survives: text is lower-cased and split into Unicode words, never reduced
to ASCII. Names are compared by a phonetic key over a transliteration (Armenian and
Cyrillic to Latin, Azerbaijani letters to their sounds), so "Гянджа", "Gəncə" and
"Ganja" meet, and a word is matched to a name only when their keys are close. The
words of the language itself (negation, "met", "agreed", reporting verbs ...) come from
``claims/lang/*.json``; month and weekday names from CLDR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from difflib import SequenceMatcher
from functools import cache
from itertools import pairwise
from typing import Any

from parley.claims.lang import Lang, detect, load, lower

# --- words ----------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def tokens(text: str) -> list[str]:
    """Lower-cased words in any script (hyphens and punctuation split words)."""
    return _WORD.findall(lower(text))


def fold(text: str) -> str:
    """The words of ``text``, lower-cased, one space apart: what phrases are found in."""
    return " ".join(tokens(text))


def has(text: str, words: list[str]) -> bool:
    """Whether ``text`` holds any of ``words``: a phrase (with a space) as consecutive
    words starting a word; a single word as the start of a word (so "обсуд" is found in
    "обсудили")."""
    return find(text, words) is not None


def position(toks: list[str], words: list[str]) -> int | None:
    """The first index in ``toks`` where one of ``words`` begins — a word as the start of
    a token, a phrase as consecutive tokens (its last word a token's start) — or None:
    which of two things a claim says first ("promised to install", "decided on 24 May to
    move")."""
    said = [w for w in (lower(x).strip() for x in words) if w]
    for i in range(len(toks)):
        rest = " ".join(toks[i:])
        if any(rest.startswith(w) for w in said):
            return i
    return None


def find(text: str, words: list[str]) -> str | None:
    f = " " + fold(text) + " "
    toks = f.split()
    for word in words:
        w = lower(word).strip()
        if not w:
            continue
        if word.endswith(" ") and " " not in w:  # "до ": the word itself, not "договор"
            if " " + fold(w) + " " in f:
                return w
            continue
        if w == "n't":
            if "n't" in lower(text):
                return w
            continue
        if " " in w or "-" in w or "." in w:
            if " " + fold(w) in f:
                return w
        elif any(t.startswith(w) for t in toks):
            return w
    return None


def has_exact(text: str, words: list[str]) -> bool:
    toks = set(tokens(text))
    return any(lower(w) in toks for w in words if " " not in w) or any(
        " " + fold(w) + " " in " " + fold(text) + " " for w in words if " " in w
    )


# --- names: transliteration and phonetic keys ---------------------------------------

_CYR = dict(
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
            "_",
            "y",
            "_",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)
_HY = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "",
    "թ": "t", "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h",
    "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o",
    "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r",
    "ց": "ts", "ւ": "v", "փ": "p", "ք": "k", "և": "ev", "օ": "o", "ֆ": "f",
}  # fmt: skip
_AZ = {"ə": "a", "ı": "i", "ğ": "gh", "ş": "sh", "ç": "ch", "ö": "o", "ü": "u", "c": "j",
       "x": "kh", "q": "g", "j": "zh"}  # fmt: skip
_LATIN = {"ə": "a", "ı": "i", "ğ": "g", "ş": "sh", "ç": "ch", "ö": "o", "ü": "u", "é": "e",
          "è": "e", "á": "a", "à": "a", "ó": "o", "í": "i", "ú": "u", "ñ": "n", "ä": "a"}  # fmt: skip
_KEY = [("shch", "sh"), ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"),
        ("ch", "c"), ("ts", "c"), ("tz", "c"), ("sh", "s"), ("x", "h"), ("q", "g"), ("k", "g"),
        ("w", "v"), ("f", "v"), ("y", "i"), ("ou", "u"), ("z", "s")]  # fmt: skip


_HARD_C = re.compile(r"c(?=[aoulr]|k|$)")
"""A Latin c said as k ("Castellani", "Marco"), not ch, ts or the c of Azerbaijani."""


def translit(word: str, lang: str) -> str:
    """A word in Latin letters: Armenian and Cyrillic transliterated, Azerbaijani letters
    (in Azerbaijani text, where c is /dʒ/ and x is /x/) spelled as they sound."""
    w = lower(word).replace("ու", "u")
    table = _AZ if lang == "az" else _LATIN
    out = []
    for ch in w:
        if ch in _CYR:
            out.append(_CYR[ch].replace("_", ""))
        elif ch in _HY:
            out.append(_HY[ch])
        elif ch in table:
            out.append(table[ch])
        else:
            out.append(ch)
    return "".join(out)


def key(word: str, lang: str) -> str:
    """A phonetic key: the transliteration with spelling variants merged (dzh/dj/j,
    kh/x/h, k/q/g — Karvan, Qarvan —, f/v — Voss, Фосс —, y/i, doubled letters)."""
    k = translit(word.split("'")[0] if "'" in word[1:] else word, lang)  # Kesar's, Kesar'ın
    for a, b in _KEY:
        k = k.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", k)


def person_key(word: str, lang: str) -> str:
    """:func:`key` of a person's name, whose Latin c before a, o, u, l, r is a k
    ("Castellani", "Кастеллани" and "Kastellani" are one name): for names only, as a
    topic's word ("documents") must not come to match another language's."""
    k = translit(word.split("'")[0] if "'" in word[1:] else word, lang)
    return key(_HARD_C.sub("k", k), "en")


def close(a: str, b: str) -> bool:
    """Two phonetic keys of one name: equal, or (for names of five letters or more)
    nearly equal."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    if a[0] != b[0]:
        if {a[0], b[0]} != {"g", "h"}:
            return False  # "commission" is not "mission"
        a, b = a[1:], b[1:]  # Russian Г for H: "Гусейнзаде" is "Hüseynzadə"
    return SequenceMatcher(None, a, b).ratio() >= 0.85


def same(claim_key: str, fact_key: str) -> bool:
    """A claim's word and a record word are the same word: keys close (names), a shared
    beginning of six letters or one holding the other (inflection, "reintegration" ~
    "integration"), or the record's stem followed by a short ending ("газа" ~ "gas")."""
    k, f = claim_key, fact_key
    if close(k, f):
        return True
    if min(len(k), len(f)) >= 6 and (k[:6] == f[:6] or f in k or k in f):
        return True
    return len(f) >= 3 and k.startswith(f) and len(k) <= len(f) + 3


def stems(text: str, lang: Lang, stop: set[str]) -> set[str]:
    """Word stems without stop words, plus ``@concept`` for every general concept the text
    names in its language (``lang/*.json`` "concepts": "газа" and "gas" are both
    ``@gas``) — how a claim in one language meets a record written in another."""
    out = {lang.stem(t) for t in tokens(text) if t not in stop and len(t) > 2 and not t.isdigit()}
    return out | concepts(text, lang)


def concepts(text: str, lang: Lang) -> set[str]:
    toks = tokens(text)
    folded = " " + " ".join(toks) + " "
    out = set()
    for concept, words in lang.data.get("concepts", {}).items():
        for w in words:
            w = lower(w)
            if (" " in w and " " + w in folded) or (
                " " not in w and any(t.startswith(w) for t in toks)
            ):
                out.add("@" + concept)
                break
    return out


# --- dates and times ------------------------------------------------------------------


@dataclass(frozen=True)
class When:
    """A day or span a claim names: ``first``..``last`` (inclusive), or only a weekday."""

    first: date | None
    last: date | None
    weekday: int | None = None  # 0 = Monday
    any_year: bool = False
    """No year was said ("on 13 January"): the day of any year matches."""

    def holds(self, d: date) -> bool:
        if self.first is not None and self.last is not None:
            if self.any_year:
                span = ((self.first.month, self.first.day), (self.last.month, self.last.day))
                if not span[0] <= (d.month, d.day) <= span[1]:
                    return False
            elif not self.first <= d <= self.last:
                return False
        return self.weekday is None or d.weekday() == self.weekday


_SUFFIX = {"st", "nd", "rd", "th", "go", "e", "ого", "го", "ին", "ը", "da", "də", "ci", "cı", "cu", "cü",
           "of", "the", "и", "ի", "ն", "-ին", "года", "году", "թվականի", "il", "ildə", "ilin", "in",
           "ın", "un", "ün", "on"}  # fmt: skip


def _day(tok: str, lang: Lang) -> int | None:
    if tok.isdigit() and 1 <= int(tok) <= 31 and len(tok) <= 2:
        return int(tok)
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th|go|ого|го|ին|-ին|da|də|ci|cı|cu|cü)", tok)
    if m and 1 <= int(m.group(1)) <= 31:
        return int(m.group(1))
    ordinals = lang.data.get("ordinals", {})
    if tok in ordinals:
        return int(ordinals[tok])
    # a number word with a case ending: "ապրիլի ութին", "aprelin səkkizində"
    words = number_words(lang)
    n = _number(tok, lang, words) if not tok.isdigit() else None
    if n is not None and tok not in words and n == int(n) and 1 <= n <= 31:
        return int(n)
    return None


def month(tok: str, lang: Lang) -> int | None:
    """The month a word names: a CLDR spelling, or a full month name inflected — the same
    Snowball stem, or the name and one of the language's ``case_endings`` ("martın",
    "марте", "մարտին"). "Marzun", "Марзун" and "Martuni" are places, not March."""
    if tok in lang.months:
        return lang.months[tok]
    if len(tok) < 3 or lang.code == "en":
        return None
    endings = set(lang.words("case_endings"))
    adjective = tuple(lang.words("month_adjective"))  # "мартовского", "մարտյան": of March
    return _month_stems(lang.code).get(lang.stem(tok)) or next(
        (
            n
            for name, n in lang.months.items()
            if len(name) >= 3
            and (
                (tok.startswith(name) and tok[len(name) :] in endings)
                or (
                    bool(adjective)
                    and any(
                        tok.startswith(base) and tok[len(base) :].startswith(adjective)
                        for base in (name, name.rstrip("ь"))
                    )
                )
            )
        ),
        None,
    )


@cache
def _month_stems(code: str) -> dict[str, int]:
    lang = load(code)
    return {lang.stem(name): n for name, n in lang.months.items() if len(name) >= 4}


MAY_MONTH = re.compile(r"(?<=[\w,] )May\b")
"""English "May" capitalised inside a sentence ("the May session"): the month, not the
modal verb."""


def dates_in(text: str, lang: Lang, default_year: int) -> list[When]:
    """The days and spans a claim names: "1 March 2023", "March 1", "the first of March",
    "1 марта", "մարտի 1-ին", "martın 1-də", "mid-June", "2023-03-01", "01.03.2023", and
    weekdays ("on a Wednesday")."""
    out: list[When] = []
    raw = lower(text)
    for y, m, d in re.findall(r"\b(\d{4})-(\d{2})-(\d{2})\b", raw):
        out.append(_exact(int(y), int(m), int(d)))
    for d, m, y in re.findall(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", raw):
        out.append(_exact(int(y), int(m), int(d)))
    toks = re.findall(r"[^\W_]+", raw)
    at = {i: int(t) for i, t in enumerate(toks) if re.fullmatch(r"(19|20)\d\d", t)}
    ranges: dict[str, list[int]] = lang.data.get("date_ranges", {})
    tens: dict[str, int] = lang.data.get("tens", {})
    capital_may = MAY_MONTH.search(text) is not None
    for i, t in enumerate(toks):
        m = month(t, lang)
        if m is None:
            continue
        if lang.code == "en" and t == "may" and not _near_number(toks, i) and not capital_may:
            continue  # "may" the verb (not "the May session": capitalised inside a sentence)
        # the year said beside the month ("3 March 2032", "2032-ci il martın 3-də"), else
        # the one year the text says; with several ("certificates from 2020 to 2030 by
        # the tenth of August"), or none, the day of any year
        near = [y for j, y in sorted(at.items(), key=lambda x: abs(x[0] - i)) if abs(j - i) <= 4]
        year = (
            near[0]
            if near
            else (next(iter(set(at.values()))) if len(set(at.values())) == 1 else default_year)
        )
        any_year = not near and len(set(at.values())) != 1
        found = _day_of(toks, i, lang, tens)
        day = found[0] if found else None
        if found is not None and (other := _other_end(toks, found[1], raw, lang)) is not None:
            a, b = sorted((other, found[0]))  # "from 14 to 30 June", "с 14 по 30 июня"
            out.append(When(date(year, m, a), date(year, m, b), any_year=any_year))
            continue
        if day is not None:
            out.append(replace(_exact(year, m, day), any_year=any_year))
            continue
        span = None
        for j in range(max(0, i - 3), min(len(toks), i + 3)):
            for word, (a, b) in ranges.items():
                # the whole phrase ("middle of"), not its last word: "of" is in "end of" too
                words = lower(word).split()
                if toks[j].startswith(words[0]) and toks[j + 1 : j + len(words)] == words[1:]:
                    span = (a, b)
        a, b = span or (1, 31)
        try:
            out.append(When(date(year, m, a), _last(year, m, b), any_year=any_year))
        except ValueError:
            continue
    needs: dict[str, list[str]] = lang.data.get("weekday_needs", {})
    for name, n in lang.weekdays.items():
        # a name of more than one word ("cümə axşamı" is Thursday, not "cümə" Friday),
        # inflected too ("cümə axşamında")
        if " " in name:
            *first, last = name.split()
            said = r"\b" + r"\s+".join(map(re.escape, first)) + r"\s+" + re.escape(last[:-1])
            if re.search(said, raw):
                out.append(When(None, None, n))
                toks = re.findall(r"[^\W_]+", re.sub(said + r"\w*", " ", raw))
    for i, t in enumerate(toks):
        after = toks[i + 1] if i + 1 < len(toks) else ""
        if t in needs and not after.startswith(tuple(needs[t])):
            continue  # "bazar meydanı" is the market square; "bazar günü" is Sunday
        if t in lang.weekdays:
            out.append(When(None, None, lang.weekdays[t]))
    out = _weekday_in_span(raw, lang, out)
    return list(dict.fromkeys(w for w in out if w.first is not None or w.weekday is not None))


def _day_of(
    toks: list[str], i: int, lang: Lang, tens: dict[str, int]
) -> tuple[int, list[int]] | None:
    """The day said with the month word at ``toks[i]``, and the indexes of its words."""
    for j in (i - 1, i + 1, i - 2, i + 2, i - 3):
        if not 0 <= j < len(toks) or (day := _day(toks[j], lang)) is None:
            continue
        if all(toks[k] in _SUFFIX for k in range(min(i, j) + 1, max(i, j))):
            if j > 0 and not toks[j].isdigit() and toks[j - 1] in tens:
                day += tens[toks[j - 1]]  # "twenty-fifth", "двадцать пятого"
                return (day, [j - 1, j]) if day <= 31 else None
            return (day, [j]) if day <= 31 else None
    return None


def _other_end(toks: list[str], at: list[int], raw: str, lang: Lang) -> int | None:
    """The other day of a span of days in one month, beside the day at ``at``: "from 14 to
    30 June", "с 14 по 30 июня", "iyunun 14-dən 30-dək", "հունիսի 14-ից մինչև 30-ը" (the
    language's ``day_span`` words between the two), "14–30 June" (a dash)."""
    words = set(lang.words("day_span"))
    for step, start in ((-1, min(at) - 1), (1, max(at) + 1)):
        j = start
        while 0 <= j < len(toks) and toks[j] in words:
            j += step
        if not 0 <= j < len(toks) or not toks[j].isdigit() or (d := _day(toks[j], lang)) is None:
            continue
        a, b = (toks[j], toks[min(at)]) if step < 0 else (toks[max(at)], toks[j])
        if j != start or re.search(rf"\b{a}\s*[-–—]\s*{b}\b", raw):
            return d
    return None


def without_days(text: str, lang: Lang) -> str:
    """The claim's words less those that name the day of a date ("второго" in "двадцать
    второго марта" is a day, not "the second" meeting)."""
    toks = re.findall(r"[^\W_]+", lower(text))
    tens: dict[str, int] = lang.data.get("tens", {})
    days = {
        k
        for i, t in enumerate(toks)
        if month(t, lang) is not None and (found := _day_of(toks, i, lang, tens))
        for k in found[1]
    }
    days |= {i for at, _, _ in _before_hour(toks, lang) for i in at}  # "в половине первого"
    return " ".join(t for k, t in enumerate(toks) if k not in days)


def _before_hour(toks: list[str], lang: Lang) -> list[tuple[range, int, int]]:
    """Where the claim says a part of the hour before an hour by its order, as (the words
    that say it, hour, minute): a ``half_before`` word ("в половине первого", "с половины
    одиннадцатого": 12:30, 10:30), a ``quarter_before`` word ("четверть третьего": 2:15),
    or a number of ``minutes_before`` ("пять минут третьего": 2:05) before it."""
    half = {lower(w) for w in lang.words("half_before")}
    quarter = {lower(w) for w in lang.words("quarter_before")}
    minute = {lower(w) for w in lang.words("minutes_before")}
    ordinals: dict[str, int] = lang.data.get("ordinals", {})
    out = []
    for i, t in enumerate(toks[:-1]):
        order = ordinals.get(toks[i + 1], 0)
        if not 1 <= order <= 12:
            continue
        hour = order - 1 or 12
        if t in half:
            out.append((range(i, i + 2), hour, 30))
        elif t in quarter:
            out.append((range(i, i + 2), hour, 15))
        elif (
            t in minute
            and i > 0
            and (n := _number(toks[i - 1], lang, number_words(lang))) is not None
            and n == int(n)
            and 0 < n < 60
        ):
            out.append((range(i - 1, i + 2), hour, int(n)))
    return out


def _weekday_in_span(raw: str, lang: Lang, out: list[When]) -> list[When]:
    """A weekday said with a month and no day narrows the month to that weekday ("a
    Wednesday in January"), or to one day with an order ("the third Tuesday of January",
    "ayın üçüncü çərşənbə axşamı")."""
    exact = [w for w in out if w.first is not None and w.first == w.last]
    if exact:
        # "Wednesday 9 June": the weekday names that day, it is no second day of its own;
        # one day and one weekday are said of the same day, so both must hold of it
        weekdays = {w.weekday for w in out if w.first is None and w.weekday is not None}
        dated = [w for w in out if w.first is not None]
        if len(exact) == 1 and len(dated) == 1 and len(weekdays) == 1:
            return [replace(dated[0], weekday=weekdays.pop())]
        return dated
    spans = [w for w in out if w.first is not None and w.last is not None and w.first != w.last]
    if not spans:
        return out
    text = raw
    for name, n in sorted(lang.weekdays.items(), key=lambda x: -len(x[0])):
        if " " in name:  # "çərşənbə axşamı": one word for the weekday
            text = text.replace(lower(name), f" wd{n} ")
    toks = re.findall(r"[^\W_]+", text)
    found: list[tuple[int, int]] = []  # (token index, weekday)
    for i, t in enumerate(toks):
        if re.fullmatch(r"wd\d", t):
            found.append((i, int(t[2])))
        elif named := _weekdays_of(t, lang):
            found.append((i, named[0]))
    if len({d for _, d in found}) != 1:
        return out
    i, weekday = found[0]
    orders = {
        lower(k): int(v)
        for part in ("ordinals", "meeting_ordinals")
        for k, v in lang.data.get(part, {}).items()
        if 1 <= int(v) <= 5
    }
    nth = None
    if i > 0:
        nth = next((v for k, v in orders.items() if toks[i - 1].startswith(k)), None)
    narrowed = []
    for w in spans:
        assert w.first is not None and w.last is not None
        if nth is None:
            narrowed.append(replace(w, weekday=weekday))
            continue
        # "the third Tuesday of January": of the whole month, in the year said (or, with
        # no year said, this year's and next year's)
        for year in (w.first.year, w.first.year + 1) if w.any_year else (w.first.year,):
            first = date(year, w.first.month, 1)
            days = [first + timedelta(days=k) for k in range(31)]
            days = [d for d in days if d.month == first.month and d.weekday() == weekday]
            if len(days) >= nth:
                narrowed.append(_exact(year, first.month, days[nth - 1].day))
    return [w for w in out if w not in spans and w.first is not None] + narrowed


def weekdays_in(text: str, lang: Lang) -> set[int]:
    """The weekdays a text names, plural or inflected too ("Mondays", "по понедельникам")."""
    return {n for t in tokens(text) for n in _weekdays_of(t, lang)}


def _weekdays_of(tok: str, lang: Lang) -> list[int]:
    """The weekdays one word names: a weekday name of four letters or more, less its last
    letter, begins it ("понедельникам", "Mondays")."""
    return [
        n
        for w, n in lang.weekdays.items()
        if len(w) >= 4 and tok.startswith(w[: max(4, len(w) - 1)])
    ]


def day_name(weekday: int, lang: Lang) -> str:
    return next((w for w, n in lang.weekdays.items() if n == weekday and len(w) >= 4), str(weekday))


def _near_number(toks: list[str], i: int) -> bool:
    return any(0 <= j < len(toks) and re.match(r"\d", toks[j]) for j in (i - 1, i + 1))


def _exact(y: int, m: int, d: int) -> When:
    try:
        day = date(y, m, d)
    except ValueError:
        return When(None, None)
    return When(day, day)


def _last(y: int, m: int, d: int) -> date:
    """Day ``d`` of the month, or its last day if it has fewer."""
    for dd in range(d, 27, -1):
        try:
            return date(y, m, dd)
        except ValueError:
            continue
    return date(y, m, min(d, 28))


def times_in(text: str, lang: Lang) -> list[tuple[int, int | None]]:
    """Clock times a claim names, as (hour 0-23, minute or None): "11:00", "3 p.m.",
    "at ten", "в 11 часов", "ժամը 11-ին", "saat 11-də"."""
    raw = lower(text)
    for day in (w for w in lang.weekdays if " " in w):  # "cümə axşamı" is Thursday
        raw = raw.replace(lower(day), " ")
    out: list[tuple[int, int | None]] = []
    pm = any(w in raw for w in lang.words("pm"))
    am = any(w in raw for w in lang.words("am"))
    digits = list(re.finditer(r"(?<![\d.])(\d{1,2})[:.](\d{2})(?!\.?\d)", raw))
    toks = re.findall(r"[^\W_]+", raw)
    hours = number_words(lang, ("numbers",))
    words_then_part = _hour_then_part_of_day(toks, lang, hours)
    if len(digits) == 1 and pm and words_then_part:
        # "opened at 11:20 and ended at three in the afternoon": the afternoon is the
        # other time's
        pm = any(w in " ".join(raw[digits[0].end() :].split()[:4]) for w in lang.words("pm"))
    for d in digits:
        out.append((_24(int(d.group(1)), pm, am), int(d.group(2))))
    for h in re.findall(r"\b(\d{1,2})\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", raw):
        out.append((_24(int(h), "p" in raw[raw.find(h) :][:8], False), None))
    numbers = lang.data.get("numbers", {})
    out += _clock_phrases(toks, lang, numbers)
    out += [(_24(h, pm, am), m) for h, m in _hour_first(toks, lang)]
    for _, hour, minute in _before_hour(toks, lang):
        out.append((_24(hour, pm, am), minute))
    cues = {lower(w) for w in lang.words("time_words")}
    for i, t in enumerate(toks[:-1]):
        if t in cues and t not in ("am", "pm", "h"):
            nxt = toks[i + 1]
            if nxt.isdigit() and int(nxt) <= 23 and not out:
                out.append((_24(int(nxt), pm, am), None))
            elif not out and (n := _number(nxt, lang, hours)) is not None:
                unit = _number(toks[i + 2], lang, hours) if i + 2 < len(toks) else None
                if n == 10 and unit is not None and unit < 3:
                    n += unit  # "saat on biri": eleven
                if n in range(1, 13):
                    out.append((_24(int(n), pm, am), None))
    if not out or digits:  # (an hour in words besides one in digits: both)
        out += words_then_part
    if not out:  # "at four o'clock"; "после трёх часов дня" (not "меньше трёх часов")
        every = number_words(lang)
        oclock = {lower(w) for w in lang.words("oclock")}
        hour_words = {lower(w) for w in lang.words("hour_words")}
        parts = {lower(w) for w in lang.words("pm") + lang.words("am") if " " not in w}
        for i, (t, nxt) in enumerate(pairwise(toks)):
            n = _number(t, lang, every)
            then = toks[i + 2] if i + 2 < len(toks) else ""
            if n in range(1, 13) and (nxt in oclock or (nxt in hour_words and then in parts)):
                out.append((_24(int(n or 0), pm, am), None))
    return [(h, m) for h, m in dict.fromkeys(out) if 0 <= h <= 23]


def _hour_then_part_of_day(
    toks: list[str], lang: Lang, hours: dict[str, float]
) -> list[tuple[int, int | None]]:
    """An hour followed by the part of the day it is in, without a word like "at" before
    it: "shortly after two in the afternoon", "before nine in the morning"."""
    out: list[tuple[int, int | None]] = []
    for i, t in enumerate(toks[:-1]):
        n = _number(t, lang, hours)
        hour = int(n) if n is not None and n == int(n) else None
        if hour is None or not 1 <= hour <= 12:
            continue
        after = " ".join(toks[i + 1 : i + 4])
        for kind in ("pm", "am"):
            if any(" " in w and after.startswith(lower(w)) for w in lang.words(kind)):
                out.append((_24(int(hour), kind == "pm", kind == "am"), None))
    return out


def _clock_phrases(
    toks: list[str], lang: Lang, numbers: dict[str, int]
) -> list[tuple[int, int | None]]:
    """ "ten past ten", "a quarter to two", "half past five" (the language's ``clock``
    words), each with the part of the day that follows it ("in the afternoon")."""
    clock = lang.data.get("clock", {})
    if not clock:
        return []
    minutes: dict[str, int] = clock["minutes"]
    out: list[tuple[int, int | None]] = []
    for i, t in enumerate(toks):
        if (t not in clock["past"] and t not in clock["to"]) or i == 0 or i + 1 >= len(toks):
            continue
        hour = numbers.get(toks[i + 1])
        if hour is None and toks[i + 1].isdigit():
            hour = int(toks[i + 1])
        m = minutes.get(toks[i - 1])
        if m is None and i >= 2 and toks[i - 1] in minutes and toks[i - 2] in minutes:
            m = minutes[toks[i - 2]] + minutes[toks[i - 1]]
        elif m is not None and i >= 2 and toks[i - 2] in minutes and toks[i - 2] != toks[i - 1]:
            m += minutes[toks[i - 2]]  # "twenty five past"
        if hour is None or m is None or not 0 < m < 60:
            continue
        if t in clock["to"]:  # "ten to one" is 12:50, not 0:50
            hour, m = (hour - 1 if hour > 1 else 12), 60 - m
        after = " ".join(toks[i + 2 : i + 6])
        pm = any(lower(w).replace(".", " ").strip() in after for w in lang.words("pm") if " " in w)
        out.append((_24(hour, pm, False), m))
    return out


def _hour_first(toks: list[str], lang: Lang) -> list[tuple[int, int]]:
    """Clock times said hour first, as the language's ``clock_hour_first`` patterns put
    the hour, the minutes and a word of past or to: "saat onu on beş dəqiqə keçmiş" (10:15),
    "yeddiyə iyirmi dəqiqə qalmış" (6:40), "տասնմեկն անց տասնհինգ րոպեին" (11:15), "տասը
    անց կես" (10:30). The hour must carry a case ending or the article (or follow a word
    of time, "saat"): "on iki dəqiqə keçmiş" is twelve minutes, not 10:02."""
    patterns: list[dict[str, Any]] = lang.data.get("clock_hour_first", [])
    if not patterns:
        return []
    every = number_words(lang)
    cues = {lower(w) for w in lang.words("time_words")}
    halves = tuple(lower(w) for w in lang.words("clock_half"))
    minute_words = tuple(lower(w) for w in lang.words("minute_words"))

    def hour_at(i: int) -> tuple[int, int, bool] | None:
        """(hour, the index after it, whether it is marked as an hour) when a number of
        one to twelve starts at ``i``."""
        t = toks[i]
        n = _number(t, lang, every)
        if n is None or n != int(n):
            return None
        after = i + 1
        nxt = _number(toks[after], lang, every) if after < len(toks) else None
        if n == 10 and nxt in (1.0, 2.0) and toks[after] not in every:  # "on biri": 11
            n, t, after = 10 + nxt, toks[after], after + 1
        marked = t not in every or (i > 0 and toks[i - 1] in cues)
        return (int(n), after, marked) if 1 <= n <= 12 else None

    def minutes_at(j: int) -> tuple[int, int] | None:
        """(minutes, the index after them and any minute word)."""
        if j >= len(toks):
            return None
        if toks[j].startswith(halves):
            return 30, j + 1
        m = _number(toks[j], lang, every)
        if m is None or m != int(m):
            return None
        j += 1
        if m in (10, 20, 30, 40, 50) and j < len(toks) and toks[j] in every:
            unit = every[toks[j]]
            if 1 <= unit <= 9:
                m, j = m + unit, j + 1  # "on beş": 15
        if j < len(toks) and toks[j].startswith(minute_words):
            j += 1
        return (int(m), j) if 0 < m < 60 else None

    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if (at := hour_at(i)) is None:
            i += 1
            continue
        hour, j, marked = at
        for pattern in patterns:
            words = tuple(lower(w) for w in pattern["words"])
            if pattern["order"] == "hour word minutes":  # (the word between marks the hour)
                between = j < len(toks) and toks[j].startswith(words)
                found = minutes_at(j + 1) if between else None
            else:  # "hour minutes word"
                found = minutes_at(j) if marked else None
                if found is not None and not (
                    found[1] < len(toks) and toks[found[1]].startswith(words)
                ):
                    found = None
            if found is None:
                continue
            m, j = found[0], found[1] + 1
            if pattern.get("to"):
                hour, m = (hour - 1 if hour > 1 else 12), 60 - m
            out.append((hour, m))
            break
        else:
            if j < len(toks) and toks[j].startswith(halves) and i > 0 and toks[i - 1] in cues:
                out.append((hour, 30))  # "saat on yarımda": 10:30
        i = max(i + 1, j)
    return out


def duration_in(text: str, lang: Lang) -> float | None:
    """How long the claim says something lasted, in minutes: "lasted three hours",
    "почти три с половиной часа", "iki saat davam edib"; None if it says no length."""
    if not has(text, lang.words("lasted")):
        return None
    return length_in(text, lang)


FEW = {"minute": 15.0, "hour": 6.0}
"""What "within minutes" and "within hours" allow at most (in the unit)."""


def length_in(text: str, lang: Lang, few: bool = False) -> float | None:
    """The first length of time a claim names, in minutes: a number in digits or words
    right before an hour or minute word of ``duration_units`` ("five minutes", "четыре с
    половиной часа", "չորս ու կես ժամ", "dörd saat yarım": the language's ``half``
    words add half a unit), or ``half_hour`` ("полчаса"). A unit without a number is one
    ("an hour and a half"), except an English plural ("within minutes"): a few of them,
    at most :data:`FEW` with ``few``, else no length (how long "hours later" is, nobody
    can say)."""
    numbers = number_words(lang)
    units = lang.data.get("duration_units", {})
    toks = tokens(text)
    half, skip = _halves(text, lang)
    half_hour = has(text, lang.words("half_hour"))
    for i, t in enumerate(toks):
        unit = next((u for u, ws in units.items() if any(t.startswith(w) for w in ws)), None)
        if unit is None:
            continue
        j = i - 1
        while j >= 0 and toks[j] in skip:
            j -= 1
        n = _number(toks[j], lang, numbers) if j >= 0 else None
        if n is not None and 1 <= n <= 9 and j >= 1:  # "twenty-five", "двадцать пять"
            tens = _number(toks[j - 1], lang, numbers)
            n += tens if tens is not None and tens in range(20, 100, 10) else 0.0
        if n is None:
            if half_hour:
                return 30.0
            if lang.code == "en" and t.endswith("s") and unit in FEW:
                if not few:
                    return None
                n = FEW[unit]
            else:
                n = 1.0
        n += 0.5 if half else 0.0
        if unit == "hour":  # "one hour and forty-five minutes", "1 час 45 минут"
            return n * 60 + _minutes_after(toks[i + 1 : i + 6], lang, numbers, units)
        return n
    return 30.0 if half_hour else None


def _halves(text: str, lang: Lang) -> tuple[bool, set[str]]:
    """Whether the text says a half of its unit ("and a half", "с половиной", "yarım"),
    and the words of those phrases (skipped between a number and its unit)."""
    joined = " " + fold(text) + " "
    half = any(" " + fold(h) + " " in joined for h in lang.words("half"))
    return half, {w for h in lang.words("half") for w in tokens(h)}


def days_in(text: str, lang: Lang) -> float | None:
    """A length of whole days, in minutes: a number before a word of ``day_units`` ("three
    days", "üç gün", "երկու օր", "2 дня"), or ``one_day`` ("within a day", "в течение
    суток", "bir gündə"); None if the text names none. Only the words themselves: "the
    next day", "gündəlik" (agenda) and "օրենք" (law) are no length."""
    numbers = number_words(lang)
    units = {lower(w) for w in lang.words("day_units")}
    toks = tokens(text)
    half, skip = _halves(text, lang)
    for i, t in enumerate(toks):
        if t not in units:
            continue
        j = i - 1
        while j >= 0 and toks[j] in skip:  # "two and a half days"
            j -= 1
        n = _number(toks[j], lang, numbers) if j >= 0 else None
        if n is not None and 1 <= n <= 60:
            return (n + (0.5 if half else 0.0)) * 1440
    return 1440.0 if has_exact(text, lang.words("one_day")) else None


def _minutes_after(
    toks: list[str], lang: Lang, numbers: dict[str, float], units: dict[str, list[str]]
) -> float:
    """The minutes said (with their number) in the words after an hour, else 0."""
    for q, t in enumerate(toks):
        if q and any(t.startswith(w) for w in units.get("minute", [])):
            n = _number(toks[q - 1], lang, numbers)
            if n is not None and 1 <= n <= 9 and q >= 2:
                tens = _number(toks[q - 2], lang, numbers)
                n += tens if tens is not None and tens in range(20, 100, 10) else 0.0
            return n or 0.0
    return 0.0


def number_words(lang: Lang, parts: tuple[str, ...] = ("amounts", "numbers")) -> dict[str, float]:
    """The language's number words (its ``numbers``, the clock's, and ``amounts``),
    lower-cased, once per language."""
    return _number_words(lang.code, parts)


@cache
def _number_words(code: str, parts: tuple[str, ...]) -> dict[str, float]:
    data = load(code).data
    return {lower(k): float(v) for part in parts for k, v in data.get(part, {}).items()}


def _number(tok: str, lang: Lang, numbers: dict[str, float]) -> float | None:
    """A number in digits or words, a case ending allowed ("չորսից", "dörddən")."""
    if tok.isdigit():
        return float(tok)
    if tok in numbers:
        return numbers[tok]
    for ending in sorted(lang.words("case_endings"), key=len, reverse=True):
        if len(tok) > len(ending) + 1 and tok.endswith(ending) and tok[: -len(ending)] in numbers:
            return numbers[tok[: -len(ending)]]
    for tens, n in numbers.items():  # "քսանհինգ": tens and a unit in one word
        if n in range(20, 100, 10) and tok.startswith(tens) and len(tok) > len(tens) + 2:
            unit = numbers.get(tok[len(tens) :])
            if unit is not None and 1 <= unit <= 9:
                return n + unit
    return None


def time_bound(text: str, lang: Lang) -> str | None:
    """ "before" or "after" when the claim bounds a clock time it names ("shortly before
    one in the afternoon", "после четырёх", "ժամը չորսից հետո", "saat dörddən sonra"):
    a ``time_bounds`` word within three words of a number or time word, and not a
    clock phrase ("ten minutes after ten", "a quarter past")."""
    toks = tokens(text)
    numbers = number_words(lang)
    cues = {lower(w) for w in lang.words("time_words")}
    minute_words = set(lang.data.get("clock", {}).get("minutes", {}))
    units = [w for ws in lang.data.get("duration_units", {}).values() for w in ws]
    for kind, words in lang.data.get("time_bounds", {}).items():
        for word in words:
            for i, t in enumerate(toks):
                if t != lower(word):
                    continue
                before = toks[max(0, i - 3) : i]
                if before and (
                    before[-1] in minute_words or any(before[-1].startswith(u) for u in units)
                ):
                    continue  # "twenty minutes after ten", "два часа спустя"
                near = before + toks[i + 1 : i + 4]
                if any(_number(w, lang, numbers) is not None or w in cues for w in near):
                    return str(kind)
    return None


def _24(h: int, pm: bool, am: bool) -> int:
    if pm and h < 12:
        return h + 12
    if am and h == 12:
        return 0
    return h


# --- claims ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    text: str
    """The claim as the checker reads it (a reporting frame removed)."""
    original: str
    """The sentence it came from."""
    lang: str
    speaker: str | None = None
    """Who the statement attributes it to ("X said that ..."), if it says."""


def split_claims(statement: str) -> list[Claim]:
    """One claim per sentence (a statement's sentences end in . ! ? or the Armenian
    full stop ։); a reporting frame ("the head told the press that ...", "по словам X",
    "X bildirib ki", "X-ը հայտարարեց, որ") is removed and kept as the speaker."""
    code = detect(statement)
    lang = load(code if code in ("en", "ru", "hy", "az") else "en")
    out: list[Claim] = []
    for sentence in re.split(r"(?<=[.!?։])\s+|\n+", statement.strip()):
        s = sentence.strip().strip('"“”«»„').strip()
        if len(tokens(s)) < 2:
            continue
        speaker, rest = _frame(s, lang)
        for clause in _CLAUSES.split(rest):
            clause = clause.strip().strip('"“”«».')
            if len(tokens(clause)) >= 2:
                out.append(Claim(clause, sentence.strip(), code, speaker))
    return out


_CLAUSES = re.compile(
    r";\s+|,\s+(?:and|but|while|а|но|и|և|բայց|սակայն|və|amma|lakin)\s+(?=\w+\s+\w+)"
)
"""Clauses joined by ";" or ", and" / ", but" are claims of their own; coordinated
objects ("in Ganja or Aghdam") stay in one."""


def _frame(s: str, lang: Lang) -> tuple[str | None, str]:
    verbs = "|".join(
        re.escape(v) for v in sorted(lang.words("reporting_verbs"), key=len, reverse=True)
    )
    that = "|".join(re.escape(t) for t in lang.words("reporting_that"))
    if verbs:
        m = re.match(
            rf"^(?P<who>[^.;:!?]{{2,120}}?)\s+(?:{verbs})\w*(?:\s+[^,.;:]{{1,60}}?)??\s*,?\s*(?:{that})\s*,?\s+(?P<rest>.+)$",
            s,
            re.IGNORECASE | re.DOTALL,
        )
        if m and len(tokens(m.group("rest"))) >= 3:
            return m.group("who").strip(), m.group("rest").strip()
        m = re.match(
            rf"^(?P<rest>.{{12,}}?),?\s+(?P<who>[^,.;:]{{2,80}}?)\s+(?:{verbs})\w*\.?$",
            s,
            re.IGNORECASE | re.DOTALL,
        )
        if m and len(tokens(m.group("rest"))) >= 3:
            return m.group("who").strip(), m.group("rest").strip(" ,")
    for phrase in lang.words("according_to"):
        # (Armenian separates the frame with "՝")
        m = re.match(rf"^{re.escape(phrase)}\s+(?P<who>[^,՝]{{2,80}})[,՝]\s*(?P<rest>.+)$", s, re.I)
        if m and len(tokens(m.group("rest"))) >= 3:
            return m.group("who").strip(), m.group("rest").strip()
        m = re.match(
            rf"^(?P<who>[^,՝]{{2,80}}?)\s+{re.escape(phrase)}[,՝]\s*(?P<rest>.+)$", s, re.I
        )
        if m and len(tokens(m.group("rest"))) >= 3:
            return m.group("who").strip(), m.group("rest").strip()
    return None, s
