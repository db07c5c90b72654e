"""The channel itself: its charter, the heads' acceptance, and who is a member.

``channel.created`` is the charter — the sides (two parties and the mediator) with their
members' keys, the mandate, the acknowledgement deadlines, the default disclosure level,
the server key that signs automatic entries. It must be the first entry and be signed
by a member of the mediator's side. The channel is *active* once every party head has
accepted that exact charter (``charter.accepted``, naming its digest). A side's head
adds, removes and rotates its side's keys; a removed key's earlier signatures still
verify, its new ones are refused.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from parley.crypto.digest import json_digest
from parley.crypto.keys import KeyId, VerifyKey
from parley.errors import Conflict, NotFound, Rejected
from parley.model import glossary
from parley.model.bodies import Body, Digest, KeyIdStr, Level, MemberSpec, Name, PublicKeyB64, Slug
from parley.model.entry import Disclosure
from parley.model.feature import EVERY_MEMBER, Act, Draft, Event, Feature, Row
from parley.model.glossary import TermSpec
from parley.model.ids import SideId, TopicId
from parley.model.state import (
    CREATED_LEVELS,
    ENTRY_SEQ,
    MANDATE,
    MEMBERS,
    SIDES,
    ChannelState,
    ChannelStatus,
    Charter,
    FrozenDict,
    Member,
    Side,
    StateView,
)

FEATURE = Feature("channel", __doc__ or "")

# --- bodies -------------------------------------------------------------------------


class SideSpec(Body):
    id: Slug
    name: Name
    kind: Literal["party", "mediator"]
    members: list[MemberSpec] = Field(min_length=1, max_length=100)


class TopicSpec(Body):
    id: Slug
    title: Name


class AckDeadlines(Body):
    """Seconds a recipient has to acknowledge a message of each priority."""

    flash: int = Field(gt=0, le=30 * 86400)
    urgent: int = Field(gt=0, le=30 * 86400)
    routine: int = Field(gt=0, le=30 * 86400)


class ChannelCreated(Body):
    """The charter: who is in the channel, what it may discuss, how fast to answer."""

    TYPE = "channel.created"
    title: Name
    sides: list[SideSpec] = Field(min_length=3, max_length=3)
    mandate: list[TopicSpec] = Field(min_length=1, max_length=50)
    ack_deadlines: AckDeadlines
    default_disclosure: Level = "confidential"
    server_key: PublicKeyB64 | None = None
    """The server's key, which signs automatic entries (reminders, escalations)."""
    check_interval: int | None = Field(default=None, ge=60, le=7 * 86400)
    """Seconds between communication checks (none when absent)."""
    daily_check_hour: int | None = Field(default=None, ge=0, le=23)
    """UTC hour whose check a person must confirm."""
    escalation_contacts: list[KeyIdStr] = Field(default_factory=list, max_length=5)
    """Mediator-side members notified when a deadline passes: the duty officer first, then
    alternates. Without it, the mediator's heads."""
    glossary: list[TermSpec] = Field(default_factory=list, max_length=500)
    """Agreed names of places, sides, roles and topics, per language and per side
    (``model/glossary.py``); signed with the charter, changed only by every head."""
    public_checkpoint: bool = False
    """Whether anyone may see that the channel exists, and its size, before anything in it
    is published. Without it, the public routes answer as for no such channel until then."""


class CharterAccepted(Body):
    """A party head's acceptance of one exact charter (by digest)."""

    TYPE = "charter.accepted"
    charter_digest: Digest


class MemberAdded(Body):
    """A side's head adds a member (or another head) to the side."""

    TYPE = "member.added"
    side: Slug
    member: MemberSpec


class MemberRemoved(Body):
    """A side's head removes a member's key; its earlier signatures still verify."""

    TYPE = "member.removed"
    side: Slug
    key_id: KeyIdStr
    reason: Annotated[str, StringConstraints(max_length=500)] = ""


class KeyRotated(Body):
    """A side's head replaces a member's key with a new one (same person, same role)."""

    TYPE = "key.rotated"
    side: Slug
    key_id: KeyIdStr
    new_key: PublicKeyB64


def charter_digest(body: dict[str, Any]) -> str:
    """The digest a party head signs to accept a charter: SHA-256 of its canonical body."""
    return json_digest(body)


# --- rules --------------------------------------------------------------------------


