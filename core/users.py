"""Local accounts: roles, the regions and council areas a reporter holds, passwords, sign-in.

Passwords are hashed with Argon2id (argon2-cffi, salted per hash) and never
stored, logged or returned in clear. After a few failed sign-ins an account is
closed for a while that doubles with every further failure, so guessing is slow
while a person who mistyped waits seconds, not hours.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlite_utils import Database

from core.db import inserted_id, write_transaction
from core.errors import (
    InvalidRole,
    SignInFailed,
    SignInLocked,
    UnknownCouncilArea,
    UnknownUser,
    UserExists,
    WeakPassword,
)
from core.i18n import t
from core.register import council_area_ids, find_region
from core.sessions import end_account_sessions
from core.settings import setting
from core.vocabulary import clean_text, fold

ROLES = ("leser", "rapportor", "administrator")
MIN_PASSWORD_LENGTH = setting("min_password_length", int)
FREE_ATTEMPTS = setting("free_attempts", int)  # failures before the account closes for a while
FIRST_LOCK_SECONDS = setting("first_lock", int)
MAX_LOCK_SECONDS = setting("max_lock", int)
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
) -> User:
    """Create an account; a user without a password can only sign in through OIDC (by e-mail).

    The name is cleaned like every stored text (a BOM or NUL pasted into a shell does not get in).
    """
    role = parse_role(role)
    name = clean_text(name)
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
        _set_scopes(db, user_id, regions, council_areas)
    return get_user(db, username)


def _set_scopes(db: Database, user_id: int, regions: tuple[str, ...], council_areas: tuple[str, ...]) -> None:
    areas = council_area_ids(db)
    for region in regions:
        db.execute("INSERT INTO user_scopes (user_id, region_id) VALUES (?, ?)", (user_id, find_region(db, region).id))
    for area in council_areas:
        if fold(area) not in areas:
            raise UnknownCouncilArea("core.unknown_council_area", area=area)
        db.execute("INSERT INTO user_scopes (user_id, council_area_id) VALUES (?, ?)", (user_id, areas[fold(area)]))


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
    areas = tuple(
        name
        for (name,) in db.execute(
            "SELECT c.name FROM user_scopes s JOIN council_areas c ON c.id = s.council_area_id "
            "WHERE s.user_id = ? ORDER BY c.position",
            (row[0],),
        )
    )
    user_id, username, name, email, role = row
    return User(user_id, username, name, email, role, regions=regions, council_areas=areas)


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
            "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE username = ?",
            (password_hash, username),
        ).rowcount
        if changed == 0:
            raise UnknownUser("core.unknown_user", username=username)
        end_account_sessions(db, username)


def authenticate(db: Database, username: str, password: str, *, now: dt.datetime | None = None) -> User:
    """The user, when the password is right and the account is not closed for failed attempts."""
    moment = now or _now()
    row = db.execute(
        "SELECT password_hash, failed_attempts, locked_until FROM users WHERE username = ?", (username,)
    ).fetchone()
    if row is None:
        _verify(_dummy_hash(), password)
        raise SignInFailed("core.sign_in_failed")
    password_hash, failed, locked_until = row
    if locked_until and dt.datetime.fromisoformat(locked_until) > moment:
        wait = int((dt.datetime.fromisoformat(locked_until) - moment).total_seconds()) + 1
        raise SignInLocked("core.sign_in_locked", count=wait)
    if password_hash is None or not _verify(password_hash, password):
        _record_failure(db, username, failed + 1, moment)
        raise SignInFailed("core.sign_in_failed")
    # Sign-in bookkeeping is not data: no new revision, so no cache is thrown away.
    with write_transaction(db, count_revision=False):
        updates = ["failed_attempts = 0", "locked_until = NULL"]
        params: list = []
        if _HASHER.check_needs_rehash(password_hash):
            updates.append("password_hash = ?")
            params.append(_HASHER.hash(password))
        db.execute(f"UPDATE users SET {', '.join(updates)} WHERE username = ?", (*params, username))
    return get_user(db, username)


def lock_seconds(failures: int) -> int:
    """How long the account closes after this many failures in a row: 0, then 5 s doubling to 15 min."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(FIRST_LOCK_SECONDS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_SECONDS)


def _record_failure(db: Database, username: str, failures: int, moment: dt.datetime) -> None:
    seconds = lock_seconds(failures)
    until = (moment + dt.timedelta(seconds=seconds)).isoformat(timespec="seconds") if seconds else None
    with write_transaction(db, count_revision=False):
        db.execute(
            "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE username = ?", (failures, until, username)
        )


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the user does not exist, so that an unknown name takes as
    long as a wrong password and does not tell which names exist. Made on first use:
    hashing costs 64 MiB and tens of milliseconds, which importers that never sign in
    (the loaders) should not pay."""
    return _HASHER.hash("partnerskapsmonitor-dummy-password")


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
