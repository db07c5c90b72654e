"""validate + apply: the rules of a channel, as one pure function per entry type.

``apply(state, logged)`` checks that an entry may follow the state and then folds it in.
Every check happens before the first change, so a rejected entry leaves the state exactly
as it was. ``fold(entries)`` is ``apply`` over a log from the start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import cast

from parley.crypto.keys import KeyId, VerifyKey
from parley.errors import Conflict, NotFound, Rejected
from parley.model import (
    assessments,
    checks,
    commitments,
    disclosure,
    meetings,
    minutes,
    recovery,
)
from parley.model import bodies as b
from parley.model.entry import Disclosure, LoggedEntry
from parley.model.ids import ChannelId, EntryId, SideId, TopicId
from parley.model.state import ChannelState, ChannelStatus, Member, Message, Receipt, Side

Touched = set[tuple[str, str]]
"""What an entry changed, as (projection, key) pairs: ("message", id), ("channel", "")."""


def fold(channel: ChannelId, entries: Iterable[LoggedEntry], verify: bool = True) -> ChannelState:
    """Fold a channel's log from its first entry. Raises what :func:`apply` raises."""
    state = ChannelState(channel_id=channel)
    for logged in entries:
        apply(state, logged, verify=verify)
    return state


def apply(state: ChannelState, logged: LoggedEntry, verify: bool = True) -> Touched:
    """Check ``logged`` against ``state`` and fold it in.

    ``verify=False`` skips the Ed25519 and digest checks, for entries this process
    already verified; the rules are always checked.

    Raises:
        Rejected, Conflict, NotFound: the entry breaks a rule; the state is unchanged.
        VerificationError: a signature or body digest does not verify.
        InvalidInput: the body does not match its type.
    """
    entry = logged.entry
    h = entry.header
    if h.channel != state.channel_id:
        raise Rejected(
            "entry.wrong_channel",
            f"entry is signed for channel {h.channel!r}, not {state.channel_id!r}",
        )
    if h.id in state.entry_seq:
        raise Conflict("entry.duplicate", f"entry {h.id} is already in the log")
    if logged.seq != state.size + 1:
        raise Rejected(
            "log.out_of_order", f"entry {h.id} has sequence {logged.seq}, expected {state.size + 1}"
        )
    if entry.body is None:
        raise Rejected("entry.body_missing", "an entry must be submitted with its body and salt")
    if verify:
        entry.verify_body()
    body = b.parse_body(h.type, entry.body, ALL_TYPES)

    if state.size == 0:
        if not isinstance(body, b.ChannelCreated):
            raise Rejected(
                "channel.not_found",
                f"channel {state.channel_id!r} does not exist; its first entry must be channel.created",
            )
        return _created(state, logged, body, verify)
    if isinstance(body, b.ChannelCreated):
        raise Rejected("channel.exists", f"channel {state.channel_id!r} already exists")

    if h.type.startswith("timer."):
        return _automatic(state, logged, body, verify)
    author = state.members.get(h.author)
    if author is None or not author.active:
        raise Rejected(
            "entry.not_member",
            f"key {h.author} is not an active member of channel {state.channel_id!r}",
        )
    if verify:
        entry.verify_signature(author.key)
    if Disclosure(h.disclosure).rank > state.default_disclosure.rank:
        raise Rejected(
            "disclosure.too_open",
            f"an entry may not be created more open than the charter's default "
            f"({state.default_disclosure.value}); opening needs joint consent",
        )
    for ref in h.refs:
        if ref not in state.entry_seq:
            raise Rejected("entry.unknown_ref", f"entry refers to {ref}, which is not in the log")
    if state.status is not ChannelStatus.ACTIVE and not isinstance(body, b.CharterAccepted):
        raise Rejected(
            "channel.not_active",
            "the channel is not active until every party head has accepted the charter",
        )
    handler = cast(
        Callable[[ChannelState, LoggedEntry, Member, b.Body], Touched], _HANDLERS[type(body)]
    )
    touched = handler(state, logged, author, body)
    _logged(state, logged)
    return touched


