import dataclasses
import datetime as dt

import pandas as pd
import pytest

from core.dataset import (
    AGREEMENT_DTYPES,
    ASSESSMENT_DTYPES,
    COMMITMENT_DTYPES,
    REPORT_DTYPES,
    FocusAreaInfo,
    LastUpdate,
    RegionProfile,
    agreements_in_force,
    commitment_story,
    commitments_in_force,
    frame,
    last_update,
    load_dataset,
    region_profile,
)
from core.db import write_transaction
from core.errors import UnknownRegion
from core.organisation import ensure_county, find_county, rename_region, set_region_county, set_region_members
from core.register import Agreement, Commitment, FocusArea, agreement_for, ensure_region, save_agreement
from tests.builders import FOLLO, IOR, ORU, VIKEN_UNITS, add_reports, build_example, build_register
from tests.test_lineage import STORY_DTYPES

# Every database holds Viken, and a region made in a database with one county joins it.
VIKEN = "Viken fylkeskommune"


def test_load_dataset(db):
    build_example(db)
    dataset = load_dataset(db)
    pd.testing.assert_frame_equal(
        dataset.commitments,
        frame(
            [
                (*row, VIKEN, VIKEN_UNITS.index(row[10]) if row[10] else None)
                for row in [
                    (
                        6,
                        2,
                        FOLLO,
                        "Follo",
                        "2022-2024",
                        "1.1",
                        "Trafikksikkerhet rundt skolene",
                        "1",
                        "Mobilitet",
                        "#grønnmobilitet",
                        "Samferdsel",
                        (11,),
                        0,
                        None,
                        None,
                    ),
                    (
                        7,
                        2,
                        FOLLO,
                        "Follo",
                        "2022-2024",
                        "1.2",
                        "Bestillingstransport i spredtbygde strøk",
                        None,
                        None,
                        None,
                        None,
                        (),
                        1,
                        "løpende",
                        None,
                    ),
                    (
                        1,
                        1,
                        IOR,
                        "IØR",
                        "2022-2023",
                        "1.1",
                        "Flere lærlingeplasser",
                        "1",
                        "Utdanning og kompetanse",
                        "#kompetanseløft",
                        "Utdanning og kompetanse",
                        (4, 8),
                        0,
                        "2023-12-31",
                        500_000,
                    ),
                    (
                        2,
                        1,
                        IOR,
                        "IØR",
                        "2022-2023",
                        "1.2",
                        "Styrke karriereveiledningen",
                        "1",
                        "Utdanning og kompetanse",
                        "#kompetanseløft",
                        "Næring og tannhelse",
                        (4, 9),
                        1,
                        None,
                        None,
                    ),
                    (
                        3,
                        1,
                        IOR,
                        "IØR",
                        "2022-2023",
                        "2.1",
                        "Felles klimaregnskap",
                        "2",
                        "Klima og miljø",
                        "#grønnomstilling",
                        "Plan, klima og miljø",
                        (13,),
                        2,
                        None,
                        None,
                    ),
                    (
                        5,
                        1,
                        IOR,
                        "IØR",
                        "2022-2023",
                        "2.2",
                        "Kartlegge naturmangfold",
                        "2",
                        "Klima og miljø",
                        "#grønnomstilling",
                        "Plan, klima og miljø",
                        (13,),
                        4,
                        None,
                        None,
                    ),
                    (
                        4,
                        1,
                        IOR,
                        "IØR",
                        "2022-2023",
                        "2.10",
                        "Ladeinfrastruktur for pendlere",
                        "2",
                        "Klima og miljø",
                        "#grønnomstilling",
                        "Samferdsel",
                        (13,),
                        3,
                        None,
                        None,
                    ),
                    (
                        8,
                        3,
                        ORU,
                        "ØRU",
                        "2023-2024",
                        "1.1",
                        "Felles næringsplan",
                        "1",
                        "Næringsutvikling",
                        None,
                        "Næring og tannhelse",
                        (8,),
                        0,
                        None,
                        None,
                    ),
                ]
            ],
            COMMITMENT_DTYPES,
        ),
    )
    pd.testing.assert_frame_equal(
        dataset.reports,
        frame(
            [
                (6, "2023-Q2", "on_track", 60, None, None, None, 1),
                (7, "2023-Q2", "cancelled", None, "Utgår etter vedtak i regionrådet", None, None, 1),
                (1, "2023-Q2", "on_track", 20, None, None, None, 1),
                (2, "2023-Q2", "delayed", 10, None, None, None, 1),
                (3, "2023-Q2", "on_track", 50, None, None, None, 1),
                (5, "2023-Q2", "delayed", 30, None, None, None, 1),
                (4, "2023-Q2", "not_started", None, None, None, None, 1),
                (6, "2023-Q3", "delayed", 60, "Venter på vegvesenet", None, "Per Hansen", 2),
                (7, "2023-Q3", "cancelled", None, None, None, None, 2),
                (1, "2023-Q3", "on_track", 40, None, None, None, 2),
                (2, "2023-Q3", "delayed", 15, None, None, None, 2),
                (3, "2023-Q3", "on_track", 80, None, None, None, 2),
                (7, "2023-Q4", "cancelled", None, None, None, None, 3),
                (1, "2023-Q4", "delayed", 35, "Mangler lærebedrifter", "Kontakte NHO", "Kari Nordmann", 3),
                (2, "2023-Q4", "delayed", 20, None, None, None, 3),
                (3, "2023-Q4", "completed", 100, "Levert", None, "Ola Berg", 3),
                (5, "2023-Q4", "delayed", 30, None, None, None, 3),
            ],
            REPORT_DTYPES,
        ),
    )
    assert dataset.quarters == ("2023-Q2", "2023-Q3", "2023-Q4")
    pd.testing.assert_frame_equal(
        dataset.agreements,
        frame(
            [
                (1, IOR, "2022-2023", 2022, 2023, VIKEN, None),
                (2, FOLLO, "2022-2024", 2022, 2024, VIKEN, None),
                (3, ORU, "2023-2024", 2023, 2024, VIKEN, None),
            ],
            AGREEMENT_DTYPES,
        ),
    )


