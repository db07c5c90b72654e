"""Projection rows rendered from folded channel state.

The server writes these rows when it appends an entry, and the audit renders them again
from a refold of the log and compares: one rendering function serves both, so the
projections can only ever be what the log says.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from parley.crypto.canonical import canonical_json
from parley.model.clock import format_time
from parley.model.ids import EntryId, SideId
from parley.model.state import ChannelState
from parley.model.views import RECORD_KINDS, record

Row = dict[str, Any]


def _t(value: Any) -> str | None:
    return None if value is None else format_time(value)


def channel_row(state: ChannelState, tree_size: int, root: bytes, frontier: list[bytes]) -> Row:
    return {
        "channel_id": state.channel_id,
        "title": state.title,
        "status": state.status.value,
        "created_id": state.created_id or "",
        "charter_digest": state.charter_digest,
        "default_disclosure": state.default_disclosure.value,
        "ack_deadlines": canonical_json(state.ack_deadlines).decode(),
        "mandate": canonical_json(state.mandate).decode(),
        "tree_size": tree_size,
        "root_hash": root.hex(),
        "frontier": json.dumps([h.hex() for h in frontier]),
    }


def side_row(state: ChannelState, side_id: SideId) -> Row:
    s = state.sides[side_id]
    return {
        "channel_id": state.channel_id,
        "side_id": s.id,
        "name": s.name,
        "kind": s.kind,
        "accepted_by": s.accepted_by,
        "accepted_seq": s.accepted_seq,
    }


def member_row(state: ChannelState, key_id: str) -> Row:
    m = state.members[key_id]  # type: ignore[index]
    return {
        "channel_id": state.channel_id,
        "key_id": m.key_id,
        "public_key": m.key.to_b64(),
        "side_id": m.side,
        "role": m.role,
        "name": m.name,
        "title": m.title,
        "active": m.active,
        "added_seq": m.added_seq,
        "removed_seq": m.removed_seq,
    }


def message_row(state: ChannelState, message_id: EntryId) -> Row:
    m = state.messages[message_id]
    return {
        "channel_id": state.channel_id,
        "entry_id": m.id,
        "seq": m.seq,
        "sender": m.sender,
        "sender_side": m.sender_side,
        "to_side": m.to,
        "priority": m.priority,
        "subject": m.subject,
        "text": m.text,
        "language": m.language,
        "topic": m.topic,
        "reply_to": m.reply_to,
        "relay_of": m.relay_of,
        "disclosure": m.disclosure.value,
        "sent_time": _t(m.sent_time),
        "relayed_at": _t(m.relayed_at),
        "ack_deadline": _t(m.ack_deadline),
        "status": m.status.value,
        "delivered_at": _t(m.delivered_at),
        "acknowledged_at": _t(m.acknowledged_at),
        "answered_at": _t(m.answered_at),
        "answered_by": m.answered_by,
        "escalated_at": _t(m.escalated_at),
    }


def receipt_row(state: ChannelState, receipt_id: EntryId) -> Row:
    r = state.receipts[receipt_id]
    return {
        "channel_id": state.channel_id,
        "entry_id": r.entry_id,
        "seq": r.seq,
        "message_id": r.message,
        "kind": r.kind,
        "member": r.member,
        "side_id": r.side,
        "at": _t(r.at),
        "note": r.note,
    }


def record_row(state: ChannelState, kind: str, key: str) -> Row:
    return {
        "channel_id": state.channel_id,
        "kind": kind,
        "key": key,
        "data": canonical_json(record(state, kind, key)).decode(),
    }


def touched_rows(state: ChannelState, touched: Iterable[tuple[str, str]]) -> dict[str, list[Row]]:
    """Rows of the projections (other than ``channels``) that an entry changed."""
    out: dict[str, list[Row]] = {
        "sides": [],
        "members": [],
        "messages": [],
        "receipts": [],
        "records": [],
    }
    for kind, key in sorted(touched):
        if kind == "side":
            out["sides"].append(side_row(state, SideId(key)))
        elif kind == "member":
            out["members"].append(member_row(state, key))
        elif kind == "message":
            out["messages"].append(message_row(state, EntryId(key)))
        elif kind == "receipt":
            out["receipts"].append(receipt_row(state, EntryId(key)))
        elif kind in RECORD_KINDS:
            out["records"].append(record_row(state, kind, key))
    return out
