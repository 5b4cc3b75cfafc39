"""Election of members of the bureau permanent and the comités (secret ballot, one round)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from council.rules.errors import RuleError, UnresolvedTie


@dataclass(frozen=True)
class Candidate:
    name: str
    votes: int
    birth_date: date


def elect(candidates: Sequence[Candidate], seats: int) -> tuple[str, ...]:
    """Names of the elected, most votes first; on equal votes the oldest candidate wins [C].

    Raises :class:`UnresolvedTie` when candidates with equal votes and the same birth date
    compete for the last seat(s).
    """
    _validate(candidates, seats)
    ranked = sorted(candidates, key=_rank)
    elected, beaten = ranked[:seats], ranked[seats:]
    if beaten and _rank(beaten[0]) == _rank(elected[-1]):
        deciding = _rank(elected[-1])
        tied = tuple(candidate.name for candidate in ranked if _rank(candidate) == deciding)
        contested = sum(1 for candidate in elected if _rank(candidate) == deciding)
        raise UnresolvedTie(
            f"{', '.join(tied)} have the same votes and birth date for {contested} seat(s)",
            candidates=tied,
            seats=contested,
        )
    return tuple(candidate.name for candidate in elected)


def _rank(candidate: Candidate) -> tuple[int, date]:
    """Sort key: more votes first, then the older (earlier birth date) first."""
    return (-candidate.votes, candidate.birth_date)


def _validate(candidates: Sequence[Candidate], seats: int) -> None:
    if not 1 <= seats <= len(candidates):
        raise RuleError(
            f"seats must be between 1 and the {len(candidates)} candidate(s) (got {seats})"
        )
    names = [candidate.name for candidate in candidates]
    if len(set(names)) != len(names):
        raise RuleError("candidate names must be unique")
    for candidate in candidates:
        if candidate.votes < 0:
            raise RuleError(f"candidate {candidate.name}: votes must not be negative")
