"""Logg inn: through the county's identity provider when configured, else with a local account."""

import streamlit as st

from core.i18n import t
from views import _signin as signin
from views import _state as state
from views._state import URL_PARAMS

lang = state.language()
visitor = signin.current()
if visitor.user is not None:
    # switch_page clears the address and the widgets: the rest of the address is handed on,
    # and the filters and language in canonical form, to be read again by the next run.
    kept = {key: value for key, value in st.query_params.to_dict().items() if key not in URL_PARAMS}
    st.switch_page("views/oversikt.py", query_params={**kept, **state.handed_over_url()})
st.title(t("page.sign_in", lang))
if not visitor.reading_open:
    st.info(t("signin.closed_reading", lang), icon=":material/lock:")
signin.sign_in_choices(visitor, lang)