def test_agreements_in_force(db):
    build_register(
        db,
        {
            FOLLO: {
                "agreements": [
                    Agreement("2020-2021", commitments=[Commitment("1.1", "Eldst")]),
                    Agreement("2022-2023", commitments=[Commitment("1.1", "Gammelt")]),
                    Agreement("2024-2027", commitments=[Commitment("1.1", "Nytt")]),
                ]
            },
            IOR: {"agreements": [Agreement("2022-2023", commitments=[Commitment("1.1", "Eneste")])]},
        },
    )
    dataset = load_dataset(db)

    def in_force(quarter):
        periods = agreements_in_force(dataset, quarter)["period"].tolist()
        return periods, commitments_in_force(dataset, quarter)["text"].tolist()

    # Periods of Follorådet, then Indre Østfold regionråd.
    assert in_force("2021-Q4") == (["2020-2021", "2022-2023"], ["Eldst", "Eneste"])
    assert in_force("2023-Q1") == (["2022-2023", "2022-2023"], ["Gammelt", "Eneste"])
    # Before any agreement started: the region's latest.
    assert in_force("2019-Q1") == (["2024-2027", "2022-2023"], ["Nytt", "Eneste"])
    # After all of them ended: the latest that started before.
    assert in_force("2030-Q2") == (["2024-2027", "2022-2023"], ["Nytt", "Eneste"])
    assert in_force(None) == (["2024-2027", "2022-2023"], ["Nytt", "Eneste"])


def test_missing_text_is_none(db):
    build_example(db)
    reports = load_dataset(db).reports
    # Not NaN, which assert_frame_equal would let pass, and not the text "None".
    assert reports.loc[reports["commitment_id"] == 6, "next_step"].tolist() == [None, None]
    assert reports.loc[reports["commitment_id"] == 3, "next_step"].tolist() == [None, None, None]


def test_load_dataset_leaves_out_retired_commitments_and_their_reports(db):
    agreement = Agreement(
        "2024-2025",
        commitments=[Commitment("1.1", "Beholdes"), Commitment("1.2", "Tas ut")],
    )
    build_register(db, {FOLLO: {"agreements": [agreement]}})
    add_reports(db, [(FOLLO, "1.1", "2024-Q1", "on_track", 10), (FOLLO, "1.2", "2024-Q1", "delayed", 5)])
    build_register(db, {FOLLO: {"agreements": [Agreement("2024-2025", commitments=[Commitment("1.1", "Beholdes")])]}})

    dataset = load_dataset(db)
    assert dataset.commitments["code"].tolist() == ["1.1"]
    pd.testing.assert_frame_equal(
        dataset.reports, frame([(1, "2024-Q1", "on_track", 10, None, None, None, 1)], REPORT_DTYPES)
    )


