"""What pages draw: the sidebar filters and language switch, titles, tables with their downloads,
charts with their text alternatives, KPIs and SDG badges.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any, Literal, NamedTuple
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from core import analysis
from core.analysis import Kpis
from core.dataset import CommitmentStory
from core.filters import Filters
from core.i18n import t
from core.vocabulary import SDG_BY_NUMBER, quarter_label, status_label
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
from views._data import (
    commitment_choices,
    computed,
    dataset,
    default_quarter_in_view,
    filter_choices,
    filtered,
    provisional,
    quarter_in_view,
    selection_upload,
    story,
)
from views._state import FILTER_KEYS, LANGUAGE_KEY, LANGUAGE_NAMES, current_filters, language

COMMITMENT_PAGE = "tiltak"


def language_switch(container) -> str:
    container.radio(
        t("filters.language", language()),
        tuple(LANGUAGE_NAMES),
        horizontal=True,
        key=LANGUAGE_KEY,
        bind="query-params",
    )
    return language()


def error_message(error: Exception, lang: str) -> str:
    """What to tell the reader about a failure: a named error's message (anything with ``message(lang)``)
    in the reader's language; any other exception as it words itself."""
    message = getattr(error, "message", None)
    return message(lang) if callable(message) else str(error)


def sdg_name(number: int, lang: str) -> str:
    sdg = SDG_BY_NUMBER[number]
    return t("sdg.choice", lang, number=number, name=sdg.nb if lang == "nb" else sdg.en)


def sidebar_filters(container, lang: str) -> Filters:
    """Draw the filters; their values live in the URL so a copied link reproduces the view."""
    options = filter_choices()
    with container:
        st.header(t("filters.heading", lang))
        region = _choice(t("filters.region", lang), options.regions, "region", t("filters.all_regions", lang))
        council = _choice(
            t("filters.council_area", lang), options.council_areas, "council", t("filters.all_council_areas", lang)
        )
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
        labels = {q: quarter_choice(q, lang, provisional=provisional(q)) for q in options.quarters}
        default = default_quarter_in_view()
        latest = labels[default] if default else ""
        quarter = st.selectbox(
            t("filters.quarter", lang),
            options.quarters,
            index=None,
            placeholder=t("filters.latest_quarter", lang, quarter=latest),
            format_func=labels.__getitem__,
            key="quarter",
            bind="query-params",
        )
        st.button(t("filters.reset", lang), on_click=_reset, width="stretch")
    filters = Filters(region, council, sdg, hashtag, status, quarter)
    st.session_state["_filters"] = filters
    return filters


def _choice(label: str, options: tuple, key: str, placeholder: str, format_func: Callable = str):
    return st.selectbox(
        label, options, index=None, placeholder=placeholder, format_func=format_func, key=key, bind="query-params"
    )


def _reset() -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = None


def selection_text(lang: str) -> str:
    """The current filters in words, for captions and exports."""
    filters = current_filters()
    parts = [
        filters.region,
        filters.council_area,
        sdg_name(filters.sdg, lang) if filters.sdg else None,
        filters.hashtag,
        status_label(filters.status, lang) if filters.status else None,
    ]
    chosen = ", ".join(part for part in parts if part) or t("filters.none", lang)
    quarter = quarter_in_view()
    if quarter:
        chosen += f" · {quarter_choice(quarter, lang, provisional=provisional(quarter))}"
    return t("filters.active", lang, filters=chosen)


def show_chart(chart: Chart, lang: str, key: str) -> None:
    """A chart with its title as a real heading, its one-sentence summary, and its data as a table."""
    st.subheader(chart.title)
    # theme=None: draw exactly the tested, contrast-checked colours.
    st.plotly_chart(chart.figure, config=plotly_config(lang), theme=None, key=key)
    st.caption(chart.summary)
    if not chart.table.empty:
        with st.expander(t("show_data", lang)):
            st.dataframe(chart.table, hide_index=True, key=f"{key}-table")
            export_table_buttons(chart.title, chart.table, lang, key=f"{key}-table")


def commitment_links(commitment_ids) -> list[str]:
    """Relative links to the commitment page that keep the current filters."""
    kept = {key: st.query_params[key] for key in (*FILTER_KEYS, LANGUAGE_KEY) if key in st.query_params}
    prefix = f"{COMMITMENT_PAGE}?{urlencode(kept)}&" if kept else f"{COMMITMENT_PAGE}?"
    return [f"{prefix}commitment={int(id_)}" for id_ in commitment_ids]


