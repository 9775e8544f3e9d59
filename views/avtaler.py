"""Avtaler: the agreements per region and period, each downloadable as a commitment register;
upload a new or changed agreement, read how it was understood and what it changes, set each
commitment's council area, and save it. Administrators only."""

import streamlit as st

from core.i18n import t
from views import _agreements as agreements
from views import _data as data
from views import _signin as signin
from views import _state as state

lang = state.language()
st.title(t("page.agreements", lang))
user = signin.admin_user(lang)
st.caption(t("agreements.intro", lang))
state.show_flash()
agreements.show_saved_links(lang)

st.header(t("agreements.list_heading", lang))
stored = agreements.overview()
if stored:
    agreements.show_overview(stored, lang)
    agreements.download_picker(stored, lang)
else:
    st.info(t("agreements.none", lang))

st.header(t("agreements.upload_heading", lang))
file = agreements.file_uploader(lang)
left, right = st.columns(2)
region = left.selectbox(
    t("agreements.region", lang),
    data.region_names(),
    index=None,
    accept_new_options=True,
    placeholder=t("agreements.choose_region", lang),
    help=t("agreements.region_help", lang),
    key="agreement-region",
)
period = right.text_input(t("agreements.period", lang), help=t("agreements.period_help", lang), key="agreement-period")
county = agreements.county_choice(region, period.strip(), lang)
if file is not None:
    st.header(t("agreements.preview_heading", lang))
    refusal = agreements.file_refusal(file, lang)
    if refusal:
        st.error(refusal)
        st.stop()
    if not region:
        st.info(t("agreements.needs_region", lang))
        st.stop()
    if not county:
        st.info(t("agreements.needs_county", lang))
        st.stop()
    found = agreements.previewed(file, region, period.strip(), county, lang)
    if found.preview is None:
        st.error(found.refusal or "")
        st.stop()
    preview = found.preview
    agreements.show_summary(preview, lang)
    agreements.show_focus_areas(preview, lang)
    st.subheader(t("agreements.commitments_heading", lang))
    edited = agreements.commitment_editor(preview, lang)
    agreements.show_warnings(preview, lang)
    agreements.show_changes(preview, lang)
    carry_on = agreements.carry_on_choice(preview, edited, lang)
    quarter = agreements.first_report_choice(preview, lang)
    if st.button(t("agreements.save", lang), type="primary", icon=":material/save:", key="agreement-save"):
        agreements.save(preview, user, edited, quarter, carry_on, lang)
