"""Connections that cost nothing to open must not shut everyone else out.

uvicorn counts every open connection against ``--limit-concurrency`` and has no timeout
for a request's headers: 2,000 TCP connections that never send a byte, or a few dozen
that send headers one byte at a time, held every slot and left members with 503s
(docs/security.md). This protocol — uvicorn's own httptools protocol with two guards —
closes a connection whose request headers have not all arrived within
``header_seconds`` (from when it opened, or when its next request began), and refuses a
client address more than ``per_address`` connections at once. Bodies have their own
deadline (``parley.api.limits.BodyLimit``); idle keep-alive connections, uvicorn's.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from parley.api.limits import BODY_ARRIVED

log = logging.getLogger("parley.connections")

HEADER_SECONDS = 10.0
"""A request's headers must have arrived in full this long after it began."""
PER_ADDRESS = 64
"""Connections one client address may hold open at once (behind a proxy every client has
the proxy's address: raise it with --connections-per-address, or limit at the proxy)."""


class _Quiet:
    """Warnings at most once a minute per (address, kind), with how many were left out: a
    flood must not become a flood of log lines (a full stderr pipe blocks the server)."""

    def __init__(self, every: float = 60.0, size: int = 10_000) -> None:
        self.every = every
        self.size = size
        self._last: dict[tuple[str, str], tuple[float, int]] = {}

    def warn(self, address: str, message: str) -> None:
        now = time.monotonic()
        last, count = self._last.get((address, message), (-self.every, 0))
        if now - last < self.every:
            self._last[(address, message)] = (last, count + 1)
            return
        if len(self._last) >= self.size:
            self._last.clear()
        self._last[(address, message)] = (now, 0)
        log.warning(message, address, count + 1)


def guarded_protocol(
    header_seconds: float = HEADER_SECONDS, per_address: int = PER_ADDRESS
) -> type[HttpToolsProtocol]:
    """The protocol class for ``uvicorn.run(http=...)``, with these limits (0: none)."""
    open_by_address: Counter[str] = Counter()
    quiet = _Quiet()

    class GuardedHttpToolsProtocol(HttpToolsProtocol):
        _header_timer: asyncio.TimerHandle | None = None
        _address: str | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._address = self.client[0] if self.client else "?"
            open_by_address[self._address] += 1
            if per_address and open_by_address[self._address] > per_address:
                quiet.warn(self._address, "refused connections from %s: too many open (%d)")
                transport.abort()
                return
            self._arm()

        def _arm(self) -> None:
            if header_seconds and self._header_timer is None:
                self._header_timer = self.loop.call_later(header_seconds, self._too_slow)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _too_slow(self) -> None:
            self._header_timer = None
            if not self.transport.is_closing():
                quiet.warn(
                    self._address or "?", "closed connections from %s: headers too slow (%d)"
                )
                self.transport.abort()

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._arm()  # a keep-alive connection's next request starts the clock again

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            super().on_message_complete()
            cycle = self.cycle
            if cycle is not None and not cycle.more_body and cycle.scope is self.scope:
                # The whole body is in: BodyLimit need not set a deadline to read it.
                self.scope[BODY_ARRIVED] = True  # type: ignore[literal-required]

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            if self._address is not None:
                open_by_address[self._address] -= 1
                if open_by_address[self._address] <= 0:
                    del open_by_address[self._address]
                self._address = None
            super().connection_lost(exc)

    return GuardedHttpToolsProtocol


def uvicorn_options(
    max_connections: int, header_seconds: float, per_address: int
) -> dict[str, Any]:
    """uvicorn.run's keyword arguments for the connection limits."""
    return {
        "http": guarded_protocol(header_seconds, per_address),
        "limit_concurrency": max_connections,
        "timeout_keep_alive": 5,  # idle keep-alive connections are closed after 5 s
    }
