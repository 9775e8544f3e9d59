"""Status load at national scale, against a bare pandas + calamine read of the same file.

Builds a register of 400 regions x 50 commitments and a 20,000-row status
workbook, then times, as whole processes and in the same run:

  load  python -m loaders status FILE --db DB --as bench   (into a fresh copy of the register each time)
  read  python -c "pandas.read_excel(FILE, engine='calamine')"

Target: load within 2x read. Wall time is the target; CPU time (user + system,
the child that parses the file included) is given too, as it moves less when the
machine is shared.

Then, in this process, what parsing in a child costs (loaders/isolation.py):
read_sheet called directly, in a forked child (the command line) and in a
child of the fork server (the dashboard; the call made from a second thread).

Usage: python bench/bench_status_load.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.db import connect, write_transaction  # noqa: E402
from core.queries import council_area_names  # noqa: E402
from core.register import Agreement, Commitment, FocusArea, ensure_region, save_agreement  # noqa: E402
from core.users import add_user  # noqa: E402
from core.vocabulary import STATUSES  # noqa: E402
from loaders.isolation import run_isolated  # noqa: E402
from loaders.workbook import read_sheet  # noqa: E402

REGIONS = 400
COMMITMENTS = 50
QUARTER = "2024-Q2"


def build_register(path: Path) -> None:
    db = connect(path)
    units = council_area_names(db)
    with write_transaction(db):
        for r in range(REGIONS):
            region = ensure_region(db, f"Region {r:03d}", f"R{r:03d}")
            commitments = [
                Commitment(
                    f"{c // 10 + 1}.{c % 10 + 1}",
                    f"Tiltak {c} for region {r}: samarbeid om utvikling",
                    str(c // 10 + 1),
                    units[c % len(units)],
                )
                for c in range(COMMITMENTS)
            ]
            focus = [FocusArea(str(n), f"Innsatsområde {n}", f"#tema{n}", [n + 3]) for n in range(1, 6)]
            save_agreement(db, region, Agreement("2024-2027", focus, commitments))
    add_user(db, "bench", "Benchmark", "administrator")
    db.close()


def build_workbook(path: Path) -> int:
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Status")
    text = workbook.add_format({"num_format": "@"})
    sheet.write_row(0, 0, ["Statusrapport 2. kv. 2024"])
    sheet.write_row(
        2, 0, ["Region", "Nr", "Kvartal", "Status", "Fremdrift (%)", "Kommentar", "Neste steg", "Ansvarlig"]
    )
    row = 3
    for r in range(REGIONS):
        for c in range(COMMITMENTS):
            status = STATUSES[(r + c) % len(STATUSES)].nb
            sheet.write_string(row, 0, f"Region {r:03d}")
            sheet.write_string(row, 1, f"{c // 10 + 1}.{c % 10 + 1}", text)
            sheet.write_string(row, 2, QUARTER)
            sheet.write_string(row, 3, status)
            sheet.write_number(row, 4, (r * 7 + c * 13) % 101)
            sheet.write_string(row, 5, f"Arbeidet går som planlagt i region {r}, tiltak {c}.")
            sheet.write_string(row, 6, "Følge opp i neste møte i regionrådet.")
            sheet.write_string(row, 7, f"Rådgiver {c % 9}")
            row += 1
    workbook.close()
    return row - 3


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak resident memory (MiB) of one child process and its children."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def in_thread(function: Callable[[], object]) -> None:
    """Call from a second thread, as Streamlit does, so the child comes from the fork server."""
    thread = threading.Thread(target=function)
    thread.start()
    thread.join()


def child_costs(workbook: Path, runs: int) -> dict[str, float]:
    """Median seconds of read_sheet here, in a forked child and in a fork-server child."""
    calls: dict[str, Callable[[], object]] = {
        "direct": lambda: read_sheet(workbook),
        "fork": lambda: run_isolated(read_sheet, workbook),
        "forkserver": lambda: in_thread(lambda: run_isolated(read_sheet, workbook)),
    }
    start = time.perf_counter()
    calls["forkserver"]()
    first = time.perf_counter() - start  # the fork server starting, with the readers imported
    seconds: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(runs):
        for name, call in calls.items():
            start = time.perf_counter()
            call()
            seconds[name].append(time.perf_counter() - start)
    medians = {f"{name}_seconds_median": round(statistics.median(times), 3) for name, times in seconds.items()}
    return {**medians, "forkserver_first_call_seconds": round(first, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        register, workbook = work / "register.db", work / "status.xlsx"
        build_register(register)
        rows = build_workbook(workbook)
        size_mb = workbook.stat().st_size / 1e6

        loads, reads, load_cpu, read_cpu, load_memory, read_memory = [], [], [], [], [], []
        for run in range(args.runs):
            target = work / f"load-{run}.db"
            shutil.copy(register, target)
            seconds, cpu, memory = timed(
                [python, "-m", "loaders", "status", str(workbook), "--db", str(target), "--as", "bench"]
            )
            loads.append(seconds)
            load_cpu.append(cpu)
            load_memory.append(memory)
            seconds, cpu, memory = timed(
                [python, "-c", f"import pandas; pandas.read_excel({str(workbook)!r}, engine='calamine')"]
            )
            reads.append(seconds)
            read_cpu.append(cpu)
            read_memory.append(memory)
        check = connect(work / "load-0.db")
        saved = check.execute("SELECT count(*) FROM status_reports").fetchone()[0]
        check.close()
        children = child_costs(workbook, args.runs)

    load, read = statistics.median(loads), statistics.median(reads)
    result = {
        "rows": rows,
        "saved": saved,
        "workbook_mb": round(size_mb, 2),
        "load_seconds_median": round(load, 3),
        "read_seconds_median": round(read, 3),
        "ratio": round(load / read, 2),
        "load_cpu_seconds_median": round(statistics.median(load_cpu), 3),
        "read_cpu_seconds_median": round(statistics.median(read_cpu), 3),
        "cpu_ratio": round(statistics.median(load_cpu) / statistics.median(read_cpu), 2),
        "load_peak_mib": max(load_memory),
        "read_peak_mib": max(read_memory),
        "runs": args.runs,
        "target_ratio": 2.0,
        "read_sheet": children,
    }
    print(json.dumps(result, indent=2))
    if saved != rows:
        raise SystemExit(f"loaded {saved} of {rows} rows")


if __name__ == "__main__":
    main()
