"""The form in the browser as data: its pre-fill is the template's, its rows meet the workbook's rules
(the same errors, numbered as the form shows them), and a save is an upload like a file's."""

import pytest

from core.errors import QuarterLocked
from core.register import find_region
from core.reports import MissingCommitment, PrefillRow, prefill_rows, rollback, save_parsed
from core.rounds import approve, current_round, oslo_day, oslo_today
from core.users import add_user, get_user
from core.vocabulary import next_quarter, quarter_end, quarter_label
from loaders.entry import EntryRow, check_entry, entry_sha256, load_entry
from loaders.errors import CellError, StatusFileRejected
from loaders.status import load_status
from outputs.template import template_rows
from tests.builders import ADMIN, FOLLO, IOR, dump, report_rows, write_workbook

Q2, Q3 = "2024-Q2", "2024-Q3"
FORM = "Skjemaet"
INVALID_PROGRESS = "fremdrift må være et helt tall fra 0 til 100, for eksempel 45 (uten %-tegn)."
STATUS_MISSING = "status mangler. Velg en av: Ikke startet, I rute, Forsinket, Fullført, Utgår."
FRACTION = "mente du 50 %? Fremdrift er et helt tall fra 0 til 100: skriv 50 (uten %-tegn)."
UNTOUCHED = [
    ("Follo", "1.1", "2024-Q1", "on_track", 40, None, None, None),
    ("Follo", "1.1", Q2, "delayed", 35, "Venter på vegvesenet", "Nytt møte", None),
    ("Follo", "1.2", "2024-Q1", "on_track", 20, None, None, None),
    ("Follo", "1.2", Q2, "completed", 100, "Åpnet i mai", None, None),
    ("Follo", "2.1", "2024-Q1", "not_started", 0, None, None, None),
    ("Follo", "2.1", Q2, "on_track", 10, None, None, None),
    ("IØR", "1.1", "2024-Q1", "on_track", 30, None, None, None),
    ("IØR", "1.1", Q2, "on_track", 50, None, None, None),
    ("IØR", "1.2", "2024-Q1", "delayed", 10, None, None, None),
]


def where(error: CellError) -> tuple:
    """Sheet, row, column letter, header, value, the row's commitment and the problem in bokmål."""
    return (error.sheet, error.row, error.column, error.header, error.value, error.code, error.problem("nb"))


def rejected(call) -> list[CellError]:
    with pytest.raises(StatusFileRejected) as caught:
        call()
    return caught.value.errors


# --- the pre-fill -----------------------------------------------------------------------------


def test_a_quarter_not_reported_starts_from_the_latest_report_without_its_comment(register):
    assert prefill_rows(register, find_region(register, FOLLO), Q3) == [
        PrefillRow(
            1, "1.1", "Trafikksikkerhet ved skoler", "Mobilitet", "delayed", 35, None, None, None, Q2, "delayed", 35
        ),
        PrefillRow(
            2, "1.2", "Innfartsparkering", "Mobilitet", "completed", 100, None, None, None, Q2, "completed", 100
        ),
        PrefillRow(
            3, "2.1", "Flere lærlingplasser", "Kompetanse", "on_track", 10, None, None, None, Q2, "on_track", 10
        ),
    ]


def test_a_quarter_reported_starts_from_its_own_report(register):
    assert prefill_rows(register, find_region(register, FOLLO), Q2) == [
        PrefillRow(
            1, "1.1", "Trafikksikkerhet ved skoler", "Mobilitet", "delayed", 35, "Venter på vegvesenet", "Nytt møte",
            None, "2024-Q1", "on_track", 40, reported=True,
        ),
        PrefillRow(
            2, "1.2", "Innfartsparkering", "Mobilitet", "completed", 100, "Åpnet i mai", None, None, "2024-Q1",
            "on_track", 20, reported=True,
        ),
        PrefillRow(
            3, "2.1", "Flere lærlingplasser", "Kompetanse", "on_track", 10, None, None, None, "2024-Q1",
            "not_started", 0, reported=True,
        ),
    ]  # fmt: skip


def test_a_council_area_reporter_gets_their_commitments_in_the_form_as_in_the_template(register):
    add_user(register, "nina", "Nina Næring", "rapportør", council_areas=("Næring og tannhelse",))
    nina = get_user(register, "nina")
    ior = find_region(register, IOR)
    assert [row.code for row in prefill_rows(register, ior, Q3, user=nina)] == ["1.1"]
    assert template_rows(register, ior, Q3, user=nina) == [
        (IOR, "1.1", "Etablerertjeneste", "Næring", "3. kv. 2024", "I rute", 50, None, None, None, "2. kv. 2024",
         "I rute", 50),
    ]  # fmt: skip


