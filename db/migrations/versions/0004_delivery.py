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
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('next_attempt_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True))
        batch_op.add_column(sa.Column('provider_status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True))
        batch_op.add_column(sa.Column('provider_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        # One composite index serves claiming and counting; the single-column ones only cost writes.
        batch_op.drop_index('ix_deliveries_status')
        batch_op.drop_index('ix_deliveries_issue_id')
        batch_op.create_index('ix_deliveries_issue_status_id', ['issue_id', 'status', 'id'], unique=False)

    with op.batch_alter_table('subscribers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('suppressed_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('suppressed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))

    op.create_table('send_leases',
    sa.Column('issue_id', sa.Integer(), nullable=False),
    sa.Column('holder', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('token', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('acquired_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('heartbeat_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['issue_id'], ['issues.id'], ),
    sa.PrimaryKeyConstraint('issue_id')
    )

    op.create_table('provider_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('event_id', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('event', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('delivery_id', sa.Integer(), nullable=True),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=True),
    sa.Column('occurred_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('received_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('provider', 'event_id', name='uq_provider_event')
    )
    with op.batch_alter_table('provider_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_provider_events_delivery_id'), ['delivery_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('provider_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_provider_events_delivery_id'))
    op.drop_table('provider_events')
    op.drop_table('send_leases')
    with op.batch_alter_table('subscribers', schema=None) as batch_op:
        batch_op.drop_column('suppressed_at')
        batch_op.drop_column('suppressed_reason')
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_index('ix_deliveries_issue_status_id')
        batch_op.create_index('ix_deliveries_issue_id', ['issue_id'], unique=False)
        batch_op.create_index('ix_deliveries_status', ['status'], unique=False)
        batch_op.drop_column('provider_at')
        batch_op.drop_column('provider_status')
        batch_op.drop_column('batch')
        batch_op.drop_column('next_attempt_at')
        batch_op.drop_column('attempts')
