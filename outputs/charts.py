"""Plotly charts for the pages, each with its text alternative and its data as a table.

A builder takes a plain DataFrame from core.analysis and returns a Chart. Pages show
``chart.title`` as a heading, then the figure, the summary and the table, as they are:
all wording and number formatting lives here.

Accessibility (WCAG 2.1 AA is law for this dashboard), so it is not undone by accident:

- Status is never told by colour alone: bars carry a pattern per status, markers a symbol,
  and the status name is in the legend, the hover text and the table.
- Every colour that carries data has at least 3:1 contrast against the white background
  (1.4.11). Text drawn on a colour is black or white, whichever contrasts more, which is
  always at least 4.58:1 (1.4.3).
- The title is returned, not drawn in the figure, so the page makes it a real heading.
- Numbers are formatted here, Norwegian style, never by Plotly's English defaults.
"""

from __future__ import annotations

import dataclasses
import html
import math
import textwrap
from dataclasses import dataclass
from typing import NamedTuple, TypeVar, cast

import pandas as pd
import plotly.graph_objects as go

from core.i18n import Deferred, join_words, t
from core.lineage import agreement_label
from core.vocabulary import format_percent, number_text, quarter_label, signed_number_text, status_label


# No generated __eq__: it would compare DataFrames, whose truth value is ambiguous.
@dataclass(frozen=True, eq=False)
class Chart:
    title: str
    figure: go.Figure
    summary: str
    table: pd.DataFrame


class FinishedFigure(go.Figure):
    """A figure that is finished, to be shown on many reruns: it makes its dict once.

    st.plotly_chart copies the figure into a dict on every call (about 0.1 s for the heatmap at
    national scale, on every rerun of Oversikt); this one hands out the same dict each time.
    Nothing may change it or its dict once made.
    """

    def to_dict(self) -> dict:
        made = self.__dict__.get("_made")
        if made is None:
            made = self.__dict__["_made"] = super().to_dict()
        return made


def finished(chart: Chart) -> Chart:
    """``chart`` with its figure a :class:`FinishedFigure`, to be cached and shown as it is."""
    made = chart.figure.to_dict()
    # Not validated again: the figure was validated as it was built. Its dict is the one just
    # made, not a third copy (a story chart is made at every new choice of commitment).
    figure = FinishedFigure(made, _validate=False)
    figure.__dict__["_made"] = made
    return dataclasses.replace(chart, figure=figure)


# The rows the builders read, typed: pandas-stubs types a row's fields as any scalar.
class _HeatmapCell(NamedTuple):
    region: str
    council_area: str
    commitments: int
    reported: int
    succeeding: int  # on track or completed
    share: float  # of the reported; NaN where none is reported


class _HeatmapLayer:
    """One layer of the heatmap's grid: values and hover data where it has cells, None elsewhere."""

    def __init__(self, rows: int, columns: int) -> None:
        self.z: list[list[int | None]] = [[None] * columns for _ in range(rows)]
        # Plotly draws a gap's text too ("null" for None), so a gap's is ""; a gap is never
        # hovered, so its hover data is the shortest JSON there is, 0.
        self.text: list[list[str]] = [[""] * columns for _ in range(rows)]
        self.hover: list[list[object]] = [[0] * columns for _ in range(rows)]
        self.empty = True

    def put(self, row: int, column: int, value: int, text: str, hover: object) -> None:
        self.z[row][column], self.text[row][column], self.hover[row][column] = value, text, hover
        self.empty = False


class _ProgressRow(NamedTuple):
    label: str
    average_progress: float | None  # NaN or None when nothing is reported
    commitments: int


class SdgRow(NamedTuple):
    sdg: int
    name_nb: str
    name_en: str
    colour: str
    commitments: int
    on_track_or_completed_share: float | None  # of the reported; NaN or None when none is


_RowT = TypeVar("_RowT", bound=NamedTuple)


def typed_rows(frame: pd.DataFrame, row_type: type[_RowT]) -> list[_RowT]:
    """The frame's rows as ``row_type``, which names the columns read."""
    columns = frame[list(row_type._fields)]
    return [row_type._make(values) for values in columns.itertuples(index=False, name=None)]


# Stacking order in bars and legends: the statuses people look for first come first.
STATUS_ORDER: tuple[str, ...] = ("on_track", "delayed", "completed", "not_started", "cancelled", "not_reported")

