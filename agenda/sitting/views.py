"""The meeting in session on screens: the councillor's live screen and the chair screen.

Both pages poll a small fragment every two seconds (HTMX, ``static/vendor``); the fragment
carries a version (a hash of its content) and the server answers 204 while nothing changed,
so the screen does not flicker nor lose the keyboard focus. Every form also works without
JavaScript. Nothing is kept in process memory: each request reads the database.
"""

from __future__ import annotations

import hashlib
from typing import Any

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale, gettext, ngettext
from flask_login import current_user, login_required
from markupsafe import Markup

from agenda import sitting as live
from agenda.guard import GuardRefusal
from agenda.sitting import urgency
from agenda.sitting.wording import urgency_sentence
from council import permissions
from council.clock import centre_today
from council.db import db
from council.errors import flash_refused, refused
from council.models import AgendaItem, Meeting
from council.refusals import require
from council.rules.attendance import Presence
from council.rules.majority import OPEN_CHOICES, Choice, choices_for

bp = Blueprint("live", __name__, url_prefix="/meetings")


@bp.before_request
def _expired_session_on_fragments() -> Response | None:
    """A polled fragment whose login expired sends the browser to the login page rather than
    swapping the login form into the screen."""
    if request.headers.get("HX-Request") and not current_user.is_authenticated:
        return Response(status=204, headers={"HX-Redirect": url_for("auth.login")})
    return None


def _is_htmx() -> bool:
    return request.headers.get("HX-Request") == "true"


def _meeting(meeting_id: int) -> Meeting:
    return live.meeting_in_session(db.session, current_user, meeting_id)


def _poller(template: str, endpoint: str, url_args: dict[str, Any],
            **context: Any) -> tuple[Markup, str]:
    """A polled fragment and its version (a hash of its content). A fragment that asks the
    member to confirm a vote does not poll (a swap would drop the choice not yet cast)."""
    inner = render_template(template, **context)
    version = hashlib.sha256(inner.encode()).hexdigest()[:16]
    html = render_template("live/_poller.html", inner=Markup(inner),  # noqa: S704 (rendered)
                           poll_url=url_for(endpoint, **url_args, v=version),
                           poller_id=context["poller_id"],
                           paused=context.get("pending") is not None)
    return Markup(html), version  # noqa: S704 (rendered by Jinja)


def _versioned(template: str, endpoint: str, url_args: dict[str, Any],
               **context: Any) -> Response | str:
    """A polled fragment; 204 (nothing to swap) when the client already shows this version."""
    html, version = _poller(template, endpoint, url_args, **context)
    if request.args.get("v") == version:
        return Response(status=204)
    return str(html)


def _language(meeting: Meeting) -> str:
    """The language of what the meeting records (the minutes): the centre's."""
    return meeting.organ.centre.language.value


def _reader_language() -> str:
    """The language of what a screen shows, the vote sentence included: the reader's."""
    locale = get_locale()
    return locale.language if locale is not None else "fr"


# --- The councillor's screen ----------------------------------------------------------------


def _screen_context(meeting: Meeting, pending: Choice | None = None) -> dict[str, Any]:
    floor = live.load_floor(db.session, meeting)
    item = floor.current_item
    member_id = current_user.member_id if permissions.is_councillor(current_user) else None
    context: dict[str, Any] = {"meeting": meeting, "floor": floor, "item": item,
                               "member_id": member_id, "poll": None, "result": None,
                               "presence": None, "withdrawn": False, "voted": False,
                               "own_choice": None, "choices": list(Choice),
                               "pending": None, "proposal": None, "poller_id": "live-state"}
    if item is None:
        return context
    poll = floor.polls[item.id]
    context["poll"] = poll
    context["choices"] = list(choices_for(poll.is_secret))
    context["expected"] = len(floor.room(item).voters)
    if member_id is not None:
        context["presence"] = floor.presence(item).get(member_id)
        context["withdrawn"] = member_id in floor.withdrawn(item)
        context["voted"] = live.has_voted(db.session, poll, member_id)
        context["own_choice"] = live.own_choice(db.session, poll, member_id)
        if poll.is_open and not context["voted"]:
            context["pending"] = pending
    context["proposal"] = live.proposal_for(db.session, current_user, item)
    if not poll.is_open:
        context["result"] = live.poll_result(db.session, poll, _reader_language())
    return context


