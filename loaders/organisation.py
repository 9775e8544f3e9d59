"""Reading the organisation workbook: counties, their units, regions with their counties, names and
members over time, and each county's own status words.

Five sheets, each found by its header (bokmål, nynorsk or English), each optional: a sheet left out
leaves that part of the organisation as it is. What a sheet names, it sets whole: a county's units in
the order given, a region's counties and members over time, a county's status words.

- Fylkeskommuner: Navn, Nummer, Gyldig fra, Gyldig til, Etterfølger av (names, separated by ";")
- Enheter: Fylkeskommune, Enhet
- Regioner: Region, Kortnavn, Fylkeskommune, Fra, Tidligere navn («Follorådet (til 31.12.2023)»;
  without a date, the day before the row's Fra), and the region's contact: Kontaktperson, E-post,
  Telefon (on one of its rows; each column optional, a column left out keeps what is stored). A row
  per county the region has had.
- Medlemmer: Region, Kommunenummer, Kommune, Fra, Til. The number is checked against SSB's
  classification shipped in data/reference (core/reference.py): an unknown number is refused, and so
  is a membership on no day of which the number was in force; one it covers in part is a warning
  that names the number it became.
- Statusord: Fylkeskommune, Ord, Status

The whole file is checked before anything is written and every problem is reported at once, naming
sheet, row, column and value; a file with any error changes nothing. It is parsed in a child process
(loaders/isolation.py) like every other upload, and saved in one write transaction.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlite_utils import Database

from core import reference
from core.access import require_admin
from core.addresses import parse_address
from core.db import write_transaction
from core.errors import InvalidEmail, MonitorError, UnknownCounty
from core.i18n import Deferred, Text, quoted_list, t
from core.organisation import (
    COUNTY_SUFFIX,
    SHEETS,
    Member,
    OrganisationRows,
    council_areas,
    counties,
    ensure_county,
    find_county,
    organisation_rows,
    region_contact,
    set_council_areas,
    set_predecessors,
    set_region_contact,
    set_region_counties,
    set_region_membership,
    set_region_names,
    set_status_aliases,
    sheet_cells,
    unit_commitments,
)
from core.register import Region, ensure_region, region_lookup
from core.users import User
from core.vocabulary import STATUS_KEYS, clean_text, fold, parse_status, status_label
from loaders.columns import Header, column_letter, find_header
from loaders.errors import (
    FORMULA_ERROR,
    CellError,
    DuplicateNames,
    HeaderNotFound,
    NoOrganisationSheet,
    OrganisationRejected,
    RolledBack,
)
from loaders.isolation import run_isolated
from loaders.workbook import Sheet, read_sheet

_COUNTY = ("Fylkeskommune", "Fylke", "County")
_FROM = ("Fra", "Frå", "From", "Gyldig fra", "Gyldig frå", "Fra dato", "Frå dato")
# Each sheet's fields with the headers that mean them (the first is how outputs/organisation.py writes
# it in bokmål, an English one how it writes it in English), and the fields its header must name.
FIELDS: dict[str, tuple[dict[str, tuple[str, ...]], tuple[str, ...]]] = {
    "counties": (
        {
            "name": ("Navn", "Namn", "Name"),
            "number": ("Nummer", "Fylkesnummer", "Number"),
            "valid_from": ("Gyldig fra", "Gyldig frå", "Valid from"),
            "valid_to": ("Gyldig til", "Valid to", "Valid until"),
            "predecessors": ("Etterfølger av", "Etterfølgjar av", "Succeeds"),
        },
        ("name", "number"),
    ),
    "units": ({"county": _COUNTY, "unit": ("Enhet", "Eining", "Unit")}, ("county", "unit")),
    "regions": (
        {
            "region": ("Region",),
            "short_name": ("Kortnavn", "Kortnamn", "Short name"),
            "county": _COUNTY,
            "valid_from": _FROM,
            "former_names": ("Tidligere navn", "Tidlegare namn", "Former names"),
            "contact_name": ("Kontaktperson", "Kontakt", "Contact", "Contact person"),
            "contact_email": ("E-post", "Epost", "E-postadresse", "E-mail", "Email", "E-mail address"),
            "contact_phone": ("Telefon", "Telefonnummer", "Mobil", "Phone", "Telephone"),
        },
        ("region", "county"),
    ),
    "members": (
        {
            "region": ("Region", "Regionråd"),
            "number": ("Kommunenummer", "Kommunenr", "Municipality number", "Kommunenr.", "Knr", "Knr."),
            "municipality": ("Kommune", "Municipality", "Kommunenavn", "Kommunenamn"),
            "valid_from": (*_FROM, "Medlem fra", "Medlem frå"),
            "valid_to": ("Til", "To", "Gyldig til", "Til dato", "Medlem til"),
        },
        ("region", "number"),
    ),
    "status_words": ({"county": _COUNTY, "word": ("Ord", "Word"), "status": ("Status",)}, ("county", "word", "status")),
}
_FORMER = re.compile(
    r"^(?P<name>.*?)\s*\((?:til og med|til|fram til|frem til|t\.?o\.?m\.?|until|to)\s+(?P<day>[^)]+)\)$",
    re.IGNORECASE,
)
# A former name with a date in brackets in words the loader does not know: «Follorådet (avviklet 28.02.2021)».
_DATED = re.compile(r"\(.*\d{1,2}\.\d{1,2}\.\d{4}.*\)$")
# A municipality number with its name in one cell, as SSB's tables write it: «3101 Halden».
_NUMBER_AND_NAME = re.compile(r"^(?P<number>\d{4})\s*[-–]?\s+(?P<name>\D.*)$")
_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
CONTACT = ("contact_name", "contact_email", "contact_phone")


def read_sheets(path: str | os.PathLike) -> dict[str, Sheet | None]:
    """Each of the workbook's organisation sheets by kind (SHEETS), None for a sheet it lacks.
    Run in the child process: it reads the file."""
    found: dict[str, Sheet | None] = {}
    for kind, spec in FIELDS.items():
        try:
            sheet = read_sheet(path, header=spec)
        except HeaderNotFound:
            found[kind] = None
            continue
        found[kind] = sheet if find_header(sheet.rows, *spec, sheet=sheet.name) is not None else None
    return found


# --- the file as read ------------------------------------------------------------------------


@dataclass(frozen=True)
class CountyRow:
    name: str
    number: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    predecessors: tuple[str, ...]  # as written; resolved on saving


@dataclass
class RegionPlan:
    name: str
    short_name: str | None
    spans: list[tuple[str, dt.date | None]]  # (county as the file names it, from)
    former: dict[str, dt.date | None]  # former name to its last day
    stored: Region | None  # None for a region the file introduces
    # The contact's fields (CONTACT) the file has columns for, blank as None; the others stay as stored.
    contact: dict[str, str | None] = field(default_factory=dict)


@dataclass
class OrganisationFile:
    """A checked organisation workbook: what each of its sheets sets. Only the sheets it has are set."""

    counties: list[CountyRow] | None = None
    units: dict[str, list[str]] | None = None  # county's full name to its units in order
    renamed_units: dict[str, dict[str, str]] = field(default_factory=dict)  # county to new unit name → old
    regions: list[RegionPlan] | None = None
    members: dict[str, list[Member]] | None = None  # region name (as in regions, or stored) to members
    status_words: dict[str, dict[str, str]] | None = None  # county's full name to word → status key
    warnings: list[CellError] = field(default_factory=list)


@dataclass(frozen=True)
class OrganisationChange:
    """A row of the workbook that saving adds (``added``) or takes away."""

    sheet: str  # one of SHEETS
    added: bool
    row: tuple  # as OrganisationRows holds it

    def text(self, lang: str = "nb") -> str:
        """The row in one line, its values in the sheet's order with " · " between them, blanks left out."""
        return " · ".join(text for text in map(_cell_text, sheet_cells(self.sheet, self.row, lang)) if text)


