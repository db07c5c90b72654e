"""The checker's typed view of a channel, built from the folded state as of a time.

Each :class:`Fact` is one typed thing the record holds — a meeting (held or agreed: its
day, time, venue, format, who attended), a proposal not agreed, an agenda item (on the
agenda, or raised and declined, with its minutes outcome), a commitment (owner, due
day, state), a published communiqué, the next meeting — with the entries it rests on
and whether all of those are public. Names of places and sides come from the record
(venues, the charter), never from code.

``as_of`` is the time the record is read at (the time of its latest entry, so the view
of one checkpoint never changes): it decides which meetings are past, which is next,
and which commitments are overdue.

``public_only=True`` builds the view a member of the public may use: facts resting on
public entries and published communiqués only, and no next-meeting slot (whether a
confidential proposal exists is itself confidential).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

from parley.claims.documents import signature_facts
from parley.claims.facts import VENUE_KINDS, Fact, Place, code_of, words_of
from parley.claims.lang import detect, load
from parley.claims.said import text_facts
from parley.claims.text import concepts, dates_in, has, key, tokens
from parley.claims.traffic import message_facts
from parley.model.commitments import COMMITMENTS
from parley.model.disclosure import COMMUNIQUES, level_now
from parley.model.entry import Disclosure
from parley.model.glossary import GLOSSARY, every_form
from parley.model.ids import EntryId
from parley.model.meetings import MEETINGS, Meeting, Proposal, meeting_start, next_meeting
from parley.model.minutes import MINUTES, signers
from parley.model.state import ENTRY_SEQ, ChannelState


@dataclass
class Record:
    channel: str
    public_only: bool
    facts: list[Fact]
    year: int
    as_of: datetime
    places: list[Place] = field(default_factory=list)
    sides: dict[str, frozenset[str]] = field(default_factory=dict)
    """Side id → phonetic keys of its id, name and its members' names and titles."""
    side_names: dict[str, str] = field(default_factory=dict)
    mediator: str = ""
    public_entries: set[str] = field(default_factory=set)
    """Entries anyone may see: evidence is marked public entry by entry."""
    cache: dict[Any, Any] = field(default_factory=dict)
    """Embeddings of facts, per model (filled by the checker on first use)."""
    members: dict[str, str] = field(default_factory=dict)
    """Every member's display name → their side: people a claim may name."""
    heads: dict[str, frozenset[str]] = field(default_factory=dict)
    """Side id → the display names of everyone who has been its head ("the head of the
    Mission" names one of them)."""
    lazy: dict[str, Callable[[], list[Fact]]] = field(default_factory=dict)
    """Facts of a kind built on first use (messages: a channel may hold very many)."""
    place_kinds: frozenset[str] = frozenset()
    """Keys of words that say what kind of place two places are ("airfield"), which name
    neither (:func:`_proper_names_only`); still words of places, not topics."""
    side_forms: list[frozenset[str]] = field(default_factory=list)
    """Each name of a side of more than one word, in every language the record has it in,
    as its words' keys ("Zarkhet Pass Monitoring Mission"): a place such a name holds is
    not a place a claim names."""

    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    """A record is shared by the service's threads: lazy facts are built once."""

    def of(self, kind: str) -> list[Fact]:
        if kind in self.lazy:
            with self._lock:  # another thread may be building them: wait, then read
                build = self.lazy.get(kind)
                if build is not None:
                    made = build()
                    self.facts.extend(f for f in made if f.public or not self.public_only)
                    del self.lazy[kind]
        return [f for f in self.facts if f.kind == kind]


_GENERIC_PLACE = {
    "the", "of", "and", "at", "in", "hotel", "office", "field", "school", "village", "town",
    "city", "hall", "building", "room", "tent", "point", "crossing", "house", "centre",
    "center", "headquarters", "hq", "base", "camp", "station", "post", "main", "old", "new",
    "near", "site", "bridge", "border", "checkpoint", "mission", "embassy", "palace",
}  # fmt: skip


