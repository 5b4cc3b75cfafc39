"""Layouts shared by the three languages: a report is composed from a language's phrase bank
(``fr.py``, ``nl.py``, ``de.py``) in one of the forms social workers' documents take."""

from __future__ import annotations

from typing import Any

import artefacts
from people import mobile_for
from record import Person, Report

# how a name is written in running text, and how often
NAME_STYLES = [
    ("full", 26),
    ("caps", 9),
    ("first", 12),
    ("last", 8),
    ("nick", 9),
    ("initials", 7),
    ("hyphen_break", 7),
    ("soft_hyphen", 7),
    ("zero_width", 5),
    ("ligature", 4),
    ("spaced", 7),
]
# the paragraphs a report may add to its core ones, each a list in the language's bank
OPTIONAL = [
    "EX",
    "LANDLORD",
    "HEALTH",
    "WORK",
    "SCHOOL",
    "CAR",
    "DEBT",
    "BUDGET",
    "PLACES",
    "CONTACT",
    "BIRTH",
    "NEIGHBOUR",
    "LAWYER",
    "ENERGY",
    "HOLIDAY",
    "ABROAD",
]
NEED_CHILDREN = {"SCHOOL"}
LAYOUTS = [
    ("narrative", 3),
    ("form", 3),
    ("email_thread", 3),
    ("household_table", 2),
    ("pdf_paste", 3),
    ("court_letter", 2),
    ("notes", 2),
    ("sections", 3),
]


class Ctx:
    """What a phrase needs: the report, its people, and the ways to write them."""

    def __init__(self, r: Report, bank: Any) -> None:
        self.r, self.bank, self.rng = r, bank, r.rng
        self.a = r.applicant
        self.partner: Person | None = None
        self.kids: list[Person] = []
        self._thirds: dict = {}

    # people
    def third(self, role: str, sex: str | None = None) -> Person:
        """The report's one person in ``role`` (of ``sex`` when a phrase needs it)."""
        known = self._thirds.get(role)
        if known is None or (sex and known.sex != sex):
            known = self._thirds[role] = self.r.third(role, sex)
        return known

    def pick_once(self, key: str, options: list):
        """One draw per report (the occupation a form and the prose both give)."""
        if key not in self._thirds:
            self._thirds[key] = self.rng.choice(options)
        return self._thirds[key]

    def n(self, person: Person, how: str | None = None) -> str:
        """The person's name in a randomly chosen written form."""
        if how is None:
            styles, weights = zip(*NAME_STYLES, strict=True)
            how = self.rng.choices(styles, weights)[0]
            joined = any(x in person.last for x in ("ff", "fi", "fl"))
            if how == "ligature" and not joined:
                how = "full"
            elif joined and self.rng.random() < 0.3:
                how = "ligature"
        return self.r.call(person, how)

    def t(self, person: Person, how: str | None = None) -> str:
        """Title and surname: "Mme DETHIER", "mevrouw Peeters", "Frau Mreyen"."""
        title = self.bank.title(person)
        how = how or self.rng.choice(
            [
                "last",
                "last",
                "last",
                "caps_last",
                "caps_last",
                "hyphen_break",
                "soft_hyphen",
                "spaced",
                "zero_width",
            ]
        )
        if how in ("hyphen_break", "soft_hyphen", "spaced", "zero_width"):
            written = self.r.call(
                Person(["x"], person.last, person.sex, known=person.known, role=person.role), how
            )
            return f"{title} {written.removeprefix('x ')}"
        return f"{title} {self.r.call(person, how)}"

    def other_phone(self, country: str = "BE") -> str:
        """The phone of someone nobody listed (a landlord, a lawyer): it must go too."""
        return self.r.phone_text(mobile_for(self.rng, country), country, known=False)

    def children(self, unit: str, conjunction: str) -> str:
        """ "Théo (11 ans), Lina (8 ans) et Noa (4 ans)", each name in a random form."""
        named = [
            f"{self.n(k, self.rng.choice(['first', 'first', 'nick', 'full']))} ({k.age()} {unit})"
            for k in self.kids
        ]
        joint = f" {conjunction} " if len(named) > 1 else ""
        return ", ".join(named[:-1]) + joint + named[-1]

    def canton(self) -> str:
        """The municipality in capitals, as a court's heading writes it."""
        return self.keep(self.r.address["city"].upper(), "municipality", "municipality")

    def kid(self) -> Person:
        return self.rng.choice(self.kids) if self.kids else self.a

    # values
    def keep(self, text: str, cat: str, category: str) -> str:
        return self.r.kept(text, cat, category)

    def pick(self, options: list[tuple[str, str, str]]) -> str:
        text, cat, category = self.rng.choice(options)
        return self.keep(text, cat, category)

    def say(self, bank_name: str) -> str:
        return self.rng.choice(getattr(self.bank, bank_name))(self)


def _household(c: Ctx) -> None:
    rng, r = c.rng, c.r
    if rng.random() < 0.45:
        c.partner = r.member("partner")
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4])):
        c.kids.append(r.member("child"))
    if rng.random() < 0.1:
        r.member("parent")


def compose(r: Report, bank: Any) -> str:
    c = Ctx(r, bank)
    _household(c)
    styles, weights = zip(*LAYOUTS, strict=True)
    r.layout = c.rng.choices(styles, weights)[0]
    import layouts  # layouts builds on this module, so it is imported late

    text = (getattr(bank, r.layout, None) or getattr(layouts, r.layout))(c)
    if r.layout == "pdf_paste":
        spans = [e["text"] or "" for e in r.keep] + [
            form for e in r.redact for form in (e.get("forms") or [e["text"]])
        ]
        text = artefacts.pdf_paste(text, spans, c.rng)
    return text.strip() + "\n"


def quote(c: Ctx, text: str, mark: str = "> ") -> str:
    """Quote a reply: every line, including those a name was cut across, gets the mark."""
    for entry in c.r.redact:
        forms = entry.get("forms") or []
        entry_forms = forms + [f.replace("\n", "\n" + mark) for f in forms if "\n" in f]
        if len(entry_forms) > len(forms):
            entry["forms"] = entry_forms
    return "\n".join(mark + line for line in text.splitlines())


def body(c: Ctx, banks: list[str], extra: int = 3) -> list[str]:
    """The core paragraphs, in order, plus ``extra`` optional ones drawn from the bank."""
    optional = [name for name in OPTIONAL if c.kids or name not in NEED_CHILDREN]
    c.rng.shuffle(optional)
    chosen = banks + optional[:extra]
    return [c.say(name) for name in chosen]
