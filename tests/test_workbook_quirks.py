"""Status workbooks from the field that used to be read wrong (docs/field-log.md, issue 12, parts 1, 2 and 4).

Each test builds its workbook in code: with openpyxl or xlsxwriter, and by
editing the zip's XML where neither can write the quirk. Through the status
loader it asserts the stored reports, or the whole refusal and that nothing
was written.
"""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from core.errors import MonitorError
from loaders.errors import (
    BinaryWorkbook,
    DamagedWorkbook,
    DuplicateColumn,
    DuplicateParts,
    FormulaError,
    HeaderNotFound,
    MergedAcrossColumns,
    MissingFormulaValue,
    OpenDocument,
    SensitivityLabel,
    SeveralStatusSheets,
    StatusFileRejected,
    UncalculatedFormulas,
)
from loaders.status import COLUMN_ALIASES, REQUIRED_COLUMNS, load_status
from loaders.workbook import read_sheet
from tests.builders import ADMIN, HEADER, build_small_register, report_rows, rewrite_zip, status_workbook
from tests.test_workbook import FORMS, MAIN, REPO, SHEET, ole2, refused, written, xlsx

STATUS_HEADER = (COLUMN_ALIASES, REQUIRED_COLUMNS)
FOLLO_ROW = ["Follo", "1.1", "2023-Q2", "I rute", 10, "", "", ""]
FOLLO_REPORT = ("Follo", "1.1", "2023-Q2", "on_track", 10, None, None, None)
RESAVE = "Åpne filen i Excel, lagre den og last opp på nytt."


@pytest.fixture
def small(db):
    build_small_register(db)
    return db


def replace_cell(path: Path, ref: str, cell: str) -> Path:
    """The cell ``ref`` of the first sheet replaced by the XML ``cell``."""
    pattern = re.compile(rb'<c r="%s"[^>]*?(?:/>|>.*?</c>)' % ref.encode(), re.DOTALL)

    def edit(name: str, data: bytes) -> tuple[str, bytes]:
        if name == SHEET:
            data, count = pattern.subn(cell.encode(), data)
            assert count == 1
        return name, data

    return rewrite_zip(path, edit)


def as_excel_saves_it(path: Path) -> Path:
    """Without the request to recalculate on open, which Excel clears once it has calculated."""
    return rewrite_zip(path, lambda name, data: (name, data.replace(b' fullCalcOnLoad="1"', b"")))


def rejected(db, path: Path) -> list[str]:
    """The cell errors of a refused status file, after checking that nothing was written."""
    with pytest.raises(StatusFileRejected) as caught:
        load_status(db, path, user=ADMIN)
    assert nothing_written(db)
    return [str(error) for error in caught.value.errors]


def refusal(db, path: Path, error_class: type[MonitorError]) -> str:
    with pytest.raises(error_class) as caught:
        load_status(db, path, user=ADMIN)
    assert nothing_written(db)
    message = str(caught.value)
    assert "\n" not in message
    return message


def nothing_written(db) -> bool:
    return db["status_reports"].count == 0 and db["uploads"].count == 0


# --- 1. Formula cells ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["<v></v>", "<v/>"])
def test_formula_whose_saved_result_is_the_empty_string_is_a_blank(small, tmp_path, value):
    """Excel saves =HVIS(…;"") as t="str" with an empty <v>; that is a saved blank, not a missing value.

    Source: python-excel/xlrd#207, xlwings/xlwings#1953.
    """
    book, _ = status_workbook([FOLLO_ROW])
    book.save(path := tmp_path / "tom.xlsx")
    replace_cell(as_excel_saves_it(path), "E2", f'<c r="E2" t="str"><f>IF(1=0,50,"")</f>{value}</c>')

    load_status(small, path, user=ADMIN)

    assert report_rows(small) == [("Follo", "1.1", "2023-Q2", "on_track", None, None, None, None)]


