"""Staff pages that build a meeting's agenda and convene it (thin views over the services)."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import format_date, gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms import BooleanField, DateField, SelectField, StringField, TextAreaField, TimeField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from agenda.guard import REASON_MAX, GuardRefusal
from agenda.meetings import convocation
from agenda.meetings import service as agenda
from agenda.meetings.queries import item_of, managed_meeting, sitting_members, viewed_item
from agenda.reports import ReportError, unscheduled_reports
from agenda.reports.views import CATEGORIES as LEAK_CATEGORIES
from council import permissions
from council.clock import CENTRE_TIMEZONE
from council.db import db
from council.errors import flash_refused
from council.labels import TITLES, organ_title
from council.models import ItemKind, Meeting, Organ
from council.refusals import require
from council.services import jobs

bp = Blueprint("builder", __name__, url_prefix="/meetings")

ROUNDS = (
    (1, _l("First convocation")),
    (2, _l("Second convocation")),
    (3, _l("Third convocation (deliberates whatever the number present)")),
)


class MeetingForm(FlaskForm):
    organ_id = SelectField(_l("Organ"), coerce=int, choices=[])
    day = DateField(_l("Date"), validators=[DataRequired()])
    start = TimeField(_l("Time (Belgian time)"), validators=[DataRequired()])
    place = StringField(_l("Place"), validators=[DataRequired(), Length(max=200)])
    convocation_round = SelectField(
        _l("Convocation"), coerce=int, choices=[SelectChoice(n, label) for n, label in ROUNDS]
    )


def kind_choices(kinds: tuple[ItemKind, ...]) -> list[SelectChoice]:
    return [SelectChoice(kind.value, TITLES[kind]) for kind in kinds]


class ItemForm(FlaskForm):
    kind = SelectField(_l("Kind"), choices=lambda: kind_choices(agenda.ADDABLE_KINDS))
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    public_session = BooleanField(_l("Public session"))
    secret_ballot = BooleanField(_l("Secret ballot (always for personnel matters)"))
    urgent = BooleanField(_l("Urgent"))
    urgency_reason = TextAreaField(
        _l("Reason for the urgency"), validators=[Optional(), Length(max=2000)]
    )
    override_reason = TextAreaField(
        _l("Let the text through anyway (director general): why"),
        validators=[Optional(), Length(max=REASON_MAX)],
    )


class ItemEditForm(ItemForm):
    draft_decision = TextAreaField(
        _l("Draft decision (Vu / Considérant / Décide)"),
        validators=[Optional(), Length(max=20000)],
        render_kw={"rows": 12},
    )


class ConveneForm(FlaskForm):
    urgency_reason = TextAreaField(
        _l("Reason for the urgency (only when the legal notice can no longer be given)"),
        validators=[Optional(), Length(max=2000)],
    )


def _meeting(meeting_id: int) -> Meeting:
    return managed_meeting(db.session, current_user, meeting_id)


def _item_fields(form: ItemForm) -> dict[str, Any]:
    """The item as the add and edit forms give it, in the services' words."""
    return {"kind": ItemKind(form.kind.data), "title": form.title.data,
            "is_closed_session": not form.public_session.data,
            "is_secret_ballot": form.secret_ballot.data, "is_urgent": form.urgent.data,
            "urgency_reason": form.urgency_reason.data,
            "override_reason": form.override_reason.data}


def _back(meeting: Meeting) -> Response:
    return redirect(url_for("agenda.meeting", meeting_id=meeting.id))


def _form_errors(form: FlaskForm) -> None:
    for field in form:
        for message in field.errors:
            flash(f"{field.label.text}: {message}", "error")


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new_meeting() -> Response | str:
    require(permissions.can_create_meeting(current_user))
    form = MeetingForm()
    organs = db.session.scalars(select(Organ).order_by(Organ.id)).all()
    form.organ_id.choices = [SelectChoice(organ.id, organ_title(organ)) for organ in organs]
    if form.validate_on_submit():
        starts_at = datetime.combine(form.day.data, form.start.data, tzinfo=CENTRE_TIMEZONE)
        try:
            meeting = agenda.create_meeting(
                db.session,
                actor=current_user,
                organ=db.session.get(Organ, form.organ_id.data),
                starts_at=starts_at,
                place=form.place.data,
                convocation_round=form.convocation_round.data,
            )
        except agenda.AgendaError as error:
            flash_refused(error)
        else:
            flash(
                gettext(
                    "Meeting created, with the approval of the previous minutes as its first item."
                ),
                "success",
            )
            return _back(meeting)
    return render_template("agenda/builder_meeting.html", form=form)


