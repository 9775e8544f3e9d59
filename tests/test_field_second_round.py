"""Kinds from the second round of the field log (docs/field-log.md, "Status workbooks, second round")
that issue 12's list did not name. Each test builds its workbook in code and asserts the whole stored
reports, or the whole refusal and that nothing was written.
"""

from __future__ import annotations

import pytest

from loaders.status import load_status
from tests.builders import ADMIN, build_small_register, report_rows, status_workbook


@pytest.fixture
def register(db):
    build_small_register(db)
    return db


def test_a_leading_apostrophe_written_into_the_text_is_read_as_excel_means_it(register, tmp_path):
    """Excel's apostrophe marks typed text and is kept as a style; writers that do not know this put it
    into the text (ClosedXML#147, PhpSpreadsheet#1061; field log second round, row 13)."""
    book, _ = status_workbook(
        [
            ["IØR", "'1.10", "2023-Q2", "I rute", "'45", "", "", ""],
            ["Follo", "'1.2", "2023-Q2", "I rute", 20, "", "", ""],
        ]
    )
    book.save(path := tmp_path / "apostrof.xlsx")

    load_status(register, path, user=ADMIN)

    assert report_rows(register) == [
        ("Follo", "1.2", "2023-Q2", "on_track", 20, None, None, None),
        ("IØR", "1.10", "2023-Q2", "on_track", 45, None, None, None),
    ]


def test_a_row_for_another_quarter_is_named_in_a_warning(register, tmp_path):
    """A newcomer changed one Kvartal cell of the template: the row was saved for that quarter and its
    commitment counted as missing from the file's own, with no word about why (try-out, issue 12)."""
    book, _ = status_workbook(
        [
            ["IØR", "1.1", "3. kv. 2024", "I rute", 10, "", "", ""],
            ["IØR", "1.2", "3. kv. 2024", "I rute", 20, "", "", ""],
            ["IØR", "1.10", "4. kv. 2024", "I rute", 30, "", "", ""],
            ["IØR", "2.1", "3. kv. 2024", "I rute", 40, "", "", ""],
        ]
    )
    book.save(path := tmp_path / "kvartal.xlsx")

    result = load_status(register, path, user=ADMIN, dry_run=True)

    assert [warning.message("nb") for warning in result.warnings] == [
        "Filen har rapporter for flere kvartaler: 3. kv. 2024 (3 rader) og 4. kv. 2024 (rad 4). Sjekk kolonnen "
        "Kvartal: malen er laget for ett kvartal per fil."
    ]
    assert [warning.message("en") for warning in result.warnings] == [
        "The file has reports for more than one quarter: Q3 2024 (3 rows) and Q4 2024 (row 4). Check the Kvartal "
        "column: the template is made for one quarter per file."
    ]


def test_a_file_for_one_quarter_has_no_quarter_warning(register, tmp_path):
    book, _ = status_workbook(
        [
            ["IØR", "1.1", "3. kv. 2024", "I rute", 10, "", "", ""],
            ["Follo", "1.1", "2024-Q3", "I rute", 10, "", "", ""],
        ]
    )
    book.save(path := tmp_path / "kvartal.xlsx")

    assert load_status(register, path, user=ADMIN, dry_run=True).warnings == []
