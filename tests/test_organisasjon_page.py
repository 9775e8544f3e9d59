"""Organisasjon through the page (AppTest): administrators only; the organisation as stored, its
workbook to download, an upload previewed row by row and saved."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from core.db import connect, write_transaction
from core.organisation import (
    Member,
    council_area_ids,
    find_county,
    organisation_rows,
    set_region_contact,
    set_region_membership,
    set_status_aliases,
    unit_commitments,
)
from core.register import find_region
from tests.builders import FOLLO, IOR, XLSX, HtmlTable, app, download, dump, html_tables

pytestmark = pytest.mark.usefixtures("fresh_caches")

PAGE = "views/organisasjon.py"
VIKEN_UNITS = (
    "Kultur og mangfold; Plan, klima og miljø; Samferdsel; Næring og tannhelse; Utdanning og kompetanse; "
    "Finans og administrasjon; Fylkesrådsleders kontor"
)


def organisation_page(user: str = "kari", query: dict | None = None):
    return app(query, page=PAGE, user=user)


def workbook(sheets: dict[str, tuple[list, list[list]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, (header, rows) in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(at, data: bytes, name: str = "organisasjon.xlsx"):
    at.file_uploader[0].set_value((name, data, XLSX))
    at.run()
    assert not at.exception, at.exception
    return at


def test_an_administrator_sees_the_organisation(register):
    with write_transaction(register):
        set_status_aliases(register, find_county(register, "Viken"), {"I arbeid": "on_track"})
    at = organisation_page()
    assert [title.value for title in at.title] == ["Organisasjon"]
    assert [header.value for header in at.main.header] == [
        "Fylkeskommuner",
        "Enheter",
        "Regioner",
        "Statusord",
        "Last opp organisasjonsfilen",
    ]
    found = html_tables(at)
    assert found["org-counties"] == HtmlTable(
        "Fylkeskommuner",
        ["Fylkeskommune", "Nummer", "Gyldig fra", "Gyldig til", "Etterfølger av", "Etterfulgt av"],
        [["Viken fylkeskommune", "30", "01.01.2020", "31.12.2023", "", ""]],
        [None],
    )
    assert found["org-units"] == HtmlTable(
        "Enheter", ["Fylkeskommune", "Enheter"], [["Viken fylkeskommune", VIKEN_UNITS]], [None]
    )
    assert found["org-regions"] == HtmlTable(
        "Regioner",
        ["Region", "Kortnavn", "Fylkeskommune", "Tidligere navn", "Kontaktperson", "Medlemmer nå"],
        [
            [FOLLO, "Follo", "Viken fylkeskommune", "", "", "3020 Nordre Follo – Viken; 3021 Ås – Viken"],
            [IOR, "IØR", "Viken fylkeskommune", "", "", "3014 Indre Østfold – Viken"],
        ],
        [None, None],
    )
    assert found["org-words"] == HtmlTable(
        "Statusord", ["Fylkeskommune", "Ord", "Status"], [["Viken fylkeskommune", "I arbeid", "I rute"]], [None]
    )


def test_the_workbook_downloaded_is_the_stored_organisation(register, downloads):
    at = organisation_page(query={"lang": "en"})
    served = download(at, downloads, "org-download")
    assert (served.file_name, served.mime) == ("organisation.xlsx", XLSX)
    book = openpyxl.load_workbook(io.BytesIO(served.data))
    assert book.sheetnames == ["Counties", "Units", "Regions", "Members", "Status words"]
    assert [list(row) for row in book["Members"].iter_rows(min_row=4, values_only=True)] == [
        ["Region", "Municipality number", "Municipality", "From", "To"],
        [FOLLO, "3020", "Nordre Follo", None, None],
        [FOLLO, "3021", "Ås", None, None],
        [IOR, "3014", "Indre Østfold", None, None],
    ]


@pytest.mark.parametrize("user", ["ola", "lise"])
def test_anyone_but_an_administrator_is_refused(register, user):
    at = organisation_page(user)
    assert [error.value for error in at.error] == [
        "Bare administratorer kan se og endre organisasjonen. Logg inn med en slik konto."
    ]
    assert "org-counties" not in html_tables(at)
    assert [title.value for title in at.title] == ["Organisasjon"]


def test_an_upload_is_previewed_row_by_row_and_saved(register):
    at = organisation_page()
    data = workbook(
        {
            "Fylkeskommuner": (
                ["Navn", "Nummer", "Gyldig fra", "Etterfølger av"],
                [["Akershus", "32", "01.01.2024", "Viken"]],
            ),
            "Regioner": (
                ["Region", "Fylkeskommune", "Fra", "Tidligere navn"],
                [["Folloregionen IPR", "Viken", None, FOLLO], ["Folloregionen IPR", "Akershus", "01.01.2024", None]],
            ),
            "Medlemmer": (
                ["Region", "Kommunenummer", "Fra", "Til"],
                [["Follo", "3020", None, "31.03.2024"], ["Follo", "3207", "01.01.2024", None]],
            ),
        }
    )
    before = dump(register)
    upload(at, data)
    assert dump(register) == before
    assert [header.value for header in at.main.header][-1] == "Dette endres"
    found = html_tables(at)
    assert found["org-warnings"].rows == [
        [
            "Arket «Medlemmer», rad 2, kolonne B (Kommunenummer): «3020» – nummeret gjaldt ikke 31.03.2024; "
            "da var det 3207. Skriv det nye nummeret med «Fra» 31.03.2024."
        ]
    ]
    assert found["org-changes"] == HtmlTable(
        "Rader som legges til eller tas bort",
        ["Endring", "Ark", "Rad"],
        [
            ["Legges til", "Fylkeskommuner", "Akershus · 32 · 01.01.2024 · Viken fylkeskommune"],
            ["Tas bort", "Regioner", "Follorådet · Follo · Viken fylkeskommune"],
            ["Legges til", "Regioner", "Folloregionen IPR · Follo · Viken fylkeskommune · Follorådet"],
            ["Legges til", "Regioner", "Folloregionen IPR · Akershus · 01.01.2024"],
            ["Tas bort", "Medlemmer", "Follorådet · 3020 · Nordre Follo"],
            ["Tas bort", "Medlemmer", "Follorådet · 3021 · Ås"],
            ["Legges til", "Medlemmer", "Folloregionen IPR · 3020 · Nordre Follo · 31.03.2024"],
            ["Legges til", "Medlemmer", "Folloregionen IPR · 3207 · Nordre Follo · 01.01.2024"],
        ],
        [None] * 8,
    )
    at.button(key="org-save").click()
    at.run()
    assert not at.exception, at.exception
    assert [success.value for success in at.success] == ["Organisasjonen er lagret. Rader lagt til: 5, tatt bort: 3."]
    with connect() as db:
        rows = organisation_rows(db)
    assert rows.regions[:2] == [
        ("Folloregionen IPR", "Follo", "Viken fylkeskommune", None, (("Follorådet", None),), None, None, None),
        ("Folloregionen IPR", None, "Akershus", dt.date(2024, 1, 1), (), None, None, None),
    ]
    assert html_tables(at)["org-counties"].rows[0] == [
        "Akershus",
        "32",
        "01.01.2024",
        "fortsatt",
        "Viken fylkeskommune",
        "",
    ]
    assert at.file_uploader[0].value is None


def test_a_file_with_errors_is_refused_with_every_error_and_nothing_saved(register):
    at = organisation_page()
    before = dump(register)
    upload(at, workbook({"Enheter": (["Fylkeskommune", "Enhet"], [["Telemark", "Samferdsel"], ["Viken", None]])}))
    assert [error.value for error in at.error] == [
        "Organisasjonsfilen er ikke lagret; ingenting er endret. Antall feil: 2."
    ]
    assert html_tables(at)["org-errors"].rows == [
        [
            "Arket «Enheter», rad 2, kolonne A (Fylkeskommune): «Telemark» – ukjent fylkeskommune. "
            "Kjente fylkeskommuner: Viken fylkeskommune."
        ],
        ["Arket «Enheter», rad 3, kolonne B (Enhet) – verdien mangler."],
    ]
    assert [button.key for button in at.button if button.key == "org-save"] == []
    # Nothing changes, so no heading says what does.
    assert [header.value for header in at.main.header][-1] == "Last opp organisasjonsfilen"
    assert dump(register) == before


def editor(at, prefix: str):
    """The page's data editor whose key starts with ``prefix`` (AppTest reads it as a dataframe)."""
    [found] = [frame for frame in at.get("dataframe") if frame.key.startswith(prefix)]
    return found


