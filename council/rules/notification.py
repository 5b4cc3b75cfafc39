"""Notifying an individual-aid decision to the applicant.

The decision is notified by registered letter or against a receipt within 8 days (LO art. 62bis).
The letter must state the right of appeal, the competent tribunal du travail and its address,
the 3-month deadline and how to appeal, Code judiciaire arts. 728 and 1017, the file reference
and the social worker to contact, that an appeal does not suspend the decision, and, for money,
the amount, its calculation and how often it is paid. A missing mention means the appeal
deadline never starts to run, so a letter lacking one is not produced at all. A registered
letter needs the applicant's postal address too: without it the letter is not produced either
(issue 16: one went out with a name only in the address window).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from council.rules.errors import RuleError

#: LO art. 62bis: days between the decision and its notification
NOTIFICATION_DAYS = 8


class Mention(enum.StrEnum):
    """What a notification letter must say; the value names the fact that is missing."""

    labour_court = "labour_court"
    labour_court_address = "labour_court_address"
    file_reference = "file_reference"
    contact = "contact"
    applicant_address = "applicant_address"
    decision_date = "decision_date"
    aid = "aid"
    reasons = "reasons"
    amount = "amount"
    calculation = "calculation"
    frequency = "frequency"


@dataclass(frozen=True)
class LetterFacts:
    """The variable facts of a letter; the fixed mentions (appeal, 3 months, arts. 728 and
    1017, appeal not suspensive) are in every letter's text."""

    labour_court: str | None
    labour_court_address: str | None
    file_reference: str | None
    contact: str | None
    #: where the registered letter goes: the applicant's full postal address, or None
    applicant_address: str | None
    decision_date: date | None
    aid: str | None
    reasons: str | None
    is_money: bool
    amount: Decimal | None = None
    calculation: str | None = None
    frequency: str | None = None


def missing_mentions(facts: LetterFacts) -> list[Mention]:
    """The mentions a letter built from ``facts`` would lack, in the order of ``Mention``."""
    required = [
        Mention.labour_court, Mention.labour_court_address, Mention.file_reference,
        Mention.contact, Mention.applicant_address, Mention.decision_date, Mention.aid,
        Mention.reasons,
    ]
    if facts.is_money:
        required += [Mention.amount, Mention.calculation, Mention.frequency]
    missing = []
    for mention in required:
        value = getattr(facts, mention.value)
        if value is None or (isinstance(value, str) and not value.strip()):
            missing.append(mention)
    if facts.is_money and facts.amount is not None and facts.amount <= 0:
        missing.append(Mention.amount)
    return missing


def notification_deadline(decided_on: date) -> date:
    """Last day to send the letter: 8 days after the decision (LO art. 62bis)."""
    return decided_on + timedelta(days=NOTIFICATION_DAYS)


@dataclass(frozen=True)
class NotificationDue:
    deadline: date
    days_left: int  # negative once overdue

    @property
    def is_overdue(self) -> bool:
        return self.days_left < 0


def notification_due(decided_on: date, today: date) -> NotificationDue:
    """Where a decision not yet notified stands on ``today``."""
    if today < decided_on:
        raise RuleError(f"today ({today}) is before the decision ({decided_on})")
    deadline = notification_deadline(decided_on)
    return NotificationDue(deadline=deadline, days_left=(deadline - today).days)
