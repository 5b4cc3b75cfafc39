"""Notification of individual-aid decisions: LO art. 62bis (8 days) and the letter's mentions
(../shared/DOMAIN.md, "Individual aid decisions")."""

from datetime import date
from decimal import Decimal

import pytest

from council.rules.errors import RuleError
from council.rules.notification import (
    LetterFacts,
    Mention,
    missing_mentions,
    notification_deadline,
    notification_due,
)

COMPLETE = LetterFacts(
    labour_court="Tribunal du travail de Liège, division Namur",
    labour_court_address="Place du Palais de Justice 1, 5000 Namur",
    file_reference="2026/0042",
    contact="Claire Delvaux, +32 81 00 00 00",
    applicant_address="rue des Alouettes 14, 7000 Hautrival",
    decision_date=date(2026, 11, 19),
    aid="revenu d'intégration, catégorie 2",
    reasons="Ressources inférieures au montant du revenu d'intégration.",
    is_money=True,
    amount=Decimal("1314.20"),
    calculation="Taux isolé, sans ressources à déduire.",
    frequency="monthly",
)


@pytest.mark.parametrize(
    ("decided_on", "deadline"),
    [
        (date(2026, 11, 19), date(2026, 11, 27)),  # Thursday → the Friday of the next week
        (date(2026, 12, 28), date(2027, 1, 5)),  # across the new year
        (date(2028, 2, 25), date(2028, 3, 4)),  # across a leap day
    ],
    ids=["art-62bis-8-days", "across-the-year", "leap-year"],
)
def test_notification_deadline_is_eight_days_after_the_decision(decided_on, deadline):
    assert notification_deadline(decided_on) == deadline


@pytest.mark.parametrize(
    ("today", "days_left", "is_overdue"),
    [
        (date(2026, 11, 19), 8, False),  # the day of the decision
        (date(2026, 11, 27), 0, False),  # the last day: still in time
        (date(2026, 11, 28), -1, True),  # one day late
    ],
)
def test_notification_due(today, days_left, is_overdue):
    due = notification_due(date(2026, 11, 19), today)
    assert due.deadline == date(2026, 11, 27)
    assert (due.days_left, due.is_overdue) == (days_left, is_overdue)


def test_notification_due_before_the_decision_is_an_error():
    with pytest.raises(RuleError):
        notification_due(date(2026, 11, 19), date(2026, 11, 18))


def _without(**changes):
    return LetterFacts(**{**COMPLETE.__dict__, **changes})


@pytest.mark.parametrize(
    ("facts", "missing"),
    [
        (COMPLETE, []),
        (_without(labour_court=None), [Mention.labour_court]),
        (_without(labour_court_address="  "), [Mention.labour_court_address]),
        (_without(file_reference=None, contact=None), [Mention.file_reference, Mention.contact]),
        (_without(reasons=""), [Mention.reasons]),  # DIS art. 21: motivated in fact and law
        # LO art. 62bis: a registered letter; no address, no letter (issue 16)
        (_without(applicant_address=None), [Mention.applicant_address]),
        (_without(applicant_address=" "), [Mention.applicant_address]),
        (_without(amount=None, calculation=None, frequency=None),
         [Mention.amount, Mention.calculation, Mention.frequency]),
        (_without(amount=Decimal("0")), [Mention.amount]),
        # aid in kind or a refusal: no amount, calculation or frequency to state
        (_without(is_money=False, amount=None, calculation=None, frequency=None), []),
    ],
    ids=["complete", "no-court", "blank-court-address", "no-reference-no-contact",
         "no-reasons", "no-address", "blank-address", "money-without-terms", "zero-amount",
         "not-money"],
)
def test_missing_mentions(facts, missing):
    assert missing_mentions(facts) == missing
