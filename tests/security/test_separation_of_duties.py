"""Separation of duties (issue 13, item 2): the IT administrator cannot grant himself content.

Observed: the administrator created an account with the DG's role, logged in with it,
re-identified an applicant and read the audit log; he could also reset anyone's second factor,
the DG's included. Each path below is replayed by the administrator and now stays pending or is
refused; the DG's confirmation (or the operator's command for the only DG) makes it effective.
"""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import PASSWORDS, user_named

from council import permissions
from council.models import (
    AccountRequest,
    AccountRequestKind,
    AccountRequestState,
    AuditEntry,
    Language,
    Member,
    Role,
    User,
)
from council.services import account_requests, two_factor

NEW_PASSWORD = "chosen-by-the-admin"
HOLDERS_PASSWORD = "replaced-by-the-holder"
#: pages an account without a role may see: its own account, logging in and out, languages
OWN_PAGES = {"main.home", "static", "api-docs.openapi_json", "auth.login", "auth.account",
             "auth.two_factor_status", "auth.enrol", "auth.second_factor"}


@pytest.fixture(autouse=True)
def _in_english(session: Session) -> None:
    """Every demo account reads English (the test's requests share one application context,
    where the first page rendered fixes the language)."""
    for user in session.scalars(select(User)):
        user.language = Language.en
    session.commit()


def _create(client: FlaskClient, username: str, role: str, member_id: int = 0) -> Any:
    return client.post("/admin/users", data={
        "username": username, "display_name": f"Accomplice {username}", "email": "",
        "role": role, "member_id": member_id, "language": "en", "password": NEW_PASSWORD})


def _pending(session: Session, user: User) -> list[AccountRequest]:
    session.expire_all()
    return list(session.scalars(select(AccountRequest).where(
        AccountRequest.user_id == user.id, AccountRequest.state == AccountRequestState.pending)))


def _enrol(session: Session, username: str) -> None:
    """Sets up the account's authenticator, as its holder would."""
    user = user_named(session, username)
    totp = pyotp.TOTP(two_factor.begin_enrolment(session, user).secret)
    two_factor.confirm_enrolment(session, user, totp.now())


def _history(client: FlaskClient) -> str:
    page = client.get("/accounts/requests")
    assert page.status_code == 200
    return page.get_data(as_text=True)


