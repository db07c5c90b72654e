"""Messages between the sides, with receipts at every hop and acknowledgement deadlines.

A member sends a message to another side (``message.sent``); the server's relay receipt
is its first hop. The recipient side's client marks it delivered (``receipt.delivered``)
and a person acknowledges it (``receipt.acknowledged``) before the deadline the charter
sets for its priority; a reply (``reply_to``) marks it answered. The mediator relays a
message sent to it (``relay_of``). When the deadline passes without an acknowledgement,
the server's timer records it (``timer.unacknowledged``, automatic) and notifies the
charter's escalation contacts: silence is an event in the record, never inferred later.

A message's body is read by its sender's side, its recipient's side and the mediator;
the other party sees that it exists (the signed header), not what it says.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from parley.crypto.keys import KeyId
from parley.errors import Conflict, InvalidInput, NotFound, Rejected
from parley.model.bodies import Body, KeyIdStr, Lang, Priority, Slug, Uuid
from parley.model.clock import format_time, parse_zoned
from parley.model.entry import Disclosure
from parley.model.feature import EVERY_MEMBER, Act, Draft, Event, Feature, ReadRule, Row
from parley.model.ids import EntryId, SideId, TopicId
from parley.model.state import ChannelState, Member, StateView, Table

FEATURE = Feature("messages", __doc__ or "")

# --- bodies -------------------------------------------------------------------------


class MessageSent(Body):
    """A message to another side."""

    TYPE = "message.sent"
    to: Slug
    priority: Priority
    subject: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    text: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    language: Lang
    topic: Slug | None = None
    reply_to: Uuid | None = None
    relay_of: Uuid | None = None


class ReceiptDelivered(Body):
    """The recipient's client fetched the message."""

    TYPE = "receipt.delivered"
    message: Uuid


class ReceiptAcknowledged(Body):
    """A person on the recipient side confirms the message."""

    TYPE = "receipt.acknowledged"
    message: Uuid
    note: Annotated[str, StringConstraints(max_length=2000)] = ""


class MessageUnacknowledged(Body):
    """Written by the server's timer (automatic): a message's acknowledgement deadline
    passed without an acknowledgement. Silence is recorded, not inferred later."""

    TYPE = "timer.unacknowledged"
    message: Uuid
    deadline: Annotated[str, StringConstraints(max_length=40)]
    notify: list[KeyIdStr] = Field(default_factory=list, max_length=5)
    """Whom the server notified (the charter's escalation contacts)."""


# --- state --------------------------------------------------------------------------


class MessageStatus(StrEnum):
    """Receipt states, in the order a message reaches them."""

    RELAYED = "relayed"  # the server accepted and ordered it
    DELIVERED = "delivered"  # a recipient's client fetched it
    ACKNOWLEDGED = "acknowledged"  # a recipient person confirmed it
    ANSWERED = "answered"  # a recipient replied to it


@dataclass(frozen=True, slots=True)
class Receipt:
    entry_id: EntryId
    seq: int
    kind: str  # delivered | acknowledged
    message: EntryId
    member: KeyId
    side: SideId
    at: datetime
    note: str = ""


@dataclass(frozen=True, slots=True)
class Message:
    id: EntryId
    seq: int
    sender: KeyId
    sender_side: SideId
    to: SideId
    priority: str
    subject: str
    text: str
    language: str
    topic: TopicId | None
    reply_to: EntryId | None
    relay_of: EntryId | None
    sent_time: datetime
    relayed_at: datetime
    ack_deadline: datetime
    disclosure: Disclosure
    delivered_at: datetime | None = None
    acknowledged_at: datetime | None = None
    answered_at: datetime | None = None
    answered_by: EntryId | None = None
    escalated_at: datetime | None = None  # the server's timer recorded the missed deadline
    receipts: tuple[EntryId, ...] = ()

    @property
    def status(self) -> MessageStatus:
        if self.answered_at is not None:
            return MessageStatus.ANSWERED
        if self.acknowledged_at is not None:
            return MessageStatus.ACKNOWLEDGED
        if self.delivered_at is not None:
            return MessageStatus.DELIVERED
        return MessageStatus.RELAYED

    def overdue(self, now: datetime) -> bool:
        """No acknowledgement and the deadline has passed."""
        return self.acknowledged_at is None and now > self.ack_deadline


