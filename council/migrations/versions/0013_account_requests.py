"""account requests: the DG confirms the roles that see content and second-factor resets that
the IT administrator asks for; accounts without a role yet (issue 13, separation of duties)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 14:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

OLD_ROLES = ('admin', 'dg', 'secretariat', 'social_worker', 'councillor')
NEW_ROLES = (*OLD_ROLES, 'unassigned')


def _role_type(roles: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*roles, name='role', native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.alter_column('role', existing_type=_role_type(OLD_ROLES),
                              type_=_role_type(NEW_ROLES), existing_nullable=False)
    op.create_table('account_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('role_change', 'two_factor_reset', name='accountrequestkind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', _role_type(NEW_ROLES), nullable=True),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.Enum('pending', 'confirmed', 'refused', 'superseded', name='accountrequeststate', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], name=op.f('fk_account_request_decided_by_id_user_account')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['user_account.id'], name=op.f('fk_account_request_requested_by_id_user_account')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_account_request_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_request'))
    )
    with op.batch_alter_table('account_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_request_decided_by_id'), ['decided_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_account_request_requested_by_id'), ['requested_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_account_request_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_account_request_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('account_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_request_user_id'))
        batch_op.drop_index(batch_op.f('ix_account_request_state'))
        batch_op.drop_index(batch_op.f('ix_account_request_requested_by_id'))
        batch_op.drop_index(batch_op.f('ix_account_request_decided_by_id'))

    op.drop_table('account_request')
    # an account still without a role cannot be stored under the old constraint: it gets the
    # IT administrator's, which sees no content either, and is disabled
    accounts = sa.table('user_account', sa.column('role', sa.String(32)),
                        sa.column('is_enabled', sa.Boolean()))
    op.execute(accounts.update().where(accounts.c.role == 'unassigned')
               .values(role='admin', is_enabled=False))
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.alter_column('role', existing_type=_role_type(NEW_ROLES),
                              type_=_role_type(OLD_ROLES), existing_nullable=False)
