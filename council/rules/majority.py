"""Outcome of a vote: absolute majority of the votes cast and the tie rules."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from council.rules.errors import RuleError


class Choice(StrEnum):
    yes = "yes"
    no = "no"
    abstain = "abstain"
    #: a blank ballot (secret ballots only): not a vote cast [V]
    blank = "blank"
    #: a spoilt (null) ballot (secret ballots only): not a vote cast [V]
    null = "null"

    @property
    def is_secret_only(self) -> bool:
        """Blank and null ballots exist only in a secret ballot: an open vote is yes, no or
        an abstention."""
        return self in SECRET_ONLY


#: the choices of an open vote (a show of hands or a named vote)
OPEN_CHOICES = (Choice.yes, Choice.no, Choice.abstain)
#: the choices only a secret ballot offers: neither is a vote cast (DOMAIN.md "Secret ballot")
SECRET_ONLY = frozenset({Choice.blank, Choice.null})


def choices_for(is_secret: bool) -> tuple[Choice, ...]:
    """The choices a voter has: yes, no, abstain; a secret ballot adds blank and null."""
    return tuple(Choice) if is_secret else OPEN_CHOICES


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
    #: blank ballots (secret ballots only), not votes cast
    blank: int = 0
    #: null ballots (secret ballots only), not votes cast
    null: int = 0


def decide(
    yes: int,
    no: int,
    abstain: int,
    *,
    is_secret: bool,
    settings: VoteSettings = VoteSettings(),
    president_choice: Choice | None = None,
    blank: int = 0,
    null: int = 0,
) -> Outcome:
    """Decide a vote by the absolute majority of the votes cast [V].

    Abstentions are not votes cast [V], nor are the blank and null ballots of a secret ballot,
    counted apart (DOMAIN.md "Secret ballot" [V]); an open vote has none. With no vote cast the
    proposal is rejected. A tie
    follows ``settings`` [V]: under ``president_decides`` the proposal is adopted only if the
    president voted yes (an abstaining or absent president leaves it rejected); under
    ``rejected`` it is rejected.
    """
    for label, count in (("yes", yes), ("no", no), ("abstain", abstain), ("blank", blank),
                         ("null", null)):
        if count < 0:
            raise RuleError(f"{label} votes must not be negative (got {count})")
    if not is_secret and (blank or null):
        raise RuleError("an open vote has no blank or null ballots")
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
        blank=blank,
        null=null,
    )
