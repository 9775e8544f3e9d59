import streamlit as st

from core import analysis
from core.i18n import t
from core.vocabulary import quarter_label
from outputs import charts
from views import _data as data
from views import _state as state
from views import _widgets as widgets

lang, quarter = widgets.page_start("page.council_areas")
council_area = state.current_filters().council_area
if council_area is None:
    st.info(t("council.choose" if data.current_county_view().council_areas_word else "council.choose_unit", lang))
    group_by = "council_area"
else:
    st.header(widgets.markdown_literal(council_area))
    group_by = "region"
widgets.show_chart(
    data.chart(charts.status_breakdown, analysis.status_breakdown, quarter, group_by, lang=lang, group_by=group_by),
    lang,
    key="council-breakdown",
)

widgets.listing(
    t("council.late", lang),
    data.computed(analysis.late, quarter),
    lang,
    "late",
    ("region", "code", "text", "council_area", "quarters_delayed", "progress", "comment", "next_step"),
)
widgets.listing(
    t("council.unreported", lang, quarter=quarter_label(quarter, lang)),
    data.computed(analysis.unreported, quarter),
    lang,
    "unreported",
    ("region", "code", "text", "council_area", "last_reported"),
)
