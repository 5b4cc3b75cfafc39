"""Dutch phrase bank and layouts (Flemish OCMW usage)."""

from __future__ import annotations

from compose import Ctx, body

SAINT_PLACES = [
    "Sint-Niklaas",
    "Sint-Truiden",
    "Sint-Katelijne-Waver",
    "Sint-Genesius-Rode",
    "Sint-Pieters-Leeuw",
    "Sint-Gillis-Waas",
    "Sint-Amandsberg",
    "Sint-Andries",
    "Sint-Martens-Latem",
    "Sint-Denijs-Westrem",
]
INSTITUTIONS = [
    "AZ Sint-Jan",
    "AZ Sint-Lucas",
    "AZ Maria Middelares",
    "AZ Sint-Maarten",
    "Sint-Vincentiusziekenhuis",
    "AZ Jan Palfijn",
    "PC Dr. Guislain",
    "AZ Sint-Elisabeth",
    "Sint-Trudoziekenhuis",
    "AZ Jan Portaels",
]
SCHOOLS = [
    ("het ", "Sint-Jozefscollege"),
    ("het ", "Sint-Barbaracollege"),
    ("het ", "Sint-Lievenscollege"),
    ("het ", "Sint-Ursula-Instituut"),
    ("het ", "Don Bosco-instituut"),
    ("", "basisschool Sint-Victor"),
    ("de ", "Sint-Vincentiusschool"),
]
DISEASES = [
    ("de ziekte van ", "Alzheimer"),
    ("de ziekte van ", "Parkinson"),
    ("de ziekte van ", "Crohn"),
    ("het syndroom van ", "Asperger"),
    ("de ziekte van ", "Hodgkin"),
    ("de ziekte van ", "Huntington"),
    ("de ziekte van ", "Bechterew"),
    ("de ziekte van ", "Lyme"),
]
JOBS = ["bakker", "visser", "kok", "schilder", "timmerman", "slager", "brouwer", "smid", "molenaar"]
AIDS = ["VDAB", "RVA", "CM", "Solidaris", "Helan", "CAW", "Kind en Gezin", "HVW"]
LEGAL = [
    "artikel 1 van de organieke wet van 8 juli 1976",
    "artikel 57, § 1, van de OCMW-wet",
    "artikel 14, § 1, 1°, van de wet van 26 mei 2002",
    "artikel 60, § 7, van de OCMW-wet",
    "artikel 3 van de RMI-wet",
]


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def title(p) -> str:
    return "mevrouw" if p.sex == "F" else "de heer"


def zij(p) -> str:
    return "zij" if p.sex == "F" else "hij"


def haar(p) -> str:
    return "haar" if p.sex == "F" else "zijn"


def job(c: Ctx, capital: bool = False) -> str:
    word = c.pick_once("occupation", JOBS)
    return c.keep(word.capitalize() if capital else word, "occupation", "occupation_surname")


def disease(c: Ctx) -> str:
    article, name = c.rng.choice(DISEASES)
    return article + c.keep(name, "disease", "disease_eponym")


def place(c: Ctx) -> str:
    return c.keep(c.rng.choice(SAINT_PLACES), "municipality", "place_saint")


def hospital(c: Ctx) -> str:
    return c.keep(c.rng.choice(INSTITUTIONS), "institution", "institution_eponym")


def school(c: Ctx) -> str:
    """ "het Sint-Jozefscollege", "de Sint-Vincentiusschool", "basisschool Sint-Victor"."""
    article, name = c.rng.choice(SCHOOLS)
    return article + c.keep(name, "institution", "institution_eponym")


def aid(c: Ctx) -> str:
    return c.keep(c.rng.choice(AIDS), "institution", "institution")


