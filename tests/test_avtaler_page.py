"""Avtaler through the page (AppTest): the stored agreements and their download, an upload read as a
preview (focus areas, commitments with council areas to set, warnings, changes), and saving it."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest

from core.db import connect, write_transaction
from core.errors import DatabaseBusy
from core.register import FirstReport, find_region, save_agreement, stored_agreement
from loaders.agreement_layout import LayoutWarning, ParsedAgreement
from loaders.catalogue import load_catalogue
from outputs.catalogue import catalogue_workbook
from tests.builders import ADMIN, FOLLO, IOR, XLSX, HtmlTable, app, download, html_tables
from tests.test_agreement_preview import FIRST, REGION, SECOND
from tests.test_catalogue_workbook import AGREEMENT as CATALOGUE_AGREEMENT

pytestmark = pytest.mark.usefixtures("fresh_caches")

PAGE = "views/avtaler.py"
TEXT = "text/plain"


def agreements_page(user: str = "kari"):
    return app(page=PAGE, user=user)


def choose(at, name: str, data: str, region: str = REGION, period: str = ""):
    """Upload the file, then name its region and period, as a person does."""
    at.file_uploader[0].set_value((name, data.encode(), TEXT))
    at.selectbox(key="agreement-region").set_value(region)
    at.text_input(key="agreement-period").set_value(period)
    return rerun(at)


def rerun(at):
    """Run again, the region typed as a new option sent as the browser sends it: AppTest's selectbox
    knows only the listed options, so the typed name is added to them before every run."""
    for box in at.selectbox:
        if box.key == "agreement-region" and box.value is not None and box.value not in box.options:
            box.options.append(box.value)
    at.run()
    assert not at.exception, at.exception
    return at


def editor(at):
    """The commitments' data editor (AppTest reads it as a dataframe)."""
    [found] = at.get("dataframe")
    return found


def editor_rows(at) -> list[dict]:
    return editor(at).value.to_dict("records")


def save(at):
    at.button(key="agreement-save").click()
    return rerun(at)


def messages(at) -> dict[str, list[str]]:
    return {
        kind: [element.value for element in getattr(at.main, kind)]
        for kind in ("error", "warning", "info", "success")
        if getattr(at.main, kind)
    }


def test_the_stored_agreements_are_listed(register):
    at = agreements_page()
    assert [title.value for title in at.title] == ["Avtaler"]
    listed = html_tables(at)["agreements"]
    assert listed.headers == [
        "Region",
        "Fylkeskommune",
        "Periode",
        "Tittel",
        "Innsatsområder",
        "Tiltak",
        "Utgått",
        "Uten rådsområde",
        "Lastet inn",
        "Fil",
    ]
    assert [row[:8] for row in listed.rows] == [
        [FOLLO, "Viken fylkeskommune", "2023-2024", "", "2", "3", "0", "0"],
        [IOR, "Viken fylkeskommune", "2023-2024", "", "1", "2", "0", "0"],
    ]


