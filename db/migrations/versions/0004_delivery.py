"""delivery

Issue 8 (delivery): batched deliveries, send leases, provider events.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # filled in by its issue's work


def downgrade() -> None:
    pass
