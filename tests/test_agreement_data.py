"""What an agreement stores beyond its text (deadline, amount), what saving it again would change,
reading it back, the overview of agreements, and the first reports from its Status column."""

import contextlib
import sqlite3

import pytest
from sqlite_utils import Database

from core.db import connect, migrations, write_transaction
from core.errors import InvalidQuarter, NoSuchAgreement, UnknownRegion
from core.register import (
    Agreement,
    AgreementChanges,
    AgreementOverview,
    Commitment,
    CommitmentChange,
    FirstReport,
    FirstReportsFor,
    FocusArea,
    FocusAreaChange,
    ReportConflict,
    SaveResult,
    agreement_changes,
    agreements_overview,
    ensure_region,
    save_agreement,
    save_agreements_as_upload,
    stored_agreement,
)
from core.reports import rollback
from core.uploads import list_uploads
from tests.builders import ADMIN, FOLLO, IOR, add_reports, build_register

AGREEMENT = Agreement(
    period="2024-2025",
    title="Partnerskapsavtale 2024-2025",
    focus_areas=[
        FocusArea("1", "Utdanning og kompetanse", "#kompetanseløft", [4]),
        FocusArea("2", "Næringsutvikling", "#arbeidsplassvekst", [8, 9]),
    ],
    commitments=[
        Commitment("1.1", "Fagbrev på jobb", "1", "Utdanning og kompetanse", deadline="2024-12-31", amount=500_000),
        Commitment("1.2", "Karriereveiledning", "1", deadline="løpende"),
        Commitment("2.1", "Næringsforum", "2", "Næring og tannhelse", sdgs=[9, 17], amount=75_000),
    ],
)

# Every region made in a database of one county joins it.
VIKEN = "Viken fylkeskommune"


def save(db, region: str, agreement: Agreement, *, retire_missing: bool = True) -> SaveResult:
    with write_transaction(db):
        return save_agreement(db, ensure_region(db, region), agreement, retire_missing=retire_missing)


def stored_fields(db) -> list[tuple]:
    return db.execute(
        "SELECT code, text, deadline, amount, active FROM commitments ORDER BY agreement_id, position, code"
    ).fetchall()


def revised() -> Agreement:
    """AGREEMENT as a second version: 1.1 reworded with a new deadline, 1.2 dropped, 2.2 new,
    focus area 2 retitled, focus area 3 new."""
    return Agreement(
        period="2024-2025",
        title="Partnerskapsavtale 2024-2025",
        focus_areas=[
            FocusArea("1", "Utdanning og kompetanse", "#kompetanseløft", [4]),
            FocusArea("2", "Næring og innovasjon", "#arbeidsplassvekst", [8, 9]),
            FocusArea("3", "Klima", "#klima", [13]),
        ],
        commitments=[
            Commitment("1.1", "Fagbrev på jobb for voksne", "1", deadline="2025-06-30"),
            Commitment("2.1", "Næringsforum", "2"),
            Commitment("2.2", "Grønn omstilling", "3", "Plan, klima og miljø"),
        ],
    )


# --- the migration ---------------------------------------------------------------------------


def test_the_migration_keeps_a_database_of_the_previous_schema(db_path):
    with contextlib.closing(sqlite3.connect(db_path)) as conn:
        old = Database(conn)
        migrations.apply(old, stop_before="m006_commitment_fields")
        conn.execute("INSERT INTO regions (name, short_name) VALUES ('Follorådet', 'Follo')")
        conn.execute(
            "INSERT INTO agreements (region_id, period, start_year, end_year) VALUES (1, '2022-2023', 2022, 2023)"
        )
        conn.execute(
            "INSERT INTO focus_areas (agreement_id, number, title, hashtag) VALUES (1, '1', 'Klima', '#klima')"
        )
        conn.execute("INSERT INTO focus_area_sdgs (focus_area_id, sdg) VALUES (1, 13)")
        conn.execute(
            "INSERT INTO commitments (agreement_id, code, text, focus_area_id, council_area_id, position, active) "
            "VALUES (1, '1.1', 'Klimaplan', 1, 2, 0, 1), (1, '1.2', 'Utgått', 1, NULL, 1, 0)"
        )
        conn.execute(
            "INSERT INTO uploads (kind, file_name, sha256, uploaded_by, uploaded_at, quarters, added) "
            "VALUES ('status', 'q1.xlsx', 'c', 'Kari', '2024-04-02T08:00:00+00:00', '2024-Q1', 1)"
        )
        conn.execute(
            "INSERT INTO status_reports (commitment_id, quarter, status, progress, upload_id) "
            "VALUES (1, '2024-Q1', 'on_track', 40, 1)"
        )
        conn.commit()
        tables = [name for name in old.table_names() if name != "_sqlite_migrations"]
        before = {table: conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall() for table in tables}
        columns = {table: [column.name for column in old[table].columns] for table in tables}

    with contextlib.closing(connect(db_path)) as db:
        assert migrations.pending(db) == []
        after = {
            table: db.execute(f'SELECT {", ".join(columns[table])} FROM "{table}" ORDER BY rowid').fetchall()
            for table in tables
        }
        assert after == before
        assert stored_fields(db) == [("1.1", "Klimaplan", None, None, 1), ("1.2", "Utgått", None, None, 0)]
        assert db.execute("SELECT number, active FROM focus_areas").fetchall() == [("1", 1)]
        assert stored_agreement(db, "Follo", "2022-2023") == Agreement(
            period="2022-2023",
            focus_areas=[FocusArea("1", "Klima", "#klima", [13])],
            commitments=[Commitment("1.1", "Klimaplan", "1", "Plan, klima og miljø")],
        )
        assert db.execute("SELECT count(*) FROM upload_agreements").fetchone() == (0,)