@bp.route("/<int:meeting_id>/live")
@login_required
def screen(meeting_id: int) -> str:
    return _screen_page(_meeting(meeting_id))


def _screen_page(meeting: Meeting, pending: Choice | None = None) -> str:
    context = _screen_context(meeting, pending)
    poller, _version = _poller("live/_state.html", "live.state", {"meeting_id": meeting.id},
                               **context)
    return render_template("live/screen.html", poller=poller, **context)


@bp.route("/<int:meeting_id>/live/state")
@login_required
def state(meeting_id: int, notice: str | None = None, *, just_voted: bool = False,
          pending: Choice | None = None) -> Response | str:
    meeting = _meeting(meeting_id)
    return _versioned("live/_state.html", "live.state", {"meeting_id": meeting.id},
                      notice=notice, just_voted=just_voted,
                      **_screen_context(meeting, pending))


@bp.route("/<int:meeting_id>/live/items/<int:item_id>/ballot", methods=["POST"])
@login_required
def vote(meeting_id: int, item_id: int) -> Response | str:
    """A tap on a choice asks to confirm it (nothing is stored); the confirmation casts the
    ballot, which is final. A confirmation rather than a change of vote: a secret ballot that
    could be replaced would have to be found again, which links it to its voter."""
    meeting = _meeting(meeting_id)
    item = live.item_of(meeting, item_id)
    require(not permissions.is_withdrawn_from(current_user, item)
            and permissions.can_vote(current_user, item))
    choice = request.form.get("choice", "")
    confirmed = request.form.get("confirmed") == "1"
    just_voted = False
    try:
        if choice not in {c.value for c in Choice}:
            raise live.InvalidInput("invalid_choice", gettext("Choose yes, no or abstain."))
        if not confirmed:
            return _confirmation(meeting, Choice(choice))
        live.cast_ballot(db.session, item.id, current_user.member_id, Choice(choice),
                         actor=current_user)
        notice, category, just_voted = gettext("Your vote is recorded."), "success", True
    except live.SessionError as error:
        notice, category = refused(error), "error"
    if _is_htmx():  # a ballot just cast says so in its own panel, which takes the focus
        return state(meeting_id, notice=None if just_voted else notice, just_voted=just_voted)
    flash(notice, category)
    return redirect(url_for("live.screen", meeting_id=meeting.id))


def _confirmation(meeting: Meeting, choice: Choice) -> Response | str:
    """The member's screen asking to confirm ``choice`` (the fragment, or the whole page
    without JavaScript)."""
    if _is_htmx():
        return state(meeting.id, pending=choice)
    return _screen_page(meeting, choice)


@bp.route("/<int:meeting_id>/live/items/<int:item_id>/withdraw", methods=["GET", "POST"])
@login_required
def withdraw(meeting_id: int, item_id: int) -> Response | str:
    """A member declares a conflict of interest and leaves the room for the item."""
    meeting = _meeting(meeting_id)
    item = live.item_of(meeting, item_id)
    require(permissions.can_withdraw(current_user, item))
    if request.method == "POST":
        try:
            live.declare_withdrawal(db.session, item, current_user.member_id,
                                    request.form.get("reason", ""), actor=current_user)
        except (live.SessionError, GuardRefusal) as error:
            flash_refused(error)
            return render_template("live/withdraw.html", meeting=meeting, item=item,
                                   reason=request.form.get("reason", "")), error.status
        flash(gettext("Your withdrawal from item %(number)d is recorded.", number=item.number),
              "success")
        return redirect(url_for("live.screen", meeting_id=meeting.id))
    return render_template("live/withdraw.html", meeting=meeting, item=item, reason="")


