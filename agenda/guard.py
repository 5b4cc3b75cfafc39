"""The identity guard: one check for every text members (or anyone but the file's DG and social
worker) will read, run where such a text is saved, approved, convened, signed or sent.

Watched: item titles and draft decisions (the agenda builder), the minutes' texts and the notes
of their revisions (the minutes editor, approval, corrections), withdrawal reasons; the leak
guard before convening (``agenda.reports.leaks``) reads the same overrides. The detection is
pure (``agenda.pseudonymise.guard``); here it gets what it looks for: the identities of the
meeting's dossiers and of the centre's dossiers of the last ``LOOKBACK``, the names that may
appear (the centre's members and staff) and, with a task-queue broker (``COUNCIL_QUEUE_URL``),
the statistical model's person names, asked of a pseudonymisation worker: a web worker never
loads the model. With the embedded queue (development, tests), the rules only.

A hit refuses the use case (``IdentityInText``, the hits listed with their field, kind and a
masked excerpt) before anything is stored. Only the DG may let a text through, with a written
reason: the text's keyed digest is kept (``GuardOverride``), so the same text is not stopped
again, and the audit entry names the fields and the kinds of hits, never the text.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import timedelta
from typing import Any

from flask import current_app
from flask_babel import gettext, ngettext
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from agenda import pseudonymise_tasks
from agenda.pseudonymise import Dossier as ParsedDossier
from agenda.pseudonymise import parse_dossier
from agenda.pseudonymise.guard import Hit, allowed_tokens, find_identities, text_for_model
from agenda.pseudonymise.lexicon import LANGUAGES
from council import permissions
from council.crypto import decrypt_json, encrypt_json, text_digests
from council.models import (
    AgendaItem,
    Dossier,
    GuardOverride,
    ItemPseudonymisation,
    Meeting,
    Member,
    SocialReport,
    User,
)
from council.models.base import utcnow
from council.refusals import Refusal
from council.services import audit

#: dossiers received or updated within this period are looked for in every text
LOOKBACK = timedelta(days=365)
#: the longest reason the DG may give for letting a text through
REASON_MAX = 1000
_DIGEST_PURPOSE = "identity guard override"


class GuardRefusal(Refusal):
    """The identity guard did not let a text through; nothing was stored."""


class GuardUnavailable(GuardRefusal):
    """The pseudonymisation service, which finds names for the guard, did not answer."""

    code = "service_unavailable"
    status = 503


class IdentityInText(GuardRefusal):
    """A text members will read could name a person; ``hits`` say where (field, kind, masked
    excerpt). Nothing was stored."""

    code = "identity_in_text"
    status = 422

    def __init__(self, hits: list[Hit], labels: Mapping[str, Any], message: str | None = None):
        places = [gettext("%(field)s: %(kind)s, “%(excerpt)s”",
                          field=labels.get(h.field, h.field), kind=kind_title(h.kind),
                          excerpt=h.masked)
                  for h in hits]
        intro = message or ngettext(
            "This text could identify a person (%(num)d place): rewrite it without the name, "
            "number or address.",
            "This text could identify a person (%(num)d places): rewrite it without the "
            "names, numbers or addresses.",
            len(hits),
        )
        super().__init__(
            " ".join([intro, "; ".join(places) + "."]),
            hits=[{"field": h.field, "kind": h.kind, "excerpt": h.masked} for h in hits],
        )
        self.hits = hits


def kind_title(kind: str) -> str:
    """The kind of a hit, for people."""
    return {
        "name": gettext("a name"),
        "niss": gettext("a national register number"),
        "iban": gettext("a bank account number"),
        "phone": gettext("a phone number"),
        "email": gettext("an e-mail address"),
        "address": gettext("an address"),
        "birth_date": gettext("a birth date"),
    }.get(kind, kind)


def known_dossiers(session: Session, on_meeting: Collection[int]) -> list[ParsedDossier]:
    """The identities to look for: the dossiers ``on_meeting`` (ids) and the centre's dossiers
    received or updated within ``LOOKBACK``, each decrypted once."""
    return known_dossiers_by_meeting(session, {0: on_meeting})[0]


def known_dossiers_by_meeting(session: Session, on_meetings: Mapping[int, Collection[int]]
                              ) -> dict[int, list[ParsedDossier]]:
    """``known_dossiers`` for several meetings at once (meeting id → its dossiers' ids): one
    query, each dossier decrypted once."""
    since = utcnow() - LOOKBACK
    wanted = set().union(*on_meetings.values())
    rows = session.scalars(
        select(Dossier).where(
            or_(Dossier.id.in_(wanted), Dossier.created_at >= since, Dossier.updated_at >= since)
        ).order_by(Dossier.id)
    ).all()
    parsed = {row.id: parse_dossier(decrypt_json(row.identity_encrypted)) for row in rows}
    recent = {row.id for row in rows
              if row.created_at >= since or (row.updated_at is not None
                                             and row.updated_at >= since)}
    return {meeting: [parsed[row.id] for row in rows if row.id in recent or row.id in ids]
            for meeting, ids in on_meetings.items()}


def _meeting_dossier_ids(session: Session, meeting: Meeting | None) -> set[int]:
    if meeting is None:
        return set()
    return set(
        session.scalars(
            select(SocialReport.dossier_id)
            .join(ItemPseudonymisation, ItemPseudonymisation.report_id == SocialReport.id)
            .join(AgendaItem, AgendaItem.id == ItemPseudonymisation.item_id)
            .where(AgendaItem.meeting_id == meeting.id)
        )
    )


def _allowed_names(session: Session) -> frozenset[str]:
    """The members' and staff's names: a text may say who withdrew, who presides, who signs."""
    members = session.scalars(select(Member)).all()
    users = session.scalars(select(User.display_name)).all()
    return allowed_tokens([*(m.full_name for m in members), *users])


def _model_entities(texts: Mapping[str, str]) -> dict[str, list[tuple[int, int]]]:
    """The model's person spans of each text, from a pseudonymisation worker; none with the
    embedded queue (the model is too heavy for a web worker)."""
    fields = list(texts)
    try:
        found = pseudonymise_tasks.person_entities(
            [text_for_model(texts[field]) for field in fields])
    except pseudonymise_tasks.QueueUnavailable as error:
        current_app.logger.error("pseudonymisation worker unavailable: %s", error)
        raise GuardUnavailable(gettext(
            "The pseudonymisation service is not available; please try again later."
        )) from error
    if found is None:
        return {}
    return dict(zip(fields, found, strict=True))


def cleared_texts(session: Session, texts: Iterable[str]) -> set[str]:
    """Those of ``texts`` the DG let through (under any configured data key)."""
    by_digest = {digest: text for text in set(texts)
                 for digest in text_digests(text, purpose=_DIGEST_PURPOSE)}
    if not by_digest:
        return set()
    found = session.scalars(
        select(GuardOverride.text_digest).where(GuardOverride.text_digest.in_(by_digest))
    )
    return {by_digest[digest] for digest in found}


def guard_texts(
    session: Session,
    texts: Mapping[str, str | None],
    *,
    labels: Mapping[str, Any],
    actor: Any,
    meeting: Meeting | None,
    override_reason: str | None = None,
    object_type: str,
    object_id: int | None = None,
) -> None:
    """Refuses (``IdentityInText``) when a text of ``texts`` (field → text) could name a
    person, unless the DG gives ``override_reason``: then the texts are let through, recorded
    and audited in the caller's transaction. ``labels`` name the fields for people."""
    written = {field: text for field, text in texts.items() if text and text.strip()}
    if not written:
        return
    cleared = cleared_texts(session, written.values())
    pending = {field: text for field, text in written.items() if text not in cleared}
    if not pending:
        return
    language = meeting.organ.centre.language.value if meeting is not None else "fr"
    hits = find_identities(
        pending,
        known_dossiers(session, _meeting_dossier_ids(session, meeting)),
        language=language if language in LANGUAGES else "fr",
        allowed=_allowed_names(session),
        entities=_model_entities(pending),
    )
    if not hits:
        return
    reason = " ".join((override_reason or "").split())
    if not reason:
        raise IdentityInText(hits, labels)
    if not permissions.can_override_identity_guard(actor):
        raise IdentityInText(hits, labels, gettext(
            "Only the director general may let through a text that could identify a person."))
    if len(reason) > REASON_MAX:
        raise IdentityInText(hits, labels, gettext(
            "The reason is too long (at most %(max)d characters).", max=REASON_MAX))
    _let_through(session, pending, hits, reason, actor=actor, object_type=object_type,
                 object_id=object_id)


def _let_through(session: Session, pending: Mapping[str, str], hits: list[Hit], reason: str, *,
                 actor: Any, object_type: str, object_id: int | None) -> None:
    fields = sorted({hit.field for hit in hits})
    kinds = sorted({hit.kind for hit in hits})
    for field in fields:
        session.add(GuardOverride(
            text_digest=text_digests(pending[field], purpose=_DIGEST_PURPOSE)[0],
            kinds=",".join(sorted({h.kind for h in hits if h.field == field})),
            reason_encrypted=encrypt_json(reason), created_by_id=actor.id))
    session.flush()
    audit.record(session, "identity_guard_overridden", actor=actor, object_type=object_type,
                 object_id=object_id, fields=",".join(fields), kinds=",".join(kinds),
                 hits=len(hits))