@pytest.mark.parametrize("form", FORMS)
def test_empty_string_result_reads_as_blank_in_every_form_and_a_formula_without_v_is_still_refused(tmp_path, form):
    cells = (
        '<row r="1"><c r="A1" t="str"><f>""</f><v></v></c><c r="B1" t="str"><f>""</f><v/></c>'
        '<c r="C1"><f>1+1</f><v>2</v></c></row>'
    )
    sheet = read_sheet(xlsx(tmp_path / "tom.xlsx", written(form, f"<sheetData>{cells}</sheetData>")))
    assert sheet.rows == [["", "", 2.0]]

    missing = cells.replace('<c r="C1"><f>1+1</f><v>2</v></c>', '<c r="C1" t="str"><f>1+1</f></c>')
    path = xlsx(tmp_path / "mangler.xlsx", written(form, f"<sheetData>{missing}</sheetData>"))
    assert refused(MissingFormulaValue, path) == f"Arket «Status», celle C1: formelen har ingen lagret verdi. {RESAVE}"


def test_error_values_are_refused_naming_the_cell_and_the_error(small, tmp_path):
    """calamine reads an error cell as ""; the error is shown instead of a blank being stored.

    Source: dimastbk/python-calamine#105, tafia/calamine#416.
    """
    book, _ = status_workbook(
        [
            ["Follo", "1.1", "2023-Q2", "I rute", "#DIV/0!", "", "", ""],
            ["Follo", "1.2", "2023-Q2", "#N/A", 10, "#N/A", "", ""],
        ]
    )
    book.save(path := tmp_path / "feil.xlsx")  # openpyxl writes these strings as error cells (t="e")

    assert rejected(small, path) == [
        "Arket «Status», rad 2 (tiltak 1.1), kolonne E (Fremdrift (%)): «#DIV/0!» – cellen viser en feil fra en "
        "formel. "
        "Rett formelen eller skriv inn verdien, og last opp på nytt.",
        "Arket «Status», rad 3 (tiltak 1.2), kolonne D (Status): «#N/A» – cellen viser en feil fra en formel. "
        "Rett formelen eller skriv inn verdien, og last opp på nytt.",
        "Arket «Status», rad 3 (tiltak 1.2), kolonne F (Kommentar): «#N/A» – cellen viser en feil fra en formel. "
        "Rett formelen eller skriv inn verdien, og last opp på nytt.",
    ]


def test_error_in_a_row_like_the_one_before_is_not_let_through_by_the_fast_path(small, tmp_path):
    book, _ = status_workbook([FOLLO_ROW, ["Follo", "1.2", "2023-Q2", "I rute", "#VALUE!", "", "", ""]])
    book.save(path := tmp_path / "feil.xlsx")

    assert rejected(small, path) == [
        "Arket «Status», rad 3 (tiltak 1.2), kolonne E (Fremdrift (%)): «#VALUE!» – cellen viser en feil fra en "
        "formel. "
        "Rett formelen eller skriv inn verdien, og last opp på nytt."
    ]


def test_error_with_other_problems_on_the_row_lists_them_all(small, tmp_path):
    book, _ = status_workbook([["Follo", "9.9", "2023-Q2", "#REF!", 10, "", "", ""]])
    book.save(path := tmp_path / "feil.xlsx")

    assert rejected(small, path) == [
        "Arket «Status», rad 2 (tiltak 9.9), kolonne D (Status): «#REF!» – cellen viser en feil fra en formel. "
        "Rett formelen eller skriv inn verdien, og last opp på nytt.",
        "Arket «Status», rad 2, kolonne B (Nr): «9.9» – Follorådet har ikke noe tiltak med dette nummeret.",
    ]


def test_error_in_a_column_we_do_not_read_is_ignored(small, tmp_path):
    book, _ = status_workbook([[*FOLLO_ROW, "#NAME?"]], header=[*HEADER, "Tiltak (kun til info)"])
    book.save(path := tmp_path / "feil.xlsx")

    load_status(small, path, user=ADMIN)

    assert report_rows(small) == [FOLLO_REPORT]


@pytest.mark.parametrize("form", FORMS)
def test_error_cells_are_found_in_every_form(tmp_path, form):
    cells = (
        '<row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B1" s="1" t="e"><v>#N/A</v></c>'
        '<c r="C1"><v>3</v></c><c r="D1" t="e"><f>SQRT(-1)</f><v>#NUM!</v></c></row>'
    )
    sheet = read_sheet(xlsx(tmp_path / "feil.xlsx", written(form, f"<sheetData>{cells}</sheetData>")))

    assert sheet.rows == [["", "", 3.0, ""]]
    assert sheet.errors == {(0, 0): "#DIV/0!", (0, 1): "#N/A", (0, 3): "#NUM!"}


