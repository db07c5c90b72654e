"""Translations: signed entries beside the original, never in its place.

A translation (``translation.added``) names the original entry and the field it renders
(``text`` of a message, ``items.0.summary`` of a version of the minutes, ``texts.ru``
of a communiqué), the SHA-256 of that field's exact text, its language, and how it was
made: ``human``, or ``machine`` with the engine and model that produced the draft. The
member who signs it vouches that this is the text they submitted — for a machine
draft, only that the machine said it. A member of a side that receives the original and
did not make the translation can mark it *verified* (``translation.verified``): that
side agrees the translation says what the original says.

The original stays the original: a translation changes nothing in what it translates,
whoever signed it and whatever its method. A translation of a message is read by the
message's sides and the mediator only, as the message is.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import StringConstraints, model_validator

from parley.crypto.digest import text_digest
from parley.crypto.keys import KeyId
from parley.errors import Conflict, NotFound, Rejected
from parley.model.bodies import Body, Digest, Lang, Uuid
from parley.model.disclosure import COMMUNIQUES
from parley.model.feature import Act, Draft, Feature, ReadRule
from parley.model.ids import EntryId, SideId
from parley.model.messages import MESSAGES
from parley.model.minutes import MINUTES
from parley.model.state import ChannelState, FrozenDict, StateView, Table

FEATURE = Feature("translations", __doc__ or "")

FIELD = r"^[a-z_]+(\.[A-Za-z0-9_-]{1,63}){0,4}$"
Method = Literal["human", "machine"]


class TranslationAdded(Body):
    """A translation of one field of an entry, by a person or a named machine model."""

    TYPE = "translation.added"
    of: Uuid
    field: Annotated[str, StringConstraints(pattern=FIELD)]
    source_digest: Digest
    """SHA-256 (base64) of the original field's text, exactly as signed."""
    language: Lang
    text: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    method: Method
    engine: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None
    model: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None

    @model_validator(mode="after")
    def _machine_names_itself(self) -> TranslationAdded:
        machine = self.method == "machine"
        if machine != (self.engine is not None and self.model is not None):
            raise ValueError(
                "a machine translation names its engine and model; a human one names neither"
            )
        return self


class TranslationVerified(Body):
    """A receiving side's member confirms a translation says what the original says."""

    TYPE = "translation.verified"
    translation: Uuid
    note: Annotated[str, StringConstraints(max_length=1000)] = ""


@dataclass(frozen=True, slots=True)
class Translation:
    id: EntryId
    seq: int
    of: EntryId
    field: str
    source_digest: str
    language: str
    text: str
    method: str
    engine: str | None
    model: str | None
    by: KeyId
    side: SideId
    verified_by: FrozenDict[SideId, KeyId] = FrozenDict()


TRANSLATIONS: Table[EntryId, Translation] = FEATURE.table(Table("translation", ordered=True))


# --- what can be translated -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Original:
    """An entry whose text fields can be translated: its kind, fields, and readers."""

    kind: str
    fields: Mapping[str, Any]
    sides: tuple[SideId, SideId] | None
    """A message's two sides (only they and the mediator read it); None: every member."""


def original(state: StateView, entry: EntryId) -> Original | None:
    """A message, a version of minutes, or a version of a communiqué, by its entry id."""
    msg = state[MESSAGES].get(entry)
    if msg is not None:
        return Original(
            "message", {"subject": msg.subject, "text": msg.text}, (msg.sender_side, msg.to)
        )
    for minutes in state[MINUTES].values():
        for v in minutes.versions:
            if v.entry_id == entry:
                return Original("minutes", v.body, None)
    for c in state[COMMUNIQUES].values():
        for cv in c.versions:
            if cv.entry_id == entry:
                return Original("communique", {"texts": dict(cv.texts)}, None)
    return None


