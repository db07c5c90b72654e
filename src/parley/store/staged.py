"""The rows of one append transaction, sent at its end as driver SQL.

The append path writes every channel's rows of a group in one transaction: entry rows,
projection upserts, new tree nodes, one checkpoint per channel and (PostgreSQL) one
``NOTIFY`` per channel. They go out on the DB-API cursor of the transaction's
connection, one statement per table for all channels — SQLAlchemy's per-statement
execution context costs more than the driver's work for a group of a few rows. On
PostgreSQL the tables that only ever gain rows (``entries``, ``tree_nodes``) take more
than one row by ``COPY`` (psycopg's ``executemany`` costs about 25 µs of CPU a row, a
``COPY`` about 90 µs a statement and 1 µs a row), and each channel's ``channels`` row,
checkpoint and ``NOTIFY`` go in one statement (:meth:`Statements.close_channel`).

The driver's errors are raised as SQLAlchemy's (:func:`driver_errors`), the connection
marked invalid when the driver says it is gone, as ``Connection.execute`` does: callers
(the appender, the crash and partition tests) see the same ``DBAPIError`` family
whichever way a statement went. The transaction itself — ``BEGIN``, ``COMMIT``, the
rollback of a failed one — stays SQLAlchemy's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from parley.model.feature import Row
from parley.store import tables as t

NOTIFY_CHANNEL = "parley_entries"
"""PostgreSQL NOTIFY channel on which every committed append is announced as
``"<channel id> <tree size>"``."""


def columns(table_name: str) -> list[str]:
    """The table's columns in schema order (the order staged tuples follow)."""
    return [c.name for c in t.metadata.tables[table_name].columns]


class Statements:
    """INSERT, upsert (``ON CONFLICT (primary key) DO UPDATE``, which SQLite and
    PostgreSQL both speak) and COPY for each table, in the driver's named-parameter
    style, built once per dialect."""

    def __init__(self, dialect: str) -> None:
        self.mark = "%({})s" if dialect == "postgresql" else ":{}"
        self._cache: dict[tuple[str, str], str] = {}

    def insert(self, table_name: str) -> str:
        key = ("insert", table_name)
        if key not in self._cache:
            cols = columns(table_name)
            marks = ", ".join(self.mark.format(c) for c in cols)
            # Table and column names come from our own schema; values are parameters.
            self._cache[key] = f"INSERT INTO {table_name} ({', '.join(cols)}) VALUES ({marks})"  # noqa: S608
        return self._cache[key]

    def upsert(self, table_name: str) -> str:
        key = ("upsert", table_name)
        if key not in self._cache:
            cols = columns(table_name)
            pk = [c.name for c in t.metadata.tables[table_name].primary_key.columns]
            sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c not in pk)
            self._cache[key] = (
                f"{self.insert(table_name)} ON CONFLICT ({', '.join(pk)}) DO UPDATE SET {sets}"
            )
        return self._cache[key]

    def insert_rows(self, table_name: str) -> str:
        """INSERT of every column with positional parameters (for rows as tuples)."""
        key = ("insert_rows", table_name)
        if key not in self._cache:
            cols = columns(table_name)
            marks = ", ".join(["%s" if self.mark.startswith("%") else "?"] * len(cols))
            # Table and column names come from our own schema; values are parameters.
            self._cache[key] = f"INSERT INTO {table_name} ({', '.join(cols)}) VALUES ({marks})"  # noqa: S608
        return self._cache[key]

    def copy(self, table_name: str) -> str:
        """PostgreSQL ``COPY ... FROM STDIN`` of every column, in schema order."""
        return f"COPY {table_name} ({', '.join(columns(table_name))}) FROM STDIN"

    def close_channel(self) -> str:
        """PostgreSQL: a channel's part of a group closed in one statement — its
        ``channels`` row upserted, its checkpoint inserted and the append announced
        (``NOTIFY``, sent only if the transaction commits). Named parameters: the
        channel row's columns, ``cp_size``, ``cp_note``, ``notify_channel``, ``notice``."""
        key = ("close_channel", "channels")
        if key not in self._cache:
            # Only our own statements are formatted in; every value is a parameter.
            self._cache[key] = (
                f"WITH ch AS ({self.upsert('channels')}), "  # noqa: S608
                "cp AS (INSERT INTO checkpoints (channel_id, size, note) "
                "VALUES (%(channel_id)s, %(cp_size)s, %(cp_note)s)) "
                "SELECT pg_notify(%(notify_channel)s, %(notice)s)"
            )
        return self._cache[key]

    def ledger(self) -> str:
        """A channel's tree size and frontier (parameter ``channel_id``)."""
        return f"SELECT tree_size, frontier FROM channels WHERE channel_id = {self.mark.format('channel_id')}"  # noqa: S608


