"""Entries: submit one, read them, follow them as they are appended."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from parley.api.deps import ChannelMember, Rt, Runtime, SignedIn, sign_in
from parley.api.errors import error_json, status_for
from parley.api.events import stream
from parley.api.limits import Answer, send_answer, throttled
from parley.api.schemas import ERRORS, MAX_SEQ, EntryEnvelope, LoggedEntryOut, SubmitOut
from parley.crypto.canonical import parse_json
from parley.crypto.keys import KeyId
from parley.errors import InvalidInput, ParleyError, RateLimited, Rejected, Unavailable

router = APIRouter(tags=["entries"], responses=ERRORS)


@router.post(
    "/v1/channels/{channel_id}/entries",
    response_model=SubmitOut,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": EntryEnvelope.model_json_schema()}},
        }
    },
)
async def submit(channel_id: str, request: Request, key: SignedIn, rt: Rt) -> dict[str, Any]:
    """Append a signed entry. Idempotent on the entry id: a retry of the same entry
    returns the original receipt with ``replayed: true`` and appends nothing.
    (Signed in, not a member: the first entry of a channel has no channel yet; the
    channel's rules then decide who may append what.)"""
    return await append_one(rt, channel_id, await request.body(), key)


async def append_one(rt: Runtime, channel_id: str, body: bytes, key: KeyId) -> dict[str, Any]:
    """What ``POST .../entries`` does once the caller is signed in: parse the entry, check
    it is for this channel, hold one of the key's write slots while it is appended, and
    answer its receipt (only after its group has committed). The route and its ASGI
    shortcut (:class:`SubmitRoute`) both call this.

    Raises:
        ParleyError: anything the entry, its channel's rules or a limit refuse;
            ``append.failed`` (503) when its group's commit failed.
    """
    raw = parse_json(body)
    check_channel(raw, channel_id)
    if not rt.writes.acquire(key):
        raise await throttled(
            "rate.key_parallel",
            f"key {key} already has {rt.limits.writes_per_key} entries in flight; wait for them",
            1.0,
        )
    try:
        receipt, replayed = await rt.services.appender.submit_async(raw, key)
    except ParleyError:
        raise
    except Exception as exc:  # the group's commit failed: nothing of it was recorded
        raise append_failed() from exc
    finally:
        rt.writes.release(key)
    return {"receipt": receipt.to_json(), "replayed": replayed}


class SubmitRoute:
    """``POST /v1/channels/{channel_id}/entries`` answered as plain ASGI, in front of the
    FastAPI app (which keeps the route above for its OpenAPI document and for any request
    this does not take: another method, a ``root_path``).

    Why: the route's own work — sign-in, parse, the signature check, queueing, the
    receipt — costs a fraction of what FastAPI's routing (every route's pattern tried in
    turn), dependency resolution and response-model validation cost on top of it, per
    entry. This does what the route does, in the same order, with the same functions
    (:func:`parley.api.deps.sign_in`, :func:`append_one`) and answers with the same
    bodies and statuses: the receipt as the route's ``SubmitOut`` serialises it, a
    ``ParleyError`` in the API's one error shape (with ``Retry-After`` when rate
    limited). The middleware outside it (per-address rate, body size and time) runs
    first as for every request. ``tests/api/test_submit_route.py`` checks it answers as
    the FastAPI route does.
    """

    def __init__(self, app: ASGIApp, rt: Runtime) -> None:
        self.app = app
        self.rt = rt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        channel_id = _submit_channel(scope)
        if channel_id is None:
            await self.app(scope, receive, send)
            return
        body = await _body(receive)
        if body is None:
            return  # the client went away before sending its entry: nobody to answer
        await send_answer(
            send, await self.answer(channel_id, _header(scope, b"authorization"), body)
        )

    async def answer(self, channel_id: str, authorization: str, body: bytes) -> Answer:
        """The answer to an entry ``body`` posted to ``channel_id`` with this
        ``Authorization`` header: status, headers and body bytes. What :meth:`__call__`
        sends, and what the server's connection writes itself for a request it answers
        without an ASGI cycle (``parley.api.connections``)."""
        headers: list[tuple[bytes, bytes]] = []
        try:
            key = await sign_in(self.rt, authorization)
            status, answer = 200, await append_one(self.rt, channel_id, body, key)
        except ParleyError as exc:
            status, answer = status_for(exc), error_json(exc)
            if isinstance(exc, RateLimited):
                headers.append((b"retry-after", str(exc.detail.get("retry_after", 1)).encode()))
        data = json.dumps(answer, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        encoded = data.encode()
        headers += [
            (b"content-length", str(len(encoded)).encode()),
            (b"content-type", b"application/json"),
        ]
        return status, headers, encoded


_PREFIX = "/v1/channels/"
_SUFFIX = "/entries"


def _submit_channel(scope: Scope) -> str | None:
    """The channel id when ``scope`` is a ``POST`` to the single entry route, else None."""
    if scope["type"] != "http" or scope["method"] != "POST" or scope.get("root_path"):
        return None
    return submit_channel(scope["path"])


def submit_channel(path: str) -> str | None:
    """The channel id when ``path`` is the single entry route's, else None (matched as
    FastAPI matches ``{channel_id}``: one non-empty segment)."""
    if not (path.startswith(_PREFIX) and path.endswith(_SUFFIX)):
        return None
    channel_id = path[len(_PREFIX) : -len(_SUFFIX)]
    return channel_id if channel_id and "/" not in channel_id else None


def _header(scope: Scope, name: bytes) -> str:
    """A request header's first value, as Starlette's ``Request.headers`` reads it."""
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return ""


async def _body(receive: Receive) -> bytes | None:
    """The whole request body (None if the client disconnected first)."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def check_channel(raw: Any, channel_id: str) -> None:
    """An entry signed for another channel than the one in the path is refused.

    Raises:
        Rejected: ``entry.wrong_channel``.
    """
    header = raw.get("header") if isinstance(raw, dict) else None
    if isinstance(header, dict) and header.get("channel") != channel_id:
        raise Rejected(
            "entry.wrong_channel",
            f"the entry is signed for another channel than {channel_id!r}",
        )


def append_failed() -> Unavailable:
    """What a caller whose entry's group failed to commit is told (nothing of the group
    was recorded; the same entry may be sent again)."""
    return Unavailable("append.failed", "the entry was not appended (the write failed); resend it")


@router.get(
    "/v1/channels/{channel_id}/events",
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def events(
    request: Request,
    v: ChannelMember,
    rt: Rt,
    after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
) -> StreamingResponse:
    """Server-Sent Events: every entry after ``after`` (or ``Last-Event-ID``), then new
    ones as they are appended. Event ids are sequence numbers."""
    after = max(after, last_event_id(request.headers.get("last-event-id", "")))
    if not rt.streams.acquire(v.key_id):
        raise RateLimited(
            "push.too_many_streams",
            f"key {v.key_id} already has {rt.limits.streams_per_key} push streams open; close one",
            retry_after=5,
        )

    async def held() -> AsyncIterator[str]:
        try:
            async for chunk in stream(rt.services, rt.notifier, v, after, rt.push_poll):
                yield chunk
        finally:
            rt.streams.release(v.key_id)

    return StreamingResponse(
        held(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


def last_event_id(header: str) -> int:
    """The ``Last-Event-ID`` a reconnecting stream sends: a sequence number. Anything else
    — "²", 5,000 digits, a number beyond the log's range — is refused, not parsed.

    Raises:
        InvalidInput: ``request.bad_last_event_id``.
    """
    if not header:
        return 0
    if not (header.isascii() and header.isdecimal() and len(header) <= 16):
        raise InvalidInput("request.bad_last_event_id", "Last-Event-ID must be a sequence number")
    value = int(header)
    if value > MAX_SEQ:
        raise InvalidInput("request.bad_last_event_id", f"Last-Event-ID is beyond {MAX_SEQ}")
    return value


@router.get("/v1/channels/{channel_id}/entries", response_model=list[LoggedEntryOut])
def entries(
    v: ChannelMember,
    rt: Rt,
    after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> list[dict[str, Any]]:
    """Entries with sequence number greater than ``after``, oldest first."""
    return rt.services.channels.entries_view(v, after, limit)


@router.get("/v1/channels/{channel_id}/entries/{entry_id}", response_model=LoggedEntryOut)
def entry(entry_id: str, v: ChannelMember, rt: Rt) -> dict[str, Any]:
    """One logged entry by its id (body withheld if the caller may not read it)."""
    return rt.services.channels.entry_view(v, entry_id)
