"""What the page tests share: the entry point, a small register with reports, caches cleared, downloads."""

import json
from pathlib import Path
from typing import NamedTuple

import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from core.access import set_reading_open
from core.register import Agreement, Commitment, FocusArea
from core.users import add_user
from tests.builders import ADMIN, add_reports, build_register
from views._signin import SESSION_KEY

ENTRY = str(Path(__file__).resolve().parent.parent / "dashboard.py")
FOLLO = "Follorådet"
IOR = "Indre Østfold regionråd"
SDG_9 = "SDG 9 – Industri, innovasjon og infrastruktur"


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def register(db):
    build_register(
        db,
        regions={
            FOLLO: {
                "short_name": "Follo",
                "municipalities": {"3020": "Nordre Follo", "3021": "Ås"},
                "agreements": [
                    Agreement(
                        "2023-2024",
                        focus_areas=[
                            FocusArea("1", "Mobilitet", "#lavereklimautslipp", [11]),
                            FocusArea("2", "Kompetanse", "#kompetanseløft", [4]),
                        ],
                        commitments=[
                            Commitment("1.1", "Trafikksikkerhet ved skoler", "1", "Samferdsel"),
                            Commitment("1.2", "Innfartsparkering", "1", "Samferdsel"),
                            Commitment("2.1", "Flere lærlingplasser", "2", "Utdanning og kompetanse"),
                        ],
                    )
                ],
            },
            IOR: {
                "short_name": "IØR",
                "municipalities": {"3014": "Indre Østfold"},
                "agreements": [
                    Agreement(
                        "2023-2024",
                        focus_areas=[FocusArea("1", "Næring", "#arbeidsplassvekst", [9])],
                        commitments=[
                            Commitment("1.1", "Etablerertjeneste", "1", "Næring og tannhelse"),
                            Commitment("1.2", "Ladeinfrastruktur", "1", "Samferdsel"),
                        ],
                    )
                ],
            },
        },
    )
    add_reports(
        db,
        [
            (FOLLO, "1.1", "2024-Q1", "on_track", 40),
            (FOLLO, "1.2", "2024-Q1", "on_track", 20),
            (FOLLO, "2.1", "2024-Q1", "not_started", 0),
            (IOR, "1.1", "2024-Q1", "on_track", 30),
            (IOR, "1.2", "2024-Q1", "delayed", 10),
            (FOLLO, "1.1", "2024-Q2", "delayed", 35, "Venter på vegvesenet", "Nytt møte"),
            (FOLLO, "1.2", "2024-Q2", "completed", 100, "Åpnet i mai"),
            (FOLLO, "2.1", "2024-Q2", "on_track", 10),
            (IOR, "1.1", "2024-Q2", "on_track", 50),
        ],
        user="kari@viken.no",
    )
    add_accounts(db)
    set_reading_open(db, True, user=ADMIN)
    return db


def add_accounts(db) -> None:
    """An administrator, a reporter for Follo and a viewer, all without passwords."""
    add_user(db, "kari", "Kari Nordmann", "administrator", email="kari@viken.no")
    add_user(db, "ola", "Ola Nordmann", "rapportør", email="ola@follo.no", regions=(FOLLO,))
    add_user(db, "lise", "Lise Leser", "leser", email="lise@viken.no")


def app(query: dict | None = None, page: str | None = None, *, user: str | None = None) -> AppTest:
    """The dashboard after its first run, on ``page``, signed in as ``user`` (a local account) when given."""
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if user is not None:
        at.session_state[SESSION_KEY] = user
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> list[tuple[str, str, str]]:
    return [(metric.label, metric.value, metric.delta) for metric in at.metric]


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


class Download(NamedTuple):
    data: bytes
    file_name: str
    mime: str


@pytest.fixture
def downloads(monkeypatch):
    """Records what each st.download_button with deferred data would serve.

    AppTest's runtime is gone after a run, so the callable a button registered
    is kept here and called the way the server would on a click.
    """
    served: dict[str, tuple] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **options):
        file_id = original(self, data_callable, mimetype, coordinates, file_name=file_name, **options)
        served[file_id] = (data_callable, file_name, mimetype)
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return served


def download(at: AppTest, served: dict, key: str) -> Download:
    """The bytes, file name and type the download button ``key`` serves when pressed."""
    button = at.download_button(key=key)
    data_callable, file_name, mime = served[button.proto.deferred_file_id]
    data = data_callable()
    return Download(data.encode() if isinstance(data, str) else data, file_name, mime)