@dataclass(frozen=True)
class OrganisationSummary:
    changes: list[OrganisationChange]
    warnings: list[CellError]
    saved: bool  # False for a dry run and for a file that changes nothing

    def message(self, lang: str = "nb") -> str:
        """One line for the person who loaded the file."""
        added = sum(change.added for change in self.changes)
        removed = len(self.changes) - added
        if not self.changes:
            return t("loaders.organisation.unchanged", lang)
        key = "loaders.organisation.saved" if self.saved else "loaders.organisation.dry_run"
        return t(key, lang, added=added, removed=removed)


class _Reader:
    """Collects the problems of one sheet, each at its row and column."""

    def __init__(self, sheet: Sheet, header: Header, errors: list[CellError], warnings: list[CellError]) -> None:
        self.sheet, self.header, self.errors, self.warnings = sheet, header, errors, warnings
        self.headings = {name: clean_text(sheet.rows[header.row][column]) for name, column in header.columns.items()}
        self._lines: list[int] | None = None

    def lines(self) -> list[int]:
        """The indexes of the rows under the header that hold anything; formula errors are reported
        the first time they are asked for."""
        if self._lines is None:
            self._lines = []
            for index in range(self.header.row + 1, len(self.sheet.rows)):
                for name, column in self.header.columns.items():
                    if (index, column) in self.sheet.errors:
                        self.error(index, name, FORMULA_ERROR, value=self.sheet.errors[(index, column)])
                if any(_text(value) for value in self.sheet.rows[index]):
                    self._lines.append(index)
        return self._lines

    def cell(self, index: int, name: str) -> object:
        return self.header.cell(self.sheet.rows[index], name)

    def text(self, index: int, name: str) -> str:
        return _text(self.cell(index, name))

    def _problem(self, index: int, name: str, key: str, value: object, values: dict[str, object]) -> CellError:
        column = self.header.columns.get(name)
        return CellError(
            self.sheet.name,
            index + 1,
            column_letter(column) if column is not None else None,
            self.headings.get(name),
            _text(self.cell(index, name) if value is None else value),
            key,
            values,
        )

    def error(self, index: int, name: str, key: str, *, value: object = None, **values: object) -> None:
        self.errors.append(self._problem(index, name, key, value, values))

    def warn(self, index: int, name: str, key: str, **values: object) -> None:
        self.warnings.append(self._problem(index, name, key, None, values))

    def required(self, index: int, name: str) -> str:
        value = self.text(index, name)
        if not value:
            self.error(index, name, "loaders.organisation.blank")
        return value

    def day(self, index: int, name: str) -> dt.date | None:
        value = self.cell(index, name)
        day = _day(value)
        if day is None and _text(value):
            self.error(index, name, "loaders.organisation.bad_date")
        return day


