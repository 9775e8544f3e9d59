"""Status reports written to the register: saving checked reports, and rolling an upload back.

The loaders turn files into ``ReportRow`` lists; this module plans what saving them
would change (new, changed, unchanged), writes them in one ``BEGIN IMMEDIATE``
transaction with the values they replace kept in ``status_history``, and restores
those values on rollback. A reporter's rows are checked against what they hold here,
so every caller (file, browser, script) gets the same answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from sqlite_utils import Database

# The module, not its names: core.register saves an agreement's first reports through this module,
# so each imports the other, and names are looked up when used rather than at import.
from core import register, rounds
from core.access import holds, require_admin, require_reporter, scope_text
from core.db import write_transaction
from core.errors import AlreadyRolledBack, NotAllowed, NotRollbackable, QuarterLocked, RollbackConflict, UnknownUpload
from core.i18n import Deferred, Text, t
from core.uploads import get_upload, now_utc, record_upload
from core.vocabulary import natural_code_key

if TYPE_CHECKING:
    # Only named in annotations: core.users reaches this module through core.register at import.
    from core.users import User


@dataclass
class Report:
    commitment_id: int
    quarter: str
    status: str
    progress: int | None
    comment: str | None = None
    next_step: str | None = None
    owner: str | None = None

    def values(self) -> tuple:
        return (self.status, self.progress, self.comment, self.next_step, self.owner)


class Change(NamedTuple):
    kind: str  # added | changed | unchanged | not_updated (see repeats_previous)
    region: str
    code: str
    quarter: str
    old: tuple | None  # (status, progress, comment, next_step, owner) before
    new: tuple
    row: int | None  # Excel row the report came from
    commitment_id: int
    repeats_quarter: str | None = None  # for a row not updated, the quarter of the report it repeats


@dataclass(frozen=True)
class MissingCommitment:
    region: str
    code: str
    text: str
    quarter: str


@dataclass
class LoadResult:
    upload_id: int | None
    added: int
    changed: int
    unchanged: int
    changes: list[Change] = field(default_factory=list)
    missing: list[MissingCommitment] = field(default_factory=list)
    warnings: list[Text] = field(default_factory=list)
    dry_run: bool = False
    already_loaded_as: int | None = None  # an earlier upload of the very same file
    not_updated: int = 0  # rows that only repeat the previous report, left out unless kept

    @property
    def only_not_updated(self) -> bool:
        """Whether every row of the file merely repeats the previous report, so nothing is saved."""
        return bool(self.not_updated) and not (self.added or self.changed or self.unchanged)

    @property
    def summary(self) -> str:
        """The one-line outcome in bokmål, as the command line prints it."""
        return self.message("nb")

    def message(self, lang: str = "nb") -> str:
        """The one-line outcome in ``lang``: saved as which upload, or why nothing was, with the counts."""
        counts = {"added": self.added, "changed": self.changed, "unchanged": self.unchanged}
        if self.only_not_updated:
            key = "core.result.only_not_updated_dry_run" if self.dry_run else "core.result.only_not_updated"
            return t(key, lang, count=self.not_updated)
        if self.dry_run:
            message = t("core.result.dry_run", lang, **counts)
        elif self.upload_id is None:
            message = t("core.result.nothing", lang, **counts)
        else:
            message = t("upload.saved", lang, upload=self.upload_id, **counts)
        if self.not_updated:
            key = "core.result.not_updated_dry_run" if self.dry_run else "core.result.not_updated"
            message += " " + t(key, lang, count=self.not_updated)
        return message


@dataclass(frozen=True)
class RollbackResult:
    upload_id: int
    restored: int
    removed: int

    @property
    def summary(self) -> str:
        """The one-line outcome in bokmål, as the command line prints it."""
        return self.message("nb")

    def message(self, lang: str = "nb") -> str:
        """The one-line outcome in ``lang``: how many reports got earlier values back, how many were removed."""
        return t("core.result.rolled_back", lang, upload=self.upload_id, restored=self.restored, removed=self.removed)


@dataclass
class ReportRow:
    """A checked report with where it came from: the file's row (0 without a file), region and code."""

    row: int
    region: register.Region
    code: str
    quarter: str
    report: Report


def outside_scope(db: Database, rows: list[ReportRow], user: User) -> list[tuple[ReportRow, str | None]]:
    """The rows the user may not report for, each with its commitment's council area.

    Region and council area come from the register, not the row, so reports
    saved without a file are checked the same way.
    """
    if user.is_admin:
        return []
    scopes = commitment_scopes(db, {row.report.commitment_id for row in rows})
    return [
        (row, scopes[row.report.commitment_id][1]) for row in rows if not holds(user, *scopes[row.report.commitment_id])
    ]


