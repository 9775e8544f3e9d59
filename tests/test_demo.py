import contextlib
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core import rounds
from core.access import holds, reportable_regions
from core.db import connect
from core.organisation import (
    council_areas,
    counties,
    find_county,
    former_names,
    region_county,
    region_members,
    status_aliases,
    successors,
)
from core.reference import current_numbers
from core.register import find_region
from core.users import get_user
from core.vocabulary import STATUS_KEYS, quarter_end
from loaders import __main__ as cli
from loaders.demo import build as demo
from loaders.demo import data as demo_data
from tests.builders import DEMO_TODAY

REGION_NAMES = [
    "Folloregionen IPR",
    "Gardermoregionen",
    "Indre Østfold regionråd",
    "Kongsbergregionen",
    "Mosseregionen",
    "Regionrådet for Hallingdal",
    "Samarbeidsrådet for Nedre Romerike",
]

# Every numbered and lettered item of the signed agreement (loaders/seeds).
INDRE_OSTFOLD_CODES = [
    "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8",
    "2.1", "2.1.A", "2.1.B", "2.2", "2.3", "2.3.1", "2.3.2", "2.3.3", "2.3.4", "2.4",
    "3.1", "3.1.1", "3.1.2", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
]  # fmt: skip

# The demo built on DEMO_TODAY (2026-11-30) reports up to 2026-Q3: 19 quarters.
QUARTERS = demo.quarter_range("2022-Q1", "2026-Q3")

COUNTY_REGIONS = {
    "Akershus fylkeskommune": ["Folloregionen IPR", "Gardermoregionen", "Samarbeidsrådet for Nedre Romerike"],
    "Buskerud fylkeskommune": ["Kongsbergregionen", "Regionrådet for Hallingdal"],
    "Viken fylkeskommune": REGION_NAMES,
    "Østfold fylkeskommune": ["Indre Østfold regionråd", "Mosseregionen"],
}

# How the 2024–2027 agreements carry the 2022–2023 ones on, where not simply continued.
NOT_CONTINUED = [
    ("Folloregionen IPR", "2.1", "2.1.A", "split"),
    ("Folloregionen IPR", "2.1", "2.1.B", "split"),
    ("Folloregionen IPR", "3.2", "3.2", "merged"),
    ("Folloregionen IPR", "3.2.A", "3.2", "merged"),
    ("Folloregionen IPR", "4.1", None, "ended"),
    ("Gardermoregionen", "2.3", None, "ended"),
    ("Indre Østfold regionråd", "1.7", None, "ended"),
    ("Indre Østfold regionråd", "3.4", "3.4", "merged"),
    ("Indre Østfold regionråd", "3.5", "3.4", "merged"),
    ("Kongsbergregionen", "3.2", "3.2", "split"),
    ("Kongsbergregionen", "3.2", "3.4", "split"),
    ("Mosseregionen", "3.3", None, "ended"),
    ("Samarbeidsrådet for Nedre Romerike", "1.2", "1.2", "merged"),
    ("Samarbeidsrådet for Nedre Romerike", "1.8", "1.2", "merged"),
]

# Commitments in the new agreements that carry on none of Viken's.
NEW_COMMITMENTS = [
    ("Folloregionen IPR", "4.4"),
    ("Gardermoregionen", "3.4"),
    ("Indre Østfold regionråd", "1.9"),
    ("Kongsbergregionen", "2.4"),
    ("Mosseregionen", "1.4"),
    ("Regionrådet for Hallingdal", "4.3"),
    ("Samarbeidsrådet for Nedre Romerike", "1.11"),
]

REGION_OF_REPORT = (
    "FROM status_reports s JOIN commitments c ON c.id = s.commitment_id "
    "JOIN agreements a ON a.id = c.agreement_id JOIN regions r ON r.id = a.region_id "
    "JOIN counties co ON co.id = a.county_id"
)


@pytest.fixture
def built(demo_template):
    """The session's demo database (tests/conftest.py), built on DEMO_TODAY once and only read here."""
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


