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

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, StringConstraints

from parley.crypto.canonical import canonical_json
from parley.crypto.keys import KeyId, b64
from parley.errors import Conflict, InvalidInput, NotFound, Rejected
from parley.model.bodies import Body, Name, Slug, Uuid
from parley.model.ids import EntryId, SideId, TopicId

if TYPE_CHECKING:
    from parley.model.entry import LoggedEntry
    from parley.model.state import ChannelState, Member

Text = Annotated[str, StringConstraints(max_length=5000)]


def parse_zoned(text: str) -> datetime:
    """An ISO 8601 date-time that carries its UTC offset (``2023-03-01T11:00:00+04:00``).

    Raises:
        InvalidInput: ``time.no_zone`` without an offset, ``time.impossible`` for a date
            or time that does not exist.
    """
    try:
        t = datetime.fromisoformat(text)
    except ValueError as exc:
        raise InvalidInput("time.impossible", f"{text!r} is not a valid date and time") from exc
    if t.tzinfo is None or t.utcoffset() is None:
        raise InvalidInput(
            "time.no_zone", f"{text!r} has no time zone; write it like 2023-03-01T11:00:00+04:00"
        )
    return t


# --- bodies -----------------------------------------------------------------------


class AgendaItemSpec(Body):
    id: Slug
    topic: Slug
    title: Name


class MeetingProposed(Body):
    """A proposal (version) for a meeting; ``supersedes`` makes it a counter-proposal,
    postponement, venue change or — with ``cancel`` — a cancellation."""

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
    digest: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]


class MeetingAccepted(MeetingAnswer):
    pass


class MeetingDeclined(MeetingAnswer):
    reason: Text = ""


class AgendaItemProposed(Body):
    meeting: Slug
    item: AgendaItemSpec


class AgendaItemAnswer(Body):
    meeting: Slug
    item: Slug
    reason: Text = ""


class AgendaItemAccepted(AgendaItemAnswer):
    pass


class AgendaItemDeclined(AgendaItemAnswer):
    pass


class AgendaItemRaised(Body):
    """An item raised at a meeting; off the mandate unless its topic is in it."""

    meeting: Slug
    item: Slug
    title: Name
    text: Text
    topic: Slug | None = None


class MandateExtensionProposed(Body):
    topic: Slug
    title: Name
    reason: Text = ""


class MandateExtensionSigned(Body):
    topic: Slug


# --- state ------------------------------------------------------------------------


def proposal_digest(body: dict[str, Any]) -> str:
    return b64(hashlib.sha256(canonical_json(body)).digest())


@dataclass
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
    attendees: dict[str, list[str]]
    agenda: list[dict[str, str]]
    cancel: bool
    note: str
    accepted_by: dict[SideId, KeyId] = field(default_factory=dict)
    declined_by: dict[SideId, tuple[KeyId, str]] = field(default_factory=dict)
    superseded_by: EntryId | None = None


@dataclass
class AgendaItem:
    id: str
    topic: str | None
    title: str
    in_mandate: bool
    raised_by: KeyId
    raised_seq: int
    text: str = ""
    accepted_by: dict[SideId, KeyId] = field(default_factory=dict)
    declined_by: dict[SideId, tuple[KeyId, str]] = field(default_factory=dict)
    on_agenda: bool = False


@dataclass
class Meeting:
    id: str
    proposals: list[Proposal] = field(default_factory=list)
    agreed: EntryId | None = None  # the agreed proposal, if any
    items: dict[str, AgendaItem] = field(default_factory=dict)

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


@dataclass
class MandateExtension:
    topic: str
    title: str
    proposed_by: KeyId
    signed_by: dict[SideId, KeyId] = field(default_factory=dict)
    done: bool = False


# --- rules ------------------------------------------------------------------------

Touched = set[tuple[str, str]]


def _speaks_for(state: ChannelState, author: Member) -> bool:
    """Party heads speak for their party; any mediator member for the mediator."""
    return author.role == "head" or state.sides[author.side].kind == "mediator"


def _require_voice(state: ChannelState, author: Member, what: str) -> None:
    if not _speaks_for(state, author):
        raise Rejected("meeting.not_head", f"only a party's head can {what} for it")


