"""a reviewer's decisions on the doubts that block an item's approval (issue 19)

Revision ID: 0025
Revises: 0016
Create Date: 2026-12-07 17:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0025'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('doubt_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pseudonymisation_id', sa.Integer(), nullable=False),
    sa.Column('text_encrypted', sa.LargeBinary(), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('decision', sa.Enum('kept', 'replaced', name='doubtdecision',
                                  native_enum=False, create_constraint=True, length=32),
              nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'],
                            name=op.f('fk_doubt_decision_decided_by_id_user_account')),
    sa.ForeignKeyConstraint(['pseudonymisation_id'], ['item_pseudonymisation.id'],
                            name=op.f('fk_doubt_decision_pseudonymisation_id_item_pseudonymisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_doubt_decision'))
    )
    with op.batch_alter_table('doubt_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_doubt_decision_decided_by_id'), ['decided_by_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_doubt_decision_pseudonymisation_id'),
                              ['pseudonymisation_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('doubt_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_doubt_decision_pseudonymisation_id'))
        batch_op.drop_index(batch_op.f('ix_doubt_decision_decided_by_id'))
    op.drop_table('doubt_decision')
