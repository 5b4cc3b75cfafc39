import json

import pytest
from click.testing import CliRunner

from council.cli.seats import seats_command


def run(*args):
    return CliRunner().invoke(seats_command, list(args))


def groups(*specs):
    return [argument for spec in specs for argument in ("--group", spec)]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--size", "11", *groups("PS=13", "cdH=6", "MR=6", "Ecolo=2")],
            {
                "size": 11,
                "seats": {"PS": 5, "cdH": 2, "MR": 2, "Ecolo": 1},
                "ties": [{"groups": ["cdH", "MR"], "seats": 1, "remainder": "4/9"}],
                "unallocated": 1,
                "quotas": {"PS": "143/27", "cdH": "22/9", "MR": "22/9", "Ecolo": "22/27"},
                "pact": None,
            },
        ),
        (
            [
                "--size",
                "9",
                *groups("A=8:2127", "B=8:1988", "C=4:1211", "D=1:638"),
                "--pact",
                "B,C",
            ],
            {
                "size": 9,
                "seats": {"A": 4, "B": 3, "C": 2, "D": 0},
                "ties": [],
                "unallocated": 0,
                "quotas": {"A": "24/7", "B": "24/7", "C": "12/7", "D": "3/7"},
                "pact": {"groups": ["B", "C"], "seats": 5, "majority": True},
            },
        ),
    ],
    ids=["LO-art10-case1-cdH-MR-tie", "LO-art10-case2-A-wins-on-votes-pact-5-of-9"],
)
def test_worked_cases_print_the_allocation(args, expected):
    result = run(*args)

    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == expected


@pytest.mark.parametrize(
    ("region", "population", "extra"),
    [
        ("wallonia", "30000", {}),
        ("brussels", "30000", {"indicative": True}),
    ],
    ids=["LO-art6-wallonia-30000-is-11", "ord-2019-brussels-30000-is-11-indicative"],
)
def test_population_mode_derives_the_size(region, population, extra):
    result = run(
        "--population",
        population,
        "--region",
        region,
        *groups("PS=12", "MR=8", "Ecolo=4", "Engagés=3"),
        "--pact",
        "PS, Ecolo",
    )

    report = json.loads(result.stdout)
    assert result.exit_code == 0
    assert {key: report[key] for key in ("size", "population", "region")} == {
        "size": 11,
        "population": 30000,
        "region": region,
    }
    assert report.get("indicative") == extra.get("indicative")
    assert report["seats"] == {"PS": 5, "MR": 3, "Ecolo": 2, "Engagés": 1}
    assert report["pact"] == {"groups": ["PS", "Ecolo"], "seats": 7, "majority": True}


def test_output_keeps_non_ascii_names():
    result = run("--size", "1", "--group", "Engagés=3")

    assert '"Engagés": 1' in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (groups("A=3"), "give --size N or --population P"),
        (
            ["--size", "9", "--population", "30000", "--region", "wallonia", *groups("A=3")],
            "not both",
        ),
        (["--size", "9", "--region", "wallonia", *groups("A=3")], "--region needs --population"),
        (["--population", "30000", *groups("A=3")], "--population needs --region"),
        (["--size", "9"], "at least one --group"),
        (["--size", "9", *groups("A")], "'A' is not NAME=SEATS[:VOTES]"),
        (["--size", "9", *groups("A=x")], "'A=x' is not NAME=SEATS[:VOTES]"),
        (["--size", "9", *groups("A=3:")], "'A=3:' is not NAME=SEATS[:VOTES]"),
        (["--size", "9", *groups("=3")], "'=3' is not NAME=SEATS[:VOTES]"),
        (["--size", "9", *groups("A=-3")], "'A=-3' is not NAME=SEATS[:VOTES]"),
        (["--size", "9", *groups("A=3:-5")], "'A=3:-5' is not NAME=SEATS[:VOTES]"),
        (["--size", "9", *groups("A=3", "B=2"), "--pact", "A,Z"], "unknown group(s): Z"),
        (["--size", "9", *groups("A=3", "B=2"), "--pact", "A,"], "empty group name"),
        (["--size", "9", *groups("A=3", "B=2"), "--pact", "A,A"], "names a group twice"),
        (["--size", "-9", *groups("A=3")], "size must be at least 1"),
        (["--size", "0", *groups("A=3")], "size must be at least 1"),
        (["--population", "-5", "--region", "wallonia", *groups("A=3")], "population must not"),
        (["--size", "9", *groups("A=3", "A=2")], "duplicate group name(s): A"),
        (["--size", "9", *groups("A=0", "B=0")], "no municipal seat"),
        (["--size", "nine", *groups("A=3")], "'nine' is not a valid integer"),
        (["--population", "1000", "--region", "flanders", *groups("A=3")], "'flanders'"),
        (["--size", "9", "--colour", "red"], "No such option"),
        (["--size"], "requires an argument"),
    ],
    ids=[
        "no-size",
        "size-and-population",
        "region-without-population",
        "population-without-region",
        "no-group",
        "group-without-seats",
        "group-seats-not-a-number",
        "group-empty-votes",
        "group-without-name",
        "group-negative-seats",
        "group-negative-votes",
        "pact-unknown-group",
        "pact-empty-name",
        "pact-duplicate-group",
        "negative-size",
        "zero-size",
        "negative-population",
        "duplicate-group",
        "no-municipal-seat",
        "size-not-a-number",
        "unknown-region",
        "unknown-option",
        "option-without-value",
    ],
)
def test_bad_arguments_give_one_error_line_and_status_2(args, message):
    result = run(*args)

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert result.stderr.count("\n") == 1
    assert result.stderr.endswith("\n")
    assert message in result.stderr
