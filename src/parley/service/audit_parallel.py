"""The audit's signature checks, run ahead in worker processes.

The full audit (:mod:`parley.service.audit`) is one pass over each channel's log in
sequence order: the rule fold, the tree and the projections need the entries one after
another. Its Ed25519 checks do not: the author's signature over the stored header, the
server's relay receipt over the row, the server's signature on each stored checkpoint
depend on the stored bytes and a key only. So a producer reads the rows in batches and
hands each batch to a pool of processes (``--workers``), which check those signatures
while the ordered pass works on earlier batches; the ordered pass takes each batch's
results in sequence order. At most ``2 × workers`` batches are in flight: memory stays
bounded, the audit still streams.

**A worker only ever says that a check passed**, on exactly the bytes it was given: the
author's signature under the key the stored members table names for the author (a hint,
nothing more), a relay receipt, a checkpoint note. The ordered pass uses such a result
in place of repeating that very computation — the author's only when the key the
*refolded state* gives for the author is that same key — and runs every check a worker
did not pass (a bad signature, a key the hint did not know, anything unexpected) itself,
with the sequential audit's code. So the problems reported, their wording and order,
and the first failing entry are exactly those of the sequential audit; only the work of
the checks that pass moves to other cores.

Processes rather than threads: PyNaCl releases the GIL while it verifies, but each
verification returns to Python, and next to an ordered pass that holds the GIL almost
all the time a verifying thread barely runs (measured in ``bench/RESULTS.md``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from operator import attrgetter

from parley.crypto.keys import VerifyKey, unb64
from parley.errors import ParleyError
from parley.ledger.note import Checkpoint, verify_note
from parley.model.clock import parse_time
from parley.model.entry import SIGNING_PREFIX, Entry, LoggedEntry
from parley.service.records import relay_from
from parley.store import EntryRow, Store

log = logging.getLogger("parley.audit")

BATCH = 512
"""Entries per batch handed to a worker."""

PARALLEL_FROM = 20_000
"""Channels shorter than this are audited in this process alone: starting the workers
costs more than they save there."""


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def checkpoint_of(note: str, key: VerifyKey) -> Checkpoint:
    """The checkpoint a stored note carries, its signature by ``key`` under the note's
    own origin verified (that the origin is the channel's is checked by the caller).

    Raises:
        ParleyError: the note is malformed or the signature does not verify.
    """
    origin = note.split("\n", 1)[0]
    return Checkpoint.parse(verify_note(note, origin, key))


@dataclass(frozen=True, slots=True)
class PrecheckedEntry(Entry):
    """An entry whose author signature a worker verified under the key ``verified_with``.

    :meth:`verify_signature` skips the Ed25519 computation only when it is asked about
    that very key (same 32 bytes, and the header names it); for any other key it checks
    as :class:`Entry` does. The header bytes and signature are the ones the worker
    checked: both come from the same stored row.
    """

    verified_with: bytes = field(default=b"", init=False, compare=False, repr=False)

    def verify_signature(self, key: VerifyKey) -> None:
        if key.raw == self.verified_with and key.key_id == self.header.author:
            return
        Entry.verify_signature(self, key)


def prechecked(row: EntryRow, key: bytes) -> LoggedEntry:
    """:func:`parley.service.records.from_row`, for a row whose author signature verified
    under ``key`` in a worker."""
    entry = PrecheckedEntry.from_stored(
        row.header, unb64(row.signature, "signature"), row.body, unb64(row.salt, "salt")
    )
    object.__setattr__(entry, "verified_with", key)
    return LoggedEntry(row.seq, entry, parse_time(row.received_at))


_SIGNED = attrgetter(
    "header",
    "signature",
    "relay_signature",
    "channel_id",
    "seq",
    "entry_id",
    "leaf_hash",
    "received_at",
)
"""What a worker checks of a row: the header and the author's signature over it, the
relay signature and what the relay receipt binds (see :func:`relay_from`). The rest (the
body above all) stays in this process: less to copy to the workers."""

Signed = tuple[str, str, str, str, int, str, str, str]

Result = tuple[bytes, bytes, list[Checkpoint | None]]

# --- in the worker processes ------------------------------------------------------------

_KEYS: dict[bytes, VerifyKey] = {}


def _key(raw: bytes) -> VerifyKey:
    key = _KEYS.get(raw)
    if key is None:
        key = _KEYS[raw] = VerifyKey(raw)
    return key


def _author_ok(header: str, signature: str, raw: bytes | None) -> bool:
    if raw is None:
        return False
    try:
        _key(raw).verify(SIGNING_PREFIX + header.encode(), unb64(signature, "signature"))
    except Exception:  # anything but a pass is checked again, in order
        return False
    return True


def _relay_ok(signed: Signed, server: VerifyKey) -> bool:
    try:
        relay_from(signed[3:], signed[2], server.key_id).verify(server)
    except Exception:  # anything but a pass is checked again, in order
        return False
    return True


def _checkpoint(note: str, server: VerifyKey) -> Checkpoint | None:
    try:
        return checkpoint_of(note, server)
    except Exception:  # anything but a pass is checked again, in order
        return None


def check_batch(
    server_raw: bytes,
    rows: list[Signed],
    keys: list[bytes | None],
    notes: list[str],
) -> Result:
    """Check a batch (each row as :data:`_SIGNED` gives it): per row whether the
    author's signature verified under the hinted key and whether the relay receipt
    verified (1 or 0); per note its checkpoint, or None when it did not verify."""
    server = _key(server_raw)
    authors = bytearray(len(rows))
    relays = bytearray(len(rows))
    for i, (signed, raw) in enumerate(zip(rows, keys, strict=True)):
        authors[i] = _author_ok(signed[0], signed[1], raw)
        relays[i] = _relay_ok(signed, server)
    return bytes(authors), bytes(relays), [_checkpoint(n, server) for n in notes]


# --- in the auditing process ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Checked:
    """What the workers found to hold for one row."""

    row: EntryRow
    author_key: bytes | None
    """The key the author's signature verified under, if it did."""
    relay_ok: bool


class SignaturePool:
    """Worker processes for :func:`stream`, started on first use; a context manager."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: Executor | None = None

    def executor(self) -> Executor:
        if self._executor is None:
            # forkserver: workers fork from a clean process that imported this module
            # (and the main script, once, as multiprocessing does), never from this one
            # with its threads and open database.
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["__main__", __name__])
            self._executor = ProcessPoolExecutor(self.workers, mp_context=ctx)
        return self._executor

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> SignaturePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Stream:
    """A channel's rows in stored order with what the workers found, and the checkpoints
    they verified (by note text; consumed by the audit's checkpoint cursor)."""

    rows: Iterator[Checked]
    checkpoints: dict[str, Checkpoint] = field(default_factory=dict)


def stream(
    store: Store, channel: str, server_key: VerifyKey, pool: SignaturePool, batch: int = BATCH
) -> Stream:
    """Stream ``channel``'s rows, their signatures checked ahead by ``pool``."""
    out = Stream(iter(()))
    out.rows = _rows(store, channel, server_key, pool, batch, out.checkpoints)
    return out


def _hints(store: Store, channel: str, server_key: VerifyKey) -> dict[str, bytes]:
    """Author key id → public key, from the stored members table: only where to look.
    The key is taken from the stored public key itself, never from a stored key id."""
    hints: dict[str, bytes] = {server_key.key_id: server_key.raw}
    for m in store.rows("members", channel):
        try:
            key = VerifyKey.from_b64(str(m["public_key"]))
        except ParleyError:
            continue  # a tampered row: the ordered pass finds it; no hint here
        hints[key.key_id] = key.raw
    return hints


def _rows(
    store: Store,
    channel: str,
    server_key: VerifyKey,
    pool: SignaturePool,
    batch: int,
    memo: dict[str, Checkpoint],
) -> Iterator[Checked]:
    hints = _hints(store, channel, server_key)
    entries = store.iter_entries(channel)
    notes = store.iter_checkpoints(channel)
    next_note = next(notes, None)
    in_flight: deque[tuple[list[EntryRow], list[bytes | None], list[str], Future[Result] | None]]
    in_flight = deque()
    executor: Executor | None = pool.executor()
    try:
        while True:
            while len(in_flight) < 2 * pool.workers:
                rows = list(islice(entries, batch))
                if not rows:
                    break
                last = max(r.seq for r in rows)
                cps: list[str] = []
                while next_note is not None and next_note[0] <= last:
                    cps.append(next_note[1])
                    next_note = next(notes, None)
                keys = [hints.get(r.author) for r in rows]
                job = None
                if executor is not None:
                    try:
                        job = executor.submit(
                            check_batch, server_key.raw, [_SIGNED(r) for r in rows], keys, cps
                        )
                    except BrokenExecutor:
                        executor = _broken(channel)
                in_flight.append((rows, keys, cps, job))
            if not in_flight:
                return
            rows, keys, cps, job = in_flight.popleft()
            result = None
            if job is not None:
                try:
                    result = job.result()
                except BrokenExecutor:
                    if executor is not None:
                        executor = _broken(channel)
            memo.clear()
            if result is None:  # the workers are gone: everything is checked in order
                for row in rows:
                    yield Checked(row, None, False)
                continue
            authors, relays, checkpoints = result
            memo.update((n, cp) for n, cp in zip(cps, checkpoints, strict=True) if cp is not None)
            for i, row in enumerate(rows):
                yield Checked(row, keys[i] if authors[i] else None, bool(relays[i]))
    finally:
        for *_, job in in_flight:
            if job is not None:
                job.cancel()
        memo.clear()


def _broken(channel: str) -> Executor | None:
    """No more workers: say so, and go on without them."""
    log.warning(
        "%s: the audit's worker processes stopped; the rest of the log is checked in this "
        "process alone (the findings are the same, only slower)",
        channel,
    )
    return None
