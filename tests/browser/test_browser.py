"""Every page in a real browser: it draws, it passes axe-core's WCAG 2.1 A/AA rules,
and the filters live in the URL, so a copied link reproduces the view.

A screenshot of each view lands in screenshots/ for a person to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from tests.builders import (
    PAGE_WIDTH,
    SCREENSHOTS,
    SIDEBAR_NAV,
    TABLE_WIDTHS,
    nav,
    open_page,
    select_option,
    selectbox,
    sign_in,
    wait_for_app_idle,
    whole_page_in_view,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


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
    View("radsomrader", "radsomrader", "Enheter"),
    View("baerekraftsmal", "baerekraftsmal", "Bærekraftsmål"),
    View("tiltak", "tiltak", "Tiltak"),
    # With something chosen, which is where each page's charts and tables are.
    View("regioner-follo", "regioner?region=folloregionen-ipr", "Regioner", subtitle="Folloregionen IPR"),
    View("radsomrader-samferdsel", "radsomrader?council=Samferdsel", "Enheter", subtitle="Samferdsel"),
    # Picked in the UI, as a person does.
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
        choices=(("Region for malen", "Folloregionen IPR"),),
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
    View(
        "avtaler",
        "avtaler",
        "Avtaler",
        choices=(("Avtale å laste ned", "Indre Østfold regionråd, 2022-2023"),),
        subtitle="Last opp en avtale",
        signed_in=True,
    ),
    View("organisasjon", "organisasjon", "Organisasjon", subtitle="Last opp organisasjonsfilen", signed_in=True),
)
REGION_LABEL = "Region"
REGION = "Folloregionen IPR"
REGION_SLUG = "folloregionen-ipr"  # the region in a link
REGIONS_PAGE = ("regioner", "Regioner")
OVERVIEW_PAGE = ("", "Oversikt")

EXCEPTION = "stException"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

AXE = Axe()


def subtitle(page: Page, text: str) -> Locator:
    return page.get_by_role("heading", level=2, name=text)


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


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
    # Read at 1400 px: no table wider than its box, and the page does not scroll sideways.
    assert [table for table in page.evaluate(TABLE_WIDTHS) if table["scroll"] > table["client"]] == []
    widths = page.evaluate(PAGE_WIDTH)
    assert (widths["page"], widths["main"]) == (widths["window"], widths["mainBox"])
    with whole_page_in_view(page):
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{view.name}.png", full_page=True)
        violations = axe_violations(page)
    expect(page.get_by_test_id(EXCEPTION)).to_have_count(0)
    if view.subtitle:
        expect(subtitle(page, view.subtitle)).to_be_visible()
    assert not violations, f"axe-core: WCAG 2.1 A/AA violations on {view.name}:\n{violation_report(violations)}"


def test_chosen_filter_goes_into_a_link_that_reproduces_it(
    page: Page, new_page: Callable[[], Page], app_url: str, fresh_app_url: Callable[[], str]
) -> None:
    path, title = REGIONS_PAGE
    open_page(page, f"{app_url}/{path}", title)
    select_option(page, REGION_LABEL, REGION)
    assert query(page).get("region") == [REGION_SLUG]
    # The Regioner page shows the chosen region's profile under its name.
    expect(subtitle(page, REGION)).to_be_visible()

    # Someone else opens the link, on a server no browser has visited yet, as
    # after a restart: deep links must work from the very first request.
    shared = new_page()
    open_page(shared, page.url.replace(app_url, fresh_app_url(), 1), title)
    expect(selectbox(shared, REGION_LABEL)).to_have_value(REGION)
    expect(subtitle(shared, REGION)).to_be_visible()


def test_filter_survives_switching_pages(page: Page, app_url: str) -> None:
    path, title = REGIONS_PAGE
    open_page(page, f"{app_url}/{path}?{urlencode({'region': REGION})}", title)
    overview_path, overview_title = OVERVIEW_PAGE
    page.get_by_test_id(SIDEBAR_NAV).get_by_role("link", name=overview_title, exact=True).click()
    wait_for_app_idle(page, overview_title)
    assert urlsplit(page.url).path.rstrip("/") == f"/{overview_path}".rstrip("/")
    assert query(page).get("region") == [REGION_SLUG]
    expect(selectbox(page, REGION_LABEL)).to_have_value(REGION)
