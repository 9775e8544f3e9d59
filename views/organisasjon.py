"""Organisasjon: the counties with their predecessors and successors, each county's units, the regions
with their counties, former names and members, and the counties' own status words; the organisation
workbook to download, and one uploaded, previewed and saved. Administrators only."""

import streamlit as st

from core.i18n import t
from views import _organisation as organisation
from views import _signin as signin
from views import _state as state

lang = state.language()
st.title(t("page.organisation", lang))
user = signin.admin_user(lang, "signin.organisation_admins_only")
st.caption(t("organisation.intro", lang))
state.show_flash()

stored = organisation.stored()
organisation.show_counties(stored, lang)
organisation.show_units(stored, lang)
organisation.edit_units(stored, user, lang)
organisation.show_regions(stored, lang)
organisation.show_status_words(stored, lang)
organisation.edit_status_words(stored, user, lang)
organisation.download(lang)

st.header(t("organisation.upload_heading", lang))
st.caption(t("organisation.upload_help", lang))
file = organisation.file_uploader(lang)
if file is not None:
    found = organisation.previewed(file, user, lang)
    if organisation.show_preview(found, lang) and st.button(
        t("organisation.save", lang), type="primary", icon=":material/save:", key="org-save"
    ):
        organisation.save(found, user, lang)
