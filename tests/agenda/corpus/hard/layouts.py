"""The layouts that differ between languages only by their words (each bank's ``WORDS``)."""

from __future__ import annotations

from compose import NEED_CHILDREN, Ctx, body, quote


def narrative(c: Ctx) -> str:
    head = c.rng.choice(c.bank.WORDS["heads"])
    parts = [*body(c, ["INTRO", "FAMILY"], extra=c.rng.randrange(3, 6)), c.say("PROPOSAL")]
    return f"{head}\n\n" + "\n".join(parts)


def pdf_paste(c: Ctx) -> str:
    """One run of text (pdf_paste in artefacts.py then breaks it into lines) with a footer."""
    words = c.bank.WORDS
    parts = [*body(c, ["INTRO", "FAMILY"], extra=c.rng.randrange(4, 7)), c.say("PROPOSAL")]
    footer = c.rng.choice([f"\n{words['page']}\n", "\n– 1 –\n", "\n- 1 -\n", "\n"])
    return f"{words['service']}\n" + " ".join(parts[:3]) + footer + " ".join(parts[3:])


def form(c: Ctx) -> str:
    """An application form: labelled fields, then the situation and the proposal."""
    a, r, words = c.a, c.r, c.bank.WORDS
    values = {
        "name": lambda: c.n(a, "caps_last"),
        "first": lambda: r.names(a, " ".join(a.firsts), "name", "first"),
        "birth": lambda: r.birth_text(a, c.rng.random() < 0.15),
        "niss": lambda: r.niss_text(a, c.rng.random() < 0.3),
        "address": lambda: f"{r.street_text(c.rng.random() < 0.6)}, {r.town()}",
        "phone": r.phone_text,
        "iban": lambda: r.iban_text(c.rng.random() < 0.3),
        "job": lambda: c.bank.job(c, capital=True),
        "fund": lambda: c.keep(c.rng.choice(words["funds"]), "institution", "institution"),
        "email": lambda: r.email_text(a, c.rng.random() < 0.5),
    }
    keys = list(values)
    if c.rng.random() < 0.5:
        keys.remove("email")
    sep = c.rng.choice([" : " if c.r.lang == "fr" else ": ", "\t", " .......... "])
    rows = [f"{words['fields'][key]}{sep}{values[key]()}" for key in keys]
    return (
        f"{words['form']}\n\n"
        + "\n".join(rows)
        + f"\n\n{words['situation']}\n"
        + "\n".join(body(c, ["FAMILY"], extra=3))
        + f"\n\n{words['opinion']}\n"
        + c.say("PROPOSAL")
    )


def email_thread(c: Ctx) -> str:
    """A reply from the social worker over a quoted message with its signature."""
    words = c.bank.WORDS
    role = c.rng.choice(list(words["signatures"]))
    sender = c.third(role)
    worker = c.third("social worker", "F" if c.r.lang == "fr" else None)
    quoted = "\n".join(body(c, [], extra=2))
    signature = (
        f"{c.n(sender, 'full')}\n{words['signatures'][role]}\n"
        f"{words['tel']} {c.other_phone(c.rng.choice(words['countries']))}"
    )
    head = words["head"].format(
        worker=c.n(worker, "full"), sent=c.r.when("words"), initials=c.n(c.a, "initials")
    )
    reply = "\n".join(body(c, ["INTRO", "FAMILY"], extra=1))
    closing = f"{words['greeting']}\n{c.n(worker, 'first')}\n{words['role']}"
    return (
        f"{head}\n\n{reply}\n{closing}\n\n{c.bank.quote_head(c, signature.splitlines()[0])}\n"
        + quote(c, quoted + "\n\n" + signature)
        + "\n\n"
        + c.say("PROPOSAL")
    )


def household_table(c: Ctx) -> str:
    """The table of household members, then the report."""
    r, words = c.r, c.bank.WORDS
    header = c.rng.choice(words["table"])
    sep = " | " if "|" in header else "\t"
    rows = [
        sep.join(
            [
                c.n(p, "caps_last"),
                r.names(p, p.first, "name", "first"),
                words["links"][p.relation],
                r.birth_text(p),
                r.niss_text(p, c.rng.random() < 0.2),
            ]
        )
        for p in [c.a, *r.household]
    ]
    return (
        f"{words['household']}\n{header}\n"
        + "\n".join(rows)
        + "\n\n"
        + "\n".join(body(c, ["INTRO"], extra=3))
        + "\n"
        + c.say("PROPOSAL")
    )


def notes(c: Ctx) -> str:
    words = c.bank.WORDS
    parts = body(c, ["INTRO", "FAMILY"], extra=c.rng.randrange(3, 6))
    bullet = c.rng.choice(words["bullets"])
    return (
        f"{words['notes']}\n"
        + "\n".join(f"{bullet} {p}" for p in parts)
        + "\n\n"
        + c.say("PROPOSAL")
    )


def sections(c: Ctx) -> str:
    """A report under headings, as most CPAS templates have it (the bank's SECTIONS)."""
    parts = [c.bank.SECTIONS_TITLE, "", c.say("INTRO")]
    for heading, banks in c.bank.SECTIONS:
        usable = [b for b in banks if c.kids or b not in NEED_CHILDREN]
        if not usable:
            continue
        chosen = c.rng.sample(usable, k=min(len(usable), c.rng.choice([1, 1, 2])))
        colon = " :" if c.r.lang == "fr" else ":"
        parts += ["", c.rng.choice([heading, heading.upper(), heading + colon])]
        parts += [c.say(b) for b in chosen]
    return "\n".join(parts)
