"""German phrase bank and layouts (ÖSHZ of the German-speaking Community)."""

from __future__ import annotations

from compose import Ctx, body

SAINT_PLACES = [
    "Sankt Vith",
    "St. Vith",
    "Sankt Augustin",
    "St. Wendel",
    "Sankt Goar",
    "Sankt Ingbert",
]
INSTITUTIONS = [
    ("im ", "St. Nikolaus-Hospital"),
    ("in der ", "Klinik St. Josef"),
    ("im ", "Marienhospital Aachen"),
    ("im ", "Luisenhospital Aachen"),
    ("im ", "Sankt Elisabeth-Krankenhaus"),
    ("in der ", "Uniklinik RWTH Aachen"),
]
SCHOOLS = [
    "Pater-Damian-Sekundarschule",
    "Maria-Goretti-Schule",
    "Don-Bosco-Schule",
    "Gemeindeschule Sankt Vith",
    "Gemeindeschule Kettenis",
    "Sankt-Nikolaus-Schule",
    "Marienschule",
]
DISEASES = [
    ("an einer ", "Alzheimer", "-Demenz"),
    ("an Morbus ", "Parkinson", ""),
    ("an Morbus ", "Crohn", ""),
    ("am ", "Asperger", "-Syndrom"),
    ("an einem ", "Hodgkin", "-Lymphom"),
    ("an Morbus ", "Basedow", ""),
    ("an Chorea ", "Huntington", ""),
    ("an Morbus ", "Bechterew", ""),
]
JOBS = [
    ("Koch", "Köchin"),
    ("Fischer", "Fischerin"),
    ("Zimmermann", "Zimmerin"),
    ("Bauer", "Bäuerin"),
    ("Metzger", "Metzgerin"),
    ("Maurer", "Maurerin"),
    ("Schreiner", "Schreinerin"),
    ("Schneider", "Schneiderin"),
    ("Müller", "Müllerin"),
]
AIDS = ["ADG", "LfA", "CKK", "Sozialistische Krankenkasse", "DSL", "Kaleido", "ÖSHZ Eupen"]
LEGAL = [
    "Artikel 1 des Grundlagengesetzes vom 8. Juli 1976 über die ÖSHZ",
    "Artikel 57 § 1 des ÖSHZ-Gesetzes",
    "Artikel 14 § 1 des Gesetzes vom 26. Mai 2002",
    "Artikel 60 § 7 des Grundlagengesetzes",
]


def dat(text: str) -> str:
    """ "Herr Pauels" after "von", "mit", "bei": "Herrn Pauels"."""
    return text.replace("Herr ", "Herrn ", 1)


def title(p) -> str:
    return "Frau" if p.sex == "F" else "Herr"


def sie(p) -> str:
    return "sie" if p.sex == "F" else "er"


def ihr(p) -> str:
    return "ihr" if p.sex == "F" else "sein"


def job(c: Ctx, capital: bool = True) -> str:
    male, female = c.pick_once("occupation", JOBS)
    return c.keep(female if c.a.sex == "F" else male, "occupation", "occupation_surname")


def disease(c: Ctx, bare: bool = False) -> str:
    """ "an Morbus Crohn", "an einer Alzheimer-Demenz" (without "an …" when ``bare``)."""
    article, name, tail = c.rng.choice(DISEASES)
    if bare:
        article = article.split(" ", 2)[-1] if article.count(" ") == 2 else ""
    return article + c.keep(name, "disease", "disease_eponym") + tail


def place(c: Ctx) -> str:
    return c.keep(c.rng.choice(SAINT_PLACES), "municipality", "place_saint")


def hospital(c: Ctx) -> str:
    article, name = c.rng.choice(INSTITUTIONS)
    category = "institution" if name.startswith("Uni") else "institution_eponym"
    return article + c.keep(name, "institution", category)


def school(c: Ctx) -> str:
    name = c.rng.choice(SCHOOLS)
    category = "institution" if name.startswith("Gemeindeschule K") else "institution_eponym"
    return c.keep(name, "institution", category)


def aid(c: Ctx) -> str:
    return c.keep(c.rng.choice(AIDS), "institution", "institution")


