import streamlit as st

from core import analysis, charts
from core.i18n import t
from core.vocabulary import quarter_label
from views import _ui as ui

lang, quarter = ui.page_start("page.overview", last_updated=True)
ui.kpi_row(ui.computed(analysis.kpis, quarter), lang)
ui.show_chart(ui.chart(charts.status_over_time, analysis.status_by_quarter, lang=lang), lang, key="status-over-time")
ui.show_chart(ui.chart(charts.on_track_heatmap, analysis.on_track_heatmap, quarter, lang=lang), lang, key="heatmap")

st.header(t("overview.since_last", lang))
changes = ui.computed(analysis.since_last_quarter, quarter)
previous = ui.computed(analysis.kpis, quarter).previous_quarter
if previous is None:
    st.info(t("overview.no_previous", lang))
else:
    # st.caption reads Markdown, where "1. kv." would start a numbered list.
    st.caption(f"{quarter_label(previous, lang)} → {quarter_label(quarter, lang)}".replace(". ", "\\. ", 1))
    ui.listing(t("overview.newly_delayed", lang), changes.newly_delayed, lang, "newly-delayed",
               ("region", "code", "text", "council_area", "progress", "comment"))
    ui.listing(t("overview.newly_completed", lang), changes.newly_completed, lang, "newly-completed",
               ("region", "code", "text", "council_area", "comment"))
    ui.listing(t("overview.backwards", lang), changes.progress_backwards, lang, "backwards",
               ("region", "code", "text", "council_area", "previous_progress", "progress", "comment"))
ui.listing(t("overview.stale", lang), changes.stale, lang, "stale",
           ("region", "code", "text", "council_area", "last_reported"))
