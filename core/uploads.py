"""The uploads log: every file that changed the database, who loaded it and what it did."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from core.db import inserted_id
from core.vocabulary import clean_text


@dataclass(frozen=True)
class Upload:
    id: int
    kind: str
    file_name: str
    sha256: str
    uploaded_by: str
    uploaded_at: str
    quarters: str | None
    added: int
    changed: int
    unchanged: int
    rolled_back_at: str | None
    rolled_back_by: str | None


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def file_sha256(path: str | os.PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def record_upload(
    db: Database,
    *,
    kind: str,
    file_name: str | os.PathLike,
    sha256: str,
    user: str,
    quarters: list[str] | None = None,
    added: int = 0,
    changed: int = 0,
    unchanged: int = 0,
) -> int:
    """Add a line to the log; the caller holds the write transaction."""
    return inserted_id(
        db.conn.execute(
            "INSERT INTO uploads "
            "(kind, file_name, sha256, uploaded_by, uploaded_at, quarters, added, changed, unchanged) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kind,
                clean_text(Path(file_name).name),
                sha256,
                user,
                now_utc(),
                ", ".join(quarters) if quarters else None,
                added,
                changed,
                unchanged,
            ),
        )
    )


def list_uploads(db: Database) -> list[Upload]:
    return [
        Upload(*row)
        for row in db.execute(
            "SELECT id, kind, file_name, sha256, uploaded_by, uploaded_at, quarters, added, changed, "
            "unchanged, rolled_back_at, rolled_back_by FROM uploads ORDER BY id DESC"
        )
    ]


def get_upload(db: Database, upload_id: int) -> Upload | None:
    row = db.execute(
        "SELECT id, kind, file_name, sha256, uploaded_by, uploaded_at, quarters, added, changed, "
        "unchanged, rolled_back_at, rolled_back_by FROM uploads WHERE id = ?",
        (upload_id,),
    ).fetchone()
    return Upload(*row) if row else None


UPLOAD_CHANGE_COLUMNS = (
    "region",
    "code",
    "text",
    "quarter",
    "change",
    "status_before",
    "progress_before",
    "comment_before",
    "status_after",
    "progress_after",
    "comment_after",
)


def upload_changes(db: Database, upload_id: int) -> list[dict]:
    """What an upload wrote, each report with the value it replaced (UPLOAD_CHANGE_COLUMNS).

    ``change`` is "added" when there was no report before, else "changed".
    Kept for good, so this holds after later uploads or a rollback too.
    """
    rows = db.execute(
        """
        SELECT r.name, c.code, c.text, v.quarter,
               CASE WHEN h.id IS NULL THEN 'added' ELSE 'changed' END,
               h.status, h.progress, h.comment, v.status, v.progress, v.comment
        FROM upload_values v
        JOIN commitments c ON c.id = v.commitment_id
        JOIN agreements a ON a.id = c.agreement_id
        JOIN regions r ON r.id = a.region_id
        LEFT JOIN status_history h
          ON h.replaced_by_upload_id = v.upload_id AND h.commitment_id = v.commitment_id AND h.quarter = v.quarter
        WHERE v.upload_id = ?
        ORDER BY r.name, v.quarter, c.position, c.id
        """,
        (upload_id,),
    ).fetchall()
    return [dict(zip(UPLOAD_CHANGE_COLUMNS, row, strict=True)) for row in rows]
