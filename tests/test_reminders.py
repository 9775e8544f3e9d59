"""Reminders by e-mail: the settings from the secrets file, the message, sending through a real SMTP
server in the test process (aiosmtpd) with every outcome logged, and ``python -m loaders remind``.

The register (tests/builders.build_round_register): 2026-Q3's deadline is 30.10.2026 (30 days after
the quarter), reminders go from 23.10 (7 days before) and from 02.11 (3 days after). Only
Folloregionen IPR has delivered.
"""

from __future__ import annotations

import datetime as dt

import pytest

from core.rounds import due_reminders, sent_reminders
from outputs.errors import InvalidMailSetting, MailNotConfigured
from outputs.mail import mail_settings, send_manual_reminders, send_reminders
from tests.builders import (
    ADMIN,
    GARDERMO,
    HALLINGDAL,
    KONGSBERG,
    SmtpSink,
    free_port,
)

SENDER = "Akershus fylkeskommune <partnerskap@afk.example>"
BEFORE = "2026-10-25"  # in the week before the deadline
AFTER = "2026-11-03"  # past the deadline and its three days' grace

GARDERMO_BEFORE = (
    "Hei,\n\n"
    "Akershus fylkeskommune har ennå ikke fått statusrapporten fra Gardermoregionen for 3. kv. 2026. "
    "Fristen er 30.10.2026.\n\n"
    "Rapporten gjelder 3 tiltak i partnerskapsavtalen.\n\n"
    "Slik leverer dere: logg inn i Partnerskapsmonitor og gå til Last opp. Der laster dere ned malen for "
    "regionen og kvartalet, fyller den ut og laster den opp, eller fyller ut skjemaet rett i nettleseren.\n\n"
    "Spørsmål? Svar på denne e-posten, så kommer svaret til Akershus fylkeskommune <partnerskap@afk.example>.\n\n"
    "Med vennlig hilsen\nAkershus fylkeskommune\n\n"
    "Denne påminnelsen er sendt fra Partnerskapsmonitor.\n"
)


@pytest.fixture
def sink():
    with SmtpSink(refuse=("refused@hallingdal.example",)) as server:
        yield server


def smtp_section(port: int, **extra: str) -> str:
    lines = ['host = "127.0.0.1"', f"port = {port}", 'security = "none"', f'sender = "{SENDER}"']
    lines += [f'{key} = "{value}"' for key, value in extra.items()]
    return "[smtp]\n" + "\n".join(lines) + "\n"


def log(db) -> list[tuple]:
    return [
        (entry.region, entry.quarter, entry.kind, entry.recipients, entry.sent_by, entry.outcome, entry.error)
        for entry in reversed(sent_reminders(db))
    ]


def text(message) -> str:
    """The plain-text body as written (the wire's CRLF line ends as the newlines they stand for)."""
    return message.get_content().replace("\r\n", "\n")


def received(sink: SmtpSink) -> list[tuple[list[str], str, str, str | None]]:
    return [(rcpt, message["To"], message["Subject"], message["Reply-To"]) for rcpt, message in sink.messages()]


# --- the command line -------------------------------------------------------------------------


def test_dry_run_lists_the_reminders_due_and_sends_and_logs_nothing(round_db, sink, secrets, run_cli):
    secrets(smtp_section(sink.port))
    run = run_cli("remind", "--dry-run", "--date", BEFORE)
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.splitlines() == [
        "Gardermoregionen · Før fristen · 3. kv. 2026 · frist 30.10.2026 · til: guri@gardermo.example, "
        "tor@gardermo.example",
        "Kongsbergregionen · Før fristen · 3. kv. 2026 · frist 30.10.2026 · til: ingen e-postadresse",
        "Regionrådet for Hallingdal · Før fristen · 3. kv. 2026 · frist 30.10.2026 · til: hallvard@hallingdal.example",
        "Prøvekjøring: 3 påminnelser ville blitt sendt; ingenting er sendt eller logget.",
    ]
    assert (sink.messages(), log(round_db)) == ([], [])