def venue_keys(venue: str) -> frozenset[str]:
    """Phonetic keys of a venue's distinctive words (not "hotel", "office", "the")."""
    lang = detect(venue)
    return frozenset(key(t, lang) for t in tokens(venue) if t not in _GENERIC_PLACE and len(t) >= 3)


def venue_kinds(venue: str) -> frozenset[str]:
    """What kind of place a venue is ("Hotel Arevik": @hotel), in its own language."""
    return frozenset(concepts(venue, load(code_of(venue)))) & VENUE_KINDS


def build_record(state: ChannelState, public_only: bool, as_of: datetime) -> Record:
    ids_by_seq: dict[int, str] = {seq: eid for eid, seq in state[ENTRY_SEQ].items()}

    def is_public(*entry_ids: str) -> bool:
        return all(level_now(state, EntryId(e)) in (None, Disclosure.PUBLIC) for e in entry_ids)

    side_names: dict[str, str] = {s: side.name for s, side in state.sides.items()}
    mediator = next((s for s, side in state.sides.items() if side.kind == "mediator"), "")
    facts: list[Fact] = []
    places: dict[str, Place] = {}
    meetings = list(state[MEETINGS].values())
    reported = {  # meetings a published communiqué reports on: their basics are public
        cv.meeting: cv.entry_id
        for cq in state[COMMUNIQUES].values()
        if cq.published is not None
        for cv in cq.versions
        if cv.version == cq.published and cv.meeting
    }
    for m in meetings:
        for p in m.proposals:
            places.setdefault(p.venue, Place(p.venue, venue_keys(p.venue)))
        if m.held is not None and m.held.venue:
            places.setdefault(m.held.venue, Place(m.held.venue, venue_keys(m.held.venue)))
        facts.extend(_meeting_facts(m, as_of, side_names, is_public, reported.get(m.id)))
    minutes = _minutes_facts(state, is_public)
    opened = {(f.attrs["meeting"], f.attrs["item"]) for f in minutes if f.public}
    for m in meetings:  # an item the public minutes report on is public
        facts.extend(_item_facts(state, m, ids_by_seq, side_names, is_public, opened))
    facts.extend(minutes)
    for c in state[COMMITMENTS].values():
        added = ids_by_seq.get(c.added_seq, "")
        entries = (added, *c.events)
        st = c.state(as_of)
        answers = (c.reported, c.confirmed, c.disputed)
        facts.append(
            Fact(
                "commitment",
                c.id,
                f"commitment {c.id} of {side_names.get(c.owner, c.owner)}: “{c.text}”, due "
                f"{c.due:%-d %B %Y} — {st.replace('_', ' ')} as of {as_of:%-d %B %Y}",
                tuple(e for e in entries if e),
                is_public(added),
                {
                    "plain": c.text,
                    "owner": c.owner,
                    "state": st,
                    "due": c.due.date(),
                    "due_at": c.due,
                    "reported_at": c.reported_at,
                    "meeting": c.meeting,
                    "item": c.agenda_item,
                    "words": words_of(
                        c.text, c.id, c.agenda_item or "", *(x[2] for x in answers if x)
                    ),
                    "notes": " ".join(x[2] for x in answers if x),
                    "dispute_words": (words_of(c.disputed[2]) - words_of(c.text))
                    if c.disputed
                    else set(),
                },
            )
        )
    for cq in state[COMMUNIQUES].values():
        if cq.published is None:
            continue
        cv = next(x for x in cq.versions if x.version == cq.published)
        for lang, text in cv.texts.items():
            facts.append(
                Fact(
                    "communique",
                    f"{cq.id}/{lang}",
                    f"published communiqué {cq.id} ({lang}): “{text}”",
                    (cv.entry_id,),
                    True,
                    {"plain": text, "lang": lang, "meeting": cv.meeting, "words": words_of(text)},
                )
            )
    starts = [meeting_start(m) for m in meetings if m.proposals]
    year = max((s.year for s in starts if s <= as_of), default=as_of.year)
    for f in facts:  # what a communiqué says of days and names, read once per record
        if f.kind == "communique":
            reader = load(f.attrs["lang"] if f.attrs["lang"] in ("en", "ru", "hy", "az") else "en")
            f.attrs["days"] = {
                w.first
                for w in dates_in(f.attrs["plain"], reader, year)
                if w.first is not None and w.first == w.last
            }
            f.attrs["keys"] = {key(t, reader.code) for t in tokens(f.attrs["plain"])}
    facts.extend(signature_facts(state, is_public))
    if not public_only:
        facts.append(_next_fact(meetings, as_of, is_public))
    for f in facts:
        if "chaired" in f.attrs:  # who would chair: "without the Secretariat"
            f.attrs["chair_side"] = mediator
    # Agreed names: every form of a glossary place is the same place (a venue the record
    # names "Tarnmouth" is where a claim says "Lowtarn"), and every form of a side's
    # name names that side.
    widen, kinds_of = _glossary_places(state, places)
    for f in facts:
        if "venue_kinds" in f.attrs:  # "гостиница «Эдельвейс»" makes the lodge a hotel too
            f.attrs["venue_kinds"] = f.attrs["venue_kinds"] | kinds_of(f.attrs["venue_keys"])
        for attr in ("venue_keys", "agreed_venue_keys"):
            if attr in f.attrs:
                f.attrs[attr] = widen(f.attrs[attr])
    if public_only:
        facts = [f for f in facts if f.public]
    sides: dict[str, frozenset[str]] = {}
    topic_words = _topic_words(facts)  # (once: venue keys lose them below too)
    topics = topic_words | {k[:6] for k in topic_words if len(k) >= 6}
    glossary = state[GLOSSARY]
    for s, side in state.sides.items():
        names = [s, side.name]
        if s in glossary and glossary[s].kind == "side":
            names += every_form(glossary[s])
        names += [mem.name for mem in state.members.values() if mem.side == s]
        titles = [mem.title for mem in state.members.values() if mem.side == s]
        # a title's words that are topics of the talks ("Head of the School-Leaving
        # Examinations Office": "school") say what a claim is about, not whose
        sides[s] = frozenset(
            key(t, detect(n))
            for n in names
            for t in tokens(n)
            if len(t) >= 4 and t not in _SIDE_STOP
        ) | frozenset(
            k
            for n in titles
            for t in tokens(n)
            if len(t) >= 4
            and t not in _SIDE_STOP
            and (k := key(t, detect(n))) not in topics
            and k[:6] not in topics  # ("Ambulance Service": "ambulances")
        )
    shared = {k for s in sides for k in sides[s] if sum(k in v for v in sides.values()) > 1}
    # A place in a member's title ("Director of the Tsovak dam") names the place, not the
    # side; a venue named after a side ("Field office of the Coordination Cell, Marzun") is
    # known by its place words, not by the side's name.
    place_keys = set().union(*(p.keys for p in places.values()))
    own: dict[str, set[str]] = {
        s: {key(t, detect(n)) for n in (s, side.name) for t in tokens(n) if len(t) >= 4}
        | {key(s, "en")}  # the side's id, however short ("htc")
        for s, side in state.sides.items()
    }
    # A side's id and its glossary forms name that side alone, even where another side's
    # name holds them ("Office of the Special Envoy for the Tsaghkan–Dəmirli border").
    ids: dict[str, set[str]] = {
        s: {
            key(t, detect(n))
            for n in [s, *(every_form(glossary[s]) if s in glossary else [])]
            for t in tokens(n)
            if len(t) >= 4 and t not in _SIDE_STOP
        }
        for s in state.sides
    }
    claimed = {k for v in ids.values() for k in v}
    common = {k for k in claimed if sum(k in v for v in ids.values()) > 1}  # "side"
    sides = {
        s: (v - shared - place_keys - claimed) | (own[s] - shared - claimed) | (ids[s] - common)
        for s, v in sides.items()
    }
    named = set().union(*own.values()) - _SIDE_STOP
    places = {n: Place(p.name, _less(p.keys, named)) for n, p in places.items()}
    places = _names_not_words(places, facts, topic_words)
    places, kinds = _proper_names_only(places, facts)
    public_entries = {e for f in facts for e in f.entries if e and is_public(e)}
    offsets = [datetime.fromisoformat(p.start_text).tzinfo for m in meetings for p in m.proposals]
    tz = next((z for z in reversed(offsets) if z is not None), UTC)
    lazy: dict[str, Callable[[], list[Fact]]] = {
        "message": partial(message_facts, state, is_public, tz),
        "said": partial(text_facts, state, is_public),
    }
    return Record(
        state.channel_id,
        public_only,
        facts,
        year,
        as_of,
        list(places.values()),
        sides,
        side_names,
        mediator,
        public_entries=public_entries,
        members={mem.name: mem.side for mem in state.members.values()},
        heads=_heads(state),
        lazy=lazy,
        place_kinds=kinds,
        side_forms=_side_forms(state),
    )


