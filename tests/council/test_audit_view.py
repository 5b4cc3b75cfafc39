"""The DG's audit view: filtered by item and by user, paged, with a chain check on demand."""

from __future__ import annotations

from sqlalchemy import func, select, update
from support import user_named

from council.models import AuditEntry
from council.services import audit


def _log_some(session, demo):
    dg, secretariat = user_named(session, "dg"), user_named(session, "secretariat")
    audit.record(session, "item_read", actor=dg, object_type="agenda_item",
                 object_id=demo.csss_item_id)
    audit.record(session, "document_downloaded", actor=secretariat, object_type="extract",
                 object_id=7, item_id=demo.csss_item_id)
    audit.record(session, "item_read", actor=secretariat, object_type="agenda_item",
                 object_id=demo.csss_item_id + 1)
    session.flush()
    return dg, secretariat


def _newer_than(page, first_id):
    return [(e.action, name) for e, name in page.entries if e.id >= first_id]


def _next_id(session):
    return (session.scalar(select(func.max(AuditEntry.id))) or 0) + 1


def test_filter_by_item_finds_the_item_as_object_and_in_details(session, demo):
    first = _next_id(session)
    dg, secretariat = _log_some(session, demo)
    page = audit.read_log(session, audit.LogFilter(item_id=demo.csss_item_id))
    assert _newer_than(page, first) == [("document_downloaded", secretariat.display_name),
                                        ("item_read", dg.display_name)]


def test_filter_by_user_and_item(session, demo):
    first = _next_id(session)
    _, secretariat = _log_some(session, demo)
    page = audit.read_log(session, audit.LogFilter(item_id=demo.csss_item_id,
                                                   actor_id=secretariat.id))
    assert _newer_than(page, first) == [("document_downloaded", secretariat.display_name)]


def test_pages_go_back_through_the_log(session, demo, monkeypatch):
    monkeypatch.setattr(audit, "PAGE_SIZE", 2)
    _log_some(session, demo)
    first = audit.read_log(session, audit.LogFilter())
    second = audit.read_log(session, audit.LogFilter(before_id=first.older_than))
    assert len(first.entries) == 2 and first.older_than == first.entries[-1][0].id
    assert all(e.id < first.older_than for e, _ in second.entries)


def test_page_shows_entries_for_the_dg(client, auth, session, demo):
    _log_some(session, demo)
    auth.login("dg")
    auth.use_language("en")
    page = client.get(f"/audit/?item={demo.csss_item_id}").get_data(as_text=True)
    assert "Closed-session item read" in page and "Document downloaded" in page
    assert client.get("/audit/?item=abc").status_code == 400


def test_chain_check_reports_tampering(client, auth, session, demo):
    _log_some(session, demo)
    auth.login("dg")
    auth.use_language("en")
    page = client.post("/audit/verify", follow_redirects=True).get_data(as_text=True)
    assert "The audit log is intact" in page
    session.execute(update(AuditEntry).where(AuditEntry.action == "document_downloaded")
                    .values(action="item_read"))
    page = client.post("/audit/verify", follow_redirects=True).get_data(as_text=True)
    assert "The audit log was altered at entry" in page
