"""Reminders by e-mail: the county's mail server from the secrets file, the message a region that
has not delivered gets, and sending them with every outcome in the reminders log.

The server is the ``[smtp]`` section of the secrets file (the setting ``secrets_file``, the same
file Streamlit reads as ``st.secrets``, so the password stays out of the repository); a county
may have its own server in ``[smtp.counties."32"]`` (by county number), whose keys override
those of ``[smtp]``. The e-mail is in bokmål whatever the sender's language: it goes to the
regions' reporters.
"""

from __future__ import annotations

import datetime as dt
import re
import smtplib
import socket
import ssl
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, getaddresses, make_msgid, parseaddr
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from email_validator import EmailNotValidError, validate_email
from sqlite_utils import Database

from core.access import require_admin
from core.filters import Filters, url_params
from core.i18n import Text, t
from core.organisation import find_county
from core.rounds import ZONE, DueReminder, log_reminder, manual_reminders, oslo_today
from core.settings import setting
from core.vocabulary import day_text, quarter_label
from outputs.errors import (
    InvalidMailSetting,
    MailFailed,
    MailLoginRefused,
    MailNotConfigured,
    MailRecipientRefused,
    MailRefused,
    MailServerUnreachable,
)

if TYPE_CHECKING:
    from core.users import User

SECURITY = ("starttls", "ssl", "none")
# The keys a server section is read for; any other is named, not silently ignored.
KEYS = ("host", "port", "security", "sender", "reply_to", "username", "password", "timeout", "cafile", "counties")
_COUNTY_NUMBER = re.compile(r"^\d{2}$")
_TOML_PLACE = re.compile(r"^(?P<problem>.*?) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")
# tomllib's words for the mistakes people make in the file, and what to do about each.
TOML_HINTS = {
    "Invalid value": "outputs.mail.toml.quotes",
    "Unescaped '\\' in a string": "outputs.mail.toml.backslash",
    "Cannot declare": "outputs.mail.toml.twice",
}
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_TIMEOUT = 30.0
UPLOAD_PATH = "last-opp"  # the Last opp page's url_path in dashboard.py
LANG = "nb"  # the e-mail's language: the regions read bokmål
# A reminder's kind and outcome in words (the board, the command line).
KIND_KEYS = {"before": "reminders.kind.before", "after": "reminders.kind.after", "manual": "reminders.kind.manual"}
OUTCOME_KEYS = {
    "sent": "reminders.outcome.sent",
    "failed": "reminders.outcome.failed",
    "no_recipients": "reminders.outcome.no_recipients",
}


@dataclass(frozen=True)
class SmtpServer:
    """One mail server as the secrets file sets it up, checked."""

    section: str  # where it is set: "[smtp]" or '[smtp.counties."32"]'
    host: str
    port: int
    security: str  # one of SECURITY
    sender: str  # "Akershus fylkeskommune <partnerskap@afk.no>"
    reply_to: str | None
    username: str | None
    password: str | None = field(repr=False)
    timeout: float = DEFAULT_TIMEOUT
    cafile: str | None = None  # the county's own CA, for a server whose certificate it issued


@dataclass(frozen=True)
class MailSettings:
    """The secrets file's mail servers: ``default`` and each county's own, by county number."""

    file: str
    default: SmtpServer
    counties: Mapping[str, SmtpServer]

    def server(self, county_number: str | None) -> SmtpServer:
        return self.counties.get(county_number or "", self.default)


