"""Full audit of a database: trust nothing that was stored, recompute everything.

For each channel, entries are streamed in sequence order and, for each one: the stored
header text must be the canonical encoding of the header it parses to; the columns that
repeat header fields must agree; the author's signature and the body digest must verify;
the channel's rules must admit it (``apply`` with verification on); the leaf hash is
recomputed; the server's relay receipt (which binds sequence number, leaf and time)
must verify. The tree is rebuilt with a compact range (memory O(log n)) and compared to
the stored size, root and frontier. Finally the projections are rendered from the
refolded state and compared row by row, column by column.

The audit stops a channel's log at the first divergence: everything after it depends
on it.

With ``workers`` above one, the Ed25519 checks of long channels (author, relay receipt,
checkpoint) run ahead in worker processes, batch by batch, while this pass folds in
sequence order (:mod:`parley.service.audit_parallel`). A worker only reports checks that
passed; every other check runs here, with the same code, so the report is the same.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import Any

from parley.crypto.keys import VerifyKey
from parley.errors import ParleyError
from parley.ledger import CompactRange
from parley.ledger.note import (
    Checkpoint,
    parse_signature_line,
    split_note,
    verify_cosignature,
    witness_name,
)
from parley.ledger.tree import new_nodes
from parley.model.feature import RowKind
from parley.model.ids import ChannelId
from parley.model.registry import RECORDS, ROWS
from parley.model.rules import apply
from parley.model.state import ChannelState
from parley.model.witnessing import COSIGNED
from parley.service.audit_parallel import (
    BATCH,
    PARALLEL_FROM,
    Checked,
    SignaturePool,
    checkpoint_of,
    default_workers,
    prechecked,
    stream,
)
from parley.service.records import from_row, leaf_of, relay_of
from parley.store import EntryRow, Store
from parley.store.projections import channel_row, record_keys, record_row

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Problem:
    channel: str
    where: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.channel}: {self.where}: {self.message} [{self.code}]"


@dataclass
class AuditReport:
    channels: int = 0
    entries: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def audit(
    store: Store,
    server_key: VerifyKey,
    progress: Progress | None = None,
    *,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    batch: int = BATCH,
) -> AuditReport:
    """Audit every channel of ``store``.

    ``workers``: processes checking signatures ahead of the ordered pass (default: the
    cores this process may use); 1 checks everything in this process. Channels shorter
    than ``parallel_from`` entries are checked in this process alone; ``batch`` is the
    number of entries handed to a worker at a time. None of these changes what is found.
    """
    report = AuditReport()
    count = default_workers() if workers is None else workers
    with SignaturePool(max(count, 1)) as pool:
        for channel in store.channel_ids():
            report.channels += 1
            parallel = pool if count > 1 else None
            _audit_channel(
                store, server_key, channel, report, progress, parallel, parallel_from, batch
            )
    return report


def _audit_channel(
    store: Store,
    server_key: VerifyKey,
    channel: str,
    report: AuditReport,
    progress: Progress | None,
    pool: SignaturePool | None = None,
    parallel_from: int = PARALLEL_FROM,
    batch: int = BATCH,
) -> None:
    def problem(where: str, code: str, message: str) -> None:
        report.problems.append(Problem(channel, where, code, message))

    total = store.count_entries(channel)
    state = ChannelState(channel_id=ChannelId(channel))
    tree = CompactRange()
    log_ok = True
    nodes = _NodeCursor(store, channel)
    checkpoints = _CheckpointCursor(store, channel, server_key)
    entries: Iterator[Checked]
    if pool is not None and total >= parallel_from:
        ahead = stream(store, channel, server_key, pool, batch)
        entries, checkpoints.verified = ahead.rows, ahead.checkpoints
    else:
        entries = (Checked(row, None, False) for row in store.iter_entries(channel))
    long_lived = _LongLived()
    try:
        for checked in entries:
            row = checked.row
            if row.seq != state.size + 1:
                problem(
                    _where(row),
                    "log.gap",
                    f"expected sequence {state.size + 1}: a row is missing, added or moved",
                )
                log_ok = False
                break
            try:
                if checked.author_key is None:
                    logged = from_row(row)
                else:  # the same entry; its signature verified under that key in a worker
                    logged = prechecked(row, checked.author_key)
                h = logged.entry.header
                if (
                    row.entry_id != h.id
                    or row.type != h.type
                    or row.author != h.author
                    or row.channel_id != h.channel
                ):
                    for col, value in (
                        ("entry_id", h.id),
                        ("type", h.type),
                        ("author", h.author),
                        ("channel_id", h.channel),
                    ):
                        if getattr(row, col) != value:
                            raise ParleyError(
                                "log.column_mismatch",
                                f"column {col} disagrees with the signed header",
                            )
                state, _ = apply(state, logged, verify=True, track=False)
                leaf = leaf_of(logged.entry)
                if leaf.hex() != row.leaf_hash:
                    raise ParleyError(
                        "log.leaf_mismatch", "stored leaf hash is not the hash of the signed header"
                    )
                if not checked.relay_ok:  # else a worker verified this very receipt
                    relay_of(row, server_key.key_id).verify(server_key)
            except ParleyError as exc:
                problem(_where(row), exc.code, exc.message)
                log_ok = False
                break
            for lv, ix, node in new_nodes(tree.size, leaf, tree.nodes):
                found = nodes.expect(lv, ix, node)
                if found is not None:
                    problem(f"tree node ({lv}, {ix})", *found)
            tree.append(leaf)
            if checkpoints.due(tree.size):
                found = checkpoints.expect(tree.size, tree.root())
                if found is not None:
                    problem(f"checkpoint at size {tree.size}", *found)
            report.entries += 1
            long_lived.tick()
            if progress is not None:
                progress(channel, state.size, total)
    finally:
        long_lived.close()

    if isinstance(entries, Generator):
        entries.close()  # stops the workers' batches still in flight
    stored = store.channel(channel)
    if not log_ok:
        return
    for where, code, message in [*nodes.leftovers(), *checkpoints.leftovers()]:
        problem(where, code, message)
    if tree.size and checkpoints.checked != tree.size:
        problem(
            f"checkpoint at size {tree.size}",
            "checkpoint.missing",
            "no stored checkpoint for the log's size",
        )
    _audit_cosignatures(store, channel, state, checkpoints.origin, problem)
    if stored is None:
        problem("channels table", "projection.missing", "the channel row is missing")
        return
    expected_channel = channel_row(state, tree.size, tree.root(), tree.nodes)
    _compare_rows(problem, "channels", [expected_channel], [stored], ["channel_id"])
    for rows in ROWS.values():
        _compare_table(store, channel, rows, state, problem)
    _compare_records(store, channel, state, problem)


def _where(row: EntryRow) -> str:
    return f"entry seq {row.seq} ({row.entry_id})"


FREEZE_EVERY = 2048
"""Entries folded between two moves of the live objects out of the collector's reach."""


