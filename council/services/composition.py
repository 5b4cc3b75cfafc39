"""The council's composition compared with what LO art. 10 says each group is owed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from council.models import Centre, Member, Organ, OrganKind, OrganMembership, Region
from council.rules.composition import Allocation, GroupResult, Tie, allocate_seats, council_size


@dataclass(frozen=True)
class GroupRow:
    name: str
    colour: str
    municipal_seats: int
    electoral_figure: int | None
    is_in_majority_pact: bool
    quota: Fraction
    owed: int
    members: tuple[Member, ...]

    @property
    def actual(self) -> int:
        return len(self.members)

    @property
    def is_mismatch(self) -> bool:
        return self.actual != self.owed


@dataclass(frozen=True)
class CompositionReport:
    centre: Centre
    legal_size: int
    actual_size: int
    #: False for Brussels, whose members are elected by plural vote: the allocation is indicative
    is_binding: bool
    rows: tuple[GroupRow, ...]
    ties: tuple[Tie, ...]
    unallocated: int
    pact_seats: int | None
    pact_has_majority: bool | None
    independents: tuple[Member, ...]

    @property
    def mismatches(self) -> tuple[GroupRow, ...]:
        return tuple(row for row in self.rows if row.is_mismatch)

    @property
    def is_size_mismatch(self) -> bool:
        return self.actual_size != self.legal_size

    @property
    def pact_lacks_majority(self) -> bool:
        """The groups of the majority pact hold no majority of the council (décret of 26 April
        2012): the composition cannot be called lawful, whatever the seats per group."""
        return self.pact_has_majority is False


def council_members_on(centre: Centre, on: date) -> list[Member]:
    """Members in office who sit on the council organ on that day."""
    council = next((organ for organ in centre.organs if organ.kind is OrganKind.council), None)
    if council is None:
        return []
    return [
        membership.member
        for membership in council.memberships
        if membership.is_current(on) and membership.member.is_in_office(on)
    ]


def composition_report(session: Session, on: date) -> CompositionReport | None:
    centre = session.scalar(
        select(Centre).options(
            selectinload(Centre.groups),
            selectinload(Centre.organs)
            .selectinload(Organ.memberships)
            .selectinload(OrganMembership.member),
        )
    )
    if centre is None:
        return None
    size = council_size(centre.population, centre.region)
    allocation: Allocation = allocate_seats(
        size,
        [
            GroupResult(
                name=group.name,
                municipal_seats=group.municipal_seats,
                votes=group.electoral_figure,
                in_pact=group.is_in_majority_pact,
            )
            for group in centre.groups
        ],
    )
    members = council_members_on(centre, on)
    rows = tuple(
        GroupRow(
            name=group.name,
            colour=group.colour,
            municipal_seats=group.municipal_seats,
            electoral_figure=group.electoral_figure,
            is_in_majority_pact=group.is_in_majority_pact,
            quota=allocation.quotas[group.name],
            owed=allocation.seats[group.name],
            members=tuple(member for member in members if member.group_id == group.id),
        )
        for group in centre.groups
    )
    return CompositionReport(
        centre=centre,
        legal_size=size,
        actual_size=len(members),
        is_binding=centre.region is Region.wallonia,
        rows=rows,
        ties=allocation.ties,
        unallocated=allocation.unallocated,
        pact_seats=allocation.pact_seats,
        pact_has_majority=allocation.pact_has_majority,
        independents=tuple(member for member in members if member.group_id is None),
    )
