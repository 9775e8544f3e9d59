"""The reporting round's rules (core/rounds.py): deadlines, each region's state, approval and the
lock it puts on loads and rollback, reopening, the reminders due, and the county's assessment."""

import datetime as dt

import pytest

from core import assessments, rounds
from core.db import write_transaction
from core.errors import (
    InvalidRoundSetting,
    NotAllowed,
    NotApproved,
    NothingToApprove,
    QuarterLocked,
    ReasonMissing,
)
from core.reports import Report, rollback, save_reports
from core.users import User, add_user
from core.vocabulary import next_quarter, quarter_end, quarter_label
from loaders.errors import CellError, StatusFileRejected
from loaders.status import load_status
from tests.builders import ADMIN, add_reports, build_small_register, dump, report_rows, write_workbook

VIKEN = 1  # the county every test register's agreements belong to (migration 7)
IOR_ID, FOLLO_ID = 1, 2
FOLLO_11, FOLLO_12 = 6, 7  # Follorådet's commitments, saved after IØR's five
# A unit owner: holds Viken's Samferdsel, which follows up both of Follorådet's commitments.
SAMFERDSEL = User(
    5, "siv", "Siv Samferdsel", None, "rapportor", council_areas=("Samferdsel",),
    units=(("Viken fylkeskommune", "Samferdsel"),),
)  # fmt: skip
READER = User(6, "les", "Lise Leser", None, "leser")
TODAY = rounds.oslo_today().strftime("%d.%m.%Y")  # the day of approvals made in a test


@pytest.fixture
def small(db):
    build_small_register(db)
    return db


def dated(db, upload_id: int, at: str) -> None:
    """Date an upload as if it had come in at ``at`` (ISO, UTC), as the demo dates its uploads."""
    with write_transaction(db):
        db.execute("UPDATE uploads SET uploaded_at = ? WHERE id = ?", (at, upload_id))


def follo_reports(db, quarter: str, at: str, statuses=("on_track", "delayed")) -> int:
    upload_id = add_reports(
        db, [("Follo", code, quarter, status, 50) for code, status in zip(("1.1", "1.2"), statuses, strict=True)]
    )
    dated(db, upload_id, at)
    return upload_id


# --- deadlines ---------------------------------------------------------------------------------


def test_a_quarters_deadline_follows_the_settings_rule_then_the_countys_then_a_moved_day(small):
    assert rounds.round_rule(small, VIKEN) == rounds.RoundRule(30, 7, 3)
    assert rounds.deadline(small, VIKEN, "2023-Q1") == rounds.Deadline(dt.date(2023, 4, 30))
    rounds.set_round_rule(small, VIKEN, rounds.RoundRule(45, 10, 5), user=ADMIN)
    assert rounds.round_rule(small, VIKEN) == rounds.RoundRule(45, 10, 5)
    assert rounds.deadline(small, VIKEN, "2023-Q4") == rounds.Deadline(dt.date(2024, 2, 14))
    rounds.set_deadline(small, VIKEN, "2023-Q4", dt.date(2024, 2, 20), user=ADMIN)
    moved = rounds.deadline(small, VIKEN, "2023-Q4")
    assert (moved.day, moved.moved_by) == (dt.date(2024, 2, 20), "Admin (admin)")
    rounds.set_deadline(small, VIKEN, "2023-Q4", None, user=ADMIN)
    assert rounds.deadline(small, VIKEN, "2023-Q4") == rounds.Deadline(dt.date(2024, 2, 14))


