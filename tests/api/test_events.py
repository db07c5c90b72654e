"""Push events are read and encoded once per group for the streams that see a channel
alike, not once per stream; a caught-up stream gets the group that woke it from the
appender's memory, exactly as the database would have given it."""

from __future__ import annotations

import asyncio
import json

from parley.api.events import PAGE, Frames, Notifier, _frame
from parley.cli import story
from parley.service import appender
from parley.service.records import from_row

CH = story.CHANNEL


def test_streams_alike_share_one_read_per_group(services, member, active_channel, monkeypatch):
    head, other = member("artsakh-head"), member("azerbaijan-head")
    reads: list[tuple[str, int]] = []
    shown = services.channels.shown

    def counted(v, rows, entries=None):  # what both the memory and the database paths use
        reads.append((v.side, rows[0].seq - 1 if rows else -1))
        return shown(v, rows, entries)

    monkeypatch.setattr(services.channels, "shown", counted)
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


def _frames_of(services, v, after):
    return [(item["seq"], _frame(item)) for item in services.channels.entries_view(v, after, PAGE)]


def test_a_woken_stream_gets_the_group_from_memory_as_the_database_has_it(
    services, member, active_channel, monkeypatch
):
    head, mediator = member("artsakh-head"), member("commander")
    viewers = [
        services.channels.viewer(CH, member(stem).key_id)
        for stem in ("artsakh-member", "azerbaijan-member", "duty-officer")
    ]
    head.send(CH, to="azerbaijan", subject="to them", text="t")
    head.send(CH, to="peacekeepers", subject="to the mediator only", text="t")
    mediator.send(CH, to="artsakh", subject="back", text="t")
    expected = {v.side: _frames_of(services, v, 3) for v in viewers}
    db_reads: list[int] = []
    entries = services.store.entries

    def counted(channel, after=0, limit=None):
        db_reads.append(after)
        return entries(channel, after, limit)

    monkeypatch.setattr(services.store, "entries", counted)

    async def run():
        for v in viewers:
            got = await Frames().after(services, v, 3)
            assert got == expected[v.side]
        assert db_reads == []  # all three groups came from memory
        hidden = expected["azerbaijan"][1][1]  # the message to the mediator, as they see it
        assert '"body":null' in hidden and "to the mediator only" not in hidden
        assert "to the mediator only" in expected["peacekeepers"][1][1]
        # Further back than memory holds: read from the database, the same frames.
        monkeypatch.setattr(appender, "RECENT_ROWS", 2)
        head.send(CH, to="azerbaijan", subject="evicts", text="t")
        v = viewers[0]
        got = await Frames().after(services, v, 3)
        assert got == _frames_of(services, v, 3) and len(got) == 4
        assert db_reads and db_reads[-1] == 3

    asyncio.run(run())


def test_recent_rows_are_committed_rows_without_gaps(services, active_channel):
    a = services.appender
    stored = services.store.entries(CH, 0)
    held = a.recent(CH, 0, 3)
    assert [row for row, _ in held] == stored
    # Each entry as its row holds it: the same JSON, byte for byte, as parsing the row.
    assert [json.dumps(e.to_json()) for _, e in held] == [
        json.dumps(from_row(row).entry.to_json()) for row in stored
    ]
    assert [row for row, _ in a.recent(CH, 1, 2)] == services.store.entries(CH, 1, 1)
    assert a.recent(CH, 3, 3) is None and a.recent(CH, 3, 4) is None  # nothing past the log
    assert a.recent("elsewhere", 0, 1) is None
    row = stored[2]
    # Another process appended seq 4 and 5; this one committed 6: no gap is ever served.
    a._keep_recent(CH, [type(row)(**{**row.as_dict(), "seq": 6})], [])
    assert a.recent(CH, 5, 6) is not None and a.recent(CH, 3, 6) is None
    assert a.recent(CH, 0, 3) is None


def test_a_notify_for_an_append_already_announced_wakes_no_stream():
    notifier = Notifier()

    async def run():
        ev = notifier.subscribe(CH)

        async def woken(call, size):
            ev.clear()
            call(CH, size)
            await asyncio.sleep(0.01)
            return ev.is_set()

        assert await woken(notifier.notify_threadsafe, 5)  # this process appended: wake
        assert not await woken(notifier.heard, 5)  # its own NOTIFY coming back: nothing new
        assert not await woken(notifier.heard, 4)
        assert await woken(notifier.heard, 7)  # another process appended
        assert not await woken(notifier.heard, 7)
        assert await woken(notifier.notify_threadsafe, 7)  # own announcements always wake
        assert await woken(notifier.heard, 8)

    asyncio.run(run())


def test_this_processs_own_appends_heard_back_wake_no_stream():
    own = {CH: 0}
    notifier = Notifier(own=lambda channel: own.get(channel, 0))

    async def run():
        ev = notifier.subscribe(CH)

        async def woken(size):
            ev.clear()
            notifier.heard(CH, size)
            await asyncio.sleep(0.01)
            return ev.is_set()

        own[CH] = 9  # committing up to 9: its NOTIFY may come before the appender's wake
        assert not await woken(9) and not await woken(8)
        assert await woken(10)  # beyond it: another process's

    asyncio.run(run())