def _text(value: object) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_text(value)


def _day(value: object) -> dt.date | None:
    """A date cell, or text written 2024-01-01 or 1.1.2024; None for a blank or anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = clean_text(value) if isinstance(value, str) else ""
    match = _DAY.match(text)
    try:
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _names(value: str) -> list[str]:
    return [name for name in (clean_text(part) for part in value.split(";")) if name]


class _Counties:
    """Resolves a county as a sheet names it (full name, short name or number) among the file's
    Fylkeskommuner and the stored ones, to its full name."""

    def __init__(self, db: Database, rows: Sequence[CountyRow]) -> None:
        self.db = db
        self.keys: dict[str, str] = {}
        for row in rows:
            for key in (fold(row.name), fold(row.name.removesuffix(COUNTY_SUFFIX)), row.number):
                if key:
                    self.keys.setdefault(key, row.name)
        self.known = [row.name for row in rows if row.name]

    def find(self, name: str) -> str | None:
        # «Østfold fylke», as people often write it, is the county too.
        for key in dict.fromkeys([name, re.sub(r"\s+fylke$", "", clean_text(name), flags=re.IGNORECASE)]):
            if fold(key) in self.keys:
                return self.keys[fold(key)]
            try:
                return find_county(self.db, key).name
            except UnknownCounty:
                continue
        return None

    def known_names(self) -> str:
        return ", ".join(dict.fromkeys([*self.known, *(county.name for county in counties(self.db))]))


def read_organisation(db: Database, path: str | os.PathLike) -> OrganisationFile:
    """Check an organisation workbook against the register and SSB's lists and return what it sets.

    Raises NoOrganisationSheet for a workbook without any of the five sheets, OrganisationRejected
    listing every error of one with errors, and the workbook's own errors for a file that cannot be
    read safely.
    """
    sheets = run_isolated(read_sheets, path)
    if not any(sheets.values()):
        raise NoOrganisationSheet(
            "loaders.organisation.no_sheet",
            sheets=Deferred(quoted_list, [t(f"outputs.organisation.sheet.{kind}") for kind in SHEETS]),
        )
    errors: list[CellError] = []
    plan = OrganisationFile()
    readers: dict[str, _Reader] = {}
    for kind, sheet in sheets.items():
        if sheet is not None:
            header = find_header(sheet.rows, *FIELDS[kind], sheet=sheet.name)
            assert header is not None  # read_sheets keeps a sheet only with its header
            readers[kind] = _Reader(sheet, header, errors, plan.warnings)
            if header.ignored:
                # A heading the loader does not know is a column left out: say so, or its values are lost unseen.
                plan.warnings.append(
                    CellError(
                        sheet.name,
                        header.row + 1,
                        None,
                        None,
                        None,
                        "loaders.organisation.unread_columns",
                        {
                            "columns": Deferred(quoted_list, header.ignored),
                            "known": Deferred(quoted_list, [names[0] for names in FIELDS[kind][0].values()]),
                        },
                    )
                )
    if "counties" in readers:
        plan.counties = _read_counties(readers["counties"])
    known = _Counties(db, plan.counties or [])
    if "counties" in readers:
        _check_predecessors(readers["counties"], known)
    if "units" in readers:
        plan.units = _read_units(db, readers["units"], known)
    if "regions" in readers:
        plan.regions = _read_regions(db, readers["regions"], known)
    if "members" in readers:
        plan.members = _read_members(db, readers["members"], plan.regions or [])
    if "status_words" in readers:
        plan.status_words = _read_status_words(readers["status_words"], known)
    if errors:
        raise OrganisationRejected(errors)
    return plan


def _read_counties(reader: _Reader) -> list[CountyRow]:
    rows: list[CountyRow] = []
    seen: set[str] = set()
    for index in reader.lines():
        name, number = reader.required(index, "name"), reader.required(index, "number")
        if number and not re.fullmatch(r"\d{2}", number):
            reader.error(index, "number", "loaders.organisation.bad_county_number")
        if fold(name) in seen:
            reader.error(index, "name", "loaders.organisation.county_twice")
        seen.add(fold(name))
        valid_from, valid_to = reader.day(index, "valid_from"), reader.day(index, "valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            reader.error(index, "valid_to", "loaders.organisation.ends_before_start")
        rows.append(CountyRow(name, number, valid_from, valid_to, tuple(_names(reader.text(index, "predecessors")))))
    return rows


def _check_predecessors(reader: _Reader, counties: _Counties) -> None:
    for index in reader.lines():
        for name in _names(reader.text(index, "predecessors")):
            found = counties.find(name)
            if found is None:
                reader.error(index, "predecessors", "loaders.organisation.unknown_county", known=counties.known_names())
            elif fold(found) == fold(reader.text(index, "name")):
                reader.error(index, "predecessors", "loaders.organisation.own_predecessor")


def _county(reader: _Reader, index: int, counties: _Counties) -> str | None:
    name = reader.required(index, "county")
    if not name:
        return None
    found = counties.find(name)
    if found is None:
        reader.error(index, "county", "loaders.organisation.unknown_county", known=counties.known_names())
    return found


def _read_units(db: Database, reader: _Reader, counties: _Counties) -> dict[str, list[str]]:
    units: dict[str, list[str]] = {}
    first_rows: dict[tuple[str, str], int] = {}
    for index in reader.lines():
        county, unit = _county(reader, index, counties), reader.required(index, "unit")
        if county is None or not unit:
            continue
        listed = units.setdefault(county, [])
        if fold(unit) in {fold(name) for name in listed}:
            reader.error(index, "unit", "loaders.organisation.unit_twice", county=county)
        else:
            listed.append(unit)
            first_rows[(county, fold(unit))] = index
    for county, listed in units.items():
        _warn_units_replaced(db, reader, county, listed, first_rows)
    return units


def _warn_units_replaced(
    db: Database, reader: _Reader, county: str, listed: list[str], rows: dict[tuple[str, str], int]
) -> None:
    """A workbook has no ids, so a unit renamed in it is a unit taken away and one added, and the
    commitments stay with the one taken away: say so at the first new unit, and how to rename instead."""
    try:
        stored = find_county(db, county)
    except UnknownCounty:
        return
    before = council_areas(db, stored, include_inactive=True)
    active = council_areas(db, stored)
    named = {fold(unit) for unit in listed}
    following = unit_commitments(db, stored)
    dropped = [unit for unit in active if fold(unit) not in named and following.get(fold(unit))]
    new = [unit for unit in listed if fold(unit) not in {fold(name) for name in before}]
    if not dropped or not new:
        return
    reader.warn(
        rows[(county, fold(new[0]))],
        "unit",
        "loaders.organisation.units_replaced",
        dropped=Deferred(quoted_list, dropped),
        page=Text("page.organisation"),
        editor=Text("organisation.edit_units"),
    )


def _read_regions(db: Database, reader: _Reader, counties: _Counties) -> list[RegionPlan]:
    lookup = region_lookup(db)
    plans: dict[str, RegionPlan] = {}
    short_names: dict[str, str] = {}
    for index in reader.lines():
        name = reader.required(index, "region")
        if name and not reader.text(index, "county"):
            reader.error(index, "county", "loaders.organisation.region_without_county", region=name)
            county = None
        else:
            county = _county(reader, index, counties)
        valid_from = reader.day(index, "valid_from")
        former = _former_names(reader, index, valid_from)
        if not name:
            continue
        plan = plans.get(fold(name))
        if plan is None:
            stored = lookup.get(fold(name)) or next((lookup[fold(old)] for old in former if fold(old) in lookup), None)
            plan = plans[fold(name)] = RegionPlan(name, None, [], {}, stored)
        short_name = reader.text(index, "short_name")
        if short_name:
            owner = short_names.setdefault(fold(short_name), fold(name))
            other = lookup.get(fold(short_name))
            if owner != fold(name):
                reader.error(index, "short_name", "loaders.organisation.short_name_twice", other=plans[owner].name)
            elif other is not None and other != plan.stored and fold(other.name) not in plans:
                reader.error(index, "short_name", "loaders.organisation.short_name_taken", other=other.name)
            plan.short_name = short_name
        plan.former.update(former)
        _read_contact(reader, index, plan)
        if any(start == valid_from for _, start in plan.spans):
            reader.error(index, "valid_from", "loaders.organisation.region_span_twice", region=name)
        if county is not None:
            plan.spans.append((county, valid_from))
    for plan in plans.values():
        if plan.stored is not None and plan.short_name is None:
            plan.short_name = plan.stored.short_name
        if plan.stored is not None and fold(plan.stored.name) != fold(plan.name):
            # Renamed by this file: the name it had is a former name up to the newest county's start.
            starts = [start for _, start in plan.spans if start is not None]
            plan.former.setdefault(plan.stored.name, max(starts) - dt.timedelta(days=1) if starts else None)
    return list(plans.values())


def _read_contact(reader: _Reader, index: int, plan: RegionPlan) -> None:
    """The row's contact into the region's plan. It is written on one of the region's rows (the
    workbook writes it on the first); the same value again is fine, another is an error."""
    found: dict[str, str | None] = {}
    for name in CONTACT:
        if name in reader.header.columns:
            found[name] = reader.text(index, name) or None
    email = found.get("contact_email")
    if email:
        try:
            address = parse_address(email)
        except InvalidEmail as error:
            if error.key == "core.email.several":
                reader.error(index, "contact_email", "loaders.organisation.several_emails")
            else:
                reader.error(index, "contact_email", "loaders.organisation.bad_email", problem=error.values["problem"])
            return
        found["contact_email"] = address.email
        # «Ole Strand <ole@follo.no>» pasted from Outlook names the contact when the file does not.
        if address.name and not found.get("contact_name"):
            found["contact_name"] = address.name
    for name, value in found.items():
        standing = plan.contact.get(name)
        if value is None:
            plan.contact.setdefault(name, None)
        elif standing is None:
            plan.contact[name] = value
        elif standing != value:
            reader.error(index, name, "loaders.organisation.contact_twice", region=plan.name, other=standing)


def _former_names(reader: _Reader, index: int, valid_from: dt.date | None) -> dict[str, dt.date | None]:
    former: dict[str, dt.date | None] = {}
    for part in _names(reader.text(index, "former_names")):
        match = _FORMER.match(part)
        if match:
            day = _day(clean_text(match["day"]))
            if day is None:
                reader.error(index, "former_names", "loaders.organisation.bad_former_name", part=part)
                continue
            former[clean_text(match["name"])] = day
        elif _DATED.search(part):
            reader.error(index, "former_names", "loaders.organisation.former_name_words")
        else:
            former[part] = valid_from - dt.timedelta(days=1) if valid_from else None
    return former


def _read_members(db: Database, reader: _Reader, regions: list[RegionPlan]) -> dict[str, list[Member]]:
    lookup = {fold(plan.name): plan.name for plan in regions}
    for plan in regions:
        lookup.update({fold(old): plan.name for old in [*plan.former, plan.short_name or ""] if old})
    for key, stored in region_lookup(db).items():
        lookup.setdefault(key, stored.name)
    members: dict[str, list[Member]] = {}
    for index in reader.lines():
        region_name, number = reader.required(index, "region"), reader.required(index, "number")
        valid_from, valid_to = reader.day(index, "valid_from"), reader.day(index, "valid_to")
        region = lookup.get(fold(region_name)) if region_name else None
        if region_name and region is None:
            reader.error(index, "region", "loaders.organisation.unknown_region")
        inverted = bool(valid_from and valid_to and valid_to < valid_from)
        if inverted:
            reader.error(index, "valid_to", "loaders.organisation.ends_before_start")
        if not number:
            continue
        number, name, name_column = _number_and_name(reader, index, number)
        if not re.fullmatch(r"\d{4}", number):
            reader.error(index, "number", "loaders.organisation.bad_municipality_number")
            continue
        version = _version(number, valid_from, valid_to)
        if version is None:
            reader.error(index, "number", "loaders.organisation.unknown_municipality")
            continue
        if name and not _is_named(number, name):
            reader.error(index, name_column, "loaders.organisation.other_name", number=number, ssb=version.name)
            continue
        if not inverted and not _overlaps(number, valid_from, valid_to):
            _refuse_out_of_force(reader, index, number, valid_from, valid_to)
            continue
        _check_in_force(reader, index, number, valid_from, valid_to)
        if region is None:
            continue
        listed = members.setdefault(region, [])
        if any(member.number == number for member in listed):
            reader.error(index, "number", "loaders.organisation.member_twice", region=region)
            continue
        listed.append(Member(number, name or version.name, version.county_number, valid_from, valid_to))
    return members


def _number_and_name(reader: _Reader, index: int, number: str) -> tuple[str, str, str]:
    """The number as written, with the zero Excel drops from a number cell (301 for 0301 Oslo) put
    back, and the municipality's name: the Kommune column's, else one written after the number
    («3101 Halden»); with the column the name was read from."""
    cell = reader.cell(index, "number")
    if isinstance(cell, int | float) and not isinstance(cell, bool) and number.isdigit() and len(number) < 4:
        number = number.zfill(4)
    name = reader.text(index, "municipality")
    match = _NUMBER_AND_NAME.match(number)
    if match:
        return match["number"], name or clean_text(match["name"]), "municipality" if name else "number"
    return number, name, "municipality"


def _is_named(number: str, name: str) -> bool:
    """Whether ``name`` is a name SSB has given ``number``: in full, without the county SSB adds in
    brackets («Våler (Østfold)»), or one of its names in several languages («Porsanger - Porsángu - Porsanki»)."""
    names: set[str] = set()
    for version in reference.municipalities():
        if version.number == number:
            full = re.sub(r"\s*\([^)]*\)$", "", version.name)
            names.update(fold(part) for part in (version.name, full, *full.split(" - ")))
    return fold(name) in names


def _version(number: str, valid_from: dt.date | None, valid_to: dt.date | None) -> reference.Municipality | None:
    """The number's SSB version in force on the first of the dates given, else its latest; None if SSB has none."""
    for day in (valid_from, valid_to):
        if day is not None:
            version = reference.municipality_on(number, day)
            if version is not None:
                return version
    versions = [version for version in reference.municipalities() if version.number == number]
    return versions[-1] if versions else None


