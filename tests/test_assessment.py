"""The county's own assessment beside the region's report, as data: the Dataset's frame, the filters,
where the two differ and the sentence saying so, the commitment's story, the PDF brief and the
quarterly workbook."""

import datetime as dt
import io
import pickle
import shutil

import openpyxl
import pandas as pd
import pytest

import core.assessments
from core import analysis
from core.assessments import set_assessments
from core.dataset import ASSESSMENT_DTYPES, commitment_story, frame, load_dataset
from core.db import connect
from core.filters import Filters, apply_filters, county_dataset
from outputs import report
from tests.builders import ADMIN, FOLLO, IOR, build_page_register
from tests.test_report import pdf_lines

AT = "2026-11-30T12:00:00+00:00"
SIGNED = "Admin (admin)"
CREATED = dt.date(2026, 11, 30)


@pytest.fixture
def page_db(db, monkeypatch):
    """The page tests' register (Follo and IØR, 2024-Q1 and Q2), assessments stamped at AT."""
    monkeypatch.setattr(core.assessments, "now_utc", lambda: AT)
    build_page_register(db)
    return db


def ids(db, region: str) -> dict[str, int]:
    return dict(
        db.execute(
            "SELECT c.code, c.id FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
            "JOIN regions r ON r.id = a.region_id WHERE r.name = ?",
            (region,),
        ).fetchall()
    )


@pytest.fixture
def assessed(page_db):
    """Follo 1.1 delayed in Q2 as the region says; 1.2 delayed where Follo reports it completed; IØR 1.2
    on track where IØR has not reported; Follo 2.1 in Q1 not started, as Follo reported it then."""
    follo, ior = ids(page_db, FOLLO), ids(page_db, IOR)
    set_assessments(
        page_db,
        "2024-Q2",
        {
            follo["1.1"]: ("delayed", "Enig med regionen"),
            follo["1.2"]: ("delayed", "<b>Ikke åpnet</b> for **alle**"),
            ior["1.2"]: ("on_track", None),
        },
        user=ADMIN,
    )
    set_assessments(page_db, "2024-Q1", {follo["2.1"]: ("not_started", None)}, user=ADMIN)
    return page_db


def test_the_dataset_holds_the_county_assessments_in_report_order(assessed):
    follo, ior = ids(assessed, FOLLO), ids(assessed, IOR)

    dataset = load_dataset(assessed)

    # Quarter first, then as the commitments are: Follo before IØR.
    expected = frame(
        [
            (follo["2.1"], "2024-Q1", "not_started", None, SIGNED, AT),
            (follo["1.1"], "2024-Q2", "delayed", "Enig med regionen", SIGNED, AT),
            (follo["1.2"], "2024-Q2", "delayed", "<b>Ikke åpnet</b> for **alle**", SIGNED, AT),
            (ior["1.2"], "2024-Q2", "on_track", None, SIGNED, AT),
        ],
        ASSESSMENT_DTYPES,
    )
    pd.testing.assert_frame_equal(dataset.assessments, expected)
    # The pages cache datasets pickled (views/_data.py).
    pd.testing.assert_frame_equal(pickle.loads(pickle.dumps(dataset)).assessments, expected)


def test_a_dataset_without_assessments_has_the_frame_empty(page_db):
    pd.testing.assert_frame_equal(load_dataset(page_db).assessments, frame([], ASSESSMENT_DTYPES))


def test_the_filters_keep_the_assessments_of_the_commitments_in_view_up_to_the_quarter(assessed):
    follo = ids(assessed, FOLLO)
    dataset = load_dataset(assessed)

    follo_q2 = apply_filters(dataset, Filters(region=FOLLO, quarter="2024-Q2"))
    ior_q1 = apply_filters(dataset, Filters(region=IOR, quarter="2024-Q1"))
    first_quarter = apply_filters(dataset, Filters(quarter="2024-Q1"))

    assert list(zip(follo_q2.assessments["commitment_id"], follo_q2.assessments["quarter"], strict=True)) == [
        (follo["2.1"], "2024-Q1"),
        (follo["1.1"], "2024-Q2"),
        (follo["1.2"], "2024-Q2"),
    ]
    assert ior_q1.assessments.empty
    assert list(first_quarter.assessments["commitment_id"]) == [follo["2.1"]]
    assert list(follo_q2.assessments.index) == [0, 1, 2]


