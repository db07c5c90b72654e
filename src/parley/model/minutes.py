"""Minutes: drafted and revised by the mediator, signed version by version.

Each ``minutes.drafted`` is a new version (1, 2, …) of one meeting's minutes, per agenda
item: summary, each side's position, outcome. Its digest is SHA-256 of the canonical
body. Each party head and the chairing mediator sign a specific version (by digest). A
version is *agreed* when all of them signed it; a later revision needs new signatures.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field, StringConstraints

from parley.crypto.digest import json_digest
from parley.crypto.keys import KeyId
from parley.errors import Conflict, InvalidInput, NotFound, Rejected
from parley.model.bodies import Body, Digest, Lang, Slug
from parley.model.feature import EVERY_MEMBER, Act, Draft, Feature
from parley.model.ids import EntryId, SideId
from parley.model.meetings import MEETINGS
from parley.model.state import ChannelState, FrozenDict, StateView, Table

FEATURE = Feature("minutes", __doc__ or "")

Text = Annotated[str, StringConstraints(max_length=10000)]


class MinutesItem(Body):
    item: Slug
    summary: Text
    positions: dict[Slug, Text] = Field(default_factory=dict)
    outcome: Text = ""


class MinutesText(Body):
    """The minutes in another language: the same items, in the same order."""

    items: list[MinutesItem] = Field(min_length=1, max_length=50)
    general: Text = ""


class MinutesDrafted(Body):
    """A version of a meeting's minutes, drafted by the mediator, in one language or
    several: every language version is part of what the heads sign."""

    TYPE = "minutes.drafted"
    meeting: Slug
    version: int = Field(ge=1)
    items: list[MinutesItem] = Field(min_length=1, max_length=50)
    general: Text = ""
    language: Lang = "en"
    """The language of ``items`` and ``general``."""
    parallel: dict[Lang, MinutesText] = Field(default_factory=dict, max_length=5)
    """The same minutes in other languages."""
    authentic: list[Lang] = Field(default_factory=list, max_length=6)
    """Which language versions are authoritative; empty: all are equally authentic."""


class MinutesSigned(Body):
    """A head's signature on one exact version of the minutes (by digest)."""

    TYPE = "minutes.signed"
    meeting: Slug
    version: int = Field(ge=1)
    digest: Digest


@dataclass(frozen=True, slots=True)
class MinutesVersion:
    version: int
    entry_id: EntryId
    seq: int
    digest: str
    drafted_by: KeyId
    body: Mapping[str, Any]
    """The drafted body as signed (read-only)."""
    signed_by: FrozenDict[SideId, KeyId] = FrozenDict()


@dataclass(frozen=True, slots=True)
class Minutes:
    meeting: str
    versions: tuple[MinutesVersion, ...] = ()

    def agreed_version(self, required: set[SideId]) -> MinutesVersion | None:
        for v in reversed(self.versions):
            if required <= set(v.signed_by):
                return v
        return None


MINUTES: Table[str, Minutes] = FEATURE.table(Table("minutes", ordered=True))


def minutes_digest(body: Mapping[str, Any]) -> str:
    return json_digest(dict(body))


def render(body: Mapping[str, Any]) -> list[str]:
    """Minutes as plain lines, for reading and for diffs: every language version, each
    under its language tag when there are several."""
    lines = [f"Minutes of {body['meeting']}, version {body['version']}"]
    versions = [(body.get("language", "en"), body), *sorted(body.get("parallel", {}).items())]
    authentic = body.get("authentic") or []
    if authentic:
        lines.append(f"Authentic: {', '.join(authentic)}")
    for lang, text in versions:
        if len(versions) > 1:
            lines.append(f"— {lang} —")
        if text.get("general"):
            lines.append(text["general"])
        for item in text["items"]:
            lines.append(f"[{item['item']}] {item['summary']}")
            for side, pos in sorted(item.get("positions", {}).items()):
                lines.append(f"  {side}: {pos}")
            if item.get("outcome"):
                lines.append(f"  outcome: {item['outcome']}")
    return lines


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    return list(
        difflib.unified_diff(
            render(old),
            render(new),
            f"version {old['version']}",
            f"version {new['version']}",
            lineterm="",
        )
    )


def signers(state: StateView, meeting_id: str) -> set[SideId]:
    """Who must sign: every party head, and the mediator when it chaired."""
    required = set(state.party_sides())
    meeting = state[MEETINGS].get(meeting_id)
    agreed = meeting.agreed_proposal() if meeting else None
    if agreed is None or agreed.format == "chaired":
        required.add(state.mediator_side())
    return required


