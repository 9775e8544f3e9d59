"""Local accounts: roles and scopes, Argon2 hashes, sign-in slowed after failures, the CLI."""

import datetime as dt
import logging

import pytest
from argon2 import PasswordHasher

import core.users
from core.errors import InvalidEmail, InvalidRole, SignInFailed, SignInLocked, UnknownUser, UserExists, WeakPassword
from core.settings import setting
from core.users import (
    User,
    add_user,
    authenticate,
    get_user,
    list_users,
    lock_seconds,
    remove_user,
    set_password,
    user_by_email,
)
from tests.builders import build_small_register

PASSWORD = "riktig hest batteri stift"
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def register(db):
    build_small_register(db)
    return db


def test_a_reporter_holds_regions_and_council_areas(register):
    user = add_user(
        register,
        "kari",
        "Kari Nordmann",
        "rapportør",
        password=PASSWORD,
        email="kari@viken.no",
        regions=("Follo",),
        council_areas=("Samferdsel",),
    )
    assert user == User(
        user.id,
        "kari",
        "Kari Nordmann",
        "kari@viken.no",
        "rapportor",
        ("Follorådet",),
        ("Samferdsel",),
        units=(("Viken fylkeskommune", "Samferdsel"),),
    )
    assert user_by_email(register, "KARI@viken.no") == user
    assert get_user(register, "Kari") == user
    assert not user.is_admin


@pytest.mark.real_hasher
def test_the_password_is_stored_only_as_a_salted_argon2_hash(register, caplog):
    with caplog.at_level(logging.DEBUG):
        add_user(register, "a", "A", "leser", password=PASSWORD)
        add_user(register, "b", "B", "leser", password=PASSWORD)
        authenticate(register, "a", PASSWORD, now=NOW)
    hashes = [row[0] for row in register.execute("SELECT password_hash FROM users ORDER BY username")]
    assert all(value.startswith("$argon2id$") for value in hashes)
    assert hashes[0] != hashes[1]  # salted
    dump = "\n".join(register.iterdump())
    assert PASSWORD not in dump and PASSWORD not in caplog.text


@pytest.mark.real_hasher
def test_the_hash_has_the_cost_of_the_settings(register):
    add_user(register, "a", "A", "leser", password=PASSWORD)
    [stored] = register.execute("SELECT password_hash FROM users").fetchone()
    costs = (setting("argon2_memory_cost"), setting("argon2_time_cost"), setting("argon2_parallelism"))
    assert costs == (65_536, 3, 4)
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


