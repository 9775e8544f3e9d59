"""Norway's counties and municipalities over time, read from the reference files shipped in data/reference/.

The files are SSB's classifications 104 «Standard for fylkesinndeling» and 131 «Standard for
kommuneinndeling» with their change tables, cut to what was in force from 2018 (counties) and 2019
(municipalities) on; data/reference/SOURCES.md says where each came from and how to update them.
Nothing is fetched at run time. Numbers are text with their leading zero ("03", "0301"). A version's
``valid_from`` is its first day, None when it was in force before the data begins; ``valid_to`` is
its last day (inclusive), None while it is still in force.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TypeVar

from core.errors import ReferenceDataDamaged

_Row = TypeVar("_Row")

FOLDER = Path(__file__).resolve().parent.parent / "data" / "reference"


@dataclass(frozen=True)
class County:
    """One county (fylke) number in force from ``valid_from`` to ``valid_to``; ``name`` in bokmål."""

    number: str
    name: str
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True)
class Municipality:
    """One version of a municipality number: its SSB name and county over one unbroken span of days.

    A number has a new version when its name changes (1833 «Rana» became «Rana - Raane» on
    2024-01-01); ``name`` is SSB's official form, Sami and Kven names included.
    """

    number: str
    name: str
    county_number: str
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True)
class Change:
    """A number that ended on the day before ``day``, succeeded by ``new_number`` (one row per link)."""

    old_number: str
    new_number: str
    day: date


@dataclass(frozen=True)
class ReferenceData:
    """The four reference files, read and checked."""

    counties: tuple[County, ...]
    municipalities: tuple[Municipality, ...]
    county_changes: tuple[Change, ...]
    municipality_changes: tuple[Change, ...]


@cache
def reference_data(folder: Path = FOLDER) -> ReferenceData:
    """The reference files in ``folder``, read once per process.

    Raises ReferenceDataDamaged when a file is missing or a line is not of its form (wrong header,
    number of fields, a number that is not 2 or 4 digits, a date that is not ISO, or a version that
    ends before it begins): an installation fault, since the files ship with the code.
    """
    return ReferenceData(
        counties=tuple(_rows(folder / "counties.csv", ("number", "name", "valid_from", "valid_to"), _county)),
        municipalities=tuple(
            _rows(
                folder / "municipalities.csv",
                ("number", "name", "county_number", "valid_from", "valid_to"),
                _municipality,
            )
        ),
        county_changes=tuple(_rows(folder / "county_changes.csv", ("old_number", "new_number", "date"), _change(2))),
        municipality_changes=tuple(
            _rows(folder / "municipality_changes.csv", ("old_number", "new_number", "date"), _change(4))
        ),
    )


def counties() -> tuple[County, ...]:
    """Every county in force at any time from 2018-01-01, in the file's order (by number)."""
    return reference_data().counties


def municipalities() -> tuple[Municipality, ...]:
    """Every municipality version in force at any time from 2019-01-01, by number, then by first day."""
    return reference_data().municipalities


def county_successors(number: str) -> tuple[str, ...]:
    """The county numbers that took over from county ``number`` (30 → 31, 32, 33), in number order."""
    return _successors(reference_data().county_changes, number)


def county_predecessors(number: str) -> tuple[str, ...]:
    """The county numbers county ``number`` took over from (30 ← 01, 02, 06), in number order."""
    return _predecessors(reference_data().county_changes, number)


def municipality_successors(number: str) -> tuple[str, ...]:
    """The municipality numbers that took over from ``number`` (1507 → 1508, 1580), in number order.

    A number that continues through a merger (5001 Trondheim, 2020) is not its own successor.
    """
    return _successors(reference_data().municipality_changes, number)


def municipality_predecessors(number: str) -> tuple[str, ...]:
    """The municipality numbers ``number`` took over from (3118 ← 3014; 3014 ← 0122, 0123, …)."""
    return _predecessors(reference_data().municipality_changes, number)


