"""Measure the pseudonymiser on annotated reports.

``python -m agenda.pseudonymise.evaluate [DIR…]``.

Each case is ``NAME.txt`` (report), ``NAME.json`` (dossier) and ``NAME.ann.json`` (``redact``:
what must go, ``keep``: what must stay), as ../shared/samples/pseudonymisation/README.md says.
Matching follows that README and is written here on purpose without the pseudonymiser's own
helpers, so a bug there cannot hide itself: case and accents ignored, word boundaries; an entry
with ``digits: true`` leaks when its digits appear in a run of digits of the output whatever the
separators; a birth date leaks in any of its written ``forms``. An entry may also carry a finer
``category`` (an evaluation set's own label, such as ``name_diminutive`` or ``place_saint``): the
results are then also given per category.

Thresholds: known-identity leaks 0, third-party name recall ≥ 0.98, keep rate ≥ 0.98.
Exit status 1 when one is missed.
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
)
MIN_RECALL = 0.98
MIN_KEEP = 0.98
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
class Report:
    cases: int = 0
    known: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    unknown: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    keep: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    #: (what: known, third party or keep; the entry's ``category``) -> tally, when sets give one
    categories: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
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
    def third_party_recall(self) -> float:
        return self._sum(self.unknown, "name").rate

    @property
    def keep_rate(self) -> float:
        return self._sum(self.keep).rate

    @property
    def passed(self) -> bool:
        return (
            self.known_leaks == 0
            and self.third_party_recall >= MIN_RECALL
            and self.keep_rate >= MIN_KEEP
        )


def _cases(directory: Path) -> list[Path]:
    return sorted(
        p.with_name(p.name.removesuffix(".ann.json"))
        for p in directory.glob("*.ann.json")
        if p.with_name(p.name.removesuffix(".ann.json") + ".txt").exists()
    )


def evaluate(directories: Sequence[Path], reference_date: date | None = None) -> Report:
    """Pseudonymise every annotated case (each on its own) and score the outputs."""
    bases = [base for directory in directories for base in _cases(directory)]
    dossiers = [load_dossier(base.with_suffix(".json")) for base in bases]
    texts = [base.with_suffix(".txt").read_text("utf-8") for base in bases]
    outputs = Pseudonymiser(reference_date=reference_date).pseudonymise_each(
        list(zip(texts, dossiers, strict=True))
    )
    report = Report(cases=len(bases))
    for base, dossier, output in zip(bases, dossiers, outputs, strict=True):
        language = dossier.language or "fr"
        annotations = json.loads(base.with_name(base.name + ".ann.json").read_text("utf-8"))
        for entry in annotations["redact"]:
            leaked = survives(entry, output.text)
            table = report.known if entry["known"] else report.unknown
            table[(language, entry["cat"])].add(not leaked)
            if entry.get("category"):
                what = "known" if entry["known"] else "third party"
                report.categories[(what, entry["category"])].add(not leaked)
            if leaked:
                kind = "LEAK (known)" if entry["known"] else "missed third party"
                shown = entry["text"] or entry.get("forms")
                report.failures.append(f"{base.name}\t{kind}\t{entry['cat']}\t{shown}")
        for entry in annotations["keep"]:
            kept = _present(entry["text"], output.text)
            report.keep[(language, entry["cat"])].add(kept)
            if entry.get("category"):
                report.categories[("keep", entry["category"])].add(kept)
            if not kept:
                report.failures.append(f"{base.name}\tNOT KEPT\t{entry['cat']}\t{entry['text']}")
    return report


def _table(title: str, table: dict[tuple[str, str], Tally], what: str) -> list[str]:
    lines = [f"{title}", f"  {'language':<9}{'category':<14}{what}"]
    for (language, category), tally in sorted(table.items()):
        lines.append(f"  {language:<9}{category:<14}{tally.done}/{tally.total} ({tally.rate:.3f})")
    return lines


def render(report: Report) -> str:
    lines = [f"{report.cases} annotated reports", ""]
    lines += _table("Known identities (dossier values) removed", report.known, "removed")
    lines += _table("Third parties nobody listed, removed", report.unknown, "removed")
    lines += _table("Values that must stay, kept", report.keep, "kept")
    if report.categories:
        lines += ["By category", f"  {'entry':<13}{'category':<24}removed or kept"]
        for (what, category), tally in sorted(report.categories.items()):
            lines.append(
                f"  {what:<13}{category:<24}{tally.done}/{tally.total} ({tally.rate:.3f})"
            )
    lines += [
        "",
        f"known-identity leaks: {report.known_leaks} (must be 0)",
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
