"""Server push: ``GET /v1/channels/{id}/events?after=N`` as Server-Sent Events.

Each event is one logged entry (``id:`` is its sequence number, so a client reconnects
with ``after=<last id>`` or the standard ``Last-Event-ID`` header and misses nothing and
gets nothing twice). Every committed append wakes the channel's streams at once: this
process's own appends (requests and the timer thread) through the service's listeners,
other processes' through PostgreSQL LISTEN/NOTIFY. A short poll is the safety net. A comment line
every 15 seconds keeps idle connections (and the proxies between) open.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from starlette.concurrency import run_in_threadpool

from parley.service import Services, Viewer

POLL_SECONDS = 1.0
HEARTBEAT_SECONDS = 15.0


class Notifier:
    """Wakes the streams of a channel when this process appends to it."""

    def __init__(self) -> None:
        self._events: dict[str, set[asyncio.Event]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

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

    def notify_threadsafe(self, channel: str, _size: int = 0) -> None:
        """``notify`` from any thread: the append path, the timer thread, the LISTEN
        thread that hears other processes' appends."""
        loop = self._loop
        if loop is not None and channel in self._events and not loop.is_closed():
            loop.call_soon_threadsafe(self.notify, channel)


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
            items: list[dict[str, Any]] = await run_in_threadpool(
                services.channels.entries_view, v, last, 200
            )
            for item in items:
                last = int(item["seq"])
                yield f"id: {last}\nevent: entry\ndata: {json.dumps(item, separators=(',', ':'))}\n\n"
            if len(items) == 200:
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