def commitments_table(frame: pd.DataFrame, lang: str, key: str, columns: tuple[str, ...], *, title: str) -> None:
    """A table of commitments: status as words, progress as bars, a link to each commitment's story,
    and buttons to download it as shown (``title`` names the file and heads the sheet)."""
    if frame.empty:
        st.write(t("none_in_list", lang))
        return
    shown = pd.DataFrame({"link": commitment_links(frame["commitment_id"])})
    for column in columns:
        values = frame[column].reset_index(drop=True)
        if column == "status":
            values = values.map(lambda key: status_label(key, lang))
        elif column in ("last_reported", "quarter"):
            values = values.map(lambda q: quarter_label(q, lang) if isinstance(q, str) else t("never", lang))
        shown[column] = values
    config = {"link": st.column_config.LinkColumn(t("col.link", lang), display_text=t("col.open", lang))}
    for column in columns:
        label = t(f"col.{column}", lang)
        if column in ("progress", "previous_progress"):
            config[column] = st.column_config.ProgressColumn(label, min_value=0, max_value=100, format="%d %%")
        elif column == "quarters_delayed":
            config[column] = st.column_config.NumberColumn(label, format="%d")
        else:
            config[column] = st.column_config.TextColumn(label)
    text_columns = [c for c in columns if c not in ("progress", "previous_progress", "quarters_delayed")]
    _blank_missing(shown, text_columns)
    st.dataframe(
        shown[[*columns, "link"]],
        column_config=config,
        hide_index=True,
        key=key,
        on_select="ignore",
    )
    note = selection_text(lang)
    export_buttons(
        lambda: commitments_export(frame, columns, lang, title=title, note=created_line(note, lang)),
        file_stem(title, quarter_in_view()),
        lang,
        key,
    )


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
    excel, csv_, _ = st.columns([1, 1, 3])
    download_button(
        excel, excel_label, lambda: workbook_bytes([build()]), f"{stem}.xlsx", XLSX_MIME, f"{key}-xlsx", type="tertiary"
    )
    download_button(
        csv_, csv_label, lambda: csv_bytes(build(), separator), f"{stem}.csv", CSV_MIME, f"{key}-csv", type="tertiary"
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
    st.title(t(title_key, lang))
    st.caption(selection_text(lang))
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
    newest = dataset().quarters[-1]
    if current_filters().quarter is None and newest != quarter:
        st.info(t("headline.newer_provisional", lang, quarter=quarter_label(newest, lang)), icon=":material/info:")
    selected = filtered()
    if analysis.reports_out_of_date(selected, today or dt.date.today()):
        st.warning(
            t("headline.out_of_date", lang, quarter=quarter_label(selected.quarters[-1], lang)),
            icon=":material/update:",
        )


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
        st.caption(t("never_updated", lang))
        return
    when = stored_moment_text(upload.uploaded_at, lang)
    st.caption(t("last_updated", lang, when=when, who=upload.uploaded_by, file=upload.file_name))


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


def listing(title: str, frame: pd.DataFrame, lang: str, key: str, columns: tuple[str, ...]) -> None:
    st.subheader(f"{title} ({len(frame)})")
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


def commitment_picker(lang: str) -> int | None:
    """The commitment to show: from the link that led here, else chosen in a list; kept in the URL."""
    ids, labels = commitment_choices()
    requested = st.query_params.get("commitment")
    current = int(requested) if requested and requested.isdigit() else None
    if current is not None and current not in labels:
        found = story(current)
        if found is not None:
            ids = [current, *ids]
            labels = {**labels, current: f"{found.region} {found.code} – {found.text[:90]}"}
    chosen = st.selectbox(
        t("commitment.choose", lang),
        ids,
        index=ids.index(current) if current in labels else None,
        format_func=lambda commitment_id: labels[commitment_id],
        placeholder=t("commitment.choose", lang),
    )
    if chosen is not None and chosen != current:
        st.query_params["commitment"] = str(chosen)
    return chosen


def story_facts_html(found: CommitmentStory, lang: str) -> str:
    """The commitment's region, agreement, focus area, council area and hashtag, then its SDG badges.

    Stored text is escaped, never read as Markdown or HTML; the line for SDGs is left out when there are none.
    """
    facts = t(
        "commitment.facts",
        lang,
        region=found.region,
        period=found.period,
        focus_area=found.focus_area or "–",
        council_area=found.council_area or "–",
    )
    hashtag = f" · <strong>{html.escape(found.hashtag)}</strong>" if found.hashtag else ""
    badges = "".join(sdg_badge(number, lang) for number in found.sdgs)
    sdgs = f"<p>{html.escape(t('commitment.sdgs', lang, sdgs=''))}{badges}</p>" if badges else ""
    return f"<p>{html.escape(facts)}{hashtag}</p>{sdgs}"


def _blank_missing(shown: pd.DataFrame, columns: list[str]) -> None:
    """Empty cells instead of "None" in the text columns people read."""
    shown[columns] = shown[columns].astype("object").where(shown[columns].notna(), "")


def history_table(reports: pd.DataFrame, lang: str, title: str) -> None:
    shown = pd.DataFrame(
        {
            "quarter": reports["quarter"].map(lambda q: quarter_label(q, lang)),
            "status": reports["status"].map(lambda key: status_label(key, lang)),
            "progress": reports["progress"],
            "comment": reports["comment"],
            "next_step": reports["next_step"],
            "owner": reports["owner"],
        }
    ).iloc[::-1]
    text = ["quarter", "status", "comment", "next_step", "owner"]
    _blank_missing(shown, text)
    st.dataframe(
        shown,
        column_config={column: st.column_config.TextColumn(t(f"col.{column}", lang)) for column in text}
        | {
            "progress": st.column_config.ProgressColumn(
                t("col.progress", lang), min_value=0, max_value=100, format="%d %%"
            )
        },
        hide_index=True,
        key="history",
    )
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
