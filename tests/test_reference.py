import shutil
from datetime import date, timedelta
from itertools import pairwise

import pytest

from core.errors import ReferenceDataDamaged
from core.reference import (
    FOLDER,
    County,
    Municipality,
    counties,
    county_predecessors,
    county_successors,
    current_numbers,
    municipalities,
    municipalities_in,
    municipality_on,
    municipality_predecessors,
    municipality_successors,
    reference_data,
)

# The municipality file starts on this day: a version without valid_from was in force on it.
MUNICIPALITIES_BEGIN = date(2019, 1, 1)


def in_force(version: County | Municipality, day: date) -> bool:
    return (version.valid_from is None or version.valid_from <= day) and (
        version.valid_to is None or day <= version.valid_to
    )


@pytest.mark.parametrize(
    ("day", "count"),
    [
        (date(2019, 1, 1), 422),
        (date(2019, 12, 31), 422),
        (date(2020, 1, 1), 356),
        (date(2023, 12, 31), 356),
        (date(2024, 1, 1), 357),
        (date(2026, 1, 1), 357),
    ],
)
def test_the_municipalities_in_force_are_ssb_s_count_for_the_year(day, count):
    assert len([version for version in municipalities() if in_force(version, day)]) == count


def test_the_counties_in_force_are_those_of_2019_2020_and_2024():
    def numbers_on(day: date) -> list[str]:
        return [county.number for county in counties() if in_force(county, day)]

    assert numbers_on(date(2019, 1, 1)) == (
        ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "14", "15", "18", "19", "20", "50"]
    )
    assert numbers_on(date(2020, 1, 1)) == ["03", "11", "15", "18", "30", "34", "38", "42", "46", "50", "54"]
    assert numbers_on(date(2024, 1, 1)) == (
        ["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"]
    )


def test_counties_carry_their_bokmal_names_and_days():
    by_number = {county.number: county for county in counties()}
    assert by_number["30"] == County("30", "Viken", date(2020, 1, 1), date(2023, 12, 31))
    assert by_number["31"] == County("31", "Østfold", date(2024, 1, 1), None)
    assert by_number["01"] == County("01", "Østfold", None, date(2019, 12, 31))
    assert by_number["54"] == County("54", "Troms og Finnmark", date(2020, 1, 1), date(2023, 12, 31))
    assert by_number["50"] == County("50", "Trøndelag", date(2018, 1, 1), None)
    assert by_number["03"] == County("03", "Oslo", None, None)


@pytest.mark.parametrize(
    ("number", "successors", "predecessors"),
    [
        ("30", ("31", "32", "33"), ("01", "02", "06")),
        ("38", ("39", "40"), ("07", "08")),
        ("54", ("55", "56"), ("19", "20")),
        ("32", (), ("30",)),
        ("03", (), ()),
        ("50", (), ()),
    ],
)
def test_county_successions(number, successors, predecessors):
    assert (county_successors(number), county_predecessors(number)) == (successors, predecessors)


@pytest.mark.parametrize(
    ("number", "day", "numbers"),
    [
        ("3001", date(2025, 1, 1), ("3101",)),  # Halden
        ("0101", date(2025, 1, 1), ("3101",)),
        ("0101", date(2021, 6, 1), ("3001",)),
        ("3014", date(2025, 1, 1), ("3118",)),  # Indre Østfold
        ("0124", date(2025, 1, 1), ("3118",)),  # Askim, merged into Indre Østfold in 2020
        ("3005", date(2025, 1, 1), ("3301",)),  # Drammen
        ("3025", date(2025, 1, 1), ("3203",)),  # Asker
        ("1507", date(2025, 1, 1), ("1508", "1580")),  # Ålesund, split
        ("1507", date(2023, 12, 31), ("1507",)),
        ("5012", date(2020, 1, 1), ("5055", "5056", "5059")),  # Snillfjord, split three ways
        ("0301", date(2026, 6, 1), ("0301",)),  # Oslo keeps its number
        ("3118", date(2022, 6, 1), ()),  # not yet in force; predecessors are not followed
        ("9998", date(2025, 1, 1), ()),
    ],
)
def test_an_old_number_leads_to_the_numbers_in_force_on_the_day(number, day, numbers):
    assert current_numbers(number, day) == numbers


