"""The register of requests to lift professional secrecy, re-exported here so that callers write
``secrecy.register_request``, ``secrecy.decide``, ...

- ``register``: registering (or referring) a request, the register, consents;
- ``decisions``: the DG's decision and the signed disclosure letter;
- ``report``: the yearly counts and the report to the council;
- ``views``: the pages (blueprint ``secrecy``).

Secrecy is held by the institution (DOMAIN.md): the DG alone decides, with written reasons; the
social worker who received a request is recorded as having referred it. Every step is audited,
never with an identity value in the details.
"""

from minutes.secrecy.decisions import (
    FIELD_REFUSALS,
    DecisionInput,
    decide,
    disclosure_values,
    letter_copy,
    letter_dispatches,
    letter_entries,
    record_letter_dispatch,
)
from minutes.secrecy.register import (
    MAX_ADDRESS,
    MAX_BASIS_REFERENCE,
    MAX_NAME,
    MAX_PURPOSE,
    MAX_REASONS,
    MAX_REFERENCE,
    MAX_REQUESTED,
    NotAllowed,
    RegisterRow,
    RequestInput,
    RequestView,
    SecrecyError,
    consent_for,
    consents_of,
    dossier_for_consents,
    read_request,
    record_consent,
    register_of,
    register_request,
    request_for,
    revoke_consent,
)
from minutes.secrecy.report import (
    YearlyCounts,
    add_yearly_report,
    report_meetings,
    yearly_counts,
    yearly_report_text,
)

__all__ = [
    "FIELD_REFUSALS",
    "MAX_ADDRESS",
    "MAX_BASIS_REFERENCE",
    "MAX_NAME",
    "MAX_PURPOSE",
    "MAX_REASONS",
    "MAX_REFERENCE",
    "MAX_REQUESTED",
    "DecisionInput",
    "NotAllowed",
    "RegisterRow",
    "RequestInput",
    "RequestView",
    "SecrecyError",
    "YearlyCounts",
    "add_yearly_report",
    "consent_for",
    "consents_of",
    "decide",
    "disclosure_values",
    "dossier_for_consents",
    "letter_copy",
    "letter_dispatches",
    "letter_entries",
    "read_request",
    "record_consent",
    "record_letter_dispatch",
    "register_of",
    "register_request",
    "report_meetings",
    "request_for",
    "revoke_consent",
    "yearly_counts",
    "yearly_report_text",
]