_STATEMENTS: dict[str, Statements] = {}


def statements(dialect: str) -> Statements:
    if dialect not in _STATEMENTS:
        _STATEMENTS[dialect] = Statements(dialect)
    return _STATEMENTS[dialect]


@contextmanager
def driver_errors(conn: Connection, statement: str) -> Iterator[Any]:
    """The DB-API connection under ``conn`` (in ``conn``'s transaction), for driver SQL;
    a driver error raised meanwhile comes out as SQLAlchemy's ``DBAPIError`` subclass
    for it (``OperationalError``, ``IntegrityError``…), and a connection the driver says
    is gone is invalidated (the pool then drops it), as ``Connection.execute`` would.

    Raises:
        DBAPIError: the driver's error, wrapped (``statement`` names the statement).
    """
    raw = conn.connection.driver_connection
    dialect = conn.dialect
    dbapi = dialect.loaded_dbapi
    try:
        yield raw
    except dbapi.Error as exc:
        gone = dialect.is_disconnect(exc, raw, None)
        if gone:
            conn.invalidate(exc)
        raise DBAPIError.instance(
            statement, None, exc, dbapi.Error, connection_invalidated=gone, dialect=dialect
        ) from exc


@dataclass
class Staged:
    """Rows written by every channel of one transaction, sent at its end: one statement
    per table for all channels rather than one per table and channel. Entry rows, tree
    nodes and checkpoints are tuples in the table's column order; the projection rows
    are the renderers' dicts."""

    entries: list[Sequence[Any]] = field(default_factory=list)
    channels: list[Row] = field(default_factory=list)
    projections: dict[str, list[Row]] = field(default_factory=dict)
    nodes: list[Sequence[Any]] = field(default_factory=list)
    checkpoints: list[Sequence[Any]] = field(default_factory=list)
    notices: list[tuple[str, str]] = field(default_factory=list)

    def flush(self, conn: Connection) -> None:
        """Write everything staged, in ``conn``'s transaction.

        Raises:
            DBAPIError: a statement failed (the transaction is to be rolled back).
        """
        postgres = conn.dialect.name == "postgresql"
        sql = statements(conn.dialect.name)
        with driver_errors(conn, "append: staged rows") as raw:
            cur = raw.cursor()
            try:
                for table_name, rows in self._append_only(postgres):
                    if len(rows) > 1 and postgres:
                        with cur.copy(sql.copy(table_name)) as copy:
                            for row in rows:
                                copy.write_row(row)
                    elif rows:
                        _run(cur, sql.insert_rows(table_name), rows)
                if postgres and self.channels:
                    # One statement per channel instead of three (each ~60 µs of psycopg).
                    _run(cur, sql.close_channel(), self._closings())
                elif self.channels:
                    _run(cur, sql.upsert("channels"), self.channels)
                for table_name, upserts in self.projections.items():
                    if upserts:
                        _run(cur, sql.upsert(table_name), upserts)
            finally:
                cur.close()

    def _append_only(self, postgres: bool) -> tuple[tuple[str, list[Sequence[Any]]], ...]:
        parts = (("entries", self.entries), ("tree_nodes", self.nodes))
        # PostgreSQL writes the checkpoints with the channel rows (:meth:`_closings`).
        return parts if postgres else (*parts, ("checkpoints", self.checkpoints))

    def _closings(self) -> list[Row]:
        """Each channel's row, checkpoint and notice as one parameter set (staged
        together, one of each per channel, in the same order)."""
        assert len(self.channels) == len(self.checkpoints) == len(self.notices)
        return [
            {**row, "cp_size": cp[1], "cp_note": cp[2], "notify_channel": ch, "notice": notice}
            for row, cp, (ch, notice) in zip(
                self.channels, self.checkpoints, self.notices, strict=True
            )
        ]


def _run(cur: Any, statement: str, rows: Sequence[Any]) -> None:
    """One statement over ``rows``: a single row by ``execute`` — psycopg's
    ``executemany`` sets up a pipeline first, which costs twice a plain execute."""
    if len(rows) == 1:
        cur.execute(statement, rows[0])
    else:
        cur.executemany(statement, rows)
