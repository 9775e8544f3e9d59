"""Everything the dashboard pages show, read from the database in one go.

:func:`load_dataset` reads the register and every status report into plain
DataFrames once; the pages then filter and aggregate those in memory
(core.filters, core.analysis). The other functions here answer questions about
one region or one commitment straight from the database.

Text columns that always hold a value use pandas' ``str`` dtype. Text that may
be missing (a comment, a hashtag) uses ``object`` and holds ``None``, because
the ``str`` dtype can only hold NaN, which is truthy and reads as "nan".
Empty text in the database counts as missing.

Everything returned is picklable plain data, so the pages can cache it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlite_utils import Database

from core.filters import norwegian_sort_key
from core.lineage import Ending, Step, agreement_name, carried_from, carried_into, ending, lineage_ids, newest
from core.organisation import counties as all_counties
from core.organisation import region_members, region_name_on
from core.register import agreement_for, agreement_for_quarter, find_region
from core.vocabulary import natural_code_key, quarter_end

COMMITMENT_DTYPES: dict[str, str] = {
    "commitment_id": "int64",
    "agreement_id": "int64",
    "region": "str",
    "region_short": "object",
    "period": "str",
    "code": "str",
    "text": "str",
    "focus_number": "object",
    "focus_area": "object",
    "hashtag": "object",
    "council_area": "object",
    "sdgs": "object",
    "position": "int64",
    "deadline": "object",  # as core.register.Commitment: an ISO date or words; None when not given
    "amount": "Int64",  # whole kroner
    "county": "object",  # the agreement's county (counties.name); None for an agreement saved without one
    "council_area_order": "Int64",  # the unit's place among every county's units (core.filters.council_area_order)
}
REPORT_DTYPES: dict[str, str] = {
    "commitment_id": "int64",
    "quarter": "str",
    "status": "str",
    "progress": "Int64",
    "comment": "object",
    "next_step": "object",
    "owner": "object",
    "upload_id": "Int64",
}
AGREEMENT_DTYPES: dict[str, str] = {
    "agreement_id": "int64",
    "region": "str",
    "period": "str",
    "start_year": "Int64",
    "end_year": "Int64",
    "county": "object",
    "succeeds_id": "Int64",  # the agreement this one continues (core.lineage)
}
COUNTY_DTYPES: dict[str, str] = {
    "county": "str",
    "short_name": "str",
    "number": "object",
    "valid_from": "object",  # ISO dates; None: open
    "valid_to": "object",
}
FORMER_NAME_DTYPES: dict[str, str] = {"former": "str", "region": "str"}
# The county's own assessment of a commitment in a quarter, beside the region's report (core.rounds).
ASSESSMENT_DTYPES: dict[str, str] = {
    "commitment_id": "int64",
    "quarter": "str",
    "status": "str",
    "comment": "object",
    "assessed_by": "str",
    "assessed_at": "str",  # ISO, UTC
}
STORY_REPORT_COLUMNS: tuple[str, ...] = ("quarter", "status", "progress", "comment", "next_step", "owner")
# Which commitment of the story each report was filed for, and its agreement: a story runs across agreements.
STORY_AGREEMENT_DTYPES: dict[str, str] = {
    "commitment_id": "int64",
    "county": "object",  # the agreement's county without " fylkeskommune": "Viken"
    "period": "str",
    "code": "str",
}
LINEAGE_DTYPES: dict[str, str] = {
    "predecessor_id": "int64",
    "successor_id": "int64",
    "successor_start": "Int64",  # the first year of the successor's agreement
}


# eq=False: DataFrames have no single truth value, so == between two of these
# could only raise. Identity is the useful equality here.
@dataclass(frozen=True, eq=False)
class Dataset:
    """The register and its status reports, as the pages see them.

    ``commitments``: one row per active commitment (columns as
    COMMITMENT_DTYPES) of every agreement of its region, though only one
    agreement per region is in force in a quarter (see
    :func:`commitments_in_force`); ordered by region (Norwegian alphabetical
    order), agreement start and natural code order. ``sdgs`` is a sorted tuple
    of the effective goals: the commitment's own where it has any, else its
    focus area's.

    ``reports``: one row per status report of those commitments, ordered by
    quarter, then as ``commitments``. core.analysis relies on the quarter
    order, and core.filters keeps it.

    ``quarters``: every quarter with a report, ascending.

    ``agreements``: every agreement of every region, to tell which one is in
    force in a quarter.

    ``counties``: every county (columns as COUNTY_DTYPES), in the order of
    core.organisation.counties: those still in existence first.

    ``lineage``: one row per commitment carried on in another (columns as
    LINEAGE_DTYPES; core.lineage), so a commitment and its successor are not
    both counted (:func:`commitments_in_force`).

    ``former_names``: a region's earlier names (columns ``former``, ``region``), so a link or a
    file written under the old name still finds it.

    ``assessments``: the county's own status and comment per commitment and quarter (columns as
    ASSESSMENT_DTYPES; core.assessments.set_assessments), of the commitments in ``commitments``,
    ordered as ``reports``; core.filters keeps them in step with the reports.
    """

    commitments: pd.DataFrame
    reports: pd.DataFrame
    quarters: tuple[str, ...]
    agreements: pd.DataFrame
    counties: pd.DataFrame = field(default_factory=lambda: frame([], COUNTY_DTYPES))
    lineage: pd.DataFrame = field(default_factory=lambda: frame([], LINEAGE_DTYPES))
    former_names: pd.DataFrame = field(default_factory=lambda: frame([], FORMER_NAME_DTYPES))
    assessments: pd.DataFrame = field(default_factory=lambda: frame([], ASSESSMENT_DTYPES))


SQLITE_MAX_INTEGER = 2**63 - 1


@dataclass(frozen=True)
class LastUpdate:
    uploaded_at: str
    uploaded_by: str
    file_name: str
    kind: str


@dataclass(frozen=True)
class FocusAreaInfo:
    number: str
    title: str
    hashtag: str | None
    sdgs: tuple[int, ...]


@dataclass(frozen=True)
class RegionProfile:
    name: str  # as it is called now
    short_name: str | None
    period: str | None
    title: str | None
    municipalities: tuple[tuple[str, str], ...]
    focus_areas: tuple[FocusAreaInfo, ...]
    agreement: str | None = None  # as people name it: "Akershus 2024–2027" (core.lineage.agreement_name)
    continues: str | None = None  # the agreement it carries on: "Viken 2022–2023"
    name_then: str | None = None  # what it was called in the quarter shown, where that was another name


@dataclass(frozen=True, eq=False)  # eq=False: it holds a DataFrame, as Dataset does.
class CommitmentStory:
    """A commitment's story across agreements (core.lineage): the fields are its newest
    commitment's; ``reports`` holds every report of the story, oldest quarter first, each with its
    commitment and agreement (STORY_REPORT_COLUMNS, then STORY_AGREEMENT_DTYPES)."""

    commitment_id: int  # the newest commitment of the story
    county: str | None  # its agreement's county without " fylkeskommune"
    region: str
    code: str
    text: str
    focus_area: str | None
    hashtag: str | None
    council_area: str | None
    sdgs: tuple[int, ...]
    period: str
    deadline: str | None  # an ISO date or words ("løpende"), as core.register.Commitment
    amount: int | None  # whole kroner
    reports: pd.DataFrame
    carried_from: tuple[Step, ...]  # what the newest carries on (core.lineage.carried_from)
    carried_into: tuple[Step, ...]  # the parts the newest was split into, when it was
    ended: Ending | None  # when it was not carried on into its agreement's successor
    # The county's assessments of the story's commitments (ASSESSMENT_DTYPES), oldest quarter first.
    assessments: pd.DataFrame = field(default_factory=lambda: frame([], ASSESSMENT_DTYPES))


def frame(rows: list[tuple], dtypes: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly these columns and dtypes, also when there are no rows.

    ``object`` columns are built as they are, so None stays None.
    """
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(dtypes)
    return pd.DataFrame(
        {
            name: pd.Series(_object_array(values) if dtype == "object" else values, dtype=dtype)
            for (name, dtype), values in zip(dtypes.items(), columns, strict=True)
        }
    )


