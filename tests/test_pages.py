"""Every page from the entry point, with filters, on a database the tests build."""

import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from core.access import set_reading_open
from core.db import connect
from core.register import Agreement, Commitment, FocusArea
from tests.builders import (
    ADMIN,
    FOLLO,
    IOR,
    SDG_9,
    HtmlTable,
    app,
    build_register,
    charts,
    commitment_id,
    html_tables,
    metrics,
)

pytestmark = pytest.mark.usefixtures("fresh_caches")


def test_overview_metrics_and_deltas_for_the_whole_county(register):
    at = app()
    assert [title.value for title in at.title] == ["Oversikt"]
    # 2024-Q2: 4 of 5 reported (IØR 1.2 not); all 4 were reported in 2024-Q1 too, so the changes
    # compare those 4: on track or completed 3 of 4 both times, which is no change.
    assert metrics(at) == [
        ("Rapportert", "4 av 5", ""),
        ("I rute eller fullført", "75\u00a0%", "\u00b10,0 pp"),
        ("I rute", "50\u00a0%", "\u221225,0 pp"),
        ("Forsinket", "25\u00a0%", "+25,0 pp"),
        ("Fullført", "25\u00a0%", "+25,0 pp"),
        ("Snittfremdrift", "49\u00a0%", "+26,2 pp"),
    ]
    # No change: no arrow and no colour; a fall in the share on track: down, red; more delayed: up, red.
    assert [(metric.proto.direction, metric.proto.color) for metric in at.metric][1:4] == [
        (MetricProto.MetricDirection.NONE, MetricProto.MetricColor.GRAY),
        (MetricProto.MetricDirection.DOWN, MetricProto.MetricColor.RED),
        (MetricProto.MetricDirection.UP, MetricProto.MetricColor.RED),
    ]
    assert at.caption[0].value == "Utvalg: Viken fylkeskommune (2020–2023) · 2. kv. 2024"
    assert at.caption[1].value.startswith("Sist oppdatert ") and "kari\\@viken.no" in at.caption[1].value
    assert at.caption[2].value == "2 av 2 regioner har rapportert for 2. kv. 2024 (4 av 5 tiltak)."
    assert at.caption[3].value == (
        "Andelene er av de 4 rapporterte tiltakene. Ikke rapportert: 1 tiltak (ukjent status, ikke regnet som "
        "forsinket)."
    )


def test_last_updated_is_in_oslo_time(register):
    db = connect()
    with db.conn:
        db.execute("UPDATE uploads SET uploaded_at = '2024-07-01T10:05:00+00:00'")
    db.close()
    at = app()
    assert at.caption[1].value.startswith("Sist oppdatert 01.07.2024 kl. 12:05 av ")


def test_overview_status_chart_holds_the_shares_per_quarter(register):
    at = app()
    status_chart = charts(at)[0]
    shares = {trace["name"]: [round(y) for y in trace["y"]] for trace in status_chart["data"]}
    # Shares of the reported, as the headline figures: 4 of 5 reported in 2024-Q2.
    assert shares == {
        "I rute": [60, 50],
        "Forsinket": [20, 25],
        "Fullført": [0, 25],
        "Ikke startet": [20, 0],
    }
    assert status_chart["data"][0]["x"] == ["1. kv. 2024<br>5 av 5 rapportert", "2. kv. 2024<br>4 av 5 rapportert"]
    assert at.caption[4].value == (
        "I 2. kv. 2024 var 50\u00a0% av 4 rapporterte tiltak i rute, 25\u00a0% forsinket, 25\u00a0% fullført og "
        "1 av 5 tiltak ikke rapportert."
    )


