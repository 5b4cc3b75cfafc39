"""Geometry of the pictures drawn as inline SVG (templates/_charts.html): the council as a
hemicycle of seats, a vote's tally per political group as stacked bars, the dates ahead on a
timeline.

Pure functions (no Flask, no database): they take plain values and return coordinates in SVG
user units, rounded to 0.1 so that the markup stays small and stable. Colours come from the
database (an administrator types them): anything but ``#rrggbb`` falls back to a neutral grey
before it reaches an attribute.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

NEUTRAL = "#777777"
#: a seat nobody holds: drawn hollow, in the ink colour
VACANT = "#4f5863"
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

#: the hemicycle's drawing box: seats sit on half circles centred at the bottom middle
HEMICYCLE_WIDTH = 400.0
HEMICYCLE_HEIGHT = 224.0
_CENTRE_X = HEMICYCLE_WIDTH / 2
_CENTRE_Y = 200.0
_OUTER_RADIUS = 176.0
#: the innermost row's radius, as a share of the outermost one
_INNER_SHARE = 0.45
#: a seat's radius, as a share of the smallest distance between neighbouring seats
_SEAT_SHARE = 0.42
#: the largest seat's radius (a small council's seats would otherwise be huge)
_SEAT_MAX = 22.0


def safe_colour(colour: str | None) -> str:
    """The colour if it is a plain ``#rrggbb``, else the neutral grey."""
    return colour if colour and _HEX_COLOUR.fullmatch(colour) else NEUTRAL


@dataclass(frozen=True)
class Point:
    x: float
    y: float


def _rows_for(count: int) -> int:
    """Rows of the hemicycle: one for a handful of seats, then more as the square root grows
    (a council of 9 to 15 sits on two rows, a parliament of 150 on seven)."""
    return max(1, math.ceil(math.sqrt(count / 4)))


def _seats_per_row(count: int, radii: Sequence[float]) -> list[int]:
    """Seats shared among the rows in proportion to their length; the rounding leftovers go
    to the outer rows, which have the most room."""
    total = sum(radii)
    shares = [count * radius / total for radius in radii]
    seats = [math.floor(share) for share in shares]
    leftovers = sorted(range(len(radii)), key=lambda row: (shares[row] - seats[row], row),
                       reverse=True)
    for row in leftovers[: count - sum(seats)]:
        seats[row] += 1
    return seats


def hemicycle(count: int) -> tuple[list[Point], float]:
    """``count`` seat centres on a half circle, ordered from the left end to the right end
    (so that consecutive seats of a group form one wedge), and the seats' radius."""
    if count <= 0:
        return [], 0.0
    rows = _rows_for(count)
    if rows == 1:
        radii = [_OUTER_RADIUS * (1 + _INNER_SHARE) / 2]
    else:
        step = _OUTER_RADIUS * (1 - _INNER_SHARE) / (rows - 1)
        radii = [_OUTER_RADIUS * _INNER_SHARE + step * row for row in range(rows)]
    placed: list[tuple[float, float, Point]] = []
    gaps = [(_OUTER_RADIUS * (1 - _INNER_SHARE) / (rows - 1)) if rows > 1 else _OUTER_RADIUS]
    for radius, seats in zip(radii, _seats_per_row(count, radii), strict=True):
        if seats == 0:
            continue
        angles = [math.pi / 2] if seats == 1 else [
            math.pi * (1 - seat / (seats - 1)) for seat in range(seats)]
        if seats > 1:
            gaps.append(2 * radius * math.sin(math.pi / (seats - 1) / 2))  # chord between seats
        placed += [(angle, radius, Point(round(_CENTRE_X + radius * math.cos(angle), 1),
                                         round(_CENTRE_Y - radius * math.sin(angle), 1)))
                   for angle in angles]
    # left to right; on the same bearing, the outer seat first
    placed.sort(key=lambda seat: (-round(seat[0], 9), -seat[1]))
    seat_radius = round(min(min(gaps) * _SEAT_SHARE, _SEAT_MAX), 1)
    return [point for _, _, point in placed], seat_radius


@dataclass(frozen=True)
class SeatGroup:
    """Seats to colour alike: a political group's members, or the vacant seats."""

    name: str
    colour: str
    seats: int
    #: one label per seat (e.g. the member's name), shown as the seat's tooltip
    labels: tuple[str, ...] = ()
    is_vacant: bool = False


@dataclass(frozen=True)
class Seat:
    x: float
    y: float
    fill: str
    label: str
    group: str
    is_vacant: bool


@dataclass(frozen=True)
class LegendEntry:
    name: str
    fill: str
    seats: int
    is_vacant: bool


