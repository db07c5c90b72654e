"""Key-based sign-in: a single-use challenge, signed by the member's key, yields a
short-lived bearer token. No passwords are stored anywhere.

The token is ``base64url(payload) "." base64url(server signature)`` where the payload is
the canonical JSON ``{"kid", "exp"}``: any server process holding the server key can
check it without shared session state.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from parley.crypto.canonical import canonical_json, parse_json
from parley.crypto.keys import KeyId, SigningKey, VerifyKey
from parley.errors import InvalidInput, Unauthorized, VerificationError
from parley.model.auth import auth_message
from parley.model.clock import Clock, format_time, parse_time
from parley.store import Store

CHALLENGE_TTL = timedelta(seconds=120)
TOKEN_TTL = timedelta(hours=1)
_TOKEN_PREFIX = b"parley/token/v1\n"


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64u(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Token:
    token: str
    key_id: KeyId
    expires_at: str


class AuthService:
    def __init__(self, store: Store, server_key: SigningKey, clock: Clock) -> None:
        self.store = store
        self.server_key = server_key
        self.clock = clock
        self._verified: dict[str, tuple[KeyId, datetime]] = {}

    def challenge(self, key_id: str) -> tuple[str, str]:
        """A fresh single-use nonce for ``key_id`` and when it expires."""
        if not (len(key_id) == 25 and key_id.startswith("k")):
            raise InvalidInput("auth.bad_key_id", "key_id must be a Parley key id (k + 24 hex)")
        nonce = _b64u(secrets.token_bytes(32))
        expires = format_time(self.clock.now() + CHALLENGE_TTL)
        self.store.put_challenge(nonce, key_id, expires)
        return nonce, expires

    def token(self, public_key: str, nonce: str, signature: str) -> Token:
        """Exchange a signed challenge for a bearer token.

        Raises:
            Unauthorized: ``auth.bad_challenge`` (unknown, used, expired or another key's)
                or ``auth.bad_signature``.
        """
        key = VerifyKey.from_b64(public_key)
        try:
            sig = base64.b64decode(signature, validate=True)
        except (ValueError, binascii.Error) as exc:
            raise InvalidInput("encoding.bad_base64", "signature is not base64") from exc
        try:
            key.verify(auth_message(nonce, key.key_id), sig)
        except VerificationError as exc:
            raise Unauthorized(
                "auth.bad_signature", "the challenge signature does not verify"
            ) from exc
        if not self.store.use_challenge(nonce, key.key_id, format_time(self.clock.now())):
            raise Unauthorized(
                "auth.bad_challenge",
                "that challenge is unknown, expired, already used, or was issued for another key",
            )
        expires = format_time(self.clock.now() + TOKEN_TTL)
        payload = canonical_json({"kid": key.key_id, "exp": expires})
        sig2 = self.server_key.sign(_TOKEN_PREFIX + payload)
        return Token(f"{_b64u(payload)}.{_b64u(sig2)}", key.key_id, expires)

    def check(self, token: str) -> KeyId:
        """The key id a bearer token was issued to. A token whose signature verified once
        is remembered (a few thousand, by exact text) so requests skip the Ed25519 check;
        expiry is checked every time.

        Raises:
            Unauthorized: ``auth.bad_token`` or ``auth.token_expired``.
        """
        known = self._verified.get(token)
        if known is not None:
            if self.clock.now() >= known[1]:
                raise Unauthorized(
                    "auth.token_expired", "the bearer token has expired; sign in again"
                )
            return known[0]
        try:
            p, s = token.split(".")
            payload, sig = _unb64u(p), _unb64u(s)
            self.server_key.public.verify(_TOKEN_PREFIX + payload, sig)
            data = parse_json(payload)
            kid, exp = KeyId(data["kid"]), parse_time(data["exp"])
        except (
            ValueError,
            KeyError,
            TypeError,
            binascii.Error,
            VerificationError,
            InvalidInput,
        ) as exc:
            raise Unauthorized(
                "auth.bad_token", "the bearer token is not valid; sign in again"
            ) from exc
        if self.clock.now() >= exp:
            raise Unauthorized("auth.token_expired", "the bearer token has expired; sign in again")
        if len(self._verified) >= 4096:
            self._verified.clear()
        self._verified[token] = (kid, exp)
        return kid
