"""The field cases for the reporting round's inputs (docs/field-log.md, issue 16): the county's mail
settings and server, the form in the browser and the region contacts, one test per kind of case.

Mail servers are real and local: aiosmtpd in the test process (tests/builders.SmtpSink, or a handler
that answers as Microsoft 365 or Gmail do), with a self-signed certificate made by openssl for TLS.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import os
import socket
import threading
from pathlib import Path

import pandas as pd
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from core.addresses import Address, parse_address
from core.db import connect
from core.errors import InvalidEmail
from core.organisation import set_region_contact
from core.register import find_region
from core.rounds import due_reminders, reminder_recipients, sent_reminders
from core.users import get_user
from loaders.entry import EntryRow, check_entry, load_entry
from loaders.errors import StatusFileRejected
from loaders.organisation import _text as organisation_cell
from outputs.errors import InvalidMailSetting
from outputs.mail import mail_settings, send_reminders
from tests.builders import (
    FOLLO,
    GARDERMO,
    HALLINGDAL,
    KONGSBERG,
    SmtpSink,
    app,
    build_round_register,
    free_port,
    html_tables,
    reports,
)
from tests.test_entry_page import edit, form_page, press
from views._entry import editor_key, entry_rows
from views._widgets import markdown_literal

Q3 = "2024-Q3"
TODAY = dt.date(2026, 10, 25)  # a week before 2026-Q3's deadline in the round register
SENDER = "Akershus fylkeskommune <partnerskap@afk.example>"
INVALID_PROGRESS = "fremdrift må være et helt tall fra 0 til 100, for eksempel 45 (uten %-tegn)."
FRACTION = "mente du 50 %? Fremdrift er et helt tall fra 0 til 100: skriv 50 (uten %-tegn)."
STATUS_MISSING = "status mangler. Velg en av: Ikke startet, I rute, Forsinket, Fullført, Utgår."


# --- set-up -----------------------------------------------------------------------------------


def smtp(port: int, *, security: str = "none", host: str = "127.0.0.1", timeout: int = 30, **extra: str) -> str:
    lines = [f'host = "{host}"', f"port = {port}", f'security = "{security}"', f'sender = "{SENDER}"']
    lines.append(f"timeout = {timeout}")
    lines += [f'{key} = "{value}"' for key, value in extra.items()]
    return "[smtp]\n" + "\n".join(lines) + "\n"


def send_due(db) -> list[tuple[str, str, str | None]]:
    """Send the reminders due a week before the deadline; each region's outcome and error."""
    outcomes = send_reminders(db, due_reminders(db, TODAY), sent_by="test", today=TODAY)
    return [(outcome.reminder.region, outcome.outcome, outcome.error) for outcome in outcomes]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and 127.0.0.1, and its key (made with cryptography, which
    the dev lock has: a bare machine need not have the openssl command)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    made = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(private, hashes.SHA256())
    )
    cert.write_bytes(made.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
        )
    )
    return cert, key


def tls_server(certificate, *, implicit: bool, host: str = "127.0.0.1", port: int | None = None) -> Controller:
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*map(str, certificate))
    options = {"ssl_context": context} if implicit else {"tls_context": context}
    return Controller(SmtpSink(), hostname=host, port=port or free_port(), **options)


class Answering(SmtpSink):
    """A server that answers the login, or MAIL FROM, as a hosted mail service does; it counts logins."""

    def __init__(self, *, login: str | None = None, mail_from: str | None = None) -> None:
        super().__init__()
        self.login_answer, self.mail_from_answer, self.logins = login, mail_from, 0

        def authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
            return AuthResult(success=False, handled=False)

        # One mechanism, so that each login is one AUTH command (smtplib tries each one offered).
        self.controller = Controller(
            self,
            hostname="127.0.0.1",
            port=self.port,
            authenticator=authenticate,
            auth_require_tls=False,
            auth_exclude_mechanism=["LOGIN"],
        )

    async def auth_PLAIN(self, server, args):  # noqa: N802 (aiosmtpd's name)
        self.logins += 1
        await server.push(self.login_answer)
        return AuthResult(success=False, handled=True)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802
        if self.mail_from_answer:
            return self.mail_from_answer
        envelope.mail_from = address
        return "250 OK"


# --- smtp -------------------------------------------------------------------------------------


