import contextlib

import pandas as pd
import streamlit as st

from core.db import connect
from core.queries import status_rows
from core.vocabulary import quarter_label, status_label

st.title("Partnerskapsmonitor")
with contextlib.closing(connect()) as db:
    rows = status_rows(db)
if not rows:
    st.info("Databasen har ingen statusrapporter ennå. Last inn en statusfil med `python -m loaders status FIL`.")
    st.stop()
reports = pd.DataFrame(rows)
quarters = sorted(reports["quarter"].unique(), reverse=True)
quarter = st.selectbox("Kvartal", quarters, format_func=quarter_label)
shown = reports[reports["quarter"] == quarter].assign(status=lambda frame: frame["status"].map(status_label))
st.dataframe(
    shown[["region", "code", "status", "progress", "comment"]],
    column_config={
        "region": "Region",
        "code": "Nr",
        "status": "Status",
        "progress": st.column_config.ProgressColumn("Fremdrift", min_value=0, max_value=100, format="%d %%"),
        "comment": "Kommentar",
    },
    hide_index=True,
)