def test_a_deadline_before_the_quarter_ends_or_a_rule_out_of_range_is_refused(small):
    with pytest.raises(InvalidRoundSetting) as before:
        rounds.set_deadline(small, VIKEN, "2023-Q1", dt.date(2023, 3, 30), user=ADMIN)
    assert str(before.value) == "Fristen 2023-03-30 er før 1. kv. 2023 er slutt; velg en dag etter kvartalet."
    with pytest.raises(InvalidRoundSetting) as out_of_range:
        rounds.set_round_rule(small, VIKEN, rounds.RoundRule(400, 7, 3), user=ADMIN)
    assert str(out_of_range.value) == "400 dager er utenfor det tillatte: bruk 0 til 365 dager."
    with pytest.raises(NotAllowed):
        rounds.set_deadline(small, VIKEN, "2023-Q1", dt.date(2023, 5, 5), user=SAMFERDSEL)
    assert small.execute("SELECT count(*) FROM round_deadlines").fetchone() == (0,)


# --- each region's state ---------------------------------------------------------------------


def states(db, quarter: str, today: dt.date) -> list[tuple]:
    return [
        (entry.region, entry.state, entry.reported, entry.commitments, entry.delivered_at, entry.overdue)
        for entry in rounds.round_board(db, VIKEN, quarter, today=today)
    ]


def test_the_board_says_who_has_delivered_on_time_late_or_not_at_all_by_the_norwegian_day(small):
    # The deadline of 2023-Q1 is 30 April. 21:30 UTC is 23:30 in Oslo (summer time): in time.
    follo_reports(small, "2023-Q1", "2023-04-30T21:30:00+00:00")
    assert states(small, "2023-Q1", dt.date(2023, 5, 2)) == [
        ("Follorådet", "delivered", 2, 2, "2023-04-30T21:30:00+00:00", False),
        ("Indre Østfold regionråd", "not_delivered", 0, 5, None, True),
    ]
    # 22:30 UTC is already 1 May in Oslo: late. Before the deadline nothing is overdue.
    ior = add_reports(small, [("IØR", "1.1", "2023-Q2", "on_track", 10)])
    dated(small, ior, "2023-07-30T22:30:00+00:00")
    assert states(small, "2023-Q2", dt.date(2023, 7, 20)) == [
        ("Follorådet", "not_delivered", 0, 2, None, False),
        ("Indre Østfold regionråd", "late", 1, 5, "2023-07-30T22:30:00+00:00", False),
    ]
    late = rounds.region_round(small, IOR_ID, "2023-Q2", today=dt.date(2023, 8, 2))
    assert late is not None
    assert (late.state, late.late, late.missing, late.deadline.day) == ("late", True, 4, dt.date(2023, 7, 30))


def test_an_upload_rolled_back_no_longer_counts_as_the_delivery(small):
    first = follo_reports(small, "2023-Q1", "2023-04-10T08:00:00+00:00")
    second = save_reports(
        small,
        [Report(FOLLO_11, "2023-Q1", "delayed", 60), Report(FOLLO_12, "2023-Q1", "delayed", 60)],
        kind="status",
        file_name="follo-rettet.xlsx",
        sha256="1" * 64,
        user=ADMIN,
    ).upload_id
    assert second is not None
    dated(small, second, "2023-05-05T08:00:00+00:00")
    entry = rounds.region_round(small, FOLLO_ID, "2023-Q1")
    assert entry is not None
    assert (entry.delivered_at, entry.last_upload) == (
        "2023-04-10T08:00:00+00:00",
        rounds.UploadRef(second, "2023-05-05T08:00:00+00:00", "Admin (admin)", "follo-rettet.xlsx"),
    )
    rollback(small, second, user=ADMIN)
    rollback(small, first, user=ADMIN)
    entry = rounds.region_round(small, FOLLO_ID, "2023-Q1")
    assert entry is not None
    assert (entry.state, entry.delivered_at, entry.last_upload) == ("not_delivered", None, None)


