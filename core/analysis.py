"""The numbers behind each page, computed from a Dataset already narrowed by core.filters.

Definitions, the same on every page:

- Commitments in scope in a quarter: the active commitments of each region's
  agreement in force that quarter (core.dataset.commitments_in_force).
- A commitment's status in a quarter is the status of its report for that
  quarter; without one it is ``not_reported`` («Ikke rapportert»): unknown, not
  a failure. The headline shares (Kpis, the heatmap) are percentages (0–100)
  of the *reported* commitments, with the unreported counted beside them; the
  status distributions (status_by_quarter, status_breakdown,
  regions_side_by_side) are of all commitments in scope, ``not_reported`` one
  of their statuses, so they add up to 100.
- The main indicator is the share on track or completed: a completed
  commitment is a success.
- Coverage: a region has reported for a quarter when at least one of its
  commitments in scope has a report for it.
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
  reports in it, like for like: over the commitments reported in both.
- The county's assessment differs from the region's report when its status is
  another than the report's, or the region has not reported the commitment.

Shares and averages are NaN in DataFrames and None in dataclasses where there
is nothing to divide by. Functions taking ``quarter`` accept None (a database
without reports): every commitment is then not reported.

Orders: regions in Norwegian alphabetical order, commitments in natural code
order, council areas in the vocabulary's order (None, for commitments without
one, last), statuses in STATUS_CHOICES order (STATUS_KEYS, then not_reported).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionDtype

from core.dataset import CommitmentStory, Dataset, commitments_in_force
from core.filters import NOT_REPORTED, STATUS_CHOICES, council_area_order
from core.i18n import t
from core.vocabulary import SDGS, STATUS_KEYS, natural_code_key, next_quarter, previous_quarter, quarter_end

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

    Counts: ``commitments`` in scope, ``reported`` (with a report in the quarter) and
    ``not_reported`` (the rest: their status is unknown, not a failure).

    Shares are percentages (0–100) of the *reported* commitments, None when none is:
    ``on_track_or_completed_share`` (the main indicator: a completed commitment is a
    success), ``on_track_share``, ``delayed_share``, ``completed_share``.
    ``average_progress`` is the mean progress reported (0–100), None without any.

    Deltas compare like for like, in percentage points (average progress too, being a
    percentage): the same figure now and in the quarter before, each over the ``compared``
    commitments reported in both quarters. None when the data has no reports in the
    quarter before, no commitment was reported in both, or either side is None.
    """

    quarter: str | None
    previous_quarter: str | None
    commitments: int
    reported: int
    not_reported: int
    compared: int
    on_track_or_completed_share: float | None
    on_track_share: float | None
    delayed_share: float | None
    completed_share: float | None
    average_progress: float | None
    on_track_or_completed_share_delta: float | None
    on_track_share_delta: float | None
    delayed_share_delta: float | None
    completed_share_delta: float | None
    average_progress_delta: float | None


@dataclass(frozen=True)
class Coverage:
    """Who has reported for a quarter, among the commitments in scope.

    A region has reported when at least one of its commitments in scope has a report
    for the quarter. ``regions`` and ``commitments`` are those in scope.
    """

    quarter: str | None
    regions: int
    regions_reported: int
    commitments: int
    commitments_reported: int


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
    """Commitments in scope and reported, the shares of the reported ones, average progress,
    and their like-for-like change since the quarter before."""
    before = previous_quarter(quarter) if quarter is not None else None
    if before not in dataset.quarters:
        before = None
    now = _snapshot(dataset, quarter)
    reported = now[now["status"] != NOT_REPORTED]
    deltas: dict[str, float | None] = dict.fromkeys(_HEADLINE_SHARES, None)
    compared = 0
    if before is not None:
        then = _snapshot(dataset, before)
        then = then[then["status"] != NOT_REPORTED]
        both = np.intersect1d(reported["commitment_id"].to_numpy(), then["commitment_id"].to_numpy())
        compared = len(both)
        if compared:
            now_figures = _headline(reported[reported["commitment_id"].isin(both)])
            then_figures = _headline(then[then["commitment_id"].isin(both)])
            for name in _HEADLINE_SHARES:
                now_value, then_value = now_figures[name], then_figures[name]
                if now_value is not None and then_value is not None:
                    deltas[name] = now_value - then_value
    return Kpis(
        quarter=quarter,
        previous_quarter=before,
        commitments=len(now),
        reported=len(reported),
        not_reported=len(now) - len(reported),
        compared=compared,
        **_headline(reported),
        **{f"{name}_delta": delta for name, delta in deltas.items()},
    )


_HEADLINE_SHARES = (
    "on_track_or_completed_share",
    "on_track_share",
    "delayed_share",
    "completed_share",
    "average_progress",
)


