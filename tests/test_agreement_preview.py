"""An agreement previewed before it is saved: what the parse understood, what it would change against
the stored agreement, the administrator's council areas, and the command line's --dry-run."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from core.errors import MonitorError, NotAllowed
from core.register import Agreement, Commitment, FirstReport, FocusArea, stored_agreement
from core.users import add_user, get_user
from loaders.agreement import AgreementPreview, LoadSummary, furniture_warnings, preview_agreement, save_preview
from loaders.agreement_sources import Furniture
from loaders.errors import (
    AgreementFormatError,
    CatalogueRejected,
    CouncilAreaNotListed,
    MissingRegion,
    QuarterOutsidePeriod,
    UnreadableAgreement,
)
from outputs.catalogue import catalogue_workbook
from tests.builders import ADMIN
from tests.test_agreement_sources import paged_pdf
from tests.test_catalogue import catalogue_error_fields, workbook

REGION = "Mosseregionen"
FIRST = """\
Partnerskapsavtale spesiell del 2025-2026
Avtalen gjelder samarbeidet mellom fylket og regionen.
1 - Utdanning og kompetanse #kompetanseløft
1.1 - Flere lærlingplasser i kommunene
1.2 - Felles karrieresenter for voksne
 4 – god utdanning
2 - Samferdsel #lavereklimautslipp
2.1 - Trygg skolevei i alle kommunene
2.2 - Innfartsparkering ved stasjonene
"""
# 1.2 is dropped, 2.2 reworded and 2.3 added.
SECOND = (
    FIRST.replace("1.2 - Felles karrieresenter for voksne\n", "")
    .replace("ved stasjonene", "ved Moss stasjon")
    .replace("2.2 - Innfartsparkering ved Moss stasjon\n", "2.2 - Innfartsparkering ved Moss stasjon\n2.3 - Bysykler\n")
)
PARSED = Agreement(
    period="2025-2026",
    title="Partnerskapsavtale spesiell del 2025-2026",
    focus_areas=[
        FocusArea("1", "Utdanning og kompetanse", "#kompetanseløft", [4]),
        FocusArea("2", "Samferdsel", "#lavereklimautslipp", []),
    ],
    commitments=[
        Commitment("1.1", "Flere lærlingplasser i kommunene", focus_area="1"),
        Commitment("1.2", "Felles karrieresenter for voksne", focus_area="1"),
        Commitment("2.1", "Trygg skolevei i alle kommunene", focus_area="2"),
        Commitment("2.2", "Innfartsparkering ved stasjonene", focus_area="2"),
    ],
)


@pytest.fixture
def agreement_file(tmp_path):
    path = tmp_path / "avtale-moss.txt"
    path.write_text(FIRST, encoding="utf-8")
    return path


def counts(db) -> tuple[int, int, int]:
    return db.execute(
        "SELECT (SELECT count(*) FROM uploads), (SELECT count(*) FROM agreements), (SELECT count(*) FROM commitments)"
    ).fetchone()


def test_a_preview_of_a_new_agreement_saves_nothing(db, agreement_file):
    before = counts(db)
    preview = preview_agreement(db, agreement_file, f"  {REGION} ")
    assert preview == AgreementPreview(
        region=REGION,
        period="2025-2026",
        file_name="avtale-moss.txt",
        sha256=preview.sha256,
        agreement=PARSED,
        warnings=[],
        reports={},
        changes=None,
        dated=None,
        report_quarter=None,
        new_region=True,
    )
    assert len(preview.sha256) == 64
    assert (preview.is_new, preview.same_as_stored) == (True, False)
    assert counts(db) == before


def test_saving_a_preview_applies_the_council_areas_chosen(db, agreement_file):
    preview = preview_agreement(db, agreement_file, REGION, file_name="Avtale Moss.txt")
    summary = save_preview(
        db, preview, user=ADMIN, council_areas={"1.1": "utdanning og kompetanse", "2.1": "Samferdsel", "2.2": None}
    )
    assert summary == LoadSummary(
        upload_id=1, region=REGION, period="2025-2026", added=4, changed=0, unchanged=0, retired=0
    )
    assert summary.message() == (
        "Avtale 2025-2026 for Mosseregionen: 4 lagt til, 0 endret, 0 uendret, 0 utgått (opplasting 1)."
    )
    stored = stored_agreement(db, REGION, "2025-2026")
    assert [(c.code, c.council_area) for c in stored.commitments] == [
        ("1.1", "Utdanning og kompetanse"),
        ("1.2", None),
        ("2.1", "Samferdsel"),
        ("2.2", None),
    ]
    assert db.execute("SELECT kind, file_name FROM uploads").fetchall() == [("agreement", "Avtale Moss.txt")]


def test_a_council_area_not_on_the_list_is_refused_and_nothing_saved(db, agreement_file):
    preview = preview_agreement(db, agreement_file, REGION)
    before = counts(db)
    with pytest.raises(CouncilAreaNotListed) as refused:
        save_preview(db, preview, user=ADMIN, council_areas={"1.1": "Kultur og mangfold", "2.1": "Rådmannen"})
    assert str(refused.value) == "Tiltak 2.1: «Rådmannen» er ikke et av fylkets rådsområder. Velg et fra listen."
    with pytest.raises(CouncilAreaNotListed) as refused:
        save_preview(db, preview, user=ADMIN, council_areas={"9.9": "Samferdsel"})
    assert str(refused.value) == "Tiltak 9.9 finnes ikke i avtalen som lagres."
    assert counts(db) == before


def test_only_an_administrator_saves(db, agreement_file):
    add_user(db, "ola", "Ola Nordmann", "rapportør", regions=())
    preview = preview_agreement(db, agreement_file, REGION)
    with pytest.raises(NotAllowed) as refused:
        save_preview(db, preview, user=get_user(db, "ola"))
    assert str(refused.value) == "Bare administratorer kan laste inn avtaler; Ola Nordmann er ikke administrator."
    assert counts(db) == (0, 0, 0)


def test_a_changed_file_is_compared_with_the_stored_agreement(db, agreement_file):
    save_preview(db, preview_agreement(db, agreement_file, REGION), user=ADMIN, council_areas={"2.2": "Samferdsel"})
    agreement_file.write_text(SECOND, encoding="utf-8")
    preview = preview_agreement(db, agreement_file, REGION)
    changes = preview.changes
    assert changes is not None
    assert [c.code for c in changes.added] == ["2.3"]
    assert [(c.code, c.fields, c.before.text, c.after.text, c.after.council_area) for c in changes.changed] == [
        ("2.2", ("text",), "Innfartsparkering ved stasjonene", "Innfartsparkering ved Moss stasjon", "Samferdsel")
    ]
    assert [c.code for c in changes.retired] == ["1.2"]
    assert changes.unchanged == 2
    assert (preview.is_new, preview.same_as_stored) == (False, False)
    # The document names no council areas: the preview shows those saving keeps.
    assert [(c.code, c.council_area) for c in preview.agreement.commitments] == [
        ("1.1", None),
        ("2.1", None),
        ("2.2", "Samferdsel"),
        ("2.3", None),
    ]

    summary = save_preview(db, preview, user=ADMIN)
    assert (summary.added, summary.changed, summary.unchanged, summary.retired) == (1, 1, 2, 1)
    # History is kept: the retired commitment is still there, inactive.
    assert db.execute("SELECT code, active FROM commitments ORDER BY code").fetchall() == [
        ("1.1", 1),
        ("1.2", 0),
        ("2.1", 1),
        ("2.2", 1),
        ("2.3", 1),
    ]


def test_the_same_file_again_says_so_and_saving_it_is_harmless(db, agreement_file):
    save_preview(db, preview_agreement(db, agreement_file, REGION), user=ADMIN)
    preview = preview_agreement(db, agreement_file, REGION)
    assert (preview.is_new, preview.same_as_stored) == (False, True)
    summary = save_preview(db, preview, user=ADMIN)
    assert (summary.added, summary.changed, summary.unchanged, summary.retired) == (0, 0, 4, 0)
    assert stored_agreement(db, REGION, "2025-2026") == PARSED


def test_first_reports_are_saved_for_the_quarter_chosen(db, agreement_file):
    preview = preview_agreement(db, agreement_file, REGION)
    offered = {"1.1": FirstReport("on_track", 20), "2.1": FirstReport("not_started")}
    with_reports = AgreementPreview(**{**preview.__dict__, "reports": offered})
    summary = save_preview(db, with_reports, user=ADMIN, report_quarter="3. kv. 2025")
    assert summary.message() == (
        "Avtale 2025-2026 for Mosseregionen: 4 lagt til, 0 endret, 0 uendret, 0 utgått (opplasting 1). "
        "2 første statusrapporter for 3. kv. 2025 er lagret (opplasting 2)."
    )
    assert db.execute(
        "SELECT c.code, s.quarter, s.status, s.progress FROM status_reports s "
        "JOIN commitments c ON c.id = s.commitment_id ORDER BY c.code"
    ).fetchall() == [("1.1", "2025-Q3", "on_track", 20), ("2.1", "2025-Q3", "not_started", None)]

    # Again, with 1.1 delayed: the report already there stays, and the message names it.
    changed = AgreementPreview(**{**preview.__dict__, "reports": {**offered, "1.1": FirstReport("delayed", 10)}})
    again = save_preview(db, changed, user=ADMIN, report_quarter="2025-Q3")
    assert again.message() == (
        "Avtale 2025-2026 for Mosseregionen: 0 lagt til, 0 endret, 4 uendret, 0 utgått (opplasting 3). "
        "1 tiltak hadde allerede en annen rapport for 3. kv. 2025 og beholder den: 1.1."
    )
    assert db.execute("SELECT count(*) FROM status_reports WHERE status = 'delayed'").fetchone() == (0,)


def test_first_reports_only_for_a_quarter_in_the_period(db, agreement_file):
    # Found in the try-out: a Word file's creation date (2013) became the default quarter of a
    # 2025-2026 agreement, and the command line saved reports for 2013-Q4.
    agreement_file.write_text(FIRST + "Vedtatt i regionrådet 12. mars 2013.\n", encoding="utf-8")
    preview = preview_agreement(db, agreement_file, REGION)
    assert (preview.dated, preview.report_quarter) == (dt.date(2013, 3, 12), None)
    agreement_file.write_text(FIRST + "Vedtatt i regionrådet 12. mars 2025.\n", encoding="utf-8")
    preview = preview_agreement(db, agreement_file, REGION)
    assert (preview.dated, preview.report_quarter) == (dt.date(2025, 3, 12), "2025-Q1")

    with_reports = AgreementPreview(**{**preview.__dict__, "reports": {"1.1": FirstReport("on_track", 20)}})
    with pytest.raises(QuarterOutsidePeriod) as refused:
        save_preview(db, with_reports, user=ADMIN, report_quarter="2013-Q4")
    assert [refused.value.message("nb"), refused.value.message("en")] == [
        "4. kv. 2013 ligger utenfor avtaleperioden 2025-2026. Velg et kvartal i perioden for den første "
        "statusrapporten.",
        "Q4 2013 is outside the agreement period 2025-2026. Choose a quarter within the period for the first "
        "status report.",
    ]
    assert counts(db) == (0, 0, 0)


def test_without_a_quarter_the_first_reports_are_not_saved(db, agreement_file):
    preview = preview_agreement(db, agreement_file, REGION)
    with_reports = AgreementPreview(**{**preview.__dict__, "reports": {"1.1": FirstReport("on_track", 20)}})
    save_preview(db, with_reports, user=ADMIN)
    assert db.execute("SELECT count(*) FROM status_reports").fetchone() == (0,)


def test_a_preview_needs_a_region_and_a_readable_layout(db, agreement_file):
    with pytest.raises(MissingRegion):
        preview_agreement(db, agreement_file, " ")
    agreement_file.write_text(FIRST + "2.2 - Igjen\n", encoding="utf-8")
    with pytest.raises(AgreementFormatError) as refused:
        preview_agreement(db, agreement_file, REGION)
    assert str(refused.value) == "Linje 10: tiltak 2.2 står to ganger i avtalen. Første gang: Linje 9."


def test_a_pdf_preview_names_what_was_taken_out_of_its_pages(db, tmp_path):
    lines = [line.strip() for line in FIRST.splitlines()]
    path = paged_pdf(
        tmp_path / "avtale-moss.pdf",
        [lines[:4], lines[4:7], lines[7:]],
        header="Partnerskapsavtale Mosseregionen – side {page}",
        footer="Side {page} av {pages}",
    )
    preview = preview_agreement(db, path, REGION)
    assert preview.agreement == PARSED
    assert [warning.message("nb") for warning in preview.warnings] == [
        "Side 1–3: linjen «Partnerskapsavtale Mosseregionen – side 1» øverst på sidene er tatt ut som topptekst "
        "(3 sider).",
        "Sidetall er tatt ut på 3 sider.",
    ]
    assert [warning.message("en") for warning in preview.warnings] == [
        "Pages 1–3: the line “Partnerskapsavtale Mosseregionen – side 1” at the top of the pages was taken out as "
        "a header (3 pages).",
        "Page numbers were taken out on 3 pages.",
    ]


def test_each_running_line_and_the_page_numbers_are_said_once_in_page_order():
    removed = [
        Furniture("Side 1 av 5", 1, "page_number"),
        Furniture("Indre Østfold regionråd", 2, "header"),
        Furniture("Versjon 2 – side 2", 2, "footer"),
        Furniture("2", 2, "page_number"),
        Furniture("Indre Østfold regionråd", 4, "header"),
        Furniture("Versjon 2 – side 4", 4, "footer"),
        Furniture("Indre Østfold regionråd", 5, "header"),
    ]
    assert [warning.message("nb") for warning in furniture_warnings(removed)] == [
        "Sidetall er tatt ut på 2 sider.",
        "Side 2–5: linjen «Indre Østfold regionråd» øverst på sidene er tatt ut som topptekst (3 sider).",
        "Side 2–4: linjen «Versjon 2 – side 2» nederst på sidene er tatt ut som bunntekst (2 sider).",
    ]
    assert [warning.message("nb") for warning in furniture_warnings(removed[:1])] == ["Sidetall er tatt ut på 1 side."]
    assert furniture_warnings([]) == []


# --- the command line -----------------------------------------------------------------------------

NEW_REGION = (
    "«Mosseregionen» finnes ikke i registeret og blir opprettet som en ny region når du lagrer. Sjekk "
    "skrivemåten hvis du mente en region som finnes."
)

DRY_RUN = """\
Avtale 2025-2026 for Mosseregionen fra «{file}»: 2 innsatsområder, 4 tiltak.

