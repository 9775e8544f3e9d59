"""A commitment's deadline and funds where people look at it: the Tiltak page and the commitments export."""

import datetime as dt
import io

import openpyxl
import pytest

from core.db import connect
from core.register import Agreement, Commitment, FocusArea
from core.vocabulary import amount_text, deadline_text
from tests.builders import FOLLO, app, build_register, download

# Follorådet's agreement of the page register, with a deadline and funds on 1.1 and words for 1.2's deadline.
FOLLO_AGREEMENT = Agreement(
    "2023-2024",
    focus_areas=[
        FocusArea("1", "Mobilitet", "#lavereklimautslipp", [11]),
        FocusArea("2", "Kompetanse", "#kompetanseløft", [4]),
    ],
    commitments=[
        Commitment("1.1", "Trafikksikkerhet ved skoler", "1", "Samferdsel", deadline="2024-12-31", amount=250_000),
        Commitment("1.2", "Innfartsparkering", "1", "Samferdsel", deadline="løpende"),
        Commitment("2.1", "Flere lærlingplasser", "2", "Utdanning og kompetanse"),
    ],
)


@pytest.fixture
def terms(register):
    build_register(register, {FOLLO: {"agreements": [FOLLO_AGREEMENT]}})
    return register


def commitment_id(code: str) -> int:
    db = connect()
    [[found]] = db.execute(
        "SELECT c.id FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
        "JOIN regions r ON r.id = a.region_id WHERE r.name = ? AND c.code = ?",
        (FOLLO, code),
    ).fetchall()
    db.close()
    return found


def paragraphs(at) -> list[str]:
    """The fact lines under the commitment's heading, as drawn."""
    [facts] = [element.proto.body for element in at.main.get("html") if "<p>" in element.proto.body]
    return [part.split("</p>")[0] for part in facts.split("<p>")[1:]]


def test_deadline_and_amount_as_people_read_them():
    assert [deadline_text(value, lang) for value in ("2024-12-31", "løpende") for lang in ("nb", "en")] == [
        "31.12.2024",
        "2024-12-31",
        "løpende",
        "løpende",
    ]
    assert [amount_text(250_000, lang) for lang in ("nb", "en")] == ["250\u202f000 kr", "NOK 250,000"]


def test_the_commitment_page_shows_deadline_and_funds(terms):
    at = app({"commitment": str(commitment_id("1.1"))}, "views/tiltak.py")
    assert paragraphs(at)[1] == "Frist: 31.12.2024 · Midler: 250\u202f000 kr"

    at = app({"commitment": str(commitment_id("1.1")), "lang": "English"}, "views/tiltak.py")
    assert paragraphs(at)[1] == "Deadline: 2024-12-31 · Funds: NOK 250,000"

    at = app({"commitment": str(commitment_id("1.2"))}, "views/tiltak.py")
    assert paragraphs(at)[1] == "Frist: løpende"


def test_a_commitment_without_them_has_no_such_line(terms):
    at = app({"commitment": str(commitment_id("2.1"))}, "views/tiltak.py")
    facts = paragraphs(at)
    assert len(facts) == 2
    assert (
        facts[0]
        == f"{FOLLO} · avtale Viken 2023–2024 · Kompetanse · Utdanning og kompetanse · <strong>#kompetanseløft</strong>"
    )
    # The SDG badges follow directly.
    assert facts[1].startswith("Bærekraftsmål: <span")


def test_the_commitments_export_has_deadline_and_funds(terms, downloads):
    at = app({"region": FOLLO}, page="views/eksport.py")
    sheet = openpyxl.load_workbook(io.BytesIO(download(at, downloads, "commitments-xlsx").data)).active
    rows = [list(row) for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert rows == [
        [
            "Region",
            "Nr",
            "Tiltak",
            "Innsatsområde",
            "Emneknagg",
            "Rådsområde",
            "Bærekraftsmål",
            "Frist",
            "Midler (kr)",
            "Status",
            "Fremdrift",
            "Kommentar",
            "Neste steg",
            "Ansvarlig",
            "Sist rapportert",
        ],
        [
            FOLLO,
            "1.1",
            "Trafikksikkerhet ved skoler",
            "Mobilitet",
            "#lavereklimautslipp",
            "Samferdsel",
            "11",
            dt.datetime(2024, 12, 31),
            250_000,
            "Forsinket",
            0.35,
            "Venter på vegvesenet",
            "Nytt møte",
            None,
            "2. kv. 2024",
        ],
        [
            FOLLO,
            "1.2",
            "Innfartsparkering",
            "Mobilitet",
            "#lavereklimautslipp",
            "Samferdsel",
            "11",
            "løpende",
            None,
            "Fullført",
            1,
            "Åpnet i mai",
            None,
            None,
            "2. kv. 2024",
        ],
        [
            FOLLO,
            "2.1",
            "Flere lærlingplasser",
            "Kompetanse",
            "#kompetanseløft",
            "Utdanning og kompetanse",
            "4",
            None,
            None,
            "I rute",
            0.1,
            None,
            None,
            None,
            "2. kv. 2024",
        ],
    ]
    assert sheet["H5"].number_format == "dd.mm.yyyy"
