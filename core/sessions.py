"""Lasting local sign-ins: a random token the browser keeps as a cookie, and only its hash here.

A sign-in with a password starts a session that lasts ``session_hours`` (a working day).
The browser holds the token; the database holds its SHA-256, the account and the expiry,
so a copy of the database signs nobody in. Signing out ends the session; a new password
and removing the account end every session of that account at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlite_utils import Database

from core.db import write_transaction
from core.settings import setting

COOKIE_NAME = "partnerskapsmonitor_session"


@dataclass(frozen=True)
class NewSession:
    token: str  # for the browser only: never stored, logged or put in a URL
    token_hash: str
    max_age: int  # seconds, for the cookie


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(db: Database, username: str, *, now: dt.datetime | None = None) -> NewSession:
    """A new session for the account, lasting ``session_hours`` from now."""
    moment = now or _now()
    max_age = setting("session_hours", int) * 3600
    token = secrets.token_urlsafe(32)
    hashed = token_hash(token)
    # Sign-in bookkeeping is not data: no new revision, so no cache is thrown away.
    with write_transaction(db, count_revision=False):
        db.execute("DELETE FROM sessions WHERE expires_at <= ?", (_stamp(moment),))
        db.execute(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
            "SELECT ?, id, ?, ? FROM users WHERE username = ?",
            (hashed, _stamp(moment), _stamp(moment + dt.timedelta(seconds=max_age)), username),
        )
    return NewSession(token, hashed, max_age)


def session_username(db: Database, hashed: str, *, now: dt.datetime | None = None) -> str | None:
    """The account whose session this is, while it has not expired; None for an unknown or ended one."""
    row = db.execute(
        "SELECT u.username FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.token_hash = ? AND s.expires_at > ?",
        (hashed, _stamp(now or _now())),
    ).fetchone()
    return row[0] if row else None


def end_session(db: Database, hashed: str) -> None:
    with write_transaction(db, count_revision=False):
        db.execute("DELETE FROM sessions WHERE token_hash = ?", (hashed,))


def end_account_sessions(db: Database, username: str) -> None:
    """End every session of the account; runs inside the caller's write transaction."""
    db.execute("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE username = ?)", (username,))


def served_over_tls(url: str | None, forwarded_proto: str | None) -> bool:
    """Whether the browser reached us over HTTPS: its address says so, or the proxy in front does.

    A proxy that terminates TLS may pass a list ("https, http"); the first hop is the browser's.
    """
    if url and urlsplit(url).scheme.lower() == "https":
        return True
    return forwarded_proto is not None and forwarded_proto.split(",")[0].strip().lower() == "https"


def cookie_text(value: str, max_age: int, *, secure: bool) -> str:
    """The ``document.cookie`` assignment for the session cookie; max_age 0 removes it."""
    attributes = [f"{COOKIE_NAME}={value}", "Path=/", f"Max-Age={max_age}", "SameSite=Strict"]
    if secure:
        attributes.append("Secure")
    return "; ".join(attributes)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