def test_units_and_status_words_are_edited_in_place(register):
    at = organisation_page()
    units = editor(at, "org-edit-units-viken-fylkeskommune-")
    assert list(units.value["unit"]) == VIKEN_UNITS.split("; ")
    at.session_state[units.key] = {
        "edited_rows": {0: {"unit": "Kultur"}},
        "added_rows": [{"unit": "Digitalisering"}],
        "deleted_rows": [6],
    }
    at.button(key="org-save-units").click()
    at.run()
    assert not at.exception, at.exception
    assert [success.value for success in at.success] == ["Organisasjonen er lagret. Rader lagt til: 2, tatt bort: 2."]
    assert html_tables(at)["org-units"].rows == [
        [
            "Viken fylkeskommune",
            "Kultur; Plan, klima og miljø; Samferdsel; Næring og tannhelse; Utdanning og kompetanse; "
            "Finans og administrasjon; Digitalisering",
        ]
    ]
    words = editor(at, "org-edit-words-viken-fylkeskommune-")
    at.session_state[words.key] = {
        "edited_rows": {},
        "added_rows": [{"word": "I arbeid", "status": "I rute"}, {"word": "i ARBEID", "status": "Forsinket"}],
        "deleted_rows": [],
    }
    at.button(key="org-save-words").click()
    at.run()
    assert [error.value for error in at.main.error] == ["Ingenting er lagret: i ARBEID står to ganger."]
    at.session_state[words.key] = {
        "edited_rows": {},
        "added_rows": [{"word": "I arbeid", "status": "I rute"}],
        "deleted_rows": [],
    }
    at.button(key="org-save-words").click()
    at.run()
    assert html_tables(at)["org-words"].rows == [["Viken fylkeskommune", "I arbeid", "I rute"]]


