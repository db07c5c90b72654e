"""Connections that cost nothing to open must not shut everyone else out.

uvicorn counts every open connection against ``--limit-concurrency`` and has no timeout
for a request's headers: 2,000 TCP connections that never send a byte, or a few dozen
that send headers one byte at a time, held every slot and left members with 503s
(docs/security.md). This protocol — uvicorn's own httptools protocol with two guards —
closes a connection whose request headers have not all arrived within
``header_seconds`` (from when it opened, or when its next request began), and refuses a
client address more than ``per_address`` connections at once. Bodies have their own
deadline (``parley.api.limits.BodyLimit``); idle keep-alive connections, uvicorn's.

It also answers the single entry route (``POST /v1/channels/{id}/entries``) itself when a
request of it has arrived whole — the hot path, one entry per request — without an ASGI
cycle: no scope, no receive/send messages, no middleware calls, no response-cycle
object; the connection hands the body to :class:`DirectRoute` (the same address rate,
body limit, sign-in and ``append_one`` the ASGI route runs, in the same order) and
writes the answer it gets. Every other request, and one of this route that is not
plain (a body still on its way, ``Expect: 100-continue``, forwarded-for headers, HTTP/1.0
or ``Connection: close``, chunked, a request queued behind another on its connection),
goes through uvicorn's cycle and the app as before.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from typing import Any

import httptools
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from parley.api.limits import BODY_ARRIVED, AddressLimit, Answer
from parley.api.routes.entries import SubmitRoute, submit_channel

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


class DirectRoute:
    """The app ``create_app`` returns: ASGI as any (``app``), and the single entry route's
    answer for a connection that has the whole request (:meth:`submit`)."""

    def __init__(
        self, app: ASGIApp, address: AddressLimit, route: SubmitRoute, body_limit: int
    ) -> None:
        self.app = app
        self.address = address
        self.route = route
        self.body_limit = body_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)

    async def submit(
        self, address: str, channel_id: str, authorization: str, body: bytes
    ) -> Answer:
        """What the app answers this request: the address's rate first (as
        :class:`AddressLimit`), then the route (the body is within ``body_limit``: the
        connection checked its length)."""
        refusal = await self.address.refused(address)
        if refusal is not None:
            return refusal
        return await self.route.answer(channel_id, authorization, body)


def _direct_route(app: Any) -> DirectRoute | None:
    """The :class:`DirectRoute` in uvicorn's app (inside its proxy-headers middleware)."""
    for _ in range(8):
        if isinstance(app, DirectRoute):
            return app
        app = getattr(app, "app", None)
    return None


class _Answering:
    """Stands for uvicorn's request-response cycle while the connection answers a request
    itself: uvicorn's protocol reads these fields (a request arriving meanwhile is queued
    behind it; a lost connection marks it; a shutdown closes after it)."""

    __slots__ = ("disconnected", "keep_alive", "response_complete")

    def __init__(self) -> None:
        self.response_complete = False
        self.disconnected = False
        self.keep_alive = True

    @property
    def message_event(self) -> _Answering:
        return self

    def set(self) -> None:
        pass


_NOT_PLAIN = frozenset(
    {b"transfer-encoding", b"x-forwarded-for", b"x-forwarded-proto", b"forwarded"}
)
"""Headers that send a request of the single entry route through uvicorn's cycle."""