def test_the_board_names_the_contact_and_the_regions_own_reporters(small):
    with write_transaction(small):
        small.execute(
            "UPDATE regions SET contact_name = 'Dag Leder', contact_email = 'dag@follo.example', "
            "contact_phone = '+47 64 00 00 00' WHERE id = ?",
            (FOLLO_ID,),
        )
    add_user(small, "ole", "Ole Strand", "rapportor", email="ole@follo.example", regions=("Follorådet",))
    add_user(small, "anne", "Anne Berg", "rapportor", regions=("Follorådet",))
    add_user(small, "kari", "Kari Admin", "administrator", email="kari@viken.example")
    entry = rounds.region_round(small, FOLLO_ID, "2023-Q1")
    assert entry is not None
    assert (entry.contact, entry.reporters) == (
        rounds.Person("Dag Leder", "dag@follo.example", "+47 64 00 00 00"),
        (rounds.Person("Anne Berg", None), rounds.Person("Ole Strand", "ole@follo.example")),
    )


# --- approval and lock -------------------------------------------------------------------------


def test_an_administrator_approves_the_whole_quarter_which_is_logged(small):
    follo_reports(small, "2023-Q1", "2023-04-10T08:00:00+00:00")
    approval = rounds.approve(small, FOLLO_ID, "2023-Q1", user=ADMIN)
    assert approval == rounds.Approval("Follorådet", "2023-Q1", ("1.1", "1.2"), True)
    entry = rounds.region_round(small, FOLLO_ID, "2023-Q1")
    assert entry is not None
    assert (entry.state, entry.approved, entry.approved_by) == ("approved", 2, "Admin (admin)")
    events = rounds.round_events(small, region_id=FOLLO_ID)
    assert [(event.region, event.quarter, event.action, event.done_by, event.codes) for event in events] == [
        ("Follorådet", "2023-Q1", "approved", "Admin (admin)", None)
    ]
    with pytest.raises(NothingToApprove) as again:
        rounds.approve(small, FOLLO_ID, "2023-Q1", user=ADMIN)
    assert str(again.value) == "Rapporten fra Follorådet for 1. kv. 2023 er allerede godkjent."


def test_nothing_delivered_cannot_be_approved(small):
    with pytest.raises(NothingToApprove) as refused:
        rounds.approve(small, IOR_ID, "2023-Q1", user=ADMIN)
    assert (
        str(refused.value)
        == "Indre Østfold regionråd har ikke levert noe for 1. kv. 2023; det er ingenting å godkjenne."
    )
    assert small.execute("SELECT count(*) FROM approvals").fetchone() == (0,)


def test_a_unit_owner_approves_the_commitments_of_their_unit_only(small):
    add_reports(small, [("IØR", code, "2023-Q1", "on_track", 10) for code in ("1.1", "2.1")])
    # None of IØR's commitments is Samferdsel's.
    with pytest.raises(NotAllowed):
        rounds.approve(small, IOR_ID, "2023-Q1", user=SAMFERDSEL)
    follo_reports(small, "2023-Q1", "2023-04-10T08:00:00+00:00")
    assert rounds.approve(small, FOLLO_ID, "2023-Q1", user=SAMFERDSEL).whole
    with pytest.raises(NotAllowed):
        rounds.approve(small, FOLLO_ID, "2023-Q1", user=READER)


def test_part_of_a_quarter_approved_leaves_the_region_unapproved_and_logs_the_codes(small):
    upload_id = add_reports(
        small, [("IØR", code, "2023-Q1", "on_track", 10) for code in ("1.1", "1.2", "1.10", "2.1", "2.1.A")]
    )
    dated(small, upload_id, "2023-04-12T08:00:00+00:00")
    ids = rounds.in_force(small, IOR_ID, "2023-Q1")
    approval = rounds.approve(small, IOR_ID, "2023-Q1", user=ADMIN, commitment_ids=ids[:2])
    assert approval == rounds.Approval("Indre Østfold regionråd", "2023-Q1", ("1.1", "1.2"), False)
    entry = rounds.region_round(small, IOR_ID, "2023-Q1")
    assert entry is not None
    assert (entry.state, entry.approved) == ("delivered", 2)
    assert [event.codes for event in rounds.round_events(small)] == ["1.1, 1.2"]


