"""Social reports and dossiers: who submits, reads, reviews and re-identifies them, the identity
guard's overrides, background jobs and the notification of decisions.
"""

from __future__ import annotations

from typing import Any

from council.models import (
    AgendaItem,
    Meeting,
    MeetingStatus,
    Role,
)
from council.permissions.core import _role, is_staff


def can_submit_report(user: Any) -> bool:
    """Social workers submit social reports (with the dossier identity), and so does the
    social software through its integration account (``can_use_report_form``: API only)."""
    return _role(user) in (Role.social_worker, Role.integration)


def can_use_report_form(user: Any) -> bool:
    """The web form that submits a report: social workers; the integration account has no
    web page but its home."""
    return _role(user) is Role.social_worker


def can_read_decisions(user: Any) -> bool:
    """The decisions taken on reports, as the social software reads them back
    (``GET /api/v1/decisions``): the DG and the integration account (issue 15)."""
    return _role(user) in (Role.dg, Role.integration)


def is_integration(user: Any) -> bool:
    """The social software's account: it submits reports and reads decisions through the API,
    and nothing else (its web home page says so)."""
    return _role(user) is Role.integration


def _is_dg_or_dossiers_worker(user: Any, dossier: Any) -> bool:
    role = _role(user)
    return role is Role.dg or (role is Role.social_worker
                               and dossier.social_worker_id == user.id)


def can_change_dossier(user: Any, dossier: Any) -> bool:
    """Giving a dossier a new identity (a later report on it, a correction): the social worker
    in charge of it, and the DG; another social worker reusing its reference is refused. The
    integration account is in charge of the dossiers it created."""
    return _is_dg_or_dossiers_worker(user, dossier) or (
        _role(user) is Role.integration and dossier.social_worker_id == user.id)


def may_ever_change_dossiers(user: Any) -> bool:
    """Whether the user's role corrects any dossier identity (``can_change_dossier`` says
    which): the others are refused every dossier alike, existing or not."""
    return _role(user) in (Role.dg, Role.social_worker)


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




def can_view_job(user: Any, job: Any) -> bool:
    """A job's progress and result link: who started it, and the DG, who answers for the
    work done in the centre's name."""
    return _role(user) is not None and (user.id == job.created_by_id or _role(user) is Role.dg)


def can_schedule_reports_in_background(user: Any, meeting: Meeting) -> bool:
    """Putting every waiting report on a meeting's agenda in one go (each is pseudonymised):
    the DG, before the convocation (once the members are convened, a report goes on the agenda
    one at a time, as urgent with its reason, and is taken after an urgency vote)."""
    return _role(user) is Role.dg and meeting.status is MeetingStatus.draft




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
