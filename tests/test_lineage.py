"""Commitments carried on across agreements: recording the lineage, reading a commitment's story,
counting a carried-on commitment once, and the commitment page that shows the story."""

import datetime as dt

import pandas as pd
import pytest

from core.access import set_reading_open
from core.analysis import kpis, status_by_quarter
from core.dataset import commitment_story, commitments_in_force, frame, load_dataset
from core.db import write_transaction
from core.filters import Filters, apply_filters
from core.lineage import (
    Ending,
    LineageSummary,
    Place,
    Step,
    carried_from,
    carried_into,
    continue_agreement,
    ending,
    lineage_ids,
    link,
    newest,
)
from core.organisation import ensure_county, find_county, set_region_county, set_successors
from core.register import Agreement, Commitment, ensure_region, save_agreement
from tests.builders import ADMIN, add_reports, app, html_tables

IOR = "Indre Østfold regionråd"
VIKEN_2022 = "2022-2023"
OSTFOLD_2024 = "2024-2027"

STORY_DTYPES = {
    "quarter": "str",
    "status": "str",
    "progress": "Int64",
    "comment": "object",
    "next_step": "object",
    "owner": "object",
    "commitment_id": "int64",
    "county": "object",
    "period": "str",
    "code": "str",
}


def build_viken_and_ostfold(db) -> dict[tuple[str, str], int]:
    """IØR's Viken agreement 2022–2023 continued by Østfold's 2024–2027: 1.1 continued, 2.1 split
    into 2.1 and 2.2, 3.1 and 3.2 merged into 3.1, 4.1 ended. Commitment ids by (period, code)."""
    with write_transaction(db):
        viken = find_county(db, "Viken")
        region = ensure_region(db, IOR, "IØR", {"3014": "Indre Østfold"})
        ostfold = ensure_county(db, "Østfold fylkeskommune", "31", dt.date(2024, 1, 1))
        set_successors(db, viken, [ostfold])
        set_region_county(db, region.id, ostfold, dt.date(2024, 1, 1))
        save_agreement(
            db,
            region,
            Agreement(
                VIKEN_2022,
                commitments=[
                    Commitment("1.1", "Flere lærlingplasser"),
                    Commitment("2.1", "Gang- og sykkelveier"),
                    Commitment("3.1", "Ladepunkter ved kommunehus"),
                    Commitment("3.2", "Ladepunkter ved skoler"),
                    Commitment("4.1", "Felles innkjøp"),
                ],
            ),
            county_id=viken.id,
        )
        save_agreement(
            db,
            region,
            Agreement(
                OSTFOLD_2024,
                commitments=[
                    Commitment("1.1", "Flere lærlingplasser i hele regionen"),
                    Commitment("2.1", "Gang- og sykkelveier til skoler"),
                    Commitment("2.2", "Sykkelparkering"),
                    Commitment("3.1", "Ladepunkter i kommunale bygg"),
                ],
            ),
            county_id=ostfold.id,
        )
        ids = {
            (period, code): id_
            for id_, period, code in db.execute(
                "SELECT c.id, a.period, c.code FROM commitments c JOIN agreements a ON a.id = c.agreement_id"
            )
        }
        agreements = dict(db.execute("SELECT period, id FROM agreements").fetchall())
        summary = continue_agreement(
            db, agreements[VIKEN_2022], agreements[OSTFOLD_2024], {"2.1": ["2.1", "2.2"], "3.2": ["3.1"]}
        )
    assert summary == LineageSummary(continued=1, split=1, merged=2, ended=1)
    return ids


def viken(ids, code: str) -> Place:
    return Place(ids[VIKEN_2022, code], code, "Viken", VIKEN_2022)


def ostfold(ids, code: str) -> Place:
    return Place(ids[OSTFOLD_2024, code], code, "Østfold", OSTFOLD_2024)


def test_continue_agreement_records_each_kind(db):
    ids = build_viken_and_ostfold(db)
    names = {id_: f"{period} {code}" for (period, code), id_ in ids.items()}
    rows = db.execute("SELECT predecessor_id, successor_id, kind FROM commitment_lineage").fetchall()
    assert sorted((names[before], names.get(after), kind) for before, after, kind in rows) == [
        ("2022-2023 1.1", "2024-2027 1.1", "continued"),
        ("2022-2023 2.1", "2024-2027 2.1", "split"),
        ("2022-2023 2.1", "2024-2027 2.2", "split"),
        ("2022-2023 3.1", "2024-2027 3.1", "merged"),
        ("2022-2023 3.2", "2024-2027 3.1", "merged"),
        ("2022-2023 4.1", None, "ended"),
    ]
    assert db.execute("SELECT period, succeeds_id IS NOT NULL FROM agreements ORDER BY id").fetchall() == [
        (VIKEN_2022, 0),
        (OSTFOLD_2024, 1),
    ]


