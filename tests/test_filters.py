import pandas as pd
import pytest

from core.dataset import COMMITMENT_DTYPES, REPORT_DTYPES, frame, load_dataset
from core.filters import (
    STATUS_CHOICES,
    FilterOptions,
    Filters,
    apply_filters,
    complete_quarters,
    default_quarter,
    effective_quarter,
    filter_options,
    norwegian_sort_key,
    provisional_quarters,
)
from core.settings import SETTINGS_BY_NAME
from outputs.charts import status_label
from tests.builders import FOLLO, IOR, ORU, add_reports, build_example

ALL_QUARTERS = ("2023-Q2", "2023-Q3", "2023-Q4")


@pytest.fixture
def dataset(db):
    build_example(db)
    return load_dataset(db)


def test_norwegian_sort_key():
    words = ["Ås", "Øst", "Aker", "Ære", "Zeta"]
    assert sorted(words, key=norwegian_sort_key) == ["Aker", "Zeta", "Ære", "Øst", "Ås"]


def test_norwegian_sort_key_ignores_case_and_other_accents():
    words = ["øst", "Åsen", "aker", "Ærlig", "Zeta", "Évje", "Aker", "ås"]
    assert sorted(words, key=norwegian_sort_key) == ["Aker", "aker", "Évje", "Zeta", "Ærlig", "øst", "ås", "Åsen"]


def test_every_status_choice_has_a_label():
    assert [status_label(key) for key in STATUS_CHOICES] == [
        "Ikke startet",
        "I rute",
        "Forsinket",
        "Fullført",
        "Utgår",
        "Ikke rapportert",
    ]
    assert status_label("not_reported", "en") == "Not reported"


def test_filter_options(dataset):
    assert filter_options(dataset) == FilterOptions(
        regions=(FOLLO, IOR, ORU),
        council_areas=("Plan, klima og miljø", "Samferdsel", "Næring og tannhelse", "Utdanning og kompetanse"),
        sdgs=(4, 8, 9, 11, 13),
        hashtags=("#grønnmobilitet", "#grønnomstilling", "#kompetanseløft"),
        statuses=("not_started", "on_track", "delayed", "completed", "cancelled", "not_reported"),
        quarters=("2023-Q4", "2023-Q3", "2023-Q2"),
        counties=("Viken fylkeskommune",),
    )


def test_filter_options_of_an_empty_database(db):
    assert filter_options(load_dataset(db)) == FilterOptions((), (), (), (), STATUS_CHOICES, ())


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [(None, "2023-Q4"), ("2023-Q3", "2023-Q3"), ("2030-Q1", "2023-Q4"), ("2023-Q1", "2023-Q4")],
)
def test_effective_quarter(dataset, chosen, expected):
    assert effective_quarter(dataset, Filters(quarter=chosen)) == expected


def test_a_quarter_is_complete_when_the_share_of_regions_has_reported(dataset):
    # Follo and IØR report every quarter, Øvre Romerike never: 2 of 3 regions.
    assert complete_quarters(dataset, 1.0) == ()
    assert complete_quarters(dataset, 2 / 3) == ALL_QUARTERS
    assert complete_quarters(dataset, 0.7) == ()


def test_the_default_quarter_is_the_latest_complete_one(dataset, db, monkeypatch):
    add_reports(db, [(ORU, "1.1", "2023-Q3", "on_track", 10), (IOR, "1.1", "2024-Q1", "on_track", 50)])
    grown = load_dataset(db)
    # 2023-Q3 has all three regions; 2024-Q1 only IØR, so it is provisional, and so is 2023-Q4
    # (newer than the latest complete quarter); 2023-Q2, older and incomplete, is not.
    assert complete_quarters(grown) == ("2023-Q3",)
    assert default_quarter(grown) == effective_quarter(grown, Filters()) == "2023-Q3"
    assert effective_quarter(grown, Filters(quarter="2024-Q1")) == "2024-Q1"
    assert provisional_quarters(grown) == ("2023-Q4", "2024-Q1")
    monkeypatch.setenv(SETTINGS_BY_NAME["complete_share"].env, "0.3")
    assert default_quarter(grown) == "2024-Q1"
    assert provisional_quarters(grown) == ()


