"""Workbooks from the field that the status loader handles right today (docs/field-log.md).

Each test rebuilds, in code, one kind of quirk that people who fill in or load
Excel workbooks report in public, and keeps what the loader does with it: the
whole stored reports, or the whole message. The kinds that fail today are listed
at the end of the field log, not tested here.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from core.errors import MonitorError
from loaders.status import load_status
from tests.builders import ADMIN, HEADER, build_small_register, report_rows, rewrite_zip, status_workbook

STATUSES = ["Ikke startet", "I rute", "Forsinket", "Fullført", "Utgår"]
SAVED_AS_1 = "Lagret som opplasting 1: 1 lagt til, 0 endret, 0 uendret."
FOLLO_ROW = ["Follo", "1.1", "2023-Q2", "I rute", 10, "", "", ""]
FOLLO_REPORT = ("Follo", "1.1", "2023-Q2", "on_track", 10, None, None, None)


@pytest.fixture
def register(db):
    build_small_register(db)
    return db


def refusal(register, path: Path) -> tuple[str, list[str]]:
    """What the loader said when it refused the file: str(error) and its list of errors, if any."""
    with pytest.raises(MonitorError) as caught:
        load_status(register, path, user=ADMIN)
    return str(caught.value), [str(error) for error in getattr(caught.value, "errors", [])]


# --- cell values -------------------------------------------------------------------


def test_numbers_stored_as_text_are_read_as_numbers(register, tmp_path):
    """Numbers stored as text (the green triangle), codes and progress alike.

    Source: "Python pandas: how to specify data types when reading an Excel file?"
    (https://python-decompiler.com/article/2015-09/python-pandas-how-to-specify-data-types-when-reading-an-excel-file).
    """
    book, _ = status_workbook(
        [
            ["IØR", "1.10", "2023-Q2", "I rute", "45", "", "", ""],
            ["Follo", "1.2", "2023-Q2", "Forsinket", "045", "", "", ""],
        ]
    )
    book.save(path := tmp_path / "tekst.xlsx")
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [
        ("Follo", "1.2", "2023-Q2", "delayed", 45, None, None, None),
        ("IØR", "1.10", "2023-Q2", "on_track", 45, None, None, None),
    ]


def test_code_shown_as_1_10_but_stored_as_the_number_1_1_is_refused_with_the_reason(register, tmp_path):
    """A code cell formatted 0.00 shows 1.10, but holds 1.1; Indre Østfold has both 1.1 and 1.10.

    Source: Microsoft KB Q159491, "XL: Text or Number Converted to Unintended Number Format"
    (https://techshelps.github.io/MSDN/KB/Source/excel/q159491.htm).
    """
    book, sheet = status_workbook([["IØR", 1.1, "2023-Q2", "I rute", 10, "", "", ""]])
    sheet["B2"].number_format = "0.00"
    book.save(path := tmp_path / "kode.xlsx")
    message = (
        "Arket «Status», rad 2, kolonne B (Nr): «1.1» – nummeret er lagret som tall, og Excel skiller ikke "
        "1.1 og 1.10. Formater kolonnen som tekst og skriv nummeret på nytt."
    )
    assert refusal(register, path) == (f"Filen ble ikke lagret: 1 feil: {message}", [message])


def test_code_that_norwegian_excel_turned_into_a_date_is_refused_with_the_reason(register, tmp_path):
    """Typing 1.1 in Norwegian Excel gives the date 1. jan.

    Source: "Does Excel make numbers into dates?" (https://softwarefiesta.com/does-excel-make-numbers-into-dates).
    """
    book, sheet = status_workbook([["IØR", dt.datetime(2026, 1, 1), "2023-Q2", "I rute", 10, "", "", ""]])
    sheet["B2"].number_format = "d. mmm"
    book.save(path := tmp_path / "dato.xlsx")
    message = (
        "Arket «Status», rad 2, kolonne B (Nr): «01.01.2026» – Excel har gjort nummeret om til en dato. "
        "Formater kolonnen som tekst og skriv nummeret på nytt."
    )
    assert refusal(register, path) == (f"Filen ble ikke lagret: 1 feil: {message}", [message])


def test_percent_formats_and_percent_text_mean_percent(register, tmp_path):
    """0.45 shown as 45 % is 45, under the built-in and custom percent formats and as text.

    Source: "C# Excel percentages converted to decimals"
    (https://stackoverflow.com/questions/11139292/c-sharp-excel-percentages-converted-to-decimals).
    """
    book, sheet = status_workbook(
        [
            ["IØR", "1.1", "2023-Q2", "I rute", 0.45, "", "", ""],
            ["IØR", "1.2", "2023-Q2", "I rute", 0.375, "", "", ""],
            ["IØR", "1.10", "2023-Q2", "I rute", "45 %", "", "", ""],
            ["Follo", "1.1", "2023-Q2", "I rute", "45,5 %", "", "", ""],
            ["Follo", "1.2", "2023-Q2", "Fullført", 1, "", "", ""],
        ]
    )
    sheet["E2"].number_format = "0 %"
    sheet["E3"].number_format = "0.0%"
    sheet["E6"].number_format = "0%"
    book.save(path := tmp_path / "prosent.xlsx")
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [
        ("Follo", "1.1", "2023-Q2", "on_track", 46, None, None, None),
        ("Follo", "1.2", "2023-Q2", "completed", 100, None, None, None),
        ("IØR", "1.1", "2023-Q2", "on_track", 45, None, None, None),
        ("IØR", "1.2", "2023-Q2", "on_track", 38, None, None, None),
        ("IØR", "1.10", "2023-Q2", "on_track", 45, None, None, None),
    ]


def test_decimal_comma_in_progress_typed_as_text(register, tmp_path):
    """Norwegian decimal comma: "45,5" rounds half up to 46.

    Source: "Skrive inn tall i Excel" (https://www.notmywar.com/skrive-inn-tall-i-excel/).
    """
    book, _ = status_workbook(
        [
            ["Follo", "1.1", "2023-Q2", "I rute", "45,5", "", "", ""],
            ["Follo", "1.2", "2023-Q2", "I rute", "12,4", "", "", ""],
        ]
    )
    book.save(path := tmp_path / "komma.xlsx")
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [
        ("Follo", "1.1", "2023-Q2", "on_track", 46, None, None, None),
        ("Follo", "1.2", "2023-Q2", "on_track", 12, None, None, None),
    ]


def test_words_like_none_and_na_stay_text(register, tmp_path):
    """Words like None, NA and nan typed in a comment are words, not missing values.

    Source: pandas read_excel turns the string "None" into NaN (https://blog.aisem.top/archive/2827.html).
    """
    book, _ = status_workbook(
        [
            ["Follo", "1.1", "2023-Q2", "I rute", 10, "None", "N/A", "NA"],
            ["Follo", "1.2", "2023-Q2", "I rute", 10, "NULL", "-", "nan"],
        ]
    )
    book.save(path := tmp_path / "none.xlsx")
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [
        ("Follo", "1.1", "2023-Q2", "on_track", 10, "None", "N/A", "NA"),
        ("Follo", "1.2", "2023-Q2", "on_track", 10, "NULL", "-", "nan"),
    ]


def test_no_break_spaces_and_a_line_break_in_a_header(register, tmp_path):
    """No-break spaces in values and headers, and a header typed with Alt+Enter, match.

    Source: "零宽空格 U+200B 引发的问题及扩展", on invisible spaces breaking matching (tofrankie/blog#296).
    """
    header = ["Region", "Nr", "Kvartal", "Status", "Fremdrift\n(%)", "Kommentar", "Neste\u00a0steg", " Ansvarlig "]
    book, _ = status_workbook(
        [["\u00a0Follorådet\u00a0", "1.1\u00a0", "2023-Q2", "I\u00a0rute", 10, "", "Møte\u00a0i mai", ""]],
        header=header,
    )
    book.save(path := tmp_path / "nbsp.xlsx")
    result = load_status(register, path, user=ADMIN)
    assert (result.summary, result.warnings) == (SAVED_AS_1, [])
    assert report_rows(register) == [("Follo", "1.1", "2023-Q2", "on_track", 10, None, "Møte i mai", None)]


def test_letters_typed_on_a_mac_are_stored_composed(register, tmp_path):
    """å typed on a Mac arrives as a + combining ring (NFD); it matches and is stored as NFC.

    Source: "Match pilot profile pictures against macOS-decomposed file names" (uewepuep/FPVTracksideCore#75).
    """
    book, _ = status_workbook(
        [
            ["Follora\u030adet", "1.1", "2023-Q2", "Utga\u030ar", 0, "Ma\u030al na\u030add", "", "A\u030ase"],
            ["Indre Østfold regionra\u030ad", "1.2", "2023-Q2", "Fullført", 100, "", "", ""],
        ]
    )
    book.save(path := tmp_path / "mac.xlsx")
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [
        ("Follo", "1.1", "2023-Q2", "cancelled", 0, "M\u00e5l n\u00e5dd", None, "\u00c5se"),
        ("IØR", "1.2", "2023-Q2", "completed", 100, None, None, None),
    ]


# --- formulas ----------------------------------------------------------------------


def test_formulas_with_saved_values_are_read(register, tmp_path):
    """Formulas whose results were saved, in a workbook that does not ask to be recalculated on open
    (xlsxwriter's value argument, with the fullCalcOnLoad flag taken out as Excel does when it saves).

    Source: "Openpyxl 'data_only=True' shows Excel formula filed value as 'None'" (felipe-prenholato/openpyxl#69).
    """
    book = xlsxwriter.Workbook(path := tmp_path / "formel.xlsx")
    sheet = book.add_worksheet("Status")
    sheet.write_row(0, 0, HEADER)
    sheet.write_row(1, 0, ["Follo", "1.1", "2023-Q2"])
    sheet.write_formula(1, 3, '=IF(1=1,"I rute","Forsinket")', None, "I rute")
    sheet.write_formula(1, 4, "=20+25", None, 45)
    book.close()
    rewrite_zip(path, lambda name, data: (name, data.replace(b' fullCalcOnLoad="1"', b"")))
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [("Follo", "1.1", "2023-Q2", "on_track", 45, None, None, None)]


def test_formulas_a_script_wrote_and_nobody_calculated_are_named_by_cell(register, tmp_path):
    """openpyxl writes formulas without results; the cells are named and nothing is guessed.

    Source: "fix(qa): read the value Excel computed, not the formula behind it" (infiniflow/ragflow#19737).
    """
    book, _ = status_workbook(
        [
            ["Follo", "1.1", "2023-Q2", "I rute", "=20+25", "", "", ""],
            ["Follo", "1.2", "2023-Q2", '=IF(1=1,"I rute","")', "=10*2", "", "", ""],
        ]
    )
    book.save(path := tmp_path / "uberegnet.xlsx")
    assert refusal(register, path) == (
        "Arket «Status», cellene E2, D3 og E3: formlene har ingen lagret verdi. "
        "Åpne filen i Excel, lagre den og last opp på nytt.",
        [],
    )


# --- sheets, rows and tables --------------------------------------------------------


def test_hidden_first_sheet_is_passed_over(register, tmp_path):
    """A hidden list sheet first, the data in the first visible sheet.

    Source: "Have a way to reveal sheet state (hidden vs visible)" (tidyverse/readxl#533).
    """
    book = openpyxl.Workbook()
    lists = book.active
    lists.title = "Lister"
    for status in STATUSES:
        lists.append([status])
    lists.sheet_state = "hidden"
    sheet = book.create_sheet("Ark1")
    sheet.append(HEADER)
    sheet.append(FOLLO_ROW)
    book.active = 1
    book.save(path := tmp_path / "skjult.xlsx")
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [FOLLO_REPORT]


def test_hidden_and_filtered_out_rows_are_loaded_like_the_others(register, tmp_path):
    """Hiding a row, or filtering it away, does not take it out of the report.

    Source: "How to read only visible sheets" (willtrnr/pyxlsb#51).
    """
    book, sheet = status_workbook([FOLLO_ROW, ["Follo", "1.2", "2023-Q2", "Utgår", 0, "skjult rad", "", ""]])
    sheet.row_dimensions[3].hidden = True
    sheet.auto_filter.ref = "A1:H3"
    book.save(path := tmp_path / "rader.xlsx")
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [
        FOLLO_REPORT,
        ("Follo", "1.2", "2023-Q2", "cancelled", 0, "skjult rad", None, None),
    ]


def test_excel_table_without_a_totals_row(register, tmp_path):
    """The rows formatted as an Excel table (a ListObject with autofilter).

    Source: ECMA-376 primer L.2.4.6 "The Table XML" (https://ooxml.info/docs/l/l.2/l.2.2/l.2.4.6).
    """
    book = xlsxwriter.Workbook(path := tmp_path / "tabell.xlsx")
    sheet = book.add_worksheet("Status")
    sheet.add_table(0, 0, 1, len(HEADER) - 1, {"data": [FOLLO_ROW], "columns": [{"header": h} for h in HEADER]})
    book.close()
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [FOLLO_REPORT]


def test_data_validation_lists_over_whole_columns(register, tmp_path):
    """Drop-down lists from a hidden sheet and a 0-100 rule, each down to the last row.

    Source: "[BUG] Import xlsx with macros", data validations over huge ranges (exceljs/exceljs#1654).
    """
    book, sheet = status_workbook([FOLLO_ROW])
    lists = book.create_sheet("Lister")
    for status in STATUSES:
        lists.append([status])
    lists.sheet_state = "hidden"
    choices = DataValidation(type="list", formula1="Lister!$A$1:$A$5", allow_blank=True)
    sheet.add_data_validation(choices)
    choices.add("D2:D1048576")
    percent = DataValidation(type="whole", operator="between", formula1="0", formula2="100")
    sheet.add_data_validation(percent)
    percent.add("E2:E1048576")
    book.save(path := tmp_path / "validering.xlsx")
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [FOLLO_REPORT]


def test_trailing_rows_with_only_formatting_are_skipped(register, tmp_path):
    """Coloured but empty rows (and a blank or a space here and there) to row 2 000.

    Source: "BUG: some read_excel engines still load trailing blank cells" (pandas-dev/pandas#41167).
    """
    book, sheet = status_workbook([FOLLO_ROW])
    fill = PatternFill("solid", fgColor="DDEEFF")
    for row in range(3, 2001):
        for column in range(1, 9):
            sheet.cell(row=row, column=column).fill = fill
    sheet.cell(row=1500, column=3, value="")
    sheet.cell(row=1501, column=6, value=" ")
    book.save(path := tmp_path / "tomme.xlsx")
    result = load_status(register, path, user=ADMIN)
    assert (result.summary, report_rows(register)) == (SAVED_AS_1, [FOLLO_REPORT])


def test_value_in_the_last_column_is_read(register, tmp_path):
    """Something typed in column XFD beside the data; the grid stays small enough to read.

    Source: "Handling large excel files" (dimastbk/python-calamine#130).
    """
    book, sheet = status_workbook([FOLLO_ROW])
    sheet["XFD2"] = "x"
    book.save(path := tmp_path / "bred.xlsx")
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [FOLLO_REPORT]


def test_formatted_cell_at_xfd1048576_is_refused_naming_the_cell(register, tmp_path):
    """One coloured cell in the very last cell of the sheet, as Solver and stray formatting leave.

    Source: "allocates for full sheet width when a cell exists in XFD" (ToucanToco/fastexcel#487).
    """
    book, sheet = status_workbook([FOLLO_ROW])
    sheet["XFD1048576"].fill = PatternFill("solid", fgColor="FFFF00")
    book.save(path := tmp_path / "langt.xlsx")
    assert refusal(register, path) == (
        "Arket «Status» har innhold i rad 1\u202f048\u202f576 (celle XFD1048576); grensen er 100\u202f000 rader. "
        "Slett innhold og formatering under grensen, og last opp på nytt.",
        [],
    )


# --- the container -----------------------------------------------------------------


def test_strict_open_xml_workbook_is_read(register, tmp_path):
    """Saved as "Strict Open XML Spreadsheet": the purl.oclc.org namespaces throughout.

    Source: "Strict OOXML Format not supported" (JanKallman/EPPlus#134).
    """
    book, _ = status_workbook([FOLLO_ROW])
    book.save(path := tmp_path / "strict.xlsx")

    def strict(name: str, data: bytes) -> tuple[str, bytes]:
        if not name.endswith((".xml", ".rels")):
            return name, data
        text = data.decode()
        text = text.replace(
            "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"
        )
        text = text.replace(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "http://purl.oclc.org/ooxml/officeDocument/relationships",
        )
        if name == "xl/workbook.xml":
            text = text.replace("<workbook ", '<workbook conformance="strict" ', 1)
        return name, text.encode()

    rewrite_zip(path, strict)
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [FOLLO_REPORT]


def test_shared_strings_part_named_in_another_case_is_read(register, tmp_path):
    """xl/SharedStrings.xml where [Content_Types].xml says xl/sharedStrings.xml.

    Source: "Use case-insensitive comparison to find a part file in Xlsx ZIP archive" (tafia/calamine#419).
    """
    book, _ = status_workbook([FOLLO_ROW])
    book.save(path := tmp_path / "store.xlsx")
    rewrite_zip(path, lambda name, data: ("xl/SharedStrings.xml" if name == "xl/sharedStrings.xml" else name, data))
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [FOLLO_REPORT]


def test_open_document_spreadsheet_renamed_xlsx_is_refused(register, tmp_path):
    """A LibreOffice .ods (a zip of content.xml) with the .xlsx ending.

    Source: "test xls/x saved as ods files" (tidyverse/readxl#83).
    """
    path = tmp_path / "calc.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
        )
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    assert refusal(register, path) == (
        "Filen er et OpenDocument-regneark (.ods, LibreOffice). Lagre som Excel-arbeidsbok (.xlsx) og last "
        "opp på nytt.",
        [],
    )
    assert report_rows(register) == []


def test_binary_workbook_renamed_xlsx_is_refused(register, tmp_path):
    """An Excel Binary Workbook (.xlsb: a zip of workbook.bin) with the .xlsx ending.

    Source: "Unable to open .xlsb workbook (zipfile.BadZipFile: File is not a zip file)" (willtrnr/pyxlsb#23).
    """
    path = tmp_path / "binary.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
        )
        archive.writestr("xl/workbook.bin", bytes(range(256)))
        archive.writestr("xl/worksheets/sheet1.bin", bytes(range(256)))
    assert refusal(register, path) == (
        "Filen er en binær Excel-arbeidsbok (.xlsb). Åpne den i Excel, lagre som Excel-arbeidsbok (.xlsx) og "
        "last opp på nytt.",
        [],
    )
    assert report_rows(register) == []
