"""the sitting opened and closed by the president or the DG, and when each item was taken up
(the current item) (issue 15, item 1)

Revision ID: 0019
Revises: 0016
Create Date: 2026-12-07 17:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0019'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('opened_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('opened_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('closed_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_meeting_opened_by_id'), ['opened_by_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_closed_by_id'), ['closed_by_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_meeting_opened_by_id_user_account'),
                                    'user_account', ['opened_by_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_meeting_closed_by_id_user_account'),
                                    'user_account', ['closed_by_id'], ['id'])
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('taken_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_column('taken_at')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_meeting_closed_by_id_user_account'),
                                 type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_meeting_opened_by_id_user_account'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_meeting_closed_by_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_opened_by_id'))
        batch_op.drop_column('closed_by_id')
        batch_op.drop_column('closed_at')
        batch_op.drop_column('opened_by_id')
        batch_op.drop_column('opened_at')
