"""What pages draw: the sidebar filters and language switch, titles, tables with their downloads,
charts with their text alternatives, KPIs and SDG badges.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import html
import json
import re
from collections.abc import Callable
from typing import Any, Literal, NamedTuple
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from core import analysis
from core.analysis import Kpis
from core.dataset import CommitmentStory
from core.filters import COUNTY_PARAM, Filters, county_slug, link_id, url_params
from core.i18n import Localised, join_words, t
from core.lineage import agreement_label
from core.users import User
from core.vocabulary import SDG_BY_NUMBER, amount_text, deadline_text, number_text, quarter_label, status_label
from outputs.charts import Chart, SdgRow, commitments_text, percent_text, plotly_config, text_colour_on, typed_rows
from outputs.headline import change_help, coverage_text, kpi_figures, quarter_choice, shares_note
from outputs.tables import (
    CSV_MIME,
    XLSX_MIME,
    Table,
    commitments_export,
    created_line,
    csv_bytes,
    file_stem,
    stored_moment_text,
    workbook_bytes,
)
from views import _tables as tables
from views._data import (
    commitment_choices,
    commitment_label,
    computed,
    county_name_label,
    county_view,
    current_county_view,
    dataset,
    filtered,
    latest_upload,
    provisional,
    quarter_in_view,
    selection_upload,
    story,
)
from views._state import (
    FILTER_KEYS,
    LANGUAGE_KEY,
    choose_language,
    current_filters,
    current_url_params,
    forget_url_unknown,
    language,
    url_unknown,
    url_value,
    write_url,
)

COMMITMENT_PAGE = "tiltak"


def page_style() -> None:
    """The page's style block (focus rings, tables, the phone layout); a style-only ``st.html``
    takes no room on the page."""
    st.html(tables.PAGE_STYLE)


# Each language by its own name, so the switch reads the same whichever language is on.
LANGUAGE_NAMES = {"nb": "Norsk", "en": "English"}


def language_switch(container) -> str:
    if st.session_state.get(LANGUAGE_KEY) != language():
        st.session_state[LANGUAGE_KEY] = language()
    container.radio(
        t("filters.language", language()),
        LANGUAGE_NAMES,
        format_func=LANGUAGE_NAMES.__getitem__,
        horizontal=True,
        key=LANGUAGE_KEY,
        on_change=_switch_language,
    )
    return language()


def _switch_language() -> None:
    """Keep the language chosen, and set every filter again, so its widget shows the chosen option
    in the new language (a widget resends its option only when its value is set)."""
    choose_language(st.session_state[LANGUAGE_KEY])
    for key in FILTER_KEYS:
        st.session_state[key] = st.session_state.get(key)


def error_message(error: Exception, lang: str) -> str:
    """What to tell the reader about a failure, as Markdown for st.error and the like: a named error's
    message (anything with ``message(lang)``) in the reader's language; any other exception as it
    words itself. Values in it (file, sheet and region names) show as typed."""
    return literal_message(error, lang)


def literal_message(message: object, lang: str) -> str:
    """A message for Markdown (st.info, st.warning …): a text-table message (a Text, a named error)
    with its values shown as typed, its own words as written; anything else shown as typed."""
    key, values = getattr(message, "key", None), getattr(message, "values", None)
    if isinstance(key, str) and isinstance(values, dict):
        return t_literal(key, lang, **values)
    worded = getattr(message, "message", None)
    return markdown_literal(worded(lang) if callable(worded) else message)


def t_literal(key: str, lang: str, **values: object) -> str:
    """t() for Markdown: the values (stored names, comments, file names) show exactly as typed.

    ``count`` is left as it is: it picks the plural form and is a number. The texts' own words
    never start a line with a list marker, so a value that does ("1. Follo …") is escaped there.
    """
    shown = {
        name: value
        if name == "count" or isinstance(value, (int, float))
        else markdown_literal(_worded(value, lang), inline=True)
        for name, value in values.items()
    }
    return _line_starts_escaped(t(key, lang, **shown))


def _worded(value: object, lang: str) -> object:
    return value.message(lang) if isinstance(value, Localised) else value


def sdg_name(number: int, lang: str) -> str:
    sdg = SDG_BY_NUMBER[number]
    return t("sdg.choice", lang, number=number, name=sdg.nb if lang == "nb" else sdg.en)


COUNTY_KEY = "fylke"
# What a county's view holds that another's may not: cleared when the county changes.
_IN_COUNTY = {
    "region": "regions",
    "council": "council_areas",
    "sdg": "sdgs",
    "hashtag": "hashtags",
    "quarter": "quarters",
}


def sidebar_filters(container, lang: str, user: User | None = None) -> Filters:
    """Draw the filters, the county first; their values live in the URL so a copied link reproduces
    the view. A user scoped to counties (``user.counties``, names) is offered only those."""
    default = county_view(None)
    counties = default.options.counties
    scoped = tuple(getattr(user, "counties", ()) or ())
    allowed = tuple(name for name in counties if name in scoped) if scoped else counties
    if st.session_state.get(COUNTY_KEY) not in allowed:
        st.session_state[COUNTY_KEY] = default.county if default.county in allowed or not allowed else allowed[0]
    with container:
        st.header(t("filters.heading", lang))
        county = st.selectbox(
            t("filters.county", lang),
            allowed,
            # A mapping, not a function reading the run's data: the format is also applied after the run.
            format_func={name: county_name_label(name) for name in allowed}.__getitem__,
            key=COUNTY_KEY,
            on_change=_county_chosen,
        )
        view = county_view(county)
        options = view.options
        for key, field in _IN_COUNTY.items():
            if st.session_state.get(key) is not None and st.session_state[key] not in getattr(options, field):
                st.session_state[key] = None
        region = _choice(t("filters.region", lang), options.regions, "region", t("filters.all_regions", lang))
        if view.council_areas_word:
            unit_label, all_units = t("filters.council_area", lang), t("filters.all_council_areas", lang)
        else:
            unit_label, all_units = t("filters.unit", lang), t("filters.all_units", lang)
        council = _choice(unit_label, options.council_areas, "council", all_units)
        sdg = _choice(
            t("filters.sdg", lang), options.sdgs, "sdg", t("filters.all_sdgs", lang), lambda n: sdg_name(n, lang)
        )
        hashtag = _choice(t("filters.hashtag", lang), options.hashtags, "hashtag", t("filters.all_hashtags", lang))
        status = _choice(
            t("filters.status", lang),
            options.statuses,
            "status",
            t("filters.all_statuses", lang),
            lambda key: status_label(key, lang),
        )
        # No choice means the latest complete quarter; a newer one is offered, marked
        # provisional. A chosen quarter stays chosen (and in the URL).
        labels = {q: quarter_choice(q, lang, provisional=q in view.provisional) for q in options.quarters}
        latest = labels[view.default_quarter] if view.default_quarter else ""
        quarter = st.selectbox(
            t("filters.quarter", lang),
            options.quarters,
            index=None,
            placeholder=t("filters.latest_quarter", lang, quarter=latest),
            format_func=labels.__getitem__,
            key="quarter",
            on_change=forget_url_unknown,
        )
        st.button(t("filters.reset", lang), on_click=_reset, width="stretch")
    # The default county is left out of the filters, and so of the link, as bokmål is.
    filters = Filters(region, council, sdg, hashtag, status, quarter, None if county == default.county else county)
    st.session_state["_filters"] = filters
    return filters


def page_title(title_key: str, lang: str) -> str:
    """A page's title; Rådsområder is named by what the county in view calls its units."""
    if title_key == "page.council_areas" and not current_county_view().council_areas_word:
        return t("page.units", lang)
    return t(title_key, lang)


