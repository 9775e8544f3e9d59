"""A national-scale database for the benchmarks: many regions, years of quarterly reports.

    build_national(path)  # 400 regions x 50 commitments x 16 quarters = 320,000 status reports

The register goes through core.register, as real agreements do; the status
reports and the uploads they came from are bulk-inserted, since going through
the status loader file by file would take minutes. Seeded, so every build is
identical. Usage: python bench/national.py PATH
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import math
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.db import connect, write_transaction  # noqa: E402
from core.queries import council_area_names  # noqa: E402
from core.register import Agreement, Commitment, FocusArea, ensure_region, save_agreement  # noqa: E402
from core.vocabulary import next_quarter  # noqa: E402

SEED = 2024
LAST_QUARTER = "2024-Q2"
FOCUS_AREAS = 5
MUNICIPALITIES_PER_REGION = 4
# How a commitment's work goes, and how often: most move along, some stall for a while.
FATES = ("steady", "delayed", "completes", "cancelled")
FATE_WEIGHTS = (50, 20, 28, 2)
COMMENTS = (
    "Arbeidet går som planlagt.",
    "Prosjektgruppen er etablert og har hatt første møte.",
    "Venter på avklaring om finansiering.",
    "Tiltaket er drøftet i regionrådet.",
    None,
)
NEXT_STEPS = ("Følge opp i neste møte i regionrådet.", "Sende søknad om midler.", "Rapportere til fylket.", None)


def build_national(path: str | Path, regions: int = 400, commitments: int = 50, quarters: int = 16) -> dict:
    """Build the database at ``path`` and return its counts.

    The file must not exist: the uploads are numbered from 1, as in a new database.
    """
    if Path(path).exists():
        raise FileExistsError(f"{path} exists; give a new file")
    rng = random.Random(SEED)
    quarter_list = quarters_ending(LAST_QUARTER, quarters)
    period = f"{quarter_list[0][:4]}-{quarter_list[-1][:4]}"
    with contextlib.closing(connect(path)) as db, write_transaction(db):
        commitment_ids = []
        units = council_area_names(db)
        for number in range(regions):
            region = ensure_region(db, f"Region {number:03d}", f"R{number:03d}", municipalities(number))
            save_agreement(db, region, agreement(number, period, commitments, units))
            commitment_ids.append(
                [
                    row[0]
                    for row in db.execute(
                        "SELECT c.id FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
                        "WHERE a.region_id = ? ORDER BY c.position",
                        (region.id,),
                    )
                ]
            )
        histories = [[history(rng, len(quarter_list)) for _ in ids] for ids in commitment_ids]
        uploads = upload_rows(rng, regions, commitments, quarter_list)
        db.conn.executemany(
            "INSERT INTO uploads (id, kind, file_name, sha256, uploaded_by, uploaded_at, quarters, added) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            uploads,
        )
        db.conn.executemany(
            "INSERT INTO status_reports "
            "(commitment_id, quarter, status, progress, comment, next_step, owner, upload_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            report_rows(rng, commitment_ids, histories, quarter_list),
        )
        counts = {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("regions", "commitments", "status_reports", "uploads")
        }
    return counts


def quarters_ending(last: str, count: int) -> list[str]:
    """``count`` consecutive quarters ending with ``last``."""
    year, quarter = (int(part) for part in last.split("-Q"))
    index = year * 4 + quarter - 1 - (count - 1)
    first = f"{index // 4}-Q{index % 4 + 1}"
    found = [first]
    while len(found) < count:
        found.append(next_quarter(found[-1]))
    return found


def municipalities(region: int) -> dict[str, str]:
    # Four-digit numbers, unique across regions, as the schema requires.
    first = 1000 + region * MUNICIPALITIES_PER_REGION
    return {str(first + n): f"Kommune {first + n}" for n in range(MUNICIPALITIES_PER_REGION)}


def agreement(region: int, period: str, commitments: int, units: list[str]) -> Agreement:
    focus_areas = [
        FocusArea(str(n), f"Innsatsområde {n}", f"#tema{n}", [(region + n) % 17 + 1, (region + 3 * n) % 17 + 1])
        for n in range(1, FOCUS_AREAS + 1)
    ]
    per_area = math.ceil(commitments / FOCUS_AREAS)
    return Agreement(
        period,
        focus_areas,
        [
            Commitment(
                f"{c // per_area + 1}.{c % per_area + 1}",
                f"Tiltak {c + 1} for region {region:03d}: samarbeid om utvikling",
                str(c // per_area + 1),
                units[(region + c) % len(units)],
            )
            for c in range(commitments)
        ],
        title=f"Partnerskapsavtale for Region {region:03d}",
    )


def history(rng: random.Random, count: int) -> list[tuple[str, int]]:
    """(status, progress) for each quarter of one commitment's life."""
    fate = rng.choices(FATES, FATE_WEIGHTS)[0]
    start = rng.choice((0, 0, 0, 1, 2, 3))
    step = rng.uniform(4, 12)
    done_at = between(rng, start + 3, count - 1) if fate == "completes" else None
    delayed_from = between(rng, start + 1, count - 3) if fate == "delayed" else count
    delayed = range(delayed_from, delayed_from + rng.randint(2, 8))
    cancelled_at = between(rng, start + 2, count - 1) if fate == "cancelled" else None

    rows, status, progress = [], "not_started", 0.0
    for index in range(count):
        if index < start or status in ("completed", "cancelled"):
            pass
        elif cancelled_at is not None and index >= cancelled_at:
            status = "cancelled"
        elif index in delayed:
            status, progress = "delayed", min(progress + rng.uniform(0, 2), 95)
        elif done_at is not None and index >= done_at:
            status, progress = "completed", 100
        else:
            status, progress = "on_track", min(progress + step * rng.uniform(0.5, 1.5), 95)
        rows.append((status, round(progress)))
    return rows


