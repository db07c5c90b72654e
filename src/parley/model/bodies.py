"""Typed entry bodies: the base model and the field types every feature shares.

Each entry type has one strict model, declared in its feature module with the type it
is the body of (``TYPE``); unknown fields are rejected. The same models build bodies on
the client (``Model(...).dump()``), validate them on the server, and give each type's
JSON Schema.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from parley.errors import InvalidInput

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Uuid = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
KeyIdStr = Annotated[str, StringConstraints(pattern=r"^k[0-9a-f]{24}$")]
PublicKeyB64 = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]
Digest = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]
"""Base64 SHA-256 (``parley.crypto.digest.json_digest``)."""
Lang = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
"""A BCP 47 language tag (``en``, ``ru``, ``hy``, ``az-Latn``)."""
Priority = Literal["routine", "urgent", "flash"]
Role = Literal["head", "member"]
Level = Literal["confidential", "general", "public"]


class Body(BaseModel):
    """An entry body. Subclasses that are a body of their own name it in ``TYPE``."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    TYPE: ClassVar[str]

    def dump(self) -> dict[str, Any]:
        """The body as JSON to sign: fields left at their defaults are omitted, so the
        same content always gives the same bytes."""
        return self.model_dump(mode="json", exclude_defaults=True)


class MemberSpec(Body):
    key: PublicKeyB64
    name: Name
    role: Role
    title: Annotated[str, StringConstraints(max_length=200)] = ""


def parse_body(model: type[Body], entry_type: str, body: Any) -> Body:
    """Validate a body against its type's model.

    Raises:
        InvalidInput: ``entry.unknown_field`` or ``entry.invalid_body``.
    """
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