def _heads(state: ChannelState) -> dict[str, frozenset[str]]:
    heads: dict[str, set[str]] = {}
    for mem in state.members.values():
        if mem.role == "head":
            heads.setdefault(mem.side, set()).add(mem.name)
    return {side: frozenset(names) for side, names in heads.items()}


def _side_forms(state: ChannelState) -> list[frozenset[str]]:
    glossary = state[GLOSSARY]
    out = []
    for s, side in state.sides.items():
        for n in [side.name, *(every_form(glossary[s]) if s in glossary else [])]:
            code = detect(n)
            stop = set(load(code).words("stop"))  # ("the", "for": in any name)
            keys = frozenset(key(t, code) for t in tokens(n) if len(t) >= 3 and t not in stop)
            if len(keys) >= 2 and keys not in out:
                out.append(keys)
    return out


TOPIC_FACTS = 3
"""In how many items, commitments and minutes a lower-case word must be to be a topic."""


def _names_not_words(
    places: dict[str, Place], facts: list[Fact], common: set[str]
) -> dict[str, Place]:
    """A venue is known by its names, not by the topics of the talks in it: "Gas valve
    station, Kalinovka" by Kalinovka, since the record writes "gas" and "valve" in lower
    case in three or more of its items and commitments ("payment for gas") — else every
    claim about gas names the place. A word in fewer ("the pasture") may still name it.
    Meetings' and proposals' venue keys lose the same words (``common``, the record's
    :func:`_topic_words`)."""
    if not common:
        return places

    return _without(places, facts, common)


