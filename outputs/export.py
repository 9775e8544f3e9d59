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

from sqlite_utils import Database

from core.i18n import t
from core.queries import COMMITMENT_COLUMNS, STATUS_COLUMNS, commitment_rows, status_rows
from core.vocabulary import file_text
from outputs.errors import UnsupportedExport
from outputs.tables import CSV_SEPARATOR, Styles, open_workbook, write_csv_rows, write_table

WHATS = ("status", "commitments")
FORMATS = ("csv", "xlsx", "json")


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
        raise UnsupportedExport("outputs.unsupported_export", what=what, choices=", ".join(WHATS))
    if fmt not in FORMATS:
        raise UnsupportedExport("outputs.unsupported_format", format=fmt, choices=", ".join(FORMATS))
    if what == "status":
        columns, rows = STATUS_COLUMNS, status_rows(db, region, quarter)
    else:
        columns, rows = COMMITMENT_COLUMNS, commitment_rows(db, region)
    with replacing(out_path) as temp_path:
        if fmt == "csv":
            write_csv_rows(temp_path, columns, rows, separator)
        elif fmt == "xlsx":
            write_xlsx(temp_path, columns, rows, t(f"outputs.export.sheet.{what}"))
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
    """Canonical rows under their field names, streamed to disk so a national export stays small in memory."""
    workbook = open_workbook(path, streaming=True)
    values = [tuple(row[column] for column in columns) for row in rows]
    write_table(workbook.add_worksheet(sheet_name), columns, values, Styles(workbook, plain=True))
    workbook.close()


def write_json(path: Path, rows: list[dict]) -> None:
    """The rows as JSON, their text without control characters, as in the other formats."""
    rows = [{key: file_text(value) if isinstance(value, str) else value for key, value in row.items()} for row in rows]
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(rows, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
