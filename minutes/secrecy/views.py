"""Pages of the register of requests to lift professional secrecy (thin views over
``minutes.secrecy``): the register, referring a request, the DG's decision and letter,
consents, and the yearly counts."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from agenda.meetings.service import AgendaError
from council import auth, permissions
from council.db import db
from council.errors import flash_refused, refused
from council.forms import EmptyForm
from council.labels import TITLES
from council.models import (
    Meeting,
    RequesterKind,
    RequestStatus,
    SecrecyBasis,
    SecrecyRequest,
)
from council.refusals import require
from council.rules.secrecy import DisclosureField
from minutes import dispatch
from minutes import secrecy as service
from minutes.forms import DispatchForm
from minutes.views import pdf_response

bp = Blueprint("secrecy", __name__, url_prefix="/secrecy")


def _choices(members: tuple[object, ...]) -> list[SelectChoice]:
    return [SelectChoice(member.value, TITLES[member]) for member in members]  # type: ignore[attr-defined]


class RequestForm(FlaskForm):
    dossier_reference = StringField(_l("File reference"),
                                    validators=[DataRequired(), Length(max=40)])
    requester_kind = SelectField(_l("Who asks"), choices=lambda: _choices(tuple(RequesterKind)))
    requester_name = StringField(_l("Requesting authority or institution (not for the person "
                                    "concerned)"),
                                 validators=[Optional(), Length(max=service.MAX_NAME)])
    requester_reference = StringField(_l("Their reference"),
                                      validators=[Optional(), Length(max=service.MAX_REFERENCE)])
    requester_address = TextAreaField(
        _l("Their postal address, for the letter (for a prosecutor, the parquet's)"),
        validators=[Optional(), Length(max=service.MAX_ADDRESS)], render_kw={"rows": 3})
    basis = SelectField(_l("Basis invoked"), choices=lambda: _choices(tuple(SecrecyBasis)))
    basis_reference = StringField(
        _l("Reference of the legal basis (required for another basis)"),
        validators=[Optional(), Length(max=service.MAX_BASIS_REFERENCE)])
    requested = TextAreaField(_l("What is asked"),
                              validators=[DataRequired(), Length(max=service.MAX_REQUESTED)])
    received_on = DateField(_l("Received on"), validators=[DataRequired()], default=date.today)


DECISIONS = (RequestStatus.refused, RequestStatus.partial, RequestStatus.full)


class DecisionForm(FlaskForm):
    outcome = SelectField(_l("Decision"), choices=lambda: _choices(DECISIONS))
    reasons = TextAreaField(_l("Reasons (required)"),
                            validators=[DataRequired(), Length(max=service.MAX_REASONS)])
    consent_id = SelectField(_l("Consent relied on"), coerce=int, choices=[],
                             validate_choice=False)
    requester_address = TextAreaField(
        _l("The requester's postal address, for the letter (for a prosecutor, the parquet's)"),
        validators=[Optional(), Length(max=service.MAX_ADDRESS)], render_kw={"rows": 3})
    passphrase = PasswordField(_l("Password of your signing certificate (for a disclosure)"),
                               validators=[Optional(), Length(max=256)],
                               render_kw={"autocomplete": "off"})


class ConsentForm(FlaskForm):
    institution = StringField(_l("Institution"),
                              validators=[DataRequired(), Length(max=service.MAX_NAME)])
    purpose = StringField(_l("Purpose of the exchange"),
                          validators=[DataRequired(), Length(max=service.MAX_PURPOSE)])
    given = SelectField(_l("The person"), choices=[SelectChoice("yes", _l("gave consent")),
                                                   SelectChoice("no", _l("refused consent"))])
    given_on = DateField(_l("On"), validators=[DataRequired()], default=date.today)


class YearlyReportForm(FlaskForm):
    year = IntegerField(_l("Year"), validators=[InputRequired(), NumberRange(2000, 2100)])
    meeting_id = SelectField(_l("Council meeting (in preparation)"), coerce=int, choices=[])


def _no_store(page: str) -> Response:
    """Pages that show what was asked or decided about a person are not kept in caches."""
    response = Response(page, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store, max-age=0"
    return response


def _request_for(request_id: int) -> SecrecyRequest:
    return service.request_for(db.session, current_user, request_id)


# --- the register ----------------------------------------------------------------------------


@bp.route("/")
@login_required
def register() -> str:
    require(permissions.can_view_secrecy_register(current_user))
    return render_template("secrecy/register.html",
                           rows=service.register_of(db.session, current_user))


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new_request() -> Response | str:
    require(permissions.can_register_secrecy_request(current_user))
    form = RequestForm(dossier_reference=request.args.get("dossier", ""))
    errors: list[str] = []
    if form.validate_on_submit():
        data = service.RequestInput(
            dossier_reference=form.dossier_reference.data or "",
            requester_kind=RequesterKind(form.requester_kind.data),
            basis=SecrecyBasis(form.basis.data),
            requested=form.requested.data or "",
            received_on=form.received_on.data,
            requester_name=form.requester_name.data,
            requester_reference=form.requester_reference.data,
            basis_reference=form.basis_reference.data,
            requester_address=form.requester_address.data,
        )
        try:
            created = service.register_request(db.session, data, actor=current_user)
        except service.SecrecyError as error:
            errors.append(refused(error))
        else:
            flash(gettext("Request referred to the director-general, who alone decides.")
                  if permissions.refers_secrecy_requests(current_user)
                  else gettext("Request registered."), "success")
            return redirect(url_for("secrecy.show_request", request_id=created.id))
    elif form.errors:
        errors.append(gettext("Some fields are not valid."))
    return render_template("secrecy/new.html", form=form, errors=errors)


def _decision_form(view: service.RequestView) -> DecisionForm:
    form = DecisionForm(requester_address=view.request.requester_address)
    form.consent_id.choices = [SelectChoice(0, gettext("— none —"))] + [
        SelectChoice(consent.id, f"{consent.institution} — {consent.purpose}")
        for consent in view.consents if consent.is_given and not consent.is_revoked]
    return form


def _request_page(found: SecrecyRequest, *, decision_form: DecisionForm | None = None,
                  reauth_form: object | None = None, errors: list[str] | None = None,
                  dispatch_form: DispatchForm | None = None,
                  status: int = 200) -> tuple[Response, int]:
    view = service.read_request(db.session, found, actor=current_user)
    may_decide = permissions.can_decide_secrecy_request(current_user, found)
    if may_decide and found.is_pending:
        decision_form = decision_form or _decision_form(view)
        reauth_form = reauth_form or auth.reauthentication_form(current_user)
    page = render_template("secrecy/request.html", view=view, request_=found,
                           decision_form=decision_form if found.is_pending else None,
                           reauth_form=reauth_form, errors=errors or [],
                           may_decide=may_decide, dispatch_form=dispatch_form or DispatchForm(),
                           dispatches=service.letter_dispatches(db.session, found)
                           if may_decide else [])
    return _no_store(page), status


@bp.route("/<int:request_id>")
@login_required
def show_request(request_id: int) -> tuple[Response, int]:
    return _request_page(_request_for(request_id))


@bp.route("/<int:request_id>/decision", methods=["POST"])
@login_required
def decide(request_id: int) -> Response | tuple[Response, int]:
    found = _request_for(request_id)
    require(permissions.can_decide_secrecy_request(current_user, found))
    if not found.is_pending:
        flash(gettext("This request has already been decided."), "error")
        return redirect(url_for("secrecy.show_request", request_id=found.id))
    form = DecisionForm()
    reauth_form = auth.reauthentication_form(current_user)
    if not form.validate_on_submit():
        return _request_page(found, decision_form=form, reauth_form=reauth_form,
                             errors=[gettext("Some fields are not valid.")], status=400)
    outcome = RequestStatus(form.outcome.data)  # one of DECISIONS: the form checked it
    reauth_form.validate()  # optional fields: only bounds their length
    decision = service.DecisionInput(
        status=outcome, reasons=form.reasons.data or "",
        # the raw posted names: the service refuses any the basis does not allow
        fields=request.form.getlist("fields"),
        consent_id=form.consent_id.data or None, passphrase=form.passphrase.data or "",
        # a disclosure is signed in the centre's name: the DG re-authenticates when signing
        password=reauth_form.password.data or "",
        otp=reauth_form.otp.data if "otp" in reauth_form else None,
        address=request.remote_addr or "",
        requester_address=form.requester_address.data)
    try:
        service.decide(db.session, found, decision, actor=current_user)
    except service.SecrecyError as error:
        return _request_page(found, decision_form=form, reauth_form=reauth_form,
                             errors=[refused(error)], status=400)
    flash(gettext("Decision recorded."), "success")
    return redirect(url_for("secrecy.show_request", request_id=found.id))


@bp.route("/<int:request_id>/dispatch", methods=["POST"])
@login_required
def record_dispatch(request_id: int) -> Response | tuple[Response, int]:
    """Records that the signed letter left: to whom, how and when."""
    found = _request_for(request_id)
    require(permissions.can_decide_secrecy_request(current_user, found))
    form = DispatchForm()
    if not form.validate_on_submit():
        return _request_page(found, dispatch_form=form, status=400,
                             errors=[gettext("Some fields are not valid.")])
    try:
        service.record_letter_dispatch(db.session, found, form.dispatch(), actor=current_user)
    except dispatch.DispatchError as error:
        return _request_page(found, dispatch_form=form, errors=[refused(error)],
                             status=error.status)
    flash(gettext("Dispatch recorded."), "success")
    return redirect(url_for("secrecy.show_request", request_id=found.id))


@bp.route("/<int:request_id>/letter.pdf")
@login_required
def letter(request_id: int) -> Response:
    found = _request_for(request_id)
    require(permissions.can_decide_secrecy_request(current_user, found))
    pdf = service.letter_copy(db.session, found, actor=current_user)  # NotFound: no letter
    return pdf_response(pdf, f"secrecy-letter-{found.id}.pdf")


# --- consents ---------------------------------------------------------------------------------


@bp.route("/consents")
@login_required
def find_consents() -> Response:
    """The consents page of a dossier given by its file reference (the register's look-up)."""
    dossier = service.dossier_for_consents(db.session, current_user,
                                           reference=request.args.get("dossier", "").strip())
    return redirect(url_for("secrecy.consents", dossier_id=dossier.id))


@bp.route("/dossiers/<int:dossier_id>/consents", methods=["GET", "POST"])
@login_required
def consents(dossier_id: int) -> Response | str:
    dossier = service.dossier_for_consents(db.session, current_user, dossier_id=dossier_id)
    form = ConsentForm()
    errors: list[str] = []
    if form.validate_on_submit():
        try:
            service.record_consent(db.session, dossier, actor=current_user,
                                   institution=form.institution.data or "",
                                   purpose=form.purpose.data or "",
                                   is_given=form.given.data == "yes",
                                   given_on=form.given_on.data)
        except service.SecrecyError as error:
            errors.append(refused(error))
        else:
            flash(gettext("Consent recorded."), "success")
            return redirect(url_for("secrecy.consents", dossier_id=dossier.id))
    elif form.errors:
        errors.append(gettext("Some fields are not valid."))
    return render_template("secrecy/consents.html", dossier=dossier, form=form, errors=errors,
                           consents=service.consents_of(db.session, dossier),
                           revoke_form=EmptyForm())


@bp.route("/consents/<int:consent_id>/revoke", methods=["POST"])
@login_required
def revoke_consent(consent_id: int) -> Response:
    consent = service.consent_for(db.session, current_user, consent_id)
    if EmptyForm().validate_on_submit():
        try:
            service.revoke_consent(db.session, consent, actor=current_user)
        except service.SecrecyError as error:
            flash_refused(error)
        else:
            flash(gettext("Consent revoked: no exchange may rely on it any more."), "success")
    return redirect(url_for("secrecy.consents", dossier_id=consent.dossier_id))


# --- yearly counts ----------------------------------------------------------------------------


def _year_asked() -> int:
    year = request.args.get("year", type=int)
    return year if year is not None and 2000 <= year <= 2100 else date.today().year


@bp.route("/counts")
@login_required
def counts() -> str:
    require(permissions.can_view_secrecy_counts(current_user))
    return render_template("secrecy/counts.html",
                           counts=service.yearly_counts(db.session, _year_asked()),
                           bases=tuple(SecrecyBasis), statuses=tuple(RequestStatus))


@bp.route("/council-report", methods=["GET", "POST"])
@login_required
def council_report() -> Response | tuple[str, int] | str:
    require(permissions.can_report_secrecy_to_council(current_user))
    meetings = service.report_meetings(db.session)
    form = YearlyReportForm(year=date.today().year - 1)
    form.meeting_id.choices = [
        SelectChoice(m.id, f"{m.organ.name} — {m.starts_at.date().isoformat()}") for m in meetings]
    errors: list[str] = []
    if form.validate_on_submit():
        meeting = db.session.get(Meeting, form.meeting_id.data)
        try:
            if meeting is None:
                raise service.SecrecyError(gettext("Choose a council meeting in preparation."))
            item = service.add_yearly_report(db.session, meeting, form.year.data,
                                             actor=current_user)
        except (service.SecrecyError, AgendaError) as error:
            errors.append(refused(error))
        else:
            flash(gettext("The yearly report is on the agenda as item %(number)d.",
                          number=item.number), "success")
            return redirect(url_for("agenda.item", meeting_id=item.meeting_id, item_id=item.id))
    elif form.errors:
        errors.append(gettext("Choose the year and a council meeting in preparation."))
    page = render_template("secrecy/council_report.html", form=form, errors=errors,
                           has_meetings=bool(meetings))
    return (page, 400) if errors else page


@bp.app_template_filter("disclosure_field")
def disclosure_field(name: str) -> str:
    """The title of a stored field name (e.g. "identity")."""
    return str(TITLES[DisclosureField(name)])