class _LongLived:
    """While a channel is refolded, keeps Python's cycle collector off the folded state.

    The state only grows (a persistent map of every message, every entry's place...),
    and each full collection walks all of it: ~20 µs per entry at 10^5 entries, more as
    it grows. Every :data:`FREEZE_EVERY` entries the objects alive are moved to the
    collector's permanent generation (``gc.freeze``), out of later collections' reach,
    and the youngest generation is collected after 20,000 new objects instead of 700
    (the fold allocates a few dozen objects per entry, nearly all short-lived or kept).
    Younger objects are still collected, and nothing is kept alive by this: reference
    counting frees what the fold drops, frozen or not. :meth:`close` restores the
    thresholds and hands everything back to the collector (``gc.unfreeze``). Does
    nothing when the collector is off or something else in this process froze objects
    (it must not undo that). Only when the collector runs changes, never what the audit
    finds.
    """

    def __init__(self) -> None:
        self.on = gc.isenabled() and gc.get_freeze_count() == 0
        self.count = 0
        self.thresholds = gc.get_threshold()
        if self.on:
            gc.set_threshold(20_000, *self.thresholds[1:])

    def tick(self) -> None:
        self.count += 1
        if self.on and self.count % FREEZE_EVERY == 0:
            gc.freeze()

    def close(self) -> None:
        if self.on:
            gc.set_threshold(*self.thresholds)
            gc.unfreeze()


