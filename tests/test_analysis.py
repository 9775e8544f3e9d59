import datetime as dt
import math
from dataclasses import asdict

import pandas as pd
import pytest

from core import analysis
from core.analysis import Kpis, quarter_out_of_date
from core.dataset import frame, load_dataset
from core.filters import Filters, apply_filters
from core.register import Agreement, Commitment
from core.vocabulary import SDGS
from tests.builders import FOLLO, IOR, ORU, add_reports, build_example, build_register

NA = pd.NA
NAN = math.nan
ROW = {"commitment_id": "int64", "region": "str", "code": "str", "text": "str", "council_area": "object"}
CHANGE = {
    **ROW,
    "status": "str",
    "progress": "Int64",
    "comment": "object",
    "previous_quarter": "object",
    "previous_status": "object",
    "previous_progress": "Int64",
}
STALE = {**ROW, "status": "str", "progress": "Int64", "last_reported": "object"}
STATUS_COUNTS = {"quarter": "str", "status": "str", "count": "int64", "share": "float64"}
HEATMAP = {
    "region": "str",
    "council_area": "object",
    "commitments": "int64",
    "reported": "int64",
    "succeeding": "int64",
    "share": "float64",
}
TABLE = {
    "commitment_id": "int64",
    "region": "str",
    "code": "str",
    "text": "str",
    "focus_area": "object",
    "hashtag": "object",
    "council_area": "object",
    "sdgs": "object",
    "deadline": "object",
    "amount": "Int64",
    "status": "str",
    "progress": "Int64",
    "comment": "object",
    "next_step": "object",
    "owner": "object",
    "last_reported": "object",
}
FOCUS = {
    "region": "str",
    "focus_number": "object",
    "focus_area": "object",
    "hashtag": "object",
    "commitments": "int64",
    "average_progress": "float64",
    "on_track_share": "float64",
    "completed": "int64",
}
SIDE_BY_SIDE = {
    "region": "str",
    "commitments": "int64",
    "on_track": "float64",
    "delayed": "float64",
    "completed": "float64",
    "not_started": "float64",
    "cancelled": "float64",
    "not_reported": "float64",
    "average_progress": "float64",
}
BREAKDOWN = {"council_area": "object", "status": "str", "count": "int64", "share": "float64"}
GROUPED_BY_REGION = {"group": "str", "status": "str", "count": "int64", "share": "float64"}
GROUPED_BY_TEXT = {"group": "object", "status": "str", "count": "int64", "share": "float64"}
LATE = {
    **ROW,
    "progress": "Int64",
    "comment": "object",
    "next_step": "object",
    "owner": "object",
    "delayed_since": "str",
    "quarters_delayed": "int64",
}
UNREPORTED = {**ROW, "last_reported": "object"}
SDG_SUMMARY = {
    "sdg": "int64",
    "name_nb": "str",
    "name_en": "str",
    "colour": "str",
    "commitments": "int64",
    "on_track_or_completed_share": "float64",
}
DRILLDOWN = {
    "region": "str",
    "focus_number": "object",
    "focus_area": "object",
    "commitments": "int64",
    "on_track": "int64",
    "share": "float64",
}
PLAN, SAMFERDSEL, NAERING, UTDANNING = (
    "Plan, klima og miljø",
    "Samferdsel",
    "Næring og tannhelse",
    "Utdanning og kompetanse",
)


@pytest.fixture
def dataset(db):
    build_example(db)
    return load_dataset(db)


def assert_frame(actual, rows, dtypes):
    pd.testing.assert_frame_equal(actual, frame(rows, dtypes))


def headline(quarter, previous, counts, shares, deltas=(None,) * 5):
    """Kpis from (commitments, reported, not_reported, compared), the five shares (on track or
    completed, on track, delayed, completed, average progress) and their five deltas."""
    return Kpis(quarter, previous, *counts, *shares, *deltas)


def test_kpis_are_shares_of_the_reported_with_like_for_like_changes(dataset):
    # 2023-Q4: 5 of 8 reported (IØR 1.1, 1.2, 2.2 delayed, 2.1 completed; Follo 1.2 cancelled).
    # Reported in both 2023-Q3 and 2023-Q4: IØR 1.1 (on track → delayed), 1.2 (delayed → delayed),
    # 2.1 (on track → completed), Follo 1.2 (cancelled → cancelled).
    kpis = analysis.kpis(dataset, "2023-Q4")
    assert asdict(kpis) == pytest.approx(
        asdict(
            headline(
                "2023-Q4",
                "2023-Q3",
                (8, 5, 3, 4),
                (20.0, 0.0, 60.0, 20.0, 46.25),
                (25.0 - 50.0, 0.0 - 50.0, 50.0 - 25.0, 25.0 - 0.0, 155 / 3 - 45.0),
            )
        )
    )


