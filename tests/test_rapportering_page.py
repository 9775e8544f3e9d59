"""Rapportering's board from the entry point: states and counts, approving, reopening, who sees what."""

import datetime as dt
import io

import openpyxl
import pytest

from core.access import set_reading_open
from core.db import connect
from core.register import Agreement, Commitment, FocusArea
from core.rounds import Deadline, approve, deadline, oslo_today, round_events
from core.users import add_user
from tests.builders import (
    ADMIN,
    FOLLO,
    IOR,
    ORU,
    HtmlTable,
    add_reports,
    app,
    build_register,
    download,
    html_tables,
    messages_after,
    metrics,
)
from tests.test_county_selector import build_counties
from tests.test_stored_text import HOSTILE, SHOWN, _markdown_texts, _raw

# The board's columns, on the page and in its downloads.
BOARD_HEADERS = [
    "Region",
    "Status",
    "Levert",
    "Tiltak rapportert",
    "Godkjent",
    "Kontakt",
    "Rapportører",
    "Siste opplasting",
    "Siste påminnelse",
]
pytestmark = pytest.mark.usefixtures("fresh_caches")

PAGE = "views/rapportering.py"
VESTVIKEN = "Vestviken 360"
QUARTER = {"quarter": "2024-Q2"}  # deadline 30.07.2024 by the default rule (30 days)


def _agreement(*units: str) -> Agreement:
    return Agreement(
        "2023-2024",
        focus_areas=[FocusArea("1", "Mobilitet", "#lavereklimautslipp", [11])],
        commitments=[
            Commitment(f"1.{number}", f"Tiltak {number}", "1", unit) for number, unit in enumerate(units, start=1)
        ],
    )


@pytest.fixture
def round_register(db):
    """Four Viken regions in 2024-Q2: Follo on time, IØR late and partly, Øvre Romerike nothing,
    Vestviken approved; Kari (administrator), Ola (Follo's reporter), Siv (owner of Samferdsel)."""
    build_register(
        db,
        {
            FOLLO: {"short_name": "Follo", "agreements": [_agreement("Samferdsel", "Næring og tannhelse")]},
            IOR: {"short_name": "IØR", "agreements": [_agreement("Samferdsel", "Samferdsel", "Næring og tannhelse")]},
            ORU: {"short_name": "ØRU", "agreements": [_agreement("Samferdsel")]},
            VESTVIKEN: {"short_name": "VV", "agreements": [_agreement("Næring og tannhelse")]},
        },
    )
    follo = add_reports(db, [(FOLLO, "1.1", "2024-Q2", "on_track", 40), (FOLLO, "1.2", "2024-Q2", "delayed", 10)])
    ior = add_reports(
        db,
        [
            (IOR, "1.1", "2024-Q2", "on_track", 20, "Anbudet er ute", "Tildeling i **august**"),
            (IOR, "1.3", "2024-Q2", "completed", 100),
        ],
    )
    vestviken = add_reports(db, [(VESTVIKEN, "1.1", "2024-Q2", "on_track", 60)])
    with db.conn:
        for upload_id, at in (
            (follo, "2024-07-15T08:00:00+00:00"),
            (ior, "2024-07-30T22:30:00+00:00"),  # 00:30 on 31 July in Oslo: late
            (vestviken, "2024-07-01T10:00:00+00:00"),
        ):
            db.execute(
                "UPDATE uploads SET uploaded_at = ?, uploaded_by = 'Kari Nordmann (kari)' WHERE id = ?", (at, upload_id)
            )
        db.execute(
            "UPDATE regions SET contact_name = 'Per Post', contact_email = 'per@follo.no', "
            "contact_phone = '22 33 44 55' WHERE name = ?",
            (FOLLO,),
        )
    add_user(db, "kari", "Kari Nordmann", "administrator", email="kari@viken.no")
    add_user(db, "ola", "Ola Nordmann", "rapportør", email="ola@follo.no", regions=(FOLLO,))
    add_user(db, "siv", "Siv Samferdsel", "rapportør", email="siv@viken.no", council_areas=("Samferdsel",))
    approve(db, _region_id(db, VESTVIKEN), "2024-Q2", user=ADMIN)
    set_reading_open(db, True, user=ADMIN)
    with db.conn:
        db.execute("UPDATE approvals SET approved_at = '2024-08-02T09:00:00+00:00'")
        db.execute("UPDATE round_log SET done_at = '2024-08-02T09:00:00+00:00'")
    return db


