"""Lasting local sign-ins (core/sessions.py): a random token, only its hash stored, an expiry,
and every way a session ends: signing out, a new password, removing the account, time."""

import datetime as dt

import pytest

from core.sessions import (
    cookie_text,
    end_session,
    served_over_tls,
    session_username,
    start_session,
    token_hash,
)
from core.settings import SETTINGS_BY_NAME
from core.users import add_user, remove_user, set_password
from tests.builders import build_small_register

PASSWORD = "riktig hest batteri stift"
NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def accounts(db):
    build_small_register(db)
    add_user(db, "kari", "Kari Nordmann", "administrator", password=PASSWORD)
    add_user(db, "ola", "Ola Nordmann", "leser", password=PASSWORD)
    return db


def test_only_the_token_s_hash_is_stored_and_it_signs_in_for_a_working_day(accounts):
    session = start_session(accounts, "kari", now=NOW)
    assert len(session.token) >= 43 and session.token_hash == token_hash(session.token)
    assert session.max_age == 8 * 3600
    rows = accounts.execute("SELECT token_hash, created_at, expires_at FROM sessions").fetchall()
    assert rows == [(session.token_hash, "2026-11-23T08:00:00+00:00", "2026-11-23T16:00:00+00:00")]
    assert session.token not in repr(rows)
    assert session_username(accounts, session.token_hash, now=NOW + dt.timedelta(hours=7, minutes=59)) == "kari"
    assert session_username(accounts, session.token_hash, now=NOW + dt.timedelta(hours=8)) is None


def test_every_sign_in_gets_its_own_random_token(accounts):
    first, second = start_session(accounts, "kari", now=NOW), start_session(accounts, "kari", now=NOW)
    assert first.token != second.token
    assert [session_username(accounts, s.token_hash, now=NOW) for s in (first, second)] == ["kari", "kari"]


def test_an_unknown_token_signs_nobody_in(accounts):
    start_session(accounts, "kari", now=NOW)
    assert session_username(accounts, token_hash("gjettet"), now=NOW) is None


def test_the_session_time_is_a_setting(accounts, monkeypatch):
    monkeypatch.setenv(SETTINGS_BY_NAME["session_hours"].env, "1")
    session = start_session(accounts, "kari", now=NOW)
    assert session.max_age == 3600
    assert accounts.execute("SELECT expires_at FROM sessions").fetchone() == ("2026-11-23T09:00:00+00:00",)


def test_expired_sessions_are_cleared_when_someone_signs_in(accounts):
    old = start_session(accounts, "ola", now=NOW)
    start_session(accounts, "kari", now=NOW + dt.timedelta(hours=9))
    hashes = [row[0] for row in accounts.execute("SELECT token_hash FROM sessions")]
    assert old.token_hash not in hashes and len(hashes) == 1


def test_signing_out_ends_that_session_only(accounts):
    here, there = start_session(accounts, "kari", now=NOW), start_session(accounts, "kari", now=NOW)
    end_session(accounts, here.token_hash)
    assert [session_username(accounts, s.token_hash, now=NOW) for s in (here, there)] == [None, "kari"]


def test_a_new_password_ends_every_session_of_that_account(accounts):
    kari = [start_session(accounts, "kari", now=NOW) for _ in range(2)]
    ola = start_session(accounts, "ola", now=NOW)
    set_password(accounts, "kari", "et helt nytt passord")
    assert [session_username(accounts, s.token_hash, now=NOW) for s in (*kari, ola)] == [None, None, "ola"]


def test_removing_the_account_ends_its_sessions(accounts):
    kari, ola = start_session(accounts, "kari", now=NOW), start_session(accounts, "ola", now=NOW)
    remove_user(accounts, "kari")
    assert accounts.execute("SELECT count(*) FROM sessions").fetchone() == (1,)
    assert [session_username(accounts, s.token_hash, now=NOW) for s in (kari, ola)] == [None, "ola"]


@pytest.mark.parametrize(
    "url, forwarded, secure",
    [
        ("https://monitor.viken.no/tiltak", None, True),
        ("HTTPS://monitor.viken.no/", None, True),
        ("http://127.0.0.1:8501/", None, False),
        ("http://127.0.0.1:8501/", "https", True),
        ("http://127.0.0.1:8501/", "https, http", True),
        ("http://127.0.0.1:8501/", "http", False),
        (None, None, False),
    ],
)
def test_the_cookie_is_secure_when_the_browser_came_over_tls(url, forwarded, secure):
    assert served_over_tls(url, forwarded) is secure


def test_the_cookie_is_strict_same_site_for_the_whole_app_and_lasts_the_session():
    assert cookie_text("abc", 28800, secure=True) == (
        "partnerskapsmonitor_session=abc; Path=/; Max-Age=28800; SameSite=Strict; Secure"
    )
    assert cookie_text("", 0, secure=False) == "partnerskapsmonitor_session=; Path=/; Max-Age=0; SameSite=Strict"
