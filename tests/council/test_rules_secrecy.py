"""What a disclosure may carry on each basis (DOMAIN.md, "Lifting professional secrecy"), and
when a consent stands (code of ethics 2.8, 5.2, 5.5)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from council.rules.secrecy import (
    NEVER_DISCLOSED,
    ConsentRecord,
    DisclosureField,
    DisclosureRefused,
    SecrecyBasis,
    allowed_fields,
    check_selection,
    consent_stands,
)

IDENTITY, ADDRESSES, APPLICATION, AID = (
    DisclosureField.identity, DisclosureField.addresses, DisclosureField.application_data,
    DisclosureField.aid_decisions)


@pytest.mark.parametrize(("basis", "allowed", "source"), [
    # CIC art. 46bis/1 (passive duty kept by the Constitutional Court): administrative
    # information only: identity, known addresses and domicile, application data, aid
    (SecrecyBasis.prosecutor_request, (IDENTITY, ADDRESSES, APPLICATION, AID), "CIC art. 46bis/1"),
    # état de nécessité: who and where, to avert a grave, imminent and actual danger
    (SecrecyBasis.necessity, (IDENTITY, ADDRESSES), "état de nécessité (Code pénal art. 458)"),
    # consent: at most the administrative data, for the institution and purpose consented to
    (SecrecyBasis.consent, (IDENTITY, ADDRESSES, APPLICATION, AID), "code of ethics 2.8, 5.2, 5.5"),
    # another basis: nothing beyond confirming whom it concerns
    (SecrecyBasis.other, (IDENTITY,), "unnamed text: identity only"),
])
def test_allowed_fields_per_basis(basis: SecrecyBasis, allowed: tuple[DisclosureField, ...],
                                  source: str) -> None:
    assert allowed_fields(basis) == allowed, source


@pytest.mark.parametrize("basis", list(SecrecyBasis))
@pytest.mark.parametrize("forbidden", sorted(NEVER_DISCLOSED))
def test_social_reports_maps_minutes_and_votes_are_never_disclosed(
        basis: SecrecyBasis, forbidden: str) -> None:
    # "Social reports are not covered" (CIC art. 46bis/1), nor by any other basis
    for full in (False, True):
        with pytest.raises(DisclosureRefused) as refused:
            check_selection(basis, ["identity", forbidden], full=full)
        assert refused.value.code == "never_disclosed"
        assert refused.value.field == forbidden


@pytest.mark.parametrize(("basis", "names", "full", "expected"), [
    (SecrecyBasis.prosecutor_request, [], True, (IDENTITY, ADDRESSES, APPLICATION, AID)),
    (SecrecyBasis.prosecutor_request, ["aid_decisions", "identity"], False, (IDENTITY, AID)),
    (SecrecyBasis.necessity, ["addresses"], False, (ADDRESSES,)),
    (SecrecyBasis.necessity, [], True, (IDENTITY, ADDRESSES)),
    (SecrecyBasis.consent, ["application_data"], False, (APPLICATION,)),
    (SecrecyBasis.other, [], True, (IDENTITY,)),
])
def test_selection_in_letter_order(basis: SecrecyBasis, names: list[str], full: bool,
                                   expected: tuple[DisclosureField, ...]) -> None:
    assert check_selection(basis, names, full=full) == expected


@pytest.mark.parametrize(("basis", "names", "full", "code"), [
    # état de nécessité does not open the file's applications nor the aid history
    (SecrecyBasis.necessity, ["aid_decisions"], False, "not_allowed_by_basis"),
    (SecrecyBasis.necessity, ["application_data"], True, "not_allowed_by_basis"),
    (SecrecyBasis.other, ["addresses"], False, "not_allowed_by_basis"),
    (SecrecyBasis.prosecutor_request, ["bank_statements"], False, "unknown_field"),
    (SecrecyBasis.prosecutor_request, [], False, "nothing_selected"),
    (SecrecyBasis.necessity, ["identity", "addresses"], False, "partial_is_everything"),
])
def test_refused_selections(basis: SecrecyBasis, names: list[str], full: bool,
                            code: str) -> None:
    with pytest.raises(DisclosureRefused) as refused:
        check_selection(basis, names, full=full)
    assert refused.value.code == code


def at(day: int) -> datetime:
    return datetime(2026, 3, day, 12, tzinfo=UTC)


GIVEN = ConsentRecord(1, "Mutualité chrétienne", "remboursement des soins", True, at(2))


@pytest.mark.parametrize(("chosen", "others", "when", "stands"), [
    (GIVEN, [], at(10), True),
    # not yet given at that moment
    (GIVEN, [], at(1), False),
    # revoked before the exchange
    (ConsentRecord(1, "Mutualité chrétienne", "soins", True, at(2), revoked_at=at(5)), [], at(10),
     False),
    # revoked only after the exchange: it stood then
    (ConsentRecord(1, "Mutualité chrétienne", "soins", True, at(2), revoked_at=at(12)), [],
     at(10), True),
    # a refusal is no consent
    (ConsentRecord(1, "Mutualité chrétienne", "soins", False, at(2)), [], at(10), False),
    # a later refusal for the same institution and purpose (spelt differently) replaces it
    (GIVEN, [ConsentRecord(2, "  mutualité CHRÉTIENNE ", "remboursement  des soins", False,
                           at(4))], at(10), False),
    # a refusal for another purpose does not touch it
    (GIVEN, [ConsentRecord(2, "Mutualité chrétienne", "logement", False, at(4))], at(10), True),
])
def test_consent_stands(chosen: ConsentRecord, others: list[ConsentRecord], when: datetime,
                        stands: bool) -> None:
    assert consent_stands(chosen, [chosen, *others], at=when) is stands
