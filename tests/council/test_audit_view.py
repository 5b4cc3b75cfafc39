"""The DG's audit view: filtered by item and by user, paged, with a chain check on demand."""

from __future__ import annotations

import ast
import csv
import io
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select, update
from support import user_named

from council.audit_views import ACTION_TITLES
from council.clock import centre_today
from council.models import AuditEntry
from council.models.base import utcnow
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


# --- Readable, filtered by date, exported (issue 16, items 6 and 7) ------------------------


def _recorded_actions() -> set[str]:
    """Every action code the code passes to ``audit.record`` (or to a helper as
    ``action=``), read from the source."""
    root = Path(__file__).resolve().parents[2]
    found: set[str] = set()
    for package in ("council", "agenda", "minutes"):
        for path in (root / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                candidates = [k.value for k in node.keywords if k.arg == "action"
                              and name != "render_template"]
                if name == "record" and len(node.args) >= 2:
                    candidates.append(node.args[1])
                for candidate in candidates:
                    branches = ([candidate.body, candidate.orelse]
                                if isinstance(candidate, ast.IfExp) else [candidate])
                    found |= {b.value for b in branches
                              if isinstance(b, ast.Constant) and isinstance(b.value, str)}
    return found


def test_every_recorded_action_has_a_title() -> None:
    actions = _recorded_actions()
    assert {"aid_terms_set", "item_review_read", "login"} <= actions  # the scan works
    assert actions - ACTION_TITLES.keys() == set()


def test_page_shows_labels_not_codes(client, auth, session, demo):
    _log_some(session, demo)
    audit.record(session, "item_review_read", actor=user_named(session, "dg"),
                 object_type="agenda_item", object_id=demo.csss_item_id)
    session.commit()
    auth.login("dg")
    auth.use_language("de")
    page = client.get("/audit/").get_data(as_text=True)
    assert "item_review_read" not in page and ">agenda_item " not in page
    assert "Tagesordnungspunkt" in page


def test_filter_by_date(session, demo, time_machine):
    first = _next_id(session)
    dg = user_named(session, "dg")
    audit.record(session, "item_read", actor=dg, object_type="agenda_item", object_id=1)
    time_machine.move_to(utcnow() + timedelta(days=3))
    audit.record(session, "poll_opened", actor=dg, object_type="agenda_item", object_id=1)
    session.flush()
    today = centre_today()

    def actions(**dates):
        page = audit.read_log(session, audit.LogFilter(**dates))
        return [e.action for e, _name in page.entries if e.id >= first]

    assert actions(since=today) == ["poll_opened"]
    assert actions(until=today - timedelta(days=1)) == ["item_read"]
    assert actions(since=today - timedelta(days=3), until=today) == ["poll_opened", "item_read"]


def test_csv_export_for_the_dg_is_readable_and_cannot_run(client, auth, session, demo):
    dg = user_named(session, "dg")
    # a display name is typed by the IT administrator: a formula must stay text
    secretariat = user_named(session, "secretariat")
    secretariat.display_name = '=HYPERLINK("http://x")'
    audit.record(session, "login", actor=secretariat)
    audit.record(session, "aid_terms_set", actor=dg, object_type="agenda_item",
                 object_id=demo.csss_item_id, note="+cmd|' /C calc'!A0")
    session.commit()
    auth.login("secretariat")
    assert client.get("/audit/log.csv").status_code == 403
    auth.logout()
    auth.login("dg")
    auth.use_language("fr")
    response = client.get("/audit/log.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][3] == "Quoi"
    terms = next(row for row in rows if row[4] == "aid_terms_set")
    assert terms[3] == "Conditions de l'aide fixées" and terms[5] == "Point de l'ordre du jour"
    for row in rows[1:]:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell
    assert any("'=HYPERLINK" in cell for row in rows for cell in row)
    # the export is itself in the log, with its filters, not its entries
    exported = session.scalar(select(AuditEntry).where(AuditEntry.action == "audit_log_exported")
                              .order_by(AuditEntry.id.desc()))
    assert exported is not None and exported.actor_id == dg.id
    assert exported.details["entries"] == len(rows) - 1
    assert client.get("/audit/log.csv?since=yesterday").status_code == 400