def url_notices(lang: str) -> None:
    """Name each value of the link that matched nothing, and what is shown instead."""
    for key, value in url_unknown():
        st.warning(t(f"url.unknown.{key}", lang, value=markdown_literal(value, inline=True)))


def publish_url(filters: Filters | None, lang: str) -> None:
    """The URL in canonical form: the filters (``None``: leave those the URL has) and the language."""
    params = (
        url_params(filters)
        if filters is not None
        else {key: st.query_params[key] for key in FILTER_KEYS if key in st.query_params}
    )
    if (
        filters is not None
        and COUNTY_PARAM not in params
        and url_value(COUNTY_PARAM)
        and st.session_state.get(COUNTY_KEY)
    ):
        # The default county is left out of a link, but not out of one that named a county: on any
        # rerun (a quarter chosen on Rapportering) it would be dropped, and the link, shared, would
        # open another county where the default is another or has changed.
        params[COUNTY_PARAM] = county_slug(st.session_state[COUNTY_KEY])
    if lang != "nb":
        params[LANGUAGE_KEY] = lang
    write_url(params)


def _choice(label: str, options: tuple, key: str, placeholder: str, format_func: Callable = str):
    return st.selectbox(
        label,
        options,
        index=None,
        placeholder=placeholder,
        format_func=format_func,
        key=key,
        on_change=forget_url_unknown,
    )