def test_where_the_county_and_the_region_differ(assessed):
    follo, ior = ids(assessed, FOLLO), ids(assessed, IOR)

    differences = analysis.assessment_differences(load_dataset(assessed), "2024-Q2")

    # Follo 1.1 is delayed in both views, so it is not listed.
    assert differences.to_dict("records") == [
        {
            "commitment_id": follo["1.2"],
            "region": FOLLO,
            "code": "1.2",
            "text": "Innfartsparkering",
            "county_status": "delayed",
            "region_status": "completed",
            "county_comment": "<b>Ikke åpnet</b> for **alle**",
            "assessed_by": SIGNED,
        },
        {
            "commitment_id": ior["1.2"],
            "region": IOR,
            "code": "1.2",
            "text": "Ladeinfrastruktur",
            "county_status": "on_track",
            "region_status": "not_reported",
            "county_comment": None,
            "assessed_by": SIGNED,
        },
    ]
    assert analysis.difference_sentences(differences, "nb") == [
        "Fylket vurderer 1.2 som forsinket; regionen rapporterer fullført.",
        "Fylket vurderer 1.2 som i rute; regionen har ikke rapportert.",
    ]
    assert analysis.difference_sentences(differences, "en") == [
        "The county assesses 1.2 as delayed; the region reports completed.",
        "The county assesses 1.2 as on track; the region has not reported.",
    ]


def test_the_same_status_is_no_difference(assessed):
    # In 2024-Q1 the county agrees with Follo's not started for 2.1.
    assert analysis.assessment_differences(load_dataset(assessed), "2024-Q1").empty
    assert analysis.assessment_differences(load_dataset(assessed), None).empty


def test_the_sentence_of_the_issue():
    assert analysis.difference_sentence("3.2", "delayed", "on_track", "nb") == (
        "Fylket vurderer 3.2 som forsinket; regionen rapporterer i rute."
    )
    assert analysis.difference_sentence("3.2", "delayed", "on_track", "en") == (
        "The county assesses 3.2 as delayed; the region reports on track."
    )


def test_the_editor_rows_hold_the_region_report_beside_the_county_assessment(assessed):
    follo = ids(assessed, FOLLO)

    rows = analysis.assessment_rows(load_dataset(assessed), [follo["1.1"], follo["1.2"], follo["2.1"]], "2024-Q2")

    assert rows.to_dict("records") == [
        {
            "commitment_id": follo["1.1"],
            "code": "1.1",
            "text": "Trafikksikkerhet ved skoler",
            "county": "Viken fylkeskommune",
            "council_area": "Samferdsel",
            "region_status": "delayed",
            "region_comment": "Venter på vegvesenet",
            "county_status": "delayed",
            "county_comment": "Enig med regionen",
        },
        {
            "commitment_id": follo["1.2"],
            "code": "1.2",
            "text": "Innfartsparkering",
            "county": "Viken fylkeskommune",
            "council_area": "Samferdsel",
            "region_status": "completed",
            "region_comment": "Åpnet i mai",
            "county_status": "delayed",
            "county_comment": "<b>Ikke åpnet</b> for **alle**",
        },
        {
            "commitment_id": follo["2.1"],
            "code": "2.1",
            "text": "Flere lærlingplasser",
            "county": "Viken fylkeskommune",
            "council_area": "Utdanning og kompetanse",
            "region_status": "on_track",
            "region_comment": None,
            "county_status": None,
            "county_comment": None,
        },
    ]


def test_the_story_holds_its_assessments_and_says_where_they_differ(assessed):
    follo = ids(assessed, FOLLO)

    story = commitment_story(assessed, follo["1.2"])
    assert story is not None

    pd.testing.assert_frame_equal(
        story.assessments,
        frame([(follo["1.2"], "2024-Q2", "delayed", "<b>Ikke åpnet</b> for **alle**", SIGNED, AT)], ASSESSMENT_DTYPES),
    )
    assert analysis.story_differences(story, "2024-Q2") == [("1.2", "delayed", "completed")]
    assert analysis.story_differences(story, "2024-Q1") == []