def test_dry_run_needs_no_mail_settings(round_db, secrets, run_cli):
    run = run_cli("remind", "--dry-run", "--date", AFTER, "--county", "33")
    assert (run.returncode, run.stdout.splitlines()[-1]) == (
        0,
        "Prøvekjøring: 2 påminnelser ville blitt sendt; ingenting er sendt eller logget.",
    )


def test_remind_sends_one_message_per_region_to_its_recipients_and_logs_each(round_db, sink, secrets, run_cli):
    secrets(smtp_section(sink.port, reply_to="Partnerskap <svar@afk.example>"))
    run = run_cli("remind", "--date", BEFORE)
    assert run.returncode == 0
    assert run.stdout.splitlines()[-1] == "2 av 3 påminnelser sendt, 0 feilet, 1 uten mottakere."
    assert run.stderr == (
        "Kongsbergregionen: ingen e-postadresse, så ingen påminnelse; legg inn en kontaktperson eller e-post "
        "på rapportøren.\n"
    )
    assert received(sink) == [
        (
            ["guri@gardermo.example", "tor@gardermo.example"],
            "Guri Gardermo <guri@gardermo.example>, Tor Jessheim <tor@gardermo.example>",
            "Påminnelse: statusrapport fra Gardermoregionen for 3. kv. 2026, frist 30.10.2026",
            "Partnerskap <svar@afk.example>",
        ),
        (
            ["hallvard@hallingdal.example"],
            "Hallvard Gol <hallvard@hallingdal.example>",
            "Påminnelse: statusrapport fra Regionrådet for Hallingdal for 3. kv. 2026, frist 30.10.2026",
            "Partnerskap <svar@afk.example>",
        ),
    ]
    gardermo = sink.messages()[0][1]
    assert gardermo["From"] == SENDER
    assert gardermo["Message-ID"].endswith("@afk.example>") and gardermo["Date"] is not None
    assert text(gardermo) == GARDERMO_BEFORE.replace(
        "Akershus fylkeskommune <partnerskap@afk.example>.", "Partnerskap <svar@afk.example>."
    )
    sender = "remind (automatisk)"
    assert log(round_db) == [
        (GARDERMO, "2026-Q3", "before", ("guri@gardermo.example", "tor@gardermo.example"), sender, "sent", None),
        (KONGSBERG, "2026-Q3", "before", (), sender, "no_recipients", None),
        (HALLINGDAL, "2026-Q3", "before", ("hallvard@hallingdal.example",), sender, "sent", None),
    ]


def test_a_second_run_sends_nothing_as_each_kind_goes_once(round_db, sink, secrets, run_cli):
    secrets(smtp_section(sink.port))
    assert run_cli("remind", "--date", BEFORE).returncode == 0
    again = run_cli("remind", "--date", "2026-10-30")
    assert (again.returncode, again.stdout) == (
        0,
        "Ingen påminnelser skal sendes 30.10.2026: alle har levert, eller de er alt sendt.\n",
    )
    assert (len(sink.messages()), len(log(round_db))) == (2, 3)