# --- The chair screen -----------------------------------------------------------------------


def _chair_meeting(meeting_id: int) -> Meeting:
    meeting = _meeting(meeting_id)
    require(permissions.can_chair(current_user, meeting))
    return meeting


def _floor_context(meeting: Meeting, item_id: int | None) -> dict[str, Any]:
    floor = live.load_floor(db.session, meeting)
    item = (floor.item(item_id) or floor.item(meeting.current_item_id) or floor.current_item
            or (meeting.items[0] if meeting.items else None))
    context: dict[str, Any] = {"meeting": meeting, "floor": floor, "item": item, "poll": None,
                               "result": None, "voted": set(), "poller_id": "chair-floor",
                               "presences": list(Presence), "choices": list(OPEN_CHOICES),
                               "unrecorded": floor.unrecorded,
                               "opening_refusal": live.opening_refusal(meeting, centre_today())}
    if item is None:
        return context
    poll = floor.polls.get(item.id)
    context.update(presence=floor.presence(item), withdrawn=floor.withdrawn(item),
                   room=floor.room(item), quorum=floor.quorum(item), poll=poll,
                   urgency_vote=urgency.urgency_vote_of(db.session, item)
                   if item.is_added_after_convocation else None)
    if context["urgency_vote"] is not None:
        vote = context["urgency_vote"]
        context["urgency_text"] = urgency_sentence(vote.present, vote.votes_for, vote.required,
                                                   vote.is_declared, language=_language(meeting))
    if poll is not None:
        if poll.id not in floor.ballots_in:
            floor.ballots_in[poll.id] = live.ballots_in(db.session, poll)
        if not poll.is_secret and poll.is_open:
            context["voted"] = live.open_voters(db.session, poll)
        if not poll.is_open:
            context["result"] = live.poll_result(db.session, poll, _reader_language())
    return context


def _floor_args(meeting: Meeting, context: dict[str, Any]) -> dict[str, Any]:
    """The floor follows the current item unless the chair picked one."""
    args: dict[str, Any] = {"meeting_id": meeting.id}
    if _selected_item() is not None and context["item"] is not None:
        args["item"] = context["item"].id
    return args


def _selected_item() -> int | None:
    return request.args.get("item", type=int)


@bp.route("/<int:meeting_id>/chair")
@login_required
def chair(meeting_id: int) -> str:
    meeting = _chair_meeting(meeting_id)
    context = _floor_context(meeting, _selected_item())
    poller, _version = _poller("live/_floor.html", "live.chair_floor",
                               _floor_args(meeting, context), **context)
    return render_template("live/chair.html", poller=poller, **context)


@bp.route("/<int:meeting_id>/chair/floor")
@login_required
def chair_floor(meeting_id: int) -> Response | str:
    meeting = _chair_meeting(meeting_id)
    context = _floor_context(meeting, _selected_item())
    return _versioned("live/_floor.html", "live.chair_floor", _floor_args(meeting, context),
                      **context)


def _back_to_chair(meeting: Meeting, item_id: int | None) -> Response:
    return redirect(url_for("live.chair", meeting_id=meeting.id, item=item_id))


# --- The sitting: open, roll call, next item, close ----------------------------------------


def _sitting_meeting(meeting_id: int) -> Meeting:
    meeting = _chair_meeting(meeting_id)
    require(permissions.can_run_sitting(current_user, meeting))
    return meeting


@bp.route("/<int:meeting_id>/chair/open", methods=["GET", "POST"])
@login_required
def open_sitting(meeting_id: int) -> Response | str:
    """GET asks for confirmation (with the roll call's "all present"); POST opens the
    sitting."""
    meeting = _sitting_meeting(meeting_id)
    if request.method == "GET":
        return render_template("live/sitting_confirm.html", meeting=meeting, action="open",
                               refusal=live.opening_refusal(meeting, centre_today()),
                               members=live.sitting(meeting))
    try:
        live.open_sitting(db.session, meeting, actor=current_user,
                          all_present=bool(request.form.get("all_present")))
        flash(gettext("The sitting is open."), "success")
    except live.SessionError as error:
        flash_refused(error)
    return _back_to_chair(meeting, None)


