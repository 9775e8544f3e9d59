import datetime as dt

import openpyxl
import pytest

from core.db import revision
from core.errors import AlreadyRolledBack, NotRollbackable, RollbackConflict, UnknownUpload
from core.reports import Change, MissingCommitment, rollback
from loaders.errors import CellError, StatusFileRejected
from loaders.status import load_status
from tests.builders import ADMIN, build_small_register, dump, report_rows, write_workbook


def cell_error_fields(error: CellError) -> tuple:
    """Sheet, row, column, header, value and the problem in bokmål."""
    return (error.sheet, error.row, error.column, error.header, error.value, error.problem("nb"))


@pytest.fixture
def register(db):
    build_small_register(db)
    return db


def test_loads_a_file_with_title_rows_shuffled_columns_and_mixed_spellings(register, tmp_path):
    db = register
    path = tmp_path / "status.xlsx"
    header = ["Ansvarlig", "Status", "Nr", "Region", "Kvartal", "Fremdrift", "Kommentar", "Neste steg", "Notat"]
    write_workbook(
        path,
        [
            ["Kari", " i RUTE ", "1.1", "Indre Østfold regionråd", "2023-Q2", 45, "Godt i gang", "Møte i mai", "x"],
            ["Per", "Forsinket", "1.10", "iør", "2023-K2", "30 %", None, None, None],
            [None, None, None, None, None, None, None, None, None],
            ["", "fullført", "2.1.A", "IØR", "K2 2023", 100, "Ferdig\nmed rapport", "", ""],
            ["", "Not started", "1.1", "Follo", "2. kvartal 2023", None, "", "", ""],
            ["", "utgår", "1.2", "Follorådet", dt.date(2023, 5, 17), 0, "", "", ""],
        ],
        header=header,
        title_rows=[["Statusrapport 2. kv. 2023"], []],
    )

    result = load_status(db, path, user=ADMIN)

    assert report_rows(db) == [
        ("Follo", "1.1", "2023-Q2", "not_started", None, None, None, None),
        ("Follo", "1.2", "2023-Q2", "cancelled", 0, None, None, None),
        ("IØR", "1.1", "2023-Q2", "on_track", 45, "Godt i gang", "Møte i mai", "Kari"),
        ("IØR", "1.10", "2023-Q2", "delayed", 30, None, None, "Per"),
        ("IØR", "2.1.A", "2023-Q2", "completed", 100, "Ferdig\nmed rapport", None, None),
    ]
    assert (result.added, result.changed, result.unchanged) == (5, 0, 0)
    assert result.warnings == ["Kolonnen «Notat» i arket «Status» er ikke en del av malen og ble ikke lest."]
    assert result.summary == f"Lagret som opplasting {result.upload_id}: 5 lagt til, 0 endret, 0 uendret."
    upload = db.execute(
        "SELECT kind, file_name, uploaded_by, quarters, added, changed, unchanged, length(sha256) FROM "
        "uploads WHERE id = ?",
        (result.upload_id,),
    ).fetchone()
    assert upload == ("status", "status.xlsx", "Admin (admin)", "2023-Q2", 5, 0, 0, 64)


def test_english_headers(register, tmp_path):
    path = write_workbook(
        tmp_path / "en.xlsx",
        [["Follo", "1.1", "Q3 2023", "On track", 60, "Fine", "Next", "Ann"]],
        header=["Region", "Code", "Quarter", "Status", "Progress", "Comment", "Next steps", "Owner"],
    )
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [("Follo", "1.1", "2023-Q3", "on_track", 60, "Fine", "Next", "Ann")]


@pytest.mark.parametrize(
    "written",
    [
        "2023-Q2",
        "2023-K2",
        "K2 2023",
        "Q2 2023",
        "2. kvartal 2023",
        "2. kv. 2023",
        "2023-05-17",
        dt.datetime(2023, 6, 30),
    ],
)
def test_every_quarter_form_is_understood(register, tmp_path, written):
    path = write_workbook(tmp_path / "q.xlsx", [["Follo", "1.1", written, "I rute", 10, "", "", ""]])
    load_status(register, path, user=ADMIN)
    assert [row[2] for row in report_rows(register)] == ["2023-Q2"]


