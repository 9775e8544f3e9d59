"""The organisation workbook: read (loaders/organisation.py), written (outputs/organisation.py) and
loaded from the command line; every refusal named, nothing written on an error, and a round trip."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from core.db import connect, write_transaction
from core.errors import NotAllowed
from core.i18n import t
from core.organisation import (
    COLUMNS,
    OrganisationRows,
    ensure_county,
    find_county,
    organisation_rows,
    set_council_areas,
    set_status_aliases,
    status_aliases,
    status_words,
)
from core.users import User, add_user
from core.vocabulary import parse_status
from loaders.errors import NoOrganisationSheet, OrganisationRejected
from loaders.organisation import FIELDS, OrganisationChange, load_organisation
from outputs.organisation import organisation_workbook
from tests.builders import ADMIN, VIKEN_UNITS, dump

D = dt.date
VIKEN = ("Viken fylkeskommune", "30", D(2020, 1, 1), D(2023, 12, 31), ())
# The organisation of the tests: Viken split in three; Follo moving to Akershus under a new name;
# Indre Østfold renumbered; Kongsbergregionen with two members in Telemark.
SHEETS = {
    "Fylkeskommuner": (
        ["Navn", "Nummer", "Gyldig fra", "Gyldig til", "Etterfølger av"],
        [
            ["Østfold fylkeskommune", "31", D(2024, 1, 1), None, "Viken"],
            ["Akershus fylkeskommune", "32", "01.01.2024", None, "Viken fylkeskommune"],
            ["Buskerud fylkeskommune", "33", "2024-01-01", None, "30"],
        ],
    ),
    "Enheter": (
        ["Fylkeskommune", "Enhet"],
        [["Østfold", "Samferdsel"], ["Østfold", "Næring"], ["Akershus", "Samferdsel"], ["33", "Kultur"]],
    ),
    "Regioner": (
        ["Region", "Kortnavn", "Fylkeskommune", "Fra", "Tidligere navn"],
        [
            ["Folloregionen IPR", "Follo", "Viken", None, "Follorådet (til 31.12.2023)"],
            ["Folloregionen IPR", None, "Akershus", D(2024, 1, 1), None],
            ["Indre Østfold regionråd", "IØR", "Viken", None, None],
            ["Indre Østfold regionråd", None, "Østfold", D(2024, 1, 1), None],
            ["Kongsbergregionen", None, "Buskerud", D(2024, 1, 1), None],
        ],
    ),
    "Medlemmer": (
        ["Region", "Kommunenummer", "Kommune", "Fra", "Til"],
        [
            ["Folloregionen IPR", "3207", None, D(2024, 1, 1), None],
            ["Follorådet", "3020", "Nordre Follo", None, D(2023, 12, 31)],
            ["IØR", "3014", None, None, D(2023, 12, 31)],
            ["IØR", "3118", None, D(2024, 1, 1), None],
            ["Kongsbergregionen", "3303", None, D(2024, 1, 1), None],
            ["Kongsbergregionen", "4005", None, D(2024, 1, 1), None],
            ["Kongsbergregionen", "4026", "Tinn", D(2024, 1, 1), None],
        ],
    ),
    "Statusord": (
        ["Fylkeskommune", "Ord", "Status"],
        [["Østfold", "I arbeid", "I rute"], ["Østfold", "Ferdig", "Fullført"]],
    ),
}
NO_CONTACT = (None, None, None)
ROWS = OrganisationRows(
    counties=[
        ("Akershus fylkeskommune", "32", D(2024, 1, 1), None, ("Viken fylkeskommune",)),
        ("Buskerud fylkeskommune", "33", D(2024, 1, 1), None, ("Viken fylkeskommune",)),
        ("Østfold fylkeskommune", "31", D(2024, 1, 1), None, ("Viken fylkeskommune",)),
        VIKEN,
    ],
    units=[
        ("Akershus fylkeskommune", "Samferdsel"),
        ("Buskerud fylkeskommune", "Kultur"),
        ("Østfold fylkeskommune", "Samferdsel"),
        ("Østfold fylkeskommune", "Næring"),
        *[("Viken fylkeskommune", unit) for unit in VIKEN_UNITS],
    ],
    regions=[
        ("Folloregionen IPR", "Follo", "Viken fylkeskommune", None, (("Follorådet", D(2023, 12, 31)),), *NO_CONTACT),
        ("Folloregionen IPR", None, "Akershus fylkeskommune", D(2024, 1, 1), (), *NO_CONTACT),
        ("Indre Østfold regionråd", "IØR", "Viken fylkeskommune", None, (), *NO_CONTACT),
        ("Indre Østfold regionråd", None, "Østfold fylkeskommune", D(2024, 1, 1), (), *NO_CONTACT),
        ("Kongsbergregionen", None, "Buskerud fylkeskommune", D(2024, 1, 1), (), *NO_CONTACT),
    ],
    members=[
        ("Folloregionen IPR", "3020", "Nordre Follo", None, D(2023, 12, 31)),
        ("Folloregionen IPR", "3207", "Nordre Follo", D(2024, 1, 1), None),
        ("Indre Østfold regionråd", "3014", "Indre Østfold", None, D(2023, 12, 31)),
        ("Indre Østfold regionråd", "3118", "Indre Østfold", D(2024, 1, 1), None),
        ("Kongsbergregionen", "3303", "Kongsberg", D(2024, 1, 1), None),
        ("Kongsbergregionen", "4005", "Notodden", D(2024, 1, 1), None),
        ("Kongsbergregionen", "4026", "Tinn", D(2024, 1, 1), None),
    ],
    status_words=[("Østfold fylkeskommune", "Ferdig", "completed"), ("Østfold fylkeskommune", "I arbeid", "on_track")],
)
REPORTER = User(2, "ola", "Ola Nordmann", None, "rapportor", regions=("Follorådet",))


def write_sheets(path: Path, sheets: dict[str, tuple[list, list[list]]]) -> Path:
    """A workbook with a sheet per entry: its header, then its rows."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, (header, rows) in sheets.items():
        sheet = workbook.create_sheet(name)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_a_workbook_sets_up_the_organisation(db, tmp_path):
    summary = load_organisation(db, write_sheets(tmp_path / "org.xlsx", SHEETS), user=ADMIN)
    assert organisation_rows(db) == ROWS
    assert (summary.saved, summary.warnings) == (True, [])
    assert summary.message("nb") == "Organisasjonen er lagret. Rader lagt til: 21, tatt bort: 0."
    assert [change.text("nb") for change in summary.changes if change.sheet == "regions"] == [
        "Folloregionen IPR · Follo · Viken fylkeskommune · Follorådet (til 31.12.2023)",
        "Folloregionen IPR · Akershus fylkeskommune · 01.01.2024",
        "Indre Østfold regionråd · IØR · Viken fylkeskommune",
        "Indre Østfold regionråd · Østfold fylkeskommune · 01.01.2024",
        "Kongsbergregionen · Buskerud fylkeskommune · 01.01.2024",
    ]
    assert summary.changes[-1] == OrganisationChange(
        "status_words", True, ("Østfold fylkeskommune", "I arbeid", "on_track")
    )
    assert summary.changes[-1].text("en") == "Østfold fylkeskommune · I arbeid · On track"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_workbook_written_loads_back_changing_nothing(db, tmp_path, lang):
    load_organisation(db, write_sheets(tmp_path / "org.xlsx", SHEETS), user=ADMIN)
    written = tmp_path / "written.xlsx"
    written.write_bytes(organisation_workbook(organisation_rows(db), lang))
    before = dump(db)
    summary = load_organisation(db, written, user=ADMIN)
    assert (summary.changes, summary.warnings, summary.saved) == ([], [], False)
    assert (
        summary.message(lang)
        == {
            "nb": "Ingen endringer: organisasjonen er allerede slik filen sier.",
            "en": "No changes: the organisation is already as the file says.",
        }[lang]
    )
    assert dump(db) == before
    assert (
        openpyxl.load_workbook(written).sheetnames
        == {
            "nb": ["Fylkeskommuner", "Enheter", "Regioner", "Medlemmer", "Statusord"],
            "en": ["Counties", "Units", "Regions", "Members", "Status words"],
        }[lang]
    )


