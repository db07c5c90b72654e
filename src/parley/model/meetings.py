"""Meetings as agreed objects, agendas bound to the mandate, and mandate extensions.

A meeting is a sequence of proposals (versions). A proposal is *agreed* only when every
party and — for a meeting the mediator chairs — the mediator have accepted that exact
version (by its digest). A counter-proposal, postponement, venue change or cancellation
is a new proposal that supersedes the previous one and needs the same acceptances; an
acceptance of a superseded version is refused. The proposer's side accepts by proposing.

Agenda items name a mandate topic. An item enters the agenda when every party accepts it
(accepting a proposal accepts its proposed agenda). A topic outside the mandate cannot
be proposed as an item until a mandate extension is signed by every party's head; it
can be *raised* (who, when, the text) and *declined* (who, why) — which is exactly how
the record shows an off-mandate attempt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from parley.crypto.digest import json_digest
from parley.crypto.keys import KeyId
from parley.errors import Conflict, NotFound, Rejected
from parley.model.bodies import Body, Digest, Name, Slug, Uuid
from parley.model.clock import format_time, parse_zoned
from parley.model.feature import EVERY_MEMBER, Act, Draft, Feature
from parley.model.ids import EntryId, SideId, TopicId
from parley.model.state import MANDATE, ChannelState, FrozenDict, Member, StateView, Table

FEATURE = Feature("meetings", __doc__ or "")

Text = Annotated[str, StringConstraints(max_length=5000)]


# --- bodies -----------------------------------------------------------------------


class AgendaItemSpec(Body):
    id: Slug
    topic: Slug
    title: Name


class MeetingProposed(Body):
    """A proposal (version) for a meeting; ``supersedes`` makes it a counter-proposal,
    postponement, venue change or — with ``cancel`` — a cancellation."""

    TYPE = "meeting.proposed"
    meeting: Slug
    start: Annotated[str, StringConstraints(max_length=40)]
    venue: Name
    format: Literal["chaired", "direct"]
    attendees: dict[Slug, list[Name]] = Field(default_factory=dict)
    agenda: list[AgendaItemSpec] = Field(default_factory=list, max_length=30)
    supersedes: Uuid | None = None
    cancel: bool = False
    note: Text = ""


class MeetingAnswer(Body):
    proposal: Uuid
    digest: Digest


class MeetingAccepted(MeetingAnswer):
    """A side accepts one exact proposal (by its digest)."""

    TYPE = "meeting.accepted"


class MeetingDeclined(MeetingAnswer):
    """A side declines one exact proposal, saying why."""

    TYPE = "meeting.declined"
    reason: Text = ""


class AgendaItemProposed(Body):
    """An agenda item on a mandate topic, proposed for a meeting."""

    TYPE = "agenda.item_proposed"
    meeting: Slug
    item: AgendaItemSpec


class AgendaItemAnswer(Body):
    meeting: Slug
    item: Slug
    reason: Text = ""


class AgendaItemAccepted(AgendaItemAnswer):
    """A party accepts an agenda item (in the mandate only)."""

    TYPE = "agenda.item_accepted"


class AgendaItemDeclined(AgendaItemAnswer):
    """A party declines an agenda item, saying why."""

    TYPE = "agenda.item_declined"


class AgendaItemRaised(Body):
    """An item raised at a meeting; off the mandate unless its topic is in it."""

    TYPE = "agenda.item_raised"
    meeting: Slug
    item: Slug
    title: Name
    text: Text
    topic: Slug | None = None


class MeetingHeld(Body):
    """The mediator records that an agreed meeting took place: when, where, who came, who
    chaired."""

    TYPE = "meeting.held"
    meeting: Slug
    started: Annotated[str, StringConstraints(max_length=40)]
    ended: Annotated[str, StringConstraints(max_length=40)] | None = None
    venue: Name | None = None
    """Where it was held, if not where it was agreed."""
    attendees: dict[Slug, list[Name]] = Field(default_factory=dict)
    chair: Name | None = None
    """Who chaired it, by name (for a chaired meeting, the mediator's chair)."""
    note: Text = ""


class MandateExtensionProposed(Body):
    """A new mandate topic, in effect once every party's head signed it."""

    TYPE = "mandate.extension_proposed"
    topic: Slug
    title: Name
    reason: Text = ""


class MandateExtensionSigned(Body):
    """A party head's signature on a proposed mandate extension."""

    TYPE = "mandate.extension_signed"
    topic: Slug


# --- state ------------------------------------------------------------------------


def proposal_digest(body: dict[str, Any]) -> str:
    return json_digest(body)


Answers = FrozenDict[SideId, KeyId]
Refusals = FrozenDict[SideId, tuple[KeyId, str]]


@dataclass(frozen=True, slots=True)
class Proposal:
    id: EntryId
    seq: int
    digest: str
    proposer: KeyId
    side: SideId
    start: datetime
    start_text: str
    venue: str
    format: str
    attendees: FrozenDict[str, tuple[str, ...]]
    agenda: tuple[FrozenDict[str, str], ...]
    cancel: bool
    note: str
    accepted_by: Answers = FrozenDict()
    declined_by: Refusals = FrozenDict()
    superseded_by: EntryId | None = None


@dataclass(frozen=True, slots=True)
class AgendaItem:
    id: str
    topic: str | None
    title: str
    in_mandate: bool
    raised_by: KeyId
    raised_seq: int
    text: str = ""
    accepted_by: Answers = FrozenDict()
    declined_by: Refusals = FrozenDict()
    on_agenda: bool = False


@dataclass(frozen=True, slots=True)
class Held:
    """That a meeting took place, as the mediator recorded it."""

    entry_id: EntryId
    seq: int
    by: KeyId
    started: datetime
    started_text: str
    ended: datetime | None
    ended_text: str | None
    venue: str
    attendees: FrozenDict[str, tuple[str, ...]]
    note: str
    chair: str = ""


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    proposals: tuple[Proposal, ...] = ()
    agreed: EntryId | None = None  # the agreed proposal, if any
    items: FrozenDict[str, AgendaItem] = FrozenDict()
    held: Held | None = None

    @property
    def current(self) -> Proposal:
        return self.proposals[-1]

    @property
    def status(self) -> str:
        cur = self.current
        if self.agreed == cur.id:
            return "cancelled" if cur.cancel else "agreed"
        if cur.declined_by:
            return "declined"
        return "proposed"

    def agreed_proposal(self) -> Proposal | None:
        return next((p for p in self.proposals if p.id == self.agreed), None)

    def proposal(self, proposal_id: str) -> Proposal:
        return next(p for p in self.proposals if p.id == proposal_id)

    def with_proposal(self, p: Proposal) -> Meeting:
        """The meeting with proposal ``p`` (same id) replaced."""
        return dataclasses.replace(
            self, proposals=tuple(p if x.id == p.id else x for x in self.proposals)
        )

    def with_item(self, item: AgendaItem) -> Meeting:
        return dataclasses.replace(self, items=self.items.set(item.id, item))


@dataclass(frozen=True, slots=True)
class NextMeeting:
    """What the record says about the next meeting (:func:`next_meeting`)."""

    answer: str  # "agreed" | "proposed_not_agreed" | "never_proposed"
    after: Meeting | None  # the meeting it follows (the latest one past), if any
    meeting: Meeting | None  # the agreed one, or the earliest proposal not agreed
    later: tuple[Meeting, ...]  # every meeting after ``after``, earliest first


def meeting_start(m: Meeting) -> datetime:
    """When a meeting is (or was) to start: the agreed proposal's time, else the latest
    proposal's."""
    return (m.agreed_proposal() or m.current).start


def next_meeting(
    meetings: Iterable[Meeting], now: datetime, after: Meeting | None = None
) -> NextMeeting:
    """The meeting after ``after`` or, without it, the next one as of ``now``: the earliest
    meeting not yet held whose time is later than ``after``'s (or than ``now``), agreed
    ones first; ``after`` defaults to the latest meeting held or agreed for a time before
    ``now``. A cancelled meeting is not a next meeting.

    One definition for the API (``meetings/next``, ``parley meeting show --next``) and the
    statement checker: a next meeting that is agreed stays "the next meeting" until its
    time has come, instead of becoming "the latest agreed" with nothing after it.
    """
    every = [m for m in meetings if m.proposals]
    if after is None:
        past = [
            m
            for m in every
            if m.held is not None or (m.status == "agreed" and meeting_start(m) <= now)
        ]
        after = max(past, key=meeting_start, default=None)
        since = now
    else:
        since = meeting_start(after)
    later = sorted(
        (
            m
            for m in every
            if m is not after
            and m.held is None
            and m.status != "cancelled"
            and meeting_start(m) > since
        ),
        key=meeting_start,
    )
    agreed = [m for m in later if m.status == "agreed"]
    if agreed:
        return NextMeeting("agreed", after, agreed[0], tuple(later))
    if later:
        return NextMeeting("proposed_not_agreed", after, later[0], tuple(later))
    return NextMeeting("never_proposed", after, None, ())


@dataclass(frozen=True, slots=True)
class MandateExtension:
    topic: str
    title: str
    proposed_by: KeyId
    signed_by: Answers = FrozenDict()
    done: bool = False


MEETINGS: Table[str, Meeting] = FEATURE.table(Table("meeting", ordered=True))
PROPOSALS: Table[EntryId, str] = FEATURE.table(Table("proposal"))
"""Proposal entry id -> meeting id."""
EXTENSIONS: Table[str, MandateExtension] = FEATURE.table(Table("extension", ordered=True))


# --- rules ------------------------------------------------------------------------


def _speaks_for(state: StateView, author: Member) -> bool:
    """Party heads speak for their party; any mediator member for the mediator."""
    return author.role == "head" or state.sides[author.side].kind == "mediator"


def _require_voice(state: StateView, author: Member, what: str) -> None:
    if not _speaks_for(state, author):
        raise Rejected("meeting.not_head", f"only a party's head can {what} for it")


def required_sides(state: StateView, fmt: str) -> set[SideId]:
    sides = set(state.party_sides())
    if fmt == "chaired":
        sides.add(state.mediator_side())
    return sides


def _settle(state: StateView, meeting: Meeting, p: Proposal) -> Meeting:
    """The meeting once ``p`` has the answers it has: agreed when every required side
    accepted it, with its in-mandate agenda items then on the agenda."""
    if not required_sides(state, p.format) <= set(p.accepted_by):
        return meeting
    meeting = dataclasses.replace(meeting, agreed=p.id)
    if not p.cancel:
        for spec in p.agenda:
            item = meeting.items.get(spec["id"])
            if item is not None and item.in_mandate:
                meeting = meeting.with_item(
                    dataclasses.replace(
                        item, on_agenda=True, accepted_by=item.accepted_by.updated(p.accepted_by)
                    )
                )
    return meeting


@FEATURE.handles(MeetingProposed, read=EVERY_MEMBER)
def meeting_proposed(d: Draft, e: Act[MeetingProposed]) -> None:
    body, author = e.body, e.author
    _require_voice(d, author, "propose a meeting")
    start = parse_zoned(body.start)
    for side in body.attendees:
        if side not in d.sides:
            raise NotFound("side.unknown", f"attendees name an unknown side {side!r}")
    for spec in body.agenda:
        if spec.topic not in d.mandate:
            raise Rejected(
                "agenda.off_mandate",
                f"agenda item {spec.id!r}: topic {spec.topic!r} is not in the mandate; "
                "raise it instead, or extend the mandate first",
            )
    if len({i.id for i in body.agenda}) != len(body.agenda):
        raise Rejected("agenda.duplicate_item", "agenda item ids must differ")
    meeting = d[MEETINGS].get(body.meeting)
    if meeting is None:
        if body.supersedes is not None or body.cancel:
            raise NotFound("meeting.unknown", f"there is no meeting {body.meeting!r} to change")
        meeting = Meeting(body.meeting)
    elif body.supersedes != meeting.current.id:
        raise Conflict(
            "meeting.superseded",
            f"meeting {body.meeting!r} exists; a new version must supersede its current "
            f"proposal {meeting.current.id}",
        )
    p = Proposal(
        e.id,
        e.seq,
        proposal_digest(e.raw),
        author.key_id,
        author.side,
        start,
        body.start,
        body.venue,
        body.format,
        FrozenDict({k: tuple(v) for k, v in body.attendees.items()}),
        tuple(FrozenDict(i.model_dump()) for i in body.agenda),
        body.cancel,
        body.note,
        accepted_by=FrozenDict({author.side: author.key_id}),  # proposing is accepting
    )
    if meeting.proposals:
        meeting = meeting.with_proposal(dataclasses.replace(meeting.current, superseded_by=e.id))
    meeting = dataclasses.replace(meeting, proposals=(*meeting.proposals, p))
    for spec in body.agenda:
        if spec.id not in meeting.items:
            meeting = meeting.with_item(
                AgendaItem(spec.id, spec.topic, spec.title, True, author.key_id, e.seq)
            )
    d.put(MEETINGS, meeting.id, _settle(d, meeting, p))
    d.put(PROPOSALS, e.id, meeting.id)


def _proposal(state: StateView, body: MeetingAnswer) -> tuple[Meeting, Proposal]:
    mid = state[PROPOSALS].get(EntryId(body.proposal))
    if mid is None:
        raise NotFound("meeting.unknown_proposal", f"no meeting proposal {body.proposal}")
    meeting = state[MEETINGS][mid]
    p = meeting.proposal(body.proposal)
    if p.superseded_by is not None:
        raise Conflict("meeting.superseded", f"proposal {p.id} was superseded by {p.superseded_by}")
    if p.digest != body.digest:
        raise Rejected(
            "meeting.digest_mismatch", "the answer is for another version of this proposal"
        )
    return meeting, p


@FEATURE.handles(MeetingAccepted, MeetingDeclined, read=EVERY_MEMBER)
def meeting_answered(d: Draft, e: Act[MeetingAccepted | MeetingDeclined]) -> None:
    body, author = e.body, e.author
    _require_voice(d, author, "answer a meeting proposal")
    meeting, p = _proposal(d, body)
    if author.side not in required_sides(d, p.format):
        raise Rejected("meeting.not_invited", "this side's answer is not needed for this format")
    if author.side in p.accepted_by or author.side in p.declined_by:
        raise Conflict("meeting.already_answered", "this side already answered this proposal")
    if isinstance(body, MeetingAccepted):
        p = dataclasses.replace(p, accepted_by=p.accepted_by.set(author.side, author.key_id))
        meeting = _settle(d, meeting.with_proposal(p), p)
    else:
        p = dataclasses.replace(
            p, declined_by=p.declined_by.set(author.side, (author.key_id, body.reason))
        )
        meeting = meeting.with_proposal(p)
    d.put(MEETINGS, meeting.id, meeting)


def _meeting(state: StateView, meeting_id: str) -> Meeting:
    meeting = state[MEETINGS].get(meeting_id)
    if meeting is None:
        raise NotFound("meeting.unknown", f"there is no meeting {meeting_id!r}")
    return meeting


def _settle_item(state: StateView, item: AgendaItem) -> AgendaItem:
    if item.in_mandate and set(state.party_sides()) <= set(item.accepted_by):
        return dataclasses.replace(item, on_agenda=True)
    return item


@FEATURE.handles(AgendaItemProposed, read=EVERY_MEMBER)
def agenda_item_proposed(d: Draft, e: Act[AgendaItemProposed]) -> None:
    body, author = e.body, e.author
    _require_voice(d, author, "propose an agenda item")
    meeting = _meeting(d, body.meeting)
    if body.item.topic not in d.mandate:
        raise Rejected(
            "agenda.off_mandate",
            f"topic {body.item.topic!r} is not in the mandate; raise it (agenda.item_raised) "
            "or extend the mandate with every party head's signature first",
        )
    if body.item.id in meeting.items:
        raise Conflict("agenda.duplicate_item", f"agenda item {body.item.id!r} exists")
    item = AgendaItem(
        body.item.id,
        body.item.topic,
        body.item.title,
        True,
        author.key_id,
        e.seq,
        accepted_by=FrozenDict({author.side: author.key_id}),
    )
    d.put(MEETINGS, meeting.id, meeting.with_item(_settle_item(d, item)))


@FEATURE.handles(AgendaItemRaised, read=EVERY_MEMBER)
def agenda_item_raised(d: Draft, e: Act[AgendaItemRaised]) -> None:
    body = e.body
    meeting = _meeting(d, body.meeting)
    if body.item in meeting.items:
        raise Conflict("agenda.duplicate_item", f"agenda item {body.item!r} exists")
    in_mandate = body.topic is not None and body.topic in d.mandate
    item = AgendaItem(
        body.item, body.topic, body.title, in_mandate, e.author.key_id, e.seq, body.text
    )
    d.put(MEETINGS, meeting.id, meeting.with_item(item))


@FEATURE.handles(AgendaItemAccepted, AgendaItemDeclined, read=EVERY_MEMBER)
def agenda_item_answered(d: Draft, e: Act[AgendaItemAccepted | AgendaItemDeclined]) -> None:
    body, author = e.body, e.author
    _require_voice(d, author, "answer for an agenda item")
    meeting = _meeting(d, body.meeting)
    item = meeting.items.get(body.item)
    if item is None:
        raise NotFound(
            "agenda.unknown_item", f"no agenda item {body.item!r} in meeting {body.meeting!r}"
        )
    if author.side in item.accepted_by or author.side in item.declined_by:
        raise Conflict("agenda.already_answered", "this side already answered for this item")
    if isinstance(body, AgendaItemAccepted):
        if not item.in_mandate:
            raise Rejected(
                "agenda.off_mandate",
                f"item {item.id!r} is outside the mandate; it needs a mandate extension signed by every party head",
            )
        item = _settle_item(
            d,
            dataclasses.replace(item, accepted_by=item.accepted_by.set(author.side, author.key_id)),
        )
    else:
        item = dataclasses.replace(
            item, declined_by=item.declined_by.set(author.side, (author.key_id, body.reason))
        )
    d.put(MEETINGS, meeting.id, meeting.with_item(item))


@FEATURE.handles(MeetingHeld, read=EVERY_MEMBER)
def meeting_held(d: Draft, e: Act[MeetingHeld]) -> None:
    body = e.body
    if d.sides[e.author.side].kind != "mediator":
        raise Rejected("meeting.not_mediator", "the mediator records that a meeting was held")
    meeting = _meeting(d, body.meeting)
    agreed = meeting.agreed_proposal()
    if agreed is None or agreed.cancel:
        raise Rejected(
            "meeting.not_agreed",
            f"meeting {body.meeting!r} has no agreed time and place; it cannot have been held",
        )
    if meeting.held is not None:
        raise Conflict("meeting.already_held", f"meeting {body.meeting!r} was already recorded")
    started = parse_zoned(body.started)
    ended = None if body.ended is None else parse_zoned(body.ended)
    if ended is not None and ended < started:
        raise Rejected("meeting.bad_times", "a meeting cannot end before it started")
    for side in body.attendees:
        if side not in d.sides:
            raise NotFound("side.unknown", f"attendees name an unknown side {side!r}")
    held = Held(
        e.id,
        e.seq,
        e.author.key_id,
        started,
        body.started,
        ended,
        body.ended,
        agreed.venue if body.venue is None else body.venue,
        FrozenDict({k: tuple(v) for k, v in body.attendees.items()}),
        body.note,
        body.chair or "",
    )
    d.put(MEETINGS, meeting.id, dataclasses.replace(meeting, held=held))


@FEATURE.handles(MandateExtensionProposed, read=EVERY_MEMBER)
def extension_proposed(d: Draft, e: Act[MandateExtensionProposed]) -> None:
    body = e.body
    if body.topic in d.mandate or body.topic in d[EXTENSIONS]:
        raise Conflict(
            "mandate.exists", f"topic {body.topic!r} is already in or proposed for the mandate"
        )
    d.put(EXTENSIONS, body.topic, MandateExtension(body.topic, body.title, e.author.key_id))


@FEATURE.handles(MandateExtensionSigned, read=EVERY_MEMBER)
def extension_signed(d: Draft, e: Act[MandateExtensionSigned]) -> None:
    body, author = e.body, e.author
    ext = d[EXTENSIONS].get(body.topic)
    if ext is None:
        raise NotFound(
            "mandate.unknown_extension", f"no proposed extension for topic {body.topic!r}"
        )
    if d.sides[author.side].kind != "party" or author.role != "head":
        raise Rejected("mandate.not_head", "only party heads sign a mandate extension")
    if author.side in ext.signed_by:
        raise Conflict("mandate.already_signed", "this party already signed this extension")
    ext = dataclasses.replace(ext, signed_by=ext.signed_by.set(author.side, author.key_id))
    if set(d.party_sides()) <= set(ext.signed_by):
        ext = dataclasses.replace(ext, done=True)
        d.put(MANDATE, TopicId(ext.topic), ext.title)
        for meeting in list(d[MEETINGS].values()):
            for item in meeting.items.values():
                if item.topic == ext.topic and not item.in_mandate:
                    meeting = meeting.with_item(dataclasses.replace(item, in_mandate=True))
                    d.put(MEETINGS, meeting.id, meeting)
    d.put(EXTENSIONS, ext.topic, ext)


# --- views ------------------------------------------------------------------------


def proposal_view(p: Proposal) -> dict[str, Any]:
    return {
        "id": p.id,
        "seq": p.seq,
        "digest": p.digest,
        "proposer": p.proposer,
        "side": p.side,
        "start": p.start_text,
        "start_utc": format_time(p.start),
        "venue": p.venue,
        "format": p.format,
        "attendees": {s: list(names) for s, names in p.attendees.items()},
        "agenda": [dict(a) for a in p.agenda],
        "cancel": p.cancel,
        "note": p.note,
        "accepted_by": dict(p.accepted_by),
        "declined_by": {s: {"by": k, "reason": r} for s, (k, r) in p.declined_by.items()},
        "superseded_by": p.superseded_by,
    }


def item_view(i: AgendaItem) -> dict[str, Any]:
    return {
        "id": i.id,
        "topic": i.topic,
        "title": i.title,
        "in_mandate": i.in_mandate,
        "raised_by": i.raised_by,
        "raised_seq": i.raised_seq,
        "text": i.text,
        "accepted_by": dict(i.accepted_by),
        "declined_by": {s: {"by": k, "reason": r} for s, (k, r) in i.declined_by.items()},
        "on_agenda": i.on_agenda,
    }


def held_view(h: Held) -> dict[str, Any]:
    return {
        "entry_id": h.entry_id,
        "seq": h.seq,
        "by": h.by,
        "started": h.started_text,
        "started_utc": format_time(h.started),
        "ended": h.ended_text,
        "ended_utc": None if h.ended is None else format_time(h.ended),
        "venue": h.venue,
        "attendees": {s: list(names) for s, names in h.attendees.items()},
        "note": h.note,
        **({"chair": h.chair} if h.chair else {}),  # absent in records written before it
    }


def meeting_view(state: ChannelState, key: str) -> dict[str, Any]:
    m = state[MEETINGS][key]
    view: dict[str, Any] = {
        "id": m.id,
        "status": m.status,
        "agreed": m.agreed,
        "current": m.current.id,
        "proposals": [proposal_view(p) for p in m.proposals],
        "items": [item_view(i) for i in m.items.values()],
    }
    if m.held is not None:  # absent until recorded: records written before it still audit
        view["held"] = held_view(m.held)
    return view


def extension_view(state: ChannelState, key: str) -> dict[str, Any]:
    e = state[EXTENSIONS][key]
    return {
        "topic": e.topic,
        "title": e.title,
        "proposed_by": e.proposed_by,
        "signed_by": dict(e.signed_by),
        "done": e.done,
    }


FEATURE.record(MEETINGS, meeting_view)
FEATURE.record(EXTENSIONS, extension_view)
