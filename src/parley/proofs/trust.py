"""Trust roots: what a verifier must already hold for a proof to mean anything.

A proof bundle carries keys; keys made up for the occasion make a perfectly consistent
bundle. So a bundle is checked against a **trust root** the verifier got some other way:
the channel, its log origin, the server key its charter names, the keys of its members
(with the side and role each holds — names come from here, never from the bundle), the
third-party witnesses the holder trusts, and optionally the last checkpoint the holder
verified. A member writes one from a log it verified itself (``parley trust export``;
``--public`` leaves out names, as the public record does); a party can publish it, and
the public page pins the one it first saw.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

from parley.crypto.keys import VerifyKey, key_id_for
from parley.errors import VerificationError

FORMAT = "parley-trust/v1"


@dataclass(frozen=True)
class TrustedKey:
    key: VerifyKey
    side: str
    role: str
    name: str

    @property
    def key_id(self) -> str:
        return self.key.key_id

    @property
    def label(self) -> str:
        return f"{self.name} ({self.side} {self.role})" if self.name else f"{self.side} {self.role}"


@dataclass(frozen=True)
class TrustRoot:
    channel: str
    origin: str
    server: VerifyKey
    keys: dict[str, TrustedKey]
    witnesses: dict[str, VerifyKey] = field(default_factory=dict)
    """Third-party witnesses by name."""
    charter_digest: str = ""
    checkpoint: tuple[int, bytes] | None = None
    """(size, root) of the last checkpoint the author of this root verified."""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format": FORMAT,
            "channel": self.channel,
            "origin": self.origin,
            "charter_digest": self.charter_digest,
            "server": {"key_id": self.server.key_id, "public_key": self.server.to_b64()},
            "keys": [
                {
                    "key_id": k.key_id,
                    "public_key": k.key.to_b64(),
                    "side": k.side,
                    "role": k.role,
                    "name": k.name,
                }
                for k in sorted(self.keys.values(), key=lambda k: (k.side, k.role, k.key_id))
            ],
            "witnesses": [
                {"name": n, "public_key": k.to_b64()} for n, k in sorted(self.witnesses.items())
            ],
        }
        if self.checkpoint is not None:
            size, root = self.checkpoint
            out["checkpoint"] = {"size": size, "root": base64.b64encode(root).decode()}
        return out

    @classmethod
    def from_json(cls, data: Any) -> TrustRoot:
        """Raises VerificationError (``trust.malformed``) for anything not a trust root,
        including a key whose id does not match it."""
        try:
            if data.get("format") != FORMAT:
                raise ValueError("not a Parley trust root")
            server = _key(data["server"])
            keys: dict[str, TrustedKey] = {}
            for k in data["keys"]:
                key = _key(k)
                keys[key.key_id] = TrustedKey(
                    key, str(k["side"]), str(k["role"]), str(k.get("name", ""))
                )
            witnesses = {
                str(w["name"]): VerifyKey.from_b64(str(w["public_key"]))
                for w in data.get("witnesses", [])
            }
            cp = data.get("checkpoint")
            checkpoint = None
            if cp is not None:
                checkpoint = (int(cp["size"]), base64.b64decode(cp["root"], validate=True))
            return cls(
                channel=str(data["channel"]),
                origin=str(data["origin"]),
                server=server,
                keys=keys,
                witnesses=witnesses,
                charter_digest=str(data.get("charter_digest", "")),
                checkpoint=checkpoint,
            )
        except VerificationError:
            raise
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise VerificationError(f"not a trust root: {exc}", "trust.malformed") from exc


def _key(d: Any) -> VerifyKey:
    key = VerifyKey.from_b64(str(d["public_key"]))
    if "key_id" in d and key_id_for(key.raw) != d["key_id"]:
        raise VerificationError(
            f"key id {d['key_id']} is not the id of its public key", "trust.key_id_mismatch"
        )
    return key
