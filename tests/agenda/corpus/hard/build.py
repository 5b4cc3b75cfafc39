"""Writes the harder evaluation set: synthetic social reports (no real person) in French, Dutch
and German with their dossiers and annotations, in the format of
../shared/samples/pseudonymisation plus a finer ``category`` per entry.

Run ``.venv/bin/python tests/agenda/corpus/hard/build.py`` from the repository root to rewrite
the files (fixed seed, so the output is the same each time). Written by the evalset engineer,
not by the author of the pseudonymiser's patterns, and sharing no code with them: names, streets,
phrases and artefacts are this folder's own. Every annotation is checked against the report
before it is written (each value to remove is in the text, each value to keep too, and no value
to keep contains a name), with the evaluator's own matching rules.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
sys.path[:0] = [str(HERE), str(REPO)]

import de  # noqa: E402
import de_more  # noqa: E402
import fr  # noqa: E402
import fr_more  # noqa: E402
import nl  # noqa: E402
import nl_more  # noqa: E402
from compose import compose  # noqa: E402
from record import Person, Report  # noqa: E402

from agenda.pseudonymise.dossier import load_dossier  # noqa: E402
from agenda.pseudonymise.evaluate import _present, survives  # noqa: E402

SEED = 19_2026
COUNTS = {"fr": 100, "nl": 50, "de": 50}


class Bank:
    """A language's phrases: the ``*_more`` module first, then the base module."""

    def __init__(self, *modules: ModuleType) -> None:
        self.modules = modules

    def __getattr__(self, name: str):
        for module in self.modules:
            if hasattr(module, name):
                return getattr(module, name)
        raise AttributeError(name)


BANKS = {"fr": Bank(fr_more, fr), "nl": Bank(nl_more, nl), "de": Bank(de_more, de)}
SIZES_START, SIZES_END = "<!-- sizes: written by build.py -->", "<!-- end of sizes -->"
REF_LABEL = {"fr": "Réf. dossier : ", "nl": "Ref. dossier: ", "de": "Aktenzeichen: "}


def _person(p: Person) -> dict:
    out: dict = {"last_name": p.last, "first_names": p.firsts}
    if p.birth:
        out["birth_date"] = p.birth.isoformat()
    if p.niss:
        out["niss"] = p.niss
    return out


def _phone(r: Report) -> str:
    d = r.phone
    return {
        "BE": f"+32 {d[1:4]} {d[4:6]} {d[6:8]} {d[8:]}",
        "NL": f"+31 6 {d[2:]}",
        "DE": f"+49 {d[1:4]} {d[4:]}",
        "FR": f"+33 {d[1]} " + " ".join(d[i : i + 2] for i in range(2, 10, 2)),
    }[r.phone_country]


def dossier(r: Report) -> dict:
    applicant = _person(r.applicant) | {"sex": r.applicant.sex}
    household = [_person(p) | {"relation": p.relation} for p in r.household]
    contacts = {"phone": _phone(r), "iban": r.iban}
    if r.email:
        contacts["email"] = r.email
    return {
        "reference": r.reference,
        "language": r.lang,
        "applicant": applicant,
        "address": r.address,
        "household": household,
        "contacts": contacts,
    }


def problems(text: str, r: Report) -> list[str]:
    """What would make the annotation false: a value to remove that the text does not show,
    a value to keep that it does not show, a value to keep that contains a name."""
    found = [f"absent: {e}" for e in r.redact if not survives(e, text)]
    found += [f"keep absent: {k}" for k in r.keep if not _present(k["text"], text)]
    names = [e["text"] for e in r.redact if e["cat"] == "name"]
    found += [
        f"keep {k['text']!r} holds name {n!r}"
        for k in r.keep
        for n in names
        if _present(n, k["text"])
    ]
    return found


def one(name: str, lang: str, seed: int) -> tuple[Report, str]:
    for attempt in range(50):
        r = Report(name, lang, seed * 100 + attempt)
        if r.rng.random() < 0.15:
            r.reference = f"{r.reference}-{r.applicant.last.split()[-1].upper()}"
        text = compose(r, BANKS[lang])
        if "-" in r.reference.split("/")[1]:
            head = f"{REF_LABEL[lang]}{r.reference}\n"
            text = head + text
            r.value(r.reference, "reference", "reference_with_name")
        if not problems(text, r):
            return r, text
    raise SystemExit(f"{name}: no valid draw; last problems: {problems(text, r)}")


def main() -> None:
    for old in HERE.glob("x*.*json"):
        old.unlink()
    for old in HERE.glob("x*.txt"):
        old.unlink()
    per_category: Counter[tuple[str, str]] = Counter()
    layouts: Counter[tuple[str, str]] = Counter()
    number = 0
    for lang, count in COUNTS.items():
        for _ in range(count):
            number += 1
            name = f"x{lang}{number:03d}"
            r, text = one(name, lang, SEED + number)
            (HERE / f"{name}.txt").write_text(text, "utf-8")
            (HERE / f"{name}.json").write_text(
                json.dumps(dossier(r), ensure_ascii=False, indent=1) + "\n", "utf-8"
            )
            load_dossier(HERE / f"{name}.json")  # the product's own validation accepts it
            annotation = {
                "author": "evalset",
                "layout": r.layout,
                "redact": r.redact,
                "keep": r.keep,
            }
            (HERE / f"{name}.ann.json").write_text(
                json.dumps(annotation, ensure_ascii=False, indent=1) + "\n", "utf-8"
            )
            layouts[(lang, r.layout)] += 1
            for e in r.redact:
                what = "known" if e["known"] else "third party"
                per_category[(lang, f"{what}: {e['category']}")] += 1
            for k in r.keep:
                per_category[(lang, f"keep: {k['category']}")] += 1
    readme = (HERE / "README.md").read_text("utf-8")
    head, rest = readme.split(SIZES_START, 1)
    tail = rest.split(SIZES_END, 1)[1]
    sizes = _sizes(per_category, layouts)
    (HERE / "README.md").write_text(f"{head}{SIZES_START}\n{sizes}{SIZES_END}{tail}", "utf-8")
    print(f"{number} reports written to {HERE}")


def _table(title: str, counts: Counter) -> list[str]:
    """A markdown table: one row per key, one column per language, and the total."""
    langs = list(COUNTS)
    lines = [
        f"| {title} | " + " | ".join(langs) + " | total |",
        "|---|" + "---|" * len(COUNTS) + "---|",
    ]
    for key in sorted({k[1] for k in counts}):
        row = [counts[(x, key)] for x in langs]
        lines.append(f"| {key} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    return lines


def _sizes(per_category: Counter, layouts: Counter) -> str:
    reports = Counter({(lang, "reports"): count for lang, count in COUNTS.items()})
    return (
        "\n".join(
            [
                *_table("", reports),
                "",
                "### Layouts",
                "",
                *_table("layout", layouts),
                "",
                "### Annotated entries per category",
                "",
                *_table("entry: category", per_category),
            ]
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
