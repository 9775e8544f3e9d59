import csv
import json

import openpyxl
import pytest

import outputs.export
from core.errors import InvalidQuarter, UnknownRegion
from core.queries import commitment_rows, status_rows
from core.register import Agreement, Commitment, FocusArea
from core.vocabulary import natural_code_key
from outputs.errors import UnsupportedExport
from outputs.export import export
from tests.builders import add_reports, build_register

INDRE = "Indre Østfold regionråd"
FOLLO = "Follorådet"
VIKEN = "Viken fylkeskommune"

HYPERLINK = '=HYPERLINK("http://example.com","klikk")'


def indre_agreement(*extra: Commitment) -> Agreement:
    return Agreement(
        "2024-2027",
        focus_areas=[
            FocusArea("1", "Klima og miljø", "#klima", [13, 7]),
            FocusArea("2", "Kompetanse", "#kompetanse", [4]),
        ],
        # Out of order on purpose: rows must come back in natural code order.
        commitments=[
            Commitment(
                "1.10", "Pendlerparkering", "1", "Samferdsel", sdgs=[11, 9], deadline="2025-06-30", amount=1_200_000
            ),
            Commitment("2.1.A", "Lærlingplasser", None, "Utdanning og kompetanse"),
            Commitment("1.1", "Klimaregnskap", "1", "Plan, klima og miljø"),
            Commitment("2.1", "Etter- og videreutdanning", "2", "Utdanning og kompetanse", deadline="løpende"),
            Commitment("1.2", "Ladeinfrastruktur", "1"),
            *extra,
        ],
    )


@pytest.fixture
def register(db):
    follo = {
        "short_name": "Follo",
        "agreements": [
            Agreement("2020-2023", commitments=[Commitment("9.9", "Gammelt tiltak")]),
            Agreement(
                "2024-2027",
                focus_areas=[FocusArea("1", "Næringsutvikling", "#næring", [8])],
                commitments=[Commitment("1.1", "Næringsvennlig region", "1", "Næring og tannhelse")],
            ),
        ],
    }
    build_register(
        db,
        regions={
            INDRE: {"short_name": "Indre Østfold", "agreements": [indre_agreement(Commitment("1.3", "Utgått", "1"))]},
            FOLLO: follo,
        },
    )
    # Re-importing without 1.3 retires it; its report stays but is not exported.
    build_register(db, regions={INDRE: {"agreements": [indre_agreement()]}})
    add_reports(
        db,
        [
            ("Indre Østfold", "1.10", "2024-Q1", "on_track", 20, HYPERLINK, "Møte med kommunene", "Kari Nordmann"),
            ("Indre Østfold", "1.10", "2024-Q2", "delayed", 25, "+47 999 99 999", "-1", "@SUM(A1)"),
            (INDRE, "1.1", "2024-Q2", "completed", 100, "Ferdig", None, None),
            (INDRE, "2.1.A", "2024-Q2", "not_started", None, ""),
            (INDRE, "2.1", "2024-Q2", "on_track", 50, "Linje 1\nLinje 2"),
            (INDRE, "1.3", "2024-Q1", "cancelled", 0),
            ("Follo", "1.1", "2024-Q2", "on_track", 60, "\tskjult", None, "Per"),
        ],
    )
    return db


def status(region, code, quarter, status, progress, comment=None, next_step=None, owner=None):
    return {
        "region": region,
        "code": code,
        "quarter": quarter,
        "status": status,
        "progress": progress,
        "comment": comment,
        "next_step": next_step,
        "owner": owner,
        "county": VIKEN,
    }


ALL_STATUS = [
    status(FOLLO, "1.1", "2024-Q2", "on_track", 60, "\tskjult", None, "Per"),
    status(INDRE, "1.1", "2024-Q2", "completed", 100, "Ferdig"),
    status(INDRE, "1.10", "2024-Q1", "on_track", 20, HYPERLINK, "Møte med kommunene", "Kari Nordmann"),
    status(INDRE, "1.10", "2024-Q2", "delayed", 25, "+47 999 99 999", "-1", "@SUM(A1)"),
    status(INDRE, "2.1", "2024-Q2", "on_track", 50, "Linje 1\nLinje 2"),
    status(INDRE, "2.1.A", "2024-Q2", "not_started", None),
]

