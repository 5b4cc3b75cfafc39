"""The language a person picks follows them: from another device, after logging in again,
pages come in that language (dates included), whatever the browser asks for."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

#: (language, the greeting of the home page)
LANGUAGES = [
    ("nl", "Welkom"),
    ("de", "Willkommen"),
]
WEEKDAYS = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
}


@pytest.mark.parametrize(("language", "welcome"), LANGUAGES)
def test_language_choice_follows_the_user(new_context, pages, language: str,
                                          welcome: str) -> None:
    first = new_context().new_page()
    pages.log_in(first, "councillor1")
    expect(first.locator("html")).to_have_attribute("lang", "fr")
    first.locator("#language-select").select_option(language)
    first.locator(".language-switch button").click()
    expect(first.locator("html")).to_have_attribute("lang", language)
    pages.check(first)
    first.locator("form[action$='/logout'] button").click()
    expect(first.locator("#username")).to_be_visible()

    # another device, whose browser prefers French
    other = new_context("tablet", locale="fr-BE").new_page()
    pages.log_in(other, "councillor1")
    expect(other.locator("html")).to_have_attribute("lang", language)
    expect(other.locator("main h1")).to_contain_text(welcome)
    first_date = other.locator("main table time").first.inner_text()
    assert any(day in first_date for day in WEEKDAYS[language]), first_date
    pages.check(other)