def test_an_upload_is_previewed_and_nothing_is_saved_before_lagre(register):
    at = choose(agreements_page(), "avtale-moss.txt", FIRST)
    assert messages(at) == {
        "info": [
            "«avtale-moss.txt»: avtale 2025-2026 for Mosseregionen, 2 innsatsområder og 4 tiltak. "
            "Ingenting er lagret ennå.",
            "Mosseregionen har ingen avtale for 2025-2026 fra før: alt blir nytt.",
        ],
        "warning": [
            "4 tiltak har ikke rådsområde.",
            "«Mosseregionen» finnes ikke i registeret og blir opprettet som en ny region når du lagrer. Sjekk "
            "skrivemåten hvis du mente en region som finnes.",
        ],
    }
    assert html_tables(at)["agreement-focus-areas"] == HtmlTable(
        "Innsatsområder slik de er forstått",
        ["Nr", "Tittel", "Emneknagger", "Bærekraftsmål"],
        [
            ["1", "Utdanning og kompetanse", "#kompetanseløft", "SDG 4 – God utdanning"],
            ["2", "Samferdsel", "#lavereklimautslipp", ""],
        ],
        [None, None],
    )
    assert editor_rows(at) == [
        {
            "code": "1.1",
            "text": "Flere lærlingplasser i kommunene",
            "focus_area": "1",
            "council_area": "-",
            "deadline": "",
            "amount": "",
        },
        {
            "code": "1.2",
            "text": "Felles karrieresenter for voksne",
            "focus_area": "1",
            "council_area": "-",
            "deadline": "",
            "amount": "",
        },
        {
            "code": "2.1",
            "text": "Trygg skolevei i alle kommunene",
            "focus_area": "2",
            "council_area": "-",
            "deadline": "",
            "amount": "",
        },
        {
            "code": "2.2",
            "text": "Innfartsparkering ved stasjonene",
            "focus_area": "2",
            "council_area": "-",
            "deadline": "",
            "amount": "",
        },
    ]
    assert [caption.value for caption in at.caption if "Rådsområde" in caption.value] == [
        "Tiltakene slik de er forstått. Velg eller rett rådsområdet for hvert tiltak i kolonnen «Rådsområde»; "
        "de andre kolonnene kan ikke endres her."
    ]
    with connect() as db:
        assert db.execute("SELECT count(*) FROM regions WHERE name = ?", (REGION,)).fetchone() == (0,)