def test_kpis_of_the_first_quarter_have_no_deltas(dataset):
    assert analysis.kpis(dataset, "2023-Q2") == pytest.approx(
        headline("2023-Q2", None, (8, 7, 1, 0), (300 / 7, 300 / 7, 200 / 7, 0.0, 34.0))
    )


def test_kpis_count_a_completed_commitment_as_a_success(db):
    build_register(db, {FOLLO: {"agreements": [Agreement("2024-2025", commitments=[Commitment("1.1", "Ferdig")])]}})
    add_reports(db, [(FOLLO, "1.1", "2024-Q1", "on_track", 90), (FOLLO, "1.1", "2024-Q2", "completed", 100)])
    kpis = analysis.kpis(load_dataset(db), "2024-Q2")
    assert kpis == headline(
        "2024-Q2", "2024-Q1", (1, 1, 0, 1), (100.0, 0.0, 0.0, 100.0, 100.0), (0.0, -100.0, 0.0, 100.0, 10.0)
    )


def test_kpis_of_a_region_without_reports(dataset):
    only = apply_filters(dataset, Filters(region=ORU))
    assert analysis.kpis(only, "2023-Q4") == headline("2023-Q4", "2023-Q3", (1, 0, 1, 0), (None,) * 5)


def test_kpis_when_one_region_alone_reports_a_new_quarter(dataset, db):
    # Follo alone reports 2024-Q1: the rest is unknown, not failing, and the change
    # compares Follo 1.2 with itself (cancelled both times: no change).
    add_reports(db, [(FOLLO, "1.2", "2024-Q1", "cancelled", None), (FOLLO, "1.1", "2024-Q1", "completed", 100)])
    kpis = analysis.kpis(load_dataset(db), "2024-Q1")
    assert kpis == headline(
        "2024-Q1", "2023-Q4", (8, 2, 6, 1), (50.0, 0.0, 0.0, 50.0, 100.0), (0.0, 0.0, 0.0, 0.0, None)
    )


def test_coverage(dataset):
    assert analysis.coverage(dataset, "2023-Q4") == analysis.Coverage("2023-Q4", 3, 2, 8, 5)
    assert analysis.coverage(dataset, "2023-Q3") == analysis.Coverage("2023-Q3", 3, 2, 8, 5)
    assert analysis.coverage(dataset, "2023-Q2") == analysis.Coverage("2023-Q2", 3, 2, 8, 7)
    assert analysis.coverage(apply_filters(dataset, Filters(region=ORU)), "2023-Q4") == analysis.Coverage(
        "2023-Q4", 1, 0, 1, 0
    )


def test_unreported_by_region(dataset):
    assert_frame(
        analysis.unreported_by_region(dataset, "2023-Q4"),
        [(FOLLO, 2, 1, 1, "2023-Q4"), (IOR, 5, 4, 1, "2023-Q4"), (ORU, 1, 0, 1, None)],
        {"region": "str", "commitments": "int64", "reported": "int64", "missing": "int64", "last_reported": "object"},
    )


def test_reports_out_of_date_after_a_quarter_has_passed(dataset):
    # The newest report is for 2023-Q4; the quarter after it ends on 31 March 2024.
    assert not analysis.reports_out_of_date(dataset, dt.date(2024, 3, 31))
    assert analysis.reports_out_of_date(dataset, dt.date(2024, 4, 1))


def test_newest_upload_id(dataset):
    assert analysis.newest_upload_id(dataset) == int(dataset.reports["upload_id"].max())
    assert analysis.newest_upload_id(apply_filters(dataset, Filters(region=ORU))) is None


