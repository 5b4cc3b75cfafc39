# ruff: noqa: E501 - the templates are report prose, one report line per source line
"""Dutch and German report templates of the evaluation corpus: each fills a Case and returns the
text."""

from __future__ import annotations

from collections.abc import Callable

from case import Case


# ---------------------------------------------------------------- Dutch templates
def nl_form(c: Case) -> str:
    a = c.applicant
    kids = [c.child(c.rng.randrange(1, 15)) for _ in range(c.rng.randrange(1, 3))]
    landlord = c.third("landlord")
    kid_text = " en ".join(f"{k.first} ({k.age()} jaar)" for k in kids)
    return f"""SOCIAAL VERSLAG — Bijzonder Comité voor de Sociale Dienst
OCMW {c.keep(c.city, "municipality")}

Naam: {a.up}
Voornaam: {" ".join(a.firsts)}
Geboortedatum: {c.birth(a, "slashes")}
Rijksregisternummer: {c.niss(a, "spaces")}
Adres: {c.address("after")}
Gsm: {c.phone_text("spaces")}
E-mail: {c.email}
Rekeningnummer: {c.iban_text("grouped")}

Gezinssamenstelling
{"Mevrouw" if a.sex == "F" else "De heer"} {a.last} woont samen met de kinderen {kid_text}.

Sociale situatie
Betrokkene meldde zich op {c.date()} aan bij de dienst. De verhuurder, {landlord.first} {landlord.last}, eist een achterstal van {c.amount()} euro.
Er loopt een aanvraag bij de {c.keep("RVA", "institution")}.

Voorstel
Leefloon categorie 3 ({c.keep("artikel 14, § 1, 3°", "legal")} van de wet van 26 mei 2002) vanaf {c.date()}.
"""


def nl_prose(c: Case) -> str:
    a = c.applicant
    kid = c.child(c.rng.randrange(2, 12))
    ex = c.third("ex-partner", sex="M" if a.sex == "F" else "F")
    gp = c.third("doctor", rare=True)
    pronoun = "Zij" if a.sex == "F" else "Hij"
    return f"""Onderwerp: aanvraag financiële steun {a.first} {a.last}

{"Mevrouw" if a.sex == "F" else "De heer"} {a.first} {a.last} (°{c.birth(a, "dots")}) woont met {"haar" if a.sex == "F" else "zijn"} zoon {kid.first} op {c.address("slash")}. {pronoun} is bereikbaar op {c.phone_text("slash")}.

Sinds de scheiding van {"haar" if a.sex == "F" else "zijn"} ex-partner {ex.first} {ex.last} ontvangt het gezin geen onderhoudsgeld meer. {ex.last} woont volgens betrokkene in het buitenland.
De huisarts, dr. {gp.first} {gp.last}, bevestigt dat {kid.first} een chronische aandoening heeft.
De {c.keep("Christelijke Mutualiteit", "institution")} komt slechts gedeeltelijk tussen.

Voorstel: eenmalige steun van {c.amount()} euro op grond van {c.keep("artikel 57, § 1 van de organieke wet", "legal")}, te storten op {c.iban_text("plain")}.
"""


def nl_email(c: Case) -> str:
    a = c.applicant
    consultant = c.third("VDAB counsellor", sex="F")
    boss = c.third("employer contact", sex="M", rare=True)
    return f"""Van: sociale dienst
Aan: algemeen directeur
Onderwerp: dossier {a.up} – activering

Beste,

{"Mevrouw" if a.sex == "F" else "Meneer"} {a.last} (geboren op {c.birth(a, "written")}, INSZ {c.niss(a, "plain")}) volgt sinds {c.date()} een traject bij de {c.keep("VDAB", "institution")}.
Haar trajectbegeleider bij de VDAB, {consultant.first} {consultant.last}, meldt dat betrokkene alle afspraken nakomt.
Een werkgever in de bouwsector, de heer {boss.last}, is bereid een stage aan te bieden.

Adres: {c.address("after")} – tel. {c.phone_text("plain")} – {c.email}.
Ik stel voor het leefloon te behouden ({c.keep("artikel 11 van de wet van 26 mei 2002", "legal")}).

Met vriendelijke groeten,
OCMW {c.keep(c.city, "municipality")}
"""