ALL_COMMITMENTS = [
    {
        "region": FOLLO,
        "code": "1.1",
        "text": "Næringsvennlig region",
        "focus_area": "Næringsutvikling",
        "hashtag": "#næring",
        "council_area": "Næring og tannhelse",
        "sdgs": "8",
        "deadline": None,
        "amount": None,
        "county": VIKEN,
    },
    {
        "region": INDRE,
        "code": "1.1",
        "text": "Klimaregnskap",
        "focus_area": "Klima og miljø",
        "hashtag": "#klima",
        "council_area": "Plan, klima og miljø",
        "sdgs": "7;13",
        "deadline": None,
        "amount": None,
        "county": VIKEN,
    },
    {
        "region": INDRE,
        "code": "1.2",
        "text": "Ladeinfrastruktur",
        "focus_area": "Klima og miljø",
        "hashtag": "#klima",
        "council_area": None,
        "sdgs": "7;13",
        "deadline": None,
        "amount": None,
        "county": VIKEN,
    },
    {
        "region": INDRE,
        "code": "1.10",
        "text": "Pendlerparkering",
        "focus_area": "Klima og miljø",
        "hashtag": "#klima",
        "council_area": "Samferdsel",
        "sdgs": "9;11",
        "deadline": "2025-06-30",
        "amount": 1_200_000,
        "county": VIKEN,
    },
    {
        "region": INDRE,
        "code": "2.1",
        "text": "Etter- og videreutdanning",
        "focus_area": "Kompetanse",
        "hashtag": "#kompetanse",
        "council_area": "Utdanning og kompetanse",
        "sdgs": "4",
        "deadline": "løpende",
        "amount": None,
        "county": VIKEN,
    },
    {
        "region": INDRE,
        "code": "2.1.A",
        "text": "Lærlingplasser",
        "focus_area": None,
        "hashtag": None,
        "council_area": "Utdanning og kompetanse",
        "sdgs": None,
        "deadline": None,
        "amount": None,
        "county": VIKEN,
    },
]


def test_natural_code_key():
    codes = ["10.1", "2.1.A", "1.10", "2.1.1", "1.2", "2.1", "1.1"]
    assert sorted(codes, key=natural_code_key) == ["1.1", "1.2", "1.10", "2.1", "2.1.1", "2.1.A", "10.1"]


def test_status_rows(register):
    assert status_rows(register) == ALL_STATUS


@pytest.mark.parametrize("region", [INDRE, "Indre Østfold", "  indre østfold "])
def test_status_rows_for_region_by_full_or_short_name(register, region):
    assert status_rows(register, region=region) == ALL_STATUS[1:]


@pytest.mark.parametrize("quarter", ["2024-Q1", "1. kv. 2024", "Q1 2024"])
def test_status_rows_for_quarter(register, quarter):
    assert status_rows(register, quarter=quarter) == [ALL_STATUS[2]]


def test_status_rows_for_region_and_quarter(register):
    assert status_rows(register, region="Follo", quarter="2024-Q1") == []
    assert status_rows(register, region="Follo", quarter="2024-Q2") == [ALL_STATUS[0]]


def test_unknown_region_and_bad_quarter(register):
    with pytest.raises(UnknownRegion):
        status_rows(register, region="Atlantis")
    with pytest.raises(UnknownRegion):
        commitment_rows(register, region="Atlantis")
    with pytest.raises(InvalidQuarter) as error:
        status_rows(register, quarter="våren 2024")
    assert str(error.value) == "«våren 2024» er ikke et kvartal. Skriv for eksempel 2024-Q2 eller 2. kv. 2024."


def test_commitment_rows_current_agreement_and_effective_sdgs(register):
    assert commitment_rows(register) == ALL_COMMITMENTS


def test_commitment_rows_for_region(register):
    assert commitment_rows(register, region="Follo") == ALL_COMMITMENTS[:1]


@pytest.fixture
def out_dir(tmp_path):
    """A directory of its own, apart from the database files in tmp_path."""
    path = tmp_path / "out"
    path.mkdir()
    return path


STATUS_HEADER = ["region", "code", "quarter", "status", "progress", "comment", "next_step", "owner", "county"]


def test_export_status_csv(register, out_dir):
    path = out_dir / "status.csv"
    assert export(register, "status", "csv", path) == 6
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows == [
        STATUS_HEADER,
        [FOLLO, "1.1", "2024-Q2", "on_track", "60", "'\tskjult", "", "Per", VIKEN],
        [INDRE, "1.1", "2024-Q2", "completed", "100", "Ferdig", "", "", VIKEN],
        [INDRE, "1.10", "2024-Q1", "on_track", "20", "'" + HYPERLINK, "Møte med kommunene", "Kari Nordmann", VIKEN],
        [INDRE, "1.10", "2024-Q2", "delayed", "25", "'+47 999 99 999", "'-1", "'@SUM(A1)", VIKEN],
        [INDRE, "2.1", "2024-Q2", "on_track", "50", "Linje 1\nLinje 2", "", "", VIKEN],
        [INDRE, "2.1.A", "2024-Q2", "not_started", "", "", "", "", VIKEN],
    ]


