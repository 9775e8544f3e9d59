"""Faults of the machine, not the data (issue 13, item 5): each is one line in the command line
(exit code 1) and on the page (no error box), and nothing is written.

The faults are made for real. A read-only file or folder is chmod for an ordinary user; root
ignores permissions, so for root the file or folder is made immutable (chattr +i), which
binds root too. A full disk is SQLite's own SQLITE_FULL from a page limit on the connection,
and, as root, a 1 MiB file system filled up in a mount namespace of its own.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import outputs.images
import outputs.report
from core.db import connect, write_transaction
from core.errors import DiskFull
from core.faults import fault
from core.users import set_password
from outputs.errors import ChartRenderingFailed
from tests.builders import GOOD_FILE, ROOT, app, build_page_register, save_button, upload, upload_page

pytestmark = pytest.mark.usefixtures("fresh_caches")

PASSWORD = "riktig hest batteri stift"
BUSY = "Databasen er opptatt med en annen lagring. Ingenting er endret; prøv igjen om litt."


@pytest.fixture
def live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The page tests' register in a folder of its own, closed (no -wal beside it), as DASHBOARD_DB."""
    path = tmp_path / "data" / "dashboard.db"
    with contextlib.closing(connect(path)) as db:
        build_page_register(db)
        set_password(db, "kari", PASSWORD)
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    return path


@pytest.fixture
def status_file(tmp_path: Path) -> Path:
    path = tmp_path / "status-follo.xlsx"
    path.write_bytes(GOOD_FILE)
    return path


def state(database: Path) -> tuple:
    """What a fault must leave as it was: the folder's files, the database's bytes and times."""
    files = sorted(entry.name for entry in database.parent.iterdir())
    if not database.is_file():
        return (files,)
    info = database.stat()
    return files, hashlib.sha256(database.read_bytes()).hexdigest(), info.st_mtime_ns, info.st_size


def written(before: tuple, after: tuple) -> list[str]:
    """What changed between two states of a read-only database: its bytes, or anything in its -wal.

    Reading a database in WAL mode makes its -wal and -shm files (SQLite's, for every reader);
    a refused write must leave the -wal empty."""
    changes = [] if before[1:] == after[1:] else ["dashboard.db"]
    wal = Path(os.environ["DASHBOARD_DB"] + "-wal")
    return changes + (["dashboard.db-wal"] if wal.exists() and wal.stat().st_size > 0 else [])