def test_after_the_deadline_the_reminder_is_a_purring_with_a_link(round_db, sink, secrets, run_cli, monkeypatch):
    secrets(smtp_section(sink.port))
    monkeypatch.setenv("DASHBOARD_URL", "https://partnerskap.afk.example/")
    run = run_cli("remind", "--date", AFTER, "--county", "Akershus")
    assert (run.returncode, run.stdout.splitlines()) == (
        0,
        [
            "Gardermoregionen · Purring etter fristen · 3. kv. 2026 · frist 30.10.2026 · til: "
            "guri@gardermo.example, tor@gardermo.example",
            "1 av 1 påminnelse sendt, 0 feilet, 0 uten mottakere.",
        ],
    )
    [(recipients, message)] = sink.messages()
    assert recipients == ["guri@gardermo.example", "tor@gardermo.example"]
    assert message["Subject"] == "Purring: statusrapport fra Gardermoregionen for 3. kv. 2026, fristen var 30.10.2026"
    body = text(message).split("\n\n")
    assert body[1:5] == [
        "Akershus fylkeskommune har ikke fått statusrapporten fra Gardermoregionen for 3. kv. 2026. Fristen var "
        "30.10.2026 og er passert; vi ber dere levere rapporten så snart som mulig.",
        "Rapporten gjelder 3 tiltak i partnerskapsavtalen.",
        GARDERMO_BEFORE.split("\n\n")[3],
        "Last opp: https://partnerskap.afk.example/last-opp?fylke=akershus&region=gardermoregionen&quarter=2026-Q3",
    ]
    assert [entry[2] for entry in log(round_db)] == ["after"]


def test_a_county_with_its_own_server_sends_through_it(round_db, sink, secrets, run_cli):
    with SmtpSink() as buskerud:
        secrets(
            smtp_section(sink.port)
            + f'\n[smtp.counties."33"]\nport = {buskerud.port}\n'
            + 'sender = "Buskerud fylkeskommune <partnerskap@bfk.example>"\n'
        )
        run = run_cli("remind", "--date", BEFORE)
        assert run.returncode == 0
        assert [(rcpt, message["From"]) for rcpt, message in buskerud.messages()] == [
            (["hallvard@hallingdal.example"], "Buskerud fylkeskommune <partnerskap@bfk.example>")
        ]
    assert [(rcpt, message["From"]) for rcpt, message in sink.messages()] == [
        (["guri@gardermo.example", "tor@gardermo.example"], SENDER)
    ]


def test_a_refused_recipient_is_logged_as_failed_with_the_answer_and_the_others_go(round_db, sink, secrets, run_cli):
    round_db.execute("UPDATE regions SET contact_email = 'refused@hallingdal.example' WHERE name = ?", (HALLINGDAL,))
    round_db.conn.commit()
    secrets(smtp_section(sink.port))
    run = run_cli("remind", "--date", BEFORE)
    answer = (
        "E-postserveren 127.0.0.1 avviste mottakeren: refused@hallingdal.example: 550 5.1.1 Mottakeren finnes ikke."
    )
    assert (run.returncode, run.stderr.splitlines()[-1]) == (1, f"{HALLINGDAL}: {answer}")
    assert run.stdout.splitlines()[-1] == "1 av 3 påminnelser sendt, 1 feilet, 1 uten mottakere."
    assert [rcpt for rcpt, _ in sink.messages()] == [["guri@gardermo.example", "tor@gardermo.example"]]
    assert [(entry[0], entry[5], entry[6]) for entry in log(round_db)] == [
        (GARDERMO, "sent", None),
        (KONGSBERG, "no_recipients", None),
        (HALLINGDAL, "failed", answer),
    ]


def test_a_message_some_of_whose_recipients_are_refused_is_sent_with_them_named(round_db, secrets, run_cli):
    with SmtpSink(refuse=("tor@gardermo.example",)) as picky:
        secrets(smtp_section(picky.port))
        run = run_cli("remind", "--date", BEFORE, "--county", "Akershus fylkeskommune")
        assert [rcpt for rcpt, _ in picky.messages()] == [["guri@gardermo.example"]]
    answer = "E-postserveren 127.0.0.1 avviste mottakeren: tor@gardermo.example: 550 5.1.1 Mottakeren finnes ikke."
    assert (run.returncode, run.stderr, run.stdout.splitlines()[-1]) == (
        1,
        f"{GARDERMO}: {answer}\n",
        "1 av 1 påminnelse sendt, 0 feilet, 0 uten mottakere.",
    )
    assert [(entry[5], entry[6]) for entry in log(round_db)] == [("sent", answer)]