def municipality_on(number: str, day: date) -> Municipality | None:
    """The version of municipality ``number`` in force on ``day``, or None when the number was not."""
    return next((version for version in _versions().get(number, ()) if _in_force(version, day)), None)


def current_numbers(number: str, day: date) -> tuple[str, ...]:
    """The municipality numbers in force on ``day`` that ``number`` became, following its successors.

    "3014" on 2025-01-01 gives ("3118",); "1507" gives ("1508", "1580"); a number in force on
    ``day`` gives itself. Only successors are followed, so a number not yet in force on ``day``, or
    unknown, gives ().
    """
    if municipality_on(number, day) is not None:
        return (number,)
    found: set[str] = set()
    for change in reference_data().municipality_changes:
        if change.old_number == number and change.day <= day:
            found.update(current_numbers(change.new_number, day))
    return tuple(sorted(found))


def municipalities_in(county_number: str, day: date) -> tuple[Municipality, ...]:
    """The municipalities of county ``county_number`` in force on ``day``, by number."""
    return tuple(
        version
        for version in reference_data().municipalities
        if version.county_number == county_number and _in_force(version, day)
    )


@cache
def _versions() -> dict[str, tuple[Municipality, ...]]:
    by_number: dict[str, list[Municipality]] = {}
    for version in reference_data().municipalities:
        by_number.setdefault(version.number, []).append(version)
    return {number: tuple(versions) for number, versions in by_number.items()}


def _in_force(version: County | Municipality, day: date) -> bool:
    return (version.valid_from is None or version.valid_from <= day) and (
        version.valid_to is None or day <= version.valid_to
    )


def _successors(changes: tuple[Change, ...], number: str) -> tuple[str, ...]:
    return tuple(sorted({change.new_number for change in changes if change.old_number == number}))


def _predecessors(changes: tuple[Change, ...], number: str) -> tuple[str, ...]:
    return tuple(sorted({change.old_number for change in changes if change.new_number == number}))


def _rows(path: Path, header: tuple[str, ...], build: Callable[[list[str]], _Row]) -> list[_Row]:
    try:
        with path.open(encoding="utf-8", newline="") as file:
            lines = list(csv.reader(file))
    except (OSError, UnicodeDecodeError, csv.Error):
        raise ReferenceDataDamaged("core.reference_missing", path=str(path)) from None
    if not lines or tuple(lines[0]) != header:
        raise ReferenceDataDamaged("core.reference_damaged", path=str(path), line=1)
    rows = []
    for line_number, fields in enumerate(lines[1:], start=2):
        # A line of the wrong length fails in the builder's unpacking, as a ValueError like the others.
        try:
            rows.append(build(fields))
        except ValueError:
            raise ReferenceDataDamaged("core.reference_damaged", path=str(path), line=line_number) from None
    return rows


def _county(fields: list[str]) -> County:
    number, name, valid_from, valid_to = fields
    return County(_number(number, 2), _name(name), *_span(valid_from, valid_to))


def _municipality(fields: list[str]) -> Municipality:
    number, name, county_number, valid_from, valid_to = fields
    return Municipality(_number(number, 4), _name(name), _number(county_number, 2), *_span(valid_from, valid_to))


def _change(digits: int) -> Callable[[list[str]], Change]:
    def build(fields: list[str]) -> Change:
        old_number, new_number, day = fields
        return Change(_number(old_number, digits), _number(new_number, digits), _day(day))

    return build


def _number(text: str, digits: int) -> str:
    if len(text) != digits or not text.isascii() or not text.isdigit():
        raise ValueError(text)
    return text


def _name(text: str) -> str:
    if not text.strip():
        raise ValueError(text)
    return text


def _span(valid_from: str, valid_to: str) -> tuple[date | None, date | None]:
    start = _day(valid_from) if valid_from else None
    end = _day(valid_to) if valid_to else None
    if start is not None and end is not None and end < start:
        raise ValueError(valid_to)
    return start, end


def _day(text: str) -> date:
    return date.fromisoformat(text)
