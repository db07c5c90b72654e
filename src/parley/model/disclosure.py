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

import dataclasses
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from parley.crypto.digest import json_digest
from parley.crypto.keys import KeyId
from parley.errors import Conflict, InvalidInput, NotFound, Rejected
from parley.model.bodies import Body, Digest, Lang, Slug, Uuid
from parley.model.entry import Disclosure
from parley.model.feature import EVERY_MEMBER, Act, Draft, Feature
from parley.model.ids import EntryId, SideId
from parley.model.meetings import MEETINGS
from parley.model.state import (
    CREATED_LEVELS,
    ENTRY_SEQ,
    ChannelState,
    FrozenDict,
    Member,
    StateView,
    Table,
)

FEATURE = Feature("disclosure", __doc__ or "")

Text = Annotated[str, StringConstraints(min_length=1, max_length=20000)]


class DisclosureProposed(Body):
    """A head proposes opening an exact list of entries to a more open level."""

    TYPE = "disclosure.proposed"
    proposal: Slug
    entries: list[Uuid] = Field(min_length=1, max_length=500)
    level: Literal["general", "public"]
    reason: Annotated[str, StringConstraints(max_length=2000)] = ""


class DisclosureSigned(Body):
    """A side's head consents to one exact disclosure proposal (by digest)."""

    TYPE = "disclosure.signed"
    proposal: Slug
    digest: Digest


class CommuniqueDrafted(Body):
    """A version of a joint communiqué, with its text per language."""

    TYPE = "communique.drafted"
    communique: Slug
    version: int = Field(ge=1)
    texts: dict[Lang, Text] = Field(min_length=1, max_length=6)
    meeting: Slug | None = None
    authentic: list[Lang] = Field(default_factory=list, max_length=6)
    """Which of the texts are authoritative; empty: all are equally authentic."""
    summarizes: list[Uuid] = Field(default_factory=list, max_length=200)


class CommuniqueSigned(Body):
    """A side's head signs one exact version of a communiqué (by digest)."""

    TYPE = "communique.signed"
    communique: Slug
    version: int = Field(ge=1)
    digest: Digest


class StatementUnilateral(Body):
    """A party's own public statement, logged as unilateral (not agreed by the others)."""

    TYPE = "statement.unilateral"
    text: Text
    language: Lang
    source: Annotated[str, StringConstraints(max_length=500)] = ""


def body_digest_of(body: dict[str, Any]) -> str:
    return json_digest(body)


@dataclass(frozen=True, slots=True)
class Opening:
    """A disclosure proposal and who signed it."""

    id: str
    entry_id: EntryId
    digest: str
    entries: tuple[EntryId, ...]
    level: str
    proposed_by: KeyId
    reason: str
    signed_by: FrozenDict[SideId, KeyId] = FrozenDict()
    done_seq: int | None = None


@dataclass(frozen=True, slots=True)
class CommuniqueVersion:
    version: int
    entry_id: EntryId
    seq: int
    digest: str
    texts: FrozenDict[str, str]
    meeting: str | None
    summarizes: tuple[str, ...]
    signed_by: FrozenDict[SideId, KeyId] = FrozenDict()
    authentic: tuple[str, ...] = ()
    """The authoritative languages; empty: every text is equally authentic."""


@dataclass(frozen=True, slots=True)
class Communique:
    id: str
    versions: tuple[CommuniqueVersion, ...] = ()
    published: int | None = None  # version number
    published_seq: int | None = None


LEVELS: Table[EntryId, tuple[Disclosure, int]] = FEATURE.table(Table("level"))
"""Entries opened by consent: (level, from which sequence number)."""
OPENINGS: Table[str, Opening] = FEATURE.table(Table("opening", ordered=True))
COMMUNIQUES: Table[str, Communique] = FEATURE.table(Table("communique", ordered=True))
STATEMENTS: Table[EntryId, int] = FEATURE.table(Table("statement"))
"""Unilateral statements, by entry id (-> sequence number)."""


