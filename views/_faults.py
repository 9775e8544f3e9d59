"""A failure of the machine (the database file read-only, damaged or gone, a full disk, a busy
database) shown as one line in the reader's language, in place of Streamlit's error box.

What each failure means is decided in core (core/faults.py); this only shows it. Anything else
goes on as it was raised: Streamlit's own control flow (st.rerun, st.stop, switch_page) is not
an Exception, and a bug keeps its error box and its traceback in the log.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import streamlit as st

from core.db import database_path
from core.faults import fault
from core.filters import parse_language
from views._state import CHOSEN_LANGUAGE_KEY, language
from views._widgets import error_message


@contextlib.contextmanager
def shown() -> Iterator[None]:
    """Run the block; a failure of the machine in it ends the run with its message on the page."""
    try:
        yield
    except Exception as error:
        named = fault(error, database_path())
        if named is None:
            raise
        st.error(error_message(named, _language()), icon=":material/error:")


def _language() -> str:
    # A fault at the start of the first run comes before the URL's language is taken up.
    if CHOSEN_LANGUAGE_KEY in st.session_state:
        return language()
    return parse_language(st.query_params.get("lang", "")) or "nb"
