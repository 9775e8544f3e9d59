"""The dashboard as a person meets it: served by ``streamlit run`` on a demo
database, driven through Debian's Chromium with Playwright.

Playwright's own browser download cannot work on the closed network, so the
tests launch /usr/bin/chromium (``scripts/ensure-chromium`` installs it).
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, StorageState, sync_playwright

from bench.servers import ServerFailed, start_server, stop, wait_healthy
from tests.builders import ADMIN_LOGIN, CHROMIUM, REPORTER_LOGIN, VIEWPORT, in_ci

# The background-networking flags stop Chromium from calling home, which on a
# closed network means endless retries.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
LOCALE = "nb-NO"
SERVER_STARTUP_SECONDS = 60
# Long enough for the first, uncached run of a page on a slow CI machine.
ACTION_TIMEOUT_MS = 30_000
SERVER_LOGS = pytest.StashKey[list[Path]]()
LOG_OFFSETS = pytest.StashKey[dict[Path, int]]()
EMPTY_STORAGE: StorageState = {"cookies": [], "origins": []}


def pytest_runtest_setup(item: pytest.Item) -> None:
    # A developer without Chromium may skip; CI must not pass by testing nothing.
    if item.get_closest_marker("browser") is None or CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing; run scripts/ensure-chromium (make test does)"
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _server_log_offsets(request: pytest.FixtureRequest) -> None:
    """Where each server log stood when the test began, so a failure shows only its own part."""
    logs = request.config.stash.get(SERVER_LOGS, [])
    request.node.stash[LOG_OFFSETS] = {log: log.stat().st_size for log in logs if log.exists()}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    # A failure in the browser is often an exception in the app: show what the server said meanwhile.
    report = yield
    if report.failed:
        offsets = item.stash.get(LOG_OFFSETS, {})
        for log in item.config.stash.get(SERVER_LOGS, []):
            if not log.exists():
                continue
            with open(log, "rb") as handle:
                handle.seek(offsets.get(log, 0))
                text = handle.read().decode(errors="replace")
            if text.strip():
                report.sections.append((f"streamlit log {log}", text[-20_000:]))
    return report


@pytest.fixture(scope="session")
def demo_database(demo_template: tuple[Path, object], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the session's demo database with two accounts that can sign in with a password."""
    database = tmp_path_factory.mktemp("browser") / "demo.db"
    shutil.copyfile(demo_template[0], database)
    from core.db import connect
    from core.users import add_user, set_password

    with contextlib.closing(connect(database)) as db:
        add_user(db, ADMIN_LOGIN[0], "Nettleser Test", "administrator", password=ADMIN_LOGIN[1])
        set_password(db, *REPORTER_LOGIN)
    return database


@pytest.fixture(scope="session")
def app_url(
    demo_database: Path, tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Iterator[str]:
    """The base URL of the dashboard on the demo database, shared by the tests that only read.

    One server per xdist worker, started when the worker's first browser test needs it: make test
    deals the browser tests to both workers (``--dist load``) so that they run side by side.
    """
    with running_dashboard(demo_database, tmp_path_factory.mktemp("server"), pytestconfig) as url:
        yield url


@pytest.fixture
def fresh_app_url(demo_database: Path, tmp_path: Path, pytestconfig: pytest.Config) -> Iterator[Callable[[], str]]:
    """A server of its own that no browser has visited yet, as after a restart or a deployment.

    It starts with the test; calling the fixture's value waits until it answers and gives its
    URL, so the test does its other work while the server starts.
    """
    with starting_dashboard(demo_database, tmp_path, pytestconfig) as url:
        yield url


@contextlib.contextmanager
def running_dashboard(database: Path, folder: Path, config: pytest.Config) -> Iterator[str]:
    """``streamlit run dashboard.py`` on a free port, answering; stopped on leaving."""
    with starting_dashboard(database, folder, config) as url:
        yield url()


@contextlib.contextmanager
def starting_dashboard(database: Path, folder: Path, config: pytest.Config) -> Iterator[Callable[[], str]]:
    """``streamlit run dashboard.py`` on a free port, started; stopped on leaving.

    Gives a function that waits until the server answers and returns its base URL.
    """
    log_path = folder / "streamlit.log"
    config.stash.setdefault(SERVER_LOGS, []).append(log_path)
    server = start_server("dashboard.py", database, log_path)

    def answering() -> str:
        try:
            wait_healthy(server, SERVER_STARTUP_SECONDS)
        except ServerFailed as failed:
            pytest.fail(str(failed), pytrace=False)
        return server.url

    try:
        yield answering
    finally:
        stop(server, 10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


def new_context(browser: Browser) -> BrowserContext:
    context = browser.new_context(viewport=VIEWPORT, locale=LOCALE)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    return context


@pytest.fixture(scope="session")
def shared_context(browser: Browser) -> Iterator[BrowserContext]:
    """One browser context for the worker's tests, for its HTTP cache: a new context starts
    with an empty one and fetches, parses and compiles Streamlit's and Plotly's 9 MB of
    scripts again on every page load. ``page`` empties its storage before each test."""
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(shared_context: BrowserContext) -> Iterator[Page]:
    """A new tab in the shared context, with no cookies or storage left by an earlier test:
    what differs from a fresh browser is only the cache. Sign-ins live in Streamlit's session,
    which every page load starts anew."""
    shared_context.set_storage_state(EMPTY_STORAGE)
    assert shared_context.storage_state() == EMPTY_STORAGE
    tab = shared_context.new_page()
    yield tab
    tab.close()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[[], Page]]:
    """Opens pages in contexts of their own, as another person's browser: nothing shared with
    ``page``, not even the cache. Closed after the test."""
    contexts = []

    def open_page() -> Page:
        contexts.append(new_context(browser))
        return contexts[-1].new_page()

    yield open_page
    for context in contexts:
        context.close()
