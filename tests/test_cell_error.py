"""A cell error names the row's commitment when the row has a readable number: in the message, the
short form and equality."""

import datetime as dt

import pytest

from loaders.errors import CellError, StatusFileRejected
from loaders.status import load_status
from tests.builders import ADMIN, build_small_register, write_workbook


def error(code: str | None) -> CellError:
    return CellError("Status", 5, "D", "Status", "Kanskje", "loaders.status.unknown_status", {"statuses": "…"}, code)


def test_the_message_and_the_short_form_name_the_commitment():
    assert (
        error("2.1").message()
        == "Arket «Status», rad 5 (tiltak 2.1), kolonne D (Status): «Kanskje» – ukjent status. Velg en av: …."
    )
    assert error("2.1").message("en") == (
        "Sheet “Status”, row 5 (commitment 2.1), column D (Status): “Kanskje” – unknown status. Choose one of: …."
    )
    assert error("2.1").short() == "rad 5 (tiltak 2.1), Status: ukjent status. Velg en av: …."
    assert (
        error(None).message() == "Arket «Status», rad 5, kolonne D (Status): «Kanskje» – ukjent status. Velg en av: …."
    )
    assert error(None).short("en") == "row 5, Status: unknown status. Choose one of: …."


def test_two_errors_on_rows_of_different_commitments_differ():
    assert error("2.1") == error("2.1")
    assert len({error("2.1"), error("2.1")}) == 1
    assert error("2.1") != error("2.2")
    assert error("2.1") != error(None)


def test_the_loader_takes_the_number_from_the_row_as_written(db, tmp_path):
    build_small_register(db)
    path = write_workbook(
        tmp_path / "s.xlsx",
        [
            ["Follo", 1.2, "2023-Q2", "Kanskje", 5, "", "", ""],  # a number cell
            ["Follo", dt.datetime(2023, 1, 1), "2023-Q2", "Kanskje", 5, "", "", ""],  # Excel made it a date
            ["Follo", "", "2023-Q2", "Kanskje", 5, "", "", ""],
        ],
        text_codes=False,
    )
    with pytest.raises(StatusFileRejected) as rejected:
        load_status(db, path, user=ADMIN)
    assert [(found.row, found.column, found.code) for found in rejected.value.errors] == [
        (2, "D", "1.2"),
        (3, "B", None),
        (3, "D", None),
        (4, "B", None),
        (4, "D", None),
    ]
