"""The organisation as data: counties over time, their own units, regions and their members.

A county (fylkeskommune) has a number and a period of validity, and predecessors and
successors: Viken (30, 2020–2023) was split on 1 January 2024 into Østfold (31), Akershus
(32) and Buskerud (33), which carried its agreements on. Each county has its own units that
follow commitments up (Viken's seven rådsområder are one such list; the table keeps the
name ``council_areas``). A region belongs to a county over time, may have had other names,
and has member municipalities over time, by the municipality's number in force then.

Functions that write expect the caller to hold :func:`core.db.write_transaction`.
Dates are ``datetime.date``; the database keeps them as ISO text, NULL for "open".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from core.addresses import normalise_email
from core.db import inserted_id
from core.errors import UnknownCounty
from core.i18n import Text, t
from core.vocabulary import STATUS_KEYS, clean_text, fold, status_label

COUNTY_SUFFIX = " fylkeskommune"


@dataclass(frozen=True)
class County:
    """A county authority: "Østfold fylkeskommune", number "31", valid from 2024-01-01, open-ended."""

    id: int
    name: str
    number: str | None  # two digits, SSB's county number
    valid_from: dt.date | None
    valid_to: dt.date | None  # None while it exists

    @property
    def short_name(self) -> str:
        """The name without " fylkeskommune": "Østfold"."""
        return self.name.removesuffix(COUNTY_SUFFIX)

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _county(row: tuple) -> County:
    return County(row[0], row[1], row[2], _date(row[3]), _date(row[4]))


_COUNTY_COLUMNS = "id, name, number, valid_from, valid_to"


def counties(db: Database) -> list[County]:
    """Every county, those still in existence first, by name; then former ones, the latest ended first."""
    rows = [_county(row) for row in db.execute(f"SELECT {_COUNTY_COLUMNS} FROM counties")]
    current = sorted((c for c in rows if c.valid_to is None), key=lambda c: fold(c.name))
    former = sorted((c for c in rows if c.valid_to is not None), key=lambda c: (c.valid_to, fold(c.name)), reverse=True)
    return [*current, *former]


def get_county(db: Database, county_id: int) -> County:
    row = db.execute(f"SELECT {_COUNTY_COLUMNS} FROM counties WHERE id = ?", (county_id,)).fetchone()
    if row is None:
        raise UnknownCounty("core.unknown_county", name=str(county_id), known=_known(db))
    return _county(row)


def find_county(db: Database, name: str) -> County:
    """The county named ``name``: its full name, its name without " fylkeskommune", or its number.

    Raises UnknownCounty naming the counties there are.
    """
    wanted = fold(name)
    for county in counties(db):
        if wanted in (fold(county.name), fold(county.short_name)) or (
            county.number and clean_text(name) == county.number
        ):
            return county
    raise UnknownCounty("core.unknown_county", name=clean_text(name), known=_known(db))


def _known(db: Database) -> str:
    return ", ".join(county.name for county in counties(db)) or Text("core.none")


def ensure_county(
    db: Database,
    name: str,
    number: str | None = None,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> County:
    """The county with this name, created if missing; number and validity are set when given."""
    name = clean_text(name)
    try:
        county = find_county(db, name)
    except UnknownCounty:
        county_id = inserted_id(
            db.conn.execute(
                "INSERT INTO counties (name, number, valid_from, valid_to) VALUES (?, ?, ?, ?)",
                (name, number, _iso(valid_from), _iso(valid_to)),
            )
        )
        return get_county(db, county_id)
    db.conn.execute(
        "UPDATE counties SET number = coalesce(?, number), valid_from = coalesce(?, valid_from), "
        "valid_to = coalesce(?, valid_to) WHERE id = ?",
        (number, _iso(valid_from), _iso(valid_to), county.id),
    )
    return get_county(db, county.id)


def set_successors(db: Database, predecessor: County, successors: Sequence[County]) -> None:
    """Record that ``successors`` took over from ``predecessor`` (Viken → Østfold, Akershus, Buskerud)."""
    db.conn.execute("DELETE FROM county_successions WHERE predecessor_id = ?", (predecessor.id,))
    db.conn.executemany(
        "INSERT INTO county_successions (predecessor_id, successor_id) VALUES (?, ?)",
        [(predecessor.id, successor.id) for successor in successors],
    )


def set_predecessors(db: Database, county: County, predecessors: Sequence[County]) -> None:
    """Record that ``county`` took over from exactly ``predecessors`` (Østfold from Viken)."""
    stored = db.execute(
        "SELECT predecessor_id FROM county_successions WHERE successor_id = ? ORDER BY predecessor_id", (county.id,)
    ).fetchall()
    if stored == sorted((p.id,) for p in predecessors):
        return
    db.conn.execute("DELETE FROM county_successions WHERE successor_id = ?", (county.id,))
    db.conn.executemany(
        "INSERT INTO county_successions (predecessor_id, successor_id) VALUES (?, ?)",
        [(predecessor.id, county.id) for predecessor in predecessors],
    )


def successors(db: Database, county: County) -> list[County]:
    return [
        get_county(db, row[0])
        for row in db.execute("SELECT successor_id FROM county_successions WHERE predecessor_id = ?", (county.id,))
    ]


def predecessors(db: Database, county: County) -> list[County]:
    return [
        get_county(db, row[0])
        for row in db.execute("SELECT predecessor_id FROM county_successions WHERE successor_id = ?", (county.id,))
    ]


def counties_on(db: Database, day: dt.date) -> list[County]:
    """The counties that exist on ``day``."""
    return [county for county in counties(db) if county.valid_on(day)]


# Units: each county's own list of who follows commitments up.


def council_areas(db: Database, county: County, *, include_inactive: bool = False) -> list[str]:
    """The county's units, in the order the county lists them; inactive ones, when asked for, after them."""
    condition = "" if include_inactive else "AND active = 1"
    return [
        name
        for (name,) in db.execute(
            f"SELECT name FROM council_areas WHERE county_id = ? {condition} ORDER BY active DESC, position, id",
            (county.id,),
        )
    ]


