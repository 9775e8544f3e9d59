"""Reading the commitment register from a workbook: one row per commitment.

The whole file is checked before anything is written, and every problem is
reported at once, with the row and column as Excel shows them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field

from sqlite_utils import Database

from core.access import require_admin
from core.db import write_transaction
from core.errors import MonitorError
from core.register import (
    Agreement,
    Commitment,
    FocusArea,
    agreement_for,
    ensure_region,
    region_lookup,
    save_agreement,
)
from core.uploads import file_sha256, record_upload
from core.users import User
from core.vocabulary import COUNCIL_AREAS, clean_text, fold, parse_sdg_list
from loaders.agreement import normalise_period
from loaders.columns import HEADER_SEARCH_ROWS, find_header
from loaders.workbook import read_sheet

SHEET = "Tiltak"
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
}
REQUIRED = ("region", "code", "text")

_COUNCIL_BY_FOLD = {fold(name): name for name in COUNCIL_AREAS}
_ALLOWED_COUNCIL_AREAS = ", ".join(f"«{name}»" for name in COUNCIL_AREAS)
_FOCUS_AREA = re.compile(r"^(?P<number>\d{1,2})(?:\.?\s*[-\u2013\u2014:]\s*|\.?\s+|\.?$)(?P<title>.*)$")


@dataclass(frozen=True)
class CatalogueError:
    sheet: str
    row: int  # as Excel numbers it
    column: str  # the header as written in the file
    value: str
    reason: str

    def __str__(self) -> str:
        return f"rad {self.row}, {self.column}: {self.reason}"


class CatalogueRejected(MonitorError):
    """A catalogue with errors; nothing of it was saved. ``errors`` lists them all."""

    def __init__(self, errors: list[CatalogueError]):
        self.errors = errors
        shown = "; ".join(str(error) for error in errors[:3])
        more = f"; og {len(errors) - 3} til" if len(errors) > 3 else ""
        super().__init__(f"Filen har {len(errors)} feil i arket «{errors[0].sheet}»: {shown}{more}.")


class CatalogueHeaderMissing(MonitorError):
    """No row near the top of the sheet names the columns a catalogue needs."""


class EmptyCatalogue(MonitorError):
    """A catalogue sheet with a header row but no commitments under it."""


@dataclass(frozen=True)
class CatalogueSummary:
    upload_id: int
    regions: list[str]
    new_regions: list[str]
    added: int
    changed: int
    unchanged: int

    @property
    def summary(self) -> str:
        text = (
            f"Lagret som opplasting {self.upload_id}: {self.added} nye, {self.changed} endret, "
            f"{self.unchanged} uendret tiltak for {', '.join(self.regions)}."
        )
        if self.new_regions:
            text += f" Nye regioner: {', '.join(self.new_regions)}."
        return text


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


@dataclass
class _Region:
    name: str
    id: int | None  # None for a region the file introduces
    rows: list[_Row] = field(default_factory=list)


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
    the focus area's. Title, hashtag or goals left blank for a focus area that
    is already stored keep their stored values.

    Raises :class:`CatalogueRejected` listing every error.
    """
    sheet = read_sheet(path, preferred=SHEET)
    header = find_header(sheet.rows, ALIASES, REQUIRED)
    if header is None:
        raise CatalogueHeaderMissing(
            f"Fant ikke overskriftene i arket «{sheet.name}» blant de {HEADER_SEARCH_ROWS} første radene. "
            "Arket må ha kolonnene Region, Nr og Tiltak (eller Region, Code og Commitment)."
        )
    headings = {name: clean_text(sheet.rows[header.row][column]) for name, column in header.columns.items()}
    errors: list[CatalogueError] = []

    def report(index: int, name: str, value: object, reason: str) -> None:
        errors.append(CatalogueError(sheet.name, index + 1, headings[name], _cell_text(value), reason))

    known = region_lookup(db)
    # Keyed by the stored region when there is one, so a full name and a short
    # name in the same file are the same region.
    regions: dict[str, _Region] = {}
    numeric_codes: list[tuple[int, _Region, float]] = []
    for index in range(header.row + 1, len(sheet.rows)):
        cells = sheet.rows[index]
        if not any(_cell_text(value) for value in cells):
            continue

        def cell(name: str) -> object:
            column = header.columns.get(name)
            return cells[column] if column is not None and column < len(cells) else ""

        row = _read_row(index, cell, lambda name, reason: report(index, name, cell(name), reason))
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
        if isinstance(cell("code"), (int, float)):
            numeric_codes.append((index, region, float(cell("code"))))

    if not regions and not errors:
        raise EmptyCatalogue(f"Arket «{sheet.name}» har ingen tiltak under overskriftsraden.")
    refused = _check_numeric_codes(numeric_codes, report)
    for region in regions.values():
        _check_region(region, refused, report)

    agreements: dict[str, Agreement] = {}
    for region in regions.values():
        period = next((row.period for row in region.rows if row.period), "")
        agreement_id = agreement_for(db, region.id, period or None) if region.id else None
        if not period:
            period = _period_of(db, agreement_id) if agreement_id else DEFAULT_PERIOD
        agreements[region.name] = _agreement(db, region, period, agreement_id, report)
    if errors:
        raise CatalogueRejected(sorted(errors, key=lambda error: error.row))
    return agreements