def _county_chosen() -> None:
    # The menu is drawn before the sidebar: it names the units page by the county chosen now.
    st.session_state["_filters"] = dataclasses.replace(current_filters(), county=st.session_state[COUNTY_KEY])
    forget_url_unknown()


def _reset() -> None:
    # The county is where one looks, not a filter within it: it stays.
    for key in FILTER_KEYS:
        if key != COUNTY_KEY:
            st.session_state[key] = None
    forget_url_unknown()


def selection_text(lang: str, *, markdown: bool = False) -> str:
    """The county and the current filters in words, for exports; with ``markdown``, for captions
    (names as typed)."""
    filters = current_filters()
    parts = [
        current_county_view().label,
        filters.region,
        filters.council_area,
        sdg_name(filters.sdg, lang) if filters.sdg else None,
        filters.hashtag,
        status_label(filters.status, lang) if filters.status else None,
    ]
    chosen = ", ".join(markdown_literal(part, inline=True) if markdown else part for part in parts if part)
    chosen = chosen or t("filters.none", lang)
    quarter = quarter_in_view()
    if quarter:
        chosen += f" · {quarter_choice(quarter, lang, provisional=provisional(quarter))}"
    return t("filters.active", lang, filters=chosen)


def show_chart(chart: Chart, lang: str, key: str, *, narrow_list: bool = False) -> None:
    """A chart with its title as a real heading, its one-sentence summary, and its data as a table.

    With ``narrow_list`` a phone shows the figures as a list in the chart's place: a grid of
    cells such as the heatmap cannot be read at 390 px."""
    # Title and summary are plain text with stored names in them, never Markdown.
    st.subheader(markdown_literal(chart.title))
    # The page style hides a container whose key starts "wide-only-" on narrow screens.
    with st.container(key=f"wide-only-{key}") if narrow_list else contextlib.nullcontext():
        # theme=None: draw exactly the tested, contrast-checked colours.
        st.plotly_chart(chart.figure, config=plotly_config(lang), theme=None, key=key)
    if narrow_list and not chart.table.empty:
        tables.show_narrow_list(chart.table, chart.title, lang, f"{key}-narrow")
    st.caption(markdown_literal(chart.summary))
    if not chart.table.empty:
        # Drawn only while open (a rerun opens it): closed, the figures and their downloads would be
        # sent on every change all the same (the heatmap's, 27 kB at national scale, at each quarter).
        with st.expander(t("show_data", lang), key=f"{key}-figures", on_change="rerun") as figures:
            if figures.open:
                figures_table(chart.table, chart.title, lang, f"{key}-table")
                export_table_buttons(chart.title, chart.table, lang, key=f"{key}-table")


def figures_table(frame: pd.DataFrame, title: str, lang: str, key: str) -> None:
    """A chart's figures; a long one (the heatmap's 400 regions) as a paged table, not sent whole."""
    if len(frame) <= tables.ROW_LIMIT:
        st.dataframe(frame, hide_index=True, key=key)
        return

    def rows(start: int, stop: int) -> list[list[tables.Cell]]:
        return [
            [tables.name_cell(first), *(tables.text_cell(value) for value in others)]
            for first, *others in frame.iloc[start:stop].itertuples(index=False)
        ]

    tables.show_table(title, [str(column) for column in frame.columns], rows, len(frame), lang, key)


def commitment_links(commitment_ids, kept: dict[str, str] | None = None) -> list[str]:
    """Relative links to the commitment page that keep the current filters and language (``kept``:
    those as canonical URL values, by default the current ones)."""
    kept = current_url_params() if kept is None else kept
    prefix = f"{COMMITMENT_PAGE}?{urlencode(kept)}&" if kept else f"{COMMITMENT_PAGE}?"
    return [f"{prefix}commitment={int(id_)}" for id_ in commitment_ids]


