"""Typed entry bodies. Each entry type has one strict model; unknown fields are rejected."""

from __future__ import annotations

import hashlib
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from parley.crypto.canonical import canonical_json
from parley.crypto.keys import b64
from parley.errors import InvalidInput

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Uuid = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
KeyIdStr = Annotated[str, StringConstraints(pattern=r"^k[0-9a-f]{24}$")]
PublicKeyB64 = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]
Priority = Literal["routine", "urgent", "flash"]
Role = Literal["head", "member"]
Level = Literal["confidential", "general", "public"]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class MemberSpec(Body):
    key: PublicKeyB64
    name: Name
    role: Role
    title: Annotated[str, StringConstraints(max_length=200)] = ""


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


class CharterAccepted(Body):
    """A party head's acceptance of one exact charter (by digest)."""

    charter_digest: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]


class MemberAdded(Body):
    side: Slug
    member: MemberSpec


class MemberRemoved(Body):
    side: Slug
    key_id: KeyIdStr
    reason: Annotated[str, StringConstraints(max_length=500)] = ""


class KeyRotated(Body):
    side: Slug
    key_id: KeyIdStr
    new_key: PublicKeyB64


class MessageSent(Body):
    to: Slug
    priority: Priority
    subject: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    text: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    topic: Slug | None = None
    reply_to: Uuid | None = None
    relay_of: Uuid | None = None


class ReceiptDelivered(Body):
    message: Uuid


class ReceiptAcknowledged(Body):
    message: Uuid
    note: Annotated[str, StringConstraints(max_length=2000)] = ""


BODY_TYPES: dict[str, type[Body]] = {
    "channel.created": ChannelCreated,
    "charter.accepted": CharterAccepted,
    "member.added": MemberAdded,
    "member.removed": MemberRemoved,
    "key.rotated": KeyRotated,
    "message.sent": MessageSent,
    "receipt.delivered": ReceiptDelivered,
    "receipt.acknowledged": ReceiptAcknowledged,
}


def parse_body(entry_type: str, body: Any, types: dict[str, type[Body]] | None = None) -> Body:
    """Validate a body against its type's model (``types``: the registry to use).

    Raises:
        InvalidInput: ``entry.unknown_type``, ``entry.unknown_field`` or ``entry.invalid_body``.
    """
    registry = BODY_TYPES if types is None else types
    model = registry.get(entry_type)
    if model is None:
        raise InvalidInput(
            "entry.unknown_type",
            f"unknown entry type {entry_type!r}; known: {', '.join(sorted(registry))}",
        )
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        if first["type"] == "extra_forbidden":
            raise InvalidInput(
                "entry.unknown_field", f"{entry_type} body has an unknown field: {where}"
            ) from exc
        raise InvalidInput(
            "entry.invalid_body", f"{entry_type} body is invalid at {where}: {first['msg']}"
        ) from exc


def charter_digest(body: dict[str, Any]) -> str:
    """The digest a party head signs to accept a charter: SHA-256 of its canonical body."""
    return b64(hashlib.sha256(canonical_json(body)).digest())