# Okabe–Ito, whose colours stay apart for the common kinds of colour blindness. Its grey
# (#999999, 2.8:1) is darkened to reach 3:1 against white; the others reach it as they are.
STATUS_COLOURS: dict[str, str] = {
    "on_track": "#009E73",
    "delayed": "#D55E00",
    "completed": "#0072B2",
    "not_started": "#CC79A7",
    "cancelled": "#000000",
    "not_reported": "#8C8C8C",
}
# On track is solid: it is usually the largest segment and its label reads best on a plain fill.
STATUS_PATTERNS: dict[str, str] = {
    "on_track": "",
    "delayed": "x",
    "completed": "/",
    "not_started": ".",
    "cancelled": "-",
    "not_reported": "|",
}
STATUS_SYMBOLS: dict[str, str] = {
    "on_track": "circle",
    "delayed": "triangle-down",
    "completed": "star",
    "not_started": "square",
    "cancelled": "x",
    "not_reported": "circle-open",
}

BACKGROUND = "#FFFFFF"
TEXT_COLOUR = "#1F1F1F"
BAR_COLOUR = "#2F5F8A"
LINE_COLOUR = "#595959"
# A story's series (one per agreement·code) are told apart by dash as well as colour; the first is
# the line a story of one series has. Each colour is far from the status colours its markers have.
SERIES_LINES: tuple[tuple[str, str], ...] = (
    (LINE_COLOUR, "solid"),
    ("#7B3294", "dash"),
    ("#8C510A", "dot"),
    ("#1F1F1F", "dashdot"),
)
# SDG colours like #FCC30B (1.6:1) vanish on white; a dark outline gives each bar its edge.
OUTLINE_COLOUR = "#1F1F1F"
# Single-hue blues (ColorBrewer), colour-blind safe. It starts at a visible blue so that
# 0 % is told apart from a cell without commitments, which stays white.
# Cells without a report: unknown, told apart from every blue; "–" on it is 13:1.
UNKNOWN_COLOUR = "#D9D9D9"
HEATMAP_COLOURS: tuple[str, ...] = (
    "#DEEBF7",
    "#C6DBEF",
    "#9ECAE1",
    "#6BAED6",
    "#4292C6",
    "#2171B5",
    "#08519C",
    "#08306B",
)


def plotly_config(lang: str = "nb") -> dict:
    """Config for st.plotly_chart: a modebar with only the PNG download.

    Zoom, pan and selection are mouse-only tools that lose the reader on a bar chart; the
    data is in the table under it. The locale only takes effect where the page has loaded
    Plotly's Norwegian locale ("no"); without it Plotly falls back to English.
    """
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": [
            "zoom2d",
            "pan2d",
            "select2d",
            "lasso2d",
            "zoomIn2d",
            "zoomOut2d",
            "autoScale2d",
            "resetScale2d",
            "toggleSpikelines",
            "hoverClosestCartesian",
            "hoverCompareCartesian",
        ],
        "toImageButtonOptions": {"format": "png", "filename": "partnerskapsmonitor", "scale": 2},
        "locale": "no" if lang == "nb" else "en",
    }


def points_text(delta: float | None, lang: str = "nb") -> str | None:
    """A change in percentage points, signed, as Norwegian writes it: "+3,5 pp", "−3,5 pp" (the minus
    sign), "±0,0 pp" for no change; None when there is none to give."""
    if delta is None or pd.isna(delta):
        return None
    return f"{signed_number_text(delta, lang)} pp"


def change_direction(delta: float | None) -> str | None:
    """ "up", "down", or None when there is no change to show (none, or one that rounds to ±0,0)."""
    if delta is None or pd.isna(delta) or round(delta, 1) == 0:
        return None
    return "up" if delta > 0 else "down"


def percent_text(value: float | None, lang: str = "nb") -> str:
    """45 as "45 %" (no-break space) in Norwegian, "45%" in English, "–" when missing."""
    if value is None or pd.isna(value):
        return "–"
    # Half up, as people round by hand: 1 of 8 is "13 %", not Python's half-to-even "12 %".
    whole = math.floor(value + 0.5)
    return format_percent(whole) if lang == "nb" else f"{whole}%"


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two "#RRGGBB" colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(colour: str) -> str:
    """Black or white, whichever contrasts more with ``colour``: always at least 4.58:1."""
    if contrast_ratio("#000000", colour) >= contrast_ratio("#FFFFFF", colour):
        return "#000000"
    return "#FFFFFF"


def heatmap_colour(share: float) -> str:
    """The colour the heatmap gives a share of 0–100: linear in RGB between stops, as in Plotly."""
    position = min(max(share, 0), 100) / 100 * (len(HEATMAP_COLOURS) - 1)
    index = min(int(position), len(HEATMAP_COLOURS) - 2)
    fraction = position - index
    low, high = _rgb(HEATMAP_COLOURS[index]), _rgb(HEATMAP_COLOURS[index + 1])
    return "#" + "".join(f"{round(a + (b - a) * fraction):02X}" for a, b in zip(low, high, strict=True))


