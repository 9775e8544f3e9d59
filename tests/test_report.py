"""The quarterly report: the workbook cell by cell, the PDF brief by its text.

One brief is drawn in Chromium for the whole module; the other PDF tests draw
their charts with a stand-in (a blank PNG), which tests everything but Chromium.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import io
import os
import re
import zipfile
from pathlib import Path

import kaleido
import openpyxl
import pandas as pd
import plotly
import plotly.graph_objects as go
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from core.dataset import Dataset, load_dataset
from core.db import connect
from core.filters import Filters, apply_filters
from core.register import Agreement, Commitment, FocusArea
from outputs import images, report
from outputs.errors import ChartRenderingFailed, ChromiumMissing
from tests.builders import add_reports, build_register

NOTE = "Utvalg: hele fylket · 2. kv. 2024"
COVERAGE = "2 av 2 regioner har rapportert for 2. kv. 2024 (5 av 6 tiltak)."
# Typed on Eksport: markup and Markdown in it are printed as typed, never read.
COMMENTARY = "Godt kvartal & <b>ikke fet</b>\n![x](http://127.0.0.1/x)"
CREATED = dt.date(2024, 8, 15)
IOR = "Indre Østfold regionråd"
# Longer than Excel's 31 characters for a sheet name, so the sheet takes the short name.
HALLINGDAL = "Regionrådet for Hallingdal, Numedal og Kongsberg"
FORMULA = '=HYPERLINK("http://example.com","klikk")'


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def require_chromium() -> None:
    """Skip without Chromium, as tests/browser does; CI must not pass by testing nothing."""
    browser = images.chromium_path()
    if browser is not None and browser.is_file():
        return
    message = f"{browser or images.CHROMIUM} is missing; run scripts/ensure-chromium (make test does)"
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def build(db) -> None:
    """Six commitments in two regions, reported in 2024-Q1 and 2024-Q2.

    2024-Q2: 6 commitments, 5 reported (Hallingdal 1.2 not): of those 3 on track (60 %),
    1 delayed, 1 completed, so 80 % on track or completed; average progress
    (40 + 100 + 10 + 50 + 25) / 5 = 45. 2024-Q1: all 6 reported, 5 on track, average
    progress 210 / 6 = 35. Like for like (the 5 reported in both): 100 % on track and
    42 % progress in 2024-Q1. Since then: IØR 1.1 newly delayed, IØR 1.2 newly
    completed, IØR 2.1 (20 → 10) and Hallingdal 1.1 (60 → 25) backwards.
    """
    build_register(
        db,
        regions={
            IOR: {
                "short_name": "IØR",
                "agreements": [
                    Agreement(
                        "2024-2027",
                        focus_areas=[
                            FocusArea("1", "Klima og miljø", "#klima", [13]),
                            FocusArea("2", "Kompetanse", "#kompetanseløft", [4, 8]),
                        ],
                        commitments=[
                            Commitment(
                                "1.1", "Kartlegge klimagassutslipp i alle kommunene", "1", "Plan, klima og miljø"
                            ),
                            Commitment(
                                "1.2", "Etablere felles ladeinfrastruktur & <mobilitet>", "1", "Samferdsel", [7, 11]
                            ),
                            Commitment("2.1", "Styrke kompetanseløftet i grunnskolen", "2", "Utdanning og kompetanse"),
                            Commitment("2.2", "Rekruttere flere lærlinger", "2", None),
                        ],
                    )
                ],
            },
            HALLINGDAL: {
                "short_name": "Hallingdal",
                "agreements": [
                    Agreement(
                        "2024-2027",
                        focus_areas=[FocusArea("1", "Næring", None, [8])],
                        commitments=[
                            Commitment("1.1", "Utvikle reiselivet i fjellregionen", "1", "Næring og tannhelse"),
                            Commitment("1.2", "Bedre kollektivtilbudet", "1", "Samferdsel"),
                        ],
                    )
                ],
            },
        },
    )
    add_reports(
        db,
        [
            (IOR, "1.1", "2024-Q1", "on_track", 30),
            (IOR, "1.2", "2024-Q1", "on_track", 50),
            (IOR, "2.1", "2024-Q1", "on_track", 20),
            (IOR, "2.2", "2024-Q1", "on_track", 50),
            (HALLINGDAL, "1.1", "2024-Q1", "on_track", 60),
            (HALLINGDAL, "1.2", "2024-Q1", "not_started", 0),
        ],
    )
    add_reports(
        db,
        [
            (IOR, "1.1", "2024-Q2", "delayed", 40, "Venter på data fra SSB", "Purre på SSB", "Kari Nordmann"),
            (IOR, "1.2", "2024-Q2", "completed", 100, "Åpnet i juni", None, "Ola Nordmann"),
            (IOR, "2.1", "2024-Q2", "on_track", 10, FORMULA, "+ planlegge høsten", "Per"),
            (IOR, "2.2", "2024-Q2", "on_track", 50),
            (HALLINGDAL, "1.1", "2024-Q2", "on_track", 25, "Færre turister enn ventet"),
        ],
    )


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Dataset:
    path = tmp_path_factory.mktemp("report") / "report.db"
    with contextlib.closing(connect(path)) as db:
        build(db)
        return load_dataset(db)


@pytest.fixture(scope="module")
def brief(dataset, tmp_path_factory) -> bytes:
    """The one brief drawn in Chromium, several seconds: every test that reads it is marked slow.

    Drawn once a run: under xdist the tests reading it are dealt to both workers, and the first
    to need it draws it while the other waits for the file.
    """
    require_chromium()

    def draw() -> bytes:
        return report.pdf_brief(dataset, "2024-Q2", "nb", NOTE, commentary=COMMENTARY, created=CREATED)

    if "PYTEST_XDIST_WORKER" not in os.environ:
        return draw()
    # The workers' base folders share a parent that is new every run.
    path = tmp_path_factory.getbasetemp().parent / "brief.pdf"
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            path.write_bytes(draw())
        return path.read_bytes()


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def rows(sheet, first: int = 1) -> list[list]:
    return [list(row) for row in sheet.iter_rows(min_row=first, values_only=True)]


def pdf_lines(data: bytes) -> list[str]:
    """The text of every page, line by line, no-break spaces as they are."""
    document = pdfium.PdfDocument(data)
    try:
        text = "\n".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()
    return [line.strip() for line in re.split(r"\r\n|\n|\r", text) if line.strip()]


def child_processes() -> list[str]:
    """The command lines of this process's children (Chromium, once started, is one)."""
    children = []
    for task in Path("/proc/self/task").iterdir():
        try:
            pids = (task / "children").read_text().split()
        except FileNotFoundError:  # the thread ended meanwhile; its children went to another of ours
            continue
        for pid in pids:
            with contextlib.suppress(OSError):
                children.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode())
    return children