def test_the_last_quarter_is_the_last_complete_one_before_the_build_day():
    assert demo.last_complete_quarter(dt.date(2026, 11, 30)) == "2026-Q3"
    assert demo.last_complete_quarter(dt.date(2026, 10, 1)) == "2026-Q3"
    assert demo.last_complete_quarter(dt.date(2026, 9, 30)) == "2026-Q2"
    assert demo.last_complete_quarter(dt.date(2025, 1, 1)) == "2024-Q4"


def test_counties_viken_split_into_three(db):
    assert [(c.name, c.number, c.valid_from, c.valid_to) for c in counties(db)] == [
        ("Akershus fylkeskommune", "32", dt.date(2024, 1, 1), None),
        ("Buskerud fylkeskommune", "33", dt.date(2024, 1, 1), None),
        ("Østfold fylkeskommune", "31", dt.date(2024, 1, 1), None),
        ("Viken fylkeskommune", "30", dt.date(2020, 1, 1), dt.date(2023, 12, 31)),
    ]
    viken = find_county(db, "Viken")
    assert sorted(c.short_name for c in successors(db, viken)) == ["Akershus", "Buskerud", "Østfold"]


def test_each_county_has_its_own_units_and_uses_all_of_them(db):
    assert rows(db, "SELECT count(*) FROM commitments WHERE council_area_id IS NULL") == [(0,)]
    for county in counties(db):
        used = rows(
            db,
            "SELECT DISTINCT ca.name FROM commitments c JOIN council_areas ca ON ca.id = c.council_area_id "
            "JOIN agreements a ON a.id = c.agreement_id WHERE a.county_id = ? AND ca.county_id = a.county_id",
            (county.id,),
        )
        assert sorted(name for (name,) in used) == sorted(council_areas(db, county)), county.name
    assert council_areas(db, find_county(db, "Buskerud")) == [
        "Regional utvikling",
        "Samferdsel",
        "Utdanning",
        "Stab og kvalitet",
    ]


def test_agreements_by_county_and_period(db):
    agreements = rows(
        db,
        "SELECT co.name, a.period, r.name FROM agreements a JOIN counties co ON co.id = a.county_id "
        "JOIN regions r ON r.id = a.region_id ORDER BY co.name, r.name",
    )
    by_county: dict[tuple[str, str], list[str]] = {}
    for county, period, region in agreements:
        by_county.setdefault((county, period), []).append(region)
    assert by_county == {
        ("Akershus fylkeskommune", "2024-2027"): COUNTY_REGIONS["Akershus fylkeskommune"],
        ("Buskerud fylkeskommune", "2024-2027"): COUNTY_REGIONS["Buskerud fylkeskommune"],
        ("Viken fylkeskommune", "2022-2023"): REGION_NAMES,
        ("Østfold fylkeskommune", "2024-2027"): COUNTY_REGIONS["Østfold fylkeskommune"],
    }
    # Every new agreement succeeds the region's Viken agreement.
    assert rows(
        db,
        "SELECT count(*) FROM agreements a JOIN agreements p ON p.id = a.succeeds_id "
        "WHERE a.period = '2024-2027' AND p.period = '2022-2023' AND p.region_id = a.region_id",
    ) == [(7,)]


def test_regions_move_to_their_new_county_and_some_are_renamed(db):
    assert [name for (name,) in rows(db, "SELECT name FROM regions ORDER BY name")] == REGION_NAMES
    assert rows(db, "SELECT count(*) FROM regions WHERE short_name IS NULL") == [(0,)]
    for county, names in COUNTY_REGIONS.items():
        if county == "Viken fylkeskommune":
            continue
        for name in names:
            region_id = find_region(db, name).id
            assert region_county(db, region_id, dt.date(2023, 12, 31)).name == "Viken fylkeskommune"
            assert region_county(db, region_id, dt.date(2024, 1, 1)).name == county
    follo = find_region(db, "Follorådet")
    assert follo.name == "Folloregionen IPR"
    assert former_names(db, follo.id) == [("Follorådet", dt.date(2023, 12, 31))]
    romerike = find_region(db, "Nedre Romerike regionråd").id
    assert former_names(db, romerike) == [("Nedre Romerike regionråd", dt.date(2023, 12, 31))]