def council_area_ids(db: Database, county: County) -> dict[str, int]:
    """Folded unit names of the county, inactive ones too, to ids (the first made, for names that
    differ only in case)."""
    ids: dict[str, int] = {}
    for id_, name in db.execute("SELECT id, name FROM council_areas WHERE county_id = ? ORDER BY id", (county.id,)):
        ids.setdefault(fold(name), id_)
    return ids


def unit_commitments(db: Database, county: County) -> dict[str, int]:
    """How many commitments each of the county's units follows up, by folded unit name (units with none left out)."""
    return {
        fold(name): count
        for name, count in db.execute(
            "SELECT a.name, count(*) FROM council_areas a JOIN commitments c ON c.council_area_id = a.id "
            "WHERE a.county_id = ? GROUP BY a.id",
            (county.id,),
        )
    }


def set_council_areas(
    db: Database, county: County, names: Sequence[str], renamed: Mapping[str, str] | None = None
) -> None:
    """Make ``names`` the county's units, in this order. A unit left out is kept inactive,
    with the commitments it followed up; one named again is active again.

    ``renamed`` (a new name → the unit's name before, as the page's editor knows it) makes a new
    name the same unit under that name, keeping its commitments. A new name that is already one of
    the county's units means that unit (a reordering), and a unit still named elsewhere in ``names``
    is not renamed away."""
    ids = council_area_ids(db, county)
    names = [clean_text(name) for name in names]
    named = {fold(name) for name in names}
    was = {fold(new): fold(old) for new, old in (renamed or {}).items()}
    db.conn.execute("UPDATE council_areas SET active = 0 WHERE county_id = ?", (county.id,))
    for position, name in enumerate(names):
        existing = ids.get(fold(name))
        old = was.get(fold(name))
        if existing is None and old is not None and old in ids and old not in named:
            existing = ids.pop(old)
        if existing is None:
            db.conn.execute(
                "INSERT INTO council_areas (county_id, name, position) VALUES (?, ?, ?)", (county.id, name, position)
            )
        else:
            db.conn.execute(
                "UPDATE council_areas SET name = ?, position = ?, active = 1 WHERE id = ?", (name, position, existing)
            )


# Regions over time.


