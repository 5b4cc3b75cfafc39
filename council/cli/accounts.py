"""`flask --app council accounts …`: what the operator of the server does about accounts and
no one does in the web interface (separation of duties, issue 13). Every command is audited
without an actor: the DG's "Roles and resets" page lists it as the operator's."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from council.cli.errors import OneLineErrorCommand, OneLineUsageError
from council.db import db
from council.models import Language
from council.refusals import NotFound
from council.services import account_requests, accounts

accounts_group = AppGroup("accounts", help="Accounts: the first DG, decisions no DG may take.")


@accounts_group.command("create-dg", cls=OneLineErrorCommand)
@click.argument("username")
@click.option("--name", "display_name", required=True, help="Full name shown in the interface.")
@click.option("--email", default=None, help="Address for convocations and notices.")
@click.option("--language", type=click.Choice([language.value for language in Language]),
              default=Language.fr.value, show_default=True)
@click.password_option(help="Initial password (asked when not given).")
def create_dg_command(username: str, display_name: str, email: str | None, language: str,
                      password: str) -> None:
    """Create the first director-general, who confirms the roles the IT administrator asks
    for. Refused while an enabled DG account exists."""
    try:
        user = accounts.create_first_director(db.session, username=username, password=password,
                                              display_name=display_name, email=email,
                                              language=Language(language))
    except accounts.DirectorExists:
        raise OneLineUsageError("an enabled director-general account exists: the IT "
                                "administrator asks for another one, which a DG confirms") from None
    except accounts.AccountError as error:
        raise OneLineUsageError(str(error).replace("_", " ")) from None
    click.echo(f"director-general account {user.username} created")


@accounts_group.command("requests", cls=OneLineErrorCommand)
def requests_command() -> None:
    """List the requests waiting for a DG's decision."""
    for request in account_requests.pending_requests(db.session):
        asked = f"role {request.role.value}" if request.role else request.kind.value
        click.echo(f"{request.id}\t{request.user.username}\t{asked}\t"
                   f"asked by {request.requested_by.username} at "
                   f"{request.requested_at:%Y-%m-%d %H:%M} UTC\t(now {request.user.role.value})")


def _decide(request_id: int, *, confirm: bool) -> None:
    try:
        request = account_requests.operator_request(db.session, request_id)
        account_requests.decide(db.session, actor=None, request=request, confirm=confirm)
    except NotFound:
        raise OneLineUsageError(f"no request {request_id}") from None
    except accounts.AccountError as error:
        raise OneLineUsageError(str(error).replace("_", " ")) from None
    click.echo(f"request {request_id} {'confirmed' if confirm else 'refused'}")


@accounts_group.command("confirm", cls=OneLineErrorCommand)
@click.argument("request_id", type=int)
def confirm_command(request_id: int) -> None:
    """Confirm a request no DG may decide (one about the only DG's own account)."""
    _decide(request_id, confirm=True)


@accounts_group.command("refuse", cls=OneLineErrorCommand)
@click.argument("request_id", type=int)
def refuse_command(request_id: int) -> None:
    """Refuse a pending request."""
    _decide(request_id, confirm=False)


@accounts_group.command("reset-two-factor", cls=OneLineErrorCommand)
@click.argument("username")
def reset_two_factor_command(username: str) -> None:
    """Remove an account's authenticator and recovery codes: the way for the only DG (lost
    phone), whom no other DG can confirm."""
    try:
        user = account_requests.operator_reset_two_factor(db.session, username)
    except NotFound:
        raise OneLineUsageError(f"no account {username}") from None
    click.echo(f"second factor of {user.username} removed; they enrol again at their next login")
