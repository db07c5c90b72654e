"""Salted body digests: ``SHA-256(salt || canonical(body))``.

The signed header commits to the body through this digest. The salt (16 random bytes)
makes the digest of a short, guessable body (``"yes"``) impossible to confirm by trying
candidates, so a header can be shown without its body (see docs/disclosure.md).
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from parley.crypto.canonical import canonical_json
from parley.crypto.keys import b64

SALT_BYTES = 16


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def body_digest(salt: bytes, body: Any) -> bytes:
    """SHA-256 over the salt followed by the RFC 8785 encoding of ``body``."""
    return hashlib.sha256(salt + canonical_json(body)).digest()


def json_digest(value: Any) -> str:
    """Base64 SHA-256 of a value's RFC 8785 encoding: the digest an acceptance, a consent
    or a signature names to say *which exact* charter, proposal, minutes version or
    communiqué it is about (no salt: both sides compute it from the logged body)."""
    return b64(hashlib.sha256(canonical_json(value)).digest())


def text_digest(text: str) -> str:
    """Base64 SHA-256 of a text's UTF-8 bytes: how a translation names the exact text it
    renders (``model/translations.py``), computable by any client without a JSON library."""
    return b64(hashlib.sha256(text.encode("utf-8")).digest())
