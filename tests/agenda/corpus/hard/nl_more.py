"""More Dutch phrases: buren en vrienden met een roepnaam, advocaten die mailen, energie,
feestdagen die op namen lijken, familie in Nederland. Looked up before nl.py's (build.Bank)."""

from __future__ import annotations

import nl
from nl import aid, cap, disease, haar, hospital, job, place, zij

INTRO = [
    *nl.INTRO,
    lambda c: (
        f"Dossier gekend sinds 2022. {cap(nl.title(c.a))} {c.n(c.a, 'caps_last')} "
        f"({c.n(c.a, 'first')}) komt op {c.r.when('words')} terug na een opname in het "
        f"{hospital(c)}."
    ),
    lambda c: (
        f"Gesprek op de dienst op {c.r.when('slash')} met {c.n(c.a)} (INSZ "
        f"{c.r.niss_text(c.a, c.rng.random() < 0.4)}), huurder van een appartement in de "
        f"{c.r.street_text(True)}, {c.r.town()}."
    ),
    lambda c: (
        f"Eerste aanvraag van {c.t(c.a)}, doorverwezen door het CAW; {zij(c.a)} huurt "
        f"een studio in de {c.r.street_text(c.rng.random() < 0.7)} te {c.r.town()}."
    ),
]
NEIGHBOUR = [
    lambda c: (
        f"Een buurvrouw, {c.n(c.third('neighbour', 'F'), 'initials')}, brengt elke avond "
        f"eten; {c.n(c.a, 'first')} noemt haar "
        f"\u201c{c.n(c.third('neighbour', 'F'), 'nick')}\u201d."
    ),
    lambda c: (
        f"Een jeugdvriend, door iedereen \u2018{c.n(c.third('friend', 'M'), 'nick')}\u2019 "
        f"genoemd, vangt {'haar' if c.a.sex == 'F' else 'hem'} op sinds {c.r.when('short')}."
    ),
    lambda c: (
        f"De bovenbuurman, {c.t(c.third('neighbour', 'M'), 'caps_last')}, diende een "
        f"klacht in bij de politiezone {place(c)}."
    ),
]
LAWYER = [
    lambda c: (
        f"Pro-Deoadvocaat mr. {c.n(c.third('lawyer', 'F'), 'last')} mailde ons "
        f"({c.r.email_text(c.third('lawyer', 'F'), True, known=False)}) over de procedure met "
        f"rolnummer {c.r.roll()}."
    ),
    lambda c: (
        f"Mr. {c.n(c.third('lawyer'))} (tel. {c.other_phone()}) verdedigt {haar(c.a)} "
        f"belangen voor de arbeidsrechtbank; zitting op {c.r.when('words')}."
    ),
    lambda c: (
        f"De raadsman van de ex-partner, mr. {c.t(c.third('lawyer'), 'caps_last')}, eist "
        f"het groeipakket terug dat sinds {c.r.when('slash')} werd ontvangen."
    ),
]
ENERGY = [
    lambda c: (
        f"De budgetmeter werd op {c.r.when('words')} geplaatst; de schuld bij de "
        f"energieleverancier bedraagt {c.r.amount(200, 1800)} euro."
    ),
    lambda c: (
        f"Eindafrekening: {c.r.amount(300, 2200)} euro. "
        f"{c.keep('Beschikbaar saldo', 'word', 'word_lookalike')} op rekening "
        f"{c.r.iban_text(c.rng.random() < 0.3)} op {c.r.when('short')}: {c.r.amount(1, 60)} euro."
    ),
    lambda c: (
        f"Achter de {c.keep('roze', 'word', 'word_lookalike')} gevel zit een vochtige "
        f"woning; het conformiteitsattest dateert van {c.r.when('slash')}."
    ),
]
HOLIDAY = [
    lambda c: (
        f"Tijdens de {c.keep('Krokusvakantie', 'word', 'word_lookalike')} logeren de "
        f"kinderen bij hun grootmoeder in {place(c)}."
    ),
    lambda c: (
        f"Voor {c.keep('Sinterklaas', 'word', 'word_lookalike')} werd vorig jaar al een "
        f"tussenkomst van {c.r.amount(25, 80)} euro toegekend."
    ),
]
ABROAD = [
    lambda c: (
        f"{haar(c.a).capitalize()} zus, {c.n(c.third('sister', 'F'))}, woont in "
        f"Breda (tel. {c.other_phone('NL')}) en stuurt af en toe geld."
    ),
    lambda c: (
        f"{zij(c.a).capitalize()} bezoekt {haar(c.a)} vader, die {disease(c)} heeft, in "
        f"het woonzorgcentrum; de directeur, {c.n(c.third('care home director', 'M'))}, "
        f"bevestigt dat."
    ),
    lambda c: (
        f"De kinderen verblijven voorlopig bij {c.n(c.third('grandmother', 'F'))} in {place(c)}."
    ),
]

SECTIONS_TITLE = "Sociaal verslag – Bijzonder Comité voor de Sociale Dienst"
SECTIONS = [
    ("Gezinssamenstelling", ["FAMILY"]),
    ("Huisvesting", ["LANDLORD", "ENERGY", "NEIGHBOUR"]),
    ("Gezondheid", ["HEALTH", "ABROAD"]),
    ("School", ["SCHOOL"]),
    ("Tewerkstelling", ["WORK", "CAR"]),
    ("Financiële situatie", ["BUDGET", "DEBT", "LAWYER"]),
    ("Contactgegevens", ["CONTACT"]),
    ("Voorstel", ["PROPOSAL"]),
]
PROPOSAL = [
    *nl.PROPOSAL,
    lambda c: (
        f"Voorstel aan het BCSD van {c.r.when('slash')}: huurwaarborg van "
        f"{c.r.amount(600, 2400)} euro via een bankwaarborg."
    ),
    lambda c: (
        f"Voorschot op uitkering van {c.r.amount(300, 1200)} euro in afwachting van de "
        f"beslissing van de {aid(c)}, terug te betalen vanaf {c.r.when('words')}."
    ),
    lambda c: (
        f"Voorstel tot weigering: de bestaansmiddelen overschrijden het grensbedrag "
        f"({c.keep(c.rng.choice(nl.LEGAL), 'legal', 'legal')}); herziening mogelijk op "
        f"{c.r.when('short')}."
    ),
]
HEALTH = [
    *nl.HEALTH,
    lambda c: (
        f"Het attest van dr. {c.n(c.third('doctor'), 'caps_last')} vermeldt opvolging in "
        f"het {hospital(c)} sinds {c.r.when('slash')}."
    ),
    lambda c: (
        f"De apothekerskosten ({c.r.amount(40, 300)} euro per maand) houden verband met "
        f"{disease(c)}."
    ),
]
WORK = [
    *nl.WORK,
    lambda c: (
        f"{haar(c.a).capitalize()} laatste werkgever, bakkerij "
        f"{c.n(c.third('employer', 'M'), 'last')} in {place(c)}, ontsloeg "
        f"{'haar' if c.a.sex == 'F' else 'hem'} "
        f"op {c.r.when('words')}."
    ),
    lambda c: (
        f"Ingeschreven als werkzoekende sinds 2024; opleiding tot {job(c)} gepland bij de {aid(c)}."
    ),
]
