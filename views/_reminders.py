"""The Rapportering page's reminders: those due, sending them, and the log of those sent."""

from __future__ import annotations

import contextlib

import streamlit as st

from core.db import connect
from core.rounds import sent_reminders
from core.users import User
from views import _data as data


def show(county_id: int, quarter: str, user: User, lang: str) -> None:
    """The reminders of the county's round for ``quarter``."""
    with _database() as db:
        sent = sent_reminders(db, quarter=quarter)
    for reminder in sent:
        st.text(f"{reminder.region}: {reminder.sent_at} ({reminder.outcome})")


@contextlib.contextmanager
def _database():
    with contextlib.closing(connect(data.database_file())) as db:
        yield db
