"""The log, its projections and auth challenges.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

S = sa.String
T = sa.Text
N = sa.BigInteger


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("channel_id", S(64), primary_key=True),
        sa.Column("seq", N, primary_key=True, autoincrement=False),
        sa.Column("entry_id", S(36), nullable=False),
        sa.Column("type", S(64), nullable=False),
        sa.Column("author", S(32), nullable=False),
        sa.Column("header", T, nullable=False),
        sa.Column("signature", S(100), nullable=False),
        sa.Column("body", T, nullable=False),
        sa.Column("salt", S(32), nullable=False),
        sa.Column("leaf_hash", S(64), nullable=False),
        sa.Column("received_at", S(32), nullable=False),
        sa.Column("relay_signature", S(100), nullable=False),
        sa.UniqueConstraint("channel_id", "entry_id", name="uq_entries_entry_id"),
    )
    op.create_table(
        "channels",
        sa.Column("channel_id", S(64), primary_key=True),
        sa.Column("title", T, nullable=False),
        sa.Column("status", S(16), nullable=False),
        sa.Column("created_id", S(36), nullable=False),
        sa.Column("charter_digest", S(64), nullable=False),
        sa.Column("default_disclosure", S(16), nullable=False),
        sa.Column("ack_deadlines", T, nullable=False),
        sa.Column("mandate", T, nullable=False),
        sa.Column("tree_size", N, nullable=False),
        sa.Column("root_hash", S(64), nullable=False),
        sa.Column("frontier", T, nullable=False),
    )
    op.create_table(
        "sides",
        sa.Column("channel_id", S(64), primary_key=True),
        sa.Column("side_id", S(64), primary_key=True),
        sa.Column("name", T, nullable=False),
        sa.Column("kind", S(16), nullable=False),
        sa.Column("accepted_by", S(32)),
        sa.Column("accepted_seq", N),
    )
    op.create_table(
        "members",
        sa.Column("channel_id", S(64), primary_key=True),
        sa.Column("key_id", S(32), primary_key=True),
        sa.Column("public_key", S(64), nullable=False),
        sa.Column("side_id", S(64), nullable=False),
        sa.Column("role", S(16), nullable=False),
        sa.Column("name", T, nullable=False),
        sa.Column("title", T, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("added_seq", N, nullable=False),
        sa.Column("removed_seq", N),
    )
    op.create_index("ix_members_key_id", "members", ["key_id"])
    op.create_table(
        "messages",
        sa.Column("channel_id", S(64), primary_key=True),
        sa.Column("entry_id", S(36), primary_key=True),
        sa.Column("seq", N, nullable=False),
        sa.Column("sender", S(32), nullable=False),
        sa.Column("sender_side", S(64), nullable=False),
        sa.Column("to_side", S(64), nullable=False),
        sa.Column("priority", S(16), nullable=False),
        sa.Column("subject", T, nullable=False),
        sa.Column("text", T, nullable=False),
        sa.Column("language", S(32), nullable=False),
        sa.Column("topic", S(64)),
        sa.Column("reply_to", S(36)),
        sa.Column("relay_of", S(36)),
        sa.Column("disclosure", S(16), nullable=False),
        sa.Column("sent_time", S(32), nullable=False),
        sa.Column("relayed_at", S(32), nullable=False),
        sa.Column("ack_deadline", S(32), nullable=False),
        sa.Column("status", S(16), nullable=False),
        sa.Column("delivered_at", S(32)),
        sa.Column("acknowledged_at", S(32)),
        sa.Column("answered_at", S(32)),
        sa.Column("answered_by", S(36)),
    )
    op.create_table(
        "receipts",
        sa.Column("channel_id", S(64), primary_key=True),
        sa.Column("entry_id", S(36), primary_key=True),
        sa.Column("seq", N, nullable=False),
        sa.Column("message_id", S(36), nullable=False),
        sa.Column("kind", S(16), nullable=False),
        sa.Column("member", S(32), nullable=False),
        sa.Column("side_id", S(64), nullable=False),
        sa.Column("at", S(32), nullable=False),
        sa.Column("note", T, nullable=False),
    )
    op.create_index("ix_receipts_message", "receipts", ["channel_id", "message_id"])
    op.create_table(
        "auth_challenges",
        sa.Column("nonce", S(64), primary_key=True),
        sa.Column("key_id", S(32), nullable=False),
        sa.Column("expires_at", S(32), nullable=False),
        sa.Column("used", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for name in (
        "auth_challenges",
        "receipts",
        "messages",
        "members",
        "sides",
        "channels",
        "entries",
    ):
        op.drop_table(name)
