"""Rapportering: the quarterly round for the county in view. Who has delivered for the quarter and
who is late, with each region's contact and last upload; approving a region's report (which locks
the quarter for it) and reopening it; reminders by e-mail; the county's own assessment beside the
region's. For those who report and for administrators."""

import streamlit as st

from core.i18n import t
from views import _assessment as assessment
from views import _reminders as reminders
from views import _round as round_
from views import _signin as signin
from views import _state as state

lang = state.language()
st.title(t("page.round", lang))
user = signin.reporting_user(lang)
state.show_flash()

chosen = round_.choose_round(user, lang)
if chosen is not None:
    county_id, quarter = chosen
    round_.show_board(county_id, quarter, user, lang)
    reminders.show(county_id, quarter, user, lang)
    assessment.editor(county_id, quarter, user, lang)