@bp.route("/<int:meeting_id>/items", methods=["POST"])
@login_required
def add_item(meeting_id: int) -> Response:
    meeting = _meeting(meeting_id)  # a closed meeting: the service refuses with its message
    form = ItemForm()
    if not form.validate_on_submit():
        _form_errors(form)
        return _back(meeting)
    try:
        agenda.add_item(db.session, meeting, actor=current_user, **_item_fields(form))
    except (agenda.AgendaError, GuardRefusal) as error:
        flash_refused(error)
    else:
        flash(gettext("Item added."), "success")
    return _back(meeting)


@bp.route("/<int:meeting_id>/items/<int:item_id>/edit", methods=["GET", "POST"])
@login_required
def edit_item(meeting_id: int, item_id: int) -> Response | str:
    meeting = _meeting(meeting_id)
    item = item_of(meeting, item_id)
    if not permissions.can_edit_agenda(current_user, meeting):  # staff: the meeting is closed
        flash_refused(agenda.AgendaError("meeting_not_editable"))
        return _back(meeting)
    try:  # decisions stay decided: the item page offers the decision revision instead
        agenda.require_not_decided(item)
    except agenda.AgendaError as error:
        flash_refused(error)
        return redirect(url_for("agenda.item", meeting_id=meeting.id, item_id=item.id))
    form = ItemEditForm(obj=None)
    fixed = item.kind in (ItemKind.individual_aid, ItemKind.minutes_approval)
    form.kind.choices = kind_choices((item.kind,) if fixed else agenda.ADDABLE_KINDS)
    if form.validate_on_submit():
        try:
            agenda.update_item(db.session, item, actor=current_user, **_item_fields(form),
                               draft_decision=form.draft_decision.data)
        except (agenda.AgendaError, GuardRefusal) as error:
            flash_refused(error)
        else:
            flash(gettext("Item updated."), "success")
            return _back(meeting)
    elif not form.is_submitted():
        item = viewed_item(db.session, current_user, item.id)  # audits the read
        form.kind.data, form.title.data = item.kind.value, item.title
        form.public_session.data = not item.is_closed_session
        form.secret_ballot.data, form.urgent.data = item.is_secret_ballot, item.is_urgent
        form.draft_decision.data = item.draft_decision
    return render_template("agenda/builder_item.html", form=form, item=item, meeting=meeting,
                           may_override=permissions.can_override_identity_guard(current_user))


@bp.route("/<int:meeting_id>/items/<int:item_id>/move/<any(up, down):direction>", methods=["POST"])
@login_required
def move_item(meeting_id: int, item_id: int, direction: str) -> Response:
    meeting = _meeting(meeting_id)
    item = item_of(meeting, item_id)
    if FlaskForm().validate_on_submit():
        try:
            agenda.move_item(
                db.session, item, actor=current_user, offset=-1 if direction == "up" else 1
            )
        except agenda.AgendaError as error:
            flash_refused(error)
    return _back(meeting)


@bp.route("/<int:meeting_id>/items/<int:item_id>/remove", methods=["GET", "POST"])
@login_required
def remove_item(meeting_id: int, item_id: int) -> Response | str:
    """GET asks for confirmation (the item and its draft decision are deleted); POST removes."""
    meeting = _meeting(meeting_id)
    item = item_of(meeting, item_id)
    if request.method == "GET":
        if not permissions.can_remove_item(current_user, item):
            flash_refused(agenda.AgendaError("remove_after_convocation"))
            return _back(meeting)
        return render_template(
            "agenda/confirm.html", meeting=meeting, form=FlaskForm(formdata=None),
            title=gettext("Remove item %(number)d", number=item.number), subject=item.title,
            warning=gettext("The item, its draft decision and the review of its "
                            "pseudonymisation are deleted; a report it came from goes back to "
                            "the reports waiting for the organ."),
            action=url_for("builder.remove_item", meeting_id=meeting.id, item_id=item.id),
            confirm=gettext("Confirm: remove the item"))
    if FlaskForm().validate_on_submit():
        try:
            agenda.remove_item(db.session, item, actor=current_user)
        except agenda.AgendaError as error:
            flash_refused(error)
        else:
            flash(gettext("Item removed from the agenda."), "success")
    return _back(meeting)


