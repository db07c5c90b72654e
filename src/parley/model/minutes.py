"""Minutes: drafted and revised by the mediator, signed version by version.

Each ``minutes.drafted`` is a new version (1, 2, …) of one meeting's minutes, per agenda
item: summary, each side's position, outcome. Its digest is SHA-256 of the canonical
body. Each party head and the chairing mediator sign a specific version (by digest). A
version is *agreed* when all of them signed it; a later revision needs new signatures.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field, StringConstraints

from parley.crypto.canonical import canonical_json
from parley.crypto.keys import KeyId, b64
from parley.errors import Conflict, NotFound, Rejected
from parley.model.bodies import Body, Slug
from parley.model.ids import EntryId, SideId

if TYPE_CHECKING:
    from parley.model.entry import LoggedEntry
    from parley.model.state import ChannelState, Member

Text = Annotated[str, StringConstraints(max_length=10000)]
Digest = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]
Touched = set[tuple[str, str]]


class MinutesItem(Body):
    item: Slug
    summary: Text
    positions: dict[Slug, Text] = Field(default_factory=dict)
    outcome: Text = ""


class MinutesDrafted(Body):
    meeting: Slug
    version: int = Field(ge=1)
    items: list[MinutesItem] = Field(min_length=1, max_length=50)
    general: Text = ""


class MinutesSigned(Body):
    meeting: Slug
    version: int = Field(ge=1)
    digest: Digest


@dataclass
class MinutesVersion:
    version: int
    entry_id: EntryId
    seq: int
    digest: str
    drafted_by: KeyId
    body: dict[str, Any]
    signed_by: dict[SideId, KeyId] = field(default_factory=dict)


@dataclass
class Minutes:
    meeting: str
    versions: list[MinutesVersion] = field(default_factory=list)

    def agreed_version(self, required: set[SideId]) -> MinutesVersion | None:
        for v in reversed(self.versions):
            if required <= set(v.signed_by):
                return v
        return None


def minutes_digest(body: dict[str, Any]) -> str:
    return b64(hashlib.sha256(canonical_json(body)).digest())


def render(body: dict[str, Any]) -> list[str]:
    """Minutes as plain lines, for reading and for diffs."""
    lines = [f"Minutes of {body['meeting']}, version {body['version']}"]
    if body.get("general"):
        lines.append(body["general"])
    for item in body["items"]:
        lines.append(f"[{item['item']}] {item['summary']}")
        for side, pos in sorted(item.get("positions", {}).items()):
            lines.append(f"  {side}: {pos}")
        if item.get("outcome"):
            lines.append(f"  outcome: {item['outcome']}")
    return lines


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return list(
        difflib.unified_diff(
            render(old),
            render(new),
            f"version {old['version']}",
            f"version {new['version']}",
            lineterm="",
        )
    )


def signers(state: ChannelState, meeting_id: str) -> set[SideId]:
    """Who must sign: every party head, and the mediator when it chaired."""
    required = set(state.party_sides())
    meeting = state.meetings.get(meeting_id)
    agreed = meeting.agreed_proposal() if meeting else None
    if agreed is None or agreed.format == "chaired":
        required.add(state.mediator_side())
    return required


def minutes_drafted(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, MinutesDrafted)
    if state.sides[author.side].kind != "mediator":
        raise Rejected("minutes.not_mediator", "the mediator drafts the minutes")
    meeting = state.meetings.get(body.meeting)
    if meeting is None:
        raise NotFound("meeting.unknown", f"there is no meeting {body.meeting!r}")
    for item in body.items:
        if item.item not in meeting.items:
            raise NotFound(
                "agenda.unknown_item", f"no agenda item {item.item!r} in meeting {body.meeting!r}"
            )
        for side in item.positions:
            if side not in state.sides:
                raise NotFound("side.unknown", f"positions name an unknown side {side!r}")
    minutes = state.minutes.get(body.meeting) or Minutes(body.meeting)
    expected = len(minutes.versions) + 1
    if body.version != expected:
        raise Conflict(
            "minutes.bad_version",
            f"the next version of these minutes is {expected}, not {body.version}",
        )
    assert logged.entry.body is not None
    minutes.versions.append(
        MinutesVersion(
            body.version,
            logged.entry.id,
            logged.seq,
            minutes_digest(logged.entry.body),
            author.key_id,
            dict(logged.entry.body),
        )
    )
    state.minutes[body.meeting] = minutes
    return {("minutes", body.meeting)}


def minutes_signed(state: ChannelState, logged: LoggedEntry, author: Member, body: Body) -> Touched:
    assert isinstance(body, MinutesSigned)
    minutes = state.minutes.get(body.meeting)
    version = None
    if minutes is not None and 1 <= body.version <= len(minutes.versions):
        version = minutes.versions[body.version - 1]
    if version is None:
        raise NotFound(
            "minutes.unknown_version", f"minutes of {body.meeting!r} have no version {body.version}"
        )
    if version.digest != body.digest:
        raise Rejected(
            "minutes.digest_mismatch", "the signature is over other text than that version"
        )
    side = state.sides[author.side]
    if author.role != "head":
        raise Rejected("minutes.not_head", f"only the head of {side.name} signs the minutes for it")
    if author.side not in signers(state, body.meeting):
        raise Rejected("minutes.not_signer", "this side does not sign these minutes")
    if author.side in version.signed_by:
        raise Conflict(
            "minutes.already_signed", f"{side.name} already signed version {body.version}"
        )
    version.signed_by[author.side] = author.key_id
    return {("minutes", body.meeting)}


TYPES: dict[str, type[Body]] = {"minutes.drafted": MinutesDrafted, "minutes.signed": MinutesSigned}
HANDLERS: dict[type[Body], Any] = {MinutesDrafted: minutes_drafted, MinutesSigned: minutes_signed}
