"""Limits that keep one client from starving the others: request body size (enforced on
the bytes actually received, not only Content-Length), request rates per signed-in key
and per client address (token buckets), and concurrent push streams per key.

Defaults are far above what people on a hotline do (a member sends a few entries a
minute) and far below what one process serves (hundreds of entries a second), so a
runaway script or a flood is slowed down to a share that leaves everyone else served.
``parley serve --rate-key/--rate-address/--streams-per-key`` change them; 0 turns a
limit off.
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parley.api.errors import error_body
from parley.errors import RateLimited

MAX_REQUEST_BYTES = 64 * 1024 + 1024
"""Largest request body: an entry of at most 64 KiB plus room for the envelope."""


BODY_SECONDS = 20.0
"""A request body must arrive in full within this long (a client trickling bytes to hold
a connection is cut off with 408)."""


MAX_BATCH_BYTES = 1024 * 1024
"""Largest request body of a batch of entries (``POST .../entries/batch``)."""

BATCH_PATH_SUFFIX = "/entries/batch"


class BodyLimit:
    def __init__(
        self,
        app: ASGIApp,
        limit: int = MAX_REQUEST_BYTES,
        seconds: float = BODY_SECONDS,
        batch_limit: int = MAX_BATCH_BYTES,
    ) -> None:
        self.app = app
        self.limit = limit
        self.seconds = seconds
        self.batch_limit = batch_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        batch = str(scope.get("path", "")).endswith(BATCH_PATH_SUFFIX)
        limit = self.batch_limit if batch else self.limit
        for name, value in scope.get("headers", []):
            if (
                name == b"content-length"
                and value.isdigit()
                and (len(value) > 18 or int(value) > limit)
            ):
                await self._reject(send, limit=limit)
                return
        # Buffer the body (it is small by definition) so an oversized one is refused
        # before any handler runs.
        chunks: list[bytes] = []
        if scope.get(BODY_ARRIVED):
            # The server says the whole body is already in: reading it cannot wait, so
            # no deadline to set up (an asyncio timeout is a tenth of this route's
            # per-request cost on the hot path).
            seen = await _read_body(receive, limit, chunks)
        else:
            try:
                # One deadline for the whole body (asyncio.wait_for per message would
                # make a task of each receive on Python 3.11).
                async with asyncio.timeout(self.seconds):
                    seen = await _read_body(receive, limit, chunks)
            except TimeoutError:
                await self._reject(send, 408, "request.timeout", "the request body came too slowly")
                return
        if seen > limit:
            await self._reject(send, limit=limit)
            return
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _reject(
        self,
        send: Send,
        status: int = 413,
        code: str = "request.too_large",
        message: str = "",
        limit: int = 0,
    ) -> None:
        text = message or f"request bodies are limited to {limit or self.limit} bytes"
        await send_error(send, status, code, text)


BODY_ARRIVED = "parley.body_arrived"
"""A scope key the server (``parley.api.connections``: uvicorn's protocol with Parley's
guards) sets to True when a request's whole body arrived before its app was called: then
:class:`BodyLimit` reads it without a deadline, as nothing is left to wait for. Only the
server sets it (a client cannot: it is not a header)."""


async def _read_body(receive: Receive, limit: int, chunks: list[bytes]) -> int:
    """Receive a request's body into ``chunks``, stopping past ``limit`` bytes (or at a
    disconnect); returns how many bytes were seen."""
    seen = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        seen += len(chunk)
        if seen > limit:
            break
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return seen


Answer = tuple[int, list[tuple[bytes, bytes]], bytes]
"""A whole HTTP answer: status, headers, body bytes."""


def error_answer(
    status: int,
    code: str,
    message: str,
    detail: dict[str, Any] | None = None,
    headers: tuple[tuple[bytes, bytes], ...] = (),
) -> Answer:
    """An answer in the API's error shape, for code outside FastAPI's handlers."""
    body = json.dumps(error_body(code, message, detail)).encode()
    return (
        status,
        [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            *headers,
        ],
        body,
    )


async def send_answer(send: Send, answer: Answer) -> None:
    status, headers, body = answer
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def send_error(
    send: Send,
    status: int,
    code: str,
    message: str,
    detail: dict[str, Any] | None = None,
    headers: tuple[tuple[bytes, bytes], ...] = (),
) -> None:
    """Answer with the API's error shape from ASGI middleware, outside FastAPI's handlers."""
    await send_answer(send, error_answer(status, code, message, detail, headers))


@dataclass(frozen=True)
class Limits:
    key_rate: float = 50.0
    """Requests per second per signed-in key, sustained (0: no limit)."""
    key_burst: int = 200
    address_rate: float = 200.0
    """Requests per second per client address, sustained (0: no limit). Behind a reverse
    proxy every client has the proxy's address: raise it, or limit at the proxy."""
    address_burst: int = 400
    streams_per_key: int = 4
    """Push streams one key may hold open at once (0: no limit)."""
    writes_per_key: int = 4
    """Entries one key may have in flight at once (0: no limit): a flood of parallel
    submissions cannot line up dozens of entries ahead of everyone else's."""
    public_checks_at_once: int = 1
    """Anonymous statement checks run at once (each in a worker thread); 0: no limit on
    them at all (no queue bound, no CPU budget)."""
    public_checks_waiting: int = 8
    """Anonymous statement checks that may wait for their turn; beyond, 429."""
    public_cpu_rate: float = 0.05
    """CPU seconds per second one client address may spend on anonymous checks,
    sustained (0: no limit): one address gets at most 5 % of a core."""
    public_cpu_burst: float = 2.0
    """CPU seconds one client address may spend on anonymous checks at once."""


