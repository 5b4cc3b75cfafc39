"""The one access policy. Views, templates and the API ask it; anything not granted is denied.

Each function takes the acting user (possibly anonymous) and the object, and answers a bool.
``visible_meetings_clause`` gives the same answer as ``can_view_meeting`` as an SQL condition,
so that lists are filtered in the database rather than item by item.
"""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import ColumnElement, exists, false, func, or_, select, true

from council.models import (
    AccountRequest,
    AgendaItem,
    Meeting,
    MeetingStatus,
    OrganMembership,
    Role,
    User,
)
from council.models.minutes import Extract, SignatureCapacity, SignedDocument
from council.models.secrecy import SecrecyRequest

STAFF = frozenset({Role.dg, Role.secretariat})


def _role(user: Any) -> Role | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.role if isinstance(user, User) else None


def is_staff(user: Any) -> bool:
    return _role(user) in STAFF


def is_councillor(user: Any) -> bool:
    return _role(user) is Role.councillor and user.member_id is not None


def needs_member(role: Role) -> bool:
    """A councillor's account is linked to their member record; no other role's is."""
    return role is Role.councillor


def can_manage_accounts(user: Any) -> bool:
    """The IT administrator manages accounts, and sees no meeting or file content."""
    return _role(user) is Role.admin


# --- Accounts: separation of duties --------------------------------------------------------------

#: the roles without access to any meeting, report, minutes or audit entry: the IT
#: administrator's and an account's that has no role yet. Every other role sees content.
CONTENTLESS_ROLES = frozenset({Role.admin, Role.unassigned})


class RoleChange(enum.Enum):
    """How the IT administrator's change of a role takes effect."""

    #: the account already has that role
    none = "none"
    #: from a role without content to another one: at once
    immediate = "immediate"
    #: to or from a role that sees content: once the DG confirms it
    needs_confirmation = "needs_confirmation"


def role_change(current: Role, requested: Role) -> RoleChange:
    """Giving a role that sees content needs the DG's confirmation, and so does taking one away
    (the DG, not the IT administrator, decides who reads the files; an account to be cut off at
    once is disabled, which takes effect immediately)."""
    if current is requested:
        return RoleChange.none
    if current in CONTENTLESS_ROLES and requested in CONTENTLESS_ROLES:
        return RoleChange.immediate
    return RoleChange.needs_confirmation


def initial_role(requested: Role) -> Role:
    """The role a new account starts with: the one asked for when it sees no content, none
    otherwise until the DG confirms it."""
    return requested if requested in CONTENTLESS_ROLES else Role.unassigned


def awaits_role(user: Any) -> bool:
    """An account that may log in but has no role yet: it sees its own account pages only."""
    return _role(user) is Role.unassigned


def can_decide_account_requests(user: Any) -> bool:
    """The DG's accounts page: the requests to confirm and the history of roles and resets."""
    return _role(user) is Role.dg


def can_decide_account_request(user: Any, request: AccountRequest) -> bool:
    """A DG confirms or refuses the IT administrator's requests, but none about their own
    account: a request about the only DG is decided by the operator on the command line."""
    return can_decide_account_requests(user) and request.user_id != user.id


def can_request_role(user: Any, account: User) -> bool:
    """The IT administrator asks for anyone's role but their own."""
    return can_manage_accounts(user) and account.id != user.id


def can_view_composition(user: Any) -> bool:
    return is_staff(user) or is_councillor(user)


def can_view_meeting(user: Any, meeting: Meeting) -> bool:
    if is_staff(user):
        return True
    if not is_councillor(user):
        return False
    meeting_day = meeting.starts_at.date()
    return any(
        membership.member_id == user.member_id and membership.is_current(meeting_day)
        for membership in meeting.organ.memberships
    )


def can_view_item(user: Any, item: AgendaItem) -> bool:
    """Reading an item's report and draft decision: whoever may see its meeting; for an item
    built from a social report, members only once its pseudonymisation is reviewed."""
    if not can_view_meeting(user, item.meeting):
        return False
    if is_staff(user):
        return True
    if is_withdrawn_from(user, item):
        return False
    pseudonymisation = getattr(item, "pseudonymisation", None)
    return pseudonymisation is None or pseudonymisation.is_reviewed