def test_status_by_quarter(dataset):
    assert_frame(
        analysis.status_by_quarter(dataset),
        [
            ("2023-Q2", "not_started", 1, 12.5),
            ("2023-Q2", "on_track", 3, 37.5),
            ("2023-Q2", "delayed", 2, 25.0),
            ("2023-Q2", "completed", 0, 0.0),
            ("2023-Q2", "cancelled", 1, 12.5),
            ("2023-Q2", "not_reported", 1, 12.5),
            ("2023-Q3", "not_started", 0, 0.0),
            ("2023-Q3", "on_track", 2, 25.0),
            ("2023-Q3", "delayed", 2, 25.0),
            ("2023-Q3", "completed", 0, 0.0),
            ("2023-Q3", "cancelled", 1, 12.5),
            ("2023-Q3", "not_reported", 3, 37.5),
            ("2023-Q4", "not_started", 0, 0.0),
            ("2023-Q4", "on_track", 0, 0.0),
            ("2023-Q4", "delayed", 3, 37.5),
            ("2023-Q4", "completed", 1, 12.5),
            ("2023-Q4", "cancelled", 1, 12.5),
            ("2023-Q4", "not_reported", 3, 37.5),
        ],
        STATUS_COUNTS,
    )


def test_status_by_quarter_of_a_region_without_reports(dataset):
    only = apply_filters(dataset, Filters(region=ORU))
    assert_frame(
        analysis.status_by_quarter(only),
        [
            ("2023-Q2", "not_reported", 1, 100.0),
            ("2023-Q3", "not_reported", 1, 100.0),
            ("2023-Q4", "not_reported", 1, 100.0),
        ],
        STATUS_COUNTS,
    )


def test_status_by_quarter_up_to_the_chosen_quarter(dataset):
    filtered = apply_filters(dataset, Filters(council_area=PLAN, quarter="2023-Q3"))
    assert_frame(
        analysis.status_by_quarter(filtered),
        [
            ("2023-Q2", "on_track", 1, 50.0),
            ("2023-Q2", "delayed", 1, 50.0),
            ("2023-Q2", "not_reported", 0, 0.0),
            ("2023-Q3", "on_track", 1, 50.0),
            ("2023-Q3", "delayed", 0, 0.0),
            ("2023-Q3", "not_reported", 1, 50.0),
        ],
        STATUS_COUNTS,
    )


def test_on_track_heatmap(dataset):
    # Shares of the reported: Follo's Samferdsel commitment (1.1) has no report in 2023-Q4, so its cell is unknown.
    assert_frame(
        analysis.on_track_heatmap(dataset, "2023-Q4"),
        [
            (FOLLO, PLAN, 0, 0, 0, NAN),
            (FOLLO, SAMFERDSEL, 1, 0, 0, NAN),
            (FOLLO, NAERING, 0, 0, 0, NAN),
            (FOLLO, UTDANNING, 0, 0, 0, NAN),
            (FOLLO, None, 1, 1, 0, 0.0),
            (IOR, PLAN, 2, 2, 1, 50.0),
            (IOR, SAMFERDSEL, 1, 0, 0, NAN),
            (IOR, NAERING, 1, 1, 0, 0.0),
            (IOR, UTDANNING, 1, 1, 0, 0.0),
            (IOR, None, 0, 0, 0, NAN),
            (ORU, PLAN, 0, 0, 0, NAN),
            (ORU, SAMFERDSEL, 0, 0, 0, NAN),
            (ORU, NAERING, 1, 0, 0, NAN),
            (ORU, UTDANNING, 0, 0, 0, NAN),
            (ORU, None, 0, 0, 0, NAN),
        ],
        HEATMAP,
    )


def test_since_last_quarter(dataset):
    changes = analysis.since_last_quarter(dataset, "2023-Q4")
    apprentices = (
        1,
        IOR,
        "1.1",
        "Flere lærlingeplasser",
        UTDANNING,
        "delayed",
        35,
        "Mangler lærebedrifter",
        "2023-Q3",
        "on_track",
        40,
    )
    # 1.2 was delayed before; 2.2 was delayed in its previous report (2023-Q2), before a quarter without one.
    assert_frame(changes.newly_delayed, [apprentices], CHANGE)
    assert_frame(
        changes.newly_completed,
        [(3, IOR, "2.1", "Felles klimaregnskap", PLAN, "completed", 100, "Levert", "2023-Q3", "on_track", 80)],
        CHANGE,
    )
    assert_frame(changes.progress_backwards, [apprentices], CHANGE)
    # Follo 1.1 reported in 2023-Q3, so it is missing but not stale.
    assert_frame(
        changes.stale,
        [
            (4, IOR, "2.10", "Ladeinfrastruktur for pendlere", SAMFERDSEL, "not_started", NA, "2023-Q2"),
            (8, ORU, "1.1", "Felles næringsplan", NAERING, "not_reported", NA, None),
        ],
        STALE,
    )


