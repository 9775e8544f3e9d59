"""How long the quarterly report takes: the workbook, and the PDF brief with its charts.

On the demo database (built afresh with ``python -m loaders demo``), in one process:

  workbook        outputs.report.quarterly_workbook
  brief, cold     the first pdf_brief of the process: first Chromium start, fonts, imports
  brief, warm     the median of --runs more; each starts Chromium again, as every brief does
  charts          the part of each spent in outputs.images.render_charts (Chromium included)
  per chart       the brief's charts each in a Chromium of its own, against all in one
  two tabs        the brief's charts in one Chromium with two tabs drawing at once

With --national, the same for bench/national.py's database (400 regions x 50
commitments x 16 quarters; the region chart in parts of 20 regions). The load
average is printed too: figures taken while other work runs are not comparable.
Usage: python bench/bench_report.py [--runs 3] [--national]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kaleido import Kaleido  # noqa: E402

from bench.national import build_national  # noqa: E402
from core import analysis  # noqa: E402
from core.dataset import Dataset, load_dataset  # noqa: E402
from core.db import connect  # noqa: E402
from outputs import charts, images, report  # noqa: E402

NOTE = "Utvalg: hele fylket"


class ChartTimer:
    """Wraps outputs.images.render_charts, which pdf_brief looks up by name, to time it."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.charts = 0
        self._render = report.render_charts

    def __enter__(self) -> ChartTimer:
        report.render_charts = self._timed
        return self

    def __exit__(self, *_exc_info: object) -> None:
        report.render_charts = self._render

    def _timed(self, figures):
        start = time.perf_counter()
        try:
            return self._render(figures)
        finally:
            self.seconds += time.perf_counter() - start
            self.charts += len(figures)


def timed(function, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def brief(ds: Dataset, quarter: str) -> tuple[float, float, int, int]:
    """Seconds for the whole brief, seconds in charts, charts drawn, bytes."""
    with ChartTimer() as charts_timer:
        seconds, data = timed(report.pdf_brief, ds, quarter, "nb", NOTE)
    return seconds, charts_timer.seconds, charts_timer.charts, len(data)


def brief_figures(ds: Dataset, quarter: str) -> list:
    """The figures pdf_brief draws, in its order."""
    breakdown = analysis.status_breakdown(ds, quarter, "region")
    whole = charts.status_breakdown(breakdown, "nb", group_by="region")
    return [
        charts.status_over_time(analysis.status_by_quarter(ds), "nb").figure,
        *report._region_figures(breakdown, whole, "nb"),
    ]


async def _two_tabs(figures: list) -> list[bytes]:
    async with Kaleido(
        page_generator=images._page_generator(),
        path=str(images.chromium_path()),
        browser_cls=images._OfflineChromium,
        enable_extensions=False,
        n=2,
    ) as kaleido:
        return await asyncio.gather(*(kaleido.calc_fig(f, opts=images.image_options(f)) for f in figures))


def measure(name: str, ds: Dataset, runs: int) -> None:
    quarter = ds.quarters[-1]
    print(f"\n{name}: {len(ds.commitments):,} commitments, {len(ds.reports):,} reports, quarter {quarter}")
    seconds, data = timed(report.quarterly_workbook, ds, quarter, "nb", NOTE)
    print(f"  workbook          {seconds:6.2f} s  ({len(data) / 1e6:.1f} MB)")
    for label, count in (("brief, cold", 1), (f"brief, warm x{runs}", runs)):
        results = [brief(ds, quarter) for _ in range(count)]
        total = statistics.median(result[0] for result in results)
        in_charts = statistics.median(result[1] for result in results)
        drawn, size = results[0][2], results[0][3]
        print(
            f"  {label:<17} {total:6.2f} s  charts {in_charts:5.2f} s ({in_charts / total:.0%}), "
            f"{drawn} charts, {size / 1e6:.1f} MB"
        )
    figures = brief_figures(ds, quarter)
    one, _ = timed(images.render_charts, figures)
    each = sum(timed(images.render_charts, [figure])[0] for figure in figures)
    two, _ = timed(asyncio.run, _two_tabs(figures))
    print(
        f"  {len(figures)} charts         {one:6.2f} s in one Chromium, {each:6.2f} s in one each, "
        f"{two:6.2f} s in one with two tabs"
    )


def demo_dataset(folder: Path) -> Dataset:
    path = folder / "demo.db"
    subprocess.run(
        [sys.executable, "-m", "loaders", "demo", "--db", str(path)], cwd=ROOT, check=True, capture_output=True
    )
    with contextlib.closing(connect(path)) as db:
        return load_dataset(db)


def national_dataset(folder: Path) -> Dataset:
    path = folder / "national.db"
    build_national(path)
    with contextlib.closing(connect(path)) as db:
        return load_dataset(db)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--national", action="store_true", help="also at national scale (about a minute more)")
    options = parser.parse_args()
    print(f"Chromium: {images.chromium_path()}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        measure("demo", demo_dataset(Path(folder)), options.runs)
        if options.national:
            measure("national", national_dataset(Path(folder)), 1)
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
