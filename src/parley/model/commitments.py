"""Commitments: dated obligations with reports, confirmations and disputes.

A commitment names its owner party, the action, when it is due (an absolute date-time
with its zone, or ``days`` after a meeting's agreed start, resolved to a date-time),
how it is to be reported (through the mediator, or directly) and the agenda item it
serves. The owner reports it done; the counterparty confirms or disputes — never the
owner itself. Reminders and overdue escalations are entries the server's timer writes,
signed with the server's own key and marked automatic.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from parley.crypto.keys import KeyId
from parley.errors import Conflict, InvalidInput, NotFound, Rejected
from parley.model.bodies import Body, KeyIdStr, Slug, Uuid
from parley.model.clock import format_time, parse_zoned
from parley.model.feature import EVERY_MEMBER, Act, Draft, Event, Feature
from parley.model.ids import EntryId, SideId
from parley.model.meetings import MEETINGS
from parley.model.messages import MESSAGES, expect_notify
from parley.model.state import ChannelState, StateView, Table

FEATURE = Feature("commitments", __doc__ or "")

Text = Annotated[str, StringConstraints(max_length=5000)]
DUE_SOON = timedelta(hours=24)


class RelativeDue(Body):
    days: int = Field(ge=0, le=3650)
    after_meeting: Slug


class CommitmentAdded(Body):
    """A party's dated obligation, recorded by its head or the mediator."""

    TYPE = "commitment.added"
    commitment: Slug
    owner: Slug
    text: Text
    due: Annotated[str, StringConstraints(max_length=40)] | RelativeDue
    report_via: Literal["mediator", "direct"] = "mediator"
    meeting: Slug | None = None
    agenda_item: Slug | None = None


class CommitmentReported(Body):
    """The owner party reports its commitment done."""

    TYPE = "commitment.reported"
    commitment: Slug
    note: Text = ""
    message: Uuid | None = None


class CommitmentConfirmed(Body):
    """The counterparty's head confirms a reported commitment."""

    TYPE = "commitment.confirmed"
    commitment: Slug
    note: Text = ""


class CommitmentDisputed(Body):
    """The counterparty's head disputes a reported commitment, saying why."""

    TYPE = "commitment.disputed"
    commitment: Slug
    reason: Text


class TimerFired(Body):
    commitment: Slug
    due: Annotated[str, StringConstraints(max_length=40)]
    notify: list[KeyIdStr] = Field(default_factory=list, max_length=5)
    """Whom the server notified of an overdue commitment (empty for a reminder)."""


class TimerReminder(TimerFired):
    """Written by the server's timer (automatic): a commitment is due within a day."""

    TYPE = "timer.reminder"


class TimerOverdue(TimerFired):
    """Written by the server's timer (automatic): a commitment is overdue; the charter's
    escalation contacts were notified."""

    TYPE = "timer.overdue"


Answer = tuple[KeyId, int, str]
"""Who, at which sequence number, with which note."""


@dataclass(frozen=True, slots=True)
class Commitment:
    id: str
    owner: SideId
    text: str
    due: datetime
    report_via: str
    meeting: str | None
    agenda_item: str | None
    added_by: KeyId
    added_seq: int
    reported: Answer | None = None
    reported_at: datetime | None = None
    confirmed: Answer | None = None
    disputed: Answer | None = None
    reminded_seq: int | None = None
    escalated_seq: int | None = None
    events: tuple[EntryId, ...] = ()

    def state(self, now: datetime) -> str:
        """open, due_soon, overdue, reported, confirmed or disputed — at ``now``."""
        if self.disputed is not None:
            return "disputed"
        if self.confirmed is not None:
            return "confirmed"
        if self.reported is not None:
            return "reported"
        if now > self.due:
            return "overdue"
        if now >= self.due - DUE_SOON:
            return "due_soon"
        return "open"

    def with_event(self, entry: EntryId, **changes: Any) -> Commitment:
        return dataclasses.replace(self, events=(*self.events, entry), **changes)


COMMITMENTS: Table[str, Commitment] = FEATURE.table(Table("commitment", ordered=True))


def resolve_due(state: StateView, due: str | RelativeDue) -> datetime:
    if isinstance(due, str):
        return parse_zoned(due)
    meeting = state[MEETINGS].get(due.after_meeting)
    agreed = meeting.agreed_proposal() if meeting else None
    if agreed is None:
        raise Rejected(
            "commitment.no_meeting",
            f"meeting {due.after_meeting!r} has no agreed time to count from",
        )
    return agreed.start + timedelta(days=due.days)


@FEATURE.handles(CommitmentAdded, read=EVERY_MEMBER)
def commitment_added(d: Draft, e: Act[CommitmentAdded]) -> None:
    body, author = e.body, e.author
    side = d.sides[author.side]
    if side.kind != "mediator" and author.role != "head":
        raise Rejected("commitment.not_head", "a party's head or the mediator records commitments")
    if body.owner not in d.party_sides():
        raise NotFound("side.unknown", f"{body.owner!r} is not a party of this channel")
    if body.commitment in d[COMMITMENTS]:
        raise Conflict("commitment.exists", f"commitment {body.commitment!r} exists")
    if body.agenda_item is not None:
        meeting = d[MEETINGS].get(body.meeting or "")
        if meeting is None or body.agenda_item not in meeting.items:
            raise NotFound(
                "agenda.unknown_item",
                f"no agenda item {body.agenda_item!r} in meeting {body.meeting!r}",
            )
    due = resolve_due(d, body.due)
    d.put(
        COMMITMENTS,
        body.commitment,
        Commitment(
            body.commitment,
            SideId(body.owner),
            body.text,
            due,
            body.report_via,
            body.meeting,
            body.agenda_item,
            author.key_id,
            e.seq,
            events=(e.id,),
        ),
    )


