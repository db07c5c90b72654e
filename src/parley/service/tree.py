"""The server's view of each channel's Merkle tree: stored nodes behind a cache.

Complete subtree hashes never change once written, so the cache can never be stale,
only incomplete: it keeps, per channel and level, a contiguous run of hashes from index
0 (32 bytes each, about 64 bytes per leaf in all) and fills the gaps from the database
in one range read per level.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from parley.errors import NotFound
from parley.ledger.tree import Node
from parley.store import Store


class ChannelNodes:
    """A ``NodeReader`` for one channel."""

    def __init__(self, store: Store, channel: str) -> None:
        self.store = store
        self.channel = channel
        self.levels: list[bytearray] = []
        self._lock = threading.Lock()

    def _count(self, level: int) -> int:
        return len(self.levels[level]) // 32 if level < len(self.levels) else 0

    def nodes(self, keys: Sequence[Node]) -> dict[Node, bytes]:
        with self._lock:
            need: dict[int, int] = {}
            for level, idx in keys:
                if idx >= self._count(level):
                    need[level] = max(need.get(level, 0), idx + 1)
            for level, end in need.items():
                while len(self.levels) <= level:
                    self.levels.append(bytearray())
                start = self._count(level)
                got = self.store.node_range(self.channel, level, start, end)
                if len(got) != end - start:
                    raise NotFound(
                        "tree.node_missing", f"subtree ({level}, {end - 1}) is not in the tree yet"
                    )
                self.levels[level].extend(b"".join(got))
            out = {}
            for level, idx in keys:
                out[(level, idx)] = bytes(self.levels[level][idx * 32 : idx * 32 + 32])
            return out

    def appended(self, nodes: Sequence[tuple[int, int, bytes]]) -> None:
        """Keep the cache warm with nodes just written (only where they extend a run)."""
        with self._lock:
            for level, idx, h in nodes:
                while len(self.levels) <= level:
                    self.levels.append(bytearray())
                if self._count(level) == idx:
                    self.levels[level].extend(h)


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
