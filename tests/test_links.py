"""Links that mean the same in both languages: canonical filter values in the URL, the old label
form still read, an unknown value named on screen; the language switch."""

import pytest

from core.filters import FilterOptions, Filters, UrlFilters, parse_language, read_url_filters, slug, url_params
from tests.builders import FOLLO, IOR, SDG_9, app, html_tables, metrics

OPTIONS = FilterOptions(
    regions=(FOLLO, IOR),
    council_areas=("Samferdsel", "Plan, klima og miljø"),
    sdgs=(4, 9, 11),
    hashtags=("#grønnmobilitet", "#kompetanseløft"),
    statuses=("not_started", "on_track", "delayed", "completed", "cancelled", "not_reported"),
    quarters=("2024-Q2", "2024-Q1"),
)


def test_slugs_are_ascii_and_stable():
    assert [slug(name) for name in (IOR, FOLLO, "Plan, klima og miljø", "  Ære  og Å ")] == [
        "indre-ostfold-regionrad",
        "folloradet",
        "plan-klima-og-miljo",
        "aere-og-a",
    ]


def test_canonical_values_read_back_to_the_same_filters():
    filters = Filters(IOR, "Plan, klima og miljø", 9, "#kompetanseløft", "delayed", "2024-Q1")
    params = url_params(filters)
    assert params == {
        "region": "indre-ostfold-regionrad",
        "council": "plan-klima-og-miljo",
        "sdg": "9",
        "hashtag": "kompetanseløft",
        "status": "delayed",
        "quarter": "2024-Q1",
    }
    assert read_url_filters(params, OPTIONS) == UrlFilters(filters, ())
    assert url_params(Filters()) == {}


@pytest.mark.parametrize(
    "params",
    [
        # The old form: the option as shown, in bokmål …
        {
            "region": IOR,
            "council": "Plan, klima og miljø",
            "sdg": SDG_9,
            "hashtag": "#kompetanseløft",
            "status": "Forsinket",
            "quarter": "1. kv. 2024",
        },
        # … and in English.
        {
            "region": IOR,
            "council": "Plan, klima og miljø",
            "sdg": "SDG 9 – Industry, innovation and infrastructure",
            "hashtag": "#kompetanseløft",
            "status": "Delayed",
            "quarter": "Q1 2024",
        },
    ],
)
def test_links_in_the_old_label_form_still_read(params):
    assert read_url_filters(params, OPTIONS) == UrlFilters(
        Filters(IOR, "Plan, klima og miljø", 9, "#kompetanseløft", "delayed", "2024-Q1"), ()
    )


def test_not_reported_reads_as_key_and_as_words():
    for value in ("not_reported", "Ikke rapportert", "Not reported"):
        assert read_url_filters({"status": value}, OPTIONS).filters == Filters(status="not_reported")


def test_unknown_values_are_named_and_blank_ones_are_no_filter():
    params = {
        "region": "Atlantis",
        "council": "",
        "sdg": "17",
        "hashtag": "#ukjent",
        "status": "Kanskje",
        "quarter": "2019-Q1",
    }
    assert read_url_filters(params, OPTIONS) == UrlFilters(
        Filters(),
        (
            ("region", "Atlantis"),
            ("sdg", "17"),
            ("hashtag", "#ukjent"),
            ("status", "Kanskje"),
            ("quarter", "2019-Q1"),
        ),
    )


def test_language_values():
    assert [parse_language(value) for value in ("nb", "en", "English", "Norsk", "EN", "fr", "")] == [
        "nb",
        "en",
        "en",
        "nb",
        "en",
        None,
        None,
    ]


# --- pages -----------------------------------------------------------------------------------


def notices(at) -> list[str]:
    """The page's warnings but the one that the test data's reports (2024) are out of date today."""
    return [text for text in at.warning.values if not text.startswith(("Den nyeste rapporten", "The newest report"))]


@pytest.mark.usefixtures("fresh_caches")
def test_canonical_link_opens_the_view_in_english(register):
    at = app({"region": "folloradet", "status": "delayed", "quarter": "2024-Q2", "lang": "en"})
    assert [title.value for title in at.title] == ["Overview"]
    assert (at.selectbox(key="region").value, at.selectbox(key="status").value) == (FOLLO, "delayed")
    assert at.caption[0].value == "Selection: Viken fylkeskommune (2020–2023), Follorådet, Delayed · Q2 2024"
    assert metrics(at)[0] == ("Reported", "1 of 1", "")
    assert notices(at) == []


@pytest.mark.usefixtures("fresh_caches")
def test_an_old_link_is_rewritten_to_canonical_form(register):
    at = app({"region": FOLLO, "status": "Forsinket", "quarter": "2. kv. 2024", "lang": "English"})
    assert metrics(at)[0] == ("Reported", "1 of 1", "")
    assert dict(at.query_params) == {
        "region": "folloradet",
        "status": "delayed",
        "quarter": "2024-Q2",
        "lang": "en",
    }


