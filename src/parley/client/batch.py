"""Many entries of one channel in one request (``POST .../entries/batch``): chunks that
fit the server's batch limits, and each entry's own answer — a checked receipt or the
server's error for it — with the entries the server asked to slow down sent again."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

from parley.model.entry import Entry
from parley.model.relay import RelayReceipt

MAX_ENTRIES = 256
"""Most entries in one batch request (the server's ``max_batch_entries``)."""

MAX_BYTES = 1024 * 1024 - 4096
"""Largest batch request body, with room to spare (the server's ``max_batch_bytes``)."""

MAX_ROUNDS = 100
"""Resends of the entries the server refused for rate or entries in flight."""


def chunks(entries: list[Entry]) -> Iterator[list[Entry]]:
    """``entries`` in order, cut into batches within the server's limits."""
    chunk: list[Entry] = []
    size = 0
    for entry in entries:
        n = len(json.dumps(entry.to_json(), separators=(",", ":"))) + 1
        if chunk and (len(chunk) >= MAX_ENTRIES or size + n > MAX_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(entry)
        size += n
    if chunk:
        yield chunk


def submit_batch(
    post: Callable[[list[dict[str, Any]]], Any],
    receipt_for: Callable[[Entry, dict[str, Any]], RelayReceipt],
    entries: list[Entry],
) -> list[RelayReceipt | tuple[str, str, int]]:
    """Send ``entries`` (one chunk) with ``post`` and return, for each in order, its
    checked receipt or the server's ``(code, message, status)``. Entries refused with 429
    (the key's rate or entries in flight) are sent again: at once when others got
    through, after the server's ``retry_after`` when none did.

    Raises:
        VerificationError: a receipt is not for its entry or not the server's.
    """
    out: list[RelayReceipt | tuple[str, str, int] | None] = [None] * len(entries)
    todo = list(range(len(entries)))
    for round_ in range(MAX_ROUNDS + 1):
        data = post([entries[i].to_json() for i in todo])
        again: list[int] = []
        wait = 1.0
        for i, result in zip(todo, data["results"], strict=True):
            if "receipt" in result:
                out[i] = receipt_for(entries[i], result["receipt"])
                continue
            err = result.get("error", {})
            status = int(result.get("status", 400))
            if status == 429 and round_ < MAX_ROUNDS:
                again.append(i)
                wait = max(wait, float(err.get("detail", {}).get("retry_after", 1)))
            else:
                out[i] = (str(err.get("code", "http.error")), str(err.get("message", "")), status)
        if not again:
            break
        if len(again) == len(todo):  # nothing got through: wait as told
            time.sleep(min(30.0, wait))
        todo = again
    return [r for r in out if r is not None]
