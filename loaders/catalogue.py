"""Reading the commitment register from a workbook: one row per commitment.

The whole file is checked before anything is written, and every problem is
reported at once, with the row and column as Excel shows them.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlite_utils import Database

from core.access import require_admin
from core.i18n import Deferred, quoted_list, t
from core.queries import agreement_council_areas
from core.register import (
    Agreement,
    Commitment,
    FocusArea,
    agreement_for,
    region_lookup,
    save_agreements_as_upload,
)
from core.uploads import file_sha256
from core.users import User
from core.vocabulary import clean_text, fold, parse_sdg_list
from loaders.agreement_fields import parse_amount, parse_deadline
from loaders.agreement_layout import normalise_period
from loaders.columns import HEADER_SEARCH_ROWS, Header, column_letter, find_header
from loaders.errors import (
    FORMULA_ERROR,
    CatalogueHeaderMissing,
    CatalogueRejected,
    CellError,
    EmptyCatalogue,
    HeaderNotFound,
)
from loaders.isolation import run_isolated
from loaders.workbook import Sheet, read_sheet

# Used when a region has no agreement yet and the file gives no period: the
# commitments are then the region's ongoing ones, not tied to a signed period.
DEFAULT_PERIOD = "løpende"

ALIASES: dict[str, tuple[str, ...]] = {
    "region": ("Region",),
    "code": ("Nr", "Nr.", "Nummer", "Kode", "Code"),
    "text": ("Tiltak", "Commitment"),
    "focus_area": ("Innsatsområde", "Focus area"),
    "hashtag": ("Emneknagg", "Hashtag"),
    "council_area": ("Rådsområde", "Council area"),
    "sdgs": ("Bærekraftsmål", "SDGs", "SDG"),
    "period": ("Periode", "Period"),
    "deadline": ("Frist", "Deadline"),
    "amount": ("Midler (kr)", "Midler", "Budsjett", "Budsjett (kr)", "Amount (NOK)", "Amount"),
    # Optional: with it, a row's own goals can differ from its focus area's in any way (the union rule below
    # cannot say that a focus area's goals are fewer than its rows name); outputs/catalogue.py writes it.
    "focus_area_sdgs": ("Innsatsområdets bærekraftsmål", "Focus area SDGs"),
    "title": ("Avtaletittel", "Agreement title"),
}
REQUIRED = ("region", "code", "text")

_FOCUS_AREA = re.compile(r"^(?P<number>\d{1,2})(?:\.?\s*[-\u2013\u2014:]\s*|\.?\s+|\.?$)(?P<title>.*)$")


@dataclass(frozen=True)
class CatalogueSummary:
    upload_id: int
    regions: list[str]
    new_regions: list[str]
    added: int
    changed: int
    unchanged: int

    def message(self, lang: str = "nb") -> str:
        """One line for the person who loaded the catalogue."""
        return t(
            "loaders.catalogue.saved_new_regions" if self.new_regions else "loaders.catalogue.saved",
            lang,
            upload=self.upload_id,
            added=self.added,
            changed=self.changed,
            unchanged=self.unchanged,
            regions=", ".join(self.regions),
            new_regions=", ".join(self.new_regions),
        )

    @property
    def summary(self) -> str:
        return self.message("nb")


@dataclass
class _Row:
    excel_row: int
    region: str
    code: str
    text: str
    focus_number: str | None
    focus_title: str
    hashtag: str | None
    council_area: str | None
    sdgs: list[int]
    period: str
    deadline: str | None
    amount: int | None
    focus_sdgs: list[int]  # blank: the focus area's goals follow from its rows
    title: str


@dataclass
class _Region:
    name: str
    id: int | None  # None for a region the file introduces
    rows: list[_Row] = field(default_factory=list)


class _Report(Protocol):
    """Records the problem ``key`` at the sheet's row ``index``, in column ``name`` holding ``value``."""

    def __call__(self, index: int, name: str, value: object, key: str, **values: object) -> None: ...


@dataclass(frozen=True)
class _Line:
    """One row of the sheet as read: its cells by field name, and its problems recorded at its place."""

    index: int  # 0-based index into Sheet.rows
    cells: Sequence[object]
    header: Header
    report: _Report

    def cell(self, name: str) -> object:
        return self.header.cell(self.cells, name)

    def problem(self, name: str, key: str, **values: object) -> None:
        self.report(self.index, name, self.cell(name), key, **values)


