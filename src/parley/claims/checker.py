"""Claim-by-claim verdicts: a claim is read into a typed proposition and compared with
the record's typed facts.

A claim is **contradicted** only when a typed fact of the record conflicts with it (a
meeting on another day, at another of the record's places, without the mediator when it
was chaired; an item declined that the claim says was discussed; a commitment disputed
that the claim says was met; a next meeting claimed agreed that is only proposed), and
**supported** only when one matches; everything else is **not in record**, with the
reason. Possibilities and hearsay ("may", "reportedly") are never decided. Which
meeting a claim is about is resolved from its day, time, place and tense: it is
supported if one meeting fits, contradicted only if none can.

``disclosure_breach`` is independent of the verdict: the claim is decided by record
content that is not public, and the public record alone would not decide it the same
way. Each verdict quotes the record fields it rests on and cites their entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from typing import Any

from parley.claims import said, traffic
from parley.claims.facts import VENUE_KINDS, Fact, Place, code_of, words_of
from parley.claims.lang import Lang, load, lower
from parley.claims.reading import (
    CONTRADICTED,
    NOT_FALSE,
    NOT_IN_RECORD,
    PUNCT,
    SUPPORTED,
    Answer,
    Reading,
    is_order_word,
    negative_token,
    points_back,
    proper_keys,
    quote,
    read,
    record_names,
    subject,
    subject_of_text,
)
from parley.claims.record import Record
from parley.claims.said import numbers_in
from parley.claims.semantic import Embedder
from parley.claims.text import (
    Claim,
    When,
    close,
    concepts,
    dates_in,
    day_name,
    duration_in,
    fold,
    has,
    has_exact,
    key,
    month,
    person_key,
    position,
    same,
    split_claims,
    stems,
    time_bound,
    tokens,
    weekdays_in,
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
    """Each claim of the statement; a claim that names nothing ("Arvenia refused to
    discuss it") is read as about what the claim before it was about."""
    out: list[Verdict] = []
    context: Fact | None = None
    for c in split_claims(statement):
        v, facts = _check(c, record, embedder, context)
        out.append(v)
        context = next(
            (
                f
                for f in facts
                if f.kind
                in ("item", "commitment", "proposal", "meeting", "message", "signed", "cancelled")
            ),
            context,
        )
    return out


def check_claim(
    claim: Claim, record: Record, embedder: Embedder | None = None, context: Fact | None = None
) -> Verdict:
    return _check(claim, record, embedder, context)[0]


def _check(
    claim: Claim, record: Record, embedder: Embedder | None, context: Fact | None
) -> tuple[Verdict, list[Fact]]:
    r = read(claim, record)
    verdict, explanation, facts = _verdict(r, record, embedder, context)
    if verdict in (SUPPORTED, CONTRADICTED) and (extra := _details(r, facts)):
        # numbers or weekdays the fact lacks: another fact is meant, or more than it says
        verdict, explanation, facts = (
            NOT_IN_RECORD,
            f"The record holds {quote(facts[0])}, but not {', '.join(extra)}. {NOT_FALSE}",
            [],
        )
    # Decided by record content that is not public: every fact the verdict rests on is
    # confidential (a meeting a published communiqué reports on counts as public).
    breach = (
        not record.public_only
        and verdict != NOT_IN_RECORD
        and bool(facts)
        and (
            not any(f.public or _in_communique(r, f, record) for f in facts)
            or _held_detail(r, facts)
        )
    )
    if breach:
        explanation += (
            " Disclosure: this rests on record content the parties keep confidential ("
            + ", ".join(f"{f.kind.replace('_', ' ')} {f.key}" for f in facts[:3])
            + ")."
        )
    evidence, seen = [], set()
    for x in facts:
        for e in x.entries:
            if (e, x.kind, x.key) not in seen:
                seen.add((e, x.kind, x.key))
                public = e in record.public_entries or (x.kind == "communique")
                evidence.append({"entry": e, "fact": f"{x.kind}:{x.key}", "public": public})
    return Verdict(claim.text, verdict, breach, explanation, evidence, claim.speaker), facts


def _in_communique(r: Reading, f: Fact, record: Record) -> bool:
    """A confidential commitment whose substance a published communiqué states
    (most of its words, and every day and number the claim names): the claim may rest on
    the communiqué, which is public."""
    if f.kind != "commitment":  # (an item's words say its topic, not that it was declined)
        return False
    names = record_names(record)
    own = {
        s for s in f.attrs.get("words", ()) if not s.startswith("@") and key(s, "en") not in names
    }
    if len(own) < 3:
        return False
    said_numbers = numbers_in(r.claim.text)
    return any(
        len(own & c.attrs["words"]) >= max(3, 0.6 * len(own))
        and all(any(w.holds(d) for d in c.attrs.get("days", ())) for w in r.dates)
        and said_numbers <= numbers_in(c.attrs["plain"])
        for c in record.of("communique")
    )


def _held_detail(r: Reading, facts: list[Fact]) -> bool:
    """A claim of when a meeting started or ended, or how long it lasted, rests on the
    record of the meeting as held: public only if that entry is (a communiqué on the
    meeting makes its day and place public, not its hours)."""
    return (
        len(facts) == 1
        and facts[0].kind == "meeting"
        and bool(facts[0].attrs.get("held_times"))
        and not facts[0].attrs.get("held_public")
        and bool(r.times or r.hours or duration_in(r.claim.text, r.lang) is not None)
    )


def _details(r: Reading, facts: list[Fact]) -> list[str]:
    """Numbers and weekdays the claim names that the texts of the agenda items,
    minutes and commitments it rests on do not ("fifteen detainees" against "12";
    "Mondays and Thursdays" against "Tuesdays and Fridays"): such a claim is about more
    than the record's fact says."""
    texts = [f for f in facts if f.kind in ("item", "minutes_item", "commitment", "said")]
    if not texts or len(texts) != len(facts):
        return []
    said = numbers_in(r.claim.text) - {float(y) for y in range(2000, 2100)}  # years of the talks
    said -= {float(w.first.day) for w in r.dates if w.first is not None}
    said -= {float(x) for h, m in r.times for x in (h, m) if x is not None}
    body = " ".join(
        f"{f.text} {f.attrs.get('plain', '')} {f.attrs.get('notes', '')}" for f in facts
    )
    extra = [f"{n:g}" for n in sorted(said - numbers_in(body))]
    days = weekdays_in(r.claim.text, r.lang) - weekdays_in(body, load(code_of(body)))
    days -= {f.attrs["due"].weekday() for f in facts if f.kind == "commitment"}
    days -= {d.weekday() for f in facts for d in f.attrs.get("days", ())}
    extra += [day_name(d, r.lang) for d in sorted(days)]
    return extra


def _public(record: Record) -> Record:
    cached: Record | None = record.cache.get("public")
    if cached is None:
        cached = Record(
            record.channel,
            True,
            [f for f in record.facts if f.public and f.kind != "next_meeting"],
            record.year,
            record.as_of,
            record.places,
            record.sides,
            record.side_names,
            record.mediator,
            record.public_entries,
        )
        record.cache["public"] = cached
    return cached


def _verdict(
    r: Reading, record: Record, embedder: Embedder | None, context: Fact | None = None
) -> Answer:
    w = r.words
    if r.hedged and w["next"] and (r.places or r.dates or w["without"]):
        return _next(r, record)  # "may take place in X" says X is under consideration
    if r.hedged:
        return (
            NOT_IN_RECORD,
            "A possibility or a report of one: the record decides what was agreed and done, "
            f"not what may be. {NOT_FALSE}",
            [],
        )
    consent = w["publish"] and (w["propose"] or w["agree"] or w["refusal"] or w["sign"])
    follows = context is not None and context.kind == "signed" and _pronoun(r)
    if w["sign"] or has(r.claim.text, r.lang.words("mandate_words")) or consent or follows:
        signed = _signed(r, record, context)
        if signed is not None:
            return signed
        if w["sign"]:
            return (
                NOT_IN_RECORD,
                "Which minutes, communiqué or mandate extension, or who signed it, is not "
                f"clear from the claim. {NOT_FALSE}",
                [],
            )
    if (
        context is not None
        and context.kind == "item"
        and has_exact(r.claim.text, r.lang.words("anaphora"))
        and (w["agree"] or w["discuss"] or w["refusal"] or w["raise"])
    ):  # "Yurdali agreed to discuss it at the next meeting": about the item, not the meeting
        answer = _item(r, context, record)
        if answer is not None and answer[0] != CONTRADICTED:
            return answer  # (the claim before may have named the wrong item: never refuted)
    if (
        context is not None
        and context.kind == "proposal"
        and (w["refusal"] or w["agree"] or w["confirmed"])
        and not (r.dates or r.places or r.ordinal)
    ):  # "Arpeni turned the venue down": the proposal the claim before named
        answer = _answered_proposal(r, record, context)
        if answer is not None:
            return answer
    if context is not None and context.kind == "cancelled" and _pronoun(r):
        # "It was later cancelled": the meeting the claim before named
        answer = _cancelled(r, record, context)
        if answer is not None:
            return answer
    if w["next"] and (_names_meeting(r) or r.ordinal):
        return _next(r, record)  # ("will send engineers next week" is no meeting)
    promise = w["future"] or has(r.claim.text, r.lang.words("owes"))  # a commitment's words
    if (traffic.about_a_message(r) and not promise) or (
        context is not None and context.kind == "message" and traffic.follows(r)
    ):
        answer = traffic.check(r, record, context)
        if answer is not None:
            return answer
        if traffic.follows(r) and has(r.claim.text, r.lang.words("message_words")):
            # "Qaraçınar never acknowledged the Mesasar alert": a message's act, about a
            # message the record's are not told apart by (a commitment's "alert" is not it)
            return (
                NOT_IN_RECORD,
                f"Which message the claim means is not clear from its words. {NOT_FALSE}",
                [],
            )
    if w["publish"]:
        answer = _communique_languages(r, record) or _communique_published(r, record)
        if answer is not None:
            return answer
    moved = _postponed(r, record)
    if moved is not None:
        return moved
    proposal = _proposal(r, record)
    if proposal is not None:
        return proposal
    alone = not (r.dates or r.places or r.ordinal) and bool(
        r.times or r.hours or duration_in(r.claim.text, r.lang) is not None
    )
    if (
        context is not None
        and context.kind == "meeting"
        and not (r.dates or r.places or r.ordinal)
        and (w["attend"] or has(r.claim.text, r.lang.words("absent")))
    ):  # "Tural Huseynzade did not attend it": who was at the meeting just named
        answer = _attendance(r, [context], record)
        if answer is not None and answer[0] != NOT_IN_RECORD:
            return answer
    if (
        context is not None
        and context.kind == "meeting"
        and not (r.dates or r.places or r.ordinal)
        and (chaired := _chair_by_name(r, record, [context])) is not None
    ):  # "Helena Voss chaired it": who chaired the meeting just named
        return chaired
    if context is not None and context.kind == "meeting" and alone:
        # "They wrapped up at a quarter to two": a time alone, after a claim about a meeting
        answer = _meeting(r, record, [context])
        if answer is not None:
            return answer
    if w["meet"] and not (w["discuss"] or w["raise"] or w["refusal"] or w["agree"]):
        answer = _meeting(r, record)
        if answer is not None:
            return answer
    commitment_ties: list[Fact] = []
    item_ties: list[Fact] = []
    loose: set[str] = set()  # facts named by where alone (``_best``): never refuted
    shared: dict[str, float] = {}  # how many words each shares, weak or not
    commitment = _best(r, record.of("commitment"), record, commitment_ties, loose, shared)
    item = _best(r, record.of("item"), record, item_ties, loose, shared) or _best(
        r, record.of("minutes_item"), record, None, loose, shared
    )
    if commitment is None and item is None and context is not None and _pronoun(r):
        # "Kesar has not yet confirmed it": the state of what the claim before named
        # An item named by the claim before is a weak match (items share words: that
        # claim may have named the wrong one), so this one supports but never
        # contradicts; a commitment's state words are its own.
        if context.kind == "item" and (w["refusal"] or w["discuss"] or w["raise"]):
            item = (1.0, context)
        elif context.kind == "commitment" and any(
            w[k]
            for k in ("refusal", "discuss", "raise", "confirmed", "disputed", "done", "received")
        ):
            commitment = (2.0, context)

    def weak(
        answer: Answer | None, match: tuple[float, Fact] | None, ties: list[Fact] | None = None
    ) -> Answer | None:
        """A contradiction needs the claim to name the fact clearly (two shared words):
        one shared word may be another topic the record does not hold. A claim that
        matches several facts as well is decided only if every one of them decides it
        the same way (whichever is meant)."""
        if answer is None or match is None:
            return answer
        if ties and len(ties) > 1 and match[1] in ties:
            check = _item if match[1].kind == "item" else _commitment
            if all((a := check(r, g, record)) is not None and a[0] == answer[0] for g in ties) and (
                answer[0] != CONTRADICTED or match[1].key not in loose
            ):
                return answer[0], answer[1], list(ties)  # confidential only if all are
            return (
                NOT_IN_RECORD,
                f"The claim fits {len(ties)} record items as well ({', '.join(quote(g) for g in ties[:3])}), "
                f"and they do not say the same. {NOT_FALSE}",
                [],
            )
        if answer[0] != CONTRADICTED or (match[0] >= 2 and match[1].key not in loose):
            return answer
        return (
            NOT_IN_RECORD,
            f"The closest record item is {quote(match[1])}; the claim may be about something "
            f"else. {NOT_FALSE}",
            [],
        )

    prefer_item = item is not None and (
        commitment is None
        or w["discuss"]
        or w["raise"]
        or w["refusal"]
        # "at the second meeting": what that meeting's agenda or minutes say
        or _of_nth_meeting(r, record, item[1])
        # (as close as the commitment is, when several as close made its match weak)
        or item[0] > max(commitment[0], shared.get(commitment[1].key, 0.0))
    )
    if prefer_item and item is not None:
        answer = weak(_item(r, item[1], record), item, item_ties)
        if answer is not None:
            return answer
    if commitment is not None:
        answer = weak(_commitment(r, commitment[1], record), commitment, commitment_ties)
        if answer is not None and answer[0] == CONTRADICTED and answer[1].startswith("Owed by"):
            answer = _owned_instead(r, record, commitment[1]) or answer
        if answer is not None:
            return answer
    if item is not None and not prefer_item:
        answer = weak(_item(r, item[1], record), item, item_ties)
        if answer is not None:
            return answer
    if w["meet"] or (w["mediator"] and (r.dates or r.places)):
        answer = _meeting(r, record)
        if answer is not None:
            return answer
    if w["publish"] and not r.negated and len(r.stems) <= 3:
        published = record.of("communique")
        if published:
            return SUPPORTED, f"Record: {quote(published[0])}.", published[:1]
    if _about_times(r) and not r.negated:
        # "The commission opened its work on 13 June in Valmora": no word of meeting, but
        # a start, end or length with a day, time or place. It may be about something
        # else that opened then (a corridor, a checkpoint), so it is only ever supported.
        answer = _meeting(r, record)
        if answer is not None and answer[0] == SUPPORTED:
            return answer
    quoted = said.support(r, record)
    if quoted is not None:
        return quoted
    acts = ("discuss", "agree", "raise", "refusal", "done", "confirmed", "disputed", "overdue")
    if embedder is not None and any(w[k] for k in acts):
        near = _closest(r.claim.text, record.of("item") + record.of("commitment"), record, embedder)
        if near is not None:
            answer = _item(r, near, record) if near.kind == "item" else _commitment(r, near, record)
            # a fact found by closeness of meaning may be another one: it supports, never
            # refutes (on utilities-group it refuted a true claim the rules left alone)
            if answer is not None and answer[0] != CONTRADICTED:
                return answer
    return NOT_IN_RECORD, NOT_FALSE, []


# --- communiqués ---------------------------------------------------------------------------


def _communique_languages(r: Reading, record: Record) -> Answer | None:
    """ "The communiqué was issued in English, Armenian and Azerbaijani" ("only in
    English"): the languages of the published version, named in the claim's language
    (CLDR's names, inflected)."""
    published: dict[str, list[Fact]] = {}
    for f in record.of("communique"):
        published.setdefault(f.key.split("/")[0], []).append(f)
    if not published:
        return None
    order = list(published)
    n = _ordinal_before(r, "communique_words")
    if n is not None and (n == -1 or n <= len(order)):
        published = {order[n - 1 if n > 0 else -1]: published[order[n - 1 if n > 0 else -1]]}
    elif r.dates:
        meetings = {m.key: m.attrs["days"] for m in record.of("meeting")}
        published = {
            k: fs
            for k, fs in published.items()
            if any(
                w.holds(d)
                for w in r.dates
                for d in fs[0].attrs["days"] | meetings.get(fs[0].attrs["meeting"] or "", set())
            )
        }
        if not published:
            return None
    codes = {f.attrs["lang"] for fs in published.values() for f in fs} | set(LANGUAGES)
    named = {c for c in codes if _names_language(r, c)}
    if not named:
        return None
    only = has(r.claim.text, r.lang.words("only"))
    answers = set()
    for fs in published.values():
        langs = {f.attrs["lang"] for f in fs}
        ok = named == langs if only else named <= langs
        answers.add(ok != r.negated)
    if len(answers) != 1:
        return None  # true of one published communiqué, false of another: which one?
    facts = [f for fs in published.values() for f in fs]
    shown = ", ".join(sorted({f.attrs["lang"] for f in facts}))
    verdict = SUPPORTED if answers.pop() else CONTRADICTED
    return verdict, f"Published in {shown}: {quote(facts[0])}.", facts[:4]


LANGUAGES = ("en", "ru", "hy", "az", "ka", "fr", "tr", "de")


def _communique_published(r: Reading, record: Record) -> Answer | None:
    """ "A communiqué on the May meeting was published": whether the communiqué of the
    meeting the claim names was published (a draft nobody published was not)."""
    w = r.words
    if any(w[k] for k in ("propose", "agree", "refusal", "sign", "future")) or r.hedged:
        return None  # who proposed or refused publishing it: a signature, not this
    if not has(r.claim.text, r.lang.words("communique_words")) or not (
        r.dates or r.places or r.ordinal
    ):
        return None
    if not has(r.claim.text, _publishing_words(r)):
        return None  # "the communiqué speaks of the registers": what it says, not whether out
    pool = [f for f in record.of("signed") if f.attrs["doc"] == "communique"]
    fact = _document(r, record, pool)
    if fact is None:
        return None
    published = fact.attrs["agreed"] is not None
    # (a draft nobody published is confidential: saying it was not published tells of it)
    return (
        (SUPPORTED if published != r.negated else CONTRADICTED),
        f"Record: {quote(fact)}.",
        [fact],
    )


def _names_language(r: Reading, code: str) -> bool:
    name = _language_name(r.lang.data["locale"], code)
    if not name:
        return False
    stem = name[: max(4, len(name) - 2)] if len(name) > 5 else name
    return any(t == name or (len(name) > 5 and t.startswith(stem)) for t in tokens(r.claim.text))


@cache
def _language_name(locale: str, code: str) -> str:
    from babel import Locale

    return lower(Locale.parse(locale).languages.get(code, ""))


# --- signatures: minutes, communiqués, mandate extensions ---------------------------------


def _signed(r: Reading, record: Record, context: Fact | None = None) -> Answer | None:
    """Who signed which document: the document by its kind and its meeting (day, place,
    order) or its words; the sides by name or "all"/"both"; a version by "first draft",
    "final text". Supported when the named sides signed; contradicted when the record
    shows one of them did not (or, negated, that they all did)."""
    text, lang = r.claim.text, r.lang
    doc = (
        "minutes" if has(text, lang.words("minutes_words"))
        else "communique" if has(text, lang.words("communique_words"))
        else "mandate" if has(text, lang.words("mandate_words"))
        else "disclosure" if r.words["publish"]
        else None
    )  # fmt: skip
    if doc == "minutes" and r.words["publish"]:
        doc = "disclosure"  # minutes are made public only by a disclosure all sign
    if (
        doc is None
        and context is not None
        and context.kind == "signed"
        and (_pronoun(r) or has(text, lang.words("version_words")))
    ):  # "Arvenia has agreed to their release"; "the revised text was then signed by all"
        doc = context.attrs["doc"]
    if doc is None:
        return None
    pool = [f for f in record.of("signed") if f.attrs["doc"] == doc]
    fact = _document(r, record, pool)
    if (
        fact is None
        and context is not None
        and context.kind == "signed"
        and (_pronoun(r) or (context in pool and has(text, lang.words("version_words"))))
    ):
        fact = context
    if fact is None and context is not None and context.kind == "meeting":
        # "The minutes of that session were signed by all three sides"
        of_it = [f for f in pool if f.attrs.get("meeting") == context.attrs["meeting"]]
        fact = of_it[0] if len(of_it) == 1 else None
    if fact is None:
        return None
    a = fact.attrs
    if doc == "disclosure" and r.words["propose"]:  # "Kestan proposed making X public"
        said_by = subject(r, record)
        if said_by is None:
            return None
        ok = said_by == a["proposer"]
        return (SUPPORTED if ok != r.negated else CONTRADICTED), f"Record: {quote(fact)}.", [fact]
    versions: list[tuple[int, set[str]]] = a["versions"]
    if record.public_only and doc == "communique":  # drafts before the published one are not
        versions = [v for v in versions if v[0] == a["agreed"]]
    wanted = _version(r)
    if wanted == -1:
        versions = versions[-1:]
    elif wanted is not None:
        versions = [v for v in versions if v[0] == wanted]
        if not versions:
            return None
    if doc == "communique" and a["agreed"] not in [n for n, _ in versions]:
        fact = replace(fact, public=False)  # only the published version is public
    everyone = has(text, lang.words("all_sides"))
    named = set(r.sides) & set(record.side_names)
    if r.words["mediator"] and record.mediator in a["required"]:
        named.add(record.mediator)  # "the mediator never signed the minutes"
    elif _mediator_signs(r, record):
        named.add(record.mediator)  # "the mediator signed the minutes" of a direct meeting
    # ("the mission and Buzlaq both signed": each of those named, not every side)
    sides = named if len(named) >= 2 or not everyone else set(a["required"])
    if doc == "mandate":
        sides -= {record.mediator}
    refused = r.words["refusal"] and not r.negated
    denied = r.negated or refused
    if not sides and doc == "mandate" and r.words["agree"]:
        everyone, sides = True, set(a["required"])  # "the commission agreed to add X"
    if not sides:
        if wanted is not None or denied or a["agreed"] is None:
            return None  # "the first draft was signed": by whom is the claim's point
        sides = set(a["required"])
    signed_all = any(sides <= by for _, by in versions)
    signed_none = [s for s in sides if not any(s in by for _, by in versions)]
    if has(text, lang.words("only")) and not denied:  # "only Sarnak has signed"
        others = {x for _, by in versions for x in by} - sides - {record.mediator}
        if others:
            too = ", ".join(sorted(record.side_names.get(x, x) for x in others))
            return CONTRADICTED, f"Signed by {too} too: {quote(fact)}.", [fact]
    if refused and wanted is None and len(versions) > 1:
        return None  # refused one version, perhaps, and signed another
    if refused and not signed_none:
        return CONTRADICTED, f"Signed: {quote(fact)}.", [fact]
    if signed_all:
        return (CONTRADICTED if denied else SUPPORTED), f"Record: {quote(fact)}.", [fact]
    if not everyone and len(signed_none) < len(sides) and not denied:
        return None  # some of those named signed, others not: the claim is partly true
    return (SUPPORTED if denied else CONTRADICTED), f"Record: {quote(fact)}.", [fact]


def _mediator_signs(r: Reading, record: Record) -> bool:
    """The claim's subject is the mediator, by a common noun before its word of signing
    ("the mediator co-signed the minutes", not "signed in the presence of the mission")."""
    if subject(r, record) != record.mediator or not record.mediator:
        return False
    toks = tokens(r.claim.text)
    nouns, signs = r.lang.words("mediator_nouns"), r.lang.words("sign")
    at = next((i for i, t in enumerate(toks) if has(t, nouns)), None)
    signed = next((i for i, t in enumerate(toks) if has(t, signs)), None)
    return at is not None and signed is not None and at < signed


def _document(r: Reading, record: Record, pool: list[Fact]) -> Fact | None:
    """The minutes or communiqué a claim is about (by its meeting), or the mandate
    extension (by its words); None when it could be several. A claim naming a version
    ("the first version of the minutes", "the revised minutes") and no meeting that
    tells which is about the one document that had more than one, if only one had."""
    found = _document_named(r, record, pool)
    if (
        found is None
        and pool
        and pool[0].attrs["doc"] in ("minutes", "communique")
        and _version(r) is not None
        and not (r.places or r.ordinal)
    ):
        several = [f for f in pool if len(f.attrs["versions"]) > 1]
        return several[0] if len(several) == 1 else None
    return found


def _document_named(r: Reading, record: Record, pool: list[Fact]) -> Fact | None:
    if not pool:
        return None
    if pool[0].attrs["doc"] == "communique":  # "the second communiqué": by its own order
        n = _ordinal_before(r, "communique_words")
        if n is not None:
            return pool[n - 1 if n > 0 else -1] if n == -1 or n <= len(pool) else None
    by_words = pool[0].attrs["doc"] in ("mandate", "disclosure")
    if r.ordinal and _ordinal_before(r, "version_words") and not _ordinal_before(r, "meet"):
        r = replace(r, ordinal=None)  # "signed in their first version": not the first meeting
    if by_words or not (r.dates or r.places or r.ordinal):
        if len(pool) == 1 and not by_words:
            return pool[0]
        found = _by_words(r, [f for f in pool if "words" in f.attrs], record_names(record))
        if found is None and pool[0].attrs["doc"] == "disclosure":
            found = _opening_of_meeting(r, record, pool)
        only = len(pool) == 1 and pool[0].attrs["doc"] == "mandate"
        if found is None and only and r.words["sign"] and not r.dates:
            # "both sides signed the mandate extension", when the record holds one (not
            # "refused it as outside the mandate"; a day it was signed on is not typed)
            return pool[0]
        return found
    meetings = {m.key: m for m in record.of("meeting")}
    if not r.dates and (nth := _nth_held(record, r.ordinal)) is not None:
        # (with a day, "the first draft of the minutes of 24 November": the day names it)
        of_nth = [f for f in pool if f.attrs["meeting"] == nth.key]
        return of_nth[0] if len(of_nth) == 1 else None
    fits = [
        f
        for f in pool
        if f.attrs["meeting"] in meetings
        and _conflict(r, meetings[f.attrs["meeting"]]) is None
        and _matches(r, meetings[f.attrs["meeting"]])
    ]
    return fits[0] if len(fits) == 1 else None


def _opening_of_meeting(r: Reading, record: Record, pool: list[Fact]) -> Fact | None:
    """The one disclosure that opened entries of the meeting the claim names by its order
    or day ("the record of the second meeting was made public"): its meeting, minutes,
    communiqué or items."""
    if not (r.ordinal or r.dates):
        return None
    if r.dates:  # (a day, else the order)
        meetings = [m for m in record.of("meeting") if _conflict(r, m) is None]
    else:
        meetings = [nth] if (nth := _nth_held(record, r.ordinal)) is not None else []
    if len(meetings) != 1:
        return None
    m = meetings[0].attrs["meeting"]
    entries = set(meetings[0].entries)
    for kind in ("signed", "item", "minutes_item"):
        entries |= {e for f in record.of(kind) if f.attrs.get("meeting") == m for e in f.entries}
    opened = [f for f in pool if f.attrs.get("targets", frozenset()) & entries]
    return opened[0] if len(opened) == 1 else None


def _by_words(
    r: Reading, pool: list[Fact], names: set[str] | frozenset[str] = frozenset()
) -> Fact | None:
    """The one fact of the pool that shares the most words with the claim (at least one
    not shared by the others): a mandate extension by its topic's words (not by verbs,
    nor by the names of sides and places, which say who and where)."""
    keys = {key(k, "en") for k in r.keys}
    ignored = _verb_stems(r.lang) | _verb_stems(load("en"))  # "publish", "propose": no topic
    ignored |= NO_TOPIC  # "both sides": who, not which
    ignored |= {w for f in pool for w in f.attrs["words"] if key(w, "en") in names}
    scores = []
    for f in pool:
        shared = {
            w
            for w in f.attrs["words"]
            if w not in ignored and (w in r.stems or key(w, "en") in keys)
        }
        scores.append((len(shared), f))
    scores.sort(key=lambda x: -x[0])
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


def _version(r: Reading) -> int | None:
    """The version a claim names: "the first draft" 1, "the final text" -1, "the revised
    minutes" -1, "signed without changes" 1, else None."""
    said = _ordinal_before(r, "version_words")
    if said is None and has(r.claim.text, r.lang.words("unchanged")):
        return 1  # "signed without changes": the first draft as it stood
    if said is None:  # the final word before the document's own name
        for k in ("minutes_words", "communique_words"):
            if (said := _ordinal_before(r, k)) == -1:
                return said
        return None
    return said


def _ordinal_before(r: Reading, words_key: str) -> int | None:
    """The order an ordinal next to one of the language's ``words_key`` words gives:
    "the first draft" 1, "the second communiqué" 2, "the final text" -1."""
    toks = tokens(r.claim.text)
    words = tuple(lower(w).split()[0] for w in r.lang.words(words_key))
    ordinals = {lower(k): int(v) for k, v in r.lang.data.get("ordinals", {}).items()}
    ordinals |= {lower(k): int(v) for k, v in r.lang.data.get("meeting_ordinals", {}).items()}
    finals = tuple(lower(w) for w in r.lang.words("final_words"))
    for i, t in enumerate(toks):
        if not t.startswith(words):
            continue
        if words_key == "version_words" and i + 1 < len(toks) and toks[i + 1].isdigit():
            return int(toks[i + 1]) or None  # "version 2 of the minutes"
        for j in (i - 1, i - 2, i + 1):
            if 0 <= j < len(toks):
                n = next(
                    (v for k, v in ordinals.items() if is_order_word(toks[j], k, r.lang)), None
                )
                if n is not None and n > 0:
                    return n
                if any(is_order_word(toks[j], f, r.lang) for f in finals):
                    return -1
    return None


def _pronoun(r: Reading) -> bool:
    """A claim that names no topic of its own (a pronoun or "the idea" stands for it)."""
    return len(r.stems) <= 3 or points_back(r)


def _proposal(r: Reading, record: Record) -> Answer | None:
    """Claims about who proposed or turned down a time and place. Without a word of
    meeting, a place alone may be another proposal's ("proposed the return to Qalaboyu"):
    then only ever supported."""
    answer = _proposed(r, record)
    if answer is not None and answer[0] == CONTRADICTED and not _names_meeting(r):
        return None
    if answer is not None and answer[0] == CONTRADICTED and _names_an_item(r, record):
        return None  # "at the tower 14 meeting Sarıyal proposed an exchange of readings"
    return answer


def _names_meeting(r: Reading) -> bool:
    return r.words["meet"] or has(r.claim.text, r.lang.words("venue_words"))


def _proposed(r: Reading, record: Record) -> Answer | None:
    w = r.words
    if w["propose"] and not (r.places or r.dates) and r.ordinal and w["meet"]:
        return _proposer(r, record)
    if not (w["propose"] or w["refusal"]) or not (r.places or r.dates):
        return None
    if not (w["meet"] or r.places):
        return None  # "proposed flushing the reservoir in April": not a meeting's time
    if (w["discuss"] or w["raise"]) and not _names_meeting(r):
        return None  # "refused to discuss the administration of Berdavan": an agenda item
    if has(r.claim.text, list(_AGENDA)):
        return None  # "proposed adding X to the agenda of the pasture meeting": an item
    if w["propose"] and _at_a_meeting(r):
        return None  # "at the 9 May meeting Taxılova proposed a joint survey"

    def fitting(places: list[Place]) -> list[Fact]:
        return [
            p
            for p in record.of("proposal") + record.of("meeting")
            if (
                not places
                or any(
                    x.keys & (p.attrs["venue_keys"] | p.attrs.get("agreed_venue_keys", frozenset()))
                    for x in places
                )
            )
            and (not r.dates or any(d.holds(day) for d in r.dates for day in p.attrs["days"]))
        ]

    # (a place named only by a common word, "the tunnel" for "Kaputak tunnel", may be
    # what the meeting is about, not where it is)
    fits = fitting(r.places) or (fitting(_proper_places(r)) if r.dates else [])
    if not fits:
        return None
    said_by = subject(r, record)
    if w["refusal"]:
        declined = [p for p in fits if p.attrs.get("declined_by")]
        if not declined:
            # a refusal of something else said about that meeting ("walked out of the
            # Pelor talks") is not a declined proposal: unless it names one, abstain
            if not (w["propose"] or has(r.claim.text, r.lang.words("venue_words"))):
                return None
            if _amounts(r):
                return None  # "the 40-tonne quota proposal was rejected at the April meeting"
            return (
                (SUPPORTED if r.negated else CONTRADICTED),
                f"Nobody declined it: {quote(fits[0])}.",
                fits[:1],
            )
        p = declined[0]
        if said_by and said_by not in p.attrs["declined_by"]:
            return (
                (SUPPORTED if r.negated else CONTRADICTED),
                f"Declined by another side: {quote(p)}.",
                [p],
            )
        return (CONTRADICTED if r.negated else SUPPORTED), f"Record: {quote(p)}.", [p]
    p = fits[0]
    accepts = w["agree"] or w["confirmed"]
    if accepts and said_by and p.kind == "proposal" and said_by != p.attrs["proposed_by"]:
        # "Sarıyal accepted the proposal to meet in Kalinovka": who accepted it
        ok = said_by in p.attrs["accepted_by"]
        return (SUPPORTED if ok != r.negated else CONTRADICTED), f"Record: {quote(p)}.", [p]
    if accepts and p.kind == "proposal" and said_by in (None, p.attrs["proposed_by"]):
        # "proposed by Yaşılova, not yet agreed": a proposal still open (an agreed one is
        # its meeting's); accepted by some side and then replaced, the claim may mean it
        if p.attrs["accepted_by"]:
            return None
        return (SUPPORTED if r.negated else CONTRADICTED), f"Not agreed: {quote(p)}.", [p]
    if (
        said_by
        and said_by != p.attrs["proposed_by"]
        and not any(x.attrs["proposed_by"] == said_by for x in fits)
    ):
        owner = record.side_names.get(p.attrs["proposed_by"], p.attrs["proposed_by"])
        return (SUPPORTED if r.negated else CONTRADICTED), f"Proposed by {owner}: {quote(p)}.", [p]
    return (CONTRADICTED if r.negated else SUPPORTED), f"Record: {quote(p)}.", [p]


def _answered_proposal(r: Reading, record: Record, p: Fact) -> Answer | None:
    """Who declined or accepted a proposal: a side the record shows answering it the
    other way refutes the claim; a side that did not answer it leaves it open."""
    said_by = subject(r, record)
    if said_by is None or said_by == p.attrs["proposed_by"]:
        return None
    declined, accepted = p.attrs["declined_by"], p.attrs["accepted_by"]
    says_declined = r.words["refusal"]
    if said_by not in declined | accepted:
        return None
    ok = (said_by in declined) == says_declined
    return (SUPPORTED if ok != r.negated else CONTRADICTED), f"Record: {quote(p)}.", [p]


def _amounts(r: Reading) -> set[float]:
    """The numbers a claim names besides its days, years and clock times: an amount ("the
    40-tonne quota"), which no meeting's time or place has."""
    said = numbers_in(r.claim.text) - {float(y) for y in range(2000, 2100)}
    said -= {float(x) for h, m in r.times for x in (h, h % 12, m) if x is not None}
    return said - {float(d.day) for w in r.dates for d in (w.first, w.last) if d is not None}


def _names_an_item(r: Reading, record: Record) -> bool:
    """The claim shares two words of its own language with an agenda item's title and
    text ("proposed a joint dispatch centre"): about the item, not a meeting's time."""
    names = record_names(record)
    acts = {lower(w.strip()) for w in r.lang.words("propose") + r.lang.words("agree")}
    stems_ = {
        s
        for s in r.stems
        if key(s, "en") not in names and not any(s.startswith(a) for a in acts if a)
    }  # (not "proposal" nor a side's name: "Yaşılova's proposal to meet")
    return any(
        code_of(f.attrs["plain"]) == r.lang.code
        and len({x for x in f.attrs["words"] if not x.startswith("@")} & stems_) >= 2
        for f in record.of("item")
    )


def _postponed(r: Reading, record: Record) -> Answer | None:
    """ "Dağyurd asked to move the first meeting to the eleventh": who put forward the
    counter-proposal that replaced a meeting's first time or place. The meeting is named
    by its order, or by a day or place of the proposal that replaced the other; a reason
    given for it ("because of snow") is not a typed fact, so such a claim is left alone."""
    text, lang = r.claim.text, r.lang
    if not (has(text, lang.words("postpone")) and r.words["meet"]):
        return None
    if not (r.words["propose"] or has(text, lang.words("request"))):
        return None  # "the delay was caused by …": not who asked for it
    if any(lower(m) in lower(text) for m in lang.words("reason_clauses")):
        return None
    meetings = [m for m in record.of("meeting") if m.attrs.get("movers")]
    if r.ordinal:
        nth = _nth_held(record, r.ordinal)
        meetings = [m for m in meetings if nth is not None and m.key == nth.key]
    elif r.dates or r.places:
        meetings = [m for m in meetings if _conflict(r, m) is None]
    # (naming no meeting, the claim is about the one meeting that was moved, if only one was)
    said_by = subject(r, record)
    if len(meetings) != 1 or said_by is None or said_by == record.mediator:
        return None
    m = meetings[0]
    if record.mediator in m.attrs["movers"]:
        return None  # the mediator proposes a new time at someone's request, maybe a party's
    ok = said_by in m.attrs["movers"]
    names = ", ".join(sorted(record.side_names.get(x, x) for x in m.attrs["movers"]))
    replaced = [p for p in record.of("proposal") if p.attrs["meeting"] == m.attrs["meeting"]]
    return (
        (SUPPORTED if ok != r.negated else CONTRADICTED),
        f"Moved at the request of {names}: {quote(m)}.",
        replaced or [m],  # what it rests on: the proposals the counter-proposal replaced
    )


def _at_a_meeting(r: Reading) -> bool:
    """The claim names a meeting as where something happened ("at the 9 May meeting
    Taxılova proposed a joint survey", "на заседании 9 мая", "iclasda", "նիստում"), so
    what was proposed there is something else than the meeting."""
    toks = tokens(r.claim.text)
    lang = r.lang
    nouns = tuple(lower(w) for w in lang.words("meeting_nouns"))
    before = [lower(w) for w in lang.words("setting_before")]
    suffixes = tuple(lower(w) for w in lang.words("setting_suffixes"))
    for i, t in enumerate(toks):
        if not t.startswith(nouns):
            continue
        if suffixes and t.endswith(suffixes):
            return True
        if any(" ".join(toks[j:i]).startswith(w) for j in range(max(0, i - 3), i) for w in before):
            return True
    return False


def _proposing(r: Reading, record: Record) -> bool:
    """The claim says who proposed a meeting ("the meeting at the crossing point was
    proposed by the mediator"), not who answered a proposal, nor who came or spoke."""
    if not r.words["propose"] or _answers_or_names(r, record):
        return False
    if has(r.claim.text, list(_AGENDA)) or r.words["discuss"] or r.words["raise"]:
        return False  # "proposed adding X to the agenda": an item
    if _at_a_meeting(r):
        return False
    return subject(r, record) is not None


def _answers_or_names(r: Reading, record: Record) -> bool:
    """A claim with a word of proposing that is not about who proposed a meeting: it names
    people (who came or spoke, "represented"), or who answered a proposal ("Getahovit
    accepted the proposal for the second meeting")."""
    if r.words["agree"] or r.words["confirmed"] or r.words["refusal"]:
        return True
    return bool(_members_named(r, record))


def _proposed_by(r: Reading, record: Record, meetings: list[Fact]) -> Answer:
    """Who proposed the one meeting a claim names (any version of it: the first proposal
    or one that moved it); named by a word of its venue or kind alone, it may be one of
    several, and then who proposed it is not read."""
    if len(meetings) != 1:
        return NOT_IN_RECORD, f"Which meeting the claim means is not sure. {NOT_FALSE}", []
    answer = _who_proposed(r, record, meetings[0])
    if answer is None:
        return (
            NOT_IN_RECORD,
            f"The claim may be about an item of {quote(meetings[0])}. {NOT_FALSE}",
            [],
        )
    return answer


def _proposer(r: Reading, record: Record) -> Answer | None:
    """ "The first meeting was proposed by the Yurdali side": who proposed any version of
    the meeting named by its order."""
    if _answers_or_names(r, record):
        return None
    m = _nth_held(record, r.ordinal)
    if m is None or subject(r, record) is None:
        return None
    return _who_proposed(r, record, m)


def _who_proposed(r: Reading, record: Record, m: Fact) -> Answer | None:
    """The side the claim names against every side that proposed a version of ``m``;
    None when the claim shares two words with an item of it ("proposed rules of conduct
    at the third meeting": the item is what was proposed)."""
    if any(
        len(r.stems & f.attrs["words"]) >= 2
        for f in record.of("item")
        if f.attrs["meeting"] == m.attrs["meeting"]
    ):
        return None
    ok = subject(r, record) in m.attrs["proposers"]
    names = ", ".join(sorted(record.side_names.get(x, x) for x in m.attrs["proposers"]))
    return (
        (SUPPORTED if ok != r.negated else CONTRADICTED),
        f"Proposed by {names}: {quote(m)}.",
        [m],
    )


# --- the next meeting -------------------------------------------------------------------


def _on_day_at_place(r: Reading, f: Fact) -> bool:
    """A meeting or proposal is on a day the claim names (if it names one) and at a place
    it names (if it names one)."""
    return (not r.dates or any(d.holds(day) for d in r.dates for day in f.attrs["days"])) and (
        not r.places or any(p.keys & _venue_keys(r, f) for p in r.places)
    )


def _earlier_next(r: Reading, record: Record, s: Fact) -> Answer | None:
    """ "In December the parties agreed to meet next on 15 January": a next meeting as it
    was arranged before, on a day the record's next meeting is not. Supported when a
    meeting or a proposal every side accepted is on that day (and at that place, if one
    is named); a day only proposed for is left to the next meeting's own answer."""
    if r.negated or r.words["future"] or r.words["open"]:
        return None
    fits = [
        f
        for f in record.of("meeting") + record.of("proposal")
        if f.attrs.get("meeting") != s.attrs.get("meeting") and _on_day_at_place(r, f)
    ]
    if not fits:
        return None
    everyone = set(record.side_names)
    agreed = [
        f
        for f in fits
        if f.kind == "meeting" or {f.attrs["proposed_by"], *f.attrs["accepted_by"]} >= everyone
    ]
    if agreed or (r.words["propose"] and not r.words["agree"]):
        f = (agreed or fits)[0]
        return SUPPORTED, f"Record: {quote(f)} (the next meeting then).", [f]
    return None  # only proposed for that day: what the next meeting is decides


def _replaced_next(r: Reading, record: Record, s: Fact, by: str | None) -> Answer | None:
    """ "Taxılova proposed holding the next meeting on 27 July in Sarıtorpaq": a proposal
    for the next meeting (by that side, if one is named) that a later one replaced, on the
    day and at the place the claim names."""
    fits = [
        p
        for p in record.of("proposal")
        if p.attrs.get("meeting") == s.attrs.get("meeting")
        and (by is None or p.attrs["proposed_by"] == by)
        and _on_day_at_place(r, p)
    ]
    if not fits:
        return None
    return SUPPORTED, f"Proposed for the next meeting, then replaced: {quote(fits[0])}.", fits[:1]


def _next(r: Reading, record: Record) -> Answer:
    slot = record.of("next_meeting")
    if not slot:
        return NOT_IN_RECORD, "Whether a next meeting was proposed is not public. " + NOT_FALSE, []
    s = slot[0]
    w = r.words
    if r.dates and not any(d.holds(day) for d in r.dates for day in s.attrs.get("days", ())):
        earlier = _earlier_next(r, record, s)
        if earlier is not None:
            return earlier
    says_open = w["open"] or (r.negated and (w["agree"] or w["decide"]) and not r.places)
    says_proposed = w["propose"] and not says_open
    status = s.attrs["status"]
    if r.hedged and status != "never_proposed" and not says_open:
        # "may be held in X": a possibility the record cannot refute while a next meeting
        # is agreed or proposed (plans change); with none proposed at all, it can.
        return (
            NOT_IN_RECORD,
            f"A possibility; the record holds {quote(s)}, and says nothing of what may change. "
            f"{NOT_FALSE}",
            [],
        )
    conflict = None if status == "never_proposed" else _conflict(r, s)
    matches = status != "never_proposed" and _matches(r, s)
    by = subject(r, record) if says_proposed and not r.negated else None
    if says_proposed and not r.negated and conflict and (r.dates or r.places):
        replaced = _replaced_next(r, record, s, by)
        if replaced is not None:
            return replaced
    meeting = next((m for m in record.of("meeting") if m.key == s.attrs.get("meeting")), None)
    if by is not None and meeting is not None and conflict is None:
        # "the next meeting was proposed by Getahovit": who proposed it
        names = ", ".join(sorted(record.side_names.get(x, x) for x in meeting.attrs["proposers"]))
        ok = by in meeting.attrs["proposers"]
        return (SUPPORTED if ok else CONTRADICTED), f"Proposed by {names}: {quote(s)}.", [s]
    if (
        status != "agreed"
        and not (says_open or says_proposed or matches or r.dates or r.times)
        and len(_unexplained(r, record)) >= (1 if r.sides else 2)  # (a side's act: "answer")
    ):  # "Göyçəlan will answer on the records at the next meeting", "the request was
        # deferred to the next meeting": what is to happen then, not that it is agreed
        return (
            NOT_IN_RECORD,
            f"The claim says what is to happen at the next meeting, not when or where it "
            f"is; the record holds {quote(s)}. {NOT_FALSE}",
            [],
        )
    if status == "agreed":
        if says_open:
            return CONTRADICTED, f"The next meeting is agreed — {s.text}.", [s]
        if conflict:
            return CONTRADICTED, f"{conflict} — {s.text}.", [s]
        if matches or w["agree"] or w["decide"] or w["future"] or w["meet"]:
            return (CONTRADICTED if r.negated else SUPPORTED), f"Record: {quote(s)}.", [s]
        return NOT_IN_RECORD, NOT_FALSE, [s]
    if status == "proposed_not_agreed":
        if says_open:
            return SUPPORTED, f"Record: {quote(s)}.", [s]
        if says_proposed:
            if conflict:
                return CONTRADICTED, f"{conflict} — {s.text}.", [s]
            return (CONTRADICTED if r.negated else SUPPORTED), f"Record: {quote(s)}.", [s]
        if w["agree"] or w["decide"] or w["future"] or matches or r.places or r.dates:
            return CONTRADICTED, f"Only proposed, not agreed: {s.text}.", [s]
        return NOT_IN_RECORD, NOT_FALSE, [s]
    if says_open:
        return SUPPORTED, f"Record: {quote(s)}.", [s]
    if (
        w["agree"]
        or w["decide"]
        or w["future"]
        or r.places
        or r.dates
        or w["propose"]
        or w["without"]
    ):
        said = [p.name for p in r.places] + r.unknown_places
        what = []
        if said:
            what.append(" or ".join(said))
        if r.dates:
            what.append("a date")
        if w["without"]:
            what.append("a format without the mediator")
        claim = (
            f" The claim names {', '.join(what)}; the record has no proposal at all."
            if what
            else ""
        )
        return CONTRADICTED, f"No next meeting exists in the record: {s.text}.{claim}", [s]
    return NOT_IN_RECORD, NOT_FALSE, [s]


# --- meetings ---------------------------------------------------------------------------


def _conflict(r: Reading, f: Fact) -> str | None:
    """What in the claim a meeting-like fact rules out, or None."""
    a = f.attrs
    if r.dates and not any(w.holds(d) for w in r.dates for d in a["days"]):
        days = ", ".join(f"{d:%-d %B %Y (%A)}" for d in sorted(a["days"]))
        return f"Day: the record says {days}"
    held_times = a.get("held_times")
    punctual = has(r.claim.text, r.lang.words("on_schedule"))  # "began at 2 pm, as scheduled"
    plan = _about_plan(r) and not punctual
    times = held_times or a["times"] if not plan else a["times"]
    if held_times and not plan and has(r.claim.text, r.lang.words("start_words")):
        agreed = set()  # "started at 10:00 sharp": when it started, not when it was planned
    else:
        agreed = a["times"]
    if punctual and held_times and r.times and a["times"] and not held_times & a["times"]:
        shown = ", ".join(f"{h:02d}:{m:02d}" for h, m in sorted(held_times))
        planned = ", ".join(f"{h:02d}:{m:02d}" for h, m in sorted(a["times"]))
        return f"Time: it started at {shown}, not as agreed ({planned})"
    if r.times and has(r.claim.text, r.lang.words("sharp")):
        # "at ten o'clock sharp", "at noon": on the hour, not any time in it
        r = replace(r, times=[(h, 0 if m is None else m) for h, m in r.times])
    # "shortly before one", "после четырёх": a bound, when one time is said (two are a span)
    bound = time_bound(r.claim.text, r.lang) if len(r.times) == 1 else None
    approx = has(r.claim.text, r.lang.words("approx"))  # "about", "shortly", "just over"
    slack = 20 if approx else 0
    started = has(r.claim.text, r.lang.words("start_words"))
    by_end = bool(
        r.times
        and a.get("ended_times")
        and has(r.claim.text, r.lang.words("end_words"))
        and not (started and len(r.times) == 1)  # "began at eleven and went on till dusk"
    )
    if by_end:
        # "ended at a quarter to two"; "from 10:20 to 13:45": the last time is the end
        start, end = (r.times[0], r.times[-1]) if len(r.times) > 1 else (None, r.times[0])
        ok = any(_at(end, h, m, slack, bound) for h, m in a["ended_times"])
        if start is not None:
            ok = ok and any(_at(start, h, m, slack) for h, m in a["times"] | times)
        if not ok:
            shown = ", ".join(f"{h:02d}:{m:02d}" for h, m in sorted(a["ended_times"]))
            return f"End: the record says it ended at {shown}"
    # "started at ten sharp and ended at ten to one" with only one time read: it may be
    # either end's
    either = (
        a.get("ended_times", set())
        if started and has(r.claim.text, r.lang.words("end_words"))
        else set()
    )
    if (
        r.times
        and not by_end
        and not any(
            _at(said, th, tm, slack if bound else 0, bound)
            for said in r.times
            for th, tm in agreed | times | either
        )
    ):
        shown = ", ".join(f"{h:02d}:{m:02d}" for h, m in sorted(times))
        return f"Time: the record says {shown}"
    if r.hours and not r.times:
        ended = (
            has(r.claim.text, r.lang.words("end_words"))
            and not has(r.claim.text, r.lang.words("start_words"))
            and a.get("ended_times")
        )
        when = ended or times  # "ended in the evening": when it ended
        if not any(r.hours[0] <= th < r.hours[1] for th, _ in when):
            shown = ", ".join(f"{h:02d}:{m:02d}" for h, m in sorted(when))
            return f"Time of day: the record says {shown}"
    # (a span of clock times says how long it was: "с половины одиннадцатого до пяти минут
    # третьего" holds no length of five minutes)
    length = None if by_end or len(r.times) >= 2 else duration_in(r.claim.text, r.lang)
    held = a.get("minutes")
    more = has(r.claim.text, r.lang.words("more_than"))
    less = has(r.claim.text, r.lang.words("less_than"))
    if length is not None and held is not None and (more or less):
        if (more and held < length) or (less and held > length):  # "well over four hours"
            return f"Length: it lasted {held // 60:.0f} h {held % 60:.0f} min"
        if approx and abs(length - held) > max(20.0, 0.5 * length):  # "just over an hour"
            return f"Length: it lasted {held // 60:.0f} h {held % 60:.0f} min"
    elif length is not None and held is not None and abs(length - held) > max(20.0, 0.2 * held):
        return f"Length: it lasted {held // 60:.0f} h {held % 60:.0f} min"
    keys = _venue_keys(r, f)
    if r.places and not any(p.keys & keys for p in r.places):
        return f"Place: the record says {a['venue'] if not _about_plan(r) else a.get('agreed_venue', a['venue'])}, not {' or '.join(p.name for p in r.places)}"
    kinds = r.stems & VENUE_KINDS
    if kinds and a.get("venue_kinds") and not kinds & a["venue_kinds"] and not _about_plan(r):
        return f"Place: the record says {a['venue']}"
    if "@online" in kinds and "@online" not in a.get("venue_kinds", ()) and not _about_plan(r):
        return f"Place: the record says {a['venue']}, not online"  # ("онлайн", "առցանց")
    if r.unknown_places and not r.places:
        return f"Place: the record says {a['venue']}, not {', '.join(r.unknown_places)}"
    # "without the HTC in the chair", "without mediators" — not "without his expert"
    chair_named = r.words["mediator"] or bool(set(r.sides) & {a.get("chair_side")})
    if r.words["without"] and chair_named and a["chaired"]:
        return "Format: the record says the mediator chaired it"
    return None


def _at(said: tuple[int, int | None], h: int, m: int, slack: int, bound: str | None = None) -> bool:
    """A time said ("half past five", "about 17:30") is the recorded h:m, within ``slack``
    minutes when the claim says "about"; or the recorded time is on the ``bound`` side of
    it ("before one": 12:45 is)."""
    sh, sm = said
    if bound is not None:  # "shortly before" (``slack``): within the hour before
        t, most = h * 60 + m, 60 if slack else 24 * 60
        # ("after four" is 16:00; "before ten" is not 22:00: talks are held by day)
        said_at = [(sh + d) * 60 + (sm or 0) for d in (0, 12) if 1 <= sh <= 7 or d == 0]
        return any(0 <= (x - t if bound == "before" else t - x) <= most for x in said_at)
    if sm is None:
        return _hour(sh, h)
    return any(
        abs((sh + d) * 60 + sm - (h * 60 + m)) <= slack for d in (0, 12) if sh < 12 or d == 0
    )


def _hour(said: int, recorded: int) -> bool:
    """ "half past five" is 17:30 too: an hour said without a.m./p.m. may be either."""
    return said == recorded or (said < 12 and said + 12 == recorded)


def _about_plan(r: Reading) -> bool:
    """A claim about what was agreed or planned ("had been agreed for"), not what happened."""
    return r.words["agree"] or r.words["decide"] or r.words["future"]


def _venue_keys(r: Reading, f: Fact) -> frozenset[str]:
    a = f.attrs
    if _about_plan(r) and "agreed_venue_keys" in a:
        return frozenset(a["agreed_venue_keys"])
    return frozenset(a["venue_keys"])


def _matches(r: Reading, f: Fact) -> bool:
    """Whether the claim names something of the fact that matches (and nothing that
    conflicts: check :func:`_conflict` first)."""
    a = f.attrs
    venue_keys = _venue_keys(r, f)
    return bool(
        (r.dates and any(w.holds(d) for w in r.dates for d in a["days"]))
        or r.times
        or (r.places and any(p.keys & venue_keys for p in r.places))
        or (r.words["mediator"] and a["chaired"] and not r.words["without"])
    )


def _meeting(r: Reading, record: Record, only: list[Fact] | None = None) -> Answer | None:
    """What the record's meetings (or ``only`` these: the one the claim before was about)
    say of a claim about when, where, with whom a meeting was."""
    meetings = only if only is not None else record.of("meeting")
    if _relative(r) and not r.times:
        return (
            NOT_IN_RECORD,
            'The claim places what it is about before or after a meeting ("the session '
            f'after the one at …"); which meeting or day that is, is not read. {NOT_FALSE}',
            [],
        )
    if record.public_only:
        return _public_meeting(r, record, meetings)
    if only is None and (gone := _cancelled(r, record)) is not None:
        return gone
    if not meetings:
        return None
    future = r.words["future"]
    pool = meetings  # a day or an order names the meeting; else the tense does
    if not (r.dates or r.ordinal):
        pool = [m for m in meetings if (not m.attrs["past"]) == future] or meetings
    if (nth := _nth_held(record, r.ordinal)) is not None:
        pool = [nth]
    # "X attended for the mediator" says the mediator was there, not that it chaired
    present = r.words["attend"] and not has(r.claim.text, r.lang.words("lead"))
    # "proposed by the mediator": who proposed it, not who chaired it; "Beatriz Alcántara
    # chaired it": the chair its record names, not whether the mediator chaired it
    proposing = _proposing(r, record)
    someone = _names_someone(r, record)
    chair = (
        r.words["mediator"]
        and not r.words["without"]
        and not present
        and not proposing
        and not _chaired_by_a_party(r, record)
        and not someone
    )

    # ("chaired it in the absence of Henrike Aalto": a person's absence, not the mediator's)
    rc = replace(r, words={**r.words, "without": False}) if _absent_person(r, record) else r

    def conflict(m: Fact) -> str | None:
        if (found := _conflict(rc, m)) is not None:
            return found
        if chair and not m.attrs["chaired"]:
            return "Format: direct talks between the parties, not chaired by the mediator"
        return None

    fitting = [m for m in pool if conflict(m) is None]
    if not fitting:
        m = pool[0] if len(pool) == 1 else _nearest(r, pool)
        reason = conflict(m) or ""
        originally = has(r.claim.text, r.lang.words("originally"))
        # ("took place on 15 January, as planned": it says it happened then)
        planned = has(r.claim.text, r.lang.words("was_planned")) and not _as_planned(r)
        earlier = _earlier_proposal(r, record, m)
        if earlier is None and (originally or planned) and not r.negated:
            # "the 14 July meeting was first planned at Sarıbulaq": the meeting the day
            # names may not be the one nearest to all the claim says
            earlier = next(
                (e for x in pool if (e := _earlier_proposal(r, record, x)) is not None), None
            )
        if earlier is not None and (originally or planned) and not r.negated:
            # "had originally been called for 9 March", "was planned for Kalinovka on 8
            # July": a proposal the agreed time or place replaced
            return SUPPORTED, f"Proposed first: {quote(earlier)}.", [earlier]
        extra = _unexplained(r, record)
        # a claim that names no day or order of a meeting, or names none by a word of
        # meetings ("the brigade passed the checkpoint on 12 August": only a verb of
        # happening), must be wholly about one
        by_noun = has(
            r.claim.text, [w for w in r.lang.words("meet") if w not in r.lang.words("happened")]
        )
        if len(extra) >= (2 if (r.dates or r.ordinal) and by_noun else 1):
            return (
                NOT_IN_RECORD,
                f"{reason} — {m.text}; but the claim says more than when, where and with "
                f"whom a meeting was ({', '.join(extra[:4])}), so it may be about something "
                f"else. {NOT_FALSE}",
                [],
            )
        if earlier is not None and (_about_plan(r) or originally):
            # "had been agreed for 20 October": a proposal the agreed time replaced said so
            return (
                NOT_IN_RECORD,
                f"{reason}; but a proposal for it said so: {quote(earlier)}. {NOT_FALSE}",
                [],
            )
        if reason.startswith("Day") and (
            (r.ordinal and (r.words["propose"] or r.words["agree"])) or _day_of_moving(r)
        ):
            # "the mediator proposed the first meeting in January", "decided on 24 May to
            # move the meeting online": the day of proposing or deciding
            return (
                NOT_IN_RECORD,
                f"{reason}; the day the claim names may be when it was proposed or agreed. "
                f"{NOT_FALSE}",
                [],
            )
        if originally and not r.negated:
            # "was first planned for eleven": what was planned before, which the record's
            # agreed meeting does not say (and no proposal that fits was found)
            return (
                NOT_IN_RECORD,
                f"The claim is about what was first planned; the record's meeting — {m.text} "
                f"— says what was agreed and held. {NOT_FALSE}",
                [],
            )
        return (SUPPORTED if r.negated else CONTRADICTED), f"{reason} — {m.text}.", [m]
    # (a chair named is no way of naming the meeting: any the mediator chaired)
    by = replace(r, words={**r.words, "mediator": False}) if someone or proposing else r
    named = [m for m in fitting if _matches(by, m)]
    absent = has(r.claim.text, r.lang.words("absent"))
    if (r.negated or r.words["attend"] or absent) and has_exact(
        r.claim.text, r.lang.words("person_pronouns")
    ):  # "she was not at the 22 April meeting": who she is, is not read
        return (
            NOT_IN_RECORD,
            f"The claim says whether someone named by a pronoun was there; who, is not "
            f"read. {NOT_FALSE}",
            [],
        )
    if r.words["attend"] or _names_a_member(r, record):
        answer = _attendance(r, named or (fitting if len(fitting) == 1 else []), record)
        there = r.words["attend"] or r.words["mediator"] or r.places or absent
        if answer is not None and answer[0] == CONTRADICTED and not there:
            # "Lilit Avetisyan was ill on the day of the third meeting": a person named
            # with no word of being there or not (attending, chairing, missing, a place)
            # says what they did, not whether they were there
            return NOT_IN_RECORD, f"{answer[1]} {NOT_FALSE}", []
        return answer
    if has(r.claim.text, r.lang.words("co_chair")):
        kinds = r.stems & VENUE_KINDS  # "the online meeting"
        pool = [m for m in fitting if not kinds or kinds & m.attrs.get("venue_kinds", set())]
        if len(pool) == 1:
            return _co_chair(r, pool[0], record)
        return NOT_IN_RECORD, f"Which meeting is not sure. {NOT_FALSE}", []
    meant = named or fitting
    by_a_party = r.words["mediator"] and _chaired_by_a_party(r, record)
    if by_a_party:
        # named by its day, time or place, or a word of its venue ("the summit meeting"),
        # not by being chaired (what the claim denies)
        unchaired = replace(r, words={**r.words, "mediator": False})
        named = [m for m in fitting if _matches(unchaired, m)] or _by_venue_words(
            r, record, fitting
        )
        meant = named or fitting
        if len(named) == 1 and (answer := _party_chair(r, record, named[0])) is not None:
            return answer
    # every meeting it may mean ("the commission's meetings"; not "the direct meeting at
    # the checkpoint" when some were direct)
    if by_a_party and all(m.attrs["chaired"] for m in meant):
        m = meant[0]
        return (
            (SUPPORTED if r.negated else CONTRADICTED),
            f"Chaired by the mediator: {quote(m)}.",
            [m],
        )
    if proposing:
        return _proposed_by(
            r,
            record,
            named or _by_venue_words(r, record, fitting) or (fitting if len(fitting) == 1 else []),
        )
    chaired = _chair_by_name(
        r, record, named or _by_venue_words(r, record, fitting, one=False) or fitting
    )
    if chaired is not None:
        return chaired
    if named:
        m = named[0]
        # denied, or named by its place alone, the claim must be about the meeting itself
        # ("walked out of the Pelor talks in protest" says more than that they were held)
        only_place = not (r.dates or r.times or r.ordinal or r.hours)
        if r.negated and any(
            not any(d.holds(day) for day in m.attrs["days"]) for d in r.dates
        ):  # "by 20 January the meeting of 29 January had not yet been agreed": then
            return (
                NOT_IN_RECORD,
                f"The claim denies it as of another day than the meeting's — {quote(m)} —; "
                f"the record does not tell what held then. {NOT_FALSE}",
                [],
            )
        if (r.negated or only_place) and len(_unexplained(r, record)) >= 2:
            return (
                NOT_IN_RECORD,
                f"The meeting took place — {quote(m)} —; what the claim denies of it is not "
                f"a fact about when, where or with whom. {NOT_FALSE}",
                [],
            )
        return (CONTRADICTED if r.negated else SUPPORTED), f"Record: {quote(m)}.", [m]
    if not (r.dates or r.times or r.places or r.unknown_places or r.hours):
        meet = tuple(r.lang.stem(w) for w in r.lang.words("meet") if " " not in w)
        if (future and not r.negated) or any(not s.startswith(meet) for s in r.stems):
            return NOT_IN_RECORD, NOT_FALSE, []
        m = fitting[-1]
        return (CONTRADICTED if r.negated else SUPPORTED), f"Record: {quote(m)}.", [m]
    return None


def _cancelled(r: Reading, record: Record, context: Fact | None = None) -> Answer | None:
    """A meeting agreed for a day and then cancelled, which the claim names by that day
    (and no meeting took place then): "set for 23 June, then called off" is so; "the
    meeting of 23 June was held" is not."""
    if context is not None:
        named = [context]
    else:
        if not r.dates:
            return None
        named = [c for c in record.of("cancelled") if _matches(r, c) and _conflict(r, c) is None]
        held = [
            m
            for m in record.of("meeting")
            if any(w.holds(d) for w in r.dates for d in m.attrs["days"])
        ]
        if len(named) != 1 or held:
            return None
    c, text = named[0], r.claim.text
    if has(text, r.lang.words("cancel")):
        by = subject(r, record)
        if by is not None and by != record.mediator and by != c.attrs["cancelled_by"]:
            # "the 5 March meeting was cancelled by Buzlaq": on the other side's proposal
            return (SUPPORTED if r.negated else CONTRADICTED), f"Cancelled: {quote(c)}.", [c]
        return (CONTRADICTED if r.negated else SUPPORTED), f"Cancelled: {quote(c)}.", [c]
    planned = (
        has(text, r.lang.words("was_planned"))
        or has(text, r.lang.words("originally"))
        or _about_plan(r)
    ) and not _as_planned(r)
    if r.negated or planned:  # "never took place", "was set for the 23rd"
        return SUPPORTED, f"Agreed, then cancelled: {quote(c)}.", [c]
    if has(text, r.lang.words("happened")) or r.words["meet"]:
        return CONTRADICTED, f"Cancelled: {quote(c)}.", [c]
    return None


def _as_planned(r: Reading) -> bool:
    """ "It took place on 15 January, as planned": that it happened, not only a plan."""
    return has(r.claim.text, r.lang.words("as_planned"))


def _relative(r: Reading) -> bool:
    """The claim names a meeting to say when something else was: a ``relative_order``
    word within three words of a word of meetings or a meeting's order ("five days after
    the first session", "the session after the one at X", "առաջին նիստից հետո"), not
    right before a day or number ("after 5 May" bounds a day)."""
    toks = tokens(r.claim.text)
    order = [lower(w) for w in r.lang.words("relative_order")]
    meet = tuple(lower(w) for w in r.lang.words("meet") if len(w.strip()) >= 4)
    ordinals = set(r.lang.data.get("meeting_ordinals", {}))
    for i, t in enumerate(toks):
        if not any(t == w or (len(w) >= 7 and t.startswith(w)) for w in order):
            continue
        if i + 1 < len(toks) and (toks[i + 1][:1].isdigit() or month(toks[i + 1], r.lang)):
            continue
        # ("after the first session"; "առաջին նիստից հետո", "iclasdan sonra": the word
        # of meetings right before a postposition, in the case it governs)
        near = toks[i - 1 : i] if r.lang.data.get("postpositions") else toks[i + 1 : i + 4]
        if any(
            x.startswith(meet)
            or x in ordinals
            or x == "one"
            or "@online" in _word_concepts(x, r.lang.code)  # "after the videoconference"
            for x in near
        ):
            return True
    return False


def _day_of_moving(r: Reading) -> bool:
    """ "The CPPO decided on 24 May to move the meeting online": the day stands between a
    word of deciding, proposing or agreeing and a word of moving, so it is the day of the
    decision, not the meeting's ("it was decided to move the meeting to 26 May" is not)."""
    toks = tokens(r.claim.text)
    lang = r.lang
    act = position(toks, [w for k in ("decide", "propose", "agree") for w in lang.words(k)])
    move = position(toks, lang.words("postpone"))
    day = next((i for i, t in enumerate(toks) if month(t, lang) is not None), None)
    return act is not None and move is not None and day is not None and act < day < move


def _earlier_proposal(r: Reading, record: Record, m: Fact) -> Fact | None:
    """A proposal for meeting ``m`` (not the one agreed) on the day and at the place the
    claim names, if any."""
    if not (r.dates or r.places):
        return None
    for p in record.of("proposal"):
        a = p.attrs
        if a.get("meeting") != m.attrs.get("meeting"):
            continue
        day = not r.dates or any(d.holds(x) for d in r.dates for x in a["days"])
        place = not r.places or any(x.keys & a["venue_keys"] for x in r.places)
        if day and place:
            return p
    return None


def _about_times(r: Reading) -> bool:
    """A claim of when something started, ended or how long it lasted, with a day, a time
    of day or a place to tell which meeting."""
    lang = r.lang
    said_when = has(r.claim.text, [*lang.words("start_words"), *lang.words("lasted")]) or (
        has(r.claim.text, lang.words("end_words")) and bool(r.times)
    )
    return said_when and bool(
        r.times or r.dates or r.places or duration_in(r.claim.text, lang) is not None
    )


def _unexplained(r: Reading, record: Record) -> list[str]:
    """The claim's words that are not about when, where and with whom a meeting was: not
    the language's words of meetings (``meet``, ``mediator``, ``attend``, ``meeting_words``
    …), dates, numbers, the record's places, sides and people. A claim with two or more is
    about something else too ("the Cell sent a flash notice about a convoy on the Marzun
    road"), and a meeting fact cannot contradict it."""
    lang = r.lang
    prefixes, short = _meeting_vocab(lang.code)
    stop = set(lang.words("stop"))
    names = record_names(record) | _people(record)
    out = []
    for t in tokens(r.claim.text):
        if len(t) < 3 or t in stop or t[:1].isdigit() or t.startswith(prefixes):
            continue
        if any(t.startswith(w) and len(t) <= len(w) + 3 for w in short):
            continue  # "час" explains "часов", "по" does not explain "пожарная"
        if month(t, lang) is not None or t in lang.weekdays:
            continue
        k = key(t, lang.code)
        if any(same(k, n) for n in names) or t in {u.lower() for u in r.unknown_places}:
            continue
        out.append(t)
    return out


@cache
def _meeting_vocab(code: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The words of meetings as prefixes (four letters or more) and short words, which
    explain a token only with at most a case ending after them."""
    lang = load(code)
    words = [
        w.strip()
        for k in ("meet", "mediator", "attend", "without", "future", "next", "meeting_words",
                  "agree", "decide", "propose",
                  "time_words", "pm", "am", "place_prepositions", "negation", "hedge",
                  "lasted", "half", "approx", "end_words", "more_than", "less_than",
                  "start_words")
        for w in lang.words(k)
    ]  # fmt: skip
    words += [w for k in ("ordinals", "numbers", "meeting_ordinals", "parts_of_day",
                          "date_ranges", "amounts") for w in lang.data.get(k, {})]  # fmt: skip
    words += [w for ws in lang.data.get("duration_units", {}).values() for w in ws]
    parts = {lower(x) for w in words for x in w.split() if len(x) >= 2}
    return tuple(sorted(x for x in parts if len(x) >= 4)), frozenset(x for x in parts if len(x) < 4)


def _people(record: Record) -> set[str]:
    """The keys of the name words of everyone a meeting lists as present."""
    people: set[str] | None = record.cache.get("people")
    if people is None:
        people = {
            key(t, "en")
            for m in record.of("meeting")
            for names in m.attrs.get("attendees", {}).values()
            for n in names
            for t in tokens(n)
            if len(t) >= 3
        }
        record.cache["people"] = people
    return people


def _attendance(r: Reading, meetings: list[Fact], record: Record | None = None) -> Answer | None:
    """Who attended a meeting whose attendance is recorded: a person the claim names
    (by a name word of theirs) is among them or not."""
    if len(meetings) != 1 or not meetings[0].attrs.get("attendees"):
        return (
            NOT_IN_RECORD,
            f"Which meeting, or who attended it, is not in the record. {NOT_FALSE}",
            [],
        )
    m = meetings[0]
    # "X was absent", "X did not attend": the claim denies X's presence
    denied = r.negated or has(r.claim.text, r.lang.words("absent"))
    people = [name for names in m.attrs["attendees"].values() for name in names]
    # a person by given name and surname, not by a title ("Colonel Hayk Voskanyan")
    names = {
        key(t, "en") for n in people for t in tokens(n)[-2:] if len(t) >= 4 and t[:1].isalpha()
    }
    said = [k for k in _name_keys(r) if len(k) >= 4 and any(close(k, n) for n in names)]
    absent = [
        person
        for surname, person in (_surnames(record) if record is not None else [])
        if person not in people and any(close(k, surname) for k in _name_keys(r))
    ]
    side_keys = set().union(*record.sides.values()) if record is not None else set()
    capital = []
    for w in r.claim.text.split()[1:]:
        word = w.strip('.,;:«»"“”')
        k = key(word, r.lang.code)
        if not word[:1].isupper() or any(same(k, pk) for p in r.places for pk in p.keys):
            continue
        if any(close(k, sk) or k[:6] == sk[:6] for sk in side_keys):
            continue  # a side's name ("Arvenia's delegation attended")
        capital.append(word)
    if said:
        # "X attended for Gülablı": the side the record lists X under
        sides_of = {
            side
            for side, names in m.attrs["attendees"].items()
            for n in names
            if any(close(k, key(t, "en")) for k in said for t in tokens(n)[-2:] if len(t) >= 4)
        }
        named = {  # the sides the claim names by their own names, not by the person's
            s
            for s in r.sides
            if record is not None
            and s != record.mediator
            and any(close(k, sk) for k in r.keys if k not in said for sk in record.sides[s])
        }
        if named and sides_of and not named & sides_of and not denied:
            listed = (
                ", ".join(sorted(record.side_names.get(x, x) for x in sides_of)) if record else ""
            )
            return CONTRADICTED, f"Present for {listed}: {quote(m)}.", [m]
        return (
            (CONTRADICTED if denied else SUPPORTED),
            f"Record: {quote(m)} (present: {', '.join(people)}).",
            [m],
        )
    if absent:
        return (
            (SUPPORTED if denied else CONTRADICTED),
            f"{', '.join(absent)} not among those present: {', '.join(people)} — {quote(m)}.",
            [m],
        )
    if len(capital) >= 2:
        return (
            (SUPPORTED if denied else CONTRADICTED),
            f"Not among those present: {', '.join(people)} — {quote(m)}.",
            [m],
        )
    return NOT_IN_RECORD, f"The claim names nobody the record lists as present. {NOT_FALSE}", []


def _party_chair(r: Reading, record: Record, m: Fact) -> Answer | None:
    """ "Buzlaq chaired the summit meeting": a meeting without the mediator in the chair
    whose chair ``meeting.held`` names, against the side that person is of."""
    chair = m.attrs.get("chair_name", "")
    if m.attrs["chaired"] or not chair:
        return None
    of = record.members.get(chair) or next(
        (s for s, names in m.attrs["attendees"].items() if chair in names), None
    )
    parties = {s for s in r.sides if s != record.mediator}
    if of is None or not parties:
        return None
    ok = parties == {of}
    return (SUPPORTED if ok != r.negated else CONTRADICTED), f"Chaired by {chair}: {quote(m)}.", [m]


def _by_venue_words(
    r: Reading, record: Record, meetings: list[Fact], one: bool = True
) -> list[Fact]:
    """The one meeting whose venue holds a word of the claim ("the summit meeting": at the
    "Zarkhet summit weather station"), or none; or (``one`` false) every such meeting."""
    sided = {k for keys in record.sides.values() for k in keys}
    keys = {k for k in r.keys if len(k) >= 4 and k not in sided}  # ("Buzlaq side": a venue's)
    found = [
        m
        for m in meetings
        if keys & {key(t, code_of(m.attrs["venue"])) for t in tokens(m.attrs["venue"])}
    ]
    return found if len(found) == 1 or not one else []


def _chair_by_name(r: Reading, record: Record, meetings: list[Fact]) -> Answer | None:
    """ "Rafael Obregón chaired the videoconference", "the head of the Mission chaired
    it": against the chair ``meeting.held`` names, of every meeting the claim may mean:
    so if that person chaired one of them, not if they chaired none."""
    if not (r.words["mediator"] or has(r.claim.text, r.lang.words("chair_verbs"))) or not meetings:
        return None
    named, heads = _members_named(r, record, 3), _heads_meant(r, record)
    said = [(m, s) for m in meetings if (s := _chaired_by(r, record, m, named, heads)) is not None]
    if len(said) < len(meetings):
        return None
    # of the meetings it may mean, one that person chaired makes it so
    m, (ok, why) = next(((m, s) for m, s in said if s[0]), said[0])
    return (SUPPORTED if ok != r.negated else CONTRADICTED), f"{why}: {quote(m)}.", [m]


def _chaired_by(
    r: Reading, record: Record, m: Fact, named: list[str], heads: frozenset[str]
) -> tuple[bool, str] | None:
    """Whether the person a claim names as chair — by surname (``named``: the members it
    names) or as the mediator's head (``heads``) — chaired ``m``, and why; None when that
    is not recorded or the claim names nobody."""
    chair = m.attrs.get("chair_name") or ""
    if not chair:
        if not has(r.claim.text, r.lang.words("chair_verbs")):
            return None  # "the mediator's head was on leave": not who chaired
        mediators = bool(named or heads) and all(
            record.members.get(n) == record.mediator for n in named or heads
        )
        if mediators:  # the mediator's person: chaired by the mediator, or direct talks
            if m.attrs["chaired"]:
                return True, "Chaired by the mediator (who in person, the record does not say)"
            return False, "Direct talks between the parties, not chaired by the mediator"
        return None
    chair_keys = {person_key(t, "en") for t in tokens(chair)[-1:]}
    if any(close(k, c) for k in _name_keys(r) for c in chair_keys):
        return True, f"Chaired by {chair}"
    if named:
        return False, f"Chaired by {chair}"
    if heads:
        return chair in heads, (
            f"Chaired by {chair}; the head of "
            f"{record.side_names.get(record.mediator, record.mediator)} "
            f"{'is' if len(heads) == 1 else 'has been'} {', '.join(sorted(heads))}"
        )
    return None


def _heads_meant(r: Reading, record: Record) -> frozenset[str]:
    """Everyone who has been the mediator's head, when the claim names its head as chair
    ("the head of the Mission chaired it"); a party's "head of civil status" may be any
    of its officials, and "its officer rather than its head" names two."""
    text, lang = r.claim.text, r.lang
    if (
        not has(text, lang.words("head_of"))
        or not has(text, lang.words("chair_verbs"))
        or has(text, lang.words("instead"))
        or r.words["without"]
    ):
        return frozenset()
    if subject(r, record) != record.mediator:
        return frozenset()
    return record.heads.get(record.mediator, frozenset())


def _absent_person(r: Reading, record: Record) -> bool:
    """A word of absence just before a member's surname ("in the absence of Henrike
    Aalto", "без Гасымова"): someone was away, not the mediator ("a direct meeting" and
    "without the mission" stay words of the format)."""
    toks = tokens(r.claim.text)
    absence = [lower(w).strip() for w in r.lang.words("absence_words")]
    surnames = [s for s, _ in _surnames(record)]
    for i in range(len(toks)):
        said = (" ".join(toks[j : i + 1]) for j in range(max(0, i - 2), i + 1))
        if not any(x.endswith(w) for x in said for w in absence):
            continue
        after = toks[i + 1 : i + 4]
        if any(
            close(person_key(a, r.lang.code), s) for a in after if len(a) >= 3 for s in surnames
        ):
            return True
    return False


def _names_someone(r: Reading, record: Record) -> bool:
    """The claim names a member by surname, or the mediator's head."""
    return bool(_heads_meant(r, record)) or bool(_members_named(r, record, 3))


def _names_a_member(r: Reading, record: Record) -> bool:
    """The claim names someone by surname ("Amira Haddad was in Valmora for the first
    session"): a claim about who was there."""
    if r.words["mediator"] or r.words["future"] or has(r.claim.text, r.lang.words("chair_verbs")):
        return False  # "chaired by X": who chaired; "will": a plan; not who came
    return bool(_members_named(r, record, 4))


def _members_named(r: Reading, record: Record, shortest: int = 0) -> list[str]:
    """The members whose surname a word of the claim is (of keys ``shortest`` letters or
    more: a short surname's key is short, "Voss" is "vos")."""
    keys = [k for k in _name_keys(r) if len(k) >= shortest]
    return [n for s, n in _surnames(record) if any(close(k, s) for k in keys)]


def _name_keys(r: Reading) -> list[str]:
    """The claim's keys that may be a person's name: not a word of negotiation of its
    language ("առաքելության", the mission's, is no "Arakelyan")."""
    vocabulary, stop = _vocabulary(r.lang.code), set(r.lang.words("stop"))
    return [
        person_key(t, r.lang.code)
        for t in tokens(r.claim.text)
        if len(t) >= 3 and t not in stop and not any(t.startswith(w) for w in vocabulary)
    ]


_VERB_KINDS = (
    "meet", "discuss", "raise", "agree", "decide", "propose", "refusal", "done", "confirmed",
    "disputed", "overdue", "publish", "attend", "mediator", "next", "owes", "received",
    "reporting_verbs", "due",
)  # fmt: skip
"""The word lists of negotiation: what happened to a topic, never which topic."""


@cache
def _vocabulary(code: str) -> tuple[str, ...]:
    lang = load(code)
    return tuple(
        lower(w)
        for k in _VERB_KINDS
        for w in lang.words(k)
        if " " not in w.strip() and len(w.strip()) >= 4
    )  # fmt: skip


def _surnames(record: Record) -> list[tuple[str, str]]:
    """Every member's surname key (the last word of their name, four letters or more) and
    name, once per record."""
    found: list[tuple[str, str]] | None = record.cache.get("surnames")
    if found is None:
        found = [
            (person_key(t, "en"), name)
            for name in record.members
            for t in tokens(name)[-1:]
            if len(t) >= 4
        ]
        record.cache["surnames"] = found
    return found


def _nth_held(record: Record, n: int | None) -> Fact | None:
    """The meeting an order names ("the second session": 2, "the last": -1) among those
    that took place, or None if there is no such one."""
    held: list[Fact] | None = record.cache.get("held in order")
    if held is None:
        held = sorted(
            (m for m in record.of("meeting") if m.attrs["past"]), key=lambda m: m.attrs["start"]
        )
        record.cache["held in order"] = held
    if n is None or not (n == -1 or 0 < n <= len(held)):
        return None
    return held[n - 1 if n > 0 else -1]


def _co_chair(r: Reading, m: Fact, record: Record) -> Answer:
    """ "The head of the X delegation co-chaired it": co-chairs are no typed fact (the
    record names one chair); the note of the meeting as held may say so, naming the side
    or one of its people there. The mediator in the chair never refutes it."""
    note = str(m.attrs.get("held_note", ""))
    reader = load(code_of(note)) if note else r.lang
    if note and has(note, reader.words("co_chair")):
        keys = {key(t, reader.code) for t in tokens(note) if len(t) >= 4}
        for side in (s for s in r.sides if s != record.mediator):
            people = m.attrs.get("attendees", {}).get(side, ())
            names = {key(t, "en") for n in people for t in tokens(n)[-1:] if len(t) >= 4}
            others = set().union(*(v for s, v in record.sides.items() if s != side))
            own = {k for k in record.sides[side] if k not in others}  # not "side"
            if any(close(k, n) for k in keys for n in names | own):
                return (
                    SUPPORTED,
                    f"The note of the meeting as held says so: {quote(m)} (“{note}”).",
                    [m],
                )
    return (
        NOT_IN_RECORD,
        f"The record names one chair ({m.attrs.get('chair_name') or 'the mediator'}); who "
        f"co-chaired is not typed. {NOT_FALSE}",
        [],
    )


def _chaired_by_a_party(r: Reading, record: Record) -> bool:
    """ "Chaired by Arvenia": a party, not the mediator, named as chair."""
    parties = [s for s in r.sides if s != record.mediator]
    return (
        bool(parties)
        and record.mediator not in r.sides
        and not has(r.claim.text, r.lang.words("mediator_nouns"))
    )


def _nearest(r: Reading, pool: list[Fact]) -> Fact:
    """The meeting the claim most likely means, to quote when none fits."""

    def score(m: Fact) -> int:  # a day names a meeting more surely than a place
        a = m.attrs
        return 2 * sum(1 for w in r.dates for d in a["days"] if w.holds(d)) + sum(
            1 for p in r.places if p.keys & a["venue_keys"]
        )

    return max(pool, key=score)


def _public_meeting(r: Reading, record: Record, meetings: list[Fact]) -> Answer | None:
    """Public mode: a meeting claim is supported by a public meeting fact or a published
    communiqué that says the same; the public record is partial, so it contradicts
    nothing here."""
    if r.negated:
        return None
    for m in meetings:
        if _conflict(r, m) is None and _matches(r, m):
            return SUPPORTED, f"Record: {quote(m)}.", [m]
    for c in record.of("communique"):
        days, ckeys = c.attrs["days"], c.attrs["keys"]
        date_ok = not r.dates or any(w.holds(d) for w in r.dates for d in days)
        place_ok = not r.places or any(p.keys & ckeys for p in r.places)
        if (r.dates or r.places) and date_ok and place_ok and not r.unknown_places:
            return SUPPORTED, f"Record: {quote(c)}.", [c]
        same_day = bool(r.dates) and bool(days) and date_ok
        if same_day and (r.unknown_places or (r.places and not place_ok)):
            named = ", ".join([p.name for p in r.places] + r.unknown_places)
            return (
                CONTRADICTED,
                f"The published communiqué reports that day's meeting elsewhere than {named}: {quote(c)}.",
                [c],
            )
    return None


# --- agenda items -----------------------------------------------------------------------


def _agrees_to_publish(r: Reading) -> bool:
    """A claim of proposing or agreeing to make something public ("agreed to publish the
    report"): a disclosure's, not an item's or a commitment's. A communiqué named is not
    a word of publishing ("the communiqué says the Arpeni side will repair …")."""
    w = r.words
    return (w["propose"] or w["agree"]) and has(r.claim.text, _publishing_words(r))


def _publishing_words(r: Reading) -> list[str]:
    """The language's words of publishing less those that name a communiqué: "the
    communiqué says …" speaks of what it says, not of making anything public."""
    nouns = r.lang.words("communique_words")
    return [x for x in r.lang.words("publish") if not has(x, nouns)]


def _item(r: Reading, fact: Fact, record: Record) -> Answer | None:
    w = r.words
    if _agrees_to_publish(r):
        return None  # "agreed to publish the report": a disclosure, not an item or outcome
    if fact.kind == "minutes_item":
        agenda = next(
            (
                f
                for f in record.of("item")
                if (f.attrs["meeting"], f.attrs["item"])
                == (fact.attrs["meeting"], fact.attrs["item"])
            ),
            None,
        )
        if agenda is None or not (w["refusal"] or w["raise"] or w["propose"]):
            return _outcome(r, fact, None)
        fact = agenda  # who raised or declined it: the agenda's facts, not the minutes'
    return _agenda_item(r, fact, record)


def _on_its_meeting_day(r: Reading, fact: Fact, record: Record) -> bool:
    """A day the claim names is a day of the meeting the item was raised at."""
    return any(
        d.holds(day)
        for m in record.of("meeting")
        if m.attrs["meeting"] == fact.attrs["meeting"]
        for day in m.attrs["days"]
        for d in r.dates
    )


def _agenda_item(r: Reading, fact: Fact, record: Record) -> Answer | None:
    w = r.words
    a = fact.attrs
    minutes = next(
        (
            m
            for m in record.of("minutes_item")
            if m.attrs["meeting"] == a["meeting"] and m.attrs["item"] == a["item"]
        ),
        None,
    )
    status = a["status"]
    said_by = subject(r, record)
    if w["refusal"]:
        if status == "declined":
            if said_by and said_by not in a["declined_by"] and said_by != a["raised_by"]:
                return (
                    (SUPPORTED if r.negated else CONTRADICTED),
                    f"Declined by another side: {quote(fact)}.",
                    [fact],
                )
            return (CONTRADICTED if r.negated else SUPPORTED), f"Record: {quote(fact)}.", [fact]
        if status == "on_agenda":
            if not _refused_with(r, record):
                return None  # "reported that its channel was blocked": another refusal
            return (
                (SUPPORTED if r.negated else CONTRADICTED),
                f"Nobody declined it: {quote(fact)}.",
                [fact],
            )
        return None
    if w["publish"] and (w["propose"] or w["agree"]):
        return None  # "proposed to make the records public": a disclosure, not an item
    raise_ = w["raise"] or w["propose"]
    talked = _talked(r)
    if raise_ and talked and status == "declined" and not r.negated:
        return CONTRADICTED, f"Raised, but never discussed: {quote(fact)}.", [fact]
    if ((raise_ and not w["discuss"]) or (raise_ and status == "declined")) and a["raised_by"]:
        if (
            said_by
            and said_by != a["raised_by"]
            and said_by in record.side_names
            and record.mediator != said_by
        ):
            if not r.negated and not _plainly_named(r, fact):
                return None  # "asked for demining after a cow was killed": not by its title
            if r.dates and not _on_its_meeting_day(r, fact, record):
                return None  # "offered on 8 May to hand the sprayer over": in a message
            return (
                (SUPPORTED if r.negated else CONTRADICTED),
                f"Raised by another side: {quote(fact)}.",
                [fact],
            )
        return (CONTRADICTED if r.negated else SUPPORTED), f"Record: {quote(fact)}.", [fact]
    if raise_ and not talked and not r.negated and said_by in (None, a["raised_by"]):
        # "raised the case of …": a word of discussion, but said as raised, by its side
        return SUPPORTED, f"Record: {quote(fact)}.", [fact]
    if w["agree"] or w["outcome_none"]:
        if status == "declined" and _plainly_named(r, fact):
            return (SUPPORTED if r.negated else CONTRADICTED), f"Record: {quote(fact)}.", [fact]
        if minutes is not None:
            return _outcome(r, minutes, fact)
        return None
    if w["discuss"] or w["meet"] or raise_:
        if status == "declined" and not (has(r.claim.text, ["agenda item"]) and not _talked(r)):
            # ("Sarıyal's agenda item put the amount at …" names the item, not its fate)
            return (SUPPORTED if r.negated else CONTRADICTED), f"Record: {quote(fact)}.", [fact]
        if status == "on_agenda":
            if minutes is not None and minutes.attrs["outcome"] == "not_discussed":
                return (
                    (SUPPORTED if r.negated else CONTRADICTED),
                    f"Record: {quote(minutes)}.",
                    [fact, minutes],
                )
            return (CONTRADICTED if r.negated else SUPPORTED), f"Record: {quote(fact)}.", [fact]
    return None


_AGENDA = {"agenda", "повестк", "օրակարգ", "gündəm", "gündəliy"}
"""'Put on the agenda' is asking for it, not discussing it."""


def _talked(r: Reading) -> bool:
    """The claim says a topic was talked about — not only raised ("brought up",
    "müzakirəyə çıxarıb": put up for discussion)."""
    if has(r.claim.text, r.lang.words("request")) or _proposed_to_discuss(r):
        return False  # "asked to discuss it", "proposed discussing it": not a discussion
    text = fold(r.claim.text)
    for phrase in sorted(r.lang.words("raise"), key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(lower(phrase))}\w*", " ", text)
    raised = {lower(x) for x in r.lang.words("raise")}
    return has(text, [x for x in r.lang.words("discuss") if x not in _AGENDA and x not in raised])


def _proposed_to_discuss(r: Reading) -> bool:
    """A word of proposing next to a word of discussing ("proposed discussing",
    "предложил обсудить", "müzakirə etməyi təklif edib"): a proposal of a topic."""
    toks = tokens(r.claim.text)
    propose = [i for i, t in enumerate(toks) if has(t, r.lang.words("propose"))]
    discuss = [i for i, t in enumerate(toks) if has(t, r.lang.words("discuss"))]
    return any(abs(i - j) <= 3 for i in propose for j in discuss)


def _outcome(r: Reading, minutes: Fact, item: Fact | None) -> Answer | None:
    kind = minutes.attrs["outcome"]
    facts = [x for x in (item, minutes) if x is not None]
    claims_none = r.words["outcome_none"] or (r.negated and r.words["agree"])
    if r.words["agree"] or r.words["outcome_none"]:
        if kind == "agreed":
            return (CONTRADICTED if claims_none else SUPPORTED), f"Record: {quote(minutes)}.", facts
        if kind in ("none", "not_discussed", "deferred"):
            return (SUPPORTED if claims_none else CONTRADICTED), f"Record: {quote(minutes)}.", facts
        return None
    if r.words["discuss"]:
        held = kind != "not_discussed"
        return (
            (SUPPORTED if held != r.negated else CONTRADICTED),
            f"Record: {quote(minutes)}.",
            facts,
        )
    return None


# --- commitments ------------------------------------------------------------------------


def _commitment(r: Reading, c: Fact, record: Record) -> Answer | None:
    w = r.words
    plain = c.attrs.get("plain", "")
    if _agrees_to_publish(r) and not has(
        plain, r.lang.words("publish") + load(code_of(plain)).words("publish")
    ):
        return None  # "has not agreed to publish the messages": a disclosure, not this
    if w["without"] and (w["done"] or w["received"] or w["confirmed"]):
        r = replace(r, negated=not r.negated)  # "passed without Tavrush reporting them"
    if w["done"] and _promised(r):  # "promised to install the sensor": the promise
        r = replace(r, words={**w, "done": False, "agree": True})
        w = r.words
    a = c.attrs
    state = a["state"]
    said_by = subject(r, record)
    parties = [s for s in r.sides if s != record.mediator]
    frame = r.claim.original.replace(r.claim.text, " ")  # "X confirmed that", ", X confirmed"
    speaker_side = r.claim.speaker and subject_of_text(r.claim.speaker, r, record)
    if (
        speaker_side
        and speaker_side not in (a["owner"], record.mediator)
        and has(frame, r.lang.words("confirmed"))
    ):
        # "Arevashat confirmed that the visit went as agreed": the other side's
        # confirmation is an act the record holds (or does not)
        ok = state == "confirmed"
        return (SUPPORTED if ok != r.negated else CONTRADICTED), f"Record: {quote(c)}.", [c]
    states = ("done", "confirmed", "disputed", "overdue", "received", "refusal")
    # (a day the commitment's own text names — "suspended until 15 May" — is not its due day)
    due = [x for x in r.dates if x.first is not None and not _in_text(x, c, record)]
    # "promised to install it by 15 March", due 15 February: a day the claim may give as
    # the due day or as when it was promised; not the record's due day, so no support
    # (a year far from the talks' is another thing's: "the 1989 cadastre … by 10 November")
    near = [x for x in due if x.any_year or abs((x.first or a["due"]).year - record.year) <= 1]
    other_day = bool(near) and not any(x.holds(a["due"]) for x in near) and not r.negated
    if (
        has(r.claim.text, r.lang.words("owes"))
        and said_by is not None
        and said_by in parties
        and not any(w[k] for k in states)
    ):
        # "the repair of marker 31 was Tsaghkan's obligation"
        ok = said_by == a["owner"]
        if ok and other_day:
            return NOT_IN_RECORD, f"Due another day: {quote(c)}. {NOT_FALSE}", []
        owner = record.side_names.get(a["owner"], a["owner"])
        return (
            (SUPPORTED if ok != r.negated else CONTRADICTED),
            f"Owed by {owner}: {quote(c)}.",
            [c],
        )
    if w["received"] and not w["disputed"] and said_by is not None and said_by != a["owner"]:
        # "Kesar never received the guarantees": the receiver's confirmation says it did
        if state == "confirmed":
            return (CONTRADICTED if r.negated else SUPPORTED), f"Confirmed: {quote(c)}.", [c]
        if state in ("open", "due_soon", "overdue") and not r.negated:
            return CONTRADICTED, f"Not even reported as done: {quote(c)}.", [c]
        return None
    if (
        parties
        and not r.negated
        and a["owner"] not in parties
        and (w["agree"] or has(r.claim.text, r.lang.words("obligation")))
        and not any(w[k] for k in states)  # "disputed by Getahovit": who disputed it
        and said_by in parties
    ):  # "Arevashat must issue the permit": Gülablı's commitment
        owner = record.side_names.get(a["owner"], a["owner"])
        return (SUPPORTED if r.negated else CONTRADICTED), f"Owed by {owner}: {quote(c)}.", [c]
    says_due = has(r.claim.text, r.lang.words("due"))  # else the day is when something happened
    says_due = says_due and _plainly_named(r, c)
    if (
        due
        and says_due
        and not any(x.holds(a["due"]) for x in due)
        and not (w["done"] or w["confirmed"])
    ):
        if said_by == record.mediator != a["owner"]:
            return None  # "the mission promised … by 1 June": not Gölyurd's promise
        return (
            (SUPPORTED if r.negated else CONTRADICTED),
            f"Due {a['due']:%-d %B %Y}: {quote(c)}.",
            [c],
        )
    if w["disputed"]:
        ok = state == "disputed"
        # ("would not travel to Aravan while the dispute over the crews remained open":
        # the denial is of something else)
        denied = r.negated and _negated_near(r, "disputed")
        return (SUPPORTED if ok != denied else CONTRADICTED), f"Record: {quote(c)}.", [c]
    if w["confirmed"] and said_by is not None and said_by != a["owner"]:
        # "Kesar has not yet confirmed it": the other side's confirmation, not the deadline
        ok = state == "confirmed"
        return (SUPPORTED if ok != r.negated else CONTRADICTED), f"Record: {quote(c)}.", [c]
    timing = _reported_in_time(r, c)
    if timing is not None:
        return timing
    if w["overdue"] or (r.negated and w["done"]):
        ok = state in ("overdue", "open", "due_soon")
        if (
            w["overdue"]
            and not r.negated
            and state in ("open", "due_soon")
            and has(r.claim.text, ["missed", "overdue", "просроч", "ուշաց", "gecik"])
        ):
            ok = False
        return (SUPPORTED if ok else CONTRADICTED), f"Record: {quote(c)}.", [c]
    if w["confirmed"] and said_by is None:  # confirmed, by no side the claim names
        ok = state == "confirmed"
        return (SUPPORTED if ok != r.negated else CONTRADICTED), f"Record: {quote(c)}.", [c]
    speaker = r.claim.speaker and subject_of_text(r.claim.speaker, r, record)
    if w["done"] and speaker == a["owner"] and state in ("reported", "confirmed", "disputed"):
        # "Yurdali reported that it had handed over the readings": the report is recorded
        return (CONTRADICTED if r.negated else SUPPORTED), f"Reported: {quote(c)}.", [c]
    if w["done"] and state == "disputed" and not r.negated:
        if has(r.claim.text, r.lang.words("completeness")):  # "fully", "the complete list"
            return CONTRADICTED, f"Disputed: {quote(c)}.", [c]
        return (
            NOT_IN_RECORD,
            f"Reported as done and disputed; the record does not say who is right: "
            f"{quote(c)}. {NOT_FALSE}",
            [],
        )
    if w["done"]:
        if state == "disputed" and len(r.stems & a["dispute_words"]) >= 2:
            return (
                NOT_IN_RECORD,
                f"The claim repeats what the dispute says; the record holds the dispute, not "
                f"which side is right: {quote(c)}. {NOT_FALSE}",
                [],
            )
        ok = state in ("reported", "confirmed")
        return (SUPPORTED if ok != r.negated else CONTRADICTED), f"Record: {quote(c)}.", [c]
    if w["refusal"]:
        # Refusing a commitment's deliverable is disputing it; refusing to do it is not a
        # fact the record types (it holds the promise, not a refusal of it).
        if state == "disputed" and said_by is not None and said_by != a["owner"]:
            return (CONTRADICTED if r.negated else SUPPORTED), f"Record: {quote(c)}.", [c]
        return (
            NOT_IN_RECORD,
            f"The record holds {quote(c)}; a refusal is not recorded. {NOT_FALSE}",
            [],
        )
    if w["agree"] or w["future"]:
        return (CONTRADICTED if r.negated else SUPPORTED), f"Record: {quote(c)}.", [c]
    if due and has(r.claim.text, r.lang.words("due")) and not r.negated:
        return SUPPORTED, f"Due {a['due']:%-d %B %Y}: {quote(c)}.", [c]  # the day matched above
    return None


# --- matching facts to a claim ----------------------------------------------------------


def _refused_with(r: Reading, record: Record) -> bool:
    """A word of refusal in the claim's own clause, or in a clause after "that" with a
    side who refused: "Çinarbel declined the hotline", "Aspanik said that Çinarbel
    rejected the hotline"; not "used the hotline to report that its emergency channel
    was blocked", where nobody is said to have refused anything."""
    refusal = r.lang.words("refusal")
    text = r.claim.text
    for word in r.lang.words("reporting_that"):
        text = re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", "\n", text)
    for i, clause in enumerate(text.split("\n")):
        if not has(clause, refusal):
            continue
        if i == 0 or subject_of_text(clause, r, record) is not None:
            return True
    return False


def _negated_near(r: Reading, kind: str, span: int = 3) -> bool:
    """A negation within ``span`` words of a word of ``kind`` ("is not disputed", "heç
    kim etiraz etməyib"), or in that word itself ("չվիճարկեց")."""
    toks = tokens(r.claim.text)
    words = tuple(lower(w) for w in r.lang.words(kind) if " " not in w.strip())
    negation = {
        lower(w).strip()
        for k in ("negation", "without")  # "առանց առարկության": without objection
        for w in r.lang.words(k)
        if " " not in w.strip()
    }
    prefix = r.lang.data.get("negation_prefix") or ""
    at = [
        i for i, t in enumerate(toks) if t.startswith(words) or t[len(prefix) :].startswith(words)
    ]
    return any(
        t in negation or negative_token(t, r.lang)
        for i in at
        for t in toks[max(0, i - span) : i + span + 1]
    )


def _in_text(when: When, f: Fact, record: Record) -> bool:
    """The day is one the fact's own text names."""
    said: dict[tuple[str, str], list[date]] = record.cache.setdefault("days in text", {})
    k = (f.kind, f.key)
    if k not in said:  # (read once per fact and record)
        plain = f.attrs.get("plain", "")
        code = code_of(plain) if plain else "en"
        lang = load(code if code in ("en", "ru", "hy", "az") else "en")
        said[k] = [
            d.first
            for d in dates_in(plain, lang, record.year)
            if d.first is not None and d.first == d.last
        ]
    return any(when.holds(day) for day in said[k])


def _owned_instead(r: Reading, record: Record, c: Fact) -> Answer | None:
    """A claim that names another owner than the commitment it fits best may be about a
    commitment of that owner it also fits ("Göyçəlan will hand over a list of people who
    want copies of their birth, death and marriage records": Göyçəlan's list, not
    Aravotadzor's inventory of those records): that one decides, or nothing does."""
    said_by = subject(r, record)
    words = {x for x in r.stems if not x.startswith("@")} - _verb_stems(r.lang)
    fits = sorted(
        (
            (len(words & x.attrs.get("words", set())), x.key, x)
            for x in record.of("commitment")
            if x.attrs["owner"] == said_by and x is not c
        ),
        reverse=True,
    )
    if not fits or fits[0][0] < 2:
        return None
    alt = fits[0][2]
    answer = _commitment(r, alt, record)
    if answer is not None and answer[0] == SUPPORTED and (len(fits) < 2 or fits[1][0] < fits[0][0]):
        return answer
    return (
        NOT_IN_RECORD,
        f"The claim fits {quote(c)}, owed by another side, and {quote(alt)} as well. {NOT_FALSE}",
        [],
    )


def _promised(r: Reading) -> bool:
    """The claim's deed is what someone promised to do: a word of promising before it
    ("promised to install", "обещал установить"), or the deed in a future form
    ("quraşdıracağını vəd edib")."""
    toks = fold(r.claim.text).split()
    promise, deed = position(toks, r.lang.words("promised")), position(toks, r.lang.words("done"))
    if promise is None or deed is None:
        return False
    future = tuple(r.lang.words("future_suffixes"))
    return promise < deed or (bool(future) and any(x in toks[deed] for x in future))


def _reported_in_time(r: Reading, c: Fact) -> Answer | None:
    """When a commitment was reported done, against its due time ("handed in late",
    "delivered ahead of the deadline") or the day the claim says it was done (a report
    on 20 April says it was not done on 24 April; done on 18 April it may well have been)."""
    w, a = r.words, c.attrs
    at, due_at = a.get("reported_at"), a.get("due_at")
    if at is None or due_at is None or not (w["done"] or w["overdue"]):
        return None
    # ("never handed over" is said with a word of lateness too: not done, not done late;
    # "came back four days late" of one reported done: done late)
    late = (
        w["overdue"]
        and not r.negated
        and (w["done"] or a["state"] in ("reported", "confirmed", "disputed"))
    )
    early = has(r.claim.text, r.lang.words("on_time"))
    was_late = at > due_at
    when = f"reported done {at.astimezone(due_at.tzinfo):%-d %B %Y, %H:%M}"
    if late != early:
        ok = was_late == late
        return (
            (SUPPORTED if ok != r.negated else CONTRADICTED),
            f"Due {due_at:%-d %B %Y, %H:%M}, {when}: {quote(c)}.",
            [c],
        )
    days = [x for x in r.dates if x.first is not None and x.last is not None]
    if days and w["done"] and not has(r.claim.text, r.lang.words("due")) and not r.negated:
        day = at.astimezone(due_at.tzinfo).date()
        if any(x.holds(day) for x in days):
            return SUPPORTED, f"{when.capitalize()}: {quote(c)}.", [c]
        if all(x.first is not None and x.first > day for x in days):
            # ("the hotline opened on 15 December" is no day for "Answer the hotline
            # report": a claim of a deed done on a day names this deed, or fulfilment)
            if not (_action(c) & r.stems or has(r.claim.text, r.lang.words("fulfilled"))):
                return (
                    NOT_IN_RECORD,
                    f"The closest record item is {quote(c)}, {when}; the claim may tell of "
                    f"another deed. {NOT_FALSE}",
                    [],
                )
            return CONTRADICTED, f"Already {when}: {quote(c)}.", [c]
    return None


def _best(
    r: Reading,
    facts: list[Fact],
    record: Record | None = None,
    ties: list[Fact] | None = None,
    loose: set[str] | None = None,
    sizes: dict[str, float] | None = None,
) -> tuple[float, Fact] | None:
    """The fact whose words the claim shares most — stems in the same language, names
    by phonetic key across languages — weighted by how few facts share each word: two
    words, or one only that fact has and which is not a place or side name (those say
    where and who, not what)."""
    if not facts:
        return None
    df: dict[str, int] = {}
    for f in facts:
        for s in f.attrs.get("words", ()):
            df[s] = df.get(s, 0) + 1
    names: set[str] = set() if record is None else record_names(record)
    best: tuple[float, float, Fact] | None = None
    plain: dict[tuple[str, str], bool] = {}
    placing: dict[tuple[str, str], bool] = {}
    tied: list[tuple[Fact, int, float, int]] = []

    memo: dict[str, bool] = record.cache.setdefault("named", {}) if record is not None else {}

    def named(k: str) -> bool:
        if k not in memo:
            memo[k] = k in names or any(same(k, x) or same(x, k) for x in names)
        return memo[k]

    verbs = _verb_stems(r.lang) | _verb_stems(load("en"))
    negation = {r.lang.stem(w) for w in r.lang.words("negation") if " " not in w}
    long_keys = [k for k in r.keys if len(k) >= 3 and not named(k) and k not in negation]
    # what happened, not, and when; and who ("a side", "the delegation"), no topic
    ignored = verbs | negation | _calendar(r.lang.code) | NO_TOPIC
    stems_ = {s for s in r.stems if not named(key(s, "en")) and s not in ignored}
    content = len({s for s in stems_ if not s.startswith("@")})
    proper = proper_keys(r)
    where = _where(r)
    # a number the claim says, in digits or words ("fourteen patients"), and the fact's text
    counts = _amounts(r)
    # (by kind and key: an item and its minutes share a key, not a text)
    figures: dict[tuple[str, str], set[float]] = (
        record.cache.setdefault("figures", {}) if record else {}
    )
    for f in facts:
        fw = {s for s in f.attrs.get("words", set()) if s not in ignored}
        if not fw:
            continue
        hit, n = 0.0, 0
        shared: set[str] = set()
        for s in fw:
            if named(key(s, "en")):
                continue
            if s in stems_ or any(same(k, key(s, "en")) for k in long_keys):
                hit += 1.0 / df.get(s, 1)
                n += 1
                shared.add(s)
        # (a sum over a set: rounded, or its order, which string hashing changes from
        # run to run, would make equal scores unequal in the last bit)
        hit = round(hit, 9)
        # a place the claim names by its proper name is this fact's ("the Karmrakar
        # visit"; not "mosques" for "the Juma mosque of Şıxlar"): one more word
        placed = bool(n) and any(
            named(key(s, "en")) and any(same(k, key(s, "en")) for k in proper) for s in fw
        )
        if n < 2 and not (n == 1 and hit >= 0.99):
            continue
        fk = (f.kind, f.key)
        if counts and fk not in figures:
            figures[fk] = numbers_in(f.attrs.get("plain", ""))
        counted = bool(counts) and bool(counts & figures[fk])  # "the list of 14 patients"
        n += placed + counted
        same_language = f.attrs.get("lang", "en") == r.lang.code
        said = _once(shared, r.lang) + placed + counted  # "supply" and @supply are said once
        if same_language and content and said * 2 <= content:
            continue  # in one language, most of what the claim names must be the fact's
        total = round(sum(1.0 / df.get(s, 1) for s in sorted(fw)), 9)
        cover = hit / total if total else 0.0
        plain[fk] = any(not s.startswith("@") for s in shared)
        what = shared - where
        if len(shared & where) > 1:  # "at Sünbüllü Regional Hospital" says where once
            n -= len(shared & where) - 1
        placing[fk] = (
            len(what) < 2
            and not any(not s.startswith("@") for s in what)
            and not (_action(f) & r.stems)
        )
        tied.append((f, n, hit, said))
        if best is None or (n, hit, cover) > (best[0], best[1], 0):
            best = (float(n), hit, f)
    if best is None:
        return None
    f = best[2]
    level = [(g, said) for g, n, hit, said in tied if (n, hit) == best[:2]]
    # named by where alone, and one general concept at most ("the herder released at the
    # Sarıbulaq crossing" is not "return the flock at the Sarıbulaq crossing"): what
    # happened there may be another thing, so the match may support, never refute
    if loose is not None and all(placing[g.kind, g.key] for g, _ in level):
        loose.update(g.key for g, _ in level)
    if sizes is not None:  # (a weak match below is still this close)
        sizes.update((g.key, best[0]) for g, _ in level)
    # as many words shared with another fact of the same kind: the side the claim names
    # decides ("the Vardenik side undertook to clear the orchard road" — two commitments
    # about the orchard road, one Vardenik's)
    # (a side that confirms or disputes a report is not the side that owes it)
    other = r.words["confirmed"] or r.words["disputed"]
    owned = [g for g, said in level if bool(_whose(g) & set(r.sides)) != other and said >= 2]
    actor = subject(r, record) if record is not None and other else None
    if actor is not None and len(owned) != 1:  # "Daşqala has not confirmed Tavrush's files"
        owned = [g for g, said in level if _whose(g) and actor not in _whose(g)]
    one_kind = len({g.kind for g, _ in level}) == 1
    if one_kind and len(owned) == 1:
        f = owned[0]
    elif one_kind and len(level) > 1:
        # still level (two commitments of one side about cemeteries, the claim in another
        # language than their text): the day the claim names picks one; if none does,
        # which is meant is not sure: the match is weak, and ``ties`` gets them all (a
        # contradiction every one of them gives holds whichever is meant)
        # (a day picks which one it may support, never one to refute: the claim's
        # words do not tell them apart, so its topic may be another's)
        dated = [
            g
            for g in owned or [g for g, _ in level]
            if _on_day(r, g) or (record is not None and _of_nth_meeting(r, record, g))
        ]
        if len(dated) != 1 and ties is not None:
            ties.extend(owned or [g for g, _ in level])
        return (1.0, dated[0] if len(dated) == 1 else f)
    whose = _whose(f) & set(r.sides)
    rivals = [g for g, n, _, _ in tied if g is not f and n >= best[0]]
    if not plain[f.kind, f.key] and best[0] < 3 and (not whose or rivals):
        # by one or two general concepts alone (a claim in another language than the
        # record's text, with no word in common), and not naming whose it is or sharing
        # as much with another: which fact is meant is not sure, so the match may support
        # but never refute (``weak``)
        return (1.0, f)
    return (best[0], f)


NO_TOPIC = frozenset({"@party", "@delegation"})
"""Concepts that say who took part, never which item or commitment a claim is about."""


def _where(r: Reading) -> set[str]:
    """The words beside a place's proper name in the claim that are words of that place's
    name in the record ("released at the Sarıbulaq crossing": "cross", @crossing — the
    record's place is "Sarıbulaq crossing point"): with the name, they say where, not
    what. (A word of the place's name away from it — "removed the fence at Keshishkend",
    the venue "Keshishkend field, at the fence" — says what.)"""
    proper = proper_keys(r)
    if not proper:
        return set()
    toks = [w.strip(PUNCT) for w in r.claim.text.split()]
    at = [
        i
        for i, w in enumerate(toks)
        if w[:1].isupper() and any(same(key(w, r.lang.code), k) for k in proper)
    ]
    named = set().union(*(_place_words(p.name) for p in r.places))

    def of_place(j: int) -> bool:
        return 0 <= j < len(toks) and bool(_words_of_token(toks[j], r.lang.code) & named)

    stop = set(r.lang.words("stop"))

    def step(j: int, by: int) -> int | None:
        """The next word of the place's name from j on (over one small word: "the
        tailings dam at Mişarlı"), or None."""
        if of_place(j + by) and j + by not in at:
            return j + by
        if 0 <= j + by < len(toks) and lower(toks[j + by]) in stop and of_place(j + 2 * by):
            return j + 2 * by if j + 2 * by not in at else None
        return None

    spans = []
    for i in at:  # the name and the words of its place on either side ("crossing point")
        first, last = i, i
        while (j := step(first, -1)) is not None:
            first = j
        while (j := step(last, 1)) is not None:
            last = j
        spans.append(" ".join(toks[first : last + 1]))
    span = " ".join(spans)
    return (stems(span, r.lang, set()) | concepts(span, r.lang) | concepts(span, load("en"))) & (
        named
    ) | proper


def _action(f: Fact) -> frozenset[str]:
    """What a commitment's owner is to do: the stem and concepts of its text's first word
    ("Repair the gas valve station at Kalinovka": "repair", @repair). A claim that says
    it is about that, wherever ("the repair of the Kalinovka valve")."""
    if f.kind != "commitment" or not (first := tokens(f.attrs.get("plain", ""))[:1]):
        return frozenset()
    return _words_of_token(first[0], code_of(f.attrs["plain"]))


@lru_cache(maxsize=65536)
def _words_of_token(token: str, code: str) -> frozenset[str]:
    """A word's stem and the concepts it names (:func:`_word_concepts`)."""
    return frozenset(stems(token, load(code), set())) | _word_concepts(token, code)


def _proper_places(r: Reading) -> list[Place]:
    proper = proper_keys(r)
    return [p for p in r.places if any(same(k, pk) for k in proper for pk in p.keys)]


def _of_nth_meeting(r: Reading, record: Record, f: Fact) -> bool:
    """The fact is of the meeting the claim names by its order ("the second meeting")."""
    nth = _nth_held(record, r.ordinal) if r.ordinal else None
    return (
        nth is not None
        and bool(f.attrs.get("meeting"))
        and f.attrs["meeting"] == nth.attrs["meeting"]
    )


def _on_day(r: Reading, f: Fact) -> bool:
    """The claim names a day of the fact: its due day, a day it was held, sent."""
    a = f.attrs
    days = {a.get("due"), *a.get("days", ())}
    days |= {a[k].date() for k in ("sent", "reported_at") if a.get(k)}
    return any(w.holds(d) for w in r.dates for d in days if d is not None)


def _whose(f: Fact) -> set[str]:
    return {str(x) for x in (f.attrs.get("owner"), f.attrs.get("raised_by")) if x}


def _once(shared: set[str], lang: Lang) -> int:
    """How many things the shared words say: a word and the concept it names count once."""
    plain = {w for w in shared if not w.startswith("@")}
    echoed = set().union(*(_word_concepts(w, lang.code) for w in plain))
    # one word in two forms ("herd", "herder") is said once
    forms = {w for w in plain if any(o != w and len(o) >= 4 and w.startswith(o) for o in plain)}
    return len(plain - forms) + len({w for w in shared if w.startswith("@")} - echoed)


@lru_cache(maxsize=4096)
def _place_words(name: str) -> frozenset[str]:
    """The stems and concepts of a place's name ("Sarıbulaq crossing point": "cross",
    @crossing), in its language or in English."""
    en = load("en")  # (a name's language is not always told right: "Sarıbulaq crossing")
    return frozenset(words_of(name) | stems(name, en, set()) | concepts(name, en))


@lru_cache(maxsize=65536)
def _word_concepts(word: str, code: str) -> frozenset[str]:
    """The concepts one word names, in its language or in English."""
    return frozenset(concepts(word, load(code)) | concepts(word, load("en")))


def _plainly_named(r: Reading, f: Fact) -> bool:
    """The claim shares two of the fact's own words (concepts aside) when both are in one
    language: enough to hang a due day or an agreement on ("the corridor was due to open"
    does not name "guarantees for the corridor"); across languages the match stands."""
    if code_of(f.attrs.get("plain", f.text)) != r.lang.code:
        return True
    if "title" in f.attrs:  # an item by its title: two of its words, or half of them
        title = {w for w in words_of(f.attrs["title"]) if not w.startswith("@")}
        shared = title & r.stems
        return len(shared) >= 2 or (bool(title) and len(shared) * 2 >= len(title))
    return len({w for w in f.attrs.get("words", set()) if not w.startswith("@")} & r.stems) >= 2


def _verb_stems(lang: Lang) -> frozenset[str]:
    """Stems of the language's own words of negotiation ("discussed", "agreed", "met"):
    they say what happened to a topic, never which topic."""
    return _verbs(lang.code)


@cache
def _verbs(code: str) -> frozenset[str]:
    lang = load(code)
    return frozenset(
        lang.stem(w)
        for k in _VERB_KINDS
        for w in lang.words(k)
        if " " not in w.strip()
    )  # fmt: skip


@cache
def _calendar(code: str) -> frozenset[str]:
    """Stems of the language's month and weekday names, parts of a month ("end of",
    "mid") and units of time ("hours"): they say when, not what."""
    lang = load(code)
    spans = [p for w in lang.data.get("date_ranges", {}) for p in lower(w).split()]
    units = [w for ws in lang.data.get("duration_units", {}).values() for w in ws if len(w) > 3]
    return frozenset(lang.stem(w) for w in (*lang.months, *lang.weekdays, *spans, *units))


def _closest(text: str, facts: list[Fact], record: Record, embedder: Embedder) -> Fact | None:
    """The fact closest in meaning to a claim, if the model is loaded and the fact is
    both close enough and clearly closer than the runner-up."""
    if not facts:
        return None
    k = (embedder.name, tuple((x.kind, x.key) for x in facts))
    if k not in record.cache:
        record.cache[k] = embedder.embed([x.attrs.get("plain", x.text) for x in facts], False)
    sims = record.cache[k] @ embedder.embed([text], True)[0]
    order = sorted(range(len(facts)), key=lambda i: -float(sims[i]))
    best = float(sims[order[0]])
    second = float(sims[order[1]]) if len(order) > 1 else -1.0
    if best >= embedder.threshold and best - second >= embedder.margin:
        return facts[order[0]]
    return None


def content_words(text: str) -> set[str]:
    """A text's stems without its language's stop words: what repeats are compared by."""
    from parley.claims.lang import detect

    code = detect(text)
    lang = load(code if code in ("en", "ru", "hy", "az") else "en")
    return stems(text, lang, set(lang.words("stop")))


__all__ = ["Verdict", "check_claim", "check_statement", "content_words", "read"]