def is_withdrawn_from(user: Any, item: AgendaItem) -> bool:
    """Whether the user is a member who withdrew from the item (conflict of interest): they
    may not read it nor vote on it, and know that it exists (403 rather than 404)."""
    if not is_councillor(user):
        return False
    return any(w.member_id == user.member_id for w in getattr(item, "withdrawals", ()))


def can_follow_meeting(user: Any, meeting: Meeting) -> bool:
    """The live screen of a meeting: its members, and staff."""
    return can_view_meeting(user, meeting)


def can_chair(user: Any, meeting: Meeting) -> bool:
    """The chair screen (attendance, quorum, polls): the DG, the secretariat and the president
    when sitting on the organ."""
    return is_staff(user) or (is_councillor(user) and user.is_president
                              and can_view_meeting(user, meeting))


def can_record_attendance(user: Any, meeting: Meeting) -> bool:
    """Attendance is recorded by the DG or the secretariat."""
    return is_staff(user)


def can_run_vote(user: Any, meeting: Meeting) -> bool:
    """Opening and closing polls, and recording a show of hands: the president (sitting on
    the organ), or the DG on the president's behalf."""
    return _role(user) is Role.dg or (is_councillor(user) and user.is_president
                                      and can_view_meeting(user, meeting))


def can_run_vote_on(user: Any, item: AgendaItem) -> bool:
    """Running the vote on an item: ``can_run_vote`` for its meeting, unless withdrawn from it."""
    return can_run_vote(user, item.meeting) and not is_withdrawn_from(user, item)


def can_record_withdrawal(user: Any, item: AgendaItem) -> bool:
    """Recording a member's withdrawal for them, from the chair: the DG or the secretariat."""
    return is_staff(user)


def can_withdraw(user: Any, item: AgendaItem) -> bool:
    """A member withdraws from an item themselves, from their own screen."""
    return is_councillor(user) and can_declare_withdrawal(user, item, user.member_id)


def can_declare_withdrawal(user: Any, item: AgendaItem, member_id: int) -> bool:
    """A member declares their own withdrawal from an item; the DG or the secretariat may
    record it for them."""
    if can_record_withdrawal(user, item):
        return True
    return (is_councillor(user) and user.member_id == member_id
            and can_view_meeting(user, item.meeting))


def can_vote(user: Any, item: AgendaItem) -> bool:
    """Voting from one's own screen: a member of the organ who did not withdraw from the item
    (presence in the room is checked when the ballot is cast)."""
    return (is_councillor(user) and can_view_meeting(user, item.meeting)
            and not is_withdrawn_from(user, item))


def can_submit_report(user: Any) -> bool:
    """Social workers submit social reports (with the dossier identity)."""
    return _role(user) is Role.social_worker


def _is_dg_or_dossiers_worker(user: Any, dossier: Any) -> bool:
    role = _role(user)
    return role is Role.dg or (role is Role.social_worker
                               and dossier.social_worker_id == user.id)


def can_change_dossier(user: Any, dossier: Any) -> bool:
    """Giving a dossier a new identity (a later report on it, a correction): the social worker
    in charge of it, and the DG; another social worker reusing its reference is refused."""
    return _is_dg_or_dossiers_worker(user, dossier)


def may_ever_view_reports(user: Any) -> bool:
    """Whether the user's role reads any report (``can_view_report`` says which): the others
    are refused every report alike, existing or not."""
    return is_staff(user) or _role(user) is Role.social_worker


def can_view_report(user: Any, report: Any) -> bool:
    """A report's pseudonymised draft: staff, and the social worker who submitted it or is in
    charge of its dossier."""
    return is_staff(user) or (_role(user) is Role.social_worker and user.id in (
        report.submitted_by_id, report.dossier.social_worker_id))


def can_review_item(user: Any, item: AgendaItem) -> bool:
    """Reviewing an item's pseudonymisation (the DG and the secretariat)."""
    return is_staff(user)


def may_ever_reidentify(user: Any) -> bool:
    """Whether the user's role re-identifies any report at all (``can_reidentify`` says which):
    the others learn nothing of which items came from a report."""
    return _role(user) in (Role.dg, Role.social_worker)


