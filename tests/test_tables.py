"""The HTML tables (views._tables): stored text shown as typed, long lists cut with a note, and the
overview's heatmap as a list for phones."""

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core.db import connect
from tests.builders import FOLLO, IOR, app, commitment_id, html_tables

pytestmark = pytest.mark.usefixtures("fresh_caches")

TYPED_COMMENT = "<img src=x onerror=alert(1)> ![x](http://127.0.0.1:9/x) :red[rødt] **fet**"
TYPED_TEXT = 'Trafikksikkerhet <b>ved</b> "skoler" & [lenke](javascript:alert(1))'


def test_stored_text_in_a_table_is_escaped_and_shown_as_typed(register):
    follo_1_1 = commitment_id(FOLLO, "1.1")
    db = connect()
    with db.conn:
        db.execute("UPDATE commitments SET text = ? WHERE id = ?", (TYPED_TEXT, follo_1_1))
        db.execute(
            "UPDATE status_reports SET comment = ?, next_step = 'linje 1\nlinje 2' "
            "WHERE commitment_id = ? AND quarter = '2024-Q2'",
            (TYPED_COMMENT, follo_1_1),
        )
    db.close()
    at = app({"region": FOLLO}, "views/regioner.py")
    table = html_tables(at)["region-commitments"]
    assert table.rows[0] == [
        "1.1",
        "Forsinket",
        "35\u00a0%",
        TYPED_TEXT,
        "Mobilitet",
        "Samferdsel",
        TYPED_COMMENT,
        "linje 1\nlinje 2",
        "",
    ]
    [body] = [element.proto.body for element in at.get("html") if 'id="table-region-commitments"' in element.proto.body]
    # Only the table's own tags: no image, bold or link from the stored text.
    assert "<img" not in body and "<b>" not in body and 'href="javascript' not in body
    assert "&lt;img src=x onerror=alert(1)&gt; ![x](http://127.0.0.1:9/x)" in body
    assert body.count("<a ") == 3  # one link per row, on the code


def _long_list() -> None:
    from views import _tables as tables

    def rows(start, stop):
        return [
            [tables.short_cell(f"1.{number}"), tables.text_cell(f"Tiltak {number}")] for number in range(start, stop)
        ]

    tables.show_table("Lang liste", ["Nr", "Tiltak"], rows, 120, "nb", "long")


def pager(at):
    """The paged table's buttons (label, disabled) and its caption."""
    buttons = [(button.label, button.disabled) for button in at.button if button.key.startswith("long-")]
    return buttons, [caption.value for caption in at.caption]


def test_a_long_list_is_paged_50_rows_a_page_and_says_where_the_rest_is():
    at = AppTest.from_function(_long_list).run()
    assert html_tables(at)["long"].headers == ["Nr", "Tiltak"]
    assert html_tables(at)["long"].rows == [[f"1.{number}", f"Tiltak {number}"] for number in range(50)]
    assert pager(at) == (
        [("Forrige", True), ("Neste", False)],
        ["Rad 1–50 av 120. Hele listen er i Excel- og CSV-filen under."],
    )
    at.button(key="long-next").click().run()
    assert html_tables(at)["long"].rows == [[f"1.{number}", f"Tiltak {number}"] for number in range(50, 100)]
    assert pager(at) == (
        [("Forrige", False), ("Neste", False)],
        ["Rad 51–100 av 120. Hele listen er i Excel- og CSV-filen under."],
    )
    at.button(key="long-next").click().run()
    assert html_tables(at)["long"].rows == [[f"1.{number}", f"Tiltak {number}"] for number in range(100, 120)]
    assert pager(at) == (
        [("Forrige", False), ("Neste", True)],
        ["Rad 101–120 av 120. Hele listen er i Excel- og CSV-filen under."],
    )
    at.button(key="long-previous").click().run()
    assert html_tables(at)["long"].rows[0] == ["1.50", "Tiltak 50"]


def _grown_shorter() -> None:
    import streamlit as st

    from views import _tables as tables

    st.session_state["_page-short"] = 7
    rows = [[tables.short_cell(str(number))] for number in range(60)]
    tables.show_table("Kortere nå", ["Nr"], rows, len(rows), "en", "short")


