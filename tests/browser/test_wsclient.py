"""The load benchmark's client (bench/wsclient.py) receives, frame for frame, what Chromium receives.

Chromium's own record of the websocket (the DevTools event ``Network.webSocketFrameReceived``) is
split into runs at each ``script_finished``, and compared with the client's runs doing the same
things: opening Oversikt signed in, then choosing quarters A, B and A again. The last run is where
the browser's message cache counts: the big elements it still holds from A come as references.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.wsclient import COOKIE_NAME, Run, Session
from core.db import connect
from core.sessions import start_session
from core.users import add_user
from tests.browser.conftest import new_context, running_dashboard
from tests.builders import ADMIN, select_option, wait_for_app_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUARTER = "Kvartal"


def runs_of(frames: list[bytes]) -> list[list[tuple[str, int]]]:
    """The frames as runs, each frame as (its kind, its size); a run ends at a finished script."""
    runs: list[list[tuple[str, int]]] = [[]]
    for frame in frames:
        message = ForwardMsg.FromString(frame)
        runs[-1].append((kind(message), len(frame)))
        if (
            message.WhichOneof("type") == "script_finished"
            and message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN
        ):
            runs.append([])
    return runs[:-1]


def kind(message: ForwardMsg) -> str:
    name = message.WhichOneof("type") or ""
    if name == "delta" and message.delta.WhichOneof("type") == "new_element":
        return f"element {message.delta.new_element.WhichOneof('type')}"
    return name


async def client_runs(url: str, token: str) -> tuple[list[list[int]], list[str]]:
    """Each run's frame sizes, and the quarters chosen: the first two offered, then the first again."""
    async with await Session.open(url, cookie=token) as session:
        runs: list[Run] = [await session.run()]
        options = session.widgets[QUARTER].options
        choices = [options[0], options[1], options[0]]
        for choice in choices:
            session.set(QUARTER, choice)
            runs.append(await session.run())
    return [run.frames for run in runs], choices


def test_the_client_receives_what_chromium_receives(
    browser: Browser, demo_template, tmp_path: Path, pytestconfig: pytest.Config
) -> None:
    database = tmp_path / "demo.db"
    shutil.copyfile(demo_template[0], database)
    with contextlib.closing(connect(database)) as db:
        add_user(db, ADMIN.username, ADMIN.name, ADMIN.role)
        browser_token, client_token = (start_session(db, ADMIN.username).token for _ in range(2))
    with running_dashboard(database, tmp_path, pytestconfig) as url:
        # Playwright's sync API keeps an event loop running in this thread; the client runs in another.
        with ThreadPoolExecutor(1) as thread:
            client, choices = thread.submit(asyncio.run, client_runs(url, client_token)).result()
        context = new_context(browser)
        context.add_cookies([{"name": COOKIE_NAME, "value": browser_token, "url": url}])
        page = context.new_page()
        frames: list[bytes] = []
        devtools = context.new_cdp_session(page)
        devtools.send("Network.enable")
        devtools.on(
            "Network.webSocketFrameReceived",
            lambda event: frames.append(base64.b64decode(event["response"]["payloadData"])),
        )
        page.goto(url)
        wait_for_app_idle(page, "Oversikt")
        for choice in choices:
            select_option(page, QUARTER, choice)
        context.close()

    chromium = runs_of(frames)
    assert [[size for _, size in run] for run in chromium] == client
    # Back at the first quarter, the big elements the browser still holds come as references only.
    assert [name for name, _ in chromium[3] if name == "ref_hash"] != []
