"""What an upload would change (loaders.review), what it did change (core.uploads), and progress."""

import pandas as pd

from core.reports import rollback
from core.uploads import upload_changes
from loaders.review import REVIEW_COLUMNS, review_counts, review_frame
from loaders.status import load_status, load_status_bytes
from tests.builders import ADMIN, build_small_register, write_workbook


def test_review_compares_with_the_value_replaced_or_the_latest_earlier_report(db, tmp_path):
    build_small_register(db)
    load_status(
        db,
        write_workbook(
            tmp_path / "q1.xlsx",
            [
                ["Follo", "1.1", "2023-Q1", "I rute", 50, "", "", ""],
                ["Follo", "1.2", "2023-Q1", "Forsinket", 20, "", "", ""],
            ],
        ),
        user=ADMIN,
    )
    result = load_status(
        db,
        write_workbook(
            tmp_path / "q2.xlsx",
            [
                ["Follo", "1.1", "2023-Q2", "Forsinket", 40, "Venter", "", ""],  # new quarter: against Q1
                ["Follo", "1.2", "2023-Q2", "Forsinket", 20, "", "", ""],  # as in Q1: not updated
                ["Follo", "1.1", "2023-Q1", "I rute", 50, "Rettet", "", ""],  # same quarter, comment changed
                ["IØR", "1.2", "2023-Q2", "I rute", 10, "", "", ""],  # never reported: nothing to compare with
            ],
        ),
        dry_run=True,
        user=ADMIN,
    )
    frame = review_frame(db, result)
    assert list(frame.columns) == list(REVIEW_COLUMNS)
    rows = [[None if _blank(value) else value for value in row] for row in frame.astype(object).itertuples(index=False)]
    follo = "Follorådet"
    assert rows == [
        [
            2,
            follo,
            "1.1",
            "Trafikksikkerhet ved skoler",
            "2023-Q2",
            "changed",
            "2023-Q1",
            "on_track",
            "delayed",
            50,
            40,
            True,
            True,
            (("status", "on_track", "delayed"), ("progress", 50, 40), ("comment", None, "Venter")),
        ],
        [
            3,
            follo,
            "1.2",
            "Innfartsparkering",
            "2023-Q2",
            "not_updated",
            "2023-Q1",
            "delayed",
            "delayed",
            20,
            20,
            False,
            False,
            (),
        ],
        [
            4,
            follo,
            "1.1",
            "Trafikksikkerhet ved skoler",
            "2023-Q1",
            "changed",
            "2023-Q1",
            "on_track",
            "on_track",
            50,
            50,
            False,
            False,
            (("comment", None, "Rettet"),),
        ],
        [
            5,
            "Indre Østfold regionråd",
            "1.2",
            "Videreutvikle fagskolen",
            "2023-Q2",
            "added",
            None,
            None,
            "on_track",
            None,
            10,
            False,
            False,
            (("status", None, "on_track"), ("progress", None, 10)),
        ],
    ]
    assert review_counts(frame) == {
        "added": 1,
        "changed": 2,
        "unchanged": 0,
        "not_updated": 1,
        "newly_delayed": 1,
        "backwards": 1,
    }
    # What saving would write is another matter: two reports added, one replaced, one left out.
    assert (result.added, result.changed, result.unchanged, result.not_updated) == (2, 1, 0, 1)


def _blank(value) -> bool:
    return not isinstance(value, tuple) and bool(pd.isna(value))


def test_the_upload_log_keeps_what_an_upload_wrote_after_its_rollback(db, tmp_path):
    build_small_register(db)
    first = load_status(
        db, write_workbook(tmp_path / "a.xlsx", [["Follo", "1.1", "2023-Q1", "I rute", 50, "", "", ""]]), user=ADMIN
    )
    second = load_status(
        db,
        write_workbook(
            tmp_path / "b.xlsx",
            [
                ["Follo", "1.1", "2023-Q1", "Forsinket", 30, "Ny", "", ""],
                ["Follo", "1.2", "2023-Q1", "I rute", 10, "", "", ""],
            ],
        ),
        user=ADMIN,
    )
    rollback(db, second.upload_id, user=ADMIN)
    changes = upload_changes(db, second.upload_id)
    assert [
        (
            row["code"],
            row["change"],
            row["status_before"],
            row["progress_before"],
            row["status_after"],
            row["progress_after"],
            row["comment_after"],
        )
        for row in changes
    ] == [
        ("1.1", "changed", "on_track", 50, "delayed", 30, "Ny"),
        ("1.2", "added", None, None, "on_track", 10, None),
    ]
    assert [row["status_after"] for row in upload_changes(db, first.upload_id)] == ["on_track"]


def test_progress_is_reported_stage_by_stage_and_bytes_load_like_files(db, tmp_path):
    build_small_register(db)
    path = write_workbook(tmp_path / "a.xlsx", [["Follo", "1.1", "2023-Q1", "I rute", 50, "", "", ""]])
    heard = []
    result = load_status_bytes(
        db,
        path.read_bytes(),
        "fra-nettleseren.xlsx",
        dry_run=True,
        on_progress=lambda f, stage: heard.append(stage),
        user=ADMIN,
    )
    assert (result.added, result.dry_run) == (1, True)
    assert heard == ["read", "compare", "done"]
    saved = load_status_bytes(db, path.read_bytes(), "fra-nettleseren.xlsx", user=ADMIN)
    assert db.execute("SELECT file_name, uploaded_by FROM uploads WHERE id = ?", (saved.upload_id,)).fetchone() == (
        "fra-nettleseren.xlsx",
        "Admin (admin)",
    )


def test_a_blank_comment_in_a_new_quarter_is_no_change(db, tmp_path):
    # The template leaves Kommentar and Neste steg blank; the previous quarter's words were not removed.
    build_small_register(db)
    earlier = [["Follo", "1.1", "2023-Q1", "I rute", 50, "Godt i gang", "Møte i mai", ""]]
    load_status(db, write_workbook(tmp_path / "q1.xlsx", earlier), user=ADMIN)
    result = load_status(
        db,
        write_workbook(tmp_path / "q2.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 50, "", "", ""]]),
        dry_run=True,
        user=ADMIN,
    )
    frame = review_frame(db, result)
    # Nothing in the row differs from the previous report, so the row is not updated.
    assert (frame.loc[0, "change"], frame.loc[0, "changed_fields"]) == ("not_updated", ())
    kept = load_status(
        db,
        write_workbook(tmp_path / "q2.xlsx", [["Follo", "1.1", "2023-Q2", "I rute", 50, "", "", ""]]),
        dry_run=True,
        user=ADMIN,
        keep_not_updated=True,
    )
    assert (review_frame(db, kept).loc[0, "change"], kept.added) == ("unchanged", 1)
    # In the same quarter a comment emptied is a change: it replaces the words stored.
    again = load_status(
        db, write_workbook(tmp_path / "q1b.xlsx", [[*earlier[0][:5], "", "Møte i mai", ""]]), dry_run=True, user=ADMIN
    )
    assert review_frame(db, again).loc[0, "changed_fields"] == (("comment", "Godt i gang", None),)
