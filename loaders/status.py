"""The quarterly status loader: the workbook contract and validation.

A file is validated whole before anything is written. Every problem found is
reported at once, naming sheet, row, column and value. Only a file without
errors is written (by core/reports.py), in one ``BEGIN IMMEDIATE`` transaction,
with the values it replaces kept in ``status_history`` so the upload can be rolled back.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from core.access import require_reporter, scope_text
from core.i18n import Deferred, Text, join_words, quoted_list, t
from core.organisation import get_county, status_aliases
from core.register import Region, agreement_for_quarter, region_lookup
from core.reports import (
    LoadResult,
    Report,
    ReportRow,
    existing_reports,
    outside_scope,
    plan,
    previous_reports,
    repeats_previous,
    save_parsed,
    upload_with_sha,
)
from core.rounds import current_round, locked_reports, oslo_day, oslo_today
from core.settings import setting
from core.uploads import file_sha256
from core.users import User
from core.vocabulary import (
    clean_paragraphs,
    clean_text,
    fold,
    parse_quarter,
    parse_status,
    quarter_end,
    quarter_label,
    status_names,
)
from loaders.columns import HEADER_SEARCH_ROWS, Header, column_letter, find_header
from loaders.errors import FORMULA_ERROR, NO_QUARTER_COLUMN, REPORTED_TWICE, CellError, StatusFileRejected
from loaders.isolation import run_isolated
from loaders.workbook import Sheet, read_sheet

COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "region": ("Region", "Kommuneregion"),
    "code": ("Nr", "Nr.", "Tiltak nr", "Tiltak nr.", "Tiltaksnr", "Code", "Commitment"),
    "quarter": ("Kvartal", "Quarter"),
    "status": ("Status",),
    "progress": ("Fremdrift", "Fremdrift (%)", "Fremdrift %", "Progress", "Progress (%)"),
    "comment": ("Kommentar", "Comment"),
    "next_step": ("Neste steg", "Next steps", "Next step"),
    "owner": ("Ansvarlig", "Owner"),
}
REQUIRED_COLUMNS = ("region", "code", "status")
# Columns the template adds for the reader's reference; ignored without a warning.
REFERENCE_COLUMNS = ("tiltak", "innsatsområde", "focus area", "commitment text")
REFERENCE_SUFFIX = "(kun til info)"
PROGRESS_EVERY = setting("progress_every", int)  # rows between progress reports while checking a file
# on_progress(fraction 0–1, stage): stage is read, check, compare, save or done.
Progress = Callable[[float, str], None]


# --- reading and validating ---------------------------------------------------------


def load_status(
    db: Database,
    path: str | os.PathLike,
    *,
    quarter: str | None = None,
    user: User,
    dry_run: bool = False,
    file_name: str | None = None,
    on_progress: Progress | None = None,
    keep_not_updated: bool = False,
) -> LoadResult:
    """Validate a status workbook and, unless ``dry_run``, save it as ``user``.

    Rows that merely repeat the commitment's previous report (an untouched pre-filled
    template) are counted as not updated and not saved, unless ``keep_not_updated``
    (the person confirmed that nothing has changed).

    Raises NotAllowed for a viewer, a WorkbookError for a file that cannot be read safely and
    StatusFileRejected (with every error) for one that breaks the contract.
    ``on_progress(fraction, stage)`` hears how far the work has come, for a
    progress bar on large files.
    """
    require_reporter(user)
    report = on_progress or _no_progress
    report(0.0, "read")
    sheet = run_isolated(read_sheet, path, header=(COLUMN_ALIASES, REQUIRED_COLUMNS))
    rows, warnings = parse_sheet(db, sheet, user=user, quarter=quarter, on_progress=report)
    sha256 = file_sha256(path)
    name = file_name or Path(path).name
    report(0.9, "compare" if dry_run else "save")
    if dry_run:
        result = plan(db, rows, keep_not_updated=keep_not_updated)
        result.dry_run = True
    else:
        result = save_parsed(
            db, rows, kind="status", file_name=name, sha256=sha256, user=user, keep_not_updated=keep_not_updated
        )
    result.warnings = warnings
    if result.upload_id is None:
        result.already_loaded_as = upload_with_sha(db, sha256)
    report(1.0, "done")
    return result


def load_status_bytes(db: Database, data: bytes, file_name: str, **options: Any) -> LoadResult:
    """load_status for a file that arrived as bytes (an upload in the browser).

    The bytes go to a private temporary file, since the safety checks and the
    reader work on files; it is removed whatever happens.
    """
    suffix = Path(file_name).suffix.lower()[:10]
    with tempfile.TemporaryDirectory(prefix="status-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        return load_status(db, path, file_name=file_name, **options)


def _no_progress(_fraction: float, _stage: str) -> None:
    pass


def parse_sheet(
    db: Database, sheet: Sheet, *, user: User, quarter: str | None = None, on_progress: Progress | None = None
) -> tuple[list[ReportRow], list[Text]]:
    """Every row of the sheet checked against the contract, the register and what ``user`` may report for."""
    header = find_header(sheet.rows, COLUMN_ALIASES, REQUIRED_COLUMNS, sheet=sheet.name)
    if header is None:
        raise StatusFileRejected([_missing_header_error(sheet)])
    errors: list[CellError] = []
    warnings = [
        Text("loaders.status.unknown_column", column=ignored, sheet=sheet.name)
        for ignored in header.ignored
        if fold(ignored) not in REFERENCE_COLUMNS and not fold(ignored).endswith(REFERENCE_SUFFIX)
    ]
    file_quarter = None
    if quarter is not None:
        file_quarter = parse_quarter(quarter)
        if file_quarter is None:
            raise StatusFileRejected(
                [CellError(sheet.name, None, None, None, quarter, "loaders.status.invalid_file_quarter")]
            )
    if "quarter" not in header.columns and file_quarter is None:
        raise StatusFileRejected([CellError(sheet.name, header.row + 1, None, None, None, NO_QUARTER_COLUMN)])

    reader = _RowReader(db, sheet, header, file_quarter)
    parsed: list[ReportRow] = []
    seen: dict[tuple[int, str], int] = {}
    total = len(sheet.rows)
    for index in range(header.row + 1, total):
        if on_progress is not None and index % PROGRESS_EVERY == 0:
            on_progress(0.1 + 0.8 * index / total, "check")
        row = reader.read(index, errors)
        if row is None:
            continue
        key = (row.report.commitment_id, row.quarter)
        if key in seen:
            errors.append(
                reader.error(
                    index,
                    "code",
                    REPORTED_TWICE,
                    quarter=Deferred(quarter_label, row.quarter),
                    row=seen[key],
                )
            )
            continue
        seen[key] = row.row
        parsed.append(row)
    outside = outside_scope(db, parsed, user)
    locked = _locked_errors(db, reader, parsed)
    if outside or locked:
        # Merged in row order, so each row's problems read together.
        errors = sorted(
            [*errors, *(_scope_error(reader, user, row, area) for row, area in outside), *locked],
            key=lambda error: error.row or 0,
        )
    if errors:
        raise StatusFileRejected(errors)
    if not parsed:
        raise StatusFileRejected([CellError(sheet.name, None, None, None, None, "loaders.status.no_rows")])
    several = _several_quarters(parsed)
    return parsed, [*warnings, *([several] if several else []), *_quarters_running(parsed)]


def _quarters_running(parsed: list[ReportRow]) -> list[Text]:
    """A warning for each quarter in the rows that has not ended yet: a report for it is early, or
    the Kvartal column is wrong; saved only if the person goes on."""
    running = current_round(oslo_today())
    counts: dict[str, int] = {}
    for row in parsed:
        if row.quarter > running:
            counts[row.quarter] = counts.get(row.quarter, 0) + 1
    return [
        Text(
            "loaders.status.quarter_running",
            count=count,
            quarter=Deferred(quarter_label, quarter),
            end=quarter_end(quarter).strftime("%d.%m.%Y"),
        )
        for quarter, count in sorted(counts.items())
    ]


def _several_quarters(parsed: list[ReportRow]) -> Text | None:
    """A warning when the rows are for more than one quarter, naming the rows apart from the most common one.

    One stray Kvartal cell would otherwise pass unseen: its commitment reported for that quarter,
    and missing from the file's own.
    """
    rows_by_quarter: dict[str, list[int]] = {}
    for row in parsed:
        rows_by_quarter.setdefault(row.quarter, []).append(row.row)
    if len(rows_by_quarter) < 2:
        return None
    main = max(sorted(rows_by_quarter), key=lambda quarter: len(rows_by_quarter[quarter]))
    others = [(quarter, rows) for quarter, rows in sorted(rows_by_quarter.items()) if quarter != main]
    return Text(
        "loaders.status.several_quarters",
        main=Deferred(quarter_label, main),
        count=len(rows_by_quarter[main]),
        others=Deferred(_quarters_and_rows, others),
    )


def _quarters_and_rows(others: list[tuple[str, list[int]]], lang: str = "nb") -> str:
    """ "4. kv. 2024 (rad 14) og 1. kv. 2025 (radene 15, 16 og 17)", at most five rows each."""
    shown = 5
    parts = []
    for quarter, rows in others:
        numbers = [str(row) for row in rows[:shown]] + (["…"] if len(rows) > shown else [])
        key = "loaders.status.quarter_row" if len(rows) == 1 else "loaders.status.quarter_rows"
        parts.append(t(key, lang, quarter=quarter_label(quarter, lang), rows=join_words(numbers, lang)))
    return join_words(parts, lang)


def _scope_error(reader: _RowReader, user: User, row: ReportRow, area: str | None) -> CellError:
    scope = Deferred(scope_text, user)
    if area:
        return reader.error(
            row.row - 1,
            "region",
            "loaders.status.outside_scope_area",
            scope=scope,
            region=row.region.name,
            area=area,
        )
    return reader.error(row.row - 1, "region", "loaders.status.outside_scope", scope=scope, region=row.region.name)


def _locked_errors(db: Database, reader: _RowReader, rows: list[ReportRow]) -> list[CellError]:
    """A row that would add or change a report of an approved, and so locked, quarter (core.rounds);
    one that repeats the report as it stands changes nothing and passes, as does a pre-filled row
    of a commitment approved without a report."""
    locks = locked_reports(db, [(row.report.commitment_id, row.quarter) for row in rows])
    if not locks:
        return []
    existing = existing_reports(db, rows)
    # A commitment approved without a report, whose row only repeats its previous report (a template
    # left as pre-filled): it would be left out as not updated, so it is not in the way.
    previous = previous_reports(db, rows, existing)
    errors = []
    for row in rows:
        key = (row.report.commitment_id, row.quarter)
        lock, stands, before = locks.get(key), existing.get(key), previous.get(key)
        if lock is None or (stands is not None and stands[:5] == row.report.values()):
            continue
        if stands is None and before is not None and repeats_previous(row.report.values(), before[1:]):
            continue
        errors.append(
            reader.error(
                row.row - 1,
                "quarter" if "quarter" in reader.header.columns else "code",
                "loaders.status.locked",
                quarter=Deferred(quarter_label, row.quarter),
                region=row.region.name,
                by=lock.approved_by,
                day=oslo_day(lock.approved_at).strftime("%d.%m.%Y"),
            )
        )
    return errors


def _missing_header_error(sheet: Sheet) -> CellError:
    wanted = Deferred(quoted_list, [COLUMN_ALIASES[name][0] for name in REQUIRED_COLUMNS])
    return CellError(
        sheet.name, None, None, None, None, "loaders.status.no_header", {"columns": wanted, "rows": HEADER_SEARCH_ROWS}
    )


class _RowReader:
    """Turns one sheet row into a report, appending to ``errors`` what is wrong with it."""

    def __init__(self, db: Database, sheet: Sheet, header: Header, file_quarter: str | None):
        self.db = db
        self.sheet = sheet
        self.header = header
        self.file_quarter = file_quarter
        self.regions = region_lookup(db)
        self._codes: dict[tuple[int, str], dict[str, int] | None] = {}
        self._used = list(header.columns.values())
        self._widest = max(self._used)
        # Region, quarter and status repeat on every row; parse each spelling once.
        self._region_of: dict[object, Region | None] = {}
        self._quarter_of: dict[object, str | None] = {}
        # A status word is read with the county's own words (core.organisation.status_aliases) of
        # the agreement the row is filed under: "I arbeid" may be on track in one county only.
        self._status_of: dict[tuple[object, int | None], str | None] = {}
        self._county_of: dict[tuple[int, str], int | None] = {}
        self._aliases: dict[int, dict[str, str]] = {}
        self._text_of: dict[object, str | None] = {}
        # Rows with a formula error (#DIV/0!, #N/A …) in a column we read; calamine reads those cells as "".
        self._error_rows = {row for row, column in sheet.errors if column in self._used}

    def cell(self, index: int, name: str) -> object:
        return self.header.cell(self.sheet.rows[index], name)

    def text(self, index: int, name: str) -> str | None:
        value = self.cell(index, name)
        if value not in self._text_of:
            self._text_of[value] = clean_paragraphs(value) or None
        return self._text_of[value]

    def error(self, index: int, name: str, key: str, *, shown: object = None, **values: object) -> CellError:
        """The problem ``key`` at row ``index`` in the ``name`` column; ``shown`` replaces the cell's value."""
        column = self.header.columns.get(name)
        header_text = clean_text(self.sheet.rows[self.header.row][column]) if column is not None else None
        return CellError(
            self.sheet.name,
            index + 1,
            column_letter(column) if column is not None else None,
            header_text,
            _show(self.cell(index, name) if shown is None else shown),
            key,
            values,
            # In the Nr column the value already is the number.
            code=self.row_code(index) if name != "code" else None,
        )

    def row_code(self, index: int) -> str | None:
        """The commitment number on the row as written, when it can be read as one."""
        if "code" not in self.header.columns:
            return None
        value = self.cell(index, "code")
        if _blank(value) or isinstance(value, (dt.date, dt.datetime, dt.time, bool)):
            return None
        return _show(value) or None

    def read(self, index: int, errors: list[CellError]) -> ReportRow | None:
        row = self.sheet.rows[index]
        shown = self._formula_errors(index) if index in self._error_rows else []
        if not shown:
            fast = self._read_known(index, row)
            if fast is not None:
                return fast
            if all(_blank(row[column]) for column in self._used if column < len(row)):
                return None
        found: list[CellError] = []
        region = self._region(index, found)
        quarter = self._quarter(index, found)
        code, commitment_id = self._commitment(index, region, quarter, found)
        status = self._status(index, found, self._county(region, quarter))
        progress = self._progress(index, found)
        if shown:
            # An error cell reads as blank; say what it shows instead of "missing".
            columns = {error.column for error in shown}
            found = [*shown, *(error for error in found if error.column not in columns)]
        errors.extend(found)
        # Each value is None only with its problem in ``found``.
        if found or region is None or quarter is None or code is None or commitment_id is None or status is None:
            return None
        report = Report(
            commitment_id=commitment_id,
            quarter=quarter,
            status=status,
            progress=progress,
            comment=self.text(index, "comment"),
            next_step=self.text(index, "next_step"),
            owner=self.text(index, "owner"),
        )
        return ReportRow(index + 1, region, code, quarter, report)

    def _formula_errors(self, index: int) -> list[CellError]:
        return [
            self.error(index, name, FORMULA_ERROR, shown=self.sheet.errors[(index, column)])
            for name, column in self.header.columns.items()
            if (index, column) in self.sheet.errors
        ]

    def _read_known(self, index: int, row: Sequence[object]) -> ReportRow | None:
        """The row, when every value in it was already seen valid on an earlier row.

        Most rows of a file repeat the same region, quarter and status and carry
        codes exactly as the register writes them; this path handles them with
        dictionary look-ups only. Anything else returns None and takes the full path.
        """
        columns = self.header.columns
        if len(row) <= self._widest:
            return None
        region = self._region_of.get(row[columns["region"]])
        quarter = self._quarter_of.get(row[columns["quarter"]]) if "quarter" in columns else self.file_quarter
        if region is None or quarter is None:
            return None
        status = self._status_of.get((row[columns["status"]], self._county_of.get((region.id, quarter))))
        if status is None:
            return None
        if self.file_quarter is not None and quarter != self.file_quarter:
            return None
        codes = self._codes.get((region.id, quarter))
        code = row[columns["code"]]
        if not codes or not isinstance(code, str):
            return None
        commitment_id = codes.get(code)
        if commitment_id is None:
            return None
        progress = None
        if "progress" in columns:
            column = columns["progress"]
            value = row[column]
            if not _blank(value):
                progress = parse_progress(value, percent_cell=(index, column) in self.sheet.percent_cells)
                if progress is None:
                    return None
        report = Report(
            commitment_id,
            quarter,
            status,
            progress,
            self.text(index, "comment"),
            self.text(index, "next_step"),
            self.text(index, "owner"),
        )
        return ReportRow(index + 1, region, code, quarter, report)

    def _region(self, index: int, errors: list[CellError]) -> Region | None:
        value = self.cell(index, "region")
        if _blank(value):
            errors.append(self.error(index, "region", "loaders.status.region_missing"))
            return None
        if value not in self._region_of:
            self._region_of[value] = self.regions.get(fold(value))
        region = self._region_of[value]
        if region is None:
            errors.append(self.error(index, "region", "loaders.status.unknown_region"))
        return region

    def _quarter(self, index: int, errors: list[CellError]) -> str | None:
        value = self.cell(index, "quarter")
        if _blank(value):
            if self.file_quarter is None:
                errors.append(self.error(index, "quarter", "loaders.status.quarter_missing"))
            return self.file_quarter
        if value not in self._quarter_of:
            self._quarter_of[value] = parse_quarter(value)
        quarter = self._quarter_of[value]
        if quarter is None:
            errors.append(self.error(index, "quarter", "loaders.status.unknown_quarter"))
        elif self.file_quarter is not None and quarter != self.file_quarter:
            errors.append(
                self.error(
                    index,
                    "quarter",
                    "loaders.status.quarter_mismatch",
                    quarter=Deferred(quarter_label, self.file_quarter),
                )
            )
            return None
        return quarter

    def _commitment(
        self, index: int, region: Region | None, quarter: str | None, errors: list[CellError]
    ) -> tuple[str | None, int | None]:
        value = self.cell(index, "code")
        if _blank(value):
            errors.append(self.error(index, "code", "loaders.status.code_missing"))
            return None, None
        if isinstance(value, (dt.date, dt.datetime, dt.time)):
            errors.append(self.error(index, "code", "loaders.status.code_is_date"))
            return None, None
        if region is None or quarter is None:
            return None, None
        codes = self._codes_for(region, quarter)
        if codes is None:
            errors.append(
                self.error(
                    index,
                    "region",
                    "loaders.status.no_agreement",
                    shown=region.name,
                    quarter=Deferred(quarter_label, quarter),
                )
            )
            return None, None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return self._numeric_code(index, value, codes, region, errors)
        code = _unquoted(clean_text(value))
        if code not in codes and "," in code:
            # Norwegian Excel has the comma for a decimal point, so 1.2 is often typed 1,2.
            with_point = code.replace(",", ".")
            if with_point in codes:
                return with_point, codes[with_point]
            errors.append(self.error(index, "code", "loaders.status.unknown_code_comma", region=region.name))
            return None, None
        if code not in codes:
            errors.append(self.error(index, "code", "loaders.status.unknown_code", region=region.name))
            return None, None
        return code, codes[code]

    def _numeric_code(
        self, index: int, value: float, codes: dict[str, int], region: Region, errors: list[CellError]
    ) -> tuple[str | None, int | None]:
        # Excel stores a typed 1.10 as the number 1.1; the register decides which it was.
        candidates = numeric_code_candidates(value)
        matches = [code for code in candidates if code in codes]
        if len(matches) == 1:
            return matches[0], codes[matches[0]]
        if not matches:
            errors.append(self.error(index, "code", "loaders.status.unknown_code", region=region.name))
        else:
            both = Deferred(join_words, matches, every=True)
            errors.append(self.error(index, "code", "loaders.status.ambiguous_code", codes=both))
        return None, None

    def _codes_for(self, region: Region, quarter: str) -> dict[str, int] | None:
        key = (region.id, quarter)
        if key not in self._codes:
            agreement_id = agreement_for_quarter(self.db, region.id, quarter)
            self._county_of[key] = (
                None
                if agreement_id is None
                else self.db.execute("SELECT county_id FROM agreements WHERE id = ?", (agreement_id,)).fetchone()[0]
            )
            self._codes[key] = (
                None
                if agreement_id is None
                else {
                    code: id_
                    for id_, code in self.db.execute(
                        "SELECT id, code FROM commitments WHERE agreement_id = ? AND active = 1", (agreement_id,)
                    )
                }
            )
        return self._codes[key]

    def _status(self, index: int, errors: list[CellError], county_id: int | None) -> str | None:
        value = self.cell(index, "status")
        if _blank(value):
            errors.append(self.error(index, "status", "loaders.status.status_missing", statuses=Deferred(status_names)))
            return None
        key = (value, county_id)
        if key not in self._status_of:
            self._status_of[key] = parse_status(value, self._county_aliases(county_id))
        status = self._status_of[key]
        if status is None:
            errors.append(self.error(index, "status", "loaders.status.unknown_status", statuses=Deferred(status_names)))
        return status

    def _county(self, region: Region | None, quarter: str | None) -> int | None:
        """The county of the agreement a row of this region and quarter is filed under, if any."""
        if region is None or quarter is None:
            return None
        self._codes_for(region, quarter)
        return self._county_of[region.id, quarter]

    def _county_aliases(self, county_id: int | None) -> dict[str, str]:
        if county_id is None:
            return {}
        if county_id not in self._aliases:
            self._aliases[county_id] = status_aliases(self.db, get_county(self.db, county_id))
        return self._aliases[county_id]

    def _progress(self, index: int, errors: list[CellError]) -> int | None:
        value = self.cell(index, "progress")
        if _blank(value):
            return None
        column = self.header.columns["progress"]
        percent_cell = (index, column) in self.sheet.percent_cells
        progress = parse_progress(value, percent_cell=percent_cell)
        if progress is None:
            errors.append(self._progress_error(index, value, percent_cell))
        return progress

    def _progress_error(self, index: int, value: object, percent_cell: bool) -> CellError:
        """Why the progress cell was refused, in the words that fit the mistake."""
        number = _progress_number(value, percent_cell=False)
        if percent_cell and number is not None and number > 1:
            # Pasted or typed before the format was set: 40 under "0 %" shows as 4000 %.
            excel = _excel_percent(number)
            return self.error(
                index,
                "progress",
                "loaders.status.progress_percent_format",
                shown=excel,
                excel=excel,
                number=Deferred(_decimal, number),
            )
        if not percent_cell and number is not None and 0 < number < 1:
            return self.error(
                index,
                "progress",
                "loaders.status.progress_fraction",
                shown=value if isinstance(value, str) else _decimal(number),
                # Progress is stored whole, so that is the number to suggest.
                percent=Deferred(_decimal, int(number * 100 + 0.5 + 1e-9)),
            )
        return self.error(index, "progress", "loaders.status.invalid_progress")


