"""Lifting professional secrecy: what may leave the centre, on which basis (DOMAIN.md, "Lifting
professional secrecy: held by the institution").

Secrecy (Code pénal art. 458; loi organique art. 36 and 50) gives way only exceptionally, and the
directeur général decides. These rules say which kinds of data a disclosure may carry for each
basis; anything else is refused, whatever a form or an API call asks for:

- **prosecutor's request** (Code d'instruction criminelle art. 46bis/1, inserted by the law
  of 17 May 2017, as left by the Cour constitutionnelle, arrêt n° 44/2019 of 14 March 2019,
  which annulled the active duty to report and kept the answer to the prosecutor's written
  request): only *administrative information*: identity data,
  known addresses and domicile, data given in an application to the centre, aid granted or
  refused with dates. Social reports are not covered.
- **état de nécessité** (grave, imminent and actual danger to a higher value): the holder of the
  secret discloses no more than what averts the danger. The careful reading kept here: who the
  person is and where they can be found (identity, addresses), nothing of their file.
- **consent** of the person (code of ethics 2.8, 5.2, 5.5): shared only with the institution and
  for the purpose consented to, only what the common goal needs. The same administrative data as
  for a prosecutor at most, never the social work itself, and only while a consent for that
  exchange stands (recorded, given, not revoked, not replaced by a later refusal).
- **another basis** (its reference is written down): the software cannot check an unnamed text,
  so it lets out no more than the identity (confirming whom the answer concerns); anything more
  needs one of the bases above.

Social reports, the pseudonym maps, minutes and votes are never disclosable through the builder,
whatever the basis: they are not in any allowance and have no value source.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from council.rules.errors import RuleError


class SecrecyBasis(enum.Enum):
    """On what ground secrecy may be lifted."""

    prosecutor_request = "prosecutor_request"
    necessity = "necessity"
    consent = "consent"
    other = "other"


class DisclosureField(enum.Enum):
    """A kind of data a disclosure letter may carry."""

    identity = "identity"
    addresses = "addresses"
    application_data = "application_data"
    aid_decisions = "aid_decisions"


#: what the centre holds and never discloses through the builder (named for the refusal message
#: and the tests; they are not fields at all)
NEVER_DISCLOSED = frozenset({"social_report", "pseudonym_map", "minutes", "votes"})

_ADMINISTRATIVE = frozenset(DisclosureField)

ALLOWED: dict[SecrecyBasis, frozenset[DisclosureField]] = {
    # CIC art. 46bis/1: administrative information only
    SecrecyBasis.prosecutor_request: _ADMINISTRATIVE,
    # état de nécessité: who and where, to avert the danger
    SecrecyBasis.necessity: frozenset({DisclosureField.identity, DisclosureField.addresses}),
    # consent (code of ethics 2.8, 5.2, 5.5): at most the administrative data
    SecrecyBasis.consent: _ADMINISTRATIVE,
    # another, named basis: confirming whom it concerns, no more
    SecrecyBasis.other: frozenset({DisclosureField.identity}),
}

#: the order in which fields are offered and written in the letter
FIELD_ORDER = (DisclosureField.identity, DisclosureField.addresses,
               DisclosureField.application_data, DisclosureField.aid_decisions)


class DisclosureRefused(RuleError):
    """A selection the basis does not allow. ``code`` names why; ``field`` the offending name."""

    def __init__(self, code: str, field: str | None = None) -> None:
        super().__init__(code if field is None else f"{code}: {field}")
        self.code = code
        self.field = field


def allowed_fields(basis: SecrecyBasis) -> tuple[DisclosureField, ...]:
    """The fields a disclosure on ``basis`` may carry, in letter order."""
    return tuple(field for field in FIELD_ORDER if field in ALLOWED[basis])


def check_selection(basis: SecrecyBasis, names: Iterable[str], *,
                    full: bool) -> tuple[DisclosureField, ...]:
    """The fields named in ``names`` (e.g. posted check boxes), in letter order, if the basis
    allows every one of them; ``full`` disclosure means all allowed fields, partial a non-empty
    part of them. Raises ``DisclosureRefused`` for any other name, however it was sent."""
    allowed = ALLOWED[basis]
    chosen: set[DisclosureField] = set()
    for name in names:
        if name in NEVER_DISCLOSED:
            raise DisclosureRefused("never_disclosed", name)
        try:
            field = DisclosureField(name)
        except ValueError:
            raise DisclosureRefused("unknown_field", name) from None
        if field not in allowed:
            raise DisclosureRefused("not_allowed_by_basis", name)
        chosen.add(field)
    if full:
        return allowed_fields(basis)
    if not chosen:
        raise DisclosureRefused("nothing_selected")
    if chosen == allowed:
        raise DisclosureRefused("partial_is_everything")
    return tuple(field for field in FIELD_ORDER if field in chosen)


@dataclass(frozen=True)
class ConsentRecord:
    """A consent as recorded: given or refused, to which institution, for which purpose."""

    id: int
    institution: str
    purpose: str
    is_given: bool
    given_at: datetime
    revoked_at: datetime | None = None


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def consent_stands(chosen: ConsentRecord, records: Sequence[ConsentRecord], *,
                   at: datetime) -> bool:
    """Whether ``chosen`` allows an exchange at ``at``: it was given, not revoked by then, and
    no later record for the same institution and purpose (a refusal, or a newer consent that
    replaced it) was made by then. ``records`` are all the dossier's consents."""
    if not chosen.is_given or chosen.given_at > at:
        return False
    if chosen.revoked_at is not None and chosen.revoked_at <= at:
        return False
    same = (_key(chosen.institution), _key(chosen.purpose))
    return not any(
        record.id != chosen.id
        and (_key(record.institution), _key(record.purpose)) == same
        and chosen.given_at < record.given_at <= at
        for record in records
    )
