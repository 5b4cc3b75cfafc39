"""Dossiers and their identities: owned by their social worker, kept as versions.

A reference names one dossier of the centre, in the hands of one social worker; only they (or
the DG) give it a new identity, and each identity is a new version written once, so that a
letter or a disclosure reads the identity in force when the organ decided, not whatever was
sent since. The size of an identity is bounded: every leak scan reads the identities of the
meeting and of the recent dossiers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from agenda.reports.common import ReportError
from agenda.reports.files import IntakeError
from council import permissions
from council.clock import CENTRE_TIMEZONE
from council.crypto import decrypt_json, encrypt_json
from council.models import Dossier, DossierIdentity, Language, User
from council.models.base import utcnow
from council.services import audit

#: at most this many people in a household or among the third parties of one dossier
MAX_PEOPLE = 30
#: at most this many first names for one person
MAX_FIRST_NAMES = 8
#: at most this many characters in any one value of a dossier (the reference has its own)
MAX_VALUE_CHARS = 200
#: at most this many characters in the reference (Dossier.reference)
MAX_REFERENCE_CHARS = 40


class ReferenceTaken(ReportError):
    """The reference is another social worker's dossier: its identity is not theirs to change."""

    code = "reference_taken"
    status = 409


def size_problems(data: Any) -> list[str]:
    """What makes a dossier too large to store, as ``path: problem``; empty when it fits.
    Checked before anything else reads the dossier."""
    problems: list[str] = []
    if not isinstance(data, dict):
        return problems  # the dossier's own parser says what is wrong with its shape
    for key in ("household", "third_parties"):
        people = data.get(key)
        if isinstance(people, list) and len(people) > MAX_PEOPLE:
            problems.append(gettext("%(field)s: more than %(count)d people",
                                    field=key, count=MAX_PEOPLE))
    for path, value in _values(data, "dossier"):
        if isinstance(value, list) and path.endswith("first_names") and (
                len(value) > MAX_FIRST_NAMES):
            problems.append(gettext("%(field)s: more than %(count)d first names",
                                    field=path, count=MAX_FIRST_NAMES))
        limit = MAX_REFERENCE_CHARS if path == "dossier.reference" else MAX_VALUE_CHARS
        if isinstance(value, str) and len(value) > limit:
            problems.append(gettext("%(field)s: longer than %(count)d characters",
                                    field=path, count=limit))
    return problems[:5]


def _values(data: Any, path: str) -> Iterable[tuple[str, Any]]:
    """Every value of a JSON structure with its path (the nesting depth is already bounded
    by the input guard, and the list lengths above)."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _values(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data[:MAX_PEOPLE + 1]):
            yield from _values(value, f"{path}[{index}]")


def check_size(data: Any) -> None:
    """IntakeError naming what is too large."""
    problems = size_problems(data)
    if problems:
        raise IntakeError(gettext("The dossier is not valid: %(errors)s",
                                  errors="; ".join(problems)))


def owned_dossiers(session: Session, references: Iterable[str], *,
                   actor: User) -> dict[str, Dossier]:
    """The existing dossiers of ``references``, by reference; ReferenceTaken when one of them
    is not ``actor``'s to change."""
    dossiers = {d.reference: d for d in session.scalars(
        select(Dossier).where(Dossier.reference.in_(set(references))))}
    for reference, dossier in dossiers.items():
        if not permissions.can_change_dossier(actor, dossier):
            raise ReferenceTaken(gettext(
                "The reference %(reference)s is a dossier of another social worker: check the "
                "reference, or ask the director-general.", reference=reference))
    return dossiers


def new_dossier(session: Session, *, reference: str, language: Language, identity: Any,
                actor: User) -> Dossier:
    """A dossier in ``actor``'s hands, with its first identity."""
    dossier = Dossier(reference=reference, language=language,
                      identity_encrypted=encrypt_json(identity), social_worker_id=actor.id)
    session.add(dossier)
    _add_version(session, dossier, identity, actor=actor, version=1)
    return dossier


def change_identity(session: Session, dossier: Dossier, identity: Any, *, language: Language,
                    actor: User) -> bool:
    """A new version of the dossier's identity, unless it is the same as the current one;
    audited (the fact, never the content). Whether a version was added."""
    if not permissions.can_change_dossier(actor, dossier):
        raise ReferenceTaken(gettext("This dossier is not yours to change."))
    dossier.language = language
    if decrypt_json(dossier.identity_encrypted) == identity:
        return False
    dossier.identity_encrypted = encrypt_json(identity)
    dossier.updated_at = utcnow()
    latest = session.scalar(select(DossierIdentity.version)
                            .where(DossierIdentity.dossier_id == dossier.id)
                            .order_by(DossierIdentity.version.desc()).limit(1)) or 0
    _add_version(session, dossier, identity, actor=actor, version=latest + 1)
    audit.record(session, "dossier_identity_changed", actor=actor, object_type="dossier",
                 object_id=dossier.id, version=latest + 1)
    return True


def _add_version(session: Session, dossier: Dossier, identity: Any, *, actor: User,
                 version: int) -> None:
    session.add(DossierIdentity(dossier=dossier, version=version,
                                identity_encrypted=encrypt_json(identity),
                                recorded_by_id=actor.id))


def identity_on(session: Session, dossier: Dossier, day: date) -> Any:
    """The identity in force at the end of ``day`` (Belgian time), the day an organ decided:
    the latest version recorded by then, or the first one when all came later (a dossier
    received after the fact is about the same person). Decrypted: the caller audits the
    re-identification it is part of."""
    end_of_day = datetime.combine(day + timedelta(days=1), time.min, tzinfo=CENTRE_TIMEZONE)
    row = session.scalar(
        select(DossierIdentity).where(DossierIdentity.dossier_id == dossier.id,
                                      DossierIdentity.recorded_at < end_of_day)
        .order_by(DossierIdentity.version.desc()).limit(1))
    if row is None:
        row = session.scalar(select(DossierIdentity)
                             .where(DossierIdentity.dossier_id == dossier.id)
                             .order_by(DossierIdentity.version).limit(1))
    return decrypt_json(row.identity_encrypted if row else dossier.identity_encrypted)
