"""The demo's reporting round: region contacts, the counties' rules and a moved deadline, every
quarter before the round running approved (one reopened and approved again after a corrected file),
the county's own assessment beside some reports, and the reminders the daily timer would have sent.

Everything goes through core.rounds as the pages and the command line do; the moments it stamps
(now) are then rewritten to when they would have happened, as the builder does with the uploads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import random
from collections.abc import Mapping

from sqlite_utils import Database

from core import register
from core.assessments import set_assessments
from core.db import write_transaction
from core.organisation import find_county, set_region_contact
from core.reports import Report, save_reports
from core.rounds import (
    ZONE,
    DueReminder,
    RoundRule,
    approve,
    deadline,
    in_force,
    log_reminder,
    oslo_day,
    region_round,
    reminder_recipients,
    reopen,
    round_board,
    round_rule,
    set_deadline,
    set_round_rule,
)
from core.users import User
from core.vocabulary import quarter_end
from loaders.demo import data as demo_data

# The round's own random numbers, so the reports drawn before stay as they were.
SEED = 2016
# What the reminder command writes as its sender in the log.
TIMER = "remind (automatisk)"
# The timer that sends reminders runs at this time of the Norwegian morning.
TIMER_AT = dt.time(7, 0)


def timestamp(rng: random.Random, first_day: dt.date, *, days: int) -> str:
    """A working-hours moment within ``days`` days from ``first_day``, as the uploads log writes it."""
    moment = dt.datetime.combine(first_day, dt.time(), dt.UTC) + dt.timedelta(
        days=rng.randrange(days), hours=rng.randint(7, 14), minutes=rng.randrange(60), seconds=rng.randrange(60)
    )
    return moment.isoformat(timespec="seconds")


class _Stamps:
    """The moments to write over what core.rounds stamped with the time of the build."""

    def __init__(self) -> None:
        self.approved: dict[tuple[int, str], str] = {}  # (region id, quarter) → its latest approval
        self.log: dict[int, str] = {}  # round_log id → when
        self.deadlines: list[tuple[int, str, str]] = []  # (county id, quarter, when moved)
        self.assessed: dict[tuple[int, str], str] = {}  # (commitment id, quarter) → when
        self.reminders: dict[int, str] = {}  # reminders id → when sent
        self.uploads: dict[int, str] = {}  # uploads id → when uploaded

    def write(self, db: Database) -> None:
        with write_transaction(db):
            for (region_id, quarter), at in self.approved.items():
                ids = in_force(db, region_id, quarter)
                marks = ", ".join("?" for _ in ids)
                db.execute(
                    f"UPDATE approvals SET approved_at = ? WHERE quarter = ? AND commitment_id IN ({marks})",
                    (at, quarter, *ids),
                )
            db.conn.executemany("UPDATE round_log SET done_at = ? WHERE id = ?", _by_id(self.log))
            db.conn.executemany(
                "UPDATE round_deadlines SET set_at = ? WHERE county_id = ? AND quarter = ?",
                [(at, county_id, quarter) for county_id, quarter, at in self.deadlines],
            )
            for table, column in (("county_assessments", "assessed_at"), ("county_assessment_history", "replaced_at")):
                db.conn.executemany(
                    f"UPDATE {table} SET {column} = ? WHERE commitment_id = ? AND quarter = ?",
                    [(at, commitment_id, quarter) for (commitment_id, quarter), at in self.assessed.items()],
                )
            db.conn.executemany("UPDATE reminders SET sent_at = ? WHERE id = ?", _by_id(self.reminders))
            db.conn.executemany("UPDATE uploads SET uploaded_at = ? WHERE id = ?", _by_id(self.uploads))


def _by_id(stamps: Mapping[int, str]) -> list[tuple[str, int]]:
    return [(at, id_) for id_, at in stamps.items()]


def fill_round(
    db: Database,
    quarters: list[str],
    today: dt.date,
    *,
    admin: User,
    county_reporter: User,
    coordinators: Mapping[str, User],
) -> None:
    """The round on the demo's quarters (the last is the round running on ``today``), after every
    status file is saved and dated."""
    rng = random.Random(SEED)
    stamps = _Stamps()
    with write_transaction(db):
        for named, (name, email, phone) in demo_data.CONTACTS.items():
            set_region_contact(db, register.find_region(db, named).id, name, email, phone)
    buskerud = find_county(db, "Buskerud")
    set_round_rule(db, buskerud.id, RoundRule(*demo_data.BUSKERUD_RULE), user=admin)
    county_name, moved_quarter, moved_to = demo_data.MOVED_DEADLINE
    county = find_county(db, county_name)
    set_deadline(db, county.id, moved_quarter, moved_to, user=admin)
    moved_on = quarter_end(moved_quarter) + dt.timedelta(days=rng.randint(8, 14))
    stamps.deadlines.append((county.id, moved_quarter, timestamp(rng, moved_on, days=1)))

    running = quarters[-1]
    for quarter in quarters[:-1]:
        for demo_region in demo_data.REGIONS:
            region_id = register.find_region(db, demo_region.name).id
            _approve(db, region_id, quarter, admin, _after_deadline(db, rng, region_id, quarter, today), stamps)
    early = register.find_region(db, demo_data.APPROVED_EARLY).id
    delivered = region_round(db, early, running, today=today)
    # Built in the first days after a quarter, the region's report may have come in only yesterday.
    if delivered and delivered.delivered_at and oslo_day(delivered.delivered_at) < today - dt.timedelta(days=2):
        _approve(db, early, running, admin, _after_deadline(db, rng, early, running, today), stamps)
    _reopen_and_correct(db, rng, admin, coordinators, stamps)
    _assess(db, rng, quarters, today, admin, county_reporter, stamps)
    _remind(db, running, today, stamps)
    stamps.write(db)


def _approve(db: Database, region_id: int, quarter: str, user: User, at: str, stamps: _Stamps) -> None:
    approve(db, region_id, quarter, user=user)
    stamps.approved[(region_id, quarter)] = at
    stamps.log[_last_id(db, "round_log")] = at


def _last_id(db: Database, table: str) -> int:
    return db.execute(f"SELECT max(id) FROM {table}").fetchone()[0]


def _deadline_day(db: Database, region_id: int, quarter: str) -> dt.date:
    agreement_id = register.agreement_for_quarter(db, region_id, quarter)
    county_id = db.execute("SELECT county_id FROM agreements WHERE id = ?", (agreement_id,)).fetchone()[0]
    return deadline(db, county_id, quarter).day


def _after_deadline(db: Database, rng: random.Random, region_id: int, quarter: str, today: dt.date) -> str:
    """When the county approved the quarter: two to six weeks after the deadline, before ``today``;
    in the round running, in the days after the deadline or, before it, the day before ``today``."""
    first = _deadline_day(db, region_id, quarter) + dt.timedelta(days=14)
    latest = today - dt.timedelta(days=1)
    if first >= latest:
        first = min(_deadline_day(db, region_id, quarter) + dt.timedelta(days=5), latest)
    return timestamp(rng, first, days=max(1, min(28, (latest - first).days)))


def _reopen_and_correct(
    db: Database,
    rng: random.Random,
    admin: User,
    coordinators: Mapping[str, User],
    stamps: _Stamps,
) -> None:
    """The reopened quarter: the region found comments carried over from the quarter before, the
    administrator reopened it, the region sent a corrected file and the quarter was approved again."""
    region, quarter = demo_data.REOPENED
    region_id = register.find_region(db, region).id
    approved = dt.datetime.fromisoformat(stamps.approved[(region_id, quarter)])
    reopen(db, region_id, quarter, demo_data.REOPEN_REASON, user=admin)
    stamps.log[_last_id(db, "round_log")] = timestamp(rng, approved.date() + dt.timedelta(days=9), days=1)
    ids = in_force(db, region_id, quarter)
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        "SELECT commitment_id, quarter, status, progress, comment, next_step, owner FROM status_reports "
        f"WHERE quarter = ? AND commitment_id IN ({marks}) AND comment IS NOT NULL ORDER BY commitment_id LIMIT 2",
        (quarter, *ids),
    ).fetchall()
    corrected = [dataclasses.replace(Report(*row), comment=demo_data.REOPEN_COMMENT) for row in rows]
    file_name = f"status-{_slug(region)}-rettet-{quarter}.xlsx"
    result = save_reports(
        db,
        corrected,
        kind="demo",
        file_name=file_name,
        sha256=hashlib.sha256(f"demo:{file_name}".encode()).hexdigest(),
        user=coordinators[region],
    )
    assert result.upload_id is not None
    stamps.uploads[result.upload_id] = timestamp(rng, approved.date() + dt.timedelta(days=11), days=1)
    _approve(db, region_id, quarter, admin, timestamp(rng, approved.date() + dt.timedelta(days=14), days=1), stamps)


def _slug(region: str) -> str:
    return next(demo.slug for demo in demo_data.REGIONS if demo.name == region)


def _assess(
    db: Database,
    rng: random.Random,
    quarters: list[str],
    today: dt.date,
    admin: User,
    county_reporter: User,
    stamps: _Stamps,
) -> None:
    """The county's own view beside some reports: Østfold's adviser for Østfold's regions, the
    partnership coordinator for the others."""
    for back, views in demo_data.COUNTY_VIEWS.items():
        quarter = quarters[-1 - back]
        by_user: dict[str, dict[int, tuple[str, str | None]]] = {}
        for (region, code), value in views.items():
            region_id = register.find_region(db, region).id
            codes = dict(
                db.execute(
                    "SELECT code, id FROM commitments WHERE agreement_id = ?",
                    (register.agreement_for_quarter(db, region_id, quarter),),
                ).fetchall()
            )
            user = county_reporter if _county_of(db, region_id, quarter) in county_reporter.counties else admin
            by_user.setdefault(user.username, {})[codes[code]] = value
            # Some days after the deadline, or in the last days before the build when that is sooner.
            day = min(_deadline_day(db, region_id, quarter) + dt.timedelta(days=3), today - dt.timedelta(days=3))
            stamps.assessed[(codes[code], quarter)] = timestamp(rng, day, days=max(1, min(20, (today - day).days)))
        for username, assessments in by_user.items():
            user = county_reporter if username == county_reporter.username else admin
            set_assessments(db, quarter, assessments, user=user)


def _county_of(db: Database, region_id: int, quarter: str) -> str:
    return db.execute(
        "SELECT c.name FROM agreements a JOIN counties c ON c.id = a.county_id WHERE a.id = ?",
        (register.agreement_for_quarter(db, region_id, quarter),),
    ).fetchone()[0]


def _remind(db: Database, quarter: str, today: dt.date, stamps: _Stamps) -> None:
    """The reminders the daily timer sent for the round running: on the first morning of each
    window, to the regions whose report had not come in by then."""
    counties = [row[0] for row in db.execute("SELECT DISTINCT county_id FROM agreements WHERE county_id IS NOT NULL")]
    for county_id in counties:
        rule = round_rule(db, county_id)
        for entry in round_board(db, county_id, quarter, today=today):
            due = entry.deadline.day
            for kind, days, day in (
                ("before", rule.remind_before, due - dt.timedelta(days=rule.remind_before)),
                ("after", rule.remind_after, due + dt.timedelta(days=rule.remind_after)),
            ):
                moment = dt.datetime.combine(day, TIMER_AT, ZONE).astimezone(dt.UTC).isoformat(timespec="seconds")
                if not days or day >= today or (entry.delivered_at is not None and entry.delivered_at <= moment):
                    continue
                reminder = DueReminder(
                    entry.region_id,
                    entry.region,
                    entry.county,
                    quarter,
                    due,
                    kind,
                    reminder_recipients(db, entry.region_id),
                    entry.commitments,
                )
                log_reminder(db, reminder, sent_by=TIMER, outcome="sent")
                stamps.reminders[_last_id(db, "reminders")] = moment