def test_members_are_renumbered_in_2024_and_kongsberg_has_members_in_telemark(db):
    for region in demo_data.REGIONS:
        region_id = find_region(db, region.name).id
        before = {m.number: m.name for m in region_members(db, region_id, dt.date(2023, 12, 31))}
        assert before == region.municipalities
        after = {m.number: m.name for m in region_members(db, region_id, dt.date(2024, 1, 1))}
        renumbered = {new for old in region.municipalities for new in current_numbers(old, dt.date(2024, 1, 1))}
        assert sorted(after) == sorted(renumbered | set(region.other_county_members))
    kongsberg = find_region(db, "Kongsbergregionen").id
    assert [(m.number, m.name, m.county_number) for m in region_members(db, kongsberg)] == [
        ("3303", "Kongsberg", "33"),
        ("3334", "Flesberg", "33"),
        ("3336", "Rollag", "33"),
        ("3338", "Nore og Uvdal", "33"),
        ("4005", "Notodden", "40"),
        ("4026", "Tinn", "40"),
    ]
    # Every municipality has its county: Viken's numbers until 2023, the new counties' and Telemark's after.
    assert rows(db, "SELECT county_number, count(*) FROM municipalities GROUP BY county_number") == [
        ("30", 35),
        ("31", 8),
        ("32", 17),
        ("33", 10),
        ("40", 2),
    ]
    # Våler sits in both Indre Østfold regionråd and Mosseregionen, before and after.
    shared = rows(
        db,
        "SELECT m.number, m.name, count(*) FROM region_municipalities rm "
        "JOIN municipalities m ON m.number = rm.municipality_number "
        "GROUP BY rm.municipality_number HAVING count(*) > 1",
    )
    # SSB's name tells it from Våler in Innlandet.
    assert shared == [("3018", "Våler", 2), ("3114", "Våler (Østfold)", 2)]


def test_buskerud_has_its_own_status_word(db):
    assert status_aliases(db, find_county(db, "Buskerud")) == {"i arbeid": "on_track"}
    assert status_aliases(db, find_county(db, "Akershus")) == {}


def test_ostfolds_adviser_reports_for_the_county(db):
    adviser = get_user(db, "siri.haugland")
    assert (adviser.role, adviser.counties, adviser.regions) == ("rapportor", ("Østfold fylkeskommune",), ())
    assert reportable_regions(db, adviser) == ["Indre Østfold regionråd", "Mosseregionen"]
    assert holds(adviser, "Mosseregionen", None, "Østfold fylkeskommune")
    assert not holds(adviser, "Mosseregionen", None, "Viken fylkeskommune")


def test_indre_ostfold_has_the_seed_agreement_carried_on_by_ostfold(db):
    def codes(period):
        found = rows(
            db,
            "SELECT c.code FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
            "JOIN regions r ON r.id = a.region_id WHERE r.short_name = 'IØR' AND a.period = ? ORDER BY c.position",
            (period,),
        )
        return [code for (code,) in found]

    assert codes("2022-2023") == INDRE_OSTFOLD_CODES
    expected = [code for code in INDRE_OSTFOLD_CODES if code not in ("1.7", "3.5")]
    assert codes("2024-2027") == [*expected[:7], "1.9", *expected[7:]]
    texts = dict(
        rows(
            db,
            "SELECT a.period, c.text FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
            "JOIN regions r ON r.id = a.region_id WHERE r.short_name = 'IØR' AND c.code = '1.2'",
        )
    )
    # The new county's name stands where Viken's stood.
    assert texts["2022-2023"].startswith("Videreutvikle Viken fagskole Indre Østfold")
    assert texts["2024-2027"] == texts["2022-2023"].replace("Viken", "Østfold")


def test_the_seed_copy_matches_the_shared_original():
    shared, copy = demo.SEED_PATHS
    if not shared.exists():
        pytest.skip("no shared seeds folder next to the repo")
    assert copy.read_bytes() == shared.read_bytes()