def _charter_checks(body: ChannelCreated) -> tuple[list[Rejected], list[Rejected]]:
    """What is wrong with a charter in itself, in the order the server meets it: the
    sides, the mandate, heads and keys; then the escalation contacts (checked after who
    signed it)."""
    first: list[Rejected] = []
    kinds = sorted(s.kind for s in body.sides)
    if kinds != ["mediator", "party", "party"]:
        first.append(
            Rejected("charter.bad_sides", "a charter names exactly two parties and one mediator")
        )
    if len({s.id for s in body.sides}) != len(body.sides):
        first.append(Rejected("charter.bad_sides", "side ids must differ"))
    if len({t.id for t in body.mandate}) != len(body.mandate):
        first.append(Rejected("charter.bad_mandate", "mandate topic ids must differ"))
    first.extend(
        glossary.problems(
            body.glossary, {s.id: s.kind for s in body.sides}, (t.id for t in body.mandate)
        )
    )
    sides: dict[KeyId, str] = {}
    for side in body.sides:
        if not any(m.role == "head" for m in side.members):
            first.append(Rejected("charter.no_head", f"side {side.id!r} has no head"))
        for spec in side.members:
            key_id = VerifyKey.from_b64(spec.key).key_id
            if key_id in sides:
                first.append(Rejected("charter.duplicate_key", f"key {key_id} appears twice"))
            else:
                sides[key_id] = side.id
    mediators = [s.id for s in body.sides if s.kind == "mediator"]
    contacts = [
        Rejected(
            "charter.bad_contact",
            f"escalation contact {k} is not a member of the mediator's side",
        )
        for k in body.escalation_contacts
        if sides.get(KeyId(k)) not in mediators[:1]
    ]
    return first, contacts


def charter_problems(body: ChannelCreated) -> list[str]:
    """Every problem the server would find in a charter (beyond its model) before it
    looks at who signed it, in words: what ``parley channel init`` checks before writing
    one. Empty when there is none."""
    first, contacts = _charter_checks(body)
    return [p.message for p in first + contacts]


@FEATURE.founding(ChannelCreated, read=EVERY_MEMBER)
def created(d: Draft, e: Event[ChannelCreated]) -> None:
    body, h = e.body, e.header
    first, contacts = _charter_checks(body)
    if first:
        raise first[0]
    members: dict[KeyId, Member] = {}
    for side in body.sides:
        for spec in side.members:
            key = VerifyKey.from_b64(spec.key)
            members[key.key_id] = Member(
                key.key_id, key, SideId(side.id), spec.role, spec.name, spec.title, True, e.seq
            )
    author = members.get(h.author)
    mediator = next(s.id for s in body.sides if s.kind == "mediator")
    if author is None or author.side != mediator:
        raise Rejected(
            "charter.not_mediator", "the channel must be created by a member of the mediator's side"
        )
    if Disclosure(h.disclosure).rank > Disclosure(body.default_disclosure).rank:
        raise Rejected("disclosure.too_open", "the charter entry is more open than its own default")
    if h.refs:
        raise Rejected("entry.unknown_ref", "the first entry of a channel cannot refer to others")
    if contacts:
        raise contacts[0]
    d.set_charter(
        Charter(
            title=body.title,
            created_id=h.id,
            digest=charter_digest(e.raw),
            default_disclosure=Disclosure(body.default_disclosure),
            ack_deadlines=FrozenDict(body.ack_deadlines.model_dump()),
            server_key=None if body.server_key is None else VerifyKey.from_b64(body.server_key),
            created_at=e.at,
            check_interval=body.check_interval,
            daily_check_hour=body.daily_check_hour,
            escalation_contacts=tuple(KeyId(k) for k in body.escalation_contacts),
            public_checkpoint=body.public_checkpoint,
        )
    )
    for s in body.sides:
        d.put(SIDES, SideId(s.id), Side(SideId(s.id), s.name, s.kind))
    for key_id, member in members.items():
        d.put(MEMBERS, key_id, member)
    for t in body.mandate:
        d.put(MANDATE, TopicId(t.id), t.title)
    glossary.seed(d, body.glossary, e.seq)


