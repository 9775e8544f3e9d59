"""The quarterly reporting round: deadlines, who has delivered, approval and lock, and the
reminders due. The county's own assessment beside the region's report is core/assessments.py.

A region's quarter is the agreement in force for it that quarter
(core.register.agreement_for_quarter) and that agreement's active commitments: the
same commitments the upload review names as missing. Its state:

- ``not_delivered``: no commitment has a report for the quarter;
- ``delivered``: the region's report came in by the deadline (its first upload standing for the
  quarter); a commitment it leaves out is counted as missing, not as undelivered;
- ``late``: it came in after the deadline;
- ``approved``: every commitment's report is approved, which locks the quarter for the region.

A report is approved per commitment (an administrator approves a region's whole quarter, a
unit's owner the commitments the unit follows up), so an approved report is locked on its
own: a load that would add or change it is refused (:func:`locked_reports`) until an
administrator reopens the region's quarter, which is logged with who, when and why.

The deadline is the county's rule (days after the quarter ends, :class:`RoundRule`) unless
the county moved that quarter's deadline. Days are Norwegian days: a delivery at 00:30 in
Oslo on the day after the deadline is late, whatever UTC says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from core import register
from core.access import require_admin
from core.db import write_transaction
from core.errors import (
    InvalidRoundSetting,
    NotAllowed,
    NotApproved,
    NothingToApprove,
    ReasonMissing,
    UnknownCounty,
)
from core.filters import norwegian_sort_key
from core.i18n import Deferred, Text, t
from core.settings import setting
from core.uploads import now_utc
from core.vocabulary import (
    clean_paragraphs,
    natural_code_key,
    next_quarter,
    previous_quarter,
    quarter_end,
    quarter_label,
    quarter_of_date,
)

if TYPE_CHECKING:
    from core.users import User

ZONE = ZoneInfo("Europe/Oslo")
STATES = ("not_delivered", "delivered", "late", "approved")
REMINDER_KINDS = ("before", "after", "manual")
# Outcomes of a reminder after which the automatic run does not send that kind again.
REMINDER_DONE = ("sent", "no_recipients")


# --- the county's rule and each quarter's deadline -------------------------------------------


@dataclass(frozen=True)
class RoundRule:
    """A county's rule for the round, in days: reports are due ``deadline_days`` after the
    quarter ends; reminders go ``remind_before`` days before the deadline and ``remind_after``
    days after it (0: none)."""

    deadline_days: int
    remind_before: int
    remind_after: int


def default_rule() -> RoundRule:
    """The settings' rule (deadline_days, remind_before, remind_after), for a county without its own."""
    return RoundRule(setting("deadline_days", int), setting("remind_before", int), setting("remind_after", int))


def round_rule(db: Database, county_id: int) -> RoundRule:
    """The county's own rule, else the settings' defaults."""
    row = db.execute(
        "SELECT deadline_days, remind_before, remind_after FROM round_settings WHERE county_id = ?", (county_id,)
    ).fetchone()
    return RoundRule(*row) if row else default_rule()


def set_round_rule(db: Database, county_id: int, rule: RoundRule, *, user: User) -> None:
    """Give the county its own rule (administrators only). Raises InvalidRoundSetting out of range
    (deadline 0–365 days, reminders 0–90 days)."""
    require_admin(user, "core.action.round_rule")
    for value, highest in ((rule.deadline_days, 365), (rule.remind_before, 90), (rule.remind_after, 90)):
        if not 0 <= value <= highest:
            raise InvalidRoundSetting("core.round.rule_out_of_range", value=value, highest=highest)
    with write_transaction(db):
        _require_county(db, county_id)
        db.execute(
            "INSERT INTO round_settings (county_id, deadline_days, remind_before, remind_after) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (county_id) DO UPDATE SET deadline_days = excluded.deadline_days, "
            "remind_before = excluded.remind_before, remind_after = excluded.remind_after",
            (county_id, rule.deadline_days, rule.remind_before, rule.remind_after),
        )


@dataclass(frozen=True)
class Deadline:
    """A quarter's deadline in a county: the day itself, and who moved it from the rule, if anyone."""

    day: dt.date
    moved_by: str | None = None  # signature; None: the county's rule
    moved_at: str | None = None  # ISO, UTC


