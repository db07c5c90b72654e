"""Claim-by-claim verdicts against the structured record.

For each claim: ``supported``, ``contradicted`` or ``not_in_record`` ("the record says
nothing about it", which is not "false"), and independently ``disclosure_breach`` when it
reveals the content of facts that are not public. Rules, in order: the next meeting (an
open slot filled by a claim is a contradiction), topics discussed (the agenda, and items
raised and declined), the meeting itself (date, time, place, the mediator's presence),
commitments and agreements. Each verdict quotes the decisive record field and cites the
entries it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from parley.claims.record import Fact, Record
from parley.claims.semantic import Embedder
from parley.claims.text import (
    Claim,
    dates_in,
    fold,
    mentions_mediator,
    negated,
    places_in,
    similar,
    split_claims,
    times_in,
    without_mediator,
)

SUPPORTED, CONTRADICTED, NOT_IN_RECORD = "supported", "contradicted", "not_in_record"
NOT_FALSE = "Not in record is not false: the record (as visible here) says nothing either way."

_STOP = set(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "and",
        "or",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "will",
        "would",
        "may",
        "might",
        "could",
        "can",
        "that",
        "this",
        "it",
        "its",
        "with",
        "for",
        "from",
        "by",
        "as",
        "about",
        "their",
        "they",
        "them",
        "he",
        "she",
        "we",
        "our",
        "us",
        "i",
        "you",
        "has",
        "have",
        "had",
        "did",
        "do",
        "does",
        "not",
        "no",
        "never",
        "also",
        "there",
        "then",
        "than",
        "which",
        "who",
        "what",
        "when",
        "where",
        "meeting",
        "meet",
        "met",
        "talks",
        "session",
        "working",
        "group",
        "groups",
        "side",
        "sides",
        "party",
        "parties",
        "discuss",
        "discussed",
        "discussion",
        "discussions",
        "agenda",
        "agreed",
        "agree",
        "agreement",
        "agreements",
        "raised",
        "item",
        "items",
        "issue",
        "issues",
        "among",
        "taken",
        "onto",
        "outside",
        "mandate",
        "v",
        "na",
        "i",
        "s",
        "o",
        "ob",
        "po",
        "k",
        "ot",
        "za",
        "iz",
        "ne",
        "chto",
        "eto",
        "kak",
    ]
)
# Words too general to name a topic on their own ("water supply" is not "gas supply").
_GENERIC = set(
    ["supply", "line", "visit", "opening", "repair", "inspection", "access", "results", "section"]
)
_NEXT = re.compile(
    r"\bnext (meeting|round|session|talks)\b|\bsleduyushch\w* (vstrech|raund)\w*|"
    r"\bfollowing meeting\b|\bnovbati gorus\w*"
)
_OPEN = re.compile(
    r"\b(not (yet )?(agreed|decided|set|scheduled)|no (date|venue|agreement)|yet to be|"
    r"open|undecided|ne (soglasovan|opredelen|naznachen)\w*)\b"
)
_DISCUSS = re.compile(
    r"\b(discuss\w*|talk\w* about|raised?|address\w*|agenda|debated?|negotiat\w*|"
    r"obsu\w*|podnyal\w*|povestk\w*)\b"
)
_MET = re.compile(
    r"\b(met|meet\w*|took place|held|convened|began|started|hosted|chaired|vstretil\w*|"
    r"vstrech\w*|sostoyal\w*|proshl\w*|gorus\w*|kechiril\w*)\b"
)
_AGREED = re.compile(
    r"\b(agree\w*|commit\w*|pledg\w*|promis\w*|undertook|will|reached|dogovor\w*|"
    r"obyazal\w*|soglas\w*)\b"
)


@dataclass
class Verdict:
    text: str
    verdict: str
    disclosure_breach: bool
    explanation: str
    evidence: list[dict[str, Any]] = field(default_factory=list)
    speaker: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "verdict": self.verdict,
            "disclosure_breach": self.disclosure_breach,
            "evidence": self.evidence,
            "explanation": self.explanation,
        }


def check_statement(
    statement: str, record: Record, embedder: Embedder | None = None
) -> list[Verdict]:
    return [check_claim(c, record, embedder) for c in split_claims(statement)]


# Russian stems (transliterated) of the story's vocabulary, to the English words the
# record uses: a small bilingual lexicon instead of a translation model.
_LEXICON = {
    "gaz": "gas", "postavk": "supply", "elektr": "power", "liniy": "line", "linii": "line",
    "shakht": "mines", "rudnik": "mines", "kashen": "kashen", "drmbon": "drmbon",
    "trass": "highway", "doro": "highway", "shosse": "highway", "integrats": "integration",
    "reintegrats": "integration", "soobshch": "inform", "obyazatel": "commitment",
    "remont": "repair", "osmotr": "inspection", "inspekts": "inspection",
    "besperebo": "uninterrupted", "azerbaydzhan": "azerbaijan",
}  # fmt: skip


def content_words(text: str) -> set[str]:
    out = set()
    for w in fold(text).split():
        if w in _STOP or len(w) <= 2:
            continue
        out.add(next((en for stem, en in _LEXICON.items() if w.startswith(stem)), w))
    return out


def check_claim(claim: Claim, record: Record, embedder: Embedder | None = None) -> Verdict:
    f = fold(claim.text)
    verdict, explanation, facts = _verdict(claim, f, record, embedder)
    breach, breach_facts = (False, []) if record.public_only else _breach(claim, record)
    if not record.public_only and not breach and verdict != NOT_IN_RECORD:
        # True or false, a claim whose verdict rests on confidential commitments or raised
        # items, where the public record could not decide it, reveals them.
        secret = [x for x in facts if not x.public and x.kind in ("commitment", "declined_item")]
        if secret:
            public = Record(
                record.channel, True, [x for x in record.facts if x.public], record.year
            )
            if _verdict(claim, f, public, embedder)[0] != verdict:
                breach, breach_facts = True, secret[:1]
    if breach:
        explanation += (
            " Disclosure: the claim reveals record content the parties keep confidential ("
            + ", ".join(f"{b.kind.replace('_', ' ')} {b.key}" for b in breach_facts)
            + ")."
        )
    evidence, seen = [], set()
    for x in [*facts, *breach_facts]:
        for e in x.entries:
            if (e, x.kind, x.key) not in seen:
                seen.add((e, x.kind, x.key))
                evidence.append({"entry": e, "fact": f"{x.kind}:{x.key}", "public": x.public})
    return Verdict(claim.text, verdict, breach, explanation, evidence, claim.speaker)


def _verdict(
    claim: Claim, f: str, record: Record, embedder: Embedder | None
) -> tuple[str, str, list[Fact]]:
    neg = negated(claim.text)
    if _NEXT.search(f):
        return _next_meeting(claim, f, neg, record)
    topic = _topic(claim, f, neg, record, embedder)
    if topic is not None:
        return topic
    if _MET.search(f):
        met = _meeting(claim, neg, record)
        if met is not None:
            return met
    if _AGREED.search(f):
        agreed = _agreement(claim, neg, record, embedder)
        if agreed is not None:
            return agreed
    return NOT_IN_RECORD, NOT_FALSE, []


def _next_meeting(claim: Claim, f: str, neg: bool, record: Record) -> tuple[str, str, list[Fact]]:
    slot = record.of("next_meeting")
    if not slot:
        return NOT_IN_RECORD, NOT_FALSE, []
    s = slot[0]
    says_open = bool(_OPEN.search(f)) or (neg and not claim.places)
    if s.key == "agreed":
        if says_open:
            return CONTRADICTED, f"The next meeting is agreed — {s.text}.", [s]
        mismatch = _mismatch(claim, s, record)
        if mismatch:
            return CONTRADICTED, f"{mismatch} — {s.text}.", [s]
        return SUPPORTED, f"Record: {_q(s)}.", [s]
    if says_open:
        return SUPPORTED, f"Record: {_q(s)}.", [s]
    details = []
    if claim.places:
        details.append(" or ".join(claim.places))
    if dates_in(claim.text, record.year):
        details.append("a date")
    if without_mediator(claim.text):
        details.append("a format without the mediator")
    what = ", ".join(details) or "its arrangements"
    return CONTRADICTED, f"The claim fills a slot the record leaves open ({what}): {s.text}.", [s]


def _topic(
    claim: Claim, f: str, neg: bool, record: Record, embedder: Embedder | None
) -> tuple[str, str, list[Fact]] | None:
    if not _DISCUSS.search(f):
        return None
    words = content_words(claim.text)
    declined = _best(words, record.of("declined_item"))
    on_agenda = _best(words, record.of("agenda_item"))
    if not declined and not on_agenda and not _best(words, record.of("minutes_item")):
        # Nothing by the words: the closest item in meaning, if clearly closest.
        pool = record.of("agenda_item") + record.of("declined_item")
        near = _closest(claim.text, pool or record.of("minutes_item"), record, embedder)
        if near is not None and near.kind == "declined_item":
            declined = [near]
        elif near is not None and near.kind == "agenda_item":
            on_agenda = [near]
        elif near is not None:
            held = "not discussed" not in fold(near.text)
            verdict = SUPPORTED if held != neg else CONTRADICTED
            return verdict, f"Record (closest in meaning): {_q(near)}.", [near]
    if declined and on_agenda:  # the closer match decides
        if _score(words, declined[0]) >= _score(words, on_agenda[0]):
            on_agenda = []
        else:
            declined = []
    minutes = [
        x
        for x in record.of("minutes_item")
        if any(x.attrs["item"] == d.key for d in declined + on_agenda)
    ]
    if not declined and not on_agenda:
        minutes = _best(words, record.of("minutes_item"))
        if minutes:
            mi = minutes[0]
            held = "not discussed" not in fold(mi.text)
            if held != neg:
                return SUPPORTED, f"Record: {_q(mi)}.", [mi]
            return CONTRADICTED, f"Record: {_q(mi)}.", [mi]
    if declined:
        d = declined[0]
        if neg:
            return SUPPORTED, f"Record: {_q(d)}.", [d, *minutes]
        return CONTRADICTED, f"Record: {_q(d)}.", [d, *minutes]
    if on_agenda:
        a = on_agenda[0]
        if neg:
            return CONTRADICTED, f"It was on the agreed agenda: {a.text}.", [a, *minutes]
        return SUPPORTED, f"Record: {_q(a)}.", [a, *minutes]
    if record.of("agenda_item") and not record.public_only:
        agenda = "; ".join(x.attrs["title"] for x in record.of("agenda_item"))
        return (
            NOT_IN_RECORD,
            f"No agenda item or raised item matches. The agreed agenda was: {agenda}. {NOT_FALSE}",
            record.of("agenda_item")[:1],
        )
    return None


def _mismatch(claim: Claim, fact: Fact, record: Record) -> str | None:
    a = fact.attrs
    if claim.places and a.get("place") and a["place"] not in claim.places:
        return f"Place: the record says {a['venue']}, not {' or '.join(claim.places)}"
    dates = dates_in(claim.text, record.year)
    if dates and a.get("date") and a["date"] not in dates:
        return f"Date: the record says {a['date']:%-d %B %Y}, not {dates[0]:%-d %B %Y}"
    times = times_in(claim.text)
    if times and a.get("time") and a["time"] not in times:
        return f"Time: the record says {a['time']}, not {times[0]}"
    if without_mediator(claim.text) and a.get("mediator_present"):
        return "Format: the record says the mediator chaired it"
    return None


def _meeting(claim: Claim, neg: bool, record: Record) -> tuple[str, str, list[Fact]] | None:
    meetings = record.of("meeting")
    if not meetings:
        return _public_meeting(claim, neg, record)
    m = meetings[-1]
    if len(meetings) > 1:
        dated = dates_in(claim.text, record.year)
        m = next((x for x in meetings if x.attrs["date"] in dated), meetings[-1])
    mismatch = _mismatch(claim, m, record)
    if mismatch:
        return CONTRADICTED, f"{mismatch} — {m.text}.", [m]
    if neg:
        return CONTRADICTED, f"Record: {_q(m)}.", [m]
    if (
        claim.places
        or dates_in(claim.text, record.year)
        or times_in(claim.text)
        or mentions_mediator(claim.text)
    ):
        return SUPPORTED, f"Record: {_q(m)}.", [m]
    return None


def _public_meeting(claim: Claim, neg: bool, record: Record) -> tuple[str, str, list[Fact]] | None:
    """Public mode: what the published communiqués say about the meeting."""
    for c in record.of("communique"):
        text = c.text
        places, dates = places_in(text), dates_in(text, record.year)
        cp, cd = claim.places, dates_in(claim.text, record.year)
        if (cp and places and not set(cp) & set(places)) or (
            cd and dates and not set(cd) & set(dates)
        ):
            return CONTRADICTED, f"Record: {_q(c)}.", [c]
        if without_mediator(claim.text) and mentions_mediator(text):
            return CONTRADICTED, f"Record: {_q(c)}.", [c]
        if neg and (cp or cd):
            return CONTRADICTED, f"Record: {_q(c)}.", [c]
        if (cp and set(cp) & set(places)) or (cd and set(cd) & set(dates)):
            return SUPPORTED, f"Record: {_q(c)}.", [c]
    return None


def _agreement(
    claim: Claim, neg: bool, record: Record, embedder: Embedder | None
) -> tuple[str, str, list[Fact]] | None:
    words = content_words(claim.text)
    pool = record.of("commitment") + record.of("communique")
    best: tuple[float, Fact] | None = None
    for x in pool:
        score = len(words & x.attrs["words"]) / max(1, len(words))
        if best is None or score > best[0]:
            best = (score, x)
    if best is None or best[0] < 0.4:
        near = _closest(claim.text, pool, record, embedder)
        if near is None:
            return None
        best = (0.0, near)
    fact = best[1]
    if neg:
        return CONTRADICTED, f"Record: {_q(fact)}.", [fact]
    return SUPPORTED, f"Record: {_q(fact)}.", [fact]


def _closest(
    text: str, facts: list[Fact], record: Record, embedder: Embedder | None
) -> Fact | None:
    """The fact closest in meaning to a claim, if the model is loaded and the fact is
    both close enough and clearly closer than the runner-up."""
    if embedder is None or not facts:
        return None
    key = (embedder.name, tuple((x.kind, x.key) for x in facts))
    if key not in record.cache:
        record.cache[key] = embedder.embed([x.attrs.get("plain", x.text) for x in facts], False)
    sims = record.cache[key] @ embedder.embed([text], True)[0]
    order = sorted(range(len(facts)), key=lambda i: -float(sims[i]))
    best = float(sims[order[0]])
    second = float(sims[order[1]]) if len(order) > 1 else -1.0
    if best >= embedder.threshold and best - second >= embedder.margin:
        return facts[order[0]]
    return None


def _q(fact: Fact) -> str:
    """A fact's decisive field, for quoting inside a sentence."""
    return fact.text.rstrip(".")