def test_a_council_area_set_in_the_editor_is_saved_and_regioner_shows_it(register):
    at = choose(agreements_page(), "avtale-moss.txt", FIRST)
    at.session_state[editor(at).key] = {
        "edited_rows": {0: {"council_area": "Utdanning og kompetanse"}, 2: {"council_area": "Samferdsel"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    rerun(at)
    assert messages(at)["warning"] == [
        "2 tiltak har ikke rådsområde.",
        "«Mosseregionen» finnes ikke i registeret og blir opprettet som en ny region når du lagrer. Sjekk "
        "skrivemåten hvis du mente en region som finnes.",
    ]
    save(at)
    assert messages(at) == {
        "success": ["Avtale 2025-2026 for Mosseregionen: 4 lagt til, 0 endret, 0 uendret, 0 utgått (opplasting 2)."]
    }
    assert [(link.label, link.proto.page, link.proto.query_string) for link in at.get("page_link")] == [
        ("Se Mosseregionen i Regioner", "regioner", "region=mosseregionen"),
        ("Se opplasting 2 i Opplastinger", "opplastinger", "upload=2"),
    ]
    # The uploader is emptied, so the same file is not offered again.
    assert at.file_uploader[0].value is None

    at.query_params["region"] = "mosseregionen"
    at.switch_page("views/regioner.py").run()
    assert not at.exception, at.exception
    table = html_tables(at)["region-commitments"]
    columns = [table.headers.index(name) for name in ("Nr", "Tiltak", "Rådsområde")]
    assert [tuple(row[column] for column in columns) for row in table.rows] == [
        ("1.1", "Flere lærlingplasser i kommunene", "Utdanning og kompetanse"),
        ("1.2", "Felles karrieresenter for voksne", ""),
        ("2.1", "Trygg skolevei i alle kommunene", "Samferdsel"),
        ("2.2", "Innfartsparkering ved stasjonene", ""),
    ]


def test_a_changed_version_shows_what_changes_before_it_is_saved(register):
    at = choose(agreements_page(), "avtale-moss.txt", FIRST)
    at.session_state[editor(at).key] = {
        "edited_rows": {3: {"council_area": "Samferdsel"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    save(rerun(at))
    at = choose(at, "avtale-moss-2.txt", SECOND)
    # The new version names no council areas; the one set before is kept, and shown.
    assert [(row["code"], row["council_area"]) for row in editor_rows(at)] == [
        ("1.1", "-"),
        ("2.1", "-"),
        ("2.2", "Samferdsel"),
        ("2.3", "-"),
    ]
    assert [metric.value for metric in at.metric] == ["1", "1", "2", "1"]
    assert [metric.label for metric in at.metric] == ["Nye", "Endret", "Uendret", "Utgår"]
    assert html_tables(at)["agreement-changes"] == HtmlTable(
        "Det som endres når avtalen lagres",
        ["Nr", "Endring", "Hva som endres", "Tiltak"],
        [
            ["2.3", "+ Ny", "", "Bysykler"],
            [
                "2.2",
                "~ Endret",
                "Tiltak: «Innfartsparkering ved stasjonene» → «Innfartsparkering ved Moss stasjon»",
                "Innfartsparkering ved Moss stasjon",
            ],
            ["1.2", "− Utgår", "", "Felles karrieresenter for voksne"],
        ],
        [None, None, None],
    )
    assert [caption.value for caption in at.caption if "historikk" in caption.value] == [
        "Tiltak som utgår, slettes ikke: de merkes som utgått, og statushistorikken deres beholdes."
    ]
    with connect() as db:
        assert [c.code for c in stored_agreement(db, REGION, "2025-2026").commitments] == ["1.1", "1.2", "2.1", "2.2"]
    save(at)
    with connect() as db:
        assert [c.code for c in stored_agreement(db, REGION, "2025-2026").commitments] == ["1.1", "2.1", "2.2", "2.3"]


def test_the_same_file_again_says_saving_changes_nothing(register):
    at = save(choose(agreements_page(), "avtale-moss.txt", FIRST))
    at = choose(at, "avtale-moss.txt", FIRST)
    assert "Avtalen er lik den som er lagret: å lagre den endrer ingenting." in messages(at)["info"]
    assert "agreement-changes" not in html_tables(at)


def test_layout_warnings_are_shown_with_their_line_and_page(register, monkeypatch):
    from loaders import agreement

    real = agreement.parse_lines

    def with_warnings(lines, period=None, **options):
        parsed = real(lines, period, **options)
        return ParsedAgreement(
            parsed.agreement,
            [
                LayoutWarning("long_text", 4, None, {"code": "1.1", "words": 212}),
                LayoutWarning("long_text", 8, 2, {"code": "2.1", "words": 180}),
            ],
            {"1.1": FirstReport("on_track", 30)},
        )

    monkeypatch.setattr(agreement, "parse_lines", with_warnings)
    at = choose(agreements_page(), "avtale-moss.txt", FIRST)
    assert [warning.value for warning in at.main.warning][1:] == [
        "Linje 4: tiltak 1.1 har 212 ord. Sjekk at teksten ikke har fått med seg en overskrift eller neste avsnitt.",
        "Side 2, linje 8: tiltak 2.1 har 180 ord. Sjekk at teksten ikke har fått med seg en overskrift eller "
        "neste avsnitt.",
        "«Mosseregionen» finnes ikke i registeret og blir opprettet som en ny region når du lagrer. Sjekk "
        "skrivemåten hvis du mente en region som finnes.",
    ]
    assert [row["status"] for row in editor_rows(at)] == ["I rute", "", "", ""]
    # The Status column is offered as a first status report, for a quarter the administrator picks.
    box = at.checkbox(key="agreement-first-reports")
    assert box.label == "Lagre Status-kolonnen som første statusrapport (1 tiltak)"
    box.check()
    rerun(at)
    at.selectbox(key="agreement-first-reports-quarter").set_value("2025-Q3")
    save(rerun(at))
    with connect() as db:
        assert db.execute(
            "SELECT c.code, s.quarter, s.status, s.progress FROM status_reports s "
            "JOIN commitments c ON c.id = s.commitment_id JOIN agreements a ON a.id = c.agreement_id "
            "WHERE a.period = '2025-2026'"
        ).fetchall() == [("1.1", "2025-Q3", "on_track", 30)]


@pytest.mark.parametrize(
    "name, data, refusal",
    [
        (
            "avtale.csv",
            "Nr;Tiltak\n1.1;Noe\n",
            "«avtale.csv» kan ikke leses som avtale. Bruk avtalen som PDF, Word (.docx), tekst (.txt) eller "
            "Excel (.xlsx).",
        ),
        ("avtale.txt", FIRST + "2.2 - Igjen\n", "Linje 10: tiltak 2.2 står to ganger i avtalen. Første gang: Linje 9."),
        (
            "avtale.txt",
            "Avtale uten periode\n1 - Næring\n1.1 - Noe\n",
            "Fant ikke avtaleperioden i tittelen «Avtale uten periode». Oppgi perioden, for eksempel «2022-2023».",
        ),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_in_one_line(register, name, data, refusal):
    at = choose(agreements_page(), name, data)
    assert messages(at) == {"error": [refusal]}
    assert not [button for button in at.button if button.key == "agreement-save"]


def test_a_period_given_wins_over_the_title(register):
    at = choose(agreements_page(), "avtale.txt", "Avtale uten periode\n1 - Næring\n1.1 - Noe\n", period="2026")
    assert messages(at)["info"][0] == (
        "«avtale.txt»: avtale 2026 for Mosseregionen, 1 innsatsområde og 1 tiltak. Ingenting er lagret ennå."
    )


@pytest.mark.parametrize(
    "user, told",
    [
        ("ola", "Bare administratorer kan se og laste opp avtaler. Logg inn med en slik konto."),
        ("lise", "Bare administratorer kan se og laste opp avtaler. Logg inn med en slik konto."),
    ],
)
def test_only_an_administrator_gets_the_page(register, user, told):
    at = agreements_page(user)
    assert [error.value for error in at.main.error] == [told]
    assert not at.file_uploader


def test_a_stored_agreement_downloads_as_a_register_that_loads_back_unchanged(register, downloads, tmp_path):
    at = agreements_page()
    picker = at.selectbox(key="agreement-download-choice")
    assert picker.options == [f"{FOLLO}, 2023-2024", f"{IOR}, 2023-2024"]
    picker.select_index(1).run()
    found = download(at, downloads, "agreement-download")
    assert (found.file_name, found.mime) == ("tiltaksregister-indre-ostfold-regionrad-2023-2024.xlsx", XLSX)
    with connect() as db:
        before = stored_agreement(db, IOR, "2023-2024")
    path = tmp_path / found.file_name
    path.write_bytes(found.data)
    with connect() as db:
        summary = load_catalogue(db, path, user=ADMIN)
        assert (summary.added, summary.changed) == (0, 0)
        assert stored_agreement(db, IOR, "2023-2024") == before


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def action_plan() -> bytes:
    """An action plan in Word: a table with Ansvar, Frist, Status and Midler, dated by its adoption."""
    document = docx.Document()
    document.add_paragraph("Handlingsplan for partnerskapsavtalen 2025-2026")
    document.add_paragraph("Vedtatt i regionrådet 12. mars 2025")
    document.add_paragraph("1 - Samferdsel #lavereklimautslipp")
    rows = [
        ["Nr", "Tiltak", "Ansvar", "Frist", "Status", "Midler"],
        ["1.1", "Trygg skolevei", "Samferdsel", "31.12.2025", "I rute", "250 000"],
        ["1.2", "Bysykler i Moss", "Rådmannen", "2026", "Ikke startet", ""],
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_table_s_columns_are_fields_and_its_status_a_first_report_for_the_quarter_it_is_dated(register):
    at = agreements_page()
    at.file_uploader[0].set_value(("handlingsplan.docx", action_plan(), DOCX))
    at.selectbox(key="agreement-region").set_value(REGION)
    rerun(at)
    assert messages(at)["warning"] == [
        "1 tiltak har ikke rådsområde.",
        "Linje 5: ansvaret «Rådmannen» for tiltak 1.2 er ikke ett av rådsområdene (Kultur og mangfold, Plan, klima "
        "og miljø, Samferdsel, Næring og tannhelse, Utdanning og kompetanse, Finans og administrasjon, "
        "Fylkesrådsleders kontor). Velg rådsområdet for tiltaket før du lagrer.",
        "«Mosseregionen» finnes ikke i registeret og blir opprettet som en ny region når du lagrer. Sjekk "
        "skrivemåten hvis du mente en region som finnes.",
    ]
    assert editor_rows(at) == [
        {
            "code": "1.1",
            "text": "Trygg skolevei",
            "focus_area": "1",
            "council_area": "Samferdsel",
            "deadline": "31.12.2025",
            "amount": "250\u202f000 kr",
            "status": "I rute",
        },
        {
            "code": "1.2",
            "text": "Bysykler i Moss",
            "focus_area": "1",
            "council_area": "-",
            "deadline": "2026",
            "amount": "",
            "status": "Ikke startet",
        },
    ]
    box = at.checkbox(key="agreement-first-reports")
    assert box.label == "Lagre Status-kolonnen som første statusrapport (2 tiltak)"
    # The quarter offered is the one the document is dated in.
    assert at.selectbox(key="agreement-first-reports-quarter").value == "2025-Q1"
    at.session_state[editor(at).key] = {
        "edited_rows": {1: {"council_area": "Samferdsel"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    box.check()
    save(rerun(at))
    assert messages(at)["success"] == [
        "Avtale 2025-2026 for Mosseregionen: 2 lagt til, 0 endret, 0 uendret, 0 utgått (opplasting 2). "
        "2 første statusrapporter for 1. kv. 2025 er lagret (opplasting 3)."
    ]
    with connect() as db:
        stored = stored_agreement(db, REGION, "2025-2026")
        assert [(c.code, c.council_area, c.deadline, c.amount) for c in stored.commitments] == [
            ("1.1", "Samferdsel", "2025-12-31", 250_000),
            ("1.2", "Samferdsel", "2026", None),
        ]
        assert db.execute(
            "SELECT c.code, s.quarter, s.status FROM status_reports s JOIN commitments c ON c.id = s.commitment_id "
            "JOIN agreements a ON a.id = c.agreement_id WHERE a.period = '2025-2026' ORDER BY c.code"
        ).fetchall() == [("1.1", "2025-Q1", "on_track"), ("1.2", "2025-Q1", "not_started")]


def test_a_busy_database_at_saving_is_one_line_and_the_preview_stays(register, monkeypatch):
    from views import _agreements

    at = choose(agreements_page(), "avtale-moss.txt", FIRST)

    def busy(*args, **kwargs):
        raise DatabaseBusy("core.database_busy")

    with monkeypatch.context() as scoped:
        scoped.setattr(_agreements, "save_preview", busy)
        save(at)
    assert [error.value for error in at.main.error] == [
        "Databasen er opptatt med en annen lagring. Ingenting er endret; prøv igjen om litt."
    ]
    at = save(rerun(at))
    assert messages(at)["success"] == [
        "Avtale 2025-2026 for Mosseregionen: 4 lagt til, 0 endret, 0 uendret, 0 utgått (opplasting 2)."
    ]


# --- a catalogue workbook back on Avtaler --------------------------------------------------------

CATALOGUE_PERIOD = "2024-2025"


def store_catalogue_agreement():
    """IØR's agreement for 2024-2025 with deadlines, amounts, council areas, a title, hashtags and goals
    of its own (test_catalogue_workbook's), next to the register's; returned as stored."""
    with connect() as db, write_transaction(db):
        save_agreement(db, find_region(db, IOR), CATALOGUE_AGREEMENT)
    with connect() as db:
        return stored_agreement(db, IOR, CATALOGUE_PERIOD)


def downloaded(at, downloads, choice: str):
    """The catalogue workbook Avtaler gives out for the agreement named ``choice`` («region, period»)."""
    picker = at.selectbox(key="agreement-download-choice")
    picker.select_index(picker.options.index(choice)).run()
    return download(at, downloads, "agreement-download")


def upload(at, name: str, data: bytes, region: str, period: str = ""):
    at.file_uploader[0].set_value((name, data, XLSX))
    at.selectbox(key="agreement-region").set_value(region)
    at.text_input(key="agreement-period").set_value(period)
    return rerun(at)


def edited(data: bytes, before: str, after: str) -> bytes:
    """The workbook with the one cell reading ``before`` made to read ``after``, as a person does in Excel."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    [cell] = [cell for row in book.active.iter_rows() for cell in row if cell.value == before]
    cell.value = after
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_downloaded_catalogue_uploads_back_unchanged_and_saving_changes_nothing(register, downloads):
    before = store_catalogue_agreement()
    at = agreements_page()
    found = downloaded(at, downloads, f"{IOR}, {CATALOGUE_PERIOD}")
    assert found.file_name == "tiltaksregister-indre-ostfold-regionrad-2024-2025.xlsx"
    at = upload(at, found.file_name, found.data, IOR)
    assert messages(at) == {
        "info": [
            f"«{found.file_name}»: avtale 2024-2025 for {IOR}, 3 innsatsområder og 6 tiltak. Ingenting er lagret ennå.",
            "Avtalen er lik den som er lagret: å lagre den endrer ingenting.",
        ],
        "warning": ["2 tiltak har ikke rådsområde."],
    }
    assert [metric.value for metric in at.metric] == ["0", "0", "6", "0"]
    assert "Ingen advarsler: alt i filen ble forstått." in [text.value for text in at.markdown]
    assert "agreement-changes" not in html_tables(at)
    at = save(at)
    assert messages(at)["success"] == [
        f"Avtale 2024-2025 for {IOR}: 0 lagt til, 0 endret, 6 uendret, 0 utgått (opplasting 2)."
    ]
    with connect() as db:
        assert stored_agreement(db, IOR, CATALOGUE_PERIOD) == before


def test_one_text_edited_in_the_catalogue_is_the_one_change_shown(register, downloads):
    store_catalogue_agreement()
    at = agreements_page()
    found = downloaded(at, downloads, f"{IOR}, {CATALOGUE_PERIOD}")
    at = upload(at, found.file_name, edited(found.data, "Næringsforum", "Næringsforum i Mysen"), IOR)
    assert [metric.value for metric in at.metric] == ["0", "1", "5", "0"]
    assert html_tables(at)["agreement-changes"] == HtmlTable(
        "Det som endres når avtalen lagres",
        ["Nr", "Endring", "Hva som endres", "Tiltak"],
        [["2.1", "~ Endret", "Tiltak: «Næringsforum» → «Næringsforum i Mysen»", "Næringsforum i Mysen"]],
        [None],
    )
    save(at)
    with connect() as db:
        texts = {c.code: c.text for c in stored_agreement(db, IOR, CATALOGUE_PERIOD).commitments}
    assert texts["2.1"] == "Næringsforum i Mysen"


def test_a_catalogue_of_two_regions_is_refused_naming_them(register):
    with connect() as db:
        both = {region: stored_agreement(db, region, "2023-2024") for region in (FOLLO, IOR)}
    at = upload(agreements_page(), "katalog.xlsx", catalogue_workbook(both), IOR)
    assert messages(at) == {
        "error": [
            f"Tiltakskatalogen har tiltak for flere regioner («{FOLLO}», «{IOR}»). Her lastes én avtale om gangen: "
            "last opp en katalog med bare én region."
        ]
    }
    assert [button.key for button in at.button if button.key == "agreement-save"] == []


@pytest.mark.parametrize(
    ("region", "period", "refusal"),
    [
        (
            FOLLO,
            "",
            f"Tiltakskatalogen gjelder «{IOR}», men regionen som er valgt, er «{FOLLO}». "
            f"Velg «{IOR}», eller last opp katalogen for «{FOLLO}».",
        ),
        (
            IOR,
            "2025-2026",
            "Tiltakskatalogen gjelder perioden 2024-2025, men perioden som er oppgitt, er 2025-2026. "
            "La perioden stå tom, eller oppgi 2024-2025.",
        ),
    ],
)
def test_a_catalogue_for_another_region_or_period_is_refused_naming_both(register, downloads, region, period, refusal):
    store_catalogue_agreement()
    at = agreements_page()
    found = downloaded(at, downloads, f"{IOR}, {CATALOGUE_PERIOD}")
    at = upload(at, found.file_name, found.data, region, period)
    assert messages(at) == {"error": [refusal]}


def test_a_catalogue_is_matched_to_the_region_by_its_short_name_and_its_period(register, downloads):
    store_catalogue_agreement()
    at = agreements_page()
    found = downloaded(at, downloads, f"{IOR}, {CATALOGUE_PERIOD}")
    at = upload(at, found.file_name, found.data, "iør", "2024 – 2025")
    assert [metric.value for metric in at.metric] == ["0", "0", "6", "0"]
