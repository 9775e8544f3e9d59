"""The register: regions, their agreements, focus areas and commitments.

Functions that write expect the caller to hold :func:`core.db.write_transaction`,
so a whole file lands in one transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlite_utils import Database

from core import reports
from core.db import inserted_id, write_transaction
from core.errors import InvalidQuarter, NoCounty, NoSuchAgreement, UnknownRegion
from core.filters import norwegian_sort_key
from core.i18n import Text
from core.lineage import continue_agreement
from core.organisation import council_area_ids, council_areas, get_county, region_county, set_region_county
from core.uploads import record_upload
from core.vocabulary import clean_text, fold, parse_quarter


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
    """Folded full names, short names and former names to regions, for matching what people type
    (a status file from 2023 still says "Follorådet")."""
    lookup: dict[str, Region] = {}
    by_id = {}
    for region in regions(db):
        by_id[region.id] = region
        lookup[fold(region.name)] = region
        if region.short_name:
            lookup.setdefault(fold(region.short_name), region)
    for region_id, former in db.execute("SELECT region_id, name FROM region_names ORDER BY valid_to DESC"):
        lookup.setdefault(fold(former), by_id[region_id])
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
    county_id: int | None = None,
) -> Region:
    """The region with this name (or short name, or a former name), created if missing.

    ``municipalities`` maps municipality number (text, "3014") to name; when
    given, it replaces the region's members. A new region belongs to ``county_id``, else to the
    database's only county when there is just one (core.organisation.set_region_county to change it).
    """
    name = clean_text(name)
    short_name = clean_text(short_name) or None
    region = region_lookup(db).get(fold(name))
    if region is None:
        cursor = db.conn.execute("INSERT INTO regions (name, short_name) VALUES (?, ?)", (name, short_name))
        region = Region(inserted_id(cursor), name, short_name)
        if county_id is None:
            only = db.execute("SELECT id FROM counties LIMIT 2").fetchall()
            county_id = only[0][0] if len(only) == 1 else None
        if county_id is not None:
            db.conn.execute("INSERT INTO region_counties (region_id, county_id) VALUES (?, ?)", (region.id, county_id))
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


def agreement_county_id(db: Database, region_id: int, period: str) -> int | None:
    """The county an agreement of the region for ``period`` belongs to: the stored agreement's,
    else the region's county when the period begins, else the region's latest county."""
    agreement_id = agreement_for(db, region_id, period)
    if agreement_id is not None:
        row = db.execute("SELECT county_id FROM agreements WHERE id = ?", (agreement_id,)).fetchone()
        if row[0] is not None:
            return row[0]
    start_year, _ = period_years(period)
    county = (region_county(db, region_id, dt.date(start_year, 1, 1)) if start_year is not None else None) or (
        region_county(db, region_id)
    )
    return county.id if county is not None else None


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


# What can change about a stored commitment when an agreement is saved again. Its place in
# the list is not among them: a commitment added or retired above another moves it, and
# the order always follows the newest text.
COMMITMENT_FIELDS = ("text", "focus_area", "council_area", "sdgs", "deadline", "amount", "reactivated")
FOCUS_AREA_FIELDS = ("title", "hashtag", "sdgs", "reactivated")


@dataclass(frozen=True)
class CommitmentChange:
    """A stored commitment that saving would change: as stored, as it would be stored, and which fields differ."""

    code: str
    before: Commitment
    after: Commitment
    fields: tuple[str, ...]  # from COMMITMENT_FIELDS, in that order


@dataclass(frozen=True)
class FocusAreaChange:
    """A stored focus area that saving would change (fields from FOCUS_AREA_FIELDS)."""

    number: str
    before: FocusArea
    after: FocusArea
    fields: tuple[str, ...]


@dataclass
class AgreementChanges:
    """What saving an agreement over the stored one would change.

    ``after`` values are what would be stored: a council area, focus area, deadline, amount or
    own goals the new agreement leaves blank keeps the stored one. ``retired`` are active
    commitments the new agreement no longer has; saving marks them inactive, with their reports
    kept. ``focus_areas_removed`` likewise become inactive.
    """

    added: list[Commitment] = field(default_factory=list)
    changed: list[CommitmentChange] = field(default_factory=list)
    retired: list[Commitment] = field(default_factory=list)
    unchanged: int = 0
    focus_areas_added: list[FocusArea] = field(default_factory=list)
    focus_areas_changed: list[FocusAreaChange] = field(default_factory=list)
    focus_areas_removed: list[FocusArea] = field(default_factory=list)


@dataclass(frozen=True)
class _StoredCommitment:
    id: int
    commitment: Commitment
    position: int
    active: bool


@dataclass(frozen=True)
class _StoredFocusArea:
    id: int
    area: FocusArea
    position: int
    active: bool


@dataclass
class _Plan:
    """What saving will write, worked out before anything is: saving and agreement_changes share it."""

    changes: AgreementChanges
    # For each commitment of the new agreement, in order: the stored one (None if new) and what is stored after.
    commitments: list[tuple[_StoredCommitment | None, Commitment]]
    focus_areas: list[tuple[_StoredFocusArea | None, FocusArea]]
    retired_ids: list[int]
    removed_focus_ids: list[int]


def _stored_focus_areas(db: Database, agreement_id: int) -> dict[str, _StoredFocusArea]:
    sdgs: dict[int, list[int]] = {}
    for focus_id, sdg in db.execute(
        "SELECT s.focus_area_id, s.sdg FROM focus_area_sdgs s JOIN focus_areas f ON f.id = s.focus_area_id "
        "WHERE f.agreement_id = ? ORDER BY s.sdg",
        (agreement_id,),
    ):
        sdgs.setdefault(focus_id, []).append(sdg)
    return {
        number: _StoredFocusArea(id_, FocusArea(number, title, hashtag, sdgs.get(id_, [])), position, bool(active))
        for id_, number, title, hashtag, position, active in db.execute(
            "SELECT id, number, title, hashtag, position, active FROM focus_areas WHERE agreement_id = ? "
            "ORDER BY position, id",
            (agreement_id,),
        )
    }


def _stored_commitments(db: Database, agreement_id: int) -> dict[str, _StoredCommitment]:
    sdgs: dict[int, list[int]] = {}
    for commitment_id, sdg in db.execute(
        "SELECT cs.commitment_id, cs.sdg FROM commitment_sdgs cs "
        "JOIN commitments c ON c.id = cs.commitment_id WHERE c.agreement_id = ? ORDER BY cs.sdg",
        (agreement_id,),
    ):
        sdgs.setdefault(commitment_id, []).append(sdg)
    return {
        code: _StoredCommitment(
            id_,
            Commitment(code, text, focus, council, sdgs.get(id_), deadline, amount),
            position,
            bool(active),
        )
        for id_, code, text, focus, council, deadline, amount, position, active in db.execute(
            "SELECT c.id, c.code, c.text, f.number, ca.name, c.deadline, c.amount, c.position, c.active "
            "FROM commitments c LEFT JOIN focus_areas f ON f.id = c.focus_area_id "
            "LEFT JOIN council_areas ca ON ca.id = c.council_area_id "
            "WHERE c.agreement_id = ? ORDER BY c.position, c.id",
            (agreement_id,),
        )
    }


def _plan(
    db: Database, agreement_id: int | None, agreement: Agreement, retire_missing: bool, county_id: int | None
) -> _Plan:
    stored_areas = _stored_focus_areas(db, agreement_id) if agreement_id else {}
    stored = _stored_commitments(db, agreement_id) if agreement_id else {}
    # A council area is one of the agreement's county's own units.
    units = council_areas(db, get_county(db, county_id), include_inactive=True) if county_id is not None else []
    councils = {fold(name): name for name in units}
    changes = AgreementChanges()

    focus_areas: list[tuple[_StoredFocusArea | None, FocusArea]] = []
    for area in agreement.focus_areas:
        new_area = FocusArea(area.number, area.title, area.hashtag, sorted(area.sdgs))
        old_area = stored_areas.get(area.number)
        focus_areas.append((old_area, new_area))
        if old_area is None:
            changes.focus_areas_added.append(new_area)
            continue
        area_differs = (
            old_area.area.title != new_area.title,
            old_area.area.hashtag != new_area.hashtag,
            old_area.area.sdgs != new_area.sdgs,
            not old_area.active,
        )
        area_fields = tuple(name for name, differs in zip(FOCUS_AREA_FIELDS, area_differs, strict=True) if differs)
        if area_fields:
            changes.focus_areas_changed.append(FocusAreaChange(area.number, old_area.area, new_area, area_fields))
    named = {area.number for area in agreement.focus_areas}
    known_focus = named | set(stored_areas)

    commitments: list[tuple[_StoredCommitment | None, Commitment]] = []
    for commitment in agreement.commitments:
        old = stored.pop(commitment.code, None)
        before = old.commitment if old else Commitment(commitment.code, "")
        # A re-import that leaves a field blank (a catalogue without the column, a text
        # agreement without Frist) keeps the stored value; a council area or focus area
        # named but not known is stored as none, as it always was.
        council = councils.get(fold(commitment.council_area)) if commitment.council_area else before.council_area
        focus = commitment.focus_area if commitment.focus_area else before.focus_area
        own = (sorted(commitment.sdgs) or None) if commitment.sdgs is not None else before.sdgs
        after = Commitment(
            code=commitment.code,
            text=commitment.text,
            focus_area=focus if focus in known_focus else None,
            council_area=council,
            sdgs=own,
            deadline=commitment.deadline if commitment.deadline is not None else before.deadline,
            amount=commitment.amount if commitment.amount is not None else before.amount,
        )
        commitments.append((old, after))
        if old is None:
            changes.added.append(after)
            continue
        differ = (
            before.text != after.text,
            before.focus_area != after.focus_area,
            before.council_area != after.council_area,
            before.sdgs != after.sdgs,
            before.deadline != after.deadline,
            before.amount != after.amount,
            not old.active,
        )
        fields = tuple(name for name, differs in zip(COMMITMENT_FIELDS, differ, strict=True) if differs)
        if fields:
            changes.changed.append(CommitmentChange(commitment.code, before, after, fields))
        else:
            changes.unchanged += 1
    retired = [old for old in stored.values() if retire_missing and old.active]
    changes.retired = [old.commitment for old in retired]
    # A focus area still holding one of the agreement's commitments stays, named as a heading or not.
    used = named | {after.focus_area for _, after in commitments}
    removed = [
        old_area
        for number, old_area in stored_areas.items()
        if retire_missing and old_area.active and number not in used
    ]
    changes.focus_areas_removed = [old_area.area for old_area in removed]
    return _Plan(
        changes,
        commitments,
        focus_areas,
        [old.id for old in retired],
        [old_area.id for old_area in removed],
    )


def agreement_changes(
    db: Database, region: str, agreement: Agreement, *, retire_missing: bool = True
) -> AgreementChanges | None:
    """What saving ``agreement`` for ``region`` (name or short name) would change in its stored agreement
    for the same period; None when there is no such region or it has no agreement for that period.

    Worked out by the same code saving uses, so saving counts exactly what this reports.
    """
    found = region_lookup(db).get(fold(region))
    agreement_id = agreement_for(db, found.id, clean_text(agreement.period)) if found else None
    if found is None or agreement_id is None:
        return None
    county_id = agreement_county_id(db, found.id, clean_text(agreement.period))
    return _plan(db, agreement_id, agreement, retire_missing, county_id).changes


def save_agreement(
    db: Database,
    region: Region,
    agreement: Agreement,
    *,
    retire_missing: bool = True,
    county_id: int | None = None,
    succeeds_id: int | None = None,
) -> SaveResult:
    """Insert or update an agreement's focus areas and commitments, matched on
    number and code, so re-importing never duplicates and never loses status history.

    With ``retire_missing`` a commitment (or focus area) no longer in the agreement is
    marked inactive (its reports stay); without it, those not mentioned are left alone.
    What is counted as changed is :func:`agreement_changes`'s answer.

    The agreement belongs to ``county_id`` when given, else to the stored agreement's county,
    else to the region's county when the period begins (:func:`agreement_county_id`); NoCounty
    when there is none. ``succeeds_id`` records the agreement it continues (core.lineage).
    """
    start_year, end_year = period_years(agreement.period)
    period = clean_text(agreement.period)
    agreement_id = agreement_for(db, region.id, period)
    county_id = county_id if county_id is not None else agreement_county_id(db, region.id, period)
    if county_id is None:
        raise NoCounty("core.no_county", region=region.name)
    plan = _plan(db, agreement_id, agreement, retire_missing, county_id)
    if agreement_id is None:
        agreement_id = inserted_id(
            db.conn.execute(
                "INSERT INTO agreements (region_id, period, start_year, end_year, title, county_id, succeeds_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (region.id, period, start_year, end_year, agreement.title, county_id, succeeds_id),
            )
        )
    else:
        db.conn.execute(
            "UPDATE agreements SET title = coalesce(?, title), county_id = ?, succeeds_id = coalesce(?, succeeds_id) "
            "WHERE id = ?",
            (agreement.title or None, county_id, succeeds_id, agreement_id),
        )

    focus_ids = _save_focus_areas(db, agreement_id, plan)
    _save_commitments(db, agreement_id, plan, focus_ids, county_id)
    changes = plan.changes
    return SaveResult(
        added=len(changes.added),
        changed=len(changes.changed),
        unchanged=changes.unchanged,
        retired=len(changes.retired),
    )


def _save_focus_areas(db: Database, agreement_id: int, plan: _Plan) -> dict[str, int]:
    """Write the planned focus areas; returns the agreement's focus-area ids by number, inactive ones too."""
    ids = {
        number: id_
        for id_, number in db.execute("SELECT id, number FROM focus_areas WHERE agreement_id = ?", (agreement_id,))
    }
    for position, (old, area) in enumerate(plan.focus_areas):
        if old is None:
            ids[area.number] = inserted_id(
                db.conn.execute(
                    "INSERT INTO focus_areas (agreement_id, number, title, hashtag, position) VALUES (?, ?, ?, ?, ?)",
                    (agreement_id, area.number, area.title, area.hashtag, position),
                )
            )
        elif (old.area.title, old.area.hashtag, old.position, old.active) != (area.title, area.hashtag, position, True):
            db.conn.execute(
                "UPDATE focus_areas SET title = ?, hashtag = ?, position = ?, active = 1 WHERE id = ?",
                (area.title, area.hashtag, position, old.id),
            )
        if old is None or old.area.sdgs != area.sdgs:
            focus_id = ids[area.number]
            db.conn.execute("DELETE FROM focus_area_sdgs WHERE focus_area_id = ?", (focus_id,))
            db.conn.executemany(
                "INSERT INTO focus_area_sdgs (focus_area_id, sdg) VALUES (?, ?)",
                [(focus_id, sdg) for sdg in area.sdgs],
            )
    db.conn.executemany("UPDATE focus_areas SET active = 0 WHERE id = ?", [(id_,) for id_ in plan.removed_focus_ids])
    return ids