def test_a_changed_workbook_previews_its_changes_and_a_dry_run_saves_nothing(db, tmp_path):
    load_organisation(db, write_sheets(tmp_path / "org.xlsx", SHEETS), user=ADMIN)
    before = dump(db)
    changed = {
        "Enheter": (["Fylkeskommune", "Enhet"], [["Østfold", "Næring"], ["Østfold", "Samferdsel"]]),
        "Statusord": (["Fylkeskommune", "Ord", "Status"], [["Østfold", "Pågår", "Forsinket"]]),
    }
    summary = load_organisation(db, write_sheets(tmp_path / "changed.xlsx", changed), user=ADMIN, dry_run=True)
    assert [(change.sheet, change.added, change.text("nb")) for change in summary.changes] == [
        ("units", False, "Østfold fylkeskommune · Samferdsel"),
        ("units", False, "Østfold fylkeskommune · Næring"),
        ("units", True, "Østfold fylkeskommune · Næring"),
        ("units", True, "Østfold fylkeskommune · Samferdsel"),
        ("status_words", False, "Østfold fylkeskommune · Ferdig · Fullført"),
        ("status_words", False, "Østfold fylkeskommune · I arbeid · I rute"),
        ("status_words", True, "Østfold fylkeskommune · Pågår · Forsinket"),
    ]
    assert summary.message("nb") == "Prøvekjøring, ingenting er lagret. Ved lagring legges rader til: 3, tas bort: 4."
    assert dump(db) == before


