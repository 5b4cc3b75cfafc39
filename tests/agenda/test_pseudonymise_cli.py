"""`flask --app council pseudonymise`, tested on the click command itself."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from council.cli.pseudonymise import pseudonymise_command

DOSSIER = {
    "reference": "2026/0001",
    "language": "fr",
    "applicant": {
        "last_name": "Diallo",
        "first_names": ["Naïma"],
        "sex": "F",
        "niss": "85121335656",
    },
}
TEXT = (
    "Madame Naïma Diallo (NISS 85.12.13-356.56) vit seule. "
    "Son propriétaire, Roland Tilquin, réclame.\n"
)


def run(*args):
    return CliRunner().invoke(pseudonymise_command, [str(a) for a in args])


def write_pair(folder: Path, name: str, text=TEXT, dossier=DOSSIER):
    (folder / f"{name}.txt").write_text(text, "utf-8")
    (folder / f"{name}.json").write_text(json.dumps(dossier), "utf-8")


def test_single_report_is_printed(tmp_path):
    write_pair(tmp_path, "r")
    result = run(tmp_path / "r.txt", "--dossier", tmp_path / "r.json")
    assert result.exit_code == 0, result.output
    assert result.output == "Madame A. (NISS [NISS]) vit seule. Son propriétaire, B., réclame.\n"


def test_single_report_with_a_bad_dossier_names_the_field(tmp_path):
    write_pair(tmp_path, "r", dossier={"reference": "x", "applicant": {}})
    result = run(tmp_path / "r.txt", "--dossier", tmp_path / "r.json")
    assert result.exit_code == 1
    assert result.stderr == "r.json: applicant.last_name: required\n"


def test_directory_mode_skips_bad_pairs_and_writes_the_good_ones(tmp_path):
    source, target = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    write_pair(source, "a")
    write_pair(source, "b", text="Madame Diallo et Roland Tilquin se sont revus.\n")
    write_pair(
        source,
        "bad",
        dossier={
            "reference": "x",
            "applicant": {"last_name": "A"},
            "address": {"postcode": "70000"},
        },
    )
    write_pair(source, "empty", text="  \n")
    (source / "latin.txt").write_bytes("Café".encode("latin-1"))
    (source / "latin.json").write_text(json.dumps(DOSSIER), "utf-8")
    (source / "orphan.txt").write_text("Texte sans dossier.", "utf-8")
    (source / "notes.md").write_text("ignored", "utf-8")
    result = run(source, target)
    assert result.exit_code == 1
    assert sorted(p.name for p in target.iterdir()) == ["a.txt", "b.txt"]
    # One meeting: the same people keep their letters from one file to the next.
    assert (target / "b.txt").read_text("utf-8") == "Madame A. et B. se sont revus.\n"
    lines = result.stderr.splitlines()
    assert lines == [
        "bad.txt: skipped, bad.json: address.postcode: '70000' does not match '^[1-9][0-9]{3}$'",
        "empty.txt: skipped, empty",
        "latin.txt: skipped, not UTF-8 text (byte 3)",
        "orphan.txt: skipped, no dossier orphan.json",
    ]


def test_directory_mode_all_good(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    write_pair(source, "a")
    result = run(source, tmp_path / "out", "--each")
    assert result.exit_code == 0
    assert "1 report(s) pseudonymised" in result.output


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["only-one-path"],
        ["a", "b", "c"],
        ["report.txt", "out", "--dossier", "d.json"],
        ["--bogus"],
        ["--language", "en", "a", "b"],
    ],
)
def test_bad_usage_is_one_line_and_status_2(args):
    result = run(*args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.output


def test_directory_arguments_are_checked(tmp_path):
    write_pair(tmp_path, "r")
    for args in (
        [tmp_path / "r.txt", tmp_path / "out"],
        [tmp_path, tmp_path],
        [tmp_path, tmp_path / "r.txt"],
        [tmp_path, "--dossier", tmp_path / "r.json"],
    ):
        result = run(*args)
        assert result.exit_code == 2, args
        assert len(result.stderr.splitlines()) == 1