def test_since_the_first_quarter(dataset):
    changes = analysis.since_last_quarter(dataset, "2023-Q2")
    assert_frame(
        changes.newly_delayed,
        [
            (2, IOR, "1.2", "Styrke karriereveiledningen", NAERING, "delayed", 10, None, None, None, NA),
            (5, IOR, "2.2", "Kartlegge naturmangfold", PLAN, "delayed", 30, None, None, None, NA),
        ],
        CHANGE,
    )
    assert_frame(changes.newly_completed, [], CHANGE)
    assert_frame(changes.progress_backwards, [], CHANGE)
    assert_frame(changes.stale, [(8, ORU, "1.1", "Felles næringsplan", NAERING, "not_reported", NA, None)], STALE)


def test_commitment_table(dataset):
    table = analysis.commitment_table(dataset, "2023-Q4")
    assert_frame(
        table,
        [
            (
                6,
                FOLLO,
                "1.1",
                "Trafikksikkerhet rundt skolene",
                "Mobilitet",
                "#grønnmobilitet",
                SAMFERDSEL,
                "11",
                None,
                NA,
                "not_reported",
                NA,
                None,
                None,
                None,
                "2023-Q3",
            ),
            (
                7,
                FOLLO,
                "1.2",
                "Bestillingstransport i spredtbygde strøk",
                None,
                None,
                None,
                None,
                "løpende",
                NA,
                "cancelled",
                NA,
                None,
                None,
                None,
                "2023-Q4",
            ),
            (
                1,
                IOR,
                "1.1",
                "Flere lærlingeplasser",
                UTDANNING,
                "#kompetanseløft",
                UTDANNING,
                "4, 8",
                "2023-12-31",
                500_000,
                "delayed",
                35,
                "Mangler lærebedrifter",
                "Kontakte NHO",
                "Kari Nordmann",
                "2023-Q4",
            ),
            (
                2,
                IOR,
                "1.2",
                "Styrke karriereveiledningen",
                UTDANNING,
                "#kompetanseløft",
                NAERING,
                "4, 9",
                None,
                NA,
                "delayed",
                20,
                None,
                None,
                None,
                "2023-Q4",
            ),
            (
                3,
                IOR,
                "2.1",
                "Felles klimaregnskap",
                "Klima og miljø",
                "#grønnomstilling",
                PLAN,
                "13",
                None,
                NA,
                "completed",
                100,
                "Levert",
                None,
                "Ola Berg",
                "2023-Q4",
            ),
            (
                5,
                IOR,
                "2.2",
                "Kartlegge naturmangfold",
                "Klima og miljø",
                "#grønnomstilling",
                PLAN,
                "13",
                None,
                NA,
                "delayed",
                30,
                None,
                None,
                None,
                "2023-Q4",
            ),
            (
                4,
                IOR,
                "2.10",
                "Ladeinfrastruktur for pendlere",
                "Klima og miljø",
                "#grønnomstilling",
                SAMFERDSEL,
                "13",
                None,
                NA,
                "not_reported",
                NA,
                None,
                None,
                None,
                "2023-Q2",
            ),
            (
                8,
                ORU,
                "1.1",
                "Felles næringsplan",
                "Næringsutvikling",
                None,
                NAERING,
                "8",
                None,
                NA,
                "not_reported",
                NA,
                None,
                None,
                None,
                None,
            ),
        ],
        TABLE,
    )
    # None, not NaN (which assert_frame_equal lets pass): pages test text with `if`.
    assert table["comment"].tolist()[:3] == [None, None, "Mangler lærebedrifter"]
    assert table["last_reported"].tolist()[-1] is None


def test_focus_area_progress(dataset):
    assert_frame(
        analysis.focus_area_progress(dataset, "2023-Q4"),
        [
            (FOLLO, "1", "Mobilitet", "#grønnmobilitet", 1, NAN, 0.0, 0),
            (FOLLO, None, None, None, 1, NAN, 0.0, 0),
            (IOR, "1", UTDANNING, "#kompetanseløft", 2, 27.5, 0.0, 0),
            (IOR, "2", "Klima og miljø", "#grønnomstilling", 3, 65.0, 0.0, 1),
            (ORU, "1", "Næringsutvikling", None, 1, NAN, 0.0, 0),
        ],
        FOCUS,
    )


