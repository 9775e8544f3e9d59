"""Who may do what. Every function that writes asks here before it writes, so a
hidden button is never the only guard.

- leser (viewer): reads.
- rapportør (reporter): also saves status for the regions and council areas the
  account holds. A row is theirs when they hold its region *or* the council area
  that follows the commitment up.
- administrator: everything, including rollback, agreements, the commitment
  register and the reading setting.
"""

from __future__ import annotations

from sqlite_utils import Database

from core.db import write_transaction
from core.errors import MonitorError
from core.users import User

OPEN_READING_KEY = "open_reading"


class NotAllowed(MonitorError):
    """The user's role does not allow this action."""


def may_report(user: User) -> bool:
    """Whether the role lets the user save status at all (which rows is :func:`holds`)."""
    return user.role in ("rapportor", "administrator")


def require_reporter(user: User) -> None:
    if not may_report(user):
        raise NotAllowed(f"{user.name} har lesetilgang og kan ikke laste opp status. Spør en administrator om tilgang.")


def require_admin(user: User, action: str) -> None:
    """``action`` completes "Bare administratorer kan …", e.g. "tilbakestille opplastinger"."""
    if not user.is_admin:
        raise NotAllowed(f"Bare administratorer kan {action}; {user.name} er ikke administrator.")


def holds(user: User, region: str, council_area: str | None) -> bool:
    """Whether the user may report for a commitment in this region, followed up by this council area."""
    if user.is_admin:
        return True
    if user.role != "rapportor":
        return False
    return region in user.regions or (council_area is not None and council_area in user.council_areas)


def scope_text(user: User) -> str:
    """What the user reports for, in words: "Follo regionråd og Samferdsel"."""
    held = [*user.regions, *user.council_areas]
    if not held:
        return "ingenting"
    return held[0] if len(held) == 1 else ", ".join(held[:-1]) + " og " + held[-1]


def reading_open(db: Database) -> bool:
    """Whether anyone may read the dashboard without signing in (off unless turned on)."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", (OPEN_READING_KEY,)).fetchone()
    return bool(row and row[0])


def set_reading_open(db: Database, open_: bool, *, user: User) -> None:
    require_admin(user, "endre hvem som kan lese uten å logge inn")
    with write_transaction(db):
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (OPEN_READING_KEY, int(open_)),
        )
