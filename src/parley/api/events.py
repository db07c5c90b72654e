"""Server push: ``GET /v1/channels/{id}/events?after=N`` as Server-Sent Events.

Each event is one logged entry (``id:`` is its sequence number, so a client reconnects
with ``after=<last id>`` or the standard ``Last-Event-ID`` header and misses nothing and
gets nothing twice). Every committed append wakes the channel's streams at once: this
process's own appends (requests and the timer thread) through the service's listeners,
other processes' through PostgreSQL LISTEN/NOTIFY. A short poll is the safety net. A comment line
every 15 seconds keeps idle connections (and the proxies between) open.

Streams that see a channel alike (the same side, mediator or not) share the work: a
committed group is read and encoded once for them (:class:`Frames`), not once per
stream — from the appender's memory of what it just committed when it still holds every
entry a stream lacks (:meth:`parley.service.Appender.recent`: no thread hop, no query),
else from the database in a worker thread. Either way the entries go through the same
read filter (``ChannelViews.shown``), and a stream writes each batch of frames at once.
"""

from __future__ import annotations

import asyncio
import json
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool

from parley.service import Services, Viewer

POLL_SECONDS = 1.0
HEARTBEAT_SECONDS = 15.0
PAGE = 200
"""Most events one read of the log gives a stream."""

_View = tuple[str, str, bool]
"""Who sees the events alike: channel, side, mediator or not."""


class Frames:
    """Encoded events per view, kept while the channel's snapshot stays the same size (a
    later entry may open a body to a reader, so a frame is only reused for readers of
    the same state), and reads of the log shared by the streams waiting for them."""

    def __init__(self, keep: int = 1024, views: int = 256) -> None:
        self.keep = keep
        self.views = views
        self._frames: OrderedDict[_View, tuple[int, dict[int, str]]] = OrderedDict()
        self._reads: dict[tuple[_View, int], asyncio.Future[list[tuple[int, str]]]] = {}

    async def after(self, services: Services, v: Viewer, after: int) -> list[tuple[int, str]]:
        """``(seq, frame)`` for the entries after ``after`` as ``v`` may see them (at most
        :data:`PAGE`)."""
        view = (v.channel, v.side, v.is_mediator)
        latest = services.snapshots.latest(v.channel)
        size = latest.size if latest is not None else 0
        held = self._frames.get(view)
        frames = held[1] if held is not None and held[0] == size else {}
        out: list[tuple[int, str]] = []
        seq = after + 1
        while seq in frames and len(out) < PAGE:
            out.append((seq, frames[seq]))
            seq += 1
        if out and (seq > size or len(out) >= PAGE):
            return out
        key = (view, seq - 1)
        read = self._reads.get(key)
        if read is None:
            read = asyncio.ensure_future(self._read(services, v, seq - 1, PAGE - len(out), size))
            self._reads[key] = read
            read.add_done_callback(lambda _: self._reads.pop(key, None))
        return out + await asyncio.shield(read)

    async def _read(
        self, services: Services, v: Viewer, after: int, limit: int, size: int
    ) -> list[tuple[int, str]]:
        recent = services.appender.recent(v.channel, after, min(size, after + limit))
        items: list[dict[str, Any]] = (
            # The group that woke us, still in memory: shown here, without a thread hop, a
            # read of what was just written or parsing it again.
            services.channels.shown(v, [row for row, _ in recent], [e for _, e in recent])
            if recent is not None
            else await run_in_threadpool(services.channels.entries_view, v, after, limit)
        )
        out = [(int(item["seq"]), _frame(item)) for item in items]
        view = (v.channel, v.side, v.is_mediator)
        held = self._frames.pop(view, None)
        frames = held[1] if held is not None and held[0] == size else {}
        frames.update(out)
        while len(frames) > self.keep:
            del frames[min(frames)]
        self._frames[view] = (size, frames)
        while len(self._frames) > self.views:
            self._frames.popitem(last=False)
        return out


def _frame(item: dict[str, Any]) -> str:
    seq = int(item["seq"])
    return f"id: {seq}\nevent: entry\ndata: {json.dumps(item, separators=(',', ':'))}\n\n"


class Notifier:
    """Wakes the streams of a channel when this process appends to it."""

    def __init__(self, own: Callable[[str], int] = lambda _channel: 0) -> None:
        self._own = own
        """A channel's tree size this process itself committed or is committing (the
        appender's ``claimed``): its appends wake the streams themselves, once published."""
        self._events: dict[str, set[asyncio.Event]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self.frames = Frames()
        """The events encoded for this process's streams."""
        self._told: dict[str, int] = {}
        """The largest tree size of each channel the streams have been woken for."""

    def subscribe(self, channel: str) -> asyncio.Event:
        self._loop = asyncio.get_running_loop()
        ev = asyncio.Event()
        self._events.setdefault(channel, set()).add(ev)
        return ev

    def unsubscribe(self, channel: str, ev: asyncio.Event) -> None:
        self._events.get(channel, set()).discard(ev)

    def notify(self, channel: str) -> None:
        for ev in list(self._events.get(channel, ())):
            ev.set()

    def notify_threadsafe(self, channel: str, size: int = 0) -> None:
        """``notify`` from any thread: this process's append path (after it published the
        new state), the timer thread."""
        if size > self._told.get(channel, 0):
            self._told[channel] = size
        loop = self._loop
        if loop is not None and channel in self._events and not loop.is_closed():
            loop.call_soon_threadsafe(self.notify, channel)

    def heard(self, channel: str, size: int) -> None:
        """An append announced on the database (PostgreSQL ``NOTIFY``, the LISTEN thread):
        wake the streams unless they were already woken for that size or it is this
        process's own append coming back (which wakes them itself, after publishing): a
        wake for nothing new would send each stream to read the database."""
        if size > max(self._told.get(channel, 0), self._own(channel)):
            self.notify_threadsafe(channel, size)


async def stream(
    services: Services,
    notifier: Notifier,
    v: Viewer,
    after: int,
    poll: float = POLL_SECONDS,
) -> AsyncIterator[str]:
    channel = v.channel
    ev = notifier.subscribe(channel)
    last = after
    idle = 0.0
    try:
        while True:
            items = await notifier.frames.after(services, v, last)
            if items:
                last = items[-1][0]
                yield "".join(frame for _, frame in items)  # one write for the group
            if len(items) == PAGE:
                continue
            ev.clear()
            try:
                await asyncio.wait_for(ev.wait(), min(poll, HEARTBEAT_SECONDS))
                idle = 0.0
            except TimeoutError:
                idle += min(poll, HEARTBEAT_SECONDS)
                if idle >= HEARTBEAT_SECONDS:
                    idle = 0.0
                    yield ": ping\n\n"
    finally:
        notifier.unsubscribe(channel, ev)
