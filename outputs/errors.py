"""Errors raised while turning data into files people take away; each message says what to do."""

from core.errors import MonitorError


class ChartRenderingFailed(MonitorError):
    """Chromium could not draw the charts for the PDF brief."""


class ChromiumMissing(ChartRenderingFailed):
    """There is no Chromium to draw the charts for the PDF brief with."""
