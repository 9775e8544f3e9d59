import openpyxl
import pytest
import python_calamine

from core.errors import InvalidQuarter, UnknownRegion
from core.i18n import t
from core.queries import status_rows
from core.register import Agreement, Commitment, FocusArea
from loaders.status import load_status
from outputs.errors import NoCommitments
from outputs.template import HEADERS, build_template
from tests.builders import ADMIN, add_reports, build_register

INDRE = "Indre Østfold regionråd"


def agreement(*extra: Commitment) -> Agreement:
    return Agreement(
        "2023-2026",
        focus_areas=[
            FocusArea("1", "Klima og miljø", "#klima", [13]),
            FocusArea("2", "Kompetanse", "#kompetanse", [4]),
        ],
        commitments=[
            Commitment("2.1.A", "Lærlingplasser", "2"),
            Commitment("1.10", "- Utrede pendlerparkering", "1"),
            Commitment("1.2", "Ladeinfrastruktur", "1"),
            Commitment("1.1", "Klimaregnskap", "1"),
            *extra,
        ],
    )


@pytest.fixture
def register(db):
    build_register(
        db,
        regions={
            INDRE: {"short_name": "Indre Østfold", "agreements": [agreement(Commitment("1.3", "Utgått", "1"))]},
            "Follorådet": {"short_name": "Follo"},
        },
    )
    build_register(db, regions={INDRE: {"agreements": [agreement()]}})
    add_reports(
        db,
        [
            # 1.2 skipped 1. kv.: its latest earlier report is from 4. kv. 2023.
            (INDRE, "1.2", "2023-Q4", "completed", 100, "Ferdig", None, "Per"),
            (INDRE, "1.1", "2024-Q1", "on_track", 30, "I gang", "Workshop", "Kari"),
            (INDRE, "1.10", "2024-Q1", "delayed", 10, "Venter på svar", None, "Ola"),
            # Already reported this quarter: the template must show this, not 1. kv.
            (INDRE, "1.10", "2024-Q2", "on_track", 15, "Svar mottatt", "Oppstartsmøte", "Ola"),
            # Later quarters never leak into an earlier quarter's template.
            (INDRE, "1.1", "2024-Q3", "cancelled", 0),
        ],
    )
    return db


def row(code, text, focus_area, status, progress, comment, next_step, owner, before, before_status, before_progress):
    return (
        INDRE,
        code,
        text,
        focus_area,
        "2. kv. 2024",
        status,
        progress,
        comment,
        next_step,
        owner,
        before,
        before_status,
        before_progress,
    )


EXPECTED_ROWS = [
    row("1.1", "Klimaregnskap", "Klima og miljø", "I rute", 30, None, None, "Kari", "1. kv. 2024", "I rute", 30),
    row(
        "1.2", "Ladeinfrastruktur", "Klima og miljø", "Fullført", 100, None, None, "Per", "4. kv. 2023", "Fullført", 100
    ),
    row(
        "1.10",
        "- Utrede pendlerparkering",
        "Klima og miljø",
        "I rute",
        15,
        "Svar mottatt",
        "Oppstartsmøte",
        "Ola",
        "1. kv. 2024",
        "Forsinket",
        10,
    ),
    row("2.1.A", "Lærlingplasser", "Kompetanse", None, None, None, None, None, None, None, None),
]


@pytest.fixture
def template(register, tmp_path):
    path = tmp_path / "mal.xlsx"
    assert build_template(register, "Indre Østfold", "2. kv. 2024", path) == 4
    return path


def test_status_sheet(template):
    workbook = openpyxl.load_workbook(template)
    assert workbook.sheetnames == ["Status", "Veiledning"]
    sheet = workbook["Status"]
    assert sheet["A1"].value == "Statusrapport – Indre Østfold regionråd – 2. kv. 2024"
    assert [cell.value for cell in sheet[4]] == [
        "Region",
        "Nr",
        "Tiltak",
        "Innsatsområde",
        "Kvartal",
        "Status",
        "Fremdrift (%)",
        "Kommentar",
        "Neste steg",
        "Ansvarlig",
        "Forrige kvartal (kun til info)",
        "Forrige status (kun til info)",
        "Forrige fremdrift (kun til info)",
    ]
    assert list(sheet.iter_rows(min_row=5, values_only=True)) == EXPECTED_ROWS
    assert sheet.max_row == 8
    assert sheet.freeze_panes == "A5"


