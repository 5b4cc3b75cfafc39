"""Access expectations for minutes, extracts, signatures and notification letters (issue 5).

Joined into the access matrix by tests/council/test_access_matrix.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from support import Routes, expect

#: the demo CSSS meeting is convened, not held: its minutes do not exist yet, so the staff's
#: pages about them answer 404 and starting them is refused (a flash and a redirect)
_MEETING_PAGE = expect(200, anonymous=302, admin=403, social_worker=403, non_member=404,
                       integration=403)
_STAFF_ONLY = expect(403, anonymous=302, non_member=404, dg=404, secretariat=404)
_READERS = expect(404, anonymous=302, admin=403, social_worker=403, integration=403)


def _minutes_path(suffix: str = "") -> Callable[[Any], str]:
    return lambda d: f"/meetings/{d.csss_meeting_id}/minutes{suffix}"


ROUTES: Routes = {
    # --- Minutes (drafting, approval, copies) ---
    ("minutes.overview", "GET"): (_minutes_path(), None, _MEETING_PAGE),
    ("minutes.start", "POST"): (_minutes_path("/start"), {},
                                expect(403, anonymous=302, non_member=404, dg=302,
                                       secretariat=302)),
    ("minutes.edit", "GET"): (_minutes_path("/edit"), None, _STAFF_ONLY),
    ("minutes.edit", "POST"): (_minutes_path("/edit"), {}, _STAFF_ONLY),
    ("minutes.revision", "GET"): (_minutes_path("/revisions/1"), None, _STAFF_ONLY),
    # the organ's decision on the previous minutes, recorded at the sitting (issue 15): the
    # demo CSSS meeting's first item; it is only convened, the previous minutes are the demo's
    ("minutes.record_approval", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_approval_item_id}"
                  "/minutes-approval", None,
        expect(403, anonymous=302, dg=200, president=200, non_member=404)),
    ("minutes.record_approval", "POST"): (  # not in session yet: refused with the reason
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_approval_item_id}"
                  "/minutes-approval", {},
        expect(403, anonymous=302, dg=200, president=200, non_member=404)),
    # the correction of a decision (issue 15): the DG's; the demo item is not decided (409)
    ("minutes.revise_decision", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/decision", None,
        expect(403, anonymous=302, dg=200, non_member=404)),
    ("minutes.revise_decision", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/decision",
        {"text": "x", "reason": "y"}, expect(403, anonymous=302, dg=400, non_member=404)),
    # refused to every role but the DG before the item is looked up: a 403 that says nothing
    ("api.revise_decision", "POST"): (
        lambda d: f"/api/v1/items/{d.csss_item_id}/decision-revisions",
        {"text": "x", "reason": "y"}, expect(403, anonymous=401, dg=409)),
    ("api.list_decisions", "GET"): (lambda d: "/api/v1/decisions", None,
                                    expect(403, anonymous=401, dg=200, integration=200)),
    ("minutes.download", "GET"): (_minutes_path(".pdf"), None, _READERS),
    ("api.get_minutes_pdf", "GET"): (
        lambda d: f"/api/v1/meetings/{d.csss_meeting_id}/minutes.pdf", None,
        expect(404, integration=403, anonymous=401, admin=403, social_worker=403)),
}

# --- Signatures and extracts ---
#: the demo holds no signed document: whoever passes the login gets 404 from the document pages
#: (who may sign or read an existing one: tests/minutes/test_sign_documents.py, test_extracts.py)
_NO_DOCUMENT = expect(404, anonymous=302)
_SIGNERS = expect(403, anonymous=302, dg=200, president=200)


def _extracts_path(d: object) -> str:
    return f"/items/{d.csss_item_id}/extracts"  # type: ignore[attr-defined]


ROUTES.update({
    ("signatures.certificate", "GET"): (lambda d: "/account/certificate", None, _SIGNERS),
    # both demo signers already have a certificate: a second upload is refused
    ("signatures.certificate", "POST"): (lambda d: "/account/certificate", {},
                                         expect(403, anonymous=302, dg=422, president=422)),
    ("signatures.withdraw_certificate", "POST"): (
        lambda d: "/account/certificate/0/withdraw", {},
        expect(403, anonymous=302, dg=404, president=404)),
    ("signatures.pending", "GET"): (lambda d: "/signatures", None, _SIGNERS),
    ("signatures.sign", "GET"): (lambda d: "/documents/0/sign", None, _NO_DOCUMENT),
    ("signatures.sign", "POST"): (lambda d: "/documents/0/sign", {}, _NO_DOCUMENT),
    ("signatures.check", "GET"): (lambda d: "/documents/0/check", None, _NO_DOCUMENT),
    ("signatures.download", "GET"): (lambda d: "/documents/0.pdf", None, _NO_DOCUMENT),
    # the demo holds no extract: the same 404 for every id (issue 16: sending an original)
    ("signatures.extract_original", "GET"): (lambda d: "/extracts/0/original.pdf", None,
                                             _NO_DOCUMENT),
    ("signatures.extract_dispatch", "POST"): (lambda d: "/extracts/0/dispatch", {},
                                              _NO_DOCUMENT),
    # staff, the president of the CSSS and the dossier's social worker see an item's extracts
    ("signatures.item_extracts", "GET"): (
        _extracts_path, None,
        expect(403, anonymous=302, dg=200, secretariat=200, president=200, social_worker=200)),
    # the demo item is not decided yet: staff are refused with the reason (422)
    ("signatures.item_extracts", "POST"): (
        _extracts_path, {}, expect(403, anonymous=302, dg=422, secretariat=422)),
})

# Notification letters: the DG and the social worker of the demo's files reach the dashboard and
# the decisions of the demo's past CSSS meeting (the letter flow itself is in
# tests/minutes/test_notifications.py).
_NOTIFIERS = {"anonymous": 302, "dg": 200, "social_worker": 200}
_NO_LETTER = {"anonymous": 302, "dg": 404, "social_worker": 404}
ROUTES.update({
    ("notifications.dashboard", "GET"): (lambda d: "/notifications/", None,
                                         expect(403, **_NOTIFIERS)),
    ("notifications.decision", "GET"): (
        lambda d: f"/notifications/items/{d.decided_item_id}", None, expect(403, **_NOTIFIERS)),
    ("notifications.save_terms", "POST"): (  # empty form: refused with the form's errors
        lambda d: f"/notifications/items/{d.decided_item_id}", {},
        expect(403, anonymous=302, dg=400, social_worker=400)),
    ("notifications.generate", "POST"): (  # no terms yet: back to the page with the reason
        lambda d: f"/notifications/items/{d.decided_item_id}/letters", {},
        expect(403, anonymous=302, dg=302, social_worker=302)),
    ("notifications.letter", "GET"): (
        lambda d: "/notifications/letters/0.pdf", None, expect(403, **_NO_LETTER)),
    ("notifications.record_sending", "POST"): (
        lambda d: "/notifications/letters/0/sent", {"method": "against_receipt"},
        expect(403, **_NO_LETTER)),
})
