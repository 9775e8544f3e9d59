"""A failure of the machine (the database file read-only, damaged or gone, a full disk, a busy
database) shown as one line in the reader's language, in place of Streamlit's error box.

What each failure means is decided in core (core/faults.py); this only shows it. Anything else
goes on as it was raised: Streamlit's own control flow (st.rerun, st.stop, switch_page) is not
an Exception, and a bug keeps its error box and its traceback in the log.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

import streamlit as st

from core.db import database_path
from core.errors import DatabaseMissing, NotADatabase
from core.faults import fault
from core.filters import parse_language
from core.i18n import t
from views._state import CHOSEN_LANGUAGE_KEY, language
from views._widgets import error_message, markdown_literal

_LOG = logging.getLogger(__name__)
# What the person at the page can pass on, where the message alone names no remedy.
HINTS = {DatabaseMissing: "faults.database_missing_hint", NotADatabase: "faults.not_a_database_hint"}


@contextlib.contextmanager
def shown() -> Iterator[None]:
    """Run the block; a failure of the machine in it ends the run with its message on the page."""
    try:
        yield
    except Exception as error:
        named = fault(error, database_path())
        if named is None:
            raise
        # The operator reads the server's log, not the page: the fault is written there too.
        if named is error:
            _LOG.warning("%s", named.message("en"))
        else:
            _LOG.warning("%s (%s: %s)", named.message("en"), type(error).__name__, error)
        lang = _language()
        hint = next((t(key, lang) for kind, key in HINTS.items() if isinstance(named, kind)), None)
        st.error(error_message(named, lang) + (f" {markdown_literal(hint)}" if hint else ""), icon=":material/error:")


def _language() -> str:
    # A fault at the start of the first run comes before the URL's language is taken up.
    if CHOSEN_LANGUAGE_KEY in st.session_state:
        return language()
    return parse_language(st.query_params.get("lang", "")) or "nb"
