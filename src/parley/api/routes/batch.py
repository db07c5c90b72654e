"""Many entries in one request: ``POST /v1/channels/{id}/entries/batch``.

Each entry goes through the checks of the single route — the channel in its header, the
key's entries in flight and request rate (each entry counts), the author, the signature,
the channel's rules, idempotent replay — and gets its own answer, in order: a receipt,
or the typed error the single route would have given. One refused entry does not refuse
the others. The entries queue together, so they commit in one group (one transaction,
one fsync) unless the channel's queue is longer than a group.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from parley.api.deps import Rt, SignedIn
from parley.api.errors import error_json, status_for
from parley.api.limits import MAX_REQUEST_BYTES, retry_after, throttled
from parley.api.routes.entries import append_failed, check_channel
from parley.api.schemas import ERRORS, MAX_BATCH, BatchIn, BatchOut
from parley.crypto.canonical import parse_json
from parley.crypto.keys import KeyId
from parley.errors import InvalidInput, ParleyError, RateLimited
from parley.service import MAX_ENTRY_BYTES, Appender
from parley.service.writer import Pending

router = APIRouter(tags=["entries"], responses=ERRORS)


@router.post(
    "/v1/channels/{channel_id}/entries/batch",
    response_model=BatchOut,
    response_model_exclude_none=True,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": BatchIn.model_json_schema()}},
        }
    },
)
async def submit_batch(
    channel_id: str, request: Request, key: SignedIn, rt: Rt
) -> dict[str, list[dict[str, Any]]]:
    """Append up to 256 signed entries of one channel, in order. The answer is 200 with
    one result per entry: ``{receipt, replayed}`` or ``{error}``, each with the status the
    single route would have answered. A malformed body (not an object with a non-empty
    ``entries`` list) is refused as a whole: nothing is appended."""
    raws = batch_entries(parse_json(await request.body()))
    results: list[dict[str, Any] | None] = [None] * len(raws)
    # The sign-in spent one request token; every further entry spends one more.
    rated, wait = rt.key_buckets.take_up_to(key, len(raws) - 1)
    rated += 1
    held = rt.writes.acquire_up_to(key, rated)
    if held == 0:
        raise await throttled(
            "rate.key_parallel",
            f"key {key} already has {rt.limits.writes_per_key} entries in flight; wait for them",
            1.0,
        )
    try:
        for i in range(held, len(raws)):
            results[i] = (
                _error(
                    RateLimited(
                        "rate.key",
                        f"too many requests from key {key}; wait and retry",
                        retry_after=retry_after(wait),
                    )
                )
                if i >= rated
                else _error(
                    RateLimited(
                        "rate.key_parallel",
                        f"key {key} has {rt.limits.writes_per_key} entries in flight; "
                        "send the rest when they are answered",
                        retry_after=1,
                    )
                )
            )
        appender = rt.services.appender
        prepared = await run_in_threadpool(_prepare, appender, channel_id, raws[:held], key)
        queued: list[tuple[int, Pending]] = []
        for i, p in enumerate(prepared):
            if isinstance(p, ParleyError):
                results[i] = _error(p)
            else:
                queued.append((i, p))
        await appender.submit_many_async([p for _, p in queued])
        for i, p in queued:
            if p.error is None:
                assert p.result is not None
                receipt, replayed = p.result
                results[i] = {"receipt": receipt.to_json(), "replayed": replayed, "status": 200}
            elif isinstance(p.error, ParleyError):
                results[i] = _error(p.error)
            else:
                results[i] = _error(append_failed())
    finally:
        rt.writes.release(key, held)
    return {"results": [r for r in results if r is not None]}


def batch_entries(body: Any) -> list[Any]:
    """The entries of a batch body, each still raw JSON (checked one by one later).

    Raises:
        InvalidInput: ``batch.invalid`` (not ``{"entries": [...]}`` with at least one
            entry) or ``batch.too_large`` (more than ``MAX_BATCH`` entries).
    """
    if not isinstance(body, dict) or set(body) != {"entries"}:
        raise InvalidInput("batch.invalid", 'a batch is an object {"entries": [...]} and no more')
    entries = body["entries"]
    if not isinstance(entries, list) or not entries:
        raise InvalidInput("batch.invalid", '"entries" must be a non-empty list of entries')
    if len(entries) > MAX_BATCH:
        raise InvalidInput(
            "batch.too_large",
            f"a batch holds at most {MAX_BATCH} entries; this one has {len(entries)}: split it",
        )
    return entries


def _prepare(
    appender: Appender, channel_id: str, raws: list[Any], key: KeyId
) -> list[Pending | ParleyError]:
    """Each entry checked as the single route checks it before queueing (in one worker
    thread for the whole batch)."""
    out: list[Pending | ParleyError] = []
    for raw in raws:
        try:
            if len(json.dumps(raw, separators=(",", ":"))) > MAX_REQUEST_BYTES:
                raise InvalidInput(
                    "entry.too_large",
                    f"an entry is limited to {MAX_ENTRY_BYTES} bytes, as on the single route",
                )
            check_channel(raw, channel_id)
            out.append(appender.prepare(raw, key))
        except ParleyError as exc:
            out.append(exc)
    return out


def _error(exc: ParleyError) -> dict[str, Any]:
    """An entry's error, as the single route would answer it, with its status."""
    return {**error_json(exc), "status": status_for(exc)}