def season(c: Ctx) -> str:
    return c.keep(c.rng.choice(["Winter", "Sommer"]), "word", "word_lookalike")


def family(c: Ctx) -> str:
    text = ""
    if c.partner:
        p = c.partner
        text = c.rng.choice(
            [
                lambda: f"{sie(c.a).capitalize()} lebt mit {c.n(p)} ({p.age()} Jahre) zusammen. ",
                lambda: f"Verheiratet mit {dat(c.t(p))}, geboren am {c.r.birth_text(p)}. ",
                lambda: f"Lebenspartner(in): {c.n(p, 'caps')}. ",
            ]
        )()
    if not c.kids:
        return text + (
            "Keine Kinder zu Lasten." if c.partner else f"{sie(c.a).capitalize()} lebt allein."
        )
    listed = c.children("J.", "und")
    return text + c.rng.choice(
        [
            f"Zu Lasten: {listed}.",
            f"Im Haushalt leben {len(c.kids)} Kind(er): {listed}.",
            f"{sie(c.a).capitalize()} erzieht {listed}{'' if c.partner else ' allein'}.",
        ]
    )


def _pupil(c: Ctx) -> str:
    k = c.kid()
    return (
        f"{c.n(k, c.rng.choice(['first', 'nick']))} besucht die {school(c)}; die "
        f"Klassenlehrerin, {c.t(c.third('teacher', 'F'))}, meldet häufige Fehlzeiten."
    )


def _satchel(c: Ctx) -> str:
    k = c.kid()
    return (
        f"Die {c.keep('rosa', 'word', 'word_lookalike')} Schultasche für {c.n(k, 'first')} "
        f"stammt vom Elternrat der {school(c)}."
    )


