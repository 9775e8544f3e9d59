"""``python -m loaders backup`` and ``restore``: a consistent copy while loads run, and a restore
that checks before it touches anything and leaves no stale WAL behind."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from sqlite_utils import Database

from core.db import Snapshot, backup, connect, migrations, restore, write_transaction
from core.users import add_user
from core.vocabulary import number_text
from loaders.status import load_status
from tests.builders import ADMIN, ROOT, add_reports, build_small_register, write_workbook

# The schema version this code knows: the number of its migrations.
SCHEMA = len(migrations.pending(Database(memory=True)))
QUARTERS = [f"{year}-Q{quarter}" for year in (2022, 2023) for quarter in (1, 2, 3, 4)]
# Every commitment both agreements hold in 2022 and 2023: one upload is a whole quarter of these.
COMMITMENTS = [("IØR", code) for code in ("1.1", "1.2", "1.10", "2.1", "2.1.A")] + [("Follo", "1.1"), ("Follo", "1.2")]
HISTORY_TABLES = ("uploads", "status_reports", "status_history", "upload_values", "users")


def quarter_of_reports(quarter: str, status: str = "on_track") -> list[tuple]:
    return [(region, code, quarter, status, 10 * (position + 1)) for position, (region, code) in enumerate(COMMITMENTS)]


def tables(path: Path) -> dict[str, list[tuple]]:
    """The rows of the tables that hold the history, read from the file at ``path``."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {name: conn.execute(f"SELECT * FROM {name} ORDER BY rowid").fetchall() for name in HISTORY_TABLES}


def revision_in(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]


def integrity(path: Path) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchall()