def _overlaps(number: str, valid_from: dt.date | None, valid_to: dt.date | None) -> bool:
    """Whether the number was in force on some day from ``valid_from`` to ``valid_to`` (None: open)."""
    return any(
        (version.valid_from is None or valid_to is None or version.valid_from <= valid_to)
        and (version.valid_to is None or valid_from is None or valid_from <= version.valid_to)
        for version in reference.municipalities()
        if version.number == number
    )


def _refuse_out_of_force(
    reader: _Reader, index: int, number: str, valid_from: dt.date | None, valid_to: dt.date | None
) -> None:
    """Refuse a membership on no day of which its number was in force, naming the number of its time:
    saved, it would list an old number among the current members (3014 from 2024, when it was 3118)."""
    versions = [version for version in reference.municipalities() if version.number == number]
    first, last = versions[0].valid_from, versions[-1].valid_to
    became = reference.current_numbers(number, valid_from) if valid_from else ()
    before = reference.municipality_predecessors(number)
    if last is not None and valid_from is not None and valid_from > last and became:
        reader.error(
            index,
            "number",
            "loaders.organisation.number_ended",
            last=f"{last:%d.%m.%Y}",
            day=f"{valid_from:%d.%m.%Y}",
            numbers=", ".join(became),
        )
    elif first is not None and valid_to is not None and valid_to < first and before:
        reader.error(
            index, "number", "loaders.organisation.number_not_yet", first=f"{first:%d.%m.%Y}", numbers=", ".join(before)
        )
    else:
        # A number SSB ended without a successor, or one with a gap between its versions.
        reader.error(index, "number", "loaders.organisation.number_never_in_force")


