import streamlit as st

from core.i18n import t
from views import _ui as ui

lang = ui.language()
st.title(t("page.commitment", lang))
if not ui.has_data(lang):
    st.stop()

commitment_id = ui.commitment_picker(lang)
story = ui.story(commitment_id) if commitment_id is not None else None
if story is None:
    st.info(t("commitment.none", lang))
    st.stop()

st.header(f"{story.code} {story.text}")
st.markdown(ui.story_facts(story, lang))
if story.reports.empty:
    st.info(t("commitment.no_reports", lang))
    st.stop()
ui.show_chart(ui.story_chart(commitment_id, lang), lang, key="progress-line")
st.subheader(t("commitment.history", lang))
ui.history_table(story.reports, lang, title=f"{story.region} {story.code} – {t('commitment.history', lang).lower()}")