def _topic_words(facts: list[Fact]) -> set[str]:
    """The keys of words the record writes in lower case in ``TOPIC_FACTS`` or more of its
    items, commitments and messages: what the talks are about."""
    seen: dict[str, int] = {}
    for f in facts:
        text = f.attrs.get("plain", "") if f.kind not in ("meeting", "proposal") else ""
        if text:
            lang = detect(text)
            for k in {key(t, lang) for t in re.findall(r"[^\W\d_]+", text) if t.islower()}:
                seen[k] = seen.get(k, 0) + 1
    return {k for k, n in seen.items() if n >= TOPIC_FACTS}


def _proper_names_only(
    places: dict[str, Place], facts: list[Fact]
) -> tuple[dict[str, Place], frozenset[str]]:
    """Two different places are told apart by their names, not by what kind of place they
    are: "Vardablur airfield" and "Ağtala airfield" share "airfield" (and its forms in
    every language), which names neither. Places are different when neither holds a
    capitalised word of the other's name (acronyms aside); the keys they share are then
    dropped from both, and from the meetings' and proposals' venue keys."""
    caps = {
        n: {
            key(t, detect(n))
            for t in re.findall(r"[^\W\d_]+", n)
            if t[:1].isupper() and not t.isupper()
        }
        for n in places
    }
    kinds: set[str] = set()
    items = list(places.items())
    for i, (a, pa) in enumerate(items):
        for b, pb in items[i + 1 :]:
            both = pa.keys & pb.keys
            if both and caps[a] and caps[b] and not (caps[a] & pb.keys or caps[b] & pa.keys):
                kinds |= both
    if not kinds:
        return places, frozenset()
    return _without(places, facts, kinds), frozenset(kinds)


