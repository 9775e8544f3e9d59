"""Rows that merely repeat the previous report (an untouched pre-filled template) are not updated:
flagged by the command line's dry run, left out of a save unless kept, and nothing saved from a file
with nothing else in it. The page's side is in tests/test_round_pages.py."""

import pytest

from core.users import add_user
from loaders.status import load_status
from tests.builders import ADMIN, build_small_register, dump, report_rows, write_workbook

FOLLO = "Follorådet"
Q1 = [
    [FOLLO, "1.1", "2023-Q1", "I rute", 40, "Godt i gang", "Møte i mai", "Kari"],
    [FOLLO, "1.2", "2023-Q1", "Fullført", 100, "Åpnet", None, "Per"],
]
# The next quarter as the template pre-fills it: status, progress and owner repeated, the rest blank.
UNTOUCHED_Q2 = [
    [FOLLO, "1.1", "2023-Q2", "I rute", 40, None, None, "Kari"],
    [FOLLO, "1.2", "2023-Q2", "Fullført", 100, None, None, "Per"],
]


@pytest.fixture
def register(db, tmp_path):
    build_small_register(db)
    add_user(db, "kari", "Kari Nordmann", "administrator")
    load_status(db, write_workbook(tmp_path / "q1.xlsx", Q1), user=ADMIN)
    return db


@pytest.fixture
def cli(run_cli, monkeypatch):
    monkeypatch.setenv("DASHBOARD_USER", "kari")
    return run_cli


def test_the_dry_run_names_each_row_not_updated_and_how_to_keep_them(register, db_path, tmp_path, cli):
    path = write_workbook(tmp_path / "q2.xlsx", UNTOUCHED_Q2)
    done = cli("status", str(path), "--db", str(db_path), "--dry-run")
    assert (done.returncode, done.stdout) == (
        0,
        "Prøvekjøring: ingen av de 2 radene i filen er oppdatert, de gjentar bare forrige rapport. "
        "Ingenting ville bli lagret.\n",
    )
    assert done.stderr.splitlines() == [
        "Ikke oppdatert: rad 2 (tiltak 1.1, Follorådet) gjentar bare rapporten for 1. kv. 2023.",
        "Ikke oppdatert: rad 3 (tiltak 1.2, Follorådet) gjentar bare rapporten for 1. kv. 2023.",
        "Rader som ikke er oppdatert, lagres ikke. Er statusen faktisk uendret, last filen med --keep-not-updated.",
    ]


def test_an_untouched_file_saves_nothing_and_says_so(register, db_path, tmp_path, cli):
    before = dump(register)
    done = cli("status", str(write_workbook(tmp_path / "q2.xlsx", UNTOUCHED_Q2)), "--db", str(db_path))
    assert (done.returncode, done.stdout) == (
        0,
        "Ingenting er lagret: ingen av de 2 radene i filen er oppdatert, de gjentar bare forrige rapport.\n",
    )
    assert dump(register) == before


def test_kept_rows_not_updated_are_saved(register, db_path, tmp_path, cli):
    path = write_workbook(tmp_path / "q2.xlsx", UNTOUCHED_Q2)
    done = cli("status", str(path), "--db", str(db_path), "--keep-not-updated")
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "Lagret som opplasting 2: 2 lagt til, 0 endret, 0 uendret.\n",
        "",
    )
    assert [row for row in report_rows(register) if row[2] == "2023-Q2"] == [
        ("Follo", "1.1", "2023-Q2", "on_track", 40, None, None, "Kari"),
        ("Follo", "1.2", "2023-Q2", "completed", 100, None, None, "Per"),
    ]


def test_a_completed_commitment_repeated_beside_real_updates_is_its_report(register, tmp_path):
    # 1.1 moves on, so the file is filled in; 1.2 stays completed, which is reported by repeating it.
    rows = [[FOLLO, "1.1", "2023-Q2", "Forsinket", 40, None, None, "Kari"], UNTOUCHED_Q2[1]]
    result = load_status(register, write_workbook(tmp_path / "q2.xlsx", rows), user=ADMIN)
    assert (result.added, result.changed, result.unchanged, result.not_updated) == (2, 0, 0, 0)
    assert [row[:5] for row in report_rows(register) if row[2] == "2023-Q2"] == [
        ("Follo", "1.1", "2023-Q2", "delayed", 40),
        ("Follo", "1.2", "2023-Q2", "completed", 100),
    ]


@pytest.mark.parametrize(
    ("row", "not_updated"),
    [
        ([FOLLO, "1.1", "2023-Q2", "I rute", 40, None, None, "Kari"], True),  # as pre-filled
        ([FOLLO, "1.1", "2023-Q2", "I rute", 40, "Godt i gang", "Møte i mai", "Kari"], True),  # copied words
        ([FOLLO, "1.1", "2023-Q2", "I rute", 45, None, None, "Kari"], False),  # progress moved
        ([FOLLO, "1.1", "2023-Q2", "I rute", 40, "Fortsatt i gang", None, "Kari"], False),  # a new comment
        ([FOLLO, "1.1", "2023-Q2", "I rute", 40, None, "Nytt møte", "Kari"], False),  # a new next step
        ([FOLLO, "1.1", "2023-Q2", "I rute", 40, None, None, "Ola"], False),  # a new owner
        ([FOLLO, "1.1", "2023-Q2", "Forsinket", 40, None, None, "Kari"], False),  # a new status
        ([FOLLO, "1.1", "2023-Q1", "I rute", 40, None, None, "Kari"], False),  # the same quarter: a correction
    ],
)
def test_what_counts_as_only_repeating_the_previous_report(register, tmp_path, row, not_updated):
    result = load_status(register, write_workbook(tmp_path / "one.xlsx", [row]), user=ADMIN, dry_run=True)
    assert [change.kind == "not_updated" for change in result.changes] == [not_updated]