def deadline(db: Database, county_id: int, quarter: str) -> Deadline:
    """The last day (Norwegian time) the region's reports for ``quarter`` are due in the county."""
    row = db.execute(
        "SELECT deadline, set_by, set_at FROM round_deadlines WHERE county_id = ? AND quarter = ?",
        (county_id, quarter),
    ).fetchone()
    if row:
        return Deadline(dt.date.fromisoformat(row[0]), row[1], row[2])
    return Deadline(quarter_end(quarter) + dt.timedelta(days=round_rule(db, county_id).deadline_days))


def set_deadline(db: Database, county_id: int, quarter: str, day: dt.date | None, *, user: User) -> None:
    """Move the quarter's deadline in the county to ``day``; None puts it back to the rule
    (administrators only). A deadline before the quarter ends is refused (InvalidRoundSetting)."""
    require_admin(user, "core.action.deadline")
    if day is not None and day < quarter_end(quarter):
        raise InvalidRoundSetting(
            "core.round.deadline_before_end", day=day.isoformat(), quarter=Deferred(quarter_label, quarter)
        )
    with write_transaction(db):
        _require_county(db, county_id)
        if day is None:
            db.execute("DELETE FROM round_deadlines WHERE county_id = ? AND quarter = ?", (county_id, quarter))
            return
        db.execute(
            "INSERT INTO round_deadlines (county_id, quarter, deadline, set_by, set_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (county_id, quarter) DO UPDATE SET deadline = excluded.deadline, "
            "set_by = excluded.set_by, set_at = excluded.set_at",
            (county_id, quarter, day.isoformat(), user.signature, now_utc()),
        )


def _require_county(db: Database, county_id: int) -> None:
    if db.execute("SELECT 1 FROM counties WHERE id = ?", (county_id,)).fetchone() is None:
        raise UnknownCounty("core.unknown_county", name=str(county_id), known="")


def state_label(state: str, lang: str = "nb") -> str:
    """A region's state in the round in words: "Levert for sent"."""
    return t(f"round.state.{state}", lang)


def current_round(today: dt.date) -> str:
    """The quarter whose round runs on ``today``: the last quarter that has ended (2026-Q3 all through 2026-Q4)."""
    return previous_quarter(quarter_of_date(today))


def reporting_quarters(db: Database, region_id: int, today: dt.date | None = None) -> tuple[list[str], str]:
    """The quarters a region can report for (a template, the form), newest first, and the one to suggest.

    From the first quarter of the region's earliest agreement up to today's quarter. The suggestion
    is the quarter after the region's latest report, or the round running (the last quarter that has
    ended) when that is earlier or the region has none: a region behind gets the quarter it owes, one
    up to date the round running, to correct it. Today's quarter, still running, is offered (a
    county may collect its report early) but never suggested, and a file for it is checked with a
    warning (loaders.status).
    """
    day = today or oslo_today()
    running, now = current_round(day), quarter_of_date(day)
    first_year, latest = db.execute(
        "SELECT (SELECT min(start_year) FROM agreements WHERE region_id = :region), "
        "(SELECT max(s.quarter) FROM status_reports s JOIN commitments c ON c.id = s.commitment_id "
        " JOIN agreements a ON a.id = c.agreement_id WHERE a.region_id = :region)",
        {"region": region_id},
    ).fetchone()
    suggested = min(next_quarter(latest), running) if latest else running
    start = min(f"{first_year}-Q1", running) if first_year else running
    quarters = [start]
    while quarters[-1] < now:
        quarters.append(next_quarter(quarters[-1]))
    return quarters[::-1], suggested


def oslo_day(moment: str | dt.datetime) -> dt.date:
    """The Norwegian calendar day of a moment (ISO text as the database keeps it, UTC when it names no zone)."""
    when = dt.datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(ZONE).date()


def oslo_today() -> dt.date:
    return dt.datetime.now(ZONE).date()


# --- who has delivered ------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """Someone the round reaches: a region's contact or one of its reporters."""

    name: str
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class UploadRef:
    """An upload as the board names it."""

    id: int
    at: str  # ISO, UTC
    by: str  # signature: "Kari Nordmann (kari)"
    file_name: str


@dataclass(frozen=True)
class SentReminder:
    """A reminder as the log keeps it."""

    id: int
    region: str
    quarter: str
    kind: str  # before | after | manual
    recipients: tuple[str, ...]  # addresses
    sent_at: str  # ISO, UTC
    sent_by: str
    outcome: str  # sent | failed | no_recipients
    error: str | None