def story_links(commitment_ids) -> list[str]:
    """Links to other commitments of a story, which may be another county's (Viken's 2.1 split into
    Østfold's 2.1 and 2.2): only the language is kept, so each opens in its own county's view."""
    language = {key: value for key, value in current_url_params().items() if key == LANGUAGE_KEY}
    return commitment_links(commitment_ids, language)


# Read first: what the commitment is, where it stands and how far it has come.
LEADING_COLUMNS = ("code", "status", "previous_progress", "progress", "quarters_delayed")
PERCENT_COLUMNS = ("progress", "previous_progress")
WIDE_COLUMNS = ("text",)


def commitments_table(frame: pd.DataFrame, lang: str, key: str, columns: tuple[str, ...], *, title: str) -> None:
    """A table of commitments: code (a link to the commitment's story), status and progress first,
    long text wrapped; and buttons to download it whole (``title`` names the file and heads the sheet)."""
    if frame.empty:
        st.write(t("none_in_list", lang))
        return
    order = [c for c in LEADING_COLUMNS if c in columns] + [c for c in columns if c not in LEADING_COLUMNS]
    links_kept = current_url_params()

    # Only the rows shown are drawn; the downloads below hold every one.
    def rows(start: int, stop: int) -> list[list[tables.Cell]]:
        shown = frame.iloc[start:stop]
        links = commitment_links(shown["commitment_id"], links_kept)
        return [
            [_commitment_cell(column, value, link, lang) for column, value in zip(order, record, strict=True)]
            for link, record in zip(links, shown[order].itertuples(index=False), strict=True)
        ]

    tables.show_table(title, [t(f"col.{column}", lang) for column in order], rows, len(frame), lang, key)
    note = selection_text(lang)
    export_buttons(
        lambda: commitments_export(frame, columns, lang, title=title, note=created_line(note, lang)),
        file_stem(title, quarter_in_view()),
        lang,
        key,
    )


def _commitment_cell(column: str, value: object, link: str, lang: str) -> tables.Cell:
    if column == "code":
        return tables.link_cell(value, link)
    if column == "status":
        return tables.status_cell(value, status_label(value, lang) if isinstance(value, str) else "")
    if column in PERCENT_COLUMNS:
        return tables.progress_cell(value, lang)
    if column == "quarters_delayed":
        return tables.number_cell(value)
    if column in ("last_reported", "quarter"):
        return tables.short_cell(quarter_label(value, lang) if isinstance(value, str) else t("never", lang))
    if column == "region":
        return tables.name_cell(value)
    return tables.text_cell(value, wide=column in WIDE_COLUMNS)


def export_buttons(
    build: Callable[[], Table], stem: str, lang: str, key: str, *, separator: str = ";", name: str | None = None
) -> None:
    """Excel and CSV downloads of a table, built only when a button is pressed.

    ``build`` runs outside the script run (in the download request), so it must
    not touch st.*; everything it needs is captured when the page draws.
    ``name`` goes into the buttons' labels where several tables share a page
    without headings of their own between them.
    """
    excel_label = t("export.excel_named", lang, name=name) if name else t("export.excel", lang)
    csv_label = t("export.csv_named", lang, name=name) if name else t("export.csv", lang)
    # A row that wraps, each button as wide as its label: fixed columns cut long labels short.
    row = st.container(horizontal=True)
    download_button(
        row, excel_label, lambda: workbook_bytes([build()]), f"{stem}.xlsx", XLSX_MIME, f"{key}-xlsx", type="tertiary"
    )
    download_button(
        row, csv_label, lambda: csv_bytes(build(), separator), f"{stem}.csv", CSV_MIME, f"{key}-csv", type="tertiary"
    )


def download_button(
    container,
    label: str,
    build: Callable[[], bytes],
    file_name: str,
    mime: str,
    key: str,
    *,
    icon: str = ":material/download:",
    **options: Any,
) -> None:
    """A download whose file is built when it is pressed; pressing it does not rerun the page."""
    container.download_button(
        label, data=build, file_name=file_name, mime=mime, icon=icon, on_click="ignore", key=key, **options
    )


def export_table_buttons(title: str, frame: pd.DataFrame, lang: str, key: str) -> None:
    """Downloads of a table that is already in words for people (a chart's figures, a review)."""
    note = selection_text(lang)
    export_buttons(
        lambda: Table(title=title, note=created_line(note, lang), frame=frame),
        file_stem(title, quarter_in_view()),
        lang,
        key,
    )


