"""Re-identification: who an item is about, shown to an authorised user who gives their
password again; every reading is audited."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from agenda.reports.common import NotAllowed, WrongPassword
from agenda.reports.review import load_pseudonymisation
from council import permissions
from council.models import (
    AgendaItem,
    SocialReport,
    User,
)
from council.refusals import Denied, NotFound
from council.services import audit, two_factor
from council.services.accounts import LoginThrottled


@dataclass(frozen=True)
class Identity:
    """Who is behind an item's pseudonyms: for the DG or the file's social worker only."""

    reference: str
    key: dict[str, dict[str, str]]
    original: str


def report_of_item(session: Session, item: AgendaItem) -> SocialReport | None:
    return session.scalar(
        select(SocialReport)
        .where(SocialReport.item_id == item.id)
        .options(selectinload(SocialReport.dossier))
    )


def item_to_reidentify(session: Session, user: User, meeting_id: int,
                       item_id: int) -> AgendaItem:
    """The loader of an item whose identity a user asks for: roles that never re-identify
    learn nothing of which items came from a report (``Denied`` for every item); the others
    get ``NotFound`` for no such item of the meeting, or one not made from a report, and
    ``Denied`` for a report ``permissions`` keeps from them."""
    item = session.get(AgendaItem, item_id)
    report = report_of_item(session, item) if item is not None else None
    if report is None or item is None or item.meeting_id != meeting_id:
        raise NotFound() if permissions.may_ever_reidentify(user) else Denied()
    if not permissions.can_reidentify(user, report):
        raise Denied()
    return item


def reidentify(session: Session, item: AgendaItem, *, actor: User, password: str,
               otp: str | None = None, address: str = "") -> Identity:
    """The identity behind an item, after the user re-authenticates (password, and a one-time
    code when they have two-factor authentication; throttled like a login); every attempt,
    granted or failed, is written to the audit log."""
    report = report_of_item(session, item)
    if report is None or not permissions.can_reidentify(actor, report):
        raise NotAllowed(gettext("You may not see the identity behind this item."))
    try:
        confirmed = two_factor.confirm_identity(session, actor, password=password, code=otp,
                                                address=address, purpose="reidentification")
    except LoginThrottled as throttled:
        raise WrongPassword(gettext("Too many attempts; please wait a moment.")) from throttled
    if not confirmed:
        audit.record(
            session,
            "reidentification_failed",
            actor=actor,
            object_type="agenda_item",
            object_id=item.id,
        )
        session.commit()
        raise WrongPassword(gettext("Wrong password or code: the identity stays hidden."))
    loaded = load_pseudonymisation(session, item)
    key = dict(loaded.key)
    for added in loaded.added:
        if added["category"] == "name":
            key[added["replacement"]] = {"name": added["text"], "relation": "reviewer"}
    audit.record(
        session,
        "reidentification",
        actor=actor,
        object_type="agenda_item",
        object_id=item.id,
        meeting_id=item.meeting_id,
    )
    session.commit()
    return Identity(reference=report.dossier.reference, key=key, original=loaded.original)
