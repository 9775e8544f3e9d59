"""What a browser session holds between runs: the language, the current filters and one-off messages.

The filters' widgets write here (views._widgets.sidebar_filters); everything else reads.
"""

from __future__ import annotations

import streamlit as st

from core.filters import Filters

FILTER_KEYS = ("region", "council", "sdg", "hashtag", "status", "quarter")


LANGUAGE_KEY = "lang"


# The URL holds a bound widget's option as shown, so the names are the options: ?lang=English.
LANGUAGE_NAMES = {"Norsk": "nb", "English": "en"}


def language() -> str:
    return LANGUAGE_NAMES.get(st.session_state.get(LANGUAGE_KEY, "Norsk"), "nb")


def current_filters() -> Filters:
    return st.session_state.get("_filters", Filters())


FLASH_KEY = "_flash"


def flash(kind: str, text: str) -> None:
    """A message (st.success, st.info, st.error …) for the next run, e.g. from a button's callback."""
    st.session_state[FLASH_KEY] = (kind, text)


def show_flash() -> None:
    found = st.session_state.pop(FLASH_KEY, None)
    if found:
        getattr(st, found[0])(found[1])
