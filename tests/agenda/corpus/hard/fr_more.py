"""More French phrases: neighbours and friends known by a nickname, lawyers who write, energy,
holidays that look like names, family abroad. Looked up before fr.py's (build.Bank)."""

from __future__ import annotations

import fr
from fr import aid, disease, e, hospital, il, job, lui, place

INTRO = [
    *fr.INTRO,
    lambda c: (
        f"Dossier ouvert en 2023. {fr.title(c.a)} {c.n(c.a, 'caps_last')} "
        f"({c.n(c.a, 'first')}) revient vers nous le {c.r.when('words')} après une "
        f"hospitalisation {hospital(c)}."
    ),
    lambda c: (
        f"Entretien au service le {c.r.when('slash')} avec {c.n(c.a)} "
        f"(n° national {c.r.niss_text(c.a, c.rng.random() < 0.4)}), qui loue un appartement "
        f"{c.r.street_text(True)}, {c.r.town()}."
    ),
    lambda c: (
        f"Première demande de {c.t(c.a)}, orienté{e(c.a)} par le service de médiation "
        f"de dettes ; {il(c.a)} occupe un studio {c.r.street_text(c.rng.random() < 0.7)} "
        f"à {c.r.town()}."
    ),
]
NEIGHBOUR = [
    lambda c: (
        f"Une voisine, {c.n(c.third('neighbour', 'F'), 'initials')}, apporte un repas "
        f"chaque soir ; {c.n(c.a, 'first')} l'appelle « {c.n(c.third('neighbour', 'F'), 'nick')} »."
    ),
    lambda c: (
        f"Son ami d'enfance, que tout le monde appelle "
        f"« {c.n(c.third('friend', 'M'), 'nick')} », l'héberge depuis le {c.r.when('short')}."
    ),
    lambda c: (
        f"Le voisin du dessus, {c.t(c.third('neighbour', 'M'), 'caps_last')}, s'est "
        f"plaint du bruit auprès de la police de {place(c)}."
    ),
]
LAWYER = [
    lambda c: (
        f"Son avocate pro deo, Me {c.n(c.third('lawyer', 'F'), 'last')}, nous a écrit "
        f"({c.r.email_text(c.third('lawyer', 'F'), True, known=False)}) au sujet de la "
        f"procédure {c.r.roll()}."
    ),
    lambda c: (
        f"Me {c.n(c.third('lawyer'))} (tél. {c.other_phone()}) défend ses intérêts "
        f"devant le tribunal du travail ; audience fixée au {c.r.when('words')}."
    ),
    lambda c: (
        f"Le conseil de l'ex-partenaire, Me {c.n(c.third('lawyer'), 'caps_last')}, "
        f"réclame les allocations familiales perçues depuis le {c.r.when('slash')}."
    ),
]
ENERGY = [
    lambda c: (
        f"Le compteur à budget a été placé le {c.r.when('words')} ; la dette chez le "
        f"fournisseur atteint {c.r.amount(200, 1800)} €."
    ),
    lambda c: (
        f"Facture de régularisation : {c.r.amount(300, 2200)} €. "
        f"{c.keep('Solde disponible', 'word', 'word_lookalike')} sur le compte "
        f"{c.r.iban_text(c.rng.random() < 0.3)} au {c.r.when('short')} : "
        f"{c.r.amount(1, 60)} €."
    ),
    lambda c: (
        f"La façade {c.keep('rose', 'word', 'word_lookalike')} de l'immeuble cache un "
        f"logement humide ; le rapport de salubrité date du {c.r.when('slash')}."
    ),
]
HOLIDAY = [
    lambda c: (
        f"Pendant le congé de {c.keep('Toussaint', 'word', 'word_lookalike')}, les enfants "
        f"sont chez leur grand-mère à {place(c)}."
    ),
    lambda c: (
        f"Une aide pour les colis de {c.keep('Noël', 'word', 'word_lookalike')} "
        f"({c.r.amount(25, 80)} €) a déjà été accordée l'an dernier."
    ),
]
ABROAD = [
    lambda c: (
        f"Sa sœur, {c.n(c.third('sister', 'F'))}, vit à Lille (tél. "
        f"{c.other_phone('FR')}) et envoie un peu d'argent."
    ),
    lambda c: (
        f"{il(c.a).capitalize()} a rendu visite à son père, atteint {disease(c)}, "
        f"en maison de repos ; le directeur, {c.n(c.third('care home director', 'M'))}, "
        f"l'a reçu{e(c.a)}."
    ),
    lambda c: (
        f"La garde des enfants a été confiée provisoirement à "
        f"{c.n(c.third('grandmother', 'F'))}, chez {lui(c.third('grandmother', 'F'))} à "
        f"{place(c)}."
    ),
]

SECTIONS_TITLE = "Rapport social – Comité spécial du service social"
SECTIONS = [
    ("Composition de ménage", ["FAMILY"]),
    ("Logement", ["LANDLORD", "ENERGY", "NEIGHBOUR"]),
    ("Santé", ["HEALTH", "ABROAD"]),
    ("Scolarité", ["SCHOOL"]),
    ("Situation professionnelle", ["WORK", "CAR"]),
    ("Situation financière", ["BUDGET", "DEBT", "LAWYER"]),
    ("Coordonnées", ["CONTACT"]),
    ("Proposition", ["PROPOSAL"]),
]
PROPOSAL = [
    *fr.PROPOSAL,
    lambda c: (
        f"Proposition au Comité du {c.r.when('slash')} : prise en charge de la garantie "
        f"locative ({c.r.amount(600, 2400)} €) sous forme de lettre de garantie."
    ),
    lambda c: (
        f"Nous sollicitons une avance sur allocations de {c.r.amount(300, 1200)} € en "
        f"attendant la décision {aid(c)}, à rembourser dès le {c.r.when('words')}."
    ),
    lambda c: (
        f"Refus proposé : les ressources dépassent le barème "
        f"({c.keep(c.rng.choice(fr.LEGAL), 'legal', 'legal')}) ; réexamen possible le "
        f"{c.r.when('short')}."
    ),
]
HEALTH = [
    *fr.HEALTH,
    lambda c: (
        f"Le certificat du Dr {c.n(c.third('doctor'), 'caps_last')} mentionne un suivi "
        f"{hospital(c)} pour {disease(c, bare=True)} depuis le {c.r.when('slash')}."
    ),
    lambda c: (
        f"Les frais de pharmacie ({c.r.amount(40, 300)} € par mois) concernent le "
        f"traitement {disease(c)}."
    ),
]
WORK = [
    *fr.WORK,
    lambda c: (
        f"Son dernier employeur, la boulangerie {c.n(c.third('employer', 'M'), 'last')} à "
        f"{place(c)}, l'a licencié{e(c.a)} le {c.r.when('words')}."
    ),
    lambda c: (
        f"Inscrit{e(c.a)} comme demandeu{'se' if c.a.sex == 'F' else 'r'} d'emploi depuis "
        f"2024 ; formation de {job(c)} prévue au centre de compétences."
    ),
]
