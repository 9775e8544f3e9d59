"""Rapportering in a real browser, as the county's administrator does it: approve a region's quarter
on the board, see a file that would change it refused with nothing written, reopen the quarter
with a reason, read who, when and why in the log, and load the same file.

It runs on a server and database of its own, since it writes.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from core.db import connect
from core.rounds import oslo_today
from core.vocabulary import status_label
from tests.browser.conftest import running_dashboard
from tests.browser.test_browser import axe_violations, violation_report
from tests.builders import (
    ADMIN_LOGIN,
    nav,
    open_page,
    select_option,
    sign_in,
    status_workbook,
    wait_for_app_idle,
    whole_page_in_view,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REGION = "Folloregionen IPR"  # Akershus's, the demo's default county; delivered 2026-Q3 in time
QUARTER = "2026-Q3"  # the round running on the demo's day (tests/builders.py DEMO_TODAY)
FILE_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'
ADMIN = "Nettleser Test (nettleser)"
SLOW_MS = 60_000


@pytest.fixture
def database(demo_database: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "board.db"
    shutil.copyfile(demo_database, copy)
    return copy


@pytest.fixture
def board_url(database: Path, tmp_path: Path, pytestconfig: pytest.Config) -> Iterator[str]:
    with running_dashboard(database, tmp_path, pytestconfig) as url:
        yield url


def follo_first(database: Path) -> tuple:
    """Follo's report on its first commitment for the quarter: (code, status, progress, comment)."""
    with contextlib.closing(connect(database)) as db:
        return db.execute(
            "SELECT c.code, s.status, s.progress, s.comment FROM status_reports s "
            "JOIN commitments c ON c.id = s.commitment_id JOIN agreements a ON a.id = c.agreement_id "
            "JOIN regions r ON r.id = a.region_id WHERE r.name = ? AND s.quarter = ? "
            "ORDER BY c.position LIMIT 1",
            (REGION, QUARTER),
        ).fetchone()


def written(database: Path) -> tuple[int, int]:
    """Uploads and status reports in the database."""
    with contextlib.closing(connect(database)) as db:
        return db.execute("SELECT (SELECT count(*) FROM uploads), (SELECT count(*) FROM status_reports)").fetchone()


def open_board(page: Page, url: str) -> None:
    open_page(page, f"{url}/rapportering?quarter={QUARTER}", "Rapportering")
    select_option(page, "Region å gå gjennom", REGION)


def upload_changed(page: Page, path: Path) -> None:
    nav(page, "Last opp")
    page.locator(FILE_INPUT).set_input_files(path)
    wait_for_app_idle(page)


def test_approve_refuse_a_locked_load_reopen_and_load(page: Page, board_url: str, database: Path, tmp_path: Path):
    page.set_default_timeout(SLOW_MS)
    today = f"{oslo_today():%d.%m.%Y}"
    code, status, progress, comment = follo_first(database)
    assert comment != "Endret etter godkjenning"
    book, _ = status_workbook([[REGION, code, QUARTER, status_label(status), progress, "Endret etter godkjenning"]])
    changed = tmp_path / "follo-endret.xlsx"
    book.save(changed)

    # 1. The administrator approves Follo's quarter on the board.
    sign_in(page, board_url, ADMIN_LOGIN)
    open_board(page, board_url)
    board = page.locator("#table-round-board")
    expect(board.locator("tbody tr").filter(has_text=REGION).locator("td").nth(1)).to_have_text("✓ Levert")
    with whole_page_in_view(page):
        violations = axe_violations(page)
    assert not violations, f"axe-core: WCAG 2.1 A/AA violations on Rapportering:\n{violation_report(violations)}"
    page.get_by_role("button", name=f"Godkjenn rapporten fra {REGION} for 3. kv. 2026").click()
    wait_for_app_idle(page)
    expect(page.get_by_test_id("stAlertContentSuccess")).to_have_text(
        f"Rapporten fra {REGION} for 3. kv. 2026 er godkjent, og kvartalet er låst for regionen."
    )
    expect(board.locator("tbody tr").filter(has_text=REGION).locator("td").nth(1)).to_have_text("☑ Godkjent")
    approved = page.locator("#table-round-log tbody tr").first.locator("td")
    expect(approved.nth(0)).to_contain_text(f"{today} kl. ")
    expect(approved.nth(1)).to_have_text(REGION)
    expect(approved.nth(2)).to_have_text("godkjent")
    expect(approved.nth(3)).to_have_text(ADMIN)
    expect(approved.nth(4)).to_have_text("alle")

    # 2. A file that changes one of Follo's reports for the quarter is refused in the review; nothing is written.
    before = written(database)
    upload_changed(page, changed)
    errors = page.locator("#table-upload-errors")
    expect(errors).to_contain_text(
        f"3. kv. 2026 for {REGION} er godkjent og låst (godkjent av {ADMIN} {today}); en administrator kan åpne "
        "kvartalet igjen på siden Rapportering."
    )
    expect(page.get_by_role("button", name="Lagre", exact=True)).to_have_count(0)
    assert written(database) == before
    assert follo_first(database) == (code, status, progress, comment)

    # 3. Back on the board the administrator reopens the quarter with a reason: the log says who, when and why.
    open_board(page, board_url)
    page.get_by_role("textbox", name="Hvorfor skal kvartalet åpnes igjen?").fill("Follo retter kommentaren til 1.1")
    page.get_by_role("button", name="Åpne igjen", exact=True).click()
    wait_for_app_idle(page)
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text(f"3. kv. 2026 for {REGION} er åpnet igjen;")
    first = page.locator("#table-round-log tbody tr").first.locator("td")
    expect(first.nth(0)).to_contain_text(f"{today} kl. ")
    expect(first.nth(1)).to_have_text(REGION)
    expect(first.nth(2)).to_have_text("åpnet igjen")
    expect(first.nth(3)).to_have_text(ADMIN)
    expect(first.nth(5)).to_have_text("Follo retter kommentaren til 1.1")

    # 4. The same file now loads.
    upload_changed(page, changed)
    expect(page.locator("#table-upload-errors")).to_have_count(0)
    page.get_by_role("button", name="Lagre", exact=True).click()
    wait_for_app_idle(page)
    expect(page.get_by_text("Lagret som opplasting ")).to_be_visible()
    assert follo_first(database) == (code, status, progress, "Endret etter godkjenning")
    assert written(database) == (before[0] + 1, before[1])
