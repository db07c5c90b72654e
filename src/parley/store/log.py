"""The append-only log and its projections in one database.

``Store.write_all(channels)`` opens the one transaction in which entry rows, tree
frontiers and every projection row they change are written, for any number of channels:
all of it lands, or none. Appends to a channel are serialised: SQLite by ``BEGIN
IMMEDIATE``, PostgreSQL by a transaction-scoped advisory lock per channel, taken in
ascending key order so that two writers never wait on each other in a cycle.
"""

from __future__ import annotations

import hashlib
import json
import threading
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, and_, delete, func, insert, or_, select
from sqlalchemy.engine import Connection, CursorResult
from sqlalchemy.exc import IntegrityError

from parley.model.feature import Row
from parley.store import tables as t
from parley.store.staged import NOTIFY_CHANNEL, Staged, driver_errors, statements

__all__ = ["NOTIFY_CHANNEL", "EntryRow", "Ledger", "Store", "WriteTx"]

PROJECTION_KEYS = {
    "sides": "side_id",
    "members": "key_id",
    "messages": "entry_id",
    "receipts": "entry_id",
}


@dataclass(frozen=True)
class EntryRow:
    channel_id: str
    seq: int
    entry_id: str
    type: str
    author: str
    header: str
    signature: str
    body: str
    salt: str
    leaf_hash: str
    received_at: str
    relay_signature: str

    @classmethod
    def of(cls, row: Any) -> EntryRow:
        # Positional: select(entries) yields the columns in this dataclass's field order
        # (a test pins that).
        return cls(*row)

    def as_dict(self) -> Row:
        return dict(self.__dict__)

    def as_tuple(self) -> tuple[Any, ...]:
        """The values in the ``entries`` table's column order (this dataclass's field
        order, which a test pins)."""
        return tuple(self.__dict__.values())


def _dicts(result: CursorResult[Any]) -> list[Row]:
    """A result's rows as dicts (what ``dict(row._mapping)`` gives), fetched at once."""
    names = list(result.keys())
    return [dict(zip(names, r, strict=True)) for r in result.all()]


@dataclass(frozen=True)
class Ledger:
    size: int
    frontier: list[bytes]


class WriteTx:
    """One channel's part of an append transaction: reads see the database as of this
    transaction; :meth:`append` stages rows that are written when it ends."""

    def __init__(self, conn: Connection, channel_id: str, staged: Staged | None = None) -> None:
        self.conn = conn
        self.channel_id = channel_id
        self._staged = Staged() if staged is None else staged

    def ledger(self) -> Ledger | None:
        """The channel's tree size and frontier, None before its first entry.

        Raises:
            DBAPIError: the read failed.
        """
        # Driver SQL on the DB-API cursor: read once per channel and group on the append path.
        statement = statements(self.conn.dialect.name).ledger()
        with driver_errors(self.conn, statement) as raw:
            cur = raw.cursor()
            try:
                cur.execute(statement, {"channel_id": self.channel_id})
                row = cur.fetchone()
            finally:
                cur.close()
        if row is None:
            return None
        return Ledger(int(row[0]), [bytes.fromhex(h) for h in json.loads(row[1])])

    def find_entry(self, entry_id: str) -> EntryRow | None:
        row = self.conn.execute(
            select(t.entries).where(
                t.entries.c.channel_id == self.channel_id, t.entries.c.entry_id == entry_id
            )
        ).first()
        return None if row is None else EntryRow.of(row)

    def latest_cosignatures(self) -> list[tuple[str, int, str]]:
        """Each member's latest cosignature of this channel: (key id, size, line)."""
        c = t.cosignatures
        latest = (
            select(c.c.key_id, func.max(c.c.size).label("size"))
            .where(c.c.channel_id == self.channel_id)
            .group_by(c.c.key_id)
            .subquery()
        )
        rows = self.conn.execute(
            select(c.c.key_id, c.c.size, c.c.line).join(
                latest,
                and_(
                    c.c.channel_id == self.channel_id,
                    c.c.key_id == latest.c.key_id,
                    c.c.size == latest.c.size,
                ),
            )
        )
        return [(str(r.key_id), int(r.size), str(r.line)) for r in rows]

    def entries_after(self, seq: int) -> list[EntryRow]:
        rows = self.conn.execute(
            select(t.entries)
            .where(t.entries.c.channel_id == self.channel_id, t.entries.c.seq > seq)
            .order_by(t.entries.c.seq)
        )
        return [EntryRow.of(r) for r in rows]

    def append(
        self,
        entries: list[EntryRow],
        channel: Row,
        projections: dict[str, list[Row]],
        nodes: list[tuple[int, int, bytes]],
        checkpoint: tuple[int, str],
    ) -> None:
        """Stage a batch of this channel's entries with everything derived from them: the
        entry rows, the changed projection rows, the new tree nodes and one checkpoint at
        the batch's final size. They are written, with every other channel's, when the
        transaction ends (:meth:`Store.write_all`).

        This is the hot path, so the rows go out as driver SQL on the DB-API cursor (one
        statement per table for the whole group: ``COPY`` or executemany, native upserts;
        :mod:`parley.store.staged`) rather than as SQLAlchemy expressions.
        """
        # Every row is built before any is staged: a channel whose rows cannot be built
        # leaves nothing half-staged for the others' flush.
        entry_rows = [e.as_tuple() for e in entries]
        channel_id = self.channel_id
        node_rows = [(channel_id, lv, ix, h) for lv, ix, h in nodes]
        staged = self._staged
        staged.entries += entry_rows
        staged.channels.append(channel)
        for table_name, rows in projections.items():
            staged.projections.setdefault(table_name, []).extend(rows)
        staged.nodes += node_rows
        staged.checkpoints.append((channel_id, checkpoint[0], checkpoint[1]))
        staged.notices.append((NOTIFY_CHANNEL, f"{channel_id} {checkpoint[0]}"))


