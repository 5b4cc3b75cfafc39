"""The pieces of an item built from a report: proposal, draft decision per language, review
script."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from flask.testing import FlaskClient

from agenda.reports import draft_decision, extract_proposal


@pytest.mark.parametrize(("text", "expected"), [
    ("Situation…\n\n4. Proposition\nOctroi : RIS au taux isolé.\n", "Octroi : RIS au taux isolé."),
    ("Toestand…\nVoorstel: toekenning van een huurwaarborg.\n",
     "toekenning van een huurwaarborg."),
    ("Lage…\n\nBeschlussvorschlag\nGewährung einer Energieprämie.\nBegründung folgt.",
     "Gewährung einer Energieprämie.\nBegründung folgt."),
    ("Un rapport sans proposition.", None),
])
def test_extract_proposal(text: str, expected: str | None) -> None:
    assert extract_proposal(text) == expected


@pytest.mark.parametrize(("language", "start", "decides"), [
    ("fr", "Vu la loi organique des CPAS du 8 juillet 1976 ;", "Décide : "),
    ("nl", "Gelet op de organieke wet van 8 juli 1976", "Beslist: "),
    ("de", "Aufgrund des Grundlagengesetzes vom 8. Juli 1976", "Beschließt: "),
])
def test_draft_decision_in_the_centre_language(language: str, start: str,
                                                decides: str) -> None:
    text = draft_decision(language, proposal="X.", reference="2026/0001",
                          report_date=date(2026, 11, 16))
    assert text.startswith(start)
    assert text.endswith(f"{decides}X.")
    assert "2026/0001" in text and ("16/11/2026" in text or "16.11.2026" in text)
    missing = draft_decision(language, proposal=None, reference="R", report_date=date.today())
    assert missing.split(decides)[1].startswith("[")


def test_review_script_is_a_static_file(client: FlaskClient, auth: Any, demo: Any) -> None:
    script = client.get("/static/review.js")
    assert script.status_code == 200 and b"getSelection" in script.data
    script.close()
    auth.login("dg")
    page = client.get(f"/meetings/{demo.csss_meeting_id}/items/{demo.csss_item_id}/review")
    html = page.get_data(as_text=True)
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/review.js">']
    assert "<script>" not in html
    assert "'unsafe-inline'" not in page.headers["Content-Security-Policy"]
