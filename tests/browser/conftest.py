"""Browser tests: the application served for real (CSRF on, mail suppressed) to Debian's
Chromium driven by Playwright, with axe-core checking every page a journey visits.

Each test gets its own server on a copy of one SQLite database built once per run (migrations
and the demo centre), so the journeys do not see each other's votes. ``--screenshots DIR``
saves the pictures of the README while the journeys run (``make screenshots``).
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from cryptography.fernet import Fernet
from flask import Flask
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    expect,
    sync_playwright,
)
from sqlalchemy.orm import Session
from support import PASSWORDS
from werkzeug.serving import BaseWSGIServer, make_server

from council import create_app
from council.clock import centre_today
from council.db import db, state
from council.migrate import upgrade

T = TypeVar("T")

CHROMIUM = Path(os.environ.get("COUNCIL_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
#: where the test pages fetch axe from: answered by Playwright, never by the application, so
#: that the Content-Security-Policy (scripts from 'self' only) stays on during the tests
AXE_PATH = "/__browser-tests__/axe.min.js"

#: device name → (viewport, touch screen)
DEVICES = {
    "desktop": ({"width": 1280, "height": 900}, False),
    "tablet": ({"width": 1024, "height": 768}, True),
    "phone": ({"width": 390, "height": 844}, True),
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--screenshots", metavar="DIR", default=None,
                     help="save the README screenshots (in French) into DIR")


@pytest.fixture(autouse=True)
def _transaction() -> None:
    """The live server commits for real (on its own copy of the database): no rollback here."""


@pytest.fixture(scope="session")
def _environment() -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in
             ("SECRET_KEY", "COUNCIL_DATA_KEY", "COUNCIL_ENV")}
    os.environ["SECRET_KEY"] = "browser-tests-secret-key"
    os.environ["COUNCIL_DATA_KEY"] = Fernet.generate_key().decode()
    os.environ.pop("COUNCIL_ENV", None)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def _make_app(database: Path, outbox: Path) -> Flask:
    return create_app({"DATABASE_URL": f"sqlite:///{database}", "COUNCIL_MAIL_SUPPRESS": True,
                       "COUNCIL_MAIL_OUTBOX": str(outbox), "WTF_CSRF_ENABLED": True})


@pytest.fixture(scope="session")
def demo_database(_environment: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo centre built once, dated from the real today: the pages compare meeting dates
    with the clock (meetings ahead, convocation deadlines)."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "demo.db"
    app = _make_app(path, folder / "outbox")
    upgrade(state(app).engine)
    from council.demo import build_demo

    with app.app_context():
        build_demo(db.session, today=centre_today())
    state(app).engine.dispose()
    return path


class LiveServer:
    """The application on a free local port, served by a thread of this process."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._server: BaseWSGIServer = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> LiveServer:
        self._thread.start()
        return self

    def run(self, work: Callable[[Session], T]) -> T:
        """Sets the scene directly in the served database (what earlier journeys recorded)."""
        with self.app.app_context():
            return work(db.session)

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._thread.join(timeout=10)
        state(self.app).engine.dispose()


@pytest.fixture
def live_server(demo_database: Path, tmp_path: Path) -> Iterator[LiveServer]:
    database = tmp_path / "council.db"
    shutil.copyfile(demo_database, database)
    with LiveServer(_make_app(database, tmp_path / "outbox")) as server:
        yield server


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.exit(f"Chromium is missing at {CHROMIUM}: install Debian's package "
                    "(apt-get install chromium) or set COUNCIL_CHROMIUM.", returncode=4)
    if not AXE.exists():
        pytest.exit(f"axe-core is missing at {AXE}: run `make test-browser`, which installs "
                    "it with npm.", returncode=4)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    chromium = playwright_driver.chromium.launch(executable_path=str(CHROMIUM), headless=True)
    yield chromium
    chromium.close()


