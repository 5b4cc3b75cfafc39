"""Measure the pseudonymiser on annotated reports.

``python -m agenda.pseudonymise.evaluate [DIR…]``.

Each case is ``NAME.txt`` (report), ``NAME.json`` (dossier) and ``NAME.ann.json`` (``redact``:
what must go, ``keep``: what must stay), as ../shared/samples/pseudonymisation/README.md says.
Matching follows that README and is written here on purpose without the pseudonymiser's own
helpers, so a bug there cannot hide itself: case and accents ignored, word boundaries; an entry
with ``digits: true`` leaks when its digits appear in a run of digits of the output whatever the
separators; a birth date leaks in any of its written ``forms``.

A folder's own cases are read (not its sub-folders': each set is named on its own). The output
gives, for every folder, its size, languages and who wrote it (the ``author`` of its
annotations, else the first line of an ``AUTHOR`` file, ``manifest.json`` ``{"author": …}``,
or an "Author:" / "Written by:" line of its README.md), then per coarse category (``cat``,
across languages and per language): known identities removed, third-party names removed, values
kept; and "By category" for entries that carry a finer ``category`` (an evaluation set's own
class: ``name_diminutive``, ``place_saint``, ``iban_ocr``…), which is how the artefact classes
are reported.

Thresholds (issue 19): known-identity leaks ≤ 0.5 % of the known values, third-party name
recall ≥ 0.98, keep rate ≥ 0.98. Exit status 1 when one is missed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from agenda.pseudonymise.dossier import load_dossier
from agenda.pseudonymise.engine import Pseudonymiser

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DIRS = (
    REPO.parent / "shared" / "samples" / "pseudonymisation",
    REPO / "tests" / "agenda" / "corpus",
    # the harder sets written by other hands (issue 19), when present: the one the patterns
    # were fixed against, and six held out while they were (docs/benchmarks.md)
    REPO / "tests" / "agenda" / "corpus" / "hard",
    REPO / "tests" / "agenda" / "corpus" / "holdout",
    REPO / "tests" / "agenda" / "corpus" / "holdout2",
    REPO / "tests" / "agenda" / "corpus" / "holdout3",
    REPO / "tests" / "agenda" / "corpus" / "holdout4",
    REPO / "tests" / "agenda" / "corpus" / "holdout5",
    REPO / "tests" / "agenda" / "corpus" / "holdout6",
)
MIN_RECALL = 0.98
MIN_KEEP = 0.98
MAX_LEAK_RATE = 0.005
_AUTHOR_LINE = re.compile(r"(?im)^\W*(?:authors?|written by|auteurs?)\s*[:—–-]\s*(.+?)\s*$")
_RUN = re.compile(r"\d(?:[ .\-/]?\d)*")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _present(needle: str, haystack: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(_plain(needle))}(?!\w)", _plain(haystack)) is not None


def _digits_present(needle: str, haystack: str) -> bool:
    digits = re.sub(r"\D", "", needle)
    return any(digits in re.sub(r"\D", "", run) for run in _RUN.findall(haystack))


def survives(entry: dict, output: str) -> bool:
    """True when a ``redact`` entry is still readable in ``output`` (the README's rules)."""
    if entry.get("forms"):
        return any(_present(form, output) for form in entry["forms"])
    if entry.get("digits"):
        return _digits_present(entry["text"], output)
    return _present(entry["text"], output)


@dataclass
class Tally:
    done: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.done += ok
        self.total += 1

    @property
    def rate(self) -> float:
        return self.done / self.total if self.total else 1.0


@dataclass
class CaseSet:
    """One folder of annotated cases: where, how many, in which languages, by whom."""

    folder: Path
    cases: int
    languages: dict[str, int]
    author: str
    #: the three headline figures of this folder alone: known identities removed, third-party
    #: names removed, values kept
    known: Tally = field(default_factory=Tally)
    third_party_names: Tally = field(default_factory=Tally)
    kept: Tally = field(default_factory=Tally)

    def headline(self) -> str:
        leaks = self.known.total - self.known.done
        rate = leaks / self.known.total if self.known.total else 0.0
        return (f"known-identity leaks {leaks}/{self.known.total} ({rate:.2%}), "
                f"third-party name recall {self.third_party_names.rate:.3f}, "
                f"keep {self.kept.rate:.3f}")


@dataclass
class Report:
    cases: int = 0
    sets: list[CaseSet] = field(default_factory=list)
    #: (what: known, third party or keep; the entry's ``category``) → tally, when sets give one
    categories: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    known: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    unknown: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    keep: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    failures: list[str] = field(default_factory=list)

    @staticmethod
    def _sum(table: dict[tuple[str, str], Tally], category: str | None = None) -> Tally:
        total = Tally()
        for (_, cat), tally in table.items():
            if category is None or cat == category:
                total.done += tally.done
                total.total += tally.total
        return total

    @property
    def known_leaks(self) -> int:
        total = self._sum(self.known)
        return total.total - total.done

    @property
    def known_leak_rate(self) -> float:
        total = self._sum(self.known).total
        return self.known_leaks / total if total else 0.0

    @property
    def third_party_recall(self) -> float:
        return self._sum(self.unknown, "name").rate

    @property
    def keep_rate(self) -> float:
        return self._sum(self.keep).rate

    @property
    def passed(self) -> bool:
        return (
            self.known_leak_rate <= MAX_LEAK_RATE
            and self.third_party_recall >= MIN_RECALL
            and self.keep_rate >= MIN_KEEP
        )


def _cases(directory: Path) -> list[Path]:
    return sorted(
        p.with_name(p.name.removesuffix(".ann.json"))
        for p in directory.glob("*.ann.json")
        if p.with_name(p.name.removesuffix(".ann.json") + ".txt").exists()
    )


def _author(folder: Path) -> str:
    """Who wrote the cases of ``folder`` (its own AUTHOR file, manifest or README: a
    sub-folder written by someone else does not inherit its parent's author)."""
    author_file = folder / "AUTHOR"
    if author_file.is_file() and author_file.read_text("utf-8").strip():
        return author_file.read_text("utf-8").strip().splitlines()[0]
    manifest = folder / "manifest.json"
    if manifest.is_file():
        author = json.loads(manifest.read_text("utf-8")).get("author")
        if author:
            return str(author)
    readme = folder / "README.md"
    if readme.is_file():
        found = _AUTHOR_LINE.search(readme.read_text("utf-8"))
        if found:
            return found.group(1)
    return "not stated"


def evaluate(directories: Sequence[Path], reference_date: date | None = None) -> Report:
    """Pseudonymise every annotated case (each on its own) and score the outputs."""
    found = [(directory, base) for directory in directories for base in _cases(directory)]
    bases = [base for _, base in found]
    dossiers = [load_dossier(base.with_suffix(".json")) for base in bases]
    texts = [base.with_suffix(".txt").read_text("utf-8") for base in bases]
    outputs = Pseudonymiser(reference_date=reference_date).pseudonymise_each(
        list(zip(texts, dossiers, strict=True))
    )
    report = Report(cases=len(bases))
    sets: dict[Path, CaseSet] = {}
    authors: dict[Path, set[str]] = defaultdict(set)
    annotated = [json.loads(base.with_name(base.name + ".ann.json").read_text("utf-8"))
                 for base in bases]
    for (directory, _), dossier, annotation in zip(found, dossiers, annotated, strict=True):
        if directory not in sets:
            sets[directory] = CaseSet(directory, 0, defaultdict(int), "")
        sets[directory].cases += 1
        sets[directory].languages[dossier.language or "fr"] += 1
        if annotation.get("author"):
            authors[directory].add(str(annotation["author"]))
    for directory, case_set in sets.items():
        case_set.author = ", ".join(sorted(authors[directory])) or _author(directory)
    report.sets = list(sets.values())
    for (directory, base), dossier, output, annotation in zip(found, dossiers, outputs,
                                                              annotated, strict=True):
        language = dossier.language or "fr"
        case_set = sets[directory]
        for entry in annotation["redact"]:
            leaked = survives(entry, output.text)
            if entry["known"]:
                case_set.known.add(not leaked)
            elif entry["cat"] == "name":
                case_set.third_party_names.add(not leaked)
            table = report.known if entry["known"] else report.unknown
            table[(language, entry["cat"])].add(not leaked)
            if entry.get("category"):
                what = "known" if entry["known"] else "third party"
                report.categories[(what, entry["category"])].add(not leaked)
            if leaked:
                kind = "LEAK (known)" if entry["known"] else "missed third party"
                shown = entry["text"] or entry.get("forms")
                report.failures.append(f"{base.name}\t{kind}\t{entry['cat']}\t{shown}")
        for entry in annotation["keep"]:
            kept = _present(entry["text"], output.text)
            case_set.kept.add(kept)
            report.keep[(language, entry["cat"])].add(kept)
            if entry.get("category"):
                report.categories[("keep", entry["category"])].add(kept)
            if not kept:
                report.failures.append(f"{base.name}\tNOT KEPT\t{entry['cat']}\t{entry['text']}")
    return report


def _table(title: str, table: dict[tuple[str, str], Tally], what: str) -> list[str]:
    """Per category over all languages, then per language and category."""
    by_category: dict[str, Tally] = defaultdict(Tally)
    for (_, category), tally in table.items():
        by_category[category].done += tally.done
        by_category[category].total += tally.total
    lines = [f"{title}", f"  {'category':<14}{'all':<9}{what}"]
    for category, tally in sorted(by_category.items()):
        lines.append(f"  {category:<14}{'':<9}{tally.done}/{tally.total} ({tally.rate:.3f})")
    for (language, category), tally in sorted(table.items(), key=lambda kv: kv[0][::-1]):
        lines.append(f"  {category:<14}{language:<9}{tally.done}/{tally.total} ({tally.rate:.3f})")
    return [*lines, ""]


def _category_table(report: Report) -> list[str]:
    """"By category": the finer classes a set gives its entries, each with what it is."""
    if not report.categories:
        return []
    lines = ["By category", f"  {'entry':<13}{'category':<24}removed or kept"]
    for (what, category), tally in sorted(report.categories.items()):
        lines.append(f"  {what:<13}{category:<24}{tally.done}/{tally.total} ({tally.rate:.3f})")
    return [*lines, ""]


def render(report: Report) -> str:
    lines = [f"{report.cases} annotated reports", ""]
    for case_set in report.sets:
        languages = ", ".join(f"{n} {lang}" for lang, n in sorted(case_set.languages.items()))
        lines.append(f"  {case_set.folder}: {case_set.cases} reports ({languages}); "
                     f"written by: {case_set.author}")
        lines.append(f"    {case_set.headline()}")
    lines.append("")
    lines += _table("Known identities (dossier values) removed", report.known, "removed")
    lines += _table("Third parties nobody listed, removed", report.unknown, "removed")
    lines += _table("Values that must stay, kept", report.keep, "kept")
    lines += _category_table(report)
    known_total = report._sum(report.known).total
    lines += [
        f"known-identity leaks: {report.known_leaks}/{known_total} "
        f"({report.known_leak_rate:.2%}; must be ≤ {MAX_LEAK_RATE:.1%})",
        f"third-party name recall: {report.third_party_recall:.3f} (must be ≥ {MIN_RECALL})",
        f"keep rate: {report.keep_rate:.3f} (must be ≥ {MIN_KEEP})",
        "",
        f"failures ({len(report.failures)}):",
        *(f"  {failure}" for failure in report.failures),
        "",
        "PASS" if report.passed else "FAIL",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directories", nargs="*", type=Path, help="folders of annotated cases")
    parser.add_argument("--reference-date", type=date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    directories = args.directories or [d for d in DEFAULT_DIRS if d.is_dir()]
    missing = [d for d in directories if not d.is_dir()]
    if missing:
        parser.error(f"not a folder: {missing[0]}")
    report = evaluate(directories, args.reference_date)
    print(render(report))
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