def test_a_membership_on_no_day_of_its_number_is_refused_naming_the_number_of_its_time(db, tmp_path):
    # 3014 Indre Østfold was Viken's number (2020–2023); from 2024 it is 3118, and 3207 Nordre Follo was 3020.
    members = [
        ["Indre Østfold regionråd", "3014", D(2024, 1, 1), None],
        ["Indre Østfold regionråd", "3014", D(2024, 3, 1), D(2024, 12, 31)],
        ["Follorådet", "3207", None, D(2023, 12, 31)],
        # Rindal became 5061 in Trøndelag on 01.01.2019, where the shipped list begins: it has no number before.
        ["Follorådet", "5061", None, D(2018, 12, 31)],
    ]
    sheets = {
        "Regioner": (["Region", "Fylkeskommune"], [["Indre Østfold regionråd", "Viken"], ["Follorådet", "Viken"]]),
        "Medlemmer": (["Region", "Kommunenummer", "Fra", "Til"], members),
    }
    before = dump(db)
    with pytest.raises(OrganisationRejected) as refused:
        load_organisation(db, write_sheets(tmp_path / "org.xlsx", sheets), user=ADMIN)
    assert [error.message("nb") for error in refused.value.errors] == [
        "Arket «Medlemmer», rad 2, kolonne B (Kommunenummer): «3014» – nummeret gjaldt bare til 31.12.2023; "
        "den 01.01.2024 var det 3118. Skriv 3118 for medlemskapet fra 01.01.2024.",
        "Arket «Medlemmer», rad 3, kolonne B (Kommunenummer): «3014» – nummeret gjaldt bare til 31.12.2023; "
        "den 01.03.2024 var det 3118. Skriv 3118 for medlemskapet fra 01.03.2024.",
        "Arket «Medlemmer», rad 4, kolonne B (Kommunenummer): «3207» – nummeret gjaldt først fra 01.01.2024; "
        "før det var det 3020. Skriv det gamle nummeret for tiden før.",
        "Arket «Medlemmer», rad 5, kolonne B (Kommunenummer): «5061» – nummeret gjaldt ikke på noen av dagene "
        "i medlemskapet etter SSBs kommuneliste.",
    ]
    assert refused.value.errors[0].message("en") == (
        "Sheet “Medlemmer”, row 2, column B (Kommunenummer): “3014” – the number was in force only until "
        "31.12.2023; on 01.01.2024 it was 3118. Write 3118 for the membership from 01.01.2024."
    )
    assert dump(db) == before


