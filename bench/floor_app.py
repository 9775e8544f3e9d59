"""The floor page for bench/bench_load.py: one 10-bar Plotly chart and one 100-row table, nothing else.

Served by ``streamlit run`` with the dashboard's own .streamlit/config.toml, so a page's cost over
this one is the page's own, not the server's. The same page as bench/bench_pages.py's floor.
"""

import pandas as pd
import plotly.express as px
import streamlit as st

bars = pd.DataFrame({"region": [f"Region {n}" for n in range(10)], "tiltak": range(10, 20)})
st.plotly_chart(px.bar(bars, x="region", y="tiltak"))
rows = pd.DataFrame(
    {"nr": range(100), "tekst": [f"Tiltak {n}" for n in range(100)], "fremdrift": [n % 101 for n in range(100)]}
)
st.dataframe(rows)