def nl_table(c: Case) -> str:
    a = c.applicant
    partner = c.partner()
    kids = [c.child(c.rng.randrange(1, 17)) for _ in range(2)]
    rows = "\n".join(f"  {k.first} {k.last} – geboren {c.birth(k, 'dots')} – kind" for k in kids)
    owner = c.third("landlord", sex="F")
    return f"""GEZINSSAMENSTELLING EN INKOMSTEN

Aanvrager: {a.last}, {a.first}
Geboortedatum: {c.birth(a, "iso")}
INSZ: {c.niss(a, "dots")}
Adres: {c.address("after")}
Telefoon: {c.phone_text("intl")}

Gezin:
  {a.first} {a.last} – aanvrager
  {partner.first} {partner.last} – partner – geboren {c.birth(partner, "slashes")}
{rows}

Inkomsten: {c.amount()} euro (uitkering {c.keep("RIZIV", "institution")}); huur {c.amount()} euro aan de eigenares, mevrouw {owner.first} {owner.last}.
Groeipakket via {c.keep("Kids' Life", "institution")}.
Beslissing gevraagd vóór {c.date()}.
"""


def nl_debt(c: Case) -> str:
    a = c.applicant
    lawyer = c.third("lawyer")
    brother = c.third("brother", sex="M")
    return f"""Verslag schuldbemiddeling

{"Mevrouw" if a.sex == "F" else "De heer"} {a.up} {a.first}, wonende te {c.address("after")}, geboren {c.birth(a, "written")}.
Rijksregister: {c.niss(a, "dashes")}.

Er zijn schulden bij {c.keep("Telenet", "institution")} en {c.keep("Luminus", "institution")} voor in totaal {c.amount()} euro.
Advocaat {lawyer.first} {lawyer.last} treedt op als schuldbemiddelaar in de collectieve schuldenregeling.
{a.first} kan tijdelijk inwonen bij {"haar" if a.sex == "F" else "zijn"} broer {brother.first} {brother.last}.

Contact: {c.email}, {c.phone_text("0032")}. Rekening {c.iban_text("grouped")}.
Voorstel: tussenkomst van {c.amount()} euro ({c.keep("artikel 60, § 3", "legal")} van de organieke wet).
"""


def nl_student(c: Case) -> str:
    a = c.applicant
    father = c.third("father", sex="M", rare=True)
    teacher = c.third("teacher", sex="F")
    return f"""Leefloon student – {a.first} {a.last}

Geboortedatum: {c.birth(a, "dots")}
Rijksregisternummer: {c.niss(a, "plain")}
Adres: {c.address("slash")}
E-mail: {c.email}

{a.first} studeert verpleegkunde aan de hogeschool. De relatie met {"haar" if a.sex == "F" else "zijn"} vader, {father.first} {father.last}, is verbroken.
Volgens juf {teacher.last}, {"haar" if a.sex == "F" else "zijn"} vroegere leerkracht, was de thuissituatie al jaren onhoudbaar.
Het geïndividualiseerd project werd ondertekend op {c.date()}.

Voorstel: leefloon categorie 2, {c.keep("1.314,20", "amount")} euro per maand, op rekening {c.iban_text("plain")}.
"""


def nl_variants(c: Case) -> str:
    a = c.applicant
    gp = c.third("doctor")
    neighbour = c.third("neighbour", rare=True)
    return f"""Verslag huisbezoek – {a.last.upper()}

Op {c.date()} bezocht ik {"mevrouw" if a.sex == "F" else "de heer"} {a.last} ({c.birth(a, "slashes")}) in {"haar" if a.sex == "F" else "zijn"} woning, {c.address("after")}.
Rijksregisternummer {c.niss(a, "dots")}; telefoon {c.phone_text("intl")}.
{neighbour.first} {neighbour.last} helpt met boodschappen. Volgens dokter {gp.last} is een opname in het {c.keep("Woonzorgcentrum", "institution")} niet nodig.
De {c.keep("Socialistische Mutualiteit", "institution")} betaalt een zorgforfait van {c.amount()} euro.
Voorstel: tussenkomst in de huur ({c.keep("artikel 57, § 1", "legal")}).
"""