def test_a_membership_its_number_was_in_force_for_part_of_is_saved_with_a_warning(db, tmp_path):
    members = [
        ["Indre Østfold regionråd", "3014", D(2023, 1, 1), D(2024, 6, 30)],
        ["Indre Østfold regionråd", "3118", D(2023, 1, 1), None],
        ["Follorådet", "3020", D(2022, 1, 1), None],
    ]
    sheets = {
        "Regioner": (["Region", "Fylkeskommune"], [["Indre Østfold regionråd", "Viken"], ["Follorådet", "Viken"]]),
        "Medlemmer": (["Region", "Kommunenummer", "Fra", "Til"], members),
    }
    summary = load_organisation(db, write_sheets(tmp_path / "org.xlsx", sheets), user=ADMIN)
    assert [warning.message("nb") for warning in summary.warnings] == [
        "Arket «Medlemmer», rad 2, kolonne B (Kommunenummer): «3014» – nummeret gjaldt ikke 30.06.2024; "
        "da var det 3118. Skriv det nye nummeret med «Fra» 30.06.2024.",
        "Arket «Medlemmer», rad 3, kolonne B (Kommunenummer): «3118» – "
        "nummeret gjaldt ikke 01.01.2023 etter SSBs kommuneliste.",
        "Arket «Medlemmer», rad 4, kolonne B (Kommunenummer): «3020» – nummeret gjaldt bare til 31.12.2023, "
        "men medlemskapet har ingen «Til». Skriv «Til» 31.12.2023, og 3207 med «Fra» 01.01.2024.",
    ]
    assert organisation_rows(db).members == [
        ("Follorådet", "3020", "Nordre Follo", D(2022, 1, 1), None),
        ("Indre Østfold regionråd", "3014", "Indre Østfold", D(2023, 1, 1), D(2024, 6, 30)),
        ("Indre Østfold regionråd", "3118", "Indre Østfold", D(2023, 1, 1), None),
    ]


