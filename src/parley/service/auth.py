"""Key-based sign-in: a single-use challenge, signed by the member's key, yields a
short-lived bearer token. No passwords are stored anywhere.

The challenge is stateless: ``base64url(payload) "." base64url(server signature)`` over
``{"kid", "exp", "n"}`` — asking for one writes nothing, whatever key id is asked about.
Redeeming it records the nonce as used until it expires (so it works once); only a key
holder can get that far, and expired records are purged by the server's timer.

The member signs ``model.auth.auth_message``: nonce, key id, this server's key id, the
origin the member connected to, and the purpose. The server checks the origin against
its public URLs (``parley serve --public-url``) or, without them, against the Host its
request arrived for: a signature a hostile server relayed names the hostile origin.

The token is ``base64url(payload) "." base64url(server signature)`` where the payload is
the canonical JSON ``{"kid", "exp"}``: any server process holding the server key can
check it without shared session state. Both encodings are accepted only in their one
canonical form.
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
from parley.model.auth import auth_message, origin_of
from parley.model.clock import Clock, format_time, parse_time
from parley.model.ids import KEY_ID
from parley.store import Store

CHALLENGE_TTL = timedelta(seconds=120)
TOKEN_TTL = timedelta(hours=1)
_TOKEN_PREFIX = b"parley/token/v1\n"
_CHALLENGE_PREFIX = b"parley/challenge/v1\n"


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64u(text: str) -> bytes:
    """Unpadded base64url, in its canonical form only: any other spelling of the same
    bytes (padding, stray characters, non-zero trailing bits) is refused, so one token
    cannot be written a thousand ways.

    Raises:
        ValueError: not the canonical encoding.
    """
    if not text or any(c not in _B64U for c in text):
        raise ValueError("not base64url")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if _b64u(data) != text:
        raise ValueError("not the canonical base64url")
    return data


_B64U = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


@dataclass(frozen=True)
class Token:
    token: str
    key_id: KeyId
    expires_at: str


class AuthService:
    def __init__(
        self,
        store: Store,
        server_key: SigningKey,
        clock: Clock,
        public_urls: tuple[str, ...] = (),
    ) -> None:
        self.store = store
        self.server_key = server_key
        self.clock = clock
        self.origins = frozenset(origin_of(u) for u in public_urls)
        """Where members may say they connected; empty: to the Host a request arrived for."""
        self._verified: dict[str, tuple[KeyId, datetime]] = {}

    def challenge(self, key_id: str) -> tuple[str, str]:
        """A fresh single-use nonce for ``key_id`` and when it expires. Stateless: the
        nonce is signed by the server, and nothing is stored until it is redeemed."""
        if not KEY_ID.match(key_id):
            raise InvalidInput("auth.bad_key_id", "key_id must be a Parley key id (k + 24 hex)")
        expires = format_time(self.clock.now() + CHALLENGE_TTL)
        payload = canonical_json(
            {"kid": key_id, "exp": expires, "n": _b64u(secrets.token_bytes(16))}
        )
        sig = self.server_key.sign(_CHALLENGE_PREFIX + payload)
        return f"{_b64u(payload)}.{_b64u(sig)}", expires

    def _challenge_for(self, nonce: str, key_id: str) -> str:
        """Check a nonce is this server's, for ``key_id``, not expired; its expiry."""
        try:
            p, s = nonce.split(".")
            payload = _unb64u(p)
            self.server_key.public.verify(_CHALLENGE_PREFIX + payload, _unb64u(s))
            data = parse_json(payload)
            kid, exp = str(data["kid"]), str(data["exp"])
            expired = self.clock.now() >= parse_time(exp)
        except (ValueError, KeyError, TypeError, VerificationError, InvalidInput) as exc:
            raise Unauthorized(
                "auth.bad_challenge", "that is not a challenge of this server"
            ) from exc
        if kid != key_id or expired:
            raise Unauthorized(
                "auth.bad_challenge", "that challenge expired or was issued for another key"
            )
        return exp

    def _check_origin(self, origin: str, host: str | None) -> None:
        ok = (
            origin in self.origins
            if self.origins
            else host is not None and origin.partition("://")[2] == host.lower()
        )
        if not ok:
            raise Unauthorized(
                "auth.wrong_origin",
                f"the sign-in was signed for {origin!r}, not for this server"
                + ("" if self.origins else f" ({host})")
                + ": a relayed sign-in, or set --public-url",
            )

    def token(
        self,
        public_key: str,
        nonce: str,
        signature: str,
        origin: str,
        host: str | None = None,
    ) -> Token:
        """Exchange a signed challenge for a bearer token. ``origin`` is what the member
        signed it for; ``host`` the Host the request arrived for.

        Raises:
            Unauthorized: ``auth.bad_challenge`` (not ours, used, expired or another key's),
                ``auth.wrong_origin`` or ``auth.bad_signature``.
        """
        key = VerifyKey.from_b64(public_key)
        try:
            sig = base64.b64decode(signature, validate=True)
        except (ValueError, binascii.Error) as exc:
            raise InvalidInput("encoding.bad_base64", "signature is not base64") from exc
        expires_at = self._challenge_for(nonce, key.key_id)
        self._check_origin(origin_of(origin), host)
        try:
            key.verify(auth_message(nonce, key.key_id, self.server_key.key_id, origin), sig)
        except VerificationError as exc:
            raise Unauthorized(
                "auth.bad_signature", "the challenge signature does not verify"
            ) from exc
        if not self.store.use_challenge(nonce, key.key_id, expires_at):
            raise Unauthorized("auth.bad_challenge", "that challenge was already used")
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

    def purge(self) -> int:
        """Forget used challenges that have expired (the server's timer calls this)."""
        return self.store.purge_challenges(format_time(self.clock.now()))
