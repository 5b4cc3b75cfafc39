"""The leak guard: before convening, every item of the agenda is searched for the names and
references of the dossiers received within ``LEAK_LOOKBACK``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from agenda.pseudonymise import (
    find_leaks,
    parse_dossier,
)
from council.crypto import decrypt_json
from council.models import (
    AgendaItem,
    Dossier,
    ItemPseudonymisation,
    Meeting,
)
from council.models.base import utcnow

#: dossiers received or updated within this period are looked for in every item before convening
LEAK_LOOKBACK = timedelta(days=365)
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
    items = list(
        session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id)
            .order_by(AgendaItem.number)
        )
    )
    rows = {
        row.item_id: row
        for row in session.scalars(
            select(ItemPseudonymisation)
            .join(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id)
            .options(selectinload(ItemPseudonymisation.report))
        )
    }
    since = utcnow() - LEAK_LOOKBACK
    on_meeting = {row.report.dossier_id for row in rows.values()}
    dossier_rows = session.scalars(
        select(Dossier).where(
            or_(
                Dossier.id.in_(on_meeting), Dossier.created_at >= since, Dossier.updated_at >= since
            )
        )
    ).all()
    dossiers = [parse_dossier(decrypt_json(row.identity_encrypted)) for row in dossier_rows]
    hits: list[LeakHit] = []
    for item in items:
        row = rows.get(item.id)
        if row is not None and not row.is_reviewed:
            hits.append(LeakHit(item.id, item.number, "not_reviewed", ""))
        text = item.summary or ""
        if not text or not dossiers:
            continue
        leaks = find_leaks(text, dossiers)
        spans = [(leak.start, leak.end) for leak in leaks]
        hits += [
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
    return hits


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