def _save_commitments(db: Database, agreement_id: int, plan: _Plan, focus_ids: dict[str, int], county_id: int) -> None:
    councils = council_area_ids(db, get_county(db, county_id))
    for position, (old, after) in enumerate(plan.commitments):
        values = (
            after.text,
            focus_ids.get(after.focus_area) if after.focus_area else None,
            councils.get(fold(after.council_area)) if after.council_area else None,
            after.deadline,
            after.amount,
            position,
        )
        if old is None:
            commitment_id = inserted_id(
                db.conn.execute(
                    "INSERT INTO commitments "
                    "(text, focus_area_id, council_area_id, deadline, amount, position, agreement_id, code) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, agreement_id, after.code),
                )
            )
        else:
            commitment_id = old.id
            if old.commitment != after or old.position != position or not old.active:
                db.conn.execute(
                    "UPDATE commitments SET text = ?, focus_area_id = ?, council_area_id = ?, deadline = ?, "
                    "amount = ?, position = ?, active = 1 WHERE id = ?",
                    (*values, commitment_id),
                )
        if old is None or old.commitment.sdgs != after.sdgs:
            db.conn.execute("DELETE FROM commitment_sdgs WHERE commitment_id = ?", (commitment_id,))
            db.conn.executemany(
                "INSERT INTO commitment_sdgs (commitment_id, sdg) VALUES (?, ?)",
                [(commitment_id, sdg) for sdg in after.sdgs or []],
            )
    db.conn.executemany("UPDATE commitments SET active = 0 WHERE id = ?", [(id_,) for id_ in plan.retired_ids])