def family(c: Ctx) -> str:
    text = ""
    if c.partner:
        p = c.partner
        text = c.rng.choice(
            [
                lambda: f"Betrokkene woont samen met {c.n(p)} ({p.age()} jaar). ",
                lambda: (
                    f"{zij(c.a).capitalize()} is gehuwd met {c.t(p)}, geboren op "
                    f"{c.r.birth_text(p)}. "
                ),
                lambda: f"Partner: {c.n(p, 'caps')}. ",
            ]
        )()
    if not c.kids:
        return text + (
            "Er zijn geen kinderen ten laste."
            if c.partner
            else f"{zij(c.a).capitalize()} woont alleen."
        )
    listed = c.children("j.", "en")
    return text + c.rng.choice(
        [
            f"Ten laste: {listed}.",
            f"Het gezin telt {len(c.kids)} kind(eren): {listed}.",
            f"{zij(c.a).capitalize()} zorgt{'' if c.partner else ' alleen'} voor {listed}.",
        ]
    )


def _pupil(c: Ctx) -> str:
    k = c.kid()
    return (
        f"{c.n(k, c.rng.choice(['first', 'nick']))} zit in {school(c)}; de "
        f"klastitularis, {c.t(c.third('teacher'))}, meldt veel afwezigheden."
    )


def _bag(c: Ctx) -> str:
    k = c.kid()
    return (
        f"De {c.keep('roze', 'word', 'word_lookalike')} boekentas van {c.n(k, 'first')} "
        f"werd geschonken door de oudervereniging van {school(c)}."
    )