def _without(places: dict[str, Place], facts: list[Fact], words: set[str]) -> dict[str, Place]:
    """``places`` less ``words`` as keys (:func:`_less`), and the meetings' and
    proposals' venue keys the same (changed in place)."""
    for f in facts:
        for k in ("venue_keys", "agreed_venue_keys"):
            if k in f.attrs:
                f.attrs[k] = _less(f.attrs[k], words)
    return {n: Place(p.name, _less(p.keys, words)) for n, p in places.items()}


def _less(keys: frozenset[str], words: set[str]) -> frozenset[str]:
    """A place's keys without ``words``, unless that would leave it none."""
    return keys - words if keys - words else keys


_SIDE_STOP = {
    "working", "group", "team", "delegation", "member", "head", "republic", "side", "liaison",
    "officer", "deputy", "council", "commission", "joint", "with", "from", "office", "cell",
}  # fmt: skip


def _glossary_places(
    state: ChannelState, places: dict[str, Place]
) -> tuple[Callable[[frozenset[str]], frozenset[str]], Callable[[frozenset[str]], frozenset[str]]]:
    """Add every form of each glossary place to ``places`` (as one place: the keys of all
    its forms) and widen the record's venues that name one form to all of them; returns
    the widening, for the venue keys in facts, and the kinds of place the forms a venue's
    keys name say it is ("Edelweiss lodge" is also "гостиница «Эдельвейс»": a hotel)."""
    groups: list[tuple[list[frozenset[str]], frozenset[str], frozenset[str]]] = []
    for term in state[GLOSSARY].values():
        if term.kind != "place":
            continue
        forms = every_form(term)
        per_form = [venue_keys(f) for f in forms]
        union = frozenset().union(*per_form)
        groups.append((per_form, union, frozenset().union(*map(venue_kinds, forms))))
        for f in forms:
            places.setdefault(f, Place(f, union))

    def named(keys: frozenset[str]) -> list[tuple[frozenset[str], frozenset[str]]]:
        return [
            (union, kinds)
            for per_form, union, kinds in groups
            if any(fk and fk <= keys for fk in per_form)
        ]

    def widen(keys: frozenset[str]) -> frozenset[str]:
        return keys.union(*(union for union, _ in named(keys)))

    def kinds_of(keys: frozenset[str]) -> frozenset[str]:
        return frozenset().union(*(kinds for _, kinds in named(keys)))

    for name, place in list(places.items()):
        places[name] = Place(place.name, widen(place.keys))
    return widen, kinds_of


def _slot(meeting: str, p: Proposal) -> dict[str, Any]:
    """What a proposal fixes, as a meeting-like fact's attributes: day and time (local),
    venue and its keys, format."""
    local = datetime.fromisoformat(p.start_text)
    return {
        "meeting": meeting,
        "days": {local.date()},
        "times": {(local.hour, local.minute)},
        "venue": p.venue,
        "venue_keys": venue_keys(p.venue),
        "chaired": p.format == "chaired",
    }


def _when(p: Proposal) -> str:
    local = datetime.fromisoformat(p.start_text)
    return f"{local:%-d %B %Y, %H:%M} (UTC{local:%z})"