@pytest.mark.usefixtures("fresh_caches")
def test_an_unknown_value_is_named_on_screen_and_the_rest_applies(register):
    at = app({"region": "Atlantis", "council": "samferdsel"})
    assert notices(at) == ["Fant ikke regionen «Atlantis»; viser hele fylket."]
    assert at.caption[0].value == "Utvalg: Viken fylkeskommune (2020–2023), Samferdsel · 2. kv. 2024"
    assert dict(at.query_params) == {"council": "samferdsel"}
    # Said until the reader changes the filters.
    at.selectbox(key="status").set_value("delayed").run()
    assert notices(at) == []


@pytest.mark.usefixtures("fresh_caches")
def test_an_unknown_value_is_shown_as_typed_in_english(register):
    at = app({"quarter": "**2030**", "lang": "fr"})
    assert notices(at) == [
        "Fant ikke kvartalet «\\*\\*2030\\*\\*» i dataene; viser siste komplette kvartal.",
        "Kjenner ikke språket «fr»; viser bokmål.",
    ]
    at = app({"quarter": "2030-Q1", "lang": "en"})
    assert notices(at) == ["Could not find the quarter “2030-Q1” in the data; showing the latest complete quarter."]


@pytest.mark.usefixtures("fresh_caches")
def test_widgets_write_canonical_values_and_links_carry_them(register):
    at = app()
    at.selectbox(key="region").set_value(IOR).run()
    at.selectbox(key="sdg").set_value(9).run()
    assert dict(at.query_params) == {"region": "indre-ostfold-regionrad", "sdg": "9"}
    at.radio(key="lang").set_value("en").run()
    assert dict(at.query_params) == {"region": "indre-ostfold-regionrad", "sdg": "9", "lang": "en"}
    at.switch_page("views/regioner.py").run()
    links = [link for table in html_tables(at).values() for link in table.links]
    assert links and all(
        link is not None and link.startswith("tiltak?region=indre-ostfold-regionrad&sdg=9&lang=en&commitment=")
        for link in links
    )
    at.radio(key="lang").set_value("nb").run()
    assert dict(at.query_params) == {"region": "indre-ostfold-regionrad", "sdg": "9"}


@pytest.mark.usefixtures("fresh_caches")
def test_the_language_switch_names_each_language_in_itself(register):
    at = app({"lang": "en"})
    switch = at.radio(key="lang")
    assert (switch.label, switch.options, switch.value) == ("Language", ["Norsk", "English"], "en")
    assert at.selectbox(key="status").options[:2] == ["Not started", "On track"]


@pytest.mark.usefixtures("fresh_caches")
def test_filters_survive_a_page_switch_without_a_query(register):
    at = app({"region": "folloradet"})
    at.query_params.clear()
    at.switch_page("views/regioner.py").run()
    assert at.selectbox(key="region").value == FOLLO
    assert dict(at.query_params) == {"region": "folloradet"}


@pytest.mark.usefixtures("fresh_caches")
def test_blank_values_are_no_filter_and_no_notice(register):
    at = app({"lang": "", "region": "", "quarter": " "})
    assert notices(at) == []
    assert [title.value for title in at.title] == ["Oversikt"]
    assert dict(at.query_params) == {}


@pytest.mark.usefixtures("fresh_caches")
def test_signing_in_from_an_english_filtered_link_keeps_both(register):
    from core.access import set_reading_open
    from core.users import set_password
    from tests.builders import ADMIN

    set_reading_open(register, False, user=ADMIN)
    set_password(register, "kari", "riktig hest batteri stift")
    at = app({"region": "Follorådet", "lang": "English"})
    assert [title.value for title in at.title] == ["Overview"]
    assert [info.value for info in at.main.info] == ["Sign in to see this page."]
    # Signed out, the filters stay as they came, so the sign-in leads to the view asked for.
    assert dict(at.query_params) == {"region": "Follorådet", "lang": "en"}
    at.text_input(key="signin-username").input("kari")
    at.text_input(key="signin-password").input("riktig hest batteri stift")
    at = at.button[0].click().run()
    assert not at.exception
    assert [title.value for title in at.title] == ["Overview"]
    assert at.caption[0].value == "Selection: Viken fylkeskommune (2020–2023), Follorådet · Q2 2024"
    assert dict(at.query_params) == {"region": "folloradet", "lang": "en"}


@pytest.mark.usefixtures("fresh_caches")
def test_signing_in_on_logg_inn_with_reading_closed_keeps_the_link_s_filters(register):
    from core.access import set_reading_open
    from core.users import set_password
    from tests.builders import ADMIN

    set_reading_open(register, False, user=ADMIN)
    set_password(register, "kari", "riktig hest batteri stift")
    at = app({"region": "folloradet", "lang": "en"}, "views/logg_inn.py")
    at.text_input(key="signin-username").input("kari")
    at.text_input(key="signin-password").input("riktig hest batteri stift")
    at = at.button[0].click().run()
    assert not at.exception
    assert [title.value for title in at.title] == ["Overview"]
    assert at.selectbox(key="region").value == FOLLO
    assert dict(at.query_params) == {"region": "folloradet", "lang": "en"}
