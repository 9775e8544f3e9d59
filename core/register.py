"""The register: regions, their agreements, focus areas and commitments.

Functions that write expect the caller to hold :func:`core.db.write_transaction`,
so a whole file lands in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlite_utils import Database

from core.db import inserted_id, write_transaction
from core.errors import UnknownRegion
from core.i18n import Text
from core.uploads import record_upload
from core.vocabulary import clean_text, fold


@dataclass
class FocusArea:
    number: str
    title: str
    hashtag: str | None = None
    sdgs: list[int] = field(default_factory=list)


@dataclass
class Commitment:
    code: str
    text: str
    focus_area: str | None = None
    council_area: str | None = None
    # None: inherit the focus area's goals.
    sdgs: list[int] | None = None
    # As the agreement gives it: an ISO date ("2023-12-31") where it names a day, else its words ("2023", "løpende").
    deadline: str | None = None
    # Funds set aside for the commitment, in whole kroner.
    amount: int | None = None


@dataclass(frozen=True)
class FirstReport:
    """A commitment's status as the agreement's own table gives it (a Status column).

    Saved as a status report only when the administrator confirms, for the quarter they choose.
    """

    status: str  # one of core.vocabulary.STATUS_KEYS
    progress: int | None = None  # percent, 0-100
    comment: str | None = None


@dataclass
class Agreement:
    period: str
    focus_areas: list[FocusArea] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    title: str | None = None


@dataclass(frozen=True)
class Region:
    id: int
    name: str
    short_name: str | None


@dataclass
class SaveResult:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    retired: int = 0


_PERIOD = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")


def period_years(period: str) -> tuple[int | None, int | None]:
    """(2022, 2023) for "2022-2023"; (2024, 2024) for "2024"; (None, None) otherwise."""
    text = clean_text(period)
    match = _PERIOD.match(text)
    if match:
        return int(match[1]), int(match[2])
    if re.fullmatch(r"\d{4}", text):
        return int(text), int(text)
    return None, None


def regions(db: Database) -> list[Region]:
    return [
        Region(row[0], row[1], row[2]) for row in db.execute("SELECT id, name, short_name FROM regions ORDER BY name")
    ]


def region_lookup(db: Database) -> dict[str, Region]:
    """Folded full names and short names to regions, for matching what people type."""
    lookup: dict[str, Region] = {}
    for region in regions(db):
        lookup[fold(region.name)] = region
        if region.short_name:
            lookup.setdefault(fold(region.short_name), region)
    return lookup


def find_region(db: Database, name: str) -> Region:
    region = region_lookup(db).get(fold(name))
    if region is None:
        known = ", ".join(r.name for r in regions(db)) or Text("core.none")
        raise UnknownRegion("core.unknown_region", name=clean_text(name), known=known)
    return region


def ensure_region(
    db: Database,
    name: str,
    short_name: str | None = None,
    municipalities: dict[str, str] | None = None,
) -> Region:
    """The region with this name (or short name), created if missing.

    ``municipalities`` maps municipality number (text, "3014") to name; when
    given, it replaces the region's members.
    """
    name = clean_text(name)
    short_name = clean_text(short_name) or None
    region = region_lookup(db).get(fold(name))
    if region is None:
        cursor = db.conn.execute("INSERT INTO regions (name, short_name) VALUES (?, ?)", (name, short_name))
        region = Region(inserted_id(cursor), name, short_name)
    elif short_name and region.short_name != short_name:
        db.conn.execute("UPDATE regions SET short_name = ? WHERE id = ?", (short_name, region.id))
        region = Region(region.id, region.name, short_name)
    if municipalities is not None:
        _set_members(db, region.id, municipalities)
    return region


def _set_members(db: Database, region_id: int, municipalities: dict[str, str]) -> None:
    db.conn.executemany(
        "INSERT INTO municipalities (number, name) VALUES (?, ?) "
        "ON CONFLICT (number) DO UPDATE SET name = excluded.name",
        [(number, clean_text(name)) for number, name in municipalities.items()],
    )
    db.conn.execute("DELETE FROM region_municipalities WHERE region_id = ?", (region_id,))
    db.conn.executemany(
        "INSERT INTO region_municipalities (region_id, municipality_number) VALUES (?, ?)",
        [(region_id, number) for number in municipalities],
    )


def council_area_ids(db: Database) -> dict[str, int]:
    """Folded council-area names to ids."""
    return {fold(name): id_ for id_, name in db.execute("SELECT id, name FROM council_areas")}


def agreement_for(db: Database, region_id: int, period: str | None = None) -> int | None:
    """The region's agreement for a period, or its latest when no period is given."""
    if period:
        row = db.execute(
            "SELECT id FROM agreements WHERE region_id = ? AND period = ?",
            (region_id, clean_text(period)),
        ).fetchone()
    else:
        row = db.execute(
            "SELECT id FROM agreements WHERE region_id = ? ORDER BY coalesce(start_year, 0) DESC, id DESC LIMIT 1",
            (region_id,),
        ).fetchone()
    return row[0] if row else None