def test_focus_area_progress_in_an_earlier_quarter(dataset):
    assert_frame(
        analysis.focus_area_progress(dataset, "2023-Q3"),
        [
            (FOLLO, "1", "Mobilitet", "#grønnmobilitet", 1, 60.0, 0.0, 0),
            (FOLLO, None, None, None, 1, NAN, 0.0, 0),
            (IOR, "1", UTDANNING, "#kompetanseløft", 2, 27.5, 50.0, 0),
            (IOR, "2", "Klima og miljø", "#grønnomstilling", 3, 80.0, 100 / 3, 0),
            (ORU, "1", "Næringsutvikling", None, 1, NAN, 0.0, 0),
        ],
        FOCUS,
    )


def test_regions_side_by_side(dataset):
    assert_frame(
        analysis.regions_side_by_side(dataset, "2023-Q4"),
        [
            (FOLLO, 2, 0.0, 0.0, 0.0, 0.0, 50.0, 50.0, NAN),
            (IOR, 5, 0.0, 60.0, 20.0, 0.0, 0.0, 20.0, 46.25),
            (ORU, 1, 0.0, 0.0, 0.0, 0.0, 0.0, 100.0, NAN),
        ],
        SIDE_BY_SIDE,
    )


def test_council_area_breakdown(dataset):
    assert_frame(
        analysis.council_area_breakdown(dataset, "2023-Q4"),
        [
            (PLAN, "delayed", 1, 50.0),
            (PLAN, "completed", 1, 50.0),
            (PLAN, "cancelled", 0, 0.0),
            (PLAN, "not_reported", 0, 0.0),
            (SAMFERDSEL, "delayed", 0, 0.0),
            (SAMFERDSEL, "completed", 0, 0.0),
            (SAMFERDSEL, "cancelled", 0, 0.0),
            (SAMFERDSEL, "not_reported", 2, 100.0),
            (NAERING, "delayed", 1, 50.0),
            (NAERING, "completed", 0, 0.0),
            (NAERING, "cancelled", 0, 0.0),
            (NAERING, "not_reported", 1, 50.0),
            (UTDANNING, "delayed", 1, 100.0),
            (UTDANNING, "completed", 0, 0.0),
            (UTDANNING, "cancelled", 0, 0.0),
            (UTDANNING, "not_reported", 0, 0.0),
            (None, "delayed", 0, 0.0),
            (None, "completed", 0, 0.0),
            (None, "cancelled", 1, 100.0),
            (None, "not_reported", 0, 0.0),
        ],
        BREAKDOWN,
    )


def test_status_breakdown_by_region(dataset):
    assert_frame(
        analysis.status_breakdown(dataset, "2023-Q4", "region"),
        [
            (FOLLO, "delayed", 0, 0.0),
            (FOLLO, "completed", 0, 0.0),
            (FOLLO, "cancelled", 1, 50.0),
            (FOLLO, "not_reported", 1, 50.0),
            (IOR, "delayed", 3, 60.0),
            (IOR, "completed", 1, 20.0),
            (IOR, "cancelled", 0, 0.0),
            (IOR, "not_reported", 1, 20.0),
            (ORU, "delayed", 0, 0.0),
            (ORU, "completed", 0, 0.0),
            (ORU, "cancelled", 0, 0.0),
            (ORU, "not_reported", 1, 100.0),
        ],
        GROUPED_BY_REGION,
    )


def test_status_breakdown_by_focus_area(dataset):
    assert_frame(
        analysis.status_breakdown(dataset, "2023-Q4", "focus_area"),
        [
            ("Mobilitet", "delayed", 0, 0.0),
            ("Mobilitet", "completed", 0, 0.0),
            ("Mobilitet", "cancelled", 0, 0.0),
            ("Mobilitet", "not_reported", 1, 100.0),
            (UTDANNING, "delayed", 2, 100.0),
            (UTDANNING, "completed", 0, 0.0),
            (UTDANNING, "cancelled", 0, 0.0),
            (UTDANNING, "not_reported", 0, 0.0),
            ("Klima og miljø", "delayed", 1, 100 / 3),
            ("Klima og miljø", "completed", 1, 100 / 3),
            ("Klima og miljø", "cancelled", 0, 0.0),
            ("Klima og miljø", "not_reported", 1, 100 / 3),
            ("Næringsutvikling", "delayed", 0, 0.0),
            ("Næringsutvikling", "completed", 0, 0.0),
            ("Næringsutvikling", "cancelled", 0, 0.0),
            ("Næringsutvikling", "not_reported", 1, 100.0),
            (None, "delayed", 0, 0.0),
            (None, "completed", 0, 0.0),
            (None, "cancelled", 1, 100.0),
            (None, "not_reported", 0, 0.0),
        ],
        GROUPED_BY_TEXT,
    )


