"""Scheduling reports on a meeting, reviewing their pseudonymisation, approval, councillors'
access, re-identification and the leak guard."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient
from report_samples import DOSSIER, IDENTITY_VALUES, OTHER_DOSSIER, OTHER_TEXT, TEXT
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import csss_meeting_in_preparation, user_named

from agenda import reports
from council.crypto import decrypt_json
from council.models import (
    AgendaItem,
    AuditEntry,
    ItemKind,
    ItemPseudonymisation,
    Meeting,
    MeetingPseudonymKey,
    MeetingStatus,
    OrganKind,
    ReportStatus,
    Role,
    SocialReport,
    User,
)
from council.security import hash_password


@pytest.fixture
def meeting(session: Session, demo: Any) -> Meeting:
    """A new, empty CSSS meeting in preparation, a week after the demo's."""
    return csss_meeting_in_preparation(session, demo)


@pytest.fixture
def submitted(session: Session) -> list[SocialReport]:
    results = reports.submit_reports(session, [
        reports.Submission(dossier=DOSSIER, text=TEXT),
        reports.Submission(dossier=OTHER_DOSSIER, text=OTHER_TEXT),
    ], actor=user_named(session, "socialworker"))
    return [result.report for result in results]


@pytest.fixture
def items(session: Session, meeting: Meeting, submitted: list[SocialReport]) -> list[AgendaItem]:
    """The two reports scheduled one after the other (two calls, one shared registry)."""
    dg = user_named(session, "dg")
    return [reports.schedule_report(session, report, meeting, actor=dg)
            for report in submitted]


# --- scheduling -----------------------------------------------------------------------------


def test_schedule_builds_closed_individual_aid_items(session: Session, meeting: Meeting,
                                                     items: list[AgendaItem],
                                                     submitted: list[SocialReport]) -> None:
    first, second = items
    assert [first.number, second.number] == [1, 2]
    assert first.kind is ItemKind.individual_aid and first.is_closed_session
    assert first.title == "Aide sociale individuelle — dossier 2026/0900"
    assert first.draft_decision.startswith("Vu la loi organique des CPAS du 8 juillet 1976")
    assert "Considérant" in first.draft_decision
    assert first.draft_decision.endswith(
        "Décide : Octroi d'une aide de 450,00 € pour les arriérés de loyer.")
    for report, item in zip(submitted, items, strict=True):
        assert report.status is ReportStatus.scheduled and report.item_id == item.id
        row = session.scalar(select(ItemPseudonymisation)
                             .where(ItemPseudonymisation.item_id == item.id))
        assert row.machine_text == item.summary and not row.is_reviewed
        for value in IDENTITY_VALUES:
            assert value not in item.summary and value not in item.title
            assert value not in item.draft_decision
    key = session.scalar(select(MeetingPseudonymKey)
                         .where(MeetingPseudonymKey.meeting_id == meeting.id))
    assert b"Kabongo" not in key.registry_encrypted
    assert "Kabongo" in json.dumps(decrypt_json(key.registry_encrypted))


def test_letters_are_consistent_across_the_items_of_a_meeting(items: list[AgendaItem]) -> None:
    first, second = items
    assert "Madame A." in first.summary
    # the landlord named in both reports keeps one letter; the second applicant gets a new one
    assert "Son propriétaire, Monsieur C." in first.summary
    assert "Son propriétaire, Monsieur C." in second.summary
    assert "Monsieur D." in second.summary


def test_items_are_numbered_after_existing_ones(session: Session, meeting: Meeting,
                                                submitted: list[SocialReport]) -> None:
    session.add(AgendaItem(meeting_id=meeting.id, number=1, kind=ItemKind.minutes_approval,
                           title="Approbation du procès-verbal"))
    session.commit()
    items = reports.schedule_reports(session, submitted, meeting, actor=user_named(session, "dg"),
                                     subjects=["Revenu d'intégration", None])
    assert [item.number for item in items] == [2, 3]
    assert items[0].title == "Revenu d'intégration — dossier 2026/0900"


