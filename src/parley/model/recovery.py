"""A lost head: replacing a side's head when its key is lost (or stolen) and no other head
of that side can sign a rotation.

A head of another side proposes ``head.replacement_proposed``: which side, the lost key,
the new head (name, title, public key) and why. It takes effect with the last of these
signatures (``head.replacement_signed``, naming the proposal's digest), the proposer's
proposal counting as its own:

- the head of **every other side** — the other signatories of the charter;
- **one active member of the side itself** — so that the other sides, even all together,
  cannot impose a head on a delegation that did not ask for it. A side whose only member
  was the lost head cannot be recovered this way: it needs a new channel.

Then the lost key is retired like a removed member (its new signatures are refused, its
earlier ones still verify) and the new key is the side's head. Every step is an entry in
the log, seen by every member of every side.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import StringConstraints

from parley.crypto.canonical import canonical_json
from parley.crypto.keys import KeyId, VerifyKey, b64
from parley.errors import Conflict, NotFound, Rejected
from parley.model.bodies import Body, KeyIdStr, MemberSpec, Slug
from parley.model.ids import EntryId, SideId

if TYPE_CHECKING:
    from parley.model.entry import LoggedEntry
    from parley.model.state import ChannelState, Member

Touched = set[tuple[str, str]]
Digest = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]


class ReplacementProposed(Body):
    replacement: Slug
    side: Slug
    lost_key: KeyIdStr
    new_head: MemberSpec
    reason: Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class ReplacementSigned(Body):
    replacement: Slug
    digest: Digest


@dataclass
class Replacement:
    id: str
    entry_id: EntryId
    digest: str
    side: SideId
    lost_key: KeyId
    new_key: KeyId
    new_head: dict[str, Any]
    reason: str
    proposed_by: KeyId
    signed_by: dict[str, KeyId] = field(default_factory=dict)
    """Other sides by side id; the side itself under the key ``"own"``."""
    done_seq: int | None = None


def replacement_digest(body: dict[str, Any]) -> str:
    return b64(hashlib.sha256(canonical_json(body)).digest())


def required(sides: Iterable[str], side: str) -> set[str]:
    """Who must sign a replacement for ``side``: every other side (by id) and the side
    itself (``"own"``). Used by the rules and by a member's own client (KeyRing)."""
    return {s for s in sides if s != side} | {"own"}


def _proposed(state: ChannelState, logged: LoggedEntry, author: Member, body: Body) -> Touched:
    assert isinstance(body, ReplacementProposed)
    if body.replacement in state.replacements:
        raise Conflict("replacement.exists", f"replacement {body.replacement!r} already exists")
    side = SideId(body.side)
    if side not in state.sides:
        raise NotFound("side.unknown", f"there is no side {body.side!r} in this channel")
    if author.side == side or author.role != "head":
        raise Rejected(
            "replacement.not_other_head",
            "a replacement is proposed by the head of another side (the side's own head "
            "would rotate its key instead)",
        )
    lost = state.members.get(KeyId(body.lost_key))
    if lost is None or lost.side != side or lost.role != "head" or not lost.active:
        raise NotFound("member.unknown", f"{body.lost_key} is not an active head of {side}")
    if body.new_head.role != "head":
        raise Rejected("replacement.not_head", "the new key must be the side's head")
    if not any(
        m.side == side and m.active and m.key_id != lost.key_id for m in state.members.values()
    ):
        raise Rejected(
            "replacement.no_member_left",
            f"{side} has no other active member to confirm its new head; open a new channel",
        )
    new = VerifyKey.from_b64(body.new_head.key)
    if new.key_id in state.members:
        raise Conflict("member.exists", f"key {new.key_id} is already known in this channel")
    raw = body.model_dump()
    state.replacements[body.replacement] = Replacement(
        id=body.replacement,
        entry_id=logged.entry.id,
        digest=replacement_digest(raw),
        side=side,
        lost_key=lost.key_id,
        new_key=new.key_id,
        new_head=raw["new_head"],
        reason=body.reason,
        proposed_by=author.key_id,
        signed_by={author.side: author.key_id},
    )
    return {("replacement", body.replacement)}


def _signed(state: ChannelState, logged: LoggedEntry, author: Member, body: Body) -> Touched:
    assert isinstance(body, ReplacementSigned)
    r = state.replacements.get(body.replacement)
    if r is None:
        raise NotFound("replacement.unknown", f"there is no replacement {body.replacement!r}")
    if r.done_seq is not None:
        raise Conflict("replacement.done", "this replacement has already taken effect")
    if body.digest != r.digest:
        raise Rejected("replacement.digest_mismatch", "the digest is not the proposal's")
    if author.side == r.side:
        if author.key_id == r.lost_key:
            raise Rejected(
                "replacement.lost_key", "the lost key cannot confirm its own replacement"
            )
        slot = "own"
    elif author.role == "head":
        slot = author.side
    else:
        raise Rejected("replacement.not_head", "another side signs through its head")
    if slot in r.signed_by:
        raise Conflict("replacement.already_signed", "this side has already signed")
    r.signed_by[slot] = author.key_id
    touched: Touched = {("replacement", r.id)}
    if required(state.sides, r.side) <= set(r.signed_by):
        from parley.model.state import Member as StateMember

        lost = state.members[r.lost_key]
        if lost.active:
            lost.active = False
            lost.removed_seq = logged.seq
        key = VerifyKey.from_b64(r.new_head["key"])
        state.members[key.key_id] = StateMember(
            key.key_id,
            key,
            r.side,
            "head",
            r.new_head["name"],
            r.new_head.get("title", ""),
            True,
            logged.seq,
        )
        r.done_seq = logged.seq
        touched |= {("member", r.lost_key), ("member", key.key_id)}
    return touched


def replacement_view(r: Replacement) -> dict[str, Any]:
    return {
        "id": r.id,
        "entry_id": r.entry_id,
        "digest": r.digest,
        "side": r.side,
        "lost_key": r.lost_key,
        "new_key": r.new_key,
        "new_head": dict(r.new_head),
        "reason": r.reason,
        "proposed_by": r.proposed_by,
        "signed_by": dict(r.signed_by),
        "done_seq": r.done_seq,
    }


TYPES: dict[str, type[Body]] = {
    "head.replacement_proposed": ReplacementProposed,
    "head.replacement_signed": ReplacementSigned,
}
HANDLERS: dict[type[Body], Any] = {ReplacementProposed: _proposed, ReplacementSigned: _signed}