def test_a_name_that_would_forge_a_header_fails_that_message_only(round_db, sink, secrets, run_cli):
    with round_db.conn:
        round_db.execute("UPDATE users SET name = 'Tor\r\nBcc: x@evil.example' WHERE username = 'tor'")
    secrets(smtp_section(sink.port))
    run = run_cli("remind", "--date", BEFORE)
    assert run.returncode == 1
    assert [rcpt for rcpt, _ in sink.messages()] == [["hallvard@hallingdal.example"]]
    assert [(entry[0], entry[5], entry[6]) for entry in log(round_db)] == [
        (
            GARDERMO,
            "failed",
            "E-posten til Gardermoregionen kunne ikke lages: Header values may not contain linefeed or carriage "
            "return characters.",
        ),
        (KONGSBERG, "no_recipients", None),
        (HALLINGDAL, "sent", None),
    ]


def test_starttls_to_a_server_without_it_is_named(round_db, sink, secrets, run_cli):
    secrets(smtp_section(sink.port).replace('security = "none"', 'security = "starttls"'))
    run = run_cli("remind", "--date", BEFORE, "--county", "32")
    assert (run.returncode, run.stderr) == (
        1,
        f"{GARDERMO}: Fikk ikke kontakt med e-postserveren 127.0.0.1:{sink.port}: STARTTLS extension not "
        'supported by server. Serveren tilbyr ikke STARTTLS. security = "none" er bare for en intern relé.\n',
    )
    assert sink.messages() == []


def test_a_region_whose_agreement_does_not_cover_the_quarter_is_not_reminded(round_db, run_cli):
    from core.db import write_transaction
    from core.organisation import find_county, set_region_county
    from core.register import Agreement, Commitment, ensure_region, save_agreement

    # The round's board takes a region's nearest agreement for a quarter none covers.
    with write_transaction(round_db):
        region = ensure_region(round_db, "Nyregionen", "Ny")
        set_region_county(round_db, region.id, find_county(round_db, "32"), dt.date(2027, 1, 1))
        save_agreement(round_db, region, Agreement("2027-2030", commitments=[Commitment("1.1", "Senere")]))
        round_db.execute("UPDATE regions SET contact_email = 'ny@ny.example' WHERE id = ?", (region.id,))
    run = run_cli("remind", "--dry-run", "--date", BEFORE, "--county", "32")
    assert run.stdout.splitlines() == [
        "Gardermoregionen · Før fristen · 3. kv. 2026 · frist 30.10.2026 · til: guri@gardermo.example, "
        "tor@gardermo.example",
        "Prøvekjøring: 1 påminnelse ville blitt sendt; ingenting er sendt eller logget.",
    ]


def test_an_earlier_round_is_chosen_with_quarter(round_db, run_cli):
    run = run_cli("remind", "--dry-run", "--date", BEFORE, "--quarter", "2. kv. 2026", "--county", "32")
    assert (run.returncode, run.stdout.splitlines()) == (
        0,
        [
            "Folloregionen IPR · Purring etter fristen · 2. kv. 2026 · frist 30.07.2026 · til: ingen e-postadresse",
            "Gardermoregionen · Purring etter fristen · 2. kv. 2026 · frist 30.07.2026 · til: guri@gardermo.example, "
            "tor@gardermo.example",
            "Prøvekjøring: 2 påminnelser ville blitt sendt; ingenting er sendt eller logget.",
        ],
    )


def test_a_server_that_is_down_fails_every_message_and_they_are_due_again(round_db, sink, secrets, run_cli):
    port = free_port()
    secrets(smtp_section(port))
    run = run_cli("remind", "--date", BEFORE, "--county", "32")
    answer = (
        f"Fikk ikke kontakt med e-postserveren 127.0.0.1:{port}: Connection refused. "
        f"Ingen tar imot på port {port}: sjekk port, eller om serveren er nede."
    )
    assert (run.returncode, run.stderr) == (1, f"{GARDERMO}: {answer}\n")
    assert [(entry[0], entry[5], entry[6]) for entry in log(round_db)] == [(GARDERMO, "failed", answer)]
    secrets(smtp_section(sink.port))
    assert run_cli("remind", "--date", BEFORE, "--county", "32").returncode == 0
    assert [rcpt for rcpt, _ in sink.messages()] == [["guri@gardermo.example", "tor@gardermo.example"]]


