"""A demo database built by one command, so the dashboard is never empty on first start.

    python -m loaders demo [--db PATH] [--force]

Seven municipal regions of Viken with their agreements and ten quarters of
status reports (2022-Q1 to 2024-Q2), loaded through the same code as real
files. The reports come from a seeded random generator, so every build is
identical. Run it while nothing else has the database open.

Everyone in the demo log has an account: the county's partnership coordinator
(administrator) and each region's coordinator (reporter for the region), all
without passwords. The one account that can sign in is ``demo``, an
administrator whose random password is printed when the database is built.
Anyone may read the demo database without signing in.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import hashlib
import os
import random
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from core.access import set_reading_open
from core.db import connect, database_path, process_alive, write_transaction
from core.i18n import Localised, t
from core.register import ensure_region, find_region, save_agreement
from core.reports import Report, save_reports
from core.uploads import record_upload
from core.users import User, add_user
from core.vocabulary import next_quarter
from loaders.agreement import load_agreement, read_agreement
from loaders.demo import data as demo_data

SEED = 2022
FIRST_QUARTER = "2022-Q1"
LAST_QUARTER = "2024-Q2"
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


def build_demo(path: str | os.PathLike | None = None, force: bool = False) -> DemoSummary:
    """Build the demo database at ``path``, unless it already has regions and not ``force``.

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
            _fill(db, password)
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


def _fill(db: Database, password: str) -> None:
    rng = random.Random(SEED)
    uploaded_at: dict[int, str] = {}
    with write_transaction(db):
        for region in demo_data.REGIONS:
            ensure_region(db, region.name, region.short_name, region.municipalities)
    admin, coordinators = _accounts(db, password)
    set_reading_open(db, True, user=admin)
    _save_agreements(db, rng, uploaded_at, admin)
    _save_status_history(db, rng, uploaded_at, coordinators)
    # The loaders stamp uploads with the time of the build; dating them when the
    # files would have come in makes the uploads log read like a real one.
    with write_transaction(db):
        db.conn.executemany(
            "UPDATE uploads SET uploaded_at = ? WHERE id = ?", [(at, id_) for id_, at in uploaded_at.items()]
        )


def _accounts(db: Database, password: str) -> tuple[User, dict[str, User]]:
    """The demo's accounts: the partnership coordinator, who loads the agreements, and each region's coordinator."""
    add_user(db, DEMO_USERNAME, "Demobruker", "administrator", password=password)
    coordinators = {
        region.name: add_user(
            db, account_name(region.coordinator), region.coordinator, "rapportor", regions=(region.name,)
        )
        for region in demo_data.REGIONS
    }
    admin = add_user(db, account_name(demo_data.AGREEMENT_USER), demo_data.AGREEMENT_USER, "administrator")
    return admin, coordinators


def account_name(name: str) -> str:
    """ "Ole Kristian Strand" -> "ole.kristian.strand"."""
    return ".".join(name.lower().split())


def _save_agreements(db: Database, rng: random.Random, uploaded_at: dict[int, str], admin: User) -> None:
    # The agreements were signed and loaded during the first months of 2022, in this order.
    dates = iter(sorted(_timestamp(rng, dt.date(2022, 1, 10), days=70) for _ in demo_data.REGIONS))
    seed = seed_path()
    loaded = load_agreement(db, seed, region=demo_data.INDRE_OSTFOLD.name, period="2022-2023", user=admin)
    uploaded_at[loaded.upload_id] = next(dates)
    # The agreement text does not say which council area follows up each commitment.
    indre_ostfold = read_agreement(seed, period="2022-2023")
    for commitment in indre_ostfold.commitments:
        commitment.council_area = council_area_for(commitment.code, demo_data.INDRE_OSTFOLD_COUNCIL_AREAS)
    with write_transaction(db):
        save_agreement(db, find_region(db, demo_data.INDRE_OSTFOLD.name), indre_ostfold)
        for region in demo_data.REGIONS:
            if region.agreement is None:
                continue
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