def _automatic(state: ChannelState, logged: LoggedEntry, body: b.Body, verify: bool) -> Touched:
    h = logged.entry.header
    if state.server_key is None or h.author != state.server_key.key_id:
        raise Rejected(
            "timer.not_server",
            "automatic entries are written only by the server key the charter names",
        )
    if verify:
        logged.entry.verify_signature(state.server_key)
    if state.status is not ChannelStatus.ACTIVE:
        raise Rejected("channel.not_active", "the channel is not active")
    if isinstance(body, checks.CheckSent):
        touched = checks.check_sent(state, logged, body)
    else:
        touched = commitments.timer_fired(state, logged, body)
    _logged(state, logged)
    return touched


def _logged(state: ChannelState, logged: LoggedEntry) -> None:
    state.entry_seq[logged.entry.id] = logged.seq
    state.created_levels[logged.entry.id] = Disclosure(logged.entry.header.disclosure)
    state.size = logged.seq


def _created(
    state: ChannelState, logged: LoggedEntry, body: b.ChannelCreated, verify: bool
) -> Touched:
    h = logged.entry.header
    kinds = sorted(s.kind for s in body.sides)
    if kinds != ["mediator", "party", "party"]:
        raise Rejected("charter.bad_sides", "a charter names exactly two parties and one mediator")
    if len({s.id for s in body.sides}) != 3:
        raise Rejected("charter.bad_sides", "side ids must differ")
    if len({t.id for t in body.mandate}) != len(body.mandate):
        raise Rejected("charter.bad_mandate", "mandate topic ids must differ")
    members: dict[KeyId, Member] = {}
    for side in body.sides:
        if not any(m.role == "head" for m in side.members):
            raise Rejected("charter.no_head", f"side {side.id!r} has no head")
        for spec in side.members:
            key = VerifyKey.from_b64(spec.key)
            if key.key_id in members:
                raise Rejected("charter.duplicate_key", f"key {key.key_id} appears twice")
            members[key.key_id] = Member(
                key.key_id, key, SideId(side.id), spec.role, spec.name, spec.title, True, logged.seq
            )
    author = members.get(h.author)
    mediator = next(s.id for s in body.sides if s.kind == "mediator")
    if author is None or author.side != mediator:
        raise Rejected(
            "charter.not_mediator", "the channel must be created by a member of the mediator's side"
        )
    if verify:
        logged.entry.verify_signature(author.key)
    if Disclosure(h.disclosure).rank > Disclosure(body.default_disclosure).rank:
        raise Rejected("disclosure.too_open", "the charter entry is more open than its own default")
    if h.refs:
        raise Rejected("entry.unknown_ref", "the first entry of a channel cannot refer to others")
    for k in body.escalation_contacts:
        if k not in members or members[KeyId(k)].side != mediator:
            raise Rejected(
                "charter.bad_contact",
                f"escalation contact {k} is not a member of the mediator's side",
            )

    state.title = body.title
    state.created_id = h.id
    assert logged.entry.body is not None
    state.charter_digest = b.charter_digest(logged.entry.body)
    state.default_disclosure = Disclosure(body.default_disclosure)
    state.ack_deadlines = body.ack_deadlines.model_dump()
    state.sides = {SideId(s.id): Side(SideId(s.id), s.name, s.kind) for s in body.sides}
    state.members = members
    state.mandate = {TopicId(t.id): t.title for t in body.mandate}
    state.server_key = None if body.server_key is None else VerifyKey.from_b64(body.server_key)
    state.created_at = logged.received_at
    state.check_interval = body.check_interval
    state.daily_check_hour = body.daily_check_hour
    state.escalation_contacts = [KeyId(k) for k in body.escalation_contacts]
    _logged(state, logged)
    touched: Touched = {("channel", "")}
    touched |= {("side", s) for s in state.sides}
    touched |= {("member", k) for k in members}
    return touched