def mail_settings(path: str | Path | None = None) -> MailSettings:
    """The mail servers from the secrets file (the setting ``secrets_file`` unless ``path``).

    Raises MailNotConfigured without the file or its ``[smtp]`` section, InvalidMailSetting for a
    value that cannot be used (naming the file, the section and the key; never the password).
    """
    file = str(path if path is not None else setting("secrets_file", str))
    try:
        with open(file, "rb") as handle:
            secrets = tomllib.load(handle)
    except FileNotFoundError:
        raise MailNotConfigured("outputs.mail.no_file", file=file) from None
    except tomllib.TOMLDecodeError as error:
        raise _toml_error(file, error) from None
    smtp = secrets.get("smtp")
    if not isinstance(smtp, dict):
        raise MailNotConfigured("outputs.mail.no_section", file=file)
    own = smtp.get("counties", {})
    if not isinstance(own, dict) or not all(isinstance(keys, dict) for keys in own.values()):
        raise InvalidMailSetting("outputs.mail.bad_counties", file=file)
    for number in own:
        if not _COUNTY_NUMBER.match(number):
            raise InvalidMailSetting("outputs.mail.bad_county_key", file=file, county=number)
    for section, keys in (("[smtp]", smtp), *((f'[smtp.counties."{n}"]', keys) for n, keys in own.items())):
        unknown = [key for key in keys if key not in KEYS or (key == "counties" and section != "[smtp]")]
        if unknown:
            raise InvalidMailSetting(
                "outputs.mail.unknown_key", file=file, section=section, name=unknown[0], known=", ".join(KEYS[:-1])
            )
    base = {key: value for key, value in smtp.items() if key != "counties"}
    return MailSettings(
        file,
        _server(file, "[smtp]", base),
        {str(number): _server(file, f'[smtp.counties."{number}"]', {**base, **keys}) for number, keys in own.items()},
    )


def _server(file: str, section: str, keys: Mapping[str, object]) -> SmtpServer:
    def refuse(name: str, text_key: str, **values: object) -> InvalidMailSetting:
        return InvalidMailSetting(text_key, file=file, section=section, name=name, **values)

    def text(key: str, *, required: bool = False) -> str | None:
        value = keys.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise refuse(key, "outputs.mail.missing")
            return None
        if not isinstance(value, str):
            raise refuse(key, "outputs.mail.not_text")
        return value.strip()

    host = text("host", required=True)
    security = (text("security") or "starttls").lower()
    if security not in SECURITY:
        raise refuse("security", "outputs.mail.bad_security", value=security, choices=", ".join(SECURITY))
    port = keys.get("port", DEFAULT_PORTS[security])
    if isinstance(port, str) and port.strip().isdigit():
        port = int(port)
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise refuse("port", "outputs.mail.bad_port", value=port)
    timeout = keys.get("timeout", DEFAULT_TIMEOUT)
    if not isinstance(timeout, int | float) or isinstance(timeout, bool) or not 0 < timeout <= 600:
        raise refuse("timeout", "outputs.mail.bad_timeout", value=timeout)
    username, password = text("username"), keys.get("password")
    if password is not None and not isinstance(password, str):
        raise refuse("password", "outputs.mail.not_text")
    if bool(username) != bool(password):
        raise refuse("username" if password else "password", "outputs.mail.login_half")
    sender = text("sender", required=True)
    reply_to = text("reply_to")
    for key, value in (("sender", sender), ("reply_to", reply_to)):
        if value is not None and not _is_address(value):
            raise refuse(key, "outputs.mail.bad_address", value=value)
    cafile = text("cafile")
    if cafile is not None and not Path(cafile).is_file():
        raise refuse("cafile", "outputs.mail.no_cafile", value=cafile)
    assert host is not None and sender is not None
    return SmtpServer(
        section, host, port, security, sender, reply_to, username, password or None, float(timeout), cafile
    )


def _toml_error(file: str, error: tomllib.TOMLDecodeError) -> InvalidMailSetting:
    """The file's syntax error in words, at its line and column, with what to do for the usual ones."""
    place = _TOML_PLACE.match(str(error))
    if place is None:
        return InvalidMailSetting("outputs.mail.bad_file", file=file, reason=str(error))
    hint = next((key for start, key in TOML_HINTS.items() if place["problem"].startswith(start)), None)
    return InvalidMailSetting(
        "outputs.mail.bad_toml",
        file=file,
        line=int(place["line"]),
        column=int(place["column"]),
        problem=Text(hint) if hint else Text("outputs.mail.toml.unknown", detail=place["problem"]),
    )


def _is_address(value: str) -> bool:
    """Whether ``value`` is one address, bare or with a name ("Akershus fylkeskommune <partnerskap@afk.no>")."""
    found = getaddresses([value])
    if len(found) != 1 or not found[0][1]:
        return False
    address = found[0][1]
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


