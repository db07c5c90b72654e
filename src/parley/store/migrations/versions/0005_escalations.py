"""Messages record when their missed acknowledgement deadline was escalated.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("escalated_at", sa.String(32)))


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("escalated_at")