def can_reidentify(user: Any, report: Any) -> bool:
    """Seeing the identity behind a report's pseudonyms: the DG, and the social worker in
    charge of the dossier or who wrote the report; always after re-entering a password."""
    role = _role(user)
    if role is Role.dg:
        return True
    return role is Role.social_worker and user.id in (report.submitted_by_id,
                                                      report.dossier.social_worker_id)


def can_see_originals(user: Any, report: Any, *, secretariat_sees_originals: bool) -> bool:
    """Seeing words of a report's original text while reviewing its pseudonymisation (undoing a
    replacement brings one back): a re-identification, for those who may re-identify the
    report among its reviewers (the DG), and for the secretariat only where the centre lets it
    review with the originals (``COUNCIL_SECRETARIAT_SEES_ORIGINALS``); always after a recent
    password, audited."""
    if _role(user) is Role.secretariat:
        return secretariat_sees_originals
    return is_staff(user) and can_reidentify(user, report)


def can_manage_meetings(user: Any) -> bool:
    """The staff pages that build agendas, schedule reports and review them: the DG and the
    secretariat."""
    return is_staff(user)


def can_manage_meeting(user: Any, meeting: Meeting) -> bool:
    return can_manage_meetings(user)


def can_create_meeting(user: Any) -> bool:
    """The DG and the secretariat prepare meetings."""
    return is_staff(user)


def can_edit_agenda(user: Any, meeting: Meeting) -> bool:
    """Adding, editing and reordering items, and editing draft decisions: staff, until the
    meeting is closed (or cancelled)."""
    return can_manage_meeting(user, meeting) and meeting.status not in (
        MeetingStatus.closed, MeetingStatus.cancelled)


def can_remove_item(user: Any, item: AgendaItem) -> bool:
    """An item leaves the agenda only before the members are convened."""
    return can_edit_agenda(user, item.meeting) and item.meeting.status is MeetingStatus.draft


def can_convene(user: Any, meeting: Meeting) -> bool:
    """Sending (or sending again) the convocations: staff, before the meeting starts."""
    return can_manage_meeting(user, meeting) and meeting.status in (
        MeetingStatus.draft, MeetingStatus.convened)


def can_view_meetings(user: Any) -> bool:
    """Whether the user has a meetings page at all (staff and councillors)."""
    return is_staff(user) or is_councillor(user)


def visible_meetings_clause(user: Any) -> ColumnElement[bool]:
    """SQL condition on ``Meeting`` equivalent to ``can_view_meeting``."""
    if is_staff(user):
        return true()
    if not is_councillor(user):
        return false()
    meeting_day = func.date(Meeting.starts_at)  # UTC date, as in can_view_meeting
    return exists(
        select(OrganMembership.id).where(
            OrganMembership.organ_id == Meeting.organ_id,
            OrganMembership.member_id == user.member_id,
            OrganMembership.start_on <= meeting_day,
            or_(OrganMembership.end_on.is_(None), OrganMembership.end_on >= meeting_day),
        )
    )


# --- Two-factor authentication -------------------------------------------------------------------

#: roles that must use two-factor authentication when COUNCIL_REQUIRE_2FA is on (the president
#: is a councillor); anyone else may enrol voluntarily
TWO_FACTOR_ROLES = frozenset({Role.dg, Role.secretariat, Role.councillor})


def must_use_two_factor(account: User) -> bool:
    """Whether the account's role requires a second factor (when the centre requires it)."""
    return account.role in TWO_FACTOR_ROLES



def can_manage_own_two_factor(user: Any) -> bool:
    """Every account may set up its own authenticator and recovery codes."""
    return _role(user) is not None


def can_request_two_factor_reset(user: Any, account: User) -> bool:
    """The IT administrator asks for the removal of someone's authenticator (lost phone), which
    a DG confirms (``can_decide_account_request``); not their own, so that a borrowed
    administrator session cannot drop the administrator's second factor."""
    return can_manage_accounts(user) and account.id != user.id


# --- Signatures and extracts ---------------------------------------------------------------------


def _presides(user: Any, meeting: Meeting | None) -> bool:
    """The president signs for the organs they sit on (the council president presides every
    committee); a document about no meeting (a letter) has no president."""
    return (meeting is not None and is_councillor(user) and user.is_president
            and can_view_meeting(user, meeting))