def _object_array(values: tuple) -> np.ndarray:
    # np.array would turn a column of tuples into a 2-D array.
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def load_dataset(db: Database) -> Dataset:
    """Read everything the pages need; about a second for 320,000 reports."""
    agreements = frame(
        list(
            db.execute(
                "SELECT a.id, r.name, a.period, a.start_year, a.end_year, co.name, a.succeeds_id "
                "FROM agreements a JOIN regions r ON r.id = a.region_id "
                "LEFT JOIN counties co ON co.id = a.county_id ORDER BY a.id"
            )
        ),
        AGREEMENT_DTYPES,
    )
    commitments = _load_commitments(db)
    reports = frame(
        list(
            db.execute(
                """
                SELECT s.commitment_id, s.quarter, s.status, s.progress, nullif(s.comment, ''),
                       nullif(s.next_step, ''), nullif(s.owner, ''), s.upload_id
                FROM status_reports s JOIN commitments c ON c.id = s.commitment_id
                WHERE c.active = 1
                """
            )
        ),
        REPORT_DTYPES,
    )
    order = pd.Series(np.arange(len(commitments)), index=commitments["commitment_id"].to_numpy())
    reports = _in_report_order(reports, order)
    assessments = _in_report_order(
        frame(
            list(
                db.execute(
                    """
                    SELECT s.commitment_id, s.quarter, s.status, nullif(s.comment, ''), s.assessed_by, s.assessed_at
                    FROM county_assessments s JOIN commitments c ON c.id = s.commitment_id
                    WHERE c.active = 1
                    """
                )
            ),
            ASSESSMENT_DTYPES,
        ),
        order,
    )
    quarters = tuple(sorted(reports["quarter"].unique()))
    counties = frame(
        [
            (
                county.name,
                county.short_name,
                county.number,
                county.valid_from.isoformat() if county.valid_from else None,
                county.valid_to.isoformat() if county.valid_to else None,
            )
            for county in all_counties(db)
        ],
        COUNTY_DTYPES,
    )
    lineage = frame(
        list(
            db.execute(
                "SELECT l.predecessor_id, l.successor_id, a.start_year FROM commitment_lineage l "
                "JOIN commitments c ON c.id = l.successor_id JOIN agreements a ON a.id = c.agreement_id"
            )
        ),
        LINEAGE_DTYPES,
    )
    former_names = frame(
        list(
            db.execute(
                "SELECT n.name, r.name FROM region_names n JOIN regions r ON r.id = n.region_id "
                "ORDER BY n.valid_to DESC, n.name"
            )
        ),
        FORMER_NAME_DTYPES,
    )
    return Dataset(commitments, reports, quarters, agreements, counties, lineage, former_names, assessments)