def _score(words: set[str], fact: Fact) -> int:
    """How well a claim's words match a fact: 2 per word matching its id or topic, 1 per
    word matching the rest of its text."""
    key = fact.attrs.get("key_words", set()) - _GENERIC
    return sum(
        2 if _overlaps({w}, key) else 1 if _overlaps({w}, fact.attrs["words"]) else 0 for w in words
    )


def _best(words: set[str], facts: list[Fact]) -> list[Fact]:
    """The facts that match best (none if none matches at all), best first."""
    scored = sorted(((_score(words, f), i, f) for i, f in enumerate(facts)), reverse=True)
    # One general word does not name a topic: its key, or two of its words, do.
    return [f for s, _, f in scored if s >= 2 and s == scored[0][0]]


def _overlaps(words: set[str], fact_words: set[str]) -> bool:
    """A claim word that is a fact word, or a close variant of one (reintegration ~
    integration, transliterations)."""
    fact_words = {w for w in fact_words if w not in _STOP and len(w) >= 3}
    for w in words:
        for v in fact_words:
            if w == v or (len(w) > 5 and len(v) > 5 and (v in w or w in v)):
                return True
            if len(w) > 5 and similar(w, v) >= 0.85:
                return True
    return False


def _breach(claim: Claim, record: Record) -> tuple[bool, list[Fact]]:
    """Member mode: does the claim reveal the content of a fact that is not public (and
    is not also said by a public fact)?"""
    words = content_words(claim.text)
    public_words: set[str] = set()
    for x in record.facts:
        if x.public and "words" in x.attrs:
            public_words |= x.attrs["words"]
    private = {w for w in words if not _overlaps({w}, public_words)}
    hits = []
    for x in record.facts:
        if x.public or x.kind in ("next_meeting", "proposal", "meeting"):
            continue
        if "words" not in x.attrs:
            continue
        # Two of its words, or its subject itself: one shared common word reveals nothing.
        revealing = x.attrs["words"] | x.attrs.get("reveal", set())
        shared = sum(1 for w in private if _overlaps({w}, revealing))
        if shared >= 2 or _overlaps(private, x.attrs.get("key_words", set())):
            hits.append(x)
    for x in record.of("meeting"):  # names of attendees, unless public
        if x.public:
            continue
        for names in x.attrs.get("attendees", {}).values():
            for name in names:
                if len(content_words(name) & private) >= 2:
                    hits.append(x)
    return bool(hits), hits[:3]
