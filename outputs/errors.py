"""Errors raised while turning data into files people take away; each message says what to do."""

from core.errors import MonitorError


class NoCommitments(MonitorError):
    """The region has no agreement with active commitments for the quarter."""


class UnsupportedExport(MonitorError):
    """An export of something or in a format we do not offer."""


class ChartRenderingFailed(MonitorError):
    """Chromium could not draw the charts for the PDF brief."""


class ChromiumMissing(ChartRenderingFailed):
    """There is no Chromium to draw the charts for the PDF brief with."""
