"""The Rapportering page's reminders (views/_reminders.py) through AppTest: the regions a reminder
would go to, sending them to a real SMTP server in the test process behind a confirmation, the
outcome per region and the log; only administrators see any of it."""

from __future__ import annotations

import datetime as dt

import pytest

from core.db import connect
from core.organisation import find_county
from core.rounds import current_round, log_reminder, manual_reminders, oslo_today, sent_reminders
from core.vocabulary import quarter_label
from outputs.tables import stored_moment_text
from tests.builders import (
    BUSKERUD,
    HALLINGDAL,
    KONGSBERG,
    HtmlTable,
    SmtpSink,
    app,
    build_round_register,
    html_tables,
    messages_after,
)
from views._widgets import markdown_literal

pytestmark = pytest.mark.usefixtures("fresh_caches")

# The page opens on the round running, so the register's agreements run around it, whatever the day.
ROUND = current_round(oslo_today())
YEAR = int(ROUND[:4])
SENDER = "Buskerud fylkeskommune <partnerskap@bfk.example>"
HALLVARD = "Hallvard Gol <hallvard@hallingdal.example>"
NO_ADDRESS_EN = "No e-mail address: add a contact for the region (Organisation) or an e-mail address for its reporter."
NO_ADDRESS = "Ingen e-postadresse: legg inn en kontaktperson for regionen (Organisasjon) eller e-post på rapportøren."


@pytest.fixture
def round_db(db_path):
    db = connect(db_path)
    build_round_register(db, period=f"{YEAR - 2}-{YEAR + 1}", delivered=ROUND)
    yield db
    db.close()


@pytest.fixture
def sink(tmp_path, monkeypatch):
    with SmtpSink() as server:
        path = tmp_path / "secrets.toml"
        path.write_text(
            f'[smtp]\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\nsender = "{SENDER}"\n',
            encoding="utf-8",
        )
        monkeypatch.setenv("DASHBOARD_SECRETS", str(path))
        yield server


def round_page(user: str, lang: str | None = None):
    query = {"fylke": "buskerud", **({"lang": lang} if lang else {})}
    return app(query, page="views/rapportering.py", user=user)


def test_an_administrator_sends_the_reminders_after_confirming_and_sees_the_outcome_and_log(round_db, sink):
    at = round_page("kari")
    label = quarter_label(ROUND)
    assert html_tables(at)["reminders-due"] == HtmlTable(
        "Påminnelser som sendes nå",
        ["Region", "Mottakere", "Sist påminnet"],
        [[KONGSBERG, NO_ADDRESS, "Ikke påminnet ennå"], [HALLINGDAL, HALLVARD, "Ikke påminnet ennå"]],
        [None, None],
    )
    assert _confirm(at).label == "Ja, send en påminnelse på e-post til 2 regioner nå"
    send = _send_button(at)
    assert (send.label, send.disabled) == ("Send påminnelse til 2 regioner", True)
    assert [text.value for text in at.markdown if "Ingen påminnelser er sendt" in text.value] == [
        f"Ingen påminnelser er sendt for {label} ennå."
    ]
    _confirm(at).check().run()
    _send_button(at).click().run()
    assert not at.exception, at.exception
    # Right below the button pressed, not at the top of the page.
    assert messages_after(at, _send_button(at).key) == [
        ("warning", "Påminnelser: 1 av 2 sendt, 0 feilet, 1 uten mottakere.")
    ]
    assert [(rcpt, message["To"], message["From"]) for rcpt, message in sink.messages()] == [
        (["hallvard@hallingdal.example"], HALLVARD, SENDER)
    ]
    assert (_confirm(at).value, _send_button(at).disabled) == (False, True)
    tables = html_tables(at)
    logged = sorted(sent_reminders(round_db, quarter=ROUND), key=lambda entry: entry.id, reverse=True)
    # Both have still not delivered: Hallingdal's reminder of a moment ago is named before a second one.
    assert tables["reminders-due"].rows == [
        [KONGSBERG, NO_ADDRESS, "Ikke påminnet ennå"],
        [HALLINGDAL, HALLVARD, f"{stored_moment_text(logged[0].sent_at, 'nb')} (manuell)"],
    ]
    assert _confirm(at).label == (
        f"Ja, send en påminnelse på e-post til 2 regioner nå, selv om {markdown_literal(HALLINGDAL, inline=True)} "
        "fikk en for mindre enn et døgn siden"
    )
    assert tables["reminders-result"].rows == [[KONGSBERG, "⚠ Ingen mottakere", ""], [HALLINGDAL, "✓ Sendt", ""]]
    assert tables["reminders-log"] == HtmlTable(
        f"Sendte påminnelser for {label}",
        ["Tidspunkt", "Region", "Hva", "Mottakere", "Utfall", "Svar fra e-postserveren", "Sendt av"],
        [
            [
                stored_moment_text(logged[0].sent_at, "nb"),
                HALLINGDAL,
                "Sendt fra Rapportering",
                "hallvard@hallingdal.example",
                "✓ Sendt",
                "",
                "Kari Nordmann (kari)",
            ],
            [
                stored_moment_text(logged[1].sent_at, "nb"),
                KONGSBERG,
                "Sendt fra Rapportering",
                "",
                "⚠ Ingen mottakere",
                "",
                "Kari Nordmann (kari)",
            ],
        ],
        [None, None],
    )