def test_municipality_successions():
    assert municipality_successors("1507") == ("1508", "1580")
    assert municipality_predecessors("1580") == ("1507",)
    assert municipality_predecessors("3118") == ("3014",)
    assert municipality_predecessors("3014") == ("0122", "0123", "0124", "0125", "0138")
    # Trondheim took over Klæbu in 2020 and kept its number: it is no successor of itself.
    assert municipality_successors("5001") == ()
    assert municipality_predecessors("5001") == ("5030",)


def test_the_version_in_force_on_a_day():
    assert municipality_on("3118", date(2025, 1, 1)) == Municipality(
        "3118", "Indre Østfold", "31", date(2024, 1, 1), None
    )
    assert municipality_on("3014", date(2023, 12, 31)) == Municipality(
        "3014", "Indre Østfold", "30", date(2020, 1, 1), date(2023, 12, 31)
    )
    assert municipality_on("3014", date(2024, 1, 1)) is None
    assert municipality_on("0301", date(2025, 12, 31)) == Municipality("0301", "Oslo", "03", None, date(2025, 12, 31))
    assert municipality_on("0301", date(2026, 1, 1)) == Municipality(
        "0301", "Oslo - Oslove", "03", date(2026, 1, 1), None
    )


def test_names_are_kept_as_ssb_writes_them():
    def name(number: str, day: date) -> str | None:
        version = municipality_on(number, day)
        return version.name if version else None

    # Sami and Kven names, some first; the disambiguator SSB drops once the name is unique.
    assert [
        name("5622", date(2025, 1, 1)),
        name("5610", date(2025, 1, 1)),
        name("1853", date(2025, 1, 1)),
        name("1514", date(2019, 6, 1)),
        name("1514", date(2020, 1, 1)),
    ] == [
        "Porsanger - Porsángu - Porsanki",
        "Kárášjohka - Karasjok",
        "Evenes - Evenášši",
        "Sande (Møre og Romsdal)",
        "Sande",
    ]


def test_a_county_s_municipalities_on_a_day():
    assert [(m.number, m.name) for m in municipalities_in("31", date(2024, 1, 1))] == [
        ("3101", "Halden"),
        ("3103", "Moss"),
        ("3105", "Sarpsborg"),
        ("3107", "Fredrikstad"),
        ("3110", "Hvaler"),
        ("3112", "Råde"),
        ("3114", "Våler (Østfold)"),
        ("3116", "Skiptvet"),
        ("3118", "Indre Østfold"),
        ("3120", "Rakkestad"),
        ("3122", "Marker"),
        ("3124", "Aremark"),
    ]
    assert len(municipalities_in("30", date(2023, 6, 1))) == 51
    assert municipalities_in("30", date(2024, 1, 1)) == ()


def test_viken_s_municipalities_became_exactly_those_of_ostfold_akershus_and_buskerud():
    successors = {
        number
        for viken in municipalities_in("30", date(2023, 12, 31))
        for number in current_numbers(viken.number, date(2024, 1, 1))
    }
    new_counties = {
        version.number for county in ("31", "32", "33") for version in municipalities_in(county, date(2024, 1, 1))
    }
    assert successors == new_counties
    assert len(successors) == 51


def test_every_change_links_a_version_that_ended_to_one_that_began():
    data = reference_data()
    stale = [
        change
        for change in data.municipality_changes
        if municipality_on(change.old_number, change.day - timedelta(days=1)) is None
        or municipality_on(change.new_number, change.day) is None
        or change.old_number == change.new_number
    ]
    assert stale == []
    by_number = {county.number: county for county in data.counties}
    stale_counties = [
        change
        for change in data.county_changes
        if by_number[change.old_number].valid_to != change.day - timedelta(days=1)
        or by_number[change.new_number].valid_from != change.day
    ]
    assert stale_counties == []