def test_overview_since_last_quarter_lists(register):
    at = app()
    assert [h.value for h in at.subheader] == [
        "Forsinket nå (1)",
        "Ikke rapportert for 2. kv. 2024 (1)",
        "Status per kvartal",
        "Andel i rute eller fullført per region og rådsområde",
        "Nylig forsinket (1)",
        "Nylig fullført (1)",
        "Fremdrift som går tilbake (1)",
        "Ikke oppdatert på to kvartaler eller mer (0)",
    ]
    tables = html_tables(at)
    assert tables["late-now"].headers == ["Nr", "Kvartaler forsinket", "Region", "Tiltak", "Kommentar", "Neste steg"]
    assert [row[:3] for row in tables["late-now"].rows] == [["1.1", "1", FOLLO]]
    follo_1_1 = f"tiltak?commitment={commitment_id(FOLLO, '1.1')}"
    follo_1_2 = f"tiltak?commitment={commitment_id(FOLLO, '1.2')}"
    assert tables["newly-delayed"] == HtmlTable(
        "Nylig forsinket",
        ["Nr", "Fremdrift", "Region", "Tiltak", "Rådsområde", "Kommentar"],
        [["1.1", "35\u00a0%", FOLLO, "Trafikksikkerhet ved skoler", "Samferdsel", "Venter på vegvesenet"]],
        [follo_1_1],
    )
    assert tables["newly-completed"] == HtmlTable(
        "Nylig fullført",
        ["Nr", "Region", "Tiltak", "Rådsområde", "Kommentar"],
        [["1.2", FOLLO, "Innfartsparkering", "Samferdsel", "Åpnet i mai"]],
        [follo_1_2],
    )
    assert tables["backwards"].rows == [
        ["1.1", "40\u00a0%", "35\u00a0%", FOLLO, "Trafikksikkerhet ved skoler", "Samferdsel", "Venter på vegvesenet"]
    ]
    assert "stale" not in tables  # an empty list says "Ingen." instead of drawing a table


def test_region_filter_from_the_url(register):
    at = app({"region": FOLLO})
    assert at.selectbox(key="region").value == FOLLO
    assert at.caption[0].value == "Utvalg: Viken fylkeskommune (2020–2023), Follorådet · 2. kv. 2024"
    assert metrics(at)[:3] == [
        ("Rapportert", "3 av 3", ""),
        ("I rute eller fullført", "67\u00a0%", "\u00b10,0 pp"),
        ("I rute", "33\u00a0%", "\u221233,3 pp"),
    ]


@pytest.mark.parametrize(
    "query, commitments",
    [
        ({"council": "Samferdsel"}, "2 av 3"),
        ({"council": "Samferdsel", "status": "Forsinket"}, "1 av 1"),
        ({"status": "Ikke rapportert"}, "0 av 1"),
        ({"hashtag": "#kompetanseløft"}, "1 av 1"),
        ({"sdg": SDG_9, "region": IOR}, "1 av 2"),
        ({"region": FOLLO, "status": "Fullført"}, "1 av 1"),
    ],
)
def test_filter_combinations_from_the_url(register, query, commitments):
    assert metrics(app(query))[0] == ("Rapportert", commitments, "")


def test_widgets_change_the_view_and_reset_clears_them(register):
    at = app()
    at.selectbox(key="council").set_value("Samferdsel").run()
    at.selectbox(key="status").set_value("delayed").run()
    assert metrics(at)[0] == ("Rapportert", "1 av 1", "")
    assert at.caption[0].value == "Utvalg: Viken fylkeskommune (2020–2023), Samferdsel, Forsinket · 2. kv. 2024"
    at.button[0].click().run()
    assert (at.selectbox(key="council").value, at.selectbox(key="status").value) == (None, None)
    assert metrics(at)[0] == ("Rapportert", "4 av 5", "")


def test_choosing_an_earlier_quarter(register):
    at = app({"quarter": "1. kv. 2024"})
    assert metrics(at)[2] == ("I rute", "60\u00a0%", "")
    assert at.caption[0].value == "Utvalg: Viken fylkeskommune (2020–2023) · 1. kv. 2024"