@dataclass(frozen=True)
class RegionRound:
    """One region's quarter in the round, as the board shows it."""

    region_id: int
    region: str
    short_name: str | None
    county_id: int
    county: str
    quarter: str
    agreement_id: int
    deadline: Deadline
    state: str  # one of STATES
    commitments: int  # active commitments of the agreement in force
    commitment_ids: tuple[int, ...]  # those commitments, in code order (:func:`in_force`)
    reported: int  # of them, with a report for the quarter
    approved: int  # of them, approved
    delivered_at: str | None  # ISO, UTC: the first upload standing that wrote a report of the quarter
    late: bool  # delivered after the deadline (an approved quarter keeps it)
    overdue: bool  # the deadline has passed and nothing is delivered
    last_upload: UploadRef | None  # the newest upload standing that wrote a report of the quarter
    approved_at: str | None  # the newest approval
    approved_by: str | None
    contact: Person | None
    reporters: tuple[Person, ...]  # accounts that report for the region itself
    last_reminder: SentReminder | None

    @property
    def missing(self) -> int:
        return self.commitments - self.reported


def round_board(db: Database, county_id: int, quarter: str, *, today: dt.date | None = None) -> list[RegionRound]:
    """Every region whose agreement in force in ``quarter`` is the county's, in Norwegian name order."""
    found = []
    for (region_id,) in db.execute("SELECT id FROM regions").fetchall():
        agreement_id = _agreement_in_force(db, region_id, quarter)
        if agreement_id is None or _agreement_county(db, agreement_id) != county_id:
            continue
        found.append(_region_round(db, region_id, quarter, agreement_id, today))
    return sorted(found, key=lambda entry: norwegian_sort_key(entry.region))


def region_round(db: Database, region_id: int, quarter: str, *, today: dt.date | None = None) -> RegionRound | None:
    """The region's quarter in the round; None when no agreement of the region covers the quarter."""
    agreement_id = _agreement_in_force(db, region_id, quarter)
    if agreement_id is None or _agreement_county(db, agreement_id) is None:
        return None
    return _region_round(db, region_id, quarter, agreement_id, today)


def _agreement_in_force(db: Database, region_id: int, quarter: str) -> int | None:
    """The agreement the region reports on for ``quarter``: the one in force (core.register), when its
    period covers the quarter's year. Loading a file falls back to a nearby agreement; a round does
    not: a region whose first agreement begins in 2027 has nothing to deliver for 2026."""
    agreement_id = register.agreement_for_quarter(db, region_id, quarter)
    if agreement_id is None:
        return None
    start_year, end_year = db.execute(
        "SELECT start_year, end_year FROM agreements WHERE id = ?", (agreement_id,)
    ).fetchone()
    year = int(quarter[:4])
    covers = (start_year is None or start_year <= year) and (end_year is None or year <= end_year)
    return agreement_id if covers else None


def _agreement_county(db: Database, agreement_id: int) -> int | None:
    return db.execute("SELECT county_id FROM agreements WHERE id = ?", (agreement_id,)).fetchone()[0]


def in_force(db: Database, region_id: int, quarter: str) -> list[int]:
    """The ids of the commitments the region reports on for ``quarter``, in code order (none when no
    agreement covers the quarter)."""
    agreement_id = _agreement_in_force(db, region_id, quarter)
    if agreement_id is None:
        return []
    return _commitment_ids(db, agreement_id)


def _commitment_ids(db: Database, agreement_id: int) -> list[int]:
    rows = db.execute("SELECT id, code FROM commitments WHERE agreement_id = ? AND active = 1", (agreement_id,))
    return [commitment_id for commitment_id, code in sorted(rows, key=lambda row: natural_code_key(row[1]))]


