"""Every page in a real browser: it draws, it passes axe-core's WCAG 2.1 A/AA rules,
and the filters live in the URL, so a copied link reproduces the view.

A screenshot of each view lands in screenshots/ for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import ADMIN_LOGIN, ROOT, VIEWPORT

# Every browser test shares one server: under xdist --dist loadgroup they run in one worker.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# --- what the tests rely on in the app and in Streamlit's markup; change here when they move ---
APP = '[data-testid="stApp"]'
APP_VIEW = '[data-testid="stAppViewContainer"]'
STATUS_WIDGET = '[data-testid="stStatusWidget"]'
# Elements from the previous run, waiting to be redrawn or removed.
STALE = '[data-stale="true"]'
# Placeholders shown while an element's code (Plotly, for one) is still loading.
SKELETON = '[data-testid="stSkeleton"]'
# The main area and the sidebar scroll inside the window; their content sets the page's real height.
SCROLLERS = '[data-testid="stMain"], [data-testid="stSidebarContent"]'
SIDEBAR_NAV = "stSidebarNav"
SELECTBOX = "stSelectbox"
EXCEPTION = "stException"


@dataclass(frozen=True)
class View:
    name: str  # test id and screenshot file name
    path: str  # URL path and query after the base URL
    title: str  # the page's h1
    choices: tuple[tuple[str, str], ...] = ()  # (selectbox label, option) picked in the UI
    subtitle: str | None = None  # an h2 (substring) that shows the choice took effect
    # Pages that write are reached after signing in, through the menu: a sign-in lasts
    # for the browser session, which a new address would start afresh.
    signed_in: bool = False


VIEWS = (
    View("oversikt", "", "Oversikt"),
    View("regioner", "regioner", "Regioner"),
    View("radsomrader", "radsomrader", "Rådsområder"),
    View("baerekraftsmal", "baerekraftsmal", "Bærekraftsmål"),
    View("tiltak", "tiltak", "Tiltak"),
    # With something chosen, which is where each page's charts and tables are.
    View("regioner-follo", "regioner?region=Follor%C3%A5det", "Regioner", subtitle="Follorådet"),
    View("radsomrader-samferdsel", "radsomrader?council=Samferdsel", "Rådsområder", subtitle="Samferdsel"),
    # Picked in the UI: a bound selectbox with format_func puts its displayed label
    # ("SDG 11 – …") in the URL, not the number, so the URL form is not pinned here.
    View(
        "baerekraftsmal-11",
        "baerekraftsmal",
        "Bærekraftsmål",
        choices=(("Bærekraftsmål", "SDG 11 – Bærekraftige byer og lokalsamfunn"),),
        subtitle="SDG 11 – Bærekraftige byer og lokalsamfunn per region",
    ),
    View("tiltak-1", "tiltak?commitment=1", "Tiltak", subtitle="1.1 Etablere forpliktende samarbeidsprosjekter"),
    View("eksport", "eksport", "Eksport"),
    View("logg-inn", "logg-inn", "Logg inn"),
    View(
        "last-opp",
        "last-opp",
        "Last opp",
        choices=(("Region for malen", "Follorådet"),),
        subtitle="1. Last ned malen",
        signed_in=True,
    ),
    View(
        "opplastinger",
        "opplastinger",
        "Opplastinger",
        choices=(("Velg opplasting", "Nr 1 – agreement-indre-ostfold-2022-2023.txt"),),
        subtitle="Åpne en opplasting",
        signed_in=True,
    ),
)
REGION_LABEL = "Region"
REGION = "Follorådet"
REGIONS_PAGE = ("regioner", "Regioner")
OVERVIEW_PAGE = ("", "Oversikt")

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = ROOT / "screenshots"
# How long the app must stay idle to count as done: a click's rerun starts within milliseconds.
QUIET_MS = 400

AXE = Axe()


# --- helpers ----------------------------------------------------------------------------------


def wait_for_app_idle(page: Page, title: str | None = None) -> None:
    """Wait until Streamlit has finished the script run and drawn all of it.

    Streamlit shows its "Running..." widget only after half a second, so that
    alone misses short runs; the app root's script state, stale elements and
    loading placeholders are checked too, and must stay quiet for QUIET_MS.
    With ``title``, the page's h1 must show it.
    """
    page.wait_for_selector(APP_VIEW)
    page.evaluate("window.__quietSince = undefined")
    page.wait_for_function(
        """([app, busy, quietMs]) => {
            const root = document.querySelector(app);
            const idle = root && root.dataset.testScriptState === "notRunning"
                && root.dataset.testConnectionState === "CONNECTED"
                && !document.querySelector(busy);
            if (!idle) { window.__quietSince = undefined; return false; }
            window.__quietSince ??= performance.now();
            return performance.now() - window.__quietSince >= quietMs;
        }""",
        arg=[APP, ", ".join((STATUS_WIDGET, STALE, SKELETON)), QUIET_MS],
        polling=100,
    )
    if title is not None:
        expect(page.get_by_role("heading", level=1, name=title, exact=True)).to_be_visible()


def open_page(page: Page, url: str, title: str) -> None:
    page.goto(url)
    wait_for_app_idle(page, title)


def nav(page: Page, name: str) -> None:
    page.get_by_test_id(SIDEBAR_NAV).get_by_role("link", name=name, exact=True).click()
    wait_for_app_idle(page, name)


def sign_in(page: Page, base_url: str, login: tuple[str, str] = ADMIN_LOGIN) -> None:
    """Sign in through the form, as a person does; lands on the overview."""
    open_page(page, f"{base_url}/logg-inn", "Logg inn")
    page.get_by_label("Brukernavn", exact=True).fill(login[0])
    page.get_by_label("Passord", exact=True).fill(login[1])
    page.get_by_test_id("stMain").get_by_role("button", name="Logg inn").click()
    wait_for_app_idle(page, "Oversikt")


def selectbox(page: Page, label: str) -> Locator:
    """The combobox of the selectbox with this label (its input carries the label as its name)."""
    return page.get_by_test_id(SELECTBOX).get_by_role("combobox", name=label, exact=True)


def select_option(page: Page, label: str, option: str) -> None:
    """Choose an option in a Streamlit selectbox the way a person does: open it, pick from the list."""
    box = selectbox(page, label)
    box.click()
    # Long lists only draw the options in view; typing narrows the list to the one wanted.
    box.fill(option)
    # By the start of its text: an upload's option ends with the time it came in.
    starts_with = re.compile("^" + re.escape(option))
    page.get_by_role("listbox").get_by_role("option").filter(has_text=starts_with).first.click()
    wait_for_app_idle(page)


def subtitle(page: Page, text: str) -> Locator:
    return page.get_by_role("heading", level=2, name=text)


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@contextmanager
def whole_page_in_view(page: Page) -> Iterator[None]:
    """Grow the window to the height of the content, and back afterwards.

    Streamlit scrolls the main area and the sidebar inside a window-sized box,
    so only the first screenful is on screen: a full-page screenshot would stop
    there, and axe-core checks contrast only for what is on screen.
    """
    height = page.evaluate(
        "(selector) => Math.max(...[...document.querySelectorAll(selector)].map(e => e.scrollHeight))", SCROLLERS
    )
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(height, VIEWPORT["height"])})
    wait_for_app_idle(page)
    try:
        yield
    finally:
        page.set_viewport_size(VIEWPORT)


def axe_violations(page: Page) -> list[dict]:
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return AXE.run(page, options=options).response["violations"]


def violation_report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}  [{violation['helpUrl']}]")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    {target}\n        {node['html'][:300]}")
    return "\n".join(lines)


# --- tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("view", VIEWS, ids=[view.name for view in VIEWS])
def test_page_draws_and_passes_axe(page: Page, app_url: str, view: View) -> None:
    if view.signed_in:
        sign_in(page, app_url)
        nav(page, view.title)
    else:
        open_page(page, f"{app_url}/{view.path}", view.title)
    for label, option in view.choices:
        select_option(page, label, option)
    with whole_page_in_view(page):
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{view.name}.png", full_page=True)
        violations = axe_violations(page)
    expect(page.get_by_test_id(EXCEPTION)).to_have_count(0)
    if view.subtitle:
        expect(subtitle(page, view.subtitle)).to_be_visible()
    assert not violations, f"axe-core: WCAG 2.1 A/AA violations on {view.name}:\n{violation_report(violations)}"


def test_chosen_filter_goes_into_a_link_that_reproduces_it(
    page: Page, new_page: Callable[[], Page], app_url: str, fresh_app_url: str
) -> None:
    path, title = REGIONS_PAGE
    open_page(page, f"{app_url}/{path}", title)
    select_option(page, REGION_LABEL, REGION)
    assert query(page).get("region") == [REGION]
    # The Regioner page shows the chosen region's profile under its name.
    expect(subtitle(page, REGION)).to_be_visible()

    # Someone else opens the link, on a server no browser has visited yet, as
    # after a restart: deep links must work from the very first request.
    shared = new_page()
    open_page(shared, page.url.replace(app_url, fresh_app_url, 1), title)
    expect(selectbox(shared, REGION_LABEL)).to_have_value(REGION)
    expect(subtitle(shared, REGION)).to_be_visible()


def test_filter_survives_switching_pages(page: Page, app_url: str) -> None:
    path, title = REGIONS_PAGE
    open_page(page, f"{app_url}/{path}?{urlencode({'region': REGION})}", title)
    overview_path, overview_title = OVERVIEW_PAGE
    page.get_by_test_id(SIDEBAR_NAV).get_by_role("link", name=overview_title, exact=True).click()
    wait_for_app_idle(page, overview_title)
    assert urlsplit(page.url).path.rstrip("/") == f"/{overview_path}".rstrip("/")
    assert query(page).get("region") == [REGION]
    expect(selectbox(page, REGION_LABEL)).to_have_value(REGION)
