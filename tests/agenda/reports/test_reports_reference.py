"""Issue 19: a dossier reference that carries a name ("KABONGO/2026/17") reached councillors
in the item's title and decision. Such a reference is never shown: the item shows an internal
number; the letter to the beneficiary may still quote their own reference."""

from __future__ import annotations

from typing import Any

from report_samples import dossier
from sqlalchemy.orm import Session
from support import csss_meeting_in_preparation, user_named

from agenda import reports
from agenda.pseudonymise import parse_dossier
from agenda.reports.scheduling import shown_reference
from council.models import Dossier

NAMED = "KABONGO/2026/17"


def test_a_reference_that_carries_a_name_is_shown_as_an_internal_number(
        session: Session, demo: Any) -> None:
    meeting = csss_meeting_in_preparation(session, demo)
    report = reports.submit_reports(session, [reports.Submission(
        dossier=dossier(reference=NAMED),
        text=("RAPPORT SOCIAL\n\nDossier KABONGO-2026-17. Madame Kabongo-Verhelst vit seule.\n\n"
              "Proposition\nOctroi d'une aide de 450,00 € pour les arriérés de loyer.\n"),
    )], actor=user_named(session, "socialworker"))[0].report
    item = reports.schedule_report(session, report, meeting, actor=user_named(session, "dg"))
    row = session.get(Dossier, report.dossier_id)
    internal = f"INT-{row.id:05d}"
    assert item.title.endswith(f"dossier {internal}")
    assert internal in item.draft_decision
    for shown in (item.title, item.draft_decision, item.summary):
        assert "kabongo" not in shown.lower()
    assert "Dossier [référence du dossier]." in item.summary
    assert not [hit for hit in reports.check_leaks(session, meeting)
                if hit.item_id == item.id and hit.category != "not_reviewed"]


def test_a_reference_without_a_name_stays() -> None:
    row = Dossier(id=42, reference="2026/0900")
    assert shown_reference(row, parse_dossier(dossier())) == "2026/0900"
    assert shown_reference(row, parse_dossier(dossier(reference="2026-Verhelst"))) == \
        "INT-00042"
