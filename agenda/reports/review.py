"""Review of an item's pseudonymisation: the replacements kept or dropped, the ones a reviewer
adds, and the approval."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from flask_babel import force_locale, gettext, lazy_gettext, ngettext
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from agenda.guard import guard_texts
from agenda.proposals import Proposal, find_proposal
from agenda.pseudonymise import (
    Dossier as ParsedDossier,
)
from agenda.pseudonymise import (
    Doubt,
    Registry,
    Replacement,
    apply_replacements,
    find_doubts,
    parse_dossier,
)
from agenda.pseudonymise.text import fold, tokenize
from agenda.pseudonymise.thirdparty import third_party_ref
from agenda.reports.common import NotAllowed, ReportError, pseudonymiser_language
from agenda.reports.leaks import LeakHit, check_leaks, scan_leaks
from agenda.reports.scheduling import load_registry, save_registry
from council import permissions
from council.crypto import decrypt_bytes, decrypt_json, encrypt_bytes, encrypt_json
from council.models import (
    AgendaItem,
    Centre,
    DoubtDecision,
    DoubtDecisionRecord,
    ItemPseudonymisation,
    ItemStatus,
    Meeting,
    MeetingStatus,
    SocialReport,
    User,
)
from council.refusals import Denied, NotFound
from council.services import audit

MAX_ADDED_CHARS = 120


@dataclass(frozen=True)
class Segment:
    """A piece of the reviewed text: plain, a replacement (``index``: machine replacements by
    number, reviewer's additions as "a0", "a1"…), or an undone replacement."""

    text: str
    kind: str = "plain"  # plain, replacement, added, undone
    category: str = ""
    index: str = ""


@dataclass(frozen=True)
class Addition:
    text: str
    replacement: str
    category: str


@dataclass
class ReviewState:
    item: AgendaItem
    pseudonymisation: ItemPseudonymisation
    segments: list[Segment]
    #: every machine replacement, in order, for the undo/restore buttons
    replacements: list[Segment]
    additions: list[Addition]
    doubts: list[Any]
    leaks: list[LeakHit] = field(default_factory=list)
    #: whether the reviewer may undo a replacement (see the original word again)
    may_undo: bool = False
    #: the report's sentence the draft decision was prefilled with, for the DG to check
    proposal: Proposal | None = None
    #: the doubts that block approval until a reviewer decides them
    blocking: list[Any] = field(default_factory=list)
    #: the decisions taken on blocking doubts: (the doubted words, the decision)
    decisions: list[tuple[str, DoubtDecisionRecord]] = field(default_factory=list)


class ReauthenticationRequired(ReportError):
    """Seeing an original word needs the reviewer's password (and code) again first."""

    code = "reauthentication_required"
    status = 401


class DoubtsUndecided(ReportError):
    """A doubt that blocks approval ("close to a name of the dossier", "unmatched
    identifier") has no reviewer's decision yet."""

    code = "doubts_undecided"
    status = 409


class TextFrozen(ReportError):
    """The item is decided, or its meeting closed: its text no longer changes here."""

    code = "text_frozen"
    status = 409


@dataclass
class StoredPseudonymisation:
    row: ItemPseudonymisation
    original: str
    machine: list[Replacement]
    key: dict[str, Any]
    added: list[dict[str, Any]]
    dossier: ParsedDossier


def pseudonymisation_of(session: Session, item: AgendaItem) -> ItemPseudonymisation | None:
    return session.scalar(
        select(ItemPseudonymisation)
        .where(ItemPseudonymisation.item_id == item.id)
        .options(selectinload(ItemPseudonymisation.report).selectinload(SocialReport.dossier))
    )


def reviewed_item(session: Session, user: User, meeting_id: int, item_id: int) -> AgendaItem:
    """The one loader of an item whose pseudonymisation staff review: ``Denied`` for other
    roles; ``NotFound`` for no such item of the meeting, or one not made from a report."""
    if not permissions.can_manage_meetings(user):
        raise Denied()
    item = session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting_id or item.pseudonymisation is None:
        raise NotFound()
    if not permissions.can_review_item(user, item):
        raise Denied()
    return item


def load_pseudonymisation(session: Session, item: AgendaItem) -> StoredPseudonymisation:
    row = pseudonymisation_of(session, item)
    if row is None:
        raise ReportError(gettext("This item was not built from a social report."))
    stored = decrypt_json(row.replacements_encrypted)
    return StoredPseudonymisation(
        row=row,
        original=decrypt_bytes(row.report.original_encrypted).decode("utf-8"),
        machine=[Replacement(**r) for r in stored["replacements"]],
        key=stored.get("key", {}),
        added=decrypt_json(row.added_encrypted) if row.added_encrypted else [],
        dossier=parse_dossier(decrypt_json(row.report.dossier.identity_encrypted)),
    )


def _added_replacements(
    original: str, kept: Sequence[Replacement], added: Sequence[dict[str, Any]]
) -> list[tuple[int, Replacement]]:
    """Every occurrence of each added word (any case, any accents, whole words) outside the
    kept machine replacements, with the number of the addition it comes from."""
    folded = fold(original)
    taken = [(r.start, r.end) for r in kept]
    found = []
    for number, entry in enumerate(added):
        pattern = re.compile(rf"(?<!\w){re.escape(fold(entry['text']))}(?!\w)")
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            found.append(
                (
                    number,
                    Replacement(
                        start,
                        end,
                        original[start:end],
                        entry["replacement"],
                        entry["category"],
                        "reviewer",
                    ),
                )
            )
    return found


def _kept(loaded: StoredPseudonymisation) -> list[Replacement]:
    undone = set(loaded.row.undone)
    return [r for i, r in enumerate(loaded.machine) if i not in undone]


def _recompute(session: Session, loaded: StoredPseudonymisation, *, actor: User,
               action: str) -> None:
    """item.summary from the original and the kept and added replacements; any change reopens
    the review; audited without the words."""
    kept = _kept(loaded)
    added = [r for _, r in _added_replacements(loaded.original, kept, loaded.added)]
    item = loaded.row.item
    item.summary = apply_replacements(loaded.original, kept + added)
    if loaded.row.is_reviewed:
        loaded.row.reviewed_at = None
        loaded.row.reviewed_by_id = None
    audit.record(session, action, actor=actor, object_type="agenda_item", object_id=item.id)
    session.commit()


def _require_review(actor: User, item: AgendaItem) -> None:
    if not permissions.can_review_item(actor, item):
        raise NotAllowed(
            gettext("Only the director-general and the secretariat review pseudonymisations.")
        )


#: an item in these states, or of a meeting in the next ones, keeps the text it was decided on
_FROZEN_ITEMS = (ItemStatus.voting, ItemStatus.decided)
_FROZEN_MEETINGS = (MeetingStatus.closed, MeetingStatus.cancelled)


def _require_change(actor: User, item: AgendaItem) -> None:
    """A change of the reviewed text: by a reviewer, while the item is not decided."""
    _require_review(actor, item)
    if item.status in _FROZEN_ITEMS or item.meeting.status in _FROZEN_MEETINGS:
        raise TextFrozen(gettext("This item is being voted on or decided, or its meeting is "
                                 "closed: its text stays as it was decided."))


def may_see_originals(actor: User, report: SocialReport) -> bool:
    return permissions.can_see_originals(
        actor, report,
        secretariat_sees_originals=current_app.config["COUNCIL_SECRETARIAT_SEES_ORIGINALS"])


def review_state(session: Session, item: AgendaItem, *, actor: User) -> ReviewState:
    """What the review page shows: the text in segments with every replacement marked, the
    reviewer's additions, the doubts and the leak guard's hits for this item."""
    _require_review(actor, item)
    loaded = load_pseudonymisation(session, item)
    segments, spans = _segments(loaded)
    doubts = _doubts(session, loaded, spans)
    decisions = _decisions(session, loaded.row)
    additions = [Addition(a["text"], a["replacement"], a["category"]) for a in loaded.added]
    leaks = [hit for hit in scan_leaks(session, item.meeting) if hit.item_id == item.id]
    audit.record(session, "item_review_read", actor=actor, object_type="agenda_item",
                 object_id=item.id)
    session.commit()
    undone = set(loaded.row.undone)
    listed = [
        Segment(r.replacement, "undone" if i in undone else "replacement", r.category, str(i))
        for i, r in enumerate(loaded.machine)
    ]
    return ReviewState(item, loaded.row, segments, listed, additions, doubts, leaks,
                       may_undo=may_see_originals(actor, loaded.row.report),
                       proposal=find_proposal(item.summary or ""),
                       blocking=_undecided(doubts, decisions),
                       decisions=decisions)


def _segments(loaded: StoredPseudonymisation) -> tuple[list[Segment], list[tuple[int, int]]]:
    """The reviewed text in segments, and the spans of its pseudonyms in ``item.summary``."""
    undone = set(loaded.row.undone)
    kept = _kept(loaded)
    added = _added_replacements(loaded.original, kept, loaded.added)
    marks: list[tuple[Replacement, str, str]] = [
        (r, "replacement", str(i)) for i, r in enumerate(loaded.machine) if i not in undone
    ]
    marks += [(r, "added", f"a{number}") for number, r in added]
    applied = [(r.start, r.end) for r, _, _ in marks]
    # an undone replacement shows its original word, unless an addition now covers part of it
    marks += [
        (r, "undone", str(i))
        for i, r in enumerate(loaded.machine)
        if i in undone and not any(s < r.end and r.start < e for s, e in applied)
    ]
    segments, position, spans = [], 0, []
    out_length = 0
    for replacement, kind, index in sorted(marks, key=lambda m: m[0].start):
        plain = loaded.original[position : replacement.start]
        if plain:
            segments.append(Segment(plain))
            out_length += len(plain)
        shown = replacement.original if kind == "undone" else replacement.replacement
        segments.append(Segment(shown, kind, replacement.category, index))
        if kind != "undone":
            spans.append((out_length, out_length + len(shown)))
        out_length += len(shown)
        position = replacement.end
    if loaded.original[position:]:
        segments.append(Segment(loaded.original[position:]))
    return segments, spans


def _doubts(session: Session, loaded: StoredPseudonymisation,
            spans: Sequence[tuple[int, int]]) -> list[Doubt]:
    """``find_doubts`` on the item's text, but for the municipality, which stays by design."""
    places = {fold(place) for place in (
        session.scalar(select(Centre.municipality)),
        loaded.dossier.address.city if loaded.dossier.address else None,
    ) if place}
    return [
        doubt for doubt in find_doubts(
            loaded.row.item.summary or "",
            ignore=spans,
            known_names=[p.full_name for p in loaded.dossier.persons],
            language=loaded.dossier.language or "fr",
        )
        if fold(doubt.text) not in places
    ]


def _decisions(session: Session,
               row: ItemPseudonymisation) -> list[tuple[str, DoubtDecisionRecord]]:
    records = session.scalars(
        select(DoubtDecisionRecord)
        .where(DoubtDecisionRecord.pseudonymisation_id == row.id)
        .options(selectinload(DoubtDecisionRecord.decided_by))
        .order_by(DoubtDecisionRecord.decided_at, DoubtDecisionRecord.id)
    )
    return [(decrypt_bytes(r.text_encrypted).decode("utf-8"), r) for r in records]


def _undecided(doubts: Sequence[Doubt],
               decisions: Sequence[tuple[str, DoubtDecisionRecord]]) -> list[Doubt]:
    """The blocking doubts no reviewer decided yet (a decision holds for the same words and
    kind of doubt wherever they stand in the item)."""
    decided = {(fold(text), record.reason) for text, record in decisions}
    return [d for d in doubts if d.blocks and (fold(d.text), d.reason) not in decided]


def blocking_doubts(session: Session, item: AgendaItem) -> list[Doubt]:
    """The doubts of ``item`` that still block its approval."""
    loaded = load_pseudonymisation(session, item)
    _, spans = _segments(loaded)
    return _undecided(_doubts(session, loaded, spans), _decisions(session, loaded.row))


def decide_doubt(session: Session, item: AgendaItem, text: str, reason: str,
                 decision: DoubtDecision, *, actor: User) -> None:
    """A reviewer's decision on a doubt that blocks approval: the words stay as they are
    (``kept``), or are replaced everywhere in the item (``replaced``: a name gets a letter,
    an identifier a placeholder). Recorded with who and when; audited without the words."""
    _require_change(actor, item)
    doubt = next((d for d in blocking_doubts(session, item)
                  if d.text == text and d.reason == reason), None)
    if doubt is None:
        raise ReportError(gettext("This doubt is no longer in the text, or already decided."))
    row = item.pseudonymisation
    if decision is DoubtDecision.replaced:
        category = "other" if reason == "unmatched identifier" else "name"
        add_replacement(session, item, text, actor=actor, category=category)
    session.add(DoubtDecisionRecord(
        pseudonymisation_id=row.id, text_encrypted=encrypt_bytes(text.encode("utf-8")),
        reason=reason, decision=decision, decided_by_id=actor.id,
    ))
    audit.record(session, "pseudonymisation_doubt_decided", actor=actor,
                 object_type="agenda_item", object_id=item.id, reason=reason,
                 decision=decision.value)
    session.commit()


def toggle_replacement(session: Session, item: AgendaItem, index: int, *, actor: User,
                       reauthenticated: bool = False) -> None:
    """Undoes a machine replacement (the original word comes back), or restores it.

    Undoing shows a word of the original: a re-identification, refused to reviewers who may
    not see originals (``may_see_originals``), asked again of the others unless they gave
    their password within the last minutes (``reauthenticated``, the caller's to say), and
    audited as ``reidentification`` (the replacement's number, never the word)."""
    _require_change(actor, item)
    loaded = load_pseudonymisation(session, item)
    if not 0 <= index < len(loaded.machine):
        raise ReportError(gettext("No such replacement."))
    undone = set(loaded.row.undone)
    if index not in undone:
        if not may_see_originals(actor, loaded.row.report):
            raise NotAllowed(gettext("Undoing a replacement shows the original word: only "
                                     "those who may re-identify the report do it."))
        if not reauthenticated:
            raise ReauthenticationRequired(gettext(
                "Undoing a replacement shows the original word: confirm it is you."))
        audit.record(session, "reidentification", actor=actor, object_type="agenda_item",
                     object_id=item.id, meeting_id=item.meeting_id, purpose="review_undo",
                     replacement=index + 1)
    undone.symmetric_difference_update({index})
    loaded.row.undone = sorted(undone)
    _recompute(session, loaded, actor=actor, action="pseudonymisation_changed")


REVIEW_CATEGORIES = ("name", "other")


def add_replacement(
    session: Session, item: AgendaItem, text: str, *, actor: User, category: str = "name"
) -> None:
    """Replaces a word or name the machine left, everywhere in the item: a name gets a letter
    of the meeting's registry (kept in the meeting key), anything else a placeholder."""
    _require_change(actor, item)
    if category not in REVIEW_CATEGORIES:
        raise ReportError(gettext("Choose what the text is: a name or another detail."))
    text = " ".join(text.split())
    if not text or len(text) > MAX_ADDED_CHARS or not re.search(r"\w", text):
        raise ReportError(
            gettext(
                "Give the word or name to replace (at most %(size)d characters).",
                size=MAX_ADDED_CHARS,
            )
        )
    loaded = load_pseudonymisation(session, item)
    if any(fold(a["text"]) == fold(text) for a in loaded.added):
        raise ReportError(gettext("This text is already replaced."))
    probe = [{"text": text, "replacement": "", "category": category}]
    if not _added_replacements(loaded.original, _kept(loaded), probe):
        raise ReportError(gettext("This text does not appear in the report as it stands."))
    language = pseudonymiser_language(
        loaded.dossier.language or item.meeting.organ.centre.language.value
    )
    if category == "name":
        replacement = _letter_for(session, item.meeting, text, loaded.dossier.reference)
    else:
        with force_locale(language):
            replacement = gettext("[masked detail]")
    loaded.added = [*loaded.added, {"text": text, "replacement": replacement, "category": category}]
    loaded.row.added_encrypted = encrypt_json(loaded.added)
    _recompute(session, loaded, actor=actor, action="pseudonymisation_changed")


def _letter_for(session: Session, meeting: Meeting, name: str, scope: str) -> str:
    """The meeting registry's letter for a name a reviewer added in the item of dossier
    ``scope`` (a new letter, or the one of the same person in this item, or elsewhere in the
    meeting when the name holds their surname); the registry is saved, encrypted."""
    registry = load_registry(session, meeting) or Registry()
    tokens = tokenize(name)
    key = registry.canonical(third_party_ref(name, tokens, scope)) if tokens else None
    if key is None:
        raise ReportError(
            gettext(
                "Give the word or name to replace (at most %(size)d characters).",
                size=MAX_ADDED_CHARS,
            )
        )
    letter = f"{registry.entry(key).letter}."
    save_registry(session, meeting, registry)
    return letter


def remove_addition(session: Session, item: AgendaItem, index: int, *, actor: User) -> None:
    """Takes back a replacement the reviewer added."""
    _require_change(actor, item)
    loaded = load_pseudonymisation(session, item)
    if not 0 <= index < len(loaded.added):
        raise ReportError(gettext("No such replacement."))
    loaded.added = [a for i, a in enumerate(loaded.added) if i != index]
    loaded.row.added_encrypted = encrypt_json(loaded.added) if loaded.added else None
    _recompute(session, loaded, actor=actor, action="pseudonymisation_changed")


def approve_pseudonymisation(session: Session, item: AgendaItem, *, actor: User,
                             override_reason: str | None = None) -> None:
    """Approves the reviewed text: councillors may read it from now on. Refused while the leak
    guard still finds a known identity in it, or the identity guard anything that could name
    a person (``override_reason``: the DG's)."""
    approve_pseudonymisations(session, item.meeting, [item], actor=actor,
                              override_reason=override_reason)


def approve_pseudonymisations(
    session: Session, meeting: Meeting, items: Sequence[AgendaItem], *, actor: User,
    override_reason: str | None = None,
) -> None:
    """Approves several items of one meeting at once (one leak scan); refused, for all of
    them, while the leak guard finds a known identity in any, or the identity guard anything
    that could name a person in a summary (a replacement the reviewer undid, for one)."""
    for item in items:
        _require_change(actor, item)
    rows = {
        row.item_id: row
        for row in session.scalars(
            select(ItemPseudonymisation).where(
                ItemPseudonymisation.item_id.in_([item.id for item in items])
            )
        )
    }
    if len(rows) != len(items):
        raise ReportError(gettext("This item was not built from a social report."))
    wanted = set(rows)
    if any(
        hit.item_id in wanted and hit.category != "not_reviewed"
        for hit in check_leaks(session, meeting)
    ):
        raise ReportError(
            gettext("The text still shows a known identity: replace it before approving.")
        )
    undecided = [item.number for item in items if blocking_doubts(session, item)]
    if undecided:
        raise DoubtsUndecided(ngettext(
            "Item %(numbers)s has doubts to decide (keep or replace) before approving.",
            "Items %(numbers)s have doubts to decide (keep or replace) before approving.",
            len(undecided), numbers=", ".join(str(n) for n in undecided)))
    guard_texts(
        session,
        {f"item-{item.id}": item.summary for item in items},
        labels={f"item-{item.id}": lazy_gettext("Item %(number)d", number=item.number)
                for item in items},
        actor=actor, meeting=meeting, override_reason=override_reason,
        object_type="meeting", object_id=meeting.id,
    )
    for item in items:
        rows[item.id].approve(actor)
        if item.status is ItemStatus.draft:
            item.status = ItemStatus.ready
        audit.record(
            session,
            "pseudonymisation_approved",
            actor=actor,
            object_type="agenda_item",
            object_id=item.id,
        )
    session.commit()
