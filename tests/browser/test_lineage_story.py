"""A commitment carried on across Viken's split reads as one story: Indre Østfold's 2.1 was
Viken's until 2023 and is Østfold's from 2024, and its page shows every report of both under
«Historikk», oldest first, each with the agreement it was reported under."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from core.db import connect
from core.vocabulary import quarter_label
from tests.builders import open_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CODE = "2.1"
VIKEN = f"Viken 2022–2023 · {CODE}"
OSTFOLD = f"Østfold 2024–2027 · {CODE}"


def story(database: Path) -> tuple[int, int, str, list[list[str]]]:
    """Indre Østfold's 2.1 in Viken's agreement and in Østfold's, the newer one's text, and its
    reports as the page should list them: quarter and agreement, oldest first."""
    with contextlib.closing(connect(database)) as db:
        [[viken_id, ostfold_id, text]] = db.execute(
            "SELECT l.predecessor_id, l.successor_id, s.text FROM commitment_lineage l "
            "JOIN commitments p ON p.id = l.predecessor_id JOIN commitments s ON s.id = l.successor_id "
            "JOIN agreements a ON a.id = p.agreement_id JOIN regions r ON r.id = a.region_id "
            "WHERE r.short_name = 'IØR' AND p.code = ? AND l.kind = 'continued'",
            (CODE,),
        ).fetchall()
        reports = db.execute(
            "SELECT quarter, commitment_id FROM status_reports WHERE commitment_id IN (?, ?) ORDER BY quarter",
            (viken_id, ostfold_id),
        ).fetchall()
    rows = [[quarter_label(quarter), VIKEN if id_ == viken_id else OSTFOLD] for quarter, id_ in reports]
    return viken_id, ostfold_id, text, rows


def shown_rows(page: Page) -> list[list[str]]:
    """The history table's Kvartal and Avtale cells, row by row."""
    table = page.locator("#table-history table")
    headers = table.locator("thead th").all_inner_texts()
    quarter, agreement = headers.index("Kvartal"), headers.index("Avtale")
    cells = table.locator("tbody tr").evaluate_all(
        "(rows) => rows.map((row) => Array.from(row.cells, (cell) => cell.innerText.trim()))"
    )
    return [[row[quarter], row[agreement]] for row in cells]


def test_a_commitment_shows_its_viken_and_ostfold_reports_as_one_story(
    page: Page, app_url: str, demo_database: Path
) -> None:
    viken_id, ostfold_id, text, expected = story(demo_database)
    # The story runs from Viken's first quarter to the demo's last, across the split.
    assert [expected[0], expected[-1]] == [["1. kv. 2022", VIKEN], ["3. kv. 2026", OSTFOLD]]
    assert [row for row in expected if row[0] in ("4. kv. 2023", "1. kv. 2024")] == [
        ["4. kv. 2023", VIKEN],
        ["1. kv. 2024", OSTFOLD],
    ]

    open_page(page, f"{app_url}/tiltak?commitment={ostfold_id}", "Tiltak")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Videreført fra Viken 2022–2023 (2.1)", exact=True)).to_be_visible()
    # Opened by either commitment of the story, the page tells the same story under the newest text.
    for commitment_id in (ostfold_id, viken_id):
        if commitment_id != ostfold_id:
            open_page(page, f"{app_url}/tiltak?commitment={commitment_id}", "Tiltak")
        expect(main.get_by_role("heading", level=2).filter(has_text=f"{CODE} {text}")).to_be_visible()
        expect(main.get_by_role("heading", name="Historikk", exact=True)).to_be_visible()
        expect(page.locator("#table-history table")).to_be_visible()
        assert shown_rows(page) == expected