def shown(at) -> list[str]:
    # Stored text (here the path) reaches Markdown with its special characters escaped.
    return [error.value.replace("\\", "") for error in at.error]


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` (a file or a folder) made read-only for this process, for real."""
    if os.geteuid() == 0:
        made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if made.returncode != 0:
            pytest.skip(f"root ignores permissions, and chattr +i fails here: {made.stderr.decode().strip()}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = stat.S_IMODE(path.stat().st_mode)
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


def read_only_message(path: Path) -> str:
    return (
        f"Databasen {path} er skrivebeskyttet, så ingenting kan lagres; ingenting er endret. "
        "Gi tjenestekontoen skrivetilgang til filen."
    )


def folder_message(path: Path) -> str:
    return (
        f"Mappen {path.parent} er skrivebeskyttet, så databasen {path} kan ikke brukes (SQLite lager filene "
        "-wal og -shm ved siden av den); ingenting er endret. Gi tjenestekontoen skrivetilgang til mappen."
    )


def damaged_message(path: Path) -> str:
    return (
        f"Databasen {path} er skadet; ingenting er endret. Gjenopprett den fra en sikkerhetskopi "
        "(python -m loaders restore)."
    )


def full_message(path: Path) -> str:
    return f"Disken er full der {path} ligger; ingenting er endret. Frigjør plass og prøv igjen."


def folder_path_message(path: Path) -> str:
    return (
        f"{path} er en mappe, ikke en databasefil; ingenting er endret. Oppgi filen, for eksempel {path}/dashboard.db."
    )


def damage_a_page_of(path: Path, table: str) -> None:
    """Overwrite the middle of the first page of ``table`` with bytes no b-tree page can hold."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        (page,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
    with path.open("r+b") as file:
        file.seek((page - 1) * size)
        file.write(b"\x0d\x00\x00\xff\xff" + b"\xee" * 200)


# --- the command line -------------------------------------------------------------------------


def test_a_read_only_database_file_is_named_and_nothing_is_written(live, status_file, run_cli):
    with read_only(live):
        before = state(live)
        run = run_cli("status", str(status_file), "--as", "kari")
        after = state(live)
        listing = run_cli("uploads")

    assert (run.returncode, run.stdout, run.stderr) == (1, "", read_only_message(live) + "\n")
    assert written(before, after) == []
    # Reading still works: a read-only database is one that cannot be written, not one that is gone.
    assert (listing.returncode, len(listing.stdout.splitlines()), listing.stderr) == (0, 1, "")


def test_a_read_only_folder_is_named_for_reading_and_writing(live, status_file, run_cli):
    with read_only(live.parent):
        before = state(live)
        load = run_cli("status", str(status_file), "--as", "kari")
        listing = run_cli("uploads")
        after = state(live)

    assert (load.returncode, load.stdout, load.stderr) == (1, "", folder_message(live) + "\n")
    assert (listing.returncode, listing.stdout, listing.stderr) == (1, "", folder_message(live) + "\n")
    assert after == before


# Run as root in a mount namespace of its own: a 1 MiB file system holding the database, filled
# up but for room for SQLite's shared-memory file (32 KiB), so the next write meets a full disk.
FULL_DISK = """
import hashlib, json, os, sqlite3, subprocess, sys

folder, source, status_file = sys.argv[1:4]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder], check=True)
database = os.path.join(folder, "dashboard.db")
with open(source, "rb") as original, open(database, "wb") as copy:
    copy.write(original.read())


def fill(room):
    handle = os.open(os.path.join(folder, "filler"), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        while True:
            os.write(handle, bytes(4096))
    except OSError:
        pass
    os.ftruncate(handle, max(os.fstat(handle).st_size - room, 0))
    os.close(handle)


def state():
    with open(database, "rb") as file:
        digest = hashlib.sha256(file.read()).hexdigest()
    with sqlite3.connect(database) as conn:
        uploads = conn.execute("SELECT count(*) FROM uploads").fetchone()[0]
    return digest, uploads


def cli(*args):
    run = subprocess.run([sys.executable, "-m", "loaders", *args, "--db", database], capture_output=True, text=True)
    return run.returncode, run.stdout, run.stderr


fill(40 * 1024)
before = state()
load = cli("status", status_file, "--as", "kari")
after = state()
fill(0)
export = cli("export", "status", "--format", "csv", "--out", os.path.join(folder, "ut.csv"))
left = sorted(name for name in os.listdir(folder) if name != "filler")
print(json.dumps({"load": load, "same": before == after, "export": export, "left": left}))
"""


@pytest.mark.slow  # real processes in a namespace of their own
def test_a_full_disk_is_named_and_nothing_is_written(live, status_file, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root; the page-limit test below makes SQLITE_FULL instead")
    folder = tmp_path / "small-disk"
    folder.mkdir()
    run = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", sys.executable, "-c", FULL_DISK, folder, live, status_file],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    if run.returncode != 0:
        pytest.skip(f"no mount namespace here: {run.stderr.strip().splitlines()[-1:]}")
    result = json.loads(run.stdout)
    database = folder / "dashboard.db"

    assert result == {
        "load": [1, "", full_message(database) + "\n"],
        "same": True,
        "export": [1, "", "Kan ikke lese eller skrive filen: disken er full; ingenting er endret.\n"],
        "left": ["dashboard.db"],
    }


def test_a_write_that_meets_a_full_database_limit_is_named_and_rolled_back(live, monkeypatch):
    # SQLite's own SQLITE_FULL, without root: the connection may not grow the file by a page.
    real_connect = sqlite3.connect

    def no_room(*args, **options):
        conn = real_connect(*args, **options)
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    before = state(live)
    monkeypatch.setattr(sqlite3, "connect", no_room)
    with contextlib.closing(connect(live)) as db, pytest.raises(DiskFull) as raised, write_transaction(db):
        db.conn.executemany("INSERT INTO municipalities (number, name) VALUES (?, ?)", NEW_MUNICIPALITIES)
    monkeypatch.undo()

    assert (raised.value.message("nb"), raised.value.message("en")) == (
        full_message(live),
        f"The disk holding {live} is full; nothing was changed. Free some space and try again.",
    )
    assert state(live)[1:] == before[1:]


NEW_MUNICIPALITIES = [(f"{number:04d}", "Kommune " * 40) for number in range(5000, 9000)]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: damage_a_page_of(path, "status_reports"), id="overwritten"),
        pytest.param(lambda path: os.truncate(path, path.stat().st_size // 2), id="truncated"),
    ],
)
def test_a_damaged_database_is_named_and_never_written_to(live, status_file, run_cli, damage):
    damage(live)
    before = state(live)

    run = run_cli("status", str(status_file), "--as", "kari")

    assert (run.returncode, run.stdout, run.stderr) == (1, "", damaged_message(live) + "\n")
    assert state(live) == before


def test_a_file_that_is_not_a_database_is_named(tmp_path, status_file, run_cli):
    notes = tmp_path / "notes.db"
    notes.write_text("Møtereferat\n" * 200, encoding="utf-8")
    before = state(notes)

    runs = [run_cli(*command, "--db", str(notes)) for command in (["uploads"], ["status", str(status_file)])]

    message = f"{notes} er ikke en SQLite-database; ingenting er endret.\n"
    assert [(run.returncode, run.stdout, run.stderr) for run in runs] == [(1, "", message)] * 2
    assert state(notes) == before


def test_a_folder_given_as_the_database_is_named(tmp_path, run_cli):
    before = state(tmp_path / "x")

    runs = [run_cli(*command, "--db", str(tmp_path)) for command in (["uploads"], ["user", "list"])]

    assert [(run.returncode, run.stdout, run.stderr) for run in runs] == [
        (1, "", folder_path_message(tmp_path) + "\n")
    ] * 2
    assert state(tmp_path / "x") == before


# Every command but `demo` and `user add` (and `restore`, which recovers a lost database from a
# backup: see test_backup) names a missing database and makes none.
MISSING_COMMANDS = {
    "agreement": ["agreement", "avtale.txt", "--region", "Follo", "--as", "kari"],
    "catalogue": ["catalogue", "katalog.xlsx", "--as", "kari"],
    "status": ["status", "status.xlsx", "--as", "kari"],
    "template": ["template", "--region", "Follo", "--quarter", "2024-Q3", "--out", "mal.xlsx"],
    "export": ["export", "status", "--format", "csv", "--out", "ut.csv"],
    "uploads": ["uploads"],
    "rollback": ["rollback", "1", "--as", "kari"],
    "reading": ["reading"],
    "user list": ["user", "list"],
    "user remove": ["user", "remove", "kari"],
    "user passwd": ["user", "passwd", "kari", "--password-stdin"],
    "backup": ["backup", "kopi.db"],
}


@pytest.mark.parametrize("command", MISSING_COMMANDS.values(), ids=MISSING_COMMANDS.keys())
def test_a_missing_database_is_named_and_not_made(tmp_path, run_cli, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "nowhere" / "dashboard.db"

    run = run_cli(*command, "--db", str(missing), stdin=PASSWORD + "\n")

    assert (run.returncode, run.stdout, run.stderr.splitlines()[0]) == (1, "", f"Fant ingen database i {missing}.")
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_a_busy_database_is_named_and_the_load_waits_no_longer_than_told(live, status_file, run_cli):
    with contextlib.closing(sqlite3.connect(live)) as holder:
        holder.execute("BEGIN IMMEDIATE")
        run = run_cli("status", str(status_file), "--as", "kari", env={"DASHBOARD_BUSY_TIMEOUT": "0.1"})
        holder.execute("ROLLBACK")

    assert (run.returncode, run.stdout, run.stderr) == (1, "", BUSY + "\n")
    with contextlib.closing(connect(live)) as db:
        assert db.execute("SELECT count(*) FROM uploads").fetchone() == (1,)


# --- the dashboard ----------------------------------------------------------------------------


def test_the_dashboard_names_a_missing_database_and_makes_none(tmp_path, monkeypatch, caplog):
    missing = tmp_path / "nowhere" / "dashboard.db"
    monkeypatch.setenv("DASHBOARD_DB", str(missing))

    with caplog.at_level(logging.WARNING, logger="views._faults"):
        at = app()

    assert shown(at) == [
        f"Fant ingen database i {missing}. Sjekk DASHBOARD_DB, som sier hvor databasen ligger. Er databasen "
        "tapt, kan den gjenopprettes fra en sikkerhetskopi."
    ]
    assert missing.parent.exists() is False
    # The operator reads the server's log (the try-out found nothing there), in English.
    assert [record.getMessage() for record in caplog.records if record.name == "views._faults"] == [
        f"There is no database at {missing}."
    ]


def test_the_dashboard_speaks_english_about_a_fault_when_asked(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path))

    at = app({"lang": "en"})

    assert shown(at) == [
        f"{tmp_path} is a folder, not a database file; nothing was changed. Name the file, for example "
        f"{tmp_path}/dashboard.db."
    ]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        pytest.param(lambda path: damage_a_page_of(path, "status_reports"), damaged_message, id="overwritten"),
        pytest.param(lambda path: os.truncate(path, path.stat().st_size // 2), damaged_message, id="truncated"),
        pytest.param(
            lambda path: path.write_text("ikke en database\n" * 300, encoding="utf-8"),
            lambda path: (
                f"{path} er ikke en SQLite-database; ingenting er endret. Sjekk DASHBOARD_DB: den "
                "peker på en annen fil enn databasen."
            ),
            id="not-a-database",
        ),
    ],
)
def test_the_dashboard_names_a_damaged_database_in_one_line(live, damage, message):
    damage(live)
    before = state(live)

    at = app()

    assert shown(at) == [message(live)]
    assert state(live) == before


def test_the_dashboard_names_a_read_only_folder(live):
    with read_only(live.parent):
        at = app()
        after = state(live)

    assert shown(at) == [folder_message(live)]
    assert after[0] == ["dashboard.db"]


def test_a_save_into_a_read_only_database_says_so_on_the_page(live):
    at = upload(upload_page(user="kari"), "status-follo.xlsx", GOOD_FILE)
    with read_only(live):
        before = state(live)
        save_button(at).click().run()
        after = state(live)

    assert not at.exception
    assert shown(at) == [read_only_message(live)]
    assert written(before, after) == []
    # The file was fine: its review stays, and saving again is one click once the file may be written.
    save_button(at).click().run()
    assert (at.exception, shown(at), [element.value for element in at.success]) == (
        [],
        [],
        ["Lagret som opplasting 2: 2 lagt til, 0 endret, 0 uendret."],
    )


def test_signing_in_while_the_database_is_busy_says_try_again_and_counts_nothing(live, monkeypatch):
    # A sign-in waits its own short while, however long loads may wait (the try-out waited 61 s).
    monkeypatch.setenv("DASHBOARD_BUSY_TIMEOUT", "600")
    monkeypatch.setattr("views._signin.SIGN_IN_WAIT", 0.1)
    at = app(page="views/logg_inn.py")
    answers = []
    with contextlib.closing(sqlite3.connect(live)) as holder:
        holder.execute("BEGIN IMMEDIATE")
        for password in ("feil passord her", PASSWORD):
            at.text_input(key="signin-username").input("kari")
            at.text_input(key="signin-password").input(password)
            at.button[0].click().run()
            answers.append((at.exception, shown(at)))
        holder.execute("ROLLBACK")

    try_again = "Databasen er opptatt akkurat nå, så du ble ikke logget inn. Prøv igjen om litt."
    assert answers == [([], [try_again]), ([], [try_again])]
    with contextlib.closing(connect(live)) as db:
        counted = db.execute("SELECT count(*) FROM sign_in_failures").fetchone()
        sessions = db.execute("SELECT count(*) FROM sessions").fetchone()
    assert (counted, sessions) == ((0,), (0,))


# --- the PDF brief ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        pytest.param(
            ChartRenderingFailed(
                "outputs.charts_failed.stopped",
                browser="/usr/bin/chromium",
                hint=outputs.images._FAILED_HINT,
            ),
            "Figurene til PDF-rapporten kunne ikke tegnes: Chromium (/usr/bin/chromium) startet ikke eller stoppet "
            "underveis. Prøv igjen; hjelper ikke det, last ned Excel-rapporten i stedet og meld fra til den som "
            "drifter dashbordet.",
            id="chromium-stopped",
        ),
        pytest.param(
            OSError(28, "No space left on device", "/tmp/kaleido-figure.png"),
            "Disken er full der /tmp/kaleido-figure.png ligger; ingenting er endret. Frigjør plass og prøv igjen.",
            id="disk-full",
        ),
        pytest.param(
            ZeroDivisionError("a bug"),
            "Møtenotatet kunne ikke lages på grunn av en uventet feil. Prøv igjen; skjer det igjen, si fra til den "
            "som drifter dashbordet (feilen står i loggen).",
            id="a-bug",
        ),
    ],
)
def test_a_pdf_brief_that_cannot_be_made_says_why_on_the_page(live, monkeypatch, failure, message):
    def fails(*args, **options):
        raise failure

    monkeypatch.setattr(outputs.images, "require_chromium", lambda: None)
    monkeypatch.setattr(outputs.report, "pdf_brief", fails)
    at = app(page="views/eksport.py")

    at.button(key="report-pdf-make").click().run()

    assert (at.exception, shown(at)) == ([], [message])
    assert [button.key for button in at.get("download_button") if button.key == "report-pdf"] == []


def test_a_backup_of_a_database_in_a_read_only_folder_is_named_and_writes_nothing(live, tmp_path, run_cli):
    out = tmp_path / "backups" / "kopi.db"
    out.parent.mkdir()
    with read_only(live.parent):
        run = run_cli("backup", str(out))

    assert (run.returncode, run.stdout, run.stderr) == (1, "", folder_message(live) + "\n")
    assert list(out.parent.iterdir()) == []


def test_the_readme_lists_each_fault_with_its_message():
    from core.i18n import TEXTS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("### When something goes wrong\n", 1)[1].split("\n\n**", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip("|").split(" | ")] for line in table.splitlines() if line.startswith("| ")
    ][2:]
    assert [(key.strip("`"), message) for _, _, key, message in rows] == [
        (key.strip("`"), TEXTS[key.strip("`")][0]) for _, _, key, _ in rows
    ]
    assert len(rows) == 12


