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
# The first row's Nr cell, right of the row numbers and below the header.
FIRST_CODE_CELL = {"x": 110, "y": 55}


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
    starts_with = re.compile("^" + re.escape(quarter))
    page.get_by_role("listbox").get_by_role("option").filter(has_text=starts_with).first.click()
    wait_for_app_idle(page)


def open_form(page: Page) -> None:
    """Last opp's form for Follo's quarter, as it starts: any edit made before is dropped on the way,
    since the editor is not drawn on the other page."""
    nav(page, "Oversikt")
    nav(page, "Last opp")
    page.get_by_test_id("stRadio").get_by_text("Fyll ut i nettleseren", exact=True).click()
    wait_for_app_idle(page)
    expect(page.get_by_role("heading", name="1. Fyll ut kvartalet")).to_be_visible()
    expect(page.get_by_test_id("stMain").get_by_role("combobox", name="Region", exact=True)).to_have_value(REGION)
    # The round running is suggested; chosen only when another quarter is shown, as a person would.
    box = page.get_by_test_id("stMain").get_by_role("combobox", name="Kvartal", exact=True)
    if box.input_value() != QUARTER:
        choose_quarter(page, QUARTER)
    # A check made on an earlier try stays valid while the table is as it was checked, so the hint to
    # check is not always there; the form is, with the quarter chosen.
    expect(page.get_by_role("button", name="Kontroller", exact=True)).to_be_visible()


def report_first_row(page: Page, status: str, progress: str) -> None:
    """Set the first row's status and progress with the keyboard, as a person may: into the grid on
    1.1's Nr (a read-only cell), along to Status, open its list, type and choose (which moves down a
    row), back up and along to Fremdrift, type. The grid is a canvas whose editor opens a moment after
    the key that opens it, so the test waits for it and types slowly."""
    page.get_by_test_id("stDataFrame").click(position=FIRST_CODE_CELL)
    for _ in range(2):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    page.keyboard.type(status, delay=120)
    page.wait_for_timeout(200)
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowRight")
    page.keyboard.type(progress, delay=120)
    page.wait_for_timeout(200)
    page.keyboard.press("Enter")
    # Leave the grid, so the edits are sent and the page reruns.
    page.get_by_role("heading", name="1. Fyll ut kvartalet").click()
    wait_for_app_idle(page)


def test_a_reporter_fills_in_the_quarter_in_the_browser_and_the_overview_shows_it(page: Page, entry_url: str) -> None:
    page.set_default_timeout(SLOW_MS)
    sign_in(page, entry_url, REPORTER_LOGIN)
    # 1.1 is on track at 69 % in the demo; the coordinator reports it delayed at 40 %. Under load a key
    # can be lost on its way into the canvas: the review says what the table holds, and a person who
    # saw the wrong value would simply type it again, so the test does.
    changes = page.locator("#table-upload-changes tbody tr")
    for attempt in range(3):
        open_form(page)
        report_first_row(page, "Forsinket", "40")
        page.get_by_role("button", name="Kontroller", exact=True).click()
        wait_for_app_idle(page)
        try:
            # 1.1 changed; 1.3 and 4.4 as pre-filled from an earlier quarter are not updated, and not saved.
            expect(changes.locator("td:nth-child(1)")).to_have_text(["1.1", "1.3", "4.4"], timeout=10_000)
            # Its lines are broken with <br>, which the text content leaves out.
            expect(changes.first.locator("td").nth(2)).to_have_text(
                "Status: I rute → ForsinketFremdrift: 69\u00a0% → 40\u00a0%", timeout=10_000
            )
            break
        except AssertionError:
            if attempt == 2:
                raise
    expect(page.get_by_text("Skjemaet er kontrollert og ikke lagret ennå.")).to_be_visible()

    page.get_by_role("button", name="Lagre", exact=True).click()
    wait_for_app_idle(page)
    saved = page.get_by_test_id("stAlertContentSuccess")
    expect(saved).to_have_text(
        re.compile(
            r"^Lagret som opplasting \d+: 0 lagt til, 1 endret, 10 uendret\. 2 rader er ikke oppdatert og ble ikke "
            r"lagret: de gjentar bare forrige rapport\.$"
        )
    )

    page.get_by_role("link", name=f"Se Oversikt for {QUARTER}").click()
    wait_for_app_idle(page, "Oversikt")
    expect(page.get_by_text(f"Utvalg: Akershus fylkeskommune · {QUARTER}")).to_be_visible()
    late = page.locator("#table-newly-delayed tbody tr").filter(has_text=REGION)
    expect(late).to_have_count(1)
    # Code and progress lead the row.
    expect(late.locator("td").first).to_have_text("1.1")
    expect(late.locator("td").nth(1)).to_have_text("40\u00a0%")