def _region_round(db: Database, region_id: int, quarter: str, agreement_id: int, today: dt.date | None) -> RegionRound:
    name, short_name, contact_name, contact_email, contact_phone = db.execute(
        "SELECT name, short_name, contact_name, contact_email, contact_phone FROM regions WHERE id = ?", (region_id,)
    ).fetchone()
    county_id = _agreement_county(db, agreement_id)
    assert county_id is not None, "a region's round is asked for an agreement without a county"
    county = db.execute("SELECT name FROM counties WHERE id = ?", (county_id,)).fetchone()[0]
    ids = _commitment_ids(db, agreement_id)
    marks = ", ".join("?" for _ in ids)
    reported = db.execute(
        f"SELECT count(*) FROM status_reports WHERE quarter = ? AND commitment_id IN ({marks})", (quarter, *ids)
    ).fetchone()[0]
    approved, approved_at = db.execute(
        f"SELECT count(*), max(approved_at) FROM approvals WHERE quarter = ? AND commitment_id IN ({marks})",
        (quarter, *ids),
    ).fetchone()
    approved_by = (
        db.execute(
            f"SELECT approved_by FROM approvals WHERE quarter = ? AND commitment_id IN ({marks}) "
            "ORDER BY approved_at DESC LIMIT 1",
            (quarter, *ids),
        ).fetchone()[0]
        if approved
        else None
    )
    # When the report came in: the earliest upload not rolled back that wrote a report standing.
    (delivered_at,) = db.execute(
        "SELECT min(u.uploaded_at) FROM status_reports s JOIN upload_values v "
        "ON v.commitment_id = s.commitment_id AND v.quarter = s.quarter "
        "JOIN uploads u ON u.id = v.upload_id AND u.rolled_back_at IS NULL "
        f"WHERE s.quarter = ? AND s.commitment_id IN ({marks})",
        (quarter, *ids),
    ).fetchone()
    last_upload = db.execute(
        "SELECT u.id, u.uploaded_at, u.uploaded_by, u.file_name FROM uploads u "
        "WHERE u.rolled_back_at IS NULL AND u.id IN (SELECT v.upload_id FROM upload_values v "
        f"WHERE v.quarter = ? AND v.commitment_id IN ({marks})) ORDER BY u.uploaded_at DESC, u.id DESC LIMIT 1",
        (quarter, *ids),
    ).fetchone()
    due = deadline(db, county_id, quarter)
    if reported == 0:
        delivered_at = None  # reports without an upload (kept from before uploads were logged)
    late = delivered_at is not None and oslo_day(delivered_at) > due.day
    if ids and approved == len(ids):
        state = "approved"
    elif reported == 0:
        state = "not_delivered"
    else:
        state = "late" if late else "delivered"
    overdue = state == "not_delivered" and (today or oslo_today()) > due.day
    sent = sent_reminders(db, region_id=region_id, quarter=quarter)
    return RegionRound(
        region_id=region_id,
        region=name,
        short_name=short_name,
        county_id=county_id,
        county=county,
        quarter=quarter,
        agreement_id=agreement_id,
        deadline=due,
        state=state,
        commitments=len(ids),
        commitment_ids=tuple(ids),
        reported=reported,
        approved=approved,
        delivered_at=delivered_at,
        late=late,
        overdue=overdue,
        last_upload=UploadRef(*last_upload) if last_upload else None,
        approved_at=approved_at,
        approved_by=approved_by,
        contact=Person(contact_name or contact_email or "", contact_email, contact_phone)
        if contact_name or contact_email or contact_phone
        else None,
        reporters=region_reporters(db, region_id),
        last_reminder=sent[0] if sent else None,
    )


def region_reporters(db: Database, region_id: int) -> tuple[Person, ...]:
    """The accounts that report for the region itself (not through a county or a unit), by name."""
    return tuple(
        Person(name, email)
        for name, email in db.execute(
            "SELECT u.name, u.email FROM users u JOIN user_scopes s ON s.user_id = u.id "
            "WHERE s.region_id = ? AND u.role = 'rapportor' ORDER BY u.name",
            (region_id,),
        )
    )


# --- approval and lock ------------------------------------------------------------------------


@dataclass(frozen=True)
class Approval:
    """What approving did: the codes newly approved, and whether the region's quarter is now approved whole."""

    region: str
    quarter: str
    codes: tuple[str, ...]
    whole: bool


@dataclass(frozen=True)
class Lock:
    """Why a report cannot change: approved, by whom and when."""

    commitment_id: int
    quarter: str
    approved_by: str
    approved_at: str  # ISO, UTC


def may_approve(user: User, county: str | None, council_area: str | None) -> bool:
    """Whether the user may approve a commitment's report: an administrator any, a reporter who
    holds the unit (of that county) that follows the commitment up, that commitment."""
    if user.is_admin:
        return True
    return user.role == "rapportor" and council_area is not None and (county, council_area) in user.units


def approvable(db: Database, region_id: int, quarter: str, user: User) -> list[int]:
    """The commitments in force in the region's quarter the user may approve, in code order."""
    ids = in_force(db, region_id, quarter)
    if user.is_admin:
        return ids
    return [commitment_id for commitment_id in ids if may_approve(user, *unit_of(db, commitment_id))]


