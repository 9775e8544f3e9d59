"""outputs.tables: tables as formatted Excel and as CSV, with user text kept inert."""

import csv
import datetime as dt
import io

import openpyxl
import pandas as pd

from outputs.tables import Table, commitments_export, created_line, csv_bytes, file_stem, sheet_name, workbook_bytes

FRAME = pd.DataFrame(
    {
        "region": ["Follorådet", "Indre Østfold regionråd"],
        "code": ["1.1", "2.1.A"],
        "status": ["delayed", "not_reported"],
        "progress": pd.array([45, None], dtype="Int64"),
        "comment": ["=1+1", None],
        "sdgs": ["9, 11", None],
        "last_reported": ["2024-Q2", None],
    }
)
COLUMNS = ("region", "code", "status", "progress", "comment", "sdgs", "last_reported")


def test_commitments_export_puts_words_for_people():
    table = commitments_export(FRAME, COLUMNS, "nb", title="Tiltak", note="Utvalg: hele fylket")
    assert list(table.frame.columns) == [
        "Region",
        "Nr",
        "Status",
        "Fremdrift",
        "Kommentar",
        "Bærekraftsmål",
        "Sist rapportert",
    ]
    assert table.frame.astype(object).where(table.frame.notna(), None).values.tolist() == [
        ["Follorådet", "1.1", "Forsinket", 45, "=1+1", "9, 11", "2. kv. 2024"],
        ["Indre Østfold regionråd", "2.1.A", "Ikke rapportert", None, None, None, None],
    ]
    assert table.percent_columns == ("Fremdrift",)


def test_csv_has_a_bom_semicolons_and_no_live_formulas():
    table = commitments_export(FRAME, COLUMNS, "nb", title="Tiltak", note="")
    data = csv_bytes(table)
    assert data.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")) == [
        ["Region", "Nr", "Status", "Fremdrift", "Kommentar", "Bærekraftsmål", "Sist rapportert"],
        ["Follorådet", "1.1", "Forsinket", "45", "'=1+1", "9, 11", "2. kv. 2024"],
        ["Indre Østfold regionråd", "2.1.A", "Ikke rapportert", "", "", "", ""],
    ]
    assert csv_bytes(table, ",").decode("utf-8-sig").splitlines()[0].count(",") == 6


def test_workbook_has_title_note_header_percent_and_strings_only():
    table = commitments_export(FRAME, COLUMNS, "nb", title="Tiltak", note="Utvalg: hele fylket")
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes([table, Table("Tom", "", pd.DataFrame())])))
    assert book.sheetnames == ["Tiltak", "Tom"]
    sheet = book["Tiltak"]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["Tiltak", None, None, None, None, None, None],
        ["Utvalg: hele fylket", None, None, None, None, None, None],
        [None] * 7,
        ["Region", "Nr", "Status", "Fremdrift", "Kommentar", "Bærekraftsmål", "Sist rapportert"],
        ["Follorådet", "1.1", "Forsinket", 0.45, "=1+1", "9, 11", "2. kv. 2024"],
        ["Indre Østfold regionråd", "2.1.A", "Ikke rapportert", None, None, None, None],
    ]
    assert sheet["E5"].data_type == "s"
    assert sheet["D5"].number_format == "0 %"
    assert sheet.freeze_panes == "A5"
    assert sheet.auto_filter.ref == "A4:G6"


def test_sheet_names_are_what_excel_accepts_and_unique():
    used: set[str] = set()
    assert [
        sheet_name(name, used)
        for name in ("Regionrådet for Hallingdal, Numedal og Kongsberg", "a/b:c", "Follo", "follo", "")
    ] == [
        "Regionrådet for Hallingdal, Num",
        "a b c",
        "Follo",
        "follo (2)",
        "Ark",
    ]


def test_file_stems_and_the_created_line():
    assert file_stem("Nylig forsinket", "2024-Q2") == "nylig-forsinket-2024-Q2"
    assert file_stem("Bærekraftsmål «SDG 11» / Øst") == "baerekraftsmal-sdg-11-ost"
    assert file_stem("…") == "tabell"
    moment = dt.datetime(2026, 11, 23, 9, 5)
    assert created_line("Utvalg: hele fylket", "nb", moment) == "Utvalg: hele fylket · laget 23.11.2026 kl. 09:05"
    assert created_line("Selection: all", "en", moment) == "Selection: all · created 2026-11-23 09:05"
