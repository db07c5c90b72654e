"""A durable outbox on the party's machine (SQLite, standard library).

An entry is signed once and stored here before the first attempt to send it, so a crash
or a dead network loses nothing. ``flush`` resends pending entries in the order they
were written (several of one channel in one batch request), with the client's retries;
because the server is idempotent on entry ids, a resend of an entry that did arrive (its
answer lost) appends nothing and returns the original receipt. An entry the server
refuses (a 4xx answer) is kept, marked failed, with the server's error, and is not
retried; one it only slowed down (429) stays pending.
"""

from __future__ import annotations

import json
import sqlite3
import warnings
from dataclasses import dataclass
from pathlib import Path

from parley.client.client import ApiError, ParleyClient, Unreachable
from parley.files import private_file
from parley.model.entry import Entry
from parley.model.relay import RelayReceipt

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    entry TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',  -- pending | sent | failed
    seq INTEGER,
    error TEXT
)
"""


@dataclass(frozen=True)
class Item:
    entry_id: str
    channel: str
    state: str
    seq: int | None
    error: str | None
    """The server's error code, for a refused entry."""
    message: str = ""
    """The server's explanation, for a refused entry."""

    @classmethod
    def of(cls, row: tuple[str, str, str, int | None, str | None]) -> Item:
        entry_id, channel, state, seq, stored = row
        code, _, message = (stored or "").partition(": ")
        return cls(entry_id, channel, state, seq, code or None, message)


class Outbox:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        # It holds message texts not sent yet: the owner's only, -wal and -shm included.
        for note in private_file(path):
            warnings.warn(note, stacklevel=2)
        with self._db() as db:
            db.execute(SCHEMA)

    def _db(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        return db

    def put(self, entry: Entry) -> None:
        """Store a signed entry durably before anything is sent."""
        with self._db() as db:
            db.execute(
                "INSERT OR IGNORE INTO outbox (entry_id, channel, entry) VALUES (?, ?, ?)",
                (entry.id, entry.header.channel, json.dumps(entry.to_json())),
            )

    def items(self, state: str | None = None) -> list[Item]:
        q = "SELECT entry_id, channel, state, seq, error FROM outbox"
        args: tuple[str, ...] = ()
        if state is not None:
            q += " WHERE state = ?"
            args = (state,)
        with self._db() as db:
            return [Item.of(row) for row in db.execute(q + " ORDER BY n", args)]

    def flush(self, client: ParleyClient) -> list[Item]:
        """Send every pending entry, oldest first per channel: one at a time when a
        channel has one pending, through the batch route when it has more. Stops at the
        first unreachable server.

        Returns the items this call settled (sent or failed).
        """
        settled: list[Item] = []
        with self._db() as db:
            pending = list(
                db.execute("SELECT entry_id, entry FROM outbox WHERE state = 'pending' ORDER BY n")
            )
        by_channel: dict[str, list[Entry]] = {}
        for _, raw in pending:
            entry = Entry.from_json(json.loads(raw))
            by_channel.setdefault(entry.header.channel, []).append(entry)
        for entries in by_channel.values():
            try:
                if len(entries) == 1:
                    answers = [self._one(client, entries[0])]
                else:
                    answers = client.submit_many(entries)
            except Unreachable:
                break
            for entry, answer in zip(entries, answers, strict=True):
                item = self._settle_one(entry, answer)
                if item is not None:
                    settled.append(item)
        return settled

    @staticmethod
    def _one(client: ParleyClient, entry: Entry) -> RelayReceipt | ApiError:
        try:
            return client.submit(entry)
        except ApiError as exc:
            return exc

    def _settle_one(self, entry: Entry, answer: RelayReceipt | ApiError) -> Item | None:
        """Record the server's answer; an entry it only slowed down stays pending."""
        channel = entry.header.channel
        if isinstance(answer, RelayReceipt):
            self._settle(entry.id, "sent", answer.seq, None)
            return Item(entry.id, channel, "sent", answer.seq, None)
        if answer.status == 429:
            return None
        self._settle(entry.id, "failed", None, f"{answer.code}: {answer.message}")
        return Item(entry.id, channel, "failed", None, answer.code, answer.message)

    def _settle(self, entry_id: str, state: str, seq: int | None, error: str | None) -> None:
        with self._db() as db:
            db.execute(
                "UPDATE outbox SET state = ?, seq = ?, error = ? WHERE entry_id = ?",
                (state, seq, error, entry_id),
            )