def unit_of(db: Database, commitment_id: int) -> tuple[str | None, str | None]:
    """(the agreement's county, the commitment's council area), by name."""
    return db.execute(
        "SELECT co.name, a.name FROM commitments c JOIN agreements g ON g.id = c.agreement_id "
        "LEFT JOIN counties co ON co.id = g.county_id LEFT JOIN council_areas a ON a.id = c.council_area_id "
        "WHERE c.id = ?",
        (commitment_id,),
    ).fetchone()


def approve(
    db: Database, region_id: int, quarter: str, *, user: User, commitment_ids: Iterable[int] | None = None
) -> Approval:
    """Approve the region's reports for ``quarter``, which locks them.

    Without ``commitment_ids``, every commitment in force the user may approve: all of them for an
    administrator, a unit owner's own. Naming one the user may not approve raises NotAllowed; a
    region that has reported nothing for the quarter, or nothing left to approve, NothingToApprove.
    Logged in round_log.
    """
    region = _region_name(db, region_id)
    label = Deferred(quarter_label, quarter)
    with write_transaction(db):
        if not _reported_any(db, in_force(db, region_id, quarter), quarter):
            raise NothingToApprove("core.round.nothing_delivered", region=region, quarter=label)
        allowed = approvable(db, region_id, quarter, user)
        if not allowed:
            raise NotAllowed("core.round.may_not_approve", name=user.name, region=region, quarter=label)
        wanted = allowed if commitment_ids is None else list(commitment_ids)
        outside = [commitment_id for commitment_id in wanted if commitment_id not in allowed]
        if outside:
            raise NotAllowed("core.round.may_not_approve", name=user.name, region=region, quarter=label)
        already = set(locked_reports(db, [(commitment_id, quarter) for commitment_id in wanted]))
        new = [commitment_id for commitment_id in wanted if (commitment_id, quarter) not in already]
        if not new:
            raise NothingToApprove("core.round.already_approved", region=region, quarter=label)
        at = now_utc()
        db.conn.executemany(
            "INSERT INTO approvals (commitment_id, quarter, approved_by, approved_at) VALUES (?, ?, ?, ?)",
            [(commitment_id, quarter, user.signature, at) for commitment_id in new],
        )
        codes = _codes(db, new)
        ids = in_force(db, region_id, quarter)
        whole = len(locked_reports(db, [(commitment_id, quarter) for commitment_id in ids])) == len(ids)
        db.execute(
            "INSERT INTO round_log (region_id, quarter, action, done_by, done_at, codes) "
            "VALUES (?, ?, 'approved', ?, ?, ?)",
            (region_id, quarter, user.signature, at, None if len(new) == len(ids) else ", ".join(codes)),
        )
    return Approval(region, quarter, tuple(codes), whole)


def reopen(db: Database, region_id: int, quarter: str, reason: str, *, user: User) -> int:
    """Remove every approval of the region's quarter, so it can be loaded again (administrators
    only); return how many reports it unlocked. The reason is required (ReasonMissing) and logged
    with who and when; a quarter with nothing approved raises NotApproved."""
    require_admin(user, "core.action.reopen")
    reason = clean_paragraphs(reason or "") or ""
    region = _region_name(db, region_id)
    label = Deferred(quarter_label, quarter)
    if not reason.strip():
        raise ReasonMissing("core.round.reason_missing", region=region, quarter=label)
    with write_transaction(db):
        ids = in_force(db, region_id, quarter)
        marks = ", ".join("?" for _ in ids)
        removed = db.execute(
            f"DELETE FROM approvals WHERE quarter = ? AND commitment_id IN ({marks})", (quarter, *ids)
        ).rowcount
        if not removed:
            raise NotApproved("core.round.not_approved", region=region, quarter=label)
        db.execute(
            "INSERT INTO round_log (region_id, quarter, action, done_by, done_at, reason) "
            "VALUES (?, ?, 'reopened', ?, ?, ?)",
            (region_id, quarter, user.signature, now_utc(), reason),
        )
    return removed


