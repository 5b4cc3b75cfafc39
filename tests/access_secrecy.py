"""Access expectations for the register of requests to lift professional secrecy (issue 8).

Joined into the access matrix by tests/council/test_access_matrix.py. Only the DG decides;
the social worker sees the request they referred (the demo's request 1); councillors, the
secretariat and the IT administrator see the yearly counts and nothing else.
"""

from __future__ import annotations

from support import Routes, expect

#: the demo's pending request, referred by the demo social worker
DEMO_REQUEST_ID = 1
#: the demo's first dossier (its social worker is the demo social worker)
DEMO_DOSSIER_ID = 1

REGISTER = expect(403, anonymous=302, dg=200, social_worker=200)

ROUTES: Routes = {
    ("secrecy.register", "GET"): (lambda d: "/secrecy/", None, REGISTER),
    ("secrecy.new_request", "GET"): (lambda d: "/secrecy/new", None, REGISTER),
    # an empty form: shown again with its errors
    ("secrecy.new_request", "POST"): (lambda d: "/secrecy/new", {}, REGISTER),
    ("secrecy.show_request", "GET"): (lambda d: f"/secrecy/{DEMO_REQUEST_ID}", None, REGISTER),
    # an empty decision: 400 for the DG; the social worker who referred it may not decide
    ("secrecy.decide", "POST"): (lambda d: f"/secrecy/{DEMO_REQUEST_ID}/decision", {},
                                 expect(403, anonymous=302, dg=400)),
    # nothing disclosed yet on the demo request
    ("secrecy.letter", "GET"): (lambda d: f"/secrecy/{DEMO_REQUEST_ID}/letter.pdf", None,
                                expect(403, anonymous=302, dg=404)),
    # an empty dispatch form: 400 for the DG (nothing sent yet); nobody else sends letters
    ("secrecy.record_dispatch", "POST"): (lambda d: f"/secrecy/{DEMO_REQUEST_ID}/dispatch", {},
                                          expect(403, anonymous=302, dg=400)),
    ("secrecy.find_consents", "GET"): (lambda d: "/secrecy/consents?dossier=no-such-file", None,
                                       expect(403, anonymous=302, dg=404, social_worker=404)),
    ("secrecy.consents", "GET"): (lambda d: f"/secrecy/dossiers/{DEMO_DOSSIER_ID}/consents",
                                  None, REGISTER),
    ("secrecy.consents", "POST"): (lambda d: f"/secrecy/dossiers/{DEMO_DOSSIER_ID}/consents",
                                   {}, REGISTER),
    ("secrecy.revoke_consent", "POST"): (lambda d: "/secrecy/consents/999999/revoke", {},
                                         expect(403, anonymous=302, dg=404, social_worker=404)),
    ("secrecy.counts", "GET"): (lambda d: "/secrecy/counts", None,
                                expect(200, anonymous=302, integration=403)),
    ("secrecy.council_report", "GET"): (lambda d: "/secrecy/council-report", None,
                                        expect(403, anonymous=302, dg=200)),
    ("secrecy.council_report", "POST"): (lambda d: "/secrecy/council-report", {},
                                         expect(403, anonymous=302, dg=400)),
    # a forged field: refused for the DG (400); nobody else may decide
    ("api.decide_secrecy_request", "POST"): (
        lambda d: f"/api/v1/secrecy/requests/{DEMO_REQUEST_ID}/decision",
        {"outcome": "partial", "reasons": "x", "fields": ["social_report"]},
        expect(403, anonymous=401, dg=400)),
}