def stored_agreement(db: Database, region: str, period: str) -> Agreement:
    """A region's (name or short name) stored agreement for ``period``, as the parser would give it:
    its active focus areas and active commitments in order, a commitment's goals only where they are its own.

    Raises UnknownRegion, or NoSuchAgreement naming the periods the region has.
    """
    found = find_region(db, region)
    agreement_id = agreement_for(db, found.id, period)
    if agreement_id is None:
        periods = [
            row[0]
            for row in db.execute("SELECT period FROM agreements WHERE region_id = ? ORDER BY period", (found.id,))
        ]
        raise NoSuchAgreement(
            "core.no_such_agreement",
            region=found.name,
            period=clean_text(period),
            known=", ".join(periods) or Text("core.none"),
        )
    stored_period, title = db.execute("SELECT period, title FROM agreements WHERE id = ?", (agreement_id,)).fetchone()
    return Agreement(
        period=stored_period,
        title=title,
        focus_areas=[old.area for old in _stored_focus_areas(db, agreement_id).values() if old.active],
        commitments=[old.commitment for old in _stored_commitments(db, agreement_id).values() if old.active],
    )


@dataclass(frozen=True)
class AgreementOverview:
    """One stored agreement as the Avtaler page lists it."""

    region: str
    period: str
    title: str | None
    commitments: int  # active ones
    retired: int
    focus_areas: int  # active ones
    without_council_area: int  # active commitments without one
    loaded_at: str | None  # when the last agreement or catalogue upload that touched it was saved (ISO, UTC)
    file_name: str | None  # that upload's file
    county: str | None = None  # the county it belongs to (counties.name)