def test_s1_ssl_against_a_starttls_port_names_the_mix_up(round_db, secrets):
    with SmtpSink() as plain:
        secrets(smtp(plain.port, security="ssl"))
        outcomes = send_due(round_db)
    answer = (
        f"Fikk ikke kontakt med e-postserveren 127.0.0.1:{plain.port}: [SSL: WRONG_VERSION_NUMBER] wrong version "
        f"number (_ssl.c:1006). Serveren krypterte ikke fra første stund: port {plain.port} bruker vanligvis "
        'security = "starttls"; "ssl" hører til port 465.'
    )
    assert outcomes == [
        (GARDERMO, "failed", answer),
        (KONGSBERG, "no_recipients", None),
        (HALLINGDAL, "failed", answer),
    ]


def test_s1_starttls_against_port_465_that_never_greets_names_the_mix_up(round_db, secrets, certificate):
    # Port 465 itself, on a loopback address of its own so as not to meet another test's server. The
    # hint is about that port number, so no other port will do; binding it takes root, as CI runs.
    if os.geteuid() != 0:
        pytest.skip("binding port 465 needs root")
    server = tls_server(certificate, implicit=True, host="127.0.0.46", port=465)
    server.start()
    try:
        secrets(smtp(465, security="starttls", host="127.0.0.46", timeout=1))
        outcomes = send_due(round_db)
    finally:
        server.stop()
    error = (
        "Fikk ikke kontakt med e-postserveren 127.0.0.46:465: Connection unexpectedly closed: timed out. "
        'Port 465 bruker vanligvis security = "ssl" (kryptert fra første stund); "starttls" hører til port 587 '
        "eller 25."
    )
    assert outcomes == [(GARDERMO, "failed", error), (KONGSBERG, "no_recipients", None), (HALLINGDAL, "failed", error)]


def test_s2_microsoft_365_with_smtp_auth_off_is_named_and_logged_in_once(round_db, secrets):
    answer = (
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
        "Visit https://aka.ms/smtp_auth_disabled for more information."
    )
    with Answering(login=answer) as office:
        secrets(smtp(office.port, username="afk-monitor@afk.example", password="hemmelig-123"))
        outcomes = send_due(round_db)
    error = (
        "E-postserveren 127.0.0.1 avviste innloggingen som afk-monitor@afk.example: 535 5.7.139 Authentication "
        "unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled "
        "for more information. SMTP AUTH er slått av for kontoen eller tenanten i Microsoft 365: fylkets "
        "M365-administrator må slå på «Authenticated SMTP», eller bruk fylkets interne e-postrelé."
    )
    assert outcomes == [(GARDERMO, "failed", error), (KONGSBERG, "no_recipients", None), (HALLINGDAL, "failed", error)]
    assert office.logins == 1
    assert "hemmelig-123" not in str(sent_reminders(round_db))


def test_s2_a_server_that_wants_a_login_at_mail_from_says_fill_in_username(round_db, secrets):
    with Answering(mail_from="530 5.7.57 Client not authenticated to send mail") as office:
        secrets(smtp(office.port))
        outcomes = send_due(round_db)
    error = (
        "E-postserveren 127.0.0.1 avviste e-posten: 530 5.7.57 Client not authenticated to send mail. "
        "Serveren krever innlogging: fyll inn username og password under [smtp]."
    )
    assert outcomes == [(GARDERMO, "failed", error), (KONGSBERG, "no_recipients", None), (HALLINGDAL, "failed", error)]


def test_s3_gmail_wanting_an_app_password_is_named(round_db, secrets):
    answer = "534 5.7.9 Application-specific password required. For more information, go to https://support.google.com"
    with Answering(login=answer) as gmail:
        secrets(smtp(gmail.port, username="afk@gmail.example", password="kontopassord"))
        outcomes = send_due(round_db)
    assert outcomes[0] == (
        GARDERMO,
        "failed",
        "E-postserveren 127.0.0.1 avviste innloggingen som afk@gmail.example: 534 5.7.9 Application-specific "
        "password required. For more information, go to https://support.google.com. Gmail tar ikke imot kontoens "
        "vanlige passord her: lag et app-passord og bruk det som password.",
    )
    assert gmail.logins == 1


