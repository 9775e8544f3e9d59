"""Cached data access for the pages: the dataset, analysis results and charts.

The core returns plain data; this module only caches it, per database revision
(``meta.revision``, raised by every write), in one :class:`Revision` per database
file in this process:

- The first run in a process builds the revision it reads, once: runs arriving
  meanwhile wait for the same build.
- When a write raises the revision, the next run starts building the new one in
  a background thread and is served from the previous one meanwhile, with a note
  on the page that reruns it when the new one is ready. So an upload stalls nobody:
  only one build runs, and only two kinds of run wait for it: the session that
  wrote (whoever writes sees what they wrote at once) and a session's first run
  (a page opened or reloaded after a write shows it).
- A revision that has been replaced is dropped with everything computed from it
  (filtered data, analysis results, charts, lookups, picker options). A run still
  on it holds it until the run ends, so nothing is taken from under it; then one
  full garbage collection returns the memory (runner.postScriptGC is off in
  .streamlit/config.toml: the README's Benchmarks say why).

What is read from the database on its own (accounts, the upload log) is keyed on
the newest revision, :func:`data_revision`, not the one served.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import datetime as dt
import gc
import logging
import pickle
import threading
from collections.abc import Callable, Hashable, Iterator
from typing import Any, TypeVar

import streamlit as st
from streamlit import runtime

from core import analysis
from core.dataset import (
    Dataset,
    LastUpdate,
    commitment_story,
    last_update,
    load_revision,
    region_profile,
    upload_summary,
)
from core.db import connect, database_path, revision
from core.filters import (
    FilterOptions,
    Filters,
    apply_filters,
    calls_units_council_areas,
    county_dataset,
    county_ended,
    county_label,
    default_quarter,
    effective_county,
    filter_options,
    norwegian_sort_key,
    provisional_quarters,
    search_matches,
)
from core.i18n import t
from core.vocabulary import fold
from loaders import isolation
from outputs import charts
from outputs.charts import Chart
from views._state import current_filters

_Value = TypeVar("_Value")
_LOG = logging.getLogger(__name__)
# What a session shows and what it waits for: (database file, revision number).
SERVED_KEY = "_served_revision"
WROTE_KEY = "_wrote"


# How many values of each kind a revision keeps, the least recently used dropped first.
LIMITS: dict[str, int] = {
    "county": 16,
    "filtered": 64,
    "computed": 512,
    "chart": 256,
    "story_chart": 64,
    "lookup": 256,
    "picker": 64,
    "picker_matches": 256,
}
# How many of the most recently used values of each kind a new revision computes before it is
# shown: what the sessions were looking at, so that their first run on it finds them ready.
WARM_PER_KIND = 16

Recipe = Callable[["Revision"], _Value]


class _Slot:
    """One cached value, computed by the first run that asks; the others asking at once wait for it.
    Its recipe makes the same value from another revision."""

    def __init__(self, recipe: Recipe) -> None:
        self.recipe = recipe
        self._lock = threading.Lock()
        self._computed = False
        self._value: Any = None

    def value(self, revision: Revision) -> Any:
        with self._lock:
            if not self._computed:
                # A recipe that raises leaves the slot empty: the next run asking tries again.
                self._value = self.recipe(revision)
                self._computed = True
            return self._value


@dataclasses.dataclass(eq=False)
class Revision:
    """One revision of one database file, loaded, with everything computed from it."""

    path: str
    number: int
    dataset: Dataset
    regions: tuple[str, ...]  # every region with commitments, of any county; Norwegian alphabetical order
    _lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)
    _values: dict[str, collections.OrderedDict[Hashable, _Slot]] = dataclasses.field(default_factory=dict)

    def cached(self, kind: str, key: Hashable, recipe: Recipe[_Value]) -> _Value:
        """``recipe(self)``, once per ``(kind, key)`` in this revision."""
        with self._lock:
            entries = self._values.setdefault(kind, collections.OrderedDict())
            slot = entries.get(key)
            if slot is None:
                slot = entries[key] = _Slot(recipe)
                while len(entries) > LIMITS[kind]:
                    entries.popitem(last=False)
            else:
                entries.move_to_end(key)
        return slot.value(self)

    def held(self, kind: str) -> tuple[Hashable, ...]:
        """The keys of a kind cached now, least recently used first."""
        with self._lock:
            return tuple(self._values.get(kind, ()))

    def warm(self, newer: Revision) -> None:
        """Compute in ``newer`` the values most recently used here."""
        with self._lock:
            recent = [
                (kind, key, slot.recipe)
                for kind in LIMITS
                for key, slot in list(self._values.get(kind, {}).items())[-WARM_PER_KIND:]
            ]
        for kind, key, recipe in recent:
            try:
                newer.cached(kind, key, recipe)
            except Exception:
                # What the data no longer has (a region removed): the run that asks says so.
                _LOG.debug("not warmed: %s %r", kind, key, exc_info=True)


@dataclasses.dataclass(frozen=True)
class CountyView:
    """What one county's view offers and defaults to (core.filters.county_dataset)."""

    county: str | None  # the county shown; None: the data has no agreements
    label: str  # as core.filters.county_label names it; "" with no county
    options: FilterOptions
    # Which quarters are complete is counted over the county's reports: once per county and revision.
    default_quarter: str | None
    provisional: frozenset[str]
    quarters: tuple[str, ...]  # every quarter with a report in the county's view, ascending
    council_areas_word: bool  # the county calls its units rådsområder (else enheter)
    ended: dt.date | None  # the last day of a county that no longer exists (Viken's 2023-12-31)


