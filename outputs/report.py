"""The quarterly report for the county council meeting (*Kvartalsrapport*).

- :func:`quarterly_workbook`: an Excel workbook, a summary sheet and a sheet per region.
- :func:`pdf_brief`: a printable A4 brief with the headline figures, the overview
  charts, what changed since the last quarter and a table per region.

Both take a Dataset the caller has already narrowed with its filters, and the note
line saying which filters those were. The numbers come from core.analysis and the
wording of charts and statuses from outputs.charts, so the report says what the
Oversikt page says.

Charts are drawn by outputs.images, all of one brief in one Chromium session.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import textwrap
from collections.abc import Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape

import pandas as pd
import plotly.graph_objects as go
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

from core import analysis
from core.dataset import Dataset
from core.filters import NOT_REPORTED, county_label, default_county
from core.i18n import t
from core.vocabulary import day_text, file_text, number_text, quarter_label
from outputs import charts
from outputs.charts import percent_text, status_label, typed_rows
from outputs.headline import change_help, coverage_text, kpi_figures, quarter_choice, shares_note
from outputs.images import CHART_WIDTH_PX, image_options, render_charts
from outputs.tables import Table, commitments_export, workbook_bytes

# --- shared numbers -------------------------------------------------------------------------

# Every status and "not reported", so the counts of a row add up to its commitments.
SUMMARY_STATUSES: tuple[str, ...] = ("on_track", "delayed", "completed", "not_started", "cancelled", NOT_REPORTED)
ALWAYS_SHOWN = ("on_track", "delayed", "completed", NOT_REPORTED)
SUMMARY_COLUMNS: tuple[str, ...] = (
    "region",
    "commitments",
    *SUMMARY_STATUSES,
    "on_track_or_completed_share",
    "average_progress",
)


def region_summary(ds: Dataset, quarter: str) -> pd.DataFrame:
    """One row per region in scope, then a total row whose region is None.

    Columns SUMMARY_COLUMNS: commitments and a count per status in SUMMARY_STATUSES;
    on_track_or_completed_share (of the reported commitments, as on Oversikt) and
    average_progress 0–100, NaN where there is nothing to divide by. The total row's
    share and average are the county's (core.analysis.kpis), not an average of the regions'.
    """
    side = analysis.regions_side_by_side(ds, quarter)
    breakdown = analysis.status_breakdown(ds, quarter, "region")
    counted = {(row.group, row.status): row.count for row in breakdown.itertuples()}
    regions = list(side["region"])
    rows = pd.DataFrame(
        {
            "region": pd.Series(regions, dtype=object),
            "commitments": side["commitments"].astype("int64").to_numpy(),
            **{
                status: pd.Series([counted.get((region, status), 0) for region in regions], dtype="int64")
                for status in SUMMARY_STATUSES
            },
            "average_progress": side["average_progress"].astype("float64").to_numpy(),
        }
    )
    reported = rows["commitments"] - rows[NOT_REPORTED]
    succeeding = rows["on_track"] + rows["completed"]
    rows.insert(
        len(rows.columns) - 1,
        "on_track_or_completed_share",
        (succeeding * 100 / reported).where(reported > 0).astype("float64"),
    )
    headline = analysis.kpis(ds, quarter)
    total = pd.DataFrame(
        {
            "region": pd.Series([None], dtype=object),
            "commitments": pd.Series([headline.commitments], dtype="int64"),
            **{status: pd.Series([int(rows[status].sum())], dtype="int64") for status in SUMMARY_STATUSES},
            "on_track_or_completed_share": pd.Series([headline.on_track_or_completed_share], dtype="float64"),
            "average_progress": pd.Series([headline.average_progress], dtype="float64"),
        }
    )
    return pd.concat([rows, total], ignore_index=True)


# --- the workbook ---------------------------------------------------------------------------

REGION_SHEET_COLUMNS: tuple[str, ...] = (
    "code",
    "text",
    "focus_area",
    "council_area",
    "sdgs",
    "status",
    "progress",
    "comment",
    "next_step",
    "owner",
)
SHEET_NAME_LIMIT = 31  # Excel's


def quarterly_workbook(ds: Dataset, quarter: str, lang: str, note: str, *, provisional: bool = False) -> bytes:
    """The report as .xlsx: a summary sheet, then one sheet per region with its commitments.

    Every sheet has a title, ``note`` (which filters produced it) and a frozen header;
    statuses are words, progress and shares are percentages. The summary's note also
    says who has reported (and that the figures are ``provisional`` when they are), and
    its share is the one on Oversikt: on track or completed, of the reported commitments.
    Where the county has assessed any commitment in the quarter, the region sheets have its
    assessment («Forsinket: kommentar») beside the region's status.
    """
    label = quarter_choice(quarter, lang, provisional=provisional)
    covered = coverage_text(analysis.coverage(ds, quarter), lang, provisional=provisional)
    tables = [
        _summary_table(region_summary(ds, quarter), lang, t("report.title", lang, quarter=label), f"{note} · {covered}")
    ]
    names = [t("report.summary_sheet", lang)]
    commitments = analysis.commitment_table(ds, quarter)
    columns = REGION_SHEET_COLUMNS
    assessed = ds.assessments[ds.assessments["quarter"] == quarter]
    if not assessed.empty:
        # Beside the region's own status, where the county has assessed any commitment that quarter.
        worded = {
            commitment_id: status_label(status, lang) + (f": {comment}" if isinstance(comment, str) else "")
            for commitment_id, status, comment in zip(
                assessed["commitment_id"], assessed["status"], assessed["comment"], strict=True
            )
        }
        commitments = commitments.assign(assessment=commitments["commitment_id"].map(worded).astype(object))
        commitments["assessment"] = commitments["assessment"].where(commitments["assessment"].notna(), None)
        at = columns.index("status") + 1
        columns = (*columns[:at], "assessment", *columns[at:])
    short_names = dict(zip(ds.commitments["region"], ds.commitments["region_short"], strict=True))
    # groupby(sort=False) keeps the commitments' order: regions in Norwegian alphabetical order.
    for group, rows in commitments.groupby("region", sort=False):
        region = str(group)
        tables.append(commitments_export(rows, columns, lang, title=f"{region} – {label}", note=note))
        names.append(_region_sheet_name(region, short_names.get(region)))
    return workbook_bytes(tables, names)


def _region_sheet_name(region: str, short_name: str | None) -> str:
    # The full name reads best ("IØR" means little outside the county); Excel cuts
    # names at 31 characters, and a cut name reads worse than the short one.
    if len(region) <= SHEET_NAME_LIMIT or not short_name:
        return region
    return short_name


def _summary_table(summary: pd.DataFrame, lang: str, title: str, note: str) -> Table:
    headers = _summary_headers(lang)
    frame = summary.assign(region=summary["region"].fillna(t("report.total", lang)))
    frame = frame[list(SUMMARY_COLUMNS)].rename(columns=headers)
    return Table(
        title=title,
        note=note,
        frame=frame,
        percent_columns=(headers["on_track_or_completed_share"], headers["average_progress"]),
    )


def _summary_headers(lang: str) -> dict[str, str]:
    return {
        "region": t("col.region", lang),
        "commitments": t("col.commitments", lang),
        **{status: status_label(status, lang) for status in SUMMARY_STATUSES},
        "on_track_or_completed_share": t("report.succeeding_share", lang),
        "average_progress": t("col.average_progress", lang),
    }


# --- the PDF brief --------------------------------------------------------------------------

PAGE_MARGIN = 18 * mm
CONTENT_WIDTH = A4[0] - 2 * PAGE_MARGIN
CONTENT_HEIGHT = A4[1] - 2 * PAGE_MARGIN
# A taller chart would not leave room for its heading on the page.
MAX_IMAGE_HEIGHT = CONTENT_HEIGHT - 40 * mm
# At 44 px a bar, 20 regions fill about two thirds of a page.
REGIONS_PER_CHART = 20
TEXT_CHARACTERS = 110  # of a commitment's text in the lists
CELL_FONT_SIZE = 8.5
CELL_PADDING = 3
MIN_FIGURE_WIDTH = 12 * mm  # room for "100 %"; a short header such as "I rute" may wrap between words
FONT_DIRECTORY = Path("/usr/share/fonts/truetype/dejavu")
HEADER_BACKGROUND = colors.HexColor("#1F3864")  # as in the Excel exports
RULE_COLOUR = colors.HexColor("#BFBFBF")
# reportlab wraps every stream in ASCII85 by default, for 7-bit mail of the 1990s; done
# in pure Python (without the optional rl_accel package) that took half the time to
# build a brief with 21 charts (12.4 s of it), and made the file a quarter larger. This
# module is the project's only user of reportlab, so the global setting is ours.
rl_config.useA85 = 0
# Helvetica (the fallback) has no glyph for these; DejaVu Sans has them all.
_HELVETICA_SAFE = str.maketrans({"\u202f": "\u00a0", "→": "->", "\u2212": "-"})


@dataclass(frozen=True)
class _Fonts:
    regular: str
    bold: str
    fallback: bool


@functools.cache
def _fonts() -> _Fonts:
    """DejaVu Sans, which covers æøå and the no-break spaces of Norwegian numbers; Helvetica if absent."""
    regular, bold = FONT_DIRECTORY / "DejaVuSans.ttf", FONT_DIRECTORY / "DejaVuSans-Bold.ttf"
    if not (regular.is_file() and bold.is_file()):
        return _Fonts("Helvetica", "Helvetica-Bold", fallback=True)
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
    pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold")
    return _Fonts("DejaVuSans", "DejaVuSans-Bold", fallback=False)


@dataclass(frozen=True)
class _Styles:
    fonts: _Fonts
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle
    number_cell: ParagraphStyle
    number_header_cell: ParagraphStyle

    def text(self, value: object) -> str:
        """Plain text as Paragraph markup: escaped, and drawable in the font."""
        text = escape(file_text(str(value)))
        return text.translate(_HELVETICA_SAFE) if self.fonts.fallback else text


def _styles() -> _Styles:
    fonts = _fonts()

    def style(name: str, size: float, *, bold: bool = False, colour: str = charts.TEXT_COLOUR, **extra):
        return ParagraphStyle(
            name,
            fontName=fonts.bold if bold else fonts.regular,
            fontSize=size,
            leading=size * 1.3,
            textColor=colors.HexColor(colour),
            **extra,
        )

    return _Styles(
        fonts=fonts,
        title=style("title", 18, bold=True, spaceAfter=3 * mm),
        heading=style("heading", 13, bold=True, spaceBefore=5 * mm, spaceAfter=2 * mm, keepWithNext=True),
        subheading=style("subheading", 11, bold=True, spaceBefore=3 * mm, spaceAfter=1.5 * mm, keepWithNext=True),
        body=style("body", 9.5, spaceAfter=2 * mm),
        note=style("note", 9, spaceAfter=1 * mm),
        cell=style("cell", CELL_FONT_SIZE),
        header_cell=style("header", CELL_FONT_SIZE, bold=True, colour="#FFFFFF"),
        number_cell=style("number", CELL_FONT_SIZE, alignment=TA_RIGHT),
        number_header_cell=style("number-header", CELL_FONT_SIZE, bold=True, colour="#FFFFFF", alignment=TA_RIGHT),
    )


def pdf_brief(
    ds: Dataset,
    quarter: str,
    lang: str,
    note: str,
    *,
    provisional: bool = False,
    commentary: str = "",
    created: dt.date | None = None,
    county: str | None = None,
) -> bytes:
    """The report as a printable A4 PDF for the council meeting.

    Title, the county it covers (``county``, as core.filters.county_label names it; default the
    dataset's default county), ``note`` and the date it was
    made (``created``, default today); who has reported (and that the figures are
    ``provisional`` when they are); ``commentary`` as typed, as plain text, when given;
    the headline figures as on Oversikt with their like-for-like change; what is
    delayed now and who has not reported; where the county assesses a commitment otherwise than
    its region reports it, a sentence each; the charts of status per quarter and per
    region, each followed by its one-sentence summary; the commitments newly delayed,
    newly completed and going backwards; a table per region.
    Raises ChromiumMissing or ChartRenderingFailed when the charts cannot be drawn.
    """
    label = quarter_choice(quarter, lang, provisional=provisional)
    title = t("report.title", lang, quarter=label)
    headline = analysis.kpis(ds, quarter)
    over_time = charts.status_over_time(analysis.status_by_quarter(ds), lang)
    breakdown = analysis.status_breakdown(ds, quarter, "region")
    by_region = charts.status_breakdown(breakdown, lang, group_by="region")
    # A chart without data gets no picture: its summary says there is none.
    planned = [
        (over_time, [over_time.figure] if not over_time.table.empty else []),
        (by_region, _region_figures(breakdown, by_region, lang) if not by_region.table.empty else []),
    ]
    images = iter(render_charts([figure for _, figures in planned for figure in figures]))
    styles = _styles()
    made = t("report.created", lang, date=day_text(created or dt.date.today(), lang))
    covered = coverage_text(analysis.coverage(ds, quarter), lang, provisional=provisional)
    story = [
        Paragraph(styles.text(title), styles.title),
        Paragraph(styles.text(county if county is not None else _default_county_label(ds)), styles.subheading),
        Paragraph(styles.text(note), styles.note),
        Paragraph(styles.text(made), styles.note),
        Paragraph(styles.text(covered), styles.body),
    ]
    if commentary.strip():
        story += [
            Paragraph(styles.text(t("report.commentary", lang)), styles.heading),
            # Typed text, shown as typed: escaped, its line breaks kept, never read as markup.
            Paragraph("<br/>".join(styles.text(line) for line in commentary.strip().splitlines()), styles.body),
        ]
    story += [
        *_kpi_section(headline, lang, styles),
        *_late_section(analysis.late(ds, quarter), lang, styles),
        *_not_reported_section(analysis.unreported_by_region(ds, quarter), quarter, lang, styles),
        *_assessment_section(analysis.assessment_differences(ds, quarter), lang, styles),
    ]
    for chart, figures in planned:
        story += _chart_section(chart, [(figure, next(images)) for figure in figures], styles)
    story += _changes_section(analysis.since_last_quarter(ds, quarter), headline, lang, styles)
    story += _regions_section(region_summary(ds, quarter), lang, styles)
    return _pdf_bytes(story, title, note, lang, styles.fonts)


def _default_county_label(ds: Dataset) -> str:
    name = default_county(ds)
    return county_label(ds, name) if name else ""


def _region_figures(breakdown: pd.DataFrame, whole: charts.Chart, lang: str) -> list[go.Figure]:
    """Status per region (``whole``), in parts of REGIONS_PER_CHART regions: one bar chart
    of a whole nation's regions would be too tall to print."""
    regions = list(pd.unique(breakdown["group"]))
    if len(regions) <= REGIONS_PER_CHART:
        return [whole.figure]
    parts = [regions[start : start + REGIONS_PER_CHART] for start in range(0, len(regions), REGIONS_PER_CHART)]
    return [
        charts.status_breakdown(breakdown[breakdown["group"].isin(part)], lang, group_by="region").figure
        for part in parts
    ]


def _kpi_section(kpis: analysis.Kpis, lang: str, styles: _Styles) -> list:
    previous = kpis.previous_quarter
    change = (
        t("report.change_since", lang, previous=quarter_label(previous, lang)) if previous else t("report.change", lang)
    )
    rows = [(figure.label, figure.value, figure.change or "–") for figure in kpi_figures(kpis, lang)]
    headers = (t("report.key_figures", lang), t("report.value", lang), change)
    widths = (CONTENT_WIDTH - 80 * mm, 30 * mm, 50 * mm)
    flowables = [
        Paragraph(styles.text(t("report.key_figures", lang)), styles.heading),
        _table(headers, rows, widths, styles, numeric={1, 2}),
        Spacer(0, 1.5 * mm),
        Paragraph(styles.text(shares_note(kpis, lang)), styles.note),
    ]
    helped = change_help(kpis, lang)
    flowables.append(Paragraph(styles.text(helped or t("overview.no_previous", lang)), styles.note))
    return flowables


def _late_section(late: pd.DataFrame, lang: str, styles: _Styles) -> list:
    """Every commitment delayed now: region, code, text, quarters delayed in a row, comment, next step."""
    flowables: list[Flowable] = [
        Paragraph(styles.text(f"{t('overview.late_now', lang)} ({len(late)})"), styles.heading)
    ]
    if late.empty:
        return [*flowables, Paragraph(styles.text(t("report.none.late", lang)), styles.body)]
    headers = [
        t("col.region", lang),
        t("col.code", lang),
        t("col.text", lang),
        t("col.quarters_delayed", lang),
        t("col.comment", lang),
        t("col.next_step", lang),
    ]
    widths = [32 * mm, 10 * mm, 0, 18 * mm, 36 * mm, 32 * mm]
    widths[2] = CONTENT_WIDTH - sum(widths)
    rows = [
        [
            row.region,
            row.code,
            _shortened(row.text),
            number_text(row.quarters_delayed, lang),
            _shortened(row.comment or "–"),
            _shortened(row.next_step or "–"),
        ]
        for row in typed_rows(late, _LateRow)
    ]
    return [*flowables, _table(headers, rows, widths, styles, numeric={3})]


def _assessment_section(differences: pd.DataFrame, lang: str, styles: _Styles) -> list:
    """Where the county assesses a commitment otherwise than its region reports it, a sentence each
    with the county's comment; nothing where the two agree."""
    if differences.empty:
        return []
    flowables: list[Flowable] = [
        Paragraph(styles.text(f"{t('assessment.overview', lang)} ({len(differences)})"), styles.heading)
    ]
    sentences = analysis.difference_sentences(differences, lang)
    for row, sentence in zip(typed_rows(differences, _Difference), sentences, strict=True):
        flowables.append(Paragraph(styles.text(f"{row.region}: {sentence}"), styles.body))
        if row.county_comment:
            comment = f"{t('col.county_comment', lang)}: {row.county_comment}"
            flowables.append(Paragraph(styles.text(comment), styles.note))
    return flowables


def _not_reported_section(missing: pd.DataFrame, quarter: str, lang: str, styles: _Styles) -> list:
    """Per region, how many of its commitments have no report for the quarter."""
    label = quarter_label(quarter, lang)
    flowables: list[Flowable] = [
        Paragraph(styles.text(f"{t('overview.not_reported', lang, quarter=label)} ({len(missing)})"), styles.heading)
    ]
    if missing.empty:
        return [*flowables, Paragraph(styles.text(t("overview.all_reported", lang, quarter=label)), styles.body)]
    headers = [t("col.region", lang), t("col.missing", lang), t("col.reported", lang), t("col.last_reported", lang)]
    widths = [0, 30 * mm, 30 * mm, 34 * mm]
    widths[0] = CONTENT_WIDTH - sum(widths)
    rows = [
        [
            row.region,
            number_text(row.missing, lang),
            t("kpi.of", lang, part=number_text(row.reported, lang), whole=number_text(row.commitments, lang)),
            quarter_label(row.last_reported, lang) if row.last_reported else t("never", lang),
        ]
        for row in typed_rows(missing, _MissingRow)
    ]
    return [*flowables, _table(headers, rows, widths, styles, numeric={1, 2})]


def _chart_section(chart: charts.Chart, pictures: list[tuple[go.Figure, bytes]], styles: _Styles) -> list:
    heading = Paragraph(styles.text(chart.title), styles.heading)
    images = [_image(figure, png) for figure, png in pictures]
    # The summary is the chart's text alternative: it stays on the page of the picture,
    # as the heading does (keepWithNext does not hold against a KeepTogether).
    ending = [Spacer(0, 2 * mm), Paragraph(styles.text(chart.summary), styles.body)]
    if len(images) <= 1:
        return [KeepTogether([heading, *images, *ending])]
    return [KeepTogether([heading, images[0]]), *images[1:-1], KeepTogether([images[-1], *ending])]


def _image(figure: go.Figure, png: bytes) -> Image:
    width_px, height_px = CHART_WIDTH_PX, image_options(figure)["height"]
    shrink = min(1.0, MAX_IMAGE_HEIGHT / (CONTENT_WIDTH * height_px / width_px))
    width = CONTENT_WIDTH * shrink
    # Plotly paints an opaque white background, so the alpha channel carries nothing;
    # leaving it out (mask=None) saves splitting and compressing it, a third of the time.
    # types-reportlab types mask as str only; reportlab takes None for "no mask".
    return Image(io.BytesIO(png), width=width, height=width * height_px / width_px, mask=None)  # type: ignore[arg-type]


def _changes_section(changes: analysis.SinceLastQuarter, kpis: analysis.Kpis, lang: str, styles: _Styles) -> list:
    flowables: list[Flowable] = [Paragraph(styles.text(t("overview.since_last", lang)), styles.heading)]
    if kpis.quarter is None or kpis.previous_quarter is None:
        return [*flowables, Paragraph(styles.text(t("overview.no_previous", lang)), styles.body)]
    span = f"{quarter_label(kpis.previous_quarter, lang)} → {quarter_label(kpis.quarter, lang)}"
    flowables.append(Paragraph(styles.text(span), styles.note))
    lists = (
        ("overview.newly_delayed", changes.newly_delayed, "report.none.newly_delayed", False),
        ("overview.newly_completed", changes.newly_completed, "report.none.newly_completed", False),
        ("overview.backwards", changes.progress_backwards, "report.none.backwards", True),
    )
    for title_key, frame, none_key, with_progress in lists:
        flowables.append(Paragraph(styles.text(f"{t(title_key, lang)} ({len(frame)})"), styles.subheading))
        if frame.empty:
            flowables.append(Paragraph(styles.text(t(none_key, lang)), styles.body))
        else:
            flowables.append(_commitment_list(frame, lang, styles, with_progress=with_progress))
    return flowables


def _commitment_list(frame: pd.DataFrame, lang: str, styles: _Styles, *, with_progress: bool) -> LongTable:
    headers = [t("col.region", lang), t("col.code", lang), t("col.text", lang), t("col.council_area", lang)]
    widths = [38 * mm, 14 * mm, 0, 36 * mm]
    listed = typed_rows(frame, _ListedCommitment)
    rows = [[row.region, row.code, _shortened(row.text), row.council_area or "–"] for row in listed]
    if with_progress:
        # Going backwards is about the numbers, so they are shown: "60 % → 45 %".
        headers.append(t("col.progress", lang))
        widths.append(26 * mm)
        for values, change in zip(rows, typed_rows(frame, _ProgressChange), strict=True):
            values.append(f"{percent_text(change.previous_progress, lang)} → {percent_text(change.progress, lang)}")
    widths[2] = CONTENT_WIDTH - sum(widths)
    return _table(headers, rows, widths, styles)


class _ListedCommitment(NamedTuple):
    region: str
    code: str
    text: str
    council_area: str | None


class _Difference(NamedTuple):
    region: str
    county_comment: str | None


class _LateRow(NamedTuple):
    region: str
    code: str
    text: str
    quarters_delayed: int
    comment: str | None
    next_step: str | None


class _MissingRow(NamedTuple):
    region: str
    commitments: int
    reported: int
    missing: int
    last_reported: str | None


class _ProgressChange(NamedTuple):
    previous_progress: float | None
    progress: float | None


class _SummaryRow(NamedTuple):
    """A row of region_summary; the counts per status are read by name."""

    region: str | None  # None in the total row
    on_track_or_completed_share: float  # NaN where there is nothing to divide by
    average_progress: float


def _shortened(text: str) -> str:
    return textwrap.shorten(text, TEXT_CHARACTERS, placeholder=" …")


def _regions_section(summary: pd.DataFrame, lang: str, styles: _Styles) -> list:
    heading = Paragraph(styles.text(t("report.regions", lang)), styles.heading)
    if summary["commitments"].iloc[-1] == 0:
        return [heading, Paragraph(styles.text(t("report.empty", lang)), styles.body)]
    # On paper a status no commitment has is a column of zeros squeezing the region names;
    # left out, each row still adds up, since its count is zero.
    statuses = [status for status in SUMMARY_STATUSES if status in ALWAYS_SHOWN or summary[status].iloc[-1] > 0]
    counted = ("commitments", *statuses)
    all_headers = _summary_headers(lang)
    headers = [all_headers[key] for key in ("region", *counted, "on_track_or_completed_share", "average_progress")]
    rows = [
        [
            row.region if row.region is not None else t("report.total", lang),
            *(number_text(count, lang) for count in counts),
            percent_text(row.on_track_or_completed_share, lang),
            percent_text(row.average_progress, lang),
        ]
        for row, counts in zip(
            typed_rows(summary, _SummaryRow), summary[list(counted)].itertuples(index=False, name=None), strict=True
        )
    ]
    # Each figure column as wide as its longest word, so no header breaks inside a word.
    numbers = [
        _fit_width([header, *(row[column] for row in rows)], styles.fonts) for column, header in enumerate(headers)
    ]
    widths = [CONTENT_WIDTH - sum(numbers[1:]), *numbers[1:]]
    return [heading, _table(headers, rows, widths, styles, numeric=set(range(1, len(headers))), bold_last=True)]


def _fit_width(texts: Sequence[str], fonts: _Fonts) -> float:
    """The width a table column needs to show its longest word in bold, padding included."""
    longest = max(pdfmetrics.stringWidth(word, fonts.bold, CELL_FONT_SIZE) for text in texts for word in text.split())
    return max(MIN_FIGURE_WIDTH, longest + 2 * CELL_PADDING + 1)


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    styles: _Styles,
    *,
    numeric: Set[int] = frozenset(),
    bold_last: bool = False,
) -> LongTable:
    """A table that breaks across pages, repeating its header; cells wrap."""

    def cell(value: str, column: int, bold: bool = False) -> Paragraph:
        text = styles.text(value)
        return Paragraph(f"<b>{text}</b>" if bold else text, styles.number_cell if column in numeric else styles.cell)

    data = [
        [
            Paragraph(styles.text(header), styles.number_header_cell if column in numeric else styles.header_cell)
            for column, header in enumerate(headers)
        ]
    ]
    last = len(rows) - 1
    data += [
        [cell(value, column, bold_last and index == last) for column, value in enumerate(row)]
        for index, row in enumerate(rows)
    ]
    table = LongTable(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE_COLOUR),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _pdf_bytes(story: list, title: str, subject: str, lang: str, fonts: _Fonts) -> bytes:
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=PAGE_MARGIN,
        title=title,
        author=t("app.title", lang),
        subject=subject,
        creator=t("app.title", lang),
        lang="nb-NO" if lang == "nb" else "en",
    )
    frame = Frame(
        PAGE_MARGIN,
        PAGE_MARGIN,
        CONTENT_WIDTH,
        CONTENT_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )
    footer = functools.partial(_footer, title=title, lang=lang, fonts=fonts)
    document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=footer)])
    document.build(story)
    return buffer.getvalue()


def _footer(canvas, document, *, title: str, lang: str, fonts: _Fonts) -> None:
    canvas.saveState()
    canvas.setFont(fonts.regular, 8)
    canvas.setFillColor(colors.HexColor(charts.TEXT_COLOUR))
    baseline = PAGE_MARGIN / 2
    canvas.drawString(PAGE_MARGIN, baseline, f"{t('app.title', lang)} · {title}")
    canvas.drawRightString(A4[0] - PAGE_MARGIN, baseline, t("report.page", lang, page=document.page))
    canvas.restoreState()
