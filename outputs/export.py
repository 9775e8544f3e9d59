"""Exporting status reports or the commitment register to CSV, Excel or JSON.

Columns are the canonical field names and values the canonical ones
(status keys, "YYYY-Qn"), so an export can be read back by code. Text that a
spreadsheet would run as a formula never is: CSV cells get a leading
apostrophe and Excel cells are written as strings.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import xlsxwriter
from sqlite_utils import Database

from core.errors import MonitorError
from core.queries import COMMITMENT_COLUMNS, STATUS_COLUMNS, commitment_rows, status_rows
from outputs.tables import CSV_SEPARATOR, write_csv_rows

WHATS = ("status", "commitments")
FORMATS = ("csv", "xlsx", "json")
SHEET_NAMES = {"status": "Status", "commitments": "Tiltak"}
MIN_WIDTH, MAX_WIDTH = 8, 60


class UnsupportedExport(MonitorError):
    """An export of something or in a format we do not offer."""


def export(
    db: Database,
    what: str,
    fmt: str,
    out_path: str | os.PathLike,
    region: str | None = None,
    quarter: str | None = None,
    *,
    separator: str = CSV_SEPARATOR,
) -> int:
    """Write "status" or "commitments" rows as "csv", "xlsx" or "json"; return the rows written.

    ``region`` (full or short name) filters both; ``quarter`` filters status
    only, since commitments have none. ``separator`` is for CSV: the default
    ";" opens in columns in Norwegian Excel; pass "," for other tools.
    The file appears whole or not at all.
    """
    if what not in WHATS:
        raise UnsupportedExport(f"Kan ikke eksportere «{what}». Velg en av: {', '.join(WHATS)}.")
    if fmt not in FORMATS:
        raise UnsupportedExport(f"Kan ikke eksportere til formatet «{fmt}». Velg en av: {', '.join(FORMATS)}.")
    if what == "status":
        columns, rows = STATUS_COLUMNS, status_rows(db, region, quarter)
    else:
        columns, rows = COMMITMENT_COLUMNS, commitment_rows(db, region)
    with replacing(out_path) as temp_path:
        if fmt == "csv":
            write_csv_rows(temp_path, columns, rows, separator)
        elif fmt == "xlsx":
            write_xlsx(temp_path, columns, rows, SHEET_NAMES[what])
        else:
            write_json(temp_path, rows)
    return len(rows)


@contextlib.contextmanager
def replacing(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary path beside ``path`` that takes its place only if the block succeeds.

    os.replace within one directory is atomic, so readers see the old file or
    the new one, never half of one. The name is made here rather than by
    tempfile.mkstemp, whose file would be readable by its owner only.
    """
    target = Path(path)
    temp_path = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        yield temp_path
        os.replace(temp_path, target)
    finally:
        temp_path.unlink(missing_ok=True)


def write_xlsx(path: Path, columns: tuple[str, ...], rows: list[dict], sheet_name: str) -> None:
    # constant_memory streams each row to disk, so a national export stays small in memory.
    workbook = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_urls": False, "constant_memory": True}
    )
    sheet = workbook.add_worksheet(sheet_name)
    for index, column in enumerate(columns):
        sheet.set_column(index, index, _width(column, rows))
    sheet.freeze_panes(1, 0)
    sheet.write_row(0, 0, columns, workbook.add_format({"bold": True}))
    for row_index, row in enumerate(rows, start=1):
        for index, column in enumerate(columns):
            value = row[column]
            if isinstance(value, str):
                sheet.write_string(row_index, index, value)
            elif value is not None:
                sheet.write_number(row_index, index, value)
    sheet.autofilter(0, 0, len(rows), len(columns) - 1)
    workbook.close()


def _width(column: str, rows: list[dict]) -> int:
    longest = max((len(str(row[column])) for row in rows if row[column] is not None), default=0)
    return max(MIN_WIDTH, min(max(longest, len(column)) + 2, MAX_WIDTH))


def write_json(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(rows, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