@pytest.mark.parametrize("role", ["dg", "secretariat", "social_worker", "integration"])
def test_an_account_created_with_a_content_role_sees_nothing_until_confirmed(
        client: FlaskClient, auth: Any, session: Session, demo: Any, role: str) -> None:
    auth.login("admin")
    created = _create(client, "accomplice", role)
    assert "takes effect once the director-general confirms" in \
        client.get(created.headers["Location"]).get_data(as_text=True)
    accomplice = user_named(session, "accomplice")
    assert accomplice.role is Role.unassigned
    [request] = _pending(session, accomplice)
    assert (request.kind, request.role, request.requested_by_id) == (
        AccountRequestKind.role_change, Role(role), demo.user_ids["admin"])
    auth.logout()

    auth.login("accomplice", NEW_PASSWORD)
    home = client.get("/").get_data(as_text=True)
    assert "waits for the director-general to confirm its role" in home
    item = f"/meetings/{demo.csss_meeting_id}/items/{demo.csss_item_id}"
    for page in ("/meetings/", item, f"{item}/identity", "/audit/", "/secrecy/",
                 "/accounts/requests", "/admin/users"):
        assert client.get(page).status_code in (403, 404), page
    token = client.post("/api/v1/token", json={"username": "accomplice",
                                               "password": NEW_PASSWORD}).get_json()["token"]
    api = client.get("/api/v1/meetings", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 403


def test_an_account_without_a_role_sees_no_page_but_its_own(app: Flask, client: FlaskClient,
                                                            auth: Any, demo: Any) -> None:
    """Every page the application has, with the demo's ids: none answers 200 to an account
    whose role waits for the DG, but its own account pages."""
    auth.login("admin")
    _create(client, "accomplice", "dg")
    auth.logout()
    auth.login("accomplice", NEW_PASSWORD)
    ids = {"meeting_id": demo.csss_meeting_id, "item_id": demo.csss_item_id}
    seen = set()
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in OWN_PAGES:
            continue
        path = rule.rule
        for argument in rule.arguments:
            path = path.replace(f"<int:{argument}>", str(ids.get(argument, 1)))
        path = path.split("<")[0]  # other converters: the path up to them
        if client.get(path).status_code == 200:
            seen.add(rule.endpoint)
    assert seen == set()


def test_confirmation_by_the_dg_makes_the_role_effective(client: FlaskClient, auth: Any,
                                                         session: Session, demo: Any) -> None:
    auth.login("admin")
    _create(client, "newclerk", "secretariat")
    newclerk = user_named(session, "newclerk")
    [request] = _pending(session, newclerk)
    # the administrator cannot decide his own request, nor see the DG's page
    assert client.post(f"/accounts/requests/{request.id}/confirm").status_code == 403
    assert client.get("/accounts/requests").status_code == 403
    auth.logout()
    # the holder replaces the password the administrator chose, which the DG's page shows
    assert account_requests.password_replaced_ids(session, [request]) == set()
    auth.login("newclerk", NEW_PASSWORD)
    assert client.post("/account/password", data={
        "password": NEW_PASSWORD, "new_password": HOLDERS_PASSWORD,
        "confirmation": HOLDERS_PASSWORD}).status_code == 302
    assert account_requests.password_replaced_ids(session, [request]) == {newclerk.id}
    auth.logout()

    auth.login("dg")
    page = _history(client)
    assert "Accomplice newclerk" in page and f"/accounts/requests/{request.id}/confirm" in page
    assert client.post(f"/accounts/requests/{request.id}/confirm").status_code == 302
    session.expire_all()
    assert user_named(session, "newclerk").role is Role.secretariat
    assert request.state is AccountRequestState.confirmed
    assert request.decided_by_id == demo.user_ids["dg"]
    assert client.post(f"/accounts/requests/{request.id}/refuse",
                       follow_redirects=True).get_data(as_text=True).count(
        "This request was already decided.") == 1
    assert "Role changed" in _history(client)
    auth.logout()
    auth.login("newclerk", HOLDERS_PASSWORD)
    assert client.get("/meetings/").status_code == 200


def test_a_refused_role_leaves_the_account_without_content(client: FlaskClient, auth: Any,
                                                           session: Session, demo: Any) -> None:
    """The councillor link is content too: the DG sees which member the account would speak
    for, and a refusal removes the link."""
    president = session.scalar(select(Member).where(Member.is_president.is_(True)))
    stand_in = Member(centre_id=president.centre_id, first_name="Stand", last_name="In",
                      sex=president.sex, mandate_start=president.mandate_start)
    session.add(stand_in)
    session.commit()
    auth.login("admin")
    _create(client, "standin", "councillor", member_id=stand_in.id)
    standin = user_named(session, "standin")
    assert (standin.role, standin.member_id) == (Role.unassigned, stand_in.id)
    [request] = _pending(session, standin)
    auth.logout()
    auth.login("dg")
    assert f"linked to the council member {stand_in.full_name}" in _history(client)
    assert client.post(f"/accounts/requests/{request.id}/refuse").status_code == 302
    session.expire_all()
    standin = user_named(session, "standin")
    assert (standin.role, standin.member_id) == (Role.unassigned, None)
    assert "Change refused by the director-general" in _history(client)


def test_the_role_selector_only_asks(client: FlaskClient, auth: Any, session: Session,
                                     demo: Any) -> None:
    """The role selector of the accounts page: giving a content role and taking one away (the
    DG demoted to keep him from confirming) both wait for the DG."""
    auth.login("admin")
    for username, role in (("secretariat", "dg"), ("dg", "admin"), ("socialworker", "unassigned")):
        response = client.post(f"/admin/users/{demo.user_ids[username]}/role",
                               data={"role": role}, follow_redirects=True)
        assert "Request sent to the director-general" in response.get_data(as_text=True)
        user = user_named(session, username)
        assert user.role is not Role(role)
        assert [r.role for r in _pending(session, user)] == [Role(role)]
    # a newer request supersedes the older one: the DG decides the latest only
    client.post(f"/admin/users/{demo.user_ids['secretariat']}/role", data={"role": "social_worker"})
    secretariat = user_named(session, "secretariat")
    assert [r.role for r in _pending(session, secretariat)] == [Role.social_worker]
    assert session.scalar(select(AccountRequest.state).where(
        AccountRequest.user_id == secretariat.id, AccountRequest.role == Role.dg)) \
        is AccountRequestState.superseded


def test_the_administrator_cannot_change_his_own_role(client: FlaskClient, auth: Any,
                                                      session: Session, demo: Any) -> None:
    auth.login("admin")
    response = client.post(f"/admin/users/{demo.user_ids['admin']}/role", data={"role": "dg"},
                           follow_redirects=True)
    assert "You cannot change your own role." in response.get_data(as_text=True)
    admin = user_named(session, "admin")
    assert admin.role is Role.admin and _pending(session, admin) == []


def test_roles_without_content_change_at_once(client: FlaskClient, auth: Any,
                                              session: Session) -> None:
    """A second IT administrator needs no confirmation: he sees no content either."""
    auth.login("admin")
    _create(client, "helpdesk", "admin")
    helpdesk = user_named(session, "helpdesk")
    assert helpdesk.role is Role.admin and _pending(session, helpdesk) == []
    client.post(f"/admin/users/{helpdesk.id}/role", data={"role": "unassigned"})
    session.expire_all()
    assert user_named(session, "helpdesk").role is Role.unassigned


def test_someone_elses_second_factor_is_reset_only_once_the_dg_confirms(
        client: FlaskClient, auth: Any, session: Session, demo: Any) -> None:
    _enrol(session, "secretariat")
    secretariat = user_named(session, "secretariat")
    auth.login("admin")
    assert client.post(f"/admin/users/{secretariat.id}/two-factor/reset").status_code == 302
    assert two_factor.is_enrolled(session, secretariat)
    [request] = _pending(session, secretariat)
    assert request.kind is AccountRequestKind.two_factor_reset
    assert client.post(f"/accounts/requests/{request.id}/confirm").status_code == 403
    assert two_factor.is_enrolled(session, secretariat)
    auth.logout()
    auth.login("dg")
    assert client.post(f"/accounts/requests/{request.id}/confirm").status_code == 302
    assert not two_factor.is_enrolled(session, secretariat)
    reset = session.scalar(select(AuditEntry).where(AuditEntry.action == "two_factor_reset"))
    assert (reset.actor_id, reset.object_id, reset.details["requested_by"]) == (
        demo.user_ids["dg"], secretariat.id, demo.user_ids["admin"])
    assert "Second factor reset" in _history(client)


def test_the_dgs_second_factor_is_never_reset_by_the_administrator_alone(
        app: Flask, client: FlaskClient, auth: Any, session: Session, demo: Any) -> None:
    """The DG cannot confirm a reset of his own account (someone holding his password but not
    his phone would): another DG does, or the operator on the command line."""
    auth.login("admin")
    assert client.post(f"/admin/users/{demo.user_ids['dg']}/two-factor/reset").status_code == 302
    auth.logout()
    auth.login("dg")
    _enrol(session, "dg")  # the DG's authenticator, which the administrator wants to remove
    dg = user_named(session, "dg")
    [request] = _pending(session, dg)
    assert client.post(f"/accounts/requests/{request.id}/confirm").status_code == 403
    assert "another director-general or the operator decides" in _history(client)
    assert two_factor.is_enrolled(session, dg)

    runner = app.test_cli_runner()
    listed = runner.invoke(args=["accounts", "requests"])
    assert f"{request.id}\tdg\ttwo_factor_reset\tasked by admin" in listed.output
    confirmed = runner.invoke(args=["accounts", "confirm", str(request.id)])
    assert confirmed.exit_code == 0, confirmed.output
    assert not two_factor.is_enrolled(session, dg)
    reset = session.scalar(select(AuditEntry).where(AuditEntry.action == "two_factor_reset"))
    assert reset.actor_id is None  # the operator
    assert "the operator (command line)" in _history(client)


def test_another_dg_confirms_the_dgs_reset(client: FlaskClient, auth: Any, session: Session,
                                           demo: Any) -> None:
    auth.login("admin")
    _create(client, "deputy", "dg")
    deputy = user_named(session, "deputy")
    client.post(f"/admin/users/{demo.user_ids['dg']}/two-factor/reset")
    auth.logout()
    auth.login("dg")  # the DG confirms the second DG...
    [grant] = _pending(session, deputy)
    assert client.post(f"/accounts/requests/{grant.id}/confirm").status_code == 302
    auth.logout()
    _enrol(session, "dg")
    auth.login("deputy", NEW_PASSWORD)  # ...who confirms the first one's reset
    [reset] = _pending(session, user_named(session, "dg"))
    assert client.post(f"/accounts/requests/{reset.id}/confirm").status_code == 302
    assert not two_factor.is_enrolled(session, user_named(session, "dg"))


def test_the_api_has_no_way_around(app: Flask, client: FlaskClient, api_token: Any) -> None:
    """The HTTP API has no account endpoint: the administrator's token reaches no account
    change, and no content."""
    api_rules = [rule.rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/")]
    assert not [rule for rule in api_rules if "user" in rule or "account" in rule or
                "two-factor" in rule or "role" in rule]
    headers = api_token("admin")
    assert client.post("/api/v1/users", json={"username": "x", "role": "dg"},
                       headers=headers).status_code == 404
    assert client.get("/api/v1/meetings", headers=headers).status_code == 403


def test_the_first_dg_comes_from_the_operator(app: Flask, session: Session, demo: Any) -> None:
    runner = app.test_cli_runner()
    refused = runner.invoke(args=["accounts", "create-dg", "second", "--name", "Second DG",
                                  "--password", "a-long-password"])
    assert refused.exit_code == 2
    assert "an enabled director-general account exists" in refused.output
    dg = user_named(session, "dg")
    dg.is_enabled = False  # the only DG left the centre
    session.commit()
    created = runner.invoke(args=["accounts", "create-dg", "second", "--name", "Second DG",
                                  "--password", "a-long-password"])
    assert created.exit_code == 0, created.output
    second = user_named(session, "second")
    assert second.role is Role.dg
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "account_created",
                                                    AuditEntry.object_id == second.id))
    assert (entry.actor_id, entry.details["source"], entry.details["role"]) == (None, "cli", "dg")


