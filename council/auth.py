"""Login, logout and the language switch."""

from __future__ import annotations

from datetime import datetime
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
from werkzeug.wrappers import Response

from council.db import db
from council.errors import API_PREFIX
from council.extensions import login_manager
from council.forms import EmptyForm, LanguageForm, LoginForm
from council.models import Language, User
from council.models.base import utcnow
from council.services import accounts

bp = Blueprint("auth", __name__)

login_manager.login_view = "auth.login"
login_manager.session_protection = "strong"


@login_manager.user_loader
def _load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


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


@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | str:
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(db.session, form.username.data, form.password.data,
                                         source="web", address=request.remote_addr or "")
        except accounts.LoginThrottled as throttled:
            flash(gettext("Too many attempts; please wait a moment."), "error")
            return Response(render_template("auth/login.html", form=form), status=429,
                            headers={"Retry-After": str(throttled.retry_after)})
        if user is not None:
            session.clear()
            login_user(user)
            session.permanent = True  # the cookie's lifetime restarts with each request
            now = _epoch(utcnow())
            session[AUTHENTICATED_AT] = session[LAST_SEEN] = now
            return redirect(_safe_next(request.args.get("next")))
        flash(gettext("Unknown username or wrong password."), "error")
    return render_template("auth/login.html", form=form)


#: session keys: when the password was last given, and when the user was last active (UTC
#: seconds since the epoch)
AUTHENTICATED_AT = "authenticated_at"
LAST_SEEN = "last_seen"


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


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


def recently_authenticated(max_age_minutes: int) -> bool:
    """Whether the current user gave their password within the last ``max_age_minutes``.

    For sensitive actions (signing, re-identification) on top of the idle timeout: when it is
    False, ask for the password again (``accounts.authenticate`` and then
    ``mark_authenticated()``) before going on. Not wired to any route yet.
    """
    stamp = session.get(AUTHENTICATED_AT)
    if not current_user.is_authenticated or not isinstance(stamp, int):
        return False
    return 0 <= _epoch(utcnow()) - stamp <= max_age_minutes * 60


def mark_authenticated() -> None:
    """Records that the current user has just given their password again."""
    session[AUTHENTICATED_AT] = _epoch(utcnow())


@bp.route("/logout", methods=["POST"])
@login_required
def logout() -> Response:
    if EmptyForm().validate_on_submit():
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
