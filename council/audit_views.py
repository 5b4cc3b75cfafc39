"""The DG's view of the audit log: who did what and when, filtered by item and by user, and a
check of the hash chain on demand. The log holds no file content, so nothing here needs a
re-identification; still only the DG reads it."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from council import permissions
from council.db import db
from council.forms import EmptyForm
from council.refusals import require
from council.services import audit

bp = Blueprint("audit", __name__, url_prefix="/audit")

#: titles of the actions a DG looks for most; others show their code
ACTION_TITLES = {
    "login": _l("Login"),
    "login_failed": _l("Failed login"),
    "login_throttled": _l("Login refused (too many attempts)"),
    "item_read": _l("Closed-session item read"),
    "reidentification": _l("Identity shown (re-identification)"),
    "reidentification_failed": _l("Re-identification refused"),
    "poll_opened": _l("Vote opened"),
    "poll_closed": _l("Vote closed"),
    "minutes_approved": _l("Minutes approved"),
    "decision_revised": _l("Decision corrected (decision revision)"),
    "decisions_read": _l("Decisions read by the social software"),
    "document_signed": _l("Document signed"),
    "document_downloaded": _l("Document downloaded"),
    "notification_generated": _l("Notification letter generated"),
    "notification_downloaded": _l("Notification letter downloaded"),
    "account_created": _l("Account created"),
    "account_change_requested": _l("Change asked of the director-general"),
    "account_change_refused": _l("Change refused by the director-general"),
    "role_changed": _l("Role changed"),
    "two_factor_reset": _l("Second factor reset"),
    "account_enabled": _l("Account enabled"),
    "account_disabled": _l("Account disabled"),
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


@bp.get("/")
@login_required
def log() -> str:
    _require_dg()
    filters = audit.LogFilter(item_id=_int_arg("item"), actor_id=_int_arg("user"),
                              before_id=_int_arg("before"))
    page = audit.read_log(db.session, filters)
    return render_template("audit/log.html", page=page, filters=filters,
                           users=audit.actors(db.session), titles=ACTION_TITLES,
                           verify_form=EmptyForm())


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
