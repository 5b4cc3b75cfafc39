"""Login (password, then the one-time code for accounts with two-factor authentication), logout,
two-factor enrolment, re-authentication before sensitive actions, and the language switch."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TypeVar
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.orm import joinedload
from werkzeug.wrappers import Response

from council import permissions
from council.db import db
from council.errors import API_PREFIX, refused
from council.extensions import login_manager
from council.forms import (
    EmptyForm,
    LanguageForm,
    LoginForm,
    OneTimeCodeForm,
    PasswordChangeForm,
    ReauthenticationForm,
)
from council.models import Language, User
from council.models.base import utcnow
from council.refusals import require
from council.services import accounts, two_factor

bp = Blueprint("auth", __name__)

Form = TypeVar("Form", bound=ReauthenticationForm)

login_manager.login_view = "auth.login"
login_manager.session_protection = "strong"


@login_manager.user_loader
def _load_user(user_id: str) -> User | None:
    """The session's user, unless the session began before the account's sessions were ended
    (its epoch is another one) or the account is disabled."""
    # the member row comes along: the menu asks whether a councillor presides on every page
    user = (db.session.get(User, int(user_id), options=[joinedload(User.member)])
            if user_id.isdigit() else None)
    if user is None or not user.is_enabled or not _epoch_matches(user):
        return None
    return user


def _epoch_matches(user: User) -> bool:
    epoch = session.get(SESSION_EPOCH)
    return isinstance(epoch, str) and secrets.compare_digest(epoch, user.session_epoch)


@login_manager.unauthorized_handler
def _unauthorized() -> Response:
    flash(gettext("Please log in."), "info")
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def _safe_next(target: str | None) -> str:
    """Only paths on this site: an open redirect would hand a session to another host."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("main.home")


#: session keys: when the password was last given, and when the user was last active (UTC
#: seconds since the epoch)
AUTHENTICATED_AT = "authenticated_at"
LAST_SEEN = "last_seen"
#: session keys between the password and the one-time code: whose password was right, since
#: when, and where to go afterwards (nobody is logged in yet)
PENDING_USER = "pending_user_id"
PENDING_SINCE = "pending_since"
PENDING_NEXT = "pending_next"
#: session key: the user must enrol in two-factor authentication before anything else
MUST_ENROL = "must_enrol"
#: session key: the account's ``session_epoch`` when the password was given; logging out,
#: changing the password or the role, disabling the account and "log out my other sessions"
#: give the account a new one, which ends every session (a signed cookie cannot be recalled)
SESSION_EPOCH = "session_epoch"
#: minutes to type the one-time code after the password
PENDING_MINUTES = 5
#: minutes after the password during which enrolling needs no password again
ENROL_AFTER_PASSWORD_MINUTES = 10
#: what a user who must enrol may still reach
ENROLMENT_ENDPOINTS = frozenset({"auth.enrol", "auth.logout", "auth.set_language", "static"})


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def _too_many_attempts(template: str, throttled: accounts.LoginThrottled,
                       **context: object) -> Response:
    flash(gettext("Too many attempts; please wait a moment."), "error")
    return Response(render_template(template, **context), status=429,
                    headers={"Retry-After": str(throttled.retry_after)})


def _start_session(user: User, target: str | None) -> Response:
    """Logs the user in on a fresh session (no fixation) after every factor was given."""
    session.clear()
    login_user(user)
    session[SESSION_EPOCH] = user.session_epoch
    session.permanent = True  # the cookie's lifetime restarts with each request
    session[AUTHENTICATED_AT] = session[LAST_SEEN] = _epoch(utcnow())
    if two_factor.is_required(user) and not two_factor.is_enrolled(db.session, user):
        session[MUST_ENROL] = True
        flash(gettext("Your account needs two-factor authentication: set it up now."), "info")
        return redirect(url_for("auth.enrol"))
    return redirect(_safe_next(target))


