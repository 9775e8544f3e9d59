"""Values from the field that the status loader read wrong or refused in words nobody could act on.

Issue 12, part 3 (docs/field-log.md, kinds 7, 8 and 11, rows 12–14 and 20–22): whole numbers under a
percent format, fractions meant as percentages, invisible format characters, control characters, and
codes typed with a decimal comma. Each test builds its workbook in code and asserts the whole stored
reports, or the whole refusal and that nothing was written. Exports of old data holding control
characters are at the end.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from pathlib import Path

import openpyxl
import pandas as pd
import pypdfium2 as pdfium
import pytest
import xlsxwriter
from PIL import Image

from core.dataset import load_dataset
from core.db import write_transaction
from core.errors import MonitorError
from core.register import Agreement, Commitment, FocusArea
from core.users import add_user, get_user
from core.vocabulary import clean_paragraphs, clean_text, fold
from loaders.agreement_layout import parse_agreement_text
from loaders.catalogue import read_catalogue
from loaders.status import load_status
from outputs import report
from outputs.export import export
from outputs.tables import Table, csv_bytes, workbook_bytes
from outputs.template import template_bytes
from tests.builders import ADMIN, HEADER, build_small_register, dump, report_rows, status_workbook


@pytest.fixture
def register(db):
    build_small_register(db)
    return db


def refused_without_writing(register, path: Path) -> tuple[str, list[str]]:
    """The refusal (str(error) and its errors), after checking that the database did not change."""
    before = dump(register)
    with pytest.raises(MonitorError) as caught:
        load_status(register, path, user=ADMIN)
    assert dump(register) == before
    return str(caught.value), [str(error) for error in getattr(caught.value, "errors", [])]


# --- percent format and fractions ------------------------------------------------------------------


def test_whole_numbers_under_a_percent_format_are_refused_saying_what_excel_shows(register, tmp_path):
    """40 under "0 %" shows as 4000 %: the format was set after the number was typed (field log row 12)."""
    book, sheet = status_workbook(
        [
            ["Follo", "1.1", "2023-Q2", "I rute", 40, "", "", ""],
            ["Follo", "1.2", "2023-Q2", "I rute", 1.5, "", "", ""],
        ]
    )
    sheet["E2"].number_format = "0 %"
    sheet["E3"].number_format = "0.0%"
    book.save(path := tmp_path / "prosent.xlsx")

    messages = [
        "Arket «Status», rad 2 (tiltak 1.1), kolonne E (Fremdrift (%)): «4000 %» – cellen er formatert som "
        "prosent, så 40 vises som 4000 %. Fjern prosentformatet (velg tallformatet Standard for cellen), så "
        "står det 40, og last opp på nytt.",
        "Arket «Status», rad 3 (tiltak 1.2), kolonne E (Fremdrift (%)): «150 %» – cellen er formatert som "
        "prosent, så 1,5 vises som 150 %. Fjern prosentformatet (velg tallformatet Standard for cellen), så "
        "står det 1,5, og last opp på nytt.",
    ]
    assert refused_without_writing(register, path) == (
        f"Filen ble ikke lagret: 2 feil. Første: {messages[0]}",
        messages,
    )


def test_whole_number_under_a_percent_format_in_english(register, tmp_path):
    book, sheet = status_workbook([["Follo", "1.1", "2023-Q2", "I rute", 40, "", "", ""]])
    sheet["E2"].number_format = "0%"
    book.save(path := tmp_path / "prosent.xlsx")
    with pytest.raises(MonitorError) as caught:
        load_status(register, path, user=ADMIN)
    assert [error.message("en") for error in caught.value.errors] == [
        "Sheet “Status”, row 2 (commitment 1.1), column E (Fremdrift (%)): “4000 %” – the cell is formatted "
        "as a percentage, so 40 shows as 4000 %. Remove the percentage format (choose the General number format "
        "for the cell) so that it shows 40, and upload the file again."
    ]


def test_fraction_without_a_percent_is_refused_asking_whether_a_percentage_was_meant(register, tmp_path):
    """0,4 pasted from a sheet that computed shares was stored as 0 % (field log row 12, the other way round)."""
    book, _ = status_workbook(
        [
            ["Follo", "1.1", "2023-Q2", "I rute", 0.4, "", "", ""],
            ["Follo", "1.2", "2023-Q2", "I rute", "0,4", "", "", ""],
            ["IØR", "1.1", "2023-Q2", "I rute", 0.375, "", "", ""],
            # A share computed elsewhere: the suggestion is rounded as progress is stored.
            ["IØR", "1.2", "2023-Q2", "I rute", 0.669838, "", "", ""],
        ]
    )
    book.save(path := tmp_path / "andel.xlsx")

    messages = [
        f"Arket «Status», rad {row} (tiltak {code}), kolonne E (Fremdrift (%)): «{shown}» – mente du {percent} %? "
        f"Fremdrift er et helt tall fra 0 til 100: skriv {percent} (uten %-tegn)."
        for row, code, shown, percent in (
            (2, "1.1", "0,4", "40"),
            (3, "1.2", "0,4", "40"),
            (4, "1.1", "0,375", "38"),
            (5, "1.2", "0,6698", "67"),
        )
    ]
    assert refused_without_writing(register, path) == (
        f"Filen ble ikke lagret: 4 feil. Første: {messages[0]}",
        messages,
    )


def test_zero_one_and_a_small_percentage_written_with_its_sign_are_kept(register, tmp_path):
    """Only a fraction without a percent sign is doubtful: 0 is 0 %, 1 is 1 %, "0,4 %" rounds to 0 %."""
    book, _ = status_workbook(
        [
            ["Follo", "1.1", "2023-Q2", "Ikke startet", 0, "", "", ""],
            ["Follo", "1.2", "2023-Q2", "I rute", 1, "", "", ""],
            ["IØR", "1.1", "2023-Q2", "I rute", "0,4 %", "", "", ""],
            ["IØR", "1.2", "2023-Q2", "I rute", "1", "", "", ""],
        ]
    )
    book.save(path := tmp_path / "smaa.xlsx")
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [
        ("Follo", "1.1", "2023-Q2", "not_started", 0, None, None, None),
        ("Follo", "1.2", "2023-Q2", "on_track", 1, None, None, None),
        ("IØR", "1.1", "2023-Q2", "on_track", 0, None, None, None),
        ("IØR", "1.2", "2023-Q2", "on_track", 1, None, None, None),
    ]


# --- invisible and control characters ------------------------------------------------------------


def test_invisible_format_characters_are_removed_from_values_and_headers(register, tmp_path):
    """Zero-width space, BOM, direction marks, word joiner and soft hyphen look like nothing, so a value
    holding one looked right and matched nothing (field log kinds 7 and 8, rows 20–22).

    Sources: "零宽空格 U+200B 引发的问题及扩展" (tofrankie/blog#296); "Try not to error out on invisible
    zero-width characters" (lucivpav/cwg#64); "Excel adds BOM to UTF-8 on save as CSV causing column header
    rename to fail" (VertNet/bels#39).
    """
    header = ["\ufeffRegion", "Nr\u200b", "Kvartal", "Status", "Fremdrift (%)", "Kommentar", "Neste steg", "Ansvarlig"]
    book, _ = status_workbook(
        [
            ["Follo", "1.1", "2023-Q2", "I rute\u200b", 10, "Bra\u200b", "Mø\u00adte i mai", "\ufeffKari"],
            ["\u200fFollo", "1.2\u200b", "2023-Q2", "\u200eI rute", "\u200b", "\u2060", "", "Ola\u200e"],
            ["Follo\u200b", "1.1", "2023-Q3", "For\u200dsinket", "4\u200b5", "", "", ""],
        ],
        header=header,
    )
    book.save(path := tmp_path / "usynlig.xlsx")
    result = load_status(register, path, user=ADMIN)
    assert (result.summary, [warning.message("nb") for warning in result.warnings]) == (
        "Lagret som opplasting 1: 3 lagt til, 0 endret, 0 uendret.",
        # The third row is for another quarter (to reach both 1.1 reports), which is all the warning is about.
        [
            "Filen har rapporter for flere kvartaler: 2. kv. 2023 (2 rader) og 3. kv. 2023 (rad 4). Sjekk "
            "kolonnen Kvartal: malen er laget for ett kvartal per fil."
        ],
    )
    assert report_rows(register) == [
        ("Follo", "1.1", "2023-Q2", "on_track", 10, "Bra", "Møte i mai", "Kari"),
        ("Follo", "1.1", "2023-Q3", "delayed", 45, None, None, None),
        ("Follo", "1.2", "2023-Q2", "on_track", None, None, None, "Ola"),
    ]


def test_control_characters_in_a_workbook_never_reach_the_database(register, tmp_path):
    """NUL and vertical tab (xlsxwriter writes them as _x0000_ and _x000B_; calamine gives them back)."""
    book = xlsxwriter.Workbook(path := tmp_path / "kontroll.xlsx")
    sheet = book.add_worksheet("Status")
    sheet.write_row(0, 0, HEADER)
    sheet.write_row(1, 0, ["Follo", "1.1\x00", "2023-Q2", "I rute", 10, "Bra\x00 nok", "Møte\x0bi mai", "\x01Kari"])
    sheet.write_row(2, 0, ["Follo", "1.2", "2023-Q2", "I rute", "\x00", "Linje 1\x00\nLinje 2", "", "\x7f"])
    book.close()
    load_status(register, path, user=ADMIN, file_name="status\x00\u202e.xlsx")
    assert report_rows(register) == [
        ("Follo", "1.1", "2023-Q2", "on_track", 10, "Bra nok", "Møte i mai", "Kari"),
        ("Follo", "1.2", "2023-Q2", "on_track", None, "Linje 1\nLinje 2", None, None),
    ]
    assert register.execute("SELECT file_name FROM uploads").fetchall() == [("status.xlsx",)]


def test_the_cleaner_removes_exactly_format_controls_and_white_space_from_a_lone_character():
    """What a cell holding one character becomes blank for: Unicode's Cf and Cc and white space, nothing else."""
    gone = {
        code
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) != "Cs" and not clean_text(chr(code))
    }
    expected = {
        code
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cf", "Cc") or chr(code).isspace()
    }
    assert gone == expected