def test_status_breakdown_by_something_else(dataset):
    with pytest.raises(ValueError):
        analysis.status_breakdown(dataset, "2023-Q4", "owner")


def test_late(dataset):
    # 2.2 was delayed in 2023-Q2 too, but did not report in 2023-Q3: that ends the run.
    assert_frame(
        analysis.late(dataset, "2023-Q4"),
        [
            (2, IOR, "1.2", "Styrke karriereveiledningen", NAERING, 20, None, None, None, "2023-Q2", 3),
            (
                1,
                IOR,
                "1.1",
                "Flere lærlingeplasser",
                UTDANNING,
                35,
                "Mangler lærebedrifter",
                "Kontakte NHO",
                "Kari Nordmann",
                "2023-Q4",
                1,
            ),
            (5, IOR, "2.2", "Kartlegge naturmangfold", PLAN, 30, None, None, None, "2023-Q4", 1),
        ],
        LATE,
    )


def test_unreported(dataset):
    assert_frame(
        analysis.unreported(dataset, "2023-Q4"),
        [
            (6, FOLLO, "1.1", "Trafikksikkerhet rundt skolene", SAMFERDSEL, "2023-Q3"),
            (4, IOR, "2.10", "Ladeinfrastruktur for pendlere", SAMFERDSEL, "2023-Q2"),
            (8, ORU, "1.1", "Felles næringsplan", NAERING, None),
        ],
        UNREPORTED,
    )


def test_sdg_summary(dataset):
    # Shares of the reported: SDG 8's Øvre Romerike commitment and two of SDG 13's are not reported.
    linked = {4: (2, 50.0), 8: (2, 100.0), 9: (1, 0.0), 11: (1, 0.0), 13: (3, 100.0)}
    assert_frame(
        analysis.sdg_summary(dataset, "2023-Q3"),
        [(sdg.number, sdg.nb, sdg.en, sdg.colour, *linked.get(sdg.number, (0, NAN))) for sdg in SDGS],
        SDG_SUMMARY,
    )


def test_sdg_drilldown(dataset):
    # IØR 1.2 is in a focus area with goal 8, but has goals of its own (4, 9).
    assert_frame(
        analysis.sdg_drilldown(dataset, 8, "2023-Q3"),
        [(IOR, "1", UTDANNING, 1, 1, 100.0), (ORU, "1", "Næringsutvikling", 1, 0, 0.0)],
        DRILLDOWN,
    )


def test_sdg_drilldown_of_a_goal_without_commitments(dataset):
    assert_frame(analysis.sdg_drilldown(dataset, 1, "2023-Q3"), [], DRILLDOWN)


def test_an_empty_database(db):
    dataset = load_dataset(db)
    assert analysis.kpis(dataset, None) == headline(None, None, (0, 0, 0, 0), (None,) * 5)
    assert analysis.coverage(dataset, None) == analysis.Coverage(None, 0, 0, 0, 0)
    assert analysis.unreported_by_region(dataset, None).empty
    assert_frame(analysis.status_by_quarter(dataset), [], STATUS_COUNTS)
    assert_frame(analysis.on_track_heatmap(dataset, None), [], HEATMAP)
    changes = analysis.since_last_quarter(dataset, None)
    for changed in (changes.newly_delayed, changes.newly_completed, changes.progress_backwards):
        assert_frame(changed, [], CHANGE)
    assert_frame(changes.stale, [], STALE)
    assert_frame(analysis.commitment_table(dataset, None), [], TABLE)
    assert_frame(analysis.focus_area_progress(dataset, None), [], FOCUS)
    assert_frame(analysis.regions_side_by_side(dataset, None), [], SIDE_BY_SIDE)
    assert_frame(analysis.council_area_breakdown(dataset, None), [], BREAKDOWN)
    assert_frame(analysis.status_breakdown(dataset, None, "region"), [], GROUPED_BY_REGION)
    assert_frame(analysis.late(dataset, None), [], LATE)
    assert_frame(analysis.unreported(dataset, None), [], UNREPORTED)
    assert_frame(
        analysis.sdg_summary(dataset, None),
        [(sdg.number, sdg.nb, sdg.en, sdg.colour, 0, NAN) for sdg in SDGS],
        SDG_SUMMARY,
    )
    assert_frame(analysis.sdg_drilldown(dataset, 4, None), [], DRILLDOWN)


