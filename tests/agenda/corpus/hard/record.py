"""One synthetic report being written: its people, its dossier, and every span the templates put
in the text, recorded with the annotation it needs (``redact`` or ``keep``, ``cat`` from the
shared samples' README, and this set's finer ``category``)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import artefacts
from people import (
    BOX_WORD,
    FIRSTS,
    LASTS,
    PARTICLES,
    STREETS,
    TOWNS,
    iban_for,
    mobile_for,
    niss_for,
    plate_for,
    roll_for,
)
from words import MONTHS, date_words

REFERENCE = date(2026, 10, 1)


@dataclass
class Person:
    firsts: list[str]
    last: str
    sex: str
    birth: date | None = None
    relation: str | None = None
    role: str | None = None
    niss: str | None = None
    known: bool = True
    nicks: list[str] = field(default_factory=list)

    @property
    def first(self) -> str:
        return self.firsts[0]

    def age(self) -> int:
        assert self.birth is not None
        before = (REFERENCE.month, REFERENCE.day) < (self.birth.month, self.birth.day)
        return REFERENCE.year - self.birth.year - before

    def tokens(self, which: str = "all") -> list[str]:
        parts: list[str] = []
        if which in ("all", "first"):
            parts += [p for f in self.firsts for p in f.split("-")]
        if which in ("all", "last"):
            parts += re.split(r"[\s-]+", self.last)
        return [p for p in parts if len(p) >= 3 and p.casefold() not in PARTICLES]


class Report:
    def __init__(self, name: str, lang: str, seed: int) -> None:
        self.name, self.lang = name, lang
        self.rng = random.Random(seed)
        self.used: set[str] = set()
        self.redact: list[dict] = []
        self.keep: list[dict] = []
        self.layout = ""
        town = self.rng.choice(TOWNS[lang])
        street, self.street_short = self.rng.choice(STREETS[lang])
        self.address = {
            "street": street,
            "number": str(
                self.rng.choice([self.rng.randrange(1, 40), self.rng.randrange(40, 260)])
            ),
            "box": self.rng.choice([None, None, str(self.rng.randrange(1, 12)), "A"]),
            "postcode": town[0],
            "city": town[1],
        }
        self.applicant = self.person(self.rng.choice("FM"), born=(1958, 2004))
        self.household: list[Person] = []
        self.phone_country = self.rng.choice(
            {"fr": ["BE"] * 6 + ["FR"], "nl": ["BE"] * 5 + ["NL"], "de": ["BE"] * 4 + ["DE"]}[lang]
        )
        self.phone = mobile_for(self.rng, self.phone_country)
        self.iban = iban_for(self.rng, "DE" if lang == "de" and self.rng.random() < 0.3 else "BE")
        self.email = ""
        self.reference = f"{REFERENCE.year}/{self.rng.randrange(100, 9999):04d}"

    # -- people --------------------------------------------------------------------------------
    def person(
        self, sex: str, born: tuple[int, int], last: str | None = None, known: bool = True
    ) -> Person:
        females, males = FIRSTS[self.lang]
        pool = females if sex == "F" else males
        first = self._fresh(list(pool))
        firsts = [first]
        if self.rng.random() < 0.2:
            firsts.append(self._fresh(list(pool)))
        day = date(self.rng.randrange(*born), self.rng.randrange(1, 13), self.rng.randrange(1, 29))
        person = Person(firsts, last or self._fresh(LASTS[self.lang]), sex, day, known=known)
        person.nicks = list(pool[first])
        person.niss = niss_for(self.rng, day, sex)
        return person

    def _fresh(self, pool: list[str]) -> str:
        choice = self.rng.choice([p for p in pool if p not in self.used])
        self.used.add(choice)
        return choice

    def member(self, relation: str) -> Person:
        if relation == "partner":
            sex = "M" if self.applicant.sex == "F" else "F"
            person = self.person(sex, (1960, 2003))
        elif relation == "child":
            person = self.person(self.rng.choice("FM"), (2008, 2025), last=self.applicant.last)
        else:
            person = self.person(self.rng.choice("FM"), (1940, 1970))
        person.relation = relation
        self.household.append(person)
        return person

    def third(self, role: str, sex: str | None = None) -> Person:
        person = self.person(sex or self.rng.choice("FM"), (1950, 1998), known=False)
        person.role = role
        return person

    # -- recording -----------------------------------------------------------------------------
    def _redact(self, entry: dict) -> None:
        if entry not in self.redact:
            self.redact.append(entry)

    def names(
        self, person: Person, written: str, category: str, which: str = "all", skip: str = ""
    ) -> str:
        """Record the name tokens of ``person`` that ``written`` shows (under ``category``)."""
        for token in person.tokens(which):
            shown = re.search(rf"(?<!\w){re.escape(token)}(?!\w)", written, re.IGNORECASE)
            if token == skip or not shown:
                continue
            entry = {"text": token, "cat": "name", "known": person.known, "category": category}
            if not person.known:
                entry["role"] = person.role
            self._redact(entry)
        return written

    def value(
        self,
        text: str,
        cat: str,
        category: str,
        known: bool = True,
        digits: bool = False,
        forms: list[str] | None = None,
    ) -> str:
        entry: dict = {"text": text, "cat": cat, "known": known, "category": category}
        if digits:
            entry["digits"] = True
        if forms:
            entry["forms"] = forms
        self._redact(entry)
        return text

    def kept(self, text: str, cat: str, category: str) -> str:
        entry = {"text": text, "cat": cat, "category": category}
        if entry not in self.keep:
            self.keep.append(entry)
        return text

    # -- how a name is written -----------------------------------------------------------------
    def call(self, person: Person, how: str = "full") -> str:
        """The person's name as the text writes it; every shown token annotated."""
        rng = self.rng
        first, last = person.first, person.last
        if how == "first":
            return self.names(person, first, "name", "first")
        if how == "last":
            return self.names(person, last, "name", "last")
        if how == "caps":  # DUPONT Marie
            return self.names(person, f"{last.upper()} {first}", "name_allcaps")
        if how == "caps_last":
            return self.names(person, last.upper(), "name_allcaps", "last")
        if how == "nick":
            nicks = [n for n in person.nicks if len(n) >= 3 or n.isupper()]
            if not nicks:
                return self.names(person, first, "name", "first")
            return self.value(rng.choice(nicks), "name", "name_diminutive", known=person.known)
        if how == "initials":
            # "M. D." would read as "Monsieur D." in French, the pseudonym's own form
            spaced = [] if self.lang == "fr" else ["{f}. {l}."]
            form = rng.choice(["{f}.{l}.", "{l}.{f}.", "{f}{l}", *spaced])
            written = form.format(f=first[0], l=last.split()[-1][0])
            if "-" in first and rng.random() < 0.7:
                written = "{}.-{}. {}.".format(*(p[0] for p in first.split("-")), last[0])
            return self.value(written, "name", "name_initials", known=person.known)
        if how in artefacts.NAME_ARTEFACTS:
            tokens = person.tokens("last") or person.tokens()
            token = rng.choice(tokens)
            broken = artefacts.NAME_ARTEFACTS[how](token, rng)
            written = f"{first} {last}".replace(token, broken)
            if broken == token:
                return self.names(person, written, "name")
            self.names(person, written, "name", skip=token)
            entry = {
                "text": token,
                "cat": "name",
                "known": person.known,
                "category": f"name_{how}",
                "forms": [broken, token],
            }
            if not person.known:
                entry["role"] = person.role
            self._redact(entry)
            return written
        return self.names(person, f"{first} {last}", "name")

    # -- identifiers ---------------------------------------------------------------------------
    def niss_text(self, person: Person, ocr: bool = False) -> str:
        digits = person.niss
        assert digits is not None
        style = self.rng.choice(
            [
                "{0}{1}{2}{3}{4}",
                "{0}.{1}.{2}-{3}.{4}",
                "{0}{1}{2} {3} {4}",
                "{0}{1}{2}-{3}-{4}",
                "{0} {1} {2} {3} {4}",
                "{0}.{1}.{2} {3}-{4}",
            ]
        )
        written = style.format(digits[:2], digits[2:4], digits[4:6], digits[6:9], digits[9:])
        if ocr:
            bad = artefacts.ocr_digits(written, self.rng)
            return self.value(bad, "niss", "niss_ocr", known=person.known, forms=[bad])
        return self.value(written, "niss", "niss", known=person.known, digits=True)

    def iban_text(self, ocr: bool = False, value: str | None = None, known: bool = True) -> str:
        value = value or self.iban
        spaced = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        written = self.rng.choice([spaced, spaced, value, spaced.replace(" ", "\u00a0")])
        if ocr:
            bad = artefacts.ocr_digits(written, self.rng, start=2)
            return self.value(
                bad, "iban", "iban_ocr", known=known, forms=[bad, bad.replace("\u00a0", " ")]
            )
        if "\u00a0" in written:  # no digit run across a non-breaking space: match the forms
            return self.value(written, "iban", "iban", known=known, forms=[written, spaced, value])
        return self.value(written, "iban", "iban", known=known, digits=True)

    def birth_text(self, person: Person, words: bool = False) -> str:
        day = person.birth
        assert day is not None
        if words:
            written = date_words(self.lang, day, self.rng.randrange(2))
            return self.value(
                written, "birth_date", "birth_date_words", known=person.known, forms=[written]
            )
        months = MONTHS[self.lang]
        written = self.rng.choice(
            [
                f"{day.day:02d}/{day.month:02d}/{day.year}",
                f"{day.day}/{day.month}/{day.year}",
                f"{day.day:02d}.{day.month:02d}.{day.year}",
                f"{day.day:02d}/{day.month:02d}/{day:%y}",
                f"{day.day:02d}-{day.month:02d}-{day.year}",
                f"{day.day} {months[day.month - 1]} {day.year}",
                f"{day.day:02d}.{day.month:02d}.{day:%y}",
            ]
        )
        if self.lang == "de" and " " in written:
            written = written.replace(" ", ". ", 1)
        return self.value(written, "birth_date", "birth_date", known=person.known, forms=[written])

    def phone_text(
        self, digits: str | None = None, country: str | None = None, known: bool = True
    ) -> str:
        digits = digits or self.phone
        country = country or self.phone_country
        national = digits[1:]
        rng = self.rng
        if country == "BE":
            options = {
                "phone": [
                    f"{digits[:4]} {digits[4:6]} {digits[6:8]} {digits[8:]}",
                    f"+32 {national[:3]} {national[3:5]} {national[5:7]} {national[7:]}",
                ],
                "phone_nl": [
                    f"{digits[:4]}/{digits[4:6]}.{digits[6:8]}.{digits[8:]}",
                    f"{digits[:4]}-{digits[4:7]} {digits[7:]}",
                    f"{digits[:4]} {digits[4:7]} {digits[7:]}",
                    f"{digits[:4]}/{digits[4:]}",
                ],
                "phone_de": [
                    f"{digits[:4]}/{digits[4:6]} {digits[6:8]} {digits[8:]}",
                    f"0032 {national[:3]} {national[3:6]} {national[6:]}",
                ],
            }
            category = {"fr": "phone", "nl": "phone_nl", "de": "phone_de"}[self.lang]
            if rng.random() < 0.3:
                category = "phone"
        elif country == "NL":
            options = {
                "phone_nl": [
                    f"{digits[:2]}-{digits[2:]}",
                    f"+31 6 {digits[2:6]} {digits[6:]}",
                    f"+31 (0)6 {digits[2:]}",
                    f"{digits[:2]} {digits[2:6]} {digits[6:]}",
                ]
            }
            category = "phone_nl"
        elif country == "DE":
            options = {
                "phone_de": [
                    f"{digits[:4]}/{digits[4:]}",
                    f"+49 {national[:3]} {national[3:]}",
                    f"+49 (0){national[:3]} {national[3:]}",
                    f"{digits[:4]} {digits[4:7]} {digits[7:]}",
                ]
            }
            category = "phone_de"
        else:
            options = {
                "phone_fr": [
                    ".".join(digits[i : i + 2] for i in range(0, 10, 2)),
                    f"+33 {national[0]} " + " ".join(national[i : i + 2] for i in range(1, 9, 2)),
                ]
            }
            category = "phone_fr"
        written = rng.choice(options[category])
        shown = written.split(")")[-1]  # digits before "(0)" form no run with the rest
        self.value(shown.strip(), "phone", category, known=known, digits=True)
        return written

    def email_text(self, person: Person, obfuscate: bool, known: bool = True) -> str:
        rng = self.rng
        local = rng.choice(["{f}.{l}", "{f}{l}", "{l}.{f}", "{f}_{l}{y}", "{f}{y}"]).format(
            f=artefacts.ascii_lower(person.first).replace("-", ""),
            l=artefacts.ascii_lower(person.last).replace(" ", "").replace("'", ""),
            y=f"{person.birth.year % 100:02d}" if person.birth else "07",
        )
        domain = rng.choice(
            [
                "gmail.com",
                "hotmail.com",
                "outlook.be",
                "skynet.be",
                "telenet.be",
                "yahoo.fr",
                "proximus.be",
                "gmx.de",
                "live.be",
            ]
        )
        address = f"{local}@{domain}"
        if not self.email and known:
            self.email = address
        if not obfuscate:
            return self.value(address, "email", "email", known=known)
        written = artefacts.obfuscate_email(local, domain, self.lang, rng)
        self.value(address, "email", "email_obfuscated", known=known, forms=[written, address])
        return written

    def street_text(self, abbreviated: bool) -> str:
        a = self.address
        box = f" {self.rng.choice(BOX_WORD[self.lang])} {a['box']}" if a["box"] else ""
        if not abbreviated:
            written = f"{a['street']} {a['number']}{box}"
            self.value(a["street"], "address", "address")
            return written
        short = self.rng.choice(self.street_short)
        number = a["number"]
        if self.lang == "fr" and self.rng.random() < 0.6:
            number = f"n° {number}"
        elif self.lang == "nl" and self.rng.random() < 0.3:
            number = f"nr. {number}"
        written = f"{short} {number}{box}"
        if self.lang == "fr" and self.rng.random() < 0.5:
            written = f"{number}, {short}{box}".replace("n° ", "")
        core = short.split()[-1]
        self.value(short, "address", "address_abbrev", forms=[short, f"{core} {a['number']}"])
        return written

    def town(self) -> str:
        a = self.address
        return (
            self.kept(
                a["city"],
                "municipality",
                "place_saint" if re.search(r"S(ain)?t|Sankt|Sint", a["city"]) else "municipality",
            )
            and f"{a['postcode']} {a['city']}"
        )

    def plate(self) -> str:
        plate = plate_for(self.rng)
        written = self.rng.choice([plate, plate, plate.replace("-", ""), plate.replace("-", " ")])
        return self.value(written, "plate", "plate", known=False)

    def roll(self) -> str:
        return self.value(roll_for(self.rng), "court_roll", "court_roll", known=False)

    # -- values that stay ----------------------------------------------------------------------
    def when(self, style: str = "any", month_min: int = 1) -> str:
        """A procedure date (visit, hearing, meeting): day and month must stay."""
        rng = self.rng
        day = date(2026, rng.randrange(month_min, 13), rng.randrange(1, 29))
        months = MONTHS[self.lang]
        choices = {
            "words": f"{day.day} {months[day.month - 1]} {day.year}",
            "slash": f"{day.day:02d}/{day.month:02d}/{day.year}",
            "dots": f"{day.day:02d}.{day.month:02d}.{day.year}",
            "short": f"{day.day:02d}/{day.month:02d}",
        }
        if self.lang == "de":
            choices["words"] = f"{day.day}. {months[day.month - 1]} {day.year}"
            choices["short"] = f"{day.day:02d}.{day.month:02d}."
        text = choices[style] if style != "any" else rng.choice(list(choices.values()))
        return self.kept(text.rstrip("."), "date", "procedure_date") and text

    def amount(self, low: int = 30, high: int = 2500) -> str:
        euros = self.rng.randrange(low, high)
        cents = self.rng.choice([0, 0, 50, 25, 99, 13])
        text = f"{euros:,}".replace(",", ".") + f",{cents:02d}"
        return self.kept(text, "amount", "amount")

    def child_age(self, person: Person) -> int:
        return person.age()

    def some_days_later(self, days: int) -> date:
        return REFERENCE + timedelta(days=days)
