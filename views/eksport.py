"""Eksport: the tables behind the dashboard and the quarterly report, for the current filters."""

import streamlit as st

from core import analysis
from core.i18n import t
from core.vocabulary import quarter_label
from views import _data as data
from views import _export as export
from views import _widgets as widgets

lang, quarter = widgets.page_start("page.export")
st.write(t("export.intro", lang))
separator = st.radio(
    t("export.separator", lang),
    (";", ","),
    horizontal=True,
    key="csv-separator",
    format_func=lambda mark: t(f"export.separator.{'semicolon' if mark == ';' else 'comma'}", lang),
    help=t("export.separator_help", lang),
)

st.header(t("export.report_heading", lang, quarter=quarter_label(quarter, lang)))
st.write(t("export.report_intro", lang))
export.report_buttons(quarter, lang)

# The tables are built only when a button is pressed; the page needs only their sizes.
selected = data.filtered()
st.header(t("export.commitments_heading", lang, quarter=quarter_label(quarter, lang)))
st.write(t("export.rows", lang, count=data.computed(analysis.kpis, quarter).commitments))
export.commitments_buttons(selected, quarter, lang, separator)

st.header(t("export.history_heading", lang, quarter=quarter_label(quarter, lang)))
st.write(t("export.rows", lang, count=len(selected.reports)))
export.history_buttons(selected, quarter, lang, separator)