@bp.route("/<int:meeting_id>/items/<int:item_id>/carry-over", methods=["POST"])
@login_required
def carry_over_item(meeting_id: int, item_id: int) -> Response:
    """Postpones an item for lack of quorum onto a later meeting in preparation."""
    meeting = _meeting(meeting_id)
    item = item_of(meeting, item_id)
    target_id = request.form.get("to_meeting_id", type=int)
    if not target_id:
        flash_refused(agenda.AgendaError("carry_target"))
    elif FlaskForm().validate_on_submit():
        target = _meeting(target_id)
        try:
            carried = agenda.carry_over_item(db.session, item, target, actor=current_user)
        except (agenda.AgendaError, ReportError, GuardRefusal) as error:
            flash_refused(error)
        else:
            flash(gettext("Item postponed and put on the agenda of %(date)s as item %(number)d "
                          "(time %(times)d on an agenda).",
                          date=format_date(target.starts_at, "long"),
                          number=carried.number, times=carried.times_on_agenda), "success")
    return _back(meeting)


@bp.route("/<int:meeting_id>/convene", methods=["GET", "POST"])
@login_required
def convene(meeting_id: int) -> Response | str:
    """GET asks for confirmation (sending cannot be undone); POST sends the convocations."""
    meeting = _meeting(meeting_id)
    if request.method == "GET":
        if not permissions.can_convene(current_user, meeting):
            flash_refused(convocation.ConvocationError("not_convenable"))
            return _back(meeting)
        return render_template(
            "agenda/convene_confirm.html", meeting=meeting, members=sitting_members(meeting),
            state=convocation.convocation_state(db.session, meeting),
            form=ConveneForm(formdata=None, prefix="convene"))
    form = ConveneForm(prefix="convene")
    if not form.validate_on_submit():
        _form_errors(form)
        return _back(meeting)
    try:
        rows = convocation.convene(
            db.session, meeting, actor=current_user, urgency_reason=form.urgency_reason.data
        )
    except convocation.ConvocationError as error:
        flash_refused(error)
    else:
        by_post = sum(1 for row in rows if row.email is None)
        flash(
            gettext(
                "Convocations sent by e-mail to %(sent)d members; %(post)d to send by post.",
                sent=len(rows) - by_post,
                post=by_post,
            ),
            "success",
        )
    return _back(meeting)


@bp.route("/<int:meeting_id>/reports/schedule-all", methods=["POST"])
@login_required
def schedule_waiting_reports(meeting_id: int) -> Response:
    """Starts putting every waiting report on the agenda in the background (each report is
    pseudonymised, which takes seconds): the progress page follows it."""
    meeting = _meeting(meeting_id)
    require(permissions.can_schedule_reports_in_background(current_user, meeting))
    if not FlaskForm().validate_on_submit():
        return _back(meeting)
    if not unscheduled_reports(db.session, meeting):
        flash(gettext("No report is waiting for this organ."), "info")
        return _back(meeting)
    job = jobs.start_job(
        db.session,
        kind="schedule_reports",
        actor=current_user,
        work=partial(agenda.schedule_waiting_reports, meeting_id=meeting.id),
        result_url=url_for("agenda.meeting", meeting_id=meeting.id),
        object_type="meeting",
        object_id=meeting.id,
        safe_errors=(ReportError,),
    )
    return redirect(url_for("jobs.show", job_id=job.id))


def staff_context(meeting: Meeting) -> dict[str, Any]:
    """What the meeting page adds for staff: the forms and the convocation state."""
    return {
        "item_form": ItemForm(formdata=None),
        "may_override": permissions.can_override_identity_guard(current_user),
        "action_form": FlaskForm(formdata=None),
        "convocation": convocation.convocation_state(db.session, meeting),
        "leak_categories": LEAK_CATEGORIES,  # the review page's labels, shared
        "waiting_reports": len(unscheduled_reports(db.session, meeting)),
        "carry_targets": agenda.carry_targets(db.session, meeting),
    }
