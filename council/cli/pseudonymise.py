"""`flask --app council pseudonymise`: pseudonymise social reports from files (CONTRACT.md).

    pseudonymise REPORT.txt --dossier DOSSIER.json   prints the pseudonymised text
    pseudonymise IN_DIR OUT_DIR                      NAME.txt + NAME.json → OUT_DIR/NAME.txt

In directory mode the reports are the items of one meeting (one model load, one batch, the same
person gets the same letter in every file) unless ``--each`` treats them one by one. A bad pair
is reported on stderr, one line naming the file, and skipped; the exit status is then 1. Bad
usage is one line on stderr and exit status 2.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import click

from agenda.pseudonymise import (
    Dossier,
    DossierError,
    Pseudonymiser,
    ReportError,
    load_dossier,
    read_report,
)
from council.cli.errors import OneLineErrorCommand, OneLineUsageError

_USAGE = "give REPORT.txt --dossier DOSSIER.json, or IN_DIR OUT_DIR"


@click.command("pseudonymise", cls=OneLineErrorCommand)
@click.argument("paths", nargs=-1, metavar="REPORT.txt | IN_DIR OUT_DIR")
@click.option("--dossier", "dossier_path", metavar="DOSSIER.json", help="Dossier of REPORT.txt.")
@click.option(
    "--language",
    type=click.Choice(["fr", "nl", "de"]),
    default="fr",
    show_default=True,
    help="Language of a report whose dossier does not give one.",
)
@click.option(
    "--reference-date",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Date at which children's ages are given (default: today).",
)
@click.option(
    "--each", is_flag=True, help="Directory mode: each report on its own, not one meeting."
)
def pseudonymise_command(
    paths: tuple[str, ...],
    dossier_path: str | None,
    language: str,
    reference_date: Any,
    each: bool,
) -> None:
    """Pseudonymise a social report, or every NAME.txt with its NAME.json in a directory.

    The reports of a directory are the items of one meeting: the same person gets the same
    letter in every file (--each: every report on its own)."""
    pseudonymiser = Pseudonymiser(language, reference_date.date() if reference_date else None)
    if len(paths) == 1 and dossier_path is not None:
        _single(pseudonymiser, Path(paths[0]), Path(dossier_path))
    elif len(paths) == 2 and dossier_path is None:
        _directory(pseudonymiser, Path(paths[0]), Path(paths[1]), each)
    else:
        raise OneLineUsageError(_USAGE)


def _single(pseudonymiser: Pseudonymiser, report: Path, dossier_path: Path) -> None:
    if report.is_dir():
        raise OneLineUsageError(f"{report} is a directory; {_USAGE}")
    try:
        dossier = load_dossier(dossier_path)
        text = read_report(report)
    except DossierError as error:
        _fail(f"{dossier_path.name}: {error}")
    except ReportError as error:
        _fail(f"{report.name}: {error}")
    result = pseudonymiser.pseudonymise(text, dossier)
    click.echo(result.text, nl=not result.text.endswith("\n"))


def _directory(pseudonymiser: Pseudonymiser, source: Path, target: Path, each: bool) -> None:
    if not source.is_dir():
        raise OneLineUsageError(f"{source} is not a directory; {_USAGE}")
    if target.exists() and not target.is_dir():
        raise OneLineUsageError(f"{target} exists and is not a directory")
    if target.resolve() == source.resolve():
        raise OneLineUsageError(
            "OUT_DIR must differ from IN_DIR (inputs would be overwritten)"
        )
    names, pairs, skipped = [], [], 0
    for report in sorted(p for p in source.glob("*.txt") if p.is_file()):
        pair = _read_pair(report)
        if pair is None:
            skipped += 1
        else:
            names.append(report.name)
            pairs.append(pair)
    if each:
        outputs = [item.text for item in pseudonymiser.pseudonymise_each(pairs)]
    else:
        outputs = [item.text for item in pseudonymiser.pseudonymise_meeting(pairs).items]
    target.mkdir(parents=True, exist_ok=True)
    for name, text in zip(names, outputs, strict=True):
        _write_atomically(target / name, text)
    click.echo(f"{len(names)} report(s) pseudonymised into {target}, {skipped} skipped")
    if skipped:
        raise click.exceptions.Exit(1)


def _read_pair(report: Path) -> tuple[str, Dossier] | None:
    dossier_path = report.with_suffix(".json")
    if not dossier_path.is_file():
        click.echo(f"{report.name}: skipped, no dossier {dossier_path.name}", err=True)
        return None
    try:
        return read_report(report), load_dossier(dossier_path)
    except ReportError as error:
        click.echo(f"{report.name}: skipped, {error}", err=True)
    except DossierError as error:
        click.echo(f"{report.name}: skipped, {dossier_path.name}: {error}", err=True)
    return None


def _write_atomically(path: Path, text: str) -> None:
    """Never a half-written output: write beside it, then rename over it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _fail(message: str) -> None:
    click.echo(message, err=True)
    raise click.exceptions.Exit(1)


if __name__ == "__main__":
    pseudonymise_command()
