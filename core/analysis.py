"""The numbers behind each page, computed from a Dataset already narrowed by core.filters.

Definitions, the same on every page:

- Commitments in scope in a quarter: the active commitments of each region's
  agreement in force that quarter (core.dataset.commitments_in_force).
- A commitment's status in a quarter is the status of its report for that
  quarter; without one it is ``not_reported`` («Ikke rapportert»). Shares are
  percentages (0–100) of all commitments in scope, so with ``not_reported``
  they add up to 100.
- Average progress is the mean of the progress reported in the quarter, over
  the reports that give one; commitments without a report or without a
  progress figure do not count.
- Stale: no report in the quarter nor in the quarter before it (no new report
  for two quarters or more), including commitments never reported.
- Delayed in a row: the number of consecutive quarters, ending with the
  quarter shown, with a report saying delayed; a quarter without a report ends
  the run.
- Newly delayed (completed): delayed (completed) in the quarter, and not in
  the commitment's previous report (normally the quarter before; an older one
  when it skipped a quarter), or without an earlier report. Progress gone
  backwards: lower than in that previous report.
- The headline deltas compare with the quarter before, when the data has
  reports in it.

Shares and averages are NaN in DataFrames and None in dataclasses where there
is nothing to divide by. Functions taking ``quarter`` accept None (a database
without reports): every commitment is then not reported.

Orders: regions in Norwegian alphabetical order, commitments in natural code
order, council areas in the vocabulary's order (None, for commitments without
one, last), statuses in STATUS_CHOICES order (STATUS_KEYS, then not_reported).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionDtype

from core.dataset import Dataset, commitments_in_force
from core.filters import NOT_REPORTED, STATUS_CHOICES
from core.queries import natural_code_key
from core.vocabulary import COUNCIL_AREAS, SDGS, STATUS_KEYS, previous_quarter

# Stands in for a missing council or focus area while grouping, which would
# otherwise drop None keys; no real name is empty.
_NONE = ""
_REPORT_FIELDS = ["commitment_id", "status", "progress", "comment", "next_step", "owner"]
_TEXT_FIELDS = ["comment", "next_step", "owner"]
_ROW_FIELDS = ["commitment_id", "region", "code", "text", "council_area"]
SIDE_BY_SIDE_STATUSES: tuple[str, ...] = (
    "on_track",
    "delayed",
    "completed",
    "not_started",
    "cancelled",
    NOT_REPORTED,
)


@dataclass(frozen=True)
class Kpis:
    """Headline figures for a quarter.

    Shares are None without commitments in scope; average progress is None
    without any progress reported. Deltas are the change since the quarter
    before, in percentage points (progress points for average progress); None
    when the data has no reports in the quarter before, or either side is None.
    """

    quarter: str | None
    previous_quarter: str | None
    commitments: int
    on_track_share: float | None
    delayed_share: float | None
    completed_share: float | None
    average_progress: float | None
    on_track_share_delta: float | None
    delayed_share_delta: float | None
    completed_share_delta: float | None
    average_progress_delta: float | None


# eq=False: DataFrames have no single truth value, so == could only raise.
@dataclass(frozen=True, eq=False)
class SinceLastQuarter:
    """What changed in a quarter, each a DataFrame of commitments.

    ``newly_delayed``, ``newly_completed``: delayed (completed) now, and not in
    the previous report or without one. ``progress_backwards``: lower progress
    than in the previous report. Their columns: commitment_id, region, code,
    text, council_area, status, progress, comment, previous_quarter,
    previous_status, previous_progress.

    ``stale``: commitment_id, region, code, text, council_area, status and
    progress as last reported («not_reported» and NA if never), last_reported.
    """

    newly_delayed: pd.DataFrame
    newly_completed: pd.DataFrame
    progress_backwards: pd.DataFrame
    stale: pd.DataFrame


def kpis(dataset: Dataset, quarter: str | None) -> Kpis:
    """Commitments in scope, the shares on track, delayed and completed, and average progress."""
    before = previous_quarter(quarter) if quarter is not None else None
    if before not in dataset.quarters:
        before = None
    now = _headline(dataset, quarter)
    then = _headline(dataset, before) if before is not None else {}

    def delta(name: str) -> float | None:
        if now[name] is None or then.get(name) is None:
            return None
        return now[name] - then[name]

    return Kpis(
        quarter=quarter,
        previous_quarter=before,
        **now,
        on_track_share_delta=delta("on_track_share"),
        delayed_share_delta=delta("delayed_share"),
        completed_share_delta=delta("completed_share"),
        average_progress_delta=delta("average_progress"),
    )


def _headline(dataset: Dataset, quarter: str | None) -> dict:
    snapshot = _snapshot(dataset, quarter)
    total = len(snapshot)
    counts = snapshot["status"].value_counts()

    def share(status: str) -> float | None:
        return None if total == 0 else 100 * int(counts.get(status, 0)) / total

    average = snapshot["progress"].mean()
    return {
        "commitments": total,
        "on_track_share": share("on_track"),
        "delayed_share": share("delayed"),
        "completed_share": share("completed"),
        "average_progress": None if pd.isna(average) else float(average),
    }


def status_by_quarter(dataset: Dataset) -> pd.DataFrame:
    """How many commitments had each status, quarter by quarter.

    Long form: quarter, status, count, share. Every quarter of the data,
    ascending; for each, every status that occurs in any quarter (zeros
    included), in STATUS_KEYS order with not_reported last.
    """
    reports = dataset.reports[["commitment_id", "quarter", "status"]]
    quarters = list(dataset.quarters)
    in_scope: dict[str, int] = {}
    counted = np.zeros(len(reports), dtype=bool)
    # Which agreement is in force changes with the year only. A report filed
    # under an agreement no longer in force (a later one took over) does not count.
    for year in sorted({quarter[:4] for quarter in quarters}):
        scope = commitments_in_force(dataset, f"{year}-Q1")["commitment_id"]
        in_scope[year] = len(scope)
        in_year = (reports["quarter"] >= f"{year}-Q1") & (reports["quarter"] <= f"{year}-Q4")
        counted |= (in_year & reports["commitment_id"].isin(scope)).to_numpy()
    counts = (
        reports[counted]
        .groupby(["quarter", "status"])
        .size()
        .unstack(fill_value=0)
        .reindex(index=quarters, columns=STATUS_KEYS, fill_value=0)
        .rename_axis(index="quarter", columns=None)
        .reset_index()
    )
    counts["_total"] = [in_scope[quarter[:4]] for quarter in quarters]
    counts[NOT_REPORTED] = counts["_total"] - counts[list(STATUS_KEYS)].sum(axis=1)
    return _long_counts(counts, "quarter")


def on_track_heatmap(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """Share on track per region and council area.

    Long form: region, council_area, commitments, on_track, share; every region
    in scope × every council area in scope (None for commitments without one,
    last), share NaN where a region has no commitments in that area.
    """
    snapshot = _snapshot(dataset, quarter)
    tally = _tally(snapshot, {"region": _regions(snapshot), "council_area": _council_areas(snapshot)})
    return tally.assign(share=_percent(tally["on_track"], tally["commitments"]))[
        ["region", "council_area", "commitments", "on_track", "share"]
    ]


def since_last_quarter(dataset: Dataset, quarter: str | None) -> SinceLastQuarter:
    """Newly delayed, newly completed, progress gone backwards, and stale commitments."""
    snapshot = _snapshot(dataset, quarter)
    previous = _latest_reports(dataset, quarter, inclusive=False)
    compared = snapshot[snapshot["status"] != NOT_REPORTED].merge(
        previous.add_prefix("previous_").rename(columns={"previous_commitment_id": "commitment_id"}),
        on="commitment_id",
        how="left",
    )
    compared = _as_none(compared, ["previous_quarter", "previous_status"])
    columns = [
        *_ROW_FIELDS,
        "status",
        "progress",
        "comment",
        "previous_quarter",
        "previous_status",
        "previous_progress",
    ]
    backwards = (compared["progress"] < compared["previous_progress"]).fillna(False).astype(bool)

    # Stale commitments have no report in the quarter, so their last report is an earlier one.
    stale = snapshot.loc[snapshot["status"] == NOT_REPORTED, _ROW_FIELDS].merge(
        previous.rename(columns={"quarter": "last_reported"}), on="commitment_id", how="left"
    )
    if quarter is not None:
        # Reported in the quarter before: missing now, but not stale yet.
        stale = stale[stale["last_reported"] != previous_quarter(quarter)]
    stale["status"] = stale["status"].fillna(NOT_REPORTED)
    stale = _as_none(stale, ["last_reported"]).reset_index(drop=True)
    return SinceLastQuarter(
        newly_delayed=_changed_to(compared, "delayed")[columns].reset_index(drop=True),
        newly_completed=_changed_to(compared, "completed")[columns].reset_index(drop=True),
        progress_backwards=compared.loc[backwards, columns].reset_index(drop=True),
        stale=stale[[*_ROW_FIELDS, "status", "progress", "last_reported"]],
    )


def _changed_to(compared: pd.DataFrame, status: str) -> pd.DataFrame:
    return compared[(compared["status"] == status) & (compared["previous_status"] != status)]


def commitment_table(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """One row per commitment in scope, with its report in the quarter.

    Columns: commitment_id, region, code, text, focus_area, hashtag,
    council_area, sdgs (text such as "9, 11", None if none), status (a key or
    not_reported), progress, comment, next_step, owner, last_reported (the
    latest quarter up to this one with a report, None if never).
    """
    snapshot = _snapshot(dataset, quarter)
    labels = {sdgs: ", ".join(map(str, sdgs)) or None for sdgs in set(snapshot["sdgs"])}
    table = snapshot.assign(sdgs=pd.Series([labels[sdgs] for sdgs in snapshot["sdgs"]], dtype=object))
    table = _with_last_reported(dataset, table, quarter)
    return table[["commitment_id", *COMMITMENT_TABLE_COLUMNS]]


def focus_area_progress(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """Per region and focus area: region, focus_number, focus_area, hashtag,
    commitments, average_progress, on_track_share, completed (a count).

    Focus areas in number order; commitments without a focus area last, with None.
    """
    snapshot = _snapshot(dataset, quarter)
    tally = _tally(
        snapshot,
        {
            "region": _regions(snapshot),
            "focus_number": _focus_numbers(snapshot),
            "focus_area": list(snapshot["focus_area"].unique()),
            "hashtag": list(snapshot["hashtag"].unique()),
        },
        observed=True,
    )
    return tally.assign(on_track_share=_percent(tally["on_track"], tally["commitments"]))[
        [
            "region",
            "focus_number",
            "focus_area",
            "hashtag",
            "commitments",
            "average_progress",
            "on_track_share",
            "completed",
        ]
    ]


def regions_side_by_side(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """Per region: commitments, the share with each status (columns on_track,
    delayed, completed, not_started, cancelled, not_reported; 0–100, adding up
    to 100), average_progress."""
    snapshot = _snapshot(dataset, quarter)
    tally = _tally(snapshot, {"region": _regions(snapshot)})
    shares = {status: _percent(tally[status], tally["commitments"]) for status in SIDE_BY_SIDE_STATUSES}
    return tally.assign(**shares)[["region", "commitments", *SIDE_BY_SIDE_STATUSES, "average_progress"]]


def council_area_breakdown(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """Per council area and status: council_area, status, count, share of the area's commitments.

    Every council area in scope (vocabulary order, None last) × every status
    that occurs among them (zeros included).
    """
    return status_breakdown(dataset, quarter, "council_area").rename(columns={"group": "council_area"})


BREAKDOWN_GROUPS: tuple[str, ...] = ("region", "council_area", "focus_area", "hashtag")


def status_breakdown(dataset: Dataset, quarter: str | None, by: str) -> pd.DataFrame:
    """Per group and status: group, status, count, share of the group's commitments.

    ``by`` is one of BREAKDOWN_GROUPS, a column of the commitments. Every group
    in scope × every status that occurs among them (zeros included). Regions
    come in Norwegian alphabetical order, council areas in the vocabulary's,
    others as the commitments do; None (commitments without one) last.
    """
    if by not in BREAKDOWN_GROUPS:
        raise ValueError(f"cannot break down by {by!r}; choose one of {', '.join(BREAKDOWN_GROUPS)}")
    snapshot = _snapshot(dataset, quarter)
    if by == "council_area":
        groups = _council_areas(snapshot)
    else:
        present = list(snapshot[by].unique())
        groups = [group for group in present if group is not None] + [None] * (None in present)
    tally = _tally(snapshot, {by: groups})
    long = _long_counts(tally.rename(columns={"commitments": "_total"}), by)
    return long.rename(columns={by: "group"})


def late(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """Commitments delayed in the quarter, longest delayed first.

    Columns: commitment_id, region, code, text, council_area, progress,
    comment, next_step, owner, delayed_since (first quarter of the run),
    quarters_delayed (consecutive quarters with a delayed report, ending now).
    """
    snapshot = _snapshot(dataset, quarter)
    delayed = snapshot[snapshot["status"] == "delayed"]
    reports = dataset.reports
    history = reports.loc[
        (reports["quarter"] <= quarter)
        & (reports["status"] == "delayed")
        & reports["commitment_id"].isin(delayed["commitment_id"]),
        ["commitment_id", "quarter"],
    ]
    history = history.assign(_index=_quarter_index(history["quarter"])).sort_values(["commitment_id", "_index"])
    # Consecutive quarters share index minus rank; the run that ends now is each commitment's last.
    run = history["_index"] - history.groupby("commitment_id").cumcount()
    current_run = run == run.groupby(history["commitment_id"]).transform("last")
    streaks = (
        history[current_run]
        .groupby("commitment_id")["quarter"]
        .agg(delayed_since="min", quarters_delayed="size")
        .reset_index()
    )
    table = delayed.merge(streaks, on="commitment_id", how="left")
    table = table.sort_values("quarters_delayed", ascending=False, kind="stable").reset_index(drop=True)
    return table[
        [*_ROW_FIELDS, "progress", "comment", "next_step", "owner", "delayed_since", "quarters_delayed"]
    ].astype({"delayed_since": "str", "quarters_delayed": "int64"})


def unreported(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """Commitments in scope without a report in the quarter: commitment_id,
    region, code, text, council_area, last_reported (None if never)."""
    snapshot = _snapshot(dataset, quarter)
    missing = snapshot.loc[snapshot["status"] == NOT_REPORTED, _ROW_FIELDS]
    return _with_last_reported(dataset, missing, quarter)


def sdg_summary(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """All 17 SDGs, each with: sdg, name_nb, name_en, colour, commitments (in
    scope and linked to it), on_track_share (NaN if none)."""
    snapshot = _snapshot(dataset, quarter)
    linked = (
        snapshot[["sdgs", "status", "progress"]].explode("sdgs").dropna(subset=["sdgs"]).rename(columns={"sdgs": "sdg"})
    )
    tally = _tally(linked, {"sdg": [sdg.number for sdg in SDGS]})
    return pd.DataFrame(
        {
            "sdg": tally["sdg"].astype("int64"),
            "name_nb": pd.Series([sdg.nb for sdg in SDGS], dtype="str"),
            "name_en": pd.Series([sdg.en for sdg in SDGS], dtype="str"),
            "colour": pd.Series([sdg.colour for sdg in SDGS], dtype="str"),
            "commitments": tally["commitments"],
            "on_track_share": _percent(tally["on_track"], tally["commitments"]),
        }
    )


def sdg_drilldown(dataset: Dataset, sdg: int, quarter: str | None) -> pd.DataFrame:
    """Commitments in scope linked to one SDG, per region and focus area:
    region, focus_number, focus_area, commitments, on_track, share."""
    snapshot = _snapshot(dataset, quarter)
    linked = snapshot[np.array([sdg in sdgs for sdgs in snapshot["sdgs"]], dtype=bool)]
    tally = _tally(
        linked,
        {
            "region": _regions(linked),
            "focus_number": _focus_numbers(linked),
            "focus_area": list(linked["focus_area"].unique()),
        },
        observed=True,
    )
    return tally.assign(share=_percent(tally["on_track"], tally["commitments"]))[
        ["region", "focus_number", "focus_area", "commitments", "on_track", "share"]
    ]


def _snapshot(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """The commitments in scope with their report in the quarter, if any."""
    reports = dataset.reports
    # With no quarter (no reports at all) nothing matches: pandas compares None as missing.
    current = reports.loc[reports["quarter"] == quarter, _REPORT_FIELDS]
    snapshot = commitments_in_force(dataset, quarter).merge(current, on="commitment_id", how="left")
    missing = snapshot["status"].isna()
    snapshot["status"] = snapshot["status"].fillna(NOT_REPORTED)
    # The merge leaves NaN in the text of commitments without a report.
    snapshot.loc[missing, _TEXT_FIELDS] = None
    return snapshot


def _latest_reports(dataset: Dataset, quarter: str | None, *, inclusive: bool) -> pd.DataFrame:
    """Each commitment's latest report up to the quarter (before it, unless
    ``inclusive``): commitment_id, quarter, status, progress.

    The last of each commitment's rows is its latest because reports are in
    quarter order (see Dataset); much faster than a group-by on the quarter.
    """
    reports = dataset.reports
    if quarter is None:
        return reports.loc[[], ["commitment_id", "quarter", "status", "progress"]]
    earlier = (reports["quarter"] <= quarter) if inclusive else (reports["quarter"] < quarter)
    rows = np.flatnonzero(earlier.to_numpy())
    # Find the rows on the ids alone: taking text columns for every earlier row costs more.
    latest = rows[~pd.Series(reports["commitment_id"].to_numpy()[rows]).duplicated(keep="last").to_numpy()]
    return reports.iloc[latest][["commitment_id", "quarter", "status", "progress"]]


def _with_last_reported(dataset: Dataset, table: pd.DataFrame, quarter: str | None) -> pd.DataFrame:
    latest = _latest_reports(dataset, quarter, inclusive=True)
    last = pd.Series(latest["quarter"].to_numpy(), index=latest["commitment_id"].to_numpy())
    table = table.assign(last_reported=table["commitment_id"].map(last))
    return _as_none(table, ["last_reported"]).reset_index(drop=True)


def _long_counts(wide: pd.DataFrame, key: str) -> pd.DataFrame:
    """From a row per key with a count per status (and their ``_total``) to a
    row per key and status: key, status, count, share of the total.

    Keeps the statuses that occur anywhere, in STATUS_CHOICES order.
    """
    present = [status for status in STATUS_CHOICES if wide[status].any()]
    rows = np.repeat(np.arange(len(wide)), len(present))
    long = pd.DataFrame(
        {
            key: wide[key].iloc[rows].reset_index(drop=True),
            "status": pd.Series(np.tile(np.array(present, dtype=object), len(wide)), dtype="str"),
            # Row by row, so each key's statuses come together.
            "count": wide[present].to_numpy(dtype="int64").ravel(),
        }
    )
    long["share"] = _percent(long["count"], pd.Series(wide["_total"].to_numpy()[rows]))
    return long


def _tally(snapshot: pd.DataFrame, keys: dict[str, list], *, observed: bool = False) -> pd.DataFrame:
    """Per combination of the keys, in the orders given: commitments, a count
    per status (STATUS_CHOICES), average_progress.

    Without ``observed`` every combination is there, zeros included.
    """
    snapshot = snapshot.reset_index(drop=True)
    grouping = pd.DataFrame({name: _category(snapshot[name], order) for name, order in keys.items()})
    statuses = pd.get_dummies(pd.Categorical(snapshot["status"], categories=STATUS_CHOICES)).astype("int64")
    progress = snapshot["progress"].astype("float64").rename("average_progress")
    grouped = pd.concat([grouping, statuses, progress], axis=1).groupby(list(keys), observed=observed)
    tally = grouped[list(STATUS_CHOICES)].sum()
    tally.insert(0, "commitments", tally.sum(axis=1))
    tally["average_progress"] = grouped["average_progress"].mean()
    tally = tally.reset_index()
    for name in keys:
        tally[name] = _uncategory(tally[name], snapshot[name].dtype)
    return tally


def _category(values: pd.Series, order: list) -> pd.Categorical:
    stand_ins = [_NONE if value is None else value for value in order]
    return pd.Categorical(values.fillna(_NONE) if values.dtype == object else values, categories=stand_ins)


def _uncategory(values: pd.Series, dtype: np.dtype | ExtensionDtype) -> pd.Series:
    plain = values.astype(object)
    plain = plain.where(plain != _NONE, None)
    return plain if pd.api.types.is_object_dtype(dtype) else plain.astype(dtype)


def _regions(snapshot: pd.DataFrame) -> list[str]:
    # Commitments come in Norwegian alphabetical order of region.
    return list(snapshot["region"].unique())


def _council_areas(snapshot: pd.DataFrame) -> list[str | None]:
    present = set(snapshot["council_area"])
    return [area for area in (*COUNCIL_AREAS, None) if area in present]


def _focus_numbers(snapshot: pd.DataFrame) -> list[str | None]:
    numbers = set(snapshot["focus_number"])
    return sorted(numbers - {None}, key=natural_code_key) + ([None] if None in numbers else [])


def _percent(part: pd.Series, whole: pd.Series) -> pd.Series:
    return (part * 100 / whole).where(whole > 0).astype("float64")


def _quarter_index(quarters: pd.Series) -> pd.Series:
    """2024-Q2 as 2024 * 4 + 1: consecutive quarters are consecutive numbers."""
    return quarters.str[:4].astype("int64") * 4 + quarters.str[-1].astype("int64") - 1


def _as_none(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Missing values in these text columns as None (a merge leaves NaN)."""
    frame = frame.copy()
    for column in columns:
        values = frame[column].astype(object)
        frame[column] = values.where(values.notna(), None)
    return frame