@pytest.mark.parametrize(
    ("number", "nb", "en"),
    [
        (errno.EACCES, "ingen tilgang", "permission denied"),
        (errno.EROFS, "filsystemet er skrivebeskyttet", "the file system is read-only"),
        (errno.ETXTBSY, "uventet feil fra systemet (ETXTBSY)", "an unexpected error from the system (ETXTBSY)"),
    ],
)
def test_an_os_error_is_worded_by_its_number_not_its_english_text(tmp_path, number, nb, en):
    path = tmp_path / "status.xlsx"

    named = fault(OSError(number, "Some English words", str(path)), tmp_path / "dashboard.db")

    assert (named.message("nb"), named.message("en")) == (
        f"Kan ikke bruke {path}: {nb}; ingenting er endret.",
        f"Cannot use {path}: {en}; nothing was changed.",
    )


def test_an_error_that_is_not_the_machines_stays_a_bug(tmp_path):
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        conn.execute("CREATE TABLE once (x UNIQUE)")
        conn.execute("INSERT INTO once VALUES (1)")
        with pytest.raises(sqlite3.IntegrityError) as raised:
            conn.execute("INSERT INTO once VALUES (1)")

    assert (fault(raised.value, tmp_path / "dashboard.db"), fault(ValueError("x"), tmp_path)) == (None, None)