def page_start(title_key: str, *, last_updated: bool = False) -> tuple[str, str]:
    """Title and selection line; stops the page with a helpful message when there is nothing
    to show. Returns the language and the quarter in view."""
    lang = language()
    st.title(page_title(title_key, lang))
    st.caption(selection_text(lang, markdown=True))
    if last_updated:
        last_updated_line(lang)
    quarter = quarter_in_view() if has_data(lang) else None
    if quarter is None:  # has_data has said why
        st.stop()
    coverage_line(quarter, lang)
    return lang, quarter


def coverage_line(quarter: str, lang: str, *, today: dt.date | None = None) -> None:
    """Who has reported for the quarter; a warning, in words, when the figures are provisional
    or the newest report in view is more than a quarter old (``today`` default: today)."""
    text = coverage_text(computed(analysis.coverage, quarter), lang, provisional=provisional(quarter))
    if provisional(quarter):
        st.warning(text, icon=":material/hourglass_top:")
    else:
        st.caption(text)
    newer = [later for later in current_county_view().quarters if later > quarter]
    if current_filters().quarter is None and newer:
        named = join_words([quarter_label(later, lang) for later in newer], lang)
        st.info(t("headline.newer_provisional", lang, quarter=named), icon=":material/info:")
    # The newest report in view, provisional ones too: with 3. kv. offered as provisional, the
    # figures are not out of date because 2. kv. is the latest complete quarter.
    newest = max([*filtered().quarters[-1:], *newer], default=None)
    # A county that is history: its reports are as new as they will be.
    ended = current_county_view().ended
    today = min(today or dt.date.today(), ended or dt.date.max)
    if newest is not None and analysis.quarter_out_of_date(newest, today):
        st.warning(t("headline.out_of_date", lang, quarter=quarter_label(newest, lang)), icon=":material/update:")


def has_data(lang: str) -> bool:
    """Whether there is anything to show; says why not when there is not."""
    if dataset().commitments.empty:
        st.info(t("empty.database", lang))
        return False
    if filtered().commitments.empty:
        st.warning(t("empty.selection", lang))
        return False
    if quarter_in_view() is None:
        st.info(t("empty.reports", lang))
        return False
    return True


def last_updated_line(lang: str) -> None:
    """When the figures in view last changed: the upload that wrote the newest report among the selected commitments."""
    upload = selection_upload()
    if upload is None:
        if latest_upload() is None:
            st.caption(t("never_updated", lang))
        return
    when = stored_moment_text(upload.uploaded_at, lang)
    st.caption(t_literal("last_updated", lang, when=when, who=upload.uploaded_by, file=upload.file_name))


def kpi_row(kpis: Kpis, lang: str) -> None:
    """The headline figures with their like-for-like change since the previous quarter.

    No change shows no arrow and no colour; a change shows its arrow and sign, so the colour is never alone.
    """
    help_text = change_help(kpis, lang)
    figures = kpi_figures(kpis, lang)
    for column, figure in zip(st.columns(len(figures)), figures, strict=True):
        colour: Literal["off", "green", "red"] = "off"
        arrow: Literal["off", "up", "down"] = "off"
        if figure.direction in ("up", "down"):
            good = (figure.direction == "up") == figure.higher_is_better
            colour = "green" if good else "red"
            arrow = "up" if figure.direction == "up" else "down"
        column.metric(
            figure.label,
            figure.value,
            delta=figure.change,
            delta_color=colour,
            delta_arrow=arrow,
            help=help_text if figure.change is not None else None,
        )
    st.caption(shares_note(kpis, lang))


def unreported_table(missing: pd.DataFrame, quarter: str, lang: str) -> None:
    """Who has not reported for the quarter, region by region (core.analysis.unreported_by_region),
    with downloads."""
    title = t("overview.not_reported", lang, quarter=quarter_label(quarter, lang))
    st.subheader(f"{markdown_literal(title)} ({len(missing)})")
    if missing.empty:
        st.write(t("overview.all_reported", lang, quarter=quarter_label(quarter, lang)))
        return
    headers = [t(f"col.{column}", lang) for column in ("region", "missing", "reported", "last_reported")]
    words = [
        (
            region,
            number_text(count, lang),
            t("kpi.of", lang, part=number_text(part, lang), whole=number_text(whole, lang)),
            quarter_label(last, lang) if last else t("never", lang),
        )
        for region, count, part, whole, last in missing[
            ["region", "missing", "reported", "commitments", "last_reported"]
        ].itertuples(index=False)
    ]
    rows = [
        [
            tables.name_cell(region),
            tables.Cell(html.escape(count), "pm-number"),
            tables.short_cell(of),
            tables.short_cell(last),
        ]
        for region, count, of, last in words
    ]
    shown = pd.DataFrame(words, columns=headers)
    tables.show_table(title, list(shown.columns), rows, len(shown), lang, "not-reported")
    export_table_buttons(title, shown, lang, key="not-reported")


