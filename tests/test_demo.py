import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core.db import connect
from core.vocabulary import STATUS_KEYS
from loaders import __main__ as cli
from loaders.demo import build as demo
from loaders.demo import data as demo_data

REGION_NAMES = [
    "Follorådet",
    "Gardermoregionen",
    "Indre Østfold regionråd",
    "Kongsbergregionen",
    "Mosseregionen",
    "Nedre Romerike regionråd",
    "Regionrådet for Hallingdal",
]

# Every numbered and lettered item of the signed agreement (loaders/seeds).
INDRE_OSTFOLD_CODES = [
    "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8",
    "2.1", "2.1.A", "2.1.B", "2.2", "2.3", "2.3.1", "2.3.2", "2.3.3", "2.3.4", "2.4",
    "3.1", "3.1.1", "3.1.2", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
]  # fmt: skip


@pytest.fixture
def built(demo_template):
    """The session's demo database (tests/conftest.py), built once and only read here."""
    return demo_template


@pytest.fixture
def db(built):
    with contextlib.closing(connect(built[0])) as database:
        yield database


def rows(db, sql, params=()):
    return db.execute(sql, params).fetchall()


def test_summary_counts_what_was_built(built, db):
    path, summary = built
    assert summary.built
    assert (summary.regions, summary.commitments, summary.reports, summary.uploads) == (
        rows(db, "SELECT count(*) FROM regions")[0][0],
        rows(db, "SELECT count(*) FROM commitments")[0][0],
        rows(db, "SELECT count(*) FROM status_reports")[0][0],
        rows(db, "SELECT count(*) FROM uploads")[0][0],
    )
    assert str(summary).startswith(f"Demodatabasen er bygget i {path}: 7 regioner")


def test_regions(db):
    assert [name for (name,) in rows(db, "SELECT name FROM regions ORDER BY name")] == REGION_NAMES
    assert rows(db, "SELECT count(*) FROM regions WHERE short_name IS NULL") == [(0,)]


def test_every_commitment_has_a_council_area_and_all_areas_are_used(db):
    assert rows(db, "SELECT count(*) FROM commitments WHERE council_area_id IS NULL") == [(0,)]
    used = rows(db, "SELECT DISTINCT ca.name FROM commitments c JOIN council_areas ca ON ca.id = c.council_area_id")
    assert {name for (name,) in used} == {name for (name,) in rows(db, "SELECT name FROM council_areas")}


def test_indre_ostfold_has_the_seed_agreement(db):
    codes = rows(
        db,
        "SELECT c.code FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
        "JOIN regions r ON r.id = a.region_id WHERE r.name = 'Indre Østfold regionråd' ORDER BY c.position",
    )
    assert [code for (code,) in codes] == INDRE_OSTFOLD_CODES
    periods = rows(
        db, "SELECT period FROM agreements a JOIN regions r ON r.id = a.region_id WHERE r.short_name = 'IØR'"
    )
    assert periods == [("2022-2023",)]


def test_the_seed_copy_matches_the_shared_original():
    shared, copy = demo.SEED_PATHS
    if not shared.exists():
        pytest.skip("no shared seeds folder next to the repo")
    assert copy.read_bytes() == shared.read_bytes()


def test_commitments_per_region_and_codes(db):
    counts = dict(
        rows(
            db,
            "SELECT r.name, count(*) FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
            "JOIN regions r ON r.id = a.region_id GROUP BY r.name",
        )
    )
    assert set(counts) == set(REGION_NAMES)
    assert all(8 <= count <= 14 for name, count in counts.items() if name != "Indre Østfold regionråd")
    codes = {code for (code,) in rows(db, "SELECT code FROM commitments")}
    assert "1.10" in codes
    assert any(code.count(".") == 2 and code[-1].isalpha() for code in codes)  # like 2.1.A
    # Some commitments have goals of their own, overriding their focus area's.
    assert rows(db, "SELECT count(DISTINCT commitment_id) FROM commitment_sdgs")[0][0] >= 10


