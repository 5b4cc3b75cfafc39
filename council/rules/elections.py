"""Election of members of the bureau permanent and the comités (secret ballot, one round).

LO art. 27 §6 (DOMAIN.md "Secret ballot") [C]: secret ballot, one round, each councillor one
vote; a tie elects the oldest candidate; if both sexes are not represented the result is void
and a new ballot in one round is held for all seats but the president's, until they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from council.rules.errors import RuleError, UnresolvedTie

#: the two sexes the mixity rule asks for ("F", "M"; a member recorded "X" counts for neither)
FEMALE, MALE = "F", "M"


@dataclass(frozen=True)
class Candidate:
    name: str
    votes: int
    birth_date: date
    #: "F", "M" or "X" (``council.models.Sex``); needed by :func:`designate`
    sex: str | None = None


@dataclass(frozen=True)
class Designation:
    """The outcome of one ballot of a designation."""

    #: the candidates the ballot elected, most votes first (whether or not the result stands)
    ballot_elected: tuple[str, ...]
    #: both sexes are not represented among the president and the elected: the result is void
    #: and a new ballot is held for all seats but the president's
    is_void: bool

    @property
    def elected(self) -> tuple[str, ...]:
        """Those designated: the ballot's elected, or nobody when the result is void."""
        return () if self.is_void else self.ballot_elected


def both_sexes_represented(sexes: Iterable[str | None]) -> bool:
    """Whether a woman and a man are among ``sexes``."""
    present = set(sexes)
    return FEMALE in present and MALE in present


def designate(candidates: Sequence[Candidate], seats: int, *,
              president_sex: str | None) -> Designation:
    """One ballot of a designation to the bureau permanent or a comité (LO art. 27 §6) [C]:
    the ``seats`` candidates with most votes, the oldest first on equal votes (:func:`elect`);
    void when the president of the organ (``president_sex``; None when the ballot also elects
    the president, or the organ has none yet) and the elected do not count both sexes.

    Refuses (``RuleError``) a candidate without a recorded sex, and a ballot that could never
    stand, the president and every candidate being of one sex: no number of new ballots would
    then satisfy the rule.
    """
    missing = [candidate.name for candidate in candidates if candidate.sex is None]
    if missing:
        raise RuleError(f"the sex of {', '.join(missing)} is needed for the mixity rule")
    if not both_sexes_represented([president_sex, *(c.sex for c in candidates)]):
        raise RuleError("the president and the candidates are not of both sexes: no ballot can "
                        "represent both sexes; present candidates of the other sex")
    elected = elect(candidates, seats)
    sexes = {candidate.name: candidate.sex for candidate in candidates}
    void = not both_sexes_represented([president_sex, *(sexes[name] for name in elected)])
    return Designation(ballot_elected=elected, is_void=void)


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
