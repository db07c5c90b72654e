"""Push events are read and encoded once per group for the streams that see a channel
alike, not once per stream."""

from __future__ import annotations

import asyncio

from parley.api.events import Frames
from parley.cli import story

CH = story.CHANNEL


def test_streams_alike_share_one_read_per_group(services, member, active_channel, monkeypatch):
    head, other = member("artsakh-head"), member("azerbaijan-head")
    reads: list[tuple[str, int]] = []
    view = services.channels.entries_view

    def counted(v, after, limit):
        reads.append((v.side, after))
        return view(v, after, limit)

    monkeypatch.setattr(services.channels, "entries_view", counted)
    mine = services.channels.viewer(CH, head.key_id)
    theirs = services.channels.viewer(CH, other.key_id)
    frames = Frames()

    async def five(v, after):
        return await asyncio.gather(*(frames.after(services, v, after) for _ in range(5)))

    async def run():
        first = await five(mine, 0)
        assert all(r == first[0] for r in first) and [s for s, _ in first[0]] == [1, 2, 3]
        assert reads == [("artsakh", 0)]
        assert await five(mine, 0) == first  # nothing new: served as encoded
        assert len(reads) == 1
        head.send(CH, to="azerbaijan", subject="s", text="t")
        second = await five(mine, 3)
        assert [s for s, _ in second[0]] == [4] and all(r == second[0] for r in second)
        assert reads[1:] == [("artsakh", 3)]
        again = await five(theirs, 3)  # another side: its own read and frames
        assert reads[2:] == [("azerbaijan", 3)] and [s for s, _ in again[0]] == [4]

    asyncio.run(run())