def _meeting_facts(
    m: Meeting,
    as_of: datetime,
    side_names: dict[str, str],
    is_public: Any,
    reported: str | None,
) -> list[Fact]:
    out = []
    agreed = m.agreed_proposal()
    if agreed is not None and not agreed.cancel:
        local = datetime.fromisoformat(agreed.start_text)
        held = m.held
        held_local = datetime.fromisoformat(held.started_text) if held is not None else None
        ended = (
            datetime.fromisoformat(held.ended_text)
            if held is not None and held.ended_text
            else None
        )
        venue = held.venue if held is not None and held.venue else agreed.venue
        chaired = "chaired by the mediator" if agreed.format == "chaired" else "direct talks"
        status = "held" if held is not None else ("past" if agreed.start <= as_of else "agreed")
        text = f"meeting {m.id}: agreed by every side — {_when(agreed)}, {agreed.venue}, {chaired}"
        if held is not None and held_local is not None:
            until = f"–{ended:%H:%M}" if ended is not None else ""
            text += f"; held {held_local:%-d %B %Y, %H:%M}{until} at {venue}"
            text += f", chaired by {held.chair}" if held.chair else ""
        entries = (
            *((reported,) if reported else ()),
            agreed.id,
            *((held.entry_id,) if held is not None else ()),
        )
        attendees = dict(held.attendees) if held is not None else dict(agreed.attendees)
        out.append(
            Fact(
                "meeting",
                m.id,
                text,
                entries,
                reported is not None
                or is_public(agreed.id)
                or (held is not None and is_public(held.entry_id)),
                {
                    "meeting": m.id,
                    "status": status,
                    "days": {local.date()} | ({held_local.date()} if held_local else set()),
                    "times": {(local.hour, local.minute)}
                    | ({(held_local.hour, held_local.minute)} if held_local else set()),
                    "venue": venue,
                    "agreed_venue": agreed.venue,
                    "venue_keys": venue_keys(venue),
                    "venue_kinds": venue_kinds(venue),
                    "agreed_venue_keys": venue_keys(agreed.venue),
                    "proposed_by": agreed.side,
                    "proposers": {p.side for p in m.proposals},
                    "movers": {
                        p.side
                        for p in m.proposals
                        if any(q.superseded_by == p.id for q in m.proposals)
                    },
                    "held_times": {(held_local.hour, held_local.minute)} if held_local else set(),
                    "ended_times": {(ended.hour, ended.minute)} if ended is not None else set(),
                    "held_public": held is not None and is_public(held.entry_id),
                    "minutes": (ended - held_local).total_seconds() / 60
                    if ended is not None and held_local is not None
                    else None,
                    "chaired": agreed.format == "chaired",
                    "attendees": attendees,
                    "chair_name": held.chair if held is not None else "",
                    "held_note": held.note if held is not None else "",
                    "start": agreed.start,
                    "past": held is not None or agreed.start <= as_of,
                },
            )
        )
    if agreed is not None and agreed.cancel:  # agreed for a day and place, then called off
        was = next((p for p in m.proposals if p.superseded_by == agreed.id), None)
        if was is not None:
            by = side_names.get(agreed.side, agreed.side)
            out.append(
                Fact(
                    "cancelled",
                    m.id,
                    f"meeting {m.id}: agreed for {_when(was)} at {was.venue}; cancelled on "
                    f"the proposal of {by}, agreed by every side",
                    (agreed.id, was.id),
                    is_public(agreed.id) or is_public(was.id),
                    {**_slot(m.id, was), "cancelled_by": agreed.side, "start": was.start},
                )
            )
    for p in m.proposals:
        if p is agreed or p.cancel:
            continue
        declined = sorted(side_names.get(s, s) for s in p.declined_by)
        fate = "superseded by a counter-proposal" if p.superseded_by is not None else "not agreed"
        out.append(
            Fact(
                "proposal",
                p.id,
                f"meeting {m.id}: proposed by {side_names.get(p.side, p.side)} for {_when(p)} "
                f"at {p.venue}; {fate}"
                + (f" (declined by {', '.join(declined)})" if declined else ""),
                (p.id,),
                is_public(p.id),
                {
                    **_slot(m.id, p),
                    "proposed_by": p.side,
                    "accepted_by": set(p.accepted_by) - {p.side},
                    "declined_by": set(p.declined_by),
                    "start": p.start,
                },
            )
        )
    return out


