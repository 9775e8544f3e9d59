"""The Rapportering page's board: the county and quarter, each region's state in the round,
approving and reopening."""

from __future__ import annotations

import contextlib

import streamlit as st

from core.db import connect
from core.i18n import t
from core.organisation import find_county
from core.rounds import current_round, oslo_today, round_board, state_label
from core.users import User
from core.vocabulary import quarter_label
from views import _data as data


def choose_round(user: User, lang: str) -> tuple[int, str] | None:
    """The county in view and the quarter whose round to show (the one running by default)."""
    county = data.current_county_view().county
    if county is None:
        st.info(t("empty.database", lang))
        return None
    with _database() as db:
        county_id = find_county(db, county).id
    return county_id, current_round(oslo_today())


def show_board(county_id: int, quarter: str, user: User, lang: str) -> None:
    """Each region's state in the round for ``quarter``."""
    with _database() as db:
        board = round_board(db, county_id, quarter)
    st.header(quarter_label(quarter, lang))
    for entry in board:
        st.text(f"{entry.region}: {state_label(entry.state, lang)}")


@contextlib.contextmanager
def _database():
    with contextlib.closing(connect(data.database_file())) as db:
        yield db