def file_dump(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


@pytest.fixture
def live(tmp_path) -> Path:
    """A closed database file with the small register, an administrator and two quarters of reports."""
    path = tmp_path / "live" / "dashboard.db"
    with contextlib.closing(connect(path)) as db:
        build_small_register(db)
        add_user(db, ADMIN.username, ADMIN.name, ADMIN.role)
        add_reports(db, quarter_of_reports("2022-Q1"), file_name="q1.xlsx")
        add_reports(db, quarter_of_reports("2022-Q2", "delayed"), file_name="q2.xlsx")
    return path


@pytest.fixture
def backups(tmp_path) -> Path:
    folder = tmp_path / "backups"
    folder.mkdir()
    return folder


# --- backup ---------------------------------------------------------------------------------------


def test_backup_writes_a_checked_private_copy_and_says_what_it_wrote(live, backups, run_cli):
    out = backups / "dashboard-2026-11-30.db"

    run = run_cli("backup", str(out), "--db", str(live))

    size = number_text(out.stat().st_size / 1000)
    assert (run.returncode, run.stdout, run.stderr) == (
        0,
        f"Sikkerhetskopi skrevet til {out}: {size} kB, skjemaversjon {SCHEMA}, dataversjon {revision_in(live)}.\n",
        "",
    )
    assert file_dump(out) == file_dump(live)
    assert integrity(out) == [("ok",)]
    assert out.stat().st_mode & 0o777 == 0o600  # the copy holds password hashes
    assert sorted(path.name for path in backups.iterdir()) == [out.name]


def test_backup_refuses_an_existing_file_unless_forced(live, backups, run_cli):
    out = backups / "dashboard.db"
    out.write_bytes(b"last night's copy")

    refused = run_cli("backup", str(out), "--db", str(live))

    assert (refused.returncode, refused.stdout, refused.stderr) == (
        1,
        "",
        f"{out} finnes allerede; ingenting er skrevet.\nVelg et annet navn, eller bruk --force for å skrive over.\n",
    )
    assert out.read_bytes() == b"last night's copy"
    assert sorted(path.name for path in backups.iterdir()) == ["dashboard.db"]

    forced = run_cli("backup", str(out), "--force", "--db", str(live))

    assert forced.returncode == 0
    assert file_dump(out) == file_dump(live)
    assert sorted(path.name for path in backups.iterdir()) == ["dashboard.db"]


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_backup_refuses_to_write_over_the_database_itself_even_forced(live, run_cli, suffix):
    out = live.parent / f"{live.name}{suffix}"
    before = file_dump(live)

    run = run_cli("backup", str(out), "--force", "--db", str(live))

    assert (run.returncode, run.stdout, run.stderr) == (
        1,
        "",
        f"{out} hører til selve databasen; velg en annen fil for sikkerhetskopien. Ingenting er skrevet.\n",
    )
    assert file_dump(live) == before
    assert sorted(path.name for path in live.parent.iterdir()) == ["dashboard.db"]


def test_backup_into_a_missing_folder_names_the_file_asked_for(live, tmp_path, run_cli):
    out = tmp_path / "no such folder" / "copy.db"

    run = run_cli("backup", str(out), "--db", str(live))

    assert (run.returncode, run.stdout, run.stderr) == (
        1,
        "",
        f"Kan ikke bruke {out}: filen eller mappen finnes ikke; ingenting er endret.\n",
    )
    assert out.parent.exists() is False


def test_backup_of_a_missing_database_names_it_and_creates_nothing(tmp_path, backups, run_cli):
    missing = tmp_path / "nowhere.db"

    run = run_cli("backup", str(backups / "copy.db"), "--db", str(missing))

    assert (run.returncode, run.stdout, run.stderr.splitlines()[0]) == (1, "", f"Fant ingen database i {missing}.")
    assert (missing.exists(), list(backups.iterdir())) == (False, [])


def test_backup_of_a_truncated_database_is_refused_and_writes_nothing(live, tmp_path, backups, run_cli):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(live.read_bytes()[: live.stat().st_size // 2])

    run = run_cli("backup", str(backups / "copy.db"), "--db", str(damaged))

    assert (run.returncode, run.stdout, run.stderr) == (
        1,
        "",
        f"Databasen {damaged} er skadet; ingenting er endret. Gjenopprett den fra en sikkerhetskopi "
        "(python -m loaders restore).\n",
    )
    assert list(backups.iterdir()) == []


def test_a_backup_does_not_wait_for_a_load_and_leaves_its_half_out(live, backups):
    before = tables(live)
    writer = connect(live)
    try:
        writer.conn.execute("BEGIN IMMEDIATE")
        writer.conn.execute(
            "INSERT INTO uploads (kind, file_name, sha256, uploaded_by, uploaded_at, added) "
            "VALUES ('status', 'half.xlsx', ?, 'test', '2026-11-30T03:00:00', 7)",
            ("0" * 64,),
        )
        # The write lock is held for the whole backup: a backup that needed it would wait and fail.
        copy = backup(backups / "copy.db", live)
        writer.conn.execute("COMMIT")
    finally:
        writer.close()

    assert tables(copy.path) == before
    assert [row[2] for row in tables(live)["uploads"]] == ["q1.xlsx", "q2.xlsx", "half.xlsx"]


def test_backups_taken_while_loads_run_hold_every_upload_whole(live, backups):
    loads_done = threading.Event()
    failures: list[BaseException] = []

    def load_the_other_quarters() -> None:
        try:
            with contextlib.closing(connect(live)) as db:
                for quarter in QUARTERS[2:]:
                    add_reports(db, quarter_of_reports(quarter), file_name=f"{quarter}.xlsx")
        except BaseException as error:  # reported by the main thread
            failures.append(error)
        finally:
            loads_done.set()

    loader = threading.Thread(target=load_the_other_quarters)
    loader.start()
    copies: list[Snapshot] = []
    while not loads_done.is_set() or not copies:
        copies.append(backup(backups / f"copy-{len(copies)}.db", live))
    loader.join()
    last = backup(backups / "last.db", live)

    assert failures == []
    for copy in copies:
        with contextlib.closing(sqlite3.connect(copy.path)) as conn:
            uploads = conn.execute(
                "SELECT u.file_name, u.added, "
                "(SELECT count(*) FROM status_reports s WHERE s.upload_id = u.id), "
                "(SELECT count(*) FROM upload_values v WHERE v.upload_id = u.id) "
                "FROM uploads u ORDER BY u.id"
            ).fetchall()
            revision = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]
        loaded = [f"{quarter}.xlsx" for quarter in QUARTERS[2 : len(uploads)]]
        assert uploads == [(name, 7, 7, 7) for name in ["q1.xlsx", "q2.xlsx", *loaded]]
        assert (copy.revision, copy.schema, integrity(copy.path)) == (revision, SCHEMA, [("ok",)])
    assert file_dump(last.path) == file_dump(live)


# --- restore --------------------------------------------------------------------------------------


@pytest.fixture
def loaded_twice(tmp_path, live) -> Path:
    """``live`` after two loads from workbooks, the second changing the first: status history to keep."""
    with contextlib.closing(connect(live)) as db:
        for name, status in (("first.xlsx", "I rute"), ("second.xlsx", "Forsinket")):
            rows = [["Follo", "1.1", "2023-Q1", status, 40, "", "", ""]]
            load_status(db, write_workbook(tmp_path / name, rows), user=ADMIN)
    return live


def test_restore_brings_back_the_data_and_its_history(loaded_twice, backups, tmp_path, run_cli):
    live = loaded_twice
    copy = backup(backups / "copy.db", live)
    with contextlib.closing(connect(live)) as db:
        add_reports(db, quarter_of_reports("2023-Q4"), file_name="after.xlsx")
        with write_transaction(db):
            db.execute("DELETE FROM status_history")
    live_revision = revision_in(live)
    replaced = tables(live)

    run = run_cli("restore", str(copy.path), "--db", str(live))

    [before] = live.parent.glob("dashboard-before-restore-*.db")
    assert re.fullmatch(r"dashboard-before-restore-\d{8}T\d{6}\.db", before.name)
    assert (run.returncode, run.stdout, run.stderr) == (
        0,
        f"{live} er gjenopprettet fra {copy.path}: skjemaversjon {SCHEMA}, dataversjon {live_revision + 1}. "
        "Dashbordet viser de gjenopprettede dataene fra neste visning.\n"
        f"Databasen slik den var før, er lagret i {before}.\n",
        "",
    )
    # A restore from the wrong file is undone from the copy it kept.
    assert tables(before) == replaced
    assert tables(live) == tables(copy.path)
    assert len(tables(live)["status_history"]) == 1
    assert integrity(live) == [("ok",)]
    assert revision_in(live) == live_revision + 1 > copy.revision
    # The restore is folded into the file: nothing left beside it to be replayed or lost.
    assert sorted(path.name for path in live.parent.iterdir()) == [before.name, "dashboard.db"]
    assert sorted(path.name for path in backups.iterdir()) == ["copy.db"]
    with contextlib.closing(connect(live)) as db:
        assert db.journal_mode == "wal"


def test_a_session_reading_during_a_restore_sees_the_old_data_or_the_new(live, backups):
    copy = backup(backups / "copy.db", live)
    with contextlib.closing(connect(live)) as db:
        add_reports(db, quarter_of_reports("2023-Q4"), file_name="after.xlsx")
    reader = connect(live)
    try:
        reader.conn.execute("BEGIN")
        during = reader.execute("SELECT count(*) FROM status_reports").fetchone()
        restore(copy.path, live)
        still = reader.execute("SELECT count(*) FROM status_reports").fetchone()
        reader.conn.execute("COMMIT")
        after = reader.execute("SELECT count(*) FROM status_reports").fetchone()
    finally:
        reader.close()

    assert (during, still, after) == ((21,), (21,), (14,))
    assert integrity(live) == [("ok",)]


def test_restore_waits_for_a_load_and_names_one_that_holds_the_database_too_long(live, backups, run_cli):
    copy = backup(backups / "copy.db", live)
    before = tables(live)
    writer = connect(live)
    try:
        writer.conn.execute("BEGIN IMMEDIATE")
        run = run_cli("restore", str(copy.path), "--db", str(live), env={"DASHBOARD_BUSY_TIMEOUT": "0.2"})
    finally:
        writer.conn.execute("ROLLBACK")
        writer.close()

    assert (run.returncode, run.stdout, run.stderr) == (
        1,
        "",
        "Databasen er opptatt med en annen lagring. Ingenting er endret; prøv igjen om litt.\n",
    )
    assert tables(live) == before
    # Its copy of the database as it was goes too: nothing was replaced.
    assert list(live.parent.glob("*before-restore*")) == []


def copy_with_writes_in_the_wal(live: Path, target: Path, suffixes: tuple[str, ...]) -> None:
    """Add a quarter of reports to ``live`` that stays in its -wal (no checkpoint) and, while it does,
    copy the files ``live`` + each suffix to ``target`` + the same suffix, in a new folder."""
    target.parent.mkdir()
    holder = connect(live)
    try:
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        add_reports(holder, quarter_of_reports("2023-Q4"), file_name="after.xlsx")
        for suffix in suffixes:
            shutil.copyfile(f"{live}{suffix}", f"{target}{suffix}")
    finally:
        holder.close()


def test_restore_over_a_database_with_a_hot_wal_leaves_no_corruption(live, backups, tmp_path):
    copy = backup(backups / "copy.db", live)
    crashed = tmp_path / "crashed" / "dashboard.db"
    # A database whose last writes are still only in its -wal, as after a kill -9 of the dashboard.
    copy_with_writes_in_the_wal(live, crashed, ("", "-wal"))
    assert Path(f"{crashed}-wal").stat().st_size > 0

    restored = restore(copy.path, crashed)

    assert tables(crashed) == tables(copy.path)
    assert (integrity(crashed), restored.revision) == ([("ok",)], revision_in(live) + 1)
    assert restored.before is not None
    # The copy kept of the crashed database holds its last writes, read from its -wal.
    assert tables(restored.before) == tables(live)
    assert sorted(path.name for path in crashed.parent.iterdir()) == sorted([restored.before.name, "dashboard.db"])


def test_restore_of_a_lost_database_ignores_a_wal_orphaned_beside_it(live, backups, tmp_path):
    copy = backup(backups / "copy.db", live)
    lost = tmp_path / "lost" / "dashboard.db"
    # Its database file is gone; the -wal left beside the path would be replayed into a new file there.
    copy_with_writes_in_the_wal(live, lost, ("-wal",))

    restored = restore(copy.path, lost, new=True)

    assert tables(lost) == tables(copy.path)
    assert (integrity(lost), restored.revision) == ([("ok",)], copy.revision + 1)
    assert sorted(path.name for path in lost.parent.iterdir()) == ["dashboard.db"]


def test_a_backup_from_an_older_version_is_migrated(tmp_path, backups, live):
    old = backups / "old.db"
    with contextlib.closing(sqlite3.connect(old)) as conn:
        migrations.apply(Database(conn), stop_before="m004_sessions")
        # Above the live revision (4), so the restored one continues from the backup's.
        conn.execute("UPDATE meta SET value = 50 WHERE key = 'revision'")
        conn.commit()

    restored = restore(old, live)

    assert (restored.schema, restored.revision) == (SCHEMA, 51)
    with contextlib.closing(connect(live)) as db:
        assert (db["sessions"].exists(), migrations.pending(db)) == (True, [])
        assert db.execute("SELECT count(*) FROM status_reports").fetchone() == (0,)


def another_products_database(path: Path) -> Path:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('handleliste')")
        conn.commit()
    return path


def a_newer_versions_backup(path: Path) -> Path:
    backup(path, path.parent.parent / "live" / "dashboard.db")
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('partnerskapsmonitor', 'm999_from_the_future', '2027-01-01')"
        )
        conn.commit()
    return path


def a_text_file(path: Path) -> Path:
    path.write_text("region;code\nFollo;1.1\n", encoding="utf-8")
    return path


REFUSED = [
    pytest.param(
        a_text_file,
        "{file} er ikke en SQLite-database; ingenting er endret.",
        id="text file",
    ),
    pytest.param(
        another_products_database,
        "{file} er en SQLite-database, men ikke fra Partnerskapsmonitor; ingenting er endret.",
        id="another product",
    ),
    pytest.param(
        a_newer_versions_backup,
        f"{{file}} har skjemaversjon {SCHEMA + 1}, og denne versjonen av Partnerskapsmonitor kjenner bare {SCHEMA}. "
        "Oppdater programmet først; ingenting er endret.",
        id="newer version",
    ),
    pytest.param(lambda path: path, "Fant ingen fil {file}; ingenting er endret.", id="missing"),
]


@pytest.mark.parametrize(("make", "message"), REFUSED)
def test_restore_refuses_what_is_not_a_backup_of_ours_and_changes_nothing(live, backups, run_cli, make, message):
    file = make(backups / "suspect.db")
    before = (live.read_bytes(), sorted(path.name for path in live.parent.iterdir()))

    run = run_cli("restore", str(file), "--db", str(live))

    assert (run.returncode, run.stdout, run.stderr) == (1, "", message.format(file=file) + "\n")
    assert (live.read_bytes(), sorted(path.name for path in live.parent.iterdir())) == before


def test_restore_refuses_a_truncated_backup_and_changes_nothing(live, backups, run_cli):
    whole = backup(backups / "whole.db", live).path
    truncated = backups / "truncated.db"
    truncated.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    before = (live.read_bytes(), sorted(path.name for path in live.parent.iterdir()))

    run = run_cli("restore", str(truncated), "--db", str(live))

    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == f"{truncated} er skadet: SQLite finner feil i den; ingenting er endret.\n"
    assert (live.read_bytes(), sorted(path.name for path in live.parent.iterdir())) == before


def test_restore_refuses_to_write_over_another_products_database(backups, tmp_path, live, run_cli):
    copy = backup(backups / "copy.db", live)
    other = another_products_database(tmp_path / "notes.db")
    before = file_dump(other)

    run = run_cli("restore", str(copy.path), "--db", str(other))

    assert (run.returncode, run.stdout, run.stderr) == (
        1,
        "",
        f"{other} er en SQLite-database, men ikke fra Partnerskapsmonitor; ingenting er endret.\n",
    )
    assert file_dump(other) == before
    assert sorted(path.name for path in tmp_path.iterdir() if path.is_file()) == ["notes.db"]


@pytest.mark.slow  # a real process, killed
def test_a_restore_killed_before_it_commits_leaves_the_database_as_it_was(live, backups):
    copy = backup(backups / "copy.db", live)
    with contextlib.closing(connect(live)) as db:
        add_reports(db, quarter_of_reports("2023-Q4"), file_name="after.xlsx")
    before = (tables(live), revision_in(live))
    # Every row replaced and checked, then a power cut: no rollback, no cleanup runs.
    script = textwrap.dedent(
        f"""
        import contextlib, os, signal
        import core.db

        replace_rows = core.db.write_transaction

        @contextlib.contextmanager
        def die_before_commit(db, **options):
            with replace_rows(db, **options) as inside:
                yield inside
                os.kill(os.getpid(), signal.SIGKILL)

        core.db.write_transaction = die_before_commit
        core.db.restore({str(copy.path)!r}, {str(live)!r})
        """
    )
    killed = subprocess.run(
        [sys.executable, "-c", script], check=False, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )

    assert killed.returncode == -signal.SIGKILL
    assert (tables(live), revision_in(live), integrity(live)) == (*before, [("ok",)])
    leftovers = [path.name for path in live.parent.iterdir() if path.name.endswith(".tmp")]
    assert [
        re.fullmatch(r"\.dashboard\.db\.\d+\.\w+\.partnerskapsmonitor\.tmp", name) is not None for name in leftovers
    ] == [True]


@pytest.mark.slow  # a real process, killed
def test_a_backup_killed_outright_leaves_a_file_the_next_backup_removes(live, backups):
    """SIGKILL skips every clean-up: the next backup into the folder removes what the dead one left,
    and leaves alone a temporary file of a backup that still runs, and files that are not ours."""
    # The copy is written and about to be checked when the power goes.
    script = textwrap.dedent(
        f"""
        import os, signal
        import core.db

        def die(file, **options):
            os.kill(os.getpid(), signal.SIGKILL)

        core.db._checked = die
        core.db.backup({str(backups / "first.db")!r}, {str(live)!r})
        """
    )
    killed = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert killed.wait() == -signal.SIGKILL
    [left] = [path.name for path in backups.iterdir()]
    assert re.fullmatch(rf"\.first\.db\.{killed.pid}\.\w+\.partnerskapsmonitor\.tmp", left)
    running = backups / f".other.db.{os.getpid()}.abcdefgh.partnerskapsmonitor.tmp"
    running.write_bytes(b"")
    someone_elses = backups / f".first.db.{killed.pid}.abcdefgh.tmp"
    someone_elses.write_bytes(b"")

    backup(backups / "second.db", live)

    assert sorted(path.name for path in backups.iterdir()) == sorted([running.name, someone_elses.name, "second.db"])


def test_restore_into_a_missing_database_needs_new_and_makes_nothing_without(live, backups, tmp_path, run_cli):
    copy = backup(backups / "copy.db", live)
    mistyped = tmp_path / "dashbord.db"

    refused = run_cli("restore", str(copy.path), "--db", str(mistyped))
    made = run_cli("restore", str(copy.path), "--db", str(mistyped), "--new")

    assert (refused.returncode, refused.stdout, refused.stderr) == (
        1,
        "",
        f"Fant ingen database i {mistyped}.\nSjekk --db og DASHBOARD_DB. Er databasen tapt, lag den av "
        "sikkerhetskopien med «python -m loaders restore FIL --new».\n",
    )
    assert (made.returncode, tables(mistyped)) == (0, tables(copy.path))


def test_restore_refuses_the_database_itself_and_a_folder(live, tmp_path, run_cli):
    before = tables(live)
    folder = tmp_path / "backups"
    folder.mkdir()

    itself = run_cli("restore", str(live), "--db", str(live))
    a_folder = run_cli("restore", str(folder), "--db", str(live))

    assert (itself.returncode, itself.stderr) == (
        1,
        f"{live} er selve databasen; gjenopprett fra en sikkerhetskopi. Ingenting er endret.\n",
    )
    assert (a_folder.returncode, a_folder.stderr) == (
        1,
        f"Kan ikke bruke {folder}: det er en mappe; ingenting er endret.\n",
    )
    assert tables(live) == before
    assert sorted(path.name for path in live.parent.iterdir()) == ["dashboard.db"]
