"""Partnerskapsmonitor: page config, sign-in, navigation and the shared sidebar filters."""

import streamlit as st

from core.i18n import t
from views import _data as data
from views import _faults as faults
from views import _signin as signin
from views import _state as state
from views import _widgets as widgets

# An emoji becomes a data: URL in the browser; a :material/…: icon would be fetched from fonts.gstatic.com.
st.set_page_config(page_title=t("app.title"), page_icon="🤝", layout="wide")
widgets.page_style()

# Every page, with what the visitor needs to see it: "read", "report", "admin", "signed_in" or "nothing".
PAGES = (
    ("oversikt.py", "page.overview", ":material/dashboard:", None, "read"),
    ("regioner.py", "page.regions", ":material/map:", "regioner", "read"),
    ("radsomrader.py", "page.council_areas", ":material/account_tree:", "radsomrader", "read"),
    ("baerekraftsmal.py", "page.sdgs", ":material/public:", "baerekraftsmal", "read"),
    ("tiltak.py", "page.commitment", ":material/task_alt:", "tiltak", "read"),
    ("eksport.py", "page.export", ":material/download:", "eksport", "read"),
    ("last_opp.py", "page.upload", ":material/upload_file:", "last-opp", "report"),
    ("rapportering.py", "page.round", ":material/fact_check:", "rapportering", "report"),
    ("opplastinger.py", "page.uploads", ":material/history:", "opplastinger", "signed_in"),
    ("avtaler.py", "page.agreements", ":material/description:", "avtaler", "admin"),
    ("organisasjon.py", "page.organisation", ":material/corporate_fare:", "organisasjon", "admin"),
    ("logg_inn.py", "page.sign_in", ":material/login:", "logg-inn", "nothing"),
)
# What a page says to a signed-in visitor it is not for, where the role's own text does not fit.
REFUSALS = {"organisasjon": "signin.organisation_admins_only"}


def in_menu(need: str) -> bool:
    # Logg inn is in the menu until one has signed in.
    return visitor.user is None if need == "nothing" else signin.may_open(visitor, need)


# A fault of the machine anywhere below (at start, in the sidebar, in a page) is shown as one line.
with faults.shown():
    data.begin_run()
    state.adopt_url(data.county_options, data.commitment_county)
    visitor = signin.identify()
    account_box = st.sidebar.container()
    filters_box = st.sidebar.container()
    lang = widgets.language_switch(st.sidebar.container())

    # Every page is registered, so a link to one always opens it: one the visitor may not use is
    # left out of the menu and, opened, says so and offers the sign-in in its place. One flat list:
    # with sections, Streamlit 1.67 nests each section's <li> items in a <div> inside the <ul>,
    # which screen readers cannot read as a list (axe: list, listitem).
    pages = {
        st.Page(
            f"views/{script}",
            title=widgets.page_title(title_key, lang),
            icon=icon,
            url_path=url_path,
            default=script == "oversikt.py",
            visibility="visible" if in_menu(need) else "hidden",
        ): need
        for script, title_key, icon, url_path, need in PAGES
    }
    navigation = st.navigation(list(pages))
    signin.sidebar_status(account_box, visitor, lang)
    signin.write_cookie(account_box)
    widgets.page_language(lang)
    if visitor.may_read:
        widgets.url_notices(lang)
        widgets.publish_url(widgets.sidebar_filters(filters_box, lang, visitor.user), lang)
    else:
        # Kept as they came, so signing in leads to the view the link asked for.
        widgets.publish_url(None, lang)
    if signin.may_open(visitor, pages[navigation]):
        if visitor.may_read:
            data.catching_up_note(lang)
        navigation.run()
    else:
        signin.gate(navigation.title, visitor, lang, pages[navigation], REFUSALS.get(navigation.url_path))
