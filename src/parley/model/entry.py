"""The entry envelope: a signed header that commits to a typed body.

An entry is what one member says in a channel. Its header names the channel, a
client-generated entry id (retries are idempotent on it), the type, the author's key id,
the author's clock, references to earlier entries, the disclosure level and
``body_digest = SHA-256(salt || canonical(body))``. The author signs
``"parley/entry/v1\\n" || canonical(header)`` with Ed25519; the prefix keeps a header
signature from being valid as any other Parley statement.

The Merkle leaf is the RFC 8785 encoding of ``{"header": ..., "signature": ...}``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from parley.crypto.canonical import canonical_json, canonical_json_ordered, parse_json
from parley.crypto.digest import SALT_BYTES, body_digest
from parley.crypto.keys import KeyId, SigningKey, VerifyKey, b64, unb64
from parley.errors import InvalidInput, VerificationError
from parley.model.clock import format_time, parse_time
from parley.model.ids import KEY_ID, ChannelId, EntryId, check_entry_id, check_slug

FORMAT_VERSION = 1
SIGNING_PREFIX = b"parley/entry/v1\n"
MAX_REFS = 64


class Disclosure(StrEnum):
    """Who may see an entry's body. Ordered from most closed to most open."""

    CONFIDENTIAL = "confidential"
    GENERAL = "general"
    PUBLIC = "public"

    @property
    def rank(self) -> int:
        return _DISCLOSURE_ORDER.index(self)


_DISCLOSURE_ORDER = [Disclosure.CONFIDENTIAL, Disclosure.GENERAL, Disclosure.PUBLIC]
_DISCLOSURES = {d.value: d for d in Disclosure}

_HEADER_FIELDS = (
    "v",
    "channel",
    "id",
    "type",
    "author",
    "time",
    "refs",
    "disclosure",
    "body_digest",
)
_HEADER_SET = frozenset(_HEADER_FIELDS)
_ENTRY_SET = frozenset({"header", "signature", "body", "salt"})


