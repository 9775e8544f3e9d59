"""What the dashboard's server holds per database revision: built once, shared, warmed, released."""

import threading
import tomllib
import weakref
from multiprocessing import forkserver
from pathlib import Path

import pytest

from core.db import revision
from core.filters import Filters, apply_filters
from core.i18n import t
from loaders import isolation
from tests.builders import FOLLO, GOOD_FILE, IOR, add_reports, app, save_button, upload, upload_page
from views import _data as data

pytestmark = pytest.mark.usefixtures("fresh_caches")

ROOT = Path(__file__).resolve().parent.parent
NEWER_Q3 = t("headline.newer_provisional", quarter="3. kv. 2024")


def write_q3(db, code: str = "1.1") -> int:
    """A new report, as an upload writes one: the revision the database has after it."""
    add_reports(db, [(FOLLO, code, "2024-Q3", "on_track", 60)])
    return revision()


def filtered_recipe(filters: Filters, calls: list):
    def recipe(at: data.Revision):
        calls.append((at.number, filters))
        return apply_filters(at.dataset, filters)

    return recipe


@pytest.fixture
def held_builds(monkeypatch):
    """Background builds wait until the event is set; the threads started are listed."""
    release = threading.Event()
    started: list[threading.Thread] = []
    build, soon = data.build, data.revision_soon

    def held_build(path: str) -> data.Revision:
        if threading.current_thread().name == "revision-build":
            assert release.wait(30)
        return build(path)

    def recorded_soon(path: str) -> threading.Thread | None:
        thread = soon(path)
        if thread is not None:
            started.append(thread)
        return thread

    monkeypatch.setattr(data, "build", held_build)
    monkeypatch.setattr(data, "revision_soon", recorded_soon)
    yield release, started
    release.set()
    for thread in started:
        thread.join(30)


def test_a_replaced_revision_is_released_with_everything_computed_from_it(register, db_path):
    path = str(db_path)
    first = data.revision_now(path, revision())
    selection = first.cached("filtered", Filters(region=FOLLO), filtered_recipe(Filters(region=FOLLO), []))
    held = [weakref.ref(first), weakref.ref(first.dataset), weakref.ref(selection)]
    del first, selection

    newest = write_q3(register)
    second = data.revision_now(path, newest)

    assert [ref() for ref in held] == [None, None, None]
    assert (data.built(path), second.number, second.dataset.quarters) == (
        second,
        newest,
        ("2024-Q1", "2024-Q2", "2024-Q3"),
    )


def test_a_value_is_computed_once_per_revision_and_the_next_revision_is_warmed_with_those_in_use(register, db_path):
    path = str(db_path)
    first = data.revision_now(path, revision())
    calls: list = []
    follo, ior = Filters(region=FOLLO), Filters(region=IOR)
    for filters in (follo, ior, follo):
        first.cached("filtered", filters, filtered_recipe(filters, calls))
    assert calls == [(first.number, follo), (first.number, ior)]

    newest = write_q3(register)
    builder = data.revision_soon(path)
    assert builder is not None
    builder.join(30)
    second = data.built(path)

    assert second is not None
    # The least recently used first, as in the revision it came from (Follo was asked for last).
    assert (second.number, second.held("filtered")) == (newest, (ior, follo))
    assert calls == [(first.number, follo), (first.number, ior), (newest, ior), (newest, follo)]


def test_one_background_build_at_a_time_per_database(register, db_path, held_builds):
    release, started = held_builds
    path = str(db_path)
    data.revision_now(path, revision())
    newest = write_q3(register)

    first, second = data.revision_soon(path), data.revision_soon(path)
    release.set()
    assert first is not None
    first.join(30)

    assert (second, started, data.built(path).number) == (None, [first], newest)


def test_other_sessions_are_served_the_previous_revision_with_a_note_until_the_new_one_is_ready(
    register, db_path, held_builds
):
    release, started = held_builds
    at = app()
    before = revision()
    page_notes = [info.value for info in at.info]
    assert at.session_state[data.SERVED_KEY] == (str(db_path), before)

    newest = write_q3(register)
    at.run()
    assert not at.exception
    assert at.session_state[data.SERVED_KEY] == (str(db_path), before)
    assert [info.value for info in at.info] == [t("data.catching_up"), *page_notes]

    release.set()
    [builder] = started
    builder.join(30)
    at.run()
    # The new data: the report for 2024-Q3 makes it a provisional quarter, which the overview names.
    assert at.session_state[data.SERVED_KEY] == (str(db_path), newest)
    assert [info.value for info in at.info] == [NEWER_Q3, *page_notes]


def test_the_session_that_wrote_waits_for_its_write(register, db_path, held_builds):
    _, started = held_builds
    at = app()
    page_notes = [info.value for info in at.info]
    newest = write_q3(register)
    # As the upload page's save and the upload log's rollback mark it (data.wrote()).
    at.session_state[data.WROTE_KEY] = True
    at.run()
    assert not at.exception
    assert (at.session_state[data.SERVED_KEY], started) == ((str(db_path), newest), [])
    assert [info.value for info in at.info] == [NEWER_Q3, *page_notes]


def test_saving_an_upload_on_the_page_shows_it_in_the_next_run_without_a_background_build(
    register, db_path, held_builds
):
    _, started = held_builds
    at = upload(upload_page(), "status-follo.xlsx", GOOD_FILE)
    before = revision()
    save_button(at).click().run()
    assert not at.exception
    newest = revision()
    assert newest > before
    assert (at.session_state[data.SERVED_KEY], started) == ((str(db_path), newest), [])


def test_a_page_opened_after_a_write_shows_it(register, db_path, held_builds):
    _, started = held_builds
    page_notes = [info.value for info in app().info]
    newest = write_q3(register)
    at = app()
    assert (at.session_state[data.SERVED_KEY], started) == ((str(db_path), newest), [])
    assert [info.value for info in at.info] == [NEWER_Q3, *page_notes]


def test_a_file_replaced_by_one_with_an_older_revision_is_read_again(register, db_path):
    path = str(db_path)
    current = data.revision_now(path, revision())
    # As after `loaders demo --force`: the revision the process holds is ahead of the file's.
    register.execute("UPDATE meta SET value = 0 WHERE key = 'revision'")
    register.conn.commit()
    at = app()
    assert at.session_state[data.SERVED_KEY] == (path, 0)
    assert data.built(path) is not current


def test_the_fork_server_is_started_once_in_the_background(monkeypatch):
    monkeypatch.setattr(isolation, "_warm_up_threads", [])
    starter = isolation.warm_up()
    assert starter is not None
    starter.join(30)
    assert (starter.name, isolation.warm_up(), forkserver._forkserver._forkserver_pid is not None) == (
        "fork-server-start",
        None,
        True,
    )


def test_the_dashboard_in_apptest_starts_no_fork_server(register, monkeypatch):
    monkeypatch.setattr(isolation, "_warm_up_threads", [])
    app()
    assert isolation._warm_up_threads == []


def test_streamlit_runs_no_full_collection_after_every_run():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"] == {"postScriptGC": False}