def test_every_error_is_named_and_nothing_is_written(db, tmp_path):
    sheets = {
        "Fylkeskommuner": (
            ["Navn", "Nummer", "Gyldig fra", "Gyldig til", "Etterfølger av"],
            [
                ["Østfold fylkeskommune", "3", "1. januar", D(2023, 1, 1), "Østfold"],
                ["Østfold fylkeskommune", "31", D(2024, 1, 1), D(2023, 1, 1), "Vestfold"],
                [None, "32", None, None, None],
            ],
        ),
        "Enheter": (
            ["Fylkeskommune", "Enhet"],
            [["Telemark", "Samferdsel"], ["Østfold", "Næring"], ["Østfold", "næring"]],
        ),
        "Regioner": (
            ["Region", "Kortnavn", "Fylkeskommune", "Fra", "Tidligere navn"],
            [
                ["Follo", "F", "Viken", None, "Follorådet (til i fjor)"],
                ["Follo", None, "Østfold", None, None],
                ["Vestby", "F", "Viken", None, None],
            ],
        ),
        "Medlemmer": (
            ["Region", "Kommunenummer", "Kommune", "Fra", "Til"],
            [
                ["Hallingdal", "3320", None, None, None],
                ["Follo", "320", None, None, None],
                ["Follo", "9998", None, None, None],
                ["Follo", "3207", None, D(2024, 1, 1), D(2023, 1, 1)],
                ["Follo", "3207", None, D(2024, 1, 1), None],
            ],
        ),
        "Statusord": (
            ["Fylkeskommune", "Ord", "Status"],
            [["Østfold", "I arbeid", "Kanskje"], ["Østfold", None, "I rute"]],
        ),
    }
    before = dump(db)
    with pytest.raises(OrganisationRejected) as refused:
        load_organisation(db, write_sheets(tmp_path / "bad.xlsx", sheets), user=ADMIN)
    known = "Østfold fylkeskommune, Viken fylkeskommune"
    assert [error.message("nb") for error in refused.value.errors] == [
        "Arket «Fylkeskommuner», rad 2, kolonne B (Nummer): «3» – et fylkesnummer har to sifre, for eksempel 31.",
        "Arket «Fylkeskommuner», rad 2, kolonne C (Gyldig fra): «1. januar» – ukjent dato. "
        "Skriv datoen som 01.01.2024 eller 2024-01-01.",
        "Arket «Fylkeskommuner», rad 3, kolonne A (Navn): «Østfold fylkeskommune» – "
        "fylkeskommunen står her for andre gang.",
        "Arket «Fylkeskommuner», rad 3, kolonne D (Gyldig til): «01.01.2023» – sluttdatoen er før startdatoen.",
        "Arket «Fylkeskommuner», rad 4, kolonne A (Navn) – verdien mangler.",
        "Arket «Fylkeskommuner», rad 2, kolonne E (Etterfølger av): «Østfold» – "
        "en fylkeskommune kan ikke etterfølge seg selv.",
        f"Arket «Fylkeskommuner», rad 3, kolonne E (Etterfølger av): «Vestfold» – ukjent fylkeskommune. "
        f"Kjente fylkeskommuner: {known}.",
        f"Arket «Enheter», rad 2, kolonne A (Fylkeskommune): «Telemark» – ukjent fylkeskommune. "
        f"Kjente fylkeskommuner: {known}.",
        "Arket «Enheter», rad 4, kolonne B (Enhet): «næring» – enheten står allerede for Østfold fylkeskommune.",
        "Arket «Regioner», rad 2, kolonne E (Tidligere navn): «Follorådet (til i fjor)» – «Follorådet (til i fjor)» "
        "har ingen dato etter «til». Skriv for eksempel «Follorådet (til 31.12.2023)».",
        "Arket «Regioner», rad 3, kolonne D (Fra) – Follo har allerede en rad med denne «Fra»-datoen. "
        "Én rad per fylkeskommune regionen har hatt.",
        "Arket «Regioner», rad 4, kolonne B (Kortnavn): «F» – kortnavnet står allerede for Follo i arket.",
        "Arket «Medlemmer», rad 2, kolonne A (Region): «Hallingdal» – "
        "regionen står verken i arket «Regioner» eller i registeret.",
        "Arket «Medlemmer», rad 3, kolonne B (Kommunenummer): «320» – "
        "et kommunenummer har fire sifre, for eksempel 3118.",
        "Arket «Medlemmer», rad 4, kolonne B (Kommunenummer): «9998» – "
        "ukjent kommunenummer: SSBs kommuneliste har det ikke.",
        "Arket «Medlemmer», rad 5, kolonne E (Til): «01.01.2023» – sluttdatoen er før startdatoen.",
        "Arket «Medlemmer», rad 6, kolonne B (Kommunenummer): «3207» – kommunen står allerede som medlem av Follo.",
        "Arket «Statusord», rad 2, kolonne C (Status): «Kanskje» – ukjent status. "
        "Velg en av: «Ikke startet», «I rute», «Forsinket», «Fullført», «Utgår».",
        "Arket «Statusord», rad 3, kolonne B (Ord) – verdien mangler.",
    ]
    assert refused.value.message("nb") == "Organisasjonsfilen er ikke lagret; ingenting er endret. Antall feil: 19."
    assert dump(db) == before


