"""record

Issue 6 (the record): launch classification, resolution keys, negated facts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""
import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('launches', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default='launch'))
        batch_op.add_column(sa.Column('skip_reason', sqlmodel.sql.sqltypes.AutoString(length=40),
                                      nullable=True))
    with op.batch_alter_table('facts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('negated', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('launches', schema=None) as batch_op:
        batch_op.drop_column('skip_reason')
        batch_op.drop_column('kind')
    with op.batch_alter_table('facts', schema=None) as batch_op:
        batch_op.drop_column('negated')
