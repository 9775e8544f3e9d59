"""A pre-filled status workbook for one region and quarter, to send out and load back.

The sheet "Status" has the headers the status loader looks for, one row per
active commitment of the agreement in force that quarter. Status, Fremdrift
and Ansvarlig are pre-filled, so a commitment that has not moved needs no edit
(a blank Status would be rejected by the loader): with this quarter's report
when there is one, so re-sending a corrected file never brings back old values,
else with the latest earlier report. Columns marked "(kun til info)" show that
earlier report and are not loaded.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import xlsxwriter
from sqlite_utils import Database

from core.i18n import Deferred, t
from core.queries import quarter_argument
from core.register import Region, find_region
from core.reports import prefill_rows
from core.users import User
from core.vocabulary import (
    STATUSES,
    file_text,
    quarter_label,
    status_label,
)
from outputs.errors import NoCommitments
from outputs.export import replacing
from outputs.tables import file_stem, open_workbook

# The template is a Norwegian document: its texts are the text table's, in bokmål.
SHEET_NAME = t("outputs.template.sheet")
GUIDE_SHEET_NAME = t("outputs.template.guide_sheet")
# Title, note and an empty line above the header, well inside the ten rows the loader searches.
HEADER_ROW = 3
STATUS_LABELS = [status.nb for status in STATUSES]

# Header, width and cell style; "edit" styles mark the columns people fill in.
COLUMNS: tuple[tuple[str, int, str], ...] = tuple(
    (t(f"outputs.template.col.{name}"), width, style)
    for name, width, style in (
        ("region", 26, "text"),
        ("code", 8, "text"),
        ("text", 60, "wrap"),
        ("focus_area", 28, "wrap"),
        ("quarter", 10, "text"),
        ("status", 14, "edit"),
        ("progress", 12, "edit_number"),
        ("comment", 45, "edit_wrap"),
        ("next_step", 40, "edit_wrap"),
        ("owner", 22, "edit"),
        ("previous_quarter", 14, "info"),
        ("previous_status", 14, "info"),
        ("previous_progress", 14, "info_number"),
    )
)
HEADERS = tuple(header for header, _, _ in COLUMNS)
STATUS_COLUMN = HEADERS.index(t("outputs.template.col.status"))
PROGRESS_COLUMN = HEADERS.index(t("outputs.template.col.progress"))

EDIT_FILL = "#FFF4CC"
INFO_GREY = "#6B6B6B"


def build_template(
    db: Database, region: str, quarter: str, out_path: str | os.PathLike, *, user: User | None = None
) -> int:
    """Write the status workbook for a region (full or short name) and quarter;
    return the number of commitments listed: for ``user``, those they may report for.

    Raises UnknownRegion, InvalidQuarter or NoCommitments. The file appears
    whole or not at all.
    """
    found = find_region(db, region)
    quarter = quarter_argument(quarter)
    rows = template_rows(db, found, quarter, user=user)
    if not rows:
        raise NoCommitments("outputs.no_commitments", region=found.name, quarter=Deferred(quarter_label, quarter))
    with replacing(out_path) as temp_path:
        # No formulas: a commitment text starting with "=" stays text.
        workbook = open_workbook(temp_path)
        formats = _formats(workbook)
        _write_status_sheet(workbook.add_worksheet(SHEET_NAME), formats, found, quarter, rows)
        _write_guide_sheet(workbook.add_worksheet(GUIDE_SHEET_NAME), formats, found, quarter)
        workbook.close()
    return len(rows)


def template_bytes(db: Database, region: str, quarter: str, *, user: User | None = None) -> tuple[bytes, str]:
    """The template as bytes, with a file name for it, for a download in the browser."""
    found = find_region(db, region)
    quarter = quarter_argument(quarter)
    with tempfile.TemporaryDirectory(prefix="status-template-") as folder:
        path = Path(folder) / "template.xlsx"
        build_template(db, found.name, quarter, path, user=user)
        return path.read_bytes(), template_file_name(found, quarter)


def template_file_name(region: Region, quarter: str) -> str:
    """ "status-follo-2024-Q3.xlsx": short, ASCII, and says what is inside."""
    return f"status-{file_stem(region.short_name or region.name, quarter)}.xlsx"


def template_rows(db: Database, region: Region, quarter: str, *, user: User | None = None) -> list[tuple]:
    """The data rows of the Status sheet, in HEADERS order: core.reports.prefill_rows in words.

    For a ``user`` who reports for council areas, not the region, only their commitments.
    """
    return [
        (
            region.name,
            row.code,
            row.text,
            row.focus_area,
            quarter_label(quarter),
            status_label(row.status) if row.status else None,
            row.progress,
            row.comment,
            row.next_step,
            row.owner,
            quarter_label(row.previous_quarter) if row.previous_quarter else None,
            status_label(row.previous_status) if row.previous_status else None,
            row.previous_progress,
        )
        for row in prefill_rows(db, region, quarter, user=user)
    ]


def _formats(workbook: xlsxwriter.Workbook) -> dict:
    # "@" (text) on every text cell keeps what people type literal: "1.10"
    # stays 1.10 and "=..." or "-1" in a comment does not become a formula or number.
    base = {"valign": "top"}
    text = {**base, "num_format": "@"}
    edit = {"bg_color": EDIT_FILL, "border": 1, "border_color": "#BFBFBF"}
    info = {"font_color": INFO_GREY}
    styles = {
        "title": {"bold": True, "font_size": 14},
        "note": {"italic": True},
        "header": {**base, "bold": True, "text_wrap": True, "bg_color": "#D9E1F2", "bottom": 1},
        "text": text,
        "wrap": {**text, "text_wrap": True},
        "edit": {**text, **edit},
        "edit_wrap": {**text, **edit, "text_wrap": True},
        "edit_number": {**base, **edit, "num_format": "0"},
        "info": {**text, **info},
        "info_number": {**base, **info, "num_format": "0"},
        "guide": {"text_wrap": True, "valign": "top"},
        "guide_heading": {"bold": True, "font_size": 12},
    }
    return {name: workbook.add_format(style) for name, style in styles.items()}


def _write_status_sheet(sheet, formats: dict, region: Region, quarter: str, rows: list[tuple]) -> None:
    title = t("outputs.template.title", region=region.name, quarter=quarter_label(quarter))
    sheet.write_string(0, 0, file_text(title), formats["title"])
    sheet.write_string(1, 0, t("outputs.template.note"), formats["note"])
    for column, (header, width, _) in enumerate(COLUMNS):
        sheet.set_column(column, column, width)
        sheet.write_string(HEADER_ROW, column, header, formats["header"])
    for row_index, row in enumerate(rows, start=HEADER_ROW + 1):
        for column, value in enumerate(row):
            _write_cell(sheet, row_index, column, value, formats[COLUMNS[column][2]])

    first, last = HEADER_ROW + 1, HEADER_ROW + len(rows)
    sheet.data_validation(
        first,
        STATUS_COLUMN,
        last,
        STATUS_COLUMN,
        {
            "validate": "list",
            "source": STATUS_LABELS,
            "input_title": t("outputs.template.status_title"),
            "input_message": t("outputs.template.status_input", statuses=", ".join(STATUS_LABELS)),
            "error_title": t("outputs.template.status_error_title"),
            "error_message": t("outputs.template.status_error", statuses=", ".join(STATUS_LABELS)),
        },
    )
    sheet.data_validation(
        first,
        PROGRESS_COLUMN,
        last,
        PROGRESS_COLUMN,
        {
            "validate": "integer",
            "criteria": "between",
            "minimum": 0,
            "maximum": 100,
            "input_title": t("outputs.template.progress_title"),
            "input_message": t("outputs.template.progress_input"),
            "error_title": t("outputs.template.progress_error_title"),
            "error_message": t("outputs.template.progress_error"),
        },
    )
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    sheet.set_landscape()
    sheet.repeat_rows(HEADER_ROW)
    sheet.fit_to_pages(1, 0)


def _write_cell(sheet, row: int, column: int, value: object, cell_format) -> None:
    if value is None or value == "":
        # A formatted blank still carries the text format for what is typed into it.
        sheet.write_blank(row, column, None, cell_format)
    elif isinstance(value, str):
        sheet.write_string(row, column, file_text(value), cell_format)
    else:
        sheet.write_number(row, column, value, cell_format)


def guide_lines(region: Region, quarter: str) -> list[tuple[str, str]]:
    """(style, text) lines of the Veiledning sheet."""
    statuses = t("core.list_or", first=", ".join(STATUS_LABELS[:-1]), last=STATUS_LABELS[-1])
    label = quarter_label(quarter)
    lines = [
        ("guide_heading", "outputs.template.guide.heading", {}),
        ("guide", "outputs.template.guide.file", {"region": region.name, "quarter": label}),
        ("guide", "outputs.template.guide.sheet", {}),
        ("guide", None, {}),
        ("guide_heading", "outputs.template.guide.columns", {}),
        ("guide", "outputs.template.guide.region", {}),
        ("guide", "outputs.template.guide.code", {}),
        ("guide", "outputs.template.guide.text", {}),
        ("guide", "outputs.template.guide.quarter", {"quarter": label}),
        ("guide", "outputs.template.guide.status", {"statuses": statuses}),
        ("guide", "outputs.template.guide.progress", {}),
        ("guide", "outputs.template.guide.comment", {}),
        ("guide", "outputs.template.guide.next_step", {}),
        ("guide", "outputs.template.guide.owner", {}),
        ("guide", "outputs.template.guide.info", {}),
        ("guide", None, {}),
        ("guide_heading", "outputs.template.guide.prefilled_heading", {}),
        ("guide", "outputs.template.guide.prefilled", {}),
        ("guide", None, {}),
        ("guide_heading", "outputs.template.guide.done_heading", {}),
        ("guide", "outputs.template.guide.no_new", {}),
        ("guide", "outputs.template.guide.save_as", {}),
    ]
    return [(style, t(key, **values) if key else "") for style, key, values in lines]


def _write_guide_sheet(sheet, formats: dict, region: Region, quarter: str) -> None:
    sheet.set_column(0, 0, 100)
    for row, (style, text) in enumerate(guide_lines(region, quarter)):
        if text:
            sheet.write_string(row, 0, text, formats[style])