def test_a_register_without_reports(db):
    build_register(db, {FOLLO: {"agreements": [Agreement("2024-2025", commitments=[Commitment("1.1", "Første")])]}})
    dataset = load_dataset(db)
    assert analysis.kpis(dataset, None) == headline(None, None, (1, 0, 1, 0), (None,) * 5)
    assert_frame(analysis.status_by_quarter(dataset), [], STATUS_COUNTS)
    assert_frame(analysis.unreported(dataset, None), [(1, FOLLO, "1.1", "Første", None, None)], UNREPORTED)
    assert_frame(
        analysis.since_last_quarter(dataset, None).stale,
        [(1, FOLLO, "1.1", "Første", None, "not_reported", NA, None)],
        STALE,
    )


def test_a_renewed_agreement_replaces_the_old_one(db):
    build_register(
        db,
        {
            FOLLO: {
                "agreements": [
                    Agreement("2022-2023", commitments=[Commitment("1.1", "Gammelt tiltak")]),
                    Agreement(
                        "2024-2025", commitments=[Commitment("1.1", "Nytt tiltak"), Commitment("1.2", "Også nytt")]
                    ),
                ]
            }
        },
    )
    add_reports(db, [(FOLLO, "1.1", "2023-Q4", "on_track", 80), (FOLLO, "1.1", "2024-Q1", "delayed", 10)])
    dataset = load_dataset(db)

    assert_frame(
        analysis.status_by_quarter(dataset),
        [
            ("2023-Q4", "on_track", 1, 100.0),
            ("2023-Q4", "delayed", 0, 0.0),
            ("2023-Q4", "not_reported", 0, 0.0),
            ("2024-Q1", "on_track", 0, 0.0),
            ("2024-Q1", "delayed", 1, 50.0),
            ("2024-Q1", "not_reported", 1, 50.0),
        ],
        STATUS_COUNTS,
    )
    assert analysis.commitment_table(dataset, "2023-Q4")["text"].tolist() == ["Gammelt tiltak"]
    assert analysis.commitment_table(dataset, "2024-Q1")["text"].tolist() == ["Nytt tiltak", "Også nytt"]
    # The new 1.1 is another commitment than the old 1.1: nothing is compared across agreements.
    assert analysis.kpis(dataset, "2024-Q1") == headline(
        "2024-Q1", "2023-Q4", (2, 1, 1, 0), (0.0, 0.0, 100.0, 0.0, 10.0)
    )


def test_an_agreement_imported_later_for_the_same_years_takes_over(db):
    build_register(db, {FOLLO: {"agreements": [Agreement("2022-2024", commitments=[Commitment("1.1", "Gammelt")])]}})
    add_reports(db, [(FOLLO, "1.1", "2024-Q1", "on_track", 80)])
    build_register(db, {FOLLO: {"agreements": [Agreement("2024-2027", commitments=[Commitment("1.1", "Nytt")])]}})
    dataset = load_dataset(db)

    assert_frame(analysis.status_by_quarter(dataset), [("2024-Q1", "not_reported", 1, 100.0)], STATUS_COUNTS)
    assert_frame(analysis.unreported(dataset, "2024-Q1"), [(2, FOLLO, "1.1", "Nytt", None, None)], UNREPORTED)


def test_a_quarter_is_out_of_date_once_the_quarter_after_it_has_ended():
    # Buskerud on 30.11.2026: 2. kv. is its latest complete quarter, 3. kv. provisional and not old.
    assert [quarter_out_of_date(quarter, dt.date(2026, 11, 30)) for quarter in ("2026-Q2", "2026-Q3")] == [True, False]
    assert quarter_out_of_date("2026-Q3", dt.date(2026, 12, 31)) is False
    assert quarter_out_of_date("2026-Q3", dt.date(2027, 1, 1)) is True