def test_the_demo_accounts_keep_their_roles(session: Session) -> None:
    """The demo builds its accounts directly (CONTRACT.md): they log in with their roles."""
    for username in PASSWORDS:
        assert user_named(session, username).role is not Role.unassigned, username
    assert account_requests.pending_requests(session) == []


@pytest.mark.parametrize("current", list(Role))
@pytest.mark.parametrize("requested", list(Role))
def test_only_roles_without_content_change_without_the_dg(current: Role,
                                                          requested: Role) -> None:
    change = permissions.role_change(current, requested)
    if current is requested:
        assert change is permissions.RoleChange.none
    elif {current, requested} <= {Role.admin, Role.unassigned}:
        assert change is permissions.RoleChange.immediate
    else:
        assert change is permissions.RoleChange.needs_confirmation


def _password_given_minutes_ago(client: FlaskClient, minutes: int) -> None:
    """The DG's session left open on a desk: the password was given ``minutes`` ago."""
    with client.session_transaction() as stored:
        stored["authenticated_at"] -= minutes * 60


def _request_before_the_dg(client: FlaskClient, auth: Any, session: Session) -> AccountRequest:
    """The administrator asks for a content role; the DG logs in."""
    auth.login("admin")
    _create(client, "newclerk", "secretariat")
    [request] = _pending(session, user_named(session, "newclerk"))
    auth.logout()
    auth.login("dg")
    return request