def test_s4_an_internal_relay_sends_without_login_and_refuses_a_username(round_db, secrets):
    with SmtpSink() as relay:
        secrets(smtp(relay.port))
        assert send_due(round_db) == [
            (GARDERMO, "sent", None),
            (KONGSBERG, "no_recipients", None),
            (HALLINGDAL, "sent", None),
        ]
    round_db.execute("DELETE FROM reminders")
    with SmtpSink() as relay:
        secrets(smtp(relay.port, username="afk", password="x"))
        outcomes = send_due(round_db)
        assert relay.messages() == []
    assert outcomes[0] == (
        GARDERMO,
        "failed",
        "E-postserveren 127.0.0.1 avviste innloggingen som afk: SMTP AUTH extension not supported by server. "
        "Serveren tilbyr ikke innlogging (AUTH); for en intern relé skal username og password stå tomme.",
    )


def test_s5_a_self_signed_certificate_is_refused_and_a_county_ca_file_is_trusted(round_db, secrets, certificate):
    server = tls_server(certificate, implicit=False)
    server.start()
    try:
        secrets(smtp(server.port, security="starttls", host="localhost"))
        refused = send_due(round_db)
        secrets(smtp(server.port, security="starttls", host="localhost", cafile=str(certificate[0])))
        trusted = send_due(round_db)
    finally:
        server.stop()
    assert refused[0] == (
        GARDERMO,
        "failed",
        f"Fikk ikke kontakt med e-postserveren localhost:{server.port}: [SSL: CERTIFICATE_VERIFY_FAILED] "
        "certificate verify failed: self-signed certificate (_ssl.c:1006). Sertifikatet til localhost er ikke "
        "utstedt av en kjent utsteder (selvsignert eller fylkets egen CA), eller gjelder et annet navn. Oppgi "
        "fylkets CA-fil som cafile under [smtp].",
    )
    # Kongsbergregionen, without recipients, was logged by the first run.
    assert trusted == [(GARDERMO, "sent", None), (HALLINGDAL, "sent", None)]


def test_s5_a_cafile_that_does_not_exist_is_named(secrets, tmp_path):
    path = secrets(smtp(25, cafile=str(tmp_path / "fylke-ca.pem")))
    with pytest.raises(InvalidMailSetting) as refused:
        mail_settings()
    assert refused.value.message("nb") == (
        f"{path}, [smtp]: cafile = «{tmp_path / 'fylke-ca.pem'}» finnes ikke. Oppgi filen med fylkets CA-sertifikat."
    )


def test_s6_a_server_that_never_answers_is_tried_once_and_named_in_words(round_db, secrets):
    listener = socket.create_server(("127.0.0.1", 0))
    port, accepted = listener.getsockname()[1], []

    def take() -> None:
        try:
            while True:
                accepted.append(listener.accept()[0])
        except OSError:
            return

    taker = threading.Thread(target=take, daemon=True)
    taker.start()
    try:
        secrets(smtp(port, timeout=1))
        outcomes = send_due(round_db)
    finally:
        # Shut down, not only closed: that wakes the accept() the thread waits in, so the thread ends
        # here (test_isolation forks and wants no other thread in the process).
        listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        taker.join(timeout=10)
        for connection in accepted:
            connection.close()
    error = (
        f"Fikk ikke kontakt med e-postserveren 127.0.0.1:{port}: Connection unexpectedly closed: timed out. "
        "Fikk ikke svar innen 1 sekunder (blokkert av brannmur?)."
    )
    assert outcomes == [(GARDERMO, "failed", error), (KONGSBERG, "no_recipients", None), (HALLINGDAL, "failed", error)]
    assert len(accepted) == 1


def test_s7_a_partly_refused_message_is_sent_with_the_refused_named_in_the_log(round_db, secrets):
    with SmtpSink(refuse=("tor@gardermo.example",)) as picky:
        secrets(smtp(picky.port))
        outcomes = send_due(round_db)
        assert [rcpt for rcpt, _ in picky.messages()] == [["guri@gardermo.example"], ["hallvard@hallingdal.example"]]
    refused = "E-postserveren 127.0.0.1 avviste mottakeren: tor@gardermo.example: 550 5.1.1 Mottakeren finnes ikke."
    assert outcomes == [(GARDERMO, "sent", refused), (KONGSBERG, "no_recipients", None), (HALLINGDAL, "sent", None)]
    assert [(entry.region, entry.outcome, entry.error) for entry in reversed(sent_reminders(round_db))] == outcomes


