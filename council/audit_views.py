"""The DG's view of the audit log: who did what and when, filtered by item and by user, and a
check of the hash chain on demand. The log holds no file content, so nothing here needs a
re-identification; still only the DG reads it."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from council import permissions
from council.db import db
from council.forms import EmptyForm
from council.refusals import require
from council.services import audit

bp = Blueprint("audit", __name__, url_prefix="/audit")

#: the title of every action the log records (tests/council/test_audit_view.py checks that each
#: code passed to ``audit.record`` has one): the DG reads labels, not codes
ACTION_TITLES = {
    "login": _l("Login"),
    "login_failed": _l("Failed login"),
    "login_throttled": _l("Login refused (too many attempts)"),
    "otp_failed": _l("Wrong one-time code"),
    "reauthentication_failed": _l("Password confirmation failed"),
    "recovery_code_used": _l("Recovery code used"),
    "recovery_codes_regenerated": _l("Recovery codes renewed"),
    "password_changed": _l("Password changed"),
    "sessions_ended": _l("Sessions ended"),
    "two_factor_enrolled": _l("Second factor set up"),
    "two_factor_reset": _l("Second factor reset"),
    "item_read": _l("Closed-session item read"),
    "item_review_read": _l("Item read for the review of its pseudonymisation"),
    "reidentification": _l("Identity shown (re-identification)"),
    "reidentification_failed": _l("Re-identification refused"),
    "identity_guard_overridden": _l("Text let through the identity guard"),
    "dossier_identity_changed": _l("Dossier identity changed"),
    "report_submitted": _l("Social report submitted"),
    "report_scheduled": _l("Social report put on an agenda"),
    "pseudonymisation_changed": _l("Pseudonymisation changed"),
    "pseudonymisation_approved": _l("Pseudonymisation approved"),
    "pseudonymisation_doubt_decided": _l("Doubt of the pseudonymisation decided"),
    "meeting_created": _l("Meeting created"),
    "meeting_convened": _l("Members convened"),
    "agenda_item_added": _l("Item added to the agenda"),
    "agenda_item_updated": _l("Agenda item changed"),
    "agenda_item_moved": _l("Agenda item moved"),
    "agenda_item_removed": _l("Item removed from the agenda"),
    "attendance_recorded": _l("Attendance recorded"),
    "withdrawal_declared": _l("Withdrawal for a conflict of interest"),
    "sitting_opened": _l("Sitting opened"),
    "roll_call_all_present": _l("Roll call: all present"),
    "item_taken": _l("Item taken up"),
    "sitting_closed": _l("Sitting closed"),
    "urgency_voted": _l("Urgency vote recorded"),
    "designation_seats_set": _l("Seats of a designation set"),
    "designation_candidate_added": _l("Candidate entered for a designation"),
    "designation_candidate_removed": _l("Candidate removed from a designation"),
    "designation_counted": _l("Designation ballot counted"),
    "agenda_item_carried_over": _l("Item carried over to a later meeting"),
    "dossier_identity_opened": _l("Dossier identity opened"),
    "document_dispatched": _l("Document dispatch recorded"),
    "poll_opened": _l("Vote opened"),
    "poll_closed": _l("Vote closed"),
    "minutes_started": _l("Minutes started"),
    "minutes_revised": _l("Draft minutes revised"),
    "minutes_corrected": _l("Minutes corrected"),
    "minutes_approved": _l("Minutes approved"),
    "decision_revised": _l("Decision corrected (decision revision)"),
    "decisions_read": _l("Decisions read by the social software"),
    "minutes_draft_downloaded": _l("Draft minutes downloaded"),
    "minutes_copy_without_withdrawn_items": _l(
        "Minutes copy without the items the reader withdrew from"),
    "document_signed": _l("Document signed"),
    "document_downloaded": _l("Document downloaded"),
    "document_checked": _l("Signatures checked"),
    "document_integrity_failed": _l("Stored document altered"),
    "certificate_uploaded": _l("Signing certificate added"),
    "certificate_withdrawn": _l("Signing certificate withdrawn"),
    "trust_anchor_added": _l("Trusted certificate authority added"),
    "extract_created": _l("Extract made"),
    "aid_terms_set": _l("Terms of the aid set"),
    "notification_generated": _l("Notification letter generated"),
    "notification_downloaded": _l("Notification letter downloaded"),
    "notification_sent": _l("Notification letter sent"),
    "secrecy_request_registered": _l("Secrecy request registered"),
    "secrecy_request_referred": _l("Secrecy request referred to the director-general"),
    "secrecy_request_read": _l("Secrecy request read"),
    "secrecy_request_decided": _l("Secrecy request decided"),
    "secrecy_disclosure_sent": _l("Disclosure sent"),
    "secrecy_yearly_report": _l("Yearly secrecy report"),
    "consent_recorded": _l("Consent recorded"),
    "consent_revoked": _l("Consent revoked"),
    "account_created": _l("Account created"),
    "account_change_requested": _l("Change asked of the director-general"),
    "account_change_refused": _l("Change refused by the director-general"),
    "role_changed": _l("Role changed"),
    "account_enabled": _l("Account enabled"),
    "account_disabled": _l("Account disabled"),
    "centre_details_updated": _l("Centre details changed"),
    "job_started": _l("Background task started"),
    "data_keys_rotated": _l("Data keys renewed"),
    "backup_created": _l("Backup made"),
    "database_restored": _l("Database restored"),
    "audit_log_exported": _l("Audit log exported"),
}

#: what an entry is about
OBJECT_TITLES = {
    "agenda_item": _l("Agenda item"),
    "meeting": _l("Meeting"),
    "minutes": _l("Minutes"),
    "dossier": _l("Dossier"),
    "social_report": _l("Social report"),
    "extract": _l("Extract"),
    "signed_document": _l("Signed document"),
    "signer_certificate": _l("Signing certificate"),
    "trust_anchor": _l("Certificate authority"),
    "notification": _l("Notification letter"),
    "secrecy_request": _l("Secrecy request"),
    "secrecy_consent": _l("Consent"),
    "user": _l("Account"),
    "centre": _l("Centre"),
    "job": _l("Background task"),
}


def _require_dg() -> None:
    require(permissions.can_read_audit_log(current_user))


def _int_arg(name: str) -> int | None:
    value = request.args.get(name, "")
    if not value:
        return None
    if not value.isdigit() or len(value) > 12:
        abort(400)
    return int(value)


def _date_arg(name: str) -> date | None:
    value = request.args.get(name, "")
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        abort(400)


def _filters() -> audit.LogFilter:
    return audit.LogFilter(item_id=_int_arg("item"), actor_id=_int_arg("user"),
                           before_id=_int_arg("before"), since=_date_arg("since"),
                           until=_date_arg("until"))


def _filter_args(filters: audit.LogFilter) -> dict[str, Any]:
    """The filters as query arguments, for the next page and the export."""
    return {"item": filters.item_id, "user": filters.actor_id,
            "since": filters.since.isoformat() if filters.since else None,
            "until": filters.until.isoformat() if filters.until else None}


@bp.get("/")
@login_required
def log() -> str:
    _require_dg()
    filters = _filters()
    page = audit.read_log(db.session, filters)
    return render_template("audit/log.html", page=page, filters=filters,
                           filter_args=_filter_args(filters),
                           users=audit.actors(db.session), titles=ACTION_TITLES,
                           object_titles=OBJECT_TITLES, verify_form=EmptyForm())


#: what a spreadsheet would read as the start of a formula
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: a leading =, +, -, @, tab or carriage return
    (a formula) is neutralised by a leading apostrophe (OWASP's CSV injection advice)."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


@bp.get("/log.csv")
@login_required
def export() -> Response:
    """The entries the filters select, as CSV (UTF-8 with a BOM, for spreadsheets): labels,
    not codes; an entry never holds content, so neither does the file."""
    _require_dg()
    filters = _filters()
    rows = audit.export_log(db.session, filters, actor=current_user)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([gettext("Entry"), gettext("When (UTC)"), gettext("Who"), gettext("What"),
                     gettext("Code"), gettext("About"), gettext("Id"), gettext("Details")])
    for entry, name in rows:
        writer.writerow([_cell(v) for v in (
            entry.id, entry.created_at.isoformat(timespec="seconds"), name or "",
            ACTION_TITLES.get(entry.action, entry.action), entry.action,
            OBJECT_TITLES.get(entry.object_type, entry.object_type or ""), entry.object_id,
            "; ".join(f"{key}={value}" for key, value in sorted(entry.details.items())))])
    return Response(out.getvalue(), mimetype="text/csv", headers={
        "Content-Disposition": "attachment; filename=audit-log.csv",
        "Cache-Control": "no-store"})


@bp.post("/verify")
@login_required
def verify() -> Response:
    _require_dg()
    if not EmptyForm().validate_on_submit():
        abort(400)
    broken = audit.verify_chain(db.session)
    if broken is None:
        flash(_l("The audit log is intact: every entry is chained to the previous one."),
              "success")
    else:
        flash(_l("The audit log was altered at entry %(id)d: %(reason)s.",
                 id=broken.entry_id, reason=broken.reason), "error")
    return redirect(url_for(".log"))