class _NodeCursor:
    """Walks the stored subtree hashes level by level, in step with the recomputation."""

    def __init__(self, store: Store, channel: str) -> None:
        self.store = store
        self.channel = channel
        self.cursors: dict[int, Iterator[tuple[int, bytes]]] = {}

    def expect(self, level: int, idx: int, h: bytes) -> tuple[str, str] | None:
        if level not in self.cursors:
            self.cursors[level] = self.store.iter_nodes(self.channel, level)
        got = next(self.cursors[level], None)
        if got is None:
            return "tree.node_missing", "the stored tree lacks this node"
        if got[0] != idx:
            return "tree.node_missing", f"the stored tree has node {got[0]} where {idx} belongs"
        if got[1] != h:
            return "tree.node_mismatch", "stored hash differs from the recomputed one"
        return None

    def leftovers(self) -> list[tuple[str, str, str]]:
        out = []
        for level in self.store.node_levels(self.channel):
            cursor = self.cursors.get(level) or self.store.iter_nodes(self.channel, level)
            extra = next(cursor, None)
            if extra is not None:
                out.append(
                    (
                        f"tree node ({level}, {extra[0]})",
                        "tree.node_extra",
                        "node not backed by the log",
                    )
                )
        return out


class _CheckpointCursor:
    """Checks each stored checkpoint when the recomputed tree reaches its size."""

    def __init__(self, store: Store, channel: str, server_key: VerifyKey) -> None:
        self.rows = store.iter_checkpoints(channel)
        self.channel = channel
        self.key = server_key
        self.origin: str | None = None
        self.pending = next(self.rows, None)
        self.checked = 0
        self.verified: dict[str, Checkpoint] = {}
        """Notes whose signature a worker verified, with the checkpoint each carries."""

    def due(self, size: int) -> bool:
        """Whether a checkpoint is stored for ``size``. Appends commit in groups with one
        checkpoint per group, so only the log's final size must have one."""
        return self.pending is not None and self.pending[0] == size

    def expect(self, size: int, root: bytes) -> tuple[str, str] | None:
        """Check the stored checkpoint at ``size`` (call only when :meth:`due`)."""
        pending = self.pending
        assert pending is not None and pending[0] == size
        self.checked = size
        self.pending = next(self.rows, None)
        note = pending[1]
        origin = note.split("\n", 1)[0]
        if not origin.endswith("/" + self.channel) or (
            self.origin is not None and origin != self.origin
        ):
            return "checkpoint.bad_origin", f"origin {origin!r} is not this channel's"
        self.origin = origin
        cp = self.verified.pop(note, None)
        if cp is None:
            try:
                cp = checkpoint_of(note, self.key)
            except ParleyError as exc:
                return exc.code, exc.message
        if cp.size != size or cp.root != root:
            return (
                "checkpoint.root_mismatch",
                "the signed checkpoint does not match the recomputed tree",
            )
        return None

    def leftovers(self) -> list[tuple[str, str, str]]:
        if self.pending is None:
            return []
        return [
            (
                f"checkpoint at size {self.pending[0]}",
                "checkpoint.extra",
                "checkpoint beyond the log",
            )
        ]


