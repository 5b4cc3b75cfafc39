"""secret ballots sealed under a key of the poll, erased at closing (issue 13)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 06:10:00
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

POLLS = sa.table('poll', sa.column('id', sa.Integer()), sa.column('status', sa.String()),
                 sa.column('ballot_salt', sa.LargeBinary()))
BALLOTS = sa.table('secret_ballot', sa.column('poll_id', sa.Integer()))


def upgrade() -> None:
    connection = op.get_bind()
    pending = connection.execute(
        sa.select(sa.func.count()).select_from(BALLOTS)
        .join(POLLS, BALLOTS.c.poll_id == POLLS.c.id).where(POLLS.c.status == 'open')).scalar()
    if pending:
        raise RuntimeError('a secret poll with ballots is open: close it with the previous '
                           'version before upgrading (its choices are stored in clear)')
    # nullable: a NOT NULL column would make SQLite copy the poll table, and dropping the
    # original fails on the rows that refer to it; every poll gets its salt here
    with op.batch_alter_table('poll', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ballot_salt', sa.LargeBinary(), nullable=True))
    for (poll_id,) in connection.execute(sa.select(POLLS.c.id)).all():
        connection.execute(POLLS.update().where(POLLS.c.id == poll_id)
                           .values(ballot_salt=secrets.token_bytes(32)))
    # the choices of closed polls were kept in clear after closing; their counts are on the
    # poll: the table is dropped and made anew (the journal keeps the old rows until it is
    # checkpointed on SQLite, the dead rows stay until VACUUM on PostgreSQL: docs/security.md)
    with op.batch_alter_table('secret_ballot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_secret_ballot_poll_id'))
    op.drop_table('secret_ballot')
    op.create_table('secret_ballot',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('poll_id', sa.Integer(), nullable=False),
    sa.Column('sealed_choice', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['poll_id'], ['poll.id'], name=op.f('fk_secret_ballot_poll_id_poll')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_secret_ballot')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('secret_ballot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_secret_ballot_poll_id'), ['poll_id'], unique=False)


def downgrade() -> None:
    if op.get_bind().execute(sa.select(sa.func.count()).select_from(BALLOTS)).scalar():
        raise RuntimeError('a secret poll with ballots is open: close it before downgrading '
                           '(its sealed choices cannot be read here)')
    with op.batch_alter_table('secret_ballot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_secret_ballot_poll_id'))
    op.drop_table('secret_ballot')
    op.create_table('secret_ballot',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('poll_id', sa.Integer(), nullable=False),
    sa.Column('choice', sa.Enum('yes', 'no', 'abstain', name='choice', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.ForeignKeyConstraint(['poll_id'], ['poll.id'], name=op.f('fk_secret_ballot_poll_id_poll')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_secret_ballot')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('secret_ballot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_secret_ballot_poll_id'), ['poll_id'], unique=False)
    with op.batch_alter_table('poll', schema=None) as batch_op:
        batch_op.drop_column('ballot_salt')
