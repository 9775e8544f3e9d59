"""The organisation as a workbook: counties, units, regions, members and status words, one sheet each,
in the layout ``loaders.organisation`` reads, so the file loads back and changes nothing."""

from __future__ import annotations

import io

from core.i18n import t
from core.organisation import COLUMNS, SHEETS, OrganisationRows, sheet_cells
from outputs.tables import Styles, open_workbook, write_table


def organisation_workbook(rows: OrganisationRows, lang: str = "nb") -> bytes:
    """The organisation's rows as an xlsx workbook, sheet names and headers in ``lang``."""
    buffer = io.BytesIO()
    workbook = open_workbook(buffer)
    styles = Styles(workbook)
    note = t("outputs.organisation.note", lang, page=t("page.organisation", lang))
    for kind in SHEETS:
        name = t(f"outputs.organisation.sheet.{kind}", lang)
        write_table(
            workbook.add_worksheet(name),
            [t(f"outputs.organisation.col.{kind}.{column}", lang) for column in COLUMNS[kind]],
            [sheet_cells(kind, row, lang) for row in getattr(rows, kind)],
            styles,
            title=name,
            note=note,
        )
    workbook.close()
    return buffer.getvalue()
