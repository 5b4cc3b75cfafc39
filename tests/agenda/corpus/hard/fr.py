"""French phrase bank and layouts (Walloon and Brussels CPAS usage)."""

from __future__ import annotations

from compose import Ctx, body

SAINT_PLACES = [
    "Haine-Saint-Pierre",
    "Haine-Saint-Paul",
    "Saint-Ghislain",
    "Saint-Gilles",
    "Saint-Hubert",
    "Woluwe-Saint-Lambert",
    "Mont-Saint-Guibert",
    "Saint-Nicolas",
    "Saint-Servais",
    "Sainte-Ode",
    "Saint-Georges-sur-Meuse",
    "Braine-l'Alleud",
]
INSTITUTIONS = [
    ("aux ", "Cliniques universitaires Saint-Luc"),
    ("à la ", "Clinique Saint-Luc de Bouge"),
    ("au ", "CHU Ambroise Paré"),
    ("à l'", "Hôpital Érasme"),
    ("à l'", "Institut Jules Bordet"),
    ("au ", "CHU Brugmann"),
    ("à la ", "Clinique Saint-Pierre d'Ottignies"),
    ("à l'", "Hôpital Vésale"),
    ("à la ", "Clinique Saint-Joseph"),
    ("à la ", "Clinique André Renard"),
    ("au ", "Centre hospitalier Jean Titeca"),
    ("à l'", "Hôpital Marie Curie"),
    ("au ", "Grand Hôpital de Charleroi"),
]
SCHOOLS = [
    ("à l'", "Athénée royal Jules Destrée"),
    ("à l'", "Institut Saint-Joseph"),
    ("au ", "Collège Saint-Julien"),
    ("à l'", "Athénée Léonie de Waha"),
    ("à l'", "École communale Paul Pastur"),
    ("à l'", "Institut Sainte-Marie"),
    ("au ", "Lycée Émile Jacqmain"),
    ("à l'", "École Saint-Exupéry"),
]
DISEASES = [
    ("de la maladie d'", "Alzheimer"),
    ("de la maladie de ", "Parkinson"),
    ("de la maladie de ", "Crohn"),
    ("d'un syndrome d'", "Asperger"),
    ("d'un lymphome de ", "Hodgkin"),
    ("de la maladie de ", "Basedow"),
    ("de la maladie de ", "Charcot"),
    ("de la chorée de ", "Huntington"),
    ("de la maladie de ", "Lyme"),
    ("d'une forme précoce d'", "Alzheimer"),
]
JOBS = [
    "boulanger",
    "boucher",
    "charpentier",
    "berger",
    "meunier",
    "cordonnier",
    "tisserand",
    "maçon",
    "couturier",
    "marchand",
]
JOBS_F = {
    "boulanger": "boulangère",
    "boucher": "bouchère",
    "charpentier": "charpentière",
    "berger": "bergère",
    "meunier": "meunière",
    "cordonnier": "cordonnière",
    "couturier": "couturière",
    "maçon": "maçonne",
    "marchand": "marchande",
}
AIDS = [
    ("de l'", "ONEM"),
    ("de la ", "FGTB"),
    ("de la ", "CSC"),
    ("de ", "Solidaris"),
    ("de la ", "Mutualité chrétienne"),
    ("du ", "FOREM"),
    ("d'", "Actiris"),
    ("de la ", "CAPAC"),
    ("du ", "SPF Sécurité sociale"),
]
LEGAL = [
    "article 57, § 1er, de la loi organique du 8 juillet 1976",
    "article 14, § 1er, 3°, de la loi du 26 mai 2002",
    "article 60, § 7, de la loi organique des CPAS",
    "article 1er de la loi du 2 avril 1965",
    "article 98, § 2, de la loi organique",
]


def title(p) -> str:
    return "Mme" if p.sex == "F" else "M."


def e(p) -> str:
    return "e" if p.sex == "F" else ""


def de(text: str) -> str:
    """ "de Marc", "d'Arnaud": the French elision before a vowel or a mute h."""
    return ("d'" if text[:1] in "AEIOUYÉÈÂÎHaeiouyéèh" else "de ") + text


def lui(p) -> str:
    return "elle" if p.sex == "F" else "lui"


def il(p) -> str:
    return "elle" if p.sex == "F" else "il"


def job(c: Ctx, capital: bool = False) -> str:
    word = c.pick_once("occupation", JOBS)
    if c.a.sex == "F":
        word = JOBS_F.get(word, word)
    word = word.capitalize() if capital else word
    return c.keep(word, "occupation", "occupation_surname")