def _cell_text(value: object) -> str:
    # Excel stores 2 as 2.0, and "1.2" typed in Norway may become a date; show
    # them as people saw them.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return clean_text(value)


def _read_row(index: int, cell, problem) -> _Row:
    region = clean_text(cell("region"))
    if not region:
        problem("region", "mangler region")
    code = _code(cell("code"))
    if isinstance(cell("code"), (dt.date, dt.time)):
        problem("code", "Excel har gjort nummeret om til en dato; skriv det som tekst (med ' foran)")
    elif not code:
        problem("code", "mangler nummer")
    text = clean_text(cell("text"))
    if not text:
        problem("text", "mangler tiltakstekst")

    focus_number, focus_title = _focus_area(cell("focus_area"), code)
    hashtag = clean_text(cell("hashtag")) or None
    if hashtag and not hashtag.startswith("#"):
        hashtag = f"#{hashtag}"
    if hashtag and not _cell_text(cell("focus_area")):
        problem("hashtag", "en emneknagg hører til et innsatsområde, men raden har ikke innsatsområde")

    council_text = clean_text(cell("council_area"))
    council_area = _COUNCIL_BY_FOLD.get(fold(council_text)) if council_text else None
    if council_text and council_area is None:
        problem("council_area", f"«{council_text}» er ikke et rådsområde; bruk ett av {_ALLOWED_COUNCIL_AREAS}")

    sdg_text = _cell_text(cell("sdgs"))
    sdgs = parse_sdg_list(sdg_text)
    if sdgs is None:
        problem("sdgs", f"«{sdg_text}» er ikke bærekraftsmål; skriv tall fra 1 til 17, for eksempel «9; 11»")

    return _Row(
        excel_row=index + 1,
        region=region,
        code=code,
        text=text,
        focus_number=focus_number,
        focus_title=focus_title,
        hashtag=hashtag,
        council_area=council_area,
        sdgs=sorted(sdgs or []),
        period=normalise_period(_cell_text(cell("period"))),
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
    return code.split(".")[0] or None, text


def _check_numeric_codes(numeric_codes: list[tuple[int, _Region, float]], report) -> set[int]:
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
                f"Excel har lagret nummeret som tallet {_code(number)}, som ikke kan skilles fra "
                f"{twins[0].code} på rad {twins[0].excel_row}; skriv numrene som tekst (med ' foran)",
            )
    return refused


def _check_region(region: _Region, refused: set[int], report) -> None:
    """Errors that need all of a region's rows: repeated codes, two periods,
    one focus area with two titles or hashtags."""
    first_code: dict[str, _Row] = {}
    first_period: _Row | None = None
    first_title: dict[str, _Row] = {}
    first_hashtag: dict[str, _Row] = {}
    for row in region.rows:
        index = row.excel_row - 1
        earlier = first_code.setdefault(row.code, row)
        if earlier is not row and row.excel_row not in refused:
            report(
                index,
                "code",
                row.code,
                f"nummeret {row.code} står allerede på rad {earlier.excel_row} for {region.name}",
            )
        if row.period:
            first_period = first_period or row
            if row.period != first_period.period:
                report(
                    index,
                    "period",
                    row.period,
                    f"{region.name} har perioden «{first_period.period}» på rad {first_period.excel_row}; "
                    "en fil kan ha bare én periode per region",
                )
        if row.focus_number and row.focus_title:
            named = first_title.setdefault(row.focus_number, row)
            if row.focus_title != named.focus_title:
                report(
                    index,
                    "focus_area",
                    row.focus_title,
                    f"innsatsområde {row.focus_number} heter «{named.focus_title}» på rad {named.excel_row}",
                )
        if row.focus_number and row.hashtag:
            tagged = first_hashtag.setdefault(row.focus_number, row)
            if row.hashtag != tagged.hashtag:
                report(
                    index,
                    "hashtag",
                    row.hashtag,
                    f"innsatsområde {row.focus_number} har emneknaggen {tagged.hashtag} på rad {tagged.excel_row}",
                )