@dataclass(frozen=True)
class Hemicycle:
    seats: tuple[Seat, ...]
    radius: float
    width: float = HEMICYCLE_WIDTH
    height: float = HEMICYCLE_HEIGHT

    @property
    def legend(self) -> list[LegendEntry]:
        """One entry per group, in seating order, with its number of seats."""
        entries: dict[str, LegendEntry] = {}
        for seat in self.seats:
            known = entries.get(seat.group)
            entries[seat.group] = LegendEntry(seat.group, seat.fill,
                                              (known.seats if known else 0) + 1, seat.is_vacant)
        return list(entries.values())


def seat_groups(groups: Sequence[SeatGroup]) -> Hemicycle:
    """The hemicycle with each group's seats in a wedge, in the order given (left to right)."""
    points, radius = hemicycle(sum(group.seats for group in groups))
    seats: list[Seat] = []
    for group in groups:
        fill = VACANT if group.is_vacant else safe_colour(group.colour)
        for index in range(group.seats):
            point = points[len(seats)]
            label = group.labels[index] if index < len(group.labels) else group.name
            seats.append(Seat(point.x, point.y, fill, label, group.name, group.is_vacant))
    return Hemicycle(tuple(seats), radius)


# --- a vote's tally per group as stacked bars --------------------------------------------------

#: the three choices, in the order they are stacked, with a colour each (AA contrast on white)
CHOICE_COLOURS = (("yes", "#1d6b36"), ("no", "#9b1c1c"), ("abstain", "#6b7280"))
BAR_WIDTH = 300.0


@dataclass(frozen=True)
class Segment:
    choice: str
    count: int
    x: float
    width: float
    fill: str


@dataclass(frozen=True)
class Bar:
    label: str
    colour: str
    total: int
    segments: tuple[Segment, ...]


def stacked_bars(tallies: Sequence[tuple[str, str, dict[str, int]]],
                 width: float = BAR_WIDTH) -> list[Bar]:
    """One bar per group (label, colour, {"yes", "no", "abstain"} counts), every bar on the
    same scale: the group with the most votes fills ``width``, so lengths compare across
    groups. A choice nobody in the group made has no segment."""
    most = max((sum(counts.values()) for _, _, counts in tallies), default=0)
    unit = width / most if most else 0.0
    bars = []
    for label, colour, counts in tallies:
        segments, x = [], 0.0
        for choice, fill in CHOICE_COLOURS:
            count = counts.get(choice, 0)
            if count:
                segments.append(Segment(choice, count, round(x, 1), round(count * unit, 1), fill))
                x += count * unit
        bars.append(Bar(label, safe_colour(colour), sum(counts.values()), tuple(segments)))
    return bars


# --- dates ahead on a timeline -----------------------------------------------------------------

TIMELINE_WIDTH = 600.0
#: how far ahead the timeline looks
TIMELINE_DAYS = 42
#: room kept at the left end for what is already late
_OVERDUE_BAND = 40.0


@dataclass(frozen=True)
class TimelineEntry:
    """Something dated the DG must see coming: a meeting, a decision to notify…"""

    day: date
    label: str
    url: str
    #: what it is ("meeting", "notification"…): a CSS class and the legend's key
    kind: str
    #: its deadline has passed (drawn in the band at the left end)
    is_overdue: bool = False


@dataclass(frozen=True)
class PlacedEntry:
    entry: TimelineEntry
    x: float


@dataclass(frozen=True)
class Timeline:
    today: date
    days: int
    entries: tuple[PlacedEntry, ...]
    #: ticks at each week: (x, day)
    ticks: tuple[tuple[float, date], ...]
    #: entries beyond the horizon: listed, not drawn
    later: tuple[TimelineEntry, ...]
    width: float = TIMELINE_WIDTH
    overdue_band: float = _OVERDUE_BAND

    @property
    def has_late(self) -> bool:
        return any(placed.x < self.overdue_band for placed in self.entries)


def _day_x(day: date, today: date, days: int, width: float) -> float:
    span = width - _OVERDUE_BAND
    return round(_OVERDUE_BAND + span * (day - today).days / days, 1)


def timeline(entries: Sequence[TimelineEntry], today: date, days: int = TIMELINE_DAYS,
             width: float = TIMELINE_WIDTH) -> Timeline:
    """Entries by date from ``today`` to ``days`` ahead; overdue or past entries sit in the
    band at the left end, entries beyond the horizon go to ``later``."""
    placed, later = [], []
    for entry in sorted(entries, key=lambda e: (e.day, e.label)):
        if entry.is_overdue or entry.day < today:
            placed.append(PlacedEntry(entry, round(_OVERDUE_BAND / 2, 1)))
        elif (entry.day - today).days > days:
            later.append(entry)
        else:
            placed.append(PlacedEntry(entry, _day_x(entry.day, today, days, width)))
    ticks = tuple((_day_x(date.fromordinal(today.toordinal() + offset), today, days, width),
                   date.fromordinal(today.toordinal() + offset))
                  for offset in range(0, days + 1, 7))
    return Timeline(today, days, tuple(placed), ticks, tuple(later), width)