def region_county(db: Database, region_id: int, day: dt.date | None = None) -> County | None:
    """The region's county on ``day``; with no day, its latest."""
    rows = db.execute(
        "SELECT county_id, valid_from, valid_to FROM region_counties WHERE region_id = ? "
        "ORDER BY coalesce(valid_from, '') DESC",
        (region_id,),
    ).fetchall()
    for county_id, valid_from, valid_to in rows:
        if day is None or (
            (valid_from is None or valid_from <= day.isoformat()) and (valid_to is None or day.isoformat() <= valid_to)
        ):
            return get_county(db, county_id)
    return None


def set_region_county(db: Database, region_id: int, county: County, valid_from: dt.date | None = None) -> None:
    """The region belongs to ``county`` from ``valid_from`` (always, with None); its membership
    until then ends the day before. Setting the county it already has changes nothing."""
    rows = db.execute(
        "SELECT county_id, valid_from FROM region_counties WHERE region_id = ? AND valid_to IS NULL", (region_id,)
    ).fetchall()
    if any(county_id == county.id for county_id, _ in rows):
        return
    if valid_from is None:
        db.conn.execute("DELETE FROM region_counties WHERE region_id = ?", (region_id,))
    else:
        db.conn.execute(
            "UPDATE region_counties SET valid_to = ? WHERE region_id = ? AND valid_to IS NULL",
            ((valid_from - dt.timedelta(days=1)).isoformat(), region_id),
        )
    db.conn.execute(
        "INSERT INTO region_counties (region_id, county_id, valid_from) VALUES (?, ?, ?)",
        (region_id, county.id, _iso(valid_from)),
    )


def county_region_ids(db: Database, county: County) -> list[int]:
    """The regions that belong, or belonged, to the county at some time."""
    return [
        row[0] for row in db.execute("SELECT DISTINCT region_id FROM region_counties WHERE county_id = ?", (county.id,))
    ]


def rename_region(db: Database, region_id: int, name: str, on: dt.date) -> None:
    """Give the region a new name from ``on``; the old one is kept, so files from before still match."""
    name = clean_text(name)
    (old,) = db.execute("SELECT name FROM regions WHERE id = ?", (region_id,)).fetchone()
    if old == name:
        return
    db.conn.execute(
        "INSERT INTO region_names (region_id, name, valid_to) VALUES (?, ?, ?) "
        "ON CONFLICT (region_id, name) DO UPDATE SET valid_to = excluded.valid_to",
        (region_id, old, (on - dt.timedelta(days=1)).isoformat()),
    )
    db.conn.execute("DELETE FROM region_names WHERE region_id = ? AND name = ?", (region_id, name))
    db.conn.execute("UPDATE regions SET name = ? WHERE id = ?", (name, region_id))


def former_names(db: Database, region_id: int) -> list[tuple[str, dt.date | None]]:
    """The region's earlier names with the last day each was used, latest first."""
    return [
        (name, _date(valid_to))
        for name, valid_to in db.execute(
            "SELECT name, valid_to FROM region_names WHERE region_id = ? ORDER BY valid_to DESC", (region_id,)
        )
    ]


def region_name_on(db: Database, region_id: int, day: dt.date) -> str:
    """What the region was called on ``day``: an earlier name if it was renamed since."""
    row = db.execute(
        "SELECT name FROM region_names WHERE region_id = ? AND valid_to >= ? ORDER BY valid_to LIMIT 1",
        (region_id, day.isoformat()),
    ).fetchone()
    if row:
        return row[0]
    return db.execute("SELECT name FROM regions WHERE id = ?", (region_id,)).fetchone()[0]


@dataclass(frozen=True)
class Member:
    """A region's member municipality: its number and name as they were then, and its county number."""

    number: str
    name: str
    county_number: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None