def guarded_protocol(
    header_seconds: float = HEADER_SECONDS, per_address: int = PER_ADDRESS
) -> type[HttpToolsProtocol]:
    """The protocol class for ``uvicorn.run(http=...)``, with these limits (0: none)."""
    open_by_address: Counter[str] = Counter()
    quiet = _Quiet()

    class GuardedHttpToolsProtocol(HttpToolsProtocol):
        _header_timer: asyncio.TimerHandle | None = None
        _address: str | None = None
        _direct: DirectRoute | None = None
        _taken: tuple[str, str, list[bytes]] | None = None
        """(channel id, authorization, body so far) of a request being answered directly."""

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._address = self.client[0] if self.client else "?"
            self._direct = _direct_route(self.app)
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
            if self._direct is None or not self._take():
                super().on_headers_complete()

        def _take(self) -> bool:
            """Whether this request is the single entry route's, plain, with nothing in
            flight before it on the connection: then it is answered directly once its
            body is in (or, if the body is still on its way when the data runs out, given
            to uvicorn's cycle after all: ``data_received``)."""
            assert self._direct is not None
            parser = self.parser
            cycle = self.cycle
            if (
                self.expect_100_continue
                or self.root_path
                or self.config.access_log  # an access log wants uvicorn's cycle
                or (cycle is not None and not cycle.response_complete)
                or parser.get_method() != b"POST"
                or parser.get_http_version() != "1.1"
                or not parser.should_keep_alive()
                or parser.should_upgrade()
            ):
                return False
            limit = self.limit_concurrency
            if limit is not None and (len(self.connections) >= limit or len(self.tasks) >= limit):
                return False  # uvicorn's own 503
            channel_id = submit_channel(httptools.parse_url(self.url).path.decode("ascii"))
            if channel_id is None:
                return False
            authorization, length = "", -1
            for name, value in self.headers:
                if name in _NOT_PLAIN:
                    return False
                if name == b"content-length":
                    if length >= 0 or not value.isdigit() or len(value) > 18:
                        return False
                    length = int(value)
                elif name == b"authorization" and not authorization:
                    authorization = value.decode("latin-1")
            if not 0 <= length <= self._direct.body_limit:
                return False  # no length, or too long: the app's 413
            self._taken = (channel_id, authorization, [])
            return True

        def on_body(self, body: bytes) -> None:
            if self._taken is not None:
                self._taken[2].append(body)
            else:
                super().on_body(body)

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self._taken is not None and not self.transport.is_closing():
                # The body is still on its way: uvicorn's cycle, and the app's deadline.
                body = b"".join(self._taken[2])
                self._taken = None
                HttpToolsProtocol.on_headers_complete(self)
                if body and self.cycle is not None:
                    self.cycle.body += body
                    self.cycle.message_event.set()

        def on_message_complete(self) -> None:
            if self._taken is not None:
                channel_id, authorization, chunks = self._taken
                self._taken = None
                answering = _Answering()
                self.cycle = answering  # type: ignore[assignment]
                task = self.loop.create_task(
                    self._answer(answering, channel_id, authorization, b"".join(chunks))
                )
                task.add_done_callback(self.tasks.discard)
                self.tasks.add(task)
                return
            super().on_message_complete()
            cycle = self.cycle
            if cycle is not None and not cycle.more_body and cycle.scope is self.scope:
                # The whole body is in: BodyLimit need not set a deadline to read it.
                self.scope[BODY_ARRIVED] = True  # type: ignore[literal-required]

        async def _answer(
            self, answering: _Answering, channel_id: str, authorization: str, body: bytes
        ) -> None:
            assert self._direct is not None
            try:
                status, headers, content = await self._direct.submit(
                    self._address or "?", channel_id, authorization, body
                )
            except Exception:  # as uvicorn answers an app's exception
                log.exception("the entry route failed")
                status, content = 500, b"Internal Server Error"
                headers = [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(content)).encode()),
                ]
            if answering.disconnected or self.transport.is_closing():
                return
            parts = [STATUS_LINE[status]]
            for name, value in [*self.server_state.default_headers, *headers]:
                parts += [name, b": ", value, b"\r\n"]
            if not answering.keep_alive:
                parts.append(b"connection: close\r\n")
            parts += [b"\r\n", content]
            self.transport.write(b"".join(parts))
            answering.response_complete = True
            if not answering.keep_alive:
                self.transport.close()
            self.on_response_complete()

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
