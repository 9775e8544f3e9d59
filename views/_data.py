"""Cached data access for the pages: the dataset, analysis results and charts.

The core returns plain data; this module only caches it. Caches are keyed on the
database path and its revision (read once per run by :func:`begin_run`), so an
upload from any session shows at once everywhere.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable

import streamlit as st

from core import analysis
from core.dataset import (
    Dataset,
    LastUpdate,
    commitment_story,
    last_update,
    load_dataset,
    region_profile,
    upload_summary,
)
from core.db import connect, database_path, revision
from core.filters import (
    FilterOptions,
    Filters,
    apply_filters,
    default_quarter,
    filter_options,
    provisional_quarters,
    search_matches,
)
from core.vocabulary import fold
from outputs import charts
from outputs.charts import Chart
from views._state import current_filters


def begin_run() -> None:
    """Read the database's path and revision once per run; every cache below is keyed on them."""
    path = str(database_path())
    st.session_state["_source"] = (path, revision(path))


def _source() -> tuple[str, int]:
    return st.session_state["_source"]


def database_file() -> str:
    return _source()[0]


def data_revision() -> int:
    return _source()[1]


# cache_resource, not cache_data: the dataset is large and read-only, and copying
# it on every rerun (as cache_data does) would cost more than the page itself.
@st.cache_resource(max_entries=2, show_spinner=False)
def _dataset(path: str, data_revision: int) -> Dataset:
    with contextlib.closing(connect(path)) as db:
        return load_dataset(db)


@st.cache_resource(max_entries=64, show_spinner=False)
def _filtered(path: str, data_revision: int, filters: Filters) -> Dataset:
    return apply_filters(_dataset(path, data_revision), filters)


@st.cache_resource(max_entries=2, show_spinner=False)
def _options(path: str, data_revision: int) -> FilterOptions:
    return filter_options(_dataset(path, data_revision))


def region_names() -> tuple[str, ...]:
    return filter_choices().regions


def dataset() -> Dataset:
    """Everything in the database, unfiltered."""
    return _dataset(*_source())


def filtered() -> Dataset:
    """The data the current filters select."""
    return _filtered(*_source(), current_filters())


# Functions are passed by name: st.cache_data keys on its arguments and cannot hash functions.
@st.cache_data(max_entries=512, show_spinner=False)
def _computed(name: str, path: str, data_revision: int, filters: Filters, *args):
    return getattr(analysis, name)(_filtered(path, data_revision, filters), *args)


def computed(function: Callable, *args):
    """``function(filtered dataset, *args)`` from core.analysis, cached per revision and filters."""
    return _computed(function.__name__, *_source(), current_filters(), *args)


# Building a figure costs more than the numbers behind it (0.1–0.3 s at national scale),
# so the finished Chart is cached too, its figure a FinishedFigure that st.plotly_chart need not
# copy on every rerun; cache_resource shares it without copying, and nothing mutates a Chart once built.
@st.cache_resource(max_entries=256, show_spinner=False)
def _chart(
    chart_name: str,
    analysis_name: str,
    path: str,
    data_revision: int,
    filters: Filters,
    lang: str,
    args: tuple,
    options: tuple,
) -> Chart:
    frame = _computed(analysis_name, path, data_revision, filters, *args)
    return charts.finished(getattr(charts, chart_name)(frame, lang, **dict(options)))


def chart(
    chart_function: Callable, analysis_function: Callable, *args, lang: str, all_regions: bool = False, **options
) -> Chart:
    """``chart_function(analysis_function(filtered dataset, *args), lang, **options)``, cached."""
    filters = dataclasses.replace(current_filters(), region=None) if all_regions else current_filters()
    return _chart(
        chart_function.__name__,
        analysis_function.__name__,
        *_source(),
        filters,
        lang,
        args,
        tuple(sorted(options.items())),
    )


@st.cache_resource(max_entries=64, show_spinner=False)
def _story_chart(path: str, data_revision: int, commitment_id: int, lang: str) -> Chart:
    return charts.finished(
        charts.progress_line(_lookup("commitment_story", path, data_revision, commitment_id).reports, lang)
    )