@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | str:
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.check_password(db.session, form.username.data, form.password.data,
                                           source="web", address=request.remote_addr or "")
        except accounts.LoginThrottled as throttled:
            return _too_many_attempts("auth/login.html", throttled, form=form)
        if user is not None and two_factor.is_enrolled(db.session, user):
            language = session.get("language")
            session.clear()
            if language:  # the code page stays in the language chosen on the login page
                session["language"] = language
            session[PENDING_USER] = user.id
            session[PENDING_SINCE] = _epoch(utcnow())
            session[SESSION_EPOCH] = user.session_epoch
            session[PENDING_NEXT] = request.args.get("next")
            return redirect(url_for("auth.second_factor"))
        if user is not None:
            accounts.complete_login(db.session, user, source="web")
            return _start_session(user, request.args.get("next"))
        flash(gettext("Unknown username or wrong password."), "error")
    return render_template("auth/login.html", form=form)


def _pending_user() -> User | None:
    """The user whose password was right within the last minutes, waiting for their code (and
    still enrolled: an administrator may have reset their authenticator meanwhile; and with the
    same session epoch: their password may have changed meanwhile)."""
    user_id, since = session.get(PENDING_USER), session.get(PENDING_SINCE)
    if not isinstance(user_id, int) or not isinstance(since, int):
        return None
    if not 0 <= _epoch(utcnow()) - since <= PENDING_MINUTES * 60:
        return None
    user = db.session.get(User, user_id)
    if (user is None or not user.is_enabled or not _epoch_matches(user)
            or not two_factor.is_enrolled(db.session, user)):
        return None
    return user


@bp.route("/login/code", methods=["GET", "POST"])
def second_factor() -> Response | str:
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    user = _pending_user()
    if user is None:
        for key in (PENDING_USER, PENDING_SINCE, PENDING_NEXT, SESSION_EPOCH):
            session.pop(key, None)
        flash(gettext("Please log in."), "info")
        return redirect(url_for("auth.login"))
    form = OneTimeCodeForm()
    if form.validate_on_submit():
        try:
            accepted = two_factor.complete_login_with_code(
                db.session, user, form.code.data, source="web", address=request.remote_addr or "")
        except accounts.LoginThrottled as throttled:
            return _too_many_attempts("auth/second_factor.html", throttled, form=form)
        except two_factor.TwoFactorError:  # reset by an administrator a moment ago
            return redirect(url_for("auth.login"))
        if accepted:
            return _start_session(user, session.get(PENDING_NEXT))
        flash(gettext("This code is not valid. Codes change every 30 seconds and each one works "
                      "only once."), "error")
    return render_template("auth/second_factor.html", form=form)


@bp.before_app_request
def _end_revoked_sessions() -> None:
    """A session the user loader refuses (the account's sessions were ended since it began, or
    the account is disabled) is cleared; the request goes on anonymous, so that pages send to
    the login form and polled fragments to the login page (``HX-Redirect``) as usual."""
    if "_user_id" in session and request.endpoint != "static" and not current_user.is_authenticated:
        logout_user()
        session.clear()


@bp.before_app_request
def _end_idle_sessions() -> Response | None:
    """Idle timeout (COUNCIL_IDLE_MINUTES): a logged-in session unused for longer ends, with a
    message; otherwise each request moves its last-seen stamp. The signed cookie expires after
    the same lifetime, which Flask also refreshes on each request (permanent session)."""
    if "_user_id" not in session or request.endpoint == "static":
        return None
    now = _epoch(utcnow())
    last_seen = session.get(LAST_SEEN)
    limit = current_app.permanent_session_lifetime.total_seconds()
    if not isinstance(last_seen, int) or now - last_seen > limit:
        logout_user()
        session.clear()
        if request.path.startswith(API_PREFIX):
            return None  # the API authenticates by bearer token, not by this session
        flash(gettext("Your session ended after a period of inactivity; please log in again."),
              "info")
        target = request.full_path.rstrip("?") if request.method == "GET" else None
        return redirect(url_for("auth.login", next=target))
    session[LAST_SEEN] = now
    session.permanent = True
    return None


