"""Commands of ``flask --app council …`` (see ../shared/CONTRACT.md)."""

from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import AppGroup

from council.cli.accounts import accounts_group
from council.cli.backup import backup_command, restore_command
from council.cli.keys import rotate_keys_command
from council.cli.pseudonymise import pseudonymise_command
from council.cli.seats import seats_command
from council.cli.trust import trust_ca_command
from council.db import db, state
from council.demo import build_demo
from council.migrate import revision, upgrade
from council.services.audit import verify_chain


def register_commands(app: Flask) -> None:
    @app.cli.command("init-db")
    def init_db() -> None:
        """Create or upgrade the schema (Alembic migrations)."""
        upgrade(state().engine)
        click.echo("database schema is up to date")

    @app.cli.command("make-migration")
    @click.argument("message")
    def make_migration(message: str) -> None:
        """Write a new migration from the models (developers)."""
        revision(state().engine, message)

    @app.cli.command("demo")
    @click.option("--items", type=click.IntRange(0, 5000), default=None,
                  help="Number of pseudonymised individual-aid items on the demo CSSS meeting.")
    def demo(items: int | None) -> None:
        """(Re)create the demo centre, its accounts and meetings."""
        click.echo("building the database schema")
        upgrade(state().engine)
        summary = build_demo(db.session, items=items, progress=click.echo)
        click.echo(summary)

    audit_group = AppGroup("audit", help="The audit log.")

    @audit_group.command("verify")
    def audit_verify() -> None:
        """Check the audit log's hash chain."""
        broken = verify_chain(db.session)
        if broken is not None:
            click.echo(f"audit chain broken at entry {broken.entry_id}: {broken.reason}", err=True)
            sys.exit(1)
        click.echo("audit chain intact")

    app.cli.add_command(audit_group)
    app.cli.add_command(accounts_group)
    app.cli.add_command(seats_command)
    app.cli.add_command(pseudonymise_command)
    app.cli.add_command(rotate_keys_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(trust_ca_command)
