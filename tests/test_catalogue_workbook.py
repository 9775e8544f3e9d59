"""An agreement as a catalogue workbook (outputs/catalogue.py) and back through loaders/catalogue.py;
the catalogue's Frist, Midler, Avtaletittel and Innsatsområdets bærekraftsmål columns."""

import contextlib
import datetime as dt
import io

import openpyxl
import pytest

from core.db import connect, write_transaction
from core.register import (
    Agreement,
    Commitment,
    FocusArea,
    ensure_region,
    save_agreement,
    stored_agreement,
)
from loaders.agreement_fields import parse_amount, parse_deadline
from loaders.catalogue import CatalogueSummary, load_catalogue, read_catalogue
from loaders.errors import CatalogueRejected
from outputs.catalogue import catalogue_workbook
from tests.builders import ADMIN, IOR
from tests.test_catalogue import catalogue_error_fields, workbook

AGREEMENT = Agreement(
    period="2024-2025",
    title="Partnerskapsavtale spesiell del 2024-2025",
    focus_areas=[
        FocusArea("1", "Utdanning og kompetanse", "#kompetanseløft", [4]),
        FocusArea("2", "Næringsutvikling", "#arbeidsplassvekst", [8, 9]),
        FocusArea("3", "Klima og miljø", None, []),
    ],
    commitments=[
        Commitment("1.1", "Fagbrev på jobb", "1", "Utdanning og kompetanse", deadline="2024-12-31", amount=500_000),
        # Own goals beyond the focus area's, and fewer than them: neither may leak into the focus area.
        Commitment("1.2", "Karriereveiledning for voksne", "1", sdgs=[4, 10], deadline="løpende"),
        Commitment("2.1", "Næringsforum", "2", "Næring og tannhelse", sdgs=[9], amount=75_000),
        Commitment("2.1.A", "Felles innsats for lokalmat", "2", deadline="2025"),
        Commitment("2.2", "=SUM(A1) står i teksten", "2", "Næring og tannhelse"),
        Commitment("3.1", "Klimaregnskap", "3", "Plan, klima og miljø", sdgs=[13], amount=1_500_000),
    ],
)


def saved(db) -> Agreement:
    with write_transaction(db):
        save_agreement(db, ensure_region(db, IOR, "IØR"), AGREEMENT)
    return stored_agreement(db, IOR, "2024-2025")


def written(tmp_path, agreements: dict[str, Agreement], lang: str = "nb"):
    path = tmp_path / f"avtale-{lang}.xlsx"
    path.write_bytes(catalogue_workbook(agreements, lang))
    return path


def test_the_workbook_reads_back_as_the_same_agreement_and_loads_without_changes(db, tmp_path):
    before = saved(db)
    assert before == AGREEMENT
    path = written(tmp_path, {IOR: before})

    assert read_catalogue(db, path) == {IOR: AGREEMENT}
    assert load_catalogue(db, path, user=ADMIN) == CatalogueSummary(
        upload_id=1, regions=[IOR], new_regions=[], added=0, changed=0, unchanged=6
    )
    assert stored_agreement(db, IOR, "2024-2025") == before


def test_the_workbook_alone_carries_the_agreement_into_an_empty_register(tmp_path, db):
    path = written(tmp_path, {IOR: saved(db)}, lang="en")
    with contextlib.closing(connect(tmp_path / "other.db")) as other:
        assert read_catalogue(other, path) == {IOR: AGREEMENT}
        load_catalogue(other, path, user=ADMIN)
        assert stored_agreement(other, IOR, "2024-2025") == AGREEMENT