@FEATURE.handles(CharterAccepted, read=EVERY_MEMBER, before_active=True)
def accepted(d: Draft, e: Act[CharterAccepted]) -> None:
    author = e.author
    side = d.sides[author.side]
    if side.kind != "party" or author.role != "head":
        raise Rejected("charter.not_head", "only a party's head can accept the charter for it")
    if e.body.charter_digest != d.charter.digest:
        raise Rejected(
            "charter.digest_mismatch",
            "the acceptance is for a different charter than this channel's",
        )
    if side.accepted_by is not None:
        raise Rejected("charter.already_accepted", f"{side.name} has already accepted the charter")
    d.put(SIDES, side.id, dataclasses.replace(side, accepted_by=author.key_id, accepted_seq=e.seq))
    if all(d.sides[p].accepted_by for p in d.party_sides()):
        d.set_status(ChannelStatus.ACTIVE)


def require_head(state: StateView, author: Member, side_id: str) -> None:
    """Only the side's own head changes its members."""
    if side_id not in state.sides:
        raise NotFound("side.unknown", f"there is no side {side_id!r} in this channel")
    if author.side != side_id or author.role != "head":
        raise Rejected(
            "member.not_head",
            f"only the head of {state.sides[SideId(side_id)].name} can change its members",
        )


@FEATURE.handles(MemberAdded, read=EVERY_MEMBER)
def member_added(d: Draft, e: Act[MemberAdded]) -> None:
    body = e.body
    require_head(d, e.author, body.side)
    key = VerifyKey.from_b64(body.member.key)
    if key.key_id in d.members:
        raise Conflict("member.exists", f"key {key.key_id} is already known in this channel")
    spec = body.member
    d.put(
        MEMBERS,
        key.key_id,
        Member(key.key_id, key, SideId(body.side), spec.role, spec.name, spec.title, True, e.seq),
    )


def active_heads(state: StateView, side: SideId) -> int:
    return sum(
        1 for m in state.members.values() if m.side == side and m.active and m.role == "head"
    )


def retire(d: Draft, member: Member, seq: int) -> None:
    """A key stops signing from ``seq`` on (its earlier signatures still verify)."""
    d.put(MEMBERS, member.key_id, dataclasses.replace(member, active=False, removed_seq=seq))


@FEATURE.handles(MemberRemoved, read=EVERY_MEMBER)
def member_removed(d: Draft, e: Act[MemberRemoved]) -> None:
    body = e.body
    require_head(d, e.author, body.side)
    target = d.members.get(KeyId(body.key_id))
    if target is None or target.side != body.side or not target.active:
        raise NotFound("member.unknown", f"{body.key_id} is not an active member of {body.side}")
    if target.role == "head" and active_heads(d, target.side) == 1:
        raise Rejected("member.last_head", "a side cannot remove its last head")
    retire(d, target, e.seq)


@FEATURE.handles(KeyRotated, read=EVERY_MEMBER)
def key_rotated(d: Draft, e: Act[KeyRotated]) -> None:
    body = e.body
    require_head(d, e.author, body.side)
    old = d.members.get(KeyId(body.key_id))
    if old is None or old.side != body.side or not old.active:
        raise NotFound("member.unknown", f"{body.key_id} is not an active member of {body.side}")
    key = VerifyKey.from_b64(body.new_key)
    if key.key_id in d.members:
        raise Conflict("member.exists", f"key {key.key_id} is already known in this channel")
    retire(d, old, e.seq)
    d.put(
        MEMBERS,
        key.key_id,
        Member(key.key_id, key, old.side, old.role, old.name, old.title, True, e.seq),
    )


# --- projections ----------------------------------------------------------------------


def side_row(state: ChannelState, side_id: SideId) -> Row:
    s = state.sides[side_id]
    return {
        "channel_id": state.channel_id,
        "side_id": s.id,
        "name": s.name,
        "kind": s.kind,
        "accepted_by": s.accepted_by,
        "accepted_seq": s.accepted_seq,
    }


def member_row(state: ChannelState, key_id: KeyId) -> Row:
    m = state.members[key_id]
    return {
        "channel_id": state.channel_id,
        "key_id": m.key_id,
        "public_key": m.key.to_b64(),
        "side_id": m.side,
        "role": m.role,
        "name": m.name,
        "title": m.title,
        "active": m.active,
        "added_seq": m.added_seq,
        "removed_seq": m.removed_seq,
    }


FEATURE.table(SIDES)
FEATURE.table(MEMBERS)
FEATURE.table(MANDATE)
FEATURE.table(ENTRY_SEQ)
FEATURE.table(CREATED_LEVELS)
FEATURE.projection(SIDES, "sides", side_row)
FEATURE.projection(MEMBERS, "members", member_row)
