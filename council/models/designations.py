"""Designations (LO art. 27 §6): the candidates of a designation item, entered by the DG or the
secretariat before the secret ballot, and their votes once it is counted.

The ballot itself is a secret ballot like the others (``SecretParticipation`` and a sealed
``SecretBallot``, deleted at close); only the counts per candidate are kept here.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from council.db import Base
from council.models.base import UTCDateTime, enum_column, utcnow
from council.models.centre import Member
from council.models.enums import Sex
from council.models.meetings import AgendaItem
from council.models.users import User

__all__ = ["DesignationCandidate"]

#: characters of a candidate's name
CANDIDATE_NAME_MAX = 160


class DesignationCandidate(Base):
    """A candidate on a designation item: a council member (a public office holder, named in
    clear) or another person presented, with the sex and birth date the rule needs (the
    mixity rule; a tie elects the oldest)."""

    __tablename__ = "designation_candidate"

    #: primary key; candidates are listed on the ballot in this order
    id: Mapped[int] = mapped_column(primary_key=True)
    #: designation item the candidate stands on
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), nullable=False,
                                         index=True)
    #: the council member standing, if the candidate is one
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), nullable=True,
                                                  index=True)
    #: name as the ballot and the minutes print it (a member's full name when a member)
    name: Mapped[str] = mapped_column(String(CANDIDATE_NAME_MAX), nullable=False)
    #: sex: the mixity rule asks for both sexes among the president and the elected
    sex: Mapped[Sex] = mapped_column(enum_column(Sex), nullable=False)
    #: date of birth: a tie elects the oldest candidate
    birth_date: Mapped[date] = mapped_column(nullable=False)
    #: votes received, once the ballot is counted
    votes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: elected by the ballot, once counted (even when the result is void for mixity)
    is_elected: Mapped[bool | None] = mapped_column(nullable=True)
    #: who entered the candidate (the DG or the secretariat)
    entered_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), nullable=False,
                                               index=True)
    #: when the candidate was entered (UTC)
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    #: ``AgendaItem.candidates`` is the way back
    item: Mapped[AgendaItem] = relationship(
        backref=backref("candidates", viewonly=True, order_by="DesignationCandidate.id"))
    member: Mapped[Member | None] = relationship()
    entered_by: Mapped[User] = relationship()

    __table_args__ = (UniqueConstraint("item_id", "name"),)
