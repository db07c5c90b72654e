"""A party's witness: it cosigns a checkpoint only if it extends the last one it cosigned.

The witness keeps, in a small JSON file on the party's machine, the last checkpoint it
accepted (and the server key and origin it first saw). For each new checkpoint it checks
the server's signature, then the RFC 9162 consistency proof from its last size; only
then does it add a c2sp.org/tlog-cosignature/v1 (Ed25519, type 0x04) with the member's
key, under the name ``parley.witness/<key id>``.

A server that shows two roots for one size, a smaller tree after a larger one, or a
tree that does not extend the old one is caught here: the witness refuses, records both
signed notes as evidence, and raises ``WitnessError``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.client.client import ParleyClient
from parley.crypto.keys import VerifyKey
from parley.errors import ParleyError, VerificationError
from parley.files import write_private_text
from parley.ledger import verify_consistency
from parley.ledger.note import Checkpoint, cosign, verify_note, witness_name
from parley.model.clock import format_time


class WitnessError(ParleyError):
    """The server presented a history inconsistent with what this witness saw."""


@dataclass(frozen=True)
class Observed:
    checkpoint: Checkpoint
    note: str
    cosigned: bool


class Witness:
    def __init__(self, client: ParleyClient, channel: str, state_file: Path | None = None) -> None:
        self.client = client
        self.channel = channel
        self.state_file = state_file
        self.state: dict[str, Any] = {"evidence": []}
        if state_file is not None and state_file.exists():
            self.state = json.loads(state_file.read_text())

    @property
    def evidence(self) -> list[dict[str, Any]]:
        return list(self.state.get("evidence", []))

    @property
    def last(self) -> Checkpoint | None:
        if "note" not in self.state:
            return None
        return Checkpoint.parse(self.state["note"].split("\n\n")[0] + "\n")

    def _save(self) -> None:
        if self.state_file is None:
            return
        write_private_text(self.state_file, json.dumps(self.state, indent=2))

    def _refuse(self, code: str, message: str, old_note: str, new_note: str) -> WitnessError:
        self.state.setdefault("evidence", []).append(
            {
                "kind": code,
                "message": message,
                "channel": self.channel,
                "detected_at": format_time(self.client.clock.now()),
                "previous_note": old_note,
                "presented_note": new_note,
            }
        )
        self._save()
        return WitnessError(code, f"{message}; the evidence (both signed notes) is kept")

    def observe(self, size: int | None = None) -> Observed:
        """Check the server's latest (or ``size``) checkpoint and cosign it if it extends
        the last one. Returns what was observed.

        Raises:
            WitnessError: ``witness.fork`` (same size, other root, or no valid consistency
                proof), ``witness.rollback`` (a smaller tree than already seen).
            VerificationError: the note is not signed by the server's key.
        """
        served = self.client.checkpoint(self.channel, size)
        server_key = self.client.server_key()
        if "server_key" in self.state and self.state["server_key"] != server_key.to_b64():
            raise VerificationError(
                "the server key changed since this witness first saw it", "witness.key_changed"
            )
        origin = served.split("\n", 1)[0]
        expected = self.state.get("origin")
        if expected is not None and origin != expected:
            raise VerificationError(
                f"checkpoint origin {origin!r} is not {expected!r}", "witness.origin_changed"
            )
        if not origin.endswith("/" + self.channel):
            raise VerificationError(
                f"checkpoint origin {origin!r} is not this channel's", "witness.origin_changed"
            )
        text = verify_note(served, origin, VerifyKey(server_key.raw))
        new = Checkpoint.parse(text)
        server_note = text + "\n" + self._server_line(served, origin)
        old = self.last
        if old is not None:
            old_note = str(self.state["note"])
            if new.size < old.size:
                raise self._refuse(
                    "witness.rollback",
                    f"the server shows size {new.size} after {old.size}",
                    old_note,
                    server_note,
                )
            if new.size == old.size and new.root != old.root:
                raise self._refuse(
                    "witness.fork",
                    f"two different roots for size {new.size}",
                    old_note,
                    server_note,
                )
            if new.size == old.size:
                return Observed(new, served, False)
            proof = self.client.consistency_proof(self.channel, old.size, new.size)
            try:
                verify_consistency(old.size, new.size, old.root, new.root, proof)
            except VerificationError as exc:
                raise self._refuse(
                    "witness.fork",
                    f"size {new.size} does not extend size {old.size} ({exc.message})",
                    old_note,
                    server_note,
                ) from exc
        key = self.client.key
        line = cosign(
            text, witness_name(key.key_id), key, int(self.client.clock.now().timestamp())
        ).line()
        self.client.add_cosignature(self.channel, new.size, line)
        self.state.update(
            {"server_key": server_key.to_b64(), "origin": origin, "note": server_note}
        )
        self._save()
        return Observed(new, served, True)

    @staticmethod
    def _server_line(note: str, origin: str) -> str:
        for line in note.split("\n"):
            if line.startswith(f"\u2014 {origin} "):
                return line + "\n"
        return ""