def test_commitments_per_region_and_codes(db):
    counts = dict(
        rows(
            db,
            "SELECT r.name || ' ' || a.period, count(*) FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
            "JOIN regions r ON r.id = a.region_id GROUP BY r.name, a.period",
        )
    )
    assert counts == {
        "Folloregionen IPR 2022-2023": 13,
        "Folloregionen IPR 2024-2027": 13,
        "Gardermoregionen 2022-2023": 11,
        "Gardermoregionen 2024-2027": 11,
        "Indre Østfold regionråd 2022-2023": 28,
        "Indre Østfold regionråd 2024-2027": 27,
        "Kongsbergregionen 2022-2023": 9,
        "Kongsbergregionen 2024-2027": 11,
        "Mosseregionen 2022-2023": 9,
        "Mosseregionen 2024-2027": 9,
        "Regionrådet for Hallingdal 2022-2023": 12,
        "Regionrådet for Hallingdal 2024-2027": 13,
        "Samarbeidsrådet for Nedre Romerike 2022-2023": 14,
        "Samarbeidsrådet for Nedre Romerike 2024-2027": 14,
    }
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
    assert min(per_region.values()) >= 4  # two or more in each of the two agreements


def test_lineage_of_every_kind(db):
    lineage = rows(
        db,
        "SELECT r.name, p.code, s.code, l.kind FROM commitment_lineage l "
        "JOIN commitments p ON p.id = l.predecessor_id JOIN agreements a ON a.id = p.agreement_id "
        "JOIN regions r ON r.id = a.region_id LEFT JOIN commitments s ON s.id = l.successor_id "
        "ORDER BY r.name, p.code, s.code",
    )
    assert [row for row in lineage if row[3] != "continued"] == NOT_CONTINUED
    continued = [row for row in lineage if row[3] == "continued"]
    assert all(old == new for _, old, new, _ in continued)
    viken_commitments = rows(
        db, "SELECT count(*) FROM commitments c JOIN agreements a ON a.id = c.agreement_id WHERE a.period = '2022-2023'"
    )[0][0]
    # Every Viken commitment carries on, or is ended, exactly once; the split ones twice.
    assert len(lineage) == viken_commitments + 2
    new = rows(
        db,
        "SELECT r.name, c.code FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
        "JOIN regions r ON r.id = a.region_id WHERE a.period = '2024-2027' "
        "AND c.id NOT IN (SELECT successor_id FROM commitment_lineage WHERE successor_id IS NOT NULL) "
        "ORDER BY r.name, c.code",
    )
    assert new == NEW_COMMITMENTS


def test_status_history_runs_to_the_last_complete_quarter(db):
    quarters = [quarter for (quarter,) in rows(db, "SELECT DISTINCT quarter FROM status_reports ORDER BY quarter")]
    assert quarters == QUARTERS
    assert {status for (status,) in rows(db, "SELECT DISTINCT status FROM status_reports")} == set(STATUS_KEYS)
    assert rows(db, "SELECT count(*) FROM status_reports WHERE progress NOT BETWEEN 0 AND 100") == [(0,)]
    assert rows(db, "SELECT count(*) FROM status_reports WHERE status = 'completed' AND progress != 100") == [(0,)]
    assert rows(db, "SELECT count(*) FROM status_reports WHERE owner IS NULL") == [(0,)]


def test_viken_reports_2022_2023_and_the_three_counties_2024_on(db):
    spans = rows(
        db, f"SELECT co.name, min(s.quarter), max(s.quarter), count(DISTINCT r.id) {REGION_OF_REPORT} GROUP BY co.name"
    )
    assert sorted(spans) == [
        ("Akershus fylkeskommune", "2024-Q1", "2026-Q3", 3),
        ("Buskerud fylkeskommune", "2024-Q1", "2026-Q3", 2),
        ("Viken fylkeskommune", "2022-Q1", "2023-Q4", 7),
        ("Østfold fylkeskommune", "2024-Q1", "2026-Q3", 2),
    ]
    # The responsible people work for the county of the time.
    owners = dict(rows(db, f"SELECT co.name, group_concat(DISTINCT s.owner) {REGION_OF_REPORT} GROUP BY co.name"))
    assert "Viken" in owners["Viken fylkeskommune"] and "Akershus" not in owners["Viken fylkeskommune"]
    assert "Akershus" in owners["Akershus fylkeskommune"] and "Viken" not in owners["Akershus fylkeskommune"]