@dataclass(frozen=True, slots=True)
class Header:
    v: int
    channel: ChannelId
    id: EntryId
    type: str
    author: KeyId
    time: str
    refs: tuple[EntryId, ...]
    disclosure: Disclosure
    body_digest: str
    _canon: bytes | None = field(default=None, init=False, compare=False, repr=False)
    _at: datetime | None = field(default=None, init=False, compare=False, repr=False)

    @property
    def at(self) -> datetime:
        """``time`` as a datetime (parsed once; the header is immutable)."""
        if self._at is None:
            object.__setattr__(self, "_at", parse_time(self.time))
        assert self._at is not None
        return self._at

    def to_json(self) -> dict[str, Any]:
        return {
            "v": self.v,
            "channel": self.channel,
            "id": self.id,
            "type": self.type,
            "author": self.author,
            "time": self.time,
            "refs": list(self.refs),
            "disclosure": self.disclosure.value,
            "body_digest": self.body_digest,
        }

    def canonical(self) -> bytes:
        """RFC 8785 bytes of the header (computed once; the header is immutable). The
        members are written in RFC 8785 order here (the names are ASCII: plain sort), so
        the encoder need not sort them (``canonical_json_ordered``: the same bytes as
        ``canonical_json(self.to_json())``, a property test checks it against the
        ``rfc8785`` package)."""
        if self._canon is None:
            canon = canonical_json_ordered(
                {
                    "author": self.author,
                    "body_digest": self.body_digest,
                    "channel": self.channel,
                    "disclosure": self.disclosure.value,
                    "id": self.id,
                    "refs": list(self.refs),
                    "time": self.time,
                    "type": self.type,
                    "v": self.v,
                }
            )
            object.__setattr__(self, "_canon", canon)
        assert self._canon is not None
        return self._canon

    def signing_message(self) -> bytes:
        return SIGNING_PREFIX + self.canonical()

    @classmethod
    def from_json(cls, data: Any) -> Header:
        """Parse a header strictly: exactly the known fields, each of its type.

        Raises:
            InvalidInput: ``entry.malformed_header`` or ``entry.unknown_field``.
        """
        if not isinstance(data, dict):
            raise InvalidInput("entry.malformed_header", "the header must be a JSON object")
        if data.keys() != _HEADER_SET:  # else: exactly the known fields, all of them
            unknown = sorted(data.keys() - _HEADER_SET)
            if unknown:
                raise InvalidInput(
                    "entry.unknown_field", f"unknown header field(s): {', '.join(unknown)}"
                )
            missing = [f for f in _HEADER_FIELDS if f not in data]
            raise InvalidInput(
                "entry.malformed_header", f"missing header field(s): {', '.join(missing)}"
            )
        v = data["v"]
        if type(v) is not int or v != FORMAT_VERSION:
            raise InvalidInput(
                "entry.unsupported_version", f"header version must be {FORMAT_VERSION}"
            )
        for name in ("channel", "id", "type", "author", "time", "disclosure", "body_digest"):
            if not isinstance(data[name], str):
                raise InvalidInput(
                    "entry.malformed_header", f"header field {name!r} must be a string"
                )
        refs = data["refs"]
        if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
            raise InvalidInput(
                "entry.malformed_header", "header field 'refs' must be a list of ids"
            )
        if len(refs) > MAX_REFS:
            raise InvalidInput("entry.malformed_header", f"at most {MAX_REFS} refs")
        if not KEY_ID.match(data["author"]):
            raise InvalidInput("entry.malformed_header", "author must be a key id (k + 24 hex)")
        disclosure = _DISCLOSURES.get(data["disclosure"])
        if disclosure is None:
            raise InvalidInput(
                "entry.malformed_header",
                "disclosure must be one of confidential, general, public",
            )
        at = parse_time(data["time"])
        unb64(data["body_digest"], "body digest", 32)
        header = cls(
            v=v,
            channel=ChannelId(check_slug(data["channel"], "channel id")),
            id=check_entry_id(data["id"]),
            type=data["type"],
            author=KeyId(data["author"]),
            time=data["time"],
            refs=tuple(check_entry_id(r) for r in refs),
            disclosure=disclosure,
            body_digest=data["body_digest"],
        )
        object.__setattr__(header, "_at", at)
        return header


