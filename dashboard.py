"""Partnerskapsmonitor: page config, navigation and the shared sidebar filters."""

import streamlit as st

from core.i18n import t
from views import _ui as ui

st.set_page_config(page_title="Partnerskapsmonitor", page_icon=":material/handshake:", layout="wide")

ui.begin_run()
filters_box = st.sidebar.container()
language = ui.language_switch(st.sidebar.container())
# One flat list: with sections, Streamlit 1.67 nests each section's <li> items in a
# <div> inside the <ul>, which screen readers cannot read as a list (axe: list, listitem).
navigation = st.navigation(
    [
        st.Page("views/oversikt.py", title=t("page.overview", language), icon=":material/dashboard:", default=True),
        st.Page("views/regioner.py", title=t("page.regions", language), icon=":material/map:", url_path="regioner"),
        st.Page(
            "views/radsomrader.py", title=t("page.council_areas", language), icon=":material/account_tree:",
            url_path="radsomrader",
        ),
        st.Page("views/baerekraftsmal.py", title=t("page.sdgs", language), icon=":material/public:", url_path="baerekraftsmal"),
        st.Page("views/tiltak.py", title=t("page.commitment", language), icon=":material/task_alt:", url_path="tiltak"),
        st.Page("views/eksport.py", title=t("page.export", language), icon=":material/download:", url_path="eksport"),
        st.Page("views/last_opp.py", title=t("page.upload", language), icon=":material/upload_file:", url_path="last-opp"),
        st.Page(
            "views/opplastinger.py", title=t("page.uploads", language), icon=":material/history:",
            url_path="opplastinger",
        ),
    ]
)
ui.sidebar_filters(filters_box, language)
navigation.run()