# --- shared numbers -------------------------------------------------------------------------


def test_region_summary_has_a_row_per_region_and_the_county_total(dataset):
    expected = pd.DataFrame(
        {
            "region": pd.Series([IOR, HALLINGDAL, None], dtype=object),
            "commitments": pd.Series([4, 2, 6], dtype="int64"),
            "on_track": pd.Series([2, 1, 3], dtype="int64"),
            "delayed": pd.Series([1, 0, 1], dtype="int64"),
            "completed": pd.Series([1, 0, 1], dtype="int64"),
            "not_started": pd.Series([0, 0, 0], dtype="int64"),
            "cancelled": pd.Series([0, 0, 0], dtype="int64"),
            "not_reported": pd.Series([0, 1, 1], dtype="int64"),
            "on_track_or_completed_share": pd.Series([75.0, 100.0, 80.0], dtype="float64"),
            "average_progress": pd.Series([50.0, 25.0, 45.0], dtype="float64"),
        }
    )
    summary = report.region_summary(dataset, "2024-Q2")
    pd.testing.assert_frame_equal(summary, expected)
    # Every status is counted, so a row's counts add up to its commitments.
    assert (summary[list(report.SUMMARY_STATUSES)].sum(axis=1) == summary["commitments"]).all()


# --- the workbook ---------------------------------------------------------------------------