def listing(title: str, frame: pd.DataFrame, lang: str, key: str, columns: tuple[str, ...]) -> None:
    st.subheader(f"{markdown_literal(title)} ({len(frame)})")
    commitments_table(frame, lang, key, columns, title=title)


def sdg_badge(number: int, lang: str) -> str:
    """An SDG in its official colour, always with its number and name written."""
    sdg = SDG_BY_NUMBER[number]
    name = sdg.nb if lang == "nb" else sdg.en
    return (
        f'<span style="background:{sdg.colour};color:{text_colour_on(sdg.colour)};'
        f'padding:0.1rem 0.45rem;border-radius:0.3rem;margin-right:0.3rem;white-space:nowrap">'
        f"{html.escape(t('sdg.label', lang, number=number, name=name))}</span>"
    )


def focus_area_html(area, lang: str) -> str:
    badges = "".join(sdg_badge(number, lang) for number in area.sdgs)
    hashtag = f" <strong>{html.escape(area.hashtag)}</strong>" if area.hashtag else ""
    return f"<p>{html.escape(area.number)} {html.escape(area.title)}{hashtag} {badges}</p>"


def sdg_tiles(summary: pd.DataFrame, lang: str) -> None:
    """The 17 goals as tiles in their colours, each with number, name, count and share on track or completed."""
    tiles = []
    for row in typed_rows(summary, SdgRow):
        name = row.name_nb if lang == "nb" else row.name_en
        if row.commitments:
            counts = t(
                "sdgs.tile_counts",
                lang,
                commitments=commitments_text(row.commitments, lang),
                share=percent_text(row.on_track_or_completed_share, lang),
            )
        else:
            counts = t("sdgs.tile_none", lang)
        tiles.append(
            f'<li style="background:{row.colour};color:{text_colour_on(row.colour)};'
            f'border-radius:0.5rem;padding:0.6rem;min-height:7rem;list-style:none">'
            f'<strong style="font-size:1.1rem">SDG {row.sdg}</strong><br>{html.escape(name)}'
            f'<br><span style="font-weight:600">{counts}</span></li>'
        )
    st.html(
        '<ul style="display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));'
        'gap:0.5rem;padding:0;margin:0">' + "".join(tiles) + "</ul>"
    )


PICKER_KEY = "commitment"
SEARCH_KEY = "commitment-search"
# The link's commitment this session has last taken (or written): a new one is taken again.
_LINK_SEEN_KEY = "_commitment_seen"


def commitment_picker(lang: str) -> int | None:
    """The commitment to show: from the link that led here, else chosen in a list; kept in the URL.

    The list holds the commitments the sidebar filters select, narrowed by a search to at most
    PICKER_LIMIT (views._data), plus the one chosen. The list is keyed, so a choice is kept on
    every run, through a change of language and of the list itself."""
    requested = url_value("commitment")
    linked = link_id(requested)
    found = story(linked) if linked is not None else None
    if requested and found is None:
        st.warning(t("url.unknown.commitment", lang, value=markdown_literal(requested, inline=True)))
    if requested != st.session_state.get(_LINK_SEEN_KEY):
        st.session_state[_LINK_SEEN_KEY] = requested
        if found is not None:
            st.session_state[PICKER_KEY] = linked
    query = st.text_input(t("commitment.search", lang), key=SEARCH_KEY, placeholder=t("commitment.search_hint", lang))
    choices = commitment_choices(query)
    labels = choices.labels
    current = st.session_state.get(PICKER_KEY)
    ids = choices.ids
    if current is not None and current not in ids:
        chosen_story = story(current) if current not in labels else None
        if chosen_story is not None:
            labels = {**labels, current: commitment_label(chosen_story.region, chosen_story.code, chosen_story.text)}
        ids = [current, *ids] if current in labels else ids
    chosen = st.selectbox(
        t("commitment.choose", lang),
        ids,
        index=None,
        format_func=lambda commitment_id: labels[commitment_id],
        placeholder=t("commitment.choose", lang),
        key=PICKER_KEY,
    )
    if choices.matches > len(choices.ids):
        st.caption(
            t(
                "commitment.showing",
                lang,
                shown=number_text(len(choices.ids), lang),
                total=number_text(choices.matches, lang),
            )
        )
    elif not choices.matches:
        st.caption(t_literal("commitment.no_match", lang, query=query))
    if chosen is not None and st.query_params.get("commitment") != str(chosen):
        st.query_params["commitment"] = str(chosen)
        st.session_state[_LINK_SEEN_KEY] = str(chosen)
    return chosen