# --- who is reminded -------------------------------------------------------------------------


# --- the message ------------------------------------------------------------------------------


def passed(reminder: DueReminder, today: dt.date) -> bool:
    """Whether the reminder is a «purring»: sent after the deadline."""
    return reminder.kind == "after" or (reminder.kind == "manual" and today > reminder.deadline)


def upload_link(reminder: DueReminder, base_url: str | None = None) -> str | None:
    """The Last opp page for the region and quarter, when the setting ``public_url`` is set."""
    base = (base_url if base_url is not None else setting("public_url", str)).strip().rstrip("/")
    if not base:
        return None
    params = url_params(Filters(region=reminder.region, quarter=reminder.quarter, county=reminder.county))
    return f"{base}/{UPLOAD_PATH}?{urlencode(params)}"


def reminder_message(
    reminder: DueReminder, server: SmtpServer, *, today: dt.date | None = None, base_url: str | None = None
) -> EmailMessage:
    """The e-mail to the region's recipients: who has not delivered what by when, and how to."""
    today = today or oslo_today()
    late = passed(reminder, today)
    values = {
        "region": reminder.region,
        "county": reminder.county,
        "quarter": quarter_label(reminder.quarter, LANG),
        "deadline": day_text(reminder.deadline, LANG),
    }
    link = upload_link(reminder, base_url)
    paragraphs = [
        t("outputs.mail.greeting", LANG),
        t("outputs.mail.after" if late else "outputs.mail.before", LANG, **values),
        t("outputs.mail.scope", LANG, count=reminder.commitments),
        t("outputs.mail.how", LANG),
        *([t("outputs.mail.link", LANG, url=link)] if link else []),
        t("outputs.mail.answer", LANG, address=server.reply_to or server.sender),
        t("outputs.mail.closing", LANG, county=reminder.county),
        t("outputs.mail.automatic", LANG),
    ]
    message = EmailMessage()
    message["Subject"] = t("outputs.mail.subject.after" if late else "outputs.mail.subject.before", LANG, **values)
    message["From"] = _ascii_named(server.sender)
    message["To"] = ", ".join(
        formataddr((person.name, ascii_address(person.email or ""))) for person in reminder.recipients
    )
    if server.reply_to:
        message["Reply-To"] = _ascii_named(server.reply_to)
    message["Date"] = format_datetime(dt.datetime.now(ZONE))
    message["Message-ID"] = make_msgid("paminnelse", domain=parseaddr(server.sender)[1].rpartition("@")[2])
    message.set_content("\n\n".join(paragraphs) + "\n")
    return message


def ascii_address(address: str) -> str:
    """The address with an IDN domain as its punycode (kari@xn--indre-stfold-0jb.kommune.no), so the
    server needs no SMTPUTF8; an address email-validator cannot put in ASCII is left as it is."""
    try:
        checked = validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return address
    return checked.ascii_email or address


def _ascii_named(value: str) -> str:
    name, address = parseaddr(value)
    return formataddr((name, ascii_address(address))) if address else value


# --- sending ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What became of one reminder, as logged: sent, failed (``error`` says why) or without recipients."""

    reminder: DueReminder
    outcome: str  # sent | failed | no_recipients
    error: str | None = None  # the reason in bokmål, with the server's answer; also when some recipients were refused

    @property
    def ok(self) -> bool:
        return self.outcome != "failed" and self.error is None


def send_reminders(
    db: Database,
    reminders: Sequence[DueReminder],
    *,
    sent_by: str,
    settings: MailSettings | None = None,
    today: dt.date | None = None,
) -> list[Outcome]:
    """Send each region's reminder and log it (core.rounds.log_reminder), in the order given.

    One connection per mail server, opened at its first message; a message the server refuses,
    or a server that cannot be reached, is logged as failed with the server's answer, and the
    others are still sent. Raises MailNotConfigured or InvalidMailSetting, before anything is sent
    or logged, when the settings cannot be read.
    """
    settings = settings or mail_settings()
    numbers = {name: find_county(db, name).number for name in {reminder.county for reminder in reminders}}
    outcomes = []
    with _Connections() as connections:
        for reminder in reminders:
            if reminder.recipients:
                server = settings.server(numbers[reminder.county])
                outcome = _send(connections, server, reminder, today)
            else:
                outcome = Outcome(reminder, "no_recipients")
            log_reminder(db, reminder, sent_by=sent_by, outcome=outcome.outcome, error=outcome.error)
            outcomes.append(outcome)
    return outcomes