def _headline(reported: pd.DataFrame) -> dict[str, float | None]:
    """The shares and average progress of these reported commitments."""
    total = len(reported)
    counts = reported["status"].value_counts()

    def share(*statuses: str) -> float | None:
        return None if total == 0 else 100 * sum(int(counts.get(status, 0)) for status in statuses) / total

    average = reported["progress"].mean()
    return {
        "on_track_or_completed_share": share("on_track", "completed"),
        "on_track_share": share("on_track"),
        "delayed_share": share("delayed"),
        "completed_share": share("completed"),
        "average_progress": None if pd.isna(average) else float(average),
    }


def coverage(dataset: Dataset, quarter: str | None) -> Coverage:
    """How many regions and commitments in scope have reported for the quarter."""
    snapshot = _snapshot(dataset, quarter)
    reported = snapshot[snapshot["status"] != NOT_REPORTED]
    return Coverage(
        quarter=quarter,
        regions=int(snapshot["region"].nunique()),
        regions_reported=int(reported["region"].nunique()),
        commitments=len(snapshot),
        commitments_reported=len(reported),
    )


def reports_out_of_date(dataset: Dataset, today: dt.date) -> bool:
    """Whether the newest report in the dataset is more than a quarter old: today is past
    the end of the quarter after it. A dataset without reports is not out of date, it is empty."""
    if not dataset.quarters:
        return False
    return quarter_out_of_date(dataset.quarters[-1], today)


def quarter_out_of_date(quarter: str, today: dt.date) -> bool:
    """Whether a newest report for ``quarter`` is more than a quarter old: today is past the end of the next."""
    return today > quarter_end(next_quarter(quarter))


def newest_upload_id(dataset: Dataset) -> int | None:
    """The upload that wrote the newest of the dataset's reports (the highest upload id); None without one."""
    uploads = dataset.reports["upload_id"].dropna()
    return None if uploads.empty else int(uploads.max())