def story_facts_html(found: CommitmentStory, lang: str) -> str:
    """The commitment's region, agreement, focus area, council area and hashtag, its deadline and funds,
    then its SDG badges.

    Stored text is escaped, never read as Markdown or HTML; the lines for deadline and funds and for SDGs
    are left out when there are none.
    """
    facts = t(
        "commitment.facts",
        lang,
        region=found.region,
        period=agreement_label(found.county, found.period),
        focus_area=found.focus_area or "–",
        council_area=found.council_area or "–",
    )
    hashtag = f" · <strong>{html.escape(found.hashtag)}</strong>" if found.hashtag else ""
    badges = "".join(sdg_badge(number, lang) for number in found.sdgs)
    sdgs = f"<p>{html.escape(t('commitment.sdgs', lang, sdgs=''))}{badges}</p>" if badges else ""
    terms = [
        *([t("commitment.deadline", lang, deadline=deadline_text(found.deadline, lang))] if found.deadline else []),
        *([t("commitment.amount", lang, amount=amount_text(found.amount, lang))] if found.amount is not None else []),
    ]
    terms_line = f"<p>{html.escape(' · '.join(terms))}</p>" if terms else ""
    return f"<p>{html.escape(facts)}{hashtag}</p>{terms_line}{sdgs}"


def _blank_missing(shown: pd.DataFrame, columns: list[str]) -> None:
    """Empty cells instead of "None" in the text columns people read."""
    shown[columns] = shown[columns].astype("object").where(shown[columns].notna(), "")


def history_table(reports: pd.DataFrame, lang: str, title: str, assessments: pd.DataFrame | None = None) -> None:
    """A commitment's story, oldest first: quarter, the agreement and code it was reported under
    (a story runs across agreements), status and progress, then what was written; and, where the
    county has assessed any of them (``assessments``, core.dataset.ASSESSMENT_DTYPES), its view."""
    agreements = [
        agreement_label(county, period) + f" · {code}"
        for county, period, code in zip(reports["county"], reports["period"], reports["code"], strict=True)
    ]
    county_views = _county_views(reports, assessments, lang)
    assessed = any(view is not None for view in county_views)
    rows = [
        [
            tables.short_cell(quarter_label(report.quarter, lang)),
            # Wraps between its words («Viken 2022–2023 · 1.1»), so the county's column fits at 1400 px.
            tables.name_cell(agreement),
            tables.status_cell(report.status, status_label(report.status, lang)),
            tables.progress_cell(report.progress, lang),
            tables.text_cell(report.comment, wide=True),
            tables.text_cell(report.next_step, wide=True),
            # A name, broken between its words only: the county's column leaves it less room.
            tables.name_cell(report.owner),
            *([tables.text_cell(county_view)] if assessed else []),
        ]
        for report, agreement, county_view in zip(typed_rows(reports, _Report), agreements, county_views, strict=True)
    ]
    text = ["quarter", "agreement", "status", "progress", "comment", "next_step", "owner"]
    if assessed:
        text.append("assessment")
    tables.show_table(title, [t(f"col.{column}", lang) for column in text], rows, len(reports), lang, "history")
    shown = pd.DataFrame(
        {
            "quarter": reports["quarter"].map(lambda q: quarter_label(q, lang)),
            "agreement": agreements,
            "status": reports["status"].map(lambda key: status_label(key, lang)),
            "progress": reports["progress"],
            "comment": reports["comment"],
            "next_step": reports["next_step"],
            "owner": reports["owner"],
        }
    )
    if assessed:
        shown["assessment"] = pd.Series(county_views, index=reports.index, dtype="object")
    _blank_missing(shown, [column for column in shown.columns if column not in ("agreement", "progress")])
    note = selection_text(lang)
    progress_label = t("col.progress", lang)
    export_buttons(
        lambda: Table(
            title=title,
            note=created_line(note, lang),
            frame=shown.rename(columns={column: t(f"col.{column}", lang) for column in shown.columns}),
            percent_columns=(progress_label,),
        ),
        file_stem(title),
        lang,
        "history",
    )


