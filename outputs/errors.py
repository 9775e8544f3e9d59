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


class MailNotConfigured(MonitorError):
    """There is no secrets file, or it has no [smtp] section, so no reminder can be sent."""


class InvalidMailSetting(MonitorError):
    """A value in the secrets file's [smtp] section is missing or cannot be used."""


class MailFailed(MonitorError):
    """The mail server could not take a reminder; the message names the server's answer."""


class MailServerUnreachable(MailFailed):
    """The mail server could not be reached (no answer, refused, TLS failed)."""


class MailLoginRefused(MailFailed):
    """The mail server refused the username and password."""


class MailRecipientRefused(MailFailed):
    """The mail server refused one or more of a message's recipients."""


class MailRefused(MailFailed):
    """The mail server refused the message (its sender or its content)."""
