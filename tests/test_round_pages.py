"""The quarterly round through the pages: template, upload with review, save, log, rollback, and the
bytes of the downloads."""

import contextlib
import csv
import io
import zipfile

import openpyxl
import pypdfium2
import pytest
from streamlit.testing.v1 import AppTest

from core.db import connect, write_transaction
from core.users import add_user
from tests.builders import (
    CHROMIUM,
    FOLLO,
    GOOD_FILE,
    IOR,
    PAGE_SCRIPTS,
    XLSX,
    HtmlTable,
    add_reports,
    app,
    commitment_id,
    download,
    html_tables,
    in_ci,
    made_pdf,
    metrics,
    open_figures,
    reports,
    save_button,
    upload,
    upload_page,
    workbook_bytes,
)

pytestmark = pytest.mark.usefixtures("fresh_caches")


# --- template -------------------------------------------------------------------------------


def test_template_for_the_region_and_the_quarter_due(register, downloads):
    at = upload_page({"region": FOLLO})
    assert at.selectbox(key="template_region").value == FOLLO
    assert at.selectbox(key="template_quarter").value == "2024-Q3"
    template = download(at, downloads, "template-download")
    assert (template.file_name, template.mime) == ("status-follo-2024-Q3.xlsx", XLSX)
    sheet = openpyxl.load_workbook(io.BytesIO(template.data))["Status"]
    rows = [list(row[:7]) for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert rows == [
        ["Region", "Nr", "Tiltak", "Innsatsområde", "Kvartal", "Status", "Fremdrift (%)"],
        [FOLLO, "1.1", "Trafikksikkerhet ved skoler", "Mobilitet", "3. kv. 2024", "Forsinket", 35],
        [FOLLO, "1.2", "Innfartsparkering", "Mobilitet", "3. kv. 2024", "Fullført", 100],
        [FOLLO, "2.1", "Flere lærlingplasser", "Kompetanse", "3. kv. 2024", "I rute", 10],
    ]


def test_a_reporter_is_offered_only_the_regions_they_hold_with_theirs_chosen(register, downloads):
    at = upload_page(user="ola")
    picker = at.selectbox(key="template_region")
    assert (picker.options, picker.value) == ([FOLLO], FOLLO)
    assert download(at, downloads, "template-download").file_name == "status-follo-2024-Q3.xlsx"


def test_a_council_area_reporter_gets_a_template_of_their_own_commitments_that_loads(register, downloads):
    add_user(register, "nina", "Nina Næring", "rapportør", council_areas=("Næring og tannhelse",))
    at = upload_page(user="nina")
    picker = at.selectbox(key="template_region")
    assert (picker.options, picker.value) == ([IOR], IOR)
    template = download(at, downloads, "template-download")
    book = openpyxl.load_workbook(io.BytesIO(template.data))
    sheet = book["Status"]
    # IØR's 1.2 is followed up by Samferdsel: a row for it would get the whole file refused.
    assert [row[:2] for row in sheet.iter_rows(min_row=5, values_only=True)] == [(IOR, "1.1")]
    sheet["G5"] = 60
    buffer = io.BytesIO()
    book.save(buffer)
    at = upload(at, template.file_name, buffer.getvalue())
    save_button(at).click().run()
    assert reports("2024-Q3") == [("IØR", "1.1", "on_track", 60, None)]


def test_an_administrator_is_offered_every_region_and_none_chosen_without_a_filter(register):
    picker = upload_page().selectbox(key="template_region")
    assert (picker.options, picker.value) == ([FOLLO, IOR], None)


def test_a_filled_in_template_loads_through_the_page(register, downloads):
    at = upload_page({"region": IOR})
    template = download(at, downloads, "template-download")
    book = openpyxl.load_workbook(io.BytesIO(template.data))
    sheet = book["Status"]
    sheet["F5"], sheet["G5"] = "Fullført", 100
    buffer = io.BytesIO()
    book.save(buffer)
    at = upload(at, template.file_name, buffer.getvalue())
    assert not at.exception
    # Against the latest earlier reports the template was filled with: 1.1 changed, 1.2 left as it was
    # pre-filled, so not updated and not saved.
    assert metrics(at) == [
        ("Uten tidligere rapport", "0", ""),
        ("Endret fra forrige rapport", "1", ""),
        ("Som forrige rapport", "0", ""),
        ("Ikke oppdatert", "1", ""),
        ("Nylig forsinket", "0", ""),
        ("Fremdrift tilbake", "0", ""),
    ]
    save_button(at).click().run()
    assert reports("2024-Q3") == [("IØR", "1.1", "completed", 100, None)]


# --- review and save --------------------------------------------------------------------------


def test_review_shows_what_would_change_and_saves_nothing(register):
    at = upload(upload_page(), "status-follo.xlsx", GOOD_FILE)
    assert not at.exception
    assert metrics(at) == [
        ("Uten tidligere rapport", "0", ""),
        ("Endret fra forrige rapport", "2", ""),
        ("Som forrige rapport", "0", ""),
        ("Ikke oppdatert", "0", ""),
        ("Nylig forsinket", "1", ""),
        ("Fremdrift tilbake", "2", ""),
    ]
    assert [info.value for info in at.main.info] == [
        "Filen er kontrollert og ikke lagret ennå. Se over endringene og trykk «Lagre»."
    ]
    assert [warning.value for warning in at.warning] == [
        "1 av regionens tiltak mangler i filen. Det beholder det som er lagret."
    ]
    assert at.dataframe == []
    assert html_tables(at)["upload-missing"].rows == [["1.2", "Innfartsparkering", FOLLO, "3. kv. 2024"]]
    assert html_tables(at)["upload-changes"] == HtmlTable(
        "Endringer i statusfilen",
        ["Nr", "Endring", "Hva er endret", "Tiltak", "Region", "Kvartal", "Sammenlignet med", "Rad"],
        [
            [
                "1.1",
                "Endret\n↓ Fremdrift går tilbake",
                "Fremdrift: 35\u00a0% → 30\u00a0%\n"
                "Kommentar: «Venter på vegvesenet» → «Venter fortsatt»\nAnsvarlig: – → «Kari»",
                "Trafikksikkerhet ved skoler",
                FOLLO,
                "3. kv. 2024",
                "2. kv. 2024",
                "2",
            ],
            [
                "2.1",
                "Endret\n⚠ Nylig forsinket\n↓ Fremdrift går tilbake",
                "Status: I rute → Forsinket\nFremdrift: 10\u00a0% → 5\u00a0%\nKommentar: – → «Få søkere»",
                "Flere lærlingplasser",
                FOLLO,
                "3. kv. 2024",
                "2. kv. 2024",
                "3",
            ],
        ],
        [None, None],
    )
    assert reports("2024-Q3") == []


def test_save_writes_the_file_and_the_overview_offers_its_quarter_as_provisional(register):
    at = upload(upload_page(), "status-follo.xlsx", GOOD_FILE)
    save_button(at).click().run()
    assert not at.exception
    [success] = at.success
    assert success.value.startswith("Lagret som opplasting ") and success.value.endswith(
        ": 2 lagt til, 0 endret, 0 uendret."
    )
    assert reports("2024-Q3") == [
        ("Follo", "1.1", "delayed", 30, "Venter fortsatt"),
        ("Follo", "2.1", "delayed", 5, "Få søkere"),
    ]
    # The uploader is emptied, so the review of the saved file is gone.
    assert not at.file_uploader[0].value
    # Follo alone has reported 2024-Q3: the overview stays on the complete quarter and offers
    # the new one, marked provisional, and says who has reported.
    at.switch_page("views/oversikt.py").run()
    assert at.caption[0].value == "Utvalg: hele fylket · 2. kv. 2024"
    quarter = at.selectbox(key="quarter")
    assert quarter.placeholder == "Siste komplette (2. kv. 2024)"
    assert quarter.options == ["3. kv. 2024 (foreløpig)", "2. kv. 2024", "1. kv. 2024"]
    quarter.select_index(0).run()
    assert at.caption[0].value == "Utvalg: hele fylket · 3. kv. 2024 (foreløpig)"
    assert at.warning[0].value == (
        "1 av 2 regioner har rapportert for 3. kv. 2024 (2 av 5 tiltak). "
        "Foreløpige tall: ikke alle regioner har rapportert for kvartalet ennå."
    )


def page_links(at: AppTest) -> list[tuple[str, str, str]]:
    """(label, page's URL path, query) of each page link on the page."""
    return [(link.proto.label, link.proto.page, link.proto.query_string) for link in at.get("page_link")]


def test_the_saved_message_links_to_the_upload_and_to_the_overview_of_its_quarter(register):
    at = upload(upload_page({"status": "delayed"}), "status-follo.xlsx", GOOD_FILE)
    save_button(at).click().run()
    number = int(at.success[0].value.split()[3].rstrip(":"))
    # The filters are kept in canonical form, the quarter is the one just reported.
    assert page_links(at) == [
        (f"Se opplasting {number} i Opplastinger", "opplastinger", f"status=delayed&upload={number}"),
        ("Se Oversikt for 3. kv. 2024", "", "status=delayed&quarter=2024-Q3"),
    ]
    at.query_params.update({"status": "delayed", "upload": str(number)})
    at.switch_page("views/opplastinger.py").run()
    assert not at.exception
    assert at.selectbox(key="upload-choice").value == number
    assert page_links(at) == []
    del at.query_params["upload"]
    at.query_params["quarter"] = "2024-Q3"
    at.switch_page("views/oversikt.py").run()
    assert at.caption[0].value == "Utvalg: Forsinket · 3. kv. 2024 (foreløpig)"


def test_the_saved_links_read_in_english_and_keep_the_language(register):
    at = upload(upload_page({"lang": "en"}), "status-follo.xlsx", GOOD_FILE)
    [save] = [button for button in at.button if button.label == "Save"]
    save.click().run()
    number = int(at.success[0].value.split()[3].rstrip(":"))
    assert page_links(at) == [
        (f"See upload {number} in Uploads", "opplastinger", f"lang=en&upload={number}"),
        ("See the Overview for Q3 2024", "", "lang=en&quarter=2024-Q3"),
    ]
    # Shown once, with the message: the next run has neither.
    at.run()
    assert at.success == []
    assert page_links(at) == []


def test_a_commitment_reported_twice_names_its_number_in_the_nr_column(register, downloads):
    twice = workbook_bytes([[FOLLO, "1.1", "2024-Q3", "I rute", 30], [FOLLO, "1.1", "2024-Q3", "Forsinket", 20]])
    at = upload(upload_page(), "dobbel.xlsx", twice)
    row = ["Status", "3", "1.1", "B", "Nr", "1.1", "tiltaket er rapportert to ganger for 3. kv. 2024 (også rad 2)."]
    assert html_tables(at)["upload-errors"].rows == [row]
    exported = openpyxl.load_workbook(io.BytesIO(download(at, downloads, "upload-errors-xlsx").data)).active
    assert [cell.value for cell in exported[5]] == ["Status", 3, *row[2:]]
    assert reports("2024-Q3") == []


def test_a_long_error_list_is_paged_and_the_download_holds_every_one(register, downloads):
    rows = [[FOLLO, "1.1", "2024-Q3", f"Kanskje {number}", 30] for number in range(60)]
    at = upload(upload_page(), "mange-feil.xlsx", workbook_bytes(rows))
    assert at.error[0].value.startswith("Filen kan ikke lagres: 60 feil.")
    shown = html_tables(at)["upload-errors"].rows
    assert [row[1] for row in shown] == [str(number) for number in range(2, 52)]
    assert shown[-1][5] == "Kanskje 49"
    assert "Rad 1–50 av 60. Hele listen er i Excel- og CSV-filen under." in [c.value for c in at.caption]
    at.button(key="upload-errors-next").click().run()
    assert [row[5] for row in html_tables(at)["upload-errors"].rows] == [
        f"Kanskje {number}" for number in range(50, 60)
    ]
    exported = openpyxl.load_workbook(io.BytesIO(download(at, downloads, "upload-errors-xlsx").data)).active
    assert [row[1] for row in exported.iter_rows(min_row=5, values_only=True)] == list(range(2, 62))


def test_stored_text_in_an_error_is_shown_as_text(register):
    rows = [[FOLLO, "1.1", "2024-Q3", "<b>I rute</b> **nå**", 30]]
    at = upload(upload_page(), "feil.xlsx", workbook_bytes(rows))
    [row] = html_tables(at)["upload-errors"].rows
    assert row[5] == "<b>I rute</b> **nå**"
    body = next(element.proto.body for element in at.get("html") if 'id="table-upload-errors"' in element.proto.body)
    assert "&lt;b&gt;I rute&lt;/b&gt; **nå**" in body and "<b>" not in body


def test_a_save_refused_after_the_check_is_shown_under_step_3_and_writes_nothing(register):
    at = upload(upload_page(), "status-follo.xlsx", GOOD_FILE)
    # Another session renumbers 2.1 between the check and the save.
    with contextlib.closing(connect()) as db, write_transaction(db):
        db.execute("UPDATE commitments SET code = '2.9' WHERE id = ?", (commitment_id(FOLLO, "2.1"),))
    save_button(at).click().run()
    assert not at.exception
    assert at.success == []
    assert [header.value for header in at.main.header][-1] == "3. Se over og lagre"
    assert [error.value for error in at.error] == [
        "Filen kan ikke lagres: 1 feil. Ingenting er endret. Rett feilen i tabellen og last opp filen på nytt."
    ]
    assert html_tables(at)["upload-errors"].rows == [
        ["Status", "3", "", "B", "Nr", "2.1", "Follorådet har ikke noe tiltak med dette nummeret."]
    ]
    assert reports("2024-Q3") == []


def test_the_same_file_again_changes_nothing(register):
    at = upload(upload_page(), "status-follo.xlsx", GOOD_FILE)
    save_button(at).click().run()
    first = int(at.success[0].value.split()[3].rstrip(":"))
    at = upload(at, "status-follo.xlsx", GOOD_FILE)
    assert metrics(at)[:3] == [
        ("Uten tidligere rapport", "0", ""),
        ("Endret fra forrige rapport", "0", ""),
        ("Som forrige rapport", "2", ""),
    ]
    assert [info.value for info in at.main.info] == [
        "Ingenting å lagre: alt i filen er likt det som allerede er lagret. "
        f"Den samme filen er lastet opp før (opplasting {first})."
    ]
    assert [button.label for button in at.button if button.label == "Lagre"] == []


def test_a_changed_report_shows_before_and_after(register):
    changed = workbook_bytes([[FOLLO, "1.1", "2024-Q2", "Forsinket", 35, "Venter på vegvesenet", "Nytt møte", "Ola"]])
    at = upload(upload_page(), "rettelse.xlsx", changed)
    assert metrics(at)[:3] == [
        ("Uten tidligere rapport", "0", ""),
        ("Endret fra forrige rapport", "1", ""),
        ("Som forrige rapport", "0", ""),
    ]
    changes = html_tables(at)["upload-changes"]
    assert [row[:3] for row in changes.rows] == [["1.1", "Endret", "Ansvarlig: – → «Ola»"]]
    assert changes.rows[0][6] == "2. kv. 2024"  # compared with the report it replaces


# 3. kv. for the first time: 1.1 repeats 2. kv. word for word, 2.1 moves on; 1.2 sends 2. kv. again as saved.
ROUND_FILE = workbook_bytes(
    [
        [FOLLO, "1.1", "2024-Q3", "Forsinket", 35, "Venter på vegvesenet", "Nytt møte", None],
        [FOLLO, "2.1", "2024-Q3", "I rute", 20, None, None, None],
        [FOLLO, "1.2", "2024-Q2", "Fullført", 100, "Åpnet i mai", None, None],
    ]
)
NOT_UPDATED_WARNING = (
    "1 rad er ikke oppdatert: den gjentar bare forrige rapport, slik malen var fylt ut. "
    "Den lagres ikke som ny rapport. Er statusen faktisk uendret, kryss av under."
)


MISSING_WARNING = "3 av regionens tiltak mangler i filen. De beholder det som er lagret."
QUARTERS_WARNING = (
    "Filen har rapporter for flere kvartaler: 3. kv. 2024 (2 rader) og 2. kv. 2024 (rad 4). Sjekk kolonnen "
    "Kvartal: malen er laget for ett kvartal per fil."
)


def test_a_row_that_repeats_the_previous_report_is_flagged_not_updated_and_the_switch_shows_unchanged_rows(
    register,
):
    at = upload(upload_page(), "status-follo.xlsx", ROUND_FILE)
    assert metrics(at)[:4] == [
        ("Uten tidligere rapport", "0", ""),
        ("Endret fra forrige rapport", "1", ""),
        ("Som forrige rapport", "1", ""),
        ("Ikke oppdatert", "1", ""),
    ]
    assert at.warning[0].value == NOT_UPDATED_WARNING
    assert at.checkbox(key="upload-keep-not-updated").value is False
    assert [h.value for h in at.subheader] == ["Endringer i filen (2)"]
    changes = html_tables(at)["upload-changes"]
    assert [row[:3] for row in changes.rows] == [
        ["1.1", "Ikke oppdatert", ""],
        ["2.1", "Endret", "Fremdrift: 10\u00a0% → 20\u00a0%"],
    ]
    at.toggle(key="upload-show-unchanged").set_value(True).run()
    assert [row[:3] for row in html_tables(at)["upload-changes"].rows] == [
        ["1.1", "Ikke oppdatert", ""],
        ["2.1", "Endret", "Fremdrift: 10\u00a0% → 20\u00a0%"],
        ["1.2", "Uendret", ""],
    ]
    at.toggle(key="upload-show-unchanged").set_value(False).run()
    assert [row[0] for row in html_tables(at)["upload-changes"].rows] == ["1.1", "2.1"]
    # Saved without the box ticked: the row that only repeats 2. kv. is left out.
    save_button(at).click().run()
    assert at.success[0].value.endswith(
        ": 1 lagt til, 0 endret, 1 uendret. "
        "1 rad er ikke oppdatert og ble ikke lagret: den gjentar bare forrige rapport."
    )
    assert reports("2024-Q3") == [("Follo", "2.1", "on_track", 20, None)]


def test_rows_not_updated_are_saved_when_the_person_confirms_them(register):
    at = upload(upload_page(), "status-follo.xlsx", ROUND_FILE)
    at.checkbox(key="upload-keep-not-updated").check().run()
    assert [warning.value for warning in at.warning] == [
        "1 rad gjentar bare forrige rapport, slik malen var fylt ut. Du har krysset av for at statusen "
        "er uendret, så den lagres som ny rapport for kvartalet når du trykker «Lagre».",
        QUARTERS_WARNING,
        MISSING_WARNING,
    ]
    at.checkbox(key="upload-keep-not-updated").uncheck().run()
    assert [warning.value for warning in at.warning] == [NOT_UPDATED_WARNING, QUARTERS_WARNING, MISSING_WARNING]
    at.checkbox(key="upload-keep-not-updated").check().run()
    save_button(at).click().run()
    assert at.success[0].value.endswith(": 2 lagt til, 0 endret, 1 uendret.")
    assert reports("2024-Q3") == [
        ("Follo", "1.1", "delayed", 35, "Venter på vegvesenet"),
        ("Follo", "2.1", "on_track", 20, None),
    ]


def test_an_untouched_template_says_so_and_offers_no_save_until_confirmed(register, downloads):
    at = upload_page({"region": FOLLO})
    template = download(at, downloads, "template-download")
    at = upload(at, template.file_name, template.data)
    assert metrics(at)[:4] == [
        ("Uten tidligere rapport", "0", ""),
        ("Endret fra forrige rapport", "0", ""),
        ("Som forrige rapport", "0", ""),
        ("Ikke oppdatert", "3", ""),
    ]
    # 1.2 is completed, which a repeat may report; but nothing else in the file is updated either.
    assert [warning.value for warning in at.warning] == [
        "Filen er ikke oppdatert: alle 3 radene gjentar bare forrige rapport, slik malen var fylt ut. "
        "Ingenting blir lagret. Fyll inn status, fremdrift og kommentar for kvartalet og last opp filen på nytt, "
        "eller kryss av under hvis statusen faktisk er uendret."
    ]
    assert [info.value for info in at.main.info] == []
    assert [button.label for button in at.button if button.label == "Lagre"] == []
    assert reports("2024-Q3") == []
    # Ticked, the notice above the box says what will happen now, not "Ingenting blir lagret".
    at.checkbox(key="upload-keep-not-updated").check().run()
    assert [warning.value for warning in at.warning] == [
        "Filen er ikke oppdatert: alle 3 radene gjentar bare forrige rapport, slik malen var fylt ut. "
        "Du har krysset av for at statusen er uendret, så de lagres som nye rapporter for kvartalet "
        "når du trykker «Lagre»."
    ]
    assert [info.value for info in at.main.info] == [
        "Filen er kontrollert og ikke lagret ennå. Se over endringene og trykk «Lagre»."
    ]
    save_button(at).click().run()
    assert at.success[0].value.endswith(": 3 lagt til, 0 endret, 0 uendret.")
    assert [row[:4] for row in reports("2024-Q3")] == [
        ("Follo", "1.1", "delayed", 35),
        ("Follo", "1.2", "completed", 100),
        ("Follo", "2.1", "on_track", 10),
    ]


def test_a_file_with_errors_lists_them_all_and_writes_nothing(register, downloads):
    bad = workbook_bytes(
        [
            [FOLLO, "1.1", "2024-Q3", "Kanskje", 30],
            [FOLLO, "9.9", "2024-Q3", "I rute", 150],
            ["Ukjent råd", "1.1", "2024-Q3", "I rute", 10],
        ]
    )
    at = upload(upload_page(), "feil.xlsx", bad)
    assert not at.exception
    assert [error.value for error in at.error] == [
        "Filen kan ikke lagres: 4 feil. Ingenting er endret. Rett feilene i tabellen og last opp filen på nytt."
    ]
    # A table that wraps, so every instruction reads whole.
    allowed = "Ikke startet, I rute, Forsinket, Fullført, Utgår"
    assert at.dataframe == []
    assert html_tables(at)["upload-errors"] == HtmlTable(
        "Feil i statusfilen",
        ["Ark", "Rad", "Nr", "Kolonne", "Overskrift", "Verdi", "Feil"],
        [
            ["Status", "2", "1.1", "D", "Status", "Kanskje", f"ukjent status. Velg en av: {allowed}."],
            ["Status", "3", "", "B", "Nr", "9.9", "Follorådet har ikke noe tiltak med dette nummeret."],
            [
                "Status",
                "3",
                "9.9",
                "E",
                "Fremdrift (%)",
                "150",
                "fremdrift må være et helt tall fra 0 til 100, for eksempel 45 (uten %-tegn).",
            ],
            [
                "Status",
                "4",
                "1.1",
                "A",
                "Region",
                "Ukjent råd",
                "ukjent region. Skriv regionens navn eller kortnavn slik det står i registeret.",
            ],
        ],
        [None, None, None, None],
    )
    assert [button.label for button in at.button if button.label == "Lagre"] == []
    assert reports("2024-Q3") == []
    exported = openpyxl.load_workbook(io.BytesIO(download(at, downloads, "upload-errors-xlsx").data)).active
    assert [cell.value for cell in exported[4]] == ["Ark", "Rad", "Nr", "Kolonne", "Overskrift", "Verdi", "Feil"]
    assert [cell.value for cell in exported[5]] == [
        "Status",
        2,
        "1.1",
        "D",
        "Status",
        "Kanskje",
        f"ukjent status. Velg en av: {allowed}.",
    ]


@pytest.mark.parametrize(
    ("data", "message_start"),
    [
        (
            b"Region;Nr;Status\nFollo;1.1;I rute\n",
            "Filen er ikke en Excel-arbeidsbok (.xlsx). Den ser ut som en CSV-/tekstfil.",
        ),
        (b"", "Filen er tom."),
    ],
)
def test_a_file_that_is_not_a_workbook_gets_a_message_not_a_traceback(register, data, message_start):
    at = upload(upload_page(), "tekst.xlsx", data)
    assert not at.exception
    [error] = at.error
    assert error.value.startswith(message_start), error.value
    assert reports("2024-Q3") == []


# --- upload log and rollback -------------------------------------------------------------------


def test_the_log_shows_an_upload_and_what_it_changed(register, downloads):
    at = upload(upload_page(), "status-follo.xlsx", GOOD_FILE)
    save_button(at).click().run()
    at.switch_page("views/opplastinger.py").run()
    assert not at.exception
    log = html_tables(at)["upload-log"]
    newest = dict(zip(log.headers, log.rows[0], strict=True))
    assert (
        newest["Type"],
        newest["Fil"],
        newest["Kvartaler"],
        newest["Nye"],
        newest["Endret"],
        newest["Uendret"],
        newest["Tilstand"],
    ) == ("Status", "status-follo.xlsx", "3. kv. 2024", "2", "0", "0", "Gjeldende")
    assert len(newest["Sjekksum (SHA-256)"]) == 64
    # The number is a link that opens the upload on this page, the filters and language kept.
    [body] = [element.proto.body for element in at.get("html") if 'id="table-upload-log"' in element.proto.body]
    assert f'<a href="opplastinger?upload={newest["Nr"]}">{newest["Nr"]}</a>' in body
    at.selectbox(key="upload-choice").select(int(newest["Nr"])).run()
    assert html_tables(at)["upload-detail-changes"].rows == [
        [
            FOLLO,
            "1.1",
            "Trafikksikkerhet ved skoler",
            "3. kv. 2024",
            "Ny",
            "",
            "Forsinket",
            "",
            "30\u00a0%",
            "",
            "Venter fortsatt",
        ],
        [FOLLO, "2.1", "Flere lærlingplasser", "3. kv. 2024", "Ny", "", "Forsinket", "", "5\u00a0%", "", "Få søkere"],
    ]
    assert at.query_params["upload"] == str(int(newest["Nr"]))


def test_rollback_needs_confirmation_and_restores_the_values_before(register):
    changed = workbook_bytes([[FOLLO, "1.1", "2024-Q2", "I rute", 60, "Løst", None, None]])
    at = upload(upload_page(), "rettelse.xlsx", changed)
    save_button(at).click().run()
    assert reports("2024-Q2")[0] == ("Follo", "1.1", "on_track", 60, "Løst")
    at.switch_page("views/opplastinger.py").run()
    upload_id = int(at.selectbox(key="upload-choice").options[0].split()[1])
    at.selectbox(key="upload-choice").select(upload_id).run()
    rollback = at.button(key=f"rollback-{upload_id}")
    assert rollback.disabled
    at.checkbox(key=f"confirm-rollback-{upload_id}").check().run()
    at.button(key=f"rollback-{upload_id}").click().run()
    assert not at.exception
    assert [success.value for success in at.success] == [
        f"Opplasting {upload_id} er tilbakestilt: 1 rapporter fikk tilbake tidligere verdier, 0 rapporter ble fjernet."
    ]
    assert reports("2024-Q2")[0] == ("Follo", "1.1", "delayed", 35, "Venter på vegvesenet")
    log = html_tables(at)["upload-log"]
    assert log.rows[0][log.headers.index("Tilstand")].startswith("Tilbakestilt ")
    # A rolled-back upload cannot be rolled back twice, and still shows what it wrote.
    assert [button for button in at.button if button.key == f"rollback-{upload_id}"] == []
    assert html_tables(at)["upload-detail-changes"].rows[0][5:9] == ["Forsinket", "I rute", "35\u00a0%", "60\u00a0%"]


def test_a_rollback_refused_says_why(register):
    at = upload(upload_page(), "a.xlsx", workbook_bytes([[FOLLO, "1.1", "2024-Q3", "I rute", 40]]))
    save_button(at).click().run()
    at = upload(at, "b.xlsx", workbook_bytes([[FOLLO, "1.1", "2024-Q3", "I rute", 50]]))
    save_button(at).click().run()
    at.switch_page("views/opplastinger.py").run()
    first = int(at.selectbox(key="upload-choice").options[1].split()[1])
    at.selectbox(key="upload-choice").select(first).run()
    at.checkbox(key=f"confirm-rollback-{first}").check().run()
    at.button(key=f"rollback-{first}").click().run()
    assert not at.exception
    [error] = at.error
    assert error.value == (
        f"Opplasting {first} kan ikke tilbakestilles fordi senere opplastinger ({first + 1}) "
        "har endret de samme rapportene. Tilbakestill dem først."
    )
    assert reports("2024-Q3") == [("Follo", "1.1", "on_track", 50, None)]


# --- downloads -------------------------------------------------------------------------------------


def sheet_rows(data: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def no_formulas(data: bytes) -> bool:
    """No cell of any sheet is a formula, read from the XML itself."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        return all(b"<f>" not in archive.read(name) and b"<f " not in archive.read(name) for name in sheets)


def test_a_listing_downloads_as_formatted_excel_and_csv(register, downloads):
    at = app()
    excel = download(at, downloads, "newly-delayed-xlsx")
    assert (excel.file_name, excel.mime) == ("nylig-forsinket-2024-Q2.xlsx", XLSX)
    book = openpyxl.load_workbook(io.BytesIO(excel.data))
    sheet = book.active
    assert sheet.title == "Nylig forsinket"
    assert sheet["A1"].value == "Nylig forsinket"
    assert sheet["A2"].value.startswith("Utvalg: hele fylket · 2. kv. 2024 · laget ")
    assert [cell.value for cell in sheet[4]] == ["Region", "Nr", "Tiltak", "Rådsområde", "Fremdrift", "Kommentar"]
    assert [cell.value for cell in sheet[5]] == [
        FOLLO,
        "1.1",
        "Trafikksikkerhet ved skoler",
        "Samferdsel",
        0.35,
        "Venter på vegvesenet",
    ]
    assert sheet["E5"].number_format == "0 %"
    assert sheet["A4"].font.b and sheet.freeze_panes == "A5"
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["B"].width

    text = download(at, downloads, "newly-delayed-csv")
    assert (text.file_name, text.mime) == ("nylig-forsinket-2024-Q2.csv", "text/csv")
    assert text.data.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(text.data.decode("utf-8-sig")), delimiter=";")) == [
        ["Region", "Nr", "Tiltak", "Rådsområde", "Fremdrift", "Kommentar"],
        [FOLLO, "1.1", "Trafikksikkerhet ved skoler", "Samferdsel", "35", "Venter på vegvesenet"],
    ]


def test_user_text_never_becomes_a_formula_in_any_export(register, downloads):
    db = connect()
    add_reports(db, [(IOR, "1.2", "2024-Q2", "delayed", 10, '=HYPERLINK("http://x.example","klikk")', "+1", "@Ola")])
    db.close()
    at = app({"region": IOR}, page="views/eksport.py")
    assert not at.exception
    excel = download(at, downloads, "commitments-xlsx")
    assert no_formulas(excel.data)
    rows = sheet_rows(excel.data)
    header = rows[3]
    ladeinfra = next(row for row in rows[4:] if row[1] == "1.2")
    assert ladeinfra[header.index("Kommentar")] == '=HYPERLINK("http://x.example","klikk")'
    assert ladeinfra[header.index("Neste steg")] == "+1"
    assert ladeinfra[header.index("Status")] == "Forsinket"
    assert ladeinfra[header.index("Fremdrift")] == 0.1
    text = download(at, downloads, "commitments-csv")
    rows = list(csv.reader(io.StringIO(text.data.decode("utf-8-sig")), delimiter=";"))
    ladeinfra = next(row for row in rows[1:] if row[1] == "1.2")
    assert ladeinfra[rows[0].index("Kommentar")] == '\'=HYPERLINK("http://x.example","klikk")'
    assert ladeinfra[rows[0].index("Neste steg")] == "'+1"
    assert ladeinfra[rows[0].index("Ansvarlig")] == "'@Ola"


def test_csv_separator_can_be_a_comma(register, downloads):
    at = app({"region": FOLLO}, page="views/eksport.py")
    at.radio(key="csv-separator").set_value(",").run()
    rows = list(csv.reader(io.StringIO(download(at, downloads, "history-csv").data.decode("utf-8-sig"))))
    assert rows[0] == [
        "Region",
        "Nr",
        "Tiltak",
        "Innsatsområde",
        "Rådsområde",
        "Bærekraftsmål",
        "Kvartal",
        "Status",
        "Fremdrift",
        "Kommentar",
        "Neste steg",
        "Ansvarlig",
    ]
    assert rows[1:] == [
        [
            FOLLO,
            "1.1",
            "Trafikksikkerhet ved skoler",
            "Mobilitet",
            "Samferdsel",
            "11",
            "1. kv. 2024",
            "I rute",
            "40",
            "",
            "",
            "",
        ],
        [
            FOLLO,
            "1.1",
            "Trafikksikkerhet ved skoler",
            "Mobilitet",
            "Samferdsel",
            "11",
            "2. kv. 2024",
            "Forsinket",
            "35",
            "Venter på vegvesenet",
            "Nytt møte",
            "",
        ],
        [FOLLO, "1.2", "Innfartsparkering", "Mobilitet", "Samferdsel", "11", "1. kv. 2024", "I rute", "20", "", "", ""],
        [
            FOLLO,
            "1.2",
            "Innfartsparkering",
            "Mobilitet",
            "Samferdsel",
            "11",
            "2. kv. 2024",
            "Fullført",
            "100",
            "Åpnet i mai",
            "",
            "",
        ],
        [
            FOLLO,
            "2.1",
            "Flere lærlingplasser",
            "Kompetanse",
            "Utdanning og kompetanse",
            "4",
            "1. kv. 2024",
            "Ikke startet",
            "0",
            "",
            "",
            "",
        ],
        [
            FOLLO,
            "2.1",
            "Flere lærlingplasser",
            "Kompetanse",
            "Utdanning og kompetanse",
            "4",
            "2. kv. 2024",
            "I rute",
            "10",
            "",
            "",
            "",
        ],
    ]


def test_a_chart_s_figures_download_with_the_filters_in_the_note(register, downloads):
    at = open_figures(app({"region": FOLLO}))
    rows = sheet_rows(download(at, downloads, "status-over-time-table-xlsx").data)
    assert rows[0][0] == "Status per kvartal"
    assert rows[1][0].startswith("Utvalg: Follorådet · 2. kv. 2024 · laget ")
    assert rows[3] == ["Kvartal", "I rute", "Forsinket", "Fullført", "Ikke startet", "Totalt"]
    assert rows[4:] == [
        ["1. kv. 2024", "2 (67\u00a0%)", "0 (0\u00a0%)", "0 (0\u00a0%)", "1 (33\u00a0%)", "3"],
        ["2. kv. 2024", "1 (33\u00a0%)", "1 (33\u00a0%)", "1 (33\u00a0%)", "0 (0\u00a0%)", "3"],
    ]


# Last opp has no table to download.
PAGES = [page for page in PAGE_SCRIPTS if page != "views/last_opp.py"]


@pytest.mark.parametrize("page", PAGES)
def test_every_table_download_on_every_page_opens(register, downloads, page):
    query = {"region": FOLLO, "council": "Samferdsel", "sdg": "SDG 11 – Bærekraftige byer og lokalsamfunn"}
    if page == "views/tiltak.py":
        query["commitment"] = str(commitment_id(FOLLO, "1.1"))
    at = open_figures(app(query, page=page, user="kari"))
    if page == "views/opplastinger.py":
        at.selectbox(key="upload-choice").select_index(0).run()
    keys = [button.key for button in at.download_button if button.key.endswith(("-xlsx", "-csv"))]
    tables = [key for key in keys if not key.startswith("report-")]
    assert tables, "every page has at least one table to download"
    for key in tables:
        served = download(at, downloads, key)
        if key.endswith("-xlsx"):
            assert no_formulas(served.data)
            rows = sheet_rows(served.data)
            assert rows[1][0].startswith("Utvalg: Follorådet, Samferdsel, SDG 11"), (key, rows[1][0])
            assert len(rows) > 4, key
        else:
            assert served.data.startswith(b"\xef\xbb\xbf"), key
            assert len(list(csv.reader(io.StringIO(served.data.decode("utf-8-sig")), delimiter=";"))) > 1, key


def test_the_quarterly_report_workbook_follows_the_filters(register, downloads):
    at = app({"council": "Samferdsel"}, page="views/eksport.py")
    report = download(at, downloads, "report-xlsx")
    assert (report.file_name, report.mime) == ("kvartalsrapport-2024-Q2.xlsx", XLSX)
    assert no_formulas(report.data)
    book = openpyxl.load_workbook(io.BytesIO(report.data))
    assert book.sheetnames[0] == "Sammendrag"
    assert set(book.sheetnames[1:]) == {FOLLO, IOR}
    summary = [list(row) for row in book["Sammendrag"].iter_rows(values_only=True)]
    assert summary[0][0] == "Kvartalsrapport – 2. kv. 2024"
    assert summary[1][0].startswith("Utvalg: Samferdsel · 2. kv. 2024 · laget ")
    follo = [list(row) for row in book[FOLLO].iter_rows(min_row=5, values_only=True)]
    assert [row[:2] for row in follo] == [["1.1", "Trafikksikkerhet ved skoler"], ["1.2", "Innfartsparkering"]]


@pytest.mark.skipif(not CHROMIUM.exists() and not in_ci(), reason="the PDF's charts are drawn with Chromium")
@pytest.mark.slow
def test_the_pdf_brief_holds_the_regions_and_the_key_figures(register, downloads):
    at = app(page="views/eksport.py")
    brief = made_pdf(at, downloads)
    assert (brief.file_name, brief.mime) == ("kvartalsrapport-2024-Q2.pdf", "application/pdf")
    pdf = pypdfium2.PdfDocument(brief.data)
    text = " ".join(pdf[index].get_textpage().get_text_range() for index in range(len(pdf))).replace("\u00a0", " ")
    assert "Kvartalsrapport – 2. kv. 2024" in text
    assert FOLLO in text and IOR in text
    # The overview's key figures for the same data (see test_pages).
    assert "2 av 2 regioner har rapportert for 2. kv. 2024 (4 av 5 tiltak)." in text
    for figure in ("75 %", "50 %", "49 %", "\u00b10,0 pp", "\u221225,0 pp", "+26,2 pp"):
        assert figure in text, figure
    assert "Trafikksikkerhet ved skoler" in text  # newly delayed since last quarter


def test_without_chromium_the_pdf_button_is_off_and_says_why(register, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = app(page="views/eksport.py")
    assert at.button(key="report-pdf-make").disabled
    out_of_date, warning = at.warning
    assert out_of_date.value.startswith("Den nyeste rapporten i utvalget er for 2. kv. 2024, mer enn ett kvartal")
    assert warning.value.startswith("Finner ikke Chromium (/nonexistent/chromium)")
    assert not at.download_button(key="report-xlsx").disabled


def double_click_script() -> None:
    # A double click on "Lagre": the second click's callback runs with the same file
    # before the page has redrawn without the button.
    from dataclasses import dataclass

    from tests.builders import GOOD_FILE, kari_user
    from views import _data as data
    from views import _state as state
    from views import _upload as upload

    @dataclass(frozen=True)
    class Uploaded:
        file_id: str
        name: str
        data: bytes

        def getvalue(self) -> bytes:
            return self.data

    data.begin_run()
    file = Uploaded("file-1", "status-follo.xlsx", GOOD_FILE)
    upload.save(file, None, kari_user(), "nb", False)
    upload.save(file, None, kari_user(), "nb", False)
    state.show_flash()


def test_a_double_click_on_save_keeps_the_saved_message(register):
    at = AppTest.from_function(double_click_script, default_timeout=60).run()
    assert not at.exception
    assert [success.value for success in at.success] == ["Lagret som opplasting 2: 2 lagt til, 0 endret, 0 uendret."]
    assert at.info == []
    assert reports("2024-Q3") == [
        ("Follo", "1.1", "delayed", 30, "Venter fortsatt"),
        ("Follo", "2.1", "delayed", 5, "Få søkere"),
    ]


# --- files the page refuses before reading them ------------------------------------------------


def test_a_csv_file_is_refused_in_norwegian_and_nothing_is_saved(register):
    at = upload_page()
    at.file_uploader[0].set_value(("status.csv", b"Region;Nr;Kvartal;Status\nFollo;1.1;2024-Q3;I rute\n", "text/csv"))
    at.run()
    assert [error.value for error in at.error] == [
        "«status.csv» er en CSV-fil, og CSV kan ikke lastes opp: den mister formatet på cellene, "
        "så et tiltaksnummer som 1.10 kan bli 1.1. Last ned malen i steg 1, fyll den inn "
        "og last opp den. Ingenting er lagret."
    ]
    # Under step 3, where the loader's refusals (.ods, two status sheets) appear too.
    assert [header.value for header in at.main.header][-1] == "3. Se over og lagre"
    assert [button.label for button in at.button if button.label == "Lagre"] == []
    assert reports("2024-Q3") == []


def test_a_file_over_the_limit_is_refused_in_words_and_nothing_is_saved(register):
    big = GOOD_FILE + bytes(26_000_000)
    at = upload(upload_page(), "status_follo.xlsx", big)
    assert [error.value for error in at.error] == [
        "«status\\_follo.xlsx» er 26,0 MB, og en statusfil kan være høyst 25 MB. En utfylt mal er langt under 1 MB: "
        "sjekk at det er riktig fil, eller fjern bilder og ekstra ark. Ingenting er lagret."
    ]
    assert [header.value for header in at.main.header][-1] == "3. Se over og lagre"
    assert [button.label for button in at.button if button.label == "Lagre"] == []
    assert reports("2024-Q3") == []


def test_the_limit_is_a_setting_and_the_label_names_it(register, monkeypatch):
    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD", "1")
    at = upload_page()
    assert at.file_uploader[0].label == "Statusfil (.xlsx, høyst 1 MB)"
    at = upload(at, "status.xlsx", GOOD_FILE + bytes(1_000_000))
    assert at.error[0].value.startswith("«status.xlsx» er 1,0 MB, og en statusfil kan være høyst 1 MB.")


def test_the_refusals_read_in_english(register):
    at = upload_page({"lang": "en"})
    assert at.file_uploader[0].label == "Status file (.xlsx, at most 25 MB)"
    at.file_uploader[0].set_value(("status.csv", b"Region;Nr\n", "text/csv"))
    at.run()
    assert [error.value for error in at.error] == [
        "“status.csv” is a CSV file, and CSV cannot be uploaded: it loses the cells' formats, "
        "so a commitment number such as 1.10 can become 1.1. Download the template in step 1, fill it in "
        "and upload that. Nothing was saved."
    ]
    at = upload(at, "notes.docx", b"PK\x03\x04 not a workbook")
    assert [error.value for error in at.error] == [
        "“notes.docx” is not an Excel workbook. Upload the status file as an Excel workbook (.xlsx), "
        "for example the template from step 1. Nothing was saved."
    ]
    at = upload(at, "status.xlsx", GOOD_FILE + bytes(30_000_000))
    assert [error.value for error in at.error] == [
        "“status.xlsx” is 30.0 MB, and a status file can be at most 25 MB. A filled-in template is well under "
        "1 MB: check that it is the right file, or remove pictures and extra sheets. Nothing was saved."
    ]


def test_an_old_excel_file_goes_on_to_the_loader_which_names_it(register):
    old = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)
    at = upload(upload_page(), "status.xls", old)
    assert [header.value for header in at.main.header][-1] == "3. Se over og lagre"
    assert [error.value for error in at.error] == [
        "Filen er i det gamle Excel-formatet (.xls). Åpne den i Excel, lagre som .xlsx og last opp på nytt."
    ]
    assert reports("2024-Q3") == []


def test_a_chart_s_figures_are_sent_only_once_opened(register, downloads):
    # At national scale the heatmap's figures were 27 kB sent at every change of quarter, unseen.
    at = app({"region": FOLLO})
    closed = [button.key for button in at.download_button if button.key.startswith("status-over-time-table")]
    opened = [
        button.key for button in open_figures(at).download_button if button.key.startswith("status-over-time-table")
    ]

    assert (closed, opened) == ([], ["status-over-time-table-xlsx", "status-over-time-table-csv"])