def _county_view(revision: Revision, county: str | None) -> CountyView:
    def view(at: Revision) -> CountyView:
        shown = effective_county(at.dataset, Filters(county=county))
        scoped = county_dataset(at.dataset, shown)
        return CountyView(
            shown,
            county_label(at.dataset, shown) if shown else "",
            filter_options(at.dataset, shown),
            default_quarter(scoped),
            frozenset(provisional_quarters(scoped)),
            scoped.quarters,
            calls_units_council_areas(at.dataset, shown),
            county_ended(at.dataset, shown),
        )

    return revision.cached("county", county, view)


def build(path: str) -> Revision:
    """The database as it is now, with the number of the revision read."""
    with contextlib.closing(connect(path)) as db:
        number, dataset = load_revision(db)
    regions = tuple(sorted(dataset.commitments["region"].unique(), key=norwegian_sort_key))
    return Revision(path, number, dataset, regions)


# The newest built revision of each database file, and the file a background build is under way for.
_built: dict[str, Revision] = {}
_building: set[str] = set()
# The background builds started (revision_soon), so forget_revisions can wait for them.
_builders: list[threading.Thread] = []
_state_lock = threading.Lock()
# One build at a time per process: two at once would only share the same cores and double the memory.
_build_lock = threading.Lock()
# The revision this script run reads, held by the run's thread until the run ends.
_run = threading.local()


def _install(revision: Revision, *, newest: bool) -> Revision:
    """Make ``revision`` the one new runs get, unless a newer one was installed meanwhile
    (``newest``: the caller read it as the file's newest, as after the file was replaced)."""
    with _state_lock:
        current = _built.get(revision.path)
        if current is not None and not newest and current.number >= revision.number:
            return current
        _built[revision.path] = revision
    if current is not None and current is not revision:
        del current
        # What the old revision held in reference cycles goes now, not at some later collection.
        gc.collect()
    return revision


def revision_now(path: str, newest: int) -> Revision:
    """The revision ``newest`` of ``path`` (or newer), built here if no one has yet."""
    with _build_lock:
        current = _built.get(path)
        if current is not None and current.number == newest:
            return current
        return _install(build(path), newest=True)


