"""Projection rows rendered from folded channel state.

The server writes these rows when it appends an entry, and the audit renders them again
from a refold of the log and compares: one rendering function serves both, so the
projections can only ever be what the log says. Which tables are projected, and how, is
what each feature registered (``parley.model.registry``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from parley.crypto.canonical import canonical_json
from parley.model.feature import RecordKind, Row
from parley.model.registry import RECORDS, ROWS
from parley.model.state import ChannelState

PROJECTION_TABLES = tuple(sorted({r.sql_table for r in ROWS.values()}))
"""The dedicated projection tables (``sides``, ``members``, ...), besides ``records``."""


def channel_row(state: ChannelState, tree_size: int, root: bytes, frontier: list[bytes]) -> Row:
    c = state.charter
    return {
        "channel_id": state.channel_id,
        "title": c.title,
        "status": state.status.value,
        "created_id": c.created_id or "",
        "charter_digest": c.digest,
        "default_disclosure": c.default_disclosure.value,
        "ack_deadlines": canonical_json(dict(c.ack_deadlines)).decode(),
        "mandate": canonical_json(dict(state.mandate)).decode(),
        "tree_size": tree_size,
        "root_hash": root.hex(),
        "frontier": json.dumps([h.hex() for h in frontier]),
    }


def record_row(state: ChannelState, kind: RecordKind, key: str) -> Row:
    return {
        "channel_id": state.channel_id,
        "kind": kind.name,
        "key": key,
        "data": canonical_json(kind.view(state, kind.table.key(key))).decode(),
    }


def record_keys(state: ChannelState) -> set[tuple[str, str]]:
    """Every (kind, key) the records table must hold for this state."""
    return {(kind, str(k)) for kind, r in RECORDS.items() for k in state[r.table]}


def touched_rows(state: ChannelState, touched: Iterable[tuple[str, str]]) -> dict[str, list[Row]]:
    """Rows of the projections (other than ``channels``) that entries changed."""
    out: dict[str, list[Row]] = {name: [] for name in (*PROJECTION_TABLES, "records")}
    for name, key in sorted(touched):
        rows = ROWS.get(name)
        if rows is not None:
            out[rows.sql_table].append(rows.row(state, rows.table.key(key)))
            continue
        record = RECORDS.get(name)
        if record is not None:
            out["records"].append(record_row(state, record, key))
    return out


def rendered(state: ChannelState, name: str, key: Any) -> Row:
    """The projection row of state table ``name`` at ``key`` (for the audit)."""
    rows = ROWS[name]
    return rows.row(state, key)