def required_sides(state: ChannelState, fmt: str) -> set[SideId]:
    sides = set(state.party_sides())
    if fmt == "chaired":
        sides.add(state.mediator_side())
    return sides


def _settle(state: ChannelState, meeting: Meeting, p: Proposal) -> None:
    if required_sides(state, p.format) <= set(p.accepted_by):
        meeting.agreed = p.id
        if not p.cancel:
            for spec in p.agenda:
                item = meeting.items.get(spec["id"])
                if item is not None and item.in_mandate:
                    item.on_agenda = True
                    item.accepted_by.update(p.accepted_by)


def meeting_proposed(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, MeetingProposed)
    _require_voice(state, author, "propose a meeting")
    start = parse_zoned(body.start)
    for side in body.attendees:
        if side not in state.sides:
            raise NotFound("side.unknown", f"attendees name an unknown side {side!r}")
    for spec in body.agenda:
        if spec.topic not in state.mandate:
            raise Rejected(
                "agenda.off_mandate",
                f"agenda item {spec.id!r}: topic {spec.topic!r} is not in the mandate; "
                "raise it instead, or extend the mandate first",
            )
    if len({i.id for i in body.agenda}) != len(body.agenda):
        raise Rejected("agenda.duplicate_item", "agenda item ids must differ")
    meeting = state.meetings.get(body.meeting)
    if meeting is None:
        if body.supersedes is not None or body.cancel:
            raise NotFound("meeting.unknown", f"there is no meeting {body.meeting!r} to change")
        meeting = Meeting(body.meeting)
    else:
        if body.supersedes != meeting.current.id:
            raise Conflict(
                "meeting.superseded",
                f"meeting {body.meeting!r} exists; a new version must supersede its current "
                f"proposal {meeting.current.id}",
            )
    h = logged.entry.header
    assert logged.entry.body is not None
    p = Proposal(
        h.id,
        logged.seq,
        proposal_digest(logged.entry.body),
        author.key_id,
        author.side,
        start,
        body.start,
        body.venue,
        body.format,
        {k: list(v) for k, v in body.attendees.items()},
        [i.model_dump() for i in body.agenda],
        body.cancel,
        body.note,
    )
    p.accepted_by[author.side] = author.key_id  # proposing is accepting
    if meeting.proposals:
        meeting.current.superseded_by = h.id
    meeting.proposals.append(p)
    for spec in body.agenda:
        if spec.id not in meeting.items:
            meeting.items[spec.id] = AgendaItem(
                spec.id, spec.topic, spec.title, True, author.key_id, logged.seq
            )
    state.meetings[meeting.id] = meeting
    state.proposals[h.id] = meeting.id
    _settle(state, meeting, p)
    return {("meeting", meeting.id)}


def _proposal(state: ChannelState, body: MeetingAnswer) -> tuple[Meeting, Proposal]:
    mid = state.proposals.get(EntryId(body.proposal))
    if mid is None:
        raise NotFound("meeting.unknown_proposal", f"no meeting proposal {body.proposal}")
    meeting = state.meetings[mid]
    p = next(x for x in meeting.proposals if x.id == body.proposal)
    if p.superseded_by is not None:
        raise Conflict("meeting.superseded", f"proposal {p.id} was superseded by {p.superseded_by}")
    if p.digest != body.digest:
        raise Rejected(
            "meeting.digest_mismatch", "the answer is for another version of this proposal"
        )
    return meeting, p


def meeting_answered(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, MeetingAccepted | MeetingDeclined)
    _require_voice(state, author, "answer a meeting proposal")
    meeting, p = _proposal(state, body)
    if author.side not in required_sides(state, p.format):
        raise Rejected("meeting.not_invited", "this side's answer is not needed for this format")
    if author.side in p.accepted_by or author.side in p.declined_by:
        raise Conflict("meeting.already_answered", "this side already answered this proposal")
    if isinstance(body, MeetingAccepted):
        p.accepted_by[author.side] = author.key_id
        _settle(state, meeting, p)
    else:
        p.declined_by[author.side] = (author.key_id, body.reason)
    return {("meeting", meeting.id)}


def _meeting(state: ChannelState, meeting_id: str) -> Meeting:
    meeting = state.meetings.get(meeting_id)
    if meeting is None:
        raise NotFound("meeting.unknown", f"there is no meeting {meeting_id!r}")
    return meeting