def test_the_sheet_as_people_see_it(db):
    sheet = openpyxl.load_workbook(io.BytesIO(catalogue_workbook({IOR: saved(db)}))).active
    assert sheet.title == "Tiltak"
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["Tiltakskatalog", *[None] * 11],
        [
            "Indre Østfold regionråd 2024-2025. Rett i arket og last det opp igjen på siden Avtaler, "
            "én region om gangen; tiltak som mangler i arket, utgår der (historikken deres beholdes).",
            *[None] * 11,
        ],
        [None] * 12,
        [
            "Region",
            "Periode",
            "Avtaletittel",
            "Innsatsområde",
            "Emneknagg",
            "Innsatsområdets bærekraftsmål",
            "Nr",
            "Tiltak",
            "Rådsområde",
            "Bærekraftsmål",
            "Frist",
            "Midler (kr)",
        ],
        [
            IOR,
            "2024-2025",
            "Partnerskapsavtale spesiell del 2024-2025",
            "1 - Utdanning og kompetanse",
            "#kompetanseløft",
            "4",
            "1.1",
            "Fagbrev på jobb",
            "Utdanning og kompetanse",
            "4",
            dt.datetime(2024, 12, 31),
            500_000,
        ],
        [
            IOR,
            "2024-2025",
            "Partnerskapsavtale spesiell del 2024-2025",
            "1 - Utdanning og kompetanse",
            "#kompetanseløft",
            "4",
            "1.2",
            "Karriereveiledning for voksne",
            None,
            "4, 10",
            "løpende",
            None,
        ],
        [
            IOR,
            "2024-2025",
            "Partnerskapsavtale spesiell del 2024-2025",
            "2 - Næringsutvikling",
            "#arbeidsplassvekst",
            "8, 9",
            "2.1",
            "Næringsforum",
            "Næring og tannhelse",
            "9",
            None,
            75_000,
        ],
        [
            IOR,
            "2024-2025",
            "Partnerskapsavtale spesiell del 2024-2025",
            "2 - Næringsutvikling",
            "#arbeidsplassvekst",
            "8, 9",
            "2.1.A",
            "Felles innsats for lokalmat",
            None,
            "8, 9",
            "2025",
            None,
        ],
        [
            IOR,
            "2024-2025",
            "Partnerskapsavtale spesiell del 2024-2025",
            "2 - Næringsutvikling",
            "#arbeidsplassvekst",
            "8, 9",
            "2.2",
            "=SUM(A1) står i teksten",
            "Næring og tannhelse",
            "8, 9",
            None,
            None,
        ],
        [
            IOR,
            "2024-2025",
            "Partnerskapsavtale spesiell del 2024-2025",
            "3 - Klima og miljø",
            None,
            None,
            "3.1",
            "Klimaregnskap",
            "Plan, klima og miljø",
            "13",
            None,
            1_500_000,
        ],
    ]
    assert (sheet["K5"].number_format, sheet["H9"].data_type) == ("dd.mm.yyyy", "s")


def test_frist_and_midler_as_people_type_them(db, tmp_path):
    path = workbook(
        tmp_path,
        [
            ["Region", "Nr", "Tiltak", "Frist", "Budsjett", "Avtaletittel"],
            ["Follorådet", "1.1", "A", "31.12.2024", "kr 500 000,-", "Avtale for Follo"],
            ["Follorådet", "1.2", "B", dt.datetime(2025, 6, 30), 250000, None],
            ["Follorådet", "1.3", "C", "løpende", "1,5 mill. kr"],
            ["Follorådet", "1.4", "D", 2026, None],
        ],
    )
    assert read_catalogue(db, path) == {
        "Follorådet": Agreement(
            period="løpende",
            title="Avtale for Follo",
            commitments=[
                Commitment("1.1", "A", deadline="2024-12-31", amount=500_000),
                Commitment("1.2", "B", deadline="2025-06-30", amount=250_000),
                Commitment("1.3", "C", deadline="løpende", amount=1_500_000),
                Commitment("1.4", "D", deadline="2026"),
            ],
        )
    }