def story_chart(commitment_id: int, lang: str) -> Chart:
    return _story_chart(*_source(), commitment_id, lang)


_LOOKUPS: dict[str, Callable[..., object]] = {
    "region_profile": region_profile,
    "commitment_story": commitment_story,
    "last_update": last_update,
    "upload_summary": upload_summary,
}


@st.cache_data(max_entries=256, show_spinner=False)
def _lookup(name: str, path: str, data_revision: int, *args):
    with contextlib.closing(connect(path)) as db:
        return _LOOKUPS[name](db, *args)


def profile(region: str):
    return _lookup("region_profile", *_source(), region)


def story(commitment_id: int):
    return _lookup("commitment_story", *_source(), commitment_id)


def latest_upload() -> LastUpdate | None:
    return _lookup("last_update", *_source())


def selection_upload() -> LastUpdate | None:
    """The upload that wrote the newest report among the selected commitments; None when they
    have none (another region's upload says nothing about them)."""
    upload_id = analysis.newest_upload_id(filtered())
    return _lookup("upload_summary", *_source(), upload_id) if upload_id is not None else None


# The picker sends at most this many commitments; at national scale the filter can select 20 000
# (1.4 MB of options on every change), so a search narrows them down first.
PICKER_LIMIT = 200


@dataclasses.dataclass(frozen=True)
class PickerChoices:
    """What the commitment picker offers for the current filters and search."""

    ids: list[int]  # the matches offered, at most PICKER_LIMIT
    matches: int  # how many match the search
    labels: dict[int, str]  # every commitment the filters select, by id


@st.cache_resource(max_entries=64, show_spinner=False)
def _picker_options(
    path: str, data_revision: int, filters: Filters, quarter: str | None
) -> tuple[list[int], dict[int, str], list[str]]:
    table = _computed("commitment_table", path, data_revision, filters, quarter)
    rows = table[["commitment_id", "region", "code", "text"]].itertuples(index=False)
    labels = {int(id_): commitment_label(region, code, text) for id_, region, code, text in rows}
    return list(labels), labels, [fold(label) for label in labels.values()]


@st.cache_resource(max_entries=256, show_spinner=False)
def _picker_matches(
    path: str, data_revision: int, filters: Filters, quarter: str | None, query: str
) -> tuple[list[int], int]:
    ids, _, folded = _picker_options(path, data_revision, filters, quarter)
    found = search_matches(folded, query)
    return [ids[position] for position in found[:PICKER_LIMIT]], len(found)


def commitment_label(region: str, code: str, text: str) -> str:
    """How the picker names a commitment: "Follorådet 1.1 – Trafikksikkerhet ved skoler"."""
    return f"{region} {code} – {text[:90]}"


# Which quarters are complete is counted over every report: once per revision, not per call.
@st.cache_resource(max_entries=2, show_spinner=False)
def _quarter_states(path: str, data_revision: int) -> tuple[str | None, frozenset[str]]:
    """The default quarter and the provisional ones."""
    whole = _dataset(path, data_revision)
    return default_quarter(whole), frozenset(provisional_quarters(whole))


def quarter_in_view() -> str | None:
    """The quarter the pages show: the chosen one, else the latest complete one (core.filters.default_quarter)."""
    quarter = current_filters().quarter
    return quarter if quarter in dataset().quarters else _quarter_states(*_source())[0]


def default_quarter_in_view() -> str | None:
    """The quarter shown when none is chosen."""
    return _quarter_states(*_source())[0]


def provisional(quarter: str | None) -> bool:
    """Whether the quarter's figures are provisional (core.filters.provisional_quarters)."""
    return quarter in _quarter_states(*_source())[1]


def filter_choices() -> FilterOptions:
    """What the sidebar filters offer, for the data as it is now."""
    return _options(*_source())


def commitment_choices(query: str) -> PickerChoices:
    """The commitment picker's choices: the commitments the current filters select in the quarter in
    view that match ``query`` (core.filters.search_matches), at most :data:`PICKER_LIMIT` of them."""
    source = (*_source(), current_filters(), quarter_in_view())
    ids, matches = _picker_matches(*source, query)
    return PickerChoices(ids, matches, _picker_options(*source)[1])