@pytest.mark.parametrize("error", ["#SPILL!", "#CALC!"])
def test_an_error_calamine_cannot_read_is_named_not_called_damage(tmp_path, error):
    cells = f'<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2" t="e"><f>A1:A2</f><v>{error}</v></c></row>'
    path = xlsx(tmp_path / "feil.xlsx", f"<sheetData>{cells}</sheetData>")

    assert refused(FormulaError, path) == (
        f"Arket «Status», celle B2: «{error}» – cellen viser en feil fra en formel. Rett formelen eller skriv "
        "inn verdien, og last opp på nytt."
    )


def test_formulas_never_calculated_are_refused_naming_the_cells(small, tmp_path):
    """xlsxwriter (like exceljs and others) saves 0 as every formula's result and asks Excel to calculate on open.

    Source: "Setting calcMode for workbook / removing fullCalcOnLoad" (jmcnamara/XlsxWriter#91),
    "Add RecalculateOnLoad to opt out of forced recalculation" (GDKsoftware/OfficeXML4D#48).
    """
    book = xlsxwriter.Workbook(path := tmp_path / "skript.xlsx")
    sheet = book.add_worksheet("Status")
    sheet.write_row(0, 0, HEADER)
    sheet.write_row(1, 0, ["Follo", "1.1", "2023-Q2", "I rute"])
    sheet.write_formula(1, 4, "=20+25")
    sheet.write_row(2, 0, ["Follo", "1.2", "2023-Q2", "I rute"])
    sheet.write_formula(2, 4, "=E2*2")
    book.close()

    assert refusal(small, path, UncalculatedFormulas) == (
        "Arket «Status», cellene E2 og E3: formlene er aldri regnet ut. Filen er laget av et program som "
        "overlater utregningen til Excel, så verdiene i filen er bare plassholdere. Åpne filen i Excel, som "
        "regner ut formlene, lagre den og last opp på nytt."
    )

    load_status(small, as_excel_saves_it(path), user=ADMIN)
    assert report_rows(small) == [
        ("Follo", "1.1", "2023-Q2", "on_track", 0, None, None, None),
        ("Follo", "1.2", "2023-Q2", "on_track", 0, None, None, None),
    ]


def test_a_file_asking_for_recalculation_without_formulas_is_read(small, tmp_path):
    """openpyxl always writes fullCalcOnLoad="1"; with no formula there is nothing to recalculate."""
    book, _ = status_workbook([FOLLO_ROW])
    book.save(path := tmp_path / "openpyxl.xlsx")
    with zipfile.ZipFile(path) as archive:
        assert b'fullCalcOnLoad="1"' in archive.read("xl/workbook.xml")

    load_status(small, path, user=ADMIN)

    assert report_rows(small) == [FOLLO_REPORT]


# --- 2. Layout ---------------------------------------------------------------------------------


def test_cells_merged_down_a_column_give_every_row_the_value(small, tmp_path):
    """Source: Icinga/icingaweb2-module-fileshipper#16, ClosedXML/ClosedXML#1106."""
    book, sheet = status_workbook(
        [
            ["Follo", "1.1", "2023-Q2", "I rute", 10, "", "", ""],
            [None, "1.2", None, "Forsinket", 20, "", "", ""],
            ["IØR", "1.1", "2023-Q2", "Fullført", 100, "", "", ""],
        ]
    )
    sheet.merge_cells("A2:A3")
    # Down over empty rows below the data too, which stay empty: a note in I8 makes them part of the grid.
    sheet.merge_cells("C2:C7")
    sheet["I8"] = "notat"
    book.save(path := tmp_path / "flettet.xlsx")

    load_status(small, path, user=ADMIN)

    assert report_rows(small) == [
        ("Follo", "1.1", "2023-Q2", "on_track", 10, None, None, None),
        ("Follo", "1.2", "2023-Q2", "delayed", 20, None, None, None),
        ("IØR", "1.1", "2023-Q2", "completed", 100, None, None, None),
    ]


