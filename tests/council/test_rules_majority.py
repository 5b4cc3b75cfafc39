import pytest

from council.rules.errors import RuleError
from council.rules.majority import (
    OPEN_CHOICES,
    Choice,
    Outcome,
    TieRule,
    VoteSettings,
    choices_for,
    decide,
)

OPEN_TIE_REJECTED = VoteSettings(open_tie_rule=TieRule.rejected)


@pytest.mark.parametrize(
    ("votes", "is_secret", "settings", "president_choice", "adopted"),
    [
        ((4, 4, 0), False, VoteSettings(), Choice.yes, True),
        ((4, 4, 0), False, VoteSettings(), Choice.no, False),
        ((4, 4, 0), False, VoteSettings(), Choice.abstain, False),
        ((4, 4, 0), False, VoteSettings(), None, False),
        ((4, 4, 0), True, VoteSettings(), Choice.yes, False),
        ((4, 4, 0), False, OPEN_TIE_REJECTED, Choice.yes, False),
    ],
    ids=[
        "open-tie-president-yes-adopts[V]",
        "open-tie-president-no-rejects[V]",
        "open-tie-president-abstains-rejects[V]",
        "open-tie-president-did-not-vote-rejects[V]",
        "secret-tie-rejects-by-default[V]",
        "open-tie-rule-rejected-rejects[V]",
    ],
)
def test_tie_follows_the_settings(votes, is_secret, settings, president_choice, adopted):
    outcome = decide(
        *votes, is_secret=is_secret, settings=settings, president_choice=president_choice
    )

    assert outcome.adopted is adopted
    assert outcome.decided_by_tie_rule is True


@pytest.mark.parametrize(
    ("votes", "is_secret", "expected"),
    [
        ((9, 0, 0), False, Outcome(True, 9, 0, 0, 9, 5, False)),
        ((0, 9, 0), True, Outcome(False, 0, 9, 0, 9, 5, False)),
        ((3, 2, 4), False, Outcome(True, 3, 2, 4, 5, 3, False)),
        ((2, 3, 4), True, Outcome(False, 2, 3, 4, 5, 3, False)),
        ((1, 0, 8), False, Outcome(True, 1, 0, 8, 1, 1, False)),
        ((0, 0, 9), False, Outcome(False, 0, 0, 9, 0, 1, False)),
        ((0, 0, 0), True, Outcome(False, 0, 0, 0, 0, 1, False)),
    ],
    ids=[
        "unanimity-adopts",
        "unanimous-no-rejects",
        "abstentions-are-not-votes-cast[V]",
        "minority-of-votes-cast-rejects",
        "one-yes-among-abstentions-adopts[V]",
        "only-abstentions-rejects",
        "nobody-voted-rejects",
    ],
)
def test_absolute_majority_of_votes_cast(votes, is_secret, expected):
    assert decide(*votes, is_secret=is_secret, president_choice=Choice.yes) == expected


@pytest.mark.parametrize(
    "votes",
    [(-1, 0, 0), (0, -1, 0), (0, 0, -1)],
    ids=["negative-yes", "negative-no", "negative-abstain"],
)
def test_decide_rejects_negative_counts(votes):
    with pytest.raises(RuleError, match="must not be negative"):
        decide(*votes, is_secret=False)


def test_a_secret_tie_cannot_be_left_to_the_presidents_secret_vote():
    """DOMAIN.md "Secret ballot": the president's choice in a secret ballot is unknown."""
    with pytest.raises(RuleError, match="secret"):
        VoteSettings(secret_tie_rule=TieRule.president_decides)


@pytest.mark.parametrize(
    ("votes", "blank", "null", "expected"),
    [
        ((3, 2, 0), 4, 0, Outcome(True, 3, 2, 0, 5, 3, False, blank=4)),
        ((3, 2, 0), 0, 4, Outcome(True, 3, 2, 0, 5, 3, False, null=4)),
        ((2, 2, 0), 3, 2, Outcome(False, 2, 2, 0, 4, 3, True, blank=3, null=2)),
        ((1, 0, 2), 3, 3, Outcome(True, 1, 0, 2, 1, 1, False, blank=3, null=3)),
        ((0, 0, 0), 5, 4, Outcome(False, 0, 0, 0, 0, 1, False, blank=5, null=4)),
        ((4, 5, 0), 0, 0, Outcome(False, 4, 5, 0, 9, 5, False)),
    ],
    ids=[
        "blank-ballots-are-not-votes-cast[V]",
        "null-ballots-are-not-votes-cast[V]",
        "blank-and-null-do-not-break-a-tie[V]",
        "one-yes-among-blank-null-and-abstentions-adopts[V]",
        "only-blank-and-null-rejects[V]",
        "no-blank-no-null",
    ],
)
def test_blank_and_null_secret_ballots_are_counted_apart(votes, blank, null, expected):
    """DOMAIN.md "Secret ballot": blank and null ballots are not votes cast [V]; they are kept
    apart from yes, no and abstention."""
    assert decide(*votes, is_secret=True, blank=blank, null=null) == expected


@pytest.mark.parametrize(("blank", "null"), [(1, 0), (0, 1)], ids=["blank", "null"])
def test_an_open_vote_has_no_blank_or_null_ballots(blank, null):
    with pytest.raises(RuleError, match="open vote"):
        decide(1, 0, 0, is_secret=False, blank=blank, null=null)


@pytest.mark.parametrize(("blank", "null"), [(-1, 0), (0, -1)], ids=["blank", "null"])
def test_blank_and_null_counts_must_not_be_negative(blank, null):
    with pytest.raises(RuleError, match="must not be negative"):
        decide(1, 0, 0, is_secret=True, blank=blank, null=null)


@pytest.mark.parametrize(
    ("is_secret", "offered"),
    [(False, ("yes", "no", "abstain")), (True, ("yes", "no", "abstain", "blank", "null"))],
    ids=["open-vote-yes-no-abstain", "secret-ballot-adds-blank-and-null[V]"],
)
def test_choices_for_a_vote(is_secret, offered):
    assert tuple(c.value for c in choices_for(is_secret)) == offered
    assert all(not c.is_secret_only for c in OPEN_CHOICES)