MESSAGES: Table[EntryId, Message] = FEATURE.table(Table("message"))
RECEIPTS: Table[EntryId, Receipt] = FEATURE.table(Table("receipt"))


def can_see(state: StateView, side: SideId, message: Message) -> bool:
    """Sender side, recipient side and the mediator (who sees all traffic)."""
    return side in (message.sender_side, message.to) or side == state.mediator_side()


def message_sides(state: StateView, entry: EntryId) -> tuple[SideId, SideId] | None:
    """(sender side, recipient side) of a message, or of a receipt's message."""
    msg = state[MESSAGES].get(entry)
    if msg is None and (r := state[RECEIPTS].get(entry)) is not None:
        msg = state[MESSAGES].get(r.message)
    return None if msg is None else (msg.sender_side, msg.to)


MESSAGE_PARTIES = ReadRule(
    "the sender's side, the recipient's side and the mediator", parties=message_sides
)


# --- rules --------------------------------------------------------------------------


def visible_message(state: StateView, author: Member, message_id: str) -> Message:
    msg = state[MESSAGES].get(EntryId(message_id))
    if msg is None or not can_see(state, author.side, msg):
        # The same answer for "does not exist" and "not yours": existence is information.
        raise NotFound("message.unknown", f"no message {message_id} that this member can see")
    return msg


@FEATURE.handles(MessageSent, read=MESSAGE_PARTIES)
def message_sent(d: Draft, e: Act[MessageSent]) -> None:
    body, author, h = e.body, e.author, e.header
    if body.to not in d.sides:
        raise NotFound("side.unknown", f"there is no side {body.to!r} in this channel")
    if body.to == author.side:
        raise Rejected("message.to_own_side", "a message goes to another side")
    if body.topic is not None and body.topic not in d.mandate:
        raise Rejected(
            "message.topic_not_in_mandate",
            f"topic {body.topic!r} is not in the mandate ({', '.join(d.mandate)})",
        )
    answered: Message | None = None
    if body.reply_to is not None:
        answered = visible_message(d, author, body.reply_to)
    if body.relay_of is not None:
        if author.side != d.mediator_side():
            raise Rejected("message.relay_not_mediator", "only the mediator relays messages")
        original = visible_message(d, author, body.relay_of)
        if original.to != author.side:
            raise Rejected(
                "message.relay_not_addressed", "only a message sent to the mediator can be relayed"
            )
    deadline = e.at + timedelta(seconds=d.charter.ack_deadlines[body.priority])
    d.put(
        MESSAGES,
        h.id,
        Message(
            id=h.id,
            seq=e.seq,
            sender=author.key_id,
            sender_side=author.side,
            to=SideId(body.to),
            priority=body.priority,
            subject=body.subject,
            text=body.text,
            language=body.language,
            topic=None if body.topic is None else TopicId(body.topic),
            reply_to=None if body.reply_to is None else EntryId(body.reply_to),
            relay_of=None if body.relay_of is None else EntryId(body.relay_of),
            sent_time=h.at,
            relayed_at=e.at,
            ack_deadline=deadline,
            disclosure=Disclosure(h.disclosure),
        ),
    )
    if answered is not None and answered.to == author.side and answered.answered_at is None:
        d.put(
            MESSAGES, answered.id, dataclasses.replace(answered, answered_at=e.at, answered_by=h.id)
        )