def test_stories_carry_on_across_the_split(db):
    """A continued commitment's 2024-Q1 report follows on from its 2023-Q4 one."""
    pairs = rows(
        db,
        "SELECT b.status, b.progress, f.status, f.progress FROM commitment_lineage l "
        "JOIN status_reports b ON b.commitment_id = l.predecessor_id AND b.quarter = '2023-Q4' "
        "JOIN status_reports f ON f.commitment_id = l.successor_id AND f.quarter = '2024-Q1' "
        "WHERE l.kind = 'continued'",
    )
    assert len(pairs) >= 60
    for before_status, before, after_status, after in pairs:
        assert after >= before
        if before_status in ("completed", "cancelled"):
            assert after_status == before_status


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


def test_one_region_late_one_silent_and_stale_commitments(db):
    last = QUARTERS[-1]
    stale = rows(
        db,
        "SELECT count(*) FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
        "WHERE a.period = '2024-2027' AND NOT EXISTS (SELECT 1 FROM status_reports s "
        "WHERE s.commitment_id = c.id AND s.quarter IN (?, ?))",
        QUARTERS[-2:],
    )[0][0]
    assert stale >= demo.STALE_COMMITMENTS
    reported = dict(
        rows(db, f"SELECT r.name, count(*) {REGION_OF_REPORT} WHERE s.quarter = ? GROUP BY r.name", (last,))
    )
    assert sorted(reported) == sorted(set(REGION_NAMES) - {"Regionrådet for Hallingdal"})
    gardermo = find_region(db, demo_data.LATE_REGION).id
    commitments = rows(
        db,
        "SELECT count(*) FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
        "WHERE a.region_id = ? AND a.period = '2024-2027'",
        (gardermo,),
    )[0][0]
    assert demo_data.LATE_REGION == "Gardermoregionen"
    assert 0 < reported["Gardermoregionen"] <= commitments // 2
    deadline = (quarter_end(last) + dt.timedelta(days=demo.DEADLINE_DAYS)).isoformat()
    arrived = dict(rows(db, "SELECT file_name, uploaded_at FROM uploads WHERE quarters = ?", (last,)))
    assert sorted(name for name, at in arrived.items() if at > deadline) == ["status-gardermoregionen-2026-Q3.xlsx"]
    assert "status-hallingdal-2026-Q3.xlsx" not in arrived


def test_uploads_log_reads_like_real_files(db):
    uploads = rows(db, "SELECT kind, file_name, uploaded_by, uploaded_at, quarters FROM uploads ORDER BY id")
    status = [upload for upload in uploads if upload[0] == "demo"]
    # A file per region and quarter but Hallingdal's last, and Kongsbergregionen's corrected 2025-Q3.
    assert len(status) == len(REGION_NAMES) * len(QUARTERS) - 1 + 1
    corrected = ("demo", "status-kongsbergregionen-rettet-2025-Q3.xlsx", "Anders Moen (anders.moen)")
    assert status[-1][:3] == corrected
    assert ("demo", "status-follo-2023-Q2.xlsx", "Ole Kristian Strand (ole.kristian.strand)") in [u[:3] for u in status]
    assert all(upload[4] and upload[1].endswith(f"{upload[4]}.xlsx") for upload in status)
    agreements = sorted(upload[1] for upload in uploads if upload[0] == "agreement")
    assert len(agreements) == 14 and "partnerskapsavtale-kongsbergregionen-2024-2027.docx" in agreements
    # In the order they came, but the corrected file, saved after the quarter was reopened.
    times = [upload[3] for upload in uploads[:-1]]
    assert times == sorted(times)
    assert uploads[-1][3].startswith("2025-12-")
    assert times[0].startswith("2022-") and times[-1] < DEMO_TODAY.isoformat()
    assert len({sha for (sha,) in rows(db, "SELECT sha256 FROM uploads")}) == len(uploads)


def test_building_twice_on_the_same_day_gives_identical_data(built, tmp_path):
    def content(path):
        with contextlib.closing(sqlite3.connect(path)) as conn:
            return [
                conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in (
                    "status_reports",
                    "commitments",
                    "commitment_lineage",
                    "region_municipalities",
                    "approvals",
                    "round_log",
                    "round_deadlines",
                    "county_assessments",
                    "reminders",
                )
            ] + [conn.execute("SELECT file_name, uploaded_at FROM uploads ORDER BY id").fetchall()]

    again = tmp_path / "again.db"
    demo.build_demo(again, today=DEMO_TODAY)
    assert content(again) == content(built[0])