def _require_head(state: StateView, author: Member, what: str) -> None:
    if author.role != "head":
        raise Rejected(
            "disclosure.not_head",
            f"only the head of {state.sides[author.side].name} can {what} for it",
        )


def open_entry(d: Draft, entry_id: EntryId, level: Disclosure, seq: int) -> None:
    """Open an entry to ``level`` from ``seq`` on, if that is more open than it is."""
    current = d[LEVELS].get(entry_id)
    if current is None or level.rank > current[0].rank:
        d.put(LEVELS, entry_id, (level, seq))


def effective_level(state: StateView, entry_id: EntryId, created: Disclosure) -> Disclosure:
    opened = state[LEVELS].get(entry_id)
    return created if opened is None or opened[0].rank < created.rank else opened[0]


def level_now(state: StateView, entry_id: EntryId) -> Disclosure | None:
    """An entry's level now (as created, or as opened since); None if not in the log."""
    created = state[CREATED_LEVELS].get(entry_id)
    return None if created is None else effective_level(state, entry_id, created)


@FEATURE.handles(DisclosureProposed, read=EVERY_MEMBER)
def disclosure_proposed(d: Draft, e: Act[DisclosureProposed]) -> None:
    body, author = e.body, e.author
    _require_head(d, author, "propose a disclosure")
    if body.proposal in d[OPENINGS]:
        raise Conflict("disclosure.exists", f"disclosure proposal {body.proposal!r} exists")
    target = Disclosure(body.level)
    if len(set(body.entries)) != len(body.entries):
        raise Rejected("disclosure.duplicate_entry", "an entry is listed twice")
    for eid in body.entries:
        now = level_now(d, EntryId(eid))
        if now is None:
            raise NotFound("disclosure.unknown_entry", f"entry {eid} is not in this channel's log")
        if now.rank >= target.rank:
            raise Rejected(
                "disclosure.cannot_close",
                f"entry {eid} is already at least {target.value}; a level can only be opened, never closed",
            )
    d.put(
        OPENINGS,
        body.proposal,
        Opening(
            body.proposal,
            e.id,
            body_digest_of(e.raw),
            tuple(EntryId(x) for x in body.entries),
            body.level,
            author.key_id,
            body.reason,
            signed_by=FrozenDict({author.side: author.key_id}),
        ),
    )


@FEATURE.handles(DisclosureSigned, read=EVERY_MEMBER)
def disclosure_signed(d: Draft, e: Act[DisclosureSigned]) -> None:
    body, author = e.body, e.author
    opening = d[OPENINGS].get(body.proposal)
    if opening is None:
        raise NotFound("disclosure.unknown", f"there is no disclosure proposal {body.proposal!r}")
    _require_head(d, author, "consent to a disclosure")
    if body.digest != opening.digest:
        raise Rejected(
            "disclosure.digest_mismatch", "the consent is for another list of entries or level"
        )
    if opening.done_seq is not None:
        raise Conflict("disclosure.done", "this disclosure already took effect")
    if author.side in opening.signed_by:
        raise Conflict("disclosure.already_signed", "this side already consented")
    opening = dataclasses.replace(
        opening, signed_by=opening.signed_by.set(author.side, author.key_id)
    )
    if set(d.sides) <= set(opening.signed_by):  # the head of every side
        opening = dataclasses.replace(opening, done_seq=e.seq)
        for eid in opening.entries:
            open_entry(d, eid, Disclosure(opening.level), e.seq)
    d.put(OPENINGS, opening.id, opening)


