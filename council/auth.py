"""Login, logout and the language switch."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from council.db import db
from council.extensions import login_manager
from council.forms import EmptyForm, LanguageForm, LoginForm
from council.models import Language, User
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
        user = accounts.authenticate(db.session, form.username.data, form.password.data,
                                     source="web")
        if user is not None:
            session.clear()
            login_user(user)
            session.permanent = True
            return redirect(_safe_next(request.args.get("next")))
        flash(gettext("Unknown username or wrong password."), "error")
    return render_template("auth/login.html", form=form)


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
