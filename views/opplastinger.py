"""Opplastinger: every upload, what each one changed, and rolling one back."""

import streamlit as st

from core.i18n import t
from views import _signin as signin
from views import _state as state
from views import _upload_log as log
from views import _widgets as widgets

lang = state.language()
st.title(t("page.uploads", lang))
user = signin.signed_in_user(lang)
st.caption(t("uploads.intro", lang))
state.show_flash()

uploads, table = log.uploads(lang)
if not uploads:
    st.info(t("never_updated", lang))
    st.stop()
log.show_log(table, lang)
widgets.export_table_buttons(t("page.uploads", lang), table, lang, key="upload-log")

st.header(t("uploads.open_heading", lang))
chosen = log.upload_picker(uploads, lang)
if chosen is not None:
    log.show_upload(chosen, user, lang)
