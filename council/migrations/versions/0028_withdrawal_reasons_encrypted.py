"""a withdrawal's reason encrypted at rest, like the other free texts that may name a person
(it often says how the member knows the applicant: "my neighbour", "my cousin's landlady")

The table is made anew rather than altered: a dropped column's values stay inside PostgreSQL's
rows (and an updated row's old version stays until VACUUM), while a dropped table's files go at
the commit; on SQLite the old pages are zeroed (``secure_delete``). Reasons are encrypted with
the application's data key, so an upgrade of a database that holds withdrawals runs through the
application (``flask --app council init-db`` or the factory), where the key is configured.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-07 21:40:00
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0028'
down_revision = '0027'
branch_labels = None
depends_on = None

_KEPT = ('id', 'item_id', 'member_id', 'declared_by_id', 'declared_at')
#: the table as each version holds it, for reading and writing rows
CLEAR = sa.table('item_withdrawal', *(sa.column(name) for name in _KEPT),
                 sa.column('reason', sa.Text()))
ENCRYPTED = sa.table('item_withdrawal', *(sa.column(name) for name in _KEPT),
                     sa.column('reason_encrypted', sa.LargeBinary()))


def _create(reason: sa.Column) -> None:
    op.create_table(
        'item_withdrawal',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        reason,
        sa.Column('declared_by_id', sa.Integer(), nullable=False),
        sa.Column('declared_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['declared_by_id'], ['user_account.id'],
                                name=op.f('fk_item_withdrawal_declared_by_id_user_account')),
        sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'],
                                name=op.f('fk_item_withdrawal_item_id_agenda_item')),
        sa.ForeignKeyConstraint(['member_id'], ['member.id'],
                                name=op.f('fk_item_withdrawal_member_id_member')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_item_withdrawal')),
        sa.UniqueConstraint('item_id', 'member_id', name=op.f('uq_item_withdrawal_item_id')),
    )


def _crypto() -> ModuleType:
    """The application's encryption, which holds the data key; refused outside it."""
    # the application's modules only when a row needs the key: alembic loads every migration
    # module, the application's or not, and a migration must not depend on them otherwise
    from flask import has_app_context
    from council import crypto  # the key of the application running the upgrade
    if not has_app_context():
        raise RuntimeError('withdrawal reasons are encrypted with COUNCIL_DATA_KEY: run this '
                           'upgrade through the application (flask --app council init-db)')
    return crypto


def _remake(old: sa.TableClause, new: sa.TableClause, reason: sa.Column,
            convert: Callable[[dict[str, Any]], Any]) -> None:
    """Reads the rows and converts their reasons (before anything is dropped), drops the table,
    creates it with ``reason``, writes them back."""
    connection = op.get_bind()
    rows = [{**{name: row[name] for name in _KEPT}, reason.name: convert(row)}
            for row in (dict(r._mapping) for r in connection.execute(sa.select(old)))]
    with op.batch_alter_table('item_withdrawal', schema=None) as batch_op:
        for column in ('declared_by_id', 'item_id', 'member_id'):
            batch_op.drop_index(batch_op.f(f'ix_item_withdrawal_{column}'))
    op.drop_table('item_withdrawal')
    _create(reason)
    with op.batch_alter_table('item_withdrawal', schema=None) as batch_op:
        for column in ('declared_by_id', 'item_id', 'member_id'):
            batch_op.create_index(batch_op.f(f'ix_item_withdrawal_{column}'), [column],
                                  unique=False)
    if rows:
        connection.execute(new.insert(), rows)


def upgrade() -> None:
    _remake(CLEAR, ENCRYPTED, sa.Column('reason_encrypted', sa.LargeBinary(), nullable=False),
            lambda row: _crypto().encrypt_bytes(row['reason'].encode()))


def downgrade() -> None:
    _remake(ENCRYPTED, CLEAR, sa.Column('reason', sa.Text(), nullable=False),
            lambda row: _crypto().decrypt_bytes(row['reason_encrypted']).decode())