def _region_id(db, name: str) -> int:
    return db.execute("SELECT id FROM regions WHERE name = ?", (name,)).fetchone()[0]


def _page(user: str, query: dict | None = None):
    return app({**QUARTER, **(query or {})}, page=PAGE, user=user)


def _pick_region(at, name: str):
    at.selectbox(key="round-region-2024-Q2").set_value(name).run()
    assert not at.exception, at.exception
    return at


def _events() -> list[tuple]:
    db = connect()
    try:
        return [(event.region, event.action, event.done_by, event.codes, event.reason) for event in round_events(db)]
    finally:
        db.close()


def test_the_board_shows_each_region_in_words_with_the_counts(round_register):
    at = _page("kari")
    assert [title.value for title in at.title] == ["Rapportering"]
    assert at.selectbox(key="round-quarter-Viken fylkeskommune-2024-Q2").value == "2. kv. 2024"
    assert at.header[0].value == "Rapporteringen for 2. kv. 2024"
    assert at.markdown[0].value == "Frist: 30.07.2024 (30 dager etter kvartalets slutt). Fristen er passert."
    assert metrics(at) == [
        ("○ Ikke levert", "1", ""),
        ("✓ Levert", "1", ""),
        ("◷ Levert for sent", "1", ""),
        ("☑ Godkjent", "1", ""),
    ]
    board = html_tables(at)["round-board"]
    assert board.caption == "Rapporteringen 2. kv. 2024"
    assert board.headers == BOARD_HEADERS
    assert board.rows == [
        [
            FOLLO,
            "✓ Levert",
            "15.07.2024",
            "2 av 2",
            "",
            "Per Post\nper@follo.no\n22 33 44 55",
            "Ola Nordmann\nola@follo.no",
            "Nr. 1, 15.07.2024 kl. 10:00, Kari Nordmann (kari)",
            "",
        ],
        [
            IOR,
            "◷ Levert for sent",
            "31.07.2024",
            "2 av 3 (1 mangler)",
            "",
            "",
            "",
            "Nr. 2, 31.07.2024 kl. 00:30, Kari Nordmann (kari)",
            "",
        ],
        [
            "Vestviken 360",
            "☑ Godkjent",
            "01.07.2024",
            "1 av 1",
            "Admin (admin) 02.08.2024",
            "",
            "",
            "Nr. 3, 01.07.2024 kl. 12:00, Kari Nordmann (kari)",
            "",
        ],
        [ORU, "⚠ Ikke levert – fristen er passert", "", "0 av 1", "", "", "", "", ""],
    ]
    assert board.links == [
        "opplastinger?quarter=2024-Q2&upload=1",
        "opplastinger?quarter=2024-Q2&upload=2",
        "opplastinger?quarter=2024-Q2&upload=3",
        None,
    ]
    assert html_tables(at)["round-log"].rows == [
        ["02.08.2024 kl. 11:00", "Vestviken 360", "godkjent", "Admin (admin)", "alle", ""]
    ]


def _ids(db, name: str) -> str:
    return f"{_region_id(db, name)}-2024-Q2"