def send_manual_reminders(
    db: Database,
    county_id: int,
    quarter: str,
    *,
    user: User,
    region_ids: Iterable[int] | None = None,
    settings: MailSettings | None = None,
) -> list[Outcome]:
    """Remind now every region of the county that has not delivered for ``quarter`` (or those of
    ``region_ids``), as the board does (administrators only)."""
    require_admin(user, "core.action.send_reminders")
    settings = settings or mail_settings()
    reminders = manual_reminders(db, county_id, quarter, region_ids=region_ids)
    return send_reminders(db, reminders, sent_by=user.signature, settings=settings)


class _Connections:
    """One open connection per server, made at its first message and closed at the end. A server
    that could not be reached is not tried again in the run: each try would wait out its timeout."""

    def __init__(self) -> None:
        self.open: dict[str, smtplib.SMTP] = {}
        self.unreachable: dict[str, MailFailed] = {}

    def __enter__(self) -> _Connections:
        return self

    def __exit__(self, *exc: object) -> None:
        for connection in self.open.values():
            _close(connection)

    def get(self, server: SmtpServer) -> smtplib.SMTP:
        if server.section in self.unreachable:
            raise self.unreachable[server.section]
        if server.section not in self.open:
            try:
                self.open[server.section] = _connect(server)
            except MailFailed as error:
                self.unreachable[server.section] = error
                raise
        return self.open[server.section]

    def drop(self, server: SmtpServer) -> None:
        connection = self.open.pop(server.section, None)
        if connection is not None:
            _close(connection)


def _send(connections: _Connections, server: SmtpServer, reminder: DueReminder, today: dt.date | None) -> Outcome:
    try:
        message = reminder_message(reminder, server, today=today)
    except ValueError as error:
        # A name with a line break cannot go into a header; the others are still sent.
        unmade = MailRefused("outputs.mail.unmade", region=reminder.region, reason=_reason(error))
        return Outcome(reminder, "failed", unmade.message(LANG))
    try:
        refused = connections.get(server).send_message(message)
    except MailFailed as error:
        return Outcome(reminder, "failed", error.message(LANG))
    except smtplib.SMTPRecipientsRefused as error:
        return Outcome(reminder, "failed", _refused(server, error.recipients).message(LANG))
    except smtplib.SMTPResponseException as error:
        if error.smtp_code == 530 and not server.username:
            # Microsoft 365 (5.7.57) and others answer MAIL FROM so when they want a login.
            needs_login = MailRefused(
                "outputs.mail.hinted",
                message=Text("outputs.mail.refused", host=server.host, answer=_answer(error)),
                hint=Text("outputs.mail.hint.login_needed"),
            )
            return Outcome(reminder, "failed", needs_login.message(LANG))
        refused_message = MailRefused("outputs.mail.refused", host=server.host, answer=_answer(error))
        return Outcome(reminder, "failed", refused_message.message(LANG))
    except smtplib.SMTPNotSupportedError as error:
        # An address in other letters than ASCII, which the server cannot take (no SMTPUTF8).
        refusal = MailRefused("outputs.mail.refused", host=server.host, answer=_reason(error))
        return Outcome(reminder, "failed", refusal.message(LANG))
    except (smtplib.SMTPException, OSError) as error:
        # The connection broke mid-message: the next message opens a new one.
        connections.drop(server)
        broken = MailServerUnreachable(
            "outputs.mail.unreachable", host=server.host, port=server.port, reason=_reason(error)
        )
        return Outcome(reminder, "failed", broken.message(LANG))
    # Some recipients refused and the others reached: sent, with those refused named.
    return Outcome(reminder, "sent", _refused(server, refused).message(LANG) if refused else None)


