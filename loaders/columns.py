"""Finding the header row of a sheet and which column holds what."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.settings import setting
from core.vocabulary import clean_text, fold
from loaders.errors import DuplicateColumn

HEADER_SEARCH_ROWS = setting("header_search_rows", int)


@dataclass(frozen=True)
class Header:
    row: int  # 0-based index into Sheet.rows
    columns: dict[str, int]  # field name to 0-based column
    ignored: list[str]  # headers of columns we do not use, as written

    def cell(self, row: Sequence[object], name: str) -> object:
        """The value in ``row`` of the field ``name``; "" where the sheet lacks the column or the row ends before it."""
        column = self.columns.get(name)
        return row[column] if column is not None and column < len(row) else ""


def column_letter(index: int) -> str:
    """0 -> "A", 27 -> "AB"."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_ref(row: int, column: int) -> str:
    """0-based (row, column) as an Excel reference: (6, 4) -> "E7"."""
    return f"{column_letter(column)}{row + 1}"


def find_header(
    rows: Sequence[Sequence[object]], aliases: dict[str, tuple[str, ...]], required: tuple[str, ...], *, sheet: str
) -> Header | None:
    """The first of the top rows that names every required field, or None.

    ``aliases`` maps a field to the headers that mean it, compared ignoring
    case and surrounding spaces. A header row naming a field twice ("Status",
    "Status" or "Fremdrift", "Fremdrift (%)") raises DuplicateColumn: which of
    the two was filled in this quarter cannot be told.
    """
    by_alias = {fold(alias): name for name, names in aliases.items() for alias in names}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        ignored: list[str] = []
        twice: tuple[int, int] | None = None
        for column, value in enumerate(row):
            text = clean_text(value)
            if not text:
                continue
            name = by_alias.get(fold(text))
            if name is None:
                ignored.append(text)
            elif name in columns:
                twice = twice or (columns[name], column)
            else:
                columns[name] = column
        if all(name in columns for name in required):
            if twice is not None:
                first, second = twice
                raise DuplicateColumn(
                    "loaders.columns.duplicate",
                    sheet=sheet,
                    row=index + 1,
                    first=column_letter(first),
                    first_header=clean_text(row[first]),
                    second=column_letter(second),
                    second_header=clean_text(row[second]),
                )
            return Header(index, columns, ignored)
    return None
