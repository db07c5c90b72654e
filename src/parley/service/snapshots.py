"""The channels' folded states as readers see them: one immutable snapshot per channel,
published after each commit.

The appender publishes the state it just committed; a reader takes the latest snapshot
with a dictionary read — no lock, and never the appender's working state (there is
none to see: states are immutable, ``parley.model.state``). When a reader needs what
the database holds and the snapshot is behind it (another process appended, or the
channel was not loaded yet), the reader folds the missing entries onto the snapshot by
itself, outside any lock, and publishes the result if it is still the newest.
"""

from __future__ import annotations

import threading

from parley.model.ids import ChannelId
from parley.model.rules import apply
from parley.model.state import ChannelState
from parley.service.records import from_row
from parley.store import Store

BATCH = 2000


class Snapshots:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._latest: dict[str, ChannelState] = {}
        self._publish = threading.Lock()  # only orders publications; readers never take it

    def latest(self, channel: str) -> ChannelState | None:
        """The newest published snapshot (possibly behind the database), or None."""
        return self._latest.get(channel)

    def publish(self, state: ChannelState) -> None:
        """Make ``state`` the channel's snapshot unless a newer one is already published."""
        with self._publish:
            current = self._latest.get(state.channel_id)
            if current is None or current.size < state.size:
                self._latest[state.channel_id] = state

    def forget(self, channel: str) -> None:
        """Drop a channel's snapshot (the next reader refolds it from the database)."""
        with self._publish:
            self._latest.pop(channel, None)

    def at_least(self, channel: str, size: int) -> ChannelState:
        """A snapshot of at least ``size`` entries: the latest, or it brought up to
        ``size`` (or beyond) from the database by this reader."""
        state = self._latest.get(channel) or ChannelState(channel_id=ChannelId(channel))
        if state.size >= size:
            return state
        while state.size < size:
            rows = self.store.entries(channel, state.size, BATCH)
            if not rows:
                break
            for row in rows:
                state, _ = apply(state, from_row(row), verify=False)
        self.publish(state)
        return state

    def current(self, channel: str) -> ChannelState | None:
        """The channel's state as the database holds it now (None: no such channel)."""
        row = self.store.channel(channel)
        if row is None:
            return None
        return self.at_least(channel, int(row["tree_size"]))
