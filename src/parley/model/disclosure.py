"""Disclosure: opening entries by joint consent, joint communiqués, unilateral statements.

Every entry is created at the charter's default level or more closed. Opening entries
to a more open level takes a ``disclosure.proposed`` over an exact list of entry ids and
a target level, and a ``disclosure.signed`` by the head of every side — both parties and
the mediator — naming that proposal's digest. Until the last signature nothing changes;
then every listed entry is at the target level, from that sequence number on. Nothing
ever closes again: a proposal to a level not more open than an entry's current one is
refused.

A communiqué is drafted in versions, each with its texts per language; it is published
when every side's head signed the same version, and that version's entry becomes public
at that moment. A party may also log a unilateral statement, marked as such, so the
record shows which public texts were joint and which were not.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, StringConstraints

from parley.crypto.canonical import canonical_json
from parley.crypto.keys import KeyId, b64
from parley.errors import Conflict, NotFound, Rejected
from parley.model.bodies import Body, Slug, Uuid
from parley.model.entry import Disclosure
from parley.model.ids import EntryId, SideId

if TYPE_CHECKING:
    from parley.model.entry import LoggedEntry
    from parley.model.state import ChannelState, Member

Text = Annotated[str, StringConstraints(min_length=1, max_length=20000)]
Lang = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
Digest = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]
Touched = set[tuple[str, str]]


class DisclosureProposed(Body):
    proposal: Slug
    entries: list[Uuid] = Field(min_length=1, max_length=500)
    level: Literal["general", "public"]
    reason: Annotated[str, StringConstraints(max_length=2000)] = ""


class DisclosureSigned(Body):
    proposal: Slug
    digest: Digest


class CommuniqueDrafted(Body):
    communique: Slug
    version: int = Field(ge=1)
    texts: dict[Lang, Text] = Field(min_length=1, max_length=6)
    meeting: Slug | None = None
    summarizes: list[Uuid] = Field(default_factory=list, max_length=200)


class CommuniqueSigned(Body):
    communique: Slug
    version: int = Field(ge=1)
    digest: Digest


class StatementUnilateral(Body):
    """A party's own public statement, logged as unilateral (not agreed by the others)."""

    text: Text
    language: Lang
    source: Annotated[str, StringConstraints(max_length=500)] = ""


def body_digest_of(body: dict[str, Any]) -> str:
    return b64(hashlib.sha256(canonical_json(body)).digest())


@dataclass
class Opening:
    """A disclosure proposal and who signed it."""

    id: str
    entry_id: EntryId
    digest: str
    entries: list[EntryId]
    level: str
    proposed_by: KeyId
    reason: str
    signed_by: dict[SideId, KeyId] = field(default_factory=dict)
    done_seq: int | None = None


@dataclass
class CommuniqueVersion:
    version: int
    entry_id: EntryId
    seq: int
    digest: str
    texts: dict[str, str]
    meeting: str | None
    summarizes: list[str]
    signed_by: dict[SideId, KeyId] = field(default_factory=dict)


@dataclass
class Communique:
    id: str
    versions: list[CommuniqueVersion] = field(default_factory=list)
    published: int | None = None  # version number
    published_seq: int | None = None


def _heads_of_all_sides(state: ChannelState) -> set[SideId]:
    return set(state.sides)


def _require_head(state: ChannelState, author: Member, what: str) -> None:
    if author.role != "head":
        raise Rejected(
            "disclosure.not_head",
            f"only the head of {state.sides[author.side].name} can {what} for it",
        )


def _open(state: ChannelState, entry_id: EntryId, level: Disclosure, seq: int) -> bool:
    current = state.levels.get(entry_id)
    if current is None or level.rank > current[0].rank:
        state.levels[entry_id] = (level, seq)
        return True
    return False


def effective_level(state: ChannelState, entry_id: EntryId, created: Disclosure) -> Disclosure:
    opened = state.levels.get(entry_id)
    return created if opened is None or opened[0].rank < created.rank else opened[0]


def disclosure_proposed(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, DisclosureProposed)
    _require_head(state, author, "propose a disclosure")
    if body.proposal in state.openings:
        raise Conflict("disclosure.exists", f"disclosure proposal {body.proposal!r} exists")
    target = Disclosure(body.level)
    if len(set(body.entries)) != len(body.entries):
        raise Rejected("disclosure.duplicate_entry", "an entry is listed twice")
    for eid in body.entries:
        created = state.created_levels.get(EntryId(eid))
        if created is None:
            raise NotFound("disclosure.unknown_entry", f"entry {eid} is not in this channel's log")
        if effective_level(state, EntryId(eid), created).rank >= target.rank:
            raise Rejected(
                "disclosure.cannot_close",
                f"entry {eid} is already at least {target.value}; a level can only be opened, never closed",
            )
    assert logged.entry.body is not None
    state.openings[body.proposal] = Opening(
        body.proposal,
        logged.entry.id,
        body_digest_of(logged.entry.body),
        [EntryId(e) for e in body.entries],
        body.level,
        author.key_id,
        body.reason,
    )
    state.openings[body.proposal].signed_by[author.side] = author.key_id
    return {("opening", body.proposal)}


