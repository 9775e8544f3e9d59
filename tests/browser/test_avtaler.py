"""Avtaler in a real browser, as the county's administrator does it: upload an agreement as a PDF,
read the preview and its warnings, set a council area in the table, save, see the region on
Regioner; then upload a changed version and read what it changes before saving.

It runs on a server and database of its own, since it writes.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from core.db import connect
from tests.browser.conftest import running_dashboard
from tests.browser.test_browser import axe_violations, violation_report
from tests.builders import ADMIN_LOGIN, nav, sign_in, wait_for_app_idle, whole_page_in_view

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FILE_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'
SHOTS = Path("/work/notes/shots14")
REGION = "Lillestrømregionen"
# As the seed agreement is laid out; 1.2 is missing, so 1.3 follows a gap in the numbering.
FIRST = [
    "Partnerskapsavtale spesiell del 2025-2026",
    "Avtalen gjelder samarbeidet mellom fylket og regionen.",
    "1 - Utdanning og kompetanse #kompetanseløft",
    "1.1 - Flere lærlingplasser i kommunene",
    "1.3 - Felles karrieresenter for voksne",
    "2 - Samferdsel #lavereklimautslipp",
    "2.1 - Trygg skolevei i alle kommunene",
    "2.2 - Innfartsparkering ved stasjonene",
]
# 1.3 is dropped, 2.2 reworded and 2.3 added.
SECOND = [
    *FIRST[:4],
    *FIRST[5:7],
    "2.2 - Innfartsparkering ved Moss stasjon",
    "2.3 - Bysykler",
]


def agreement_pdf(path: Path, lines: list[str]) -> Path:
    """The lines as paragraphs of a PDF, with "Side 1 av 1" at the foot as Word prints it."""

    def footer(pdf, doc) -> None:
        pdf.saveState()
        pdf.setFont("Helvetica", 9)
        pdf.drawRightString(A4[0] - 72, 30, f"Side {doc.page} av 1")
        pdf.restoreState()

    style = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph(line, style) for line in lines], onFirstPage=footer, onLaterPages=footer
    )
    return path


@pytest.fixture
def database(demo_database: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "avtaler.db"
    shutil.copyfile(demo_database, copy)
    return copy


@pytest.fixture
def agreements_url(database: Path, tmp_path: Path, pytestconfig: pytest.Config) -> Iterator[str]:
    with running_dashboard(database, tmp_path, pytestconfig) as url:
        yield url


def next_upload(database: Path) -> int:
    with contextlib.closing(connect(database)) as db:
        return db.execute("SELECT coalesce(max(id), 0) + 1 FROM uploads").fetchone()[0]


def upload(page: Page, path: Path) -> None:
    page.locator(FILE_INPUT).set_input_files(path)
    wait_for_app_idle(page)


def choose_new_region(page: Page, name: str) -> None:
    box = page.get_by_test_id("stSelectbox").get_by_role("combobox", name="Avtalens region", exact=True)
    box.click()
    box.fill(name)
    box.press("Enter")
    wait_for_app_idle(page)


def set_council_area(page: Page, row: int, council_area: str, shown: str) -> None:
    """Choose a council area in the data editor's Rådsområde column, with the keyboard as a person may:
    into the grid, along to the cell, open its list, type and choose; done when the page shows
    ``shown`` in its first warning. The grid is a canvas whose editor opens a moment after Enter: on a
    loaded machine the keys can arrive before it, and a person would simply try again, so the test does."""
    for attempt in range(3):
        grid = page.get_by_test_id("stDataFrame")
        grid.click(position={"x": 20, "y": 55})  # the first row's code: a read-only cell
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        for _ in range(row):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.wait_for_timeout(300 * (attempt + 1))
        page.keyboard.type(council_area)
        page.keyboard.press("Enter")
        # Leave the grid, so the edit is sent and the page reruns.
        page.get_by_role("heading", name="Advarsler").click()
        wait_for_app_idle(page)
        try:
            expect(page.get_by_test_id("stAlertContentWarning").first).to_have_text(shown, timeout=10_000)
            return
        except AssertionError:
            if attempt == 2:
                raise


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with whole_page_in_view(page):
        page.screenshot(path=SHOTS / name, full_page=True)


def test_upload_preview_set_a_council_area_save_and_upload_a_changed_version(
    page: Page, agreements_url: str, database: Path, tmp_path: Path
) -> None:
    sign_in(page, agreements_url, ADMIN_LOGIN)
    nav(page, "Avtaler")
    expect(page.get_by_text("Avtaler per region og periode")).to_be_visible()

    upload(page, agreement_pdf(tmp_path / "avtale-lillestrom.pdf", FIRST))
    expect(page.get_by_text("Velg regionen avtalen gjelder, så vises forhåndsvisningen.")).to_be_visible()
    choose_new_region(page, REGION)
    expect(
        page.get_by_text(
            "«avtale-lillestrom.pdf»: avtale 2025-2026 for Lillestrømregionen, 2 innsatsområder og 4 tiltak. "
            "Ingenting er lagret ennå."
        )
    ).to_be_visible()
    focus_areas = page.locator("#table-agreement-focus-areas tbody tr")
    expect(focus_areas).to_have_count(2)
    expect(focus_areas.nth(0).locator("td")).to_have_text(["1", "Utdanning og kompetanse", "#kompetanseløft", ""])
    warnings = page.get_by_test_id("stAlertContentWarning")
    expect(warnings).to_have_text(
        [
            "4 tiltak har ikke rådsområde.",
            "Sidetall er tatt ut på 1 side.",
            "Side 1, linje 5: tiltak 1.3 følger etter et hopp i nummereringen; 1.2 mangler. Sjekk at ingen "
            "tiltak er lest som tekst.",
            "«Lillestrømregionen» finnes ikke i registeret og blir opprettet som en ny region når du lagrer. "
            "Sjekk skrivemåten hvis du mente en region som finnes.",
        ]
    )
    new = "Lillestrømregionen har ingen avtale for 2025-2026 fra før: alt blir nytt."
    expect(page.get_by_text(new)).to_be_visible()
    shot(page, "avtaler-preview.png")
    violations = axe_violations(page)
    assert not violations, f"axe-core: WCAG 2.1 A/AA violations on Avtaler:\n{violation_report(violations)}"

    # A new region's agreement goes to the county in view (the demo's default, Akershus), whose units it offers.
    county = page.get_by_test_id("stMain").get_by_role("combobox", name="Fylkeskommune", exact=True)
    expect(county).to_have_value("Akershus fylkeskommune")
    set_council_area(page, 0, "Videregående opplæring", shown="3 tiltak har ikke rådsområde.")
    upload_id = next_upload(database)
    page.get_by_role("button", name="Lagre avtalen").click()
    wait_for_app_idle(page)
    expect(page.get_by_test_id("stAlertContentSuccess")).to_have_text(
        f"Avtale 2025-2026 for Lillestrømregionen: 4 lagt til, 0 endret, 0 uendret, 0 utgått (opplasting {upload_id})."
    )
    shot(page, "avtaler-saved.png")

    page.get_by_role("link", name="Se Lillestrømregionen i Regioner").click()
    wait_for_app_idle(page, "Regioner")
    commitments = page.locator("#table-region-commitments tbody tr")
    expect(commitments).to_have_count(4)
    expect(commitments.nth(0)).to_contain_text("Flere lærlingplasser i kommunene")
    expect(commitments.nth(0)).to_contain_text("Videregående opplæring")

    nav(page, "Avtaler")
    upload(page, agreement_pdf(tmp_path / "avtale-lillestrom-2.pdf", SECOND))
    choose_new_region(page, REGION)
    changes = page.locator("#table-agreement-changes tbody tr")
    expect(changes).to_have_count(3)
    expect(changes.nth(0).locator("td")).to_have_text(["2.3", "+ Ny", "", "Bysykler"])
    expect(changes.nth(1).locator("td")).to_have_text(
        [
            "2.2",
            "~ Endret",
            "Tiltak: «Innfartsparkering ved stasjonene» → «Innfartsparkering ved Moss stasjon»",
            "Innfartsparkering ved Moss stasjon",
        ]
    )
    expect(changes.nth(2).locator("td")).to_have_text(["1.3", "− Utgår", "", "Felles karrieresenter for voksne"])
    expect(
        page.get_by_text("Tiltak som utgår, slettes ikke: de merkes som utgått, og statushistorikken deres beholdes.")
    ).to_be_visible()
    shot(page, "avtaler-changes.png")