def test_s8_norwegian_sender_subject_and_names_arrive_as_written(round_db, secrets):
    sender = "Østfold fylkeskommune – Regionalavdelingen <post@ostfoldfk.example>"
    with SmtpSink() as sink:
        secrets(smtp(sink.port).replace(SENDER, sender))
        send_due(round_db)
        [(rcpt, message), _] = sink.messages()
    assert (rcpt, message["From"], message["To"], message["Subject"]) == (
        ["guri@gardermo.example", "tor@gardermo.example"],
        sender,
        "Guri Gardermo <guri@gardermo.example>, Tor Jessheim <tor@gardermo.example>",
        "Påminnelse: statusrapport fra Gardermoregionen for 3. kv. 2026, frist 30.10.2026",
    )


def test_s9_an_idn_domain_is_sent_as_punycode_and_ae_oe_aa_before_the_at_is_refused(round_db, secrets):
    gardermo = find_region(round_db, GARDERMO)
    with round_db.conn:
        set_region_contact(round_db, gardermo.id, "Kari", "Kari@Indre-Østfold.Kommune.example", None)
    assert reminder_recipients(round_db, gardermo.id)[0].email == "Kari@indre-østfold.kommune.example"
    with SmtpSink() as sink:
        secrets(smtp(sink.port))
        send_due(round_db)
        [(rcpt, message), _] = sink.messages()
        options = sink.envelopes[0].mail_options
    assert (rcpt, message["To"], "SMTPUTF8" in options) == (
        ["Kari@xn--indre-stfold-0jb.kommune.example", "tor@gardermo.example"],
        "Kari <Kari@xn--indre-stfold-0jb.kommune.example>, Tor Jessheim <tor@gardermo.example>",
        False,
    )
    with pytest.raises(InvalidEmail) as refused:
        parse_address("ståle@io.kommune.example")
    assert refused.value.message("nb") == (
        "«ståle@io.kommune.example» er ikke en gyldig e-postadresse: delen før @ har bokstaver som æ, ø eller å, "
        "og slike adresser tar ikke alle e-postservere imot. Skriv en adresse uten dem."
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[smtp]\nhost = smtp.office365.com\n",
            'linje 2, kolonne 8: tekst må stå i anførselstegn, for eksempel host = "smtp.office365.com".',
        ),
        (
            '[smtp]\npassword = "ab\\qc"\n',
            "linje 2, kolonne 17: en omvendt skråstrek (\\) i tekst i doble anførselstegn. Bruk enkle anførselstegn "
            "rundt verdien, for eksempel password = '…'.",
        ),
        (
            '[smtp]\nhost = "a"\n[smtp]\nport = 25\n',
            "linje 3, kolonne 6: en del står to ganger i filen; slå dem sammen til én.",
        ),
    ],
)
def test_s10_a_syntax_error_in_secrets_toml_names_file_line_and_what_to_do(secrets, text, message):
    path = secrets(text)
    with pytest.raises(InvalidMailSetting) as refused:
        mail_settings()
    assert refused.value.message("nb") == f"{path}, {message}"
    assert "ab\\qc" not in refused.value.message("nb")


KNOWN = "host, port, security, sender, reply_to, username, password, timeout, cafile"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("use_tls = true\n", f"[smtp]: use_tls leses ikke. Innstillingene heter {KNOWN}; fylkesvise innstillinger"),
        ('[smtp.county."32"]\nhost = "x"\n', f"[smtp]: county leses ikke. Innstillingene heter {KNOWN}; fylkesvise"),
        ('[smtp.counties."Akershus"]\nhost = "x"\n', '[smtp.counties."Akershus"] leses ikke: en fylkeskommune oppgis'),
        ("security_x = 1\n", "[smtp]: security_x leses ikke."),
    ],
)
def test_s11_a_key_or_county_section_that_is_not_read_is_named(secrets, extra, message):
    path = secrets(smtp(25) + extra)
    with pytest.raises(InvalidMailSetting) as refused:
        mail_settings()
    assert refused.value.message("nb").startswith(f"{path}{':' if message.startswith(' ') else ''}")
    assert message in refused.value.message("nb")


def test_s11_a_port_written_as_text_is_read_and_security_true_is_refused(secrets):
    path = secrets(smtp(25).replace("port = 25", 'port = "587 "') + '[smtp.counties."33"]\nport = "2525"\n')
    settings = mail_settings()
    assert (settings.default.port, settings.counties["33"].port) == (587, 2525)
    secrets(smtp(25).replace('security = "none"', "security = true"))
    with pytest.raises(InvalidMailSetting) as refused:
        mail_settings()
    assert refused.value.message("nb") == f"{path}, [smtp]: security må være tekst i anførselstegn."