def test_schedule_refusals(session: Session, meeting: Meeting, items: list[AgendaItem],
                           submitted: list[SocialReport]) -> None:
    dg = user_named(session, "dg")
    with pytest.raises(reports.ReportError):  # already scheduled
        reports.schedule_report(session, submitted[0], meeting, actor=dg)
    fresh = reports.submit_report(session, reports.Submission(dossier=DOSSIER, text=TEXT),
                                  actor=user_named(session, "socialworker")).report
    with pytest.raises(reports.ReportError):  # the subject names the person
        reports.schedule_report(session, fresh, meeting, actor=dg,
                                subject="Aide pour Madame Kabongo-Verhelst")
    with pytest.raises(reports.NotAllowed):
        reports.schedule_report(session, fresh, meeting, actor=user_named(session, "councillor1"))
    bureau_report = reports.submit_report(
        session, reports.Submission(dossier=DOSSIER, text=TEXT, organ=OrganKind.bureau),
        actor=user_named(session, "socialworker")).report
    with pytest.raises(reports.ReportError):  # for another organ
        reports.schedule_report(session, bureau_report, meeting, actor=dg)
    assert fresh.status is ReportStatus.submitted


def test_meeting_reports_page_lists_waiting_reports_without_identity(
        client: FlaskClient, auth: Any, meeting: Meeting, submitted: list[SocialReport],
        session: Session) -> None:
    auth.login("secretariat")
    auth.use_language("en")
    page = client.get(f"/meetings/{meeting.id}/reports").get_data(as_text=True)
    assert "2026/0900" in page and "2026/0901" in page
    assert "Claire Delvaux" in page  # the social worker
    for value in IDENTITY_VALUES:
        assert value not in page
    response = client.post(f"/meetings/{meeting.id}/reports/{submitted[0].id}/schedule",
                           data={"subject": "Aide au loyer"})
    assert response.status_code == 302
    assert "/review" in response.headers["Location"]
    session.refresh(submitted[0])
    assert submitted[0].status is ReportStatus.scheduled
    assert submitted[0].item.title == "Aide au loyer — dossier 2026/0900"
    page = client.get(f"/meetings/{meeting.id}/reports").get_data(as_text=True)
    assert "2026/0900" not in page


# --- review ---------------------------------------------------------------------------------


def _review_url(item: AgendaItem) -> str:
    return f"/meetings/{item.meeting_id}/items/{item.id}/review"


def test_review_page_marks_every_replacement(client: FlaskClient, auth: Any,
                                             items: list[AgendaItem]) -> None:
    auth.login("dg")
    auth.use_language("en")
    page = client.get(_review_url(items[0])).get_data(as_text=True)
    assert page.count('<mark class="repl repl-replacement"') == 8
    assert 'data-category="iban"' in page and 'data-index="0"' in page
    assert "review.js" in page
    doubts = page.split('id="doubts-title"')[1].split("</section>")[0]
    assert "Hautrival" not in doubts  # the municipality stays by design: no doubt
    for value in IDENTITY_VALUES:
        assert value not in page


