"""Exceptions that carry a message meant for the person using the tool: the one errors module of core.

Every failure a user can cause has its own class, raised with a text-table key
and the values for its placeholders. The CLI shows ``str(error)``, one line of
plain Norwegian; the pages show ``error.message(lang)`` in the reader's language.
"""

from core.i18n import t


class MonitorError(Exception):
    """Base for every error whose message is shown to users as it is."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.message("nb"))

    def message(self, lang: str = "nb") -> str:
        """The message in ``lang`` ("nb" or "en"): one line, from the text table."""
        return t(self.key, lang, **self.values)

    def __reduce__(self) -> tuple:
        # Exception's own pickling calls cls(message), which no subclass accepts; rebuilding from
        # the attributes (key, values, a rejected file's errors) lets an error raised in the child
        # that parsed an upload (loaders/isolation.py) reach the parent as itself.
        return (_rebuild, (type(self), self.__dict__))


def _rebuild(cls: type[MonitorError], state: dict[str, object]) -> MonitorError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error.message("nb"))
    return error


class DatabaseBusy(MonitorError):
    """Another writer held the database for longer than we are willing to wait."""


class DatabaseMissing(MonitorError):
    """The database file named does not exist, and the command does not create one."""


class DatabaseReadOnly(MonitorError):
    """The database file may be read but not written (its permissions, or an immutable file)."""


class FolderReadOnly(MonitorError):
    """The database's folder is read-only, so SQLite cannot make its -wal and -shm files beside it."""


class DatabaseIsFolder(MonitorError):
    """The database path names a folder, not a file."""


class DiskFull(MonitorError):
    """The disk (or the account's quota) holding a file we write is full."""


class FileUnusable(MonitorError):
    """A file could not be opened, read or written, for a reason of the file system named in words."""


class BackupExists(MonitorError):
    """The file a backup would be written to exists already, and --force was not given."""


class BackupOverDatabase(MonitorError):
    """A backup asked to be written over the database it copies, or over its -wal or -shm file."""


class RestoreFromDatabase(MonitorError):
    """A restore asked to read the database it would replace (or its -wal or -shm file)."""


class BackupMissing(MonitorError):
    """The backup file to restore from does not exist."""


class NotADatabase(MonitorError):
    """A file that is not a SQLite database at all."""


class DatabaseDamaged(MonitorError):
    """A SQLite database that fails its integrity check or cannot be read to the end."""


class NotOurDatabase(MonitorError):
    """A SQLite database, but not one of Partnerskapsmonitor's."""


class NewerDatabase(MonitorError):
    """A database with migrations this version does not know: made by a newer version."""


class UnknownRegion(MonitorError):
    """A region name or short name that is not in the register."""


class UnknownCounty(MonitorError):
    """A county name or number that is not in the register."""


class NoCounty(MonitorError):
    """A region that belongs to no county, so its agreement has no county to be saved under."""


class NoSuchAgreement(MonitorError):
    """The region has no agreement for the period asked for."""


class UnknownCouncilArea(MonitorError):
    """A council area name that is not in the register."""


class AmbiguousCouncilArea(MonitorError):
    """A council area name that several counties use, given without its county."""


class UnknownUpload(MonitorError):
    """An upload number that is not in the uploads log."""


class RollbackConflict(MonitorError):
    """A later upload changed the same reports, so a rollback would lose its values."""


class AlreadyRolledBack(MonitorError):
    """The upload has been rolled back before."""


class InvalidQuarter(MonitorError):
    """A quarter argument that cannot be read as a quarter."""


class NotRollbackable(MonitorError):
    """An upload of a kind that cannot be rolled back (agreements, catalogues)."""


class NotAllowed(MonitorError):
    """The user's role, or the regions and council areas they hold, do not allow this action."""


class UnknownUser(MonitorError):
    """A username that has no account."""


class InvalidEmail(MonitorError):
    """An e-mail address (an account's or a region contact's) that is not one address of a valid form."""


class UserExists(MonitorError):
    """An account with that username or e-mail already exists."""


class InvalidRole(MonitorError):
    """A role that is not leser, rapportør or administrator."""


class WeakPassword(MonitorError):
    """A password too short to be safe."""


class SignInFailed(MonitorError):
    """Wrong username or password (which of the two is not said)."""


class SignInLocked(MonitorError):
    """Too many failed sign-ins; the account is closed for a while."""


class InvalidSetting(MonitorError):
    """An environment variable whose value does not fit its setting (core/settings.py)."""


class ReferenceDataDamaged(MonitorError):
    """A reference file shipped in data/reference/ is missing or not of its form: an installation fault."""


class QuarterLocked(MonitorError):
    """Reports of a region's quarter that has been approved, and so locked, would be added or changed."""


class NothingToApprove(MonitorError):
    """Approval was asked for a region's quarter with no report and no commitment the user may approve."""


class NotApproved(MonitorError):
    """Reopening was asked for a region's quarter that is not approved (nothing of it is locked)."""


class ReasonMissing(MonitorError):
    """Reopening a locked quarter needs a reason, and none was given."""


class InvalidRoundSetting(MonitorError):
    """A deadline or reminder rule out of range: days after the quarter, or a deadline before the quarter ends."""
