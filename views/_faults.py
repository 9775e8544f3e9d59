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
from views._state import language
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
        st.error(error_message(named, language()), icon=":material/error:")