def can_hold_certificate(user: Any) -> bool:
    """Who uploads a signing certificate: the DG and the president, the two signers."""
    return _role(user) is Role.dg or (is_councillor(user) and user.is_president)


def signing_capacity(user: Any, meeting: Meeting | None) -> SignatureCapacity | None:
    """In which capacity the user signs a document about ``meeting``, or None: the DG as
    director-general, the president of an organ they sit on as president."""
    if _role(user) is Role.dg:
        return SignatureCapacity.director_general
    if _presides(user, meeting):
        return SignatureCapacity.president
    return None


def can_have_signed_original(user: Any, document: SignedDocument,
                             meeting: Meeting | None) -> bool:
    """Whose download of ``document`` is the signed original (with its signatures, stamped as
    an incremental update): the DG, who keeps it, and its signers, those who signed it and
    whoever signs it in a capacity it still awaits. Every other reader gets a reader's copy
    (minutes.documents), which carries no signature but cannot lose its mark."""
    if _role(user) is None:
        return False
    if _role(user) is Role.dg or any(signature.signer_id == user.id
                                      for signature in document.signatures):
        return True
    capacity = signing_capacity(user, meeting)
    return capacity is not None and capacity in document.missing_capacities


def can_follow_signatures(user: Any, meeting: Meeting | None) -> bool:
    """A document's signature page and signature check: staff, and the president who signs.
    Without a meeting (a letter lifting professional secrecy): the DG only."""
    if meeting is None:
        return _role(user) is Role.dg
    return is_staff(user) or _presides(user, meeting)


def _is_files_social_worker(user: Any, item: AgendaItem) -> bool:
    pseudonymisation = getattr(item, "pseudonymisation", None)
    return (_role(user) is Role.social_worker and pseudonymisation is not None
            and pseudonymisation.report.dossier.social_worker_id == user.id)


def may_ever_view_extracts(user: Any) -> bool:
    """Whether the user's role reads any item's extracts (``can_view_extracts`` says which):
    the others are refused every item alike, existing or not."""
    return is_staff(user) or _role(user) is Role.social_worker or (
        is_councillor(user) and user.is_president)


def can_view_extracts(user: Any, item: AgendaItem) -> bool:
    """An item's extracts: staff, the president who signs them (unless withdrawn from the
    item), and the social worker in charge of the item's dossier, who notifies the decision."""
    return (is_staff(user) or (_presides(user, item.meeting) and not is_withdrawn_from(user, item))
            or _is_files_social_worker(user, item))


def can_make_extract(user: Any, item: AgendaItem) -> bool:
    """The DG and the secretariat issue pseudonymised extracts."""
    return is_staff(user)


def can_make_identified_extract(user: Any, item: AgendaItem) -> bool:
    """An extract naming the applicant: the DG and the social worker in charge of the dossier
    (after re-entering a password, audited as a re-identification)."""
    return _role(user) is Role.dg or _is_files_social_worker(user, item)


def can_read_extract(user: Any, extract: Extract) -> bool:
    """Downloading an extract; an identified one only for who may make one. The president
    signs an identified extract without reading it: its text is the pseudonymised one's."""
    if extract.is_identified:
        return can_make_identified_extract(user, extract.item)
    return can_view_extracts(user, extract.item)


# --- Background jobs -----------------------------------------------------------------------------


def can_view_job(user: Any, job: Any) -> bool:
    """A job's progress and result link: who started it, and the DG, who answers for the
    work done in the centre's name."""
    return _role(user) is not None and (user.id == job.created_by_id or _role(user) is Role.dg)


def can_schedule_reports_in_background(user: Any, meeting: Meeting) -> bool:
    """Putting every waiting report on a meeting's agenda in one go (each is pseudonymised):
    the DG, before the meeting starts (as for one report at a time)."""
    return _role(user) is Role.dg and meeting.status in (MeetingStatus.draft,
                                                          MeetingStatus.convened)


# --- Notification letters ------------------------------------------------------------------------


def is_dg(user: Any) -> bool:
    return _role(user) is Role.dg


# --- The identity guard --------------------------------------------------------------------------


