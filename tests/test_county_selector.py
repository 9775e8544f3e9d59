"""The county selector (issue 15): "hele fylket" is the county selected. Its view holds its own
agreements and those they continue, so Østfold's regions keep their Viken years; Viken's view holds
only Viken's. The county is in the link (``fylke``), the sidebar, every page's caption, the exports
and the brief; the units offered are the county's own."""

import dataclasses
import datetime as dt
import io

import openpyxl
import pypdfium2
import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from core.access import set_reading_open
from core.dataset import load_dataset
from core.db import write_transaction
from core.filters import (
    FilterOptions,
    Filters,
    UrlFilters,
    agreement_counties,
    apply_filters,
    county_label,
    default_county,
    filter_options,
    read_url_filters,
    url_params,
)
from core.organisation import (
    ensure_county,
    find_county,
    rename_region,
    set_council_areas,
    set_region_county,
    set_successors,
)
from core.queries import agreement_council_areas
from core.register import Agreement, Commitment, agreement_for, ensure_region, find_region, save_agreement
from core.settings import SETTINGS_BY_NAME
from core.users import User
from loaders.catalogue import read_catalogue
from loaders.errors import CatalogueRejected
from outputs import report
from tests.builders import VIKEN_UNITS, add_accounts, add_reports, app, download, kari_user, metrics
from views import _signin as signin

VIKEN = "Viken fylkeskommune"
OSTFOLD = "Østfold fylkeskommune"
AKERSHUS = "Akershus fylkeskommune"
IOR = "Indre Østfold regionråd"
FREDRIKSTAD = "Fredrikstadregionen"
FOLLO = "Follorådet"
HALLINGDAL = "Regionrådet for Hallingdal"
JANUARY_2024 = dt.date(2024, 1, 1)


def build_counties(db) -> None:
    """Viken 2022–2023 with IØR, Follo and Hallingdal; from 2024 Østfold continues IØR and has
    Fredrikstad of its own, Akershus continues Follo, and Hallingdal's agreement ends with Viken."""
    with write_transaction(db):
        viken = find_county(db, VIKEN)
        ostfold = ensure_county(db, OSTFOLD, "31", JANUARY_2024)
        akershus = ensure_county(db, AKERSHUS, "32", JANUARY_2024)
        set_successors(db, viken, [ostfold, akershus])
        set_council_areas(db, ostfold, ["Samfunn og miljø", "Kompetanse og næring"])
        set_council_areas(db, akershus, ["Mobilitet"])
        ior = ensure_region(db, IOR, "IØR", county_id=viken.id)
        follo = ensure_region(db, FOLLO, "Follo", county_id=viken.id)
        hallingdal = ensure_region(db, HALLINGDAL, "Hallingdal", county_id=viken.id)
        fredrikstad = ensure_region(db, FREDRIKSTAD, "FR", county_id=ostfold.id)
        viken_era = {
            ior: [
                Commitment("1.1", "Flere lærlingeplasser", council_area="Utdanning og kompetanse"),
                Commitment("1.2", "Bedre busstilbud", council_area="Samferdsel"),
            ],
            follo: [Commitment("1.1", "Trygg skolevei", council_area="Samferdsel")],
            hallingdal: [Commitment("1.1", "Kulturløft", council_area="Kultur og mangfold")],
        }
        for region, commitments in viken_era.items():
            save_agreement(db, region, Agreement("2022-2023", commitments=commitments))
        for region, county, commitments in [
            (ior, ostfold, [Commitment("1.1", "Flere lærlingeplasser", council_area="Kompetanse og næring")]),
            (
                follo,
                akershus,
                [Commitment("1.1", "Trygg skolevei", council_area="Mobilitet"), Commitment("1.2", "Sykkelvei")],
            ),
        ]:
            set_region_county(db, region.id, county, JANUARY_2024)
            save_agreement(
                db,
                region,
                Agreement("2024-2027", commitments=commitments),
                succeeds_id=agreement_for(db, region.id, "2022-2023"),
            )
        save_agreement(
            db,
            fredrikstad,
            Agreement("2024-2027", commitments=[Commitment("1.1", "Grønn havn", council_area="Samfunn og miljø")]),
        )
    add_reports(
        db,
        [
            (IOR, "1.1", "2023-Q4", "on_track", 40),
            (IOR, "1.2", "2023-Q4", "delayed", 10),
            (FOLLO, "1.1", "2023-Q4", "delayed", 20),
            (HALLINGDAL, "1.1", "2023-Q4", "completed", 100),
            (IOR, "1.1", "2024-Q1", "on_track", 50),
            (FREDRIKSTAD, "1.1", "2024-Q1", "not_started", 0),
            (FOLLO, "1.1", "2024-Q1", "completed", 100),
            (FOLLO, "1.2", "2024-Q1", "on_track", 30),
        ],
    )