# --- the form ---------------------------------------------------------------------------------


def progress_read(register, texts: list[str]) -> list[int | None]:
    rows = [EntryRow(code, "I rute", text) for code, text in zip(("1.1", "1.2", "2.1"), texts, strict=False)]
    checked = check_entry(register, find_region(register, FOLLO), Q3, rows, user=get_user(register, "ola"))
    return [row.report.progress for row in checked]


def form_errors(register, rows: list[EntryRow]) -> list[tuple]:
    with pytest.raises(StatusFileRejected) as rejected:
        check_entry(register, find_region(register, FOLLO), Q3, rows, user=get_user(register, "ola"))
    return [(error.row, error.header, error.value, error.problem("nb")) for error in rejected.value.errors]


def test_f1_progress_as_a_norwegian_types_or_pastes_it_is_read_as_the_workbook_reads_it(register):
    assert progress_read(register, ["45,5", "50 %", "50,0"]) == [46, 50, 50]
    assert progress_read(register, ["45.5", " 50\t", "'45"]) == [46, 50, 45]
    assert form_errors(register, [EntryRow("1.1", "I rute", "0,5"), EntryRow("1.2", "I rute", "1 000")]) == [
        (1, "Fremdrift (%)", "0,5", FRACTION),
        (2, "Fremdrift (%)", "1 000", INVALID_PROGRESS),
    ]


def test_f1_the_page_passes_progress_on_as_typed_and_saves_the_workbooks_number(register):
    at = form_page()
    assert editor_key(find_region(register, FOLLO), Q3) == "entry-folloradet-2024-Q3-0"
    edit(at, {0: {"status": "on_track", "progress": "45,5"}, 1: {"progress": "50 %"}})
    press(press(at, "Kontroller"), "Lagre")
    assert reports(Q3) == [("Follo", "1.1", "on_track", 46, None), ("Follo", "1.2", "completed", 50, None)]


def test_f2_above_100_and_below_0_are_refused_in_norwegian_not_clamped(register):
    assert form_errors(register, [EntryRow("1.1", "I rute", "150"), EntryRow("1.2", "I rute", "-5")]) == [
        (1, "Fremdrift (%)", "150", INVALID_PROGRESS),
        (2, "Fremdrift (%)", "-5", INVALID_PROGRESS),
    ]


def test_f3_a_status_pasted_in_another_case_or_with_a_space_is_read_and_an_unknown_one_named(register):
    rows = [EntryRow("1.1", "i rute", "45"), EntryRow("1.2", "FULLFØRT ", "100"), EntryRow("2.1", "Halvveis", "10")]
    assert form_errors(register, rows) == [
        (3, "Status", "Halvveis", "ukjent status. Velg en av: Ikke startet, I rute, Forsinket, Fullført, Utgår."),
    ]
    checked = check_entry(register, find_region(register, FOLLO), Q3, rows[:2], user=get_user(register, "ola"))
    assert [row.report.status for row in checked] == ["on_track", "completed"]


def test_f4_cleared_cells_are_blank_and_a_blank_comment_is_stored_as_null(register):
    edited = pd.DataFrame(
        {
            "code": ["1.1", "1.2"],
            "status": ["on_track", None],
            "progress": ["45", float("nan")],
            "comment": [float("nan"), ""],
            "next_step": [None, pd.NA],
            "owner": ["", None],
        }
    )
    assert entry_rows(edited) == [EntryRow("1.1", "I rute", "45"), EntryRow("1.2", None, None)]
    assert form_errors(register, entry_rows(edited)) == [
        (2, "Status", "", STATUS_MISSING),
    ]
    load_entry(
        register,
        find_region(register, FOLLO),
        Q3,
        [EntryRow("1.1", "I rute", "45", " \u00a0")],
        user=get_user(register, "ola"),
    )
    assert reports(Q3) == [("Follo", "1.1", "on_track", 45, None)]


def test_f6_a_block_pasted_from_excel_is_cleaned_as_workbook_cells_are(register):
    rows = [
        EntryRow("1.1", "I rute\r", "45\t", "Første linje\nandre linje", "Møte i mars\r\n", "Kari\u00a0Nordmann\u200b")
    ]
    [checked] = check_entry(register, find_region(register, FOLLO), Q3, rows, user=get_user(register, "ola"))
    assert checked.report.values() == ("on_track", 45, "Første linje\nandre linje", "Møte i mars", "Kari Nordmann")


