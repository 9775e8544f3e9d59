import json
import math

import pandas as pd
import plotly.io as pio
import pytest
from pandas.testing import assert_frame_equal

from core.access import set_reading_open
from outputs import charts
from outputs.charts import (
    BAR_COLOUR,
    HEATMAP_COLOURS,
    LINE_COLOUR,
    OUTLINE_COLOUR,
    SERIES_LINES,
    STATUS_COLOURS,
    STATUS_ORDER,
    STATUS_PATTERNS,
    STATUS_SYMBOLS,
    TEXT_COLOUR,
    UNKNOWN_COLOUR,
    contrast_ratio,
    heatmap_colour,
    number_text,
    percent_text,
    status_label,
    text_colour_on,
)
from tests.builders import ADMIN, app
from tests.builders import charts as page_charts
from tests.test_lineage import OSTFOLD_2024, add_story_reports, build_viken_and_ostfold

WHITE = "#FFFFFF"


def status_frame(column, rows):
    return pd.DataFrame(rows, columns=[column, "status", "count", "share"])


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", WHITE) == 21
    assert contrast_ratio(WHITE, WHITE) == 1
    # #767676 is the well-known lightest grey that passes 4.5:1 on white.
    assert round(contrast_ratio("#767676", WHITE), 2) == 4.54
    assert round(contrast_ratio(WHITE, "#777777"), 2) == 4.48


def test_status_palette_covers_every_status_and_contrasts_with_white():
    assert STATUS_ORDER == ("on_track", "delayed", "completed", "not_started", "cancelled", "not_reported")
    assert list(STATUS_COLOURS) == list(STATUS_PATTERNS) == list(STATUS_SYMBOLS) == list(STATUS_ORDER)
    ratios = {status: round(contrast_ratio(colour, WHITE), 2) for status, colour in STATUS_COLOURS.items()}
    assert ratios == {
        "on_track": 3.42,
        "delayed": 3.87,
        "completed": 5.19,
        "not_started": 3.06,
        "cancelled": 21.0,
        "not_reported": 3.36,
    }
    assert all(ratio >= 3 for ratio in ratios.values())


def test_patterns_and_symbols_are_distinct_per_status():
    assert len(set(STATUS_PATTERNS.values())) == len(STATUS_ORDER)
    assert len(set(STATUS_SYMBOLS.values())) == len(STATUS_ORDER)


def test_text_on_status_colours_has_at_least_4_5_to_1():
    inks = {status: text_colour_on(colour) for status, colour in STATUS_COLOURS.items()}
    assert inks == {
        "on_track": "#000000",
        "delayed": "#000000",
        "completed": "#FFFFFF",
        "not_started": "#000000",
        "cancelled": "#FFFFFF",
        "not_reported": "#000000",
    }
    assert all(contrast_ratio(inks[status], colour) >= 4.5 for status, colour in STATUS_COLOURS.items())


def test_text_on_every_heatmap_colour_has_at_least_4_5_to_1():
    assert heatmap_colour(0) == HEATMAP_COLOURS[0]
    assert heatmap_colour(100) == HEATMAP_COLOURS[-1]
    for share in range(101):
        colour = heatmap_colour(share)
        assert contrast_ratio(text_colour_on(colour), colour) >= 4.5, share


def test_other_chart_colours_contrast_with_white():
    assert contrast_ratio(OUTLINE_COLOUR, WHITE) >= 3
    assert contrast_ratio(BAR_COLOUR, WHITE) >= 3
    assert contrast_ratio(LINE_COLOUR, WHITE) >= 3
    assert contrast_ratio(TEXT_COLOUR, WHITE) >= 4.5


def test_series_lines_contrast_with_white_and_differ_in_dash_as_well_as_colour():
    assert [round(contrast_ratio(colour, WHITE), 1) for colour, _ in SERIES_LINES] == [7.0, 7.7, 6.4, 16.5]
    assert len({colour for colour, _ in SERIES_LINES}) == len({dash for _, dash in SERIES_LINES}) == 4
    assert SERIES_LINES[0] == (LINE_COLOUR, "solid")
    assert not {colour for colour, _ in SERIES_LINES} & set(STATUS_COLOURS.values())


def test_percent_text():
    assert percent_text(45) == "45\u00a0%"
    assert percent_text(45, "en") == "45%"
    assert percent_text(12.5) == "13\u00a0%"
    assert percent_text(0.4) == "0\u00a0%"
    assert percent_text(None) == "–"
    assert percent_text(math.nan, "en") == "–"


def test_number_text():
    assert number_text(1234) == "1\u202f234"
    assert number_text(1234, "en") == "1,234"
    assert number_text(7) == "7"


def test_status_label_covers_not_reported():
    assert status_label("on_track") == "I rute"
    assert status_label("on_track", "en") == "On track"
    assert status_label("not_reported") == "Ikke rapportert"
    assert status_label("not_reported", "en") == "Not reported"


def test_plotly_config_keeps_only_the_download_button():
    assert charts.plotly_config("nb") == {
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
        "locale": "no",
    }
    assert charts.plotly_config("en")["locale"] == "en"


def over_time_frame():
    return status_frame(
        "quarter",
        [
            # Out of order on purpose: quarters are sorted by the builder.
            ("2024-Q2", "completed", 1, 20.0),
            ("2024-Q2", "on_track", 2, 40.0),
            ("2024-Q2", "delayed", 1, 20.0),
            ("2024-Q2", "not_reported", 1, 20.0),
            ("2024-Q1", "delayed", 3, 60.0),
            ("2024-Q1", "on_track", 2, 40.0),
            # A status nobody has gets no trace.
            ("2024-Q1", "cancelled", 0, 0.0),
        ],
    )


