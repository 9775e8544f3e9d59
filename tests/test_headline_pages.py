"""The headline on Oversikt while one region alone has reported a new quarter (issue 11):
the coverage line, the complete quarter as default, the new one provisional, unknown as grey
"–", like-for-like changes, what is late now and who has not reported."""

import io

import openpyxl
import pypdfium2
import pytest
from PIL import Image
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from outputs import report
from outputs.charts import TEXT_COLOUR
from tests.builders import FOLLO, IOR, add_reports, app, charts, download, html_tables, made_pdf, metrics

pytestmark = pytest.mark.usefixtures("fresh_caches")

OUT_OF_DATE = (
    "Den nyeste rapporten i utvalget er for {quarter}, mer enn ett kvartal tilbake. Tallene kan være utdaterte."
)


@pytest.fixture
def new_quarter(register):
    """The page register (Follo and IØR, 2024-Q1 and Q2), and IØR alone in 2024-Q3."""
    add_reports(
        register,
        [
            (IOR, "1.1", "2024-Q3", "completed", 100, "Levert"),
            (IOR, "1.2", "2024-Q3", "delayed", 20, "Mangler midler", "Søke midler"),
        ],
        user="kari@viken.no",
    )
    return register


def late_and_missing(at):
    """Forsinket nå as (region, code, quarters delayed, comment, next step); Ikke rapportert as drawn."""
    late = html_tables(at)["late-now"]
    columns = [late.headers.index(name) for name in ("Region", "Nr", "Kvartaler forsinket", "Kommentar", "Neste steg")]
    missing = html_tables(at)["not-reported"]
    return (
        [tuple(row[column] for column in columns) for row in late.rows],
        [tuple(row) for row in missing.rows],
    )


def test_the_default_quarter_is_the_latest_complete_one(new_quarter):
    at = app()
    assert at.caption[0].value == "Utvalg: Viken fylkeskommune (2020–2023) · 2. kv. 2024"
    assert at.caption[2].value == "2 av 2 regioner har rapportert for 2. kv. 2024 (4 av 5 tiltak)."
    quarter = at.selectbox(key="quarter")
    assert (quarter.value, quarter.placeholder) == (None, "Siste komplette (2. kv. 2024)")
    assert quarter.options == ["3. kv. 2024 (foreløpig)", "2. kv. 2024", "1. kv. 2024"]
    assert metrics(at)[:2] == [("Rapportert", "4 av 5", ""), ("I rute eller fullført", "75\u00a0%", "\u00b10,0 pp")]
    assert [info.value for info in at.main.info] == [
        "Det finnes foreløpige tall for 3. kv. 2024, der ikke alle regioner har rapportert ennå. "
        "Velg kvartalet under «Kvartal» for å se dem."
    ]
    # The newest report is the provisional quarter's: that one is old too.
    assert [warning.value for warning in at.warning] == [OUT_OF_DATE.format(quarter="3. kv. 2024")]
    assert late_and_missing(at) == (
        [(FOLLO, "1.1", "1", "Venter på vegvesenet", "Nytt møte")],
        [(IOR, "1", "1 av 2", "2. kv. 2024")],
    )


def test_the_new_quarter_is_provisional_with_unknowns_grey_and_like_for_like_changes(new_quarter):
    at = app()
    at.selectbox(key="quarter").select_index(0).run()

    assert at.caption[0].value == "Utvalg: Viken fylkeskommune (2020–2023) · 3. kv. 2024 (foreløpig)"
    assert not at.main.info
    assert [warning.value for warning in at.warning] == [
        "1 av 2 regioner har rapportert for 3. kv. 2024 (2 av 5 tiltak). "
        "Foreløpige tall: ikke alle regioner har rapportert for kvartalet ennå.",
        OUT_OF_DATE.format(quarter="3. kv. 2024"),
    ]
    # Shares of the 2 reported; the changes compare IØR 1.1 alone, the one reported in both
    # quarters (on track at 50 % in 2024-Q2, completed now): still a success, so no change there.
    assert metrics(at) == [
        ("Rapportert", "2 av 5", ""),
        ("I rute eller fullført", "50\u00a0%", "\u00b10,0 pp"),
        ("I rute", "0\u00a0%", "\u2212100,0 pp"),
        ("Forsinket", "50\u00a0%", "\u00b10,0 pp"),
        ("Fullført", "50\u00a0%", "+100,0 pp"),
        ("Snittfremdrift", "60\u00a0%", "+50,0 pp"),
    ]
    assert [(metric.proto.direction, metric.proto.color) for metric in at.metric][1:3] == [
        (MetricProto.MetricDirection.NONE, MetricProto.MetricColor.GRAY),
        (MetricProto.MetricDirection.DOWN, MetricProto.MetricColor.RED),
    ]
    assert at.metric[1].help == ("Endring fra 2. kv. 2024 i prosentpoeng, for 1 tiltak rapportert i begge kvartalene.")
    # The coverage line is the warning above, so the note on the shares follows "Sist oppdatert".
    assert at.caption[2].value == (
        "Andelene er av de 2 rapporterte tiltakene. Ikke rapportert: 3 tiltak (ukjent status, ikke regnet som "
        "forsinket)."
    )

    heatmap = charts(at)[1]
    # Grey "–" where nothing is reported; each share in the text colour its cell needs.
    assert [(layer["z"], layer["text"], layer["textfont"]["color"]) for layer in heatmap["data"]] == [
        ([[None, 0, None], [None, None, 0]], [["", "", ""], ["", "", ""]], TEXT_COLOUR),
        ([[1, None, 1], [None, None, None]], [["–", "", "–"], ["", "", ""]], TEXT_COLOUR),
        ([[None, None, None], [0, None, None]], [["", "", ""], ["0\u00a0%", "", ""]], "#000000"),
        ([[None, None, None], [None, 100, None]], [["", "", ""], ["", "100\u00a0%", ""]], "#FFFFFF"),
    ]
    assert heatmap["layout"]["xaxis"]["ticktext"] == [
        "Samferdsel",
        "Næring og<br>tannhelse",
        "Utdanning og<br>kompetanse",
    ]
    assert "annotations" not in heatmap["layout"]

    assert late_and_missing(at) == (
        [(IOR, "1.2", "1", "Mangler midler", "Søke midler")],
        [(FOLLO, "3", "0 av 3", "2. kv. 2024")],
    )


