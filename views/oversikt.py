import streamlit as st

from core import analysis
from core.i18n import t
from core.vocabulary import quarter_label
from outputs import charts
from views import _data as data
from views import _widgets as widgets

lang, quarter = widgets.page_start("page.overview", last_updated=True)
kpis = data.computed(analysis.kpis, quarter)
widgets.kpi_row(kpis, lang)

# What is late now, and who has not reported: what leadership acts on, before the charts.
widgets.listing(
    t("overview.late_now", lang),
    data.computed(analysis.late, quarter),
    lang,
    "late-now",
    ("region", "code", "text", "quarters_delayed", "comment", "next_step"),
)
widgets.unreported_table(data.computed(analysis.unreported_by_region, quarter), quarter, lang)
differences = data.computed(analysis.assessment_differences, quarter)
if not differences.empty:
    widgets.listing(
        t("assessment.overview", lang),
        differences.assign(difference=analysis.difference_sentences(differences, lang)),
        lang,
        "assessment-differences",
        ("region", "code", "text", "difference", "county_comment"),
    )

widgets.show_chart(
    data.chart(charts.status_over_time, analysis.status_by_quarter, lang=lang), lang, key="status-over-time"
)
widgets.show_chart(
    data.chart(charts.on_track_heatmap, analysis.on_track_heatmap, quarter, lang=lang),
    lang,
    key="heatmap",
    narrow_list=True,
)

st.header(t("overview.since_last", lang))
changes = data.computed(analysis.since_last_quarter, quarter)
previous = kpis.previous_quarter
if previous is None:
    st.info(t("overview.no_previous", lang))
else:
    # st.caption reads Markdown, where "1. kv." would start a numbered list.
    st.caption(f"{quarter_label(previous, lang)} → {quarter_label(quarter, lang)}".replace(". ", "\\. ", 1))
    widgets.listing(
        t("overview.newly_delayed", lang),
        changes.newly_delayed,
        lang,
        "newly-delayed",
        ("region", "code", "text", "council_area", "progress", "comment"),
    )
    widgets.listing(
        t("overview.newly_completed", lang),
        changes.newly_completed,
        lang,
        "newly-completed",
        ("region", "code", "text", "council_area", "comment"),
    )
    widgets.listing(
        t("overview.backwards", lang),
        changes.progress_backwards,
        lang,
        "backwards",
        ("region", "code", "text", "council_area", "previous_progress", "progress", "comment"),
    )
widgets.listing(
    t("overview.stale", lang), changes.stale, lang, "stale", ("region", "code", "text", "council_area", "last_reported")
)