def test_undo_restore_add_and_remove(client: FlaskClient, auth: Any, session: Session,
                                     items: list[AgendaItem]) -> None:
    item = items[0]
    auth.login("dg")  # undoing shows the original word: the DG's, just after the password
    # undo the first replacement (the applicant's name): the word comes back in the text
    assert client.post(f"{_review_url(item)}/replacements/0").status_code == 302
    session.refresh(item)
    assert item.summary.startswith("RAPPORT SOCIAL\n\nMadame Mireille Kabongo-Verhelst")
    page = client.get(_review_url(item)).get_data(as_text=True)
    assert 'repl-undone' in page and "Kabongo-Verhelst" in page
    hits = [h for h in reports.check_leaks(session, item.meeting) if h.item_id == item.id]
    assert {h.category for h in hits} >= {"name", "not_reviewed"}
    # restore it
    client.post(f"{_review_url(item)}/replacements/0")
    session.refresh(item)
    row = session.scalar(select(ItemPseudonymisation)
                         .where(ItemPseudonymisation.item_id == item.id))
    assert item.summary == row.machine_text
    # add a word the machine left, as a name: a letter of the meeting, everywhere
    response = client.post(f"{_review_url(item)}/additions",
                           data={"text": "FOREM", "category": "other"})
    assert response.status_code == 302
    session.refresh(item)
    assert "FOREM" not in item.summary and "[donnée masquée]" in item.summary
    client.post(f"{_review_url(item)}/additions", data={"text": "loyer", "category": "name"})
    session.refresh(item)
    assert "loyer" not in item.summary and "arriérés de E." in item.summary
    client.post(f"{_review_url(item)}/additions/0/remove")
    client.post(f"{_review_url(item)}/additions/0/remove")
    session.refresh(item)
    assert item.summary == row.machine_text
    details = session.scalars(select(AuditEntry.details).where(
        AuditEntry.action == "pseudonymisation_changed", AuditEntry.object_id == item.id)).all()
    assert len(details) == 6
    undone = session.scalars(select(AuditEntry.details).where(
        AuditEntry.action == "reidentification", AuditEntry.object_id == item.id)).all()
    assert [d["purpose"] for d in undone] == ["review_undo"], "the undo, not the restore"
    assert all("FOREM" not in json.dumps(d) and "Kabongo" not in json.dumps(d)
               for d in details)


def test_add_refuses_text_that_is_not_there(client: FlaskClient, auth: Any, session: Session,
                                            items: list[AgendaItem]) -> None:
    auth.login("dg")
    auth.use_language("en")
    response = client.post(f"{_review_url(items[0])}/additions",
                           data={"text": "Madame A.", "category": "name"},
                           follow_redirects=True)
    assert "This text does not appear in the report as it stands." in \
        response.get_data(as_text=True)


def test_members_read_an_item_only_once_approved(client: FlaskClient, auth: Any,
                                                 api_token: Any, session: Session,
                                                 items: list[AgendaItem]) -> None:
    item = items[0]
    item.meeting.status = MeetingStatus.convened
    session.commit()
    path = f"/meetings/{item.meeting_id}/items/{item.id}"
    headers = api_token("councillor1")
    auth.login("councillor1")
    assert client.get(path).status_code == 404
    assert client.get(f"/api/v1/items/{item.id}", headers=headers).status_code == 404
    meeting_page = client.get(f"/meetings/{item.meeting_id}").get_data(as_text=True)
    assert item.title in meeting_page  # the title stays visible
    auth.logout()
    auth.login("dg")
    assert client.get(path).status_code == 200  # staff always
    assert client.post(f"{_review_url(item)}/approve").status_code == 302
    session.refresh(item)
    assert item.pseudonymisation.is_reviewed
    assert item.pseudonymisation.reviewed_by_id == user_named(session, "dg").id
    auth.logout()
    auth.login("councillor1")
    page = client.get(path)
    assert page.status_code == 200 and "Madame A." in page.get_data(as_text=True)
    assert client.get(f"/api/v1/items/{item.id}", headers=headers).status_code == 200


def test_approval_refused_while_an_identity_leaks_and_reopened_by_a_change(
        client: FlaskClient, auth: Any, session: Session, items: list[AgendaItem]) -> None:
    item = items[0]
    auth.login("dg")
    client.post(f"{_review_url(item)}/replacements/0")  # the name comes back
    client.post(f"{_review_url(item)}/approve")
    session.refresh(item)
    assert not item.pseudonymisation.is_reviewed
    client.post(f"{_review_url(item)}/replacements/0")
    client.post(f"{_review_url(item)}/approve")
    session.refresh(item)
    assert item.pseudonymisation.is_reviewed
    client.post(f"{_review_url(item)}/additions", data={"text": "FOREM", "category": "other"})
    session.refresh(item)
    assert not item.pseudonymisation.is_reviewed


# --- re-identification ----------------------------------------------------------------------


def _identity_url(item: AgendaItem) -> str:
    return f"/meetings/{item.meeting_id}/items/{item.id}/identity"


