"""Read views of a channel for its members: the channel, its messages, its entries.

Every view is for a :class:`Viewer` — a key resolved as an active member of one
channel (``ChannelViews.viewer``, which the API runs once per request). Views read the
projection tables and the published snapshots; they never take the append lock. Which
entry bodies a member may read is what each entry type's feature declared
(``ReadRule``): a body no rule lets the viewer read is withheld, header and signature
still shown, so every member verifies the whole log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from parley.crypto.canonical import parse_json
from parley.crypto.keys import KeyId
from parley.errors import NotFound
from parley.model.clock import Clock, clock_skew, parse_time
from parley.model.entry import Entry
from parley.model.ids import EntryId
from parley.model.registry import TYPES
from parley.model.state import StateView
from parley.service.records import from_row, relay_of
from parley.service.snapshots import Snapshots
from parley.store import EntryRow, Store


@dataclass(frozen=True)
class Viewer:
    """Who is reading: a key, the channel it is a member of, its side and role there."""

    channel: str
    key_id: KeyId
    side: str
    role: str
    is_mediator: bool

    def sees(self, sender_side: str, to_side: str) -> bool:
        return self.is_mediator or self.side in (sender_side, to_side)


def may_read(state: StateView, v: Viewer, entry_id: str, entry_type: str) -> bool:
    """Whether ``v`` may read the body of an entry (fail closed: an unknown type, or an
    entry the rule cannot place, is withheld)."""
    kind = TYPES.get(entry_type)
    return kind is not None and kind.read.may_read(state, EntryId(entry_id), v.side, v.is_mediator)


class ChannelViews:
    def __init__(
        self, store: Store, snapshots: Snapshots, server_key_id: KeyId, clock: Clock
    ) -> None:
        self.store = store
        self.snapshots = snapshots
        self.server_key_id = server_key_id
        self.clock = clock

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
            channel,
            key_id,
            row["side_id"],
            row["role"],
            sides[row["side_id"]]["kind"] == "mediator",
        )

    def channels_of(self, key_id: KeyId) -> list[dict[str, Any]]:
        out = []
        for cid in self.store.member_channels(key_id):
            row = self.store.channel(cid)
            if row is not None:
                out.append({"channel": cid, "title": row["title"], "status": row["status"]})
        return out

    def channel_view(self, v: Viewer) -> dict[str, Any]:
        row = self.store.channel(v.channel)
        assert row is not None
        sides = self.store.rows("sides", v.channel)
        members = self.store.rows("members", v.channel)
        return {
            "channel": v.channel,
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

    def messages_view(self, v: Viewer, now: datetime | None = None) -> list[dict[str, Any]]:
        now = now or self.clock.now()
        rows = self.store.messages(v.channel, None if v.is_mediator else v.side)
        receipts = self.store.receipts_for(v.channel, [r["entry_id"] for r in rows])
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

    def entry_view(self, v: Viewer, entry_id: str) -> dict[str, Any]:
        """One logged entry by id, with its body only if the caller may read it."""
        seq = self.store.seq_of_entry(v.channel, entry_id)
        if seq is None:
            raise NotFound("entry.unknown", f"no entry {entry_id} in channel {v.channel!r}")
        return self.entries_view(v, seq - 1, 1)[0]

    def entries_view(self, v: Viewer, after: int, limit: int) -> list[dict[str, Any]]:
        """Entries after ``after``. Every header is shown (members verify the whole log);
        a body is withheld unless its type's read rule lets the caller read it."""
        rows = self.store.entries(v.channel, after, limit)
        return self.shown(v, rows)

    def shown(
        self, v: Viewer, rows: list[EntryRow], entries: list[Entry] | None = None
    ) -> list[dict[str, Any]]:
        """Rows as ``v`` may see them (what the entries route and the push stream send).
        ``entries``, when given, are the rows' entries already parsed, as the rows hold
        them (the appender's memory of what it committed): then no row is parsed again."""
        if not rows:
            return []
        state = self.snapshots.at_least(v.channel, rows[-1].seq)
        out = []
        for i, row in enumerate(rows):
            entry = entries[i] if entries is not None else from_row(row).entry
            if not may_read(state, v, row.entry_id, row.type):
                entry = entry.redacted()
            relay = relay_of(row, self.server_key_id)
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
