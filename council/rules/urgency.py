"""Items not on the agenda: taken only after an urgency vote.

DOMAIN.md "Meetings": an item that is not on the agenda the members were convened with is taken
only in urgency declared by ⅔ of the members present (the commune rule, CDLD L1122-24; for the
CPAS [V]: the fraction is a setting, ``COUNCIL_URGENCY_MAJORITY``), and the urgency vote is
recorded in the minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from council.rules.errors import RuleError

#: ⅔ of the members present (CDLD L1122-24) [V for the CPAS]
DEFAULT_URGENCY_MAJORITY = Fraction(2, 3)


@dataclass(frozen=True)
class UrgencyCheck:
    """The urgency vote's figures and whether it declared the urgency."""

    present: int
    votes_for: int
    required: int
    declared: bool


def parse_majority(text: str) -> Fraction:
    """"2/3" → ⅔: the share of the members present whose votes declare the urgency, more
    than none and at most all of them."""
    try:
        majority = Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        raise RuleError(f"the urgency majority must be a fraction such as 2/3 (got {text!r})"
                        ) from None
    if not 0 < majority <= 1:
        raise RuleError(f"the urgency majority must be more than 0 and at most 1 (got {text!r})")
    return majority


def votes_required(present: int, majority: Fraction = DEFAULT_URGENCY_MAJORITY) -> int:
    """The fewest votes that reach ``majority`` of the members present, rounded up: ⅔ of
    9 → 6, of 8 → 6 (5.33 is not reached by 5), of 6 → 4, of 1 → 1."""
    if present < 1:
        raise RuleError(f"an urgency vote needs members present (got {present})")
    needed = majority * present
    return needed.numerator // needed.denominator + (needed.denominator != 1)


def check_urgency(present: int, votes_for: int,
                  majority: Fraction = DEFAULT_URGENCY_MAJORITY) -> UrgencyCheck:
    """Whether ``votes_for`` of the ``present`` members declare the urgency."""
    if not 0 <= votes_for <= present:
        raise RuleError(f"votes for the urgency must be between 0 and the {present} present "
                        f"(got {votes_for})")
    required = votes_required(present, majority)
    return UrgencyCheck(present, votes_for, required, votes_for >= required)