INTRO = [
    lambda c: (
        f"{cap(c.t(c.a))} meldde zich op {c.r.when('words')} aan bij de "
        f"sociale dienst. {zij(c.a).capitalize()} woont in de {c.r.street_text(True)} "
        f"te {c.r.town()}."
    ),
    lambda c: (
        f"Huisbezoek bij {c.n(c.a)} op {c.r.when('slash')}, {c.r.street_text(True)}, {c.r.town()}."
    ),
    lambda c: (
        f"Betrokkene, {c.n(c.a)}, geboren op {c.r.birth_text(c.a)}, vraagt een leefloon "
        f"aan. Adres: {c.r.street_text(c.rng.random() < 0.6)}, {c.r.town()}."
    ),
    lambda c: (
        f"{c.n(c.a, 'nick')} (zoals {zij(c.a)} zichzelf noemt) woont sinds 2020 in de "
        f"{c.r.street_text(True)} in {c.r.town()}."
    ),
    lambda c: (
        f"Aanvraag van {c.t(c.a)}, gedomicilieerd {c.r.street_text(False)} te "
        f"{c.r.town()}, ontvangen op {c.r.when()}."
    ),
]
FAMILY = [family]
EX = [
    lambda c: (
        f"De ex-partner, {c.n(c.third('ex-partner'))}, betaalt geen onderhoudsgeld meer "
        f"sinds {c.r.when('words')}."
    ),
    lambda c: (
        f"De echtscheiding met {c.n(c.third('ex-partner'))} is lopende bij de "
        f"familierechtbank (rolnummer {c.r.roll()})."
    ),
    lambda c: (
        f"{haar(c.a).capitalize()} vroegere partner, {c.t(c.third('ex-partner'))}, is "
        f"bereikbaar op {c.other_phone(c.rng.choice(['BE', 'NL']))}."
    ),
]
LANDLORD = [
    lambda c: (
        f"De verhuurder, {c.n(c.third('landlord'))}, eist een achterstal van "
        f"{c.r.amount(300, 4000)} euro; de zaak komt voor de vrederechter (AR "
        f"{c.r.roll()}) op {c.r.when('words')}."
    ),
    lambda c: (
        f"Het sociaal verhuurkantoor (contactpersoon {c.n(c.third('landlord'))}) gaat "
        f"akkoord met een afbetalingsplan van {c.r.amount(40, 200)} euro per maand."
    ),
    lambda c: (
        f"Verhuurder {c.t(c.third('landlord'))} ({c.other_phone()}) dreigt met uithuiszetting."
    ),
]
HEALTH = [
    lambda c: (
        f"{zij(c.a).capitalize()} lijdt aan {disease(c)} en wordt opgevolgd in het "
        f"{hospital(c)} door dr. {c.n(c.third('doctor'), 'last')}."
    ),
    lambda c: (
        f"{haar(c.a).capitalize()} moeder heeft {disease(c)} en verblijft in het {hospital(c)}."
    ),
    lambda c: (
        f"De huisarts, {c.n(c.third('doctor'))}, bevestigt een arbeidsongeschiktheid "
        f"(diagnose: {disease(c).split(' ', 1)[1]})."
    ),
    lambda c: (
        f"Op {c.r.when()} heeft {zij(c.a)} een afspraak in het {hospital(c)} "
        f"(vermoeden van {disease(c).split(' ', 1)[1]})."
    ),
]
WORK = [
    lambda c: f"{zij(c.a).capitalize()} werkte vijftien jaar als {job(c)} in {place(c)}.",
    lambda c: (
        f"Vroeger {job(c)}, nu werkzoekend en ingeschreven bij de "
        f"{c.keep('VDAB', 'institution', 'institution')}; "
        f"trajectbegeleider {c.n(c.third('VDAB counsellor'))} volgt dit op."
    ),
    lambda c: (
        f"Een tewerkstelling art. 60 als {job(c)} wordt voorbereid met "
        f"{c.n(c.third('employer contact'))} van het sociaal economiebedrijf."
    ),
]
SCHOOL = [_pupil, _bag]
CAR = [
    lambda c: (
        f"Voertuig: Opel Corsa, kleur: {c.keep('Roze', 'word', 'word_lookalike')}, nummerplaat "
        f"{c.r.plate()} (geschatte waarde {c.r.amount(300, 2500)} euro)."
    ),
    lambda c: (
        f"{zij(c.a).capitalize()} heeft een wagen (nummerplaat {c.r.plate()}) nodig voor "
        f"de ploegenarbeid."
    ),
    lambda c: (
        f"De wagen met nummerplaat {c.r.plate()} werd in beslag genomen door "
        f"gerechtsdeurwaarder {c.n(c.third('bailiff'), 'last')}."
    ),
]
DEBT = [
    lambda c: (
        f"Schuldbemiddeling loopt bij {c.n(c.third('debt mediator'))} van het CAW; "
        f"openstaand saldo {c.r.amount(1000, 9000)} euro."
    ),
    lambda c: (
        f"Gerechtsdeurwaarder {c.t(c.third('bailiff'))} betekende op {c.r.when('slash')} "
        f"een bevel tot betalen (dossier {c.r.roll()})."
    ),
    lambda c: (
        f"Collectieve schuldenregeling toegestaan door de arbeidsrechtbank, "
        f"rolnummer {c.r.roll()}; schuldbemiddelaar is {c.t(c.third('debt mediator'))}."
    ),
]
BUDGET = [
    lambda c: (
        f"{c.keep('Beschikbaar saldo', 'word', 'word_lookalike')} na vaste kosten: "
        f"{c.r.amount(5, 200)} euro per maand."
    ),
    lambda c: (
        f"Rekeninguittreksel {c.r.iban_text(c.rng.random() < 0.4)}: "
        f"{c.keep('Beschikbaar saldo', 'word', 'word_lookalike')} {c.r.amount(1, 90)} EUR."
    ),
    lambda c: (
        f"Abonnement bij {c.keep('De Lijn', 'institution', 'word_lookalike')} "
        f"({c.r.amount(20, 60)} euro) wordt terugbetaald."
    ),
]
PLACES = [
    lambda c: (
        f"{zij(c.a).capitalize()} groeide op in {place(c)}, waar {haar(c.a)} broer "
        f"{c.n(c.third('brother', 'M'))} nog woont."
    ),
    lambda c: f"Het gezin verhuisde twee jaar geleden vanuit {place(c)}.",
    lambda c: (
        f"Met {c.keep('Sinterklaas', 'word', 'word_lookalike')} kregen de kinderen "
        f"speelgoed via de sociale kruidenier."
    ),
]
CONTACT = [
    lambda c: (
        f"Bereikbaar op {c.r.phone_text()} of via e-mail: "
        f"{c.r.email_text(c.a, c.rng.random() < 0.6)}."
    ),
    lambda c: f"Gsm {c.r.phone_text()} – rekening {c.r.iban_text(c.rng.random() < 0.35)}.",
    lambda c: f"Rijksregisternummer: {c.r.niss_text(c.a, c.rng.random() < 0.35)}.",
]
BIRTH = [
    lambda c: (
        f"Volgens de geboorteakte is {zij(c.a)} geboren op {c.r.birth_text(c.a, True)} "
        f"te {place(c)}."
    ),
    lambda c: (
        f"Uit het vonnis blijkt dat {c.n(c.a, 'initials')} geboren is op "
        f"{c.r.birth_text(c.a, True)}."
    ),
]
PROPOSAL = [
    lambda c: (
        f"Voorstel: leefloon categorie 3 vanaf {c.r.when('words')} "
        f"({c.keep(c.rng.choice(LEGAL), 'legal', 'legal')})."
    ),
    lambda c: (
        f"Voorstel aan het BCSD van {c.r.when()}: eenmalige steun van "
        f"{c.r.amount(100, 1500)} euro op basis van "
        f"{c.keep(c.rng.choice(LEGAL), 'legal', 'legal')}."
    ),
    lambda c: (
        f"Advies: budgetbegeleiding en tussenkomst van {c.r.amount(50, 900)} euro; "
        f"herziening op {c.r.when('short')}."
    ),
]