def nl_followup(c: Case) -> str:
    a = c.applicant
    partner = c.third("ex-partner", sex="M" if a.sex == "F" else "F")
    kid = c.child(c.rng.randrange(3, 12))
    return f"""Opvolgingsnota {c.date("slashes")}

Dossier {a.first} {a.last}, {c.address("after")}, INSZ {c.niss(a, "spaces")}.

{partner.first} {partner.last} betaalt sinds maanden geen alimentatie voor {kid.first}. {partner.first} werkt volgens {a.first} in het zwart.
Een afspraak bij de {c.keep("DAVO", "institution")} is gepland op {c.date()}.
Gsm: {c.phone_text("spaces")}. Rekening: {c.iban_text("plain")}.
Voorstel: voorschot op onderhoudsgeld van {c.amount()} euro.
"""


# ---------------------------------------------------------------- German templates
def de_form(c: Case) -> str:
    a = c.applicant
    kids = [c.child(c.rng.randrange(1, 14)) for _ in range(c.rng.randrange(1, 3))]
    landlord = c.third("landlord", sex="M")
    kid_text = ", ".join(f"{k.first} ({k.age()} Jahre)" for k in kids)
    return f"""SOZIALBERICHT – Sonderausschuss für den Sozialdienst
ÖSHZ {c.keep(c.city, "municipality")}

Name: {a.up}
Vorname: {" ".join(a.firsts)}
Geburtsdatum: {c.birth(a, "dots")}
Nationalregisternummer: {c.niss(a, "dots")}
Anschrift: {c.address("after")}
Telefon: {c.phone_text("slash")}
E-Mail: {c.email}
Bankverbindung: {c.iban_text("grouped")}

Haushaltszusammensetzung
{"Frau" if a.sex == "F" else "Herr"} {a.last} lebt allein mit den Kindern {kid_text}.

Soziale Lage
Der Vermieter, Herr {landlord.first} {landlord.last}, fordert Mietrückstände in Höhe von {c.amount()} Euro.
Ein Antrag beim {c.keep("Arbeitsamt", "institution")} wurde am {c.date("written_de")} gestellt.

Vorschlag
Eingliederungseinkommen Kategorie 3 ({c.keep("Artikel 14, § 1, 3°", "legal")} des Gesetzes vom 26. Mai 2002).
"""


def de_prose(c: Case) -> str:
    a = c.applicant
    ex = c.third("ex-partner", sex="M" if a.sex == "F" else "F")
    lawyer = c.third("lawyer", rare=True)
    kid = c.child(c.rng.randrange(2, 12))
    return f"""Betreff: Antrag auf Sozialhilfe – {a.first} {a.last}

{"Frau" if a.sex == "F" else "Herr"} {a.first} {a.last}, geboren am {c.birth(a, "written_de")}, wohnhaft {c.address("after")}, beantragt eine finanzielle Hilfe.
{"Sie" if a.sex == "F" else "Er"} lebt seit der Trennung von {ex.first} {ex.last} allein mit {kid.first}.
Rechtsanwalt {lawyer.first} {lawyer.last} vertritt {"sie" if a.sex == "F" else "ihn"} im Unterhaltsverfahren vor dem {c.keep("Familiengericht", "institution")}.
Die {c.keep("Christliche Krankenkasse", "institution")} übernimmt einen Teil der Arztkosten.

Erreichbar unter {c.phone_text("spaces")}. Konto: {c.iban_text("plain")}.
Vorschlag: einmalige Hilfe von {c.amount()} Euro ({c.keep("Artikel 57, § 1 des Grundlagengesetzes", "legal")}).
"""