def commitment_scopes(db: Database, commitment_ids: set[int]) -> dict[int, tuple[str, str | None, str | None]]:
    """(region, council area, the agreement's county) of each commitment."""
    ids = sorted(commitment_ids)
    found: dict[int, tuple[str, str | None, str | None]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for commitment_id, region, area, county in db.execute(
            "SELECT c.id, r.name, a.name, co.name FROM commitments c JOIN agreements g ON g.id = c.agreement_id "
            "JOIN regions r ON r.id = g.region_id LEFT JOIN council_areas a ON a.id = c.council_area_id "
            f"LEFT JOIN counties co ON co.id = g.county_id WHERE c.id IN ({', '.join('?' for _ in chunk)})",
            chunk,
        ):
            found[commitment_id] = (region, area, county)
    return found


# --- saving -----------------------------------------------------------------------------


def save_reports(
    db: Database, reports: list[Report], *, kind: str, file_name: str, sha256: str, user: User
) -> LoadResult:
    """Save reports that are already checked (the demo builder and tests use this).

    No file means no parse_sheet to check the user's scope, so it is checked here.
    """
    rows = [ReportRow(0, register.Region(0, "", None), "", report.quarter, report) for report in reports]
    require_reporter(user)
    if outside_scope(db, rows, user):
        raise NotAllowed("core.outside_scope", name=user.name, scope=Deferred(scope_text, user))
    return save_parsed(db, rows, kind=kind, file_name=file_name, sha256=sha256, user=user)


def save_parsed(
    db: Database,
    rows: list[ReportRow],
    *,
    kind: str,
    file_name: str,
    sha256: str,
    user: User,
    keep_not_updated: bool = True,
) -> LoadResult:
    """Save rows whose scope the caller has checked (parse_sheet, save_reports).

    Without ``keep_not_updated`` the rows that merely repeat the previous report
    (an untouched pre-filled template) are counted and left out.
    """
    require_reporter(user)
    with write_transaction(db):
        return save_rows(
            db,
            rows,
            kind=kind,
            file_name=file_name,
            sha256=sha256,
            user=user.signature,
            keep_not_updated=keep_not_updated,
        )


def save_rows(
    db: Database,
    rows: list[ReportRow],
    *,
    kind: str,
    file_name: str,
    sha256: str,
    user: str,
    keep_not_updated: bool = True,
) -> LoadResult:
    """Save checked rows as one upload (none when nothing is added or changed); the caller holds
    write_transaction and has checked ``user`` (a signature) may. An agreement's first reports
    are saved through here too, in the agreement's transaction."""
    # Planned under the write lock, so the counts and history match what is replaced.
    existing = existing_reports(db, rows)
    result = plan(db, rows, existing, review=False, keep_not_updated=keep_not_updated)
    if not result.added and not result.changed:
        return result
    refuse_locked(db, [(change.commitment_id, change.quarter) for change in result.changes if change.kind in WRITES])
    if result.not_updated:
        left_out = {(change.commitment_id, change.quarter) for change in result.changes if change.kind == NOT_UPDATED}
        rows = [row for row in rows if (row.report.commitment_id, row.quarter) not in left_out]
    quarters = sorted({row.quarter for row in rows})
    upload_id = record_upload(
        db,
        kind=kind,
        file_name=file_name,
        sha256=sha256,
        user=user,
        quarters=quarters,
        added=result.added,
        changed=result.changed,
        unchanged=result.unchanged,
    )
    _write(db, rows, existing, upload_id)
    result.upload_id = upload_id
    return result


# What a change of these kinds writes into status_reports.
WRITES = ("added", "changed")


def refuse_locked(db: Database, keys: list[tuple[int, str]]) -> None:
    """Raise QuarterLocked when any (commitment id, quarter) is approved and so locked (core.rounds)."""
    locks = rounds.locked_reports(db, keys)
    if locks:
        message = rounds.locked_message(db, locks)
        raise QuarterLocked(message.key, **message.values)


def existing_reports(db: Database, rows: list[ReportRow]) -> dict[tuple[int, str], tuple]:
    quarters = sorted({row.quarter for row in rows})
    marks = ", ".join("?" for _ in quarters)
    return {
        (commitment_id, quarter): (status, progress, comment, next_step, owner, upload_id)
        for commitment_id, quarter, status, progress, comment, next_step, owner, upload_id in db.execute(
            "SELECT commitment_id, quarter, status, progress, comment, next_step, owner, upload_id "
            f"FROM status_reports WHERE quarter IN ({marks})",
            quarters,
        )
    }


def plan(
    db: Database,
    rows: list[ReportRow],
    existing: dict[tuple[int, str], tuple] | None = None,
    *,
    review: bool = True,
    keep_not_updated: bool = True,
) -> LoadResult:
    """What saving the rows would do; ``review`` adds the commitments the file leaves out.

    Without ``keep_not_updated``, a row for a quarter without a report that merely
    repeats the previous report is *not_updated* (counted apart, not saved). A finished
    commitment (completed, cancelled) is reported by repeating it, so its repeat is
    not updated only when nothing else in the file is either: the file is untouched.
    """
    if existing is None:
        existing = existing_reports(db, rows)
    previous = {} if keep_not_updated else previous_reports(db, rows, existing)
    changes = []
    for row in rows:
        key = (row.report.commitment_id, row.quarter)
        old, new, before = existing.get(key), row.report.values(), previous.get(key)
        repeats = None
        if old is None and before is not None and repeats_previous(new, before[1:]):
            kind, repeats = (_FINAL_REPEAT if new[0] in FINAL_STATUSES else NOT_UPDATED), before[0]
        elif old is None:
            kind = "added"
        else:
            kind = "unchanged" if old[:5] == new else "changed"
        changes.append(
            Change(
                kind,
                row.region.name,
                row.code,
                row.quarter,
                old[:5] if old else None,
                new,
                row.row or None,
                key[0],
                repeats,
            )
        )
    updated = any(change.kind in ("added", "changed") for change in changes)
    for index, change in enumerate(changes):
        if change.kind == _FINAL_REPEAT:
            changes[index] = (
                change._replace(kind="added", repeats_quarter=None) if updated else change._replace(kind=NOT_UPDATED)
            )
    kinds = [change.kind for change in changes]
    result = LoadResult(
        upload_id=None,
        added=kinds.count("added"),
        changed=kinds.count("changed"),
        unchanged=kinds.count("unchanged"),
        not_updated=kinds.count(NOT_UPDATED),
        changes=changes,
    )
    if review:
        result.missing = missing_commitments(db, rows)
    return result


NOT_UPDATED = "not_updated"
# A finished commitment is reported the same way every quarter; repeating it is the report.
FINAL_STATUSES = ("completed", "cancelled")
_FINAL_REPEAT = "final_repeat"  # plan's own mark until it knows whether the file is untouched


def repeats_previous(new: tuple, previous: tuple) -> bool:
    """Whether a new quarter's report only repeats the commitment's previous report, as an untouched
    pre-filled template does: the same status, progress and owner, and a comment and a next step
    that are blank (the template leaves them blank) or copied."""
    status, progress, comment, next_step, owner = new
    was_status, was_progress, was_comment, was_next_step, was_owner = previous
    return (
        (status, progress, owner) == (was_status, was_progress, was_owner)
        and comment in (None, was_comment)
        and next_step in (None, was_next_step)
    )


def previous_reports(
    db: Database, rows: list[ReportRow], existing: dict[tuple[int, str], tuple]
) -> dict[tuple[int, str], tuple]:
    """For each row whose quarter has no report yet, the commitment's latest report before that quarter
    (quarter, status, progress, comment, next_step, owner): the one the template pre-fills from."""
    wanted: dict[str, list[int]] = {}
    for row in rows:
        if (row.report.commitment_id, row.quarter) not in existing:
            wanted.setdefault(row.quarter, []).append(row.report.commitment_id)
    found: dict[tuple[int, str], tuple] = {}
    for quarter, ids in wanted.items():
        # One index seek per commitment: with a range on quarter, SQLite would otherwise read every
        # earlier report of them (or, through the quarter index, of the whole county).
        for commitment_id, *values in db.execute(
            "SELECT s.commitment_id, s.quarter, s.status, s.progress, s.comment, s.next_step, s.owner "
            "FROM (SELECT (SELECT p.id FROM status_reports p "
            "WHERE p.commitment_id = wanted.value AND p.quarter < :quarter ORDER BY p.quarter DESC LIMIT 1) AS id "
            "FROM json_each(:ids) wanted) latest JOIN status_reports s ON s.id = latest.id",
            {"quarter": quarter, "ids": json.dumps(ids)},
        ):
            found[(commitment_id, quarter)] = tuple(values)
    return found


def missing_commitments(db: Database, rows: list[ReportRow]) -> list[MissingCommitment]:
    """The commitments of each region and quarter in the file that the file leaves out."""
    reported = {(row.report.commitment_id, row.quarter) for row in rows}
    pairs = sorted({(row.region, row.quarter) for row in rows if row.region.id}, key=lambda k: (k[0].name, k[1]))
    agreements = {
        pair: agreement_id
        for pair in pairs
        if (agreement_id := register.agreement_for_quarter(db, pair[0].id, pair[1])) is not None
    }
    by_agreement: dict[int, list[tuple[int, str, str]]] = {}
    ids = sorted(set(agreements.values()))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for agreement_id, commitment_id, code, text in db.execute(
            "SELECT agreement_id, id, code, text FROM commitments "
            f"WHERE active = 1 AND agreement_id IN ({', '.join('?' for _ in chunk)}) ORDER BY position",
            chunk,
        ):
            by_agreement.setdefault(agreement_id, []).append((commitment_id, code, text))
    return [
        MissingCommitment(region.name, code, text, quarter)
        for (region, quarter), agreement_id in agreements.items()
        for commitment_id, code, text in by_agreement.get(agreement_id, [])
        if (commitment_id, quarter) not in reported
    ]


def _write(db: Database, rows: list[ReportRow], existing: dict[tuple[int, str], tuple], upload_id: int) -> None:
    """Upsert the reports, keeping the values each one replaces in status_history.

    A report the upload adds replaced nothing, so it gets no history row; rollback
    recognises those as the upload's reports without a history row.
    """
    replaced_at = now_utc()
    history = []
    upserts = []
    for row in rows:
        report = row.report
        key = (report.commitment_id, report.quarter)
        old = existing.get(key)
        if old is not None:
            if old[:5] == report.values():
                continue
            history.append((*key, *old, upload_id, replaced_at))
        upserts.append((*key, *report.values(), upload_id))
    db.conn.executemany(
        "INSERT INTO status_history (commitment_id, quarter, status, progress, comment, next_step, owner, "
        "upload_id, replaced_by_upload_id, replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        history,
    )
    db.conn.executemany(
        "INSERT INTO status_reports (commitment_id, quarter, status, progress, comment, next_step, owner, upload_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (commitment_id, quarter) DO UPDATE SET "
        "status = excluded.status, progress = excluded.progress, comment = excluded.comment, "
        "next_step = excluded.next_step, owner = excluded.owner, upload_id = excluded.upload_id",
        upserts,
    )
    db.conn.executemany(
        "INSERT INTO upload_values (commitment_id, quarter, status, progress, comment, next_step, owner, upload_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        upserts,
    )


def upload_with_sha(db: Database, sha256: str) -> int | None:
    row = db.execute(
        "SELECT id FROM uploads WHERE sha256 = ? AND rolled_back_at IS NULL ORDER BY id DESC LIMIT 1", (sha256,)
    ).fetchone()
    return row[0] if row else None


# --- rollback -----------------------------------------------------------------------------


def rollback(db: Database, upload_id: int, *, user: User) -> RollbackResult:
    """Restore exactly the values an upload replaced, and remove the reports it added (administrators only).

    Refused while a later upload (not itself rolled back) has replaced values this
    upload set: rolling back would silently throw that later upload's values away.
    """
    require_admin(user, "core.action.rollback")
    with write_transaction(db):
        upload = get_upload(db, upload_id)
        if upload is None:
            raise UnknownUpload("core.unknown_upload", upload=upload_id)
        if upload.rolled_back_at:
            raise AlreadyRolledBack(
                "core.already_rolled_back", upload=upload_id, when=upload.rolled_back_at, who=upload.rolled_back_by
            )
        if upload.kind not in ("status", "demo"):
            raise NotRollbackable("core.not_rollbackable", upload=upload_id, kind=upload.kind)
        later = [
            row[0]
            for row in db.execute(
                "SELECT DISTINCT h.replaced_by_upload_id FROM status_history h "
                "JOIN uploads u ON u.id = h.replaced_by_upload_id "
                "WHERE h.upload_id = ? AND u.rolled_back_at IS NULL ORDER BY 1",
                (upload_id,),
            )
        ]
        if later:
            listed = ", ".join(str(number) for number in later)
            raise RollbackConflict("core.rollback_conflict", upload=upload_id, later=listed)
        # The reports it would restore or remove: those it wrote that still carry it.
        refuse_locked(
            db,
            db.execute(
                "SELECT commitment_id, quarter FROM status_reports WHERE upload_id = ?", (upload_id,)
            ).fetchall(),
        )
        removed = db.conn.execute(
            "DELETE FROM status_reports WHERE upload_id = :upload AND NOT EXISTS ("
            "SELECT 1 FROM status_history h WHERE h.replaced_by_upload_id = :upload "
            "AND h.commitment_id = status_reports.commitment_id AND h.quarter = status_reports.quarter)",
            {"upload": upload_id},
        ).rowcount
        restored = db.conn.execute(
            "UPDATE status_reports SET (status, progress, comment, next_step, owner, upload_id) = ("
            "SELECT h.status, h.progress, h.comment, h.next_step, h.owner, h.upload_id FROM status_history h "
            "WHERE h.replaced_by_upload_id = :upload AND h.commitment_id = status_reports.commitment_id "
            "AND h.quarter = status_reports.quarter) "
            "WHERE upload_id = :upload",
            {"upload": upload_id},
        ).rowcount
        db.conn.execute(
            "UPDATE uploads SET rolled_back_at = ?, rolled_back_by = ? WHERE id = ?",
            (now_utc(), user.signature, upload_id),
        )
    return RollbackResult(upload_id, restored=restored, removed=removed)


# --- what a region's report for a quarter starts from ---------------------------------------------


@dataclass(frozen=True)
class PrefillRow:
    """One commitment of a region's quarter as the template and the browser form start it.

    Status, progress and owner come from this quarter's report when there is one, so correcting a
    report never brings back old values, else from the latest earlier report (without its comment
    and next step, which were about that quarter); the previous_ fields show that earlier report.
    """

    commitment_id: int
    code: str
    text: str
    focus_area: str | None
    status: str | None  # a status key
    progress: int | None
    comment: str | None
    next_step: str | None
    owner: str | None
    previous_quarter: str | None
    previous_status: str | None  # a status key
    previous_progress: int | None
    reported: bool = False  # the quarter itself has a report (the values are it, not an earlier one's)


def prefill_rows(db: Database, region: register.Region, quarter: str, *, user: User | None = None) -> list[PrefillRow]:
    """The active commitments of the agreement in force in the region's quarter, in natural code order.

    For a ``user`` who reports for council areas, not the region, only their commitments: a row
    they may not report for would have the report refused.
    """
    agreement_id = register.agreement_for_quarter(db, region.id, quarter)
    commitments = [
        (commitment_id, code, text, focus_area)
        for commitment_id, code, text, focus_area, area, county in db.execute(
            "SELECT c.id, c.code, c.text, f.title, a.name, co.name FROM commitments c "
            "JOIN agreements g ON g.id = c.agreement_id LEFT JOIN counties co ON co.id = g.county_id "
            "LEFT JOIN focus_areas f ON f.id = c.focus_area_id "
            "LEFT JOIN council_areas a ON a.id = c.council_area_id "
            "WHERE c.agreement_id = ? AND c.active = 1",
            (agreement_id,),
        )
        if user is None or holds(user, region.name, area, county)
    ]
    current: dict[int, tuple] = {}
    previous: dict[int, tuple] = {}
    # Ascending quarters: the last earlier report seen per commitment is the latest.
    for commitment_id, *report in db.execute(
        "SELECT s.commitment_id, s.quarter, s.status, s.progress, s.comment, s.next_step, s.owner "
        "FROM status_reports s JOIN commitments c ON c.id = s.commitment_id "
        "WHERE c.agreement_id = ? AND s.quarter <= ? ORDER BY s.quarter",
        (agreement_id, quarter),
    ):
        (current if report[0] == quarter else previous)[commitment_id] = tuple(report)

    rows = []
    for commitment_id, code, text, focus_area in sorted(commitments, key=lambda c: natural_code_key(c[1])):
        before = previous.get(commitment_id)
        now = current.get(commitment_id)
        if now:
            _, status, progress, comment, next_step, owner = now
        elif before:
            _, status, progress, _, _, owner = before
            comment = next_step = None
        else:
            status = progress = comment = next_step = owner = None
        rows.append(
            PrefillRow(
                commitment_id,
                code,
                text,
                focus_area,
                status,
                progress,
                comment,
                next_step,
                owner,
                before[0] if before else None,
                before[1] if before else None,
                before[2] if before else None,
                reported=now is not None,
            )
        )
    return rows
