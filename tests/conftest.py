"""Fixtures every test module may use; the builders they call are in tests/builders.py.

- ``db_path`` / ``db``: a fresh database file, also set as DASHBOARD_DB.
- ``register``: the page tests' register (Follo and IØR, reports, accounts, reading open).
- ``fresh_caches``: Streamlit's caches cleared around a test (the page tests use it for every test).
- ``downloads``: what each deferred st.download_button would serve.
- ``demo_template``: the demo database, built once per session; copy it before writing to it.
- ``run_cli``: ``python -m loaders ...`` run in this process, its exit code and output captured.
- Password hashing is cheap in every test (Argon2id with the least cost), except in tests
  marked ``real_hasher``, whose subject is the hash and its cost.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go
import pytest
import streamlit as st
from argon2 import PasswordHasher
from PIL import Image
from streamlit.runtime.media_file_manager import MediaFileManager

import core.users
from core.db import connect
from loaders import __main__ as loaders_cli
from loaders.demo import build as demo
from outputs import report
from tests.builders import DEMO_TODAY, build_page_register, build_round_register
from views import _data as data

# Argon2id at its least cost: the same hashes and checks, in microseconds instead of
# tens of milliseconds and 64 MiB a hash.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def cheap_password_hashing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """Swap core.users' Argon2id hasher for CHEAP_HASHER, unless the test is marked real_hasher."""
    if request.node.get_closest_marker("real_hasher") is None:
        monkeypatch.setattr(core.users, "_HASHER", CHEAP_HASHER)
    core.users._dummy_hash.cache_clear()
    yield
    core.users._dummy_hash.cache_clear()


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    """A fresh database file, also set as DASHBOARD_DB for code that reads the env."""
    path = tmp_path / "dashboard.db"
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    return path


@pytest.fixture
def db(db_path):
    database = connect(db_path)
    yield database
    database.close()


@pytest.fixture
def register(db):
    """The page tests' register: Follo and IØR, two quarters of reports, three accounts, reading open."""
    build_page_register(db)
    return db


@pytest.fixture
def fresh_caches():
    """Streamlit's caches cleared before and after the test (the page tests use it for every test)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    data.forget_revisions()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
    data.forget_revisions()


@pytest.fixture
def downloads(monkeypatch):
    """Records what each st.download_button with deferred data would serve.

    AppTest's runtime is gone after a run, so the callable a button registered
    is kept here and called the way the server would on a click.
    """
    served: dict[str, tuple] = {}
    original = MediaFileManager.add_deferred
    original_add = MediaFileManager.add

    def record(self, data_callable, mimetype, coordinates, file_name=None, **options):
        file_id = original(self, data_callable, mimetype, coordinates, file_name=file_name, **options)
        served[file_id] = (data_callable, file_name, mimetype)
        return file_id

    # A download made in the run (the PDF brief) is stored at once; kept by its URL.
    def record_made(self, data, mimetype, coordinates, file_name=None, **options):
        url = original_add(self, data, mimetype, coordinates, file_name=file_name, **options)
        served[url] = (lambda: data, file_name, mimetype)
        return url

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    monkeypatch.setattr(MediaFileManager, "add", record_made)
    return served


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, demo.DemoSummary]:
    """The demo database and the summary of its build, made once per session (per xdist worker),
    as built on DEMO_TODAY, so its quarters do not move with the calendar.

    Tests read it as it is; a test that writes to it works on a copy (shutil.copyfile).
    """
    path = tmp_path_factory.mktemp("demo") / "dashboard.db"
    return path, demo.build_demo(path, today=DEMO_TODAY)


@dataclass(frozen=True)
class CliRun:
    """What a run of the command line gave: as subprocess.CompletedProcess names it."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch):
    """``run_cli("status", FILE, env={...}, stdin="...")`` runs ``python -m loaders status FILE`` in this
    process: loaders.__main__.main with the environment additions and standard input given for that
    one call, and a usage error's SystemExit turned into its exit code, as the process would give.

    tests/test_cli.py keeps one test that runs the real process.
    """

    def run(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> CliRun:
        capsys.readouterr()
        with monkeypatch.context() as scoped:
            for name, value in (env or {}).items():
                scoped.setenv(name, value)
            scoped.setattr(sys, "stdin", io.StringIO(stdin))
            try:
                code = loaders_cli.main(list(args))
            except SystemExit as exit:
                code = exit.code if isinstance(exit.code, int) else 1
        out, err = capsys.readouterr()
        return CliRun(code, out, err)

    return run


@pytest.fixture
def round_db(db_path):
    """The reminder tests' register (tests.builders.build_round_register): Akershus and Buskerud, two regions each."""
    db = connect(db_path)
    build_round_register(db)
    yield db
    db.close()


@pytest.fixture
def secrets(tmp_path, monkeypatch):
    """Write the secrets file (TOML text) and point DASHBOARD_SECRETS at it."""
    path = tmp_path / "secrets.toml"
    monkeypatch.setenv("DASHBOARD_SECRETS", str(path))
    monkeypatch.delenv("DASHBOARD_URL", raising=False)

    def write(text: str) -> Path:
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def blank_charts(monkeypatch) -> list[go.Figure]:
    """Charts drawn as blank PNGs instead of in Chromium; collects the figures asked for."""
    drawn: list[go.Figure] = []
    buffer = io.BytesIO()
    Image.new("RGBA", (8, 4), "white").save(buffer, "PNG")

    def render(figures):
        drawn.extend(figures)
        return [buffer.getvalue()] * len(figures)

    monkeypatch.setattr(report, "render_charts", render)
    return drawn
