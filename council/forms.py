"""Web forms (Flask-WTF: every form carries a CSRF token)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional

from council.models import Language, Role


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(), Length(max=80)],
                           render_kw={"autocomplete": "username", "autocapitalize": "none"})
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=256)],
                             render_kw={"autocomplete": "current-password"})


class EmptyForm(FlaskForm):
    """A button that changes state: only the CSRF token."""


class LanguageForm(FlaskForm):
    language = SelectField(_l("Language"), choices=[(lang.value, lang.value) for lang in Language])


class NewUserForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(), Length(min=2, max=80)])
    display_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=160)])
    email = EmailField(_l("E-mail"), validators=[Optional(), Email(check_deliverability=False),
                                                 Length(max=254)])
    role = SelectField(_l("Role"), choices=[(role.value, role.value) for role in Role])
    member_id = SelectField(_l("Council member (councillors only)"), coerce=int, choices=[])
    language = SelectField(_l("Language"), choices=[(lang.value, lang.value) for lang in Language])
    password = PasswordField(_l("Initial password"), validators=[DataRequired(), Length(min=8,
                                                                                        max=256)])
