"""Every error the loaders and the command line raise; each message names what and where.

Messages come from the text table (keys ``loaders.*`` and ``cli.*``): an error
keeps its key and values, ``str(error)`` is the bokmål message and
``error.message(lang)`` the message in "nb" or "en".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.errors import MonitorError
from core.i18n import Localised, t

# --- files rejected for what is in their cells ------------------------------------------------


@dataclass(frozen=True)
class CellError(Localised):
    """One problem at one place in a rejected file: the sheet, and where known the row and column."""

    sheet: str
    row: int | None  # as Excel numbers it; None for the sheet as a whole
    column: str | None  # the letter, "E"
    header: str | None  # the column's header as written in the file
    value: str | None  # the cell's value as people saw it
    key: str  # the problem, a text-table key
    values: dict[str, object] = field(default_factory=dict, compare=False)
    code: str | None = None  # the commitment number on the row, when the row has a readable one

    def problem(self, lang: str = "nb") -> str:
        """The problem alone, without the place: "ukjent status. Velg en av: …"."""
        return t(self.key, lang, **self.values)

    def message(self, lang: str = "nb") -> str:
        """The place, the value and the problem: "Arket «Status», rad 5, kolonne D (Status): «Kanskje» – …"."""
        place = [t("loaders.columns.sheet", lang, sheet=self.sheet)]
        if self.row is not None:
            place.append(self._row_text(lang))
        if self.column is not None:
            key = "loaders.columns.column_header" if self.header else "loaders.columns.column"
            place.append(t(key, lang, column=self.column, header=self.header))
        key = "loaders.columns.line" if self.value not in (None, "") else "loaders.columns.line_without_value"
        return t(key, lang, place=", ".join(place), value=self.value, problem=self.problem(lang))

    def short(self, lang: str = "nb") -> str:
        """Row, header and problem, for a list in one sentence: "rad 3, Rådsområde: …"."""
        return t(
            "loaders.columns.short", lang, row=self._row_text(lang), header=self.header, problem=self.problem(lang)
        )

    def _row_text(self, lang: str) -> str:
        """ "rad 5", or "rad 5 (tiltak 2.1)" when the row's commitment is known."""
        if self.code:
            return t("loaders.columns.row_code", lang, row=self.row, code=self.code)
        return t("loaders.columns.row", lang, row=self.row)

    def __eq__(self, other: object) -> bool:
        # The problem compares as its bokmål text, so two errors saying the same thing are equal.
        if not isinstance(other, CellError):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def _fields(self) -> tuple:
        return (self.sheet, self.row, self.code, self.column, self.header, self.value, self.problem("nb"))


# A file without its quarter: the CellError's key, by which each front end adds how to give the
# quarter (the page's chooser, the command line's --quarter).
NO_QUARTER_COLUMN = "loaders.status.no_quarter_column"
# A commitment reported twice: the one problem in the Nr column whose value is the row's number
# as read, so front ends can show it as the row's commitment.
REPORTED_TWICE = "loaders.status.reported_twice"
# A cell showing a formula error (#DIV/0!, #N/A …) in a column that is read, in any file with a header.
FORMULA_ERROR = "loaders.columns.formula_error"


class FileRejected(MonitorError):
    """A file with errors in its cells; nothing from it was saved."""

    def __init__(self, key: str, errors: list[CellError], **values: object) -> None:
        self.errors = list(errors)
        super().__init__(key, **values)


class StatusFileRejected(FileRejected):
    """A status workbook that breaks the contract; ``errors`` lists every problem found."""

    def __init__(self, errors: list[CellError]) -> None:
        super().__init__("loaders.status.rejected", errors, count=len(errors), first=errors[0])


class CatalogueRejected(FileRejected):
    """A commitment catalogue with errors; ``errors`` lists every problem found."""

    SHOWN = 3  # errors named in the message itself

    def __init__(self, errors: list[CellError]) -> None:
        super().__init__("loaders.catalogue.rejected", errors, count=len(errors), sheet=errors[0].sheet)

    def message(self, lang: str = "nb") -> str:
        shown = "; ".join(error.short(lang) for error in self.errors[: self.SHOWN])
        more = len(self.errors) - self.SHOWN
        key = "loaders.catalogue.rejected_more" if more > 0 else self.key
        return t(key, lang, **self.values, shown=shown, more=more)


