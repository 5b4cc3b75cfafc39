"""The leak guard: before convening, every text of every item members read (title, summary,
draft decision) is searched for the names and references of the meeting's dossiers and of
the dossiers received within ``agenda.guard.LOOKBACK``. A text the DG let through the identity
guard (``agenda.guard``) is not searched again."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from agenda.guard import cleared_texts, known_dossiers_by_meeting
from agenda.pseudonymise.leaks import LeakIndex
from council.models import AgendaItem, ItemPseudonymisation, Meeting

_MASK = "[•••]"
_EXCERPT_CHARS = 60


@dataclass(frozen=True)
class LeakHit:
    """Something that blocks the convocation: a known identity value in an item's text, or an
    item whose pseudonymisation is not reviewed yet. ``where`` is an excerpt of the item's text
    around the hit with the leaked values masked; ``reference`` the dossier whose value leaked."""

    item_id: int
    item_number: int
    category: str  # name, niss, iban, phone, email, address, birth_date, or not_reviewed
    where: str
    reference: str | None = None
    certain: bool = True


def check_leaks(session: Session, meeting: Meeting) -> list[LeakHit]:
    """What blocks convening ``meeting``: every certain leak of a known identity (dossiers on
    the meeting and the centre's dossiers of the last 12 months) in any item's text, and every
    item built from a report whose pseudonymisation is not reviewed. Empty: may convene."""
    return [hit for hit in scan_leaks(session, meeting) if hit.certain]


def scan_leaks(session: Session, meeting: Meeting) -> list[LeakHit]:
    """``check_leaks`` with the uncertain hits too (a name that is also an ordinary word, in
    lower case), for the reviewer to look at. A fixed number of queries whatever the number of
    items; each dossier is decrypted once."""
    return _scan(session, [meeting.id])[meeting.id]


def identity_leak_counts(session: Session, meeting_ids: Collection[int]) -> dict[int, int]:
    """For each meeting, how many of its items hold a certain leak of a known identity (what
    ``check_leaks`` reports besides the items still to review): the home page's work queue.
    A fixed number of queries whatever the number of meetings."""
    return {meeting_id: len({hit.item_id for hit in hits
                             if hit.certain and hit.category != "not_reviewed"})
            for meeting_id, hits in _scan(session, meeting_ids).items()}


def _scan(session: Session, meeting_ids: Collection[int]) -> dict[int, list[LeakHit]]:
    if not meeting_ids:
        return {}
    items = list(
        session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id.in_(meeting_ids))
            .order_by(AgendaItem.meeting_id, AgendaItem.number)
        )
    )
    rows = {
        row.item_id: row
        for row in session.scalars(
            select(ItemPseudonymisation)
            .join(AgendaItem)
            .where(AgendaItem.meeting_id.in_(meeting_ids))
            .options(selectinload(ItemPseudonymisation.report))
        )
    }
    on_meeting: dict[int, set[int]] = {meeting_id: set() for meeting_id in meeting_ids}
    for item in items:
        if item.id in rows:
            on_meeting[item.meeting_id].add(rows[item.id].report.dossier_id)
    indexes = {meeting_id: LeakIndex(dossiers) if dossiers else None
               for meeting_id, dossiers in known_dossiers_by_meeting(session, on_meeting).items()}
    texts = {item.id: [t for t in (item.title, item.summary, item.draft_decision) if t]
             for item in items}
    cleared = cleared_texts(session, [t for written in texts.values() for t in written])
    hits: dict[int, list[LeakHit]] = {meeting_id: [] for meeting_id in meeting_ids}
    for item in items:
        row = rows.get(item.id)
        if row is not None and not row.is_reviewed:
            hits[item.meeting_id].append(LeakHit(item.id, item.number, "not_reviewed", ""))
        index = indexes[item.meeting_id]
        for text in texts[item.id]:
            if index is not None and text not in cleared:
                hits[item.meeting_id] += _leak_hits(item, text, index)
    return hits


def _leak_hits(item: AgendaItem, text: str, index: LeakIndex) -> list[LeakHit]:
    leaks = index.find(text)
    spans = [(leak.start, leak.end) for leak in leaks]
    return [
        LeakHit(
            item.id,
            item.number,
            leak.category,
            _masked_excerpt(text, leak.start, leak.end, spans),
            leak.reference,
            leak.certain,
        )
        for leak in leaks
    ]


def _masked_excerpt(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """The text around [start, end) with every leaked span in it masked."""
    low, high = max(0, start - _EXCERPT_CHARS), min(len(text), end + _EXCERPT_CHARS)
    for s, e in spans:  # never cut a leaked value in half at the edges
        if s < low < e:
            low = s
        if s < high < e:
            high = e
    parts, position = [], low
    for s, e in sorted(spans):
        if e <= low or s >= high or s < position:
            continue
        parts += [text[position:s], _MASK]
        position = e
    parts.append(text[position:high])
    excerpt = " ".join("".join(parts).split())
    return ("…" if low > 0 else "") + excerpt + ("…" if high < len(text) else "")