# --- saving deadline and amount --------------------------------------------------------------


def test_deadline_and_amount_are_saved_and_a_change_in_them_counts(db):
    assert save(db, IOR, AGREEMENT) == SaveResult(added=3)
    assert stored_fields(db) == [
        ("1.1", "Fagbrev på jobb", "2024-12-31", 500_000, 1),
        ("1.2", "Karriereveiledning", "løpende", None, 1),
        ("2.1", "Næringsforum", None, 75_000, 1),
    ]
    moved = Agreement(
        period="2024-2025",
        focus_areas=AGREEMENT.focus_areas,
        commitments=[
            Commitment("1.1", "Fagbrev på jobb", "1", deadline="2025-06-30"),
            Commitment("1.2", "Karriereveiledning", "1", amount=10_000),
            Commitment("2.1", "Næringsforum", "2", amount=75_000),
        ],
    )
    assert save(db, IOR, moved) == SaveResult(changed=2, unchanged=1)
    assert stored_fields(db) == [
        ("1.1", "Fagbrev på jobb", "2025-06-30", 500_000, 1),
        ("1.2", "Karriereveiledning", "løpende", 10_000, 1),
        ("2.1", "Næringsforum", None, 75_000, 1),
    ]


def test_a_reimport_without_deadline_and_amount_keeps_the_stored_ones(db):
    save(db, IOR, AGREEMENT)
    plain_text = Agreement(
        period="2024-2025",
        focus_areas=AGREEMENT.focus_areas,
        commitments=[
            Commitment("1.1", "Fagbrev på jobb", "1"),
            Commitment("1.2", "Karriereveiledning", "1"),
            Commitment("2.1", "Næringsforum", "2"),
        ],
    )
    assert save(db, IOR, plain_text) == SaveResult(unchanged=3)
    assert stored_agreement(db, IOR, "2024-2025") == AGREEMENT


# --- what saving would change ----------------------------------------------------------------


def test_agreement_changes_lists_what_saving_would_do_and_saving_counts_the_same(db):
    save(db, IOR, AGREEMENT)
    before = stored_agreement(db, IOR, "2024-2025")

    changes = agreement_changes(db, IOR, revised())

    assert changes == AgreementChanges(
        added=[Commitment("2.2", "Grønn omstilling", "3", "Plan, klima og miljø")],
        changed=[
            CommitmentChange(
                "1.1",
                before=Commitment(
                    "1.1", "Fagbrev på jobb", "1", "Utdanning og kompetanse", deadline="2024-12-31", amount=500_000
                ),
                after=Commitment(
                    "1.1",
                    "Fagbrev på jobb for voksne",
                    "1",
                    "Utdanning og kompetanse",
                    deadline="2025-06-30",
                    amount=500_000,
                ),
                fields=("text", "deadline"),
            )
        ],
        retired=[Commitment("1.2", "Karriereveiledning", "1", deadline="løpende")],
        unchanged=1,
        focus_areas_added=[FocusArea("3", "Klima", "#klima", [13])],
        focus_areas_changed=[
            FocusAreaChange(
                "2",
                before=FocusArea("2", "Næringsutvikling", "#arbeidsplassvekst", [8, 9]),
                after=FocusArea("2", "Næring og innovasjon", "#arbeidsplassvekst", [8, 9]),
                fields=("title",),
            )
        ],
        focus_areas_removed=[],
    )
    # Asking changed nothing.
    assert stored_agreement(db, IOR, "2024-2025") == before

    assert save(db, IOR, revised()) == SaveResult(
        added=len(changes.added),
        changed=len(changes.changed),
        unchanged=changes.unchanged,
        retired=len(changes.retired),
    )
    assert agreement_changes(db, IOR, revised()) == AgreementChanges(unchanged=3)