def status_over_time(frame: pd.DataFrame, lang: str = "nb") -> Chart:
    """Stacked share of commitments per status, one bar per quarter.

    ``frame`` has the columns quarter ("2024-Q2"), status, count and share (0–100).
    """
    title = t("outputs.chart.status_over_time", lang)
    if frame.empty or frame["count"].sum() == 0:
        return _empty_chart(title, lang)
    quarters = sorted(frame["quarter"].unique())
    labels = [quarter_label(quarter, lang) for quarter in quarters]
    counts = _status_matrices(frame, "quarter", quarters)[0]
    # The bars are shares of the reported commitments, as the headline figures are; how many were
    # reported stands under each quarter, so the unknown is never drawn as a status.
    reported_counts = counts.drop(columns="not_reported")
    reported_totals = reported_counts.sum(axis=1)
    reported_shares = reported_counts.div(reported_totals.where(reported_totals > 0), axis=0).fillna(0) * 100
    ticks = [
        label
        + "<br>"
        + t("outputs.chart.reported_of", lang, part=number_text(part, lang), whole=number_text(whole, lang))
        for label, part, whole in zip(labels, reported_totals.astype(int), counts.sum(axis=1).astype(int), strict=True)
    ]
    figure = _figure(
        lang,
        barmode="stack",
        hovermode="x unified",
        xaxis={"title_text": t("col.quarter", lang), "type": "category"},
        yaxis=_percent_axis(t("outputs.chart.share_of_reported", lang), lang),
    )
    for status in _statuses_present(reported_counts):
        figure.add_trace(_status_bar(status, ticks, reported_counts[status], reported_shares[status], False, lang))
    latest = quarters[-1]
    missing = int(counts.loc[latest, "not_reported"])
    reported = int(counts.loc[latest].sum()) - missing
    parts = []
    if reported:
        share = {status: percent_text(value, lang) for status, value in reported_shares.loc[latest].items()}
        parts = [
            t(
                "outputs.chart.status_over_time.on_track",
                lang,
                share=share["on_track"],
                count=Deferred(number_text, reported),
            ),
            t("outputs.chart.status_over_time.delayed", lang, share=share["delayed"]),
            t("outputs.chart.status_over_time.completed", lang, share=share["completed"]),
        ]
    if missing:
        parts.append(
            t(
                "outputs.chart.status_over_time.not_reported",
                lang,
                count=number_text(missing, lang),
                total=number_text(reported + missing, lang),
            )
        )
    summary = t(
        "outputs.chart.status_over_time.summary",
        lang,
        quarter=quarter_label(latest, lang),
        parts=join_words(parts, lang),
    )
    table = _status_table(t("col.quarter", lang), labels, reported_counts, reported_shares, lang)
    # The unknown as a count beside the shares, never as a share of its own.
    if counts["not_reported"].sum() > 0:
        table.insert(
            len(table.columns) - 1,
            status_label("not_reported", lang),
            [number_text(count, lang) for count in counts["not_reported"]],
        )
    table[t("report.total", lang)] = [number_text(total, lang) for total in counts.sum(axis=1)]
    return Chart(title=title, figure=figure, summary=summary, table=table)


def status_breakdown(frame: pd.DataFrame, lang: str = "nb", group_by: str = "group") -> Chart:
    """Stacked share of commitments per status, one horizontal bar per group.

    ``frame`` has the columns group, status, count and share (0–100); groups are shown in
    the order they come. ``group_by`` ("region", "council_area", "focus_area" or "group")
    names the groups in the title and the table.
    """
    word = _group_word(group_by, lang)
    title = t("outputs.chart.status_breakdown", lang, group=word)
    if frame.empty or frame["count"].sum() == 0:
        return _empty_chart(title, lang)
    # Named before pivoting, which would drop a missing group (commitments without a council area).
    frame = frame.assign(group=frame["group"].fillna(t("outputs.chart.without", lang, group=word)))
    groups = list(pd.unique(frame["group"]))
    counts, shares = _status_matrices(frame, "group", groups)
    figure = _figure(
        lang,
        barmode="stack",
        hovermode="y unified",
        height=_bar_chart_height(len(groups)),
        xaxis=_percent_axis(t("outputs.chart.share_of_commitments", lang), lang),
        yaxis=_rows_axis(),
    )
    labels = [_wrap(group) for group in groups]
    for status in _statuses_present(counts):
        figure.add_trace(_status_bar(status, labels, counts[status], shares[status], True, lang))
    if counts["delayed"].sum() == 0:
        summary = t("outputs.chart.status_breakdown.none_delayed", lang)
    else:
        delayed_shares = shares["delayed"]
        # The matrices are indexed by the group names.
        worst = cast(str, delayed_shares.idxmax())
        delayed = number_text(counts["delayed"][worst], lang)
        total = number_text(counts.sum(axis=1)[worst], lang)
        share = percent_text(delayed_shares[worst], lang)
        summary = t(
            "outputs.chart.status_breakdown.summary", lang, group=worst, delayed=delayed, total=total, share=share
        )
    table = _status_table(word.capitalize(), groups, counts, shares, lang)
    return Chart(title=title, figure=figure, summary=summary, table=table)