def _in_report_order(rows: pd.DataFrame, order: pd.Series) -> pd.DataFrame:
    """Rows by quarter, then in the commitments' order (``order``: each commitment id's place)."""
    return (
        rows.assign(_order=rows["commitment_id"].map(order).to_numpy())
        .sort_values(["quarter", "_order"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def load_revision(db: Database) -> tuple[int, Dataset]:
    """The database's revision (``meta.revision``) and :func:`load_dataset`, read in one
    transaction: in WAL mode that sees one state of the file, so the dataset is exactly that
    revision's even while others write."""
    with db.conn:
        db.conn.execute("BEGIN")
        number = db.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]
        return number, load_dataset(db)


def _council_area_order(db: Database) -> dict[int, int]:
    """Each unit's place: by county as core.organisation.counties orders them, then as its county lists them."""
    county_rank = {county.id: rank for rank, county in enumerate(all_counties(db))}
    units = db.execute("SELECT id, county_id, position FROM council_areas").fetchall()
    ordered = sorted(units, key=lambda unit: (county_rank.get(unit[1], len(county_rank)), unit[2], unit[0]))
    return {unit_id: rank for rank, (unit_id, _, _) in enumerate(ordered)}


def _load_commitments(db: Database) -> pd.DataFrame:
    unit_order = _council_area_order(db)
    own_sdgs = _sdgs_by(db, "SELECT commitment_id, sdg FROM commitment_sdgs")
    focus_sdgs = _sdgs_by(db, "SELECT focus_area_id, sdg FROM focus_area_sdgs")
    region_key = functools.cache(norwegian_sort_key)
    keyed = []
    # One pass in Python over the commitments (not the reports) is cheap enough.
    for (
        commitment_id,
        region,
        short_name,
        period,
        code,
        text,
        focus_number,
        focus_area,
        hashtag,
        council_area,
        focus_area_id,
        position,
        start_year,
        agreement_id,
        deadline,
        amount,
        county,
        council_area_id,
    ) in db.execute(
        """
        SELECT c.id, r.name, nullif(r.short_name, ''), a.period, c.code, c.text, f.number,
               f.title, nullif(f.hashtag, ''), ca.name, c.focus_area_id, c.position,
               coalesce(a.start_year, 0), a.id, nullif(c.deadline, ''), c.amount, co.name,
               c.council_area_id
        FROM commitments c
        JOIN agreements a ON a.id = c.agreement_id
        JOIN regions r ON r.id = a.region_id
        LEFT JOIN focus_areas f ON f.id = c.focus_area_id
        LEFT JOIN council_areas ca ON ca.id = c.council_area_id
        LEFT JOIN counties co ON co.id = a.county_id
        WHERE c.active = 1
        """
    ):
        sdgs = own_sdgs.get(commitment_id) or focus_sdgs.get(focus_area_id, ())
        keyed.append(
            (
                (region_key(region), start_year, agreement_id, natural_code_key(code)),
                (
                    commitment_id,
                    agreement_id,
                    region,
                    short_name,
                    period,
                    code,
                    text,
                    focus_number,
                    focus_area,
                    hashtag,
                    council_area,
                    sdgs,
                    position,
                    deadline,
                    amount,
                    county,
                    unit_order.get(council_area_id),
                ),
            )
        )
    keyed.sort(key=lambda item: item[0])
    return frame([row for _, row in keyed], COMMITMENT_DTYPES)


def _sdgs_by(db: Database, sql: str, params: tuple = ()) -> dict[int, tuple[int, ...]]:
    """Sorted SDG numbers by owner, from rows of (owner, sdg)."""
    sdgs: dict[int, list[int]] = {}
    for owner, sdg in db.execute(sql, params):
        sdgs.setdefault(owner, []).append(sdg)
    return {owner: tuple(sorted(numbers)) for owner, numbers in sdgs.items()}


def agreements_in_force(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """The agreement in force in a quarter, one row per region (columns as ``Dataset.agreements``).

    The same rule the loaders use to file a report (core.register.agreement_for_quarter):
    the agreement whose period covers the quarter's year, else the latest that
    started before it, else the region's latest. With no quarter, the latest.
    """
    agreements = dataset.agreements
    if quarter is None:
        rank = np.zeros(len(agreements), dtype="int64")
    else:
        year = int(quarter[:4])
        begun = (agreements["start_year"] <= year).fillna(False)
        covers = begun & (agreements["end_year"] >= year).fillna(False)
        rank = np.select([covers, begun], [0, 1], 2)
    return (
        agreements.assign(_rank=rank, _started=agreements["start_year"].fillna(0))
        .sort_values(["_rank", "_started", "agreement_id"], ascending=[True, False, False])
        .drop_duplicates("region")
        .drop(columns=["_rank", "_started"])
        .sort_index()
    )


def commitments_in_force(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """The commitments of the agreements in force in a quarter.

    A region that renewed its agreement has the old and the new commitments
    active at once; counting both would report every renewed code twice.
    An agreement that continues another (core.lineage) takes over from it in
    the year it begins, also when the two are other regions': before that the
    predecessor is in force, from then on (and with no quarter) the successor.
    A commitment carried on in another is counted once likewise, also when a
    filter left one of the two out.
    """
    commitments = dataset.commitments
    agreements = dataset.agreements
    if not agreements["region"].is_unique:
        # Otherwise a shortcut worth having: a region's only agreement is always in force.
        in_force = agreements_in_force(dataset, quarter)["agreement_id"]
        commitments = commitments[commitments["agreement_id"].isin(in_force)]
    successors = agreements[agreements["succeeds_id"].notna()]
    if not successors.empty:
        begun = _begun(successors["start_year"], quarter)
        over = np.concatenate(
            [successors["succeeds_id"].to_numpy(dtype="int64")[begun], successors["agreement_id"].to_numpy()[~begun]]
        )
        commitments = commitments[~commitments["agreement_id"].isin(over)]
    links = dataset.lineage
    if links.empty:
        return commitments
    begun = _begun(links["successor_start"], quarter)
    left_out = np.concatenate([links["predecessor_id"].to_numpy()[begun], links["successor_id"].to_numpy()[~begun]])
    return commitments[~commitments["commitment_id"].isin(left_out)]


def _begun(start_years: pd.Series, quarter: str | None) -> np.ndarray:
    """Whether each successor's agreement has begun by the quarter's year; with no quarter, or
    no start year, it has."""
    if quarter is None:
        return np.ones(len(start_years), dtype=bool)
    return (start_years <= int(quarter[:4])).fillna(True).to_numpy(dtype=bool)


def last_update(db: Database) -> LastUpdate | None:
    """The newest upload of any kind that has not been rolled back."""
    row = db.execute(
        "SELECT uploaded_at, uploaded_by, file_name, kind FROM uploads "
        "WHERE rolled_back_at IS NULL ORDER BY uploaded_at DESC, id DESC LIMIT 1"
    ).fetchone()
    return LastUpdate(*row) if row else None


def upload_summary(db: Database, upload_id: int) -> LastUpdate | None:
    """One upload's time, uploader, file and kind; None for an id that is not in the log."""
    row = db.execute(
        "SELECT uploaded_at, uploaded_by, file_name, kind FROM uploads WHERE id = ?", [upload_id]
    ).fetchone()
    return LastUpdate(*row) if row else None


def region_profile(db: Database, region_name: str, quarter: str | None = None) -> RegionProfile:
    """A region and its agreement: the one in force in ``quarter`` ("2024-Q1"), as the pages'
    commitments are (core.register.agreement_for_quarter), else the latest by start year.

    ``region_name`` may be the full or the short name; UnknownRegion if neither.
    Municipalities are the members on the quarter's last day (the current ones without a quarter),
    with their numbers then (3014 in 2023, 3118 in 2025), in number order; focus areas in the
    agreement's order.
    """
    region = find_region(db, region_name)
    day = quarter_end(quarter) if quarter else None
    municipalities = tuple((member.number, member.name) for member in region_members(db, region.id, day))
    agreement_id = agreement_for_quarter(db, region.id, quarter) if quarter else agreement_for(db, region.id)
    called = region_name_on(db, region.id, day) if day else region.name
    name_then = called if called != region.name else None
    if agreement_id is None:
        return RegionProfile(region.name, region.short_name, None, None, municipalities, (), name_then=name_then)
    period, title = db.execute(
        "SELECT period, nullif(title, '') FROM agreements WHERE id = ?", (agreement_id,)
    ).fetchone()
    focus_sdgs = _sdgs_by(
        db,
        "SELECT fs.focus_area_id, fs.sdg FROM focus_area_sdgs fs "
        "JOIN focus_areas f ON f.id = fs.focus_area_id WHERE f.agreement_id = ?",
        (agreement_id,),
    )
    focus_areas = tuple(
        FocusAreaInfo(number, focus_title, hashtag, focus_sdgs.get(focus_id, ()))
        for focus_id, number, focus_title, hashtag in db.execute(
            "SELECT id, number, title, nullif(hashtag, '') FROM focus_areas "
            "WHERE agreement_id = ? AND active = 1 ORDER BY position, id",
            (agreement_id,),
        )
    )
    (succeeds_id,) = db.execute("SELECT succeeds_id FROM agreements WHERE id = ?", (agreement_id,)).fetchone()
    return RegionProfile(
        region.name,
        region.short_name,
        period,
        title,
        municipalities,
        focus_areas,
        agreement=agreement_name(db, agreement_id),
        continues=agreement_name(db, succeeds_id) if succeeds_id is not None else None,
        name_then=name_then,
    )


def commitment_story(db: Database, commitment_id: int) -> CommitmentStory | None:
    """A commitment's story, retired or not: its newest commitment (core.lineage.newest) and every
    status reported for the commitments it carries on across agreements, oldest quarter first
    (then oldest agreement, then code). ``commitment_id`` may be any commitment of the story.

    None if there is no such commitment, also for an id no SQLite row can have (a link such as
    ``?commitment=99999999999999999999``, which SQLite would refuse with an OverflowError).
    """
    if not 0 < commitment_id <= SQLITE_MAX_INTEGER:
        return None
    if db.execute("SELECT 1 FROM commitments WHERE id = ?", (commitment_id,)).fetchone() is None:
        return None
    head = newest(db, commitment_id)
    ids = lineage_ids(db, head)
    region, code, text, focus_area, hashtag, council_area, period, focus_area_id, deadline, amount, county = db.execute(
        """
        SELECT r.name, c.code, c.text, f.title, nullif(f.hashtag, ''), ca.name, a.period, c.focus_area_id,
               nullif(c.deadline, ''), c.amount, replace(co.name, ' fylkeskommune', '')
        FROM commitments c
        JOIN agreements a ON a.id = c.agreement_id
        JOIN regions r ON r.id = a.region_id
        LEFT JOIN focus_areas f ON f.id = c.focus_area_id
        LEFT JOIN council_areas ca ON ca.id = c.council_area_id
        LEFT JOIN counties co ON co.id = a.county_id
        WHERE c.id = ?
        """,
        (head,),
    ).fetchone()
    own = _sdgs_by(db, "SELECT commitment_id, sdg FROM commitment_sdgs WHERE commitment_id = ?", (head,))
    inherited = _sdgs_by(db, "SELECT focus_area_id, sdg FROM focus_area_sdgs WHERE focus_area_id = ?", (focus_area_id,))
    sdgs = own.get(head) or inherited.get(focus_area_id, ())
    order = {id_: position for position, id_ in enumerate(ids)}
    rows = db.execute(
        "SELECT s.quarter, s.status, s.progress, nullif(s.comment, ''), nullif(s.next_step, ''), nullif(s.owner, ''), "
        "c.id, replace(co.name, ' fylkeskommune', ''), a.period, c.code "
        "FROM status_reports s JOIN commitments c ON c.id = s.commitment_id "
        "JOIN agreements a ON a.id = c.agreement_id LEFT JOIN counties co ON co.id = a.county_id "
        f"WHERE s.commitment_id IN ({','.join('?' * len(ids))})",
        ids,
    ).fetchall()
    rows.sort(key=lambda row: (row[0], order[row[6]]))
    reports = frame(rows, {**{name: REPORT_DTYPES[name] for name in STORY_REPORT_COLUMNS}, **STORY_AGREEMENT_DTYPES})
    assessed = db.execute(
        "SELECT commitment_id, quarter, status, nullif(comment, ''), assessed_by, assessed_at FROM county_assessments "
        f"WHERE commitment_id IN ({','.join('?' * len(ids))})",
        ids,
    ).fetchall()
    assessed.sort(key=lambda row: (row[1], order[row[0]]))
    return CommitmentStory(
        head,
        county,
        region,
        code,
        text,
        focus_area,
        hashtag,
        council_area,
        sdgs,
        period,
        deadline,
        amount,
        reports,
        carried_from(db, head),
        carried_into(db, head),
        ending(db, head),
        frame(assessed, ASSESSMENT_DTYPES),
    )