@pytest.fixture
def new_context(browser: Browser, live_server: LiveServer) -> Iterator[
        Callable[..., BrowserContext]]:
    """Opens a browser context (one person's device): its own cookies, viewport and language;
    Belgian French by default, as the demo centre."""
    contexts: list[BrowserContext] = []

    def open_context(device: str = "desktop", locale: str = "fr-BE") -> BrowserContext:
        viewport, has_touch = DEVICES[device]
        context = browser.new_context(base_url=live_server.url, viewport=viewport,
                                      locale=locale, timezone_id="Europe/Brussels",
                                      has_touch=has_touch)
        context.set_default_timeout(10_000)
        context.route(f"{live_server.url}{AXE_PATH}",
                      lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


class Pages:
    """What every journey does with a page: log in through the form, and check each page it
    reaches with axe-core (saving it as a README screenshot when asked)."""

    def __init__(self, screenshots: Path | None) -> None:
        self._screenshots = screenshots

    def log_in(self, page: Page, username: str, screenshot: str | None = None) -> None:
        page.goto("/login")
        self.check(page, screenshot)
        page.locator("#username").fill(username)
        page.locator("#password").fill(PASSWORDS[username])
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(lambda url: "/login" not in url)

    def check(self, page: Page, screenshot: str | None = None) -> None:
        """0 serious or critical axe violations on the page as it is now."""
        page.wait_for_load_state()
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(url=AXE_PATH)
        violations = page.evaluate(
            """async () => {
                const results = await axe.run(document, {resultTypes: ["violations"]});
                return results.violations
                    .filter(v => v.impact === "serious" || v.impact === "critical")
                    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
            }"""
        )
        assert violations == [], f"axe on {page.url}: {violations}"
        if screenshot and self._screenshots is not None:
            self._screenshots.mkdir(parents=True, exist_ok=True)
            # a phone's page is long and narrow: its first screen says enough
            viewport = page.viewport_size or {"width": 0}
            page.screenshot(path=self._screenshots / f"{screenshot}.png",
                            full_page=viewport["width"] >= DEVICES["tablet"][0]["width"])

    # --- steps shared by several journeys ---------------------------------------------------

    def create_meeting(self, page: Page, organ: str, day: date) -> str:
        """The DG creates a meeting from the list of meetings; returns its address."""
        page.goto("/meetings/")
        self.check(page)
        page.locator("main a[href$='/meetings/new']").click()
        page.wait_for_url("**/meetings/new")
        self.check(page)
        page.locator("#organ_id").select_option(label=organ)
        page.locator("#day").fill(day.isoformat())
        page.locator("#start").fill("18:00")
        page.locator("#place").fill("Salle du conseil, rue de l'Hôtel de Ville 1")
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/meetings/\d+$"))
        self.check(page)
        return page.url

    def convene(self, page: Page, meeting_url: str, screenshot: str | None = None) -> None:
        """Sending cannot be undone: the meeting page asks for a confirmation first."""
        page.goto(meeting_url)
        page.locator("a[href$='/convene']").click()
        page.wait_for_url("**/convene")
        self.check(page)
        page.locator("#confirm").click()
        expect(page.locator(".flash-success")).to_be_visible()
        expect(page.locator(".lead .status-convened")).to_be_visible()
        self.check(page, screenshot)

    def open_sitting(self, page: Page, meeting_url: str, *, all_present: bool = True) -> None:
        """The president or the DG opens the sitting from the chair screen, with the roll call
        "all present" in the same click (or without, to record each member)."""
        page.goto(f"{meeting_url}/chair")
        self.check(page)
        page.locator("#open-sitting").click()
        page.wait_for_url("**/chair/open")
        self.check(page)
        if not all_present:
            page.locator("#all_present").uncheck()
        page.locator("#confirm").click()
        expect(page.locator(".flash-success")).to_be_visible()
        expect(page.locator("#close-sitting")).to_be_visible()
        self.check(page)

    def record_attendance(self, page: Page, meeting_url: str, name: str, status: str) -> None:
        """An exception to the roll call, recorded from the chair screen for the whole
        meeting."""
        page.goto(f"{meeting_url}/chair")
        row = page.locator("table.floor-members tbody tr", has_text=name)
        row.locator("select[name=status]").select_option(status)
        with page.expect_navigation():
            row.locator("button[id^=record-]").click()
        self.check(page)

    def htmx_ready(self, page: Page, selector: str) -> None:
        """Waits until htmx has taken over the form of ``selector``: a tap in the instant
        after a poll swapped the fragment in, before htmx processed it, would submit the form
        the plain way and reload the page."""
        page.wait_for_function(
            """selector => {
                const form = document.querySelector(selector)?.closest('form');
                const data = form && form['htmx-internal-data'];
                return Boolean(data && data.initHash);
            }""", arg=selector)

    def open_vote(self, page: Page) -> None:
        """On the chair screen, the vote on the item shown opened after its confirmation."""
        page.locator(".chair-floor a[href$='/open']").click()
        page.wait_for_url("**/open")
        self.check(page)
        page.locator("#confirm").click()
        expect(page.locator(".flash-success")).to_be_visible()
        self.check(page)

    def show_of_hands(self, page: Page, name: str, choice: str) -> None:
        """The chair records the vote of a member who raised a hand."""
        row = page.locator("table.floor-members tbody tr", has_text=name)
        row.locator(f"button[value={choice}]").click()
        expect(page.locator("table.floor-members tbody tr", has_text=name)
               .locator(".badge.ok")).to_be_visible()

    def close_vote(self, page: Page) -> None:
        """On the chair screen, the vote on the item shown closed after its confirmation."""
        page.locator(".chair-floor a[href$='/close']").click()
        page.wait_for_url("**/close")
        self.check(page)
        page.locator("#confirm").click()
        expect(page.locator(".chair-floor .result")).to_be_visible()

    def close_sitting(self, page: Page, meeting_url: str) -> None:
        """The chair closes the sitting after a confirmation; the time is recorded."""
        page.goto(f"{meeting_url}/chair")
        page.locator("#close-sitting").click()
        page.wait_for_url("**/chair/close")
        self.check(page)
        page.locator("#confirm").click()
        expect(page.locator(".flash-success")).to_be_visible()
        expect(page.locator(".sitting-bar .status-closed")).to_be_visible()
        self.check(page)


@pytest.fixture
def pages(request: pytest.FixtureRequest) -> Pages:
    folder = request.config.getoption("--screenshots")
    return Pages(Path(folder) if folder else None)