def test_a_retired_commitment_and_focus_area_come_back_as_reactivated(db):
    save(db, IOR, AGREEMENT)
    only_first = Agreement(
        period="2024-2025",
        title="Partnerskapsavtale 2024-2025",
        focus_areas=[AGREEMENT.focus_areas[0]],
        commitments=[AGREEMENT.commitments[0]],
    )
    assert agreement_changes(db, IOR, only_first) == AgreementChanges(
        retired=[AGREEMENT.commitments[1], AGREEMENT.commitments[2]],
        unchanged=1,
        focus_areas_removed=[AGREEMENT.focus_areas[1]],
    )
    assert save(db, IOR, only_first) == SaveResult(unchanged=1, retired=2)
    assert stored_agreement(db, IOR, "2024-2025") == only_first

    changes = agreement_changes(db, IOR, AGREEMENT)
    assert changes == AgreementChanges(
        changed=[
            CommitmentChange("1.2", AGREEMENT.commitments[1], AGREEMENT.commitments[1], ("reactivated",)),
            CommitmentChange("2.1", AGREEMENT.commitments[2], AGREEMENT.commitments[2], ("reactivated",)),
        ],
        unchanged=1,
        focus_areas_changed=[
            FocusAreaChange("2", AGREEMENT.focus_areas[1], AGREEMENT.focus_areas[1], ("reactivated",))
        ],
    )
    assert save(db, IOR, AGREEMENT) == SaveResult(changed=2, unchanged=1)
    assert stored_agreement(db, IOR, "2024-2025") == AGREEMENT


def test_changes_in_council_area_focus_area_and_own_goals_are_named(db):
    save(db, IOR, AGREEMENT)
    moved = Agreement(
        period="2024-2025",
        focus_areas=AGREEMENT.focus_areas,
        commitments=[
            Commitment("1.1", "Fagbrev på jobb", "2", "Samferdsel"),
            Commitment("1.2", "Karriereveiledning", "1", sdgs=[4, 8]),
            # Own goals given as none: it inherits the focus area's again.
            Commitment("2.1", "Næringsforum", "2", sdgs=[]),
        ],
    )
    changes = agreement_changes(db, IOR, moved)
    assert changes is not None
    assert [(change.code, change.fields) for change in changes.changed] == [
        ("1.1", ("focus_area", "council_area")),
        ("1.2", ("sdgs",)),
        ("2.1", ("sdgs",)),
    ]
    assert [change.after for change in changes.changed] == [
        Commitment("1.1", "Fagbrev på jobb", "2", "Samferdsel", deadline="2024-12-31", amount=500_000),
        Commitment("1.2", "Karriereveiledning", "1", sdgs=[4, 8], deadline="løpende"),
        Commitment("2.1", "Næringsforum", "2", "Næring og tannhelse", amount=75_000),
    ]
    assert save(db, IOR, moved) == SaveResult(changed=3)
    assert stored_agreement(db, IOR, "2024-2025").commitments == [change.after for change in changes.changed]


def test_a_catalogue_save_that_leaves_others_alone_counts_the_same(db):
    save(db, IOR, AGREEMENT)
    partial = Agreement(period="2024-2025", commitments=[Commitment("2.1", "Næringsforum, endret")])
    changes = agreement_changes(db, IOR, partial, retire_missing=False)
    assert changes == AgreementChanges(
        changed=[
            CommitmentChange(
                "2.1",
                AGREEMENT.commitments[2],
                Commitment("2.1", "Næringsforum, endret", "2", "Næring og tannhelse", [9, 17], amount=75_000),
                ("text",),
            )
        ]
    )
    assert save(db, IOR, partial, retire_missing=False) == SaveResult(changed=1)


def test_no_changes_without_the_region_or_its_agreement_for_the_period(db):
    save(db, IOR, AGREEMENT)
    assert agreement_changes(db, "Hadeland", AGREEMENT) is None
    assert agreement_changes(db, IOR, Agreement(period="2026-2027")) is None


# --- reading back ----------------------------------------------------------------------------


def test_stored_agreement_by_short_name_and_its_errors(db):
    build_register(db, {IOR: {"short_name": "IØR", "agreements": [AGREEMENT]}, FOLLO: {}})
    assert stored_agreement(db, "iør", "2024-2025") == AGREEMENT
    with pytest.raises(UnknownRegion):
        stored_agreement(db, "Hadeland", "2024-2025")
    with pytest.raises(NoSuchAgreement) as error:
        stored_agreement(db, IOR, "2020-2021")
    assert str(error.value) == "Indre Østfold regionråd har ingen avtale for perioden «2020-2021». Avtaler: 2024-2025."
    with pytest.raises(NoSuchAgreement) as error:
        stored_agreement(db, FOLLO, "2020-2021")
    assert error.value.message("en") == "Follorådet has no agreement for the period “2020-2021”. Agreements: none."


