"""The accessibility check the journeys rely on does catch problems (it would otherwise pass
every page vacuously), and the Content-Security-Policy stays on while it runs."""

from __future__ import annotations

import pytest


def test_axe_check_fails_on_an_unlabelled_field_and_poor_contrast(new_context, pages) -> None:
    page = new_context().new_page()
    page.goto("/login")
    pages.check(page)  # the real page passes
    page.evaluate("""() => {
        const main = document.querySelector("main");
        main.insertAdjacentHTML("beforeend",
            '<input type="text" name="nameless"><p class="faint">faint</p>');
        const faint = main.querySelector(".faint");
        faint.style.color = "#cccccc";
        faint.style.background = "#ffffff";
    }""")
    with pytest.raises(AssertionError) as failure:
        pages.check(page)
    assert "label" in str(failure.value)
    assert "color-contrast" in str(failure.value)


def test_pages_keep_their_content_security_policy(new_context) -> None:
    page = new_context().new_page()
    response = page.goto("/login")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    blocked = page.evaluate("""() => new Promise(resolve => {
        document.addEventListener("securitypolicyviolation", () => resolve(true));
        const script = document.createElement("script");
        script.textContent = "window.__inline = true";
        document.body.append(script);
        setTimeout(() => resolve(false), 1000);
    })""")
    assert blocked and not page.evaluate("window.__inline === true")