def _county_views(reports: pd.DataFrame, assessments: pd.DataFrame | None, lang: str) -> list[str | None]:
    """The county's assessment of each report as words, «Forsinket: kommentar»; None where it has none."""
    if assessments is None or assessments.empty:
        return [None] * len(reports)
    worded = {
        (commitment_id, quarter): status_label(status, lang) + (f": {comment}" if isinstance(comment, str) else "")
        for commitment_id, quarter, status, comment in zip(
            assessments["commitment_id"],
            assessments["quarter"],
            assessments["status"],
            assessments["comment"],
            strict=True,
        )
    }
    return [
        worded.get((commitment_id, quarter))
        for commitment_id, quarter in zip(reports["commitment_id"], reports["quarter"], strict=True)
    ]


class _Report(NamedTuple):
    quarter: str
    status: str
    progress: float | None
    comment: str | None
    next_step: str | None
    owner: str | None


class _FocusAreaName(NamedTuple):
    focus_number: str | None
    focus_area: str | None
    hashtag: str | None


def focus_area_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """focus_area_progress with the label the chart shows: "2 Understøtte næringslivet #arbeidsplassvekst"."""
    labels = [
        " ".join(part for part in (row.focus_number, row.focus_area, row.hashtag) if part)
        for row in typed_rows(frame, _FocusAreaName)
    ]
    return frame.assign(label=labels)


def page_language(lang: str) -> None:
    """Declare the page's language, ``<html lang="nb">`` (WCAG 3.1.1), on every run.

    Streamlit serves one static index.html that says lang="en"; this small script corrects it
    in the page itself, in a container its own style hides so it takes no room.
    """
    box = st.sidebar.container(key="page-language")
    box.html(
        "<style>.st-key-page-language { display: none; }</style>"
        f"<script>document.documentElement.lang = {json.dumps(lang)};</script>",
        unsafe_allow_javascript=True,
    )


# What Markdown reads anywhere in a line: emphasis, code, links and images, HTML, maths,
# strikethrough, tables, entities, e-mail autolinks, headings' closing #.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>$~|&@#])")
# What it reads at the start of a line: a numbered or bulleted list, a setext underline.
_LINE_START = re.compile(r"^([ \t]*)(?:(\d+)([.)])(?=\s|$)|([-+=]))", re.MULTILINE)
# Web addresses GFM would turn into links: "http://…", "www.…".
_AUTOLINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?i:(?<=\bwww))(\.)")
# Streamlit rewrites some text after Markdown is parsed (":smile:" to an emoji, ":material/…:" to
# an icon, "->" to an arrow), which a backslash does not stop; a word joiner (U+2060, invisible and
# zero-width) after such a colon or between the arrow's characters does. Only there, so that
# copying other text gives what was typed.
_AFTER_PARSE = re.compile(r"(?<=:)(?=[\w+/-]+:)|(?<=[-<>~=])(?=[-<>=])")


def markdown_literal(text: object, *, inline: bool = False) -> str:
    """Stored text (a name, a comment, a file name) as Markdown that shows it exactly as typed:
    nothing in it becomes a link, an image, formatting, maths, an emoji or HTML. Characters
    Markdown would read are escaped with a backslash, and only those, so ordinary text is unchanged.

    ``inline``: the text goes inside a line ("2. kv." there is no list), so line starts are left.
    """
    escaped = _ANYWHERE.sub(r"\\\1", _AFTER_PARSE.sub("\u2060", str(text)))
    escaped = _AUTOLINK.sub(lambda match: "\\" + (match.group(1) or match.group(2)), escaped)
    return escaped if inline else _line_starts_escaped(escaped)


def _line_starts_escaped(text: str) -> str:
    return _LINE_START.sub(
        lambda match: (
            f"{match.group(1)}{match.group(2)}\\{match.group(3)}"
            if match.group(2)
            else f"{match.group(1)}\\{match.group(4)}"
        ),
        text,
    )