@bp.before_app_request
def _hold_until_enrolled() -> Response | None:
    """A user who must use two-factor authentication and has not enrolled yet reaches nothing
    but the enrolment page (and logging out) with this session."""
    if not session.get(MUST_ENROL) or request.endpoint in ENROLMENT_ENDPOINTS:
        return None
    if request.path.startswith(API_PREFIX):
        return None  # bearer tokens: POST /api/v1/token refuses such accounts
    return redirect(url_for("auth.enrol"))


def recently_authenticated(max_age_minutes: int) -> bool:
    """Whether the current user gave their password within the last ``max_age_minutes`` (at
    login or through ``confirm_identity``); activity does not count."""
    stamp = session.get(AUTHENTICATED_AT)
    if not current_user.is_authenticated or not isinstance(stamp, int):
        return False
    return 0 <= _epoch(utcnow()) - stamp <= max_age_minutes * 60


def mark_authenticated() -> None:
    """Records that the current user has just given their password again."""
    session[AUTHENTICATED_AT] = _epoch(utcnow())


# --- re-authentication (for other blueprints: signing, re-identification) ---------------------


def reauthentication_form(user: User,
                          form_class: type[Form] = ReauthenticationForm) -> Form:
    """The form asking ``user`` for their password, and for a one-time code when they have an
    authenticator (otherwise the field is dropped: templates test ``form.otp``); ``form_class``
    may add fields (``PasswordChangeForm``)."""
    form = form_class()
    if not two_factor.is_enrolled(db.session, user):
        del form.otp
    return form


def confirm_identity(form: ReauthenticationForm, *, purpose: str) -> bool:
    """Whether the current user re-authenticated with ``form`` (already validated); ``purpose``
    (e.g. "sign_minutes") goes to the audit log with a failure. Raises
    ``accounts.LoginThrottled`` after too many failures (show "Too many attempts")."""
    confirmed = two_factor.confirm_identity(
        db.session, current_user, password=form.password.data or "",
        code=form.otp.data if "otp" in form else None,
        address=request.remote_addr or "", purpose=purpose)
    if confirmed:
        mark_authenticated()
    return confirmed


def reauthentication_failed_message() -> str:
    return gettext("Wrong password or code.")


# --- two-factor enrolment and recovery codes --------------------------------------------------


def _require_two_factor_access() -> None:
    require(permissions.can_manage_own_two_factor(current_user))


@bp.route("/account/two-factor")
@login_required
def two_factor_status() -> str:
    _require_two_factor_access()
    return render_template("auth/two_factor.html",
                           status=two_factor.status(db.session, current_user),
                           form=reauthentication_form(current_user))


@bp.route("/account/two-factor/enrol", methods=["GET", "POST"])
@login_required
def enrol() -> Response | str:
    """Asks the password again unless it was given in the last minutes (a borrowed session must
    not tie the account to someone else's phone), then shows the secret and checks a first
    code; on success shows the recovery codes once."""
    _require_two_factor_access()
    if two_factor.is_enrolled(db.session, current_user):
        session.pop(MUST_ENROL, None)
        flash(gettext("Two-factor authentication is already on for your account."), "info")
        return redirect(url_for("auth.two_factor_status"))
    if not recently_authenticated(ENROL_AFTER_PASSWORD_MINUTES):
        return _reauthenticate_before_enrolment()
    form = OneTimeCodeForm()
    if form.validate_on_submit():
        try:
            codes = two_factor.confirm_enrolment(db.session, current_user, form.code.data)
        except two_factor.TwoFactorError as error:
            form.code.errors = [refused(error)]
        else:
            session.pop(MUST_ENROL, None)
            flash(gettext("Two-factor authentication is on."), "success")
            return render_template("auth/recovery_codes.html", codes=codes)
    return render_template("auth/enrol.html", form=form,
                           enrolment=two_factor.begin_enrolment(db.session, current_user))


