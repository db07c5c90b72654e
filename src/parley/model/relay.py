"""The server's relay receipt: "I accepted entry X of channel C as number N at time T".

The server signs ``"parley/relay/v1\\n" || canonical({channel, seq, id, leaf, received})``
with its own key. It is the first receipt a sender gets (state *relayed*), it binds the
server's clock and ordering to the leaf, and the audit checks it for every entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from parley.crypto.canonical import canonical_json_ordered
from parley.crypto.keys import VerifyKey, b64, unb64
from parley.errors import VerificationError

RELAY_PREFIX = b"parley/relay/v1\n"
_PLAIN = re.compile(r"^[A-Za-z0-9.:+/=_-]*$")


def relay_message(
    channel: str, seq: int, entry_id: str, leaf_hash: bytes, received_at: str
) -> bytes:
    # The members in RFC 8785 order (ASCII names: plain sort), so the encoder need not
    # sort them: the same bytes as canonical_json (canonical_json_ordered says why).
    return RELAY_PREFIX + canonical_json_ordered(
        {
            "channel": channel,
            "id": entry_id,
            "leaf": b64(leaf_hash),
            "received": received_at,
            "seq": seq,
        }
    )


@dataclass(frozen=True)
class RelayReceipt:
    channel: str
    seq: int
    entry_id: str
    leaf_hash: bytes
    received_at: str
    server_key: str  # key id of the server
    signature: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "channel": self.channel,
            "seq": self.seq,
            "id": self.entry_id,
            "leaf": b64(self.leaf_hash),
            "received": self.received_at,
            "server_key": self.server_key,
            "signature": b64(self.signature),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RelayReceipt:
        return cls(
            data["channel"],
            int(data["seq"]),
            data["id"],
            unb64(data["leaf"], "leaf", 32),
            data["received"],
            data["server_key"],
            unb64(data["signature"], "signature", 64),
        )

    def verify(self, server_key: VerifyKey) -> None:
        """Raises VerificationError unless the server key signed this receipt."""
        if server_key.key_id != self.server_key:
            raise VerificationError("receipt is from another server key", "relay.bad_signature")
        try:
            server_key.verify(
                relay_message(
                    self.channel, self.seq, self.entry_id, self.leaf_hash, self.received_at
                ),
                self.signature,
            )
        except VerificationError as exc:
            raise VerificationError(
                f"relay receipt for entry {self.entry_id} does not verify", "relay.bad_signature"
            ) from exc
