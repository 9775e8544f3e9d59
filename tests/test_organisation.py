"""The organisation model (core/organisation.py): counties over time, their own units, regions that
change county, name and members, and an old database opened with everything it held under Viken."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlite_utils import Database

from core import db as core_db
from core.access import holds, reportable_regions, scope_text, visible_counties
from core.dataset import load_dataset
from core.db import connect, write_transaction
from core.errors import AmbiguousCouncilArea, NotAllowed, UnknownCouncilArea, UnknownCounty
from core.organisation import (
    County,
    Member,
    council_area_ids,
    council_areas,
    counties,
    counties_on,
    county_region_ids,
    ensure_county,
    find_county,
    former_names,
    predecessors,
    region_county,
    region_members,
    region_name_on,
    rename_region,
    set_council_areas,
    set_region_county,
    set_region_members,
    set_successors,
    successors,
)
from core.register import Agreement, Commitment, FocusArea, ensure_region, find_region, save_agreement
from core.reports import Report, save_reports
from core.users import User, add_user
from tests.builders import VIKEN_UNITS, dump

VIKEN_START, VIKEN_END = dt.date(2020, 1, 1), dt.date(2023, 12, 31)
SPLIT = dt.date(2024, 1, 1)


def _split_viken(db: Database) -> tuple[County, County, County, County]:
    """Viken as every database has it, and its three successors from 2024."""
    viken = find_county(db, "Viken")
    ostfold = ensure_county(db, "Østfold fylkeskommune", "31", SPLIT)
    akershus = ensure_county(db, "Akershus fylkeskommune", "32", SPLIT)
    buskerud = ensure_county(db, "Buskerud fylkeskommune", "33", SPLIT)
    set_successors(db, viken, [ostfold, akershus, buskerud])
    return viken, ostfold, akershus, buskerud


def test_every_database_holds_viken_as_history_with_its_seven_units(db):
    viken = County(1, "Viken fylkeskommune", "30", VIKEN_START, VIKEN_END)
    assert counties(db) == [viken]
    assert [find_county(db, name) for name in ("Viken fylkeskommune", "viken", "30")] == [viken] * 3
    assert viken.short_name == "Viken"
    assert council_areas(db, viken) == list(VIKEN_UNITS)
    with pytest.raises(UnknownCounty) as raised:
        find_county(db, "Telemark")
    assert (
        raised.value.message("nb") == "Fant ikke fylkeskommunen «Telemark». Kjente fylkeskommuner: Viken fylkeskommune."
    )


def test_viken_is_split_in_three_and_each_knows_the_others(db):
    with write_transaction(db):
        viken, ostfold, akershus, buskerud = _split_viken(db)
    assert counties(db) == [akershus, buskerud, ostfold, viken]
    assert successors(db, viken) == [ostfold, akershus, buskerud]
    assert predecessors(db, akershus) == [viken]
    assert counties_on(db, VIKEN_END) == [viken]
    assert counties_on(db, SPLIT) == [akershus, buskerud, ostfold]


def test_a_region_whose_county_changes_keeps_its_agreements_in_the_county_that_signed_them(db):
    with write_transaction(db):
        viken, _, akershus, _ = _split_viken(db)
        follo = ensure_region(db, "Follorådet", "Follo", county_id=viken.id)
        save_agreement(db, follo, Agreement("2022-2023", commitments=[Commitment("1.1", "Trafikksikkerhet")]))
        set_region_county(db, follo.id, akershus, SPLIT)
        set_council_areas(db, akershus, ["Samferdsel"])
        save_agreement(db, follo, Agreement("2024-2027", commitments=[Commitment("1.1", "Trafikksikkerhet")]))
    assert region_county(db, follo.id, VIKEN_END) == viken
    assert region_county(db, follo.id, SPLIT) == akershus
    assert region_county(db, follo.id) == akershus
    assert county_region_ids(db, viken) == [follo.id]
    assert county_region_ids(db, akershus) == [follo.id]
    assert db.execute(
        "SELECT a.period, c.name FROM agreements a JOIN counties c ON c.id = a.county_id ORDER BY a.period"
    ).fetchall() == [("2022-2023", "Viken fylkeskommune"), ("2024-2027", "Akershus fylkeskommune")]
    assert db.execute(
        "SELECT region_id, county_id, valid_from, valid_to FROM region_counties ORDER BY county_id"
    ).fetchall() == [(follo.id, viken.id, None, "2023-12-31"), (follo.id, akershus.id, "2024-01-01", None)]


def test_a_municipality_renumbered_is_the_region_s_member_under_each_number_in_its_time(db):
    with write_transaction(db):
        viken, _, _, _ = _split_viken(db)
        ior = ensure_region(db, "Indre Østfold regionråd", "IØR", county_id=viken.id)
        set_region_members(db, ior.id, {"3014": "Indre Østfold", "3016": "Rakkestad"}, None, {"3014": "30"})
        set_region_members(
            db, ior.id, {"3118": "Indre Østfold", "3120": "Rakkestad"}, SPLIT, {"3118": "31", "3120": "31"}
        )
    assert region_members(db, ior.id, VIKEN_END) == [
        Member("3014", "Indre Østfold", "30", None, VIKEN_END),
        Member("3016", "Rakkestad", "30", None, VIKEN_END),
    ]
    assert region_members(db, ior.id, SPLIT) == [
        Member("3118", "Indre Østfold", "31", SPLIT, None),
        Member("3120", "Rakkestad", "31", SPLIT, None),
    ]
    assert region_members(db, ior.id) == region_members(db, ior.id, dt.date(2026, 11, 30))


def test_a_region_with_a_member_in_another_county(db):
    with write_transaction(db):
        _, _, _, buskerud = _split_viken(db)
        kongsberg = ensure_region(db, "Kongsbergregionen", county_id=buskerud.id)
        members = {
            "3303": "Kongsberg",
            "3334": "Flesberg",
            "3336": "Rollag",
            "3338": "Nore og Uvdal",
            "4005": "Notodden",
            "4026": "Tinn",
        }
        set_region_members(db, kongsberg.id, members, SPLIT, {number: number[:2] for number in members})
    assert region_county(db, kongsberg.id) == buskerud
    assert [(m.number, m.name, m.county_number) for m in region_members(db, kongsberg.id)] == [
        ("3303", "Kongsberg", "33"),
        ("3334", "Flesberg", "33"),
        ("3336", "Rollag", "33"),
        ("3338", "Nore og Uvdal", "33"),
        ("4005", "Notodden", "40"),
        ("4026", "Tinn", "40"),
    ]


def test_a_renamed_region_is_found_by_its_former_name(db):
    with write_transaction(db):
        follo = ensure_region(db, "Follorådet", "Follo")
        rename_region(db, follo.id, "Folloregionen IPR", SPLIT)
    assert find_region(db, "Follorådet") == find_region(db, "Folloregionen IPR")
    assert find_region(db, "follorådet").name == "Folloregionen IPR"
    assert former_names(db, follo.id) == [("Follorådet", VIKEN_END)]
    assert region_name_on(db, follo.id, VIKEN_END) == "Follorådet"
    assert region_name_on(db, follo.id, SPLIT) == "Folloregionen IPR"


def test_two_counties_may_have_a_unit_of_one_name_and_an_agreement_uses_its_own_county_s(db):
    with write_transaction(db):
        viken, ostfold, akershus, _ = _split_viken(db)
        set_council_areas(db, ostfold, ["Samferdsel", "Næring"])
        set_council_areas(db, akershus, ["Samferdsel", "Kompetanse"])
        follo = ensure_region(db, "Folloregionen IPR", "Follo", county_id=akershus.id)
        save_agreement(
            db,
            follo,
            Agreement(
                "2024-2027",
                focus_areas=[FocusArea("1", "Mobilitet")],
                commitments=[
                    Commitment("1.1", "Innfartsparkering", "1", "samferdsel"),
                    # Viken's and Østfold's units, not Akershus's: no unit follows these up.
                    Commitment("1.2", "Fagskole", "1", "Utdanning og kompetanse"),
                    Commitment("1.3", "Næringsvennlig region", "1", "Næring"),
                    Commitment("1.4", "Kompetanseløft", "1", "Kompetanse"),
                ],
            ),
        )
    assert council_areas(db, ostfold) == ["Samferdsel", "Næring"]
    assert council_areas(db, akershus) == ["Samferdsel", "Kompetanse"]
    assert council_areas(db, viken) == list(VIKEN_UNITS)
    assert db.execute(
        "SELECT c.code, a.name, co.name FROM commitments c LEFT JOIN council_areas a ON a.id = c.council_area_id "
        "LEFT JOIN counties co ON co.id = a.county_id ORDER BY c.code"
    ).fetchall() == [
        ("1.1", "Samferdsel", "Akershus fylkeskommune"),
        ("1.2", None, None),
        ("1.3", None, None),
        ("1.4", "Kompetanse", "Akershus fylkeskommune"),
    ]


def test_a_unit_left_out_is_kept_inactive_and_comes_back_when_named_again(db):
    with write_transaction(db):
        _, ostfold, _, _ = _split_viken(db)
        set_council_areas(db, ostfold, ["Samferdsel", "Næring"])
        set_council_areas(db, ostfold, ["Næring"])
    assert council_areas(db, ostfold) == ["Næring"]
    assert council_areas(db, ostfold, include_inactive=True) == ["Næring", "Samferdsel"]
    with write_transaction(db):
        set_council_areas(db, ostfold, ["Samferdsel", "Næring"])
    assert council_areas(db, ostfold) == ["Samferdsel", "Næring"]


def test_a_unit_renamed_on_the_page_is_the_same_unit_and_retyping_a_unit_s_name_reorders(db):
    with write_transaction(db):
        _, ostfold, _, _ = _split_viken(db)
        set_council_areas(db, ostfold, ["Samferdsel", "Næring", "Kultur"])
        ids = council_area_ids(db, ostfold)
        set_council_areas(
            db, ostfold, ["Samferdsel og transport", "Næring", "Kultur"], {"Samferdsel og transport": "Samferdsel"}
        )
    assert council_areas(db, ostfold, include_inactive=True) == ["Samferdsel og transport", "Næring", "Kultur"]
    assert council_area_ids(db, ostfold) == {
        "samferdsel og transport": ids["samferdsel"],
        "næring": ids["næring"],
        "kultur": ids["kultur"],
    }
    # Typing one unit's name over another's is a new order, not two renames; a name still listed is
    # not renamed away, and a new name that is an inactive unit's brings that unit back.
    with write_transaction(db):
        set_council_areas(
            db,
            ostfold,
            ["Kultur", "Næring", "Samferdsel og transport"],
            {"Kultur": "Samferdsel og transport", "Samferdsel og transport": "Kultur"},
        )
        set_council_areas(db, ostfold, ["Kultur", "Næring"])
        set_council_areas(
            db,
            ostfold,
            ["Kultur", "Samferdsel og transport", "Plan"],
            {"Samferdsel og transport": "Næring", "Plan": "Kultur"},
        )
    assert council_areas(db, ostfold, include_inactive=True) == ["Kultur", "Samferdsel og transport", "Plan", "Næring"]
    assert council_area_ids(db, ostfold) == {
        "samferdsel og transport": ids["samferdsel"],
        "næring": ids["næring"],
        "kultur": ids["kultur"],
        "plan": council_area_ids(db, ostfold)["plan"],
    }
    assert council_area_ids(db, ostfold)["plan"] not in ids.values()


# --- an old database --------------------------------------------------------------------------

OLD_ROWS = {
    "regions": [(1, "Follorådet", "Follo"), (2, "Indre Østfold regionråd", "IØR")],
    "municipalities": [("3020", "Nordre Follo"), ("3014", "Indre Østfold")],
    "region_municipalities": [(1, "3020"), (2, "3014")],
    "agreements": [(1, 1, "2022-2023", 2022, 2023, "Partnerskapsavtale Follo"), (2, 2, "2022-2023", 2022, 2023, None)],
    "focus_areas": [(1, 1, "1", "Mobilitet", "#klima", 0, 1), (2, 2, "1", "Utdanning", None, 0, 1)],
    "commitments": [
        (1, 1, "1.1", "Trafikksikkerhet ved skoler", 1, 3, 0, 1, "2023-12-31", 500000),
        (2, 1, "1.2", "Innfartsparkering", 1, 3, 1, 0, None, None),
        (3, 2, "1.1", "Fagskole", 2, 5, 0, 1, "løpende", None),
    ],
    "uploads": [
        (1, "status", "q1.xlsx", "a" * 64, "kari", "2023-04-02T10:00:00+00:00", "2023-Q1", 2, 0, 0, None, None),
        (2, "status", "q1-rettet.xlsx", "b" * 64, "kari", "2023-04-03T10:00:00+00:00", "2023-Q1", 0, 1, 1, None, None),
        (3, "agreement", "follo.pdf", "c" * 64, "admin", "2023-01-05T09:00:00+00:00", None, 2, 0, 0, None, None),
    ],
    "status_reports": [
        (1, 1, "2023-Q1", "delayed", 20, "Venter på vegvesenet", "Møte i april", "Kari", 2),
        (2, 3, "2023-Q1", "on_track", 50, None, None, "Per", 1),
    ],
    "status_history": [
        (1, 1, "2023-Q1", None, None, None, None, None, None, 1, "2023-04-02T10:00:00+00:00"),
        (2, 3, "2023-Q1", None, None, None, None, None, None, 1, "2023-04-02T10:00:00+00:00"),
        (3, 1, "2023-Q1", "on_track", 30, "Godt i gang", None, "Kari", 1, 2, "2023-04-03T10:00:00+00:00"),
    ],
    "upload_values": [
        (1, 1, "2023-Q1", "on_track", 30, "Godt i gang", None, "Kari"),
        (1, 3, "2023-Q1", "on_track", 50, None, None, "Per"),
        (2, 1, "2023-Q1", "delayed", 20, "Venter på vegvesenet", "Møte i april", "Kari"),
    ],
    "upload_agreements": [(3, 1)],
    "users": [
        (1, "admin", "Admin", None, "administrator", None, "2023-01-01T00:00:00+00:00"),
        (2, "kari", "Kari Nordmann", "kari@viken.no", "rapportor", None, "2023-01-01T00:00:00+00:00"),
    ],
    "user_scopes": [(2, 1, None), (2, None, 3)],
}
# The tables migration 7 leaves as they were, with the columns listed (their order in OLD_ROWS).
KEPT_COLUMNS = {
    "regions": "id, name, short_name",
    "municipalities": "number, name",
    "region_municipalities": "region_id, municipality_number",
    "agreements": "id, region_id, period, start_year, end_year, title",
    "focus_areas": "id, agreement_id, number, title, hashtag, position, active",
    "commitments": "id, agreement_id, code, text, focus_area_id, council_area_id, position, active, deadline, amount",
    "uploads": "id, kind, file_name, sha256, uploaded_by, uploaded_at, quarters, added, changed, unchanged, "
    "rolled_back_at, rolled_back_by",
    "status_reports": "id, commitment_id, quarter, status, progress, comment, next_step, owner, upload_id",
    "status_history": "id, commitment_id, quarter, status, progress, comment, next_step, owner, upload_id, "
    "replaced_by_upload_id, replaced_at",
    "upload_values": "upload_id, commitment_id, quarter, status, progress, comment, next_step, owner",
    "upload_agreements": "upload_id, agreement_id",
    "users": "id, username, name, email, role, password_hash, created_at",
    "user_scopes": "user_id, region_id, council_area_id",
}


def _old_database(path) -> None:
    """A database as the product made it before migration 7, with data in every table that matters."""
    old = Database(str(path))
    core_db.migrations.apply(old, stop_before="m007_organisation")
    for table, rows in OLD_ROWS.items():
        columns = KEPT_COLUMNS[table]
        marks = ", ".join("?" for _ in columns.split(", "))
        old.conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
    old.conn.commit()
    old.close()


def test_an_old_database_opens_with_everything_it_held_under_viken(tmp_path):
    path = tmp_path / "old.db"
    _old_database(path)
    db = connect(path)
    try:
        for table, columns in KEPT_COLUMNS.items():
            assert db.execute(f"SELECT {columns} FROM {table} ORDER BY rowid").fetchall() == OLD_ROWS[table], table
        viken = County(1, "Viken fylkeskommune", "30", VIKEN_START, VIKEN_END)
        assert counties(db) == [viken]
        assert db.execute("SELECT id, county_id, name, position, active FROM council_areas ORDER BY id").fetchall() == [
            (index + 1, viken.id, name, index, 1) for index, name in enumerate(VIKEN_UNITS)
        ]
        assert db.execute("SELECT * FROM region_counties ORDER BY region_id").fetchall() == [
            (1, viken.id, None, None),
            (2, viken.id, None, None),
        ]
        assert db.execute("SELECT id, county_id, succeeds_id FROM agreements ORDER BY id").fetchall() == [
            (1, viken.id, None),
            (2, viken.id, None),
        ]
        assert db.execute("SELECT * FROM user_scopes ORDER BY rowid").fetchall() == [
            (2, 1, None, None),
            (2, None, 3, None),
        ]
        assert db.execute("SELECT * FROM region_municipalities ORDER BY rowid").fetchall() == [
            (1, "3020", None, None),
            (2, "3014", None, None),
        ]
        assert db.execute("SELECT number, county_number FROM municipalities ORDER BY number").fetchall() == [
            ("3014", "30"),
            ("3020", "30"),
        ]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)

        dataset = load_dataset(db)
        assert dataset.commitments[["commitment_id", "region", "code", "council_area", "county"]].to_dict(
            "records"
        ) == [
            {
                "commitment_id": 1,
                "region": "Follorådet",
                "code": "1.1",
                "council_area": "Samferdsel",
                "county": "Viken fylkeskommune",
            },
            {
                "commitment_id": 3,
                "region": "Indre Østfold regionråd",
                "code": "1.1",
                "council_area": "Utdanning og kompetanse",
                "county": "Viken fylkeskommune",
            },
        ]
        assert dataset.reports[["commitment_id", "quarter", "status", "progress"]].values.tolist() == [
            [1, "2023-Q1", "delayed", 20],
            [3, "2023-Q1", "on_track", 50],
        ]
    finally:
        db.close()


# --- county scope ---------------------------------------------------------------------------


def _follo_in_two_counties(db: Database) -> dict[str, int]:
    """Follorådet's Viken agreement 2022–2023 and Folloregionen IPR's Akershus agreement 2024–2027,
    both with 1.1 followed up by Samferdsel (Viken's and Akershus's own); their 1.1 ids by period."""
    with write_transaction(db):
        viken, ostfold, akershus, _ = _split_viken(db)
        set_council_areas(db, akershus, ["Samferdsel"])
        set_council_areas(db, ostfold, ["Samferdsel"])
        follo = ensure_region(db, "Follorådet", "Follo", county_id=viken.id)
        save_agreement(
            db, follo, Agreement("2022-2023", commitments=[Commitment("1.1", "Trafikk", None, "Samferdsel")])
        )
        set_region_county(db, follo.id, akershus, SPLIT)
        rename_region(db, follo.id, "Folloregionen IPR", SPLIT)
        save_agreement(
            db, follo, Agreement("2024-2027", commitments=[Commitment("1.1", "Trafikk", None, "Samferdsel")])
        )
        ensure_region(db, "Indre Østfold regionråd", "IØR", county_id=ostfold.id)
    return dict(db.execute("SELECT a.period, c.id FROM commitments c JOIN agreements a ON a.id = c.agreement_id"))


def test_a_reporter_holding_a_county_holds_its_agreements_not_those_of_the_county_before(db):
    ids = _follo_in_two_counties(db)
    user = add_user(db, "anne", "Anne Akershus", "rapportør", password=None, counties=("Akershus",))
    assert user == User(user.id, "anne", "Anne Akershus", None, "rapportor", counties=("Akershus fylkeskommune",))
    assert holds(user, "Folloregionen IPR", "Samferdsel", "Akershus fylkeskommune")
    assert not holds(user, "Folloregionen IPR", "Samferdsel", "Viken fylkeskommune")
    assert reportable_regions(db, user) == ["Folloregionen IPR"]
    assert scope_text(user) == "Akershus fylkeskommune"
    saved = save_reports(
        db,
        [Report(ids["2024-2027"], "2024-Q1", "on_track", 10)],
        kind="status",
        file_name="a.xlsx",
        sha256="0" * 64,
        user=user,
    )
    assert saved.added == 1
    before = dump(db)
    with pytest.raises(NotAllowed) as refused:
        save_reports(
            db,
            [Report(ids["2022-2023"], "2023-Q4", "on_track", 10)],
            kind="status",
            file_name="v.xlsx",
            sha256="0" * 64,
            user=user,
        )
    assert str(refused.value) == "Anne Akershus rapporterer bare for Akershus fylkeskommune; ingenting er lagret."
    assert dump(db) == before


def test_a_council_area_two_counties_share_is_held_in_its_own_county_only(db):
    _follo_in_two_counties(db)
    with pytest.raises(AmbiguousCouncilArea) as refused:
        add_user(db, "sam", "Sam Ferdsel", "rapportør", council_areas=("Samferdsel",))
    assert refused.value.message("nb") == (
        "Flere fylkeskommuner har rådsområdet «Samferdsel». Skriv det med fylkeskommunen: "
        "Akershus: Samferdsel, Viken: Samferdsel, Østfold: Samferdsel."
    )
    assert db.execute("SELECT count(*) FROM users").fetchone() == (0,)
    user = add_user(db, "sam", "Sam Ferdsel", "rapportør", council_areas=("Akershus: samferdsel",))
    assert (user.council_areas, user.units) == (("Samferdsel",), (("Akershus fylkeskommune", "Samferdsel"),))
    assert holds(user, "Folloregionen IPR", "Samferdsel", "Akershus fylkeskommune")
    assert not holds(user, "Indre Østfold regionråd", "Samferdsel", "Østfold fylkeskommune")
    assert reportable_regions(db, user) == ["Folloregionen IPR"]
    with pytest.raises(UnknownCouncilArea):
        add_user(db, "ola", "Ola", "rapportør", council_areas=("Akershus: Finans og administrasjon",))


def test_the_command_line_adds_a_county_reporter_and_lists_the_county(db_path, run_cli):
    with connect(db_path) as db, write_transaction(db):
        _split_viken(db)
    added = run_cli("user", "add", "anne", "--name", "Anne", "--role", "rapportør", "--county", "32", "--no-password")
    assert (added.returncode, added.stdout, added.stderr) == (0, "Bruker «anne» opprettet som rapportør.\n", "")
    listed = run_cli("user", "list")
    assert listed.stdout == "anne\tAnne\t\trapportør\tAkershus fylkeskommune\n"


def test_a_scoped_user_sees_the_counties_of_what_they_hold(db):
    _follo_in_two_counties(db)
    follo = add_user(db, "ola", "Ola", "rapportør", regions=("Follo",))
    viewer = add_user(db, "lise", "Lise", "leser", counties=("Østfold",))
    unit = add_user(db, "sam", "Sam", "rapportør", council_areas=("Akershus: Samferdsel",))
    everyone = add_user(db, "per", "Per", "leser")
    admin = add_user(db, "kari", "Kari", "administrator", counties=("Østfold",))
    assert visible_counties(db, follo) == ("Akershus fylkeskommune", "Viken fylkeskommune")
    assert visible_counties(db, viewer) == ("Østfold fylkeskommune",)
    assert visible_counties(db, unit) == ("Akershus fylkeskommune",)
    assert [visible_counties(db, user) for user in (everyone, admin, None)] == [None, None, None]
