"""Typed entry bodies: the base model and the field types every feature shares.

Each entry type has one strict model, declared in its feature module with the type it
is the body of (``TYPE``); unknown fields are rejected. The same models build bodies on
the client (``Model(...).dump()``), validate them on the server, and give each type's
JSON Schema.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from parley.errors import InvalidInput

SLUG = r"^[a-z0-9][a-z0-9-]{1,62}$"
UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
KEY_ID = r"^k[0-9a-f]{24}$"
B64_32 = r"^[A-Za-z0-9+/]{43}=$"
LANG = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
DATE = r"^\d{4}-\d{2}-\d{2}$"

Slug = Annotated[str, StringConstraints(pattern=SLUG)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Uuid = Annotated[str, StringConstraints(pattern=UUID)]
KeyIdStr = Annotated[str, StringConstraints(pattern=KEY_ID)]
PublicKeyB64 = Annotated[str, StringConstraints(pattern=B64_32)]
Digest = Annotated[str, StringConstraints(pattern=B64_32)]
"""Base64 SHA-256 (``parley.crypto.digest.json_digest``)."""
Lang = Annotated[str, StringConstraints(pattern=LANG)]
"""A BCP 47 language tag (``en``, ``ru``, ``hy``, ``az-Latn``)."""
IsoDate = Annotated[str, StringConstraints(pattern=DATE)]
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


KEY_ID_FORM = re.compile(KEY_ID)

PATTERNS = {
    SLUG: "2 to 63 lowercase letters, digits or '-', starting with a letter or digit",
    UUID: "an entry id (a UUID such as 4a7c1e2b-0c3d-4f5e-8a9b-0c1d2e3f4a5b)",
    KEY_ID: "a key id: 'k' and 24 hexadecimal digits",
    B64_32: "a base64 Ed25519 key or digest: 43 characters and '='",
    LANG: "a language tag such as en, ru, hy or az-Latn",
    DATE: "a date, YYYY-MM-DD",
}
"""What each pattern a body field must match means, in words."""

MAX_PROBLEMS = 12


def _where(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the body"


def _sentence(err: Any) -> str:
    where, kind, ctx, value = (
        _where(err["loc"]),
        err["type"],
        err.get("ctx") or {},
        err.get("input"),
    )
    if kind == "missing":
        return f"{where} is missing"
    if kind == "extra_forbidden":
        return f"{where} is not a field of this body"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        meaning = PATTERNS.get(pattern, f"of the form {pattern}")
        hint = ""
        if isinstance(value, str) and KEY_ID_FORM.match(value) and "Ed25519" in meaning:
            hint = " — this is a key id; give the public key (`parley keygen` prints both)"
        return f"{where} must be {meaning}, not {value!r}{hint}"
    if kind == "string_too_short":
        n = ctx.get("min_length", 1)
        return f"{where} must not be empty" if n == 1 else f"{where} needs at least {n} characters"
    if kind == "string_too_long":
        return f"{where} takes at most {ctx.get('max_length')} characters"
    if kind == "too_short":
        return f"{where} needs at least {ctx.get('min_length')} item(s)"
    if kind == "too_long":
        return f"{where} takes at most {ctx.get('max_length')} item(s)"
    if kind == "literal_error":
        return f"{where} must be {ctx.get('expected')}, not {value!r}"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(ctx.values()), "")
        words = {
            "greater_than": "more than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        return f"{where} must be {words} {bound}"
    if kind.endswith("_type"):
        expected = kind.removesuffix("_type").replace("_", " ")
        return (
            f"{where} must be {'an' if expected[0] in 'aeiou' else 'a'} {expected}, not {value!r}"
        )
    return f"{where}: {err['msg']}"


def problems(exc: ValidationError) -> list[str]:
    """Every problem pydantic found, each as a sentence a person can act on."""
    seen: list[str] = []
    for err in exc.errors():
        text = _sentence(err)
        if text not in seen:
            seen.append(text)
    return seen


def parse_body(model: type[Body], entry_type: str, body: Any) -> Body:
    """Validate a body against its type's model.

    Raises:
        InvalidInput: ``entry.unknown_field`` or ``entry.invalid_body``; the message names
            every problem found (up to 12), the detail lists them.
    """
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        found = problems(exc)
        code = (
            "entry.unknown_field"
            if any(e["type"] == "extra_forbidden" for e in exc.errors())
            else "entry.invalid_body"
        )
        shown = "; ".join(found[:MAX_PROBLEMS])
        more = f" (and {len(found) - MAX_PROBLEMS} more)" if len(found) > MAX_PROBLEMS else ""
        raise InvalidInput(code, f"{entry_type} body: {shown}{more}", problems=found) from exc
