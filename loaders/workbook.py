"""Reading an uploaded .xlsx workbook safely.

TEMPORARY minimal version: Helper B replaces it with the hardened reader
(sniffing, zip-bomb, entity, macro, password and size checks).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import python_calamine

from loaders.errors import DamagedWorkbook, EmptySheet

MAX_ROWS = 100_000


@dataclass
class Sheet:
    name: str
    # rows[0] is Excel row 1 and rows[r][0] column A; empty cells are "".
    rows: list[list[object]]
    # 0-based (row, column) of numeric cells shown with a percent format.
    percent_cells: frozenset[tuple[int, int]] = field(default_factory=frozenset)


def read_sheet(path: str | os.PathLike, preferred: str = "Status", max_rows: int = MAX_ROWS) -> Sheet:
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as error:  # noqa: BLE001 - replaced by the hardened reader
        raise DamagedWorkbook(f"Filen kan ikke leses som en Excel-arbeidsbok ({error}).") from None
    names = workbook.sheet_names
    name = next((n for n in names if n.strip().casefold() == preferred.casefold()), names[0])
    rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    if not rows:
        raise EmptySheet(f"Arket «{name}» er tomt.")
    return Sheet(name, rows)