def revision_soon(path: str) -> threading.Thread | None:
    """Start building the newest revision of ``path`` in the background: the thread, or None when
    a build of it is under way already."""
    with _state_lock:
        if path in _building:
            return None
        _building.add(path)
    builder = threading.Thread(target=_build_in_background, args=(path,), name="revision-build", daemon=True)
    with _state_lock:
        # Finished ones are let go: a server builds once per write for as long as it runs.
        _builders[:] = [*(running for running in _builders if running.is_alive()), builder]
    builder.start()
    return builder


def _build_in_background(path: str) -> None:
    try:
        with _build_lock:
            newer = build(path)
            current = _built.get(path)
            if current is not None:
                current.warm(newer)
            _install(newer, newest=False)
    except Exception:
        # The runs go on with the revision they have; the next run that waits for a build
        # (a first run, or the session that wrote) meets the fault and says what it is.
        _LOG.exception("building the newest revision of %s failed", path)
    finally:
        with _state_lock:
            _building.discard(path)


def forget_revisions() -> None:
    """Drop every built revision, as clearing Streamlit's caches drops theirs (between tests).

    A build still running in the background is waited for first: it would install its revision
    after the clearing, and a thread left over breaks what comes next in the process (a fork, as
    the command line's parsing does, wants the only thread).
    """
    with _state_lock:
        running, _builders[:] = list(_builders), []
    for builder in running:
        builder.join()
    with _state_lock:
        _built.clear()


def built(path: str) -> Revision | None:
    """The newest revision of ``path`` built in this process, if any."""
    return _built.get(path)


def begin_run() -> None:
    """Read the database's path and revision once per run, and choose the revision this run shows."""
    path = str(database_path())
    newest = revision(path)
    st.session_state["_source"] = (path, newest)
    # A session that wrote must see its write; one that has shown nothing yet (a page just opened
    # or reloaded) has nothing older to keep showing.
    waits = st.session_state.pop(WROTE_KEY, False) or SERVED_KEY not in st.session_state
    current = _built.get(path)
    if current is not None and current.number > newest:
        # Built from a write that landed after the revision was read, or from a file since replaced
        # by one with an older revision (`loaders demo --force`): read again to tell which.
        newest = revision(path)
        st.session_state["_source"] = (path, newest)
    if current is None or current.number > newest or (waits and current.number < newest):
        current = revision_now(path, newest)
    elif current.number < newest:
        revision_soon(path)
    _run.revision = current
    st.session_state[SERVED_KEY] = (path, current.number)
    _warm_fork_server()


def wrote() -> None:
    """After this session wrote to the database: its next run waits for the new revision."""
    st.session_state[WROTE_KEY] = True


def catching_up() -> bool:
    """Whether this run shows an older revision than the database holds, while the newer one is built."""
    return _revision().number < data_revision()


def newer_ready() -> bool:
    """Whether a newer revision than the one this session shows is ready to be shown."""
    path, number = st.session_state.get(SERVED_KEY, (None, None))
    current = _built.get(path) if path is not None else None
    return current is not None and number is not None and current.number > number


@st.fragment(run_every=1)
def _await_newer() -> None:
    if newer_ready():
        st.rerun(scope="app")


def catching_up_note(lang: str) -> None:
    """While this run shows the data from before the latest write: say so, and rerun the page
    when the new data is ready."""
    if catching_up():
        st.info(t("data.catching_up", lang), icon=":material/sync:")
        _await_newer()


def _warm_fork_server() -> None:
    # In a real server only (AppTest's runtime is a mock): the first upload then parses at once.
    if type(runtime.get_instance()) is runtime.Runtime:
        isolation.warm_up()


def _revision() -> Revision:
    """The revision this run reads: the one begin_run chose, or, in a fragment's run (which does not
    pass through begin_run), the newest built for this session's file."""
    path = _source()[0]
    pinned: Revision | None = getattr(_run, "revision", None)
    if pinned is not None and pinned.path == path:
        return pinned
    current = _built.get(path)
    return current if current is not None else revision_now(path, _source()[1])


