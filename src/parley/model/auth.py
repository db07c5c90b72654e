"""What a member signs to sign in: the server's nonce, bound to the member's key, to the
server (its key id) and to where the member sent it (the origin it connected to), for
this one purpose.

Binding the origin is what stops a relay: a hostile server that fetches a nonce from the
real one and asks a member to sign it gets a signature naming *its own* origin, which the
real server refuses. Binding the server key keeps two servers behind one host name apart.
"""

from __future__ import annotations

from parley.crypto.canonical import canonical_json

AUTH_PREFIX = b"parley/auth/v2\n"
PURPOSE = "sign-in"


def auth_message(nonce: str, key_id: str, server_key_id: str, origin: str) -> bytes:
    return AUTH_PREFIX + canonical_json(
        {
            "nonce": nonce,
            "kid": key_id,
            "server": server_key_id,
            "origin": origin,
            "purpose": PURPOSE,
        }
    )


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, lower case, without path: what a client says it
    connected to."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url.lower()
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return f"{scheme.lower()}://{host.lower()}"
