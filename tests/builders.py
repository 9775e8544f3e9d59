"""Build a register and status reports in code, for tests.

    from core.register import Agreement, Commitment, FocusArea
    from tests.builders import add_reports, build_register

    build_register(db, regions={
        "Indre Østfold regionråd": {
            "short_name": "Indre Østfold",
            "agreements": [
                Agreement(
                    "2024-2027",
                    focus_areas=[FocusArea("1", "Klima og miljø", "#klima", [13])],
                    commitments=[Commitment("1.1", "Kartlegge klimagassutslipp", "1", "Plan, klima og miljø")],
                )
            ],
        },
    })
    add_reports(db, [("Indre Østfold", "1.1", "2024-Q2", "on_track", 40, "Godt i gang", None, "Kari")])

Regions, agreements, focus areas and commitments go through core.register,
the same code the loaders use, so tests see what a real import would store.
Calling build_register again with fewer commitments retires the missing ones
(active = 0), just as re-importing an agreement does.
"""

from __future__ import annotations

from sqlite_utils import Database

from core.db import write_transaction
from core.register import Region, agreement_for_quarter, ensure_region, find_region, save_agreement
from core.uploads import record_upload
from core.users import User

# The core checks a user's role and scope, not that the account is in the
# database, so a User value is all most tests need.
ADMIN = User(id=0, username="admin", name="Admin", email=None, role="administrator")


class UnknownCommitment(LookupError):
    """A report names a code the region's agreement for that quarter does not have."""


REPORT_FIELDS = ("region", "code", "quarter", "status", "progress", "comment", "next_step", "owner")


def build_register(db: Database, regions: dict[str, dict]) -> dict[str, Region]:
    """Create or update regions with their agreements in one transaction.

    ``regions`` maps each full name to a dict with the optional keys
    ``agreements`` (list of core.register.Agreement, saved in order),
    ``short_name`` and ``municipalities`` (number to name, as ensure_region
    takes); ``{}`` makes a region without an agreement. Returns the regions by
    full name.
    """
    saved: dict[str, Region] = {}
    with write_transaction(db):
        for name, spec in regions.items():
            region = ensure_region(db, name, spec.get("short_name"), spec.get("municipalities"))
            for agreement in spec.get("agreements", []):
                save_agreement(db, region, agreement)
            saved[name] = region
    return saved


def add_reports(db: Database, reports: list[tuple], *, file_name: str = "test.xlsx", user: str = "test") -> int:
    """Insert status reports as one upload and return the upload's id.

    Each report is a tuple in REPORT_FIELDS order; trailing fields may be left
    out and count as None. The region is a full or short name, the status a
    canonical key ("on_track") and the quarter "YYYY-Qn". The commitment is
    looked up in the agreement in force that quarter. Rows are inserted as they
    are, so a report that already exists raises sqlite3.IntegrityError.
    """
    padding = (None,) * len(REPORT_FIELDS)
    rows = [dict(zip(REPORT_FIELDS, (*report, *padding[len(report) :]))) for report in reports]
    with write_transaction(db):
        upload_id = record_upload(
            db,
            kind="status",
            file_name=file_name,
            sha256="0" * 64,
            user=user,
            quarters=sorted({row["quarter"] for row in rows}),
            added=len(rows),
        )
        for row in rows:
            values = (
                _commitment_id(db, row["region"], row["code"], row["quarter"]),
                row["quarter"],
                row["status"],
                row["progress"],
                row["comment"],
                row["next_step"],
                row["owner"],
                upload_id,
            )
            # As the status loader does: the report, and the record of what the upload wrote.
            for table in ("status_reports", "upload_values"):
                db.conn.execute(
                    f"INSERT INTO {table} "
                    "(commitment_id, quarter, status, progress, comment, next_step, owner, upload_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    values,
                )
    return upload_id


def _commitment_id(db: Database, region_name: str, code: str, quarter: str) -> int:
    region = find_region(db, region_name)
    row = db.execute(
        "SELECT id FROM commitments WHERE agreement_id = ? AND code = ?",
        (agreement_for_quarter(db, region.id, quarter), code),
    ).fetchone()
    if row is None:
        raise UnknownCommitment(f"{region.name} has no commitment {code} in {quarter}")
    return row[0]