def agreement_for_quarter(db: Database, region_id: int, quarter: str) -> int | None:
    """The agreement in force in a quarter: the one whose period covers its year,
    else the latest that started before it, else the region's latest."""
    year = int(quarter[:4])
    row = db.execute(
        """
        SELECT id FROM agreements WHERE region_id = :region
        ORDER BY
          CASE WHEN start_year <= :year AND end_year >= :year THEN 0
               WHEN start_year <= :year THEN 1 ELSE 2 END,
          coalesce(start_year, 0) DESC, id DESC
        LIMIT 1
        """,
        {"region": region_id, "year": year},
    ).fetchone()
    return row[0] if row else None


def save_agreement(db: Database, region: Region, agreement: Agreement, *, retire_missing: bool = True) -> SaveResult:
    """Insert or update an agreement's focus areas and commitments, matched on
    number and code, so re-importing never duplicates and never loses status history.

    With ``retire_missing`` a commitment no longer in the agreement is marked
    inactive (its reports stay); without it, commitments not mentioned are left alone.
    """
    start_year, end_year = period_years(agreement.period)
    period = clean_text(agreement.period)
    agreement_id = agreement_for(db, region.id, period)
    if agreement_id is None:
        agreement_id = inserted_id(
            db.conn.execute(
                "INSERT INTO agreements (region_id, period, start_year, end_year, title) VALUES (?, ?, ?, ?, ?)",
                (region.id, period, start_year, end_year, agreement.title),
            )
        )
    elif agreement.title:
        db.conn.execute("UPDATE agreements SET title = ? WHERE id = ?", (agreement.title, agreement_id))

    focus_ids = _save_focus_areas(db, agreement_id, agreement.focus_areas)
    return _save_commitments(db, agreement_id, agreement.commitments, focus_ids, retire_missing)


def _save_focus_areas(db: Database, agreement_id: int, focus_areas: list[FocusArea]) -> dict[str, int]:
    existing = {
        number: id_
        for id_, number in db.execute("SELECT id, number FROM focus_areas WHERE agreement_id = ?", (agreement_id,))
    }
    for position, area in enumerate(focus_areas):
        if area.number in existing:
            db.conn.execute(
                "UPDATE focus_areas SET title = ?, hashtag = ?, position = ? WHERE id = ?",
                (area.title, area.hashtag, position, existing[area.number]),
            )
        else:
            existing[area.number] = inserted_id(
                db.conn.execute(
                    "INSERT INTO focus_areas (agreement_id, number, title, hashtag, position) VALUES (?, ?, ?, ?, ?)",
                    (agreement_id, area.number, area.title, area.hashtag, position),
                )
            )
        focus_id = existing[area.number]
        db.conn.execute("DELETE FROM focus_area_sdgs WHERE focus_area_id = ?", (focus_id,))
        db.conn.executemany(
            "INSERT INTO focus_area_sdgs (focus_area_id, sdg) VALUES (?, ?)",
            [(focus_id, sdg) for sdg in area.sdgs],
        )
    return existing