def set_region_members(
    db: Database,
    region_id: int,
    members: Mapping[str, str],
    valid_from: dt.date | None = None,
    county_numbers: Mapping[str, str] | None = None,
) -> None:
    """Make ``members`` (municipality number → name) the region's members from ``valid_from``.

    With ``valid_from`` the members until then are kept, ending the day before (the 2024
    renumbering gives every Viken municipality a new number); without it they are replaced.
    ``county_numbers`` gives a municipality's county where it is not the one its number begins
    with, as SSB numbers them ("3014" lies in 30).
    """
    county_numbers = county_numbers or {}
    db.conn.executemany(
        "INSERT INTO municipalities (number, name, county_number) VALUES (?, ?, ?) "
        "ON CONFLICT (number) DO UPDATE SET name = excluded.name, "
        "county_number = coalesce(excluded.county_number, county_number)",
        [(number, clean_text(name), county_numbers.get(number, number[:2])) for number, name in members.items()],
    )
    if valid_from is None:
        db.conn.execute("DELETE FROM region_municipalities WHERE region_id = ?", (region_id,))
    else:
        day_before = (valid_from - dt.timedelta(days=1)).isoformat()
        db.conn.execute(
            "DELETE FROM region_municipalities WHERE region_id = ? AND valid_from >= ?",
            (region_id, valid_from.isoformat()),
        )
        db.conn.execute(
            "UPDATE region_municipalities SET valid_to = ? WHERE region_id = ? AND valid_to IS NULL",
            (day_before, region_id),
        )
    db.conn.executemany(
        "INSERT INTO region_municipalities (region_id, municipality_number, valid_from) VALUES (?, ?, ?) "
        "ON CONFLICT (region_id, municipality_number) DO UPDATE SET valid_from = excluded.valid_from, valid_to = NULL",
        [(region_id, number, _iso(valid_from)) for number in members],
    )


def region_members(db: Database, region_id: int, day: dt.date | None = None) -> list[Member]:
    """The region's members on ``day`` (its current ones with None), by municipality number."""
    rows = db.execute(
        "SELECT m.number, m.name, m.county_number, rm.valid_from, rm.valid_to FROM region_municipalities rm "
        "JOIN municipalities m ON m.number = rm.municipality_number WHERE rm.region_id = ? ORDER BY m.number",
        (region_id,),
    ).fetchall()
    members = [Member(number, name, county, _date(start), _date(end)) for number, name, county, start, end in rows]
    if day is None:
        return [member for member in members if member.valid_to is None]
    return [
        member
        for member in members
        if (member.valid_from is None or member.valid_from <= day)
        and (member.valid_to is None or day <= member.valid_to)
    ]


# Status words of a county's own.


def status_words(db: Database, county: County) -> list[tuple[str, str]]:
    """The county's own status words as the county writes them («I arbeid»), with their status keys,
    by the folded word. A database from before words were kept as written has them folded."""
    rows = db.execute("SELECT alias, status FROM status_aliases WHERE county_id = ?", (county.id,)).fetchall()
    return sorted(((word, status) for word, status in rows), key=lambda row: (fold(row[0]), row[0]))


def status_aliases(db: Database, county: County) -> dict[str, str]:
    """The county's own status words, folded (core.vocabulary.fold), to status keys: what readers match."""
    return {fold(word): status for word, status in status_words(db, county)}


def set_status_aliases(db: Database, county: County, aliases: Mapping[str, str]) -> None:
    """Make ``aliases`` (word → status key from STATUS_KEYS) the county's own status words, each kept
    as written; one word in two spellings («I arbeid», «i arbeid») is a caller's mistake."""
    unknown = sorted(status for status in aliases.values() if status not in STATUS_KEYS)
    if unknown:
        raise ValueError(f"not status keys: {unknown}")
    words = [clean_text(alias) for alias in aliases]
    if len({fold(word) for word in words}) != len(words):
        raise ValueError(f"a word twice: {words}")
    db.conn.execute("DELETE FROM status_aliases WHERE county_id = ?", (county.id,))
    db.conn.executemany(
        "INSERT INTO status_aliases (county_id, alias, status) VALUES (?, ?, ?)",
        [(county.id, word, status) for word, status in zip(words, aliases.values(), strict=True)],
    )


# The whole organisation at once: what the organisation workbook holds (loaders/organisation.py reads
# it, outputs/organisation.py writes it) and what the Organisasjon page shows.


def region_counties(db: Database, region_id: int) -> list[tuple[County, dt.date | None, dt.date | None]]:
    """The region's counties over time, (county, first day, last day), earliest first."""
    rows = db.execute(
        "SELECT county_id, valid_from, valid_to FROM region_counties WHERE region_id = ? "
        "ORDER BY coalesce(valid_from, '')",
        (region_id,),
    ).fetchall()
    return [(get_county(db, county_id), _date(start), _date(end)) for county_id, start, end in rows]