def test_unreadable_frist_midler_and_disagreeing_rows_are_named(db, tmp_path):
    path = workbook(
        tmp_path,
        [
            ["Region", "Nr", "Tiltak", "Innsatsområde", "Innsatsområdets bærekraftsmål", "Frist", "Midler (kr)"],
            ["Follorådet", "1.1", "A", "1 - Klima", "13", "31.02.2024", "mye"],
            ["Follorådet", "1.2", "B", "1 - Klima", "11, 13", None, 12.5],
            ["Follorådet", "2.1", "C", None, "9", None, -100],
            ["Follorådet", "2.2", "D", None, None, None, None],
        ],
    )
    with pytest.raises(CatalogueRejected) as error:
        read_catalogue(db, path)
    assert [catalogue_error_fields(found) for found in error.value.errors] == [
        (
            "Tiltak",
            2,
            "Frist",
            "31.02.2024",
            "«31.02.2024» er skrevet som en dato, men den dagen finnes ikke; skriv for eksempel 31.12.2024",
        ),
        ("Tiltak", 2, "Midler (kr)", "mye", "«mye» er ikke et beløp i hele kroner; skriv for eksempel 500 000"),
        ("Tiltak", 3, "Midler (kr)", "12.5", "«12.5» er ikke et beløp i hele kroner; skriv for eksempel 500 000"),
        (
            "Tiltak",
            3,
            "Innsatsområdets bærekraftsmål",
            "11, 13",
            "innsatsområde 1 har bærekraftsmålene 13 på rad 2",
        ),
        (
            "Tiltak",
            4,
            "Innsatsområdets bærekraftsmål",
            "9",
            "innsatsområdets bærekraftsmål hører til et innsatsområde, men raden har ikke innsatsområde",
        ),
        ("Tiltak", 4, "Midler (kr)", "-100", "«-100» er ikke et beløp i hele kroner; skriv for eksempel 500 000"),
    ]


def test_two_agreement_titles_for_one_region_are_refused(db, tmp_path):
    path = workbook(
        tmp_path,
        [
            ["Region", "Nr", "Tiltak", "Avtaletittel"],
            ["Follorådet", "1.1", "A", "Avtale for Follo"],
            ["Follorådet", "1.2", "B", "Avtale for Follo 2"],
        ],
    )
    with pytest.raises(CatalogueRejected) as error:
        read_catalogue(db, path)
    assert [catalogue_error_fields(found) for found in error.value.errors] == [
        (
            "Tiltak",
            3,
            "Avtaletittel",
            "Avtale for Follo 2",
            "Follorådet har avtaletittelen «Avtale for Follo» på rad 2; en avtale har bare én tittel",
        )
    ]


@pytest.mark.parametrize(
    ("written_as", "deadline"),
    [
        (dt.date(2024, 12, 31), "2024-12-31"),
        (dt.datetime(2024, 12, 31, 0, 0), "2024-12-31"),
        ("31.12.2024", "2024-12-31"),
        ("1. 6. 2024", "2024-06-01"),
        ("2024-6-1", "2024-06-01"),
        (2024.0, "2024"),
        (" løpende ", "løpende"),
        ("innen utgangen av 2025", "innen utgangen av 2025"),
        ("31.02.2024", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_deadline(written_as, deadline):
    assert parse_deadline(written_as) == deadline


@pytest.mark.parametrize(
    ("written_as", "amount"),
    [
        (500_000, 500_000),
        (500_000.0, 500_000),
        ("500 000", 500_000),
        ("500\u00a0000 kr", 500_000),
        ("500.000", 500_000),
        ("kr 500 000,-", 500_000),
        ("NOK 1 000", 1_000),
        ("12,00", 12),
        ("1,5 mill. kr", 1_500_000),
        ("2 millioner kroner", 2_000_000),
        ("12,50", None),
        (12.5, None),
        (-1, None),
        ("-5", None),
        ("mye", None),
        (True, None),
        ("", None),
        (None, None),
    ],
)
def test_parse_amount(written_as, amount):
    assert parse_amount(written_as) == amount


def test_a_row_naming_a_retired_focus_area_brings_it_back_with_its_title(db, tmp_path):
    saved(db)
    with write_transaction(db):
        only_first = Agreement(
            period="2024-2025", focus_areas=AGREEMENT.focus_areas[:1], commitments=AGREEMENT.commitments[:2]
        )
        save_agreement(db, ensure_region(db, IOR), only_first)
    path = workbook(tmp_path, [["Region", "Nr", "Tiltak", "Innsatsområde"], ["IØR", "3.2", "Klimatilpasning", "3"]])
    assert read_catalogue(db, path)[IOR] == Agreement(
        period="2024-2025",
        focus_areas=[AGREEMENT.focus_areas[0], FocusArea("3", "Klima og miljø", None, [])],
        commitments=[Commitment("3.2", "Klimatilpasning", "3")],
    )
