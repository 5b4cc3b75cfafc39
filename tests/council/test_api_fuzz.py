"""The API against its own OpenAPI document (issue 6, item 9): schemathesis generates requests
for every operation, valid and not, and sends each as the DG and as a councillor, in-process
through the WSGI application. No response may be a 5xx or differ from the document (status,
content type, body schema, headers), and invalid data must be refused. Data that is valid by
the schema may still be refused with a documented 4xx: business rules the document cannot
express (the passphrase a full lifting of secrecy needs, a quorum...) make schemathesis's
"positive data acceptance" check inapplicable here.

``FUZZ_EXAMPLES`` (default 15) sets the examples per operation; ``make fuzz-api`` runs 200 and
prints the number of requests sent (``-s``). The database changes (polls opened, ballots...)
are rolled back with each test's transaction.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
USERNAMES = ("dg", "councillor1")
#: requests sent, per role, over the module
SENT: Counter[str] = Counter()


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
