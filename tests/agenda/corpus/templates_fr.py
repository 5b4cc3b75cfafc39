# ruff: noqa: E501 - the templates are report prose, one report line per source line
"""French report templates of the evaluation corpus: each fills a Case and returns the text."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from case import Case, Person


def fr_form(c: Case) -> str:
    a = c.applicant
    kids = [c.child(c.rng.randrange(2, 15)) for _ in range(c.rng.randrange(1, 4))]
    landlord = c.third("landlord")
    names = ", ".join(f"{k.first} ({k.age()} ans)" for k in kids)
    return f"""RAPPORT SOCIAL — Comité spécial du service social
CPAS de {c.keep(c.city, 'municipality')}

Nom et prénom : {a.up} {" ".join(a.firsts)}
Né(e) le : {c.birth(a, "slashes")}
NISS : {c.niss(a, "dots")}
Domicile : {c.address("after")}
GSM : {c.phone_text("slash")}
E-mail : {c.email}
IBAN : {c.iban_text("grouped")}

Composition de ménage
{"Madame" if a.sex == "F" else "Monsieur"} {a.last} vit seul{"e" if a.sex == "F" else ""} avec {names}.

Situation sociale
L'intéressé{"e" if a.sex == "F" else ""} s'est présenté{"e" if a.sex == "F" else ""} à la permanence le {c.date()}. Son contrat à durée déterminée chez {c.keep("Colruyt", "institution")} n'a pas été renouvelé ; un dossier est ouvert auprès de l'{c.keep("ONEM", "institution")}.
Le propriétaire du logement, {"Mme" if landlord.sex == "F" else "M."} {landlord.first} {landlord.last}, a adressé une mise en demeure pour un arriéré de {c.amount()} €.
{a.first} craint une expulsion avant l'hiver.

Proposition
Octroi du revenu d'intégration au taux famille à charge ({c.keep("article 14, § 1er, 3°", "legal")} de la loi du 26 mai 2002), à partir du {c.date()}.
"""


def fr_prose(c: Case) -> str:
    a = c.applicant
    ex = c.third("ex-partner", sex="M" if a.sex == "F" else "F")
    lawyer = c.third("lawyer", rare=True)
    kid = c.child(c.rng.randrange(3, 12))
    she = "Elle" if a.sex == "F" else "Il"
    return f"""Objet : demande d'aide sociale – {a.first} {a.up}

{"Madame" if a.sex == "F" else "Monsieur"} {a.first} {a.last}, {"née" if a.sex == "F" else "né"} le {c.birth(a, "written")}, domicilié{"e" if a.sex == "F" else ""} {c.address("after")}, sollicite une aide financière. {she} est joignable au {c.phone_text("spaces")}.

{she} s'est séparé{"e" if a.sex == "F" else ""} de {ex.first} {ex.last} en {c.keep("mars 2025", "date")} ; depuis, {ex.last} ne verse plus la contribution alimentaire fixée par le {c.keep("tribunal de la famille", "institution")}. {a.first} a chargé {lawyer.first} {lawyer.last}, son avocat{"e" if lawyer.sex == "F" else ""}, d'introduire une procédure de recouvrement auprès du {c.keep("SECAL", "institution")}.

L'enfant {kid.first}, qui vit avec {"sa mère" if a.sex == "F" else "son père"}, fréquente l'école primaire ; les frais scolaires s'élèvent à {c.amount()} € par trimestre.

Après enquête, je propose une aide de {c.amount()} € ({c.keep("article 57, § 1er de la loi organique", "legal")}), versée sur le compte {c.iban_text("plain")}.
"""


def fr_email(c: Case) -> str:
    a = c.applicant
    doctor = c.third("doctor")
    colleague = c.third("colleague", rare=True)
    return f"""De : service social
À : directeur général
Objet : dossier {a.up} – aide médicale

Bonjour,

Je vous transmets la demande de {"Mme" if a.sex == "F" else "M."} {a.last} ({"née" if a.sex == "F" else "né"} le {c.birth(a, "dots")}, NISS {c.niss(a, "plain")}).
Son médecin traitant, le Dr {doctor.first} {doctor.last}, atteste d'une pathologie chronique nécessitant un traitement de {c.amount()} € par mois non couvert par la {c.keep("Mutualité chrétienne", "institution")}.
{"Madame" if a.sex == "F" else "Monsieur"} {a.first} {a.last} habite {c.address("slash")} et peut être contacté{"e" if a.sex == "F" else ""} au {c.phone_text("intl")} ou par courriel ({c.email}).

