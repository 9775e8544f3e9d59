"""Kinds from the second round of the field log (docs/field-log.md, "Status workbooks, second round")
that issue 12's list did not name. Each test builds its workbook in code and asserts the whole stored
reports, or the whole refusal and that nothing was written.
"""

from __future__ import annotations

import openpyxl
import pytest

from loaders.status import load_status
from tests.builders import ADMIN, HEADER, build_small_register, report_rows


@pytest.fixture
def register(db):
    build_small_register(db)
    return db


def test_a_leading_apostrophe_written_into_the_text_is_read_as_excel_means_it(register, tmp_path):
    """Excel's apostrophe marks typed text and is kept as a style; writers that do not know this put it
    into the text (ClosedXML#147, PhpSpreadsheet#1061; field log second round, row 13)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Status"
    sheet.append(HEADER)
    sheet.append(["IØR", "'1.10", "2023-Q2", "I rute", "'45", "", "", ""])
    sheet.append(["Follo", "'1.2", "2023-Q2", "I rute", 20, "", "", ""])
    book.save(path := tmp_path / "apostrof.xlsx")

    load_status(register, path, user=ADMIN)

    assert report_rows(register) == [
        ("Follo", "1.2", "2023-Q2", "on_track", 20, None, None, None),
        ("IØR", "1.10", "2023-Q2", "on_track", 45, None, None, None),
    ]