@pytest.mark.parametrize("username", ["dg", "socialworker"])
def test_reidentification_needs_the_password_and_is_audited(
        client: FlaskClient, auth: Any, session: Session, items: list[AgendaItem],
        username: str) -> None:
    item = items[0]
    auth.login(username)
    auth.use_language("en")
    page = client.get(_identity_url(item))
    assert page.status_code == 200
    assert "Kabongo" not in page.get_data(as_text=True)
    wrong = client.post(_identity_url(item), data={"password": "not-my-password"})
    assert "Wrong password" in wrong.get_data(as_text=True)
    assert "Kabongo" not in wrong.get_data(as_text=True)
    password = {"dg": "demo-dg", "socialworker": "demo-socialworker"}[username]
    shown = client.post(_identity_url(item), data={"password": password})
    text = shown.get_data(as_text=True)
    assert shown.status_code == 200
    assert "no-store" in shown.headers["Cache-Control"]
    assert "Mireille Kabongo-Verhelst" in text and "Hector Vandeputte" in text
    assert "Madame Mireille Kabongo-Verhelst, née le 12/03/1984" in text  # the original
    user_id = user_named(session, username).id
    actions = session.execute(select(AuditEntry.action, AuditEntry.actor_id,
                                     AuditEntry.object_id)
                              .where(AuditEntry.action.like("reidentification%"))
                              .order_by(AuditEntry.id)).all()
    assert [tuple(a) for a in actions] == [("reidentification_failed", user_id, item.id),
                                           ("reidentification", user_id, item.id)]


@pytest.mark.parametrize("username", ["secretariat", "councillor1", "president", "admin"])
def test_reidentification_refused_to_everyone_else(client: FlaskClient, auth: Any,
                                                   items: list[AgendaItem],
                                                   username: str) -> None:
    auth.login(username)
    for response in (client.get(_identity_url(items[0])),
                     client.post(_identity_url(items[0]), data={"password": "x"})):
        assert response.status_code == 403
        assert "Kabongo" not in response.get_data(as_text=True)


def test_reidentification_refused_to_another_social_worker(client: FlaskClient, auth: Any,
                                                           session: Session,
                                                           items: list[AgendaItem]) -> None:
    session.add(User(username="socialworker2", password_hash=hash_password("other-password"),
                     role=Role.social_worker, display_name="Autre assistante"))
    session.commit()
    auth.login("socialworker2", "other-password")
    # another social worker's file answers as an item that does not exist: existence stays
    # confidential (issue 14, item 4)
    assert client.post(_identity_url(items[0]),
                       data={"password": "other-password"}).status_code == 404


# --- leak guard -----------------------------------------------------------------------------


def test_demo_meeting_is_clean(session: Session, demo: Any) -> None:
    assert reports.check_leaks(session, session.get(Meeting, demo.csss_meeting_id)) == []


def test_unreviewed_items_block(session: Session, meeting: Meeting,
                                items: list[AgendaItem]) -> None:
    hits = reports.check_leaks(session, meeting)
    assert [(h.item_number, h.category) for h in hits] == [(1, "not_reviewed"),
                                                           (2, "not_reviewed")]
    reports.approve_pseudonymisations(session, meeting, items, actor=user_named(session, "dg"))
    assert reports.check_leaks(session, meeting) == []


def test_a_leak_of_a_recent_dossier_is_found_and_masked(session: Session, meeting: Meeting,
                                                        submitted: list[SocialReport]) -> None:
    session.add(AgendaItem(
        meeting_id=meeting.id, number=5, kind=ItemKind.general, title="Divers",
        summary="Le conseil prend acte du courrier de Madame Kabongo-Verhelst (compte "
                f"{DOSSIER['contacts']['iban']}) au sujet du chauffage collectif."))
    session.commit()
    hits = reports.check_leaks(session, meeting)
    assert {h.category for h in hits} == {"name", "iban"}
    assert all(h.item_number == 5 and h.reference == "2026/0900" for h in hits)
    for hit in hits:
        assert "[•••]" in hit.where and "chauffage" in hit.where
        for value in IDENTITY_VALUES:
            assert value not in hit.where
    assert all(isinstance(h, reports.LeakHit) for h in hits)
    with pytest.raises(AttributeError):
        hits[0].category = "x"  # type: ignore[misc]