def agenda_item_proposed(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, AgendaItemProposed)
    _require_voice(state, author, "propose an agenda item")
    meeting = _meeting(state, body.meeting)
    if body.item.topic not in state.mandate:
        raise Rejected(
            "agenda.off_mandate",
            f"topic {body.item.topic!r} is not in the mandate; raise it (agenda.item_raised) "
            "or extend the mandate with every party head's signature first",
        )
    if body.item.id in meeting.items:
        raise Conflict("agenda.duplicate_item", f"agenda item {body.item.id!r} exists")
    item = AgendaItem(
        body.item.id, body.item.topic, body.item.title, True, author.key_id, logged.seq
    )
    item.accepted_by[author.side] = author.key_id
    meeting.items[item.id] = item
    _settle_item(state, item)
    return {("meeting", meeting.id)}


def agenda_item_raised(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, AgendaItemRaised)
    meeting = _meeting(state, body.meeting)
    if body.item in meeting.items:
        raise Conflict("agenda.duplicate_item", f"agenda item {body.item!r} exists")
    in_mandate = body.topic is not None and body.topic in state.mandate
    meeting.items[body.item] = AgendaItem(
        body.item, body.topic, body.title, in_mandate, author.key_id, logged.seq, body.text
    )
    return {("meeting", meeting.id)}


def _settle_item(state: ChannelState, item: AgendaItem) -> None:
    if item.in_mandate and set(state.party_sides()) <= set(item.accepted_by):
        item.on_agenda = True


def agenda_item_answered(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, AgendaItemAccepted | AgendaItemDeclined)
    _require_voice(state, author, "answer for an agenda item")
    meeting = _meeting(state, body.meeting)
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
        item.accepted_by[author.side] = author.key_id
        _settle_item(state, item)
    else:
        item.declined_by[author.side] = (author.key_id, body.reason)
    return {("meeting", meeting.id)}


def extension_proposed(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, MandateExtensionProposed)
    if body.topic in state.mandate or body.topic in state.extensions:
        raise Conflict(
            "mandate.exists", f"topic {body.topic!r} is already in or proposed for the mandate"
        )
    state.extensions[body.topic] = MandateExtension(body.topic, body.title, author.key_id)
    return {("extension", body.topic)}


def extension_signed(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, MandateExtensionSigned)
    ext = state.extensions.get(body.topic)
    if ext is None:
        raise NotFound(
            "mandate.unknown_extension", f"no proposed extension for topic {body.topic!r}"
        )
    if state.sides[author.side].kind != "party" or author.role != "head":
        raise Rejected("mandate.not_head", "only party heads sign a mandate extension")
    if author.side in ext.signed_by:
        raise Conflict("mandate.already_signed", "this party already signed this extension")
    ext.signed_by[author.side] = author.key_id
    touched: Touched = {("extension", body.topic)}
    if set(state.party_sides()) <= set(ext.signed_by):
        ext.done = True
        state.mandate[TopicId(ext.topic)] = ext.title
        touched.add(("channel", ""))
        for meeting in state.meetings.values():
            for item in meeting.items.values():
                if item.topic == ext.topic and not item.in_mandate:
                    item.in_mandate = True
                    touched.add(("meeting", meeting.id))
    return touched


TYPES: dict[str, type[Body]] = {
    "meeting.proposed": MeetingProposed,
    "meeting.accepted": MeetingAccepted,
    "meeting.declined": MeetingDeclined,
    "agenda.item_proposed": AgendaItemProposed,
    "agenda.item_accepted": AgendaItemAccepted,
    "agenda.item_declined": AgendaItemDeclined,
    "agenda.item_raised": AgendaItemRaised,
    "mandate.extension_proposed": MandateExtensionProposed,
    "mandate.extension_signed": MandateExtensionSigned,
}

HANDLERS: dict[type[Body], Any] = {
    MeetingProposed: meeting_proposed,
    MeetingAccepted: meeting_answered,
    MeetingDeclined: meeting_answered,
    AgendaItemProposed: agenda_item_proposed,
    AgendaItemAccepted: agenda_item_answered,
    AgendaItemDeclined: agenda_item_answered,
    AgendaItemRaised: agenda_item_raised,
    MandateExtensionProposed: extension_proposed,
    MandateExtensionSigned: extension_signed,
}
