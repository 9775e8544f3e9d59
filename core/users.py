"""Local accounts: roles, the counties, regions and council areas a reporter holds, passwords, sign-in.

Passwords are hashed with Argon2id (argon2-cffi, salted per hash) and never
stored, logged or returned in clear. After a few failed sign-ins a name is
closed for a while that doubles with every further failure, so guessing is slow
while a person who mistyped waits seconds, not hours. Failures are counted per
name typed, known or not, so the answers never tell an existing name from another.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlite_utils import Database

from core.addresses import normalise_email
from core.db import inserted_id, write_transaction
from core.errors import (
    AmbiguousCouncilArea,
    InvalidRole,
    SignInFailed,
    SignInLocked,
    UnknownCouncilArea,
    UnknownUser,
    UserExists,
    WeakPassword,
)
from core.i18n import t
from core.organisation import COUNTY_SUFFIX, find_county
from core.register import find_region
from core.sessions import end_account_sessions
from core.settings import setting
from core.vocabulary import clean_text, fold

ROLES = ("leser", "rapportor", "administrator")
MIN_PASSWORD_LENGTH = setting("min_password_length", int)
FREE_ATTEMPTS = setting("free_attempts", int)  # failures before the account closes for a while
FIRST_LOCK_SECONDS = setting("first_lock", int)
MAX_LOCK_SECONDS = setting("max_lock", int)
# A name without a failure for a day after its longest lock could have ended starts
# counting again from zero.
FORGET_SECONDS = 24 * 3600 + MAX_LOCK_SECONDS
_HASHER = PasswordHasher(
    time_cost=setting("argon2_time_cost", int),
    memory_cost=setting("argon2_memory_cost", int),
    parallelism=setting("argon2_parallelism", int),
)


def role_label(role: str, lang: str = "nb") -> str:
    """A role as people read it: "rapportør" (or "reporter" in English)."""
    return t(f"role.{role}", lang)


@dataclass(frozen=True)
class User:
    id: int
    username: str
    name: str
    email: str | None
    role: str
    regions: tuple[str, ...] = ()
    council_areas: tuple[str, ...] = ()
    counties: tuple[str, ...] = ()  # full names: "Akershus fylkeskommune"
    # (county, unit) of each council area held: a unit's name is unique within its county only.
    units: tuple[tuple[str, str], ...] = ()

    @property
    def is_admin(self) -> bool:
        return self.role == "administrator"

    @property
    def signature(self) -> str:
        """How the uploads log names the user: "Kari Nordmann (kari)"."""
        return f"{self.name} ({self.username})"


def parse_role(value: str) -> str:
    role = fold(value).replace("ø", "o")
    if role not in ROLES:
        raise InvalidRole("core.invalid_role", value=value)
    return role


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword("core.weak_password", length=MIN_PASSWORD_LENGTH)
    return _HASHER.hash(password)


def add_user(
    db: Database,
    username: str,
    name: str,
    role: str,
    *,
    password: str | None = None,
    email: str | None = None,
    regions: tuple[str, ...] = (),
    council_areas: tuple[str, ...] = (),
    counties: tuple[str, ...] = (),
) -> User:
    """Create an account; a user without a password can only sign in through OIDC (by e-mail).

    ``counties`` are names, short names or numbers ("Akershus", "32"); a council area is its
    name, or "Akershus: Samferdsel" where two counties have a unit of that name.

    The name is cleaned like every stored text (a BOM or NUL pasted into a shell does not get in);
    the e-mail address is checked and normalised (core.addresses), an invalid one raises InvalidEmail.
    """
    role = parse_role(role)
    name = clean_text(name)
    email = normalise_email(email) if email else None
    password_hash = hash_password(password) if password is not None else None
    with write_transaction(db):
        clash = db.execute(
            "SELECT username FROM users WHERE username = ? OR (email IS NOT NULL AND email = ?)",
            (username, email),
        ).fetchone()
        if clash:
            raise UserExists("core.user_exists", username=clash[0])
        user_id = inserted_id(
            db.execute(
                "INSERT INTO users (username, name, email, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (username, name, email, role, password_hash, _now().isoformat(timespec="seconds")),
            )
        )
        _set_scopes(db, user_id, regions, council_areas, counties)
    return get_user(db, username)


def _set_scopes(
    db: Database,
    user_id: int,
    regions: tuple[str, ...],
    council_areas: tuple[str, ...],
    counties: tuple[str, ...],
) -> None:
    for region in regions:
        db.execute("INSERT INTO user_scopes (user_id, region_id) VALUES (?, ?)", (user_id, find_region(db, region).id))
    for area in council_areas:
        db.execute("INSERT INTO user_scopes (user_id, council_area_id) VALUES (?, ?)", (user_id, unit_id(db, area)))
    for county in counties:
        db.execute("INSERT INTO user_scopes (user_id, county_id) VALUES (?, ?)", (user_id, find_county(db, county).id))


def unit_id(db: Database, name: str) -> int:
    """The council area called ``name``, or "County: name" (county by name, short name or number).

    A bare name that several counties use is refused naming how to write each.
    """
    county_part, separator, unit = name.rpartition(":")
    wanted = fold(unit if separator else name)
    rows = db.execute("SELECT a.id, a.name, c.id, c.name FROM council_areas a JOIN counties c ON c.id = a.county_id")
    matches = [(area_id, area, county_id, county) for area_id, area, county_id, county in rows if fold(area) == wanted]
    if separator:
        county_id = find_county(db, county_part).id
        matches = [match for match in matches if match[2] == county_id]
    if not matches:
        raise UnknownCouncilArea("core.unknown_council_area", area=clean_text(name))
    if len(matches) > 1:
        written = sorted((f"{county.removesuffix(COUNTY_SUFFIX)}: {area}" for _, area, _, county in matches), key=fold)
        raise AmbiguousCouncilArea("core.ambiguous_council_area", area=clean_text(name), written=", ".join(written))
    return matches[0][0]


def get_user(db: Database, username: str) -> User:
    row = db.execute("SELECT id, username, name, email, role FROM users WHERE username = ?", (username,)).fetchone()
    if row is None:
        raise UnknownUser("core.unknown_user", username=username)
    return _with_scopes(db, row)


def user_by_email(db: Database, email: str) -> User | None:
    row = db.execute("SELECT id, username, name, email, role FROM users WHERE email = ?", (email,)).fetchone()
    return _with_scopes(db, row) if row else None


def _with_scopes(db: Database, row: tuple) -> User:
    regions = tuple(
        name
        for (name,) in db.execute(
            "SELECT r.name FROM user_scopes s JOIN regions r ON r.id = s.region_id WHERE s.user_id = ? ORDER BY r.name",
            (row[0],),
        )
    )
    units = tuple(
        (county, unit)
        for unit, county in db.execute(
            "SELECT a.name, c.name FROM user_scopes s JOIN council_areas a ON a.id = s.council_area_id "
            "JOIN counties c ON c.id = a.county_id WHERE s.user_id = ? ORDER BY c.name, a.position",
            (row[0],),
        )
    )
    counties = tuple(
        name
        for (name,) in db.execute(
            "SELECT c.name FROM user_scopes s JOIN counties c ON c.id = s.county_id "
            "WHERE s.user_id = ? ORDER BY c.name",
            (row[0],),
        )
    )
    user_id, username, name, email, role = row
    return User(
        user_id,
        username,
        name,
        email,
        role,
        regions=regions,
        council_areas=tuple(unit for _, unit in units),
        counties=counties,
        units=units,
    )


def has_accounts(db: Database) -> bool:
    return db.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def list_users(db: Database) -> list[User]:
    rows = db.execute("SELECT id, username, name, email, role FROM users ORDER BY username").fetchall()
    return [_with_scopes(db, row) for row in rows]


def remove_user(db: Database, username: str) -> None:
    """Remove the account; its sessions go with it (ON DELETE CASCADE), so it is signed out everywhere at once."""
    with write_transaction(db):
        if db.execute("DELETE FROM users WHERE username = ?", (username,)).rowcount == 0:
            raise UnknownUser("core.unknown_user", username=username)


def set_password(db: Database, username: str, password: str) -> None:
    """Set a new password and end every lasting sign-in of the account: whoever knew the old one is out."""
    password_hash = hash_password(password)
    with write_transaction(db):
        changed = db.execute(
            "UPDATE users SET password_hash = ? WHERE username = ?", (password_hash, username)
        ).rowcount
        if changed == 0:
            raise UnknownUser("core.unknown_user", username=username)
        db.execute("DELETE FROM sign_in_failures WHERE name_hash = ?", (_name_hash(username),))
        end_account_sessions(db, username)


def authenticate(db: Database, username: str, password: str, *, now: dt.datetime | None = None) -> User:
    """The user, when the password is right and the name is not closed for failed attempts.

    Every name typed goes the same way, whether an account has it, has no password
    (OIDC only) or does not exist: one hash verified, failures counted and the name
    closed alike, the same answers. So neither the answer nor its time tells which
    names exist.
    """
    moment = (now or _now()).timestamp()
    name_hash = _name_hash(username)
    locked = db.execute("SELECT locked_until FROM sign_in_failures WHERE name_hash = ?", (name_hash,)).fetchone()
    if locked and locked[0] is not None and locked[0] > moment:
        raise SignInLocked("core.sign_in_locked", count=int(locked[0] - moment) + 1)
    account = db.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()
    password_hash = account[0] if account else None
    # Verified first, always: a missing account or password costs the same hash as a wrong one.
    # The dummy is made on the process's first sign-in whatever the name, so that its cost
    # does not single out the first unknown name either.
    dummy_hash = _dummy_hash()
    matched = _verify(password_hash or dummy_hash, password)
    if password_hash is None or not matched:
        _record_failure(db, name_hash, moment)
        raise SignInFailed("core.sign_in_failed")
    # Sign-in bookkeeping is not data: no new revision, so no cache is thrown away.
    with write_transaction(db, count_revision=False):
        db.execute("DELETE FROM sign_in_failures WHERE name_hash = ?", (name_hash,))
        if _HASHER.check_needs_rehash(password_hash):
            db.execute("UPDATE users SET password_hash = ? WHERE username = ?", (_HASHER.hash(password), username))
    return get_user(db, username)


def lock_seconds(failures: int) -> int:
    """How long the name closes after this many failures in a row: 0, then 5 s doubling to 15 min."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(FIRST_LOCK_SECONDS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_SECONDS)


