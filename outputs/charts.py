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

import math
import textwrap
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from core import vocabulary
from core.vocabulary import format_number, format_percent, quarter_label


# No generated __eq__: it would compare DataFrames, whose truth value is ambiguous.
@dataclass(frozen=True, eq=False)
class Chart:
    title: str
    figure: go.Figure
    summary: str
    table: pd.DataFrame


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
# SDG colours like #FCC30B (1.6:1) vanish on white; a dark outline gives each bar its edge.
OUTLINE_COLOUR = "#1F1F1F"
# Single-hue blues (ColorBrewer), colour-blind safe. It starts at a visible blue so that
# 0 % is told apart from a cell without commitments, which stays white.
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

_GROUP_WORDS: dict[str, tuple[str, str]] = {
    "group": ("gruppe", "group"),
    "region": ("region", "region"),
    "council_area": ("rådsområde", "council area"),
    "focus_area": ("innsatsområde", "focus area"),
}


def plotly_config(language: str = "nb") -> dict:
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
        "locale": "no" if language == "nb" else "en",
    }


PLOTLY_CONFIG = plotly_config("nb")


def status_label(key: str, language: str = "nb") -> str:
    """Like vocabulary.status_label, plus "not_reported", which is no status a report can have."""
    if key == "not_reported":
        return _t(language, "Ikke rapportert", "Not reported")
    return vocabulary.status_label(key, language)


def points_text(delta: float | None, language: str = "nb") -> str | None:
    """A change in percentage points, signed, as Norwegian writes it: "+3,5 pp"; None when there is none."""
    if delta is None or pd.isna(delta):
        return None
    text = f"{delta:+.1f}"
    return (text.replace(".", ",") if language == "nb" else text) + " pp"


def percent_text(value: float | None, language: str = "nb") -> str:
    """45 as "45 %" (no-break space) in Norwegian, "45%" in English, "–" when missing."""
    if value is None or pd.isna(value):
        return "–"
    # Half up, as people round by hand: 1 of 8 is "13 %", not Python's half-to-even "12 %".
    whole = math.floor(value + 0.5)
    return format_percent(whole) if language == "nb" else f"{whole}%"


def number_text(value: float, language: str = "nb") -> str:
    """1234 as "1 234" (thin no-break space) in Norwegian, "1,234" in English."""
    return format_number(value) if language == "nb" else f"{value:,.0f}"


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
    return "#" + "".join(f"{round(a + (b - a) * fraction):02X}" for a, b in zip(low, high))


def status_over_time(frame: pd.DataFrame, language: str = "nb") -> Chart:
    """Stacked share of commitments per status, one bar per quarter.

    ``frame`` has the columns quarter ("2024-Q2"), status, count and share (0–100).
    """
    title = _t(language, "Status per kvartal", "Status by quarter")
    if frame.empty or frame["count"].sum() == 0:
        return _empty_chart(title, language)
    quarters = sorted(frame["quarter"].unique())
    labels = [quarter_label(quarter, language) for quarter in quarters]
    counts, shares = _status_matrices(frame, "quarter", quarters)
    figure = _figure(
        language,
        barmode="stack",
        hovermode="x unified",
        xaxis={"title_text": _t(language, "Kvartal", "Quarter"), "type": "category"},
        yaxis=_percent_axis(_t(language, "Andel tiltak", "Share of commitments"), language),
    )
    for status in _statuses_present(counts):
        figure.add_trace(_status_bar(status, labels, counts[status], shares[status], False, language))
    latest = quarters[-1]
    total = number_text(counts.loc[latest].sum(), language)
    share = {status: percent_text(shares.loc[latest, status], language) for status in STATUS_ORDER}
    if language == "nb":
        parts = [
            f"{share['on_track']} av {total} tiltak i rute",
            f"{share['delayed']} forsinket",
            f"{share['completed']} fullført",
        ]
        if counts.loc[latest, "not_reported"]:
            parts.append(f"{share['not_reported']} ikke rapportert")
        summary = f"I {quarter_label(latest, language)} var {_join(parts, language)}."
    else:
        parts = [
            f"{share['on_track']} of {total} commitments were on track",
            f"{share['delayed']} delayed",
            f"{share['completed']} completed",
        ]
        if counts.loc[latest, "not_reported"]:
            parts.append(f"{share['not_reported']} not reported")
        summary = f"In {quarter_label(latest, language)}, {_join(parts, language)}."
    table = _status_table(_t(language, "Kvartal", "Quarter"), labels, counts, shares, language)
    return Chart(title=title, figure=figure, summary=summary, table=table)


