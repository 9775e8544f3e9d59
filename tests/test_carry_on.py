"""A new agreement saved under its county and carrying on the region's earlier one: the county chosen
(or the region's), the region moved to it, the commitments continued, split, merged or ended as the
administrator says, on Avtaler and the command line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from core.db import write_transaction
from core.errors import MonitorError
from core.organisation import ensure_county, find_county, region_county, set_council_areas, set_successors
from core.register import Agreement, Commitment, FocusArea, ensure_region, find_region, save_agreement
from core.users import add_user
from loaders.agreement import preview_agreement, save_preview
from tests.builders import ADMIN, ROOT, app

REGION = "Indre Østfold regionråd"
OSTFOLD = "Østfold fylkeskommune"
VIKEN = "Viken fylkeskommune"
NEW = """\
Partnerskapsavtale spesiell del 2024-2027
1 - Kompetanse #kompetanseløft
1.1 - Flere lærlingplasser i kommunene
1.2 - Et regionalt karrieresenter
1.3 - Karriereveiledning i skolene
2 - Samferdsel
2.1 - Trygg skolevei
"""


@pytest.fixture
def viken_agreement(db):
    """Indre Østfold's Viken agreement 2022–2023, and Østfold (from 2024, with its own units) as Viken's successor."""
    with write_transaction(db):
        viken = find_county(db, "Viken")
        region = ensure_region(db, REGION, "IØR", {"3014": "Indre Østfold"}, county_id=viken.id)
        save_agreement(
            db,
            region,
            Agreement(
                "2022-2023",
                [FocusArea("1", "Kompetanse"), FocusArea("2", "Samferdsel")],
                [
                    Commitment("1.1", "Flere lærlingplasser", "1", "Utdanning og kompetanse"),
                    Commitment("1.2", "Karrieresenter", "1"),
                    Commitment("1.4", "Voksenopplæring", "1"),
                    Commitment("2.1", "Trygg skolevei", "2", "Samferdsel"),
                    Commitment("2.2", "Innfartsparkering", "2"),
                ],
            ),
        )
        ostfold = ensure_county(db, OSTFOLD, "31", dt.date(2024, 1, 1))
        set_successors(db, viken, [ostfold])
        set_council_areas(db, ostfold, ["Samfunnsutvikling", "Samferdsel"])
    return db


def agreement_file(tmp_path, text: str = NEW):
    path = tmp_path / "avtale-2024.txt"
    path.write_text(text, encoding="utf-8")
    return path


def lineage(db) -> list[tuple[str, str | None, str]]:
    return db.execute(
        "SELECT p.code, s.code, l.kind FROM commitment_lineage l JOIN commitments p ON p.id = l.predecessor_id "
        "LEFT JOIN commitments s ON s.id = l.successor_id ORDER BY p.code, s.code"
    ).fetchall()


def test_the_preview_names_the_county_and_the_agreement_it_carries_on(viken_agreement, tmp_path):
    db = viken_agreement
    preview = preview_agreement(db, agreement_file(tmp_path), REGION, county="Østfold")
    assert (preview.county, preview.continues, preview.predecessor_codes, preview.is_new) == (
        OSTFOLD,
        "Viken 2022–2023",
        ("1.1", "1.2", "1.4", "2.1", "2.2"),
        True,
    )
    # Without a county given, the region's county when the period begins: still Viken, as nothing moved
    # it. Viken had ended by 2024 and Østfold exists then, so the agreement cannot be Viken's.
    with pytest.raises(MonitorError) as refused:
        preview_agreement(db, agreement_file(tmp_path), REGION)
    assert refused.value.message("nb") == (
        "Viken fylkeskommune fantes til 31.12.2023, men avtalen gjelder 2024-2027. "
        "Velg fylkeskommunen som har avtalen nå."
    )


def test_saving_moves_the_region_and_carries_on_by_code(viken_agreement, tmp_path):
    db = viken_agreement
    preview = preview_agreement(db, agreement_file(tmp_path), REGION, county="31")
    summary = save_preview(db, preview, user=ADMIN, council_areas={"2.1": "Samferdsel"})
    assert summary.message() == (
        "Avtale 2024-2027 for Indre Østfold regionråd: 4 lagt til, 0 endret, 0 uendret, 0 utgått (opplasting 1). "
        "Avtalen viderefører Viken 2022–2023; tiltak den ikke viderefører, er avsluttet der."
    )
    region = find_region(db, REGION)
    assert (region_county(db, region.id, dt.date(2023, 12, 31)).name, region_county(db, region.id).name) == (
        VIKEN,
        OSTFOLD,
    )
    assert db.execute(
        "SELECT a.period, co.name, p.period FROM agreements a JOIN counties co ON co.id = a.county_id "
        "LEFT JOIN agreements p ON p.id = a.succeeds_id ORDER BY a.period"
    ).fetchall() == [("2022-2023", VIKEN, None), ("2024-2027", OSTFOLD, "2022-2023")]
    # The unit is Østfold's own «Samferdsel», not Viken's of the same name.
    assert db.execute(
        "SELECT c.code, co.name FROM commitments c JOIN council_areas u ON u.id = c.council_area_id "
        "JOIN counties co ON co.id = u.county_id JOIN agreements a ON a.id = c.agreement_id "
        "WHERE a.period = '2024-2027'"
    ).fetchall() == [("2.1", OSTFOLD)]
    assert lineage(db) == [
        ("1.1", "1.1", "continued"),
        ("1.2", "1.2", "continued"),
        ("1.4", None, "ended"),
        ("2.1", "2.1", "continued"),
        ("2.2", None, "ended"),
    ]


def test_the_administrator_splits_and_merges(viken_agreement, tmp_path):
    db = viken_agreement
    preview = preview_agreement(db, agreement_file(tmp_path), REGION, county=OSTFOLD)
    save_preview(
        db,
        preview,
        user=ADMIN,
        carried_from={"1.1": ["1.1", "1.4"], "1.2": ["1.2"], "1.3": ["1.2"], "2.1": []},
    )
    assert lineage(db) == [
        ("1.1", "1.1", "merged"),
        ("1.2", "1.2", "split"),
        ("1.2", "1.3", "split"),
        ("1.4", "1.1", "merged"),
        ("2.1", None, "ended"),
        ("2.2", None, "ended"),
    ]


def test_a_code_the_earlier_agreement_lacks_is_named_and_nothing_is_saved(viken_agreement, tmp_path):
    db = viken_agreement
    preview = preview_agreement(db, agreement_file(tmp_path), REGION, county=OSTFOLD)
    with pytest.raises(MonitorError) as refused:
        save_preview(db, preview, user=ADMIN, carried_from={"1.3": ["1.9"]})
    assert refused.value.message("nb") == (
        "Tiltak 1.3 viderefører «1.9», men Viken 2022–2023 har ikke et tiltak 1.9. "
        "Tiltakene der: 1.1, 1.2, 1.4, 2.1, 2.2."
    )
    assert db.execute("SELECT count(*) FROM agreements").fetchone() == (1,)


def test_carrying_on_can_be_left_out(viken_agreement, tmp_path):
    db = viken_agreement
    preview = preview_agreement(db, agreement_file(tmp_path), REGION, county=OSTFOLD)
    summary = save_preview(db, preview, user=ADMIN, carry_on=False)
    assert summary.continues is None
    assert lineage(db) == []
    assert db.execute("SELECT count(*) FROM agreements WHERE succeeds_id IS NOT NULL").fetchone() == (0,)


def test_a_new_region_among_several_counties_needs_its_county(viken_agreement, tmp_path):
    db = viken_agreement
    preview = preview_agreement(db, agreement_file(tmp_path), "Haldenregionen")
    assert (preview.county, preview.continues, preview.new_region) == (None, None, True)
    with pytest.raises(MonitorError) as refused:
        save_preview(db, preview, user=ADMIN)
    assert refused.value.message("nb") == (
        "Regionen Haldenregionen hører ikke til noen fylkeskommune. Velg fylkeskommunen for avtalen."
    )
    assert db.execute("SELECT count(*) FROM regions").fetchone() == (1,)
    saved = save_preview(
        db, preview_agreement(db, agreement_file(tmp_path), "Haldenregionen", county=OSTFOLD), user=ADMIN
    )
    assert region_county(db, find_region(db, saved.region).id).name == OSTFOLD


def test_the_command_line_takes_the_county_and_can_leave_carrying_on_out(viken_agreement, db_path, tmp_path):
    add_user(viken_agreement, "kari", "Kari Nordmann", "administrator")
    done = subprocess.run(
        [sys.executable, "-m", "loaders", "agreement", str(agreement_file(tmp_path)), "--region", REGION,
         "--county", "Østfold", "--no-carry-on", "--db", str(db_path), "--as", "kari"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "Avtale 2024-2027 for Indre Østfold regionråd: 4 lagt til, 0 endret, 0 uendret, 0 utgått (opplasting 1).\n",
        "",
    )
    assert lineage(viken_agreement) == []


@pytest.mark.usefixtures("fresh_caches")
def test_the_page_asks_for_the_county_and_what_each_commitment_carries_on(viken_agreement, db_path):
    add_user(viken_agreement, "kari", "Kari Nordmann", "administrator")
    at = app(page="views/avtaler.py", user="kari")
    at.file_uploader[0].set_value(("avtale-2024.txt", NEW.encode(), "text/plain"))
    at.selectbox(key="agreement-region").set_value(REGION)
    at.run()
    county = at.selectbox(key="agreement-county-indre-ostfold-regionrad-")
    # The region's county when the period begins (no period typed: its latest agreement's).
    assert (county.label, county.value, county.options) == (
        "Fylkeskommune",
        VIKEN + " (2020–2023)",
        [OSTFOLD, VIKEN + " (2020–2023)"],
    )
    county.set_value(OSTFOLD).run()
    assert not at.exception
    [table] = at.get("dataframe")
    assert list(table.value["carried_from"]) == ["1.1", "1.2", "", "2.1"]
    [carry_on] = [box for box in at.checkbox if box.label.startswith("Viderefører")]
    assert (carry_on.label, carry_on.value) == ("Viderefører Viken 2022–2023", True)
    at.session_state[table.key] = {
        "edited_rows": {2: {"carried_from": "1.2 og 1.4"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    # What ends is said before saving.
    assert [caption.value for caption in at.caption][-1:] == [
        "1 tiltak i Viken 2022–2023 videreføres ikke og avsluttes når du lagrer: 2.2."
    ]
    at.button(key="agreement-save").click().run()
    assert [element.value for element in at.success] == [
        "Avtale 2024-2027 for Indre Østfold regionråd: 4 lagt til, 0 endret, 0 uendret, 0 utgått (opplasting 1). "
        "Avtalen viderefører Viken 2022–2023; tiltak den ikke viderefører, er avsluttet der."
    ]
    assert lineage(viken_agreement) == [
        ("1.1", "1.1", "continued"),
        ("1.2", "1.2", "split"),
        ("1.2", "1.3", "split"),
        ("1.4", "1.3", "merged"),
        ("2.1", "2.1", "continued"),
        ("2.2", None, "ended"),
    ]