def _accepted(state: ChannelState, logged: LoggedEntry, author: Member, body: b.Body) -> Touched:
    assert isinstance(body, b.CharterAccepted)
    side = state.sides[author.side]
    if side.kind != "party" or author.role != "head":
        raise Rejected("charter.not_head", "only a party's head can accept the charter for it")
    if body.charter_digest != state.charter_digest:
        raise Rejected(
            "charter.digest_mismatch",
            "the acceptance is for a different charter than this channel's",
        )
    if side.accepted_by is not None:
        raise Rejected("charter.already_accepted", f"{side.name} has already accepted the charter")
    side.accepted_by = author.key_id
    side.accepted_seq = logged.seq
    if all(state.sides[p].accepted_by for p in state.party_sides()):
        state.status = ChannelStatus.ACTIVE
    return {("channel", ""), ("side", side.id)}


def _require_head(state: ChannelState, author: Member, side_id: str) -> None:
    if side_id not in state.sides:
        raise NotFound("side.unknown", f"there is no side {side_id!r} in this channel")
    if author.side != side_id or author.role != "head":
        raise Rejected(
            "member.not_head",
            f"only the head of {state.sides[SideId(side_id)].name} can change its members",
        )


def _member_added(
    state: ChannelState, logged: LoggedEntry, author: Member, body: b.Body
) -> Touched:
    assert isinstance(body, b.MemberAdded)
    _require_head(state, author, body.side)
    key = VerifyKey.from_b64(body.member.key)
    if key.key_id in state.members:
        raise Conflict("member.exists", f"key {key.key_id} is already known in this channel")
    state.members[key.key_id] = Member(
        key.key_id,
        key,
        SideId(body.side),
        body.member.role,
        body.member.name,
        body.member.title,
        True,
        logged.seq,
    )
    return {("member", key.key_id)}


def _active_heads(state: ChannelState, side: SideId) -> int:
    return sum(
        1 for m in state.members.values() if m.side == side and m.active and m.role == "head"
    )


def _member_removed(
    state: ChannelState, logged: LoggedEntry, author: Member, body: b.Body
) -> Touched:
    assert isinstance(body, b.MemberRemoved)
    _require_head(state, author, body.side)
    target = state.members.get(KeyId(body.key_id))
    if target is None or target.side != body.side or not target.active:
        raise NotFound("member.unknown", f"{body.key_id} is not an active member of {body.side}")
    if target.role == "head" and _active_heads(state, target.side) == 1:
        raise Rejected("member.last_head", "a side cannot remove its last head")
    target.active = False
    target.removed_seq = logged.seq
    return {("member", target.key_id)}


def _key_rotated(state: ChannelState, logged: LoggedEntry, author: Member, body: b.Body) -> Touched:
    assert isinstance(body, b.KeyRotated)
    _require_head(state, author, body.side)
    old = state.members.get(KeyId(body.key_id))
    if old is None or old.side != body.side or not old.active:
        raise NotFound("member.unknown", f"{body.key_id} is not an active member of {body.side}")
    key = VerifyKey.from_b64(body.new_key)
    if key.key_id in state.members:
        raise Conflict("member.exists", f"key {key.key_id} is already known in this channel")
    old.active = False
    old.removed_seq = logged.seq
    state.members[key.key_id] = Member(
        key.key_id, key, old.side, old.role, old.name, old.title, True, logged.seq
    )
    return {("member", old.key_id), ("member", key.key_id)}


def _visible_message(state: ChannelState, author: Member, message_id: str) -> Message:
    msg = state.messages.get(EntryId(message_id))
    if msg is None or not state.can_see_message(author.side, msg):
        # The same answer for "does not exist" and "not yours": existence is information.
        raise NotFound("message.unknown", f"no message {message_id} that this member can see")
    return msg


