"""Server push: ``GET /v1/channels/{id}/events?after=N`` as Server-Sent Events.

Each event is one logged entry (``id:`` is its sequence number, so a client reconnects
with ``after=<last id>`` or the standard ``Last-Event-ID`` header and misses nothing and
gets nothing twice). Entries appended by this process wake the stream at once; anything
else — another process, the timer thread — is picked up by a short poll. A comment line
every 15 seconds keeps idle connections (and the proxies between) open.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from starlette.concurrency import run_in_threadpool

from parley.crypto.keys import KeyId
from parley.service import Services

POLL_SECONDS = 1.0
HEARTBEAT_SECONDS = 15.0


class Notifier:
    """Wakes the streams of a channel when this process appends to it."""

    def __init__(self) -> None:
        self._events: dict[str, set[asyncio.Event]] = {}

    def subscribe(self, channel: str) -> asyncio.Event:
        ev = asyncio.Event()
        self._events.setdefault(channel, set()).add(ev)
        return ev

    def unsubscribe(self, channel: str, ev: asyncio.Event) -> None:
        self._events.get(channel, set()).discard(ev)

    def notify(self, channel: str) -> None:
        for ev in list(self._events.get(channel, ())):
            ev.set()


async def stream(
    services: Services, notifier: Notifier, channel: str, key: KeyId, after: int
) -> AsyncIterator[str]:
    services.channels.viewer(channel, key)  # fails before the stream starts
    ev = notifier.subscribe(channel)
    last = after
    idle = 0.0
    try:
        while True:
            items: list[dict[str, Any]] = await run_in_threadpool(
                services.channels.entries_view, channel, key, last, 200
            )
            for item in items:
                last = int(item["seq"])
                yield f"id: {last}\nevent: entry\ndata: {json.dumps(item, separators=(',', ':'))}\n\n"
            if len(items) == 200:
                continue
            ev.clear()
            try:
                await asyncio.wait_for(ev.wait(), POLL_SECONDS)
                idle = 0.0
            except TimeoutError:
                idle += POLL_SECONDS
                if idle >= HEARTBEAT_SECONDS:
                    idle = 0.0
                    yield ": ping\n\n"
    finally:
        notifier.unsubscribe(channel, ev)
