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

AutoString = sqlmodel.sql.sqltypes.AutoString
UTCDateTime = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    with op.batch_alter_table('issues', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cutoff', UTCDateTime(), nullable=True))

    with op.batch_alter_table('comparisons', schema=None) as batch_op:
        batch_op.add_column(sa.Column('score', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('why', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('pinned', sa.Boolean(), nullable=False, server_default=sa.false()))

    # A review is keyed by the tool's content, the persona file's content and the provider/model:
    # several versions of one persona's review of one tool may be kept (a sent issue pins its own).
    with op.batch_alter_table('panel_reviews', schema=None) as batch_op:
        batch_op.drop_constraint('uq_review_tool_persona', type_='unique')
        batch_op.add_column(sa.Column('model', AutoString(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('tool_hash', AutoString(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('persona_hash', AutoString(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('review_key', AutoString(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('dropped', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('latency_ms', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('prompt_tokens', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('completion_tokens', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_unique_constraint('uq_review_key', ['tool_id', 'persona', 'review_key'])
        batch_op.create_index(batch_op.f('ix_panel_reviews_review_key'), ['review_key'], unique=False)

    op.create_table('pairing_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('week', AutoString(length=10), nullable=False),
    sa.Column('action', AutoString(length=10), nullable=False),
    sa.Column('tool_a_id', sa.Integer(), nullable=False),
    sa.Column('tool_b_id', sa.Integer(), nullable=True),
    sa.Column('editor', AutoString(length=320), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['tool_a_id'], ['tools.id'], ),
    sa.ForeignKeyConstraint(['tool_b_id'], ['tools.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('pairing_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pairing_decisions_week'), ['week'], unique=False)

    op.create_table('comparison_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('comparison_id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['comparison_id'], ['comparisons.id'], ),
    sa.ForeignKeyConstraint(['review_id'], ['panel_reviews.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('comparison_id', 'review_id', name='uq_comparison_review')
    )
    with op.batch_alter_table('comparison_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comparison_reviews_comparison_id'), ['comparison_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_comparison_reviews_review_id'), ['review_id'], unique=False)

    op.create_table('tool_embeddings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tool_id', sa.Integer(), nullable=False),
    sa.Column('model', AutoString(length=200), nullable=False),
    sa.Column('text_hash', AutoString(length=64), nullable=False),
    sa.Column('vector', sa.Text(), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('tool_id', 'model', 'text_hash', name='uq_tool_embedding')
    )
    with op.batch_alter_table('tool_embeddings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tool_embeddings_tool_id'), ['tool_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('tool_embeddings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tool_embeddings_tool_id'))
    op.drop_table('tool_embeddings')
    with op.batch_alter_table('comparison_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comparison_reviews_review_id'))
        batch_op.drop_index(batch_op.f('ix_comparison_reviews_comparison_id'))
    op.drop_table('comparison_reviews')
    with op.batch_alter_table('pairing_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pairing_decisions_week'))
    op.drop_table('pairing_decisions')
    # Only the newest review of each tool and persona survives the old one-review key.
    op.execute("DELETE FROM panel_reviews WHERE id NOT IN "
               "(SELECT max(id) FROM panel_reviews GROUP BY tool_id, persona)")
    with op.batch_alter_table('panel_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panel_reviews_review_key'))
        batch_op.drop_constraint('uq_review_key', type_='unique')
        for column in ('completion_tokens', 'prompt_tokens', 'latency_ms', 'attempts', 'dropped',
                       'review_key', 'persona_hash', 'tool_hash', 'model'):
            batch_op.drop_column(column)
        batch_op.create_unique_constraint('uq_review_tool_persona', ['tool_id', 'persona'])
    with op.batch_alter_table('comparisons', schema=None) as batch_op:
        for column in ('pinned', 'why', 'score'):
            batch_op.drop_column(column)
    with op.batch_alter_table('issues', schema=None) as batch_op:
        batch_op.drop_column('cutoff')