Ma collègue {colleague.first} {colleague.last} a déjà rencontré l'intéressé{"e" if a.sex == "F" else ""} le {c.date("slashes")} lors de la permanence.
Je propose la prise en charge sur la base de l'{c.keep("article 1er de la loi organique du 8 juillet 1976", "legal")}.

Bien à vous,
le service social du CPAS de {c.keep(c.city, "municipality")}
"""


def fr_table(c: Case) -> str:
    a = c.applicant
    partner = c.partner()
    kids = [c.child(c.rng.randrange(1, 16)) for _ in range(2)]
    rows = "\n".join(
        f"- {k.first} {k.up}, {'née' if c.rng.random() < .5 else 'né'} le {c.birth(k, 'slashes')}, enfant"
        for k in kids
    )
    employer = c.third("employer contact", sex="F")
    return f"""RAPPORT SOCIAL – REVENU D'INTÉGRATION

Demandeur : {a.first} {a.up}
Date de naissance : {c.birth(a, "written")}
Registre national : {c.niss(a, "spaces")}
Adresse : {c.address("before")}
Tél. : {c.phone_text("plain")}
Compte : {c.iban_text("grouped")}

Composition du ménage :
- {a.first} {a.up}, demandeur
- {partner.first} {partner.up}, {"compagne" if partner.sex == "F" else "compagnon"}, né(e) le {c.birth(partner, "dots")}
{rows}

Ressources :
{partner.first} travaille à temps partiel ; la responsable du personnel, Mme {employer.first} {employer.last}, confirme un salaire net de {c.amount()} €.
Allocations familiales ({c.keep("Famiwal", "institution")}) : {c.amount()} €.

Proposition : revenu d'intégration au taux cohabitant ({c.keep("article 14, § 1er, 1°", "legal")} de la loi du 26 mai 2002), à partir du {c.date("slashes")}.
"""


def fr_debt(c: Case) -> str:
    a = c.applicant
    mediator = c.third("debt mediator", sex="F")
    bailiff = c.third("bailiff", sex="M")
    listed = c.person(c.rng.choice("FM"))
    listed.role = "landlord"
    c.listed.append(listed)
    return f"""Note de synthèse – médiation de dettes

{a.up} {a.first}, {c.address("after")}.
Date de naissance : {c.birth(a, "iso")}. NISS : {c.niss(a, "pairs")}.

{"Madame" if a.sex == "F" else "Monsieur"} {a.last} a accumulé des dettes auprès de {c.keep("Proximus", "institution")} et d'{c.keep("Engie", "institution")} pour un total de {c.amount()} €.
L'huissier, Me {bailiff.first} {bailiff.last}, a signifié un commandement de payer le {c.date()}.
Le bailleur, {listed.first} {listed.last}, accepte un plan d'apurement.
La médiatrice de dettes {mediator.first} {mediator.last} propose un règlement collectif de dettes devant le {c.keep("tribunal du travail", "institution")}.

Contact : {c.phone_text("intl0")} – {c.email}.
Proposition : aide financière de {c.amount()} € (article 57, § 1er de la loi du 8 juillet 1976).
"""


def fr_urgent(c: Case) -> str:
    a = c.applicant
    kids = [c.child(c.rng.randrange(1, 10)) for _ in range(c.rng.randrange(1, 3))]
    neighbour = c.third("neighbour", rare=True)
    kid_text = " et ".join(k.first for k in kids)
    return f"""AIDE URGENTE – RATIFICATION

Le président a accordé le {c.date()} une aide urgente de {c.amount()} € à {"Madame" if a.sex == "F" else "Monsieur"} {a.up} ({c.address("slash")}), {"seule" if a.sex == "F" else "seul"} avec {kid_text}.
Un incendie a rendu le logement inhabitable ; la famille est hébergée provisoirement chez une voisine, {neighbour.first} {neighbour.last}.
{kids[0].first} est scolarisé{"e" if kids[0].sex == "F" else ""} à proximité.
Le {c.keep("Fonds social chauffage", "institution")} est sollicité. Compte de l'intéressé{"e" if a.sex == "F" else ""} : {c.iban_text("grouped")}.

Le comité est invité à ratifier cette décision ({c.keep("article 28 de la loi organique", "legal")}).
"""


def fr_student(c: Case) -> str:
    a = c.applicant
    director = c.third("school director")
    mother = c.third("mother", sex="F", rare=True)
    return f"""PROJET INDIVIDUALISÉ D'INTÉGRATION SOCIALE (PIIS) – ÉTUDIANT

