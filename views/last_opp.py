"""Last opp: the quarterly round. Download the pre-filled template, upload it filled in,
check the review of what would change, and save it in one go."""

import streamlit as st

from core.access import scope_text
from core.i18n import t
from core.vocabulary import quarter_label
from views import _data as data
from views import _signin as signin
from views import _state as state
from views import _upload as upload

lang = state.language()
st.title(t("page.upload", lang))
user = signin.reporting_user(lang)
st.caption(t("upload.intro", lang))
if not user.is_admin:
    st.caption(t("signin.scope", lang, scope=scope_text(user)))
state.show_flash()
upload.show_saved_links(lang)

st.header(t("upload.template_heading", lang))
if not data.region_names():
    st.info(t("empty.database", lang))
    st.stop()
regions = upload.template_regions(user)
if not regions:
    st.info(t("upload.no_regions_held", lang))
    st.stop()
left, right = st.columns(2)
region = left.selectbox(
    t("upload.template_region", lang),
    regions,
    index=upload.template_region_index(regions, state.current_filters().region, user),
    placeholder=t("upload.choose_region", lang),
    key="template_region",
)
if region is not None:
    quarters, suggested = upload.reporting_quarters(region)
    quarter = right.selectbox(
        t("upload.template_quarter", lang),
        quarters,
        index=quarters.index(suggested),
        format_func=lambda q: quarter_label(q, lang),
        key="template_quarter",
    )
    upload.template_button(region, quarter, user, lang)

st.header(t("upload.file_heading", lang))
file = upload.file_uploader(lang)
with st.expander(t("upload.more_options", lang)):
    file_quarter = st.selectbox(
        t("upload.file_quarter", lang),
        upload.all_quarters(),
        index=None,
        format_func=lambda q: quarter_label(q, lang),
        placeholder=t("upload.file_quarter_from_file", lang),
        key="file_quarter",
    )
if file is not None:
    upload.show_chosen_file(file, file_quarter, user, lang)