def test_without_a_complete_quarter_the_default_is_the_latest_and_provisional(dataset):
    assert default_quarter(dataset) == "2023-Q4"
    assert provisional_quarters(dataset) == ALL_QUARTERS


def test_effective_quarter_of_an_empty_database(db):
    assert effective_quarter(load_dataset(db), Filters(quarter="2024-Q1")) is None


def test_no_filters_keep_everything(dataset):
    filtered = apply_filters(dataset, Filters())
    pd.testing.assert_frame_equal(filtered.commitments, dataset.commitments)
    pd.testing.assert_frame_equal(filtered.reports, dataset.reports)
    assert filtered.quarters == ALL_QUARTERS


# Commitment ids in dataset order: Follo 6, 7; IØR 1, 2, 3, 5, 4; ØRU 8.
@pytest.mark.parametrize(
    ("filters", "commitment_ids"),
    [
        (Filters(region=IOR), [1, 2, 3, 5, 4]),
        (Filters(council_area="Plan, klima og miljø"), [3, 5]),
        # 1.2 in IØR has goals of its own (4, 9), not its focus area's 8.
        (Filters(sdg=8), [1, 8]),
        (Filters(hashtag="#grønnomstilling"), [3, 5, 4]),
        (Filters(status="delayed"), [1, 2, 5]),
        (Filters(status="not_reported"), [6, 4, 8]),
        (Filters(status="completed", quarter="2030-Q1"), [3]),
        (Filters(region=IOR, sdg=13, status="not_reported"), [4]),
        (Filters(region=FOLLO, council_area="Samferdsel", hashtag="#grønnmobilitet"), [6]),
        (Filters(region="Finnes ikke"), []),
    ],
)
def test_apply_filters_to_the_latest_quarter(dataset, filters, commitment_ids):
    filtered = apply_filters(dataset, filters)
    assert_selected(filtered, dataset, commitment_ids, "2023-Q4")
    assert filtered.quarters == ALL_QUARTERS


def test_status_filter_applies_to_the_chosen_quarter(dataset):
    filtered = apply_filters(dataset, Filters(status="delayed", quarter="2023-Q3"))
    assert_selected(filtered, dataset, [6, 2], "2023-Q3")
    assert filtered.quarters == ("2023-Q2", "2023-Q3")


def test_not_reported_in_an_earlier_quarter(dataset):
    filtered = apply_filters(dataset, Filters(status="not_reported", quarter="2023-Q2"))
    assert_selected(filtered, dataset, [8], "2023-Q2")
    assert filtered.quarters == ("2023-Q2",)


def test_filtered_to_nothing_keeps_columns_and_dtypes(dataset):
    filtered = apply_filters(dataset, Filters(region=ORU, status="on_track"))
    pd.testing.assert_frame_equal(filtered.commitments, frame([], COMMITMENT_DTYPES))
    pd.testing.assert_frame_equal(filtered.reports, frame([], REPORT_DTYPES))


def test_apply_filters_to_an_empty_database(db):
    dataset = load_dataset(db)
    filtered = apply_filters(dataset, Filters(region=IOR, sdg=4, status="not_reported", quarter="2024-Q1"))
    pd.testing.assert_frame_equal(filtered.commitments, frame([], COMMITMENT_DTYPES))
    pd.testing.assert_frame_equal(filtered.reports, frame([], REPORT_DTYPES))
    assert filtered.quarters == ()


def assert_selected(filtered, dataset, commitment_ids, quarter):
    """The filtered dataset holds exactly these commitments, in dataset order,
    and all their reports up to the quarter."""
    commitments = dataset.commitments
    expected = commitments[commitments["commitment_id"].isin(commitment_ids)].reset_index(drop=True)
    assert expected["commitment_id"].tolist() == commitment_ids
    pd.testing.assert_frame_equal(filtered.commitments, expected)
    reports = dataset.reports
    kept = reports["commitment_id"].isin(commitment_ids) & (reports["quarter"] <= quarter)
    pd.testing.assert_frame_equal(filtered.reports, reports[kept].reset_index(drop=True))