@FEATURE.handles(MinutesDrafted, read=EVERY_MEMBER)
def minutes_drafted(d: Draft, e: Act[MinutesDrafted]) -> None:
    body = e.body
    if d.sides[e.author.side].kind != "mediator":
        raise Rejected("minutes.not_mediator", "the mediator drafts the minutes")
    meeting = d[MEETINGS].get(body.meeting)
    if meeting is None:
        raise NotFound("meeting.unknown", f"there is no meeting {body.meeting!r}")
    for item in body.items:
        if item.item not in meeting.items:
            raise NotFound(
                "agenda.unknown_item", f"no agenda item {item.item!r} in meeting {body.meeting!r}"
            )
        for side in item.positions:
            if side not in d.sides:
                raise NotFound("side.unknown", f"positions name an unknown side {side!r}")
    for lang, text in body.parallel.items():
        if lang == body.language:
            raise InvalidInput(
                "minutes.bad_language", f"{lang!r} is the minutes' own language, not a parallel one"
            )
        if [i.item for i in text.items] != [i.item for i in body.items]:
            raise InvalidInput(
                "minutes.parallel_mismatch",
                f"the {lang} version must have the same items, in the same order",
            )
        for mine, theirs in zip(body.items, text.items, strict=True):
            if set(mine.positions) != set(theirs.positions):
                raise InvalidInput(
                    "minutes.parallel_mismatch",
                    f"the {lang} version of item {mine.item!r} must give the same sides' positions",
                )
    unknown = set(body.authentic) - {body.language, *body.parallel}
    if unknown:
        raise InvalidInput(
            "minutes.bad_language",
            f"authentic names languages the minutes are not in: {', '.join(sorted(unknown))}",
        )
    minutes = d[MINUTES].get(body.meeting) or Minutes(body.meeting)
    expected = len(minutes.versions) + 1
    if body.version != expected:
        raise Conflict(
            "minutes.bad_version",
            f"the next version of these minutes is {expected}, not {body.version}",
        )
    version = MinutesVersion(
        body.version, e.id, e.seq, minutes_digest(e.raw), e.author.key_id, e.raw
    )
    d.put(
        MINUTES, body.meeting, dataclasses.replace(minutes, versions=(*minutes.versions, version))
    )


@FEATURE.handles(MinutesSigned, read=EVERY_MEMBER)
def minutes_signed(d: Draft, e: Act[MinutesSigned]) -> None:
    body, author = e.body, e.author
    minutes = d[MINUTES].get(body.meeting)
    version = None
    if minutes is not None and 1 <= body.version <= len(minutes.versions):
        version = minutes.versions[body.version - 1]
    if minutes is None or version is None:
        raise NotFound(
            "minutes.unknown_version", f"minutes of {body.meeting!r} have no version {body.version}"
        )
    if version.digest != body.digest:
        raise Rejected(
            "minutes.digest_mismatch", "the signature is over other text than that version"
        )
    side = d.sides[author.side]
    if author.role != "head":
        raise Rejected("minutes.not_head", f"only the head of {side.name} signs the minutes for it")
    if author.side not in signers(d, body.meeting):
        raise Rejected("minutes.not_signer", "this side does not sign these minutes")
    if author.side in version.signed_by:
        raise Conflict(
            "minutes.already_signed", f"{side.name} already signed version {body.version}"
        )
    signed = dataclasses.replace(
        version, signed_by=version.signed_by.set(author.side, author.key_id)
    )
    versions = list(minutes.versions)
    versions[body.version - 1] = signed
    d.put(MINUTES, body.meeting, dataclasses.replace(minutes, versions=tuple(versions)))


def minutes_view(state: ChannelState, key: str) -> dict[str, Any]:
    m = state[MINUTES][key]
    required = signers(state, m.meeting)
    agreed = m.agreed_version(required)
    return {
        "meeting": m.meeting,
        "agreed_version": None if agreed is None else agreed.version,
        "signers": sorted(required),
        "versions": [
            {
                "version": v.version,
                "entry_id": v.entry_id,
                "seq": v.seq,
                "digest": v.digest,
                "drafted_by": v.drafted_by,
                "body": dict(v.body),
                "signed_by": dict(v.signed_by),
            }
            for v in m.versions
        ],
    }


FEATURE.record(MINUTES, minutes_view)
