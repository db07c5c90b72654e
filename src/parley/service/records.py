"""Conversion between log rows and logged entries."""

from __future__ import annotations

from parley.crypto.keys import b64, unb64
from parley.ledger import leaf_hash
from parley.model.clock import format_time, parse_time
from parley.model.entry import Entry, LoggedEntry
from parley.model.relay import RelayReceipt
from parley.store import EntryRow


def to_row(logged: LoggedEntry, relay: RelayReceipt) -> EntryRow:
    e = logged.entry
    assert e.body is not None and e.salt is not None
    return EntryRow(
        channel_id=e.header.channel,
        seq=logged.seq,
        entry_id=e.id,
        type=e.header.type,
        author=e.header.author,
        header=e.header.canonical().decode(),
        signature=b64(e.signature),
        body=e.body_canonical().decode(),
        salt=b64(e.salt),
        leaf_hash=relay.leaf_hash.hex(),
        received_at=relay.received_at,
        relay_signature=b64(relay.signature),
    )


def from_row(row: EntryRow) -> LoggedEntry:
    """Rebuild a logged entry from its row. Raises InvalidInput on undecodable fields."""
    entry = Entry.from_stored(
        row.header, unb64(row.signature, "signature"), row.body, unb64(row.salt, "salt")
    )
    return LoggedEntry(row.seq, entry, parse_time(row.received_at))


def relay_of(row: EntryRow, server_key_id: str) -> RelayReceipt:
    return relay_from(
        (row.channel_id, row.seq, row.entry_id, row.leaf_hash, row.received_at),
        row.relay_signature,
        server_key_id,
    )


def relay_from(
    fields: tuple[str, int, str, str, str], relay_signature: str, server_key_id: str
) -> RelayReceipt:
    """:func:`relay_of` from a row's (channel_id, seq, entry_id, leaf_hash, received_at)
    and its relay signature."""
    channel_id, seq, entry_id, leaf_hash, received_at = fields
    return RelayReceipt(
        channel_id,
        seq,
        entry_id,
        bytes.fromhex(leaf_hash),
        received_at,
        server_key_id,
        unb64(relay_signature, "relay signature"),
    )


def leaf_of(entry: Entry) -> bytes:
    return leaf_hash(entry.leaf_data())


def ms(logged_time: str) -> str:
    return format_time(parse_time(logged_time))
