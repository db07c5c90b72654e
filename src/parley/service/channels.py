"""The application core: submit an entry and get a receipt; read what a member may see.

One ``ChannelService`` per process. It keeps each channel's folded state in memory and
checks, inside every append transaction, that no other process appended since; if one
did, it folds the new entries first. The database is the truth, the cache a shortcut.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from parley.crypto.canonical import parse_json
from parley.crypto.keys import KeyId, SigningKey
from parley.errors import Conflict, Forbidden, NotFound, ParleyError
from parley.ledger import CompactRange
from parley.ledger.note import Checkpoint, sign_note
from parley.ledger.tree import new_nodes
from parley.model.clock import Clock, clock_skew, format_time, parse_time
from parley.model.entry import Entry, LoggedEntry
from parley.model.ids import ChannelId, EntryId
from parley.model.relay import RelayReceipt, relay_message
from parley.model.rules import apply
from parley.model.state import ChannelState
from parley.service.records import from_row, leaf_of, relay_of, to_row
from parley.service.tree import TreeCache
from parley.store import EntryRow, Store, WriteTx
from parley.store.projections import channel_row, touched_rows

MAX_ENTRY_BYTES = 64 * 1024
"""Largest accepted entry request (header, signature, body and salt as JSON)."""


@dataclass(frozen=True)
class Viewer:
    """Who is reading: a key, its side in the channel, and whether that side is the mediator."""

    key_id: KeyId
    side: str
    role: str
    is_mediator: bool

    def sees(self, sender_side: str, to_side: str) -> bool:
        return self.is_mediator or self.side in (sender_side, to_side)


MAX_GROUP = 256
"""Most entries committed in one transaction."""


@dataclass(eq=False)
class _Pending:
    """One submission waiting for its group to commit."""

    entry: Entry
    submitter: KeyId
    verified_with: bytes | None
    done: threading.Event = field(default_factory=threading.Event)
    lead: bool = False
    result: tuple[RelayReceipt, bool] | None = None
    error: BaseException | None = None


@dataclass(eq=False)
class _Queue:
    lock: threading.Lock = field(default_factory=threading.Lock)
    items: list[_Pending] = field(default_factory=list)
    busy: bool = False


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


class ChannelService:
    def __init__(
        self,
        store: Store,
        server_key: SigningKey,
        clock: Clock,
        creators: frozenset[KeyId],
        origin: str = "parley.local",
    ) -> None:
        self.store = store
        self.server_key = server_key
        self.clock = clock
        self.creators = creators
        self.origin_prefix = origin
        self.trees = TreeCache(store)
        self._states: dict[str, tuple[ChannelState, CompactRange]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self._queues: dict[str, _Queue] = {}
        self.listeners: list[Callable[[str, int], None]] = []
        """Called as ``listener(channel, tree_size)`` after each committed group."""

    # --- writing -----------------------------------------------------------------

    def submit(self, raw: Any, submitter: KeyId) -> tuple[RelayReceipt, bool]:
        """Verify, order and durably append one entry; return the server's relay receipt.

        Idempotent on the entry id: resubmitting the identical entry returns the original
        receipt, ``replayed=True``, and appends nothing. Concurrent submissions to a
        channel are committed in groups (one transaction, one fsync, one checkpoint per
        group); each caller returns only after its group has committed.

        Raises:
            InvalidInput: malformed entry or body.
            Forbidden: the submitter is not the author, or may not create channels.
            Conflict: the entry id is already used for different content.
            Rejected, NotFound, VerificationError: the channel's rules or a signature.
        """
        entry = Entry.from_json(raw)
        h = entry.header
        if h.author != submitter:
            raise Forbidden(
                "auth.not_author",
                f"you are signed in as {submitter} but the entry is signed by {h.author}; "
                "members submit only their own entries",
            )
        pending = _Pending(entry, submitter, self._preverify(entry))
        queue = self._queue(h.channel)
        with queue.lock:
            queue.items.append(pending)
            lead = not queue.busy
            queue.busy = True
        if not lead:
            pending.done.wait()
            lead = pending.lead
        if lead:
            self._drain(h.channel, queue, pending)
        if pending.error is not None:
            raise pending.error
        assert pending.result is not None
        return pending.result

    def _preverify(self, entry: Entry) -> bytes | None:
        """Check a member entry's digest and signature before queueing (in the caller's
        thread, outside the append lock) against the author's key as last folded. Returns
        that key, or None when it is unknown here (the append then verifies)."""
        cached = self._states.get(entry.header.channel)
        if cached is None or entry.body is None:
            return None
        member = cached[0].members.get(entry.header.author)
        if member is None:
            return None
        entry.verify_body()
        entry.verify_signature(member.key)
        return member.key.raw

    def _queue(self, channel: str) -> _Queue:
        with self._locks_guard:
            return self._queues.setdefault(channel, _Queue())

    def _drain(self, channel: str, queue: _Queue, mine: _Pending) -> None:
        """Commit the queue group by group until this caller's entry is done; then hand
        the leading role to the next waiting caller, if any."""
        while True:
            with self._lock(channel):
                # Taken under the channel lock: whatever queued while the previous group
                # was committing goes into this one.
                with queue.lock:
                    group = queue.items[:MAX_GROUP]
                    del queue.items[:MAX_GROUP]
                try:
                    appended = self._commit(channel, group)
                finally:
                    for p in group:
                        if p.result is None and p.error is None:
                            p.error = RuntimeError("the append was interrupted")
                        p.done.set()
            if appended:
                for listener in list(self.listeners):
                    listener(channel, appended)
            with queue.lock:
                if not queue.items:
                    queue.busy = False
                    return
                if mine.done.is_set():
                    nxt = queue.items[0]
                    nxt.lead = True
                    nxt.done.set()
                    return

    def _commit(self, channel: str, group: list[_Pending]) -> int:
        """One transaction for a group (the caller holds the channel lock): each entry is
        checked against the state as the entries before it left it; a rejected one gets
        its error and the rest go on. Returns the new tree size, or 0 if nothing was
        appended."""
        rows: list[EntryRow] = []
        try:
            with self.store.write(channel) as tx:
                state, tree = self._state(tx)
                nodes: list[tuple[int, int, bytes]] = []
                touched: set[tuple[str, str]] = set()
                batch_ids: dict[str, _Pending] = {}
                for p in group:
                    try:
                        p.result = self._one(tx, state, tree, p, batch_ids, rows, nodes, touched)
                        if not p.result[1]:
                            batch_ids[p.entry.id] = p
                    except ParleyError as exc:
                        p.error = exc
                if rows:
                    origin = self.origin(channel)
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
        except Exception as exc:  # handed to every caller in the group
            # apply() changes the cached state only after every check passed; if the
            # write or the commit fails after that, the cache is ahead of the database,
            # so drop it and refold on next use.
            self._states.pop(channel, None)
            for p in group:
                if p.error is None:
                    p.result, p.error = None, exc
            return 0
        if not rows:
            return 0
        self.trees.channel(channel).appended(nodes)
        return tree.size

    def _one(
        self,
        tx: WriteTx,
        state: ChannelState,
        tree: CompactRange,
        p: _Pending,
        batch_ids: dict[str, _Pending],
        rows: list[EntryRow],
        nodes: list[tuple[int, int, bytes]],
        touched: set[tuple[str, str]],
    ) -> tuple[RelayReceipt, bool]:
        entry, h = p.entry, p.entry.header
        earlier = batch_ids.get(h.id)
        if earlier is not None:
            _same_entry(earlier.entry, entry)
            assert earlier.result is not None
            return earlier.result[0], True
        if h.id in state.entry_seq:
            existing = tx.find_entry(h.id)
            assert existing is not None
            return self._replay(existing, entry), True
        if h.type == "channel.created" and state.size == 0 and p.submitter not in self.creators:
            raise Forbidden(
                "channel.creator_not_allowed",
                f"key {p.submitter} may not create channels on this server "
                "(the operator lists creators with `parley serve --creator`)",
            )
        now = parse_time(format_time(self.clock.now()))  # the stored precision
        logged = LoggedEntry(state.size + 1, entry, now)
        author = state.members.get(h.author)
        verified = (
            p.verified_with is not None
            and author is not None
            and (author.key.raw == p.verified_with)
        )
        touched |= apply(state, logged, verify=not verified)
        leaf = leaf_of(entry)
        new = new_nodes(tree.size, leaf, tree.nodes)
        tree.append(leaf)
        nodes += new
        received = format_time(now)
        sig = self.server_key.sign(relay_message(h.channel, logged.seq, h.id, leaf, received))
        receipt = RelayReceipt(
            h.channel, logged.seq, h.id, leaf, received, self.server_key.key_id, sig
        )
        rows.append(to_row(logged, receipt))
        return receipt, False

    def state_snapshot(self, channel: str) -> ChannelState | None:
        """The channel's folded state, brought up to date with the database (read-only use)."""
        with self._lock(channel), self.store.write(channel) as tx:
            state, _ = self._state(tx)
        return state if state.size else None

    def origin(self, channel: str) -> str:
        """The log origin of a channel (c2sp.org/tlog-checkpoint): unique per channel."""
        return f"{self.origin_prefix}/{channel}"

    def _replay(self, existing: Any, entry: Entry) -> RelayReceipt:
        _same_entry(from_row(existing).entry, entry)
        return relay_of(existing, self.server_key.key_id)

    def _lock(self, channel: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(channel, threading.Lock())

    def _state(self, tx: WriteTx) -> tuple[ChannelState, CompactRange]:
        ledger = tx.ledger()
        size = 0 if ledger is None else ledger.size
        cached = self._states.get(tx.channel_id)
        if cached is None or cached[0].size > size:
            cached = (ChannelState(channel_id=ChannelId(tx.channel_id)), CompactRange())
        state, tree = cached
        if state.size < size:
            # Another process appended (or this is the first use): fold what is new.
            for row in tx.entries_after(state.size):
                apply(state, from_row(row), verify=False)
                tree.append(bytes.fromhex(row.leaf_hash))
        self._states[tx.channel_id] = (state, tree)
        return state, tree

    # --- reading -----------------------------------------------------------------

    def viewer(self, channel: str, key_id: KeyId) -> Viewer:
        """The caller as a member of ``channel``.

        Raises:
            NotFound: ``channel.not_found`` when the channel does not exist or the key is
                not an active member (the two are not told apart).
        """
        row = self.store.member(channel, key_id)
        if row is None or not row["active"]:
            raise NotFound(
                "channel.not_found", f"no channel {channel!r} of which key {key_id} is a member"
            )
        sides = {s["side_id"]: s for s in self.store.rows("sides", channel)}
        return Viewer(
            key_id, row["side_id"], row["role"], sides[row["side_id"]]["kind"] == "mediator"
        )

    def channels_of(self, key_id: KeyId) -> list[dict[str, Any]]:
        out = []
        for cid in self.store.member_channels(key_id):
            row = self.store.channel(cid)
            if row is not None:
                out.append({"channel": cid, "title": row["title"], "status": row["status"]})
        return out

    def channel_view(self, channel: str, key_id: KeyId) -> dict[str, Any]:
        self.viewer(channel, key_id)
        row = self.store.channel(channel)
        assert row is not None
        sides = self.store.rows("sides", channel)
        members = self.store.rows("members", channel)
        return {
            "channel": channel,
            "title": row["title"],
            "status": row["status"],
            "created_id": row["created_id"],
            "charter_digest": row["charter_digest"],
            "default_disclosure": row["default_disclosure"],
            "ack_deadlines": parse_json(row["ack_deadlines"]),
            "mandate": parse_json(row["mandate"]),
            "tree_size": row["tree_size"],
            "root_hash": row["root_hash"],
            "sides": [
                {
                    "id": s["side_id"],
                    "name": s["name"],
                    "kind": s["kind"],
                    "accepted_by": s["accepted_by"],
                    "members": [
                        {
                            "key_id": m["key_id"],
                            "public_key": m["public_key"],
                            "name": m["name"],
                            "title": m["title"],
                            "role": m["role"],
                            "active": m["active"],
                        }
                        for m in members
                        if m["side_id"] == s["side_id"]
                    ],
                }
                for s in sides
            ],
        }

    def messages_view(
        self, channel: str, key_id: KeyId, now: datetime | None = None
    ) -> list[dict[str, Any]]:
        v = self.viewer(channel, key_id)
        now = now or self.clock.now()
        rows = self.store.messages(channel, None if v.is_mediator else v.side)
        receipts = self.store.receipts_for(channel, [r["entry_id"] for r in rows])
        by_msg: dict[str, list[dict[str, Any]]] = {}
        for r in receipts:
            by_msg.setdefault(r["message_id"], []).append(
                {
                    "kind": r["kind"],
                    "member": r["member"],
                    "side": r["side_id"],
                    "at": r["at"],
                    "note": r["note"],
                    "entry_id": r["entry_id"],
                }
            )
        out = []
        for r in rows:
            overdue = r["acknowledged_at"] is None and now > parse_time(r["ack_deadline"])
            skew, flagged = clock_skew(r["sent_time"], r["relayed_at"])
            out.append(
                {
                    "id": r["entry_id"],
                    "seq": r["seq"],
                    "from_side": r["sender_side"],
                    "sender": r["sender"],
                    "to": r["to_side"],
                    "priority": r["priority"],
                    "subject": r["subject"],
                    "text": r["text"],
                    "language": r["language"],
                    "topic": r["topic"],
                    "reply_to": r["reply_to"],
                    "relay_of": r["relay_of"],
                    "sent_time": r["sent_time"],
                    "relayed_at": r["relayed_at"],
                    "clock_skew_s": skew,
                    "clock_flagged": flagged,
                    "ack_deadline": r["ack_deadline"],
                    "status": r["status"],
                    "delivered_at": r["delivered_at"],
                    "acknowledged_at": r["acknowledged_at"],
                    "answered_at": r["answered_at"],
                    "answered_by": r["answered_by"],
                    "overdue": overdue,
                    "escalated_at": r["escalated_at"],
                    "receipts": by_msg.get(r["entry_id"], []),
                }
            )
        return out

    def entry_view(self, channel: str, key_id: KeyId, entry_id: str) -> dict[str, Any]:
        """One logged entry by id, with its body only if the caller may read it."""
        self.viewer(channel, key_id)
        seq = self.store.seq_of_entry(channel, entry_id)
        if seq is None:
            raise NotFound("entry.unknown", f"no entry {entry_id} in channel {channel!r}")
        return self.entries_view(channel, key_id, seq - 1, 1)[0]

    def _message_sides(self, channel: str, ids: list[str]) -> dict[str, tuple[str, str]]:
        """(sender side, recipient side) of messages and of receipts' messages: from the
        folded state where it has them (a message's sides never change, so the cache is
        never wrong, only possibly behind), else from the database."""
        out: dict[str, tuple[str, str]] = {}
        cached = self._states.get(channel)
        if cached is not None:
            state = cached[0]
            for i in ids:
                eid = EntryId(i)
                msg = state.messages.get(eid)
                if msg is None and (r := state.receipts.get(eid)) is not None:
                    msg = state.messages.get(r.message)
                if msg is not None:
                    out[i] = (msg.sender_side, msg.to)
        missing = [i for i in ids if i not in out]
        if missing:
            out.update(self.store.message_sides(channel, missing))
        return out

    def entries_view(
        self, channel: str, key_id: KeyId, after: int, limit: int
    ) -> list[dict[str, Any]]:
        """Entries after ``after``. Every header is shown (members verify the whole log);
        bodies of messages and receipts the caller's side may not see are withheld."""
        v = self.viewer(channel, key_id)
        rows = self.store.entries(channel, after, limit)
        private = [r.entry_id for r in rows if r.type.startswith(("message.", "receipt."))]
        sides = {} if v.is_mediator else self._message_sides(channel, private)
        out = []
        for row in rows:
            logged = from_row(row)
            entry = logged.entry
            if row.entry_id in sides and not v.sees(*sides[row.entry_id]):
                entry = entry.redacted()
            relay = relay_of(row, self.server_key.key_id)
            skew, flagged = clock_skew(entry.header.time, relay.received_at)
            out.append(
                {
                    "seq": row.seq,
                    "entry": entry.to_json(),
                    "relay": relay.to_json(),
                    "clock_skew_s": skew,
                    "clock_flagged": flagged,
                }
            )
        return out
