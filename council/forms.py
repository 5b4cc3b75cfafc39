"""Web forms (Flask-WTF: every form carries a CSRF token)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from council.labels import TITLES
from council.models import Language, Role, Sex

#: each language named in itself, as a language menu should
LANGUAGE_NAMES = {Language.fr: "Français", Language.nl: "Nederlands", Language.de: "Deutsch",
                  Language.en: "English"}


def language_choices() -> list[SelectChoice]:
    return [SelectChoice(lang.value, name) for lang, name in LANGUAGE_NAMES.items()]


def sex_choices() -> list[SelectChoice]:
    """The account's title: the role's as it is, or its feminine or masculine form."""
    return [SelectChoice("", _l("The role's title")), SelectChoice(Sex.female.value, _l("Female")),
            SelectChoice(Sex.male.value, _l("Male"))]


def role_choices() -> list[SelectChoice]:
    return [SelectChoice(role.value, TITLES[role]) for role in Role]


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(), Length(max=80)],
                           render_kw={"autocomplete": "username", "autocapitalize": "none"})
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=256)],
                             render_kw={"autocomplete": "current-password"})


class EmptyForm(FlaskForm):
    """A button that changes state: only the CSRF token."""


class LanguageForm(FlaskForm):
    language = SelectField(_l("Language"), choices=language_choices)


class NewUserForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(), Length(min=2, max=80)])
    display_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=160)])
    email = EmailField(_l("E-mail"), validators=[Optional(), Email(check_deliverability=False),
                                                 Length(max=254)])
    role = SelectField(_l("Role"), choices=role_choices)
    member_id = SelectField(_l("Council member (councillors only)"), coerce=int, choices=[])
    language = SelectField(_l("Language"), choices=language_choices)
    sex = SelectField(_l("Title (feminine or masculine form)"),
                      choices=sex_choices, default="")
    password = PasswordField(_l("Initial password"), validators=[DataRequired(), Length(min=8,
                                                                                        max=256)])


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=role_choices)


# --- two-factor authentication and re-authentication (issue 6) --------------------------------


def _one_time_code_field(presence: DataRequired | Optional) -> StringField:
    return StringField(_l("Code from your authenticator app, or a recovery code"),
                       validators=[presence, Length(max=32)],
                       render_kw={"autocomplete": "one-time-code", "autocapitalize": "none",
                                  "spellcheck": "false"})


class OneTimeCodeForm(FlaskForm):
    code = _one_time_code_field(DataRequired())


class ReauthenticationForm(FlaskForm):
    """The password again, and a one-time code for accounts with two-factor authentication,
    before a sensitive action. Build it with ``council.auth.reauthentication_form(user)``, which
    drops the code field for accounts without an authenticator, and check it with
    ``council.auth.confirm_identity(form, purpose=...)``."""

    password = PasswordField(_l("Your password"), validators=[Optional(), Length(max=256)],
                             render_kw={"autocomplete": "current-password"})
    otp = _one_time_code_field(Optional())


class PasswordChangeForm(ReauthenticationForm):
    """The current password (and code), then the new one twice. Build it with
    ``council.auth.reauthentication_form(user, PasswordChangeForm)``."""

    password = PasswordField(_l("Current password"), validators=[Optional(), Length(max=256)],
                             render_kw={"autocomplete": "current-password"})
    new_password = PasswordField(_l("New password"),
                                 validators=[DataRequired(), Length(min=8, max=256)],
                                 render_kw={"autocomplete": "new-password"})
    confirmation = PasswordField(_l("New password again"),
                                 validators=[DataRequired(), EqualTo(
                                     "new_password", message=_l("The two new passwords differ."))],
                                 render_kw={"autocomplete": "new-password"})