def test_an_administrator_approves_a_region_which_locks_it_and_is_logged(round_register):
    at = _pick_region(_page("kari"), IOR)
    assert html_tables(at)["round-region"] == HtmlTable(
        "Tiltakene til Indre Østfold regionråd for 2. kv. 2024",
        [
            "Nr",
            "Tiltak",
            "Rådsområde",
            "Regionens status",
            "Fremdrift",
            "Regionens kommentar",
            "Neste steg",
            "Godkjent",
        ],
        [
            ["1.1", "Tiltak 1", "Samferdsel", "I rute", "20\xa0%", "Anbudet er ute", "Tildeling i **august**", ""],
            ["1.2", "Tiltak 2", "Samferdsel", "Ikke rapportert", "", "", "", ""],
            ["1.3", "Tiltak 3", "Næring og tannhelse", "Fullført", "100\xa0%", "", "", ""],
        ],
        [None, None, None],
    )
    assert at.caption[1].value == (
        "Godkjenning låser 2. kv. 2024 for Indre Østfold regionråd: opplastinger som endrer rapportene, blir "
        "avvist til en administrator åpner kvartalet igjen."
    )
    # In words above the button: approving locks the commitment without a report too.
    assert [message.value for message in at.warning] == [
        "1 tiltak mangler rapport (1.2). Godkjenner du, låses også det uten rapport."
    ]
    at.button(key=f"approve-{_ids(round_register, IOR)}").click().run()
    # Right below the button pressed, not at the top of the page.
    assert messages_after(at, f"approve-{_ids(round_register, IOR)}") == [
        (
            "success",
            "Rapporten fra Indre Østfold regionråd for 2. kv. 2024 er godkjent, og kvartalet er låst for regionen.",
        )
    ]
    assert [message.value for message in at.warning] == []
    assert metrics(at) == [
        ("○ Ikke levert", "1", ""),
        ("✓ Levert", "1", ""),
        ("◷ Levert for sent", "0", ""),
        ("☑ Godkjent", "2", ""),
    ]
    assert html_tables(at)["round-board"].rows[1][1] == "☑ Godkjent"
    assert at.button(key=f"approve-{_ids(round_register, IOR)}").disabled
    assert [row[7] for row in html_tables(at)["round-region"].rows] == [f"Kari Nordmann (kari) {_today()}"] * 3
    assert _events() == [
        (IOR, "approved", "Kari Nordmann (kari)", None, None),
        (VESTVIKEN, "approved", "Admin (admin)", None, None),
    ]


def test_a_region_that_has_delivered_nothing_cannot_be_approved(round_register):
    at = _pick_region(_page("kari"), ORU)
    assert [message.value for message in at.warning] == [
        "1 tiltak mangler rapport (1.1). Godkjenner du, låses også det uten rapport."
    ]
    at.button(key=f"approve-{_ids(round_register, ORU)}").click().run()
    assert messages_after(at, f"approve-{_ids(round_register, ORU)}") == [
        ("error", "Øvre Romerike har ikke levert noe for 2. kv. 2024; det er ingenting å godkjenne.")
    ]
    assert _events() == [(VESTVIKEN, "approved", "Admin (admin)", None, None)]


def approvals(at) -> list:
    return [button for button in at.main.button if button.key and button.key.startswith("approve-")]


def test_a_unit_owner_approves_only_the_commitments_their_unit_follows_up(round_register):
    at = _pick_region(_page("siv"), IOR)
    # The board's approval buttons (the county's assessment below has its own).
    assert [button.label for button in approvals(at)] == ["Godkjenn tiltakene Samferdsel følger opp (2)"]
    # Of Siv's, 1.2 has no report; 1.3 (not hers) is not hers to approve.
    assert [message.value for message in at.warning] == [
        "1 tiltak mangler rapport (1.2). Godkjenner du, låses også det uten rapport."
    ]
    approvals(at)[0].click().run()
    region = html_tables(at)["round-region"]
    assert [row[7] for row in region.rows] == [f"Siv Samferdsel (siv) {_today()}"] * 2 + [""]
    assert html_tables(at)["round-board"].rows[1][4] == f"Delvis: 2 av 3, sist av Siv Samferdsel (siv) {_today()}"
    # All of hers approved: said in words, below it what was approved, and no button left to press.
    assert approvals(at) == []
    assert [message.value for message in at.warning] == []
    assert [caption.value for caption in at.main.caption if caption.value.startswith("Alt du")] == [
        "Alt du kan godkjenne er godkjent (Samferdsel)."
    ]
    assert [(message.type, message.value) for message in at.main.success] == [
        ("success", "Tiltak 1.1, 1.2 fra Indre Østfold regionråd for 2. kv. 2024 er godkjent og låst.")
    ]
    assert _events()[0] == (IOR, "approved", "Siv Samferdsel (siv)", "1.1, 1.2", None)


