"""web

Issue 10 (web): consent, editors, rate limits, suppression list.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # filled in by its issue's work


def downgrade() -> None:
    pass
