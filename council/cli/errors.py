"""Command-line errors as the contract wants them: one ``error: …`` line on stderr and exit
status 2, never a usage dump or a traceback."""

from __future__ import annotations

from typing import IO, Any

import click

USAGE_STATUS = 2


class OneLineUsageError(click.ClickException):
    exit_code = USAGE_STATUS

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True, file=file)


class OneLineErrorCommand(click.Command):
    """Reports click's own parsing errors (unknown option, bad integer…) as one line."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as error:
            raise OneLineUsageError(error.format_message()) from None