Innsatsområde 1: Utdanning og kompetanse
  emneknagger: #kompetanseløft
  bærekraftsmål: SDG 4 – God utdanning
  1.1  Flere lærlingplasser i kommunene
  1.2  Felles karrieresenter for voksne

Innsatsområde 2: Samferdsel
  emneknagger: #lavereklimautslipp
  2.1  Trygg skolevei i alle kommunene
  2.2  Innfartsparkering ved stasjonene

Ingen advarsler.

{new_region}
Mosseregionen har ingen avtale for 2025-2026 fra før: alt blir nytt.
Ingenting er lagret (--dry-run). Kjør uten --dry-run for å lagre.
"""


def test_dry_run_prints_the_preview_and_saves_nothing(db_path, db, agreement_file, run_cli):
    run = run_cli("agreement", str(agreement_file), "--region", REGION, "--dry-run")
    printed = DRY_RUN.format(file=agreement_file, new_region=NEW_REGION)
    assert (run.returncode, run.stdout, run.stderr) == (0, printed, "")
    assert counts(db) == (0, 0, 0)


def test_dry_run_of_a_changed_file_lists_the_changes(db_path, db, agreement_file, run_cli):
    add_user(db, "kari", "Kari Nordmann", "administrator")
    saved = run_cli("agreement", str(agreement_file), "--region", REGION, "--as", "kari")
    assert (saved.returncode, saved.stdout) == (
        0,
        "Avtale 2025-2026 for Mosseregionen: 4 lagt til, 0 endret, 0 uendret, 0 utgått (opplasting 1).\n",
    )
    agreement_file.write_text(SECOND, encoding="utf-8")
    run = run_cli("agreement", str(agreement_file), "--region", REGION, "--dry-run")
    assert run.returncode == 0
    assert run.stdout.split("\n\n")[-1] == (
        "Mot den lagrede avtalen: 1 lagt til, 1 endret, 2 uendret, 1 utgår (historikken beholdes).\n"
        "  Ny 2.3: Bysykler\n"
        "  Endret 2.2: Tiltak: «Innfartsparkering ved stasjonene» → «Innfartsparkering ved Moss stasjon»\n"
        "  Utgår 1.2: Felles karrieresenter for voksne\n"
        "Ingenting er lagret (--dry-run). Kjør uten --dry-run for å lagre.\n"
    )
    assert counts(db) == (1, 1, 4)


def test_saving_from_the_command_line_needs_an_account_but_a_dry_run_does_not(db_path, db, agreement_file, run_cli):
    run = run_cli("agreement", str(agreement_file), "--region", REGION)
    assert (run.returncode, run.stdout, run.stderr) == (
        1,
        "",
        "Oppgi hvilken bruker du laster som: --as BRUKERNAVN (eller sett DASHBOARD_USER). "
        "Opprett en bruker med «python -m loaders user add».\n",
    )
    assert counts(db) == (0, 0, 0)


def test_first_reports_quarter_is_read_as_people_write_it(db_path, db, agreement_file, run_cli):
    add_user(db, "kari", "Kari Nordmann", "administrator")
    run = run_cli(
        "agreement", str(agreement_file), "--region", REGION, "--as", "kari", "--first-reports", "3. kv. 2025"
    )
    # A text without a Status column has no first reports: the agreement alone is saved.
    assert (run.returncode, db.execute("SELECT count(*) FROM status_reports").fetchone()) == (0, (0,))
    wrong = run_cli("agreement", str(agreement_file), "--region", REGION, "--as", "kari", "--first-reports", "snart")
    assert (wrong.returncode, wrong.stdout, wrong.stderr) == (
        1,
        "",
        "«snart» er ikke et kvartal. Skriv for eksempel 2024-Q2 eller 2. kv. 2024.\n",
    )


def test_dry_run_of_an_action_plan_prints_each_commitment_s_fields_and_the_warnings(db_path, db, tmp_path, run_cli):
    from tests.test_avtaler_page import action_plan

    path = tmp_path / "handlingsplan.docx"
    path.write_bytes(action_plan())
    run = run_cli("agreement", str(path), "--region", REGION, "--dry-run")
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == (
        f"Avtale 2025-2026 for Mosseregionen fra «{path}»: 1 innsatsområde, 2 tiltak.\n"
        "\n"
        "Innsatsområde 1: Samferdsel\n"
        "  emneknagger: #lavereklimautslipp\n"
        "  1.1  Trygg skolevei\n"
        "      Rådsområde: Samferdsel\n"
        "      Frist: 31.12.2025\n"
        "      Midler: 250\u202f000 kr\n"
        "      første status: I rute\n"
        "  1.2  Bysykler i Moss\n"
        "      Frist: 2026\n"
        "      første status: Ikke startet\n"
        "\n"
        "1 advarsel:\n"
        "  Linje 5: ansvaret «Rådmannen» for tiltak 1.2 er ikke ett av rådsområdene (Kultur og mangfold, Plan, "
        "klima og miljø, Samferdsel, Næring og tannhelse, Utdanning og kompetanse, Finans og administrasjon, "
        "Fylkesrådsleders kontor). Velg rådsområdet for tiltaket før du lagrer.\n"
        "\n"
        "«Mosseregionen» finnes ikke i registeret og blir opprettet som en ny region når du lagrer. Sjekk "
        "skrivemåten hvis du mente en region som finnes.\n"
        "Mosseregionen har ingen avtale for 2025-2026 fra før: alt blir nytt.\n"
        "Ingenting er lagret (--dry-run). Kjør uten --dry-run for å lagre.\n"
    )


def test_a_council_area_corrected_by_hand_is_kept_when_the_document_is_loaded_again(db, tmp_path):
    # Found in the try-out: uploading the same plan again put the document's council area back.
    from tests.test_avtaler_page import action_plan

    path = tmp_path / "handlingsplan.docx"
    path.write_bytes(action_plan())
    first = preview_agreement(db, path, REGION)
    save_preview(db, first, user=ADMIN, council_areas={"1.1": "Kultur og mangfold", "1.2": "Samferdsel"})

    again = preview_agreement(db, path, REGION)

    assert [(c.code, c.council_area) for c in again.agreement.commitments] == [
        ("1.1", "Kultur og mangfold"),
        ("1.2", "Samferdsel"),
    ]
    assert [warning.message("nb") for warning in again.warnings] == [
        "Linje 5: ansvaret «Rådmannen» for tiltak 1.2 er ikke ett av rådsområdene (Kultur og mangfold, Plan, "
        "klima og miljø, Samferdsel, Næring og tannhelse, Utdanning og kompetanse, Finans og administrasjon, "
        "Fylkesrådsleders kontor). Velg rådsområdet for tiltaket før du lagrer.",
        "Tiltak 1.1: dokumentet sier Samferdsel, men rådsområdet som er lagret for tiltaket er Kultur og mangfold. "
        "Det lagrede beholdes; velg Samferdsel i tabellen hvis dokumentet har rett.",
    ]
    assert (len(again.changes.added), len(again.changes.changed), again.changes.unchanged) == (0, 0, 2)


def test_a_refusal_names_the_file_as_the_uploader_knows_it(db, tmp_path):
    # Found in the try-out: the page read the upload from a temporary "agreement.pdf" and named that.
    path = tmp_path / "agreement.pdf"
    path.write_bytes(b"not a pdf at all")
    with pytest.raises(UnreadableAgreement) as refused:
        preview_agreement(db, path, REGION, file_name="Avtale Moss.pdf")
    assert str(refused.value).startswith("«Avtale Moss.pdf» ")


# --- a catalogue workbook previewed as an agreement ---------------------------------------------


def test_an_action_plan_workbook_without_a_region_column_is_read_as_an_agreement(db, tmp_path):
    path = workbook(
        tmp_path,
        [["Handlingsplan 2025-2026"], ["1 - Samferdsel"], ["Nr", "Tiltak"], ["1.1", "Trygg skolevei"]],
        name="plan.xlsx",
    )
    preview = preview_agreement(db, path, REGION)
    assert (preview.period, preview.agreement.commitments) == (
        "2025-2026",
        [Commitment("1.1", "Trygg skolevei", focus_area="1")],
    )


def test_a_catalogue_leaving_out_a_commitment_retires_it_when_saved_as_an_agreement(db, agreement_file, tmp_path):
    save_preview(db, preview_agreement(db, agreement_file, REGION), user=ADMIN)
    stored = stored_agreement(db, REGION, "2025-2026")
    kept = dataclasses.replace(stored, commitments=[c for c in stored.commitments if c.code != "1.2"])
    path = tmp_path / "katalog.xlsx"
    path.write_bytes(catalogue_workbook({REGION: kept}))
    preview = preview_agreement(db, path, REGION.upper(), "2025 - 2026")
    assert (preview.region, preview.period, preview.warnings, preview.reports) == (REGION, "2025-2026", [], {})
    assert preview.changes is not None
    assert [c.code for c in preview.changes.retired] == ["1.2"]
    summary = save_preview(db, preview, user=ADMIN)
    assert (summary.added, summary.changed, summary.unchanged, summary.retired) == (0, 0, 3, 1)
    assert stored_agreement(db, REGION, "2025-2026") == kept
    assert db.execute("SELECT kind, file_name FROM uploads ORDER BY id").fetchall() == [
        ("agreement", "avtale-moss.txt"),
        ("agreement", "katalog.xlsx"),
    ]


def test_a_catalogue_s_refusal_names_its_sheet_row_and_column(db, tmp_path):
    path = workbook(tmp_path, [["Region", "Nr", "Tiltak"], ["", "1.1", "Trygg skolevei"]])
    with pytest.raises(CatalogueRejected) as refused:
        preview_agreement(db, path, REGION)
    assert [catalogue_error_fields(error) for error in refused.value.errors] == [
        ("Tiltak", 2, "Region", "", "mangler region")
    ]


def test_a_workbook_s_refusal_names_the_file_as_the_uploader_knows_it(db, tmp_path):
    path = tmp_path / "agreement.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(MonitorError) as refused:
        preview_agreement(db, path, REGION, file_name="Handlingsplan Moss.xlsx")
    # The workbook checks run first (is it a catalogue?); their refusal is the workbook reader's own.
    assert str(refused.value) == (
        "Filen er ikke en Excel-arbeidsbok (.xlsx). Den ser ut som en CSV-/tekstfil. Åpne den i Excel, lagre "
        "som Excel-arbeidsbok (.xlsx) og last opp på nytt."
    )
