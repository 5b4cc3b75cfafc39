"""What the use cases on social reports share: their errors, the organs that may decide on a
report, and the pseudonymiser, run in one place (``pseudonymise``): by a pseudonymisation
worker of the task queue, or inline with the embedded queue (``agenda.pseudonymise_tasks``).

Identities (the dossier, the original text, the replacements with the words they replaced, the
meeting's pseudonym map) are stored only encrypted (``council.crypto``); what councillors read
(``AgendaItem.summary``) is the pseudonymised text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from flask import current_app
from flask_babel import gettext

from agenda import pseudonymise_tasks
from agenda.pseudonymise import (
    Dossier as ParsedDossier,
)
from agenda.pseudonymise import (
    PseudonymisedItem,
    Registry,
)
from agenda.pseudonymise.lexicon import LANGUAGES as PSEUDONYMISER_LANGUAGES
from council.models import (
    OrganKind,
)
from council.refusals import Refusal

#: organs that may be asked to decide on a report
REPORT_ORGANS = (OrganKind.csss, OrganKind.bureau, OrganKind.council)


class ReportError(Refusal, ValueError):
    """A use case on reports that cannot be carried out; ``str(error)`` is for the user."""

    code = "invalid_report"


class ServiceUnavailable(ReportError):
    """The pseudonymisation service did not answer; nothing was stored."""

    code = "service_unavailable"
    status = 503


class NotAllowed(ReportError):
    """The actor may not do this."""


class WrongPassword(ReportError):
    """Re-identification refused: the password given is not the user's."""


# --- the pseudonymiser, in one place ------------------------------------------------------------


def pseudonymise(
    pairs: Sequence[tuple[str, ParsedDossier]],
    *,
    language: str,
    reference_date: date,
    registry: Registry | None = None,
    as_meeting: bool = True,
) -> tuple[list[PseudonymisedItem], Registry | None]:
    """Runs the pseudonymiser (one batched pass of the model for all ``pairs``).

    ``as_meeting``: the items share letters, continuing ``registry``; otherwise each report is
    pseudonymised on its own (intake drafts) and no registry is returned. Inline for now; this
    is the one function that uses the model: a pseudonymisation worker of the task queue runs
    it (``agenda.pseudonymise_tasks``), so that web workers never load the model; when none
    answers in time, ``ServiceUnavailable`` (503) and nothing is stored."""
    try:
        return pseudonymise_tasks.pseudonymise(
            pairs, language=pseudonymiser_language(language), reference_date=reference_date,
            registry=registry, as_meeting=as_meeting)
    except pseudonymise_tasks.QueueUnavailable as error:
        current_app.logger.error("pseudonymisation worker unavailable: %s", error)
        raise ServiceUnavailable(gettext(
            "The pseudonymisation service is not available; please try again later."
        )) from error


def pseudonymiser_language(language: str) -> str:
    return language if language in PSEUDONYMISER_LANGUAGES else "fr"