def test_a_county_view_keeps_only_its_own_assessments(demo_template, tmp_path, monkeypatch):
    monkeypatch.setattr(core.assessments, "now_utc", lambda: AT)
    path = tmp_path / "demo.db"
    shutil.copy(demo_template[0], path)
    db = connect(path)
    try:
        newest = {
            region: (
                db.execute(
                    "SELECT c.id FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
                    "JOIN regions r ON r.id = a.region_id "
                    "WHERE r.name = ? AND a.period = '2024-2027' AND c.code = '1.1'",
                    (region,),
                ).fetchone()[0]
            )
            for region in ("Mosseregionen", "Gardermoregionen")
        }
        set_assessments(
            db,
            "2026-Q2",
            {newest["Mosseregionen"]: ("cancelled", None), newest["Gardermoregionen"]: ("cancelled", None)},
            user=ADMIN,
        )
        dataset = load_dataset(db)
        # The demo's own assessments of Østfold's regions, with the one added above.
        own = db.execute(
            "SELECT s.quarter, s.commitment_id FROM county_assessments s JOIN commitments c ON c.id = s.commitment_id "
            "JOIN agreements a ON a.id = c.agreement_id JOIN counties co ON co.id = a.county_id "
            "WHERE co.name = 'Østfold fylkeskommune' ORDER BY s.quarter, s.commitment_id"
        ).fetchall()
    finally:
        db.close()

    ostfold = county_dataset(dataset, "Østfold fylkeskommune")

    assert ("2026-Q2", newest["Mosseregionen"]) in own
    assert sorted(zip(ostfold.assessments["quarter"], ostfold.assessments["commitment_id"], strict=True)) == own
    differences = analysis.assessment_differences(ostfold, "2026-Q2")
    assert ("Mosseregionen", "1.1", "cancelled") in list(
        zip(differences["region"], differences["code"], differences["county_status"], strict=True)
    )
    assert "Gardermoregionen" not in set(differences["region"])


# --- the PDF brief and the quarterly workbook --------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nb",
            [
                "Der fylket vurderer annerledes (2)",
                "Follorådet: Fylket vurderer 1.2 som forsinket; regionen rapporterer fullført.",
                "Fylkets kommentar: <b>Ikke åpnet</b> for **alle**",
                "Indre Østfold regionråd: Fylket vurderer 1.2 som i rute; regionen har ikke rapportert.",
            ],
        ),
        (
            "en",
            [
                "Where the county assesses otherwise (2)",
                "Follorådet: The county assesses 1.2 as delayed; the region reports completed.",
                "County's comment: <b>Ikke åpnet</b> for **alle**",
                "Indre Østfold regionråd: The county assesses 1.2 as on track; the region has not reported.",
            ],
        ),
    ],
)
def test_the_brief_says_where_the_county_assesses_otherwise(assessed, blank_charts, lang, expected):
    dataset = apply_filters(load_dataset(assessed), Filters(quarter="2024-Q2"))

    lines = pdf_lines(report.pdf_brief(dataset, "2024-Q2", lang, "Utvalg", created=CREATED))

    start = lines.index(expected[0])
    # A sentence may wrap onto a second line; read the section as one text.
    section = " ".join(lines[start : start + 8])
    assert section.startswith(" ".join(expected))


def test_the_brief_has_no_such_section_when_the_two_agree(assessed, blank_charts):
    dataset = apply_filters(load_dataset(assessed), Filters(quarter="2024-Q1"))

    lines = pdf_lines(report.pdf_brief(dataset, "2024-Q1", "nb", "Utvalg", created=CREATED))

    assert [line for line in lines if "vurder" in line] == []


def test_the_workbook_has_the_county_assessment_beside_the_region_status(assessed):
    dataset = apply_filters(load_dataset(assessed), Filters(quarter="2024-Q2"))

    book = openpyxl.load_workbook(io.BytesIO(report.quarterly_workbook(dataset, "2024-Q2", "nb", "Utvalg")))

    follo = book[FOLLO]
    header_row = next(row for row in follo.iter_rows(values_only=True) if row[0] == "Nr")
    rows = [row for row in follo.iter_rows(values_only=True) if row[0] in ("1.1", "1.2", "2.1")]
    at = header_row.index("Status")
    assert header_row[at : at + 2] == ("Status", "Fylkets vurdering")
    assert [(row[0], row[at], row[at + 1]) for row in rows] == [
        ("1.1", "Forsinket", "Forsinket: Enig med regionen"),
        ("1.2", "Fullført", "Forsinket: <b>Ikke åpnet</b> for **alle**"),
        ("2.1", "I rute", None),
    ]


def test_the_workbook_has_no_such_column_without_assessments_in_the_quarter(page_db):
    dataset = apply_filters(load_dataset(page_db), Filters(quarter="2024-Q2"))

    book = openpyxl.load_workbook(io.BytesIO(report.quarterly_workbook(dataset, "2024-Q2", "nb", "Utvalg")))

    header_row = next(row for row in book[FOLLO].iter_rows(values_only=True) if row[0] == "Nr")
    assert "Fylkets vurdering" not in header_row
