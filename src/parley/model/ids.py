"""Typed identifiers, so that a mixed-up id is a type error."""

from __future__ import annotations

import re
import uuid
from typing import NewType

from parley.crypto.keys import KeyId
from parley.errors import InvalidInput

ChannelId = NewType("ChannelId", str)
EntryId = NewType("EntryId", str)
SideId = NewType("SideId", str)
TopicId = NewType("TopicId", str)

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
KEY_ID = re.compile(r"^k[0-9a-f]{24}$")

__all__ = ["ChannelId", "EntryId", "KeyId", "SideId", "TopicId", "check_entry_id", "check_slug"]


def check_slug(value: str, what: str) -> str:
    if not SLUG.match(value):
        raise InvalidInput(
            "entry.bad_id",
            f"{what} {value!r} must be 2-63 lowercase letters, digits or '-'",
        )
    return value


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
"""What ``str(uuid.UUID(x))`` writes: a text that matches it in full is its own canonical
form (the fast path of :func:`check_entry_id`; anything else is parsed to say why not)."""


def check_entry_id(value: str) -> EntryId:
    """An entry id is a UUID in its canonical lowercase form."""
    if type(value) is str and _CANONICAL_UUID.fullmatch(value):
        return EntryId(value)
    try:
        parsed = uuid.UUID(value)
    except (ValueError, AttributeError, TypeError) as exc:
        raise InvalidInput("entry.bad_id", f"entry id {value!r} is not a UUID") from exc
    if str(parsed) != value:
        raise InvalidInput("entry.bad_id", f"entry id {value!r} is not in canonical UUID form")
    return EntryId(value)


def new_entry_id() -> EntryId:
    return EntryId(str(uuid.uuid4()))