def test_without_mail_settings_the_section_says_how_and_offers_no_button(round_db, tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_SECRETS", str(tmp_path / "secrets.toml"))
    at = round_page("kari", "en")
    assert [info.value for info in at.info if "e-mail is set up" in info.value] == [
        "Reminders cannot be sent from here until e-mail is set up. E-mail is not set up: there is no "
        f"{markdown_literal(str(tmp_path / 'secrets.toml'), inline=True)}. Copy .streamlit/secrets.toml.example "
        "there and fill in [smtp]. Whoever runs "
        "the dashboard adds the mail server to the [smtp] section of secrets.toml (see the README: Reminders by "
        "e-mail)."
    ]
    assert [button.key for button in at.button if (button.key or "").startswith("reminders-")] == []
    assert html_tables(at)["reminders-due"].rows == [
        [KONGSBERG, NO_ADDRESS_EN, "Not reminded yet"],
        [HALLINGDAL, HALLVARD, "Not reminded yet"],
    ]


def test_a_reporter_sees_nothing_of_the_reminders(round_db, sink):
    at = round_page("tor")
    assert not at.exception, at.exception
    assert [header.value for header in at.header if header.value == "Påminnelser"] == []
    assert [key for key in html_tables(at) if key.startswith("reminders-")] == []
    assert [box.key for box in at.checkbox if (box.key or "").startswith("reminders-")] == []


def test_a_reminder_sent_days_ago_is_shown_but_not_named_in_the_confirmation(round_db, sink):
    [hallingdal] = [
        due for due in manual_reminders(round_db, find_county(round_db, BUSKERUD).id, ROUND) if due.region == HALLINGDAL
    ]
    log_reminder(round_db, hallingdal, sent_by="Kari Nordmann (kari)", outcome="sent")
    two_days_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=2)).isoformat(timespec="seconds")
    with round_db.conn:
        round_db.execute("UPDATE reminders SET sent_at = ?", (two_days_ago,))
    at = round_page("kari", "en")
    assert html_tables(at)["reminders-due"].rows == [
        [KONGSBERG, NO_ADDRESS_EN, "Not reminded yet"],
        [HALLINGDAL, HALLVARD, f"{stored_moment_text(two_days_ago, 'en')} (manual)"],
    ]
    assert _confirm(at).label == "Yes, send a reminder by e-mail to 2 regions now"


def _send_button(at):
    [button] = [button for button in at.button if (button.key or "").startswith("reminders-send-")]
    return button


def _confirm(at):
    [box] = [box for box in at.checkbox if (box.key or "").startswith("reminders-confirm-")]
    return box