def test_carried_from_and_into(db):
    ids = build_viken_and_ostfold(db)
    assert carried_from(db, ids[OSTFOLD_2024, "1.1"]) == (Step("continued", viken(ids, "1.1")),)
    assert carried_into(db, ids[VIKEN_2022, "1.1"]) == (Step("continued", ostfold(ids, "1.1")),)
    assert carried_from(db, ids[OSTFOLD_2024, "2.2"]) == (Step("split", viken(ids, "2.1")),)
    assert carried_into(db, ids[VIKEN_2022, "2.1"]) == (
        Step("split", ostfold(ids, "2.1")),
        Step("split", ostfold(ids, "2.2")),
    )
    assert carried_from(db, ids[OSTFOLD_2024, "3.1"]) == (
        Step("merged", viken(ids, "3.1")),
        Step("merged", viken(ids, "3.2")),
    )
    assert carried_into(db, ids[VIKEN_2022, "4.1"]) == ()
    assert ending(db, ids[VIKEN_2022, "4.1"]) == Ending(viken(ids, "4.1"), "Østfold 2024–2027")
    assert ending(db, ids[VIKEN_2022, "1.1"]) is None
    assert viken(ids, "1.1").label == "Viken 2022–2023 · 1.1"


def test_lineage_ids_are_the_same_for_every_commitment_of_a_story(db):
    ids = build_viken_and_ostfold(db)
    continued = (ids[VIKEN_2022, "1.1"], ids[OSTFOLD_2024, "1.1"])
    assert lineage_ids(db, continued[0]) == lineage_ids(db, continued[1]) == continued
    assert newest(db, continued[0]) == continued[1]
    # A split ends the predecessor's story; each part's story begins with it.
    assert lineage_ids(db, ids[VIKEN_2022, "2.1"]) == (ids[VIKEN_2022, "2.1"],)
    assert lineage_ids(db, ids[OSTFOLD_2024, "2.2"]) == (ids[VIKEN_2022, "2.1"], ids[OSTFOLD_2024, "2.2"])
    merged = (ids[VIKEN_2022, "3.1"], ids[VIKEN_2022, "3.2"], ids[OSTFOLD_2024, "3.1"])
    assert lineage_ids(db, merged[0]) == lineage_ids(db, merged[1]) == lineage_ids(db, merged[2]) == merged
    assert lineage_ids(db, ids[VIKEN_2022, "4.1"]) == (ids[VIKEN_2022, "4.1"],)


def add_story_reports(db) -> None:
    add_reports(
        db,
        [
            (IOR, "1.1", "2023-Q3", "on_track", 30, "God dialog med bedriftene"),
            (IOR, "1.1", "2023-Q4", "delayed", 35),
            (IOR, "1.1", "2024-Q1", "on_track", 45, None, "Nytt møte", "Kari Nordmann"),
            (IOR, "3.1", "2023-Q4", "on_track", 50),
            (IOR, "3.2", "2023-Q4", "not_started", 0),
            (IOR, "3.1", "2024-Q1", "on_track", 60),
        ],
    )


def test_commitment_story_across_agreements(db):
    ids = build_viken_and_ostfold(db)
    add_story_reports(db)
    old = (ids[VIKEN_2022, "1.1"], "Viken", VIKEN_2022, "1.1")
    new = (ids[OSTFOLD_2024, "1.1"], "Østfold", OSTFOLD_2024, "1.1")
    for requested in (old[0], new[0]):
        story = commitment_story(db, requested)
        assert (story.commitment_id, story.county, story.region, story.code, story.text, story.period) == (
            ids[OSTFOLD_2024, "1.1"],
            "Østfold",
            IOR,
            "1.1",
            "Flere lærlingplasser i hele regionen",
            OSTFOLD_2024,
        )
        assert (story.carried_from, story.carried_into, story.ended) == (
            (Step("continued", viken(ids, "1.1")),),
            (),
            None,
        )
        pd.testing.assert_frame_equal(
            story.reports,
            frame(
                [
                    ("2023-Q3", "on_track", 30, "God dialog med bedriftene", None, None, *old),
                    ("2023-Q4", "delayed", 35, None, None, None, *old),
                    ("2024-Q1", "on_track", 45, None, "Nytt møte", "Kari Nordmann", *new),
                ],
                STORY_DTYPES,
            ),
        )


