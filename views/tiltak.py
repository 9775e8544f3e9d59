import streamlit as st

from core.i18n import t
from views import _data as data
from views import _state as state
from views import _widgets as widgets

lang = state.language()
st.title(t("page.commitment", lang))
if not widgets.has_data(lang):
    st.stop()


# The picker and the story it opens change together and alone: a search or a choice reruns
# only this part, not the sidebar and the page around it.
@st.fragment
def commitment_view() -> None:
    commitment_id = widgets.commitment_picker(lang)
    story = data.story(commitment_id) if commitment_id is not None else None
    if commitment_id is None or story is None:
        st.info(t("commitment.none", lang))
        return
    st.header(widgets.markdown_literal(f"{story.code} {story.text}"))
    st.html(widgets.story_facts_html(story, lang))
    if story.reports.empty:
        st.info(t("commitment.no_reports", lang))
        return
    widgets.show_chart(data.story_chart(commitment_id, lang), lang, key="progress-line")
    st.subheader(t("commitment.history", lang))
    widgets.history_table(
        story.reports, lang, title=f"{story.region} {story.code} – {t('commitment.history', lang).lower()}"
    )


commitment_view()
