"""The quarterly round in a real browser, as a regional coordinator and then leadership do it:
download the template, fill it in, upload it, read the review, save, see the overview move,
roll the upload back, and take the exports and the PDF brief to the meeting.

It runs on a server and database of its own, since it writes.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pypdfium2
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import running_dashboard
from tests.builders import (
    ADMIN_LOGIN,
    REPORTER_LOGIN,
    SCREENSHOTS,
    nav,
    open_page,
    select_option,
    sign_in,
    wait_for_app_idle,
    whole_page_in_view,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REGION = "Folloregionen IPR"
FILE_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'
METRIC = "stMetric"
# The PDF is made with Chromium too (kaleido), and the first run of each page is uncached.
SLOW_MS = 120_000


@pytest.fixture
def round_url(demo_database: Path, tmp_path: Path, pytestconfig: pytest.Config) -> Iterator[str]:
    database = tmp_path / "round.db"
    shutil.copyfile(demo_database, database)
    with running_dashboard(database, tmp_path, pytestconfig) as url:
        yield url


def metric_values(page: Page) -> dict[str, str]:
    metrics = page.get_by_test_id(METRIC)
    values = {}
    for index in range(metrics.count()):
        metric = metrics.nth(index)
        label = metric.get_by_test_id("stMetricLabel").inner_text().strip()
        values[label] = metric.get_by_test_id("stMetricValue").inner_text().strip()
    return values


def download(page: Page, name: str, folder: Path) -> Path:
    with page.expect_download(timeout=SLOW_MS) as started:
        page.get_by_role("button", name=name, exact=True).click()
    target = folder / started.value.suggested_filename
    started.value.save_as(target)
    return target


def test_the_whole_quarterly_round(page: Page, round_url: str, tmp_path: Path) -> None:
    page.set_default_timeout(SLOW_MS)
    open_page(page, round_url, "Oversikt")
    before = metric_values(page)
    # The demo's default county is Akershus (the most agreements); its latest complete quarter
    # (tests/builders.py DEMO_TODAY) is 3. kv. 2026: Hallingdal, late, is Buskerud's.
    expect(page.get_by_text("Utvalg: Akershus fylkeskommune · 3. kv. 2026")).to_be_visible()

    # 1. Follo's coordinator signs in (reading is open, writing is not) and downloads the template.
    expect(page.get_by_test_id("stSidebarNav").get_by_role("link", name="Last opp")).to_have_count(0)
    sign_in(page, round_url, REPORTER_LOGIN)
    expect(page.get_by_text("Innlogget som Ole Kristian Strand (rapportør)")).to_be_visible()
    nav(page, "Last opp")
    select_option(page, "Region for malen", REGION)
    # The quarter still running is offered, marked so, but not suggested (the round running, 3. kv.,
    # is): the coordinator reports it early, and the review will warn that it has not ended.
    select_option(page, "Kvartal for malen", "4. kv. 2026")
    template = download(page, f"Last ned mal for {REGION}, 4. kv. 2026", tmp_path)
    assert template.name == "status-follo-2026-Q4.xlsx"

    # 2. … and fills it in: every commitment completed, the first one delayed.
    book = openpyxl.load_workbook(template)
    sheet = book["Status"]
    rows = [row for row in sheet.iter_rows(min_row=5) if row[1].value]
    assert len(rows) == 13
    for row in rows:
        row[5].value, row[6].value = "Fullført", 100
    rows[0][5].value, rows[0][6].value, rows[0][7].value = "Forsinket", 10, "Leverandøren gikk konkurs"
    filled = tmp_path / "follo-utfylt.xlsx"
    book.save(filled)

    # 3. Upload: the review says what would change, and nothing is saved yet.
    page.locator(FILE_INPUT).set_input_files(filled)
    wait_for_app_idle(page)
    expect(page.get_by_text("Filen er kontrollert og ikke lagret ennå.")).to_be_visible()
    review = metric_values(page)
    # Against each commitment's latest report. The template carries status, progress and owner
    # over and leaves comments blank for the new quarter, which is no change: the three completed
    # before stay as they were.
    assert (review["Uten tidligere rapport"], review["Endret fra forrige rapport"], review["Som forrige rapport"]) == (
        "0",
        "10",
        "3",
    )
    changes = page.locator("#table-upload-changes")
    expect(changes.locator("tbody tr").first).to_contain_text("Status: I rute → Forsinket")
    # Readable at 1400 px: the review's table does not scroll sideways.
    assert changes.evaluate("(box) => box.scrollWidth <= box.clientWidth")
    with whole_page_in_view(page):
        page.screenshot(path=screenshot("last-opp-gjennomgang"), full_page=True)

    # 4. Save.
    page.get_by_role("button", name="Lagre", exact=True).click()
    wait_for_app_idle(page)
    saved = page.get_by_text("Lagret som opplasting ")
    expect(saved).to_be_visible()
    upload_number = saved.inner_text().split()[3].rstrip(":")

    # 5. The overview stays on the complete quarter and points to the new one, which can be chosen,
    # marked provisional, with who has reported.
    nav(page, "Oversikt")
    expect(page.get_by_text("Utvalg: Akershus fylkeskommune · 3. kv. 2026")).to_be_visible()
    expect(page.get_by_text("Det finnes foreløpige tall for 4. kv. 2026")).to_be_visible()
    assert metric_values(page) == before
    select_option(page, "Kvartal", "4. kv. 2026 (foreløpig)")
    expect(page.get_by_text("Utvalg: Akershus fylkeskommune · 4. kv. 2026 (foreløpig)")).to_be_visible()
    expect(page.get_by_text("1 av 3 regioner har rapportert for 4. kv. 2026 (13 av 38 tiltak).")).to_be_visible()
    assert metric_values(page)["Rapportert"] == "13 av 38"
    page.get_by_role("button", name="Nullstill filtre").click()
    wait_for_app_idle(page)

    # 6. The coordinator may not roll back; the administrator signs in and does: the overview is as it was.
    nav(page, "Opplastinger")
    select_option(page, "Velg opplasting", f"Nr {upload_number} – follo-utfylt.xlsx")
    expect(page.get_by_text("Bare administratorer kan tilbakestille opplastinger.")).to_be_visible()
    page.get_by_role("button", name="Logg ut").click()
    wait_for_app_idle(page)
    sign_in(page, round_url, ADMIN_LOGIN)
    nav(page, "Opplastinger")
    select_option(page, "Velg opplasting", f"Nr {upload_number} – follo-utfylt.xlsx")
    expect(page.get_by_role("heading", name=f"Opplasting {upload_number}: follo-utfylt.xlsx")).to_be_visible()
    page.get_by_text(f"Ja, jeg vil tilbakestille opplasting {upload_number}").click()
    wait_for_app_idle(page)
    page.get_by_role("button", name=f"Tilbakestill opplasting {upload_number}").click()
    wait_for_app_idle(page)
    expect(page.get_by_text(f"Opplasting {upload_number} er tilbakestilt")).to_be_visible()
    nav(page, "Oversikt")
    expect(page.get_by_text("Utvalg: Akershus fylkeskommune · 3. kv. 2026")).to_be_visible()
    assert metric_values(page) == before

    # 7. Leadership exports: Excel, CSV and the PDF brief.
    nav(page, "Eksport")
    excel = download(page, "Tiltak og status (Excel)", tmp_path)
    sheet = openpyxl.load_workbook(excel).active
    assert sheet["A1"].value == "Tiltak og status"
    assert sheet["A2"].value.startswith("Utvalg: Akershus fylkeskommune · 3. kv. 2026")
    assert [cell.value for cell in sheet[4]][:3] == ["Region", "Nr", "Tiltak"]
    assert sheet.max_row == 4 + 38
    text = download(page, "Tiltak og status (CSV)", tmp_path)
    data = text.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert len(list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))) == 1 + 38

    # The brief is made in the run, so a failure can be told on the page; then it is downloaded.
    page.get_by_role("button", name="Møtenotat (PDF)", exact=True).click()
    brief = download(page, "Last ned møtenotatet (PDF)", tmp_path)
    pdf = pypdfium2.PdfDocument(brief)
    # Region names may wrap in a table cell: words, not lines.
    words = " ".join(" ".join(pdf[index].get_textpage().get_text_range().split()) for index in range(len(pdf)))
    for name in (
        "Akershus fylkeskommune",
        "Folloregionen IPR",
        "Gardermoregionen",
        "Samarbeidsrådet for Nedre Romerike",
    ):
        assert name in words
    for value in before.values():
        assert value.replace("\u00a0", " ") in words.replace("\u00a0", " "), value
    pdf[0].render(scale=1.5).to_pil().save(screenshot("kvartalsrapport-side-1"))


def screenshot(name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS / f"{name}.png"