def test_a_workbook_without_any_organisation_sheet_is_refused(db, tmp_path):
    path = write_sheets(
        tmp_path / "status.xlsx", {"Status": (["Region", "Nr", "Status"], [["Follo", "1.1", "I rute"]])}
    )
    with pytest.raises(NoOrganisationSheet) as refused:
        load_organisation(db, path, user=ADMIN)
    assert refused.value.message("nb") == (
        "Filen har ingen av arkene i organisasjonsfilen («Fylkeskommuner», «Enheter», «Regioner», «Medlemmer», "
        "«Statusord»), eller de mangler overskriftene sine."
    )


def test_only_an_administrator_changes_the_organisation(db, tmp_path):
    before = dump(db)
    with pytest.raises(NotAllowed) as refused:
        load_organisation(db, write_sheets(tmp_path / "org.xlsx", SHEETS), user=REPORTER, dry_run=True)
    assert (
        refused.value.message("nb")
        == "Bare administratorer kan endre organisasjonen; Ola Nordmann er ikke administrator."
    )
    assert dump(db) == before


def test_every_header_the_workbook_is_written_with_is_read():
    assert set(FIELDS) == set(COLUMNS)
    for kind, columns in COLUMNS.items():
        aliases, _ = FIELDS[kind]
        assert tuple(aliases) == columns
        for lang in ("nb", "en"):
            assert [t(f"outputs.organisation.col.{kind}.{column}", lang) in aliases[column] for column in columns] == [
                True
            ] * len(columns)


def test_the_command_line_previews_and_saves(db_path, run_cli, tmp_path):
    with connect(db_path) as db:
        add_user(db, "admin", "Admin", "administrator", password=None)
    path = write_sheets(tmp_path / "org.xlsx", {"Enheter": (["Fylkeskommune", "Enhet"], [["Viken", "Samferdsel"]])})
    # A dry run changes nothing, so it needs no account (as `agreement --dry-run`).
    dry = run_cli("organisation", str(path), "--dry-run", env={"DASHBOARD_USER": ""})
    viken = "− Enheter: Viken fylkeskommune · "
    assert (dry.returncode, dry.stderr) == (0, "")
    assert dry.stdout.splitlines() == [
        *(viken + unit for unit in VIKEN_UNITS),
        "+ Enheter: Viken fylkeskommune · Samferdsel",
        "Prøvekjøring, ingenting er lagret. Ved lagring legges rader til: 1, tas bort: 7.",
    ]
    unnamed = run_cli("organisation", str(path), env={"DASHBOARD_USER": ""})
    assert (unnamed.returncode, unnamed.stdout, unnamed.stderr.splitlines()) == (
        1,
        "",
        [
            "Oppgi hvilken bruker du laster som: --as BRUKERNAVN (eller sett DASHBOARD_USER). "
            "Opprett en bruker med «python -m loaders user add»."
        ],
    )
    saved = run_cli("organisation", str(path), "--as", "admin")
    assert saved.stdout.splitlines()[-1] == "Organisasjonen er lagret. Rader lagt til: 1, tatt bort: 7."
    with connect(db_path) as db:
        assert organisation_rows(db).units == [("Viken fylkeskommune", "Samferdsel")]


def test_stored_status_words_and_units_are_written_as_the_page_shows_them(db):
    with write_transaction(db):
        ostfold = ensure_county(db, "Østfold fylkeskommune", "31", D(2024, 1, 1))
        set_council_areas(db, ostfold, ["Samferdsel"])
        set_status_aliases(db, ostfold, {"I arbeid": "on_track"})
    workbook = openpyxl.load_workbook(io.BytesIO(organisation_workbook(organisation_rows(db))))
    assert [list(row) for row in workbook["Statusord"].iter_rows(min_row=4, values_only=True)] == [
        ["Fylkeskommune", "Ord", "Status"],
        ["Østfold fylkeskommune", "I arbeid", "I rute"],
    ]
    assert find_county(db, "31") == ostfold