def test_workbook_starts_with_a_summary_and_has_a_sheet_per_region(dataset):
    book = workbook(report.quarterly_workbook(dataset, "2024-Q2", "nb", NOTE))

    # The Hallingdal region's full name is too long for a sheet name, so its short name is used.
    assert book.sheetnames == ["Sammendrag", IOR, "Hallingdal"]
    summary = book["Sammendrag"]
    assert rows(summary) == [
        ["Kvartalsrapport – 2. kv. 2024", *[None] * 9],
        [f"{NOTE} · {COVERAGE}", *[None] * 9],
        [None] * 10,
        [
            "Region",
            "Tiltak",
            "I rute",
            "Forsinket",
            "Fullført",
            "Ikke startet",
            "Utgår",
            "Ikke rapportert",
            "I rute eller fullført (av rapporterte)",
            "Snittfremdrift",
        ],
        [IOR, 4, 2, 1, 1, 0, 0, 0, 0.75, 0.5],
        [HALLINGDAL, 2, 1, 0, 0, 0, 0, 1, 1.0, 0.25],
        ["Totalt", 6, 3, 1, 1, 0, 0, 1, 0.8, 0.45],
    ]
    assert [summary.cell(7, column).number_format for column in range(1, 11)] == [
        *["General"] * 8,
        "0 %",
        "0 %",
    ]
    assert summary.freeze_panes == "A5"


def test_region_sheets_list_the_commitments_with_their_report(dataset):
    book = workbook(report.quarterly_workbook(dataset, "2024-Q2", "nb", NOTE))

    header = [
        "Nr",
        "Tiltak",
        "Innsatsområde",
        "Rådsområde",
        "Bærekraftsmål",
        "Status",
        "Fremdrift",
        "Kommentar",
        "Neste steg",
        "Ansvarlig",
    ]
    assert rows(book[IOR]) == [
        [f"{IOR} – 2. kv. 2024", *[None] * 9],
        [NOTE, *[None] * 9],
        [None] * 10,
        header,
        [
            "1.1",
            "Kartlegge klimagassutslipp i alle kommunene",
            "Klima og miljø",
            "Plan, klima og miljø",
            "13",
            "Forsinket",
            0.4,
            "Venter på data fra SSB",
            "Purre på SSB",
            "Kari Nordmann",
        ],
        [
            "1.2",
            "Etablere felles ladeinfrastruktur & <mobilitet>",
            "Klima og miljø",
            "Samferdsel",
            "7, 11",
            "Fullført",
            1,
            "Åpnet i juni",
            None,
            "Ola Nordmann",
        ],
        [
            "2.1",
            "Styrke kompetanseløftet i grunnskolen",
            "Kompetanse",
            "Utdanning og kompetanse",
            "4, 8",
            "I rute",
            0.1,
            FORMULA,
            "+ planlegge høsten",
            "Per",
        ],
        ["2.2", "Rekruttere flere lærlinger", "Kompetanse", None, "4, 8", "I rute", 0.5, None, None, None],
    ]
    assert rows(book["Hallingdal"], first=5) == [
        [
            "1.1",
            "Utvikle reiselivet i fjellregionen",
            "Næring",
            "Næring og tannhelse",
            "8",
            "I rute",
            0.25,
            "Færre turister enn ventet",
            None,
            None,
        ],
        ["1.2", "Bedre kollektivtilbudet", "Næring", "Samferdsel", "8", "Ikke rapportert", None, None, None, None],
    ]
    assert [book[IOR].cell(row, 7).number_format for row in range(5, 9)] == ["0 %"] * 4
    assert book[IOR].freeze_panes == "A5"


def test_text_that_looks_like_a_formula_is_stored_as_text(dataset):
    data = report.quarterly_workbook(dataset, "2024-Q2", "nb", NOTE)

    comment, next_step = workbook(data)[IOR]["H7"], workbook(data)[IOR]["I7"]
    assert (comment.value, comment.data_type) == (FORMULA, "s")
    assert (next_step.value, next_step.data_type) == ("+ planlegge høsten", "s")
    # No cell in any sheet holds a formula.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        assert [name for name in sheets if b"<f>" in archive.read(name)] == []