@FEATURE.handles(ReceiptDelivered, ReceiptAcknowledged, read=MESSAGE_PARTIES)
def receipt(d: Draft, e: Act[ReceiptDelivered | ReceiptAcknowledged]) -> None:
    body, author = e.body, e.author
    kind = "delivered" if isinstance(body, ReceiptDelivered) else "acknowledged"
    msg = visible_message(d, author, body.message)
    if msg.to != author.side:
        raise Rejected(
            "receipt.not_recipient", f"only the recipient side can mark a message {kind}"
        )
    receipts = d[RECEIPTS]
    for rid in msg.receipts:
        r = receipts[rid]
        if r.kind == kind and r.member == author.key_id:
            raise Conflict("receipt.duplicate", f"{author.name} already marked this message {kind}")
    d.put(
        RECEIPTS,
        e.id,
        Receipt(
            e.id,
            e.seq,
            kind,
            msg.id,
            author.key_id,
            author.side,
            e.at,
            body.note if isinstance(body, ReceiptAcknowledged) else "",
        ),
    )
    d.put(
        MESSAGES,
        msg.id,
        dataclasses.replace(
            msg,
            receipts=(*msg.receipts, e.id),
            # An acknowledgement implies delivery.
            delivered_at=msg.delivered_at or e.at,
            acknowledged_at=(
                e.at
                if kind == "acknowledged" and msg.acknowledged_at is None
                else msg.acknowledged_at
            ),
        ),
    )


def expect_notify(state: StateView, notify: list[str], escalation: bool) -> None:
    """An automatic entry names exactly whom the charter says it notifies.

    Raises:
        InvalidInput: ``timer.bad_notify``.
    """
    expected = state.escalation_targets() if escalation else []
    if list(notify) != expected:
        raise InvalidInput(
            "timer.bad_notify",
            f"an {'escalation' if escalation else 'reminder'} notifies {expected or 'nobody'}, "
            f"not {notify}",
        )


@FEATURE.automatic(MessageUnacknowledged, read=EVERY_MEMBER)  # ids and times only
def unacknowledged(d: Draft, e: Event[MessageUnacknowledged]) -> None:
    body = e.body
    msg = d[MESSAGES].get(EntryId(body.message))
    if msg is None:
        raise NotFound("message.unknown", f"no message {body.message}")
    if parse_zoned(body.deadline) != msg.ack_deadline:
        raise InvalidInput("timer.bad_due", "the timer entry names another deadline")
    if msg.acknowledged_at is not None:
        raise Rejected("timer.not_needed", "the message was acknowledged")
    if msg.escalated_at is not None:
        raise Conflict("timer.duplicate", "this escalation was already recorded")
    expect_notify(d, body.notify, True)
    if e.at <= msg.ack_deadline:
        raise Rejected("timer.too_early", "the acknowledgement deadline has not passed")
    d.put(MESSAGES, msg.id, dataclasses.replace(msg, escalated_at=e.at))


# --- projections ----------------------------------------------------------------------


def _t(value: datetime | None) -> str | None:
    return None if value is None else format_time(value)


def message_row(state: ChannelState, message_id: EntryId) -> Row:
    m = state[MESSAGES][message_id]
    return {
        "channel_id": state.channel_id,
        "entry_id": m.id,
        "seq": m.seq,
        "sender": m.sender,
        "sender_side": m.sender_side,
        "to_side": m.to,
        "priority": m.priority,
        "subject": m.subject,
        "text": m.text,
        "language": m.language,
        "topic": m.topic,
        "reply_to": m.reply_to,
        "relay_of": m.relay_of,
        "disclosure": m.disclosure.value,
        "sent_time": _t(m.sent_time),
        "relayed_at": _t(m.relayed_at),
        "ack_deadline": _t(m.ack_deadline),
        "status": m.status.value,
        "delivered_at": _t(m.delivered_at),
        "acknowledged_at": _t(m.acknowledged_at),
        "answered_at": _t(m.answered_at),
        "answered_by": m.answered_by,
        "escalated_at": _t(m.escalated_at),
    }


def receipt_row(state: ChannelState, receipt_id: EntryId) -> Row:
    r = state[RECEIPTS][receipt_id]
    return {
        "channel_id": state.channel_id,
        "entry_id": r.entry_id,
        "seq": r.seq,
        "message_id": r.message,
        "kind": r.kind,
        "member": r.member,
        "side_id": r.side,
        "at": _t(r.at),
        "note": r.note,
    }


FEATURE.projection(MESSAGES, "messages", message_row)
FEATURE.projection(RECEIPTS, "receipts", receipt_row)