def _connect(server: SmtpServer) -> smtplib.SMTP:
    """An open connection to the server, encrypted as set and logged in when there is a username.

    A failure names its likely cause where the answer points to one (a port and security that do
    not go together, a certificate, a login Microsoft 365 or Gmail turned off); the login is tried
    once, as repeated failed logins can lock the account.
    """
    connection: smtplib.SMTP | None = None
    try:
        context = ssl.create_default_context(cafile=server.cafile)
        if server.security == "ssl":
            connection = smtplib.SMTP_SSL(server.host, server.port, timeout=server.timeout, context=context)
        else:
            connection = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
            if server.security == "starttls":
                connection.starttls(context=context)
    except (smtplib.SMTPException, OSError) as error:
        if connection is not None:
            connection.close()
        unreachable = Text("outputs.mail.unreachable", host=server.host, port=server.port, reason=_reason(error))
        raise MailServerUnreachable(
            "outputs.mail.hinted", message=unreachable, hint=_connect_hint(server, error)
        ) from None
    if server.username:
        try:
            connection.login(server.username, server.password or "")
        except (smtplib.SMTPException, OSError) as error:
            _close(connection)
            answer = _answer(error) if isinstance(error, smtplib.SMTPResponseException) else _reason(error)
            refused = Text("outputs.mail.login_refused", host=server.host, username=server.username, answer=answer)
            raise MailLoginRefused("outputs.mail.hinted", message=refused, hint=_login_hint(server, error)) from None
    return connection


def _connect_hint(server: SmtpServer, error: BaseException) -> Text:
    if isinstance(error, ssl.SSLCertVerificationError):
        return Text("outputs.mail.hint.certificate", host=server.host)
    if server.security == "ssl" and isinstance(error, ssl.SSLError):
        return Text("outputs.mail.hint.ssl_port", port=server.port)
    timed_out = isinstance(error, socket.timeout | TimeoutError) or "timed out" in str(error)
    if (
        server.security != "ssl"
        and server.port == 465
        and (timed_out or isinstance(error, smtplib.SMTPServerDisconnected))
    ):
        return Text("outputs.mail.hint.starttls_port", security=server.security)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return Text("outputs.mail.hint.no_starttls")
    if isinstance(error, socket.gaierror):
        return Text("outputs.mail.hint.no_host", host=server.host)
    if isinstance(error, ConnectionRefusedError):
        return Text("outputs.mail.hint.refused", port=server.port)
    if timed_out:
        return Text("outputs.mail.hint.timeout", seconds=f"{server.timeout:g}")
    return Text("outputs.mail.hint.general")


def _login_hint(server: SmtpServer, error: BaseException) -> Text:
    answer = _answer(error) if isinstance(error, smtplib.SMTPResponseException) else str(error)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return Text("outputs.mail.hint.no_auth")
    if "5.7.139" in answer or "SmtpClientAuthentication" in answer:
        return Text("outputs.mail.hint.m365")
    if "5.7.9" in answer or ("5.7.8" in answer and "gmail" in server.host.lower()):
        return Text("outputs.mail.hint.app_password")
    return Text("outputs.mail.hint.login")


def _close(connection: smtplib.SMTP) -> None:
    try:
        connection.quit()
    except (smtplib.SMTPException, OSError):
        connection.close()


def _refused(server: SmtpServer, recipients: Mapping[str, tuple[int, bytes]]) -> MailRecipientRefused:
    answers = "; ".join(f"{address}: {code} {_words(words)}" for address, (code, words) in recipients.items())
    return MailRecipientRefused("outputs.mail.recipient_refused", host=server.host, answers=answers)


def _answer(error: smtplib.SMTPResponseException) -> str:
    return f"{error.smtp_code} {_words(error.smtp_error)}"


def _words(words: bytes | str) -> str:
    text = words.decode("utf-8", "replace") if isinstance(words, bytes) else words
    # The texts end the sentence themselves.
    return " ".join(text.split()).rstrip(".")


def _reason(error: BaseException) -> str:
    return _words(getattr(error, "strerror", None) or str(error) or type(error).__name__)