def test_workbook_in_english(dataset):
    book = workbook(report.quarterly_workbook(dataset, "2024-Q2", "en", "Selection: the whole county"))

    assert book.sheetnames == ["Summary", IOR, "Hallingdal"]
    assert rows(book["Summary"])[0][0] == "Quarterly report – Q2 2024"
    assert rows(book["Summary"])[3] == [
        "Region",
        "Commitments",
        "On track",
        "Delayed",
        "Completed",
        "Not started",
        "Cancelled",
        "Not reported",
        "On track or completed (of reported)",
        "Average progress",
    ]
    assert rows(book["Summary"])[1][0] == (
        "Selection: the whole county · 2 of 2 regions have reported for Q2 2024 (5 of 6 commitments)."
    )
    assert rows(book["Summary"])[6] == ["Total", 6, 3, 1, 1, 0, 0, 1, 0.8, 0.45]
    assert [row[5] for row in rows(book["Hallingdal"], first=5)] == ["On track", "Not reported"]


def test_workbook_without_commitments_has_only_a_zero_summary(dataset):
    empty = apply_filters(dataset, Filters(council_area="Kultur og mangfold"))

    book = workbook(report.quarterly_workbook(empty, "2024-Q2", "nb", NOTE))

    assert book.sheetnames == ["Sammendrag"]
    assert rows(book["Sammendrag"], first=5) == [["Totalt", 0, 0, 0, 0, 0, 0, 0, None, None]]


# --- the PDF brief, drawn in Chromium -------------------------------------------------------


@pytest.mark.slow
def test_brief_has_title_note_date_and_key_figures(brief):
    lines = [line for line in pdf_lines(brief) if not line.startswith("Partnerskapsmonitor ·")]

    assert lines[:18] == [
        "Kvartalsrapport – 2. kv. 2024",
        "Viken fylkeskommune (2020–2023)",
        NOTE,
        "Laget 15.08.2024",
        COVERAGE,
        "Kommentar",
        "Godt kvartal & <b>ikke fet</b>",
        "![x](http://127.0.0.1/x)",
        "Nøkkeltall",
        "Nøkkeltall Verdi Endring siden 1. kv. 2024",
        "Rapportert 5 av 6 –",
        "I rute eller fullført 80 % \u221220,0 pp",
        "I rute 60 % \u221240,0 pp",
        "Forsinket 20 % +20,0 pp",
        "Fullført 20 % +20,0 pp",
        "Snittfremdrift 45 % +3,0 pp",
        "Andelene er av de 5 rapporterte tiltakene. Ikke rapportert: 1 tiltak (ukjent status, ikke regnet som "
        "forsinket).",
        "Endring fra 1. kv. 2024 i prosentpoeng, for de samme 5 tiltakene rapportert i begge kvartalene.",
    ]


@pytest.mark.slow
def test_brief_lists_what_is_late_now_and_who_has_not_reported(brief):
    lines = pdf_lines(brief)
    text = " ".join(lines)

    assert lines[lines.index("Forsinket nå (1)") + 1 :][:2] == ["Region Nr Tiltak Kvartaler", "forsinket"]
    # Wrapped cells come out line by line, so the row is looked for in the running text.
    assert (
        "Indre Østfold regionråd 1.1 Kartlegge klimagassutslipp i alle kommunene 1 Venter på data fra SSB Purre på SSB"
        in text
    )
    start = lines.index("Ikke rapportert for 2. kv. 2024 (1)")
    assert lines[start + 1 : start + 3] == [
        "Region Ikke rapportert Rapportert Sist rapportert",
        "Regionrådet for Hallingdal, Numedal og Kongsberg 1 1 av 2 2. kv. 2024",
    ]