@pytest.mark.real_hasher
def test_a_hash_of_another_cost_is_redone_at_sign_in(register, monkeypatch):
    with monkeypatch.context() as cheap:
        cheap.setattr(core.users, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        add_user(register, "a", "A", "leser", password=PASSWORD)
    authenticate(register, "a", PASSWORD, now=NOW)
    [stored] = register.execute("SELECT password_hash FROM users").fetchone()
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_wrong_passwords_close_the_account_for_longer_and_longer(register):
    add_user(register, "kari", "Kari", "rapportør", password=PASSWORD)
    assert [lock_seconds(n) for n in (1, 2, 3, 4, 5, 20)] == [0, 0, 5, 10, 20, 900]
    for _ in range(3):
        with pytest.raises(SignInFailed, match=r"^Feil brukernavn eller passord\.$"):
            authenticate(register, "kari", "feil passord", now=NOW)
    # Closed now, even for the right password …
    with pytest.raises(SignInLocked, match="Prøv igjen om 6 sekunder"):
        authenticate(register, "kari", PASSWORD, now=NOW)
    # … and open again when the time has passed; success resets the count.
    assert authenticate(register, "kari", PASSWORD, now=NOW + dt.timedelta(seconds=6)).username == "kari"
    assert register.execute("SELECT count(*) FROM sign_in_failures").fetchone() == (0,)


def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(register):
    with pytest.raises(SignInFailed, match=r"^Feil brukernavn eller passord\.$"):
        authenticate(register, "ingen", PASSWORD, now=NOW)


def test_an_oidc_only_account_cannot_sign_in_with_a_password(register):
    add_user(register, "ola", "Ola", "leser", email="ola@viken.no")
    with pytest.raises(SignInFailed):
        authenticate(register, "ola", "", now=NOW)


def test_refusals(register):
    add_user(register, "kari", "Kari", "leser", password=PASSWORD, email="kari@viken.no")
    with pytest.raises(UserExists):
        add_user(register, "KARI", "Kari 2", "leser", password=PASSWORD)
    with pytest.raises(UserExists):
        add_user(register, "kari2", "Kari 2", "leser", password=PASSWORD, email="kari@viken.no")
    with pytest.raises(WeakPassword, match="minst 12 tegn"):
        add_user(register, "per", "Per", "leser", password="kort")
    with pytest.raises(InvalidRole, match="Velg en av: leser, rapportør, administrator"):
        add_user(register, "per", "Per", "sjef", password=PASSWORD)
    with pytest.raises(UnknownUser):
        remove_user(register, "per")
    with pytest.raises(UnknownUser):
        set_password(register, "per", PASSWORD)
    assert [user.username for user in list_users(register)] == ["kari"]


def test_the_cli_manages_accounts_without_echoing_the_password(register, db_path, run_cli):
    def run(*args, stdin=""):
        return run_cli(*args, "--db", str(db_path), stdin=stdin)

    added = run(
        "user",
        "add",
        "kari",
        "--name",
        "Kari Nordmann",
        "--role",
        "rapportør",
        "--region",
        "Follo",
        "--email",
        "kari@viken.no",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert (added.returncode, added.stdout) == (0, "Bruker «kari» opprettet som rapportør.\n")
    listed = run("user", "list")
    assert listed.stdout == "kari\tKari Nordmann\tkari@viken.no\trapportør\tFollorådet\n"
    changed = run("user", "passwd", "kari", "--password-stdin", stdin="et nytt og langt passord\n")
    assert changed.returncode == 0
    weak = run("user", "passwd", "kari", "--password-stdin", stdin="kort\n")
    assert (weak.returncode, weak.stderr) == (1, "Passordet må ha minst 12 tegn.\n")
    removed = run("user", "remove", "kari")
    assert removed.returncode == 0 and run("user", "list").stdout == ""
    for result in (added, listed, changed, weak, removed):
        assert PASSWORD not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("Kari.Nordmann@Viken.NO", "Kari.Nordmann@viken.no"),
        ("mailto:kari@viken.no", "kari@viken.no"),
        ("Kari Nordmann <kari@viken.no>", "kari@viken.no"),
        ("\u00a0 kari@viken.no \u00a0", "kari@viken.no"),
    ],
)
def test_an_account_s_address_is_checked_and_stored_normalised(register, written, stored):
    user = add_user(register, "kari", "Kari Nordmann", "leser", email=written)
    assert (user.email, get_user(register, "kari").email) == (stored, stored)
    assert user_by_email(register, stored) == user


def test_the_same_address_written_otherwise_is_the_same_account(register):
    add_user(register, "kari", "Kari Nordmann", "leser", email="kari@viken.no")
    with pytest.raises(UserExists):
        add_user(register, "kari2", "Kari Nordmann", "leser", email="mailto:kari@VIKEN.no")


def test_a_bad_address_is_refused_naming_it_and_nothing_is_stored(register, db_path, run_cli):
    cases = {
        "kari.viken.no": "«kari.viken.no» er ikke en gyldig e-postadresse: den mangler @.",
        "kari@viken": "«kari@viken» er ikke en gyldig e-postadresse: delen etter @ mangler punktum "
        "(som i navn@kommune.no).",
        "kari nordmann@viken.no": "«kari nordmann@viken.no» er ikke en gyldig e-postadresse: den har mellomrom i seg.",
        "kari@viken.no; ola@viken.no": "«kari@viken.no; ola@viken.no» er flere e-postadresser. Skriv én adresse.",
    }
    for written, message in cases.items():
        with pytest.raises(InvalidEmail) as refused:
            add_user(register, "kari", "Kari Nordmann", "leser", email=written)
        assert str(refused.value) == message
    assert list_users(register) == []
    result = run_cli(
        "user", "add", "kari", "--name", "Kari", "--role", "leser", "--email", "kari@viken", "--no-password",
        "--db", str(db_path),
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (1, cases["kari@viken"] + "\n")
    assert (
        refused.value.message("en") == "“kari@viken.no; ola@viken.no” is several e-mail addresses. Write one address."
    )