def test_a_locked_quarter_refuses_a_file_that_would_change_it_and_writes_nothing(small, tmp_path):
    follo_reports(small, "2023-Q1", "2023-04-10T08:00:00+00:00")
    rounds.approve(small, FOLLO_ID, "2023-Q1", user=ADMIN)
    before = dump(small)
    path = write_workbook(
        tmp_path / "follo.xlsx",
        [
            ["Follorådet", "1.1", "1. kv. 2023", "I rute", 50],  # as it stands: passes
            ["Follorådet", "1.2", "1. kv. 2023", "I rute", 70],  # a change: refused
            ["Follorådet", "1.1", "2. kv. 2023", "I rute", 60],  # another quarter: fine
        ],
    )
    with pytest.raises(StatusFileRejected) as rejected:
        load_status(small, path, user=ADMIN)
    assert rejected.value.errors == [
        CellError(
            "Status",
            3,
            "C",
            "Kvartal",
            "1. kv. 2023",
            "loaders.status.locked",
            {"quarter": "1. kv. 2023", "region": "Follorådet", "by": "Admin (admin)", "day": TODAY},
            code="1.2",
        )
    ]
    assert rejected.value.errors[0].problem() == (
        f"1. kv. 2023 for Follorådet er godkjent og låst (godkjent av Admin (admin) {TODAY}); en administrator "
        "kan åpne kvartalet igjen på siden Rapportering."
    )
    assert dump(small) == before


def test_saving_into_a_locked_quarter_is_refused_whatever_the_way_in(small):
    follo_reports(small, "2023-Q1", "2023-04-10T08:00:00+00:00")
    rounds.approve(small, FOLLO_ID, "2023-Q1", user=ADMIN)
    before = report_rows(small)
    with pytest.raises(QuarterLocked) as refused:
        save_reports(
            small,
            [Report(FOLLO_11, "2023-Q1", "completed", 100)],
            kind="status",
            file_name="x",
            sha256="2" * 64,
            user=ADMIN,
        )
    assert str(refused.value) == (
        f"1. kv. 2023 for Follorådet er godkjent og låst (tiltak 1.1, godkjent av Admin (admin) {TODAY}); "
        "ingenting er lagret. En administrator kan åpne kvartalet igjen på siden Rapportering."
    )
    assert report_rows(small) == before
    # The same values again change nothing, so nothing is refused and nothing is saved.
    same = save_reports(
        small, [Report(FOLLO_11, "2023-Q1", "on_track", 50)], kind="status", file_name="y", sha256="3" * 64, user=ADMIN
    )
    assert (same.upload_id, same.unchanged) == (None, 1)


def test_rolling_back_an_upload_into_a_locked_quarter_is_refused(small):
    upload_id = follo_reports(small, "2023-Q1", "2023-04-10T08:00:00+00:00")
    rounds.approve(small, FOLLO_ID, "2023-Q1", user=ADMIN)
    with pytest.raises(QuarterLocked):
        rollback(small, upload_id, user=ADMIN)
    assert small.execute("SELECT rolled_back_at FROM uploads WHERE id = ?", (upload_id,)).fetchone() == (None,)


