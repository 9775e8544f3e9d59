import streamlit as st

from core import analysis
from core.i18n import t
from outputs import charts
from views import _data as data
from views import _state as state
from views import _widgets as widgets

lang, quarter = widgets.page_start("page.sdgs")
summary = data.computed(analysis.sdg_summary, quarter)
st.header(t("sdgs.tiles", lang))
widgets.sdg_tiles(summary, lang)

sdg = state.current_filters().sdg
if sdg is None:
    st.info(t("sdgs.choose", lang))
    widgets.show_chart(data.chart(charts.sdg_bar, analysis.sdg_summary, quarter, lang=lang), lang, key="sdg-bar")
else:
    st.header(t("sdgs.drilldown", lang, sdg=widgets.sdg_name(sdg, lang)))
    # The sidebar's SDG filter already limits the data to this goal.
    for group_by in ("region", "focus_area"):
        breakdown = data.chart(
            charts.status_breakdown, analysis.status_breakdown, quarter, group_by, lang=lang, group_by=group_by
        )
        widgets.show_chart(breakdown, lang, key=f"sdg-{group_by}")
