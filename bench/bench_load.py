"""Many users at once: each dashboard page and a floor page, served by real Streamlit servers, under
1 to 40 virtual users that speak Streamlit's websocket protocol (bench/wsclient.py; no browsers).

Builds the national database (bench/national.py: 400 regions x 50 commitments x 16 quarters), signs
an administrator in (a lasting session, sent as the browser's cookie), and starts, with the same
.streamlit/config.toml and the same --server-option flags:

  dashboard  ``python -m streamlit run dashboard.py`` on that database (--processes N: N of them,
             the users dealt out in turn, as a proxy with sticky sessions does)
  floor      ``python -m streamlit run bench/floor_app.py``: one Plotly chart, one 100-row table

For each page and each number of users, every user opens the page (its first run, "open", not
counted as warm) and then reruns it in a loop for --duration seconds, as a widget change would
but with nothing changed. Two scenarios change a widget on every rerun, where big sends happen:

  quarter  Oversikt, each rerun another quarter in the sidebar's Kvartal
  picker   Tiltak, each rerun another commitment in "Velg tiltak"

Reported per row: warm reruns, p50/p95 latency (send -> script_finished), throughput (reruns/s over
the row's wall time), bytes per rerun (median, max) and of the opening run (max), the servers' RSS
(/proc/PID/status VmRSS, sampled every 0.2 s: peak during the row, and after it).

Targets (issue 13), checked per row and printed, never failing the run: a page's single-user p50 at
most 2x the floor's, its 20-user throughput at least half the floor's, and no run over 300 kB.

Usage:
  python bench/bench_load.py                                 # everything (about 20 minutes)
  python bench/bench_load.py --pages oversikt --users 1,20 --duration 5 --scenarios ""   # quick
  python bench/bench_load.py --json out.json --processes 2
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.national import build_national  # noqa: E402
from bench.servers import Server, streamlit_servers  # noqa: E402
from bench.wsclient import Run, Session  # noqa: E402
from core.db import connect  # noqa: E402
from core.i18n import t  # noqa: E402
from core.sessions import start_session  # noqa: E402
from core.users import add_user  # noqa: E402

BENCH_USER = "bench"
# name -> the page's address: the floor first, then the menu's order.
PAGES = {
    "floor": "",
    "oversikt": "",
    "regioner": "regioner",
    "radsomrader": "radsomrader",
    "baerekraftsmal": "baerekraftsmal",
    "tiltak": "tiltak",
    "eksport": "eksport",
    "last-opp": "last-opp",
    "opplastinger": "opplastinger",
}
# The title each page draws, so that a row never measures another page (a wrong address opens the default).
TITLES = {
    "oversikt": t("page.overview"),
    "regioner": t("page.regions"),
    "radsomrader": t("page.council_areas"),
    "baerekraftsmal": t("page.sdgs"),
    "tiltak": t("page.commitment"),
    "eksport": t("page.export"),
    "last-opp": t("page.upload"),
    "opplastinger": t("page.uploads"),
}
# scenario -> (page, the label of the widget changed on every rerun)
SCENARIOS = {
    "quarter": ("oversikt", t("filters.quarter")),
    "picker": ("tiltak", t("commitment.choose")),
}
USERS = (1, 5, 10, 20, 40)
TARGET_LATENCY_RATIO = 2.0
TARGET_THROUGHPUT_RATIO = 0.5
TARGET_THROUGHPUT_USERS = 20
TARGET_BYTES = 300_000
RSS_SAMPLE_SECONDS = 0.2


class MemoryWatch:
    """Samples the servers' summed RSS in a thread while a row runs."""

    def __init__(self, servers: list[Server]) -> None:
        self.servers = servers
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def total(self) -> int:
        return sum(server.rss() for server in self.servers)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.total())
            self._stop.wait(RSS_SAMPLE_SECONDS)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# --- virtual users -----------------------------------------------------------------------------


@dataclass
class Row:
    target: str
    users: int
    processes: int
    runs: int = 0
    p50: float = 0.0
    p95: float = 0.0
    throughput: float = 0.0
    bytes_median: int = 0
    bytes_max: int = 0
    open_bytes_max: int = 0
    rss_peak: int = 0
    rss_after: int = 0
    errors: list[str] = field(default_factory=list)
    checks: dict[str, bool] = field(default_factory=dict)