def _commitment(state: StateView, cid: str) -> Commitment:
    c = state[COMMITMENTS].get(cid)
    if c is None:
        raise NotFound("commitment.unknown", f"there is no commitment {cid!r}")
    return c


@FEATURE.handles(CommitmentReported, read=EVERY_MEMBER)
def commitment_reported(d: Draft, e: Act[CommitmentReported]) -> None:
    body, author = e.body, e.author
    c = _commitment(d, body.commitment)
    if author.side != c.owner:
        raise Rejected("commitment.not_owner", "only the owner party reports its commitment done")
    if c.reported is not None:
        raise Conflict("commitment.already_reported", "this commitment was already reported done")
    if body.message is not None and EntryId(body.message) not in d[MESSAGES]:
        raise NotFound("message.unknown", f"no message {body.message}")
    reported = (author.key_id, e.seq, body.note)
    d.put(COMMITMENTS, c.id, c.with_event(e.id, reported=reported, reported_at=e.at))


@FEATURE.handles(CommitmentConfirmed, CommitmentDisputed, read=EVERY_MEMBER)
def commitment_answered(d: Draft, e: Act[CommitmentConfirmed | CommitmentDisputed]) -> None:
    body, author = e.body, e.author
    c = _commitment(d, body.commitment)
    if author.side == c.owner:
        raise Rejected("commitment.own", "a party cannot confirm or dispute its own commitment")
    if d.sides[author.side].kind != "party" or author.role != "head":
        raise Rejected(
            "commitment.not_counterparty", "the counterparty's head confirms or disputes"
        )
    if c.reported is None:
        raise Rejected("commitment.not_reported", "the owner has not reported it done yet")
    if c.confirmed is not None or c.disputed is not None:
        raise Conflict(
            "commitment.already_answered", "this report was already confirmed or disputed"
        )
    if isinstance(body, CommitmentConfirmed):
        c = c.with_event(e.id, confirmed=(author.key_id, e.seq, body.note))
    else:
        c = c.with_event(e.id, disputed=(author.key_id, e.seq, body.reason))
    d.put(COMMITMENTS, c.id, c)


@FEATURE.automatic(TimerReminder, TimerOverdue, read=EVERY_MEMBER)
def timer_fired(d: Draft, e: Event[TimerReminder | TimerOverdue]) -> None:
    """A reminder or an overdue escalation, authored by the server key the charter names."""
    body = e.body
    c = _commitment(d, body.commitment)
    if parse_zoned(body.due) != c.due:
        raise InvalidInput("timer.bad_due", "the timer entry names another due date")
    if c.reported is not None:
        raise Rejected("timer.not_needed", "the commitment was already reported")
    reminder = isinstance(body, TimerReminder)
    expect_notify(d, body.notify, not reminder)
    if reminder:
        if c.reminded_seq is not None:
            raise Conflict("timer.duplicate", "this reminder was already sent")
        if e.at < c.due - DUE_SOON:
            raise Rejected("timer.too_early", "a reminder goes out within a day of the due date")
        c = c.with_event(e.id, reminded_seq=e.seq)
    else:
        if c.escalated_seq is not None:
            raise Conflict("timer.duplicate", "this escalation was already sent")
        if e.at <= c.due:
            raise Rejected("timer.too_early", "not overdue yet")
        c = c.with_event(e.id, escalated_seq=e.seq)
    d.put(COMMITMENTS, c.id, c)


def _who(answer: Answer | None) -> dict[str, Any] | None:
    return None if answer is None else {"by": answer[0], "seq": answer[1], "note": answer[2]}


def commitment_view(state: ChannelState, key: str) -> dict[str, Any]:
    c = state[COMMITMENTS][key]
    return {
        "id": c.id,
        "owner": c.owner,
        "text": c.text,
        "due": format_time(c.due),
        "report_via": c.report_via,
        "meeting": c.meeting,
        "agenda_item": c.agenda_item,
        "added_by": c.added_by,
        "added_seq": c.added_seq,
        "reported": _who(c.reported),
        "confirmed": _who(c.confirmed),
        "disputed": _who(c.disputed),
        "reminded_seq": c.reminded_seq,
        "escalated_seq": c.escalated_seq,
        "events": list(c.events),
    }


def commitment_state(view: dict[str, Any], now: datetime) -> str:
    """open, due_soon, overdue, reported, confirmed or disputed — at ``now``, from a
    commitment's record (the same answer as :meth:`Commitment.state`)."""
    from parley.model.clock import parse_time

    if view["disputed"]:
        return "disputed"
    if view["confirmed"]:
        return "confirmed"
    if view["reported"]:
        return "reported"
    due = parse_time(view["due"])
    if now > due:
        return "overdue"
    return "due_soon" if now >= due - DUE_SOON else "open"


FEATURE.record(COMMITMENTS, commitment_view)