def read_catalogue(db: Database, path: str | os.PathLike) -> dict[str, Agreement]:
    """Check a catalogue workbook and return, per region, the agreement to save.

    Region names match the register ignoring case and Unicode form; unknown
    regions are new. Each region's commitments go into the agreement for its
    Periode value, else its latest agreement, else a new one for
    :data:`DEFAULT_PERIOD`.

    Focus areas: the number comes from "2 - Title" in the cell, else from the
    first part of the code. Goals (SDGs) follow one rule: a focus area gets the
    union of the goals on its rows; when those rows disagree, each row that names
    goals also keeps its own on its commitment, and a row without goals inherits
    the focus area's. Where the sheet has the optional column "Innsatsområdets
    bærekraftsmål", it gives each focus area's goals (blank on all its rows: none),
    and a row's goals are its commitment's own only where they differ from them.
    Title, hashtag or goals (without that column) left blank for a focus area that
    is already stored keep their stored values.

    Frist and Midler (kr) become the commitment's deadline and amount (blank keeps
    the stored ones); Avtaletittel, one per region, the agreement's title.

    Raises :class:`CatalogueRejected` listing every error.
    """
    sheet = run_isolated(read_sheet, path, header=(ALIASES, REQUIRED))
    header = find_header(sheet.rows, ALIASES, REQUIRED, sheet=sheet.name)
    if header is None:
        raise CatalogueHeaderMissing("loaders.catalogue.no_header", sheet=sheet.name, rows=HEADER_SEARCH_ROWS)
    return sheet_agreements(db, sheet, header)


def catalogue_sheet(path: str | os.PathLike) -> tuple[Sheet, Header] | None:
    """The workbook's sheet with a catalogue's header (Region, Nr and Tiltak) and that header, or None
    when it has none: an action plan, which names no region, is read as an agreement's lines instead.

    Raises the workbook's errors for a file that cannot be read safely.
    """
    try:
        sheet = run_isolated(read_sheet, path, header=(ALIASES, REQUIRED))
    except HeaderNotFound:
        return None  # several sheets, none with the header
    header = find_header(sheet.rows, ALIASES, REQUIRED, sheet=sheet.name)
    return (sheet, header) if header is not None else None


def sheet_agreements(db: Database, sheet: Sheet, header: Header) -> dict[str, Agreement]:
    """Check a catalogue sheet under its header and return, per region, the agreement to save
    (see :func:`read_catalogue`)."""
    headings = {name: clean_text(sheet.rows[header.row][column]) for name, column in header.columns.items()}
    errors: list[CellError] = []

    def report(index: int, name: str, value: object, key: str, **values: object) -> None:
        column = column_letter(header.columns[name])
        errors.append(CellError(sheet.name, index + 1, column, headings[name], _cell_text(value), key, values))

    known = region_lookup(db)
    units = functools.cache(lambda region, period: agreement_council_areas(db, region, period or None))
    # Keyed by the stored region when there is one, so a full name and a short
    # name in the same file are the same region.
    regions: dict[str, _Region] = {}
    numeric_codes: list[tuple[int, _Region, float]] = []
    for index in range(header.row + 1, len(sheet.rows)):
        line = _Line(index, sheet.rows[index], header, report)
        for name, column in header.columns.items():
            if (index, column) in sheet.errors:
                report(index, name, sheet.errors[(index, column)], FORMULA_ERROR)
        if not any(_cell_text(value) for value in line.cells):
            continue
        row = _read_row(line, units)
        # A row with other errors still takes part in the checks across rows,
        # so one round of corrections is enough.
        if not row.region or not row.code:
            continue
        stored = known.get(fold(row.region))
        if stored:
            region = regions.setdefault(stored.name, _Region(stored.name, stored.id))
        else:
            region = regions.setdefault(fold(row.region), _Region(row.region, None))
        region.rows.append(row)
        code = line.cell("code")
        if isinstance(code, (int, float)):
            numeric_codes.append((index, region, float(code)))

    if not regions and not errors:
        raise EmptyCatalogue("loaders.catalogue.empty", sheet=sheet.name)
    refused = _check_numeric_codes(numeric_codes, report)
    for region in regions.values():
        _check_region(region, refused, report)

    agreements: dict[str, Agreement] = {}
    for region in regions.values():
        period = next((row.period for row in region.rows if row.period), "")
        agreement_id = agreement_for(db, region.id, period or None) if region.id else None
        if not period:
            period = _period_of(db, agreement_id) if agreement_id else DEFAULT_PERIOD
        agreements[region.name] = _agreement(
            db, region, period, agreement_id, report, goals_column="focus_area_sdgs" in header.columns
        )
    if errors:
        # An error cell reads as blank; what it shows is said once, not also that it is missing.
        shown = {(error.row, error.column) for error in errors if error.key == FORMULA_ERROR}
        errors = [error for error in errors if error.key == FORMULA_ERROR or (error.row, error.column) not in shown]
        raise CatalogueRejected(sorted(errors, key=lambda error: error.row or 0))
    return agreements


