"""Signed documents and extracts: who signs in which capacity, who gets the signed original and
who a reader's copy, who reads and issues extracts.
"""

from __future__ import annotations

from typing import Any

from council.models import (
    AgendaItem,
    Meeting,
    Role,
)
from council.models.minutes import Extract, SignatureCapacity, SignedDocument
from council.permissions.core import _role, is_councillor, is_staff
from council.permissions.meetings import can_view_meeting, is_withdrawn_from


def _presides(user: Any, meeting: Meeting | None) -> bool:
    """The president signs for the organs they sit on (the council president presides every
    committee); a document about no meeting (a letter) has no president."""
    return (meeting is not None and is_councillor(user) and user.is_president
            and can_view_meeting(user, meeting))


def can_hold_certificate(user: Any) -> bool:
    """Who uploads a signing certificate: the DG and the president, the two signers."""
    return _role(user) is Role.dg or (is_councillor(user) and user.is_president)


def signing_capacity(user: Any, meeting: Meeting | None) -> SignatureCapacity | None:
    """In which capacity the user signs a document about ``meeting``, or None: the DG as
    director-general, the president of an organ they sit on as president."""
    if _role(user) is Role.dg:
        return SignatureCapacity.director_general
    if _presides(user, meeting):
        return SignatureCapacity.president
    return None


def can_have_signed_original(user: Any, document: SignedDocument,
                             meeting: Meeting | None) -> bool:
    """Whose download of ``document`` is the signed original (with its signatures, stamped as
    an incremental update): the DG, who keeps it, and its signers, those who signed it and
    whoever signs it in a capacity it still awaits. Every other reader gets a reader's copy
    (minutes.documents), which carries no signature but cannot lose its mark."""
    if _role(user) is None:
        return False
    if _role(user) is Role.dg or any(signature.signer_id == user.id
                                      for signature in document.signatures):
        return True
    capacity = signing_capacity(user, meeting)
    return capacity is not None and capacity in document.missing_capacities


def can_send_original(user: Any, document: SignedDocument) -> bool:
    """Sending a signed original addressed outside the centre (a letter to a prosecutor, an
    extract for the person concerned) and recording its dispatch: the DG, who keeps the
    originals (``minutes.dispatch`` waits for the last signature)."""
    return _role(user) is Role.dg


def can_follow_signatures(user: Any, meeting: Meeting | None) -> bool:
    """A document's signature page and signature check: staff, and the president who signs.
    Without a meeting (a letter lifting professional secrecy): the DG only."""
    if meeting is None:
        return _role(user) is Role.dg
    return is_staff(user) or _presides(user, meeting)


def _is_files_social_worker(user: Any, item: AgendaItem) -> bool:
    pseudonymisation = getattr(item, "pseudonymisation", None)
    return (_role(user) is Role.social_worker and pseudonymisation is not None
            and pseudonymisation.report.dossier.social_worker_id == user.id)


def may_ever_view_extracts(user: Any) -> bool:
    """Whether the user's role reads any item's extracts (``can_view_extracts`` says which):
    the others are refused every item alike, existing or not."""
    return is_staff(user) or _role(user) is Role.social_worker or (
        is_councillor(user) and user.is_president)


def can_view_extracts(user: Any, item: AgendaItem) -> bool:
    """An item's extracts: staff, the president who signs them (unless withdrawn from the
    item), and the social worker in charge of the item's dossier, who notifies the decision."""
    return (is_staff(user) or (_presides(user, item.meeting) and not is_withdrawn_from(user, item))
            or _is_files_social_worker(user, item))


def can_make_extract(user: Any, item: AgendaItem) -> bool:
    """The DG and the secretariat issue pseudonymised extracts."""
    return is_staff(user)


def can_make_identified_extract(user: Any, item: AgendaItem) -> bool:
    """An extract naming the applicant: the DG and the social worker in charge of the dossier
    (after re-entering a password, audited as a re-identification)."""
    return _role(user) is Role.dg or _is_files_social_worker(user, item)


def can_read_extract(user: Any, extract: Extract) -> bool:
    """Downloading an extract; an identified one only for who may make one. The president
    signs an identified extract without reading it: its text is the pseudonymised one's."""
    if extract.is_identified:
        return can_make_identified_extract(user, extract.item)
    return can_view_extracts(user, extract.item)