@pytest.fixture
def counties(db):
    build_counties(db)
    return db


@pytest.fixture
def dataset(counties):
    return load_dataset(counties)


def selected(dataset, filters: Filters) -> tuple[list[tuple], list[tuple], tuple[str, ...]]:
    """(region, period, code) of the commitments, (region, code, quarter, status) of the reports, the quarters."""
    view = apply_filters(dataset, filters)
    names = view.commitments[["region", "code"]].itertuples(index=False, name=None)
    by_id = dict(zip(view.commitments["commitment_id"], names, strict=True))
    commitments = sorted(view.commitments[["region", "period", "code"]].itertuples(index=False, name=None))
    reports = sorted(
        (*by_id[commitment_id], quarter, status)
        for commitment_id, quarter, status in view.reports[["commitment_id", "quarter", "status"]].itertuples(
            index=False
        )
    )
    return commitments, reports, view.quarters


def test_counties_with_agreements_current_first_and_the_former_with_its_years(dataset):
    assert agreement_counties(dataset) == (AKERSHUS, OSTFOLD, VIKEN)
    assert [county_label(dataset, name) for name in agreement_counties(dataset)] == [
        AKERSHUS,
        OSTFOLD,
        "Viken fylkeskommune (2020–2023)",
    ]


def test_ostfold_holds_its_regions_viken_history_and_not_akershus(dataset):
    assert selected(dataset, Filters(county=OSTFOLD)) == (
        [
            (FREDRIKSTAD, "2024-2027", "1.1"),
            (IOR, "2022-2023", "1.1"),
            (IOR, "2022-2023", "1.2"),
            (IOR, "2024-2027", "1.1"),
        ],
        [
            (FREDRIKSTAD, "1.1", "2024-Q1", "not_started"),
            (IOR, "1.1", "2023-Q4", "on_track"),
            (IOR, "1.1", "2024-Q1", "on_track"),
            (IOR, "1.2", "2023-Q4", "delayed"),
        ],
        ("2023-Q4", "2024-Q1"),
    )


def test_akershus_holds_follo_and_its_viken_years(dataset):
    assert selected(dataset, Filters(county=AKERSHUS, quarter="2024-Q1")) == (
        [(FOLLO, "2022-2023", "1.1"), (FOLLO, "2024-2027", "1.1"), (FOLLO, "2024-2027", "1.2")],
        [
            (FOLLO, "1.1", "2023-Q4", "delayed"),
            (FOLLO, "1.1", "2024-Q1", "completed"),
            (FOLLO, "1.2", "2024-Q1", "on_track"),
        ],
        ("2023-Q4", "2024-Q1"),
    )


def test_viken_holds_only_its_own(dataset):
    assert selected(dataset, Filters(county=VIKEN)) == (
        [
            (FOLLO, "2022-2023", "1.1"),
            (IOR, "2022-2023", "1.1"),
            (IOR, "2022-2023", "1.2"),
            (HALLINGDAL, "2022-2023", "1.1"),
        ],
        [
            (FOLLO, "1.1", "2023-Q4", "delayed"),
            (IOR, "1.1", "2023-Q4", "on_track"),
            (IOR, "1.2", "2023-Q4", "delayed"),
            (HALLINGDAL, "1.1", "2023-Q4", "completed"),
        ],
        ("2023-Q4",),
    )