def agreements_overview(db: Database) -> list[AgreementOverview]:
    """Every region's agreements, by region (Norwegian alphabetical order), then period.

    An upload touched an agreement when its region was among those it saved (upload_agreements);
    an agreement saved before that was recorded has no upload to name.
    """
    rows = db.execute(
        """
        SELECT r.name, a.period, a.title,
               (SELECT count(*) FROM commitments c WHERE c.agreement_id = a.id AND c.active = 1),
               (SELECT count(*) FROM commitments c WHERE c.agreement_id = a.id AND c.active = 0),
               (SELECT count(*) FROM focus_areas f WHERE f.agreement_id = a.id AND f.active = 1),
               (SELECT count(*) FROM commitments c
                WHERE c.agreement_id = a.id AND c.active = 1 AND c.council_area_id IS NULL),
               u.uploaded_at, u.file_name, co.name
        FROM agreements a
        JOIN regions r ON r.id = a.region_id
        LEFT JOIN counties co ON co.id = a.county_id
        LEFT JOIN uploads u ON u.id = (
            SELECT max(ua.upload_id) FROM upload_agreements ua WHERE ua.agreement_id = a.id
        )
        """
    ).fetchall()
    overview = [AgreementOverview(*row) for row in rows]
    return sorted(overview, key=lambda row: (norwegian_sort_key(row.region), row.period))