def _check_in_force(
    reader: _Reader, index: int, number: str, valid_from: dt.date | None, valid_to: dt.date | None
) -> None:
    """Warn about a number that was not in force on a date given, naming what it became then, and
    about one that has ended in a membership without an end (it would be listed as a current member)."""
    last = max(
        (version.valid_to or dt.date.max for version in reference.municipalities() if version.number == number),
        default=dt.date.max,
    )
    if valid_to is None and last != dt.date.max:
        next_day = last + dt.timedelta(days=1)
        reader.warn(
            index,
            "number",
            "loaders.organisation.number_ended_open",
            last=f"{last:%d.%m.%Y}",
            day=f"{next_day:%d.%m.%Y}",
            numbers=", ".join(reference.current_numbers(number, next_day)) or "–",
        )
        return
    for day in (valid_from, valid_to):
        if day is None or reference.municipality_on(number, day) is not None:
            continue
        became = reference.current_numbers(number, day)
        if became:
            reader.warn(
                index,
                "number",
                "loaders.organisation.renumbered",
                day=f"{day:%d.%m.%Y}",
                numbers=", ".join(became),
            )
        else:
            reader.warn(index, "number", "loaders.organisation.not_in_force", day=f"{day:%d.%m.%Y}")
        return


def _read_status_words(reader: _Reader, counties: _Counties) -> dict[str, dict[str, str]]:
    words: dict[str, dict[str, str]] = {}
    allowed = Deferred(quoted_list, [status_label(key) for key in STATUS_KEYS])
    for index in reader.lines():
        county, word, status = (
            _county(reader, index, counties),
            reader.required(index, "word"),
            reader.required(index, "status"),
        )
        key = parse_status(status) if status else None
        if status and key is None:
            reader.error(index, "status", "loaders.organisation.unknown_status", allowed=allowed)
        if county is None or not word or key is None:
            continue
        # The product's own words are read before any county's: one meaning something else would never be used.
        meant = parse_status(word)
        if meant is not None and meant != key:
            reader.error(index, "word", "loaders.organisation.status_word_taken", status=Deferred(status_label, meant))
            continue
        listed = words.setdefault(county, {})
        if fold(word) in {fold(existing) for existing in listed}:
            reader.error(index, "word", "loaders.organisation.word_twice", county=county)
        else:
            listed[word] = key
    return words


