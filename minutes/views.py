"""The minutes on the web: their page (status, revisions, approval), the draft editor (and the
correction of approved minutes, with its reason), a revision's changes and the watermarked PDF.

Existence stays confidential: a meeting the user may not see answers 404; roles without a
meetings page (the IT administrator, social workers) get 403.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import partial
from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from agenda.guard import REASON_MAX as OVERRIDE_REASON_MAX
from agenda.guard import GuardRefusal
from agenda.meetings.queries import viewed_item
from council import permissions
from council.db import db
from council.errors import flash_refused
from council.forms import EmptyForm
from council.models import AgendaItem, Meeting, Minutes, MinutesStatus
from council.pdf import pdf_response
from council.refusals import NotFound, require
from council.services import jobs
from minutes import decisions, service
from minutes.loading import items_of_part, meeting_for_minutes, minutes_of, started_minutes

bp = Blueprint("minutes", __name__, url_prefix="/meetings/<int:meeting_id>")
#: minutes with more items are approved in a background job: rendering them takes seconds
BACKGROUND_ITEMS = 100


def _meeting(meeting_id: int) -> Meeting:
    return meeting_for_minutes(db.session, current_user, meeting_id)


def _minutes(meeting: Meeting) -> Minutes:
    return started_minutes(db.session, meeting)


def _in_background(kind: str, meeting: Meeting, minutes: Minutes, work: jobs.Work) -> Response:
    """Long minutes are rendered by a background job; its page shows the progress and, on a
    refusal, the reason."""
    job = jobs.start_job(db.session, kind=kind, actor=current_user, work=work,
                         result_url=url_for("minutes.overview", meeting_id=meeting.id),
                         object_type="minutes", object_id=minutes.id,
                         safe_errors=(service.MinutesError,))
    return redirect(url_for("jobs.show", job_id=job.id))


@bp.route("/minutes")
@login_required
def overview(meeting_id: int) -> str:
    meeting = _meeting(meeting_id)
    minutes = minutes_of(db.session, meeting.id)
    approvers = (service.approving_meetings(db.session, minutes)
                 if minutes is not None and minutes.status is MinutesStatus.draft else [])
    return render_template("minutes/overview.html", meeting=meeting, minutes=minutes,
                           approvers=approvers, form=EmptyForm())


@bp.route("/minutes/start", methods=["POST"])
@login_required
def start(meeting_id: int) -> Response:
    meeting = _meeting(meeting_id)
    require(permissions.can_edit_minutes(current_user, meeting))
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        service.start_draft(db.session, meeting, actor=current_user)
    except (service.MinutesError, GuardRefusal) as error:
        flash_refused(error)
        return redirect(url_for("minutes.overview", meeting_id=meeting.id))
    return redirect(url_for("minutes.edit", meeting_id=meeting.id))


@bp.route("/minutes/edit", methods=["GET", "POST"])
@login_required
def edit(meeting_id: int) -> str | Response:
    """The draft editor; once approved, the same texts are changed only by a correction, whose
    reason is required (``service.revise_after_signature``)."""
    meeting = _meeting(meeting_id)
    require(permissions.can_edit_minutes(current_user, meeting))
    minutes = _minutes(meeting)
    items = items_of_part(meeting, minutes.part)
    form = EmptyForm()
    is_correction = minutes.status is not MinutesStatus.draft
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        fields = {"introduction": request.form.get("introduction"),
                  "closing": request.form.get("closing"),
                  "texts": {item.id: request.form[f"item-{item.id}"] for item in items
                            if f"item-{item.id}" in request.form},
                  "override_reason": request.form.get("override_reason")}
        if is_correction and len(items) > BACKGROUND_ITEMS:
            return _in_background("minutes_correction", meeting, minutes, partial(
                service.correct_in_background, minutes_id=minutes.id,
                note=request.form.get("note"), **fields))
        try:
            if is_correction:
                service.revise_after_signature(db.session, minutes, actor=current_user,
                                               note=request.form.get("note"), **fields)
                flash(gettext("The correction is saved; the new document awaits both "
                              "signatures."), "success")
            else:
                service.save_revision(db.session, minutes, actor=current_user,
                                      note=request.form.get("note"), **fields)
                flash(gettext("The draft is saved as a new revision."), "success")
        except (service.MinutesError, GuardRefusal) as error:
            flash_refused(error)
            # the editor again, with what was typed, so that nothing typed is lost
            return _editor(meeting, minutes, items, form, typed=fields,
                           note=request.form.get("note", "")), 400  # type: ignore[return-value]
        return redirect(url_for("minutes.overview", meeting_id=meeting.id))
    return _editor(meeting, minutes, items, form)


def _editor(meeting: Meeting, minutes: Minutes, items: list[AgendaItem], form: EmptyForm, *,
            typed: dict[str, Any] | None = None, note: str = "") -> str:
    """The editor showing the latest revision's texts, overridden by those just typed."""
    content = minutes.latest_revision.content if minutes.latest_revision else {}
    typed = typed or {}
    texts = {item.id: content.get("items", {}).get(str(item.id), "") for item in items}
    texts.update(typed.get("texts", {}))
    introduction = typed.get("introduction")
    closing = typed.get("closing")
    return render_template(
        "minutes/edit.html", meeting=meeting, minutes=minutes, items=items, texts=texts,
        form=form, note=note, is_correction=minutes.status is not MinutesStatus.draft,
        may_override=permissions.can_override_identity_guard(current_user),
        override_reason=typed.get("override_reason") or "", override_max=OVERRIDE_REASON_MAX,
        introduction=content.get("introduction", "") if introduction is None else introduction,
        closing=content.get("closing", "") if closing is None else closing)