def test_a_refused_login_is_named_and_the_password_is_nowhere(round_db, secrets, run_cli):
    with SmtpSink(password="riktig-passord") as guarded:
        secrets(smtp_section(guarded.port, username="afk-monitor", password="feil-passord-123"))
        run = run_cli("remind", "--date", BEFORE, "--county", "32")
        assert guarded.messages() == []
    answer = (
        "E-postserveren 127.0.0.1 avviste innloggingen som afk-monitor: 535 5.7.8 Authentication credentials invalid. "
        "Sjekk username og password under [smtp]. Innloggingen prøves én gang per kjøring."
    )
    assert (run.returncode, run.stderr) == (1, f"{GARDERMO}: {answer}\n")
    assert [(entry[5], entry[6]) for entry in log(round_db)] == [("failed", answer)]
    assert "feil-passord-123" not in run.stdout + run.stderr + repr(mail_settings())


def test_without_mail_settings_remind_says_so_and_logs_nothing(round_db, secrets, run_cli, tmp_path):
    run = run_cli("remind", "--date", BEFORE)
    assert (run.returncode, run.stderr) == (
        1,
        f"E-post er ikke satt opp: fant ikke {tmp_path / 'secrets.toml'}. Kopier .streamlit/secrets.toml.example "
        "dit og fyll ut [smtp].\n",
    )
    assert log(round_db) == []


def test_a_bad_date_is_a_usage_error(round_db, run_cli):
    run = run_cli("remind", "--date", "30.10.2026")
    assert run.returncode == 2
    assert "not a date: '30.10.2026' (write YYYY-MM-DD)" in run.stderr


# --- the settings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "message"),
    [
        (
            'host = "mail.afk.example"\nport = "smtp"\nsender = "a@afk.example"',
            "{file}, [smtp]: port = «smtp» er ikke et portnummer (1–65535).",
        ),
        (
            'host = "mail.afk.example"\nsecurity = "tls"\nsender = "a@afk.example"',
            "{file}, [smtp]: security = «tls» er ukjent. Velg en av: starttls, ssl, none.",
        ),
        (
            'host = "mail.afk.example"\nsender = "Akershus fylkeskommune"',
            "{file}, [smtp]: sender = «Akershus fylkeskommune» er ikke én e-postadresse. "
            "Skriv for eksempel «Akershus fylkeskommune <partnerskap@afk.no>».",
        ),
        (
            'host = "mail.afk.example"\nsender = "a@afk.example, b@afk.example"',
            "{file}, [smtp]: sender = «a@afk.example, b@afk.example» er ikke én e-postadresse. "
            "Skriv for eksempel «Akershus fylkeskommune <partnerskap@afk.no>».",
        ),
        ('sender = "a@afk.example"', "{file}, [smtp]: host mangler."),
        (
            'host = "mail.afk.example"\nsender = "a@afk.example"\nusername = "afk"',
            "{file}, [smtp]: password mangler; username og password oppgis sammen, eller ingen av dem.",
        ),
        (
            'host = "mail.afk.example"\nsender = "a@afk.example"\n[smtp.counties."33"]\nreply_to = "svar"',
            '{file}, [smtp.counties."33"]: reply_to = «svar» er ikke én e-postadresse. '
            "Skriv for eksempel «Akershus fylkeskommune <partnerskap@afk.no>».",
        ),
    ],
)
def test_a_bad_setting_is_named_with_its_file_section_and_key(secrets, section, message):
    path = secrets(f"[smtp]\n{section}\n")
    with pytest.raises(InvalidMailSetting) as refused:
        mail_settings()
    assert str(refused.value) == message.format(file=path)