INTRO = [
    lambda c: (
        f"{c.t(c.a)} sprach am {c.r.when('words')} in der Sprechstunde vor. "
        f"{sie(c.a).capitalize()} wohnt {c.r.street_text(True)} in {c.r.town()}."
    ),
    lambda c: (
        f"Hausbesuch bei {c.n(c.a)} am {c.r.when('dots')}, {c.r.street_text(True)}, {c.r.town()}."
    ),
    lambda c: (
        f"{c.n(c.a)}, geboren am {c.r.birth_text(c.a)}, beantragt das "
        f"Eingliederungseinkommen. Anschrift: {c.r.street_text(c.rng.random() < 0.6)}, "
        f"{c.r.town()}."
    ),
    lambda c: (
        f"„{c.n(c.a, 'nick')}“, wie {sie(c.a)} von allen genannt wird, wohnt seit 2018 "
        f"{c.r.street_text(True)}, {c.r.town()}."
    ),
    lambda c: (
        f"Antrag von {dat(c.t(c.a))}, wohnhaft {c.r.street_text(False)}, {c.r.town()}, "
        f"eingegangen am {c.r.when()}."
    ),
]
FAMILY = [family]
EX = [
    lambda c: (
        f"Der frühere Partner, {c.n(c.third('ex-partner', 'M'))}, zahlt seit dem "
        f"{c.r.when('words')} keinen Unterhalt mehr."
    ),
    lambda c: (
        f"Die Scheidung von {c.n(c.third('ex-partner'))} ist beim Familiengericht "
        f"Eupen anhängig (Rolle Nr. {c.r.roll()})."
    ),
    lambda c: (
        f"Der Vater der Kinder, {c.t(c.third('ex-partner', 'M'))}, ist unter "
        f"{c.other_phone(c.rng.choice(['BE', 'DE']))} erreichbar."
    ),
]
LANDLORD = [
    lambda c: (
        f"Der Vermieter, {c.n(c.third('landlord', 'M'))}, fordert Mietrückstände von "
        f"{c.r.amount(300, 4000)} €; Termin vor dem Friedensgericht am "
        f"{c.r.when('words')} (Az. {c.r.roll()})."
    ),
    lambda c: (
        f"Die Immobilienagentur (Ansprechpartner {c.n(c.third('landlord'))}) ist mit "
        f"einer Ratenzahlung von {c.r.amount(40, 200)} € monatlich einverstanden."
    ),
    lambda c: (
        f"Vermieterin {c.t(c.third('landlord', 'F'))} (Tel. {c.other_phone('DE')}) "
        f"droht mit der Räumung."
    ),
]
HEALTH = [
    lambda c: (
        f"{sie(c.a).capitalize()} leidet {disease(c)} und wird {hospital(c)} von "
        f"Dr. {c.n(c.third('doctor'), 'last')} behandelt."
    ),
    lambda c: f"{ihr(c.a).capitalize()}e Mutter leidet {disease(c)} und liegt {hospital(c)}.",
    lambda c: (
        f"Der Hausarzt, {c.n(c.third('doctor', 'M'))}, bescheinigt die "
        f"Arbeitsunfähigkeit (Diagnose: {disease(c, bare=True)})."
    ),
    lambda c: f"Untersuchung am {c.r.when()} {hospital(c)} (Verdacht auf {disease(c, bare=True)}).",
]
WORK = [
    lambda c: f"{sie(c.a).capitalize()} arbeitete zwölf Jahre als {job(c)} in {place(c)}.",
    lambda c: (
        f"Früher {job(c)}, jetzt arbeitsuchend beim "
        f"{c.keep('ADG', 'institution', 'institution')} gemeldet; "
        f"Berater(in) {c.n(c.third('job counsellor'))} begleitet {ihr(c.a)}en Weg."
    ),
    lambda c: (
        f"Eine Beschäftigung nach Artikel 60 als {job(c)} wird mit "
        f"{c.n(c.third('employer contact'))} vorbereitet."
    ),
]
SCHOOL = [_pupil, _satchel]
CAR = [
    lambda c: (
        f"Fahrzeug: VW Polo, Farbe: {c.keep('Rosa', 'word', 'word_lookalike')}, Kennzeichen "
        f"{c.r.plate()} (Schätzwert {c.r.amount(300, 2500)} €)."
    ),
    lambda c: (
        f"{sie(c.a).capitalize()} braucht das Auto (Kennzeichen {c.r.plate()}) für die "
        f"Schichtarbeit in Luxemburg."
    ),
    lambda c: (
        f"Das Fahrzeug mit dem Kennzeichen {c.r.plate()} wurde vom Gerichtsvollzieher "
        f"{c.n(c.third('bailiff', 'M'), 'last')} gepfändet."
    ),
]
DEBT = [
    lambda c: (
        f"Eine Schuldnerberatung läuft bei {c.n(c.third('debt mediator'))}; "
        f"Restschuld {c.r.amount(1000, 9000)} €."
    ),
    lambda c: (
        f"Gerichtsvollzieher {c.t(c.third('bailiff', 'M'))} stellte am "
        f"{c.r.when('dots')} einen Zahlungsbefehl zu (Akte {c.r.roll()})."
    ),
    lambda c: f"Im {season(c)} wurden die Heizkosten ({c.r.amount(200, 900)} €) nicht bezahlt.",
]
BUDGET = [
    lambda c: (
        f"{c.keep('Verfügbarer Saldo', 'word', 'word_lookalike')} nach Fixkosten: "
        f"{c.r.amount(5, 200)} € im Monat."
    ),
    lambda c: (
        f"Kontoauszug {c.r.iban_text(c.rng.random() < 0.4)}: "
        f"{c.keep('Verfügbarer Saldo', 'word', 'word_lookalike')} {c.r.amount(1, 90)} €."
    ),
]
PLACES = [
    lambda c: (
        f"{sie(c.a).capitalize()} ist in {place(c)} aufgewachsen, wo {ihr(c.a)}e "
        f"Schwester {c.n(c.third('sister', 'F'))} noch lebt."
    ),
    lambda c: f"Die Familie ist vor zwei Jahren aus {place(c)} zugezogen.",
    lambda c: f"Seit dem {season(c)} wohnt {sie(c.a)} bei einer Freundin in {place(c)}.",
]
CONTACT = [
    lambda c: (
        f"Erreichbar unter {c.r.phone_text()} oder per E-Mail: "
        f"{c.r.email_text(c.a, c.rng.random() < 0.6)}."
    ),
    lambda c: f"Handy {c.r.phone_text()}, Konto {c.r.iban_text(c.rng.random() < 0.35)}.",
    lambda c: f"Nationalregisternummer: {c.r.niss_text(c.a, c.rng.random() < 0.35)}.",
]
BIRTH = [
    lambda c: (
        f"Laut Geburtsurkunde wurde {sie(c.a)} am {c.r.birth_text(c.a, True)} in "
        f"{place(c)} geboren."
    ),
    lambda c: (
        f"Aus dem Urteil geht hervor, dass {c.n(c.a, 'initials')} am "
        f"{c.r.birth_text(c.a, True)} geboren wurde."
    ),
]
PROPOSAL = [
    lambda c: (
        f"Vorschlag: Eingliederungseinkommen Kategorie 3 ab dem {c.r.when('words')} "
        f"({c.keep(c.rng.choice(LEGAL), 'legal', 'legal')})."
    ),
    lambda c: (
        f"Vorschlag an den Sozialhilferat vom {c.r.when()}: einmalige Hilfe von "
        f"{c.r.amount(100, 1500)} € gemäß {c.keep(c.rng.choice(LEGAL), 'legal', 'legal')}."
    ),
    lambda c: (
        f"Empfehlung: Budgetbegleitung und Beihilfe von {c.r.amount(50, 900)} €; "
        f"Überprüfung am {c.r.when('short')}"
    ),
]


