"""Home pages per role, the composition page and account administration."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms import Form
from wtforms.fields.choices import SelectChoice

from agenda.meetings.queries import upcoming_meetings
from agenda.reports import reports_of
from agenda.worklist import agenda_tasks
from council import permissions
from council.audit_views import ACTION_TITLES
from council.auth import (
    confirm_identity,
    reauthentication_failed_message,
    reauthentication_form,
    recently_authenticated,
)
from council.charts import TimelineEntry
from council.clock import centre_today
from council.db import db
from council.errors import flash_refused
from council.forms import EmptyForm, NewUserForm, RoleForm
from council.models import AccountRequest, Language, Member, Role, Sex, User
from council.pictures import dg_timeline, notification_entries, seating
from council.refusals import NotFound, require
from council.services import account_requests, accounts, two_factor
from council.services.composition import composition_report
from council.worklist import Task, ordered
from minutes.notifications.service import awaiting_notification
from minutes.worklist import minutes_tasks

bp = Blueprint("main", __name__)

@bp.route("/")
@login_required
def home() -> Response | str:
    if permissions.can_manage_accounts(current_user):
        return redirect(url_for("main.users"))
    if permissions.is_integration(current_user):
        return render_template("home_integration.html")
    if permissions.awaits_role(current_user):
        pending_role = account_requests.pending_role_of(db.session, current_user)
        return render_template("home_no_role.html", pending_role=pending_role)
    if permissions.can_view_meetings(current_user):
        meetings = upcoming_meetings(db.session, current_user)
        is_staff = permissions.is_staff(current_user)
        return render_template(
            "home.html",
            meetings=meetings,
            tasks=_work_queue() if is_staff else None,
            today=centre_today(),
            report=composition_report(db.session, date.today()) if is_staff else None,
            timeline=dg_timeline(meetings, date.today(), _awaiting_notification())
            if is_staff else None,
        )

    return render_template("home_social_worker.html",
                           reports=reports_of(db.session, current_user),
                           can_submit=permissions.can_use_report_form(current_user))


def _work_queue() -> list[Task]:
    """What waits for the DG or the secretariat, from each area, most urgent first."""
    today = centre_today()
    return ordered([*agenda_tasks(db.session, current_user, today),
                    *minutes_tasks(db.session, current_user, today)])


def _awaiting_notification() -> list[TimelineEntry]:
    """The decisions the user must see notified, for the home timeline (the DG's)."""
    if not permissions.can_view_notifications(current_user):
        return []

    return notification_entries(awaiting_notification(db.session, actor=current_user,
                                                      today=date.today()))


@bp.route("/composition")
@login_required
def composition() -> str:
    require(permissions.can_view_composition(current_user))
    report = composition_report(db.session, date.today())
    if report is None:
        raise NotFound()
    return render_template("composition.html", report=report, seating=seating(report))


@bp.route("/admin/users", methods=["GET", "POST"])
@login_required
def users() -> Response | str:
    require(permissions.can_manage_accounts(current_user))
    form = NewUserForm()
    members = db.session.scalars(select(Member).order_by(Member.last_name)).all()
    form.member_id.choices = [SelectChoice(0, "—")] + [SelectChoice(m.id, m.full_name)
                                                       for m in members]
    if form.validate_on_submit():
        try:
            role_request = accounts.create_user(
                db.session,
                actor=current_user,
                username=form.username.data,
                password=form.password.data,
                role=Role(form.role.data),
                display_name=form.display_name.data,
                email=form.email.data or None,
                language=Language(form.language.data),
                member=db.session.get(Member, form.member_id.data) if form.member_id.data else None,
                sex=Sex(form.sex.data) if form.sex.data else None,
            )
        except accounts.AccountError as error:
            flash_refused(error)
        else:
            flash(gettext("Account created.") if role_request is None else gettext(
                "Account created. Its role takes effect once the director-general confirms it; "
                "until then the account sees nothing."), "success")
            return redirect(url_for("main.users"))
    all_users = db.session.scalars(select(User).order_by(User.role, User.username)).all()
    return render_template("admin/users.html", users=all_users, form=form, role_form=RoleForm(),
                           two_factor_ids=two_factor.enrolled_user_ids(db.session),
                           waiting=account_requests.pending_by_account(db.session))


@bp.route("/admin/users/<int:user_id>/<any(enable, disable):action>", methods=["POST"])
@login_required
def toggle_user(user_id: int, action: str) -> Response:
    user = accounts.account_for(db.session, current_user, user_id)
    if EmptyForm().validate_on_submit():
        _account_change(lambda: accounts.set_enabled(db.session, actor=current_user, user=user,
                                                     enabled=action == "enable"))
    return redirect(url_for("main.users"))


@bp.route("/admin/users/<int:user_id>/role", methods=["POST"])
@login_required
def change_role(user_id: int) -> Response:
    """Another role for an account: at once between roles without content (its sessions end),
    otherwise asked of the DG (audited either way)."""
    user = accounts.account_for(db.session, current_user, user_id)
    form = RoleForm()
    if form.validate_on_submit():
        _account_change(lambda: accounts.request_role(db.session, actor=current_user, user=user,
                                                      role=Role(form.role.data)))
    return redirect(url_for("main.users"))


def _account_change(change: Callable[[], object]) -> None:
    """Runs one change of an account and says how it went: done, or asked of the DG."""
    try:
        outcome = change()
    except accounts.AccountError as error:
        flash_refused(error)
    else:
        flash(gettext("Request sent to the director-general, who confirms or refuses it.")
              if _asked_the_dg(outcome) else gettext("Account updated."), "success")


def _asked_the_dg(outcome: object) -> bool:
    return isinstance(outcome, AccountRequest) or (
        outcome is permissions.RoleChange.needs_confirmation)


@bp.route("/admin/users/<int:user_id>/two-factor/reset", methods=["POST"])
@login_required
def reset_two_factor(user_id: int) -> Response:
    """Asks a DG to confirm the removal of a user's authenticator and recovery codes (lost
    phone); audited."""
    user = accounts.account_for(db.session, current_user, user_id)
    if EmptyForm().validate_on_submit():
        _account_change(lambda: accounts.request_two_factor_reset(db.session, actor=current_user,
                                                                  user=user))
    return redirect(url_for("main.users"))


# --- The DG's side of the separation of duties (issue 13) -------------------------------------


@bp.route("/accounts/requests")
@login_required
def account_requests_page() -> str:
    """The requests of the IT administrator a DG confirms or refuses, and the history of roles
    and resets."""
    require(permissions.can_decide_account_requests(current_user))
    pending = account_requests.pending_requests(db.session)
    return render_template("admin/requests.html", pending=pending,
                           password_replaced_ids=account_requests.password_replaced_ids(
                               db.session, pending),
                           history=account_requests.history(db.session),
                           titles=ACTION_TITLES,
                           two_factor_ids=two_factor.enrolled_user_ids(db.session))


#: minutes after the password during which a DG confirms requests without giving it again
CONFIRM_AFTER_PASSWORD_MINUTES = 5


@bp.route("/accounts/requests/<int:request_id>/<any(confirm, refuse):decision>",
          methods=["POST"])
@login_required
def decide_account_request(request_id: int, decision: str) -> Response | str:
    """Confirming asks the DG's password (and code) again unless given in the last minutes."""
    asked = account_requests.request_for(db.session, current_user, request_id)
    form = reauthentication_form(current_user)
    giving_password = decision == "confirm" and "password" in request.form
    if not (form.validate_on_submit() if giving_password else EmptyForm().validate_on_submit()):
        return redirect(url_for("main.account_requests_page"))
    try:
        if giving_password and not confirm_identity(form, purpose="account_request"):
            flash(reauthentication_failed_message(), "error")
            return _confirm_request_page(asked, form)
        account_requests.decide(
            db.session, actor=current_user, request=asked, confirm=decision == "confirm",
            reauthenticated=recently_authenticated(CONFIRM_AFTER_PASSWORD_MINUTES))
    except account_requests.ReauthenticationRequired:
        return _confirm_request_page(asked, form)
    except accounts.AccountError as error:  # too many attempts among them
        flash_refused(error)
    else:
        flash(gettext("Request confirmed: the change took effect.")
              if decision == "confirm" else gettext("Request refused."), "success")
    return redirect(url_for("main.account_requests_page"))


def _confirm_request_page(asked: AccountRequest, form: Form) -> str:
    return render_template("admin/confirm_request.html", asked=asked, form=form,
                           password_replaced=bool(account_requests.password_replaced_ids(
                               db.session, [asked])))
