"""Exceptions that carry a message meant for the person using the tool.

Every failure a user can cause has its own class. The CLI and the pages show
``str(error)``, which is always one line of plain Norwegian.
"""

from core.i18n import TEXTS, t


class MonitorError(Exception):
    """Base for every error whose message is shown to users as it is."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.message("nb"))

    def message(self, lang: str = "nb") -> str:
        """The message in ``lang`` ("nb" or "en"): one line, from the text table."""
        if self.key not in TEXTS:  # TRANSITIONAL: a literal message; removed once every raise passes a key
            return self.key
        return t(self.key, lang, **self.values)


class DatabaseBusy(MonitorError):
    """Another writer held the database for longer than we are willing to wait."""


class UnknownRegion(MonitorError):
    """A region name or short name that is not in the register."""


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


class InvalidSetting(MonitorError):
    """An environment variable whose value does not fit its setting (core/settings.py)."""