def status_breakdown(frame: pd.DataFrame, language: str = "nb", group_by: str = "group") -> Chart:
    """Stacked share of commitments per status, one horizontal bar per group.

    ``frame`` has the columns group, status, count and share (0–100); groups are shown in
    the order they come. ``group_by`` ("region", "council_area", "focus_area" or "group")
    names the groups in the title and the table.
    """
    word = _group_word(group_by, language)
    title = _t(language, f"Status per {word}", f"Status by {word}")
    if frame.empty or frame["count"].sum() == 0:
        return _empty_chart(title, language)
    # Named before pivoting, which would drop a missing group (commitments without a council area).
    frame = frame.assign(group=frame["group"].fillna(_t(language, f"Uten {word}", f"No {word}")))
    groups = list(pd.unique(frame["group"]))
    counts, shares = _status_matrices(frame, "group", groups)
    figure = _figure(
        language,
        barmode="stack",
        hovermode="y unified",
        height=_bar_chart_height(len(groups)),
        xaxis=_percent_axis(_t(language, "Andel tiltak", "Share of commitments"), language),
        yaxis={"type": "category", "autorange": "reversed", "automargin": True},
    )
    labels = [_wrap(group) for group in groups]
    for status in _statuses_present(counts):
        figure.add_trace(_status_bar(status, labels, counts[status], shares[status], True, language))
    if counts["delayed"].sum() == 0:
        summary = _t(language, "Ingen tiltak er forsinket.", "No commitments are delayed.")
    else:
        worst = shares["delayed"].idxmax()
        delayed = number_text(counts.loc[worst, "delayed"], language)
        total = number_text(counts.loc[worst].sum(), language)
        share = percent_text(shares.loc[worst, "delayed"], language)
        summary = _t(
            language,
            f"«{worst}» har høyest andel forsinkede tiltak: {delayed} av {total} ({share}).",
            f"“{worst}” has the highest share of delayed commitments: {delayed} of {total} ({share}).",
        )
    table = _status_table(word.capitalize(), groups, counts, shares, language)
    return Chart(title=title, figure=figure, summary=summary, table=table)


