"""dossier identities kept as versions, each written once (issue 14)

Revision ID: 0018
Revises: 0013
Create Date: 2026-12-07 14:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0018'
down_revision = '0013'
branch_labels = None
depends_on = None

DOSSIERS = sa.table('dossier', sa.column('id', sa.Integer()),
                    sa.column('identity_encrypted', sa.LargeBinary()),
                    sa.column('social_worker_id', sa.Integer()),
                    sa.column('created_at', sa.DateTime(timezone=True)))


def upgrade() -> None:
    versions = op.create_table('dossier_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('identity_encrypted', sa.LargeBinary(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_dossier_identity_dossier_id_dossier')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_dossier_identity_recorded_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier_identity')),
    sa.UniqueConstraint('dossier_id', 'version', name=op.f('uq_dossier_identity_dossier_id'))
    )
    with op.batch_alter_table('dossier_identity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_identity_dossier_id'), ['dossier_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_identity_recorded_by_id'), ['recorded_by_id'], unique=False)
    # what was replaced before is gone: the current identity becomes the first version, in
    # force since the dossier arrived, so that every earlier decision finds one
    op.execute(versions.insert().from_select(
        ['dossier_id', 'version', 'identity_encrypted', 'recorded_by_id', 'recorded_at'],
        sa.select(DOSSIERS.c.id, sa.literal(1), DOSSIERS.c.identity_encrypted,
                  DOSSIERS.c.social_worker_id, DOSSIERS.c.created_at)))


def downgrade() -> None:
    with op.batch_alter_table('dossier_identity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_identity_recorded_by_id'))
        batch_op.drop_index(batch_op.f('ix_dossier_identity_dossier_id'))
    op.drop_table('dossier_identity')
