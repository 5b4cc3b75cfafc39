"""Pseudonymisation of social reports (GDPR art. 4(5)): councillors see facts, never identities.

Pure Python, no Flask. Typical use by the application::

    pseudonymiser = Pseudonymiser(language_default="fr", reference_date=meeting.date)
    result = pseudonymiser.pseudonymise_meeting([(text, dossier), ...], registry=saved_registry)
    for item in result.items: item.text, item.replacements, item.key, item.doubts
    result.registry.to_dict()        # keep to continue the meeting later (encrypted: identities)
    find_leaks(reviewed_text, dossiers)  # the guard before convocation
"""

from agenda.pseudonymise.dossier import (
    Address,
    Contacts,
    Dossier,
    DossierError,
    Person,
    load_dossier,
    parse_dossier,
    parse_dossier_bytes,
)
from agenda.pseudonymise.doubts import Doubt, find_doubts
from agenda.pseudonymise.engine import (
    MeetingResult,
    PseudonymisedItem,
    Pseudonymiser,
    Replacement,
    apply_replacements,
    pseudonymise,
)
from agenda.pseudonymise.leaks import Leak, find_leaks
from agenda.pseudonymise.ner import load_model
from agenda.pseudonymise.registry import Registry
from agenda.pseudonymise.reports import MAX_REPORT_BYTES, ReportError, decode_report, read_report

__all__ = [
    "MAX_REPORT_BYTES",
    "Address",
    "Contacts",
    "Dossier",
    "DossierError",
    "Doubt",
    "Leak",
    "MeetingResult",
    "Person",
    "PseudonymisedItem",
    "Pseudonymiser",
    "Registry",
    "Replacement",
    "ReportError",
    "apply_replacements",
    "decode_report",
    "find_doubts",
    "find_leaks",
    "load_dossier",
    "load_model",
    "parse_dossier",
    "parse_dossier_bytes",
    "pseudonymise",
    "read_report",
]
