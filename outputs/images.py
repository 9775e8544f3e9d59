"""Charts as PNG images, drawn by kaleido in Debian's Chromium without touching the network.

:func:`render_charts` draws every figure of one document in one browser session.
Nothing is fetched from the network; see :func:`_page_generator` and
:data:`OFFLINE_CHROMIUM_ARGS` for how that is ensured.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import plotly
import plotly.graph_objects as go
from choreographer.browsers.chromium import Chromium
from choreographer.errors import BrowserClosedError, BrowserFailedError, ChannelClosedError, DevtoolsProtocolError
from kaleido import Kaleido, PageGenerator
from kaleido.errors import JavascriptError, KaleidoError

from core.i18n import Deferred, Text
from core.settings import setting
from core.vocabulary import number_text
from outputs.errors import ChartRenderingFailed, ChromiumMissing

CHROMIUM = Path("/usr/bin/chromium")
# CSS pixels. Plotly draws its 14 px text at about 9 pt once the chart is shrunk to
# the width of the page, and three device pixels per CSS pixel give about 330 dpi there.
CHART_WIDTH_PX = 760
CHART_SCALE = 3
DEFAULT_CHART_HEIGHT_PX = 450  # Plotly's, for a figure that sets no height
# Chromium looks up hosts of its own accord (accounts.google.com and clients2.google.com,
# seen with strace -f -e trace=connect,sendto). Mapping every host name to "not found"
# makes any such request, and any script a page might want from a CDN, fail at once
# without a DNS query. Checked: under strace a whole brief then makes no DNS query and
# sends no packet (left: a UDP connect() to 2001:4860:4860::8888 that sends nothing,
# Chromium's IPv6 probe), and under `unshare -n` (no network at all) it builds the same
# PDF. The page itself loads only file:// scripts; see _page_generator.
OFFLINE_CHROMIUM_ARGS: tuple[str, ...] = (
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--disable-background-networking",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
)
_FAILED_HINT = Text("outputs.charts_failed.hint")


class _OfflineChromium(Chromium):
    """Chromium as choreographer starts it, with OFFLINE_CHROMIUM_ARGS added."""

    def get_cli(self):
        return [*super().get_cli(), *OFFLINE_CHROMIUM_ARGS]


def require_chromium() -> Path:
    """The Chromium to draw with, or ChromiumMissing saying what to do; cheap enough for every page run."""
    browser = chromium_path()
    if browser is None or not browser.is_file() or not os.access(browser, os.X_OK):
        raise ChromiumMissing("outputs.chromium_missing", browser=browser or CHROMIUM)
    return browser


def chromium_path() -> Path | None:
    """The Chromium to draw charts with: $BROWSER_PATH if set, else Debian's, else one on PATH.

    Choreographer honours BROWSER_PATH too, but prefers a Chrome it downloaded
    itself; we name the browser explicitly so that what runs is what this says.
    """
    configured = str(setting("browser_path"))
    if configured:
        return Path(configured)
    if CHROMIUM.exists():
        return CHROMIUM
    found = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    return Path(found) if found else None


def render_charts(figures: Sequence[go.Figure]) -> list[bytes]:
    """Each figure as a PNG, CHART_WIDTH_PX wide (its own height) at CHART_SCALE, drawn
    in one Chromium session: starting Chromium (about 2 s) costs several charts' worth
    of time (0.3–0.6 s each); 21 charts took 14 s so, and 63 s with a Chromium each.

    Raises ChromiumMissing without a Chromium, ChartRenderingFailed when it fails.
    """
    if not figures:
        return []
    browser = require_chromium()
    jobs = [(figure, image_options(figure)) for figure in figures]
    # Startup counts as one more chart.
    timeout = float(setting("chart_timeout")) * (len(jobs) + 1)
    try:
        return _run(_render(jobs, browser, timeout))
    except TimeoutError as error:
        raise ChartRenderingFailed(
            "outputs.charts_failed.timeout", count=Deferred(number_text, timeout), hint=_FAILED_HINT
        ) from error
    except (BrowserFailedError, BrowserClosedError, ChannelClosedError, OSError) as error:
        raise ChartRenderingFailed("outputs.charts_failed.stopped", browser=browser, hint=_FAILED_HINT) from error
    except (DevtoolsProtocolError, JavascriptError, KaleidoError) as error:
        raise ChartRenderingFailed(
            "outputs.charts_failed.error", error=type(error).__name__, hint=_FAILED_HINT
        ) from error


def image_options(figure: go.Figure) -> dict:
    return {
        "format": "png",
        "width": CHART_WIDTH_PX,
        "height": figure.layout.height or DEFAULT_CHART_HEIGHT_PX,
        "scale": CHART_SCALE,
    }


async def _render(jobs: list[tuple[go.Figure, dict]], browser: Path, timeout: float) -> list[bytes]:
    kaleido = Kaleido(
        page_generator=_page_generator(),
        path=str(browser),
        browser_cls=_OfflineChromium,
        enable_extensions=False,
        timeout=setting("chart_timeout"),
    )
    deadline = asyncio.timeout(timeout)
    # Not "async with kaleido": when opening fails or is cancelled half-way, that never
    # closes the browser, and Chromium would outlive us. close() copes with a half-open one.
    try:
        async with deadline:
            await kaleido.open()
            # One tab, one chart after another. A second tab drawing at once gained little on two
            # cores (21 charts: 13.2 s against 14.1 s; bench/bench_report.py --national).
            return [await kaleido.calc_fig(figure, opts=options) for figure, options in jobs]
    except Exception as error:
        # Choreographer turns a cancelled start into BrowserFailedError, hiding the timeout.
        if deadline.expired():
            raise TimeoutError from error
        raise
    finally:
        await kaleido.close()


def _page_generator() -> PageGenerator:
    """The page kaleido draws in, from local files only.

    Left to itself kaleido loads MathJax from a CDN (its mathjax=None means "the
    CDN", and plotly.io.to_image cannot pass False), and falls back to plotly.js
    from a CDN, with only a log line, when plotly's own copy is not found. So
    MathJax is off and plotly.js named explicitly; a missing copy is an error here.
    """
    plotly_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not plotly_js.is_file():
        raise ChartRenderingFailed("outputs.charts_failed.plotly_missing", path=plotly_js)
    return PageGenerator(plotly=(plotly_js.as_uri(), "utf-8"), mathjax=False)


def _run(coroutine):
    """Run a coroutine to its end from plain code, also where an event loop is already running."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
