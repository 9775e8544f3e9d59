"""The county's assessment through the pages: the editor on Rapportering, and the sentence where the
county and the region differ on Oversikt and Tiltak, in both languages."""

import pytest

import core.assessments
from core.assessments import assessments, set_assessments
from core.db import connect
from core.users import add_user
from tests.builders import ADMIN, FOLLO, IOR, HtmlTable, add_reports, app, commitment_id, html_tables, messages_after

pytestmark = pytest.mark.usefixtures("fresh_caches")

AT = "2026-11-30T12:00:00+00:00"
# The round the page shows by default: the register's agreements run 2023–2024, so the last quarter
# they cover (the round running, 2026's, is after them).
ROUND = "2024-Q4"
ROUND_LABEL = {"nb": f"{ROUND[-1]}. kv. {ROUND[:4]}", "en": f"Q{ROUND[-1]} {ROUND[:4]}"}


@pytest.fixture
def stamped(monkeypatch):
    monkeypatch.setattr(core.assessments, "now_utc", lambda: AT)


@pytest.fixture
def round_reported(register, stamped):
    """Follo reports 1.1 and 1.2 on track and 2.1 delayed for the round; IØR has not reported."""
    add_reports(
        register,
        [
            (FOLLO, "1.1", ROUND, "on_track", 60, "Godt i gang"),
            (FOLLO, "1.2", ROUND, "on_track", 40),
            (FOLLO, "2.1", ROUND, "delayed", 20),
        ],
    )
    return register


@pytest.fixture
def differing(register, stamped):
    """In 2024-Q2 the county assesses Follo 1.2 (reported completed) as delayed, with a comment
    that looks like markup, and IØR 1.2 (not reported) as on track; Follo 1.1 as Follo does."""
    set_assessments(
        register,
        "2024-Q2",
        {
            commitment_id(FOLLO, "1.1"): ("delayed", None),
            commitment_id(FOLLO, "1.2"): ("delayed", "<b>Stengt</b> i **juni**"),
            commitment_id(IOR, "1.2"): ("on_track", None),
        },
        user=ADMIN,
    )
    return register


def editor(at, region: str):
    """The assessment editor of the region (AppTest reads it as a dataframe)."""
    with connect() as db:
        [[region_id]] = db.execute("SELECT id FROM regions WHERE name = ?", (region,)).fetchall()
    prefix = f"assessment-editor-{region_id}-{ROUND}-"
    [found] = [frame for frame in at.get("dataframe") if frame.key and frame.key.startswith(prefix)]
    return found


def records(shown, columns: list[str]) -> list[dict]:
    """The editor's rows as dicts, empty cells as None (AppTest reads some of them as NaN)."""
    frame = shown.value[columns].astype(object)
    return frame.where(frame.notna(), None).to_dict("records")


def round_page(user: str):
    return app(page="views/rapportering.py", user=user)


# --- the editor on Rapportering ------------------------------------------------------------------


def test_an_administrator_records_the_county_assessment_beside_the_region_report(round_reported):
    at = round_page("kari")
    assert at.main.header[-1].value == "Fylkets vurdering"
    picker = at.selectbox(key="assessment-region")
    assert (picker.options, picker.value) == ([FOLLO, IOR], FOLLO)
    shown = editor(at, FOLLO)
    assert records(shown, ["code", "region_status", "region_comment", "county_status", "difference"]) == [
        {
            "code": "1.1",
            "region_status": "I rute",
            "region_comment": "Godt i gang",
            "county_status": "–",
            "difference": "",
        },
        {"code": "1.2", "region_status": "I rute", "region_comment": "", "county_status": "–", "difference": ""},
        {"code": "2.1", "region_status": "Forsinket", "region_comment": "", "county_status": "–", "difference": ""},
    ]

    at.session_state[shown.key] = {
        "edited_rows": {
            0: {"county_status": "Forsinket", "county_comment": "Vegvesenet har ikke svart"},
            2: {"county_status": "Forsinket"},
        },
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="assessment-save").click().run()

    assert not at.exception, at.exception
    # Right below the button, not at the top of the page.
    assert messages_after(at, "assessment-save") == [
        ("success", "Fylkets vurdering er lagret: 2 lagt til, 0 endret, 0 fjernet.")
    ]
    with connect() as db:
        assert [(a.quarter, a.status, a.comment, a.assessed_by) for a in assessments(db, quarter=ROUND)] == [
            (ROUND, "delayed", "Vegvesenet har ikke svart", "Kari Nordmann (kari)"),
            (ROUND, "delayed", None, "Kari Nordmann (kari)"),
        ]
    shown = editor(at, FOLLO)
    assert records(shown, ["county_status", "difference"]) == [
        {"county_status": "Forsinket", "difference": "Ulik"},
        {"county_status": "–", "difference": ""},
        {"county_status": "Forsinket", "difference": "Lik"},
    ]