def _source() -> tuple[str, int]:
    return st.session_state["_source"]


def database_file() -> str:
    return _source()[0]


@contextlib.contextmanager
def database() -> Iterator[Any]:
    """A connection to this session's database for one use, closed after it (never shared across runs)."""
    with contextlib.closing(connect(database_file())) as db:
        yield db


def data_revision() -> int:
    """The database's newest revision, read at the start of this run: the key for what is read
    from the database directly (accounts, the upload log), which must never lag behind."""
    return _source()[1]


def _copied(revision: Revision, kind: str, key: Hashable, recipe: Recipe) -> Any:
    # A fresh copy for every caller, as st.cache_data gave: the pages may change what they get.
    blob = revision.cached(kind, key, lambda at: pickle.dumps(recipe(at), protocol=pickle.HIGHEST_PROTOCOL))
    return pickle.loads(blob)


def region_names() -> tuple[str, ...]:
    """Every region with commitments, whichever county's."""
    return _revision().regions


def dataset() -> Dataset:
    """Everything in the database, unfiltered."""
    return _revision().dataset


def _filtered(revision: Revision, filters: Filters) -> Dataset:
    # Shared, not copied: filtered datasets are large and read-only.
    return revision.cached("filtered", filters, lambda at: apply_filters(at.dataset, filters))


def filtered() -> Dataset:
    """The data the current filters select."""
    return _filtered(_revision(), current_filters())


def _computed(revision: Revision, name: str, filters: Filters, args: tuple) -> Any:
    # Functions are named, not passed: a name is a key, and one page's call is another's.
    return _copied(
        revision, "computed", (name, filters, args), lambda at: getattr(analysis, name)(_filtered(at, filters), *args)
    )


def computed(function: Callable, *args) -> Any:
    """``function(filtered dataset, *args)`` from core.analysis, cached per revision and filters."""
    return _computed(_revision(), function.__name__, current_filters(), args)


def chart(
    chart_function: Callable, analysis_function: Callable, *args, lang: str, all_regions: bool = False, **options
) -> Chart:
    """``chart_function(analysis_function(filtered dataset, *args), lang, **options)``, cached.

    Building a figure costs more than the numbers behind it (0.1–0.3 s at national scale), so the
    finished Chart is cached and shared without copying, its figure a FinishedFigure that
    st.plotly_chart need not copy on every rerun; nothing mutates a Chart once built.
    """
    filters = dataclasses.replace(current_filters(), region=None) if all_regions else current_filters()
    name = analysis_function.__name__
    key = (chart_function.__name__, name, filters, lang, args, tuple(sorted(options.items())))
    return _revision().cached(
        "chart", key, lambda at: charts.finished(chart_function(_computed(at, name, filters, args), lang, **options))
    )


def story_chart(commitment_id: int, lang: str) -> Chart:
    return _revision().cached(
        "story_chart",
        (commitment_id, lang),
        lambda at: charts.finished(charts.progress_line(_lookup(at, "commitment_story", commitment_id).reports, lang)),
    )


_LOOKUPS: dict[str, Callable[..., object]] = {
    "region_profile": region_profile,
    "commitment_story": commitment_story,
    "last_update": last_update,
    "upload_summary": upload_summary,
}


def _lookup(revision: Revision, name: str, *args) -> Any:
    def look_up(at: Revision) -> object:
        with contextlib.closing(connect(at.path)) as db:
            return _LOOKUPS[name](db, *args)

    return _copied(revision, "lookup", (name, args), look_up)


def profile(region: str, quarter: str | None = None):
    return _lookup(_revision(), "region_profile", region, quarter)


def story(commitment_id: int):
    return _lookup(_revision(), "commitment_story", commitment_id)