def _save_commitments(
    db: Database,
    agreement_id: int,
    commitments: list[Commitment],
    focus_ids: dict[str, int],
    retire_missing: bool,
) -> SaveResult:
    councils = council_area_ids(db)
    existing = {
        row[0]: row
        for row in db.execute(
            "SELECT code, id, text, focus_area_id, council_area_id, position, active "
            "FROM commitments WHERE agreement_id = ?",
            (agreement_id,),
        )
    }
    existing_sdgs: dict[int, list[int]] = {}
    for commitment_id, sdg in db.execute(
        "SELECT cs.commitment_id, cs.sdg FROM commitment_sdgs cs "
        "JOIN commitments c ON c.id = cs.commitment_id WHERE c.agreement_id = ? ORDER BY cs.sdg",
        (agreement_id,),
    ):
        existing_sdgs.setdefault(commitment_id, []).append(sdg)

    result = SaveResult()
    for position, commitment in enumerate(commitments):
        focus_id = focus_ids.get(commitment.focus_area) if commitment.focus_area else None
        council_id = councils.get(fold(commitment.council_area)) if commitment.council_area else None
        old = existing.pop(commitment.code, None)
        if old is None:
            commitment_id = inserted_id(
                db.conn.execute(
                    "INSERT INTO commitments (agreement_id, code, text, focus_area_id, council_area_id, position) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (agreement_id, commitment.code, commitment.text, focus_id, council_id, position),
                )
            )
            result.added += 1
        else:
            commitment_id = old[1]
            # A re-import without council or focus areas (a catalogue with those
            # columns blank) keeps the ones assigned before.
            council_id = council_id if commitment.council_area else old[4]
            focus_id = focus_id if commitment.focus_area else old[3]
            new_values = (commitment.text, focus_id, council_id, position, 1)
            if tuple(old[2:]) != new_values or (
                commitment.sdgs is not None and sorted(commitment.sdgs) != existing_sdgs.get(commitment_id, [])
            ):
                db.conn.execute(
                    "UPDATE commitments SET text = ?, focus_area_id = ?, council_area_id = ?, position = ?, active = ? "
                    "WHERE id = ?",
                    (*new_values, commitment_id),
                )
                result.changed += 1
            else:
                result.unchanged += 1
        if commitment.sdgs is not None:
            db.conn.execute("DELETE FROM commitment_sdgs WHERE commitment_id = ?", (commitment_id,))
            db.conn.executemany(
                "INSERT INTO commitment_sdgs (commitment_id, sdg) VALUES (?, ?)",
                [(commitment_id, sdg) for sdg in commitment.sdgs],
            )
    if retire_missing:
        for row in existing.values():
            if row[6]:
                db.conn.execute("UPDATE commitments SET active = 0 WHERE id = ?", (row[1],))
                result.retired += 1
    return result


@dataclass(frozen=True)
class SavedUpload:
    upload_id: int
    results: dict[str, SaveResult]  # by the region's stored name, in the order saved
    new_regions: list[str]  # the regions the upload created, as the file names them
    total: SaveResult  # the counts over every region


def save_agreements_as_upload(
    db: Database,
    agreements: dict[str, Agreement],
    *,
    kind: str,
    file_name: str,
    sha256: str,
    user: str,
    retire_missing: bool,
) -> SavedUpload:
    """Save each region's agreement (the region created if new) and log the file as one upload, in one transaction.

    ``agreements`` is keyed by region name or short name; ``user`` is the uploader's signature.
    """
    with write_transaction(db):
        known = region_lookup(db)
        new_regions = [name for name in agreements if fold(name) not in known]
        results: dict[str, SaveResult] = {}
        for name, agreement in agreements.items():
            region = ensure_region(db, name)
            results[region.name] = save_agreement(db, region, agreement, retire_missing=retire_missing)
        total = SaveResult(
            added=sum(result.added for result in results.values()),
            changed=sum(result.changed for result in results.values()),
            unchanged=sum(result.unchanged for result in results.values()),
            retired=sum(result.retired for result in results.values()),
        )
        upload_id = record_upload(
            db,
            kind=kind,
            file_name=file_name,
            sha256=sha256,
            user=user,
            added=total.added,
            changed=total.changed,
            unchanged=total.unchanged,
        )
    return SavedUpload(upload_id, results, new_regions, total)