@pytest.mark.slow
def test_brief_has_both_charts_each_followed_by_its_summary(brief):
    lines = pdf_lines(brief)
    document = pdfium.PdfDocument(brief)
    images = [
        image.get_px_size() for page in document for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
    ]
    document.close()

    # 760 CSS pixels wide at scale 3; 450 high (Plotly's default), and 160 + 44 per region.
    assert images == [(2280, 1350), (2280, 744)]
    summary_over_time = (
        "I 2. kv. 2024 var 60 % av 5 rapporterte tiltak i rute, 20 % forsinket, 20 % fullført og 1 av 6 tiltak "
        "ikke rapportert."
    )
    summary_by_region = "«Indre Østfold regionråd» har høyest andel forsinkede tiltak: 1 av 4 (25 %)."
    # The longer summary wraps, so it is looked for in the running text, right after its heading.
    assert f"Status per kvartal {summary_over_time}" in " ".join(lines)
    assert lines.index(summary_by_region) == lines.index("Status per region") + 1


@pytest.mark.slow
def test_brief_lists_what_changed_since_last_quarter(brief):
    lines = [line for line in pdf_lines(brief) if not line.startswith("Partnerskapsmonitor ·")]
    text = " ".join(lines)

    start = lines.index("Siden forrige kvartal")
    assert lines[start : start + 7] == [
        "Siden forrige kvartal",
        "1. kv. 2024 → 2. kv. 2024",
        "Nylig forsinket (1)",
        "Region Nr Tiltak Rådsområde",
        f"{IOR} 1.1 Kartlegge klimagassutslipp i alle kommunene Plan, klima og miljø",
        "Nylig fullført (1)",
        "Region Nr Tiltak Rådsområde",
    ]
    # Markup-like text is printed as written, not read as markup.
    assert lines[start + 7] == f"{IOR} 1.2 Etablere felles ladeinfrastruktur & <mobilitet> Samferdsel"
    assert lines[start + 8 : start + 10] == [
        "Fremdrift som går tilbake (2)",
        "Region Nr Tiltak Rådsområde Fremdrift",
    ]
    # Wrapped cells come out line by line, so these are looked for in the running text.
    assert f"{IOR} 2.1 Styrke kompetanseløftet i grunnskolen Utdanning og kompetanse 20 % → 10 %" in text
    assert "Regionrådet for Hallingdal, Numedal og Kongsberg 1.1 Utvikle reiselivet i fjellregionen" in text
    assert "Næring og tannhelse 60 % → 25 %" in text


@pytest.mark.slow
def test_brief_ends_with_a_table_per_region(brief):
    lines = pdf_lines(brief)
    text = " ".join(lines)

    assert lines[lines.index("Per region") + 1 :][-1] == "Totalt 6 3 1 1 1 80 % 45 %"
    # Not started and cancelled, which no commitment here is, are left out on paper.
    assert f"{IOR} 4 2 1 1 0 75 % 50 %" in lines
    assert "Regionrådet for Hallingdal, Numedal og Kongsberg 2 1 0 0 1 100 % 25 %" in text


@pytest.mark.slow
def test_brief_says_what_it_is_and_in_which_language(brief):
    document = pdfium.PdfDocument(brief)
    metadata = document.get_metadata_dict()
    pages = len(document)
    document.close()

    assert {key: metadata[key] for key in ("Title", "Author", "Subject")} == {
        "Title": "Kvartalsrapport – 2. kv. 2024",
        "Author": "Partnerskapsmonitor",
        "Subject": NOTE,
    }
    assert b"/Lang (nb-NO)" in brief
    assert b"DejaVuSans" in brief
    assert pdf_lines(brief)[0] == "Partnerskapsmonitor · Kvartalsrapport – 2. kv. 2024 Side 1"
    assert pages == 3


@pytest.mark.slow
def test_a_stuck_chromium_is_stopped_and_reported(monkeypatch):
    require_chromium()
    # 0.25 s a chart, one more for the start: no Chromium starts and draws three charts in 1 s.
    monkeypatch.setenv("DASHBOARD_CHART_TIMEOUT", "0.25")

    with pytest.raises(ChartRenderingFailed) as failed:
        images.render_charts([go.Figure(), go.Figure(), go.Figure()])

    assert str(failed.value) == (
        "Figurene til PDF-rapporten kunne ikke tegnes: Chromium brukte mer enn 1 sekund. Prøv igjen; hjelper "
        "ikke det, last ned Excel-rapporten i stedet og meld fra til den som drifter dashbordet."
    )
    assert [command for command in child_processes() if "chromium" in command] == []