def test_commitment_story_of_a_merge_holds_both_predecessors_reports(db):
    ids = build_viken_and_ostfold(db)
    add_story_reports(db)
    story = commitment_story(db, ids[VIKEN_2022, "3.2"])
    assert story.commitment_id == ids[OSTFOLD_2024, "3.1"]
    assert story.reports[["quarter", "code", "period", "progress"]].values.tolist() == [
        ["2023-Q4", "3.1", VIKEN_2022, 50],
        ["2023-Q4", "3.2", VIKEN_2022, 0],
        ["2024-Q1", "3.1", OSTFOLD_2024, 60],
    ]


def test_commitment_story_of_a_retired_commitment(db):
    ids = build_viken_and_ostfold(db)
    add_story_reports(db)
    with write_transaction(db):
        db.conn.execute("UPDATE commitments SET active = 0 WHERE id = ?", (ids[OSTFOLD_2024, "1.1"],))
    story = commitment_story(db, ids[VIKEN_2022, "1.1"])
    assert (story.commitment_id, story.text) == (ids[OSTFOLD_2024, "1.1"], "Flere lærlingplasser i hele regionen")
    assert story.reports["quarter"].tolist() == ["2023-Q3", "2023-Q4", "2024-Q1"]


def test_commitment_story_of_a_split_and_of_an_ended_commitment(db):
    ids = build_viken_and_ostfold(db)
    split = commitment_story(db, ids[VIKEN_2022, "2.1"])
    assert (split.commitment_id, split.carried_from, split.carried_into, split.ended) == (
        ids[VIKEN_2022, "2.1"],
        (),
        (Step("split", ostfold(ids, "2.1")), Step("split", ostfold(ids, "2.2"))),
        None,
    )
    ended = commitment_story(db, ids[VIKEN_2022, "4.1"])
    assert (ended.commitment_id, ended.carried_into, ended.ended) == (
        ids[VIKEN_2022, "4.1"],
        (),
        Ending(viken(ids, "4.1"), "Østfold 2024–2027"),
    )


# --- counted once ----------------------------------------------------------------------------


def build_region_split(db, *, continued: bool = True) -> dict[tuple[str, str], int]:
    """Viken's Vestviken 2022–2023 (1.1, 1.2) carried on by Buskerud's Kongsbergregionen 2024–2027
    (1.1 continued, 1.2 ended; 2.1 new): another region, so the agreements in force by region alone
    would count both. Not ``continued``: only 1.1 is linked to 1.1, the agreements are not.
    Reports in 2023-Q4 and 2024-Q1; commitment ids by (region, code)."""
    with write_transaction(db):
        viken_county = find_county(db, "Viken")
        buskerud = ensure_county(db, "Buskerud fylkeskommune", "33", dt.date(2024, 1, 1))
        old = ensure_region(db, "Vestviken", county_id=viken_county.id)
        new = ensure_region(db, "Kongsbergregionen", county_id=buskerud.id)
        save_agreement(
            db,
            old,
            Agreement("2022-2023", commitments=[Commitment("1.1", "Bredbånd"), Commitment("1.2", "Turveier")]),
        )
        save_agreement(
            db,
            new,
            Agreement("2024-2027", commitments=[Commitment("1.1", "Bredbånd"), Commitment("2.1", "Ungdomsråd")]),
        )
        ids = {
            (region, code): id_
            for id_, region, code in db.execute(
                "SELECT c.id, r.name, c.code FROM commitments c JOIN agreements a ON a.id = c.agreement_id "
                "JOIN regions r ON r.id = a.region_id"
            )
        }
        if continued:
            agreements = dict(db.execute("SELECT period, id FROM agreements").fetchall())
            continue_agreement(db, agreements["2022-2023"], agreements["2024-2027"])
        else:
            link(db, ids["Vestviken", "1.1"], [ids["Kongsbergregionen", "1.1"]], "continued")
    add_reports(
        db,
        [
            ("Vestviken", "1.1", "2023-Q4", "on_track", 80),
            ("Vestviken", "1.2", "2023-Q4", "delayed", 10),
            ("Kongsbergregionen", "1.1", "2024-Q1", "completed", 100),
            ("Kongsbergregionen", "2.1", "2024-Q1", "on_track", 10),
        ],
    )
    return ids


def in_force(dataset, quarter) -> list[list[str]]:
    return commitments_in_force(dataset, quarter)[["region", "code"]].values.tolist()


