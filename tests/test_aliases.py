"""A county's own status words: read where statuses are read, for that county's agreements only."""

import datetime as dt

import openpyxl
import pytest

from core.db import write_transaction
from core.organisation import ensure_county, find_county, set_status_aliases, status_aliases
from core.register import Agreement, Commitment, FirstReport, ensure_region, save_agreement
from core.vocabulary import parse_status
from loaders.agreement import preview_agreement
from loaders.agreement_layout import parse_lines
from loaders.agreement_sources import Line
from loaders.errors import StatusFileRejected
from loaders.status import load_status
from tests.builders import ADMIN, report_rows, write_workbook

OSTFOLD_ALIASES = {"I arbeid": "on_track", "Stanset": "cancelled"}


def test_parse_status_reads_an_alias_and_keeps_the_built_in_words():
    aliases = {"i arbeid": "on_track", "forsinket": "completed"}
    assert parse_status(" i ARBEID ", aliases) == "on_track"
    # A county's word cannot change what a word of the text table means.
    assert parse_status("Forsinket", aliases) == "delayed"
    assert parse_status("Delayed", aliases) == "delayed"
    assert parse_status("I arbeid") is None
    assert parse_status("Kanskje", aliases) is None


@pytest.fixture
def counties(db):
    """Follorådet under Viken (agreement 2022-2023) and Indre Østfold under Østfold (2024-2027),
    Østfold with its own words "I arbeid" and "Stanset"."""
    with write_transaction(db):
        viken = find_county(db, "Viken")
        ostfold = ensure_county(db, "Østfold fylkeskommune", "31", dt.date(2024, 1, 1))
        follo = ensure_region(db, "Follorådet", "Follo", county_id=viken.id)
        ior = ensure_region(db, "Indre Østfold regionråd", "IØR", county_id=ostfold.id)
        save_agreement(db, follo, Agreement("2022-2023", commitments=[Commitment("1.1", "Innfartsparkering")]))
        save_agreement(
            db,
            ior,
            Agreement("2024-2027", commitments=[Commitment("1.1", "Lærlinger"), Commitment("1.2", "Ladepunkter")]),
        )
        set_status_aliases(db, ostfold, OSTFOLD_ALIASES)
    assert status_aliases(db, ostfold) == {"i arbeid": "on_track", "stanset": "cancelled"}
    return db


def test_a_status_file_reads_the_county_s_own_words(counties, tmp_path):
    path = write_workbook(
        tmp_path / "status.xlsx",
        [
            ["IØR", "1.1", "2024-Q1", "I arbeid", 40, "", "", ""],
            ["IØR", "1.2", "2024-Q1", "stanset", None, "", "", ""],
            ["IØR", "1.1", "2024-Q2", "I rute", 50, "", "", ""],
        ],
    )
    load_status(counties, path, user=ADMIN)
    assert report_rows(counties) == [
        ("IØR", "1.1", "2024-Q1", "on_track", 40, None, None, None),
        ("IØR", "1.1", "2024-Q2", "on_track", 50, None, None, None),
        ("IØR", "1.2", "2024-Q1", "cancelled", None, None, None, None),
    ]


def test_another_county_s_word_is_refused_as_before(counties, tmp_path):
    path = write_workbook(
        tmp_path / "status.xlsx",
        [
            ["IØR", "1.1", "2024-Q1", "I arbeid", 40, "", "", ""],
            ["Follo", "1.1", "2023-Q4", "I arbeid", 40, "", "", ""],
            ["IØR", "1.2", "2024-Q1", "I arbeid", 40, "", "", ""],
            ["IØR", "1.1", "2024-Q2", "Kanskje", 40, "", "", ""],
        ],
    )
    with pytest.raises(StatusFileRejected) as caught:
        load_status(counties, path, user=ADMIN)
    assert [str(error) for error in caught.value.errors] == [
        "Arket «Status», rad 3 (tiltak 1.1), kolonne D (Status): «I arbeid» – ukjent status. Velg en av: Ikke "
        "startet, I rute, Forsinket, Fullført, Utgår.",
        "Arket «Status», rad 5 (tiltak 1.1), kolonne D (Status): «Kanskje» – ukjent status. Velg en av: Ikke "
        "startet, I rute, Forsinket, Fullført, Utgår.",
    ]


def status_row(number: int, code: str, status: str) -> Line:
    return Line(
        f"{code} Tiltak {code}", number, page=1, cells={"code": code, "text": f"Tiltak {code}", "status": status}
    )


def test_an_agreement_s_status_column_reads_the_county_s_words_without_a_warning():
    lines = [
        Line("Handlingsplan 2024-2025", 1, page=1),
        Line("Innsatsområde 1: Utdanning", 2, page=1),
        status_row(3, "1.1", "I arbeid"),
        status_row(4, "1.2", "Stanset"),
    ]
    own = parse_lines(lines, status_aliases={"i arbeid": "on_track", "stanset": "cancelled"})
    assert own.reports == {"1.1": FirstReport("on_track"), "1.2": FirstReport("cancelled")}
    assert own.warnings == []
    assumed = parse_lines(lines)
    assert assumed.reports == {"1.1": FirstReport("on_track")}
    assert [warning.key for warning in assumed.warnings] == ["status_assumed", "status"]


def action_plan(path, status: str, period: str = "2024-2027"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([f"Handlingsplan {period}"])
    sheet.append(["Nr", "Tiltak", "Status"])
    sheet.append(["Innsatsområde 1 – Utdanning"])
    sheet.append(["1.1", "Lærlinger", status])
    workbook.save(path)
    return path


def test_an_agreement_preview_uses_the_words_of_the_region_s_county(counties, tmp_path):
    preview = preview_agreement(counties, action_plan(tmp_path / "plan.xlsx", "Stanset"), "IØR")
    assert preview.reports == {"1.1": FirstReport("cancelled")}
    assert preview.warnings == []
    # Follo is Viken's, whose agreements ended with 2023.
    other = preview_agreement(counties, action_plan(tmp_path / "follo.xlsx", "Stanset", "2022-2023"), "Follo")
    assert other.reports == {}
    assert [warning.key for warning in other.warnings] == ["status"]
