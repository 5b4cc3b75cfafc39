"""Designations on the screens (``agenda.sitting.designations``): the DG or the secretariat
enter the seats and the candidates from the chair screen; each member present ticks candidates
on their own live screen. Blueprint ``designation``; the fragments are included by
``templates/live/_floor.html``, ``_state.html`` and ``_result.html``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from flask import Blueprint, Response, flash, redirect, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required

from agenda import sitting as live
from agenda.guard import GuardRefusal
from agenda.sitting import designations
from agenda.sitting.designations import DesignationBallot
from council import permissions
from council.db import db
from council.errors import flash_refused
from council.models import AgendaItem, Meeting, Sex
from council.refusals import require
from council.rules.majority import Choice

bp = Blueprint("designation", __name__, url_prefix="/meetings")


@bp.app_context_processor
def _candidate_sexes() -> dict[str, list[Sex]]:
    """The sexes the candidate form offers (``live/_designation_candidates.html``)."""
    return {"candidate_sexes": list(Sex)}


def _candidates_item(meeting_id: int, item_id: int) -> tuple[Meeting, AgendaItem]:
    meeting = live.meeting_in_session(db.session, current_user, meeting_id)
    require(permissions.can_chair(current_user, meeting))
    item = live.item_of(meeting, item_id)
    require(permissions.can_enter_candidates(current_user, item))
    return meeting, item


def _back(meeting: Meeting, item: AgendaItem) -> Response:
    return redirect(url_for("live.chair", meeting_id=meeting.id, item=item.id))


@bp.route("/<int:meeting_id>/chair/items/<int:item_id>/seats", methods=["POST"])
@login_required
def seats(meeting_id: int, item_id: int) -> Response:
    meeting, item = _candidates_item(meeting_id, item_id)
    try:
        designations.set_seats(db.session, item, request.form.get("seats", type=int) or 0,
                               actor=current_user)
    except live.SessionError as error:
        flash_refused(error)
    return _back(meeting, item)


@bp.route("/<int:meeting_id>/chair/items/<int:item_id>/candidates", methods=["POST"])
@login_required
def add_candidate(meeting_id: int, item_id: int) -> Response:
    """A member of the council (``member_id``), or another person (name, sex, birth date)."""
    meeting, item = _candidates_item(meeting_id, item_id)
    form = request.form
    try:
        sex = form.get("sex", "")
        birth = form.get("birth_date", "")
        designations.add_candidate(
            db.session, item, actor=current_user, member_id=form.get("member_id", type=int),
            name=form.get("name"), sex=Sex(sex) if sex in {s.value for s in Sex} else None,
            birth_date=date.fromisoformat(birth) if birth else None,
            override_reason=form.get("override_reason") or None)
        flash(gettext("The candidate is entered."), "success")
    except (live.SessionError, GuardRefusal) as error:
        flash_refused(error)
    except ValueError:
        flash(gettext("Enter a valid date of birth."), "error")
    return _back(meeting, item)


@bp.route("/<int:meeting_id>/chair/items/<int:item_id>/candidates/<int:candidate_id>/remove",
          methods=["POST"])
@login_required
def remove_candidate(meeting_id: int, item_id: int, candidate_id: int) -> Response:
    meeting, item = _candidates_item(meeting_id, item_id)
    try:
        designations.remove_candidate(db.session, item, candidate_id, actor=current_user)
    except live.SessionError as error:
        flash_refused(error)
    return _back(meeting, item)


@bp.route("/<int:meeting_id>/live/items/<int:item_id>/designation-ballot", methods=["POST"])
@login_required
def ballot(meeting_id: int, item_id: int) -> Response:
    """A member's designation ballot: the candidates ticked (``candidate``), or ``spoilt``
    (blank or null)."""
    meeting = live.meeting_in_session(db.session, current_user, meeting_id)
    item = live.item_of(meeting, item_id)
    require(not permissions.is_withdrawn_from(current_user, item)
            and permissions.can_vote(current_user, item))
    try:
        choice = ballot_from(request.form.getlist("candidate"), request.form.get("spoilt"))
        designations.cast_designation_ballot(db.session, item.id, current_user.member_id,
                                             choice, actor=current_user)
        flash(gettext("Your vote is recorded."), "success")
    except live.SessionError as error:
        flash_refused(error)
    return redirect(url_for("live.screen", meeting_id=meeting.id))


def ballot_from(ticked: Iterable[str | int], spoilt: str | None) -> DesignationBallot:
    """The ballot a form or a JSON body describes: the candidate ids ticked, or ``spoilt``
    ("blank" or "null")."""
    try:
        ids = frozenset(int(value) for value in ticked)
    except (TypeError, ValueError):
        ids = None
    if ids is None or (spoilt and spoilt not in (Choice.blank.value, Choice.null.value)):
        raise live.InvalidInput("invalid_choice", gettext(
            "Tick candidates, or cast a blank or a null ballot."))
    return DesignationBallot(ticked=ids, spoilt=Choice(spoilt) if spoilt else None)