async def virtual_user(
    url: str, page: str, cookie: str | None, deadline_after_open: float, change: str | None, number: int, sink: dict
) -> None:
    """Open the page, then rerun it until the deadline; with ``change``, pick another option each time."""
    async with await Session.open(url, page=page, cookie=cookie) as session:
        opening = await session.run()
        sink["open"].append(opening)
        check(opening, sink)
        title = sink["title"]
        if title and title not in opening.headings():
            sink["errors"].append(f"the page drew {opening.headings()}, not {title!r}")
        await sink["all_open"].wait()
        deadline = time.perf_counter() + deadline_after_open
        options = itertools.cycle(choices(session, change, number) if change else [None])
        while time.perf_counter() < deadline:
            if change:
                session.set(change, next(options))
            run = await session.run()
            sink["runs"].append(run)
            check(run, sink)


def choices(session: Session, label: str, number: int) -> list[str]:
    """The widget's options, each user starting at another place, stepping so that each pick is new."""
    options = list(session.widgets[label].options)
    if len(options) < 2:
        raise RuntimeError(f"{label!r} offers {len(options)} option(s); nothing to change")
    step = 7919 % len(options) or 1
    return [options[(number * 31 + step * n) % len(options)] for n in range(min(len(options), 50))]


def check(run: Run, sink: dict) -> None:
    if run.exceptions:
        sink["errors"].extend(run.exceptions)
    if run.page_not_found:
        sink["errors"].append("page not found")


async def measure(
    servers: list[Server],
    target: str,
    page: str,
    title: str | None,
    users: int,
    duration: float,
    cookie: str | None,
    change: str | None,
) -> Row:
    sink: dict = {"open": [], "runs": [], "errors": [], "all_open": asyncio.Event(), "title": title}
    tasks = [
        asyncio.create_task(
            virtual_user(servers[n % len(servers)].url, page, cookie, duration, change, n, sink), name=f"user {n}"
        )
        for n in range(users)
    ]
    with MemoryWatch(servers) as memory:
        # Every user has opened the page before any measured rerun: the openings are not the warm load.
        while len(sink["open"]) < users and not any(task.done() for task in tasks):
            await asyncio.sleep(0.05)
        sink["all_open"].set()
        start = time.perf_counter()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        elapsed = time.perf_counter() - start
        rss_after = memory.total()
    row = Row(target, users, len(servers), errors=sink["errors"])
    row.errors.extend(f"{type(error).__name__}: {error}" for error in results if isinstance(error, BaseException))
    runs: list[Run] = sink["runs"]
    if runs:
        seconds = sorted(run.seconds for run in runs)
        sizes = [run.bytes for run in runs]
        row.runs = len(runs)
        row.p50 = statistics.median(seconds)
        row.p95 = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
        row.throughput = len(runs) / elapsed
        row.bytes_median = int(statistics.median(sizes))
        row.bytes_max = max(sizes)
    row.open_bytes_max = max((run.bytes for run in sink["open"]), default=0)
    row.rss_peak, row.rss_after = memory.peak, rss_after
    return row


def judge(rows: list[Row]) -> None:
    """Each row's checks against the floor's row with the same number of users and processes."""
    floors = {(row.users, row.processes): row for row in rows if row.target == "floor"}
    for row in rows:
        row.checks["bytes"] = max(row.bytes_max, row.open_bytes_max) <= TARGET_BYTES
        floor = floors.get((row.users, row.processes))
        if row.target == "floor" or floor is None or not floor.runs:
            continue
        if row.users == 1 and floor.p50:
            row.checks["latency"] = row.p50 <= TARGET_LATENCY_RATIO * floor.p50
        if row.users == TARGET_THROUGHPUT_USERS:
            row.checks["throughput"] = row.throughput >= TARGET_THROUGHPUT_RATIO * floor.throughput
        if row.errors:
            row.checks["no errors"] = False


