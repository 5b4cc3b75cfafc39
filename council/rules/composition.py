"""Size of the conseil de l'action sociale and allocation of its seats to political groups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from itertools import groupby

from council.rules.errors import RuleError


class Region(StrEnum):
    wallonia = "wallonia"
    brussels = "brussels"


# (highest population, council size) per region, in increasing order; above the last: 15.
_SIZE_BRACKETS: dict[Region, tuple[tuple[int, int], ...]] = {
    Region.wallonia: ((15_000, 9), (50_000, 11), (150_000, 13)),
    Region.brussels: ((50_000, 11), (150_000, 13)),
}
_LARGEST_COUNCIL = 15


def council_size(population: int, region: Region) -> int:
    """Number of council members for a population.

    Wallonia, LO art. 6 §1 [C]: ≤ 15,000 → 9; ≤ 50,000 → 11; ≤ 150,000 → 13; above → 15.
    Brussels, ordonnance of 14 March 2019 [C]: ≤ 50,000 → 11; ≤ 150,000 → 13; above → 15.
    """
    if population < 0:
        raise RuleError(f"population must not be negative (got {population})")
    for highest_population, size in _SIZE_BRACKETS[Region(region)]:
        if population <= highest_population:
            return size
    return _LARGEST_COUNCIL


@dataclass(frozen=True)
class GroupResult:
    """A municipal council group: its seats, electoral figure (votes) and pact membership."""

    name: str
    municipal_seats: int
    votes: int | None = None
    in_pact: bool = False


@dataclass(frozen=True)
class Tie:
    """Groups tied on the same remainder for fewer seats than groups: the seats stay unallocated."""

    groups: tuple[str, ...]
    seats: int
    remainder: Fraction


@dataclass(frozen=True)
class Allocation:
    """Result of LO art. 10 §1: seats per group (input order), exact quotas and unresolved ties.

    ``pact_seats`` and ``pact_has_majority`` are None when no group is in the majority pact.
    """

    size: int
    seats: dict[str, int]
    quotas: dict[str, Fraction]
    ties: tuple[Tie, ...]
    unallocated: int
    pact_seats: int | None
    pact_has_majority: bool | None


def allocate_seats(size: int, groups: Sequence[GroupResult]) -> Allocation:
    """Allocate the council's seats in proportion to the groups' municipal seats (LO art. 10 §1).

    [C] quota = municipal seats × size ÷ total municipal seats (exact fraction); each group
    gets the whole part, the remaining seats go to the largest remainders; a group without a
    municipal seat gets nothing.
    [V] groups tied on a remainder for the last seat(s) are separated by the larger electoral
    figure (votes); if that does not separate them (equal or missing votes), the disputed
    seats stay unallocated and are reported as a :class:`Tie`.
    [C] décret of 26 April 2012: the groups of the majority pact must hold a majority of the
    council; this is only reported, the supplementary-seat mechanism [V] is not applied.
    """
    _validate(size, groups)
    total_municipal_seats = sum(group.municipal_seats for group in groups)
    quotas = {
        group.name: Fraction(group.municipal_seats * size, total_municipal_seats)
        for group in groups
    }
    seats = {name: int(quota) for name, quota in quotas.items()}
    remaining = size - sum(seats.values())

    remainders = {name: quota - seats[name] for name, quota in quotas.items()}
    candidates = [group for group in groups if group.municipal_seats > 0]
    candidates.sort(key=lambda group: remainders[group.name], reverse=True)
    ties: list[Tie] = []
    for remainder, same_remainder in groupby(candidates, key=lambda group: remainders[group.name]):
        if remaining == 0:
            break
        winners, tie = _share_among_equal_remainders(list(same_remainder), remaining, remainder)
        for name in winners:
            seats[name] += 1
        remaining -= len(winners)
        if tie is not None:
            ties.append(tie)
            break

    pact = [group.name for group in groups if group.in_pact]
    pact_seats = sum(seats[name] for name in pact) if pact else None
    return Allocation(
        size=size,
        seats=seats,
        quotas=quotas,
        ties=tuple(ties),
        unallocated=remaining,
        pact_seats=pact_seats,
        pact_has_majority=None if pact_seats is None else 2 * pact_seats > size,
    )


def _share_among_equal_remainders(
    tied: list[GroupResult], seats: int, remainder: Fraction
) -> tuple[list[str], Tie | None]:
    """Give up to ``seats`` seats to groups sharing one remainder; larger votes first [V]."""
    if len(tied) <= seats:
        return [group.name for group in tied], None
    if any(group.votes is None for group in tied):
        return [], Tie(tuple(group.name for group in tied), seats, remainder)
    winners: list[str] = []
    by_votes = sorted(tied, key=lambda group: group.votes or 0, reverse=True)
    for _votes, same_votes in groupby(by_votes, key=lambda group: group.votes):
        names = [group.name for group in same_votes]
        left = seats - len(winners)
        if len(names) > left:
            return winners, Tie(tuple(names), left, remainder)
        winners.extend(names)
        if len(winners) == seats:
            break
    return winners, None


def _validate(size: int, groups: Sequence[GroupResult]) -> None:
    if size < 1:
        raise RuleError(f"council size must be at least 1 (got {size})")
    if not groups:
        raise RuleError("at least one political group is needed")
    names = [group.name for group in groups]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise RuleError(f"duplicate group name(s): {', '.join(duplicates)}")
    for group in groups:
        if not group.name:
            raise RuleError("a group name must not be empty")
        if group.municipal_seats < 0:
            raise RuleError(f"group {group.name}: municipal seats must not be negative")
        if group.votes is not None and group.votes < 0:
            raise RuleError(f"group {group.name}: votes must not be negative")
    if sum(group.municipal_seats for group in groups) == 0:
        raise RuleError("the groups hold no municipal seat in total")