# --- contacts ---------------------------------------------------------------------------------


def test_c1_c3_an_address_as_outlook_or_a_web_page_gives_it_is_one_address():
    cells = [
        "Kari Nordmann <kari.nordmann@io.kommune.example>",
        '"Nordmann, Kari" <kari.nordmann@io.kommune.example>',
        "Nordmann, Kari <kari.nordmann@io.kommune.example>",
        "mailto:kari.nordmann@io.kommune.example?subject=Rapport",
        "kari.nordmann@io.kommune.example\u00a0",
        " kari.nordmann@io.kommune.example",
        "kari.nordmann\u200b@io.kommune.example",
    ]
    assert [parse_address(cell) for cell in cells] == [
        Address("Kari Nordmann", "kari.nordmann@io.kommune.example"),
        Address("Nordmann, Kari", "kari.nordmann@io.kommune.example"),
        Address("Nordmann, Kari", "kari.nordmann@io.kommune.example"),
        *[Address(None, "kari.nordmann@io.kommune.example")] * 4,
    ]


@pytest.mark.parametrize(
    "cell", ["kari@io.kommune.example; ole@io.kommune.example", "kari@io.kommune.example, ole@io.kommune.example"]
)
def test_c2_several_addresses_in_one_cell_are_refused_naming_them(cell):
    with pytest.raises(InvalidEmail) as refused:
        parse_address(cell)
    assert refused.value.message("nb") == f"«{cell}» er flere e-postadresser. Skriv én adresse."


def test_c4_the_same_person_as_contact_and_reporter_in_another_case_gets_one_reminder(round_db):
    gardermo = find_region(round_db, GARDERMO)
    with round_db.conn:
        set_region_contact(round_db, gardermo.id, "Tor", "TOR@Gardermo.EXAMPLE", None)
    assert [person.email for person in reminder_recipients(round_db, gardermo.id)] == ["TOR@gardermo.example"]


def test_c5_c6_phone_numbers_from_number_cells_and_web_pages_are_kept_as_digits(round_db):
    assert [organisation_cell(value) for value in (22000000.0, 4722000000.0, "02800")] == [
        "22000000",
        "4722000000",
        "02800",
    ]
    hallingdal = find_region(round_db, HALLINGDAL)
    with round_db.conn:
        set_region_contact(round_db, hallingdal.id, "Hallvard", None, "22\u00a000\u00a000\u00a000")
    assert round_db.execute("SELECT contact_phone FROM regions WHERE id = ?", (hallingdal.id,)).fetchone() == (
        "22 00 00 00",
    )


def test_c7_a_secretariat_address_without_a_person_is_reminded_with_the_countys_reply_to(round_db, secrets):
    hallingdal = find_region(round_db, HALLINGDAL)
    with round_db.conn:
        set_region_contact(round_db, hallingdal.id, "Sekretariatet", "post@hallingdal.example", None)
    with SmtpSink() as sink:
        secrets(smtp(sink.port, reply_to="Partnerskap <svar@afk.example>"))
        send_due(round_db)
        [_, (rcpt, message)] = sink.messages()
    assert (rcpt, message["To"], message["Reply-To"]) == (
        ["post@hallingdal.example"],
        "Sekretariatet <post@hallingdal.example>",
        "Partnerskap <svar@afk.example>",
    )


@pytest.mark.usefixtures("fresh_caches")
def test_s10_the_rapportering_page_shows_the_board_and_the_syntax_error_in_place_of_the_button(db_path, secrets):
    from core.rounds import current_round, oslo_today

    this_round = current_round(oslo_today())
    year = int(this_round[:4])
    with contextlib.closing(connect(db_path)) as db:
        build_round_register(db, period=f"{year - 2}-{year + 1}", delivered=this_round)
    path = secrets("[smtp]\nhost = smtp.office365.com\n")
    at = app({"fylke": "buskerud"}, page="views/rapportering.py", user="kari")
    assert not at.exception, at.exception
    assert "round-board" in html_tables(at)
    # Shown as text: the path's underscores escaped, not read as Markdown.
    assert [error.value for error in at.main.error] == [
        markdown_literal(
            f'{path}, linje 2, kolonne 8: tekst må stå i anførselstegn, for eksempel host = "smtp.office365.com".'
        )
    ]
