"""Links, language and stored text in a real browser: the page declares its language, a link in the
old label form opens the same view and is rewritten, nothing is fetched from another host, and
stored Markdown fetches nothing."""

from __future__ import annotations

import contextlib
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import running_dashboard
from tests.builders import nav, open_page, select_option, selectbox, sign_in, wait_for_app_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PUBLIC_PAGES = (
    ("", "Oversikt"),
    ("regioner?region=folloregionen-ipr", "Regioner"),
    ("radsomrader?council=samferdsel", "Rådsområder"),
    ("baerekraftsmal?sdg=11", "Bærekraftsmål"),
    ("tiltak?commitment=1", "Tiltak"),
    ("eksport", "Eksport"),
    ("logg-inn", "Logg inn"),
)


def html_lang(page: Page) -> str:
    return page.evaluate("document.documentElement.lang")


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_the_page_declares_its_language(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/regioner?lang=en", "Regions")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_test_id("stSidebar").get_by_text("Norsk", exact=True).click()
    wait_for_app_idle(page, "Regioner")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    nav(page, "Oversikt")
    assert html_lang(page) == "nb"
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    wait_for_app_idle(page, "Overview")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_an_old_link_opens_the_view_and_options_follow_the_language(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/regioner?region=Folloregionen IPR&status=Forsinket&lang=English", "Regions")
    expect(selectbox(page, "Region")).to_have_value("Folloregionen IPR")
    expect(selectbox(page, "Status")).to_have_value("Delayed")
    assert query(page) == {"region": ["folloregionen-ipr"], "status": ["delayed"], "lang": ["en"]}
    page.get_by_test_id("stSidebar").get_by_text("Norsk", exact=True).click()
    wait_for_app_idle(page, "Regioner")
    expect(selectbox(page, "Status")).to_have_value("Forsinket")
    assert query(page) == {"region": ["folloregionen-ipr"], "status": ["delayed"]}
    select_option(page, "Status", "I rute")
    assert query(page)["status"] == ["on_track"]


def test_an_unknown_value_is_named(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/?region=Atlantis", "Oversikt")
    expect(page.get_by_text("Fant ikke regionen «Atlantis»; viser hele fylket.")).to_be_visible()
    expect(selectbox(page, "Region")).to_have_value("")


class _Listener(BaseHTTPRequestHandler):
    heard: ClassVar[list[str]]

    def do_GET(self) -> None:
        type(self).heard.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def listener() -> Iterator[tuple[int, list[str]]]:
    """A local HTTP server that notes every request it gets."""
    handler = type("Heard", (_Listener,), {"heard": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], handler.heard
    finally:
        server.shutdown()
        server.server_close()


def test_no_request_leaves_the_server_and_stored_markdown_fetches_nothing(
    page: Page, demo_database: Path, tmp_path: Path, pytestconfig: pytest.Config
) -> None:
    """Every page, with ``![x](http://127.0.0.1:PORT/x)`` stored as a region name, commitment text,
    comment and file name: the listener on PORT hears nothing, and no request goes to another host."""
    from core.db import connect

    database = tmp_path / "hostile.db"
    shutil.copyfile(demo_database, database)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    with listener() as (port, heard):
        image = f"![x](http://127.0.0.1:{port}/x)"
        with contextlib.closing(connect(database)) as db, db.conn:
            [[region_id]] = db.execute("SELECT id FROM regions WHERE name = 'Folloregionen IPR'").fetchall()
            db.execute("UPDATE regions SET name = ? WHERE id = ?", (f"Follo {image}", region_id))
            db.execute("UPDATE status_reports SET comment = ?", (f"Kommentar {image}",))
            # Commitment 1 is carried on as 1.1 in a later agreement, whose text its page shows.
            db.execute("UPDATE commitments SET text = ? WHERE code = '1.1'", (f"Tiltak {image}",))
            db.execute("UPDATE uploads SET file_name = ?", (f"{image}.xlsx",))
        with running_dashboard(database, tmp_path, pytestconfig) as url:
            slug = f"follo-x-http-127-0-0-1-{port}-x"
            open_page(page, f"{url}/regioner?region={slug}", "Regioner")
            expect(page.get_by_role("heading", name=f"Follo {image}", exact=True)).to_be_visible()
            open_page(page, f"{url}/tiltak?commitment=1", "Tiltak")
            expect(page.get_by_role("heading", name=f"1.1 Tiltak {image}", exact=True)).to_be_visible()
            # The other pages, with the region chosen where its name shows in the selection line.
            for path, title in PUBLIC_PAGES:
                if not path.startswith(("regioner", "tiltak")):
                    open_page(page, f"{url}/{path}{'&' if '?' in path else '?'}region={slug}", title)
            sign_in(page, url)
            for title in ("Last opp", "Opplastinger", "Avtaler"):
                nav(page, title)
            origin = urlsplit(url).netloc
        assert heard == []
    elsewhere = sorted(
        {address for address in requested if urlsplit(address).scheme not in ("data", "blob")}
        - {address for address in requested if urlsplit(address).netloc == origin}
    )
    assert elsewhere == []
    assert any(urlsplit(address).netloc == origin for address in requested)


def test_the_back_button_returns_to_the_view_before(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/regioner", "Regioner")
    select_option(page, "Region", "Folloregionen IPR")
    select_option(page, "Status", "Forsinket")
    assert query(page) == {"region": ["folloregionen-ipr"], "status": ["delayed"]}
    page.go_back()
    wait_for_app_idle(page, "Regioner")
    assert query(page) == {"region": ["folloregionen-ipr"]}
    expect(selectbox(page, "Status")).to_have_value("")
    expect(selectbox(page, "Region")).to_have_value("Folloregionen IPR")