def _reauthenticate_before_enrolment() -> Response | str:
    form = reauthentication_form(current_user)
    if form.validate_on_submit():
        try:
            if confirm_identity(form, purpose="two_factor_enrolment"):
                return redirect(url_for("auth.enrol"))
        except accounts.LoginThrottled as throttled:
            return _too_many_attempts("auth/enrol_password.html", throttled, form=form)
        flash(reauthentication_failed_message(), "error")
    return render_template("auth/enrol_password.html", form=form)


@bp.route("/account/two-factor/recovery-codes", methods=["POST"])
@login_required
def recovery_codes() -> Response | str:
    """New recovery codes, after re-authentication; the old ones stop working."""
    _require_two_factor_access()
    if not two_factor.is_enrolled(db.session, current_user):
        return redirect(url_for("auth.enrol"))
    form = reauthentication_form(current_user)
    if form.validate_on_submit():
        try:
            confirmed = confirm_identity(form, purpose="recovery_codes")
        except accounts.LoginThrottled as throttled:
            return _too_many_attempts("auth/two_factor.html", throttled, form=form,
                                      status=two_factor.status(db.session, current_user))
        if confirmed:
            codes = two_factor.regenerate_recovery_codes(db.session, current_user)
            flash(gettext("New recovery codes: the old ones no longer work."), "success")
            return render_template("auth/recovery_codes.html", codes=codes)
    flash(reauthentication_failed_message(), "error")
    return redirect(url_for("auth.two_factor_status"))


# --- the account page: password and sessions --------------------------------------------------


def _account_page(password_form: PasswordChangeForm) -> str:
    return render_template("auth/account.html", password_form=password_form,
                           sessions_form=EmptyForm())


@bp.route("/account")
@login_required
def account() -> str:
    return _account_page(reauthentication_form(current_user, PasswordChangeForm))


@bp.route("/account/password", methods=["POST"])
@login_required
def change_password() -> Response | str:
    """A new password, after the current one (and a code when enrolled); every other session of
    the account ends, this one goes on."""
    form = reauthentication_form(current_user, PasswordChangeForm)
    if form.validate_on_submit():
        try:
            confirmed = confirm_identity(form, purpose="password_change")
        except accounts.LoginThrottled as throttled:
            return _too_many_attempts("auth/account.html", throttled, password_form=form,
                                      sessions_form=EmptyForm())
        if confirmed:
            session[SESSION_EPOCH] = accounts.change_password(db.session, current_user,
                                                              form.new_password.data)
            flash(gettext("Your password was changed; your other sessions have ended."),
                  "success")
            return redirect(url_for("auth.account"))
        flash(reauthentication_failed_message(), "error")
    return _account_page(form)


@bp.route("/account/other-sessions", methods=["POST"])
@login_required
def end_other_sessions() -> Response:
    """"Log out my other sessions" (a tablet left logged in, a copied cookie): this session goes
    on with the account's new epoch."""
    if EmptyForm().validate_on_submit():
        session[SESSION_EPOCH] = accounts.end_other_sessions(db.session, current_user)
        flash(gettext("Your other sessions have ended."), "success")
    return redirect(url_for("auth.account"))


# --- logout and language ----------------------------------------------------------------------


@bp.route("/logout", methods=["POST"])
@login_required
def logout() -> Response:
    """Ends every session of the account (on every device), not only this browser's cookie."""
    if EmptyForm().validate_on_submit():
        accounts.log_out(db.session, current_user)
        logout_user()
        session.clear()
        flash(gettext("You are logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/language", methods=["POST"])
def set_language() -> Response:
    form = LanguageForm()
    if form.validate_on_submit():
        language = Language(form.language.data)
        session["language"] = language.value
        if current_user.is_authenticated:
            accounts.set_language(db.session, current_user, language)
    return redirect(_safe_next(request.form.get("next")))