def test_every_region_has_focus_areas_with_hashtags_and_goals(db):
    per_region = dict(
        rows(
            db,
            "SELECT r.name, count(DISTINCT f.id) FROM focus_areas f "
            "JOIN agreements a ON a.id = f.agreement_id JOIN regions r ON r.id = a.region_id "
            "JOIN focus_area_sdgs s ON s.focus_area_id = f.id "
            "WHERE f.hashtag LIKE '#%' GROUP BY r.name",
        )
    )
    assert set(per_region) == set(REGION_NAMES)
    assert min(per_region.values()) >= 2


def test_municipalities(db):
    types = rows(db, "SELECT DISTINCT typeof(number), length(number) FROM municipalities")
    assert types == [("text", 4)]
    assert all(number.startswith("30") for (number,) in rows(db, "SELECT number FROM municipalities"))
    shared = rows(
        db,
        "SELECT m.name, count(*) FROM region_municipalities rm "
        "JOIN municipalities m ON m.number = rm.municipality_number "
        "GROUP BY rm.municipality_number HAVING count(*) > 1",
    )
    assert shared == [("Våler", 2)]
    assert rows(db, "SELECT count(*) FROM region_municipalities")[0][0] == sum(
        len(region.municipalities) for region in demo_data.REGIONS
    )


def test_status_history(db):
    quarters = [quarter for (quarter,) in rows(db, "SELECT DISTINCT quarter FROM status_reports ORDER BY quarter")]
    assert len(quarters) >= 8
    assert quarters == demo.quarter_range(demo.FIRST_QUARTER, demo.LAST_QUARTER)
    assert {status for (status,) in rows(db, "SELECT DISTINCT status FROM status_reports")} == set(STATUS_KEYS)
    assert rows(db, "SELECT count(*) FROM status_reports WHERE progress NOT BETWEEN 0 AND 100") == [(0,)]
    assert rows(db, "SELECT count(*) FROM status_reports WHERE status = 'completed' AND progress != 100") == [(0,)]
    assert rows(db, "SELECT count(*) FROM status_reports WHERE owner IS NULL") == [(0,)]


def test_progress_never_goes_backwards(db):
    last: dict[int, int] = {}
    ordered = "SELECT commitment_id, progress FROM status_reports ORDER BY commitment_id, quarter"
    for commitment_id, progress in rows(db, ordered):
        assert progress >= last.get(commitment_id, 0)
        last[commitment_id] = progress


def test_completed_and_cancelled_stay_so(db):
    seen: dict[int, str] = {}
    ordered = "SELECT commitment_id, status FROM status_reports ORDER BY commitment_id, quarter"
    for commitment_id, status in rows(db, ordered):
        if seen.get(commitment_id) in ("completed", "cancelled"):
            assert status == seen[commitment_id]
        seen[commitment_id] = status
    cancelled = rows(db, "SELECT count(DISTINCT commitment_id) FROM status_reports WHERE status = 'cancelled'")[0][0]
    assert cancelled == demo.CANCELLED_COMMITMENTS


def test_gaps_leave_stale_commitments_and_a_late_region(db):
    newest_two = demo.quarter_range(demo.FIRST_QUARTER, demo.LAST_QUARTER)[-2:]
    stale = rows(
        db,
        "SELECT count(*) FROM commitments c WHERE NOT EXISTS (SELECT 1 FROM status_reports s "
        "WHERE s.commitment_id = c.id AND s.quarter IN (?, ?))",
        newest_two,
    )[0][0]
    assert stale >= demo.STALE_COMMITMENTS
    reporting = {
        name
        for (name,) in rows(
            db,
            "SELECT DISTINCT r.name FROM status_reports s JOIN commitments c ON c.id = s.commitment_id "
            "JOIN agreements a ON a.id = c.agreement_id JOIN regions r ON r.id = a.region_id WHERE s.quarter = ?",
            (demo.LAST_QUARTER,),
        )
    }
    assert set(REGION_NAMES) - reporting == {demo_data.LATE_REGION}


