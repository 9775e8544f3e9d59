"""The quarter filled in in the browser, as a regional coordinator does it without Excel: choose the
form on Last opp, change a status and a progress in the table, check, save, and see the overview.

It runs on a server and database of its own, since it writes.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import running_dashboard
from tests.builders import REPORTER_LOGIN, nav, sign_in, wait_for_app_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REGION = "Folloregionen IPR"
# The demo's round running on DEMO_TODAY, open for Follo: its report stands and can be corrected.
QUARTER = "3. kv. 2026"
SLOW_MS = 120_000
# The data editor's columns, from the left: the row number, Nr, Tiltak, Status, Fremdrift.
STATUS_COLUMN, PROGRESS_COLUMN = 3, 4


@pytest.fixture
def entry_url(demo_database: Path, tmp_path: Path, pytestconfig: pytest.Config) -> Iterator[str]:
    database = tmp_path / "entry.db"
    shutil.copyfile(demo_database, database)
    with running_dashboard(database, tmp_path, pytestconfig) as url:
        yield url


def choose_quarter(page: Page, quarter: str) -> None:
    # In the main area: the sidebar's filters have a quarter of their own.
    box = page.get_by_test_id("stMain").get_by_role("combobox", name="Kvartal", exact=True)
    box.click()
    box.fill(quarter)
    page.get_by_role("listbox").get_by_role("option").filter(has_text=re.compile("^" + re.escape(quarter))).first.click()
    wait_for_app_idle(page)


def edit_first_row(page: Page, column: int, keys: str, *, opens_list: bool) -> None:
    """Type into the first row's cell in ``column``, with the keyboard as a person may: into the grid on
    the row number (a read-only cell), along to the cell, open its editor, type slowly and commit. The
    grid is a canvas whose editor opens a moment after the key that opens it, so the test waits for it."""
    page.get_by_test_id("stDataFrame").click(position={"x": 15, "y": 55})
    for _ in range(column):
        page.keyboard.press("ArrowRight")
    if opens_list:
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
    page.keyboard.type(keys, delay=120)
    page.wait_for_timeout(200)
    page.keyboard.press("Enter")
    # Leave the grid, so the edit is sent and the page reruns.
    page.get_by_role("heading", name="1. Fyll ut kvartalet").click()
    wait_for_app_idle(page)


def test_a_reporter_fills_in_the_quarter_in_the_browser_and_the_overview_shows_it(page: Page, entry_url: str) -> None:
    page.set_default_timeout(SLOW_MS)
    sign_in(page, entry_url, REPORTER_LOGIN)
    nav(page, "Last opp")
    page.get_by_test_id("stRadio").get_by_text("Fyll ut i nettleseren", exact=True).click()
    wait_for_app_idle(page)
    expect(page.get_by_role("heading", name="1. Fyll ut kvartalet")).to_be_visible()
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("combobox", name="Region", exact=True)).to_have_value(REGION)
    choose_quarter(page, QUARTER)
    expect(page.get_by_text("Trykk «Kontroller» for å se hva som endres før du lagrer.")).to_be_visible()

    # 1.1 is on track at 69 % in the demo; the coordinator reports it delayed at 40 %. Under load a key
    # can be lost on its way into the canvas: the review says what the table holds, and a person who
    # saw the wrong value would simply type it again, so the test does.
    changes = page.locator("#table-upload-changes tbody tr")
    for attempt in range(3):
        edit_first_row(page, STATUS_COLUMN, "Forsinket", opens_list=True)
        edit_first_row(page, PROGRESS_COLUMN, "40", opens_list=False)
        page.get_by_role("button", name="Kontroller", exact=True).click()
        wait_for_app_idle(page)
        try:
            expect(changes).to_have_count(1, timeout=10_000)
            expect(changes.first.locator("td").nth(2)).to_have_text(
                "Status: I rute → Forsinket\nFremdrift: 69\u00a0% → 40\u00a0%", timeout=10_000
            )
            break
        except AssertionError:
            if attempt == 2:
                raise
    expect(changes.first.locator("td").first).to_have_text("1.1")
    expect(page.get_by_text("Skjemaet er kontrollert og ikke lagret ennå.")).to_be_visible()

    page.get_by_role("button", name="Lagre", exact=True).click()
    wait_for_app_idle(page)
    saved = page.get_by_test_id("stAlertContentSuccess")
    expect(saved).to_have_text(re.compile(r"^Lagret som opplasting \d+: 0 lagt til, 1 endret, 12 uendret\.$"))

    page.get_by_role("link", name=f"Se Oversikt for {QUARTER}").click()
    wait_for_app_idle(page, "Oversikt")
    expect(page.get_by_text(f"Utvalg: Akershus fylkeskommune · {QUARTER}")).to_be_visible()
    late = page.locator("#table-newly-delayed tbody tr").filter(has_text=REGION)
    expect(late).to_have_count(1)
    expect(late.locator("td").nth(1)).to_have_text("1.1")