def on_track_heatmap(frame: pd.DataFrame, lang: str = "nb") -> Chart:
    """Share of the reported commitments on track or completed per region (rows) and
    council area (columns).

    ``frame`` has the columns region, council_area, commitments, reported, succeeding
    and share (0–100 of the reported, missing where none is); rows and columns keep
    their order. A cell with commitments but no reports is grey with "–": unknown, not 0 %.
    """
    title = t("outputs.chart.heatmap", lang)
    if frame.empty or frame["commitments"].sum() == 0:
        return _empty_chart(title, lang)
    missing_area = t("outputs.chart.without", lang, group=_group_word("council_area", lang))
    frame = frame.assign(council_area=frame["council_area"].fillna(missing_area))
    regions = list(pd.unique(frame["region"]))
    areas = list(pd.unique(frame["council_area"]))
    rows = typed_rows(frame, _HeatmapCell)
    cells = {(cell.region, cell.council_area): cell for cell in rows}
    # The cells are keyed by the names escaped (distinct names stay distinct), which are the region
    # axis's labels and what a hover's "%{x}" and "%{y}" say; only the area axis's labels are wrapped.
    area_keys = [_as_text(area) for area in areas]
    figure = _figure(
        lang,
        height=_bar_chart_height(len(regions)),
        xaxis={
            "title_text": t("col.council_area", lang),
            "side": "top",
            "type": "category",
            "tickmode": "array",
            "tickvals": area_keys,
            "ticktext": [_wrap(area, 16) for area in areas],
        },
        yaxis=_rows_axis(title_text=t("col.region", lang)),
    )
    # Each cell's label is drawn by the trace that colours it, not by one annotation per cell
    # (2 800 at national scale: about 1 s to build and 360 kB to send). A trace has one text
    # colour, so the cells are split into layers: without commitments (white, blank), without
    # reports (grey, "–", so unknown never looks like 0 %), and shares needing dark or light text
    # for contrast. Each layer holds its own cells and gaps (None) elsewhere; a layer without
    # cells is left out.
    layers = {kind: _HeatmapLayer(len(regions), len(areas)) for kind in ("none", "unknown", "dark", "light")}
    table_rows = []
    for i, region in enumerate(regions):
        table_row = {t("col.region", lang): region}
        for j, area in enumerate(areas):
            cell = cells.get((region, area))
            if cell is None or not cell.commitments:
                layers["none"].put(i, j, 0, "", None)
                table_row[area] = ""
            elif not cell.reported:
                commitments = commitments_text(cell.commitments, lang)
                layers["unknown"].put(i, j, 1, "–", commitments)
                table_row[area] = t("outputs.chart.heatmap.none_reported", lang, commitments=commitments)
            else:
                # The share as written ("25 %"): its colour and its label agree on the value.
                share = math.floor(float(cell.share) + 0.5)
                text = percent_text(share, lang)
                of = _of(cell.succeeding, cell.reported, lang)
                missing = cell.commitments - cell.reported
                missing_text = t("outputs.chart.heatmap.missing", lang, count=number_text(missing, lang))
                # Only what differs from cell to cell is sent; the words around it are the layer's template.
                of_commitments = t(
                    "outputs.chart.of",
                    lang,
                    part=number_text(cell.succeeding, lang),
                    whole=commitments_text(cell.reported, lang),
                )
                kind = "dark" if text_colour_on(heatmap_colour(share)) == "#000000" else "light"
                layers[kind].put(i, j, share, text, [of_commitments, f" · {missing_text}" if missing else ""])
                table_row[area] = f"{of} ({text})" + (f", {missing_text}" if missing else "")
        table_rows.append(table_row)
    shares = [[i / (len(HEATMAP_COLOURS) - 1), colour] for i, colour in enumerate(HEATMAP_COLOURS)]
    share_line = t("outputs.chart.heatmap.cell", lang, of="%{customdata[0]}", share="%{text}") + "%{customdata[1]}"
    looks = {
        "none": ([[0, BACKGROUND], [1, BACKGROUND]], t("outputs.chart.no_commitments", lang), TEXT_COLOUR),
        "unknown": (
            [[0, UNKNOWN_COLOUR], [1, UNKNOWN_COLOUR]],
            t("outputs.chart.heatmap.none_reported", lang, commitments="%{customdata}"),
            TEXT_COLOUR,
        ),
        "dark": (shares, share_line, "#000000"),
        "light": (shares, share_line, "#FFFFFF"),
    }
    for kind, layer in layers.items():
        if layer.empty:
            continue
        colorscale, hovertemplate, ink = looks[kind]
        figure.add_trace(
            go.Heatmap(
                x=area_keys,
                y=[_as_text(region) for region in regions],
                z=layer.z,
                zmin=0,
                zmax=100 if kind in ("dark", "light") else 1,
                colorscale=colorscale,
                # Every cell has its value written, so a colour bar would only repeat it.
                showscale=False,
                xgap=2,
                ygap=2,
                # A template of its own ("%{z} %") would be drawn on the gaps too; the text is empty there.
                text=layer.text,
                texttemplate="%{text}",
                textfont={"color": ink},
                customdata=None if kind == "none" else layer.hover,
                hovertemplate=f"%{{y}} · %{{x}}<br>{hovertemplate}<extra></extra>",
                # A gap is another layer's cell, which answers for itself.
                hoverongaps=False,
            )
        )
    reported = int(frame["reported"].sum())
    if not reported:
        return Chart(
            title=title,
            figure=figure,
            summary=t("outputs.chart.heatmap.none", lang),
            table=pd.DataFrame(table_rows),
        )
    # The first of the lowest, in the frame's order.
    lowest = min((cell for cell in rows if cell.reported > 0), key=lambda cell: float(cell.share))
    of = _of(lowest.succeeding, lowest.reported, lang)
    lowest_share = percent_text(lowest.share, lang)
    overall = percent_text(frame["succeeding"].sum() / reported * 100, lang)
    summary = t(
        "outputs.chart.heatmap.summary",
        lang,
        region=lowest.region,
        area=lowest.council_area,
        of=of,
        share=lowest_share,
        overall=overall,
        reported=number_text(reported, lang),
        missing=number_text(int(frame["commitments"].sum()) - reported, lang),
    )
    return Chart(title=title, figure=figure, summary=summary, table=pd.DataFrame(table_rows))