def test_load_dataset_from_an_empty_database(db):
    dataset = load_dataset(db)
    pd.testing.assert_frame_equal(dataset.commitments, frame([], COMMITMENT_DTYPES))
    pd.testing.assert_frame_equal(dataset.reports, frame([], REPORT_DTYPES))
    pd.testing.assert_frame_equal(dataset.agreements, frame([], AGREEMENT_DTYPES))
    assert dataset.quarters == ()


def test_frame_keeps_none_and_tuples():
    table = frame([("a", None, (1, 2)), ("b", "x", ())], {"name": "str", "note": "object", "sdgs": "object"})
    assert table["note"].tolist() == [None, "x"]
    assert table["sdgs"].tolist() == [(1, 2), ()]
    assert table.dtypes.astype(str).tolist() == ["str", "object", "object"]


def test_last_update_is_the_newest_upload_not_rolled_back(db):
    build_example(db)
    db.execute("UPDATE uploads SET uploaded_at = '2024-01-0' || id || 'T10:00:00+00:00', uploaded_by = 'bruker ' || id")
    db.execute("UPDATE uploads SET rolled_back_at = '2024-01-05T00:00:00+00:00' WHERE id = 3")
    assert last_update(db) == LastUpdate("2024-01-02T10:00:00+00:00", "bruker 2", "test.xlsx", "status")


def test_last_update_of_an_empty_database(db):
    assert last_update(db) is None


def test_region_profile(db):
    build_example(db)
    expected = RegionProfile(
        name=IOR,
        short_name="IØR",
        period="2022-2023",
        title="Partnerskapsavtale spesiell del 2022-2023",
        municipalities=(("3012", "Aremark"), ("3014", "Indre Østfold"), ("3016", "Rakkestad")),
        focus_areas=(
            FocusAreaInfo("1", "Utdanning og kompetanse", "#kompetanseløft", (4, 8)),
            FocusAreaInfo("2", "Klima og miljø", "#grønnomstilling", (13,)),
        ),
        agreement="Viken 2022–2023",
    )
    assert region_profile(db, IOR) == expected
    assert region_profile(db, "iør") == expected


def test_region_profile_shows_the_current_agreement(db):
    build_register(
        db,
        {
            FOLLO: {
                "agreements": [
                    Agreement("2020-2021", focus_areas=[FocusArea("1", "Gammelt")]),
                    Agreement("2022-2024", title="Ny avtale", focus_areas=[FocusArea("1", "Nytt", "#nytt", [11, 3])]),
                ]
            }
        },
    )
    assert region_profile(db, FOLLO) == RegionProfile(
        FOLLO,
        None,
        "2022-2024",
        "Ny avtale",
        (),
        (FocusAreaInfo("1", "Nytt", "#nytt", (3, 11)),),
        agreement="Viken 2022–2024",
    )
    # A quarter shows the agreement in force then, as the page's commitments do (found in the
    # try-out: the header named the new agreement over the old one's commitments).
    assert region_profile(db, FOLLO, "2021-Q2") == RegionProfile(
        FOLLO, None, "2020-2021", None, (), (FocusAreaInfo("1", "Gammelt", None, ()),), agreement="Viken 2020–2021"
    )
    assert region_profile(db, FOLLO, "2023-Q1").period == "2022-2024"


def test_region_profile_without_agreement(db):
    build_register(db, {ORU: {"municipalities": {"3238": "Nannestad"}}})
    assert region_profile(db, ORU) == RegionProfile(ORU, None, None, None, (("3238", "Nannestad"),), ())


def test_region_profile_of_unknown_region(db):
    with pytest.raises(UnknownRegion):
        region_profile(db, "Atlantis")


