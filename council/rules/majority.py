"""Outcome of a vote: absolute majority of the votes cast and the tie rules."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from council.rules.errors import RuleError


class Choice(StrEnum):
    yes = "yes"
    no = "no"
    abstain = "abstain"


class TieRule(StrEnum):
    president_decides = "president_decides"
    rejected = "rejected"


@dataclass(frozen=True)
class VoteSettings:
    """Tie rules [V]: by default the president's vote decides an open vote, a secret tie rejects.

    A secret tie cannot be decided by the president's vote: nobody may know it (and the
    sealed ballots keep it unknown to the application too), so ``president_decides`` is
    refused for secret ballots rather than silently behaving as ``rejected``."""

    open_tie_rule: TieRule = TieRule.president_decides
    secret_tie_rule: TieRule = TieRule.rejected

    def __post_init__(self) -> None:
        if self.secret_tie_rule is TieRule.president_decides:
            raise RuleError("a tie in a secret ballot cannot be decided by the president's "
                            "vote, which is secret: use the rule 'rejected'")


@dataclass(frozen=True)
class Outcome:
    adopted: bool
    yes: int
    no: int
    abstain: int
    cast: int
    majority_needed: int
    decided_by_tie_rule: bool


def decide(
    yes: int,
    no: int,
    abstain: int,
    *,
    is_secret: bool,
    settings: VoteSettings = VoteSettings(),
    president_choice: Choice | None = None,
) -> Outcome:
    """Decide a vote by the absolute majority of the votes cast [V].

    Abstentions are not votes cast [V]; with no vote cast the proposal is rejected. A tie
    follows ``settings`` [V]: under ``president_decides`` the proposal is adopted only if the
    president voted yes (an abstaining or absent president leaves it rejected); under
    ``rejected`` it is rejected.
    """
    for label, count in (("yes", yes), ("no", no), ("abstain", abstain)):
        if count < 0:
            raise RuleError(f"{label} votes must not be negative (got {count})")
    cast = yes + no
    majority_needed = cast // 2 + 1
    is_tie = cast > 0 and yes == no
    if is_tie:
        tie_rule = settings.secret_tie_rule if is_secret else settings.open_tie_rule
        adopted = tie_rule is TieRule.president_decides and president_choice is Choice.yes
    else:
        adopted = yes >= majority_needed
    return Outcome(
        adopted=adopted,
        yes=yes,
        no=no,
        abstain=abstain,
        cast=cast,
        majority_needed=majority_needed,
        decided_by_tie_rule=is_tie,
    )