def set_region_counties(db: Database, region_id: int, spans: Sequence[tuple[County, dt.date | None]]) -> None:
    """Make ``spans`` (county, first day; None for "always") the region's whole history of counties:
    each span ends the day before the next begins. The same history again changes nothing."""
    ordered = sorted(spans, key=lambda span: span[1] or dt.date.min)
    starts = [start for _, start in ordered[1:]]
    wanted = [
        (county.id, _iso(start), _iso(following - dt.timedelta(days=1)) if following else None)
        for (county, start), following in zip(ordered, [*starts, None], strict=True)
    ]
    if [(county.id, _iso(start), _iso(end)) for county, start, end in region_counties(db, region_id)] == wanted:
        return
    db.conn.execute("DELETE FROM region_counties WHERE region_id = ?", (region_id,))
    db.conn.executemany(
        "INSERT INTO region_counties (region_id, county_id, valid_from, valid_to) VALUES (?, ?, ?, ?)",
        [(region_id, *span) for span in wanted],
    )


def set_region_names(
    db: Database, region_id: int, name: str, short_name: str | None, former: Mapping[str, dt.date | None]
) -> None:
    """The region's name and short name now, and exactly ``former`` (name → last day used) before."""
    name, short_name = clean_text(name), clean_text(short_name) or None
    if db.execute("SELECT name, short_name FROM regions WHERE id = ?", (region_id,)).fetchone() != (name, short_name):
        db.conn.execute("UPDATE regions SET name = ?, short_name = ? WHERE id = ?", (name, short_name, region_id))
    wanted = sorted((clean_text(former_name), _iso(day)) for former_name, day in former.items())
    stored = sorted(db.execute("SELECT name, valid_to FROM region_names WHERE region_id = ?", (region_id,)).fetchall())
    if stored != wanted:
        db.conn.execute("DELETE FROM region_names WHERE region_id = ?", (region_id,))
        db.conn.executemany(
            "INSERT INTO region_names (region_id, name, valid_to) VALUES (?, ?, ?)",
            [(region_id, *row) for row in wanted],
        )


@dataclass(frozen=True)
class Contact:
    """Who a region's reminders and the Rapportering board name: its daglig leder or secretariat."""

    name: str | None
    email: str | None  # normalised (core.addresses)
    phone: str | None


def region_contact(db: Database, region_id: int) -> Contact | None:
    """The region's contact; None when nothing of it is stored."""
    row = db.execute(
        "SELECT contact_name, contact_email, contact_phone FROM regions WHERE id = ?", (region_id,)
    ).fetchone()
    return Contact(*row) if row and any(row) else None


def set_region_contact(db: Database, region_id: int, name: str | None, email: str | None, phone: str | None) -> None:
    """Make the region's contact exactly this (blanks clear it). The address is checked and
    normalised as an account's is (InvalidEmail); the same contact again changes nothing."""
    wanted = (
        clean_text(name) or None,
        normalise_email(email) if email and clean_text(email) else None,
        clean_text(phone) or None,
    )
    if (
        db.execute(
            "SELECT contact_name, contact_email, contact_phone FROM regions WHERE id = ?", (region_id,)
        ).fetchone()
        != wanted
    ):
        db.conn.execute(
            "UPDATE regions SET contact_name = ?, contact_email = ?, contact_phone = ? WHERE id = ?",
            (*wanted, region_id),
        )


def all_region_members(db: Database, region_id: int) -> list[Member]:
    """Every membership the region has had, by municipality number."""
    rows = db.execute(
        "SELECT m.number, m.name, m.county_number, rm.valid_from, rm.valid_to FROM region_municipalities rm "
        "JOIN municipalities m ON m.number = rm.municipality_number WHERE rm.region_id = ? "
        "ORDER BY coalesce(rm.valid_from, ''), m.number",
        (region_id,),
    ).fetchall()
    return [Member(number, name, county, _date(start), _date(end)) for number, name, county, start, end in rows]


def set_region_membership(db: Database, region_id: int, members: Sequence[Member]) -> None:
    """Make ``members`` the region's whole history of members (a number once; the same again changes nothing)."""
    for member in members:
        if db.execute(
            "SELECT name, county_number FROM municipalities WHERE number = ?", (member.number,)
        ).fetchone() != (member.name, member.county_number):
            db.conn.execute(
                "INSERT INTO municipalities (number, name, county_number) VALUES (?, ?, ?) "
                "ON CONFLICT (number) DO UPDATE SET name = excluded.name, county_number = excluded.county_number",
                (member.number, member.name, member.county_number),
            )
    if sorted(all_region_members(db, region_id), key=lambda m: m.number) == sorted(members, key=lambda m: m.number):
        return
    db.conn.execute("DELETE FROM region_municipalities WHERE region_id = ?", (region_id,))
    db.conn.executemany(
        "INSERT INTO region_municipalities (region_id, municipality_number, valid_from, valid_to) VALUES (?, ?, ?, ?)",
        [(region_id, member.number, _iso(member.valid_from), _iso(member.valid_to)) for member in members],
    )