def test_uploads_log_reads_like_real_files(db):
    uploads = rows(db, "SELECT kind, file_name, uploaded_by, uploaded_at, quarters FROM uploads ORDER BY id")
    status = [upload for upload in uploads if upload[0] == "demo"]
    regions_by_quarter = len(REGION_NAMES) * len(demo.quarter_range(demo.FIRST_QUARTER, demo.LAST_QUARTER)) - 1
    assert len(status) == regions_by_quarter
    assert ("demo", "status-follo-2023-Q2.xlsx", "Ole Kristian Strand (ole.kristian.strand)") in [u[:3] for u in status]
    assert all(upload[4] and upload[1].endswith(f"{upload[4]}.xlsx") for upload in status)
    times = [upload[3] for upload in uploads]
    assert times == sorted(times)
    assert times[0].startswith("2022-") and times[-1].startswith("2024-07")
    assert len({sha for (sha,) in rows(db, "SELECT sha256 FROM uploads")}) == len(uploads)


def test_building_twice_gives_identical_reports(built, tmp_path):
    def reports(path):
        with contextlib.closing(sqlite3.connect(path)) as conn:
            return conn.execute("SELECT * FROM status_reports ORDER BY id").fetchall()

    again = tmp_path / "again.db"
    demo.build_demo(again)
    assert reports(again) == reports(built[0])


def test_existing_database_is_left_alone_without_force(tmp_path):
    path = tmp_path / "dashboard.db"
    first = demo.build_demo(path)
    with contextlib.closing(connect(path)) as db:
        db.conn.execute("DELETE FROM status_reports WHERE quarter = '2022-Q1'")
        db.conn.commit()
        kept = db.execute("SELECT count(*) FROM status_reports").fetchone()[0]

    second = demo.build_demo(path)
    assert not second.built
    assert second.reports == kept < first.reports
    assert "ingenting er endret" in str(second)

    third = demo.build_demo(path, force=True)
    assert third.built and third.reports == first.reports
    assert sorted(p.name for p in tmp_path.iterdir() if "building" in p.name) == []


def test_an_empty_database_is_filled(tmp_path):
    path = tmp_path / "dashboard.db"
    connect(path).close()  # what the dashboard leaves on a first start
    assert demo.build_demo(path).built


def test_an_interrupted_build_leaves_nothing_behind(tmp_path, monkeypatch):
    path = tmp_path / "dashboard.db"

    def fail(*args, **kwargs):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(demo, "save_reports", fail)
    with pytest.raises(RuntimeError):
        demo.build_demo(path)
    assert list(tmp_path.iterdir()) == []


def test_a_build_killed_outright_leaves_nothing_behind_once_the_next_build_runs(tmp_path):
    """SIGKILL skips every clean-up, so the next build removes what a dead build left (issue 13, item 7)."""
    path = tmp_path / "dashboard.db"
    killed = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import os, signal\n"
            "from loaders.demo import build\n"
            "def die(db, password):\n"
            "    db.execute('CREATE TABLE half (x)')\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n"
            "build._fill = die\n"
            f"build.build_demo({str(path)!r})\n",
        ],
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert killed.wait() == -signal.SIGKILL
    temp = f".dashboard.db.{killed.pid}.building"
    assert sorted(entry.name for entry in tmp_path.iterdir()) == [temp, f"{temp}-shm", f"{temp}-wal"]
    # A build that is still running elsewhere keeps its file.
    running = tmp_path / f".dashboard.db.{os.getppid()}.building"
    running.write_bytes(b"")

    assert demo.build_demo(path).built
    assert sorted(entry.name for entry in tmp_path.iterdir()) == sorted(["dashboard.db", running.name])


def test_command_line(tmp_path, capsys):
    path = tmp_path / "dashboard.db"
    assert cli.main(["demo", "--db", str(path)]) == 0
    assert capsys.readouterr().out.startswith(f"Demodatabasen er bygget i {path}:")
    assert cli.main(["demo", "--db", str(path)]) == 0
    assert "--force" in capsys.readouterr().out


def test_council_area_for_falls_back_to_the_parent_code():
    areas = {"2": "Næring og tannhelse", "2.3.2": "Plan, klima og miljø"}
    assert demo.council_area_for("2.3.2", areas) == "Plan, klima og miljø"
    assert demo.council_area_for("2.3.1", areas) == "Næring og tannhelse"
    assert demo.council_area_for("2.1.A", areas) == "Næring og tannhelse"
    assert demo.council_area_for("4.1", areas) is None
