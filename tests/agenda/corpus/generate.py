"""Writes the evaluation corpus: synthetic social reports (no real person) with their dossiers
and annotations, in the format of ../shared/samples/pseudonymisation.

Run ``python tests/agenda/corpus/generate.py`` to rewrite the files (seeded, so reproducible).
On purpose this script shares no code with agenda.pseudonymise: checksums, matching and
annotation are written here from scratch, so the evaluation is not circular. The reports come
from hand-written templates of different layouts (headed forms, prose, e-mails, tables) and the
names from pools with particles, hyphens, apostrophes and names that are also words.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

from case import Case, Person
from pools import MUST, MUST_FIRST, PARTICLES, STREETS, iban_for, mobile_for, niss_for
from templates_fr import TEMPLATES_FR
from templates_nl_de import TEMPLATES_DE, TEMPLATES_NL

HERE = Path(__file__).resolve().parent
TEMPLATES: dict[str, list[Callable[[Case], str]]] = {
    "fr": TEMPLATES_FR,
    "nl": TEMPLATES_NL,
    "de": TEMPLATES_DE,
}
COUNTS = {"fr": 30, "nl": 22, "de": 16}


# ---------------------------------------------------------------- annotation
def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def present(needle: str, haystack: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(plain(needle))}(?!\w)", plain(haystack)) is not None


def name_tokens(person: Person) -> list[str]:
    words = re.findall(r"[^\W\d_]+", " ".join([*person.firsts, person.last]))
    return [w for w in words if len(w) >= 3 and w.lower() not in PARTICLES]


def build(name: str, lang: str, template: Callable[[Case], str], rng: random.Random) -> None:
    sex = rng.choice("FM")
    case = Case(name, lang, rng, Person([], ""))
    applicant = case.person(sex, last=MUST[lang].pop(0) if MUST[lang] else None)
    if MUST_FIRST[lang]:
        applicant.firsts = [MUST_FIRST[lang].pop(0)]
        applicant.sex = sex = "M" if applicant.first in ("Pieter-Jan", "Karl-Heinz") else "F"
    if rng.random() < 0.3:
        applicant.firsts.append(case.person(sex).first)
    applicant.birth = date(rng.randrange(1955, 2005), rng.randrange(1, 13), rng.randrange(1, 29))
    applicant.niss = niss_for(applicant.birth, rng, bis=rng.random() < 0.1)
    applicant.relation = "applicant"
    case.applicant = applicant
    street, postcode, city = rng.choice(STREETS[lang])
    case.street, case.postcode, case.city = street, postcode, city
    case.number = str(rng.randrange(1, 240))
    case.box = rng.choice([None, None, "2", "3", "B"])
    case.phone = mobile_for(rng)
    login = plain(f"{applicant.first}.{applicant.last}").replace(" ", "").replace("'", "")
    suffix = rng.randrange(10, 99)
    domain = rng.choice(["gmail.com", "skynet.be", "outlook.be", "telenet.be"])
    case.email = f"{re.sub(r'[^a-z.-]', '', login)}{suffix}@{domain}"
    case.iban = iban_for(rng)
    text = template(case)
    write(case, text)


def write(case: Case, text: str) -> None:
    a = case.applicant
    people = [a, *case.household, *case.listed]
    redact: list[dict] = []
    for person in people:
        redact += [
            {"text": token, "cat": "name", "known": True}
            for token in name_tokens(person)
            if present(token, text)
        ]
    for person in case.unknown:
        redact += [
            {"text": token, "cat": "name", "known": False, "role": person.role}
            for token in name_tokens(person)
            if present(token, text)
        ]
    digits_present = re.sub(r"\D", "", text)
    redact += case.others
    for person in people:
        if person.niss and person.niss in re.sub(r"[ .\-/]", "", text):
            redact.append({"text": person.niss, "cat": "niss", "known": True, "digits": True})
    if case.iban[2:] in digits_present:
        redact.append({"text": case.iban, "cat": "iban", "known": True, "digits": True})
    redact += [
        {"text": form, "cat": "phone", "known": True, "digits": True}
        for form in dict.fromkeys(case.phone_forms)
    ]
    if case.email in text:
        redact.append({"text": case.email, "cat": "email", "known": True})
    if present(case.street, text):
        redact.append({"text": case.street, "cat": "address", "known": True})
    for person in people:
        forms = case.birth_forms.get(id(person))
        if forms:
            redact.append({"text": None, "cat": "birth_date", "known": True, "forms": forms})
    keep = []
    for value, cat in case.keeps:
        assert present(value, text), (case.name, value)
        if {"text": value, "cat": cat} not in keep:
            keep.append({"text": value, "cat": cat})
    for entry in redact:
        if entry["cat"] == "name":
            # A name that is also a word must not appear as that word (in lower case) or in a
            # value to keep: the README's matching ignores case, so the annotation would lie.
            word = entry["text"].lower()
            prose = text.replace(case.email, "")
            assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", prose), (case.name, word)
            for value, _ in case.keeps:
                assert not present(entry["text"], value), (case.name, entry["text"], value)
    dossier = {
        "reference": f"2026/{case.name[-4:]}",
        "language": case.lang,
        "applicant": _person_json(a),
        "address": {"street": case.street, "number": case.number, "box": case.box,
                    "postcode": case.postcode, "city": case.city},
        "household": [_person_json(p) for p in case.household],
        "contacts": {"phone": case.phone, "email": case.email, "iban": case.iban},
    }
    if case.listed:
        dossier["third_parties"] = [_person_json(p) for p in case.listed]
    (HERE / f"{case.name}.txt").write_text(text, "utf-8")
    (HERE / f"{case.name}.json").write_text(
        json.dumps(dossier, ensure_ascii=False, indent=1), "utf-8"
    )
    annotations = {"redact": redact, "keep": keep}
    (HERE / f"{case.name}.ann.json").write_text(
        json.dumps(annotations, ensure_ascii=False, indent=1), "utf-8"
    )


def _person_json(person: Person) -> dict:
    data: dict = {"last_name": person.last, "first_names": person.firsts}
    if person.birth:
        data["birth_date"] = person.birth.isoformat()
    if person.niss:
        data["niss"] = person.niss
    if person.sex:
        data["sex"] = person.sex
    if person.relation and person.relation != "applicant":
        data["relation"] = person.relation
    if person.role:
        data["role"] = person.role
    return data


def main() -> None:
    rng = random.Random(20261001)
    for old in HERE.glob("c*.*json"):
        old.unlink()
    for old in HERE.glob("c*.txt"):
        old.unlink()
    number = 0
    for lang, count in COUNTS.items():
        templates = TEMPLATES[lang]
        for i in range(count):
            number += 1
            build(f"c{lang}{number:04d}", lang, templates[i % len(templates)], rng)


if __name__ == "__main__":
    main()