def de_email(c: Case) -> str:
    a = c.applicant
    contact = c.third("employer contact", sex="F")
    doctor = c.third("doctor", sex="M")
    return f"""Von: Sozialdienst
An: Generaldirektor
Betreff: Akte {a.up}

Guten Tag,

{"Frau" if a.sex == "F" else "Herr"} {a.last} (geb. {c.birth(a, "slashes")}, NISS {c.niss(a, "spaces")}) hat am {c.date("written_de")} ihre Arbeitsstelle verloren.
Die Ansprechpartnerin beim Arbeitgeber, Frau {contact.first} {contact.last}, bestätigt die Kündigung.
Der Hausarzt Dr. {doctor.first} {doctor.last} bescheinigt eine Arbeitsunfähigkeit bis zum {c.date("dots")}.

Anschrift: {c.address("slash")}, Telefon {c.phone_text("intl")}, E-Mail {c.email}.
Vorschlag: Überbrückungshilfe von {c.amount()} Euro, Zahlung über {c.keep("ÖSHZ", "institution")}.

Mit freundlichen Grüßen
"""


def de_table(c: Case) -> str:
    a = c.applicant
    partner = c.partner()
    kids = [c.child(c.rng.randrange(1, 16)) for _ in range(2)]
    rows = "\n".join(
        f"- {'Tochter' if c.rng.random() < .5 else 'Sohn'}: {k.first} (geb. {c.birth(k, 'dots')})"
        for k in kids
    )
    advisor = c.third("debt advisor", sex="F", rare=True)
    return f"""Haushalt und Einkommen

Antragsteller: {a.last}, {" ".join(a.firsts)}
Geburtsdatum: {c.birth(a, "written_de")}
Nationalregisternummer: {c.niss(a, "plain")}
Anschrift: {c.address("lines")}

Haushalt:
- Lebensgefährte/in: {partner.first} {partner.last}
{rows}

Einkommen: Arbeitslosengeld {c.amount()} Euro ({c.keep("LfA", "institution")}); Kindergeld {c.amount()} Euro.
Schuldnerberaterin {advisor.first} {advisor.last} begleitet die Familie seit dem {c.date("written_de")}.
Konto: {c.iban_text("grouped")}.
"""


def de_followup(c: Case) -> str:
    a = c.applicant
    doctor = c.third("doctor", sex="F")
    neighbour = c.third("neighbour", sex="M", rare=True)
    landline = f"087 {c.rng.randrange(10, 99)} {c.rng.randrange(10, 99)} {c.rng.randrange(10, 99)}"
    return f"""Aktennotiz vom {c.date("dots")}

{"Frau" if a.sex == "F" else "Herr"} {a.up} ({c.birth(a, "iso")}), {c.address("after")}, Telefon {c.phone_text("plain")}.

Hausbesuch am {c.date("written_de")}. Die Wohnung ist feucht; Frau Dr. {doctor.last} bestätigt Atemwegsprobleme.
Der Nachbar {neighbour.first} {neighbour.last} (Tel. {c.other(landline, "phone", digits=True)}) hilft gelegentlich.
Die {c.keep("Dienststelle für Selbstbestimmtes Leben", "institution")} wurde informiert.
Vorschlag: Übernahme der Kaution von {c.amount()} Euro (Artikel 57 des Grundlagengesetzes).
"""


def de_student(c: Case) -> str:
    a = c.applicant
    mother = c.third("mother", sex="F")
    teacher = c.third("teacher", sex="M")
    return f"""Sozialbericht – Studierende{"r" if a.sex == "M" else ""}

{a.first} {a.last}, geboren {c.birth(a, "dashes")}, wohnhaft {c.address("slash")}.
E-Mail: {c.email} – Konto {c.iban_text("grouped")}.

{a.first} hat nach einem Streit mit der Mutter, {mother.first} {mother.last}, den elterlichen Haushalt verlassen.
Sein Klassenlehrer, Herr {teacher.first} {teacher.last}, bestätigt den regelmäßigen Schulbesuch.
Der Antrag wurde am {c.date("written_de")} gestellt.
Vorschlag: Eingliederungseinkommen Kategorie 2, {c.keep("1.314,20", "amount")} Euro monatlich.
"""


TEMPLATES_NL: list[Callable[[Case], str]] = [
    nl_form, nl_prose, nl_email, nl_table, nl_debt, nl_student, nl_variants, nl_followup,
]
TEMPLATES_DE: list[Callable[[Case], str]] = [
    de_form, de_prose, de_email, de_table, de_followup, de_student,
]
