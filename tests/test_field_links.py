"""Links as people pass them on: through e-mail, chat and pasted HTML (docs/field-log.md, "Links").

Each kind cites the public report it comes from. The core tests read the link as the browser
hands it over (percent-decoded, split at "&"); the page tests open it.
"""

from urllib.parse import parse_qsl

import pytest

from core.filters import FilterOptions, Filters, link_id, link_params, parse_language, read_url_filters
from tests.builders import FOLLO, app, commitment_id

OPTIONS = FilterOptions(
    regions=(FOLLO, "Indre Østfold regionråd"),
    council_areas=("Samferdsel",),
    sdgs=(9, 11),
    hashtags=("#kompetanseløft",),
    statuses=("not_started", "on_track", "delayed", "completed", "cancelled", "not_reported"),
    quarters=("2024-Q3", "2024-Q2"),
)


def read(query: str) -> tuple[Filters, tuple[tuple[str, str], ...]]:
    """The filters and the values not understood, for a query as the browser splits it."""
    found = read_url_filters(link_params(dict(parse_qsl(query, keep_blank_values=True))), OPTIONS)
    return found.filters, found.unknown


def test_ampersands_copied_as_html_keep_their_parameter():
    # "Copy link with ?category=1&product=1 returns ?category=1&amp;product=1" (mojombo/clippy#12);
    # "Password recovery url contains amp; in url which not working in browser" (nopSolutions/nopCommerce#4664)
    assert read("region=folloradet&amp;status=delayed&amp;amp;quarter=2024-Q2") == (
        Filters(region=FOLLO, status="delayed", quarter="2024-Q2"),
        (),
    )
    # Given both ways, the parameter as written wins.
    assert link_params({"status": "completed", "amp;status": "delayed"}) == {"status": "completed"}


@pytest.mark.parametrize(
    "query, filters",
    [
        ("quarter=2024-Q3.", Filters(quarter="2024-Q3")),
        ("status=delayed)", Filters(status="delayed")),
        ("region=folloradet,", Filters(region=FOLLO)),
        ("sdg=11).", Filters(sdg=11)),
    ],
)
def test_punctuation_a_chat_program_took_along_is_left_out(query, filters):
    # "Autolink should not include trailing punctuation" (ckeditor/ckeditor5#14497); "Link parsing
    # in chat includes the period as part of the link" (ppy/osu-web#7161); "Trailing parenthesis
    # gets incorrectly captured to be part of an URL" (nextcloud/spreed#3922)
    assert read(query) == (filters, ())
    assert parse_language("en.") == "en"


def test_a_value_mangled_beyond_reading_is_named_not_dropped():
    # A link re-encoded in Latin-1 by an old mail program: "å" arrives as the replacement character.
    assert read("region=Follor%E5det&status=delayed") == (
        Filters(status="delayed"),
        (("region", "Follor\ufffddet"),),
    )


@pytest.mark.parametrize(
    "value, number",
    [("12", 12), (" 12 ", 12), ("12).", 12), ("12abc", None), ("²", None), ("0", None), ("9" * 20, None)],
)
def test_ids_in_links(value, number):
    assert link_id(value) == number


@pytest.mark.usefixtures("fresh_caches")
def test_the_commitment_page_opens_a_link_with_punctuation_and_copied_ampersands(register):
    wanted = commitment_id(FOLLO, "2.1")
    at = app({"region": "folloradet", "amp;commitment": f"{wanted})."}, "views/tiltak.py")
    assert not at.exception
    assert [header.value for header in at.main.header] == ["2.1 Flere lærlingplasser"]
    assert at.query_params["commitment"] == str(wanted)


@pytest.mark.usefixtures("fresh_caches")
def test_a_link_to_a_commitment_that_is_not_there_says_so(register):
    at = app({"commitment": "99999999999999999999"}, "views/tiltak.py")
    assert not at.exception
    assert [warning.value for warning in at.main.warning] == [
        "Fant ikke tiltaket «99999999999999999999» som lenken viser til. Velg et tiltak i listen."
    ]


@pytest.mark.usefixtures("fresh_caches")
def test_the_overview_reads_copied_ampersands_and_rewrites_the_link(register):
    at = app({"region": "folloradet", "amp;status": "delayed", "amp;quarter": "2024-Q2."})
    assert (at.selectbox(key="region").value, at.selectbox(key="status").value) == (FOLLO, "delayed")
    assert dict(at.query_params) == {"region": "folloradet", "status": "delayed", "quarter": "2024-Q2"}
