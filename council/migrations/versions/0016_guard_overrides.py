"""the DG's overrides of the identity guard (issue 14, item 1)

Revision ID: 0016
Revises: 0018
Create Date: 2026-12-07 14:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0016'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('guard_override',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text_digest', sa.String(length=64), nullable=False),
    sa.Column('kinds', sa.String(length=120), nullable=False),
    sa.Column('reason_encrypted', sa.LargeBinary(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'],
                            name=op.f('fk_guard_override_created_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guard_override'))
    )
    with op.batch_alter_table('guard_override', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guard_override_created_by_id'), ['created_by_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_guard_override_text_digest'), ['text_digest'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('guard_override', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guard_override_text_digest'))
        batch_op.drop_index(batch_op.f('ix_guard_override_created_by_id'))
    op.drop_table('guard_override')
