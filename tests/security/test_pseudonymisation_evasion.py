"""Issue 19: an insider hides the applicant's surname from the pseudonymiser with characters a
reader does not see or does not notice (pasted from a word processor, a Cyrillic look-alike, a
line break inside the name). Each attempt used to reach councillors after an approval nothing
blocked; now the name is replaced, and a reviewer who brings it back cannot approve."""

from __future__ import annotations

from typing import Any

import pytest
from report_samples import DOSSIER
from sqlalchemy.orm import Session
from support import csss_meeting_in_preparation, user_named

from agenda import reports
from council.models import Meeting

HIDDEN_SURNAMES = {
    "soft hyphen": "Kabongo-Ver\u00adhelst",
    "zero-width space": "Kabon\u200bgo-Verhelst",
    "Cyrillic o and e": "Kab\u043engo-Verh\u0435lst",
    "hyphenated at the end of a line": "Kabon-\ngo-Verhelst",
}


@pytest.fixture
def meeting(session: Session, demo: Any) -> Meeting:
    return csss_meeting_in_preparation(session, demo)


@pytest.mark.parametrize("written", HIDDEN_SURNAMES.values(), ids=HIDDEN_SURNAMES.keys())
def test_a_surname_hidden_from_the_machine_is_replaced_and_cannot_be_approved_back(
        session: Session, meeting: Meeting, written: str) -> None:
    text = (f"RAPPORT SOCIAL\n\nMadame {written} vit seule.\n\n"
            "Proposition\nOctroi d'une aide de 300,00 €.\n")
    report = reports.submit_reports(session, [reports.Submission(dossier=DOSSIER, text=text)],
                                    actor=user_named(session, "socialworker"))[0].report
    dg = user_named(session, "dg")
    item = reports.schedule_report(session, report, meeting, actor=dg)
    shown = item.summary.replace("\u00ad", "").replace("\u200b", "").replace("\n", "")
    for fragment in ("Kab", "bon", "ngo", "Ver", "hel", "lst"):
        assert fragment not in shown
    assert "Madame A. vit seule." in item.summary
    # the reviewer undoes the replacement: the hidden surname is back, and approval is refused
    reports.toggle_replacement(session, item, 0, actor=dg, reauthenticated=True)
    assert written in item.summary
    with pytest.raises(reports.ReportError):
        reports.approve_pseudonymisation(session, item, actor=dg)