def test_a_unit_renamed_in_the_editor_keeps_its_commitments(register):
    viken = find_county(register, "Viken")
    ids = council_area_ids(register, viken)
    assert unit_commitments(register, viken) == {
        "samferdsel": 3,
        "næring og tannhelse": 1,
        "utdanning og kompetanse": 1,
    }
    at = organisation_page()
    units = editor(at, "org-edit-units-viken-fylkeskommune-")
    at.session_state[units.key] = {
        "edited_rows": {2: {"unit": "Samferdsel og mobilitet"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="org-save-units").click()
    at.run()
    assert not at.exception, at.exception
    assert [success.value for success in at.success] == ["Organisasjonen er lagret. Rader lagt til: 1, tatt bort: 1."]
    with connect() as db:
        assert council_area_ids(db, viken) == {
            **{name: id_ for name, id_ in ids.items() if name != "samferdsel"},
            "samferdsel og mobilitet": ids["samferdsel"],
        }
        assert unit_commitments(db, viken) == {
            "samferdsel og mobilitet": 3,
            "næring og tannhelse": 1,
            "utdanning og kompetanse": 1,
        }


def test_a_unit_replaced_in_the_workbook_is_said_to_keep_its_commitments(register):
    at = organisation_page()
    names = VIKEN_UNITS.replace("Samferdsel", "Samferdsel og mobilitet").split("; ")
    upload(at, workbook({"Enheter": (["Fylkeskommune", "Enhet"], [["Viken", name] for name in names])}))
    assert [header.value for header in at.main.header][-1] == "Dette endres"
    found = html_tables(at)
    assert found["org-warnings"].rows == [
        [
            "Arket «Enheter», rad 4, kolonne B (Enhet): «Samferdsel og mobilitet» – ny enhet. Tiltakene til "
            "«Samferdsel», som tas bort, blir stående på den gamle enheten (inaktiv), ikke på den nye. Er den nye "
            "et nytt navn på den gamle, gi heller enheten nytt navn under «Endre enhetene her» på siden "
            "Organisasjon; da følger tiltakene med."
        ]
    ]
    assert found["org-changes"].rows == [
        ["Tas bort", "Enheter", "Viken fylkeskommune · Samferdsel"],
        ["Legges til", "Enheter", "Viken fylkeskommune · Samferdsel og mobilitet"],
    ]


def test_members_are_shown_with_their_county_s_name(register):
    follo = find_region(register, FOLLO)
    with write_transaction(register):
        set_region_membership(
            register,
            follo.id,
            [
                Member("3114", "Våler (Østfold)", "31", dt.date(2024, 1, 1), None),
                Member("3207", "Nordre Follo", "32", dt.date(2024, 1, 1), None),
                Member("4005", "Notodden", "40", dt.date(2024, 1, 1), None),
                # A number SSB's list does not have, from a database older than the check.
                Member("9999", "Prøvekommune", None, None, None),
            ],
        )
    assert html_tables(organisation_page())["org-regions"].rows[0] == [
        FOLLO,
        "Follo",
        "Viken fylkeskommune",
        "",
        "",
        "3114 Våler (Østfold) – Østfold; 3207 Nordre Follo – Akershus; 4005 Notodden – Telemark; 9999 Prøvekommune",
    ]


def test_a_region_s_contact_is_shown_as_text_in_the_regions_table(register):
    follo = find_region(register, FOLLO)
    with write_transaction(register):
        set_region_contact(register, follo.id, "Per *Arne* Dahl", "per.arne.dahl@follo.example", "+47 922 18 305")
    found = html_tables(organisation_page())["org-regions"]
    assert found.headers[4] == "Kontaktperson"
    assert [row[4] for row in found.rows] == ["Per *Arne* Dahl · per.arne.dahl@follo.example · +47 922 18 305", ""]
