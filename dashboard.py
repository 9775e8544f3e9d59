"""Partnerskapsmonitor: the Streamlit entry point."""

import streamlit as st

st.set_page_config(page_title="Partnerskapsmonitor", layout="wide")
navigation = st.navigation([st.Page("pages/oversikt.py", title="Oversikt", default=True)])
navigation.run()