def test_reopening_needs_a_reason_and_is_logged_with_it(round_register):
    at = _pick_region(_page("kari"), VESTVIKEN)
    key = _ids(round_register, VESTVIKEN)
    at.button(key=f"reopen-{key}").click().run()
    assert messages_after(at, f"reopen-{key}") == [
        ("error", "Skriv hvorfor 2. kv. 2024 for Vestviken 360 skal åpnes igjen; begrunnelsen lagres i loggen.")
    ]
    assert len(_events()) == 1
    at.text_area(key=f"reopen-reason-{key}").set_value("Tallene for 1.1 var feil").run()
    at.button(key=f"reopen-{key}").click().run()
    # Reopened, the region has no reopen button: the message is where the approve button is again.
    assert messages_after(at, f"approve-{key}") == [
        ("success", "2\\. kv. 2024 for Vestviken 360 er åpnet igjen; 1 rapport er ikke lenger låst.")
    ]
    assert html_tables(at)["round-board"].rows[2][1] == "✓ Levert"
    assert html_tables(at)["round-log"].rows[0][1:] == [
        VESTVIKEN,
        "åpnet igjen",
        "Kari Nordmann (kari)",
        "",
        "Tallene for 1.1 var feil",
    ]
    assert _events()[0] == (VESTVIKEN, "reopened", "Kari Nordmann (kari)", None, "Tallene for 1.1 var feil")


def test_a_reporter_sees_only_their_regions_and_no_administrator_actions_in_english(round_register):
    at = _page("ola", {"lang": "en"})
    assert at.markdown[0].value == "Deadline: 2024-07-30 (30 days after the quarter ends). The deadline has passed."
    assert metrics(at) == [
        ("○ Not delivered", "0", ""),
        ("✓ Delivered", "1", ""),
        ("◷ Delivered late", "0", ""),
        ("☑ Approved", "0", ""),
    ]
    assert html_tables(at)["round-board"] == HtmlTable(
        "Reporting round Q2 2024",
        [
            "Region",
            "Status",
            "Delivered",
            "Commitments reported",
            "Approved",
            "Contact",
            "Reporters",
            "Last upload",
            "Last reminder",
        ],
        [
            [
                FOLLO,
                "✓ Delivered",
                "2024-07-15",
                "2 of 2",
                "",
                "Per Post\nper@follo.no\n22 33 44 55",
                "Ola Nordmann\nola@follo.no",
                "No. 1, 2024-07-15 10:00, Kari Nordmann (kari)",
                "",
            ]
        ],
        ["opplastinger?quarter=2024-Q2&lang=en&upload=1"],
    )
    # Follo is the only region, so it is open below; Ola may neither approve, reopen nor move deadlines.
    assert html_tables(at)["round-region"].caption == "The commitments of Follorådet for Q2 2024"
    assert [button.label for button in at.main.button] == []
    assert [expander.label for expander in at.expander] == []
    assert at.main.caption[-1].value == "Nobody has approved or reopened anything for Q2 2024 yet."


def test_a_reporter_without_a_region_in_the_round_is_told_so(round_register):
    build_register(round_register, {"Tom region": {}})
    add_user(round_register, "tor", "Tor Tom", "rapportør", regions=("Tom region",))
    at = _page("tor")
    assert [message.value for message in at.main.info] == [
        "Du rapporterer ikke for noen av regionene med avtale i 2. kv. 2024. En administrator kan gi deg tilgang "
        "til regionen din."
    ]
    assert "round-board" not in html_tables(at)


def test_an_administrator_moves_the_deadline_and_sets_the_county_rule(round_register):
    at = _page("kari")
    at.date_input(key="deadline-day-1-2024-Q2").set_value(dt.date(2024, 8, 15)).run()
    at.button(key="deadline-move-1-2024-Q2").click().run()
    assert [message.value for message in at.success] == ["Fristen for 2. kv. 2024 er nå 15.08.2024."]
    assert at.markdown[0].value == (
        f"Frist: 15.08.2024, flyttet av Kari Nordmann (kari) {_today()}. Fristen er passert."
    )
    # IØR delivered on 31 July: now in time.
    assert html_tables(at)["round-board"].rows[1][1] == "✓ Levert"
    at.button(key="deadline-back-1-2024-Q2").click().run()
    assert at.markdown[0].value == "Frist: 30.07.2024 (30 dager etter kvartalets slutt). Fristen er passert."
    at.number_input(key="rule-days").set_value(45)
    at.button(key="FormSubmitter:round-rule-1-Lagre regelen").click().run()
    assert [message.value for message in at.success] == [
        "Regelen er lagret: fristen er 45 dager etter kvartalets slutt."
    ]
    assert at.markdown[0].value == "Frist: 14.08.2024 (45 dager etter kvartalets slutt). Fristen er passert."
    assert html_tables(at)["round-board"].rows[1][1] == "✓ Levert"