def can_override_identity_guard(user: Any) -> bool:
    """Letting through a text the identity guard stopped, with a written reason: the DG only."""
    return _role(user) is Role.dg


def can_read_withdrawal_reason(user: Any) -> bool:
    """Why a member withdrew: the law asks the minutes to record that they did, not why; the
    reason (often a family or neighbour tie with the applicant) stays with the DG."""
    return _role(user) is Role.dg


def can_view_notifications(user: Any) -> bool:
    """The decisions awaiting notification: the DG (all) and social workers (their files)."""
    return _role(user) in (Role.dg, Role.social_worker)


def can_notify(user: Any, dossier: Any) -> bool:
    """Setting a decision's terms and making, reading or sending its letter, which names the
    applicant: the DG and the social worker in charge of the dossier."""
    return _is_dg_or_dossiers_worker(user, dossier)


# --- Secrecy register ----------------------------------------------------------------------------
# Secrecy is held by the institution: only the DG decides. A social worker who received a
# request refers it and follows what they referred; every other role sees the yearly counts only.


def can_view_secrecy_register(user: Any) -> bool:
    """The register page: the DG (every request) and social workers (those they referred)."""
    return _role(user) in (Role.dg, Role.social_worker)


def can_register_secrecy_request(user: Any) -> bool:
    """Recording a request on arrival: the DG, or a social worker referring it to the DG."""
    return _role(user) in (Role.dg, Role.social_worker)


def refers_secrecy_requests(user: Any) -> bool:
    """A social worker who records a request refers it to the DG, who alone decides."""
    return _role(user) is Role.social_worker


def can_view_secrecy_request(user: Any, request: Any) -> bool:
    """One request, what it asks and its outcome: the DG, and the social worker who referred it."""
    role = _role(user)
    return role is Role.dg or (role is Role.social_worker and request.referred_by_id == user.id)


def can_decide_secrecy_request(user: Any, request: Any) -> bool:
    """Refusing or lifting secrecy, and signing the letter: the DG alone."""
    return _role(user) is Role.dg


def directors_general_clause() -> ColumnElement[bool]:
    """SQL condition on ``User``: the accounts that act as the director-general."""
    return User.role == Role.dg


def visible_secrecy_requests_clause(user: Any) -> ColumnElement[bool]:
    """SQL condition on ``SecrecyRequest`` equivalent to ``can_view_secrecy_request``."""
    role = _role(user)
    if role is Role.dg:
        return true()
    if role is Role.social_worker:
        return SecrecyRequest.referred_by_id == user.id
    return false()


def can_view_secrecy_counts(user: Any) -> bool:
    """The yearly counts by basis and outcome (no identity): every signed-in role; not an
    account whose role waits for the DG, which sees nothing."""
    return _role(user) not in (None, Role.unassigned)


def can_manage_consents(user: Any, dossier: Any) -> bool:
    """Recording and revoking a person's consents: the DG and the dossier's social worker."""
    return _is_dg_or_dossiers_worker(user, dossier)


def can_report_secrecy_to_council(user: Any) -> bool:
    """Putting the yearly counts on a council meeting's agenda: the DG."""
    return _role(user) is Role.dg


# --- Audit log -----------------------------------------------------------------------------------


def can_read_audit_log(user: Any) -> bool:
    """The DG answers for the centre's secrecy: the audit view is theirs. The IT admin keeps
    the accounts, not the record of who read which file."""
    return _role(user) is Role.dg


# --- Minutes -------------------------------------------------------------------------------------


def can_view_minutes(user: Any, meeting: Meeting) -> bool:
    """A meeting's minutes, draft or signed, and their copies: the DG, the secretariat and the
    members of its organ (who approve them at the next meeting); never the IT administrator
    nor social workers."""
    return can_view_meeting(user, meeting)


def can_edit_minutes(user: Any, meeting: Meeting) -> bool:
    """Drafting the minutes, and correcting them after approval: the DG and the secretariat."""
    return is_staff(user)


def can_approve_minutes(user: Any, meeting: Meeting) -> bool:
    """Recording that a later meeting approved the minutes: the DG and the secretariat."""
    return is_staff(user)


def can_edit_centre_details(user: Any) -> bool:
    """The address, telephone and labour court printed on letters: the DG."""
    return _role(user) is Role.dg
