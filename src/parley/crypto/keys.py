"""Ed25519 identities (PyNaCl / libsodium) and key ids.

A key id is ``"k" + hex(SHA-256("parley-key/v1\\n" || public key)[:12])``: short enough
to read aloud on a hotline, long enough (96 bits) that nobody can make a second key
with the same id.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from typing import NewType

import nacl.exceptions
import nacl.signing

from parley.errors import InvalidInput, VerificationError

KeyId = NewType("KeyId", str)

_KEY_ID_PREFIX = b"parley-key/v1\n"


def key_id_for(public_key: bytes) -> KeyId:
    return KeyId("k" + hashlib.sha256(_KEY_ID_PREFIX + public_key).digest()[:12].hex())


def b64(data: bytes) -> str:
    """Standard base64 (RFC 4648 §4) with padding, as used on the wire."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, what: str = "value", length: int | None = None) -> bytes:
    """Decode standard base64 strictly.

    Raises:
        InvalidInput: not base64 (``encoding.bad_base64``) or not ``length`` bytes.
    """
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise InvalidInput("encoding.bad_base64", f"{what} is not valid base64") from exc
    if length is not None and len(raw) != length:
        raise InvalidInput("encoding.bad_length", f"{what} must be {length} bytes, got {len(raw)}")
    return raw


@dataclass(frozen=True)
class VerifyKey:
    """An Ed25519 public key."""

    raw: bytes
    _key_id: str = field(default="", init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.raw) != 32:
            raise InvalidInput("key.bad_public_key", "an Ed25519 public key is 32 bytes")
        object.__setattr__(self, "_key_id", key_id_for(self.raw))

    @classmethod
    def from_b64(cls, text: str) -> VerifyKey:
        return cls(unb64(text, "public key", 32))

    @property
    def key_id(self) -> KeyId:
        return KeyId(self._key_id)

    def to_b64(self) -> str:
        return b64(self.raw)

    def verify(self, message: bytes, signature: bytes) -> None:
        """Check an Ed25519 signature (RFC 8032).

        Raises:
            VerificationError: the signature is malformed or does not verify.
        """
        if len(signature) != 64:
            raise VerificationError("an Ed25519 signature is 64 bytes", "entry.bad_signature")
        try:
            nacl.signing.VerifyKey(self.raw).verify(message, signature)
        except nacl.exceptions.BadSignatureError as exc:
            raise VerificationError(
                f"signature does not verify under key {self.key_id}", "entry.bad_signature"
            ) from exc


class SigningKey:
    """An Ed25519 private key. Never serialised except by the keystore."""

    __slots__ = ("_key", "_public")

    def __init__(self, seed: bytes) -> None:
        if len(seed) != 32:
            raise InvalidInput("key.bad_seed", "an Ed25519 seed is 32 bytes")
        self._key = nacl.signing.SigningKey(seed)
        self._public = VerifyKey(bytes(self._key.verify_key))
        """Made once: the server's key id is asked for on every relay receipt."""

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(bytes(nacl.signing.SigningKey.generate()))

    @property
    def seed(self) -> bytes:
        return bytes(self._key)

    @property
    def public(self) -> VerifyKey:
        return self._public

    @property
    def key_id(self) -> KeyId:
        return self.public.key_id

    def sign(self, message: bytes) -> bytes:
        return bytes(self._key.sign(message).signature)

    def __repr__(self) -> str:
        return f"SigningKey({self.key_id})"