def test_status_over_time():
    chart = charts.status_over_time(over_time_frame())
    figure = chart.figure
    assert chart.title == "Status per kvartal"
    # Shares of the reported, as the headline; how many were reported stands under each quarter.
    assert [trace.name for trace in figure.data] == ["I rute", "Forsinket", "Fullført"]
    assert [trace.marker.pattern.shape for trace in figure.data] == ["", "x", "/"]
    assert [trace.marker.color for trace in figure.data] == ["#009E73", "#D55E00", "#0072B2"]
    assert [trace.textfont.color for trace in figure.data] == ["#000000", "#000000", "#FFFFFF"]
    assert {trace.x for trace in figure.data} == {
        ("1. kv. 2024<br>5 av 5 rapportert", "2. kv. 2024<br>4 av 5 rapportert")
    }
    assert [trace.y for trace in figure.data] == [(40.0, 50.0), (60.0, 25.0), (0.0, 25.0)]
    assert [trace.text for trace in figure.data] == [
        ("40\u00a0%", "50\u00a0%"),
        ("60\u00a0%", "25\u00a0%"),
        ("", "25\u00a0%"),
    ]
    assert {trace.hovertemplate for trace in figure.data} == {"%{customdata}<extra></extra>"}
    assert figure.data[1].customdata == ("Forsinket: 3 tiltak (60\u00a0%)", "Forsinket: 1 tiltak (25\u00a0%)")
    assert figure.layout.barmode == "stack"
    assert figure.layout.separators == ", "
    assert figure.layout.title.text is None
    assert figure.layout.xaxis.title.text == "Kvartal"
    assert figure.layout.yaxis.title.text == "Andel av rapporterte tiltak"
    assert figure.layout.yaxis.ticksuffix == "\u00a0%"
    assert figure.layout.font.size == 14
    assert figure.layout.uniformtext.minsize == 12
    assert chart.summary == (
        "I 2. kv. 2024 var 50\u00a0% av 4 rapporterte tiltak i rute, 25\u00a0% forsinket, 25\u00a0% fullført og "
        "1 av 5 tiltak ikke rapportert."
    )
    assert_frame_equal(
        chart.table,
        pd.DataFrame(
            {
                "Kvartal": ["1. kv. 2024", "2. kv. 2024"],
                "I rute": ["2 (40\u00a0%)", "2 (50\u00a0%)"],
                "Forsinket": ["3 (60\u00a0%)", "1 (25\u00a0%)"],
                "Fullført": ["0 (0\u00a0%)", "1 (25\u00a0%)"],
                "Ikke rapportert": ["0", "1"],
                "Totalt": ["5", "5"],
            }
        ),
    )


def test_status_over_time_in_english():
    chart = charts.status_over_time(over_time_frame(), "en")
    figure = chart.figure
    assert chart.title == "Status by quarter"
    assert [trace.name for trace in figure.data] == ["On track", "Delayed", "Completed"]
    assert figure.data[0].x == ("Q1 2024<br>5 of 5 reported", "Q2 2024<br>4 of 5 reported")
    assert figure.data[0].text == ("40%", "50%")
    assert figure.data[1].customdata == ("Delayed: 3 commitments (60%)", "Delayed: 1 commitment (25%)")
    assert figure.layout.separators == ".,"
    assert figure.layout.xaxis.title.text == "Quarter"
    assert figure.layout.yaxis.title.text == "Share of reported commitments"
    assert figure.layout.yaxis.ticksuffix == "%"
    assert (
        chart.summary
        == "In Q2 2024, 50% of 4 reported commitments were on track, 25% delayed, 25% completed and 1 of 5 "
        "commitments not reported."
    )
    assert list(chart.table.columns) == ["Quarter", "On track", "Delayed", "Completed", "Not reported", "Total"]


def test_status_over_time_summary_without_unreported_and_with_thousands():
    frame = status_frame(
        "quarter",
        [("2023-Q4", "on_track", 1200, 60.0), ("2023-Q4", "delayed", 300, 15.0), ("2023-Q4", "not_started", 500, 25.0)],
    )
    assert charts.status_over_time(frame).summary == (
        "I 4. kv. 2023 var 60\u00a0% av 2\u202f000 rapporterte tiltak i rute, 15\u00a0% forsinket og 0\u00a0% fullført."
    )
    assert charts.status_over_time(frame, "en").summary == (
        "In Q4 2023, 60% of 2,000 reported commitments were on track, 15% delayed and 0% completed."
    )


def breakdown_frame():
    return status_frame(
        "group",
        [
            ("Samferdsel", "on_track", 3, 75.0),
            ("Samferdsel", "delayed", 1, 25.0),
            ("Plan, klima og miljø", "delayed", 2, 50.0),
            ("Plan, klima og miljø", "not_started", 1, 25.0),
            ("Plan, klima og miljø", "cancelled", 1, 25.0),
        ],
    )


def test_status_breakdown():
    chart = charts.status_breakdown(breakdown_frame(), group_by="council_area")
    figure = chart.figure
    assert chart.title == "Status per rådsområde"
    assert [trace.name for trace in figure.data] == ["I rute", "Forsinket", "Ikke startet", "Utgår"]
    assert [trace.marker.pattern.shape for trace in figure.data] == ["", "x", ".", "-"]
    assert {trace.orientation for trace in figure.data} == {"h"}
    assert {trace.y for trace in figure.data} == {("Samferdsel", "Plan, klima og miljø")}
    assert [trace.x for trace in figure.data] == [(75.0, 0.0), (25.0, 50.0), (0.0, 25.0), (0.0, 25.0)]
    assert figure.data[3].text == ("", "25\u00a0%")
    assert figure.data[3].textfont.color == "#FFFFFF"
    assert figure.data[3].customdata == ("Utgår: 0 tiltak (0\u00a0%)", "Utgår: 1 tiltak (25\u00a0%)")
    assert figure.layout.yaxis.autorange == "reversed"
    assert figure.layout.xaxis.title.text == "Andel tiltak"
    assert chart.summary == "«Plan, klima og miljø» har høyest andel forsinkede tiltak: 2 av 4 (50\u00a0%)."
    assert_frame_equal(
        chart.table,
        pd.DataFrame(
            {
                "Rådsområde": ["Samferdsel", "Plan, klima og miljø"],
                "I rute": ["3 (75\u00a0%)", "0 (0\u00a0%)"],
                "Forsinket": ["1 (25\u00a0%)", "2 (50\u00a0%)"],
                "Ikke startet": ["0 (0\u00a0%)", "1 (25\u00a0%)"],
                "Utgår": ["0 (0\u00a0%)", "1 (25\u00a0%)"],
                "Totalt": ["4", "4"],
            }
        ),
    )


def test_status_breakdown_in_english():
    chart = charts.status_breakdown(breakdown_frame(), "en", group_by="council_area")
    assert chart.title == "Status by council area"
    assert [trace.name for trace in chart.figure.data] == ["On track", "Delayed", "Not started", "Cancelled"]
    assert chart.summary == "“Plan, klima og miljø” has the highest share of delayed commitments: 2 of 4 (50%)."
    assert list(chart.table.columns) == ["Council area", "On track", "Delayed", "Not started", "Cancelled", "Total"]


def test_status_breakdown_without_delays_and_with_a_long_group_name():
    name = "Indre Østfold regionråd og Follorådet sammen"
    frame = status_frame("group", [(name, "on_track", 2, 100.0)])
    chart = charts.status_breakdown(frame)
    assert chart.title == "Status per gruppe"
    assert chart.figure.data[0].y == ("Indre Østfold regionråd og<br>Follorådet sammen",)
    assert chart.summary == "Ingen tiltak er forsinket."
    assert charts.status_breakdown(frame, "en").summary == "No commitments are delayed."
    assert list(chart.table["Gruppe"]) == [name]