def test_codes_and_text_are_stored_as_text(template):
    sheet = openpyxl.load_workbook(template)["Status"]
    codes = [sheet.cell(row, 2) for row in range(5, 9)]
    assert [(cell.value, cell.data_type, cell.number_format) for cell in codes] == [
        ("1.1", "s", "@"),
        ("1.2", "s", "@"),
        ("1.10", "s", "@"),
        ("2.1.A", "s", "@"),
    ]
    assert (sheet["C7"].value, sheet["C7"].data_type) == ("- Utrede pendlerparkering", "s")
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_data_validations(template):
    sheet = openpyxl.load_workbook(template)["Status"]
    validations = [
        (
            str(v.sqref),
            v.type,
            v.operator,
            v.formula1,
            v.formula2,
            v.allow_blank,
            v.showInputMessage,
            v.showErrorMessage,
            v.errorStyle,
            v.promptTitle,
            v.prompt,
            v.errorTitle,
            v.error,
        )
        for v in sheet.data_validations.dataValidation
    ]
    assert validations == [
        (
            "F5:F8",
            "list",
            None,
            '"Ikke startet,I rute,Forsinket,Fullført,Utgår"',
            None,
            True,
            True,
            True,
            None,
            "Status",
            "Velg fra listen: Ikke startet, I rute, Forsinket, Fullført, Utgår.",
            "Ugyldig status",
            "Status må være en av: Ikke startet, I rute, Forsinket, Fullført, Utgår.",
        ),
        (
            # No operator is "between", the default, which xlsxwriter leaves out.
            "G5:G8",
            "whole",
            None,
            "0",
            "100",
            True,
            True,
            True,
            None,
            "Fremdrift i prosent",
            "Skriv et helt tall fra 0 til 100, for eksempel 45 (uten %-tegn).",
            "Ugyldig fremdrift",
            "Fremdrift må være et helt tall fra 0 til 100, for eksempel 45.",
        ),
    ]


def test_guide_sheet(template):
    sheet = openpyxl.load_workbook(template)["Veiledning"]
    lines = [cell.value for cell in sheet["A"] if cell.value]
    assert lines[0] == "Slik fyller du ut statusrapporten"
    assert lines[1] == (
        "Denne filen gjelder Indre Østfold regionråd for 2. kv. 2024. "
        "Én fil gjelder ett kvartal: for et annet kvartal må du laste ned en ny mal."
    )
    assert (
        "Status: velg fra listen: Ikke startet, I rute, Forsinket, Fullført eller Utgår. "
        "Må fylles ut for hvert tiltak." in lines
    )
    assert lines[-1] == "Lagre som Excel-arbeidsbok (.xlsx), ikke som .xls, .csv eller med makroer (.xlsm)."
    assert "Kvartal: kvartalet rapporten gjelder, 2. kv. 2024. Ikke endre." in lines


def test_the_template_and_the_loader_say_the_same_about_how_progress_is_written(template):
    sheet = openpyxl.load_workbook(template)["Status"]
    [progress] = [v for v in sheet.data_validations.dataValidation if str(v.sqref) == "G5:G8"]
    guide = [cell.value for cell in openpyxl.load_workbook(template)["Veiledning"]["A"] if cell.value]
    said = {
        "input": progress.prompt,
        "error": progress.error,
        "guide": next(line for line in guide if line.startswith("Fremdrift (%)")),
        "loader": t("loaders.status.invalid_progress"),
    }
    assert said == {
        "input": "Skriv et helt tall fra 0 til 100, for eksempel 45 (uten %-tegn).",
        "error": "Fremdrift må være et helt tall fra 0 til 100, for eksempel 45.",
        "guide": "Fremdrift (%): hvor langt tiltaket har kommet, som et helt tall fra 0 til 100, for eksempel 45 "
        "(uten %-tegn).",
        "loader": "fremdrift må være et helt tall fra 0 til 100, for eksempel 45 (uten %-tegn).",
    }
    assert all("et helt tall fra 0 til 100, for eksempel 45" in text for text in said.values())


