"""Correcting a dossier's identity after the fact (issue 16): the social worker in charge of the
dossier, or the DG, opens the identity in force in the same form as the intake and saves a new
version (``dossiers.change_identity``: written once, audited). The reference stays: it names the
dossier. Opening the identity is a re-identification and goes to the audit log too.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from sqlalchemy.orm import Session

from agenda.reports.dossiers import change_identity
from agenda.reports.intake import parse_identity
from council import permissions
from council.crypto import decrypt_json
from council.models import Dossier, Language, User
from council.refusals import Denied, NotFound
from council.services import audit


def dossier_to_correct(session: Session, user: User, dossier_id: int) -> Dossier:
    """The loader of a dossier to correct: ``Denied`` for roles that correct no dossier;
    ``NotFound`` for no such dossier and for another social worker's alike."""
    if not permissions.may_ever_change_dossiers(user):
        raise Denied()
    dossier = session.get(Dossier, dossier_id)
    if dossier is None or not permissions.can_change_dossier(user, dossier):
        raise NotFound()
    return dossier


def identity_to_correct(session: Session, dossier: Dossier, *, actor: User) -> Any:
    """The identity in force, decrypted for the correction form; the opening is audited (the
    fact, never the content)."""
    audit.record(session, "dossier_identity_opened", actor=actor, object_type="dossier",
                 object_id=dossier.id)
    session.commit()
    return decrypt_json(dossier.identity_encrypted)


def correct_identity(session: Session, dossier: Dossier, identity: dict[str, Any], *,
                     actor: User) -> bool:
    """Stores ``identity`` as the dossier's new version, checked as at intake (``IntakeError``
    naming what is wrong); the reference is the dossier's. Whether anything changed."""
    if not permissions.can_change_dossier(actor, dossier):
        raise NotFound()
    identity = {**identity, "reference": dossier.reference}
    parsed = parse_identity(identity)
    language = Language(parsed.language) if parsed.language else dossier.language
    try:
        changed = change_identity(session, dossier, identity, language=language, actor=actor)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return changed


def correction_message(changed: bool) -> str:
    return (gettext("Dossier identity corrected: a new version is recorded.") if changed
            else gettext("Nothing changed in the dossier identity."))
