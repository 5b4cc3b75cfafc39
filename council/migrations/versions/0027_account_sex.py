"""an account's sex, for the titles by gender in the interface ("directrice générale")
(issue 16, item 6)

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07 19:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sex', sa.Enum('F', 'M', 'X', name='sex', native_enum=False, create_constraint=True, length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_user_account_sex'), type_='check')
        batch_op.drop_column('sex')