def test_a_secrets_file_without_smtp_is_not_configured(secrets):
    path = secrets('[auth]\nclient_id = "x"\n')
    with pytest.raises(MailNotConfigured) as refused:
        mail_settings()
    assert refused.value.message("en") == (
        f"E-mail is not set up: {path} has no [smtp] section. See .streamlit/secrets.toml.example."
    )


def test_the_settings_read_with_their_defaults_and_a_countys_overrides(secrets):
    secrets(
        '[smtp]\nhost = "smtp.afk.example"\nsender = "Akershus fylkeskommune <partnerskap@afk.example>"\n'
        'username = "afk"\npassword = "hemmelig"\n'
        '[smtp.counties."33"]\nhost = "smtp.bfk.example"\nsecurity = "ssl"\n'
    )
    settings = mail_settings()
    assert [
        (server.section, server.host, server.port, server.security, server.username, server.timeout)
        for server in (settings.server("32"), settings.server("33"), settings.server(None))
    ] == [
        ("[smtp]", "smtp.afk.example", 587, "starttls", "afk", 30.0),
        ('[smtp.counties."33"]', "smtp.bfk.example", 465, "ssl", "afk", 30.0),
        ("[smtp]", "smtp.afk.example", 587, "starttls", "afk", 30.0),
    ]
    assert "hemmelig" not in repr(settings)


# --- sending from the board -------------------------------------------------------------------


def test_manual_reminders_go_to_the_regions_chosen_and_only_administrators_send(round_db, sink, secrets):
    from core.errors import NotAllowed
    from core.users import get_user

    secrets(smtp_section(sink.port))
    akershus, buskerud = (
        round_db.execute("SELECT id FROM counties WHERE number = ?", (number,)).fetchone()[0] for number in ("32", "33")
    )
    with pytest.raises(NotAllowed) as refused:
        send_manual_reminders(round_db, akershus, "2026-Q3", user=get_user(round_db, "tor"))
    assert str(refused.value) == "Bare administratorer kan sende påminnelser; Tor Jessheim er ikke administrator."
    hallingdal = round_db.execute("SELECT id FROM regions WHERE name = ?", (HALLINGDAL,)).fetchone()[0]
    chosen = send_manual_reminders(round_db, buskerud, "2026-Q3", user=ADMIN, region_ids=[hallingdal])
    every = send_manual_reminders(round_db, akershus, "2026-Q3", user=ADMIN)
    assert [(outcome.reminder.region, outcome.outcome, outcome.error) for outcome in chosen + every] == [
        (HALLINGDAL, "sent", None),
        (GARDERMO, "sent", None),
    ]
    assert [entry[:6] for entry in log(round_db)] == [
        (HALLINGDAL, "2026-Q3", "manual", ("hallvard@hallingdal.example",), "Admin (admin)", "sent"),
        (GARDERMO, "2026-Q3", "manual", ("guri@gardermo.example", "tor@gardermo.example"), "Admin (admin)", "sent"),
    ]
    # Sent from the board, it does not stand in for the automatic reminder before the deadline.
    assert [reminder.region for reminder in due_reminders(round_db, dt.date(2026, 10, 25), county_id=akershus)] == [
        GARDERMO
    ]


def test_send_reminders_keeps_the_order_given_across_servers(round_db, sink, secrets):
    with SmtpSink() as buskerud:
        secrets(smtp_section(sink.port) + f'[smtp.counties."33"]\nport = {buskerud.port}\n')
        due = due_reminders(round_db, dt.date(2026, 10, 25))
        outcomes = send_reminders(round_db, due, sent_by="test", today=dt.date(2026, 10, 25))
    assert [(outcome.reminder.region, outcome.outcome) for outcome in outcomes] == [
        (GARDERMO, "sent"),
        (KONGSBERG, "no_recipients"),
        (HALLINGDAL, "sent"),
    ]
