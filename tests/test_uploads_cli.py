"""`python -m loaders uploads`: stored names printed so that they cannot forge or hide lines, and
output cut short by the reader (`| head -1`) is no error."""

import pytest

from core.db import write_transaction
from tests.builders import uploads_listing

SHA = "ab" * 32
# As rows logged before the loaders cleaned text may hold them: a direction override, an ANSI
# escape, a line break, a BOM, a character beyond the BMP (a tag letter).
TRICKY_FILE = "rapport\u202exslx.exe\n\x1b[2J\ufeff\U000e0041.xlsx"
TRICKY_USER = "Mallory\u200f (mal\tlory)"


def log_upload(db, file_name: str, uploaded_by: str, *, rolled_back_by: str | None = None) -> None:
    with write_transaction(db):
        db.execute(
            "INSERT INTO uploads (kind, file_name, sha256, uploaded_by, uploaded_at, quarters, added, "
            "rolled_back_at, rolled_back_by) VALUES ('status', ?, ?, ?, '2026-11-23 12:00:00', '2026-Q3', 2, ?, ?)",
            (file_name, SHA, uploaded_by, "2026-11-24 08:00:00" if rolled_back_by else None, rolled_back_by),
        )


def test_control_and_direction_characters_are_printed_escaped(db, db_path, run_cli):
    log_upload(db, "ren.xlsx", "Kari Nordmann (kari)")
    log_upload(db, TRICKY_FILE, TRICKY_USER, rolled_back_by="Eve\u202e (eve)")
    done = run_cli("uploads", "--db", str(db_path))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        "    2  2026-11-23 12:00:00  status     Mallory\\u200f (mal\\x09lory)  "
        "rapport\\u202exslx.exe\\x0a\\x1b[2J\\ufeff\\U000e0041.xlsx  +2 ~0 =0  2026-Q3  abababababab"
        "  tilbakestilt 2026-11-24 08:00:00 av Eve\\u202e (eve)",
        "    1  2026-11-23 12:00:00  status     Kari Nordmann (kari)  ren.xlsx  +2 ~0 =0  2026-Q3  abababababab",
    ]


@pytest.mark.slow  # a real process, whose reader goes away after the first line
def test_a_reader_that_stops_after_one_line_gets_it_and_no_error(db, db_path):
    # Far more than a pipe holds (64 KiB), so the writer meets the closed pipe mid-list.
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO uploads (kind, file_name, sha256, uploaded_by, uploaded_at) "
            "VALUES ('status', ?, ?, 'Kari Nordmann (kari)', '2026-11-23 12:00:00')",
            [(f"status-{number}.xlsx", SHA) for number in range(3000)],
        )
    process = uploads_listing(db_path)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline().decode()
    process.stdout.close()  # as `| head -1` does
    error = process.stderr.read().decode()
    assert (first, process.wait(timeout=120), error) == (
        " 3000  2026-11-23 12:00:00  status     Kari Nordmann (kari)  status-2999.xlsx  +0 ~0 =0    abababababab\n",
        0,
        "",
    )
