"""Tables as people download them: a formatted Excel workbook or a CSV file; and the one xlsx writer.

A Table holds what a page shows, with headers and values for people (status
as words, "2. kv. 2024"), plus a line saying which filters produced it.
Text a spreadsheet would run as a formula never runs: CSV cells get a leading
apostrophe and Excel cells are always written as strings.

:func:`open_workbook` and :func:`write_table` are the only xlsx table writer: the
styled tables here and the command line's canonical export (outputs.export) both
go through them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast
from zoneinfo import ZoneInfo

import pandas as pd
import xlsxwriter

from core.i18n import t
from core.vocabulary import file_text, quarter_label, status_label

if TYPE_CHECKING:
    from pandas._typing import Scalar

# Excel set to Norwegian reads ";" as the separator, since "," is the decimal mark.
CSV_SEPARATOR = ";"
# What OWASP lists as starting a formula in Excel, LibreOffice and Google Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MIN_WIDTH, MAX_WIDTH = 8, 60
HEADER_ROW = 3  # title, filter line and a blank row above it
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
# Excel refuses these in sheet names, and names longer than 31 characters.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
OSLO = ZoneInfo("Europe/Oslo")
PERCENT_COLUMNS = ("progress", "previous_progress", "average_progress")
QUARTER_COLUMNS = ("quarter", "last_reported", "previous_quarter")


@dataclass(frozen=True)
class Table:
    """One table to export; ``percent_columns`` name the headers holding progress 0–100."""

    title: str
    note: str
    frame: pd.DataFrame
    percent_columns: tuple[str, ...] = field(default=())


def neutralise_formula(value: object) -> object:
    """Text that a spreadsheet would run as a formula, made inert with a leading "'"."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_text(value: object) -> object:
    """A CSV cell: text without control characters (file_text) and never a formula; numbers as they are."""
    # Controls go first: "\x00=1+1" would start with "=" only once the NUL is gone.
    return neutralise_formula(file_text(value)) if isinstance(value, str) else value


def commitments_export(frame: pd.DataFrame, columns: Sequence[str], lang: str, *, title: str, note: str) -> Table:
    """A commitments table (core.analysis columns) with headers and values for people."""
    shown = {}
    for column in columns:
        values = frame[column].reset_index(drop=True) if column in frame else pd.Series([None] * len(frame))
        if column == "status":
            values = values.map(lambda key: status_label(key, lang) if isinstance(key, str) else None)
        elif column in QUARTER_COLUMNS:
            values = values.map(lambda q: quarter_label(q, lang) if isinstance(q, str) else None)
        elif column == "sdgs":
            values = values.map(_sdg_list)
        elif column == "deadline":
            values = values.map(deadline_cell)
        elif column == "amount":
            values = values.astype(object).where(values.notna(), None)
        shown[t(f"col.{column}", lang)] = values
    percent = tuple(t(f"col.{column}", lang) for column in columns if column in PERCENT_COLUMNS)
    return Table(title=title, note=note, frame=pd.DataFrame(shown), percent_columns=percent)


def deadline_cell(value: object) -> dt.date | str | None:
    """A stored deadline for a spreadsheet: a day as a date (it sorts and filters as one), other words as written."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value


def _sdg_list(value: object) -> str | None:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(number) for number in value) or None
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def file_stem(title: str, quarter: str | None = None) -> str:
    """A file name people recognise and every system accepts: "nylig-forsinket-2024-Q2"."""
    folded = title.casefold()
    for norwegian, ascii_ in (("æ", "ae"), ("ø", "o"), ("å", "a")):
        folded = folded.replace(norwegian, ascii_)
    plain = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    slug = "-".join(re.sub(r"[^a-z0-9]+", " ", plain).split())[:60].strip("-") or t("outputs.table")
    return f"{slug}-{quarter}" if quarter else slug


def moment_text(moment: dt.datetime, lang: str) -> str:
    """A time as people here write it, in Oslo time when it knows its zone: "23.11.2026 kl. 15:40"."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(OSLO)
    date = f"{moment:%Y-%m-%d}" if lang == "en" else f"{moment:%d.%m.%Y}"
    return t("core.moment", lang, date=date, time=f"{moment:%H:%M}")


def stored_moment_text(timestamp: str, lang: str) -> str:
    """A time as stored (ISO 8601 in UTC, core.uploads.now_utc) as people here read it: "23.11.2026 kl. 16:40"."""
    return moment_text(dt.datetime.fromisoformat(timestamp), lang)


def created_line(note: str, lang: str, now: dt.datetime | None = None) -> str:
    """The filter line with the time the file was made: "Utvalg: … · laget 23.11.2026 kl. 15:40"."""
    return t("outputs.created", lang, note=note, made=moment_text(now or dt.datetime.now(OSLO), lang))


# --- CSV ------------------------------------------------------------------------------------


def csv_bytes(table: Table, separator: str = CSV_SEPARATOR) -> bytes:
    """UTF-8 with a byte order mark, so Excel shows æøå; formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow([csv_text(str(header)) for header in table.frame.columns])
    writer.writerows([_csv_value(value) for value in row] for row in table.frame.itertuples(index=False))
    return buffer.getvalue().encode("utf-8-sig")


def _csv_value(value: object) -> object:
    if _missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return csv_text(value)


def write_csv_rows(path, columns: Sequence[str], rows: Iterable[dict], separator: str = CSV_SEPARATOR) -> None:
    """Raw rows (canonical names and values) as CSV, for the command-line export."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator)
        writer.writerow(columns)
        writer.writerows([csv_text(row[column]) for column in columns] for row in rows)


