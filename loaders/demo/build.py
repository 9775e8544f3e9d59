"""A demo database built by one command, so the dashboard is never empty on first start.

    python -m loaders demo [--db PATH] [--force]

Seven municipal regions with Viken's agreements of 2022–2023, carried on from
1 January 2024 by Østfold, Akershus and Buskerud with agreements for 2024–2027
(commitments continued, split, merged, ended and new), and quarterly status
reports from 2022-Q1 to the last complete quarter before the build day, loaded
through the same code as real files. The reports come from a seeded random
generator, so builds on the same day are identical. Run it while nothing else
has the database open.

The reporting round runs on them (loaders/demo/round.py): every quarter before the round
running approved and locked, one reopened and approved again, a county's own rule and a moved
deadline, the county's assessments and the reminders sent.

Everyone in the demo log has an account: the county's partnership coordinator
(administrator) and each region's coordinator (reporter for the region), all without
passwords and with an address at a reserved domain. The one account that can sign in is
``demo``, an administrator whose random password is printed when the database is built.
Anyone may read the demo database without signing in.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import hashlib
import os
import random
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from core.access import set_reading_open
from core.db import connect, database_path, process_alive, write_transaction
from core.i18n import Localised, t
from core.lineage import continue_agreement
from core.organisation import (
    COUNTY_SUFFIX,
    County,
    ensure_county,
    find_county,
    rename_region,
    set_council_areas,
    set_region_county,
    set_region_members,
    set_status_aliases,
    set_successors,
)
from core.reference import current_numbers, municipality_on
from core.register import Agreement, Commitment, agreement_for, ensure_region, find_region, save_agreement
from core.reports import Report, save_reports
from core.uploads import record_upload
from core.users import User, add_user, get_user
from core.vocabulary import natural_code_key, next_quarter, previous_quarter, quarter_end, quarter_of_date
from loaders.agreement import load_agreement, read_agreement
from loaders.demo import data as demo_data
from loaders.demo.round import fill_round, timestamp

SEED = 2022
FIRST_QUARTER = "2022-Q1"
VIKEN_PERIOD = "2022-2023"
SPLIT_INDEX = 8  # 2024-Q1, the first quarter under the new counties, counted from FIRST_QUARTER
DEADLINE_DAYS = 30  # status files are due within a month of the quarter's end
CANCELLED_COMMITMENTS = 2
STALE_COMMITMENTS = 5  # no report for the last two quarters
GAP_RATE = 0.03  # reports now and then simply missing

# One quarter of a commitment's demo history: status, progress, comment, next step.
_Quarter = tuple[str, int, str | None, str | None]

DEMO_USERNAME = "demo"
SEED_NAME = "agreement-indre-ostfold-2022-2023.txt"
_LOADERS = Path(__file__).resolve().parent.parent
# The shared original when it is there; the copy in the repo lets a clean checkout build too.
SEED_PATHS = (_LOADERS.parent.parent / "shared" / "seeds" / SEED_NAME, _LOADERS / "seeds" / SEED_NAME)


@dataclass(frozen=True)
class DemoSummary(Localised):
    regions: int
    commitments: int
    reports: int
    uploads: int
    path: Path
    built: bool
    password: str | None = None  # the demo account's, shown once when the database is built

    def message(self, lang: str = "nb") -> str:
        """What was built, or why nothing was; the demo account's password when it is new."""
        counts = t(
            "loaders.demo.counts",
            lang,
            regions=self.regions,
            commitments=self.commitments,
            reports=self.reports,
            uploads=self.uploads,
        )
        if self.built:
            return t(
                "loaders.demo.built",
                lang,
                path=self.path,
                counts=counts,
                username=DEMO_USERNAME,
                password=self.password,
            )
        return t("loaders.demo.exists", lang, path=self.path, counts=counts)


