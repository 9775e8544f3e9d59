"""Several Streamlit processes on one database, as README's "Several processes on one host" runs them:
both serve, and an upload made through either shows on both within the reload (views/_data.py)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.servers import streamlit_servers
from bench.wsclient import Run, Session
from core.db import connect
from core.i18n import t
from core.sessions import start_session
from core.users import add_user
from tests.builders import ADMIN, FOLLO, ROOT, add_reports, build_small_register, write_workbook

pytestmark = pytest.mark.slow  # two real Streamlit servers and a loader process

QUARTER = "Kvartal"
CATCHING_UP = t("data.catching_up")
# A page open during a write is served the data from before while the new revision builds in the
# background (about a second here); a browser's timer reruns it then, the test reruns until then.
RELOAD_SECONDS = 30


@pytest.fixture
def shared_database(tmp_path: Path) -> tuple[Path, str]:
    """The small register with one quarter of reports, and an administrator's session token."""
    path = tmp_path / "shared.db"
    with contextlib.closing(connect(path)) as db:
        build_small_register(db)
        add_user(db, ADMIN.username, ADMIN.name, ADMIN.role)
        add_reports(db, [(FOLLO, "1.1", "2024-Q1", "on_track", 20), (FOLLO, "1.2", "2024-Q1", "on_track", 10)])
        token = start_session(db, ADMIN.username).token
    return path, token


async def open_overview(urls: list[str], token: str) -> tuple[list[Session], list[Run]]:
    sessions = [await Session.open(url, cookie=token) for url in urls]
    return sessions, list(await asyncio.gather(*(session.run() for session in sessions)))


def load_status(database: Path, workbook: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loaders", "status", str(workbook), "--db", str(database), "--as", ADMIN.username],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_two_processes_on_one_database_both_serve_and_both_see_an_upload(shared_database, tmp_path):
    database, token = shared_database
    workbook = write_workbook(
        tmp_path / "follo-2024-Q2.xlsx",
        [
            [FOLLO, "1.1", "2024-Q2", "Forsinket", 25, "Venter på svar", None, None],
            [FOLLO, "1.2", "2024-Q2", "I rute", 30, None, None, None],
        ],
    )
    with streamlit_servers(["dashboard.py", "dashboard.py"], database, tmp_path) as servers:

        async def scenario() -> tuple[list[Run], subprocess.CompletedProcess, list[Run]]:
            sessions, before = await open_overview([server.url for server in servers], token)
            try:
                loaded = await asyncio.to_thread(load_status, database, workbook)
                after = [await until_new_data(session) for session in sessions]
            finally:
                for session in sessions:
                    await session.close()
            return before, loaded, after

        # In a thread of its own: a worker that has run the browser tests has Playwright's event loop
        # running in this one, and asyncio.run refuses to start inside it.
        with ThreadPoolExecutor(1) as thread:
            before, loaded, after = thread.submit(asyncio.run, scenario()).result()
        quarters = [session_quarters(run) for run in (*before, *after)]

    assert loaded.returncode == 0, loaded.stderr
    assert [run.headings()[:2] for run in (*before, *after)] == [["Filtre", "Oversikt"]] * 4
    assert [run.exceptions for run in (*before, *after)] == [[]] * 4
    # Indre Østfold has not reported, so every quarter is provisional; the new one is offered by both.
    assert quarters == [("1. kv. 2024 (foreløpig)",)] * 2 + [("2. kv. 2024 (foreløpig)", "1. kv. 2024 (foreløpig)")] * 2


async def until_new_data(session: Session) -> Run:
    """Rerun the session until it no longer says the new data is loading; each run before that
    must say so (the previous data is never shown without the note)."""
    deadline = time.monotonic() + RELOAD_SECONDS
    while True:
        run = await session.run()
        if CATCHING_UP not in texts(run) or time.monotonic() > deadline:
            return run
        await asyncio.sleep(0.2)


def texts(run: Run) -> list[str]:
    return [element.alert.body for element in run.elements if element.WhichOneof("type") == "alert"]


def session_quarters(run: Run) -> tuple[str, ...]:
    [options] = [element.selectbox.options for element in run.elements if element.selectbox.label == QUARTER]
    return tuple(options)