@bp.route("/<int:meeting_id>/chair/roll-call", methods=["POST"])
@login_required
def roll_call(meeting_id: int) -> Response:
    """The roll call in one click: every member not yet recorded is present."""
    meeting = _chair_meeting(meeting_id)
    require(permissions.can_take_roll_call(current_user, meeting))
    try:
        count = live.roll_call_all_present(db.session, meeting, actor=current_user)
        flash(ngettext("%(num)d member recorded present.", "%(num)d members recorded present.",
                       count), "success")
    except live.SessionError as error:
        flash_refused(error)
    return _back_to_chair(meeting, None)


@bp.route("/<int:meeting_id>/chair/next", methods=["POST"])
@login_required
def next_item(meeting_id: int) -> Response:
    """The chair moves the sitting on to the next item still to deal with."""
    meeting = _sitting_meeting(meeting_id)
    try:
        item = live.take_next_item(db.session, meeting, actor=current_user)
        flash(gettext("Item %(number)d is under discussion.", number=item.number), "success")
    except live.SessionError as error:
        flash_refused(error)
    return _back_to_chair(meeting, None)


@bp.route("/<int:meeting_id>/chair/close", methods=["GET", "POST"])
@login_required
def close_sitting(meeting_id: int) -> Response | str:
    """GET asks for confirmation; POST closes the sitting (the time is recorded)."""
    meeting = _sitting_meeting(meeting_id)
    if request.method == "GET":
        floor = live.load_floor(db.session, meeting)
        return render_template("live/sitting_confirm.html", meeting=meeting, action="close",
                               refusal=None, open_polls=[p for p in floor.polls.values()
                                                         if p.is_open],
                               pending=[i for i in meeting.items
                                        if i.status not in live.DEALT_WITH])
    try:
        live.close_sitting(db.session, meeting, actor=current_user)
        flash(gettext("The sitting is closed."), "success")
    except live.SessionError as error:
        flash_refused(error)
    return _back_to_chair(meeting, None)


@bp.route("/<int:meeting_id>/chair/attendance", methods=["POST"])
@login_required
def attendance(meeting_id: int) -> Response:
    meeting = _chair_meeting(meeting_id)
    require(permissions.can_record_attendance(current_user, meeting))
    item_id = request.form.get("item_id", type=int)
    try:
        status = request.form.get("status", "")
        if status not in {p.value for p in Presence}:
            raise live.InvalidInput("invalid_status",
                                    gettext("Choose present, absent or excused."))
        live.record_attendance(db.session, meeting, request.form.get("member_id", type=int) or 0,
                               Presence(status), request.form.get("from_item_id", type=int),
                               actor=current_user)
    except live.SessionError as error:
        flash_refused(error)
    return _back_to_chair(meeting, item_id)


@bp.route("/<int:meeting_id>/chair/items/<int:item_id>/withdrawal", methods=["POST"])
@login_required
def record_withdrawal(meeting_id: int, item_id: int) -> Response:
    """The DG or the secretariat records a member's withdrawal for them."""
    meeting = _chair_meeting(meeting_id)
    item = live.item_of(meeting, item_id)
    member_id = request.form.get("member_id", type=int) or 0
    require(permissions.can_record_withdrawal(current_user, item))
    try:
        live.declare_withdrawal(db.session, item, member_id, request.form.get("reason", ""),
                                actor=current_user)
        flash(gettext("The withdrawal is recorded."), "success")
    except (live.SessionError, GuardRefusal) as error:
        flash_refused(error)
    return _back_to_chair(meeting, item.id)


