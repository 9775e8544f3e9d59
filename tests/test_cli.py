"""The command line, as a person runs it: exit codes, summaries and messages.

The first test runs ``python -m loaders`` as a process; the others call its main() in this
process (the ``cli`` fixture), which gives the same exit codes and output in a fraction of the time.
"""

import os
import subprocess
import sys

import pytest

from core.users import add_user
from tests.builders import ROOT, build_small_register, dump, report_rows, uploads_listing, write_workbook


def cli_process(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m loaders`` as its own process, as a person runs it."""
    return subprocess.run(
        [sys.executable, "-m", "loaders", *args],
        check=False,  # the tests read the exit code
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "DASHBOARD_USER": "kari", **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def cli(run_cli, monkeypatch):
    """The command line run in this process (tests/conftest.py), acting as kari unless told otherwise."""
    monkeypatch.setenv("DASHBOARD_USER", "kari")
    return run_cli


@pytest.fixture
def register(db):
    build_small_register(db)
    add_user(db, "kari", "Kari Nordmann", "administrator")  # $DASHBOARD_USER in cli()
    return db


@pytest.mark.slow  # a real process: Python starting and importing the loaders
def test_status_load_prints_one_line_and_exits_zero(register, db_path, tmp_path):
    path = write_workbook(tmp_path / "s.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""]])
    done = cli_process("status", str(path), "--db", str(db_path))
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "Lagret som opplasting 1: 1 lagt til, 0 endret, 0 uendret.\n",
        "",
    )
    again = cli_process("status", str(path), "--db", str(db_path))
    assert again.stdout == (
        "Ingenting å endre: 0 lagt til, 0 endret, 1 uendret. Den samme filen er lastet før (opplasting 1).\n"
    )


def test_database_comes_from_the_environment(register, db_path, tmp_path, cli):
    path = write_workbook(tmp_path / "s.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""]])
    done = cli("status", str(path), env={"DASHBOARD_DB": str(db_path)})
    assert done.returncode == 0
    assert report_rows(register) == [("Follo", "1.1", "2023-Q2", "on_track", 45, None, None, None)]


def test_refused_file_lists_every_error_on_stderr_and_exits_one(register, db_path, tmp_path, cli):
    before = dump(register)
    path = write_workbook(
        tmp_path / "bad.xlsx",
        [["Follo", "1.1", "2023-Q2", "Kanskje", 45, "", "", ""], ["Oslo", "1.1", "2023-Q2", "I rute", 4, "", "", ""]],
    )
    done = cli("status", str(path), "--db", str(db_path))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "Arket «Status», rad 2 (tiltak 1.1), kolonne D (Status): «Kanskje» – ukjent status. Velg en av: "
        "Ikke startet, I rute, Forsinket, Fullført, Utgår.",
        "Arket «Status», rad 3 (tiltak 1.1), kolonne A (Region): «Oslo» – ukjent region. Skriv regionens navn "
        "eller kortnavn slik det står i registeret.",
        "Filen ble ikke lagret: 2 feil. Første: Arket «Status», rad 2 (tiltak 1.1), kolonne D (Status): «Kanskje» – "
        "ukjent status. Velg en av: Ikke startet, I rute, Forsinket, Fullført, Utgår.",
    ]
    assert dump(register) == before


def test_not_a_workbook_is_one_line_without_traceback(register, db_path, tmp_path, cli):
    path = tmp_path / "data.xlsx"
    path.write_text("Region;Nr;Status\nFollo;1.1;I rute\n", encoding="utf-8")
    done = cli("status", str(path), "--db", str(db_path))
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_missing_file_is_a_message(register, db_path, tmp_path, cli):
    done = cli("status", str(tmp_path / "nope.xlsx"), "--db", str(db_path))
    assert done.returncode == 1
    assert "nope.xlsx" in done.stderr and "Traceback" not in done.stderr


def test_dry_run_saves_nothing(register, db_path, tmp_path, cli):
    before = dump(register)
    path = write_workbook(tmp_path / "s.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""]])
    done = cli("status", str(path), "--dry-run", "--db", str(db_path))
    assert (done.returncode, done.stdout) == (
        0,
        "Prøvekjøring – ingenting er lagret: 1 lagt til, 0 endret, 0 uendret.\n",
    )
    assert dump(register) == before


def test_uploads_log_and_rollback(register, db_path, tmp_path, cli):
    path = write_workbook(tmp_path / "s.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""]])
    cli("status", str(path), "--db", str(db_path))
    log = cli("uploads", "--db", str(db_path))
    assert log.returncode == 0
    [line] = log.stdout.splitlines()
    assert line.split()[0] == "1" and "status" in line and "kari" in line and "s.xlsx" in line and "+1 ~0 =0" in line

    undone = cli("rollback", "1", "--db", str(db_path))
    assert (undone.returncode, undone.stdout) == (
        0,
        "Opplasting 1 er tilbakestilt: 0 rapporter fikk tilbake tidligere verdier, 1 rapporter ble fjernet.\n",
    )
    assert report_rows(register) == []
    again = cli("rollback", "1", "--db", str(db_path))
    assert again.returncode == 1 and again.stderr.startswith("Opplasting 1 ble allerede tilbakestilt")


def test_usage_errors_exit_two(db_path, cli):
    assert cli("status").returncode == 2
    assert cli("export", "status", "--format", "pdf", "--out", "x").returncode == 2
    assert cli("frobnicate").returncode == 2
    assert cli("rollback", "abc").returncode == 2


def test_writes_are_made_as_a_named_account(register, db_path, tmp_path, cli):
    add_user(register, "lise", "Lise Leser", "leser")
    path = write_workbook(tmp_path / "s.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""]])
    before = dump(register)
    nobody = cli("status", str(path), "--db", str(db_path), env={"DASHBOARD_USER": ""})
    assert (nobody.returncode, nobody.stderr) == (
        1,
        "Oppgi hvilken bruker du laster som: --as BRUKERNAVN (eller sett DASHBOARD_USER). "
        "Opprett en bruker med «python -m loaders user add».\n",
    )
    stranger = cli("status", str(path), "--db", str(db_path), "--as", "per")
    assert (stranger.returncode, stranger.stderr) == (
        1,
        "Fant ingen bruker «per».\nBrukerne står i «python -m loaders user list».\n",
    )
    viewer = cli("status", str(path), "--db", str(db_path), "--as", "lise")
    assert (viewer.returncode, viewer.stderr) == (
        1,
        "Lise Leser har lesetilgang og kan ikke laste opp status. Spør en administrator om tilgang.\n",
    )
    assert dump(register) == before
    done = cli("status", str(path), "--db", str(db_path), "--as", "kari")
    assert done.returncode == 0
    assert register.execute("SELECT uploaded_by FROM uploads").fetchall() == [("Kari Nordmann (kari)",)]


def test_reading_without_sign_in_is_set_by_an_administrator(register, db_path, cli):
    assert cli("reading", "--db", str(db_path)).stdout == "Bare innloggede brukere kan lese.\n"
    assert cli("reading", "open", "--db", str(db_path)).stdout == "Alle kan lese uten å logge inn.\n"
    add_user(register, "lise", "Lise Leser", "leser")
    refused = cli("reading", "closed", "--db", str(db_path), "--as", "lise")
    assert refused.returncode == 1
    assert refused.stderr == (
        "Bare administratorer kan endre hvem som kan lese uten å logge inn; Lise Leser er ikke administrator.\n"
    )
    assert cli("reading", "--db", str(db_path)).stdout == "Alle kan lese uten å logge inn.\n"


def test_the_error_lines_read_in_english(register, tmp_path):
    from loaders.__main__ import error_lines
    from loaders.errors import MissingActingUser, StatusFileRejected
    from loaders.status import load_status
    from tests.builders import ADMIN

    path = write_workbook(tmp_path / "bad.xlsx", [["Follo", "1.1", "2023-Q2", "Kanskje", 45, "", "", ""]])
    with pytest.raises(StatusFileRejected) as caught:
        load_status(register, path, user=ADMIN)
    assert error_lines(caught.value, "en") == [
        "Sheet “Status”, row 2 (commitment 1.1), column D (Status): “Kanskje” – unknown status. Choose one of: "
        "Not started, On track, Delayed, Completed, Cancelled.",
        "The file was not saved: 1 error: Sheet “Status”, row 2 (commitment 1.1), column D (Status): “Kanskje” – "
        "unknown status. Choose one of: Not started, On track, Delayed, Completed, Cancelled.",
    ]
    assert error_lines(MissingActingUser("cli.no_acting_user"), "en") == [
        "Say which user you load as: --as USERNAME (or set DASHBOARD_USER). "
        "Create a user with “python -m loaders user add”."
    ]


def test_a_mistyped_database_path_is_named_and_not_created(register, tmp_path, cli):
    typo = tmp_path / "dashbaord.db"
    for command in (
        ("uploads",),
        ("export", "status", "--format", "csv", "--out", str(tmp_path / "x.csv")),
        ("user", "list"),
    ):
        done = cli(*command, "--db", str(typo))
        assert (done.returncode, done.stdout, done.stderr) == (
            1,
            "",
            f"Fant ingen database i {typo}.\n"
            "Sjekk --db og DASHBOARD_DB. En ny database lages med «python -m loaders user add» "
            "eller «python -m loaders demo».\n",
        )
    assert not typo.exists()


def test_a_new_database_is_made_by_adding_the_first_user(tmp_path, cli):
    new = tmp_path / "new.db"
    done = cli(
        "user", "add", "kari", "--name", "Kari Nordmann", "--role", "administrator", "--no-password", "--db", str(new)
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert cli("user", "list", "--db", str(new)).stdout == "kari\tKari Nordmann\t\tadministrator\talt\n"


@pytest.mark.slow  # a real process, whose standard output is closed before it writes
def test_output_cut_short_by_the_reader_is_no_error(register, db_path, tmp_path):
    path = write_workbook(tmp_path / "s.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""]])
    assert cli_process("status", str(path), "--db", str(db_path)).returncode == 0
    process = uploads_listing(db_path)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as `| head -0` does
    error = process.stderr.read().decode()
    assert (process.wait(timeout=120), error) == (0, "")
