"""Translated titles of the stored enums, for templates and documents."""

from __future__ import annotations

import enum
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import pgettext

from council.models import (
    AccountRequestKind,
    AccountRequestState,
    DispatchMethod,
    DocumentKind,
    DoubtDecision,
    ItemKind,
    ItemStatus,
    Language,
    MeetingStatus,
    MinutesApproval,
    MinutesPart,
    MinutesStatus,
    NotificationMethod,
    OrganKind,
    PaymentFrequency,
    PollOutcome,
    PollStatus,
    Region,
    ReportStatus,
    RequesterKind,
    RequestStatus,
    Role,
    SecrecyBasis,
    Sex,
    SignatureCapacity,
)
from council.rules.attendance import Presence
from council.rules.majority import Choice
from council.rules.secrecy import DisclosureField

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
    Role.unassigned: _l("No role yet"),
    Role.integration: _l("Integration account (social software, API only)"),
    AccountRequestKind.role_change: _l("Role"),
    AccountRequestKind.two_factor_reset: _l("Reset of the second factor"),
    AccountRequestState.pending: _l("awaiting the DG"),
    AccountRequestState.confirmed: _l("confirmed"),
    AccountRequestState.refused: _l("refused"),
    AccountRequestState.superseded: _l("replaced by a newer request"),
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
    ItemKind.designation: _l("Designation (bureau permanent, committee, candidates)"),
    ItemStatus.draft: _l("Draft"),
    ItemStatus.ready: _l("Ready"),
    ItemStatus.voting: _l("Vote open"),
    ItemStatus.decided: _l("Decided"),
    ItemStatus.postponed: _l("Postponed"),
    ItemStatus.withdrawn: _l("Withdrawn from the agenda"),
    ReportStatus.submitted: _l("Received, not on an agenda yet"),
    ReportStatus.scheduled: _l("On an agenda"),
    ReportStatus.withdrawn: _l("Withdrawn"),
    DoubtDecision.kept: _l("kept as it is"),
    DoubtDecision.replaced: _l("replaced"),
    Presence.present: _l("present"),
    Presence.absent: _l("absent"),
    Presence.excused: _l("excused"),
    Choice.yes: _l("Yes"),
    Choice.no: _l("No"),
    Choice.abstain: _l("Abstain"),
    Choice.blank: _l("Blank ballot"),
    Choice.null: _l("Null ballot"),
    PollStatus.open: _l("Vote open"),
    PollStatus.closed: _l("Vote closed"),
    PollOutcome.adopted: _l("Adopted"),
    PollOutcome.rejected: _l("Rejected"),
    MinutesPart.public: _l("Public session"),
    MinutesPart.closed: _l("Closed session"),
    MinutesStatus.draft: _l("Draft minutes"),
    MinutesStatus.approved: _l("Approved, awaiting signatures"),
    MinutesStatus.signed: _l("Signed"),
    MinutesApproval.without_observation: _l("approved by the organ without observation"),
    MinutesApproval.with_observations: _l("approved by the organ with observations"),
    MinutesApproval.by_vote: _l("approved by the organ's vote"),
    DocumentKind.minutes: _l("Minutes"),
    DocumentKind.extract: _l("Extract from the register of deliberations"),
    DocumentKind.secrecy_letter: _l("Disclosure letter"),
    SignatureCapacity.president: _l("President"),
    SignatureCapacity.director_general: _l("Director-general"),
    PaymentFrequency.once: _l("once"),
    PaymentFrequency.weekly: _l("every week"),
    PaymentFrequency.monthly: _l("every month"),
    PaymentFrequency.quarterly: _l("every quarter"),
    NotificationMethod.registered_mail: _l("Registered letter"),
    NotificationMethod.against_receipt: _l("Handed over against receipt"),
    DispatchMethod.registered_mail: _l("Registered letter"),
    DispatchMethod.against_receipt: _l("Handed over against receipt"),
    DispatchMethod.secure_email: _l("Secure e-mail"),
    DispatchMethod.ordinary_mail: _l("Ordinary letter"),
    # Secrecy register (issue 8)
    RequesterKind.prosecutor: _l("Public prosecutor"),
    RequesterKind.police: _l("Police"),
    RequesterKind.institution: _l("Another institution"),
    RequesterKind.person_concerned: _l("The person concerned"),
    SecrecyBasis.prosecutor_request: _l(
        "Prosecutor's request for administrative information (CIC art. 46bis/1)"),
    SecrecyBasis.necessity: _l("State of necessity"),
    SecrecyBasis.consent: _l("Consent of the person"),
    SecrecyBasis.other: _l("Another legal basis"),
    RequestStatus.pending: _l("Pending"),
    RequestStatus.refused: _l("Refused"),
    RequestStatus.partial: _l("Partial disclosure"),
    RequestStatus.full: _l("Full disclosure"),
    DisclosureField.identity: _l("Identity data"),
    DisclosureField.addresses: _l("Known addresses and domicile"),
    DisclosureField.application_data: _l("Data given in an application"),
    DisclosureField.aid_decisions: _l("Aid granted or refused, with dates"),
}


def title(member: enum.Enum) -> str:
    return str(TITLES[member])


def organ_title(organ: Any) -> str:
    """An organ's name in the reader's language: the council, the bureau and the CSSS by the
    law's title of their kind (a centre has one of each); a committee by the name the centre
    gave it. Documents (minutes, letters) keep the name stored, in the centre's language."""
    if organ.kind is OrganKind.committee:
        return str(organ.name)
    return title(organ.kind)


#: roles whose title changes for a woman (msgids with the "female" context; the roles' own
#: titles, ``TITLES``, are the masculine or neutral forms)
_FEMALE_ROLE_TITLES = {
    Role.dg: lambda: pgettext("female", "Director-general"),
    Role.social_worker: lambda: pgettext("female", "Social worker"),
}


def person_title(user: Any) -> str:
    """What the header calls a signed-in person: the role, and for a member of the council
    the title by their sex ("présidente", "voorzitster", "Vorsitzende", "conseillère"); for
    another account, by the sex its holder recorded ("directrice générale", "assistante
    sociale"), the role's title when none is."""
    member = getattr(user, "member", None)
    if member is None:
        feminine = (_FEMALE_ROLE_TITLES.get(user.role)
                    if getattr(user, "sex", None) is Sex.female else None)
        return feminine() if feminine is not None else title(user.role)
    female = member.sex is Sex.female
    if member.is_president:
        return pgettext("female", "President") if female else str(_l("President"))
    return pgettext("female", "Councillor") if female else title(user.role)