def test_the_demo_built_today_reports_to_the_last_complete_quarter(tmp_path):
    path = tmp_path / "today.db"
    demo.build_demo(path)
    last = demo.last_complete_quarter(dt.date.today())
    with contextlib.closing(connect(path)) as db:
        assert rows(db, "SELECT max(quarter) FROM status_reports") == [(last,)]
        spans = rows(db, f"SELECT co.name, min(s.quarter), max(s.quarter) {REGION_OF_REPORT} GROUP BY co.name")
    assert sorted(spans) == [
        ("Akershus fylkeskommune", "2024-Q1", last),
        ("Buskerud fylkeskommune", "2024-Q1", last),
        ("Viken fylkeskommune", "2022-Q1", "2023-Q4"),
        ("Østfold fylkeskommune", "2024-Q1", last),
    ]


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
            "def die(db, *args):\n"
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


# --- the reporting round -----------------------------------------------------------------------

ADMIN = "Mari Solheim (mari.solheim)"


def board(db, county, quarter):
    """(region, state, reported of commitments, approved) per region of the county's board."""
    return [
        (entry.region, entry.state, entry.reported, entry.commitments, entry.approved)
        for entry in rounds.round_board(db, find_county(db, county).id, quarter, today=DEMO_TODAY)
    ]


def test_every_account_has_an_address_at_a_reserved_domain(db):
    assert rows(db, "SELECT username, email FROM users ORDER BY username") == [
        ("anders.moen", "anders.moen@kongsbergregionen.example"),
        ("demo", "demo@fylkeskommune.example"),
        ("hanne.bakken", "hanne.bakken@indre-ostfold.example"),
        ("kjetil.rud", "kjetil.rud@hallingdal.example"),
        ("line.haugen", "line.haugen@gardermoregionen.example"),
        ("mari.solheim", "mari.solheim@fylkeskommune.example"),
        ("ole.kristian.strand", "ole.kristian.strand@follo.example"),
        ("silje.andersen", "silje.andersen@mosseregionen.example"),
        ("siri.haugland", "siri.haugland@fylkeskommune.example"),
        ("thomas.berg", "thomas.berg@nedre-romerike.example"),
    ]


def test_every_region_has_a_contact(db):
    assert rows(db, "SELECT name, contact_name, contact_email, contact_phone FROM regions ORDER BY name") == [
        ("Folloregionen IPR", "Per Arne Dahl", "per.arne.dahl@follo.example", "+47 922 18 305"),
        ("Gardermoregionen", "Randi Holm", "randi.holm@gardermoregionen.example", "+47 958 23 640"),
        ("Indre Østfold regionråd", "Eva Lunde", "eva.lunde@indre-ostfold.example", "+47 917 40 112"),
        ("Kongsbergregionen", "Marte Nygaard", "marte.nygaard@kongsbergregionen.example", "+47 976 52 213"),
        ("Mosseregionen", "Ingrid Solberg", "ingrid.solberg@mosseregionen.example", "+47 934 61 027"),
        ("Regionrådet for Hallingdal", "Sekretariatet i Hallingdal", "post@hallingdal.example", "+47 32 08 04 00"),
        (
            "Samarbeidsrådet for Nedre Romerike",
            "Knut Eriksen",
            "knut.eriksen@nedre-romerike.example",
            "+47 941 07 558",
        ),
    ]


def test_the_round_running_has_one_region_approved_one_late_and_one_not_delivered(db):
    assert rounds.current_round(DEMO_TODAY) == QUARTERS[-1] == "2026-Q3"
    assert board(db, "Østfold", "2026-Q3") == [
        ("Indre Østfold regionråd", "delivered", 26, 27, 0),
        ("Mosseregionen", "approved", 9, 9, 9),
    ]
    assert board(db, "Akershus", "2026-Q3") == [
        ("Folloregionen IPR", "delivered", 11, 13, 0),
        ("Gardermoregionen", "late", 5, 11, 0),
        ("Samarbeidsrådet for Nedre Romerike", "delivered", 13, 14, 0),
    ]
    assert board(db, "Buskerud", "2026-Q3") == [
        ("Kongsbergregionen", "delivered", 11, 11, 0),
        ("Regionrådet for Hallingdal", "not_delivered", 0, 13, 0),
    ]
    hallingdal = rounds.region_round(db, find_region(db, "Regionrådet for Hallingdal").id, "2026-Q3", today=DEMO_TODAY)
    assert hallingdal is not None and hallingdal.overdue