def test_export_csv_with_comma_separator_and_filters(register, out_dir):
    path = out_dir / "status.csv"
    assert export(register, "status", "csv", path, region="Indre Østfold", quarter="2024-Q1", separator=",") == 1
    assert path.read_bytes().decode("utf-8-sig") == (
        "region,code,quarter,status,progress,comment,next_step,owner,county\r\n"
        f'{INDRE},1.10,2024-Q1,on_track,20,"\'=HYPERLINK(""http://example.com"",""klikk"")",'
        f"Møte med kommunene,Kari Nordmann,{VIKEN}\r\n"
    )


def test_export_status_xlsx(register, out_dir):
    path = out_dir / "status.xlsx"
    assert export(register, "status", "xlsx", path) == 6
    sheet = openpyxl.load_workbook(path)["Status"]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        STATUS_HEADER,
        [FOLLO, "1.1", "2024-Q2", "on_track", 60, "\tskjult", None, "Per", VIKEN],
        [INDRE, "1.1", "2024-Q2", "completed", 100, "Ferdig", None, None, VIKEN],
        [INDRE, "1.10", "2024-Q1", "on_track", 20, HYPERLINK, "Møte med kommunene", "Kari Nordmann", VIKEN],
        [INDRE, "1.10", "2024-Q2", "delayed", 25, "+47 999 99 999", "-1", "@SUM(A1)", VIKEN],
        [INDRE, "2.1", "2024-Q2", "on_track", 50, "Linje 1\nLinje 2", None, None, VIKEN],
        [INDRE, "2.1.A", "2024-Q2", "not_started", None, None, None, None, VIKEN],
    ]
    assert [cell.data_type for cell in sheet[4]] == ["s", "s", "s", "s", "n", "s", "s", "s", "s"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:I7"
    assert sheet.column_dimensions["F"].width > sheet.column_dimensions["C"].width


def test_export_status_json(register, out_dir):
    path = out_dir / "status.json"
    assert export(register, "status", "json", path, region=INDRE, quarter="2024-Q1") == 1
    assert json.loads(path.read_text(encoding="utf-8")) == [ALL_STATUS[2]]
    assert "Møte med kommunene" in path.read_text(encoding="utf-8")


def test_export_commitments_csv_json_xlsx(register, out_dir):
    assert export(register, "commitments", "json", out_dir / "c.json", region="Follo") == 1
    assert json.loads((out_dir / "c.json").read_text(encoding="utf-8")) == ALL_COMMITMENTS[:1]

    assert export(register, "commitments", "csv", out_dir / "c.csv") == 6
    with open(out_dir / "c.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert rows == [{key: "" if value is None else str(value) for key, value in row.items()} for row in ALL_COMMITMENTS]

    assert export(register, "commitments", "xlsx", out_dir / "c.xlsx", region=INDRE) == 5
    sheet = openpyxl.load_workbook(out_dir / "c.xlsx")["Tiltak"]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["region", "code", "text", "focus_area", "hashtag", "council_area", "sdgs", "deadline", "amount", "county"],
        *[list(row.values()) for row in ALL_COMMITMENTS[1:]],
    ]


def test_export_empty_result_writes_header_only(register, out_dir):
    assert export(register, "status", "xlsx", out_dir / "empty.xlsx", quarter="2030-Q1") == 0
    sheet = openpyxl.load_workbook(out_dir / "empty.xlsx")["Status"]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [STATUS_HEADER]


def test_unsupported_export(register, out_dir):
    with pytest.raises(UnsupportedExport):
        export(register, "uploads", "csv", out_dir / "x.csv")
    with pytest.raises(UnsupportedExport):
        export(register, "status", "pdf", out_dir / "x.pdf")
    assert list(out_dir.iterdir()) == []


def test_failed_export_leaves_previous_file_and_no_temp_file(register, out_dir, monkeypatch):
    path = out_dir / "status.json"
    path.write_text("previous", encoding="utf-8")

    def fail_halfway(temp_path, rows):
        temp_path.write_text("[{", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(outputs.export, "write_json", fail_halfway)
    with pytest.raises(OSError):
        export(register, "status", "json", path)
    assert path.read_text(encoding="utf-8") == "previous"
    assert list(out_dir.iterdir()) == [path]
