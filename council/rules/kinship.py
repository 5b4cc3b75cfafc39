"""Degrees of kinship (parenté) and affinity (alliance), and the duties they create.

Degrees are counted as in the Code civil: one degree per generation, in the collateral line up
to the common ancestor and down again (a sibling is the 2nd degree, a first cousin the 4th).
Affinity links a person to their spouse's relatives, and a relative's spouse to them, with the
same degree. It arises from marriage only: a legal cohabitant is named apart, as LO art. 8
names them ("unis par les liens du mariage ou cohabitants légaux"), and their relatives are
no kin by affinity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from council.rules.errors import RuleError

WITHDRAWAL_MAX_DEGREE = 4
COUNCIL_INCOMPATIBILITY_MAX_DEGREE = 2


class Step(StrEnum):
    """One link of a described relation; ``sibling`` stands for parent then child."""

    parent = "parent"
    child = "child"
    sibling = "sibling"
    spouse = "spouse"
    legal_cohabitant = "legal_cohabitant"


@dataclass(frozen=True)
class Kinship:
    """Degree of the relation; ``by_marriage`` for affinity. The spouse is degree 0 by marriage;
    a legal cohabitant is ``legal_cohabitation`` (degree 0, neither blood nor marriage)."""

    degree: int
    by_marriage: bool
    legal_cohabitation: bool = False


_P, _C, _S, _SP, _LC = Step.parent, Step.child, Step.sibling, Step.spouse, Step.legal_cohabitant

RELATIONS: dict[str, tuple[Step, ...]] = {
    # English
    "spouse": (_SP,),
    "legal_cohabitant": (_LC,),
    "parent": (_P,),
    "child": (_C,),
    "grandparent": (_P, _P),
    "grandchild": (_C, _C),
    "great_grandparent": (_P, _P, _P),
    "great_grandchild": (_C, _C, _C),
    "sibling": (_S,),
    "uncle": (_P, _S),
    "aunt": (_P, _S),
    "nephew": (_S, _C),
    "niece": (_S, _C),
    "great_uncle": (_P, _P, _S),
    "great_aunt": (_P, _P, _S),
    "grandnephew": (_S, _C, _C),
    "grandniece": (_S, _C, _C),
    "first_cousin": (_P, _S, _C),
    "first_cousin_once_removed": (_P, _S, _C, _C),
    "second_cousin": (_P, _P, _S, _C, _C),
    "parent_in_law": (_SP, _P),
    "child_in_law": (_C, _SP),
    "stepparent": (_P, _SP),
    "stepchild": (_SP, _C),
    "grandparent_in_law": (_SP, _P, _P),
    "sibling_in_law": (_SP, _S),
    "sibling_spouse": (_S, _SP),
    "spouse_nephew": (_SP, _S, _C),
    "spouse_uncle": (_SP, _P, _S),
    "spouse_first_cousin": (_SP, _P, _S, _C),
    # French
    "conjoint": (_SP,),
    "cohabitant_legal": (_LC,),
    "pere": (_P,),
    "mere": (_P,),
    "enfant": (_C,),
    "fils": (_C,),
    "fille": (_C,),
    "grand_parent": (_P, _P),
    "petit_enfant": (_C, _C),
    "frere": (_S,),
    "soeur": (_S,),
    "oncle": (_P, _S),
    "tante": (_P, _S),
    "neveu": (_S, _C),
    "cousin_germain": (_P, _S, _C),
    "cousine_germaine": (_P, _S, _C),
    "beau_parent": (_SP, _P),
    "beau_pere": (_SP, _P),
    "belle_mere": (_SP, _P),
    "gendre": (_C, _SP),
    "bru": (_C, _SP),
    "beau_frere": (_SP, _S),
    "belle_soeur": (_SP, _S),
    "neveu_du_conjoint": (_SP, _S, _C),
    "niece_du_conjoint": (_SP, _S, _C),
}


def relation_path(name: str) -> tuple[Step, ...]:
    """The steps of a named relation of :data:`RELATIONS` (case, spaces and hyphens ignored)."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return RELATIONS[key]
    except KeyError:
        raise RuleError(f"unknown relation {name!r}") from None


def kinship_degree(path: Sequence[Step | str]) -> Kinship:
    """Degree of kinship or affinity of a described relation (Code civil computation).

    The blood part must go up to the common ancestor, then down (``parent``, ``sibling``,
    ``child``). A ``spouse`` first (the spouse's relatives) or last (a relative's spouse) makes
    it affinity with the same degree; the spouse alone is degree 0 by marriage. A spouse
    elsewhere, or at both ends, is not an affinity in law and raises :class:`RuleError`.
    """
    steps = [_as_step(step) for step in path]
    if not steps:
        raise RuleError("a relation needs at least one step")
    if steps == [Step.legal_cohabitant]:
        return Kinship(degree=0, by_marriage=False, legal_cohabitation=True)
    if Step.legal_cohabitant in steps:
        raise RuleError("legal cohabitation creates no affinity: a legal cohabitant's relatives "
                        "are not kin by marriage")
    if steps == [Step.spouse]:
        return Kinship(degree=0, by_marriage=True)
    by_marriage = Step.spouse in (steps[0], steps[-1])
    if steps[0] is Step.spouse and steps[-1] is Step.spouse:
        raise RuleError("the spouse of a relative of one's spouse is not related by marriage")
    blood = steps[1:] if steps[0] is Step.spouse else steps
    blood = blood[:-1] if blood[-1] is Step.spouse else blood
    if Step.spouse in blood:
        raise RuleError("a spouse in the middle of a relation is not a recognised affinity")
    generations = [
        generation
        for step in blood
        for generation in ((Step.parent, Step.child) if step is Step.sibling else (step,))
    ]
    first_down = generations.index(Step.child) if Step.child in generations else len(generations)
    if Step.parent in generations[first_down:]:
        raise RuleError("a relation must go up to the common ancestor, then down")
    return Kinship(degree=len(generations), by_marriage=by_marriage)


def withdrawal_required(kinship: Kinship) -> bool:
    """A member withdraws when they or a relative up to the 4th degree, by blood or marriage,
    has a direct and personal interest (mirrors CDLD L1122-19; CPAS article [V]). A legal
    cohabitant is neither: the rule does not name them, so the duty rests on the member's own
    direct interest, which the member declares [V]."""
    return not kinship.legal_cohabitation and kinship.degree <= WITHDRAWAL_MAX_DEGREE


def council_incompatibility(kinship: Kinship) -> bool:
    """Council members may not be related by blood or marriage up to the 2nd degree, nor be
    married or legal cohabitants (LO art. 8) [C]."""
    return kinship.legal_cohabitation or kinship.degree <= COUNCIL_INCOMPATIBILITY_MAX_DEGREE


def _as_step(step: Step | str) -> Step:
    try:
        return Step(step)
    except ValueError:
        raise RuleError(f"unknown relation step {step!r}") from None
