"""Social reports, from intake to the agenda: one module per family of use cases, re-exported
here so that callers write ``reports.submit_report``, ``reports.review_state``, ...

- ``common``: the errors, the organs that decide on reports, the pseudonymiser in one place;
- ``intake``: receiving reports (``files`` reads the uploaded documents);
- ``scheduling``: putting reports on a meeting, with the meeting's pseudonym registry;
- ``review``: checking and approving an item's pseudonymisation;
- ``reidentification``: who an item is about, for an authorised reader;
- ``leaks``: the leak guard run before convening;
- ``views``: the pages (blueprint ``reports``).
"""

from agenda.drafting import draft_decision
from agenda.reports.common import (
    REPORT_ORGANS,
    NotAllowed,
    ReportError,
    ServiceUnavailable,
    WrongPassword,
    pseudonymise,
)
from agenda.reports.dossiers import MAX_REFERENCE_CHARS, ReferenceTaken, identity_on
from agenda.reports.intake import (
    Submission,
    SubmittedReport,
    extract_proposal,
    parse_identity,
    report_for,
    reports_by_reference,
    reports_of,
    submit_report,
    submit_reports,
    unscheduled_reports,
)
from agenda.reports.leaks import LeakHit, check_leaks, scan_leaks
from agenda.reports.reidentification import (
    Identity,
    item_to_reidentify,
    reidentify,
    report_of_item,
)
from agenda.reports.review import (
    MAX_ADDED_CHARS,
    REVIEW_CATEGORIES,
    Addition,
    DoubtsUndecided,
    ReauthenticationRequired,
    ReviewState,
    Segment,
    TextFrozen,
    add_replacement,
    approve_pseudonymisation,
    approve_pseudonymisations,
    blocking_doubts,
    decide_doubt,
    pseudonymisation_of,
    remove_addition,
    review_state,
    reviewed_item,
    toggle_replacement,
)
from agenda.reports.scheduling import (
    MAX_SUBJECT_CHARS,
    load_registry,
    save_registry,
    schedule_report,
    schedule_reports,
)

__all__ = [
    "MAX_ADDED_CHARS", "MAX_REFERENCE_CHARS", "MAX_SUBJECT_CHARS",
    "REPORT_ORGANS", "REVIEW_CATEGORIES", "Addition", "DoubtsUndecided", "Identity", "LeakHit",
    "NotAllowed",
    "ReauthenticationRequired", "ReferenceTaken", "ReportError", "ReviewState", "Segment",
    "ServiceUnavailable", "Submission", "SubmittedReport", "TextFrozen", "WrongPassword",
    "add_replacement", "approve_pseudonymisation", "approve_pseudonymisations",
    "blocking_doubts", "check_leaks", "decide_doubt",
    "draft_decision", "extract_proposal", "identity_on", "item_to_reidentify", "load_registry",
    "parse_identity", "pseudonymisation_of", "pseudonymise", "reidentify", "remove_addition",
    "report_for", "report_of_item", "reports_by_reference", "reports_of", "review_state",
    "reviewed_item",
    "save_registry",
    "scan_leaks", "schedule_report", "schedule_reports", "submit_report", "submit_reports",
    "toggle_replacement", "unscheduled_reports",
]