def test_a_backup_whose_copy_cannot_be_written_names_the_copy_not_the_database(live, tmp_path):
    # Field log (issue 13): a backup onto a disk whose files may not grow past a size (FAT32's 4 GB,
    # here RLIMIT_FSIZE) failed with SQLite's I/O error, and the message blamed the live database.
    out = tmp_path / "kopi.db"
    limit = live.stat().st_size // 2
    code = (
        "import resource, sys; from loaders.__main__ import main;"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); sys.exit(main(['backup', {str(out)!r}]))"
    )
    before = state(live)
    run = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DASHBOARD_DB": str(live)},
    )

    assert (run.returncode, run.stderr) == (
        1,
        f"Kan ikke bruke {out}: lese- eller skrivefeil på disken; ingenting er endret.\n",
    )
    assert written(before, state(live)) == []
    assert [file.name for file in tmp_path.iterdir() if file.name.startswith(".kopi")] == []


def test_a_damaged_backup_is_refused_in_our_words(live, tmp_path, run_cli):
    # Field log (issue 13): SQLite's English "database disk image is malformed" stood in the message.
    copy = tmp_path / "kopi.db"
    copy.write_bytes(live.read_bytes())
    damage_a_page_of(copy, "status_reports")
    before = state(live)
    run = run_cli("restore", str(copy))

    assert (run.returncode, run.stderr) == (1, f"{copy} er skadet: SQLite finner feil i den; ingenting er endret.\n")
    assert written(before, state(live)) == []