def _message_sent(
    state: ChannelState, logged: LoggedEntry, author: Member, body: b.Body
) -> Touched:
    assert isinstance(body, b.MessageSent)
    h = logged.entry.header
    if body.to not in state.sides:
        raise NotFound("side.unknown", f"there is no side {body.to!r} in this channel")
    if body.to == author.side:
        raise Rejected("message.to_own_side", "a message goes to another side")
    if body.topic is not None and body.topic not in state.mandate:
        raise Rejected(
            "message.topic_not_in_mandate",
            f"topic {body.topic!r} is not in the mandate ({', '.join(state.mandate)})",
        )
    touched: Touched = {("message", h.id)}
    answered: Message | None = None
    if body.reply_to is not None:
        answered = _visible_message(state, author, body.reply_to)
    if body.relay_of is not None:
        if author.side != state.mediator_side():
            raise Rejected("message.relay_not_mediator", "only the mediator relays messages")
        original = _visible_message(state, author, body.relay_of)
        if original.to != author.side:
            raise Rejected(
                "message.relay_not_addressed", "only a message sent to the mediator can be relayed"
            )
    deadline = logged.received_at + timedelta(seconds=state.ack_deadlines[body.priority])
    state.messages[h.id] = Message(
        id=h.id,
        seq=logged.seq,
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
        relayed_at=logged.received_at,
        ack_deadline=deadline,
        disclosure=Disclosure(h.disclosure),
    )
    if answered is not None and answered.to == author.side and answered.answered_at is None:
        answered.answered_at = logged.received_at
        answered.answered_by = h.id
        touched.add(("message", answered.id))
    return touched


def _receipt(state: ChannelState, logged: LoggedEntry, author: Member, body: b.Body) -> Touched:
    assert isinstance(body, b.ReceiptDelivered | b.ReceiptAcknowledged)
    kind = "delivered" if isinstance(body, b.ReceiptDelivered) else "acknowledged"
    msg = _visible_message(state, author, body.message)
    if msg.to != author.side:
        raise Rejected(
            "receipt.not_recipient", f"only the recipient side can mark a message {kind}"
        )
    for rid in msg.receipts:
        r = state.receipts[rid]
        if r.kind == kind and r.member == author.key_id:
            raise Conflict("receipt.duplicate", f"{author.name} already marked this message {kind}")
    h = logged.entry.header
    receipt = Receipt(
        h.id,
        logged.seq,
        kind,
        msg.id,
        author.key_id,
        author.side,
        logged.received_at,
        body.note if isinstance(body, b.ReceiptAcknowledged) else "",
    )
    state.receipts[h.id] = receipt
    msg.receipts.append(h.id)
    if msg.delivered_at is None:
        # An acknowledgement implies delivery.
        msg.delivered_at = logged.received_at
    if kind == "acknowledged" and msg.acknowledged_at is None:
        msg.acknowledged_at = logged.received_at
    return {("receipt", h.id), ("message", msg.id)}


ALL_TYPES: dict[str, type[b.Body]] = {
    **b.BODY_TYPES,
    **meetings.TYPES,
    **minutes.TYPES,
    **commitments.TYPES,
    **disclosure.TYPES,
    **checks.TYPES,
    **assessments.TYPES,
    **recovery.TYPES,
}

_HANDLERS: dict[type[b.Body], object] = {
    **meetings.HANDLERS,
    **minutes.HANDLERS,
    **commitments.HANDLERS,
    **disclosure.HANDLERS,
    **checks.HANDLERS,
    **assessments.HANDLERS,
    **recovery.HANDLERS,
    b.CharterAccepted: _accepted,
    b.MemberAdded: _member_added,
    b.MemberRemoved: _member_removed,
    b.KeyRotated: _key_rotated,
    b.MessageSent: _message_sent,
    b.ReceiptDelivered: _receipt,
    b.ReceiptAcknowledged: _receipt,
}