def on_track_heatmap(frame: pd.DataFrame, language: str = "nb") -> Chart:
    """Share of commitments on track per region (rows) and council area (columns).

    ``frame`` has the columns region, council_area, commitments, on_track and share
    (0–100, missing where there are no commitments); rows and columns keep their order.
    """
    title = _t(language, "Andel i rute per region og rådsområde", "Share on track by region and council area")
    if frame.empty or frame["commitments"].sum() == 0:
        return _empty_chart(title, language)
    missing_area = _t(language, "Uten rådsområde", "No council area")
    frame = frame.assign(council_area=frame["council_area"].fillna(missing_area))
    regions = list(pd.unique(frame["region"]))
    areas = list(pd.unique(frame["council_area"]))
    cells = {(row.region, row.council_area): row for row in frame.itertuples(index=False)}
    columns = [_wrap(area, 16) for area in areas]
    figure = _figure(
        language,
        height=_bar_chart_height(len(regions)),
        xaxis={"title_text": _t(language, "Rådsområde", "Council area"), "side": "top", "type": "category"},
        yaxis={"title_text": "Region", "type": "category", "autorange": "reversed", "automargin": True},
    )
    z, hover, table_rows, labels = [], [], [], []
    for region in regions:
        z_row, hover_row, table_row = [], [], {"Region": region}
        for area, column in zip(areas, columns):
            cell = cells.get((region, area))
            place = f"{region} · {area}"
            if cell is None or not cell.commitments:
                share, text, ink = None, "–", TEXT_COLOUR
                hover_row.append(f"{place}<br>{_t(language, 'Ingen tiltak', 'No commitments')}")
                table_row[area] = "–"
            else:
                share = float(cell.share)
                text = percent_text(share, language)
                ink = text_colour_on(heatmap_colour(share))
                of = _of(cell.on_track, cell.commitments, language)
                commitments = _commitments_word(cell.commitments, language)
                hover_row.append(f"{place}<br>{status_label('on_track', language)}: {of} {commitments} ({text})")
                table_row[area] = f"{of} ({text})"
            z_row.append(share)
            # Plotly's heatmap text has one colour for all cells; annotations pick one per cell.
            labels.append({"x": column, "y": region, "text": text, "showarrow": False, "font": {"color": ink}})
        z.append(z_row)
        hover.append(hover_row)
        table_rows.append(table_row)
    # Set at once: add_annotation re-validates every earlier one, quadratic in the cells.
    figure.update_layout(annotations=labels)
    figure.add_trace(
        go.Heatmap(
            x=columns,
            y=regions,
            z=z,
            zmin=0,
            zmax=100,
            colorscale=[[i / (len(HEATMAP_COLOURS) - 1), colour] for i, colour in enumerate(HEATMAP_COLOURS)],
            # Every cell has its value written, so a colour bar would only repeat it.
            showscale=False,
            xgap=2,
            ygap=2,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    known = frame[frame["commitments"] > 0]
    lowest = known.loc[known["share"].astype(float).idxmin()]
    of = _of(lowest["on_track"], lowest["commitments"], language)
    share = percent_text(lowest["share"], language)
    overall = percent_text(frame["on_track"].sum() / frame["commitments"].sum() * 100, language)
    total = number_text(frame["commitments"].sum(), language)
    summary = _t(
        language,
        f"Lavest andel i rute har «{lowest['region']}» innen «{lowest['council_area']}»: {of} ({share}); "
        f"samlet er {overall} av {total} tiltak i rute.",
        f"The lowest share on track is “{lowest['region']}” in “{lowest['council_area']}”: {of} ({share}); "
        f"overall, {overall} of {total} commitments are on track.",
    )
    return Chart(title=title, figure=figure, summary=summary, table=pd.DataFrame(table_rows))


def progress_by_group(frame: pd.DataFrame, language: str = "nb", group_by: str = "group") -> Chart:
    """Average progress per group as horizontal bars with the value printed.

    ``frame`` has the columns label, average_progress (0–100 or missing) and commitments.
    """
    word = _group_word(group_by, language)
    title = _t(language, f"Gjennomsnittlig fremdrift per {word}", f"Average progress by {word}")
    if frame.empty:
        return _empty_chart(title, language)
    progress_title = _t(language, "Gjennomsnittlig fremdrift", "Average progress")
    rows = list(frame.itertuples(index=False))
    texts = [percent_text(row.average_progress, language) for row in rows]
    figure = _figure(
        language,
        height=_bar_chart_height(len(rows)),
        xaxis=_percent_axis(progress_title, language),
        yaxis={"type": "category", "autorange": "reversed", "automargin": True},
        # Room for "100 %" printed past the end of a full bar.
        margin={"r": 64},
    )
    figure.add_trace(
        go.Bar(
            orientation="h",
            x=[0.0 if pd.isna(row.average_progress) else float(row.average_progress) for row in rows],
            y=[_wrap(row.label) for row in rows],
            marker={"color": BAR_COLOUR},
            text=texts,
            textposition="outside",
            textfont={"color": TEXT_COLOUR},
            cliponaxis=False,
            customdata=[
                f"{row.label}<br>{progress_title}: {text} ({_commitments(row.commitments, language)})"
                for row, text in zip(rows, texts)
            ],
            hovertemplate="%{customdata}<extra></extra>",
            showlegend=False,
        )
    )
    known = frame.dropna(subset=["average_progress"])
    if known.empty:
        summary = _t(
            language,
            "Ingen fremdrift er rapportert for disse tiltakene.",
            "No progress has been reported for these commitments.",
        )
    elif len(known) == 1:
        only = known.iloc[0]
        value = percent_text(only["average_progress"], language)
        summary = _t(
            language,
            f"Gjennomsnittlig fremdrift for «{only['label']}» er {value}.",
            f"Average progress for “{only['label']}” is {value}.",
        )
    else:
        values = known["average_progress"].astype(float)
        high, low = known.loc[values.idxmax()], known.loc[values.idxmin()]
        high_value = percent_text(high["average_progress"], language)
        low_value = percent_text(low["average_progress"], language)
        summary = _t(
            language,
            f"Gjennomsnittlig fremdrift er høyest for «{high['label']}» ({high_value}) "
            f"og lavest for «{low['label']}» ({low_value}).",
            f"Average progress is highest for “{high['label']}” ({high_value}) "
            f"and lowest for “{low['label']}” ({low_value}).",
        )
    table = pd.DataFrame(
        {
            word.capitalize(): [row.label for row in rows],
            progress_title: texts,
            _t(language, "Antall tiltak", "Commitments"): [number_text(row.commitments, language) for row in rows],
        }
    )
    return Chart(title=title, figure=figure, summary=summary, table=table)


def progress_line(frame: pd.DataFrame, language: str = "nb") -> Chart:
    """One commitment's progress quarter by quarter, each point marked by its status.

    ``frame`` has the columns quarter, progress (0–100 or missing) and status.
    """
    title = _t(language, "Fremdrift over tid", "Progress over time")
    if frame.empty:
        return _empty_chart(title, language)
    history = frame.sort_values("quarter")
    labels = [quarter_label(quarter, language) for quarter in history["quarter"]]
    progress = [None if pd.isna(value) else float(value) for value in history["progress"]]
    statuses = list(history["status"])
    figure = _figure(
        language,
        xaxis={"title_text": _t(language, "Kvartal", "Quarter"), "type": "category"},
        yaxis=_percent_axis(_t(language, "Fremdrift", "Progress"), language),
    )
    # The line alone, drawn first so the axis lists every quarter, also those without progress.
    figure.add_trace(
        go.Scatter(
            x=labels,
            y=progress,
            mode="lines",
            line={"color": LINE_COLOUR, "width": 2},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for status in STATUS_ORDER:
        points = [i for i, value in enumerate(progress) if statuses[i] == status and value is not None]
        if not points:
            continue
        colour = STATUS_COLOURS[status]
        label = status_label(status, language)
        texts = [percent_text(progress[i], language) for i in points]
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
                text=texts,
                textposition="top center",
                textfont={"color": TEXT_COLOUR},
                cliponaxis=False,
                customdata=[f"{labels[i]}: {text}, {label}" for i, text in zip(points, texts)],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    now = status_label(statuses[-1], language)
    known = [i for i, value in enumerate(progress) if value is not None]
    if not known:
        summary = _t(
            language,
            f"Ingen fremdrift er rapportert; status nå: {now}.",
            f"No progress has been reported; status now: {now}.",
        )
    elif len(known) == 1:
        value, quarter = percent_text(progress[known[0]], language), labels[known[0]]
        summary = _t(
            language,
            f"Fremdriften var {value} i {quarter}; status nå: {now}.",
            f"Progress was {value} in {quarter}; status now: {now}.",
        )
    else:
        first, last = known[0], known[-1]
        start, end = percent_text(progress[first], language), percent_text(progress[last], language)
        summary = _t(
            language,
            f"Fremdriften gikk fra {start} i {labels[first]} til {end} i {labels[last]}; status nå: {now}.",
            f"Progress went from {start} in {labels[first]} to {end} in {labels[last]}; status now: {now}.",
        )
    table = pd.DataFrame(
        {
            _t(language, "Kvartal", "Quarter"): labels,
            "Status": [status_label(status, language) for status in statuses],
            _t(language, "Fremdrift", "Progress"): [percent_text(value, language) for value in progress],
        }
    )
    return Chart(title=title, figure=figure, summary=summary, table=table)


def sdg_bar(frame: pd.DataFrame, language: str = "nb") -> Chart:
    """Number of commitments per SDG, one horizontal bar each in the goal's own colour.

    ``frame`` has the columns sdg, name_nb, name_en, colour, commitments and
    on_track_share (0–100 or missing).
    """
    title = _t(language, "Tiltak per bærekraftsmål", "Commitments by SDG")
    if frame.empty or frame["commitments"].sum() == 0:
        return _empty_chart(title, language)
    rows = list(frame.itertuples(index=False))
    # The colours alone do not tell the goals apart, so each bar is named.
    names = [f"SDG {row.sdg} {row.name_nb if language == 'nb' else row.name_en}" for row in rows]
    on_track = status_label("on_track", language)
    shares = [percent_text(row.on_track_share, language) for row in rows]
    figure = _figure(
        language,
        height=_bar_chart_height(len(rows)),
        xaxis={"title_text": _t(language, "Antall tiltak", "Number of commitments"), "rangemode": "tozero"},
        yaxis={"type": "category", "autorange": "reversed", "automargin": True},
        margin={"r": 48},
    )
    figure.add_trace(
        go.Bar(
            orientation="h",
            x=[int(row.commitments) for row in rows],
            y=[_wrap(name) for name in names],
            marker={"color": [row.colour for row in rows], "line": {"color": OUTLINE_COLOUR, "width": 1.5}},
            text=[number_text(row.commitments, language) for row in rows],
            textposition="outside",
            textfont={"color": TEXT_COLOUR},
            cliponaxis=False,
            customdata=[
                f"{name}<br>{_commitments(row.commitments, language)} · {on_track}: {share}"
                for name, row, share in zip(names, rows, shares)
            ],
            hovertemplate="%{customdata}<extra></extra>",
            showlegend=False,
        )
    )
    top = max(range(len(rows)), key=lambda i: rows[i].commitments)
    count = _commitments(rows[top].commitments, language)
    if pd.isna(rows[top].on_track_share):
        summary = _t(
            language,
            f"Flest tiltak gjelder {names[top]}: {count}.",
            f"Most commitments concern {names[top]}: {count}.",
        )
    else:
        summary = _t(
            language,
            f"Flest tiltak gjelder {names[top]}: {count}, {shares[top]} av dem i rute.",
            f"Most commitments concern {names[top]}: {count}, {shares[top]} of them on track.",
        )
    table = pd.DataFrame(
        {
            _t(language, "Bærekraftsmål", "SDG"): names,
            _t(language, "Antall tiltak", "Commitments"): [number_text(row.commitments, language) for row in rows],
            _t(language, "Andel i rute", "Share on track"): shares,
        }
    )
    return Chart(title=title, figure=figure, summary=summary, table=table)


def _t(language: str, nb: str, en: str) -> str:
    return nb if language == "nb" else en


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _luminance(colour: str) -> float:
    # WCAG 2.1 relative luminance of an sRGB colour.
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in _rgb(colour))]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _join(parts: list[str], language: str) -> str:
    """ "a, b og c" / "a, b and c"."""
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} {_t(language, 'og', 'and')} {parts[-1]}"


def _commitments_word(count: int, language: str) -> str:
    return _t(language, "tiltak", "commitment" if count == 1 else "commitments")


def _commitments(count: int, language: str) -> str:
    return f"{number_text(count, language)} {_commitments_word(count, language)}"


def _of(part: int, whole: int, language: str) -> str:
    return f"{number_text(part, language)} {_t(language, 'av', 'of')} {number_text(whole, language)}"


def _group_word(group_by: str, language: str) -> str:
    nb, en = _GROUP_WORDS[group_by]
    return _t(language, nb, en)


def _wrap(text: str, width: int = 30) -> str:
    # Plotly never wraps tick labels; long names would squeeze the plot to nothing.
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False)) or text


