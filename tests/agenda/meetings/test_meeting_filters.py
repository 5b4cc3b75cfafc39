"""Finding things (issue 16, item 7): meetings filtered by organ, year and state; the reports
and decisions of a dossier by its reference, for those who may read them, and the same
silence for anyone else whether the dossier exists or not."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from council.models import Meeting, MeetingStatus, OrganKind, SocialReport


def _listed(client: FlaskClient, query: str) -> set[int]:
    html = client.get(f"/meetings/?{query}").get_data(as_text=True)
    table = html[html.index('<section class="card"><'):] if '<section class="card"><' in html \
        else html
    return {int(m) for m in re.findall(r'href="/meetings/(\d+)"', table)}


def test_meetings_filtered_by_organ_year_and_state(client: FlaskClient, auth,
                                                  session: Session) -> None:
    meetings = session.scalars(select(Meeting)).all()
    auth.login("dg")
    auth.use_language("en")
    everything = _listed(client, "")
    assert everything == {m.id for m in meetings}
    csss = {m.id for m in meetings if m.organ.kind is OrganKind.csss}
    assert _listed(client, "organ=csss") == csss
    closed = {m.id for m in meetings if m.status is MeetingStatus.closed}
    assert closed and _listed(client, "status=closed") == closed
    year = meetings[0].day.year
    assert _listed(client, f"year={year}") == {m.id for m in meetings if m.day.year == year}
    assert _listed(client, f"year={year - 5}") == set()
    assert _listed(client, "organ=csss&status=closed") == csss & closed
    # a value that is not a choice filters nothing, and breaks nothing
    assert _listed(client, "organ=parliament&status=x&year=20xx") == everything


def test_a_councillor_filters_only_the_meetings_they_may_see(client: FlaskClient, auth,
                                                            session: Session) -> None:
    auth.login("councillor5")  # sits on the council only
    visible = _listed(client, "")
    assert _listed(client, "organ=csss") == set() and visible


def test_dossier_reference_finds_reports_and_decisions_for_staff_only(
        client: FlaskClient, auth, session: Session) -> None:
    report = session.scalars(select(SocialReport).where(SocialReport.item_id.is_not(None))
                             ).first()
    reference = report.dossier.reference
    auth.login("secretariat")
    auth.use_language("en")
    page = client.get(f"/meetings/?reference={reference}").get_data(as_text=True)
    assert f"/reports/{report.id}" in page
    assert f"/meetings/{report.item.meeting_id}/items/{report.item_id}" in page
    unknown = client.get("/meetings/?reference=1999/9999").get_data(as_text=True)
    assert "Nothing found for this reference." in unknown
    auth.logout()
    # a councillor gets neither the field nor an answer: the same page, existing or not
    auth.login("councillor1")
    auth.use_language("en")
    known = client.get(f"/meetings/?reference={reference}").get_data(as_text=True)
    assert 'name="reference"' not in known and f"/reports/{report.id}" not in known
    assert "Reports and decisions of dossier" not in known
    other = client.get("/meetings/?reference=1999/9999").get_data(as_text=True)
    # the language menu sends the user back to this address: only that differs
    assert known.replace(reference, "…") == other.replace("1999/9999", "…")
