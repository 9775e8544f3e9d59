"""Errors raised while reading files people upload; each message names what and where."""

from core.errors import MonitorError


class WorkbookError(MonitorError):
    """A file that cannot be read safely as an .xlsx workbook."""


class NotAWorkbook(WorkbookError):
    """The file is not an Excel workbook at all (CSV, HTML, text renamed .xlsx)."""


class OldExcelFormat(WorkbookError):
    """An old binary .xls workbook, which must be saved as .xlsx first."""


class PasswordProtected(WorkbookError):
    """An encrypted, password-protected workbook."""


class MacroWorkbook(WorkbookError):
    """A workbook carrying VBA macros, which we refuse to handle."""


class DamagedWorkbook(WorkbookError):
    """A truncated or corrupt workbook."""


class WorkbookTooLarge(WorkbookError):
    """A workbook whose contents inflate beyond what we accept (zip bomb)."""


class TooManyRows(WorkbookError):
    """A sheet with more rows than a status file can reasonably have."""


class TooManyCells(WorkbookError):
    """A sheet whose farthest cell spans a grid too large to hold (a cell far right or far down)."""


class UnsafeXml(WorkbookError):
    """XML with a document type declaration or entities (entity expansion attack)."""


class IrregularXml(WorkbookError):
    """XML written in a way our safety checks cannot vouch for (an unreadable cell tag, a huge tag)."""


class EmptySheet(WorkbookError):
    """The sheet to read has no cells."""


class MissingFormulaValue(WorkbookError):
    """A formula cell without a saved value, so its result cannot be known."""


class AgreementFormatError(MonitorError):
    """An agreement text that does not contain numbered commitments we can read."""