# --- the PDF brief, charts drawn by a stand-in ----------------------------------------------


def test_brief_says_so_when_a_list_is_empty(dataset, blank_charts):
    hallingdal = apply_filters(dataset, Filters(region=HALLINGDAL))

    brief = report.pdf_brief(hallingdal, "2024-Q2", "nb", "Utvalg: Hallingdal", created=CREATED)
    lines = [line for line in pdf_lines(brief) if not line.startswith("Partnerskapsmonitor ·")]

    start = lines.index("Siden forrige kvartal")
    assert lines[start : start + 7] == [
        "Siden forrige kvartal",
        "1. kv. 2024 → 2. kv. 2024",
        "Nylig forsinket (0)",
        "Ingen tiltak er blitt forsinket siden forrige kvartal.",
        "Nylig fullført (0)",
        "Ingen tiltak er blitt fullført siden forrige kvartal.",
        "Fremdrift som går tilbake (1)",
    ]
    assert [figure.layout.height for figure in blank_charts] == [None, 204]


def test_brief_for_the_first_quarter_has_nothing_to_compare_with(dataset, blank_charts):
    first = apply_filters(dataset, Filters(quarter="2024-Q1"))

    lines = pdf_lines(report.pdf_brief(first, "2024-Q1", "nb", NOTE, created=CREATED))

    no_previous = "Det finnes ikke noe tidligere kvartal å sammenligne med."
    start = lines.index("Nøkkeltall Verdi Endring")
    assert lines[start : start + 9] == [
        "Nøkkeltall Verdi Endring",
        "Rapportert 6 av 6 –",
        "I rute eller fullført 83 % –",
        "I rute 83 % –",
        "Forsinket 0 % –",
        "Fullført 0 % –",
        "Snittfremdrift 35 % –",
        "Andelene er av de 6 rapporterte tiltakene. Ikke rapportert: 0 tiltak (ukjent status, ikke regnet som "
        "forsinket).",
        no_previous,
    ]
    assert lines[lines.index("Siden forrige kvartal") + 1] == no_previous
    assert "Nylig forsinket (0)" not in lines


def test_brief_in_english(dataset, blank_charts):
    data = report.pdf_brief(dataset, "2024-Q2", "en", "Selection: the whole county", created=CREATED)
    lines = pdf_lines(data)

    assert lines[:14] == [
        "Partnership monitor · Quarterly report – Q2 2024 Page 1",
        "Quarterly report – Q2 2024",
        "Viken fylkeskommune (2020–2023)",
        "Selection: the whole county",
        "Created 2024-08-15",
        "2 of 2 regions have reported for Q2 2024 (5 of 6 commitments).",
        "Key figures",
        "Key figures Value Change since Q1 2024",
        "Reported 5 of 6 –",
        "On track or completed 80% \u221220.0 pp",
        "On track 60% \u221240.0 pp",
        "Delayed 20% +20.0 pp",
        "Completed 20% +20.0 pp",
        "Average progress 45% +3.0 pp",
    ]
    assert (
        "The shares are of the 5 reported commitments. Not reported: 1 commitment (status unknown, not counted as "
        "delayed). Change since Q1 2024 in percentage points, for the same 5 commitments reported in both quarters. "
        "Delayed now (1)"
    ) in " ".join(lines)
    assert "No commitments have become delayed since the previous quarter." not in lines
    assert b"/Lang (en)" in data


def test_brief_without_commitments_draws_no_chart(dataset, blank_charts):
    empty = apply_filters(dataset, Filters(council_area="Kultur og mangfold"))

    lines = pdf_lines(report.pdf_brief(empty, "2024-Q2", "nb", NOTE, created=CREATED))

    assert blank_charts == []
    assert lines[lines.index("Status per kvartal") + 1] == "Ingen data for dette utvalget."
    assert lines[lines.index("Per region") + 1] == "Ingen tiltak i dette utvalget."


