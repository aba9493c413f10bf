"""review approvals

Issue 10 (desk): an editor approves a day's reviews for the site.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""
import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('review_approvals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('editor_email', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('approved_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['panel_reviews.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('review_approvals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_approvals_review_id'), ['review_id'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('review_approvals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_approvals_review_id'))
    op.drop_table('review_approvals')