def test_filter_matching_nothing_says_so(register):
    at = app({"region": IOR, "council": "Utdanning og kompetanse"})
    assert [warning.value for warning in at.warning] == [
        "Ingen tiltak passer til filtrene. Velg et bredere utvalg eller trykk «Nullstill filtre»."
    ]


def test_english_switch_changes_the_labels(register):
    at = app({"lang": "English"})
    assert [title.value for title in at.title] == ["Overview"]
    assert [m[0] for m in metrics(at)] == [
        "Reported",
        "On track or completed",
        "On track",
        "Delayed",
        "Completed",
        "Average progress",
    ]
    assert metrics(at)[1:3] == [("On track or completed", "75%", "\u00b10.0 pp"), ("On track", "50%", "\u221225.0 pp")]
    assert at.caption[2].value == "2 of 2 regions have reported for Q2 2024 (4 of 5 commitments)."
    assert at.selectbox(key="region").label == "Region"
    assert at.selectbox(key="council").label == "Council area"


def test_regions_page_for_one_region(register):
    at = app({"region": FOLLO}, "views/regioner.py")
    assert [h.value for h in at.header][:1] == [FOLLO]
    markdown = " ".join(m.value for m in at.markdown)
    assert "Avtale Viken 2023–2024" in markdown and "Nordre Follo (3020), Ås (3021)" in markdown
    focus_chart = charts(at)[0]
    assert [round(x) for x in focus_chart["data"][0]["x"]] == [68, 10]
    commitments = html_tables(at)["region-commitments"]
    assert commitments.headers[:3] == ["Nr", "Status", "Fremdrift"]
    assert [row[:3] for row in commitments.rows] == [
        ["1.1", "Forsinket", "35\u00a0%"],
        ["1.2", "Fullført", "100\u00a0%"],
        ["2.1", "I rute", "10\u00a0%"],
    ]
    assert [row[commitments.headers.index("Neste steg")] for row in commitments.rows] == ["Nytt møte", "", ""]
    # The links keep the filters in force.
    assert commitments.links == [
        f"tiltak?region=folloradet&commitment={commitment_id(FOLLO, code)}" for code in ("1.1", "1.2", "2.1")
    ]


def test_regions_page_without_a_region_compares_all(register):
    at = app(page="views/regioner.py")
    assert at.info[0].value.startswith("Velg en region")
    side_by_side = charts(at)[0]
    assert sorted(set(side_by_side["data"][0]["y"])) == sorted([FOLLO, IOR])


def test_council_areas_page(register):
    at = app({"council": "Samferdsel"}, "views/radsomrader.py")
    assert [h.value for h in at.header][:1] == ["Samferdsel"]
    tables = html_tables(at)
    assert tables["late"].headers == [
        "Nr",
        "Fremdrift",
        "Kvartaler forsinket",
        "Region",
        "Tiltak",
        "Rådsområde",
        "Kommentar",
        "Neste steg",
    ]
    assert [(row[3], row[0]) for row in tables["late"].rows] == [(FOLLO, "1.1")]
    assert tables["unreported"].headers == ["Nr", "Region", "Tiltak", "Rådsområde", "Sist rapportert"]
    assert [(row[1], row[0], row[4]) for row in tables["unreported"].rows] == [(IOR, "1.2", "1. kv. 2024")]


def test_sdg_page_tiles_and_drilldown(register):
    at = app(page="views/baerekraftsmal.py")
    tiles = at.get("html")[0].proto.body
    assert tiles.count("<li") == 17
    assert "SDG 9</strong><br>Industri, innovasjon og infrastruktur" in tiles
    # IØR 1.1 on track, IØR 1.2 not reported: the share is of the one reported.
    assert "2 tiltak · 100\u00a0% i rute eller fullført" in tiles
    at = app({"sdg": SDG_9}, "views/baerekraftsmal.py")
    assert at.header[1].value == f"{SDG_9} per region og innsatsområde"
    assert [trace["name"] for trace in charts(at)[0]["data"]] == ["I rute", "Ikke rapportert"]