def _period_of(db: Database, agreement_id: int) -> str:
    return db.execute("SELECT period FROM agreements WHERE id = ?", (agreement_id,)).fetchone()[0]


def _stored_focus_areas(db: Database, agreement_id: int) -> list[FocusArea]:
    areas: dict[int, FocusArea] = {}
    for id_, number, title, hashtag in db.execute(
        "SELECT id, number, title, hashtag FROM focus_areas WHERE agreement_id = ? ORDER BY position, id",
        (agreement_id,),
    ):
        areas[id_] = FocusArea(number, title, hashtag)
    for id_, sdg in db.execute(
        "SELECT s.focus_area_id, s.sdg FROM focus_area_sdgs s JOIN focus_areas f ON f.id = s.focus_area_id "
        "WHERE f.agreement_id = ? ORDER BY s.sdg",
        (agreement_id,),
    ):
        areas[id_].sdgs.append(sdg)
    return list(areas.values())


def _agreement(db: Database, region: _Region, period: str, agreement_id: int | None, report) -> Agreement:
    # Stored focus areas are passed on as they are, so saving renumbers every
    # position consistently; the file's focus areas update or follow them.
    focus_areas = _stored_focus_areas(db, agreement_id) if agreement_id else []
    stored = {area.number: area for area in focus_areas}
    rows_by_area: dict[str, list[_Row]] = {}
    for row in region.rows:
        if row.focus_number:
            rows_by_area.setdefault(row.focus_number, []).append(row)

    own_goals: set[str] = set()  # focus areas whose rows name different goals
    for number, rows in rows_by_area.items():
        old = stored.get(number)
        title = next((row.focus_title for row in rows if row.focus_title), "") or (old.title if old else "")
        if not title:
            report(
                rows[0].excel_row - 1,
                "focus_area",
                number,
                f"innsatsområde {number} finnes ikke fra før og trenger en tittel, for eksempel «{number} - Tittel»",
            )
            continue
        goal_lists = [row.sdgs for row in rows if row.sdgs]
        if len({tuple(goals) for goals in goal_lists}) > 1:
            own_goals.add(number)
        area = FocusArea(
            number=number,
            title=title,
            hashtag=next((row.hashtag for row in rows if row.hashtag), None) or (old.hashtag if old else None),
            sdgs=sorted(set().union(*goal_lists)) if goal_lists else (old.sdgs if old else []),
        )
        if old:
            focus_areas[focus_areas.index(old)] = area  # keeps its place
        else:
            focus_areas.append(area)

    commitments = []
    for row in region.rows:
        if row.focus_number is None:
            sdgs = row.sdgs or None
        else:
            sdgs = row.sdgs if row.focus_number in own_goals and row.sdgs else None
        commitments.append(
            Commitment(
                code=row.code,
                text=row.text,
                focus_area=row.focus_number,
                council_area=row.council_area,
                sdgs=sdgs,
            )
        )
    return Agreement(period=period, focus_areas=focus_areas, commitments=commitments)


def load_catalogue(db: Database, path: str | os.PathLike, *, user: User) -> CatalogueSummary:
    """Check the whole catalogue, then save every region's commitments in one transaction.

    Commitments not in the file are left as they are: a catalogue may cover
    only some regions or some commitments.
    """
    require_admin(user, "laste inn tiltaksregisteret")
    agreements = read_catalogue(db, path)
    sha256 = file_sha256(path)
    added = changed = unchanged = 0
    with write_transaction(db):
        known = region_lookup(db)
        new_regions = [name for name in agreements if fold(name) not in known]
        for name, agreement in agreements.items():
            result = save_agreement(db, ensure_region(db, name), agreement, retire_missing=False)
            added += result.added
            changed += result.changed
            unchanged += result.unchanged
        upload_id = record_upload(
            db,
            kind="catalogue",
            file_name=path,
            sha256=sha256,
            user=user.signature,
            added=added,
            changed=changed,
            unchanged=unchanged,
        )
    return CatalogueSummary(
        upload_id=upload_id,
        regions=list(agreements),
        new_regions=new_regions,
        added=added,
        changed=changed,
        unchanged=unchanged,
    )