def test_a_list_grown_shorter_than_its_page_shows_its_last_page():
    at = AppTest.from_function(_grown_shorter).run()
    assert html_tables(at)["short"].rows == [[str(number)] for number in range(50, 60)]
    assert [caption.value for caption in at.caption] == [
        "Rows 51–60 of 60. The whole list is in the Excel and CSV files below."
    ]


def _short_list() -> None:
    from views import _tables as tables

    tables.show_table("Kort", ["Nr"], [[tables.short_cell("1.1")]], 1, "nb", "kort")


def test_a_short_list_has_no_pager():
    at = AppTest.from_function(_short_list).run()
    assert (html_tables(at)["kort"].rows, len(at.button), len(at.caption)) == ([["1.1"]], 0, 0)


def _long_heatmap() -> None:
    import pandas as pd

    from views import _tables as tables

    frame = pd.DataFrame(
        {"Region": [f"Region {n:03d}" for n in range(120)], "Samferdsel": ["1 av 2 (50\u00a0%)"] * 120}
    )
    tables.show_narrow_list(frame, "Andel i rute", "nb", "heatmap-narrow")


def test_a_long_list_for_phones_is_paged_and_its_pager_shows_only_on_a_phone():
    from views._tables import PAGE_STYLE

    at = AppTest.from_function(_long_heatmap).run()
    assert at.button(key="heatmap-narrow-next").disabled is False
    at.button(key="heatmap-narrow-next").click().run()
    [body] = [element.proto.body for element in at.get("html")]
    regions = re.findall(r"<li><strong>(Region \d+)</strong>", body)
    assert (regions[0], regions[-1], len(regions)) == ("Region 050", "Region 099", 50)
    assert [caption.value for caption in at.caption] == [
        "Rad 51–100 av 120. Hele listen er i Excel- og CSV-filen under."
    ]
    # The page style hides the list and its pager (a container keyed "narrow-only-…") on wider screens.
    assert '.pm-narrow-only, [class*="st-key-narrow-only-"] { display: none !important; }' in PAGE_STYLE


def test_flagged_rows_are_marked_and_every_cell_names_its_column():
    from views._tables import short_cell, table_html, text_cell

    drawn = table_html(
        "Endringer", ["Nr", "Endring"], [[short_cell("1.1"), text_cell("⚠ Nylig forsinket")]], "review", [True]
    )
    assert drawn == (
        '<div class="pm-table" id="table-review"><table><caption>Endringer</caption>'
        '<thead><tr><th scope="col">Nr</th><th scope="col">Endring</th></tr></thead>'
        '<tbody><tr class="pm-flag"><td class="pm-nowrap" data-label="Nr">1.1</td>'
        '<td class="" data-label="Endring">⚠ Nylig forsinket</td></tr></tbody></table></div>'
    )


def test_the_heatmap_list_for_phones_holds_the_chart_s_figures():
    # A cell without commitments (None) is left out; one given as text is shown as given.
    from views._tables import narrow_list_html

    figures = pd.DataFrame(
        {"Region": ["Follo <rådet>", IOR], "Samferdsel": ["1 av 2 (50 %)", "–"], "Kultur": [None, "0 av 1 (0 %)"]}
    )
    assert narrow_list_html(figures, "Andel i rute") == (
        '<div class="pm-narrow-only" role="region" aria-label="Andel i rute"><ul style="padding-left:1rem;margin:0">'
        "<li><strong>Follo &lt;rådet&gt;</strong><ul><li>Samferdsel: <strong>1 av 2 (50 %)</strong></li></ul></li>"
        f"<li><strong>{IOR}</strong><ul><li>Samferdsel: <strong>–</strong></li>"
        "<li>Kultur: <strong>0 av 1 (0 %)</strong></li></ul></li></ul></div>"
    )


def test_the_overview_draws_the_heatmap_list_beside_the_chart(register):
    at = app()
    [narrow] = [
        element.proto.body for element in at.get("html") if element.proto.body.startswith('<div class="pm-narrow-only')
    ]
    assert narrow.startswith(
        '<div class="pm-narrow-only" role="region" aria-label="Andel i rute eller fullført per region'
    )
    assert f"<li><strong>{FOLLO}</strong><ul><li>Samferdsel: <strong>" in narrow
