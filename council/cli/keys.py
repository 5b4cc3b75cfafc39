"""`flask --app council rotate-keys`: re-encrypt the data at rest with the first key."""

from __future__ import annotations

import sys

import click
from flask.cli import with_appcontext

from council.cli.errors import OneLineErrorCommand, OneLineUsageError
from council.db import db
from council.services.keys import RotationRefused, rotate_data_keys


@click.command("rotate-keys", cls=OneLineErrorCommand)
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=200, show_default=True,
              help="Rows re-encrypted per transaction.")
@with_appcontext
def rotate_keys_command(batch_size: int) -> None:
    """Re-encrypt every *_encrypted column with the first key of COUNCIL_DATA_KEY (NEW,OLD).

    Resumable: run it again after an interruption. Remove OLD once it reports no unreadable
    value."""
    try:
        report = rotate_data_keys(db.session, batch_size=batch_size)
    except RotationRefused as refused:
        raise OneLineUsageError(str(refused)) from None
    for name, column in report.columns.items():
        click.echo(f"{name}: {column.rotated} re-encrypted, {column.already_current} already "
                   f"under the new key, {len(column.unreadable)} unreadable")
    if report.unreadable:
        unreadable = "; ".join(f"{name} ids {', '.join(map(str, column.unreadable[:10]))}"
                               for name, column in report.columns.items() if column.unreadable)
        click.echo(f"error: {report.unreadable} value(s) readable with none of the keys "
                   f"({unreadable}): keep the old keys", err=True)
        sys.exit(1)
    click.echo(f"{report.rotated} value(s) re-encrypted; every encrypted value is readable with "
               "the first key alone: the old key(s) may be removed from COUNCIL_DATA_KEY")
