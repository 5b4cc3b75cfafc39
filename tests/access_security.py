"""Access expectations for two-factor authentication and the other security pages (issue 6).

Joined into the access matrix by tests/council/test_access_matrix.py.
"""

from __future__ import annotations

from support import Routes, expect

ROUTES: Routes = {
    ("audit.log", "GET"): (lambda d: f"/audit/?item={d.csss_item_id}", None,
                           expect(403, anonymous=302, dg=200)),
    ("settings.centre", "GET"): (lambda d: "/settings/centre", None,
                                 expect(403, anonymous=302, dg=200)),
    ("settings.centre", "POST"): (lambda d: "/settings/centre", {},
                                  expect(403, anonymous=302, dg=400)),
    ("audit.export", "GET"): (lambda d: "/audit/log.csv?since=2026-01-01", None,
                              expect(403, anonymous=302, dg=200)),
    ("audit.verify", "POST"): (lambda d: "/audit/verify", {}, expect(403, anonymous=302, dg=302)),
    # Without a password given just before, there is no one waiting for a code: back to login
    # (anonymous), or home (logged in).
    ("auth.second_factor", "GET"): (lambda d: "/login/code", None, expect(302)),
    ("auth.second_factor", "POST"): (lambda d: "/login/code", {"code": "123456"}, expect(302)),
    ("auth.two_factor_status", "GET"): (lambda d: "/account/two-factor", None,
                                        expect(200, anonymous=302)),
    ("auth.enrol", "GET"): (lambda d: "/account/two-factor/enrol", None,
                            expect(200, anonymous=302)),
    ("auth.enrol", "POST"): (lambda d: "/account/two-factor/enrol", {"code": "x"},
                             expect(200, anonymous=302)),
    # Not enrolled (no demo account is): sent to the enrolment page.
    ("auth.recovery_codes", "POST"): (lambda d: "/account/two-factor/recovery-codes", {},
                                      expect(302)),
    # Sessions that end (issue 13): the account page, its password form (an empty form is shown
    # again), "log out my other sessions", and the administrator's role change (no role given:
    # back to the accounts page).
    ("auth.account", "GET"): (lambda d: "/account", None, expect(200, anonymous=302)),
    ("auth.change_password", "POST"): (lambda d: "/account/password", {},
                                       expect(200, anonymous=302)),
    ("auth.end_other_sessions", "POST"): (lambda d: "/account/other-sessions", {}, expect(302)),
    ("main.change_role", "POST"): (
        lambda d: f"/admin/users/{d.user_ids['councillor10']}/role", {},
        expect(403, anonymous=302, admin=302)),
    ("main.reset_two_factor", "POST"): (
        lambda d: f"/admin/users/{d.user_ids['councillor10']}/two-factor/reset", {},
        expect(403, anonymous=302, admin=302)),
    # Separation of duties (issue 13): the DG's page of requests and history; the demo has no
    # request, so deciding one is a 404 for a DG (tests/security/test_separation_of_duties.py
    # decides real ones).
    ("main.account_requests_page", "GET"): (lambda d: "/accounts/requests", None,
                                            expect(403, anonymous=302, dg=200)),
    ("main.decide_account_request", "POST"): (lambda d: "/accounts/requests/999999/confirm", {},
                                              expect(403, anonymous=302, dg=404)),
    # Background jobs and confirmations (issue 7). The demo has no job: a job the user did not
    # start (or that does not exist) is a 404 for everyone; tests/council/test_jobs.py checks
    # that its creator and the DG see it.
    ("jobs.show", "GET"): (lambda d: "/jobs/999999", None, expect(404, anonymous=302)),
    ("jobs.progress", "GET"): (lambda d: "/jobs/999999/progress", None,
                               expect(404, anonymous=302)),
    # The demo CSSS meeting is convened: reports go on one at a time, as urgent (issue 15).
    ("builder.schedule_waiting_reports", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/reports/schedule-all", {},
        expect(403, anonymous=302)),
    ("builder.convene", "GET"): (lambda d: f"/meetings/{d.csss_meeting_id}/convene", None,
                                 expect(403, anonymous=302, dg=200, secretariat=200)),
    # The demo CSSS meeting is convened: its items no longer leave the agenda (back, with why).
    ("builder.remove_item", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/remove", None,
        expect(403, anonymous=302, dg=302, secretariat=302)),
}
