import pytest

from core.db import write_transaction
from core.errors import UnknownRegion
from core.register import (
    Agreement,
    Commitment,
    FocusArea,
    Region,
    SaveResult,
    agreement_for,
    ensure_region,
    find_region,
    period_years,
    regions,
    save_agreement,
)

AGREEMENT = Agreement(
    period="2022-2023",
    title="Partnerskapsavtale spesiell del 2022-2023",
    focus_areas=[
        FocusArea("1", "Utdanning og utenforskap", "#kompetanseløft"),
        FocusArea("2", "Understøtte næringslivet", "#arbeidsplassvekst", [9]),
    ],
    commitments=[
        Commitment("1.1", "Samarbeidsprosjekter", "1", "Utdanning og kompetanse"),
        Commitment("2.1", "Kunnskapsgrunnlag", "2"),
        Commitment("2.1.A", "Felles innsats", "2", sdgs=[8, 9]),
    ],
)


def members(db) -> list[tuple]:
    return db.execute(
        "SELECT r.name, m.number, m.name FROM region_municipalities rm "
        "JOIN regions r ON r.id = rm.region_id JOIN municipalities m ON m.number = rm.municipality_number "
        "ORDER BY r.name, m.number"
    ).fetchall()


def commitments(db) -> list[tuple]:
    return db.execute(
        """
        SELECT c.code, c.text, f.number, ca.name, c.position, c.active,
               (SELECT group_concat(sdg) FROM commitment_sdgs WHERE commitment_id = c.id)
        FROM commitments c
        LEFT JOIN focus_areas f ON f.id = c.focus_area_id
        LEFT JOIN council_areas ca ON ca.id = c.council_area_id
        ORDER BY c.position, c.code
        """
    ).fetchall()


def test_ensure_region_with_municipalities(db):
    with write_transaction(db):
        folloradet = ensure_region(db, " Follorådet ", "Follo", {"3020": "Nordre Follo", "3021": "Ås"})
        # Nordre Follo is in both, as a municipality on a regional border may be.
        indre = ensure_region(db, "Indre Østfold regionråd", "IØR", {"3014": "Indre Østfold", "3020": "Nordre Follo"})
    assert regions(db) == [
        Region(folloradet.id, "Follorådet", "Follo"),
        Region(indre.id, "Indre Østfold regionråd", "IØR"),
    ]
    assert members(db) == [
        ("Follorådet", "3020", "Nordre Follo"),
        ("Follorådet", "3021", "Ås"),
        ("Indre Østfold regionråd", "3014", "Indre Østfold"),
        ("Indre Østfold regionråd", "3020", "Nordre Follo"),
    ]


def test_ensure_region_finds_existing_and_replaces_members(db):
    with write_transaction(db):
        first = ensure_region(db, "Follorådet", "Follo", {"3020": "Nordre Follo", "3021": "Ås"})
        by_short_name = ensure_region(db, "follo")
        again = ensure_region(db, "Follora\u030adet", municipalities={"3021": "Ås kommune"})
    assert by_short_name == again == first
    assert members(db) == [("Follorådet", "3021", "Ås kommune")]
    assert db.execute("SELECT count(*) FROM regions").fetchone() == (1,)


def test_ensure_region_updates_short_name(db):
    with write_transaction(db):
        region = ensure_region(db, "Vestviken 360")
        renamed = ensure_region(db, "Vestviken 360", "VV360")
    assert renamed == Region(region.id, "Vestviken 360", "VV360")


def test_find_region(db):
    with write_transaction(db):
        indre = ensure_region(db, "Indre Østfold regionråd", "IØR")
        ensure_region(db, "Follorådet")
    assert find_region(db, "iør") == indre
    assert find_region(db, " INDRE ØSTFOLD REGIONRÅD ") == indre
    with pytest.raises(UnknownRegion) as error:
        find_region(db, "Hadeland")
    assert str(error.value) == "Fant ikke regionen «Hadeland». Kjente regioner: Follorådet, Indre Østfold regionråd."


def test_save_agreement_is_idempotent(db):
    with write_transaction(db):
        region = ensure_region(db, "IØR")
        first = save_agreement(db, region, AGREEMENT)
        second = save_agreement(db, region, AGREEMENT)
    assert first == SaveResult(added=3)
    assert second == SaveResult(unchanged=3)
    assert db.execute("SELECT period, start_year, end_year, title FROM agreements").fetchall() == [
        ("2022-2023", 2022, 2023, "Partnerskapsavtale spesiell del 2022-2023")
    ]
    assert commitments(db) == [
        ("1.1", "Samarbeidsprosjekter", "1", "Utdanning og kompetanse", 0, 1, None),
        ("2.1", "Kunnskapsgrunnlag", "2", None, 1, 1, None),
        ("2.1.A", "Felles innsats", "2", None, 2, 1, "8,9"),
    ]


def test_retire_missing_or_leave_alone(db):
    with write_transaction(db):
        region = ensure_region(db, "IØR")
        save_agreement(db, region, AGREEMENT)
        partial = Agreement(period="2022-2023", commitments=[Commitment("2.1", "Kunnskapsgrunnlag", "2")])
        left_alone = save_agreement(db, region, partial, retire_missing=False)
        assert [row[5] for row in commitments(db)] == [1, 1, 1]
        retired = save_agreement(db, region, partial, retire_missing=True)
    # It moved to the first place, which is no change to it.
    assert left_alone == SaveResult(unchanged=1)
    assert retired == SaveResult(unchanged=1, retired=2)
    assert {row[0]: row[5] for row in commitments(db)} == {"1.1": 0, "2.1": 1, "2.1.A": 0}


def test_blank_focus_and_council_areas_keep_the_stored_ones(db):
    with write_transaction(db):
        region = ensure_region(db, "IØR")
        save_agreement(db, region, AGREEMENT)
        result = save_agreement(
            db,
            region,
            Agreement(period="2022-2023", commitments=[Commitment("1.1", "Samarbeidsprosjekter")]),
            retire_missing=False,
        )
    assert result == SaveResult(unchanged=1)
    assert commitments(db)[0] == ("1.1", "Samarbeidsprosjekter", "1", "Utdanning og kompetanse", 0, 1, None)


def test_agreement_for_period_or_latest(db):
    with write_transaction(db):
        region = ensure_region(db, "IØR")
        save_agreement(db, region, Agreement(period="2022-2023"))
        save_agreement(db, region, Agreement(period="2020-2021"))
    ids = dict(db.execute("SELECT period, id FROM agreements").fetchall())
    assert agreement_for(db, region.id) == ids["2022-2023"]
    assert agreement_for(db, region.id, "2020-2021") == ids["2020-2021"]
    assert agreement_for(db, region.id, "2030") is None


def test_period_years():
    assert [period_years(p) for p in ("2022-2023", "2022 – 2023", "2024", "løpende")] == [
        (2022, 2023),
        (2022, 2023),
        (2024, 2024),
        (None, None),
    ]