def test_the_options_follow_the_county_and_its_units_come_in_its_order(dataset):
    statuses = ("not_started", "on_track", "delayed", "completed", "cancelled", "not_reported")
    assert filter_options(dataset, OSTFOLD) == FilterOptions(
        regions=(FREDRIKSTAD, IOR),
        # Østfold's units as it lists them, then those of Viken's agreements it continues.
        council_areas=("Samfunn og miljø", "Kompetanse og næring", "Samferdsel", "Utdanning og kompetanse"),
        sdgs=(),
        hashtags=(),
        statuses=statuses,
        quarters=("2024-Q1", "2023-Q4"),
        counties=(AKERSHUS, OSTFOLD, VIKEN),
    )
    assert filter_options(dataset, VIKEN) == FilterOptions(
        regions=(FOLLO, IOR, HALLINGDAL),
        council_areas=("Kultur og mangfold", "Samferdsel", "Utdanning og kompetanse"),
        sdgs=(),
        hashtags=(),
        statuses=statuses,
        quarters=("2023-Q4",),
        counties=(AKERSHUS, OSTFOLD, VIKEN),
    )


def test_the_default_county_is_the_current_one_with_the_most_agreements(dataset):
    assert default_county(dataset) == OSTFOLD
    assert apply_filters(dataset, Filters()).commitments["region"].unique().tolist() == [FREDRIKSTAD, IOR]


@pytest.mark.parametrize("value", ["Akershus fylkeskommune", "akershus", "32"])
def test_the_setting_names_the_default_county(dataset, monkeypatch, value):
    monkeypatch.setenv(SETTINGS_BY_NAME["county"].env, value)
    assert default_county(dataset) == AKERSHUS


def test_a_setting_naming_a_county_without_agreements_is_passed_over(dataset, monkeypatch):
    monkeypatch.setenv(SETTINGS_BY_NAME["county"].env, "Troms")
    assert default_county(dataset) == OSTFOLD


def test_the_only_county_with_agreements_is_the_default_even_when_former(db):
    with write_transaction(db):
        save_agreement(
            db, ensure_region(db, FOLLO, "Follo"), Agreement("2022-2023", commitments=[Commitment("1.1", "x")])
        )
    assert default_county(load_dataset(db)) == VIKEN


def test_a_tie_goes_to_the_first_by_name(counties):
    with write_transaction(counties):
        ostfold = find_county(counties, OSTFOLD)
        save_agreement(
            counties,
            ensure_region(counties, "Haldenregionen", "Halden", county_id=ostfold.id),
            Agreement("2024-2027", commitments=[Commitment("1.1", "x")]),
            county_id=find_county(counties, AKERSHUS).id,
        )
    assert default_county(load_dataset(counties)) == AKERSHUS


def test_the_county_round_trips_through_the_link(dataset):
    filters = Filters(region=IOR, county=OSTFOLD)
    params = url_params(filters)
    assert params == {"fylke": "ostfold", "region": "indre-ostfold-regionrad"}

    def options_in(county):
        return filter_options(dataset, county)

    assert read_url_filters(params, filter_options(dataset), options_in) == UrlFilters(filters, ())
    # The full name's slug reads too; a region of another county's view is named as not found.
    assert read_url_filters(
        {"fylke": "akershus-fylkeskommune", "region": "indre-ostfold-regionrad"}, filter_options(dataset), options_in
    ) == UrlFilters(Filters(county=AKERSHUS), (("region", "indre-ostfold-regionrad"),))
    assert read_url_filters(
        {"fylke": "troms", "region": "fredrikstadregionen"}, filter_options(dataset), options_in
    ) == (UrlFilters(Filters(region=FREDRIKSTAD), (("fylke", "troms"),)))


