"""Checkpoints, proofs and cosignatures of a channel's log, as the API serves them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parley.crypto.keys import VerifyKey, b64
from parley.errors import Conflict, InvalidInput, NotFound, Rejected
from parley.ledger.note import (
    Checkpoint,
    parse_signature_line,
    split_note,
    verify_cosignature,
    witness_name,
)
from parley.service.channels import Viewer
from parley.service.tree import TreeCache
from parley.store import Store


class LedgerViews:
    def __init__(
        self,
        store: Store,
        trees: TreeCache,
        origin: Callable[[str], str],
        on_cosigned: Callable[[str, str, int, str], None] | None = None,
    ) -> None:
        self.store = store
        self.trees = trees
        self.origin = origin
        self.on_cosigned = on_cosigned
        """Told ``(channel, key id, size, line)`` of each cosignature stored: the appender
        writes it into the log with the next group."""

    def _size(self, channel: str) -> int:
        row = self.store.channel(channel)
        if row is None:
            raise NotFound("channel.not_found", f"no channel {channel!r}")
        return int(row["tree_size"])

    def _checkpoint(self, channel: str, size: int | None) -> tuple[int, str]:
        cp = self.store.checkpoint(channel, size)
        if cp is None:
            raise NotFound("checkpoint.not_found", f"no checkpoint of {channel!r} at size {size}")
        return cp

    def served_note(self, channel: str, size: int | None = None) -> tuple[int, str]:
        """The checkpoint at ``size`` (default: latest) as served: the server-signed note
        followed by every party and third-party cosignature line. No access check."""
        n, note = self._checkpoint(channel, size)
        lines = [r["line"] for r in self.store.cosignatures(channel, n)]
        lines += [r["line"] for r in self.store.witness_cosignatures(channel, n)]
        return n, note + "".join(lines)

    def checkpoint_note(self, v: Viewer, size: int | None = None) -> str:
        """The server-signed checkpoint with every stored cosignature line appended."""
        return self.served_note(v.channel, size)[1]

    def checkpoint_info(self, v: Viewer, size: int | None = None) -> dict[str, Any]:
        channel = v.channel
        n, note = self.served_note(channel, size)
        cos = self.store.cosignatures(channel, n)
        members = {m["key_id"]: m for m in self.store.rows("members", channel)}
        sides = {s["side_id"]: s["kind"] for s in self.store.rows("sides", channel)}
        parties = {sid for sid, kind in sides.items() if kind == "party"}
        cosigned_by = sorted(
            {members[c["key_id"]]["side_id"] for c in cos if c["key_id"] in members}
        )
        external = self.store.witness_cosignatures(channel, n)
        return {
            "size": n,
            "origin": self.origin(channel),
            "note": note,
            "witnesses": [{"name": w["witness"], "public_key": w["public_key"]} for w in external],
            "cosigners": [c["key_id"] for c in cos],
            "cosigned_by_sides": cosigned_by,
            "agreed": parties <= set(cosigned_by),
        }

    def inclusion(
        self, v: Viewer, size: int | None, index: int | None, leaf_hash: str | None
    ) -> dict[str, Any]:
        channel = v.channel
        current = self._size(channel)
        size = current if size is None else size
        if size > current:
            raise NotFound("proof.size_unknown", f"the log has {current} entries, not {size}")
        if size < 1:
            raise InvalidInput("proof.bad_size", "size must be at least 1")
        if (index is None) == (leaf_hash is None):
            raise InvalidInput("proof.bad_request", "give exactly one of index and leaf_hash")
        if leaf_hash is not None:
            found = self.store.seq_of_leaf(channel, leaf_hash.lower())
            if found is None:
                raise NotFound("proof.leaf_unknown", "no entry with that leaf hash in this channel")
            index = found - 1
        assert index is not None
        if not 0 <= index < size:
            raise NotFound("proof.index_unknown", f"no leaf {index} in a tree of {size} leaves")
        tree = self.trees.channel(channel)
        proof = tree.inclusion(index, size)
        leaf = tree.leaf(index)
        return {
            "index": index,
            "size": size,
            "leaf_hash": leaf.hex(),
            "proof": [b64(p) for p in proof],
        }

    def consistency(self, v: Viewer, old: int, new: int | None) -> dict[str, Any]:
        return self.consistency_of(v.channel, old, new)

    def consistency_of(self, channel: str, old: int, new: int | None) -> dict[str, Any]:
        """RFC 9162 consistency proof from ``old`` to ``new`` (default: the latest). No
        access check: the member route checks membership, the public one visibility.

        Raises:
            NotFound: ``proof.size_unknown``. InvalidInput: ``proof.bad_size``.
        """
        current = self._size(channel)
        new = current if new is None else new
        if new > current or old > current:
            raise NotFound("proof.size_unknown", f"the log has {current} entries")
        if not 0 <= old <= new:
            raise InvalidInput("proof.bad_size", f"need 0 <= old <= new <= {current}")
        proof = self.trees.channel(channel).consistency(old, new)
        return {"old_size": old, "new_size": new, "proof": [b64(p) for p in proof]}

    def add_cosignature(self, v: Viewer, size: int, line: str) -> dict[str, Any]:
        """Store a member's witness cosignature over the checkpoint at ``size``.

        Raises:
            NotFound: no such checkpoint. VerificationError: the cosignature does not
            verify. Rejected: it is not by the signed-in member's witness key.
            Conflict: this member already cosigned this size.
        """
        channel, key = v.channel, v.key_id
        member = self.store.member(channel, key)
        assert member is not None
        n, note = self._checkpoint(channel, size)
        text, _ = split_note(note)
        sig = parse_signature_line(line)
        name = witness_name(key)
        if sig.name != name:
            raise Rejected("cosignature.not_yours", f"your witness cosigns as {name}")
        verify_cosignature(text, sig, name, VerifyKey.from_b64(member["public_key"]))
        Checkpoint.parse(text)
        before = self.store.last_cosigned(channel, key)
        if before > n:
            raise Conflict(
                "cosignature.not_extending",
                f"you already cosigned size {before}; a cosignature only moves forward",
            )
        if not self.store.add_cosignature(channel, n, key, sig.line()):
            raise Conflict(
                "cosignature.duplicate", f"you already cosigned the checkpoint at size {n}"
            )
        if self.on_cosigned is not None:
            self.on_cosigned(channel, key, n, sig.line())
        return self.checkpoint_info(v, n)