@dataclass(frozen=True)
class FirstReportsFor:
    """A region's first status reports from its agreement's own table, for the quarter the administrator chose."""

    quarter: str  # "YYYY-Qn", or any form core.vocabulary.parse_quarter reads
    reports: dict[str, FirstReport]  # by commitment code


@dataclass(frozen=True)
class ReportConflict:
    """A first report not saved because the commitment already has a different report for that quarter."""

    region: str
    code: str
    quarter: str
    stored: FirstReport
    offered: FirstReport


@dataclass(frozen=True)
class SavedUpload:
    upload_id: int
    results: dict[str, SaveResult]  # by the region's stored name, in the order saved
    new_regions: list[str]  # the regions the upload created, as the file names them
    total: SaveResult  # the counts over every region
    # The first reports saved: a status upload of their own (reports.upload_id; None when none was written).
    reports: reports.LoadResult | None = None
    report_conflicts: list[ReportConflict] = field(default_factory=list)


def save_agreements_as_upload(
    db: Database,
    agreements: dict[str, Agreement],
    *,
    kind: str,
    file_name: str,
    sha256: str,
    user: str,
    retire_missing: bool,
    first_reports: dict[str, FirstReportsFor] | None = None,
    county_id: int | None = None,
    carry_on: bool = False,
    successors_by_code: dict[str, list[str]] | None = None,
) -> SavedUpload:
    """Save each region's agreement (the region created if new) and log the file as one upload, in one transaction.

    ``agreements`` is keyed by region name or short name; ``user`` is the uploader's signature.

    ``county_id`` is the county the agreements are saved under (save_agreement's rule without it).
    An agreement newer than any of its region's moves the region to that county from the year it
    begins (Follorådet to Akershus from 2024). With ``carry_on``, an agreement new for its region
    continues the region's latest earlier one (core.lineage.continue_agreement: same code continued,
    a code it no longer has ended, unless ``successors_by_code`` says otherwise).

    ``first_reports``, keyed as ``agreements``, are saved in the same transaction as a second upload,
    of kind "status" under the same file name, through the code every status upload uses: they show
    in the uploads log and roll back like any status upload, while the agreement stays. A commitment
    that already has a report for the quarter keeps it: an identical one is left as it is, a different
    one is returned in ``report_conflicts`` and not written.
    """
    with write_transaction(db):
        known = region_lookup(db)
        new_regions = [name for name in agreements if fold(name) not in known]
        results: dict[str, SaveResult] = {}
        agreement_ids: dict[str, tuple[Region, int]] = {}  # by the folded name the caller used
        for name, agreement in agreements.items():
            region = ensure_region(db, name, county_id=county_id)
            period = clean_text(agreement.period)
            predecessor = predecessor_agreement(db, region.id, period) if carry_on else None
            if county_id is not None:
                _follow_county(db, region, period, county_id)
            results[region.name] = save_agreement(
                db, region, agreement, retire_missing=retire_missing, county_id=county_id
            )
            agreement_id = agreement_for(db, region.id, period)
            assert agreement_id is not None, "save_agreement stores the agreement it is given"
            if predecessor is not None:
                continue_agreement(db, predecessor, agreement_id, successors_by_code)
            agreement_ids[fold(name)] = (region, agreement_id)
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
        db.conn.executemany(
            "INSERT INTO upload_agreements (upload_id, agreement_id) VALUES (?, ?)",
            [(upload_id, agreement_id) for _, agreement_id in agreement_ids.values()],
        )
        saved_reports: reports.LoadResult | None = None
        conflicts: list[ReportConflict] = []
        if first_reports:
            rows, conflicts = _first_report_rows(db, first_reports, agreement_ids)
            saved_reports = reports.save_rows(db, rows, kind="status", file_name=file_name, sha256=sha256, user=user)
    return SavedUpload(upload_id, results, new_regions, total, saved_reports, conflicts)