def progress_by_group(frame: pd.DataFrame, lang: str = "nb", group_by: str = "group") -> Chart:
    """Average progress per group as horizontal bars with the value printed.

    ``frame`` has the columns label, average_progress (0–100 or missing) and commitments.
    """
    word = _group_word(group_by, lang)
    title = t("outputs.chart.progress_by_group", lang, group=word)
    if frame.empty:
        return _empty_chart(title, lang)
    progress_title = t("kpi.average_progress", lang)
    rows = typed_rows(frame, _ProgressRow)
    texts = [percent_text(row.average_progress, lang) for row in rows]
    figure = _figure(
        lang,
        height=_bar_chart_height(len(rows)),
        xaxis=_percent_axis(progress_title, lang),
        yaxis=_rows_axis(),
        # Room for "100 %" printed past the end of a full bar.
        margin={"r": 64},
    )
    _labelled_bars(
        figure,
        [0.0 if pd.isna(row.average_progress) else float(row.average_progress) for row in rows],
        [_wrap(row.label) for row in rows],
        texts,
        [
            f"{_as_text(row.label)}<br>{progress_title}: {text} ({commitments_text(row.commitments, lang)})"
            for row, text in zip(rows, texts, strict=True)
        ],
        marker={"color": BAR_COLOUR},
    )
    known = frame.dropna(subset=["average_progress"])
    if known.empty:
        summary = t("outputs.chart.progress_by_group.none", lang)
    elif len(known) == 1:
        only = known.iloc[0]
        value = percent_text(only["average_progress"], lang)
        summary = t("outputs.chart.progress_by_group.one", lang, label=only["label"], value=value)
    else:
        values = known["average_progress"].astype(float)
        high, low = known.iloc[values.argmax()], known.iloc[values.argmin()]
        high_value = percent_text(high["average_progress"], lang)
        low_value = percent_text(low["average_progress"], lang)
        summary = t(
            "outputs.chart.progress_by_group.summary",
            lang,
            high=high["label"],
            high_value=high_value,
            low=low["label"],
            low_value=low_value,
        )
    table = pd.DataFrame(
        {
            word.capitalize(): [row.label for row in rows],
            progress_title: texts,
            t("outputs.chart.col.commitments", lang): [number_text(row.commitments, lang) for row in rows],
        }
    )
    return Chart(title=title, figure=figure, summary=summary, table=table)