def disease(c: Ctx, bare: bool = False) -> str:
    """ "de la maladie de Crohn" (or "maladie de Crohn" when ``bare``)."""
    article, name = c.rng.choice(DISEASES)
    if bare:
        article = article.removeprefix("de la ").removeprefix("d'un ").removeprefix("d'une ")
    return f"{article}{c.keep(name, 'disease', 'disease_eponym')}"


def place(c: Ctx) -> str:
    return c.keep(c.rng.choice(SAINT_PLACES), "municipality", "place_saint")


def hospital(c: Ctx) -> str:
    """ "à la Clinique Saint-Luc de Bouge", "au CHU Ambroise Paré"."""
    article, name = c.rng.choice(INSTITUTIONS)
    category = "institution" if name.startswith("Grand") else "institution_eponym"
    return article + c.keep(name, "institution", category)


def school(c: Ctx, bare: bool = False) -> str:
    """ "à l'Institut Saint-Joseph", "au Collège Saint-Julien" (or the bare name)."""
    article, name = c.rng.choice(SCHOOLS)
    return ("" if bare else article) + c.keep(name, "institution", "institution_eponym")


def aid(c: Ctx) -> str:
    article, name = c.rng.choice(AIDS)
    return article + c.keep(name, "institution", "institution")


def kids_sentence(c: Ctx) -> str:
    couple = ""
    if c.partner:
        p = c.partner
        couple = c.rng.choice(
            [
                lambda: (
                    f"{il(c.a).capitalize()} vit avec "
                    f"{'son compagnon' if p.sex == 'M' else 'sa compagne'}, "
                    f"{c.n(p)} ({p.age()} ans). "
                ),
                lambda: f"Cohabitant{e(c.a)} avec {c.t(p)}, né{e(p)} le {c.r.birth_text(p)}. ",
            ]
        )()
    return couple + _kids(c)


def _kids(c: Ctx) -> str:
    if not c.kids:
        return (
            "Pas d'enfant à charge." if c.partner else f"{il(c.a).capitalize()} vit seul{e(c.a)}."
        )
    listed = c.children("ans", "et")
    return c.rng.choice(
        [
            f"{il(c.a).capitalize()} a la charge {de(listed)}.",
            f"Le ménage compte {len(c.kids)} enfant(s) : {listed}.",
            f"Sont à sa charge : {listed}.",
        ]
    )


INTRO = [
    lambda c: (
        f"{c.t(c.a)} s'est présenté{e(c.a)} à la permanence du {c.r.when()} pour une "
        f"demande d'aide. {il(c.a).capitalize()} habite {c.r.street_text(True)} à "
        f"{c.r.town()}."
    ),
    lambda c: (
        f"Nous avons rencontré {c.n(c.a)}, domicilié{e(c.a)} {c.r.street_text(False)}, "
        f"{c.r.town()}, lors d'une visite à domicile le {c.r.when('words')}."
    ),
    lambda c: (
        f"Suite à l'appel de son fils, je me suis rendu{e(c.a)} chez {c.t(c.a)} "
        f"({c.r.street_text(True)}, {c.r.town()}) le {c.r.when('slash')}."
    ),
    lambda c: (
        f"{c.n(c.a)}, né{e(c.a)} le {c.r.birth_text(c.a)}, introduit une demande de "
        f"revenu d'intégration. Adresse : {c.r.street_text(c.rng.random() < 0.6)}, "
        f"{c.r.town()}."
    ),
    lambda c: (
        f"Madame, Monsieur, je vous soumets la situation de {c.t(c.a)}, que l'équipe "
        f"appelle familièrement « {c.n(c.a, 'nick')} », et qui vit "
        f"{c.r.street_text(True)} à {c.r.town()} depuis 2019."
    ),
]
FAMILY = [kids_sentence]
EX = [
    lambda c: (
        f"{'Le père' if c.a.sex == 'F' else 'La mère'} des enfants, "
        f"{c.n(c.third('ex-partner', 'M' if c.a.sex == 'F' else 'F'))}, a quitté le domicile "
        "en mars et ne verse pas la part contributive."
    ),
    lambda c: (
        f"La séparation d'avec {c.n(c.third('ex-partner'))} est prononcée ; le jugement "
        f"du tribunal de la famille (R.G. {c.r.roll()}) fixe l'hébergement principal chez "
        f"{lui(c.a)}."
    ),
    lambda c: (
        f"{'Son ex-compagnon' if c.a.sex == 'F' else 'Son ex-compagne'}, "
        f"{c.t(c.third('ex-partner', 'M' if c.a.sex == 'F' else 'F'))}, "
        f"reste joignable au {c.other_phone()}."
    ),
]
LANDLORD = [
    lambda c: (
        f"Le propriétaire, {c.n(c.third('landlord'))}, réclame un arriéré de "
        f"{c.r.amount(300, 4000)} € ; la citation devant la justice de paix porte le "
        f"numéro de rôle {c.r.roll()}."
    ),
    lambda c: (
        f"L'agence (contact : {c.n(c.third('landlord'))}) a annoncé une audience le "
        f"{c.r.when('words')} pour un arriéré de {c.r.amount(300, 4000)} euros."
    ),
    lambda c: (
        f"Le bailleur, {c.t(c.third('landlord'))}, accepte un plan d'apurement de "
        f"{c.r.amount(40, 200)} € par mois à partir du {c.r.when('short')}."
    ),
]
HEALTH = [
    lambda c: (
        f"{il(c.a).capitalize()} souffre {disease(c)} et est suivi{e(c.a)} par le "
        f"Dr {c.n(c.third('doctor'), 'last')} {hospital(c)}."
    ),
    lambda c: (
        f"Sa mère, atteinte {disease(c)}, est hospitalisée {hospital(c)} ; "
        f"{il(c.a)} s'y rend chaque jour."
    ),
    lambda c: (
        f"Le médecin traitant ({c.n(c.third('doctor'))}) atteste d'une incapacité de "
        f"travail (diagnostic : {disease(c, bare=True)})."
    ),
    lambda c: (
        f"Consultation prévue le {c.r.when()} {hospital(c)}, service de "
        f"neurologie (suspicion {disease(c)})."
    ),
]
WORK = [
    lambda c: (
        f"{il(c.a).capitalize()} a travaillé douze ans comme {job(c)} à {place(c)} "
        f"avant la faillite de son employeur."
    ),
    lambda c: (
        f"Ancien{'ne' if c.a.sex == 'F' else ''} {job(c)}, {il(c.a)} cherche un emploi "
        f"avec l'aide {aid(c)} ; sa conseillère, {c.n(c.third('job counsellor', 'F'))}, "
        f"le confirme."
    ),
    lambda c: (
        f"Un contrat article 60 comme {job(c)} est envisagé ; la responsable de "
        f"l'entreprise d'insertion, {c.n(c.third('employer contact'))}, est d'accord."
    ),
]


