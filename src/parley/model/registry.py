"""Every feature, in one list: the single place a new feature is registered.

The rules, the projections, the audit, the read filter, the JSON Schemas and the docs
test all loop over :data:`FEATURES`; nothing else lists entry types or tables.
"""

from __future__ import annotations

from typing import Any

from parley.errors import InvalidInput
from parley.model import (
    assessments,
    channel,
    checks,
    commitments,
    disclosure,
    glossary,
    meetings,
    messages,
    minutes,
    recovery,
    translations,
    witnessing,
)
from parley.model.feature import EntryType, Feature, RecordKind, RowKind

FEATURES: tuple[Feature, ...] = (
    channel.FEATURE,
    glossary.FEATURE,
    messages.FEATURE,
    meetings.FEATURE,
    minutes.FEATURE,
    commitments.FEATURE,
    disclosure.FEATURE,
    checks.FEATURE,
    assessments.FEATURE,
    recovery.FEATURE,
    translations.FEATURE,
    witnessing.FEATURE,
)


def _index() -> tuple[dict[str, EntryType], dict[str, RecordKind], dict[str, RowKind]]:
    types: dict[str, EntryType] = {}
    records: dict[str, RecordKind] = {}
    rows: dict[str, RowKind] = {}
    tables: set[str] = set()
    for f in FEATURES:
        for name, t in f.types.items():
            if name in types:
                raise TypeError(f"entry type {name} is registered by two features")
            types[name] = t
        for table in f.tables:
            if table.name in tables:
                raise TypeError(f"table {table.name} is owned by two features")
            tables.add(table.name)
        for r in f.records:
            records[r.name] = r
        for row in f.rows:
            rows[row.table.name] = row
    return types, records, rows


TYPES, RECORDS, ROWS = _index()
"""Entry types by name; record kinds by name; projection tables by state table name."""

RECORD_KINDS = tuple(RECORDS)


def entry_type(name: str) -> EntryType:
    """The registered entry type ``name``.

    Raises:
        InvalidInput: ``entry.unknown_type``.
    """
    found = TYPES.get(name)
    if found is None:
        raise InvalidInput(
            "entry.unknown_type",
            f"unknown entry type {name!r}; known: {', '.join(sorted(TYPES))}",
        )
    return found


def body_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of every entry type's body, by type (what the pages validate a body
    against before they sign it)."""
    return {name: t.body.model_json_schema() for name, t in sorted(TYPES.items())}