def test_leak_guard_queries_do_not_grow_with_items(session: Session, meeting: Meeting,
                                                   items: list[AgendaItem],
                                                   count_queries: Any) -> None:
    def queries() -> int:
        session.expire_all()
        counter = count_queries()
        reports.check_leaks(session, meeting)
        return counter.count

    before = queries()
    extra = reports.submit_reports(session, [
        reports.Submission(dossier={**OTHER_DOSSIER, "reference": f"2026/09{n:02d}"},
                           text=OTHER_TEXT) for n in range(10, 16)],
        actor=user_named(session, "socialworker"))
    reports.schedule_reports(session, [e.report for e in extra], meeting,
                             actor=user_named(session, "dg"))
    for number in range(20, 30):
        session.add(AgendaItem(meeting_id=meeting.id, number=number, kind=ItemKind.general,
                               title=f"Point {number}", summary="Rien à signaler."))
    session.commit()
    assert queries() == before


def test_review_page_lists_the_leaks_of_the_item(client: FlaskClient, auth: Any,
                                                 items: list[AgendaItem]) -> None:
    auth.login("dg")
    auth.use_language("en")
    client.post(f"{_review_url(items[0])}/replacements/0")
    page = client.get(_review_url(items[0])).get_data(as_text=True)
    assert "Leak guard" in page and "[•••]" in page


def test_an_addition_inside_an_undone_replacement(client: FlaskClient, auth: Any,
                                                  session: Session,
                                                  items: list[AgendaItem]) -> None:
    item = items[0]
    auth.login("dg")
    client.post(f"{_review_url(item)}/replacements/0")
    client.post(f"{_review_url(item)}/additions", data={"text": "Kabongo", "category": "name"})
    session.refresh(item)
    assert "Kabongo" not in item.summary and "Mireille A.-Verhelst" in item.summary
    page = client.get(_review_url(item)).get_data(as_text=True)
    assert "Kabongo" not in page
    assert f'{_review_url(item)}/replacements/0"' in page  # can still be restored
    assert 'data-index="a0"' in page


def test_another_familys_child_named_alone_keeps_a_letter_of_its_own(
        session: Session, meeting: Meeting, items: list[AgendaItem]) -> None:
    """Issue 19: "Lina" in one report became "B. (6 ans)", the letter of another family's
    child, and kept it after the DG's correction."""
    first = items[0]
    assert "son fils B. (10 ans)" in first.summary
    later = reports.submit_reports(session, [reports.Submission(
        dossier={**OTHER_DOSSIER, "reference": "2026/0902"},
        text="RAPPORT SOCIAL\n\nMonsieur Grégoire Wauthier héberge Timothée, un ami.\n",
    )], actor=user_named(session, "socialworker"))[0].report
    dg = user_named(session, "dg")
    item = reports.schedule_report(session, later, meeting, actor=dg)
    assert "B." not in item.summary and "ans)" not in item.summary
    assert "Timothée" not in item.summary
    assert item.summary.endswith("Monsieur D. héberge E., un ami.\n")
    # the DG undoes the machine's replacement and adds the name again, by hand
    state = reports.review_state(session, item, actor=dg)
    assert [r.text for r in state.replacements] == ["Monsieur D.", "E."]
    reports.toggle_replacement(session, item, 1, actor=dg, reauthenticated=True)
    assert "Timothée" in item.summary
    reports.add_replacement(session, item, "Timothée", actor=dg)
    assert item.summary.endswith("Monsieur D. héberge E., un ami.\n")


def test_review_page_shows_which_sentence_prefilled_the_decision(
        client: FlaskClient, auth: Any, items: list[AgendaItem]) -> None:
    auth.login("dg")
    auth.use_language("en")
    page = client.get(_review_url(items[0])).get_data(as_text=True)
    section = page.split('id="decision-title"')[1].split("</section>")[0]
    assert "prefilled with the report's proposal heading" in section
    assert "Octroi d&#39;une aide de 450,00 € pour les arriérés de loyer." in section
    assert f"/meetings/{items[0].meeting_id}/items/{items[0].id}/edit" in section