@pytest.mark.parametrize("form", FORMS)
def test_merged_ranges_are_found_in_every_form_and_without_a_header_only_columns_are_filled(tmp_path, form):
    cells = (
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>'
        '<row r="2"><c r="A2"><v>3</v></c></row><row r="3"><c r="C3"><v>4</v></c></row>'
    )
    merges = '<mergeCells count="2"><mergeCell ref="A1:A3"/><mergeCell ref="B1:C1"/></mergeCells>'
    sheet = read_sheet(xlsx(tmp_path / "flettet.xlsx", written(form, f"<sheetData>{cells}</sheetData>{merges}")))

    assert sheet.rows == [[1.0, 2.0, ""], [1.0, "", ""], [1.0, "", 4.0]]


def test_cells_merged_across_two_columns_we_read_are_refused_naming_the_range(small, tmp_path):
    book, sheet = status_workbook([["Follo", "1.1", "2023-Q2", "I rute", 10, "Kommer i gang", None, ""]])
    sheet.merge_cells("F2:G2")
    book.save(path := tmp_path / "flettet.xlsx")

    assert refusal(small, path, MergedAcrossColumns) == (
        "Arket «Status»: området F2:G2 er slått sammen over kolonnene Kommentar og Neste steg, så én verdi står "
        "for flere felt. Del opp sammenslåingen (Hjem > Slå sammen og midtstill), fyll inn hver kolonne og last "
        "opp på nytt."
    )