def _cell_text(value: object) -> str:
    # Excel stores 2 as 2.0, and "1.2" typed in Norway may become a date; show
    # them as people saw them.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return clean_text(value)


def _read_row(line: _Line, units: Callable[[str, str], list[str]]) -> _Row:
    """The row's values; ``units(region, period)`` are the units of the county its agreement belongs to."""
    region = clean_text(line.cell("region"))
    if not region:
        line.problem("region", "loaders.catalogue.region_missing")
    code = _code(line.cell("code"))
    if isinstance(line.cell("code"), (dt.date, dt.time)):
        line.problem("code", "loaders.catalogue.code_is_date")
    elif not code:
        line.problem("code", "loaders.catalogue.code_missing")
    text = clean_text(line.cell("text"))
    if not text:
        line.problem("text", "loaders.catalogue.text_missing")

    focus_number, focus_title = _focus_area(line.cell("focus_area"), code)
    hashtag = clean_text(line.cell("hashtag")) or None
    if hashtag and not hashtag.startswith("#"):
        hashtag = f"#{hashtag}"
    if hashtag and not _cell_text(line.cell("focus_area")):
        line.problem("hashtag", "loaders.catalogue.hashtag_without_focus_area")

    council_text = clean_text(line.cell("council_area"))
    period = normalise_period(_cell_text(line.cell("period")))
    allowed = units(region, period) if council_text else []
    council_area = next((name for name in allowed if fold(name) == fold(council_text)), None)
    if council_text and council_area is None:
        line.problem(
            "council_area",
            "loaders.catalogue.unknown_council_area",
            text=council_text,
            allowed=Deferred(quoted_list, allowed),
        )

    sdg_text = _cell_text(line.cell("sdgs"))
    sdgs = parse_sdg_list(sdg_text)
    if sdgs is None:
        line.problem("sdgs", "loaders.catalogue.invalid_sdgs", text=sdg_text)
    focus_sdg_text = _cell_text(line.cell("focus_area_sdgs"))
    focus_sdgs = parse_sdg_list(focus_sdg_text)
    if focus_sdgs is None:
        line.problem("focus_area_sdgs", "loaders.catalogue.invalid_sdgs", text=focus_sdg_text)
    elif focus_sdgs and not _cell_text(line.cell("focus_area")):
        line.problem("focus_area_sdgs", "loaders.catalogue.focus_sdgs_without_focus_area")

    deadline_cell = line.cell("deadline")
    deadline = parse_deadline(deadline_cell) if _cell_text(deadline_cell) else None
    if _cell_text(deadline_cell) and deadline is None:
        line.problem("deadline", "loaders.catalogue.invalid_deadline", text=_cell_text(deadline_cell))
    amount_cell = line.cell("amount")
    amount = parse_amount(amount_cell) if _cell_text(amount_cell) else None
    if _cell_text(amount_cell) and amount is None:
        line.problem("amount", "loaders.catalogue.invalid_amount", text=_cell_text(amount_cell))

    return _Row(
        excel_row=line.index + 1,
        region=region,
        code=code,
        text=text,
        focus_number=focus_number,
        focus_title=focus_title,
        hashtag=hashtag,
        council_area=council_area,
        sdgs=sorted(sdgs or []),
        period=period,
        deadline=deadline,
        amount=amount,
        focus_sdgs=sorted(focus_sdgs or []),
        title=clean_text(line.cell("title")),
    )


