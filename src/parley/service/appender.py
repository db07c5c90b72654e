"""The append path: submit an entry and get a receipt once it is durable.

A submission is checked where it arrives (parsed, its author and signature checked),
then queues for its channel; the server's one writer thread (:mod:`parley.service.writer`)
commits what is queued on every channel group by group — each group one transaction and
one fsync, with one signed checkpoint per channel in it — and every submitter is answered
only after its own group has committed: a coroutine (the API) through a future, a thread
(timers, CLI) through an event. A failed commit fails that group's submitters on every
channel in it, drops those channels' working state (it is rebuilt from the database) and
the writer carries on with the next group. The appender keeps each
channel's state and tree frontier in memory (checking, inside every append transaction,
that no other process appended since; if one did, it folds the new entries first), and
after each commit publishes the new state to :class:`Snapshots`, where readers take it.
The database is the truth, the cache a shortcut.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import DBAPIError

from parley.crypto.canonical import canonical_order
from parley.crypto.digest import new_salt
from parley.crypto.keys import KeyId, SigningKey
from parley.errors import Conflict, Forbidden, InvalidInput, ParleyError, Rejected
from parley.ledger import CompactRange
from parley.ledger.note import Checkpoint, origin_problem, sign_note
from parley.ledger.tree import new_nodes
from parley.model.clock import Clock, format_time, parse_time
from parley.model.entry import Entry, LoggedEntry, make_entry
from parley.model.ids import ChannelId, EntryId
from parley.model.relay import RelayReceipt, relay_message
from parley.model.rules import apply
from parley.model.state import ENTRY_SEQ, ChannelState
from parley.model.witnessing import COSIGNED, CheckpointCosigned
from parley.service.records import from_row, leaf_of, relay_of, to_row
from parley.service.snapshots import Snapshots
from parley.service.tree import TreeCache
from parley.service.writer import Group, Outcome, Pending, Writer
from parley.store import EntryRow, Store, WriteTx
from parley.store.projections import channel_row, touched_rows

log = logging.getLogger("parley.append")

MAX_ENTRY_BYTES = 64 * 1024
"""Largest accepted entry request (header, signature, body and salt as JSON)."""

RECENT_ROWS = 64
"""Committed entry rows kept per channel for the push streams (:meth:`Appender.recent`):
a stream that is caught up gets the group that woke it from memory, not the database."""

_COSIGNED = uuid.UUID("3b0c6f70-2a7e-4d52-9b0c-8f3e1c2d4a55")
"""Namespace of ``checkpoint.cosigned`` entry ids: one per (channel, key, size)."""


def _same_entry(stored: Entry, entry: Entry) -> None:
    if (stored.header, stored.signature, stored.body, stored.salt) != (
        entry.header,
        entry.signature,
        entry.body,
        entry.salt,
    ):
        raise Conflict(
            "entry.id_reused",
            f"entry id {entry.id} is already used for a different entry; "
            "a retry must resend exactly the same entry",
        )


class Appender:
    def __init__(
        self,
        store: Store,
        snapshots: Snapshots,
        trees: TreeCache,
        server_key: SigningKey,
        clock: Clock,
        creators: frozenset[KeyId],
        origin: str = "parley.local",
    ) -> None:
        self.store = store
        self.snapshots = snapshots
        self.trees = trees
        self.server_key = server_key
        self.clock = clock
        self.creators = creators
        if (problem := origin_problem(origin)) is not None:
            raise InvalidInput("server.bad_origin", f"origin {origin!r}: {problem}")
        self.origin_prefix = origin
        self._working: dict[str, tuple[ChannelState, CompactRange]] = {}
        """The appender's own state and frontier per channel (only the writer thread uses
        it); readers use the published snapshots."""
        self._scanned: set[str] = set()
        self._cosigns_guard = threading.Lock()
        self.writer = Writer(
            self._commit,
            self._announce,
            # One connection for the writer thread's groups while it runs.
            started=lambda: self.store.keep_connection(),
            ended=lambda: self.store.release_connection(),
        )
        self.listeners: list[Callable[[str, int], None]] = []
        """Called as ``listener(channel, tree_size)`` after each committed group."""
        self._cosigns: dict[str, dict[str, tuple[int, str]]] = {}
        self._claimed: dict[str, int] = {}
        """Each channel's tree size as this process's writer committed it, or is about to
        (set just before the commit, put back if it fails): the LISTEN thread hears this
        process's own appends too, and :meth:`claimed` tells them apart."""
        self._recent: dict[str, tuple[tuple[EntryRow, Entry], ...]] = {}
        """The last :data:`RECENT_ROWS` rows this process committed per channel, each with
        its entry as the row holds it, in seq order without gaps; replaced whole after
        each commit (readers in other threads take the tuple as it is)."""
        """Cosignatures received and not yet written into the log, per channel: key id ->
        (size, line). They ride along with the next group that appends anything."""

    def cosigned(self, channel: str, key_id: str, size: int, line: str) -> None:
        """A member's witness cosigned ``size``: record it with the next group."""
        with self._cosigns_guard:
            self._cosigns.setdefault(channel, {})[key_id] = (size, line)

    def origin(self, channel: str) -> str:
        """The log origin of a channel (c2sp.org/tlog-checkpoint): unique per channel."""
        return f"{self.origin_prefix}/{channel}"

    def submit(self, raw: Any, submitter: KeyId) -> Outcome:
        """Verify, order and durably append one entry; return the server's relay receipt.

        Idempotent on the entry id: resubmitting the identical entry returns the original
        receipt, ``replayed=True``, and appends nothing. Concurrent submissions to a
        channel are committed in groups (one transaction, one fsync, one checkpoint per
        group); the caller returns only after its group has committed. For in-process
        callers (the timers, the CLI); the API awaits :meth:`submit_async`.

        Raises:
            InvalidInput: malformed entry or body.
            Forbidden: the submitter is not the author, or may not create channels.
            Conflict: the entry id is already used for different content.
            Rejected, NotFound, VerificationError: the channel's rules or a signature.
        """
        pending = self.prepare(raw, submitter)
        pending.done = threading.Event()
        self.writer.put(pending.entry.header.channel, [pending])
        pending.done.wait()
        return pending.outcome()

    async def submit_async(self, raw: Any, submitter: KeyId) -> Outcome:
        """:meth:`submit` for a coroutine: the entry is checked in the caller (the
        signature check releases the GIL), queued, and the coroutine resumes when its
        group has committed — no thread waits for it. Raises as :meth:`submit`."""
        p = self.prepare(raw, submitter)
        p.future = asyncio.get_running_loop().create_future()
        self.writer.put(p.entry.header.channel, [p])
        await p.future
        return p.outcome()

    async def submit_many_async(self, pending: list[Pending]) -> list[Pending]:
        """Queue prepared entries of one channel together, in this order, and wait until
        each is settled; each then holds its receipt or its own error (a refused entry
        does not refuse the others)."""
        if not pending:
            return pending
        loop = asyncio.get_running_loop()
        for p in pending:
            p.future = loop.create_future()
        self.writer.put(pending[0].entry.header.channel, pending)
        await asyncio.wait([p.future for p in pending if p.future is not None])
        return pending

    def prepare(self, raw: Any, submitter: KeyId) -> Pending:
        """Parse an entry and check what can be checked before it queues: the submitter is
        its author, and (when the author's key is known) its body digest and signature.

        Raises:
            InvalidInput, Forbidden, VerificationError: as :meth:`submit`.
        """
        entry = Entry.from_json(raw)
        h = entry.header
        if h.author != submitter:
            raise Forbidden(
                "auth.not_author",
                f"you are signed in as {submitter} but the entry is signed by {h.author}; "
                "members submit only their own entries",
            )
        return Pending(entry, submitter, self._preverify(entry))

    def _preverify(self, entry: Entry) -> bytes | None:
        """Check a member entry's digest and signature before queueing (in the caller's
        thread, outside the append lock) against the author's key in the latest snapshot.
        Returns that key, or None when it is unknown there (the append then verifies)."""
        state = self.snapshots.latest(entry.header.channel)
        if state is None or entry.body is None:
            return None
        member = state.members.get(entry.header.author)
        if member is None:
            return None
        entry.verify_body()
        entry.verify_signature(member.key)
        return member.key.raw

    def recent(self, channel: str, after: int, upto: int) -> list[tuple[EntryRow, Entry]] | None:
        """The committed rows ``after + 1`` to ``upto`` of a channel, each with its entry
        (parsed already, as the row holds it: the body's members in canonical order), if
        this process still holds every one of them in memory, else None (read them from
        the database). Only rows whose group has committed are ever here."""
        rows = self._recent.get(channel)
        if not rows or upto <= after:
            return None
        first = rows[0][0].seq
        if after + 1 < first or upto > rows[-1][0].seq:
            return None
        return list(rows[after + 1 - first : upto + 1 - first])

    def claimed(self, channel: str) -> int:
        """The channel's tree size this process has committed or is committing (0: none).
        An append announced on the database at or below it is this process's own, and
        the appender wakes its listeners for it once its state is published."""
        return self._claimed.get(channel, 0)

    def _keep_recent(self, channel: str, rows: list[EntryRow], submitted: list[Pending]) -> None:
        by_seq = {
            p.result[0].seq: p.entry for p in submitted if p.result is not None and not p.result[1]
        }
        kept = []
        for row in rows:
            e = by_seq.get(row.seq)
            kept.append(
                (row, from_row(row).entry)  # the server's own (cosignatures): parse the row
                if e is None or e.body is None
                else (row, Entry(e.header, e.signature, canonical_order(e.body), e.salt))
            )
        held = self._recent.get(channel, ())
        if held and held[-1][0].seq + 1 != rows[0].seq:
            held = ()  # another process appended between: keep only a run without gaps
        self._recent[channel] = (*held, *kept)[-RECENT_ROWS:]

    def _announce(self, channel: str, size: int) -> None:
        for listener in list(self.listeners):
            listener(channel, size)

    def _commit(self, group: Group) -> dict[str, int]:
        """One transaction for a group of any number of channels (run by the writer
        thread only): each entry is checked against the state its channel's entries
        before it left; a refused one gets its error and the rest go on. Returns the new
        tree size of each channel that appended anything.

        A failed transaction, or a database error on any channel, fails every entry of
        the group that has no error of its own, on every channel in it: none of them was
        logged. A fault of a channel's own (not the database's: a bug in a rule, say)
        fails only that channel's part, which has staged nothing, and the rest commit."""
        done: dict[
            str, tuple[ChannelState, CompactRange, list[tuple[int, int, bytes]], list[EntryRow]]
        ] = {}
        prior = {channel: self._claimed.get(channel, 0) for channel in group}
        try:
            with self.store.write_all(group) as txs:
                for channel, items in group.items():
                    try:
                        done[channel] = self._commit_channel(txs[channel], items)
                    except DBAPIError:
                        raise  # the transaction may be unusable (PostgreSQL aborts it)
                    except Exception as exc:
                        log.exception("append to %s failed", channel)
                        self._fail({channel: items}, exc)
                for channel, (_, tree, _, appended) in done.items():
                    if appended:
                        self._claimed[channel] = tree.size  # before the commit (its NOTIFY)
        except Exception as exc:  # handed to every caller in the group
            self._claimed.update(prior)
            self._fail(group, exc)
            return {}
        sizes: dict[str, int] = {}
        for channel, (state, tree, nodes, appended) in done.items():
            self._working[channel] = (state, tree)
            if appended:
                self._keep_recent(channel, appended, group[channel])
                self.snapshots.publish(state)
                self.trees.channel(channel).appended(nodes)
                sizes[channel] = tree.size
        return sizes

    def _fail(self, group: Group, exc: Exception) -> None:
        """Hand ``exc`` to each entry of ``group`` that has no error of its own. Their
        frontiers were extended in memory for entries that did not commit: drop the
        working copies and rebuild them from the database on next use. The published
        snapshots are untouched (they only ever hold committed entries)."""
        for channel, items in group.items():
            self._working.pop(channel, None)
            for p in items:
                if p.error is None:
                    p.result, p.error = None, exc

    def _commit_channel(
        self, tx: WriteTx, group: list[Pending]
    ) -> tuple[ChannelState, CompactRange, list[tuple[int, int, bytes]], list[EntryRow]]:
        """Sequence one channel's part of a group and stage its rows and its one signed
        checkpoint in ``tx``. Returns the new state and frontier, the new tree nodes and
        the rows appended."""
        rows: list[EntryRow] = []
        state, tree = self._state(tx)
        nodes: list[tuple[int, int, bytes]] = []
        touched: set[tuple[str, str]] = set()
        batch_ids: dict[str, Pending] = {}
        for p in group:
            try:
                state, p.result = self._one(tx, state, tree, p, batch_ids, rows, nodes, touched)
                if not p.result[1]:
                    batch_ids[p.entry.id] = p
            except ParleyError as exc:
                p.error = exc
        if rows:
            state = self._record_cosignatures(tx, state, tree, rows, nodes, touched)
            origin = self.origin(tx.channel_id)
            note = sign_note(
                Checkpoint(origin, tree.size, tree.root()).text(), origin, self.server_key
            )
            tx.append(
                rows,
                channel_row(state, tree.size, tree.root(), tree.nodes),
                touched_rows(state, touched),
                nodes,
                (tree.size, note),
            )
        return state, tree, nodes, rows

    def _one(
        self,
        tx: WriteTx,
        state: ChannelState,
        tree: CompactRange,
        p: Pending,
        batch_ids: dict[str, Pending],
        rows: list[EntryRow],
        nodes: list[tuple[int, int, bytes]],
        touched: set[tuple[str, str]],
    ) -> tuple[ChannelState, tuple[RelayReceipt, bool]]:
        entry, h = p.entry, p.entry.header
        earlier = batch_ids.get(h.id)
        if earlier is not None:
            _same_entry(earlier.entry, entry)
            assert earlier.result is not None
            return state, (earlier.result[0], True)
        if h.id in state[ENTRY_SEQ]:
            existing = tx.find_entry(h.id)
            assert existing is not None
            return state, (self._replay(existing, entry), True)
        if h.type == "channel.created" and state.size == 0 and p.submitter not in self.creators:
            raise Forbidden(
                "channel.creator_not_allowed",
                f"key {p.submitter} may not create channels on this server "
                "(the operator lists creators with `parley serve --creator`)",
            )
        received = format_time(self.clock.now())
        now = parse_time(received)  # the stored precision
        logged = LoggedEntry(state.size + 1, entry, now)
        author = state.members.get(h.author)
        verified = (
            p.verified_with is not None
            and author is not None
            and (author.key.raw == p.verified_with)
        )
        new, changed = apply(state, logged, verify=not verified)
        if state.size == 0:
            self._check_server_key(new)
        state = new
        touched |= changed
        leaf = leaf_of(entry)
        nodes += new_nodes(tree.size, leaf, tree.nodes)
        tree.append(leaf)
        sig = self.server_key.sign(relay_message(h.channel, logged.seq, h.id, leaf, received))
        receipt = RelayReceipt(
            h.channel, logged.seq, h.id, leaf, received, self.server_key.key_id, sig
        )
        rows.append(to_row(logged, receipt))
        return state, (receipt, False)

    def _record_cosignatures(
        self,
        tx: WriteTx,
        state: ChannelState,
        tree: CompactRange,
        rows: list[EntryRow],
        nodes: list[tuple[int, int, bytes]],
        touched: set[tuple[str, str]],
    ) -> ChannelState:
        """Append ``checkpoint.cosigned`` for each cosignature not yet in the log (this
        group appends anyway, so the tree moves no more than it would have)."""
        channel = tx.channel_id
        with self._cosigns_guard:
            pending = self._cosigns.pop(channel, {})
        if channel not in self._scanned:
            self._scanned.add(channel)  # after a restart: what came in while we were down
            recorded = state[COSIGNED]
            for key_id, size, line in tx.latest_cosignatures():
                have = recorded.get(KeyId(key_id))
                if (have is None or have.size < size) and key_id not in pending:
                    pending[key_id] = (size, line)
        now = self.clock.now()
        for key_id, (size, line) in sorted(pending.items()):
            entry = make_entry(
                self.server_key,
                channel=ChannelId(channel),
                type=CheckpointCosigned.TYPE,
                body=CheckpointCosigned(key_id=key_id, size=size, cosignature=line).dump(),
                time=now,
                entry_id=EntryId(str(uuid.uuid5(_COSIGNED, f"{channel}/{key_id}/{size}"))),
                salt=new_salt(),
            )
            p = Pending(entry, self.server_key.key_id, None)
            try:
                state, p.result = self._one(tx, state, tree, p, {}, rows, nodes, touched)
            except ParleyError as exc:
                if exc.code not in ("cosignature.not_extending", "entry.id_reused"):
                    self.cosigned(channel, key_id, size, line)  # e.g. not active yet: later
                continue
        return state

    def _check_server_key(self, created: ChannelState) -> None:
        """A new channel's charter must name this server's key: it signs the automatic
        entries (escalations of missed deadlines, reminders, communication checks), and
        a charter naming no key, or another, would switch them off without a word.

        Raises:
            Rejected: ``charter.no_server_key`` or ``charter.wrong_server_key``.
        """
        mine = self.server_key.public
        named = created.charter.server_key
        if named is None:
            raise Rejected(
                "charter.no_server_key",
                "the charter names no server key, so this server could never escalate a "
                f'missed deadline: add "server_key": "{mine.to_b64()}" (GET /v1/server; '
                "`parley channel create` fills it in)",
            )
        if named != mine:
            raise Rejected(
                "charter.wrong_server_key",
                f"the charter names server key {named.key_id}, but this server signs with "
                f"{mine.key_id}: its escalations, reminders and checks would be refused",
            )

    def _replay(self, existing: EntryRow, entry: Entry) -> RelayReceipt:
        _same_entry(from_row(existing).entry, entry)
        return relay_of(existing, self.server_key.key_id)

    def _state(self, tx: WriteTx) -> tuple[ChannelState, CompactRange]:
        """The channel's state and frontier as the database holds them, in this
        transaction: the working copy, brought up to date if another process appended."""
        ledger = tx.ledger()
        size = 0 if ledger is None else ledger.size
        cached = self._working.get(tx.channel_id)
        if cached is not None and cached[0].size == size:
            return cached
        state = cached[0] if cached is not None and cached[0].size < size else None
        if state is None:
            latest = self.snapshots.latest(tx.channel_id)
            fits = latest is not None and latest.size <= size
            state = latest if fits and latest else ChannelState(channel_id=ChannelId(tx.channel_id))
        for row in tx.entries_after(state.size):
            state, _ = apply(state, from_row(row), verify=False)
        tree = CompactRange() if ledger is None else CompactRange(ledger.size, ledger.frontier)
        self._working[tx.channel_id] = (state, tree)
        return state, tree
