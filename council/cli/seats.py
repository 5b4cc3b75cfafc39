"""`flask --app council seats`: allocate the council's seats to political groups (LO art. 10)."""

from __future__ import annotations

import json
import re
from typing import Any

import click

from council.cli.errors import OneLineErrorCommand, OneLineUsageError
from council.rules.composition import (
    Allocation,
    GroupResult,
    Region,
    allocate_seats,
    council_size,
)
from council.rules.errors import RuleError

_GROUP_PATTERN = re.compile(r"^(?P<name>[^=]+)=(?P<seats>\d+)(?::(?P<votes>\d+))?$")


@click.command("seats", cls=OneLineErrorCommand)
@click.option("--size", type=int, help="Council size (number of members).")
@click.option("--population", type=int, help="Population, to derive the council size.")
@click.option(
    "--region",
    type=click.Choice([region.value for region in Region]),
    help="Region whose law sets the size (with --population).",
)
@click.option(
    "--group",
    "group_specs",
    multiple=True,
    metavar="NAME=SEATS[:VOTES]",
    help="A municipal council group, its seats and optionally its votes; repeat per group.",
)
@click.option("--pact", metavar="NAME,NAME", help="Groups of the majority pact.")
def seats_command(
    size: int | None,
    population: int | None,
    region: str | None,
    group_specs: tuple[str, ...],
    pact: str | None,
) -> None:
    """Allocate the council's seats to the municipal council's groups and print JSON."""
    try:
        report = _seats_report(size, population, region, group_specs, pact)
    except RuleError as error:
        raise OneLineUsageError(str(error)) from None
    click.echo(json.dumps(report, indent=2, ensure_ascii=False))


def _seats_report(
    size: int | None,
    population: int | None,
    region_name: str | None,
    group_specs: tuple[str, ...],
    pact: str | None,
) -> dict[str, Any]:
    region = Region(region_name) if region_name else None
    size = _resolve_size(size, population, region)
    if not group_specs:
        raise RuleError("at least one --group NAME=SEATS[:VOTES] is needed")
    parsed = [_parse_group(spec) for spec in group_specs]
    pact_names = _parse_pact(pact, [group.name for group in parsed])
    groups = [
        GroupResult(group.name, group.municipal_seats, group.votes, group.name in pact_names)
        for group in parsed
    ]
    allocation = allocate_seats(size, groups)
    report: dict[str, Any] = {"size": size}
    if population is not None and region is not None:
        report["population"] = population
        report["region"] = region.value
        if region is Region.brussels:
            report["indicative"] = True
    report.update(_allocation_json(allocation, pact_names))
    return report


def _resolve_size(size: int | None, population: int | None, region: Region | None) -> int:
    if size is not None and population is not None:
        raise RuleError("give either --size or --population, not both")
    if region is not None and population is None:
        raise RuleError("--region needs --population")
    if population is not None:
        if region is None:
            raise RuleError("--population needs --region wallonia or --region brussels")
        return council_size(population, region)
    if size is None:
        raise RuleError("give --size N or --population P --region wallonia|brussels")
    return size


def _parse_group(spec: str) -> GroupResult:
    match = _GROUP_PATTERN.match(spec.strip())
    if match is None or not match["name"].strip():
        raise RuleError(f"--group {spec!r} is not NAME=SEATS[:VOTES] with whole numbers")
    votes = match["votes"]
    return GroupResult(match["name"].strip(), int(match["seats"]), int(votes) if votes else None)


def _parse_pact(pact: str | None, group_names: list[str]) -> list[str]:
    if pact is None:
        return []
    names = [name.strip() for name in pact.split(",")]
    if not all(names):
        raise RuleError(f"--pact {pact!r} has an empty group name")
    unknown = [name for name in names if name not in group_names]
    if unknown:
        raise RuleError(f"--pact names unknown group(s): {', '.join(unknown)}")
    if len(set(names)) != len(names):
        raise RuleError(f"--pact {pact!r} names a group twice")
    return names


def _allocation_json(allocation: Allocation, pact_names: list[str]) -> dict[str, Any]:
    return {
        "seats": allocation.seats,
        "ties": [
            {"groups": list(tie.groups), "seats": tie.seats, "remainder": str(tie.remainder)}
            for tie in allocation.ties
        ],
        "unallocated": allocation.unallocated,
        "quotas": {name: str(quota) for name, quota in allocation.quotas.items()},
        "pact": (
            {
                "groups": pact_names,
                "seats": allocation.pact_seats,
                "majority": allocation.pact_has_majority,
            }
            if pact_names
            else None
        ),
    }