def _code(value: object) -> str:
    """A code as text. A number cell gives its shortest form (1.1, not 1.1000000000000001);
    :func:`_check_numeric_codes` refuses the ones that form may have changed."""
    if isinstance(value, (dt.date, dt.time)):
        return ""
    if isinstance(value, float) and not value.is_integer():
        return repr(value)
    return _cell_text(value)


def _as_number(code: str) -> float | None:
    try:
        return float(code)
    except ValueError:
        return None


def _focus_area(value: object, code: str) -> tuple[str | None, str]:
    """(number, title) from "2 - Understøtte næringslivet", or from a bare title and the code."""
    text = _cell_text(value)
    if not text:
        return None, ""
    match = _FOCUS_AREA.match(text)
    if match:
        return str(int(match["number"])), clean_text(match["title"])
    return code.split(".", maxsplit=1)[0] or None, text


def _check_numeric_codes(numeric_codes: list[tuple[int, _Region, float]], report: _Report) -> set[int]:
    """Refuse a code Excel stored as a number when another code of the region reads
    as the same number: 1.10 typed into a number cell becomes 1.1, so the two cannot
    be told apart. A number code without such a twin is taken as it reads.

    Returns the Excel rows refused, so they are not reported again as duplicates.
    """
    refused: set[int] = set()
    for index, region, number in numeric_codes:
        twins = [row for row in region.rows if row.excel_row != index + 1 and _as_number(row.code) == number]
        if twins:
            refused.add(index + 1)
            report(
                index,
                "code",
                number,
                "loaders.catalogue.numeric_twin",
                number=_code(number),
                twin=twins[0].code,
                row=twins[0].excel_row,
            )
    return refused


# A focus area has one title, one hashtag and one set of goals: the first row that gives one decides,
# and a row giving another is an error. (_Row field, column, text key, the key's placeholder for the first value)
_ONE_PER_FOCUS_AREA = (
    ("focus_title", "focus_area", "loaders.catalogue.focus_area_title", "title"),
    ("hashtag", "hashtag", "loaders.catalogue.focus_area_hashtag", "hashtag"),
    ("focus_sdgs", "focus_area_sdgs", "loaders.catalogue.focus_area_sdgs", "sdgs"),
)


def _check_region(region: _Region, refused: set[int], report: _Report) -> None:
    """Errors that need all of a region's rows: repeated codes, two periods or agreement titles,
    one focus area with two titles, hashtags or sets of goals."""
    first_code: dict[str, _Row] = {}
    first_period: _Row | None = None
    first_title: _Row | None = None
    first_given: dict[tuple[str, str], _Row] = {}  # by field and focus area number
    for row in region.rows:
        index = row.excel_row - 1
        earlier = first_code.setdefault(row.code, row)
        if earlier is not row and row.excel_row not in refused:
            report(
                index,
                "code",
                row.code,
                "loaders.catalogue.code_twice",
                code=row.code,
                row=earlier.excel_row,
                region=region.name,
            )
        if row.period:
            first_period = first_period or row
            if row.period != first_period.period:
                report(
                    index,
                    "period",
                    row.period,
                    "loaders.catalogue.two_periods",
                    region=region.name,
                    period=first_period.period,
                    row=first_period.excel_row,
                )
        if row.title:
            first_title = first_title or row
            if row.title != first_title.title:
                report(
                    index,
                    "title",
                    row.title,
                    "loaders.catalogue.two_titles",
                    region=region.name,
                    title=first_title.title,
                    row=first_title.excel_row,
                )
        for name, column, key, placeholder in _ONE_PER_FOCUS_AREA:
            value = getattr(row, name)
            if not (row.focus_number and value):
                continue
            first = first_given.setdefault((name, row.focus_number), row)
            if value != getattr(first, name):
                values = {placeholder: _shown(getattr(first, name)), "number": row.focus_number, "row": first.excel_row}
                report(index, column, _shown(value), key, **values)


def _shown(value: str | list[int]) -> str:
    """A row's value as the sheet shows it: goals as "4, 8"."""
    return value if isinstance(value, str) else ", ".join(str(number) for number in value)


def _period_of(db: Database, agreement_id: int) -> str:
    return db.execute("SELECT period FROM agreements WHERE id = ?", (agreement_id,)).fetchone()[0]


