"""Entries: submit one, read them, follow them as they are appended."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from parley.api.deps import ChannelMember, Rt, SignedIn
from parley.api.events import stream
from parley.api.limits import throttled
from parley.api.schemas import ERRORS, MAX_SEQ, EntryEnvelope, LoggedEntryOut, SubmitOut
from parley.crypto.canonical import parse_json
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
    raw = parse_json(await request.body())
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