def progress_line(frame: pd.DataFrame, lang: str = "nb") -> Chart:
    """One commitment's progress quarter by quarter, each point marked by its status.

    ``frame`` has the columns quarter, progress (0–100 or missing) and status, and may have county,
    period and code: the agreement and code each report was filed for (a story's reports,
    core.dataset.commitment_story). A story reported under more than one of them (a commitment merged
    or carried on into a new county's agreement) is drawn as one line per series, "Viken 2022–2023 ·
    3.2", told apart by dash as well as colour and named in the legend, the hover, the summary and
    the table; reports under one series are one unnamed line.
    """
    title = t("outputs.chart.progress_line", lang)
    if frame.empty:
        return _empty_chart(title, lang)
    # Stable, so a quarter reported under two series keeps the story's order: oldest agreement, then code.
    history = frame.sort_values("quarter", kind="stable")
    labels = [quarter_label(quarter, lang) for quarter in history["quarter"]]
    progress = [None if pd.isna(value) else float(value) for value in history["progress"]]
    statuses = list(history["status"])
    series = _series_names(history)
    names = list(dict.fromkeys(series))
    many = len(names) > 1
    figure = _figure(
        lang,
        xaxis={
            "title_text": t("col.quarter", lang),
            "type": "category",
            # Every quarter in time order, whichever series reported it first.
            "categoryorder": "array",
            "categoryarray": list(dict.fromkeys(labels)),
        },
        yaxis=_percent_axis(t("col.progress", lang), lang),
        # Above the row of "100 %" printed over points at the top, which it would hide.
        legend={"y": 1.08},
    )
    # The lines alone, drawn first so the status markers lie on top of them.
    for index, name in enumerate(names):
        points = [i for i, value in enumerate(series) if value == name]
        colour, dash = SERIES_LINES[index % len(SERIES_LINES)]
        figure.add_trace(
            go.Scatter(
                name=_as_text(name) if many else None,
                x=[labels[i] for i in points],
                y=[progress[i] for i in points],
                mode="lines",
                line={"color": colour, "width": 2, "dash": dash},
                hoverinfo="skip",
                showlegend=many,
            )
        )
    positions, printed = _value_places(labels, progress)
    for status in STATUS_ORDER:
        points = [i for i, value in enumerate(progress) if statuses[i] == status and value is not None]
        if not points:
            continue
        colour = STATUS_COLOURS[status]
        label = status_label(status, lang)
        texts = [percent_text(progress[i], lang) for i in points]
        named = [f"{_as_text(series[i])}<br>" if many else "" for i in points]
        figure.add_trace(
            go.Scatter(
                name=label,
                x=[labels[i] for i in points],
                y=[progress[i] for i in points],
                mode="markers+text",
                marker={
                    "symbol": STATUS_SYMBOLS[status],
                    "color": colour,
                    "size": 12,
                    "line": {"color": colour, "width": 2},
                },
                text=[text if printed[i] else "" for i, text in zip(points, texts, strict=True)],
                textposition=[positions[i] for i in points] if many else "top center",
                textfont={"color": TEXT_COLOUR},
                cliponaxis=False,
                customdata=[
                    f"{name}{labels[i]}: {text}, {label}" for i, text, name in zip(points, texts, named, strict=True)
                ],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    now = status_label(statuses[-1], lang)
    if many:
        parts = [
            _progress_words(
                [i for i, value in enumerate(series) if value == name],
                labels,
                progress,
                lang,
                _SERIES_WORDS,
                series=name,
            )
            for name in names
        ]
        summary = t(
            "outputs.chart.progress_line.series",
            lang,
            count=number_text(len(names), lang),
            parts="; ".join(parts),
            status=now,
        )
    else:
        summary = _progress_words(list(range(len(progress))), labels, progress, lang, _STORY_WORDS, status=now)
    table = {t("col.quarter", lang): labels}
    if many:
        table[t("col.agreement", lang)] = series
    table[t("col.status", lang)] = [status_label(status, lang) for status in statuses]
    table[t("col.progress", lang)] = [percent_text(value, lang) for value in progress]
    return Chart(title=title, figure=figure, summary=summary, table=pd.DataFrame(table))


def _value_places(labels: list[str], progress: list[float | None]) -> tuple[list[str], list[bool]]:
    """Where each point's value is printed, and whether it is: series side by side in a quarter
    would print over each other, so the highest value there goes above its point, the lowest below
    and any between to the right, and a value another series has printed there already is not
    printed again."""
    positions = ["top center"] * len(labels)
    printed = [value is not None for value in progress]
    quarters: dict[str, list[tuple[int, float]]] = {}
    for i, (label, value) in enumerate(zip(labels, progress, strict=True)):
        if value is not None:
            quarters.setdefault(label, []).append((i, value))
    for points in quarters.values():
        high, low = max(value for _, value in points), min(value for _, value in points)
        seen: set[float] = set()
        for i, value in points:
            printed[i] = value not in seen
            seen.add(value)
            if value != high:
                positions[i] = "bottom center" if value == low else "middle right"
    return positions, printed


def _series_names(history: pd.DataFrame) -> list[str]:
    """Each report's series, "Viken 2022–2023 · 3.2"; "" for all when the frame does not say."""
    if not {"county", "period", "code"} <= set(history.columns):
        return [""] * len(history)
    return [
        f"{agreement_label(county if isinstance(county, str) else None, period)} · {code}"
        for county, period, code in zip(history["county"], history["period"], history["code"], strict=True)
    ]


# The summary's words for a whole story ("none", "one", "span") and for one series of it.
_STORY_WORDS = (
    "outputs.chart.progress_line.none",
    "outputs.chart.progress_line.one",
    "outputs.chart.progress_line.summary",
)
_SERIES_WORDS = (
    "outputs.chart.progress_line.series.none",
    "outputs.chart.progress_line.series.one",
    "outputs.chart.progress_line.series.span",
)


def _progress_words(
    points: list[int], labels: list[str], progress: list[float | None], lang: str, words: tuple[str, str, str], **named
) -> str:
    """Where progress went over ``points``: none known, one value, or from the first to the last.
    ``words`` are the three texts (_STORY_WORDS, _SERIES_WORDS); ``named`` their other values."""
    known = [i for i in points if progress[i] is not None]
    none, one, span = words
    if not known:
        return t(none, lang, **named)
    if len(known) == 1:
        return t(one, lang, value=percent_text(progress[known[0]], lang), quarter=labels[known[0]], **named)
    first, last = known[0], known[-1]
    return t(
        span,
        lang,
        start=percent_text(progress[first], lang),
        first=labels[first],
        end=percent_text(progress[last], lang),
        last=labels[last],
        **named,
    )


def sdg_bar(frame: pd.DataFrame, lang: str = "nb") -> Chart:
    """Number of commitments per SDG, one horizontal bar each in the goal's own colour.

    ``frame`` has the columns sdg, name_nb, name_en, colour, commitments and
    on_track_or_completed_share (0–100 of the reported, or missing).
    """
    title = t("outputs.chart.sdg_bar", lang)
    if frame.empty or frame["commitments"].sum() == 0:
        return _empty_chart(title, lang)
    rows = typed_rows(frame, SdgRow)
    # The colours alone do not tell the goals apart, so each bar is named.
    names = [t("sdg.label", lang, number=row.sdg, name=row.name_nb if lang == "nb" else row.name_en) for row in rows]
    succeeding = t("kpi.on_track_or_completed", lang)
    shares = [percent_text(row.on_track_or_completed_share, lang) for row in rows]
    figure = _figure(
        lang,
        height=_bar_chart_height(len(rows)),
        xaxis={"title_text": t("outputs.chart.number_of_commitments", lang), "rangemode": "tozero"},
        yaxis=_rows_axis(),
        margin={"r": 48},
    )
    _labelled_bars(
        figure,
        [int(row.commitments) for row in rows],
        [_wrap(name) for name in names],
        [number_text(row.commitments, lang) for row in rows],
        [
            f"{_as_text(name)}<br>{commitments_text(row.commitments, lang)} · {succeeding}: {share}"
            for name, row, share in zip(names, rows, shares, strict=True)
        ],
        marker={"color": [row.colour for row in rows], "line": {"color": OUTLINE_COLOUR, "width": 1.5}},
    )
    top = max(range(len(rows)), key=lambda i: rows[i].commitments)
    count = commitments_text(rows[top].commitments, lang)
    if pd.isna(rows[top].on_track_or_completed_share):
        summary = t("outputs.chart.sdg_bar.one", lang, sdg=names[top], count=count)
    else:
        summary = t("outputs.chart.sdg_bar.summary", lang, sdg=names[top], count=count, share=shares[top])
    table = pd.DataFrame(
        {
            t("outputs.chart.col.sdg", lang): names,
            t("outputs.chart.col.commitments", lang): [number_text(row.commitments, lang) for row in rows],
            t("report.succeeding_share", lang): shares,
        }
    )
    return Chart(title=title, figure=figure, summary=summary, table=table)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _luminance(colour: str) -> float:
    # WCAG 2.1 relative luminance of an sRGB colour.
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in _rgb(colour))]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def commitments_text(count: int, lang: str) -> str:
    """ "1 commitment", "3 commitments" ("tiltak" either way in bokmål)."""
    return t("outputs.chart.commitments", lang, count=Deferred(number_text, count))