# --- edited on the page ----------------------------------------------------------------------


def edited_units(county: str, rows: Sequence[tuple[object, object]]) -> OrganisationFile | DuplicateNames:
    """What saving a county's units as edited on the page sets, from its rows as (the unit's name when
    the page was drawn, blank for a row added; its name now): a cell retyped with a new name renames
    that unit, which keeps its commitments. Blank rows dropped; a name twice is refused."""
    # An editor's empty cell may come back as NaN rather than None: only text is a name.
    edited = [(_typed(before), _typed(now)) for before, now in rows if _typed(now)]
    units = [now for _, now in edited]
    twice = _twice(units)
    if twice:
        return DuplicateNames("loaders.organisation.names_twice", names=", ".join(twice))
    renamed = {now: before for before, now in edited if before and fold(before) != fold(now)}
    return OrganisationFile(units={county: units}, renamed_units={county: renamed} if renamed else {})


def edited_status_words(county: str, rows: Sequence[tuple[object, object]]) -> OrganisationFile | MonitorError:
    """What saving a county's status words as edited on the page sets (status in words, either language);
    a word twice, or one of the product's own words meaning something else, is refused."""
    words = [(clean_text(word), parse_status(status)) for word, status in rows if clean_text(word)]
    twice = _twice([word for word, _ in words])
    if twice:
        return DuplicateNames("loaders.organisation.names_twice", names=", ".join(twice))
    taken = [word for word, status in words if parse_status(word) not in (None, status)]
    if taken:
        return MonitorError("loaders.organisation.words_taken", words=Deferred(quoted_list, taken))
    return OrganisationFile(status_words={county: {word: status for word, status in words if status is not None}})