# --- the same rules as a workbook ----------------------------------------------------------------


def test_the_form_gives_the_workbooks_errors_on_its_own_rows(register, tmp_path):
    ola = get_user(register, "ola")
    form = [EntryRow("1.1", "Forsinket", "120"), EntryRow("1.2", None, "50"), EntryRow("2.1", "I rute", "0,5")]
    from_form = rejected(lambda: load_entry(register, find_region(register, FOLLO), Q3, form, user=ola, dry_run=True))
    book = write_workbook(
        tmp_path / "status.xlsx",
        [
            [FOLLO, "1.1", Q3, "Forsinket", 120, None, None, None],
            [FOLLO, "1.2", Q3, None, 50, None, None, None],
            [FOLLO, "2.1", Q3, "I rute", 0.5, None, None, None],
        ],
    )
    from_file = rejected(lambda: load_status(register, book, user=ola, dry_run=True))

    assert [where(error) for error in from_form] == [
        (FORM, 1, None, "Fremdrift (%)", "120", "1.1", INVALID_PROGRESS),
        (FORM, 2, None, "Status", "", "1.2", STATUS_MISSING),
        (FORM, 3, None, "Fremdrift (%)", "0,5", "2.1", FRACTION),
    ]
    assert [where(error) for error in from_file] == [
        ("Status", 2, "E", "Fremdrift (%)", "120", "1.1", INVALID_PROGRESS),
        ("Status", 3, "D", "Status", "", "1.2", STATUS_MISSING),
        ("Status", 4, "E", "Fremdrift (%)", "0,5", "2.1", FRACTION),
    ]
    assert [error.key for error in from_form] == [error.key for error in from_file]


def test_the_forms_errors_read_in_english_with_english_headers(register):
    ola = get_user(register, "ola")
    form = [EntryRow("1.1", "Delayed", "120")]
    [error] = rejected(lambda: check_entry(register, find_region(register, FOLLO), Q3, form, user=ola, lang="en"))
    assert (error.sheet, error.header) == ("The form", "Progress (%)")
    assert error.message("en") == (
        "Sheet “The form”, row 1 (commitment 1.1): “120” – progress must be a whole number "
        "from 0 to 100, for example 45 (without a % sign)."
    )


def test_a_row_outside_the_reporters_scope_is_refused_as_in_a_workbook(register, tmp_path):
    ola = get_user(register, "ola")
    form = [EntryRow("1.1", "I rute", "60")]
    from_form = rejected(lambda: load_entry(register, find_region(register, IOR), Q3, form, user=ola, dry_run=True))
    book = write_workbook(tmp_path / "ior.xlsx", [[IOR, "1.1", Q3, "I rute", 60, None, None, None]])
    from_file = rejected(lambda: load_status(register, book, user=ola, dry_run=True))
    problem = (
        "du rapporterer bare for Follorådet, ikke for Indre Østfold regionråd "
        "(tiltaket følges opp av Næring og tannhelse)."
    )
    assert [where(error) for error in from_form] == [(FORM, 1, None, "Region", IOR, "1.1", problem)]
    assert [where(error) for error in from_file] == [("Status", 2, "A", "Region", IOR, "1.1", problem)]


# --- saving: an upload with history and rollback ------------------------------------------------


def test_a_dry_run_plans_on_the_forms_rows_and_writes_nothing(register):
    before = dump(register)
    ola = get_user(register, "ola")
    # 2.1 as pre-filled: it only repeats the previous report. 1.2 is left out of the form.
    form = [EntryRow("1.1", "I rute", "45", "Skilt satt opp", "Evaluere", "Per"), EntryRow("2.1", "I rute", "10")]
    result = load_entry(register, find_region(register, FOLLO), Q3, form, user=ola, dry_run=True)
    assert (result.upload_id, result.added, result.changed, result.unchanged, result.not_updated) == (None, 1, 0, 0, 1)
    assert [(change.kind, change.code, change.row, change.new) for change in result.changes] == [
        ("added", "1.1", 1, ("on_track", 45, "Skilt satt opp", "Evaluere", "Per")),
        ("not_updated", "2.1", 2, ("on_track", 10, None, None, None)),
    ]
    assert result.missing == [MissingCommitment(FOLLO, "1.2", "Innfartsparkering", Q3)]
    assert dump(register) == before