def _item_facts(
    state: ChannelState,
    m: Meeting,
    ids_by_seq: dict[int, str],
    side_names: dict[str, str],
    is_public: Any,
    opened: set[tuple[str, str]],
) -> list[Fact]:
    out = []
    agreed = m.agreed_proposal()
    for item in m.items.values():
        raised = ids_by_seq.get(item.raised_seq, "") if item.raised_seq else ""
        entries = tuple(e for e in (raised,) if e) or ((agreed.id,) if agreed else ())
        topic = state.mandate.get(item.topic, "") if item.topic else ""  # type: ignore[call-overload]
        who = state.members.get(item.raised_by) if item.raised_by else None
        raiser = who.side if who else ""
        declined_by = {s: r for s, (_, r) in item.declined_by.items()}
        if item.on_agenda:
            status, text = "on_agenda", f"agenda of {m.id}: “{item.title}”"
        elif declined_by:
            status = "declined"
            by = ", ".join(side_names.get(s, s) for s in declined_by)
            text = (
                f"“{item.title}” was raised by {side_names.get(raiser, raiser) or 'a side'} at "
                f"{m.id}, {'outside the mandate, ' if not item.in_mandate else ''}declined by "
                f"{by} (“{next(iter(declined_by.values()))}”), and never on the agenda"
            )
        else:
            status, text = "raised", f"“{item.title}” was raised at {m.id}, not yet answered"
        out.append(
            Fact(
                "item",
                f"{m.id}/{item.id}",
                text,
                entries,
                is_public(*entries) or (m.id, item.id) in opened,
                {
                    "plain": f"{item.title} {item.text}",
                    "meeting": m.id,
                    "item": item.id,
                    "title": item.title,
                    "status": status,
                    "raised_by": raiser,
                    "declined_by": declined_by,
                    "words": words_of(item.title, item.text, item.id, topic),
                },
            )
        )
    return out


def _minutes_facts(state: ChannelState, is_public: Any) -> list[Fact]:
    out = []
    for mins in state[MINUTES].values():
        v = mins.agreed_version(signers(state, mins.meeting))
        if v is None:
            continue
        for it in v.body.get("items", []):
            outcome = str(it.get("outcome", ""))
            out.append(
                Fact(
                    "minutes_item",
                    f"{mins.meeting}/{it['item']}",
                    f"agreed minutes of {mins.meeting}, item {it['item']}: {it['summary']} — "
                    f"{outcome}",
                    (v.entry_id,),
                    is_public(v.entry_id),
                    {
                        "plain": f"{it['summary']}: {outcome}",
                        "meeting": mins.meeting,
                        "item": it["item"],
                        "outcome": outcome_kind(outcome),
                        "words": words_of(it["item"], it["summary"], outcome),
                    },
                )
            )
    return out


def outcome_kind(outcome: str) -> str:
    """A minutes outcome as a type: not_discussed, none (no agreement), deferred, agreed,
    or other — read with the outcome's own language's words."""
    lang = load(code_of(outcome))
    for kind in ("not_discussed", "none", "deferred", "agreed"):
        if has(outcome, lang.words(f"outcome_{kind}")):
            return kind
    return "other"


def _next_fact(meetings: list[Meeting], as_of: datetime, is_public: Any) -> Fact:
    n = next_meeting(meetings, as_of)
    after = "" if n.after is None else f" after {n.after.id} ({meeting_start(n.after):%-d %B %Y})"
    if n.meeting is None:
        return Fact(
            "next_meeting",
            "never_proposed",
            f"next meeting: none proposed{after} as of {as_of:%-d %B %Y} — no date, venue or "
            "format exists in the record",
            tuple(p.id for m in meetings for p in m.proposals[-1:]),
            False,
            {"status": "never_proposed"},
        )
    m = n.meeting
    p = m.agreed_proposal() if n.answer == "agreed" else m.current
    assert p is not None
    state = "agreed by every side" if n.answer == "agreed" else "proposed, not agreed"
    return Fact(
        "next_meeting",
        n.answer,
        f"next meeting{after}: {m.id}, {state} — {_when(p)}, {p.venue}, "
        f"{'chaired by the mediator' if p.format == 'chaired' else 'direct talks'}",
        (p.id,),
        is_public(p.id),  # a disclosure may have opened the proposal
        {"status": n.answer, **_slot(m.id, p)},
    )


__all__ = [
    "Fact",
    "Place",
    "Record",
    "build_record",
    "outcome_kind",
    "venue_keys",
]
