import datetime as dt

import openpyxl
import pytest

from core.db import write_transaction
from core.register import Agreement, Commitment, FocusArea, ensure_region, save_agreement
from loaders.catalogue import CatalogueSummary, load_catalogue, read_catalogue
from loaders.errors import CatalogueHeaderMissing, CatalogueRejected, CellError, EmptyCatalogue, HeaderNotFound
from tests.builders import ADMIN

NB_HEADER = ["Region", "Nr", "Tiltak", "Innsatsområde", "Emneknagg", "Rådsområde", "Bærekraftsmål"]
EN_HEADER = ["region", "Code", "Commitment", "Focus area", "Hashtag", "Council area", "SDGs"]


def catalogue_error_fields(error: CellError) -> tuple:
    """Sheet, row, header, value and the problem in bokmål."""
    return (error.sheet, error.row, error.header, error.value, error.problem("nb"))


def workbook(tmp_path, rows, sheet="Tiltak", name="katalog.xlsx"):
    book = openpyxl.Workbook()
    book.active.title = "Forside"
    book.active.append(["Ikke denne"])
    target = book.create_sheet(sheet)
    for row in rows:
        target.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def table_counts(db) -> dict[str, int]:
    return {table: db[table].count for table in db.table_names()}


def stored(db) -> list[tuple]:
    return db.execute(
        """
        SELECT r.name, a.period, c.code, c.text, f.number, ca.name, c.active,
               (SELECT group_concat(sdg) FROM commitment_sdgs WHERE commitment_id = c.id)
        FROM commitments c
        JOIN agreements a ON a.id = c.agreement_id
        JOIN regions r ON r.id = a.region_id
        LEFT JOIN focus_areas f ON f.id = c.focus_area_id
        LEFT JOIN council_areas ca ON ca.id = c.council_area_id
        ORDER BY r.name, a.period, c.code
        """
    ).fetchall()


def stored_focus_areas(db) -> list[tuple]:
    return db.execute(
        """
        SELECT r.name, a.period, f.number, f.title, f.hashtag,
               (SELECT group_concat(sdg) FROM (SELECT sdg FROM focus_area_sdgs WHERE focus_area_id = f.id ORDER BY sdg))
        FROM focus_areas f
        JOIN agreements a ON a.id = f.agreement_id
        JOIN regions r ON r.id = a.region_id
        ORDER BY r.name, a.period, f.position
        """
    ).fetchall()


def test_norwegian_headers_below_title_rows(db, tmp_path):
    path = workbook(
        tmp_path,
        [
            ["Tiltak i partnerskapsavtalene"],
            [],
            NB_HEADER,
            [
                "Follorådet",
                "1.1",
                "Felles fagskole",
                "1 - Utdanning",
                "#kompetanseløft",
                "utdanning og kompetanse",
                "4; 8",
            ],
            ["Follorådet", "1.2", "Yrkesmesse", "Utdanning", None, None, "4, 8"],
            [],
            ["Follorådet", "2.1", "Næringsforum", "2 - Næring", "arbeidsplassvekst", "Næring og tannhelse", None],
        ],
    )
    assert read_catalogue(db, path) == {
        "Follorådet": Agreement(
            period="løpende",
            focus_areas=[
                FocusArea("1", "Utdanning", "#kompetanseløft", [4, 8]),
                FocusArea("2", "Næring", "#arbeidsplassvekst", []),
            ],
            commitments=[
                Commitment("1.1", "Felles fagskole", "1", "Utdanning og kompetanse"),
                Commitment("1.2", "Yrkesmesse", "1"),
                Commitment("2.1", "Næringsforum", "2", "Næring og tannhelse"),
            ],
        )
    }