@dataclass(frozen=True, slots=True)
class Entry:
    """A header, the author's signature over it, and (when visible) the body and salt."""

    header: Header
    signature: bytes
    body: dict[str, Any] | None
    salt: bytes | None
    _body_canon: bytes | None = field(default=None, init=False, compare=False, repr=False)

    @classmethod
    def from_stored(cls, header_text: str, signature: bytes, body_text: str, salt: bytes) -> Entry:
        """Rebuild an entry from the exact bytes that were stored.

        Signature and digest checks then run over *those* bytes, not over a re-encoding:
        the author signed the canonical header, so stored text that is not exactly it
        (a changed byte, an added space) fails verification — no separate "is it
        canonical" pass is needed.
        """
        header = Header.from_json(parse_json(header_text))
        object.__setattr__(header, "_canon", header_text.encode())
        entry = cls(header, signature, parse_json(body_text), salt)
        object.__setattr__(entry, "_body_canon", body_text.encode())
        return entry

    @property
    def id(self) -> EntryId:
        return self.header.id

    def leaf_data(self) -> bytes:
        """The bytes hashed into the Merkle leaf: the canonical signed header, i.e.
        ``canonical({"header": header, "signature": base64})``. Built from the header's
        canonical bytes: "header" sorts before "signature" and both are plain strings."""
        return (
            b'{"header":'
            + self.header.canonical()
            + b',"signature":"'
            + b64(self.signature).encode()
            + b'"}'
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "header": self.header.to_json(),
            "signature": b64(self.signature),
            "body": self.body,
            "salt": None if self.salt is None else b64(self.salt),
        }

    @classmethod
    def from_json(cls, data: Any) -> Entry:
        """Parse a submitted or fetched entry.

        Raises:
            InvalidInput: malformed envelope, header, signature or salt encoding.
        """
        if not isinstance(data, dict):
            raise InvalidInput("entry.malformed", "an entry must be a JSON object")
        if not data.keys() <= _ENTRY_SET:
            unknown = sorted(data.keys() - _ENTRY_SET)
            raise InvalidInput(
                "entry.unknown_field", f"unknown entry field(s): {', '.join(unknown)}"
            )
        header = Header.from_json(data.get("header"))
        sig = data.get("signature")
        if not isinstance(sig, str):
            raise InvalidInput("entry.missing_signature", "the entry has no signature")
        body = data.get("body")
        if body is not None and not isinstance(body, dict):
            raise InvalidInput("entry.invalid_body", "the body must be a JSON object")
        salt = data.get("salt")
        if salt is not None and not isinstance(salt, str):
            raise InvalidInput("entry.malformed", "the salt must be base64")
        return cls(
            header=header,
            signature=unb64(sig, "signature"),
            body=body,
            salt=None if salt is None else unb64(salt, "salt", SALT_BYTES),
        )

    def verify_signature(self, key: VerifyKey) -> None:
        """Raises VerificationError (``entry.bad_signature``) unless ``key`` signed the header."""
        if key.key_id != self.header.author:
            raise VerificationError(
                f"entry {self.id} names author {self.header.author}, not {key.key_id}",
                "entry.bad_signature",
            )
        key.verify(self.header.signing_message(), self.signature)

    def verify_body(self) -> None:
        """Check the body and salt against the header's digest.

        Raises:
            VerificationError: ``entry.body_mismatch`` when body or salt is absent or wrong.
        """
        if self.body is None or self.salt is None:
            raise VerificationError(f"entry {self.id} has no body to check", "entry.body_missing")
        raw = self.body_canonical()
        if b64(hashlib.sha256(self.salt + raw).digest()) != self.header.body_digest:
            raise VerificationError(
                f"body of entry {self.id} does not match the digest its author signed",
                "entry.body_mismatch",
            )

    def body_canonical(self) -> bytes:
        """RFC 8785 bytes of the body: as stored, or encoded once (the digest check and the
        stored row then use the same bytes).

        Raises:
            InvalidInput: the body cannot be canonically encoded (``json.not_canonical``).
        """
        assert self.body is not None
        if self._body_canon is None:
            object.__setattr__(self, "_body_canon", canonical_json(self.body))
        assert self._body_canon is not None
        return self._body_canon

    def redacted(self) -> Entry:
        """The same entry without body and salt: what a member who may not read it gets."""
        return Entry(self.header, self.signature, None, None)


def make_entry(
    key: SigningKey,
    *,
    channel: ChannelId,
    type: str,
    body: dict[str, Any],
    time: datetime,
    entry_id: EntryId,
    refs: tuple[EntryId, ...] = (),
    disclosure: Disclosure = Disclosure.CONFIDENTIAL,
    salt: bytes,
) -> Entry:
    """Build and sign an entry. The caller supplies the id, time and salt (no hidden I/O)."""
    header = Header(
        v=FORMAT_VERSION,
        channel=channel,
        id=entry_id,
        type=type,
        author=key.key_id,
        time=format_time(time),
        refs=refs,
        disclosure=disclosure,
        body_digest=b64(body_digest(salt, body)),
    )
    return Entry(header, key.sign(header.signing_message()), body, salt)


@dataclass(frozen=True, slots=True)
class LoggedEntry:
    """An entry as the log holds it: with the sequence number and time the server gave it."""

    seq: int
    entry: Entry
    received_at: datetime