def test_an_agreement_continued_in_another_region_is_counted_once(db):
    build_region_split(db)
    dataset = load_dataset(db)
    assert in_force(dataset, "2023-Q4") == [["Vestviken", "1.1"], ["Vestviken", "1.2"]]
    expected = [["Kongsbergregionen", "1.1"], ["Kongsbergregionen", "2.1"]]
    assert in_force(dataset, "2024-Q1") == expected
    assert in_force(dataset, None) == expected
    figures = kpis(dataset, "2024-Q1")
    assert (figures.commitments, figures.reported, figures.not_reported) == (2, 2, 0)
    assert status_by_quarter(dataset)[["quarter", "status", "count"]].values.tolist() == [
        ["2023-Q4", "on_track", 1],
        ["2023-Q4", "delayed", 1],
        ["2023-Q4", "completed", 0],
        ["2024-Q1", "on_track", 1],
        ["2024-Q1", "delayed", 0],
        ["2024-Q1", "completed", 1],
    ]
    # A filter that leaves the successor out does not bring the predecessor back.
    assert in_force(apply_filters(dataset, Filters(region="Vestviken", quarter="2024-Q1")), "2024-Q1") == []


def test_a_commitment_linked_across_agreements_is_counted_once(db):
    build_region_split(db, continued=False)
    dataset = load_dataset(db)
    # Each region's only agreement is in force; of the linked pair, one counts.
    assert in_force(dataset, "2023-Q4") == [
        ["Kongsbergregionen", "2.1"],
        ["Vestviken", "1.1"],
        ["Vestviken", "1.2"],
    ]
    assert in_force(dataset, "2024-Q1") == [
        ["Kongsbergregionen", "1.1"],
        ["Kongsbergregionen", "2.1"],
        ["Vestviken", "1.2"],
    ]
    figures = kpis(dataset, "2024-Q1")
    assert (figures.commitments, figures.reported, figures.not_reported) == (3, 2, 1)


def test_without_lineage_every_commitment_counts(db):
    build_region_split(db)
    with write_transaction(db):
        db.conn.execute("DELETE FROM commitment_lineage")
        db.conn.execute("UPDATE agreements SET succeeds_id = NULL")
    assert len(commitments_in_force(load_dataset(db), "2024-Q1")) == 4


# --- the commitment page ---------------------------------------------------------------------


@pytest.fixture
def story_register(db, fresh_caches):
    ids = build_viken_and_ostfold(db)
    add_story_reports(db)
    set_reading_open(db, True, user=ADMIN)
    return ids


def test_commitment_page_tells_the_story_across_agreements(story_register):
    ids = story_register
    at = app({"commitment": str(ids[VIKEN_2022, "1.1"])}, "views/tiltak.py")
    assert at.header[0].value == "1.1 Flere lærlingplasser i hele regionen"
    assert [element.value for element in at.subheader if element.value == "Historikk"] == ["Historikk"]
    [line] = [element.value for element in at.markdown if element.value.startswith("Videreført")]
    assert line == f"Videreført fra Viken 2022–2023 ([1.1](tiltak?commitment={ids[VIKEN_2022, '1.1']}))"
    history = html_tables(at)["history"]
    assert history.headers == ["Kvartal", "Avtale", "Status", "Fremdrift", "Kommentar", "Neste steg", "Ansvarlig"]
    assert history.rows == [
        ["3. kv. 2023", "Viken 2022–2023 · 1.1", "I rute", "30\u00a0%", "God dialog med bedriftene", "", ""],
        ["4. kv. 2023", "Viken 2022–2023 · 1.1", "Forsinket", "35\u00a0%", "", "", ""],
        ["1. kv. 2024", "Østfold 2024–2027 · 1.1", "I rute", "45\u00a0%", "", "Nytt møte", "Kari Nordmann"],
    ]


def test_commitment_page_of_a_split_links_its_parts_in_english(story_register):
    ids = story_register
    at = app({"commitment": str(ids[VIKEN_2022, "2.1"]), "lang": "en"}, "views/tiltak.py")
    assert at.header[0].value == "2.1 Gang- og sykkelveier"
    assert at.info[0].value == "The commitment has no status reports yet."
    assert [element.value for element in at.markdown if element.value.startswith("Split")] == [
        f"Split into Østfold 2024–2027 ([2.1](tiltak?lang=en&commitment={ids[OSTFOLD_2024, '2.1']}), "
        f"[2.2](tiltak?lang=en&commitment={ids[OSTFOLD_2024, '2.2']}))"
    ]


def test_commitment_page_shows_stored_names_in_the_story_as_text(story_register, db):
    ids = story_register
    with write_transaction(db):
        db.conn.execute("UPDATE counties SET name = '[Viken](https://x.test) fylkeskommune' WHERE number = '30'")
    at = app({"commitment": str(ids[OSTFOLD_2024, "1.1"])}, "views/tiltak.py")
    [line] = [element.value for element in at.markdown if element.value.startswith("Videreført")]
    assert line == (
        f"Videreført fra \\[Viken\\](https\\://x.test) 2022–2023 ([1.1](tiltak?commitment={ids[VIKEN_2022, '1.1']}))"
    )
    assert html_tables(at)["history"].rows[0][1] == "[Viken](https://x.test) 2022–2023 · 1.1"
