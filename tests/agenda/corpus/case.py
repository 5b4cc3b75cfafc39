"""The people of one synthetic report and the Case that writes their values into a template
while remembering what the annotation must redact or keep."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from pools import (
    DE_F,
    DE_LAST,
    DE_M,
    FR_F,
    FR_LAST,
    FR_M,
    MONTHS,
    NL_F,
    NL_LAST,
    NL_M,
    RARE_F,
    RARE_M,
    REFERENCE,
    group,
)


@dataclass
class Person:
    firsts: list[str]
    last: str
    sex: str | None = None
    birth: date | None = None
    relation: str | None = None
    role: str | None = None
    niss: str | None = None

    @property
    def first(self) -> str:
        return self.firsts[0] if self.firsts else ""

    @property
    def up(self) -> str:
        return self.last.upper()

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}".strip()

    def age(self) -> int:
        assert self.birth is not None
        return REFERENCE.year - self.birth.year - (
            (REFERENCE.month, REFERENCE.day) < (self.birth.month, self.birth.day)
        )


@dataclass
class Case:
    name: str
    lang: str
    rng: random.Random
    applicant: Person
    household: list[Person] = field(default_factory=list)
    listed: list[Person] = field(default_factory=list)
    unknown: list[Person] = field(default_factory=list)
    keeps: list[tuple[str, str]] = field(default_factory=list)
    birth_forms: dict[int, list[str]] = field(default_factory=dict)
    street: str = ""
    number: str = ""
    box: str | None = None
    postcode: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    iban: str = ""
    used: set[str] = field(default_factory=set)
    phone_forms: list[str] = field(default_factory=list)
    others: list[dict] = field(default_factory=list)

    # -- pools -------------------------------------------------------------------------------
    def _pools(self) -> tuple[list[str], list[str], list[str]]:
        return {
            "fr": (FR_F, FR_M, FR_LAST),
            "nl": (NL_F, NL_M, NL_LAST),
            "de": (DE_F, DE_M, DE_LAST),
        }[self.lang]

    def _fresh(self, pool: list[str]) -> str:
        choices = [name for name in pool if name not in self.used]
        choice = self.rng.choice(choices)
        self.used.add(choice)
        return choice

    def person(self, sex: str, rare: bool = False, last: str | None = None) -> Person:
        females, males, lasts = self._pools()
        pool = (RARE_F if sex == "F" else RARE_M) if rare else (females if sex == "F" else males)
        return Person([self._fresh(pool)], last or self._fresh(lasts), sex)

    def third(self, role: str, sex: str | None = None, rare: bool = False) -> Person:
        """Someone the dossier does not list: the annotation marks them known: false."""
        person = self.person(sex or self.rng.choice("FM"), rare)
        person.role = role
        self.unknown.append(person)
        return person

    def child(self, age: int, sex: str | None = None) -> Person:
        person = self.person(sex or self.rng.choice("FM"), last=self.applicant.last)
        person.sex = None  # dossiers rarely give a child's sex
        person.relation = "child"
        person.birth = REFERENCE - timedelta(days=365 * age + self.rng.randrange(20, 300))
        self.household.append(person)
        return person

    def partner(self) -> Person:
        sex = "M" if self.applicant.sex == "F" else "F"
        person = self.person(sex)
        person.relation = "partner"
        person.birth = date(
            self.rng.randrange(1965, 2000), self.rng.randrange(1, 13), self.rng.randrange(1, 29)
        )
        self.household.append(person)
        return person

    # -- written values ----------------------------------------------------------------------
    def other(self, text: str, cat: str, digits: bool = False) -> str:
        """A value of someone nobody listed (a landlord's phone): it must go too."""
        entry = {"text": text, "cat": cat, "known": False}
        if digits:
            entry["digits"] = True
        self.others.append(entry)
        return text

    def keep(self, text: str, cat: str) -> str:
        self.keeps.append((text, cat))
        return text

    def birth(self, person: Person, style: str) -> str:
        """The person's birth date in one written style; annotated as a form to remove."""
        day = person.birth
        assert day is not None
        months = MONTHS[self.lang]
        text = {
            "dots": f"{day.day:02d}.{day.month:02d}.{day.year}",
            "slashes": f"{day.day:02d}/{day.month:02d}/{day.year}",
            "short": f"{day.day}/{day.month}/{day.year}",
            "iso": day.isoformat(),
            "written": f"{day.day} {months[day.month - 1]} {day.year}",
            "written_de": f"{day.day}. {months[day.month - 1]} {day.year}",
            "dashes": f"{day.day:02d}-{day.month:02d}-{day.year}",
        }[style]
        self.birth_forms.setdefault(id(person), []).append(text)
        return text

    def niss(self, person: Person, style: str) -> str:
        digits = person.niss
        assert digits is not None
        return {
            "plain": digits,
            "dots": f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:]}",
            "spaces": f"{digits[:6]} {digits[6:9]} {digits[9:]}",
            "dashes": f"{digits[:6]}-{digits[6:9]}-{digits[9:]}",
            "pairs": f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:9]} {digits[9:]}",
        }[style]

    def iban_text(self, style: str, value: str | None = None) -> str:
        value = value or self.iban
        return value if style == "plain" else group(value, [4, 4, 4, 4], " ")

    def phone_text(self, style: str) -> str:
        digits = self.phone
        national = digits[1:]
        written = {
            "plain": digits,
            "spaces": group(digits, [4, 2, 2, 2], " "),
            "slash": f"{digits[:4]}/{digits[4:6]}.{digits[6:8]}.{digits[8:]}",
            "intl": "+32 " + group(national, [3, 2, 2, 2], " "),
            "intl0": "+32 (0)" + group(national, [3, 2, 2, 2], " "),
            "0032": "0032 " + group(national, [3, 2, 2, 2], " "),
        }[style]
        self.phone_forms.append(written)
        return written

    def address(self, style: str) -> str:
        box = {"fr": "bte", "nl": "bus", "de": "Bfk."}[self.lang]
        boxed = f" {box} {self.box}" if self.box else ""
        return {
            "after": f"{self.street} {self.number}{boxed}, {self.postcode} {self.city}",
            "slash": f"{self.street} {self.number}" + (f"/{self.box}" if self.box else "")
            + f", {self.postcode} {self.city}",
            "before": f"{self.number}, {self.street}, {self.postcode} {self.city}",
            "lines": f"{self.street} {self.number}{boxed}\n{self.postcode} {self.city}",
        }[style]

    def date(self, style: str = "written") -> str:
        """A procedure date: it must stay."""
        day = date(2026, self.rng.randrange(1, 10), self.rng.randrange(1, 29))
        months = MONTHS[self.lang]
        text = {
            "written": f"{day.day} {months[day.month - 1]} {day.year}",
            "written_de": f"{day.day}. {months[day.month - 1]} {day.year}",
            "slashes": f"{day.day:02d}/{day.month:02d}/{day.year}",
            "dots": f"{day.day:02d}.{day.month:02d}.{day.year}",
        }[style]
        return self.keep(text, "date")

    def amount(self) -> str:
        euros, cents = self.rng.randrange(40, 2200), self.rng.choice([0, 0, 50, 17, 75, 20])
        whole = f"{euros:,}".replace(",", ".")
        return self.keep(f"{whole},{cents:02d}", "amount")

