"""Commitments: dated obligations with reports, confirmations and disputes.

A commitment names its owner party, the action, when it is due (an absolute date-time
with its zone, or ``days`` after a meeting's agreed start, resolved to a date-time),
how it is to be reported (through the mediator, or directly) and the agenda item it
serves. The owner reports it done; the counterparty confirms or disputes — never the
owner itself. Reminders and overdue escalations are entries the server's timer writes,
signed with the server's own key and marked automatic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, StringConstraints

from parley.crypto.keys import KeyId
from parley.errors import Conflict, InvalidInput, NotFound, Rejected
from parley.model.bodies import Body, KeyIdStr, Slug, Uuid
from parley.model.ids import EntryId, SideId
from parley.model.meetings import parse_zoned

if TYPE_CHECKING:
    from parley.model.entry import LoggedEntry
    from parley.model.state import ChannelState, Member

Text = Annotated[str, StringConstraints(max_length=5000)]
Touched = set[tuple[str, str]]
DUE_SOON = timedelta(hours=24)


class RelativeDue(Body):
    days: int = Field(ge=0, le=3650)
    after_meeting: Slug


class CommitmentAdded(Body):
    commitment: Slug
    owner: Slug
    text: Text
    due: Annotated[str, StringConstraints(max_length=40)] | RelativeDue
    report_via: Literal["mediator", "direct"] = "mediator"
    meeting: Slug | None = None
    agenda_item: Slug | None = None


class CommitmentReported(Body):
    commitment: Slug
    note: Text = ""
    message: Uuid | None = None


class CommitmentConfirmed(Body):
    commitment: Slug
    note: Text = ""


class CommitmentDisputed(Body):
    commitment: Slug
    reason: Text


class MessageUnacknowledged(Body):
    """Written by the server's timer (automatic): a message's acknowledgement deadline
    passed without an acknowledgement. Silence is recorded, not inferred later."""

    message: Uuid
    deadline: Annotated[str, StringConstraints(max_length=40)]
    notify: list[KeyIdStr] = Field(default_factory=list, max_length=5)
    """Whom the server notified (the charter's escalation contacts)."""


class TimerFired(Body):
    """Written by the server's timer (automatic): a reminder or an overdue escalation."""

    commitment: Slug
    due: Annotated[str, StringConstraints(max_length=40)]
    notify: list[KeyIdStr] = Field(default_factory=list, max_length=5)
    """Whom the server notified of an overdue commitment (empty for a reminder)."""


@dataclass
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
    reported: tuple[KeyId, int, str] | None = None
    confirmed: tuple[KeyId, int, str] | None = None
    disputed: tuple[KeyId, int, str] | None = None
    reminded_seq: int | None = None
    escalated_seq: int | None = None
    events: list[EntryId] = field(default_factory=list)

    def state(self, now: datetime) -> str:
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


def resolve_due(state: ChannelState, due: str | RelativeDue) -> datetime:
    if isinstance(due, str):
        return parse_zoned(due)
    meeting = state.meetings.get(due.after_meeting)
    agreed = meeting.agreed_proposal() if meeting else None
    if agreed is None:
        raise Rejected(
            "commitment.no_meeting",
            f"meeting {due.after_meeting!r} has no agreed time to count from",
        )
    return agreed.start + timedelta(days=due.days)


def commitment_added(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, CommitmentAdded)
    side = state.sides[author.side]
    if side.kind != "mediator" and author.role != "head":
        raise Rejected("commitment.not_head", "a party's head or the mediator records commitments")
    if body.owner not in state.party_sides():
        raise NotFound("side.unknown", f"{body.owner!r} is not a party of this channel")
    if body.commitment in state.commitments:
        raise Conflict("commitment.exists", f"commitment {body.commitment!r} exists")
    if body.agenda_item is not None:
        meeting = state.meetings.get(body.meeting or "")
        if meeting is None or body.agenda_item not in meeting.items:
            raise NotFound(
                "agenda.unknown_item",
                f"no agenda item {body.agenda_item!r} in meeting {body.meeting!r}",
            )
    due = resolve_due(state, body.due)
    state.commitments[body.commitment] = Commitment(
        body.commitment,
        SideId(body.owner),
        body.text,
        due,
        body.report_via,
        body.meeting,
        body.agenda_item,
        author.key_id,
        logged.seq,
        events=[logged.entry.id],
    )
    return {("commitment", body.commitment)}


def _commitment(state: ChannelState, cid: str) -> Commitment:
    c = state.commitments.get(cid)
    if c is None:
        raise NotFound("commitment.unknown", f"there is no commitment {cid!r}")
    return c


def commitment_reported(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, CommitmentReported)
    c = _commitment(state, body.commitment)
    if author.side != c.owner:
        raise Rejected("commitment.not_owner", "only the owner party reports its commitment done")
    if c.reported is not None:
        raise Conflict("commitment.already_reported", "this commitment was already reported done")
    if body.message is not None and EntryId(body.message) not in state.messages:
        raise NotFound("message.unknown", f"no message {body.message}")
    c.reported = (author.key_id, logged.seq, body.note)
    c.events.append(logged.entry.id)
    return {("commitment", c.id)}


def commitment_answered(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, CommitmentConfirmed | CommitmentDisputed)
    c = _commitment(state, body.commitment)
    if author.side == c.owner:
        raise Rejected("commitment.own", "a party cannot confirm or dispute its own commitment")
    if state.sides[author.side].kind != "party" or author.role != "head":
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
        c.confirmed = (author.key_id, logged.seq, body.note)
    else:
        c.disputed = (author.key_id, logged.seq, body.reason)
    c.events.append(logged.entry.id)
    return {("commitment", c.id)}


def message_unacknowledged(state: ChannelState, logged: LoggedEntry, body: Body) -> Touched:
    assert isinstance(body, MessageUnacknowledged)
    msg = state.messages.get(EntryId(body.message))
    if msg is None:
        raise NotFound("message.unknown", f"no message {body.message}")
    if parse_zoned(body.deadline) != msg.ack_deadline:
        raise InvalidInput("timer.bad_due", "the timer entry names another deadline")
    if msg.acknowledged_at is not None:
        raise Rejected("timer.not_needed", "the message was acknowledged")
    if msg.escalated_at is not None:
        raise Conflict("timer.duplicate", "this escalation was already recorded")
    _check_notify(state, body.notify, True)
    if logged.received_at <= msg.ack_deadline:
        raise Rejected("timer.too_early", "the acknowledgement deadline has not passed")
    msg.escalated_at = logged.received_at
    return {("message", msg.id)}


def _check_notify(state: ChannelState, notify: list[str], escalation: bool) -> None:
    expected = state.escalation_targets() if escalation else []
    if list(notify) != expected:
        raise InvalidInput(
            "timer.bad_notify",
            f"an {'escalation' if escalation else 'reminder'} notifies {expected or 'nobody'}, "
            f"not {notify}",
        )


def timer_fired(state: ChannelState, logged: LoggedEntry, body: Body) -> Touched:
    """Automatic entries, authored by the server key named in the charter."""
    if isinstance(body, MessageUnacknowledged):
        return message_unacknowledged(state, logged, body)
    assert isinstance(body, TimerFired)
    c = _commitment(state, body.commitment)
    kind = logged.entry.header.type
    now = logged.received_at
    if parse_zoned(body.due) != c.due:
        raise InvalidInput("timer.bad_due", "the timer entry names another due date")
    if c.reported is not None:
        raise Rejected("timer.not_needed", "the commitment was already reported")
    _check_notify(state, body.notify, kind != "timer.reminder")
    if kind == "timer.reminder":
        if c.reminded_seq is not None:
            raise Conflict("timer.duplicate", "this reminder was already sent")
        if now < c.due - DUE_SOON:
            raise Rejected("timer.too_early", "a reminder goes out within a day of the due date")
        c.reminded_seq = logged.seq
    else:
        if c.escalated_seq is not None:
            raise Conflict("timer.duplicate", "this escalation was already sent")
        if now <= c.due:
            raise Rejected("timer.too_early", "not overdue yet")
        c.escalated_seq = logged.seq
    c.events.append(logged.entry.id)
    return {("commitment", c.id)}


TYPES: dict[str, type[Body]] = {
    "commitment.added": CommitmentAdded,
    "commitment.reported": CommitmentReported,
    "commitment.confirmed": CommitmentConfirmed,
    "commitment.disputed": CommitmentDisputed,
    "timer.reminder": TimerFired,
    "timer.overdue": TimerFired,
    "timer.unacknowledged": MessageUnacknowledged,
}
HANDLERS: dict[type[Body], Any] = {
    CommitmentAdded: commitment_added,
    CommitmentReported: commitment_reported,
    CommitmentConfirmed: commitment_answered,
    CommitmentDisputed: commitment_answered,
}