class Buckets:
    """Token buckets by name: ``take(name)`` spends one token and returns 0, or returns the
    seconds until one is available. Thread-safe; remembers at most ``size`` names (the
    least recently seen are forgotten, which only ever lets a request through)."""

    def __init__(
        self,
        rate: float,
        burst: int,
        size: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate, self.burst, self.size, self.clock = rate, burst, size, clock
        self._state: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, name: str) -> float:
        return self.take_up_to(name, 1)[1]

    def take_up_to(self, name: str, n: int) -> tuple[int, float]:
        """Spend up to ``n`` tokens: returns how many were spent, and the seconds until
        the next one is available (0 when all ``n`` were)."""
        if self.rate <= 0:
            return n, 0.0
        now = self.clock()
        with self._lock:
            tokens, last = self._state.pop(name, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            taken = min(n, int(tokens))
            tokens -= taken
            self._state[name] = (tokens, now)
            wait = 0.0 if taken == n else (1.0 - tokens) / self.rate
            while len(self._state) > self.size:
                self._state.popitem(last=False)
        return taken, wait


class Slots:
    """Counts what each key holds open at once (push streams, entries in flight)."""

    def __init__(self, per_key: int) -> None:
        self.per_key = per_key
        self._open: dict[str, int] = {}
        self._lock = threading.Lock()

    def acquire(self, key: str) -> bool:
        return self.acquire_up_to(key, 1) == 1

    def acquire_up_to(self, key: str, n: int) -> int:
        """Hold up to ``n`` more for ``key``; returns how many it got."""
        with self._lock:
            held = self._open.get(key, 0)
            got = min(n, max(0, self.per_key - held)) if self.per_key else n
            if got:
                self._open[key] = held + got
            return got

    def release(self, key: str, n: int = 1) -> None:
        with self._lock:
            left = self._open.get(key, 0) - n
            if left > 0:
                self._open[key] = left
            else:
                self._open.pop(key, None)


def retry_after(wait: float) -> int:
    return max(1, math.ceil(wait))


TARPIT_SECONDS = 1.0
"""A request over its rate waits this long before its 429 goes out. A client that
honours Retry-After never notices; one that does not can only send as many requests per
second as it holds connections, instead of keeping the server busy answering 429s (the
flood benchmark: bench/bench_flood.py)."""


async def tarpit() -> None:
    await asyncio.sleep(TARPIT_SECONDS)


async def throttled(code: str, message: str, wait: float) -> RateLimited:
    """The 429 for a request over a limit, handed back after the tarpit delay."""
    await tarpit()
    return RateLimited(code, message, retry_after=retry_after(wait))


class AddressLimit:
    """Refuses requests beyond the per-address rate with 429 before any work is done
    (after the tarpit delay)."""

    def __init__(self, app: ASGIApp, buckets: Buckets) -> None:
        self.app = app
        self.buckets = buckets

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            client = scope.get("client")
            refusal = await self.refused(client[0] if client else "?")
            if refusal is not None:
                await send_answer(send, refusal)
                return
        await self.app(scope, receive, send)

    async def refused(self, address: str) -> Answer | None:
        """None when ``address`` is within its rate (one token spent); else, after the
        tarpit delay, its 429."""
        wait = self.buckets.take(address)
        if wait <= 0:
            return None
        await tarpit()
        after = retry_after(wait)
        return error_answer(
            429,
            "rate.address",
            "too many requests from this address; wait and retry",
            {"retry_after": after},
            ((b"retry-after", str(after).encode()),),
        )