def test_percent_formatted_progress_means_percent(register, tmp_path):
    path = write_workbook(tmp_path / "p.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 0.45, "", "", ""]])
    workbook = openpyxl.load_workbook(path)
    workbook["Status"]["E2"].number_format = "0 %"
    workbook.save(path)
    load_status(register, path, user=ADMIN)
    assert [row[4] for row in report_rows(register)] == [45]


def test_quarter_for_the_whole_file_from_the_option(register, tmp_path):
    path = write_workbook(
        tmp_path / "noq.xlsx", [["Follo", "1.1", "I rute", 20]], header=["Region", "Nr", "Status", "Fremdrift"]
    )
    load_status(register, path, quarter="1. kv. 2024", user=ADMIN)
    assert report_rows(register) == [("Follo", "1.1", "2024-Q1", "on_track", 20, None, None, None)]


def test_file_without_quarter_and_no_option_is_refused(register, tmp_path):
    path = write_workbook(tmp_path / "noq.xlsx", [["Follo", "1.1", "I rute"]], header=["Region", "Nr", "Status"])
    with pytest.raises(StatusFileRejected) as caught:
        load_status(register, path, user=ADMIN)
    assert [cell_error_fields(error) for error in caught.value.errors] == [
        (
            "Status",
            1,
            None,
            None,
            None,
            "filen har ingen kolonne «Kvartal», og det er ikke oppgitt noe kvartal for hele filen.",
        )
    ]


def test_quarter_in_file_must_match_the_option(register, tmp_path):
    path = write_workbook(tmp_path / "q.xlsx", [["Follo", "1.1", "2023-Q1", "I rute", 1, "", "", ""]])
    with pytest.raises(StatusFileRejected) as caught:
        load_status(register, path, quarter="2023-Q2", user=ADMIN)
    assert [str(error) for error in caught.value.errors] == [
        "Arket «Status», rad 2 (tiltak 1.1), kolonne C (Kvartal): «2023-Q1» – kvartalet i filen stemmer ikke med "
        "valgt kvartal 2. kv. 2023."
    ]


def test_every_error_is_reported_at_once_and_nothing_is_written(register, tmp_path):
    db = register
    before = dump(db)
    path = write_workbook(
        tmp_path / "bad.xlsx",
        [
            ["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""],
            ["Oslo", "1.1", "2023-Q2", "I rute", 45, "", "", ""],
            ["Follo", "9.9", "2023-Q2", "I rute", 45, "", "", ""],
            ["Follo", "1.2", "2023-Q7", "Kanskje", 150, "", "", ""],
            ["Follo", "", "2023-Q2", "", "mye", "", "", ""],
            ["Follo", "1.1", "2023-Q2", "Forsinket", 50, "", "", ""],
        ],
    )
    with pytest.raises(StatusFileRejected) as caught:
        load_status(db, path, user=ADMIN)
    assert [str(error) for error in caught.value.errors] == [
        "Arket «Status», rad 3 (tiltak 1.1), kolonne A (Region): «Oslo» – ukjent region. Skriv regionens navn eller "
        "kortnavn slik det står i registeret.",
        "Arket «Status», rad 4, kolonne B (Nr): «9.9» – Follorådet har ikke noe tiltak med dette nummeret.",
        "Arket «Status», rad 5 (tiltak 1.2), kolonne C (Kvartal): «2023-Q7» – ukjent kvartal. Skriv for eksempel "
        "2024-Q2 eller «2. kv. 2024».",
        "Arket «Status», rad 5 (tiltak 1.2), kolonne D (Status): «Kanskje» – ukjent status. Velg en av: Ikke "
        "startet, I rute, Forsinket, Fullført, Utgår.",
        "Arket «Status», rad 5 (tiltak 1.2), kolonne E (Fremdrift (%)): «150» – fremdrift må være et helt tall "
        "fra 0 til 100, for eksempel 45 (uten %-tegn).",
        "Arket «Status», rad 6, kolonne B (Nr) – tiltaksnummeret mangler.",
        "Arket «Status», rad 6, kolonne D (Status) – status mangler. Velg en av: Ikke startet, I rute, "
        "Forsinket, Fullført, Utgår.",
        "Arket «Status», rad 6, kolonne E (Fremdrift (%)): «mye» – fremdrift må være et helt tall fra 0 til 100, "
        "for eksempel 45 (uten %-tegn).",
        "Arket «Status», rad 7, kolonne B (Nr): «1.1» – tiltaket er rapportert to ganger for 2. kv. 2023 (også rad 2).",
    ]
    assert str(caught.value).startswith("Filen ble ikke lagret: 9 feil. Første: Arket «Status», rad 3")
    assert dump(db) == before


def test_the_errors_read_in_english_place_words_quarters_and_statuses_included(register, tmp_path):
    path = write_workbook(
        tmp_path / "bad.xlsx",
        [
            ["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""],
            ["Follo", "1.2", "2023-Q7", "Kanskje", 150, "", "", ""],
            ["Follo", "", "2023-Q2", "", "", "", "", ""],
            ["Follo", "1.1", "2023-Q2", "Forsinket", 50, "", "", ""],
        ],
    )
    with pytest.raises(StatusFileRejected) as caught:
        load_status(register, path, user=ADMIN)
    assert [error.message("en") for error in caught.value.errors] == [
        "Sheet “Status”, row 3 (commitment 1.2), column C (Kvartal): “2023-Q7” – unknown quarter. "
        "Write for example 2024-Q2 or “Q2 2024”.",
        "Sheet “Status”, row 3 (commitment 1.2), column D (Status): “Kanskje” – unknown status. Choose one of: "
        "Not started, On track, Delayed, Completed, Cancelled.",
        "Sheet “Status”, row 3 (commitment 1.2), column E (Fremdrift (%)): “150” – progress must be a whole number "
        "from 0 to 100, for example 45 (without a % sign).",
        "Sheet “Status”, row 4, column B (Nr) – the commitment number is missing.",
        "Sheet “Status”, row 4, column D (Status) – the status is missing. Choose one of: Not started, On track, "
        "Delayed, Completed, Cancelled.",
        "Sheet “Status”, row 5, column B (Nr): “1.1” – the commitment is reported twice for Q2 2023 (also row 2).",
    ]
    assert [error.problem("en") for error in caught.value.errors][:1] == [
        "unknown quarter. Write for example 2024-Q2 or “Q2 2024”."
    ]
    assert caught.value.message("en") == (
        "The file was not saved: 6 errors. The first: Sheet “Status”, row 3 (commitment 1.2), column C (Kvartal): "
        "“2023-Q7” – unknown quarter. Write for example 2024-Q2 or “Q2 2024”."
    )


def test_a_quarter_mismatch_and_a_warning_read_in_english(register, tmp_path):
    path = write_workbook(tmp_path / "q.xlsx", [["Follo", "1.1", "2023-Q1", "I rute", 1, "", "", ""]])
    with pytest.raises(StatusFileRejected) as caught:
        load_status(register, path, quarter="2023-Q2", user=ADMIN)
    assert [error.message("en") for error in caught.value.errors] == [
        "Sheet “Status”, row 2 (commitment 1.1), column C (Kvartal): “2023-Q1” – the quarter in the file does not "
        "match the chosen quarter, Q2 2023."
    ]
    path = write_workbook(
        tmp_path / "w.xlsx",
        [["Follo", "1.1", "2023-Q2", "I rute", 1, "x"]],
        header=["Region", "Nr", "Kvartal", "Status", "Fremdrift", "Notat"],
    )
    result = load_status(register, path, user=ADMIN, dry_run=True)
    assert [warning.message("en") for warning in result.warnings] == [
        "The column “Notat” in the sheet “Status” is not part of the template and was not read."
    ]


def test_missing_header_is_named(register, tmp_path):
    path = write_workbook(tmp_path / "h.xlsx", [["Follo", "1.1"]], header=["Område", "Nummer"])
    with pytest.raises(StatusFileRejected) as caught:
        load_status(register, path, user=ADMIN)
    assert str(caught.value.errors[0]) == (
        "Arket «Status» – fant ingen overskriftsrad med kolonnene «Region», «Nr», «Status» blant de 10 første radene."
    )


def test_numeric_code_is_accepted_only_where_the_register_leaves_no_doubt(register, tmp_path):
    # Follorådet has 1.1 and 1.2 only; Indre Østfold has both 1.1 and 1.10.
    path = write_workbook(
        tmp_path / "n.xlsx",
        [
            ["Follo", 1.1, "2023-Q2", "I rute", 1, "", "", ""],
            ["IØR", 1.2, "2023-Q2", "I rute", 2, "", "", ""],
            ["IØR", 1.1, "2023-Q2", "I rute", 3, "", "", ""],
        ],
        text_codes=False,
    )
    with pytest.raises(StatusFileRejected) as caught:
        load_status(register, path, user=ADMIN)
    assert [str(error) for error in caught.value.errors] == [
        "Arket «Status», rad 4, kolonne B (Nr): «1.1» – nummeret er lagret som tall, og Excel skiller ikke "
        "1.1 og 1.10. Formater kolonnen som tekst og skriv nummeret på nytt."
    ]
    write_workbook(
        tmp_path / "n2.xlsx",
        [["Follo", 1.1, "2023-Q2", "I rute", 1, "", "", ""], ["IØR", 1.2, "2023-Q2", "I rute", 2, "", "", ""]],
        text_codes=False,
    )
    load_status(register, tmp_path / "n2.xlsx", user=ADMIN)
    assert [row[:2] for row in report_rows(register)] == [("Follo", "1.1"), ("IØR", "1.2")]


def test_code_turned_into_a_date_by_excel_is_explained(register, tmp_path):
    path = write_workbook(
        tmp_path / "d.xlsx", [["IØR", dt.datetime(2023, 10, 1), "2023-Q2", "I rute", 1, "", "", ""]], text_codes=False
    )
    with pytest.raises(StatusFileRejected) as caught:
        load_status(register, path, user=ADMIN)
    assert [str(error) for error in caught.value.errors] == [
        "Arket «Status», rad 2, kolonne B (Nr): «01.10.2023» – Excel har gjort nummeret om til en dato. "
        "Formater kolonnen som tekst og skriv nummeret på nytt."
    ]


def test_text_is_stripped_and_normalised(register, tmp_path):
    decomposed = "Follora\u030adet"  # as a Mac keyboard sends "Follorådet"
    path = write_workbook(
        tmp_path / "t.xlsx",
        [[f"\u00a0{decomposed} ", "\u00a01.1 ", "2023-Q2", "I\u00a0rute", 5, " Sa\u0308rlig bra\u00a0", "", "  Ola  "]],
    )
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [("Follo", "1.1", "2023-Q2", "on_track", 5, "S\u00e4rlig bra", None, "Ola")]


def test_loading_the_same_file_twice_changes_nothing(register, tmp_path):
    db = register
    path = write_workbook(tmp_path / "s.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""]])
    first = load_status(db, path, user=ADMIN)
    before, version = dump(db), revision()

    second = load_status(db, path, user=ADMIN)

    assert (second.upload_id, second.added, second.changed, second.unchanged) == (None, 0, 0, 1)
    assert second.already_loaded_as == first.upload_id
    assert second.summary == "Ingenting å endre: 0 lagt til, 0 endret, 1 uendret."
    assert dump(db) == before
    assert revision() == version


def test_corrected_file_replaces_reports_keeps_history_and_rolls_back(register, tmp_path):
    db = register
    first = load_status(
        db,
        write_workbook(
            tmp_path / "a.xlsx",
            [
                ["Follo", "1.1", "2023-Q2", "I rute", 45, "Første", "", "Kari"],
                ["Follo", "1.2", "2023-Q2", "I rute", 10, "", "", ""],
            ],
        ),
        user=ADMIN,
    )
    corrected = load_status(
        db,
        write_workbook(
            tmp_path / "b.xlsx",
            [
                ["Follo", "1.1", "2023-Q2", "Forsinket", 40, "Rettet", "", "Kari"],
                ["Follo", "1.2", "2023-Q2", "I rute", 10, "", "", ""],
                ["IØR", "1.1", "2023-Q2", "I rute", 5, "", "", ""],
            ],
        ),
        user=ADMIN,
    )
    assert (corrected.added, corrected.changed, corrected.unchanged) == (1, 1, 1)
    ids = dict(
        db.execute(
            "SELECT r.name || ' ' || c.code, c.id FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
            "JOIN regions r ON r.id = a.region_id"
        ).fetchall()
    )
    assert [c for c in corrected.changes if c.kind != "unchanged"] == [
        Change(
            "changed",
            "Follorådet",
            "1.1",
            "2023-Q2",
            ("on_track", 45, "Første", None, "Kari"),
            ("delayed", 40, "Rettet", None, "Kari"),
            2,
            ids["Follorådet 1.1"],
        ),
        Change(
            "added",
            "Indre Østfold regionråd",
            "1.1",
            "2023-Q2",
            None,
            ("on_track", 5, None, None, None),
            4,
            ids["Indre Østfold regionråd 1.1"],
        ),
    ]
    history = db.execute(
        "SELECT quarter, status, progress, comment, upload_id, replaced_by_upload_id FROM status_history "
        "WHERE replaced_by_upload_id = ? ORDER BY id",
        (corrected.upload_id,),
    ).fetchall()
    assert history == [("2023-Q2", "on_track", 45, "Første", first.upload_id, corrected.upload_id)]

    with pytest.raises(RollbackConflict) as caught:
        rollback(db, first.upload_id, user=ADMIN)
    assert str(caught.value) == (
        f"Opplasting {first.upload_id} kan ikke tilbakestilles fordi senere opplastinger ({corrected.upload_id}) "
        "har endret de samme rapportene. Tilbakestill dem først."
    )

    result = rollback(db, corrected.upload_id, user=ADMIN)
    assert (result.restored, result.removed) == (1, 1)
    assert report_rows(db) == [
        ("Follo", "1.1", "2023-Q2", "on_track", 45, "Første", None, "Kari"),
        ("Follo", "1.2", "2023-Q2", "on_track", 10, None, None, None),
    ]
    assert db.execute("SELECT upload_id FROM status_reports ORDER BY id").fetchall() == [(first.upload_id,)] * 2
    with pytest.raises(AlreadyRolledBack):
        rollback(db, corrected.upload_id, user=ADMIN)

    rollback(db, first.upload_id, user=ADMIN)
    assert report_rows(db) == []
    assert db.execute("SELECT rolled_back_by FROM uploads ORDER BY id").fetchall() == [
        ("Admin (admin)",),
        ("Admin (admin)",),
    ]


def test_rollback_of_unknown_or_register_uploads_is_refused(register):
    with pytest.raises(UnknownUpload):
        rollback(register, 999, user=ADMIN)
    register.execute(
        "INSERT INTO uploads (id, kind, file_name, sha256, uploaded_by, uploaded_at) "
        "VALUES (50, 'agreement', 'a.txt', 'x', 'u', 'now')"
    )
    with pytest.raises(NotRollbackable):
        rollback(register, 50, user=ADMIN)


def test_dry_run_reports_the_plan_and_missing_commitments_without_writing(register, tmp_path):
    db = register
    before = dump(db)
    path = write_workbook(tmp_path / "s.xlsx", [["IØR", "1.2", "2023-Q2", "I rute", 45, "", "", ""]])
    result = load_status(db, path, dry_run=True, user=ADMIN)
    assert (result.upload_id, result.added, result.dry_run) == (None, 1, True)
    assert result.summary == "Prøvekjøring – ingenting er lagret: 1 lagt til, 0 endret, 0 uendret."
    assert result.missing == [
        MissingCommitment("Indre Østfold regionråd", "1.1", "Samarbeidsprosjekter for elever som faller ut", "2023-Q2"),
        MissingCommitment("Indre Østfold regionråd", "1.10", "Regional yrkesmesse", "2023-Q2"),
        MissingCommitment("Indre Østfold regionråd", "2.1", "Identifisere muligheter", "2023-Q2"),
        MissingCommitment("Indre Østfold regionråd", "2.1.A", "Målrette felles innsats", "2023-Q2"),
    ]
    assert dump(db) == before


def test_sheet_named_status_is_preferred_and_blank_rows_skipped(register, tmp_path):
    path = tmp_path / "two.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Veiledning"
    workbook.active.append(["Fyll ut arket Status"])
    sheet = workbook.create_sheet("status ")
    sheet.append(["Region", "Nr", "Kvartal", "Status"])
    sheet.append([])
    sheet.append(["Follo", "1.2", "2023-Q2", "I rute"])
    workbook.save(path)
    load_status(register, path, user=ADMIN)
    assert report_rows(register) == [("Follo", "1.2", "2023-Q2", "on_track", None, None, None, None)]


def test_sheet_with_a_header_but_no_rows_is_refused(register, tmp_path):
    path = write_workbook(tmp_path / "e.xlsx", [])
    with pytest.raises(StatusFileRejected) as caught:
        load_status(register, path, user=ADMIN)
    assert str(caught.value.errors[0]) == "Arket «Status» – arket har ingen rader med status under overskriftsraden."


def test_rollback_is_allowed_again_once_the_later_upload_is_rolled_back(register, tmp_path):
    db = register
    first = load_status(
        db, write_workbook(tmp_path / "a.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 10, "", "", ""]]), user=ADMIN
    )
    later = load_status(
        db, write_workbook(tmp_path / "b.xlsx", [["Follo", "1.1", "2023-Q2", "Forsinket", 5, "", "", ""]]), user=ADMIN
    )
    with pytest.raises(RollbackConflict):
        rollback(db, first.upload_id, user=ADMIN)
    rollback(db, later.upload_id, user=ADMIN)
    assert report_rows(db) == [("Follo", "1.1", "2023-Q2", "on_track", 10, None, None, None)]
    rollback(db, first.upload_id, user=ADMIN)
    assert report_rows(db) == []


def test_reports_of_other_quarters_are_untouched_by_a_load(register, tmp_path):
    db = register
    load_status(
        db, write_workbook(tmp_path / "a.xlsx", [["Follo", "1.1", "2023-Q1", "I rute", 10, "", "", ""]]), user=ADMIN
    )
    load_status(
        db, write_workbook(tmp_path / "b.xlsx", [["Follo", "1.1", "2023-Q2", "Forsinket", 5, "", "", ""]]), user=ADMIN
    )
    assert report_rows(db) == [
        ("Follo", "1.1", "2023-Q1", "on_track", 10, None, None, None),
        ("Follo", "1.1", "2023-Q2", "delayed", 5, None, None, None),
    ]


def test_the_templates_reference_columns_are_ignored_without_warning(register, tmp_path):
    path = write_workbook(
        tmp_path / "t.xlsx",
        [["Follo", "1.1", "Trafikksikkerhet", "Mobilitet", "2023-Q2", "I rute", "I rute", 3]],
        header=[
            "Region",
            "Nr",
            "Tiltak",
            "Innsatsområde",
            "Kvartal",
            "Status",
            "Forrige status (kun til info)",
            "Notat",
        ],
    )
    result = load_status(register, path, user=ADMIN)
    assert result.warnings == ["Kolonnen «Notat» i arket «Status» er ikke en del av malen og ble ikke lest."]
