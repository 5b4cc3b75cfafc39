"""Journey (issue 16, item 1): a social worker types a dossier identity in the form, in French,
on a tablet and on a phone: the applicant, the address, the contacts, a household member added
with the "add" button (no JavaScript needed); a wrong national register number is shown by its
field, in French, the form still open and nothing lost; corrected, the report goes; later the
dossier is corrected in the same form, as a new version."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

REPORT = (
    "RAPPORT SOCIAL\n\n"
    "Madame Awa Diallo-Peeters, domiciliée rue des Tilleuls 5 à 7000 Hautrival, vit avec sa "
    "fille Fatou (8 ans).\n\n"
    "Proposition\n"
    "Octroi d'une aide de 300,00 € pour les frais scolaires.\n"
)
WRONG_NISS = "18050212345"


def _valid(niss: str) -> str:
    """``niss`` with its right check digits (mod-97) for someone born in 2000 or later."""
    base = int("2" + niss[:9])  # born in 2000 or later: "2" before the nine digits
    return f"{niss[:9]}{97 - base % 97:02d}"


def _fill(page: Page, values: dict[str, str]) -> None:
    for field, value in values.items():
        page.locator(f"#dossier-{field}").fill(value)


@pytest.mark.parametrize("device", ["tablet", "phone"])
def test_a_household_typed_in_the_form_with_a_wrong_niss_corrected(new_context, pages,
                                                                     device: str) -> None:
    reference = f"2026/08{len(device)}"
    page = new_context(device).new_page()
    pages.log_in(page, "socialworker")
    page.goto("/reports/new")
    pages.check(page, "identity_form" if device == "tablet" else None)
    page.locator("#text").fill(REPORT)
    _fill(page, {"reference": reference, "applicant-last_name": "Diallo-Peeters",
                 "applicant-first_names": "Awa", "applicant-birth_date": "1990-07-14",
                 "address-street": "rue des Tilleuls", "address-number": "5",
                 "address-postcode": "7000", "address-city": "Hautrival",
                 "contacts-phone": "0470 98 76 54"})
    page.locator("#dossier-applicant-sex").select_option("F")

    # one household member, added with the button (the page comes back with the row)
    page.get_by_role("button", name="Ajouter un membre du ménage").click()
    page.wait_for_load_state()
    expect(page.locator("#dossier-household-0-last_name")).to_be_visible()
    expect(page.locator("#dossier-applicant-last_name")).to_have_value("Diallo-Peeters")
    pages.check(page)
    _fill(page, {"household-0-last_name": "Diallo-Peeters", "household-0-first_names": "Fatou",
                 "household-0-birth_date": "2018-05-02", "household-0-niss": WRONG_NISS})
    page.locator("#dossier-household-0-relation").select_option("child")
    page.locator("#submit-report").click()
    page.wait_for_load_state()

    # refused: the message by the field, in French, the form open, nothing typed lost
    error = page.locator("#dossier-household-0-niss-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("numéro de registre national")
    expect(page.locator("#dossier-household-0-niss")).to_have_attribute(
        "aria-describedby", "dossier-household-0-niss-error")
    expect(page.locator("#dossier-household-0-first_names")).to_have_value("Fatou")
    expect(page.locator("#text")).to_have_value(re.compile("Awa Diallo-Peeters"))
    expect(page.locator(".flash-error")).to_contain_text("ne sont pas valables")
    pages.check(page, "identity_form_error" if device == "tablet" else None)

    page.locator("#dossier-household-0-niss").fill(_valid(WRONG_NISS))
    page.locator("#submit-report").click()
    page.wait_for_url(re.compile(r"/reports/\d+$"))
    expect(page.locator(".flash-success")).to_be_visible()
    draft = page.locator(".report-text").first
    for identity in ("Diallo", "Fatou", "Tilleuls"):
        expect(draft).not_to_contain_text(identity)
    pages.check(page)

    # later: the dossier corrected in the same form (the family moved)
    page.get_by_role("link", name="Corriger l'identité du dossier").click()
    page.wait_for_url(re.compile(r"/dossiers/\d+/identity$"))
    expect(page.locator("#dossier-household-0-first_names")).to_have_value("Fatou")
    expect(page.locator("#dossier-reference")).to_have_value(reference)
    pages.check(page, "identity_correction" if device == "tablet" else None)
    page.locator("#dossier-address-street").fill("rue des Érables")
    page.locator("#dossier-address-postcode").fill("700")
    page.locator("#save-identity").click()
    page.wait_for_load_state()
    expect(page.locator("#dossier-address-postcode-error")).to_contain_text("quatre chiffres")
    pages.check(page)
    page.locator("#dossier-address-postcode").fill("7000")
    page.locator("#save-identity").click()
    expect(page.locator(".flash-success")).to_contain_text("nouvelle version")
    expect(page.locator("#dossier-address-street")).to_have_value("rue des Érables")
    pages.check(page)
