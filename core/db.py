"""The one module that owns the database: where it is, its schema, connections.

Open a connection per use (``with connect() as db:``) and never share one across
threads. Every write goes through :func:`write_transaction`, which begins with
``BEGIN IMMEDIATE`` so that two writers queue for the lock instead of failing
with "database is locked" when a deferred transaction tries to upgrade.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from core.errors import (
    BackupExists,
    BackupMissing,
    BackupOverDatabase,
    DatabaseDamaged,
    DatabaseIsFolder,
    DatabaseMissing,
    DiskFull,
    FileUnusable,
    MonitorError,
    NewerDatabase,
    NotADatabase,
    NotOurDatabase,
    RestoreFromDatabase,
)
from core.faults import database_fault, file_fault
from core.settings import setting
from core.vocabulary import SDGS, STATUS_KEYS

migrations = Migrations("partnerskapsmonitor")
_TEMPORARY_SUFFIX = ".partnerskapsmonitor.tmp"


def database_path(path: str | os.PathLike | None = None) -> Path:
    """The path given, else env DASHBOARD_DB, else data/dashboard.db."""
    if path:
        return Path(path)
    return Path(setting("database", str))


def connect(
    path: str | os.PathLike | None = None, *, busy_timeout: float | None = None, create: bool = True
) -> Database:
    """Open the database, creating and migrating it when needed.

    With ``create=False`` a missing file raises DatabaseMissing instead, so a mistyped
    path on the command line is named rather than answered from a new, empty database.
    """
    target = database_path(path)
    if target.is_dir():
        raise DatabaseIsFolder("core.database_is_folder", path=str(target))
    if not create and not target.exists():
        raise DatabaseMissing("core.database_missing", path=str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise file_fault(error, Path(error.filename or target.parent)) from None
    conn = None
    try:
        conn = sqlite3.connect(
            str(target), timeout=setting("busy_timeout", float) if busy_timeout is None else busy_timeout
        )
        db = Database(conn)
        if db.journal_mode != "wal":
            db.enable_wal()
        if migrations.pending(db):
            _migrate(db)
        db.execute("PRAGMA foreign_keys = ON")
    except (sqlite3.Error, MonitorError) as error:
        if conn is not None:
            conn.close()
        if isinstance(error, MonitorError):
            raise
        raise _fault(error, target) from None
    return db


def _migrate(db: Database) -> None:
    """Apply the pending migrations in one write transaction, with foreign keys checked at the end.

    Foreign keys are off while they run (a connection's setting, which SQLite ignores inside a
    transaction): a migration that rebuilds a table, SQLite's way to change a constraint, drops
    the old table while other tables still point at it. What they point at is checked before
    the commit instead, so a migration can never leave a dangling reference behind.
    """
    db.execute("PRAGMA foreign_keys = OFF")
    with write_transaction(db, count_revision=False):
        # Checked again under the lock: another process may have migrated meanwhile.
        migrations.apply(db)
        dangling = db.execute("PRAGMA foreign_key_check").fetchall()
        if dangling:
            raise DatabaseDamaged("core.database_corrupt", path=str(database_file(db)))


def _fault(error: sqlite3.Error, database: Path) -> Exception:
    """The named fault for ``error`` on ``database``, or the error itself when it is not one of the machine's."""
    return database_fault(error, database) or error


def database_file(db: Database) -> Path:
    """The file behind an open connection (its main database)."""
    for _, name, file in db.conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file)
    return database_path()


def check_intact(db: Database) -> None:
    """Refuse a database that fails SQLite's quick_check (DatabaseDamaged), before anything is written to it.

    quick_check reads every page and checks the b-trees without matching indexes to their
    tables: 0.6 s on the national-scale database (50 MB), where the full integrity_check
    takes 1.9 s. Writing into a damaged file can spread the damage (a broken free list
    hands out pages still in use), so data writes pay it; see write_transaction.
    """
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check")]
    except sqlite3.Error as error:
        raise _fault(error, database_file(db)) from None
    if problems != ["ok"]:
        raise DatabaseDamaged("core.database_corrupt", path=str(database_file(db)))