def test_every_quarter_before_the_round_is_approved_by_the_county_weeks_after_its_deadline(db):
    counts = rows(
        db,
        "SELECT l.quarter, count(DISTINCT l.region_id) FROM round_log l WHERE l.action = 'approved' "
        "GROUP BY l.quarter ORDER BY l.quarter",
    )
    assert counts == [(quarter, 7) for quarter in QUARTERS[:-1]] + [("2026-Q3", 1)]
    for county in ("Viken", "Østfold", "Akershus", "Buskerud"):
        for quarter in QUARTERS[:-1]:
            entries = rounds.round_board(db, find_county(db, county).id, quarter, today=DEMO_TODAY)
            for entry in entries:
                assert (entry.state, entry.approved, entry.approved_by) == ("approved", entry.commitments, ADMIN)
                assert rounds.oslo_day(entry.approved_at) > entry.deadline.day
    assert {by for (by,) in rows(db, "SELECT DISTINCT done_by FROM round_log")} == {ADMIN}
    assert rows(db, "SELECT count(*) FROM round_log WHERE codes IS NOT NULL") == [(0,)]


def test_the_older_quarters_are_locked(db):
    mosse = find_region(db, "Mosseregionen").id
    ids = rounds.in_force(db, mosse, "2026-Q2")
    assert set(rounds.locked_reports(db, [(id_, "2026-Q2") for id_ in ids])) == {(id_, "2026-Q2") for id_ in ids}
    follo = find_region(db, "Folloregionen IPR").id
    assert rounds.locked_reports(db, [(id_, "2026-Q3") for id_ in rounds.in_force(db, follo, "2026-Q3")]) == {}


def test_one_quarter_reopened_corrected_and_approved_again(db):
    kongsberg = find_region(db, "Kongsbergregionen").id
    events = [
        (event.action, event.done_by, event.done_at[:10], event.reason)
        for event in rounds.round_events(db, region_id=kongsberg, quarter="2025-Q3")
    ]
    reason = (
        "Regionen meldte at kommentarene på to tiltak var kopiert fra forrige kvartal. Gjenåpnet for en rettet fil."
    )
    assert [(action, by, reason_) for action, by, _, reason_ in events] == [
        ("approved", ADMIN, None),
        ("reopened", ADMIN, reason),
        ("approved", ADMIN, None),
    ]
    corrected = rows(
        db, "SELECT uploaded_at FROM uploads WHERE file_name = 'status-kongsbergregionen-rettet-2025-Q3.xlsx'"
    )[0][0]
    assert events[2][2] < corrected[:10] < events[0][2]
    assert rows(db, "SELECT count(*) FROM round_log WHERE action = 'reopened'") == [(1,)]
    comments = rows(
        db,
        "SELECT count(*) FROM status_reports s JOIN uploads u ON u.id = s.upload_id "
        "WHERE u.file_name = 'status-kongsbergregionen-rettet-2025-Q3.xlsx' AND s.comment = ?",
        ("Rettet etter gjenåpning: kommentaren gjelder dette kvartalet.",),
    )
    assert comments == [(2,)]


def test_buskerud_reminds_earlier_and_akershus_moved_a_deadline(db):
    buskerud, akershus = find_county(db, "Buskerud"), find_county(db, "Akershus")
    assert rounds.round_rule(db, buskerud.id) == rounds.RoundRule(30, 10, 3)
    assert rounds.round_rule(db, akershus.id) == rounds.RoundRule(30, 7, 3)
    moved = rounds.deadline(db, akershus.id, "2025-Q4")
    assert (moved.day, moved.moved_by, moved.moved_at[:10]) == (dt.date(2026, 2, 6), ADMIN, "2026-01-13")
    assert rounds.deadline(db, find_county(db, "Østfold").id, "2025-Q4") == rounds.Deadline(dt.date(2026, 1, 30))
    assert rows(db, "SELECT count(*) FROM round_deadlines") == [(1,)]


