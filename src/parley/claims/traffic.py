"""Messages as facts: who sent what to whom, at which priority and when, who acknowledged
it and how soon, whether the mediator relayed it — and claims about them ("Kestan sent a
flash alert about fire at post 14", "Arvenia acknowledged it within five minutes",
"Dalvan left the request unanswered", "the Mission passed it on within the hour").

A channel may hold a great many messages: their facts are built on the first claim
about a message (:func:`message_facts` is given to the record lazily), from every flash
and urgent message and the latest :data:`RECENT` others. What a message *says* is only
matched (which message a claim means), never judged: "Arvenia admitted its soldiers
opened fire" is not decided by a message's text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from functools import cache
from typing import TYPE_CHECKING, Any

from parley.claims.facts import Fact, code_of, words_of
from parley.claims.lang import load, lower
from parley.claims.reading import (
    CONTRADICTED,
    SUPPORTED,
    Answer,
    Reading,
    points_back,
    proper_keys,
    quote,
    record_names,
)
from parley.claims.text import (
    close,
    dates_in,
    days_in,
    has,
    key,
    length_in,
    month,
    number_words,
    same,
    tokens,
)
from parley.model.messages import MESSAGES, RECEIPTS
from parley.model.state import ChannelState

if TYPE_CHECKING:
    from parley.claims.record import Record

IMMEDIATELY = timedelta(minutes=30)
"""The longest an acknowledgement said to come "immediately" may have taken."""
RECENT = 2000
"""Routine messages a claim is checked against: the latest this many."""


def message_facts(state: ChannelState, is_public: Callable[..., bool], tz: tzinfo) -> list[Fact]:
    names = {s: side.name for s, side in state.sides.items()}
    msgs = sorted(state[MESSAGES].values(), key=lambda m: m.seq)
    routine = [m for m in msgs if m.priority not in ("flash", "urgent")][-RECENT:]
    keep = {m.id for m in routine} | {m.id for m in msgs if m.priority in ("flash", "urgent")}
    acks: dict[str, tuple[datetime, str, str]] = {}
    for rc in state[RECEIPTS].values():
        if rc.kind == "acknowledged" and (rc.message not in acks or rc.at < acks[rc.message][0]):
            acks[rc.message] = (rc.at, rc.side, rc.entry_id)
    relays = {m.relay_of: m for m in msgs if m.relay_of is not None}
    out = []
    for m in msgs:
        if m.id not in keep:
            continue
        sent = m.sent_time.astimezone(tz)
        ack = acks.get(m.id)
        relay = relays.get(m.id)
        text = (
            f"{m.priority} message from {names.get(m.sender_side, m.sender_side)} to "
            f"{names.get(m.to, m.to)}, sent {sent:%-d %B %Y, %H:%M}: “{m.subject}”"
        )
        if ack is not None:
            text += f"; acknowledged {ack[0].astimezone(tz):%-d %B %H:%M}"
        elif m.answered_at is None:
            text += "; not acknowledged"
        if m.answered_at is not None:
            text += "; answered"
        if relay is not None:
            text += f"; relayed by the mediator at {relay.sent_time.astimezone(tz):%H:%M}"
        entries = (m.id, *((ack[2],) if ack else ()), *((relay.id,) if relay else ()))
        out.append(
            Fact(
                "message",
                m.id,
                text,
                entries,
                is_public(m.id),
                {
                    "from": m.sender_side,
                    "to": m.to,
                    "priority": m.priority,
                    "sent": sent,
                    "acked": ack[0].astimezone(tz) if ack else None,
                    "answered": m.answered_at is not None,
                    "overdue": ack is None and m.answered_at is None and m.escalated_at is not None,
                    "relay_of": m.relay_of,
                    "relayed": relay.sent_time.astimezone(tz) if relay else None,
                    "words": words_of(m.subject, m.text),
                    "about": _days_named(m.subject, sent.year),
                },
            )
        )
    return out


def _days_named(subject: str, year: int) -> frozenset[date]:
    """The days a message's subject names ("Notice of ground spraying, Wednesday 3 May"):
    a claim naming one of them may mean the message about that day, sent on another."""
    return frozenset(
        w.first
        for w in dates_in(subject, load(code_of(subject)), year)
        if w.first is not None and w.first == w.last
    )


def about_a_message(r: Reading) -> bool:
    """Named as a message, or at a message's priority ("flash", or "urgent" with an act on
    a message), or acknowledged within a time ("the line test was acknowledged within ten
    minutes"), or its receipt acknowledged on a day or at a time ("Aspanik acknowledged
    the 19 January report": then :func:`check` needs the message named clearly)."""
    if _named_as_message(r):
        return True
    return has(r.claim.text, r.lang.words("acknowledged_receipt")) and bool(r.dates or r.times)


def _named_as_message(r: Reading) -> bool:
    if has(r.claim.text, r.lang.words("message_words")):
        return True
    said = _priority(r)  # "flash" is a message's; "urgent cases", "routine checks" need
    if "flash" in said or (said and (follows(r) or r.words["received"])):  # a message's act
        return True
    timed = _within(r) or _after(r) or _longer(r)
    return timed is not None and has(r.claim.text, r.lang.words("acknowledged"))


def follows(r: Reading) -> bool:
    """A claim of acknowledging, answering, ignoring or passing on, which may be about
    the message the claim before it named ("Tsaghkan acknowledged it two minutes later")."""
    return any(has(r.claim.text, r.lang.words(k)) for k in ("acknowledged", "ignored", "relayed"))


def check(r: Reading, record: Record, context: Fact | None = None) -> Answer | None:
    """A claim about a message: which one (by its words, sender and recipient), then what
    the claim says of it — sent (priority, day), acknowledged (how soon), ignored,
    relayed."""
    pool = record.of("message")
    if not pool:
        return None
    w = r.words
    ack_claim = w["confirmed"] or has(r.claim.text, r.lang.words("acknowledged"))
    ignored = has(r.claim.text, r.lang.words("ignored"))
    relayed = has(r.claim.text, r.lang.words("relayed"))
    named_before = context is not None and context.kind == "message"
    if not named_before and points_back(r, first=True) and follows(r):
        return None  # "That acknowledgement came late": of a message the claim before named
    copy = relayed and ack_claim and not ignored
    if copy:  # "Çinarbel acknowledged the relayed complaint": the copy the mediator passed on
        relayed, pool = False, [m for m in pool if m.attrs["relay_of"] is not None]
        if not pool:
            return None
    m, score, sender, recipient, pool = _message(
        r, record, pool, ack_claim, ignored, relayed, context
    )
    if m is None and copy:  # the one copy the mediator passed on to the side it names
        copies = [
            x for x in pool if x.attrs["to"] == recipient and (not r.dates or _sent_on_day(r, x))
        ]
        m, score = (copies[0], 3.0) if len(copies) == 1 else (None, 0.0)
    if m is None:
        return None
    if score < 3 and not _named_as_message(r) and not named_before:
        return None  # "acknowledged the report on 3 May": a message only if its words say which
    a = m.attrs
    if relayed:
        if a["relayed"] is None:
            return (
                (SUPPORTED if r.negated else CONTRADICTED),
                f"Not relayed: {quote(m)}.",
                [m],
            )
        limit = _within(r)
        ok = limit is None or a["relayed"] - a["sent"] <= limit
        return (SUPPORTED if ok != r.negated else CONTRADICTED), f"Record: {quote(m)}.", [m]
    if ignored or (r.negated and (ack_claim or w["received"])):
        answered = a["acked"] is not None or a["answered"]
        if answered:
            return CONTRADICTED, f"Acknowledged: {quote(m)}.", [m]
        return SUPPORTED, f"Never acknowledged nor answered: {quote(m)}.", [m]
    if ack_claim:
        if a["acked"] is None:
            if a["answered"]:
                return None  # answered by a message: when, the claim may mean either
            # acknowledging is an act in the record: none there is none made
            return CONTRADICTED, f"Never acknowledged: {quote(m)}.", [m]
        copies = [m]
        if has(r.claim.text, r.lang.words("all_sides")):
            # "both sides acknowledged the test": every copy of a message sent to several
            copies = [
                x
                for x in pool
                if (x.attrs["from"], x.attrs["words"]) == (a["from"], a["words"])
                and abs(x.attrs["sent"] - a["sent"]) <= timedelta(minutes=1)
            ]
        ok = all(_acknowledged_as_said(r, x.attrs) for x in copies)
        if not ok and _another_fits(r, pool, m, sender, recipient):
            return None  # which of that day's messages between them is meant is not sure
        return (SUPPORTED if ok else CONTRADICTED), f"Record: {quote(m)}.", copies
    said = _priority(r)
    if said and a["priority"] not in said and not (said == {"urgent"} and a["priority"] == "flash"):
        # "urgently warned" of a flash message is common speech; "flash" of an urgent one
        # is not
        return (
            (SUPPORTED if r.negated else CONTRADICTED),
            f"Priority {a['priority']}: {quote(m)}.",
            [m],
        )
    if r.dates and not _sent_on_day(r, m) and not _about_day(r, m):
        if (sender is None and recipient is None) or score < 3 or _day_it_is_for(r):
            # "a test call went through on 21 March", "Getahovit issued the drinking-water
            # warning on 16 March": named by a word or two, it may be another message, or
            # no message (a commitment's warning)
            return None
        return (
            (SUPPORTED if r.negated else CONTRADICTED),
            f"Sent {a['sent']:%-d %B %Y}: {quote(m)}.",
            [m],
        )
    if r.negated:  # "has not yet responded" in words not read as answering: not "never sent"
        return None
    return SUPPORTED, f"Record: {quote(m)}.", [m]


def _message(
    r: Reading,
    record: Record,
    pool: list[Fact],
    ack_claim: bool,
    ignored: bool,
    relayed: bool,
    context: Fact | None,
) -> tuple[Fact | None, float, str | None, str | None, list[Fact]]:
    """Which message the claim is about and how clearly its words name it (a score), who
    the claim says sent it and who got it, and the messages it was chosen among: the
    sides in the claim's order (or the other way when the day or the words say so), the
    possessive sender, the message just named (``context``) for a follow-on claim, one
    the mediator did relay for a claim of relaying."""
    w = r.words
    sides: list[str | None] = list(_sides_in_order(r, record))
    sender: str | None = None
    recipient: str | None = None
    owned = False  # the sender named by a possessive: who acted is not in question
    if ack_claim or ignored or w["received"]:
        recipient, sender = [*sides, None, None][:2]
        owner = _possessor(r, record)
        if owner is not None and owner in sides:  # "Hayrenadzor's note was acknowledged"
            sender, recipient = owner, next((s for s in sides if s != owner), None)
            owned = True
    elif relayed:
        recipient = sides[0] if sides else None
        # "the Mission relayed Yaşılyurd's request to Aregnadem": a message to the
        # mediator from one of the parties the claim names (the other is who got it)
        parties = {s for s in sides if s is not None and s != record.mediator}
        pool = [m for m in pool if not parties or m.attrs["from"] in parties] or pool
        # of the messages its words fit, one the mediator did relay is the one meant
        passed = [m for m in pool if m.attrs["relayed"] is not None]
        if passed and _scored(r, record, passed, None, recipient, True) is not None:
            pool = passed
    else:
        sender, recipient = [*sides, None, None][:2]
    follow_on = relayed or ack_claim or ignored or len(r.stems) <= 5
    m: Fact | None
    score = 100.0  # how clearly the claim names the message
    if context is not None and context.kind == "message" and points_back(r, first=True):
        m = context  # "That acknowledgement came late": the message just named, whatever else
    elif context is not None and context.kind == "message" and follow_on:
        # "Tsaghkan acknowledged it two minutes later": the message just named, unless the
        # claim names another by its own words
        m = _which(r, record, pool, sender, recipient, relayed, strict=True) or context
    else:
        found = _scored(r, record, pool, sender, recipient, relayed)
        either = (
            _scored(r, record, pool, None, recipient, relayed)
            if sender is not None and recipient is not None
            else None
        )
        if sender is not None and recipient is not None and not owned:
            # "Dəmirli's correction was acknowledged by the mission", "Getahovit's message
            # of 20 July Dəmirli never acknowledged": the order of the sides is not always
            # who acted; the day, else the words, name the message
            other = _scored(r, record, pool, recipient, sender, relayed)
            if (
                other is not None
                and (not r.dates or _sent_on_day(r, other[1]))
                and (
                    found is None
                    or _sent_on_day(r, other[1]) > _sent_on_day(r, found[1])
                    or other[0] >= found[0] + 2
                )
            ):
                found, sender, recipient = other, recipient, sender
            # a side named by a word of its name that is also the topic ("the death
            # record" and the "Civil Records" mission): a message that shares much more
            # with the claim, from whoever, is the one meant
            if either is not None and either[0] >= max(3.0, (found[0] if found else 0.0) + 2):
                found, sender, recipient = either, None, either[1].attrs["to"]
        m, score = found[1] if found is not None else None, found[0] if found else 0.0
    return m, score, sender, recipient, pool


def _acknowledged_as_said(r: Reading, a: dict[str, Any]) -> bool:
    """The message was acknowledged as soon (or as late, or on the day) as the claim says."""
    if a["acked"] is None:
        return False
    # to the minute, as the record shows times: 2 min 40 s is "within two minutes"
    took = timedelta(minutes=int((a["acked"] - a["sent"]).total_seconds() // 60))
    limit, after, longer = _within(r), _after(r), _longer(r)
    if after is not None and longer is None and has(r.claim.text, r.lang.words("deadline")):
        longer, after = after, None  # "after the 24-hour deadline": later than that, not about
    ok = limit is None or took <= limit
    if has(r.claim.text, r.lang.words("immediately")):  # "acknowledged it at once"
        ok = ok and took <= IMMEDIATELY
    if longer is not None:  # "more than an hour after it was sent"
        ok, after = ok and took > longer, None
    if after is not None:  # "two minutes later": about that long
        ok = ok and after / 2 - timedelta(minutes=1) <= took <= after * 1.5 + timedelta(minutes=1)
    if r.dates and not any(
        d.holds(day) for d in r.dates for day in (a["acked"].date(), *a.get("about", ()))
    ):
        ok = False  # (the day it was acknowledged, or the day it was about)
    if has(r.claim.text, r.lang.words("next_day")):  # "only the next day"
        ok = ok and a["acked"].date() > a["sent"].date()
    return bool(ok)


def _another_fits(
    r: Reading, pool: list[Fact], m: Fact, sender: str | None, recipient: str | None
) -> bool:
    """Another message of the day the claim names, between the sides it names (either
    way), was acknowledged as the claim says: the words chose ``m``, but a claim in
    another language than the messages' may mean that one."""
    if not r.dates:
        return False
    named = {s for s in (sender, recipient) if s is not None}
    return any(
        x is not m
        and (_sent_on_day(r, x) or _about_day(r, x) or _day_it_is_for(r))
        and named <= {x.attrs["from"], x.attrs["to"]}
        and _acknowledged_as_said(r, x.attrs)
        for x in pool
    )


def _day_it_is_for(r: Reading) -> bool:
    """The claim's day is what a message is about, not when it was sent ("the notice for
    20 April", "уведомление на 3 мая", "aprelin 20-si üçün")."""
    toks = tokens(r.claim.text)
    lang = r.lang
    before = {lower(w) for w in lang.words("date_for_before")}
    after = {lower(w) for w in lang.words("date_for_after")}
    for i, t in enumerate(toks):
        if month(t, lang) is None:
            continue
        near_before = toks[max(0, i - 2) : i]
        near_after = toks[i + 1 : i + 3]
        if before & set(near_before) or after & set(near_after):
            return True
    return False


def _sent_on_day(r: Reading, m: Fact) -> bool:
    """The message was sent on a day the claim names."""
    return any(d.holds(m.attrs["sent"].date()) for d in r.dates)


def _about_day(r: Reading, m: Fact) -> bool:
    """The message's subject names a day the claim names ("the notice for 3 May")."""
    return any(d.holds(day) for d in r.dates for day in m.attrs.get("about", ()))


def _which(
    r: Reading,
    record: Record,
    pool: list[Fact],
    sender: str | None,
    recipient: str | None,
    relayed: bool,
    strict: bool = False,
) -> Fact | None:
    found = _scored(r, record, pool, sender, recipient, relayed, strict)
    return found[1] if found is not None else None


def _scored(
    r: Reading,
    record: Record,
    pool: list[Fact],
    sender: str | None,
    recipient: str | None,
    relayed: bool,
    strict: bool = False,
) -> tuple[float, Fact] | None:
    """The one message the claim means: sent by the claim's sender (to its recipient),
    sharing the most of the claim's words (two at least, or one with the same priority),
    and how many it shares; None when two fit as well."""
    if relayed:
        pool = [m for m in pool if m.attrs["to"] == record.mediator]
    if sender is not None:
        pool = [m for m in pool if m.attrs["from"] == sender]
    if recipient is not None and not relayed:
        pool = [m for m in pool if m.attrs["to"] == recipient or m.attrs["from"] == recipient]
    said = _priority(r)
    day_pick: Fact | None = None
    if r.dates:  # a day names the message
        on_day = [m for m in pool if _sent_on_day(r, m) or _about_day(r, m)]
        fits = [m for m in on_day if not said or m.attrs["priority"] in said]
        if len(fits) == 1 and (sender is not None or (recipient is not None and said)):
            # the one message the sender sent that day (at that priority), or the one
            # urgent message the recipient had that day
            day_pick = fits[0]
        pool = on_day or pool
    names = record_names(record)
    units = tuple(w for ws in r.lang.data.get("duration_units", {}).values() for w in ws)
    sides = set().union(*record.sides.values()) if record.sides else set()
    kinds = {r.lang.stem(w.strip()) for w in r.lang.words("message_words") if " " not in w.strip()}
    acts = _acts(r.lang.code)  # "acknowledged", "received": what was done with it, not which
    claim = {
        x
        for x in (
            *(x for x in r.stems if not _is_act(x, acts)),
            *(
                key(t, r.lang.code)
                for t in tokens(r.claim.text)
                if len(t) >= 4 and not _is_act(t, acts) and not _is_unit(t, units)
            ),
        )
        if not _is_unit(x, units)  # "two minutes later" names no message
        and x not in kinds  # "the call", "the message": a message, not which one
        and (not x.startswith("@") or r.lang.code != "en")  # concepts: across languages
        and x not in ("@party", "@delegation")  # who, not what
        and not any(same(x, k) or same(k, x) for k in sides)  # who, not which message
    }
    df: dict[str, int] = {}
    for m in pool:
        for x in m.attrs["words"]:
            df[x] = df.get(x, 0) + 1
    # a place the claim names by its proper name ("Бозъял") tells two messages apart
    # once they share something else ("the urgent message about the cows on the Bozyal
    # pasture"); a kind of place ("forest") does not, nor a place alone
    proper = proper_keys(r, record.place_kinds)
    scored = []
    plain: dict[str, bool] = {}
    for m in pool:
        shared = {
            x
            for x in m.attrs["words"]
            if key(x, "en") not in names
            and (x in claim or (len(x) >= 4 and any(same(k, key(x, "en")) for k in claim if len(k) >= 4)))
        }  # fmt: skip
        # a word only this message has ("livestock") names it as well as two
        n = sum(2 if df[x] == 1 and not x.startswith("@") else 1 for x in shared)
        # ("urgently warned" of a flash message is common speech)
        urgent_flash = said == {"urgent"} and m.attrs["priority"] == "flash"
        n += 1 if said and (m.attrs["priority"] in said or urgent_flash) else 0
        if n and (_at_its_time(r, m) or _as_long_as(r, m)):
            n += 2  # "acknowledged at 08:25", "an hour and twenty minutes after it was sent"
        if n and r.dates and _sent_on_day(r, m):  # "the test message of 25 May"
            n += 1
        if (
            n
            and proper
            and any(
                any(same(k, key(x, "en")) for k in proper)
                for x in m.attrs["words"]
                if key(x, "en") in names
            )
        ):
            n += 1
        scored.append((n, m))
        plain[m.key] = any(not x.startswith("@") for x in shared)
    scored.sort(key=lambda x: -x[0])
    if day_pick is not None:  # (its words tell it from another side's pick)
        return 100.0 + next(n for n, m in scored if m is day_pick), day_pick
    both = sender is not None and recipient is not None
    if not scored or scored[0][0] < (3 if strict else 1 if both else 2):
        return None
    top = [m for n, m in scored if n == scored[0][0]]
    first = top[0]
    if any(
        m.attrs["from"] != first.attrs["from"] or m.attrs["words"] != first.attrs["words"]
        for m in top[1:]
    ):
        return None  # two different messages fit as well
    if not plain[first.key] and not both:
        return None  # by general concepts alone, and from no side the claim names
    return scored[0][0], first  # one message, or one sent to several sides


def _as_long_as(r: Reading, m: Fact) -> bool:
    """The claim says how long after sending it was acknowledged, to the minute."""
    after = _after(r)
    if after is None or m.attrs["acked"] is None:
        return False
    took: timedelta = m.attrs["acked"] - m.attrs["sent"]
    return abs(took - after) <= timedelta(minutes=1)


def _at_its_time(r: Reading, m: Fact) -> bool:
    """The claim names the minute the message was sent or acknowledged at."""
    at = [t for t in (m.attrs["sent"], m.attrs["acked"]) if t is not None]
    return any((t.hour, t.minute) == said for said in r.times for t in at)


@cache
def _acts(code: str) -> tuple[str, ...]:
    lang = load(code)
    return tuple(
        lower(w)
        for k in ("acknowledged", "ignored", "relayed", "received")
        for w in lang.words(k)
        if " " not in w.strip()
    )


def _is_unit(word: str, units: tuple[str, ...]) -> bool:
    """A unit of time in some form ("minutes", "минуты"; "min" only as itself, not "mine")."""
    return any(
        word == u
        or (len(u) >= 4 and word.startswith(u) and len(word) - len(u) <= 3)
        or (len(word) >= 4 and u.startswith(word))  # its stem ("minut")
        for u in units
    )


def _is_act(word: str, acts: tuple[str, ...]) -> bool:
    return any(word.startswith(a) or (len(word) >= 4 and a.startswith(word)) for a in acts)


def _possessor(r: Reading, record: Record) -> str | None:
    """The side a claim names in the possessive ("Hayrenadzor's note"): whose it is. Of
    two, the one after the act ("the Mission's duty officer acknowledged Aspanik's
    report": Aspanik's)."""
    marks = r.lang.words("possessive")
    acts = _acts(r.lang.code)
    found: list[str] = []
    after_act: list[str] = []
    acted = False
    for word in r.claim.text.split():
        acted = acted or _is_act(lower(word.strip('.,;:!?«»“”"')), acts)
        for mark in marks:
            if word.rstrip('.,;:!?»”"').endswith(mark) and len(word) > len(mark) + 2:
                k = key(word[: word.rindex(mark)], r.lang.code)
                for s in r.sides:
                    if any(close(k, sk) or k[:6] == sk[:6] for sk in record.sides.get(s, ())):
                        found.append(s)
                        if acted:
                            after_act.append(s)
    if len(found) > 1 and after_act:
        return after_act[0]
    return found[0] if found else None


def _sides_in_order(r: Reading, record: Record) -> list[str]:
    """The sides a claim names, in the order it names them."""
    order = []
    for s in r.sides:
        skeys = record.sides.get(s, frozenset())
        pos = next(
            (i for i, k in enumerate(r.keys) if any(same(k, sk) for sk in skeys)),
            99,
        )
        order.append((pos, s))
    if r.words["mediator"] and record.mediator and record.mediator not in r.sides:
        # "the mediator acknowledged Yaşılova's objection": the mediator by its word
        words = r.lang.words("mediator")
        pos = next((i for i, t in enumerate(tokens(r.claim.text)) if has(t, words)), 99)
        order.append((pos, record.mediator))
    return [s for _, s in sorted(order)]


def _priority(r: Reading) -> set[str]:
    return {p for p, words in r.lang.data.get("priority", {}).items() if has(r.claim.text, words)}


def _within(r: Reading) -> timedelta | None:
    """ "within five minutes", "within the hour", "в течение часа", "in six minutes"."""
    if not (has(r.claim.text, r.lang.words("within")) or _in_a_length(r)):
        return None
    return _length(r, few=True)


def _in_a_length(r: Reading) -> bool:
    """A word of ``in_time`` right before a number and a unit of time ("in six minutes",
    "in 2 days"), not before anything else ("in the evening", "in Korvin")."""
    toks = tokens(r.claim.text)
    marks = {lower(w) for w in r.lang.words("in_time")}
    units = [u for ws in r.lang.data.get("duration_units", {}).values() for u in ws]
    units += r.lang.words("day_units")
    numbers = number_words(r.lang)
    return any(
        t in marks
        and (toks[i + 1].isdigit() or toks[i + 1] in numbers)
        and any(toks[i + 2].startswith(u) for u in units)
        for i, t in enumerate(toks[:-2])
    )


def _longer(r: Reading) -> timedelta | None:
    """ "more than an hour", "более чем через час": at least how long."""
    if not has(r.claim.text, r.lang.words("longer_than")):
        return None
    return _length(r)


def _after(r: Reading) -> timedelta | None:
    """ "two minutes later", "через две минуты", "took three days to acknowledge": how
    long after it was sent."""
    if not has(r.claim.text, r.lang.words("after") + r.lang.words("took")):
        return None
    return _length(r)


def _length(r: Reading, few: bool = False) -> timedelta | None:
    """The length of time the claim names: hours and minutes, else whole days."""
    minutes = length_in(r.claim.text, r.lang, few)
    if minutes is None:
        minutes = days_in(r.claim.text, r.lang)
    return None if minutes is None else timedelta(minutes=minutes)


__all__ = ["RECENT", "about_a_message", "check", "follows", "message_facts"]