def between(rng: random.Random, low: int, high: int) -> int:
    # Short histories (a handful of quarters) squeeze the ranges; never let them turn empty.
    return rng.randint(min(low, high), high)


def upload_id(region: int, quarter_index: int, quarters: int) -> int:
    return region * quarters + quarter_index + 1


def upload_rows(rng: random.Random, regions: int, commitments: int, quarters: list[str]) -> list[tuple]:
    """One status file per region and quarter, sent in during the weeks after the quarter."""
    rows = []
    for region in range(regions):
        for index, quarter in enumerate(quarters):
            file_name = f"status-region-{region:03d}-{quarter}.xlsx"
            rows.append(
                (
                    upload_id(region, index, len(quarters)),
                    "status",
                    file_name,
                    hashlib.sha256(file_name.encode()).hexdigest(),
                    f"koordinator{region:03d}",
                    delivered(rng, quarter),
                    quarter,
                    commitments,
                )
            )
    return rows


def delivered(rng: random.Random, quarter: str) -> str:
    year, q = (int(part) for part in quarter.split("-Q"))
    quarter_end = dt.datetime(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1, tzinfo=dt.UTC)
    moment = quarter_end + dt.timedelta(days=rng.randrange(5, 30), hours=rng.randint(7, 15), minutes=rng.randrange(60))
    return moment.isoformat(timespec="seconds")


def report_rows(
    rng: random.Random, commitment_ids: list[list[int]], histories: list[list[list]], quarters: list[str]
) -> list[tuple]:
    rows = []
    for region, (ids, region_histories) in enumerate(zip(commitment_ids, histories, strict=True)):
        owner = f"Rådgiver R{region:03d}"
        for commitment_id, states in zip(ids, region_histories, strict=True):
            for index, (quarter, (status, progress)) in enumerate(zip(quarters, states, strict=True)):
                rows.append(
                    (
                        commitment_id,
                        quarter,
                        status,
                        progress,
                        rng.choice(COMMENTS),
                        rng.choice(NEXT_STEPS) if status not in ("completed", "cancelled") else None,
                        owner,
                        upload_id(region, index, len(quarters)),
                    )
                )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="database file to create (must not exist)")
    args = parser.parse_args()
    start = time.perf_counter()
    counts = build_national(args.path)
    print(f"{counts} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