# What the organisation workbook's sheets hold, row by row: names as stored, dates as dates.
SHEETS = ("counties", "units", "regions", "members", "status_words")
# Each sheet's columns in order (loaders/organisation.py reads them by these names).
COLUMNS: dict[str, tuple[str, ...]] = {
    "counties": ("name", "number", "valid_from", "valid_to", "predecessors"),
    "units": ("county", "unit"),
    "regions": (
        "region",
        "short_name",
        "county",
        "valid_from",
        "former_names",
        "contact_name",
        "contact_email",
        "contact_phone",
    ),
    "members": ("region", "number", "municipality", "valid_from", "valid_to"),
    "status_words": ("county", "word", "status"),
}


_RegionRow = tuple[
    str, str | None, str, dt.date | None, tuple[tuple[str, dt.date | None], ...], str | None, str | None, str | None
]


@dataclass(frozen=True)
class OrganisationRows:
    """The organisation as the workbook's rows (see loaders/organisation.py for the columns)."""

    # (name, number, valid from, valid to, predecessors' names)
    counties: list[tuple[str, str | None, dt.date | None, dt.date | None, tuple[str, ...]]]
    units: list[tuple[str, str]]  # (county, unit), each county's active units in order
    # (region, short name, county, from, former names with their last day, contact's name, e-mail, phone);
    # a row per county the region had, the short name, former names and contact on the first
    regions: list[_RegionRow]
    members: list[tuple[str, str, str, dt.date | None, dt.date | None]]  # (region, number, name, from, to)
    status_words: list[tuple[str, str, str]]  # (county, word as the county writes it, status key)


def organisation_rows(db: Database) -> OrganisationRows:
    """Everything the organisation workbook holds, in the order it is written."""
    every = counties(db)
    region_rows: list[_RegionRow] = []
    member_rows: list[tuple[str, str, str, dt.date | None, dt.date | None]] = []
    for region_id, name, short_name, *contact in db.execute(
        "SELECT id, name, short_name, contact_name, contact_email, contact_phone FROM regions ORDER BY name"
    ):
        former = tuple(sorted(former_names(db, region_id), key=lambda item: (item[1] or dt.date.min, item[0])))
        for index, (county, start, _) in enumerate(region_counties(db, region_id)):
            first = index == 0
            region_rows.append(
                (
                    name,
                    short_name if first else None,
                    county.name,
                    start,
                    former if first else (),
                    *(contact if first else (None, None, None)),
                )
            )
        member_rows.extend(
            (name, member.number, member.name, member.valid_from, member.valid_to)
            for member in all_region_members(db, region_id)
        )
    return OrganisationRows(
        counties=[
            (
                county.name,
                county.number,
                county.valid_from,
                county.valid_to,
                tuple(p.name for p in predecessors(db, county)),
            )
            for county in every
        ],
        units=[(county.name, unit) for county in every for unit in council_areas(db, county)],
        regions=region_rows,
        members=member_rows,
        status_words=[(county.name, word, status) for county in every for word, status in status_words(db, county)],
    )


def sheet_cells(kind: str, row: tuple, lang: str = "nb") -> list[object]:
    """A row of OrganisationRows as the workbook's cells: a status in words, a county's predecessors
    and a region's former names as one text («Follorådet (til 31.12.2023)»), dates as dates."""
    if kind == "counties":
        return [*row[:4], "; ".join(row[4]) or None]
    if kind == "regions":
        former = [
            t("outputs.organisation.former_name", lang, name=name, date=f"{day:%d.%m.%Y}") if day else name
            for name, day in row[4]
        ]
        return [*row[:4], "; ".join(former) or None, *row[5:]]
    if kind == "status_words":
        return [row[0], row[1], status_label(row[2], lang)]
    return list(row)
