"""Translated titles of the stored enums, for templates and documents."""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l

from council.models import (
    ItemKind,
    ItemStatus,
    Language,
    MeetingStatus,
    OrganKind,
    PollOutcome,
    PollStatus,
    Region,
    ReportStatus,
    Role,
    Sex,
)
from council.rules.attendance import Presence
from council.rules.majority import Choice

TITLES: dict[enum.Enum, object] = {
    Region.wallonia: _l("Wallonia"),
    Region.brussels: _l("Brussels-Capital"),
    Language.fr: _l("French"),
    Language.nl: _l("Dutch"),
    Language.de: _l("German"),
    Language.en: _l("English"),
    Sex.female: _l("female"),
    Sex.male: _l("male"),
    Sex.other: _l("other"),
    Role.admin: _l("IT administrator"),
    Role.dg: _l("Director-general"),
    Role.secretariat: _l("Secretariat"),
    Role.social_worker: _l("Social worker"),
    Role.councillor: _l("Councillor"),
    OrganKind.council: _l("Social welfare council"),
    OrganKind.bureau: _l("Permanent bureau"),
    OrganKind.csss: _l("Special committee for social services"),
    OrganKind.committee: _l("Committee"),
    MeetingStatus.draft: _l("In preparation"),
    MeetingStatus.convened: _l("Convened"),
    MeetingStatus.in_progress: _l("In session"),
    MeetingStatus.closed: _l("Closed"),
    MeetingStatus.cancelled: _l("Cancelled"),
    ItemKind.individual_aid: _l("Individual aid"),
    ItemKind.personnel: _l("Personnel"),
    ItemKind.general: _l("General matter"),
    ItemKind.minutes_approval: _l("Approval of the minutes"),
    ItemKind.ratification: _l("Ratification of an urgent decision"),
    ItemKind.budget: _l("Budget"),
    ItemKind.budget_amendment: _l("Budget amendment"),
    ItemKind.accounts: _l("Annual accounts"),
    ItemKind.policy_note: _l("General policy note"),
    ItemKind.annual_report: _l("Annual report"),
    ItemStatus.draft: _l("Draft"),
    ItemStatus.ready: _l("Ready"),
    ItemStatus.voting: _l("Vote open"),
    ItemStatus.decided: _l("Decided"),
    ItemStatus.postponed: _l("Postponed"),
    ItemStatus.withdrawn: _l("Withdrawn from the agenda"),
    ReportStatus.submitted: _l("Received, not on an agenda yet"),
    ReportStatus.scheduled: _l("On an agenda"),
    ReportStatus.withdrawn: _l("Withdrawn"),
    Presence.present: _l("present"),
    Presence.absent: _l("absent"),
    Presence.excused: _l("excused"),
    Choice.yes: _l("Yes"),
    Choice.no: _l("No"),
    Choice.abstain: _l("Abstain"),
    PollStatus.open: _l("Vote open"),
    PollStatus.closed: _l("Vote closed"),
    PollOutcome.adopted: _l("Adopted"),
    PollOutcome.rejected: _l("Rejected"),
}


def title(member: enum.Enum) -> str:
    return str(TITLES[member])