{a.first} {a.last} ({c.birth(a, "slashes")}), étudiant{"e" if a.sex == "F" else ""} en première année de bachelier, demeure {c.address("after")}.
GSM : {c.phone_text("spaces")} – courriel : {c.email}
N° national : {c.niss(a, "dashes")}

{a.first} a quitté le domicile familial après un conflit grave avec sa mère, {mother.first} {mother.last}.
Le directeur de l'établissement, {director.first} {director.last}, confirme l'inscription régulière et l'assiduité.
La situation a été examinée le {c.date()} ; aucune contribution alimentaire ne peut être obtenue.

Proposition : revenu d'intégration au taux isolé de {c.keep("1.314,20", "amount")} € par mois, assorti d'un PIIS ({c.keep("article 11 de la loi du 26 mai 2002", "legal")}). Paiement sur {c.iban_text("plain")}.
"""


def fr_couple(c: Case) -> str:
    a = c.applicant
    partner = c.partner()
    psychiatrist = c.third("psychiatrist")
    admin = c.third("guardian")
    return f"""Rapport d'enquête sociale

Identité : {a.last} {a.first} – {c.birth(a, "dots")} – NISS {c.niss(a, "plain")}
Partenaire : {partner.last} {partner.first} – né(e) le {c.birth(partner, "written")}
Adresse : {c.address("lines")}

Le couple vit dans un appartement loué {c.amount()} € par mois. {partner.first} est suivi{"e" if partner.sex == "F" else ""} par un psychiatre, le Dr {psychiatrist.last}, et bénéficie d'une administration de biens confiée à Maître {admin.first} {admin.last}.
{"Madame" if a.sex == "F" else "Monsieur"} {a.last} perçoit des indemnités de l'{c.keep("INAMI", "institution")}.
Visite à domicile effectuée le {c.date()}.

Avis : octroi d'une aide au loyer ({c.keep("article 57, § 1er", "legal")}), paiement sur {c.iban_text("grouped")}.
"""


def _initials(person: Person) -> str:
    return "-".join(part[0] + "." for part in person.first.split("-"))


def _strip_accents(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def fr_followup(c: Case) -> str:
    a = c.applicant
    ex = c.third("ex-partner", sex="M" if a.sex == "F" else "F", rare=True)
    kid = c.child(c.rng.randrange(4, 14))
    landline = f"04/{c.rng.randrange(200, 400)}.{c.rng.randrange(10, 99)}.{c.rng.randrange(10, 99)}"
    return f"""Suivi du dossier {_initials(a)} {_strip_accents(a.last).upper()} – réunion d'équipe du {c.date("slashes")}

Rappel : {a.first} ({c.birth(a, "short")}) vit {c.address("after")}.
{ex.first} {ex.last} a quitté le domicile conjugal ; il habite désormais {c.other("rue de la Station", "address")} 14 à Ans et reste joignable au {c.other(landline, "phone", digits=True)}.
{ex.last.upper()} refuse de contribuer aux frais de {kid.first}.
La demande d'intervention a été introduite le {c.date("dots")} et complétée le {c.date("slashes")}.
Le loyer ({c.amount()} €) est versé sur le compte du propriétaire, {c.other("BE71 0961 2345 6769", "iban", digits=True)}.
Décision attendue de {c.keep("Actiris", "institution")} ; {c.keep("art. 60, § 3, de la loi organique", "legal")}.
"""


def fr_variants(c: Case) -> str:
    a = c.applicant
    employer = c.third("employer contact", rare=True)
    friend = c.third("friend", sex="F")
    bare = _strip_accents(a.last)
    return f"""Dossier n° {c.keep("2026/1187", "reference")} – synthèse pour le Comité

{"Mme" if a.sex == "F" else "M."} {_initials(a)} {a.last} (NISS {c.niss(a, "dots")}), {c.address("slash")}, tél. {c.phone_text("intl0")}.

Madame, Monsieur,
{bare} travaille depuis le {c.date()} comme aide-ménager{"e" if a.sex == "F" else ""} chez {c.keep("Partena", "institution")}. {employer.first} {employer.last}, qui encadre l'équipe, a signalé des absences répétées.
{"L'intéressée" if a.sex == "F" else "L'intéressé"} a été hébergé{"e" if a.sex == "F" else ""} quelques semaines par {friend.first} {friend.last}.
Les revenus du ménage s'élèvent à {c.amount()} € ; une aide de {c.amount()} € est proposée ({c.keep("article 57, § 1er", "legal")}).
"""



TEMPLATES_FR: list[Callable[[Case], str]] = [
    fr_form, fr_prose, fr_email, fr_table, fr_debt, fr_urgent, fr_student, fr_couple,
    fr_followup, fr_variants,
]