def _lock_key(channel_id: str) -> int:
    """The channel's PostgreSQL advisory lock (a signed 64-bit key)."""
    return zlib.crc32(channel_id.encode()) - 2**31


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_postgres = engine.dialect.name == "postgresql"
        self._kept: dict[int, Connection | None] = {}
        """Per thread that keeps its append connection (:meth:`keep_connection`): the
        connection, or None until its next append transaction opens one."""
        self._kept_guard = threading.Lock()

    def keep_connection(self) -> None:
        """Keep the connection of this thread's append transactions checked out from one
        to the next, until :meth:`release_connection` (the appender's writer thread, while
        it runs): no pool checkout and return, and on PostgreSQL no pre-ping round trip,
        per group. A transaction that fails closes it; the next opens a fresh one."""
        with self._kept_guard:
            self._kept.setdefault(threading.get_ident(), None)

    def release_connection(self) -> None:
        """Return this thread's kept connection to the pool, and keep none any more."""
        with self._kept_guard:
            conn = self._kept.pop(threading.get_ident(), None)
        if conn is not None:
            conn.close()

    @contextmanager
    def _append_connection(self) -> Iterator[Connection]:
        me = threading.get_ident()
        with self._kept_guard:
            keeping = me in self._kept
            conn = self._kept.get(me)
        if not keeping:
            with self.engine.connect().execution_options(parley_write=True) as fresh:
                yield fresh
            return
        if conn is None or conn.invalidated or conn.closed:
            conn = self.engine.connect().execution_options(parley_write=True)
            with self._kept_guard:
                self._kept[me] = conn
        try:
            yield conn
        except BaseException:
            with self._kept_guard:
                if me in self._kept:
                    self._kept[me] = None
            conn.close()
            raise

    @contextmanager
    def write_all(self, channel_ids: Iterable[str]) -> Iterator[dict[str, WriteTx]]:
        """One append transaction for these channels, each with its :class:`WriteTx`; what
        they stage is written at the end, then the transaction commits (one fsync).

        On PostgreSQL the channels' advisory locks are taken in ascending key order: every
        writer (this one, another server process on the same database) takes them in that
        order, so none waits for a lock held by one that waits for it.

        The connection is a fresh one from the pool, or the one this thread keeps
        (:meth:`keep_connection`).
        """
        ids = sorted(set(channel_ids))
        staged = Staged()
        with self._append_connection() as conn, conn.begin():
            if self.is_postgres:
                for key in sorted({_lock_key(c) for c in ids}):
                    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%(k)s)", {"k": key})
            yield {c: WriteTx(conn, c, staged) for c in ids}
            staged.flush(conn)

    @contextmanager
    def write(self, channel_id: str) -> Iterator[WriteTx]:
        """:meth:`write_all` for one channel."""
        with self.write_all([channel_id]) as txs:
            yield txs[channel_id]

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    # --- reads -----------------------------------------------------------------

    def channel_ids(self) -> list[str]:
        """Every channel id that appears in any table (a stray row makes a phantom channel
        that the audit then reports)."""
        ids: set[str] = set()
        with self.read() as conn:
            for table in t.metadata.tables.values():
                if "channel_id" in table.c:
                    ids |= {r[0] for r in conn.execute(select(table.c.channel_id).distinct())}
        return sorted(ids)

    def known_channels(self) -> list[str]:
        """Channels as the channels projection lists them (cheap: one small table)."""
        with self.read() as conn:
            return sorted(r[0] for r in conn.execute(select(t.channels.c.channel_id)))

    def channel(self, channel_id: str) -> Row | None:
        with self.read() as conn:
            row = conn.execute(
                select(t.channels).where(t.channels.c.channel_id == channel_id)
            ).first()
        return None if row is None else dict(row._mapping)

    def rows(self, table_name: str, channel_id: str) -> list[Row]:
        table = t.metadata.tables[table_name]
        with self.read() as conn:
            return [
                dict(r._mapping)
                for r in conn.execute(select(table).where(table.c.channel_id == channel_id))
            ]

    def key_column(self, table_name: str) -> str:
        """The column that, with channel_id, is the primary key of a projection table."""
        return PROJECTION_KEYS[table_name]

    def iter_rows(self, table_name: str, channel_id: str, batch: int = 2000) -> Iterator[Row]:
        """A projection's rows for one channel, page by page (keyset pagination)."""
        table = t.metadata.tables[table_name]
        key = table.c[self.key_column(table_name)]
        last: str | None = None
        while True:
            q = select(table).where(table.c.channel_id == channel_id).order_by(key).limit(batch)
            if last is not None:
                q = q.where(key > last)
            with self.read() as conn:
                rows = _dicts(conn.execute(q))
            yield from rows
            if len(rows) < batch:
                return
            last = rows[-1][key.name]

    def iter_records(self, channel_id: str, batch: int = 1000) -> Iterator[Row]:
        r = t.records
        last: tuple[str, str] | None = None
        while True:
            q = (
                select(r)
                .where(r.c.channel_id == channel_id)
                .order_by(r.c.kind, r.c.key)
                .limit(batch)
            )
            if last is not None:
                q = q.where(or_(r.c.kind > last[0], and_(r.c.kind == last[0], r.c.key > last[1])))
            with self.read() as conn:
                rows = _dicts(conn.execute(q))
            yield from rows
            if len(rows) < batch:
                return
            last = (rows[-1]["kind"], rows[-1]["key"])

    def records(self, channel_id: str, kind: str, key: str | None = None) -> list[Row]:
        r = t.records
        q = select(r).where(r.c.channel_id == channel_id, r.c.kind == kind).order_by(r.c.key)
        if key is not None:
            q = q.where(r.c.key == key)
        with self.read() as conn:
            return [dict(x._mapping) for x in conn.execute(q)]

    def member_channels(self, key_id: str) -> list[str]:
        with self.read() as conn:
            rows = conn.execute(
                select(t.members.c.channel_id).where(
                    t.members.c.key_id == key_id, t.members.c.active
                )
            )
            return sorted({r[0] for r in rows})

    def member(self, channel_id: str, key_id: str) -> Row | None:
        with self.read() as conn:
            row = conn.execute(
                select(t.members).where(
                    t.members.c.channel_id == channel_id, t.members.c.key_id == key_id
                )
            ).first()
        return None if row is None else dict(row._mapping)

    def entries(self, channel_id: str, after: int = 0, limit: int | None = None) -> list[EntryRow]:
        q = (
            select(t.entries)
            .where(t.entries.c.channel_id == channel_id, t.entries.c.seq > after)
            .order_by(t.entries.c.seq)
        )
        if limit is not None:
            q = q.limit(limit)
        with self.read() as conn:
            return [EntryRow.of(r) for r in conn.execute(q).all()]

    def iter_entries(self, channel_id: str, batch: int = 2000) -> Iterator[EntryRow]:
        """Every entry of a channel in stored order, in batches (flat memory)."""
        after = -(2**62)
        while True:
            rows = self.entries(channel_id, after, batch)
            yield from rows
            if len(rows) < batch:
                return
            after = rows[-1].seq

    def count_entries(self, channel_id: str) -> int:
        with self.read() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(t.entries)
                    .where(t.entries.c.channel_id == channel_id)
                ).scalar_one()
            )

    def messages(self, channel_id: str, side: str | None) -> list[Row]:
        """Messages a side may see (all of them for ``side=None``, the mediator)."""
        m = t.messages
        q = select(m).where(m.c.channel_id == channel_id).order_by(m.c.seq)
        if side is not None:
            q = q.where(or_(m.c.sender_side == side, m.c.to_side == side))
        with self.read() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def receipts_for(self, channel_id: str, message_ids: list[str]) -> list[Row]:
        if not message_ids:
            return []
        r = t.receipts
        q = (
            select(r)
            .where(r.c.channel_id == channel_id, r.c.message_id.in_(message_ids))
            .order_by(r.c.seq)
        )
        with self.read() as conn:
            return [dict(x._mapping) for x in conn.execute(q)]

    def message_sides(self, channel_id: str, ids: list[str]) -> dict[str, tuple[str, str]]:
        """(sender side, recipient side) for message ids, and for receipt ids their message's."""
        if not ids:
            return {}
        m, r = t.messages, t.receipts
        out: dict[str, tuple[str, str]] = {}
        with self.read() as conn:
            for row in conn.execute(
                select(m.c.entry_id, m.c.sender_side, m.c.to_side).where(
                    m.c.channel_id == channel_id, m.c.entry_id.in_(ids)
                )
            ):
                out[row.entry_id] = (row.sender_side, row.to_side)
            for row in conn.execute(
                select(r.c.entry_id, m.c.sender_side, m.c.to_side)
                .join(m, and_(m.c.channel_id == r.c.channel_id, m.c.entry_id == r.c.message_id))
                .where(r.c.channel_id == channel_id, r.c.entry_id.in_(ids))
            ):
                out[row.entry_id] = (row.sender_side, row.to_side)
        return out

    # --- the tree -------------------------------------------------------------------

    def nodes(self, channel_id: str, keys: list[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
        """Stored subtree hashes by (level, index), in one query; missing ones are absent."""
        by_level: dict[int, list[int]] = {}
        for level, idx in keys:
            by_level.setdefault(level, []).append(idx)
        out: dict[tuple[int, int], bytes] = {}
        if not by_level:
            return out
        # One SELECT per level joined by UNION ALL, each a primary-key lookup (an OR of
        # per-level conditions makes SQLite scan). Built as driver SQL: this is the
        # cold-proof hot path, and building SQLAlchemy expressions costs more than the query.
        ph = "?" if self.engine.dialect.paramstyle == "qmark" else "%s"
        parts, params = [], []
        for lv, ids in by_level.items():
            parts.append(
                # Only placeholders are formatted in; every value is a bound parameter.
                f"SELECT level, idx, hash FROM tree_nodes WHERE channel_id = {ph} AND level = {ph} "  # noqa: S608
                f"AND idx IN ({', '.join([ph] * len(ids))})"
            )
            params += [channel_id, lv, *ids]
        with self.read() as conn:
            for level, idx, h in conn.exec_driver_sql(" UNION ALL ".join(parts), tuple(params)):
                out[(int(level), int(idx))] = bytes(h)
        return out

    def node_range(self, channel_id: str, level: int, start: int, end: int) -> list[bytes]:
        """Hashes of nodes ``start <= idx < end`` at ``level``, in order."""
        n = t.tree_nodes
        q = (
            select(n.c.idx, n.c.hash)
            .where(
                n.c.channel_id == channel_id, n.c.level == level, n.c.idx >= start, n.c.idx < end
            )
            .order_by(n.c.idx)
        )
        with self.read() as conn:
            return [bytes(r.hash) for r in conn.execute(q)]

    def iter_nodes(
        self, channel_id: str, level: int, batch: int = 5000
    ) -> Iterator[tuple[int, bytes]]:
        n = t.tree_nodes
        after = -1
        while True:
            q = (
                select(n.c.idx, n.c.hash)
                .where(n.c.channel_id == channel_id, n.c.level == level, n.c.idx > after)
                .order_by(n.c.idx)
                .limit(batch)
            )
            with self.read() as conn:
                rows = [(int(i), bytes(h)) for i, h in conn.execute(q).all()]
            yield from rows
            if len(rows) < batch:
                return
            after = rows[-1][0]

    def node_levels(self, channel_id: str) -> list[int]:
        n = t.tree_nodes
        with self.read() as conn:
            return sorted(
                int(r[0])
                for r in conn.execute(
                    select(n.c.level).where(n.c.channel_id == channel_id).distinct()
                )
            )

    def seq_of_entry(self, channel_id: str, entry_id: str) -> int | None:
        e = t.entries
        with self.read() as conn:
            row = conn.execute(
                select(e.c.seq).where(e.c.channel_id == channel_id, e.c.entry_id == entry_id)
            ).first()
        return None if row is None else int(row.seq)

    def seq_of_leaf(self, channel_id: str, leaf_hash: str) -> int | None:
        e = t.entries
        with self.read() as conn:
            row = conn.execute(
                select(e.c.seq).where(e.c.channel_id == channel_id, e.c.leaf_hash == leaf_hash)
            ).first()
        return None if row is None else int(row.seq)

    def checkpoint(self, channel_id: str, size: int | None = None) -> tuple[int, str] | None:
        """The checkpoint at ``size``, or the latest one."""
        c = t.checkpoints
        q = select(c.c.size, c.c.note).where(c.c.channel_id == channel_id)
        q = q.where(c.c.size == size) if size is not None else q.order_by(c.c.size.desc()).limit(1)
        with self.read() as conn:
            row = conn.execute(q).first()
        return None if row is None else (int(row.size), str(row.note))

    def iter_checkpoints(self, channel_id: str, batch: int = 5000) -> Iterator[tuple[int, str]]:
        c = t.checkpoints
        after = -1
        while True:
            q = (
                select(c.c.size, c.c.note)
                .where(c.c.channel_id == channel_id, c.c.size > after)
                .order_by(c.c.size)
                .limit(batch)
            )
            with self.read() as conn:
                rows = [(int(s), str(note)) for s, note in conn.execute(q).all()]
            yield from rows
            if len(rows) < batch:
                return
            after = rows[-1][0]

    def cosignatures(self, channel_id: str, size: int | None = None) -> list[Row]:
        c = t.cosignatures
        q = select(c).where(c.c.channel_id == channel_id).order_by(c.c.size, c.c.key_id)
        if size is not None:
            q = q.where(c.c.size == size)
        with self.read() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def last_cosigned(self, channel_id: str, key_id: str) -> int:
        """The largest size ``key_id`` cosigned in this channel (0: none)."""
        c = t.cosignatures
        with self.read() as conn:
            v = conn.execute(
                select(func.max(c.c.size)).where(c.c.channel_id == channel_id, c.c.key_id == key_id)
            ).scalar()
        return int(v or 0)

    def add_cosignature(self, channel_id: str, size: int, key_id: str, line: str) -> bool:
        """Store a cosignature; False when this key already cosigned this size."""
        c = t.cosignatures
        with self.engine.connect().execution_options(parley_write=True) as conn, conn.begin():
            exists = conn.execute(
                select(c.c.line).where(
                    c.c.channel_id == channel_id, c.c.size == size, c.c.key_id == key_id
                )
            ).first()
            if exists is not None:
                return False
            conn.execute(
                insert(c).values(channel_id=channel_id, size=size, key_id=key_id, line=line)
            )
            return True

    def witness_cosignatures(self, channel_id: str, size: int | None = None) -> list[Row]:
        w = t.witness_cosignatures
        q = select(w).where(w.c.channel_id == channel_id).order_by(w.c.size, w.c.witness)
        if size is not None:
            q = q.where(w.c.size == size)
        with self.read() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def last_witnessed(self, channel_id: str, witness: str) -> int:
        w = t.witness_cosignatures
        with self.read() as conn:
            v = conn.execute(
                select(func.max(w.c.size)).where(
                    w.c.channel_id == channel_id, w.c.witness == witness
                )
            ).scalar()
        return int(v or 0)

    def add_witness_cosignature(
        self, channel_id: str, size: int, witness: str, public_key: str, line: str
    ) -> None:
        w = t.witness_cosignatures
        with self.engine.connect().execution_options(parley_write=True) as conn, conn.begin():
            conn.execute(
                delete(w).where(
                    w.c.channel_id == channel_id, w.c.size == size, w.c.witness == witness
                )
            )
            conn.execute(
                insert(w).values(
                    channel_id=channel_id,
                    size=size,
                    witness=witness,
                    public_key=public_key,
                    line=line,
                )
            )

    # --- auth challenges (ephemeral, not part of the record) -------------------

    def use_challenge(self, nonce: str, key_id: str, expires_at: str) -> bool:
        """Record a challenge as used (by its SHA-256); True only the first time (until it
        expires and is purged, after which it is refused as expired anyway)."""
        c = t.auth_challenges
        digest = hashlib.sha256(nonce.encode()).hexdigest()
        with self.engine.connect().execution_options(parley_write=True) as conn, conn.begin():
            exists = conn.execute(select(c.c.nonce).where(c.c.nonce == digest)).first()
            if exists is not None:
                return False
            try:
                conn.execute(
                    insert(c).values(nonce=digest, key_id=key_id, expires_at=expires_at, used=1)
                )
            except IntegrityError:  # redeemed at the same moment by another request
                return False
            return True

    def purge_challenges(self, now: str) -> int:
        """Delete used challenges that have expired; how many."""
        c = t.auth_challenges
        with self.engine.connect().execution_options(parley_write=True) as conn, conn.begin():
            return int(conn.execute(delete(c).where(c.c.expires_at < now)).rowcount or 0)