def test_the_brief_names_the_county_it_covers(dataset, monkeypatch):
    blank = io.BytesIO()
    Image.new("RGBA", (8, 4), "white").save(blank, "PNG")
    monkeypatch.setattr(report, "render_charts", lambda figures: [blank.getvalue()] * len(figures))
    viken = apply_filters(dataset, Filters(county=VIKEN))
    note = "Utvalg: Viken fylkeskommune (2020–2023) · 4. kv. 2023"
    county = county_label(dataset, VIKEN)
    document = pypdfium2.PdfDocument(report.pdf_brief(viken, "2023-Q4", "nb", note, county=county))
    try:
        lines = document[0].get_textpage().get_text_bounded().splitlines()
    finally:
        document.close()
    assert [line.strip() for line in lines[1:4]] == ["Kvartalsrapport – 4. kv. 2023", county, note]


# --- The pages -------------------------------------------------------------------------------


@pytest.fixture
def open_counties(counties):
    add_accounts(counties)
    set_reading_open(counties, True, user=kari_user())
    return counties


@pytest.mark.usefixtures("fresh_caches", "open_counties")
def test_the_sidebar_county_changes_the_figures_the_caption_and_the_link():
    at = app()
    county = at.selectbox(key="fylke")
    assert (county.label, county.options, county.value) == (
        "Fylkeskommune",
        [AKERSHUS, OSTFOLD, "Viken fylkeskommune (2020–2023)"],
        OSTFOLD,
    )
    assert at.caption[0].value == "Utvalg: Østfold fylkeskommune · 1. kv. 2024"
    assert metrics(at)[0][:2] == ("Rapportert", "2 av 2")
    assert at.selectbox(key="council").label == "Enhet"
    assert "fylke" not in at.query_params

    at.selectbox(key="fylke").select(VIKEN).run()
    assert not at.exception
    assert at.caption[0].value == "Utvalg: Viken fylkeskommune (2020–2023) · 4. kv. 2023"
    # Viken's newest reports are as new as a county that ended in 2023 has: history, not out of date.
    assert [warning.value for warning in at.warning] == []
    assert metrics(at)[0][:2] == ("Rapportert", "4 av 4")
    assert at.selectbox(key="council").label == "Rådsområde"
    assert at.selectbox(key="council").options == ["Kultur og mangfold", "Samferdsel", "Utdanning og kompetanse"]
    assert at.query_params["fylke"] == "viken"


@pytest.mark.usefixtures("fresh_caches", "open_counties")
def test_a_link_opens_the_county_and_a_region_of_another_is_named():
    at = app({"fylke": "akershus", "region": "indre-ostfold-regionrad"})
    assert at.selectbox(key="fylke").value == AKERSHUS
    assert [warning.value for warning in at.warning] == [
        "Fant ikke regionen «indre-ostfold-regionrad»; viser hele fylket.",
        "Den nyeste rapporten i utvalget er for 1. kv. 2024, mer enn ett kvartal tilbake. Tallene kan være utdaterte.",
    ]
    assert at.caption[0].value == "Utvalg: Akershus fylkeskommune · 1. kv. 2024"


@pytest.mark.usefixtures("fresh_caches", "open_counties")
def test_the_units_page_is_named_by_what_the_county_calls_them():
    at = app(page="views/radsomrader.py")
    assert (at.title[0].value, at.info[0].value) == (
        "Enheter",
        "Velg en enhet i filteret i menyen for å se den på tvers av regionene.",
    )
    at = app({"fylke": "viken"}, page="views/radsomrader.py")
    assert (at.title[0].value, at.info[0].value) == (
        "Rådsområder",
        "Velg et rådsområde i filteret i menyen for å se det på tvers av regionene.",
    )


@pytest.mark.usefixtures("fresh_caches", "open_counties")
def test_an_export_names_the_county(downloads):
    at = app({"fylke": "viken"}, page="views/eksport.py")
    book = openpyxl.load_workbook(io.BytesIO(download(at, downloads, "commitments-xlsx").data))
    note = book.active["A2"].value
    assert note.startswith("Utvalg: Viken fylkeskommune (2020–2023) · 4. kv. 2023 · laget ")


# --- Units from the database ------------------------------------------------------------------