def _typed(value: object) -> str:
    return clean_text(value) if isinstance(value, str) else ""


def _twice(names: list[str]) -> list[str]:
    seen: set[str] = set()
    twice: list[str] = []
    for name in names:
        if fold(name) in seen and name not in twice:
            twice.append(name)
        seen.add(fold(name))
    return twice


# --- saving ----------------------------------------------------------------------------------


def load_organisation(
    db: Database, path: str | os.PathLike, *, user: User | None, dry_run: bool = False
) -> OrganisationSummary:
    """Check the organisation workbook and save what it sets, in one transaction; with ``dry_run``
    (the page's preview, the command line's --dry-run) say what would change and save nothing.
    A dry run changes nothing, so it needs no account (``user`` None); saving needs an administrator."""
    _check_user(user, dry_run)
    plan = read_organisation(db, path)
    return save_organisation(db, plan, dry_run=dry_run, user=user)


def _check_user(user: User | None, dry_run: bool) -> None:
    if user is not None:
        require_admin(user, "core.action.organisation")
    elif not dry_run:
        raise TypeError("saving the organisation needs the administrator who saves it")


def save_organisation(
    db: Database, plan: OrganisationFile, *, user: User | None, dry_run: bool = False
) -> OrganisationSummary:
    """Save a checked file (see :func:`load_organisation`); the changes are worked out by applying it
    inside the transaction, so the preview says exactly what saving does."""
    _check_user(user, dry_run)
    changes: list[OrganisationChange] = []
    try:
        with write_transaction(db):
            before = organisation_rows(db)
            _apply(db, plan)
            changes = _changes(before, organisation_rows(db))
            if dry_run or not changes:
                raise RolledBack
    except RolledBack:
        return OrganisationSummary(changes, plan.warnings, saved=False)
    return OrganisationSummary(changes, plan.warnings, saved=True)