WORDS = {
    "heads": ["SOZIALBERICHT", "Sozialbericht – Antrag auf Hilfe", "Bericht an den Sozialhilferat"],
    "service": "ÖSHZ – Sozialdienst",
    "page": "Seite 1 von 2",
    "form": "ANTRAG AUF SOZIALHILFE – ANGABEN ZUR PERSON",
    "fields": {
        "name": "Name",
        "first": "Vorname(n)",
        "birth": "Geburtsdatum",
        "niss": "NRN",
        "address": "Anschrift",
        "phone": "Tel.",
        "iban": "Konto",
        "job": "Beruf",
        "fund": "Krankenkasse",
        "email": "E-Mail",
    },
    "situation": "Soziale Lage",
    "opinion": "Vorschlag",
    "signatures": {
        "lawyer": "Rechtsanwalt",
        "debt mediator": "Schuldnerberatung",
        "landlord": "Immobilien",
        "school director": "Schulleitung",
    },
    "tel": "Tel.:",
    "countries": ["BE", "DE"],
    "head": "Von: {worker} <sozialdienst@oeshz-beispiel.be>\nGesendet: {sent}\n"
    "Betreff: AW: Akte {initials}",
    "greeting": "Mit freundlichen Grüßen",
    "role": "Sozialarbeiter(in)",
    "table": [
        "NAME | Vorname | Verhältnis | Geburtsdatum | NRN",
        "Name\tVorname\tVerwandtschaft\tGeb.-Datum\tNationalregisternr.",
    ],
    "links": {
        None: "Antragsteller(in)",
        "partner": "Partner(in)",
        "child": "Kind",
        "parent": "Elternteil",
    },
    "household": "Zusammensetzung des Haushalts",
    "notes": "Gesprächsnotizen",
    "funds": ["CKK", "Freie Krankenkasse", "Sozialistische Krankenkasse"],
    "bullets": ["–", "-"],
}


def quote_head(c: Ctx, sender: str) -> str:
    return f"Am {c.r.when('dots')} schrieb {sender}:"


def court_letter(c: Ctx) -> str:
    r = c.r
    return (
        f"FRIEDENSGERICHT DES KANTONS {c.canton()}\n"
        f"Rolle Nr. {r.roll()}\n\nIn Sachen: {c.n(c.third('landlord'), 'caps')}, Kläger,\n"
        f"gegen: {c.n(c.a, 'caps')}, geboren am {r.birth_text(c.a, c.rng.random() < 0.5)}, "
        f"NRN {r.niss_text(c.a, c.rng.random() < 0.5)}, wohnhaft {r.street_text(True)} in "
        f"{r.town()}, Beklagte(r).\n\n"
        f"Sitzung vom {r.when('words')}, Friedensrichter(in) "
        f"{c.n(c.third('justice of the peace'))}.\n\n"
        "Stellungnahme des Sozialdienstes:\n"
        + "\n".join(body(c, ["FAMILY"], extra=2))
        + "\n"
        + c.say("PROPOSAL")
    )
