"""Roles enforced where the writing happens: status, rollback, agreements, the register, the reading setting."""

import pytest

from core.access import holds, reading_open, set_reading_open
from core.errors import NotAllowed
from core.reports import Report, rollback, save_reports
from core.users import User
from loaders.agreement import load_agreement
from loaders.catalogue import load_catalogue
from loaders.errors import StatusFileRejected
from loaders.status import load_status
from tests.builders import ADMIN, build_small_register, dump, report_rows, write_workbook

VIEWER = User(1, "lise", "Lise Leser", None, "leser")
FOLLO_REPORTER = User(2, "ola", "Ola Nordmann", None, "rapportor", regions=("Follorådet",))
EDUCATION_REPORTER = User(3, "eva", "Eva Skole", None, "rapportor", council_areas=("Utdanning og kompetanse",))
FOLLO_ROW = ["Follo", "1.1", "2023-Q2", "I rute", 45, "", "", ""]
IOR_ROWS = [
    ["IØR", "1.1", "2023-Q2", "Forsinket", 20, "", "", ""],  # Utdanning og kompetanse
    ["IØR", "2.1", "2023-Q2", "I rute", 10, "", "", ""],  # Næring og tannhelse
]


@pytest.fixture
def register(db):
    build_small_register(db)
    return db


def test_a_viewer_cannot_load_status_not_even_as_a_dry_run(register, tmp_path):
    path = write_workbook(tmp_path / "s.xlsx", [FOLLO_ROW])
    before = dump(register)
    for dry_run in (True, False):
        with pytest.raises(NotAllowed) as refused:
            load_status(register, path, user=VIEWER, dry_run=dry_run)
        assert str(refused.value) == (
            "Lise Leser har lesetilgang og kan ikke laste opp status. Spør en administrator om tilgang."
        )
    with pytest.raises(NotAllowed):
        save_reports(
            register,
            [Report(1, "2023-Q2", "on_track", 5)],
            kind="status",
            file_name="x.xlsx",
            sha256="0" * 64,
            user=VIEWER,
        )
    assert dump(register) == before


def test_a_reporter_for_follo_is_refused_a_file_with_rows_for_another_region_and_nothing_is_written(register, tmp_path):
    path = write_workbook(tmp_path / "s.xlsx", [FOLLO_ROW, *IOR_ROWS])
    before = dump(register)
    for dry_run in (True, False):
        with pytest.raises(StatusFileRejected) as rejected:
            load_status(register, path, user=FOLLO_REPORTER, dry_run=dry_run)
        assert [str(error) for error in rejected.value.errors] == [
            "Arket «Status», rad 3 (tiltak 1.1), kolonne A (Region): «IØR» – du rapporterer bare for Follorådet, "
            "ikke for Indre Østfold regionråd (tiltaket følges opp av Utdanning og kompetanse).",
            "Arket «Status», rad 4 (tiltak 2.1), kolonne A (Region): «IØR» – du rapporterer bare for Follorådet, "
            "ikke for Indre Østfold regionråd (tiltaket følges opp av Næring og tannhelse).",
        ]
    assert dump(register) == before


def test_scope_errors_come_in_row_order_with_the_file_s_other_errors(register, tmp_path):
    path = write_workbook(tmp_path / "s.xlsx", [IOR_ROWS[0], ["Follo", "1.1", "2023-Q2", "Kanskje", 5, "", "", ""]])
    with pytest.raises(StatusFileRejected) as rejected:
        load_status(register, path, user=FOLLO_REPORTER)
    assert [(error.row, error.column) for error in rejected.value.errors] == [(2, "A"), (3, "D")]


def test_a_reporter_saves_rows_for_the_regions_they_hold(register, tmp_path):
    result = load_status(register, write_workbook(tmp_path / "s.xlsx", [FOLLO_ROW]), user=FOLLO_REPORTER)
    assert result.upload_id == 1
    assert register.execute("SELECT uploaded_by FROM uploads").fetchall() == [("Ola Nordmann (ola)",)]


