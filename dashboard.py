"""Partnerskapsmonitor: page config, sign-in, navigation and the shared sidebar filters."""

import streamlit as st

from core.i18n import t
from views import _data as data
from views import _signin as signin
from views import _state as state
from views import _widgets as widgets

# An emoji becomes a data: URL in the browser; a :material/…: icon would be fetched from fonts.gstatic.com.
st.set_page_config(page_title=t("app.title"), page_icon="🤝", layout="wide")

data.begin_run()
state.adopt_url(data.filter_choices)
visitor = signin.identify()
account_box = st.sidebar.container()
filters_box = st.sidebar.container()
lang = widgets.language_switch(st.sidebar.container())


def page(script: str, title_key: str, icon: str, url_path: str | None = None, **options) -> st.Page:
    return st.Page(f"views/{script}", title=t(title_key, lang), icon=icon, url_path=url_path, **options)


# One flat list: with sections, Streamlit 1.67 nests each section's <li> items in a
# <div> inside the <ul>, which screen readers cannot read as a list (axe: list, listitem).
pages = []
if visitor.may_read:
    pages += [
        page("oversikt.py", "page.overview", ":material/dashboard:", default=True),
        page("regioner.py", "page.regions", ":material/map:", "regioner"),
        page("radsomrader.py", "page.council_areas", ":material/account_tree:", "radsomrader"),
        page("baerekraftsmal.py", "page.sdgs", ":material/public:", "baerekraftsmal"),
        page("tiltak.py", "page.commitment", ":material/task_alt:", "tiltak"),
        page("eksport.py", "page.export", ":material/download:", "eksport"),
    ]
# Pages that write are not even registered for those who may not use them; the
# pages and the core check again.
if visitor.may_report:
    pages.append(page("last_opp.py", "page.upload", ":material/upload_file:", "last-opp"))
if visitor.user is not None:
    pages.append(page("opplastinger.py", "page.uploads", ":material/history:", "opplastinger"))
pages.append(
    page(
        "logg_inn.py",
        "page.sign_in",
        ":material/login:",
        "logg-inn",
        default=not visitor.may_read,
        visibility="hidden" if visitor.user else "visible",
    )
)
navigation = st.navigation(pages)
signin.sidebar_status(account_box, visitor, lang)
widgets.page_language(lang)
if visitor.may_read:
    widgets.url_notices(lang)
    widgets.publish_url(widgets.sidebar_filters(filters_box, lang), lang)
else:
    # Kept as they came, so signing in leads to the view the link asked for.
    widgets.publish_url(None, lang)
navigation.run()