def predecessor_agreement(db: Database, region_id: int, period: str) -> int | None:
    """The agreement a new agreement of the region for ``period`` would continue: the latest that
    began before it. None when the region already has an agreement for the period (saving it again
    changes it in place), or no earlier one, or the period has no years."""
    start_year, _ = period_years(period)
    if start_year is None or agreement_for(db, region_id, period) is not None:
        return None
    row = db.execute(
        "SELECT id FROM agreements WHERE region_id = ? AND start_year < ? ORDER BY start_year DESC, id DESC LIMIT 1",
        (region_id, start_year),
    ).fetchone()
    return row[0] if row else None


def _follow_county(db: Database, region: Region, period: str, county_id: int) -> None:
    """Move the region to ``county_id`` from the year the agreement begins, when it is the region's newest."""
    start_year, _ = period_years(period)
    if start_year is None:
        return
    newer = db.execute(
        "SELECT 1 FROM agreements WHERE region_id = ? AND start_year > ?", (region.id, start_year)
    ).fetchone()
    if newer is None:
        set_region_county(db, region.id, get_county(db, county_id), dt.date(start_year, 1, 1))


def _first_report_rows(
    db: Database, first_reports: dict[str, FirstReportsFor], agreement_ids: dict[str, tuple[Region, int]]
) -> tuple[list[reports.ReportRow], list[ReportConflict]]:
    """The first reports as rows to save, leaving out those a stored report for the quarter stands in for."""
    rows: list[reports.ReportRow] = []
    conflicts: list[ReportConflict] = []
    for name, wanted in first_reports.items():
        region, agreement_id = agreement_ids[fold(name)]
        quarter = parse_quarter(wanted.quarter)
        if quarter is None:
            raise InvalidQuarter("core.invalid_quarter", value=clean_text(wanted.quarter))
        ids = dict(db.execute("SELECT code, id FROM commitments WHERE agreement_id = ?", (agreement_id,)).fetchall())
        stored = {
            commitment_id: FirstReport(status, progress, comment)
            for commitment_id, status, progress, comment in db.execute(
                "SELECT s.commitment_id, s.status, s.progress, s.comment FROM status_reports s "
                "JOIN commitments c ON c.id = s.commitment_id WHERE c.agreement_id = ? AND s.quarter = ?",
                (agreement_id, quarter),
            )
        }
        for code, offered in wanted.reports.items():
            commitment_id = ids[code]
            if commitment_id in stored:
                if stored[commitment_id] != offered:
                    conflicts.append(ReportConflict(region.name, code, quarter, stored[commitment_id], offered))
                continue
            report = reports.Report(commitment_id, quarter, offered.status, offered.progress, offered.comment)
            rows.append(reports.ReportRow(0, region, code, quarter, report))
    return rows, conflicts