def test_status_breakdown_names_a_missing_group():
    frame = status_frame("group", [("Samferdsel", "on_track", 1, 100.0), (None, "delayed", 2, 100.0)])
    chart = charts.status_breakdown(frame, group_by="council_area")
    assert {trace.y for trace in chart.figure.data} == {("Samferdsel", "Uten rådsområde")}
    assert chart.summary == "«Uten rådsområde» har høyest andel forsinkede tiltak: 2 av 2 (100\u00a0%)."
    assert list(chart.table["Rådsområde"]) == ["Samferdsel", "Uten rådsområde"]
    assert list(charts.status_breakdown(frame, "en", group_by="council_area").table["Council area"]) == [
        "Samferdsel",
        "No council area",
    ]


def heatmap_frame():
    return pd.DataFrame(
        [
            ("IØR", "Samferdsel", 4, 4, 1, 25.0),
            ("IØR", "Utdanning og kompetanse", 0, 0, 0, None),
            ("Follorådet", "Samferdsel", 10, 8, 8, 100.0),
            ("Follorådet", "Utdanning og kompetanse", 2, 0, 0, None),
        ],
        columns=["region", "council_area", "commitments", "reported", "succeeding", "share"],
    )


def layers(figure):
    """Each heatmap layer as (z, text, text colour, customdata, hovertemplate), grids as lists."""
    return [
        (
            [list(row) for row in trace.z],
            [list(row) for row in trace.text],
            trace.textfont.color,
            None if trace.customdata is None else [list(row) for row in trace.customdata],
            trace.hovertemplate,
        )
        for trace in figure.data
    ]


def test_on_track_heatmap():
    chart = charts.on_track_heatmap(heatmap_frame())
    figure = chart.figure
    assert chart.title == "Andel i rute eller fullført per region og rådsområde"
    areas = ("Samferdsel", "Utdanning og kompetanse")
    assert [(trace.x, trace.y) for trace in figure.data] == [(areas, ("IØR", "Follorådet"))] * 4
    assert figure.layout.xaxis.tickvals == areas
    assert figure.layout.xaxis.ticktext == ("Samferdsel", "Utdanning og<br>kompetanse")
    place = "%{y} · %{x}<br>"
    # The labels are drawn by the traces: one layer per text colour, gaps (None) in the others.
    # A region whose every reported commitment is completed is at 100 %, not 0 %.
    assert layers(figure) == [
        (
            [[None, 0], [None, None]],
            [["", ""], ["", ""]],
            TEXT_COLOUR,
            None,
            f"{place}Ingen tiltak<extra></extra>",
        ),
        (
            [[None, None], [None, 1]],
            [["", ""], ["", "–"]],
            TEXT_COLOUR,
            [[0, 0], [0, "2 tiltak"]],
            f"{place}Ikke rapportert: %{{customdata}}<extra></extra>",
        ),
        (
            [[25, None], [None, None]],
            [["25\u00a0%", ""], ["", ""]],
            "#000000",
            [[["1 av 4 tiltak", ""], 0], [0, 0]],
            f"{place}I rute eller fullført: %{{customdata[0]}} (%{{text}})%{{customdata[1]}}<extra></extra>",
        ),
        (
            [[None, None], [100, None]],
            [["", ""], ["100\u00a0%", ""]],
            WHITE,
            [[0, 0], [["8 av 8 tiltak", " · 2 ikke rapportert"], 0]],
            f"{place}I rute eller fullført: %{{customdata[0]}} (%{{text}})%{{customdata[1]}}<extra></extra>",
        ),
    ]
    none, unknown, dark, light = figure.data
    assert none.colorscale == ((0, WHITE), (1, WHITE))
    assert unknown.colorscale == ((0, UNKNOWN_COLOUR), (1, UNKNOWN_COLOUR))
    assert (
        dark.colorscale
        == light.colorscale
        == tuple((i / (len(HEATMAP_COLOURS) - 1), colour) for i, colour in enumerate(HEATMAP_COLOURS))
    )
    assert [(trace.zmin, trace.zmax, trace.showscale, trace.hoverongaps) for trace in figure.data] == [
        (0, 1, False, False),
        (0, 1, False, False),
        (0, 100, False, False),
        (0, 100, False, False),
    ]
    assert figure.layout.annotations == ()
    assert figure.layout.xaxis.title.text == "Rådsområde"
    assert figure.layout.yaxis.title.text == "Region"
    assert chart.summary == (
        "Lavest andel i rute eller fullført har «IØR» innen «Samferdsel»: 1 av 4 (25\u00a0%). "
        "Samlet er 75\u00a0% av de 12 rapporterte tiltakene i rute eller fullført; "
        "4 er ikke rapportert, og celler uten rapporter er grå med «–»."
    )
    assert_frame_equal(
        chart.table,
        pd.DataFrame(
            {
                "Region": ["IØR", "Follorådet"],
                "Samferdsel": ["1 av 4 (25\u00a0%)", "8 av 8 (100\u00a0%), 2 ikke rapportert"],
                "Utdanning og kompetanse": ["", "Ikke rapportert: 2 tiltak"],
            }
        ),
    )


def test_every_heatmap_label_is_in_the_colour_that_contrasts_with_its_cell():
    shares = [0, 12.5, 30, 49.5, 67.4, 67.5, 70, 85, 99.6, 100]
    frame = pd.DataFrame(
        [("IØR", f"Område {n}", 8, 8, 0, share) for n, share in enumerate(shares)],
        columns=["region", "council_area", "commitments", "reported", "succeeding", "share"],
    )
    drawn = {}
    for trace in charts.on_track_heatmap(frame).figure.data:
        for value, text in zip(trace.z[0], trace.text[0], strict=True):
            if value is not None:
                drawn[value] = (text, trace.textfont.color)
    # Half up, as written: 12.5 is 13 %, 67.5 is 68 % (the first with white text), 99.6 is 100 %.
    assert drawn == {
        0: ("0\u00a0%", "#000000"),
        13: ("13\u00a0%", "#000000"),
        30: ("30\u00a0%", "#000000"),
        50: ("50\u00a0%", "#000000"),
        67: ("67\u00a0%", "#000000"),
        68: ("68\u00a0%", WHITE),
        70: ("70\u00a0%", WHITE),
        85: ("85\u00a0%", WHITE),
        100: ("100\u00a0%", WHITE),
    }
    for value, (_, ink) in drawn.items():
        assert contrast_ratio(ink, heatmap_colour(value)) >= 4.5


