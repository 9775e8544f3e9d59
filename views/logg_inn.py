"""Logg inn: through the county's identity provider when configured, else with a local account."""

import streamlit as st

from core.i18n import t
from views import _signin as signin
from views import _state as state

lang = state.language()
visitor = signin.current()
if visitor.user is not None:
    st.switch_page("views/oversikt.py")
st.title(t("page.sign_in", lang))
if not visitor.reading_open:
    st.info(t("signin.closed_reading", lang), icon=":material/lock:")
if visitor.oidc:
    signin.identity_provider_button(visitor, lang)
elif not signin.any_accounts():
    st.warning(t("signin.no_accounts", lang), icon=":material/person_add:")
else:
    st.caption(t("signin.local_intro", lang))
    signin.password_form(lang)