def _bar_chart_height(bars: int) -> int:
    return 160 + 44 * bars


def _figure(language: str, **layout) -> go.Figure:
    figure = go.Figure()
    figure.update_layout(
        template="simple_white",
        separators=", " if language == "nb" else ".,",
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


def _percent_axis(title: str, language: str) -> dict:
    return {
        "title_text": title,
        "range": [0, 100],
        "tickvals": [0, 25, 50, 75, 100],
        "ticksuffix": "\u00a0%" if language == "nb" else "%",
        "showgrid": True,
        "gridcolor": "#E0E0E0",
    }


def _empty_chart(title: str, language: str) -> Chart:
    message = _t(language, "Ingen data for dette utvalget", "No data for this selection")
    figure = _figure(language, height=200, xaxis={"visible": False}, yaxis={"visible": False})
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
    return [status for status in STATUS_ORDER if counts[status].sum() > 0]


def _status_bar(
    status: str, categories: list[str], counts: pd.Series, shares: pd.Series, horizontal: bool, language: str
) -> go.Bar:
    colour = STATUS_COLOURS[status]
    ink = text_colour_on(colour)
    label = status_label(status, language)
    values = [float(share) for share in shares]
    return go.Bar(
        name=label,
        orientation="h" if horizontal else "v",
        x=values if horizontal else categories,
        y=categories if horizontal else values,
        text=[percent_text(value, language) if value > 0 else "" for value in values],
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
            f"{label}: {_commitments(count, language)} ({percent_text(share, language)})"
            for count, share in zip(counts, values)
        ],
        hovertemplate="%{customdata}<extra></extra>",
    )


def _status_table(
    header: str, labels: list[str], counts: pd.DataFrame, shares: pd.DataFrame, language: str
) -> pd.DataFrame:
    table = {header: labels}
    for status in _statuses_present(counts):
        table[status_label(status, language)] = [
            f"{number_text(count, language)} ({percent_text(share, language)})"
            for count, share in zip(counts[status], shares[status])
        ]
    table[_t(language, "Totalt", "Total")] = [number_text(total, language) for total in counts.sum(axis=1)]
    return pd.DataFrame(table)