def test_the_headline_in_english(new_quarter):
    at = app({"lang": "English"})
    assert at.caption[2].value == "2 of 2 regions have reported for Q2 2024 (4 of 5 commitments)."
    at.selectbox(key="quarter").select_index(0).run()
    assert at.warning[0].value == (
        "1 of 2 regions has reported for Q3 2024 (2 of 5 commitments). "
        "Provisional figures: not every region has reported for the quarter yet."
    )
    assert at.selectbox(key="quarter").options[0] == "Q3 2024 (provisional)"
    assert [header.value for header in at.subheader][:2] == ["Delayed now (1)", "Not reported for Q3 2024 (1)"]


def test_last_updated_is_for_the_selection(new_quarter):
    # IØR's 2024-Q3 upload is the newest, but Follo's figures were last changed by the one before it.
    uploads = [row[0] for row in new_quarter.execute("SELECT id FROM uploads ORDER BY id")]
    new_quarter.execute("UPDATE uploads SET uploaded_at = '2024-07-01T10:05:00+00:00' WHERE id = ?", [uploads[0]])
    new_quarter.execute("UPDATE uploads SET uploaded_at = '2024-10-02T08:00:00+00:00' WHERE id = ?", [uploads[-1]])
    new_quarter.conn.commit()
    follo = app({"region": FOLLO})
    assert follo.caption[1].value.startswith("Sist oppdatert 01.07.2024 kl. 12:05 av ")
    ior = app({"region": IOR})
    ior.selectbox(key="quarter").select_index(0).run()
    assert ior.caption[1].value.startswith("Sist oppdatert 02.10.2024 kl. 10:00 av ")
    # A selection without reports names no upload at all: another region's says nothing about it.
    nothing = app({"region": FOLLO, "status": "cancelled"})
    assert not [caption.value for caption in nothing.caption if caption.value.startswith("Sist oppdatert")]


def test_eksport_builds_the_report_for_a_provisional_quarter_with_the_commentary_typed(
    new_quarter, downloads, monkeypatch
):
    blank = io.BytesIO()
    Image.new("RGBA", (8, 4), "white").save(blank, "PNG")
    monkeypatch.setattr(report, "render_charts", lambda figures: [blank.getvalue()] * len(figures))
    at = app(page="views/eksport.py")
    at.selectbox(key="quarter").select_index(0).run()
    at.text_area(key="report-commentary").input("Vedtak i fylkestinget\n:red[viktig] & <b>ikke fet</b>").run()

    book = openpyxl.load_workbook(io.BytesIO(download(at, downloads, "report-xlsx").data))
    summary = [list(row) for row in book["Sammendrag"].iter_rows(values_only=True)]
    assert summary[0][0] == "Kvartalsrapport – 3. kv. 2024 (foreløpig)"
    assert summary[1][0].endswith(
        " · 1 av 2 regioner har rapportert for 3. kv. 2024 (2 av 5 tiltak). "
        "Foreløpige tall: ikke alle regioner har rapportert for kvartalet ennå."
    )
    assert summary[3][-2:] == ["I rute eller fullført (av rapporterte)", "Snittfremdrift"]
    assert summary[-1] == ["Totalt", 5, 0, 1, 1, 0, 0, 3, 0.5, 0.6]

    brief = pypdfium2.PdfDocument(made_pdf(at, downloads).data)
    lines = "\n".join(page.get_textpage().get_text_range() for page in brief).replace("\r", "").split("\n")
    assert lines[1:8] == [
        "Kvartalsrapport – 3. kv. 2024 (foreløpig)",
        "Viken fylkeskommune (2020–2023)",
        "Utvalg: Viken fylkeskommune (2020–2023) · 3. kv. 2024 (foreløpig)",
        lines[4],
        "1 av 2 regioner har rapportert for 3. kv. 2024 (2 av 5 tiltak). Foreløpige tall: ikke alle regioner har",
        "rapportert for kvartalet ennå.",
        "Kommentar",
    ]
    assert lines[8:10] == ["Vedtak i fylkestinget", ":red[viktig] & <b>ikke fet</b>"]