@FEATURE.handles(CommuniqueDrafted, read=EVERY_MEMBER)
def communique_drafted(d: Draft, e: Act[CommuniqueDrafted]) -> None:
    body, author = e.body, e.author
    if d.sides[author.side].kind != "mediator" and author.role != "head":
        raise Rejected("communique.not_head", "the mediator or a party's head drafts a communiqué")
    c = d[COMMUNIQUES].get(body.communique) or Communique(body.communique)
    if c.published is not None:
        raise Conflict("communique.published", "this communiqué is published; draft a new one")
    if body.version != len(c.versions) + 1:
        raise Conflict("communique.bad_version", f"the next version is {len(c.versions) + 1}")
    for eid in body.summarizes:
        if EntryId(eid) not in d[ENTRY_SEQ]:
            raise NotFound("disclosure.unknown_entry", f"entry {eid} is not in this channel's log")
    if body.meeting is not None and body.meeting not in d[MEETINGS]:
        raise NotFound("meeting.unknown", f"there is no meeting {body.meeting!r}")
    unknown = set(body.authentic) - set(body.texts)
    if unknown:
        raise InvalidInput(
            "communique.bad_language",
            f"authentic names languages it has no text in: {', '.join(sorted(unknown))}",
        )
    version = CommuniqueVersion(
        body.version,
        e.id,
        e.seq,
        body_digest_of(e.raw),
        FrozenDict(body.texts),
        body.meeting,
        tuple(body.summarizes),
        authentic=tuple(body.authentic),
    )
    d.put(COMMUNIQUES, c.id, dataclasses.replace(c, versions=(*c.versions, version)))


@FEATURE.handles(CommuniqueSigned, read=EVERY_MEMBER)
def communique_signed(d: Draft, e: Act[CommuniqueSigned]) -> None:
    body, author = e.body, e.author
    c = d[COMMUNIQUES].get(body.communique)
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
    _require_head(d, author, "sign a communiqué")
    if c.published is not None:
        raise Conflict("communique.published", "this communiqué is already published")
    if author.side in v.signed_by:
        raise Conflict("communique.already_signed", "this side already signed this version")
    v = dataclasses.replace(v, signed_by=v.signed_by.set(author.side, author.key_id))
    versions = list(c.versions)
    versions[body.version - 1] = v
    c = dataclasses.replace(c, versions=tuple(versions))
    if set(d.sides) <= set(v.signed_by):  # the head of every side
        c = dataclasses.replace(c, published=v.version, published_seq=e.seq)
        open_entry(d, v.entry_id, Disclosure.PUBLIC, e.seq)
    d.put(COMMUNIQUES, c.id, c)


@FEATURE.handles(StatementUnilateral, read=EVERY_MEMBER)
def statement_unilateral(d: Draft, e: Act[StatementUnilateral]) -> None:
    if d.sides[e.author.side].kind != "party":
        raise Rejected("statement.not_party", "unilateral statements are a party's")
    d.put(STATEMENTS, e.id, e.seq)
    # A unilateral statement is public by its nature: the party made it in public.
    open_entry(d, e.id, Disclosure.PUBLIC, e.seq)


# --- views ------------------------------------------------------------------------


def opening_view(state: ChannelState, key: str) -> dict[str, Any]:
    o = state[OPENINGS][key]
    return {
        "id": o.id,
        "entry_id": o.entry_id,
        "digest": o.digest,
        "entries": list(o.entries),
        "level": o.level,
        "proposed_by": o.proposed_by,
        "reason": o.reason,
        "signed_by": dict(o.signed_by),
        "done_seq": o.done_seq,
    }


def communique_view(state: ChannelState, key: str) -> dict[str, Any]:
    c = state[COMMUNIQUES][key]
    return {
        "id": c.id,
        "published": c.published,
        "published_seq": c.published_seq,
        "versions": [
            {
                "version": v.version,
                "entry_id": v.entry_id,
                "seq": v.seq,
                "digest": v.digest,
                "texts": dict(v.texts),
                "authentic": list(v.authentic),
                "meeting": v.meeting,
                "summarizes": list(v.summarizes),
                "signed_by": dict(v.signed_by),
            }
            for v in c.versions
        ],
    }


def level_view(state: ChannelState, entry_id: EntryId) -> dict[str, Any]:
    level, seq = state[LEVELS][entry_id]
    return {
        "entry_id": entry_id,
        "level": level.value,
        "since_seq": seq,
        "created_level": state[CREATED_LEVELS][entry_id].value,
    }


FEATURE.record(OPENINGS, opening_view)
FEATURE.record(COMMUNIQUES, communique_view)
FEATURE.record(LEVELS, level_view)