# --- Excel ----------------------------------------------------------------------------------


def open_workbook(target: io.BytesIO | str | Path, *, streaming: bool = False) -> xlsxwriter.Workbook:
    """A workbook in which no text becomes a formula or a link; ``streaming`` keeps little in memory
    (rows must then be written in order, as :func:`write_table` does)."""
    options = {"strings_to_formulas": False, "strings_to_urls": False}
    if streaming:
        options["constant_memory"] = True
    if isinstance(target, io.BytesIO):
        return xlsxwriter.Workbook(target, {**options, "in_memory": True})
    return xlsxwriter.Workbook(str(target), options)


class Styles:
    """The cell formats of a workbook's tables: styled for people, or ``plain`` (a bold header) for code."""

    def __init__(self, workbook: xlsxwriter.Workbook, *, plain: bool = False):
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.note = workbook.add_format({"italic": True, "font_color": "#333333"})
        self.percent = workbook.add_format({"num_format": "0 %", "valign": "top"})
        self.date = workbook.add_format({"num_format": "dd.mm.yyyy", "valign": "top"})
        if plain:
            self.header = workbook.add_format({"bold": True})
            self.text = self.wrapped = self.number = None
            return
        self.header = workbook.add_format(
            {
                "bold": True,
                "bg_color": "#1F3864",
                "font_color": "#FFFFFF",
                "border": 1,
                "text_wrap": True,
                "valign": "top",
            }
        )
        self.text = workbook.add_format({"valign": "top"})
        self.wrapped = workbook.add_format({"valign": "top", "text_wrap": True})
        self.number = workbook.add_format({"valign": "top"})


def write_table(
    sheet,
    headers: Sequence[str],
    rows: Sequence[Sequence],
    styles: Styles,
    *,
    title: str | None = None,
    note: str | None = None,
    percent_columns: Iterable[str] = (),
) -> None:
    """A table in a sheet, row by row: title and note above it (then a blank row), a frozen header row
    with a filter, columns as wide as their contents, every text cell a string (never a formula),
    numbers as numbers, dates as dates and the ``percent_columns`` (progress 0–100) as percentages."""
    header_row = 0
    if title is not None:
        sheet.write_string(0, 0, file_text(title), styles.title)
        header_row = HEADER_ROW
    if note is not None:
        sheet.write_string(1, 0, file_text(note), styles.note)
        header_row = HEADER_ROW
    headers = [file_text(str(header)) for header in headers]
    for column, header in enumerate(headers):
        width = column_width(header, (row[column] for row in rows))
        sheet.set_column(column, column, width, styles.wrapped if width == MAX_WIDTH else styles.text)
    sheet.freeze_panes(header_row + 1, 0)
    for column, header in enumerate(headers):
        sheet.write_string(header_row, column, header, styles.header)
    percent = {column for column, header in enumerate(headers) if header in set(percent_columns)}
    for offset, row in enumerate(rows, start=header_row + 1):
        for column, value in enumerate(row):
            if _missing(value):
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                if column in percent:
                    sheet.write_number(offset, column, value / 100, styles.percent)
                else:
                    sheet.write_number(offset, column, value, styles.number)
            elif isinstance(value, dt.date):
                sheet.write_datetime(offset, column, value, styles.date)
            else:
                sheet.write_string(offset, column, file_text(str(value)))
    if headers:
        sheet.autofilter(header_row, 0, header_row + len(rows), len(headers) - 1)


def column_width(header: str, values: Iterable) -> int:
    """Characters of the longest value or the header, plus a margin, within MIN_WIDTH and MAX_WIDTH."""
    longest = max((len(str(value)) for value in values if not _missing(value)), default=0)
    return max(MIN_WIDTH, min(max(longest, len(header)) + 2, MAX_WIDTH))


def workbook_bytes(tables: Sequence[Table], sheet_names: Sequence[str] | None = None) -> bytes:
    """One formatted sheet per table: title, filter line, styled and frozen header, widths, % format."""
    buffer = io.BytesIO()
    workbook = open_workbook(buffer)
    styles = Styles(workbook)
    used: set[str] = set()
    for index, table in enumerate(tables):
        name = sheet_name(sheet_names[index] if sheet_names else table.title, used)
        write_table(
            workbook.add_worksheet(name),
            list(table.frame.columns),
            _rows(table.frame),
            styles,
            title=table.title,
            note=table.note,
            percent_columns=table.percent_columns,
        )
    workbook.close()
    return buffer.getvalue()


def _rows(frame: pd.DataFrame) -> list[tuple]:
    # Column by column through tolist(), so cells are Python numbers, not NumPy ones.
    return list(zip(*(frame.iloc[:, column].tolist() for column in range(frame.shape[1])), strict=True))


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return False
    try:
        # pandas-stubs list scalars only; isna takes any object, and a list's answer is the ValueError below.
        return bool(pd.isna(cast("Scalar", value)))
    except (TypeError, ValueError):
        return False


def sheet_name(wanted: str, used: set[str]) -> str:
    """A name Excel accepts (≤ 31 characters, none of []:*?/\\), unique in the workbook."""
    base = _SHEET_NAME_FORBIDDEN.sub(" ", file_text(wanted)).strip().strip("'")[:31] or t("outputs.sheet")
    name, number = base, 2
    while name.casefold() in {taken.casefold() for taken in used}:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    used.add(name)
    return name