@contextlib.contextmanager
def write_transaction(db: Database, *, count_revision: bool = True) -> Iterator[Database]:
    """One atomic write: all of it lands, or none of it does.

    Bumps the revision counter that caches are keyed on, so every session sees
    the change at once; a transaction that changed nothing leaves it alone.

    A write of data (``count_revision``) first checks the database whole (check_intact),
    outside the lock, so nothing is written into a damaged file. Sign-in bookkeeping,
    migrations and restore (which checks its result itself) are not checked: their
    writes are small and frequent, and a sign-in should not wait 0.6 s at national scale.
    A failure of the machine (busy, read-only, disk full, damage met on the way) is raised
    as its named error (core/faults.py) after the rollback.
    """
    if count_revision:
        check_intact(db)
    changes_before = db.conn.total_changes
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise _fault(error, database_file(db)) from None
    try:
        yield db
        if count_revision and db.conn.total_changes != changes_before:
            db.conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'revision'")
        db.conn.execute("COMMIT")
    except BaseException as error:
        if db.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                # A rollback that fails (the disk gone) leaves SQLite to roll back from its journal.
                db.conn.execute("ROLLBACK")
        named = database_fault(error, database_file(db)) if isinstance(error, sqlite3.Error) else None
        if named is not None:
            raise named from error
        raise


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row the INSERT just run on ``cursor`` added."""
    row_id = cursor.lastrowid
    # sqlite3 sets lastrowid after every successful INSERT; None only before any statement ran.
    assert row_id is not None, "inserted_id() called on a cursor that ran no INSERT"
    return row_id


def revision(path: str | os.PathLike | None = None) -> int:
    """A number that changes whenever data is written; the key for cached queries.

    The dashboard reads it first on every run, so a missing file is named here (DatabaseMissing)
    rather than answered from a new, empty database: only `demo` and `user add` make one.
    """
    with contextlib.closing(connect(path, create=False)) as db:
        return db.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]


@dataclass(frozen=True)
class Snapshot:
    """A database file a backup or restore wrote, as checked after writing it."""

    path: Path
    size: int  # bytes
    schema: int  # migrations applied: the schema version
    revision: int  # the data revision it holds
    # A restore's copy of the database as it was just before: one mistyped FILE is undone with it.
    before: Path | None = None


def backup(out: str | os.PathLike, path: str | os.PathLike | None = None, *, force: bool = False) -> Snapshot:
    """A consistent copy of the database at ``out``, safe while loads run; never a half-written file.

    VACUUM INTO rather than the backup API: it reads inside one read transaction, so in WAL mode
    it neither blocks writers nor restarts when they commit (a stepped backup starts over after
    every write by another connection, and could chase a busy database for ever), and the copy
    is compact, without the free pages of deleted rows. The copy is written under a temporary
    name beside ``out``, checked with integrity_check and synced, and only then put in place.
    """
    source = database_path(path)
    if not source.is_file():
        raise DatabaseMissing("core.database_missing", path=str(source))
    target = Path(out)
    # Even with --force: replacing the live file under running dashboards is what corrupts it.
    if target.resolve() in {file.resolve() for file in (source, *_journal_files(source))}:
        raise BackupOverDatabase("core.backup_over_database", path=str(target))
    if target.exists() and not force:
        raise BackupExists("core.backup_exists", path=str(target))
    temp = _temporary_beside(target)
    try:
        with contextlib.closing(sqlite3.connect(str(source), timeout=setting("busy_timeout", float))) as conn:
            try:
                conn.execute("VACUUM INTO ?", (str(temp),))
            except sqlite3.DatabaseError as error:
                named = database_fault(error, source)
                if isinstance(named, DiskFull):  # the copy is what grows
                    raise DiskFull("core.disk_full", path=str(target)) from None
                if isinstance(named, FileUnusable) and _reads_whole(conn):
                    # SQLite's I/O error names no file; the live one reads whole, so writing the copy failed.
                    raise file_fault(OSError(errno.EIO, "write"), target) from None
                raise (named or _unreadable(source, error)) from None
        snapshot = _checked(temp, shown_as=source)
        _sync(temp)
        if force:
            os.replace(temp, target)
        else:
            try:
                # A link, not a rename: it fails rather than replace an `out` made meanwhile.
                os.link(temp, target)
            except FileExistsError:
                raise BackupExists("core.backup_exists", path=str(target)) from None
        _sync(target.parent)
    finally:
        temp.unlink(missing_ok=True)
    return Snapshot(target, target.stat().st_size, snapshot.schema, snapshot.revision)


def restore(file: str | os.PathLike, path: str | os.PathLike | None = None, *, new: bool = False) -> Snapshot:
    """Replace the database's contents with the backup ``file``; nothing changes unless all of it does.

    The backup is checked on a private copy (a SQLite file, integrity_check ok, this product's
    schema and no newer; an older one is migrated) before the live database is touched. Its rows
    then replace the live ones in one write transaction, queued behind loads as every writer is:
    running dashboards see the old data or the new, never a mix, and SQLite writes the live
    file and its own WAL, so no stale -wal is left beside a file it does not belong to. Rows
    rather than pages (SQLite's backup API): the revision is read and set under the same lock,
    above the live one, so no cache keyed on a revision can serve the data from before the
    restore; and a writer that holds the lock too long gets the usual DatabaseBusy, where the
    backup API would retry for ever.

    A missing database is made from the backup only with ``new=True`` (a lost file); otherwise
    DatabaseMissing, since a mistyped path would put the data where no dashboard reads it. An
    existing database is first backed up beside itself (``Snapshot.before``), so restoring the
    wrong file loses nothing.
    """
    source = Path(file)
    if source.is_dir():
        raise file_fault(IsADirectoryError(errno.EISDIR, "folder", str(source)), source)
    if not source.is_file():
        raise BackupMissing("core.backup_missing", path=str(source))
    target = database_path(path)
    if not new and not target.exists():
        raise DatabaseMissing("core.database_missing", path=str(target))
    if source.resolve() in {file.resolve() for file in (target, *_journal_files(target))}:
        raise RestoreFromDatabase("core.restore_from_database", path=str(source))
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = _temporary_beside(target)
    try:
        shutil.copyfile(source, temp)
        _checked(temp, shown_as=source)
        _refuse_unless_ours(target)
        with contextlib.closing(sqlite3.connect(str(temp))) as conn:
            copy = Database(conn)
            if migrations.pending(copy):
                migrations.apply(copy)
        before = backup(_before_restore(target), target).path if target.exists() else None
        try:
            schema, revision = _install(temp, target)
        except BaseException:
            # Nothing was replaced (a busy database, say): the copy would only stand in the way.
            if before is not None:
                before.unlink(missing_ok=True)
            raise
    finally:
        for leftover in (temp, *_journal_files(temp)):
            leftover.unlink(missing_ok=True)
    return Snapshot(target, target.stat().st_size, schema, revision, before)


def _before_restore(target: Path) -> Path:
    """Where a restore keeps the database as it was: beside it, named by the time, never over a file."""
    stamp = datetime.datetime.now().strftime("%Y%m%dT%H%M%S")
    candidates = (
        target.with_name(f"{target.stem}-before-restore-{stamp}{suffix}{target.suffix}")
        for suffix in ("", *(f"-{n}" for n in range(2, 100)))
    )
    return next(candidate for candidate in candidates if not candidate.exists())


# What _temporary_beside names its files, with SQLite's journals of them: the process id says
# whether the backup or restore that made one still runs.
_TEMPORARY = re.compile(r"\..+\.(?P<pid>\d+)\.\w+" + re.escape(_TEMPORARY_SUFFIX) + r"(-wal|-shm|-journal)?")


def _temporary_beside(target: Path) -> Path:
    # In the target's folder, so the final rename stays on one file system; private (0600), as
    # the database holds password hashes. Named by process, so the next one can tell a file
    # left by a backup killed outright (SIGKILL, power loss: no clean-up runs) from one in use.
    _remove_stale_temporaries(target.parent)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=_TEMPORARY_SUFFIX, dir=target.parent
        )
    except OSError as error:
        # Named as the file asked for: the temporary name means nothing to the reader.
        raise OSError(error.errno, error.strerror, str(target)) from None
    os.close(handle)
    return Path(name)


def _remove_stale_temporaries(folder: Path) -> None:
    """Remove the temporary files of backups and restores whose process is gone; only ours, by name."""
    with contextlib.suppress(OSError):  # a folder that cannot be listed is reported by mkstemp
        for entry in folder.iterdir():
            match = _TEMPORARY.fullmatch(entry.name)
            if match and not process_alive(int(match["pid"])):
                entry.unlink(missing_ok=True)


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs on this host (another user's counts): whether files named
    by it, left by a backup, restore or demo build, are still in use."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _journal_files(database: Path) -> tuple[Path, Path]:
    return database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")


def _checked(file: Path, *, shown_as: Path) -> Snapshot:
    """``file`` read and checked as a whole database of this product; errors name ``shown_as``."""
    with contextlib.closing(sqlite3.connect(str(file))) as conn:
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as error:
            raise _unreadable(shown_as, error) from None
        if problems != ["ok"]:
            raise DatabaseDamaged("core.database_damaged", path=str(shown_as))
        db = Database(conn)
        if not db["meta"].exists() or not db[migrations.migrations_table].exists():
            raise NotOurDatabase("core.not_our_database", path=str(shown_as))
        applied = {migration.name for migration in migrations.applied(db)}
        if not applied:
            raise NotOurDatabase("core.not_our_database", path=str(shown_as))
        # Every migration this version knows is pending on an empty database.
        known = {migration.name for migration in migrations.pending(Database(memory=True))}
        if applied - known:
            raise NewerDatabase("core.newer_database", path=str(shown_as), schema=len(applied), known=len(known))
        revision = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        if revision is None:
            raise NotOurDatabase("core.not_our_database", path=str(shown_as))
    return Snapshot(file, file.stat().st_size, len(applied), revision[0])


def _reads_whole(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False


def _unreadable(file: Path, error: sqlite3.DatabaseError) -> MonitorError:
    if "file is not a database" in str(error):
        return NotADatabase("core.not_a_database", path=str(file))
    # SQLite's own words ("database disk image is malformed") are English and say no more.
    return DatabaseDamaged("core.database_damaged", path=str(file))


def _refuse_unless_ours(target: Path) -> None:
    """Refuse a live file that is not this product's database, before connect() would migrate it."""
    if not target.is_file() or target.stat().st_size == 0:
        return
    with contextlib.closing(sqlite3.connect(str(target), timeout=setting("busy_timeout", float))) as conn:
        try:
            conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                raise NotOurDatabase("core.not_our_database", path=str(target)) from None
            raise
        except sqlite3.DatabaseError as error:
            raise _unreadable(target, error) from None


def _install(checked_copy: Path, target: Path) -> tuple[int, int]:
    """Replace every row of the live database at ``target`` with those of ``checked_copy``, at once.

    Returns the schema version and the revision it set.
    """
    if not target.exists():
        # A -wal without its database is orphaned: SQLite would replay it into the new file.
        for orphan in _journal_files(target):
            orphan.unlink(missing_ok=True)
    with contextlib.closing(connect(target)) as live:
        # Tables are emptied and filled one at a time; the copy passed its checks as a whole.
        live.execute("PRAGMA foreign_keys = OFF")
        live.execute("ATTACH DATABASE ? AS restored", (str(checked_copy),))
        try:
            with write_transaction(live, count_revision=False):
                live_revision = live.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]
                for (table,) in live.execute(
                    "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                ).fetchall():
                    live.execute(f'DELETE FROM main."{table}"')
                for (table,) in live.execute(
                    "SELECT name FROM restored.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                ).fetchall():
                    columns = ", ".join(f'"{row[1]}"' for row in live.execute(f'PRAGMA restored.table_info("{table}")'))
                    live.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM restored."{table}"')
                restored_revision = live.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]
                revision = max(live_revision, restored_revision) + 1
                live.execute("UPDATE meta SET value = ? WHERE key = 'revision'", (revision,))
                # Checked before it is committed, so a failure leaves the live database as it was.
                problems = [row[0] for row in live.execute("PRAGMA main.integrity_check")]
                if problems != ["ok"]:
                    raise DatabaseDamaged("core.database_damaged", path=str(target))
        finally:
            live.execute("DETACH DATABASE restored")
        return len(migrations.applied(live)), revision


def _sync(path: Path) -> None:
    """Flush ``path`` (a file or a folder's entries) to disk, so a crash cannot leave a named but empty copy."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


@migrations()
def m001_initial(db: Database) -> None:
    statuses = ", ".join(f"'{key}'" for key in STATUS_KEYS)
    db.executescript(
        f"""
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        INSERT INTO meta (key, value) VALUES ('revision', 0);

        CREATE TABLE council_areas (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            position INTEGER NOT NULL
        );

        CREATE TABLE sdgs (
            number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 17),
            name_nb TEXT NOT NULL,
            name_en TEXT NOT NULL,
            colour TEXT NOT NULL
        );

        CREATE TABLE regions (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            short_name TEXT UNIQUE
        );

        CREATE TABLE municipalities (
            number TEXT PRIMARY KEY CHECK (length(number) = 4 AND number NOT GLOB '*[^0-9]*'),
            name TEXT NOT NULL
        );

        CREATE TABLE region_municipalities (
            region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
            municipality_number TEXT NOT NULL REFERENCES municipalities(number),
            PRIMARY KEY (region_id, municipality_number)
        );

        CREATE TABLE agreements (
            id INTEGER PRIMARY KEY,
            region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            start_year INTEGER,
            end_year INTEGER,
            title TEXT,
            UNIQUE (region_id, period)
        );

        CREATE TABLE focus_areas (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            number TEXT NOT NULL,
            title TEXT NOT NULL,
            hashtag TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (agreement_id, number)
        );

        CREATE TABLE focus_area_sdgs (
            focus_area_id INTEGER NOT NULL REFERENCES focus_areas(id) ON DELETE CASCADE,
            sdg INTEGER NOT NULL REFERENCES sdgs(number),
            PRIMARY KEY (focus_area_id, sdg)
        );

        CREATE TABLE commitments (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            text TEXT NOT NULL,
            focus_area_id INTEGER REFERENCES focus_areas(id) ON DELETE SET NULL,
            council_area_id INTEGER REFERENCES council_areas(id),
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            UNIQUE (agreement_id, code)
        );
        CREATE INDEX commitments_council_area ON commitments(council_area_id);

        -- Set only where a commitment's goals differ from its focus area's.
        CREATE TABLE commitment_sdgs (
            commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            sdg INTEGER NOT NULL REFERENCES sdgs(number),
            PRIMARY KEY (commitment_id, sdg)
        );

        CREATE TABLE uploads (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('status', 'agreement', 'catalogue', 'demo')),
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            uploaded_by TEXT NOT NULL,
            uploaded_at TEXT NOT NULL,
            quarters TEXT,
            added INTEGER NOT NULL DEFAULT 0,
            changed INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            rolled_back_at TEXT,
            rolled_back_by TEXT
        );

        CREATE TABLE status_reports (
            id INTEGER PRIMARY KEY,
            commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
            status TEXT NOT NULL CHECK (status IN ({statuses})),
            progress INTEGER CHECK (progress BETWEEN 0 AND 100),
            comment TEXT,
            next_step TEXT,
            owner TEXT,
            upload_id INTEGER REFERENCES uploads(id),
            UNIQUE (commitment_id, quarter)
        );
        CREATE INDEX status_reports_quarter ON status_reports(quarter);
        CREATE INDEX status_reports_upload ON status_reports(upload_id);

        -- The values an upload replaced. status IS NULL records that there was
        -- no report before, so rolling back removes the one the upload added.
        CREATE TABLE status_history (
            id INTEGER PRIMARY KEY,
            commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            quarter TEXT NOT NULL,
            status TEXT,
            progress INTEGER,
            comment TEXT,
            next_step TEXT,
            owner TEXT,
            upload_id INTEGER REFERENCES uploads(id),
            replaced_by_upload_id INTEGER NOT NULL REFERENCES uploads(id),
            replaced_at TEXT NOT NULL
        );
        CREATE INDEX status_history_replaced_by ON status_history(replaced_by_upload_id);
        CREATE INDEX status_history_commitment ON status_history(commitment_id, quarter);
        """
    )
    # Viken's council areas, written out: a migration must insert the same whatever the code says later.
    viken_council_areas = (
        "Kultur og mangfold",
        "Plan, klima og miljø",
        "Samferdsel",
        "Næring og tannhelse",
        "Utdanning og kompetanse",
        "Finans og administrasjon",
        "Fylkesrådsleders kontor",
    )
    db.conn.executemany(
        "INSERT INTO council_areas (name, position) VALUES (?, ?)",
        [(name, position) for position, name in enumerate(viken_council_areas)],
    )
    db.conn.executemany(
        "INSERT INTO sdgs (number, name_nb, name_en, colour) VALUES (?, ?, ?, ?)",
        [(sdg.number, sdg.nb, sdg.en, sdg.colour) for sdg in SDGS],
    )


@migrations()
def m002_upload_values(db: Database) -> None:
    # What each upload wrote, kept for good: the upload log shows what an upload
    # changed even after later uploads or a rollback have replaced those values.
    # One statement at a time: executescript would commit the migration's transaction.
    db.execute(
        """
        CREATE TABLE upload_values (
            upload_id INTEGER NOT NULL REFERENCES uploads(id),
            commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            quarter TEXT NOT NULL,
            status TEXT NOT NULL,
            progress INTEGER,
            comment TEXT,
            next_step TEXT,
            owner TEXT,
            PRIMARY KEY (upload_id, commitment_id, quarter)
        )
        """
    )
    for source, condition in (("status_reports", ""), ("status_history", "AND status IS NOT NULL")):
        db.execute(
            "INSERT OR IGNORE INTO upload_values SELECT upload_id, commitment_id, quarter, status, progress, "
            f"comment, next_step, owner FROM {source} WHERE upload_id IS NOT NULL {condition}"
        )


@migrations()
def m003_users(db: Database) -> None:
    # Local accounts and who may report for what. An administrator holds every
    # region and council area; a reporter only those listed in user_scopes.
    db.execute(
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL,
            email TEXT UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL CHECK (role IN ('leser', 'rapportor', 'administrator')),
            password_hash TEXT,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE user_scopes (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            region_id INTEGER REFERENCES regions(id) ON DELETE CASCADE,
            council_area_id INTEGER REFERENCES council_areas(id) ON DELETE CASCADE,
            CHECK ((region_id IS NULL) != (council_area_id IS NULL)),
            UNIQUE (user_id, region_id, council_area_id)
        )
        """
    )