def unreported_by_region(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """The regions with commitments in scope not reported for the quarter, in region order:
    region, commitments, reported, missing (counts), last_reported (the region's latest
    quarter up to this one with any report; None if never)."""
    snapshot = _snapshot(dataset, quarter)
    tally = (
        snapshot.assign(_reported=snapshot["status"] != NOT_REPORTED)
        .groupby("region", sort=False)["_reported"]
        .agg(commitments="size", reported="sum")
        .reset_index()
    )
    tally["reported"] = tally["reported"].astype("int64")
    tally["missing"] = tally["commitments"] - tally["reported"]
    tally = tally[tally["missing"] > 0].reset_index(drop=True)
    latest = _latest_reports(dataset, quarter, inclusive=True)
    region_of = pd.Series(
        dataset.commitments["region"].to_numpy(), index=dataset.commitments["commitment_id"].to_numpy()
    )
    last = latest.assign(region=latest["commitment_id"].map(region_of)).groupby("region")["quarter"].max()
    tally["last_reported"] = tally["region"].map(last)
    return _as_none(tally, ["last_reported"])[["region", "commitments", "reported", "missing", "last_reported"]]


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
    """Share on track or completed per region and council area, of the reported commitments.

    Long form: region, council_area, commitments, reported, succeeding (on track or
    completed), share; every region in scope × every council area in scope (None for
    commitments without one, last). share is NaN where a region has no commitments in
    that area or none of them is reported.
    """
    snapshot = _snapshot(dataset, quarter)
    tally = _tally(snapshot, {"region": _regions(snapshot), "council_area": _council_areas(snapshot)})
    tally = tally.assign(
        reported=tally["commitments"] - tally[NOT_REPORTED], succeeding=tally["on_track"] + tally["completed"]
    )
    return tally.assign(share=_percent(tally["succeeding"], tally["reported"]))[
        ["region", "council_area", "commitments", "reported", "succeeding", "share"]
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
    council_area, sdgs (text such as "9, 11", None if none), deadline and
    amount (as stored, None if not given), status (a key or
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

    Every council area in scope (as the counties list them, None last) × every status
    that occurs among them (zeros included).
    """
    return status_breakdown(dataset, quarter, "council_area").rename(columns={"group": "council_area"})


BREAKDOWN_GROUPS: tuple[str, ...] = ("region", "council_area", "focus_area", "hashtag")


def status_breakdown(dataset: Dataset, quarter: str | None, by: str) -> pd.DataFrame:
    """Per group and status: group, status, count, share of the group's commitments.

    ``by`` is one of BREAKDOWN_GROUPS, a column of the commitments. Every group
    in scope × every status that occurs among them (zeros included). Regions
    come in Norwegian alphabetical order, council areas as the counties list them,
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
    scope and linked to it), on_track_or_completed_share (of those reported in the
    quarter, as the headline; NaN if none is)."""
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
            "on_track_or_completed_share": _percent(
                tally["on_track"] + tally["completed"], tally["commitments"] - tally[NOT_REPORTED]
            ),
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


ASSESSMENT_DIFFERENCE_COLUMNS: tuple[str, ...] = (
    "commitment_id",
    "region",
    "code",
    "text",
    "county_status",
    "region_status",  # not_reported where the region has no report
    "county_comment",
    "assessed_by",
)


def assessment_differences(dataset: Dataset, quarter: str | None) -> pd.DataFrame:
    """The commitments in scope in the quarter whose county assessment differs from the region's
    report (ASSESSMENT_DIFFERENCE_COLUMNS), in the commitments' order."""
    assessed = dataset.assessments
    assessed = assessed.loc[
        assessed["quarter"] == quarter, ["commitment_id", "status", "comment", "assessed_by"]
    ].rename(columns={"status": "county_status", "comment": "county_comment"})
    snapshot = _snapshot(dataset, quarter)[["commitment_id", "region", "code", "text", "status"]]
    both = snapshot.rename(columns={"status": "region_status"}).merge(assessed, on="commitment_id", how="inner")
    differing = both[both["county_status"] != both["region_status"]]
    return differing[list(ASSESSMENT_DIFFERENCE_COLUMNS)].reset_index(drop=True)


ASSESSMENT_ROW_COLUMNS: tuple[str, ...] = (
    "commitment_id",
    "code",
    "text",
    "county",
    "council_area",
    "region_status",  # not_reported where the region has no report
    "region_comment",
    "county_status",  # None where the county has not assessed it
    "county_comment",
)


def assessment_rows(dataset: Dataset, commitment_ids: list[int], quarter: str) -> pd.DataFrame:
    """The commitments (in the order given) with the region's report and the county's assessment in
    the quarter, for the county to assess (ASSESSMENT_ROW_COLUMNS)."""
    commitments = dataset.commitments.set_index("commitment_id").reindex(commitment_ids)
    reports = dataset.reports[dataset.reports["quarter"] == quarter].set_index("commitment_id")
    assessed = dataset.assessments[dataset.assessments["quarter"] == quarter].set_index("commitment_id")
    region_status = reports["status"].reindex(commitment_ids)
    table = pd.DataFrame(
        {
            "commitment_id": pd.Series(commitment_ids, dtype="int64"),
            "code": commitments["code"].to_numpy(),
            "text": commitments["text"].to_numpy(),
            "county": commitments["county"].to_numpy(),
            "council_area": commitments["council_area"].to_numpy(),
            "region_status": region_status.where(region_status.notna(), NOT_REPORTED).to_numpy(),
            "region_comment": reports["comment"].reindex(commitment_ids).to_numpy(),
            "county_status": assessed["status"].reindex(commitment_ids).to_numpy(),
            "county_comment": assessed["comment"].reindex(commitment_ids).to_numpy(),
        }
    )
    return _as_none(table, ["county", "council_area", "region_comment", "county_status", "county_comment"])


def story_differences(story: CommitmentStory, quarter: str | None) -> list[tuple[str, str, str]]:
    """Where the county assesses a commitment of the story otherwise than the region reports it in
    the quarter: (code, county status, region status) per commitment assessed, the region's
    ``not_reported`` where it has no report; the code as the commitment was reported under, else
    the story's."""
    reports = story.reports
    codes = dict(zip(reports["commitment_id"], reports["code"], strict=True))
    now = reports[reports["quarter"] == quarter]
    reported = dict(zip(now["commitment_id"], now["status"], strict=True))
    assessed = story.assessments[story.assessments["quarter"] == quarter]
    found = []
    for commitment_id, status in zip(assessed["commitment_id"], assessed["status"], strict=True):
        region_status = reported.get(commitment_id, NOT_REPORTED)
        if status != region_status:
            found.append((str(codes.get(commitment_id, story.code)), str(status), str(region_status)))
    return found


def difference_sentences(differences: pd.DataFrame, lang: str) -> list[str]:
    """:func:`difference_sentence` for each row of :func:`assessment_differences`."""
    return [
        difference_sentence(code, county, region, lang)
        for code, county, region in zip(
            differences["code"], differences["county_status"], differences["region_status"], strict=True
        )
    ]


def difference_sentence(code: str, county_status: str, region_status: str, lang: str) -> str:
    """«Fylket vurderer 3.2 som forsinket; regionen rapporterer i rute.» (or «…; regionen har
    ikke rapportert.»)"""
    county = t(f"assessment.word.{county_status}", lang)
    if region_status == NOT_REPORTED:
        return t("assessment.differs_unreported", lang, code=code, county=county)
    return t("assessment.differs", lang, code=code, county=county, region=t(f"assessment.word.{region_status}", lang))


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
    units: list[str | None] = list(council_area_order(snapshot))
    return units + ([None] if snapshot["council_area"].isna().any() else [])


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
    "deadline",
    "amount",
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