def build_demo(path: str | os.PathLike | None = None, force: bool = False, today: dt.date | None = None) -> DemoSummary:
    """Build the demo database at ``path``, unless it already has regions and not ``force``.

    The reports run to the last complete quarter before ``today`` (the real today by default).

    The database is built in a temporary file next to the target and moved into
    place at the end, so an interrupted build never leaves half a database.
    """
    target = database_path(path)
    if target.exists() and not force:
        with contextlib.closing(connect(target)) as db:
            if db.execute("SELECT count(*) FROM regions").fetchone()[0]:
                return _summary(db, target, built=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Named by process, so two builds never share a file; SQLite creates it with the usual permissions.
    temp = target.with_name(f".{target.name}.{os.getpid()}.building")
    _remove_stale_builds(target)
    temp.unlink(missing_ok=True)
    try:
        password = secrets.token_urlsafe(12)
        with contextlib.closing(connect(temp)) as db:
            _fill(db, password, today or dt.date.today())
            summary = _summary(db, target, built=True, password=password)
        _replace(temp, target)
    except BaseException:
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return summary


def _remove_stale_builds(target: Path) -> None:
    """Remove what builds killed outright (SIGKILL, power loss) left next to ``target``.

    Such a build never reaches its clean-up. Its files are named by its process id, so a file
    whose process is gone is stale; a build still running keeps its files.
    """
    prefix = f".{target.name}."
    for leftover in target.parent.glob(f"{glob.escape(prefix)}*.building*"):
        pid = leftover.name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            leftover.unlink(missing_ok=True)


def _replace(temp: Path, target: Path) -> None:
    # A -wal file left by the old database would be replayed into the new one.
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(temp, target)


def _summary(db: Database, path: Path, *, built: bool, password: str | None = None) -> DemoSummary:
    def count(table: str) -> int:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    return DemoSummary(
        count("regions"), count("commitments"), count("status_reports"), count("uploads"), path, built, password
    )


def _fill(db: Database, password: str, today: dt.date) -> None:
    rng = random.Random(SEED)
    uploaded_at: dict[int, str] = {}
    with write_transaction(db):
        for region in demo_data.REGIONS:
            # Members through the organisation model, which gives each its county by its number.
            found = ensure_region(db, region.name, region.short_name)
            set_region_members(db, found.id, region.municipalities)
    admin, coordinators = _accounts(db, password)
    set_reading_open(db, True, user=admin)
    viken_agreements = _save_viken_agreements(db, rng, uploaded_at, admin)
    with write_transaction(db):
        counties = _reorganise(db)
    # Østfold's partnership adviser reports for every region of the county, whatever its unit.
    county_reporter = add_user(
        db,
        account_name(demo_data.COUNTY_REPORTER),
        demo_data.COUNTY_REPORTER,
        "rapportor",
        email=f"{account_name(demo_data.COUNTY_REPORTER)}@{demo_data.COUNTY_MAIL_DOMAIN}",
        counties=(demo_data.COUNTY_REPORTER_COUNTY,),
    )
    # Read again: an account's regions are by name, and some regions have new names.
    coordinators = {name: get_user(db, user.username) for name, user in coordinators.items()}
    successors = {
        region.name: successor_agreement(region, viken_agreements[region.name], _demo_county(region))
        for region in demo_data.REGIONS
    }
    quarters = quarter_range(FIRST_QUARTER, last_complete_quarter(today))
    stories = _stories(rng, viken_agreements, successors, len(quarters))
    # Status files and the 2024 agreements come in interleaved (the 2023-Q4 files arrive while the
    # new agreements are being signed); they are saved in the order they came.
    events = [
        *_status_deliveries(rng, quarters, today),
        *((at, region, None) for at, region in _new_agreement_dates(rng)),
    ]
    for at, region, quarter in sorted(events, key=lambda event: event[0]):
        upload_id: int | None
        if quarter is None:
            upload_id = _save_successor(db, region, successors[region.name], counties[region.county], admin)
        else:
            upload_id = _save_status(db, region, quarters, quarter, stories[region.name], coordinators[region.name])
        if upload_id is not None:
            uploaded_at[upload_id] = at
    # The loaders stamp uploads with the time of the build; dating them when the
    # files would have come in makes the uploads log read like a real one (and the round's
    # deliveries on time or late).
    with write_transaction(db):
        db.conn.executemany(
            "UPDATE uploads SET uploaded_at = ? WHERE id = ?", [(at, id_) for id_, at in uploaded_at.items()]
        )
    fill_round(db, quarters, today, admin=admin, county_reporter=county_reporter, coordinators=coordinators)


def last_complete_quarter(today: dt.date) -> str:
    """The last quarter that ended before ``today``: 2026-Q3 for any day of 2026-Q4."""
    return previous_quarter(quarter_of_date(today))


def _accounts(db: Database, password: str) -> tuple[User, dict[str, User]]:
    """The demo's accounts: the partnership coordinator, who loads the agreements, and each region's coordinator."""
    county_mail = demo_data.COUNTY_MAIL_DOMAIN
    add_user(
        db, DEMO_USERNAME, "Demobruker", "administrator", password=password, email=f"{DEMO_USERNAME}@{county_mail}"
    )
    coordinators = {
        region.name: add_user(
            db,
            account_name(region.coordinator),
            region.coordinator,
            "rapportor",
            email=f"{account_name(region.coordinator)}@{region.slug}.example",
            regions=(region.name,),
        )
        for region in demo_data.REGIONS
    }
    admin = add_user(
        db,
        account_name(demo_data.AGREEMENT_USER),
        demo_data.AGREEMENT_USER,
        "administrator",
        email=f"{account_name(demo_data.AGREEMENT_USER)}@{county_mail}",
    )
    return admin, coordinators


def account_name(name: str) -> str:
    """ "Ole Kristian Strand" -> "ole.kristian.strand"."""
    return ".".join(name.lower().split())


def _save_viken_agreements(
    db: Database, rng: random.Random, uploaded_at: dict[int, str], admin: User
) -> dict[str, Agreement]:
    """Viken's agreements of 2022–2023, each region's with its council areas, as saved."""
    # The agreements were signed and loaded during the first months of 2022, in this order.
    dates = iter(sorted(timestamp(rng, dt.date(2022, 1, 10), days=70) for _ in demo_data.REGIONS))
    seed = seed_path()
    loaded = load_agreement(db, seed, region=demo_data.INDRE_OSTFOLD.name, period=VIKEN_PERIOD, user=admin)
    uploaded_at[loaded.upload_id] = next(dates)
    # The agreement text does not say which council area follows up each commitment.
    indre_ostfold = read_agreement(seed, period=VIKEN_PERIOD)
    for commitment in indre_ostfold.commitments:
        commitment.council_area = council_area_for(commitment.code, demo_data.INDRE_OSTFOLD_COUNCIL_AREAS)
    saved = {demo_data.INDRE_OSTFOLD.name: indre_ostfold}
    with write_transaction(db):
        save_agreement(db, find_region(db, demo_data.INDRE_OSTFOLD.name), indre_ostfold)
        for region in demo_data.REGIONS:
            if region.agreement is None:
                continue
            saved[region.name] = region.agreement
            result = save_agreement(db, find_region(db, region.name), region.agreement)
            file_name = f"partnerskapsavtale-{region.slug}-{region.agreement.period}.docx"
            upload_id = record_upload(
                db,
                kind="agreement",
                file_name=file_name,
                sha256=_sha256(file_name),
                user=admin.signature,
                added=result.added,
            )
            uploaded_at[upload_id] = next(dates)
    return saved


def seed_path() -> Path:
    return next((path for path in SEED_PATHS if path.exists()), SEED_PATHS[-1])


def council_area_for(code: str, areas: dict[str, str]) -> str | None:
    """The area listed for the code or, failing that, for its nearest parent code."""
    parts = code.split(".")
    while parts:
        area = areas.get(".".join(parts))
        if area:
            return area
        parts.pop()
    return None


def _demo_county(region: demo_data.DemoRegion) -> demo_data.DemoCounty:
    return next(county for county in demo_data.COUNTIES if county.name == f"{region.county}{COUNTY_SUFFIX}")


def _reorganise(db: Database) -> dict[str, County]:
    """Viken's split on 1 January 2024: the three counties with their units, and the regions
    moved to them, renamed where they were and with their members' new numbers. By short name."""
    viken = find_county(db, demo_data.VIKEN)
    counties = {}
    for demo_county in demo_data.COUNTIES:
        county = ensure_county(db, demo_county.name, demo_county.number, demo_data.SPLIT_DAY, None)
        set_council_areas(db, county, demo_county.units)
        set_status_aliases(db, county, demo_county.status_aliases)
        counties[county.short_name] = county
    set_successors(db, viken, list(counties.values()))
    day = demo_data.SPLIT_DAY
    for region in demo_data.REGIONS:
        region_id = find_region(db, region.name).id
        set_region_county(db, region_id, counties[region.county], day)
        if region.new_name:
            rename_region(db, region_id, region.new_name, day)
        numbers = [new for old in region.municipalities for new in current_numbers(old, day)]
        members = [municipality_on(number, day) for number in [*numbers, *region.other_county_members]]
        set_region_members(
            db,
            region_id,
            {member.number: member.name for member in members if member},
            day,
            {member.number: member.county_number for member in members if member},
        )
    return counties


def successor_agreement(region: demo_data.DemoRegion, viken: Agreement, county: demo_data.DemoCounty) -> Agreement:
    """The region's 2024–2027 agreement with its new county, made from its Viken agreement as
    ``region.successor`` says; the county's name where Viken's stood, and the county's units."""
    spec = region.successor
    short = county.name.removesuffix(COUNTY_SUFFIX)
    commitments: dict[str, Commitment] = {}
    for old in viken.commitments:
        for code in spec.targets.get(old.code, [old.code]):
            if code not in commitments:
                text = spec.texts.get(code) or re.sub(r"\bViken\b", short, old.text)
                commitments[code] = Commitment(
                    code, text, code.split(".")[0], county.unit_for[_area(old)], sdgs=old.sdgs
                )
    for code, text, area, *sdgs in spec.added:
        commitments[code] = Commitment(
            code, text, code.split(".")[0], county.unit_for[area], sdgs=sdgs[0] if sdgs else None
        )
    return Agreement(
        period=demo_data.NEW_PERIOD,
        title=f"Partnerskapsavtale spesiell del {demo_data.NEW_PERIOD}",
        focus_areas=viken.focus_areas,
        commitments=[commitments[code] for code in sorted(commitments, key=natural_code_key)],
    )


def _area(commitment: Commitment) -> str:
    if commitment.council_area is None:
        raise ValueError(f"demo commitment {commitment.code} has no council area")
    return commitment.council_area


def _new_agreement_dates(rng: random.Random) -> list[tuple[str, demo_data.DemoRegion]]:
    # The new counties signed their agreements during the first two months of 2024.
    return [(timestamp(rng, dt.date(2024, 1, 8), days=60), region) for region in demo_data.REGIONS]


def _save_successor(
    db: Database, region: demo_data.DemoRegion, agreement: Agreement, county: County, admin: User
) -> int:
    """Save the region's 2024–2027 agreement and record how it carries the Viken one on."""
    with write_transaction(db):
        found = find_region(db, region.name)
        result = save_agreement(db, found, agreement, county_id=county.id)
        old_id = agreement_for(db, found.id, VIKEN_PERIOD)
        new_id = agreement_for(db, found.id, agreement.period)
        assert old_id is not None and new_id is not None
        continue_agreement(db, old_id, new_id, region.successor.targets)
        file_name = f"partnerskapsavtale-{region.slug}-{agreement.period}.docx"
        return record_upload(
            db,
            kind="agreement",
            file_name=file_name,
            sha256=_sha256(file_name),
            user=admin.signature,
            added=result.added,
        )


@dataclass
class _Story:
    """One commitment's work across agreements: the quarters it covers under each code, and its reports."""

    owner: str  # with {county}, filled in with the county of the time
    codes: list[tuple[range, str, str]]  # (quarter indexes, agreement period, code)
    history: list[_Quarter | None]


def _stories(
    rng: random.Random, viken: dict[str, Agreement], successors: dict[str, Agreement], count: int
) -> dict[str, list[_Story]]:
    """Every region's stories: each Viken commitment carried on (or not) into 2024, and the new ones."""
    before, after = range(min(SPLIT_INDEX, count)), range(SPLIT_INDEX, count)
    plans: list[tuple[demo_data.DemoRegion, str, list[tuple[range, str, str]], str | None]] = []
    for region in demo_data.REGIONS:
        spec = region.successor
        targets = {c.code: spec.targets.get(c.code, [c.code]) for c in viken[region.name].commitments}
        first_source: dict[str, str] = {}
        for code, new_codes in targets.items():
            for target in new_codes:
                first_source.setdefault(target, code)
        for commitment in viken[region.name].commitments:
            spans = [(before, VIKEN_PERIOD, commitment.code)]
            # A merged commitment carries on the story of the first it was merged from.
            carried = [target for target in targets[commitment.code] if first_source[target] == commitment.code]
            if carried:
                spans.append((after, demo_data.NEW_PERIOD, carried[0]))
            plans.append((region, _area(commitment), spans, None))
            plans.extend(
                (region, _area(commitment), [(after, demo_data.NEW_PERIOD, code)], "branch") for code in carried[1:]
            )
        plans.extend((region, area, [(after, demo_data.NEW_PERIOD, code)], "new") for code, _, area, *_ in spec.added)

    fates = _fates(rng, len(plans))
    stories: dict[str, list[_Story]] = {region.name: [] for region in demo_data.REGIONS}
    for (region, area, codes, kind), fate in zip(plans, fates, strict=True):
        owner = rng.choice(demo_data.OWNERS[area]).replace("{short}", region.short_name)
        if kind is None and codes[-1][1] == VIKEN_PERIOD:
            # Ended, or merged into another: it runs to the end of 2023, and an ended one is done by then.
            history = _history(
                rng,
                "completes" if _ended(region, codes[0][2]) else fate,
                area,
                count,
                end=len(before) - 1,
            )
        elif kind == "branch":
            # A split's new part starts where the commitment it was split from stood.
            parent = stories[region.name][-1].history
            state = next((values for values in reversed(parent[: len(before)]) if values), None)
            history = _history(rng, "steady", area, count, begin=SPLIT_INDEX, state=state)
        elif kind == "new":
            history = _history(rng, fate, area, count, begin=SPLIT_INDEX)
        else:
            history = _history(rng, fate, area, count, done_from=SPLIT_INDEX)
        stories[region.name].append(_Story(owner, codes, history))
    return stories


def _ended(region: demo_data.DemoRegion, code: str) -> bool:
    return region.successor.targets.get(code) == []


def _status_deliveries(
    rng: random.Random, quarters: list[str], today: dt.date
) -> list[tuple[str, demo_data.DemoRegion, str]]:
    """When each region's status file for each quarter came in; none from the silent region for the last one."""
    deliveries = []
    for quarter in quarters:
        for region in demo_data.REGIONS:
            last = quarter == quarters[-1]
            if last and region.name == demo_data.SILENT_REGION:
                continue
            # The files are due within DEADLINE_DAYS of the quarter's end; the late region's last one was not.
            late = last and region.name == demo_data.LATE_REGION
            first_day = quarter_end(quarter) + dt.timedelta(days=DEADLINE_DAYS + 3 if late else 5)
            # Never later than the day before the build.
            first_day = min(first_day, today - dt.timedelta(days=1))
            days = max(1, min(DEADLINE_DAYS - 5, (today - first_day).days))
            deliveries.append((timestamp(rng, first_day, days=days), region, quarter))
    return deliveries


def _save_status(
    db: Database,
    region: demo_data.DemoRegion,
    quarters: list[str],
    quarter: str,
    stories: list[_Story],
    coordinator: User,
) -> int | None:
    index = quarters.index(quarter)
    region_id = find_region(db, region.name).id
    ids = {
        (period, code): id_
        for period, code, id_ in db.execute(
            "SELECT a.period, c.code, c.id FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
            "WHERE a.region_id = ?",
            (region_id,),
        )
    }
    county = "Viken" if index < SPLIT_INDEX else region.county
    reports = [
        Report(ids[(period, code)], quarter, *values, owner=story.owner.format(county=county))
        for story in stories
        if (values := story.history[index]) is not None
        for indexes, period, code in story.codes
        if index in indexes
    ]
    if quarter == quarters[-1] and region.name == demo_data.LATE_REGION:
        # The late file covers only part of the region's commitments.
        reports = reports[: len(reports) // 2]
    file_name = f"status-{region.slug}-{quarter}.xlsx"
    result = save_reports(db, reports, kind="demo", file_name=file_name, sha256=_sha256(file_name), user=coordinator)
    return result.upload_id


def _fates(rng: random.Random, count: int) -> list[str]:
    """How each commitment's work goes; a few are picked to be cancelled or to go quiet."""
    fates = rng.choices(("steady", "delayed", "completes"), weights=(5, 2, 3), k=count)
    special = rng.sample(range(count), CANCELLED_COMMITMENTS + STALE_COMMITMENTS)
    for position, index in enumerate(special):
        fates[index] = "cancelled" if position < CANCELLED_COMMITMENTS else "stale"
    return fates


def _between(rng: random.Random, low: int, high: int) -> int:
    """A random index from ``low`` to ``high``; ``low`` when the range is empty (a short history)."""
    return rng.randint(low, max(low, high))


def _history(
    rng: random.Random,
    fate: str,
    area: str,
    count: int,
    *,
    begin: int = 0,
    end: int | None = None,
    state: _Quarter | None = None,
    done_from: int = 0,
) -> list[_Quarter | None]:
    """(status, progress, comment, next_step) for each of ``count`` quarters, None where nothing was reported.

    The commitment exists from quarter ``begin`` to ``end`` (the last by default), carrying on from
    ``state`` where given; it completes or is cancelled no earlier than ``done_from``.
    """
    end = count - 1 if end is None else min(end, count - 1)
    status, progress, said = (state[0], float(state[1] or 0), state[2]) if state else ("not_started", 0.0, None)
    start = begin + (rng.choice((0, 0, 0, 0, 1, 1, 2, 3)) if status == "not_started" else 0)
    done_at = _between(rng, min(max(start + 3, done_from), end), end) if fate == "completes" else None
    step = (100 - progress) / (done_at - start + 1) if done_at is not None else rng.uniform(3, 6)
    delayed = range(0)  # the quarters the work is behind
    if fate == "delayed":
        delayed_from = _between(rng, start + 1, end - 2)
        delayed = range(delayed_from, delayed_from + rng.randint(2, 3))
    cancelled_at = _between(rng, min(max(start + 2, done_from), end), end - 1) if fate == "cancelled" else None
    last = end - 2 if fate == "stale" else end

    history: list[_Quarter | None] = []
    for index in range(count):
        if not begin <= index <= end:
            history.append(None)
            continue
        previous = status
        if index < start:
            comment = _maybe(rng, demo_data.NOT_STARTED_COMMENTS, 0.5)
        elif previous in ("completed", "cancelled"):
            comment = None
        elif cancelled_at is not None and index >= cancelled_at:
            status, comment = "cancelled", rng.choice(demo_data.CANCELLED_COMMENTS)
        elif index in delayed:
            status, comment = "delayed", rng.choice(demo_data.DELAYED_COMMENTS)
            progress = min(progress + rng.randint(0, 3), 95)
        else:
            progress += step * rng.uniform(0.8, 1.2)
            if done_at is not None and (index >= done_at or progress >= 100):
                status, progress = "completed", 100
                comment = rng.choice(demo_data.COMPLETED_COMMENTS)
            else:
                status, progress = "on_track", min(progress, 95)
                if previous == "delayed":
                    comment = rng.choice(demo_data.RECOVERED_COMMENTS)
                else:
                    # Not the same words as last quarter, as a person writing would avoid.
                    fresh = tuple(phrase for phrase in demo_data.PROGRESS_COMMENTS[area] if phrase != said)
                    comment = _maybe(rng, fresh, 0.75)
        next_step = _maybe(rng, demo_data.NEXT_STEPS[area], 0.6) if status not in ("completed", "cancelled") else None
        missing = index > last or (begin < index < end and rng.random() < GAP_RATE)
        history.append(None if missing else (status, round(progress), comment, next_step))
        said = comment or said
    return history


def _maybe(rng: random.Random, phrases: tuple[str, ...], probability: float) -> str | None:
    # Both draws are always made, so one report's wording never shifts the rest.
    phrase = rng.choice(phrases)
    return phrase if rng.random() < probability else None


def quarter_range(first: str, last: str) -> list[str]:
    quarters = [first]
    while quarters[-1] != last:
        quarters.append(next_quarter(quarters[-1]))
    return quarters


def _sha256(file_name: str) -> str:
    # A stand-in checksum: there is no file, but every upload needs one, and the
    # status loader recognises a re-upload of the same file by it.
    return hashlib.sha256(f"demo:{file_name}".encode()).hexdigest()