def _vote_item(meeting_id: int, item_id: int) -> tuple[Meeting, AgendaItem]:
    meeting = _chair_meeting(meeting_id)
    item = live.item_of(meeting, item_id)
    require(permissions.can_run_vote_on(current_user, item))
    return meeting, item


@bp.route("/<int:meeting_id>/chair/items/<int:item_id>/open", methods=["GET", "POST"])
@login_required
def open_poll(meeting_id: int, item_id: int) -> Response | str:
    """GET asks for confirmation; POST opens the vote."""
    meeting, item = _vote_item(meeting_id, item_id)
    if request.method == "GET":
        floor = live.load_floor(db.session, meeting)
        return render_template("live/confirm.html", meeting=meeting, item=item, action="open",
                               quorum=floor.quorum(item),
                               secret_forced=item.kind.is_secret_only)
    secret = {"secret": True, "open": False}.get(request.form.get("ballot", ""))
    try:
        live.open_poll(db.session, item, actor=current_user, secret=secret)
        flash(gettext("The vote on item %(number)d is open.", number=item.number), "success")
    except live.SessionError as error:
        flash_refused(error)
    return _back_to_chair(meeting, item.id)


@bp.route("/<int:meeting_id>/chair/items/<int:item_id>/urgency", methods=["POST"])
@login_required
def urgency_vote(meeting_id: int, item_id: int) -> Response:
    """The president or the DG enters the urgency vote on an item added after convocation
    (a show of hands: the number of members for)."""
    meeting, item = _vote_item(meeting_id, item_id)
    try:
        vote = urgency.record_urgency_vote(
            db.session, item, request.form.get("votes_for", type=int), actor=current_user,
            majority=current_app.config["COUNCIL_URGENCY_MAJORITY"])
        if vote.is_declared:
            flash(gettext("The urgency is declared: the item can be taken."), "success")
        else:
            flash(gettext("The urgency is not declared: the item is not taken."), "warning")
    except live.SessionError as error:
        flash_refused(error)
    return _back_to_chair(meeting, item.id)


@bp.route("/<int:meeting_id>/chair/items/<int:item_id>/close", methods=["GET", "POST"])
@login_required
def close_poll(meeting_id: int, item_id: int) -> Response | str:
    """GET asks for confirmation; POST closes the vote and decides it."""
    meeting, item = _vote_item(meeting_id, item_id)
    if request.method == "GET":
        floor = live.load_floor(db.session, meeting)
        poll = floor.polls.get(item.id)
        return render_template("live/confirm.html", meeting=meeting, item=item, action="close",
                               quorum=floor.quorum(item), poll=poll,
                               ballots=live.ballots_in(db.session, poll) if poll else 0,
                               expected=len(floor.room(item).voters), secret_forced=False)
    try:
        result = live.close_poll(db.session, item, actor=current_user,
                                 settings=live.vote_settings(current_app.config),
                                 language=_reader_language())
        flash(result.sentence, "success")
    except live.SessionError as error:
        flash_refused(error)
    return _back_to_chair(meeting, item.id)


@bp.route("/<int:meeting_id>/chair/items/<int:item_id>/hands", methods=["POST"])
@login_required
def show_of_hands(meeting_id: int, item_id: int) -> Response:
    """The president records a member's vote on a show of hands (open votes only)."""
    meeting, item = _vote_item(meeting_id, item_id)
    try:
        choice = request.form.get("choice", "")
        if choice not in {c.value for c in Choice}:
            raise live.InvalidInput("invalid_choice", gettext("Choose yes, no or abstain."))
        member_id = request.form.get("member_id", type=int) or 0
        if all(m.member_id != member_id for m in live.sitting(meeting)):
            raise live.InvalidInput("unknown_member", gettext(
                "This member does not sit on the organ of this meeting."))
        live.cast_ballot(db.session, item.id, member_id, Choice(choice), actor=current_user)
    except live.SessionError as error:
        flash_refused(error)
    return _back_to_chair(meeting, item.id)
