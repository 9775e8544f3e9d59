"""The Rapportering page's editor of the county's own assessment, beside each region's report."""

from __future__ import annotations

import contextlib

import streamlit as st

from core.db import connect
from core.rounds import assessments
from core.users import User
from views import _data as data


def editor(county_id: int, quarter: str, user: User, lang: str) -> None:
    """The county's assessments for ``quarter``, to read and (for those who may) to change."""
    with _database() as db:
        standing = assessments(db, quarter=quarter)
    for assessment in standing:
        st.text(f"{assessment.commitment_id}: {assessment.status}")


@contextlib.contextmanager
def _database():
    with contextlib.closing(connect(data.database_file())) as db:
        yield db
