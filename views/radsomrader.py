import streamlit as st

from core import analysis, charts
from core.i18n import t
from core.vocabulary import quarter_label
from views import _ui as ui

lang, quarter = ui.page_start("page.council_areas")
council_area = ui.current_filters().council_area
if council_area is None:
    st.info(t("council.choose", lang))
    group_by = "council_area"
else:
    st.header(council_area)
    group_by = "region"
ui.show_chart(
    ui.chart(charts.status_breakdown, analysis.status_breakdown, quarter, group_by, lang=lang, group_by=group_by),
    lang,
    key="council-breakdown",
)

ui.listing(t("council.late", lang), ui.computed(analysis.late, quarter), lang, "late",
           ("region", "code", "text", "council_area", "quarters_delayed", "progress", "comment", "next_step"))
ui.listing(
    t("council.unreported", lang, quarter=quarter_label(quarter, lang)),
    ui.computed(analysis.unreported, quarter), lang, "unreported",
    ("region", "code", "text", "council_area", "last_reported"),
)