@dataclass(frozen=True)
class Change:
    label: str
    lines: list[str]


def _changes(meeting: Meeting, minutes: Minutes, number: int) -> list[Change]:
    """What a revision changed from the one before, text by text (unified diff lines)."""
    by_number = {r.number: r for r in minutes.revisions}
    current = by_number[number].content
    previous = by_number[number - 1].content if number > 1 else {}
    texts = [(gettext("Introduction"), "introduction", None),
             *((gettext("Item %(number)d", number=item.number), "items", str(item.id))
               for item in items_of_part(meeting, minutes.part)),
             (gettext("Closing"), "closing", None)]
    changes = []
    for label, key, item_key in texts:
        def read(content: dict, key: str = key, item_key: str | None = item_key) -> str:
            value = content.get(key, {} if item_key else "")
            return (value.get(item_key, "") if item_key else value) or ""
        before, after = read(previous), read(current)
        if before != after:
            diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="",
                                        n=1)
            changes.append(Change(label, [line for line in diff
                                          if not line.startswith(("---", "+++"))]))
    return changes


@bp.route("/minutes/revisions/<int:number>")
@login_required
def revision(meeting_id: int, number: int) -> str:
    meeting = _meeting(meeting_id)
    require(permissions.can_edit_minutes(current_user, meeting))
    minutes = _minutes(meeting)
    found = next((r for r in minutes.revisions if r.number == number), None)
    if found is None:
        raise NotFound()
    return render_template("minutes/revision.html", meeting=meeting, minutes=minutes,
                           revision=found, changes=_changes(meeting, minutes, number))


@bp.route("/items/<int:item_id>/minutes-approval", methods=["GET", "POST"])
@login_required
def record_approval(meeting_id: int, item_id: int) -> str | Response:
    """The organ's decision on the previous minutes, recorded at its sitting through this first
    item (issue 15): without observation, with the observations made, or the vote's result."""
    item = viewed_item(db.session, current_user, item_id, meeting_id=meeting_id)
    require(permissions.can_record_minutes_approval(current_user, item))
    form = EmptyForm()
    minutes = service.minutes_to_approve(db.session, item)
    typed = {"observations": request.form.get("observations", ""),
             "override_reason": request.form.get("override_reason", "")}
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        decision = {"observations": typed["observations"],
                    "override_reason": typed["override_reason"] or None}
        if minutes is not None and len(items_of_part(minutes.meeting,
                                                     minutes.part)) > BACKGROUND_ITEMS:
            return _in_background("minutes_approval", minutes.meeting, minutes, partial(
                service.approve_in_background, minutes_id=minutes.id, item_id=item.id,
                **decision))
        try:
            service.record_organ_approval(db.session, item, actor=current_user, **decision)
        except (service.MinutesError, GuardRefusal) as error:
            flash_refused(error)
        else:
            flash(gettext("The organ's approval of the minutes is recorded; they now await the "
                          "signatures of the president and the director-general."), "success")
            return redirect(url_for("agenda.item", meeting_id=item.meeting_id, item_id=item.id))
    poll = service.approval_poll(db.session, item)
    return render_template("minutes/record_approval.html", item=item, meeting=item.meeting,
                           minutes=minutes, poll=poll, form=form, typed=typed,
                           override_max=OVERRIDE_REASON_MAX)


@bp.route("/items/<int:item_id>/decision", methods=["GET", "POST"])
@login_required
def revise_decision(meeting_id: int, item_id: int) -> str | Response:
    """The DG corrects a decision already taken: a decision revision with its reason, never
    an edit of the text decided (issue 15)."""
    item = viewed_item(db.session, current_user, item_id, meeting_id=meeting_id)
    require(permissions.can_revise_decision(current_user, item))
    form = EmptyForm()
    typed = {"text": item.decision_text or "", "reason": "", "override_reason": ""}
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        typed = {key: request.form.get(key, "") for key in typed}
        try:
            decisions.revise_decision(db.session, item, actor=current_user,
                                      text=typed["text"], reason=typed["reason"],
                                      override_reason=typed["override_reason"] or None)
        except (decisions.DecisionError, GuardRefusal) as error:
            flash_refused(error)
            return render_template("minutes/revise_decision.html", item=item,
                                   meeting=item.meeting, form=form, typed=typed,
                                   override_max=OVERRIDE_REASON_MAX), 400  # type: ignore[return-value]
        flash(gettext("The correction is recorded; the decision as taken stays in the "
                      "record."), "success")
        return redirect(url_for("agenda.item", meeting_id=item.meeting_id, item_id=item.id))
    return render_template("minutes/revise_decision.html", item=item, meeting=item.meeting,
                           form=form, typed=typed, override_max=OVERRIDE_REASON_MAX)


@bp.route("/minutes.pdf")
@login_required
def download(meeting_id: int) -> Response:
    """The current minutes as a copy for the reader: the document under signature (or signed)
    once approved, else the latest draft; watermarked, audited, never cached."""
    meeting = _meeting(meeting_id)
    minutes = _minutes(meeting)
    pdf = service.minutes_copy(db.session, minutes, actor=current_user)
    return pdf_response(pdf, f"minutes-{meeting.id}.pdf")


