import pytest

from council.rules.errors import RuleError
from council.rules.kinship import (
    RELATIONS,
    Kinship,
    Step,
    council_incompatibility,
    kinship_degree,
    relation_path,
    withdrawal_required,
)


@pytest.mark.parametrize(
    ("relation", "degree", "by_marriage"),
    [
        ("parent", 1, False),
        ("child", 1, False),
        ("grandparent", 2, False),
        ("sibling", 2, False),
        ("uncle", 3, False),
        ("nephew", 3, False),
        ("first_cousin", 4, False),
        ("first_cousin_once_removed", 5, False),
        ("second_cousin", 6, False),
        ("spouse", 0, True),
        ("parent_in_law", 1, True),
        ("child_in_law", 1, True),
        ("stepchild", 1, True),
        ("sibling_in_law", 2, True),
        ("sibling_spouse", 2, True),
        ("spouse_nephew", 3, True),
        ("cousin_germain", 4, False),
        ("beau_frere", 2, True),
        ("neveu_du_conjoint", 3, True),
    ],
    ids=lambda value: str(value),
)
def test_degree_counts_generations_through_the_common_ancestor(relation, degree, by_marriage):
    # Code civil computation; DOMAIN.md: first cousin 4th, once removed 5th, spouse's nephew 3rd
    assert kinship_degree(relation_path(relation)) == Kinship(degree, by_marriage)


@pytest.mark.parametrize(
    ("path", "degree"),
    [
        (["parent", "child"], 2),
        (["parent", "parent", "child", "child"], 4),
        ([Step.parent, "sibling", Step.child], 4),
        (["spouse", "parent", "sibling"], 3),
    ],
    ids=[
        "parent-then-child-is-a-sibling",
        "cousin-through-grandparent",
        "steps-and-strings-mix",
        "spouse-aunt-by-marriage",
    ],
)
def test_paths_may_be_given_step_by_step(path, degree):
    assert kinship_degree(path).degree == degree


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ([], "at least one step"),
        (["parent", "spouse", "child"], "middle"),
        (["spouse", "sibling", "spouse"], "not related by marriage"),
        (["child", "parent"], "up to the common ancestor, then down"),
        (["sibling", "sibling"], "up to the common ancestor, then down"),
        (["cousin"], "unknown relation step"),
    ],
    ids=[
        "empty-path",
        "spouse-in-the-middle",
        "spouse-at-both-ends",
        "down-then-up",
        "sibling-of-a-sibling",
        "unknown-step",
    ],
)
def test_unrecognised_relations_are_errors(path, message):
    with pytest.raises(RuleError, match=message):
        kinship_degree(path)


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("First cousin", (Step.parent, Step.sibling, Step.child)),
        ("beau-frere", (Step.spouse, Step.sibling)),
    ],
    ids=["spaces-and-case", "hyphen"],
)
def test_relation_names_are_normalised(name, path):
    assert relation_path(name) == path


def test_unknown_relation_name_is_an_error():
    with pytest.raises(RuleError, match="unknown relation 'godparent'"):
        relation_path("godparent")


def test_every_named_relation_has_a_valid_path():
    degrees = {name: kinship_degree(path).degree for name, path in RELATIONS.items()}

    assert all(0 <= degree <= 6 for degree in degrees.values())


@pytest.mark.parametrize(
    ("relation", "must_withdraw"),
    [
        ("spouse", True),
        ("parent", True),
        ("sibling", True),
        ("nephew", True),
        ("first_cousin", True),
        ("first_cousin_once_removed", False),
        ("spouse_nephew", True),
        ("spouse_first_cousin", True),
        ("second_cousin", False),
    ],
    ids=[
        "L1122-19-spouse",
        "L1122-19-parent-1st",
        "L1122-19-sibling-2nd",
        "L1122-19-nephew-3rd",
        "L1122-19-first-cousin-4th",
        "L1122-19-first-cousin-once-removed-5th-no-duty",
        "L1122-19-spouse-nephew-3rd-by-marriage",
        "L1122-19-spouse-first-cousin-4th-by-marriage",
        "L1122-19-second-cousin-6th-no-duty",
    ],
)
def test_withdrawal_up_to_the_4th_degree(relation, must_withdraw):
    assert withdrawal_required(kinship_degree(relation_path(relation))) is must_withdraw


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (["legal_cohabitant"], Kinship(0, by_marriage=False, legal_cohabitation=True)),
        (["spouse"], Kinship(0, by_marriage=True)),
    ],
    ids=["LO-art8-legal-cohabitant-named-apart", "spouse-degree-0-by-marriage"],
)
def test_a_legal_cohabitant_is_not_a_spouse(path, expected):
    assert kinship_degree(path) == expected


@pytest.mark.parametrize(
    "path",
    [["legal_cohabitant", "sibling"], ["legal_cohabitant", "parent"],
     ["sibling", "legal_cohabitant"], ["legal_cohabitant", "sibling", "child"]],
    ids=["cohabitant-sibling", "cohabitant-parent", "sibling-cohabitant", "cohabitant-nephew"],
)
def test_affinity_arises_from_marriage_only(path):
    """DOMAIN.md "Conflicts of interest": affinity arises from marriage; LO art. 8 names legal
    cohabitants separately."""
    with pytest.raises(RuleError, match="legal cohabitation creates no affinity"):
        kinship_degree(path)


def test_the_withdrawal_rule_does_not_name_a_legal_cohabitant():
    """CDLD L1122-19 (mirrored, [V]) names relatives by blood or marriage only."""
    assert withdrawal_required(kinship_degree(["legal_cohabitant"])) is False


@pytest.mark.parametrize(
    ("relation", "incompatible"),
    [
        ("spouse", True),
        ("legal_cohabitant", True),
        ("parent", True),
        ("grandparent", True),
        ("sibling", True),
        ("parent_in_law", True),
        ("sibling_in_law", True),
        ("uncle", False),
        ("spouse_nephew", False),
        ("first_cousin", False),
    ],
    ids=[
        "LO-art8-married",
        "LO-art8-legal-cohabitants",
        "LO-art8-parent-1st",
        "LO-art8-grandparent-2nd",
        "LO-art8-sibling-2nd",
        "LO-art8-parent-in-law-1st-by-marriage",
        "LO-art8-sibling-in-law-2nd-by-marriage",
        "LO-art8-uncle-3rd-allowed",
        "LO-art8-spouse-nephew-3rd-allowed",
        "LO-art8-first-cousin-4th-allowed",
    ],
)
def test_council_incompatibility_up_to_the_2nd_degree(relation, incompatible):
    assert council_incompatibility(kinship_degree(relation_path(relation))) is incompatible