def test_every_cleaner_drops_invisible_and_control_characters():
    """clean_text, clean_paragraphs (which keeps line breaks) and fold (the matching key) alike."""
    assert [
        clean_text("\ufeff I\u00a0rute\u200b\x00 "),
        clean_text("a\x0bb\tc\x1fd\x85e"),
        clean_text("Follora\u200b\u030adet"),
        clean_paragraphs("Linje\u200b 1\r\n\x00Linje 2\u2060"),
        fold("\u200eFOLLO\u200f"),
    ] == ["I rute", "a b c d e", "Follorådet", "Linje 1\nLinje 2", "follo"]


def test_catalogue_text_is_cleaned_of_invisible_and_control_characters(db, tmp_path):
    """The commitment catalogue goes through the same cleaner: region, code, text, focus area, hashtag."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tiltak"
    sheet.append(["\ufeffRegion", "Nr", "Tiltak", "Innsatsområde", "Emneknagg", "Rådsområde", "Bærekraftsmål"])
    sheet.append(
        [
            "Follo\u200brådet",
            "1.1\u200b",
            "Felles\u00ad fagskole\u2060",
            "1 - Utdanning\u200e",
            "#kompe\u200btanse",
            "",
            "4",
        ]
    )
    book.save(path := tmp_path / "katalog.xlsx")
    assert read_catalogue(db, path) == {
        "Follorådet": Agreement(
            period="løpende",
            focus_areas=[FocusArea("1", "Utdanning", "#kompetanse", [4])],
            commitments=[Commitment("1.1", "Felles fagskole", "1")],
        )
    }


def test_agreement_text_is_cleaned_of_invisible_and_control_characters():
    """An agreement pasted from a web page or a PDF: a BOM first, zero-width spaces and a NUL inside."""
    text = "\ufeffPartnerskapsavtale 2024-2025\n1 - Utdanning\u200b #kompetanseløft\n1.1 Første\x00 tiltak\u200b\n"
    assert parse_agreement_text(text) == Agreement(
        period="2024-2025",
        title="Partnerskapsavtale 2024-2025",
        focus_areas=[FocusArea("1", "Utdanning", "#kompetanseløft", [])],
        commitments=[Commitment("1.1", "Første tiltak", focus_area="1")],
    )


def test_account_names_are_cleaned_like_every_stored_text(register):
    add_user(register, "kari", "\ufeffKari\x00 Nordmann\u200b", "rapportør", regions=("Follo",))
    assert get_user(register, "kari").name == "Kari Nordmann"


# --- codes typed with a decimal comma --------------------------------------------------------------


def test_code_typed_with_a_decimal_comma_is_read_as_the_code_with_a_point(register, tmp_path):
    """Norwegian Excel writes decimals with a comma, so 1.2 is typed 1,2 (field log kind 11, row 14).

    Source: "FASTSATT (funksjon)", Microsoft support nb-no
    (https://support.microsoft.com/nb-no/office/fastsatt-funksjon-ffd5723c-324c-45e9-8b96-e41be2a8274a).
    """
    book, _ = status_workbook(
        [
            ["Follo", "1,2", "2023-Q2", "I rute", 10, "", "", ""],
            ["IØR", "1,10", "2023-Q2", "I rute", 20, "", "", ""],
            ["IØR", "1,1", "2023-Q2", "I rute", 30, "", "", ""],
            ["IØR", "2,1,A", "2023-Q2", "I rute", 40, "", "", ""],
        ]
    )
    book.save(path := tmp_path / "komma.xlsx")
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [
        ("Follo", "1.2", "2023-Q2", "on_track", 10, None, None, None),
        ("IØR", "1.1", "2023-Q2", "on_track", 30, None, None, None),
        ("IØR", "1.10", "2023-Q2", "on_track", 20, None, None, None),
        ("IØR", "2.1.A", "2023-Q2", "on_track", 40, None, None, None),
    ]


def test_code_with_a_comma_that_is_not_in_the_register_says_to_write_a_point(register, tmp_path):
    book, _ = status_workbook(
        [
            ["Follo", "1,7", "2023-Q2", "I rute", 10, "", "", ""],
            ["Follo", "1.7", "2023-Q2", "I rute", 10, "", "", ""],
        ]
    )
    book.save(path := tmp_path / "komma.xlsx")
    messages = [
        "Arket «Status», rad 2, kolonne B (Nr): «1,7» – Follorådet har ikke noe tiltak med dette nummeret. "
        "Skriv nummeret med punktum, slik registeret gjør (for eksempel 1.2).",
        "Arket «Status», rad 3, kolonne B (Nr): «1.7» – Follorådet har ikke noe tiltak med dette nummeret.",
    ]
    assert refused_without_writing(register, path) == (
        f"Filen ble ikke lagret: 2 feil. Første: {messages[0]}",
        messages,
    )


# --- exports of old data holding control characters ------------------------------------------------

OLD_COMMENT, OLD_NEXT_STEP, OLD_OWNER = "Bra\x00 nok", "Møte\x0bi mai", "=\x00Kari"


@pytest.fixture
def old_data(register, tmp_path):
    """A report saved before the loaders cleaned text: NUL and a vertical tab in the database."""
    book, _ = status_workbook([["Follo", "1.1", "2023-Q2", "Forsinket", 10, "x", "x", "x"]])
    book.save(path := tmp_path / "gammel.xlsx")
    load_status(register, path, user=ADMIN)
    with write_transaction(register):
        register.execute(
            "UPDATE status_reports SET comment = ?, next_step = ?, owner = ?", (OLD_COMMENT, OLD_NEXT_STEP, OLD_OWNER)
        )
    return register


def test_exports_of_old_data_leave_control_characters_out(old_data, tmp_path):
    """openpyxl refuses NUL (IllegalCharacterError) and xlsxwriter would write it as _x0000_."""
    for fmt in ("xlsx", "csv", "json"):
        assert export(old_data, "status", fmt, tmp_path / f"status.{fmt}") == 1
    sheet = openpyxl.load_workbook(tmp_path / "status.xlsx").active
    with open(tmp_path / "status.csv", encoding="utf-8-sig", newline="") as handle:
        csv_rows = list(csv.reader(handle, delimiter=";"))
    assert [list(row) for row in sheet.iter_rows(values_only=True)][1:] == [
        ["Follorådet", "1.1", "2023-Q2", "delayed", 10, "Bra nok", "Møte i mai", "=Kari"]
    ]
    assert csv_rows[1:] == [["Follorådet", "1.1", "2023-Q2", "delayed", "10", "Bra nok", "Møte i mai", "'=Kari"]]
    assert json.loads((tmp_path / "status.json").read_text(encoding="utf-8")) == [
        {
            "region": "Follorådet",
            "code": "1.1",
            "quarter": "2023-Q2",
            "status": "delayed",
            "progress": 10,
            "comment": "Bra nok",
            "next_step": "Møte i mai",
            "owner": "=Kari",
        }
    ]


def test_page_tables_downloaded_as_excel_or_csv_leave_control_characters_out():
    frame = pd.DataFrame({"Kommentar\x00": [OLD_COMMENT], "Ansvarlig": [OLD_OWNER], "Fremdrift": [10]})
    table = Table(title="Tiltak\x0bi Follo", note="Utvalg\x00: alle", frame=frame, percent_columns=("Fremdrift",))
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes([table])))
    assert book.sheetnames == ["Tiltak i Follo"]
    sheet = book.active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["Tiltak i Follo", None, None],
        ["Utvalg: alle", None, None],
        [None, None, None],
        ["Kommentar", "Ansvarlig", "Fremdrift"],
        ["Bra nok", "=Kari", 0.1],
    ]
    assert csv_bytes(table).decode("utf-8-sig") == "Kommentar;Ansvarlig;Fremdrift\r\nBra nok;'=Kari;10\r\n"


def test_template_prefilled_from_old_data_leaves_control_characters_out(old_data):
    data, _ = template_bytes(old_data, "Follorådet", "2023-Q3")
    rows = list(openpyxl.load_workbook(io.BytesIO(data))["Status"].iter_rows(values_only=True))
    header = next(index for index, row in enumerate(rows) if "Ansvarlig" in row)
    owner = rows[header].index("Ansvarlig")
    # Ansvarlig is prefilled from the last report; the template writes it as text, never as a formula.
    assert [row[owner] for row in rows[header + 1 :]] == ["=Kari", None]


def test_pdf_brief_from_old_data_leaves_control_characters_out(old_data, monkeypatch):
    """The delayed commitment's comment and next step are listed in the brief; charts drawn as blank PNGs."""
    buffer = io.BytesIO()
    Image.new("RGBA", (8, 4), "white").save(buffer, "PNG")
    monkeypatch.setattr(report, "render_charts", lambda figures: [buffer.getvalue()] * len(figures))

    brief = report.pdf_brief(load_dataset(old_data), "2023-Q2", "nb", "Utvalg: alle", commentary="Notat\x00 her")
    document = pdfium.PdfDocument(brief)
    try:
        text = "\n".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()
    assert ("Notat her" in text, "Bra nok" in text, "Møte i mai" in text) == (True, True, True)
    assert [
        character for character in text if unicodedata.category(character) == "Cc" and character not in "\r\n"
    ] == []
