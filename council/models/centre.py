"""The centre, its political groups, its members and its organs."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from council.db import Base
from council.models.base import enum_column
from council.models.enums import Language, OrganKind, Region, Sex


class Centre(Base):
    """The CPAS running this installation (one per installation)."""

    __tablename__ = "centre"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: official name, e.g. "CPAS de Mons"
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    #: municipality the centre serves (kept visible in pseudonymised reports)
    municipality: Mapped[str] = mapped_column(String(120), nullable=False)
    #: region whose version of the organic law applies
    region: Mapped[Region] = mapped_column(enum_column(Region), nullable=False)
    #: language of the centre's documents (minutes, letters)
    language: Mapped[Language] = mapped_column(enum_column(Language), nullable=False)
    #: population of the municipality, which sets the council's size (LO art. 6)
    population: Mapped[int] = mapped_column(Integer, nullable=False)
    #: total seats of the municipal council, the base of the proportional allocation
    municipal_seats: Mapped[int] = mapped_column(Integer, nullable=False)
    #: the centre's postal address, on its letters
    postal_address: Mapped[str | None] = mapped_column(String(300), nullable=True)
    #: telephone number given on letters for questions
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    #: the competent tribunal du travail (labour court) for appeals, on decision letters
    labour_court_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    #: the labour court's address, where an appeal is lodged
    labour_court_address: Mapped[str | None] = mapped_column(String(300), nullable=True)

    groups: Mapped[list[PoliticalGroup]] = relationship(
        back_populates="centre", order_by="PoliticalGroup.position"
    )
    organs: Mapped[list[Organ]] = relationship(back_populates="centre", order_by="Organ.id")

    __table_args__ = (
        CheckConstraint("population >= 0", name="population_not_negative"),
        CheckConstraint("municipal_seats > 0", name="municipal_seats_positive"),
    )


class PoliticalGroup(Base):
    """A group of the municipal council, entitled to seats on the council (LO art. 10)."""

    __tablename__ = "political_group"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: centre the group belongs to
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), nullable=False, index=True)
    #: group's name as used in the municipal council
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    #: seats held in the municipal council
    municipal_seats: Mapped[int] = mapped_column(Integer, nullable=False)
    #: electoral figure (votes), which breaks ties on remainders
    electoral_figure: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: whether the group signed the municipal majority pact
    is_in_majority_pact: Mapped[bool] = mapped_column(nullable=False, default=False)
    #: display colour (#rrggbb) for charts
    colour: Mapped[str] = mapped_column(String(7), nullable=False, default="#777777")
    #: display order
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    centre: Mapped[Centre] = relationship(back_populates="groups")
    members: Mapped[list[Member]] = relationship(back_populates="group")

    __table_args__ = (
        UniqueConstraint("centre_id", "name"),
        CheckConstraint("municipal_seats >= 0", name="seats_not_negative"),
    )


class Member(Base):
    """A member of the council (conseiller de l'action sociale)."""

    __tablename__ = "member"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: centre the member sits for
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), nullable=False, index=True)
    #: political group that presented the member; none for an independent
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("political_group.id"), nullable=True, index=True
    )
    #: first name
    first_name: Mapped[str] = mapped_column(String(80), nullable=False)
    #: last name
    last_name: Mapped[str] = mapped_column(String(80), nullable=False)
    #: sex (committees must include both sexes)
    sex: Mapped[Sex] = mapped_column(enum_column(Sex), nullable=False)
    #: date of birth: a tie in an election goes to the oldest candidate
    birth_date: Mapped[date | None] = mapped_column(nullable=True)
    #: first day of the mandate
    mandate_start: Mapped[date] = mapped_column(nullable=False)
    #: last day of the mandate; none while in office
    mandate_end: Mapped[date | None] = mapped_column(nullable=True)
    #: whether the member presides the council (and so every committee)
    is_president: Mapped[bool] = mapped_column(nullable=False, default=False)

    centre: Mapped[Centre] = relationship()
    group: Mapped[PoliticalGroup | None] = relationship(back_populates="members")
    memberships: Mapped[list[OrganMembership]] = relationship(back_populates="member")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def is_in_office(self, on: date) -> bool:
        return self.mandate_start <= on and (self.mandate_end is None or on <= self.mandate_end)


class Organ(Base):
    """A deliberating organ: the council, the permanent bureau, the CSSS or another committee."""

    __tablename__ = "organ"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: centre the organ belongs to
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), nullable=False, index=True)
    #: which organ it is
    kind: Mapped[OrganKind] = mapped_column(enum_column(OrganKind), nullable=False)
    #: name shown to users
    name: Mapped[str] = mapped_column(String(120), nullable=False)

    centre: Mapped[Centre] = relationship(back_populates="organs")
    memberships: Mapped[list[OrganMembership]] = relationship(
        back_populates="organ", order_by="OrganMembership.id"
    )


class OrganMembership(Base):
    """A member's seat on an organ for a period (the council itself included)."""

    __tablename__ = "organ_membership"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: organ
    organ_id: Mapped[int] = mapped_column(ForeignKey("organ.id"), nullable=False, index=True)
    #: member sitting on it
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), nullable=False, index=True)
    #: first day on the organ
    start_on: Mapped[date] = mapped_column(nullable=False)
    #: last day on the organ; none while sitting
    end_on: Mapped[date | None] = mapped_column(nullable=True)

    organ: Mapped[Organ] = relationship(back_populates="memberships")
    member: Mapped[Member] = relationship(back_populates="memberships")

    __table_args__ = (UniqueConstraint("organ_id", "member_id", "start_on"),)

    def is_current(self, on: date) -> bool:
        return self.start_on <= on and (self.end_on is None or on <= self.end_on)
