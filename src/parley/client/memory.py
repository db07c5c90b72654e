"""What a member's client remembers of a channel, so that a server cannot quietly roll the
log back, fork it, or swap its key.

Like Go's sumdb client keeping its latest tree, the client keeps — in a small file on
the member's machine (``<key>.witness-<channel>.json``, mode 0600) — the server key and
log origin it first saw, the last checkpoint it verified (the server's signed note),
the size its witness last cosigned, and the trust root of the log it verified. Every
later checkpoint must extend that one: a smaller tree (a rollback, a database rebuilt
without its last entries), another root for the same size, or a tree the server cannot
prove extends it (a fork) is refused loudly, and both signed notes are kept as evidence
— the server's own signatures over two incompatible histories.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.crypto.keys import VerifyKey
from parley.errors import ParleyError, VerificationError
from parley.files import write_private_text
from parley.ledger import verify_consistency
from parley.ledger.note import Checkpoint, verify_note
from parley.proofs.trust import TrustRoot


class HistoryError(ParleyError):
    """The server presented a history inconsistent with what this client saw before."""


WitnessError = HistoryError
"""The name the witness has always raised it under."""


@dataclass(frozen=True)
class Seen:
    checkpoint: Checkpoint
    text: str
    """The checkpoint's signed text, as received (extension lines included)."""
    note: str
    """The text with the server's own signature line: evidence on its own."""


class ChannelMemory:
    def __init__(self, channel: str, path: Path | None = None) -> None:
        self.channel = channel
        self.path = path
        self.state: dict[str, Any] = {"evidence": [], "cosigned": 0}
        if path is not None and path.exists():
            self.state = json.loads(path.read_text())

    @staticmethod
    def beside(key_file: Path, channel: str) -> Path:
        """Where a member's memory of ``channel`` is kept: next to their key file."""
        return key_file.with_name(f"{key_file.stem}.witness-{channel}.json")

    # --- what is remembered -----------------------------------------------------------

    @property
    def evidence(self) -> list[dict[str, Any]]:
        return list(self.state.get("evidence", []))

    @property
    def last(self) -> Checkpoint | None:
        if "note" not in self.state:
            return None
        return Checkpoint.parse(self.state["note"].split("\n\n")[0] + "\n")

    @property
    def cosigned(self) -> int:
        """The size this member's witness last cosigned (0: none)."""
        if "cosigned" in self.state:
            return int(self.state["cosigned"])
        last = self.last  # a witness file from before: it only ever held what it cosigned
        return 0 if last is None else last.size

    @property
    def trust(self) -> TrustRoot | None:
        t = self.state.get("trust")
        return None if t is None else TrustRoot.from_json(t)

    def remember_trust(self, trust: TrustRoot) -> None:
        self.state["trust"] = trust.to_json()
        self.save()

    def remember_cosigned(self, size: int) -> None:
        self.state["cosigned"] = size
        self.save()

    def save(self) -> None:
        if self.path is not None:
            write_private_text(self.path, json.dumps(self.state, indent=2))

    # --- checking what the server shows ---------------------------------------------

    def accept(
        self,
        served: str,
        server_key: VerifyKey,
        consistency: Any,
        now: str,
    ) -> Seen:
        """Check a checkpoint the server served (its note, with any cosignatures) and
        remember it. ``consistency(old, new)`` fetches an RFC 9162 proof.

        Raises:
            VerificationError: the note is not the server's, or the server key or origin
                changed (``witness.key_changed``, ``witness.origin_changed``).
            HistoryError: ``witness.rollback`` (a smaller tree than already seen),
                ``witness.fork`` (another root for a size, or no valid proof that the new
                tree extends the old); the evidence is kept.
        """
        if "server_key" in self.state and self.state["server_key"] != server_key.to_b64():
            raise VerificationError(
                "the server key changed since this client first saw it", "witness.key_changed"
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
        text = verify_note(served, origin, server_key)
        new = Checkpoint.parse(text)
        note = text + "\n" + _server_line(served, origin)
        old = self.last
        if old is not None:
            old_note = str(self.state["note"])
            if new.size < old.size:
                raise self._refuse(
                    "witness.rollback",
                    f"the server shows a log of {new.size} entries after one of {old.size}: "
                    "entries were removed",
                    old_note,
                    note,
                    now,
                )
            if new.size == old.size and new.root != old.root:
                raise self._refuse(
                    "witness.fork", f"two different roots for size {new.size}", old_note, note, now
                )
            if new.size > old.size:
                proof = consistency(old.size, new.size)
                try:
                    verify_consistency(old.size, new.size, old.root, new.root, proof)
                except VerificationError as exc:
                    raise self._refuse(
                        "witness.fork",
                        f"size {new.size} does not extend size {old.size} ({exc.message})",
                        old_note,
                        note,
                        now,
                    ) from exc
        self.state.update({"server_key": server_key.to_b64(), "origin": origin, "note": note})
        self.save()
        return Seen(new, text, note)

    def _refuse(
        self, code: str, message: str, old_note: str, new_note: str, now: str
    ) -> HistoryError:
        self.state.setdefault("evidence", []).append(
            {
                "kind": code,
                "channel": self.channel,
                "detected_at": now,
                "previous_note": old_note,
                "presented_note": new_note,
            }
        )
        self.save()
        where = f" in {self.path}" if self.path is not None else ""
        return HistoryError(code, f"{message}; the evidence (both signed notes) is kept{where}")


def _server_line(note: str, origin: str) -> str:
    for line in note.split("\n"):
        if line.startswith(f"\u2014 {origin} "):
            return line + "\n"
    return ""
