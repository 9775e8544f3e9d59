"""Loads from real processes: two at the same moment, and one killed half-way."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from core.db import connect
from core.errors import DatabaseBusy
from core.users import add_user
from loaders.status import load_status
from tests.builders import ADMIN, ROOT, build_small_register, dump, report_rows, write_workbook

pytestmark = pytest.mark.slow  # real processes: Python starting, a kill -9, two loads queueing


def run_python(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs
    )


MET_THE_LOCK = "met the lock"
# ``python -m loaders ARGS`` that first tries the write lock without waiting and says on stderr
# when it finds it taken, then queues for it as usual; the test lets go once both have said so.
LOAD_THAT_SAYS_WHEN_IT_MEETS_THE_LOCK = textwrap.dedent(
    f"""
    import sqlite3, sys
    import core.reports
    from loaders.__main__ import main

    queue_for_it = core.reports.write_transaction

    def write_transaction(db, **options):
        patience = db.execute("PRAGMA busy_timeout").fetchone()[0]
        db.execute("PRAGMA busy_timeout = 0")
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            db.conn.execute("ROLLBACK")
        except sqlite3.OperationalError:
            print({MET_THE_LOCK!r}, file=sys.stderr, flush=True)
        db.execute(f"PRAGMA busy_timeout = {{patience}}")
        return queue_for_it(db, **options)

    core.reports.write_transaction = write_transaction
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.fixture
def register(db):
    build_small_register(db)
    add_user(db, ADMIN.username, ADMIN.name, ADMIN.role)
    return db


def test_two_loads_at_the_same_moment_both_land(register, db_path, tmp_path):
    first = write_workbook(tmp_path / "a.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 10, "", "", ""]])
    second = write_workbook(tmp_path / "b.xlsx", [["IØR", "1.1", "2023-Q2", "Forsinket", 20, "", "", ""]])
    # Hold the write lock until both loads have met it, so they are sure to queue.
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    loads = [
        run_python(
            "-c",
            LOAD_THAT_SAYS_WHEN_IT_MEETS_THE_LOCK,
            "status",
            str(path),
            "--db",
            str(db_path),
            "--as",
            ADMIN.username,
        )
        for path in (first, second)
    ]
    met = [load.stderr.readline() for load in loads]
    blocker.execute("ROLLBACK")
    blocker.close()
    outcomes = [(load.wait(timeout=120), *load.communicate()) for load in loads]

    assert met == [f"{MET_THE_LOCK}\n"] * 2, (met, outcomes)

    assert [outcome[0] for outcome in outcomes] == [0, 0], outcomes
    assert all(outcome[1].startswith("Lagret som opplasting ") for outcome in outcomes)
    assert report_rows(register) == [
        ("Follo", "1.1", "2023-Q2", "on_track", 10, None, None, None),
        ("IØR", "1.1", "2023-Q2", "delayed", 20, None, None, None),
    ]
    assert register.execute("SELECT count(*) FROM uploads").fetchone() == (2,)


def test_a_writer_that_holds_the_lock_too_long_gets_a_clear_message(register, db_path, tmp_path):
    path = write_workbook(tmp_path / "a.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 10, "", "", ""]])
    before = dump(register)
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    impatient = connect(db_path, busy_timeout=0.2)
    try:
        with pytest.raises(DatabaseBusy) as caught:
            load_status(impatient, path, user=ADMIN)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        impatient.close()
    assert str(caught.value) == "Databasen er opptatt med en annen lagring. Ingenting er endret; prøv igjen om litt."
    assert dump(register) == before


def test_a_load_killed_half_way_leaves_the_database_as_it_was(register, db_path, tmp_path):
    rows = [
        ["Follo", "1.1", "2023-Q2", "I rute", 10, "", "", ""],
        ["Follo", "1.2", "2023-Q2", "I rute", 20, "", "", ""],
    ]
    path = write_workbook(tmp_path / "a.xlsx", rows)
    before = dump(register)
    # Write the history and half the reports, then die as a power cut would: no cleanup runs.
    script = textwrap.dedent(
        f"""
        import os, signal
        import core.reports as reports
        import loaders.status as status
        from core.db import connect
        from tests.builders import ADMIN

        def write_half_then_die(db, rows, existing, upload_id):
            status_write(db, rows[:1], existing, upload_id)
            os.kill(os.getpid(), signal.SIGKILL)

        status_write, reports._write = reports._write, write_half_then_die
        status.load_status(connect({str(db_path)!r}), {str(path)!r}, user=ADMIN)
        """
    )
    killed = run_python("-c", script)
    killed.wait(timeout=60)

    assert killed.returncode == -signal.SIGKILL
    assert dump(register) == before
