import itertools

import streamlit as st

from core import analysis
from core.dataset import CommitmentStory
from core.i18n import t
from core.lineage import Step
from views import _data as data
from views import _state as state
from views import _widgets as widgets

lang = state.language()
st.title(t("page.commitment", lang))
# The picker offers the commitments of the selected county's view.
st.caption(widgets.selection_text(lang, markdown=True))
if not widgets.has_data(lang):
    st.stop()


def lineage_lines(story: CommitmentStory) -> list[str]:
    """Where the story came from and went, in words, each commitment named a link to its page:
    "Videreført fra Viken 2022–2023 ([2.1](…))". Stored codes and names are shown as text."""

    def grouped(steps: tuple[Step, ...], direction: str) -> list[str]:
        lines = []
        for (kind, agreement), group in itertools.groupby(steps, key=lambda step: (step.kind, step.place.agreement)):
            places = [step.place for step in group]
            links = widgets.story_links([place.commitment_id for place in places])
            codes = ", ".join(
                f"[{widgets.markdown_literal(place.code, inline=True)}]({link})"
                for place, link in zip(places, links, strict=True)
            )
            agreement_text = widgets.markdown_literal(agreement, inline=True)
            lines.append(t(f"commitment.lineage.{direction}.{kind}", lang, agreement=agreement_text, codes=codes))
        return lines

    lines = [*grouped(story.carried_from, "from"), *grouped(story.carried_into, "into")]
    if story.ended is not None:
        place = story.ended.place
        values = {
            "agreement": widgets.markdown_literal(place.agreement, inline=True),
            "codes": widgets.markdown_literal(place.code, inline=True),
        }
        if story.ended.successor is None:
            lines.append(t("commitment.lineage.ended", lang, **values))
        else:
            successor = widgets.markdown_literal(story.ended.successor, inline=True)
            lines.append(t("commitment.lineage.ended_before", lang, successor=successor, **values))
    return lines


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
    for code, county_status, region_status in analysis.story_differences(story, data.quarter_in_view()):
        sentence = analysis.difference_sentence(code, county_status, region_status, lang)
        st.warning(widgets.markdown_literal(sentence), icon=":material/compare_arrows:")
    if not story.reports.empty:
        widgets.show_chart(data.story_chart(commitment_id, lang), lang, key="progress-line")
    st.subheader(t("commitment.history", lang))
    for line in lineage_lines(story):
        st.markdown(line)
    if story.reports.empty:
        st.info(t("commitment.no_reports", lang))
        return
    widgets.history_table(
        story.reports,
        lang,
        title=f"{story.region} {story.code} – {t('commitment.history', lang).lower()}",
        assessments=story.assessments,
    )


commitment_view()