def locked_reports(db: Database, keys: Iterable[tuple[int, str]]) -> dict[tuple[int, str], Lock]:
    """Of (commitment id, quarter) pairs, those approved and so locked, with who approved them."""
    wanted = sorted(set(keys))
    found: dict[tuple[int, str], Lock] = {}
    for start in range(0, len(wanted), 400):
        chunk = wanted[start : start + 400]
        condition = " OR ".join("(commitment_id = ? AND quarter = ?)" for _ in chunk)
        for commitment_id, quarter, by, at in db.execute(
            f"SELECT commitment_id, quarter, approved_by, approved_at FROM approvals WHERE {condition}",
            [value for key in chunk for value in key],
        ):
            found[(commitment_id, quarter)] = Lock(commitment_id, quarter, by, at)
    return found


def locked_message(db: Database, locks: Mapping[tuple[int, str], Lock]) -> Text:
    """What refuses a write into locked reports: the region, quarter and codes of the first lock, and who approved."""
    first = min(locks.values(), key=lambda lock: (lock.quarter, lock.commitment_id))
    same = [lock for lock in locks.values() if lock.quarter == first.quarter]
    region = db.execute(
        "SELECT r.name FROM commitments c JOIN agreements g ON g.id = c.agreement_id "
        "JOIN regions r ON r.id = g.region_id WHERE c.id = ?",
        (first.commitment_id,),
    ).fetchone()[0]
    return Text(
        "core.round.locked",
        region=region,
        quarter=Deferred(quarter_label, first.quarter),
        codes=", ".join(_codes(db, [lock.commitment_id for lock in same])),
        by=first.approved_by,
        day=oslo_day(first.approved_at).strftime("%d.%m.%Y"),
    )


def _reported_any(db: Database, ids: list[int], quarter: str) -> bool:
    marks = ", ".join("?" for _ in ids)
    return bool(
        ids
        and db.execute(
            f"SELECT 1 FROM status_reports WHERE quarter = ? AND commitment_id IN ({marks}) LIMIT 1", (quarter, *ids)
        ).fetchone()
    )


def _codes(db: Database, ids: list[int]) -> list[str]:
    marks = ", ".join("?" for _ in ids)
    codes = [code for (code,) in db.execute(f"SELECT code FROM commitments WHERE id IN ({marks})", ids)]
    return sorted(codes, key=natural_code_key)


def _region_name(db: Database, region_id: int) -> str:
    return db.execute("SELECT name FROM regions WHERE id = ?", (region_id,)).fetchone()[0]


@dataclass(frozen=True)
class RoundEvent:
    """An approval or reopening, as round_log keeps it."""

    region: str
    quarter: str
    action: str  # approved | reopened
    done_by: str
    done_at: str  # ISO, UTC
    codes: str | None  # the commitments approved when not the whole quarter: "1.1, 2.3"
    reason: str | None  # why it was reopened


def round_events(db: Database, *, region_id: int | None = None, quarter: str | None = None) -> list[RoundEvent]:
    """The log of approving and reopening, newest first."""
    return [
        RoundEvent(*row)
        for row in db.execute(
            "SELECT r.name, l.quarter, l.action, l.done_by, l.done_at, l.codes, l.reason FROM round_log l "
            "JOIN regions r ON r.id = l.region_id "
            "WHERE (:region IS NULL OR l.region_id = :region) AND (:quarter IS NULL OR l.quarter = :quarter) "
            "ORDER BY l.done_at DESC, l.id DESC",
            {"region": region_id, "quarter": quarter},
        )
    ]


# --- reminders --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueReminder:
    """A reminder to send: to a region that has not delivered for ``quarter``, before or after its deadline."""

    region_id: int
    region: str
    county: str
    quarter: str
    deadline: dt.date
    kind: str  # before | after | manual
    recipients: tuple[Person, ...]  # with an address, each once
    commitments: int  # in force: what the region reports on


def due_reminders(
    db: Database, today: dt.date, *, county_id: int | None = None, quarter: str | None = None
) -> list[DueReminder]:
    """The automatic reminders due on ``today``: for each county (or the one given) and the round
    running (or ``quarter``), each region that has not delivered gets a ``before`` reminder from
    ``remind_before`` days before the deadline up to it, and an ``after`` one from ``remind_after``
    days after it; each kind once (a failed one is due again), none when the rule's days are 0."""
    quarter = quarter or current_round(today)
    due = []
    for county in _counties(db, county_id):
        rule = round_rule(db, county)
        for entry in round_board(db, county, quarter, today=today):
            if entry.state != "not_delivered":
                continue
            day = entry.deadline.day
            kind = None
            if rule.remind_before and day - dt.timedelta(days=rule.remind_before) <= today <= day:
                kind = "before"
            elif rule.remind_after and today >= day + dt.timedelta(days=rule.remind_after):
                kind = "after"
            if kind is None or _reminded(db, entry.region_id, quarter, kind):
                continue
            due.append(_due(db, entry, kind))
    return due