def markdown(rows: list[Row]) -> str:
    floors = {(row.users, row.processes): row for row in rows if row.target == "floor"}
    lines = [
        "| Page | Users | Proc. | Reruns | p50 | p95 | × floor p50 | Reruns/s | × floor | kB median | kB max "
        "| kB open | RSS peak | RSS after | Target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        floor = floors.get((row.users, row.processes))
        latency_ratio = f"{row.p50 / floor.p50:.1f}×" if floor and floor.p50 and row.target != "floor" else ""
        rate_ratio = (
            f"{row.throughput / floor.throughput:.2f}×" if floor and floor.throughput and row.target != "floor" else ""
        )
        failed = [name for name, ok in row.checks.items() if not ok]
        verdict = "FAIL " + ", ".join(failed) if failed else "PASS"
        if row.errors:
            verdict += f" ({len(row.errors)} errors)"
        lines.append(
            f"| {row.target} | {row.users} | {row.processes} | {row.runs} | {row.p50:.3f} s | {row.p95:.3f} s "
            f"| {latency_ratio} | {row.throughput:.1f} | {rate_ratio} | {row.bytes_median / 1000:.1f} "
            f"| {row.bytes_max / 1000:.1f} | {row.open_bytes_max / 1000:.1f} | {row.rss_peak / 2**20:.0f} MiB "
            f"| {row.rss_after / 2**20:.0f} MiB | {verdict} |"
        )
    return "\n".join(lines)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


async def run_all(args: argparse.Namespace, dashboards: list[Server], floors: list[Server], cookie: str) -> list[Row]:
    rows = []
    plan = [(name, PAGES[name], TITLES.get(name), None) for name in args.pages] + [
        (f"{name} change", PAGES[SCENARIOS[name][0]], TITLES[SCENARIOS[name][0]], SCENARIOS[name][1])
        for name in args.scenarios
    ]
    plan_order = [target for target, *_ in plan]
    # By number of users, the floor first: the machine's load drifts, and each page is judged against
    # the floor measured in the same round, with as many users.
    for users in args.users:
        for target, page, title, change in plan:
            servers = floors if target == "floor" else dashboards
            progress(f"{target}: {users} user(s), load average {load_average()}")
            row = await measure(
                servers, target, page, title, users, args.duration, None if target == "floor" else cookie, change
            )
            for error in sorted(set(row.errors))[:3]:
                progress(f"  error: {error}")
            rows.append(row)
    rows.sort(key=lambda row: plan_order.index(row.target))
    return rows


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated, of: " + ", ".join(PAGES))
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help="comma-separated, of: " + ", ".join(SCENARIOS))
    parser.add_argument("--users", default=",".join(map(str, USERS)), help="comma-separated numbers of users")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of warm reruns per row")
    parser.add_argument("--processes", type=int, default=1, help="dashboard (and floor) processes, users dealt out")
    parser.add_argument("--database", type=Path, help="an existing national database to use instead of a new one")
    parser.add_argument(
        "--server-option", action="append", default=[], help="e.g. runner.postScriptGC=false, for both servers"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    args.pages = [name for name in args.pages.split(",") if name]
    args.scenarios = [name for name in args.scenarios.split(",") if name]
    args.users = [int(number) for number in args.users.split(",") if number]
    unknown = [name for name in args.pages if name not in PAGES] + [n for n in args.scenarios if n not in SCENARIOS]
    if unknown:
        parser.error(f"unknown page or scenario: {', '.join(unknown)}")
    if "floor" not in args.pages:
        # Every figure is judged against the floor measured in the same run.
        args.pages.insert(0, "floor")
    return args


def main() -> None:
    args = parse_args()
    options = tuple(args.server_option)
    with tempfile.TemporaryDirectory() as folder, contextlib.ExitStack() as stack:
        work = Path(folder)
        database = args.database
        if database is None:
            database = work / "national.db"
            progress("building the national database")
            build_national(database)
        with contextlib.closing(connect(database)) as db:
            if db.execute("SELECT 1 FROM users WHERE username = ?", (BENCH_USER,)).fetchone() is None:
                add_user(db, BENCH_USER, "Benchmark", "administrator")
            cookie = start_session(db, BENCH_USER).token
        progress(f"starting {args.processes} dashboard and {args.processes} floor server(s)")
        servers = stack.enter_context(
            streamlit_servers(
                ["dashboard.py"] * args.processes + ["bench/floor_app.py"] * args.processes, database, work, options
            )
        )
        dashboards, floors = servers[: args.processes], servers[args.processes :]
        started = load_average()
        rows = asyncio.run(run_all(args, dashboards, floors, cookie))
        judge(rows)
        table = markdown(rows)
    print(table)
    print(f"\nload average at the start {started}, at the end {load_average()}; server options: {list(options)}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "rows": [asdict(row) for row in rows],
                    "duration": args.duration,
                    "processes": args.processes,
                    "server_options": list(options),
                    "load_average": {"start": started, "end": load_average()},
                },
                indent=2,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
