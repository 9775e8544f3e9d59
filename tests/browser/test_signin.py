"""Signing in as a person does it, in a real browser: from a link with filters or the English
switch, from a deep link to a page that needs it; the sign-in lasting through a reload and a new
tab; signing out ending it everywhere, the old cookie included.

The deep link runs on a server and database of its own with reading closed, as a county that
does not publish its figures has it.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Page, expect

from core.access import set_reading_open
from core.db import connect
from tests.browser.conftest import running_dashboard
from tests.builders import ADMIN, ADMIN_LOGIN, REPORTER_LOGIN, open_page, selectbox, wait_for_app_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

COOKIE = "partnerskapsmonitor_session"
EXCEPTION = "stException"
REGION = "Folloregionen IPR"
SIGNED_IN_AS = "Innlogget som"


@pytest.fixture(scope="module")
def closed_url(
    demo_database: Path, tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("closed")
    database = folder / "closed.db"
    shutil.copyfile(demo_database, database)
    with contextlib.closing(connect(database)) as db:
        set_reading_open(db, False, user=ADMIN)
    with running_dashboard(database, folder, pytestconfig) as url:
        yield url


def fill_sign_in(page: Page, login: tuple[str, str], *, english: bool = False) -> None:
    """Sign in with the form wherever it stands, and wait for the page that runs next."""
    labels = ("Username", "Password", "Sign in") if english else ("Brukernavn", "Passord", "Logg inn")
    username, password, button = labels
    page.get_by_label(username, exact=True).fill(login[0])
    page.get_by_label(password, exact=True).fill(login[1])
    page.get_by_test_id("stMain").get_by_role("button", name=button).click()
    wait_for_app_idle(page)


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def sidebar_says(page: Page, text: str) -> None:
    expect(page.get_by_test_id("stSidebar").get_by_text(text)).to_be_visible()


def session_cookie(page: Page) -> dict:
    # The cookie is written by a script the page runs after the sign-in's rerun; on a busy
    # machine that can come after the app is idle.
    page.wait_for_function("name => document.cookie.split('; ').some(c => c.startsWith(name + '='))", arg=COOKIE)
    [cookie] = [cookie for cookie in page.context.cookies() if cookie["name"] == COOKIE]
    return dict(cookie)


def test_signing_in_from_a_filtered_link_lands_there_signed_in(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/logg-inn?{urlencode({'region': REGION})}", "Logg inn")
    fill_sign_in(page, ADMIN_LOGIN)
    expect(page.get_by_role("heading", level=1, name="Oversikt", exact=True)).to_be_visible()
    expect(page.get_by_test_id(EXCEPTION)).to_have_count(0)
    sidebar_says(page, SIGNED_IN_AS)
    assert query(page).get("region") == ["folloregionen-ipr"]
    expect(selectbox(page, "Region")).to_have_value(REGION)


def test_signing_in_from_an_english_link_to_a_reporter_page_opens_it_in_english(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/last-opp?lang=English", "Upload")
    expect(page.get_by_text("Sign in to see this page.")).to_be_visible()
    fill_sign_in(page, REPORTER_LOGIN, english=True)
    expect(page.get_by_role("heading", level=1, name="Upload", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="1. Download the template")).to_be_visible()
    expect(page.get_by_test_id(EXCEPTION)).to_have_count(0)
    sidebar_says(page, "Signed in as")
    assert query(page).get("lang") == ["en"]


def test_a_sign_in_lasts_through_a_reload_and_a_new_tab_and_sign_out_ends_it(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/opplastinger", "Opplastinger")
    fill_sign_in(page, ADMIN_LOGIN)
    expect(page.get_by_role("heading", level=1, name="Opplastinger", exact=True)).to_be_visible()
    cookie = session_cookie(page)
    assert (cookie["sameSite"], cookie["secure"], cookie["path"], cookie["httpOnly"]) == ("Strict", False, "/", False)
    assert cookie["value"] not in page.url

    page.reload()
    wait_for_app_idle(page, "Opplastinger")
    sidebar_says(page, SIGNED_IN_AS)
    tab = page.context.new_page()
    open_page(tab, f"{app_url}/last-opp", "Last opp")
    sidebar_says(tab, SIGNED_IN_AS)
    expect(tab.get_by_role("heading", level=2, name="1. Last ned malen")).to_be_visible()

    tab.get_by_test_id("stSidebar").get_by_role("button", name="Logg ut").click()
    wait_for_app_idle(tab, "Last opp")
    expect(tab.get_by_text("Logg inn for å se denne siden.")).to_be_visible()
    assert [c for c in tab.context.cookies() if c["name"] == COOKIE and c["value"]] == []
    tab.close()
    page.reload()
    wait_for_app_idle(page, "Opplastinger")
    expect(page.get_by_text("Logg inn for å se denne siden.")).to_be_visible()
    # The old cookie, put back as a copy of it would be, signs nobody in.
    page.context.add_cookies([{key: cookie[key] for key in ("name", "value", "domain", "path", "sameSite")}])
    page.reload()
    wait_for_app_idle(page, "Opplastinger")
    expect(page.get_by_text("Logg inn for å se denne siden.")).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_text(SIGNED_IN_AS)).to_have_count(0)


def test_a_deep_link_is_kept_through_sign_in(page: Page, closed_url: str) -> None:
    open_page(page, f"{closed_url}/tiltak?commitment=1", "Tiltak")
    expect(page.get_by_text("Logg inn for å se denne siden.")).to_be_visible()
    fill_sign_in(page, REPORTER_LOGIN)
    expect(page.get_by_role("heading", level=1, name="Tiltak", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="1.1 Etablere forpliktende samarbeidsprosjekter")).to_be_visible()
    expect(page.get_by_test_id(EXCEPTION)).to_have_count(0)
    assert query(page).get("commitment") == ["1"]
    assert urlsplit(page.url).path == "/tiltak"