def test_reopening_needs_an_administrator_and_a_reason_and_is_logged(small, tmp_path):
    follo_reports(small, "2023-Q1", "2023-04-10T08:00:00+00:00")
    with pytest.raises(NotApproved) as not_approved:
        rounds.reopen(small, FOLLO_ID, "2023-Q1", "Feil tall", user=ADMIN)
    assert str(not_approved.value) == "1. kv. 2023 for Follorådet er ikke godkjent, så det er ingenting å åpne."
    rounds.approve(small, FOLLO_ID, "2023-Q1", user=SAMFERDSEL)
    with pytest.raises(NotAllowed):
        rounds.reopen(small, FOLLO_ID, "2023-Q1", "Feil tall", user=SAMFERDSEL)
    with pytest.raises(ReasonMissing) as no_reason:
        rounds.reopen(small, FOLLO_ID, "2023-Q1", "  \n ", user=ADMIN)
    assert str(no_reason.value) == (
        "Skriv hvorfor 1. kv. 2023 for Follorådet skal åpnes igjen; begrunnelsen lagres i loggen."
    )
    assert rounds.reopen(small, FOLLO_ID, "2023-Q1", "Feil fremdrift på 1.2", user=ADMIN) == 2
    assert [(event.action, event.done_by, event.reason) for event in rounds.round_events(small)] == [
        ("reopened", "Admin (admin)", "Feil fremdrift på 1.2"),
        ("approved", "Siv Samferdsel (siv)", None),
    ]
    # Open again: the change loads.
    path = write_workbook(tmp_path / "follo.xlsx", [["Follorådet", "1.2", "1. kv. 2023", "I rute", 70]])
    assert load_status(small, path, user=ADMIN).changed == 1


# --- reminders -----------------------------------------------------------------------------------


def due(db, today: dt.date, **options) -> list[tuple]:
    return [
        (reminder.region, reminder.quarter, reminder.kind, reminder.deadline)
        for reminder in rounds.due_reminders(db, today, **options)
    ]


def test_reminders_are_due_before_and_after_the_deadline_to_regions_that_have_not_delivered(small):
    follo_reports(small, "2023-Q4", "2024-01-10T08:00:00+00:00")
    # The round of 2023-Q4 runs all through 2024-Q1; its deadline is 30 January 2024.
    assert due(small, dt.date(2024, 1, 22)) == []
    ior = ("Indre Østfold regionråd", "2023-Q4")
    assert due(small, dt.date(2024, 1, 23)) == [(*ior, "before", dt.date(2024, 1, 30))]
    assert due(small, dt.date(2024, 1, 30)) == [(*ior, "before", dt.date(2024, 1, 30))]
    assert due(small, dt.date(2024, 1, 31)) == []
    assert due(small, dt.date(2024, 2, 2)) == [(*ior, "after", dt.date(2024, 1, 30))]
    assert due(small, dt.date(2024, 3, 20)) == [(*ior, "after", dt.date(2024, 1, 30))]
    # A quarter named: its own deadline, whatever the day.
    assert due(small, dt.date(2024, 3, 20), quarter="2023-Q3") == [
        ("Follorådet", "2023-Q3", "after", dt.date(2023, 10, 30)),
        (*ior[:1], "2023-Q3", "after", dt.date(2023, 10, 30)),
    ]


def test_each_kind_goes_once_unless_it_failed_and_a_rule_of_zero_days_sends_none(small):
    day = dt.date(2024, 1, 25)
    (reminder,) = rounds.due_reminders(small, day, quarter="2023-Q4", county_id=VIKEN)[1:]
    assert reminder.region == "Indre Østfold regionråd"
    rounds.log_reminder(small, reminder, sent_by="remind (automatisk)", outcome="failed", error="421 busy")
    assert [entry.region for entry in rounds.due_reminders(small, day)] == ["Follorådet", "Indre Østfold regionråd"]
    rounds.log_reminder(small, reminder, sent_by="remind (automatisk)", outcome="sent")
    assert [entry.region for entry in rounds.due_reminders(small, day)] == ["Follorådet"]
    assert [(sent.region, sent.kind, sent.outcome, sent.error) for sent in rounds.sent_reminders(small)] == [
        ("Indre Østfold regionråd", "before", "sent", None),
        ("Indre Østfold regionråd", "before", "failed", "421 busy"),
    ]
    rounds.set_round_rule(small, VIKEN, rounds.RoundRule(30, 0, 0), user=ADMIN)
    assert rounds.due_reminders(small, day) == []
    assert rounds.due_reminders(small, dt.date(2024, 3, 1)) == []