# What commitment_table returns for each commitment, besides its id: the columns of the commitment exports.
COMMITMENT_TABLE_COLUMNS: tuple[str, ...] = (
    "region",
    "code",
    "text",
    "focus_area",
    "hashtag",
    "council_area",
    "sdgs",
    "status",
    "progress",
    "comment",
    "next_step",
    "owner",
    "last_reported",
)
HISTORY_COLUMNS = (
    "region",
    "code",
    "text",
    "focus_area",
    "council_area",
    "sdgs",
    "quarter",
    "status",
    "progress",
    "comment",
    "next_step",
    "owner",
)


def status_history(dataset: Dataset) -> pd.DataFrame:
    """Every report in scope with its commitment (HISTORY_COLUMNS), commitment by commitment
    in register order, oldest quarter first."""
    order = dataset.commitments[["commitment_id"]].assign(_order=range(len(dataset.commitments)))
    merged = dataset.reports.merge(
        dataset.commitments[["commitment_id", "region", "code", "text", "focus_area", "council_area", "sdgs"]],
        on="commitment_id",
    ).merge(order, on="commitment_id")
    merged = merged.sort_values(["_order", "quarter"], kind="stable")
    merged["sdgs"] = merged["sdgs"].map(lambda sdgs: ", ".join(map(str, sdgs)) or None)
    return merged[list(HISTORY_COLUMNS)].reset_index(drop=True)
