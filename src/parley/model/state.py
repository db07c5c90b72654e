"""The state of a channel, as folded from its entries. Plain data, no rules here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from parley.crypto.keys import KeyId, VerifyKey
from parley.model.assessments import Assessment
from parley.model.checks import Check
from parley.model.commitments import Commitment
from parley.model.disclosure import Communique, Opening
from parley.model.entry import Disclosure
from parley.model.ids import ChannelId, EntryId, SideId, TopicId
from parley.model.meetings import MandateExtension, Meeting
from parley.model.minutes import Minutes
from parley.model.recovery import Replacement


class ChannelStatus(StrEnum):
    PENDING = "pending"  # created; waiting for every party head to accept the charter
    ACTIVE = "active"


class MessageStatus(StrEnum):
    """Receipt states, in the order a message reaches them."""

    RELAYED = "relayed"  # the server accepted and ordered it
    DELIVERED = "delivered"  # a recipient's client fetched it
    ACKNOWLEDGED = "acknowledged"  # a recipient person confirmed it
    ANSWERED = "answered"  # a recipient replied to it


@dataclass(slots=True)
class Member:
    key_id: KeyId
    key: VerifyKey
    side: SideId
    role: str
    name: str
    title: str
    active: bool = True
    added_seq: int = 0
    removed_seq: int | None = None


@dataclass(slots=True)
class Side:
    id: SideId
    name: str
    kind: str  # "party" | "mediator"
    accepted_by: KeyId | None = None
    accepted_seq: int | None = None


@dataclass(slots=True)
class Receipt:
    entry_id: EntryId
    seq: int
    kind: str  # delivered | acknowledged
    message: EntryId
    member: KeyId
    side: SideId
    at: datetime
    note: str = ""


@dataclass(slots=True)
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
    receipts: list[EntryId] = field(default_factory=list)

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


@dataclass(slots=True)
class ChannelState:
    channel_id: ChannelId
    title: str = ""
    created_id: EntryId | None = None
    charter_digest: str = ""
    status: ChannelStatus = ChannelStatus.PENDING
    default_disclosure: Disclosure = Disclosure.CONFIDENTIAL
    ack_deadlines: dict[str, int] = field(default_factory=dict)
    sides: dict[SideId, Side] = field(default_factory=dict)
    members: dict[KeyId, Member] = field(default_factory=dict)
    mandate: dict[TopicId, str] = field(default_factory=dict)
    messages: dict[EntryId, Message] = field(default_factory=dict)
    receipts: dict[EntryId, Receipt] = field(default_factory=dict)
    entry_seq: dict[EntryId, int] = field(default_factory=dict)
    size: int = 0
    server_key: VerifyKey | None = None  # signs automatic (timer) entries, named in the charter
    meetings: dict[str, Meeting] = field(default_factory=dict)
    proposals: dict[EntryId, str] = field(default_factory=dict)  # proposal id -> meeting id
    extensions: dict[str, MandateExtension] = field(default_factory=dict)
    minutes: dict[str, Minutes] = field(default_factory=dict)
    commitments: dict[str, Commitment] = field(default_factory=dict)
    created_levels: dict[EntryId, Disclosure] = field(default_factory=dict)  # level in each header
    levels: dict[EntryId, tuple[Disclosure, int]] = field(
        default_factory=dict
    )  # opened: (level, seq)
    openings: dict[str, Opening] = field(default_factory=dict)
    communiques: dict[str, Communique] = field(default_factory=dict)
    statements: list[EntryId] = field(default_factory=list)
    created_at: datetime = datetime.min
    check_interval: int | None = None
    daily_check_hour: int | None = None
    escalation_contacts: list[KeyId] = field(default_factory=list)
    checks: dict[int, Check] = field(default_factory=dict)
    assessments: dict[str, Assessment] = field(default_factory=dict)
    replacements: dict[str, Replacement] = field(default_factory=dict)

    def escalation_targets(self) -> list[KeyId]:
        """Who an escalation notifies: the charter's contacts that are still active, else
        the mediator's active heads."""
        active = [
            k for k in self.escalation_contacts if k in self.members and self.members[k].active
        ]
        if active:
            return active
        side = self.mediator_side()
        return sorted(
            m.key_id
            for m in self.members.values()
            if m.side == side and m.role == "head" and m.active
        )

    def mediator_side(self) -> SideId:
        return next(s.id for s in self.sides.values() if s.kind == "mediator")

    def party_sides(self) -> list[SideId]:
        return [s.id for s in self.sides.values() if s.kind == "party"]

    def can_see_message(self, side: SideId, message: Message) -> bool:
        """Sender side, recipient side and the mediator (who sees all traffic)."""
        return side in (message.sender_side, message.to) or side == self.mediator_side()
