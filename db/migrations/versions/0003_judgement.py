"""judgement

Issue 7 (judgement): pairing decisions, review keys, pinned reviews.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # filled in by its issue's work


def downgrade() -> None:
    pass
