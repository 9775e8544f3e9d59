"""The county's own assessment in a real browser: an administrator records «Forsinket» on Rapportering
for a commitment its region reports «I rute», and Oversikt and the commitment page then say that the
two differ.

It runs on a server and database of its own, since it writes.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from core import analysis
from core.dataset import load_dataset
from core.db import connect
from core.filters import Filters, apply_filters
from core.register import find_region
from core.rounds import current_round, in_force, oslo_today
from tests.browser.conftest import running_dashboard
from tests.builders import ADMIN_LOGIN, nav, select_option, sign_in, wait_for_app_idle
from views._assessment import COLUMN_WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REGION = "Folloregionen IPR"
# The round the page shows: the last quarter that has ended (the demo's reports run to it).
ROUND = current_round(oslo_today())
EDITOR = '[class*="st-key-assessment-editor-"]'
# The editor's columns before the county's status: Nr, Tiltak, Regionens status, Regionens kommentar.
STATUS_BEFORE = ("code", "text", "region_status", "region_comment")
ROW_HEIGHT = 35  # Streamlit's grid, header and rows alike
SLOW_MS = 60_000


@pytest.fixture
def database(demo_database: Path, tmp_path: Path) -> Path:
    path = tmp_path / "assessment.db"
    shutil.copyfile(demo_database, path)
    return path


@pytest.fixture
def assessment_url(database: Path, tmp_path: Path, pytestconfig: pytest.Config) -> Iterator[str]:
    with running_dashboard(database, tmp_path, pytestconfig) as url:
        yield url


def on_track(database: Path) -> tuple[int, str]:
    """The place in the editor and the code of Follo's first commitment it reports on track for the
    round that the county has not assessed yet (the demo has assessed some)."""
    with contextlib.closing(connect(database)) as db:
        ids = in_force(db, find_region(db, REGION).id, ROUND)
        places = ",".join("?" * len(ids))
        statuses = dict(
            db.execute(
                f"SELECT commitment_id, status FROM status_reports WHERE quarter = ? AND commitment_id IN ({places})",
                (ROUND, *ids),
            ).fetchall()
        )
        assessed = {
            id_
            for (id_,) in db.execute(
                f"SELECT commitment_id FROM county_assessments WHERE quarter = ? AND commitment_id IN ({places})",
                (ROUND, *ids),
            )
        }
        row = next(index for index, id_ in enumerate(ids) if statuses.get(id_) == "on_track" and id_ not in assessed)
        (code,) = db.execute("SELECT code FROM commitments WHERE id = ?", (ids[row],)).fetchone()
    return row, code


def demo_differences(database: Path) -> list[str]:
    """What Oversikt says of the demo's own assessments that differ, in the default county's view of the round."""
    with contextlib.closing(connect(database)) as db:
        dataset = apply_filters(load_dataset(db), Filters(quarter=ROUND))
    return analysis.difference_sentences(analysis.assessment_differences(dataset, ROUND), "nb")


def assess_as_delayed(page: Page, row: int) -> None:
    """Choose «Forsinket» in the row's Fylkets status and save. The grid is a canvas: a click and then
    a double click on the cell (its place from the editor's column widths) open the cell's list,
    where the word is typed and chosen. Its editor opens a moment after the click: on a loaded machine the keys can
    arrive before it, and a person would simply try again, so the test does."""
    saved = page.get_by_text("Fylkets vurdering er lagret: 1 lagt til, 0 endret, 0 fjernet.")
    x = sum(COLUMN_WIDTHS[column] for column in STATUS_BEFORE) + COLUMN_WIDTHS["county_status"] / 2
    y = ROW_HEIGHT * (row + 1) + ROW_HEIGHT / 2  # below the header row
    for attempt in range(3):
        grid = page.locator(EDITOR).get_by_test_id("stDataFrame")
        # The first click gives the canvas the focus; the double click then opens the cell.
        grid.click(position={"x": x, "y": y})
        page.wait_for_timeout(300)
        grid.dblclick(position={"x": x, "y": y})
        page.wait_for_timeout(300 * (attempt + 1))
        page.keyboard.type("Forsinket")
        page.keyboard.press("Enter")
        # Leave the grid, so the edit is sent and the page reruns.
        page.get_by_role("heading", name="Fylkets vurdering").click()
        wait_for_app_idle(page)
        page.get_by_role("button", name="Lagre fylkets vurdering").click()
        wait_for_app_idle(page)
        try:
            expect(saved).to_be_visible(timeout=10_000)
            return
        except AssertionError:
            if attempt == 2:
                raise


def test_the_county_assessment_recorded_on_rapportering_shows_on_oversikt_and_tiltak(
    page: Page, assessment_url: str, database: Path
) -> None:
    page.set_default_timeout(SLOW_MS)
    row, code = on_track(database)
    sentence = f"Fylket vurderer {code} som forsinket; regionen rapporterer i rute."
    before = demo_differences(database)

    sign_in(page, assessment_url, ADMIN_LOGIN)
    nav(page, "Rapportering")
    expect(page.get_by_role("heading", name="Fylkets vurdering")).to_be_visible()
    select_option(page, "Region å vurdere", REGION)
    assess_as_delayed(page, row)

    nav(page, "Oversikt")
    differences = page.locator("#table-assessment-differences")
    heading = f"Der fylket vurderer annerledes ({len(before) + 1})"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    for shown in (*before, sentence):
        expect(differences.get_by_text(shown)).to_be_visible()

    differences.get_by_role("link", name=code, exact=True).click()
    wait_for_app_idle(page, "Tiltak")
    expect(page.get_by_test_id("stAlertContentWarning").get_by_text(sentence)).to_be_visible()
    history = page.locator("#table-history")
    expect(history.get_by_role("columnheader", name="Fylkets vurdering")).to_be_visible()
