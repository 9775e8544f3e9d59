"""Last opp: the quarterly round. Fill in the region's quarter in the browser, or download the
pre-filled template and upload it filled in; either way check the review of what would change, and
save it in one go."""

import streamlit as st

from core.access import scope_text
from core.i18n import t
from core.vocabulary import quarter_label
from views import _data as data
from views import _entry as entry
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

if not data.region_names():
    st.info(t("empty.database", lang))
    st.stop()
regions = upload.template_regions(user)
if not regions:
    st.info(t("upload.no_regions_held", lang))
    st.stop()
modes = [t("entry.mode_browser", lang), t("entry.mode_file", lang)]
# The file stays the first choice: the browser's form is one region and quarter at a time.
in_browser = st.radio(t("entry.mode", lang), modes, index=1, horizontal=True, key="upload_mode") == modes[0]
st.header(t("entry.heading" if in_browser else "upload.template_heading", lang))
left, right = st.columns(2)
# The same pickers (keys) for the form and the template, so a region chosen for one stays for the other.
region = left.selectbox(
    t("entry.region" if in_browser else "upload.template_region", lang),
    regions,
    index=upload.template_region_index(regions, state.current_filters().region, user),
    placeholder=t("upload.choose_region", lang),
    key="template_region",
)
quarter = None
if region is not None:
    quarters, suggested = upload.reporting_quarters(region)
    quarter = right.selectbox(
        t("entry.quarter" if in_browser else "upload.template_quarter", lang),
        quarters,
        index=quarters.index(suggested),
        format_func=lambda q: upload.quarter_choice(q, lang),
        key="template_quarter",
    )
if in_browser:
    if region is not None and quarter is not None:
        entry.show(region, quarter, user, lang)
    st.stop()
if region is not None and quarter is not None:
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
