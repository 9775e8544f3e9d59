"""Files the upload page refuses before reading them, in a real browser: Streamlit's uploader would
answer a CSV or a file over its limit in English ("text/csv files are not allowed", "File must be
25.0MB or smaller"); the page answers in Norwegian and saves nothing."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from core.db import connect
from tests.builders import REPORTER_LOGIN, nav, sign_in, status_workbook, wait_for_app_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FILE_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'
ERROR = "stAlertContentError"


def saved(database: Path) -> tuple[int, int]:
    """Uploads and status reports in the database."""
    with contextlib.closing(connect(database)) as db:
        return db.execute("SELECT (SELECT count(*) FROM uploads), (SELECT count(*) FROM status_reports)").fetchone()


def test_a_csv_and_an_oversized_file_are_refused_in_norwegian(
    page: Page, app_url: str, demo_database: Path, tmp_path: Path
) -> None:
    before = saved(demo_database)
    sign_in(page, app_url, REPORTER_LOGIN)
    nav(page, "Last opp")
    expect(page.get_by_text("Statusfil (.xlsx, høyst 25 MB)")).to_be_visible()
    # Streamlit's English line with the server's hard limit is hidden; the label gives the page's limit.
    expect(page.get_by_test_id("stFileUploaderDropzoneInstructions")).to_be_hidden()

    csv_file = tmp_path / "status.csv"
    csv_file.write_text("Region;Nr;Kvartal;Status\nFollorådet;1.1;2024-Q3;I rute\n", encoding="utf-8")
    page.locator(FILE_INPUT).set_input_files(csv_file)
    wait_for_app_idle(page)
    expect(page.get_by_test_id(ERROR)).to_have_text(
        "«status.csv» er en CSV-fil, og CSV kan ikke lastes opp: den mister formatet på cellene, "
        "så et tiltaksnummer som 1.10 kan bli 1.1. Last ned malen i steg 1, fyll den inn "
        "og last opp den. Ingenting er lagret."
    )
    expect(page.get_by_text("not allowed")).to_have_count(0)

    big = tmp_path / "status-follo.xlsx"
    big.write_bytes(bytes(26_000_000))
    page.locator(FILE_INPUT).set_input_files(big)
    wait_for_app_idle(page)
    expect(page.get_by_test_id(ERROR)).to_have_text(
        "«status-follo.xlsx» er 26,0 MB, og en statusfil kan være høyst 25 MB. En utfylt mal er langt under 1 MB: "
        "sjekk at det er riktig fil, eller fjern bilder og ekstra ark. Ingenting er lagret."
    )
    expect(page.get_by_text("or smaller")).to_have_count(0)
    expect(page.get_by_role("button", name="Lagre", exact=True)).to_have_count(0)
    assert saved(demo_database) == before


def test_every_error_reads_whole_at_1400_px_under_step_3(
    page: Page, app_url: str, demo_database: Path, tmp_path: Path
) -> None:
    before = saved(demo_database)
    sign_in(page, app_url, REPORTER_LOGIN)
    nav(page, "Last opp")
    # A whole number under a percent format: the longest instruction the loader gives.
    book, sheet = status_workbook([["Follorådet", "1.1", "2026-Q3", "I rute", 40]])
    sheet["E2"].number_format = "0%"
    percent = tmp_path / "prosent.xlsx"
    book.save(percent)
    page.locator(FILE_INPUT).set_input_files(percent)
    wait_for_app_idle(page)
    expect(page.get_by_role("heading", name="3. Se over og lagre")).to_be_visible()
    errors = page.locator("#table-upload-errors")
    row = errors.locator("tbody tr").filter(has_text="4000 %")
    expect(row.locator("td").nth(2)).to_have_text("1.1")
    problem = row.locator("td").last
    expect(problem).to_contain_text("så står det 40, og last opp på nytt.")
    # The table fits the page (no sideways scroll) and the instruction wraps inside its cell.
    assert errors.evaluate("(box) => box.scrollWidth <= box.clientWidth")
    assert problem.evaluate("(cell) => cell.scrollWidth <= cell.clientWidth && cell.getClientRects().length > 0")
    assert saved(demo_database) == before
