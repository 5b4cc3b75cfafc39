"""Social reports on the web: intake by social workers, scheduling and review by the DG and the
secretariat, re-identification by the DG and the file's social worker."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from agenda import reports
from agenda.guard import REASON_MAX as OVERRIDE_REASON_MAX
from agenda.guard import GuardRefusal
from agenda.meetings.queries import managed_meeting
from agenda.proposals import FoundBy
from agenda.reports import correction, identity_form
from agenda.reports.files import MAX_FILE_BYTES, FileTooLarge, IntakeError, read_upload
from council import permissions
from council.auth import (
    confirm_identity,
    reauthentication_failed_message,
    reauthentication_form,
    recently_authenticated,
)
from council.db import db
from council.errors import flash_refused, refused
from council.forms import EmptyForm
from council.labels import TITLES
from council.models import AgendaItem, DoubtDecision, OrganKind
from council.refusals import require
from council.services import accounts

bp = Blueprint("reports", __name__)


def organ_choices() -> list[SelectChoice]:
    return [SelectChoice(kind.value, TITLES[kind]) for kind in reports.REPORT_ORGANS]


def category_choices() -> list[SelectChoice]:
    return [SelectChoice("name", _l("a name (gets a letter)")),
            SelectChoice("other", _l("another detail"))]


class ReportForm(FlaskForm):
    text = TextAreaField(_l("Report text (paste it here)"), validators=[Optional()])
    report_file = FileField(_l("…or upload the report (.txt, .docx, .odt, PDF with text)"))
    dossier_json = TextAreaField(_l("Dossier identity (JSON)"), validators=[Optional()])
    dossier_file = FileField(_l("…or upload the dossier identity (.json)"))
    organ = SelectField(
        _l("Organ asked to decide"), choices=organ_choices, default=OrganKind.csss.value
    )


class ScheduleForm(FlaskForm):
    subject = StringField(
        _l("Subject (without any identity)"),
        validators=[Optional(), Length(max=reports.MAX_SUBJECT_CHARS)],
    )
    #: once the members are convened, a report goes on the agenda only as urgent
    urgency_reason = StringField(
        _l("Reason for the urgency"), validators=[Optional(), Length(max=2000)]
    )


class AddReplacementForm(FlaskForm):
    text = StringField(
        _l("Word or name to replace"), validators=[Optional(), Length(max=reports.MAX_ADDED_CHARS)]
    )
    category = SelectField(_l("It is"), choices=category_choices, default="name")


# --- intake ---------------------------------------------------------------------------------


def _upload(storage: Any) -> tuple[str, bytes] | None:
    if not isinstance(storage, FileStorage) or not storage.filename:
        return None
    try:
        return storage.filename, storage.read(MAX_FILE_BYTES + 1)
    finally:
        storage.close()


def _report_text(form: ReportForm) -> tuple[str, str]:
    upload = _upload(form.report_file.data)
    if upload is not None:
        if form.text.data and form.text.data.strip():
            raise IntakeError(gettext("Paste the text or upload a file, not both."))
        return read_upload(*upload)
    if not form.text.data or not form.text.data.strip():
        raise IntakeError(gettext("Paste the report's text or upload its file."))
    return form.text.data.replace("\r\n", "\n"), "pasted"


def _dossier_json(form: ReportForm) -> Any | None:
    """The dossier sent as JSON (the social software's way), pasted or uploaded; None when the
    form's fields give it instead."""
    upload = _upload(form.dossier_file.data)
    raw: str | None = None
    if upload is not None:
        name, data = upload
        if not name.lower().endswith(".json"):
            raise IntakeError(gettext("The dossier file must be a .json file."))
        if len(data) > MAX_FILE_BYTES:
            raise FileTooLarge
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise IntakeError(gettext("The dossier file is not UTF-8 text.")) from None
    elif form.dossier_json.data and form.dossier_json.data.strip():
        raw = form.dossier_json.data
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise IntakeError(
            gettext(
                "The dossier is not valid JSON (line %(line)d: %(what)s).",
                line=error.lineno,
                what=error.msg,
            )
        ) from None


#: the message above a form whose fields say what is wrong
FIELDS_NOT_VALID = _l("Some fields are not valid: see the message by each of them.")


class FieldsNotValid(IntakeError):
    """The dossier's fields say, each by itself, what is wrong."""

    def __init__(self) -> None:
        super().__init__(str(FIELDS_NOT_VALID))


@bp.route("/reports/new", methods=["GET", "POST"])
@login_required
def new_report() -> Response | str | tuple[str, int]:
    """The intake form: the report, and the dossier identity in the form's fields (or as JSON,
    for the social software). A refused report shows the form again with the messages by the
    fields or above them, answered 422 (or the refusal's own status when it says more: 413 a
    file too large, 503 the pseudonymiser away), and nothing is stored. "Add a person" and
    "remove" only show the form again, one row more or less."""
    require(permissions.can_use_report_form(current_user))
    form = ReportForm()
    fields = identity_form.dossier_fields()
    errors: list[str] = []
    status = 200
    changing_rows = request.method == "POST" and identity_form.change_rows(
        fields, request.form.get("rows"))
    if not changing_rows and form.validate_on_submit():
        try:
            dossier = _dossier_json(form)
            if dossier is None and not fields.validate():
                raise FieldsNotValid
            text, source = _report_text(form)
            submission = reports.Submission(
                dossier=dossier if dossier is not None else identity_form.to_dossier(fields),
                text=text,
                organ=OrganKind(form.organ.data),
                source_format=source,
            )
            result = reports.submit_report(db.session, submission, actor=current_user)
        except (IntakeError, reports.ReportError) as error:
            errors.append(refused(error))
            status = 422 if error.status == 400 else error.status
        else:
            flash(gettext("Report received and pseudonymised; check the draft below."),
                  "success")
            return redirect(url_for("reports.report", report_id=result.report.id))
    elif not changing_rows and form.errors:
        errors.append(str(FIELDS_NOT_VALID))
        status = 422
    return render_template(
        "agenda/reports/new.html", form=form, fields=fields, errors=errors,
        json_open=bool(form.dossier_json.data and form.dossier_json.data.strip()),
        limit=MAX_FILE_BYTES // (1024 * 1024),
    ), status


@bp.route("/reports/<int:report_id>")
@login_required
def report(report_id: int) -> str:
    found = reports.report_for(db.session, current_user, report_id)
    return render_template("agenda/reports/report.html", report=found)


def _no_store(page: str, status: int = 200) -> Response:
    """A page showing an identity: never kept by the browser or a proxy."""
    response = Response(page, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store, max-age=0"
    response.headers["Pragma"] = "no-cache"
    return response


@bp.route("/dossiers/<int:dossier_id>/identity", methods=["GET", "POST"])
@login_required
def correct_dossier(dossier_id: int) -> Response:
    """The dossier identity in the intake's form, to correct: saving records a new version
    (the reference names the dossier and stays). The page shows an identity: not cached."""
    dossier = correction.dossier_to_correct(db.session, current_user, dossier_id)
    form = EmptyForm()
    errors: list[str] = []
    status = 200
    if request.method == "GET":
        fields = identity_form.dossier_fields(data=identity_form.form_data(
            correction.identity_to_correct(db.session, dossier, actor=current_user)))
    else:
        fields = identity_form.dossier_fields()
        fields.reference.data = dossier.reference  # it names the dossier: never changed here
        if identity_form.change_rows(fields, request.form.get("rows")):
            pass
        elif form.validate_on_submit() and fields.validate():
            try:
                changed = correction.correct_identity(
                    db.session, dossier, identity_form.to_dossier(fields), actor=current_user)
            except IntakeError as error:
                errors.append(refused(error))
                status = 422
            else:
                flash(correction.correction_message(changed), "success")
                return redirect(url_for("reports.correct_dossier", dossier_id=dossier.id))
        else:
            errors.append(str(FIELDS_NOT_VALID))
            status = 422
    fields.reference.render_kw = {"readonly": True}
    return _no_store(render_template("agenda/reports/dossier.html", dossier=dossier, form=form,
                                     fields=fields, errors=errors), status)


# --- scheduling ---------------------------------------------------------------------------


@bp.route("/meetings/<int:meeting_id>/reports")
@login_required
def meeting_reports(meeting_id: int) -> str:
    meeting = managed_meeting(db.session, current_user, meeting_id)
    return render_template(
        "agenda/reports/meeting_reports.html",
        meeting=meeting,
        reports=reports.unscheduled_reports(db.session, meeting),
        form=ScheduleForm(),
    )


@bp.route("/meetings/<int:meeting_id>/reports/<int:report_id>/schedule", methods=["POST"])
@login_required
def schedule(meeting_id: int, report_id: int) -> Response:
    meeting = managed_meeting(db.session, current_user, meeting_id)
    found = reports.report_for(db.session, current_user, report_id)  # staff read every report
    form = ScheduleForm()
    if form.validate_on_submit():
        try:
            item = reports.schedule_report(
                db.session, found, meeting, actor=current_user, subject=form.subject.data,
                urgency_reason=form.urgency_reason.data,
            )
        except (reports.ReportError, GuardRefusal) as error:
            flash_refused(error)
        else:
            flash(
                gettext(
                    "Added to the agenda as item %(number)d; review its pseudonymisation.",
                    number=item.number,
                ),
                "success",
            )
            return redirect(url_for("reports.review", meeting_id=meeting.id, item_id=item.id))
    else:
        flash(gettext("The subject is too long."), "error")
    return redirect(url_for("reports.meeting_reports", meeting_id=meeting.id))


# --- review -------------------------------------------------------------------------------


def _back_to_review(item: AgendaItem) -> Response:
    return redirect(url_for("reports.review", meeting_id=item.meeting_id, item_id=item.id))


@bp.route("/meetings/<int:meeting_id>/items/<int:item_id>/review")
@login_required
def review(meeting_id: int, item_id: int) -> str:
    item = reports.reviewed_item(db.session, current_user, meeting_id, item_id)
    state = reports.review_state(db.session, item, actor=current_user)
    return render_template(
        "agenda/reports/review.html",
        item=item,
        meeting=item.meeting,
        state=state,
        add_form=AddReplacementForm(),
        form=EmptyForm(),
        may_override=permissions.can_override_identity_guard(current_user),
        override_max=OVERRIDE_REASON_MAX,
    )


def _change(meeting_id: int, item_id: int, action: Callable[[AgendaItem], Any],
            message: str) -> Response:
    """A change to an item's review (``action`` given the item ``reviewed_item`` loads), then
    back to the review page."""
    item = reports.reviewed_item(db.session, current_user, meeting_id, item_id)
    if EmptyForm().validate_on_submit():
        try:
            action(item)
        except (reports.ReportError, GuardRefusal) as error:
            flash_refused(error)
        else:
            flash(message, "success")
    return _back_to_review(item)


#: minutes after the password during which a reviewer undoes replacements without giving it
#: again (each undo is still audited as a re-identification)
UNDO_AFTER_PASSWORD_MINUTES = 5


@bp.route(
    "/meetings/<int:meeting_id>/items/<int:item_id>/review/replacements/<int:index>",
    methods=["POST"],
)
@login_required
def toggle_replacement(meeting_id: int, item_id: int, index: int) -> Response | str:
    """Undoes or restores a replacement. Undoing shows an original word: the reviewer gives
    their password (and code) again first, unless they did in the last minutes."""
    item = reports.reviewed_item(db.session, current_user, meeting_id, item_id)
    form = reauthentication_form(current_user)
    confirming = "password" in request.form
    if not (form.validate_on_submit() if confirming else EmptyForm().validate_on_submit()):
        return _back_to_review(item)
    try:
        if confirming and not confirm_identity(form, purpose="reidentification"):
            flash(reauthentication_failed_message(), "error")
            return _confirm_undo(item, index, form)
        reports.toggle_replacement(
            db.session, item, index, actor=current_user,
            reauthenticated=recently_authenticated(UNDO_AFTER_PASSWORD_MINUTES))
    except reports.ReauthenticationRequired:
        return _confirm_undo(item, index, form)
    except accounts.LoginThrottled:
        flash(gettext("Too many attempts; please wait a moment."), "error")
    except reports.ReportError as error:
        flash_refused(error)
    else:
        flash(gettext("Replacement changed; the text is to be approved again."), "success")
    return _back_to_review(item)


def _confirm_undo(item: AgendaItem, index: int, form: Any) -> str:
    return render_template("agenda/reports/confirm_undo.html", item=item, meeting=item.meeting,
                           index=index, form=form)


@bp.route("/meetings/<int:meeting_id>/items/<int:item_id>/review/additions", methods=["POST"])
@login_required
def add_replacement(meeting_id: int, item_id: int) -> Response:
    item = reports.reviewed_item(db.session, current_user, meeting_id, item_id)
    form = AddReplacementForm()
    if form.validate_on_submit():
        try:
            reports.add_replacement(
                db.session,
                item,
                form.text.data or "",
                actor=current_user,
                category=form.category.data,
            )
        except reports.ReportError as error:
            flash_refused(error)
        else:
            flash(gettext("Replacement added everywhere in this item."), "success")
    else:
        flash(
            gettext(
                "Give the word or name to replace (at most %(size)d characters).",
                size=reports.MAX_ADDED_CHARS,
            ),
            "error",
        )
    return _back_to_review(item)


@bp.route(
    "/meetings/<int:meeting_id>/items/<int:item_id>/review/additions/<int:index>/remove",
    methods=["POST"],
)
@login_required
def remove_addition(meeting_id: int, item_id: int, index: int) -> Response:
    return _change(meeting_id, item_id, lambda item: reports.remove_addition(
        db.session, item, index, actor=current_user),
        gettext("Replacement removed; the text is to be approved again."))


@bp.route("/meetings/<int:meeting_id>/items/<int:item_id>/review/doubts", methods=["POST"])
@login_required
def decide_doubt(meeting_id: int, item_id: int) -> Response:
    """A reviewer's decision on a doubt that blocks approval: keep the words, or replace them."""
    try:
        decision = DoubtDecision(request.form.get("decision", ""))
    except ValueError:
        decision = None
    text, reason = request.form.get("text", ""), request.form.get("reason", "")

    def act(item: AgendaItem) -> None:
        if decision is None:
            raise reports.ReportError(gettext("Choose to keep the words or to replace them."))
        reports.decide_doubt(db.session, item, text, reason, decision, actor=current_user)

    return _change(meeting_id, item_id, act, gettext("Decision recorded."))


@bp.route("/meetings/<int:meeting_id>/items/<int:item_id>/review/approve", methods=["POST"])
@login_required
def approve(meeting_id: int, item_id: int) -> Response:
    return _change(meeting_id, item_id, lambda item: reports.approve_pseudonymisation(
        db.session, item, actor=current_user,
        override_reason=request.form.get("override_reason")),
        gettext("Pseudonymisation approved: members can read this item."))


# --- re-identification ----------------------------------------------------------------------


@bp.route("/meetings/<int:meeting_id>/items/<int:item_id>/identity", methods=["GET", "POST"])
@login_required
def identity(meeting_id: int, item_id: int) -> Response | str:
    item = reports.item_to_reidentify(db.session, current_user, meeting_id, item_id)
    form = reauthentication_form(current_user)
    shown = None
    error = None
    if form.validate_on_submit():
        try:
            shown = reports.reidentify(
                db.session, item, actor=current_user, password=form.password.data or "",
                otp=form.otp.data if "otp" in form else None, address=request.remote_addr or "",
            )
        except reports.WrongPassword as wrong:
            error = refused(wrong)
    page = render_template(
        "agenda/reports/identity.html",
        item=item,
        meeting=item.meeting,
        form=form,
        identity=shown,
        error=error,
    )
    response = Response(page, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store, max-age=0"
    response.headers["Pragma"] = "no-cache"
    return response


# --- labels for the review page -------------------------------------------------------------

CATEGORIES = {
    "name": _l("name"),
    "niss": _l("national register number"),
    "iban": _l("bank account"),
    "phone": _l("phone number"),
    "email": _l("e-mail address"),
    "enterprise": _l("enterprise number"),
    "address": _l("address"),
    "birth_date": _l("date of birth"),
    "other": _l("other detail"),
    "not_reviewed": _l("pseudonymisation not reviewed"),
}
DOUBT_REASONS = {
    "first name": _l("a first name?"),
    "capitalised": _l("a capitalised word that may be a name"),
    "one letter": _l("a one-letter name"),
    "close to a known name": _l("close to a name of the dossier"),
    "unmatched identifier": _l("shaped like an identifier (IBAN, NISS, number, e-mail) "
                               "no pattern recognised"),
}


@bp.app_template_filter("replacement_category")
def replacement_category(category: str) -> str:
    return str(CATEGORIES.get(category, category))


PROPOSAL_SOURCES = {
    FoundBy.heading: _l("proposal heading"),
    FoundBy.sentence: _l("sentence proposing the aid"),
    FoundBy.amount: _l("line with the amount"),
}


@bp.app_template_filter("proposal_source")
def proposal_source(found_by: FoundBy) -> str:
    return str(PROPOSAL_SOURCES[found_by])


@bp.app_template_filter("doubt_reason")
def doubt_reason(reason: str) -> str:
    return str(DOUBT_REASONS.get(reason, reason))


RELATIONS = {
    "applicant": _l("applicant"),
    "partner": _l("partner"),
    "child": _l("child"),
    "parent": _l("parent"),
    "sibling": _l("brother or sister"),
    "other": _l("household member"),
    "third_party": _l("third party"),
    "propagated": _l("third party"),
    "reviewer": _l("added by the reviewer"),
}


@bp.app_template_filter("relation")
def relation(value: str) -> str:
    return str(RELATIONS.get(value, value))
