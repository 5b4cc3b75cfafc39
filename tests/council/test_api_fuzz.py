"""The API against its own OpenAPI document (issue 6, item 9): schemathesis generates requests
for every operation, valid and not, and sends each as the DG and as a councillor, in-process
through the WSGI application. No response may be a 5xx or differ from the document (status,
content type, body schema, headers), and invalid data must be refused. Data that is valid by
the schema may still be refused with a documented 4xx: business rules the document cannot
express (the passphrase a full lifting of secrecy needs, a quorum...) make schemathesis's
"positive data acceptance" check inapplicable here.

Hostile values (issue 13, item 5) go through every operation too: each string of a generated
request replaced by a lone surrogate, a NUL, a string longer than any the API takes or data
nested deeper than it allows must be a 400 in the contract's error shape; a date typed as any
day of the calendar (a dossier's birth date) is a 201 or a 400, never a 500.

``FUZZ_EXAMPLES`` (default 15) sets the examples per operation; ``make fuzz-api`` runs 200 and
prints the number of requests sent (``-s``). The database changes (polls opened, ballots...)
are rolled back with each test's transaction.
"""

from __future__ import annotations

import copy
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
import schemathesis
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_samples import DOSSIER, TEXT
from schemathesis.specs.openapi.checks import positive_data_acceptance

from council.input_guard import MAX_JSON_DEPTH, MAX_JSON_STRING_CHARS
from council.typed_dates import typed_date_bounds

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
USERNAMES = ("dg", "councillor1")
#: requests sent, per role, over the module
SENT: Counter[str] = Counter()


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


#: values no operation may take, by name (drawn by name: hypothesis would print a 2 MB string):
#: each is a 400 (``bad_request``) before any view runs
HOSTILE = {
    "lone high surrogate": "\ud800abc",  # valid JSON, but no UTF-8 encodes it
    "lone low surrogate": "abc\udfff",
    "NUL": "a\x00b",  # no PostgreSQL text holds it
    "huge string": "a" * (MAX_JSON_STRING_CHARS + 1),
    "deep nesting": _nested(MAX_JSON_DEPTH + 5),
}


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    print(f"\nAPI fuzzing: {sum(SENT.values())} requests ({EXAMPLES} examples per operation "
          "and role), " + ", ".join(f"{count} as {name}" for name, count in SENT.items()))


@pytest.mark.parametrize("username", USERNAMES)
def test_api_answers_by_its_document(app: Flask, username: str,
                                     api_token: Callable[[str], dict[str, str]]) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    headers = api_token(username)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10  # the whole API, not an empty document

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def answers(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])
            SENT[username] += 1

        answers()


def _poisoned(value: Any, poison: Any) -> Any:
    """``value`` with each of its strings (keys aside) replaced by ``poison``."""
    if isinstance(value, str):
        return poison
    if isinstance(value, list):
        return [_poisoned(item, poison) for item in value]
    if isinstance(value, dict):
        return {key: _poisoned(item, poison) for key, item in value.items()}
    return value


@pytest.mark.parametrize("username", USERNAMES)
def test_hostile_values_are_refused_by_every_operation(
        app: Flask, client: FlaskClient, username: str,
        api_token: Callable[[str], dict[str, str]]) -> None:
    """Schemathesis generates each request; the hostile values go in by the test client
    (schemathesis's own sending validates bodies and cannot encode a lone surrogate)."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    headers = api_token(username)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len([o for o in operations if o.method.upper() == "POST"]) >= 8

    for operation in operations:
        @given(case=operation.as_strategy(), poison=st.sampled_from(sorted(HOSTILE)))
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def refused(case: schemathesis.Case, poison: str) -> None:
            value = HOSTILE[poison]
            query = dict(case.query or {})
            too_large = False
            if case.method.upper() == "POST":
                # every string poisoned, and one more field in case the body has none
                body = {**_poisoned(case.body if isinstance(case.body, dict) else {}, value),
                        "note": value}
                data = json.dumps(body)
                too_large = len(data) > app.config["MAX_CONTENT_LENGTH"]
                response = client.post(case.formatted_path, query_string=query,
                                       headers=headers, data=data,
                                       content_type="application/json")
            elif poison == "NUL":
                response = client.get(case.formatted_path, headers=headers,
                                      query_string={**query, "note": value})
            else:
                return  # a query carries no JSON, and Werkzeug decodes no surrogate from a URL
            SENT[username] += 1
            # several huge strings may pass the body's own limit: refused even before the guard
            expected = 413 if too_large else 400
            assert response.status_code == expected, (case.method, case.formatted_path, poison,
                                                       response.status_code)
            assert response.json["error"] == ("request_entity_too_large" if too_large
                                              else "bad_request")

        refused()


@given(birth=st.dates(min_value=date.min, max_value=date.max))
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_a_birth_date_anywhere_in_the_calendar_is_taken_or_refused_never_a_500(
        app: Flask, client: FlaskClient, api_token: Callable[[str], dict[str, str]],
        birth: date) -> None:
    dossier = copy.deepcopy(DOSSIER)
    dossier["applicant"]["birth_date"] = birth.isoformat()
    with app.test_request_context():
        earliest, latest = typed_date_bounds(birth=True)
    response = client.post("/api/v1/reports", headers=api_token("socialworker"),
                           json={"dossier": dossier, "text": TEXT, "organ": "csss"})
    SENT["socialworker"] += 1
    assert response.status_code == (201 if earliest <= birth <= latest else 400), response.json