def test_commitment_page_from_a_link(register):
    db = connect()
    [[commitment_id]] = db.execute(
        "SELECT c.id FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
        "JOIN regions r ON r.id = a.region_id WHERE r.name = ? AND c.code = '1.1'",
        (FOLLO,),
    ).fetchall()
    db.close()
    at = app({"commitment": str(commitment_id)}, "views/tiltak.py")
    assert at.header[0].value == "1.1 Trafikksikkerhet ved skoler"
    line = charts(at)[0]
    assert [point for trace in line["data"] for point in trace.get("y", [])][:2] == [40, 35]
    history = html_tables(at)["history"]
    assert history.headers == ["Kvartal", "Avtale", "Status", "Fremdrift", "Kommentar", "Neste steg", "Ansvarlig"]
    # Oldest first: a story read as it happened, across agreements (tests/test_lineage.py).
    assert history.rows == [
        ["1. kv. 2024", "Viken 2023–2024 · 1.1", "I rute", "40\u00a0%", "", "", ""],
        ["2. kv. 2024", "Viken 2023–2024 · 1.1", "Forsinket", "35\u00a0%", "Venter på vegvesenet", "Nytt møte", ""],
    ]


def test_commitment_facts_are_drawn_as_badges_with_stored_text_escaped(register):
    db = connect()
    [[commitment_id, focus_area_id]] = db.execute(
        "SELECT c.id, c.focus_area_id FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
        "JOIN regions r ON r.id = a.region_id WHERE r.name = ? AND c.code = '1.1'",
        (FOLLO,),
    ).fetchall()
    with db.conn:
        db.execute("UPDATE focus_areas SET hashtag = '<img src=x onerror=alert(1)>' WHERE id = ?", (focus_area_id,))
    db.close()
    at = app({"commitment": str(commitment_id)}, "views/tiltak.py")
    [facts] = [element.proto.body for element in at.main.get("html") if "<p>" in element.proto.body]
    assert "&lt;img src=x onerror=alert(1)&gt;" in facts and "<img" not in facts
    assert '<span style="background:' in facts and "SDG " in facts
    # Nothing of it reaches Markdown, where the badges showed as raw <span …> text.
    assert [element.value for element in at.markdown if "<span" in element.value] == []


def test_commitment_page_without_a_choice(register):
    at = app(page="views/tiltak.py")
    assert at.info[0].value.startswith("Velg et tiltak")


@pytest.mark.parametrize("requested", ["99999999999999999999", "0", "abc"])
def test_commitment_page_with_an_id_that_cannot_be(register, requested):
    at = app({"commitment": requested}, "views/tiltak.py")
    assert not at.exception
    assert at.info[0].value.startswith("Velg et tiltak")


@pytest.mark.parametrize(
    "page",
    ["views/oversikt.py", "views/regioner.py", "views/radsomrader.py", "views/baerekraftsmal.py", "views/tiltak.py"],
)
def test_every_page_on_an_empty_database(db, page):
    set_reading_open(db, True, user=ADMIN)
    at = app(page=page)
    assert [info.value for info in at.info][:1] == [
        "Databasen er tom. Last inn en avtale og kvartalsstatus med `python -m loaders`, "
        "eller bygg demodataene med `python -m loaders demo`."
    ]


def test_a_region_without_reports(register):
    build_register(
        register,
        regions={
            "Hallingdal": {
                "agreements": [
                    Agreement(
                        "2023-2024",
                        [FocusArea("1", "Reiseliv", "#reiseliv", [8])],
                        [Commitment("1.1", "Helårsturisme", "1", "Næring og tannhelse")],
                    )
                ]
            }
        },
    )
    at = app({"region": "Hallingdal"}, "views/regioner.py")
    assert "Hallingdal har ingen statusrapporter for 2. kv. 2024." in [info.value for info in at.info]