def test_every_municipality_that_ended_has_a_successor():
    ended = {version.number for version in municipalities() if version.valid_to is not None} - {
        version.number for version in municipalities() if version.valid_to is None
    }
    assert [number for number in sorted(ended) if not municipality_successors(number)] == []


@pytest.mark.parametrize("day", [date(2020, 1, 1), date(2024, 1, 1)])
def test_every_number_new_in_a_reform_has_a_predecessor(day):
    before = {version.number for version in municipalities() if in_force(version, day - timedelta(days=1))}
    new = [version.number for version in municipalities() if version.valid_from == day and version.number not in before]
    assert [number for number in new if not municipality_predecessors(number)] == []
    # 2024: the 113 municipalities of the three split counties renumbered, and Ålesund split in two
    # (KS counts "114 kommuner" involved).
    assert len(new) == {date(2020, 1, 1): 243, date(2024, 1, 1): 115}[day]


def test_versions_of_one_number_never_overlap():
    # The file lists a number's versions by first day, so an overlap shows between neighbours.
    versions = municipalities()
    overlapping = [
        (earlier, later)
        for earlier, later in pairwise(versions)
        if earlier.number == later.number
        and (earlier.valid_to is None or later.valid_from is None or later.valid_from <= earlier.valid_to)
    ]
    assert overlapping == []
    assert [version.number for version in versions] == sorted(version.number for version in versions)


def test_every_municipality_lies_in_a_county_in_force_over_its_whole_validity():
    by_number = {county.number: county for county in counties()}
    misplaced = [
        version
        for version in municipalities()
        if version.county_number not in by_number
        or version.county_number != version.number[:2]
        or not in_force(by_number[version.county_number], version.valid_from or MUNICIPALITIES_BEGIN)
        or not in_force(by_number[version.county_number], version.valid_to or date.max)
    ]
    assert misplaced == []


def test_a_missing_reference_file_is_an_installation_fault(tmp_path):
    shutil.copytree(FOLDER, tmp_path, dirs_exist_ok=True)
    (tmp_path / "county_changes.csv").unlink()
    with pytest.raises(ReferenceDataDamaged) as raised:
        reference_data(tmp_path)
    path = tmp_path / "county_changes.csv"
    assert str(raised.value) == (
        f"Fant ikke referansefilen {path} (fylker og kommuner), eller den kan ikke leses. Installer programmet på nytt."
    )
    assert raised.value.message("en") == (
        f"The reference file {path} (counties and municipalities) is missing or cannot be read. "
        "Install the program again."
    )


@pytest.mark.parametrize(
    "line",
    [
        "301,Oslo,03,,",  # three digits
        "0301,Oslo,03,2026-13-01,",  # no such month
        "0301,Oslo,03,2026-01-01,2025-12-31",  # ends before it begins
        "0301,Oslo,03,,,",  # a field too many
        "0301,,03,,",  # no name
    ],
)
def test_a_malformed_reference_line_is_named_by_its_number(tmp_path, line):
    shutil.copytree(FOLDER, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "municipalities.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataDamaged) as raised:
        reference_data(tmp_path)
    assert raised.value.message("en") == (
        f"The reference file {path} (counties and municipalities) is damaged at line 3. Install the program again."
    )


def test_a_reference_file_with_another_header_is_refused(tmp_path):
    shutil.copytree(FOLDER, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "counties.csv"
    path.write_text("nummer,navn,fra,til\n03,Oslo,,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataDamaged) as raised:
        reference_data(tmp_path)
    assert str(raised.value) == (
        f"Referansefilen {path} (fylker og kommuner) er skadet på linje 1. Installer programmet på nytt."
    )