def test_english_headers_on_the_first_sheet(db, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Commitments"
    book.active.append([*EN_HEADER, "Period"])
    book.active.append(
        ["Vestviken 360", "3.1", "Road safety", "3 - Mobility", None, "Samferdsel", "SDG 9, SDG 11", "2022–2023"]
    )
    path = tmp_path / "catalogue.xlsx"
    book.save(path)
    assert read_catalogue(db, path) == {
        "Vestviken 360": Agreement(
            period="2022-2023",
            focus_areas=[FocusArea("3", "Mobility", None, [9, 11])],
            commitments=[Commitment("3.1", "Road safety", "3", "Samferdsel")],
        )
    }


@pytest.mark.parametrize("goals", ["9; 11", "9, 11", "SDG 9, SDG 11", "11;9"])
def test_goal_spellings(db, tmp_path, goals):
    path = workbook(tmp_path, [NB_HEADER, ["Follorådet", "1.1", "Tiltak", "1 - Næring", None, None, goals]])
    assert read_catalogue(db, path)["Follorådet"].focus_areas == [FocusArea("1", "Næring", None, [9, 11])]


def test_a_single_goal_as_a_number_cell(db, tmp_path):
    path = workbook(tmp_path, [NB_HEADER, ["Follorådet", "1.1", "Tiltak", "1 - Næring", None, None, 9]])
    assert read_catalogue(db, path)["Follorådet"].focus_areas == [FocusArea("1", "Næring", None, [9])]


def test_rows_that_disagree_on_goals_keep_their_own(db, tmp_path):
    path = workbook(
        tmp_path,
        [
            NB_HEADER,
            ["Follorådet", "1.1", "A", "1 - Næring", None, None, "9"],
            ["Follorådet", "1.2", "B", "1 - Næring", None, None, "8; 9"],
            ["Follorådet", "1.3", "C", "1 - Næring", None, None, None],
            ["Follorådet", "9.1", "D", None, None, None, "13"],
        ],
    )
    assert read_catalogue(db, path)["Follorådet"] == Agreement(
        period="løpende",
        focus_areas=[FocusArea("1", "Næring", None, [8, 9])],
        commitments=[
            Commitment("1.1", "A", "1", sdgs=[9]),
            Commitment("1.2", "B", "1", sdgs=[8, 9]),
            Commitment("1.3", "C", "1"),
            Commitment("9.1", "D", None, sdgs=[13]),
        ],
    )


def test_number_codes(db, tmp_path):
    path = workbook(
        tmp_path,
        [
            NB_HEADER,
            ["Follorådet", 1.1, "A"],
            ["Follorådet", 1.2, "B"],
            ["Follorådet", 3, "C"],
            ["Askerrådet", 1.10, "D"],
        ],
    )
    assert {name: [c.code for c in agreement.commitments] for name, agreement in read_catalogue(db, path).items()} == {
        "Follorådet": ["1.1", "1.2", "3"],
        "Askerrådet": ["1.1"],
    }


def test_regions_match_ignoring_case_unicode_form_and_short_name(db, tmp_path):
    with write_transaction(db):
        ensure_region(db, "Follorådet")
        ensure_region(db, "Indre Østfold regionråd", short_name="IØR")
    path = workbook(
        tmp_path,
        [
            NB_HEADER,
            ["Follora\u030adet", "1.1", "A"],
            ["FOLLORÅDET", "1.2", "B"],
            ["iør", "1.1", "C"],
            ["Indre Østfold regionråd", "1.2", "D"],
            ["Ny region", "1.1", "E"],
        ],
    )
    assert {name: [c.code for c in agreement.commitments] for name, agreement in read_catalogue(db, path).items()} == {
        "Follorådet": ["1.1", "1.2"],
        "Indre Østfold regionråd": ["1.1", "1.2"],
        "Ny region": ["1.1"],
    }


def test_all_errors_at_once_and_nothing_written(db, tmp_path):
    with write_transaction(db):
        ensure_region(db, "Follorådet")
    path = workbook(
        tmp_path,
        [
            ["Tiltak"],
            [*NB_HEADER, "Periode"],
            ["Follorådet", "1.1", "A", "1 - Næring", None, "Kultur", "9; 18"],
            ["Follorådet", None, "B", None, "#vekst", None, None],
            [None, "1.3", None],
            ["Follorådet", "1.1", "C", "1 - Næringsliv", None, None, None, "2024"],
            ["Follorådet", 1.2, "D", None, None, None, None, "2025"],
            ["Follorådet", "1.20", "E"],
            ["Follorådet", dt.datetime(2024, 1, 2), "F"],
            ["Askerrådet", "4.1", "G", "4"],
        ],
    )
    before = table_counts(db)
    with pytest.raises(CatalogueRejected) as error:
        load_catalogue(db, path, user=ADMIN)
    assert table_counts(db) == before

    allowed = (
        "«Kultur og mangfold», «Plan, klima og miljø», «Samferdsel», «Næring og tannhelse», "
        "«Utdanning og kompetanse», «Finans og administrasjon», «Fylkesrådsleders kontor»"
    )
    assert [catalogue_error_fields(found) for found in error.value.errors] == [
        ("Tiltak", 3, "Rådsområde", "Kultur", f"«Kultur» er ikke et rådsområde; bruk ett av {allowed}"),
        (
            "Tiltak",
            3,
            "Bærekraftsmål",
            "9; 18",
            "«9; 18» er ikke bærekraftsmål; skriv tall fra 1 til 17, for eksempel «9; 11»",
        ),
        ("Tiltak", 4, "Nr", "", "mangler nummer"),
        (
            "Tiltak",
            4,
            "Emneknagg",
            "#vekst",
            "en emneknagg hører til et innsatsområde, men raden har ikke innsatsområde",
        ),
        ("Tiltak", 5, "Region", "", "mangler region"),
        ("Tiltak", 5, "Tiltak", "", "mangler tiltakstekst"),
        ("Tiltak", 6, "Nr", "1.1", "nummeret 1.1 står allerede på rad 3 for Follorådet"),
        ("Tiltak", 6, "Innsatsområde", "Næringsliv", "innsatsområde 1 heter «Næring» på rad 3"),
        (
            "Tiltak",
            7,
            "Nr",
            "1.2",
            "Excel har lagret nummeret som tallet 1.2, som ikke kan skilles fra 1.20 på rad 8; "
            "skriv numrene som tekst (med ' foran)",
        ),
        (
            "Tiltak",
            7,
            "Periode",
            "2025",
            "Follorådet har perioden «2024» på rad 6; en fil kan ha bare én periode per region",
        ),
        (
            "Tiltak",
            9,
            "Nr",
            "02.01.2024",
            "Excel har gjort nummeret om til en dato; skriv det som tekst (med ' foran)",
        ),
        (
            "Tiltak",
            10,
            "Innsatsområde",
            "4",
            "innsatsområde 4 finnes ikke fra før og trenger en tittel, for eksempel «4 - Tittel»",
        ),
    ]
    assert str(error.value) == (
        "Filen har 12 feil i arket «Tiltak»: "
        f"rad 3, Rådsområde: «Kultur» er ikke et rådsområde; bruk ett av {allowed}; "
        "rad 3, Bærekraftsmål: «9; 18» er ikke bærekraftsmål; skriv tall fra 1 til 17, for eksempel «9; 11»; "
        "rad 4, Nr: mangler nummer; og 9 til."
    )


def test_a_rejected_catalogue_reads_in_english(db, tmp_path):
    path = workbook(
        tmp_path,
        [
            NB_HEADER,
            ["Follorådet", "1.1", "A", "1 - Næring", None, "Kultur", None],
            ["Follorådet", "1.1", "B", "1 - Næring", None, None, "18"],
            ["", "1.3", "C"],
            ["Follorådet", "1.4", ""],
        ],
    )
    with pytest.raises(CatalogueRejected) as error:
        load_catalogue(db, path, user=ADMIN)
    allowed = (
        "“Kultur og mangfold”, “Plan, klima og miljø”, “Samferdsel”, “Næring og tannhelse”, "
        "“Utdanning og kompetanse”, “Finans og administrasjon”, “Fylkesrådsleders kontor”"
    )
    assert [found.message("en") for found in error.value.errors] == [
        "Sheet “Tiltak”, row 2, column F (Rådsområde): “Kultur” – “Kultur” is not a council area; "
        f"use one of {allowed}",
        "Sheet “Tiltak”, row 3, column G (Bærekraftsmål): “18” – “18” are not sustainable development goals; "
        "write numbers from 1 to 17, for example “9; 11”",
        "Sheet “Tiltak”, row 3, column B (Nr): “1.1” – the number 1.1 is already on row 2 for Follorådet",
        "Sheet “Tiltak”, row 4, column A (Region) – the region is missing",
        "Sheet “Tiltak”, row 5, column C (Tiltak) – the commitment text is missing",
    ]
    assert error.value.message("en") == (
        "Errors in the sheet “Tiltak”: 5. "
        f"row 2, Rådsområde: “Kultur” is not a council area; use one of {allowed}; "
        "row 3, Bærekraftsmål: “18” are not sustainable development goals; write numbers from 1 to 17, "
        "for example “9; 11”; row 3, Nr: the number 1.1 is already on row 2 for Follorådet; and 2 more."
    )


def test_missing_header(db, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Tiltak"
    book.active.append(["Region", "Tiltak"])
    book.active.append(["Follorådet", "A"])
    book.save(path := tmp_path / "katalog.xlsx")
    with pytest.raises(CatalogueHeaderMissing) as error:
        read_catalogue(db, path)
    assert str(error.value) == (
        "Fant ikke overskriftene i arket «Tiltak» blant de 10 første radene. "
        "Arket må ha kolonnene Region, Nr og Tiltak (eller Region, Code og Commitment)."
    )


def test_missing_header_in_every_visible_sheet_names_the_sheets_tried(db, tmp_path):
    path = workbook(tmp_path, [["Region", "Tiltak"], ["Follorådet", "A"]])
    with pytest.raises(HeaderNotFound) as error:
        read_catalogue(db, path)
    assert str(error.value) == (
        "Fant ingen overskriftsrad med kolonnene «Region», «Nr», «Tiltak» blant de 10 første radene i arkene "
        "«Forside» og «Tiltak». Legg overskriftene øverst i arket med dataene, og last opp på nytt."
    )


def test_no_rows(db, tmp_path):
    path = workbook(tmp_path, [NB_HEADER, [], [None, " "]])
    with pytest.raises(EmptyCatalogue) as error:
        read_catalogue(db, path)
    assert str(error.value) == "Arket «Tiltak» har ingen tiltak under overskriftsraden."


def test_load_into_latest_agreement_keeps_what_the_file_leaves_blank(db, tmp_path):
    with write_transaction(db):
        region = ensure_region(db, "Indre Østfold regionråd", short_name="IØR")
        for period in ("2020-2021", "2022-2023"):
            save_agreement(
                db,
                region,
                Agreement(
                    period=period,
                    focus_areas=[
                        FocusArea("1", "Utdanning", "#kompetanseløft", [4]),
                        FocusArea("2", "Næring", "#arbeidsplassvekst", [9]),
                    ],
                    commitments=[
                        Commitment("1.1", "Fagskole", "1"),
                        Commitment("2.1", "Næringsforum", "2"),
                        Commitment("2.2", "Etablerertjeneste", "2"),
                    ],
                ),
            )
    path = workbook(
        tmp_path,
        [
            ["Region", "Nr", "Tiltak", "Innsatsområde", "Rådsområde"],
            ["IØR", "2.1", "Næringsforum", None, "Næring og tannhelse"],
            ["IØR", "2.3", "Lokalmat", "2", "Næring og tannhelse"],
            ["Follorådet", "1.1", "Ny", "1 - Klima", "Plan, klima og miljø"],
        ],
    )
    summary = load_catalogue(db, path, user=ADMIN)
    assert summary == CatalogueSummary(
        upload_id=1,
        regions=["Indre Østfold regionråd", "Follorådet"],
        new_regions=["Follorådet"],
        added=2,
        changed=1,
        unchanged=0,
    )
    assert summary.summary == (
        "Lagret som opplasting 1: 2 lagt til, 1 endret, 0 uendret tiltak for Indre Østfold regionråd, Follorådet. "
        "Nye regioner: Follorådet."
    )
    ior = "Indre Østfold regionråd"
    assert stored(db) == [
        ("Follorådet", "løpende", "1.1", "Ny", "1", "Plan, klima og miljø", 1, None),
        (ior, "2020-2021", "1.1", "Fagskole", "1", None, 1, None),
        (ior, "2020-2021", "2.1", "Næringsforum", "2", None, 1, None),
        (ior, "2020-2021", "2.2", "Etablerertjeneste", "2", None, 1, None),
        (ior, "2022-2023", "1.1", "Fagskole", "1", None, 1, None),
        (ior, "2022-2023", "2.1", "Næringsforum", "2", "Næring og tannhelse", 1, None),
        (ior, "2022-2023", "2.2", "Etablerertjeneste", "2", None, 1, None),
        (ior, "2022-2023", "2.3", "Lokalmat", "2", "Næring og tannhelse", 1, None),
    ]
    assert stored_focus_areas(db) == [
        ("Follorådet", "løpende", "1", "Klima", None, None),
        (ior, "2020-2021", "1", "Utdanning", "#kompetanseløft", "4"),
        (ior, "2020-2021", "2", "Næring", "#arbeidsplassvekst", "9"),
        (ior, "2022-2023", "1", "Utdanning", "#kompetanseløft", "4"),
        (ior, "2022-2023", "2", "Næring", "#arbeidsplassvekst", "9"),
    ]
    assert db.execute("SELECT kind, file_name, uploaded_by, added, changed, unchanged FROM uploads").fetchall() == [
        ("catalogue", "katalog.xlsx", "Admin (admin)", 2, 1, 0)
    ]


def test_period_column_picks_or_creates_the_agreement(db, tmp_path):
    path = workbook(
        tmp_path,
        [
            [*NB_HEADER, "Periode"],
            ["Follorådet", "1.1", "A", "1 - Klima", None, None, "13", "2024 – 2025"],
            ["Follorådet", "1.2", "B"],
        ],
    )
    load_catalogue(db, path, user=ADMIN)
    again = load_catalogue(db, path, user=ADMIN)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 2)
    assert db.execute("SELECT period, start_year, end_year FROM agreements").fetchall() == [("2024-2025", 2024, 2025)]
    assert stored_focus_areas(db) == [("Follorådet", "2024-2025", "1", "Klima", None, "13")]


def test_a_cell_showing_a_formula_error_is_named_once(db, tmp_path):
    path = workbook(
        tmp_path,
        [NB_HEADER, ["Follorådet", "1.1", "#N/A", "1 - Næring"], ["Follorådet", "1.2", "B", "1 - Næring"]],
    )
    before = table_counts(db)
    with pytest.raises(CatalogueRejected) as error:
        load_catalogue(db, path, user=ADMIN)
    assert table_counts(db) == before
    assert [str(problem) for problem in error.value.errors] == [
        "Arket «Tiltak», rad 2, kolonne C (Tiltak): «#N/A» – cellen viser en feil fra en formel. "
        "Rett formelen eller skriv inn verdien, og last opp på nytt."
    ]