def _pupil(c: Ctx) -> str:
    k = c.kid()
    return (
        f"{c.n(k, 'first')} est scolarisé{e(k)} {school(c)} ; son institutrice, "
        f"{c.t(c.third('teacher', 'F'))}, signale des absences répétées."
    )


def _satchel(c: Ctx) -> str:
    k = c.kid()
    return (
        f"Le cartable {c.keep('rose', 'word', 'word_lookalike')} {de(c.n(k, 'first'))} a été "
        f"offert par l'association de parents de l'école ({school(c, bare=True)})."
    )


SCHOOL = [
    _pupil,
    _satchel,
    lambda c: (
        f"La direction de l'école ({school(c, bare=True)}), en la "
        f"personne de {c.n(c.third('school director', 'F'))}, demande une intervention "
        f"dans les frais de cantine ({c.r.amount(40, 300)} €)."
    ),
]
CAR = [
    lambda c: (
        f"Véhicule déclaré : Opel Corsa – couleur : {c.keep('Rose', 'word', 'word_lookalike')} "
        f"– plaque : {c.r.plate()} (valeur estimée {c.r.amount(300, 2500)} €)."
    ),
    lambda c: (
        f"{il(c.a).capitalize()} possède un véhicule (plaque {c.r.plate()}) indispensable "
        f"pour se rendre au travail."
    ),
    lambda c: (
        f"La voiture immatriculée {c.r.plate()} a été saisie par l'huissier "
        f"{c.n(c.third('bailiff', 'M'), 'last')}."
    ),
]
DEBT = [
    lambda c: (
        f"Une médiation de dettes est en cours chez {c.n(c.third('debt mediator'))} ; "
        f"solde restant dû : {c.r.amount(1000, 9000)} €."
    ),
    lambda c: (
        f"L'huissier {c.t(c.third('bailiff', 'M'))} a signifié un commandement le "
        f"{c.r.when('slash')} (dossier {c.r.roll()})."
    ),
]
BUDGET = [
    lambda c: (
        f"{c.keep('Solde disponible', 'word', 'word_lookalike')} après charges fixes : "
        f"{c.r.amount(5, 200)} € par mois."
    ),
    lambda c: (
        f"Extrait de compte {c.r.iban_text(c.rng.random() < 0.4)} : "
        f"{c.keep('Solde disponible', 'word', 'word_lookalike')} {c.r.amount(1, 90)} €."
    ),
]
PLACES = [
    lambda c: (
        f"{il(c.a).capitalize()} a grandi à {place(c)} où vit encore sa sœur, "
        f"{c.n(c.third('sister', 'F'))}."
    ),
    lambda c: f"La famille a déménagé de {place(c)} il y a deux ans.",
]
CONTACT = [
    lambda c: (
        f"Joignable au {c.r.phone_text()} ou par courriel : "
        f"{c.r.email_text(c.a, c.rng.random() < 0.6)}."
    ),
    lambda c: (
        f"Coordonnées : GSM {c.r.phone_text()}, compte {c.r.iban_text(c.rng.random() < 0.35)}."
    ),
    lambda c: f"NISS : {c.r.niss_text(c.a, c.rng.random() < 0.35)}.",
]
BIRTH = [
    lambda c: (
        f"L'acte de naissance joint indique qu'{il(c.a)} est né{e(c.a)} le "
        f"{c.r.birth_text(c.a, True)} à {place(c)}."
    ),
    lambda c: (
        f"D'après la copie du jugement, {c.n(c.a, 'initials')} est né{e(c.a)} le "
        f"{c.r.birth_text(c.a, True)}."
    ),
]
PROPOSAL = [
    lambda c: (
        f"Proposition : octroi d'une aide de {c.r.amount(100, 1500)} € sur la base de "
        f"l'{c.keep(c.rng.choice(LEGAL), 'legal', 'legal')}, à revoir le {c.r.when()}."
    ),
    lambda c: (
        f"Nous proposons au Comité du {c.r.when('words')} d'accorder le revenu "
        f"d'intégration au taux isolé ({c.keep(c.rng.choice(LEGAL), 'legal', 'legal')})."
    ),
    lambda c: (
        f"Avis favorable pour une guidance budgétaire et une aide ponctuelle de "
        f"{c.r.amount(50, 900)} € ; réévaluation au {c.r.when('short')}."
    ),
]