def test_merged_title_and_header_cells_above_the_data_still_read(small, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Status"
    sheet.append(["Statusrapport 2. kvartal 2023"])
    sheet.append(HEADER)
    sheet.append(FOLLO_ROW)
    sheet.merge_cells("A1:H1")
    # A merge over the reference column and beyond touches one column we read.
    sheet["I3"] = "Notat"
    sheet.merge_cells("H3:I3")
    book.save(path := tmp_path / "tittel.xlsx")

    load_status(small, path, user=ADMIN)

    assert report_rows(small) == [FOLLO_REPORT]


@pytest.mark.parametrize(
    ("header", "columns"),
    [
        (["Region", "Nr", "Kvartal", "Status", "Status", "Fremdrift (%)"], "kolonne D (Status) og kolonne E (Status)"),
        (
            ["Region", "Nr", "Kvartal", "Status", "Fremdrift", "Fremdrift (%)"],
            "kolonne E (Fremdrift) og kolonne F (Fremdrift (%))",
        ),
    ],
)
def test_a_field_headed_twice_is_refused_naming_both_columns(small, tmp_path, header, columns):
    """Source: "Reading from Excel mangles columns" (pandas-dev/pandas#10523)."""
    book, _ = status_workbook([["Follo", "1.1", "2023-Q2", "I rute", "Forsinket", 10]], header=header)
    book.save(path := tmp_path / "dobbel.xlsx")

    assert refusal(small, path, DuplicateColumn) == (
        f"Arket «Status», rad 1: {columns} er overskrifter for det samme, så vi vet ikke hvilken av dem "
        "som skal leses. Slett kolonnen som ikke skal leses, eller gi den en annen overskrift, og last opp på nytt."
    )


def copied_sheet(path: Path, *, hide_original: bool) -> Path:
    """Last quarter's Status sheet, and the copy Excel names "Status (2)" filled in for this quarter."""
    book, sheet = status_workbook([["Follo", "1.1", "2023-Q1", "I rute", 10, "forrige kvartal", "", ""]])
    copy = book.copy_worksheet(sheet)
    copy.title = "Status (2)"
    for column, value in zip("CDEF", ["2023-Q2", "Forsinket", 20, "dette kvartalet"], strict=True):
        copy[f"{column}2"] = value
    if hide_original:
        sheet.sheet_state = "hidden"
        book.active = 1
    book.save(path)
    return path


def test_a_filled_in_copy_beside_the_visible_original_is_refused_naming_both(small, tmp_path):
    """Source: "Using Data Markers in Sheet Tabs" (wiki.softartisans.com): Excel names a copied sheet "Sales (2)"."""
    path = copied_sheet(tmp_path / "kopi.xlsx", hide_original=False)

    assert refusal(small, path, SeveralStatusSheets) == (
        "Flere synlige ark har overskriftene vi leser: «Status» og «Status (2)». Vi vet ikke hvilket av dem "
        "som skal leses. Slett eller skjul arket som ikke skal leses, og last opp på nytt."
    )


def test_a_filled_in_copy_beside_the_hidden_original_is_read(small, tmp_path):
    load_status(small, copied_sheet(tmp_path / "kopi.xlsx", hide_original=True), user=ADMIN)

    assert report_rows(small) == [("Follo", "1.1", "2023-Q2", "delayed", 20, "dette kvartalet", None, None)]


def test_the_sheet_with_the_header_is_found_behind_a_cover_sheet(small, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Forside"
    book.active.append(["Statusrapport for Follorådet"])
    sheet = book.create_sheet("Rapport")
    sheet.append(HEADER)
    sheet.append(FOLLO_ROW)
    book.save(path := tmp_path / "forside.xlsx")

    load_status(small, path, user=ADMIN)

    assert report_rows(small) == [FOLLO_REPORT]


def test_no_visible_sheet_with_the_header_names_the_sheets_tried(small, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Forside"
    book.create_sheet("Data").append(["Region", "Tiltak"])
    hidden = book.create_sheet("Status")
    hidden.append(HEADER)
    hidden.sheet_state = "hidden"
    book.save(path := tmp_path / "ingen.xlsx")

    assert refusal(small, path, HeaderNotFound) == (
        "Fant ingen overskriftsrad med kolonnene «Region», «Nr», «Status» blant de 10 første radene i arkene "
        "«Forside» og «Data». Legg overskriftene øverst i arket med dataene, og last opp på nytt."
    )


def test_an_excel_tables_totals_row_is_not_read_as_a_report(small, tmp_path):
    """Source: ECMA-376 primer L.2.4.6 "The Table XML", totalsRowCount (https://ooxml.info/docs/l/l.2/l.2.2/l.2.4.6)."""
    book = xlsxwriter.Workbook(path := tmp_path / "tabell.xlsx")
    sheet = book.add_worksheet("Status")
    rows = [["Follo", "1.1", "2023-Q2", "I rute", 10], ["Follo", "1.2", "2023-Q2", "Forsinket", 30]]
    columns = [{"header": "Region", "total_string": "Sum"}, {"header": "Nr"}, {"header": "Kvartal"}]
    columns += [{"header": "Status"}, {"header": "Fremdrift (%)", "total_function": "average"}]
    sheet.add_table(0, 0, 3, 4, {"data": rows, "columns": columns, "total_row": True})
    book.close()

    load_status(small, as_excel_saves_it(path), user=ADMIN)

    assert report_rows(small) == [
        ("Follo", "1.1", "2023-Q2", "on_track", 10, None, None, None),
        ("Follo", "1.2", "2023-Q2", "delayed", 30, None, None, None),
    ]


# --- 4. The container ------------------------------------------------------------------------


def test_a_sheet_part_named_in_another_case_is_read(small, tmp_path):
    """Source: "ZipWorker, all _zipFile.GetEntry" (ExcelDataReader/ExcelDataReader#301), SheetJS/sheetjs#439."""
    book, _ = status_workbook([FOLLO_ROW])
    book.save(path := tmp_path / "stor.xlsx")
    rewrite_zip(path, lambda name, data: (name.replace("sheet1.xml", "Sheet1.xml"), data))

    load_status(small, path, user=ADMIN)

    assert report_rows(small) == [FOLLO_REPORT]


def test_entries_named_with_backslashes_are_read(small, tmp_path):
    """Some Windows writers separate folders with "\\"; Excel and calamine read such a file.

    Source: "Backspace in zipfile entry name" (ExcelDataReader/ExcelDataReader#385),
    "error if backslashes in zip path" (dotnet/Open-XML-SDK#1128).
    """
    book, _ = status_workbook([FOLLO_ROW])
    book.save(path := tmp_path / "windows.xlsx")
    rewrite_zip(path, lambda name, data: (name.replace("/", "\\"), data))

    load_status(small, path, user=ADMIN)

    assert report_rows(small) == [FOLLO_REPORT]


def test_a_shared_string_count_a_little_high_is_read(small, tmp_path):
    """A script dropped strings without lowering uniqueCount; Excel and calamine read the file.

    Source: "Count and uniqueCount attributes aren't updated in sharedStrings.xml" (troldal/OpenXLSX#187).
    """
    book, _ = status_workbook([FOLLO_ROW])
    book.save(path := tmp_path / "telling.xlsx")

    def edit(name: str, data: bytes) -> tuple[str, bytes]:
        if name == "xl/sharedStrings.xml":
            data = re.sub(rb'uniqueCount="[0-9]+"', b'uniqueCount="25"', data)
        return name, data

    rewrite_zip(path, edit)

    load_status(small, path, user=ADMIN)

    assert report_rows(small) == [FOLLO_REPORT]


def test_shared_formulas_whose_result_is_the_empty_string_are_blanks_and_without_v_still_refused(tmp_path):
    """Filled-down formulas: the copies have a self-closing <f t="shared" si="0"/> and an empty <v>."""
    cells = (
        '<row r="1"><c r="A1" t="str"><f t="shared" ref="A1:A3" si="0">IF(1=0,1,"")</f><v></v></c></row>'
        '<row r="2"><c r="A2" t="str"><f t="shared" si="0"/><v></v></c></row>'
        '<row r="3"><c r="A3" t="str"><f t="shared" si="0"/><v/></c><c r="B3"><v>7</v></c></row>'
    )
    assert read_sheet(xlsx(tmp_path / "delt.xlsx", f"<sheetData>{cells}</sheetData>")).rows == [
        ["", ""],
        ["", ""],
        ["", 7.0],
    ]

    uncalculated = cells.replace('<f t="shared" si="0"/><v></v>', '<f t="shared" si="0"/>')
    path = xlsx(tmp_path / "uberegnet.xlsx", f"<sheetData>{uncalculated}</sheetData>")
    assert refused(MissingFormulaValue, path) == f"Arket «Status», celle A2: formelen har ingen lagret verdi. {RESAVE}"


def twin_parts(path: Path, second_name: str) -> Path:
    """A small sheet, and beside it under ``second_name`` one with a cell at XFD90000, which would abort calamine."""
    far = f'<worksheet xmlns="{MAIN}"><sheetData><row r="90000"><c r="XFD90000"><v>1</v></c></row></sheetData>'
    xlsx(path, '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>')
    with zipfile.ZipFile(path, "a") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name we mean to write
        archive.writestr(second_name, far + "</worksheet>")
    return path


@pytest.mark.parametrize("second_name", ["xl/worksheets/Sheet1.xml", SHEET, "xl\\worksheets\\sheet1.xml"])
def test_two_parts_with_one_name_are_refused_and_the_process_lives(tmp_path, second_name):
    path = twin_parts(tmp_path / "tvilling.xlsx", second_name)
    # In a child process: were the check to fail, calamine would abort the process running it.
    probe = (
        "from loaders.workbook import read_sheet\n"
        "from loaders.errors import DuplicateParts\n"
        "try:\n"
        f"    read_sheet({str(path)!r})\n"
        "except DuplicateParts as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )

    assert (done.returncode, done.stdout) == (
        0,
        f"Filen er avvist: den har to deler som Excel leser som én, «{SHEET}» og «{second_name}». {RESAVE}\n",
    )
    with pytest.raises(DuplicateParts):
        read_sheet(path)


def test_a_sheet_target_calamine_would_resolve_otherwise_is_refused_and_the_process_lives(tmp_path):
    """We would check xl/worksheets/sheet1.xml; calamine reads the entry named xl/../xl/worksheets/sheet1.xml."""
    path = xlsx(tmp_path / "sti.xlsx", '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>')
    far = f'<worksheet xmlns="{MAIN}"><sheetData><row r="90000"><c r="XFD90000"><v>1</v></c></row></sheetData>'

    def edit(name: str, data: bytes) -> tuple[str, bytes]:
        return name, data.replace(b'Target="worksheets/sheet1.xml"', b'Target="../xl/worksheets/sheet1.xml"')

    rewrite_zip(path, edit)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/../xl/worksheets/sheet1.xml", far + "</worksheet>")
    probe = (
        "from loaders.workbook import read_sheet\n"
        "from loaders.errors import DamagedWorkbook\n"
        "try:\n"
        f"    read_sheet({str(path)!r})\n"
        "except DamagedWorkbook as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )

    assert (done.returncode, done.stdout) == (
        0,
        "Filen er avvist: den viser til en del med et navn Excel ikke skriver («../xl/worksheets/sheet1.xml»). "
        f"{RESAVE}\n",
    )


def test_two_sheets_with_one_name_are_refused(tmp_path):
    sheets = (
        '<sheet name="Status" sheetId="1" r:id="rId1" state="hidden"/><sheet name="status" sheetId="2" r:id="rId1"/>'
    )
    path = xlsx(tmp_path / "navn.xlsx", "<sheetData/>", sheets=sheets)

    assert refused(DamagedWorkbook, path) == f"Filen er skadet: den har to ark som heter «status». {RESAVE}"


@pytest.mark.parametrize("name", ["regneark.ods", "regneark.xlsx"])
def test_open_document_spreadsheet_is_named(tmp_path, name):
    """Source: "test xls/x saved as ods files" (tidyverse/readxl#83)."""
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")

    assert refused(OpenDocument, path) == (
        "Filen er et OpenDocument-regneark (.ods, LibreOffice). Lagre som Excel-arbeidsbok (.xlsx) og last opp på nytt."
    )


def test_binary_workbook_is_named(tmp_path):
    """Source: "Unable to open .xlsb workbook" (willtrnr/pyxlsb#23)."""
    path = tmp_path / "binær.xlsb"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.bin", bytes(range(256)))

    assert refused(BinaryWorkbook, path) == (
        "Filen er en binær Excel-arbeidsbok (.xlsb). Åpne den i Excel, lagre som Excel-arbeidsbok (.xlsx) og "
        "last opp på nytt."
    )


@pytest.mark.parametrize("entries", [("\x06DataSpaces", "EncryptedPackage"), ("EncryptedPackage",)])
def test_workbook_encrypted_by_a_sensitivity_label_is_named(tmp_path, entries):
    """Source: nolze/msoffcrypto-tool#78, dfinke/ImportExcel#1074: no EncryptionInfo, but the package encrypted."""
    path = tmp_path / "merket.xlsx"
    path.write_bytes(ole2(*entries, "\x05DocumentSummaryInformation"))

    assert refused(SensitivityLabel, path) == (
        "Filen er kryptert av en følsomhetsetikett (Følsomhet i Excel), så bare Office kan åpne den. Velg en "
        "etikett uten kryptering i Excel (Hjem > Følsomhet), lagre og last opp på nytt."
    )


def test_read_sheet_takes_the_header_as_plain_data(tmp_path):
    """The child process that runs read_sheet gets its arguments pickled: the header is a dict and a tuple."""
    book, _ = status_workbook([FOLLO_ROW])
    book.save(path := tmp_path / "status.xlsx")

    sheet = read_sheet(path, header=STATUS_HEADER)

    assert (sheet.name, sheet.rows, sheet.errors) == ("Status", [HEADER, [*FOLLO_ROW[:4], 10, "", "", ""]], {})


def test_the_new_refusals_read_in_english(small, tmp_path):
    path = copied_sheet(tmp_path / "kopi.xlsx", hide_original=False)
    with pytest.raises(SeveralStatusSheets) as caught:
        load_status(small, path, user=ADMIN)
    assert caught.value.message("en") == (
        "More than one visible sheet has the headers we read: “Status” and “Status (2)”. We cannot tell which of "
        "them to read. Delete or hide the sheet that is not to be read, and upload the file again."
    )

    book, _ = status_workbook([["Follo", "1.1", "2023-Q2", "I rute", "#DIV/0!", "", "", ""]])
    book.save(path := tmp_path / "feil.xlsx")
    with pytest.raises(StatusFileRejected) as rejected:
        load_status(small, path, user=ADMIN)
    assert [error.message("en") for error in rejected.value.errors] == [
        "Sheet “Status”, row 2 (commitment 1.1), column E (Fremdrift (%)): “#DIV/0!” – the cell shows an error from "
        "a formula. "
        "Correct the formula or type in the value, and upload the file again."
    ]