def test_many_regions_are_charted_twenty_at_a_time(db, blank_charts):
    build_register(
        db,
        regions={
            f"Region {number:02d}": {
                "agreements": [Agreement("2024-2027", commitments=[Commitment("1", "Samarbeide")])]
            }
            for number in range(41)
        },
    )
    add_reports(db, [(f"Region {number:02d}", "1", "2024-Q2", "on_track", 50) for number in range(41)])

    data = report.pdf_brief(load_dataset(db), "2024-Q2", "nb", NOTE, created=CREATED)

    # The chart per quarter, then the regions in three parts.
    assert [list(figure.data[0].y) for figure in blank_charts[1:]] == [
        [f"Region {number:02d}" for number in range(0, 20)],
        [f"Region {number:02d}" for number in range(20, 40)],
        ["Region 40"],
    ]
    document = pdfium.PdfDocument(data)
    assert sum(len(list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))) for page in document) == 4
    document.close()


@pytest.fixture
def without_dejavu(monkeypatch, tmp_path):
    monkeypatch.setattr(report, "FONT_DIRECTORY", tmp_path)
    report._fonts.cache_clear()
    yield
    report._fonts.cache_clear()


def test_brief_falls_back_to_helvetica_without_dejavu(dataset, blank_charts, without_dejavu):
    data = report.pdf_brief(dataset, "2024-Q2", "nb", NOTE, created=CREATED)
    lines = pdf_lines(data)

    assert b"DejaVuSans" not in data
    assert lines[1:4] == ["Kvartalsrapport – 2. kv. 2024", "Viken fylkeskommune (2020–2023)", NOTE]
    assert "1. kv. 2024 -> 2. kv. 2024" in lines
    # Helvetica has no minus sign (U+2212); the hyphen stands in for it.
    assert "I rute eller fullført 80 % -20,0 pp" in lines
    assert "Regionrådet for Hallingdal, Numedal og Kongsberg 2 1 0 0 1 100 % 25 %" in " ".join(lines)


# --- chart rendering ------------------------------------------------------------------------


def test_missing_chromium_is_named_with_what_to_do(monkeypatch, tmp_path):
    # Choreographer and we both take the browser from BROWSER_PATH when it is set.
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "chromium"))

    with pytest.raises(ChromiumMissing) as missing:
        images.render_charts([go.Figure()])

    assert str(missing.value) == (
        f"Finner ikke Chromium ({tmp_path / 'chromium'}), som PDF-rapporten trenger for å tegne figurene. "
        "Installer den med «bash scripts/ensure-chromium», eller sett BROWSER_PATH til en Chromium som finnes."
    )


def test_missing_chromium_stops_the_brief_before_any_work(dataset, monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "chromium"))

    with pytest.raises(ChromiumMissing):
        report.pdf_brief(dataset, "2024-Q2", "nb", NOTE)


@pytest.mark.slow
def test_a_browser_that_will_not_start_is_reported(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/bin/false")

    with pytest.raises(ChartRenderingFailed) as failed:
        images.render_charts([go.Figure()])

    assert str(failed.value) == (
        "Figurene til PDF-rapporten kunne ikke tegnes: Chromium (/bin/false) startet ikke eller stoppet underveis. "
        "Prøv igjen; hjelper ikke det, last ned Excel-rapporten i stedet og meld fra til den som drifter dashbordet."
    )


def test_the_drawing_page_loads_only_local_scripts():
    page = images._page_generator().generate_index()

    plotly_js = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").as_uri()
    kaleido_js = (Path(kaleido.__file__).parent / "vendor" / "kaleido_scopes.js").as_uri()
    # No MathJax (kaleido would take it from a CDN) and plotly.js from the installed package.
    assert re.findall(r'src="([^"]+)"', page) == [plotly_js, kaleido_js]
    assert "--host-resolver-rules=MAP * ~NOTFOUND" in images.OFFLINE_CHROMIUM_ARGS
