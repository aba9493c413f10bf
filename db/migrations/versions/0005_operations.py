"""operations

Issue 9 (operations): host gate, ingest entry errors, run records.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # filled in by its issue's work


def downgrade() -> None:
    pass
