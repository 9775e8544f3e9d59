"""What an upload would change, row by row, for people to check before saving.

Each report in the file is set against the commitment's previous report: the
value it would replace when the quarter already has one, else the commitment's
latest earlier report, the way the overview's "since last quarter" compares. A
report is *added* when the commitment has no report to compare with, *changed*
when any field differs from it and *unchanged* otherwise; a new quarter that
merely repeats the last one is *not_updated* (core.reports.repeats_previous), which
is not saved unless the person confirms. Against an earlier quarter a blank comment
or next step is no change: they belong to their quarter, and the template leaves them blank.
Newly delayed commitments and progress going backwards are flagged.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
from sqlite_utils import Database

from core.reports import NOT_UPDATED, Change, LoadResult

REVIEW_COLUMNS = (
    "row",
    "region",
    "code",
    "text",
    "quarter",
    "change",
    "compared_quarter",
    "status_before",
    "status_after",
    "progress_before",
    "progress_after",
    "newly_delayed",
    "backwards",
    "changed_fields",
)
FIELDS = ("status", "progress", "comment", "next_step", "owner")
PER_QUARTER = ("comment", "next_step")
CHUNK = 500


def review_frame(db: Database, result: LoadResult) -> pd.DataFrame:
    """One row per report in the file (REVIEW_COLUMNS), in the file's order.

    ``change`` is added, changed or unchanged against the previous report;
    ``changed_fields`` holds (field, before, after) for each field that differs
    from it, e.g. (("status", "on_track", "delayed"),); for an added report,
    each field it sets, with None before.
    """
    ids = sorted({change.commitment_id for change in result.changes})
    texts = _commitment_texts(db, ids)
    earlier = _earlier_reports(db, ids)
    rows = [_review_row(change, texts.get(change.commitment_id, ""), earlier) for change in result.changes]
    frame = pd.DataFrame(rows, columns=REVIEW_COLUMNS)
    for column in ("progress_before", "progress_after"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _review_row(change: Change, text: str, earlier: dict[int, list[tuple]]) -> tuple:
    before = change.old
    compared_quarter: str | None = change.quarter
    if before is None:
        previous = _latest_before(earlier.get(change.commitment_id, []), change.quarter)
        if previous is not None:
            compared_quarter, before = previous[0], previous[1:]
        else:
            compared_quarter = None
    status_before = before[0] if before else None
    progress_before = before[1] if before else None
    status_after, progress_after = change.new[0], change.new[1]
    newly_delayed = status_after == "delayed" and status_before != "delayed"
    backwards = progress_before is not None and progress_after is not None and progress_after < progress_before
    old = before or (None,) * len(FIELDS)
    earlier_quarter = compared_quarter is not None and compared_quarter != change.quarter
    changed_fields = tuple(
        (name, was, now)
        for name, was, now in zip(FIELDS, old, change.new, strict=True)
        # A comment and a next step belong to their quarter: left blank in a new one, they were not removed.
        if was != now and not (earlier_quarter and name in PER_QUARTER and now in (None, ""))
    )
    if change.kind == NOT_UPDATED:
        kind = NOT_UPDATED
    else:
        kind = "added" if before is None else "changed" if changed_fields else "unchanged"
    return (
        change.row,
        change.region,
        change.code,
        text,
        change.quarter,
        kind,
        compared_quarter,
        status_before,
        status_after,
        progress_before,
        progress_after,
        newly_delayed,
        backwards,
        changed_fields,
    )


def _latest_before(reports: list[tuple], quarter: str) -> tuple | None:
    found = None
    for report in reports:  # sorted by quarter
        if report[0] >= quarter:
            break
        found = report
    return found


def _commitment_texts(db: Database, ids: list[int]) -> dict[int, str]:
    texts: dict[int, str] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        texts.update(db.execute(f"SELECT id, text FROM commitments WHERE id IN ({marks})", chunk).fetchall())
    return texts


def _earlier_reports(db: Database, ids: list[int]) -> dict[int, list[tuple]]:
    reports: dict[int, list[tuple]] = defaultdict(list)
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        for commitment_id, *report in db.execute(
            f"SELECT commitment_id, quarter, {', '.join(FIELDS)} FROM status_reports "
            f"WHERE commitment_id IN ({marks}) ORDER BY commitment_id, quarter",
            chunk,
        ):
            reports[commitment_id].append(tuple(report))
    return reports


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]


def review_counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many reports are added, changed, unchanged and not updated against the previous report,
    and how many are flagged."""
    return {
        "added": int((frame["change"] == "added").sum()),
        "changed": int((frame["change"] == "changed").sum()),
        "unchanged": int((frame["change"] == "unchanged").sum()),
        NOT_UPDATED: int((frame["change"] == NOT_UPDATED).sum()),
        "newly_delayed": int(frame["newly_delayed"].sum()),
        "backwards": int(frame["backwards"].sum()),
    }