WORDS = {
    "heads": [
        "RAPPORT SOCIAL",
        "Rapport social – demande d'aide",
        "Enquête sociale",
        "Note au Comité spécial du service social",
    ],
    "service": "CPAS – Service social",
    "page": "Page 1 / 2",
    "form": "FORMULAIRE DE DEMANDE D'AIDE SOCIALE",
    "fields": {
        "name": "Nom",
        "first": "Prénom(s)",
        "birth": "Date de naissance",
        "niss": "N° registre national",
        "address": "Adresse",
        "phone": "Tél.",
        "iban": "Compte",
        "job": "Profession",
        "fund": "Mutuelle",
        "email": "E-mail",
    },
    "situation": "Situation",
    "opinion": "Avis",
    "signatures": {
        "lawyer": "Avocat",
        "debt mediator": "Médiateur de dettes",
        "landlord": "Gérance Immo",
        "school director": "Direction",
    },
    "tel": "Tél.",
    "countries": ["BE", "BE", "FR"],
    "head": "De : {worker} <service.social@cpas-exemple.be>\nEnvoyé : {sent}\n"
    "Objet : RE: dossier {initials}",
    "greeting": "Bien à vous,",
    "role": "Assistante sociale",
    "table": [
        "NOM | Prénom | Lien | Né(e) le | NISS",
        "Nom\tPrénom\tLien de parenté\tDate de naissance\tNISS",
    ],
    "links": {None: "demandeur", "partner": "partenaire", "child": "enfant", "parent": "parent"},
    "household": "Composition de ménage",
    "notes": "Notes d'entretien",
    "funds": ["Solidaris", "Mutualité chrétienne", "Partenamut"],
    "bullets": ["-", "•"],
}


def quote_head(c: Ctx, sender: str) -> str:
    return f"-----Message d'origine-----\nDe : {sender}\nObjet : {c.t(c.a)}\n"


def court_letter(c: Ctx) -> str:
    r = c.r
    judge = c.third("justice of the peace")
    return (
        f"JUSTICE DE PAIX DU CANTON DE {c.canton()}\n"
        f"Rôle n° {r.roll()}\n\nEn cause : {c.n(c.third('landlord'), 'caps')}, demandeur,\n"
        f"contre : {c.n(c.a, 'caps')}, né{e(c.a)} le {r.birth_text(c.a, c.rng.random() < 0.5)}, "
        f"NN {r.niss_text(c.a, c.rng.random() < 0.5)}, domicilié{e(c.a)} "
        f"{r.street_text(True)} à {r.town()}, "
        f"{'défenderesse' if c.a.sex == 'F' else 'défendeur'}.\n\n"
        f"Audience du {r.when('words')}, présidée par {c.n(judge, 'full')}.\n\n"
        "Commentaire du service social :\n"
        + "\n".join(body(c, ["FAMILY"], extra=2))
        + "\n"
        + c.say("PROPOSAL")
    )
