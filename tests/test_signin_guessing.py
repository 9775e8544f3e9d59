"""Sign-in that resists guessing: parallel guesses all count, unknown names answer like known ones."""

import contextlib
import datetime as dt
import hashlib
import threading

import pytest

import core.users
from core.db import connect
from core.errors import MonitorError, SignInFailed, SignInLocked
from core.users import FORGET_SECONDS, add_user, authenticate, set_password
from tests.builders import build_small_register

PASSWORD = "riktig hest batteri stift"
WRONG = "feil passord"
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
GUESSERS = 16


@pytest.fixture
def register(db):
    build_small_register(db)
    add_user(db, "kari", "Kari Nordmann", "rapportør", password=PASSWORD)
    return db


def failures(db) -> list[tuple[str, int]]:
    return db.execute("SELECT name_hash, failures FROM sign_in_failures ORDER BY name_hash").fetchall()


def name_hash(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def answer(db, username: str, password: str, at: dt.datetime) -> str:
    try:
        return authenticate(db, username, password, now=at).username
    except MonitorError as refused:
        return f"{type(refused).__name__}: {refused.message('nb')}"


def test_every_parallel_wrong_guess_counts(register, db_path, monkeypatch):
    start = threading.Barrier(GUESSERS)
    refusals: list[str] = []
    # Truly simultaneous: every guess has passed the lock check before any counts its failure. Left
    # to the scheduler, a guesser delayed on a busy machine meets the lock its peers closed (CI did).
    checked = threading.Barrier(GUESSERS)
    verify = core.users._verify

    def verify_together(password_hash: str, password: str) -> bool:
        checked.wait()
        return verify(password_hash, password)

    monkeypatch.setattr(core.users, "_verify", verify_together)

    def guess() -> None:
        # Each guesser has its own connection, as each browser session has.
        with contextlib.closing(connect(db_path)) as own:
            start.wait()
            try:
                authenticate(own, "kari", WRONG, now=NOW)
            except SignInFailed as refused:
                refusals.append(refused.message("nb"))

    threads = [threading.Thread(target=guess) for _ in range(GUESSERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert refusals == ["Feil brukernavn eller passord."] * GUESSERS
    assert failures(register) == [(name_hash("kari"), GUESSERS)]
    # Closed for the longest time, even for the right password.
    with pytest.raises(SignInLocked, match=r"^For mange mislykkede forsøk\. Prøv igjen om 901 sekunder\.$"):
        authenticate(register, "kari", PASSWORD, now=NOW)


def test_an_unknown_name_is_answered_and_closed_exactly_like_a_known_one(register):
    later = NOW + dt.timedelta(seconds=6)
    attempts = [(WRONG, NOW)] * 4 + [(WRONG, later), (WRONG, later), (PASSWORD, later)]
    known = [answer(register, "kari", password, at) for password, at in attempts]
    unknown = [answer(register, "ingen", password, at) for password, at in attempts]

    failed = "SignInFailed: Feil brukernavn eller passord."
    assert (
        known
        == unknown
        == [
            failed,
            failed,
            failed,
            "SignInLocked: For mange mislykkede forsøk. Prøv igjen om 6 sekunder.",
            failed,
            "SignInLocked: For mange mislykkede forsøk. Prøv igjen om 11 sekunder.",
            "SignInLocked: For mange mislykkede forsøk. Prøv igjen om 11 sekunder.",
        ]
    )
    # The names typed are kept only hashed, and as the same name whatever their case.
    assert failures(register) == sorted([(name_hash("kari"), 4), (name_hash("ingen"), 4)])
    assert (
        answer(register, "KARI", WRONG, later)
        == "SignInLocked: For mange mislykkede forsøk. Prøv igjen om 11 sekunder."
    )


def test_a_name_is_hashed_against_the_dummy_when_there_is_no_password_to_check(register, monkeypatch):
    add_user(register, "ola", "Ola", "leser", email="ola@viken.no")
    verified: list[tuple[str, str]] = []
    real_verify = core.users._verify

    def spy(password_hash: str, password: str) -> bool:
        verified.append((password_hash, password))
        return real_verify(password_hash, password)

    monkeypatch.setattr(core.users, "_verify", spy)
    for name in ("ola", "ingen"):
        with pytest.raises(SignInFailed):
            authenticate(register, name, WRONG, now=NOW)
    [(stored,)] = register.execute("SELECT password_hash FROM users WHERE username = 'kari'")
    authenticate(register, "kari", PASSWORD, now=NOW)

    dummy = core.users._dummy_hash()
    assert verified == [(dummy, WRONG), (dummy, WRONG), (stored, PASSWORD)]


def test_success_and_a_new_password_open_the_name_again(register):
    for _ in range(3):
        answer(register, "kari", WRONG, NOW)
    set_password(register, "kari", "et nytt og langt passord")
    assert answer(register, "kari", "et nytt og langt passord", NOW) == "kari"
    answer(register, "kari", WRONG, NOW)
    assert answer(register, "kari", "et nytt og langt passord", NOW) == "kari"
    assert failures(register) == []


def test_names_quiet_for_a_day_after_the_longest_lock_are_forgotten(register):
    answer(register, "ingen", WRONG, NOW)
    answer(register, "kari", WRONG, NOW + dt.timedelta(seconds=FORGET_SECONDS))
    answer(register, "annen", WRONG, NOW + dt.timedelta(seconds=FORGET_SECONDS + 1))
    assert failures(register) == sorted([(name_hash("kari"), 1), (name_hash("annen"), 1)])


def test_the_first_sign_in_makes_the_dummy_hash_whatever_the_name(register):
    # So that making it, an Argon2id hash, does not single out the first unknown name a process sees.
    core.users._dummy_hash.cache_clear()
    assert authenticate(register, "kari", PASSWORD, now=NOW).username == "kari"
    assert core.users._dummy_hash.cache_info().currsize == 1