def test_a_save_is_an_upload_with_history_that_rolls_back(register):
    ola = get_user(register, "ola")
    follo = find_region(register, FOLLO)
    form = [EntryRow("1.1", "I rute", "45", "Skilt satt opp", None, "Per"), EntryRow("1.2", "Fullført", "100")]
    result = load_entry(register, follo, Q2, form, user=ola)

    assert result.message("nb") == "Lagret som opplasting 2: 0 lagt til, 2 endret, 0 uendret."
    assert register.execute(
        "SELECT kind, file_name, uploaded_by, quarters, added, changed, unchanged, sha256 FROM uploads WHERE id = 2"
    ).fetchone() == (
        "status",
        "Skjema i nettleseren – Follo, 2. kv. 2024",
        "Ola Nordmann (ola)",
        Q2,
        0,
        2,
        0,
        entry_sha256(follo, Q2, check_entry(register, follo, Q2, form, user=ola)),
    )
    assert register.execute(
        "SELECT c.code, h.status, h.progress, h.comment, h.next_step, h.upload_id, h.replaced_by_upload_id "
        "FROM status_history h JOIN commitments c ON c.id = h.commitment_id ORDER BY c.code"
    ).fetchall() == [
        ("1.1", "delayed", 35, "Venter på vegvesenet", "Nytt møte", 1, 2),
        ("1.2", "completed", 100, "Åpnet i mai", None, 1, 2),
    ]
    assert [row for row in report_rows(register) if row[2] == Q2 and row[0] == "Follo"][:2] == [
        ("Follo", "1.1", Q2, "on_track", 45, "Skilt satt opp", None, "Per"),
        ("Follo", "1.2", Q2, "completed", 100, None, None, None),
    ]

    rollback(register, 2, user=ADMIN)
    assert report_rows(register) == UNTOUCHED


def test_the_same_form_saved_again_says_it_is_already_loaded_in_either_language(register):
    ola = get_user(register, "ola")
    follo = find_region(register, FOLLO)
    load_entry(register, follo, Q3, [EntryRow("1.1", "Forsinket", "40", "Venter")], user=ola)
    again = load_entry(register, follo, Q3, [EntryRow("1.1", "Delayed", "40", "Venter")], user=ola, lang="en")
    assert (again.upload_id, again.unchanged, again.already_loaded_as) == (None, 1, 2)


# --- a locked quarter ------------------------------------------------------------------------------


def test_an_approved_quarter_is_refused_row_by_row_with_nothing_written(register):
    kari, ola = get_user(register, "kari"), get_user(register, "ola")
    follo = find_region(register, FOLLO)
    approve(register, follo.id, Q2, user=kari)
    (approved_at,) = register.execute("SELECT DISTINCT approved_at FROM approvals").fetchone()
    before = dump(register)
    form = [
        EntryRow("1.1", "I rute", "45"),
        # As it stands: repeating the approved report changes nothing and passes.
        EntryRow("1.2", "Fullført", "100", "Åpnet i mai"),
        EntryRow("2.1", "Forsinket", "10"),
    ]
    errors = rejected(lambda: load_entry(register, follo, Q2, form, user=ola))
    problem = (
        "2. kv. 2024 for Follorådet er godkjent og låst (godkjent av Kari Nordmann (kari) "
        f"{oslo_day(approved_at).strftime('%d.%m.%Y')}); en administrator kan åpne kvartalet igjen på siden "
        "Rapportering."
    )
    assert [(error.row, error.code, error.key) for error in errors] == [
        (1, "1.1", "loaders.status.locked"),
        (3, "2.1", "loaders.status.locked"),
    ]
    assert [error.problem("nb") for error in errors] == [problem, problem]
    assert dump(register) == before


def test_saving_into_a_quarter_approved_after_the_check_is_refused(register):
    kari, ola = get_user(register, "kari"), get_user(register, "ola")
    follo = find_region(register, FOLLO)
    checked = check_entry(register, follo, Q2, [EntryRow("1.1", "I rute", "45")], user=ola)
    approve(register, follo.id, Q2, user=kari)
    with pytest.raises(QuarterLocked):
        save_parsed(register, checked, kind="status", file_name="skjema", sha256="0" * 64, user=ola)
    assert report_rows(register) == UNTOUCHED


def test_a_form_for_the_quarter_still_running_is_checked_with_the_files_warning(register):
    ahead = next_quarter(current_round(oslo_today()))
    form = [EntryRow("1.1", "I rute", "50")]
    result = load_entry(
        register, find_region(register, FOLLO), ahead, form, user=get_user(register, "ola"), dry_run=True
    )
    end = quarter_end(ahead).strftime("%d.%m.%Y")
    assert [warning.message("nb") for warning in result.warnings] == [
        f"1 rad gjelder {quarter_label(ahead)}, som ikke er slutt ennå (det slutter {end}). Status for et kvartal "
        "leveres etter at det er slutt: sjekk at kvartalet er riktig."
    ]