def commitment_county(commitment_id: int) -> str | None:
    """The county (full name) whose view a commitment's page opens in: that of the newest commitment
    of its story, as the page shows the newest; None for an unknown commitment."""
    found = story(commitment_id)
    if found is None or found.county is None:
        return None
    counties = dataset().counties
    names = counties.loc[counties["short_name"] == found.county, "county"]
    return str(names.iloc[0]) if len(names) else None


def latest_upload() -> LastUpdate | None:
    return _lookup(_revision(), "last_update")


def selection_upload() -> LastUpdate | None:
    """The upload that wrote the newest report among the selected commitments; None when they
    have none (another region's upload says nothing about them)."""
    upload_id = analysis.newest_upload_id(filtered())
    return _lookup(_revision(), "upload_summary", upload_id) if upload_id is not None else None


def county_view(county: str | None) -> CountyView:
    """The county's view; None, or a county without agreements: the default county's (core.filters.default_county)."""
    return _county_view(_revision(), county)


def current_county_view() -> CountyView:
    """The view of the current filters' county."""
    return county_view(current_filters().county)


def county_options(county: str | None) -> FilterOptions:
    """What the filters offer in the county's view (None: the default county's)."""
    return county_view(county).options


def county_name_label(county: str) -> str:
    """The county as pages name it (core.filters.county_label)."""
    return county_label(_revision().dataset, county)


def quarter_in_view() -> str | None:
    """The quarter the pages show: the chosen one if the county's view has it, else its latest
    complete one (core.filters.default_quarter)."""
    view = current_county_view()
    quarter = current_filters().quarter
    return quarter if quarter in view.quarters else view.default_quarter


def provisional(quarter: str | None) -> bool:
    """Whether the quarter's figures are provisional in the county's view (core.filters.provisional_quarters)."""
    return quarter in current_county_view().provisional


# The picker sends at most this many commitments; at national scale the filter can select 20 000
# (1.4 MB of options on every change), so a search narrows them down first.
PICKER_LIMIT = 200


@dataclasses.dataclass(frozen=True)
class PickerChoices:
    """What the commitment picker offers for the current filters and search."""

    ids: list[int]  # the matches offered, at most PICKER_LIMIT
    matches: int  # how many match the search
    labels: dict[int, str]  # every commitment the filters select, by id


def _picker_options(
    revision: Revision, filters: Filters, quarter: str | None
) -> tuple[list[int], dict[int, str], list[str]]:
    def options(at: Revision) -> tuple[list[int], dict[int, str], list[str]]:
        table = _computed(at, "commitment_table", filters, (quarter,))
        rows = table[["commitment_id", "region", "code", "text"]].itertuples(index=False)
        labels = {int(id_): commitment_label(region, code, text) for id_, region, code, text in rows}
        return list(labels), labels, [fold(label) for label in labels.values()]

    return revision.cached("picker", (filters, quarter), options)


def _picker_matches(revision: Revision, filters: Filters, quarter: str | None, query: str) -> tuple[list[int], int]:
    def matches(at: Revision) -> tuple[list[int], int]:
        ids, _, folded = _picker_options(at, filters, quarter)
        found = search_matches(folded, query)
        # PICKER_LIMIT is read when computed, so a test can lower it (tests/test_picker.py).
        return [ids[position] for position in found[:PICKER_LIMIT]], len(found)

    return revision.cached("picker_matches", (filters, quarter, query), matches)


def commitment_label(region: str, code: str, text: str) -> str:
    """How the picker names a commitment: "Follorådet 1.1 – Trafikksikkerhet ved skoler"."""
    return f"{region} {code} – {text[:90]}"


def commitment_choices(query: str) -> PickerChoices:
    """The commitment picker's choices: the commitments the current filters select in the quarter in
    view that match ``query`` (core.filters.search_matches), at most :data:`PICKER_LIMIT` of them."""
    revision, filters, quarter = _revision(), current_filters(), quarter_in_view()
    ids, matches = _picker_matches(revision, filters, quarter, query)
    return PickerChoices(ids, matches, _picker_options(revision, filters, quarter)[1])
