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


#: the applicant's surname one letter off ("Verhelts"), and an IBAN with an "O" for a zero
#: whose check fails: nothing validates either, so the machine leaves them, as doubts
NEAR_MISSES = ("Ancienne référence de la mutuelle : Verhelts/2026.",
               "Compte BE71 O961 2345 6799 pour le loyer.")


@pytest.mark.parametrize("sentence", NEAR_MISSES, ids=["near name", "damaged IBAN"])
def test_an_insider_cannot_approve_past_a_blocking_doubt(
        client: Any, auth: Any, session: Session, meeting: Meeting, sentence: str) -> None:
    """The approval form is disabled while a blocking doubt is undecided; a POST made by hand
    is refused all the same, and the item stays unreadable for councillors."""
    text = f"RAPPORT SOCIAL\n\n{sentence}\n\nProposition\nOctroi d'une aide de 300,00 €.\n"
    report = reports.submit_reports(session, [reports.Submission(dossier=DOSSIER, text=text)],
                                    actor=user_named(session, "socialworker"))[0].report
    item = reports.schedule_report(session, report, meeting, actor=user_named(session, "dg"))
    assert reports.blocking_doubts(session, item)
    auth.login("secretariat")
    client.post(f"/meetings/{meeting.id}/items/{item.id}/review/approve")
    session.refresh(item)
    assert not item.pseudonymisation.is_reviewed


def test_a_reference_carrying_the_name_does_not_reach_the_title(
        session: Session, meeting: Meeting) -> None:
    report = reports.submit_reports(session, [reports.Submission(
        dossier={**DOSSIER, "reference": "VERHELST-0042"},
        text="RAPPORT SOCIAL\n\nDossier VERHELST-0042.\n\nProposition\nOctroi de 300,00 €.\n",
    )], actor=user_named(session, "socialworker"))[0].report
    item = reports.schedule_report(session, report, meeting, actor=user_named(session, "dg"))
    for shown in (item.title, item.draft_decision, item.summary):
        assert "verhelst" not in shown.lower()
