"""The centre's details printed on its letters."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from council.models import Centre, User
from council.refusals import Refusal
from council.services import audit


class CentreError(Refusal, ValueError):
    """Details refused; the message says why."""


@dataclass(frozen=True)
class CentreDetails:
    postal_address: str
    phone: str
    labour_court_name: str
    labour_court_address: str


def the_centre(session: Session) -> Centre:
    return session.scalars(select(Centre)).one()


def _international_phone(raw: str) -> str:
    try:
        number = phonenumbers.parse(raw, "BE")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise CentreError(gettext("This is not a valid telephone number."))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def update_details(session: Session, details: CentreDetails, *, actor: User) -> Centre:
    centre = the_centre(session)
    centre.phone = _international_phone(details.phone)
    centre.postal_address = details.postal_address.strip()
    centre.labour_court_name = details.labour_court_name.strip()
    centre.labour_court_address = details.labour_court_address.strip()
    audit.record(session, "centre_details_updated", actor=actor, object_type="centre",
                 object_id=centre.id)
    session.commit()
    return centre