def test_a_region_row_without_a_county_names_the_region(db, tmp_path):
    sheets = {
        "Regioner": (
            ["Region", "Fylkeskommune", "Fra"],
            [["Folloregionen IPR", "Viken", None], ["Folloregionen IPR", None, D(2024, 1, 1)], [None, None, None, "x"]],
        )
    }
    with pytest.raises(OrganisationRejected) as refused:
        load_organisation(db, write_sheets(tmp_path / "org.xlsx", sheets), user=ADMIN)
    assert [error.message("nb") for error in refused.value.errors] == [
        "Arket «Regioner», rad 3, kolonne B (Fylkeskommune) – fylkeskommunen mangler for Folloregionen IPR.",
        "Arket «Regioner», rad 4, kolonne A (Region) – verdien mangler.",
        "Arket «Regioner», rad 4, kolonne B (Fylkeskommune) – verdien mangler.",
    ]


def test_status_words_keep_the_county_s_spelling_and_are_matched_in_any_case(db, tmp_path):
    load_organisation(db, write_sheets(tmp_path / "org.xlsx", SHEETS), user=ADMIN)
    ostfold = find_county(db, "Østfold")
    assert status_words(db, ostfold) == [("Ferdig", "completed"), ("I arbeid", "on_track")]
    aliases = status_aliases(db, ostfold)
    assert aliases == {"ferdig": "completed", "i arbeid": "on_track"}
    assert [parse_status(word, aliases) for word in ("I arbeid", "i ARBEID", " ferdig ")] == [
        "on_track",
        "on_track",
        "completed",
    ]


REGION_HEADER, REGION_ROWS = SHEETS["Regioner"]


def with_contacts(contacts: dict[int, list], header: list | None = None) -> dict[str, tuple[list, list[list]]]:
    """The Regioner sheet of SHEETS with contact columns; ``contacts`` by row index (Folloregionen's
    Akershus row is 1, Indre Østfold's Østfold row 3, Kongsbergregionen's 4)."""
    header = header or ["Kontaktperson", "E-post", "Telefon"]
    rows = [[*row, *contacts.get(index, [None] * len(header))] for index, row in enumerate(REGION_ROWS)]
    return {"Regioner": ([*REGION_HEADER, *header], rows)}


def contacts(db):
    return [(row[0], *row[5:]) for row in organisation_rows(db).regions if row[5:] != NO_CONTACT]


def test_region_contacts_are_read_as_people_paste_them(db, tmp_path):
    sheets = with_contacts(
        {
            # From Outlook: the name and address in one cell, the name column left empty.
            1: [None, "Per Arne Dahl <Per.Arne.Dahl@Follo.EXAMPLE>", "+47 922 18 305"],
            # From a web page: a mailto link with no-break spaces around it.
            3: ["Eva Lunde", "\u00a0mailto:eva.lunde@indre-ostfold.example ", None],
            4: ["Sekretariatet", None, "32 08 04 00"],
        }
    )
    summary = load_organisation(db, write_sheets(tmp_path / "contacts.xlsx", {**SHEETS, **sheets}), user=ADMIN)
    assert (summary.saved, summary.warnings) == (True, [])
    # On the region's first row, as the workbook writes it back.
    assert contacts(db) == [
        ("Folloregionen IPR", "Per Arne Dahl", "Per.Arne.Dahl@follo.example", "+47 922 18 305"),
        ("Indre Østfold regionråd", "Eva Lunde", "eva.lunde@indre-ostfold.example", None),
        ("Kongsbergregionen", "Sekretariatet", None, "32 08 04 00"),
    ]