def test_the_county_assesses_some_commitments_differently_from_the_region(db):
    found = rows(
        db,
        "SELECT ca.quarter, r.name, c.code, s.status, ca.status, ca.comment, ca.assessed_by "
        "FROM county_assessments ca JOIN commitments c ON c.id = ca.commitment_id "
        "JOIN agreements a ON a.id = c.agreement_id JOIN regions r ON r.id = a.region_id "
        "LEFT JOIN status_reports s ON s.commitment_id = ca.commitment_id AND s.quarter = ca.quarter "
        "ORDER BY ca.quarter, r.name, c.code",
    )
    siri = "Siri Haugland (siri.haugland)"
    assert found == [
        (
            "2026-Q2",
            "Kongsbergregionen",
            "2.2",
            "on_track",
            "delayed",
            "Arbeidsgruppen har ikke møttes siden mars.",
            ADMIN,
        ),
        ("2026-Q2", "Mosseregionen", "1.2", "on_track", "on_track", "I tråd med fylkets oppfølging.", siri),
        (
            "2026-Q2",
            "Samarbeidsrådet for Nedre Romerike",
            "2.1",
            "on_track",
            "delayed",
            "Fylket venter fortsatt på felles plan.",
            ADMIN,
        ),
        (
            "2026-Q3",
            "Folloregionen IPR",
            "3.2",
            "on_track",
            "delayed",
            "Anskaffelsen er ikke lyst ut; fylket ser ikke at fristen nås.",
            ADMIN,
        ),
        (
            "2026-Q3",
            "Indre Østfold regionråd",
            "1.1",
            "completed",
            "completed",
            "Fylket bekrefter at leveransen er ferdig.",
            siri,
        ),
        (
            "2026-Q3",
            "Indre Østfold regionråd",
            "1.2",
            "on_track",
            "delayed",
            "Kommunene har ikke satt av midler i budsjettet.",
            siri,
        ),
        ("2026-Q3", "Kongsbergregionen", "1.2", "on_track", "on_track", "Fylket er enig i vurderingen.", ADMIN),
        (
            "2026-Q3",
            "Mosseregionen",
            "1.2",
            "on_track",
            "delayed",
            "Finansieringen fra fylket er ikke vedtatt ennå.",
            siri,
        ),
    ]
    assert all(at < DEMO_TODAY.isoformat() for (at,) in rows(db, "SELECT assessed_at FROM county_assessments"))


def test_the_reminders_log_has_what_the_timer_sent_for_the_round(db):
    sent = [
        (reminder.region, reminder.kind, reminder.sent_at, reminder.recipients, reminder.sent_by, reminder.outcome)
        for reminder in rounds.sent_reminders(db)
    ]
    timer = "remind (automatisk)"
    gardermo = ("randi.holm@gardermoregionen.example", "line.haugen@gardermoregionen.example")
    hallingdal = ("post@hallingdal.example", "kjetil.rud@hallingdal.example")
    assert sent == [
        ("Regionrådet for Hallingdal", "after", "2026-11-02T06:00:00+00:00", hallingdal, timer, "sent"),
        ("Gardermoregionen", "after", "2026-11-02T06:00:00+00:00", gardermo, timer, "sent"),
        (
            "Indre Østfold regionråd",
            "before",
            "2026-10-23T05:00:00+00:00",
            ("eva.lunde@indre-ostfold.example", "hanne.bakken@indre-ostfold.example"),
            timer,
            "sent",
        ),
        ("Gardermoregionen", "before", "2026-10-23T05:00:00+00:00", gardermo, timer, "sent"),
        ("Regionrådet for Hallingdal", "before", "2026-10-20T05:00:00+00:00", hallingdal, timer, "sent"),
        (
            "Kongsbergregionen",
            "before",
            "2026-10-20T05:00:00+00:00",
            ("marte.nygaard@kongsbergregionen.example", "anders.moen@kongsbergregionen.example"),
            timer,
            "sent",
        ),
    ]
    assert {reminder.quarter for reminder in rounds.sent_reminders(db)} == {"2026-Q3"}
    # Nothing more is due on the build day: each kind went once.
    assert rounds.due_reminders(db, DEMO_TODAY) == []