def test_agreements_overview(db):
    build_register(
        db,
        {
            "Øvre Romerike": {"agreements": [Agreement(period="2024")]},
            IOR: {"agreements": [Agreement(period="2022-2023", commitments=[Commitment("1", "Gammelt")])]},
            "Asker": {},
        },
    )
    with_retired = Agreement(
        period="2024-2025", focus_areas=AGREEMENT.focus_areas, commitments=AGREEMENT.commitments[:2]
    )
    save(db, IOR, AGREEMENT)
    saved = save_agreements_as_upload(
        db,
        {"Indre Østfold regionråd": with_retired},
        kind="agreement",
        file_name="/tmp/avtale-ior.pdf",
        sha256="a" * 64,
        user="Admin (admin)",
        retire_missing=True,
    )
    [upload] = list_uploads(db)
    assert upload.id == saved.upload_id
    assert agreements_overview(db) == [
        AgreementOverview(IOR, "2022-2023", None, 1, 0, 0, 1, None, None, VIKEN),
        AgreementOverview(
            IOR, "2024-2025", "Partnerskapsavtale 2024-2025", 2, 1, 2, 1, upload.uploaded_at, "avtale-ior.pdf", VIKEN
        ),
        AgreementOverview("Øvre Romerike", "2024", None, 0, 0, 0, 0, None, None, VIKEN),
    ]


# --- first reports ---------------------------------------------------------------------------

FIRST = {
    IOR: FirstReportsFor(
        "2024-Q2",
        {"1.1": FirstReport("on_track", 40, "Oppstart"), "2.1": FirstReport("delayed")},
    )
}


def save_with_reports(db, first_reports: dict[str, FirstReportsFor], agreement: Agreement = AGREEMENT):
    return save_agreements_as_upload(
        db,
        {IOR: agreement},
        kind="agreement",
        file_name="avtale.docx",
        sha256="b" * 64,
        user="Admin (admin)",
        retire_missing=True,
        first_reports=first_reports,
    )


def status_rows(db) -> list[tuple]:
    return db.execute(
        "SELECT c.code, s.quarter, s.status, s.progress, s.comment, s.upload_id FROM status_reports s "
        "JOIN commitments c ON c.id = s.commitment_id ORDER BY c.code, s.quarter"
    ).fetchall()


def test_first_reports_are_a_status_upload_of_their_own_and_roll_back(db):
    saved = save_with_reports(db, FIRST)

    assert (saved.upload_id, saved.total, saved.report_conflicts) == (1, SaveResult(added=3), [])
    assert saved.reports is not None
    assert (saved.reports.upload_id, saved.reports.added, saved.reports.changed) == (2, 2, 0)
    assert status_rows(db) == [
        ("1.1", "2024-Q2", "on_track", 40, "Oppstart", 2),
        ("2.1", "2024-Q2", "delayed", None, None, 2),
    ]
    assert [(u.id, u.kind, u.file_name, u.quarters, u.added) for u in list_uploads(db)] == [
        (2, "status", "avtale.docx", "2024-Q2", 2),
        (1, "agreement", "avtale.docx", None, 3),
    ]

    rolled = rollback(db, 2, user=ADMIN)
    assert (rolled.removed, rolled.restored) == (2, 0)
    assert status_rows(db) == []
    assert stored_agreement(db, IOR, "2024-2025") == AGREEMENT


def test_a_first_report_does_not_replace_a_stored_one(db):
    save(db, IOR, AGREEMENT)
    add_reports(db, [(IOR, "1.1", "2024-Q2", "completed", 100), (IOR, "2.1", "2024-Q2", "delayed")])

    saved = save_with_reports(db, FIRST)

    assert saved.report_conflicts == [
        ReportConflict(IOR, "1.1", "2024-Q2", FirstReport("completed", 100), FirstReport("on_track", 40, "Oppstart"))
    ]
    # The identical 2.1 needs no writing, so no status upload is made.
    assert saved.reports is not None
    assert (saved.reports.upload_id, saved.reports.added, saved.reports.changed) == (None, 0, 0)
    assert status_rows(db) == [
        ("1.1", "2024-Q2", "completed", 100, None, 1),
        ("2.1", "2024-Q2", "delayed", None, None, 1),
    ]
    assert [upload.kind for upload in list_uploads(db)] == ["agreement", "status"]


def test_first_reports_for_a_quarter_that_cannot_be_read_save_nothing(db):
    with pytest.raises(InvalidQuarter):
        save_with_reports(db, {IOR: FirstReportsFor("våren 2024", {"1.1": FirstReport("on_track")})})
    assert db.execute("SELECT count(*) FROM commitments").fetchone() == (0,)
    assert list_uploads(db) == []
