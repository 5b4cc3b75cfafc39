"""documents addressed outside the centre: their dispatch, the requester's address (issue 16, item 5)

Revision ID: 0022
Revises: 0016
Create Date: 2026-12-07 17:42:35.657348
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0022'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('document_dispatch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('recipient_encrypted', sa.LargeBinary(), nullable=False),
    sa.Column('method', sa.Enum('registered_mail', 'against_receipt', 'secure_email', 'ordinary_mail', name='dispatchmethod', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('reference', sa.String(length=60), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['signed_document.id'], name=op.f('fk_document_dispatch_document_id_signed_document')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_document_dispatch_recorded_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_dispatch'))
    )
    with op.batch_alter_table('document_dispatch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_dispatch_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_dispatch_recorded_by_id'), ['recorded_by_id'], unique=False)

    with op.batch_alter_table('secrecy_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('requester_address', sa.String(length=300), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('secrecy_request', schema=None) as batch_op:
        batch_op.drop_column('requester_address')

    with op.batch_alter_table('document_dispatch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_dispatch_recorded_by_id'))
        batch_op.drop_index(batch_op.f('ix_document_dispatch_document_id'))

    op.drop_table('document_dispatch')