def _of(part: int, whole: int, lang: str) -> str:
    return t("outputs.chart.of", lang, part=number_text(part, lang), whole=number_text(whole, lang))


def _group_word(group_by: str, lang: str) -> str:
    return t(f"outputs.chart.group.{group_by}", lang)


def _as_text(text: str) -> str:
    # Plotly reads tick labels, hover text, legend names and annotations as its own HTML (<b>,
    # <a href>), so stored names are escaped to show as typed.
    return html.escape(text, quote=False)


def _wrap(text: str, width: int = 30) -> str:
    # Plotly never wraps tick labels; long names would squeeze the plot to nothing.
    lines = textwrap.wrap(text, width, break_long_words=False) or [text]
    return "<br>".join(_as_text(line) for line in lines)


def _bar_chart_height(bars: int) -> int:
    return 160 + 44 * bars


def _figure(lang: str, **layout) -> go.Figure:
    figure = go.Figure()
    figure.update_layout(
        template="simple_white",
        separators=", " if lang == "nb" else ".,",
        font={"size": 14, "color": TEXT_COLOUR},
        paper_bgcolor=BACKGROUND,
        plot_bgcolor=BACKGROUND,
        hoverlabel={"bgcolor": BACKGROUND, "font": {"size": 14, "color": TEXT_COLOUR}},
        # The modebar has no reset button, so a stray drag must not zoom.
        dragmode=False,
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom", "traceorder": "normal"},
        margin={"l": 8, "r": 8, "t": 48, "b": 8},
        # Labels that do not fit at a readable size are hidden rather than shrunk.
        uniformtext={"minsize": 12, "mode": "hide"},
    )
    figure.update_layout(**layout)
    return figure