def test_a_session_left_open_cannot_confirm_without_the_password(
        client: FlaskClient, auth: Any, session: Session) -> None:
    """Someone at the DG's unattended desk confirms the administrator's request for a content
    role: the page asks the DG's password again, and nothing changes until it is given."""
    request = _request_before_the_dg(client, auth, session)
    _password_given_minutes_ago(client, 30)
    page = client.post(f"/accounts/requests/{request.id}/confirm")
    assert page.status_code == 200
    assert 'name="password"' in page.get_data(as_text=True)
    assert _pending(session, user_named(session, "newclerk")) == [request]
    wrong = client.post(f"/accounts/requests/{request.id}/confirm",
                        data={"password": "not-the-dgs"})
    assert "Wrong password or code." in wrong.get_data(as_text=True)
    assert _pending(session, user_named(session, "newclerk")) == [request]
    assert user_named(session, "newclerk").role is Role.unassigned
    assert client.post(f"/accounts/requests/{request.id}/confirm",
                       data={"password": PASSWORDS["dg"]}).status_code == 302
    session.expire_all()
    assert user_named(session, "newclerk").role is Role.secretariat
    failed = session.scalars(select(AuditEntry).where(
        AuditEntry.action == "reauthentication_failed")).all()
    assert [entry.details.get("purpose") for entry in failed] == ["account_request"]


def test_a_dg_with_an_authenticator_gives_a_code_too(client: FlaskClient, auth: Any,
                                                     session: Session) -> None:
    request = _request_before_the_dg(client, auth, session)
    _enrol(session, "dg")  # set up during the session: the next password needs a code
    _password_given_minutes_ago(client, 30)
    page = client.post(f"/accounts/requests/{request.id}/confirm").get_data(as_text=True)
    assert 'name="otp"' in page
    assert client.post(f"/accounts/requests/{request.id}/confirm",
                       data={"password": PASSWORDS["dg"], "otp": "000000"}).status_code == 200
    assert _pending(session, user_named(session, "newclerk")) == [request]


def test_refusing_needs_no_password_again(client: FlaskClient, auth: Any,
                                          session: Session) -> None:
    """Refusing grants nothing: an old session may still refuse."""
    request = _request_before_the_dg(client, auth, session)
    _password_given_minutes_ago(client, 30)
    assert client.post(f"/accounts/requests/{request.id}/refuse").status_code == 302
    session.expire_all()
    assert request.state is AccountRequestState.refused