def _record_failure(db: Database, name_hash: str, moment: float) -> None:
    with write_transaction(db, count_revision=False):
        # Counted in one statement under the write lock: parallel wrong guesses queue
        # here and each adds one, so guessing in parallel closes the name as fast as in turn.
        (failures,) = db.execute(
            "INSERT INTO sign_in_failures (name_hash, failures, last_failure) VALUES (?, 1, ?) "
            "ON CONFLICT (name_hash) DO UPDATE SET failures = failures + 1, last_failure = excluded.last_failure "
            "RETURNING failures",
            (name_hash, moment),
        ).fetchone()
        seconds = lock_seconds(failures)
        db.execute(
            "UPDATE sign_in_failures SET locked_until = ? WHERE name_hash = ?",
            (moment + seconds if seconds else None, name_hash),
        )
        # Names a guesser sprays would otherwise pile up; a name quiet this long starts over.
        db.execute("DELETE FROM sign_in_failures WHERE last_failure < ?", (moment - FORGET_SECONDS,))


def _name_hash(username: str) -> str:
    return hashlib.sha256(fold(username).encode()).hexdigest()


@functools.cache
def _dummy_hash() -> str:
    """Verified against when there is no password to check (no such user, or an account
    without one), so that such a name takes as long as a wrong password and does not
    tell which names exist. Of a random secret, so no password can match it. Made on
    first use: hashing costs 64 MiB and tens of milliseconds, which importers that
    never sign in (the loaders) should not pay."""
    return _HASHER.hash(secrets.token_urlsafe(32))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
