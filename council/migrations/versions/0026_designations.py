"""designations (issue 15, item 4; LO art. 27 §6): the seats of a designation item, the new
ballot after a void one, and the item's candidates

Revision ID: 0026
Revises: 0021
Create Date: 2026-12-07 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None

OLD_KINDS = ('individual_aid', 'personnel', 'general', 'minutes_approval', 'ratification',
             'budget', 'budget_amendment', 'accounts', 'policy_note', 'annual_report')
NEW_KINDS = (*OLD_KINDS, 'designation')


def _kind_type(kinds: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*kinds, name='itemkind', native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=_kind_type(OLD_KINDS),
                              type_=_kind_type(NEW_KINDS), existing_nullable=False)
        batch_op.add_column(sa.Column('seats', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('revote_of_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_agenda_item_revote_of_id'), ['revote_of_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_agenda_item_revote_of_id_agenda_item'),
                                    'agenda_item', ['revote_of_id'], ['id'])
    op.create_table('designation_candidate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('sex', sa.Enum('F', 'M', 'X', name='sex', native_enum=False,
                             create_constraint=True, length=32), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('votes', sa.Integer(), nullable=True),
    sa.Column('is_elected', sa.Boolean(), nullable=True),
    sa.Column('entered_by_id', sa.Integer(), nullable=False),
    sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['entered_by_id'], ['user_account.id'],
                            name=op.f('fk_designation_candidate_entered_by_id_user_account')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'],
                            name=op.f('fk_designation_candidate_item_id_agenda_item')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'],
                            name=op.f('fk_designation_candidate_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_designation_candidate')),
    sa.UniqueConstraint('item_id', 'name', name=op.f('uq_designation_candidate_item_id'))
    )
    with op.batch_alter_table('designation_candidate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_designation_candidate_entered_by_id'),
                              ['entered_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_designation_candidate_item_id'), ['item_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_designation_candidate_member_id'), ['member_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('designation_candidate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_designation_candidate_member_id'))
        batch_op.drop_index(batch_op.f('ix_designation_candidate_item_id'))
        batch_op.drop_index(batch_op.f('ix_designation_candidate_entered_by_id'))
    op.drop_table('designation_candidate')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_agenda_item_revote_of_id_agenda_item'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_agenda_item_revote_of_id'))
        batch_op.drop_column('revote_of_id')
        batch_op.drop_column('seats')
    # a designation item cannot be stored under the old constraint: its candidates are gone,
    # it stays a matter of persons voted by secret ballot
    items = sa.table('agenda_item', sa.column('kind', sa.String(32)))
    op.execute(items.update().where(items.c.kind == 'designation').values(kind='personnel'))
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=_kind_type(NEW_KINDS),
                              type_=_kind_type(OLD_KINDS), existing_nullable=False)