def _save_status_history(
    db: Database, rng: random.Random, uploaded_at: dict[int, str], coordinators: dict[str, User]
) -> None:
    quarters = quarter_range(FIRST_QUARTER, LAST_QUARTER)
    commitments = {region.name: _commitments(db, region.name) for region in demo_data.REGIONS}
    everyone = [(region, *row) for region in demo_data.REGIONS for row in commitments[region.name]]
    fates = _fates(rng, len(everyone))
    histories: dict[str, list[list[Report | None]]] = {region.name: [] for region in demo_data.REGIONS}
    for (region, commitment_id, area), fate in zip(everyone, fates, strict=True):
        owner = rng.choice(demo_data.OWNERS[area]).format(short=region.short_name)
        histories[region.name].append(
            [
                Report(commitment_id, quarter, *values, owner=owner) if values else None
                for quarter, values in zip(quarters, _history(rng, fate, area, len(quarters)), strict=True)
            ]
        )

    for index, quarter in enumerate(quarters):
        # Regions send their files on different days after the quarter; save them in that order.
        deliveries = sorted(
            (_timestamp(rng, _quarter_end(quarter) + dt.timedelta(days=5), days=25), region)
            for region in demo_data.REGIONS
            if not (quarter == LAST_QUARTER and region.name == demo_data.LATE_REGION)
        )
        for at, region in deliveries:
            reports = [report for history in histories[region.name] if (report := history[index]) is not None]
            file_name = f"status-{region.slug}-{quarter}.xlsx"
            result = save_reports(
                db, reports, kind="demo", file_name=file_name, sha256=_sha256(file_name), user=coordinators[region.name]
            )
            if result.upload_id is not None:
                uploaded_at[result.upload_id] = at


def _commitments(db: Database, region: str) -> list[tuple[int, str]]:
    """(id, council area) of the region's commitments, in agreement order."""
    # A left join, so a commitment without a council area fails the build loudly.
    return db.execute(
        "SELECT c.id, ca.name FROM commitments c "
        "JOIN agreements a ON a.id = c.agreement_id "
        "LEFT JOIN council_areas ca ON ca.id = c.council_area_id "
        "WHERE a.region_id = ? ORDER BY c.position",
        (find_region(db, region).id,),
    ).fetchall()


def _fates(rng: random.Random, count: int) -> list[str]:
    """How each commitment's work goes; a few are picked to be cancelled or to go quiet."""
    fates = rng.choices(("steady", "delayed", "completes"), weights=(5, 2, 3), k=count)
    special = rng.sample(range(count), CANCELLED_COMMITMENTS + STALE_COMMITMENTS)
    for position, index in enumerate(special):
        fates[index] = "cancelled" if position < CANCELLED_COMMITMENTS else "stale"
    return fates


def _history(rng: random.Random, fate: str, area: str, count: int) -> list[_Quarter | None]:
    """(status, progress, comment, next_step) for each of ``count`` quarters, None where nothing was reported."""
    start = rng.choice((0, 0, 0, 0, 1, 1, 2, 3))
    done_at = rng.randint(min(start + 3, count - 1), count - 1) if fate == "completes" else None
    step = 100 / (done_at - start + 1) if done_at is not None else rng.uniform(5, 10)
    delayed = range(0)  # the quarters the work is behind
    if fate == "delayed":
        delayed_from = rng.randint(start + 1, count - 3)
        delayed = range(delayed_from, delayed_from + rng.randint(2, 3))
    cancelled_at = rng.randint(start + 2, count - 2) if fate == "cancelled" else None
    last = count - 3 if fate == "stale" else count - 1

    history: list[_Quarter | None] = []
    status, progress, said = "not_started", 0.0, None
    for index in range(count):
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
        missing = index > last or (0 < index < count - 1 and rng.random() < GAP_RATE)
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


def _quarter_end(quarter: str) -> dt.date:
    year, q = (int(part) for part in quarter.split("-Q"))
    return dt.date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - dt.timedelta(days=1)


def _timestamp(rng: random.Random, first_day: dt.date, *, days: int) -> str:
    """A working-hours moment within ``days`` days from ``first_day``, as the uploads log writes it."""
    moment = dt.datetime.combine(first_day, dt.time(), dt.UTC) + dt.timedelta(
        days=rng.randrange(days), hours=rng.randint(7, 14), minutes=rng.randrange(60), seconds=rng.randrange(60)
    )
    return moment.isoformat(timespec="seconds")


def _sha256(file_name: str) -> str:
    # A stand-in checksum: there is no file, but every upload needs one, and the
    # status loader recognises a re-upload of the same file by it.
    return hashlib.sha256(f"demo:{file_name}".encode()).hexdigest()
