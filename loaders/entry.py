"""A region's quarter filled in in the browser, checked and saved as a status workbook would be.

The form's rows become the sheet the template would give (its headers, a region and a quarter
column) and go through the status loader's own ``parse_sheet``: there is no second set of rules.
Saving is an upload like a file's (kind "status"), with the same review, history and rollback.
Errors and review rows are numbered as the form shows its rows (1 for the first commitment) and
name the form rather than a sheet.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from core.access import require_reporter
from core.i18n import Text, t
from core.register import Region
from core.reports import LoadResult, ReportRow, plan, save_parsed, upload_with_sha
from core.users import User
from core.vocabulary import quarter_label
from loaders.errors import CellError, StatusFileRejected
from loaders.status import parse_sheet
from loaders.workbook import Sheet

# The fields of a form row in the order of the sheet built from it; region and quarter come first.
FIELDS = ("region", "code", "quarter", "status", "progress", "comment", "next_step", "owner")
# Sheet rows above the first commitment: the header alone.
HEADER_ROWS = 1


@dataclass(frozen=True)
class EntryRow:
    """One commitment's row of the form as the person left it; blank cells are None."""

    code: str
    status: str | None  # the status as chosen, in words
    progress: str | None  # as typed or pasted: the status loader reads it as it reads a cell
    comment: str | None = None
    next_step: str | None = None
    owner: str | None = None


def form_name(lang: str = "nb") -> str:
    """What errors name in place of a sheet: «Skjemaet»."""
    return t("loaders.entry.form", lang)


def header(name: str, lang: str = "nb") -> str:
    """A field's column header: the template's, which the status loader knows in both languages."""
    return t(f"outputs.template.col.{name}", lang)


def entry_sheet(region: Region, quarter: str, rows: Sequence[EntryRow], lang: str = "nb") -> Sheet:
    """The form as the sheet a filled-in template would give, row for row."""
    label = quarter_label(quarter, lang)
    return Sheet(
        form_name(lang),
        [
            [header(name, lang) for name in FIELDS],
            *(
                [
                    region.name,
                    row.code,
                    label,
                    _cell(row.status),
                    _cell(row.progress),
                    _cell(row.comment),
                    _cell(row.next_step),
                    _cell(row.owner),
                ]
                for row in rows
            ),
        ],
    )


def _cell(value: str | None) -> str:
    # A sheet's empty cell is "".
    return value or ""


def entry_file_name(region: Region, quarter: str) -> str:
    """The upload's name in the log, in bokmål as file names are: «Skjema i nettleseren – Follo, 3. kv. 2026»."""
    return t("loaders.entry.file_name", region=region.short_name or region.name, quarter=quarter_label(quarter))


def entry_sha256(region: Region, quarter: str, rows: Sequence[ReportRow]) -> str:
    """A fingerprint of what the form says, as read: the same reports give the same sha, in either language."""
    content = [region.id, quarter, sorted([row.report.commitment_id, *row.report.values()] for row in rows)]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()


def check_entry(
    db: Database, region: Region, quarter: str, rows: Sequence[EntryRow], *, user: User, lang: str = "nb"
) -> list[ReportRow]:
    """The form's rows read and checked by the status loader's rules, numbered as the form shows them.

    Raises StatusFileRejected with every error, each on the form's row and column header.
    """
    return _checked(db, region, quarter, rows, user=user, lang=lang)[0]


def _checked(
    db: Database, region: Region, quarter: str, rows: Sequence[EntryRow], *, user: User, lang: str
) -> tuple[list[ReportRow], list[Text]]:
    """check_entry with the status loader's warnings (a quarter still running, say)."""
    try:
        parsed, warnings = parse_sheet(db, entry_sheet(region, quarter, rows, lang), user=user, quarter=quarter)
    except StatusFileRejected as rejected:
        raise StatusFileRejected([_on_form(error) for error in rejected.errors]) from None
    return [dataclasses.replace(row, row=row.row - HEADER_ROWS) for row in parsed], warnings


def _on_form(error: CellError) -> CellError:
    # The form has no column letters; its headers name the columns.
    row = None if error.row is None else error.row - HEADER_ROWS
    return dataclasses.replace(error, row=row, column=None)


def load_entry(
    db: Database,
    region: Region,
    quarter: str,
    rows: Sequence[EntryRow],
    *,
    user: User,
    dry_run: bool = False,
    keep_not_updated: bool = False,
    lang: str = "nb",
) -> LoadResult:
    """Check the form and, unless ``dry_run``, save it as ``user``: load_status for the browser's form.

    Rows that merely repeat the previous report are left out unless ``keep_not_updated``. Raises
    NotAllowed for a viewer, StatusFileRejected (every error) for a form that breaks the rules and
    QuarterLocked when the quarter was approved after the check.
    """
    require_reporter(user)
    parsed, warnings = _checked(db, region, quarter, rows, user=user, lang=lang)
    sha256 = entry_sha256(region, quarter, parsed)
    if dry_run:
        result = plan(db, parsed, keep_not_updated=keep_not_updated)
        result.dry_run = True
    else:
        result = save_parsed(
            db,
            parsed,
            kind="status",
            file_name=entry_file_name(region, quarter),
            sha256=sha256,
            user=user,
            keep_not_updated=keep_not_updated,
        )
    result.warnings = warnings
    if result.upload_id is None:
        result.already_loaded_as = upload_with_sha(db, sha256)
    return result
