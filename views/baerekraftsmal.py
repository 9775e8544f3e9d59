import streamlit as st

from core import analysis, charts
from core.i18n import t
from views import _ui as ui

lang, quarter = ui.page_start("page.sdgs")
summary = ui.computed(analysis.sdg_summary, quarter)
st.header(t("sdgs.tiles", lang))
ui.sdg_tiles(summary, lang)

sdg = ui.current_filters().sdg
if sdg is None:
    st.info(t("sdgs.choose", lang))
    ui.show_chart(ui.chart(charts.sdg_bar, analysis.sdg_summary, quarter, lang=lang), lang, key="sdg-bar")
else:
    st.header(t("sdgs.drilldown", lang, sdg=ui.sdg_name(sdg, lang)))
    # The sidebar's SDG filter already limits the data to this goal.
    for group_by in ("region", "focus_area"):
        breakdown = ui.chart(charts.status_breakdown, analysis.status_breakdown, quarter, group_by, lang=lang,
                             group_by=group_by)
        ui.show_chart(breakdown, lang, key=f"sdg-{group_by}")
