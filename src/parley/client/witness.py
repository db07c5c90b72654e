"""A party's witness: it cosigns a checkpoint only if it extends the last one it saw.

The witness is the member's client memory (``client/memory.py``) plus a cosignature:
for each new checkpoint the memory checks the server's signature, then the RFC 9162
consistency proof from the last size seen; only then does the witness add a
c2sp.org/tlog-cosignature/v1 (Ed25519, type 0x04) with the member's key, under the name
``parley.witness/<key id>``.

A server that shows two roots for one size, a smaller tree after a larger one, or a
tree that does not extend the old one is caught here: the witness refuses, records both
signed notes as evidence, and raises ``WitnessError``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.client.client import ParleyClient
from parley.client.memory import ChannelMemory, WitnessError
from parley.ledger.note import Checkpoint, cosign, witness_name
from parley.model.clock import format_time

__all__ = ["Observed", "Witness", "WitnessError"]


@dataclass(frozen=True)
class Observed:
    checkpoint: Checkpoint
    note: str
    cosigned: bool


class Witness:
    def __init__(self, client: ParleyClient, channel: str, state_file: Path | None = None) -> None:
        self.client = client
        self.channel = channel
        self.memory = ChannelMemory(channel, state_file)

    @property
    def evidence(self) -> list[dict[str, Any]]:
        return self.memory.evidence

    @property
    def last(self) -> Checkpoint | None:
        return self.memory.last

    def observe(self, size: int | None = None) -> Observed:
        """Check the server's latest (or ``size``) checkpoint and cosign it if it extends
        the last one seen and this witness has not cosigned it yet.

        Raises:
            WitnessError: ``witness.fork`` (same size, other root, or no valid consistency
                proof), ``witness.rollback`` (a smaller tree than already seen).
            VerificationError: the note is not signed by the server's key.
        """
        c = self.client
        served = c.checkpoint(self.channel, size)
        seen = self.memory.accept(
            served,
            c.server_key(),
            lambda old, new: c.consistency_proof(self.channel, old, new),
            format_time(c.clock.now()),
        )
        if self.memory.cosigned >= seen.checkpoint.size:
            return Observed(seen.checkpoint, served, False)
        line = cosign(
            seen.text, witness_name(c.key.key_id), c.key, int(c.clock.now().timestamp())
        ).line()
        c.add_cosignature(self.channel, seen.checkpoint.size, line)
        self.memory.remember_cosigned(seen.checkpoint.size)
        return Observed(seen.checkpoint, served, True)