def _audit_cosignatures(
    store: Store,
    channel: str,
    state: ChannelState,
    origin: str | None,
    problem: Callable[[str, str, str], None],
) -> None:
    notes: dict[int, str] = {}
    for row in store.witness_cosignatures(channel):
        where = f"witness {row['witness']} cosignature at size {row['size']}"
        cp = store.checkpoint(channel, int(row["size"]))
        try:
            if cp is None:
                raise ParleyError("cosignature.no_checkpoint", "no checkpoint of that size")
            text, _ = split_note(cp[1])
            sig = parse_signature_line(row["line"])
            verify_cosignature(text, sig, row["witness"], VerifyKey.from_b64(row["public_key"]))
        except ParleyError as exc:
            problem(where, exc.code, exc.message)
    stored = {
        (str(r["key_id"]), int(r["size"])): str(r["line"]) for r in store.cosignatures(channel)
    }
    for rec in state[COSIGNED].values():
        # The log says this witness cosigned this size: its row must still be there, as
        # signed. (Rows without a record are older than the record, or not recorded yet.)
        line = stored.get((rec.key_id, rec.size))
        if line is None:
            problem(
                f"cosignature by {rec.key_id} at size {rec.size}",
                "cosignature.missing",
                f"entry {rec.seq} records this cosignature, but it is no longer stored",
            )
        elif line.strip() != rec.cosignature.strip():
            problem(
                f"cosignature by {rec.key_id} at size {rec.size}",
                "cosignature.mismatch",
                f"the stored cosignature differs from the one entry {rec.seq} records",
            )
    for row in store.cosignatures(channel):
        where = f"cosignature by {row['key_id']} at size {row['size']}"
        member = state.members.get(row["key_id"])
        if member is None:
            problem(where, "cosignature.unknown_key", "the cosigner is not a member of the channel")
            continue
        size = int(row["size"])
        if size not in notes:
            cp = store.checkpoint(channel, size)
            notes[size] = "" if cp is None else cp[1]
        try:
            text, _ = split_note(notes[size])
            sig = parse_signature_line(row["line"])
            name = witness_name(member.key_id)
            verify_cosignature(text, sig, name, member.key)
        except ParleyError as exc:
            problem(where, exc.code, exc.message)


def _compare_rows(
    problem: Callable[[str, str, str], None],
    table: str,
    expected: list[dict[str, Any]],
    actual: list[dict[str, Any]],
    key: list[str],
) -> None:
    def k(r: dict[str, Any]) -> str:
        return json.dumps([r[c] for c in key])

    exp = {k(r): r for r in expected}
    act = {k(r): r for r in actual}
    for rk in sorted(exp.keys() - act.keys()):
        problem(f"{table} {rk}", "projection.missing", "row is missing; the log has it")
    for rk in sorted(act.keys() - exp.keys()):
        problem(f"{table} {rk}", "projection.extra", "row is not backed by any entry in the log")
    for rk in sorted(exp.keys() & act.keys()):
        _compare_row(problem, f"{table} {rk}", exp[rk], act[rk])


def _compare_row(
    problem: Callable[[str, str, str], None], where: str, exp: dict[str, Any], act: dict[str, Any]
) -> None:
    if exp == act:
        return
    for col, value in exp.items():
        if _norm(act.get(col)) != _norm(value):
            problem(
                where,
                "projection.mismatch",
                f"column {col} is {act.get(col)!r}; refolding the log gives {value!r}",
            )


def _compare_records(
    store: Store, channel: str, state: ChannelState, problem: Callable[[str, str, str], None]
) -> None:
    expected = record_keys(state)
    seen: set[tuple[str, str]] = set()
    for row in store.iter_records(channel):
        pk = (str(row["kind"]), str(row["key"]))
        where = f"records {pk[0]} {pk[1]!r}"
        if pk not in expected:
            problem(where, "projection.extra", "row is not backed by any entry in the log")
            continue
        seen.add(pk)
        _compare_row(problem, where, record_row(state, RECORDS[pk[0]], pk[1]), row)
    for kind, name in sorted(expected - seen):
        problem(f"records {kind} {name!r}", "projection.missing", "row is missing; the log has it")


def _compare_table(
    store: Store,
    channel: str,
    rows: RowKind,
    state: ChannelState,
    problem: Callable[[str, str, str], None],
) -> None:
    """Stream the stored rows page by page and compare each with the row rendered from
    the refolded state; memory stays at one page plus the state itself."""
    table, render, keys = rows.sql_table, rows.row, state[rows.table]
    seen = 0
    for row in store.iter_rows(table, channel):
        key = row[store.key_column(table)]
        where = f"{table} {json.dumps([key])}"
        if key not in keys:
            problem(where, "projection.extra", "row is not backed by any entry in the log")
            continue
        seen += 1
        _compare_row(problem, where, render(state, key), row)
    if seen != len(keys):
        stored = {r[store.key_column(table)] for r in store.iter_rows(table, channel)}
        for key in sorted(k for k in keys if k not in stored):
            problem(
                f"{table} {json.dumps([key])}",
                "projection.missing",
                "row is missing; the log has it",
            )


def _norm(v: Any) -> Any:
    if isinstance(v, bool):
        return int(v)
    return v
