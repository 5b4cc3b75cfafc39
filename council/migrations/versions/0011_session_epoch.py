"""session epoch per account: ending every web session of an account at once (issue 13)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 05:30:25
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_epoch', sa.String(length=32), nullable=True))
    # each existing account its own random epoch; sessions from before carry none and end
    accounts = sa.table('user_account', sa.column('id', sa.Integer()),
                        sa.column('session_epoch', sa.String(length=32)))
    connection = op.get_bind()
    for (account_id,) in connection.execute(sa.select(accounts.c.id)).all():
        connection.execute(accounts.update().where(accounts.c.id == account_id)
                           .values(session_epoch=secrets.token_hex(16)))
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.alter_column('session_epoch', existing_type=sa.String(length=32),
                              nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('session_epoch')
