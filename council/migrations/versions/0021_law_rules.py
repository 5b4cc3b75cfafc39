"""the organic law's remaining rules (issue 15, item 4): blank and null secret ballots, items
carried over to a third convocation, items added after the convocation and their urgency vote

Revision ID: 0021
Revises: 0016
Create Date: 2026-12-07 17:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0021'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('poll', schema=None) as batch_op:
        batch_op.add_column(sa.Column('blank_count', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('null_count', sa.Integer(), nullable=True))
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_added_after_convocation', sa.Boolean(),
                                      server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('times_on_agenda', sa.Integer(), server_default='1',
                                      nullable=False))
        batch_op.add_column(sa.Column('carried_from_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_agenda_item_carried_from_id'), ['carried_from_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_agenda_item_carried_from_id_agenda_item'),
                                    'agenda_item', ['carried_from_id'], ['id'])
    op.create_table('urgency_vote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('present', sa.Integer(), nullable=False),
    sa.Column('votes_for', sa.Integer(), nullable=False),
    sa.Column('required', sa.Integer(), nullable=False),
    sa.Column('is_declared', sa.Boolean(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'],
                            name=op.f('fk_urgency_vote_item_id_agenda_item')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'],
                            name=op.f('fk_urgency_vote_recorded_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_urgency_vote'))
    )
    with op.batch_alter_table('urgency_vote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_urgency_vote_item_id'), ['item_id'], unique=True)
        batch_op.create_index(batch_op.f('ix_urgency_vote_recorded_by_id'), ['recorded_by_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('urgency_vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_urgency_vote_recorded_by_id'))
        batch_op.drop_index(batch_op.f('ix_urgency_vote_item_id'))
    op.drop_table('urgency_vote')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_agenda_item_carried_from_id_agenda_item'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_agenda_item_carried_from_id'))
        batch_op.drop_column('carried_from_id')
        batch_op.drop_column('times_on_agenda')
        batch_op.drop_column('is_added_after_convocation')
    with op.batch_alter_table('poll', schema=None) as batch_op:
        batch_op.drop_column('null_count')
        batch_op.drop_column('blank_count')
