"""Last opp's form in the browser through the page: fill in, check, save, the links, errors and a locked quarter."""

import pytest

from core.db import connect
from core.register import find_region
from core.rounds import approve, oslo_day
from core.users import get_user
from tests.builders import FOLLO, add_reports, html_tables, metrics, reports, save_button, upload_page

pytestmark = pytest.mark.usefixtures("fresh_caches")

BROWSER = "Fyll ut i nettleseren"


def messages(at) -> dict[str, list[str]]:
    return {
        kind: [element.value for element in getattr(at.main, kind)]
        for kind in ("error", "warning", "info", "success")
        if getattr(at.main, kind)
    }


def form_page(user: str = "ola", quarter: str | None = None, *, query: dict | None = None):
    at = upload_page(query, user=user)
    at.radio(key="upload_mode").set_value(BROWSER if query is None else "Fill in in the browser").run()
    if quarter is not None:
        at.selectbox(key="template_quarter").set_value(quarter).run()
    assert not at.exception, at.exception
    return at


def editor(at):
    """The form's data editor (AppTest reads it as a dataframe)."""
    [found] = at.get("dataframe")
    return found


def form_rows(at) -> dict[int, dict]:
    """The form's rows by their number."""
    return editor(at).value.to_dict("index")


def edit(at, rows: dict[int, dict]):
    at.session_state[editor(at).key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, at.exception
    return at


def press(at, label: str):
    [button] = [button for button in at.main.button if button.label == label]
    button.click().run()
    assert not at.exception, at.exception
    return at


def test_the_form_starts_from_the_latest_report_for_the_quarter_due(register):
    at = form_page()
    assert [header.value for header in at.main.header] == ["1. Fyll ut kvartalet", "2. Se over og lagre"]
    assert (at.selectbox(key="template_region").value, at.selectbox(key="template_quarter").value) == (
        FOLLO,
        "2024-Q3",
    )
    assert form_rows(at) == {
        1: {
            "code": "1.1",
            "text": "Trafikksikkerhet ved skoler",
            "status": "delayed",
            "progress": "35",
            "comment": "",
            "next_step": "",
            "owner": "",
        },
        2: {
            "code": "1.2",
            "text": "Innfartsparkering",
            "status": "completed",
            "progress": "100",
            "comment": "",
            "next_step": "",
            "owner": "",
        },
        3: {
            "code": "2.1",
            "text": "Flere lærlingplasser",
            "status": "on_track",
            "progress": "10",
            "comment": "",
            "next_step": "",
            "owner": "",
        },
    }
    # Nothing is checked before «Kontroller».
    assert messages(at)["info"] == ["Trykk «Kontroller» for å se hva som endres før du lagrer."]
    assert metrics(at) == []


def test_fill_in_check_and_save_with_links_to_the_upload_and_the_overview(register):
    at = edit(form_page(), {0: {"status": "on_track", "progress": "45", "comment": "Skilt satt opp", "owner": "Per"}})
    press(at, "Kontroller")
    assert metrics(at) == [
        ("Uten tidligere rapport", "0", ""),
        ("Endret fra forrige rapport", "1", ""),
        ("Som forrige rapport", "1", ""),
        ("Ikke oppdatert", "1", ""),
        ("Nylig forsinket", "0", ""),
        ("Fremdrift tilbake", "0", ""),
    ]
    assert reports("2024-Q3") == []

    save_button(at).click().run()
    assert not at.exception, at.exception
    assert messages(at)["success"] == [
        "Lagret som opplasting 2: 2 lagt til, 0 endret, 0 uendret. 1 rad er ikke oppdatert og ble ikke lagret: den "
        "gjentar bare forrige rapport."
    ]
    assert [(link.label, link.proto.page, link.proto.query_string) for link in at.get("page_link")] == [
        ("Se opplasting 2 i Opplastinger", "opplastinger", "upload=2"),
        ("Se Oversikt for 3. kv. 2024", "", "quarter=2024-Q3"),
    ]
    assert reports("2024-Q3") == [
        ("Follo", "1.1", "on_track", 45, "Skilt satt opp"),
        ("Follo", "1.2", "completed", 100, None),
    ]
    # The form starts again, from what was saved.
    rows = form_rows(at)
    assert [(row["code"], row["status"], row["progress"], row["comment"], row["owner"]) for row in rows.values()] == [
        ("1.1", "on_track", "45", "Skilt satt opp", "Per"),
        ("1.2", "completed", "100", "", ""),
        ("2.1", "on_track", "10", "", ""),
    ]
    assert messages(at)["info"] == ["Trykk «Kontroller» for å se hva som endres før du lagrer."]


def test_an_edit_after_the_check_asks_for_a_new_check(register):
    at = press(edit(form_page(), {0: {"progress": "50"}}), "Kontroller")
    assert [button.label for button in at.main.button] == ["Kontroller", "Lagre"]
    edit(at, {0: {"progress": "55"}})
    assert [button.label for button in at.main.button] == ["Kontroller"]
    assert messages(at)["info"] == ["Trykk «Kontroller» for å se hva som endres før du lagrer."]


def test_a_blank_status_and_a_progress_over_100_are_the_workbooks_errors_on_the_forms_rows(register):
    at = press(edit(form_page(), {0: {"progress": "120"}, 2: {"status": None}}), "Kontroller")
    assert messages(at)["error"] == [
        "Skjemaet kan ikke lagres: 2 feil. Ingenting er endret. Rett feilene i tabellen over og trykk «Kontroller» "
        "igjen."
    ]
    assert html_tables(at)["upload-errors"].rows == [
        [
            "Skjemaet",
            "1",
            "1.1",
            "",
            "Fremdrift (%)",
            "120",
            "fremdrift må være et helt tall fra 0 til 100, for eksempel 45 (uten %-tegn).",
        ],
        [
            "Skjemaet",
            "3",
            "2.1",
            "",
            "Status",
            "",
            "status mangler. Velg en av: Ikke startet, I rute, Forsinket, Fullført, Utgår.",
        ],
    ]
    assert [button.label for button in at.main.button] == ["Kontroller"]
    assert reports("2024-Q3") == []


def test_an_approved_quarter_is_shown_read_only_with_who_approved_it(register):
    with connect() as db:
        approve(db, find_region(db, FOLLO).id, "2024-Q2", user=get_user(db, "kari"))
        (approved_at,) = db.execute("SELECT DISTINCT approved_at FROM approvals").fetchone()
    at = form_page(quarter="2024-Q2")
    assert at.get("dataframe") == []
    [locked] = messages(at)["info"]
    assert locked.startswith(
        "2\\. kv. 2024 for Follorådet er godkjent og låst: tiltak 1.1, 1.2, 2.1 ble godkjent av Kari Nordmann (kari) "
        f"{oslo_day(approved_at).strftime('%d.%m.%Y')} kl. "
    )
    assert locked.endswith(
        ". Rapportene kan ikke endres her før en administrator åpner kvartalet igjen på siden Rapportering."
    )
    assert html_tables(at)["entry-locked"].rows == [
        ["1.1", "Trafikksikkerhet ved skoler", "Forsinket", "35", "Venter på vegvesenet", "Nytt møte", ""],
        ["1.2", "Innfartsparkering", "Fullført", "100", "Åpnet i mai", "", ""],
        ["2.1", "Flere lærlingplasser", "I rute", "10", "", "", ""],
    ]
    assert [button.label for button in at.main.button] == []


def test_the_form_in_english_saves_the_status_chosen_and_names_the_form_in_its_errors(register):
    at = form_page(query={"lang": "en"})
    assert [header.value for header in at.main.header] == ["1. Fill in the quarter", "2. Review and save"]
    press(edit(at, {0: {"status": "completed", "progress": "100"}, 1: {"progress": "120"}}), "Check")
    assert messages(at)["error"] == [
        "The form cannot be saved: 1 error. Nothing was changed. Fix the error in the table above and press "
        "“Check” again."
    ]
    assert html_tables(at)["upload-errors"].rows == [
        [
            "The form",
            "2",
            "1.2",
            "",
            "Progress (%)",
            "120",
            "progress must be a whole number from 0 to 100, for example 45 (without a % sign).",
        ]
    ]
    press(edit(at, {0: {"status": "completed", "progress": "100"}, 1: {"progress": "100"}}), "Check")
    press(at, "Save")
    assert messages(at)["success"] == [
        "Saved as upload 2: 2 new, 0 changed, 0 unchanged. 1 row is not updated and was not saved: it only repeats "
        "the previous report."
    ]
    assert reports("2024-Q3") == [("Follo", "1.1", "completed", 100, None), ("Follo", "1.2", "completed", 100, None)]


def test_a_commitment_approved_without_a_report_shows_as_not_reported_not_with_the_earlier_values(register):
    add_reports(register, [(FOLLO, "1.1", "2024-Q3", "on_track", 50, "Godt i gang")])
    with connect() as db:
        approve(db, find_region(db, FOLLO).id, "2024-Q3", user=get_user(db, "kari"))
    at = form_page(quarter="2024-Q3")
    assert html_tables(at)["entry-locked"].rows == [
        ["1.1", "Trafikksikkerhet ved skoler", "I rute", "50", "Godt i gang", "", ""],
        ["1.2", "Innfartsparkering", "Ikke rapportert", "", "", "", ""],
        ["2.1", "Flere lærlingplasser", "Ikke rapportert", "", "", "", ""],
    ]