def test_a_reminder_goes_to_the_contact_and_the_regions_reporters_each_address_once(small):
    with write_transaction(small):
        small.execute(
            "UPDATE regions SET contact_name = 'Dag Leder', contact_email = 'Ole@Follo.example' WHERE id = ?",
            (FOLLO_ID,),
        )
    add_user(small, "ole", "Ole Strand", "rapportor", email="ole@follo.example", regions=("Follorådet",))
    add_user(small, "una", "Una Uten", "rapportor", regions=("Follorådet",))
    add_user(small, "per", "Per Post", "rapportor", email="per@follo.example", regions=("Follorådet",))
    # Holds the county, not the region: not the region's reporter.
    add_user(small, "siri", "Siri Fylke", "rapportor", email="siri@viken.example", counties=("Viken",))
    (follo,) = rounds.manual_reminders(small, VIKEN, "2023-Q1", region_ids=[FOLLO_ID])
    assert (follo.kind, follo.recipients) == (
        "manual",
        (rounds.Person("Dag Leder", "Ole@Follo.example"), rounds.Person("Per Post", "per@follo.example")),
    )


# --- the county's assessment ----------------------------------------------------------------------


def test_the_countys_assessment_is_recorded_replaced_and_withdrawn_with_its_history(small):
    result = assessments.set_assessments(
        small, "2023-Q1", {FOLLO_11: ("delayed", " Mangler midler "), FOLLO_12: ("on_track", None)}, user=ADMIN
    )
    assert result == assessments.AssessmentResult(2, 0, 0)
    result = assessments.set_assessments(
        small, "2023-Q1", {FOLLO_11: ("delayed", "Mangler midler"), FOLLO_12: None}, user=ADMIN
    )
    assert result == assessments.AssessmentResult(0, 0, 1)
    standing = assessments.assessments(small, quarter="2023-Q1")
    assert [(entry.commitment_id, entry.status, entry.comment, entry.assessed_by) for entry in standing] == [
        (FOLLO_11, "delayed", "Mangler midler", "Admin (admin)")
    ]
    history = small.execute(
        "SELECT commitment_id, status, comment, replaced_by FROM county_assessment_history ORDER BY id"
    ).fetchall()
    assert history == [
        (FOLLO_11, None, None, "Admin (admin)"),
        (FOLLO_12, None, None, "Admin (admin)"),
        (FOLLO_12, "on_track", None, "Admin (admin)"),
    ]


def test_only_the_countys_side_may_assess_and_a_refusal_writes_nothing(small):
    # Siv holds Samferdsel (Follorådet's 1.1 and 1.2), not IØR's units.
    assert assessments.set_assessments(small, "2023-Q1", {FOLLO_11: ("delayed", None)}, user=SAMFERDSEL).added == 1
    with pytest.raises(NotAllowed):
        assessments.set_assessments(
            small, "2023-Q1", {FOLLO_12: ("delayed", None), 1: ("delayed", None)}, user=SAMFERDSEL
        )
    region_reporter = User(7, "ole", "Ole", None, "rapportor", regions=("Follorådet",))
    with pytest.raises(NotAllowed):
        assessments.set_assessments(small, "2023-Q1", {FOLLO_12: ("delayed", None)}, user=region_reporter)
    with pytest.raises(ValueError):
        assessments.set_assessments(small, "2023-Q1", {FOLLO_12: ("forsinket", None)}, user=ADMIN)
    assert [entry.commitment_id for entry in assessments.assessments(small)] == [FOLLO_11]


