"""The county's own assessment of a commitment in a quarter, beside the region's report.

The agreements are between equal partners: where the county's status differs from the region's
(core.analysis.assessment_differences), Oversikt, Tiltak and the PDF brief say so. An assessment is
recorded by the county's side (:func:`may_assess`) and is not locked by an approval; every value it
replaces is kept in ``county_assessment_history``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlite_utils import Database

from core.db import write_transaction
from core.errors import NotAllowed
from core.rounds import unit_of
from core.uploads import now_utc
from core.vocabulary import STATUS_KEYS, clean_paragraphs

if TYPE_CHECKING:
    from core.users import User


@dataclass(frozen=True)
class Assessment:
    """The county's view of a commitment in a quarter, beside the region's report."""

    commitment_id: int
    quarter: str
    status: str  # a STATUS_KEYS key
    comment: str | None
    assessed_by: str
    assessed_at: str  # ISO, UTC


@dataclass(frozen=True)
class AssessmentResult:
    added: int
    changed: int
    removed: int


def may_assess(user: User, county: str | None, council_area: str | None) -> bool:
    """Whether the user speaks for the county on a commitment: an administrator, or a reporter who
    holds the agreement's county or the unit that follows the commitment up."""
    if user.is_admin:
        return True
    if user.role != "rapportor":
        return False
    return (county is not None and county in user.counties) or (
        council_area is not None and (county, council_area) in user.units
    )


def set_assessments(
    db: Database, quarter: str, assessments: Mapping[int, tuple[str, str | None] | None], *, user: User
) -> AssessmentResult:
    """Record the county's (status, comment) per commitment id for ``quarter``; None withdraws one.

    All or nothing, in one transaction; the values replaced are kept in
    county_assessment_history. A commitment the user may not assess for raises NotAllowed,
    a status that is not a STATUS_KEYS key ValueError (callers parse words with parse_status).
    """
    for value in assessments.values():
        if value is not None and value[0] not in STATUS_KEYS:
            raise ValueError(f"unknown status key {value[0]!r}")
    added = changed = removed = 0
    with write_transaction(db):
        for commitment_id in assessments:
            if not may_assess(user, *unit_of(db, commitment_id)):
                raise NotAllowed("core.round.may_not_assess", name=user.name)
        at = now_utc()
        for commitment_id, value in assessments.items():
            old = db.execute(
                "SELECT status, comment, assessed_by, assessed_at FROM county_assessments "
                "WHERE commitment_id = ? AND quarter = ?",
                (commitment_id, quarter),
            ).fetchone()
            new = None if value is None else (value[0], clean_paragraphs(value[1] or "") or None)
            if (old[:2] if old else None) == new:
                continue
            db.execute(
                "INSERT INTO county_assessment_history (commitment_id, quarter, status, comment, assessed_by, "
                "assessed_at, replaced_by, replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (commitment_id, quarter, *(old or (None,) * 4), user.signature, at),
            )
            if new is None:
                db.execute(
                    "DELETE FROM county_assessments WHERE commitment_id = ? AND quarter = ?", (commitment_id, quarter)
                )
                removed += 1
                continue
            db.execute(
                "INSERT INTO county_assessments (commitment_id, quarter, status, comment, assessed_by, assessed_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (commitment_id, quarter) DO UPDATE SET "
                "status = excluded.status, comment = excluded.comment, assessed_by = excluded.assessed_by, "
                "assessed_at = excluded.assessed_at",
                (commitment_id, quarter, *new, user.signature, at),
            )
            if old:
                changed += 1
            else:
                added += 1
    return AssessmentResult(added, changed, removed)


def assessments(
    db: Database, *, commitment_ids: Iterable[int] | None = None, quarter: str | None = None
) -> list[Assessment]:
    """The county's assessments standing, by quarter and commitment."""
    ids = None if commitment_ids is None else set(commitment_ids)
    rows = db.execute(
        "SELECT commitment_id, quarter, status, comment, assessed_by, assessed_at FROM county_assessments "
        "WHERE (:quarter IS NULL OR quarter = :quarter) ORDER BY quarter, commitment_id",
        {"quarter": quarter},
    ).fetchall()
    return [Assessment(*row) for row in rows if ids is None or row[0] in ids]