def test_the_heatmap_at_national_size_sends_under_200_kb():
    # 400 regions x 7 council areas, every cell reported, one in four with commitments missing:
    # the Oversikt heatmap after a complete quarter. Its 2 800 annotations once made it 719 kB.
    areas = [f"Rådsområde for samfunnsutvikling {n}" for n in range(7)]
    frame = pd.DataFrame(
        [
            (f"Region {r:03d} regionråd", area, 8, 8 - (r + a) % 4 // 3, (r * 7 + a) % 8, 0.0)
            for r in range(400)
            for a, area in enumerate(areas)
        ],
        columns=["region", "council_area", "commitments", "reported", "succeeding", "share"],
    )
    frame["succeeding"] = frame[["succeeding", "reported"]].min(axis=1)
    frame["share"] = frame["succeeding"] / frame["reported"] * 100
    assert len(charts.on_track_heatmap(frame).figure.to_json()) < 200_000


def test_grey_unknown_cells_have_the_contrast_of_text():
    assert contrast_ratio(TEXT_COLOUR, UNKNOWN_COLOUR) >= 4.5
    assert UNKNOWN_COLOUR not in HEATMAP_COLOURS


def test_on_track_heatmap_in_english():
    chart = charts.on_track_heatmap(heatmap_frame(), "en")
    none, unknown, dark, light = chart.figure.data
    assert chart.title == "Share on track or completed by region and council area"
    assert [none.hovertemplate, unknown.hovertemplate, light.hovertemplate] == [
        "%{y} · %{x}<br>No commitments<extra></extra>",
        "%{y} · %{x}<br>Not reported: %{customdata}<extra></extra>",
        "%{y} · %{x}<br>On track or completed: %{customdata[0]} (%{text})%{customdata[1]}<extra></extra>",
    ]
    assert [list(row) for row in unknown.customdata] == [[0, 0], [0, "2 commitments"]]
    assert [list(row) for row in light.customdata] == [[0, 0], [["8 of 8 commitments", " · 2 not reported"], 0]]
    assert [[list(row) for row in trace.text] for trace in (dark, light)] == [
        [["25%", ""], ["", ""]],
        [["", ""], ["100%", ""]],
    ]
    assert chart.figure.layout.xaxis.title.text == "Council area"
    assert chart.summary == (
        "The lowest share on track or completed is “IØR” in “Samferdsel”: 1 of 4 (25%). "
        "Overall, 75% of the 12 reported commitments are on track or completed; "
        "4 are not reported, and cells without reports are grey with “–”."
    )
    assert_frame_equal(
        chart.table,
        pd.DataFrame(
            {
                "Region": ["IØR", "Follorådet"],
                "Samferdsel": ["1 of 4 (25%)", "8 of 8 (100%), 2 not reported"],
                "Utdanning og kompetanse": ["", "Not reported: 2 commitments"],
            }
        ),
    )


def test_on_track_heatmap_without_any_report_is_all_grey():
    frame = heatmap_frame().assign(reported=0, succeeding=0, share=None)
    chart = charts.on_track_heatmap(frame)
    none, unknown = chart.figure.data
    assert [list(row) for row in none.z] == [[None, 0], [None, None]]
    assert [list(row) for row in unknown.z] == [[1, None], [1, 1]]
    assert [list(row) for row in unknown.text] == [["–", ""], ["–", "–"]]
    assert chart.summary == "Ingen tiltak er rapportert for kvartalet: alle cellene er grå med «–»."


def test_on_track_heatmap_names_a_missing_council_area():
    frame = pd.DataFrame(
        [("IØR", "Samferdsel", 2, 2, 2, 100.0), ("IØR", None, 4, 4, 1, 25.0)],
        columns=["region", "council_area", "commitments", "reported", "succeeding", "share"],
    )
    chart = charts.on_track_heatmap(frame)
    assert chart.figure.data[0].x == ("Samferdsel", "Uten rådsområde")
    assert chart.figure.layout.xaxis.ticktext == ("Samferdsel", "Uten rådsområde")
    assert chart.summary == (
        "Lavest andel i rute eller fullført har «IØR» innen «Uten rådsområde»: 1 av 4 (25\u00a0%). "
        "Samlet er 50\u00a0% av de 6 rapporterte tiltakene i rute eller fullført; "
        "0 er ikke rapportert, og celler uten rapporter er grå med «–»."
    )
    assert list(charts.on_track_heatmap(frame, "en").table.columns) == ["Region", "Samferdsel", "No council area"]


def progress_frame():
    return pd.DataFrame(
        [
            ("1 Utdanning og utenforskap #kompetanseløft", 45.0, 12),
            ("2 Klima og miljø #grønnomstilling", 80.0, 3),
            ("3 Samferdsel", None, 1),
        ],
        columns=["label", "average_progress", "commitments"],
    )


def test_progress_by_group():
    chart = charts.progress_by_group(progress_frame(), group_by="focus_area")
    bar, values = chart.figure.data
    assert chart.title == "Gjennomsnittlig fremdrift per innsatsområde"
    assert bar.orientation == "h"
    assert bar.x == (45.0, 80.0, 0.0)
    assert bar.y == (
        "1 Utdanning og utenforskap<br>#kompetanseløft",
        "2 Klima og miljø<br>#grønnomstilling",
        "3 Samferdsel",
    )
    # Printed past each bar's end by a text layer, so a bar of length 0 keeps its "–".
    assert (values.mode, values.x, values.y) == ("text", bar.x, bar.y)
    assert values.text == ("  45\u00a0%", "  80\u00a0%", "  –")
    assert (values.textposition, values.cliponaxis, values.hoverinfo) == ("middle right", False, "skip")
    assert bar.customdata == (
        "1 Utdanning og utenforskap #kompetanseløft<br>Gjennomsnittlig fremdrift: 45\u00a0% (12 tiltak)",
        "2 Klima og miljø #grønnomstilling<br>Gjennomsnittlig fremdrift: 80\u00a0% (3 tiltak)",
        "3 Samferdsel<br>Gjennomsnittlig fremdrift: – (1 tiltak)",
    )
    assert chart.figure.layout.xaxis.range == (0, 100)
    assert chart.figure.layout.xaxis.title.text == "Gjennomsnittlig fremdrift"
    assert chart.summary == (
        "Gjennomsnittlig fremdrift er høyest for «2 Klima og miljø #grønnomstilling» (80\u00a0%) "
        "og lavest for «1 Utdanning og utenforskap #kompetanseløft» (45\u00a0%)."
    )
    assert_frame_equal(
        chart.table,
        pd.DataFrame(
            {
                "Innsatsområde": [
                    "1 Utdanning og utenforskap #kompetanseløft",
                    "2 Klima og miljø #grønnomstilling",
                    "3 Samferdsel",
                ],
                "Gjennomsnittlig fremdrift": ["45\u00a0%", "80\u00a0%", "–"],
                "Antall tiltak": ["12", "3", "1"],
            }
        ),
    )


def test_progress_by_group_in_english():
    chart = charts.progress_by_group(progress_frame(), "en", group_by="focus_area")
    assert chart.title == "Average progress by focus area"
    assert chart.figure.data[1].text == ("  45%", "  80%", "  –")
    assert chart.figure.data[0].customdata[2] == "3 Samferdsel<br>Average progress: – (1 commitment)"
    assert chart.summary == (
        "Average progress is highest for “2 Klima og miljø #grønnomstilling” (80%) "
        "and lowest for “1 Utdanning og utenforskap #kompetanseløft” (45%)."
    )
    assert list(chart.table.columns) == ["Focus area", "Average progress", "Commitments"]


def test_progress_by_group_summaries_with_one_or_no_value():
    frame = progress_frame()
    one = frame.assign(average_progress=[None, 80.0, None])
    none = frame.assign(average_progress=[None, None, None])
    assert (
        charts.progress_by_group(one).summary
        == "Gjennomsnittlig fremdrift for «2 Klima og miljø #grønnomstilling» er 80\u00a0%."
    )
    assert (
        charts.progress_by_group(one, "en").summary
        == "Average progress for “2 Klima og miljø #grønnomstilling” is 80%."
    )
    assert charts.progress_by_group(none).summary == "Ingen fremdrift er rapportert for disse tiltakene."
    assert charts.progress_by_group(none, "en").summary == "No progress has been reported for these commitments."


def line_frame():
    return pd.DataFrame(
        [
            ("2024-Q2", 60.0, "on_track"),
            ("2023-Q1", 10.0, "not_started"),
            ("2023-Q2", None, "not_reported"),
            ("2023-Q3", 30.0, "delayed"),
            ("2024-Q1", 50.0, "on_track"),
        ],
        columns=["quarter", "progress", "status"],
    )


def test_progress_line():
    chart = charts.progress_line(line_frame())
    line, *markers = chart.figure.data
    assert chart.title == "Fremdrift over tid"
    assert line.mode == "lines"
    assert line.x == ("1. kv. 2023", "2. kv. 2023", "3. kv. 2023", "1. kv. 2024", "2. kv. 2024")
    assert line.y == (10.0, None, 30.0, 50.0, 60.0)
    assert [trace.name for trace in markers] == ["I rute", "Forsinket", "Ikke startet"]
    assert [trace.marker.symbol for trace in markers] == ["circle", "triangle-down", "square"]
    assert [trace.x for trace in markers] == [("1. kv. 2024", "2. kv. 2024"), ("3. kv. 2023",), ("1. kv. 2023",)]
    assert [trace.y for trace in markers] == [(50.0, 60.0), (30.0,), (10.0,)]
    assert [trace.text for trace in markers] == [("50\u00a0%", "60\u00a0%"), ("30\u00a0%",), ("10\u00a0%",)]
    assert [trace.customdata for trace in markers] == [
        ("1. kv. 2024: 50\u00a0%, I rute", "2. kv. 2024: 60\u00a0%, I rute"),
        ("3. kv. 2023: 30\u00a0%, Forsinket",),
        ("1. kv. 2023: 10\u00a0%, Ikke startet",),
    ]
    assert chart.figure.layout.yaxis.title.text == "Fremdrift"
    assert (
        chart.summary == "Fremdriften gikk fra 10\u00a0% i 1. kv. 2023 til 60\u00a0% i 2. kv. 2024; status nå: I rute."
    )
    assert_frame_equal(
        chart.table,
        pd.DataFrame(
            {
                "Kvartal": ["1. kv. 2023", "2. kv. 2023", "3. kv. 2023", "1. kv. 2024", "2. kv. 2024"],
                "Status": ["Ikke startet", "Ikke rapportert", "Forsinket", "I rute", "I rute"],
                "Fremdrift": ["10\u00a0%", "–", "30\u00a0%", "50\u00a0%", "60\u00a0%"],
            }
        ),
    )


def test_progress_line_in_english():
    chart = charts.progress_line(line_frame(), "en")
    assert chart.title == "Progress over time"
    assert [trace.name for trace in chart.figure.data[1:]] == ["On track", "Delayed", "Not started"]
    assert chart.figure.data[2].customdata == ("Q3 2023: 30%, Delayed",)
    assert chart.summary == "Progress went from 10% in Q1 2023 to 60% in Q2 2024; status now: On track."
    assert list(chart.table.columns) == ["Quarter", "Status", "Progress"]


def test_progress_line_summaries_with_one_or_no_value():
    columns = ["quarter", "progress", "status"]
    one = pd.DataFrame([("2024-Q1", None, "not_started"), ("2024-Q2", 40.0, "delayed")], columns=columns)
    none = pd.DataFrame([("2024-Q2", None, "not_reported")], columns=columns)
    assert charts.progress_line(one).summary == "Fremdriften var 40\u00a0% i 2. kv. 2024; status nå: Forsinket."
    assert charts.progress_line(one, "en").summary == "Progress was 40% in Q2 2024; status now: Delayed."
    assert charts.progress_line(none).summary == "Ingen fremdrift er rapportert; status nå: Ikke rapportert."
    assert charts.progress_line(none, "en").summary == "No progress has been reported; status now: Not reported."
    assert len(charts.progress_line(none).figure.data) == 1


VIKEN, AKERSHUS = ("Viken", "2022-2023"), ("Akershus", "2024-2027")


def story_frame():
    """A merged commitment's reports as core.dataset.commitment_story gives them: two Viken
    commitments reported side by side, then the one they became in Akershus."""
    rows = [
        ("2023-Q3", 30.0, "on_track", *VIKEN, "3.2"),
        ("2023-Q3", 80.0, "on_track", *VIKEN, "3.2.A"),
        ("2023-Q4", 40.0, "delayed", *VIKEN, "3.2"),
        ("2023-Q4", 100.0, "completed", *VIKEN, "3.2.A"),
        ("2024-Q1", 50.0, "on_track", *AKERSHUS, "3.2"),
        ("2024-Q2", None, "not_reported", *AKERSHUS, "3.2"),
    ]
    # In the story's order: quarter, then oldest agreement, then code.
    return pd.DataFrame(rows, columns=["quarter", "progress", "status", "county", "period", "code"])


def test_progress_line_of_a_merged_story_has_a_line_per_agreement_and_code():
    chart = charts.progress_line(story_frame())
    figure = chart.figure
    series = ["Viken 2022–2023 · 3.2", "Viken 2022–2023 · 3.2.A", "Akershus 2024–2027 · 3.2"]
    lines, markers = figure.data[:3], figure.data[3:]
    assert [(line.name, line.mode, line.showlegend, line.hoverinfo) for line in lines] == [
        (name, "lines", True, "skip") for name in series
    ]
    assert [(line.line.color, line.line.dash) for line in lines] == [
        ("#595959", "solid"),
        ("#7B3294", "dash"),
        ("#8C510A", "dot"),
    ]
    assert [(line.x, line.y) for line in lines] == [
        (("3. kv. 2023", "4. kv. 2023"), (30.0, 40.0)),
        (("3. kv. 2023", "4. kv. 2023"), (80.0, 100.0)),
        (("1. kv. 2024", "2. kv. 2024"), (50.0, None)),
    ]
    assert figure.layout.xaxis.categoryarray == ("3. kv. 2023", "4. kv. 2023", "1. kv. 2024", "2. kv. 2024")
    assert [(trace.name, trace.marker.symbol) for trace in markers] == [
        ("I rute", "circle"),
        ("Forsinket", "triangle-down"),
        ("Fullført", "star"),
    ]
    assert [(trace.x, trace.y) for trace in markers] == [
        (("3. kv. 2023", "3. kv. 2023", "1. kv. 2024"), (30.0, 80.0, 50.0)),
        (("4. kv. 2023",), (40.0,)),
        (("4. kv. 2023",), (100.0,)),
    ]
    # In a quarter of two series the higher value is printed above its point, the lower below.
    assert [(trace.text, trace.textposition) for trace in markers] == [
        (("30\u00a0%", "80\u00a0%", "50\u00a0%"), ("bottom center", "top center", "top center")),
        (("40\u00a0%",), ("bottom center",)),
        (("100\u00a0%",), ("top center",)),
    ]
    assert [trace.customdata for trace in markers] == [
        (
            "Viken 2022–2023 · 3.2<br>3. kv. 2023: 30\u00a0%, I rute",
            "Viken 2022–2023 · 3.2.A<br>3. kv. 2023: 80\u00a0%, I rute",
            "Akershus 2024–2027 · 3.2<br>1. kv. 2024: 50\u00a0%, I rute",
        ),
        ("Viken 2022–2023 · 3.2<br>4. kv. 2023: 40\u00a0%, Forsinket",),
        ("Viken 2022–2023 · 3.2.A<br>4. kv. 2023: 100\u00a0%, Fullført",),
    ]
    assert chart.summary == (
        "Fremdriften vises i 3 serier, én per avtale og tiltak: "
        "«Viken 2022–2023 · 3.2» gikk fra 30\u00a0% i 3. kv. 2023 til 40\u00a0% i 4. kv. 2023; "
        "«Viken 2022–2023 · 3.2.A» gikk fra 80\u00a0% i 3. kv. 2023 til 100\u00a0% i 4. kv. 2023; "
        "«Akershus 2024–2027 · 3.2» var 50\u00a0% i 1. kv. 2024; status nå: Ikke rapportert."
    )
    assert_frame_equal(
        chart.table,
        pd.DataFrame(
            {
                "Kvartal": ["3. kv. 2023", "3. kv. 2023", "4. kv. 2023", "4. kv. 2023", "1. kv. 2024", "2. kv. 2024"],
                "Avtale": [series[0], series[1], series[0], series[1], series[2], series[2]],
                "Status": ["I rute", "I rute", "Forsinket", "Fullført", "I rute", "Ikke rapportert"],
                "Fremdrift": ["30\u00a0%", "80\u00a0%", "40\u00a0%", "100\u00a0%", "50\u00a0%", "–"],
            }
        ),
    )


def test_progress_line_of_a_merged_story_in_english():
    chart = charts.progress_line(story_frame(), "en")
    assert chart.figure.data[3].customdata[0] == "Viken 2022–2023 · 3.2<br>Q3 2023: 30%, On track"
    assert chart.summary == (
        "Progress is shown in 3 series, one per agreement and commitment: "
        "“Viken 2022–2023 · 3.2” went from 30% in Q3 2023 to 40% in Q4 2023; "
        "“Viken 2022–2023 · 3.2.A” went from 80% in Q3 2023 to 100% in Q4 2023; "
        "“Akershus 2024–2027 · 3.2” was 50% in Q1 2024; status now: Not reported."
    )
    assert list(chart.table.columns) == ["Quarter", "Agreement", "Status", "Progress"]


def test_progress_line_prints_a_value_two_series_share_once_and_names_a_series_without_progress():
    columns = ["quarter", "progress", "status", "county", "period", "code"]
    frame = pd.DataFrame(
        [
            ("2023-Q1", 0.0, "not_started", *VIKEN, "3.2"),
            ("2023-Q1", 0.0, "not_started", *VIKEN, "3.2.A"),
            ("2023-Q1", 10.0, "on_track", *VIKEN, "3.3"),
            ("2023-Q1", 20.0, "on_track", None, "2022-2023", "3.4"),
            ("2023-Q2", None, "not_reported", None, "2022-2023", "3.5"),
        ],
        columns=columns,
    )
    chart = charts.progress_line(frame)
    assert [line.name for line in chart.figure.data[:5]] == [
        "Viken 2022–2023 · 3.2",
        "Viken 2022–2023 · 3.2.A",
        "Viken 2022–2023 · 3.3",
        "2022–2023 · 3.4",
        "2022–2023 · 3.5",
    ]
    # A fifth series starts the dashes over.
    assert [(line.line.color, line.line.dash) for line in chart.figure.data[:5]] == [*SERIES_LINES, SERIES_LINES[0]]
    on_track, not_started = chart.figure.data[5:]
    assert (on_track.text, on_track.textposition) == (("10\u00a0%", "20\u00a0%"), ("middle right", "top center"))
    assert (not_started.text, not_started.textposition) == (("0\u00a0%", ""), ("bottom center", "bottom center"))
    assert chart.summary == (
        "Fremdriften vises i 5 serier, én per avtale og tiltak: "
        "«Viken 2022–2023 · 3.2» var 0\u00a0% i 1. kv. 2023; «Viken 2022–2023 · 3.2.A» var 0\u00a0% i 1. kv. 2023; "
        "«Viken 2022–2023 · 3.3» var 10\u00a0% i 1. kv. 2023; «2022–2023 · 3.4» var 20\u00a0% i 1. kv. 2023; "
        "«2022–2023 · 3.5» har ingen rapportert fremdrift; status nå: Ikke rapportert."
    )
    assert charts.progress_line(frame, "en").summary.endswith(
        "; “2022–2023 · 3.5” has no reported progress; status now: Not reported."
    )


def test_progress_line_of_a_story_of_one_series_is_one_unnamed_line():
    frame = line_frame().assign(county="Akershus", period="2024-2027", code="3.2")
    chart = charts.progress_line(frame)
    plain = charts.progress_line(line_frame())
    assert chart.figure.to_plotly_json() == plain.figure.to_plotly_json()
    assert chart.summary == plain.summary
    assert_frame_equal(chart.table, plain.table)
    line = chart.figure.data[0]
    assert (line.name, line.showlegend, line.line.color, line.line.dash) == (None, False, LINE_COLOUR, "solid")
    assert [trace.textposition for trace in chart.figure.data[1:]] == ["top center"] * 3


def test_the_commitment_page_draws_a_merged_story_as_a_line_per_agreement_and_code(db, fresh_caches):
    # IØR's Viken 3.1 and 3.2 merged into Østfold's 3.1 (tests/test_lineage.py).
    ids = build_viken_and_ostfold(db)
    add_story_reports(db)
    set_reading_open(db, True, user=ADMIN)
    at = app({"commitment": str(ids[OSTFOLD_2024, "3.1"]), "lang": "en"}, "views/tiltak.py")
    [line] = page_charts(at)
    assert [(trace["name"], trace["x"], trace["y"]) for trace in line["data"]] == [
        ("Viken 2022–2023 · 3.1", ["Q4 2023"], [50]),
        ("Viken 2022–2023 · 3.2", ["Q4 2023"], [0]),
        ("Østfold 2024–2027 · 3.1", ["Q1 2024"], [60]),
        ("On track", ["Q4 2023", "Q1 2024"], [50, 60]),
        ("Not started", ["Q4 2023"], [0]),
    ]
    assert [trace["line"]["dash"] for trace in line["data"][:3]] == ["solid", "dash", "dot"]
    assert [caption.value for caption in at.caption if caption.value.startswith("Progress")] == [
        "Progress is shown in 3 series, one per agreement and commitment: “Viken 2022–2023 · 3.1” was 50% in "
        "Q4 2023; “Viken 2022–2023 · 3.2” was 0% in Q4 2023; “Østfold 2024–2027 · 3.1” was 60% in Q1 2024; "
        "status now: On track."
    ]


def sdg_frame():
    return pd.DataFrame(
        [
            (4, "God utdanning", "Quality education", "#C5192D", 24, 50.0),
            (7, "Ren energi til alle", "Affordable and clean energy", "#FCC30B", 3, None),
            (
                16,
                "Fred, rettferdighet og velfungerende institusjoner",
                "Peace, justice and strong institutions",
                "#00689D",
                1200,
                12.5,
            ),
        ],
        columns=["sdg", "name_nb", "name_en", "colour", "commitments", "on_track_or_completed_share"],
    )


def test_sdg_bar():
    chart = charts.sdg_bar(sdg_frame())
    bar, values = chart.figure.data
    assert chart.title == "Tiltak per bærekraftsmål"
    assert bar.x == (24, 3, 1200)
    assert bar.y == (
        "SDG 4 God utdanning",
        "SDG 7 Ren energi til alle",
        "SDG 16 Fred, rettferdighet og<br>velfungerende institusjoner",
    )
    assert bar.marker.color == ("#C5192D", "#FCC30B", "#00689D")
    assert (bar.marker.line.color, bar.marker.line.width) == (OUTLINE_COLOUR, 1.5)
    assert (values.x, values.y, values.text) == (bar.x, bar.y, ("  24", "  3", "  1\u202f200"))
    assert bar.customdata == (
        "SDG 4 God utdanning<br>24 tiltak · I rute eller fullført: 50\u00a0%",
        "SDG 7 Ren energi til alle<br>3 tiltak · I rute eller fullført: –",
        "SDG 16 Fred, rettferdighet og velfungerende institusjoner<br>1\u202f200 tiltak · "
        "I rute eller fullført: 13\u00a0%",
    )
    assert chart.figure.layout.xaxis.title.text == "Antall tiltak"
    assert chart.summary == (
        "Flest tiltak gjelder SDG 16 Fred, rettferdighet og velfungerende institusjoner: 1\u202f200 tiltak, "
        "13\u00a0% av de rapporterte i rute eller fullført."
    )
    assert_frame_equal(
        chart.table,
        pd.DataFrame(
            {
                "Bærekraftsmål": [
                    "SDG 4 God utdanning",
                    "SDG 7 Ren energi til alle",
                    "SDG 16 Fred, rettferdighet og velfungerende institusjoner",
                ],
                "Antall tiltak": ["24", "3", "1\u202f200"],
                "I rute eller fullført (av rapporterte)": ["50\u00a0%", "–", "13\u00a0%"],
            }
        ),
    )


def test_sdg_bar_in_english():
    chart = charts.sdg_bar(sdg_frame(), "en")
    bar = chart.figure.data[0]
    assert chart.title == "Commitments by SDG"
    assert bar.y[0] == "SDG 4 Quality education"
    assert chart.figure.data[1].text[2] == "  1,200"
    assert bar.customdata[0] == "SDG 4 Quality education<br>24 commitments · On track or completed: 50%"
    assert chart.summary == (
        "Most commitments concern SDG 16 Peace, justice and strong institutions: 1,200 commitments, 13% "
        "of those reported on track or completed."
    )
    assert_frame_equal(
        chart.table,
        pd.DataFrame(
            {
                "SDG": [
                    "SDG 4 Quality education",
                    "SDG 7 Affordable and clean energy",
                    "SDG 16 Peace, justice and strong institutions",
                ],
                "Commitments": ["24", "3", "1,200"],
                "On track or completed (of reported)": ["50%", "–", "13%"],
            }
        ),
    )


def test_sdg_bar_summary_without_a_share():
    frame = sdg_frame().iloc[[1]]
    assert charts.sdg_bar(frame).summary == "Flest tiltak gjelder SDG 7 Ren energi til alle: 3 tiltak."
    assert (
        charts.sdg_bar(frame, "en").summary
        == "Most commitments concern SDG 7 Affordable and clean energy: 3 commitments."
    )


@pytest.mark.parametrize(
    "builder, frame",
    [
        (charts.status_over_time, over_time_frame()),
        (charts.status_breakdown, breakdown_frame()),
        (charts.on_track_heatmap, heatmap_frame()),
        (charts.progress_by_group, progress_frame()),
        (charts.progress_line, line_frame()),
        (charts.sdg_bar, sdg_frame()),
    ],
)
@pytest.mark.parametrize(
    "language, message",
    [("nb", "Ingen data for dette utvalget"), ("en", "No data for this selection")],
)
def test_empty_frame(builder, frame, language, message):
    chart = builder(frame.iloc[0:0], language)
    assert chart.title == builder(frame, language).title
    assert chart.figure.data == ()
    assert [annotation.text for annotation in chart.figure.layout.annotations] == [message]
    assert chart.summary == f"{message}."
    assert_frame_equal(chart.table, pd.DataFrame())


def test_points_are_signed_with_the_minus_sign_and_no_change_is_neutral():
    assert [charts.points_text(value, "nb") for value in (3.46, -33.333, 0.0, -0.04, None)] == [
        "+3,5 pp",
        "\u221233,3 pp",
        "\u00b10,0 pp",
        "\u00b10,0 pp",
        None,
    ]
    assert charts.points_text(-3.46, "en") == "\u22123.5 pp"
    assert [charts.change_direction(value) for value in (3.46, -0.06, 0.0, 0.04, None)] == [
        "up",
        "down",
        None,
        None,
        None,
    ]


@pytest.mark.parametrize("language, suffix", [("nb", "\u00a0%"), ("en", "%")])
def test_percent_axes_end_at_100_with_room_for_their_last_tick(language, suffix):
    for chart in (
        charts.status_over_time(over_time_frame(), language),
        charts.progress_by_group(progress_frame(), language),
        charts.progress_line(line_frame(), language),
    ):
        layout = chart.figure.layout
        axis = layout.yaxis if layout.yaxis.range == (0, 100) else layout.xaxis
        assert (axis.range, axis.tickvals, axis.ticksuffix, axis.automargin) == (
            (0, 100),
            (0, 25, 50, 75, 100),
            suffix,
            True,
        )


def test_a_finished_chart_makes_its_figure_s_dict_once_and_shows_the_same_figure():
    chart = charts.on_track_heatmap(heatmap_frame())
    done = charts.finished(chart)
    assert isinstance(done.figure, charts.FinishedFigure)
    assert (done.title, done.summary) == (chart.title, chart.summary)
    assert_frame_equal(done.table, chart.table)
    # st.plotly_chart asks for the dict on every rerun: the same one, with the same figure in it.
    assert done.figure.to_dict() is done.figure.to_dict()
    assert done.figure.to_dict() == chart.figure.to_dict()
    assert json.loads(pio.to_json(done.figure, validate=False)) == json.loads(pio.to_json(chart.figure, validate=False))


# Plotly reads tick labels, hover text and legend names as HTML: stored text must reach it escaped.
MARKUP = "<b>Moss</b> **regionen**"
ESCAPED = "&lt;b&gt;Moss&lt;/b&gt; **regionen**"


def assert_no_markup(chart):
    """Nowhere in the figure as Plotly gets it is the stored markup left as it was typed."""
    assert "<b>Moss</b>" not in pio.to_json(chart.figure, validate=False)


def test_status_breakdown_shows_stored_markup_as_text():
    frame = status_frame("group", [(MARKUP, "on_track", 1, 100.0)])
    chart = charts.status_breakdown(frame, group_by="region")
    assert chart.figure.data[0].y == (ESCAPED,)
    assert_no_markup(chart)
    assert list(chart.table["Region"]) == [MARKUP]


def test_on_track_heatmap_shows_stored_markup_as_text():
    frame = pd.DataFrame(
        [(MARKUP, "<i>Samferdsel</i> & veg", 2, 2, 1, 50.0), ("IØR", "<i>Samferdsel</i> & veg", 1, 0, 0, None)],
        columns=["region", "council_area", "commitments", "reported", "succeeding", "share"],
    )
    chart = charts.on_track_heatmap(frame)
    area = "&lt;i&gt;Samferdsel&lt;/i&gt; &amp; veg"
    # Keyed by the escaped names, which the region axis shows and "%{x}" and "%{y}" in a hover say.
    assert [(trace.x, trace.y) for trace in chart.figure.data] == [((area,), (ESCAPED, "IØR"))] * 2
    assert chart.figure.layout.xaxis.tickvals == (area,)
    assert chart.figure.layout.xaxis.ticktext == ("&lt;i&gt;Samferdsel&lt;/i&gt;<br>&amp; veg",)
    assert [trace.hovertemplate for trace in chart.figure.data] == [
        "%{y} · %{x}<br>Ikke rapportert: %{customdata}<extra></extra>",
        "%{y} · %{x}<br>I rute eller fullført: %{customdata[0]} (%{text})%{customdata[1]}<extra></extra>",
    ]
    assert_no_markup(chart)
    assert_frame_equal(
        chart.table,
        pd.DataFrame(
            {
                "Region": [MARKUP, "IØR"],
                "<i>Samferdsel</i> & veg": ["1 av 2 (50\u00a0%)", "Ikke rapportert: 1 tiltak"],
            }
        ),
    )
    assert chart.summary == (
        f"Lavest andel i rute eller fullført har «{MARKUP}» innen «<i>Samferdsel</i> & veg»: 1 av 2 (50\u00a0%). "
        "Samlet er 50\u00a0% av de 2 rapporterte tiltakene i rute eller fullført; "
        "1 er ikke rapportert, og celler uten rapporter er grå med «–»."
    )


def test_progress_by_group_shows_stored_markup_as_text():
    frame = pd.DataFrame([(MARKUP, 40.0, 2)], columns=["label", "average_progress", "commitments"])
    chart = charts.progress_by_group(frame, group_by="region")
    bar, values = chart.figure.data
    assert (bar.y, values.y) == ((ESCAPED,), (ESCAPED,))
    assert bar.customdata == (f"{ESCAPED}<br>Gjennomsnittlig fremdrift: 40\u00a0% (2 tiltak)",)
    assert_no_markup(chart)
    assert list(chart.table["Region"]) == [MARKUP]


def test_sdg_bar_shows_stored_markup_as_text():
    frame = sdg_frame().head(1).assign(name_nb=MARKUP)
    chart = charts.sdg_bar(frame)
    bar = chart.figure.data[0]
    assert bar.y == (f"SDG 4 {ESCAPED}",)
    assert bar.customdata == (f"SDG 4 {ESCAPED}<br>24 tiltak · I rute eller fullført: 50\u00a0%",)
    assert_no_markup(chart)
    assert list(chart.table["Bærekraftsmål"]) == [f"SDG 4 {MARKUP}"]


def test_progress_line_shows_stored_markup_as_text():
    frame = story_frame().assign(county=[MARKUP] * 4 + ["Akershus"] * 2)
    chart = charts.progress_line(frame)
    series = f"{ESCAPED} 2022–2023 · 3.2"
    assert [line.name for line in chart.figure.data[:3]] == [series, f"{series}.A", "Akershus 2024–2027 · 3.2"]
    assert chart.figure.data[3].customdata[0] == f"{series}<br>3. kv. 2023: 30\u00a0%, I rute"
    assert_no_markup(chart)
    stored = f"{MARKUP} 2022–2023 · 3.2"
    akershus = "Akershus 2024–2027 · 3.2"
    assert list(chart.table["Avtale"]) == [stored, f"{stored}.A", stored, f"{stored}.A", akershus, akershus]
    assert chart.summary == (
        "Fremdriften vises i 3 serier, én per avtale og tiltak: "
        f"«{stored}» gikk fra 30\u00a0% i 3. kv. 2023 til 40\u00a0% i 4. kv. 2023; "
        f"«{stored}.A» gikk fra 80\u00a0% i 3. kv. 2023 til 100\u00a0% i 4. kv. 2023; "
        f"«{akershus}» var 50\u00a0% i 1. kv. 2024; status nå: Ikke rapportert."
    )