def disclosure_signed(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, DisclosureSigned)
    opening = state.openings.get(body.proposal)
    if opening is None:
        raise NotFound("disclosure.unknown", f"there is no disclosure proposal {body.proposal!r}")
    _require_head(state, author, "consent to a disclosure")
    if body.digest != opening.digest:
        raise Rejected(
            "disclosure.digest_mismatch", "the consent is for another list of entries or level"
        )
    if opening.done_seq is not None:
        raise Conflict("disclosure.done", "this disclosure already took effect")
    if author.side in opening.signed_by:
        raise Conflict("disclosure.already_signed", "this side already consented")
    opening.signed_by[author.side] = author.key_id
    touched: Touched = {("opening", opening.id)}
    if _heads_of_all_sides(state) <= set(opening.signed_by):
        opening.done_seq = logged.seq
        for eid in opening.entries:
            if _open(state, eid, Disclosure(opening.level), logged.seq):
                touched.add(("level", eid))
    return touched


def communique_drafted(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, CommuniqueDrafted)
    if state.sides[author.side].kind != "mediator" and author.role != "head":
        raise Rejected("communique.not_head", "the mediator or a party's head drafts a communiqué")
    c = state.communiques.get(body.communique) or Communique(body.communique)
    if c.published is not None:
        raise Conflict("communique.published", "this communiqué is published; draft a new one")
    if body.version != len(c.versions) + 1:
        raise Conflict("communique.bad_version", f"the next version is {len(c.versions) + 1}")
    for eid in body.summarizes:
        if EntryId(eid) not in state.entry_seq:
            raise NotFound("disclosure.unknown_entry", f"entry {eid} is not in this channel's log")
    if body.meeting is not None and body.meeting not in state.meetings:
        raise NotFound("meeting.unknown", f"there is no meeting {body.meeting!r}")
    assert logged.entry.body is not None
    c.versions.append(
        CommuniqueVersion(
            body.version,
            logged.entry.id,
            logged.seq,
            body_digest_of(logged.entry.body),
            dict(body.texts),
            body.meeting,
            list(body.summarizes),
        )
    )
    state.communiques[c.id] = c
    return {("communique", c.id)}


def communique_signed(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, CommuniqueSigned)
    c = state.communiques.get(body.communique)
    if c is None or not 1 <= body.version <= len(c.versions):
        raise NotFound(
            "communique.unknown_version",
            f"communiqué {body.communique!r} has no version {body.version}",
        )
    v = c.versions[body.version - 1]
    if v.digest != body.digest:
        raise Rejected(
            "communique.digest_mismatch", "the signature is over another text than that version"
        )
    _require_head(state, author, "sign a communiqué")
    if c.published is not None:
        raise Conflict("communique.published", "this communiqué is already published")
    if author.side in v.signed_by:
        raise Conflict("communique.already_signed", "this side already signed this version")
    v.signed_by[author.side] = author.key_id
    touched: Touched = {("communique", c.id)}
    if _heads_of_all_sides(state) <= set(v.signed_by):
        c.published, c.published_seq = v.version, logged.seq
        if _open(state, v.entry_id, Disclosure.PUBLIC, logged.seq):
            touched.add(("level", v.entry_id))
    return touched


def statement_unilateral(
    state: ChannelState, logged: LoggedEntry, author: Member, body: Body
) -> Touched:
    assert isinstance(body, StatementUnilateral)
    if state.sides[author.side].kind != "party":
        raise Rejected("statement.not_party", "unilateral statements are a party's")
    state.statements.append(logged.entry.id)
    # A unilateral statement is public by its nature: the party made it in public.
    _open(state, logged.entry.id, Disclosure.PUBLIC, logged.seq)
    return {("level", logged.entry.id)}


TYPES: dict[str, type[Body]] = {
    "disclosure.proposed": DisclosureProposed,
    "disclosure.signed": DisclosureSigned,
    "communique.drafted": CommuniqueDrafted,
    "communique.signed": CommuniqueSigned,
    "statement.unilateral": StatementUnilateral,
}
HANDLERS: dict[type[Body], Any] = {
    DisclosureProposed: disclosure_proposed,
    DisclosureSigned: disclosure_signed,
    CommuniqueDrafted: communique_drafted,
    CommuniqueSigned: communique_signed,
    StatementUnilateral: statement_unilateral,
}