WORDS = {
    "heads": [
        "SOCIAAL VERSLAG",
        "Sociaal onderzoek – aanvraag leefloon",
        "Verslag voor het Bijzonder Comité voor de Sociale Dienst",
    ],
    "service": "OCMW – Sociale dienst",
    "page": "Pagina 1 van 2",
    "form": "AANVRAAGFORMULIER MAATSCHAPPELIJKE DIENSTVERLENING",
    "fields": {
        "name": "Naam",
        "first": "Voornaam",
        "birth": "Geboortedatum",
        "niss": "Rijksregisternr.",
        "address": "Adres",
        "phone": "Gsm",
        "iban": "Rekeningnr.",
        "job": "Beroep",
        "fund": "Ziekenfonds",
        "email": "E-mail",
    },
    "situation": "Sociale situatie",
    "opinion": "Voorstel",
    "signatures": {
        "lawyer": "Advocaat",
        "debt mediator": "Schuldbemiddelaar CAW",
        "landlord": "Immo Vastgoed",
        "school director": "Directie",
    },
    "tel": "T",
    "countries": ["BE", "NL"],
    "head": "Van: {worker} <sociale.dienst@ocmw-voorbeeld.be>\nVerzonden: {sent}\n"
    "Onderwerp: RE: dossier {initials}",
    "greeting": "Met vriendelijke groeten,",
    "role": "Maatschappelijk werker",
    "table": [
        "NAAM | Voornaam | Band | Geboortedatum | INSZ",
        "Naam\tVoornaam\tVerwantschap\tGeb.datum\tRijksregisternr.",
    ],
    "links": {None: "aanvrager", "partner": "partner", "child": "kind", "parent": "ouder"},
    "household": "Gezinssamenstelling",
    "notes": "Gespreksnotities",
    "funds": ["CM", "Solidaris", "Helan", "Vivalis"],
    "bullets": ["*", "-"],
}


def quote_head(c: Ctx, sender: str) -> str:
    return f"Op {c.r.when('slash')} schreef {sender}:"


def court_letter(c: Ctx) -> str:
    r = c.r
    return (
        f"VREDEGERECHT VAN HET KANTON {c.canton()}\n"
        f"A.R. {r.roll()}\n\nIn zake: {c.n(c.third('landlord'), 'caps')}, eiser,\n"
        f"tegen: {c.n(c.a, 'caps')}, geboren op {r.birth_text(c.a, c.rng.random() < 0.5)}, "
        f"RRN {r.niss_text(c.a, c.rng.random() < 0.5)}, wonende te {r.town()}, "
        f"{r.street_text(True)}, verweerder.\n\n"
        f"Zitting van {r.when('words')}, vrederechter {c.n(c.third('justice of the peace'))}.\n\n"
        "Opmerkingen van de sociale dienst:\n"
        + "\n".join(body(c, ["FAMILY"], extra=2))
        + "\n"
        + c.say("PROPOSAL")
    )