def test_a_region_whose_agreement_does_not_cover_the_quarter_is_not_in_its_round(small):
    # Follorådet's agreement runs 2022–2024, IØR's 2022–2023: in 2024 only Follorådet reports, and
    # before 2022 nobody does, though a file for those years would find the nearest agreement.
    assert [entry.region for entry in rounds.round_board(small, VIKEN, "2024-Q2")] == ["Follorådet"]
    assert rounds.round_board(small, VIKEN, "2021-Q4") == []
    assert rounds.region_round(small, IOR_ID, "2024-Q2") is None
    assert rounds.in_force(small, IOR_ID, "2024-Q2") == []
    assert [reminder.region for reminder in rounds.due_reminders(small, dt.date(2024, 8, 5))] == ["Follorådet"]


def test_a_region_is_offered_the_quarter_it_owes_and_never_one_still_running(small):
    today = dt.date(2024, 5, 10)  # the round running is 2024-Q1
    # Today's quarter, 2024-Q2, is offered but not suggested.
    assert rounds.reporting_quarters(small, FOLLO_ID, today) == (
        ["2024-Q2", "2024-Q1", "2023-Q4", "2023-Q3", "2023-Q2", "2023-Q1", "2022-Q4", "2022-Q3", "2022-Q2", "2022-Q1"],
        "2024-Q1",
    )
    # Behind: the quarter after its latest report.
    follo_reports(small, "2023-Q2", "2023-07-10T08:00:00+00:00")
    assert rounds.reporting_quarters(small, FOLLO_ID, today)[1] == "2023-Q3"
    # Up to date, or ahead with a report for a quarter still running: the round running.
    follo_reports(small, "2024-Q2", "2024-05-01T08:00:00+00:00")
    assert rounds.reporting_quarters(small, FOLLO_ID, today)[1] == "2024-Q1"


def test_a_file_for_a_quarter_still_running_is_checked_with_a_warning(small, tmp_path):
    running = rounds.current_round(rounds.oslo_today())
    ahead = next_quarter(running)
    # Follorådet's agreement ends in 2024; the row is filed under it, the nearest.
    path = write_workbook(
        tmp_path / "follo.xlsx", [["Follorådet", "1.1", ahead, "I rute", 50], ["Follorådet", "1.2", ahead, "I rute", 5]]
    )
    result = load_status(small, path, user=ADMIN, dry_run=True)
    end = quarter_end(ahead).strftime("%d.%m.%Y")
    assert [warning.message("nb") for warning in result.warnings] == [
        f"2 rader gjelder {quarter_label(ahead)}, som ikke er slutt ennå (det slutter {end}). Status for et "
        "kvartal leveres etter at det er slutt: sjekk at kvartalet er riktig."
    ]


def test_a_prefilled_row_of_a_commitment_approved_without_a_report_is_not_in_the_way(small, tmp_path):
    follo_reports(small, "2023-Q1", "2023-04-10T08:00:00+00:00")  # 1.1 on track 50, 1.2 delayed 50
    q2 = add_reports(small, [("Follo", "1.1", "2023-Q2", "on_track", 60)])
    dated(small, q2, "2023-07-10T08:00:00+00:00")
    rounds.approve(small, FOLLO_ID, "2023-Q2", user=ADMIN)
    before = dump(small)
    # The template of 2023-Q2 as sent out: 1.1 as reported, 1.2 pre-filled from 2023-Q1.
    template = [
        ["Follorådet", "1.1", "2. kv. 2023", "I rute", 60],
        ["Follorådet", "1.2", "2. kv. 2023", "Forsinket", 50],
    ]
    result = load_status(small, write_workbook(tmp_path / "template.xlsx", template), user=ADMIN)
    assert (result.upload_id, result.unchanged, result.not_updated) == (None, 1, 1)
    assert dump(small) == before
    # A report for it is a change of the locked quarter.
    changed = [template[0], ["Follorådet", "1.2", "2. kv. 2023", "I rute", 80]]
    with pytest.raises(StatusFileRejected) as rejected:
        load_status(small, write_workbook(tmp_path / "changed.xlsx", changed), user=ADMIN)
    assert [(error.row, error.code, error.key) for error in rejected.value.errors] == [
        (3, "1.2", "loaders.status.locked")
    ]