def test_a_file_without_the_contact_columns_leaves_the_contacts_alone(db, tmp_path):
    sheets = with_contacts({4: ["Marte Nygaard", "m@kb.example", "1"]})
    load_organisation(db, write_sheets(tmp_path / "contacts.xlsx", {**SHEETS, **sheets}), user=ADMIN)
    summary = load_organisation(db, write_sheets(tmp_path / "org.xlsx", SHEETS), user=ADMIN)
    assert (summary.changes, summary.saved) == ([], False)
    # Only the phone column: the name and address stay as stored, the phone is cleared.
    only_phone = with_contacts({4: [None]}, header=["Telefon"])
    summary = load_organisation(db, write_sheets(tmp_path / "phone.xlsx", only_phone), user=ADMIN)
    assert [(change.added, change.text("nb")) for change in summary.changes] == [
        (False, "Kongsbergregionen · Buskerud fylkeskommune · 01.01.2024 · Marte Nygaard · m@kb.example · 1"),
        (True, "Kongsbergregionen · Buskerud fylkeskommune · 01.01.2024 · Marte Nygaard · m@kb.example"),
    ]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_contacts_written_to_the_workbook_load_back_changing_nothing(db, tmp_path, lang):
    sheets = with_contacts({1: ["Per Arne Dahl", "per.arne.dahl@follo.example", "+47 922 18 305"]})
    load_organisation(db, write_sheets(tmp_path / "contacts.xlsx", {**SHEETS, **sheets}), user=ADMIN)
    written = tmp_path / "written.xlsx"
    written.write_bytes(organisation_workbook(organisation_rows(db), lang))
    before = dump(db)
    summary = load_organisation(db, written, user=ADMIN)
    assert (summary.changes, summary.warnings, summary.saved) == ([], [], False)
    assert dump(db) == before
    sheet = openpyxl.load_workbook(written)[{"nb": "Regioner", "en": "Regions"}[lang]]
    table = [list(row[5:]) for row in sheet.iter_rows(values_only=True) if row[0] == "Folloregionen IPR" or row[5]]
    assert table == [
        {"nb": ["Kontaktperson", "E-post", "Telefon"], "en": ["Contact", "E-mail", "Phone"]}[lang],
        ["Per Arne Dahl", "per.arne.dahl@follo.example", "+47 922 18 305"],
        [None, None, None],
    ]


def test_a_bad_contact_address_is_refused_naming_its_place_and_what_is_wrong(db, tmp_path):
    load_organisation(db, write_sheets(tmp_path / "org.xlsx", SHEETS), user=ADMIN)
    before = dump(db)
    sheets = with_contacts(
        {
            0: ["Per Arne Dahl", None, None],
            2: [None, "eva@indre-ostfold", None],
            3: [None, "a@iør.example; b@iør.example", None],
            4: ["Marte Nygaard", "marte.nygaard.kongsberg.example", None],
        }
    )
    # The same region's contact written on two of its rows, differently.
    sheets["Regioner"][1][1][-3] = "Per Dahl"
    with pytest.raises(OrganisationRejected) as refused:
        load_organisation(db, write_sheets(tmp_path / "bad.xlsx", sheets), user=ADMIN)
    assert [error.message("nb") for error in refused.value.errors] == [
        "Arket «Regioner», rad 3, kolonne F (Kontaktperson): «Per Dahl» – "
        "Folloregionen IPR har alt «Per Arne Dahl» her på en annen rad. Skriv kontakten på én rad.",
        "Arket «Regioner», rad 4, kolonne G (E-post): «eva@indre-ostfold» – "
        "ikke en gyldig e-postadresse: delen etter @ mangler punktum (som i navn@kommune.no).",
        "Arket «Regioner», rad 5, kolonne G (E-post): «a@iør.example; b@iør.example» – "
        "flere e-postadresser i én celle. Skriv én adresse for kontaktpersonen.",
        "Arket «Regioner», rad 6, kolonne G (E-post): «marte.nygaard.kongsberg.example» – "
        "ikke en gyldig e-postadresse: den mangler @.",
    ]
    assert refused.value.errors[-1].message("en") == (
        "Sheet “Regioner”, row 6, column G (E-post): “marte.nygaard.kongsberg.example” – "
        "not a valid e-mail address: it has no @."
    )
    assert dump(db) == before
