"""A claim read into what it says, typed: its language, negation and hedging, the kinds
of thing it is about (a meeting, a signature, a refusal …, from the language files'
word lists), the days, times, places, sides and stems it names. Shared by every part of
the checker (:mod:`parley.claims.checker`, :mod:`parley.claims.documents`,
:mod:`parley.claims.traffic`)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from parley.claims.facts import VENUE_KINDS, Fact, Place, code_of
from parley.claims.lang import Lang, load, lower
from parley.claims.text import (
    MAY_MONTH,
    Claim,
    When,
    close,
    concepts,
    dates_in,
    fold,
    has,
    has_exact,
    key,
    month,
    same,
    stems,
    times_in,
    tokens,
    without_days,
)

if TYPE_CHECKING:
    from parley.claims.record import Record

SUPPORTED, CONTRADICTED, NOT_IN_RECORD = "supported", "contradicted", "not_in_record"
NOT_FALSE = "Not in record is not false: the record (as visible here) says nothing either way."
Answer = tuple[str, str, list[Fact]]


@dataclass
class Reading:
    """What a claim says, typed."""

    claim: Claim
    lang: Lang
    negated: bool
    hedged: bool
    words: dict[str, bool]
    dates: list[When]
    times: list[tuple[int, int | None]]
    places: list[Place]
    unknown_places: list[str]
    sides: list[str]
    keys: list[str]
    stems: set[str]
    hours: tuple[int, int] | None = None
    """A part of the day the claim names ("in the morning"), as [from, to) hours."""
    ordinal: int | None = None
    """Which meeting by order ("the second session": 2; "the last": -1)."""


KINDS = (
    "sign", "refusal", "next", "meet", "discuss", "raise", "agree", "decide", "open", "propose",
    "mediator", "without", "attend", "publish", "done", "confirmed", "disputed", "overdue",
    "future", "outcome_none", "received",
)  # fmt: skip


def read(claim: Claim, record: Record) -> Reading:
    lang = load(claim.lang if claim.lang in ("en", "ru", "hy", "az") else "en")
    text = claim.text
    plain = _without_negative_prefix(text, lang)
    words = {k: has(plain, lang.words(k)) for k in KINDS}
    if words["next"] and has(plain, lang.words("next_day")):  # "the next day": no meeting
        rest = plain
        for phrase in lang.words("next_day"):
            rest = re.sub(rf"(?i)(?<!\w){re.escape(phrase)}(?!\w)", " ", rest)
        words["next"] = has(rest, lang.words("next"))
    if has(plain, lang.words("obligation")):  # "must hand over by 15 September": a duty
        words["future"], words["done"] = True, False
    if has(plain, lang.words("no_objection")):
        words["confirmed"] = True
    if words["discuss"] and (words["propose"] or has(plain, lang.words("request"))):
        words["raise"] = True  # "asked the commission to discuss X", "proposed discussing X"
    if words["agree"] and words["done"] and _undertaken(plain, lang):
        words["done"] = False  # "համաձայնեց տրամադրել": agreed to give, not gave
    toks = tokens(text)
    if _without_the_mediator(toks, lang, record):
        words["without"] = True
    stop = set(lang.words("stop"))
    keys = [key(t, lang.code) for t in toks if len(t) >= 3 and t not in stop]
    places, unknown = _places(text, toks, lang, record)
    # (a word of what the talks are about, in lower case, names no mediator whose name
    # holds it: "на пастбище" is not the "Highland Pastures" mission, "the medical
    # referrals" not the "Medical Liaison Office"; "the Pastures Mission" is)
    topical = {
        key(w, lang.code)
        for w in WORD.findall(text)
        if not w[:1].isupper() and concepts(w, lang) - _NOT_TOPICS
    }
    sides = [
        s
        for s, skeys in record.sides.items()
        if any(
            (close(k, sk) or (len(k) >= 6 and len(sk) >= 6 and k[:6] == sk[:6]))
            and (s != record.mediator or k not in topical)
            for k in keys
            for sk in skeys
        )
    ]
    hours = None
    daytext = fold(text)
    for day in (w for w in lang.weekdays if " " in w):  # "çərşənbə axşamı" is Tuesday
        daytext = daytext.replace(fold(day), " ")
    for word, (a, b) in lang.data.get("parts_of_day", {}).items():
        if has(daytext, [word]):
            hours = (a, b)
    ordinal = None
    if words["meet"]:
        undated = lower(without_days(text, lang))
        for word in lang.words("originally"):  # "first planned", "первоначально": no order
            undated = undated.replace(lower(word), " ")
        undated = _without_ordinal_times(undated, lang)  # "in the first week of May"
        for word, n in lang.data.get("meeting_ordinals", {}).items():
            short = whole_word(word, lang)
            found = has_exact(undated, [word]) if short else has(undated, [word])
            # "the last week" names a time, not the last meeting; "the third meeting on
            # 12 July" names both
            if found and (int(n) > 0 or not dates_in(text, lang, record.year)):
                ordinal = int(n)
                break
    dates = list(dates_in(text, lang, record.year))
    if words["meet"] and has(plain, lang.words("next_day")):
        # "on 11 June it decided to hold the next day's meeting by video": the meeting is
        # the day after the one named
        one = timedelta(days=1)
        dates = [
            replace(d, first=d.first + one, last=d.first + one, weekday=None)
            if d.first is not None and d.first == d.last
            else d
            for d in dates
        ]
    return Reading(
        claim,
        lang,
        _negated(text, lang),
        _hedged(text, lang) or _vague(claim.speaker, lang),
        words,
        dates,
        _times(text, lang),
        places,
        unknown,
        sides,
        keys,
        stems(text, lang, stop),
        hours,
        ordinal,
    )


def _undertaken(text: str, lang: Lang) -> bool:
    """Every word of doing in a claim with a word of agreeing is an infinitive ("обязался
    передать", "համաձայնեց տրամադրել", "təhvil verməyi öhdəsinə götürüb"; not the
    Armenian perfect "տրամադրել է"): the claim says what was undertaken, not what was
    done."""
    toks = [t.strip(".,;:!?։՝«»\"'()") for t in fold(text).split()]
    endings = tuple(lang.words("infinitive_endings"))
    auxiliaries = set(lang.words("perfect_auxiliaries"))
    done = [i for i, t in enumerate(toks) if has(t, lang.words("done"))]
    if not endings or not done:  # (the caller has found a word of agreeing)
        return False
    return all(
        toks[i].endswith(endings) and (i + 1 == len(toks) or toks[i + 1] not in auxiliaries)
        for i in done
    )


def _without_the_mediator(toks: list[str], lang: Lang, record: Record) -> bool:
    """A word that says "without" by a suffix on the mediator's word or name
    (Azerbaijani "Missiyasız", "vasitəçisiz": without the Mission, without a mediator)."""
    suffixes = tuple(lang.words("privative_suffixes"))
    if not suffixes:
        return False
    names: frozenset[str] = record.sides.get(record.mediator, frozenset())
    for t in toks:
        for suffix in suffixes:
            if t.endswith(suffix) and len(t) - len(suffix) >= 4:
                stem = t[: -len(suffix)]
                if has(stem, lang.words("mediator")) or any(
                    close(key(stem, lang.code), k) for k in names
                ):
                    return True
    return False


def _without_negative_prefix(text: str, lang: Lang) -> str:
    """The text with a verb's negative prefix taken off ("չստորագրեց" → "ստորագրեց"), so
    that what the verb says is found; the negation itself is read by :func:`_negated`."""
    prefix = lang.data.get("negation_prefix")
    if not prefix:
        return text
    return " ".join(
        t[len(prefix) :] if t.startswith(prefix) and len(t) > len(prefix) + 3 else t
        for t in tokens(text)
    )


def _vague(speaker: str | None, lang: Lang) -> bool:
    """A claim reported from unnamed sources ("according to some sources", "по данным
    СМИ", "ըստ որոշ աղբյուրների") is hearsay, whatever it says."""
    return bool(speaker) and has(speaker or "", lang.words("vague_sources"))


def _hedged(text: str, lang: Lang) -> bool:
    """A possibility or hearsay ("may", "reportedly"), not counting a month named "May"
    next to a day, nor "May" capitalised inside a sentence ("the May session")."""
    if lang.code == "en":
        text = MAY_MONTH.sub(" ", text)
    toks = tokens(text)
    kept = [
        t
        for i, t in enumerate(toks)
        if not (
            t in lang.months
            and any(0 <= j < len(toks) and toks[j][:1].isdigit() for j in (i - 1, i + 1))
        )
    ]
    return has(" ".join(kept), lang.words("hedge"))


WORD = re.compile(r"[^\W\d_][\w'-]*")
"""A word as a name is written: a letter, then letters, digits, apostrophes, hyphens."""


def whole_word(word: str, lang: Lang) -> bool:
    """An order word read only as written whole, not as the start of a longer word:
    every English one ("last", not "lasted") and any of three letters ("son", not
    "sonra" — after — or "sonrakı" — next)."""
    return lang.code == "en" or len(word) <= 3


def is_order_word(t: str, word: str, lang: Lang) -> bool:
    """The token ``t`` is the order word ``word`` (whole, or with an ending)."""
    w = lower(word)
    return t == w or (not whole_word(w, lang) and t.startswith(w))


def points_back(r: Reading, *, first: bool = False) -> bool:
    """A word that points back at what was named before ("that", "it", "bu", "այդ"):
    anywhere in the claim, or with ``first`` as its first word only ("That
    acknowledgement came late", "It was …")."""
    words = r.lang.words("anaphora")
    if not first:
        return has_exact(r.claim.text, words)
    toks = tokens(r.claim.text)
    return bool(toks) and toks[0] in {lower(w) for w in words if " " not in w.strip()}


def capitalised(text: str) -> list[str]:
    """The words of ``text`` written with a capital letter (names, in these languages)."""
    return [w for w in WORD.findall(text) if w[:1].isupper()]


def negative_token(t: str, lang: Lang) -> bool:
    """One word that denies by its form: the language's negation prefix ("չ-", "не-" is
    none) or suffix ("-mır", "-madı"), less the words that only look so, or "n't"."""
    prefix = lang.data.get("negation_prefix")
    if (
        prefix
        and t.startswith(prefix)
        and len(t) > 3
        and not t.startswith(tuple(lang.words("negation_prefix_exceptions")))
    ):
        return True
    suffixes = tuple(lang.words("negation_suffixes"))
    if suffixes and t.endswith(suffixes) and len(t) > 5:
        return t not in set(lang.words("negation_suffix_exceptions"))
    return t.endswith("n't")


_CONTRAST = re.compile(
    r",\s*(?:not|а не|не|ոչ թե|deyil)\s+[^,.]{1,40}(?:,|[.!?։]?\s*$)", re.IGNORECASE
)  # "The Mission, not Arvenia, proposed …"; "… Kesar's obligation, not Dalvan's"


def _negated(text: str, lang: Lang) -> bool:
    text = _CONTRAST.sub(",", text)  # "The Mission, not Arvenia, proposed ...": not a denial
    for phrase in lang.words("no_objection"):  # "accepted without objection": an acceptance
        text = re.sub(re.escape(phrase), " ", text, flags=re.IGNORECASE)
    # a capitalised word inside the sentence is a name ("Nor Kamurj"), not "nor"
    text = re.sub(
        r"(?<=[\w,] )" + WORD.pattern, lambda m: " " if m.group()[:1].isupper() else m.group(), text
    )
    low = lower(text)
    for marker in lang.words("reason_clauses"):  # ", saying five had no escorts": a reason
        at = low.find(lower(marker))
        if at > 0:
            text, low = text[:at], low[:at]
    toks = tokens(text)
    told = has(text, lang.words("telling"))
    if told:  # "residents were told not to drink river water": what they were told, denied
        text = _without_told_not(text, lang)
        toks = tokens(text)
    if has_exact(text, lang.words("negation")) or "n't" in text.lower():
        return True
    # a name is no negated verb ("Չայլըղայայի կողմը": Çaylıqaya's side)
    names = {lower(w) for w in capitalised(text)}
    return any(negative_token(t, lang) for t in toks if t not in names)


def _without_ordinal_times(text: str, lang: Lang) -> str:
    """The text less an order word before a unit of the calendar ("the first week",
    "в первую неделю", "առաջին շաբաթում", "ilk həftəsində"): a time, not a meeting."""
    toks = tokens(text)
    units = [lower(u) for u in lang.words("calendar_units")]
    orders = [lower(w) for w in lang.data.get("meeting_ordinals", {})]
    drop = {
        t
        for t, after in itertools.pairwise(toks)
        if any(t == w or (len(w) > 3 and t.startswith(w)) for w in orders)
        and any(after == u or (len(u) > 2 and after.startswith(u)) for u in units)
    }
    if not drop:
        return text
    return " ".join(w for w in text.split() if lower(w.strip(".,;:!?")) not in drop)


def _times(text: str, lang: Lang) -> list[tuple[int, int | None]]:
    """The times of day the text names, less a bare number that is the first day of a
    span or a move ("from 18 to 19 August", "с 18 на 19 августа")."""
    found = times_in(text, lang)
    toks = tokens(text)

    def a_day(h: int) -> bool:
        for i, t in enumerate(toks):
            if t != str(h):
                continue
            rest = [x for x in toks[i + 1 : i + 4] if not x.isdigit()][:2]
            if any(x.isdigit() for x in toks[i + 1 : i + 3]) and any(month(x, lang) for x in rest):
                return True
        return False

    return [(h, m) for h, m in found if m is not None or not a_day(h)]


_NOT_TOPICS = frozenset(
    {
        "@monitor",
        "@peacekeeper",
        "@mediation",
        "@office",
        "@party",
        "@delegation",
        "@meeting",
        "@commission",
    }
)
"""Concepts of who meets and mediates, not of what the talks are about."""


def _proper_place_keys(record: Record) -> frozenset[str]:
    """The keys of the capitalised words of the record's place names (once per record)."""
    found: frozenset[str] | None = record.cache.get("proper place keys")
    if found is None:
        found = frozenset(
            key(w, code_of(p.name)) for p in record.places for w in capitalised(p.name)
        )
        record.cache["proper place keys"] = found
    return found


def _without_told_not(text: str, lang: Lang) -> str:
    """The text less a negated infinitive after a verb of telling ("told not to drink",
    "попросили не пить", "չխմել", "içməməyi tövsiyə etdi"): the denial is of what was
    told, not of the telling."""
    for phrase in lang.words("negated_infinitive"):
        if " " in phrase:  # "not to"
            text = re.sub(rf"(?i)(?<!\w){re.escape(phrase)}(?!\w)", " to", text)
    endings = "|".join(map(re.escape, lang.words("infinitive_endings")))
    prefix = lang.data.get("negation_prefix")
    if endings and prefix:  # "չխմել" (and "չեն տվել" is a negated verb, not this)
        text = re.sub(rf"(?<!\w){re.escape(prefix)}(\w+(?:{endings}))(?!\w)", r"\1", text)
    elif endings:  # "не пить"
        for word in lang.words("negation"):
            text = re.sub(rf"(?i)(?<!\w){re.escape(word)}\s+(\w+(?:{endings}))(?!\w)", r"\1", text)
    suffixes = "|".join(re.escape(w) for w in lang.words("negated_infinitive") if " " not in w)
    if suffixes:  # "içməməyi": the verb's stem is enough to read it
        text = re.sub(rf"(\w+?)(?:{suffixes})(?!\w)", r"\1", text)
    return text


def _places(
    text: str, toks: list[str], lang: Lang, record: Record
) -> tuple[list[Place], list[str]]:
    """The record's places a claim names (by phonetic key, allowing case endings), and
    other capitalised names it puts a meeting at ("in Moscow")."""
    found: list[Place] = []
    matched: set[str] = set()
    suffixes = tuple(lang.words("place_suffixes"))
    # a word of happening is no place ("состоялось" is not "…актов гражданского состояния")
    happened = tuple(lower(w) for w in lang.words("happened") if " " not in w and len(w) >= 4)
    toks = [t for t in toks if not t.startswith(happened)]
    proper = _proper_place_keys(record)
    in_names = _in_side_names(toks, lang, record)
    named = {toks[i] for i in in_names}
    toks = [t for i, t in enumerate(toks) if i not in in_names]
    side_keys = {k for keys in record.sides.values() for k in keys if len(k) >= 4}
    side_words = {
        t for t in toks if len(t) >= 4 and any(close(key(t, lang.code), k) for k in side_keys)
    }
    # each word's keys: as written, less a case ending, its stem
    variants_of = {
        t: {key(t, lang.code), key(lang.stem(t), lang.code)}
        | {key(t[: -len(s)], lang.code) for s in suffixes if t.endswith(s) and len(t) - len(s) >= 3}
        for t in toks
    }
    for p in record.places:
        for t, variants in variants_of.items():
            # (a key of three letters — "get", "cai": a river in Armenian, Azerbaijani — is
            # the whole word, not the start of "getting", "chaired")
            # (a word of a side's name, "Keçiddə" of the mediator's "Keçid Ticarətə Yardım
            # Bürosu", names a place only by a word that place's name writes capitalised:
            # not "Berezovka keçidi")
            sided = t in side_words
            if any(
                same(v, pk) if len(pk) > 3 else v == pk
                for v in variants
                for pk in p.keys
                if pk in proper or not sided
            ):
                if p not in found:
                    found.append(p)
                matched.add(t)
    unknown = []
    words = text.split()
    preps = {w.lower() for w in lang.words("place_prepositions")}
    for i, w in enumerate(words):
        clean = w.strip(".,;:!?«»\"“”()'")
        if not clean or not clean[0].isupper() or lower(clean) in matched | named:
            continue
        low = clean.lower()
        if month(low, lang) is not None:
            continue
        after_prep = i > 0 and words[i - 1].lower().strip(",") in preps
        after_or = (
            i > 1
            and words[i - 1].lower() in _OR
            and words[i - 2].strip(".,;:!?«»\"“”()'") in unknown
        )
        after_prep = after_prep or after_or
        with_suffix = bool(suffixes) and low.endswith(suffixes) and i > 0
        if (after_prep or with_suffix) and not _known_word(clean, lang, record):
            unknown.append(clean)
    return found, unknown


def _place_keys(record: Record) -> frozenset[str]:
    """Every key of the record's places (once per record)."""
    found: frozenset[str] | None = record.cache.get("place keys")
    if found is None:
        found = frozenset().union(*(p.keys for p in record.places))
        record.cache["place keys"] = found
    return found


def _in_side_names(toks: list[str], lang: Lang, record: Record) -> set[int]:
    """Where a claim's words are a run of two or more words of one of a side's names
    ("Zarxet Aşırımı Müşahidə Missiyasının rəhbəri": the mission's head, not the pass), at
    least one of them no place's word; short words inside a run ("на") are skipped."""

    if not record.side_forms:
        return set()
    keys = [key(t, lang.code) for t in toks]

    def of(i: int, form: frozenset[str]) -> bool:
        k = keys[i]
        return any(close(k, f) or (len(f) >= 5 and k.startswith(f[: len(f) - 2])) for f in form)

    place_keys = _place_keys(record)
    preps = {lower(w) for w in lang.words("place_prepositions")}

    def a_venue(start: int) -> bool:
        """ "at the headquarters of the Joint Coordination Cell": a venue named
        after a side (a place preposition or a kind of venue just before its name)."""
        before = toks[max(0, start - 3) : start]
        return any(t in preps for t in before[-2:]) or any(
            concepts(t, lang) & VENUE_KINDS for t in before
        )

    stop = set(lang.words("stop"))
    found: set[int] = set()
    for form in record.side_forms:
        run: list[int] = []
        for i, t in enumerate([*toks, ""]):
            if t and (len(t) < 3 or t in stop) and run:
                continue
            if t and of(i, form):
                run.append(i)
                continue
            if (
                len(run) >= 2
                and any(keys[j] not in place_keys for j in run)
                and not a_venue(run[0])
            ):
                found.update(run)
            run = []
    return found


def _known_word(word: str, lang: Lang, record: Record) -> bool:
    """A word of a side's name or of a place's name ("Keçiddə", of the mediator's name in
    Azerbaijani "Keçid Ticarətə Yardım Bürosu"): not a place the record lacks."""
    k = key(word, lang.code)
    if len(k) < 4:
        return False
    names = [*record.sides.values(), *(p.keys for p in record.places)]
    return any(close(k, x) or (len(x) >= 4 and k.startswith(x)) for keys in names for x in keys)


_OR = {"or", "and", "или", "и", "կամ", "և", "və", "yaxud", "ya"}


PUNCT = ".,;:!?«»\"“”()'՝։"


def proper_keys(r: Reading, without: frozenset[str] = frozenset()) -> set[str]:
    """Keys of the record's places the claim names by a capitalised word ("Karmrakar",
    not "mosques" for "the Juma mosque of Şıxlar"), less the place keys ``without``."""
    place_keys = {k for p in r.places for k in p.keys} - without
    return {
        k
        for w in r.claim.text.split()
        if w.strip(PUNCT)[:1].isupper()
        and len(k := key(w.strip(PUNCT), r.lang.code)) >= 4
        and any(same(k, pk) for pk in place_keys)
    }


def subject(r: Reading, record: Record) -> str | None:
    """The side a claim is about first (its subject, most often) — not a side named as a
    place ("groups in Yurdali", "в Сарнаке"); naming none, the mediator when the claim
    names it by a common noun ("declined by the mediator", "the mission sent …")."""
    if not r.sides:
        return _the_mediator(r, record)
    toks = tokens(r.claim.text)
    preps = {lower(p) for p in r.lang.words("place_prepositions")}
    order = []
    for s in r.sides:
        skeys = record.sides.get(s, frozenset())
        found = next(
            (
                (i, fit)
                for i, t in enumerate(toks)
                if len(t) >= 3
                and (i == 0 or toks[i - 1] not in preps)
                and (fit := _fit(key(t, r.lang.code), skeys)) is not None
            ),
            None,
        )
        if found is not None:
            order.append((*found, s))
    # one word like two sides' names ("Սարըղայան": Sarıqaya, or Sargsyan of the other
    # side): the name it fits best
    return min(order)[2] if order else _the_mediator(r, record)


def _the_mediator(r: Reading, record: Record) -> str | None:
    """The mediator, named by a common noun (not "met without the mission")."""
    if (
        record.mediator
        and not r.words["without"]
        and has(r.claim.text, r.lang.words("mediator_nouns"))
    ):
        return record.mediator
    return None


def _fit(k: str, skeys: frozenset[str]) -> int | None:
    """How well a word's key fits a side's keys: 0 the same, 1 the same start, 2 close;
    None not at all."""
    fits = [
        0 if k == sk else 1 if k[:6] == sk[:6] else 2
        for sk in skeys
        if close(k, sk) or k[:6] == sk[:6]
    ]
    return min(fits) if fits else None


def subject_of_text(text: str, r: Reading, record: Record) -> str | None:
    """The side a piece of text names first (a reporting frame's speaker: "Yurdali
    reported on 11 March that …")."""
    for t in tokens(text):
        k = key(t, r.lang.code)
        for s, skeys in record.sides.items():
            if len(t) >= 3 and any(close(k, sk) or k[:6] == sk[:6] for sk in skeys):
                return s
    return None


def record_names(record: Record) -> set[str]:
    """The keys of every place and side name of the record (computed once per record)."""
    names: set[str] | None = record.cache.get("names")
    if names is None:
        names = set().union(
            *(p.keys for p in record.places), *record.sides.values(), record.place_kinds
        )
        record.cache["names"] = names
    return names


def quote(fact: Fact) -> str:
    return fact.text.rstrip(".")


__all__ = [
    "CONTRADICTED",
    "KINDS",
    "NOT_FALSE",
    "NOT_IN_RECORD",
    "PUNCT",
    "SUPPORTED",
    "Answer",
    "Reading",
    "points_back",
    "proper_keys",
    "quote",
    "read",
    "record_names",
    "subject",
    "subject_of_text",
]