def test_moving_the_deadline_to_the_day_it_is_records_no_move(round_register):
    at = _page("kari")
    at.button(key="deadline-move-1-2024-Q2").click().run()
    assert messages_after(at, "deadline-back-1-2024-Q2") == [
        ("info", "Fristen for 2. kv. 2024 er allerede 30.07.2024; ingenting er endret.")
    ]
    assert at.markdown[0].value == "Frist: 30.07.2024 (30 dager etter kvartalets slutt). Fristen er passert."
    assert at.button(key="deadline-back-1-2024-Q2").disabled
    assert deadline(round_register, 1, "2024-Q2") == Deadline(dt.date(2024, 7, 30))


def _today() -> str:
    return f"{oslo_today():%d.%m.%Y}"


def test_a_quarter_before_the_county_had_agreements_names_the_county_whose_they_were(db):
    build_counties(db)
    add_user(db, "kari", "Kari Nordmann", "administrator")
    at = app({"fylke": "ostfold", "quarter": "2023-Q4"}, page=PAGE, user="kari")
    assert at.selectbox(key="round-quarter-Østfold fylkeskommune-2023-Q4").options[-2:] == [
        "1. kv. 2024",
        "4. kv. 2023",
    ]
    assert [message.value for message in at.main.info] == [
        "Fylkeskommunen hadde ingen avtaler i 4. kv. 2023; regionenes avtaler det kvartalet hørte til Viken "
        "fylkeskommune."
    ]
    assert metrics(at) == []
    assert "round-board" not in html_tables(at)


def test_stored_names_are_shown_as_typed(round_register):
    with round_register.conn:
        round_register.execute("UPDATE regions SET name = ? WHERE name = ?", (HOSTILE["region"], FOLLO))
        round_register.execute("UPDATE users SET name = ? WHERE username = 'kari'", (HOSTILE["user"],))
    at = _pick_region(_page("kari"), HOSTILE["region"])
    at.button(key=f"approve-{_ids(round_register, HOSTILE['region'])}").click().run()
    texts = _markdown_texts(at)
    assert _raw(texts) == []
    assert f"Rapporten fra {SHOWN['region']} for 2. kv. 2024 er godkjent, og kvartalet er låst for regionen." in texts
    assert html_tables(at)["round-log"].rows[0][1:4] == [HOSTILE["region"], "godkjent", f"{HOSTILE['user']} (kari)"]


def test_the_board_downloads_for_the_county_and_quarter_shown(round_register, downloads):
    at = _page("kari")
    made = download(at, downloads, "round-board-csv")
    assert (made.file_name, made.mime) == ("rapportering-2024-Q2.csv", "text/csv")
    assert (
        made.data.decode("utf-8-sig").splitlines()[-1]
        == "Øvre Romerike;⚠ Ikke levert – fristen er passert;;0 av 1;;;;;"
    )
    made = download(at, downloads, "round-board-xlsx")
    assert made.file_name == "rapportering-2024-Q2.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(made.data)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(max_row=5)]
    assert rows[0][0] == "Rapporteringen 2. kv. 2024"
    assert rows[1][0].startswith("Viken fylkeskommune (2020–2023) · laget ")
    assert rows[3:5] == [
        BOARD_HEADERS,
        [
            FOLLO,
            "✓ Levert",
            "15.07.2024",
            "2 av 2",
            "",
            "Per Post\nper@follo.no\n22 33 44 55",
            "Ola Nordmann\nola@follo.no",
            "Nr. 1, 15.07.2024 kl. 10:00, Kari Nordmann (kari)",
            "",
        ],
    ]


def test_choosing_a_quarter_keeps_the_county_the_link_named(round_register):
    # Viken is the only county, so the default one: a link that names it still keeps naming it.
    at = _page("kari", {"fylke": "viken"})
    at.selectbox(key="round-quarter-Viken fylkeskommune-2024-Q2").set_value("1. kv. 2024").run()
    assert not at.exception, at.exception
    assert at.header[0].value == "Rapporteringen for 1. kv. 2024"
    assert dict(at.query_params) == {"fylke": "viken", "quarter": "2024-Q2"}