def _apply(db: Database, plan: OrganisationFile) -> None:
    for row in plan.counties or []:
        ensure_county(db, row.name, row.number, row.valid_from, row.valid_to)
    for row in plan.counties or []:
        set_predecessors(db, find_county(db, row.name), [find_county(db, name) for name in row.predecessors])
    for county, units in (plan.units or {}).items():
        set_council_areas(db, find_county(db, county), units, plan.renamed_units.get(county))
    for region in plan.regions or []:
        spans = [(find_county(db, county), start) for county, start in region.spans]
        stored = region.stored or ensure_region(db, region.name, county_id=spans[0][0].id if spans else None)
        set_region_names(db, stored.id, region.name, region.short_name, region.former)
        set_region_counties(db, stored.id, spans)
        if region.contact:
            standing = region_contact(db, stored.id)
            values = (standing.name, standing.email, standing.phone) if standing else (None, None, None)
            kept = dict(zip(CONTACT, values, strict=True))
            contact = {**kept, **region.contact}
            set_region_contact(db, stored.id, *(contact[name] for name in CONTACT))
    lookup = region_lookup(db)
    for name, members in (plan.members or {}).items():
        set_region_membership(db, lookup[fold(name)].id, members)
    for county, words in (plan.status_words or {}).items():
        set_status_aliases(db, find_county(db, county), words)


def _changes(before: OrganisationRows, after: OrganisationRows) -> list[OrganisationChange]:
    changes: list[OrganisationChange] = []
    for kind in SHEETS:
        old, new = _placed(kind, getattr(before, kind)), _placed(kind, getattr(after, kind))
        changes.extend(OrganisationChange(kind, False, row) for place, row in old if (place, row) not in new)
        changes.extend(OrganisationChange(kind, True, row) for place, row in new if (place, row) not in old)
    return changes


def _placed(kind: str, rows: list[tuple]) -> list[tuple[int, tuple]]:
    """Each row with its place among its county's units, where the order is part of what a sheet sets."""
    if kind != "units":
        return [(0, row) for row in rows]
    counted: dict[str, int] = {}
    placed = []
    for row in rows:
        counted[row[0]] = counted.get(row[0], -1) + 1
        placed.append((counted[row[0]], row))
    return placed


def _cell_text(value: object) -> str:
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    return "" if value is None else str(value)
