"""The database schema. ``entries`` is the log; every other table is a projection of it,
except ``auth_challenges`` (short-lived, not part of the record)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

entries = Table(
    "entries",
    metadata,
    Column("channel_id", String(64), primary_key=True),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("entry_id", String(36), nullable=False),
    Column("type", String(64), nullable=False),
    Column("author", String(32), nullable=False),
    Column("header", Text, nullable=False),  # RFC 8785 bytes of the signed header, as text
    Column("signature", String(100), nullable=False),  # base64 Ed25519 by the author
    Column("body", Text, nullable=False),  # RFC 8785 of the body
    Column("salt", String(32), nullable=False),  # base64
    Column("leaf_hash", String(64), nullable=False),  # hex RFC 9162 leaf hash
    Column("received_at", String(32), nullable=False),  # server time, in the relay statement
    Column("relay_signature", String(100), nullable=False),  # server's Ed25519 relay receipt
    UniqueConstraint("channel_id", "entry_id", name="uq_entries_entry_id"),
    Index("ix_entries_leaf", "channel_id", "leaf_hash"),
)

channels = Table(
    "channels",
    metadata,
    Column("channel_id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("created_id", String(36), nullable=False),
    Column("charter_digest", String(64), nullable=False),
    Column("default_disclosure", String(16), nullable=False),
    Column("ack_deadlines", Text, nullable=False),  # canonical JSON
    Column("mandate", Text, nullable=False),  # canonical JSON
    Column("tree_size", BigInteger, nullable=False),
    Column("root_hash", String(64), nullable=False),  # hex
    Column("frontier", Text, nullable=False),  # JSON list of hex hashes (compact range)
)

sides = Table(
    "sides",
    metadata,
    Column("channel_id", String(64), primary_key=True),
    Column("side_id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("accepted_by", String(32)),
    Column("accepted_seq", BigInteger),
)

members = Table(
    "members",
    metadata,
    Column("channel_id", String(64), primary_key=True),
    Column("key_id", String(32), primary_key=True),
    Column("public_key", String(64), nullable=False),
    Column("side_id", String(64), nullable=False),
    Column("role", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("added_seq", BigInteger, nullable=False),
    Column("removed_seq", BigInteger),
    Index("ix_members_key_id", "key_id"),
)

messages = Table(
    "messages",
    metadata,
    Column("channel_id", String(64), primary_key=True),
    Column("entry_id", String(36), primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("sender", String(32), nullable=False),
    Column("sender_side", String(64), nullable=False),
    Column("to_side", String(64), nullable=False),
    Column("priority", String(16), nullable=False),
    Column("subject", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("language", String(32), nullable=False),
    Column("topic", String(64)),
    Column("reply_to", String(36)),
    Column("relay_of", String(36)),
    Column("disclosure", String(16), nullable=False),
    Column("sent_time", String(32), nullable=False),
    Column("relayed_at", String(32), nullable=False),
    Column("ack_deadline", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("delivered_at", String(32)),
    Column("acknowledged_at", String(32)),
    Column("answered_at", String(32)),
    Column("answered_by", String(36)),
    Column("escalated_at", String(32)),
)

receipts = Table(
    "receipts",
    metadata,
    Column("channel_id", String(64), primary_key=True),
    Column("entry_id", String(36), primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("message_id", String(36), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("member", String(32), nullable=False),
    Column("side_id", String(64), nullable=False),
    Column("at", String(32), nullable=False),
    Column("note", Text, nullable=False),
    Index("ix_receipts_message", "channel_id", "message_id"),
)

auth_challenges = Table(
    "auth_challenges",
    metadata,
    Column("nonce", String(64), primary_key=True),
    Column("key_id", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("used", Integer, nullable=False),
)

tree_nodes = Table(
    "tree_nodes",
    metadata,
    # The hash of every complete subtree (level, index); see parley.ledger.tree.
    Column("channel_id", String(64), primary_key=True),
    Column("level", Integer, primary_key=True, autoincrement=False),
    Column("idx", BigInteger, primary_key=True, autoincrement=False),
    Column("hash", LargeBinary(32), nullable=False),
    sqlite_with_rowid=False,
)

checkpoints = Table(
    "checkpoints",
    metadata,
    # One server-signed C2SP checkpoint per tree size the server committed to.
    Column("channel_id", String(64), primary_key=True),
    Column("size", BigInteger, primary_key=True, autoincrement=False),
    Column("note", Text, nullable=False),  # the signed note, exactly as served
)

cosignatures = Table(
    "cosignatures",
    metadata,
    # c2sp.org/tlog-cosignature lines over a stored checkpoint, by parties' witnesses.
    Column("channel_id", String(64), primary_key=True),
    Column("size", BigInteger, primary_key=True, autoincrement=False),
    Column("key_id", String(32), primary_key=True),
    Column("line", Text, nullable=False),
)

witness_cosignatures = Table(
    "witness_cosignatures",
    metadata,
    # Cosignatures by third-party witnesses (c2sp.org/tlog-witness), with the key they
    # were verified under; whether to trust that key is the reader's decision.
    Column("channel_id", String(64), primary_key=True),
    Column("size", BigInteger, primary_key=True, autoincrement=False),
    Column("witness", String(200), primary_key=True),
    Column("public_key", String(64), nullable=False),
    Column("line", Text, nullable=False),
)

records = Table(
    "records",
    metadata,
    # Meetings, minutes, commitments and mandate extensions, each as the canonical JSON
    # of its view (parley.model.views), rendered from the folded state.
    Column("channel_id", String(64), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("data", Text, nullable=False),
)

PROJECTIONS = (channels, sides, members, messages, receipts, records)