def field_text(fields: Mapping[str, Any], path: str) -> str | None:
    """The text at ``path`` (dot-separated keys and list indexes), or None."""
    node: Any = fields
    for part in path.split("."):
        if isinstance(node, Mapping):
            node = node.get(part)
        elif isinstance(node, list | tuple) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node if isinstance(node, str) and node else None


def _sides(state: StateView, found: Original) -> tuple[SideId, SideId]:
    """The parties that read an original (and its translations), beside the mediator, who
    reads everything: a message's two sides, or both parties."""
    if found.sides is None:
        parties = state.party_sides()
        return (parties[0], parties[1])
    return found.sides


def _reads(state: StateView, side: SideId, found: Original) -> bool:
    return side in _sides(state, found) or side == state.mediator_side()


def _readers(state: StateView, entry: EntryId) -> tuple[SideId, SideId] | None:
    t = state[TRANSLATIONS].get(entry)
    found = None if t is None else original(state, t.of)
    return None if found is None else _sides(state, found)


TRANSLATION_READERS = ReadRule(
    "whoever reads the original: a message's two sides and the mediator, else every member",
    parties=_readers,
)


# --- rules ------------------------------------------------------------------------------


@FEATURE.handles(TranslationAdded, read=TRANSLATION_READERS)
def added(d: Draft, e: Act[TranslationAdded]) -> None:
    body, author = e.body, e.author
    found = original(d, EntryId(body.of))
    if found is None or not _reads(d, author.side, found):
        raise NotFound(
            "translation.unknown_original",
            f"no message, minutes or communiqué {body.of} that this member can read",
        )
    source = field_text(found.fields, body.field)
    if source is None:
        raise NotFound(
            "translation.unknown_field",
            f"the {found.kind} has no text at {body.field!r}",
        )
    if text_digest(source) != body.source_digest:
        raise Rejected(
            "translation.source_mismatch",
            f"source_digest is not the digest of the {found.kind}'s {body.field!r} as signed",
        )
    d.put(
        TRANSLATIONS,
        e.id,
        Translation(
            e.id,
            e.seq,
            EntryId(body.of),
            body.field,
            body.source_digest,
            body.language,
            body.text,
            body.method,
            body.engine,
            body.model,
            author.key_id,
            author.side,
        ),
    )


@FEATURE.handles(TranslationVerified, read=TRANSLATION_READERS)
def verified(d: Draft, e: Act[TranslationVerified]) -> None:
    author = e.author
    t = d[TRANSLATIONS].get(EntryId(e.body.translation))
    found = None if t is None else original(d, t.of)
    if t is None or found is None or not _reads(d, author.side, found):
        raise NotFound(
            "translation.unknown", f"no translation {e.body.translation} that this member can read"
        )
    if author.side == t.side:
        raise Rejected(
            "translation.own_side",
            "a translation is verified by a side that receives it, not by the side that made it",
        )
    # The mediator verifies a party's translation only where it receives the original.
    mediator_for_party = d.sides[author.side].kind == "mediator" and d.sides[t.side].kind == "party"
    if mediator_for_party and (found.sides is None or author.side not in found.sides):
        raise Rejected(
            "translation.not_receiver",
            "only a party that receives the original verifies a party's translation",
        )
    if author.side in t.verified_by:
        raise Conflict("translation.already_verified", "this side already verified it")
    d.put(
        TRANSLATIONS,
        t.id,
        dataclasses.replace(t, verified_by=t.verified_by.set(author.side, author.key_id)),
    )


# --- views -------------------------------------------------------------------------------


def translation_view(state: ChannelState, key: EntryId) -> dict[str, Any]:
    t = state[TRANSLATIONS][key]
    return {
        "id": t.id,
        "seq": t.seq,
        "of": t.of,
        "field": t.field,
        "source_digest": t.source_digest,
        "language": t.language,
        "text": t.text,
        "method": t.method,
        "engine": t.engine,
        "model": t.model,
        "by": t.by,
        "side": t.side,
        "verified_by": dict(t.verified_by),
        "draft": t.method == "machine",
    }