def test_a_council_area_reporter_holds_that_area_s_commitments_in_every_region(register, tmp_path):
    allowed = write_workbook(tmp_path / "ok.xlsx", [IOR_ROWS[0]])
    assert load_status(register, allowed, user=EDUCATION_REPORTER).added == 1
    refused = write_workbook(tmp_path / "no.xlsx", [IOR_ROWS[1]])
    with pytest.raises(StatusFileRejected) as rejected:
        load_status(register, refused, user=EDUCATION_REPORTER)
    assert [error.problem("nb") for error in rejected.value.errors] == [
        "du rapporterer bare for Utdanning og kompetanse, ikke for Indre Østfold regionråd "
        "(tiltaket følges opp av Næring og tannhelse)."
    ]


def test_a_scope_error_reads_in_english(register, tmp_path):
    path = write_workbook(tmp_path / "s.xlsx", [FOLLO_ROW, IOR_ROWS[1]])
    with pytest.raises(StatusFileRejected) as rejected:
        load_status(register, path, user=FOLLO_REPORTER)
    assert [error.message("en") for error in rejected.value.errors] == [
        "Sheet “Status”, row 3 (commitment 2.1), column A (Region): “IØR” – you report only for Follorådet, "
        "not for Indre Østfold regionråd (the commitment is followed up by Næring og tannhelse)."
    ]


def test_saving_already_checked_reports_checks_the_scope_too(register):
    ior_commitment = register.execute("SELECT id FROM commitments WHERE code = '2.1'").fetchone()[0]
    before = dump(register)
    with pytest.raises(NotAllowed) as refused:
        save_reports(
            register,
            [Report(ior_commitment, "2023-Q2", "on_track", 5)],
            kind="status",
            file_name="x.xlsx",
            sha256="0" * 64,
            user=FOLLO_REPORTER,
        )
    assert str(refused.value) == "Ola Nordmann rapporterer bare for Follorådet; ingenting er lagret."
    assert dump(register) == before


def test_only_an_administrator_rolls_back(register, tmp_path):
    upload = load_status(register, write_workbook(tmp_path / "s.xlsx", [FOLLO_ROW]), user=FOLLO_REPORTER)
    for user in (VIEWER, FOLLO_REPORTER):
        with pytest.raises(NotAllowed) as refused:
            rollback(register, upload.upload_id, user=user)
        assert str(refused.value) == (
            f"Bare administratorer kan tilbakestille opplastinger; {user.name} er ikke administrator."
        )
    assert len(report_rows(register)) == 1
    assert rollback(register, upload.upload_id, user=ADMIN).removed == 1
    assert report_rows(register) == []
    assert register.execute("SELECT rolled_back_by FROM uploads").fetchall() == [("Admin (admin)",)]


def test_agreements_and_the_register_are_for_administrators(register, tmp_path):
    text = tmp_path / "avtale.txt"
    text.write_text("Partnerskapsavtale 2024-2025\n1. Mobilitet\n1.1 – Et tiltak\n", encoding="utf-8")
    before = dump(register)
    with pytest.raises(NotAllowed):
        load_agreement(register, text, region="Follo", user=FOLLO_REPORTER)
    with pytest.raises(NotAllowed):
        load_catalogue(register, tmp_path / "katalog.xlsx", user=FOLLO_REPORTER)
    assert dump(register) == before


def test_reading_without_sign_in_is_off_until_an_administrator_turns_it_on(register):
    assert not reading_open(register)
    with pytest.raises(NotAllowed):
        set_reading_open(register, True, user=FOLLO_REPORTER)
    assert not reading_open(register)
    set_reading_open(register, True, user=ADMIN)
    assert reading_open(register)
    set_reading_open(register, False, user=ADMIN)
    assert not reading_open(register)


def test_who_holds_what():
    assert holds(ADMIN, "Hvor som helst", None)
    assert not holds(VIEWER, "Follorådet", None)
    assert holds(FOLLO_REPORTER, "Follorådet", "Samferdsel")
    assert not holds(FOLLO_REPORTER, "Indre Østfold regionråd", "Samferdsel")
    assert holds(EDUCATION_REPORTER, "Follorådet", "Utdanning og kompetanse")
