"""Notification of individual-aid decisions on the web: what is left to notify (with the 8-day
deadline), the terms the letter states, the letters and their sending. DG and the file's
social worker only: a letter names the applicant."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from council import permissions
from council.clock import centre_today
from council.db import db
from council.errors import flash_refused
from council.labels import TITLES
from council.models import NotificationMethod, PaymentFrequency
from council.refusals import require
from minutes.notifications import service as notifications
from minutes.notifications.service import NotificationError, TermsInput
from minutes.views import pdf_response

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


def frequency_choices() -> list[SelectChoice]:
    return [SelectChoice("", _l("— not money —")),
            *(SelectChoice(f.value, TITLES[f]) for f in PaymentFrequency)]


def method_choices() -> list[SelectChoice]:
    return [SelectChoice(m.value, TITLES[m]) for m in NotificationMethod]


class TermsForm(FlaskForm):
    is_granted = BooleanField(_l("The aid is granted (untick for a refusal)"))
    aid_label = StringField(_l("Aid decided, as the letter names it"),
                            validators=[DataRequired(), Length(max=200)])
    reasons = TextAreaField(_l("Reasons in fact (addressed to the applicant)"),
                            validators=[DataRequired(), Length(max=4000)])
    legal_basis = StringField(_l("Legal basis"), validators=[Optional(), Length(max=300)])
    amount = DecimalField(_l("Amount in euros"), places=2,
                          validators=[Optional(), NumberRange(min=0.01, max=99_999_999)])
    frequency = SelectField(_l("Paid"), choices=frequency_choices, validators=[Optional()])
    calculation = TextAreaField(_l("How the amount is calculated"),
                                validators=[Optional(), Length(max=2000)])
    starts_on = DateField(_l("From"), validators=[Optional()])
    ends_on = DateField(_l("Until"), validators=[Optional()])


class SendingForm(FlaskForm):
    method = SelectField(_l("Sent by"), choices=method_choices)
    postal_reference = StringField(_l("Registered letter number or receipt reference"),
                                   validators=[Optional(), Length(max=60)])
    sent_on = DateField(_l("Sent or handed over on"), validators=[DataRequired()])


class GenerateForm(FlaskForm):
    """Only the CSRF token: generating a letter is a state change."""


@bp.get("/")
@login_required
def dashboard() -> str:
    require(permissions.can_view_notifications(current_user))
    pending = notifications.awaiting_notification(db.session, actor=current_user,
                                                  today=centre_today())
    return render_template("notifications/dashboard.html", pending=pending)


def _decision_page(decision: notifications.Decision, terms_form: TermsForm,
                   status: int = 200) -> tuple[str, int]:
    page = render_template(
        "notifications/decision.html",
        decision=decision,
        terms_form=terms_form,
        generate_form=GenerateForm(),
        sending_form=SendingForm(data={"sent_on": centre_today()}),
        letters=notifications.letters_of(db.session, decision),
        missing=notifications.missing_for_letter(db.session, decision),
        due=notifications.notification_due(decision.decided_on,
                                           max(centre_today(), decision.decided_on)),
    )
    return page, status


@bp.get("/items/<int:item_id>")
@login_required
def decision(item_id: int) -> tuple[str, int]:
    found = notifications.decision_for(db.session, item_id, actor=current_user)
    terms = found.terms
    form = TermsForm(obj=terms, data=None if terms else {"is_granted": True})
    if terms is not None:
        form.frequency.data = terms.frequency.value if terms.frequency else ""
    return _decision_page(found, form)


@bp.post("/items/<int:item_id>")
@login_required
def save_terms(item_id: int) -> Response | tuple[str, int]:
    found = notifications.decision_for(db.session, item_id, actor=current_user)
    form = TermsForm()
    if not form.validate_on_submit():
        return _decision_page(found, form, 400)
    try:
        notifications.set_terms(db.session, item_id, TermsInput(
            is_granted=form.is_granted.data,
            aid_label=form.aid_label.data.strip(),
            reasons=form.reasons.data.strip(),
            legal_basis=(form.legal_basis.data or "").strip() or None,
            amount=form.amount.data,
            calculation=(form.calculation.data or "").strip() or None,
            frequency=PaymentFrequency(form.frequency.data) if form.frequency.data else None,
            starts_on=form.starts_on.data,
            ends_on=form.ends_on.data,
        ), actor=current_user)
    except NotificationError as refusal:
        flash_refused(refusal)
        return _decision_page(found, form, 400)
    flash(_l("The terms of the decision are saved."), "success")
    return redirect(url_for(".decision", item_id=item_id))


@bp.post("/items/<int:item_id>/letters")
@login_required
def generate(item_id: int) -> Response:
    notifications.decision_for(db.session, item_id, actor=current_user)
    if not GenerateForm().validate_on_submit():
        abort(400)
    try:
        notifications.generate_letter(db.session, item_id, actor=current_user)
    except NotificationError as refusal:
        flash_refused(refusal)
    else:
        flash(_l("The letter is ready: download it, send it, then record the sending."),
              "success")
    return redirect(url_for(".decision", item_id=item_id))


@bp.get("/letters/<int:notification_id>.pdf")
@login_required
def letter(notification_id: int) -> Response:
    require(permissions.can_view_notifications(current_user))
    pdf = notifications.download_letter(db.session, notification_id, actor=current_user)
    return pdf_response(pdf, f"notification-{notification_id}.pdf")


@bp.post("/letters/<int:notification_id>/sent")
@login_required
def record_sending(notification_id: int) -> Response:
    require(permissions.can_view_notifications(current_user))
    item_id = notifications.item_of_letter(db.session, notification_id, actor=current_user)
    form = SendingForm()
    try:
        if not form.validate_on_submit():
            raise NotificationError(_l("Give the sending date and how it was sent."))
        notifications.record_sending(
            db.session, notification_id, actor=current_user,
            method=NotificationMethod(form.method.data),
            postal_reference=form.postal_reference.data, sent_on=form.sent_on.data)
    except NotificationError as refusal:
        flash_refused(refusal)
    else:
        flash(_l("The sending is recorded."), "success")
    return redirect(url_for(".decision", item_id=item_id))
