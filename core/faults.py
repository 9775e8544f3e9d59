"""Failures of the machine rather than of the data, each turned into one named error in plain words.

A read-only file or folder, a full disk, a damaged or foreign file where the database should be,
a folder in its place, a database held by another writer: SQLite and the operating system word
these in English ("attempt to write a readonly database", "[Errno 28] No space left on device").
:func:`fault` maps each to a MonitorError naming the file, worded in our own Norwegian and
English, so the command line prints one line and the dashboard shows it in place of a traceback.
Its reason is read from SQLite's result code and the OS error number, never from their English
text; an error number we have no words for is named by its symbol (ETXTBSY) beside the file.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from core.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseIsFolder,
    DatabaseMissing,
    DatabaseReadOnly,
    DiskFull,
    FileUnusable,
    FolderReadOnly,
    MonitorError,
    NotADatabase,
)
from core.i18n import Text

# OS error numbers we word ourselves: the key of the reason in the text table (core.reason.*).
_REASONS = {
    errno.EACCES: "no_access",
    errno.EPERM: "no_access",
    errno.EROFS: "read_only_file_system",
    errno.EDQUOT: "quota",
    errno.EISDIR: "is_folder",
    errno.ENOTDIR: "not_a_folder",
    errno.ENOENT: "missing",
    errno.EFBIG: "too_big",
    errno.EIO: "io",
    errno.ENAMETOOLONG: "name_too_long",
    errno.EEXIST: "exists",
    errno.ENOSPC: "no_space",
}


def fault(error: BaseException, database: str | os.PathLike) -> MonitorError | None:
    """The named error for an environment failure met while using ``database``; None for anything else.

    A MonitorError is returned as it is. An OSError names the file it was about (or ``database``).
    """
    if isinstance(error, MonitorError):
        return error
    if isinstance(error, sqlite3.Error):
        return database_fault(error, Path(database))
    if isinstance(error, OSError):
        return file_fault(error, Path(error.filename) if error.filename else Path(database))
    return None


def database_fault(error: sqlite3.Error, database: Path) -> MonitorError | None:
    """What a SQLite error on ``database`` means, from its result code (the low byte of the extended one).

    None for an error that is not the machine's (a constraint, a mistake in SQL): that one is a bug.
    """
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseBusy("core.database_busy")
    if primary == sqlite3.SQLITE_FULL:
        return DiskFull("core.disk_full", path=str(database))
    if primary == sqlite3.SQLITE_CORRUPT:
        return DatabaseDamaged("core.database_corrupt", path=str(database))
    if primary == sqlite3.SQLITE_NOTADB:
        return NotADatabase("core.not_a_database", path=str(database))
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
        return _cannot_write(database, primary)
    if primary == sqlite3.SQLITE_IOERR:
        return FileUnusable("core.file_unusable", path=str(database), reason=_reason(errno.EIO))
    return None


def _cannot_write(database: Path, primary: int) -> MonitorError:
    """SQLite could not open or write the file: find out why from the file system itself."""
    if database.is_dir():
        return DatabaseIsFolder("core.database_is_folder", path=str(database))
    # SQLite keeps its -wal and -shm files beside the database: it must be able to create them.
    if not os.access(database.parent, os.W_OK):
        return FolderReadOnly("core.folder_read_only", path=str(database), folder=str(database.parent))
    if not database.exists():
        return DatabaseMissing("core.database_missing", path=str(database))
    if not os.access(database, os.W_OK) or primary == sqlite3.SQLITE_READONLY:
        return DatabaseReadOnly("core.database_read_only", path=str(database))
    return FileUnusable("core.file_unusable", path=str(database), reason=_reason(errno.EACCES))


def file_fault(error: OSError, path: Path) -> MonitorError:
    """What an OS error on ``path`` means, in our words."""
    number = error.errno
    if number == errno.ENOSPC:
        return DiskFull("core.disk_full", path=str(path))
    return FileUnusable("core.file_unusable", path=str(path), reason=_reason(number))


def file_reason(error: OSError) -> Text:
    """Why an OS error happened, in words, for a failure that names no file."""
    return _reason(error.errno)


def _reason(number: int | None) -> Text:
    name = _REASONS.get(number) if number is not None else None
    if name is not None:
        return Text(f"core.reason.{name}")
    return Text("core.reason.unknown", code=errno.errorcode.get(number, "?") if number is not None else "?")