@migrations()
def m004_sessions(db: Database) -> None:
    # Lasting local sign-ins (core/sessions.py). Only the token's SHA-256 is kept: someone
    # who reads the database cannot sign in with what they find. Removing the account
    # removes its sessions.
    db.execute(
        """
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX sessions_user ON sessions(user_id)")


@migrations()
def m005_sign_in_failures(db: Database) -> None:
    # Failed sign-ins per name typed, whether or not an account has it, so that an unknown
    # name is counted and closed exactly like a known one and answers tell nothing
    # (core/users.py). The name is kept as its SHA-256 of the folded name: a password typed
    # into the name field is not left in the table to read. Counting here replaces the
    # columns on users.
    db.execute(
        """
        CREATE TABLE sign_in_failures (
            name_hash TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            locked_until REAL,
            last_failure REAL NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX sign_in_failures_last ON sign_in_failures(last_failure)")
    db.execute("ALTER TABLE users DROP COLUMN failed_attempts")
    db.execute("ALTER TABLE users DROP COLUMN locked_until")


@migrations()
def m006_commitment_fields(db: Database) -> None:
    # What an agreement's table columns give a commitment besides its text (Frist, Midler):
    # NULL where the agreement does not say. A deadline is ISO where it names a day, else
    # the agreement's words ("2023", "løpende"); an amount is whole kroner.
    db.execute("ALTER TABLE commitments ADD COLUMN deadline TEXT")
    db.execute("ALTER TABLE commitments ADD COLUMN amount INTEGER")
    # A focus area the agreement no longer has is kept, inactive, for its retired
    # commitments' history, as a retired commitment is.
    db.execute("ALTER TABLE focus_areas ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))")
    # Which agreements each agreement or catalogue upload saved, so the Avtaler page can say when and
    # from which file an agreement was last loaded. Uploads from before this migration are not known.
    db.execute(
        """
        CREATE TABLE upload_agreements (
            upload_id INTEGER NOT NULL REFERENCES uploads(id),
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            PRIMARY KEY (upload_id, agreement_id)
        )
        """
    )
    db.execute("CREATE INDEX upload_agreements_agreement ON upload_agreements(agreement_id)")


# The county every database made before counties were data belongs to: the product began with
# Viken's agreements (2020–2023), and Viken's seven council areas were seeded by m001_initial.
VIKEN = ("Viken fylkeskommune", "30", "2020-01-01", "2023-12-31")


@migrations()
def m007_organisation(db: Database) -> None:
    # Counties, their own units and regions over time; agreements that succeed one another and
    # commitments that carry on across them; status words per county. Everything a database
    # held before belongs to Viken, whose council areas m001 seeded (core/organisation.py).
    statuses = ", ".join(f"'{key}'" for key in STATUS_KEYS)
    db.execute(
        """
        CREATE TABLE counties (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            number TEXT CHECK (number IS NULL OR (length(number) = 2 AND number NOT GLOB '*[^0-9]*')),
            valid_from TEXT,
            valid_to TEXT,
            CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE county_successions (
            predecessor_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
            successor_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
            PRIMARY KEY (predecessor_id, successor_id),
            CHECK (predecessor_id != successor_id)
        )
        """
    )
    cursor = db.execute("INSERT INTO counties (name, number, valid_from, valid_to) VALUES (?, ?, ?, ?)", VIKEN)
    viken = cursor.lastrowid
    # A unit's name is unique within its county only: Østfold and Akershus may both have "Samferdsel".
    # SQLite changes a constraint by rebuilding the table (core.db._migrate has foreign keys off).
    db.execute(
        """
        CREATE TABLE council_areas_new (
            id INTEGER PRIMARY KEY,
            county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            position INTEGER NOT NULL,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            UNIQUE (county_id, name)
        )
        """
    )
    db.execute(
        "INSERT INTO council_areas_new (id, county_id, name, position) SELECT id, ?, name, position FROM council_areas",
        (viken,),
    )
    db.execute("DROP TABLE council_areas")
    db.execute("ALTER TABLE council_areas_new RENAME TO council_areas")
    # A region's county over time (Follorådet in Viken until 2023, Folloregionen IPR in Akershus from
    # 2024), and the names it had: a status file from 2023 still says "Follorådet".
    db.execute(
        """
        CREATE TABLE region_counties (
            region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
            county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
            valid_from TEXT,
            valid_to TEXT,
            PRIMARY KEY (region_id, county_id, valid_from)
        )
        """
    )
    db.execute("INSERT INTO region_counties (region_id, county_id) SELECT id, ? FROM regions", (viken,))
    db.execute(
        """
        CREATE TABLE region_names (
            region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            valid_to TEXT,
            PRIMARY KEY (region_id, name)
        )
        """
    )
    # Municipalities are versions: a new number is a new row (3014 Indre Østfold until 2023,
    # 3118 from 2024), as SSB's classification has it (core/reference.py ships the lists).
    db.execute("ALTER TABLE municipalities ADD COLUMN county_number TEXT")
    db.execute("ALTER TABLE municipalities ADD COLUMN valid_from TEXT")
    db.execute("ALTER TABLE municipalities ADD COLUMN valid_to TEXT")
    # SSB's municipality number begins with its county's number ("3014" lies in 30).
    db.execute("UPDATE municipalities SET county_number = substr(number, 1, 2)")
    db.execute("ALTER TABLE region_municipalities ADD COLUMN valid_from TEXT")
    db.execute("ALTER TABLE region_municipalities ADD COLUMN valid_to TEXT")
    # The county that signed or carries an agreement, and the agreement it continues.
    db.execute("ALTER TABLE agreements ADD COLUMN county_id INTEGER REFERENCES counties(id)")
    db.execute("ALTER TABLE agreements ADD COLUMN succeeds_id INTEGER REFERENCES agreements(id) ON DELETE SET NULL")
    db.execute("UPDATE agreements SET county_id = ?", (viken,))
    # How a commitment carries on in a successor agreement; an ended one has no successor.
    db.execute(
        """
        CREATE TABLE commitment_lineage (
            predecessor_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            successor_id INTEGER REFERENCES commitments(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('continued', 'split', 'merged', 'ended')),
            CHECK ((kind = 'ended') = (successor_id IS NULL)),
            CHECK (predecessor_id != successor_id)
        )
        """
    )
    db.execute(
        "CREATE UNIQUE INDEX commitment_lineage_pair ON commitment_lineage(predecessor_id, coalesce(successor_id, 0))"
    )
    db.execute("CREATE INDEX commitment_lineage_successor ON commitment_lineage(successor_id)")
    # A county's own status words ("I arbeid" means on track in one county), stored folded.
    db.execute(
        f"""
        CREATE TABLE status_aliases (
            county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ({statuses})),
            PRIMARY KEY (county_id, alias)
        )
        """
    )
    # Reporters and viewers may hold a county as well as regions and council areas.
    db.execute(
        """
        CREATE TABLE user_scopes_new (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            region_id INTEGER REFERENCES regions(id) ON DELETE CASCADE,
            council_area_id INTEGER REFERENCES council_areas(id) ON DELETE CASCADE,
            county_id INTEGER REFERENCES counties(id) ON DELETE CASCADE,
            CHECK ((region_id IS NOT NULL) + (council_area_id IS NOT NULL) + (county_id IS NOT NULL) = 1),
            UNIQUE (user_id, region_id, council_area_id, county_id)
        )
        """
    )
    db.execute(
        "INSERT INTO user_scopes_new (user_id, region_id, council_area_id) "
        "SELECT user_id, region_id, council_area_id FROM user_scopes"
    )
    db.execute("DROP TABLE user_scopes")
    db.execute("ALTER TABLE user_scopes_new RENAME TO user_scopes")


@migrations()
def m008_reporting_round(db: Database) -> None:
    # The quarterly round as a workflow (core/rounds.py): deadlines per county, approvals that
    # lock a region's quarter, the log of approving and reopening, the reminders sent, the
    # county's own assessment beside the region's report, and a contact for each region.
    statuses = ", ".join(f"'{key}'" for key in STATUS_KEYS)
    quarter = "quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]')"
    # A county's rule for the round; a county without a row follows the settings' defaults.
    db.execute(
        """
        CREATE TABLE round_settings (
            county_id INTEGER PRIMARY KEY REFERENCES counties(id) ON DELETE CASCADE,
            deadline_days INTEGER NOT NULL CHECK (deadline_days BETWEEN 0 AND 365),
            remind_before INTEGER NOT NULL CHECK (remind_before BETWEEN 0 AND 90),
            remind_after INTEGER NOT NULL CHECK (remind_after BETWEEN 0 AND 90)
        )
        """
    )
    # A quarter whose deadline the county moved (a Christmas round, say), as an ISO date.
    db.execute(
        f"""
        CREATE TABLE round_deadlines (
            county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
            {quarter},
            deadline TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            set_by TEXT NOT NULL,
            set_at TEXT NOT NULL,
            PRIMARY KEY (county_id, quarter)
        )
        """
    )
    # A commitment's report for a quarter approved, which locks it; a region's quarter is approved
    # (and locked) when every commitment in force has a row, with or without a report.
    db.execute(
        f"""
        CREATE TABLE approvals (
            commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            {quarter},
            approved_by TEXT NOT NULL,
            approved_at TEXT NOT NULL,
            PRIMARY KEY (commitment_id, quarter)
        )
        """
    )
    db.execute("CREATE INDEX approvals_quarter ON approvals(quarter)")
    # Who approved or reopened a region's quarter, when and why; kept for good.
    db.execute(
        f"""
        CREATE TABLE round_log (
            id INTEGER PRIMARY KEY,
            region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
            {quarter},
            action TEXT NOT NULL CHECK (action IN ('approved', 'reopened')),
            done_by TEXT NOT NULL,
            done_at TEXT NOT NULL,
            codes TEXT,
            reason TEXT,
            CHECK (action != 'reopened' OR length(trim(reason)) > 0)
        )
        """
    )
    db.execute("CREATE INDEX round_log_region ON round_log(region_id, quarter)")
    # Every reminder e-mail, sent or failed: the automatic ones go once per region, quarter and kind.
    db.execute(
        f"""
        CREATE TABLE reminders (
            id INTEGER PRIMARY KEY,
            region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
            {quarter},
            kind TEXT NOT NULL CHECK (kind IN ('before', 'after', 'manual')),
            recipients TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            sent_by TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'failed', 'no_recipients')),
            error TEXT
        )
        """
    )
    db.execute("CREATE INDEX reminders_region ON reminders(region_id, quarter)")
    # The county's own view of a commitment in a quarter, beside the region's report.
    db.execute(
        f"""
        CREATE TABLE county_assessments (
            commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            {quarter},
            status TEXT NOT NULL CHECK (status IN ({statuses})),
            comment TEXT,
            assessed_by TEXT NOT NULL,
            assessed_at TEXT NOT NULL,
            PRIMARY KEY (commitment_id, quarter)
        )
        """
    )
    db.execute("CREATE INDEX county_assessments_quarter ON county_assessments(quarter)")
    # An assessment replaced or withdrawn, as it was (status NULL: there was none before).
    db.execute(
        """
        CREATE TABLE county_assessment_history (
            id INTEGER PRIMARY KEY,
            commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            quarter TEXT NOT NULL,
            status TEXT,
            comment TEXT,
            assessed_by TEXT,
            assessed_at TEXT,
            replaced_by TEXT NOT NULL,
            replaced_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX county_assessment_history_commitment ON county_assessment_history(commitment_id, quarter)")
    # The region's contact for the round (daglig leder, sekretariat): shown on the board, reminded.
    db.execute("ALTER TABLE regions ADD COLUMN contact_name TEXT")
    db.execute("ALTER TABLE regions ADD COLUMN contact_email TEXT")
    db.execute("ALTER TABLE regions ADD COLUMN contact_phone TEXT")