def test_an_agreements_units_are_its_countys(counties):
    assert agreement_council_areas(counties, IOR, "2024-2027") == ["Samfunn og miljø", "Kompetanse og næring"]
    assert agreement_council_areas(counties, "IØR", "2022-2023") == list(VIKEN_UNITS)
    assert agreement_council_areas(counties, FOLLO) == ["Mobilitet"]


def test_a_catalogue_row_takes_the_units_of_its_regions_county(counties, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Region", "Nr", "Tiltak", "Rådsområde", "Periode"])
    sheet.append([IOR, "1.1", "Flere lærlingeplasser", "kompetanse og NÆRING", "2024-2027"])
    sheet.append([IOR, "1.2", "Bedre busstilbud", "Samferdsel", "2024-2027"])
    path = tmp_path / "katalog.xlsx"
    book.save(path)
    with pytest.raises(CatalogueRejected) as refused:
        read_catalogue(counties, path)
    assert [(error.row, error.value, error.problem("nb")) for error in refused.value.errors] == [
        (3, "Samferdsel", "«Samferdsel» er ikke et rådsområde; bruk ett av «Samfunn og miljø», «Kompetanse og næring»")
    ]

    sheet.delete_rows(3)
    book.save(path)
    assert [commitment.council_area for commitment in read_catalogue(counties, path)[IOR].commitments] == [
        "Kompetanse og næring"
    ]


@dataclasses.dataclass(frozen=True)
class CountyScopedUser(User):
    """An account scoped to counties, as core.users gives one (``counties``: names)."""

    counties: tuple[str, ...] = ()


@pytest.mark.usefixtures("fresh_caches", "open_counties")
def test_a_user_scoped_to_a_county_is_offered_only_that_one(monkeypatch):
    lise = CountyScopedUser(99, "lise", "Lise Leser", None, "leser", counties=(AKERSHUS,))
    monkeypatch.setattr(signin, "identify", lambda: signin.Visitor(lise, reading_open=True, oidc=False))
    at = app()
    county = at.selectbox(key="fylke")
    assert (county.options, county.value) == ([AKERSHUS], AKERSHUS)
    assert at.caption[0].value == "Utvalg: Akershus fylkeskommune · 1. kv. 2024"
    assert at.query_params["fylke"] == "akershus"


@pytest.mark.usefixtures("fresh_caches")
def test_a_commitment_link_without_a_county_opens_in_the_commitments_county(open_counties):
    def link_to(region: str, period: str, code: str) -> AppTest:
        (commitment,) = open_counties.execute(
            "SELECT c.id FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
            "JOIN regions r ON r.id = a.region_id WHERE r.name = ? AND a.period = ? AND c.code = ?",
            (region, period, code),
        ).fetchone()
        at = app({"commitment": str(commitment)}, page="views/tiltak.py")
        assert not at.exception
        return at

    # The default county is Østfold; Follo's 2024 commitment is Akershus's, Hallingdal's ended with Viken.
    at = link_to(FOLLO, "2024-2027", "1.2")
    assert (at.selectbox(key="fylke").value, at.caption[0].value) == (
        AKERSHUS,
        "Utvalg: Akershus fylkeskommune · 1. kv. 2024",
    )
    assert at.query_params["fylke"] == "akershus"
    at = link_to(HALLINGDAL, "2022-2023", "1.1")
    assert at.selectbox(key="fylke").value == VIKEN
    # A link that names its county is read as it is.
    at = app({"commitment": "1", "fylke": "akershus"}, page="views/tiltak.py")
    assert at.selectbox(key="fylke").value == AKERSHUS


@pytest.mark.usefixtures("fresh_caches")
def test_a_link_by_a_regions_former_name_finds_it(open_counties):
    with write_transaction(open_counties):
        rename_region(open_counties, find_region(open_counties, FOLLO).id, "Folloregionen IPR", JANUARY_2024)
    at = app({"fylke": "akershus", "region": "folloradet"})
    assert not at.exception
    # Found, so no warning that the region was not found: only the one that the data is old.
    assert (at.selectbox(key="region").value, len(at.warning)) == ("Folloregionen IPR", 1)
    assert at.query_params["region"] == "folloregionen-ipr"