class OrganisationRejected(FileRejected):
    """An organisation workbook with errors; ``errors`` lists every problem found."""

    def __init__(self, errors: list[CellError]) -> None:
        super().__init__("loaders.organisation.rejected", errors, count=len(errors))


class NoOrganisationSheet(MonitorError):
    """A workbook without any of the organisation workbook's sheets."""


class DuplicateNames(MonitorError):
    """Units or status words edited on the page with one name twice."""


class RolledBack(Exception):
    """Raised inside a write transaction to roll back what it did: a dry run, or a save that changes nothing."""


# --- workbooks that cannot be read safely -----------------------------------------------------


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


class UncalculatedFormulas(MissingFormulaValue):
    """Formulas a program wrote without calculating them, leaving Excel to do it on open."""


class FormulaError(WorkbookError):
    """A cell showing a formula error that the reader cannot take in (#SPILL!, #CALC! …)."""


class DuplicateParts(WorkbookError):
    """A zip holding two entries with the same name in any case, so two readers could read different bytes."""


class OpenDocument(WorkbookError):
    """A LibreOffice/OpenDocument spreadsheet (.ods), which must be saved as .xlsx first."""


class BinaryWorkbook(WorkbookError):
    """An Excel binary workbook (.xlsb), which must be saved as .xlsx first."""


class SensitivityLabel(WorkbookError):
    """A workbook encrypted by a sensitivity label (IRM), which only Office with the right account can open."""


class SeveralStatusSheets(WorkbookError):
    """Two or more visible sheets have the header we look for, so which one to read cannot be told."""


class HeaderNotFound(WorkbookError):
    """None of several visible sheets has the header we look for."""


class MergedAcrossColumns(WorkbookError):
    """Cells merged across two columns we read, so one value would stand for two fields."""


class DuplicateColumn(WorkbookError):
    """A header row that names the same field in two columns."""


# --- files whose reader was stopped (loaders/isolation.py) ------------------------------------


class ReaderStopped(MonitorError):
    """The child process parsing an uploaded file ended without an answer; the caller is unharmed."""


class ReaderCrashed(ReaderStopped):
    """The parsing library crashed (a native abort or segfault) on the file."""


class ReaderTimedOut(ReaderStopped):
    """Parsing the file took longer than the time limit (setting parse_seconds)."""


class ReaderOutOfMemory(ReaderStopped):
    """Parsing the file needed more memory than the limit (setting parse_memory_mb)."""


# --- agreements ---------------------------------------------------------------------------------


class AgreementFormatError(MonitorError):
    """An agreement text that does not contain numbered commitments we can read."""


class UnreadableAgreement(AgreementFormatError):
    """A file that cannot be read as text at all: wrong type, damaged .docx or .pdf, unknown encoding."""


class ScannedAgreement(UnreadableAgreement):
    """A PDF without a text layer (a scan), whose words only a person can read."""


class MissingRegion(MonitorError):
    """An agreement loaded without saying which region it belongs to."""


class QuarterOutsidePeriod(MonitorError):
    """A first status report asked for a quarter outside the agreement's period."""


class CountyEnded(MonitorError):
    """An agreement beginning after its county ceased to exist (a 2025 agreement under Viken)."""


class NotInPredecessor(MonitorError):
    """A code given as carried on that the earlier agreement does not have."""


class CouncilAreaNotListed(MonitorError):
    """A council area chosen for a commitment that is not on the county's list, or for a code not in the agreement."""


# --- catalogues ---------------------------------------------------------------------------------


class CatalogueHeaderMissing(MonitorError):
    """No row near the top of the sheet names the columns a catalogue needs."""


class EmptyCatalogue(MonitorError):
    """A catalogue sheet with a header row but no commitments under it."""


class CatalogueNotTheAgreement(MonitorError):
    """A catalogue uploaded as one agreement that holds several regions, another region or another period."""


# --- the command line ---------------------------------------------------------------------------


class MissingActingUser(MonitorError):
    """A command that writes, run without saying which account it acts as."""


class PasswordsDiffer(MonitorError):
    """The password typed a second time is not the first one."""
