"""Read-only queries that return plain rows (lists of dicts) for exports and pages.

Rows carry canonical values: status keys ("on_track"), quarters as "YYYY-Qn",
full region names, the county of the row's agreement by its full name, and ``None``
where nothing was reported. Presentation
(Norwegian labels, "2. kv. 2024") is left to the caller.
"""

from __future__ import annotations

from sqlite_utils import Database

from core.errors import InvalidQuarter
from core.register import agreement_county_id, find_region, region_lookup
from core.vocabulary import clean_text, fold, natural_code_key, parse_quarter

STATUS_COLUMNS: tuple[str, ...] = (
    "region",
    "code",
    "quarter",
    "status",
    "progress",
    "comment",
    "next_step",
    "owner",
    "county",
)
COMMITMENT_COLUMNS: tuple[str, ...] = (
    "region",
    "code",
    "text",
    "focus_area",
    "hashtag",
    "council_area",
    "sdgs",
    "deadline",
    "amount",
    "county",
)


def quarter_argument(value: str) -> str:
    """ "YYYY-Qn" for a quarter written any way people write one, else InvalidQuarter."""
    quarter = parse_quarter(value)
    if quarter is None:
        raise InvalidQuarter("core.invalid_quarter", value=clean_text(value))
    return quarter


def _region_filter(db: Database, region: str | None) -> tuple[str, dict]:
    if region is None:
        return "", {}
    return "AND r.id = :region_id", {"region_id": find_region(db, region).id}


def status_rows(db: Database, region: str | None = None, quarter: str | None = None) -> list[dict]:
    """Every reported status of active commitments, by region, code and quarter.

    ``region`` is a full or short name (UnknownRegion if neither); ``quarter``
    limits the rows to one quarter (InvalidQuarter if it is not one).
    """
    where, params = _region_filter(db, region)
    if quarter is not None:
        where += " AND s.quarter = :quarter"
        params["quarter"] = quarter_argument(quarter)
    cursor = db.execute(
        f"""
        SELECT r.name, c.code, s.quarter, s.status, s.progress,
               nullif(s.comment, ''), nullif(s.next_step, ''), nullif(s.owner, ''), co.name
        FROM status_reports s
        JOIN commitments c ON c.id = s.commitment_id
        JOIN agreements a ON a.id = c.agreement_id
        JOIN regions r ON r.id = a.region_id
        LEFT JOIN counties co ON co.id = a.county_id
        WHERE c.active = 1 {where}
        """,
        params,
    )
    rows = [dict(zip(STATUS_COLUMNS, row, strict=True)) for row in cursor]
    # Natural code order cannot be expressed in SQL; a key per distinct code
    # keeps the sort cheap when there are hundreds of thousands of rows.
    code_keys = {code: natural_code_key(code) for code in {row["code"] for row in rows}}
    rows.sort(key=lambda row: (row["region"], code_keys[row["code"]], row["quarter"]))
    return rows


def commitment_rows(db: Database, region: str | None = None) -> list[dict]:
    """Active commitments of each region's current agreement, by region and code.

    The current agreement is the latest by start year, as in
    core.register.agreement_for: a region that has renewed its agreement would
    otherwise list every code twice. ``sdgs`` holds the effective goals joined
    by ";": the commitment's own where it has any, else its focus area's.
    """
    where, params = _region_filter(db, region)
    # Before SQLite 3.44 group_concat takes no ORDER BY; the subqueries walk the
    # (id, sdg) primary keys, which yields the goals in ascending order.
    cursor = db.execute(
        f"""
        WITH current_agreements AS (
            SELECT id, region_id, county_id FROM (
                SELECT id, region_id, county_id, row_number() OVER (
                    PARTITION BY region_id ORDER BY coalesce(start_year, 0) DESC, id DESC
                ) AS rank
                FROM agreements
            )
            WHERE rank = 1
        )
        SELECT r.name, c.code, c.text, f.title, nullif(f.hashtag, ''), ca.name,
               coalesce(
                   (SELECT group_concat(sdg, ';') FROM
                       (SELECT sdg FROM commitment_sdgs WHERE commitment_id = c.id ORDER BY sdg)),
                   (SELECT group_concat(sdg, ';') FROM
                       (SELECT sdg FROM focus_area_sdgs WHERE focus_area_id = c.focus_area_id ORDER BY sdg))
               ),
               nullif(c.deadline, ''), c.amount, co.name
        FROM commitments c
        JOIN current_agreements a ON a.id = c.agreement_id
        JOIN regions r ON r.id = a.region_id
        LEFT JOIN focus_areas f ON f.id = c.focus_area_id
        LEFT JOIN council_areas ca ON ca.id = c.council_area_id
        LEFT JOIN counties co ON co.id = a.county_id
        WHERE c.active = 1 {where}
        """,
        params,
    )
    rows = [dict(zip(COMMITMENT_COLUMNS, row, strict=True)) for row in cursor]
    rows.sort(key=lambda row: (row["region"], natural_code_key(row["code"])))
    return rows


def council_area_names(db: Database, county_id: int | None = None) -> list[str]:
    """The county's units in use, in the order the county lists them; with no county, every
    county's (a name two counties use once)."""
    condition, params = ("AND county_id = ?", (county_id,)) if county_id is not None else ("", ())
    names = db.execute(
        f"SELECT name FROM council_areas WHERE active = 1 {condition} ORDER BY county_id, position, id", params
    )
    return list(dict.fromkeys(name for (name,) in names))


def agreement_council_areas(db: Database, region: str, period: str | None = None) -> list[str]:
    """The units of the county the region's agreement for ``period`` belongs to
    (core.register.agreement_county_id; no period: its latest agreement's); every county's for a
    region not in the register or without a county yet."""
    found = region_lookup(db).get(fold(clean_text(region)))
    county_id = agreement_county_id(db, found.id, period or "") if found is not None else None
    return council_area_names(db, county_id)