def _stored_focus_areas(db: Database, agreement_id: int) -> tuple[list[FocusArea], dict[str, FocusArea]]:
    """The agreement's active focus areas in order, and every stored one (retired too) by number."""
    areas: dict[int, FocusArea] = {}
    active: list[int] = []
    for id_, number, title, hashtag, is_active in db.execute(
        "SELECT id, number, title, hashtag, active FROM focus_areas WHERE agreement_id = ? ORDER BY position, id",
        (agreement_id,),
    ):
        areas[id_] = FocusArea(number, title, hashtag)
        if is_active:
            active.append(id_)
    for id_, sdg in db.execute(
        "SELECT s.focus_area_id, s.sdg FROM focus_area_sdgs s JOIN focus_areas f ON f.id = s.focus_area_id "
        "WHERE f.agreement_id = ? ORDER BY s.sdg",
        (agreement_id,),
    ):
        areas[id_].sdgs.append(sdg)
    return [areas[id_] for id_ in active], {area.number: area for area in areas.values()}


def _agreement(
    db: Database, region: _Region, period: str, agreement_id: int | None, report: _Report, *, goals_column: bool
) -> Agreement:
    # Stored focus areas are passed on as they are, so saving renumbers every
    # position consistently; the file's focus areas update or follow them.
    # A retired focus area is not passed on, but a row naming it again brings back its title, hashtag and goals.
    focus_areas, stored = _stored_focus_areas(db, agreement_id) if agreement_id else ([], {})
    rows_by_area: dict[str, list[_Row]] = {}
    for row in region.rows:
        if row.focus_number:
            rows_by_area.setdefault(row.focus_number, []).append(row)

    own_goals: set[str] = set()  # focus areas whose rows may name goals of their own
    declared: dict[str, list[int]] = {}  # focus areas whose goals a column gives
    for number, rows in rows_by_area.items():
        old = stored.get(number)
        title = next((row.focus_title for row in rows if row.focus_title), "") or (old.title if old else "")
        if not title:
            report(
                rows[0].excel_row - 1, "focus_area", number, "loaders.catalogue.focus_area_needs_title", number=number
            )
            continue
        goal_lists = [row.sdgs for row in rows if row.sdgs]
        given = next((row.focus_sdgs for row in rows if row.focus_sdgs), []) if goals_column else None
        if given is not None:
            area_goals = given
            own_goals.add(number)
            declared[number] = given
        else:
            if len({tuple(goals) for goals in goal_lists}) > 1:
                own_goals.add(number)
            area_goals = sorted(set().union(*goal_lists)) if goal_lists else (old.sdgs if old else [])
        area = FocusArea(
            number=number,
            title=title,
            hashtag=next((row.hashtag for row in rows if row.hashtag), None) or (old.hashtag if old else None),
            sdgs=area_goals,
        )

        if old in focus_areas:
            focus_areas[focus_areas.index(old)] = area  # keeps its place
        else:
            focus_areas.append(area)

    commitments = []
    for row in region.rows:
        sdgs: list[int] | None
        if row.focus_number is None:
            sdgs = row.sdgs or None
        else:
            own = row.focus_number in own_goals and row.sdgs and row.sdgs != declared.get(row.focus_number)
            sdgs = row.sdgs if own else None
        commitments.append(
            Commitment(
                code=row.code,
                text=row.text,
                focus_area=row.focus_number,
                council_area=row.council_area,
                sdgs=sdgs,
                deadline=row.deadline,
                amount=row.amount,
            )
        )
    agreement_title = next((row.title for row in region.rows if row.title), None)
    return Agreement(period=period, focus_areas=focus_areas, commitments=commitments, title=agreement_title)


def load_catalogue(db: Database, path: str | os.PathLike, *, user: User) -> CatalogueSummary:
    """Check the whole catalogue, then save every region's commitments in one transaction.

    Commitments not in the file are left as they are: a catalogue may cover
    only some regions or some commitments.
    """
    require_admin(user, "loaders.action.load_catalogue")
    agreements = read_catalogue(db, path)
    saved = save_agreements_as_upload(
        db,
        agreements,
        kind="catalogue",
        file_name=os.fspath(path),
        sha256=file_sha256(path),
        user=user.signature,
        retire_missing=False,
    )
    return CatalogueSummary(
        upload_id=saved.upload_id,
        regions=list(agreements),
        new_regions=saved.new_regions,
        added=saved.total.added,
        changed=saved.total.changed,
        unchanged=saved.total.unchanged,
    )