def test_calamine_reads_codes_back_as_strings(template):
    rows = python_calamine.CalamineWorkbook.from_path(str(template)).get_sheet_by_name("Status").to_python()
    assert rows[3] == list(HEADERS)
    assert [(row[1], row[4], row[5], row[6]) for row in rows[4:]] == [
        ("1.1", "2. kv. 2024", "I rute", 30),
        ("1.2", "2. kv. 2024", "Fullført", 100),
        ("1.10", "2. kv. 2024", "I rute", 15),
        ("2.1.A", "2. kv. 2024", "", ""),
    ]


def test_errors(register, tmp_path):
    path = tmp_path / "mal.xlsx"
    with pytest.raises(UnknownRegion):
        build_template(register, "Atlantis", "2024-Q2", path)
    with pytest.raises(InvalidQuarter):
        build_template(register, INDRE, "2024-Q5", path)
    with pytest.raises(NoCommitments) as error:
        build_template(register, "Follo", "2024-Q2", path)
    assert str(error.value) == "Follorådet har ingen avtale med aktive tiltak for 2. kv. 2024."
    assert not path.exists()


def _report(code, status, progress, comment=None, next_step=None, owner=None):
    return {
        "region": INDRE,
        "code": code,
        "quarter": "2024-Q2",
        "status": status,
        "progress": progress,
        "comment": comment,
        "next_step": next_step,
        "owner": owner,
    }


def test_unedited_template_loads_back_and_its_repeated_rows_are_not_saved_unless_kept(register, tmp_path):
    add_reports(register, [(INDRE, "2.1.A", "2024-Q1", "not_started", 0)])
    path = tmp_path / "mal.xlsx"
    build_template(register, INDRE, "2024-Q2", path)
    result = load_status(register, path, user=ADMIN)
    # 1.10 was already reported this quarter and comes back exactly as it was; the others only repeat
    # their previous report, so they are not updated (1.2 too: completed, but nothing else is updated).
    assert (result.upload_id, result.added, result.changed, result.unchanged, result.not_updated) == (None, 0, 0, 1, 3)
    assert result.message() == (
        "Ingenting å endre: 0 lagt til, 0 endret, 1 uendret. "
        "3 rader er ikke oppdatert og ble ikke lagret: de gjentar bare forrige rapport."
    )
    assert status_rows(register, quarter="2024-Q2") == [
        _report("1.10", "on_track", 15, "Svar mottatt", "Oppstartsmøte", "Ola"),
    ]
    kept = load_status(register, path, user=ADMIN, keep_not_updated=True)
    assert (kept.added, kept.changed, kept.unchanged, kept.not_updated) == (3, 0, 1, 0)
    assert status_rows(register, quarter="2024-Q2") == [
        _report("1.1", "on_track", 30, owner="Kari"),
        _report("1.2", "completed", 100, owner="Per"),
        _report("1.10", "on_track", 15, "Svar mottatt", "Oppstartsmøte", "Ola"),
        _report("2.1.A", "not_started", 0),
    ]


def test_filled_in_template_loads_without_changes_to_its_structure(register, tmp_path):
    path = tmp_path / "mal.xlsx"
    build_template(register, INDRE, "2024-Q2", path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Status"]
    column = {cell.value: cell.column for cell in sheet[4]}
    rows = {sheet.cell(row=r, column=column["Nr"]).value: r for r in range(5, sheet.max_row + 1)}
    # As a coordinator would: a new status for the never-reported commitment, new progress for another.
    sheet.cell(row=rows["2.1.A"], column=column["Status"]).value = "Forsinket"
    sheet.cell(row=rows["2.1.A"], column=column["Fremdrift (%)"]).value = 5
    sheet.cell(row=rows["2.1.A"], column=column["Kommentar"]).value = "Venter på budsjett"
    sheet.cell(row=rows["1.1"], column=column["Fremdrift (%)"]).value = 40
    workbook.save(path)

    result = load_status(register, path, user=ADMIN)

    assert (result.added, result.changed, result.unchanged, result.warnings) == (3, 0, 1, [])
    assert [
        (row["code"], row["status"], row["progress"], row["comment"])
        for row in status_rows(register, quarter="2024-Q2")
    ] == [
        ("1.1", "on_track", 40, None),
        ("1.2", "completed", 100, None),
        ("1.10", "on_track", 15, "Svar mottatt"),
        ("2.1.A", "delayed", 5, "Venter på budsjett"),
    ]
