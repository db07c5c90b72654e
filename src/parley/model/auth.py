"""What a member signs to sign in: the server's nonce bound to the member's key id."""

from __future__ import annotations

from parley.crypto.canonical import canonical_json

AUTH_PREFIX = b"parley/auth/v1\n"


def auth_message(nonce: str, key_id: str) -> bytes:
    return AUTH_PREFIX + canonical_json({"nonce": nonce, "kid": key_id})