_PROGRESS_TEXT = re.compile(r"^(\d{1,3}(?:[.,]\d+)?)\s*%?$")


def parse_progress(value: object, *, percent_cell: bool = False) -> int | None:
    """Progress as a whole number 0–100, or None when it is not one.

    A percent-formatted cell holds 0.45 for "45 %"; text may be "45", "45 %" or "45,5 %".
    A fraction without a percent (0.4, "0,4") is None: it was most likely meant as 40 %, and
    reading it as 0 % would store the wrong value without a word.
    """
    number = _progress_number(value, percent_cell=percent_cell)
    if number is None or not 0 <= number <= 100:
        return None
    if 0 < number < 1 and not percent_cell and not (isinstance(value, str) and "%" in value):
        return None
    # Round half up: 45.5 % is 46, not Python's banker's 46/45 alternation.
    return int(number + 0.5 + 1e-9)


def _progress_number(value: object, *, percent_cell: bool) -> float | None:
    """The number in a progress cell, as a percentage when the cell has a percent format."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) * 100 if percent_cell else float(value)
    match = _PROGRESS_TEXT.match(_unquoted(clean_text(value)).replace(" ", ""))
    return float(match.group(1).replace(",", ".")) if match else None


def _unquoted(text: str) -> str:
    """The text without the apostrophe Excel uses to mark a typed value as text ('1.10, '45).

    Excel keeps that apostrophe as a style (quotePrefix), but programs that do not know this
    write it into the text itself (ClosedXML#147, PhpSpreadsheet#1061).
    """
    return text[1:].lstrip() if text.startswith("'") else text


def _decimal(number: float, lang: str = "nb") -> str:
    """A number as people type it, to at most four decimals: 40, 0,4 (0.4 in English)."""
    text = f"{round(number, 4):.4f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nb" else text


def _excel_percent(number: float) -> str:
    # As Norwegian Excel shows a number under the format "0 %".
    return f"{_decimal(number * 100)} %"


def numeric_code_candidates(value: float) -> list[str]:
    """The codes a number in a code cell may have been typed as: 1.1 -> 1.1, 1.10, 1.100."""
    text = format(float(value), ".15g")
    if "e" in text:
        return []
    stem = text if "." in text else text + "."
    return [text] + [stem + "0" * zeros for zeros in (1, 2)]


def _blank(value: object) -> bool:
    # A cell holding only white space or invisible characters ("\u00a0", "\u200b") is blank.
    return value is None or (isinstance(value, str) and not clean_text(value))


def _show(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d.%m.%Y")
    return clean_text(value)
