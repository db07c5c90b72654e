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

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import StringConstraints

from parley.crypto.digest import json_digest
from parley.crypto.keys import KeyId, VerifyKey
from parley.errors import Conflict, NotFound, Rejected
from parley.model.bodies import Body, Digest, KeyIdStr, MemberSpec, Slug
from parley.model.channel import retire
from parley.model.feature import EVERY_MEMBER, Act, Draft, Feature
from parley.model.ids import EntryId, SideId
from parley.model.state import MEMBERS, ChannelState, FrozenDict, Member, Table

FEATURE = Feature("recovery", __doc__ or "")


class ReplacementProposed(Body):
    """Another side's head proposes a new head for a side whose head's key is lost."""

    TYPE = "head.replacement_proposed"
    replacement: Slug
    side: Slug
    lost_key: KeyIdStr
    new_head: MemberSpec
    reason: Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class ReplacementSigned(Body):
    """A signature on one exact head replacement (by digest)."""

    TYPE = "head.replacement_signed"
    replacement: Slug
    digest: Digest


@dataclass(frozen=True, slots=True)
class Replacement:
    id: str
    entry_id: EntryId
    digest: str
    side: SideId
    lost_key: KeyId
    new_key: KeyId
    new_head: Mapping[str, Any]
    reason: str
    proposed_by: KeyId
    signed_by: FrozenDict[str, KeyId] = FrozenDict()
    """Other sides by side id; the side itself under the key ``"own"``."""
    done_seq: int | None = None


REPLACEMENTS: Table[str, Replacement] = FEATURE.table(Table("replacement", ordered=True))


def replacement_digest(body: dict[str, Any]) -> str:
    return json_digest(body)


def required(sides: Iterable[str], side: str) -> set[str]:
    """Who must sign a replacement for ``side``: every other side (by id) and the side
    itself (``"own"``). Used by the rules and by a member's own client (KeyRing)."""
    return {s for s in sides if s != side} | {"own"}


@FEATURE.handles(ReplacementProposed, read=EVERY_MEMBER)
def proposed(d: Draft, e: Act[ReplacementProposed]) -> None:
    body, author = e.body, e.author
    if body.replacement in d[REPLACEMENTS]:
        raise Conflict("replacement.exists", f"replacement {body.replacement!r} already exists")
    side = SideId(body.side)
    if side not in d.sides:
        raise NotFound("side.unknown", f"there is no side {body.side!r} in this channel")
    if author.side == side or author.role != "head":
        raise Rejected(
            "replacement.not_other_head",
            "a replacement is proposed by the head of another side (the side's own head "
            "would rotate its key instead)",
        )
    lost = d.members.get(KeyId(body.lost_key))
    if lost is None or lost.side != side or lost.role != "head" or not lost.active:
        raise NotFound("member.unknown", f"{body.lost_key} is not an active head of {side}")
    if body.new_head.role != "head":
        raise Rejected("replacement.not_head", "the new key must be the side's head")
    if not any(m.side == side and m.active and m.key_id != lost.key_id for m in d.members.values()):
        raise Rejected(
            "replacement.no_member_left",
            f"{side} has no other active member to confirm its new head; open a new channel",
        )
    new = VerifyKey.from_b64(body.new_head.key)
    if new.key_id in d.members:
        raise Conflict("member.exists", f"key {new.key_id} is already known in this channel")
    raw = body.model_dump()
    d.put(
        REPLACEMENTS,
        body.replacement,
        Replacement(
            id=body.replacement,
            entry_id=e.id,
            digest=replacement_digest(raw),
            side=side,
            lost_key=lost.key_id,
            new_key=new.key_id,
            new_head=raw["new_head"],
            reason=body.reason,
            proposed_by=author.key_id,
            signed_by=FrozenDict({author.side: author.key_id}),
        ),
    )


@FEATURE.handles(ReplacementSigned, read=EVERY_MEMBER)
def signed(d: Draft, e: Act[ReplacementSigned]) -> None:
    body, author = e.body, e.author
    r = d[REPLACEMENTS].get(body.replacement)
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
    r = dataclasses.replace(r, signed_by=r.signed_by.set(slot, author.key_id))
    if required(d.sides, r.side) <= set(r.signed_by):
        lost = d.members[r.lost_key]
        if lost.active:
            retire(d, lost, e.seq)
        key = VerifyKey.from_b64(r.new_head["key"])
        d.put(
            MEMBERS,
            key.key_id,
            Member(
                key.key_id,
                key,
                r.side,
                "head",
                r.new_head["name"],
                r.new_head.get("title", ""),
                True,
                e.seq,
            ),
        )
        r = dataclasses.replace(r, done_seq=e.seq)
    d.put(REPLACEMENTS, r.id, r)


def replacement_view(state: ChannelState, key: str) -> dict[str, Any]:
    r = state[REPLACEMENTS][key]
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


FEATURE.record(REPLACEMENTS, replacement_view)
