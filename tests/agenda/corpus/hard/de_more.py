"""More German phrases: Nachbarn und Freunde mit Spitznamen, Anwälte, die schreiben, Energie,
Feiertage und Jahreszeiten, die wie Namen aussehen, Familie in Deutschland. Looked up before
de.py's (build.Bank)."""

from __future__ import annotations

import de
from de import aid, dat, disease, hospital, ihr, job, place, season, sie

INTRO = [
    *de.INTRO,
    lambda c: (
        f"Akte seit 2021 bekannt. {de.title(c.a)} {c.n(c.a, 'caps_last')} "
        f"({c.n(c.a, 'first')}) meldet sich am {c.r.when('words')} nach einem Aufenthalt "
        f"{hospital(c)} zurück."
    ),
    lambda c: (
        f"Gespräch im Dienst am {c.r.when('dots')} mit {c.n(c.a)} (NRN "
        f"{c.r.niss_text(c.a, c.rng.random() < 0.4)}), Mieter(in) einer Wohnung "
        f"{c.r.street_text(True)}, {c.r.town()}."
    ),
    lambda c: (
        f"Erstantrag von {dat(c.t(c.a))}, vom Sozialdienst der Krankenkasse geschickt; "
        f"{sie(c.a)} bewohnt ein Studio {c.r.street_text(c.rng.random() < 0.7)} in {c.r.town()}."
    ),
]
NEIGHBOUR = [
    lambda c: (
        f"Eine Nachbarin, {c.n(c.third('neighbour', 'F'), 'initials')}, bringt jeden "
        f"Abend Essen; {c.n(c.a, 'first')} nennt sie „{c.n(c.third('neighbour', 'F'), 'nick')}“."
    ),
    lambda c: (
        f"Ein Jugendfreund, von allen „{c.n(c.third('friend', 'M'), 'nick')}“ genannt, "
        f"nimmt {'sie' if c.a.sex == 'F' else 'ihn'} seit dem "
        f"{c.r.when('short')} bei sich auf."
    ),
    lambda c: (
        f"Der Nachbar von oben, {c.t(c.third('neighbour', 'M'), 'caps_last')}, hat sich "
        f"bei der Polizei in {place(c)} beschwert."
    ),
]
LAWYER = [
    lambda c: (
        f"Die Pro-Deo-Anwältin, Frau {c.n(c.third('lawyer', 'F'), 'last')}, schrieb uns "
        f"({c.r.email_text(c.third('lawyer', 'F'), True, known=False)}) zum Verfahren "
        f"{c.r.roll()}."
    ),
    lambda c: (
        f"Rechtsanwalt {c.n(c.third('lawyer', 'M'))} (Tel. {c.other_phone('DE')}) "
        f"vertritt {ihr(c.a)}e Interessen vor dem Arbeitsgericht; Sitzung am "
        f"{c.r.when('words')}."
    ),
    lambda c: (
        f"Der Anwalt des früheren Partners, {c.t(c.third('lawyer', 'M'), 'caps_last')}, "
        f"fordert das seit dem {c.r.when('dots')} bezogene Kindergeld zurück."
    ),
]
ENERGY = [
    lambda c: (
        f"Der Budgetzähler wurde am {c.r.when('words')} eingebaut; die Schulden beim "
        f"Stromanbieter belaufen sich auf {c.r.amount(200, 1800)} €."
    ),
    lambda c: (
        f"Jahresabrechnung: {c.r.amount(300, 2200)} €. "
        f"{c.keep('Verfügbarer Saldo', 'word', 'word_lookalike')} auf dem Konto "
        f"{c.r.iban_text(c.rng.random() < 0.3)} am {c.r.when('short')} {c.r.amount(1, 60)} €."
    ),
    lambda c: (
        f"Hinter der {c.keep('rosa', 'word', 'word_lookalike')} Fassade liegt eine "
        f"feuchte Wohnung; der Bericht des Wohnungsinspektors datiert vom {c.r.when('dots')}."
    ),
]
HOLIDAY = [
    lambda c: f"Im {season(c)} verbringen die Kinder die Ferien bei der Großmutter in {place(c)}.",
    lambda c: (
        f"Für {c.keep('Nikolaus', 'word', 'word_lookalike')} wurde im letzten Jahr "
        f"bereits eine Hilfe von {c.r.amount(25, 80)} € gewährt."
    ),
]
ABROAD = [
    lambda c: (
        f"{ihr(c.a).capitalize()}e Schwester, {c.n(c.third('sister', 'F'))}, lebt in "
        f"Aachen (Tel. {c.other_phone('DE')}) und schickt ab und zu Geld."
    ),
    lambda c: (
        f"{sie(c.a).capitalize()} besucht {ihr(c.a)}en Vater, der {disease(c)} leidet, "
        f"im Seniorenheim; der Leiter, {c.n(c.third('care home director', 'M'))}, bestätigt dies."
    ),
    lambda c: f"Die Kinder wohnen vorläufig bei {c.n(c.third('grandmother', 'F'))} in {place(c)}.",
]

SECTIONS_TITLE = "Sozialbericht an den Sozialhilferat"
SECTIONS = [
    ("Zusammensetzung des Haushalts", ["FAMILY"]),
    ("Wohnung", ["LANDLORD", "ENERGY", "NEIGHBOUR"]),
    ("Gesundheit", ["HEALTH", "ABROAD"]),
    ("Schule", ["SCHOOL"]),
    ("Berufliche Lage", ["WORK", "CAR"]),
    ("Finanzielle Lage", ["BUDGET", "DEBT", "LAWYER"]),
    ("Kontakt", ["CONTACT"]),
    ("Vorschlag", ["PROPOSAL"]),
]
PROPOSAL = [
    *de.PROPOSAL,
    lambda c: (
        f"Vorschlag an den Sozialhilferat vom {c.r.when('dots')}: Übernahme der "
        f"Mietkaution ({c.r.amount(600, 2400)} €) als Bankgarantie."
    ),
    lambda c: (
        f"Vorschuss auf Leistungen von {c.r.amount(300, 1200)} € bis zur Entscheidung "
        f"von {aid(c)}, rückzahlbar ab dem {c.r.when('words')}."
    ),
    lambda c: (
        f"Ablehnung vorgeschlagen: die Existenzmittel übersteigen den Grenzbetrag "
        f"({c.keep(c.rng.choice(de.LEGAL), 'legal', 'legal')}); Überprüfung am "
        f"{c.r.when('short')}"
    ),
]
HEALTH = [
    *de.HEALTH,
    lambda c: (
        f"Das Attest von Dr. {c.n(c.third('doctor'), 'caps_last')} bestätigt eine "
        f"Behandlung {hospital(c)} seit dem {c.r.when('dots')}."
    ),
    lambda c: (
        f"Die Apothekenkosten ({c.r.amount(40, 300)} € im Monat) hängen mit "
        f"{disease(c, bare=True)} zusammen."
    ),
]
WORK = [
    *de.WORK,
    lambda c: (
        f"{ihr(c.a).capitalize()} letzter Arbeitgeber, die Bäckerei "
        f"{c.n(c.third('employer', 'M'), 'last')} in {place(c)}, hat "
        f"{'sie' if c.a.sex == 'F' else 'ihn'} am {c.r.when('words')} entlassen."
    ),
    lambda c: (
        f"Seit 2024 arbeitsuchend gemeldet; eine Ausbildung als {job(c)} beim {aid(c)} ist geplant."
    ),
]