def test_a_blank_status_withdraws_the_assessment_and_a_comment_needs_a_status(round_reported):
    set_assessments(round_reported, ROUND, {commitment_id(FOLLO, "1.2"): ("delayed", None)}, user=ADMIN)
    at = round_page("kari")
    shown = editor(at, FOLLO)

    at.session_state[shown.key] = {
        "edited_rows": {0: {"county_comment": "Uten status"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="assessment-save").click().run()
    assert [error.value for error in at.main.error] == [
        "Velg fylkets status for tiltak 1.1, eller fjern kommentaren: en kommentar lagres med en status."
    ]

    at.session_state[shown.key] = {"edited_rows": {1: {"county_status": None}}, "added_rows": [], "deleted_rows": []}
    at.button(key="assessment-save").click().run()
    assert messages_after(at, "assessment-save") == [
        ("success", "Fylkets vurdering er lagret: 0 lagt til, 0 endret, 1 fjernet.")
    ]
    with connect() as db:
        assert assessments(db, quarter=ROUND) == []


def test_nothing_changed_saves_nothing(round_reported):
    at = round_page("kari")
    at.button(key="assessment-save").click().run()
    assert [info.value for info in at.info if info.value == "Ingenting er endret."] == ["Ingenting er endret."]


def test_a_unit_reporter_edits_only_the_commitments_of_their_unit(round_reported):
    add_user(round_reported, "nina", "Nina Samferdsel", "rapportør", council_areas=("Samferdsel",))
    at = round_page("nina")

    assert at.selectbox(key="assessment-region").options == [FOLLO, IOR]
    # Follo 2.1 is followed up by Utdanning og kompetanse: shown, not editable.
    assert list(editor(at, FOLLO).value["code"]) == ["1.1", "1.2"]
    assert at.main.subheader[-1].value == "Tiltak du ikke kan vurdere for fylket (kun lesing)"
    [read_only] = [frame for frame in at.get("dataframe") if not frame.key]
    assert read_only.value[["Nr", "Regionens status"]].to_dict("records") == [
        {"Nr": "2.1", "Regionens status": "Forsinket"}
    ]


def test_a_region_reporter_who_speaks_for_no_part_of_the_county_sees_no_editor(round_reported):
    at = round_page("ola")

    assert "Fylkets vurdering" not in [header.value for header in at.main.header]
    assert [frame.key for frame in at.get("dataframe") if frame.key and frame.key.startswith("assessment-")] == []


def test_the_editor_in_english(round_reported):
    at = app({"lang": "en"}, page="views/rapportering.py", user="kari")
    assert at.main.header[-1].value == "The county's assessment"
    assert at.selectbox(key="assessment-region").label == "Region to assess"
    assert at.caption[-1].value.startswith(
        f"The county's own status and comment per commitment for {ROUND_LABEL['en']}"
    )
    assert list(editor(at, FOLLO).value["region_status"]) == ["On track", "On track", "Delayed"]


# --- Oversikt and Tiltak ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "heading", "headers", "sentences"),
    [
        (
            "nb",
            "Der fylket vurderer annerledes (2)",
            ["Nr", "Region", "Tiltak", "Ulik vurdering", "Fylkets kommentar"],
            [
                "Fylket vurderer 1.2 som forsinket; regionen rapporterer fullført.",
                "Fylket vurderer 1.2 som i rute; regionen har ikke rapportert.",
            ],
        ),
        (
            "en",
            "Where the county assesses otherwise (2)",
            ["Code", "Region", "Commitment", "Assessments differ", "County's comment"],
            [
                "The county assesses 1.2 as delayed; the region reports completed.",
                "The county assesses 1.2 as on track; the region has not reported.",
            ],
        ),
    ],
)
def test_overview_lists_where_the_county_assesses_otherwise(differing, lang, heading, headers, sentences):
    at = app({"lang": "en"} if lang == "en" else {})

    assert heading in [subheader.value for subheader in at.subheader]
    query = "lang=en&" if lang == "en" else ""
    assert html_tables(at)["assessment-differences"] == HtmlTable(
        heading.rsplit(" (", 1)[0],
        headers,
        [
            ["1.2", FOLLO, "Innfartsparkering", sentences[0], "<b>Stengt</b> i **juni**"],
            ["1.2", IOR, "Ladeinfrastruktur", sentences[1], ""],
        ],
        [
            f"tiltak?{query}commitment={commitment_id(FOLLO, '1.2')}",
            f"tiltak?{query}commitment={commitment_id(IOR, '1.2')}",
        ],
    )


def test_overview_has_no_such_section_when_the_county_agrees(register, stamped):
    set_assessments(register, "2024-Q2", {commitment_id(FOLLO, "1.1"): ("delayed", None)}, user=ADMIN)
    at = app()

    assert [s.value for s in at.subheader if s.value.startswith("Der fylket")] == []
    assert "assessment-differences" not in html_tables(at)


@pytest.mark.parametrize(
    ("lang", "sentence", "column", "cell"),
    [
        (
            "nb",
            "Fylket vurderer 1.2 som forsinket; regionen rapporterer fullført.",
            "Fylkets vurdering",
            "Forsinket: <b>Stengt</b> i **juni**",
        ),
        (
            "en",
            "The county assesses 1.2 as delayed; the region reports completed.",
            "County's assessment",
            "Delayed: <b>Stengt</b> i **juni**",
        ),
    ],
)
def test_the_commitment_page_says_where_the_county_assesses_otherwise(differing, lang, sentence, column, cell):
    query = {"commitment": str(commitment_id(FOLLO, "1.2"))} | ({"lang": "en"} if lang == "en" else {})
    at = app(query, "views/tiltak.py")

    assert [warning.value for warning in at.warning] == [sentence]
    history = html_tables(at)["history"]
    assert history.headers[-1] == column
    assert [row[-1] for row in history.rows] == ["", cell]


def test_the_commitment_page_says_nothing_where_the_county_agrees(differing):
    at = app({"commitment": str(commitment_id(FOLLO, "1.1"))}, "views/tiltak.py")

    assert [warning.value for warning in at.warning] == []
    assert [row[-1] for row in html_tables(at)["history"].rows] == ["", "Forsinket"]
