"""The server's view of each channel's Merkle tree: stored nodes behind a cache.

Complete subtree hashes never change once written, so a cache of them can never be
stale, only incomplete. Each channel keeps a ``LevelHashes`` (about 64 bytes per leaf)
that appends extend as they commit. A request for a size the cache does not cover yet
(a fresh process, or appends by another process) is answered from the database with
O(log n) stored nodes in one read, and the cache then catches up by at most
``WARM_STEP`` nodes per level, so no request stalls on loading a large log.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from parley.errors import NotFound
from parley.ledger.tree import (
    LevelHashes,
    Node,
    stored_consistency_proof,
    stored_inclusion_proof,
    stored_root,
)
from parley.store import Store

WARM_STEP = 65536


class ChannelNodes:
    """Proofs for one channel; also a ``NodeReader`` over the database."""

    def __init__(self, store: Store, channel: str) -> None:
        self.store = store
        self.channel = channel
        self.cache = LevelHashes()
        self._lock = threading.Lock()

    def nodes(self, keys: Sequence[Node]) -> dict[Node, bytes]:
        found = self.store.nodes(self.channel, list(keys))
        missing = [k for k in keys if k not in found]
        if missing:
            raise NotFound("tree.node_missing", f"subtree {missing[0]} is not in the tree")
        return found

    def _covers(self, size: int) -> bool:
        return all(self.cache.count(level) >= size >> level for level in range(size.bit_length()))

    def _warm(self, size: int) -> None:
        for level in range(size.bit_length()):
            have, want = self.cache.count(level), size >> level
            if have < want:
                end = min(want, have + WARM_STEP)
                for i, h in enumerate(self.store.node_range(self.channel, level, have, end)):
                    self.cache.add(level, have + i, h)

    def inclusion(self, index: int, size: int) -> list[bytes]:
        with self._lock:
            if self._covers(size):
                return self.cache.inclusion(index, size)
            self._warm(size)
        return stored_inclusion_proof(self, index, size)

    def consistency(self, old: int, new: int) -> list[bytes]:
        with self._lock:
            if self._covers(new):
                return self.cache.consistency(old, new)
            self._warm(new)
        return stored_consistency_proof(self, old, new)

    def root(self, size: int) -> bytes:
        with self._lock:
            if self._covers(size):
                return self.cache.root(size)
        return stored_root(self, size)

    def leaf(self, index: int) -> bytes:
        return self.nodes([(0, index)])[(0, index)]

    def appended(self, nodes: Sequence[tuple[int, int, bytes]]) -> None:
        """Keep the cache warm with nodes just committed (where they extend it)."""
        with self._lock:
            for level, idx, h in nodes:
                if self.cache.count(level) == idx:
                    self.cache.add(level, idx, h)


class TreeCache:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._channels: dict[str, ChannelNodes] = {}
        self._lock = threading.Lock()

    def channel(self, channel: str) -> ChannelNodes:
        with self._lock:
            if channel not in self._channels:
                self._channels[channel] = ChannelNodes(self.store, channel)
            return self._channels[channel]