def _labelled_bars(
    figure: go.Figure, x: list, y: list[str], texts: list[str], hover: list[str], *, marker: dict
) -> None:
    """Horizontal bars, each with its value printed past its end and ``hover`` as its hover text.

    The values are a text trace of their own: Plotly prints no text on a bar of length 0,
    and a bar at 0 still needs its "0 %" (or its "–" when nothing is reported).
    """
    figure.add_trace(
        go.Bar(
            orientation="h",
            x=x,
            y=y,
            marker=marker,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            showlegend=False,
        )
    )
    figure.add_trace(
        go.Scatter(
            x=x,
            y=y,
            mode="text",
            text=[f"  {text}" for text in texts],
            textposition="middle right",
            textfont={"color": TEXT_COLOUR},
            cliponaxis=False,
            hoverinfo="skip",
            showlegend=False,
        )
    )


def _rows_axis(**axis: object) -> dict:
    """An axis of named rows (groups, regions, goals) listed top down, its labels given the room they need."""
    return {**axis, "type": "category", "autorange": "reversed", "automargin": True}


def _percent_axis(title: str, lang: str) -> dict:
    """0–100 with " %" on every tick; automargin gives "100 %" at the end the room it needs."""
    return {
        "title_text": title,
        "range": [0, 100],
        "automargin": True,
        "tickvals": [0, 25, 50, 75, 100],
        "ticksuffix": "\u00a0%" if lang == "nb" else "%",
        "showgrid": True,
        "gridcolor": "#E0E0E0",
    }


def _empty_chart(title: str, lang: str) -> Chart:
    message = t("outputs.chart.no_data", lang)
    figure = _figure(lang, height=200, xaxis={"visible": False}, yaxis={"visible": False})
    figure.add_annotation(text=message, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False, font={"size": 16})
    return Chart(title=title, figure=figure, summary=f"{message}.", table=pd.DataFrame())


def _status_matrices(frame: pd.DataFrame, column: str, categories: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Counts and shares with one row per category and a column per status, missing as 0."""

    def matrix(values: str) -> pd.DataFrame:
        table = frame.pivot_table(index=column, columns="status", values=values, aggfunc="sum", fill_value=0)
        return table.reindex(index=categories, columns=list(STATUS_ORDER), fill_value=0)

    return matrix("count"), matrix("share")


def _statuses_present(counts: pd.DataFrame) -> list[str]:
    # A status nobody has would only add an empty legend entry.
    return [status for status in STATUS_ORDER if status in counts and counts[status].sum() > 0]


def _status_bar(
    status: str, categories: list[str], counts: pd.Series, shares: pd.Series, horizontal: bool, lang: str
) -> go.Bar:
    colour = STATUS_COLOURS[status]
    ink = text_colour_on(colour)
    label = status_label(status, lang)
    values = [float(share) for share in shares]
    return go.Bar(
        name=label,
        orientation="h" if horizontal else "v",
        x=values if horizontal else categories,
        y=categories if horizontal else values,
        text=[percent_text(value, lang) if value > 0 else "" for value in values],
        textposition="inside",
        insidetextanchor="middle",
        textangle=0,
        textfont={"color": ink},
        marker={
            "color": colour,
            # White gaps between segments, so neighbouring colours need not contrast with each other.
            "line": {"color": BACKGROUND, "width": 1},
            # Sparse lines in the label's own colour, so the label stays readable on top of them.
            "pattern": {"shape": STATUS_PATTERNS[status], "fgcolor": ink, "size": 10, "solidity": 0.2},
        },
        customdata=[
            f"{label}: {commitments_text(count, lang)} ({percent_text(share, lang)})"
            for count, share in zip(counts, values, strict=True)
        ],
        hovertemplate="%{customdata}<extra></extra>",
    )


def _status_table(
    header: str, labels: list[str], counts: pd.DataFrame, shares: pd.DataFrame, lang: str
) -> pd.DataFrame:
    table = {header: labels}
    for status in _statuses_present(counts):
        table[status_label(status, lang)] = [
            f"{number_text(count, lang)} ({percent_text(share, lang)})"
            for count, share in zip(counts[status], shares[status], strict=True)
        ]
    table[t("report.total", lang)] = [number_text(total, lang) for total in counts.sum(axis=1)]
    return pd.DataFrame(table)