def manual_reminders(
    db: Database,
    county_id: int,
    quarter: str,
    *,
    region_ids: Iterable[int] | None = None,
    board: list[RegionRound] | None = None,
) -> list[DueReminder]:
    """Reminders to send now, from the board: to every region of the county that has not delivered
    for ``quarter`` (or those of ``region_ids`` among them); ``board`` is the county's
    :func:`round_board` for the quarter when the caller has it already."""
    chosen = None if region_ids is None else set(region_ids)
    return [
        _due(db, entry, "manual")
        for entry in (round_board(db, county_id, quarter) if board is None else board)
        if entry.state == "not_delivered" and (chosen is None or entry.region_id in chosen)
    ]


def _counties(db: Database, county_id: int | None) -> list[int]:
    if county_id is not None:
        return [county_id]
    return [row[0] for row in db.execute("SELECT DISTINCT county_id FROM agreements WHERE county_id IS NOT NULL")]


def _reminded(db: Database, region_id: int, quarter: str, kind: str) -> bool:
    marks = ", ".join("?" for _ in REMINDER_DONE)
    return bool(
        db.execute(
            f"SELECT 1 FROM reminders WHERE region_id = ? AND quarter = ? AND kind = ? AND outcome IN ({marks})",
            (region_id, quarter, kind, *REMINDER_DONE),
        ).fetchone()
    )


def _due(db: Database, entry: RegionRound, kind: str) -> DueReminder:
    return DueReminder(
        region_id=entry.region_id,
        region=entry.region,
        county=entry.county,
        quarter=entry.quarter,
        deadline=entry.deadline.day,
        kind=kind,
        recipients=reminder_recipients(db, entry.region_id),
        commitments=entry.commitments,
    )


def reminder_recipients(db: Database, region_id: int) -> tuple[Person, ...]:
    """Who a region's reminder goes to: its contact and its reporters with an address, each address once."""
    name, email, phone = db.execute(
        "SELECT contact_name, contact_email, contact_phone FROM regions WHERE id = ?", (region_id,)
    ).fetchone()
    people = [Person(name or email or "", email, phone)] if email else []
    people += [person for person in region_reporters(db, region_id) if person.email]
    seen: set[str] = set()
    unique = []
    for person in people:
        assert person.email is not None
        if person.email.casefold() not in seen:
            seen.add(person.email.casefold())
            unique.append(person)
    return tuple(unique)


def log_reminder(db: Database, reminder: DueReminder, *, sent_by: str, outcome: str, error: str | None = None) -> None:
    """Keep a reminder in the log: sent, failed (with the server's answer) or without recipients."""
    with write_transaction(db, count_revision=False):
        db.execute(
            "INSERT INTO reminders (region_id, quarter, kind, recipients, sent_at, sent_by, outcome, error) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                reminder.region_id,
                reminder.quarter,
                reminder.kind,
                ", ".join(person.email or "" for person in reminder.recipients),
                now_utc(),
                sent_by,
                outcome,
                error,
            ),
        )


def reminders_logged(db: Database) -> int:
    """A number that grows with every reminder logged: a cache of the board, which shows each
    region's last reminder, is keyed on it as well as on the data revision (the log does not count
    as a data write)."""
    return db.execute("SELECT coalesce(max(id), 0) FROM reminders").fetchone()[0]


def sent_reminders(db: Database, *, region_id: int | None = None, quarter: str | None = None) -> list[SentReminder]:
    """The reminders log, newest first."""
    return [
        SentReminder(id_, region, quarter_, kind, tuple(filter(None, recipients.split(", "))), at, by, outcome, error)
        for id_, region, quarter_, kind, recipients, at, by, outcome, error in db.execute(
            "SELECT m.id, r.name, m.quarter, m.kind, m.recipients, m.sent_at, m.sent_by, m.outcome, m.error "
            "FROM reminders m JOIN regions r ON r.id = m.region_id "
            "WHERE (:region IS NULL OR m.region_id = :region) AND (:quarter IS NULL OR m.quarter = :quarter) "
            "ORDER BY m.sent_at DESC, m.id DESC",
            {"region": region_id, "quarter": quarter},
        )
    ]