def test_commitment_story(db):
    build_example(db)
    story = commitment_story(db, 1)
    assert _fields(story) == {
        "commitment_id": 1,
        "county": "Viken",
        "region": IOR,
        "code": "1.1",
        "text": "Flere lærlingeplasser",
        "focus_area": "Utdanning og kompetanse",
        "hashtag": "#kompetanseløft",
        "council_area": "Utdanning og kompetanse",
        "sdgs": (4, 8),
        "period": "2022-2023",
        "deadline": "2023-12-31",
        "amount": 500_000,
        "carried_from": (),
        "carried_into": (),
        "ended": None,
    }
    story_agreement = (1, "Viken", "2022-2023", "1.1")
    pd.testing.assert_frame_equal(
        story.reports,
        frame(
            [
                ("2023-Q2", "on_track", 20, None, None, None, *story_agreement),
                ("2023-Q3", "on_track", 40, None, None, None, *story_agreement),
                ("2023-Q4", "delayed", 35, "Mangler lærebedrifter", "Kontakte NHO", "Kari Nordmann", *story_agreement),
            ],
            STORY_DTYPES,
        ),
    )
    pd.testing.assert_frame_equal(story.assessments, frame([], ASSESSMENT_DTYPES))


def _fields(story) -> dict:
    """Every field but the frames (reports, the county's assessments), which have no plain equality."""
    return {
        field.name: getattr(story, field.name)
        for field in dataclasses.fields(story)
        if field.name not in ("reports", "assessments")
    }


def test_commitment_story_with_own_goals_and_no_focus_area(db):
    build_example(db)
    assert commitment_story(db, 2).sdgs == (4, 9)
    story = commitment_story(db, 7)
    assert _fields(story) == {
        "commitment_id": 7,
        "county": "Viken",
        "region": FOLLO,
        "code": "1.2",
        "text": "Bestillingstransport i spredtbygde strøk",
        "focus_area": None,
        "hashtag": None,
        "council_area": None,
        "sdgs": (),
        "period": "2022-2024",
        "deadline": "løpende",
        "amount": None,
        "carried_from": (),
        "carried_into": (),
        "ended": None,
    }
    assert story.reports["comment"].tolist() == ["Utgår etter vedtak i regionrådet", None, None]


def test_commitment_story_of_unknown_commitment(db):
    assert commitment_story(db, 99) is None
    assert commitment_story(db, 10**20) is None
    assert commitment_story(db, -1) is None


def test_a_regions_members_are_those_of_the_quarter_shown_with_their_numbers_then(db):
    with write_transaction(db):
        region = ensure_region(db, IOR, "IØR", {"3014": "Indre Østfold", "3016": "Rakkestad"})
        set_region_members(db, region.id, {"3118": "Indre Østfold", "3120": "Rakkestad"}, dt.date(2024, 1, 1))
    assert region_profile(db, IOR, "2023-Q4").municipalities == (("3014", "Indre Østfold"), ("3016", "Rakkestad"))
    assert region_profile(db, IOR, "2025-Q1").municipalities == (("3118", "Indre Østfold"), ("3120", "Rakkestad"))
    assert region_profile(db, IOR).municipalities == (("3118", "Indre Østfold"), ("3120", "Rakkestad"))


def test_a_region_is_named_as_it_was_then_and_its_agreement_says_what_it_carries_on(db):
    with write_transaction(db):
        viken = find_county(db, "Viken")
        akershus = ensure_county(db, "Akershus fylkeskommune", "32", dt.date(2024, 1, 1))
        region = ensure_region(db, FOLLO, "Follo", county_id=viken.id)
        save_agreement(db, region, Agreement("2022-2023", commitments=[Commitment("1.1", "Skolevei")]))
        set_region_county(db, region.id, akershus, dt.date(2024, 1, 1))
        save_agreement(
            db,
            region,
            Agreement("2024-2027", commitments=[Commitment("1.1", "Skolevei")]),
            succeeds_id=agreement_for(db, region.id, "2022-2023"),
        )
        rename_region(db, region.id, "Folloregionen IPR", dt.date(2024, 1, 1))
    then = region_profile(db, "Folloregionen IPR", "2023-Q4")
    assert (then.name, then.name_then, then.agreement, then.continues) == (
        "Folloregionen IPR",
        FOLLO,
        "Viken 2022–2023",
        None,
    )
    now = region_profile(db, FOLLO, "2025-Q1")
    assert (now.name, now.name_then, now.agreement, now.continues) == (
        "Folloregionen IPR",
        None,
        "Akershus 2024–2027",
        "Viken 2022–2023",
    )
