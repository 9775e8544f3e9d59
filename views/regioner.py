import streamlit as st

from core import analysis
from core.i18n import t
from core.vocabulary import quarter_label
from outputs import charts
from views import _data as data
from views import _state as state
from views import _widgets as widgets

lang, quarter = widgets.page_start("page.regions")
region = state.current_filters().region
if region is None:
    st.info(t("regions.choose", lang))
else:
    profile = data.profile(region, quarter)
    # Named as it was in the quarter shown (Follorådet in 2023), with what it is called now.
    st.header(widgets.markdown_literal(profile.name_then or profile.name))
    if profile.name_then:
        st.caption(widgets.t_literal("regions.now_called", lang, name=profile.name))
    agreement = widgets.t_literal("regions.agreement", lang, period=profile.agreement or profile.period or "")
    if profile.continues:
        agreement += " · " + widgets.t_literal("regions.continues", lang, previous=profile.continues)
    st.markdown(f"**{agreement}** · {widgets.markdown_literal(profile.title or '', inline=True)}")
    st.markdown(
        f"**{t('regions.members', lang)}:** "
        + widgets.markdown_literal(
            ", ".join(f"{name} ({number})" for number, name in profile.municipalities), inline=True
        )
    )
    st.subheader(t("regions.focus_areas", lang))
    for area in profile.focus_areas:
        st.html(widgets.focus_area_html(area, lang))
    table = data.computed(analysis.commitment_table, quarter)
    if table["status"].eq("not_reported").all():
        st.info(
            widgets.t_literal("regions.no_reports", lang, region=profile.name, quarter=quarter_label(quarter, lang))
        )
    widgets.show_chart(
        charts.progress_by_group(
            widgets.focus_area_labels(data.computed(analysis.focus_area_progress, quarter)), lang, group_by="focus_area"
        ),
        lang,
        key="focus-progress",
    )
    st.subheader(t("regions.commitments", lang))
    widgets.commitments_table(
        table,
        lang,
        "region-commitments",
        ("code", "text", "focus_area", "council_area", "status", "progress", "comment", "next_step", "owner"),
        title=f"{profile.name} – {t('regions.commitments', lang).lower()}",
    )

st.header(t("regions.side_by_side", lang))
widgets.show_chart(
    data.chart(
        charts.status_breakdown,
        analysis.status_breakdown,
        quarter,
        "region",
        lang=lang,
        all_regions=True,
        group_by="region",
    ),
    lang,
    key="regions-side-by-side",
)
