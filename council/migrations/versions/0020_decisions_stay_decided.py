"""decisions stay decided: decision revisions, the organ's approval of the minutes, the social
software's integration account (issue 15, items 2, 3 and 5)

Revision ID: 0020
Revises: 0016
Create Date: 2026-12-07 17:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0020'
down_revision = '0021'
branch_labels = None
depends_on = None

OLD_ROLES = ('admin', 'dg', 'secretariat', 'social_worker', 'councillor', 'unassigned')
NEW_ROLES = (*OLD_ROLES, 'integration')
APPROVALS = ('without_observation', 'with_observations', 'by_vote')


def _role_type(roles: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*roles, name='role', native_enum=False, create_constraint=True, length=32)


def _set_roles(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    for table, nullable in (('user_account', False), ('account_request', True)):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('role', existing_type=_role_type(old), type_=_role_type(new),
                                  existing_nullable=nullable)


def upgrade() -> None:
    _set_roles(OLD_ROLES, NEW_ROLES)
    op.create_table('decision_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_decision_revision_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_decision_revision_item_id_agenda_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_revision')),
    sa.UniqueConstraint('item_id', 'number', name=op.f('uq_decision_revision_item_id'))
    )
    with op.batch_alter_table('decision_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_revision_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_revision_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_revision_item_id'), ['item_id'], unique=False)
    with op.batch_alter_table('minutes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('approval', sa.Enum(*APPROVALS, name='minutesapproval', native_enum=False, create_constraint=True, length=32), nullable=True))
        batch_op.add_column(sa.Column('approval_observations', sa.Text(), nullable=True))
    # minutes approved before: recorded by the staff as the organ's approval without observation
    minutes = sa.table('minutes', sa.column('status', sa.String(32)),
                       sa.column('approval', sa.String(32)))
    op.execute(minutes.update().where(minutes.c.status != 'draft')
               .values(approval='without_observation'))


def downgrade() -> None:
    with op.batch_alter_table('minutes', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_minutes_minutesapproval'), type_='check')
        batch_op.drop_column('approval_observations')
        batch_op.drop_column('approval')
    with op.batch_alter_table('decision_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_revision_item_id'))
        batch_op.drop_index(batch_op.f('ix_decision_revision_created_by_id'))
        batch_op.drop_index(batch_op.f('ix_decision_revision_created_at'))
    op.drop_table('decision_revision')
    # an integration account cannot be stored under the old constraint: it gets no role, and
    # is disabled
    accounts = sa.table('user_account', sa.column('role', sa.String(32)),
                        sa.column('is_enabled', sa.Boolean()))
    op.execute(accounts.update().where(accounts.c.role == 'integration')
               .values(role='unassigned', is_enabled=False))
    requests = sa.table('account_request', sa.column('role', sa.String(32)))
    op.execute(requests.delete().where(requests.c.role == 'integration'))
    _set_roles(NEW_ROLES, OLD_ROLES)
